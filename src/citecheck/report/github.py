"""GitHub Actions workflow commands: one annotation per finding, shown on the changed lines.

Errors become ``::error``, warnings ``::warning`` and info ``::notice``. Values are escaped as
the Actions runner expects: ``%``, CR and LF in the message, and also ``:`` and ``,`` in the
properties, which would otherwise end a property early.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Sequence, TextIO

from citecheck.model import Finding, Severity
from citecheck.report import View, printable
from citecheck.report.full import summary_line

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.inputs import InputFailure

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
EXCERPT_WIDTH = 200


def escape_data(text: str) -> str:
    """Escaped for the runner; other control characters shown as escapes, as the log is a terminal."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    """The workflow command for one finding."""
    props = {
        "file": f.path, "line": str(max(f.line, 1)), "col": str(max(f.column, 1)),
        "endLine": str(max(f.end_line, f.line, 1)),
        "title": f"{f.code} {f.name}",
    }
    if props["endLine"] == props["line"] and f.end_column > f.column:
        props["endColumn"] = str(f.end_column)
    message = f.message
    excerpt = " ".join(f.excerpt.split())
    if excerpt:
        message += "\n" + textwrap.shorten(excerpt, EXCERPT_WIDTH, placeholder=" …")
    if "fix" in f.evidence:
        # Workflow commands cannot carry a suggested change; the annotation names the fix.
        message += "\nFix (citecheck --fix): " + f.evidence["fix"]["description"]
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{COMMANDS[f.severity]} {rendered}::{escape_data(message)}"


def ordered(results: Sequence["Result"]) -> list[Finding]:
    """Every finding, errors first: GitHub shows only the first ten annotations of each kind per
    step (fifty per job), so the most serious must come first; the rest stay in the log."""
    findings = [f for result in results for f in result.findings]
    return sorted(findings, key=lambda f: -f.severity)


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False,
           errors: Sequence["InputFailure"] = (), view: View = View()) -> None:
    """Annotations, errors first; an input that could not be linted is an error on that file."""
    for failure in errors:
        out.write(f"::error file={escape_property(failure.path)},title=citecheck could not lint this "
                  f"file::{escape_data(failure.message)}\n")
    for f in ordered(results):
        out.write(annotation(f) + "\n")
    if view.summary:
        out.write(summary_line(results, errors) + "\n")

"""The default report for people: each finding with its location, message and the text it is about."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Iterator, Sequence, TextIO

from citecheck.model import Severity
from citecheck.report import View, printable, summary_counts

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.inputs import InputFailure
    from citecheck.model import Finding

_STYLES = {"bold": "1", "error": "1;31", "warning": "1;33", "info": "1;36", "dim": "2"}
EXCERPT_WIDTH = 160


def paint(text: str, style: str, color: bool) -> str:
    if not color or style not in _STYLES:
        return text
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"


def summary_line(results: Sequence["Result"], errors: Sequence["InputFailure"] = ()) -> str:
    counts = summary_counts(results)
    total = sum(counts.values())
    files = len(results)
    unread = f"; {len(errors)} input{'s' * (len(errors) != 1)} could not be linted" if errors else ""
    if not total:
        return f"No findings in {files} file{'s' * (files != 1)}{unread}."
    parts = ", ".join(f"{n} {name}{'s' * (n != 1 and name != 'info')}" for name, n in counts.items() if n)
    return f"Found {total} finding{'s' * (total != 1)} ({parts}) in {files} file{'s' * (files != 1)}{unread}."


def error_lines(errors: Sequence["InputFailure"], color: bool) -> Iterator[str]:
    """One line per input that could not be linted, shaped like a finding's line."""
    for failure in errors:
        yield f"{paint(printable(failure.path) + ':', 'bold', color)} {paint('error:', 'error', color)} " \
              f"{printable(failure.message)}"


def shown(results: Sequence["Result"], view: View) -> Iterator[tuple["Finding", int]]:
    """(finding, how many more it stands for) for each line to print, in file order.

    With ``view.fold``, the info findings of one rule in one file print as their first one,
    standing for the rest.
    """
    for result in results:
        visible = [f for f in result.findings if view.show is None or f.severity in view.show]
        folded: dict[str, int] = {}
        if view.fold:
            for f in visible:
                if f.severity == Severity.INFO:
                    folded[f.code] = folded.get(f.code, 0) + 1
        printed: set[str] = set()
        for f in visible:
            if folded.get(f.code, 0) > 1:
                if f.code in printed:
                    continue
                printed.add(f.code)
                yield f, folded[f.code] - 1
            else:
                yield f, 0


def fold_note(more: int) -> str:
    return f" (and {more} more like it in this file; --no-fold lists them)" if more else ""


def closing_lines(results: Sequence["Result"], errors: Sequence["InputFailure"], view: View) -> str:
    """The summary line, saying how many findings --show left out."""
    if not view.summary:
        return ""
    hidden = sum(1 for r in results for f in r.findings if view.show is not None and f.severity not in view.show)
    note = f"{hidden} finding{'s' * (hidden != 1)} not shown (--show).\n" if hidden else ""
    return summary_line(results, errors) + "\n" + note


def excerpt(finding: "Finding", width: int = EXCERPT_WIDTH) -> str:
    """The statement or reference text, shortened around nothing: a reader wants its start."""
    text = " ".join(printable(finding.excerpt).split())
    return textwrap.shorten(text, width, placeholder=" …") if len(text) > width else text


def location(f: "Finding", color: bool) -> str:
    """``path:line:col:``, the path made printable (file and page names come from outside)."""
    return paint(f"{printable(f.path)}:{f.line}:{f.column}:", "bold", color)


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False,
           errors: Sequence["InputFailure"] = (), view: View = View()) -> None:
    for line in error_lines(errors, color):
        out.write(line + "\n\n")
    for f, more in shown(results, view):
        out.write(f"{location(f, color)} {paint(f.code, str(f.severity), color)} "
                  f"{paint(f'[{f.severity}]', str(f.severity), color)} {printable(f.message)}"
                  f"{fold_note(more)}\n")
        if f.excerpt:
            out.write(paint(f"    | {excerpt(f)}", "dim", color) + "\n")
        out.write("\n")
    out.write(closing_lines(results, errors, view))

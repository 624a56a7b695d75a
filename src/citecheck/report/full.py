"""The default report for people: each finding with its location, message and the text it is about."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Sequence, TextIO

from citecheck.report import printable, summary_counts

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.model import Finding

_STYLES = {"bold": "1", "error": "1;31", "warning": "1;33", "info": "1;36", "dim": "2"}
EXCERPT_WIDTH = 160


def paint(text: str, style: str, color: bool) -> str:
    if not color or style not in _STYLES:
        return text
    return f"\x1b[{_STYLES[style]}m{text}\x1b[0m"


def summary_line(results: Sequence["Result"]) -> str:
    counts = summary_counts(results)
    total = sum(counts.values())
    files = len(results)
    if not total:
        return f"No findings in {files} file{'s' * (files != 1)}."
    parts = ", ".join(f"{n} {name}{'s' * (n != 1 and name != 'info')}" for name, n in counts.items() if n)
    return f"Found {total} finding{'s' * (total != 1)} ({parts}) in {files} file{'s' * (files != 1)}."


def excerpt(finding: "Finding", width: int = EXCERPT_WIDTH) -> str:
    """The statement or reference text, shortened around nothing: a reader wants its start."""
    text = " ".join(printable(finding.excerpt).split())
    return textwrap.shorten(text, width, placeholder=" …") if len(text) > width else text


def location(f: "Finding", color: bool) -> str:
    """``path:line:col:``, the path made printable (file and page names come from outside)."""
    return paint(f"{printable(f.path)}:{f.line}:{f.column}:", "bold", color)


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False) -> None:
    for result in results:
        for f in result.findings:
            out.write(f"{location(f, color)} {paint(f.code, str(f.severity), color)} "
                      f"{paint(f'[{f.severity}]', str(f.severity), color)} {printable(f.message)}\n")
            if f.excerpt:
                out.write(paint(f"    | {excerpt(f)}", "dim", color) + "\n")
            out.write("\n")
    out.write(summary_line(results) + "\n")

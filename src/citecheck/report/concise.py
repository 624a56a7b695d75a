"""One line per finding: ``path:line:col: CODE [severity] message`` (grep- and editor-friendly)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence, TextIO

from citecheck.report import printable
from citecheck.report.full import location, paint, summary_line

if TYPE_CHECKING:
    from citecheck.api import Result


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False) -> None:
    for result in results:
        for f in result.findings:
            out.write(f"{location(f, color)} {paint(f.code, str(f.severity), color)} [{f.severity}] "
                      f"{printable(f.message)}\n")
    out.write(summary_line(results) + "\n")

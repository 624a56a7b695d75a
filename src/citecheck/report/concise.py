"""One line per finding: ``path:line:col: CODE [severity] message`` (grep- and editor-friendly)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence, TextIO

from citecheck.report.full import paint, summary_line

if TYPE_CHECKING:
    from citecheck.api import Result


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False) -> None:
    for result in results:
        for f in result.findings:
            where = paint(f"{f.path}:{f.line}:{f.column}:", "bold", color)
            out.write(f"{where} {paint(f.code, str(f.severity), color)} [{f.severity}] {f.message}\n")
    out.write(summary_line(results) + "\n")

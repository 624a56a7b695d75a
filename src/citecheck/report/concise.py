"""One line per finding: ``path:line:col: CODE [severity] message`` (grep- and editor-friendly)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence, TextIO

from citecheck.report import View, printable
from citecheck.report.full import closing_lines, error_lines, fold_note, location, paint, shown

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.inputs import InputFailure


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False,
           errors: Sequence["InputFailure"] = (), view: View = View()) -> None:
    for line in error_lines(errors, color):
        out.write(line + "\n")
    for f, more in shown(results, view):
        out.write(f"{location(f, color)} {paint(f.code, str(f.severity), color)} [{f.severity}] "
                  f"{printable(f.message)}{fold_note(more)}\n")
    out.write(closing_lines(results, errors, view))

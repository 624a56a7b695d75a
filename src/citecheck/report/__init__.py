"""One reporter per output format; each renders Results and knows nothing else."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Sequence, TextIO

if TYPE_CHECKING:
    from citecheck.api import Result

FORMATS = ("full", "concise", "json", "sarif", "github", "markdown", "html")


def render(fmt: str, results: Sequence["Result"], out: TextIO, *, color: bool = False) -> None:
    """Write ``results`` to ``out`` in format ``fmt``; reporter modules load on demand."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} (choose {', '.join(FORMATS)})")
    module = importlib.import_module(f"citecheck.report.{fmt}")
    module.render(results, out, color=color)


def summary_counts(results: Sequence["Result"]) -> dict[str, int]:
    """Findings per severity name, every severity present (zeros included)."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for finding in result.findings:
            counts[str(finding.severity)] += 1
    return counts

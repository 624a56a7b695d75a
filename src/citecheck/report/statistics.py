"""``--statistics``: how many findings each rule reported, most frequent first (as ruff prints it).

The counts are those of the JSON report's ``summary.by_code``: both count every finding.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, Sequence, TextIO

from citecheck.report import write_json

if TYPE_CHECKING:
    from citecheck.api import Result


def rows(results: Sequence["Result"]) -> list[dict[str, Any]]:
    """One row per rule that reported: code, name, severity and count, most findings first."""
    counts = Counter(f.code for r in results for f in r.findings)
    worst: dict[str, Any] = {}  # a rule whose severity grows with the evidence shows its highest
    for result in results:
        for f in result.findings:
            if f.code not in worst or f.severity > worst[f.code].severity:
                worst[f.code] = f
    return [{"code": code, "name": worst[code].name, "severity": str(worst[code].severity), "count": n}
            for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def render(results: Sequence["Result"], out: TextIO, *, as_json: bool = False) -> None:
    table = rows(results)
    if as_json:
        write_json(table, out)
        return
    width = max((len(str(row["count"])) for row in table), default=1)
    for row in table:
        out.write(f"{row['count']:>{width}}  {row['code']}  {row['name']}  [{row['severity']}]\n")
    total = sum(row["count"] for row in table)
    out.write(f"Found {total} finding{'s' * (total != 1)}.\n")

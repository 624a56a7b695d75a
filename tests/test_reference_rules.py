"""What the reference-quality rules hand to reports: the entries involved and why."""

from __future__ import annotations

from citecheck import lint_text
from citecheck.config import Settings

DUPLICATES = """Fighting began.[1] Troops advanced.[2]

References

  1. ^ "Azerbaijan denies sending fighters". Reuters. 28 September 2020.
  2. ^ "Azerbaijan denies sending fighters". Reuters. 28 September 2020.
"""


def test_duplicate_reference_names_both_entries() -> None:
    result = lint_text(DUPLICATES, "text", settings=Settings(select=["CC504"]))
    [finding] = [f for f in result.findings if f.code == "CC504"]
    second = result.document.references[1]
    assert finding.reference is second
    assert finding.refs == ["1", "2"]
    assert finding.evidence == {"duplicate_of": "1", "matched": "title"}

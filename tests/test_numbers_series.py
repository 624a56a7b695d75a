"""Numbers a keyword labels, alone or in a series: "Season two and three", "games 3 and 4"."""

from __future__ import annotations

import pytest

from citecheck.parsers.numbers import find_numeric_claims


def raws(text: str) -> list[str]:
    return [c.raw for c in find_numeric_claims(text) if c.kind != "vague"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Season two and three cast member Amy joined the show.", []),
    ("He starred in game three of the series.", []),
    ("He arranged tracks 1 to 4 and episodes 5, 6 and 7.", []),
    ("He played games 3 and 4, 5 of them at home.", ["5"]),  # "4" closes "3 and 4", whatever follows
    ("In game 7, 3 players were injured.", ["3"]),  # a comma after a label starts no series
    ("London was the first city to host the games three times.", ["three"]),
    # A long series with no keyword: every number stays a figure.
    ("The results were 10, 12, 14, 16, 18 and 20 in the six seasons.", ["10", "12", "14", "16", "18", "20"]),
])
def test_labelled_series(text: str, expected: list[str]) -> None:
    assert raws(text) == expected

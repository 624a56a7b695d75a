"""Verse references: their numbers are no figures, and an entry made of them cites completely."""

from __future__ import annotations

import pytest

from citecheck.parsers.scripture import cites_verses_only, verse_spans


@pytest.mark.parametrize(("text", "found"), [
    ("as it does in 1 Samuel 3:14, the boy", ["1 Samuel 3:14"]),
    ("Exodus 10:1, 20, 27; 11:10 and more", ["Exodus 10:1, 20, 27; 11:10"]),
    ("Exodus 7:20–21; Ezekiel 29:4–5", ["Exodus 7:20–21", "Ezekiel 29:4–5"]),
    ("Song of Songs 2:1 and Qur'an 2:255", ["Song of Songs 2:1", "Qur'an 2:255"]),
    ("2 Kings 5:26.", ["2 Kings 5:26"]),
    ("Exodus 10:1, 20 men fled", ["Exodus 10:1"]),  # a count after the verse is no verse
    ("At 3:15 pm John left", []),  # a time, the name after it
    ("Mark scored 3:1 in the final", []),  # no book right before the numbers
    ("Genesis sold 3,000 copies", []),
])
def test_verse_spans(text: str, found: list[str]) -> None:
    assert [text[start:end] for start, end in verse_spans(text)] == found


@pytest.mark.parametrize(("text", "complete"), [
    ("1 Samuel 4:13.", True),
    ("Exodus 7:4; Ezekiel 28:26.", True),
    ("See Matthew 5:3–12", True),
    ("Exodus 7:4 and Ezekiel 28:26", False),  # "and" without the list's separator
    ("Exodus 7:4, as quoted by Rashi", False),
    ("Samuel.", False),
    ("Genesis 12", False),  # a chapter without a verse
])
def test_cites_verses_only(text: str, complete: bool) -> None:
    assert cites_verses_only(text) is complete

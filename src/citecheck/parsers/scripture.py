"""Chapter-and-verse references to scripture ("1 Samuel 3:14", "Exodus 10:1, 20, 27", "Qur'an 2:255").

A verse reference names its passage completely, as a page number names a page: its numbers
are no figures of the article, and a reference-list entry made of them is a complete citation.
"""

from __future__ import annotations

import re

# The books of the Bible (with the deuterocanonical ones) and the Qur'an, by the names
# citations give them; numbered books take their number before the name ("1 Samuel", "2 Kings").
BOOKS = (
    "Genesis Exodus Leviticus Numbers Deuteronomy Joshua Judges Ruth Samuel Kings Chronicles Ezra "
    "Nehemiah Esther Job Psalm Psalms Proverbs Ecclesiastes Isaiah Jeremiah Lamentations Ezekiel "
    "Daniel Hosea Joel Amos Obadiah Jonah Micah Nahum Habakkuk Zephaniah Haggai Zechariah Malachi "
    "Matthew Mark Luke John Acts Romans Corinthians Galatians Ephesians Philippians Colossians "
    "Thessalonians Timothy Titus Philemon Hebrews James Peter Jude Revelation Tobit Judith Maccabees "
    "Sirach Baruch Quran Qur'an Surah"
).split()
# The lower-cased words of the names: a text holding none of them holds no verse reference.
BOOK_WORDS = frozenset(word.lower().split("'")[0] for word in BOOKS) | {"song", "songs", "solomon"}

_BOOK = rf"(?:[1-4]\s?)?(?:{'|'.join(re.escape(book) for book in BOOKS)}|Song\s+of\s+(?:Songs|Solomon))"
_VERSES = r"\d{1,3}:\d{1,3}(?:\s*[–-]\s*\d{1,3}(?::\d{1,3})?)?"
# More verses of the book ("…, 20, 27", "…; 11:10"); a bare number only when no word but "and"
# or "or" follows it, which would make it a count ("…, 20 men").
_MORE_VERSES = (rf"(?:[;,]\s*{_VERSES}"
                rf"|,\s*\d{{1,3}}(?:\s*[–-]\s*\d{{1,3}})?(?![\d,.]*\s*(?!(?:and|or)\b)[^\W\d_]))*")
VERSE_REFERENCE = re.compile(rf"\b{_BOOK}\.?\s+{_VERSES}{_MORE_VERSES}")
# An entry made of verse references only: "1 Samuel 4:13.", "Exodus 7:4; Ezekiel 28:26".
_ONLY_VERSES = re.compile(rf"\s*(?:See\s+)?{VERSE_REFERENCE.pattern}(?:\s*[;,]\s*(?:and\s+)?{VERSE_REFERENCE.pattern})*\s*\.?\s*")


def verse_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the verse references in ``text``."""
    return [match.span() for match in VERSE_REFERENCE.finditer(text)] if ":" in text else []


def cites_verses_only(text: str) -> bool:
    """Whether ``text`` is nothing but verse references, a complete citation of scripture."""
    return ":" in text and _ONLY_VERSES.fullmatch(text) is not None

"""Sentence segmentation and citation attachment, shared by every parser.

Each parser reduces a block of its input to a Paragraph: readable text with markup and
citation markers removed, the source offset of every character, and where each marker sat.
This module splits the paragraph into sentences and gives each sentence the citations that
follow its last word or closing punctuation (DESIGN.md §3), so the three formats agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from citecheck.model import Citation, Span, Statement, Tag

# Words that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt maj capt sgt cpl pvt adm brig cmdr gov sen rep pres rev hon
    sr jr st mt ft no nos vs v cf ca approx dept est inc ltd co corp bros jan feb mar apr jun
    jul aug sep sept oct nov dec e.g i.e al fig figs vol vols ed eds pp p op comp repr trans
    univ assn ave blvd rd
    """.split()
)

_BOUNDARY = re.compile(
    r"""(?:[.!?]|\.\.\.|…)            # terminal punctuation
        [\"'”’»)\]]*                  # closing quotes or brackets after it
        (?=\s+[\"'“‘«(\[]?[^\W_a-z])  # whitespace, then something that can start a sentence
    """,
    re.X,
)
_WORD_BEFORE = re.compile(r"([\w.]+)[.]$")
_CLAUSE_BREAK = re.compile(r"[,;:–—]\s|\s[–—]\s|\(\s*")


@dataclass
class Paragraph:
    """A block of readable text and where it came from.

    ``offsets[i]`` is the source offset of ``text[i]``. ``markers`` are (position in text,
    Citation) pairs: the position is where the marker stood, between ``text[pos-1]`` and
    ``text[pos]``. ``tags`` likewise for inline maintenance tags.
    """

    text: str
    offsets: list[int]
    markers: list[tuple[int, Citation]] = field(default_factory=list)
    tags: list[tuple[int, Tag]] = field(default_factory=list)
    kind: str = "prose"
    section: tuple[str, ...] = ()
    index: int = 0


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, trimmed of surrounding whitespace.

    Periods after abbreviations ("Gen.", "U.S.") and initials ("Robert C. O'Brien") and
    decimal points do not end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _is_abbreviation(text: str, period: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, period - 24), period + 1)
    if word is None:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True  # an initial: "Robert C. O'Brien"
    if "." in token and len(token) <= 6:
        return True  # "U.S.", "e.g."
    return token.lower() in ABBREVIATIONS


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def statements_from_paragraph(par: Paragraph, *, split: bool = True) -> list[Statement]:
    """Statements of one paragraph, each with the citations and tags that belong to it.

    With ``split=False`` the whole paragraph is one statement (an infobox row, a table cell).
    A marker belongs to the sentence that contains the last non-space character before it.
    """
    spans = split_sentences(par.text) if split else ([_trim(par.text, 0, len(par.text))] if par.text.strip() else [])
    spans = [s for s in spans if s is not None]
    if not spans:
        return []
    statements: list[Statement] = []
    for start, end in spans:
        statements.append(Statement(
            text=par.text[start:end],
            span=Span(par.offsets[start], par.offsets[end - 1] + 1),
            kind=par.kind,
            section=par.section,
            paragraph=par.index,
            offsets=par.offsets[start:end],
        ))
    _attach(par, spans, statements)
    return statements


def _owner(par_text: str, spans: Sequence[tuple[int, int]], pos: int) -> int:
    """Index of the sentence a marker at ``pos`` belongs to."""
    probe = pos
    while probe > 0 and par_text[probe - 1].isspace():
        probe -= 1
    for i, (start, end) in enumerate(spans):
        if start < probe <= end:
            return i
        if probe <= start:
            return max(0, i - 1) if probe < start and i > 0 else i
    return len(spans) - 1


def _attach(par: Paragraph, spans: Sequence[tuple[int, int]], statements: list[Statement]) -> None:
    for pos, citation in par.markers:
        i = _owner(par.text, spans, pos)
        stmt = statements[i]
        start = spans[i][0]
        citation.clause = _clause_before(par.text[start:pos])
        stmt.citations.append(citation)
        if citation.span.end > stmt.span.end:
            stmt.span = Span(stmt.span.start, citation.span.end)
    for pos, tag in par.tags:
        stmt = statements[_owner(par.text, spans, pos)]
        stmt.tags.append(tag)
        if tag.span.end > stmt.span.end:
            stmt.span = Span(stmt.span.start, tag.span.end)


def _clause_before(text: str) -> str:
    """The clause a mid-sentence marker follows: text after the last clause break."""
    stripped = text.rstrip()
    cut = 0
    for match in _CLAUSE_BREAK.finditer(stripped):
        if match.end() < len(stripped):
            cut = match.end()
    return stripped[cut:].strip()

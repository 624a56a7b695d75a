"""Sentence segmentation and citation attachment, shared by every parser.

Each parser reduces a block of its input to a Paragraph: readable text with markup and
citation markers removed, the source offset of every character, and where each marker sat.
This module splits the paragraph into sentences and gives each sentence the citations that
follow its last word or closing punctuation (DESIGN.md §3), so the three formats agree.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from citecheck.model import Citation, Span, Statement, Tag

# Words that end with a period without ending a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt maj capt sgt cpl pvt adm brig cmdr gov sen rep pres rev hon
    sr jr st mt ft vs v cf ca approx dept est inc ltd co corp bros jan feb mar apr jun
    jul aug sep sept oct nov dec al ed eds op comp repr trans
    univ assn ave blvd rd gens lieut cmdt supt insp messrs mme mlle
    """.split()
)
# Abbreviations that only stand before a number ("No. 1", "pp. 25"): elsewhere "no." ends a sentence.
# Abbreviations that stand before a number: "No. 1", "pp. 25–30"; and the dates of a life or a
# reign, "(b. 1950)", "(d. 537 BC)", "fl. 1200", "r. 1509–1547", "c. 1900".
NUMERIC_ABBREVIATIONS = frozenset("no nos nr art ch sec para pt pts fig figs vol vols pp p b d fl r c ca".split())
# A table's source line, in any format: "Source: Southern Football League", "Source #1: NOAA",
# "Source: FAOSTAT, United_Nations[60]", and "Source:.[4]" or "Source:[4]", whose footnote
# marker is no part of the text.
TABLE_SOURCE_LINE = re.compile(r"\s*Sources?(?:\s*#\d)?\s*:\.?\s*(?:\w|$)")

_BOUNDARY = re.compile(
    r"""[.!?…]                        # terminal punctuation (the last point of an ellipsis)
        [\"'”’»)\]]*                  # closing quotes or brackets after it
        (?=\s+[\"'“‘«(\[]?([^\W_]))   # whitespace, then a letter or digit (not lower-case)
    """,
    re.X,
)
_NEXT_CHAR = re.compile(r"\s*[\"'“‘«(\[]?(\S)")
# A capital letter with an exclamation mark, a word of its own: the names "M! Countdown", "E!
# News". A sentence that ends so ("they needed a Plan B!") is rarer in an encyclopedia than they.
_BRAND_EXCLAMATION = re.compile(r"(?<![\w.'’])[A-Z]!$")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "januar jänner februar märz mai juni juli oktober dezember".split()
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# The rest of an abbreviated journal title up to its volume, page and year: " Phys. 13, 145, (1908)".
_JOURNAL_TITLE_GOES_ON = re.compile(r"(?:\s+[A-Z][a-z]{0,5}\.)*\s+\d{1,4},\s?\d{1,5}(?:[-–]\d{1,5})?,?\s?\(\d{4}\)")
_STRAIGHT_QUOTE = re.compile('"')
_CURLY_QUOTED = re.compile(r"“[^“”]{1,800}”")


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


def split_sentences(text: str, markers: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, trimmed of surrounding whitespace.

    A boundary is terminal punctuation (with any closing quotes or brackets) followed by
    whitespace and a character that can start a sentence. Periods after abbreviations
    ("Gen.", "U.S.", "Jr."), initials ("Robert C. O'Brien") and numbering abbreviations
    before a number ("No. 1", "(d. 537 BC)") do not end a sentence; decimals ("22.8%") never match
    because no whitespace follows their point. But a citation marker right after such a period
    (``markers``: where markers stood in ``text``) closes the sentence: "… and Simon D.[23] On
    October 18, …".
    """
    spans: list[tuple[int, int]] = []
    start = 0
    quotes = _quoted(text) if '"' in text or "“" in text else []
    q = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if text[match.start(1)].islower():
            continue  # "é", "ж": lower case in any script continues the sentence
        if (text[match.start()] == "." and _is_abbreviation(text, match.start(), end)
                and not _marked(markers, match.start() + 1, end)):
            continue
        if text[match.start()] == "!" and _BRAND_EXCLAMATION.search(text, 0, match.start() + 1):
            continue  # "on M! Countdown", "E! News": a name's exclamation mark
        while q < len(quotes) and quotes[q][1] < match.start():
            q += 1
        if q < len(quotes) and quotes[q][0] < match.start() and end <= quotes[q][1]:
            continue  # inside a quotation: "We are talking. We have relations."
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return [trimmed for s, e in spans for piece in _pieces(text, s, e) if (trimmed := _trim(text, *piece))]


# No sentence is longer: past it, a run of text with no sentence's end (a damaged list of
# thousands of items, one figure each) is cut at a space, so that the rules' reading of each
# figure in its sentence costs no more than in a long real one.
_LONGEST_SENTENCE = 3000


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``_LONGEST_SENTENCE`` characters, cut at spaces."""
    while end - start > _LONGEST_SENTENCE:
        cut = text.rfind(" ", start + _LONGEST_SENTENCE // 2, start + _LONGEST_SENTENCE)
        cut = cut + 1 if cut > 0 else start + _LONGEST_SENTENCE
        yield start, cut
        start = cut
    yield start, end


def _marked(markers: Sequence[int], start: int, end: int) -> bool:
    """Whether a marker stood between ``start`` and ``end`` (``markers`` in order)."""
    k = bisect.bisect_left(markers, start)
    return k < len(markers) and markers[k] <= end


def _quoted(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of double-quoted passages, in order.

    Straight quotes pair up only when they balance in the paragraph, so one stray quote
    does not swallow the rest; passages longer than a long paragraph are not quotations.
    """
    intervals = [(m.start(), m.end() - 1) for m in _CURLY_QUOTED.finditer(text)]
    straight = [m.start() for m in _STRAIGHT_QUOTE.finditer(text)]
    if straight and len(straight) % 2 == 0:
        intervals.extend((a, b) for a, b in zip(straight[::2], straight[1::2]) if b - a <= 800)
    intervals.sort()
    return intervals


def _is_abbreviation(text: str, period: int, after: int) -> bool:
    """Whether the period at ``period`` belongs to an abbreviation or an initial."""
    if period > 0 and text[period - 1] == ".":
        return False  # an ellipsis ends the sentence when a capital follows
    window = max(0, period - 24)
    start = max(text.rfind(" ", window, period), text.rfind("\u00a0", window, period),
                text.rfind("(", window, period), window - 1) + 1
    token = text[start:period].lstrip("\"'“‘’-")
    if token.isdigit() and len(token) <= 2:
        # German-style dates: "am 1. September 2021" (a day number, then a month).
        following = _NEXT_WORD.match(text, after)
        return bool(following and following.group(1).lower() in _MONTH_NAMES)
    if not token or (not token.isalpha() and any(ch.isdigit() for ch in token)):
        return False  # "Windows 3.1." or "in 1994." end sentences
    if len(token) == 1 and token.isupper():
        return True  # an initial: "Robert C. O'Brien"
    lowered = token.lower()
    if lowered in NUMERIC_ABBREVIATIONS:
        following = _NEXT_CHAR.match(text, after)
        return bool(following and following.group(1).isdigit())
    if lowered in ABBREVIATIONS:
        return True
    if token[0].isupper() and len(token) <= 6 and _JOURNAL_TITLE_GOES_ON.match(text, after):
        return True  # a journal's abbreviated title: "Ann. Chem. Phys. 13, 145, (1908)"
    # Dotted abbreviations: "U.S.", "e.g.", "D.C." (letters separated by periods).
    return "." in token and _DOTTED.fullmatch(token) is not None


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
    text, offsets = par.text, par.offsets
    if split:
        spans = split_sentences(text, [pos for pos, _ in par.markers])  # markers are kept in text order
    else:
        whole = _trim(text, 0, len(text))
        spans = [whole] if whole else []
    if not spans:
        return []
    kind, section, paragraph = par.kind, par.section, par.index
    statements: list[Statement] = []
    for start, end in spans:
        first, last = offsets[start], offsets[end - 1] + 1
        statements.append(Statement(
            text=text[start:end],
            span=Span(first, last if last > first else first),  # offsets may step back where a parser joined text
            kind=kind,
            section=section,
            paragraph=paragraph,
            offsets=offsets[start:end],
        ))
    if par.markers or par.tags:  # most paragraphs (infobox rows, table cells, uncited prose) carry neither
        _attach(par, spans, statements)
    return statements


def _owner(par_text: str, spans: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> int:
    """Index of the sentence a marker at ``pos`` belongs to (``starts``: the sentence starts).

    The owner holds the last non-space character before the marker; a marker before any
    sentence (or in a gap) goes to the sentence before it, or to the first one.
    """
    probe = pos
    while probe > 0 and par_text[probe - 1].isspace():
        probe -= 1
    i = bisect.bisect_left(starts, probe)  # first sentence starting at or after the probe
    if i > 0 and probe <= spans[i - 1][1]:
        return i - 1
    if i < len(spans):
        return i if probe == starts[i] or i == 0 else i - 1
    return len(spans) - 1


def _attach(par: Paragraph, spans: Sequence[tuple[int, int]], statements: list[Statement]) -> None:
    starts = [start for start, _ in spans]
    for pos, citation in par.markers:
        i = _owner(par.text, spans, starts, pos)
        stmt = statements[i]
        start = spans[i][0]
        citation.clause = _clause_before(par.text[max(start, pos - 400):pos])
        stmt.citations.append(citation)
        if citation.span.end > stmt.span.end:
            stmt.span = Span(stmt.span.start, citation.span.end)
    for pos, tag in par.tags:
        stmt = statements[_owner(par.text, spans, starts, pos)]
        stmt.tags.append(tag)
        if tag.span.end > stmt.span.end:
            stmt.span = Span(stmt.span.start, tag.span.end)


def _clause_before(text: str) -> str:
    """The clause a mid-sentence marker follows: text after the last clause break
    (", ", "; ", ": ", a dash or an opening parenthesis)."""
    stripped = text.rstrip().rstrip(",;:.–— ")
    cut = stripped.rfind("(") + 1
    for sep in (", ", "; ", ": ", "– ", "— ", ",\u00a0"):
        found = stripped.rfind(sep)
        if found >= 0:
            cut = max(cut, found + len(sep))
    return stripped[cut:].strip()

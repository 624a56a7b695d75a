"""The document model: the contract between parsers, rules and reporters.

Parsers build a Document; rules read it and return Findings; reporters read Findings.
Every location is a Span of character offsets into ``Document.source`` so that the
same rule reports exact lines and columns whatever the input format was.
"""

from __future__ import annotations

import bisect
import enum
import functools
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable


class Severity(enum.IntEnum):
    """Finding severity; ordered so that ``>=`` compares seriousness."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (choose error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into the document source."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


class LineIndex:
    """Maps character offsets to 1-based (line, column) pairs in O(log n)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(m.end() for m in re.finditer("\n", text))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


@dataclass(slots=True)
class Reference:
    """One entry of the reference list, or one ``<ref>`` definition.

    ``key`` is the list number in a rendered copy ("12"), the note letter ("d"), or the
    ref name in wikitext. Normalised citation fields live in ``fields`` under the names of
    ``citecheck.parsers.citations.FIELDS``; dates are kept as the raw strings found and
    parsed on demand by the rules that need them.
    """

    key: str
    span: Span
    raw: str
    group: str = ""  # "" for ordinary references, "note" (or the wikitext group) for notes
    template: str = ""  # e.g. "cite web"; "" for free text
    fields: dict[str, str] = field(default_factory=dict)
    domain: str = ""
    dead_link: bool = False  # {{dead link}} or a rendered "[dead link]" marker
    has_webarchive: bool = False  # {{webarchive}} or an equivalent archive link beside it
    backlinks: int = 0  # "^ a b c" in rendered copies: how many uses the page claimed
    # Wikitext: where this reference's text is defined (a <ref> body or a list-defined ref).
    defined_inline: bool = True

    def get(self, name: str) -> str:
        return self.fields.get(name, "")

    @property
    def label(self) -> str:
        return f"[{self.key}]" if not self.group else f"[{self.group} {self.key}]"

    @property
    def is_empty(self) -> bool:
        return not self.raw.strip()


@dataclass(slots=True)
class Citation:
    """One use of a reference at a place in the text: ``[12]``, ``<ref name=x/>``, ``{{sfn}}``."""

    key: str
    span: Span
    group: str = ""
    reference: Reference | None = None  # None when the key is undefined
    # The clause of the statement the marker follows (text before it, from the last
    # clause boundary); lets rules tell which part of a sentence a mid-sentence marker supports.
    clause: str = ""

    @property
    def label(self) -> str:
        return f"[{self.key}]" if not self.group else f"[{self.group} {self.key}]"


@dataclass(slots=True)
class Tag:
    """An inline maintenance tag found in the text: citation needed, dead link, ..."""

    kind: str  # "citation-needed", "dead-link", "clarify", ...
    span: Span
    date: str = ""  # the tag's own date parameter ("October 2020"), if any


@dataclass(slots=True)
class Statement:
    """One claim unit: a sentence of prose, an infobox row, a list item, a table cell, a caption.

    ``text`` is the readable text with citation markers and markup removed; ``span`` locates
    the unit (markers included) in the source. ``offsets`` maps positions in ``text`` back
    to source offsets when they differ (wikitext, HTML); when empty, ``text`` is a verbatim
    slice of the source starting at ``span.start`` minus removed markers (see ``source_offset``).
    """

    text: str
    span: Span
    kind: str = "prose"
    section: tuple[str, ...] = ()
    paragraph: int = 0
    citations: list[Citation] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    index: int = 0  # position in Document.statements

    @property
    def cited(self) -> bool:
        return bool(self.citations)

    def source_offset(self, text_pos: int) -> int:
        """Source offset of character ``text_pos`` of ``text`` (best effort)."""
        if self.offsets:
            if not 0 <= text_pos < len(self.offsets):
                return self.span.end if text_pos >= len(self.offsets) else self.span.start
            return self.offsets[text_pos]
        return min(self.span.start + text_pos, self.span.end)

    def text_span(self, start: int, end: int) -> Span:
        """Source span of ``text[start:end]``."""
        if end <= start:
            pos = self.source_offset(start)
            return Span(pos, pos)
        first = self.source_offset(start)
        last = self.source_offset(end - 1) + 1
        return Span(first, max(first, last))


@dataclass(slots=True)
class Diagnostic:
    """Something about the input itself: encoding damage, a truncated list, a parser fallback."""

    kind: str  # "encoding-damage", "truncated-references", "parser-fallback", "nul-bytes", ...
    message: str
    span: Span | None = None
    examples: list[str] = field(default_factory=list)
    count: int = 0


@dataclass(slots=True)
class Suppression:
    """An inline ``<!-- citecheck: ignore=CC101 -->`` comment or a disable/enable range."""

    codes: tuple[str, ...]
    span: Span  # the comment itself
    applies_to: Span  # the source range it silences
    reason: str = ""
    used: bool = False


@dataclass(slots=True)
class Document:
    """Everything a rule may know about one article."""

    source: str
    format: str  # "text" | "wikitext" | "html"
    path: str = "<string>"
    title: str = ""
    revision_date: date | None = None
    revision_date_source: str = ""  # "as-of", "metadata", "dump", "infobox-duration", ... (revision.py)
    statements: list[Statement] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    # Free-form facts a parser found (e.g. {"infobox_period": "27 September 2020 – present"}).
    metadata: dict[str, Any] = field(default_factory=dict)
    _lines: LineIndex | None = field(default=None, repr=False)
    _references_by_key: tuple[dict[tuple[str, str], Reference], int] | None = field(default=None, repr=False)
    _derived: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def position(self, offset: int) -> tuple[int, int]:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines.position(offset)

    def reference(self, key: str, group: str = "") -> Reference | None:
        """The first reference with this key in this group (an index, built on first use)."""
        # Rebuilt when the list has grown: parsers may look references up while adding them.
        if self._references_by_key is None or self._references_by_key[1] != len(self.references):
            index: dict[tuple[str, str], Reference] = {}
            for ref in self.references:
                index.setdefault((ref.key, ref.group), ref)
            self._references_by_key = (index, len(self.references))
        return self._references_by_key[0].get((key, group))

    def derived(self, key: Any, compute: Callable[[], Any]) -> Any:
        """A result several rules read from this document (CC101's and CC102's numeric
        coverage), computed by the first that asks."""
        if key not in self._derived:
            self._derived[key] = compute()
        return self._derived[key]

    def notes(self) -> list[Reference]:
        return [ref for ref in self.references if ref.group]


@dataclass(slots=True)
class Finding:
    """One problem found by a rule. Reporters render these and nothing else."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    statement: Statement | None = None
    reference: Reference | None = None
    refs: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)
    path: str = ""
    # Filled in by the driver from the Document.
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    excerpt: str = ""
    fingerprint: str = ""

    def locate(self, doc: Document) -> "Finding":
        """Fill in path, positions, excerpt and fingerprint from the document."""
        self.path = doc.path
        self.line, self.column = doc.position(self.span.start)
        end = max(self.span.start, self.span.end - 1)
        self.end_line, end_col = doc.position(end)
        self.end_column = end_col + (1 if self.span.end > self.span.start else 0)
        text, focus = self.excerpt, 0
        if not text:
            if self.statement is not None:
                text, focus = self.statement.text, _text_position(self.statement, self.span.start)
            elif self.reference is not None:
                text = self.reference.raw.strip()
            else:
                text = doc.source[self.span.start : self.span.end]
        # The identity is the whole text; the excerpt shown is a window of it.
        self.fingerprint = fingerprint(self.code, text, self.evidence.get("fingerprint_key", ""))
        self.excerpt = bounded_excerpt(text, focus)
        return self


EXCERPT_LIMIT = 300
_CONTEXT_SLACK = 30  # how far a window's edge may move to end on a word boundary


def bounded_excerpt(text: str, focus: int = 0, limit: int = EXCERPT_LIMIT) -> str:
    """``text`` cut to about ``limit`` characters around position ``focus``, marked with "…".

    A finding copies the text it is about into every report; a one-sentence file of 100 KB
    with a thousand findings would otherwise repeat the whole sentence a thousand times.
    """
    if len(text) <= limit:
        return text
    start = min(max(0, focus - limit // 3), len(text) - limit)
    end = start + limit
    if start > 0:
        space = text.find(" ", start, start + _CONTEXT_SLACK)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", end - _CONTEXT_SLACK, end)
        end = space if space > start else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _text_position(statement: Statement, offset: int) -> int:
    """The position in ``statement.text`` of source offset ``offset`` (the inverse of source_offset)."""
    if statement.offsets:
        return bisect.bisect_left(statement.offsets, offset)
    return max(0, offset - statement.span.start)


_MARKER = re.compile(r"\[\d+\]|\[[a-z]\]")


@functools.lru_cache(maxsize=4096)
def normalize_for_fingerprint(text: str) -> str:
    """Whitespace- and case-folded text, with citation markers removed, for stable hashes.

    Cached: a long statement with many findings is normalised once, not once per finding.
    """
    if "[" in text:
        text = _MARKER.sub("", text)
    return " ".join(text.split()).casefold()


def fingerprint(code: str, text: str, extra: str = "") -> str:
    """Stable identity of a finding: the code plus its normalised text, never its position."""
    payload = "\x1f".join((code, normalize_for_fingerprint(text), extra))
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]

"""Rendered HTML (desktop pages, action=render output, Parsoid HTML) -> Document.

Spans must point into the HTML source, but neither lxml (line numbers only) nor
BeautifulSoup (tag line/column with the slow html.parser builder, nothing for text) gives a
character offset for every piece of text. MediaWiki writes machine-generated, well-formed
HTML, so this module tokenizes the source in one linear regex pass (tags, comments, raw
script/style bodies, character references) and builds a small element tree whose text nodes
know their exact source offsets. It is about ten times faster than building a BeautifulSoup
tree, and the few HTML5 recovery rules real pages need (void elements, implied ``</p>``,
``</li>``, ``</td>``, ``</tr>``, stray end tags) are applied while building the tree.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable, Iterator, Sequence
from urllib.parse import parse_qs, unquote

from citecheck.model import Citation, Document, Reference, Span, Statement, Tag
from citecheck.parsers.citations import BIBLIOGRAPHY_SECTIONS, CITE_ERROR, DATED_WORK, domain_of, parse_reference_text
from citecheck.parsers.statements import Paragraph, statements_from_paragraph

# --- tokenizer and tree ------------------------------------------------------------------

_TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)
      | <!\[CDATA\[.*?(?:\]\]>|\Z)
      | <[!?][^>]*>?
      | </(?P<end>[A-Za-z][^\s/>]*)[^>]*>?
      | <(?P<start>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>"']|"[^"]*"|'[^']*'|["'])*)(?:>|\Z)
    """,
    re.S | re.X,
)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
# Elements nested deeper than this are dropped, their text given to the deepest element kept.
# Real pages nest at most 53 deep (a mobile-apps page of the corpus); each level costs the
# recursive walkers a few stack frames.
MAX_DEPTH = 150
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_RAW = frozenset(("script", "style", "textarea", "title", "xmp", "noscript"))
# An opening tag of the key closes an open element of these kinds (up to a boundary).
_IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tbody": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "thead": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select"}),
}
_CLOSES_P = frozenset(
    "address article aside blockquote div dl fieldset figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr main nav ol p pre section table ul".split()
)


@dataclass(slots=True)
class Text:
    """A run of character data: decoded text and where it starts in the source.

    ``raw`` is False for a character reference, whose decoded characters all map to the
    offset of its ``&``.
    """

    text: str
    start: int
    raw: bool = True


@dataclass(slots=True, eq=False)
class Element:
    """An HTML element with its source span (start of the start tag, end of the end tag)."""

    tag: str
    attrs: dict[str, str]
    start: int
    end: int = -1
    children: list["Element | Text"] = field(default_factory=list)
    parent: "Element | None" = None

    @property
    def classes(self) -> frozenset[str]:
        value = self.attrs.get("class")
        return frozenset(value.split()) if value else frozenset()

    def iter(self) -> Iterator["Element"]:
        """This element and every descendant element, in document order."""
        stack: list[Element] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed([c for c in node.children if isinstance(c, Element)]))

    def find(self, predicate: Callable[["Element"], object]) -> "Element | None":
        """The first element (this one or below, in document order) matching ``predicate``."""
        return next((el for el in self.iter() if predicate(el)), None)

    def text(self) -> str:
        """All text below this element, whitespace-collapsed (for labels and metadata)."""
        parts: list[str] = []
        stack: list[Element | Text] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, Text):
                parts.append(node.text)
            elif node.tag not in ("script", "style") and not (node.classes & _INVISIBLE):
                stack.extend(reversed(node.children))
        return " ".join("".join(parts).split())


def build_tree(source: str) -> tuple[Element, list[tuple[int, int, str]], dict[str, Element]]:
    """Parse ``source`` into a tree rooted at a synthetic ``#document`` element.

    Also returns the comments as (start, end, body) for suppression parsing, and the first
    element of each landmark kind (title, body, #mw-content-text, dc:modified, ...).
    """
    root = Element("#document", {}, 0, len(source))
    landmarks: dict[str, Element] = {}
    stack = [root]
    comments: list[tuple[int, int, str]] = []
    flattened: dict[str, int] = {}  # tag -> elements dropped for depth, not yet ended
    open_bibliographies: dict[int, int] = {}  # an open {{refbegin}} block -> its section's level, 0 in the lead
    section_level = 0  # of the last heading
    pos, n = 0, len(source)
    match_at = _TOKEN.match
    while pos < n:
        lt = source.find("<", pos)
        if lt < 0:
            _add_text(stack[-1], source, pos, n)
            break
        if lt > pos:
            _add_text(stack[-1], source, pos, lt)
        match = match_at(source, lt)
        if match is None:
            _add_text(stack[-1], source, lt, lt + 1)  # a stray "<" is text
            pos = lt + 1
            continue
        pos = match.end()
        tag = match.group("start")
        if tag is not None:
            tag = tag.lower()
            attrs = _parse_attrs(match.group("attrs"))
            level = _heading_level(tag, attrs)
            if level:
                _end_open_bibliography(stack, open_bibliographies, level, lt)
                section_level = level
            _imply_end(stack, tag, lt)
            opens = tag not in _VOID and not match.group("attrs").rstrip().endswith("/")
            if len(stack) > MAX_DEPTH and opens and tag not in _RAW:
                # Deeper than any real page: the element is dropped and its text kept by its
                # ancestor, so the recursive walks below stay within Python's stack.
                flattened[tag] = flattened.get(tag, 0) + 1
                continue
            el = Element(tag, attrs, lt, pos, parent=stack[-1])
            stack[-1].children.append(el)
            if tag in _LANDMARK_TAGS or "id" in attrs or "property" in attrs or "class" in attrs:
                _note_landmark(landmarks, el)
            if not opens:
                continue
            if tag == "div" and "refbegin" in el.classes:
                open_bibliographies[id(el)] = section_level if section_level > 1 else 0  # h1: the page's title
            if tag in _RAW:
                close = re.compile(rf"</{tag}\s*>", re.I).search(source, pos)
                body_end = close.start() if close else n
                if body_end > pos:
                    el.children.append(Text(source[pos:body_end], pos))
                pos = close.end() if close else n
                el.end = pos
                continue
            stack.append(el)
            continue
        end_tag = match.group("end")
        if end_tag is not None:
            end_tag = end_tag.lower()
            if flattened.get(end_tag):
                flattened[end_tag] -= 1  # the end of a dropped element
                continue
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].tag == end_tag:
                    for closed in stack[depth:]:
                        closed.end = pos
                    del stack[depth:]
                    break
            continue
        if source.startswith("<!--", lt):
            body_end = pos - 3 if source.endswith("-->", lt, pos) else pos
            comments.append((lt, pos, source[lt + 4 : body_end]))
    for open_el in stack[1:]:
        open_el.end = n
    return root, comments, landmarks


_LANDMARK_TAGS = frozenset(("title", "html", "body"))


def _note_landmark(landmarks: dict[str, "Element"], el: "Element") -> None:
    """Remember the first element of each kind the metadata and content lookups need."""
    attrs = el.attrs
    ident = attrs.get("id")
    if ident in ("mw-content-text", "firstHeading", "footer-info-lastmod"):
        landmarks.setdefault(ident, el)
    prop = attrs.get("property")
    if prop in ("dc:modified", "mw:pageId"):
        landmarks.setdefault(prop, el)
    if el.tag in ("title", "html", "body"):
        landmarks.setdefault(el.tag, el)
    if el.tag != "body" and "mw-parser-output" in attrs.get("class", ""):
        landmarks.setdefault("mw-parser-output", el)


def _parse_attrs(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for name, value in _ATTR.findall(raw):
        if value[:1] in ('"', "'"):
            value = value[1:-1]
        if "&" in value:
            value = _html.unescape(value)
        attrs.setdefault(name.lower(), value)
    return attrs


def _imply_end(stack: list[Element], tag: str, at: int) -> None:
    """Close elements that an opening ``tag`` ends implicitly in HTML."""
    if tag in _CLOSES_P:
        for depth in range(len(stack) - 1, 0, -1):
            if stack[depth].tag == "p":
                _close_from(stack, depth, at)
                break
            if stack[depth].tag not in ("a", "b", "i", "span", "small", "sup", "sub", "font"):
                break
    rule = _IMPLIED_END.get(tag)
    if rule is None:
        return
    closes, boundary = rule
    for depth in range(len(stack) - 1, 0, -1):
        name = stack[depth].tag
        if name in boundary:
            return
        if name in closes:
            _close_from(stack, depth, at)
            return


def _heading_level(tag: str, attrs: dict[str, str]) -> int:
    """The level of a section heading (``<h2>``, or the ``mw-heading2`` box around one), else 0."""
    if tag in _HEADINGS:
        return _HEADINGS[tag]
    if tag == "div" and "mw-heading" in attrs.get("class", ""):
        level = _HEADING_BOX_LEVEL.search(attrs["class"])
        return int(level.group(1)) if level else 0
    return 0


_HEADING_BOX_LEVEL = re.compile(r"\bmw-heading([1-6])\b")


def _end_open_bibliography(stack: list[Element], open_bibliographies: dict[int, int], level: int, at: int) -> None:
    """End a {{refbegin}} block still open at the heading of a section at its own level or
    above: a block left open under "Notes" would otherwise hold "References" and its list. A
    sub-heading of its own ("Books" under "Bibliography") stays inside it."""
    for depth in range(1, len(stack)):
        opened_in = open_bibliographies.get(id(stack[depth]))
        if opened_in is not None and (opened_in == 0 or level <= opened_in):
            _close_from(stack, depth, at)
            return


def _close_from(stack: list[Element], depth: int, at: int) -> None:
    for closed in stack[depth:]:
        closed.end = at
    del stack[depth:]


def _add_text(parent: Element, source: str, start: int, end: int) -> None:
    chunk = source[start:end]
    if "&" not in chunk:
        parent.children.append(Text(chunk, start))
        return
    pos = 0
    for match in _ENTITY.finditer(chunk):
        if match.start() > pos:
            parent.children.append(Text(chunk[pos : match.start()], start + pos))
        decoded = _html.unescape(match.group())
        if decoded:  # "&#1;" decodes to nothing
            parent.children.append(Text(decoded, start + match.start(), raw=decoded == match.group()))
        pos = match.end()
    if pos < len(chunk):
        parent.children.append(Text(chunk[pos:], start + pos))


# --- what is content and what is chrome --------------------------------------------------

_INVISIBLE = frozenset({"Z3988", "mw-editsection", "noprint-hidden"})
_SKIP_TAGS = frozenset(
    "script style noscript template head title meta link img svg math button input select "
    "textarea audio video iframe object map form nav footer".split()
)
_SKIP_CLASSES = frozenset(
    """
    mw-editsection navbox vertical-navbox navbox-inner navbox-styles hatnote dablink rellink
    toc toclimit-2 toclimit-3 mw-jump-link catlinks printfooter mw-empty-elt metadata ambox
    mbox-small sistersitebox portal portalbox authority-control mw-authority-control
    shortdescription Z3988 noexcerpt-hide mw-cite-backlink refbegin magnify sidebar
    navigation-not-searchable mw-indicators mw-hidden-catlinks succession-box mf-section-toc sortkey
    printonly geo-nondefault cs1-hidden-error cs1-maint
    noviewer plainlinks-print side-box-right reference-accessdate-hidden mw-references-wrap-edit
    legend
    """.split()
)
_SKIP_IDS = frozenset(
    "toc siteSub contentSub jump-to-nav catlinks mw-navigation footer coordinates "
    "mw-head mw-panel mw-page-base mw-head-base".split()
)
_BLOCK = frozenset(
    "p div li dd dt td th caption figcaption h1 h2 h3 h4 h5 h6 blockquote pre table tr tbody "
    "thead tfoot ul ol dl section figure center article aside main header hr body html".split()
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_ODD_SPACE = re.compile(r"[\s\u00a0\u200b]{2,}|[^\S ]|[\u00a0\u200b]")
_ARCHIVE_HOSTS = (
    "web.archive.org", "wayback.archive.org", "archive.org/wayback", "archive.today", "archive.is",
    "archive.ph", "archive.li", "archive.vn", "archive.fo", "archive.md", "webcitation.org",
    "ghostarchive.org", "arquivo.pt", "webarchive.org.uk", "webarchive.loc.gov",
    "wayback.archive-it.org", "perma.cc", "webarchive.nla.gov.au", "archive.wikiwix.com",
)
_LABEL = re.compile(r"^\[?\s*(?:(?P<group>[^\]\d]*?)\s+)?(?P<key>[^\s\]]+)\s*\]?$")
_TAG_DATE = re.compile(r"\(([A-Z][a-z]+ \d{4})\)|since ([A-Z][a-z]+ \d{4})")


# The mark a footnote under a table or list opens with: "¹", "*", "†", "a".
_FOOTNOTE_MARK = re.compile(r"\d{1,2}|[*†‡§a-z]")
# Several footnote marks in one superscript ("AAA-100 to RHZ-999<sup>1, 2, 5</sup>"): in a table's
# cell, the numbers of the notes under it, never an exponent, which has no commas.
_FOOTNOTE_MARKS = re.compile(rf"(?:{_FOOTNOTE_MARK.pattern})(?:\s*,\s*(?:{_FOOTNOTE_MARK.pattern}))+")


def _bold_only(cell: Element) -> bool:
    """Whether a cell's text is all in one bold element of a few words and no digit, as an
    infobox's label is printed; not a side's figures set in bold ("4,000 killed, 2,000 wounded")."""
    parts = [child for child in cell.children if not (isinstance(child, Text) and not child.text.strip())]
    if not (len(parts) == 1 and isinstance(parts[0], Element) and parts[0].tag in ("b", "strong")):
        return False
    label = parts[0].text()
    return len(label.split()) <= _LABEL_WORDS and not any(char.isdigit() for char in label)


_LABEL_WORDS = 4


# The notice an offline copy (Kiwix) closes a page with, chrome: where and when it was taken.
_OFFLINE_NOTICE_OPENING = r"This (?:article|page) is issued from"
_OFFLINE_NOTICE = re.compile(rf"\s*{_OFFLINE_NOTICE_OPENING}\b")


def _skipped(el: Element) -> bool:
    if el.tag in _SKIP_TAGS:
        return True
    if el.classes & _SKIP_CLASSES:
        return True
    if el.attrs.get("id") in _SKIP_IDS:
        return True
    if el.attrs.get("role") == "navigation":
        return True
    if el.tag == "a" and "new" in el.classes and el.attrs.get("title", "").startswith("Template:"):
        return True  # a template the page calls but the wiki lacks: MediaWiki prints its name, no content
    if el.tag in _KEY_ENTRIES and _opens_with_swatch(el) and _under_key_title(el):
        return True  # a key's entry says what a colour of a table means, not what the world is
    if el.children and isinstance(el.children[0], Text) and _OFFLINE_NOTICE.match(el.children[0].text):
        return True
    style = el.attrs.get("style")
    if not style:
        return False
    style = style.replace(" ", "").lower()
    # the padding digit of "{{0}}", hidden and transparent, keeps a column aligned and shows nothing
    return "display:none" in style or "visibility:hidden" in style and "color:transparent" in style


# The entries of a colour key: "▇ Winner – Switzerland gave 12 points to a winning song", an item
# that opens with an empty coloured box (a span, a div or any other element), in a list under a
# line that titles it a key ("Table key", "Legend"). A list of coloured items under no such title
# reports what it lists ("▇ Labour: 45 seats").
_KEY_ENTRIES = frozenset({"li", "dd"})
_KEY_TITLE = re.compile(r"(?:(?:table|colou?r|map)\s+)?(?:key|legend)s?\s*:?", re.I)


def _opens_with_swatch(el: Element) -> bool:
    """Whether the element's first content is an empty element with a background colour."""
    for child in el.children:
        if isinstance(child, Text):
            if child.text.strip():
                return False
            continue
        style = child.attrs.get("style", "").replace(" ", "").lower()
        return "background" in style and "background:none" not in style and not child.text().strip()
    return False


def _under_key_title(el: Element) -> bool:
    """Whether the list holding ``el`` comes right after a line that titles it a key."""
    listing = el.parent
    holder = listing.parent if listing is not None else None
    if holder is None:
        return False
    before = [child for child in holder.children[:holder.children.index(listing)]
              if isinstance(child, Element) or child.text.strip()]
    title = before[-1] if before else None
    return isinstance(title, Element) and _KEY_TITLE.fullmatch(title.text().strip()) is not None


def _is_ref_marker(el: Element) -> bool:
    if el.tag not in ("sup", "span"):
        return False
    classes = el.classes
    # An offline copy (Kiwix) keeps a marker's id ("cite_ref-4") and drops its class, or prints
    # the marker as a span ("<span class="mw-ref" id="cite_ref-PopE_1-0">").
    return ("reference" in classes or "mw-ref" in classes or "mw:Extension/ref" in el.attrs.get("typeof", "")
            or el.attrs.get("id", "").startswith("cite_ref")) and _note_target(el) is not None


# The page locator a marker carries after it ("[4]" then ":23–24"), printed in a sup of its own.
_PAGE_LOCATOR = re.compile(r"\s*:\s*[\w–—\-,.\s]{1,40}")


def _is_page_locator(el: Element) -> bool:
    """Whether ``el`` is the page locator a reference marker carries: part of the citation, not
    of the sentence ("… along several dimensions:[4]:23–24" ends with its colon)."""
    return (el.tag == "sup" and "reference" in el.classes and _note_target(el) is None
            and _PAGE_LOCATOR.fullmatch(el.text()) is not None)


def _note_target(el: Element) -> str | None:
    """The list-item id a reference marker points to ("cite_note-NAME-12")."""
    for a in el.iter():
        if a.tag == "a":
            href = a.attrs.get("href", "")
            hash_at = href.find("#")
            if hash_at >= 0 and "cite_note" in href:
                return unquote(href[hash_at + 1 :])
    return None


def _is_inline_tag(el: Element) -> bool:
    """A maintenance tag such as [citation needed] or [dead link] rendered as a ``sup``."""
    if el.tag not in ("sup", "span"):
        return False
    classes = el.classes
    return "Inline-Template" in classes or "Template-Fact" in classes or ("noprint" in classes and el.tag == "sup")


def _clean_label(text: str) -> str:
    """An infobox row label as a path element: bullets, colons and spacing removed."""
    return text.strip().lstrip("•·–- ").rstrip(": ").strip()


def _tag_kind(text: str) -> str:
    words = text.strip("[] ").lower()
    if not words:
        return ""
    if words.startswith("citation needed") or words in ("citation required", "cn"):
        return "citation-needed"
    if words.startswith("dead link") or words.startswith("permanent dead link"):
        return "dead-link"
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-")


# --- document walk -----------------------------------------------------------------------


class _Builder:
    """Accumulates one block's readable text with a source offset for every character."""

    def __init__(self, kind: str, section: tuple[str, ...], split: bool = True) -> None:
        self.kind, self.section, self.split = kind, section, split
        self.parts: list[str] = []
        self.offsets: list[int] = []
        self.length = 0
        self.markers: list[tuple[int, Citation]] = []
        self.tags: list[tuple[int, Tag]] = []
        self.space_pending = False
        self.carry = False  # markers without text here belong to the next block
        self.opens_section = False  # markers alone under a heading: for what follows in that section

    def add(self, piece: Text) -> None:
        text = piece.text
        if not piece.raw:
            text = text.replace("\u00a0", " ")
            if not text:
                return
            if text.isspace():
                self.space_pending = self.length > 0
                return
            self._emit(text, [piece.start] * len(text))
            return
        # Only whitespace other than a single ASCII space needs collapsing: splitting there
        # keeps the per-word cost out of the common case.
        pos = 0
        for match in _ODD_SPACE.finditer(text):
            self._segment(text, pos, match.start(), piece.start)
            self.space_pending = self.length > 0
            pos = match.end()
        self._segment(text, pos, len(text), piece.start)

    def _segment(self, text: str, a: int, b: int, base: int) -> None:
        if a < b and text[a] == " ":
            self.space_pending = self.length > 0
            a += 1
        if a >= b:
            return
        trailing = text[b - 1] == " "
        if trailing:
            b -= 1
        if a < b:
            self._emit_range(text, a, b, base)
        if trailing:
            self.space_pending = True

    def space(self) -> None:
        self.space_pending = self.length > 0

    def _emit_range(self, text: str, a: int, b: int, base: int) -> None:
        self._flush_space(base + a)
        self.parts.append(text[a:b])
        self.offsets.extend(range(base + a, base + b))
        self.length += b - a

    def _emit(self, text: str, offsets: list[int]) -> None:
        self._flush_space(offsets[0])
        self.parts.append(text)
        self.offsets.extend(offsets)
        self.length += len(text)

    def _flush_space(self, at: int) -> None:
        if self.space_pending:
            self.parts.append(" ")
            self.offsets.append(max(0, at - 1))
            self.length += 1
            self.space_pending = False

    def paragraph(self, index: int) -> Paragraph:
        return Paragraph("".join(self.parts), self.offsets, self.markers, self.tags,
                         kind=self.kind, section=self.section, index=index)


@dataclass
class _Marker:
    citation: Citation
    target: str
    label: str


class _Walker:
    def __init__(self) -> None:
        self.statements: list[Statement] = []
        self.markers: list[_Marker] = []
        self.lists: list[tuple[Element, str]] = []  # (ol.references, group hint)
        self.section: list[tuple[int, str]] = []
        self.paragraph_index = 0
        # Inside a table row: the paragraph of the row, shared by every block of its cells.
        self.row_paragraph: int | None = None
        self.builder: _Builder | None = None
        self.kind_stack: list[str] = ["prose"]
        # Inside an infobox cell: the row label, kept by every statement the cell yields.
        self.cell_label: tuple[str, ...] = ()
        self.collecting = False
        self.pending: _Builder | None = None  # markers waiting for the next block's text
        self.infobox_rows: dict[str, list[str]] = {}
        self.row_groups: dict[int, str] = {}  # a bulleted infobox row's statements, by index -> its group
        self.retold: list[int] = []  # the statements of episode summaries, by index

    # section paths
    def path(self) -> tuple[str, ...]:
        return tuple(title for _, title in self.section)

    def heading(self, el: Element) -> None:
        level = _HEADINGS[el.tag]
        title = el.text()
        while self.section and self.section[-1][0] >= level:
            self.section.pop()
        if title and level > 1:
            self.section.append((level, title))

    # blocks
    def open_block(self, kind: str, split: bool = True, extra: tuple[str, ...] = ()) -> None:
        self.flush()
        self.builder = self.new_builder(kind, self.path() + (extra or self.cell_label), split)

    def flush(self) -> None:
        builder, self.builder = self.builder, None
        if builder is None:
            return
        if not builder.length:
            if builder.markers or builder.tags:
                self.orphan_markers(builder)
            return
        index = self.paragraph_index if self.row_paragraph is None else self.row_paragraph
        stmts = statements_from_paragraph(builder.paragraph(index), split=builder.split)
        if stmts:
            self.statements.extend(stmts)
            if self.row_paragraph is None:
                self.paragraph_index += 1

    def current(self) -> _Builder:
        """The open block, or a new one for text outside any block: in a cell, text after a
        paragraph of it ("<td><p>one warship sunk</p>(1,060 GRT)</td>") stays the cell's,
        under its row label and unsplit, as the paragraph before it is."""
        if self.builder is None:
            kind = self.kind_stack[-1]
            self.builder = self.new_builder(kind, self.path() + self.cell_label, kind not in ("table", "infobox"))
        return self.builder

    def new_builder(self, kind: str, section: tuple[str, ...], split: bool) -> _Builder:
        builder = _Builder(kind, section, split)
        pending, self.pending = self.pending, None
        if pending is not None and pending.opens_section and section[:len(pending.section)] != pending.section:
            self.attach_to_last(pending)  # its section ended with nothing after the markers
        elif pending is not None:
            builder.markers.extend((0, c) for _, c in pending.markers)
            builder.tags.extend((0, t) for _, t in pending.tags)
            builder.carry = True
            builder.opens_section = pending.opens_section  # still, past an empty paragraph ("<p><br /></p>")
        return builder

    def orphan_markers(self, builder: _Builder) -> None:
        """Markers of a block without text: an infobox label's go to the value below it, and
        a paragraph's that opens its section to what follows in that section ("<h3>World Final
        viewing figures</h3><p>[7]</p><table>…" sources the table, not the last sentence of the
        section before); others, and those that nothing follows, to the statement before them."""
        if builder.carry or not self.statements:
            self.pending = builder
            return
        if builder.kind == "prose" and self.statements[-1].section[:len(builder.section)] != builder.section:
            builder.opens_section = True  # not after a box of its own section, whose rows carry labels
            self.pending = builder
            return
        self.attach_to_last(builder)

    def attach_to_last(self, builder: _Builder) -> None:
        if not self.statements:
            return
        last = self.statements[-1]
        for _, citation in builder.markers:
            last.citations.append(citation)
            last.span = Span(last.span.start, max(last.span.end, citation.span.end))
        for _, tag in builder.tags:
            last.tags.append(tag)
            last.span = Span(last.span.start, max(last.span.end, tag.span.end))

    # traversal
    def walk(self, node: Element) -> None:
        for child in node.children:
            if isinstance(child, Text):
                if self.builder is not None or not child.text.isspace():
                    self.current().add(child)
                continue
            self.element(child)

    def element(self, el: Element) -> None:
        tag = el.tag
        if _is_ref_marker(el):
            self.marker(el)
            return
        if _is_page_locator(el):
            return
        if _is_inline_tag(el) and self.inline_tag(el):
            return
        if _skipped(el):
            return
        if self.collecting:
            if tag in _BLOCK or tag == "br":
                self.current().space()
            self.walk(el)
            return
        classes = el.classes
        if tag == "ol" and ("references" in classes or "mw-references" in classes):
            self.flush()
            self.lists.append((el, el.attrs.get("data-mw-group", "")))
            return
        if tag in _HEADINGS:
            self.flush()
            self.heading(el)
            return
        outer = self.kind_stack[-1]
        if tag == "table":
            self.flush()
            saved_row, self.row_paragraph = self.row_paragraph, None  # a table in a cell has rows of its own
            if classes & {"infobox", "infobox_v2", "infobox_v3"} or outer == "infobox":
                self.infobox(el)
            else:
                self.table(el)
            self.flush()
            self.row_paragraph = saved_row
            return
        if tag == "br":
            if self.builder is not None:
                self.builder.space()
            return
        if tag not in _BLOCK:
            if tag == "sup" and self.builder is not None and _FOOTNOTE_MARK.fullmatch(el.text().strip()) \
                    and (self.builder.length == 0 or self.builder.space_pending and _after_line_break(el)):
                return  # "<sup>1</sup> Non-points paying, exhibition race": a footnote's mark opens its line
            if tag == "sup" and outer in ("table", "infobox") and _FOOTNOTE_MARKS.fullmatch(el.text().strip()):
                return  # a cell's marks of the notes under its table
            self.walk(el)
            return
        if outer in ("infobox", "table"):
            kind = outer  # a list or paragraph inside a cell stays a cell statement
        elif tag == "li":
            kind = "list"
        elif tag in ("figcaption", "caption") or classes & {"thumbcaption", "gallerytext"}:
            kind = "caption"
        elif tag in ("td", "th"):
            kind = "table"
        elif tag in ("p", "blockquote", "dd"):
            kind = "prose" if outer != "caption" else outer
        else:
            kind = outer
        self.block(el, kind)

    def block(self, el: Element, kind: str, extra: tuple[str, ...] = (),
              lead: _Builder | None = None) -> None:
        """Walk ``el`` as its own block of ``kind``; ``lead`` carries markers found before it."""
        self.open_block(kind, split=kind not in ("table", "infobox"), extra=extra)
        if lead is not None and self.builder is not None:
            self.builder.markers.extend((0, c) for _, c in lead.markers)
            self.builder.tags.extend((0, t) for _, t in lead.tags)
            self.builder.carry = True
        self.kind_stack.append(kind)
        self.walk(el)
        self.kind_stack.pop()
        self.flush()

    def collect(self, el: Element) -> _Builder:
        """Walk ``el`` into a detached builder (for a header cell's markers and text)."""
        saved, self.builder = self.builder, _Builder("infobox", ())
        self.collecting = True
        self.walk(el)
        self.collecting = False
        collected, self.builder = self.builder, saved
        return collected

    def marker(self, el: Element) -> None:
        target = _note_target(el) or ""
        citation = Citation(key="", span=Span(el.start, el.end))
        builder = self.current()
        builder.markers.append((builder.length, citation))
        self.markers.append(_Marker(citation, target, el.text()))

    def inline_tag(self, el: Element) -> bool:
        label = el.text()
        kind = _tag_kind(label)
        if not kind or not label.startswith("[") and not label.endswith("]"):
            return False
        title = " ".join(a.attrs.get("title", "") for a in el.iter())
        found = _TAG_DATE.search(title)
        tag = Tag(kind, Span(el.start, el.end), date=(found.group(1) or found.group(2)) if found else "")
        builder = self.current()
        builder.tags.append((builder.length, tag))
        return True

    def rows(self, table: Element) -> Iterator[Element]:
        """The rows of ``table`` itself, not of tables nested in its cells."""
        stack = list(reversed(table.children))
        while stack:
            node = stack.pop()
            if not isinstance(node, Element):
                continue
            if node.tag == "tr":
                yield node
            elif node.tag in ("tbody", "thead", "tfoot"):
                stack.extend(reversed(node.children))

    def infobox(self, table: Element) -> None:
        """One statement per value cell, its row label (or the group header above it) in the path.

        Military-conflict infoboxes put a header row ("Casualties and losses") above rows of
        one value cell per belligerent, so a header-only row labels the rows under it. A
        bulleted row keeps its own label and belongs to the nearest row above it without a
        bullet, a header-only row or a labelled one, which ``Document.metadata["infobox_groups"]``
        records by statement ("• September 2019 estimate" under "Population", "• Total" under
        "GDP (PPP)" | "2018 estimate").
        """
        group = ""
        parent = ""  # the label of the last row without a bullet, which bulleted rows belong to
        saved_label = self.cell_label
        for row in self.rows(table):
            if _skipped(row):
                continue
            cells = [c for c in row.children if isinstance(c, Element) and c.tag in ("th", "td")
                     and not _skipped(c)]
            headers = [c for c in cells if c.tag == "th"]
            values = [c for c in cells if c.tag == "td"]
            if not values:
                for header in headers:
                    collected = self.collect(header)
                    group = parent = _clean_label("".join(collected.parts))
                    if collected.markers or collected.tags:
                        self.cell_label = ()
                        self.block(header, "infobox")
                continue
            lead = self.collect(headers[0]) if headers else None
            if lead is None and len(values) == 2:
                # Taxobox-style rows: "Class:" | "Mammalia" written as two data cells, or the
                # label in bold: "<b>Events</b>" | "12 (men: 6; women: 6)".
                registered = len(self.markers)
                first = self.collect(values[0])
                if "".join(first.parts).rstrip().endswith(":") or _bold_only(values[0]):
                    lead, values = first, values[1:]
                else:
                    del self.markers[registered:]  # the cell is walked again as a value
            lead_text = "".join(lead.parts) if lead is not None else ""
            label = _clean_label(lead_text) if lead is not None else group
            bulleted = lead_text.lstrip().startswith("•")
            if lead is not None and label and not bulleted:
                parent = label
            for index, cell in enumerate(values):
                self.cell_label = (label,) if label else ()
                first = len(self.statements)
                self.block(cell, "infobox", lead=lead if index == 0 else None)
                if bulleted and parent:
                    self.row_groups.update(dict.fromkeys(range(first, len(self.statements)), parent))
                value = " ".join(stmt.text for stmt in self.statements[first:])
                if value:
                    # Label -> value, as the other parsers record it for revision-date inference.
                    self.infobox_rows.setdefault(label or "", []).append(value)
        self.cell_label = saved_label

    def table(self, table: Element) -> None:
        """A table's caption, then its cells: the cells of a row make one paragraph, as a
        wikitext row does, so that a citation anywhere in the row is the row's. A list or
        paragraphs inside a cell ("Congressional Cemetery, Range 29" over the place's
        coordinates, a commandant's achievements item by item) stay in their row's paragraph.
        An episode list's summary (a ``td.description`` alone in its row) retells its episode:
        its statements are noted as such (``Document.metadata["retold"]``)."""
        for child in table.children:
            if isinstance(child, Element) and child.tag == "caption" and not _skipped(child):
                self.block(child, "caption")
        for row in self.rows(table):
            if _skipped(row):
                continue
            first = len(self.statements)
            self.row_paragraph, self.paragraph_index = self.paragraph_index, self.paragraph_index + 1
            for cell in row.children:
                if isinstance(cell, Element) and cell.tag in ("td", "th") and not _skipped(cell):
                    before = len(self.statements)
                    self.block(cell, "table")
                    if "description" in cell.classes and _alone_in_row(row, cell):
                        self.retold.extend(range(before, len(self.statements)))
            if len(self.statements) == first:
                self.paragraph_index = self.row_paragraph  # an empty row takes no paragraph
            self.row_paragraph = None


def _after_line_break(el: Element) -> bool:
    """Whether ``el`` opens a line of its block: a ``<br>`` comes right before it, past any
    whitespace ("…1968–1972<br /><sup>2</sup> Sean Kean served …")."""
    siblings = el.parent.children if el.parent is not None else []
    for node in reversed(siblings[:next(k for k, node in enumerate(siblings) if node is el)]):
        if isinstance(node, Element):
            return node.tag == "br"
        if node.text.strip():
            return False
    return False


def _alone_in_row(row: Element, cell: Element) -> bool:
    """Whether ``cell`` is its row's only cell, as an episode's summary under its row is."""
    return [child for child in row.children if isinstance(child, Element) and child.tag in ("td", "th")] == [cell]


# --- reference lists ---------------------------------------------------------------------


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(97 + rem) + out
    return out


def _split_label(label: str) -> tuple[str, str]:
    """("group", "key") from a marker label: "[12]" -> ("", "12"), "[n 1]" -> ("n", "1"),
    "[a]" -> ("note", "a"), "[lower-alpha 1]" -> ("note", "a")."""
    match = _LABEL.match(label.strip())
    if match is None:
        return "", label.strip("[] ")
    group, key = (match.group("group") or "").strip(), match.group("key")
    if group in ("lower-alpha", "upper-alpha", "lower-roman", "upper-roman", "lower-greek") and key.isdigit():
        return "note", _letters(int(key)) if "alpha" in group else key
    if not group and key.isalpha() and len(key) <= 3 and key.islower():
        return "note", key
    return group, key


def _is_archive(url: str) -> bool:
    lowered = url.lower()
    return any(host in lowered for host in _ARCHIVE_HOSTS)


def _external_link(a: Element) -> str:
    """The target of an external link (CS1 title, "Archived", bare URL), or ""."""
    href = a.attrs.get("href", "")
    if not ("external" in a.classes or a.attrs.get("rel", "") in ("nofollow", "mw:ExtLink")):
        return ""
    if href.startswith("//"):
        href = "https:" + href
    if href.startswith(("http://", "https://")) and not href.startswith("https://en.wikipedia.org/wiki/"):
        return href
    return ""


def _coins(span: Element) -> dict[str, str]:
    """Fields from the COinS span (class Z3988) that CS1 templates emit beside each citation."""
    query = parse_qs(span.attrs.get("title", ""))
    pick = {"title": ("rft.atitle", "rft.btitle", "rft.title"), "work": ("rft.jtitle",),
            "publisher": ("rft.pub",), "date": ("rft.date",)}
    return {name: query[key][0] for name, keys in pick.items() for key in keys if query.get(key)}


_MARKUP_LINK = re.compile(r"\[(https?://[^\s\]]+)")


def _author_links(span: Element) -> set[str]:
    """The links of the authors the COinS span names: an author given as an external link keeps
    its markup there ("[http://www.aena.es Aena]")."""
    query = parse_qs(span.attrs.get("title", ""))
    return {link for key in ("rft.au", "rft.aulast", "rft.aufirst") for value in query.get(key, [])
            for link in _MARKUP_LINK.findall(value)}


_BODY_CLASSES = frozenset({"reference-text", "mw-reference-text"})


# The words a rendered citation links to the page its archive copies ("Archived from the
# original on …"); other wikis' renderings say the same.
_ORIGINAL_LINK_TEXT = re.compile(r"\s*(?:the\s+|l['’]|el\s+)?original[e]?\s*", re.I)


class _ItemReader:
    """One pass over a reference-list item: its text, links, backlinks, COinS, dead marker."""

    def __init__(self) -> None:
        self.body = _Builder("prose", ())  # text of the .reference-text part
        self.outer = _Builder("prose", ())  # text outside it (used when there is no such part)
        self.found_body = False
        self.links: list[str] = []
        self.backlinks = 0
        self.coins: Element | None = None
        self.dead = False
        self.opening_label = ""  # the text of an external link the entry opens with
        self.first_label = ""  # the text of its first external link, wherever it stands
        self.original = ""  # the link of "Archived from the original": the cited page itself
        self.italic = ""  # the first italic text after that link: the site or work it names

    def visit(self, node: Element, in_body: bool, text_on: bool, in_backlink: bool = False) -> None:
        for child in node.children:
            if isinstance(child, Text):
                if text_on:
                    (self.body if in_body else self.outer).add(child)
                continue
            tag, classes = child.tag, child.classes
            if tag == "a":
                if not in_body and "#cite_ref" in child.attrs.get("href", ""):
                    self.backlinks += 1
                elif link := _external_link(child):
                    if in_body and not self.links:
                        self.first_label = child.text().strip()
                        if self.body.length == 0:
                            self.opening_label = self.first_label
                    if _ORIGINAL_LINK_TEXT.fullmatch(child.text()):
                        self.original = self.original or link
                    self.links.append(link)
            elif _is_ref_marker(child):
                continue  # a citation inside a note: counted in parse(), not reference text
            elif _is_inline_tag(child) and _tag_kind(child.text()) == "dead-link":
                self.dead = True
                continue
            if "Z3988" in classes:
                self.coins = self.coins or child
                continue
            if tag == "i" and in_body and self.opening_label and not self.italic:
                italic = child.text().strip()
                if italic not in self.opening_label:  # not the link's own title set in italics
                    self.italic = italic
            child_in_body = in_body or bool(classes & _BODY_CLASSES)
            self.found_body = self.found_body or child_in_body
            child_in_backlink = in_backlink or "mw-cite-backlink" in classes
            # a reference's text nested in its backlink by broken markup is still its text
            child_text_on = text_on and not _skipped(child) or child_in_backlink and bool(classes & _BODY_CLASSES)
            if tag == "br" and child_text_on:
                (self.body if child_in_body else self.outer).space()
            self.visit(child, child_in_body, child_text_on, child_in_backlink)


def _reference(item: Element, index: int, list_group: str) -> Reference:
    """A Reference from one ``li`` of a references list."""
    reader = _ItemReader()
    reader.visit(item, False, True)
    raw = "".join((reader.body if reader.found_body else reader.outer).parts)
    archives = [u for u in reader.links if _is_archive(u)]
    originals = [u for u in reader.links if not _is_archive(u)]
    fields = {k: v for k, v in parse_reference_text(raw, reader.first_label).items() if v} if raw.strip() else {}
    if reader.opening_label and reader.italic and not (fields.get("title") or fields.get("work")):
        # A linked page and the site it is on, in italics: "<a>Australia II</a> <i>America's Cup
        # Official Site</i>", as editors write a reference without a template.
        fields.update(title=reader.opening_label, work=reader.italic)
    if reader.coins is not None and not all(fields.get(k) for k in ("title", "date")):
        for name, value in _coins(reader.coins).items():
            fields.setdefault(name, value)
    if originals:
        # An archived citation links its title to the archive, then perhaps its publisher's
        # home page, and the cited page as "the original". An author's link comes before the
        # title's: the COinS span shows it among the authors.
        author_links = _author_links(reader.coins) if reader.coins is not None else set()
        cited = next((url for url in originals if url not in author_links), originals[0])
        fields.setdefault("url", reader.original if archives and reader.original else cited)
    if archives:
        fields.setdefault("archive_url", archives[0])
    if reader.dead:
        fields.setdefault("url_status", "dead")
    start, end = item.start, item.end
    return Reference(
        key=str(index), span=Span(start, max(start, end)), raw=raw, group=list_group,
        fields=fields, domain=domain_of(fields.get("url") or fields.get("via") or fields.get("work", "")),
        dead_link=reader.dead, has_webarchive=bool(archives) or bool(fields.get("archive_url")),
        backlinks=reader.backlinks,
    )


def _chrome_notes(elements: Sequence[Element], listed: dict[str, Reference]) -> set[str]:
    """The ids of notes the page defines outside its reference lists: a navbox's own notes."""
    return {note_id for el in elements if el.tag == "li"
            and (note_id := el.attrs.get("id", "")).startswith("cite_note") and note_id not in listed}


# --- metadata ----------------------------------------------------------------------------

_LAST_EDITED = re.compile(r"last (?:edited|modified) on (\d{1,2} \w+ \d{4}|\w+ \d{1,2}, \d{4})")
# The link an offline copy's notice opens with (``_OFFLINE_NOTICE``), and the words after it:
# "This article is issued from <a href="…?oldid=665015295">Wikipedia</a> - version of the Monday,
# June 01, 2015.", "… - version of the 11/28/2016.", "… - last edited on 11/28/2017.", or the day in
# the link's title: "<a title="Last edited on 2019-02-10" href="…?oldid=882596045">Wikipedia</a>".
# Its tool writes a day in figures month first, as it is written in the United States.
_OFFLINE_LINK = re.compile(rf"{_OFFLINE_NOTICE_OPENING}\s*(?P<link><a\b[^>]*>)\s*Wikipedia\s*</a>(?P<after>[^<]{{0,80}})")
_OFFLINE_ID = re.compile(r"oldid=(\d+)")
_OFFLINE_TITLE_DAY = re.compile(r"\btitle=\"[Ll]ast edited on (\d{4}-\d\d-\d\d)\"")
_OFFLINE_DAY_AFTER = re.compile(
    r"\s*-\s*(?:version of the\s+(?:[A-Z][a-z]+,\s+)?|last edited on\s+)(?P<words>[A-Z][a-z]+ \d{1,2}, \d{4})?"
    r"(?P<figures>\d{1,2}/\d{1,2}/\d{4})?")
_OFFLINE_NOTICE_TAIL = 20_000  # the notice stands at the page's end
_TITLE_SUFFIX = re.compile(r"\s+[-–—]\s+Wikip[ée]dia.*$")


def _metadata(landmarks: dict[str, Element], doc: Document) -> None:
    modified = landmarks.get("dc:modified")
    if modified is not None:
        try:
            doc.revision_date = datetime.fromisoformat(modified.attrs.get("content", "")[:10]).date()
            doc.revision_date_source = "metadata"
        except ValueError:
            pass
    footer = landmarks.get("footer-info-lastmod")
    if doc.revision_date is None and footer is not None:
        found = _LAST_EDITED.search(footer.text())
        parsed = _parse_footer_date(found.group(1)) if found else None
        if parsed:
            doc.revision_date, doc.revision_date_source = parsed, "metadata"
    offline = _OFFLINE_LINK.search(doc.source, max(0, len(doc.source) - _OFFLINE_NOTICE_TAIL))
    offline_id = _OFFLINE_ID.search(offline["link"]) if offline is not None else None
    if doc.revision_date is None and offline_id is not None:
        parsed = _offline_day(offline["link"], offline["after"])
        if parsed:
            doc.revision_date, doc.revision_date_source = parsed, "metadata"
    heading = landmarks.get("firstHeading")
    title = landmarks.get("title")
    if heading is not None and heading.text():
        doc.title = heading.text()
    elif title is not None:
        doc.title = _TITLE_SUFFIX.sub("", title.text()).strip()
    page_id = landmarks.get("mw:pageId")
    if page_id is not None:
        doc.metadata["page_id"] = page_id.attrs.get("content", "")
    html_el = landmarks.get("html")
    if html_el is not None and "/revision/" in html_el.attrs.get("about", ""):
        doc.metadata["revision_id"] = html_el.attrs["about"].rsplit("/", 1)[-1]
    elif offline_id is not None:
        doc.metadata["revision_id"] = offline_id.group(1)
    else:
        # Desktop pages carry it in their JS config; action=render saves in a leading comment.
        found = re.search(r'"wgRevisionId":\s*(\d+)', doc.source[:200_000]) \
            or re.search(r"oldid(?:=|%3D)(\d+)", doc.source[:1000])
        if found:
            doc.metadata["revision_id"] = found.group(1)


def _offline_day(link: str, after: str) -> date | None:
    """The revision's day an offline copy's notice gives, in its link's title or after it."""
    titled = _OFFLINE_TITLE_DAY.search(link)
    found = _OFFLINE_DAY_AFTER.match(after)
    try:
        if titled is not None:
            return date.fromisoformat(titled.group(1))
        if found is not None and found["figures"]:
            return datetime.strptime(found["figures"], "%m/%d/%Y").date()
    except ValueError:
        return None  # "2018-02-30", "28/11/2016"
    return _parse_footer_date(found["words"]) if found is not None and found["words"] else None


def _parse_footer_date(text: str) -> date | None:
    for fmt in ("%d %B %Y", "%B %d, %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _content_root(root: Element, landmarks: dict[str, Element]) -> Element:
    """The article body: #mw-content-text's parser output, else .mw-parser-output, else body."""
    content = landmarks.get("mw-content-text")
    if content is not None:
        inner = content.find(lambda e: "mw-parser-output" in e.classes)
        return inner or content
    return landmarks.get("mw-parser-output") or landmarks.get("body") or root


_EDIT_LABEL = re.compile(r"\[\s*edit\s*\]", re.I)


def _bibliography(elements: Sequence[Element]) -> list[str]:
    """The items of the lists a {{refbegin}} block wraps or a section such as "Bibliography"
    holds ("Miller, John. James II (2000)"): the works short citations ("Miller, 186–187") point
    to; under "References", the bulleted items that date a work ("Podnieks, Andrew: Lord
    Stanley Cup, Fenn Publishing Company, 2004" beside the numbered notes); not a navbox's
    items after it ("Aldan", "v", "t", "e"). The walker skips the {{refbegin}} blocks."""
    entries: dict[str, None] = {}
    bibliography_level: int | None = None  # the level of the bibliography's heading, while under it
    dated_only = False  # under "References": only the items that date a work
    wrapped = {id(item) for block in elements if "refbegin" in block.classes
               for item in block.iter() if item.tag == "li"}
    for element in elements:
        if element.tag in _HEADINGS:
            level = _HEADINGS[element.tag]
            name = _label(element)
            if name in BIBLIOGRAPHY_SECTIONS or name == "references" and (
                    bibliography_level is None or level <= bibliography_level):  # not a bibliography's "References"
                bibliography_level, dated_only = level, name == "references"
            elif bibliography_level is not None and level <= bibliography_level:
                bibliography_level = None  # its sub-headings ("Articles") are still the bibliography
        elif element.tag == "li" and (element.parent is not None and element.parent.tag == "ul"
                                      and bibliography_level is not None
                                      or id(element) in wrapped):
            if (entry := element.text().strip()) and (id(element) in wrapped or (
                    not dated_only or DATED_WORK.search(entry)) and not _in_chrome(element)):
                entries[entry] = None
    return list(entries)


# The label of a reference list's general part, over the works that source the whole article
# rather than one statement ("General" over "Milwaukee Brewers Team History", then "Specific").
_GENERAL_LABELS = frozenset({"general", "general references", "general reference", "general sources"})
_GENERAL_HEADINGS = _GENERAL_LABELS - {"general"}  # a section "General" is no list of works
# A section that holds references: "References", "Notes and sources", "Citations", "Bibliography";
# not "Natural resources".
_REFERENCE_SECTION = re.compile(r"\b(?:references?|sources?|(?:foot)?notes?|citations?|bibliograph\w*|works cited)\b")


def _general_references(elements: Sequence[Element]) -> list[str]:
    """The works a page lists as its general references: the citations and items after a
    "General" label (a definition list's term, or a paragraph all in bold) in its references'
    section, or under a "General references" heading, up to the next label or heading. They
    source the article as a whole, as its tables' data, where its numbered notes source single
    statements. A "General" term of a glossary in the body labels no works."""
    entries: dict[str, None] = {}
    under_general = in_references = False
    for element in elements:
        if element.tag in _HEADINGS or element.tag == "dt":
            label = _label(element)
            if element.tag == "h2":
                in_references = _REFERENCE_SECTION.search(label) is not None
            under_general = (label in _GENERAL_LABELS and in_references if element.tag == "dt"
                             else label in _GENERAL_HEADINGS)
        elif element.tag == "p" and in_references and _bold_only(element):
            under_general = _label(element) in _GENERAL_LABELS  # "General", then "Specific" over the notes
        elif element.tag in ("div", "table") and _skipped(element) and "refbegin" not in element.classes:
            under_general = False  # a navbox closing the page; the {{refbegin}} block is the list itself
        elif under_general and (element.tag == "li" or element.tag == "span" and "citation" in element.classes):
            if not _within(element, lambda parent: parent.tag == "li") and (entry := " ".join(element.text().split())):
                entries[entry] = None
    return list(entries)


def _label(element: Element) -> str:
    """A heading's or a term's text as a name to look up: "[edit]" dropped, spaces folded, lower case."""
    return " ".join(_EDIT_LABEL.sub(" ", element.text()).split()).casefold()


def _within(element: Element, holds: Callable[[Element], object]) -> bool:
    """Whether an element lies inside one that ``holds``: a list item (read whole), page chrome."""
    parent = element.parent
    while parent is not None:
        if holds(parent):
            return True
        parent = parent.parent
    return False


def _in_chrome(element: Element) -> bool:
    """Whether an element lies in page chrome, such as a navbox closing the references ("1947:
    California" in a list of champions)."""
    return _within(element, _skipped)


# --- entry point -------------------------------------------------------------------------


def parse(text: str, path: str = "<string>") -> Document:
    """Parse rendered MediaWiki HTML into a Document whose spans point into ``text``."""
    doc = Document(source=text, format="html", path=path)
    root, comments, landmarks = build_tree(text)
    _metadata(landmarks, doc)
    walker = _Walker()
    content = _content_root(root, landmarks)
    walker.walk(content)
    walker.flush()
    if walker.pending is not None:
        walker.attach_to_last(walker.pending)  # nothing follows: to the statement before

    references: list[Reference] = []
    by_target: dict[str, Reference] = {}
    for ol, group in walker.lists:
        group_name = "note" if group in ("lower-alpha", "upper-alpha", "lower-roman", "upper-roman",
                                         "lower-greek", "notes") else group
        number = 0
        for item in ol.children:
            if not isinstance(item, Element) or item.tag != "li":
                continue
            number += 1
            key = _letters(number) if group_name == "note" and "alpha" in group else str(number)
            ref = _reference(item, number, group_name)
            if CITE_ERROR.match(ref.raw):
                continue  # a rendered "Cite error" is no entry: its markers stay undefined (CC501)
            ref.key = key
            references.append(ref)
            if item.attrs.get("id"):
                by_target[item.attrs["id"]] = ref

    citations: list[Citation] = []
    labelled: set[int] = set()
    # Markers outside any statement (inside notes, navboxes, skipped chrome) still cite their
    # reference: without them a reference used only there would look unused. Those whose note
    # stands in skipped chrome too (a navbox's own note list) cite nothing of the article's.
    elements = list(content.iter())  # in document order: the tree is walked once, for the markers, notes and works below
    seen = {m.citation.span.start for m in walker.markers}
    outside = [el for el in elements if el.tag == "sup" and el.start not in seen and _is_ref_marker(el)]
    chrome_notes = _chrome_notes(elements, by_target) if outside else set()
    markers = walker.markers + [
        _Marker(Citation("", Span(el.start, el.end)), target, el.text())
        for el in outside if (target := _note_target(el) or "") not in chrome_notes
    ]
    for marker in markers:
        group, key = _split_label(marker.label)
        ref = by_target.get(marker.target)
        marker.citation.key, marker.citation.group = key, group
        marker.citation.reference = ref
        if ref is not None and id(ref) not in labelled:
            # The label readers see ("[n 1]", "[12]") is the reference's identity in reports.
            ref.key, ref.group = key, group
            labelled.add(id(ref))
        citations.append(marker.citation)
    citations.sort(key=lambda c: c.span.start)

    for index, stmt in enumerate(walker.statements):
        stmt.index = index
    if bibliography := _bibliography(elements):
        doc.metadata["bibliography"] = bibliography
    if general := _general_references(elements):
        doc.metadata["general_references"] = general
    if walker.infobox_rows:
        doc.metadata["infobox"] = {label: "; ".join(values) for label, values in walker.infobox_rows.items()}
    if walker.row_groups:
        doc.metadata["infobox_groups"] = walker.row_groups
    if walker.retold:
        doc.metadata["retold"] = walker.retold
    doc.statements = walker.statements
    doc.references = references
    doc.citations = citations
    if any("citecheck" in body for _, _, body in comments):
        from citecheck import suppress

        doc.suppressions = suppress.collect(doc, ((Span(a, b), body) for a, b, body in comments))
    return doc

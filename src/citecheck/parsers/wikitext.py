"""Wikitext (MediaWiki source) -> Document, through mwparserfromhell.

mwparserfromhell nodes carry no offsets, but ``str(node)`` round-trips the source exactly,
so the walker tracks a running offset through the lengths of the nodes it visits and every
statement, citation and reference gets an exact span. Readable text goes into Paragraphs
and the shared ``statements_from_paragraph`` does the sentence splitting and citation
attachment, so wikitext agrees with the text and HTML parsers.

The document is parsed section by section (splitting only where no template, table or
``<ref>`` is open), which keeps mwparserfromhell's worst cases local and lets the parser
check its CPU budget between sections; inputs that would still make it quadratic (many
unterminated ``<ref>``s or templates) go to the linear fallback in ``wikitext_fallback``.
"""

from __future__ import annotations

import functools
import re
import time
from pathlib import PurePath
from typing import Any, Iterable

from mwparserfromhell import nodes as N
from mwparserfromhell.wikicode import Wikicode

from citecheck import suppress
from citecheck.model import Citation, Diagnostic, Document, Reference, Span, Tag
from citecheck.parsers import wikitext_fallback
from citecheck.parsers.mwparser import mwparserfromhell
from citecheck.parsers import wikitext_render as R
from citecheck.parsers.statements import Paragraph, statements_from_paragraph
from citecheck.parsers.wikitext_lite import (FILL, HEADING_START, LINK_START, LIST_MARK, LIST_MARKS, PLACEHOLDER,
                                             REF_START, Masked, MaskedHeading, MaskedLink, MaskedRef, MaskedTemplate,
                                             has_placeholder, mask, placeholder_index, unmark)
from citecheck.parsers.wikitext_refs import (RefContent, apply_webarchive, bibliography_entry, describe,
                                             link_short_citation, short_citation_key, template_params)
from citecheck.parsers.wikitext_scan import Prescan, prescan

# Per-document CPU budget for mwparserfromhell before the rest goes to the fallback.
DEFAULT_CPU_BUDGET = 2.0

# Bold/italic quotes, newlines, and HTML tags mwparserfromhell left as text (unbalanced ones).
# Each alternative starts with a literal, so the engine skips other text by a fast scan.
_QUOTES = re.compile(r"''+|\n|</?[a-zA-Z][\w-]*(?:\s[^<>\n]{0,300})?/?>")


def _inline_markup(marks: str = "") -> re.Pattern[str]:
    """The same, or a placeholder (group 1 its number), or one of ``marks`` (masked list markers):
    a tag does not run across a placeholder. One leading character class takes every
    alternative's first character, for the same fast scan."""
    starts = f"{REF_START}{LINK_START}{HEADING_START}"
    return re.compile(
        f"[{starts}{marks}'\n<](?:(?<=[{starts}])(..){FILL}*" + (f"|(?<=[{marks}])" if marks else "")
        + r"|(?<=')'+|(?<=\n)|(?<=<)/?[a-zA-Z][\w-]*(?:\s[^<>\n\ue000-\uf8ff]{0,300})?/?>)", re.S)


_QUOTES_OR_PLACEHOLDER = _inline_markup()
# Text holding masked list markers and templates or headings is read in the same pass.
_INLINE_OR_NODE = _inline_markup(LIST_MARKS)
# The parts of table lines the parser left as text.
_CELL_ATTRIBUTES = re.compile(r"[^|\[\]{}\n]*=[^|\[\]{}\n]*\|(?!\|)")
_CELL_SPLIT = re.compile(r"\|\||!!")
# Citations a reference's own content may hold (a <ref> inside an {{efn}}).
_NESTED = re.compile(r"<ref|\{\{\s*(?:sfn|r\s*[|}])", re.I)
# A <ref> in a heading, or its placeholder.
_REF_IN_HEADING = re.compile(REF_START + r"|<ref\b", re.I)
# Templates worth walking for citations although they render no prose.
_MAY_CITE = re.compile(REF_START + r"|<ref|\{\{\s*(?:sfn|harv|r\s*\||efn|#tag|refn|cn\b|cit|fact\b|dead ?link)", re.I)


def parse(text: str, path: str = "<string>", *, cpu_budget: float = DEFAULT_CPU_BUDGET) -> Document:
    """Parse wikitext into a Document with statements, citations, references and suppressions."""
    doc = Document(source=text, format="wikitext", path=path, title=_title_from_path(path))
    parsed_text = _parser_safe(text)
    scan = prescan(parsed_text)
    builder = _Builder(doc, parsed_text)
    _share_offsets(len(text))
    fallback_from: int | None = 0 if scan.hostile else None
    if fallback_from is None:
        started = time.process_time()
        for start, end in scan.chunks:
            if time.process_time() - started > cpu_budget:
                fallback_from = start
                break
            piece = parsed_text[start:end]
            masked_text, builder.masked, builder.marked = mask(piece, start, _template_kind)
            code = mwparserfromhell.parse(masked_text, skip_style_tags=True)
            builder.walk_top(code, start)
    builder.flush()
    builder.masked, builder.marked = [], False
    if fallback_from is not None:
        builder.section_at_fallback()
        wikitext_fallback.extract(builder, parsed_text, fallback_from)
        builder.flush()
        doc.diagnostics.append(_fallback_diagnostic(scan, fallback_from, cpu_budget))
    builder.finish()
    doc.suppressions = suppress.collect(doc, suppress.scan_comments(text))
    return doc


# Source offsets below this come from one list of ints made once per process: a paragraph's
# per-character offsets are then copied, not created int by int (creating them was the walker's
# costliest line). The list grows with the longest document seen, to at most 9 MB.
_SHARED_OFFSETS_LIMIT = 1 << 18
_SHARED_OFFSETS: list[int] = []


def _share_offsets(length: int) -> None:
    """Grow the shared offsets to cover a document of ``length`` characters (up to the limit)."""
    wanted = min(length, _SHARED_OFFSETS_LIMIT)
    if len(_SHARED_OFFSETS) < wanted:
        _SHARED_OFFSETS.extend(range(len(_SHARED_OFFSETS), wanted))


_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX](?P<hex>[0-9a-fA-F]+)|(?P<dec>[0-9]+));")


def _parser_safe(text: str) -> str:
    """``text`` with what mwparserfromhell mishandles replaced by same-length stand-ins.

    It stops at a NUL, decodes a reference to a UTF-16 surrogate (``&#xD800;``) into a
    lone surrogate that no encoder accepts, and reads a template holding a list item with no
    end tag as text. U+FFFD, a reference to it with as many digits, and a bullet as long as the
    item's tag keep every offset exact.
    """
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    if "&#" in text:
        text = _NUMERIC_REFERENCE.sub(_without_surrogate, text)
    if "{{" in text and _LINE_ITEM_TAG.search(text):
        text = _template_items_as_wikitext(text)
    return text


# A list item typed as HTML that opens a line in a template and is never closed: "<li>Lift-to-drag
# ratio: 13.5" in an aircraft's specifications. mwparserfromhell reads the whole template around
# such an item as plain text (its rows and lists then read as prose); a wikitext bullet of the
# same length ("*", or ":" for a definition, whose text may hold a colon) stands in for the tag,
# as the wiki renders it. Outside templates the parser reads such items itself. An end tag
# inside a comment closes nothing ("<!-- end your line with </li> -->").
_LINE_ITEM_TAG = re.compile(r"^<(li|dd|dt)(?:\s[^<>\n]*)?>", re.I | re.M)
_ITEM_TAGS = {name: re.compile(rf"<(/?){name}[\s>/]", re.I) for name in ("li", "dd", "dt")}
_ITEM_MARK = {"li": "*", "dd": ":", "dt": ":"}
_BRACES = re.compile(r"\{\{|\}\}")


def _template_items_as_wikitext(text: str) -> str:
    """``text`` with the unclosed items that open lines inside templates as wikitext bullets."""
    searched = R.COMMENT.sub(lambda comment: " " * len(comment.group()), text) if "<!--" in text else text
    braces = _BRACES.finditer(searched)
    brace = next(braces, None)
    depth = 0  # the templates open where the item stands
    pieces, last = [], 0
    for item in _LINE_ITEM_TAG.finditer(searched):
        while brace is not None and brace.end() <= item.start():
            depth = depth + 1 if brace.group() == "{{" else max(0, depth - 1)
            brace = next(braces, None)
        if not depth:
            continue  # outside any template
        name = item.group(1).lower()
        following = _ITEM_TAGS[name].search(searched, item.end())
        if following is not None and following.group(1):
            continue  # closed: "<li>…</li>"
        pieces += [text[last:item.start()], _ITEM_MARK[name].ljust(len(item.group()))]
        last = item.end()
    return "".join(pieces) + text[last:] if pieces else text


def _without_surrogate(match: re.Match[str]) -> str:
    digits, base, replacement = ((match["hex"], 16, "FFFD") if match["hex"]
                                 else (match["dec"], 10, "65533"))
    significant = digits.lstrip("0")
    if len(significant) > 5 or not 0xD800 <= int(significant or "0", base) <= 0xDFFF:
        return match.group()
    # A surrogate needs at least four hex or five decimal digits: the replacement fits.
    return match.group()[: -len(digits) - 1] + replacement.rjust(len(digits), "0") + ";"


def _fallback_diagnostic(scan: Prescan, start: int, budget: float) -> Diagnostic:
    if scan.hostile:
        reason = (f"{scan.unclosed_refs} unterminated <ref>, {scan.unclosed_templates} unterminated "
                  f"templates, {scan.unclosed_tags} unclosed tags, tables or links, "
                  f"nesting depth {scan.max_depth}")
        where = "the whole document"
    else:
        reason = f"parsing exceeded the {budget:g} s CPU budget"
        where = f"the text from offset {start}"
    return Diagnostic(
        kind="parser-fallback",
        message=(f"wikitext parsed by the linear fallback extractor for {where} ({reason}); "
                 "statements and citations there are approximate"),
        span=Span(start, start),
        count=scan.unclosed_refs + scan.unclosed_templates + scan.unclosed_tags,
    )


def _title_from_path(path: str) -> str:
    if path in ("-", "<string>", ""):
        return ""
    return PurePath(path).stem.replace("_", " ")


class _Buffer:
    """The paragraph being collected: text pieces, per-character source offsets, markers."""

    __slots__ = ("parts", "offsets", "markers", "tags", "kind", "section", "length", "split")

    def __init__(self, kind: str, section: tuple[str, ...], split: bool) -> None:
        self.parts: list[str] = []
        self.offsets: list[int] = []
        self.markers: list[tuple[int, Citation]] = []
        self.tags: list[tuple[int, Tag]] = []
        self.kind = kind
        self.section = section
        self.length = 0
        self.split = split

    def add(self, text: str, offsets: Iterable[int]) -> None:
        self.parts.append(text)
        self.offsets.extend(offsets)
        self.length += len(text)


class _RefState:
    """Reference bookkeeping: definitions by (group, name), numbering by first use."""

    def __init__(self) -> None:
        self.named: dict[tuple[str, str], Reference] = {}
        self.numbers: dict[str, int] = {}
        self.order: list[Reference] = []
        self.seen: set[int] = set()
        self.pending_links: list[tuple[Reference, str]] = []
        self.bibliography: dict[str, tuple[str, dict[str, str]]] = {}
        # Full citations (parameters, template key, fields if read): the bibliography that short
        # citations point into, built at the end and only when there are short citations.
        self.full_citations: list[tuple[dict[str, str], str, dict[str, str] | None]] = []
        self.uses: list[Citation] = []

    def number(self, group: str) -> int:
        self.numbers[group] = self.numbers.get(group, 0) + 1
        return self.numbers[group]


class _Builder:
    """Walks mwparserfromhell trees with running offsets and fills a Document."""

    def __init__(self, doc: Document, parsed_text: str) -> None:
        self.doc = doc
        self.source = doc.source
        self.parsed_text = parsed_text
        # The <ref>s and links of the piece being walked that stand in its parse tree as placeholders.
        self.masked: list[Masked] = []
        self.marked = False  # whether the piece being walked has list markers masked
        self.headings: list[tuple[int, str]] = []
        self.section: tuple[str, ...] = ()
        self.buf = _Buffer("prose", (), True)
        self.newlines = 0
        self.paragraph_index = 0
        self.refs = _RefState()
        self.last_ref: Reference | None = None
        self.infobox_seen = False
        self.row_index: int | None = None  # paragraph index of the table row being walked
        self.raw_table = False  # inside table markup the parser left as text
        self.skip_line = False  # the rest of this line is markup ("{|…", "|-")
        self.held: list[tuple[list[tuple[int, Citation]], list[tuple[int, Tag]]]] = []
        # Citation, archive, dead-link and citation-needed templates met, by template key
        # (compared with independent regex counts in the tests).
        self.counts: dict[str, int] = doc.metadata.setdefault("template_counts", {})

    # ----- paragraphs -------------------------------------------------------------------

    def flush(self) -> None:
        """Turn the collected paragraph into statements and start an empty one."""
        buf = self.buf
        if buf.kind == "silent":
            self.held.append((buf.markers, buf.tags))
            self.buf = _Buffer("silent", buf.section, False)
            return
        if buf.parts and buf.length:
            text = "".join(buf.parts)
            if text.strip() and not self._in_source_section(buf.section):
                # The cells of a table row are one paragraph: a ref in the last cell supports the row.
                in_row = buf.kind == "table" and self.row_index is not None
                index = self.row_index if in_row else self.paragraph_index
                par = Paragraph(text=text, offsets=buf.offsets, markers=buf.markers, tags=buf.tags,
                                kind=buf.kind, section=buf.section, index=index)
                statements = statements_from_paragraph(par, split=buf.split)
                if statements and not in_row:
                    self.paragraph_index += 1
                for stmt in statements:
                    stmt.index = len(self.doc.statements)
                    self.doc.statements.append(stmt)
        elif buf.kind == "prose" and not buf.markers and not buf.tags and buf.section == self.section:
            self.newlines = 0  # already the empty paragraph a flush starts
            return
        self.buf = _Buffer("prose", self.section, True)
        self.newlines = 0

    @staticmethod
    def _in_source_section(section: tuple[str, ...]) -> bool:
        """Reference lists, bibliographies, link lists: their lines list sources, not claims."""
        return bool(section) and _is_source_section(section[0])

    def emit(self, text: str, pos: int) -> None:
        """Append verbatim source text starting at ``pos``."""
        if not text or self.skip_line:
            return
        end = pos + len(text)
        self.buf.add(text, _SHARED_OFFSETS[pos:end] if end <= len(_SHARED_OFFSETS) else range(pos, end))
        if not text.isspace():
            self.newlines = 0
            self.last_ref = None  # {{dead link}} / {{webarchive}} apply only right after a ref

    def emit_rendered(self, text: str, start: int, end: int) -> None:
        """Append text that markup renders: its characters map onto the markup at ``[start, end)``,
        the first ones to its start and the last to its end, so any slice spans the markup."""
        if not text or self.skip_line:
            return
        if len(text) == 1 or end - start <= 1:
            self.buf.add(text, [start] * len(text))
        else:
            self.buf.add(text, [start] * (len(text) - 1) + [end - 1])
        if not text.isspace():
            self.newlines = 0
            self.last_ref = None

    def text(self, value: str, pos: int) -> None:
        """Plain text: drop bold/italic quotes; newlines end list items and paragraphs."""
        if self.raw_table or ("{|" in value and self._raw_table_starts(value, pos)):
            self.raw_table_text(value, pos)
            return
        self.inline_text(value, pos)

    def inline_text(self, value: str, pos: int, pattern: re.Pattern[str] | None = None) -> None:
        """Text outside table markup: its placeholders read, quotes dropped, newlines handled;
        with ``_INLINE_OR_NODE`` for ``pattern`` its list markers too."""
        if pattern is None:
            if self.masked and has_placeholder(value):
                pattern = _QUOTES_OR_PLACEHOLDER
            elif "\n" not in value and "''" not in value and "<" not in value:
                self.emit(value, pos)
                return
            else:
                pattern = _QUOTES
        last = 0
        for match in pattern.finditer(value):
            start = match.start()
            if start > last:
                self.emit(value[last:start], pos + last)
            if match.lastindex:  # a placeholder
                masked = self.masked[placeholder_index(match)]
                if isinstance(masked, MaskedRef):
                    self.masked_ref(masked)
                elif isinstance(masked, MaskedLink):
                    self.masked_link(masked)
                elif isinstance(masked, MaskedTemplate):
                    self.masked_template(masked)
                else:
                    self.heading(masked)
            elif value[start] == "\n":
                self.newline(pos + start)
            elif value[start] in LIST_MARKS:
                self.start_list(pos + start)
            last = match.end()
        if last < len(value):
            self.emit(value[last:], pos + last)

    def _at_line_start(self, offset: int) -> bool:
        """Whether only a line break (and ":" indentation) precedes ``offset`` on its line."""
        while offset > 0 and self.source[offset - 1] == ":":
            offset -= 1
        return offset == 0 or self.source[offset - 1] == "\n"

    def _raw_table_starts(self, value: str, pos: int) -> bool:
        index = value.find("{|")
        while index >= 0:
            if self._at_line_start(pos + index):
                return True
            index = value.find("{|", index + 2)
        return False

    def raw_table_text(self, value: str, pos: int) -> None:
        """Table markup mwparserfromhell left as text (a table closed by a template such as
        {{Fb cs footer}}): read it line by line so rows and cells still become table statements."""
        index = 0
        while index < len(value):
            newline = value.find("\n", index)
            end = len(value) if newline < 0 else newline
            line = value[index:end]
            at_line_start = self._at_line_start(pos + index)
            if at_line_start and line.startswith("{|"):
                self.flush()
                self.raw_table, self.skip_line = True, True
                self.row_index, self.paragraph_index = self.paragraph_index, self.paragraph_index + 1
            elif not self.raw_table:
                self.inline_text(line, pos + index)
            elif at_line_start and line.startswith("|}"):
                self.flush()
                self.raw_table, self.skip_line, self.row_index = False, True, None
            elif at_line_start and line.startswith("|-"):
                self.flush()
                self.skip_line = True
                self.row_index, self.paragraph_index = self.paragraph_index, self.paragraph_index + 1
            elif at_line_start and line[:1] in ("|", "!"):
                body = 2 if line.startswith("|+") else 1
                attributes = _CELL_ATTRIBUTES.match(line, body)
                self.raw_cells(line, pos + index, attributes.end() if attributes else body, new_cell=True)
            else:
                self.raw_cells(line, pos + index, 0, new_cell=False)
            if newline >= 0:
                self.skip_line = False
                self.emit(" ", pos + newline)
            index = end + 1

    def raw_cells(self, line: str, pos: int, start: int, *, new_cell: bool) -> None:
        """Cells of one line of raw table markup, split at "||" / "!!"."""
        for number, match in enumerate(_CELL_SPLIT.finditer(line + "||", start)):
            if new_cell or number:
                self.flush()
                self.buf = _Buffer("table", self.section, False)
            cell = line[start:match.start()]
            self.inline_text(cell, pos + start)
            start = match.end()
            if start >= len(line):
                break

    def newline(self, pos: int) -> None:
        """A newline ends a list item; a blank line ends a paragraph; in a block it is a space."""
        if self.buf.kind == "list":
            self.flush()
            self.newlines = 1
            return
        if self.buf.split:
            self.newlines += 1
            if self.newlines >= 2:
                self.flush()
                self.newlines = 2
                return
        self.emit(" ", pos)

    def start_list(self, pos: int) -> None:
        """A list marker at the start of a line: a new list-item statement, unless in a block."""
        if self.buf.split or self.buf.kind == "list":
            self.flush()
            self.buf = _Buffer("list", self.section, False)
        else:
            self.emit(" ", pos)

    def start_block(self, kind: str, section: tuple[str, ...] | None = None) -> _Buffer:
        """Save the current paragraph and start a block (infobox row, cell, caption)."""
        saved = self.buf
        self.buf = _Buffer(kind, self.section if section is None else section, False)
        return saved

    def end_block(self, saved: _Buffer) -> None:
        self.flush()
        self.buf = saved

    # ----- walking ------------------------------------------------------------------------

    def walk_top(self, code: Any, pos: int) -> None:
        self.walk(code.nodes, pos)
        if self.raw_table:
            self.flush()
            self.raw_table, self.skip_line, self.row_index = False, False, None

    def walk(self, nodes: Iterable[Any], pos: int) -> int:
        """Walk sibling nodes starting at source offset ``pos``; returns the end offset."""
        for node in nodes:
            if isinstance(node, N.Text) or isinstance(node, str):
                value = node.value if isinstance(node, N.Text) else node
                if (self.marked and LIST_MARK.search(value)
                        or self.masked and (REF_START in value or HEADING_START in value)):
                    self.node_text(value, pos)
                else:
                    self.text(value, pos)
                pos += len(value)
                continue
            if isinstance(node, N.Tag):
                pos = self.tag(node, pos)
                continue
            raw = str(node)
            if isinstance(node, N.Template):
                self.template(node, raw, pos)
            elif isinstance(node, N.Wikilink):
                self.wikilink(node, raw, pos)
            elif isinstance(node, N.ExternalLink):
                self.external_link(node, pos)
            elif isinstance(node, N.HTMLEntity):
                char = node.normalize()
                self.emit_rendered(" " if char == "\u00a0" else char, pos, pos + len(raw))
            elif isinstance(node, N.Heading):
                self.heading(node)
            # Comments (suppressions are read from the source), arguments: nothing rendered.
            pos += len(raw)
        return pos

    def node_text(self, value: str, pos: int) -> None:
        """Text holding masked list markers, templates or headings: read as the parser's text,
        list-item, template and heading nodes would be, the text between them on its own."""
        if not self.raw_table and "{|" not in value:
            # No table markup starts in it: one pass reads its nodes and inline markup alike.
            self.inline_text(value, pos, _INLINE_OR_NODE)
            return
        last = 0
        for match in _NODE_MASK.finditer(value):
            node = None
            if match.group(1) is not None:  # a placeholder: a ref's or a link's stands in text
                node = self.masked[placeholder_index(match)]
                if not isinstance(node, (MaskedTemplate, MaskedHeading)):
                    continue
            if match.start() > last:
                self.text(value[last:match.start()], pos + last)
            if node is None:
                self.start_list(pos + match.start())
            elif isinstance(node, MaskedTemplate):
                self.masked_template(node)
            else:
                self.heading(node)
            last = match.end()
        if last < len(value):
            self.text(value[last:], pos + last)

    def walk_code(self, code: Any, pos: int) -> None:
        if code is not None:
            self.walk(code.nodes, pos)

    def heading(self, node: Any) -> None:
        """A heading node, or a masked heading (its title plain text)."""
        self.flush()
        self.raw_table, self.skip_line, self.row_index = False, False, None
        title = " ".join(self.heading_title(node.title).split())
        level = node.level
        self.headings = [(lvl, t) for lvl, t in self.headings if lvl < level] + [(level, title)]
        self.section = tuple(t for _, t in self.headings)
        self.buf = _Buffer("prose", self.section, True)
        if _REF_IN_HEADING.search(str(node.title)):
            # "== 2013 True Market Study Results<ref>…</ref> ==": the source of the section
            self.doc.metadata.setdefault("cited_sections", []).append(self.section)

    def heading_title(self, title: Any) -> str:
        """A heading's text as rendered: a <ref> in it is a marker (cited, attached to nothing),
        not words of the section's name."""
        if isinstance(title, str):
            return title
        raw = str(title)
        if not (self.masked and has_placeholder(raw)):
            # A list marker in it was a tag node, which renders nothing.
            return LIST_MARK.sub("", title.strip_code()) if self.marked else title.strip_code()

        def rendered(match: re.Match[str]) -> str:
            masked = self.masked[placeholder_index(match)]
            if not isinstance(masked, MaskedRef):
                return self.parsed_text[masked.start:masked.end]
            self.masked_ref(masked, attach=False)
            return ""
        return mwparserfromhell.parse(PLACEHOLDER.sub(rendered, raw), skip_style_tags=True).strip_code()

    def section_at_fallback(self) -> None:
        self.buf = _Buffer("prose", self.section, True)

    # ----- tags -----------------------------------------------------------------------------

    def tag(self, node: Any, pos: int) -> int:
        """Handle a tag at ``pos`` and return its end offset.

        The length comes from walking the contents, so a table is not stringified once per
        nesting level (table, row, cell) just to learn where it ends.
        """
        contents = node.contents
        name = str(node.tag).strip().lower()
        if node.self_closing or contents is None or node.invalid or name == "ref":
            raw = str(node)
            if name == "ref":
                self.ref(node, raw, pos)
            elif name in ("li", "dt", "dd") and node.wiki_markup:
                self.start_list(pos)
            elif name == "hr":
                self.flush()
            elif name == "br":
                self.emit(" ", pos)
            return pos + len(raw)
        start = self._contents_pos(node, pos)
        close = len(node.closing_wiki_markup or "") if node.wiki_markup else len(str(node.closing_tag)) + 3
        return self._tag_contents(node, name, contents, start) + close

    def _tag_contents(self, node: Any, name: str, contents: Any, start: int) -> int:
        """Walk (or skip) a tag's contents at ``start``; returns where the contents end."""
        if node.wiki_markup:
            if name == "table":
                self.flush()
                end = self.walk(contents.nodes, start)
                self.flush()
                return end
            if name in ("td", "th", "caption"):
                saved = self.start_block("table")
                end = self.walk(contents.nodes, start)
                self.end_block(saved)
                return end
            if name == "tr":
                saved_row, self.row_index = self.row_index, self.paragraph_index
                self.paragraph_index += 1
                end = self.walk(contents.nodes, start)
                self.row_index = saved_row
                return end
            if name in ("li", "dt", "dd"):
                self.start_list(start)
            return self.walk(contents.nodes, start)
        if name == "references":
            self.list_defined(contents, start)
            return start + len(str(contents))
        if name == "nowiki":
            text = self.as_parsed(str(contents))
            self.emit(text, start)
            return start + len(text)
        if name in R.SKIP_TAGS:
            return start + len(str(contents))
        if name in ("p", "div", "blockquote", "center", "poem") and self.buf.split:
            self.flush()
            end = self.walk(contents.nodes, start)
            self.flush()
            return end
        return self.walk(contents.nodes, start)

    @staticmethod
    def _contents_pos(node: Any, pos: int) -> int:
        """Source offset of a tag's contents: the tag's start plus its opening markup."""
        opening = sum(len(str(attr)) for attr in node.attributes) + len(node.padding or "")
        if node.wiki_markup:
            return pos + len(node.wiki_markup) + opening + len(node.wiki_style_separator or "")
        return pos + len(str(node.tag)) + opening + 2

    @staticmethod
    def _attr(node: Any, name: str) -> str:
        for attr in node.attributes:
            if str(attr.name).strip().lower() == name:
                return str(attr.value).strip() if attr.value is not None else ""
        return ""

    def ref(self, node: Any, raw: str, pos: int, *, attach: bool = True) -> None:
        """A <ref> the parser built a tree for."""
        content = None if node.self_closing or node.contents is None else node.contents
        self.cite_ref(self._attr(node, "name"), self._attr(node, "group"), Span(pos, pos + len(raw)),
                      content, self._contents_pos(node, pos), attach=attach)

    def masked_ref(self, masked: MaskedRef, *, attach: bool = True) -> None:
        """A <ref> met as its placeholder: read from the source, its content parsed only if need be."""
        self.cite_ref(masked.name, masked.group, Span(*masked.span), masked.content, masked.content_start,
                      attach=attach)

    def cite_ref(self, name: str, group: str, span: Span, content: Any, content_pos: int, *,
                 attach: bool) -> None:
        """A <ref>: definition (with content) or reuse (named, empty); always a citation.

        ``content`` is the parsed body, its raw text (a masked ref), or None (self-closing).
        """
        content_raw = "" if content is None else content if isinstance(content, str) else str(content)
        reference: Reference | None = None
        if content_raw.strip():
            existing = self.refs.named.get((group, name)) if name else None
            if existing is not None:
                reference = existing
            else:
                reference = self.make_reference(name, group, content, content_pos, span, inline=True,
                                                raw=content_raw)
        elif name:
            # None when defined later (inline or list-defined) or never: linked in finish().
            reference = self.refs.named.get((group, name))
        else:
            reference = self.make_reference("", group, content, span.start, span, inline=True)
        self.cite(name, group, span, reference, attach=attach)

    def cite(self, name: str, group: str, span: Span, reference: Reference | None, *,
             attach: bool = True) -> Citation:
        citation = Citation(key=name or (reference.key if reference else ""), span=span, group=group,
                            reference=reference)
        if reference is not None:
            self._number(reference)
            citation.key = reference.key
            self.last_ref = reference
        else:
            self.last_ref = None
        self.refs.uses.append(citation)
        self.doc.citations.append(citation)
        if attach:
            self.buf.markers.append((self.buf.length, citation))
            self.newlines = 0
        return citation

    def _number(self, reference: Reference) -> None:
        if id(reference) in self.refs.seen:
            return
        self.refs.seen.add(id(reference))
        number = self.refs.number(reference.group)
        if not reference.key:
            reference.key = f"ref-{number}"
        self.refs.order.append(reference)

    def list_defined(self, contents: Any, pos: int) -> None:
        """<references>…</references> or {{reflist|refs=…}}: named definitions, no citations."""
        for node in contents.nodes:
            raw = str(node)
            if isinstance(node, N.Text) and self.masked and REF_START in raw:
                for match in PLACEHOLDER.finditer(raw):
                    masked = self.masked[placeholder_index(match)]
                    if isinstance(masked, MaskedRef) and masked.content is not None and (masked.group, masked.name) not in self.refs.named:
                        self.make_reference(masked.name, masked.group, masked.content, masked.content_start,
                                            Span(*masked.span), inline=False)
            elif isinstance(node, N.Tag) and str(node.tag).strip().lower() == "ref" and not node.self_closing:
                name = self._attr(node, "name")
                group = self._attr(node, "group")
                if node.contents is not None and (group, name) not in self.refs.named:
                    self.make_reference(name, group, node.contents, self._contents_pos(node, pos),
                                        Span(pos, pos + len(raw)), inline=False)
            pos += len(raw)

    def make_reference(self, name: str, group: str, content: Any, content_pos: int, span: Span,
                       *, inline: bool, raw: str | None = None) -> Reference:
        """Build a Reference from a ref's content (templates normalised, free text parsed).

        ``content`` is a parse tree or raw text; a tree holding placeholders (a note's text
        with <ref>s in it) is read again from its source text. Raw text is source text, which
        holds none (the masking leaves text with private-use characters as it is).
        """
        if raw is None:
            raw = content if isinstance(content, str) else str(content) if content is not None else ""
        if (content is not None and not isinstance(content, str)
                and (self.masked and has_placeholder(raw) or self.marked and LIST_MARK.search(raw))):
            raw = self.unmask(raw)
            content = raw
        reference = Reference(key=name, span=span, raw=raw, group=group, defined_inline=inline)
        if content is not None:
            body = RefContent(raw, None if isinstance(content, str) else content)
            describe(reference, body, self)
            if _NESTED.search(raw):
                self.scan_nested(body.code(), content_pos)
        if name:
            self.refs.named.setdefault((group, name), reference)
        return reference

    def scan_nested(self, content: Any, pos: int) -> None:
        """Citations nested in a note's content (a <ref> inside an {{efn}}), unattached."""
        for node in content.nodes:
            raw = str(node)
            if isinstance(node, N.Tag) and str(node.tag).strip().lower() == "ref":
                self.ref(node, raw, pos, attach=False)
            elif isinstance(node, N.Template):
                key = R.template_key(str(node.name))
                if key in R.FOOTNOTE_SHORT_CITES or key in R.NAMED_REUSE:
                    self.short_or_reuse(node, key, raw, pos, attach=False)
            pos += len(raw)

    # ----- templates ------------------------------------------------------------------------

    def template(self, node: Any, raw: str, pos: int) -> None:
        name = str(node.name)
        key = R.template_key(name)
        end = pos + len(raw)
        if not _is_read(key):
            if _MAY_CITE.search(raw):
                self.silent(node, pos)
            return
        if ":" in key:
            if key.replace(" ", "").startswith("#tag:ref"):
                self.note(node, "#tag:ref", raw, pos)
            else:
                self.parser_function(node, key, pos, end)
            return
        if key in R.CITATION_NEEDED:
            self.counts[key] = self.counts.get(key, 0) + 1
            if key in R.SPAN_TAGS:
                self.render_param(node, pos, ("1", "text"))
            self.add_tag("citation-needed", Span(pos, end), _param_text(node, "date"))
            return
        if key in R.DEAD_LINK:
            self.counts[key] = self.counts.get(key, 0) + 1
            self.add_tag("dead-link", Span(pos, end), _param_text(node, "date"))
            if self.last_ref is not None:
                self.last_ref.dead_link = True
            return
        if key in R.WEBARCHIVE:
            self.counts[key] = self.counts.get(key, 0) + 1
            if self.last_ref is not None:
                apply_webarchive(self.last_ref, self.params_of(node), key)
            return
        if key in R.OTHER_TAGS:
            self.add_tag(R.OTHER_TAGS[key], Span(pos, end), _param_text(node, "date"))
            return
        if key in R.SHORT_CITES or key in R.NAMED_REUSE:
            self.short_or_reuse(node, key, raw, pos)
            return
        if key in R.NOTE_TEMPLATES:
            self.note(node, key, raw, pos)
            return
        if key in R.REFLISTS:
            for param, value_pos in _params(node, pos):
                value = str(param.value)
                if "<ref" in value.lower() or (self.masked and REF_START in value):
                    self.list_defined(param.value, value_pos)
            return
        if R.is_infobox(key):
            self.infobox(node, key, pos)
            return
        if R.is_cite_template(key):
            self.full_citation(self.params_of(node), key, Wikicode([node]), pos, end)
            return
        if not self.inline_template(node, key, pos, end) and _MAY_CITE.search(raw):
            self.silent(node, pos)

    def masked_template(self, masked: MaskedTemplate) -> None:
        """A masked template: a full citation, or one the walker has nothing to read in."""
        if masked.cites:
            self.full_citation(masked.params, R.template_key(masked.name),
                               self.parsed_text[masked.start:masked.end], masked.start, masked.end)

    def full_citation(self, params: dict[str, str], key: str, content: Any, pos: int, end: int) -> None:
        """A full citation template outside any <ref> (its tree, or its source when masked)."""
        self.refs.full_citations.append((params, key, None))
        if self._in_source_section(self.section):
            self.counts[key] = self.counts.get(key, 0) + 1
        else:
            # A full citation written in the text (a table row, a list item) cites in place.
            reference = self.make_reference("", "", content, pos, Span(pos, end), inline=True)
            self.cite("", "", Span(pos, end), reference)

    def silent(self, node: Any, pos: int) -> None:
        """A template that renders no prose may still hold citations (a ref in a caption of
        {{multiple image}}, in a {{vunblist}} item): walk it without emitting text and put
        its markers and tags where the template stands."""
        self.silent_params(_params(node, pos))

    def silent_params(self, params: list[tuple[Any, int]]) -> None:
        saved = self.buf
        self.held = []
        self.buf = _Buffer("silent", self.section, False)
        for param, value_pos in params:
            self.walk_code(param.value, value_pos)
        held = self.held + [(self.buf.markers, self.buf.tags)]
        self.held = []
        self.buf = saved
        for markers, tags in held:
            saved.markers.extend((saved.length, citation) for _, citation in markers)
            saved.tags.extend((saved.length, tag) for _, tag in tags)

    def parser_function(self, node: Any, key: str, pos: int, end: int) -> None:
        """{{formatnum:1234567}} prints its argument as it renders: a number as given, here (the
        wiki's language decides its separators, "1,234,567" or "1.234.567", and a number without
        them reads alike in every language), a template what it prints ({{formatnum:{{data United
        States|Poptoday}}}}: nothing here, never its source), a comment or "&nbsp;" nothing.
        Other parser functions ({{#expr:…}}, {{#if:…}}) print nothing that can be read without
        the wiki."""
        if not key.startswith("formatnum:"):
            return
        name = str(node.name)
        argument = name[name.index(":") + 1:]
        start = pos + 2 + len(name) - len(argument.lstrip())
        self.walk_code(mwparserfromhell.parse(argument.strip(), skip_style_tags=True), start)

    def render_param(self, node: Any, pos: int, names: tuple[str, ...]) -> bool:
        """Render the first parameter named in ``names``; citations in the others still count."""
        params = _params(node, pos)
        chosen = next((item for item in params if str(item[0].name).strip().lower() in names), None)
        if chosen is not None:
            self.walk_code(chosen[0].value, chosen[1])
        self.silent_citations([item for item in params if item is not chosen])
        return chosen is not None

    def silent_citations(self, params: list[tuple[Any, int]]) -> None:
        """Walk, emitting no text, those of ``params`` that may hold citations: parameters a
        template does not print still cite."""
        citing = [item for item in params if _MAY_CITE.search(str(item[0].value))]
        if citing:
            self.silent_params(citing)

    def sort_name(self, node: Any, pos: int, end: int) -> None:
        """{{sortname|first|last}} prints "first last" (or the one given); its link and sort key
        print nothing. Names given out of order ("2=Watson|1=Tom") print as one piece of the
        template, so that the text keeps the source's order."""
        params = {str(param.name).strip(): (param, value_pos) for param, value_pos in _params(node, pos)}
        names = [params[key] for key in ("1", "2") if key in params and str(params[key][0].value).strip()]
        if len(names) == 2 and names[1][1] < names[0][1]:
            self.silent_params(names)
            self.emit_rendered(" ".join(_plain_value(param) for param, _ in names), pos, end)
        else:
            for k, (param, value_pos) in enumerate(names):
                if k:
                    self.emit_rendered(" ", value_pos - 1, value_pos)
                self.walk_code(param.value, value_pos)
        self.silent_citations([item for name, item in params.items() if name not in ("1", "2")])

    def inline_template(self, node: Any, key: str, pos: int, end: int) -> bool:
        """Formatting templates that render text in prose; False for those rendering nothing."""
        if key in R.CONSTANTS:
            self.emit_rendered(R.CONSTANTS[key], pos, end)
        elif key in R.LISTS:
            first = True
            params = _params(node, pos)
            # A {{collapsible list|title=…<ref>…</ref>}} title renders, but not as an item.
            self.silent_params([(p, vp) for p, vp in params if p.showkey and _MAY_CITE.search(str(p.value))])
            for param, value_pos in params:
                if param.showkey:
                    continue
                if not first:
                    self.emit_rendered("; ", value_pos - 1, value_pos)
                self.walk_code(param.value, value_pos)
                first = False
        elif key in R.FIRST_PARAM:
            self.render_param(node, pos, ("1",) + R.QUOTES_NAMED)
        elif key in R.SECOND_PARAM:
            self.render_param(node, pos, ("2",))
        elif key in R.SORT:  # its text, even an empty one, else its key
            given = {str(param.name).strip() for param in node.params}
            self.render_param(node, pos, ("2",) if "2" in given else ("1",))
        elif key in R.SORT_NAME:
            self.sort_name(node, pos, end)
        elif key.startswith("lang-") or key.startswith("langx"):
            self.render_param(node, pos, ("1",) if key.startswith("lang-") else ("2",))
        elif key in R.CONVERT:
            self.convert(node, pos)
        elif key in R.AS_OF:
            self.as_of(node, pos, end)
        elif key in R.CURRENCIES:
            self.emit_rendered(R.CURRENCIES[key], pos, pos + 2 + len(str(node.name)))
            self.render_param(node, pos, ("1",))
        elif key in R.DATE_TEMPLATES:
            values = _positional(node)
            mdy = any(str(p.name).strip().lower() in ("mf", "mdy") for p in node.params if p.showkey)
            years = [v for v in values if v.isdigit() and len(v) == 4]
            if values and values[0].isdigit():
                self.emit_rendered(R.render_date(values[0], *(values[1:3]), mdy=mdy), pos, end)
            elif years:
                self.emit_rendered(years[0], pos, end)
        elif key in _CIRCA:
            self.emit_rendered("c. ", pos, pos + 2 + len(str(node.name)))
            self.render_param(node, pos, ("1",))
        elif key in _FRACTIONS:
            values = _positional(node)
            if len(values) == 3:
                self.emit_rendered(f"{values[0]} {values[1]}/{values[2]}", pos, end)
            elif len(values) == 2:
                self.emit_rendered(f"{values[0]}/{values[1]}", pos, end)
            elif len(values) == 1:
                self.emit_rendered(f"1/{values[0]}", pos, end)
        elif key in _VALUES:
            values = _positional(node)
            unit = _param_text(node, "u") or _param_text(node, "ul")
            if values:
                self.emit_rendered(values[0] + (f" {unit}" if unit else ""), pos, end)
        else:
            return False
        return True

    def convert(self, node: Any, pos: int) -> None:
        """{{convert|25|km}} -> "25 km"; {{convert|2|to|3|km}} -> "2 to 3 km"."""
        positional = [(p, vp) for p, vp in _params(node, pos) if not p.showkey]
        if not positional:
            return
        first, first_pos = positional[0]
        self.walk_code(first.value, first_pos)
        index = 1
        while index + 1 < len(positional) and str(positional[index][0].value).strip() in R.RANGE_WORDS:
            word_param, word_pos = positional[index]
            raw_word = str(word_param.value)
            word = raw_word.strip()
            self.emit_rendered(" ", word_pos, word_pos)
            self.emit(word, word_pos + raw_word.index(word))
            self.emit_rendered(" ", word_pos + len(raw_word), word_pos + len(raw_word))
            value, value_pos = positional[index + 1]
            self.walk_code(value.value, value_pos)
            index += 2
        if index < len(positional):
            unit, unit_pos = positional[index]
            raw_unit = str(unit.value)
            text = raw_unit.strip()
            self.emit_rendered(" ", unit_pos, unit_pos)
            self.emit(text, unit_pos + raw_unit.index(text))

    def as_of(self, node: Any, pos: int, end: int) -> None:
        """{{As of|2020|10}} -> "As of October 2020"."""
        if _param_text(node, "alt"):
            self.render_param(node, pos, ("alt",))
            return
        values = _positional(node)
        if not values:
            return
        lead = "Since" if _param_text(node, "since") else "As of"
        if _param_text(node, "lc"):
            lead = lead.lower()
        mdy = _param_text(node, "df").lower() in ("us", "mdy")
        date_text = R.render_date(values[0], *(values[1:3]), mdy=mdy)
        self.emit_rendered(f"{lead} {date_text}", pos, end)

    def add_tag(self, kind: str, span: Span, date: str) -> None:
        self.buf.tags.append((self.buf.length, Tag(kind=kind, span=span, date=date)))

    def short_or_reuse(self, node: Any, key: str, raw: str, pos: int, *, attach: bool = True) -> None:
        """{{sfn}}/{{harvnb}} short citations and {{r|name}} reuses."""
        span = Span(pos, pos + len(raw))
        if key in R.NAMED_REUSE:
            group = _param_text(node, "group")
            for value in _positional(node):
                if value:
                    self.cite(value, group, span, self.refs.named.get((group, value)), attach=attach)
            return
        anchor, footnote = short_citation_key(self.params_of(node), key)
        reference = self.refs.named.get(("", footnote))
        if reference is None:
            reference = Reference(key=footnote, span=span, raw=unmark(raw) if self.marked else raw, template=key,
                                  defined_inline=True)
            self.refs.named[("", footnote)] = reference
            self.refs.pending_links.append((reference, anchor))
        self.cite(footnote, "", span, reference, attach=attach)

    def note(self, node: Any, key: str, raw: str, pos: int) -> None:
        """{{efn}} and friends: an explanatory note with its own content, cited in place."""
        span = Span(pos, pos + len(raw))
        name = _param_text(node, "name")
        group = _param_text(node, "group") if key in ("refn", "#tag:ref") else "note"
        content = None
        content_pos = pos
        for param, value_pos in _params(node, pos):
            if str(param.name).strip() in ("1", "text", "content"):
                content, content_pos = param.value, value_pos
        reference = self.refs.named.get((group, name)) if name else None
        if reference is None and (content is not None or not name):
            reference = self.make_reference(name, group, content, content_pos, span, inline=True)
        self.cite(name, group, span, reference)

    def infobox(self, node: Any, key: str, pos: int) -> None:
        """Each infobox parameter is one statement, its name appended to the section path."""
        self.flush()
        rows: dict[str, str] = {}
        for param, value_pos in _params(node, pos):
            if not param.showkey:
                continue
            pname = self.as_parsed(str(param.name)).strip()
            if not pname or R.INFOBOX_SKIP.match(pname):
                continue
            kind = "caption" if "caption" in pname.lower() else "infobox"
            saved = self.start_block(kind, self.section + (pname,))
            self.walk_code(param.value, value_pos)
            text = " ".join("".join(self.buf.parts).split())
            if text:
                rows[pname] = text
            self.end_block(saved)
        if not self.infobox_seen and rows:
            self.infobox_seen = True
            self.doc.metadata["infobox"] = rows
            self.doc.metadata["infobox_name"] = R.without_comments(str(node.name)).strip()
            for period_key in ("date", "period"):
                if period_key in rows:
                    self.doc.metadata.setdefault("infobox_period", rows[period_key])

    # ----- links ----------------------------------------------------------------------------

    def wikilink(self, node: Any, raw: str, pos: int) -> None:
        title = self.as_parsed(str(node.title))  # a template in it is walked below
        lowered = title.strip().lower()
        if lowered.startswith(R.FILE_PREFIXES):
            if node.text is not None:
                self.file_caption(node.text, pos + 2 + len(title) + 1)
            return
        if lowered.startswith(R.CATEGORY_PREFIXES):
            return
        if node.text is None and R.INTERWIKI.match(title.strip()):
            return
        if node.text is not None:
            self.walk_code(node.text, pos + 2 + len(title) + 1)
        elif "&" in title or "{" in title:
            self.walk_code(node.title, pos + 2)  # entities or templates in the title render
        else:
            offset = len(title) - len(title.lstrip())
            shown = title.strip()
            if shown.startswith(":"):
                shown, offset = shown[1:], offset + 1
            self.emit(shown, pos + 2 + offset)

    def masked_link(self, link: MaskedLink) -> None:
        """A plain link met as its placeholder: its text, or its target as written."""
        if link.text is not None:
            self.inline_text(link.text, link.text_start)
        else:
            target = link.target
            self.emit(target.strip(), link.text_start + len(target) - len(target.lstrip()))

    def file_caption(self, text: Any, pos: int) -> None:
        """The caption of [[File:…|thumb|…|Caption]]: the last segment that is not an option."""
        segments: list[list[Any]] = [[]]
        offset = pos
        starts = [pos]
        for node in text.nodes:
            raw = node.value if isinstance(node, N.Text) else str(node)
            if isinstance(node, N.Text) and "|" in raw:
                pieces = raw.split("|")
                for i, piece in enumerate(pieces):
                    if i:
                        segments.append([])
                        starts.append(offset)
                    if piece:
                        segments[-1].append(piece)
                    offset += len(piece) + 1
                offset -= 1
            else:
                segments[-1].append(node)
                offset += len(raw)
        for segment, start in zip(reversed(segments), reversed(starts)):
            rendered = "".join(s if isinstance(s, str) else str(s) for s in segment)
            if rendered.strip() and not R.IMAGE_OPTION.match(rendered):
                saved = self.start_block("caption")
                self.walk(segment, start)
                self.end_block(saved)
                return

    def external_link(self, node: Any, pos: int) -> None:
        url = self.as_parsed(str(node.url))  # a bare URL takes in the templates written after it
        if not node.brackets and self.masked and has_placeholder(url):
            # It runs on into a placeholder where it stopped at the "<" of a <ref>.
            cut = PLACEHOLDER.search(url).start()
            self.emit(url[:cut], pos)
            self.inline_text(url[cut:], pos + cut)
        elif node.brackets:
            if node.title is not None:
                self.walk_code(node.title, pos + 1 + len(url) + (0 if node.suppress_space else 1))
        else:
            self.emit(url, pos)

    def params_of(self, node: Any) -> dict[str, str]:
        """A template's parameters as written in the source (placeholders put back)."""
        params = template_params(node)
        if self.masked or self.marked:
            for name, value in params.items():
                if has_placeholder(value) or LIST_MARK.search(value):
                    params[name] = self.unmask(value)
        return params

    def as_parsed(self, text: str) -> str:
        """``text`` with masked templates, headings and list markers put back, as the parser saw them: as
        text where it built no nodes (a bare URL, <nowiki>), as the nodes' source otherwise."""
        if self.masked and (REF_START in text or HEADING_START in text):
            text = PLACEHOLDER.sub(self._node_source, text)
        return unmark(text) if self.marked else text

    def _node_source(self, match: re.Match[str]) -> str:
        masked = self.masked[placeholder_index(match)]
        if isinstance(masked, (MaskedTemplate, MaskedHeading)):
            return self.parsed_text[masked.start:masked.end]
        return match.group()

    def unmask(self, text: str) -> str:
        """``text`` with the placeholders of masked <ref>s and links, and masked list markers, put
        back to their source text."""
        def source(match: re.Match[str]) -> str:
            masked = self.masked[placeholder_index(match)]
            return self.parsed_text[masked.start:masked.end]
        return unmark(PLACEHOLDER.sub(source, text)) if self.marked else PLACEHOLDER.sub(source, text)

    # ----- the end ----------------------------------------------------------------------------

    def finish(self) -> None:
        """Link reuses to definitions found later, resolve short citations, order references."""
        refs = self.refs
        for citation in refs.uses:
            if citation.reference is None:
                reference = refs.named.get((citation.group, citation.key))
                if reference is not None:
                    citation.reference = reference
                    self._number(reference)
        if refs.pending_links:
            for params, key, fields in refs.full_citations:
                bibliography_entry(refs.bibliography, params, key, fields)
        for reference, anchor in refs.pending_links:
            link_short_citation(reference, anchor, refs.bibliography)
        uncited = [ref for key, ref in refs.named.items() if id(ref) not in refs.seen]
        self.doc.references = refs.order + uncited
        self.doc.citations.sort(key=lambda c: c.span.start)


_CIRCA = frozenset({"circa", "c."})
_FRACTIONS = frozenset({"frac", "fraction"})
_VALUES = frozenset({"val"})
# The template() branches taken before the one for full citations, by key.
_BEFORE_FULL_CITATIONS = (R.CITATION_NEEDED | R.DEAD_LINK | R.WEBARCHIVE | frozenset(R.OTHER_TAGS) | R.SHORT_CITES
                          | R.NAMED_REUSE | R.NOTE_TEMPLATES | R.REFLISTS)
# Keys template() and inline_template() read (beside parser functions, infoboxes, citations and
# the lang- templates); with any other key a template is only looked into for citations.
_READ_KEYS = (_BEFORE_FULL_CITATIONS | frozenset(R.CONSTANTS) | frozenset(R.LISTS) | R.FIRST_PARAM
              | R.SECOND_PARAM | R.SORT | R.SORT_NAME | R.CONVERT | R.AS_OF | frozenset(R.CURRENCIES)
              | R.DATE_TEMPLATES | _CIRCA | _FRACTIONS | _VALUES)


def _is_read(key: str) -> bool:
    """Whether template() does anything with a template of this key besides looking into it for
    citations."""
    return (":" in key or key in _READ_KEYS or key.startswith(("lang-", "langx")) or R.is_infobox(key)
            or R.is_cite_template(key))
# A masked list marker or the placeholder of a masked template, ref or heading (group 1 its number):
# a link's stands in text. One leading character class, for the engine's fast scan.
_NODE_MASK = re.compile(f"[{REF_START}{HEADING_START}{LIST_MARK.pattern[1:-1]}]"
                        f"(?:(?<=[{REF_START}{HEADING_START}])(..){FILL}*|(?<={LIST_MARK.pattern}))", re.S)
_CITE_START = re.compile(r"\{\{\s*cit", re.I)


def _template_kind(source: str) -> bool | None:
    """How a template may be masked: True for one template() reads as a full citation (and
    _MAY_CITE finds as it finds its placeholder), False for one it does nothing with, None else."""
    key = R.template_key(source[2:-2].split("|", 1)[0])
    if not _is_read(key):
        return None if _MAY_CITE.search(source) else False
    if (_CITE_START.match(source) and R.is_cite_template(key) and ":" not in key
            and key not in _BEFORE_FULL_CITATIONS and not R.is_infobox(key)):
        return True
    return None


@functools.lru_cache(maxsize=1024)
def _is_source_section(title: str) -> bool:
    """R.is_source_section, asked once per section title rather than once per paragraph."""
    return R.is_source_section(title)


def _params(node: Any, pos: int) -> list[tuple[Any, int]]:
    """(parameter, source offset of its value) for every parameter of a template at ``pos``."""
    offset = pos + 2 + len(str(node.name))
    result = []
    for param in node.params:
        offset += 1  # the "|"
        value_pos = offset + (len(str(param.name)) + 1 if param.showkey else 0)
        result.append((param, value_pos))
        offset = value_pos + len(str(param.value))
    return result


def _plain_value(param: Any) -> str:
    """A parameter's text as it prints, its markup dropped (and any placeholder of a masked link)."""
    return PLACEHOLDER.sub("", param.value.strip_code()).strip()


def _param_text(node: Any, name: str) -> str:
    for param in node.params:
        if str(param.name).strip().lower() == name:
            return str(param.value).strip()
    return ""


def _positional(node: Any) -> list[str]:
    return [str(p.value).strip() for p in node.params if not p.showkey]

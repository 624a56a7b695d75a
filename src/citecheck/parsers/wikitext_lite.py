"""Reading ``<ref>``s and plain links without building mwparserfromhell trees.

Most of a bare mwparserfromhell parse of a well-referenced article goes into the citation
templates inside its ``<ref>``s, and much of the rest into its links (masking both cuts the
parse of the five largest corpus articles to 15–30 %). So before parsing, every well-formed
``<ref>`` and every plain ``[[target|text]]`` link outside comments, verbatim tags and innermost
templates (whose parameters the walker reads as strings) is replaced by a placeholder of the same
length made of private-use characters, which the parser reads as plain text. The walker meets
the placeholder where the markup stood and reads it itself: a ref's attributes by regex and its
content, when that is only templates and plain text, by a strict reader that gives up (``None``)
wherever its reading could differ from mwparserfromhell's (comments and tags, triple or lone
braces, links left open); contents it gives up on are parsed by mwparserfromhell on their own.

List markers at the start of a line (``*``, ``#``, ``:``) are masked too, each by one private-use
character: mwparserfromhell builds a tag node for every one of them (a quarter of its tree
building on a list-heavy article), and all the walker does with one is start a list item.
A run that a ``;`` follows or holds stays: it changes how the parser reads the rest of the line.
So are some nodes the walker would read only for a little: innermost templates outside other
templates that are full citations (read by the strict reader) or that the walker does nothing
with, and headings of plain words. The walker reads the text around such a placeholder as the
parser's text nodes on either side of the node, so the reading is the same as with the node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.entities import name2codepoint
from typing import Callable

from mwparserfromhell.definitions import URI_SCHEMES

# A placeholder: a first character telling a ref from a link, two characters numbering it,
# FILL up to the markup's length.
REF_START, LINK_START, FILL = "\ue000", "\ue002", "\ue001"
HEADING_START = "\ue006"
# One character for each list marker at a line start, put back by ``unmark``.
_LIST_MARKERS = {"*": "\ue003", "#": "\ue004", ":": "\ue005"}
LIST_MARKS = "".join(_LIST_MARKERS.values())
LIST_MARK = re.compile(f"[{LIST_MARKS}]")
_TO_MARKS = str.maketrans(_LIST_MARKERS)
_FROM_MARKS = str.maketrans({mark: marker for marker, mark in _LIST_MARKERS.items()})
_DIGIT_BASE, _DIGITS = 0xE100, 0xF8FF - 0xE100
PLACEHOLDER = re.compile(f"[{REF_START}{LINK_START}{HEADING_START}](..){FILL}*", re.S)
# Text already holding private-use characters is not masked: its placeholders would be ambiguous.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
# The parser may read a tag's attributes unlike this pattern (``name="a"b``): those stay unmasked.
_ATTRIBUTES = r"(?:\s+[\w-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>/=]+))?)*\s*"
_VERBATIM = ("nowiki|pre|math|chem|ce|code|syntaxhighlight|source|score|timeline|graph|hiero|"
             "templatedata|templatestyles|imagemap|mapframe|maplink|includeonly|noinclude|style|script")
# A plain link after its first "[": no namespace, file or interwiki prefix, nothing in it that
# renders otherwise than as written (entities, templates, tags, nested links, bare URLs), and no
# "//" first, which makes "[[//host]]" a bracket and a link to a web address.
_PLAIN_LINK = (r"\[(?!//)(?P<target>[^\[\]{}|<>\n&:]*[^\s\[\]{}|<>&:][^\[\]{}|<>\n&:]*)"
               r"(?:\|(?P<text>(?:[^\[\]{}|<>\n&/]|/(?!/))*))?\]\](?!\])")
# One leading character class takes every alternative's first character (a lookbehind then
# tells the alternatives apart), so the engine skips plain text by a fast scan for that class
# instead of trying each alternative at every position.
_MASKABLE = re.compile(
    r"[<{}\[*#:=](?:"
    r"(?<=<)!--.*?(?:-->|\Z)"
    rf"|(?<=<)(?P<verbatim>{_VERBATIM})\b[^>]*>.*?</(?P=verbatim)\s*>"
    r"|(?<=\{)(?P<template>\{[^{}]*\}\})|(?<=\{)(?P<open>\{(?!\{)|(?=\{\{))|(?<=\})(?P<close>\})"  # the others counted
    rf"|(?<=<)ref(?P<attrs>{_ATTRIBUTES})(?:/>|>(?P<content>[^<]*(?:<(?!ref\b|/ref\s*>)[^<]*)*)</ref\s*>)"
    # A link to an article.
    rf"|(?<=\[)(?<!\[\[){_PLAIN_LINK}"
    r"|(?<=^[*#:])(?P<list>[*#:]*)(?![*#:;])"
    # A heading of plain words, its line ending at its closing "=": nothing in its title that
    # the parser reads otherwise than as text. The group holds the "=" after the first.
    r"|(?<=^=)(?P<level>={0,5})(?P<title>[^=\n{}\[\]<>&|!:]*[^\s=\n{}\[\]<>&|!:][^=\n{}\[\]<>&|!:]*)=(?P=level)$)",
    re.I | re.S | re.M)
_LINE_START = re.compile(r"^[*#:=]", re.M)  # a list marker or a heading
# The pieces of a reference body the strict text reader reads: text, a named entity or an "&" that
# starts none (group "entity": the name and ";", or nothing), a plain link, a link to a web address
# in brackets with its title (nothing in it that renders otherwise).
_REF_TEXT_PIECE = re.compile(
    r"(?P<plain>[^\[\]{}<>&\n]+)|&(?P<entity>[a-zA-Z0-9]+;|(?!#))"
    rf"|\[{_PLAIN_LINK}"
    r"|\[(?P<url>(?:https?:|ftp:)?//[^\s\[\]<>\"{}']+)(?: (?P<title>[^\[\]{}<>&\n]*))?\]")
# What the parser reads as a list, a definition, a heading or a rule at the start of a body.
_BODY_START_MARKUP = re.compile(r"[=#*;:-]")
# The word before a colon, which the parser would take for a bare link's scheme if it is one.
_SCHEME_COLON = re.compile(r"(\w*):")
_ATTRIBUTE = re.compile(r"([\w-]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'<>/=]+)))?")


@dataclass(slots=True)
class MaskedLink:
    """A plain ``[[target|text]]`` replaced by a placeholder."""

    start: int
    end: int
    target: str
    text_start: int
    text: str | None  # None for [[target]]


@dataclass(slots=True)
class MaskedRef:
    """A ``<ref>`` replaced by a placeholder: where it stands and what it holds."""

    start: int
    end: int
    name: str
    group: str
    content_start: int
    content: str | None  # None for a self-closing reuse

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(slots=True)
class MaskedTemplate:
    """A template with nothing nested in it that the walker reads as a full citation, or does
    nothing with, replaced by a placeholder: its parameters as the strict reader read them."""

    start: int
    end: int
    name: str
    params: dict[str, str]
    cites: bool  # a full citation, else a template the walker does nothing with


@dataclass(slots=True)
class MaskedHeading:
    """A heading of plain text replaced by a placeholder."""

    start: int
    end: int
    level: int
    title: str


Masked = MaskedRef | MaskedLink | MaskedTemplate | MaskedHeading


def mask(text: str, base: int = 0,
         template_kind: Callable[[str], bool | None] | None = None) -> tuple[str, list[Masked], bool]:
    """``text`` with its well-formed ``<ref>``s and plain links replaced by placeholders, those, and
    whether it has list markers at line starts replaced by marks (which it does).

    ``base`` is the source offset of ``text``; the masked items' offsets are source offsets.
    Templates with nothing nested in them for which ``template_kind`` (given the template's
    source) answers True (a citation) or False (nothing to read) are masked too when the strict
    reader reads them, unless they stand inside another template or on a heading's line (where
    the parser reads an ``=`` after a template unlike one after text); their placeholders start
    like a ref's.
    """
    if ("<ref" not in text and "<REF" not in text and "<Ref" not in text and "[[" not in text
            and not _LINE_START.search(text)):
        return text, [], False
    if _PRIVATE_USE.search(text):
        return text, [], False
    refs: list[Masked] = []
    pieces: list[str] = []
    marked = False
    last = 0
    depth = 0  # templates open (an estimate: their braces outside the matches counted)
    for match in _MASKABLE.finditer(text):
        kind = match.lastgroup
        start, end = match.span()
        if kind == "list":
            pieces.append(text[last:start])
            pieces.append(match.group().translate(_TO_MARKS))
            last = end
            marked = True
            continue
        if kind == "open":
            depth += 1
            continue
        if kind == "close":
            depth -= depth > 0
            continue
        if kind is None or kind == "verbatim" or len(refs) >= _DIGITS * _DIGITS:
            continue
        first = REF_START
        if kind == "template":
            cites = None if depth or template_kind is None else template_kind(match.group())
            read = None if cites is None else _lone_template(text, match)
            if read is None:
                continue
            refs.append(MaskedTemplate(base + start, base + end, *read, cites=bool(cites)))
        elif kind == "title":
            if depth:
                continue
            first = HEADING_START
            refs.append(MaskedHeading(base + start, base + end, match.start("title") - start, match.group("title")))
        elif kind == "target" or kind == "text":
            first = LINK_START
            shown = match.group("text")
            text_start = match.start("text") if shown is not None else match.start("target")
            refs.append(MaskedLink(base + start, base + end, match.group("target"), base + text_start, shown))
        else:
            name, group = ref_name_and_group(match.group("attrs"))
            content = match.group("content")
            content_start = match.start("content") if content is not None else end
            refs.append(MaskedRef(base + start, base + end, name, group, base + content_start, content))
        index = len(refs) - 1
        pieces.append(text[last:start])
        pieces.append(first + chr(_DIGIT_BASE + index // _DIGITS) + chr(_DIGIT_BASE + index % _DIGITS)
                      + FILL * (end - start - 3))
        last = end
    if not pieces:
        return text, [], False
    pieces.append(text[last:])
    return "".join(pieces), refs, marked


def _lone_template(text: str, match: re.Match[str]) -> tuple[str, dict[str, str]] | None:
    """(name, parameters) of a template the strict reader reads, not before a lone brace nor on a
    heading's line, and with a name the parser takes (a brace before it opened a template)."""
    start, end = match.span()
    if text[end:end + 1] == "}":
        return None
    if text.startswith("=", text.rfind("\n", 0, start) + 1):
        return None
    source = match.group()
    if "<" in source:  # a comment or a tag, which the walker reads from the tree
        return None
    read = read_templates(source)
    if read is None or len(read) != 1 or ">" in read[0][0]:
        return None
    return read[0]


def has_placeholder(text: str) -> bool:
    return REF_START in text or LINK_START in text or HEADING_START in text


def unmark(text: str) -> str:
    """``text`` with its masked list markers put back."""
    return text.translate(_FROM_MARKS)


def placeholder_index(match: re.Match[str]) -> int:
    """Which masked ref a PLACEHOLDER match stands for."""
    high, low = match.group(1)
    return (ord(high) - _DIGIT_BASE) * _DIGITS + ord(low) - _DIGIT_BASE


def ref_name_and_group(attrs: str) -> tuple[str, str]:
    """The first ``name`` and ``group`` attributes of a ``<ref>`` (its attributes, or the whole
    opening tag), stripped, as mwparserfromhell reads them."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(attrs):
        key = match.group(1).lower()
        if key in ("name", "group") and key not in found:
            value = next((g for g in match.groups()[1:] if g is not None), "")
            found[key] = value.strip()
    return found.get("name", ""), found.get("group", "")


def read_reference_text(body: str) -> tuple[str, str] | None:
    """(text, first web address or "") of a reference body as mwparserfromhell's strip_code
    (normalized) and filter_external_links give them, read without a tree.

    ``None`` when the body holds anything this reader might read differently: templates, tags,
    numeric or unknown entities, other links, a bare address, markup at its start.
    """
    if _BODY_START_MARKUP.match(body):
        return None
    pieces: list[str] = []
    addresses: list[tuple[int, int]] = []
    pos = 0
    while pos < len(body):
        match = _REF_TEXT_PIECE.match(body, pos)
        if match is None:
            return None
        kind = match.lastgroup
        if kind == "plain":
            pieces.append(match.group())
        elif kind == "entity":
            name = match.group("entity")[:-1]
            pieces.append(chr(name2codepoint[name]) if name in name2codepoint else match.group())
        elif kind == "url" or kind == "title":
            addresses.append(match.span("url"))
            pieces.append(match.group("title") or "")
        else:
            shown = match.group("text")
            pieces.append(match.group("target") if shown is None else shown)
        pos = match.end()
    for scheme in _SCHEME_COLON.finditer(body) if ":" in body else ():
        if (scheme.group(1).lower() in URI_SCHEMES
                and not any(start <= scheme.start() < end for start, end in addresses)):
            return None
    return "".join(pieces), body[addresses[0][0]:addresses[0][1]] if addresses else ""


_NESTING = re.compile(r"[{}\[\]<]")  # what nests in a template or starts a tag
_TOKEN = re.compile(r"<!--.*?-->|\{\{\{|\{\{|\}\}|\[\[|\]\]|\[(?=(?:https?:|ftp:|mailto:)?//)|\]|[{}|=<]", re.I | re.S)


def read_templates(content: str) -> list[tuple[str, dict[str, str]]] | None:
    """The top-level templates of a ref's content: (name as written, parameter name -> value).

    Parameters are numbered and named as mwparserfromhell numbers them (positional ones
    "1", "2", … in order; the first occurrence of a name wins); a comment stays in the value
    it stands in, as in the tree's. ``None`` when the content holds anything this reader might
    read differently: a tag, a comment in a template's name, triple or lone braces, a template
    in a link at the top level, a link or template left open.
    """
    simple = _simple_template(content)
    if simple is not None:
        return [simple]
    templates: list[tuple[str, dict[str, str]]] = []
    stack: list[str] = []  # "T" template, "L" wikilink, "E" external link
    cut = 0  # start of the current segment (name or parameter) of the open top-level template
    segments: list[tuple[str, int]] = []  # (segment text, position of its first "=" or -1)
    equals = -1
    for match in _TOKEN.finditer(content):
        token = match.group()
        at = match.start()
        if token.startswith("<!--"):
            if len(stack) == 1 and not segments:
                return None
            continue  # the parser reads no markup inside a comment
        if token == "{{":
            if not stack:
                cut, segments, equals = match.end(), [], -1
            elif stack[0] != "T":
                return None  # in a link at the top level, which the parser may or may not close
            stack.append("T")
        elif token == "}}":
            if not stack or stack[-1] != "T":
                return None
            stack.pop()
            if not stack:
                segments.append((content[cut:at], equals))
                template = _template(segments)
                if template is None:
                    return None
                templates.append(template)
        elif not stack and token in ("<", "{{{", "{", "}"):
            return None
        elif token == "[[":
            stack.append("L")
        elif token == "[":
            stack.append("E")
        elif not stack:
            continue  # text between the top-level templates and links
        elif token == "]]":
            if stack[-1] != "L":
                return None
            stack.pop()
        elif token == "]":
            if stack[-1] == "E":
                stack.pop()
        elif token in ("{{{", "{", "}", "<"):
            return None
        elif len(stack) == 1 and stack[0] == "T":
            if token == "|":
                segments.append((content[cut:at], equals))
                cut, equals = match.end(), -1
            elif equals < 0 and segments:  # "=" in a parameter (the name segment has none)
                equals = at - cut
    if stack:
        return None
    return templates


def _simple_template(content: str) -> tuple[str, dict[str, str]] | None:
    """The one template a content consists of when nothing nests in it (most citations):
    read by splitting, without the token walk."""
    body = content.strip()
    if not (body.startswith("{{") and body.endswith("}}")):
        return None
    inner = body[2:-2]
    if _NESTING.search(inner):
        return None
    name, *parts = inner.split("|")
    return _template([(name, -1)] + [(part, part.find("=")) for part in parts])


def _template(segments: list[tuple[str, int]]) -> tuple[str, dict[str, str]] | None:
    name = segments[0][0]
    stripped = name.strip()
    if not stripped or "\n" in stripped or any(c in name for c in "[]{}"):
        return None
    params: dict[str, str] = {}
    position = 1
    for text, equals in segments[1:]:
        if equals >= 0:
            params.setdefault(text[:equals].strip(), text[equals + 1:])
        else:
            params.setdefault(str(position), text)
            position += 1
    return name, params

"""The linear fallback for wikitext that mwparserfromhell would take minutes over.

One left-to-right regex scan: ``<ref>`` bodies (an unterminated one ends at the next
``<ref>`` or blank line), templates matched by a depth counter (an unterminated one ends
at a blank line), comments, headings and list items; the text between them goes through
the same paragraph builder as the tree walker, so statements and citations keep exact
spans. Less faithful than the real parser (templates render nothing, nested markup in
references is read as text) but never slower than linear.
"""

from __future__ import annotations

import re
from typing import Any

from citecheck.model import Reference, Span
from citecheck.parsers import wikitext_render as R
from citecheck.parsers.wikitext_scan import heading_at
from citecheck.parsers.wikitext_lite import ref_name_and_group

_TOKEN = re.compile(r"<!--|\{\{|\}\}|<ref\b[^>\n]{0,400}?/>|<ref\b[^>\n]{0,400}?>|</ref\s*>|\n", re.I)
_LIST = re.compile(r"[*#:;]+")
_INLINE = re.compile(
    r"\[\[(?P<target>[^\[\]|\n]{0,500})(?:\|(?P<label>[^\[\]\n]{0,500}))?\]\]"
    r"|\[(?P<url>https?://[^\s\]]{1,2000})(?:\s+(?P<title>[^\]\n]{0,500}))?\]"
    r"|</?[a-zA-Z][^>\n]{0,200}>|&nbsp;",
)


def extract(builder: Any, text: str, start: int) -> None:
    """Feed ``text[start:]`` to ``builder`` (a wikitext._Builder) without a parse tree."""
    pos = start
    plain_from = start
    depth = 0
    template_start = 0
    ref: tuple[int, int, str, str] | None = None
    pos = plain_from = _line_start(builder, text, pos)
    while True:
        match = _TOKEN.search(text, pos)
        if match is None:
            break
        token, found = match.group(), match.start()
        pos = match.end()
        lowered = token.lower()
        blank_line = token == "\n" and text.startswith("\n", pos)
        if ref is not None:
            if lowered.startswith("</ref"):
                _reference(builder, text, ref, found, pos)
                ref, plain_from = None, pos
            elif lowered.startswith("<ref") or blank_line:
                _reference(builder, text, ref, found, found)
                ref, pos, plain_from = None, found, found
            continue
        if depth:
            if lowered.startswith("<ref"):
                # A ref inside a template (an infobox row) still cites where the template stands.
                ref = _open_ref(builder, token, found, pos)
            elif token == "{{":
                depth += 1
            elif token == "}}":
                depth -= 1
                if depth == 0:
                    _template(builder, text, template_start, pos)
                    plain_from = pos
            elif blank_line:
                depth, pos, plain_from = 0, found, found
            continue
        _plain(builder, text, plain_from, found)
        plain_from = pos
        if token == "<!--":
            close = text.find("-->", pos)
            pos = plain_from = len(text) if close < 0 else close + 3
        elif token == "{{":
            depth, template_start = 1, found
        elif lowered.startswith("<ref"):
            ref = _open_ref(builder, token, found, pos)
        elif token == "\n":
            builder.newline(found)
            pos = plain_from = _line_start(builder, text, pos)
    if ref is not None:
        _reference(builder, text, ref, len(text), len(text))
    elif depth == 0:
        _plain(builder, text, plain_from, len(text))


def _open_ref(builder: Any, token: str, start: int, end: int) -> tuple[int, int, str, str] | None:
    """A ``<ref …/>`` reuse is cited at once; a ``<ref …>`` opener starts a body (returned)."""
    name, group = ref_name_and_group(token)
    if token.endswith("/>"):
        builder.cite(name, group, Span(start, end), builder.refs.named.get((group, name)))
        return None
    return (start, end, name, group)


def _line_start(builder: Any, text: str, pos: int) -> int:
    """Headings and list markers at the start of a line; returns where the text resumes."""
    heading = heading_at(text, pos)
    if heading:
        builder.flush()
        level, raw_title, end = heading
        title = " ".join(_INLINE.sub(lambda m: m.group("label") or m.group("target") or "", raw_title).split())
        builder.headings = [(lvl, t) for lvl, t in builder.headings if lvl < level] + [(level, title)]
        builder.section = tuple(t for _, t in builder.headings)
        builder.section_at_fallback()
        return end
    marker = _LIST.match(text, pos)
    if marker:
        builder.start_list(pos)
        return marker.end()
    return pos


def _plain(builder: Any, text: str, start: int, end: int) -> None:
    """Text between tokens: links reduced to their labels, HTML tags dropped."""
    if end <= start:
        return
    last = start
    for match in _INLINE.finditer(text, start, end):
        if match.start() > last:
            builder.text(text[last:match.start()], last)
        last = match.end()
        if match.group("target") is not None:
            target = match.group("target").strip().lower()
            if target.startswith(R.FILE_PREFIXES + R.CATEGORY_PREFIXES):
                continue
            group = "label" if match.group("label") is not None else "target"
            builder.text(match.group(group), match.start(group))
        elif match.group("url") is not None:
            if match.group("title"):
                builder.text(match.group("title"), match.start("title"))
        elif match.group() == "&nbsp;":
            builder.emit_rendered(" ", match.start(), match.end())
    if last < end:
        builder.text(text[last:end], last)


def _reference(builder: Any, text: str, ref: tuple[int, int, str, str], content_end: int, end: int) -> None:
    start, content_start, name, group = ref
    span = Span(start, max(end, content_start))
    raw = text[content_start:content_end]
    reference = builder.refs.named.get((group, name)) if name else None
    for match in re.finditer(r"\{\{\s*([^|{}]+?)\s*[|}]", raw):
        key = R.template_key(match.group(1))
        if R.is_cite_template(key) or key in R.DEAD_LINK or key in R.WEBARCHIVE:
            builder.counts[key] = builder.counts.get(key, 0) + 1
    if reference is None:
        reference = reference_from_raw(name, group, raw, span)
        if name:
            builder.refs.named[(group, name)] = reference
    builder.cite(name, group, span, reference)


def reference_from_raw(name: str, group: str, raw: str, span: Span) -> Reference:
    """A Reference from the raw text of a <ref> body, without a parse tree."""
    from citecheck.parsers.citations import clean_value, domain_of, normalize_template_params, parse_reference_text

    reference = Reference(key=name, span=span, raw=raw, group=group)
    open_at = raw.find("{{")
    if open_at >= 0:
        inner = _template_inner(raw, open_at)
        parts = split_params(inner)
        key = R.template_key(parts[0]) if parts else ""
        if R.is_cite_template(key):
            reference.template = key
            params: dict[str, str] = {}
            for index, part in enumerate(parts[1:], 1):
                pname, eq, value = part.partition("=")
                params.setdefault(pname.strip() if eq else str(index), value if eq else part)
            reference.fields = normalize_template_params(key, params)
        reference.dead_link = any(R.template_key(m.group(1)) in R.DEAD_LINK
                                  for m in re.finditer(r"\{\{\s*([^|{}]+?)\s*[|}]", raw))
    if not reference.template:
        plain = clean_value(re.sub(r"\{\{[^{}]*\}\}", "", raw))
        if plain:
            reference.fields = parse_reference_text(plain)
        url = re.search(r"https?://[^\s\]|<>\"{}]+", raw)
        if url and "url" not in reference.fields:
            reference.fields["url"] = url.group()
    reference.domain = domain_of(reference.fields.get("url", "")) or domain_of(reference.fields.get("work", ""))
    return reference


def _template_inner(text: str, open_at: int) -> str:
    """The text between "{{" at ``open_at`` and its matching "}}" (or the end)."""
    depth = 0
    index = open_at
    while index < len(text) - 1:
        pair = text[index:index + 2]
        if pair == "{{":
            depth += 1
            index += 2
            continue
        if pair == "}}":
            depth -= 1
            if depth == 0:
                return text[open_at + 2:index]
            index += 2
            continue
        index += 1
    return text[open_at + 2:]


def split_params(inner: str) -> list[str]:
    """Split a template's inner text at the "|" that are not inside nested {{ }} or [[ ]]."""
    parts: list[str] = []
    depth = 0
    last = 0
    index = 0
    while index < len(inner):
        pair = inner[index:index + 2]
        if pair in ("{{", "[["):
            depth += 1
            index += 2
            continue
        if pair in ("}}", "]]"):
            depth = max(0, depth - 1)
            index += 2
            continue
        if inner[index] == "|" and depth == 0:
            parts.append(inner[last:index])
            last = index + 1
        index += 1
    parts.append(inner[last:])
    return parts


def _template(builder: Any, text: str, start: int, end: int) -> None:
    """A whole template in the fallback: maintenance tags and short citations; else nothing."""
    inner = text[start + 2:end - 2]
    parts = split_params(inner)
    key = R.template_key(parts[0]) if parts else ""
    span = Span(start, end)
    named = {p.partition("=")[0].strip().lower(): p.partition("=")[2].strip() for p in parts[1:] if "=" in p}
    positional = [p.strip() for p in parts[1:] if "=" not in p]
    if key in R.CITATION_NEEDED:
        builder.add_tag("citation-needed", span, named.get("date", ""))
    elif key in R.DEAD_LINK:
        builder.add_tag("dead-link", span, named.get("date", ""))
        if builder.last_ref is not None:
            builder.last_ref.dead_link = True
    elif key in R.FOOTNOTE_SHORT_CITES and positional:
        footnote = "FOOTNOTE" + "".join(positional)
        reference = builder.refs.named.get(("", footnote))
        if reference is None:
            reference = Reference(key=footnote, span=span, raw=text[start:end], template=key)
            builder.refs.named[("", footnote)] = reference
        builder.cite(footnote, "", span, reference)
    elif key in R.NAMED_REUSE:
        for value in positional:
            builder.cite(value, "", span, builder.refs.named.get(("", value)))
    elif key in R.CONVERT and len(positional) >= 2:
        builder.emit_rendered(f"{positional[0]} {positional[1]}", start, end)

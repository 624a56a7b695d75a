"""Reference content in wikitext: citation templates, archive and dead-link flags, short citations.

A ``<ref>`` body is a cite template (normalised by ``citations.normalize_template_params``),
free text (parsed like a rendered reference entry), a bare URL, or a short citation
({{harvnb}}) that points at a full source in the article's bibliography. Short citations are
linked by the anchor MediaWiki gives a full citation: its authors' surnames and year
(``CITEREFSmithJones2001``), or an explicit ``ref={{sfnref|…}}``.
"""

from __future__ import annotations

import re
from typing import Any

from mwparserfromhell.nodes import Template

from citecheck.model import Reference
from citecheck.parsers.citations import domain_of, normalize_template_params, parse_reference_text, reads_as_note
from citecheck.parsers.mwparser import mwparserfromhell
from citecheck.parsers import wikitext_render as R
from citecheck.parsers.wikitext_lite import read_reference_text, read_templates

_KEY = re.compile(r"[\W_]+")
_YEAR_IN_DATE = re.compile(r"\b(\d{3,4}[a-z]?)\b")
_URL = re.compile(r"https?://[^\s\]|<>\"{}]+", re.I)
_TIMESTAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})")
# The markup of a note's links and emphasis, left out to read its words: "[[Dallas Cowboys|Dallas]]",
# "''Remington''".
_WIKI_MARKUP = re.compile(r"\[\[(?:[^|\]]*\|)?|\]\]|'{2,}")
_COMMENT_OR_TAG = re.compile(r"<!--.*?(?:-->|$)|<[^<>]*>", re.S)
_TEMPLATE_OPENING = re.compile(r"\{\{(?P<name>[^{}|]+)")
_INNER_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_NAME_PARAMS = ("last{n}", "surname{n}", "author{n}-last", "author-last{n}", "author{n}",
                "nachname{n}")
_EDITOR_PARAMS = ("editor{n}-last", "editor-last{n}", "editor{n}", "editor-surname{n}")


def anchor_key(text: str) -> str:
    """Comparable form of an anchor: letters and digits only, case-folded."""
    return _KEY.sub("", text).casefold()


def template_params(node: Any) -> dict[str, str]:
    """Parameter name -> raw value text of a template (first occurrence of a name wins)."""
    params: dict[str, str] = {}
    for param in node.params:
        params.setdefault(str(param.name).strip(), str(param.value))
    return params


class RefContent:
    """A reference's body: its top-level templates read without a parse tree where the strict
    reader can, and the tree itself built only when something needs it."""

    __slots__ = ("raw", "_code")

    def __init__(self, raw: str, code: Any = None) -> None:
        self.raw = raw
        self._code = code

    def code(self) -> Any:
        if self._code is None:
            self._code = mwparserfromhell.parse(self.raw, skip_style_tags=True)
        return self._code

    def text_and_link(self) -> tuple[str, str]:
        """The body's text as strip_code gives it and the address of its first external link
        ("" for none): read without a tree where the strict text reader can."""
        read = read_reference_text(self.raw) if self._code is None else None
        if read is not None:
            return read
        code = self.code()
        links = code.filter_external_links(recursive=True)
        return code.strip_code(normalize=True, collapse=True), str(links[0].url) if links else ""

    def templates(self) -> list[tuple[str, dict[str, str]]]:
        """(key, parameters) of the top-level templates, as filter_templates(recursive=False)
        would find them."""
        if self._code is None and "{{" not in self.raw:
            return []
        read = read_templates(self.raw) if self._code is None else None
        if read is not None:
            return [(R.template_key(name), params) for name, params in read]
        return [(R.template_key(str(node.name)), template_params(node))
                for node in self.code().nodes if isinstance(node, Template)]


def _note_before_citation(raw: str) -> str:
    """The words a footnote gives before its citation template, without comments, tags, other
    templates and link markup: "[[Dallas Cowboys|Dallas]] traded its {{NFL Year|2008}} pick …"."""
    opening = _TEMPLATE_OPENING.match(raw, len(raw) - len(raw.lstrip()))
    if opening is not None and R.is_cite_template(R.template_key(opening["name"])):
        return ""  # most footnotes open with their citation
    text = _COMMENT_OR_TAG.sub(" ", raw)
    cite = next((opening.start() for opening in _TEMPLATE_OPENING.finditer(text)
                 if R.is_cite_template(R.template_key(opening["name"]))), None)
    text = text[:cite] if cite is not None else ""
    while "{{" in text and (inner := _INNER_TEMPLATE.sub(lambda m: _template_words(m.group()), text)) != text:
        text = inner
    return " ".join(_WIKI_MARKUP.sub("", text).split())


def _template_words(template: str) -> str:
    """What a template inside a note reads as: its last unnamed parameter ("{{NFL Year|2008}}" is
    "2008", "{{lang|fr|Le Monde}}" is "Le Monde")."""
    parts = [part for part in template[2:-2].split("|")[1:] if "=" not in part]
    return parts[-1] if parts else ""


def describe(reference: Reference, body: RefContent, builder: Any) -> None:
    """Fill a Reference's template, fields, domain and flags from its wikitext content."""
    templates = body.templates()
    fields: dict[str, str] = {}
    for key, params in templates:
        if R.is_cite_template(key):
            reference.template = key
            fields = normalize_template_params(key, params)
            if reads_as_note(note := _note_before_citation(body.raw)):
                fields["note"] = note  # "Dallas traded its pick to Philadelphia. {{cite web …}}"
            # A full citation inside a <ref> is also a target of short citations elsewhere.
            builder.refs.full_citations.append((params, key, fields))
            break
        if key in R.SHORT_CITES:
            reference.template = key
            anchor, _ = short_citation_key(params, key)
            builder.refs.pending_links.append((reference, anchor))
            break
    for name in ("url", "archive_url"):
        # A URL built by a template ({{Allmusic|…|pure_url=yes}}) is unknown, not a URL.
        if name in fields and "//" not in fields[name]:
            del fields[name]
    reference.fields = fields
    counts = builder.counts
    for key, params in templates:
        if R.is_cite_template(key) or key in R.DEAD_LINK or key in R.WEBARCHIVE:
            counts[key] = counts.get(key, 0) + 1
        if key in R.DEAD_LINK:
            reference.dead_link = True
        elif key in R.WEBARCHIVE:
            apply_webarchive(reference, params, key)
    if not reference.template:
        text, url = body.text_and_link()
        plain = " ".join(text.split())
        if plain:
            parsed = parse_reference_text(plain)
            for name, value in parsed.items():
                reference.fields.setdefault(name, value)
        if "url" not in reference.fields:
            if not url:
                match = _URL.search(body.raw)
                url = match.group() if match else ""
            if url:
                reference.fields["url"] = url
    reference.domain = domain_of(reference.fields.get("url", "")) or domain_of(reference.fields.get("work", ""))


def apply_webarchive(reference: Reference, template: dict[str, str], key: str) -> None:
    """{{webarchive|url=…|date=…}}, {{wayback|url=…|date=…}} or German {{Webarchiv|url=…|wayback=…}} beside a reference."""
    params = {name.lower(): value.strip() for name, value in template.items()}
    reference.has_webarchive = True
    archive = params.get("archive-url") or params.get("archiv-url") or ""
    date = params.get("date") or params.get("archiv-datum") or ""
    if key in ("webarchiv", "wayback"):
        # Both name the original page and a Wayback timestamp, not the archive URL itself:
        # {{Webarchiv|url=…|wayback=20150101…}}, {{wayback|url=…|date=20151217003632}}.
        original = params.get("url", "")
        stamp = params.get("wayback", "") if key == "webarchiv" else params.get("date", "")
        if key == "wayback":
            date = ""
        if not archive and stamp and original:
            archive = f"https://web.archive.org/web/{stamp}/{original}"
        if not date and (m := _TIMESTAMP.match(stamp)):
            date = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    else:
        archive = archive or params.get("url", "") or params.get("url1", "")
        if not date and (m := re.search(r"/web/(\d{8})", archive)):
            stamp = m.group(1)
            date = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"
    if archive:
        reference.fields.setdefault("archive_url", archive)
    if date:
        reference.fields.setdefault("archive_date", date)


def short_citation_key(params: dict[str, str], key: str) -> tuple[str, str]:
    """(bibliography anchor, footnote name) of {{sfn|Smith|Jones|2001|p=5}}.

    The footnote name follows MediaWiki's: identical short citations (same authors, year
    and pages) are one footnote, so they become one Reference.
    """
    if key in ("sfnm", "sfnmp"):
        names = [params[k].strip() for k in ("1a1", "1a2", "1a3", "1a4") if params.get(k, "").strip()]
        year = params.get("1y", "").strip()
    else:
        positional = [p.strip() for n, p in params.items() if n.isdigit()]
        names, year = positional[:-1][:4], (positional[-1] if positional else "")
    pages = ""
    for name in ("p", "page", "pp", "pages", "loc", "at"):
        if params.get(name, "").strip():
            pages = f"{name}. {params[name].strip()}" if name in ("p", "pp") else params[name].strip()
            break
    anchor = anchor_key("".join(names) + year)
    return anchor, "FOOTNOTE" + "".join(names) + year + pages


def bibliography_entry(bibliography: dict[str, tuple[str, dict[str, str]]], template: dict[str, str],
                       key: str, fields: dict[str, str] | None = None) -> None:
    """Record a full citation outside any <ref> under the anchor short citations use."""
    params = {name.lower(): value for name, value in template.items()}
    anchor = ""
    ref_param = params.get("ref", "").strip()
    if ref_param and ref_param.lower() not in ("harv", "none"):
        if ref_param.lower().startswith("{{"):
            inner = ref_param.strip("{} \n").split("|")
            if inner and R.template_key(inner[0]) in ("sfnref", "harvid", "sfnref/harvid"):
                anchor = anchor_key("".join(inner[1:]))
        elif ref_param.upper().startswith("CITEREF"):
            anchor = anchor_key(ref_param[7:])
    if not anchor:
        names = _names(params, _NAME_PARAMS) or _names(params, _EDITOR_PARAMS)
        year_param = params.get("year", "").strip()
        if year_param:
            year = year_param  # the anchor uses the year as written: "1960–1961", "2001a"
        else:
            found = _YEAR_IN_DATE.search(params.get("date", "") or params.get("datum", ""))
            year = found.group(1) if found else ""
        if not names or not year:
            return
        anchor = anchor_key("".join(names) + year)
    if anchor not in bibliography:
        if fields is None:
            fields = normalize_template_params(key, template)
        bibliography[anchor] = (key, fields)


def _names(params: dict[str, str], patterns: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    for n in range(1, 5):
        for pattern in patterns:
            value = params.get(pattern.format(n=n), "")
            if not value and n == 1:
                value = params.get(pattern.format(n=""), "")
            if value.strip():
                names.append(value.strip())
                break
        else:
            break
    return names


def link_short_citation(reference: Reference, anchor: str,
                        bibliography: dict[str, tuple[str, dict[str, str]]]) -> None:
    """Give a short citation the fields of the full source it points at, when there is one."""
    entry = bibliography.get(anchor)
    if entry is None:
        return
    _, fields = entry
    for name, value in fields.items():
        reference.fields.setdefault(name, value)
    reference.domain = reference.domain or domain_of(reference.fields.get("url", "")) or domain_of(
        reference.fields.get("work", ""))

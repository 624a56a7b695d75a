"""One parser per input format, each turning text into a Document; and format detection."""

from __future__ import annotations

import importlib
import re
from pathlib import PurePath

from citecheck.model import Document

FORMATS = ("text", "wikitext", "html")

_EXTENSIONS = {
    ".wiki": "wikitext", ".wikitext": "wikitext", ".mediawiki": "wikitext", ".mw": "wikitext",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<div|<section|<table|<p[\s>])",
    re.I | re.S,
)
_DUMP_START = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?<mediawiki[\s>]")
# A citation template's name closed at once and followed by a colon is a rendered page's citation
# error, which prints the template it is about ("{{cite web}}: CS1 maint: url-status"), a text
# copy perhaps wrapping it ("{{cite" / "news}}: …").
_WIKITEXT_SIGNS = re.compile(
    r"\{\{\s*(?:(?:cite|citation)(?![^{}|]{0,40}\}\}:)|infobox|reflist|sfn|webarchive|dead link|cn\b|citation needed)"
    r"|<ref[\s>/]|^==+[^=\n]+==+\s*$|\[\[(?:Category|File|Image):|^\{\|",
    re.I | re.M,
)


def detect_format(path: str, text: str) -> str:
    """The input format from the file extension, then from the content.

    A ``.txt`` that is plainly wikitext (cite templates, ``<ref>``, ``== headings ==``)
    is read as wikitext; a text that starts like an HTML document is HTML. An XML dump is
    refused with InputError pointing to ``citecheck dump``.
    """
    if _DUMP_START.match(text[:1024]):
        from citecheck.io import InputError

        raise InputError(f"{path}: a MediaWiki XML dump, not an article; lint it with 'citecheck dump {path}'")
    suffix = PurePath(path).suffix.lower() if path not in ("-", "<string>") else ""
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if len(_WIKITEXT_SIGNS.findall(text[:200_000])) >= 3:
        return "wikitext"
    return "text"


def parse(text: str, fmt: str, path: str = "<string>") -> Document:
    """Parse ``text`` as ``fmt`` into a Document; parser modules are imported on demand."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown input format {fmt!r} (choose {', '.join(FORMATS)})")
    module = importlib.import_module(f"citecheck.parsers.{fmt}")
    return module.parse(text, path=path)

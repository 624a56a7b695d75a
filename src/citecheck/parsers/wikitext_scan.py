"""A linear pre-scan of wikitext: how hostile it is, and where it can safely be cut.

mwparserfromhell backtracks over the rest of its input for every ``<ref>`` or template it
cannot close, so a file with thousands of unterminated openers takes minutes. One regex
pass counts those openers and estimates the re-scanning they cause (the characters after
each unclosed opener, templates weighted by their measured extra cost); past a limit the
document goes to the linear fallback instead. The same pass finds the headings (and, in long
sections, blank lines) at which no template, table, comment or ``<ref>`` is open: the
document is parsed in those pieces.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# Estimated characters mwparserfromhell re-scans before giving up. Measured: 84 M of
# unterminated-<ref> work takes ~1.4 s, an unterminated template costs ~6x a <ref>. The real
# corpus sits far below: 0 for every .wiki/.wikitext/wtf_wikipedia file and at most 7,215 over
# the 277 pages of the corpus dumps (two unterminated <ref>s in an Anarchism revision), with
# nesting depth at most 7. 20 M is about 0.3 s of extra parsing.
WORK_LIMIT = 20_000_000
TEMPLATE_WEIGHT = 6
# Templates nested deeper than this are not written by people.
DEPTH_LIMIT = 60
# Sections shorter than this are merged with the next one (fewer parser calls).
MIN_CHUNK = 4096
# A section longer than this is also cut at a blank line (a paragraph break at depth 0), so
# the CPU budget is checked often even in a long document without headings.
MAX_CHUNK = 65536

_TOKEN = re.compile(
    r"<!--|-->|\{\{|\}\}|\[\[|\]\]"
    r"|<ref\b[^>\n]{0,400}?/>|<ref\b[^>\n]{0,400}?>|</ref\s*>"
    r"|<(?P<raw>nowiki|pre|math|syntaxhighlight|source|score|timeline|chem)\b[^>\n]{0,200}?(?<!/)>"
    r"|^\{\||^\|\}|^(?==)|^(?=\n)",
    re.I | re.M,
)
_HEADING_LINE = re.compile(r"=+[^\n]*=[ \t]*(?:<!--[^\n]*-->)?[ \t]*$", re.M)


@dataclass
class Prescan:
    """Counts from the pre-scan and the section boundaries to parse at."""

    length: int
    unclosed_refs: int = 0
    unclosed_templates: int = 0
    unclosed_links: int = 0
    max_depth: int = 0
    work: int = 0
    chunks: list[tuple[int, int]] = field(default_factory=list)

    @property
    def hostile(self) -> bool:
        return self.work > WORK_LIMIT or self.max_depth > DEPTH_LIMIT


def prescan(text: str) -> Prescan:
    """One pass over ``text``: unclosed openers, nesting depth, estimated work, safe cuts."""
    result = Prescan(length=len(text))
    templates: list[int] = []
    links: list[int] = []
    ref_open: int | None = None
    unclosed_refs: list[int] = []
    tables = 0
    cuts = [0]
    pos = 0
    length = len(text)
    while True:
        match = _TOKEN.search(text, pos)
        if match is None:
            break
        token = match.group()
        start = match.start()
        pos = match.end()
        if token == "<!--":
            close = text.find("-->", pos)
            pos = length if close < 0 else close + 3
            continue
        if match.group("raw"):
            close = re.compile(r"</" + match.group("raw") + r"\s*>", re.I).search(text, pos)
            pos = length if close is None else close.end()
            continue
        if token == "{{":
            templates.append(start)
            if len(templates) > result.max_depth:
                result.max_depth = len(templates)
        elif token == "}}":
            if templates:
                templates.pop()
        elif token == "[[":
            links.append(start)
        elif token == "]]":
            if links:
                links.pop()
        elif token == "{|":
            tables += 1
        elif token == "|}":
            tables = max(0, tables - 1)
        elif token == "":
            pos = start + 1
            if not templates and ref_open is None and tables == 0 and start > 0:
                if text[start] == "\n":  # a blank line
                    if start - cuts[-1] >= MAX_CHUNK:
                        cuts.append(start)
                elif _HEADING_LINE.match(text, start) and start - cuts[-1] >= MIN_CHUNK:
                    cuts.append(start)
        elif token != "-->":
            lowered = token.lower()
            if lowered.startswith("</ref"):
                ref_open = None
            elif not lowered.endswith("/>"):
                if ref_open is not None:
                    unclosed_refs.append(ref_open)
                ref_open = start
    if ref_open is not None:
        unclosed_refs.append(ref_open)
    cuts.append(length)
    result.chunks = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    ends = [b for _, b in result.chunks]

    def remaining(opener: int) -> int:
        return ends[min(bisect.bisect_right(ends, opener), len(ends) - 1)] - opener

    result.unclosed_refs = len(unclosed_refs)
    result.unclosed_templates = len(templates)
    result.unclosed_links = len(links)
    result.work = sum(remaining(p) for p in unclosed_refs) + TEMPLATE_WEIGHT * sum(
        remaining(p) for p in templates)
    return result

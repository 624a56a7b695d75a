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
import functools
import re
from dataclasses import dataclass, field

# Estimated characters mwparserfromhell re-scans before giving up. Measured: 84 M of
# unterminated-<ref> work takes ~1.4 s; per re-scanned character an unterminated template
# costs ~6x a <ref>, a table ~2x, an HTML tag or external link about the same. The real corpus
# sits far below: over its 25 wikitext files and the 277 pages of its dumps the highest score is
# 273,574 (greece.wiki, 28 <span>s its authors never closed), then 23,318, 11,111 and 8,150;
# nesting depth is at most 7. 20 M is about 0.3 s of extra parsing.
WORK_LIMIT = 20_000_000
TEMPLATE_WEIGHT = 6
TABLE_WEIGHT = 2
# A tag's opener that never reaches a ">" ("if a<b then c", "<span <span …") costs the parser
# ~20x an unterminated <ref> per re-scanned character: 2,000 of them in 30 KB took 13 s.
BARE_TAG_WEIGHT = 20
# Templates and tags nested deeper than this are not written by people (the corpus reaches 31,
# in an article with 28 <span>s never closed). Past its own limit of 100 the parser backtracks
# at every level: 3,000 nested <ul><li> took seconds.
DEPTH_LIMIT = 60
# Sections shorter than this are merged with the next one (fewer parser calls).
MIN_CHUNK = 4096
# A section longer than this is also cut at a blank line (a paragraph break at depth 0), so
# the CPU budget is checked often even in a long document without headings.
MAX_CHUNK = 65536

_TOKEN = re.compile(
    # Every alternative starts with a literal character, so the engine skips plain text by a fast
    # scan for those characters and tries at each candidate only the alternatives starting with it.
    # A link or a template with no other token inside is one token, not two. A heading line and a
    # blank line are found by their first character at a line start; a line that opens with a long
    # run of list markers by the newline before it (list markers, common in text, are no candidates).
    r"\[(?:\[[^\[\]{}<\n]*\]\]|\[|(?:https?:)?//)|\{(?:\{[^\[\]{}<\n]*\}\}|\{)"
    r"|<(?:!--|ref\b[^<>\n]{0,400}?/>|ref\b[^<>\n]{0,400}?>"
    r"|(?P<open>[a-z][a-z0-9]{0,19})\b[^<>\n]{0,400}?>|/(?P<close>[a-z][a-z0-9]{0,19})\s*>"
    r"|(?P<bare>[a-z][a-z0-9]{0,19})\b(?=[^<>]*(?:<|\Z)))"
    r"|\}\}|\]\]"
    r"|\{(?<=^\{)\||\|(?<=^\|)\}|=(?<=^=)|\n(?:(?<=^\n)|(?=[*#:;]{16}))",
    re.I | re.M,
)
# A long run of list markers: "*#*#*#…" is one more list level (and one more parser node) per marker.
_LIST_RUN = re.compile(r"[*#:;]{16,}")
# Tags whose content is not parsed: a closed one is skipped whole.
_RAW_TAGS = frozenset({"nowiki", "pre", "math", "syntaxhighlight", "source", "score", "timeline",
                       "chem", "ce", "graph", "templatedata"})
# Tags that need no closing tag (HTML void elements). List and table cells (li, dt, dd, td, th,
# tr) may go unclosed in HTML, but mwparserfromhell still looks for each one's end tag: inside
# another tag, 20,000 unclosed <li> re-scan the rest of it 20,000 times. They count as unclosed.
_UNPAIRED_TAGS = frozenset({"br", "wbr", "hr", "img", "meta", "link", "input", "col", "area", "base"})


def heading_at(text: str, pos: int) -> tuple[int, str, int] | None:
    """(level, title, end of line) when a heading line starts at ``pos``, else None.

    String operations rather than a regex with backtracking, so a hostile line of "=" and
    spaces costs its length once.
    """
    if not text.startswith("=", pos):
        return None
    newline = text.find("\n", pos)
    end = len(text) if newline < 0 else newline
    line = text[pos:end].rstrip()
    if line.endswith("-->") and "<!--" in line:
        line = line[:line.rfind("<!--")].rstrip()
    level = min(len(line) - len(line.lstrip("=")), len(line) - len(line.rstrip("=")), 6)
    if level == 0 or len(line) <= 2 * level:
        return None
    return level, line[level:-level].strip(), end


@dataclass
class Prescan:
    """Counts from the pre-scan and the section boundaries to parse at."""

    length: int
    unclosed_refs: int = 0
    unclosed_templates: int = 0
    unclosed_links: int = 0
    unclosed_tags: int = 0  # HTML tags, tables and external links
    max_depth: int = 0
    work: int = 0
    chunks: list[tuple[int, int]] = field(default_factory=list)

    @property
    def hostile(self) -> bool:
        return self.work > WORK_LIMIT or self.max_depth > DEPTH_LIMIT


@functools.lru_cache(maxsize=256)  # a closer's pattern names its opener's tag: a few per article
def _closer(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


class _Closers:
    """The closing marker after an opener, searched for from the opener on and remembered: the
    pre-scan asks at rising positions, so a search is only repeated past the last match found and
    the text is read at most once per pattern, however many openers go unclosed."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Per pattern: the position searched from and the first match found there (None: none).
        self.found: dict[str, tuple[int, tuple[int, int] | None]] = {}

    def after(self, pattern: str, pos: int) -> tuple[int, int] | None:
        """(start, end) of the first match of ``pattern`` at or after ``pos``."""
        searched = self.found.get(pattern)
        if searched is not None:
            start, span = searched
            if start <= pos and (span is None or span[0] >= pos):
                return span
        match = _closer(pattern).search(self.text, pos)
        span = match.span() if match else None
        self.found[pattern] = (pos, span)
        return span


def prescan(text: str) -> Prescan:
    """One pass over ``text``: unclosed openers, nesting depth, estimated work, safe cuts."""
    result = Prescan(length=len(text))
    closers = _Closers(text)
    templates: list[int] = []
    links: list[int] = []
    tables: list[int] = []
    tags: dict[str, list[int]] = {}
    open_tags = 0  # HTML tags opened and not yet closed: with templates, the parser's nesting
    ref_open: int | None = None
    unclosed: list[tuple[int, int]] = []  # (position, weight) of openers never closed
    unclosed_refs = 0
    cuts = [0]
    run = _LIST_RUN.match(text)
    max_depth = len(run.group()) if run else 0  # kept in a local while scanning: the commonest tokens update it
    pos = 0
    while True:
        match = _TOKEN.search(text, pos)
        if match is None:
            break
        token = match.group()
        start = match.start()
        pos = match.end()
        # The commonest tokens first, before the groups are looked at.
        if token == "[[":
            links.append(start)
            continue
        if token == "]]":
            if links:
                links.pop()
            continue
        if token == "{{":
            templates.append(start)
            if len(templates) + open_tags > max_depth:
                max_depth = len(templates) + open_tags
            continue
        if token == "}}":
            if templates:
                templates.pop()
            continue
        if token.endswith("]]"):  # a whole link: opened and closed
            continue
        if token.endswith("}}"):  # a whole template: one level deeper while it lasts
            if len(templates) + 1 + open_tags > max_depth:
                max_depth = len(templates) + 1 + open_tags
            continue
        opened = (match.group("open") or "").lower()
        if token == "<!--":
            close = closers.after("-->", pos)
            if close is not None:
                pos = close[1]
            else:  # an unterminated comment is text to the parser, which backtracks over it
                unclosed.append((start, 1))
        elif opened in _RAW_TAGS and not token.endswith("/>"):
            close = closers.after(rf"</{opened}\s*>", pos)
            if close is not None:
                pos = close[1]
            else:
                unclosed.append((start, 1))
        elif opened:
            if opened not in _UNPAIRED_TAGS and not token.endswith("/>"):
                tags.setdefault(opened, []).append(start)
                open_tags += 1
                max_depth = max(max_depth, len(templates) + open_tags)
        elif match.group("bare"):
            unclosed.append((start, BARE_TAG_WEIGHT))  # "a<b then …": a tag that never reaches its ">"
        elif match.group("close"):
            closed = match.group("close").lower()
            if closed == "ref":
                ref_open = None
            elif tags.get(closed):
                tags[closed].pop()
                open_tags -= 1
        elif token.startswith("["):
            close = closers.after(r"[\]\n]", pos)
            if close is None or text[close[0]] != "]":
                unclosed.append((start, 1))
        elif token == "{|":
            tables.append(start)
        elif token == "|}":
            if tables:
                tables.pop()
        elif token == "\n":
            run = _LIST_RUN.match(text, pos)
            if run:
                max_depth = max(max_depth, len(run.group()))
            if (start > 0 and text[start - 1] == "\n" and not templates and ref_open is None and not tables
                    and start - cuts[-1] >= MAX_CHUNK):  # a blank line
                cuts.append(start)
        elif token == "=":
            if (not templates and ref_open is None and not tables and start > 0
                    and start - cuts[-1] >= MIN_CHUNK and heading_at(text, start)):
                cuts.append(start)
        elif not token.endswith("/>"):  # a <ref …> opener; refs do not nest
            if ref_open is not None:
                unclosed.append((ref_open, 1))
                unclosed_refs += 1
            ref_open = start
    if ref_open is not None:
        unclosed.append((ref_open, 1))
        unclosed_refs += 1
    result.max_depth = max_depth
    cuts.append(len(text))
    result.chunks = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    ends = [b for _, b in result.chunks]

    def remaining(opener: int) -> int:
        return ends[min(bisect.bisect_right(ends, opener), len(ends) - 1)] - opener

    open_tags = [p for stack in tags.values() for p in stack]
    unclosed += [(p, TEMPLATE_WEIGHT) for p in templates] + [(p, TABLE_WEIGHT) for p in tables]
    unclosed += [(p, 1) for p in open_tags] + [(p, 1) for p in links]
    result.unclosed_refs = unclosed_refs
    result.unclosed_templates = len(templates)
    result.unclosed_links = len(links)
    result.unclosed_tags = len(unclosed) - unclosed_refs - len(templates) - len(links)
    result.work = sum(weight * remaining(p) for p, weight in unclosed)
    return result

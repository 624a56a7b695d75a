"""CC102: a figure whose nearest citation belongs to a later statement of the paragraph."""

from __future__ import annotations

import re
from typing import Iterator

from citecheck.model import Citation, Document, Finding, Severity, Statement
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.cc101_uncited_numeric_claim import (
    TEXTBOOK_OPTION,
    VAGUE_OPTION,
    claims_span,
    describe_figures,
    figure_evidence,
    numeric_coverage,
    paragraph_end,
    paragraph_start,
)

_ORDINAL_PLACES = {1: "in the next sentence", 2: "in the sentence after next"}


def _describe(cit: Citation) -> str:
    """The citation as a reader finds it: its marker, plus the source's title when the key
    is a generated name ("ref-105") rather than what the page shows."""
    ref = cit.reference
    if ref is None or cit.key.isdigit() or (len(cit.key) <= 2 and cit.key.isalpha()):
        return cit.label
    title = ref.get("title").strip() or ref.get("work").strip()
    if not title:
        return cit.label
    short = title if len(title) <= 50 else title[:47] + "…"
    return f"{cit.label} (“{short}”)"


# A short citation: a work's author (and year) and its pages, nothing else ("Zaloga, p 154.",
# "Zaloga, pp 154–55.", "Smith 2001, p. 5"). "Ibid" names no work: it repeats the note before it,
# whichever that is.
_SHORT_CITATION = re.compile(
    r"\s*(?!(?i:ibid|idem|id|op\.?\s*cit)\b)(?P<work>[^\W\d_][^.;:()\d]{0,40}?(?:\s\(?\d{4}[a-z]?\)?)?),?\s+"
    r"pp?\.?\s*(?P<first>\d+)(?:\s*[–—-]\s*(?P<last>\d+))?\.?\s*"
)
_LONGEST_PAGE_RANGE = 50


def _sources(cit: Citation) -> set[tuple[str, str]]:
    """What identifies the source a citation cites: its entry, and each page of a short
    citation's work, which a note for the same pages shares ("Zaloga, p 154." and "Zaloga, pp
    154–55."); a note for other pages of the work cites another part of it."""
    sources = {(cit.group, cit.key)}
    short = _SHORT_CITATION.fullmatch(cit.reference.raw) if cit.reference is not None else None
    if short is None:
        return sources
    first, last = short["first"], short["last"] or short["first"]
    if len(last) < len(first):
        last = first[:len(first) - len(last)] + last  # "154–55" is 154–155
    if not 0 <= int(last) - int(first) <= _LONGEST_PAGE_RANGE:
        return sources
    work = " ".join(short["work"].casefold().split())
    return sources | {(f"{work}, p.", str(page)) for page in range(int(first), int(last) + 1)}


def _sources_cited_before(doc: Document) -> dict[int, set[tuple[str, str]]]:
    """For each statement (by id), the sources its paragraph cites up to and within it."""
    before: dict[int, set[tuple[str, str]]] = {}
    paragraph, seen = None, set()
    for stmt in doc.statements:
        if stmt.paragraph != paragraph:
            paragraph, seen = stmt.paragraph, set()
        if stmt.citations:
            seen = seen.union(*(_sources(c) for c in stmt.citations))
        before[id(stmt)] = seen
    return before


# The author a note opens with, by surname: "Kamen, op. cit., p. 60.", "Kamen p. 98.", "Gannon
# (1998) pp. 169-174", "Hadfield 1970, pp. 42–46", "Smith, John (2001)."
_NOTE_AUTHOR = re.compile(r"\s*(?P<name>[A-Z][a-z][\w'’-]+)(?:,|\s+(?:\(?\d{4}|pp?\.))")
_REPORTS = (r"estimates?|estimated|states?|stated|writes|wrote|reports?|reported|argues|argued|says|said"
            r"|puts?|counts?|counted|calculates?|calculated|gives|gave|suggests?|suggested|claims?|claimed"
            r"|notes|noted|concludes?|concluded|finds|found|records?|recorded")


def _names_cited_author(stmt: Statement, cit: Citation) -> bool:
    """Whether the statement gives its figure as the word of the author the citation cites
    ("According to Kamen, only about 200 …", "Henry Kamen estimates about 2,000 …", then "Kamen
    p. 98."): the reader knows the figure's source and finds it cited."""
    author = _NOTE_AUTHOR.match(cit.reference.raw) if cit.reference is not None else None
    if author is None:
        return False
    name = re.escape(author["name"])
    return re.search(rf"\baccording\s+to\s+(?:[A-Z][\w.'’-]*\s+){{0,2}}?{name}\b"
                     rf"|\b{name}(?:['’]s?)?\s+(?:[a-z]+ly\s+)?(?:{_REPORTS})\b", stmt.text, re.I) is not None


def _names_cited_work(stmt: Statement, cit: Citation) -> bool:
    """Whether the statement gives its figure as the word of the work, the site or the publisher
    the citation cites ("On Rotten Tomatoes, the film holds an approval rating of 69% …" before
    the consensus and "[83]", "Rotten Tomatoes" on rottentomatoes.com; "Box Office Mojo
    reported …", "according to the World Bank"): the reader knows where the figure comes from
    and finds it cited. Not a name that is only the sentence's subject ("Microsoft published four
    releases") or a place the figure is on ("number 12 on the Billboard Hot 100", "won 3 gold
    medals at the Olympics"); a short name followed by its verb ("The AFL gave the money …") may
    be a subject that acts, so it counts only after "according to" and the like."""
    ref = cit.reference
    if ref is None:
        return False
    # The site by its registrable domain's name ("bbc.co.uk", "rottentomatoes.com"), and the work
    # and the publisher by their letters.
    names = {_letters(ref.get(field)) for field in ("work", "publisher")} | {ref.domain.partition(".")[0]}
    names = {name for name in names if len(name) >= 3}
    if not names:
        return False
    text = stmt.text
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        for first in range(len(words)):
            for last in range(first + 1, len(words) + 1):
                name = _letters(" ".join(words[first:last]))
                if name not in names:
                    continue
                at = match.start() + len(" ".join(words[:first])) + (1 if first else 0)
                after = match.start() + len(" ".join(words[:last]))
                if (_ATTRIBUTING_BEFORE.search(text, max(0, at - 40), at)
                        or _ON_SITE.fullmatch(text, 0, at) and _SITE_CLOSED.match(text, after)
                        or len(name) >= 6 and _REPORTING_AFTER.match(text, after)):
                    return True
    return False


def _letters(text: str) -> str:
    """A name's letters in lower case, without its spaces, points and a leading "The": "Rotten
    Tomatoes" and "rottentomatoes"."""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^\s*the\s+", "", text.lower()))


_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*")
# Words that give what follows as a source's: "according to the World Bank", "a study by",
# "review aggregator", "a 100% approval rating on Rotten Tomatoes", "a rating of 88% on …"; a
# sentence's opening "On Rotten Tomatoes," (``_ON_SITE``); and a source's verb after its name,
# "Box Office Mojo reported", "Billboard revealed", "Metacritic's". Not a place or a chart the
# figure is on ("number 12 on the Billboard Hot 100", "at the Olympics").
_ATTRIBUTING_BEFORE = re.compile(
    r"(?:\baccording\s+to\s+(?:the\s+)?|\b(?:study|survey|report|poll|estimates?|data|figures|census)\s+"
    r"(?:published\s+)?by\s+(?:the\s+)?|\b(?:aggregator|website|database)\s+"
    r"|\b(?:rating|ratings|score|reviews?)\s+(?:of\s+[\d.,/]+%?\s+)?on\s+(?:the\s+)?)$", re.I)
_ON_SITE = re.compile(r"\s*On\s+(?:the\s+)?$")
_SITE_CLOSED = re.compile(r",|\s+\d")  # "On Rotten Tomatoes, the film …", "On Rotten Tomatoes 26% of …"
_REPORTING_AFTER = re.compile(rf"(?:['’]s?)?\s+(?:[a-z]+ly\s+)?(?:{_REPORTS}|assigned|gave|gives|lists|listed"
                              r"|ranks|ranked|announced|revealed|rated)\b")


# What sets a paragraph apart as a quotation, between it and its introduction: a block
# quotation's or an indented line's markup, or an indent in a plain-text copy.
_QUOTATION_SET_APART = re.compile(
    r"<blockquote\b|<dd\b|\{\{\s*(?:[cr]?quote|blockquote|quotation)\b|\n:|\n[ \t]+$", re.I)


def _closes_quotation(doc: Document, stmt: Statement, citing: Statement) -> bool:
    """Whether ``citing`` closes the paragraph of ``stmt`` and that paragraph is a block
    quotation under an introduction ending ":" ("Stewart defended his assertion:" and the
    indented quotation under it): the quotation is one passage, cited once at its end. A list
    under such an introduction is no quotation: its items are claims of their own."""
    statements = doc.statements
    if (stmt.kind != "prose" or citing.paragraph != stmt.paragraph
            or paragraph_end(statements, citing.index) != citing.index):
        return False
    first = paragraph_start(statements, stmt.index)
    if first == 0:
        return False
    introduction = statements[first - 1]
    return (introduction.kind == "prose" and introduction.section == stmt.section
            and introduction.text.rstrip().endswith(":")
            and _QUOTATION_SET_APART.search(
                doc.source, introduction.span.end, statements[first].span.start) is not None)


class IndirectlyCitedNumericClaim(Rule):
    """A figure cited only by a citation in a later statement of its paragraph.

    Flags a statement with a figure ("5,800 private properties", "22.8%") that carries no
    citation after the figure, when a later sentence (or list item) of the same paragraph
    does, unless the paragraph cites that same source before the figure too (in the statement
    or an earlier one): a figure between two citations of one source is covered by it, also
    where they are two short citations of the same pages of one work ("Zaloga, p 154." and
    "Zaloga, pp 154–55."; not "p. 218" and "p. 219"), or where the statement that cites
    restates the count of the same thing ("12 correctional facilities …" before "In total
    12 facilities …[1]"; not "three more episodes"). Nor is a figure flagged that the
    statement gives as the word of the author the citation cites ("According to Kamen, only
    about 200 …" before "Kamen p. 98."), or as the word of the site, the work or the publisher it
    cites, given so ("On Rotten Tomatoes, the film holds an approval rating of 69% …" before the
    consensus and its citation of rottentomatoes.com, "Box Office Mojo reported …", a short name
    only after "according to" and the like; not the sentence's subject, "Microsoft published four
    releases", "The AFL gave the money …", nor a chart
    or a place the figure is on, "number 12 on the Billboard Hot 100"), or one
    inside a block quotation (an indented
    paragraph under an introduction ending ":") whose citation closes it.
    The message names the nearest such citation and how far away it is. Editors often
    cite a whole paragraph at its end, so the figure may well be in that source; but the
    reader cannot tell, and when sentences are moved or the paragraph is split the figure
    silently loses its support. What counts as a figure is as for CC101 (small generic
    counts in words, worked examples, questions and, in an article that teaches, figures that
    report nothing about the world are not flagged; option ``textbook``); vague quantities
    count only with the option ``vague`` (at info severity).

    Why: the citation that seems to support the figure may be about the next sentence only
    (a different source, a different party's claim).

    What to do: check that the later citation supports the figure and, if so, repeat it
    right after the statement; otherwise find a source for the figure.
    """

    code = "CC102"
    name = "indirectly-cited-numeric-claim"
    severity = Severity.WARNING
    options = (VAGUE_OPTION, TEXTBOOK_OPTION)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        cited_before: dict[int, set[tuple[str, str]]] | None = None
        for cov in numeric_coverage(doc, vague=bool(ctx.options.get("vague", False)),
                                    textbook=bool(ctx.options.get("textbook", True))):
            if cov.nearest is None:
                continue  # CC101
            if cited_before is None:
                cited_before = _sources_cited_before(doc)
            if not _sources(cov.nearest).isdisjoint(cited_before[id(cov.statement)]):
                continue  # the same source on both sides of the figure covers it
            citing = doc.statements[cov.statement.index + cov.distance]
            if _closes_quotation(doc, cov.statement, citing):
                continue  # a quotation's citation at its end covers all of it
            if _names_cited_author(cov.statement, cov.nearest) or _names_cited_work(cov.statement, cov.nearest):
                continue  # the figure is given as the cited author's, or the cited site's
            # A later sentence of the same list item is a sentence; another row or item an item.
            unit = ("item" if cov.statement.kind in ("list", "infobox", "table", "caption")
                    and citing.paragraph != cov.statement.paragraph else "sentence")
            if unit == "sentence":
                place = _ORDINAL_PLACES.get(cov.distance, f"{cov.distance} sentences later")
            else:
                place = "in the next item" if cov.distance == 1 else f"{cov.distance} items later"
            plural = "s" if len(cov.uncovered) > 1 else ""
            evidence = figure_evidence(cov.uncovered)
            evidence.update({"nearest": cov.nearest.key, "distance": cov.distance})
            yield self.finding(
                ctx,
                f"figure{plural} {describe_figures(cov.uncovered, cov.statement.text)} not cited directly: "
                f"nearest citation {_describe(cov.nearest)} is {place}",
                claims_span(cov.statement, cov.uncovered),
                statement=cov.statement,
                refs=[cov.nearest.key],
                evidence=evidence,
                severity=Severity.INFO if cov.vague_only else None,
            )

"""CC314 figure-not-in-source: the cited source, read in full, does not state the claim's figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from citecheck.model import Citation, Document, Finding, Severity, Span, Statement
from citecheck.parsers.figures import find_value, stated_figures
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.cc101_uncited_numeric_claim import judgeable
from citecheck.sourcing import casualty_figures, citations_after, figure_cases, marker_positions

NEAREST_SHOWN = 2


@dataclass
class Claim:
    """One cited figure to look for: its value, how the article words it, and what it counts."""

    statement: Statement
    start: int
    end: int
    raw: str
    value: float
    citations: list[Citation]
    category: str = ""  # the casualty category ("killed"), "" for other figures
    category_label: str = ""
    noun: str = ""
    percent: bool = False

    @property
    def span(self) -> Span:
        return self.statement.text_span(self.start, self.end)


def cited_claims(doc: Document, ctx: RuleContext) -> list[Claim]:
    """Casualty figures first, then every other precise figure a citation follows."""
    claims: list[Claim] = []
    taken: set[tuple[int, int]] = set()
    for case in figure_cases(doc, ctx, kinds=("prose", "infobox", "list", "table", "caption")):
        figure = case.figure
        claims.append(Claim(case.statement, figure.start, figure.end, figure.raw, figure.value, case.citations,
                            figure.category.key, figure.category.label))
        taken.add((id(case.statement), figure.start))
    from citecheck.parsers.numbers import find_numeric_claims

    for statement in doc.statements:
        if not statement.citations or statement.kind == "heading" or not judgeable(statement.text):
            continue
        positions = marker_positions(statement)
        for found in find_numeric_claims(statement.text):
            if found.value is None or found.kind == "vague" or (id(statement), found.start) in taken:
                continue
            citations = citations_after(statement, found.end, positions)
            if citations:
                claims.append(Claim(statement, found.start, found.end, found.raw, found.value, citations,
                                    noun=found.noun, percent=found.kind == "percent"))
    return claims


class FigureNotInSource(Rule):
    """Cited figure absent from every cited source, each read in full.

    For each cited figure — casualty figures first, then every other precise figure a
    citation follows — the cited sources are read: the archive copy when the reference
    records one or the live link is known dead, else the live page; HTML through main-text
    extraction, PDF through its text layer, size-capped, politely and with a cache. The
    figure is looked for in every form a source may use: "5,800", "5800", "5 800",
    "5.8 thousand", number words ("two hundred"), a percentage with or without its sign,
    a range that contains it. Only the same value counts, never a rounded neighbour.

    Flagged only when every cited source was read completely and none states the figure;
    the message gives the sources' nearest figures of the same kind ("source says '5,600
    killed'"). A source that could not be read (paywall, script-only page, timeout, too
    big, neither HTML nor PDF, a dead link without an archive copy, a book without a URL)
    never leads to a finding: the figure is counted as unverifiable in the run summary and
    in the JSON report. A figure found is recorded with the sentence of the source that
    states it (JSON ``figures.verified``).

    Why: a figure its source does not state is an updated count copied without its source,
    a sum, a typo, or a claim the source never made.

    What to do: read the source; cite the one that gives the figure, or correct it.
    """

    code = "CC314"
    name = "figure-not-in-source"
    severity = Severity.WARNING
    network = True
    uses_reference_map = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        checker = ctx.http
        if checker is None:
            return
        from citecheck.net.sources import ReadStats, locate, reader_for

        reader = reader_for(checker)
        lexicon = ctx.lexicons.get("casualty-terms")
        stats = ReadStats()
        verified: list[dict[str, Any]] = []
        unverifiable: list[dict[str, Any]] = []
        sources: set[str] = set()
        for claim in cited_claims(doc, ctx):
            read: list[tuple[Citation, Any]] = []
            reasons: list[str] = []
            evidence: tuple[Citation, Any, str] | None = None
            for citation in claim.citations:
                ref = citation.reference
                if ref is None or ref.is_empty:
                    reasons.append("undefined-reference")
                    continue
                where = locate(ref, checker)
                if isinstance(where, str):
                    reasons.append(where)
                    continue
                source = reader.read(where)
                sources.add(where.read_url)
                if not source.read:
                    reasons.append(source.reason)
                    continue
                sentences = find_value(source.text, claim.value)
                if sentences:
                    evidence = (citation, source, sentences[0])
                    break
                read.append((citation, source))
            line = doc.position(claim.span.start)[0]
            if evidence is not None:
                citation, source, sentence = evidence
                stats.verified += 1
                verified.append({"figure": claim.raw, "line": line, "ref": citation.key, "url": source.url,
                                 "read_url": source.read_url, "evidence": sentence})
            elif reasons or not read:
                stats.add_unverifiable(reasons)
                unverifiable.append({"figure": claim.raw, "line": line,
                                     "refs": [c.key for c in claim.citations], "reasons": sorted(set(reasons))})
            else:
                stats.not_found += 1
                yield self._finding(ctx, claim, read, lexicon)
        doc.metadata["figure_checks"] = dict(stats.as_dict(), verified=verified, unverifiable_figures=unverifiable)
        reader.report(stats, len(sources))

    def _finding(self, ctx: RuleContext, claim: Claim, read: list[tuple[Citation, Any]], lexicon: Any) -> Finding:
        nearest: list[tuple[float, str, str]] = []
        for citation, source in read:
            for value, stated in _same_kind(source.text, claim, lexicon):
                nearest.append((abs(value - claim.value), citation.label, stated))
        nearest.sort(key=lambda item: item[0])
        shown = list(dict.fromkeys(f"{label} says {stated!r}" for _, label, stated in nearest))[:NEAREST_SHOWN]
        labels = ", ".join(citation.label for citation, _ in read)
        kind = f" ({claim.category_label})" if claim.category_label else ""
        says = "; ".join(shown) if shown else "it gives no figure of this kind"
        return self.finding(
            ctx,
            f"figure {claim.raw!r}{kind} is not in the cited source{'s' if len(read) > 1 else ''} {labels}, "
            f"read in full: {says}; check the source or cite the one that gives this figure",
            claim.span,
            statement=claim.statement,
            refs=[citation.key for citation in claim.citations],
            evidence={
                "figure": claim.raw, "value": claim.value, "category": claim.category,
                "highlight": [claim.start, claim.end],
                "sources": [{"ref": c.key, "url": s.url, "read_url": s.read_url, "archived": s.archived}
                            for c, s in read],
                "source_figures": [{"ref": label, "stated": stated} for _, label, stated in nearest[:NEAREST_SHOWN]],
                # Which occurrence, not where: the identity survives edits elsewhere in the statement.
                "fingerprint_key": f"{claim.raw}|{claim.category}|{claim.statement.text.count(claim.raw, 0, claim.start)}",
            },
        )


def _same_kind(text: str, claim: Claim, lexicon: Any) -> Iterator[tuple[float, str]]:
    """The source's figures that count what the claim counts, as the source words them."""
    if claim.category and lexicon is not None:
        for paragraph in text.split("\n"):
            for figure in casualty_figures(paragraph, lexicon):
                if figure.category.key == claim.category:
                    yield figure.value, figure.phrase(paragraph)
        return
    noun = claim.noun.split()[0].lower() if claim.noun.split() else ""
    for figure in stated_figures(text):
        after = text[figure.end:figure.end + 40].lower()
        if figure.percent == claim.percent and (claim.percent or (noun and after.lstrip().startswith(noun))):
            words = after.lstrip()[:len(noun)] if noun else ""
            yield figure.low, f"{figure.raw} {words}".strip()

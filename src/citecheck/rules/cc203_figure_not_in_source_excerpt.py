"""CC203 figure-not-in-source-excerpt: the cited title or quote gives a different casualty figure."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from typing import Iterator

from citecheck.data import Lexicon
from citecheck.model import Document, Finding, Reference, Severity
from citecheck.rules.base import Option, Rule, RuleContext
from citecheck.sourcing import (
    Figure,
    FigureCase,
    casualty_figures,
    figure_cases,
    figure_evidence,
)

# Digit runs with any grouping a title may use: 1,166 / 1166 / 1 860 000 / 1.860.000 (Polish, German).
_DIGITS = re.compile(r"(?<![\d.,])\d{1,3}(?:(?P<sep>[,.\u00a0\u202f ])\d{3})(?:(?P=sep)\d{3})*(?![\d,])"
                     r"|(?<![\d.,])\d+(?![\d,])")
_QUALIFIER = re.compile(
    r"(?:\b(?:over|more\s+than|at\s+least|nearly|almost|about|around|approximately|some|up\s+to|"
    r"fewer\s+than|less\s+than|under|roughly|an\s+estimated)\s+)$",
    re.I,
)


def _fraction(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError("expected a number between 0 and 1")
    return float(value)


def excerpts(ref: Reference) -> list[str]:
    """The reference text a reader can check without opening the source: title and quote.

    A free-text reference with neither (a bare title typed by hand) offers its whole text.
    """
    found = [ref.get(key) for key in ("title", "trans_title", "quote") if ref.get(key)]
    if not found and not ref.template and not ref.group and ref.raw.strip():
        found = [ref.raw]
    return found


def figures_in(text: str) -> set[float]:
    """Every number the text states, normalised: "1,166", "1166" and "one thousand ..." agree."""
    from citecheck.parsers.numbers import find_numeric_claims

    values: set[float] = set()
    for claim in find_numeric_claims(text):
        for value in (claim.value, claim.high):
            if value is not None:
                values.add(float(value))
    for match in _DIGITS.finditer(text):
        values.add(float(re.sub(r"[,.\u00a0\u202f ]", "", match.group())))
    return values


class FigureNotInSourceExcerpt(Rule):
    """Casualty figure absent from the cited title or quote, which gives a different figure.

    Flags a casualty figure (killed, wounded, captured, missing, displaced) when none of the
    references cited right after it shows that number in its title or quotation, while one of
    them gives a different number of the same kind: the infobox says "217 ... killed", the
    cited title says "over 215 killed". Numbers are compared after normalising digit grouping
    and number words (1,166 = 1166; "Ninety-one" = 91).

    The usual causes are an updated count copied without updating the source, a sum of several
    sources, or a typo. Check the source: cite the one that gives the article's figure, or
    correct the figure.

    Not flagged: a figure that is the sum of two or three figures of the same kind in the cited
    excerpts ("322 injured ... about 70 more injured" for 392; "91 killed" and "Another
    civilian killed" for 92); figures far apart (see ``max_difference``), which are taken to
    count different things rather than to disagree; figures that share one group of citations
    ("392 Azerbaijani and 100 Armenian civilians injured[45][49]"), since nothing says which
    source gives which; a source's figure tied to one event the statement does not name ("8
    civilians died following ceasefire agreement" against "40 killed in the conflict"); excerpts
    that give several counts of the kind (a total and a later or partial count), since the
    article may have updated either; and references without a title or quote (a hand-typed
    reference with no recognisable fields is read whole).
    """

    code = "CC203"
    name = "figure-not-in-source-excerpt"
    severity = Severity.WARNING
    options = (
        Option("max_difference", 0.35,
               "largest relative difference |a-b|/max(a,b) at which the source's figure is taken "
               "to count the same thing as the article's", _fraction),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        lexicon = ctx.lexicons.get("casualty-terms")
        if lexicon is None:
            return
        limit = ctx.options.get("max_difference", 0.35)
        cases = list(figure_cases(doc, ctx, kinds=("prose", "infobox", "list", "table", "caption")))
        shared = Counter(_support_key(case) for case in cases)
        for case in cases:
            if shared[_support_key(case)] > 1:
                continue  # "392 Azerbaijani and 100 Armenian civilians injured[45][49]": which ref gives which?
            compared: list[tuple[str, str, Figure]] = []
            same_kind: list[float] = []
            shown = False
            for citation in case.citations:
                ref = citation.reference
                if ref is None or ref.is_empty:
                    continue
                for text in excerpts(ref):
                    if case.figure.value in figures_in(text):
                        shown = True
                        break
                    same_kind.extend(_one_more(text, lexicon, case.figure.category.key))
                    for other in casualty_figures(text, lexicon):
                        if other.category.key != case.figure.category.key:
                            continue
                        same_kind.append(other.value)
                        if (_close(case.figure.value, other.value, limit)
                                and not _about_another_event(text, other, case.statement.text)):
                            compared.append((citation.label, _stated(text, other), other))
                if shown:
                    break
            if shown or not compared or _is_sum(case.figure.value, same_kind):
                continue
            if len(set(same_kind)) > 1:
                continue  # a total and a partial count ("8 died after the ceasefire"; "lives of 31"): which one is updated?
            label, stated, _ = compared[0]
            yield self.finding(
                ctx,
                f"casualty figure {case.figure.raw!r} ({case.figure.category.label}) is not in the cited "
                f"excerpt of {label}, which says {stated!r}; check the source or cite the one that gives "
                f"this figure",
                case.statement.text_span(case.figure.start, case.figure.end),
                statement=case.statement,
                refs=[c.key for c in case.citations],
                evidence={
                    **figure_evidence(case),
                    "source_figures": [{"ref": lab, "figure": f.raw, "stated": s} for lab, s, f in compared],
                },
            )


def _support_key(case: FigureCase) -> tuple[int, str, tuple[int, ...]]:
    """Figures of one statement and kind that share one citation group share this key."""
    return (id(case.statement), case.figure.category.key, tuple(id(c) for c in case.citations))


_ANOTHER = re.compile(r"\b(?:another|one\s+more)\s+(?:[^\W\d_][\w-]*\s+){0,2}", re.I)


def _one_more(text: str, lexicon: Lexicon, category: str) -> list[float]:
    """ "Another civilian killed" adds one to a running count: a 1 for the sum check."""
    ones = []
    for match in _ANOTHER.finditer(text):
        first = next(iter(lexicon.finditer(text, match.start(), match.end() + 20)), None)
        if first is not None and first[1].key == category:
            ones.append(1.0)
    return ones


# One event a source's figure may be tied to: "killed in a missile strike", "died following the
# ceasefire agreement". A plural ("in artillery attacks") is a campaign, not one event.
_INCIDENT = re.compile(
    r"[^.;]{0,60}?\b(?:in|during|after|following|from|by)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?P<event>attack|strike|shelling|bombing|explosion|blast|raid|ambush|crash|incident|clash|offensive|"
    r"battle|ceasefire|cease-fire|truce|earthquake|flood|fire|storm|massacre|riot|collapse)\b",
    re.I,
)
_STEM = 5  # "shelling" in the source, "shelled" in the statement


def _about_another_event(text: str, figure: Figure, statement: str) -> bool:
    """The source's figure counts one event the statement does not name: the title "8 civilians
    died in Artsakh following ceasefire agreement" against "40 civilians were killed in the
    conflict"."""
    incident = _INCIDENT.match(text, max(figure.end, figure.term_end))
    return incident is not None and incident.group("event")[:_STEM].lower() not in statement.lower()


def _is_sum(value: float, parts: list[float]) -> bool:
    """The article added the sources' figures up: "322 injured ... about 70 more injured" = 392."""
    parts = parts[:12]  # titles and quotes hold a handful of figures; bound the search anyway
    return any(sum(combo) == value for size in (2, 3) for combo in combinations(parts, size))


def _close(a: float, b: float, limit: float) -> bool:
    if a == b:
        return False
    return abs(a - b) / max(abs(a), abs(b)) <= limit


def _stated(text: str, figure: Figure) -> str:
    """The source's figure as it reads there, qualifier included ("over 215 killed")."""
    start = min(figure.start, figure.term_start) if figure.term_start >= 0 else figure.start
    qualifier = _QUALIFIER.search(text, max(0, start - 20), start)
    return (qualifier.group() if qualifier else "") + figure.phrase(text)

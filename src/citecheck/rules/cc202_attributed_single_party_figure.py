"""CC202 attributed-single-party-figure: a party's casualty figure, attributed to it and sourced to it alone."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.sourcing import figure_evidence, party_sourced_cases, why_single_party


class AttributedSinglePartyFigure(Rule):
    """Casualty figure attributed to a party and sourced only to that party's outlets.

    Reports a number of killed, wounded, captured, missing or displaced people that the text
    attributes to one side of the conflict ("according to Armenian sources", "the Azerbaijani
    MoD stated", "(per Armenia)", or an infobox block headed "Per Armenia:") when every
    reference cited for it is an outlet of that same side. The sides come from a conflict file
    (``rules/conflicts/``) or, without one, from the article's infobox belligerents mapped to
    the outlet registry (``rules/outlets/``), as for CC201.

    The attribution is honest, so this is information, not an error: the reader knows whose
    claim it is. It is worth a look when the figure carries weight (an infobox total, the lead)
    and an independent count exists, or when the other side's figure is missing beside it.
    Figures attributed to a third party, or to the other side, are left alone; a figure the
    article states as fact with the same sourcing is CC201.
    """

    code = "CC202"
    name = "attributed-single-party-figure"
    severity = Severity.INFO
    uses_reference_map = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for case, verdict, attributed in party_sourced_cases(doc, ctx):
            if attributed is None or verdict.party is None or attributed.party != verdict.party:
                continue
            yield self.finding(
                ctx,
                f"casualty figure {case.figure.raw!r} ({case.figure.category.label}) is attributed to "
                f"{verdict.party.label} ({attributed.cue!r}) and sourced only to its outlets: "
                f"{verdict.describe()}. {why_single_party(ctx.conflict, verdict)}. "
                "For balance, cite an independent count beside it if one exists",
                case.statement.text_span(case.figure.start, case.figure.end),
                statement=case.statement,
                refs=[c.key for c in verdict.citations],
                evidence={**figure_evidence(case, verdict, ctx.conflict), "attribution": attributed.cue},
            )

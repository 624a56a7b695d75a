"""CC201 single-party-casualty-figure: one side's casualty figure stated as fact."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.sourcing import figure_evidence, party_sourced_cases, why_single_party


class SinglePartyCasualtyFigure(Rule):
    """Casualty figure sourced only to one party of the conflict, stated as fact.

    Flags a number of killed, wounded, captured, missing or displaced people that the article
    states in its own voice (prose, infobox, list or table) when every reference cited for it
    is an outlet of one side of the conflict: its state news agency, a ministry, the
    presidency, a public broadcaster or government-aligned media. A belligerent's count of
    casualties is a claim, not a fact, and stating it in the encyclopedia's voice presents one
    side's figure as settled.

    The sides are those of a conflict file (``rules/conflicts/``, chosen with ``--conflict`` or
    matched on the article's title or opening), else the belligerents the article's infobox
    lists, each mapped to a state or armed organisation of the outlet registry
    (``rules/outlets/``); one infobox column is one side. An outlet counts only when its owner
    is a belligerent of this conflict: a supporter ("Supported by:"), an intergovernmental
    body, a wire agency or foreign media is never a party, so TASS is a party's outlet in an
    article about the war in Ukraine and a third party's in one about Nagorno-Karabakh.

    Each figure is judged by the citations that follow it, so "92 Azerbaijani[45][46] and 40
    Armenian civilians killed[47][48]" judges 92 by [45][46] only. Mixed or independent
    sourcing is not flagged, nor is a figure with an undefined or empty reference (its
    sourcing is unknown), nor one the text attributes to a source ("according to ...", "the
    MoD stated"). A label that claims independence ("Per other sources:") attributes nothing:
    a figure under it with one side's sources alone is flagged. Without a conflict file or an
    infobox belligerent the registry knows, the rule is silent.

    The message names the side, the outlets cited, the registry's evidence that each outlet
    speaks for that side, and where the side comes from (a conflict file or the infobox).

    Fix: add an independent source for the figure, or attribute it in the text ("according
    to the Azerbaijani Prosecutor General's Office, 92 civilians were killed"), which turns
    this into the informational CC202.
    """

    code = "CC201"
    name = "single-party-casualty-figure"
    severity = Severity.ERROR
    uses_reference_map = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for case, verdict, attributed in party_sourced_cases(doc, ctx):
            if attributed is not None and not attributed.independent:
                continue  # the text names the figure's source: CC202, or the editor's own call
            assert verdict.party is not None
            voice = f"is listed under {attributed.cue!r}" if attributed is not None else "is stated as fact"
            yield self.finding(
                ctx,
                f"casualty figure {case.figure.raw!r} ({case.figure.category.label}) {voice} "
                f"but sourced only to {verdict.party.label}: {verdict.describe()}. "
                f"{why_single_party(ctx.conflict, verdict)}. "
                "Add an independent source or attribute the figure in the text",
                case.statement.text_span(case.figure.start, case.figure.end),
                statement=case.statement,
                refs=[c.key for c in verdict.citations],
                evidence=figure_evidence(case, verdict, ctx.conflict),
            )

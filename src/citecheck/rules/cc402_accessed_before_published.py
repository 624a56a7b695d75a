"""CC402: a source accessed before it was published."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.parsers.dates import reference_date
from citecheck.rules.base import Option, Rule, RuleContext


class AccessedBeforePublished(Rule):
    """A reference whose access (retrieval) date is earlier than its publication date.

    Compares ``access-date`` ("Retrieved ..." in rendered copies) with ``date`` at the
    precision both have, so "2020" is never before "5 May 2020".

    Why: nobody can read a page before it is published. Usually the publication date is the
    page's later "updated" date, or one of the dates is a typo; either way the citation no
    longer says which version supports the claim.

    What to do: check the source; correct ``date`` or ``access-date``, or re-verify the claim
    against the current page and update ``access-date``.

    Options: ``tolerance_days`` (default 1) allows that many days of slack: the editor's
    day and the publisher's can differ by one (a Kabul-dated story of 17 August read on
    16 August in America).
    """

    code = "CC402"
    name = "accessed-before-published"
    severity = Severity.WARNING
    options = (Option("tolerance_days", 1, "Days of slack before an earlier access date is flagged (time zones)."),)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        tolerance = ctx.options.get("tolerance_days", 1)
        for ref in doc.references:
            published = reference_date(ref, "date")
            accessed = reference_date(ref, "access_date")
            if published is None or accessed is None or not accessed.before(published, tolerance_days=tolerance):
                continue
            yield self.finding(
                ctx,
                f"{ref.label} was retrieved on {accessed.human()}, before its publication date "
                f"{published.human()}",
                ref.span,
                reference=ref,
                refs=[ref.key],
                evidence={"published": str(published), "accessed": str(accessed)},
            )

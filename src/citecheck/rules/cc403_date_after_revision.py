"""CC403: a reference date later than the article's revision date."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.parsers.dates import PartialDate, archive_date, reference_date
from citecheck.revision import describe_source, revision_ceiling, shift
from citecheck.rules.base import Option, Rule, RuleContext

# Journal issues and magazine covers are dated ahead of their release, often by months.
_ISSUE_DATE_LEAD_DAYS = 365


class DateAfterRevision(Rule):
    """A publication, access or archive date later than the article's revision date.

    The revision date must be stated: ``--as-of``, the dump's or API's revision timestamp,
    or the page's own "last edited" date. A date inferred from the page (the latest access
    date, an infobox "– present (1 month and 3 days)") is no evidence that a source came
    after the revision: the latest access date is only a day the revision cannot precede,
    and a hand-typed duration can be stale. Without a stated date the rule compares with
    the day of the run, which no revision can postdate. A date is flagged only when even
    its earliest possible day is after that day plus ``tolerance_days``. A publication date
    without a day ("October 2019", "2020") is an issue or cover date, which runs ahead of
    the release, so it is flagged only when it begins more than a year later still.

    Why: a revision cannot cite a page published, read or archived after it was saved; the
    date is a typo (2102 for 2012, a swapped day and month) or the wrong field.

    What to do: correct the date from the source. If the revision date itself is wrong,
    pass ``--as-of``.

    Options: ``tolerance_days`` (default 1) allows that many days after the revision date
    (time zones).
    """

    code = "CC403"
    name = "date-after-revision"
    severity = Severity.ERROR
    uses_revision_date = True
    options = (Option("tolerance_days", 1, "Days of slack after the revision date (time zones)."),)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        ceiling, source = revision_ceiling(doc)
        limit = shift(ceiling, ctx.options.get("tolerance_days", 1))
        issue_limit = shift(limit, _ISSUE_DATE_LEAD_DAYS)
        against = f"the article's revision date {ceiling} ({source}), {describe_source(source)}" if source != "today" else (
            f"today, {ceiling}, so after any revision (the revision date itself is not stated)")
        for ref in doc.references:
            archived, archive_source = archive_date(ref)
            published = reference_date(ref, "date")
            for label, parsed, last_allowed in (
                    ("publication date", published, issue_limit if _without_day(published) else limit),
                    ("access date", reference_date(ref, "access_date"), limit),
                    (f"archive date ({archive_source})", archived, limit)):
                if parsed is None or parsed.earliest() <= last_allowed:
                    continue
                yield self.finding(
                    ctx,
                    f"{ref.label} {label} {parsed.human()} is after {against}",
                    ref.span,
                    reference=ref,
                    refs=[ref.key],
                    evidence={"field": label, "date": str(parsed), "revision_date": str(ceiling),
                              "revision_date_source": source, "fingerprint_key": label},
                )


def _without_day(parsed: PartialDate | None) -> bool:
    return parsed is not None and parsed.day is None

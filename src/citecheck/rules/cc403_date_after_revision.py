"""CC403: a reference date later than the article's revision date."""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.parsers.dates import archive_date, reference_date
from citecheck.rules.base import Option, Rule, RuleContext


class DateAfterRevision(Rule):
    """A publication, access or archive date later than the article's revision date.

    The revision date is ``--as-of``, else the timestamp of the revision (dump or page
    metadata), else inferred from the page (an infobox "– present (1 month and 3 days)",
    the latest access or archive date). A date is flagged only when even its earliest
    possible day is after the revision date plus ``tolerance_days``.

    Why: a revision cannot cite a page published, read or archived after it was saved; the
    date is a typo (2102 for 2012, a swapped day and month) or the wrong field.

    What to do: correct the date from the source. If the revision date itself is wrong,
    pass ``--as-of``.
    """

    code = "CC403"
    name = "date-after-revision"
    severity = Severity.ERROR
    options = (Option("tolerance_days", 1, "Days of slack after the revision date (time zones, inferred dates)."),)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.revision_date is None:
            return
        limit = ctx.revision_date + timedelta(days=ctx.options.get("tolerance_days", 1))
        source = f" ({doc.revision_date_source})" if doc.revision_date_source else ""
        for ref in doc.references:
            archived, archive_source = archive_date(ref)
            for label, parsed in (("publication date", reference_date(ref, "date")),
                                  ("access date", reference_date(ref, "access_date")),
                                  (f"archive date ({archive_source})", archived)):
                if parsed is None or parsed.earliest() <= limit:
                    continue
                yield self.finding(
                    ctx,
                    f"{ref.label} {label} {parsed.human()} is after the article's revision date "
                    f"{ctx.revision_date}{source}",
                    ref.span,
                    reference=ref,
                    refs=[ref.key],
                    evidence={"field": label, "date": str(parsed), "revision_date": str(ctx.revision_date),
                              "revision_date_source": doc.revision_date_source,
                              "fingerprint_key": label},
                )

"""CC401: an archive copy dated before the source was published."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.parsers.dates import archive_date, reference_date
from citecheck.rules.base import Option, Rule, RuleContext

# A journal article: its volume and issue ("112 (47): 14518", "47 (2). Journal of …"), an
# |issue= parameter, or a DOI. Its date is the issue's, and articles appear online before it.
_JOURNAL_ARTICLE = re.compile(r"\b\d{1,4}\s?\(\d{1,4}(?:[–-]\d{1,4})?\)\s?[:.,]|\|\s*issue\s*=\s*[^|}\s]"
                              r"|\bdoi\s*[:=]\s*10\.\d{4,9}/", re.I)
# How long ahead of its issue an article may be online, and archived.
_AHEAD_OF_PRINT = timedelta(days=365)


class ArchivedBeforePublished(Rule):
    """A reference whose archive copy predates its publication date.

    The archive date is the 14-digit timestamp of the archive URL when there is one (it is
    what the archive recorded), else the ``archive-date`` field ("Archived from the original
    on ..." in rendered copies). Dates are compared at the precision both have: "October
    2020" is not before "11 October 2020", only certainly-earlier dates are flagged. A journal
    article (a volume and issue, "112 (47): 14518", or a DOI) archived less than a year before
    its issue's date was online ahead of print, so both dates are right.

    Why: a page cannot be archived before it exists, so one of the two dates is wrong, or the
    archive holds a different (older) version of the page than the one cited.

    What to do: check the source and correct ``date`` or ``archive-date``/``archive-url``.

    Options: ``tolerance_days`` (default 1) allows that many days of slack: archive
    timestamps are in UTC and publication dates in the publisher's time zone, so a copy
    made at 22:50 UTC on 8 September can be of a page dated 9 September in Germany.
    """

    code = "CC401"
    name = "archived-before-published"
    severity = Severity.WARNING
    options = (Option("tolerance_days", 1, "Days of slack before an earlier archive date is flagged (time zones)."),)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        tolerance = ctx.options.get("tolerance_days", 1)
        for ref in doc.references:
            published = reference_date(ref, "date")
            if published is None:
                continue
            archived, source = archive_date(ref)
            if archived is None or not archived.before(published, tolerance_days=tolerance):
                continue
            if _JOURNAL_ARTICLE.search(ref.raw) and archived.latest() >= published.earliest() - _AHEAD_OF_PRINT:
                continue  # online ahead of the issue it is dated by: both dates are right
            yield self.finding(
                ctx,
                f"{ref.label} was archived on {archived.human()} ({source}), before its publication "
                f"date {published.human()}: one of the dates is wrong, or the archive holds an older version",
                ref.span,
                reference=ref,
                refs=[ref.key],
                evidence={"published": str(published), "archived": str(archived), "archive_source": source},
            )

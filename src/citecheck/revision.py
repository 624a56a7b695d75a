"""The article's revision date: the "now" that date rules (CC103, CC403, CC405) measure against.

A rendered copy or a bare wikitext file rarely says when it was saved, yet "will be held on
5 October" is only stale if the revision is later than that. The order of trust is: the
user's ``--as-of``; a timestamp the parser found (dump, API or HTML metadata); an infobox
duration ("27 September 2020 – present (1 month and 3 days)" was rendered on 30 October
2020); and last the latest access or archive date among the references, or dated
maintenance tag, which the revision cannot predate.

``Document.revision_date_source`` says which it was (the JSON report's files[] entry carries
it): "as-of" (the option), "dump" (the dump's revision timestamp), "api" (the fetched
revision's timestamp), "metadata" (the page's own "last edited" footer or metadata), or an
inference: "infobox-duration", "latest-access-date", "latest-archive-date", "latest-tag-date".
Only the first four state the revision date; an inferred date is a guess. The latest
reference date is no more than a day the revision cannot precede, and an infobox duration
can be hand-typed and stale. So rules ask for the bound they need: ``revision_floor`` (a day
the revision is certainly no earlier than: enough to call a past date's future tense stale)
and ``revision_ceiling`` (a day it is certainly no later than: needed to call a source date
"after the revision"); without a stated revision date the ceiling is the day of the run.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from citecheck.model import Document, Statement
from citecheck.parsers.dates import (DateMatch, PartialDate, archive_date, parse_date, reference_date, statement_dates,
                                     statements_with_digits)

_DURATION = re.compile(
    r"\(\s*(?P<parts>(?:\d+\s+(?:years?|months?|weeks?|days?)(?:\s*,\s*|\s+and\s+|\s+)?)+)\)", re.I)
_PART = re.compile(r"(\d+)\s+(year|month|week|day)", re.I)
_PRESENT = re.compile(r"\bpresent\b|\bongoing\b", re.I)

# Where a revision date may come from when it is stated rather than inferred, and the inferences
# that are only a day the revision cannot precede (``latest_reference_date``).
STATED_SOURCES = frozenset({"as-of", "dump", "api", "metadata"})
FLOOR_SOURCES = frozenset({"latest-access-date", "latest-archive-date", "latest-tag-date"})
_SOURCE_WORDS = {
    "as-of": "the date given with --as-of", "dump": "the dump's revision timestamp", "api": "the revision's timestamp",
    "metadata": "the page's last-edited date", "infobox-duration": "inferred from an infobox duration",
    "latest-access-date": "the latest access date among the references",
    "latest-archive-date": "the latest archive date among the references",
    "latest-tag-date": "the latest dated maintenance tag", "today": "the day of this run",
}


def resolve_revision_date(doc: Document, as_of: date | None = None, *,
                          today: date | None = None) -> None:
    """Set ``doc.revision_date`` and ``doc.revision_date_source`` by the order of trust above."""
    if as_of is not None:
        doc.revision_date, doc.revision_date_source = as_of, "as-of"
        return
    if doc.revision_date is not None:
        if not doc.revision_date_source:
            doc.revision_date_source = "metadata"
        return
    inferred = infobox_revision_date(doc.metadata.get("infobox"))
    if inferred is not None:
        doc.revision_date, doc.revision_date_source = inferred, "infobox-duration"
        return
    latest = latest_reference_date(doc, today=today)
    if latest is not None:
        doc.revision_date, doc.revision_date_source = latest


def stated_revision_date(doc: Document) -> date | None:
    """The document's revision date when it was given or recorded, None when inferred or unknown."""
    return doc.revision_date if doc.revision_date_source in STATED_SOURCES else None


def describe_source(source: str) -> str:
    """What a revision-date source means, for messages ("the latest access date among the references")."""
    return _SOURCE_WORDS.get(source, source or "an unknown source")


def revision_floor(doc: Document, *, today: date | None = None) -> tuple[date, str] | None:
    """A day the revision is certainly no earlier than, and its source; None if there is none.

    The stated revision date itself, else the latest access, archive or tag date (an inferred
    infobox date may be stale, so it is no floor).
    """
    stated = stated_revision_date(doc)
    if stated is not None:
        return stated, doc.revision_date_source
    return latest_reference_date(doc, today=today)


def revision_ceiling(doc: Document, *, today: date | None = None) -> tuple[date, str]:
    """A day the revision is certainly no later than, and its source: the stated revision
    date, else the day of the run (nothing inferred from the page is an upper bound)."""
    stated = stated_revision_date(doc)
    if stated is not None:
        return stated, doc.revision_date_source
    return today or date.today(), "today"


def shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, clamped to the calendar's ends (a year-9999 date stays valid)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def add_duration(start: date, years: int = 0, months: int = 0, days: int = 0) -> date:
    """``start`` plus a calendar duration, clamping the day as {{age}} templates do."""
    month_index = start.month - 1 + months
    year = start.year + years + month_index // 12
    if year > date.max.year:
        return date.max
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return shift(date(year, month, day), days)


def duration_end(value: str) -> date | None:
    """The day a "START – present (N months and N days)" value was rendered, or None."""
    present = _PRESENT.search(value)
    if present is None:
        return None
    duration = _DURATION.search(value, present.end())
    if duration is None:
        return None
    start = _start_date(value[: present.start()])
    if start is None:
        return None
    amounts = {"year": 0, "month": 0, "week": 0, "day": 0}
    for number, unit in _PART.findall(duration.group("parts")):
        amounts[unit.lower()] += int(number)
    return add_duration(start, amounts["year"], amounts["month"], amounts["day"] + 7 * amounts["week"])


def _start_date(text: str) -> date | None:
    """The exact start date in the text before "– present": the last full date there."""
    iso = re.search(r"\((\d{4}-\d\d-\d\d)\)", text)
    candidates = [iso.group(1)] if iso else []
    cleaned = re.sub(r"\(.*?\)", " ", text)
    # The last date-looking run before "present" ("Date27 September 2020 –").
    match = re.search(r"(\d{1,2}\s+[A-Za-z]+\.?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})\D*$", cleaned)
    if match:
        candidates.append(match.group(1))
    for candidate in candidates:
        parsed = parse_date(candidate)
        if parsed is not None and parsed.precision == "day" and not parsed.is_range():
            return parsed.earliest()
    return None


def infobox_revision_date(infobox: Any) -> date | None:
    """The render date implied by an infobox "– present (duration)" row, if there is one."""
    if isinstance(infobox, dict):
        values = [str(v) for v in infobox.values()]
    elif isinstance(infobox, (list, tuple)):
        values = [str(v[1] if isinstance(v, (list, tuple)) and len(v) == 2 else v) for v in infobox]
    elif isinstance(infobox, str):
        values = [infobox]
    else:
        return None
    for value in values:
        end = duration_end(value)
        if end is not None:
            return end
    return None


def latest_reference_date(doc: Document, *, today: date | None = None) -> tuple[date, str] | None:
    """The latest access or archive date of the references (or the first day of the month of
    the latest dated maintenance tag), and which kind it was.

    Dates after ``today`` are typos, not evidence of a later revision, and are ignored
    (CC403 reports them).
    """
    limit = today or date.today()
    best: tuple[date, str] | None = None
    for ref in doc.references:
        found: list[tuple[PartialDate | None, str]] = [
            (reference_date(ref, "access_date"), "latest-access-date"),
            (archive_date(ref)[0], "latest-archive-date"),
        ]
        for parsed, source in found:
            if parsed is None or parsed.is_range() or parsed.precision != "day":
                continue
            day = parsed.earliest()
            if day <= limit and (best is None or day > best[0]):
                best = (day, source)
    # A dated maintenance tag ({{citation needed|date=November 2014}}) was added by then too.
    for stmt in doc.statements:
        for tag in stmt.tags:
            parsed = parse_date(tag.date) if tag.date else None
            if parsed is not None and not parsed.is_range() and parsed.month is not None:
                day = parsed.earliest()
                if day <= limit and (best is None or day > best[0]):
                    best = (day, "latest-tag-date")
    return best


def context_year(doc: Document) -> int | None:
    """The year a year-less date in the article ("On 9 October") most likely means.

    The start of the infobox period ("27 September 2020 – present") when there is one. The
    revision year is no substitute: articles about long careers or histories would put
    "On 12 June" in the wrong year.
    """
    infobox = doc.metadata.get("infobox")
    values = [str(v) for v in infobox.values()] if isinstance(infobox, dict) else []
    for value in values:
        present = _PRESENT.search(value)
        if present is not None:
            start = _start_date(value[: present.start()])
            if start is not None:
                return start.year
    return None


def dated_statements(doc: Document) -> list[tuple[Statement, list[DateMatch]]]:
    """statement_dates over the article's statements that hold a digit (no other holds a date, or
    a year for the ones after it), with its context year: worked out once per document, as
    CC404 and CC405 both read every statement's dates."""
    year = context_year(doc)
    return doc.derived(("dated_statements", year),
                       lambda: list(statement_dates(statements_with_digits(doc), year)))

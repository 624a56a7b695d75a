"""CC406: a date that cannot exist or cannot be read, in a reference or in the prose."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.parsers.dates import (date_problem, impossible_date, looks_like_date, prose_date_problems,
                                     statements_with_digits)
from citecheck.rules.base import Rule, RuleContext

_FIELDS = (("date", "date"), ("access_date", "access-date"), ("archive_date", "archive-date"))


class InvalidDate(Rule):
    """A date that cannot exist ("31 June", "29 February 2021") or cannot be parsed.

    Checks the ``date``, ``access-date`` and ``archive-date`` of every citation template —
    accepting the many legitimate forms (dmy, mdy, ISO, also typed with another hyphen or dash
    the same twice, "2011‐5‐10", "October 2020", "2020", seasons, ranges, "2020a", "n.d.", month
    names of other languages such as "15 януари 2010 г." or "12 de julho de 2010", German numeric
    and Vietnamese dates, a day and month whose year the template gives, "|date=March 25
    |year=2013") — and, in free-text or rendered references, dates that cannot exist
    ("Retrieved 2010-26-08"). A numeric date whose
    day and month could be either ("07-10-2011") is a real date either way, whatever date error
    the wiki shows for its format: it is not reported. A value in a
    script other than Latin that is in no known form is left alone: not understood is not
    wrong. In the prose it flags impossible days, ISO month 13, and a day-month followed by
    a truncated year such as "on 1 October 1 and 5 October" (a following noun, as in "On 9
    October 12 soldiers", is read as a count, a time, as in "Dec 27, 15:37", as a time, and
    more days, as in "February 3, 4 and 5", as a list of days, and a four-digit year, as in "15
    August 12, 1983", as the year of August 12 after a count, unless words introduce the day:
    "died on 15 August 12, 1983" is checked as written). Day 0 after a year ("1900 January 0") is
    the astronomers' notation for the last day of the year before, and an ISO date before " !"
    and its cell a table's hidden sort key that a text browser prints ("1985-06-00 !June 1985");
    a number three spaces or more before a month is another cell's, not its day ("17   January
    3,   1pm": week 17, on January 3), where a space or two, as editors type them, keep the date,
    and so is a number that is no day of any month, opening a line or a table's cell, before a
    month that opens a name ("32 April Dawn Buttram": row 32, April Dawn; not "32 April 2010",
    "on 32 April the army" nor "On 35 May Parliament voted").

    Why: an impossible date is a typo that hides the real one; readers and tools (CC401-CC405)
    cannot order events or sources by it.

    What to do: correct the date from the source.
    """

    code = "CC406"
    name = "invalid-date"
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for ref in doc.references:
            for field, label in _FIELDS:
                raw = ref.get(field)
                if not raw.strip() or (not ref.template and not looks_like_date(raw)):
                    continue
                problem = date_problem(raw)
                if problem is None or (not ref.template and not impossible_date(raw)):
                    # Without a template the value was read out of free or rendered text
                    # ("Heathcote (1980, 2003)"), so only a date that cannot exist is the
                    # editor's mistake rather than the reader's.
                    continue
                yield self.finding(
                    ctx,
                    f"{ref.label} {label} {raw.strip()!r}: {problem}",
                    ref.span,
                    reference=ref,
                    refs=[ref.key],
                    evidence={"field": label, "value": raw, "fingerprint_key": label},
                )
        for stmt in statements_with_digits(doc):
            for start, end, problem in prose_date_problems(stmt.text):
                yield self.finding(
                    ctx,
                    f"invalid date {stmt.text[start:end]!r}: {problem}",
                    stmt.text_span(start, end),
                    statement=stmt,
                    evidence={"value": stmt.text[start:end], "fingerprint_key": stmt.text[start:end]},
                )

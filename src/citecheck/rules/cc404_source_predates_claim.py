"""CC404: a statement dated later than every source cited for it."""

from __future__ import annotations

import re
from typing import Iterator

from citecheck.model import Citation, Document, Finding, Reference, Severity
from citecheck.parsers.dates import PartialDate, link_date, reference_date, without_bare_years
from citecheck.revision import dated_statements, shift
from citecheck.rules.base import Option, Rule, RuleContext

# Plans, schedules and deadlines may legitimately be reported before the day they name.
_FORWARD = re.compile(
    r"\b(?:will|shall|would|scheduled|rescheduled|planned|plans?|planning|expected|expects?|due|set\s+to|slated"
    r"|deadline|postponed|until|upcoming|intends?|intended|aim(?:s|ed|ing)?\s+to|to\s+be\s+held|forecast|projected"
    r"|proposed|announced\s+that|previously\s+announced|to\s+take\s+(?:office|effect|place)"
    r"|consider(?:s|ed|ing)?|must|required|deadline"
    r"|to\s+be\s+[a-z]+(?:ed|en)\b)\b",  # "chosen to be converted", "is to be held"
)  # searched in lower-cased text, several times faster than a case-blind search
# "an election for 25 May", "called for 2022", "(next time 23 April 2015)", "the next
# meeting on 5 May": a date someone set in advance.
# "(begins 22 April 2014)", "(resumes 1 June)": a service's announced start, as route and
# schedule lists note it.
_SET_FOR = re.compile(r"(?:\b(?:for|next(?:\s+[a-z]+)?(?:\s+(?:on|in))?)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?"
                      r"|\((?:begins|starts|resumes|commences)\s+(?:on\s+)?)$", re.I)
# "Lesnar's next opponent was Couture … on November 15", "his next defense was against …
# on October 23": a bout as booked, which its announcement covers.
# Not "his next fight was a loss to Smith on 5 May": that is the result.
_BOOKED = re.compile(r"\bnext\s+(?:opponent\s+(?:was|is|would\s+be)\b"
                     r"|(?:title\s+)?(?:defen[cs]e|bout|fight|match)\s+(?:was|is|would\s+be)\s+(?:against|versus|vs\.?)\s)"
                     r"[^.;]{0,110}$", re.I)
# An event fixed and announced in advance, named right before its date: "performances starting
# on 17 June 2008", "began airing in October 2010", "put into effect on 20 May 2019", "the tour
# commenced … on 1 May 2011". Not a release or an opening: whether it came when announced is
# what a later source reports.
_SCHEDULED_EVENT = re.compile(
    r"\b(?:premiered|premiere|began\s+airing|aired|airs|broadcast|screened|screenings?"
    r"|performances?|previews|shows\s+(?:beginning|starting)|tour|tours|toured|festival|concerts?"
    r"|(?:took|takes|came\s+into|went\s+into|put\s+into|comes\s+into|enter(?:ed|s)\s+into)\s+(?:force|effect)"
    r"|effective|commenced|returning|returned\s+to)\b[^.;:]{0,60}$",
    re.I,
)
# A release or an airing as announced: "was announced in November 2016 to air on ABC in
# September 2017", "each part was announced to come out starting on 16 April 2012", "announced
# for a 27 September 2011 release"; and a date given as a release date, "announcing … a March
# 2015 release date" (not "released on 12 June 2015, the same release date as in Europe").
_ANNOUNCED_TO = re.compile(
    r"\bannounced\b(?:[^.;:]{0,40}\bto\s+(?:air|come\s+out|be\s+released|premiere|launch|debut|open|arrive)\b"
    r"[^.;:]{0,40}|\s+for\s+an?\s+)$", re.I)
_ANNOUNCED_DATE = re.compile(r"[^.;:,]{0,20}?\s(?:release|premiere|launch|air)\s+date\b", re.I)
# "decided to delay the introduction of the euro by two years to 1 January 1999", "pushed back to
# May 2010", "extended its expiry date from April 8, 2012 to January 15, 2013": the date an event
# or a deadline was moved to, and the one it was moved from, both set in advance.
_MOVED_TO = re.compile(
    r"\b(?:delay(?:s|ed|ing)?|postpone[ds]?|postponing|put\s+off|pushed\s+back|moved|brought\s+forward"
    r"|extend(?:s|ed|ing)?)\b"
    r"[^.;:]{0,60}\b(?:from|to|until)\s+(?:the\s+)?$",
    re.I,
)
# An infobox's support schedule ("Support status: Start date: October 30, 2012", "Mainstream
# support: Until January 9, 2018"): the dates a vendor's lifecycle policy sets in advance.
_LIFECYCLE_ROW = re.compile(r"\b(?:support|life\s*cycle|end\s+of\s+life)\b", re.I)
# "at the spot rate as of 19 August 2011": the day an editor converted a figure, not its date.
_CONVERSION = re.compile(r"\b(?:exchange|spot|conversion|currency)\s+rates?\b[^.;]{0,40}$", re.I)
# "signatures by 22 November": a deadline. But "By 5 May, 300 had died" and "had risen to
# 300 by 5 May" say what was true on the day, so they stay claims.
_BY = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$", re.I)
_OPENING_BY = re.compile(r"\s*By\s+(?:the\s+end\s+of\s+)?")
_PAST_PERFECT = re.compile(r"\bhad\s+(?!to\b)[a-z]+", re.I)


class SourcePredatesClaim(Rule):
    """A statement whose own date is later than the publication date of every cited source.

    Looks at the dates written in the statement ("On 28 June 2021", "As of 21 October";
    year-less dates take their year from the nearest full date before them in the same
    section, not from a year an event was planned for ("rescheduled for UFC 108 in early 2010"), else
    the article's period). When every citation of the statement resolves to a
    reference with a publication date, and the statement's latest date begins after all of
    them, the sources cannot report it. A source whose link files its page under a later day,
    within a year, than its entry gives ("…/news/2016/02/3/…" under "3 February 2015") is
    misdated, and dated by its link. Statements about plans, schedules or deadlines
    ("will", "scheduled", "until", "aiming to", "considering", "must", "chosen to be
    converted") are skipped, and so are
    dates set in advance ("an election for 25 May", "announced for a 27 September 2011
    release", "announced in November 2016 to air on ABC in September 2017", "a March 2015
    release date", "(next time 23 April 2015)", "collect
    signatures by 22 November", "decided to delay the introduction … to 1 January 1999",
    "extended its expiry date … to January 15, 2013"), the dates of a support schedule in an
    infobox ("Support status: Start date: October 30, 2012"), a
    bout as booked ("his next opponent was … on November 15"), a service's announced start
    ("(begins 22 April 2014)") and the dates of events fixed and announced in advance,
    named before the date: a performance run, a tour, a festival, a broadcast, a screening,
    a law taking effect ("performances starting on 17 June 2008", "began airing in October
    2010", "put into effect on 20 May 2019"): a source can announce them. A release or an
    opening still counts: whether it came when announced is what a later source reports.
    The day of a currency
    conversion ("at the spot rate as of 19 August 2011") is the editor's, not the claim's. A "by" date still counts when it
    opens the sentence or the sentence says what had happened by then ("By 5 May, 300 had
    died").

    Why: usually the sentence was updated with newer facts and the newer source was never
    added, or the date in the sentence is a typo.

    What to do: cite a source published on or after the date in the statement, or correct
    the date.

    Options: ``tolerance_days`` (default 1: a source dated the day before may be from an
    earlier time zone, or an evening edition reporting the next day's event); ``include_years`` also compares bare
    years ("In 2021"), off by default because years often name events ("the 2024 Olympics").
    """

    code = "CC404"
    name = "source-predates-claim"
    severity = Severity.WARNING
    options = (
        Option("tolerance_days", 1, "Days of slack between the claim's date and the newest source."),
        Option("include_years", False, "Also use bare years in the statement, not only dates with a month."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        tolerance = ctx.options.get("tolerance_days", 1)
        include_years = ctx.options.get("include_years", False)
        for stmt, matches in dated_statements(doc):
            if matches and not include_years:
                matches = without_bare_years(matches)
            if not matches or not stmt.citations or _FORWARD.search(stmt.text.lower()):
                continue
            if stmt.kind == "infobox" and stmt.section and _LIFECYCLE_ROW.search(stmt.section[-1]):
                continue
            published = _publication_dates(stmt.citations)
            if published is None:
                continue
            matches = [m for m in matches if not _set_in_advance(stmt.text, m.start)]
            if not matches or len(stmt.text) - max(m.end - m.start for m in matches) < 12:
                continue  # only dates set in advance, or a bare date with no claim around it
            claim = max(matches, key=lambda m: m.date.earliest())
            newest_ref, newest = max(published, key=lambda pair: pair[1].latest())
            if claim.date.earliest() <= shift(newest.latest(), tolerance):
                continue
            labels = sorted({ref.label for ref, _ in published}, key=_label_order)
            yield self.finding(
                ctx,
                f"the statement is dated {claim.date.human()} ({claim.text!r}) but its newest source "
                f"{newest_ref.label} was published {newest.human()}: cite a source that covers that date",
                stmt.text_span(claim.start, claim.end),
                statement=stmt,
                refs=[ref.key for ref, _ in published],
                evidence={"claim_date": str(claim.date), "newest_source": str(newest),
                          "yearless": claim.yearless, "sources": labels},
            )


def _set_in_advance(text: str, start: int) -> bool:
    """True when the date at ``start`` is not when the claim happened: a date an event is set
    for or moved to, the next occurrence, a bout as booked, a service's announced start, a
    release or airing as announced ("announced … to air on ABC in September 2017", "a March
    2015 release date"), a deadline ("by 22 November") in a sentence that states no result, or
    the day of a currency conversion."""
    before = text[max(0, start - 24):start]
    if (_SET_FOR.search(before) or _CONVERSION.search(text, max(0, start - 60), start)
            or _SCHEDULED_EVENT.search(text, max(0, start - 90), start)
            or _MOVED_TO.search(text, max(0, start - 90), start)
            or _ANNOUNCED_TO.search(text, max(0, start - 90), start) or _ANNOUNCED_DATE.match(text, start)
            or _BOOKED.search(text, max(0, start - 150), start)):
        return True
    return (bool(_BY.search(before)) and not _OPENING_BY.fullmatch(text, 0, start)
            and not _PAST_PERFECT.search(text))


# How much later than its entry a link may date a page and still date the entry's source: a
# typo's year or month; a page filed years later is another page, or a later copy of it.
_MISDATED_BY_AT_MOST = 366


def _publication_dates(citations: list[Citation]) -> list[tuple[Reference, PartialDate]] | None:
    """Each distinct cited reference with its publication date, or the later day, within a year,
    its link's path files its page under; None if any is unknown."""
    seen: dict[int, tuple[Reference, PartialDate]] = {}
    for citation in citations:
        ref = citation.reference
        if ref is None:
            return None
        if id(ref) in seen:
            continue
        published = reference_date(ref, "date")
        if published is None:
            return None
        linked = link_date(ref.get("url"))
        if linked is not None and 0 < (linked.earliest() - published.latest()).days <= _MISDATED_BY_AT_MOST:
            published = linked  # the entry is misdated: its page is filed under a later day
        seen[id(ref)] = (ref, published)
    return list(seen.values()) or None


def _label_order(label: str) -> tuple[int, str]:
    digits = "".join(ch for ch in label if ch.isdigit())
    return (int(digits) if digits else 10**9, label)

"""CC405: future tense about a date that had already passed at the revision date."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.parsers.dates import statement_dates
from citecheck.revision import context_year
from citecheck.rules.base import Option, Rule, RuleContext

_FUTURE = re.compile(
    r"\b(?:will(?:\s+(?:not|also|now|then|likely|probably|soon|again|be))*\s+[a-z]+"
    r"|shall\s+(?:be\s+)?[a-z]+"
    r"|(?:is|are)\s+(?:now\s+|also\s+)?(?:scheduled|expected|planned|set|due|slated|going|poised)\s+(?:to|for)"
    r"|(?:is|are)\s+to\s+(?:be\s+)?[a-z]+"
    r"|[Uu]pcoming|[Ff]orthcoming)\b(?!\s+of\b)",
)
# "the will of the people", "free will": the noun, not the auxiliary.
_NOUN_WILL = re.compile(r"\b(?:the|a|his|her|its|their|our|my|free|good|ill|own|political|popular|last|living)\s+$", re.I)
# Reported speech keeps the speaker's tense ("Aliyev said the war will end ..."): not stale prose.
_REPORTING = re.compile(
    r"\b(?:said|says|stated|states|announced|announces|claimed|claims|warned|promised|pledged|vowed|declared"
    r"|threatened|predicted|told|added|insisted|argued|reported|according\s+to)\b",
    re.I,
)
# A date after these words is a point of comparison, not when the future event happens.
_NOT_TARGET = re.compile(r"\b(?:since|than)\s+(?:in\s+|on\s+|at\s+least\s+)?(?:early\s+|late\s+|mid-?)?$", re.I)
_FRAME = re.compile(r"\s*(?:In|By|From|Starting in|Beginning in|At the (?:start|end|beginning) of(?: the)?)\s+")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]")


class StaleFutureTense(Rule):
    """Future tense about a date that was already past at the article's revision date.

    Flags a statement where a future-tense phrase ("will be held", "is scheduled to", "are
    expected to", "upcoming") is followed, within ``max_distance`` characters of the same
    sentence, by a date (or a bare year) that ended before the revision date, or where the
    sentence opens with such a date as its time frame ("At the start of the 2007 term, the
    council will have ..."). Phrases inside
    quotations and after a reporting verb ("said the war will end on ...") are skipped: they
    report someone's words. Year-less dates take their year from the nearest full date
    before them in the section, else the article's period.

    Why: the event has happened (or not) by the time of the revision, so the sentence
    misleads readers about the current state of affairs.

    What to do: rewrite in the past tense with the outcome and a source for it, or use
    "As of <date>" wording that stays true.
    """

    code = "CC405"
    name = "stale-future-tense"
    severity = Severity.WARNING
    options = (
        Option("max_distance", 80, "Most characters between the future-tense phrase and the date."),
        Option("tolerance_days", 0, "Days a date may be past before the tense counts as stale."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.revision_date is None:
            return
        max_distance = ctx.options.get("max_distance", 80)
        cutoff = ctx.revision_date - timedelta(days=ctx.options.get("tolerance_days", 0))
        for stmt, matches in statement_dates(doc.statements, context_year(doc), years=True):
            if not matches:
                continue
            masked = _QUOTED.sub(lambda m: " " * len(m.group()), stmt.text)
            for phrase in _FUTURE.finditer(masked):
                if _NOUN_WILL.search(masked, max(0, phrase.start() - 12), phrase.start()):
                    continue
                if _REPORTING.search(masked, 0, phrase.start()):
                    break
                after = [m for m in matches if 0 <= m.start - phrase.end() <= max_distance
                         and "." not in masked[phrase.end():m.start]
                         and not _NOT_TARGET.search(masked, max(0, m.start - 24), m.start)]
                # Or the sentence opens with its time frame: "At the start of the 2007 term, the
                # council will have ...", "In 2013 the province will be declared ...".
                framing = [m for m in matches[:1] if m.end <= phrase.start() and _FRAME.fullmatch(masked[:m.start])]
                if not after and not framing:
                    continue
                date = after[0] if after else framing[0]
                if date.date.latest() >= cutoff:
                    continue
                yield self.finding(
                    ctx,
                    f"future tense ({phrase.group()!r}) about {date.date.human()}, which had passed by "
                    f"the revision date {ctx.revision_date}: update the statement",
                    stmt.text_span(phrase.start(), date.end),
                    statement=stmt,
                    evidence={"phrase": phrase.group(), "date": str(date.date),
                              "revision_date": str(ctx.revision_date)},
                )
                break

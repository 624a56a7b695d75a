"""CC405: future tense about a date that had already passed at the revision date."""

from __future__ import annotations

import re
from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.parsers.dates import DateMatch
from citecheck.revision import STATED_SOURCES, dated_statements, describe_source, revision_floor, shift
from citecheck.rules.base import Option, Rule, RuleContext

_FUTURE = re.compile(
    r"\b(?:will(?:\s+(?:not|also|now|then|likely|probably|soon|again|be))*\s+[a-z]+"
    r"|shall\s+(?:be\s+)?[a-z]+"
    r"|(?:is|are)\s+(?:now\s+|also\s+)?(?:scheduled|expected|planned|set|slated|going|poised)\s+(?:to|for)"
    # "is due to open", but not a cause or an attribution: "is due to Hankel (1867)", "is due
    # to the fact", "is due to rising costs"
    r"|(?:is|are)\s+(?:now\s+|also\s+)?due\s+(?:for|to(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those"
    r"|our|my|both|one|two|[A-Z\d]|[a-z]+ing\b|[a-z]*[^s\W]s\b)))"
    r"|(?:is|are)\s+to\s+(?:be\s+)?[a-z]+"
    r"|[Uu]pcoming|[Ff]orthcoming)\b(?!\s+of\b)",
)
# "the will of the people", "free will": the noun, not the auxiliary.
_NOUN_WILL = re.compile(r"\b(?:the|a|his|her|its|their|our|my|free|good|ill|own|political|popular|last|living)\s+$", re.I)
# "whose purpose is to improve": what something is for, which the sentence's opening date
# does not time ("In 2015, ArCHspec went live, from a society whose purpose is to ...").
_PURPOSE_IS = re.compile(
    r"\b(?:purpose|aim|goal|mission|objective|task|job|role|function|duty|intention|idea|point)s?\s+$", re.I)
# "specifies that the organization shall issue": a rule's or a standard's requirement, worded as
# it is, not a prediction.
_REQUIRING_THAT = re.compile(
    r"\b(?:specif(?:y|ies|ied)|requir(?:e|es|ed)|mandat(?:e|es|ed)|stipulat(?:e|es|ed)|prescrib(?:e|es|ed)"
    r"|provid(?:e|es|ed)|demand(?:s|ed)?|direct(?:s|ed)?|ordain(?:s|ed)?|decree(?:s|d)?)\s+that\b[^.;]{0,80}$", re.I)
# "will often emit", "will usually be": habit or general truth, not a prediction.
_HABITUAL = re.compile(
    r"\bwill\s+(?:not\s+)?(?:often|usually|generally|normally|typically|commonly|sometimes|always|never|rarely"
    r"|seldom|frequently|occasionally|tend)\b", re.I)
# Reported speech keeps the speaker's tense ("Aliyev said the war will end ...", "the war will
# end by Friday, officials said", "refused to say when the band will retire, stating in 2007
# ..."): not stale prose, and its date is when the words were spoken.
_REPORTING = re.compile(
    r"\b(?:said|says|saying|stated|states|stating|announced|announces|announcing|claimed|claims|claiming"
    r"|warned|promised|pledged|vowed|declared|declaring|threatened|predicted|predicting|told"
    r"|added|adding|insisted|insisting|argued|arguing|reported|confirmed|wrote|writes|advis(?:ed|ing)"
    r"|inform(?:ed|ing)|notif(?:ied|ying)|decided|agreed|according\s+to)\b",
    re.I,
)
# A question reported, with the future phrase inside it: "the poll asks if voters will accept …"
# (not "voters were asked whether to fund the stadium, which will open in 2015").
_ASKED_IF = re.compile(
    r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering)\s+(?:\w+\s+){0,3}?(?:if|whether)\b[^,;.:]{0,60}$",
    re.I)
# A date after these words is a point of comparison ("the highest since 1979", "the second
# under the 2009 constitution"), not when the future event happens.
_NOT_TARGET = re.compile(
    r"\b(?:since|than|under|following)\s+(?:the\s+)?(?:[A-Za-z]+['’]s\s+)?(?:in\s+|on\s+|at\s+least\s+)?"
    r"(?:early\s+|late\s+|mid-?)?$",
    re.I)
# The object of a verb of succession is the predecessor, whose date is its own: "will replace its
# 2010 model" (not "will host the 2014 World Cup", nor "will revise the 2013 budget", a year's).
_PREDECESSOR = re.compile(
    r"\b(?:replac|supersed|succeed)[a-z]*\s+(?:the|its|their|his|her|an?)\s+(?:[A-Za-z]+['’]s\s+)?$", re.I)
# A participle clause set off by a comma dates a past event of its own: "will feature a
# qualifying stage, introduced in the 2011 edition"; not a plan's ("…, expected in 2011").
_PAST_PARTICIPLE_CLAUSE = re.compile(
    r",\s+(?!(?:expected|scheduled|planned|projected|anticipated|proposed|slated|intended|estimated|due)\b)"
    r"[a-z]{3,}ed\s+(?:in|on)\s+(?:the\s+)?$")
# "his then-forthcoming album": the future seen from the time told, written so on purpose (not
# "the winner then will advance": "then" as "next").
_THEN = re.compile(r"\bthen[- ]$", re.I)
_FUTURE_ADJECTIVE = re.compile(r"[Uu]pcoming|[Ff]orthcoming")
# "A player who signed … will officially join his new club on 1 July": a generic person and a
# date without its year make the sentence a rule, true every year, not a prediction (not "A
# stadium that seats 20,000 will open on 1 August"). A note's mark may come first: "^1 A player who …".
_GENERIC_SUBJECT = re.compile(r"(?:\^\w{0,2}\s+)?(?:An?|Any|Each|Every)\s+[a-z]+\s+who\b")
_FRAME = re.compile(r"\s*(?:In|On|By|From|Starting in|Beginning in|At the (?:start|end|beginning) of(?: the)?)\s+")
# A finite past verb between a framing date and the future phrase ("In September 2014, the
# institute was created, and it will ...") makes the date that clause's, not the future's.
_PAST_CLAUSE = re.compile(r"\b(?:was|were|had|did)\b|(?<!\bthe )(?<!\bnewly )(?<!-)\b[a-z]{3,}ed\b")
_THAT = re.compile(r"\bthat\b")
# A finding reported as a law of nature or fact ("Ørsted discovered that a current will deflect a
# compass needle"): its "will" states what always happens, and a date in a later clause (", of
# Sturgeon who, in 1825 invented …") is another event's, not the law's.
_FINDING_THAT = re.compile(
    r"\b(?:discovered|found|showed|shown|demonstrated|proved|proven|observed|noticed|reali[sz]ed|established)"
    r"\b[^.;]{0,80}?\bthat\b[^.;]*$")
# A year in an author-year citation dates its source, not an event: "shall be summarized in the
# sentences to follow (Pevsner, 2015)", "(Smith et al. 2009; Jones 2011)".
_CITED_SOURCE_BEFORE = re.compile(
    r"[(;]\s*(?:see\s+|cf\.\s+)?[A-Z][\w'’-]+(?:\s+(?:et\s+al\.?|and|&)(?:\s+[A-Z][\w'’-]+)?)?,?\s+$")
_CITED_SOURCE_AFTER = re.compile(r"[a-z]?(?:,\s*pp?\.\s*[\d–-]+)?\s*[);]")
# A section that retells a work's plot in the story's own time; not a storyline or a premise,
# which may tell an event to come ("Smith will face Jones at the event on April 2, 2017").
_PLOT_SECTION = re.compile(r"\s*(?:plot|synopsis|plot\s+summary|plot\s+synopsis)\s*$", re.I)
# A quotation left open runs to the end of the statement (the sentence split at its full stop).
_QUOTED = re.compile(r"\"[^\"]*(?:\"|$)|“[^”]*(?:”|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)")


class StaleFutureTense(Rule):
    """Future tense about a date that was already past at the article's revision date.

    Flags a statement where a future-tense phrase ("will be held", "is scheduled to", "are
    expected to", "upcoming") is followed, within ``max_distance`` characters of the same
    sentence, by dates (or bare years) that all ended before the revision date, or where the
    sentence opens with such a date as its time frame ("At the start of the 2007 term, the
    council will have ...", "On 12 May 2015, a referendum will be held") and no past clause,
    that-clause or purpose comes between ("In 2014, the institute was created, and it will ...",
    "In 2015, X went live, from a society whose purpose is to ..."). A period counts by its end
    ("between 2013 and 2023"); a date after "since", "than", "under" or "following" is a point
    of comparison, not the event's ("the second under the country's 2009 constitution"), nor
    is the date of what a successor replaces ("will replace its 2010 model"), a date
    in a participle clause after a comma is a past event's ("will feature a qualifying stage,
    introduced in the 2011 edition"), and the year of an author-year citation ("shall be
    summarized below (Pevsner, 2015)") dates its source. A frequency or a radio band is no year
    ("in the 1900 PCS band"); a decimal point ends no sentence ("will more than double from $800
    million in 2018 to $1.85 billion by 2025" is about 2025). A plot retold (a Plot or Synopsis
    section, not a Storylines or Premise one; an episode list's summary) tells the story's own
    future ("helps Diego to see what will occur on November 22, 1963"). Phrases inside quotations (also one left open at the statement's
    end) and in a statement with a reporting verb ("said the war will end on ...", "... will end
    on 5 May, officials said", "advising members that ...") report someone's words, and a
    question reported with the phrase in it ("the poll asks if voters will accept …") someone's
    question; a habitual "will often", "will usually" and a requirement's "shall" ("the
    standard specifies that the organization shall issue …") are no prediction, nor is the future seen from the time told
    ("his then-forthcoming album"), nor a rule for every year: a generic person and a day
    without its year ("A player who signed … will officially join his new club on 1 July"). "Is
    due to" a cause or an author ("is due to Hankel (1867)", "is due to rising costs") is no
    future; a finding ("discovered that a current will deflect a compass needle") states what
    always happens, so only a date in its own clause can time it. Year-less dates take their
    year from the nearest full date before them in the section, else the article's period. A
    date is past when its last day is before the revision date minus ``tolerance_days``. One
    finding per statement.

    The revision date must be one the revision is certainly no earlier than: the stated date
    (``--as-of``, a dump or API timestamp, the page's "last edited" date), else the latest
    access, archive or maintenance-tag date of the references, which the revision cannot
    precede, and the message says so. An infobox duration is no such floor (it may be hand-
    typed and stale); with nothing else the rule is silent. A finding that rests on an
    inferred date is never an error, whatever severity is configured: the inference is
    sound, but the date it rests on was typed by an editor.

    Why: the event has happened (or not) by the time of the revision, so the sentence
    misleads readers about the current state of affairs.

    What to do: rewrite in the past tense with the outcome and a source for it, or use
    "As of <date>" wording that stays true.
    """

    code = "CC405"
    name = "stale-future-tense"
    severity = Severity.WARNING
    uses_revision_date = True
    options = (
        Option("max_distance", 80, "Most characters between the future-tense phrase and the date."),
        Option("tolerance_days", 0, "Days a date may be past before the tense counts as stale."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        floor = revision_floor(doc)
        if floor is None:
            return
        now, source = floor
        stated = source in STATED_SOURCES
        max_distance = ctx.options.get("max_distance", 80)
        cutoff = shift(now, -ctx.options.get("tolerance_days", 0))
        passed_by = (f"the revision date {now} ({source}), {describe_source(source)}" if stated
                     else f"{now} ({source}), {describe_source(source)}; the revision is no earlier, its own "
                     "date is not stated")
        retold = frozenset(doc.metadata.get("retold", ()))
        for stmt, matches in dated_statements(doc):
            if not matches or stmt.index in retold or any(_PLOT_SECTION.match(part) for part in stmt.section):
                continue  # a plot in the story's own time: "helps Diego to see what will occur on …"
            masked = _QUOTED.sub(lambda m: " " * len(m.group()), stmt.text)
            phrases = [phrase for phrase in _FUTURE.finditer(masked) if not _not_future(masked, phrase)]
            if not phrases or _REPORTING.search(masked):
                continue
            for phrase in phrases:
                targets = _target_dates(masked, phrase, matches, max_distance)
                # Stale only when every date the phrase may be about has passed ("expected to
                # rise from 5 million in 2013 to 8 million in 2023" still looks ahead).
                if not targets or max(target.date.latest() for target in targets) >= cutoff:
                    continue
                date = targets[0]
                finding = self.finding(
                    ctx,
                    f"future tense ({phrase.group()!r}) about {date.date.human()}, which had passed by "
                    f"{passed_by}: update the statement",
                    stmt.text_span(min(phrase.start(), date.start), max(phrase.end(), date.end)),
                    statement=stmt,
                    evidence={"phrase": phrase.group(), "date": str(date.date),
                              "revision_date": str(now), "revision_date_source": source},
                )
                if not stated:
                    # An inferred "now" never makes an error, whatever the configured severity.
                    finding.severity = min(finding.severity, Severity.WARNING)
                yield finding
                break


def _not_future(text: str, phrase: re.Match[str]) -> bool:
    """The noun "will", a habitual "will often", a reported question ("the poll asks if voters
    will accept") or a requirement's "shall" ("specifies that the organization shall issue"): no
    prediction at all."""
    return bool(_NOUN_WILL.search(text, max(0, phrase.start() - 12), phrase.start())
                or _HABITUAL.match(text, phrase.start())
                or _ASKED_IF.search(text, max(0, phrase.start() - 100), phrase.start())
                or _FUTURE_ADJECTIVE.match(phrase.group()) is not None
                and _THEN.search(text, max(0, phrase.start() - 5), phrase.start()) is not None
                or phrase.group().startswith("shall")
                and _REQUIRING_THAT.search(text, max(0, phrase.start() - 120), phrase.start()))


def _target_dates(text: str, phrase: re.Match[str], matches: list[DateMatch], max_distance: int) -> list[DateMatch]:
    """The dates the future phrase may be about: the sentence's opening time frame ("At the
    start of the 2007 term, the council will have ...", "On 5 May 2015, a vote will be held")
    unless a past clause, a that-clause or a purpose ("whose aim is to") comes between, else
    the dates after the phrase in the same sentence, nearest first, and within its own clause
    when the phrase states a finding ("discovered that a current will deflect a needle, of …
    who, in 1825 …")."""
    opening = matches[0]
    if (opening.end <= phrase.start() and _FRAME.fullmatch(text[:opening.start])
            and not _PAST_CLAUSE.search(text, opening.end, phrase.start())
            and not _THAT.search(text, opening.end, phrase.start())
            and not _PURPOSE_IS.search(text, max(0, phrase.start() - 12), phrase.start())):
        return [opening]
    generic = _GENERIC_SUBJECT.match(text) is not None
    clause_end = _CLAUSE_OR_SENTENCE_END if _FINDING_THAT.search(
        text, max(0, phrase.start() - 160), phrase.start()) else _SENTENCE_END
    return [match for match in matches
            if 0 <= match.start - phrase.end() <= max_distance
            and not clause_end.search(text, phrase.end(), match.start)
            and not _NOT_TARGET.search(text, max(0, match.start - 24), match.start)
            and not _PREDECESSOR.search(text, max(0, match.start - 40), match.start)
            and not _PAST_PARTICIPLE_CLAUSE.search(text, phrase.end(), match.start)
            and not _dates_a_cited_source(text, match)
            and not (match.yearless and generic)]


# A full stop or, in a finding, a comma, that ends the phrase's sentence or clause; not a decimal
# point ("from $800 million in 2018 to $1.85 billion by 2025").
_SENTENCE_END = re.compile(r"\.(?!\d)")
_CLAUSE_OR_SENTENCE_END = re.compile(r"\.(?!\d)|,(?!\d)")


def _dates_a_cited_source(text: str, match: DateMatch) -> bool:
    """Whether the date is the year of an author-year citation: "(Pevsner, 2015)"."""
    return (_CITED_SOURCE_BEFORE.search(text, max(0, match.start - 40), match.start) is not None
            and _CITED_SOURCE_AFTER.match(text, match.end) is not None)

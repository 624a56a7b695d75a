"""CC103: an existing citation-needed tag, with its age at the revision date."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.parsers.dates import parse_date
from citecheck.revision import FLOOR_SOURCES, STATED_SOURCES, describe_source
from citecheck.rules.base import Option, Rule, RuleContext


def describe_age(days: int) -> str:
    """"12 days", "5 months", "2 years": how long a tag has stood, at a readable precision."""
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"


class CitationNeeded(Rule):
    """A claim already tagged [citation needed] by an editor.

    Flags every ``{{citation needed}}`` / ``{{cn}}`` / ``{{fact}}`` tag (a rendered
    "[citation needed]" in plain text and HTML copies). The message gives the tag's date and
    its age at the article's revision date when both are known, so the oldest unanswered
    requests can be dealt with first. Where the copy does not say when it was saved, the
    revision date is only known to be no earlier than the latest access, archive or tag date
    among the references, and the age is given as a lower bound ("at least 13 months before the
    revision, which is no earlier than 2012-10-21").

    Why: a tagged claim is one readers were warned about; the longer the tag stands, the more
    likely the claim is unverifiable.

    What to do: cite a reliable source for the claim, or remove or rewrite the claim.

    Options: ``min_age_days`` reports only tags at least that many days old at the revision
    date (undated tags are always reported).
    """

    code = "CC103"
    name = "citation-needed"
    severity = Severity.WARNING
    uses_revision_date = True
    options = (
        Option("min_age_days", 0, "Report only tags at least this old (days) at the revision date; 0 reports all."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        min_age = ctx.options.get("min_age_days", 0)
        for stmt in doc.statements:
            for tag in stmt.tags:
                if tag.kind != "citation-needed":
                    continue
                tagged = parse_date(tag.date) if tag.date else None
                age = _age(tagged.latest() if tagged else None, ctx.revision_date)
                if min_age and age is not None and age < min_age:
                    continue
                if tagged is None:
                    detail = "an undated tag" if not tag.date else f"tag dated {tag.date!r} (not a date)"
                elif age is None:
                    detail = f"tagged {tagged.human()}"
                else:
                    detail = f"tagged {tagged.human()}{_age_at_revision(age, ctx.revision_date, doc.revision_date_source)}"
                yield self.finding(
                    ctx,
                    f"claim marked [citation needed] ({detail}): cite a source or remove the claim",
                    tag.span,
                    statement=stmt,
                    evidence={"tag_date": tag.date, "age_days": age,
                              "revision_date": str(ctx.revision_date) if ctx.revision_date else None,
                              "revision_date_source": doc.revision_date_source or None},
                )


def _age_at_revision(age: int, revision: date | None, source: str) -> str:
    """How old a tag is at the revision, as far as its date's source tells: exactly where the
    date is stated or inferred from an infobox, at least where it is only a day the revision
    cannot precede (the latest reference date)."""
    if source in FLOOR_SOURCES:
        bound = f"no earlier than {revision}, {describe_source(source)}"
        if not age:
            return f"; the revision is {bound}"
        return f", at least {describe_age(age)} before the revision, which is {bound}"
    named = f", {describe_source(source)}" if source and source not in STATED_SOURCES else ""  # an infobox's
    return f", {describe_age(age)} before the revision date {revision}{named}"


def _age(tagged: date | None, revision: date | None) -> int | None:
    if tagged is None or revision is None or revision < tagged:
        return None
    return (revision - tagged).days

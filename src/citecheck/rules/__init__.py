"""The rule table: every rule citecheck has, in code order, and selection by code, prefix or name."""

from __future__ import annotations

import functools
from typing import Iterable

from citecheck.rules.base import Option, Rule, RuleContext
from citecheck.rules.cc101_uncited_numeric_claim import UncitedNumericClaim
from citecheck.rules.cc102_indirectly_cited_numeric_claim import IndirectlyCitedNumericClaim
from citecheck.rules.cc103_citation_needed import CitationNeeded
from citecheck.rules.cc201_single_party_casualty_figure import SinglePartyCasualtyFigure
from citecheck.rules.cc202_attributed_single_party_figure import AttributedSinglePartyFigure
from citecheck.rules.cc203_figure_not_in_source_excerpt import FigureNotInSourceExcerpt
from citecheck.rules.cc301_dead_link_without_archive import DeadLinkWithoutArchive
from citecheck.rules.cc302_archive_mismatch import ArchiveMismatch
from citecheck.rules.cc303_unarchived_link import UnarchivedLink
from citecheck.rules.cc311_dead_link import DeadLink
from citecheck.rules.cc312_broken_archive import BrokenArchive
from citecheck.rules.cc313_archive_available import ArchiveAvailable
from citecheck.rules.cc314_figure_not_in_source import FigureNotInSource
from citecheck.rules.cc401_archived_before_published import ArchivedBeforePublished
from citecheck.rules.cc402_accessed_before_published import AccessedBeforePublished
from citecheck.rules.cc403_date_after_revision import DateAfterRevision
from citecheck.rules.cc404_source_predates_claim import SourcePredatesClaim
from citecheck.rules.cc405_stale_future_tense import StaleFutureTense
from citecheck.rules.cc406_invalid_date import InvalidDate
from citecheck.rules.cc501_undefined_reference import UndefinedReference
from citecheck.rules.cc502_unused_reference import UnusedReference
from citecheck.rules.cc503_empty_reference import EmptyReference
from citecheck.rules.cc504_duplicate_reference import DuplicateReference
from citecheck.rules.cc505_incomplete_reference import IncompleteReference
from citecheck.rules.cc901_encoding_damage import EncodingDamage
from citecheck.rules.cc902_unused_suppression import UnusedSuppression
from citecheck.rules.cc903_reference_map_unverified import ReferenceMapUnverified

RULES: tuple[type[Rule], ...] = (
    UncitedNumericClaim,
    IndirectlyCitedNumericClaim,
    CitationNeeded,
    SinglePartyCasualtyFigure,
    AttributedSinglePartyFigure,
    FigureNotInSourceExcerpt,
    DeadLinkWithoutArchive,
    ArchiveMismatch,
    UnarchivedLink,
    DeadLink,
    BrokenArchive,
    ArchiveAvailable,
    FigureNotInSource,
    ArchivedBeforePublished,
    AccessedBeforePublished,
    DateAfterRevision,
    SourcePredatesClaim,
    StaleFutureTense,
    InvalidDate,
    UndefinedReference,
    UnusedReference,
    EmptyReference,
    DuplicateReference,
    IncompleteReference,
    EncodingDamage,
    UnusedSuppression,
    ReferenceMapUnverified,
)

__all__ = ["RULES", "Option", "Rule", "RuleContext", "by_code", "markdown_table", "resolve", "select_rules"]


def by_code(code_or_name: str) -> type[Rule] | None:
    """The rule with this code (case-insensitive) or kebab-case name."""
    wanted = code_or_name.strip()
    for rule in RULES:
        if rule.code.lower() == wanted.lower() or rule.name == wanted.lower():
            return rule
    return None


def resolve(selector: str) -> list[type[Rule]]:
    """Rules matched by one selector: a code, a code prefix ("CC1", "CC30") or a name.

    Raises ValueError naming the selector when it matches nothing, so a typo in
    ``--select`` is an error rather than a silently empty run.
    """
    wanted = selector.strip()
    if not wanted:
        raise ValueError("empty rule selector")
    exact = by_code(wanted)
    if exact is not None:
        return [exact]
    if wanted.upper() in ("ALL", "CC"):
        return list(RULES)
    matched = [rule for rule in RULES if rule.code.upper().startswith(wanted.upper())]
    if not matched:
        raise ValueError(f"no rule matches {selector!r} (see 'citecheck rules')")
    return matched


def select_rules(
    select: Iterable[str] = (), ignore: Iterable[str] = (), *, online: bool = False
) -> list[type[Rule]]:
    """The rules to run: the selected ones (all by default) minus the ignored ones.

    Network rules run only when ``online`` is set, whatever the selection says.
    """
    return list(_selected(RULES, tuple(select), tuple(ignore), online))


@functools.lru_cache(maxsize=64)
def _selected(table: tuple[type[Rule], ...], select: tuple[str, ...], ignore: tuple[str, ...],
              online: bool) -> tuple[type[Rule], ...]:
    """select_rules, worked out once per rule table and selection: every document asks again."""
    chosen: dict[str, type[Rule]] = {}
    for selector in select or ("ALL",):
        for rule in resolve(selector):
            chosen[rule.code] = rule
    for selector in ignore:
        for rule in resolve(selector):
            chosen.pop(rule.code, None)
    return tuple(rule for rule in table if rule.code in chosen and (online or not rule.network))


def markdown_table() -> str:
    """The rule table of README.md, generated from the rules themselves."""
    lines = ["| code | name | default | what it flags |", "|---|---|---|---|"]
    for rule in RULES:
        online = " (with `--online`)" if rule.network else ""
        lines.append(f"| {rule.code} | {rule.name} | {rule.severity} | {rule.summary()}{online} |")
    return "\n".join(lines) + "\n"

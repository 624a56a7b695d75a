"""Lint a page's history without repeating work on texts seen before.

About a fifth of the revisions in a full-history dump are exact copies of an earlier
revision (reverts). A revision whose text, title and revision date were all seen reuses the
whole record. One whose text and title were seen, but on another day, reuses that text's
parsed Document and the findings of every rule that does not read the revision date; only
the rules that do (``Rule.uses_revision_date``: CC103, CC403, CC405) run again. The records
are those of linting every revision from scratch.

A Document is kept as parsed and each lint gets a copy of its top level (diagnostics,
metadata, suppressions): that is all the driver changes, and rules only read a Document.
"""

from __future__ import annotations

import copy
import hashlib
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from citecheck import dump, parsers
from citecheck.rules import select_rules

if TYPE_CHECKING:
    from citecheck.config import Settings
    from citecheck.model import Document, Finding

# Reverts go back a few revisions: over the 15,180 revisions of the Anarchism history these
# many recent texts and records get 97 % of the reuse that keeping everything would. Keeping
# more costs more than it saves: the garbage collector walks every kept object again and again.
RECENT_TEXTS = 8
RECENT_RECORDS = 16


class _Recent(OrderedDict):
    """A mapping that keeps the ``limit`` most recently used entries."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def get_recent(self, key: Any) -> Any:
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def keep(self, key: Any, value: Any) -> None:
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)


@dataclass
class _SeenText:
    """A text linted before: its Document as parsed, and the findings of the rules that do not
    read the revision date (None when they cannot be reused, see ``_reusable``)."""

    document: "Document | None" = None
    undated_findings: list["Finding"] | None = None

    def parse(self, text: str, fmt: str, path: str) -> "Document":
        """``parsers.parse`` for ``lint_text``, parsing the text once."""
        if self.document is None:
            self.document = parsers.parse(text, fmt, path=path)
        return _working_copy(self.document)


def _working_copy(doc: "Document") -> "Document":
    """A Document sharing ``doc``'s parsed content, with its own copy of what linting changes."""
    working = copy.copy(doc)
    working.diagnostics = list(doc.diagnostics)
    working.metadata = dict(doc.metadata)
    working.suppressions = [replace(suppression) for suppression in doc.suppressions]
    return working


def _reusable(doc: "Document", settings: "Settings") -> bool:
    """Whether a rule's findings on this text can stand for another revision's.

    Not with suppressions (CC902 reads every rule's findings before they are silenced), a
    baseline (it counts fingerprints over all findings) or online checks (CC314 records the
    figures it verified on the Document).
    """
    return not doc.suppressions and not settings.baseline and not settings.online


def _order(finding: "Finding") -> tuple[int, str]:
    """The order of a record's findings, as ``run_rules`` sorts them."""
    return finding.span.start, finding.code


class RevisionCache:
    """Parsed Documents, findings and record contents of the texts recently linted in one run
    (one Settings: linting with others starts the cache afresh)."""

    def __init__(self, texts: int = RECENT_TEXTS, records: int = RECENT_RECORDS) -> None:
        self.texts = _Recent(texts)
        self.records = _Recent(records)
        self.hits = {"records": 0, "findings": 0, "documents": 0}
        self._plan: _DatedPlan | None = None

    @staticmethod
    def digest(text: str) -> bytes:
        return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()

    def fields(self, rev: "dump.Revision", settings: "Settings", source: str) -> dict[str, Any]:
        """The record contents of a revision (``dump.result_fields``), reusing what its text allows."""
        plan = self._plan_for(settings)
        text_key = (self.digest(rev.text), rev.title)
        record_key = (*text_key, rev.revision_date)
        found = self.records.get_recent(record_key)
        if found is not None:
            self.hits["records"] += 1
            return found
        seen = self.texts.get_recent(text_key)
        if seen is not None and seen.undated_findings is not None:
            self.hits["findings"] += 1
            result = dump.lint_revision(rev, plan.dated_settings, source, parse=seen.parse)
            result.findings = sorted([*seen.undated_findings, *result.findings], key=_order)
        else:
            if seen is not None:
                self.hits["documents"] += 1
            else:
                seen = _SeenText()
                self.texts.keep(text_key, seen)
            result = dump.lint_revision(rev, settings, source, parse=seen.parse)
            if _reusable(result.document, settings):
                seen.undated_findings = [f for f in result.findings if f.code not in plan.dated_codes]
        made = dump.result_fields(result)
        self.records.keep(record_key, made)
        return made

    def _plan_for(self, settings: "Settings") -> "_DatedPlan":
        if self._plan is None or self._plan.settings is not settings:
            self.texts.clear()
            self.records.clear()
            self._plan = _DatedPlan.of(settings)
        return self._plan


@dataclass(frozen=True)
class _DatedPlan:
    """For one run's settings: the codes of its rules that read the revision date, and settings
    selecting only those."""

    settings: "Settings"
    dated_codes: frozenset[str]
    dated_settings: "Settings"

    @classmethod
    def of(cls, settings: "Settings") -> "_DatedPlan":
        chosen = select_rules(settings.select, settings.ignore, online=settings.online)
        dated = [rule.code for rule in chosen if rule.uses_revision_date]
        # With no dated rule selected, ignoring every code ("CC") runs none; an empty select runs all.
        only_dated = replace(settings, select=dated or ["CC"], ignore=[] if dated else ["CC"])
        return cls(settings, frozenset(dated), only_dated)

"""CC505: a reference without a title, or without both a work/publisher and a date."""

from __future__ import annotations

import re
from typing import Iterator

from citecheck.model import Document, Finding, Reference, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.cc503_empty_reference import is_empty

_BARE_URL = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$", re.I)
# A short citation pointing to a full entry elsewhere: "Smith & Jones 2010, pp. 4–5."
_SHORT_CITE = re.compile(
    r"^[^\d\"“”]{2,80}?\s\(?(?:c\.\s*)?\d{4}[a-z]?\)?(?:\s*[,:]\s*(?:pp?\.|pages?|ch\.|chapter)?\s*[\dxivlc–—\-, ]+)?\.?$"
)
_SHORT_TEMPLATES = frozenset({"sfn", "sfnp", "harvnb", "harv", "harvp", "harvtxt", "sfnm", "rp"})


def missing_parts(ref: Reference) -> list[str]:
    """What the entry lacks among title, work/publisher and date ([] when complete enough)."""
    missing = []
    if not ref.get("title").strip():
        missing.append("title")
    if not (ref.get("work").strip() or ref.get("publisher").strip() or ref.get("via").strip()) \
            and not ref.get("date").strip():
        missing.append("neither a work/publisher nor a date")
    return missing


class IncompleteReference(Rule):
    """A reference without a title, or without both a work/publisher and a date.

    Flags citation entries (not explanatory notes, not empty entries: CC503) that a reader
    could not identify or date: bare URLs, entries that are only a number or a phrase, and
    titled entries that name neither the work or publisher nor a publication date. A shared
    short citation ("Smith 2010, p. 4") that points to a full entry has no title by nature
    and is still reported, at info, so a reviewer can check the full entry exists.

    Why: an incomplete reference is hard to verify and impossible to recover once its URL
    dies; rules that compare dates or sources have nothing to work with.

    What to do: fill in title, work (or publisher) and date, e.g. with a citation template.
    """

    code = "CC505"
    name = "incomplete-reference"
    severity = Severity.INFO

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for ref in doc.references:
            if ref.group or is_empty(ref) or _is_short_citation(ref):
                continue
            missing = missing_parts(ref)
            if not missing:
                continue
            if _BARE_URL.match(ref.raw.strip().lstrip("^").strip()):
                detail = "is a bare URL"
            else:
                detail = "has " + ", and ".join("no title" if m == "title" else m for m in missing)
            yield self.finding(
                ctx,
                f"reference {ref.label} {detail}: readers cannot identify or date the source",
                ref.span,
                reference=ref,
                refs=[ref.key],
                evidence={"missing": missing},
            )


def _is_short_citation(ref: Reference) -> bool:
    if ref.template.strip().lower() in _SHORT_TEMPLATES:
        return True
    text = re.sub(r"^\s*\^(?:\s+[a-z]{1,2}\b)*\s*", "", ref.raw).strip()
    return bool(_SHORT_CITE.match(text))

"""CC502: a reference-list entry that nothing in the text cites."""

from __future__ import annotations

import re
from typing import Iterator

from citecheck.model import Document, Finding, Reference, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.cc501_undefined_reference import all_citations, entry_label

_MARKER = re.compile(r"\[(\d{1,4})\]")


def _cited_keys(doc: Document) -> tuple[set[int], set[tuple[str, str]]]:
    """Identities and (group, key) pairs of every cited reference, counting the markers
    inside notes (a note that cites [4] is a use of [4])."""
    ids: set[int] = set()
    keys: set[tuple[str, str]] = set()
    for cit in all_citations(doc):
        keys.add((cit.group, cit.key))
        if cit.reference is not None:
            ids.add(id(cit.reference))
    for note in doc.references:
        if note.group:
            keys.update(("", m.group(1)) for m in _MARKER.finditer(note.raw))
    return ids, keys


class UnusedReference(Rule):
    """A reference-list entry that nothing in the text cites.

    Flags entries of the reference or notes list with no citation marker pointing to them
    (markers inside notes count as uses; in a plain-text copy so does a marker inside another
    reference entry, an explanatory note printed among the references, where the named entry's
    backlinks claim a use no other marker accounts for). In wikitext this is a list-defined reference that
    is never used, which MediaWiki renders as an error. A plain-text copy's backlinks ("^",
    "^ a b") are the page's own record of its uses: an entry that has them is cited on the
    page, and only the copy lost the marker (in an infobox, a caption or a table cell garbled
    by the copy), so it is not reported; the map's check counts it among the entries whose
    uses disagree. An entry printed without backlinks that nothing cites is reported. In an
    HTML copy a missing marker is usually an artefact too, so the rule stays at info and says
    so; when the entry's backlinks claim uses the copy no longer shows, the message gives
    that count.

    Why: an unused entry is either dead weight or the trace of a claim whose citation was
    lost in an edit; the latter deserves a look.

    What to do: in wikitext, cite the reference where it supports a claim or remove it; in
    a copy, check the original page for the lost uses before acting.
    """

    code = "CC502"
    name = "unused-reference"
    severity = Severity.INFO
    uses_reference_map = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for ref in uncited_entries(doc):
            if doc.format == "text" and ref.backlinks:
                continue
            yield self.finding(ctx, _message(doc, ref), ref.span, reference=ref, refs=[ref.key],
                               evidence={"backlinks": ref.backlinks, "format": doc.format})


def uncited_entries(doc: Document) -> list[Reference]:
    """The entries of the reference and notes lists that no marker of the document cites."""
    if not doc.references:
        return []
    ids, keys = _cited_keys(doc)
    return [ref for ref in doc.references if id(ref) not in ids and (ref.group, ref.key) not in keys]


def _message(doc: Document, ref: Reference) -> str:
    what = "note" if ref.group else "reference"
    if doc.format == "wikitext":
        return f"{what} {entry_label(ref)} is defined but never cited: cite it or remove it"
    claimed = ""
    if ref.backlinks > 1:
        claimed = f" (the list shows {ref.backlinks} uses, '^ a b…')"
    elif ref.backlinks == 1:
        claimed = " (the list shows one use, '^')"
    return (f"{what} {entry_label(ref)} is not cited anywhere in this copy{claimed}: expected when "
            "only the infobox, a caption or a note cited it and the copy lost those markers")

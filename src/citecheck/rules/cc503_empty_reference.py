"""CC503: a reference or note with no content."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from citecheck.model import Document, Finding, Reference, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.cc501_undefined_reference import entry_label

# What is left of an entry once its backlinks are removed: "^", "^ a b c".
_BACKLINKS = re.compile(r"^\s*\^(?:\s+[a-z]{1,2}\b)*")
_CONTENT = re.compile(r"[^\W_]")


def strip_backlinks(raw: str) -> str:
    """The entry without its leading backlinks ("^ a b")."""
    return _BACKLINKS.sub("", raw, count=1).strip()


def is_empty(ref: Reference) -> bool:
    """True when the entry holds no letter or digit once backlinks are set aside."""
    if ref.is_empty:
        return True
    text = strip_backlinks(ref.raw)
    if text.startswith("a"):  # split only what may be "a b c", not every entry
        letters = text.split()
        if len(letters) >= 2 and "".join(letters) == "abcdefghijklmnopqrstuvwxyz"[:len(letters)]:
            return True  # "a b c": the backlinks of an entry whose text is missing
    return _CONTENT.search(text) is None


class EmptyReference(Rule):
    """A reference or note with no content.

    Flags entries of the reference or notes list that hold nothing but punctuation or
    backlinks ("4. ^" in a copied page), and ``<ref></ref>`` / ``<ref name="x"> </ref>``
    definitions with an empty body in wikitext.

    Why: every marker pointing to an empty entry looks cited but supports nothing; an empty
    note hides whatever explanation the article meant to give.

    What to do: restore the text of the reference or note from the page history, or remove
    the entry and its markers.
    """

    code = "CC503"
    name = "empty-reference"
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        uses_of: Counter[int] | None = None
        for ref in doc.references:
            if not is_empty(ref) or _source_has_content(doc, ref):
                continue
            if uses_of is None:  # one pass over the citations, not one per empty reference
                uses_of = Counter(id(c.reference) for c in doc.citations if c.reference is not None)
            what = "note" if ref.group else "reference"
            uses = uses_of[id(ref)]
            cited = f", yet {uses} marker{'s' if uses != 1 else ''} in the text point{'s' if uses == 1 else ''} to it" if uses else ""
            yield self.finding(
                ctx,
                f"{what} {entry_label(ref)} has no content{cited}",
                ref.span,
                reference=ref,
                refs=[ref.key],
                evidence={"uses": uses},
            )


def _source_has_content(doc: Document, ref: Reference) -> bool:
    """The entry's own source holds text the parser set aside (style sheets that leaked into
    a copy, ".mw-parser-output cite.citation{…}"): not an empty reference, a damaged one."""
    source = doc.source[ref.span.start:ref.span.end]
    return "mw-parser-output" in source or len(_CONTENT.findall(source)) > 40

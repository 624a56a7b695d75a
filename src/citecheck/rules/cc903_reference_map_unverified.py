"""CC903: a plain-text copy whose citation markers cannot be matched to its list entries."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity, Span
from citecheck.rules.base import Rule, RuleContext


class ReferenceMapUnverified(Rule):
    """A plain-text copy whose markers and list entries cannot be reconciled from the backlinks.

    A rendered reference list prints a backlink for every use of an entry ("^ a b" for two
    uses), so a copy carries its own proof of which ``[n]`` marker means which entry: an
    entry printed with two backlinks must be cited exactly twice. citecheck numbers the
    entries as the page had them (dropping what a text dump splits off an entry: the
    citation style sheet, access icons, the text after an ISBN link) and checks every entry
    with backlinks. Fewer markers than backlinks is common and harmless (infobox cells and
    captions lose their markers in a copy); markers beyond the backlinks mean a marker
    resolves to the wrong entry. The map is unverified when more than two entries, and more
    than 5 % of those checked, are cited beyond their backlinks, or when fewer than half the
    entries of a list of eight or more are cited as often as their backlinks say (the
    markers were read against the wrong list). Then this rule reports it, and the findings
    that rest on the map (which source supports which claim, which entries are unused or
    undefined) are withheld for the file rather than reported on a wrong map.

    The JSON report gives the check for every plain-text file as ``mapping_check``
    (``checked``, ``agreeing``, ``over_cited``, ``verified``).

    Why: a finding about the wrong source is worse than none; an editor must be able to
    trust that "[6]" is the entry citecheck read.

    What to do: copy the page again (the whole page, from a rendered view), or lint its
    wikitext or HTML, which carry the map exactly.
    """

    code = "CC903"
    name = "reference-map-unverified"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for diag in doc.diagnostics:
            if diag.kind != "reference-map-unverified":
                continue
            withheld = ", ".join(doc.metadata.get("withheld_rules", ())) or "none"
            examples = ", ".join(f"[{key}]" for key in diag.examples[:5])
            message = (f"{diag.message} (e.g. {examples}); findings withheld for this file: {withheld}")
            yield self.finding(ctx, message, diag.span or Span(0, min(1, len(doc.source))),
                               evidence={"over_cited": diag.count, "examples": diag.examples,
                                         **doc.metadata.get("mapping_check", {})})

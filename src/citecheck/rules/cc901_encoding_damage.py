"""CC901: the input text was damaged by a wrong encoding somewhere upstream."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity, Span
from citecheck.rules.base import Rule, RuleContext

DAMAGE_KINDS = ("encoding-damage", "invalid-encoding", "nul-bytes", "legacy-encoding")


class EncodingDamage(Rule):
    """Mojibake, replacement characters or NUL bytes in the input.

    Reports once per document what the reader found while decoding: text garbled by a
    wrong decoding upstream ("F邦zuli", "每" for a dash, "?" for letters), invalid byte
    sequences replaced with U+FFFD, NUL bytes, or a file that was not UTF-8 at all. The
    message gives the count and a few examples; linting continues on the text as decoded.

    Why: names, dates and quotes in damaged text may be wrong, so matches against sources
    and date checks may miss; damaged names also hide outlets from the party registries.

    What to do: get a clean copy of the page (save it as UTF-8), or repair the damaged
    words before relying on the other findings.
    """

    code = "CC901"
    name = "encoding-damage"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        found = [d for d in doc.diagnostics if d.kind in DAMAGE_KINDS]
        if not found:
            return
        parts = []
        examples: list[str] = []
        for diag in found:
            shown = list(dict.fromkeys(e for e in diag.examples if e not in examples))[:5]
            examples.extend(shown)
            if not shown:
                parts.append(diag.message)
            elif diag.kind == "invalid-encoding":
                parts.append(f"{diag.message} (bytes {', '.join(shown)})")
            else:
                parts.append(f"{diag.message} (e.g. {', '.join(repr(e) for e in shown)})")
        message = "; ".join(parts) + ": names, dates and quotes may be wrong"
        spans = [d.span for d in found if d.span is not None]
        span = _word_span(doc.source, min(spans, key=lambda s: s.start)) if spans else Span(0, min(1, len(doc.source)))
        yield self.finding(
            ctx,
            message,
            span,
            evidence={
                "kinds": [d.kind for d in found],
                "count": sum(d.count for d in found),
                "examples": examples[:10],
            },
        )


def _word_span(source: str, span: Span) -> Span:
    """The whitespace-delimited word around the first damaged place, so the excerpt shows it."""
    start, end = span.start, max(span.end, span.start + 1)
    while start > 0 and span.start - start < 30 and not source[start - 1].isspace():
        start -= 1
    while end < len(source) and end - span.end < 30 and not source[end].isspace():
        end += 1
    return Span(start, min(end, len(source)))

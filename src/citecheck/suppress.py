"""Inline suppression comments: reading them from a source and applying them to findings.

An editor silences a finding where it occurs, in the article source (DESIGN.md §8):

    The raid killed 40 people. <!-- citecheck: ignore=CC101 reason="figure is in the infobox" -->
    <!-- citecheck: disable=CC3 --> … <!-- citecheck: enable=CC3 -->

``ignore`` covers the statement (or reference) the comment follows or sits in; ``disable``
covers everything up to the matching ``enable`` (or the end). Codes may be exact codes,
prefixes ("CC3") or rule names. Suppressions that silenced nothing are reported as CC902,
but only when every rule they name actually ran, so ``--select`` never produces a false
"unused". ``scan_comments`` works on any source with ``<!-- -->`` comments, HTML included.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from citecheck.model import Diagnostic, Document, Finding, Span, Suppression

_DIRECTIVE = re.compile(
    r"^\s*citecheck\s*:\s*(?P<action>ignore|disable|enable)\s*=\s*(?P<codes>[\w\s,-]+?)"
    r"(?:\s+reason\s*=\s*(?:\"(?P<reason>[^\"]*)\"|'(?P<reason2>[^']*)'))?\s*$",
    re.I | re.S,
)
_CODE = re.compile(r"^(?:CC\d{0,3}|[a-z][a-z0-9-]*)$", re.I)
# More directives than any article needs: the rest are reported, not read (bounded work).
MAX_DIRECTIVES = 5000
# Where the list of codes that ran is left for CC902.
RULES_RUN_KEY = "rules_run"


@dataclass(frozen=True)
class Directive:
    """One parsed ``citecheck:`` comment."""

    action: str  # "ignore" | "disable" | "enable"
    codes: tuple[str, ...]
    reason: str
    span: Span


def scan_comments(source: str) -> Iterator[tuple[Span, str]]:
    """Every ``<!-- … -->`` comment in ``source``: its span and its body, in one linear pass.

    An unterminated comment runs to the end of the source, as in MediaWiki and HTML.
    """
    pos = 0
    while True:
        start = source.find("<!--", pos)
        if start < 0:
            return
        close = source.find("-->", start + 4)
        end = len(source) if close < 0 else close + 3
        yield Span(start, end), source[start + 4 : close if close >= 0 else end]
        pos = end


def parse_directive(body: str, span: Span) -> Directive | None:
    """The directive in a comment body, or None when the comment is not one of ours."""
    match = _DIRECTIVE.match(body)
    if match is None:
        return None
    codes = tuple(_normalize_code(c) for c in re.split(r"[\s,]+", match.group("codes")) if c)
    if not codes or not all(_CODE.match(c) for c in codes):
        return None
    reason = match.group("reason") or match.group("reason2") or ""
    return Directive(match.group("action").lower(), codes, reason, span)


def _normalize_code(code: str) -> str:
    code = code.strip()
    return code.upper() if code[:2].lower() == "cc" and code[2:].isdigit() or code.lower() == "cc" else code.lower()


def collect(doc: Document, comments: Iterable[tuple[Span, str]]) -> list[Suppression]:
    """Suppressions for a parsed document from its comments (span, body).

    Call after the document's statements and references exist: an ``ignore`` attaches to the
    innermost statement or reference containing the comment, else to the last statement
    ending before it.
    """
    directives = [d for span, body in comments if (d := parse_directive(body, span)) is not None]
    if not directives:
        return []
    if len(directives) > MAX_DIRECTIVES:
        doc.diagnostics.append(Diagnostic(
            kind="suppressions-truncated",
            message=(f"{len(directives)} citecheck comments; only the first {MAX_DIRECTIVES} are read"),
            span=directives[MAX_DIRECTIVES].span, count=len(directives) - MAX_DIRECTIVES))
        directives = directives[:MAX_DIRECTIVES]
    targets = _Targets(doc)
    suppressions: list[Suppression] = []
    open_ranges: list[Directive] = []
    end_of_doc = len(doc.source)
    for directive in directives:
        if directive.action == "ignore":
            target = targets.target(directive.span)
            if target is not None:
                suppressions.append(Suppression(codes=directive.codes, span=directive.span,
                                                applies_to=target, reason=directive.reason))
        elif directive.action == "disable":
            open_ranges.append(directive)
        else:
            still_open = []
            for opened in open_ranges:
                closed = tuple(c for c in opened.codes if any(_matches(c, e) for e in directive.codes))
                if closed:
                    suppressions.append(Suppression(
                        codes=closed, span=opened.span,
                        applies_to=Span(opened.span.end, directive.span.start), reason=opened.reason))
                remaining = tuple(c for c in opened.codes if c not in closed)
                if remaining:
                    still_open.append(Directive("disable", remaining, opened.reason, opened.span))
            open_ranges = still_open
    for opened in open_ranges:
        suppressions.append(Suppression(codes=opened.codes, span=opened.span,
                                        applies_to=Span(opened.span.end, end_of_doc), reason=opened.reason))
    suppressions.sort(key=lambda s: s.span.start)
    return suppressions


def _matches(code: str, selector: str) -> bool:
    """Whether ``selector`` (code, prefix or name) covers ``code``."""
    return code.upper().startswith(selector.upper()) if selector[:2].upper() == "CC" else code == selector


class _Targets:
    """Statements and references by start offset, to find what a comment follows in log time."""

    # Statements barely nest, so the answer is among the last few starting before the comment.
    WINDOW = 8

    def __init__(self, doc: Document) -> None:
        self.statements = sorted((s.span for s in doc.statements), key=lambda span: span.start)
        self.statement_starts = [span.start for span in self.statements]
        self.references = sorted((r.span for r in doc.references), key=lambda span: span.start)
        self.reference_starts = [span.start for span in self.references]

    def target(self, comment: Span) -> Span | None:
        """The innermost reference containing the comment, the statement containing it, or the
        last statement ending before it."""
        index = bisect.bisect_right(self.reference_starts, comment.start)
        inner: Span | None = None
        for span in self.references[max(0, index - self.WINDOW):index]:
            if comment.end <= span.end and (inner is None or len(span) < len(inner)):
                inner = span
        if inner is not None:
            return inner
        index = bisect.bisect_right(self.statement_starts, comment.start)
        before: Span | None = None
        for span in reversed(self.statements[max(0, index - self.WINDOW):index]):
            if comment.start < span.end:
                return span
            if before is None or span.end > before.end:
                before = span
        return before


def covers(suppression: Suppression, finding: Finding) -> bool:
    """Whether a suppression silences a finding: a matching code and a span starting inside."""
    start = finding.span.start
    inside = suppression.applies_to.start <= start < suppression.applies_to.end or (
        start == suppression.applies_to.start)
    if not inside:
        return False
    return any(_code_matches(finding, code) for code in suppression.codes)


def _code_matches(finding: Finding, code: str) -> bool:
    if code[:2].upper() == "CC":
        return finding.code.upper().startswith(code.upper())
    return finding.name == code


def apply(doc: Document, findings: Sequence[Finding], rules_run: Iterable[object]) -> list[Finding]:
    """Drop the findings a suppression covers and mark those suppressions used.

    ``rules_run`` (rule classes) is recorded on the document so that CC902 can tell an
    unused suppression from one whose rules were not selected.
    """
    doc.metadata[RULES_RUN_KEY] = _codes_and_names(tuple(rules_run))
    if not doc.suppressions:
        return list(findings)
    order = sorted(range(len(findings)), key=lambda i: findings[i].span.start)
    starts = [findings[i].span.start for i in order]
    silenced: set[int] = set()
    for suppression in doc.suppressions:
        scope = suppression.applies_to
        low = bisect.bisect_left(starts, scope.start)
        high = bisect.bisect_left(starts, max(scope.end, scope.start + 1))
        for k in range(low, high):
            if covers(suppression, findings[order[k]]):
                suppression.used = True
                silenced.add(order[k])
    return [finding for i, finding in enumerate(findings) if i not in silenced]


@functools.lru_cache(maxsize=64)
def _codes_and_names(rules_run: tuple[object, ...]) -> tuple[tuple[str, str], ...]:
    """(code, name) of each rule run, worked out once per selection: asked twice per document."""
    return tuple((getattr(rule, "code", ""), getattr(rule, "name", "")) for rule in rules_run)


def unused(doc: Document) -> list[tuple[Suppression, str]]:
    """Suppressions that silenced nothing although every rule they name ran, with the reason.

    A selector naming no rule at all is always reported; a prefix counts as run only when
    every rule it covers ran (``--select CC301`` says nothing about a ``disable=CC3``).
    """
    from citecheck.rules import RULES

    ran = {code for code, _ in doc.metadata.get(RULES_RUN_KEY, ())}
    result = []
    for suppression in doc.suppressions:
        if suppression.used:
            continue
        unknown = [c for c in suppression.codes if not any(_selector_covers(c, r.code, r.name) for r in RULES)]
        if unknown:
            result.append((suppression, f"names no rule: {', '.join(unknown)}"))
            continue
        if all(r.code in ran for c in suppression.codes for r in RULES if _selector_covers(c, r.code, r.name)):
            result.append((suppression, "suppressed nothing"))
    return result


def _selector_covers(selector: str, rule_code: str, rule_name: str) -> bool:
    if selector[:2].upper() == "CC":
        return rule_code.upper().startswith(selector.upper())
    return selector == rule_name

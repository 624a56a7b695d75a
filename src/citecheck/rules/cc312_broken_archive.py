"""CC312 broken-archive: the recorded archive copy does not load or is itself an error page."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.rules.base import Rule, RuleContext


class BrokenArchive(Rule):
    """The recorded archive URL fails (404/410, no such host) or the snapshot is itself an error page.

    With ``--online`` every ``archive-url`` (and every cited URL that is itself an archive
    copy) is fetched: Wayback Machine, archive.today, WebCite, Ghostarchive, the UK Web
    Archive, the Library of Congress web archive and arquivo.pt are recognised. A snapshot is
    broken when the archive answers 404/410, when its host no longer exists, when the
    snapshot captured a redirect to the site's front page or to an error page, or when the
    captured page is titled "404" / "Page not found". A reader who follows such an archive
    link finds nothing, and the citation looks preserved when it is not.

    Fix: pick another snapshot of the same URL (CC313 suggests one when the original is
    gone), or archive the source again while it is still live. Failures that prove nothing
    (timeouts, 403, 429, server errors) are not reported.
    """

    code = "CC312"
    name = "broken-archive"
    severity = Severity.ERROR
    network = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        checker = ctx.http
        if checker is None:
            return
        seen: set[tuple[str, str]] = set()
        for ref in doc.references:
            for field in ("archive_url", "url"):
                url = ref.get(field).strip()
                if not url or (ref.key, url) in seen:
                    continue
                verdict = checker.verdict(url)
                if verdict is None or not verdict.dead or "archive" not in verdict.evidence:
                    continue
                seen.add((ref.key, url))
                what = "archive copy" if field == "archive_url" else "cited archive copy"
                yield self.finding(
                    ctx,
                    f"{ref.label} {what} is broken ({_describe(verdict.reason)}): {url}",
                    ref.span,
                    reference=ref,
                    refs=[ref.key],
                    evidence=dict(verdict.as_evidence(), field=field, fingerprint_key=url),
                )


def _describe(reason: str) -> str:
    return {
        "404": "the archive answers 404 Not Found",
        "410": "the archive answers 410 Gone",
        "nxdomain": "the archive's host name does not exist",
        "snapshot-of-redirect-to-root": "the snapshot captured a redirect to the site's front page",
        "snapshot-of-error-page": "the snapshot captured a redirect to an error page",
        "error-page": "the snapshot is an error page",
    }.get(reason, reason)

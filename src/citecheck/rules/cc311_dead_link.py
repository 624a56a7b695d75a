"""CC311 dead-link: a cited URL is dead online and the reference records no archive copy."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.rules.base import Option, Rule, RuleContext


def _positive_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"expected a whole number of at least 1, got {value!r}")
    return value


def _non_negative(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError(f"expected a number of days, at least 0, got {value!r}")
    return float(value)


class DeadLink(Rule):
    """A cited URL is dead (404/410, no such host, soft 404, redirect to the site root) and no archive is recorded.

    With ``--online`` every cited URL is checked (HEAD, then GET when needed, politely and
    with a cache). A link is called dead only on conclusive evidence: a 404 or 410, a host
    name that does not exist, a redirect to the site's front page or to an error page, or a
    "soft 404" — a page the host serves identically for a deliberately nonexistent URL.
    Timeouts, 401/403/429, server errors and TLS failures are never reported here.

    Sites go down for a day, so one run never calls a link dead: observations less than a
    day apart count as one (a HEAD and a GET, a rerun with ``--refresh``, every run during
    one outage), and a link seen failing in one such window is reported at info as not yet
    confirmed. Seen dead again on a later day, it is a warning ("dead on 2 checks"); once
    the cache holds enough dead observations spread over enough days (3 over 3 days by
    default) the finding becomes an error, so a CI job failing on errors fails only on
    confirmed rot.

    Fix: add an archive copy (``archive-url``/``archive-date``, ``url-status=dead``; CC313
    suggests a Wayback snapshot), or replace the source. References already marked dead
    (``url-status=dead``, ``{{dead link}}``) are left to CC301.
    """

    code = "CC311"
    name = "dead-link"
    severity = Severity.ERROR
    network = True
    options = (
        Option("confirm_checks", 3, "dead observations needed before the link counts as confirmed dead",
               _positive_int),
        Option("confirm_days", 3.0, "days the dead observations must span to confirm", _non_negative),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        checker = ctx.http
        if checker is None:
            return
        from citecheck.net.linkcheck import marked_dead

        for ref in doc.references:
            url = ref.get("url").strip()
            if not url or ref.get("archive_url").strip() or ref.has_webarchive or marked_dead(ref):
                continue
            verdict = checker.verdict(url)
            if verdict is None or not verdict.dead or "archive" in verdict.evidence:
                continue  # a cited archive copy that fails is CC312's
            count, span = checker.dead_streak(url)
            count = max(count, 1)
            confirmed = count >= ctx.options["confirm_checks"] and span >= ctx.options["confirm_days"]
            why = _describe(verdict.reason)
            if count == 1:
                message = (f"{ref.label} link failed ({why}) on one check: {url} — not confirmed yet, "
                           "check again on a later day; no archive copy recorded")
                severity = Severity.INFO
            else:
                days = f"{span:.0f} day{'s' if round(span) != 1 else ''}"
                status = f"confirmed dead on {count} checks over {days}" if confirmed else \
                    f"dead on {count} checks over {days}; confirm later"
                message = f"{ref.label} link is dead ({why}): {url} — {status}; no archive copy recorded"
                severity = Severity.ERROR if confirmed else Severity.WARNING
            yield self.finding(
                ctx,
                message,
                ref.span,
                reference=ref,
                refs=[ref.key],
                evidence=dict(verdict.as_evidence(), dead_checks=count, dead_days=round(span, 2),
                              confirmed=confirmed, fingerprint_key=url),
                severity=severity,
            )


def _describe(reason: str) -> str:
    return {
        "404": "HTTP 404 Not Found",
        "410": "HTTP 410 Gone",
        "nxdomain": "the host name does not exist",
        "redirect-to-root": "redirects to the site's front page",
        "redirect-to-error-page": "redirects to an error page",
        "soft-404": "the page is the site's 'not found' page",
    }.get(reason, reason)

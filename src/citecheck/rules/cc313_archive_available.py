"""CC313 archive-available: a dead or unarchived cited URL has a Wayback snapshot to add."""

from __future__ import annotations

from typing import Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.rules.base import Rule, RuleContext


class ArchiveAvailable(Rule):
    """A dead or unarchived cited URL has a Wayback Machine snapshot; the message gives it.

    With ``--online``, for every cited URL with no archive copy recorded, the Wayback
    Machine is asked for the capture closest before the access date (else the publication
    date) with status 200, or failing that the closest one after. The message and the JSON
    ``evidence`` carry the snapshot URL and timestamp, so an editor can paste them into
    ``archive-url`` and ``archive-date``. Links that are already dead are looked up most
    thoroughly (the CDX index is asked when the availability API has nothing).

    This is information, not a fault: archiving a live source protects it against rot.
    """

    code = "CC313"
    name = "archive-available"
    severity = Severity.INFO
    network = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        checker = ctx.http
        if checker is None:
            return
        from citecheck.net.linkcheck import is_checkable, wanted_timestamp
        from citecheck.net.wayback import archive_kind

        for ref in doc.references:
            url = ref.get("url").strip()
            if not is_checkable(url) or archive_kind(url) or ref.get("archive_url").strip():
                continue
            snapshot = checker.snapshot(url, wanted_timestamp(ref))
            if snapshot is None:
                continue
            verdict = checker.verdict(url)
            state = "unarchived link"
            if verdict is not None and verdict.dead:
                # As in CC311: one run's failure is not yet a dead link.
                state = "dead link" if checker.dead_streak(url)[0] > 1 else "link that failed on one check"
            yield self.finding(
                ctx,
                f"{ref.label} {state} has a Wayback snapshot from {snapshot.date}: "
                f"archive-url={snapshot.url} archive-date={snapshot.date}",
                ref.span,
                reference=ref,
                refs=[ref.key],
                evidence={"url": url, "archive_url": snapshot.url, "archive_timestamp": snapshot.timestamp,
                          "archive_date": snapshot.date, "source": snapshot.source,
                          "verdict": verdict.verdict if verdict is not None else "", "fingerprint_key": url},
            )

"""CC902: a suppression comment in the source silenced no finding."""

from __future__ import annotations

from typing import ClassVar, Iterator

from citecheck.model import Document, Finding, Severity
from citecheck.rules.base import Rule, RuleContext


class UnusedSuppression(Rule):
    """A ``<!-- citecheck: ignore=… -->`` or ``disable=…`` comment that suppressed nothing.

    Flags an inline suppression whose rules ran and found nothing to silence where it
    applies, and one that names no existing rule. A suppression naming a rule that did not
    run (left out by ``--select``/``--ignore``, or a network rule without ``--online``) is
    never reported: nobody can tell whether it is still needed.

    Why: a stale suppression hides the next real problem at that place, and a misspelt code
    silences nothing while looking as if it did.

    What to do: delete the comment, or correct the code it names. An ``ignore`` belongs
    right after the statement (or inside the reference) it is about.
    """

    code = "CC902"
    name = "unused-suppression"
    severity = Severity.WARNING
    # Runs once the other rules' findings have been matched against the suppressions.
    after_suppressions: ClassVar[bool] = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        from citecheck.suppress import unused

        for suppression, why in unused(doc):
            codes = ",".join(suppression.codes)
            yield self.finding(
                ctx,
                f"suppression of {codes} {why}",
                suppression.span,
                evidence={"codes": list(suppression.codes), "reason": suppression.reason,
                          "fingerprint_key": codes},
            )

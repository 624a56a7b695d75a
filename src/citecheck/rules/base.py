"""What every rule is made of: its identity, its options, and the context it runs in.

A rule is a class with a code, a kebab-case name, a default severity, documented options
and a ``check`` generator. Rules are pure functions of the Document and the RuleContext:
they never read files, parse markup or print; the driver does that.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, ClassVar, Iterable, Iterator

from citecheck.model import Document, Finding, Reference, Severity, Span, Statement


@dataclass(frozen=True)
class Option:
    """A per-rule setting with its default and a one-line explanation."""

    name: str
    default: Any
    help: str
    # Converts and validates a configured value; raises ValueError with a reason.
    convert: Callable[[Any], Any] | None = None

    def coerce(self, value: Any) -> Any:
        if self.convert is not None:
            return self.convert(value)
        expected = type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ValueError(f"expected {expected.__name__}, got {type(value).__name__}")
        return value


@dataclass
class RuleContext:
    """What the driver hands a rule besides the document."""

    options: dict[str, Any] = field(default_factory=dict)
    revision_date: date | None = None
    # Loaded data from the top-level rules/ folder (conflict definition, lexicons).
    conflict: Any = None
    lexicons: dict[str, Any] = field(default_factory=dict)
    # The shared HTTP link checker, only for rules with network = True and only with --online.
    http: Any = None
    severity: Severity | None = None  # configured override of the rule's default


class Rule:
    """Base class. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    options: ClassVar[tuple[Option, ...]] = ()
    network: ClassVar[bool] = False
    # Rules that read which reference a citation resolves to: withheld on a plain-text copy
    # whose marker map its backlinks do not confirm (CC903).
    uses_reference_map: ClassVar[bool] = False
    # Rules whose findings depend on the revision date (or the day of the run when there is
    # none): a full history reuses the other rules' findings on a reverted-to text (history.py).
    uses_revision_date: ClassVar[bool] = False

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring: what the rule flags."""
        return cls.doc().split("\n", 1)[0].strip()

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def option_defaults(cls) -> dict[str, Any]:
        return {opt.name: opt.default for opt in cls.options}

    def finding(
        self,
        ctx: RuleContext,
        message: str,
        span: Span,
        *,
        statement: Statement | None = None,
        reference: Reference | None = None,
        refs: Iterable[str] = (),
        evidence: dict[str, Any] | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Build a Finding of this rule, honouring a configured severity override."""
        return Finding(
            code=self.code,
            name=self.name,
            severity=ctx.severity or severity or self.severity,
            message=message,
            span=span,
            statement=statement,
            reference=reference,
            refs=list(refs),
            evidence=dict(evidence or {}),
        )

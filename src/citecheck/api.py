"""The public API: lint a text or a file and get a Result; the CLI is a thin layer over this."""

from __future__ import annotations

import functools
import re

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from citecheck.config import ConfigError, Settings
from citecheck.data import rule_data
from citecheck.io import decode, detect_mojibake, read_path
from citecheck.model import Diagnostic, Document, Finding
from citecheck import parsers
from citecheck.revision import resolve_revision_date
from citecheck.rules import Rule, RuleContext, select_rules
from citecheck.suppress import apply as apply_suppressions


@dataclass
class Result:
    """The outcome of linting one input."""

    path: str
    document: Document
    findings: list[Finding] = field(default_factory=list)
    encoding: str = "utf-8"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def lint_text(text: str, format: str | None = None, *, path: str = "<string>",
              settings: Settings | None = None,
              before_rules: Callable[[Document], None] | None = None,
              parse: Callable[[str, str, str], Document] | None = None, **options: Any) -> Result:
    """Lint article text. ``options`` are Settings fields (select=["CC1"], as_of=date(...), ...).

    ``before_rules`` lets a caller that knows more than the parser (a dump's revision
    timestamp, a fetched page's title) complete the Document before the rules see it;
    ``parse(text, format, path)`` replaces ``parsers.parse`` (a history reusing the Document
    of a text it has seen).
    """
    settings = _settings(settings, options)
    decoded_diagnostics: list[Diagnostic] = []
    text = _without_lone_surrogates(text)
    if "\x00" in text:
        # Same treatment as bytes input: NULs would silently truncate wikitext parsing.
        decoded = decode(text.encode("utf-8", "surrogatepass"), path)
        text, decoded_diagnostics = decoded.text, decoded.diagnostics
    else:
        damage = detect_mojibake(text)
        decoded_diagnostics = [damage] if damage else []
    return _lint(text, path, settings, format, decoded_diagnostics, "utf-8", before_rules, parse)


def _without_lone_surrogates(text: str) -> str:
    """A lone surrogate (from a caller's own decoding) cannot be written out as UTF-8: each is
    replaced in place, so every offset stays what it was. Only a text holding one fails to
    encode, a test several times cheaper than scanning every text for them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text)
    return text


def lint_path(path: str | Path, format: str | None = None, *,
              settings: Settings | None = None, **options: Any) -> Result:
    """Read, decode and lint a file (``-`` for standard input). Raises InputError, ConfigError."""
    settings = _settings(settings, options)
    decoded = read_path(path, settings.max_bytes)
    return _lint(decoded.text, str(path), settings, format, decoded.diagnostics, decoded.encoding)


def _settings(settings: Settings | None, options: dict[str, Any]) -> Settings:
    settings = settings or Settings()
    try:
        return replace(settings, **options) if options else settings
    except TypeError as exc:
        raise ConfigError(f"unknown option: {exc}") from None


def _lint(text: str, path: str, settings: Settings, format: str | None,
          diagnostics: list[Diagnostic], encoding: str,
          before_rules: Callable[[Document], None] | None = None,
          parse: Callable[[str, str, str], Document] | None = None) -> Result:
    fmt = format or settings.input_format or parsers.detect_format(path, text)
    doc = parse(text, fmt, path) if parse is not None else parsers.parse(text, fmt, path=path)
    doc.diagnostics[:0] = diagnostics
    if before_rules is not None:
        before_rules(doc)
    return Result(path=path, document=doc, findings=run_rules(doc, settings), encoding=encoding)


def run_rules(doc: Document, settings: Settings) -> list[Finding]:
    """Run the selected rules over a parsed document; findings located, filtered and sorted."""
    rules = select_rules(settings.select, settings.ignore, online=settings.online)
    if doc.metadata.get("mapping_check", {}).get("verified") is False:
        doc.metadata["withheld_rules"] = [rule.code for rule in rules if rule.uses_reference_map]
        rules = [rule for rule in rules if not rule.uses_reference_map]
    resolve_revision_date(doc, settings.as_of)
    conflict, lexicons = rule_data(doc, settings)  # the run's data, the conflict chosen for this document
    http = None
    if settings.online and any(rule.network for rule in rules):
        from citecheck.net.linkcheck import prepare_checker  # requests only when online

        http = prepare_checker(doc, settings, [rule.code for rule in rules if rule.network])
    findings: list[Finding] = []
    for rule_class, after_suppressions, defaults in _run_plan(tuple(rules)):
        if after_suppressions:
            findings = apply_suppressions(doc, findings, rules)
        overrides = settings.rule_options.get(rule_class.code)
        ctx = RuleContext(
            options={**defaults, **overrides} if overrides else dict(defaults),
            revision_date=doc.revision_date,
            severity=settings.severity.get(rule_class.code),
            conflict=conflict,
            lexicons=lexicons,
            http=http if rule_class.network else None,
        )
        findings.extend(rule_class().check(doc, ctx))
    findings = apply_suppressions(doc, findings, rules)
    for finding in findings:
        finding.locate(doc)
    findings.sort(key=lambda f: (f.span.start, f.code))
    if settings.baseline:
        from citecheck.baseline import new_findings

        findings = new_findings(findings, settings.baseline)
    return findings


def _after_suppressions(rule: type[Rule]) -> bool:
    return getattr(rule, "after_suppressions", False)


@functools.lru_cache(maxsize=64)
def _run_plan(rules: tuple[type[Rule], ...]) -> tuple[tuple[type[Rule], bool, dict[str, Any]], ...]:
    """Each rule in run order, with whether it reports on suppressions and its default options
    (every document's context starts from them). Rules that report on suppressions (CC902)
    run last, after the others' findings are filtered. Worked out once per selection rather
    than for every document."""
    return tuple((rule, _after_suppressions(rule), rule.option_defaults())
                 for rule in sorted(rules, key=_after_suppressions))

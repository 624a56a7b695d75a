"""SARIF 2.1.0 output for code-scanning dashboards: one rule entry per code, one result per finding.

Regions use 1-based lines and columns counted in Unicode code points (``columnKind``), with an
exclusive end column, as citecheck's findings do. ``partialFingerprints`` carries the baseline
fingerprint, which hashes the code and the normalised text (never the position), so a
dashboard keeps tracking a finding when the text around it moves.
"""

from __future__ import annotations

import re
from pathlib import PurePath, PureWindowsPath
from typing import TYPE_CHECKING, Any, Sequence, TextIO
from urllib.parse import quote

from citecheck import __version__
from citecheck.model import EXCERPT_LIMIT, Finding, Severity
from citecheck.report import View, plain_text, write_json

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.inputs import InputFailure

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "citecheckFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_URL = re.compile(r"(?:https?|file):", re.I)


def artifact_uri(path: str) -> str:
    """A URI reference for ``path``: URLs as they are, relative paths percent-encoded, stdin named."""
    if path in ("-", "<string>", ""):
        return "stdin"
    if _URL.match(path):
        return path
    if PureWindowsPath(path).drive:
        path = PureWindowsPath(path).as_posix()
    posix = PurePath(path).as_posix()
    encoded = quote(posix, safe="/:")
    return "file://" + encoded if posix.startswith("/") else encoded


def rule_entry(code: str, name: str, severity: Severity | None) -> dict[str, Any]:
    """The reportingDescriptor of one rule, its help text taken from the rule docstring."""
    from citecheck.rules import by_code

    rule = by_code(code)
    entry: dict[str, Any] = {"id": code, "name": name}
    if rule is not None:
        doc = rule.doc()
        summary, _, body = plain_text(doc).partition("\n")
        entry["shortDescription"] = {"text": summary.strip()}
        if body.strip():
            entry["fullDescription"] = {"text": body.strip()}
        entry["help"] = {"text": plain_text(doc), "markdown": f"**{code} {name}**\n\n{doc}"}
        severity = rule.severity
        entry["properties"] = {"tags": [code[:3], "online" if rule.network else "offline"]}
    if severity is not None:
        entry["defaultConfiguration"] = {"level": LEVELS[severity]}
    return entry


def result_entry(f: Finding, rule_index: int, source: str = "") -> dict[str, Any]:
    """One result; ``source`` is the document text, for the region's snippet."""
    region: dict[str, Any] = {
        "startLine": max(f.line, 1), "startColumn": max(f.column, 1),
        "endLine": max(f.end_line, f.line, 1),
        "endColumn": max(f.end_column, 1),
    }
    if region["endLine"] == region["startLine"] and region["endColumn"] < region["startColumn"]:
        region["endColumn"] = region["startColumn"]
    snippet = source[f.span.start:f.span.end]
    # A region as long as a whole long statement goes without its snippet, as excerpts are cut.
    if snippet.strip() and len(snippet) <= EXCERPT_LIMIT:
        region["snippet"] = {"text": snippet}
    entry: dict[str, Any] = {
        "ruleId": f.code, "ruleIndex": rule_index, "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(f.path)}, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
    }
    if "fix" in f.evidence:
        entry["fixes"] = [sarif_fix(f)]
    evidence = {k: v for k, v in f.evidence.items() if k not in ("fingerprint_key", "fix")}
    properties: dict[str, Any] = {}
    if f.excerpt and f.excerpt != snippet:
        properties["excerpt"] = f.excerpt  # the whole statement or reference the finding is about
    if f.refs:
        properties["refs"] = list(f.refs)
    if evidence:
        properties["evidence"] = evidence
    if properties:
        entry["properties"] = properties
    return entry


def sarif_fix(f: Finding) -> dict[str, Any]:
    """The finding's fix (``--fix``/``--diff``) as SARIF replacements of regions of its file."""
    fix = f.evidence["fix"]
    return {
        "description": {"text": fix["description"]},
        "artifactChanges": [{
            "artifactLocation": {"uri": artifact_uri(f.path)},
            "replacements": [{
                "deletedRegion": {"startLine": r["line"], "startColumn": r["column"],
                                  "endLine": r["end_line"], "endColumn": r["end_column"]},
                "insertedContent": {"text": r["text"]},
            } for r in fix["replacements"]],
        }],
    }


def invocation(errors: Sequence["InputFailure"]) -> dict[str, Any]:
    """The run's invocation: each input that could not be linted is an error notification."""
    return {
        "executionSuccessful": not errors,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": failure.message},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(failure.path)}}}]}
            for failure in errors
        ],
    }


def document(results: Sequence["Result"], errors: Sequence["InputFailure"] = ()) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    from citecheck.rules import RULES

    rules: dict[str, dict[str, Any]] = {r.code: rule_entry(r.code, r.name, r.severity) for r in RULES}
    for result in results:
        for f in result.findings:
            if f.code not in rules:
                rules[f.code] = rule_entry(f.code, f.name, None)
    codes = sorted(rules)
    index = {code: i for i, code in enumerate(codes)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "citecheck", "version": __version__, "semanticVersion": __version__,
            "rules": [rules[code] for code in codes],
        }},
        "invocations": [invocation(errors)],
        "columnKind": "unicodeCodePoints",
        "artifacts": [{"location": {"uri": artifact_uri(r.path)}, "sourceLanguage": r.document.format}
                      for r in results],
        "results": [result_entry(f, index[f.code], r.document.source) for r in results for f in r.findings],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False,
           errors: Sequence["InputFailure"] = (), view: View = View()) -> None:
    write_json(document(results, errors), out)

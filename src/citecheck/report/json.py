"""Machine-readable report, schema version 1 (DESIGN.md §7)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence, TextIO

from citecheck import __version__
from citecheck.report import View, summary_counts, write_json

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.inputs import InputFailure
    from citecheck.model import Finding

SCHEMA_VERSION = 1


def finding_record(f: "Finding") -> dict[str, Any]:
    record = {
        "path": f.path, "code": f.code, "name": f.name, "severity": str(f.severity),
        "message": f.message, "line": f.line, "column": f.column, "end_line": f.end_line,
        "end_column": f.end_column, "excerpt": f.excerpt, "refs": list(f.refs),
        "evidence": {k: v for k, v in f.evidence.items() if k not in ("fingerprint_key", "fix")},
        "fingerprint": f.fingerprint,
    }
    if "fix" in f.evidence:
        record["fix"] = f.evidence["fix"]  # --fix / --diff: the edit that resolves it (citecheck.fix)
    return record


def file_record(result: "Result") -> dict[str, Any]:
    doc = result.document
    return {
        "path": result.path, "format": doc.format, "statements": len(doc.statements),
        "references": len([r for r in doc.references if not r.group]),
        "citations": len(doc.citations),
        "revision_date": doc.revision_date.isoformat() if doc.revision_date else None,
        "revision_date_source": doc.revision_date_source or None,
        # Plain text: how many entries' backlinks were checked against the markers (CC903).
        "mapping_check": doc.metadata.get("mapping_check"),
        # Online (CC314): figures verified in their sources, with the sentence that states them,
        # and the figures whose sources could not be read.
        **({"figures": doc.metadata["figure_checks"]} if "figure_checks" in doc.metadata else {}),
    }


def document(results: Sequence["Result"], errors: Sequence["InputFailure"] = ()) -> dict[str, Any]:
    by_code: dict[str, int] = {}
    for result in results:
        for f in result.findings:
            by_code[f.code] = by_code.get(f.code, 0) + 1
    checks = [r.document.metadata["figure_checks"] for r in results if "figure_checks" in r.document.metadata]
    figures = {"verified": sum(len(c["verified"]) for c in checks),
               "not_found": sum(c["not_found"] for c in checks), "unverifiable": sum(c["unverifiable"] for c in checks)}
    return {
        "tool": "citecheck", "version": __version__, "schema": SCHEMA_VERSION,
        "files": [file_record(r) for r in results],
        "findings": [finding_record(f) for r in results for f in r.findings],
        "summary": {**summary_counts(results), "by_code": dict(sorted(by_code.items())),
                    **({"figures": figures} if checks else {})},
        "errors": [{"path": failure.path, "message": failure.message} for failure in errors],
    }


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False,
           errors: Sequence["InputFailure"] = (), view: View = View()) -> None:
    write_json(document(results, errors), out)

"""Baselines: record today's findings so a revision fails only on what it introduced.

A finding's fingerprint hashes its code and normalised statement or reference text, never its
line, so moving paragraphs around changes nothing. Fingerprints are counted, not just collected:
adding a second identical uncited sentence is a new finding even though the first is accepted.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Sequence

from citecheck import __version__
from citecheck.atomic import atomic_write
from citecheck.config import ConfigError
from citecheck.model import Finding

BASELINE_SCHEMA = 1
Entry = dict[str, Any]  # one recorded finding: fingerprint, code, path, excerpt


def write_baseline(findings: Iterable[Finding], path: str | Path, accepted: Sequence[Entry] = ()) -> int:
    """Write the entries ``accepted`` so far plus the fingerprints of ``findings`` to ``path``.

    Returns how many entries were recorded. The file is replaced atomically: a failure leaves
    the old baseline as it was. Raises OSError when ``path`` cannot be written.
    """
    entries = [*accepted, *(
        {"fingerprint": f.fingerprint, "code": f.code, "path": f.path, "excerpt": f.excerpt[:200]}
        for f in findings
    )]
    entries.sort(key=lambda e: (str(e.get("code", "")), e["fingerprint"]))
    document = {"tool": "citecheck", "version": __version__, "schema": BASELINE_SCHEMA, "findings": entries}
    with atomic_write(path) as out:
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return len(entries)


def read_baseline(path: str | Path) -> list[Entry]:
    """The entries of a baseline file; a missing or malformed file is a ConfigError."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ConfigError(f"{path}: not a citecheck baseline: {exc}") from None
    if not isinstance(document, dict) or document.get("tool") != "citecheck" or not isinstance(
        document.get("findings"), list
    ):
        raise ConfigError(f"{path}: not a citecheck baseline (expected the output of --write-baseline)")
    if document.get("schema") != BASELINE_SCHEMA:
        raise ConfigError(f"{path}: baseline schema {document.get('schema')!r} is not supported")
    for entry in document["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ConfigError(f"{path}: malformed baseline entry {entry!r}")
    return document["findings"]


def load_baseline(path: str | Path) -> dict[str, int]:
    """Fingerprint counts from a baseline file; a missing or malformed file is a ConfigError."""
    return dict(Counter(entry["fingerprint"] for entry in read_baseline(path)))


def new_findings(findings: Sequence[Finding], baseline: dict[str, int]) -> list[Finding]:
    """The findings the baseline does not account for (each baseline entry absorbs one finding)."""
    remaining = Counter(baseline)
    fresh = []
    for finding in findings:
        if remaining[finding.fingerprint] > 0:
            remaining[finding.fingerprint] -= 1
        else:
            fresh.append(finding)
    return fresh


def compare(old: Sequence[Finding], new: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(introduced, resolved) between two revisions' findings, matched by fingerprint counts."""
    introduced = new_findings(new, dict(Counter(f.fingerprint for f in old)))
    resolved = new_findings(old, dict(Counter(f.fingerprint for f in new)))
    return introduced, resolved

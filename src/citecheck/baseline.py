"""Baselines: record today's findings so a revision fails only on what it introduced.

A finding's fingerprint hashes its code and normalised statement or reference text, never its
line, so moving paragraphs around changes nothing. Fingerprints are counted, not just collected:
adding a second identical uncited sentence is a new finding even though the first is accepted.

Entries belong to the file they were recorded for: a baseline of one article hides nothing in
another. A file renamed since is recognised by its findings: a path the baseline does not know
takes the entries of a recorded file that no longer exists when it shares at least half of them.
Entries without a path (written by hand) apply to every file.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

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


def path_key(path: str) -> str:
    """A path as baselines compare it: ``./a/../b.wiki``, ``b.wiki`` and its absolute path
    (under the current folder) are one file."""
    if not path:
        return ""
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        path = path if relative.startswith("..") else relative
    return os.path.normpath(path).replace(os.sep, "/")


@dataclass
class Baseline:
    """The accepted findings: fingerprint counts per recorded file, and for every file."""

    by_path: dict[str, Counter[str]] = field(default_factory=dict)
    anywhere: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry]) -> "Baseline":
        by_path: dict[str, Counter[str]] = defaultdict(Counter)
        anywhere: Counter[str] = Counter()
        for entry in entries:
            recorded = entry.get("path")
            if isinstance(recorded, str) and recorded:
                by_path[path_key(recorded)][entry["fingerprint"]] += 1
            else:
                anywhere[entry["fingerprint"]] += 1
        return cls(dict(by_path), anywhere)

    def __bool__(self) -> bool:
        return bool(self.by_path or self.anywhere)

    @property
    def fingerprints(self) -> Counter[str]:
        """Every accepted fingerprint with its count, whatever its file."""
        total = Counter(self.anywhere)
        for counts in self.by_path.values():
            total.update(counts)
        return total

    def accepted(self, path: str, fingerprints: Sequence[str]) -> Counter[str]:
        """What the baseline accepts in the file ``path`` whose findings have ``fingerprints``."""
        key = path_key(path)
        counts = Counter(self.by_path.get(key) or self._renamed(key, fingerprints))
        counts.update(self.anywhere)
        return counts

    def _renamed(self, key: str, fingerprints: Sequence[str]) -> Counter[str]:
        """The entries of the recorded file ``key`` was most likely renamed from, else none."""
        present = Counter(fingerprints)
        best: Counter[str] = Counter()
        best_overlap = 0
        for recorded, counts in self.by_path.items():
            if recorded == key or os.path.exists(recorded):
                continue  # a file that still exists was not renamed
            overlap = sum((counts & present).values())
            if overlap > best_overlap and 2 * overlap >= sum(counts.values()):
                best, best_overlap = counts, overlap
        return best


def load_baseline(path: str | Path) -> Baseline:
    """The accepted findings of a baseline file; a missing or malformed file is a ConfigError."""
    return Baseline.from_entries(read_baseline(path))


def new_findings(findings: Sequence[Finding], baseline: Baseline | Mapping[str, int]) -> list[Finding]:
    """The findings the baseline does not account for (each baseline entry absorbs one finding
    of its own file). Fingerprint counts without paths (``Settings(baseline={...})``) apply to
    every file."""
    if not isinstance(baseline, Baseline):
        baseline = Baseline(anywhere=Counter(baseline))
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    remaining = {path: baseline.accepted(path, [f.fingerprint for f in group])
                 for path, group in by_path.items()}
    return [finding for finding in findings if not _absorbed(remaining[finding.path], finding.fingerprint)]


def _absorbed(remaining: Counter[str], fingerprint: str) -> bool:
    """Whether one accepted entry with ``fingerprint`` is left (and use it up)."""
    if remaining[fingerprint] > 0:
        remaining[fingerprint] -= 1
        return True
    return False


def compare(old: Sequence[Finding], new: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(introduced, resolved) between two revisions' findings, matched by fingerprint counts
    whatever their paths (two revisions of one article)."""
    def unmatched(findings: Sequence[Finding], other: Sequence[Finding]) -> list[Finding]:
        remaining = Counter(f.fingerprint for f in other)
        return [f for f in findings if not _absorbed(remaining, f.fingerprint)]

    return unmatched(new, old), unmatched(old, new)

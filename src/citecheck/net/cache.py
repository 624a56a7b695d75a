"""The link-check cache: every observation of every URL, in one small SQLite file.

It also keeps what the source checks read (CC314): the main text of each cited page or
snapshot, by URL and archive timestamp, so a rerun reads no source twice.

Observations are kept, not overwritten, because a link is called confirmed-dead only after
several dead observations spread over days. A fresh observation (7 days for alive, 1 day
for anything else) answers a check without any request, so a second run over the same
article is silent on the network. A cache that cannot be opened or written (corrupt file,
locked database, read-only disk) is reported once and then bypassed: never fatal. So are
rows another program wrote with the wrong types (a NULL date, a number for a verdict,
JSON that is not an object): such a row is treated as absent, and reported once.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

ALIVE_TTL = 7 * 86400.0
FAILURE_TTL = 1 * 86400.0
VERDICTS = ("alive", "dead", "unknown")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS observations (
    url TEXT NOT NULL,
    checked_at REAL NOT NULL,
    verdict TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS observations_url ON observations (url, checked_at);
CREATE TABLE IF NOT EXISTS snapshots (
    url TEXT NOT NULL,
    wanted TEXT NOT NULL,
    checked_at REAL NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (url, wanted)
);
CREATE TABLE IF NOT EXISTS source_texts (
    url TEXT NOT NULL,
    archived TEXT NOT NULL,
    checked_at REAL NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (url, archived)
);
"""


def default_cache_path() -> Path:
    """$XDG_CACHE_HOME/citecheck/links.sqlite (~/.cache/... when unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "citecheck" / "links.sqlite"


@dataclass(frozen=True)
class Observation:
    """One check of one URL: when, what verdict, and the evidence (status chain, error...)."""

    checked_at: float
    verdict: str
    data: dict[str, Any]


class LinkCache:
    """Thread-safe SQLite store of observations and Wayback answers.

    ``path=None`` keeps everything in memory (``--no-cache``: history within the run only).
    ``warn`` receives a one-line message the first time the file misbehaves.
    """

    def __init__(self, path: str | Path | None, *, warn: Callable[[str], None] | None = None,
                 clock: Callable[[], float] = time.time, alive_ttl: float = ALIVE_TTL,
                 failure_ttl: float = FAILURE_TTL) -> None:
        self.path = str(path) if path is not None else ":memory:"
        self.clock = clock
        self.alive_ttl = alive_ttl
        self.failure_ttl = failure_ttl
        self._warn = warn or (lambda message: None)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self.disabled_reason = ""
        self.malformed_reported = False
        self._open()

    def _open(self) -> None:
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=2.0, check_same_thread=False)
            db.executescript(_SCHEMA)
            db.execute("SELECT count(*) FROM observations").fetchone()
            db.commit()
            self._db = db
        except (sqlite3.Error, OSError) as exc:
            self._disable(exc)

    def _disable(self, exc: BaseException) -> None:
        if not self.disabled_reason:
            self.disabled_reason = f"link cache {self.path} unusable ({exc}); continuing without it"
            self._warn(self.disabled_reason)
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    @property
    def usable(self) -> bool:
        return self._db is not None

    def _run(self, sql: str, params: tuple[Any, ...] | list[tuple[Any, ...]], *, write: bool = False,
             many: bool = False) -> list[tuple[Any, ...]]:
        """``sql`` with ``params`` (``many``: once per tuple of the list), in one transaction."""
        with self._lock:
            if self._db is None:
                return []
            try:
                cursor = self._db.executemany(sql, params) if many else self._db.execute(sql, params)
                rows = cursor.fetchall()
                if write:
                    self._db.commit()
                return rows
            except sqlite3.Error as exc:
                self._disable(exc)
                return []

    def history(self, url: str) -> list[Observation]:
        """All well-formed observations of ``url``, oldest first."""
        rows = self._run("SELECT checked_at, verdict, data FROM observations WHERE url = ? ORDER BY checked_at",
                         (url,))
        found = [self._observation(row) for row in rows]
        return [obs for obs in found if obs is not None]

    def fresh(self, url: str) -> Observation | None:
        """The latest observation if it has not expired, else None."""
        history = self.history(url)
        if not history:
            return None
        latest = history[-1]
        ttl = self.alive_ttl if latest.verdict == "alive" else self.failure_ttl
        return latest if self.clock() - latest.checked_at < ttl else None

    def _observation(self, row: tuple[Any, ...]) -> Observation | None:
        at, verdict, data = row
        answer = _loads(data)
        if not _is_time(at) or verdict not in VERDICTS or answer is None:
            self._malformed()
            return None
        return Observation(float(at), verdict, answer)

    def _malformed(self) -> None:
        if not self.malformed_reported:
            self.malformed_reported = True
            self._warn(f"link cache {self.path} has malformed rows; they are ignored")

    def record(self, url: str, verdict: str, data: dict[str, Any], at: float | None = None) -> None:
        self.record_many([(url, verdict, data, self.clock() if at is None else at)])

    def record_many(self, observations: list[tuple[str, str, dict[str, Any], float]]) -> None:
        """(url, verdict, data, checked_at) observations in one commit: a commit waits for the
        disk, too long to wait once for every URL of a run."""
        self._run("INSERT INTO observations (url, checked_at, verdict, data) VALUES (?, ?, ?, ?)",
                  [(url, at, verdict, json.dumps(data, sort_keys=True)) for url, verdict, data, at in observations],
                  write=True, many=True)

    def snapshot(self, url: str, wanted: str) -> dict[str, Any] | None:
        """A cached Wayback answer for (url, wanted date), if fresh; ``{}`` means "none found"."""
        row = self._stored("SELECT checked_at, data FROM snapshots WHERE url = ? AND wanted = ?", (url, wanted))
        if row is None:
            return None
        at, answer = row
        ttl = self.alive_ttl if answer else self.failure_ttl
        return answer if self.clock() - at < ttl else None

    def _stored(self, sql: str, params: tuple[Any, ...]) -> tuple[float, dict[str, Any]] | None:
        """(when, JSON object) of the one row ``sql`` selects; None when absent or malformed."""
        rows = self._run(sql, params)
        if not rows:
            return None
        at, data = rows[0]
        answer = _loads(data)
        if not _is_time(at) or answer is None:
            self._malformed()
            return None
        return float(at), answer

    def record_snapshot(self, url: str, wanted: str, answer: dict[str, Any]) -> None:
        self._run("INSERT OR REPLACE INTO snapshots (url, wanted, checked_at, data) VALUES (?, ?, ?, ?)",
                  (url, wanted, self.clock(), json.dumps(answer, sort_keys=True)), write=True)

    def source_text(self, url: str, archived: str) -> dict[str, Any] | None:
        """The cached reading of a cited source (its main text, or why it could not be read).

        ``archived`` is the snapshot timestamp ("" for the live page). A snapshot never
        changes, so its text is kept for good; a live page's text for as long as an alive
        verdict, a failed reading for as long as a failure.
        """
        row = self._stored("SELECT checked_at, data FROM source_texts WHERE url = ? AND archived = ?", (url, archived))
        if row is None:
            return None
        at, answer = row
        if answer.get("state") == "read" and archived:
            return answer
        ttl = self.alive_ttl if answer.get("state") == "read" else self.failure_ttl
        return answer if self.clock() - at < ttl else None

    def record_source_text(self, url: str, archived: str, answer: dict[str, Any]) -> None:
        self._run("INSERT OR REPLACE INTO source_texts (url, archived, checked_at, data) VALUES (?, ?, ?, ?)",
                  (url, archived, self.clock(), json.dumps(answer, sort_keys=True)), write=True)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def _loads(data: Any) -> dict[str, Any] | None:
    """The JSON object stored in ``data``; None when it is anything else."""
    if not isinstance(data, str):
        return None
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _is_time(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)

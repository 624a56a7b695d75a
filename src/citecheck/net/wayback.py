"""Wayback Machine lookups and archive-URL recognition.

Snapshot choice follows what an editor wants to paste: the capture closest *before* the
access date with status 200 (what the cited page looked like when it was read), else the
closest one after. The availability API answers most lookups, in batches by POST; the CDX
API, which archive.org limits to a couple of dozen requests a minute, is only asked when
availability has nothing usable. Both are throttled on their own hosts, and a 429 from
archive.org stops all further archive.org lookups in the run rather than risk a block.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from typing import Any, Iterable
from urllib.parse import urlencode

from citecheck.net.cache import LinkCache
from citecheck.net.http import SOFT404_BODY_CAP, HttpClient

AVAILABILITY_URL = "https://archive.org/wayback/available"
CDX_URL = "https://web.archive.org/cdx/search/cdx"
SNAPSHOT_URL = "https://web.archive.org/web/{timestamp}/{url}"
BATCH_SIZE = 50
# Seconds between requests: CDX allows about 24-30 a minute, availability is more generous.
HOST_INTERVALS = {"web.archive.org/cdx": 2.5, "archive.org": 1.0}

# Archives a reference may point at, recognised by host (and path for the shared hosts).
_ARCHIVES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("wayback", re.compile(r"^https?://(?:web\.|wayback\.|www\.)?archive\.org/(?:web/|wayback/)?\d{4,14}", re.I)),
    ("wayback", re.compile(r"^https?://(?:web\.|wayback\.)archive\.org/", re.I)),
    ("wayback", re.compile(r"^https?://(?:www\.)?archive\.org/web/", re.I)),
    ("archive.today", re.compile(r"^https?://(?:www\.)?archive\.(?:today|is|ph|li|fo|md|vn)/", re.I)),
    ("webcitation", re.compile(r"^https?://(?:www\.)?webcitation\.org/", re.I)),
    ("ghostarchive", re.compile(r"^https?://(?:www\.)?ghostarchive\.org/", re.I)),
    ("ukwa", re.compile(r"^https?://(?:www\.)?webarchive\.org\.uk/", re.I)),
    ("ukwa", re.compile(r"^https?://webarchive\.nationalarchives\.gov\.uk/", re.I)),
    ("loc", re.compile(r"^https?://(?:webarchive|www\.webarchive)\.loc\.gov/", re.I)),
    ("arquivo.pt", re.compile(r"^https?://arquivo\.pt/wayback/", re.I)),
    ("archive-it", re.compile(r"^https?://wayback\.archive-it\.org/", re.I)),
    ("wikiwix", re.compile(r"^https?://archive\.wikiwix\.com/cache/", re.I)),
    ("perma.cc", re.compile(r"^https?://perma\.cc/", re.I)),
)
# Wayback-style replay URLs: host, optional collection path (web/, all/, wayback/archive/),
# a timestamp, an optional replay flag (id_, im_), then the original URL.
_WAYBACK_PARTS = re.compile(
    r"^https?://[^/]+/(?:[^/]+/){0,3}?(?P<ts>\d{4,14})(?:[a-z]{2}_|\*)?/(?P<url>(?:https?:/+)?[^/\s]+\.[^\s]+)$", re.I)


def archive_kind(url: str) -> str | None:
    """Which web archive ``url`` belongs to ("wayback", "archive.today", ...), or None."""
    for kind, pattern in _ARCHIVES:
        if pattern.match(url.strip()):
            return kind
    return None


def wayback_parts(url: str) -> tuple[str, str] | None:
    """(timestamp, original URL) of a Wayback-style snapshot URL, or None."""
    match = _WAYBACK_PARTS.match(url.strip())
    if not match:
        return None
    original = match.group("url")
    if not re.match(r"^[a-z][a-z0-9+.-]*:/", original, re.I):
        original = "http://" + original
    return match.group("ts"), re.sub(r"^(https?:/)(?!/)", r"\1/", original)


@dataclass(frozen=True)
class Snapshot:
    """A suggested archive copy."""

    url: str
    timestamp: str  # 14 digits
    status: str = "200"
    source: str = "availability"  # or "cdx"

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "timestamp": self.timestamp, "status": self.status, "source": self.source}

    @property
    def date(self) -> str:
        ts = self.timestamp
        return f"{ts[:4]}-{ts[4:6]}-{ts[6:8]}" if len(ts) >= 8 else ts


class WaybackClient:
    """Finds snapshots for URLs, batching availability lookups and caching every answer."""

    def __init__(self, client: HttpClient, cache: LinkCache | None = None, *, refresh: bool = False,
                 batch_size: int = BATCH_SIZE) -> None:
        self.client = client
        self.cache = cache
        self.refresh = refresh
        self.batch_size = batch_size
        self.blocked = ""  # set after archive.org refused us: no more lookups this run
        self._batch_ok = True  # whether the batch POST form of the availability API is understood
        self._lock = threading.Lock()
        for host, interval in HOST_INTERVALS.items():
            client.limiter.intervals.setdefault(host, interval)

    def lookup_many(self, items: Iterable[tuple[str, str]], *, cdx_for: Iterable[str] = ()) -> dict[
            tuple[str, str], Snapshot | None]:
        """Snapshots for (url, wanted timestamp) pairs; CDX is asked only for URLs in ``cdx_for``."""
        wanted = list(dict.fromkeys(items))
        cdx_urls = set(cdx_for)
        answers: dict[tuple[str, str], Snapshot | None] = {}
        todo = []
        for item in wanted:
            cached = None if self.refresh or self.cache is None else self.cache.snapshot(*item)
            if cached is not None:
                answers[item] = _from_dict(cached)
                if answers[item] is None and item[0] in cdx_urls and not cached.get("cdx"):
                    todo.append(item)
            else:
                todo.append(item)
        found: dict[tuple[str, str], Snapshot | None] = {}
        for start in range(0, len(todo), self.batch_size):
            found.update(self._availability(todo[start:start + self.batch_size]))
        for item in todo:
            snap = found.get(item)
            asked_cdx = False
            if (snap is None or snap.timestamp > _pad(item[1])) and item[0] in cdx_urls:
                better = self._cdx(*item)
                asked_cdx = True
                if better is not None and (snap is None or better.timestamp <= _pad(item[1])):
                    snap = better
            answers[item] = snap
            if self.cache is not None and not self.blocked:
                record = snap.as_dict() if snap else {}
                if asked_cdx and not snap:
                    record = {"cdx": True}
                self.cache.record_snapshot(item[0], item[1], record)
        return answers

    def _get_json(self, url: str, data: str | None = None) -> Any:
        if self.blocked:
            return None
        form = {"Content-Type": "application/x-www-form-urlencoded"} if data is not None else None
        result = self.client.fetch(url, "POST" if data is not None else "GET", body_cap=SOFT404_BODY_CAP,
                                   data=data, headers=form)
        if result.status == 429 or result.error == "rate-limited":
            with self._lock:
                self.blocked = f"archive.org rate limit ({result.detail or result.status})"
            return None
        if result.error:
            # Unreachable (DNS, timeouts after retries, refused): asking again per URL would
            # only multiply the wait, so lookups stop for this run.
            with self._lock:
                self.blocked = f"archive.org unreachable ({result.error}: {result.detail})"
            return None
        if not result.ok:
            return None
        try:
            return json.loads(result.body.decode("utf-8", "replace"))
        except (ValueError, RecursionError):  # not JSON, or nested deeper than any real answer
            return None

    def _availability(self, batch: list[tuple[str, str]]) -> dict[tuple[str, str], Snapshot | None]:
        """Availability answers for a batch: one POST, or GETs when the POST is not understood."""
        answers: dict[tuple[str, str], Snapshot | None] = {}
        if len(batch) > 1 and self._batch_ok:
            lines = [urlencode({"url": url, "timestamp": _pad(ts), "closest": "before", "statuscodes": "200",
                                "tag": str(i)}) for i, (url, ts) in enumerate(batch)]
            data = self._get_json(AVAILABILITY_URL, "\n".join(lines))
            results = data.get("results") if isinstance(data, dict) else None
            if isinstance(results, list):
                for entry in results:
                    try:
                        item = batch[int(entry.get("tag"))]
                    except (TypeError, ValueError, IndexError, AttributeError):
                        continue
                    answers[item] = _closest(entry)
                for item in batch:
                    answers.setdefault(item, None)
                return answers
            if self.blocked:
                return {item: None for item in batch}
            self._batch_ok = False  # not understood: one URL per request from now on
        for url, ts in batch:
            query = urlencode({"url": url, **({"timestamp": _pad(ts)} if ts else {})})
            data = self._get_json(f"{AVAILABILITY_URL}?{query}")
            answers[(url, ts)] = _closest(data) if isinstance(data, dict) else None
        return answers

    def _cdx(self, url: str, ts: str) -> Snapshot | None:
        """Closest status-200 capture before ``ts``, else the first after, from the CDX API."""
        base = {"url": url, "output": "json", "fl": "timestamp,original,statuscode", "filter": "statuscode:200"}
        queries = [dict(base, to=_pad(ts), limit="-1"), dict(base, limit="1", **{"from": _pad(ts)})] if ts else \
            [dict(base, limit="-1")]
        for params in queries:
            rows = self._get_json(f"{CDX_URL}?{urlencode(params)}")
            if isinstance(rows, list) and len(rows) > 1 and isinstance(rows[-1], list) and len(rows[-1]) >= 2:
                timestamp, original = str(rows[-1][0]), str(rows[-1][1])
                return Snapshot(SNAPSHOT_URL.format(timestamp=timestamp, url=original), timestamp, "200", "cdx")
        return None


def _pad(ts: str) -> str:
    return (ts + "00000000000000")[:14] if ts else "99991231235959"


def _closest(data: Any) -> Snapshot | None:
    snapshots = data.get("archived_snapshots") if isinstance(data, dict) else None
    closest = snapshots.get("closest") if isinstance(snapshots, dict) else None
    if not isinstance(closest, dict) or not closest.get("available", True):
        return None
    status, url, timestamp = str(closest.get("status", "200")), closest.get("url"), closest.get("timestamp")
    if status != "200" or not isinstance(url, str) or not url or not isinstance(timestamp, (str, int)) \
            or not timestamp:
        return None
    return Snapshot(str(url).replace("http://web.archive.org/", "https://web.archive.org/"), str(timestamp))


def _from_dict(data: dict[str, Any]) -> Snapshot | None:
    fields = (data.get("url"), data.get("timestamp"), data.get("status", "200"), data.get("source", "availability"))
    if not all(isinstance(value, str) and value for value in fields):
        return None  # "none found", or a cached answer in some other shape
    return Snapshot(*fields)

"""Reading a cited source: the main text of its page (or PDF), for the figure check (CC314).

A source is read through the run's polite client (address guard, one deadline per URL,
body capped in decoded bytes) from the archive copy when the reference records one or the
live URL is known dead, else from the live page. Wayback snapshots are fetched in their
original form (``id_``), without the archive's toolbar. The main text is extracted with
trafilatura (boilerplate, menus and comments dropped; tables kept), PDF text with pypdf.

A source counts as read only when its whole text was had: a body over the cap, a page
marked paywalled (schema.org ``isAccessibleForFree: false``), a page whose main text is a
few words (a script-rendered shell, a login wall), a file that is neither HTML nor PDF, or
any failure to fetch leaves it *unreadable*, with the reason. Nothing is ever concluded
from an unreadable source. Every reading is cached by URL and archive timestamp.
"""

from __future__ import annotations

import io
import re
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any, TextIO

from citecheck.model import Reference
from citecheck.net.cache import LinkCache
from citecheck.net.http import HttpClient
from citecheck.net.wayback import SNAPSHOT_URL, archive_kind, wayback_parts

SOURCE_CAP = 8 * 1024 * 1024  # decoded bytes of a page or PDF; a larger source is not read
PDF_PAGE_LIMIT = 300
MIN_MAIN_TEXT = 300  # characters: less is a shell, a teaser or a wall, not the article
READ, UNREADABLE = "read", "unreadable"
_PAYWALLED = re.compile(rb"[\"']isAccessibleForFree[\"']\s*:\s*(?:false|[\"']false[\"'])", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_LOOKS_HTML = re.compile(rb"\s*(?:<!doctype\s+html|<html)", re.I)
_LINE_BREAK = re.compile(r"(?<=\S)\n(?=\S)")


@dataclass
class SourceText:
    """One source as read: its text, or why it could not be read."""

    url: str  # the page the reference points to (the original URL)
    read_url: str  # what was fetched: the live URL or an archive copy
    archived: str = ""  # the snapshot timestamp when an archive copy was read
    state: str = UNREADABLE
    text: str = ""
    reason: str = ""

    @property
    def read(self) -> bool:
        return self.state == READ

    def as_cache(self) -> dict[str, Any]:
        return {"read_url": self.read_url, "state": self.state, "text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class Location:
    """Where a reference's source is read from."""

    url: str
    read_url: str
    archived: str


def locate(ref: Reference, checker: Any) -> Location | str:
    """Where to read ``ref``'s source, or why it has no readable copy ("no-url", "dead-no-archive").

    The recorded archive copy first; then, for a link known dead (checked dead this run, or
    marked so), the Wayback snapshot found for it; else the live page.
    """
    from citecheck.net.linkcheck import is_checkable, marked_dead, wanted_timestamp

    url = ref.get("url").strip()
    archive = ref.get("archive_url").strip()
    if archive_kind(url):
        url, archive = "", url
    if is_checkable(archive) and archive_kind(archive):
        return _archived_location(url, archive)
    if not is_checkable(url):
        return "no-url"
    verdict = checker.verdict(url) if checker is not None else None
    if marked_dead(ref) or (verdict is not None and verdict.dead):
        snapshot = checker.snapshot(url, wanted_timestamp(ref)) if checker is not None else None
        if snapshot is None:
            return "dead-no-archive"
        return _archived_location(url, snapshot.url)
    return Location(url, url, "")


def _archived_location(url: str, archive: str) -> Location:
    parts = wayback_parts(archive)
    if parts is None or archive_kind(archive) != "wayback":
        return Location(url or archive, archive, archive)
    timestamp, original = parts
    # The "id_" form returns the page as it was captured, without the replay toolbar.
    return Location(url or original, SNAPSHOT_URL.format(timestamp=f"{timestamp}id_", url=original), timestamp)


@dataclass
class ReadStats:
    """What the figure check found in one run, for the summary line and the JSON report."""

    verified: int = 0
    not_found: int = 0
    unverifiable: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def add_unverifiable(self, reasons: list[str]) -> None:
        self.unverifiable += 1
        for reason in dict.fromkeys(reasons):
            self.reasons[reason] = self.reasons.get(reason, 0) + 1

    def as_dict(self) -> dict[str, Any]:
        return {"verified": self.verified, "not_found": self.not_found, "unverifiable": self.unverifiable,
                "unverifiable_reasons": dict(sorted(self.reasons.items()))}

    def line(self, sources: int) -> str:
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(self.reasons.items(), key=lambda kv: -kv[1]))
        total = self.verified + self.not_found + self.unverifiable
        return (f"citecheck: figures: {total} checked against {sources} source{'s' if sources != 1 else ''}: "
                f"{self.verified} verified, {self.not_found} not found, {self.unverifiable} unverifiable"
                f"{f' ({why})' if why else ''}")


class SourceReader:
    """Reads cited sources once per run (and once per cache lifetime), thread-safe."""

    def __init__(self, client: HttpClient, cache: LinkCache | None = None, *, refresh: bool = False,
                 stream: TextIO | None = None, cap: int = SOURCE_CAP) -> None:
        self.client = client
        self.cache = cache
        self.refresh = refresh
        self.stream = stream
        self.cap = cap
        self._read: dict[tuple[str, str], SourceText] = {}
        self._lock = threading.Lock()

    def read(self, where: Location) -> SourceText:
        """The source at ``where``: from this run, the cache, or the network."""
        key = (where.read_url, where.archived)
        with self._lock:
            known = self._read.get(key)
        if known is not None:
            return known
        cached = None if self.refresh or self.cache is None else self.cache.source_text(*key)
        if cached is not None:
            found = SourceText(where.url, where.read_url, where.archived, str(cached.get("state", UNREADABLE)),
                               str(cached.get("text", "")), str(cached.get("reason", "")))
        else:
            found = self._fetch(where)
            if self.cache is not None:
                self.cache.record_source_text(where.read_url, where.archived, found.as_cache())
        with self._lock:
            self._read[key] = found
        return found

    def _fetch(self, where: Location) -> SourceText:
        found = SourceText(where.url, where.read_url, where.archived)
        result = self.client.fetch(where.read_url, "GET", body_cap=self.cap)
        if result.error:
            found.reason = result.error
        elif not result.ok:
            found.reason = f"HTTP {result.status}"
        elif result.truncated:
            found.reason = "too-big"
        else:
            content_type = result.headers.get("content-type", "").split(";")[0].strip().lower()
            found.text, found.reason = extract_text(result.body, content_type)
            found.state = READ if not found.reason else UNREADABLE
        return found

    def report(self, stats: ReadStats, sources: int) -> None:
        if self.stream is not None and (stats.verified or stats.not_found or stats.unverifiable):
            print(stats.line(sources), file=self.stream)


def extract_text(body: bytes, content_type: str) -> tuple[str, str]:
    """(main text, "") for a readable HTML page or PDF; ("", why not) otherwise."""
    if content_type == "application/pdf" or body.startswith(b"%PDF-"):
        return _pdf_text(body)
    if content_type not in _HTML_TYPES and not (not content_type and _LOOKS_HTML.match(body)):
        return "", "not-html-or-pdf"
    if _PAYWALLED.search(body):
        return "", "paywall"
    try:
        import trafilatura
    except ImportError:
        return "", "extractor-missing"
    text = trafilatura.extract(body, include_tables=True, include_comments=False, favor_recall=True) or ""
    if len(text.strip()) < MIN_MAIN_TEXT:
        return "", "no-main-text"
    return text, ""


def _pdf_text(body: bytes) -> tuple[str, str]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:
        return "", "extractor-missing"
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted or len(reader.pages) > PDF_PAGE_LIMIT:
            return "", "pdf-encrypted" if reader.is_encrypted else "too-big"
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        return "", "pdf-unreadable"
    if len(text.strip()) < MIN_MAIN_TEXT:
        return "", "pdf-no-text"  # a scan without a text layer
    # A PDF breaks its sentences at the end of every printed line: rejoin them.
    return _LINE_BREAK.sub(" ", text), ""


_READERS: "weakref.WeakKeyDictionary[Any, SourceReader]" = weakref.WeakKeyDictionary()
_READERS_LOCK = threading.Lock()


def reader_for(checker: Any) -> SourceReader:
    """The run's source reader, sharing the link checker's client, cache and output stream."""
    with _READERS_LOCK:
        reader = _READERS.get(checker)
        if reader is None:
            reader = _READERS[checker] = SourceReader(checker.client, checker.cache,
                                                       refresh=bool(getattr(checker, "refresh", False)),
                                                       stream=getattr(checker, "stream", None))
        return reader

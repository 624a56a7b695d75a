"""Link verdicts: is a cited URL alive, dead or unknown, and on what evidence.

"Dead" is a strong word in an encyclopedia: it invites an editor to replace or remove a
source. So a URL is dead only on conclusive evidence: 404 or 410, a host name that does not
exist, a redirect to a site's front page or to a /404-style page, or a soft 404 — a page
indistinguishable from what the same host serves for a deliberately nonexistent sibling
URL. Everything else that fails (timeouts, 401/403/429, 5xx after retries, TLS trouble,
refused connections, addresses the guard will not touch) is "unknown".

The checker works in batches: ``prefetch`` checks every URL of a document concurrently
(bounded pool, per-host politeness, fresh cache answers reused), then rules read verdicts.
"""

from __future__ import annotations

import difflib
import html
import re
import secrets
import sys
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO
from urllib.parse import urlsplit, urlunsplit

from citecheck.model import Document, Reference
from citecheck.net.cache import LinkCache, Observation
from citecheck.net.guard import AddressGuard
from citecheck.net.http import BODY_CAP, SOFT404_BODY_CAP, Deadline, FetchResult, HttpClient, HostLimiter
from citecheck.net.wayback import Snapshot, WaybackClient, archive_kind, wayback_parts

ALIVE, DEAD, UNKNOWN = "alive", "dead", "unknown"
WORKERS = 32
SOFT404_SIMILARITY = 0.9
# Dead observations closer together than this are one observation: a site that is down for an
# afternoon is seen dead by every run of that afternoon, and that is still one outage.
OBSERVATION_WINDOW = 86400.0
MIN_SOFT404_WORDS = 15  # visible words a page needs before its likeness to a "not found" page means anything

# A site's front page, optionally under a language prefix ("/", "/index.html", "/en/", "/de-at/home.php").
_ROOT_PATHS = re.compile(r"^/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:(?:index|default|home)\.(?:html?|php|aspx?|jsp))?$", re.I)
_NOT_FOUND_PATH = re.compile(
    r"(?:^|/)(?:404|410|not[-_]?found|page[-_]?not[-_]?found|error[-_]?404|404[-_]?error|errors?/404|"
    r"error|errorpage)(?:\.[a-z]{2,5})?/?$",
    re.I,
)
_NOT_FOUND_QUERY = re.compile(r"(?:^|&)(?:error|status|code)=(?:404|410)\b|(?:^|&)404(?:;|&|$)", re.I)
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
_NOT_FOUND_TITLE = re.compile(
    r"^\W*(?:error\W*)?(?:404|410)\b|\b(?:page|file|document|article|resource|url)\s+(?:was\s+)?not\s+found\b"
    r"|^\W*not\s+found\W*$|\bhasn't archived that url\b|\bdoesn't have that page archived\b"
    r"|\bpage (?:does not|doesn't|no longer) exists?\b|\bpage cannot be found\b",
    re.I,
)
# Markup a browser running scripts does not show: scripts, styles, <noscript> fallbacks
# (a script-rendered shell's "enable JavaScript" footer is the same on every path) and templates.
_TAGS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<[^>]+>", re.I | re.S)
_WORDS = re.compile(r"\w+")


@dataclass
class Verdict:
    """The outcome of checking one URL."""

    url: str
    verdict: str  # alive | dead | unknown
    reason: str  # "404", "410", "nxdomain", "redirect-to-root", "soft-404", "timeout", ...
    evidence: dict[str, Any] = field(default_factory=dict)
    cached: bool = False
    checked_at: float = 0.0

    @property
    def dead(self) -> bool:
        return self.verdict == DEAD

    def as_evidence(self) -> dict[str, Any]:
        return {"url": self.url, "verdict": self.verdict, "reason": self.reason, "cached": self.cached,
                **self.evidence}


def normalize_url(url: str) -> str:
    """The cache key of a URL: scheme and host lower-cased, default port and fragment dropped."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, {"http": 80, "https": 443}.get(scheme)) else f"{host}:{port}"
    if ":" in host and not host.startswith("["):
        netloc = f"[{host}]" + (f":{port}" if netloc != host else "")
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def is_site_root(url: str) -> bool:
    parts = urlsplit(url)
    return bool(_ROOT_PATHS.match(parts.path or "/")) and not parts.query


def looks_not_found(url: str) -> bool:
    """A URL whose path or query names an error page: /404.html, /not-found, ?error=404."""
    parts = urlsplit(url)
    return bool(_NOT_FOUND_PATH.search(parts.path) or _NOT_FOUND_QUERY.search(parts.query))


def page_title(body: bytes) -> str:
    match = _TITLE.search(body[:200_000])
    if not match:
        return ""
    return " ".join(html.unescape(match.group(1).decode("utf-8", "replace")).split())


def page_words(body: bytes, drop: Iterable[str] = ()) -> list[str]:
    """The visible words of a page, without the ones that merely echo the requested URL."""
    text = _TAGS.sub(" ", body.decode("utf-8", "replace"))
    dropped = {word.lower() for item in drop for word in _WORDS.findall(item)}
    return [w for w in (m.lower() for m in _WORDS.findall(html.unescape(text))) if w not in dropped][:4000]


def similarity(a: list[str], b: list[str]) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SOFT404_SIMILARITY or matcher.quick_ratio() < SOFT404_SIMILARITY:
        return matcher.quick_ratio()
    return matcher.ratio()


def probe_url(url: str, token: str) -> str:
    """A deliberately nonexistent sibling of ``url``: same directory, a random name."""
    parts = urlsplit(url)
    directory = parts.path.rsplit("/", 1)[0] if "/" in parts.path else ""
    extension = ""
    last = parts.path.rsplit("/", 1)[-1]
    if "." in last and len(last.rsplit(".", 1)[1]) <= 5:
        extension = "." + last.rsplit(".", 1)[1]
    return urlunsplit((parts.scheme, parts.netloc, f"{directory}/citecheck-{token}{extension}", "", ""))


@dataclass
class RunStats:
    """What one prefetch did, for the summary line."""

    alive: int = 0
    dead: int = 0
    unknown: int = 0
    cached: int = 0
    requests: int = 0
    seconds: float = 0.0
    unknown_reasons: dict[str, int] = field(default_factory=dict)

    def add(self, verdict: Verdict) -> None:
        setattr(self, verdict.verdict, getattr(self, verdict.verdict) + 1)
        self.cached += verdict.cached
        if verdict.verdict == UNKNOWN:
            self.unknown_reasons[verdict.reason] = self.unknown_reasons.get(verdict.reason, 0) + 1

    def line(self) -> str:
        """The run summary; unknown verdicts are counted by reason (they never become findings)."""
        total = self.alive + self.dead + self.unknown
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(self.unknown_reasons.items(), key=lambda kv: -kv[1]))
        return (f"citecheck: links: {total} checked: {self.alive} alive, {self.dead} dead, {self.unknown} unknown"
                f"{f' ({why})' if why else ''}; {self.cached} from cache, {self.requests} requests"
                f" in {self.seconds:.1f} s")


class LinkChecker:
    """Verdicts for the URLs of a run, checked in batches; shared by the network rules."""

    def __init__(self, client: HttpClient | None = None, cache: LinkCache | None = None, *,
                 wayback: WaybackClient | None = None, workers: int = WORKERS, refresh: bool = False,
                 wall_clock: Callable[[], float] = time.time, token: Callable[[], str] = lambda: secrets.token_hex(8),
                 stream: TextIO | None = None, progress: bool | None = None) -> None:
        self.client = client or HttpClient()
        self.cache = cache if cache is not None else LinkCache(None)
        self.wayback = wayback or WaybackClient(self.client, self.cache, refresh=refresh)
        self.workers = workers
        self.refresh = refresh
        self.wall_clock = wall_clock
        self.token = token
        self.stream = stream
        self.progress = progress
        self._verdicts: dict[str, Verdict] = {}
        self._snapshots: dict[tuple[str, str], Snapshot | None] = {}
        self._probes: dict[tuple[str, str], FetchResult | None] = {}
        self._probe_locks: dict[tuple[str, str], threading.Lock] = {}
        self._lock = threading.Lock()

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_settings(cls, settings: Any, stream: TextIO | None = None) -> "LinkChecker":
        """The checker a run uses: real network, the guard closed, the configured cache."""
        from citecheck.net.cache import default_cache_path

        err = stream if stream is not None else sys.stderr
        warn = lambda message: print(f"citecheck: warning: {message}", file=err)  # noqa: E731
        if getattr(settings, "no_cache", False):
            cache = LinkCache(None)
        else:
            cache = LinkCache(Path(settings.cache).expanduser() if settings.cache else default_cache_path(), warn=warn)
        client = HttpClient(AddressGuard())
        return cls(client, cache, refresh=bool(getattr(settings, "refresh", False)), stream=err)

    @classmethod
    def from_fixture(cls, path: str, stream: TextIO | None = None) -> "LinkChecker":
        """A checker answering from recorded responses (fixtures/http/*.json); no network."""
        from citecheck.net.replay import load_fixture

        return load_fixture(cls, path, stream)

    # -- what rules read ------------------------------------------------------------------

    def verdict(self, url: str) -> Verdict | None:
        """The verdict for ``url`` from this run (None when it was not checked)."""
        return self._verdicts.get(normalize_url(url))

    def history(self, url: str) -> list[Observation]:
        return self.cache.history(normalize_url(url))

    def dead_streak(self, url: str) -> tuple[int, float]:
        """(dead observations since the last alive one, days they span).

        Observations within OBSERVATION_WINDOW of the first of their group count once, so
        neither one run (HEAD and GET, a refresh) nor one short outage looks like several.
        """
        streak: list[Observation] = []
        for obs in self.history(url):
            if obs.verdict == ALIVE:
                streak = []
            elif obs.verdict == DEAD:
                streak.append(obs)
        if not streak:
            return 0, 0.0
        count, window_start = 1, streak[0].checked_at
        for obs in streak[1:]:
            if obs.checked_at - window_start >= OBSERVATION_WINDOW:
                count, window_start = count + 1, obs.checked_at
        return count, (streak[-1].checked_at - streak[0].checked_at) / 86400.0

    def snapshot(self, url: str, wanted: str = "") -> Snapshot | None:
        return self._snapshots.get((url.strip(), wanted))

    # -- batch checking ---------------------------------------------------------------------

    def prefetch(self, doc: Document, codes: Iterable[str] = ("CC311", "CC312", "CC313")) -> RunStats:
        """Check every URL of ``doc`` the given rules need, concurrently, before they run."""
        wanted = set(codes)
        started = time.monotonic()
        sent_before = self.client.requests_sent
        live, archives = link_targets(doc.references)
        jobs: list[tuple[str, str, bool]] = []  # (key, url, is_archive)
        if wanted & {"CC311", "CC313"}:
            jobs += [(normalize_url(url), url, False) for url in live]
        if "CC312" in wanted:
            jobs += [(normalize_url(url), url, True) for url in archives]
        stats = RunStats()
        pending: list[tuple[str, str, bool]] = []
        for key, url, is_archive in dict.fromkeys(jobs):
            if key in self._verdicts:
                continue
            cached = None if self.refresh else self.cache.fresh(key)
            if cached is not None:
                evidence = cached.data.get("evidence")
                self._verdicts[key] = Verdict(url, cached.verdict, str(cached.data.get("reason", "")),
                                              dict(evidence) if isinstance(evidence, dict) else {}, True,
                                              cached.checked_at)
            else:
                pending.append((key, url, is_archive))
        self._run(pending)
        for key in {key for key, _, _ in jobs}:
            stats.add(self._verdicts[key])
        if "CC313" in wanted:
            self._suggest(doc.references)
        stats.requests = self.client.requests_sent - sent_before
        stats.seconds = time.monotonic() - started
        if self.stream is not None and jobs:
            print(stats.line(), file=self.stream)
            if self.wayback.blocked:
                print(f"citecheck: warning: archive lookups stopped: {self.wayback.blocked}", file=self.stream)
        return stats

    def _suggest(self, references: Iterable[Reference]) -> None:
        """Wayback lookups for cited URLs with no archive copy recorded; CDX only for dead ones."""
        items: list[tuple[str, str]] = []
        cdx_for: set[str] = set()
        for ref in references:
            url = ref.get("url").strip()
            if not is_checkable(url) or archive_kind(url) or ref.get("archive_url").strip():
                continue
            item = (url, wanted_timestamp(ref))
            if item in self._snapshots:
                continue
            items.append(item)
            verdict = self.verdict(url)
            if marked_dead(ref) or (verdict is not None and verdict.dead):
                cdx_for.add(url)
        if items:
            self._snapshots.update(self.wayback.lookup_many(items, cdx_for=cdx_for))

    def _run(self, pending: list[tuple[str, str, bool]]) -> None:
        """Check ``pending`` URLs on a bounded pool, always starting the host that is ready first.

        A worker that picked a URL whose host is still in its politeness pause would sleep
        while other hosts are ready; dispatching by readiness keeps the pool busy instead.
        For the same reason each host's soft-404 probe is a job of its own, dispatched
        before the host's first cited URL rather than made to wait inside that URL's check.
        """
        if not pending:
            return
        queues: dict[str, deque[tuple[str, str, str]]] = {}  # host -> (kind, key, url)
        for key, url, is_archive in pending:
            queue = queues.setdefault(_host(url), deque())
            if not is_archive and not any(kind == "probe" for kind, _, _ in queue):
                queue.appendleft(("probe", "", url))
            queue.append(("archive" if is_archive else "live", key, url))
        limiter: HostLimiter = self.client.limiter
        in_flight: dict[str, int] = {host: 0 for host in queues}
        changed = threading.Condition()
        free = threading.Semaphore(self.workers)
        bar = self._progress_bar(len(pending))
        dispatched: dict[str, float] = {}

        def ready(host: str) -> float:
            return max(limiter.ready_at(host), dispatched.get(host, 0.0))

        def run(hold: float, host: str, kind: str, key: str, url: str) -> None:
            try:
                if kind == "probe":
                    try:
                        self._probe(url)
                    except Exception:  # noqa: BLE001 - the host's first URL job probes again
                        pass
                else:
                    self._check_and_record(kind, key, url)
                    if bar is not None:
                        bar.update(1)
            finally:
                with changed:
                    in_flight[host] -= 1
                    if dispatched.get(host) == hold:
                        # Done: any request it made is in the limiter now, and one it never
                        # made (a DNS failure) should not delay the host's next URL.
                        dispatched[host] = 0.0
                    changed.notify_all()
                free.release()

        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="citecheck-link") as pool:
            futures = []
            while any(queues.values()):
                with changed:
                    open_hosts = [h for h, q in queues.items() if q and in_flight[h] < limiter.per_host]
                    if not open_hosts:
                        changed.wait(0.05)
                        continue
                    host = min(open_hosts, key=ready)
                    now = limiter.clock()
                    delay = ready(host) - now
                    if delay <= 0:
                        in_flight[host] += 1
                        # The job has not reached the limiter yet: hold the host for one
                        # interval so the next job for it is not dispatched only to sleep.
                        dispatched[host] = hold = now + limiter.interval_for(host)
                        job = queues[host].popleft()
                if delay > 0:
                    limiter.sleep(min(delay, 0.02))  # the limiter's own clock: tests run it fast
                    continue
                free.acquire()
                futures.append(pool.submit(run, hold, host, *job))
            for future in futures:
                future.result()
        if bar is not None:
            bar.close()

    def _check_and_record(self, kind: str, key: str, url: str) -> None:
        try:
            verdict = self.check_archive(url) if kind == "archive" else self.check_url(url)
        except Exception as exc:  # a checker bug must not lose the whole batch
            verdict = Verdict(url, UNKNOWN, "internal-error", {"error": f"{type(exc).__name__}: {exc}"})
        verdict.checked_at = self.wall_clock()
        self._verdicts[key] = verdict
        self.cache.record(key, verdict.verdict, {"reason": verdict.reason, "evidence": verdict.evidence},
                          verdict.checked_at)

    def _progress_bar(self, total: int) -> Any:
        stream = self.stream
        show = self.progress if self.progress is not None else bool(stream is not None and stream.isatty())
        if not show or total < 2:
            return None
        try:
            from tqdm import tqdm
        except ImportError:
            return None
        return tqdm(total=total, file=stream, unit="url", desc="checking links", leave=False)

    # -- one URL ------------------------------------------------------------------------------

    def check_url(self, url: str) -> Verdict:
        """Check a cited (live) URL: HEAD, then GET when HEAD is refused or inconclusive.

        Every request made for the URL shares one budget (the host's soft-404 probe has its own).
        """
        deadline = self.client.deadline()
        head = self.client.fetch(url, "HEAD", deadline=deadline)
        conclusion = self._conclude(url, head)
        if conclusion is not None:
            return conclusion
        if head.ok:
            return self._soft404(url, head, deadline=deadline)
        get = self.client.fetch(url, "GET", body_cap=BODY_CAP, deadline=deadline)
        conclusion = self._conclude(url, get, head)
        if conclusion is not None:
            return conclusion
        if get.ok:
            return self._soft404(url, get, head, deadline)
        return _unknown_for(url, get, head)

    def _conclude(self, url: str, result: FetchResult, head: FetchResult | None = None) -> Verdict | None:
        """A verdict when ``result`` alone settles it; None when more looking is needed."""
        evidence = _evidence(result, head)
        if result.error == "nxdomain":
            return Verdict(url, DEAD, "nxdomain", evidence)
        if result.error and result.error != "connection":
            return Verdict(url, UNKNOWN, result.error, evidence)
        if result.error and result.method == "GET":
            return Verdict(url, UNKNOWN, result.error, evidence)
        status = result.status
        final = result.final_url or url
        redirected = len(result.chain) > 1
        if status is not None and redirected and (200 <= status < 300 or status in (404, 410)):
            if is_site_root(final) and not is_site_root(url):
                return Verdict(url, DEAD, "redirect-to-root", evidence)
            if looks_not_found(final) and not looks_not_found(url):
                return Verdict(url, DEAD, "redirect-to-error-page", evidence)
        if status in (404, 410) and result.method == "GET":
            return Verdict(url, DEAD, str(status), evidence)
        if status in (401, 403, 407, 429) or result.error == "rate-limited":
            reason = "rate-limited" if status == 429 else f"{status}"
            if result.method == "GET" or status == 429:
                return Verdict(url, UNKNOWN, reason, evidence)
        return None

    def _probe(self, url: str) -> FetchResult | None:
        """The host's answer for a nonexistent sibling URL, asked once per host per run."""
        parts = urlsplit(url)
        key = (parts.scheme.lower(), (parts.hostname or "").lower())
        with self._lock:
            lock = self._probe_locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._probes:
                self._probes[key] = self.client.fetch(probe_url(url, self.token()), "GET",
                                                      body_cap=SOFT404_BODY_CAP)
            return self._probes[key]

    def _soft404(self, url: str, result: FetchResult, head: FetchResult | None = None,
                 deadline: Deadline | None = None) -> Verdict:
        """Alive, unless the page is what this host serves for pages that do not exist."""
        evidence = _evidence(result, head)
        final = result.final_url or url
        if len(result.chain) > 1:
            # Redirected: does a nonexistent sibling of the cited URL land on the same page?
            origin = self._probe(url)
            if origin is not None and origin.ok and len(origin.chain) > 1 and \
                    normalize_url(origin.final_url) == normalize_url(final):
                evidence["probe"] = {"url": origin.url, "status": origin.status, "final_url": origin.final_url}
                return Verdict(url, DEAD, "soft-404", dict(evidence, soft404="redirects where a nonexistent page does"))
        # The host that served the page is the one whose "not found" page it might be
        # (a doi.org link ends on the publisher's site).
        probe = self._probe(final)
        if probe is None or not probe.ok:
            # The host answers nonsense URLs honestly (404) or not at all: trust the 2xx.
            if probe is not None and probe.status is not None:
                evidence["probe_status"] = probe.status
            return Verdict(url, ALIVE, str(result.status), evidence)
        evidence["probe"] = {"url": probe.url, "status": probe.status, "final_url": probe.final_url}
        page = result if result.method == "GET" and not result.truncated else \
            self.client.fetch(result.final_url or url, "GET", body_cap=SOFT404_BODY_CAP, deadline=deadline)
        if not page.ok:
            return Verdict(url, ALIVE, str(result.status), evidence)
        echo = [url, probe.url, urlsplit(url).path, urlsplit(probe.url).path]
        words, probe_words = page_words(page.body, echo), page_words(probe.body, echo)
        score = similarity(words, probe_words)
        evidence["similarity"] = round(score, 3)
        title = page_title(page.body)
        if score >= SOFT404_SIMILARITY and title == page_title(probe.body):
            # A script-rendered site serves the same near-empty shell for every path, real or
            # not: with that little text, only a title that says "not found" settles it.
            if min(len(words), len(probe_words)) >= MIN_SOFT404_WORDS or _NOT_FOUND_TITLE.search(title):
                return Verdict(url, DEAD, "soft-404", dict(evidence, title=title,
                                                           soft404="same page as a nonexistent URL on this host"))
            evidence["soft404"] = "inconclusive: the page has too little text to compare"
        return Verdict(url, ALIVE, str(page.status), evidence)

    def check_archive(self, url: str) -> Verdict:
        """Check a recorded archive copy: does it load, and is it more than an error page?"""
        result = self.client.fetch(url, "GET", body_cap=BODY_CAP)
        evidence = _evidence(result)
        evidence["archive"] = archive_kind(url) or "unrecognised"
        if result.error == "nxdomain":
            return Verdict(url, DEAD, "nxdomain", evidence)
        if result.error:
            return Verdict(url, UNKNOWN, result.error, evidence)
        status = result.status or 0
        if status in (404, 410):
            return Verdict(url, DEAD, str(status), evidence)
        if not 200 <= status < 300:
            return Verdict(url, UNKNOWN, str(status), evidence)
        recorded, final = wayback_parts(url), wayback_parts(result.final_url or url)
        if recorded and final and not is_site_root(recorded[1]) and is_site_root(final[1]) and \
                normalize_url(recorded[1]) != normalize_url(final[1]):
            return Verdict(url, DEAD, "snapshot-of-redirect-to-root", dict(evidence, archived_url=final[1]))
        if final and looks_not_found(final[1]) and not (recorded and looks_not_found(recorded[1])):
            return Verdict(url, DEAD, "snapshot-of-error-page", dict(evidence, archived_url=final[1]))
        title = page_title(result.body)
        if title and _NOT_FOUND_TITLE.search(title):
            return Verdict(url, DEAD, "error-page", dict(evidence, title=title))
        return Verdict(url, ALIVE, str(status), evidence)

    def close(self) -> None:
        self.client.close()
        self.cache.close()


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _evidence(result: FetchResult, head: FetchResult | None = None) -> dict[str, Any]:
    evidence = result.evidence()
    if head is not None and head is not result:
        evidence["head"] = head.evidence()
    return evidence


def _unknown_for(url: str, get: FetchResult, head: FetchResult) -> Verdict:
    status = get.status if get.status is not None else head.status
    reason = get.error or (f"{status}" if status is not None else "no-answer")
    return Verdict(url, UNKNOWN, reason, _evidence(get, head))


def marked_dead(ref: Reference) -> bool:
    """The reference itself says the link is dead: url-status=dead/unfit/usurped or {{dead link}}."""
    return ref.dead_link or ref.get("url_status").strip().lower() in ("dead", "unfit", "usurped", "deviated")


def is_checkable(url: str) -> bool:
    return bool(re.match(r"^https?://[^\s/]", url.strip(), re.I))


def link_targets(references: Iterable[Reference]) -> tuple[list[str], list[str]]:
    """(cited URLs to check for liveness, archive URLs to check for loading), in order.

    A cited URL is checked only when the reference presents it as the way to the source:
    not when an archive copy is recorded, nor when the reference already marks it dead.
    """
    live: list[str] = []
    archives: list[str] = []
    for ref in references:
        url = ref.get("url").strip()
        if is_checkable(url) and archive_kind(url):
            archives.append(url)
        elif is_checkable(url) and not (ref.get("archive_url").strip() or ref.has_webarchive or marked_dead(ref)):
            live.append(url)
        archive = ref.get("archive_url").strip()
        # An archive-url that is no known archive is CC302's business (offline); fetching it
        # would judge some other page as if it were the snapshot.
        if is_checkable(archive) and archive_kind(archive):
            archives.append(archive)
    return list(dict.fromkeys(live)), list(dict.fromkeys(archives))


def wanted_timestamp(ref: Reference) -> str:
    """YYYYMMDD of the access date (else publication date) — the snapshot to look for; "" if none."""
    from citecheck.parsers.dates import parse_date

    for name in ("access_date", "date"):
        raw = ref.get(name).strip()
        parsed = parse_date(raw) if raw else None
        if parsed is not None:
            return parsed.latest().strftime("%Y%m%d") if parsed.latest().year < 9999 else ""
    return ""


def prepare_checker(doc: Document, settings: Any, codes: list[str]) -> LinkChecker:
    """The run's shared checker (built once, kept on the settings) with ``doc``'s URLs checked."""
    checker = settings.link_checker
    if checker is None:
        checker = settings.link_checker = LinkChecker.from_settings(settings)
    checker.prefetch(doc, codes)
    return checker

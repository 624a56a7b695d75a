"""Link verdicts: is a cited URL alive, dead or unknown, and on what evidence.

"Dead" is a strong word in an encyclopedia: it invites an editor to replace or remove a
source. So a URL is dead only on conclusive evidence: 404 or 410, a host name that does not
exist, a redirect to a site's front page or to a /404-style page, or a soft 404 — a page
indistinguishable from what the same host serves for a deliberately nonexistent sibling
URL. That sibling (the host's probe) costs a request under the host's politeness limit, so
it is asked only when a page is in doubt: a page whose title shows the title the reference
cites is that work, not a "not found" page. Everything else that fails (timeouts,
401/403/429, 5xx after retries, TLS trouble, refused connections, addresses the guard will
not touch) is "unknown".

The checker works in batches: ``prefetch`` checks every URL of a document concurrently
(bounded pool, per-host politeness, fresh cache answers reused), then rules read verdicts.
"""

from __future__ import annotations

import difflib
import heapq
import html
import itertools
import re
import secrets
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Generator, Iterable, NamedTuple, TextIO
from urllib.parse import urlsplit, urlunsplit

from citecheck.model import Document, Reference
from citecheck.net.cache import LinkCache, Observation
from citecheck.net.guard import AddressGuard
from citecheck.net.http import BODY_CAP, SOFT404_BODY_CAP, Deadline, FetchResult, HttpClient, HostLimiter
from citecheck.net.wayback import Snapshot, WaybackClient, archive_kind, wayback_parts

ALIVE, DEAD, UNKNOWN = "alive", "dead", "unknown"
WORKERS = 64
SOFT404_SIMILARITY = 0.9
# Dead observations closer together than this are one observation: a site that is down for an
# afternoon is seen dead by every run of that afternoon, and that is still one outage.
OBSERVATION_WINDOW = 86400.0
MIN_SOFT404_WORDS = 15  # visible words a page needs before its likeness to a "not found" page means anything
MIN_TITLE_WORDS = 2  # words a cited title needs before a page showing them proves anything
TITLE_SHARE = 0.75  # share of the cited title's words the page's title must show

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
# Pages whose title proves nothing about the work: some sites echo the requested words there.
_SEARCH_TITLE = re.compile(r"\bsearch\b|\bresults?\b", re.I)
_TITLE_STOP = frozenset("the and for with from that this are was were its his her has have not but into "
                        "over after about".split())
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


class _Fetch(NamedTuple):
    """A request a check needs; when it is sent is the caller's business (see _HostScheduler)."""

    url: str
    method: str
    body_cap: int = BODY_CAP
    deadline: Deadline | None = None


class _Probe(NamedTuple):
    """A check needs the soft-404 probe of ``url``'s host, asked once per scheme and host per run."""

    url: str


# A check is a generator of the requests it needs: it is sent each answer (a FetchResult, or
# for a probe FetchResult | None) and returns its verdict. Who makes the requests, and when,
# is up to the caller: one after another (check_url), or scheduled by host (prefetch).
Steps = Generator[_Fetch | _Probe, Any, Verdict]


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


def title_words(text: str) -> set[str]:
    """The words that identify a title: numbers and words of three letters or more, lower-cased."""
    return {w for w in (m.lower() for m in _WORDS.findall(text))
            if (len(w) >= 3 or w.isdigit()) and w not in _TITLE_STOP}


def shows_cited_title(body: bytes, titles: Iterable[str]) -> str:
    """The page's title when it shows one of the cited titles, else "".

    It shows a title when it carries at least TITLE_SHARE of that title's words. A title
    that says "not found" or names a search proves nothing.
    """
    shown = page_title(body)
    if not shown or _NOT_FOUND_TITLE.search(shown) or _SEARCH_TITLE.search(shown):
        return ""
    have = title_words(shown)
    for title in titles:
        wanted = title_words(title)
        if len(wanted) >= MIN_TITLE_WORDS and len(wanted & have) >= TITLE_SHARE * len(wanted):
            return shown
    return ""


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
        self._titles: dict[str, list[str]] = {}  # URL key -> the titles its references cite
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
        for key, titles in cited_titles(doc.references).items():
            known = self._titles.setdefault(key, [])
            known += [title for title in titles if title not in known]
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
        """Check ``pending`` (key, url, is_archive) with every request scheduled by host."""
        if not pending:
            return
        bar = self._progress_bar(len(pending))
        _HostScheduler(self, bar).run(pending)
        if bar is not None:
            bar.close()

    def _save(self, verdicts: list[tuple[str, Verdict]]) -> None:
        self.cache.record_many([(key, verdict.verdict, {"reason": verdict.reason, "evidence": verdict.evidence},
                                 verdict.checked_at) for key, verdict in verdicts])

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

    def check_url(self, url: str, titles: Iterable[str] = ()) -> Verdict:
        """Check a cited (live) URL: HEAD, then GET when HEAD is refused or inconclusive.

        With a cited title worth comparing, GET at once: a page that shows it needs no probe.
        """
        return self._drive(self._url_steps(url, list(titles)))

    def _url_steps(self, url: str, titles: list[str]) -> Steps:
        """The requests that check a cited URL, as they become needed.

        Every request made for the URL shares one budget (the host's soft-404 probe has its own).
        """
        deadline = self.client.deadline()
        if needs_no_probe_if_shown(titles):
            get = yield _Fetch(url, "GET", BODY_CAP, deadline)
            conclusion = self._conclude(url, get)
            if conclusion is not None:
                return conclusion
            if not get.ok:
                return _unknown_for(url, get)
            shown = shows_cited_title(get.body, titles)
            if shown:
                return Verdict(url, ALIVE, str(get.status), dict(_evidence(get), title=shown,
                                                                  soft404="the page shows the cited title"))
            return (yield from self._soft404_steps(url, get, deadline=deadline))
        head = yield _Fetch(url, "HEAD", deadline=deadline)
        conclusion = self._conclude(url, head)
        if conclusion is not None:
            return conclusion
        if head.ok:
            return (yield from self._soft404_steps(url, head, deadline=deadline))
        get = yield _Fetch(url, "GET", BODY_CAP, deadline)
        conclusion = self._conclude(url, get, head)
        if conclusion is not None:
            return conclusion
        if get.ok:
            return (yield from self._soft404_steps(url, get, head, deadline))
        return _unknown_for(url, get, head)

    def _drive(self, steps: Steps) -> Verdict:
        """Make a check's requests one after another in this thread; the limiter spaces them."""
        answer: FetchResult | None = None
        try:
            while True:
                need = steps.send(answer)
                answer = self._probe(need.url) if isinstance(need, _Probe) else self._fetch(need)
        except StopIteration as done:
            return done.value

    def _fetch(self, need: _Fetch) -> FetchResult:
        return self.client.fetch(need.url, need.method, body_cap=need.body_cap, deadline=need.deadline)

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
        key = _probe_key(url)
        with self._lock:
            lock = self._probe_locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._probes:
                self._probes[key] = self._fetch(self._probe_request(url))
            return self._probes[key]

    def _probe_request(self, url: str) -> _Fetch:
        return _Fetch(probe_url(url, self.token()), "GET", SOFT404_BODY_CAP)

    def _soft404_steps(self, url: str, result: FetchResult, head: FetchResult | None = None,
                       deadline: Deadline | None = None) -> Steps:
        """Alive, unless the page is what this host serves for pages that do not exist."""
        evidence = _evidence(result, head)
        final = result.final_url or url
        if len(result.chain) > 1:
            # Redirected: does a nonexistent sibling of the cited URL land on the same page?
            origin = yield _Probe(url)
            if origin is not None and origin.ok and len(origin.chain) > 1 and \
                    normalize_url(origin.final_url) == normalize_url(final):
                evidence["probe"] = {"url": origin.url, "status": origin.status, "final_url": origin.final_url}
                return Verdict(url, DEAD, "soft-404", dict(evidence, soft404="redirects where a nonexistent page does"))
        # The host that served the page is the one whose "not found" page it might be
        # (a doi.org link ends on the publisher's site).
        probe = yield _Probe(final)
        if probe is None or not probe.ok:
            # The host answers nonsense URLs honestly (404) or not at all: trust the 2xx.
            if probe is not None and probe.status is not None:
                evidence["probe_status"] = probe.status
            return Verdict(url, ALIVE, str(result.status), evidence)
        evidence["probe"] = {"url": probe.url, "status": probe.status, "final_url": probe.final_url}
        page = result if result.method == "GET" and not result.truncated else \
            (yield _Fetch(result.final_url or url, "GET", SOFT404_BODY_CAP, deadline))
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
        return self._drive(self._archive_steps(url))

    def _archive_steps(self, url: str) -> Steps:
        result = yield _Fetch(url, "GET", BODY_CAP)
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


@dataclass
class _Check:
    """One URL under check by the scheduler."""

    key: str
    url: str
    steps: Steps
    under_way: bool = False  # has sent a request


@dataclass(order=True)
class _Request:
    """A request (or its next redirect hop) waiting for its host's turn; a host sends its
    requests in this order."""

    rank: int  # 0: the host's probe, which a page in doubt needs; 1: a check under way; 2: a new check
    seq: int
    host: str = field(compare=False)
    need: _Fetch = field(compare=False)
    check: _Check | None = field(compare=False)  # None: a probe, answered to every check waiting for it
    queued_at: float = field(compare=False)  # on the client's clock
    hops: Generator[str, None, FetchResult] | None = field(default=None, compare=False)  # a fetch under way
    hold: float = field(default=0.0, compare=False)


class _HostScheduler:
    """Sends the requests of many checks from a bounded pool, always for the host whose turn is first.

    Checks never make their requests themselves: each request waits in its host's queue and
    a free worker takes the next request of the host whose slot under the HostLimiter comes
    earliest. So no worker sleeps on one host's spacing while another host has a request
    ready. Requests a check makes after its first (GET after HEAD, the page after the
    probe), redirect hops, each host's soft-404 probe and archive checks are scheduled like
    any other. A check waiting for a probe is parked, not holding a worker, and resumed by
    the worker that receives the probe's answer. The limiter still enforces spacing for
    every request; retries (a server's Retry-After, backoff after a failure) stay with theirs.
    """

    POLL = 0.01  # longest sleep while no host's turn has come, so new work is seen promptly
    SAVE_EVERY = 1.0  # seconds between writes of new verdicts to the cache (one commit each)

    def __init__(self, checker: LinkChecker, bar: Any = None) -> None:
        self.checker = checker
        self.limiter: HostLimiter = checker.client.limiter
        self.bar = bar
        self.changed = threading.Condition()
        self.queues: dict[str, list[_Request]] = defaultdict(list)  # host -> heap of its requests
        self.in_flight: dict[str, int] = defaultdict(int)
        # A dispatched request is not in the limiter yet: hold its host for one interval meanwhile,
        # so the host's next request is not dispatched only to sleep in the limiter.
        self.held: dict[str, float] = {}
        self.turns: list[tuple[float, int, str]] = []  # (ready at, seq, host): hosts that may send
        self.turn_at: dict[str, float] = {}  # the valid entry of each host in ``turns``
        self.parked: dict[tuple[str, str], list[_Check]] = {}  # probe key -> checks waiting for it
        self.unfinished = 0
        self.flying = 0
        self.failure: BaseException | None = None
        self.order = itertools.count()
        self.unsaved: list[tuple[str, Verdict]] = []
        self.saved_at = self.limiter.clock()

    def run(self, pending: list[tuple[str, str, bool]]) -> None:
        """Check every pending (key, url, is_archive).

        A host with a cited URL whose page cannot prove itself by its title has its probe asked
        first, since every 2xx answer of that URL needs it; other hosts are probed only if a
        page turns out to be in doubt.
        """
        titles = self.checker._titles
        first_cited: dict[str, str] = {}  # host -> its first cited (live) URL that needs the probe
        for key, url, is_archive in pending:
            # A URL with no host we can read gets no probe.
            if not is_archive and _host(url) and not needs_no_probe_if_shown(titles.get(key, ())):
                first_cited.setdefault(_host(url), url)
        with self.changed:
            for url in first_cited.values():
                self._ask_probe(url)
        self.unfinished = len(pending)
        for key, url, is_archive in pending:
            steps = self.checker._archive_steps(url) if is_archive else \
                self.checker._url_steps(url, titles.get(key, []))
            self._advance(_Check(key, url, steps), None, None)
        free = threading.Semaphore(self.checker.workers)
        try:
            with ThreadPoolExecutor(max_workers=self.checker.workers, thread_name_prefix="citecheck-link") as pool:
                while True:
                    free.acquire()
                    request = self._next_request()
                    if request is None:
                        break
                    pool.submit(self._send, request, free)
        finally:
            self._save(every=0.0)
        if self.failure is not None:
            raise self.failure

    def _next_request(self) -> _Request | None:
        """The next request whose host's turn has come, waiting for one; None when all is done."""
        while True:
            self._save(every=self.SAVE_EVERY)
            with self.changed:
                if self.failure is not None or not (self.unfinished or self.flying):
                    return None
                request, delay = self._take(self.limiter.clock())
                if request is not None:
                    return request
                if delay is None:  # everything left is in flight: its end will notify
                    self.changed.wait(0.05)
                    continue
            self.limiter.sleep(min(delay, self.POLL))  # the limiter's own clock: tests run it fast

    def _take(self, now: float) -> tuple[_Request | None, float | None]:
        """The first request of the host whose turn came first, else how long until a turn comes."""
        while self.turns:
            at, _, host = self.turns[0]
            if self.turn_at.get(host) != at:  # superseded by a later offer
                heapq.heappop(self.turns)
                continue
            ready = self._ready_at(host)
            if ready > at:  # the host was used or paused since it was offered
                heapq.heappop(self.turns)
                self._push_turn(host, ready)
                continue
            if at > now:
                return None, at - now
            heapq.heappop(self.turns)
            del self.turn_at[host]
            request = heapq.heappop(self.queues[host])
            self.in_flight[host] += 1
            self.flying += 1
            request.hold = self.held[host] = now + self.limiter.interval_for(host)
            self._offer(host)
            return request, None
        return None, None

    def _save(self, every: float) -> None:
        """Write the verdicts found since the last write to the cache, if ``every`` seconds have passed."""
        now = self.limiter.clock()
        with self.changed:
            if not self.unsaved or now - self.saved_at < every:
                return
            verdicts, self.unsaved, self.saved_at = self.unsaved, [], now
        self.checker._save(verdicts)

    def _ready_at(self, host: str) -> float:
        return max(self.limiter.ready_at(host), self.held.get(host, 0.0))

    def _offer(self, host: str) -> None:
        """Give ``host`` a turn if it has a request waiting and room for one more in flight."""
        if self.queues[host] and self.in_flight[host] < self.limiter.per_host:
            ready = self._ready_at(host)
            if self.turn_at.get(host) != ready:
                self._push_turn(host, ready)

    def _push_turn(self, host: str, at: float) -> None:
        self.turn_at[host] = at
        heapq.heappush(self.turns, (at, next(self.order), host))

    def _enqueue(self, rank: int, need: _Fetch, check: _Check | None, *, next_hop: str = "",
                 hops: Generator[str, None, FetchResult] | None = None) -> None:
        """Queue ``need`` (or, with ``hops``, its redirect to ``next_hop``) on its host."""
        client = self.checker.client
        if need.deadline is None:  # the scheduler takes its own queueing out of the budget
            need = need._replace(deadline=client.deadline())
        host = _host(next_hop or need.url)
        heapq.heappush(self.queues[host], _Request(rank, next(self.order), host, need, check, client.clock(), hops))
        self._offer(host)
        self.changed.notify_all()

    def _ask_probe(self, url: str) -> None:
        """Queue the soft-404 probe of ``url``'s host unless it is answered or already asked."""
        key = _probe_key(url)
        if key not in self.checker._probes and key not in self.parked:
            self.parked[key] = []
            self._enqueue(0, self.checker._probe_request(url), None)

    def _send(self, request: _Request, free: threading.Semaphore) -> None:
        """Make one request (on a worker); queue its redirect's next hop, or hand its answer on."""
        need = request.need
        client = self.checker.client
        try:
            assert need.deadline is not None  # set by _enqueue
            need.deadline.exclude(client.clock() - request.queued_at)  # time spent queueing is ours
            answer, error, next_hop = None, None, ""
            try:
                hops = request.hops or client.fetch_hops(need.url, need.method, body_cap=need.body_cap,
                                                         deadline=need.deadline)
                next_hop = next(hops)
            except StopIteration as done:
                answer = done.value
            except Exception as exc:  # noqa: BLE001 - a checker bug is the waiting checks' verdict
                error = exc
            with self.changed:
                self.in_flight[request.host] -= 1
                self.flying -= 1
                if self.held.get(request.host) == request.hold:
                    # Any request it made is in the limiter now, and one it never made (a
                    # DNS failure) should not delay the host's next request.
                    del self.held[request.host]
                self._offer(request.host)
                if next_hop:
                    self._enqueue(min(request.rank, 1), need, request.check, next_hop=next_hop, hops=hops)
                    return
                self.changed.notify_all()
            if request.check is not None:
                self._advance(request.check, answer, error)
                return
            key = _probe_key(need.url)
            with self.changed:
                if error is None:
                    self.checker._probes[key] = answer
                waiting = self.parked.pop(key, [])
            for check in waiting:
                self._advance(check, answer, error)
        except BaseException as exc:  # noqa: BLE001 - stop the run instead of waiting forever
            with self.changed:
                self.failure = exc
                self.changed.notify_all()
        finally:
            free.release()

    def _advance(self, check: _Check, answer: FetchResult | None, error: Exception | None) -> None:
        """Resume ``check`` with an answer until it needs a request or a probe, or has its verdict."""
        while True:
            try:
                need = check.steps.throw(error) if error is not None else check.steps.send(answer)
            except StopIteration as done:
                verdict = done.value
                break
            except Exception as exc:  # a checker bug must not lose the whole batch
                verdict = Verdict(check.url, UNKNOWN, "internal-error", {"error": f"{type(exc).__name__}: {exc}"})
                break
            with self.changed:
                if isinstance(need, _Fetch):
                    self._enqueue(1 if check.under_way else 2, need, check)
                    check.under_way = True
                    return
                key = _probe_key(need.url)
                if key not in self.checker._probes:
                    self._ask_probe(need.url)
                    self.parked[key].append(check)
                    return
                answer, error = self.checker._probes[key], None
        verdict.checked_at = self.checker.wall_clock()
        self.checker._verdicts[check.key] = verdict
        if self.bar is not None:
            self.bar.update(1)
        with self.changed:
            self.unsaved.append((check.key, verdict))
            self.unfinished -= 1
            self.changed.notify_all()


def _probe_key(url: str) -> tuple[str, str]:
    """Whose soft-404 probe answers for ``url``: one per scheme and host."""
    return url.split(":", 1)[0].lower(), _host(url)


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


def _unknown_for(url: str, get: FetchResult, head: FetchResult | None = None) -> Verdict:
    status = get.status if get.status is not None or head is None else head.status
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


def cited_titles(references: Iterable[Reference]) -> dict[str, list[str]]:
    """The titles each cited URL's references give it, by URL key."""
    titles: dict[str, list[str]] = {}
    for ref in references:
        url, title = ref.get("url").strip(), ref.get("title").strip()
        if title and is_checkable(url):
            known = titles.setdefault(normalize_url(url), [])
            if title not in known:
                known.append(title)
    return titles


def needs_no_probe_if_shown(titles: Iterable[str]) -> bool:
    """Whether a cited title has words enough that a page showing them proves itself."""
    return any(len(title_words(title)) >= MIN_TITLE_WORDS for title in titles)


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

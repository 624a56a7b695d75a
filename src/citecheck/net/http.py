"""The polite, safe HTTP client every online check goes through.

One ``requests.Session`` per run, no cookies, an honest User-Agent, connect/read timeouts
and a per-URL budget, redirects followed by hand so that every hop is re-validated by the
address guard and connected to the exact address that was validated, retries with backoff
that honour Retry-After, per-host concurrency and spacing, and response bodies read only up
to a cap counted in *decoded* bytes (a small gzip body must not inflate to gigabytes).

Socket timeouts bound each read, not a request: a server that sends one byte every few
seconds never trips them. So every request also runs under a ``Watchdog`` that shuts its
socket down at the deadline, whatever phase (TLS handshake, headers, body) it is in.
"""

from __future__ import annotations

import email.utils
import heapq
import itertools
import random
import socket
import ssl
import threading
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Generator, Iterator, NamedTuple
from urllib.parse import urljoin

import requests
from requests.adapters import HTTPAdapter
from requests.cookies import cookiejar_from_dict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.util import parse_url

from citecheck import PROJECT_URL, __version__
from citecheck.net.guard import AddressGuard, BlockedAddress, NameNotFound, ResolutionFailed, Target

USER_AGENT = f"citecheck/{__version__} (link checker; +{PROJECT_URL})"

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
URL_BUDGET = 30.0  # seconds of network time per URL, all hops and attempts together
MAX_REDIRECTS = 5
ATTEMPTS = 3
BACKOFF = (1.0, 2.0)
MAX_RETRY_AFTER = 60.0
BODY_CAP = 64 * 1024
SOFT404_BODY_CAP = 1024 * 1024
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


@dataclass
class Hop:
    """One request of a redirect chain."""

    url: str
    status: int
    location: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"url": self.url, "status": self.status, **({"location": self.location} if self.location else {})}


@dataclass
class FetchResult:
    """What one fetch (with its redirects and retries) found.

    ``error`` is empty on an HTTP answer, else one of: nxdomain, resolve, blocked, timeout,
    refused, connection, tls, redirects, rate-limited, budget, invalid.
    """

    url: str
    method: str
    status: int | None = None
    final_url: str = ""
    chain: list[Hop] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    truncated: bool = False
    error: str = ""
    detail: str = ""
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    def evidence(self) -> dict[str, Any]:
        data: dict[str, Any] = {"method": self.method, "chain": [hop.as_dict() for hop in self.chain]}
        if self.status is not None:
            data["status"] = self.status
        if self.final_url and self.final_url != self.url:
            data["final_url"] = self.final_url
        if self.error:
            data["error"] = self.error
            data["detail"] = self.detail
        return data


class _Failure(NamedTuple):
    """A request that got no HTTP answer."""

    kind: str
    detail: str
    retryable: bool


class Deadline:
    """The time one URL (or one fetch) may take: network time and the waits a server asks
    for (Retry-After) count; the spacing we keep between requests to a host does not."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self.at = clock() + seconds

    def remaining(self) -> float:
        return self.at - self.clock()

    def exclude(self, seconds: float) -> None:
        """Do not count ``seconds`` just spent waiting on our own politeness."""
        self.at += max(0.0, seconds)


class DeadlineExceeded(Exception):
    """The watchdog ended a request at its deadline; whatever was read is incomplete."""


_watching = threading.local()  # the Watchdog of the request this thread is sending, if any


class Watchdog:
    """Shuts a request's sockets down when its time is up.

    Connections opened (or reused) by this thread while the watchdog is active register
    their socket; at the deadline the alarm thread shuts them down, which ends any blocked
    read at once (the reader sees end of file). The watchdog keeps a duplicate of each
    socket's descriptor, so it still reaches the connection after TLS wraps the socket.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = max(0.0, seconds)
        self.fired = False
        self._over = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []

    def __enter__(self) -> "Watchdog":
        _watching.current = self
        _ALARMS.add(time.monotonic() + self.seconds, self)
        return self

    def __exit__(self, *exc: object) -> None:
        _watching.current = None
        with self._lock:
            self._over = True
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def watch(self, sock: socket.socket) -> None:
        try:
            duplicate = socket.fromfd(sock.fileno(), sock.family, sock.type)
        except OSError:
            return
        with self._lock:
            self._sockets.append(duplicate)
            if self.fired:
                _shut(duplicate)

    def fire(self) -> None:
        with self._lock:
            if self._over:
                return
            self.fired = True
            for sock in self._sockets:
                _shut(sock)


class _Alarms:
    """One daemon thread that fires each Watchdog at its time (a thread per request would
    cost a thread start on every request, and delay it under load)."""

    def __init__(self) -> None:
        self._wake = threading.Condition()
        self._due: list[tuple[float, int, Watchdog]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, at: float, watchdog: Watchdog) -> None:
        with self._wake:
            heapq.heappush(self._due, (at, next(self._order), watchdog))
            if self._thread is None or not self._thread.is_alive():  # first use, or after a fork
                self._thread = threading.Thread(target=self._run, name="citecheck-watchdog", daemon=True)
                self._thread.start()
            self._wake.notify()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._due:
                    self._wake.wait()
                at, _, watchdog = self._due[0]
                delay = at - time.monotonic()
                if delay > 0:
                    self._wake.wait(delay)
                    continue
                heapq.heappop(self._due)
            watchdog.fire()


_ALARMS = _Alarms()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed by the other side


class _WatchedConnection:
    """Registers the connection's socket with the sending thread's Watchdog."""

    sock: Any

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()  # type: ignore[misc]
        _register(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        if self.sock is not None:  # a kept-alive connection: no new socket to register
            _register(self.sock)
        super().request(*args, **kwargs)  # type: ignore[misc]


def _register(sock: socket.socket) -> None:
    watchdog = getattr(_watching, "current", None)
    if watchdog is not None:
        watchdog.watch(sock)


class _WatchedHTTPConnection(_WatchedConnection, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class Answer(NamedTuple):
    """An HTTP answer: status, headers (lower-case names) and the body up to its cap."""

    status: int
    headers: dict[str, str]
    body: bytes
    truncated: bool


def send_within(session: requests.Session, prepared: requests.PreparedRequest, seconds: float, *,
                body_cap: int, connect_timeout: float = CONNECT_TIMEOUT,
                read_timeout: float = READ_TIMEOUT) -> Answer:
    """Send ``prepared`` and read its body, all within ``seconds`` of wall-clock time.

    Raises DeadlineExceeded when the time runs out (in connect, headers or body), and the
    requests/urllib3 exceptions of the transport otherwise.
    """
    timeout = (min(connect_timeout, seconds), min(read_timeout, seconds))
    with Watchdog(seconds) as watchdog:
        try:
            response = session.send(prepared, stream=True, timeout=timeout, allow_redirects=False)
            try:
                headers = {key.lower(): value for key, value in response.headers.items()}
                body, truncated = b"", False
                if prepared.method != "HEAD" and body_cap > 0:
                    body, truncated = read_capped(response, body_cap, lambda: watchdog.fired)
            finally:
                response.close()
        except Exception:
            if watchdog.fired:
                raise DeadlineExceeded(f"no complete answer within {seconds:.1f} s") from None
            raise
        if watchdog.fired:  # a read cut short by the watchdog looks like a short answer
            raise DeadlineExceeded(f"no complete answer within {seconds:.1f} s")
    return Answer(response.status_code, headers, body, truncated)


class HostLimiter:
    """Per-host politeness: at most ``per_host`` requests in flight and ``interval`` seconds
    between the starts of two requests to one host. ``intervals`` overrides the spacing for
    named hosts (archive.org's APIs want far fewer requests than an ordinary site)."""

    def __init__(self, per_host: int = 2, interval: float = 1.0, intervals: dict[str, float] | None = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep) -> None:
        self.per_host = per_host
        self.interval = interval
        self.intervals = dict(intervals or {})
        self.clock = clock
        self.sleep = sleep
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._slots: dict[str, threading.Semaphore] = {}
        self._paused: dict[str, float] = {}

    def interval_for(self, host: str) -> float:
        return self.intervals.get(host, self.interval)

    def ready_at(self, host: str) -> float:
        """When the next request to ``host`` may start (a clock value)."""
        with self._lock:
            return max(self._next.get(host, 0.0), self._paused.get(host, 0.0))

    def pause(self, host: str, seconds: float) -> None:
        """Hold every request to ``host`` for ``seconds`` (a 429 with Retry-After)."""
        with self._lock:
            self._paused[host] = max(self._paused.get(host, 0.0), self.clock() + seconds)

    @contextmanager
    def slot(self, host: str) -> Iterator[float]:
        """Wait for a turn at ``host``; yields how much of the wait was our own spacing
        (the rest was a pause the host asked for)."""
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.Semaphore(self.per_host))
        started = self.clock()
        semaphore.acquire()
        try:
            with self._lock:
                now = self.clock()
                spacing = max(now, self._next.get(host, 0.0))
                start = max(spacing, self._paused.get(host, 0.0))
                self._next[host] = start + self.interval_for(host)
            wait = start - now
            if wait > 0:
                self.sleep(wait)
            yield spacing - started
        finally:
            semaphore.release()


def limiter_key(target: Target) -> str:
    """What politeness is counted against: the host, except that archive.org's CDX API is
    throttled on its own (about 24-30 requests a minute) apart from its snapshot pages."""
    if target.host == "web.archive.org" and parse_url(target.url).path.startswith("/cdx/"):
        return "web.archive.org/cdx"
    return target.host


class PinnedAdapter(HTTPAdapter):
    """Connects to the address the guard validated, never to a fresh DNS answer.

    The request carries ``citecheck_address``; the connection pool is keyed on that address
    while TLS still uses the real host name for SNI and certificate checking. A request
    without a validated address is refused, so nothing bypasses the guard.
    """

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}

    def get_connection_with_tls_context(self, request: requests.PreparedRequest, verify: Any,
                                        proxies: dict[str, str] | None = None, cert: Any = None) -> Any:
        address = getattr(request, "citecheck_address", None)
        if not address:
            raise requests.exceptions.InvalidURL("request was not validated by the address guard")
        host_params, pool_kwargs = self.build_connection_pool_key_attributes(request, verify, cert)
        hostname = host_params["host"]
        host_params = dict(host_params, host=address)
        if host_params["scheme"] == "https":
            pool_kwargs = dict(pool_kwargs, server_hostname=hostname, assert_hostname=hostname)
        return self.poolmanager.connection_from_host(**host_params, pool_kwargs=pool_kwargs)


class _NoCookies(requests.cookies.RequestsCookieJar):
    """A cookie jar that keeps nothing: a link checker has no session to remember."""

    def set_cookie(self, cookie: Any, *args: Any, **kwargs: Any) -> None:
        return None


def make_session(pool_size: int = 32) -> requests.Session:
    """A Session with the pinned adapter, no cookies, no proxies from the environment."""
    session = requests.Session()
    session.trust_env = False  # a proxy would resolve names itself, defeating the guard
    session.cookies = _NoCookies()
    session.cookies.update(cookiejar_from_dict({}))
    adapter = PinnedAdapter(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Encoding": "gzip, deflate",
    })
    return session


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - now)


def _classify(exc: BaseException) -> tuple[str, bool]:
    """(error kind, retryable) for an exception raised while sending or reading."""
    if isinstance(exc, requests.exceptions.SSLError):
        return "tls", False
    if isinstance(exc, (requests.exceptions.ConnectTimeout, requests.exceptions.ReadTimeout)):
        return "timeout", True
    if isinstance(exc, requests.exceptions.Timeout):
        return "timeout", True
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                        requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader)):
        return "invalid", False
    cause: BaseException | None = exc
    for _ in range(12):  # walk the wrapped causes: requests -> urllib3 -> socket
        if cause is None:
            break
        if isinstance(cause, ConnectionRefusedError):
            return "refused", False
        if isinstance(cause, (ssl.SSLError, ssl.CertificateError)):
            return "tls", False
        nested = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) else None
        cause = cause.__cause__ or cause.__context__ or nested or getattr(cause, "reason", None)
    if "refused" in str(exc).lower():
        return "refused", False
    return "connection", True


class HttpClient:
    """Fetches URLs politely and safely; thread-safe, one instance per run."""

    def __init__(self, guard: AddressGuard | None = None, *, session: requests.Session | None = None,
                 limiter: HostLimiter | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, jitter: Callable[[], float] = random.random,
                 pool_size: int = 32, connect_timeout: float = CONNECT_TIMEOUT,
                 read_timeout: float = READ_TIMEOUT, budget: float = URL_BUDGET,
                 max_redirects: int = MAX_REDIRECTS, attempts: int = ATTEMPTS) -> None:
        self.guard = guard or AddressGuard()
        self.session = session or make_session(pool_size)
        self.clock = clock
        self.sleep = sleep
        self.limiter = limiter or HostLimiter(clock=clock, sleep=sleep)
        self.jitter = jitter
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.budget = budget
        self.max_redirects = max_redirects
        self.attempts = attempts
        self.requests_sent = 0
        self._count_lock = threading.Lock()
        self._rate_limited: dict[str, str] = {}  # limiter key -> why it is left alone this run

    def deadline(self) -> Deadline:
        """A fresh per-URL budget, to share between the requests made for one URL."""
        return Deadline(self.budget, self.clock)

    def fetch(self, url: str, method: str = "GET", *, body_cap: int = BODY_CAP,
              data: dict[str, str] | str | None = None, headers: dict[str, str] | None = None,
              follow: bool = True, deadline: Deadline | None = None) -> FetchResult:
        """Request ``url`` following up to ``max_redirects`` redirects, each hop re-validated.

        All hops and attempts share ``deadline`` (a fresh per-URL budget when not given).
        Never raises for network trouble: the result's ``error`` says what went wrong.
        """
        hops = self.fetch_hops(url, method, body_cap=body_cap, data=data, headers=headers, follow=follow,
                               deadline=deadline)
        while True:
            try:
                next(hops)
            except StopIteration as done:
                return done.value

    def fetch_hops(self, url: str, method: str = "GET", *, body_cap: int = BODY_CAP,
                   data: dict[str, str] | str | None = None, headers: dict[str, str] | None = None,
                   follow: bool = True, deadline: Deadline | None = None) -> Generator[str, None, FetchResult]:
        """``fetch``, pausing before each redirect hop: yields the hop's URL and returns the result.

        A caller that schedules requests by host sends the next hop when its host's turn comes,
        instead of waiting for that turn in the limiter.
        """
        result = FetchResult(url=url, method=method)
        deadline = deadline or self.deadline()
        current = url
        for hop_number in range(self.max_redirects + 1):
            if hop_number:
                yield current
            hop = self._fetch_hop(current, method, body_cap, data, headers, result, deadline)
            if hop is None:
                return result
            location = hop.location
            if not (follow and location and result.status in (301, 302, 303, 307, 308)):
                result.final_url = current
                return result
            current = urljoin(current, location)
            if result.status == 303 or (result.status in (301, 302) and method == "POST"):
                method, data = "GET", None
        result.error, result.detail = "redirects", f"more than {self.max_redirects} redirects"
        result.final_url = current
        return result

    def _fetch_hop(self, url: str, method: str, body_cap: int, data: Any, headers: dict[str, str] | None,
                   result: FetchResult, deadline: Deadline) -> Hop | None:
        """One URL of the chain, with retries. Returns the hop, or None after an error."""
        try:
            target = self.guard.resolve(url)
        except BlockedAddress as exc:
            result.error, result.detail = "blocked", str(exc)
            return None
        except NameNotFound as exc:
            result.error, result.detail = "nxdomain", str(exc)
            return None
        except ResolutionFailed as exc:
            result.error, result.detail = "resolve", str(exc)
            return None
        key = limiter_key(target)
        over_budget = f"over {self.budget:.0f} s for this URL"
        for attempt in range(1, self.attempts + 1):
            refused = self._rate_limited.get(key)
            if refused:
                # The host asked us to stay away longer than we wait: leave it alone this run.
                result.error, result.detail = "rate-limited", f"{key} {refused} earlier in this run"
                return None
            result.attempts += 1
            if deadline.remaining() <= 0:
                result.error, result.detail = "budget", over_budget
                return None
            with self.limiter.slot(key) as own_wait:
                deadline.exclude(own_wait)
                remaining = deadline.remaining()
                outcome = self._send(target, method, body_cap, data, headers, remaining) if remaining > 0 else \
                    _Failure("budget", over_budget, False)
            if isinstance(outcome, _Failure):
                kind, detail, retryable = outcome
                if retryable and attempt < self.attempts:
                    self._backoff(attempt, deadline)
                    continue
                result.error, result.detail = kind, detail
                return None
            status, answer, body, truncated = outcome
            if status in RETRY_STATUSES:
                # A 429 or a server error that says when to come back: the host is busy,
                # not this URL. Waiting counts against the budget; a wait longer than we
                # would ever give one URL leaves the host alone for the rest of the run.
                wait = retry_after_seconds(answer.get("retry-after"), time.time()) \
                    if status == 429 or status >= 500 else None
                if wait is not None and wait > min(MAX_RETRY_AFTER, self.budget):
                    self._rate_limited[key] = f"answered {status} with Retry-After {wait:.0f} s"
                    result.status, result.headers = status, answer
                    result.chain.append(Hop(url, status))
                    result.error, result.detail = "rate-limited", f"{status} with Retry-After {wait:.0f} s"
                    return None
                if attempt < self.attempts:
                    if wait is None:
                        self._backoff(attempt, deadline)
                        continue
                    if wait < deadline.remaining():
                        self.limiter.pause(key, wait)  # the next slot() waits it out
                        continue
                    result.error, result.detail = "budget", f"{status} with Retry-After {wait:.0f} s; {over_budget}"
                elif status == 429 or wait is not None:
                    self._rate_limited[key] = f"answered {status} {self.attempts} times"
                    result.error, result.detail = "rate-limited", f"{status} after retries"
            hop = Hop(url, status, answer.get("location", "") if 300 <= status < 400 else "")
            result.chain.append(hop)
            result.status, result.headers, result.body, result.truncated = status, answer, body, truncated
            return hop if not result.error else None
        return None  # pragma: no cover - the loop always returns

    def _backoff(self, attempt: int, deadline: Deadline) -> None:
        base = BACKOFF[min(attempt - 1, len(BACKOFF) - 1)]
        self.sleep(max(0.0, min(base * (1.0 + 0.5 * self.jitter()), deadline.remaining())))

    def _send(self, target: Target, method: str, body_cap: int, data: Any, extra_headers: dict[str, str] | None,
              remaining: float) -> Answer | _Failure:
        """One request on the wire, finished (body included) within ``remaining`` seconds."""
        request = requests.Request(method, target.url, data=data, headers=extra_headers)
        prepared = self.session.prepare_request(request)
        parsed = parse_url(target.url)
        default_port = 443 if target.scheme == "https" else 80
        name = f"[{target.host}]" if ":" in target.host else target.host  # an IPv6 literal keeps its brackets
        prepared.headers["Host"] = name if parsed.port in (None, default_port) else f"{name}:{parsed.port}"
        prepared.citecheck_address = target.address  # type: ignore[attr-defined]
        with self._count_lock:
            self.requests_sent += 1
        try:
            return send_within(self.session, prepared, remaining, body_cap=body_cap,
                               connect_timeout=self.connect_timeout, read_timeout=self.read_timeout)
        except DeadlineExceeded as exc:
            return _Failure("budget", f"over {self.budget:.0f} s for this URL ({exc})", False)
        except (requests.exceptions.RequestException, Urllib3Error, OSError) as exc:
            kind, retryable = _classify(exc)
            return _Failure(kind, f"{type(exc).__name__}: {exc}", retryable)

    def close(self) -> None:
        self.session.close()


def read_capped(response: requests.Response, cap: int, expired: Callable[[], bool] = lambda: False,
                chunk: int = 16384) -> tuple[bytes, bool]:
    """Up to ``cap`` decoded bytes of the body; (body, truncated).

    Reads the raw, still compressed stream and inflates it here, asking the decompressor
    for no more than the bytes still wanted: a small gzip body never inflates past ``cap``
    in memory, whatever urllib3 would do with it.
    """
    inflater = Inflater(response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    size = 0
    while not expired():
        raw = response.raw.read(chunk, decode_content=False)
        if not raw:
            return b"".join(parts), inflater.broken
        piece = inflater.feed(raw, cap + 1 - size)
        parts.append(piece)
        size += len(piece)
        if size > cap or inflater.broken:
            return b"".join(parts)[:cap], True
    return b"".join(parts), True


class Inflater:
    """Decodes a body sent with Content-Encoding gzip or deflate, bounded by the caller.

    ``feed`` returns at most ``limit`` bytes however much the input would inflate to.
    Encodings we never ask for (br, zstd, chains) are passed through undecoded; corrupt
    compressed data stops the decoding and sets ``broken``.
    """

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding.strip().lower()
        self.broken = False
        self._gzip = self.encoding in ("gzip", "x-gzip")
        self._raw_deflate = False  # "deflate" sent without its zlib header, as some servers do
        self._started = False
        self._members = 0  # complete gzip members decoded
        self._finished = False  # the rest of the input is not part of the body
        self._decompressor = self._new() if self._gzip or self.encoding == "deflate" else None

    def _new(self) -> Any:
        wbits = 16 + zlib.MAX_WBITS if self._gzip else (-zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS)
        return zlib.decompressobj(wbits)

    def feed(self, data: bytes, limit: int) -> bytes:
        if self._decompressor is None:
            return data[:limit]
        out: list[bytes] = []
        while data and limit > 0 and not self._finished:
            if self._decompressor.eof:
                if not self._gzip:
                    break  # bytes after a deflate stream are not part of the body
                self._decompressor = self._new()  # the next member of a multi-member gzip
            try:
                piece = self._decompressor.decompress(data, limit)
            except zlib.error:
                if self.encoding == "deflate" and not self._started and not self._raw_deflate:
                    self._raw_deflate = True
                    self._decompressor = self._new()
                    continue
                # Garbage after a complete gzip member ends the body, as in browsers.
                self.broken = not (self._gzip and self._members)
                self._finished = True
                break
            self._started = True
            out.append(piece)
            limit -= len(piece)
            if self._decompressor.eof:
                self._members += 1
                data = self._decompressor.unused_data
            else:
                data = self._decompressor.unconsumed_tail
        return b"".join(out)

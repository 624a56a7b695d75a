"""Fetch one revision of a wiki page through the MediaWiki Action API, then lint it as wikitext.

Fetching is an explicit request of the user (``citecheck fetch``, or a page URL given where a
file would be), so it needs no ``--online``; it still follows the house rules for the network:
https only, hosts that resolve to private, loopback or link-local addresses refused, a
descriptive User-Agent, timeouts, bounded retries that honour ``Retry-After``, and
``maxlag=5`` as Wikimedia asks of automated clients (a lagged server answers with a
``maxlag`` error, and the request is retried after the delay it names).

A fetch has one deadline for all its attempts and waits, enforced on the socket (a server
sending a byte at a time cannot hold it), and the answer is read only up to a size cap
counted after decompression. An answer that is not the JSON shape of the API is a
FetchError, never a traceback.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

from citecheck import PROJECT_URL, __version__

if TYPE_CHECKING:
    import requests

    from citecheck.api import Result
    from citecheck.config import Settings
    from citecheck.model import Document

API_PATH = "/w/api.php"
USER_AGENT = f"citecheck/{__version__} (citation-integrity linter; +{PROJECT_URL}) python-requests"
TIMEOUT = (5.0, 30.0)  # connect, read (seconds)
FETCH_BUDGET = 90.0  # seconds for one fetch: every attempt, answer and wait together
MAX_ATTEMPTS = 4
MAX_WAIT = 30.0  # never sleep longer than this on one Retry-After
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")


class FetchError(Exception):
    """The page could not be fetched; the message says why (exit code 2)."""


@dataclass(frozen=True)
class WikiPage:
    """One revision of a page: its wikitext and where and when it was saved."""

    wiki: str
    title: str
    revid: int
    timestamp: datetime
    content: str

    @property
    def url(self) -> str:
        """A permanent link to this revision."""
        return f"https://{self.wiki}/w/index.php?{urlencode({'title': self.title.replace(' ', '_'), 'oldid': self.revid})}"


def is_page_url(value: str) -> bool:
    return value.strip().lower().startswith(("https://", "http://"))


def normalise_wiki(host: str) -> str:
    """A bare, lower-case host name; the mobile site (en.m.wikipedia.org) becomes the desktop one."""
    host = host.strip().lower().rstrip(".")
    if host.startswith(("https://", "http://")):
        host = urlsplit(host).netloc
    host = re.sub(r"^([a-z0-9-]+)\.m\.", r"\1.", host)
    if not _HOST.match(host):
        raise FetchError(f"not a wiki host name: {host!r} (expected e.g. en.wikipedia.org)")
    return host


def parse_page_url(url: str) -> tuple[str, str | None, int | None]:
    """(wiki host, title, revision id) from a page URL: /wiki/Title or /w/index.php?title=…&oldid=…"""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "https":
        raise FetchError(f"only https URLs are fetched: {url!r}")
    if parts.username or parts.password or parts.port not in (None, 443):
        raise FetchError(f"unsupported URL (credentials or port): {url!r}")
    wiki = normalise_wiki(parts.hostname or "")
    query = parse_qs(parts.query)
    title: str | None = None
    revid: int | None = None
    if parts.path.startswith("/wiki/") and len(parts.path) > len("/wiki/"):
        title = unquote(parts.path[len("/wiki/"):])
    if query.get("title"):
        title = query["title"][0]
    if query.get("oldid"):
        value = query["oldid"][0]
        if not value.isdigit():
            raise FetchError(f"oldid={value!r} is not a revision id")
        revid = int(value)
    if title is None and revid is None:
        raise FetchError(f"no page title or revision id in {url!r}")
    return wiki, (title.replace("_", " ").strip() if title else None), revid


def page_url(url: str | None = None, wiki: str | None = None, title: str | None = None,
             revision: int | None = None) -> str:
    """The canonical https URL of a page (at ``revision`` if given) from a URL or a wiki and title."""
    if url:
        if wiki or title:
            raise FetchError("give a page URL or --wiki with --title, not both")
        wiki, title, url_revision = parse_page_url(url)
        revision = revision if revision is not None else url_revision
    elif not wiki:
        raise FetchError("give a page URL, or --wiki with --title or --revision")
    wiki = normalise_wiki(wiki)
    if not (title or "").strip() and revision is None:
        raise FetchError("give --title or --revision with --wiki")
    query: dict[str, str | int] = {}
    if title and title.strip():
        query["title"] = title.strip().replace(" ", "_")
    if revision is not None:
        if revision <= 0:
            raise FetchError(f"not a revision id: {revision}")
        query["oldid"] = revision
    return f"https://{wiki}/w/index.php?{urlencode(query)}"


def _retry_after(headers: dict[str, str], attempt: int) -> float:
    from citecheck.net.http import retry_after_seconds

    seconds = retry_after_seconds(headers.get("retry-after"), time.time())
    if seconds is None:
        seconds = 2.0 ** attempt
    return min(max(seconds, 1.0), MAX_WAIT)


def _expect(value: Any, kind: type, what: str, wiki: str) -> Any:
    """``value`` when it has the JSON type the API documents; a FetchError otherwise."""
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise FetchError(f"{wiki} answered with JSON of an unexpected shape ({what} is {type(value).__name__})")
    return value


def default_guard() -> Any:
    """The address guard that vets the wiki host: the system resolver, no exemptions."""
    from citecheck.net.guard import AddressGuard

    return AddressGuard()


class WikiClient:
    """A small MediaWiki Action API client for reading one revision's wikitext."""

    def __init__(self, session: "requests.Session | None" = None, *, guard: Any = None,
                 sleep: Callable[[float], None] = time.sleep, max_attempts: int = MAX_ATTEMPTS,
                 max_bytes: int | None = None, budget: float = FETCH_BUDGET,
                 clock: Callable[[], float] = time.monotonic) -> None:
        from citecheck.net.http import make_session

        # The pinned session connects to the address the guard vetted, never to a fresh DNS answer.
        self.session = session or make_session(pool_size=2)
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers["Accept"] = "application/json"
        self.guard = guard or default_guard()
        self.sleep = sleep
        self.max_attempts = max_attempts
        self.max_bytes = max_bytes
        self.budget = budget
        self.clock = clock

    @property
    def answer_cap(self) -> int:
        """Bytes of API answer read at most: the revision limit, with room for JSON escaping
        (a non-ASCII character of 2 bytes is written as a 6-byte \\uXXXX escape)."""
        from citecheck.io import DEFAULT_MAX_BYTES

        return 3 * (self.max_bytes or DEFAULT_MAX_BYTES) + 65536

    def fetch(self, wiki: str, title: str | None = None, revision: int | None = None) -> WikiPage:
        """The latest revision of ``title``, or revision ``revision`` (which wins when both are given)."""
        wiki = normalise_wiki(wiki)
        if revision is None and not (title or "").strip():
            raise FetchError("give a page title or a revision id")
        params = {
            "action": "query", "prop": "revisions", "rvprop": "content|timestamp|ids",
            "rvslots": "main", "formatversion": "2", "format": "json", "maxlag": "5",
            "redirects": "1",
        }
        if revision is not None:
            params["revids"] = str(revision)
        else:
            params["titles"] = str(title).strip()
        data = self._get(wiki, params)
        return self._page(wiki, data, title, revision)

    def _get(self, wiki: str, params: dict[str, str]) -> dict[str, Any]:
        import json

        import requests
        from urllib3.exceptions import HTTPError as Urllib3Error

        from citecheck.net.guard import BlockedAddress, NameNotFound, ResolutionFailed
        from citecheck.net.http import Deadline, DeadlineExceeded, send_within

        url = f"https://{wiki}{API_PATH}"
        deadline = Deadline(self.budget, self.clock)
        too_slow = f"{wiki} did not answer within {self.budget:.0f} s"
        last = ""
        for attempt in range(1, self.max_attempts + 1):
            try:
                target = self.guard.resolve(url)
            except BlockedAddress as exc:
                raise FetchError(f"refusing to fetch from {wiki}: {exc}") from None
            except (NameNotFound, ResolutionFailed) as exc:
                raise FetchError(f"cannot reach {wiki}: {exc}") from None
            remaining = deadline.remaining()
            if remaining <= 0:
                raise FetchError(f"{too_slow} ({last})")
            request = self.session.prepare_request(requests.Request("GET", url, params=params))
            request.citecheck_address = target.address  # type: ignore[attr-defined]
            try:
                answer = send_within(self.session, request, remaining, body_cap=self.answer_cap,
                                     connect_timeout=TIMEOUT[0], read_timeout=TIMEOUT[1])
            except DeadlineExceeded:
                raise FetchError(f"{too_slow} (the answer came too slowly)") from None
            except (requests.RequestException, Urllib3Error, OSError) as exc:
                last = f"{type(exc).__name__}: {exc}"
                if attempt < self.max_attempts:
                    self._wait(min(2.0 ** attempt, MAX_WAIT), deadline, too_slow, last)
                continue
            if answer.status in RETRY_STATUSES:
                last = f"HTTP {answer.status}"
                if attempt < self.max_attempts:
                    self._wait(_retry_after(answer.headers, attempt), deadline, too_slow, last)
                continue
            if answer.status != 200:
                raise FetchError(f"{wiki} answered HTTP {answer.status} (is it a MediaWiki site?)")
            if answer.truncated:
                raise FetchError(f"the API answer is larger than {self.answer_cap} bytes")
            try:
                data = json.loads(answer.body)
            except (ValueError, RecursionError):
                raise FetchError(f"{wiki} did not answer with JSON (is {API_PATH} its API?)") from None
            error = data.get("error") if isinstance(data, dict) else None
            if isinstance(error, dict) and error.get("code") == "maxlag":
                last = f"server lagged: {error.get('info', '')}".strip()
                if attempt < self.max_attempts:
                    self._wait(_retry_after(answer.headers, attempt), deadline, too_slow, last)
                continue
            if isinstance(error, dict):
                raise FetchError(f"{wiki} API error {error.get('code')}: {error.get('info', '')}")
            return _expect(data, dict, "the answer", wiki)
        raise FetchError(f"{wiki} did not answer after {self.max_attempts} attempts ({last})")

    def _wait(self, seconds: float, deadline: Any, too_slow: str, last: str) -> None:
        """Sleep before a retry; a wait that would end past the deadline ends the fetch now."""
        if seconds >= deadline.remaining():
            raise FetchError(f"{too_slow} ({last}; asked to wait {seconds:.0f} s more)")
        self.sleep(seconds)

    def _page(self, wiki: str, data: dict[str, Any], title: str | None, revision: int | None) -> WikiPage:
        def expect(value: Any, kind: type, what: str) -> Any:
            return _expect(value, kind, what, wiki)

        query = expect(data.get("query") or {}, dict, "query")
        if query.get("badrevids"):
            raise FetchError(f"no revision {revision} on {wiki}")
        pages = query.get("pages") or []
        if isinstance(pages, dict):  # formatversion=1 shape, should a server ignore the parameter
            pages = list(pages.values())
        if not expect(pages, list, "query.pages"):
            raise FetchError(f"{wiki} returned no page for {title or revision}")
        page = expect(pages[0], dict, "the page")
        name = expect(page.get("title") or title or "", str, "the page title")
        if page.get("invalid"):
            raise FetchError(f"invalid title {name!r}: {page.get('invalidreason', '')}".rstrip(": "))
        if page.get("missing"):
            raise FetchError(f"no page {name!r} on {wiki}")
        revisions = expect(page.get("revisions") or [], list, "the page's revisions")
        if not revisions:
            raise FetchError(f"page {name!r} on {wiki} has no readable revision")
        rev = expect(revisions[0], dict, "the revision")
        slot = expect(expect(rev.get("slots") or {}, dict, "the revision's slots").get("main") or {}, dict,
                      "the main slot")
        content = slot.get("content", rev.get("content"))
        if content is None or slot.get("texthidden") or rev.get("texthidden"):
            raise FetchError(f"the text of revision {rev.get('revid')} of {name!r} is hidden or missing")
        content = expect(content, str, "the revision's content")
        model = slot.get("contentmodel", "wikitext")
        if model != "wikitext":
            raise FetchError(f"page {name!r} is {model}, not wikitext")
        if self.max_bytes is not None and len(content.encode("utf-8", "surrogatepass")) > self.max_bytes:
            raise FetchError(f"revision {rev.get('revid')} of {name!r} is larger than {self.max_bytes} bytes")
        try:
            stamp = datetime.fromisoformat(str(rev["timestamp"]).replace("Z", "+00:00"))
            revid = int(rev["revid"])
        except (KeyError, ValueError, TypeError, OverflowError):
            raise FetchError(f"revision of {name!r} lacks a timestamp or id") from None
        return WikiPage(wiki=wiki, title=name, revid=revid, timestamp=stamp, content=content)


def lint_page(page: WikiPage, settings: "Settings") -> "Result":
    """Lint a fetched revision as wikitext, its API timestamp being the revision date."""
    from citecheck.api import lint_text

    def from_api(doc: "Document") -> None:
        doc.title = page.title  # the parser can only guess it from the path
        doc.revision_date, doc.revision_date_source = page.timestamp.date(), "api"
        doc.metadata.update({"wiki": page.wiki, "revision_id": page.revid,
                             "revision_timestamp": page.timestamp.isoformat()})

    return lint_text(page.content, "wikitext", path=page.url, settings=settings, before_rules=from_api)


def revision_pair(old: str, new: str, wiki: str | None = None) -> tuple[str, str]:
    """``citecheck diff`` arguments with bare revision ids made into URLs of their wiki.

    The wiki is ``wiki`` when given, else the one of the other argument's page URL:
    ``diff https://en.wikipedia.org/w/index.php?oldid=100 101`` and
    ``diff --wiki en.wikipedia.org 100 101`` compare revisions 100 and 101. An existing file
    named like a number stays a file.
    """
    import os

    def bare_id(value: str) -> bool:
        return value.strip().isdigit() and not os.path.exists(value)

    def home(other: str) -> str | None:
        if wiki:
            return normalise_wiki(wiki)
        return parse_page_url(other)[0] if is_page_url(other) else None

    pair = [old, new]
    for i, value in enumerate(pair):
        if bare_id(value):
            host = home(pair[1 - i])
            if host is None:
                raise FetchError("a bare revision id needs its wiki: give --wiki, or the other "
                                 "revision as a page URL (https://en.wikipedia.org/w/index.php?oldid=ID)")
            pair[i] = f"https://{host}/w/index.php?oldid={int(value)}"
    return pair[0], pair[1]


def lint_url(url: str, settings: "Settings", client: WikiClient | None = None) -> "Result":
    """Fetch the page a URL names (at its ``oldid`` if it has one) and lint it."""
    wiki, title, revid = parse_page_url(url)
    client = client or WikiClient(max_bytes=settings.max_bytes)
    return lint_page(client.fetch(wiki, title, revid), settings)

"""Recorded HTTP answers for tests and rule case files: the real checker, no network.

A fixture is a JSON file::

    {"dns": {"example.org": "93.184.216.34", "gone.example": null},
     "responses": [{"method": "HEAD", "url": "https://example.org/a", "status": 404,
                    "headers": {}, "body": ""}],
     "history": {"https://example.org/a": [[-5, "dead"], [-2, "dead"]]}}

``dns`` maps host names to the address the resolver returns (``null``: the name does not
exist); ``responses`` are matched on method and exact URL (method "*" matches any);
``history`` pre-fills the observation cache with (days from now, verdict) pairs; a response
may give ``body_file`` (a path relative to the fixture) instead of ``body``, for recorded
pages and PDFs. Probe URLs for soft-404 checks use the fixed token "probe". Everything else
goes through the real client: the address guard, redirects, retries (without sleeping) and
body caps.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, TextIO

import requests
from requests.adapters import HTTPAdapter
from urllib3 import HTTPResponse

from citecheck.net.cache import LinkCache
from citecheck.net.guard import AddressGuard, NameNotFound
from citecheck.net.http import HostLimiter, HttpClient, make_session


class ReplayAdapter(HTTPAdapter):
    """Answers requests from a list of recorded responses; unknown requests fail to connect."""

    def __init__(self, responses: list[dict[str, Any]]) -> None:
        super().__init__()
        self.recorded = responses
        self.seen: list[tuple[str, str]] = []

    def send(self, request: requests.PreparedRequest, stream: bool = False, timeout: Any = None,
             verify: Any = True, cert: Any = None, proxies: Any = None) -> requests.Response:
        if not getattr(request, "citecheck_address", None):
            raise requests.exceptions.InvalidURL("request was not validated by the address guard")
        self.seen.append((request.method or "", request.url or ""))
        for entry in self.recorded:
            if entry.get("method", "*") in ("*", request.method) and entry["url"] == request.url:
                return self._response(request, entry)
        raise requests.exceptions.ConnectionError(f"no recorded response for {request.method} {request.url}")

    def _response(self, request: requests.PreparedRequest, entry: dict[str, Any]) -> requests.Response:
        body = entry.get("body", "")
        payload = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        raw = HTTPResponse(body=io.BytesIO(payload), headers=entry.get("headers", {}), status=entry["status"],
                           preload_content=False, decode_content=True, request_method=request.method)
        return self.build_response(request, raw)


def fixture_resolver(dns: dict[str, str | None]) -> Any:
    def resolve(host: str, port: int) -> list[str]:
        if host not in dns or dns[host] is None:
            raise NameNotFound(f"{host}: name not known")
        return [str(dns[host])]

    return resolve


def load_fixture(cls: Any, path: str | Path, stream: TextIO | None = None) -> Any:
    """A LinkChecker (``cls``) wired to the recorded answers in ``path``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    responses = [dict(entry, body=(Path(path).parent / entry["body_file"]).read_bytes()) if "body_file" in entry
                 else entry for entry in data.get("responses", [])]
    session = make_session()
    adapter = ReplayAdapter(responses)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    ticks = [0.0]

    def clock() -> float:
        return ticks[0]

    def sleep(seconds: float) -> None:
        ticks[0] += max(0.0, seconds)

    limiter = HostLimiter(clock=clock, sleep=sleep)
    client = HttpClient(AddressGuard(fixture_resolver(data.get("dns", {}))), session=session, limiter=limiter,
                        clock=clock, sleep=sleep, jitter=lambda: 0.0)
    cache = LinkCache(None)
    checker = cls(client, cache, workers=4, token=lambda: "probe", stream=stream)
    now = checker.wall_clock()
    for url, observations in data.get("history", {}).items():
        from citecheck.net.linkcheck import normalize_url

        for days, verdict in observations:
            cache.record(normalize_url(url), verdict, {"reason": "recorded"}, now + float(days) * 86400.0)
    return checker

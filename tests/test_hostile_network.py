"""Hostile servers on 127.0.0.1: trickled headers and bodies, long Retry-After, compression bombs.

Every server here is local and every test bounded in time: the point is that a server can
slow citecheck down by at most the budget it was given, never hold it forever.
"""

from __future__ import annotations

import gzip
import shutil
import socket
import ssl
import subprocess
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
import responses

from citecheck import fetch
from citecheck.fetch import FetchError, WikiClient
from citecheck.model import Document, Reference, Span
from citecheck.net.cache import LinkCache
from citecheck.net.guard import AddressGuard
from citecheck.net.http import HostLimiter, HttpClient, Inflater, make_session
from citecheck.net.linkcheck import LinkChecker
from local_server import AnsweringHandler
from test_net_linkcheck import URL, FakeTime, make_checker

BUDGET = 2.0
SLACK = 1.0
DRIP = 0.25  # seconds between two trickled bytes


class Hostile(AnsweringHandler):
    """Paths that misbehave on purpose; every other path is an honest 404."""

    requests: list[str] = []

    def _drip(self, data: bytes) -> None:
        """Send ``data`` one byte at a time until the client goes away (or 60 bytes)."""
        for byte in data[:60]:
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return
            time.sleep(DRIP)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        type(self).requests.append(f"{self.command} {self.path}")
        path = self.path.split("?", 1)[0]
        if path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._drip(b"X-Padding: " + b"a" * 200 + b"\r\n\r\n")
        elif path == "/trickle-body":
            if self.command == "HEAD":
                self.answer(405)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self._drip(b"<title>slow</title>" + b"x" * 981)
        elif path.startswith("/overloaded"):
            self.answer(503, headers={"Retry-After": "60"})
        elif path == "/gzip-bomb":
            self.answer(200, gzip.compress(b"\0" * (16 * 1024 * 1024)), {"Content-Encoding": "gzip"})
        else:
            self.answer(404, b"<title>Not found</title>")



def serve(httpd: ThreadingHTTPServer) -> Iterator[int]:
    Hostile.requests = []
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server() -> Iterator[int]:
    yield from serve(ThreadingHTTPServer(("127.0.0.1", 0), Hostile))


def local_client(budget: float = BUDGET, session=None) -> HttpClient:
    guard = AddressGuard(lambda host, port: ["127.0.0.1"], allow=["127.0.0.1/32"])
    return HttpClient(guard, limiter=HostLimiter(interval=0.0), budget=budget, read_timeout=15.0,
                      session=session, sleep=lambda seconds: time.sleep(min(seconds, 0.05)))


@pytest.mark.parametrize("path", ["/trickle-headers", "/trickle-body"])
def test_a_trickling_server_costs_at_most_the_budget(server: int, path: str) -> None:
    started = time.monotonic()
    result = local_client().fetch(f"http://site.test:{server}{path}", "GET")
    elapsed = time.monotonic() - started
    assert result.error == "budget", result
    assert result.status is None and result.body == b"", "a cut-off answer is not an answer"
    assert elapsed < BUDGET + SLACK
    assert result.attempts == 1, "a spent budget is not retried"


def test_a_link_check_run_over_trickling_urls_ends_within_the_budget(server: int, tmp_path: Path) -> None:
    base = f"http://site.test:{server}"
    refs = [Reference(key=str(i), span=Span(0, 1), raw="r", fields={"url": base + path})
            for i, path in enumerate(("/trickle-headers", "/trickle-body"))]
    checker = LinkChecker(local_client(), LinkCache(tmp_path / "links.sqlite"), workers=4)
    started = time.monotonic()
    stats = checker.prefetch(Document(source="x", format="wikitext", references=refs), ["CC311"])
    elapsed = time.monotonic() - started
    assert (stats.unknown, stats.dead) == (2, 0)
    assert {checker.verdict(base + path).reason for path in ("/trickle-headers", "/trickle-body")} == {"budget"}
    # The two URLs run side by side after the host's quick probe: one budget each, not two.
    assert elapsed < BUDGET + SLACK


def test_retry_after_on_a_server_error_leaves_the_host_alone(server: int, tmp_path: Path) -> None:
    base = f"http://busy.test:{server}"
    refs = [Reference(key=str(i), span=Span(0, 1), raw="r", fields={"url": f"{base}/overloaded/{i}"})
            for i in range(5)]
    checker = LinkChecker(local_client(budget=30.0), LinkCache(tmp_path / "links.sqlite"), workers=4)
    started = time.monotonic()
    stats = checker.prefetch(Document(source="x", format="wikitext", references=refs), ["CC311"])
    assert time.monotonic() - started < 3.0, "503 with Retry-After 60 must not be waited out per URL"
    assert stats.unknown == 5 and stats.dead == 0
    assert {checker.verdict(f"{base}/overloaded/{i}").reason for i in range(5)} == {"rate-limited"}
    # The soft-404 probe and the first URLs in flight are answered 503 once; nothing after.
    assert len(Hostile.requests) <= 3


def test_retry_after_within_the_budget_is_waited_and_counted(mock_http) -> None:
    fake = FakeTime()
    checker = make_checker(fake)
    for _ in range(3):
        mock_http.head(URL, status=503, headers={"Retry-After": "20"})
    started = fake.now
    result = checker.client.fetch(URL, "HEAD")
    # Waited 20 s once; a second 20 s would end past the 30 s budget, so it stops there.
    assert result.error == "budget" and result.status == 503
    assert len(mock_http.calls) == 2
    assert fake.now - started <= checker.client.budget


def test_server_errors_with_retry_after_every_time_end_the_host(mock_http) -> None:
    fake = FakeTime()
    checker = make_checker(fake)
    for _ in range(3):
        mock_http.head(URL, status=502, headers={"Retry-After": "1"})
    first = checker.client.fetch(URL, "HEAD")
    assert first.error == "rate-limited" and len(mock_http.calls) == 3
    second = checker.client.fetch("https://example.org/other", "HEAD")
    assert second.error == "rate-limited" and len(mock_http.calls) == 3


@pytest.fixture
def mock_http():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


# -- bodies: inflated under the cap ---------------------------------------------------------


def test_gzip_bomb_is_capped_while_inflating(server: int) -> None:
    result = local_client().fetch(f"http://site.test:{server}/gzip-bomb", "GET", body_cap=1000)
    assert result.status == 200 and result.truncated and result.body == b"\0" * 1000


@pytest.mark.parametrize(("encoding", "compress"), [
    ("gzip", gzip.compress),
    ("deflate", zlib.compress),
    ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send it
])
def test_inflater_never_produces_more_than_asked(encoding: str, compress) -> None:
    packed = compress(b"abc" * 1_000_000)
    inflater = Inflater(encoding)
    out = b"".join(inflater.feed(packed[i:i + 4096], 10) for i in range(0, len(packed), 4096))
    assert len(out) <= 10 * (len(packed) // 4096 + 1) and out.startswith(b"abcabc")
    whole = Inflater(encoding).feed(packed, 5_000_000)
    assert whole == b"abc" * 1_000_000


def test_inflater_multi_member_gzip_and_trailing_garbage() -> None:
    assert Inflater("gzip").feed(gzip.compress(b"one ") + gzip.compress(b"two") + b"\0\0junk", 100) == b"one two"
    broken = Inflater("gzip")
    assert broken.feed(b"\x1f\x8bnot gzip at all", 100) == b"" and broken.broken


# -- the MediaWiki fetcher ----------------------------------------------------------------------


class SlowWiki(BaseHTTPRequestHandler):
    """A wiki API whose answer arrives one byte at a time."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "500")
        self.end_headers()
        for _ in range(60):
            try:
                self.wfile.write(b" ")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(DRIP)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_fetcher_has_one_deadline_over_tls(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=wiki.test", "-addext", "subjectAltName=DNS:wiki.test", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), SlowWiki)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    for port in serve(httpd):
        session = make_session(pool_size=2)
        session.verify = str(cert)
        guard = AddressGuard(lambda host, p: ["127.0.0.1"], allow=["127.0.0.1/32"])
        client = WikiClient(session, guard=guard, budget=BUDGET, sleep=lambda s: None)
        started = time.monotonic()
        with pytest.raises(FetchError, match="did not answer within 2 s"):
            client._get(f"wiki.test:{port}", {"action": "query"})  # the test server's port
        assert time.monotonic() - started < BUDGET + SLACK


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[responses.RequestsMock]:
    monkeypatch.setattr(fetch, "default_guard", lambda: AddressGuard(resolver=lambda host, port: ["198.35.26.96"]))
    with responses.RequestsMock() as mock:
        yield mock


API = "https://en.wikipedia.org/w/api.php"


def test_fetcher_caps_a_compressed_answer_before_inflating(api: responses.RequestsMock) -> None:
    bomb = gzip.compress(b'{"query": {"pages": [{"title": "' + b"a" * (8 * 1024 * 1024) + b'"}]}}')
    api.get(API, body=bomb, headers={"Content-Encoding": "gzip"}, content_type="application/json")
    with pytest.raises(FetchError, match="larger than"):
        WikiClient(max_bytes=1000).fetch("en.wikipedia.org", "X")


@pytest.mark.parametrize("body", [
    "[1, 2, 3]",
    '{"query": []}',
    '{"query": {"pages": ["not a page"]}}',
    '{"query": {"pages": [{"title": 5, "revisions": []}]}}',
    '{"query": {"pages": [{"title": "X", "revisions": {"0": 1}}]}}',
    '{"query": {"pages": [{"title": "X", "revisions": [[]]}]}}',
    '{"query": {"pages": [{"title": "X", "revisions": [{"slots": []}]}]}}',
    '{"query": {"pages": [{"title": "X", "revisions": [{"slots": {"main": {"content": 7}}}]}]}}',
    '{"query": {"pages": [{"title": "X", "revisions": [{"slots": {"main": {"content": "t"}}, '
    '"revid": [1], "timestamp": "2020-01-01T00:00:00Z"}]}]}}',
    "[" * 100_000 + "]" * 100_000,
    '{"query": {"pages": [{"title": "X", "revisions": [{"slots": {"main": "text"}}]}]}}',
])
def test_odd_api_answers_are_clear_errors(api: responses.RequestsMock, body: str) -> None:
    api.get(API, body=body, content_type="application/json")
    with pytest.raises(FetchError) as caught:
        WikiClient().fetch("en.wikipedia.org", "X")
    assert "en.wikipedia.org" in str(caught.value) or "X" in str(caught.value)


def test_odd_api_answer_on_the_command_line_is_exit_2(api: responses.RequestsMock) -> None:
    from click.testing import CliRunner

    from citecheck.cli import main

    api.get(API, body='{"query": {"pages": [{"title": "X", "revisions": [[]]}]}}', content_type="application/json")
    run = CliRunner().invoke(main, ["fetch", "https://en.wikipedia.org/wiki/X"])
    assert run.exit_code == 2 and "unexpected shape" in run.output
    assert "Traceback" not in run.output


def test_watchdog_closes_its_descriptors() -> None:
    """Each watched request duplicates a descriptor; none may outlive the request."""
    import os

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("no /proc")
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def answer() -> None:
        for _ in range(6):
            conn, _ = listener.accept()
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
            conn.close()

    server = threading.Thread(target=answer, daemon=True)
    server.start()
    client = local_client()
    # One request first: what the client keeps for the whole run (its alarm thread) exists from here on.
    assert client.fetch(f"http://site.test:{port}/x", "GET").status == 200
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(5):
        assert client.fetch(f"http://site.test:{port}/x", "GET").status == 200
    server.join(timeout=5)
    client.close()
    assert len(os.listdir("/proc/self/fd")) <= before
    listener.close()


def test_odd_archive_answers_are_no_snapshot(mock_http) -> None:
    from citecheck.net.wayback import AVAILABILITY_URL, CDX_URL, WaybackClient

    checker = make_checker(FakeTime())
    wayback = WaybackClient(checker.client, checker.cache)
    other = "https://news.example.com/a"
    mock_http.post(AVAILABILITY_URL, json={"results": [
        {"tag": "0", "archived_snapshots": [1, 2]}, "not an entry",
        {"tag": "1", "archived_snapshots": {"closest": {"url": {"a": 1}, "timestamp": [], "status": "200"}}}]})
    mock_http.get(CDX_URL, body="[" * 200_000)
    answers = wayback.lookup_many([(URL, "20200101"), (other, "")], cdx_for=[URL])
    assert answers == {(URL, "20200101"): None, (other, ""): None}

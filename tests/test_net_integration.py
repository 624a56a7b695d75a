"""The link checker over real sockets: a threaded HTTP server on 127.0.0.1 started by each test.

The address guard is opened for 127.0.0.1 only, through the explicit ``allow`` option the
command line does not expose; host names resolve (in the test resolver) to 127.0.0.1, so these
tests also show that connections go to the validated address with the right Host header.
"""

from __future__ import annotations

import gzip
import shutil
import ssl
import subprocess
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from citecheck.model import Document, Reference, Span
from citecheck.net.cache import LinkCache
from citecheck.net.guard import AddressGuard
from citecheck.net.http import HostLimiter, HttpClient, make_session
from citecheck.net.linkcheck import LinkChecker

from local_server import AnsweringHandler


class Handler(AnsweringHandler):
    """Serves the behaviours a link checker meets in the wild."""

    seen: list[tuple[str, str, str]] = []
    busy_left = {"n": 1}

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        type(self).seen.append((self.command, self.headers.get("Host", ""), self.path))
        path = self.path.split("?", 1)[0]
        if path == "/alive":
            self.answer(200, b"<title>Alive</title><p>a real page</p>", {"Content-Type": "text/html"})
        elif path in ("/dead", "/citecheck-probe") or path.startswith("/citecheck-"):
            self.answer(404, b"<title>Not found</title>")
        elif path == "/no-head":
            if self.command == "HEAD":
                self.answer(405)
            else:
                self.answer(200, b"<title>GET only</title>")
        elif path == "/slow":
            time.sleep(1.0)
            self.answer(200, b"late")
        elif path == "/moved":
            self.answer(301, b"", {"Location": "/alive"})
        elif path == "/to-root":
            self.answer(302, b"", {"Location": "/"})
        elif path == "/":
            self.answer(200, b"<title>Home</title>")
        elif path == "/busy":
            if type(self).busy_left["n"] > 0:
                type(self).busy_left["n"] -= 1
                self.answer(429, b"", {"Retry-After": "1"})
            else:
                self.answer(200, b"<title>Busy but fine</title>")
        elif path == "/throttled":
            self.answer(429, b"", {"Retry-After": "86400"})
        elif path == "/bomb":
            body = gzip.compress(b"\0" * (50 * 1024 * 1024))
            self.answer(200, body, {"Content-Encoding": "gzip", "Content-Type": "text/html"})
        elif path == "/to-metadata":
            self.answer(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
        else:
            self.answer(500)


@pytest.fixture
def server() -> Iterator[int]:
    Handler.seen = []
    Handler.busy_left = {"n": 1}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def local_resolver(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


def checker_for(tmp_path: Path, *, read_timeout: float = 15.0, interval: float = 0.0,
                session=None) -> LinkChecker:
    def backoff_sleep(seconds: float) -> None:  # retry backoff, shortened for tests
        time.sleep(min(seconds, 0.05))

    def politeness_sleep(seconds: float) -> None:  # host spacing is real; long Retry-After pauses are cut
        time.sleep(seconds if seconds <= 2 else 0.2)

    limiter = HostLimiter(interval=interval, sleep=politeness_sleep)
    client = HttpClient(AddressGuard(local_resolver, allow=["127.0.0.1/32"]), limiter=limiter,
                        read_timeout=read_timeout, session=session, sleep=backoff_sleep)
    return LinkChecker(client, LinkCache(tmp_path / "links.sqlite"), workers=8)


def test_verdicts_over_real_sockets(server: int, tmp_path: Path) -> None:
    checker = checker_for(tmp_path, read_timeout=0.3)
    base = f"http://site.test:{server}"
    got = {path: checker.check_url(base + path) for path in
           ("/alive", "/dead", "/no-head", "/moved", "/to-root", "/busy", "/slow", "/throttled")}
    assert {p: (v.verdict, v.reason) for p, v in got.items()} == {
        "/alive": ("alive", "200"),
        "/dead": ("dead", "404"),
        "/no-head": ("alive", "200"),
        "/moved": ("alive", "200"),
        "/to-root": ("dead", "redirect-to-root"),
        "/busy": ("alive", "200"),
        "/throttled": ("unknown", "rate-limited"),
        "/slow": ("unknown", "timeout"),
    }
    # Connected to 127.0.0.1 while telling the server which site was meant.
    assert {host for _, host, _ in Handler.seen} == {f"site.test:{server}"}
    # The host asked for a day's rest: nothing more is sent to it in this run.
    sent = len(Handler.seen)
    assert checker.check_url(base + "/alive").reason == "rate-limited" and len(Handler.seen) == sent


def test_redirect_to_metadata_address_is_never_followed(server: int, tmp_path: Path) -> None:
    verdict = checker_for(tmp_path).check_url(f"http://site.test:{server}/to-metadata")
    assert (verdict.verdict, verdict.reason) == ("unknown", "blocked")
    assert "169.254.169.254" in verdict.evidence["detail"]


def test_guard_closed_by_default_refuses_loopback(server: int) -> None:
    client = HttpClient(AddressGuard())
    result = client.fetch(f"http://127.0.0.1:{server}/alive")
    assert result.error == "blocked" and not Handler.seen


def test_gzip_bomb_over_a_socket_is_capped(server: int, tmp_path: Path) -> None:
    client = checker_for(tmp_path).client
    result = client.fetch(f"http://site.test:{server}/bomb", "GET", body_cap=64 * 1024)
    assert result.status == 200 and result.truncated and len(result.body) == 64 * 1024


def test_batch_then_warm_rerun_is_silent(server: int, tmp_path: Path) -> None:
    base = f"http://site.test:{server}"
    refs = [Reference(key=str(i), span=Span(0, 1), raw="r", fields={"url": base + path})
            for i, path in enumerate(("/alive", "/dead", "/moved", "/no-head"))]
    doc = Document(source="x", format="wikitext", references=refs)
    stats = checker_for(tmp_path).prefetch(doc, ["CC311"])
    assert (stats.alive, stats.dead, stats.unknown) == (3, 1, 0)
    before = len(Handler.seen)
    again = checker_for(tmp_path)
    stats = again.prefetch(doc, ["CC311"])
    assert (stats.cached, stats.requests) == (4, 0) and len(Handler.seen) == before
    assert again.verdict(base + "/dead").dead


def test_per_host_spacing_is_respected(server: int, tmp_path: Path) -> None:
    checker = checker_for(tmp_path, interval=0.2)
    base = f"http://site.test:{server}"
    refs = [Reference(key=str(i), span=Span(0, 1), raw="r", fields={"url": f"{base}/dead?{i}"}) for i in range(3)]
    started = time.monotonic()
    checker.prefetch(Document(source="x", format="wikitext", references=refs), ["CC311"])
    # The host's soft-404 probe, then 3 URLs x (HEAD + GET): 7 requests 0.2 s apart, at least 1.2 s.
    assert time.monotonic() - started >= 0.2 * 6 - 0.05
    assert len(Handler.seen) == 7


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_https_pins_the_address_and_keeps_sni_and_certificate_checks(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=site.test", "-addext", "subjectAltName=DNS:site.test", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True)
    Handler.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    sni: list[str | None] = []
    context.sni_callback = lambda sock, name, ctx: sni.append(name)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    try:
        session = make_session()
        session.verify = str(cert)
        checker = checker_for(tmp_path, session=session)
        result = checker.client.fetch(f"https://site.test:{port}/alive", "GET")
        assert result.status == 200 and b"Alive" in result.body
        assert sni == ["site.test"]
        # The certificate names site.test, not other.test: verification still applies.
        wrong = checker.client.fetch(f"https://other.test:{port}/alive", "GET")
        assert wrong.error == "tls"
    finally:
        httpd.shutdown()
        httpd.server_close()

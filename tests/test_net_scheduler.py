"""The link checker's scheduling over real sockets: one server on 127.0.0.1 plays several sites.

These tests assert the order and spacing of the requests the server saw, never how long a run
took: speed is measured in bench/bench_linkcheck.py.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from http.server import ThreadingHTTPServer
from typing import Iterator

import pytest

from citecheck.model import Document, Reference, Span
from citecheck.net.cache import LinkCache
from citecheck.net.guard import AddressGuard
from citecheck.net.http import HostLimiter, HttpClient
from citecheck.net.linkcheck import LinkChecker

from local_server import AnsweringHandler


class Sites(AnsweringHandler):
    """Any host name; /no-head refuses HEAD (/slow-no-head too, and takes 0.3 s for each answer);
    /moved redirects to /page; probes (/citecheck-...) are 404, and on a host in
    ``held_probes`` are answered only once ``release`` is set."""

    seen: list[tuple[float, str, str, str]] = []  # (arrival, host, method, path)
    held_probes: set[str] = set()
    release = threading.Event()
    released: list[bool] = []  # for each held probe: released (True) or given up on after 10 s

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        host = self.headers.get("Host", "").split(":")[0]
        type(self).seen.append((time.monotonic(), host, self.command, self.path))
        if "/citecheck-" in self.path:
            if host in type(self).held_probes:
                type(self).released.append(type(self).release.wait(10))
            self.answer(404, b"<title>Not found</title>")
        elif self.path.startswith("/no-head") and self.command == "HEAD":
            self.answer(405)
        elif self.path == "/slow-no-head":
            time.sleep(0.3)
            self.answer(405 if self.command == "HEAD" else 200, b"<title>Slow</title>")
        elif self.path == "/moved":
            self.answer(301, b"", {"Location": "/page"})
        else:
            self.answer(200, b"<title>A page</title><p>Some text of a real page.</p>")


@pytest.fixture
def port() -> Iterator[int]:
    Sites.seen = []
    Sites.held_probes = set()
    Sites.release = threading.Event()
    Sites.released = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Sites)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    Sites.release.set()
    httpd.shutdown()
    httpd.server_close()


def checker(interval: float, workers: int, budget: float = 30.0) -> LinkChecker:
    guard = AddressGuard(lambda host, port: ["127.0.0.1"], allow=["127.0.0.1/32"])
    client = HttpClient(guard, limiter=HostLimiter(interval=interval), budget=budget)
    return LinkChecker(client, LinkCache(None), workers=workers)


def doc(*urls: str) -> Document:
    refs = [Reference(key=str(i), span=Span(0, 1), raw="r", fields={"url": url}) for i, url in enumerate(urls)]
    return Document(source="x", format="wikitext", references=refs)


def requests_by_host() -> dict[str, list[tuple[float, str, str]]]:
    by_host: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    for arrival, host, method, path in Sites.seen:
        by_host[host].append((arrival, method, path))
    return by_host


def test_each_host_gets_its_probe_first_then_its_urls_spaced(port: int) -> None:
    interval = 0.2
    urls = [f"http://h{h}.test:{port}/{page}" for h in range(4) for page in ("a", "b", "no-head")]
    stats = checker(interval, workers=8).prefetch(doc(*urls), ["CC311"])
    assert stats.alive == len(urls)
    by_host = requests_by_host()
    assert sorted(by_host) == [f"h{h}.test" for h in range(4)]
    for host, seen in by_host.items():
        # One probe, a HEAD per URL and the GET /no-head needs: nothing else, nothing twice.
        assert [path.startswith("/citecheck-") for _, _, path in seen] == [True] + [False] * 4, host
        assert sorted((method, path) for _, method, path in seen[1:]) == [
            ("GET", "/no-head"), ("HEAD", "/a"), ("HEAD", "/b"), ("HEAD", "/no-head")]
        gaps = [later[0] - earlier[0] for earlier, later in zip(seen, seen[1:])]
        assert min(gaps) >= interval - 0.05, (host, gaps)


def test_a_worker_takes_another_hosts_request_instead_of_waiting_for_its_hosts_turn(port: int) -> None:
    # One worker. After a.test's HEAD /no-head is refused, its GET must wait an interval:
    # the worker sends b.test's HEAD meanwhile instead of sleeping until a.test's turn.
    a, b = f"http://a.test:{port}/no-head", f"http://b.test:{port}/page"
    checker(0.5, workers=1).prefetch(doc(a, b), ["CC311"])
    order = [(host, method, path) for _, host, method, path in Sites.seen if "/citecheck-" not in path]
    assert order == [("a.test", "HEAD", "/no-head"), ("b.test", "HEAD", "/page"), ("a.test", "GET", "/no-head")]


def test_a_redirect_on_the_same_host_waits_for_its_turn_in_the_queue_not_in_a_worker(port: int) -> None:
    a, b = f"http://a.test:{port}/moved", f"http://b.test:{port}/page"
    checker(0.5, workers=1).prefetch(doc(a, b), ["CC311"])
    order = [(host, path) for _, host, _, path in Sites.seen if "/citecheck-" not in path]
    assert order == [("a.test", "/moved"), ("b.test", "/page"), ("a.test", "/page")]


def test_a_check_waiting_for_its_hosts_probe_holds_no_worker(port: int) -> None:
    # slow.test answers its probe only after fast.test has been checked. Two workers: one
    # waits for that answer; slow.test's HEAD is answered 200 and its check then needs the
    # probe, so the check waits, and the other worker is left free to check fast.test.
    Sites.held_probes = {"slow.test"}
    fast = [f"http://fast.test:{port}/{page}" for page in ("a", "b")]

    def release_when_fast_is_done() -> None:
        while sum(host == "fast.test" and "/citecheck-" not in path for _, host, _, path in Sites.seen) < 2:
            time.sleep(0.01)
        Sites.release.set()

    watcher = threading.Thread(target=release_when_fast_is_done, daemon=True)
    watcher.start()
    run = checker(0.05, workers=2)
    stats = run.prefetch(doc(f"http://slow.test:{port}/page", *fast), ["CC311"])
    assert Sites.released == [True] and stats.alive == 3
    slow = [path for _, host, _, path in Sites.seen if host == "slow.test"]
    assert len(slow) == 2 and slow[0].startswith("/citecheck-")  # probed once, before the URL


def test_time_waiting_for_the_hosts_turn_is_not_spent_from_a_urls_budget(port: int) -> None:
    # Three URLs on one host, each needing HEAD and GET: the last GET is sent a good second
    # after its check began, but only its own network time counts against the 0.5 s budget.
    urls = [f"http://one.test:{port}/no-head-{i}" for i in range(3)]
    stats = checker(0.25, workers=4, budget=0.5).prefetch(doc(*urls), ["CC311"])
    assert (stats.alive, stats.unknown) == (3, 0)
    assert len(Sites.seen) == 7


def test_the_requests_of_one_url_share_its_budget_when_scheduled(port: int) -> None:
    # HEAD takes 0.3 s of the URL's 0.5 s, so its GET, which would take 0.3 s more, runs out.
    verdict_for = checker(0.05, workers=2, budget=0.5)
    stats = verdict_for.prefetch(doc(f"http://one.test:{port}/slow-no-head"), ["CC311"])
    assert (stats.unknown, stats.unknown_reasons) == (1, {"budget": 1})


def test_a_url_under_way_goes_before_the_hosts_next_url(port: int) -> None:
    # Its GET waits for the host's next turn ahead of the next URL's HEAD, so a check, once
    # begun, ends soon and its verdict is not held up by every other URL on the host.
    urls = [f"http://one.test:{port}/no-head-{i}" for i in range(2)]
    checker(0.05, workers=4).prefetch(doc(*urls), ["CC311"])
    order = [(method, path) for _, _, method, path in Sites.seen if "/citecheck-" not in path]
    assert order == [("HEAD", "/no-head-0"), ("GET", "/no-head-0"), ("HEAD", "/no-head-1"), ("GET", "/no-head-1")]

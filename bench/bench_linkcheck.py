"""Benchmark the link checker against the per-host politeness limit, on a local server.

Run: python bench/bench_linkcheck.py [--quick]. One threaded server on 127.0.0.1, in a process
of its own (its work is not the checker's, and must not compete with it for the interpreter),
plays many sites: each host name (h0.test, h1.test, ...) resolves to it, every answer takes
--latency seconds, and two requests for one host closer than 1 s apart are answered 429 and
counted as politeness violations. The checker runs with its defaults (64 workers, 2 in flight
and 1 s between requests per host). The mixed runs add URLs that need a second request on
their host (a GET after a refused HEAD, a redirect within the host): it must wait for the
host's next turn without keeping a worker from other hosts.

The yardstick is the true minimum the limit allows: a host with n cited URLs needs at least
(n - 1) x spacing + latency, and a run the maximum of that over its hosts. Everything else the
checker sends (a soft-404 probe of the host; a GET after a HEAD) is counted against it, not
hidden in it. Targets: within 1.5x of the true minimum, no violations, a warm-cache rerun
under 1 s. The references cite their titles and each page shows its own, as most cited pages
do, so no page is in doubt and no host needs its probe. The "bare URLs" rows cite no titles:
every host is probed, which with 250 hosts of 2 URLs puts the floor at 3 requests per host,
2 s + latency (the "probe floor" column). Not a test: timings vary with load.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from citecheck.model import Document, Reference, Span  # noqa: E402
from citecheck.net.cache import LinkCache  # noqa: E402
from citecheck.net.guard import AddressGuard  # noqa: E402
from citecheck.net.http import HostLimiter, HttpClient  # noqa: E402
from citecheck.net.linkcheck import WORKERS, LinkChecker  # noqa: E402

INTERVAL = 1.0
TARGET_RATIO = 1.5
CONTROL_HOST = "control.test"  # asks the server for its counts, or to reset them; never counted


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, latency: float) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.latency = latency
        self.lock = threading.Lock()
        self.last: dict[str, float] = {}
        self.requests: dict[str, int] = defaultdict(int)
        self.violations = 0

    def counts(self, reset: bool) -> dict[str, Any]:
        with self.lock:
            counts = {"requests": dict(self.requests), "violations": self.violations}
            if reset:
                self.last.clear()
                self.requests.clear()
                self.violations = 0
        return counts


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SiteServer

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        host = self.headers.get("Host", "").split(":")[0]
        if host == CONTROL_HOST:
            self.answer(200, json.dumps(self.server.counts(reset=self.path == "/reset")).encode())
            return
        now = time.monotonic()
        with self.server.lock:
            too_soon = host in self.server.last and now - self.server.last[host] < INTERVAL * 0.95
            self.server.last[host] = now
            self.server.requests[host] += 1
            if too_soon:
                self.server.violations += 1
        time.sleep(self.server.latency)
        if too_soon:
            self.answer(429, b"", {"Retry-After": "1"})
        elif "/citecheck-" in self.path:
            self.answer(404, b"<title>Not found</title>")
        elif "/moved-" in self.path:
            self.answer(301, b"", {"Location": self.path.replace("/moved-", "/story-")})
        elif "/no-head-" in self.path and self.command == "HEAD":
            self.answer(405, b"")
        else:
            # The page's title is its story's: "/news/story-7.html" shows "Story 7 | News".
            number = self.path.rsplit("-", 1)[-1].split(".")[0]
            self.answer(200, b"" if self.command == "HEAD" else f"<title>Story {number} | News</title>".encode())

    def answer(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


def serve(latency: float, port: Any) -> None:
    """The server process: tell the parent the port, then serve until killed."""
    server = SiteServer(latency)
    port.send(server.server_address[1])
    server.serve_forever()


def control(port: int, path: str) -> dict[str, Any]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": CONTROL_HOST})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def make_doc(port: int, hosts: int, per_host: int, mixed: bool = False, titled: bool = True) -> Document:
    """``per_host`` URLs on each host; ``mixed``: of every five, one refuses HEAD (so a GET
    follows) and one redirects within its host (so a second hop follows). ``titled``: each
    reference cites its story's title."""
    kinds = ("story", "no-head", "moved", "story", "story") if mixed else ("story",)
    refs = [Reference(key=str(i), span=Span(0, 1), raw="r",
                      fields={"url": f"http://h{h}.test:{port}/news/{kinds[i % len(kinds)]}-{i}.html",
                              **({"title": f"Story {i}"} if titled else {})})
            for i in range(per_host) for h in range(hosts)]
    return Document(source="x", format="wikitext", references=refs)


def true_minimum(doc: Document, latency: float) -> float:
    """The shortest run the per-host limit allows: the busiest host's URLs, one per interval."""
    urls_per_host = Counter(ref.get("url").split("/")[2] for ref in doc.references)
    return max((count - 1) * INTERVAL + latency for count in urls_per_host.values())


def make_checker(cache_path: Path, workers: int) -> LinkChecker:
    guard = AddressGuard(lambda host, port: ["127.0.0.1"], allow=["127.0.0.1/32"])
    client = HttpClient(guard, limiter=HostLimiter(interval=INTERVAL), pool_size=workers)
    return LinkChecker(client, LinkCache(cache_path), workers=workers)


def run(port: int, latency: float, hosts: int, per_host: int, workers: int, mixed: bool = False,
        titled: bool = True) -> dict[str, float]:
    control(port, "/reset")
    doc = make_doc(port, hosts, per_host, mixed, titled)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "links.sqlite"
        checker = make_checker(cache, workers)
        start = time.monotonic()
        stats = checker.prefetch(doc, ["CC311"])
        cold = time.monotonic() - start
        checker.close()
        served = control(port, "/reset")
        rerun = make_checker(cache, workers)
        start = time.monotonic()
        warm_stats = rerun.prefetch(doc, ["CC311"])
        warm = time.monotonic() - start
        rerun.close()
    minimum = true_minimum(doc, latency)
    most = max(served["requests"].values())
    return {"hosts": hosts, "urls": hosts * per_host, "workers": workers, "requests": sum(served["requests"].values()),
            "minimum": minimum, "probe_floor": per_host * INTERVAL + latency, "cold": cold,
            "ratio": cold / minimum, "most": most, "violations": served["violations"], "warm": warm,
            "warm_requests": warm_stats.requests, "alive": stats.alive}


def show(row: dict[str, float]) -> None:
    print(f"{row['hosts']:>5} {row['urls']:>5} {row['workers']:>7} {row['requests']:>8} {row['most']:>5} "
          f"{row['minimum']:>8.2f} {row['probe_floor']:>6.2f} {row['cold']:>8.2f} {row['ratio']:>6.2f} "
          f"{row['violations']:>10} {row['warm'] * 1000:>8.1f} {row['alive']:>5}")


HEADER = (f"{'hosts':>5} {'URLs':>5} {'workers':>7} {'requests':>8} {'most':>5} {'true min':>8} {'probe':>6} "
          f"{'measured':>8} {'ratio':>6} {'violations':>10} {'warm ms':>8} {'alive':>5}\n"
          f"{'':>5} {'':>5} {'':>7} {'':>8} {'/host':>5} {'s':>8} {'floor':>6} {'s':>8} {'':>6} {'(429s)':>10}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--quick", action="store_true", help="only 50 and 250 hosts with the default workers")
    args = parser.parse_args()
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(args.latency, child), daemon=True)
    server.start()
    port = parent.recv()
    try:
        print(f"defaults, 500 URLs (targets: <= {TARGET_RATIO}x the true minimum, no violations, warm rerun < 1 s):")
        print(HEADER)
        rows = [run(port, args.latency, hosts, per_host, WORKERS) for hosts, per_host in ((50, 10), (250, 2))]
        for row in rows:
            show(row)
        ok = all(row["ratio"] <= TARGET_RATIO and row["warm"] < 1.0 and row["violations"] == 0
                 and row["alive"] == row["urls"] for row in rows)
        print("PASS" if ok else "FAIL")
        if not args.quick:
            print("\nscaling with workers (50 hosts x 10 URLs) and hosts (500 URLs):")
            print(HEADER)
            for workers in (4, 8, 16, 32, 128):
                show(run(port, args.latency, 50, 10, workers))
            for hosts, per_host in ((25, 20), (100, 5)):
                show(run(port, args.latency, hosts, per_host, WORKERS))
            print("\nmixed bare URLs (of every 5 on a host, one needs a GET after its HEAD, one a redirect hop):")
            print(HEADER)
            for hosts, per_host in ((50, 10), (100, 5)):
                show(run(port, args.latency, hosts, per_host, WORKERS, mixed=True, titled=False))
        print("\nbare URLs (no cited titles: every host gets its soft-404 probe):")
        print(HEADER)
        for hosts, per_host in ((50, 10), (250, 2)):
            show(run(port, args.latency, hosts, per_host, WORKERS, titled=False))
    finally:
        server.terminate()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

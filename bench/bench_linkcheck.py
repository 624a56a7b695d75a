"""Benchmark the link checker against a local server with fixed latency and a per-host rate limit.

Run: python bench/bench_linkcheck.py [--quick]. One threaded server on 127.0.0.1 plays many
sites: each host name (h0.test, h1.test, ...) resolves to it, every answer takes --latency
seconds, and two requests for one host closer than 1 s apart are answered 429 and counted
as politeness violations. The checker runs with its defaults (32 workers, 2 in flight and
1 s between requests per host) and must stay within 1.5x the ideal time the per-host limit
allows; a warm-cache rerun must take under 1 s. Then it reports how throughput scales with
workers and with the number of hosts. Not a test: timings vary with the machine's load.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from citecheck.model import Document, Reference, Span  # noqa: E402
from citecheck.net.cache import LinkCache  # noqa: E402
from citecheck.net.guard import AddressGuard  # noqa: E402
from citecheck.net.http import HostLimiter, HttpClient  # noqa: E402
from citecheck.net.linkcheck import LinkChecker  # noqa: E402

INTERVAL = 1.0


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

    def reset(self) -> None:
        with self.lock:
            self.last.clear()
            self.requests.clear()
            self.violations = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SiteServer

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        host = self.headers.get("Host", "").split(":")[0]
        now = time.monotonic()
        with self.server.lock:
            too_soon = host in self.server.last and now - self.server.last[host] < INTERVAL * 0.95
            self.server.last[host] = now
            self.server.requests[host] += 1
            if too_soon:
                self.server.violations += 1
        time.sleep(self.server.latency)
        if too_soon:
            status = 429
        elif "/citecheck-" in self.path:
            status = 404
        else:
            status = 200
        body = b"" if self.command == "HEAD" else b"<title>page</title>"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        if status == 429:
            self.send_header("Retry-After", "1")
        self.end_headers()
        self.wfile.write(body)


def make_doc(port: int, hosts: int, per_host: int) -> Document:
    refs = [Reference(key=str(i), span=Span(0, 1), raw="r",
                      fields={"url": f"http://h{h}.test:{port}/news/story-{i}.html"})
            for i in range(per_host) for h in range(hosts)]
    return Document(source="x", format="wikitext", references=refs)


def make_checker(cache_path: Path, workers: int) -> LinkChecker:
    guard = AddressGuard(lambda host, port: ["127.0.0.1"], allow=["127.0.0.1/32"])
    client = HttpClient(guard, limiter=HostLimiter(interval=INTERVAL), pool_size=workers)
    return LinkChecker(client, LinkCache(cache_path), workers=workers)


def run(server: SiteServer, hosts: int, per_host: int, workers: int) -> dict[str, float]:
    server.reset()
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "links.sqlite"
        doc = make_doc(server.server_address[1], hosts, per_host)
        checker = make_checker(cache, workers)
        start = time.monotonic()
        stats = checker.prefetch(doc, ["CC311"])
        cold = time.monotonic() - start
        checker.close()
        per_host_requests = max(server.requests.values())
        ideal = (per_host_requests - 1) * INTERVAL + server.latency
        rerun = make_checker(cache, workers)
        start = time.monotonic()
        warm_stats = rerun.prefetch(doc, ["CC311"])
        warm = time.monotonic() - start
        rerun.close()
    return {"urls": hosts * per_host, "hosts": hosts, "workers": workers, "cold": cold, "ideal": ideal,
            "ratio": cold / ideal, "urls_per_s": hosts * per_host / cold, "warm": warm,
            "warm_requests": warm_stats.requests, "alive": stats.alive, "violations": server.violations}


def show(row: dict[str, float]) -> None:
    print(f"{row['urls']:>5} URLs {row['hosts']:>4} hosts {row['workers']:>3} workers: "
          f"{row['cold']:6.2f} s cold ({row['urls_per_s']:6.1f} URLs/s, ideal {row['ideal']:5.2f} s, "
          f"x{row['ratio']:.2f}), warm rerun {row['warm'] * 1000:6.1f} ms / {row['warm_requests']:.0f} requests, "
          f"alive {row['alive']:.0f}, politeness violations {row['violations']:.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--quick", action="store_true", help="only the default configuration")
    args = parser.parse_args()
    server = SiteServer(args.latency)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        print("defaults (target: cold <= 1.5x ideal, warm rerun < 1 s, no violations):")
        row = run(server, 50, 10, 32)
        show(row)
        ok = row["ratio"] <= 1.5 and row["warm"] < 1.0 and row["violations"] == 0 and row["alive"] == 500
        print("PASS" if ok else "FAIL")
        if not args.quick:
            print("\nscaling with workers (50 hosts x 10 URLs):")
            for workers in (4, 8, 16, 64):
                show(run(server, 50, 10, workers))
            print("\nscaling with hosts (500 URLs, 32 workers):")
            for hosts, per_host in ((25, 20), (100, 5), (250, 2)):
                show(run(server, hosts, per_host, 32))
    finally:
        server.shutdown()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

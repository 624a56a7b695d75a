"""Benchmark a full-history run with and without reusing the work on texts seen before.

Run: python bench/bench_history.py [--start S] [--limit N] [FILE]. Lints N revisions of the
Anarchism history (wikiwho/large.xml.lzma) twice in this process, every revision from scratch
and through a RevisionCache (alternating in slices of 50), and prints CPU seconds (time.process_time: the machine is shared,
so wall time is noisy), revisions per CPU second, the share of reverted texts and the speed-up.
Target: the cached run at least 20 % faster. Not a test.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from citecheck.config import Settings
from citecheck.dump import _record_line, iter_revisions, open_dump
from citecheck.history import RevisionCache

HISTORY = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikiwho" / "large.xml.lzma"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(HISTORY))
    parser.add_argument("--start", type=int, default=0, help="revisions to skip first [default: 0]")
    parser.add_argument("--limit", type=int, default=1500, help="revisions to lint [default: 1500]")
    args = parser.parse_args()
    stream, raw = open_dump(args.file)
    with raw, stream:
        revisions = list(itertools.islice(iter_revisions(stream, all_revisions=True), args.start, args.start + args.limit))
    seen: set[str] = set()
    repeats = sum(rev.text in seen or seen.add(rev.text) is not None for rev in revisions)
    settings = Settings()
    cache = RevisionCache()
    timings = {"every revision": 0.0, "cached": 0.0}
    # The two runs alternate in slices, so a change in the machine's load affects both alike.
    for first in range(0, len(revisions), 50):
        part = revisions[first:first + 50]
        for name, used in (("every revision", None), ("cached", cache)):
            started = time.process_time()
            for rev in part:
                _record_line(rev, settings, args.file, used)
            timings[name] += time.process_time() - started
    for name, spent in timings.items():
        hits = f"  (reused: {cache.hits})" if name == "cached" else ""
        print(f"{name:16} {spent:7.1f} CPU s  {len(revisions) / spent:6.1f} revisions/CPU s{hits}")
    print(f"{len(revisions)} revisions, {repeats} ({repeats / len(revisions):.0%}) repeat an earlier text")
    print(f"speed-up: {timings['every revision'] / timings['cached']:.2f}x "
          f"({1 - timings['cached'] / timings['every revision']:.0%} less CPU; target >= 20 %)")


if __name__ == "__main__":
    main()

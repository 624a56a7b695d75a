"""Benchmark a full-history run with and without reusing the work on texts seen before.

Run: python bench/bench_history.py [--start S] [--limit N] [--baseline SRC] [FILE]. Lints the
revisions of the Anarchism history (wikiwho/large.xml.lzma, 15,180 revisions; all of them by
default, about half an hour of CPU) twice in this process: every revision from scratch, and
through a RevisionCache. The two runs alternate in slices of 50 revisions read as the file
streams, so a change in the machine's load affects both alike and only one slice is held in
memory. Prints CPU seconds (time.process_time: the machine is shared, so wall time is noisy),
revisions per CPU second, how many revisions reused what, and the speed-up.

``--baseline SRC`` also lints the same revisions, every one from scratch, with the code in SRC
(the ``src`` folder of another checkout, e.g. ``git worktree add /tmp/then 932c51a``, the code
when the target was set), in a process of its own, and compares the cached run with it.
Target: the cached run at least 20 % faster (revisions per CPU second) over the whole history,
than every revision linted afresh and than the baseline's code.
Not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

from citecheck.config import Settings
from citecheck.dump import _record_line, iter_revisions, open_dump
from citecheck.history import RevisionCache

HISTORY = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikiwho" / "large.xml.lzma"
SLICE = 50
# Lints revisions START to STOP of FILE afresh with whichever citecheck is importable and prints
# the CPU seconds: only the dump functions every version since the history cache has.
BASELINE_RUN = """
import itertools, sys, time
from citecheck.config import Settings
from citecheck.dump import _record_line, iter_revisions, open_dump
path, start, stop = sys.argv[1], int(sys.argv[2]), None if sys.argv[3] == "-" else int(sys.argv[3])
settings, spent = Settings(), 0.0
stream, raw = open_dump(path)
with raw, stream:
    for rev in itertools.islice(iter_revisions(stream, all_revisions=True), start, stop):
        started = time.process_time()
        _record_line(rev, settings, path)
        spent += time.process_time() - started
print(spent)
"""


def baseline_seconds(src: str, path: str, start: int, limit: int | None) -> float:
    """CPU seconds the code in ``src`` takes to lint the same revisions afresh."""
    stop = "-" if limit is None else str(start + limit)
    run = subprocess.run([sys.executable, "-c", BASELINE_RUN, path, str(start), stop], capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONPATH": str(Path(src).resolve())})
    return float(run.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(HISTORY))
    parser.add_argument("--start", type=int, default=0, help="revisions to skip first [default: 0]")
    parser.add_argument("--limit", type=int, default=None, help="revisions to lint [default: all]")
    parser.add_argument("--baseline", metavar="SRC", help="another checkout's src folder to compare with")
    args = parser.parse_args()
    settings = Settings()
    cache = RevisionCache()
    timings = {"every revision": 0.0, "cached": 0.0}
    seen: set[bytes] = set()
    revisions = repeats = 0
    stream, raw = open_dump(args.file)
    with raw, stream:
        wanted = itertools.islice(iter_revisions(stream, all_revisions=True), args.start,
                                  None if args.limit is None else args.start + args.limit)
        while part := list(itertools.islice(wanted, SLICE)):
            for name, used in (("every revision", None), ("cached", cache)):
                started = time.process_time()
                for rev in part:
                    _record_line(rev, settings, args.file, used)
                timings[name] += time.process_time() - started
            digests = [hashlib.sha1(rev.text.encode("utf-8", "surrogatepass")).digest() for rev in part]
            repeats += sum(digest in seen or seen.add(digest) is not None for digest in digests)
            revisions += len(part)
    for name, spent in timings.items():
        print(f"{name:16} {spent:7.1f} CPU s  {revisions / spent:6.1f} revisions/CPU s")
    print(f"{revisions} revisions, {repeats} ({repeats / revisions:.1%}) repeat an earlier text; reused: "
          + ", ".join(f"{kind} {count} ({count / revisions:.1%})" for kind, count in cache.hits.items()))
    print(f"speed-up: {timings['every revision'] / timings['cached']:.3f}x "
          f"({1 - timings['cached'] / timings['every revision']:.1%} less CPU; target >= 1.20x)")
    if args.baseline:
        spent = baseline_seconds(args.baseline, args.file, args.start, args.limit)
        print(f"baseline {args.baseline}: {spent:7.1f} CPU s  {revisions / spent:6.1f} revisions/CPU s, "
              f"every revision afresh; the cached run is {spent / timings['cached']:.2f}x faster (target >= 1.20x)")


if __name__ == "__main__":
    main()

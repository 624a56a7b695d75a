"""Benchmark the core pipeline on plain-text articles: parse+lint, segmentation, process start-up.

Run: python bench/bench_core.py [--repeat N]. Prints a table and compares with the budgets:
segmentation ≤ 10 ms per 100 KB, seed parse+lint median < 100 ms, `citecheck --help` and an
offline run's start-up < 250 ms. Not a test: timings vary with the machine and its load.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Callable

from cold import clear_content_caches

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "articles" / "2020-nagorno-karabakh-conflict.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def median_ms(func: Callable[[], object], repeat: int) -> float:
    func()  # warm-up: imports, regex compilation
    times = []
    for _ in range(repeat):
        gc.collect()
        clear_content_caches()  # nothing of the article remembered from the run before
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def peak_memory_mb(func: Callable[[], object]) -> float:
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def process_ms(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plain_text_articles() -> list[Path]:
    paths = [SEED]
    if CORPUS.is_dir():
        paths.append(max((CORPUS / "fet-plaintext").glob("*/wiki.md"), key=lambda p: p.stat().st_size))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from citecheck import lint_text
    from citecheck.parsers.statements import split_sentences

    print(f"{'input':<44} {'KB':>6} {'stmts':>6} {'median ms':>10} {'stmts/s':>9} {'peak MB':>8}")
    for path in plain_text_articles():
        text = path.read_text(encoding="utf-8", errors="replace")
        result = lint_text(text, "text", path=str(path))
        ms = median_ms(lambda: lint_text(text, "text", path=str(path)), args.repeat)
        statements = len(result.document.statements)
        peak = peak_memory_mb(lambda: lint_text(text, "text", path=str(path)))
        label = path.relative_to(ROOT.parent) if ROOT.parent in path.parents else path.name
        print(f"{str(label)[-44:]:<44} {len(text.encode()) / 1000:>6.0f} {statements:>6} {ms:>10.1f} "
              f"{statements / ms * 1000:>9.0f} {peak:>8.1f}")

    prose = SEED.read_text(encoding="utf-8")
    prose = (prose * (100_000 // len(prose) + 1))[:100_000]
    seg = median_ms(lambda: split_sentences(prose), args.repeat)
    print(f"\nsegmentation of 100 KB: {seg:.2f} ms (budget 10 ms)")

    exe = [sys.executable, "-m", "citecheck"]
    help_ms = process_ms([*exe, "--help"], max(5, args.repeat // 2))
    run_ms = process_ms([*exe, "--format", "concise", str(SEED)], max(5, args.repeat // 2))
    print(f"`citecheck --help` as a process: {help_ms:.0f} ms (budget 250 ms)")
    print(f"`citecheck seed` as a process:   {run_ms:.0f} ms (start-up budget 250 ms + parse+lint)")


if __name__ == "__main__":
    main()

"""Benchmark wikitext linting against a bare mwparserfromhell.parse on the corpus's largest articles.

Run: python bench/bench_wikitext.py [--repeat N]. Prints, per article, the median CPU time
(time.process_time: the machine is shared, so wall time is noisy) of a full lint and of
``mwparserfromhell.parse`` as the library is installed (without the faster tree builder
citecheck puts in its place) on the same text, and their ratio. Target: median ratio ≤ 1.5.
Caches keyed by the article's own text are emptied before every run (see cold.py) unless
--warm is given.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Callable

import mwparserfromhell

from citecheck.api import lint_text
from citecheck.config import Settings
from citecheck.parsers.mwparser import library_as_installed
from cold import clear_content_caches

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LARGEST = ["wtf_wikipedia/United-Kingdom.txt", "infoboxer/ukraine.wiki", "dbpedia-minidumps/extracted/de/Berlin.wiki",
           "infoboxer/greece.wiki", "dbpedia-minidumps/extracted/en/Angela_Merkel.wiki"]


def cpu_ms(func: Callable[[], object], repeat: int, warm: bool = False) -> float:
    func()
    times = []
    for _ in range(repeat):
        if not warm:
            clear_content_caches()
        started = time.process_time()
        func()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warm", action="store_true",
                        help="keep the article's own cached results between runs (as this bench did before)")
    args = parser.parse_args()
    ratios = []
    settings = Settings()  # one run's settings, its rule data loaded once, as over a dump
    for name in LARGEST:
        text = (CORPUS / name).read_text(encoding="utf-8")
        lint = cpu_ms(lambda: lint_text(text, "wikitext", path=Path(name).stem + ".wiki", settings=settings),
                      args.repeat, args.warm)
        with library_as_installed():  # the library's own builder, not the faster one citecheck installs
            bare = cpu_ms(lambda: mwparserfromhell.parse(text), args.repeat)
        ratios.append(lint / bare)
        print(f"{name:48} {len(text) // 1000:4d} KB  lint {lint:6.0f} ms  parse {bare:6.0f} ms  {lint / bare:4.2f}x")
    print(f"median ratio {statistics.median(ratios):.2f}x (target ≤ 1.5x)")


if __name__ == "__main__":
    main()

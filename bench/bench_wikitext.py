"""Benchmark wikitext linting against a bare mwparserfromhell.parse on the corpus's largest articles.

Run: python bench/bench_wikitext.py [--repeat N]. Each repeat times a full lint and then
``mwparserfromhell.parse`` as the library is installed (without the faster tree builder citecheck
puts in its place) on the same text, in CPU time (time.process_time: the machine is shared), each
after a full garbage collection, so that neither pays for the other's garbage. The ratio is taken
per pair, which cancels the machine's drift between repeats, and its median printed per article,
with the median of the five. Target: median ratio ≤ 1.5. Caches keyed by the article's own text
are emptied before every lint (see cold.py) unless --warm is given.
"""

from __future__ import annotations

import argparse
import gc
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


def cpu_ms(func: Callable[[], object]) -> float:
    """CPU milliseconds of one call, after a full collection."""
    gc.collect()
    started = time.process_time()
    func()
    return (time.process_time() - started) * 1000


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

        def lint() -> object:
            return lint_text(text, "wikitext", path=Path(name).stem + ".wiki", settings=settings)

        def bare() -> object:
            with library_as_installed():  # the library's own builder, not the faster one citecheck installs
                return mwparserfromhell.parse(text)

        lint()
        bare()
        lints, bares = [], []
        for _ in range(args.repeat):
            if not args.warm:
                clear_content_caches()
            lints.append(cpu_ms(lint))
            bares.append(cpu_ms(bare))
        ratio = statistics.median(one / other for one, other in zip(lints, bares))
        ratios.append(ratio)
        print(f"{name:48} {len(text) // 1000:4d} KB  lint {statistics.median(lints):6.0f} ms  "
              f"parse {statistics.median(bares):6.0f} ms  {ratio:4.2f}x")
    print(f"median ratio {statistics.median(ratios):.2f}x (target ≤ 1.5x)")


if __name__ == "__main__":
    main()

"""Hostile inputs at the sizes that once took minutes or crashed: each must end within 5 s.

Runs the real command line (``python -m citecheck --format json``) on generated files and prints,
per case, the exit code, wall time, output size and whether it met the 5 s target. Exit codes
are those of DESIGN.md §6: 0 or 1 for a report, 2 for refused input, never 3 (a bug).

    .venv/bin/python bench/bench_hostile.py [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

TARGET_SECONDS = 5.0


def empty_references() -> str:
    """25,000 empty <ref></ref>s, each a reference and a citation (275 KB)."""
    return "Intro." + "<ref></ref>" * 25_000 + "\n"


def unclosed_list_items() -> str:
    """20,000 unclosed <li> inside a <div> (460 KB): the parser re-scanned the div for each."""
    return "Intro.\n\n<div>" + "<li>item text here, 12\n" * 20_000 + "</div>\n"


def unclosed_cells_in_a_ref() -> str:
    return "Intro.<ref>" + "<td>cell text here 1234\n" * 20_000 + "</ref>\n"


def nested_lists() -> str:
    """8,000 nested <ul><li>: past the parser's own depth limit it backtracks at every level."""
    return "Intro. " + "<ul><li>" * 8_000 + "x 12 killed." + "</li></ul>" * 8_000 + "\n"


def one_long_sentence() -> str:
    """A ~180 KB sentence with 1,600 findings: the JSON once copied the sentence per finding."""
    parts = [f"the attack on village number {i} killed many people in the region of the valley"
             "{{citation needed|date=May 2020}} and" for i in range(1_600)]
    return "Intro " + " ".join(parts) + " the end.\n"


def deep_divs() -> str:
    return "<html><body>" + "<div>" * 50_000 + "<p>The raid killed 12 people.</p>" + "</div>" * 50_000 + "</body></html>"


def surrogates() -> str:
    """2,000 copies of one reference with surrogate escapes (224 KB): each copy was compared with
    every earlier one at its address."""
    return ("The raid&#xD800; killed 12 people.\n\nIt ended.<ref>{{cite web|title=A&#55296;|url=http://a.org/&#xDFFF;}}"
            "</ref>\n\n") * 2_000


def ipv6_archives() -> str:
    ref = ("Claim {0}.<ref>{{{{cite web |url=http://example.com/{0} |title=T |archive-url=https://web.archive.org/"
           "web/20200101000000/http://[zz::{0}]/ |archive-date=1 January 2020}}}}</ref>\n")
    return "".join(ref.format(i) for i in range(2_000))


def unclosed_table_tags() -> str:
    """A table, then 40,000 table tags never closed to the end of the file (280 KB): a table's end
    was searched for past each."""
    return "<html><body><table><tr><td>The raid killed 12 people in all.</td></tr></table>" + "<table " * 40_000


def tag_openers_never_closed() -> str:
    """20,000 lines comparing with "<" (300 KB): each "<b" opens a tag the parser looked for the end of."""
    return "The raid killed 12 people.\n\n" + "if a<b then c.\n" * 20_000


def long_paragraph() -> str:
    """10,000 sentences of one paragraph, each with a count (330 KB): each sentence's paragraph was
    walked from it, to its ends and to its next citation."""
    return "Intro.\n\n" + "".join(f"There were {i % 90 + 2} cats in yard {i}. " for i in range(10_000)) + "\n"


def plain_text_lines() -> str:
    """10,000 lines of a plain-text copy, each a sentence with a count (330 KB)."""
    return "Title\n\n" + "".join(f"There were {i % 90 + 2} cats in yard {i}.\n" for i in range(10_000))


def same_title_references() -> str:
    """4,000 references under one title at different addresses (400 KB): each was compared with
    every earlier one."""
    ref = "Claim {0}.<ref>{{{{cite web |url=http://a{0}.org/x |title=Report |work=Site |date=1 May 2010}}}}</ref>\n"
    return "".join(ref.format(i) for i in range(4_000))


CASES: dict[str, tuple[str, Callable[[], str]]] = {
    "cc503-empty-references": ("wiki", empty_references),
    "unclosed-li-in-div": ("wiki", unclosed_list_items),
    "unclosed-td-in-ref": ("wiki", unclosed_cells_in_a_ref),
    "nested-ul-li": ("wiki", nested_lists),
    "one-long-sentence": ("wiki", one_long_sentence),
    "50000-nested-divs": ("html", deep_divs),
    "surrogate-references": ("wiki", surrogates),
    "ipv6-archive-hosts": ("wiki", ipv6_archives),
    "unclosed-table-tags": ("html", unclosed_table_tags),
    "tag-openers-never-closed": ("wiki", tag_openers_never_closed),
    "long-paragraph": ("wiki", long_paragraph),
    "plain-text-lines": ("txt", plain_text_lines),
    "same-title-references": ("wiki", same_title_references),
}


def run(path: Path) -> tuple[int, float, int, str]:
    """(exit code, seconds, bytes of JSON written, last line of stderr) for one input."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "citecheck", "--format", "json", str(path)],
                          capture_output=True, text=True, env={**os.environ, "CITECHECK_DEBUG": ""})
    elapsed = time.perf_counter() - start
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    return proc.returncode, elapsed, len(proc.stdout.encode("utf-8")), last


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the case of this name")
    args = parser.parse_args(argv)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'case':26}{'input':>10}{'exit':>6}{'seconds':>9}{'output':>12}")
        for name, (suffix, make) in CASES.items():
            if args.only and name != args.only:
                continue
            path = Path(folder) / f"{name}.{suffix}"
            path.write_text(make(), encoding="utf-8")
            code, elapsed, size, last = run(path)
            ok = elapsed <= TARGET_SECONDS and code in (0, 1)
            failures += not ok
            print(f"{name:26}{path.stat().st_size:>10,}{code:>6}{elapsed:>9.2f}{size:>12,}"
                  f"{'' if ok else '  FAIL ' + last}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

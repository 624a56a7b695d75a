"""How text-browser dumps of real pages read against their HTML originals.

Run: python bench/textdumps.py [--findings]. For every dump of the
``eval/articles/textdump-holdout-*/`` sets (lynx and w3m, see their entries in SOURCES.md) the
HTML original gives the true reading: its numbered reference entries and its notes, and how
often each is cited. Prints, per dump and in total, how many of the original's entries the text
reads (in order) and how many it finds cited as often as the original, and in total the same for
the notes; with --findings, the CC101 and CC102 findings of the dump beside the original's,
which shows what the text's layout adds (a table lynx prints a row to a line has no cells to
tell a header or a sourced column by).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterator

from citecheck.api import lint_text
from citecheck.model import Document
from citecheck.parsers import parse

ROOT = Path(__file__).resolve().parents[1] / "eval" / "articles"


def numbered(doc: Document) -> list:
    return [ref for ref in doc.references if not ref.group and ref.key.isdigit()]


def notes(doc: Document) -> list:
    return [ref for ref in doc.references if ref.group]


def uses(doc: Document, refs: list) -> Counter:
    listed = {id(ref) for ref in refs}
    return Counter(c.reference.key for c in doc.citations if c.reference is not None and id(c.reference) in listed)


def letters(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def dump_sets() -> list[Path]:
    return sorted(ROOT.glob("textdump-holdout-*"))


def readings(folder: Path) -> Iterator[tuple[str, str, str, Counter]]:
    """For each dump of ``folder``: its name, its text, its original's HTML, and how the text reads
    against the original (entries, entries in the text, entries read in order, entries cited as
    often, and the citations of each; the same for the notes, their names opening "note ")."""
    for dump, original in sorted(json.loads((folder / "SOURCES.json").read_text()).items()):
        html = (ROOT / original).read_text(encoding="utf-8", errors="replace")
        text = (folder / dump).read_text(encoding="utf-8")
        html_doc, text_doc = parse(html, "html", path=original), parse(text, "text", path=dump)
        reading: Counter = Counter()
        for kind, listed in (("", numbered), ("note ", notes)):
            html_refs, text_refs = listed(html_doc), listed(text_doc)
            html_uses, text_uses = uses(html_doc, html_refs), uses(text_doc, text_refs)
            reading.update({
                f"{kind}entries": len(html_refs), f"{kind}text_entries": len(text_refs),
                f"{kind}read": sum(letters(a.raw)[:20] in letters(b.raw) for a, b in zip(html_refs, text_refs)),
                f"{kind}agreeing": sum(html_uses[a.key] == text_uses[b.key] for a, b in zip(html_refs, text_refs)),
                f"{kind}html_citations": sum(html_uses.values()), f"{kind}text_citations": sum(text_uses.values())})
        yield f"{folder.name}/{dump}", text, html, reading


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", action="store_true", help="also compare CC101 and CC102 findings")
    args = parser.parse_args()
    total: Counter = Counter()
    dumps = 0
    for folder in dump_sets():
        for dump, text, html, row in readings(folder):
            dumps += 1
            line = f"{dump[:64]:64} entries {row['read']:4}/{row['entries']:<4} cited alike {row['agreeing']:4}"
            if args.findings:
                for fmt, source in (("html", html), ("text", text)):
                    codes = Counter(f.code for f in lint_text(source, fmt, path=dump).findings)
                    row[f"CC101 {fmt}"], row[f"CC102 {fmt}"] = codes["CC101"], codes["CC102"]
                line += (f"  CC101 {row['CC101 html']:3} html {row['CC101 text']:3} text"
                         f"  CC102 {row['CC102 html']:3} html {row['CC102 text']:3} text")
            print(line)
            total.update(row)
    entries = total["entries"]
    print(f"{dumps} dumps, {entries} entries: read in order {total['read']} "
          f"({total['read'] / entries:.1%}), cited as often {total['agreeing']} ({total['agreeing'] / entries:.1%}); "
          f"citations {total['text_citations']} of {total['html_citations']}")
    print(f"notes (entries of a group: explanatory notes): {total['note entries']}, read in order "
          f"{total['note read']}, cited as often {total['note agreeing']}; "
          f"citations {total['note text_citations']} of {total['note html_citations']}")
    if args.findings:
        print(f"CC101: {total['CC101 html']} on the originals, {total['CC101 text']} on the dumps; "
              f"CC102: {total['CC102 html']}, {total['CC102 text']}")


if __name__ == "__main__":
    main()

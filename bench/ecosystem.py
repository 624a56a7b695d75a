"""What a change adds and removes on real articles: lint the whole corpus, snapshot, compare.

Every article of the shared corpus (plain text, wikitext, HTML) and every page of its XML
dumps is linted in-process through the public API. ``--write`` saves the findings and each
file's mapping counts as a snapshot; ``--compare`` lints again and prints, per rule, the
counts before and after with the findings removed and added (matched by fingerprint, so a
finding that only moved is neither), and the files whose counts changed.

    python bench/ecosystem.py --write eval/snapshot.jsonl.gz
    python bench/ecosystem.py --compare eval/snapshots/932c51a.jsonl.gz [--examples 5] [--json]

To snapshot another version of the code, put its ``src`` first on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable, Iterator

import citecheck
from citecheck.api import Result, lint_path
from citecheck.config import Settings
from citecheck.dump import lint_dump
from citecheck.report.json import file_record

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DUMP_SUFFIXES = (".xml", ".bz2", ".lzma", ".gz", ".xz")
NOT_ARTICLES = {"SOURCES.md", "counts.json", "NOTICE"}  # the corpus's own notes
EXCERPT_CHARS = 200
PAGE_SEPARATOR = "#"  # a dump page is "<dump path>#<page title>"

Row = dict[str, Any]


def corpus_files(corpus: Path) -> list[str]:
    """Corpus-relative paths of every article and dump (metadata .json files are not articles)."""
    return sorted(
        str(path.relative_to(corpus)) for path in corpus.rglob("*")
        if path.is_file() and path.name not in NOT_ARTICLES and path.suffix != ".json"
    )


def is_dump(name: str) -> bool:
    return name.endswith(DUMP_SUFFIXES)


def one_line(text: str, limit: int | None = EXCERPT_CHARS) -> str:
    return " ".join(text.split())[:limit]


def finding_row(file: str, finding: Any, excerpt_chars: int | None = EXCERPT_CHARS) -> Row:
    return {
        "file": file, "code": finding.code, "severity": str(finding.severity),
        "fingerprint": finding.fingerprint, "line": finding.line,
        "excerpt": one_line(finding.excerpt, excerpt_chars), "message": finding.message,
    }


def file_row(file: str, result: Result) -> Row:
    """The JSON report's files[] entry for this input, whatever keys the code gives it."""
    info = {key: value for key, value in file_record(result).items() if key != "path"}
    return {"file": file, **info, "findings": len(result.findings)}


def lint_file(corpus: Path, name: str, excerpt_chars: int | None = EXCERPT_CHARS) -> Iterator[tuple[Row, list[Row]]]:
    """(file row, finding rows) for an article, or for each linted page of a dump."""
    settings = Settings()
    if is_dump(name):
        for revision, result in lint_dump(corpus / name, settings):
            page = f"{name}{PAGE_SEPARATOR}{revision.title}"
            if result is None:
                yield {"file": page, "error": "could not be linted"}, []
            else:
                yield file_row(page, result), [finding_row(page, f, excerpt_chars) for f in result.findings]
        return
    result = lint_path(corpus / name, settings=settings)
    yield file_row(name, result), [finding_row(name, f, excerpt_chars) for f in result.findings]


def lint_corpus(corpus: Path, names: Iterable[str] | None = None,
                excerpt_chars: int | None = EXCERPT_CHARS) -> tuple[list[Row], list[Row]]:
    """(file rows, finding rows) for ``names`` (default: the whole corpus)."""
    files: list[Row] = []
    findings: list[Row] = []
    for name in corpus_files(corpus) if names is None else names:
        for info, rows in lint_file(corpus, name, excerpt_chars):
            files.append(info)
            findings.extend(rows)
    return files, findings


def code_version() -> Row:
    """Which citecheck was linted: its version, source folder and, in a git checkout, commit."""
    source = Path(citecheck.__file__).resolve().parent
    commit = subprocess.run(["git", "-C", str(source), "describe", "--always", "--dirty"],
                            capture_output=True, text=True, check=False).stdout.strip()
    return {"version": citecheck.__version__, "source": str(source), "commit": commit}


def write_snapshot(path: Path, files: list[Row], findings: list[Row], meta: Row) -> None:
    """JSON Lines, gzipped when the name ends in .gz: a meta line, file lines, finding lines."""
    opener = gzip.open if path.suffix == ".gz" else open
    path.parent.mkdir(parents=True, exist_ok=True)
    with opener(path, "wt", encoding="utf-8") as out:
        for kind, rows in (("meta", [meta]), ("file", files), ("finding", findings)):
            for row in rows:
                out.write(json.dumps({"kind": kind, **row}, ensure_ascii=False, sort_keys=True) + "\n")


def read_snapshot(path: Path) -> tuple[list[Row], list[Row], Row]:
    """(file rows, finding rows, meta) of a snapshot written by write_snapshot."""
    opener = gzip.open if path.suffix == ".gz" else open
    by_kind: dict[str, list[Row]] = defaultdict(list)
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            by_kind[row.pop("kind")].append(row)
    return by_kind["file"], by_kind["finding"], (by_kind["meta"] or [{}])[0]


def diff_findings(before: list[Row], after: list[Row]) -> dict[str, Row]:
    """Per rule: counts before/after and the findings removed and added.

    Findings are the same when file, code and fingerprint agree; where a fingerprint occurs
    several times in a file (one source cited twice), only the change in its count is news.
    """
    def grouped(rows: list[Row]) -> dict[tuple[str, str, str], list[Row]]:
        groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
        for row in rows:
            groups[row["file"], row["code"], row["fingerprint"]].append(row)
        return groups

    old, new = grouped(before), grouped(after)
    rules: dict[str, Row] = defaultdict(lambda: {"before": 0, "after": 0, "removed": [], "added": []})
    for row in before:
        rules[row["code"]]["before"] += 1
    for row in after:
        rules[row["code"]]["after"] += 1
    for key in old.keys() | new.keys():
        was, now = old.get(key, []), new.get(key, [])
        rules[key[1]]["removed"].extend(was[len(now):])
        rules[key[1]]["added"].extend(now[len(was):])
    for rule in rules.values():
        for change in ("removed", "added"):
            rule[change].sort(key=lambda row: (row["file"], row["line"]))
    return dict(sorted(rules.items()))


def diff_files(before: list[Row], after: list[Row]) -> dict[str, Row]:
    """Files whose recorded counts or formats changed: {file: {key: [before, after]}}."""
    old = {row["file"]: row for row in before}
    new = {row["file"]: row for row in after}
    changed: dict[str, Row] = {}
    for name in sorted(old.keys() | new.keys()):
        was, now = old.get(name, {}), new.get(name, {})
        keys = sorted((was.keys() | now.keys()) - {"file", "findings"})
        changes = {key: [was.get(key), now.get(key)] for key in keys if was.get(key) != now.get(key)}
        if changes:
            changed[name] = changes
    return changed


def comparison(before: tuple[list[Row], list[Row]], after: tuple[list[Row], list[Row]],
               examples: int) -> Row:
    """The whole comparison as data: per rule, totals, and changed files."""
    rules = diff_findings(before[1], after[1])
    totals = {key: sum(len(r[key]) if isinstance(r[key], list) else r[key] for r in rules.values())
              for key in ("before", "after", "removed", "added")}
    for rule in rules.values():
        for change in ("removed", "added"):
            rule[f"{change}_count"] = len(rule[change])
            rule[change] = rule[change][:examples]
    return {"rules": rules, "totals": totals, "files": diff_files(before[0], after[0])}


def render_text(result: Row, out: Any) -> None:
    print(f"{'rule':8}{'before':>8}{'after':>8}{'removed':>9}{'added':>7}", file=out)
    for code, rule in result["rules"].items():
        print(f"{code:8}{rule['before']:>8}{rule['after']:>8}{rule['removed_count']:>9}"
              f"{rule['added_count']:>7}", file=out)
    totals = result["totals"]
    print(f"{'total':8}{totals['before']:>8}{totals['after']:>8}{totals['removed']:>9}"
          f"{totals['added']:>7}", file=out)
    for code, rule in result["rules"].items():
        for change in ("removed", "added"):
            if rule[change]:
                print(f"\n{code} {change} ({rule[f'{change}_count']}):", file=out)
            for row in rule[change]:
                print(f"  {row['file']}:{row['line']}  {row['excerpt']}\n      {row['message']}", file=out)
    if result["files"]:
        print("\nfiles whose counts changed:", file=out)
        for name, changes in result["files"].items():
            shown = ", ".join(f"{key} {was} -> {now}" for key, (was, now) in changes.items())
            print(f"  {name}: {shown}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="SNAPSHOT", help="lint the corpus and save a snapshot")
    action.add_argument("--compare", type=Path, metavar="SNAPSHOT", help="lint the corpus and diff against a snapshot")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--examples", type=int, default=5, help="findings shown per rule and change")
    parser.add_argument("--json", action="store_true", help="machine-readable comparison")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"corpus not found: {args.corpus}")
    started = time.perf_counter()
    files, findings = lint_corpus(args.corpus)
    seconds = round(time.perf_counter() - started, 1)
    if args.write:
        write_snapshot(args.write, files, findings, {**code_version(), "seconds": seconds})
        print(f"{len(findings)} findings in {len(files)} files ({seconds} s) -> {args.write}", file=sys.stderr)
        return 0
    old_files, old_findings, meta = read_snapshot(args.compare)
    result = comparison((old_files, old_findings), (files, findings), args.examples)
    result["before"], result["after"] = meta, {**code_version(), "seconds": seconds}
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(f"before: {meta.get('commit') or meta.get('version')}   after: {result['after']['commit']}")
        render_text(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

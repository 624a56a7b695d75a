"""Precision of each rule on the corpus, from findings an editor has labelled by reading them.

Labels live in eval/labels/*.jsonl, and those of the held-out sets in eval/labels-held-out*/
(see eval/README.md); several folders are measured together. Each is matched to a current finding
by file, code and anchor (a substring of the finding's excerpt or message). A label that
matches no finding is stale: reported, not counted. Per rule the table gives the labels
matched, how many were true and false positives, the precision, and the findings of that rule
left unlabelled (in the linted files, or in the whole snapshot with ``--snapshot``).

    python bench/precision.py [--labels eval/labels ...] [--snapshot eval/snapshot.jsonl.gz] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ecosystem import DEFAULT_CORPUS, PAGE_SEPARATOR, REPO, Row, lint_corpus, read_snapshot  # noqa: E402
from labels import read_labels  # noqa: E402

DEFAULT_LABELS = REPO / "eval" / "labels"
FLAG_MIN_LABELS = 10
FLAG_PRECISION = 0.95


def labels_of(folders: list[Path]) -> list[Row]:
    """The labels of every folder; with several, each label's source names its folder too, as given."""
    if len(folders) == 1:
        return read_labels(folders[0])
    return [{**label, "source": f"{folder.as_posix()}/{label['source']}"}
            for folder in folders for label in read_labels(folder)]


def labelled_files(labels: list[Row], corpus: Path) -> list[str]:
    """The corpus files to lint (a dump page's label names its dump); missing ones leave labels stale."""
    names = {label["file"].split(PAGE_SEPARATOR, 1)[0] for label in labels}
    return sorted(name for name in names if (corpus / name).is_file())


def match_labels(labels: list[Row], findings: list[Row]) -> Row:
    """Pair each label with one finding: matched pairs, and stale, ambiguous and duplicate labels.

    An ambiguous label (its anchor fits several findings) still counts, for the first one
    not yet labelled; a second label for an already labelled finding is a duplicate.
    """
    by_file_code: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, finding in enumerate(findings):
        by_file_code[finding["file"], finding["code"]].append(index)
    matched: list[tuple[Row, int]] = []
    stale, ambiguous, duplicate = [], [], []
    taken: set[int] = set()
    for label in labels:
        anchor = label["anchor"]
        candidates = [i for i in by_file_code.get((label["file"], label["code"]), [])
                      if anchor in findings[i]["excerpt"] or anchor in findings[i]["message"]]
        free = [i for i in candidates if i not in taken]
        if not candidates:
            stale.append(label)
        elif not free:
            duplicate.append(label)
        else:
            if len(candidates) > 1:
                ambiguous.append({**label, "candidates": len(candidates)})
            taken.add(free[0])
            matched.append((label, free[0]))
    return {"matched": matched, "stale": stale, "ambiguous": ambiguous, "duplicate": duplicate}


def precision_table(labels: list[Row], findings: list[Row]) -> Row:
    """Per rule and overall: labelled, tp, fp, precision, unlabelled; plus the label problems."""
    pairing = match_labels(labels, findings)
    rules: dict[str, Row] = defaultdict(lambda: {"labelled": 0, "tp": 0, "fp": 0, "unlabelled": 0})
    for finding in findings:
        rules[finding["code"]]["unlabelled"] += 1
    for label, _ in pairing["matched"]:
        rule = rules[label["code"]]
        rule["labelled"] += 1
        rule["unlabelled"] -= 1
        rule["tp" if label["label"] == "tp" else "fp"] += 1
    overall = {key: sum(rule[key] for rule in rules.values()) for key in ("labelled", "tp", "fp", "unlabelled")}
    for row in [*rules.values(), overall]:
        row["precision"] = round(row["tp"] / row["labelled"], 3) if row["labelled"] else None
        row["flagged"] = row["labelled"] >= FLAG_MIN_LABELS and row["precision"] < FLAG_PRECISION
    return {
        "rules": {code: rules[code] for code in sorted(rules) if rules[code]["labelled"]},
        "overall": overall,
        "unlabelled_rules": sorted(code for code, rule in rules.items() if not rule["labelled"]),
        **{problem: pairing[problem] for problem in ("stale", "ambiguous", "duplicate")},
    }


def render_text(table: Row, out: Any) -> None:
    print(f"{'rule':8}{'labelled':>9}{'tp':>6}{'fp':>6}{'precision':>11}{'unlabelled':>12}", file=out)
    for code, row in [*table["rules"].items(), ("overall", table["overall"])]:
        shown = f"{row['precision']:.1%}" if row["precision"] is not None else "-"
        flag = f"  < {FLAG_PRECISION:.0%}" if row["flagged"] else ""
        print(f"{code:8}{row['labelled']:>9}{row['tp']:>6}{row['fp']:>6}{shown:>11}{row['unlabelled']:>12}{flag}",
              file=out)
    if table["unlabelled_rules"]:
        print(f"rules with no labels: {', '.join(table['unlabelled_rules'])}", file=out)
    problems = {"stale": "match no current finding (not counted; a stale fp is usually a fixed one, "
                         "a stale tp a lost finding or a changed excerpt)",
                "ambiguous": "match several findings (counted once)",
                "duplicate": "label a finding another label already took (not counted)"}
    for problem, meaning in problems.items():
        if table[problem]:
            print(f"\n{len(table[problem])} labels {meaning}:", file=out)
            for label in table[problem]:
                print(f"  {label['source']}  {label['label']}  {label['file']} {label['code']} {label['anchor']!r}",
                      file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, nargs="+", default=[DEFAULT_LABELS],
                        help="folders of *.jsonl labels, measured together (e.g. eval/labels-held-out*)")
    parser.add_argument("--snapshot", type=Path, help="read findings from this snapshot instead of linting")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="machine-readable table")
    args = parser.parse_args(argv)
    labels = labels_of(args.labels)
    if args.snapshot:
        _, findings, _ = read_snapshot(args.snapshot)
    else:
        _, findings = lint_corpus(args.corpus, labelled_files(labels, args.corpus), excerpt_chars=None)
    table = precision_table(labels, findings)
    if args.json:
        json.dump(table, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        render_text(table, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

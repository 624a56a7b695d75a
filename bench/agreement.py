"""How often two editors, reading the same findings independently, give the same verdict.

A precision measured from one editor's labels is only as firm as the verdicts are: where a
second reading of the same findings disagrees on one in five, no rule can be shown to be
right 95 % of the time. Per rule the table gives the findings both read, the share with the
same verdict, Cohen's kappa (agreement beyond what the two editors' tp rates give by chance)
and the precision each reading gives; then every disagreement, with both editors' reasons.

Labels are paired by file, code and anchor (each label file lists the sampled findings with
the anchors they were given), so both folders must label the same sample.

    python bench/agreement.py eval/labels-held-out-23 eval/second-readings/held-out-23
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from labels import read_labels  # noqa: E402

Row = dict[str, Any]


def _key(label: Row) -> tuple[str, str, str]:
    return label["file"], label["code"], label["anchor"]


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two readings' tp/fp verdicts; None where chance alone explains all agreement."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(first == second for first, second in pairs) / n
    first_tp = sum(first == "tp" for first, _ in pairs) / n
    second_tp = sum(second == "tp" for _, second in pairs) / n
    expected = first_tp * second_tp + (1 - first_tp) * (1 - second_tp)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def agreement_table(first: list[Row], second: list[Row]) -> Row:
    """Per rule and overall: findings read twice, agreement, kappa, each reading's precision; the
    disagreements; and the labels of either reading that the other has not."""
    seconds = {_key(label): label for label in second}
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    disagreements, only_first = [], []
    for label in first:
        other = seconds.pop(_key(label), None)
        if other is None:
            only_first.append(label)
            continue
        pairs[label["code"]].append((label["label"], other["label"]))
        if label["label"] != other["label"]:
            disagreements.append({"file": label["file"], "code": label["code"], "anchor": label["anchor"],
                                  "first": label["label"], "first_why": label.get("why", ""),
                                  "second": other["label"], "second_why": other.get("why", "")})
    rules = {code: _summary(pairs[code]) for code in sorted(pairs)}
    return {"rules": rules, "overall": _summary([pair for code in pairs for pair in pairs[code]]),
            "disagreements": disagreements,
            "only_first": only_first,
            "only_second": list(seconds.values())}


def _summary(pairs: list[tuple[str, str]]) -> Row:
    n = len(pairs)
    agreed = sum(first == second for first, second in pairs)
    value = kappa(pairs)
    return {"read_twice": n, "agreed": agreed, "agreement": round(agreed / n, 3) if n else None,
            "kappa": round(value, 3) if value is not None else None,
            "first_precision": round(sum(first == "tp" for first, _ in pairs) / n, 3) if n else None,
            "second_precision": round(sum(second == "tp" for _, second in pairs) / n, 3) if n else None}


def _shown(value: float | None, percent: bool = True) -> str:
    return "-" if value is None else f"{value:.1%}" if percent else f"{value:.2f}"


def render_text(table: Row, out: Any) -> None:
    print(f"{'rule':8}{'read twice':>11}{'agreed':>8}{'agreement':>11}{'kappa':>7}"
          f"{'precision 1st':>15}{'2nd':>7}", file=out)
    for code, row in [*table["rules"].items(), ("overall", table["overall"])]:
        print(f"{code:8}{row['read_twice']:>11}{row['agreed']:>8}{_shown(row['agreement']):>11}"
              f"{_shown(row['kappa'], False):>7}{_shown(row['first_precision']):>15}"
              f"{_shown(row['second_precision']):>7}", file=out)
    for side in ("only_first", "only_second"):
        if table[side]:
            print(f"{len(table[side])} labels of the {side.split('_')[1]} reading have no counterpart "
                  "(not counted)", file=out)
    if table["disagreements"]:
        print(f"\n{len(table['disagreements'])} disagreements:", file=out)
        for row in table["disagreements"]:
            print(f"  {row['code']} {row['file']} {row['anchor']!r}\n"
                  f"    1st {row['first']}: {row['first_why']}\n    2nd {row['second']}: {row['second_why']}",
                  file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="folder of *.jsonl labels (the set's own)")
    parser.add_argument("second", type=Path, help="folder of *.jsonl labels of a second, independent reading")
    args = parser.parse_args(argv)
    render_text(agreement_table(read_labels(args.first), read_labels(args.second)), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())

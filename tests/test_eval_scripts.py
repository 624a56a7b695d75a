"""The measurement scripts in bench/: the ecosystem diff and the precision table, on a tiny corpus."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from conftest import load_bench

ecosystem = load_bench("ecosystem")
precision = load_bench("precision")

ARTICLE = """\
The town had 12,000 inhabitants in 2001.{{citation needed|date=May 2015}}

== References ==
<ref>{{cite web |url=http://example.org/a |title=Alpha page}}</ref>
<ref>{{cite web |url=http://example.org/b |title=Beta page |url-status=dead}}</ref>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "small").mkdir(parents=True)
    (root / "small" / "town.wiki").write_text(ARTICLE, encoding="utf-8")
    (root / "SOURCES.md").write_text("notes, not an article", encoding="utf-8")
    (root / "small" / "town.json").write_text("{}", encoding="utf-8")
    return root


def row(file: str, code: str, fingerprint: str, line: int = 1, excerpt: str = "", message: str = "") -> dict:
    return {"file": file, "code": code, "fingerprint": fingerprint, "line": line,
            "severity": "warning", "excerpt": excerpt, "message": message}


def test_corpus_lints_articles_only_and_snapshot_round_trips(corpus: Path, tmp_path: Path) -> None:
    assert ecosystem.corpus_files(corpus) == ["small/town.wiki"]
    files, findings = ecosystem.lint_corpus(corpus)
    assert files[0]["file"] == "small/town.wiki" and files[0]["format"] == "wikitext"
    assert {"statements", "references", "citations"} <= files[0].keys()
    assert {"CC103", "CC301"} <= {f["code"] for f in findings}
    assert all(len(f["excerpt"]) <= ecosystem.EXCERPT_CHARS for f in findings)
    snapshot = tmp_path / "snap.jsonl.gz"
    ecosystem.write_snapshot(snapshot, files, findings, {"commit": "abc"})
    assert ecosystem.read_snapshot(snapshot) == (files, findings, {"commit": "abc"})


def test_diff_matches_by_fingerprint_not_line() -> None:
    before = [row("a", "CC101", "moved", line=3), row("a", "CC101", "gone"),
              row("a", "CC303", "twice"), row("a", "CC303", "twice")]
    after = [row("a", "CC101", "moved", line=9), row("a", "CC101", "new"), row("a", "CC303", "twice"),
             row("b", "CC303", "twice")]
    rules = ecosystem.diff_findings(before, after)
    assert [r["fingerprint"] for r in rules["CC101"]["removed"]] == ["gone"]
    assert [r["fingerprint"] for r in rules["CC101"]["added"]] == ["new"]
    assert (rules["CC303"]["before"], rules["CC303"]["after"]) == (2, 2)
    assert [r["file"] for r in rules["CC303"]["removed"]] == ["a"]  # one of the two copies
    assert [r["file"] for r in rules["CC303"]["added"]] == ["b"]


def test_comparison_totals_examples_and_changed_files() -> None:
    before = ([{"file": "a", "statements": 3, "findings": 2}], [row("a", "CC101", "x"), row("a", "CC101", "y")])
    after = ([{"file": "a", "statements": 4, "findings": 1, "mapping_check": "ok"}], [row("a", "CC101", "z")])
    result = ecosystem.comparison(before, after, examples=1)
    assert result["totals"] == {"before": 2, "after": 1, "removed": 2, "added": 1}
    assert result["rules"]["CC101"]["removed_count"] == 2 and len(result["rules"]["CC101"]["removed"]) == 1
    assert result["files"] == {"a": {"mapping_check": [None, "ok"], "statements": [3, 4]}}
    out = io.StringIO()
    ecosystem.render_text(result, out)
    assert "CC101 removed (2):" in out.getvalue() and "a: mapping_check None -> ok" in out.getvalue()


def test_precision_counts_labels_and_reports_stale_ones(tmp_path: Path) -> None:
    findings = [row("a", "CC303", f"f{i}", excerpt=f"http://example.org/{i}") for i in range(12)]
    findings.append(row("a", "CC103", "cn", message="tagged citation needed since May 2015"))
    labels_dir = tmp_path / "labels"
    labels_dir.mkdir()
    labels = [{"file": "a", "code": "CC303", "anchor": f"example.org/{i}", "label": "tp", "why": "no archive"}
              for i in range(2, 12)]
    labels += [{"file": "a", "code": "CC303", "anchor": "example.org/0", "label": "fp", "why": "archived"},
               {"file": "a", "code": "CC103", "anchor": "since May 2015", "label": "tp", "why": "tag"},
               {"file": "a", "code": "CC103", "anchor": "no such text", "label": "tp", "why": "gone"}]
    (labels_dir / "x.jsonl").write_text("\n".join(json.dumps(label) for label in labels) + "\n", encoding="utf-8")
    table = precision.precision_table(precision.read_labels(labels_dir), findings)
    cc303 = table["rules"]["CC303"]
    assert (cc303["labelled"], cc303["tp"], cc303["fp"], cc303["unlabelled"]) == (11, 10, 1, 1)
    assert cc303["precision"] == round(10 / 11, 3) and cc303["flagged"]
    assert table["rules"]["CC103"] == {"labelled": 1, "tp": 1, "fp": 0, "unlabelled": 0,
                                       "precision": 1.0, "flagged": False}
    assert [label["anchor"] for label in table["stale"]] == ["no such text"]
    assert table["stale"][0]["source"] == "x.jsonl:13"
    assert table["overall"]["labelled"] == 12 and table["overall"]["tp"] == 11
    out = io.StringIO()
    precision.render_text(table, out)
    assert "< 95%" in out.getvalue() and "x.jsonl:13  tp  a CC103 'no such text'" in out.getvalue()


def test_precision_measures_several_label_folders_together(tmp_path: Path) -> None:
    findings = [row("a", "CC303", "one", excerpt="http://example.org/1"),
                row("b", "CC303", "two", excerpt="http://example.org/2")]
    for name, file, verdict in (("set-1", "a", "tp"), ("set-2", "b", "fp")):
        (tmp_path / name).mkdir()
        label = {"file": file, "code": "CC303", "anchor": "example.org/", "label": verdict, "why": "read"}
        (tmp_path / name / "CC303.jsonl").write_text(json.dumps(label) + "\n", encoding="utf-8")
    labels = precision.labels_of([tmp_path / "set-1", tmp_path / "set-2"])
    assert [label["source"] for label in labels] == [f"{(tmp_path / name).as_posix()}/CC303.jsonl:1"
                                                     for name in ("set-1", "set-2")]
    table = precision.precision_table(labels, findings)
    assert (table["rules"]["CC303"]["tp"], table["rules"]["CC303"]["fp"]) == (1, 1)
    assert precision.labels_of([tmp_path / "set-1"])[0]["source"] == "CC303.jsonl:1"


def test_precision_reports_ambiguous_and_duplicate_labels() -> None:
    findings = [row("a", "CC301", "one", excerpt="http://example.org/dead"),
                row("a", "CC301", "two", excerpt="http://example.org/dead-too")]
    labels = [{"file": "a", "code": "CC301", "anchor": anchor, "label": "tp", "source": "x"}
              for anchor in ("example.org/dead", "example.org/dead-too", "example.org/dead-too")]
    table = precision.precision_table(labels, findings)
    assert table["rules"]["CC301"]["labelled"] == 2
    assert [label["candidates"] for label in table["ambiguous"]] == [2]
    assert len(table["duplicate"]) == 1


agreement = load_bench("agreement")


def test_agreement_pairs_readings_by_anchor_and_gives_kappa() -> None:
    def label(anchor: str, verdict: str, code: str = "CC101") -> dict:
        return {"file": "a", "code": code, "anchor": anchor, "label": verdict, "why": f"{verdict} {anchor}"}
    first = [label("w", "tp"), label("x", "tp"), label("y", "fp"), label("z", "fp"), label("lone", "tp"),
             label("u", "tp", "CC303")]
    second = [label("w", "tp"), label("x", "fp"), label("y", "fp"), label("z", "fp"), label("other", "fp"),
              label("u", "tp", "CC303")]
    table = agreement.agreement_table(first, second)
    cc101 = table["rules"]["CC101"]
    # 3 of 4 agree; chance agreement from tp rates 1/2 and 1/4 is 1/2, so kappa is (3/4 - 1/2) / (1/2)
    assert (cc101["read_twice"], cc101["agreed"], cc101["agreement"]) == (4, 3, 0.75)
    assert cc101["kappa"] == 0.5
    assert (cc101["first_precision"], cc101["second_precision"]) == (0.5, 0.25)
    assert table["rules"]["CC303"]["kappa"] is None  # both always tp: chance explains it all
    assert table["overall"]["read_twice"] == 5
    assert [row["anchor"] for row in table["disagreements"]] == ["x"]
    assert [row["anchor"] for row in table["only_first"]] == ["lone"]
    assert [row["anchor"] for row in table["only_second"]] == ["other"]
    out = io.StringIO()
    agreement.render_text(table, out)
    assert "1st tp: tp x" in out.getvalue() and "2nd fp: fp x" in out.getvalue()
    assert "1 labels of the first reading have no counterpart" in out.getvalue()

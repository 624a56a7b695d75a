"""The wiki-wide worklist from a dump run's shards."""

from __future__ import annotations

import json
from pathlib import Path

from citecheck.summarize import article_url, render, run_files, records, summarize

BASE = "https://en.wikipedia.org/wiki/Main_Page"


def finding(code: str, severity: str = "warning", **evidence: object) -> dict:
    return {"code": code, "severity": severity, "line": 3, "evidence": evidence}


def write_run(folder: Path) -> Path:
    shards = [
        [{"title": "Battle of X", "findings": [
            finding("CC201", outlets=["AzerNews", "AzerNews"]), finding("CC406", "error", field="date", value="32 May 2020"),
            finding("CC301", url="https://www.deadsite.com/a")]},
         {"title": "Quiet page", "findings": []}],
        [{"title": "Siege of Y", "findings": [
            finding("CC201", outlets=["AzerNews"]), finding("CC301", url="http://deadsite.com/b"),
            finding("CC301", url="https://other.org/c"), finding("CC101", "error"), finding("CC101", "error")]},
         {"title": "Broken", "error": "could not be linted"}],
    ]
    entries = []
    for number, rows in enumerate(shards):
        name = f"shard-{number:05d}.jsonl"
        (folder / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        entries.append({"shard": name})
    (folder / "manifest.json").write_text(json.dumps({"site_base": BASE, "shards": entries}), encoding="utf-8")
    return folder


def test_summary_of_a_sharded_run(tmp_path: Path) -> None:
    files, base = run_files([write_run(tmp_path)])
    summary = summarize(records(files), base)
    assert summary["pages"] == 4 and summary["not_linted"] == 1
    assert summary["by_rule"] == {"CC101": 2, "CC201": 2, "CC301": 3, "CC406": 1}
    assert [a["title"] for a in summary["articles"]] == ["Siege of Y", "Battle of X"]
    assert summary["articles"][0]["url"] == "https://en.wikipedia.org/wiki/Siege_of_Y"
    assert summary["dead_link_domains"][0] == {"domain": "deadsite.com", "findings": 2}
    assert summary["sole_casualty_sources"] == [{"outlet": "AzerNews", "findings": 2, "articles": 2}]
    assert summary["date_errors"][0]["value"] == "32 May 2020"
    markdown = render(summary, "markdown")
    assert "[Battle of X](https://en.wikipedia.org/wiki/Battle_of_X)" in markdown and "| deadsite.com | 2 |" in markdown
    assert '<a href="https://en.wikipedia.org/wiki/Siege_of_Y">Siege of Y</a>' in render(summary, "html")
    assert json.loads(render(summary, "json"))["by_severity"] == {"error": 3, "warning": 5}


def test_without_a_site_base_articles_are_named_by_title(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    path.write_text(json.dumps({"title": "A [b]", "findings": [finding("CC101", "error")]}) + "\n", encoding="utf-8")
    summary = summarize(records(run_files([path])[0]))
    assert article_url("", "A") == "" and "| A \\[b\\] | 1 | 1 |" in render(summary, "markdown")


def test_markdown_cells_keep_pipes_backticks_and_line_breaks_inside_their_cell(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    rows = {"title": "A", "findings": [finding("CC201", outlets=["Press | Agency"]),
                                       finding("CC406", "error", field="date", value="May `20`|21\n2020")]}
    path.write_text(json.dumps(rows) + "\n", encoding="utf-8")
    markdown = render(summarize(records(run_files([path])[0])), "markdown")
    assert "| Press \\| Agency | 1 | 1 |" in markdown
    assert "| A | 3 | date | `` May `20`\\|21 2020 `` |" in markdown

"""Golden reports: the seed and two corpus articles rendered in the report formats, kept current.

The files under fixtures/reports/ are examples for readers and a check that a change to a
parser, a rule or a reporter changes the reports only on purpose. After an intended change,
regenerate them all with one command and review the diff:

    CITECHECK_REGENERATE=1 .venv/bin/python -m pytest tests/test_report_golden.py
"""

from __future__ import annotations

import importlib.util
import io
import os
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED, corpus_or_skip

from citecheck.api import Result, lint_path
from citecheck.report import render

GOLDEN = FIXTURES / "reports"
REGENERATE = os.environ.get("CITECHECK_REGENERATE") == "1"

# (name, where the input lives, its path relative to that place, input format, report formats)
ARTICLES = [
    ("seed", "fixtures", "articles/" + SEED.name, "text", ("markdown", "html", "sarif", "github")),
    ("bodmin", "corpus", "wtf_wikipedia/Bodmin.txt", "wikitext", ("markdown", "html")),
    ("readability-wikipedia", "corpus", "readability/wikipedia/source.html", "html", ("markdown", "html")),
]
SUFFIX = {"markdown": "md", "html": "html", "sarif": "sarif.json", "github": "github.txt"}


def lint_article(place: str, relative: str, fmt: str) -> Result:
    """Lint the article and label it with a path that is the same on every checkout."""
    if importlib.util.find_spec(f"citecheck.parsers.{fmt}") is None:
        pytest.skip(f"the {fmt} parser is not installed yet")
    root = FIXTURES if place == "fixtures" else corpus_or_skip()
    result = lint_path(root / relative)
    label = f"{'fixtures' if place == 'fixtures' else 'corpus'}/{relative}"
    result.path = result.document.path = label
    for finding in result.findings:
        finding.path = label
    return result


def cases() -> list[object]:
    return [pytest.param(name, place, rel, fmt, report, id=f"{name}-{report}")
            for name, place, rel, fmt, reports in ARTICLES for report in reports]


@pytest.mark.parametrize(("name", "place", "relative", "fmt", "report"), cases())
def test_golden_report(name: str, place: str, relative: str, fmt: str, report: str) -> None:
    result = lint_article(place, relative, fmt)
    assert result.document.format == fmt
    out = io.StringIO()
    render(report, [result], out)
    golden = GOLDEN / f"{name}.{SUFFIX[report]}"
    if REGENERATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out.getvalue(), encoding="utf-8")
        return
    assert golden.exists(), f"{golden} is missing; regenerate (see this module's docstring)"
    expected = golden.read_text(encoding="utf-8")
    assert out.getvalue() == expected, (
        f"{golden.name} is out of date; regenerate (see this module's docstring) and review the diff")


def test_every_golden_file_belongs_to_a_case() -> None:
    """No stale example lingers after an article or format is dropped from the list."""
    expected = {f"{name}.{SUFFIX[r]}" for name, _, _, _, reports in ARTICLES for r in reports}
    present = {p.name for p in GOLDEN.iterdir()} if GOLDEN.is_dir() else set()
    assert present <= expected | {"README.md"}


@pytest.mark.parametrize(("report", "start"), [
    ("markdown", "# citecheck: flagged claims\n"), ("html", "<!DOCTYPE html>\n"),
    ("sarif", "{\n"), ("github", "::"),
])
def test_command_line_writes_each_format(report: str, start: str) -> None:
    if importlib.util.find_spec("citecheck.parsers.text") is None:
        pytest.skip("the text parser is not installed yet")
    from click.testing import CliRunner

    from citecheck.cli import main

    run = CliRunner().invoke(main, [str(SEED), "--format", report, "--fail-on", "never"])
    assert run.exit_code == 0, run.output
    assert run.output.startswith(start)

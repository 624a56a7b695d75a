"""SARIF 2.1.0 output: valid against the official schema, rules documented, regions exact."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from test_report_common import DemoCasualtyRule, sample_result

from citecheck.api import Result
from citecheck.report import plain_text, render
from citecheck.report.sarif import FINGERPRINT_KEY, artifact_uri

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def sarif(results: list[Result]) -> dict[str, Any]:
    out = io.StringIO()
    render("sarif", results, out)
    return json.loads(out.getvalue())


def validate(log: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_sample_validates_against_the_sarif_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("citecheck.rules.RULES", (DemoCasualtyRule,))
    log = sarif([sample_result()])
    validate(log)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert len(run["results"]) == 5


def test_schema_rejects_a_broken_log() -> None:
    """The validation above means something: the schema catches a wrong level and a bad line."""
    log = sarif([sample_result()])
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)
    log = sarif([sample_result()])
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


def test_one_rule_entry_per_code_with_docstring_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("citecheck.rules.RULES", (DemoCasualtyRule,))
    run = sarif([sample_result()])["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(set(ids)) == ["CC102", "CC201", "CC303", "CC501", "CC901"]
    cc201 = rules[ids.index("CC201")]
    assert cc201["shortDescription"]["text"] == DemoCasualtyRule.summary()
    assert cc201["help"]["text"] == DemoCasualtyRule.doc()
    assert cc201["defaultConfiguration"] == {"level": "error"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_results_carry_regions_levels_and_fingerprints() -> None:
    result = sample_result()
    run = sarif([result])["runs"][0]
    by_code = {r["ruleId"]: r for r in run["results"]}
    finding = next(f for f in result.findings if f.code == "CC501")
    region = by_code["CC501"]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
        finding.line, finding.column, finding.end_line, finding.end_column)
    line = result.document.source.splitlines()[finding.line - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "[9]"
    assert region["snippet"] == {"text": "[9]"}
    assert by_code["CC501"]["properties"]["excerpt"] == "Some 90,000 people were displaced."
    assert by_code["CC501"]["partialFingerprints"] == {FINGERPRINT_KEY: finding.fingerprint}
    assert by_code["CC303"]["level"] == "note"
    assert by_code["CC102"]["level"] == "warning"
    assert by_code["CC201"]["properties"]["evidence"]["party"] == "Armenia / Artsakh"


def test_artifact_uris() -> None:
    assert artifact_uri("articles/a b.txt") == "articles/a%20b.txt"
    assert artifact_uri("/tmp/x.wiki") == "file:///tmp/x.wiki"
    assert artifact_uri("-") == "stdin"
    url = "https://en.wikipedia.org/w/index.php?title=X&oldid=5"
    assert artifact_uri(url) == url


def test_empty_run_validates() -> None:
    result = sample_result()
    result.findings = []
    log = sarif([result])
    validate(log)
    assert log["runs"][0]["results"] == []


def test_seed_report_validates(seed_result: Result) -> None:
    log = sarif([seed_result])
    validate(log)
    run = log["runs"][0]
    assert len(run["results"]) == len(seed_result.findings)
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids))
    from citecheck.rules import RULES

    for rule in RULES:
        entry = run["tool"]["driver"]["rules"][ids.index(rule.code)]
        # Plain text shows reStructuredText literals as they are; the Markdown help keeps them.
        assert entry["help"]["text"] == plain_text(rule.doc())
        assert entry["shortDescription"]["text"] == plain_text(rule.summary())
        assert rule.doc() in entry["help"]["markdown"]


@pytest.fixture(scope="module")
def seed_result() -> Result:
    import importlib.util

    from conftest import SEED

    from citecheck.api import lint_path

    if importlib.util.find_spec("citecheck.parsers.text") is None:
        pytest.skip("the plain-text parser is not installed yet")
    return lint_path(SEED)

"""End to end on the seed article: the facts an editor checked by hand, and the JSON contract."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from citecheck import lint_path
from citecheck.report import render

from conftest import SEED

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "citecheck-report-1.json").read_text())


@pytest.fixture(scope="module")
def result():
    return lint_path(SEED)


def by_code(result, code: str) -> list:
    return [f for f in result.findings if f.code == code]


def test_report_property_destruction_is_indirectly_cited(result) -> None:
    hits = [f for f in by_code(result, "CC102") if "5,800 private properties" in f.excerpt]
    assert len(hits) == 1 and "49" in hits[0].message


def test_undefined_references_are_grouped(result) -> None:
    undefined = by_code(result, "CC501")
    assert 1 <= len(undefined) <= 4
    assert any("63" in f.message and "526" in f.message for f in undefined)


def test_empty_note_d_is_reported(result) -> None:
    assert any("d" in f.refs for f in by_code(result, "CC503"))


def test_mojibake_is_reported_once(result) -> None:
    assert len(by_code(result, "CC901")) == 1


@pytest.mark.parametrize("fragment", [
    "On 27 September, Azerbaijani authorities restricted internet access",
    "Both Armenia and Azerbaijan then became fully independent of the Soviet Union in 1991",
])
def test_dates_and_years_are_not_numeric_claims(result, fragment: str) -> None:
    numeric = by_code(result, "CC101") + by_code(result, "CC102")
    assert not [f for f in numeric if fragment in f.excerpt]


def test_model_designations_are_not_numeric_claims(result) -> None:
    numeric = by_code(result, "CC101") + by_code(result, "CC102")
    for f in numeric:
        assert f.evidence.get("figure", "") not in ("T-72", "S-300", "Mi-24", "F-16s", "COVID-19")


def test_obrien_sentence_is_one_statement_with_its_citation(result) -> None:
    (statement,) = [s for s in result.document.statements if "Robert C. O'Brien" in s.text]
    assert statement.text.endswith('"pushing them to do so".')
    assert [c.key for c in statement.citations] == ["390"]


def test_json_report_validates_against_the_schema(result) -> None:
    out = io.StringIO()
    render("json", [result], out)
    document = json.loads(out.getvalue())
    jsonschema.validate(document, SCHEMA)
    assert document["files"][0]["references"] == 62
    assert document["summary"]["by_code"]

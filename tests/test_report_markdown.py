"""The Markdown claims report: summary first, claims by section, sources, inert article text."""

from __future__ import annotations

import io

import pytest
from test_report_common import DemoCasualtyRule, sample_result

from citecheck.report import render


def markdown() -> str:
    out = io.StringIO()
    render("markdown", [sample_result()], out)
    return out.getvalue()


def test_summary_table_comes_first_most_severe_first() -> None:
    text = markdown()
    table = text[: text.index("\n## ")]
    rows = [line for line in table.splitlines() if line.startswith("| [CC")]
    assert [row.split("]")[0][3:] for row in rows] == ["CC201", "CC501", "CC102", "CC901", "CC303"]
    assert "| [CC201](#rule-cc201) | single-party-casualty-figure | error | 1 |" in rows


def test_claims_by_section_with_highlight_sources_and_findings() -> None:
    text = markdown()
    casualties = text.index("#### Casualties\n")
    civilians = text.index("#### Casualties › Civilians\n")
    references = text.index("### Reference findings")
    assert casualties < civilians < references
    assert "> The ministry said **1,166** servicemen were killed." in text
    assert "> Another **40** civilians died." in text
    assert "**party: Armenia / Artsakh**" in text
    assert "**\\[9\\]** · _not defined in the reference list_" in text
    assert "[archived copy](https://web.archive.org/web/20201001000000/https://www.unhcr.org/report)" in text
    assert "(https://www.unhcr.org/report?a=1&b=%282%29)" in text
    assert "_cited by a nearby statement_" in text
    assert "### Other findings" in text


def test_article_text_is_inert() -> None:
    text = markdown()
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert" in text
    assert "](javascript:" not in text, "a javascript: URL never becomes a link"
    assert "\\*Co\\*" in text


def test_rule_explanations_from_docstrings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("citecheck.rules.RULES", (DemoCasualtyRule,))
    text = markdown()
    assert '<a id="rule-cc201"></a>\n\n### CC201 single-party-casualty-figure' in text
    assert "Attribute the figure in the text or add an independent source." in text
    assert "_Casualty figure sourced only to one party of the conflict._" in text
    assert "### CC102 indirectly-cited-numeric-claim\n\nNo documentation" in text


def test_input_notes_and_statement_kind() -> None:
    from citecheck.model import Diagnostic

    result = sample_result()
    result.document.diagnostics.append(Diagnostic("encoding-damage", "2 replacement characters <x>"))
    result.document.statements[0].kind = "infobox"
    out = io.StringIO()
    render("markdown", [result], out)
    text = out.getvalue()
    assert "Input notes:\n\n- 2 replacement characters &lt;x&gt;\n" in text
    assert "> The ministry said **1,166** servicemen were killed. _\\(infobox\\)_" in text

"""The claims-report view shared by the Markdown and HTML reports, and a hand-built sample result.

``sample_result`` builds a small article by hand (model objects, no parser) with hostile text in
it, so the reporters can be tested whatever the parsers and rules currently do.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from citecheck.api import Result
from citecheck.model import Citation, Document, Finding, Reference, Severity, Span, Statement
from citecheck.report.markdown import (
    build_view, cited_sources, highlights, rule_doc, safe_url, split_highlights,
)
from citecheck.rules import Rule, RuleContext

HOSTILE_TITLE = '<script>alert("x")</script> Ministry & *Co* [1](javascript:alert(1))'

SOURCE = (
    "Casualties\n"
    "The ministry said 1,166 servicemen were killed.[1] Another 40 civilians died.\n"
    "Some 90,000 people were displaced.[2][9]\n"
    "References\n"
    f"1. ^ \"{HOSTILE_TITLE}\". Armenpress. 2 October 2020.\n"
    "2. ^ \"Displacement | report\". UNHCR. 2020. Archived from the original.\n"
)


def _find(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle))


def sample_result(path: str = "fixtures/sample.txt") -> Result:
    """A document with two flagged claims, a reference finding and a document-level finding."""
    ref1 = Reference(
        key="1", span=_find(SOURCE, f'1. ^ "{HOSTILE_TITLE}"'), raw=f'"{HOSTILE_TITLE}". Armenpress.',
        fields={"title": HOSTILE_TITLE, "work": "Armenpress", "date": "2 October 2020",
                "url": "javascript:alert(1)"},
        domain="armenpress.am",
    )
    ref2 = Reference(
        key="2", span=_find(SOURCE, '2. ^ "Displacement'), raw='"Displacement | report". UNHCR. 2020.',
        fields={"title": "Displacement | report", "publisher": "UNHCR", "date": "2020",
                "url": "https://www.unhcr.org/report?a=1&b=(2)",
                "archive_url": "https://web.archive.org/web/20201001000000/https://www.unhcr.org/report",
                "archive_date": "1 October 2020"},
        domain="unhcr.org", dead_link=True,
    )
    s1_text = "The ministry said 1,166 servicemen were killed."
    s1 = Statement(text=s1_text, span=_find(SOURCE, s1_text + "[1]"), section=("Casualties",), index=0,
                   citations=[Citation("1", _find(SOURCE, "[1]"), reference=ref1)])
    s2_text = "Another 40 civilians died."
    s2 = Statement(text=s2_text, span=_find(SOURCE, s2_text), section=("Casualties",), index=1)
    s3_text = "Some 90,000 people were displaced."
    s3 = Statement(text=s3_text, span=_find(SOURCE, s3_text + "[2][9]"),
                   section=("Casualties", "Civilians"), index=2,
                   citations=[Citation("2", _find(SOURCE, "[2]"), reference=ref2),
                              Citation("9", _find(SOURCE, "[9]"))])
    doc = Document(source=SOURCE, format="text", path=path, title=HOSTILE_TITLE,
                   statements=[s1, s2, s3], references=[ref1, ref2])
    fig = s1_text.index("1,166")
    findings = [
        Finding("CC201", "single-party-casualty-figure", Severity.ERROR,
                "casualty figure sourced only to Armenia <b>", s1.span, statement=s1, refs=["1"],
                evidence={"highlight": [fig, fig + 5], "party": "Armenia / Artsakh"}),
        Finding("CC102", "indirectly-cited-numeric-claim", Severity.WARNING,
                "figure cited only by a later statement", s2.span, statement=s2, refs=["2"],
                evidence={"figure": "40"}),
        Finding("CC501", "undefined-reference", Severity.ERROR, "[9] is not defined",
                _find(SOURCE, "[9]"), statement=s3, refs=["9"]),
        Finding("CC303", "unarchived-link", Severity.INFO, "url has no archive, 100% at risk",
                ref2.span, reference=ref2, refs=["2"]),
        Finding("CC901", "encoding-damage", Severity.WARNING, "2 replacement characters",
                Span(0, 10)),
    ]
    for f in findings:
        f.locate(doc)
    findings.sort(key=lambda f: (f.span.start, f.code))
    return Result(path=path, document=doc, findings=findings)


def test_claims_grouped_by_section_in_document_order() -> None:
    view = build_view(sample_result())
    assert [label for label, _ in view.sections] == ["Casualties", "Casualties › Civilians"]
    first = view.sections[0][1]
    assert [c.statement.index for c in first] == [0, 1]
    assert [f.code for f in first[0].findings] == ["CC201"]
    assert [e.reference.key for e in view.references] == ["2"]
    assert [f.code for f in view.other] == ["CC901"]


def test_sources_include_undefined_and_nearby_references_with_party() -> None:
    view = build_view(sample_result())
    claim1, claim2 = view.sections[0][1]
    assert [(s.label, s.party) for s in claim1.sources] == [("[1]", "Armenia / Artsakh")]
    assert [(s.label, s.nearby) for s in claim2.sources] == [("[2]", True)]
    claim3 = view.sections[1][1][0]
    assert [(s.label, s.reference is None) for s in claim3.sources] == [("[2]", False), ("[9]", True)]


def test_party_mapping_applies_per_reference() -> None:
    result = sample_result()
    statement = result.document.statements[2]
    finding = Finding("CC201", "x", Severity.ERROR, "m", statement.span, statement=statement,
                      refs=["2", "9"], evidence={"party": {"2": "UN"}})
    sources = cited_sources(statement, [finding], result.document.references)
    assert [(s.label, s.party) for s in sources] == [("[2]", "UN"), ("[9]", "")]


def test_highlight_from_offsets_figure_and_date() -> None:
    result = sample_result()
    s1, s2 = result.document.statements[:2]
    assert highlights(s1, [f for f in result.findings if f.code == "CC201"]) == [(18, 23)]
    assert highlights(s2, [f for f in result.findings if f.code == "CC102"]) == [(8, 10)]
    many = Finding("X", "x", Severity.INFO, "m", s1.span, statement=s1,
                   evidence={"highlight": [[0, 3], [2, 6], [40, 999]], "date": "killed"})
    assert highlights(s1, [many]) == [(0, 6)], "out-of-range pairs dropped, overlaps merged"
    dated = Finding("X", "x", Severity.INFO, "m", s1.span, statement=s1, evidence={"date": ["killed"]})
    assert highlights(s1, [dated]) == [(s1.text.index("killed"), s1.text.index("killed") + 6)]


def test_split_highlights_covers_the_text() -> None:
    pieces = split_highlights("abcdef", [(1, 2), (4, 6)])
    assert pieces == [("a", False), ("b", True), ("cd", False), ("ef", True)]
    assert "".join(p for p, _ in pieces) == "abcdef"


def test_only_http_links_are_kept() -> None:
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url(" http://example.org ") == "http://example.org"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//example.org", "example.org", "http://"):
        assert safe_url(bad) == "", bad


class DemoCasualtyRule(Rule):
    """Casualty figure sourced only to one party of the conflict.

    A figure stated in the article's own voice whose every source belongs to one side.

    Attribute the figure in the text or add an independent source.
    """

    code = "CC201"
    name = "single-party-casualty-figure"
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        yield from ()


def test_rule_documentation_comes_from_the_docstring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("citecheck.rules.RULES", (DemoCasualtyRule,))
    summary, body = rule_doc("CC201")
    assert summary == "Casualty figure sourced only to one party of the conflict."
    assert body.startswith("A figure stated") and body.endswith("independent source.")
    assert rule_doc("CC999") == ("", "")


def test_text_evidence_is_found_as_a_whole_figure() -> None:
    text = "In 1992, 92 people and 1,166 soldiers died; 11.5 tonnes; 5"
    statement = Statement(text=text, span=Span(0, len(text)))

    def marked(evidence: dict[str, object]) -> list[tuple[int, int]]:
        f = Finding("X", "x", Severity.INFO, "m", statement.span, statement=statement, evidence=evidence)
        return highlights(statement, [f])

    assert marked({"figure": "92"}) == [(9, 11)], "the figure, not the end of 1992"
    assert [text[s:e] for s, e in marked({"figures": ["1,166", "5"]})] == ["1,166", "5"]
    assert marked({"figure": "166"}) == [], "not inside 1,166"
    assert marked({"value": "11"}) == [], "not the integer part of 11.5"
    assert [text[s:e] for s, e in marked({"phrase": "people and"})] == ["people and"]

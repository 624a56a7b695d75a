"""The HTML claims report: one self-contained page, escaped article text, filter hooks in place."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from test_report_common import HOSTILE_TITLE, DemoCasualtyRule, sample_result

from citecheck.report import render


def page() -> str:
    out = io.StringIO()
    render("html", [sample_result()], out)
    return out.getvalue()


class Collector(HTMLParser):
    """Collects tags, attributes and scripts, to check what a browser would load and run."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parsed() -> Collector:
    collector = Collector()
    collector.feed(page())
    return collector


def test_article_text_is_escaped() -> None:
    html = page()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "sourced only to Armenia &lt;b&gt;" in html
    collector = parsed()
    assert len([t for t, _ in collector.tags if t == "script"]) == 1, "only the report's own script"
    hrefs = [a.get("href") or "" for t, a in collector.tags if t == "a"]
    assert hrefs and all(re.match(r"https?://|#(f0-|n\d+$|rule-CC\d{3}$)", h) for h in hrefs), hrefs
    assert HOSTILE_TITLE not in html


def test_self_contained_no_external_resources() -> None:
    collector = parsed()
    for tag, attrs in collector.tags:
        assert "src" not in attrs, tag
        if tag == "link":
            pytest.fail("no <link> elements: styles are inline")
    csp = next(a["content"] for t, a in collector.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp
    assert not re.search(r"url\(", page()), "no CSS url(): nothing to fetch"


def test_findings_carry_filter_attributes_and_highlights() -> None:
    collector = parsed()
    findings = [a for t, a in collector.tags if t == "li" and a.get("class") == "finding"]
    assert sorted((a["data-code"], a["data-severity"]) for a in findings) == [
        ("CC102", "warning"), ("CC201", "error"), ("CC303", "info"), ("CC501", "error"), ("CC901", "warning")]
    options = [a["value"] for t, a in collector.tags if t == "option"]
    assert options == ["", "CC102", "CC201", "CC303", "CC501", "CC901"]
    boxes = [a["data-severity"] for t, a in collector.tags if t == "input" and "data-severity" in a]
    assert boxes == ["error", "warning", "info"]
    html = page()
    assert "The ministry said <mark>1,166</mark> servicemen were killed." in html
    assert '<span class="party">party: Armenia / Artsakh</span>' in html


def test_each_rule_is_explained_once_and_every_finding_links_there(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("citecheck.rules.RULES", (DemoCasualtyRule,))
    html = page()
    assert html.count("Casualty figure sourced only to one party of the conflict.") == 1
    assert html.count("<p>Attribute the figure in the text or add an independent source.</p>") == 1
    collector = parsed()
    ids = {a["id"] for _, a in collector.tags if a.get("id")}
    findings = [a for t, a in collector.tags if t == "li" and a.get("class") == "finding"]
    whys = [a["href"] for t, a in collector.tags if t == "a" and a.get("class") == "why"]
    assert whys == [f"#rule-{a['data-code']}" for a in findings]
    assert {w[1:] for w in whys} <= ids


def test_summary_rows_link_to_the_first_finding_they_count() -> None:
    collector = parsed()
    by_id = {a["id"]: a for t, a in collector.tags if t == "li" and a.get("id")}
    rows = [a for t, a in collector.tags if t == "a" and a.get("data-rule")]
    assert len(rows) == 2 * 5  # the code and the count of each row
    for row in rows:
        assert by_id[row["href"][1:]]["data-code"] == row["data-rule"]


def test_a_long_report_starts_folded_by_section_and_prints_in_colour() -> None:
    from citecheck.report.html import FOLD_ABOVE

    result = sample_result()
    result.findings = result.findings * (FOLD_ABOVE // len(result.findings) + 1)
    out = io.StringIO()
    render("html", [result], out)
    long_page = out.getvalue()
    assert '<details class="group" id="f0-s0"><summary>' in long_page
    assert '<details class="group" id="f0-s0" open><summary>' in page()
    assert "print-color-adjust: exact" in long_page


def test_input_notes_are_listed_escaped() -> None:
    from citecheck.model import Diagnostic

    result = sample_result()
    result.document.diagnostics.append(Diagnostic("truncated-references", "list ends at <b>[63]</b>"))
    out = io.StringIO()
    render("html", [result], out)
    assert '<ul class="notes meta"><li>list ends at &lt;b&gt;[63]&lt;/b&gt;</li></ul>' in out.getvalue()


def test_contents_link_to_every_group() -> None:
    collector = parsed()
    ids = {a["id"] for _, a in collector.tags if a.get("id")}
    targets = [a["href"][1:] for t, a in collector.tags if t == "a" and (a.get("href") or "").startswith("#f0-")]
    assert targets == ["f0-s0", "f0-s1", "f0-refs", "f0-other"]
    assert set(targets) <= ids
    assert "Casualties › Civilians</a> <span class=\"muted\">(1)</span>" in page()

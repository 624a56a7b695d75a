"""The same article as wikitext and as rendered HTML yields the same citation map.

fixtures/articles/sample-valley-conflict.wiki is a small article written for this test, and
sample-valley-conflict.html is its rendering written by hand in the shape MediaWiki's desktop
output has (infobox with a nested label table, [n] markers, a thumb caption, a list, a
wikitable, a references list with backlinks, page chrome around it). Rules see only the
Document, so if these agree the rules agree across formats.
"""

from __future__ import annotations

import re

import pytest

from citecheck.api import lint_path
from citecheck.model import Document
from citecheck.parsers import parse

from conftest import ARTICLES

WIKI = ARTICLES / "sample-valley-conflict.wiki"
HTML = ARTICLES / "sample-valley-conflict.html"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def pair() -> tuple[Document, Document]:
    wikitext = parse(WIKI.read_text(encoding="utf-8"), "wikitext", path=str(WIKI))
    html = parse(HTML.read_text(encoding="utf-8"), "html", path=str(HTML))
    return wikitext, html


def test_reference_counts_agree_within_two_percent(pair: tuple[Document, Document]) -> None:
    wikitext, html = pair
    wt_refs = len([r for r in wikitext.references if not r.group])
    html_refs = len([r for r in html.references if not r.group])
    assert wt_refs > 0
    assert abs(wt_refs - html_refs) <= 0.02 * max(wt_refs, html_refs)
    assert len(wikitext.citations) == len(html.citations)


def test_the_same_statements_carry_citations(pair: tuple[Document, Document]) -> None:
    wikitext, html = pair
    wt_cited = {norm(s.text): s for s in wikitext.statements if s.cited}
    html_cited = {norm(s.text): s for s in html.statements if s.cited}
    assert set(wt_cited) == set(html_cited)
    assert len(wt_cited) == 12
    for text, stmt in wt_cited.items():
        other = html_cited[text]
        assert len(stmt.citations) == len(other.citations), text
        assert stmt.kind == other.kind, text
    # Statements found in both formats agree on being uncited too.
    wt_all = {norm(s.text): s.cited for s in wikitext.statements}
    html_all = {norm(s.text): s.cited for s in html.statements}
    common = set(wt_all) & set(html_all)
    assert len(common) >= 20
    assert all(wt_all[t] == html_all[t] for t in common)


def test_citations_reach_the_same_sources(pair: tuple[Document, Document]) -> None:
    """Each cited statement's sources have the same titles in both formats."""
    wikitext, html = pair

    def sources(doc: Document) -> dict[str, list[str]]:
        return {norm(s.text): sorted(c.reference.get("title") if c.reference else "?" for c in s.citations)
                for s in doc.statements if s.cited}

    assert sources(wikitext) == sources(html)


def test_tags_and_sections_agree(pair: tuple[Document, Document]) -> None:
    wikitext, html = pair

    def tagged(doc: Document) -> set[tuple[str, str]]:
        return {(norm(s.text), t.kind) for s in doc.statements for t in s.tags}

    assert tagged(wikitext) == tagged(html) == {
        ("about 90,000 civilians were displaced during the fighting.", "citation-needed")}
    wt_sections = {norm(s.text): s.section for s in wikitext.statements if s.kind == "prose"}
    html_sections = {norm(s.text): s.section for s in html.statements if s.kind == "prose"}
    assert wt_sections == html_sections


def test_findings_agree_on_prose(pair: tuple[Document, Document]) -> None:
    """The citation rules report the same prose statements whichever format is linted."""
    def flagged(path) -> set[tuple[str, str]]:
        result = lint_path(path, select=["CC1"])
        return {(f.code, norm(f.excerpt)) for f in result.findings
                if f.statement is not None and f.statement.kind == "prose"}

    wikitext_flags = flagged(WIKI)
    assert ("CC103", "about 90,000 civilians were displaced during the fighting.") in wikitext_flags
    assert wikitext_flags == flagged(HTML)

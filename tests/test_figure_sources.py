"""The figure check (CC314): value matching, reading sources, and verdicts on recorded pages.

Every source is a recorded page or PDF (fixtures/http/sources/) replayed through the real
client; nothing here touches the network.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
import responses

from citecheck import lint_path, lint_text
from citecheck.config import Settings
from citecheck.net.cache import LinkCache
from citecheck.net.guard import AddressGuard
from citecheck.net.http import HttpClient
from citecheck.net.linkcheck import LinkChecker
from citecheck.net.sources import Location, SourceReader, extract_text
from citecheck.parsers.figures import find_value, stated_figures
from citecheck.report.json import document

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "fixtures" / "http" / "sources"
FIXTURE = ROOT / "fixtures" / "http" / "sources.json"
SEED = ROOT / "fixtures" / "articles" / "2020-nagorno-karabakh-conflict.txt"

# The plain-text copy of the seed drops the references' URLs; these are the recorded pages
# standing in for the sources its casualty figures cite (written for these tests).
SEED_URLS = {
    "41": "https://www.syriahr.com/en/190142/", "42": "https://www.bbc.com/russian/news-54727777",
    "44": "https://www.bbc.com/news/world-europe-54652704", "45": "https://www.azernews.az/nation/172532.html",
    "46": "https://www.azernews.az/nation/172575.html", "47": "https://www.bbc.com/russian/news-54708710",
    "48": "https://armenpress.am/eng/news/1031824.html",
}


# -- value matching -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Officials said 5,800 homes were flooded.", "Some 5800 homes were flooded.", "5 800 homes were flooded.",
    "5\u202f800 homes were flooded.", "5.8 thousand homes were flooded.", "Between 5,000 and 6,000 homes.",
    "5,000–6,000 homes were flooded.",
])
def test_the_same_value_in_every_form_is_found(text: str) -> None:
    assert find_value(text, 5800) == [text]


@pytest.mark.parametrize(("text", "value"), [
    ("About two hundred people were evacuated.", 200), ("Ninety-one civilians have been killed.", 91),
    ("Turnout was 22.8%.", 22.8), ("Turnout was 22.8 per cent.", 22.8), ("Turnout was 22.8.", 22.8),
    ("погибли 1166 военнослужащих.", 1166), ("Es waren 1.860.000 Menschen.", 1860000),
])
def test_words_percentages_and_other_scripts(text: str, value: float) -> None:
    assert find_value(text, value) == [text]


@pytest.mark.parametrize("text", ["Nearly 6,000 homes were flooded.", "5,801 homes.", "58 homes.", "5.9 thousand homes.",
                                  "Between 6,000 and 7,000 homes."])
def test_a_rounded_or_other_neighbour_is_not_the_value(text: str) -> None:
    assert find_value(text, 5800) == []


def test_the_evidence_is_the_sentence_that_states_it() -> None:
    text = "The dam broke in March. The authority said 14 people were killed. Rebuilding starts in May."
    assert find_value(text, 14) == ["The authority said 14 people were killed."]
    assert [fig.raw for fig in stated_figures(text)] == ["14"]


# -- reading a source -----------------------------------------------------------------------

def test_main_text_of_a_page_and_of_a_pdf() -> None:
    text, why = extract_text((SOURCES / "dam-report.html").read_bytes(), "text/html")
    assert why == "" and "5 800 homes were flooded" in text and "Most read" not in text
    text, why = extract_text((SOURCES / "flood-report.pdf").read_bytes(), "application/pdf")
    assert why == "" and "counted 17 people killed in the flood" in text  # lines rejoined


@pytest.mark.parametrize(("name", "content_type", "reason"), [
    ("paywalled.html", "text/html", "paywall"),
    ("script-shell.html", "text/html", "no-main-text"),
    ("dam-report.html", "application/octet-stream", "not-html-or-pdf"),
])
def test_pages_that_cannot_be_read_say_why(name: str, content_type: str, reason: str) -> None:
    assert extract_text((SOURCES / name).read_bytes(), content_type) == ("", reason)


def test_a_broken_pdf_is_unreadable() -> None:
    assert extract_text(b"%PDF-1.4\n garbage", "application/pdf")[1] in ("pdf-unreadable", "pdf-no-text")


def _reader(cache: LinkCache | None = None, cap: int = 1024 * 1024) -> SourceReader:
    client = HttpClient(AddressGuard(lambda host, port: ["93.184.216.34"]), sleep=lambda s: None)
    return SourceReader(client, cache, cap=cap)


@responses.activate
def test_a_source_over_the_cap_is_not_read_even_when_it_arrives_compressed() -> None:
    page = (SOURCES / "dam-report.html").read_bytes() + b"<!-- " + b"x" * 400_000 + b" -->"
    responses.add(responses.GET, "https://news.example.org/big.html", body=gzip.compress(page),
                  headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    found = _reader(cap=100_000).read(Location("https://news.example.org/big.html", "https://news.example.org/big.html", ""))
    assert not found.read and found.reason == "too-big"


@responses.activate
def test_a_reading_is_cached_by_url_and_archive_timestamp(tmp_path: Path) -> None:
    url = "https://news.example.org/2019/dam-report.html"
    responses.add(responses.GET, url, body=(SOURCES / "dam-report.html").read_bytes(),
                  headers={"Content-Type": "text/html"})
    cache = LinkCache(tmp_path / "links.sqlite")
    first = _reader(cache).read(Location(url, url, ""))
    assert first.read and len(responses.calls) == 1
    again = _reader(cache).read(Location(url, url, ""))  # a new run, the same cache file
    assert again.read and again.text == first.text and len(responses.calls) == 1
    assert cache.source_text(url, "") is not None and cache.source_text(url, "20190502101010") is None


@responses.activate
def test_a_failed_fetch_is_unreadable_with_its_reason() -> None:
    responses.add(responses.GET, "https://news.example.org/gone.html", status=404)
    found = _reader().read(Location("https://news.example.org/gone.html", "https://news.example.org/gone.html", ""))
    assert (found.state, found.reason) == ("unreadable", "HTTP 404")


# -- verdicts on whole articles ---------------------------------------------------------------

def _settings(stream: io.StringIO | None = None) -> Settings:
    settings = Settings(select=["CC314"], online=True)
    settings.link_checker = LinkChecker.from_fixture(str(FIXTURE), stream=stream)
    return settings


def test_seed_casualty_figures_verified_flagged_or_unverifiable() -> None:
    def add_urls(doc):  # type: ignore[no-untyped-def]
        for ref in doc.references:
            if not ref.group and ref.key in SEED_URLS:
                ref.fields["url"] = SEED_URLS[ref.key]

    stream = io.StringIO()
    result = lint_text(SEED.read_text(encoding="utf-8"), "text", path="seed.txt", settings=_settings(stream),
                       before_rules=add_urls)
    flagged = {(f.line, f.evidence["figure"]): f.message for f in result.findings}
    assert set(flagged) == {(45, "217"), (147, "40"), (149, "392")}
    assert "[41] says '215 killed'" in flagged[(45, "217")]
    assert "[48] says 'claimed lives of 31'" in flagged[(147, "40")]
    assert "[45] says '322 injured'" in flagged[(149, "392")]
    checks = result.document.metadata["figure_checks"]
    verified = {(v["line"], v["figure"], v["ref"]) for v in checks["verified"]}
    assert verified == {(51, "1,166", "42"), (55, "5,000", "44"), (149, "91", "45"), (163, "1,166", "42")}
    unverifiable = {(u["line"], u["figure"]): u["reasons"] for u in checks["unverifiable_figures"]}
    assert unverifiable[(56, "92")] == ["no-main-text"]  # [46] is a page only scripts fill in
    assert unverifiable[(56, "40")] == ["HTTP 404"]  # [47] is gone, [48] alone cannot settle it
    assert "figures:" in stream.getvalue() and "4 verified, 3 not found" in stream.getvalue()


def test_own_article_verified_flagged_and_unverifiable_in_the_json_report() -> None:
    result = lint_path(ROOT / "fixtures" / "articles" / "valley-dam-flood.wiki", settings=_settings())
    assert [(f.line, f.evidence["figure"]) for f in result.findings] == [(7, "16")]
    assert "[ref-3] says '17 people killed'" in result.findings[0].message
    report = document([result])
    figures = report["files"][0]["figures"]
    assert {(v["figure"], v["ref"]) for v in figures["verified"]} == {
        ("5,800", "report"), ("200", "ref-2"), ("14", "report"), ("61", "ref-4"), ("22.8%", "report"),
        ("1,350", "report")}
    evacuated = next(v for v in figures["verified"] if v["figure"] == "200")
    assert evacuated["read_url"].startswith("https://web.archive.org/web/20190502101010id_/")
    assert "two hundred people were evacuated" in evacuated["evidence"]
    assert figures["unverifiable_reasons"] == {"not-html-or-pdf": 1, "no-url": 1, "paywall": 1}
    assert report["summary"]["figures"] == {"verified": 6, "not_found": 1, "unverifiable": 3}
    json.dumps(report)  # JSON-ready


def test_offline_runs_have_no_figure_section() -> None:
    result = lint_path(ROOT / "fixtures" / "articles" / "valley-dam-flood.wiki", select=["CC314"])
    assert result.findings == [] and "figures" not in document([result])["files"][0]

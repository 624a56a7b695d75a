"""CC302's reading of archive URLs: what names one page, how a snapshot splits, what a finding carries."""

from __future__ import annotations

import pytest

from citecheck import lint_text
from citecheck.rules.cc302_archive_mismatch import normalize_url, same_page, split_archive_url


@pytest.mark.parametrize(("url", "normalized"), [
    ("https://www.Example.com:443/Path/Page/#top", "example.com/path/page"),
    ("http://www2.example.com:80//a//b/", "example.com/a/b"),
    ("http://example.com./a", "example.com/a"),
    ("http://example.com:8080/a", "example.com:8080/a"),
    ("https://example.com:80/a", "example.com:80/a"),  # 80 is not the default port of https
    ("HTTP://example.com:80/a", "example.com/a"),
    ("http://example.com:99999/a", "example.com/a"),  # no real port: nothing to keep
    ("//example.com/a", "example.com/a"),
    ("example.com/a", "example.com/a"),
    ("http%3A%2F%2Fexample.com%2Fa", "example.com/a"),
    ("HTTPS%3a%2F%2Fexample.com%2Fa", "example.com/a"),
    ("http://example.com/a%20b+c?Q=x+y%21&utm_source=feed&fbclid=1&", "example.com/a b c?q=x y!"),
    ("http://example.com/a?utm_source=feed", "example.com/a"),
    ("http://[zz::1]/A", "[zz::1]/a"),
    ("http://[zz::1]/a?u=http://b", "[zz::1]/a?u=http://b"),
    ("XYZ.com/a", "xyz.com/a"),
    ("http:///a", "/a"),
    ("http://example.com/TAX/", "example.com/tax"),
    ("http://example.com/a?b=1&c=2", "example.com/a?b=1&c=2"),
])
def test_normalize_url_keeps_what_identifies_the_page(url: str, normalized: str) -> None:
    assert normalize_url(url) == normalized


@pytest.mark.parametrize(("url", "other", "same"), [
    ("http://x.com/a?id=1", "https://www.x.com/a/", True),
    ("http://x.com/a", "http://x.com/a?id=1", True),
    ("http://x.com/a?id=1", "http://x.com/a?id=2", False),
    ("http://x.com/a?id=1?b", "http://x.com/a?id=1?c", False),
    ("http://x.com/publication/266753114", "http://x.com/publication/266753114_Felid_form", True),
    ("http://x.com/publication/felid", "http://x.com/publication/felid_form", False),
    ("http://x.com/publication/26675311", "http://x.com/publication/266753114", False),
    ("http://x.com/a/266753114_Felid_form", "http://x.com/a/266753114", True),
    ("http://x.com/a/12345", "http://x.com/a/12345-some-slug", True),
    ("http://x.com/p/5", "http://x.com/p/5-slug", True),
    ("http://a.com/x/abcde-fghij-klm", "http://b.com/y/aaa-abcde-fghij-klm", True),
    ("http://a.com/x/abcde-fghij-klm", "http://b.com/y/abcde-fghij-klm-nop", True),
    ("http://a.com/x/abcde-fghij-kl", "http://b.com/y/abcde-fghij-kl-nop", False),
    ("http://a.com/x/abcdefgh-ijklmnop", "http://b.com/y/abcdefgh-ijklmnop-q", False),
    ("http://a.com/x/abcde-fghij-klm.html", "http://b.com/y/abcde-fghij-klm-nop.php", True),
    ("http://a.com/x/abcde-fghij-klm", "http://b.com/y/other-abcde-fghij-klm-nop", True),
    ("http://a.com/x/abcde-fghij-klm?p=1", "http://b.com/y/abcde-fghij-klmno", True),
    ("http://a.com/news/story-1234567", "http://b.com/archive/item-1234567.html", True),
    ("http://a.com/news/123456", "http://b.com/story/123456", False),
    ("http://a.com/news/1234567", "http://b.com/story/7654321", False),
    ("http://a.com/news/abcdefgh", "http://b.com/story/abcdefgh", False),
    ("http://a.com/news/80c9b1da", "http://b.com/story/80c9b1da_story", True),
    ("http://a.com/1234567/x", "http://b.com/1234567/y", False),
])
def test_same_page(url: str, other: str, same: bool) -> None:
    assert same_page(url, other) is same
    assert same_page(other, url) is same


@pytest.mark.parametrize(("archive_url", "split"), [
    ("https://web.archive.org/web/20100505120000/http://example.com/a", ("20100505120000", "http://example.com/a")),
    ("https://web.archive.org/web/20100505120000id_/http://example.com/a", ("20100505120000", "http://example.com/a")),
    ("https://web.archive.org/web/20100505120000/http:/example.com/a", ("20100505120000", "http://example.com/a")),
    ("https://web.archive.org/web/20100505120000/HTTP:/example.com/a", ("20100505120000", "HTTP://example.com/a")),
    ("https://web.archive.org/web/20100505120000/http%3a%2F%2Fexample.com%2Fa", ("20100505120000", "http://example.com/a")),
    ("https://web.archive.org/web/20100505120000/http://web.archive.org/x", ("20100505120000", "http://web.archive.org/x")),
    ("https://webarchive.loc.gov/all/20100505120000/http://example.com/a", ("20100505120000", "http://example.com/a")),
    ("https://archive.today/20100505120000/http://example.com/a", None),
    ("https://web.archive.org/", None),
])
def test_split_archive_url(archive_url: str, split: tuple[str, str] | None) -> None:
    assert split_archive_url(archive_url) == split


@pytest.mark.parametrize(("archive_url", "evidence"), [
    ("https://web.archive.org/save/http://example.com/a", {"problem": "save"}),
    ("https://web.archive.org/web/http://example.com/a", {"problem": "timestamp"}),
    ("https://web.archive.org/web/example.com/a", {"problem": "timestamp"}),
    ("https://web.archive.org/web/*/http://example.com/a", {"problem": "calendar"}),
    ("https://web.archive.org/web/2010/http://example.com/a", {"problem": "timestamp", "timestamp": "2010"}),
    ("https://web.archive.org/web/20101305120000/http://example.com/a",
     {"problem": "timestamp", "timestamp": "20101305120000"}),
    ("https://web.archive.org/web/20100505120000/http://example.com/b",
     {"problem": "url", "archived": "http://example.com/b", "url": "http://example.com/a"}),
])
def test_a_finding_names_its_problem(archive_url: str, evidence: dict[str, str]) -> None:
    text = f"Output rose.<ref name=\"a\">{{{{cite web |url=http://example.com/a |title=A |archive-url={archive_url}}}}}</ref>\n"
    [finding] = lint_text(text, "wikitext", select=["CC302"]).findings
    assert finding.evidence == {"archive_url": archive_url, **evidence}
    assert finding.refs == ["a"]
    assert finding.reference is not None and finding.reference.key == "a"


def test_an_archive_url_copied_into_several_references_is_one_finding_naming_them_all() -> None:
    archive_url = "https://web.archive.org/web/20110812175554/http://example.gov/overview"
    text = "".join(f"Fact {name}.<ref name=\"{name}\">{{{{cite web |url=http://example.gov/{name} |title={name} "
                   f"|archive-url={archive_url} |archive-date=12 August 2011}}}}</ref> " for name in ("oil", "gas"))
    [finding] = lint_text(text, "wikitext", select=["CC302"]).findings
    assert finding.refs == ["oil", "gas"]
    assert finding.reference is not None and finding.reference.key == "oil"
    assert finding.evidence == {"archive_url": archive_url, "problem": "url", "archived": "http://example.gov/overview",
                                "url": "http://example.gov/oil"}


def test_a_misdated_archive_names_both_dates() -> None:
    text = ("Output rose.<ref name=\"a\">{{cite web |url=http://example.com/a |title=A |archive-date=25 August 2008 "
            "|archive-url=https://web.archive.org/web/20070311000000/http://example.com/a}}</ref>\n")
    [finding] = lint_text(text, "wikitext", select=["CC302"]).findings
    assert finding.evidence == {"archive_url": "https://web.archive.org/web/20070311000000/http://example.com/a",
                                "problem": "date", "timestamp": "20070311000000", "archive_date": "25 August 2008"}

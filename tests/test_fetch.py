"""Fetching wiki revisions through the MediaWiki Action API, from recorded answers only.

The answers in fixtures/http/mediawiki-*.json are written by hand in the shape of the real
API (action=query, prop=revisions, formatversion=2). The address guard's resolver is replaced,
so no test resolves a name or opens a connection.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import responses
from click.testing import CliRunner
from responses import matchers

from citecheck import fetch
from citecheck.cli import main
from citecheck.config import Settings
from citecheck.model import Document
from citecheck.fetch import FetchError, WikiClient, page_url, parse_page_url, revision_pair
from citecheck.net.guard import AddressGuard, NameNotFound

HTTP = Path(__file__).resolve().parents[1] / "fixtures" / "http"
API = "https://en.wikipedia.org/w/api.php"
PUBLIC = "198.35.26.96"  # a public address standing in for the wiki's


def answer(name: str) -> Any:
    return json.loads((HTTP / f"mediawiki-{name}.json").read_text(encoding="utf-8"))


def guard(address: str = PUBLIC) -> AddressGuard:
    return AddressGuard(resolver=lambda host, port: [address])


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(fetch, "default_guard", guard)
    with responses.RequestsMock() as mock:
        yield mock


def client(**kwargs: Any) -> tuple[WikiClient, list[float]]:
    slept: list[float] = []
    return WikiClient(guard=guard(), sleep=slept.append, **kwargs), slept


@pytest.mark.parametrize(("url", "expected"), [
    ("https://en.wikipedia.org/wiki/2020_Nagorno-Karabakh_conflict",
     ("en.wikipedia.org", "2020 Nagorno-Karabakh conflict", None)),
    ("https://en.m.wikipedia.org/wiki/Caf%C3%A9_society#History", ("en.wikipedia.org", "Café society", None)),
    ("https://en.wikipedia.org/w/index.php?title=Bodmin&oldid=797980000", ("en.wikipedia.org", "Bodmin", 797980000)),
    ("https://de.wikipedia.org/w/index.php?oldid=215513012", ("de.wikipedia.org", None, 215513012)),
    ("https://EN.Wikipedia.org/wiki/AC/DC", ("en.wikipedia.org", "AC/DC", None)),
])
def test_page_urls(url: str, expected: tuple[str, str | None, int | None]) -> None:
    assert parse_page_url(url) == expected


@pytest.mark.parametrize(("url", "reason"), [
    ("http://en.wikipedia.org/wiki/X", "only https"),
    ("https://en.wikipedia.org/", "no page title"),
    ("https://en.wikipedia.org/w/index.php?oldid=12abc", "not a revision id"),
    ("https://user:pw@en.wikipedia.org/wiki/X", "credentials"),
    ("https://localhost/wiki/X", "not a wiki host"),
    ("https://en.wikipedia.org:8443/wiki/X", "port"),
])
def test_bad_page_urls(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        parse_page_url(url)


def test_page_url_from_wiki_and_title() -> None:
    assert page_url(wiki="en.wikipedia.org", title="Example clashes") == (
        "https://en.wikipedia.org/w/index.php?title=Example_clashes")
    assert page_url("https://en.wikipedia.org/wiki/X", revision=5) == (
        "https://en.wikipedia.org/w/index.php?title=X&oldid=5")
    assert page_url(wiki="https://en.m.wikipedia.org", revision=7) == "https://en.wikipedia.org/w/index.php?oldid=7"
    for kwargs in ({}, {"wiki": "en.wikipedia.org"}, {"url": "https://en.wikipedia.org/wiki/X", "title": "Y"},
                   {"wiki": "en.wikipedia.org", "revision": 0}):
        with pytest.raises(FetchError):
            page_url(**kwargs)


def test_fetch_sends_the_documented_query(api: Any) -> None:
    api.get(API, json=answer("revision"), match=[matchers.query_param_matcher({
        "action": "query", "prop": "revisions", "rvprop": "content|timestamp|ids", "rvslots": "main",
        "formatversion": "2", "format": "json", "maxlag": "5", "redirects": "1", "titles": "Example clashes"})])
    wiki, _ = client()
    page = wiki.fetch("en.wikipedia.org", "Example clashes")
    assert (page.title, page.revid) == ("Example clashes", 986233144)
    assert page.timestamp == datetime(2020, 10, 30, 12, 4, 41, tzinfo=timezone.utc)
    assert page.content.startswith("'''Example clashes'''")
    assert page.url == "https://en.wikipedia.org/w/index.php?title=Example_clashes&oldid=986233144"
    request = api.calls[0].request
    assert request.citecheck_address == PUBLIC, "the connection is pinned to the vetted address"
    assert request.headers["User-Agent"].startswith("citecheck/")
    assert "pypi.org/project/citecheck" in request.headers["User-Agent"]


def test_fetch_by_revision_id(api: Any) -> None:
    api.get(API, json=answer("revision-old"), match=[matchers.query_param_matcher(
        {"revids": "986230001"}, strict_match=False)])
    wiki, _ = client()
    assert wiki.fetch("en.wikipedia.org", revision=986230001).revid == 986230001


def test_maxlag_waits_as_told_then_retries(api: Any) -> None:
    api.get(API, json=answer("maxlag"), headers={"Retry-After": "5", "MediaWiki-API-Error": "maxlag"})
    api.get(API, json=answer("revision"))
    wiki, slept = client()
    assert wiki.fetch("en.wikipedia.org", "Example clashes").revid == 986233144
    assert slept == [5.0]


def test_overload_retries_are_bounded(api: Any) -> None:
    for _ in range(3):
        api.get(API, status=503, headers={"Retry-After": "120"})
    wiki, slept = client(max_attempts=3)
    with pytest.raises(FetchError, match="did not answer after 3 attempts"):
        wiki.fetch("en.wikipedia.org", "Example clashes")
    assert slept == [fetch.MAX_WAIT, fetch.MAX_WAIT], "Retry-After honoured, capped, no sleep after the last"
    assert len(api.calls) == 3


@pytest.mark.parametrize(("name", "kwargs", "message"), [
    ("missing", {"title": "No such page"}, "no page 'No such page'"),
    ("badrevids", {"revision": 999999999999}, "no revision 999999999999"),
    ("invalid", {"title": "A<b>"}, "invalid title"),
])
def test_api_answers_that_are_errors(api: Any, name: str, kwargs: dict[str, Any], message: str) -> None:
    api.get(API, json=answer(name))
    wiki, _ = client()
    with pytest.raises(FetchError, match=message):
        wiki.fetch("en.wikipedia.org", **kwargs)


def test_other_api_errors_and_non_json(api: Any) -> None:
    api.get(API, json={"error": {"code": "readapidenied", "info": "You need read permission."}})
    api.get(API, body="<html>not an API</html>", content_type="text/html")
    api.get(API, status=404)
    wiki, _ = client()
    with pytest.raises(FetchError, match="readapidenied"):
        wiki.fetch("en.wikipedia.org", "X")
    with pytest.raises(FetchError, match="did not answer with JSON"):
        wiki.fetch("en.wikipedia.org", "X")
    with pytest.raises(FetchError, match="HTTP 404"):
        wiki.fetch("en.wikipedia.org", "X")


def test_private_addresses_are_refused_before_any_request(api: Any) -> None:
    for address in ("10.0.0.5", "127.0.0.1", "169.254.169.254", "::1"):
        wiki = WikiClient(guard=guard(address), sleep=lambda s: None)
        with pytest.raises(FetchError, match="refusing"):
            wiki.fetch("wiki.internal.example", "X")
    assert len(api.calls) == 0


def test_unknown_host(api: Any) -> None:
    def nxdomain(host: str, port: int) -> list[str]:
        raise NameNotFound(f"{host}: Name or service not known")

    with pytest.raises(FetchError, match="cannot reach no-such-wiki.example"):
        WikiClient(guard=AddressGuard(resolver=nxdomain)).fetch("no-such-wiki.example", "X")
    assert len(api.calls) == 0


def test_oversized_revision_is_refused(api: Any) -> None:
    api.get(API, json=answer("revision"))
    wiki, _ = client(max_bytes=100)
    with pytest.raises(FetchError, match="larger than"):
        wiki.fetch("en.wikipedia.org", "Example clashes")


def test_revision_pair() -> None:
    old = "https://en.wikipedia.org/w/index.php?oldid=986230001"
    assert revision_pair(old, "986233144") == (old, "https://en.wikipedia.org/w/index.php?oldid=986233144")
    assert revision_pair("5", "https://de.wikipedia.org/wiki/X") == (
        "https://de.wikipedia.org/w/index.php?oldid=5", "https://de.wikipedia.org/wiki/X")
    assert revision_pair("a.wiki", "b.wiki") == ("a.wiki", "b.wiki")
    assert revision_pair("1", "2", "de.wikipedia.org") == (
        "https://de.wikipedia.org/w/index.php?oldid=1", "https://de.wikipedia.org/w/index.php?oldid=2")
    with pytest.raises(FetchError, match="needs its wiki"):
        revision_pair("1", "2")
    with pytest.raises(FetchError, match="needs its wiki"):
        revision_pair("1", "b.wiki")


@pytest.fixture
def plain_parse(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Replaces the parser dispatch by a bare Document: these tests are about fetching, not parsing."""
    seen: list[tuple[str, str]] = []

    def parse(text: str, fmt: str, path: str = "<string>") -> Document:
        seen.append((fmt, path))
        return Document(source=text, format=fmt, path=path)

    monkeypatch.setattr("citecheck.parsers.parse", parse)
    return seen


def test_lint_page_parses_wikitext_with_the_api_timestamp(api: Any, plain_parse: list[Any]) -> None:
    api.get(API, json=answer("revision"))
    result = fetch.lint_url("https://en.wikipedia.org/wiki/Example_clashes", Settings(), client()[0])
    doc = result.document
    assert plain_parse == [("wikitext", result.path)]
    assert (doc.revision_date, doc.revision_date_source) == (date(2020, 10, 30), "api")
    assert doc.title == "Example clashes"
    assert result.path == "https://en.wikipedia.org/w/index.php?title=Example_clashes&oldid=986233144"
    assert doc.metadata["revision_id"] == 986233144


def test_fetched_page_end_to_end(api: Any) -> None:
    pytest.importorskip("citecheck.parsers.wikitext", reason="the wikitext parser is not installed yet")
    api.get(API, json=answer("revision"))
    result = fetch.lint_url("https://en.wikipedia.org/wiki/Example_clashes", Settings(), client()[0])
    doc = result.document
    assert (doc.revision_date, doc.revision_date_source) == (date(2020, 10, 30), "api")
    assert doc.format == "wikitext" and doc.title == "Example clashes"
    assert result.path == "https://en.wikipedia.org/w/index.php?title=Example_clashes&oldid=986233144"
    assert doc.metadata["revision_id"] == 986233144
    assert any("1,166" in s.text for s in doc.statements)
    from citecheck.rules import by_code

    if by_code("CC403") is not None:
        # The access date (3 November 2020) is later than the API's revision timestamp.
        assert [f.code for f in result.findings if "(api)" in f.message] == ["CC403"]


def test_as_of_overrides_the_api_timestamp(api: Any, plain_parse: list[Any]) -> None:
    api.get(API, json=answer("revision"))
    settings = Settings(as_of=date(2021, 1, 1))
    doc = fetch.lint_url("https://en.wikipedia.org/wiki/Example_clashes", settings, client()[0]).document
    assert (doc.revision_date, doc.revision_date_source) == (date(2021, 1, 1), "as-of")


@pytest.mark.parametrize("args", [
    ["fetch", "--wiki", "en.wikipedia.org", "--title", "Example clashes"],
    ["fetch", "https://en.wikipedia.org/wiki/Example_clashes"],
    ["https://en.wikipedia.org/wiki/Example_clashes"],
    ["check", "https://en.wikipedia.org/wiki/Example_clashes"],
])
def test_cli_fetches_and_lints(api: Any, plain_parse: list[Any], args: list[str]) -> None:
    api.get(API, json=answer("revision"))
    run = CliRunner().invoke(main, [*args, "--format", "json", "--fail-on", "never"])
    assert run.exit_code == 0, run.output
    report = json.loads(run.output)
    assert report["files"][0]["revision_date"] == "2020-10-30"
    assert report["files"][0]["revision_date_source"] == "api"
    assert report["files"][0]["format"] == "wikitext"


@pytest.mark.parametrize("args", [
    ["https://en.wikipedia.org/w/index.php?oldid=986230001", "986233144"],
    ["--wiki", "en.wikipedia.org", "986230001", "986233144"],
])
def test_cli_diff_of_two_revision_ids(api: Any, plain_parse: list[Any], args: list[str]) -> None:
    api.get(API, json=answer("revision-old"), match=[matchers.query_param_matcher(
        {"revids": "986230001"}, strict_match=False)])
    api.get(API, json=answer("revision"), match=[matchers.query_param_matcher(
        {"revids": "986233144"}, strict_match=False)])
    run = CliRunner().invoke(main, ["diff", *args, "--format", "json", "--fail-on", "never"])
    assert run.exit_code == 0, run.output
    report = json.loads(run.output)
    assert [f["revision_date"] for f in report["files"]] == ["2020-10-29", "2020-10-30"]


def test_cli_refuses_plain_http_and_bad_arguments() -> None:
    runner = CliRunner()
    run = runner.invoke(main, ["fetch", "http://en.wikipedia.org/wiki/X"])
    assert run.exit_code == 2 and "only https" in run.output
    run = runner.invoke(main, ["fetch", "--title", "X"])
    assert run.exit_code == 2 and "--wiki" in run.output
    run = runner.invoke(main, ["diff", "1", "2"])
    assert run.exit_code == 2 and "needs its wiki" in run.output

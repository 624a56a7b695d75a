"""Client and run plumbing: time budget, Retry-After forms, cache failures, refresh, progress, CLI flags."""

from __future__ import annotations

import email.utils
import io
import sqlite3
import time

import pytest
import requests
import responses

from citecheck.model import Document, Reference, Span
from citecheck.net.cache import LinkCache
from citecheck.net.http import retry_after_seconds
from test_net_linkcheck import PROBE, URL, FakeTime, make_checker


@pytest.fixture
def mock():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


def test_per_url_budget_stops_retries(mock) -> None:
    fake = FakeTime()
    checker = make_checker(fake)

    def slow_timeout(request: requests.PreparedRequest):
        fake.now += 16.0  # each attempt burns 16 s of the 30 s budget
        raise requests.exceptions.ReadTimeout("read timed out")

    mock.add_callback(responses.HEAD, URL, callback=slow_timeout)
    result = checker.client.fetch(URL, "HEAD")
    assert result.error == "budget" and result.attempts == 3
    assert len(mock.calls) == 2


def test_retry_after_as_seconds_and_as_http_date() -> None:
    now = time.time()
    assert retry_after_seconds("30", now) == 30.0
    later = email.utils.formatdate(now + 90, usegmt=True)
    assert 88 <= retry_after_seconds(later, now) <= 91
    assert retry_after_seconds("soon", now) is None and retry_after_seconds(None, now) is None


def test_locked_cache_is_reported_and_bypassed(tmp_path) -> None:
    path = tmp_path / "links.sqlite"
    messages: list[str] = []
    cache = LinkCache(path, warn=messages.append)
    blocker = sqlite3.connect(path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        cache._db.execute("PRAGMA busy_timeout = 50")  # keep the test fast
        cache.record("https://a/", "alive", {})
    finally:
        blocker.rollback()
        blocker.close()
    assert not cache.usable and messages and "locked" in messages[0]
    assert cache.fresh("https://a/") is None


def doc(*urls: str) -> Document:
    refs = [Reference(key=str(i), span=Span(0, 1), raw="r", fields={"url": u}) for i, u in enumerate(urls)]
    return Document(source="x", format="wikitext", references=refs)


def test_refresh_checks_again_and_adds_to_the_history(mock, tmp_path) -> None:
    fake = FakeTime()
    mock.head(URL, status=404)
    mock.get(URL, status=404)
    mock.get(PROBE, status=404)
    path = tmp_path / "c.sqlite"
    make_checker(fake, LinkCache(path, clock=lambda: fake.now)).prefetch(doc(URL), ["CC311"])
    fake.now += 3600
    again = make_checker(fake, LinkCache(path, clock=lambda: fake.now))
    again.refresh = True
    stats = again.prefetch(doc(URL), ["CC311"])
    assert stats.requests == 3 and stats.cached == 0  # the host's soft-404 probe, HEAD, GET
    assert len(again.history(URL)) == 2
    assert again.dead_streak(URL)[0] == 1, "two runs an hour apart are one observation of the outage"


def test_summary_line_counts_verdicts_and_unknown_reasons(mock) -> None:
    fake = FakeTime()
    out = io.StringIO()
    checker = make_checker(fake)
    checker.stream = out
    mock.head(URL, status=200)
    mock.get(PROBE, status=404)
    mock.head("https://example.org/private", status=403)
    mock.get("https://example.org/private", status=403)
    checker.prefetch(doc(URL, "https://example.org/private", "https://gone.example/x"), ["CC311"])
    line = out.getvalue()
    assert "3 checked: 1 alive, 1 dead, 1 unknown (1 403); 0 from cache" in line


def test_progress_bar_goes_to_the_stream_only_when_asked(mock) -> None:
    fake = FakeTime()
    urls = [f"https://gone.example/{i}" for i in range(3)]
    quiet = make_checker(fake)
    quiet.stream = io.StringIO()
    quiet.prefetch(doc(*urls), ["CC311"])
    assert "checking links" not in quiet.stream.getvalue()
    shown = make_checker(fake)
    shown.stream, shown.progress = io.StringIO(), True
    shown.prefetch(doc(*urls), ["CC311"])
    assert "checking links" in shown.stream.getvalue()


def test_cli_flags_reach_the_settings() -> None:
    from citecheck.cli import build_settings

    settings = build_settings({"online": True, "no_cache": True, "refresh": True, "cache": "x.sqlite"})
    assert (settings.online, settings.no_cache, settings.refresh, settings.cache) == (True, True, True, "x.sqlite")


def test_cli_help_lists_the_cache_flags() -> None:
    from click.testing import CliRunner

    from citecheck.cli import main

    output = CliRunner().invoke(main, ["check", "--help"]).output
    assert "--no-cache" in output and "--refresh" in output and "--online" in output


def test_offline_run_builds_no_checker() -> None:
    from citecheck import lint_text
    from citecheck.config import Settings

    settings = Settings(select=["CC311"])
    lint_text("Text.<ref>{{cite web |url=https://example.org/a |title=A}}</ref>\n", "wikitext", settings=settings)
    assert settings.link_checker is None


def test_json_report_carries_the_suggested_snapshot() -> None:
    import json
    from pathlib import Path

    from citecheck import lint_text
    from citecheck.config import Settings
    from citecheck.net.linkcheck import LinkChecker
    from citecheck.report import render

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "http" / "links.json"
    settings = Settings(select=["CC311", "CC313"], online=True, link_checker=LinkChecker.from_fixture(str(fixture)))
    text = ("The dam opened in 2019.<ref>{{cite web |url=https://news.example.org/2019/dam-closes.html "
            "|title=Dam |access-date=1 June 2019}}</ref>\n\n==References==\n{{reflist}}\n")
    result = lint_text(text, "wikitext", settings=settings)
    out = io.StringIO()
    render("json", [result], out, color=False)
    findings = {f["code"]: f for f in json.loads(out.getvalue())["findings"]}
    assert findings["CC311"]["severity"] == "info", "one check is not confirmation"
    assert findings["CC311"]["evidence"]["reason"] == "404"
    snapshot = findings["CC313"]["evidence"]
    assert snapshot["archive_url"] == ("https://web.archive.org/web/20190505121314/"
                                       "https://news.example.org/2019/dam-closes.html")
    assert snapshot["archive_timestamp"] == "20190505121314" and snapshot["source"] == "cdx"


def test_malformed_cache_rows_are_absent_and_reported_once(tmp_path) -> None:
    from citecheck.net.linkcheck import LinkChecker, normalize_url
    from citecheck.net.wayback import WaybackClient

    path = tmp_path / "links.sqlite"
    db = sqlite3.connect(path)  # the cache's tables, without their NOT NULL constraints
    db.executescript("CREATE TABLE observations (url, checked_at, verdict, data);"
                     "CREATE TABLE snapshots (url, wanted, checked_at, data, PRIMARY KEY (url, wanted));")
    key = normalize_url(URL)
    now = time.time()
    db.executemany("INSERT INTO observations VALUES (?, ?, ?, ?)", [
        (key, now - 86400 * 3, "dead", '{"reason": "404"}'),  # a good row among the bad
        (key, None, "dead", "{}"),
        (key, "yesterday", "dead", "{}"),
        (key, now, 7, "{}"),
        (key, now, "dead", "[1, 2]"),
        (key, now, "dead", "not json"),
        (key, now, "dead", b"\x00\x01"),
        (key, now, "dead", "[" * 100_000),
        (key, float("nan"), "alive", "{}"),
        (key, now - 10, "dead", '{"reason": 5, "evidence": [1, 2]}'),
    ])
    db.executemany("INSERT INTO snapshots VALUES (?, ?, ?, ?)", [
        ("https://a.example/", "20200101", None, "{}"),
        ("https://b.example/", "20200101", now, '{"url": 5, "timestamp": []}'),
        ("https://c.example/", "20200101", now, "garbage"),
    ])
    db.commit()
    db.close()
    messages: list[str] = []
    cache = LinkCache(path, warn=messages.append)
    history = cache.history(key)
    assert [obs.verdict for obs in history] == ["dead", "dead"]
    fresh = cache.fresh(key)
    assert fresh is not None and fresh.data["evidence"] == [1, 2]
    for url in ("https://a.example/", "https://c.example/"):
        assert cache.snapshot(url, "20200101") is None
    assert cache.usable and len(messages) == 1 and "malformed rows" in messages[0]
    # What reads the cache copes with odd values inside a well-formed row.
    checker = LinkChecker(cache=cache)
    checker.prefetch(doc(URL), ["CC311"])
    verdict = checker.verdict(URL)
    assert verdict.cached and verdict.reason == "5" and verdict.evidence == {}
    assert checker.dead_streak(URL)[0] >= 1
    wayback = WaybackClient(checker.client, cache)
    wayback.blocked = "no network in tests"
    assert wayback.lookup_many([("https://b.example/", "20200101")]) == {("https://b.example/", "20200101"): None}

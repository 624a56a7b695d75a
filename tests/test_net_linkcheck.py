"""Link verdicts over recorded HTTP answers (``responses``): every path to alive, dead and unknown."""

from __future__ import annotations

import gzip
import json

import pytest
import requests
import responses

from citecheck.model import Document, Reference, Span
from citecheck.net.cache import LinkCache
from citecheck.net.guard import AddressGuard, NameNotFound, ResolutionFailed
from citecheck.net.http import BODY_CAP, HostLimiter, HttpClient
from citecheck.net.linkcheck import LinkChecker, cited_titles, normalize_url, probe_url, shows_cited_title
from citecheck.net.wayback import AVAILABILITY_URL, CDX_URL, WaybackClient

PUBLIC = "93.184.216.34"
DNS = {"example.org": PUBLIC, "news.example.com": "93.184.216.40", "archive.org": "207.241.224.2",
       "web.archive.org": "207.241.237.3", "evil.example": "10.1.2.3", "meta.example": "169.254.169.254"}


class FakeTime:
    """A clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def resolver(host: str, port: int) -> list[str]:
    if host == "gone.example":
        raise NameNotFound("gone.example: Name or service not known")
    if host == "flaky.example":
        raise ResolutionFailed("flaky.example: Temporary failure in name resolution")
    return [DNS.get(host, PUBLIC)]


def make_checker(fake: FakeTime, cache: LinkCache | None = None) -> LinkChecker:
    limiter = HostLimiter(clock=fake.clock, sleep=fake.sleep)
    client = HttpClient(AddressGuard(resolver), limiter=limiter, clock=fake.clock, sleep=fake.sleep,
                        jitter=lambda: 0.0)
    return LinkChecker(client, cache or LinkCache(None, clock=lambda: fake.now), workers=4,
                       token=lambda: "probe", wall_clock=lambda: fake.now)


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


@pytest.fixture
def checker(fake: FakeTime) -> LinkChecker:
    return make_checker(fake)


@pytest.fixture
def mock():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


URL = "https://example.org/news/story.html"
PROBE = "https://example.org/news/citecheck-probe.html"


def honest_probe(mock: responses.RequestsMock) -> None:
    mock.get(PROBE, status=404)


def test_head_200_on_an_honest_host_is_alive(mock, checker) -> None:
    mock.head(URL, status=200)
    honest_probe(mock)
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("alive", "200")
    assert verdict.evidence["probe_status"] == 404


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_dead_after_a_confirming_get(mock, checker, status: int) -> None:
    mock.head(URL, status=status)
    mock.get(URL, status=status)
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("dead", str(status))
    assert [c.request.method for c in mock.calls] == ["HEAD", "GET"]


def test_head_404_but_get_200_is_not_dead(mock, checker) -> None:
    mock.head(URL, status=404)
    mock.get(URL, status=200, body="<title>Story</title>")
    honest_probe(mock)
    assert checker.check_url(URL).verdict == "alive"


def test_head_405_falls_back_to_get(mock, checker) -> None:
    mock.head(URL, status=405)
    mock.get(URL, status=200, body="<title>Story</title><p>text</p>")
    honest_probe(mock)
    verdict = checker.check_url(URL)
    assert verdict.verdict == "alive"
    assert verdict.evidence["head"]["status"] == 405


NOT_FOUND_PAGE = ("<html><title>Example News</title><body><nav>Home World Politics Business Science Sport Culture"
                  " Opinion Weather</nav><p>Sorry, we could not find {path}. Try the search.</p>"
                  "<footer>About us Contact Careers Privacy Terms Advertise</footer></body></html>")


def test_soft_404_is_dead(mock, checker) -> None:
    mock.head(URL, status=200)
    mock.get(URL, status=200, body=NOT_FOUND_PAGE.format(path="/news/story.html"))
    mock.get(PROBE, status=200, body=NOT_FOUND_PAGE.format(path="/news/citecheck-probe.html"))
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("dead", "soft-404")
    assert verdict.evidence["similarity"] >= 0.9


def test_real_page_on_a_soft_404_host_is_alive(mock, checker) -> None:
    mock.head(URL, status=200)
    mock.get(URL, status=200, body="<title>Floods in the valley</title><p>" + "rain river " * 200 + "</p>")
    mock.get(PROBE, status=200, body=NOT_FOUND_PAGE.format(path="x"))
    verdict = checker.check_url(URL)
    assert verdict.verdict == "alive"
    assert verdict.evidence["similarity"] < 0.9


def test_probe_is_asked_once_per_host(mock, checker) -> None:
    other = "https://example.org/news/other.html"
    mock.head(URL, status=200)
    mock.head(other, status=200)
    honest_probe(mock)
    checker.check_url(URL)
    checker.check_url(other)
    assert sum(1 for c in mock.calls if "citecheck-probe" in c.request.url) == 1


STORY_PAGE = "<html><title>Floods close the valley road | Example News</title><p>The road was shut.</p></html>"


def test_a_page_that_shows_its_cited_title_is_alive_without_a_probe(mock, checker) -> None:
    mock.get(URL, status=200, body=STORY_PAGE)
    verdict = checker.check_url(URL, ["Floods close the valley road"])
    assert (verdict.url, verdict.verdict, verdict.reason) == (URL, "alive", "200")
    assert verdict.evidence["title"] == "Floods close the valley road | Example News"
    assert (verdict.evidence["method"], verdict.evidence["soft404"]) == ("GET", "the page shows the cited title")
    assert [(c.request.method, c.request.url) for c in mock.calls] == [("GET", URL)]  # no HEAD, no probe


def test_a_refused_get_for_a_url_with_a_cited_title_is_unknown(mock, checker) -> None:
    mock.get(URL, status=403)
    verdict = checker.check_url(URL, ["Census 2011"])  # two words: enough to ask for the page at once
    assert (verdict.url, verdict.verdict, verdict.reason, verdict.evidence["status"]) == (URL, "unknown", "403", 403)
    assert [c.request.method for c in mock.calls] == ["GET"]


def test_a_page_that_does_not_show_its_cited_title_is_compared_with_the_probe(mock, checker) -> None:
    mock.get(URL, status=200, body=NOT_FOUND_PAGE.format(path="/news/story.html"))
    mock.get(PROBE, status=200, body=NOT_FOUND_PAGE.format(path="/news/citecheck-probe.html"))
    verdict = checker.check_url(URL, ["Floods close the valley road"])
    assert (verdict.verdict, verdict.reason) == ("dead", "soft-404")


@pytest.mark.parametrize("title", ["Search results for floods close the valley road",
                                   "Floods close the valley road - page not found"])
def test_a_search_or_not_found_title_proves_nothing(mock, checker, title: str) -> None:
    mock.get(URL, status=200, body=f"<title>{title}</title>")
    honest_probe(mock)
    assert checker.check_url(URL, ["Floods close the valley road"]).verdict == "alive"
    assert any("citecheck-probe" in c.request.url for c in mock.calls)


def test_a_cited_title_of_one_word_cannot_prove_a_page(mock, checker) -> None:
    mock.head(URL, status=200)
    honest_probe(mock)
    assert checker.check_url(URL, ["Floods"]).verdict == "alive"
    assert [c.request.method for c in mock.calls] == ["HEAD", "GET"]  # the usual HEAD, then the probe


def test_a_dead_page_with_a_cited_title_is_dead_on_its_get(mock, checker) -> None:
    mock.get(URL, status=404)
    verdict = checker.check_url(URL, ["Floods close the valley road"])
    assert (verdict.url, verdict.verdict, verdict.reason) == (URL, "dead", "404")


@pytest.mark.parametrize(("shown", "cited", "proves"), [
    ("Floods close the valley road | Example News", "Floods close the valley road", True),
    ("Floods close valley | Example News", "Floods close the valley road", True),  # 3 of 4 words
    ("Floods | Example News", "Floods close the valley road", False),  # 1 of 4
    ("The Example News", "The Example of the News of the Day", False),  # stop words are not evidence
    ("Census 2011 results", "Census 2011", False),  # "results": a search page may echo the words
    ("Census 2011 - Office for National Statistics", "Census 2011", True),  # two words are enough
])
def test_shows_cited_title(shown: str, cited: str, proves: bool) -> None:
    assert bool(shows_cited_title(f"<title>{shown}</title>".encode(), [cited])) is proves


def test_cited_titles_are_gathered_by_url_for_checkable_urls_only() -> None:
    refs = doc_with({"url": URL, "title": "Floods"}, {"url": URL + "#top", "title": "Valley road"},
                    {"url": URL, "title": "Floods"}, {"url": "", "title": "No link"},
                    {"url": "ftp://example.org/x", "title": "Not the web"}, {"url": URL}).references
    assert cited_titles(refs) == {normalize_url(URL): ["Floods", "Valley road"]}


def test_prefetch_asks_no_probe_of_a_host_whose_pages_show_their_cited_titles(mock, fake) -> None:
    other = "https://example.org/news/other.html"
    mock.get(URL, status=200, body=STORY_PAGE)
    mock.get(other, status=200, body="<title>Valley road opens again - Example News</title>")
    honest_probe(mock)
    doc = doc_with({"url": URL, "title": "Floods close the valley road"},
                   {"url": other, "title": "Valley road opens again"})
    stats = make_checker(fake).prefetch(doc, ["CC311"])
    assert stats.alive == 2
    assert sorted(c.request.url for c in mock.calls) == sorted([URL, other])


def test_redirect_to_site_root_is_dead(mock, checker) -> None:
    mock.head(URL, status=301, headers={"Location": "https://example.org/"})
    mock.head("https://example.org/", status=200)
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("dead", "redirect-to-root")
    assert [hop["status"] for hop in verdict.evidence["chain"]] == [301, 200]


def test_redirect_to_404_page_is_dead(mock, checker) -> None:
    mock.head(URL, status=302, headers={"Location": "/errors/404.html"})
    mock.head("https://example.org/errors/404.html", status=200)
    assert checker.check_url(URL).reason == "redirect-to-error-page"


def test_ordinary_redirect_is_followed_and_alive(mock, checker) -> None:
    mock.head("http://example.org/news/story.html", status=301, headers={"Location": URL})
    mock.head(URL, status=200)
    honest_probe(mock)
    verdict = checker.check_url("http://example.org/news/story.html")
    assert verdict.verdict == "alive"
    assert verdict.evidence["final_url"] == URL


def test_too_many_redirects_is_unknown(mock, checker) -> None:
    for i in range(8):
        mock.head(f"https://example.org/r{i}", status=302, headers={"Location": f"/r{i + 1}"})
    verdict = checker.check_url("https://example.org/r0")
    assert (verdict.verdict, verdict.reason) == ("unknown", "redirects")
    assert len(mock.calls) == 6


def test_429_with_short_retry_after_is_honoured(mock, checker, fake) -> None:
    mock.head(URL, status=429, headers={"Retry-After": "7"})
    mock.head(URL, status=200)
    honest_probe(mock)
    start = fake.now
    assert checker.check_url(URL).verdict == "alive"
    assert fake.now - start >= 7


def test_429_with_long_retry_after_is_rate_limited_not_dead(mock, checker, fake) -> None:
    mock.head(URL, status=429, headers={"Retry-After": "3600"})
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("unknown", "rate-limited")
    assert len(mock.calls) == 1
    assert max(fake.sleeps, default=0) < 3600


def test_503_is_retried_with_backoff_then_unknown(mock, checker, fake) -> None:
    mock.head(URL, status=503)
    mock.get(URL, status=503)
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("unknown", "503")
    assert [c.request.method for c in mock.calls] == ["HEAD"] * 3 + ["GET"] * 3
    assert 1.0 in fake.sleeps and 2.0 in fake.sleeps


@pytest.mark.parametrize("status", [401, 403])
def test_forbidden_is_unknown(mock, checker, status: int) -> None:
    mock.head(URL, status=status)
    mock.get(URL, status=status)
    assert checker.check_url(URL).verdict == "unknown"


def test_timeout_is_retried_three_times_then_unknown(mock, checker) -> None:
    mock.head(URL, body=requests.exceptions.ConnectTimeout("timed out"))
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("unknown", "timeout")
    assert len(mock.calls) == 3


def test_tls_error_is_unknown_and_not_retried(mock, checker) -> None:
    mock.head(URL, body=requests.exceptions.SSLError("certificate verify failed"))
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("unknown", "tls")
    assert len(mock.calls) == 1


def test_refused_connection_is_unknown_and_not_retried(mock, checker) -> None:
    mock.head(URL, body=requests.exceptions.ConnectionError(ConnectionRefusedError(111, "Connection refused")))
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("unknown", "refused")
    assert len(mock.calls) == 1


def test_nxdomain_is_dead_without_any_request(mock, checker) -> None:
    verdict = checker.check_url("https://gone.example/page")
    assert (verdict.verdict, verdict.reason) == ("dead", "nxdomain")
    assert len(mock.calls) == 0


def test_temporary_dns_failure_is_unknown(mock, checker) -> None:
    assert checker.check_url("https://flaky.example/page").reason == "resolve"


@pytest.mark.parametrize("target", ["http://127.0.0.1/admin", "http://169.254.169.254/latest/meta-data/",
                                    "https://evil.example/x", "https://meta.example/x", "http://[::1]/",
                                    "file:///etc/passwd", "http://user:pw@example.org/"])
def test_redirect_to_a_forbidden_target_is_refused(mock, checker, target: str) -> None:
    mock.head(URL, status=302, headers={"Location": target})
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("unknown", "blocked")
    assert [c.request.url for c in mock.calls] == [URL]


def test_huge_body_is_capped(mock, checker) -> None:
    mock.head(URL, status=405)
    mock.get(URL, status=200, body=b"<title>big</title>" + b"x" * (20 * 1024 * 1024))
    result = checker.client.fetch(URL, "GET")
    assert len(result.body) == BODY_CAP and result.truncated


def test_gzip_bomb_is_not_inflated_past_the_cap(mock, checker) -> None:
    bomb = gzip.compress(b"\0" * (32 * 1024 * 1024))
    assert len(bomb) < 64 * 1024
    mock.get(URL, status=200, body=bomb, headers={"Content-Encoding": "gzip"})
    result = checker.client.fetch(URL, "GET", body_cap=BODY_CAP)
    assert len(result.body) == BODY_CAP and result.truncated


def test_user_agent_is_honest_and_no_cookies_are_kept(mock, checker) -> None:
    mock.head(URL, status=200, headers={"Set-Cookie": "session=abc"})
    honest_probe(mock)
    checker.check_url(URL)
    agent = mock.calls[0].request.headers["User-Agent"]
    assert agent.startswith("citecheck/") and "+http" in agent
    assert "Cookie" not in mock.calls[1].request.headers
    assert len(checker.client.session.cookies) == 0


def doc_with(*refs: dict[str, str]) -> Document:
    references = [Reference(key=str(i + 1), span=Span(0, 1), raw="ref", fields=dict(fields))
                  for i, fields in enumerate(refs)]
    return Document(source="x" * 10, format="wikitext", references=references)


def test_second_run_makes_no_requests(mock, fake, tmp_path) -> None:
    cache_path = tmp_path / "links.sqlite"
    mock.head(URL, status=200)
    honest_probe(mock)
    mock.head("https://example.org/gone", status=404)
    mock.get("https://example.org/gone", status=404)
    doc = doc_with({"url": URL}, {"url": "https://example.org/gone"})
    first = make_checker(fake, LinkCache(cache_path, clock=lambda: fake.now))
    stats = first.prefetch(doc, ["CC311"])
    assert (stats.alive, stats.dead, stats.requests) == (1, 1, 4)
    calls = len(mock.calls)
    second = make_checker(fake, LinkCache(cache_path, clock=lambda: fake.now))
    stats = second.prefetch(doc, ["CC311"])
    assert (stats.alive, stats.dead, stats.cached, stats.requests) == (1, 1, 2, 0)
    assert len(mock.calls) == calls
    assert second.verdict(URL).cached


def test_failures_expire_after_a_day_and_alive_after_a_week(fake, tmp_path) -> None:
    cache = LinkCache(tmp_path / "c.sqlite", clock=lambda: fake.now)
    cache.record("https://a/", "dead", {}, fake.now)
    cache.record("https://b/", "alive", {}, fake.now)
    fake.now += 2 * 86400
    assert cache.fresh("https://a/") is None and cache.fresh("https://b/") is not None
    fake.now += 6 * 86400
    assert cache.fresh("https://b/") is None
    assert len(cache.history("https://a/")) == 1


def test_corrupt_cache_is_reported_and_bypassed(tmp_path) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    messages: list[str] = []
    cache = LinkCache(path, warn=messages.append)
    assert not cache.usable and len(messages) == 1 and "unusable" in messages[0]
    cache.record("https://a/", "dead", {})
    assert cache.fresh("https://a/") is None and cache.history("https://a/") == []


def test_dead_streak_counts_observations_since_last_alive(fake) -> None:
    checker = make_checker(fake)
    for days, verdict in [(-10, "dead"), (-8, "alive"), (-5, "dead"), (-3, "dead"), (0, "dead")]:
        checker.cache.record(normalize_url(URL), verdict, {}, fake.now + days * 86400)
    count, span = checker.dead_streak(URL)
    assert count == 3 and span == pytest.approx(5.0)


def test_one_run_and_one_short_outage_count_once(fake) -> None:
    checker = make_checker(fake)
    day = 86400
    for at in (-3 * day, -3 * day + 60, -3 * day + 5 * 3600, -1 * day, -1 * day + 1, 0):
        checker.cache.record(normalize_url(URL), "dead", {}, fake.now + at)
    count, span = checker.dead_streak(URL)
    assert count == 3 and span == pytest.approx(3.0)


def test_a_script_rendered_shell_with_a_noscript_footer_is_not_a_soft_404(mock, checker) -> None:
    shell = ('<html><head><title>Example News</title><script src="/app.js"></script></head><body>'
             '<div id="root"></div><noscript>You need to enable JavaScript to run this app. Example News Ltd. '
             'About us, Contact, Privacy policy, Cookie policy, Terms of use, Careers, Advertise.</noscript>'
             '</body></html>')
    mock.head(URL, status=200)
    mock.get(URL, status=200, body=shell)
    mock.get(PROBE, status=200, body=shell)
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("alive", "200")
    assert "inconclusive" in verdict.evidence["soft404"]


def test_normalize_url() -> None:
    assert normalize_url("HTTPS://Example.ORG:443/a?b=1#frag") == "https://example.org/a?b=1"
    assert normalize_url("http://example.org") == "http://example.org/"
    assert normalize_url("http://example.org:8080/x") == "http://example.org:8080/x"


def test_probe_url_is_a_sibling() -> None:
    assert probe_url("https://h/a/b/page.php?id=3", "t") == "https://h/a/b/citecheck-t.php"
    assert probe_url("https://h/", "t") == "https://h/citecheck-t"


# -- archives -------------------------------------------------------------------------------

SNAP = "https://web.archive.org/web/20200101000000/https://example.org/news/story.html"


def test_recorded_archive_that_loads_is_alive(mock, checker) -> None:
    mock.get(SNAP, status=200, body="<title>Story</title>")
    assert checker.check_archive(SNAP).verdict == "alive"


def test_recorded_archive_404_is_dead(mock, checker) -> None:
    mock.get(SNAP, status=404, body="<title>Wayback Machine</title>")
    verdict = checker.check_archive(SNAP)
    assert (verdict.verdict, verdict.reason) == ("dead", "404")
    assert verdict.evidence["archive"] == "wayback"


def test_archive_snapshot_of_an_error_page_is_dead(mock, checker) -> None:
    mock.get(SNAP, status=200, body="<html><title>404 Not Found</title></html>")
    assert checker.check_archive(SNAP).reason == "error-page"


def test_archive_snapshot_of_a_redirect_to_root_is_dead(mock, checker) -> None:
    mock.get(SNAP, status=302, headers={"Location": "https://web.archive.org/web/20200101000001/https://example.org/"})
    mock.get("https://web.archive.org/web/20200101000001/https://example.org/", status=200, body="<title>Home</title>")
    assert checker.check_archive(SNAP).reason == "snapshot-of-redirect-to-root"


def test_archive_that_is_forbidden_is_unknown(mock, checker) -> None:
    mock.get(SNAP, status=403)
    assert checker.check_archive(SNAP).verdict == "unknown"


def test_availability_empty_then_cdx_hit(mock, fake) -> None:
    checker = make_checker(fake)
    wayback = WaybackClient(checker.client, checker.cache)
    mock.get(AVAILABILITY_URL, json={"archived_snapshots": {}})
    mock.get(CDX_URL, json=[["timestamp", "original", "statuscode"],
                            ["20190505101010", "https://example.org/news/story.html", "200"]])
    answers = wayback.lookup_many([(URL, "20200301")], cdx_for=[URL])
    snap = answers[(URL, "20200301")]
    assert snap is not None and snap.source == "cdx" and snap.timestamp == "20190505101010"
    assert snap.url == "https://web.archive.org/web/20190505101010/https://example.org/news/story.html"
    cdx_call = next(c for c in mock.calls if c.request.url.startswith(CDX_URL))
    assert "to=20200301000000" in cdx_call.request.url and "statuscode%3A200" in cdx_call.request.url
    # cached: asking again sends nothing
    calls = len(mock.calls)
    wayback.lookup_many([(URL, "20200301")], cdx_for=[URL])
    assert len(mock.calls) == calls


def test_availability_batch_post(mock, fake) -> None:
    checker = make_checker(fake)
    wayback = WaybackClient(checker.client, checker.cache)
    other = "https://news.example.com/a"
    mock.post(AVAILABILITY_URL, json={"results": [
        {"url": URL, "tag": "0", "archived_snapshots": {"closest": {
            "available": True, "status": "200", "timestamp": "20191212000000",
            "url": "http://web.archive.org/web/20191212000000/https://example.org/news/story.html"}}},
        {"url": other, "tag": "1", "archived_snapshots": {}}]})
    answers = wayback.lookup_many([(URL, "20200101"), (other, "")])
    assert answers[(URL, "20200101")].url.startswith("https://web.archive.org/web/20191212000000/")
    assert answers[(other, "")] is None
    assert len(mock.calls) == 1
    body = mock.calls[0].request.body
    assert "closest=before" in body and "tag=1" in body


def test_archive_org_429_stops_further_lookups(mock, fake) -> None:
    checker = make_checker(fake)
    wayback = WaybackClient(checker.client, checker.cache)
    mock.get(AVAILABILITY_URL, status=429, headers={"Retry-After": "600"})
    wayback.lookup_many([(URL, "")], cdx_for=[URL])
    assert wayback.blocked
    assert len(mock.calls) == 1


def test_prefetch_checks_urls_and_archives_and_suggests(mock, fake) -> None:
    checker = make_checker(fake)
    gone = "https://example.org/gone"
    mock.head(URL, status=200)
    honest_probe(mock)
    mock.head(gone, status=410)
    mock.get(gone, status=410)
    mock.get(SNAP, status=200, body="<title>ok</title>")
    mock.post(AVAILABILITY_URL, json={"results": [{"tag": "0", "archived_snapshots": {}}, {"tag": "1",
              "archived_snapshots": {"closest": {"available": True, "status": "200", "timestamp": "20180101000000",
                                                 "url": "https://web.archive.org/web/20180101000000/" + gone}}}]})
    doc = doc_with({"url": URL}, {"url": gone, "access_date": "5 March 2018"},
                   {"url": "https://example.org/news/kept.html", "archive_url": SNAP})
    stats = checker.prefetch(doc)
    assert (stats.alive, stats.dead) == (2, 1)  # URL, SNAP alive; gone dead; kept.html not checked
    assert checker.snapshot(gone, "20180305").timestamp == "20180101000000"
    assert all("kept.html" not in c.request.url for c in mock.calls)
    assert json.dumps(checker.verdict(gone).as_evidence())


@pytest.mark.parametrize(("url", "kind"), [
    ("https://web.archive.org/web/20151217003632/http://cso.gov.af/en", "wayback"),
    ("http://archive.org/web/20100101000000/http://x.org/", "wayback"),
    ("https://archive.ph/AbCd1", "archive.today"),
    ("http://archive.is/20120101/http://x.org/", "archive.today"),
    ("http://www.webcitation.org/5yQ0bG7Xa", "webcitation"),
    ("https://ghostarchive.org/archive/abc12", "ghostarchive"),
    ("https://www.webarchive.org.uk/wayback/archive/20100602000217/http://www.x.uk/", "ukwa"),
    ("http://webarchive.nationalarchives.gov.uk/20080727101330/http://www.x.gov.uk/", "ukwa"),
    ("https://webarchive.loc.gov/all/20111111000000/http://x.org/", "loc"),
    ("https://wayback.archive-it.org/all/20080816140547/http://portal.unesco.org/x", "archive-it"),
    ("https://www.example.org/archive/2019/story.html", None),
    ("https://archive.org/details/someBook", None),
])
def test_archive_kind(url: str, kind: str | None) -> None:
    from citecheck.net.wayback import archive_kind

    assert archive_kind(url) == kind


def test_wayback_parts() -> None:
    from citecheck.net.wayback import wayback_parts

    assert wayback_parts("https://web.archive.org/web/2015id_/example.com/page") == ("2015", "http://example.com/page")
    assert wayback_parts("https://wayback.archive-it.org/all/20080816140547/http://u.org/x") == (
        "20080816140547", "http://u.org/x")
    assert wayback_parts("https://archive.ph/AbCd1") is None


def test_unrecognised_archive_url_is_not_fetched_as_a_snapshot() -> None:
    from citecheck.net.linkcheck import link_targets

    refs = [Reference(key="1", span=Span(0, 1), raw="r", fields={
        "url": "http://cso.gov.af/en/page", "archive_url": "http://cso.gov.af/en"})]
    assert link_targets(refs) == ([], [])


def test_soft_404_probe_asks_the_host_that_served_the_page(mock, checker) -> None:
    doi = "https://doi.org/10.1000/xyz"
    landing = "https://publisher.example/articles/xyz"
    mock.head(doi, status=302, headers={"Location": landing})
    mock.head(landing, status=200)
    mock.get(landing, status=200, body=NOT_FOUND_PAGE.format(path="/articles/xyz"))
    mock.get("https://publisher.example/articles/citecheck-probe", status=200,
             body=NOT_FOUND_PAGE.format(path="/articles/citecheck-probe"))
    verdict = checker.check_url(doi)
    assert (verdict.verdict, verdict.reason) == ("dead", "soft-404")
    assert verdict.evidence["probe"]["url"] == "https://publisher.example/articles/citecheck-probe"


def test_redirect_to_where_nonexistent_pages_go_is_a_soft_404(mock, checker) -> None:
    landing = "https://example.org/search/"
    mock.head(URL, status=302, headers={"Location": landing})
    mock.head(landing, status=200)
    mock.get(landing, status=200, body="<title>Search</title><form></form>")
    mock.get(PROBE, status=302, headers={"Location": landing})
    verdict = checker.check_url(URL)
    assert (verdict.verdict, verdict.reason) == ("dead", "soft-404")


def test_unreachable_archive_org_stops_lookups_instead_of_asking_per_url(mock, fake) -> None:
    checker = make_checker(fake)
    wayback = WaybackClient(checker.client, checker.cache)
    mock.post(AVAILABILITY_URL, body=requests.exceptions.ConnectTimeout("timed out"))
    answers = wayback.lookup_many([(URL, ""), ("https://example.org/b", "")], cdx_for=[URL])
    assert set(answers.values()) == {None}
    assert "unreachable" in wayback.blocked
    assert len(mock.calls) == 3  # the POST and its two retries, nothing per URL


def test_a_host_that_says_come_back_much_later_is_left_alone_for_the_run(mock, checker, fake) -> None:
    mock.head(URL, status=429, headers={"Retry-After": "3600"})
    start = fake.now
    first = checker.check_url(URL)
    second = checker.check_url("https://example.org/news/other.html")
    assert first.reason == second.reason == "rate-limited"
    assert len(mock.calls) == 1 and fake.now - start < 60


def test_batch_not_understood_falls_back_to_one_lookup_per_url(mock, fake) -> None:
    checker = make_checker(fake)
    wayback = WaybackClient(checker.client, checker.cache, batch_size=2)
    mock.post(AVAILABILITY_URL, json={"archived_snapshots": {}})
    mock.get(AVAILABILITY_URL, json={"archived_snapshots": {"closest": {
        "available": True, "status": "200", "timestamp": "20100101000000",
        "url": "http://web.archive.org/web/20100101000000/https://example.org/x"}}})
    items = [(f"https://example.org/{i}", "") for i in range(4)]
    answers = wayback.lookup_many(items)
    assert all(snap is not None for snap in answers.values())
    assert [c.request.method for c in mock.calls] == ["POST"] + ["GET"] * 4


@pytest.mark.parametrize(("url", "root"), [
    ("https://example.org/", True), ("https://example.org", True), ("https://example.org/index.html", True),
    ("https://example.org/en/", True), ("https://example.org/de-at/home.php", True),
    ("https://example.org/?page=2", False), ("https://example.org/news/", False),
    ("https://example.org/english/", False),
])
def test_is_site_root(url: str, root: bool) -> None:
    from citecheck.net.linkcheck import is_site_root

    assert is_site_root(url) is root


@pytest.mark.parametrize(("url", "error_page"), [
    ("https://example.org/404.html", True), ("https://example.org/errors/404", True),
    ("https://example.org/page-not-found/", True), ("https://example.org/en/error.aspx?aspxerrorpath=/x", True),
    ("https://example.org/search?error=404", True), ("https://example.org/login?code=401", False),
    ("https://example.org/error-correction-codes", False), ("https://example.org/news/404-days", False),
])
def test_looks_not_found(url: str, error_page: bool) -> None:
    from citecheck.net.linkcheck import looks_not_found

    assert looks_not_found(url) is error_page


SHELL = ('<html><head><title>App</title><script src="/main.js"></script></head>'
         '<body><div id="root"></div><noscript>Enable JavaScript.</noscript></body></html>')


def test_script_rendered_shell_is_not_called_a_soft_404(mock, checker) -> None:
    mock.head(URL, status=200)
    mock.get(URL, status=200, body=SHELL)
    mock.get(PROBE, status=200, body=SHELL)
    verdict = checker.check_url(URL)
    assert verdict.verdict == "alive" and "inconclusive" in verdict.evidence["soft404"]


def test_short_page_titled_not_found_like_the_probe_is_a_soft_404(mock, checker) -> None:
    page = "<html><title>Page not found</title><body>Sorry.</body></html>"
    mock.head(URL, status=200)
    mock.get(URL, status=200, body=page)
    mock.get(PROBE, status=200, body=page)
    assert checker.check_url(URL).reason == "soft-404"


def test_a_probe_that_fails_inside_the_checker_makes_its_waiting_checks_unknown(mock, fake, monkeypatch) -> None:
    checker = make_checker(fake)
    mock.head(URL, status=200)
    mock.head("https://example.org/news/other.html", status=200)
    fetch_hops = checker.client.fetch_hops

    def broken_probe(url, *args, **kwargs):
        if "citecheck-" in url:
            raise RuntimeError("probe bug")
        return fetch_hops(url, *args, **kwargs)

    monkeypatch.setattr(checker.client, "fetch_hops", broken_probe)
    stats = checker.prefetch(doc_with({"url": URL}, {"url": "https://example.org/news/other.html"}), ["CC311"])
    assert (stats.unknown, stats.unknown_reasons) == (2, {"internal-error": 2})
    verdict = checker.verdict(URL)
    assert verdict.url == URL and "probe bug" in verdict.evidence["error"]


def test_a_host_with_only_archive_copies_to_check_is_not_probed(mock, fake) -> None:
    checker = make_checker(fake)
    mock.get(SNAP, status=200, body="<title>ok</title>")
    stats = checker.prefetch(doc_with({"url": URL, "archive_url": SNAP}), ["CC312"])
    assert stats.alive == 1 and [call.request.url for call in mock.calls] == [SNAP]

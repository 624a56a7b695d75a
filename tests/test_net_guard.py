"""The address guard: which URLs and addresses the link checker refuses, and why."""

from __future__ import annotations

import ipaddress

import pytest
import requests

from citecheck.net.guard import AddressGuard, BlockedAddress, NameNotFound, forbidden_reason
from citecheck.net.http import PinnedAdapter, make_session

FORBIDDEN = [
    "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "100.127.255.254",
    "169.254.169.254", "169.254.1.1", "0.0.0.0", "224.0.0.251", "240.0.0.1", "255.255.255.255",
    "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::10.0.0.1", "64:ff9b::a9fe:a9fe",
    "2002:7f00:0001::1", "2002:a9fe:a9fe::1", "64:ff9b:1::1",
]
ALLOWED = ["93.184.216.34", "8.8.8.8", "207.241.224.2", "2606:4700:4700::1111", "::ffff:8.8.8.8",
           "64:ff9b::808:808", "2002:0808:0808::1"]


@pytest.mark.parametrize("address", FORBIDDEN)
def test_forbidden_addresses(address: str) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses(address: str) -> None:
    assert forbidden_reason(ipaddress.ip_address(address)) is None


def test_cloud_metadata_is_named() -> None:
    assert forbidden_reason(ipaddress.ip_address("169.254.169.254")) == "cloud metadata address"
    assert "wraps 10.0.0.1" in forbidden_reason(ipaddress.ip_address("::ffff:10.0.0.1"))


@pytest.mark.parametrize("url", ["ftp://example.org/file", "file:///etc/passwd", "gopher://x/", "javascript:alert(1)",
                                 "https://user:secret@example.org/", "https://@/", "http:///nohost"])
def test_refused_urls(url: str) -> None:
    with pytest.raises(BlockedAddress):
        AddressGuard(lambda host, port: ["93.184.216.34"]).resolve(url)


def test_literal_addresses_are_checked_without_resolving() -> None:
    def never(host: str, port: int) -> list[str]:
        raise AssertionError("resolver called for a literal address")

    guard = AddressGuard(never)
    with pytest.raises(BlockedAddress):
        guard.resolve("http://[::ffff:10.0.0.1]/")
    assert guard.resolve("http://93.184.216.34:8080/x").address == "93.184.216.34"


def test_numeric_host_forms_are_judged_by_what_they_resolve_to() -> None:
    # "2130706433" and "0x7f.1" are names to the URL parser; the system resolver turns them into 127.0.0.1.
    from citecheck.net.guard import system_resolver

    with pytest.raises(BlockedAddress):
        AddressGuard(system_resolver).resolve("http://2130706433/")


def test_one_private_answer_among_public_ones_refuses_the_host() -> None:
    guard = AddressGuard(lambda host, port: ["93.184.216.34", "10.0.0.5"])
    with pytest.raises(BlockedAddress, match="10.0.0.5"):
        guard.resolve("https://mixed.example/")


def test_allow_opens_only_what_it_names() -> None:
    guard = AddressGuard(lambda host, port: ["127.0.0.1"], allow=["127.0.0.1/32"])
    assert guard.resolve("http://site.test/").address == "127.0.0.1"
    with pytest.raises(BlockedAddress):
        AddressGuard(lambda host, port: ["127.0.0.2"], allow=["127.0.0.1/32"]).resolve("http://site.test/")


def test_empty_answer_is_name_not_found() -> None:
    with pytest.raises(NameNotFound):
        AddressGuard(lambda host, port: []).resolve("https://example.org/")


def test_pinned_adapter_connects_to_the_validated_address_with_the_real_name() -> None:
    session = make_session()
    adapter = session.get_adapter("https://example.org/")
    assert isinstance(adapter, PinnedAdapter)
    prepared = session.prepare_request(requests.Request("GET", "https://example.org/page"))
    with pytest.raises(requests.exceptions.InvalidURL):
        adapter.get_connection_with_tls_context(prepared, True)
    prepared.citecheck_address = "93.184.216.34"
    pool = adapter.get_connection_with_tls_context(prepared, True)
    assert pool.host == "93.184.216.34"
    assert pool.conn_kw.get("server_hostname") == "example.org"
    assert pool.assert_hostname == "example.org"


def test_session_ignores_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://10.0.0.1:3128")
    assert make_session().trust_env is False


def test_name_not_found_counts_only_when_dns_works() -> None:
    def broken(host: str, port: int) -> list[str]:
        raise NameNotFound(f"{host}: Name or service not known")

    from citecheck.net.guard import ResolutionFailed

    with pytest.raises(ResolutionFailed, match="DNS is not working"):
        AddressGuard(broken, canary="www.wikipedia.org").resolve("https://gone.example/")

    def working(host: str, port: int) -> list[str]:
        if host == "www.wikipedia.org":
            return ["208.80.154.224"]
        raise NameNotFound(f"{host}: Name or service not known")

    with pytest.raises(NameNotFound):
        AddressGuard(working, canary="www.wikipedia.org").resolve("https://gone.example/")


def test_each_host_is_resolved_once_per_run() -> None:
    asked: list[str] = []

    def counting(host: str, port: int) -> list[str]:
        asked.append(host)
        if host == "gone.example":
            raise NameNotFound("gone.example: Name or service not known")
        return ["93.184.216.34"]

    guard = AddressGuard(counting)
    for i in range(5):
        guard.resolve(f"https://example.org/{i}")
        with pytest.raises(NameNotFound):
            guard.resolve(f"https://gone.example/{i}")
    assert asked == ["example.org", "gone.example"]


def test_cdx_api_is_throttled_apart_from_snapshot_pages() -> None:
    from citecheck.net.guard import Target
    from citecheck.net.http import limiter_key

    def target(url: str) -> Target:
        return Target(url, "https", "web.archive.org", 443, "207.241.237.3")

    assert limiter_key(target("https://web.archive.org/cdx/search/cdx?url=x")) == "web.archive.org/cdx"
    assert limiter_key(target("https://web.archive.org/web/2019/http://x.org/")) == "web.archive.org"


def test_once_dns_is_known_broken_no_more_lookups_are_made() -> None:
    from citecheck.net.guard import ResolutionFailed

    asked: list[str] = []

    def broken(host: str, port: int) -> list[str]:
        asked.append(host)
        raise ResolutionFailed(f"{host}: Temporary failure in name resolution")

    guard = AddressGuard(broken, canary="www.wikipedia.org")
    for host in ("a.example", "b.example", "c.example"):
        with pytest.raises(ResolutionFailed):
            guard.resolve(f"https://{host}/")
    assert asked == ["a.example", "www.wikipedia.org"]


def test_international_host_names_are_resolved_in_their_ascii_form() -> None:
    asked: list[str] = []

    def record(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["93.184.216.34"]

    target = AddressGuard(record).resolve("https://Bücher.example/straße")
    assert asked == ["xn--bcher-kva.example"] and target.host == "xn--bcher-kva.example"
    with pytest.raises(BlockedAddress):  # not a valid IDNA name: never fetched, never "dead"
        AddressGuard(record).resolve("https://a\u200d\u200db.example/")


def test_ipv6_literal_keeps_brackets_in_the_host_header() -> None:
    import responses as responses_lib

    from citecheck.net.http import HttpClient

    with responses_lib.RequestsMock() as mock:
        mock.head("http://[2606:4700::1111]:8080/x", status=200)
        result = HttpClient(AddressGuard(lambda host, port: [])).fetch("http://[2606:4700::1111]:8080/x", "HEAD")
        assert result.status == 200
        assert mock.calls[0].request.headers["Host"] == "[2606:4700::1111]:8080"

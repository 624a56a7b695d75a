"""Address safety: which URLs citecheck may fetch and which IP addresses it may connect to.

A link checker run from a CI runner must never become a way to reach internal services.
Every host is resolved here, every resolved address is checked, and the connection is then
made to the checked address itself (see ``http.PinnedAdapter``), so a DNS answer that
changes between check and connect (DNS rebinding) cannot slip a private address in.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterable

from urllib3.util import parse_url

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

ALLOWED_SCHEMES = ("http", "https")
CANARY_HOST = "www.wikipedia.org"

# Networks is_private/is_reserved do not cover, or that matter enough to name explicitly.
_EXTRA_BLOCKED = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",  # "this network"
        "100.64.0.0/10",  # CGNAT: shared address space, inside carrier networks
        "169.254.0.0/16",  # link-local, includes 169.254.169.254 cloud metadata
        "192.0.0.0/24",  # IETF protocol assignments
        "198.18.0.0/15",  # benchmarking
        "fd00:ec2::254/128",  # AWS IMDS over IPv6 (also inside fc00::/7)
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
    )
)
_METADATA = frozenset(ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "169.254.170.2"))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_SIXTOFOUR = ipaddress.ip_network("2002::/16")


class BlockedAddress(Exception):
    """The URL or the address it resolves to must not be fetched; the message says why."""


class NameNotFound(Exception):
    """The host name does not exist (NXDOMAIN): conclusive evidence the link is dead."""


class ResolutionFailed(Exception):
    """Resolution failed for a reason that may be temporary (no conclusion about the link)."""


def embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address wraps: IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4."""
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr in _NAT64:
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr.teredo is not None:
        return addr.teredo[1]
    return None


def forbidden_reason(addr: IPAddress) -> str | None:
    """Why connecting to ``addr`` is refused, or None when it is a public unicast address."""
    if isinstance(addr, ipaddress.IPv6Address):
        inner = embedded_ipv4(addr)
        if inner is not None:
            reason = forbidden_reason(inner)
            return f"wraps {inner}: {reason}" if reason else None
        if addr in _NAT64_LOCAL:
            return "local-use NAT64 prefix"
    if addr in _METADATA:
        return "cloud metadata address"
    if addr.is_loopback:
        return "loopback address"
    if addr.is_multicast:
        return "multicast address"
    if addr.is_link_local:
        return "link-local address"
    if addr.is_unspecified:
        return "unspecified address"
    for net in _EXTRA_BLOCKED:
        if addr.version == net.version and addr in net:
            return f"non-public address ({net})"
    if addr.is_private:
        return "private address"
    if addr.is_reserved:
        return "reserved address"
    if not addr.is_global:
        return "non-global address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses of ``host`` from the system resolver, as strings."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        # EAI_NONAME is the resolver's NXDOMAIN; EAI_NODATA (no A/AAAA) is conclusive too.
        conclusive = {getattr(socket, name) for name in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, name)}
        if exc.errno in conclusive:
            raise NameNotFound(f"{host}: {exc.strerror}") from None
        raise ResolutionFailed(f"{host}: {exc.strerror}") from None
    except UnicodeError as exc:
        raise ResolutionFailed(f"{host}: cannot be looked up ({exc})") from None
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0]).split("%", 1)[0]
        if address not in seen:
            seen.append(address)
    return seen


@dataclass
class Target:
    """A URL that passed the checks, with the address to connect to."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


@dataclass
class AddressGuard:
    """Validates URLs and resolves their hosts to addresses that are safe to connect to.

    ``allow`` lists addresses or networks exempt from the checks; it exists for tests that
    run a server on 127.0.0.1 and is deliberately not reachable from the command line.
    """

    resolver: Resolver = system_resolver
    allow: Iterable[str] = ()
    # A name that certainly exists: "name not found" counts only if this one resolves, so a
    # machine without working DNS does not report every link dead. "auto": on with the
    # system resolver, off with a resolver given by a test.
    canary: str | None = "auto"
    _allowed: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = field(init=False, repr=False)
    _dns_works: bool | None = field(default=None, init=False, repr=False)
    _canary_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _answers: dict[tuple[str, int], list[str] | Exception] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._allowed = [ipaddress.ip_network(item, strict=False) for item in self.allow]
        if self.canary == "auto":
            self.canary = CANARY_HOST if self.resolver is system_resolver else None

    def _lookup(self, host: str, port: int) -> list[str]:
        """The resolver's answer, asked once per host and run: forty links to one site (or
        to one dead domain) cost one lookup. Connections still go to the checked answer."""
        key = (host, port)
        with self._canary_lock:
            known = self._answers.get(key)
            if known is None and self._dns_works is False:
                # DNS is down for this run: do not wait out a resolver timeout per host.
                known = ResolutionFailed(f"{host}: not resolved ({self.canary} does not resolve: DNS is not working)")
        if known is None:
            try:
                known = list(self.resolver(host, port))
            except (NameNotFound, ResolutionFailed) as exc:
                known = exc
                if isinstance(exc, ResolutionFailed):
                    self.dns_works()  # learn early whether every lookup will fail
            with self._canary_lock:
                self._answers[key] = known
        if isinstance(known, Exception):
            raise type(known)(*known.args)
        return list(known)

    def dns_works(self) -> bool:
        """Whether the resolver can find a name that certainly exists (asked once)."""
        if self.canary is None:
            return True
        with self._canary_lock:
            if self._dns_works is None:
                try:
                    self._dns_works = bool(self.resolver(self.canary, 443))
                except (NameNotFound, ResolutionFailed):
                    self._dns_works = False
            return self._dns_works

    def check_url(self, url: str) -> tuple[str, str, int]:
        """(scheme, host, port) of an acceptable URL; raises BlockedAddress otherwise."""
        try:
            parsed = parse_url(url)
        except ValueError as exc:
            raise BlockedAddress(f"malformed URL: {exc}") from None
        scheme = (parsed.scheme or "").lower()
        if scheme not in ALLOWED_SCHEMES:
            raise BlockedAddress(f"scheme {scheme or '(none)'!r} is not http or https")
        if parsed.auth:
            raise BlockedAddress("credentials in URL")
        host = (parsed.host or "").strip("[]").rstrip(".").lower()
        if not host:
            raise BlockedAddress("URL has no host")
        if not host.isascii():
            import idna  # installed with requests; IDNA 2008 with UTS 46 mapping, as browsers do

            try:
                host = idna.encode(host, uts46=True).decode("ascii")
            except idna.IDNAError as exc:
                raise BlockedAddress(f"invalid host name {host!r}: {exc}") from None
        port = parsed.port or (443 if scheme == "https" else 80)
        return scheme, host, port

    def address_ok(self, address: str) -> str | None:
        """None when ``address`` may be connected to, else the reason it may not."""
        try:
            addr = ipaddress.ip_address(address)
        except ValueError:
            return f"not an IP address: {address!r}"
        if any(addr.version == net.version and addr in net for net in self._allowed):
            return None
        return forbidden_reason(addr)

    def resolve(self, url: str) -> Target:
        """Check ``url`` and pick a safe address for it.

        Raises BlockedAddress when the URL or any address of its host is refused (a host
        with one private address among public ones is refused whole: it is not a normal
        public site), NameNotFound for NXDOMAIN, ResolutionFailed otherwise.
        """
        scheme, host, port = self.check_url(url)
        try:
            literal = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        try:
            addresses = [str(literal)] if literal is not None else self._lookup(host, port)
            if not addresses:
                raise NameNotFound(f"{host}: no addresses")
        except NameNotFound as exc:
            if not self.dns_works():
                raise ResolutionFailed(f"{exc} (but {self.canary} does not resolve either: DNS is not working)") from None
            raise
        for address in addresses:
            reason = self.address_ok(address)
            if reason:
                raise BlockedAddress(f"{host} resolves to {address}: {reason}")
        return Target(url=url, scheme=scheme, host=host, port=port, address=addresses[0])

"""CC302: an archive URL that is malformed, disagrees with archive-date, or archives another page."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable, Iterator
from urllib.parse import SplitResult, unquote, urlsplit

from citecheck.model import Document, Finding, Reference, Severity
from citecheck.parsers.citations import ARCHIVE_HOST, ARCHIVED_PHRASE
from citecheck.parsers.dates import PartialDate, parse_date, timestamp_date
from citecheck.rules.base import Option, Rule, RuleContext

# Wayback-style archives: https://web.archive.org/web/20201010123456/http://example.com/page
_WAYBACK_HOSTS = re.compile(
    r"^(?:(?:web|wayback|www)\.)?archive\.org$|^webarchive\.(?:loc\.gov|nationalarchives\.gov\.uk)$|^arquivo\.pt$",
    re.I,
)
_SNAPSHOT = re.compile(r"^/(?:web/|wayback/|all/)?(?P<stamp>[^/]*?)(?P<flag>[a-z]{2}_)?/(?P<original>.+)$", re.I | re.S)
_DEFAULT_PORTS = {"http": "80", "https": "443"}
# Identifier links (DOI, handle, JSTOR, ...) sit beside the real url in rendered citations;
# a rendered reference's first link may be one of them rather than the archived page.
_IDENTIFIER_HOSTS = re.compile(
    r"(?:^|\.)(?:doi\.org|handle\.net|jstor\.org|ncbi\.nlm\.nih\.gov|semanticscholar\.org|adsabs\.harvard\.edu"
    r"|arxiv\.org|worldcat\.org|citeseerx\.ist\.psu\.edu|wikipedia\.org|wikidata\.org|books\.google\.[a-z.]+)$",
    re.I,
)
_TRACKING = re.compile(r"(?:utm_[a-z]+|fbclid|gclid|emc|nl|nlid|smid|smtyp|cmp|ocid|ns_[a-z_]+|mc_[a-z]+|ito|via)=", re.I)
# "publication/266753114" and "publication/266753114_Felid_form": an ID with or without its slug.
_SLUG_TAIL = re.compile(r"[_-][^/]*")
# The number of one item on its site (topic3311, story5576, articleID=263): three digits or
# more, not a year (NST-EST2008-04 is a yearly table, not an item).
_ITEM_NUMBER = re.compile(r"(?<![0-9])(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9]{3,}")


_ESCAPED_SCHEME = re.compile(r"https?%3A", re.I)
_WWW = re.compile(r"^www\d*\.")
_SLASH_RUN = re.compile(r"/{2,}")


@lru_cache(maxsize=4096)  # the cited and the archived URL are each compared several ways
def normalize_url(url: str) -> str:
    """A URL reduced to what identifies the page: no scheme, ``www.``, default port,
    fragment, tracking parameters or trailing slash; host and path case-folded (servers that
    tell "Index.aspx" from "index.aspx" are rare), percent-escapes decoded."""
    url = url.strip()
    if _ESCAPED_SCHEME.match(url):
        url = unquote(url)
    if "://" not in url[:12]:
        url = "http://" + url.lstrip("/")
    parts = _split(url)
    if parts is None:  # an unparsable host ("[::1", "[zz::1]"): compare the text itself
        return url.split("://", 1)[1].casefold()
    host = _WWW.sub("", (parts.hostname or "").lower().rstrip("."))
    port = ""
    try:
        if parts.port is not None and str(parts.port) != _DEFAULT_PORTS.get(parts.scheme.lower(), ""):
            port = f":{parts.port}"
    except ValueError:
        port = ""
    # "+" and "%20" both reach servers as a space in practice.
    path = _SLASH_RUN.sub("/", unquote(parts.path).replace("+", " ")).rstrip("/").casefold()
    params = [p for p in parts.query.split("&") if p and not _TRACKING.match(p)]
    query = "?" + unquote("&".join(params)).replace("+", " ").casefold() if params else ""
    return f"{host}{port}{path}{query}"


def _split(url: str) -> SplitResult | None:
    """``urlsplit(url)``, or None for a URL whose bracketed host is not an IPv6 address."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def same_page(url: str, other: str) -> bool:
    """Whether two URLs name the same page.

    Equal once normalised; or equal but for a query only one of them has; or differing
    only by the readable slug after a numeric ID; or sharing a distinctive last path
    segment or article ID (sites that moved: guardian.co.uk to theguardian.com, Reuters'
    dated paths), which is a moved page rather than the wrong one.
    """
    a, b = normalize_url(url), normalize_url(other)
    if a == b:
        return True
    a_path, b_path = a.partition("?")[0], b.partition("?")[0]
    if a_path == b_path and ("?" not in a or "?" not in b):
        return True
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and short[-1:].isdigit() and _SLUG_TAIL.fullmatch(long[len(short):]):
        return True
    a_last, b_last = (_last_segment(p) for p in (a_path, b_path))
    shorter, longer = sorted((a_last, b_last), key=len)
    if len(shorter) >= 15 and len(re.findall(r"[-_]", shorter)) >= 2 and shorter in longer:
        return True
    return bool(_distinctive(a_path) & _distinctive(b_path))


def _last_segment(path: str) -> str:
    return _PAGE_EXTENSION.sub("", path.rsplit("/", 1)[-1])


_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|cfm|jsp)$")


def _distinctive(path: str) -> set[str]:
    """Tokens of the last path segment that identify one article: IDs mixing letters and
    digits, long numbers. (A long slug shared whole is a shared last segment, above.)"""
    tokens = re.split(r"[-_./]", _last_segment(path))
    return {token for token in tokens
            if len(token) >= 7 and any(c.isdigit() for c in token) and (token.isdigit() or any(c.isalpha() for c in token))}


def split_archive_url(url: str) -> tuple[str, str] | None:
    """(timestamp part, archived URL) of a Wayback-style archive URL, or None for other archives."""
    parts = _split(url.strip())
    if parts is None or not _WAYBACK_HOSTS.match(parts.hostname or ""):
        return None
    rest = url.strip()[url.strip().find(parts.netloc) + len(parts.netloc):]
    match = _SNAPSHOT.match(rest)
    if match is None:
        return None
    original = match.group("original")
    # Archives rewrite "http://" to "http:/" in the path; put the second slash back.
    if _ESCAPED_SCHEME.match(original):
        original = unquote(original)
    original = re.sub(r"^(https?):/(?!/)", r"\1://", original, flags=re.I)
    return match.group("stamp"), original


class ArchiveMismatch(Rule):
    """An archive URL that is malformed, dated differently from archive-date, or of another page.

    For each reference with a Wayback-style ``archive-url`` (web.archive.org, archive.today
    long form, the national web archives that use the same layout) this flags:

    - a malformed archive URL: a ``/save/`` request, a calendar or wildcard URL (``*``; not
      where the entry is only that link, to a site's or a section's copies, with no original
      link, title or "Archived from …": it then cites the archive's list of them, "the Internet
      Archive's Trade Me archive"; a review's title before it, or a calendar of an article's
      page, asks for a snapshot),
      a timestamp that is not 14 digits, or one that is not a real date and time;
    - a timestamp more than ``max_days_apart`` days from the ``archive-date`` field;
    - a snapshot of a different page than ``url`` (compared after normalising scheme,
      ``www.``, default ports, trailing slashes and percent-escapes). A snapshot of any other
      link the reference gives (``chapter-url``, the second source of a bundled footnote), of
      the page a short link on the same site leads to (``?p=64654``, ``/smarterplanet/grid``),
      of the same file on another host of the site, at an address that spells the cited
      title, or of a numbered item of the cited publisher (``topic3311.htm``,
      ``story5576.asp``, ``article?articleID=263``) on the same site or on one whose name
      the other address spells (``emedicine.com`` for ``emedicine.medscape.com``,
      ``archives.tcm.ie/businesspost/`` for ``businesspost.ie``), taken no earlier than the
      cited work's date, or of the same numbered item at the same path on a domain named
      alike (``nyrangers.com`` for ``newyorkrangers.com``), or of the same named file in a
      folder of the same name on a site renamed from its abbreviation to its full name
      (``sos.ga.gov/state_symbols/state_song.html`` for
      ``sos.georgia.gov/archives/state_symbols/state_song.html``; not ``sos.mo.gov`` for
      ``sos.ca.gov``), or of an older address on the
      cited site whose last named path segment, like the cited address's, is spelled by words
      of the title, one word the same (the review "Volta" at ``…/review/14187719/volta`` for
      ``…/albumreviews/volta-20070417``, both numbered; not ``…/page/2`` for ``…/page/4``, nor
      ``…/academy/squad`` for ``…/first-team/squad``), is the cited page; a site's front
      page never stands in for a deep link, and a snapshot that drops the query naming the
      page is another page. Other pages that moved to an unrelated address cannot be told
      from wrong snapshots offline, so they are still reported: check them before acting.
      One archive-url given to several
      references that cite different urls is reported once, at the first of them. In a
      rendered footnote bundling several citations, an archive link is compared only when
      it surely belongs to the first one.

    Why: readers and bots follow the archive link when the original dies; a wrong or
    malformed one silently breaks verification.

    What to do: replace the archive URL with the 14-digit snapshot of the cited page and make
    ``archive-date`` match its timestamp.
    """

    code = "CC302"
    name = "archive-mismatch"
    severity = Severity.WARNING
    options = (
        Option("max_days_apart", 1, "Days the archive-date may differ from the URL's timestamp (time zones)."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        max_apart = ctx.options["max_days_apart"]
        checked = [(ref, archive_url, list(_problems(ref, archive_url, max_apart)))
                   for ref in doc.references if (archive_url := ref.get("archive_url").strip())]
        copies = _copied_archives((ref, archive_url) for ref, archive_url, problems in checked
                                  if any(evidence["problem"] == "url" for _, evidence in problems))
        for ref, archive_url, problems in checked:
            for problem, evidence in problems:
                sharing = copies.get(archive_url, []) if evidence["problem"] == "url" else []
                if sharing and ref is not sharing[0]:
                    continue  # reported once, with the first reference that has this archive-url
                if sharing:
                    others = ", ".join(other.label for other in sharing[1:])
                    problem += f" (the same archive-url is given for {others}, citing other urls)"
                yield self.finding(ctx, f"{ref.label} {problem}", ref.span, reference=ref,
                                   refs=[other.key for other in sharing] or [ref.key],
                                   evidence={"archive_url": archive_url, **evidence})


def _copied_archives(mismatched: Iterable[tuple[Reference, str]]) -> dict[str, list[Reference]]:
    """Archive URLs of another page given to several references that cite different urls.

    One archive copied into several citations is one mistake, and the archive can be a copy
    of one of them at most: it is reported once rather than once per copy.
    """
    by_archive: dict[str, list[Reference]] = defaultdict(list)
    for ref, archive_url in mismatched:
        by_archive[archive_url].append(ref)
    return {archive_url: refs for archive_url, refs in by_archive.items()
            if len({normalize_url(ref.get("url")) for ref in refs}) > 1}


def _problems(ref: Reference, archive_url: str, max_apart: int) -> Iterator[tuple[str, dict[str, str]]]:
    lowered = archive_url.lower()
    if re.search(r"archive\.org/(?:web/)?save/|/save/_embed/", lowered):
        yield "archive-url is a 'save' request, not a snapshot: use the snapshot URL it produced", {"problem": "save"}
        return
    split = split_archive_url(archive_url)
    if split is None:
        return
    stamp, original = split
    if ":" in stamp or "." in stamp:
        yield "archive-url has no snapshot timestamp: use the dated snapshot URL", {"problem": "timestamp"}
        return
    if "*" in stamp or stamp == "":
        if (ref.get("url").strip() or ref.get("title").strip() or ARCHIVED_PHRASE.search(ref.raw)
                or not _SITE_OR_SECTION.match(original)):
            yield ("archive-url is a calendar or search page, not a snapshot: pick one dated snapshot",
                   {"problem": "calendar"})
        return  # an entry that is only a link to the archive's list of a site's copies cites that list
    if not stamp.isdigit() or len(stamp) != 14:
        yield (f"archive-url timestamp {stamp!r} is not 14 digits (YYYYMMDDhhmmss)",
               {"problem": "timestamp", "timestamp": stamp})
        return
    snapshot = timestamp_date(stamp)
    if snapshot is None or int(stamp[8:10]) > 23 or int(stamp[10:12]) > 59 or int(stamp[12:14]) > 61:
        yield (f"archive-url timestamp {stamp} is not a real date and time", {"problem": "timestamp", "timestamp": stamp})
        return
    recorded = parse_date(ref.get("archive_date")) if ref.get("archive_date") else None
    if recorded is not None:
        day = snapshot.earliest()
        early = (recorded.earliest() - day).days
        late = (day - recorded.latest()).days
        if early > max_apart or late > max_apart:
            yield (f"archive-date {ref.get('archive_date')!r} does not match the archive-url timestamp "
                   f"({snapshot.human()})", {"problem": "date", "timestamp": stamp,
                                             "archive_date": ref.get("archive_date")})
    url = ref.get("url").strip()
    if url and original and _comparable(ref, url) and not _archives_a_cited_page(ref, url, original, snapshot):
        yield (f"archive-url is a snapshot of {original} but the cited url is {url}",
               {"problem": "url", "archived": original, "url": url})


# A site, or a section of it one folder down, rather than a page: "www.trademe.co.nz",
# "www.trademe.co.nz/jobs"; not "…/politics/04senate.html".
_SITE_OR_SECTION = re.compile(r"(?:https?://)?[^/?#\s]+(?:/[^/?#.\s]*)?/?$", re.I)


def _archives_a_cited_page(ref: Reference, url: str, original: str, snapshot: PartialDate) -> bool:
    """Whether the archived URL is one the reference cites, or could be the cited page.

    A reference may give several links (``chapter-url`` beside ``url``, two sources bundled
    in one footnote): the archive may hold any of them. A short link on the archived page's
    own site (``?p=64654``, ``/grid`` that redirected to ``/smart_grid/ideas``), a
    snapshot whose address spells the cited title and a numbered item of the cited
    publisher are the cited page too; only the site's front page is never a stand-in for a
    deep link.
    """
    if same_page(url, original):
        return True  # the usual case: the entry's other links are read only when its url is not the page
    if any(same_page(link, original) for link in _LINK.findall(_ARCHIVE_LINK.sub(" ", ref.raw))):
        return True
    return (_short_link_of(url, original) or _spells_title(original, ref.get("title"))
            or _moved_item(url, original, parse_date(ref.get("date")), snapshot) or _same_item_on_alias(url, original)
            or _renamed_on_its_site(url, original, ref.get("title")) or _same_file_on_renamed_site(url, original))


_LINK = re.compile(r"https?://[^\s|\]}<>\"']+", re.I)
# Archive links, with the original URL inside them, are no cited page of their own.
# Anchored at a word's start: a leading \S* tried at every character is quadratic in long words.
_ARCHIVE_LINK = re.compile(rf"(?<!\S)\S*?{ARCHIVE_HOST.pattern}\S*", re.I)


def _site(host: str) -> str:
    """The registrable part of a host: "einestages.spiegel.de" -> "spiegel.de", "x.co.uk" -> "x.co.uk"."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


_SECOND_LEVEL = frozenset("co com org net gov gc ac edu or ne go govt mil nic".split())


def _short_link_of(url: str, original: str) -> bool:
    """A short address on the archived page's own site: a query-only link ("?p=64654"), a
    readable path that redirected deeper ("/smarterplanet/grid" to ".../smart_grid/..."), or
    the same file moved to another host of the site ("ticdata.treasury.gov/Publish/mfh.txt")."""
    cited_host, cited_path, cited_query = _address_parts(normalize_url(url))
    archived_host, archived_path, archived_query = _address_parts(normalize_url(original))
    if _site(cited_host) != _site(archived_host):
        return False
    if not cited_path:
        return bool(cited_query)  # "site/?p=64654" is a short link; the bare front page is not
    segments, archived_segments = cited_path.split("/"), archived_path.split("/")
    last = segments[-1]
    if "." in last:
        return cited_query == archived_query and len(last) >= 7 and last == archived_segments[-1]
    return (not cited_query and len(last) <= 24 and last in archived_path
            and archived_segments[:len(segments) - 1] == segments[:-1])


def _moved_item(url: str, original: str, published: PartialDate | None, snapshot: PartialDate) -> bool:
    """A numbered item page of the cited publisher (``MED/topic3311.htm``, ``story5576.asp``,
    ``article?articleID=263``), snapshotted no earlier than the cited work's date, for a deep
    link: the cited page before the publisher renumbered it or moved to another domain."""
    cited, archived = normalize_url(url), normalize_url(original)
    if not _address_parts(cited)[1] or not _item_number(archived):
        return False
    if published is not None and published.earliest() > snapshot.latest():
        return False  # a snapshot older than the work cannot hold it
    return _same_publisher(cited, archived)


# Letters two names of one site share at their start or end: "nyrangers" and "newyorkrangers".
_ALIAS_AFFIX_CHARS = 5


def _same_item_on_alias(url: str, original: str) -> bool:
    """The same numbered item at the same path and query on a domain named alike
    (``nyrangers.com/pressbox/pressreleases.asp?id=615`` for ``newyorkrangers.com/…``): one
    site under two names. Sites that share only a platform have unlike names, and their items
    differ."""
    cited_host, cited_path, cited_query = _address_parts(normalize_url(url))
    archived_host, archived_path, archived_query = _address_parts(normalize_url(original))
    if (cited_path, cited_query) != (archived_path, archived_query) or not cited_path:
        return False
    if not _item_number(normalize_url(original)):
        return False
    cited_name, archived_name = (_site(host).partition(".")[0] for host in (cited_host, archived_host))
    shared_start = len(os.path.commonprefix([cited_name, archived_name]))
    shared_end = len(os.path.commonprefix([cited_name[::-1], archived_name[::-1]]))
    return max(shared_start, shared_end) >= _ALIAS_AFFIX_CHARS


def _same_file_on_renamed_site(url: str, original: str) -> bool:
    """The same named file in a folder of the same name, with the same query and under the same
    subdomain, on a site renamed from its abbreviation to its full name or back, under the same
    suffix: ``sos.ga.gov/state_symbols/state_song.html`` for
    ``sos.georgia.gov/archives/state_symbols/state_song.html`` ("ga" is "georgia" cut short: its
    first letter, the rest in order). Not two sites whose names are unrelated (``sos.ca.gov``
    and ``sos.mo.gov``, whatever subdomain they share), nor one name under two suffixes
    (``census.gov`` and ``census.gov.ph``), nor a site's default page (``index_e.html``), nor a
    file named too shortly to be its own (``a.pdf``)."""
    cited_host, cited_path, cited_query = _address_parts(normalize_url(url))
    archived_host, archived_path, archived_query = _address_parts(normalize_url(original))
    tail = cited_path.split("/")[-2:]
    if cited_query != archived_query or len(tail) < 2 or tail != archived_path.split("/")[-2:]:
        return False
    name = tail[1]
    if "." not in name or len(name) < _FILE_NAME_CHARS or _DEFAULT_PAGE_NAME.fullmatch(name.rpartition(".")[0]):
        return False
    cited_site, archived_site = _site(cited_host), _site(archived_host)
    if cited_host[:-len(cited_site)] != archived_host[:-len(archived_site)]:
        return False  # another subdomain
    cited_name, _, cited_suffix = cited_site.partition(".")
    archived_name, _, archived_suffix = archived_site.partition(".")
    short, full = sorted((cited_name, archived_name), key=len)
    return cited_suffix == archived_suffix and _abbreviates(short, full)


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` cut short: its first letter, then letters of it in order."""
    letters = iter(full[1:])
    return short[:1] == full[:1] and all(letter in letters for letter in short[1:])


_FILE_NAME_CHARS = 7  # "mfh.txt"
# A site's default page, by whatever extension and suffix: "index.html", "index_e.html", "default2.asp".
_DEFAULT_PAGE_NAME = re.compile(r"(?:index|default|home|main|welcome|contents?)[\w-]{0,3}", re.I)


def _item_number(address: str) -> bool:
    """Whether a normalised address ends in an item number: in its last path segment or a query value."""
    _, path, query = _address_parts(address)
    values = [param.partition("=")[2] for param in query.split("&")]
    return any(_ITEM_NUMBER.search(part) for part in [path.rpartition("/")[2], *values])


def _same_publisher(cited: str, archived: str) -> bool:
    """Whether two normalised addresses are of one publisher: the same site, or one site's
    name is a host label or path segment of the other address (a publisher that moved:
    ``emedicine.com`` to ``emedicine.medscape.com``, ``archives.tcm.ie/businesspost`` to
    ``businesspost.ie``)."""
    cited_site, archived_site = (_site(_address_parts(address)[0]) for address in (cited, archived))
    if cited_site == archived_site:
        return True
    return (_site_name(cited_site) in _address_words(archived)
            or _site_name(archived_site) in _address_words(cited))


# A normalised address: host, port, path, query.
_ADDRESS = re.compile(r"(?P<host>[^/?:]*)(?::[^/?]*)?/?(?P<path>[^?]*)\??(?P<query>.*)", re.S)


def _address_parts(address: str) -> tuple[str, str, str]:
    """(host without its port, path, query) of a normalised address."""
    parts = _ADDRESS.fullmatch(address)
    assert parts is not None  # every part of the pattern may be empty
    return parts["host"], parts["path"], parts["query"]


def _site_name(site: str) -> str:
    """"businesspost" for "businesspost.ie"; "" for names too short to tell a publisher by."""
    name = site.partition(".")[0]
    return name if len(name) >= 4 else ""


def _address_words(address: str) -> set[str]:
    """The labels of an address's host and the segments of its path (not its query)."""
    host, path, _ = _address_parts(address)
    return set(host.split(".")) | set(path.split("/"))


def _spells_title(original: str, title: str) -> bool:
    words = {w for w in re.findall(r"[a-z0-9]+", title.casefold()) if len(w) >= 3}
    slug = set(re.findall(r"[a-z0-9]+", _address_parts(normalize_url(original))[1]))
    return len(words) >= 3 and len(words & slug) >= max(3, 0.6 * len(words))


# Last path segments that name no page of their own: a page's printable or default form.
_PAGE_FORMS = frozenset("print printable index default home page review story article full".split())
_NAME_CHARS = 4  # "Volta"
_DIGIT = re.compile(r"\d")


def _renamed_on_its_site(url: str, original: str, title: str) -> bool:
    """Whether the archived address is the cited page's older address on its own site: the
    last named segment of each path is spelled by words of the title, one at least the same in
    both, besides numbers, and each address numbers or dates its item as an article's does
    ("Volta" at rollingstone.com/reviews/album/14149107/review/14187719/volta and at
    …/music/albumreviews/volta-20070417; "Bjork" at salon.com/people/bc/2001/05/01/bjork/print.html
    and salon.com/2001/05/01/bjork/). Not a site's pages of one name in two places, which no
    number marks as one item ("…/first-team/squad" and "…/academy/squad"), nor two numbered
    pages of one address ("…/page/2", "…/page/4"), nor a page beside its parent ("outlander-2014"
    and "outlander-2014/season-1"), nor a name cut short ("Bush_Natural" for "Bush_Natural
    drinking strategies.pdf", with the author's name)."""
    cited_host, cited_path, _ = _address_parts(normalize_url(url))
    archived_host, archived_path, _ = _address_parts(normalize_url(original))
    if (_site(cited_host) != _site(archived_host) or not (_DIGIT.search(cited_path) and _DIGIT.search(archived_path))
            or re.sub(r"\d+", "", cited_path) == re.sub(r"\d+", "", archived_path)):
        return False
    words = {word for word in re.findall(r"[a-z]+", title.casefold()) if len(word) >= _NAME_CHARS}
    cited, archived = _named_segment(cited_path), _named_segment(archived_path)
    return bool(cited & archived) and cited <= words and archived <= words


def _named_segment(path: str) -> set[str]:
    """The words of the last segment of a normalised path that names a page (not "print.html",
    nor a number)."""
    for segment in reversed(path.split("/")):
        segment = _PAGE_EXTENSION.sub("", segment)
        if segment in _PAGE_FORMS or not re.search(r"[a-z]", segment):
            continue
        return set(re.findall(r"[a-z]+", segment))
    return set()


def _comparable(ref: Reference, url: str) -> bool:
    """Whether ``url`` is surely the page the archive should hold.

    Template parameters say so directly, unless the url is itself a template or an
    identifier link. For rendered references the url is the first link found, so bundles
    of several citations in one footnote (two "Archived"/"Retrieved" phrases, or an
    archive phrase after "Retrieved") are not compared.
    """
    if "{{" in url or not re.match(r"(?:https?:)?//|[\w-]+(?:\.[\w-]+)+", url, re.I):
        return False  # a template or a bare word in the url field: nothing to compare
    if _IDENTIFIER_HOSTS.search(_address_parts(normalize_url(url))[0]):
        return False
    if ref.template:
        return True
    raw = ref.raw
    if raw.count("Archived") > 1 or raw.count("Retrieved") > 1:
        return False
    # A citation renders "Archived from the original on ... Retrieved ...": an archive
    # phrase after "Retrieved" is that of a later citation bundled in the footnote.
    return not 0 <= raw.find("Retrieved") < raw.find("Archived from the original")

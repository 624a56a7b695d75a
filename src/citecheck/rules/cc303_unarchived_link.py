"""CC303: a cited web page with no archive copy recorded (informational)."""

from __future__ import annotations

import re
from typing import Iterator

from citecheck.model import Document, Finding, Reference, Severity
from citecheck.parsers.citations import findable_without_link, is_domain, url_key
from citecheck.parsers.printed import journal_article_by_volume, printed_publication
from citecheck.rules.base import Option, Rule, RuleContext
from citecheck.rules.cc301_dead_link_without_archive import dead_reason, has_archive, tagged_in_prose

# Persistent identifiers, archives, digital libraries of scanned print and the subscription
# reference works of a publisher, whose entries are found by their headword and which an archive
# cannot copy past the login: links there do not rot like news pages. An entry with a path
# ("news.google.com/newspapers") covers only that part of its host: Google's archive of newspaper
# scans, not its news aggregator.
STABLE_HOSTS = (
    "doi.org", "dx.doi.org", "hdl.handle.net", "archive.org", "web.archive.org", "archive.today",
    "archive.is", "archive.ph", "books.google.com", "news.google.com/newspapers", "hathitrust.org",
    "jstor.org", "worldcat.org", "pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov", "europepmc.org",
    "arxiv.org", "adsabs.harvard.edu", "semanticscholar.org", "webcitation.org", "wikisource.org",
    "wikipedia.org", "paperspast.natlib.govt.nz", "trove.nla.gov.au", "gallica.bnf.fr",
    "oed.com", "oxfordmusiconline.com", "oxforddnb.com", "anb.org", "oeis.org",
)
# Sites a rendered copy names without their address: the names of the hosts above.
_STABLE_SITE_NAMES = {
    "wikipedia": "wikipedia.org", "internet archive": "archive.org", "wayback machine": "archive.org",
    "google books": "books.google.com", "jstor": "jstor.org", "worldcat": "worldcat.org",
    "pubmed": "pubmed.ncbi.nlm.nih.gov", "arxiv": "arxiv.org", "wikisource": "wikisource.org",
    "hathitrust": "hathitrust.org", "hathitrust digital library": "hathitrust.org",
    "oxford english dictionary": "oed.com", "oed online": "oed.com", "oed": "oed.com",
    "grove music online": "oxfordmusiconline.com",
    "oxford music online": "oxfordmusiconline.com", "oxford dictionary of national biography": "oxforddnb.com",
    "american national biography": "anb.org",
    "the on-line encyclopedia of integer sequences": "oeis.org", "oeis": "oeis.org",
}


class UnarchivedLink(Rule):
    """A cited web page with no archive copy recorded, so it is at risk of link rot.

    Flags references that point at the web — a ``url``, or an access date, which CS1 only
    shows for web sources ("Retrieved ..." in rendered copies) — and record no archive URL,
    archive date or ``{{webarchive}}`` (a rendered copy's "Archived …" or "retrieved and archived
    …" counts), nor another entry of the list does for the same page (the two want merging).
    Links already marked dead, in the reference or by a tag after its citation in the text, are
    CC301 instead. Links to persistent identifiers, archives, digital libraries of
    scanned print (HathiTrust, Google Books and Google's newspaper archive, on any of Google's
    country sites; the national libraries' Papers Past, Trove and Gallica), subscription reference
    works found by their headword (the Oxford English Dictionary, Grove Music Online, the Oxford
    and American national biographies), the On-Line Encyclopedia of Integer Sequences, whose
    entries keep their numbers, and Wikipedia, which keeps every revision
    (``ignore_hosts``; a copy that names such a site without its address, "Wikipedia,
    2019-03-25", "Oxford English Dictionary (Online ed.)", "OED Online" or
    "pubchem.ncbi.nlm.nih.gov", counts),
    are left alone, and so are links of works that carry such an identifier themselves (a book's
    ISBN or OCLC number, an article's DOI, PMID or arXiv id; not a journal's ISSN), of numbered
    patents, legislation, RFCs, ISO and other standards and reports of a government series ("United
    States Patent 3137937", "US patent 5254836", "US Patent 9082", "US5593832.pdf", "Council
    Directive 80/181/EEC", a statute by its short title and year, "Local Government (Gaelic Names)
    (Scotland) Act 1997", "The St Helena, Ascension and Tristan da Cunha Constitution Order 2009",
    a French decree by its number, "Décret n° 80-313", a Russian legal act or a resolution by its
    number and date, "Постановление №725 от 31 августа 2011 г.",
    "Code of Federal Regulations Title 21", a US statute by its place in the Code or its public-law
    number, "10 USC 525", "Pub.L. 110-181", "AS/NZS 3788:2006", "RFC 3190", "ISO 832:1994 …",
    "International Organization for Standardization, Procedure 719", "USDA Forest Service PSW
    RP-264", "Army Regulation 5-1", "NTRP 1-02", a court's judgment by its citation, "[2012] EWHC
    1372 (Ch)", "447 U.S. 303 (1980)"; not a page about one, "ISO 9001 certification for …"), of pages of a law gazette
    ("Reichsgesetzblatt Teil I S. 849") or its issues ("Mémorial A, 1988, No. 64", "London
    Gazette (supplement), No. 53154"), of the columns of a debate in Parliament's record in
    Hansard's form ("HC Deb 17 June 1925 vol 185 cc494-5"), of chapter and verse of scripture ("Exodus 7:1–2") and of
    a printed publication (a page of a newspaper or magazine issue or a report dated, to the
    month or day, before the web, before 1997, when newspapers and magazines went online:
    "Sports Illustrated. February 23, 1976. p. 12"; an article of
    such an issue dated to the day (or by a numeric day whose day and month could be either,
    "03-05-1967"), by its title and the newspaper's or magazine's name: '"Dam opened". The
    Guardian. 3 March 1990.' (not a site's address, "Thecrimson.com", a
    broadcaster's or an agency's page, "BBC", nor a page its link dates later, "…/2008/06/22/…");
    a book from a
    publishing house, "University of California Press. p. 44" or "Gyldendalske Boghandels
    Forlag. pp. 614–615", or one printed before the web,
    with or without its page: "New York: Harper Brothers", 1957, or any publisher after an
    unquoted title dated by its year, "(1924). Electrical Condition. J.S. Phillips." (not a
    ``{{cite web}}``, ``{{cite news}}`` or journal, a website's copy or a thesis); not an issue
    dated to its month cited without its page), of an article of a journal by its year, volume
    and pages in order, which libraries keep ("Proceedings of the Institute of Radio Engineers.
    16 (10): 1398–1405", "Proc. of SPIE 5301: 264–275"; not one a ``{{cite web}}``, ``{{cite
    news}}`` or ``{{cite magazine}}`` cites as a site's, a newspaper's or a magazine's page, nor
    pages listed after "pp.", "pp. 5–6, 13–14", a score, "Game 7: 4–3", "5:0, 2013-08-26", a
    post's time, "12:06:14 -0400", or a part's or a season's years, "parte 2: 1970-1980", "Week
    5, 2014–15"), of a
    paper in a meeting's proceedings ("… (PDF). Proc. Solid State Sensors, Actuators and
    Microsystems Workshop"), of a numbered
    edition of a book ("Cambridge Idioms Dictionary (2nd ed.)", "Handbook of Chemistry and Physics
    81st edition", "… Dictionary of the English Language: Fourth Edition"; not one cited as a PDF,
    published as that file), of a chapter of an edited book
    with its pages ("In Porter, Stephen R (ed.). … Jossey-Bass. p. 63–74"), of an entry of a
    dictionary named with its publishing house and year ("McGraw-Hill Dictionary of Scientific and
    Technical Terms, McGraw-Hill Companies, Inc., 2003"), of an encyclopedia printed before the web (the Catholic and Jewish
    Encyclopedias, the 1911 Britannica), of a work whose original date, in brackets after its
    date or as ``orig-year``/``orig-date`` (of a span, its last year), is before the web began
    ("McLintock, Alexander, ed. (April 2009) [1966]. Music: Pipe Bands. An Encyclopaedia of New
    Zealand"; not a bracket that says more than a date, "(2010) [1975 film]", one after a title's
    words, "(BBC) [1971]", nor a broadcast's first airing) and of the notes of a released recording ("Acoustic Tracks
    (CD back cover) (Media notes). Plan B. 679 Recordings. 2005", the release's title unquoted
    and its year before any retrieval, or ``{{cite AV media notes}}`` opening the reference; not a
    quoted or linked title, a web page's): their link is a convenience copy.

    Why: most web citations die within a decade; archiving them while they are live keeps
    the claims verifiable.

    What to do: save the page (web.archive.org/save) and add ``archive-url``/``archive-date``
    with ``url-status=live``.
    """

    code = "CC303"
    name = "unarchived-link"
    severity = Severity.INFO
    options = (
        Option("ignore_hosts", list(STABLE_HOSTS),
               "Hosts (and their subdomains), or a host with a path prefix, whose links need no archive."),
    )

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        entries = [entry.lower() for entry in ctx.options.get("ignore_hosts", STABLE_HOSTS)]
        ignore = frozenset(entry for entry in entries if "/" not in entry)
        ignore_paths = [(host, "/" + prefix) for host, _, prefix in (e.partition("/") for e in entries if "/" in e)]
        tagged_dead = tagged_in_prose(doc)
        # A page another entry of the list already records an archive copy of: that copy serves
        # this entry too (the entries want merging, not a second archive).
        archived_elsewhere = {url_key(ref.get("url")) for ref in doc.references if has_archive(ref)} - {""}
        for ref in doc.references:
            url = ref.get("url").strip()
            if not (url or ref.get("access_date").strip()) or has_archive(ref) or dead_reason(ref):
                continue
            if url_key(url) in archived_elsewhere:
                continue
            if id(ref) in tagged_dead:
                continue  # CC301 reports it
            if findable_without_link(ref.raw, ref.get("title")):
                continue  # a book or article with an ISBN or DOI stays findable: its link is a convenience
            if printed_publication(ref) or journal_article_by_volume(ref):
                continue  # a page of a printed issue, book or edition: the link is a scan or copy of it
            hosts = {h.lower() for h in (ref.domain, _host(url), *_named_hosts(ref)) if h}
            if any(_within(host, ignore) for host in hosts) or _under_stable_path(url, ignore_paths):
                continue
            where = url or (f"a web page on {ref.domain}" if ref.domain else "a web page")
            yield self.finding(
                ctx,
                f"{ref.label} cites {where} with no archive copy: archive it while it is live",
                ref.span,
                reference=ref,
                refs=[ref.key],
                evidence={"url": url},
            )


def _named_hosts(ref: Reference) -> list[str]:
    """The hosts of the sites a reference names as its work, publisher or "via": by name
    ("Wikipedia") or by address, as rendered copies print a website ("pubchem.ncbi.nlm.nih.gov");
    and the site a page's title ends with ("… : Free Download & Streaming : Internet Archive")."""
    names = [ref.get(field).strip().lower() for field in ("work", "publisher", "via")]
    title_end = _TITLE_END.search(ref.get("title"))
    if title_end:
        names.append(title_end.group(1).lower())
    sites = (_EDITION.sub("", name.split(",", 1)[0]).strip() for name in names)
    return [site if is_domain(site) else _STABLE_SITE_NAMES.get(site, "") for site in sites]


# The edition after a work's name: "Oxford English Dictionary (Online ed.)".
_EDITION = re.compile(r"\s*\([^)]*\bed(?:\.|ition)\)")
# The last part of a page's title, where sites put their name: "… : Internet Archive", "… - Wikipedia".
_TITLE_END = re.compile(r"\s(?::|\||-|–|—)\s+([^:|]+?)\s*$")


def _under_stable_path(url: str, stable_paths: list[tuple[str, str]]) -> bool:
    """Whether ``url`` lies under one of the (host, path prefix) pairs: "news.google.com",
    "/newspapers"."""
    if not url or not stable_paths:
        return False
    host = _host(url).lower()
    rest = url.split("://", 1)[-1]
    path = rest[rest.find("/"):] if "/" in rest else ""
    return any((host == stable_host or host.endswith("." + stable_host)) and path.startswith(prefix)
               for stable_host, prefix in stable_paths)


def _within(host: str, hosts: frozenset[str]) -> bool:
    """Whether ``host`` is one of ``hosts`` or a subdomain of one."""
    labels = host.split(".")
    return any(".".join(labels[i:]) in hosts for i in range(len(labels)))


def _host(url: str) -> str:
    """The host of ``url`` without "www.", Google's country sites read as google.com
    ("books.google.co.uk", "books.google.com.hk": the same Google Books)."""
    rest = url.split("://", 1)[-1]
    host = rest.split("/", 1)[0].split("?", 1)[0].split(":", 1)[0]
    host = host[4:] if host.startswith("www.") else host
    return _GOOGLE_COUNTRY_SITE.sub(r"\1.com", host)


_GOOGLE_COUNTRY_SITE = re.compile(r"^((?:[\w-]+\.)*google)\.(?:com?\.)?[a-z]{2}$", re.I)

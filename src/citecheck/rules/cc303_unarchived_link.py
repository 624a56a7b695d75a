"""CC303: a cited web page with no archive copy recorded (informational)."""

from __future__ import annotations

import re
from typing import Iterator

from citecheck.model import Document, Finding, Reference, Severity
from citecheck.parsers.citations import findable_without_link, is_domain, url_key
from citecheck.parsers.dates import PartialDate, reference_date
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
    Directive 80/181/EEC", a statute by its short title and year, "The St Helena, Ascension and
    Tristan da Cunha Constitution Order 2009", a French decree by its number, "Décret n° 80-313",
    "Code of Federal Regulations Title 21", "AS/NZS 3788:2006", "RFC 3190", "ISO 832:1994 …",
    "International Organization for Standardization, Procedure 719", "USDA Forest Service PSW
    RP-264", "Army Regulation 5-1", "NTRP 1-02", a court's judgment by its citation, "[2012] EWHC
    1372 (Ch)", "447 U.S. 303 (1980)"; not a page about one, "ISO 9001 certification for …"), of pages of a law gazette
    ("Reichsgesetzblatt Teil I S. 849"), of the columns of a debate in Parliament's record in
    Hansard's form ("HC Deb 17 June 1925 vol 185 cc494-5"), of chapter and verse of scripture ("Exodus 7:1–2") and of
    a printed publication (a page of a newspaper or magazine issue or a report dated, to the
    month or day, before the web: "Sports Illustrated. February 23, 1976. p. 12"; an article of
    such an issue dated to the day, by its title and the newspaper's or magazine's name: '"Dam
    opened". The Guardian. 3 March 1990.' (not a site's address, "Thecrimson.com", a
    broadcaster's or an agency's page, "BBC", nor a page its link dates later, "…/2008/06/22/…");
    a book from a
    publishing house, "University of California Press. p. 44" or "Gyldendalske Boghandels
    Forlag. pp. 614–615", or one printed before the web,
    with or without its page: "New York: Harper Brothers", 1957, or any publisher after an
    unquoted title dated by its year, "(1924). Electrical Condition. J.S. Phillips." (not a
    ``{{cite web}}``, ``{{cite news}}`` or journal, a website's copy or a thesis); not an article of a learned
    journal by its volume, "16 (10): 1398", nor an issue dated to its month cited without its
    page), of a paper in a
    meeting's proceedings ("… (PDF). Proc. Solid State Sensors, Actuators and Microsystems
    Workshop"; not by volume and pages, "Proc. of SPIE 5301: 264–275"), of a numbered
    edition of a book ("Cambridge Idioms Dictionary (2nd ed.)", "Handbook of Chemistry and Physics
    81st edition"; not one cited as a PDF, published as that file), of a chapter of an edited book
    with its pages ("In Porter, Stephen R (ed.). … Jossey-Bass. p. 63–74"), of an entry of a
    dictionary named with its publishing house and year ("McGraw-Hill Dictionary of Scientific and
    Technical Terms, McGraw-Hill Companies, Inc., 2003"), of an encyclopedia printed before the web (the Catholic and Jewish
    Encyclopedias, the 1911 Britannica) and of the notes of a released recording ("Acoustic Tracks
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
            if printed_page(ref) or _printed_reference(ref.raw) or _release_notes(ref.raw):
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


# The web opened to the public in the early 1990s: an issue dated before 1995 was printed first.
_WEB_ERA_YEAR = 1995
# A page of a printed work: "p. 12", "pp. 383–391", "|page=29", or a page after the periodical's
# name ("Sports Illustrated: 48", "… zu Berlin: 844–847").
_PRINTED_PAGE = re.compile(r"\bpp?\.\s*\d|\|\s*pages?\s*=\s*\d|[^\W\d]\s*:\s*\d+(?:\s*[–—-]\s*\d+)?(?:\.|\s|$)")
# A volume, which marks a learned journal: "16 (10): 1398", "70C (4): 262", "vol. 27", "|volume=",
# or a number standing alone between full stops ("(PDF). 27. Journal of …").
_VOLUME = re.compile(
    r"\b\d+[A-Z]?\s*(?:\([^)]*\))?\s*:\s*\d|\bvol(?:ume)?\.?\s*\d|\|\s*volume\s*=|(?:^|(?<!p)[.;]\s)\d{1,4}\.(?:\s|$)",
    re.I,
)
# A publishing house of books: "University of California Press", "Gregg Publishing Company",
# "Springer Verlag", "Gyldendalske Boghandels Forlag", "Harper Brothers", "Charles Scribner's
# Sons"; not a news agency or a newspaper ("Associated Press", "United Press International",
# "Detroit Free Press").
_PUBLISHING_HOUSE = re.compile(
    r"(?<!Associated )(?<!Canadian )(?<!United )(?<!Free )\bPress\b(?!\s+Association)|\bPublish(?:ing|ers)\b"
    r"|\b(?:Verlag|Forlag|Förlag)(?:et)?\b"
    r"|\b(?:Brothers|Sons)\b|\bBros\."
)


# An edition of a book by its number ("Handbook of Chemistry and Physics 81st edition", "Cambridge
# Idioms Dictionary (2nd ed.)"; not "the 18th edition of" a festival).
_NUMBERED_EDITION = re.compile(r"\(\d+(?:st|nd|rd|th)\s+ed\.?\)|\b\d+(?:st|nd|rd|th)\s+edition\b(?!\s+of\b)", re.I)
# An encyclopedia printed before the web, whose entries every site copies: the Catholic and
# Jewish Encyclopedias, the 1911 Britannica.
_PRE_WEB_ENCYCLOPEDIA = re.compile(
    r"\b(?:Catholic|Jewish)\s+Encyclop(?:e|ae|æ)dia\b|\bEncyclop(?:e|ae|æ)dia\s+Britannica\s*\(?(?:1911|11th|Eleventh)\b"
    r"|\b(?:1911|Eleventh\s+Edition)\s+(?:Encyclop(?:e|ae|æ)dia\s+)?Britannica\b|\bEB1911\b",
    re.I,
)


# A dictionary or encyclopedia named with its publishing house and year, as a site copying its
# entries credits it: "McGraw-Hill Dictionary of Scientific and Technical Terms, McGraw-Hill
# Companies, Inc., 2003" (not an online work run by a research body).
_PRINTED_REFERENCE_WORK = re.compile(
    r"\b(?:Dictionary|Encyclop(?:e|ae|æ)dia)\s+of\s+[A-Z][^,.]{2,60},\s*"
    r"[^,]{0,60}?\b(?:Inc\.?|Press|Publish\w*|Compan(?:y|ies)|Ltd\.?|Verlag|Sons)(?:,\s*Inc\.?)?,\s*(?:1[5-9]|20)\d\d\b")


def _printed_reference(raw: str) -> bool:
    """Whether an entry cites a printed book by its numbered edition or an encyclopedia printed
    before the web, whose link is a copy. A ``{{cite web}}``'s edition is the page's own ("Code of
    Conduct: 3rd Edition – December 2010"), an edition cited as a PDF ('"Control Valve Handbook"
    (PDF) (5th ed.)') is published as that file, and one named after the retrieval date is a
    book the page was adapted from."""
    # A pattern is tried only on an entry with a word it needs, or after the cheaper tests:
    # most entries are web pages that none of them fits.
    lowered = raw.lower()
    if ("encyclop" in lowered or "britannica" in lowered or "eb1911" in lowered) \
            and _PRE_WEB_ENCYCLOPEDIA.search(raw) is not None:
        return True
    cited = _RETRIEVED.split(raw, 1)[0]
    if ("Dictionary" in cited or "Encyclop" in cited) and _PRINTED_REFERENCE_WORK.search(cited) is not None:
        return True  # a site's copy of an entry of a printed dictionary, found by its headword
    return (_CITE_WEB.search(raw) is None and _PDF.search(raw) is None
            and _NUMBERED_EDITION.search(cited) is not None)


# The notes printed with a released recording, as ``{{cite AV media notes}}`` renders them: the
# notes named in brackets after the release's title ("Avant que l'ombre (Maxi CD Single liner
# notes). Mylène Farmer. Polydor. 2005. 982 868-5", "Farmer, Mylène (2005). Avant que l'ombre
# (Maxi CD Single liner notes). Polydor", "Acoustic Tracks (CD back cover) (Media notes). Plan B.
# 679 Recordings. 2005"); or the template itself, opening the reference.
_NOTES_BRACKET = re.compile(r"\((?:[^()]{0,60}\s)?(?:liner|sleeve|media)\s+notes\)", re.I)
_NOTES_TEMPLATE = re.compile(r"\{\{\s*cite\s+(?:AV\s+media\s+notes|album[\s-]notes)\b", re.I)
_RELEASE_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _release_notes(raw: str) -> bool:
    """Whether an entry cites the notes of a released recording, which are found by the release
    (its label, year and catalogue number): a site's scan of the sleeve is a copy. The notes'
    bracket must stand outside any quoted title, link or other template ('"Thriller (liner
    notes)". Fan Archive' is a page's title), with the release's year before any retrieval."""
    if _NOTES_TEMPLATE.match(raw.lstrip()):
        return True
    cited = _RETRIEVED.split(raw, 1)[0]  # the release's year, not the visit's
    bracket = _NOTES_BRACKET.search(cited)
    if bracket is None or _RELEASE_YEAR.search(cited) is None:
        return False
    before = cited[:bracket.start()]
    return (before.count('"') % 2 == 0 and before.count("“") == before.count("”")
            and before.count("[") == before.count("]") and "{{" not in before)


_RETRIEVED = re.compile(r"\bRetrieved\b", re.I)
_PDF = re.compile(r"\(PDF\)|\|\s*format\s*=\s*PDF\b", re.I)


# A paper's quoted title, then the proceedings it is printed in: '"SEQUEL: …" (PDF). Proceedings
# of the 1974 ACM SIGFIDET Workshop', '"Coqui frog research …". Managing Vertebrate Invasive
# Species: Proceedings of an International Symposium'.
_PROCEEDINGS_PAPER = re.compile(r"[\"“][^\"”]{10,}[\"”]\s*(?:\(PDF\)\s*)?\.\s*(?:[^.:]{3,80}:\s*)?Proc(?:eedings)?\b")


def printed_page(ref: Reference) -> bool:
    """Whether an entry cites a printed publication: a page of an issue or report dated, to the
    month or day, before the web ("Sports Illustrated. February 23, 1976. p. 12"), an article of an
    issue dated to the day before the web, by its title and periodical, or a book from
    a publishing house, a page of it ("University of California Press. p. 44") or, printed before
    the web, the whole book ("New York: Harper Brothers", 1957; "(1848). Newton's Principia. D.
    Adee."), or a paper of a meeting's proceedings ('"3-D patterned microstructures …" (PDF).
    Proc. Solid State Sensors, Actuators and Microsystems Workshop'). The printed work is the source,
    found by its publication, date and page, and the link only a scan or copy of it. Articles of
    learned journals, cited by volume, are left to their DOI. A chapter of an edited book ("In
    Porter, Stephen R (ed.).") is a book's part."""
    # Most entries are web pages that none of the print tests holds, so the journal's volume,
    # which overrules them all, is looked for last.
    return _printed(ref) and _VOLUME.search(ref.raw) is None


def _printed(ref: Reference) -> bool:
    raw = ref.raw
    if "Proc" in raw and _PROCEEDINGS_PAPER.search(raw) is not None:
        return True  # a paper in the printed proceedings of a meeting
    published = reference_date(ref, "date")
    lowered = raw.lower()
    book = (any(_PUBLISHING_HOUSE.search(ref.get(field)) for field in ("work", "publisher"))
            or ("(ed" in lowered or "(hrsg" in lowered) and _IN_EDITED_BOOK.search(raw) is not None)
    if published is not None and published.year < _WEB_ERA_YEAR and (book or _whole_book(ref, published)):
        return True  # a book printed before the web, whether or not its page is given
    if (published is not None and published.day is not None and published.year < _WEB_ERA_YEAR
            and _titled_in_periodical(ref) and not _dated_later_by_link(ref, published.year)):
        return True  # an article of an issue printed before the web, found by its periodical, day and title
    # A page of an issue before the web (after it, perhaps online only), or of a book; the page,
    # looked for in the whole entry, is looked for last.
    if published is not None and published.month is not None:
        printed = published.year < _WEB_ERA_YEAR
    else:
        printed = book
    return printed and _PRINTED_PAGE.search(raw) is not None


def _titled_in_periodical(ref: Reference) -> bool:
    """Whether an entry gives its article's title and the newspaper or magazine it appeared in, by
    a name that ends as a paper's or magazine's does ("The New York Times", "Sarasota Journal",
    "The Times (London)", "People"); not a site's address ("Thecrimson.com"), a broadcaster's or
    an agency's page ("BBC News", "Geographic Names Information System"), a company ("Sun
    Microsystems", "Time Warner"), an archive of a magazine's pages ("Time Magazine Archives") or
    a chart database ("Billboard"), whatever the template."""
    work = _PLACE_AFTER_NAME.sub("", ref.get("work")).strip()
    if not (ref.get("title").strip() and work) or is_domain(work):
        return False
    return _PERIODICAL_NAME.search(work) is not None


def _dated_later_by_link(ref: Reference, year: int) -> bool:
    """Whether the link's path dates the page to another year of the web era than the entry
    does: "nytimes.com/2008/06/22/…" or "…/2008-06-22/x.html" under a date of "31 December
    1969", a template's empty date."""
    return any(int(found) >= _WEB_ERA_YEAR and int(found) != year for found in _YEAR_IN_PATH.findall(ref.get("url")))


# A year that opens a segment of a link's path: "/2008/", "/1994-03-13/".
_YEAR_IN_PATH = re.compile(r"/((?:19|20)\d\d)(?=[/_-])")
# A paper's place or owner in brackets after its name: "The Times (London)", "Billboard (Nielsen …)".
_PLACE_AFTER_NAME = re.compile(r"\s*\([^()]*\)\s*$")
# The last words of a newspaper's or magazine's name, and magazines known by a name of their own.
_PERIODICAL_NAME = re.compile(
    r"\b(?:Times|Post|Tribune|Journal|Herald|Gazette|Chronicle|Sun|Magazine|magazine|Review|Weekly|Daily|Monthly"
    r"|Observer|Guardian|Independent|Telegraph|Courier|Sentinel|Examiner|Star|Inquirer|Mirror|Express"
    r"|Register|Globe|Bulletin|Dispatch|Enquirer|Advertiser|Mail|Citizen|Ledger|Newspaper|Zeitung|Volk"
    r"|Monde|Figaro|País|Corriere|Repubblica|Stampa|Presse|Tageblatt|Dagblad|Nieuws"
    r"|People|Time|Rolling\s+Stone|Newsweek|Variety|Life|Sports\s+Illustrated|New\s+Scientist"
    r"|Science\s+News|Fortune|Forbes|Economist|New\s+Yorker|Spin)$")


# A chapter of an edited book: 'In Porter, Stephen R (ed.). Overcoming survey research problems',
# "in Nugel, Bernfried (eds.)"; the editors' mark after the names makes it one, in either case.
_IN_EDITED_BOOK = re.compile(r"\bIn:?\s+[^.\"“”]{2,80}?\((?:eds?|editors?|Hrsg)\.?\)", re.I)


def _whole_book(ref: Reference, published: PartialDate) -> bool:
    """Whether an entry has the shape of a whole book: a title in italics, not quoted as an
    article's or a page's is, dated by its year alone and followed by its publisher, whatever the
    publisher is called ("Coxworthy, Franklin (1924). Electrical Condition. J.S. Phillips.")."""
    title = ref.get("title").strip()
    names = [ref.get(field).strip() for field in ("publisher", "work")]
    if not (title and any(names)) or published.month is not None:
        return False
    if _CITE_WEB.search(ref.raw) or any(is_domain(name) for name in names):
        return False  # a web page or an item of a periodical, or a website's copy of the work
    if _THESIS.search(ref.raw):
        return False  # a thesis is kept in a few copies: the one online is the one to read
    at = ref.raw.find(title)
    return at >= 0 and not ref.raw[:at].rstrip().endswith(_QUOTES)


_QUOTES = ('"', "\u201c", "'", "\u2018")
# Templates of pages and periodicals, whose year-dated items are no books.
_CITE_WEB = re.compile(r"\{\{\s*cite\s+(?:web|news|journal|magazine)\b", re.I)
_THESIS = re.compile(r"\b(?:thesis|dissertation)\b", re.I)


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

"""Printed publications: a reference whose work was printed, so that its link is only a copy.

A page of a newspaper or magazine issue printed before the web, a book from a publishing house,
a paper of a meeting's proceedings, a numbered edition, an encyclopedia printed before the web, a
work first published before the web began or the notes of a released recording is found by its
publication, date and page, whatever becomes of the site that scanned it: CC301 does not call it
lost when its link dies, and CC303 does not ask for an archive of the link. An article of a
learned journal with its year is found in the journal's volumes the same way (CC301).
"""

from __future__ import annotations

import re

from citecheck.model import Reference
from citecheck.parsers.citations import is_domain
from citecheck.parsers.dates import MONTH_PATTERN, PartialDate, ambiguous_day_year, reference_date


def printed_publication(ref: Reference) -> bool:
    """Whether an entry cites a printed publication (``printed_page``), a book by its numbered
    edition, an encyclopedia printed before the web, the notes of a released recording, or a
    work first published before the web (``_first_printed_before_the_web``)."""
    return (printed_page(ref) or _printed_reference(ref.raw) or _release_notes(ref.raw)
            or _first_printed_before_the_web(ref.raw))


def _first_printed_before_the_web(raw: str) -> bool:
    """Whether an entry gives its work's original date, before the web began, as when it first
    appeared: "McLintock, Alexander, ed. (April 2009) [1966]. Music: Pipe Bands. An
    Encyclopaedia of New Zealand", "(2010) [originally published in 1966]", "(1983) [June 1964]",
    ``|orig-year=1966``, ``|orig-date=First published 1923``; of a span, its last year
    ("[1876–1878]"). A work first published then was printed, and is found as printed whatever
    becomes of the page that reissues it. Not a bracket that says more than a date ("(2005)
    [1980 data]", "(2010) [1975 film]"), nor a broadcast's first airing (``{{cite AV media}}``,
    ``{{cite episode}}``)."""
    if "[" not in raw and "orig" not in raw.lower():
        return False
    return _BROADCAST_TEMPLATE.search(raw) is None and any(
        _last_year(found) < _FIRST_WEB_YEAR for pattern in _ORIGINAL_DATES for found in pattern.finditer(raw))


def _last_year(found: re.Match[str]) -> int:
    """The last year of an original date: 1878 of "1876–1878", 1980 of "1970–80"."""
    year, end = found.group("year"), found.group("end")
    return int(year[:len(year) - len(end)] + end) if end else int(year)


# An original date as citation templates render it, in brackets after the date ("(April 2009)
# [1966]", "[originally published in 1966]", "[Originally published 1994; New York: Basic
# Books]", "[June 1964]", "[c. 1850]"), or give it (``|orig-year=1966``, ``|origyear=c. 1850``,
# ``|orig-date=First published 1923, in English 1967``, ``|orig-year=Original French 1964``): a
# day, a month and "circa" at most besides the year, or a span of years, before the bracket's or
# the parameter's end or a comma or semicolon that goes on to another date or the publisher.
_ORIGINAL_DATE = (r"(?:(?:[Oo]riginally\s+|[Ff]irst\s+)?[Pp]ublished\s+(?:in\s+)?|[Oo]riginal\s+[A-Z][a-z]+\s+)?"
                  rf"(?:c\.\s*|ca\.\s*|circa\s+)?(?:\d{{1,2}}\s+)?(?:(?i:{MONTH_PATTERN})\s+)?(?:\d{{1,2}},?\s+)?"
                  rf"(?P<year>1[5-9]\d\d)(?:\s*[–-]\s*(?P<end>\d{{2,4}}))?")
_ORIGINAL_DATES = (re.compile(rf"\((?:[^()]{{0,20}}\s)?(?:1[5-9]|20)\d\d[a-z]?\)\s*\[{_ORIGINAL_DATE}(?=\]|;)"),
                   re.compile(rf"\|\s*orig-?(?:year|date)\s*=\s*{_ORIGINAL_DATE}\s*(?=[|}};,])"))
_BROADCAST_TEMPLATE = re.compile(r"\{\{\s*cite\s+(?:AV\s+media|episode|serial|video|podcast)\b", re.I)


# The year the web began: a work first published before it was printed. An issue dated before
# ``_WEB_ERA_YEAR`` was printed too, but a work's first edition of the web's early years may have
# been a site's or a disc's ("Oracle Database SQL Language Reference (2010) [1996]").
_FIRST_WEB_YEAR = 1991


# An original year as citation templates render it, after the date ("(April 2009) [1966]",
# "(2010) [originally published in 1966]", "[Originally published 1994; New York: Basic Books]";
# not a title's bracket, "The Best of The Two Ronnies (BBC) [1971] [DVD]") or give it
# (``|orig-year=1966``, ``|origyear=c. 1850``, ``|orig-date=June 1966``).
_ORIGINAL_YEAR = re.compile(r"\((?:[^()]{0,20}\s)?(?:1[5-9]|20)\d\d[a-z]?\)\s*\[(?:[Oo]riginally\s+published\s+(?:in\s+)?)?"
                            r"(1[5-9]\d\d)\b[^\]]{0,80}\]"
                            r"|\|\s*orig-?(?:year|date)\s*=[^|}]{0,30}?\b(1[5-9]\d\d)\b")


def journal_article(ref: Reference) -> bool:
    """Whether an entry cites an article of a learned journal with its year, by the journal's name
    ("… N. Cepiene, Acta Baltico-Slavica, 2006", "… The Lancet, September 24, 2004") or by its
    volume and pages ("Deep-Sea Research Part II 49, 1601-1622 (2002)"): libraries keep the
    journal, whatever becomes of the link. The year counts only before any retrieval date."""
    cited = _before_retrieval(ref.raw)
    return _YEAR.search(cited) is not None and (_LEARNED_JOURNAL.search(cited) is not None
                                                 or _has_volume_and_pages(cited))


def journal_article_by_volume(ref: Reference) -> bool:
    """Whether an entry cites an article of a journal by its year, volume and pages, and not as
    a website's, a newspaper's or a magazine's page (``{{cite web}}``, ``{{cite news}}``,
    ``{{cite magazine}}``): "Proceedings of the Institute of Radio Engineers. 16 (10): 1398–1405"."""
    raw = ref.raw
    # The template, which most entries open with, is looked for first: no other test is needed then.
    template = _NOT_JOURNAL_TEMPLATE.search(raw)
    if template is not None and _RETRIEVED.search(raw, 0, template.start()) is None:
        return False
    cited = _before_retrieval(raw)
    return _YEAR.search(cited) is not None and _has_volume_and_pages(cited)


def _has_volume_and_pages(text: str) -> bool:
    """Whether the text gives a volume and its pages, the pages in order (a score runs the other
    way: "Game 7: 4–3", "Scotland 1: 2–0"); a range's end may drop the digits it shares, "1601-22"."""
    for match in _VOLUME_AND_PAGES.finditer(text):
        first, last = match.group(1), match.group(2)
        if len(last) < len(first):
            last = first[:len(first) - len(last)] + last
        if int(last) > int(first):
            return True
    return False


_NOT_JOURNAL_TEMPLATE = re.compile(r"\{\{\s*cite\s+(?:web|news|magazine)\b", re.I)


# A learned journal by its name: "Acta Baltico-Slavica", "Annals of …", "Journal of …",
# "Proceedings of …", "Transactions of …", "The Lancet".
_LEARNED_JOURNAL = re.compile(r"\b(?:Acta\s+[A-Z]|Annals\s+of\s|Journal\s+of\s|Proceedings\s+of\s|Transactions\s+of\s|The\s+Lancet\b)")
# A journal's volume, perhaps its issue, and its pages: "49, 1601-1622", "16 (10): 1398–1405"
# (the dash also as a copy decoded with the wrong code page prints it, "1601â\x80\x931622");
# not pages listed after "pp." ("pp. 5–6, 13–14"), a score before a date ("5:0, 2013-08-26"), a
# time ("12:06:14 -0400") nor a part's or a season's years ("parte 2: 1970-1980", "Week 5, 2014–15").
_VOLUME_AND_PAGES = re.compile(r"(?<![–:-])(?<!pp\.\s)(?<!p\.\s)\b\d{1,3}\s*(?:\(\d{1,3}\)\s*)?[,:]\s*"
                               r"(?!(?:19|20)\d\d-[01]\d\b|(?:1[89]|20)\d\d\s*[–-]\s*(?:(?:1[89]|20)\d\d|\d\d)\b)"
                               r"(\d{1,5})\s*(?:[–-]|â\x80\x93)\s*(\d{1,5})\b")
# A year of print or of a release: 1800–2099.
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


# The web opened to the public in the early 1990s, and newspapers and magazines put their issues
# on it from 1996 on: an issue dated before 1997 was printed first.
_WEB_ERA_YEAR = 1997
# A page of a printed work: "p. 12", "pp. 383–391", "|page=29", or a page after the periodical's
# name ("Sports Illustrated: 48", "… zu Berlin: 844–847").
_PRINTED_PAGE = re.compile(r"\bpp?\.\s*\d|\|\s*pages?\s*=\s*\d|[^\W\d]\s*:\s*\d+(?:\s*[–—-]\s*\d+)?(?:\.|\s|$)")
# A volume, which marks a learned journal: "16 (10): 1398", "70C (4): 262", "vol. 27", "|volume=4"
# (not a field left empty), or a number standing alone between full stops ("(PDF). 27. Journal of …").
_VOLUME = re.compile(
    r"\b\d+[A-Z]?\s*(?:\([^)]*\))?\s*:\s*\d|\bvol(?:ume)?\.?\s*\d|\|\s*volume\s*=\s*[^\s|}]|(?:^|(?<!p)[.;]\s)\d{1,4}\.(?:\s|$)",
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


# An edition of a book by its number, also in words, ending the title or its part ("Handbook of
# Chemistry and Physics 81st edition", "Cambridge Idioms Dictionary (2nd ed.)", "The American
# Heritage Dictionary of the English Language: Fourth Edition. 2000", "|publisher=Macmillan; 1st
# Edition |"; not "the 18th edition of" a festival, nor a headline, "Moto G 3rd edition review",
# "Pathfinder Second Edition announced").
_NUMBERED_EDITION = re.compile(
    r"\(\d+(?:st|nd|rd|th)\s+ed\.?\)|\b(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth"
    r"|Tenth)\s+edition\b(?=\s*(?:[.,;:)\]|}]|\s\d{4}|$))", re.I)
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
    if (("Dictionary" in raw or "Encyclop" in raw)
            and _PRINTED_REFERENCE_WORK.search(_before_retrieval(raw)) is not None):
        return True  # a site's copy of an entry of a printed dictionary, found by its headword
    return (("edition" in lowered or "ed.)" in lowered or "ed)" in lowered)
            and _NUMBERED_EDITION.search(_before_retrieval(raw)) is not None
            and _CITE_WEB.search(raw) is None and _PDF.search(raw) is None)


# The notes printed with a released recording, as ``{{cite AV media notes}}`` renders them: the
# notes named in brackets after the release's title ("Avant que l'ombre (Maxi CD Single liner
# notes). Mylène Farmer. Polydor. 2005. 982 868-5", "Farmer, Mylène (2005). Avant que l'ombre
# (Maxi CD Single liner notes). Polydor", "Acoustic Tracks (CD back cover) (Media notes). Plan B.
# 679 Recordings. 2005"); or the template itself, opening the reference.
_NOTES_BRACKET = re.compile(r"\((?:[^()]{0,60}\s)?(?:liner|sleeve|media)\s+notes\)", re.I)
_NOTES_TEMPLATE = re.compile(r"\{\{\s*cite\s+(?:AV\s+media\s+notes|album[\s-]notes)\b", re.I)


def _release_notes(raw: str) -> bool:
    """Whether an entry cites the notes of a released recording, which are found by the release
    (its label, year and catalogue number): a site's scan of the sleeve is a copy. The notes'
    bracket must stand outside any quoted title, link or other template ('"Thriller (liner
    notes)". Fan Archive' is a page's title), with the release's year before any retrieval."""
    if "notes" not in raw.lower():
        return False  # the cheap test first: the template and the bracket both name the notes
    if _NOTES_TEMPLATE.match(raw.lstrip()):
        return True
    cited = _before_retrieval(raw)  # the release's year, not the visit's
    bracket = _NOTES_BRACKET.search(cited)
    if bracket is None or _YEAR.search(cited) is None:
        return False
    before = cited[:bracket.start()]
    return (before.count('"') % 2 == 0 and before.count("“") == before.count("”")
            and before.count("[") == before.count("]") and "{{" not in before)


_RETRIEVED = re.compile(r"\bRetrieved\b", re.I)


def _before_retrieval(raw: str) -> str:
    """An entry's words before its retrieval date: what it says of the work, not of the visit."""
    return _RETRIEVED.split(raw, 1)[0]


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
    learned journals, cited by volume (looked for outside the entry's links), are left to their
    DOI. A chapter of an edited book ("In Porter, Stephen R (ed.).") is a book's part."""
    # Most entries are web pages that none of the print tests holds, so the journal's volume,
    # which overrules them all, is looked for last.
    return _printed(ref) and _VOLUME.search(_LINK.sub(" ", ref.raw)) is None


# A link in an entry, whose digits ("?dids=68772275:68772275") give no volume.
_LINK = re.compile(r"(?:https?:)?//[^\s|}\]]+")


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
    day_year = published.year if published is not None and published.day is not None else ambiguous_day_year(
        ref.get("date"))
    if (day_year is not None and day_year < _WEB_ERA_YEAR
            and _titled_in_periodical(ref) and not _dated_later_by_link(ref, day_year)):
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
    r"|Science\s+News|Fortune|Forbes|Economist|New\s+Yorker|Spin"
    # the music press, and papers named otherwise ("The Village Voice", "The Atlanta Journal-Constitution")
    r"|Melody\s+Maker|NME|Down\s?[Bb]eat|Cash\s?[Bb]ox|Record\s+World|Music\s+Week|Hit\s+Parader|Jet|Ebony|Creem"
    r"|Village\s+Voice|Atlanta\s+(?:Journal(?:[\s-]|\s+and\s+))?Constitution)$")


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

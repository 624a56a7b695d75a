"""CC504: two reference entries for the same source."""

from __future__ import annotations

import heapq
import os
import re
import unicodedata
from difflib import SequenceMatcher
from typing import Callable, Iterator

from citecheck.model import Document, Finding, Reference, Severity
from citecheck.parsers.citations import is_domain, page_url_key, source_url_key, url_key
from citecheck.parsers.dates import find_dates, reference_date
from citecheck.parsers.numbers import parse_number
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.cc501_undefined_reference import entry_label

_PUNCT = re.compile(r"[^\w\s]")
_PAGE_PARAM = re.compile(
    r"\|\s*(?:p|pp|page|pages|at|loc|location|seite|seiten|chapter|section|volume|issue)\s*=\s*([^|}]+)", re.I
)
# Pages, and the numbered parts a page stands for in a statute, a reference work or a paper:
# "p. 73", "S. 15", "Art. 11", "Articles 52 and 53", "§ 4", "#page=37", "Section (4.1.1)", "Eq.(39)-(40)"; a folio's
# side and line stay part of it ("page 67b3", "p. 12a"), but not a word ("p. 12th").
# Roman numerals number a book's front matter ("p. viii", "pp. VII–IX").
_PAGE_NUMBER = r"(?:\d+(?:[a-z]\d*(?![a-z]))?|\b(?:x{0,3}(?:ix|iv|v?i{1,3}|v)|x{1,3})\b)"
# A range whose end drops the digits it shares with its start: "5446–51" is 5446–5451.
_SHORT_RANGE = re.compile(r"\b(\d+)([–—-])(\d+)\b")
_PAGE_TEXT = re.compile(
    r"(?:\b(?:pp?|pg|S|Seite|page|pages|Art|Articles?|sec|section|para|eqs?|equations?)\.?\s*"
    r"|\b(?:sec|section|eqs?|equations?)\.?\s*\(|§\s*|#page=)"
    rf"({_PAGE_NUMBER}(?:(?:\s(?:and|&)\s|[\s,–—-]+){_PAGE_NUMBER})*)", re.I
)
# An anchor that numbers a part of a page, a year's or an entry's, as a page number does a book's:
# a results page's "cb.htm#1996" and "cb.htm#1997".
_NUMBERED_ANCHOR = re.compile(r"#(\d{1,4})\s*$")
# An anchor that names a section of a page: "spec#Assignability", "faq#implements_interface";
# not a fragment that sets what the page shows ("#v=onepage", "#!/story"), a sharing tool's
# tracking ("#ixzz3Tq", "#.VxYz", "#sthash.Ab12.dpuf", "#utm_source") or the page's own parts
# every article has, by the name they start with ("#comments", "#comment-12", "#more-1234", "#skip").
_SECTION_ANCHOR = re.compile(r"#((?!ixzz|axzz)[A-Za-z][\w.:-]{0,80})\s*$")
_PAGE_FURNITURE = re.compile(
    r"(?:top|bottom|skip|content|main|nav|comments?|respond|more|article|story|page|print|video|gallery|disqus"
    r"|share|social|sthash|utm_|mostpopular|storylink|related|footer|header)", re.I)
# A journal article's pages after its volume and issue: "Notices of the AMS. 51 (11): 1337.",
# "Ecological Monographs. 69: 25–46.", also after its publisher: "Billboard (Nielsen Business
# Media, Inc) 116 (38): 65."
_JOURNAL_PAGES = re.compile(r"(?:^|[.,)]\s)\d{1,4}\s?(?:\([^()]{1,15}\))?:\s?(\d+(?:[–—-]\d+)?)(?=[.,;\s]|$)")
_NBSP = re.compile(r"&nbsp;|&#160;|\u00a0")
# An en or em dash decoded in the wrong encoding ("1336â\x80\x931347"), as text copies print it.
_MOJIBAKE_DASH = re.compile("\u00e2\u0080[\u0093\u0094]")
# The part of a book a text copy prints after its ISBN, where the citation linked a chapter or
# section ("ISBN 0-8153-3218-1. DNA Replication Mechanisms: DNA Topoisomerases …"); not the
# identifiers, dates and tags that follow an ISBN as well.
_PART_AFTER_ISBN = re.compile(r"\bISBN:?\s*[\dXx][\dXx\s–-]*[\dXx]\.?\s+(?!(?:Retrieved|Archived|Accessed|OCLC|"
                              r"doi|PMID|PMC|ISSN|Bibcode|JSTOR|LCCN|S2CID|ISBN)\b)([^\[\s][^\[]{7,}?)\s*(?:\[.*)?$",
                              re.I | re.S)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_SHORT_CITE = re.compile(r"\{\{\s*(?:sfn|harv|rp\b)", re.I)


def page_key(ref: Reference) -> str:
    """The pages or part an entry points to ("p. 73", "p. viii", "|pages=80–85", "#page=37",
    a journal's "51 (11): 1337", a chapter printed after the ISBN, a numbered anchor "#1996"),
    normalised."""
    raw = _MOJIBAKE_DASH.sub("–", _NBSP.sub(" ", ref.raw))
    found = [m.group(1) for m in _PAGE_PARAM.finditer(ref.raw)]
    found.extend(m.group(1) for m in _PAGE_TEXT.finditer(raw))
    found.extend(m.group(1) for m in _JOURNAL_PAGES.finditer(raw))
    found.extend(m.group(1) for m in _PART_AFTER_ISBN.finditer(raw))
    if anchor := _NUMBERED_ANCHOR.search(ref.get("url")):
        found.append(anchor.group(1))
    return " ".join(sorted({_fold(_SHORT_RANGE.sub(_full_range, f)) for f in found if f.strip()}))


def _full_range(match: re.Match[str]) -> str:
    start, dash, end = match.groups()
    if len(end) < len(start):
        end = start[:len(start) - len(end)] + end
    return f"{start}{dash}{end}"


class _SharingKey:
    """The entries that share a source key, as ``ref`` is compared with them: the first at the
    same pages, and those at the same pages under the same title (a series' items at one address,
    one of them listed twice) that may be its source: with its note, and, for a shared title, at
    its page or at none (``_same_source`` tells the rest apart). Not every one, which a page of a
    thousand entries at one address, or under one title, would make a million comparisons. Pages
    are read only once a second entry shares the key."""

    def __init__(self, kind: str, first: Reference) -> None:
        self._kind = kind
        self._pending: Reference | None = first
        self._first: dict[str, Reference] = {}  # by pages
        # The later entries by pages, title and note, then by page link, each with its place in order.
        self._later: dict[tuple[str, str, str], dict[str, list[tuple[int, Reference]]]] = {}
        self._added = 0

    def compared(self, ref: Reference, pages_of: Callable[[Reference], str]) -> list[Reference]:
        if self._pending is not None:
            self._first[pages_of(self._pending)] = self._pending
            self._pending = None
        pages = pages_of(ref)
        first = self._first.get(pages)
        if first is None:
            return []
        group, link = self._grouping(ref, pages)
        by_link = self._later.get(group, {})
        # Under a shared title, an entry at another page is another source; one at none may not be.
        candidates = [by_link.get(link, []), by_link.get("", [])] if link else list(by_link.values())
        return [first, *(other for _, other in heapq.merge(*candidates, key=lambda entry: entry[0]))]

    def add(self, ref: Reference, pages_of: Callable[[Reference], str]) -> None:
        """Adds an entry after ``compared`` was asked for it."""
        pages = pages_of(ref)
        if pages not in self._first:
            self._first[pages] = ref
            return
        group, link = self._grouping(ref, pages)
        self._later.setdefault(group, {}).setdefault(link, []).append((self._added, ref))
        self._added += 1

    def _grouping(self, ref: Reference, pages: str) -> tuple[tuple[str, str, str], str]:
        """An entry's pages, title and note, and for a shared title its page's link: entries of
        other notes are other notes, and entries under one title at two pages are two sources."""
        link = page_url_key(ref.get("url")) if self._kind == "title" else ""
        return (pages, _fold(ref.get("title")), _fold(ref.get("note"))), link


def _same_source(kind: str, earlier: Reference, ref: Reference, links_printed: bool) -> bool:
    """Whether two entries at the same pages that share a key of ``kind`` cite one source: not
    "The World Factbook" at two pages of its site, nor two works behind one link copied to the
    wrong one, nor two items of a series behind one address, nor two footnotes of different
    notes before the source they cite, or one with a note and one without, nor, in a copy that
    prints no links, two undated pages of a site it names by its address."""
    if _fold(earlier.get("note")) != _fold(ref.get("note")):
        return False
    if kind == "title":
        return not (_different_urls(earlier, ref) or _different_sections(earlier, ref)
                    or not links_printed and _undated_pages_of_a_site(earlier, ref))
    if _different_works(earlier, ref):
        return False
    return kind != "url" or not (_other_authors_other_words(earlier, ref) or _name_different_items(earlier, ref)
                                 or _different_sections(earlier, ref))


def _undated_pages_of_a_site(a: Reference, b: Reference) -> bool:
    """Whether both entries cite a page of a website named by its address ("golang.org"), with
    no author, date, day of retrieval or of archiving, under a title that names no year: a
    spec's sections and a tool's queries share such a title, and only their links, which the
    copy lost, told them apart; "The Nobel Prize in Physics 1932" is one year's page, and an
    author's article one article."""
    return all(not (ref.get("author") or ref.get("date") or ref.get("access_date")
                    or ref.get("archive_date") or _YEAR.search(ref.get("title")))
               and _site_address(ref.get("work") or ref.get("publisher")) for ref in (a, b))


def _site_address(name: str) -> bool:
    """Whether a work's name is a website's address, as a copy prints a citation's site
    ("golang.org", "www.bls.gov"), not an abbreviated journal ("Ann.Math.", "Phys.Rev.")."""
    return is_domain(name) and name.rpartition(".")[2].islower()


def _different_sections(a: Reference, b: Reference) -> bool:
    """Whether both entries point to a section of the page, each to another, as a book's pages
    are cited apart: "spec#Assignability" and "spec#Type_switches"."""
    sections = [_section(ref.get("url")) for ref in (a, b)]
    return all(sections) and sections[0] != sections[1]


def _section(url: str) -> str:
    anchor = _SECTION_ANCHOR.search(url)
    return anchor.group(1).lower() if anchor and not _PAGE_FURNITURE.match(anchor.group(1)) else ""


def _different_urls(a: Reference, b: Reference) -> bool:
    """Whether the two entries link different pages (two searches count as two pages), or
    different sites (two parishes' home pages under one generic title), or two links to one
    site written differently (its host, its front page "…/home.do", a page of it), retrieved
    on different days (a data portal consulted twice for different figures)."""
    url_a, url_b = page_url_key(a.get("url")), page_url_key(b.get("url"))
    if url_a and url_b:
        return url_a != url_b
    site_a, site_b = (url_key(ref.get("url")).partition("/")[0] for ref in (a, b))
    if not site_a or not site_b:
        return False
    if site_a != site_b:
        return True
    retrieved_a, retrieved_b = _fold(a.get("access_date")), _fold(b.get("access_date"))
    return (url_key(a.get("url")) != url_key(b.get("url"))
            and bool(retrieved_a and retrieved_b) and retrieved_a != retrieved_b)


def _fold(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


_LINKING_WORDS = frozenset("a an the of and or in on at to for by with from".split())
# How alike two spellings of a title's words are, at least ("Lagfacta", "Lagfakta": 0.875).
_SAME_SPELLING = 0.8


def _title_words(*texts: str) -> frozenset[str]:
    return frozenset(word for text in texts for word in _fold(text).split() if word not in _LINKING_WORDS)


def _different_works(a: Reference, b: Reference) -> bool:
    """Whether two entries that share a link are different works: published on different
    days, under titles with less than half their words in common, neither within the other's
    title and site (two Times articles of May and September 1992 behind one archive link).
    One link serves one of them by mistake: that is no second entry for the same source. A
    page described twice has one date, or none ("Adlershof in Brief" and "Adlershof in
    Numbers" at one address). An undated entry is dated by the days its title names (two
    archive pages of a site's news, "(December 25, 2005 – January 20, 2006)" and "(February 9 –
    March 7, 2006)"). A page published in two periods that do not overlap, each entry archived on its
    own day, is two versions of it, each cited as it then read (a company's "About Us" of 2000
    and of 2002; not a report dated 2010 in one entry and November 2010 in the other)."""
    date_a, date_b = _dated(a), _dated(b)
    if not date_a or not date_b or date_a == date_b:
        return False
    if _versions_of_one_page(a, b):
        return True
    title_a, title_b = _title_words(a.get("title")), _title_words(b.get("title"))
    if not title_a or not title_b:
        return False
    if (title_a <= title_b | _title_words(b.get("work"), b.get("publisher"))
            or title_b <= title_a | _title_words(a.get("work"), a.get("publisher"))):
        return False
    return 2 * len(title_a & title_b) <= len(title_a | title_b)


def _other_authors_other_words(a: Reference, b: Reference) -> bool:
    """Whether two entries that share a link name authors and titles with no word in common,
    dated or not: a club's "Zgodovina kluba" by NK Olimpija and the league's match report
    "Zapisnik tekme: Olimpija 1:1 Maribor" by PrvaLiga, both linking the club's page; not
    "Structure" by ISO and "Liaisons" by ISO/IEC, two names for one page of one body. (A shared
    DOI names one work, whatever its translated title and transliterated author.)"""
    authors_a, authors_b = _title_words(a.get("author")), _title_words(b.get("author"))
    titles_a, titles_b = _title_words(a.get("title")), _title_words(b.get("title"))
    return all((authors_a, authors_b, titles_a, titles_b)) and not authors_a & authors_b and not titles_a & titles_b


def _name_different_items(a: Reference, b: Reference) -> bool:
    """Whether two entries' titles name different items of one series: both open with the
    series' name (two words or more besides "of", "the" and the like) and differ in words the
    other title lacks ("Weekly Soundtrack – "The Test"" and "… "The Showdown"", "Luge World Cup
    Whistler men's singles results" and "… women's singles results"), or open and close with it,
    a word at least at each end, around a capitalised name ("PWI Feud of the Year" and "PWI
    Match of the Year", "TNA Hard Justice 2005" and "TNA Slammiversary 2005"; not "Smith signs
    new contract with United" and "Smith agrees …", nor "List of 1980s Hall of Fame Inductees"
    and "List of 2000s …", one page's parts). Not a title that adds to
    the other ("Outdoor Archery World Championships Individual Medallists", "Outdoor
    Medallists"), nor a page's parts under its one name ("Adlershof in Brief", "Adlershof in
    Numbers"), nor titles that differ in their opening words ("Fast Facts – Did You Know?",
    "The Oscars Did You Know?"), nor a title that names days (whether those tell two works
    apart is for their dates to say), nor one spelled another way (``_spelled_alike``). Two
    headlines of one story after a site's two-word name ("BBC News – Storm hits coast", "BBC
    News – Gale batters coast") read as two items too: the words cannot tell them from a series."""
    title_a, title_b = a.get("title"), b.get("title")
    if _days(title_a) or _days(title_b):
        return False  # told apart by their days, or not, in _different_works
    words_a, words_b = _plain_words(title_a), _plain_words(title_b)
    before = len(os.path.commonprefix([words_a, words_b]))
    after = len(os.path.commonprefix([words_a[before:][::-1], words_b[before:][::-1]]))
    opening = [word for word in words_a[:before] if word not in _LINKING_WORDS]
    closing = [word for word in words_a[len(words_a) - after:] if word not in _LINKING_WORDS]
    item_a, item_b = ([word for word in words[before:len(words) - after]
                       if word not in _LINKING_WORDS and word != "s"]  # nor a possessive's "s"
                      for words in (words_a, words_b))
    if len(opening) < 2 and not (opening and closing and _named(title_a, before, after)
                                 and _named(title_b, before, after)):
        return False
    return (bool(item_a) and bool(item_b)
            and not set(item_a) & set(words_b) and not set(item_b) & set(words_a)
            and not _spelled_alike(item_a, item_b))


def _named(title: str, before: int, after: int) -> bool:
    """Whether the words of ``title`` between its first ``before`` and last ``after`` are a
    name, each capitalised ("Hard Justice", "Singles"): an item of a series the title's two ends
    name, where lower-case words ("signs", "agrees") reword one headline."""
    words = _plain_words(title, fold=False)
    return all(word[:1].isupper() for word in words[before:len(words) - after] if word.casefold() not in _LINKING_WORDS)


def _spelled_alike(item_a: list[str], item_b: list[str]) -> bool:
    """Whether two titles' differing words are one spelling of the same words: nearly the same
    letters ("Lagfacta", "Lagfakta"; "Colour", "Color"; "health care", "healthcare"), or a
    number in words and in digits ("Part Three", "Part 3"; not "7A" and "7")."""
    if SequenceMatcher(None, "".join(item_a), "".join(item_b)).ratio() >= _SAME_SPELLING:
        return True
    return len(item_a) == len(item_b) and all(_same_number(x, y) for x, y in zip(item_a, item_b))


def _same_number(word_a: str, word_b: str) -> bool:
    """A number in words and in digits ("three", "3"); each word all digits or all letters."""
    if not all((word.isdigit() and len(word) <= 6) or word.isalpha() for word in (word_a, word_b)):
        return False
    number_a = parse_number(word_a)
    return number_a is not None and number_a == parse_number(word_b)


def _plain_words(title: str, fold: bool = True) -> list[str]:
    """The title's words without accents, folded (or in their own case)."""
    decomposed = unicodedata.normalize("NFKD", title)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _fold(plain).split() if fold else _PUNCT.sub(" ", plain).split()


def _versions_of_one_page(a: Reference, b: Reference) -> bool:
    """Whether the entries cite a page as it read at two times: each archived on its own day,
    published in periods that do not overlap (2000 and 2002, not 2010 and November 2010)."""
    archived_a, archived_b = _days(a.get("archive_date")), _days(b.get("archive_date"))
    if not archived_a or not archived_b or archived_a == archived_b:
        return False
    published_a, published_b = reference_date(a, "date"), reference_date(b, "date")
    return (published_a is not None and published_b is not None
            and (published_a.latest() < published_b.earliest() or published_b.latest() < published_a.earliest()))


def _dated(ref: Reference) -> str:
    """The entry's publication date, else the days its title names, folded."""
    return _fold(ref.get("date")) or _days(ref.get("title"))


def _days(text: str) -> str:
    """The days ``text`` names, as one comparable string."""
    return " ".join(str(match.date) for match in find_dates(text))


# A work's DOI as an entry prints or templates it: "doi:10.2460/javma.231.11.1665", "|doi=10.1038/…";
# not one a text copy breaks at a space ("doi:10.1002/14356007.a06 173", an underscore lost),
# whose first part many works share.
_DOI = re.compile(r"\bdoi\s*[:=]?\s*(10\.\d{4,9}/[^\s|}\]\"]++)(?!\s+\d)", re.I)
# What every DOI holds: found at once by its opening literal, where ``_DOI`` is tried at every character.
_DOI_NUMBER = re.compile(r"10\.\d{4,9}/")


def source_keys(ref: Reference) -> list[tuple[str, str]]:
    """The identities of the source an entry cites: its URL, its DOI, and title+work+date."""
    keys: list[tuple[str, str]] = []
    url = source_url_key(ref.get("url"))
    if url:
        keys.append(("url", url))
    doi = _DOI_NUMBER.search(ref.raw) and _DOI.search(ref.raw)
    if doi:
        keys.append(("doi", doi.group(1).rstrip(".,;").casefold()))
    title = _fold(ref.get("title"))
    if title:  # the work and the date identify nothing without it
        work = _fold(ref.get("work") or ref.get("publisher"))
        date = _fold(ref.get("date"))
        if work or date:
            keys.append(("title", f"{title}\x1f{work}\x1f{date}"))
    return keys


class DuplicateReference(Rule):
    """Two entries of the reference list for the same source.

    Flags an entry that cites the same source as an earlier one: the same URL once
    normalised (scheme, "www.", fragment, tracking parameters such as ``utm_source`` and a
    trailing slash ignored; any other query parameter makes another page), the same DOI
    (not one a text copy broke at a space), or the same
    title, work (or publisher) and date, pointing to the same pages of the same site (two
    parishes' home pages under the title "St Mary's Parish" are two sources, and so are a
    portal's home page and one of its pages retrieved on different days: "American FactFinder"
    consulted in 2008 and in 2012). Two works published on
    different days under different titles that share one link are not one source (the link
    was copied to the wrong one; an undated entry's title may name its days: "NJPW news –
    (February 9 – March 7, 2006)"), nor are two versions of a page, dated in periods that do not
    overlap and each archived on its own day, nor two items of a series behind one address:
    titles that open with the series' name and go on with different words ("Weekly Soundtrack
    – "The Test"" and "… "The Showdown"", "TNA Hard Justice 2005" and "TNA Slammiversary 2005";
    not "Outdoor Medallists" beside "Outdoor Archery
    World Championships Individual Medallists", nor a spelling of the other, "Colour chart"
    and "Color chart"). One page described under two titles is one source. The same entry reused
    through a named reference or repeated markers is not a duplicate, nor are two citations
    of one book or PDF at different pages (or folios: "67b2", "67b3"; articles of one
    statute; sections or equations of one paper: "Section (4.1.1)", "Eq.(39)"; chapters of one
    book, which a text copy prints after its ISBN; front matter in roman numerals, "p. viii";
    a page's numbered anchors, a year's or an entry's, "cb.htm#1996" and "cb.htm#1997";
    a page's sections, where both entries name one by its anchor, "spec#Assignability" and
    "spec#Type_switches", but not a section and the whole page, nor a sharing tool's fragment
    ("#ixzz3Tq") or a page's furniture ("#comments");
    a journal article's pages after its volume and issue, "51 (11): 1337"); a range written
    short is the range in full ("476–9" is "476–479"). A catalogue or
    identifier link (an ISSN or OCLC record, an ISBN search, a DOI prefix) names a journal or
    a whole book, not the article cited, a search page whatever it finds, and a site's host or
    front page ("…/dissemination/home.do", which census tables for different wards all link)
    the site, so none is a URL to compare; a query picks one page, at a site's root too
    ("index.php?p=193"), unless it only sets how the site shows or searches it ("?lang=en",
    "?s=ferry"). In a copy that prints no links (a plain-text copy), two pages of a site it names
    only by its address, with no author and neither dated nor retrieved nor archived on a day
    ('"The Go Programming Language Specification". golang.org.' twice: two sections of the
    spec), are not compared, for only their lost links told them apart; by one author, on one
    day, or under a title that names a year ('"The Nobel Prize in Physics 1932".
    NobelPrize.org.'), they are one page.
    Two entries by authors and under titles that share no word are two works behind one link,
    dated or not. Short citations
    (``{{sfn}}``, ``{{harvnb}}``, "Smith 2001, p. 5") and notes are not compared, nor two footnotes
    that give different notes before citing one source ("Denver traded this selection … Smith,
    Michael (March 2, 2007). "Lions trade Bly …"" and "Detroit traded this selection …" before the
    same citation), nor a footnote with a note and a bare citation of its source (a note is
    prose of four words in lower case or more, besides the little words of a name): merged, a
    note would be lost. Comments and templates other than the citation's are not a note's words.

    Why: duplicate entries split a source's uses, so a correction or an archive link added
    to one misses the others, and the list looks better sourced than it is.

    What to do: merge the entries into one named reference (``<ref name="...">``) and reuse
    it.
    """

    code = "CC504"
    name = "duplicate-reference"
    severity = Severity.WARNING

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        # Entries by source key; pages are read only where two entries share a key (rarely).
        by_key: dict[tuple[str, str], _SharingKey] = {}
        pages: dict[int, str] = {}
        links_printed = doc.format != "text"  # a text copy prints a link's words, not its address

        def pages_of(ref: Reference) -> str:
            if id(ref) not in pages:
                pages[id(ref)] = page_key(ref)
            return pages[id(ref)]

        for ref in doc.references:
            if ref.group or _SHORT_CITE.search(ref.raw):
                continue  # short citations point into a bibliography; their pages tell them apart
            original = None
            matched = ""
            for key in source_keys(ref):
                sharing = by_key.get(key)
                if sharing is None:
                    by_key[key] = _SharingKey(key[0], ref)
                    continue
                earlier = next((other for other in sharing.compared(ref, pages_of)
                                if _same_source(key[0], other, ref, links_printed)), None)
                if earlier is not None and earlier.key != ref.key and original is None:
                    original, matched = earlier, key[0]
                sharing.add(ref, pages_of)
            if original is None:
                continue
            how = {"url": f"same URL {ref.get('url').strip()}", "doi": "same DOI"}.get(matched, "same title, work and date")
            yield self.finding(
                ctx,
                f"reference {entry_label(ref)} duplicates {entry_label(original)} ({how}): merge them into one named reference",
                ref.span,
                reference=ref,
                refs=[original.key, ref.key],
                evidence={"duplicate_of": original.key, "matched": matched},
            )

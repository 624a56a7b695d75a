"""CC505: a reference without a title, or without both a work/publisher and a date."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import Callable, Iterator
from urllib.parse import urlsplit

from citecheck.model import Document, Finding, Reference, Severity
from citecheck.parsers.citations import (COURT_CASE, PATENT_NUMBER, SITE_SEPARATOR, STANDARD_BODIES, US_LAW, WEBARCHIVE,
                                         domain_of, is_domain, names_a_site)
from citecheck.parsers.numbers import undo_double_decoding
from citecheck.parsers.scripture import cites_verses_only
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.cc501_undefined_reference import entry_label
from citecheck.rules.cc503_empty_reference import is_empty, strip_backlinks

_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_WIKILINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]")
# A short citation pointing to a full entry elsewhere: "Smith & Jones 2010, pp. 4–5."
_SHORT_CITE = re.compile(
    r"^[^\d\"“”]{2,80}?\s\(?(?:c\.\s*)?\d{4}[a-z]?\)?"
    r"(?:\s*[,:]\s*(?:pp?\.|pages?|ch\.|chapter)?\s*[\dxivlc–—\-, ]+)?\.?$"
)
# "Sparks, 1:408.", "Ferling, 117": an author and a (volume and) page.
_SHORT_PAGE_CITE = re.compile(r"^[^\d\"“”]{2,40},?\s+(?:\d+:)?\d+(?:[–-]\d+)?\.?$")
# Authors (perhaps a short title or year) and where in the work: "Clifford & Wilson, p. 55",
# "Winchester, pp. 198, 216", "Dicke and Wittke, Introduction to Quantum Mechanics, p. 10f.",
# "Gniazdowski Page 107 -108", "Stein & Weiss, Theorem 1.18", "Kittel, Eq. 42 p. 267". Letters after the locator's
# number end the match, so "p. 5. Oxford University Press" stays a full reference.
_LOCATED_CITE = re.compile(
    r"^[^\"“”«»\d]{2,90}?(?:\(?\d{4}[a-z]?\)?)?[,.:]?\s*"
    r"(?:(?:pp?|pg|pages?|S|ch|chapters?|vol|book|art|§|sec|section|para|table|fig|figure|theorem|lemma|eqn?|equation)"
    r"\.?\s*[\dxivlc]+(?:f{1,2}\b)?(?:[^A-Za-z\n]|\band\b)*)+$",
    re.I,
)
# A short citation followed by a remark or a quotation from the page: "Materski and Szarota
# page 9 Łączne straty …", "Gross Pages 92-93 (Gross cites Polish sources …)".
_LEADING_LOCATED_CITE = re.compile(r"^(?P<who>[^\"“”«»\d]{2,60}?),?\s+(?:pp?\.|pg\.?|pages?)\s*\d+", re.I)
_LEADING_CITE_WORDS = 6
# Latin pointers to a work cited in full elsewhere: "World Bank, op.cit., Table 2.3", "Ibid., p. 4".
_POINTER_CITE = re.compile(r"\b(?:op|loc)\.?\s*cit\b|\bibid\b|\bibidem\b", re.I)
_ARCHIVE_NOTE = re.compile(rf"{WEBARCHIVE.pattern}\.?|Archived\s+from\s+the[ _]original[^.]*\.?", re.I)
_SHORT_CITE_WORDS = 14  # "Dicke and Wittke, Introduction to Quantum Mechanics, p. 12" has 9
_SHORT_TEMPLATES = frozenset({"sfn", "sfnp", "sfnm", "harvnb", "harv", "harvp", "harvtxt", "harvcoltxt", "rp"})
_SHORT_TEMPLATE_CALL = re.compile(r"^\s*\{\{\s*(?:sfn|harv)\w*\s*\|", re.I)  # {{harvs|nb|author=…}} too
# Retrieval and archive phrases, whose dates say nothing about the source itself.
_ACCESS_PHRASE = re.compile(
    r"(?:Retrieved|Accessed|Archived|abgerufen|consulté|archiviert)[^.;]*?\d{4}", re.I
)
_YEAR = re.compile(r"\b(?:1[4-9]|20)\d{2}\b")
_LINK_LABEL = re.compile(
    r"\[(?:https?:)?//\S+\s+[^\]\s][^\]]*\]|''[^']{3,}''|[\"“][^\"”]{3,}[\"”]"
    # a title in single quotes opening the entry or after its author: "'The action of causing' OED",
    # "George McKay, 'Spasticus Autisticus at the Paralympics opening ceremony' http://…"
    r"|(?:^|(?<=,\s))'[^'\n]{3,}'(?=[\s.,;:]|$)"
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_WORK_WORD = re.compile(r"[^\W\d_]{3,}")
# A title that ends with the venue and year it was published in or presented at: "Optimal
# Haplotype Assembly from High-Throughput Mate-Pair Reads, published in ISIT 2015".
_VENUE_IN_TITLE = re.compile(r",?\s+(?:published|presented)\s+(?:in|at)\s+(?:the\s+)?(?P<venue>[A-Z][^,;]{1,60}?)"
                             r",?\s+(?:1[5-9]|20)\d\d\W*$")
# The parameters naming a part of a larger work (an article of an encyclopedia, a chapter of a book).
_PART_NAMES = "article|entry|chapter|contribution"
_PART_PARAM = re.compile(rf"\|\s*(?:{_PART_NAMES})\s*=\s*[^|}}\s]", re.I)
_TITLE_PARAM = re.compile(rf"\|\s*(?:{_PART_NAMES}|script-title|trans-title|titel)\s*=\s*[^|}}\s]", re.I)
# Persistent identifiers, and the designations of standards and statutes: each names one source.
_IDENTIFIER = re.compile(
    r"\b(?:ISBN|ISSN|OCLC|doi|PMID|PMC|arXiv|JSTOR|Bibcode|LCCN)\b\W{0,3}[\dX]"
    rf"|\b(?:{STANDARD_BODIES}|BS|ACI|ASME|NFPA|AS/NZS)\s?(?:[Ss]tandard\s+)?[A-Z]?\d|\bOECD\s+(?:Test\s+Guideline|TG)\s*\d"
    r"|\bU\.\s?S\.\s?C\.|\b\d+[\s_]+U\.[\s_]?S\.[\s_]?Code(?![^\W_])|\bC\.?F\.?R\.?\s|§"  # "15 U.S. Code Chapter 8"
    r"|\b\d{1,3}[\s_]+(?:FR|Fed\.[\s_]?Reg\.)[\s_]+\d{1,6}\b"  # the Federal Register by volume and page: "83 FR 50490"
    rf"|{PATENT_NUMBER}|{COURT_CASE}|{US_LAW}"  # "10 USC 10502", "Pub.L. 110-181"
    # EU legislation by its number ("Council Directive 2001/113/EC", "Regulation (EC) No 1234/2007"),
    # a constitution by article and section ("Constitution of Indiana, 5-10(b)")
    r"|\b(?:Directive|Regulation|Decision)\s+(?:\((?:EC|EU|EEC)\)\s+)?(?:No\.?\s*)?\d{1,4}/\d{1,4}(?:/(?:EC|EU|EEC|EURATOM))?\b"
    r"|\bConstitution\s+of\s+(?:the\s+)?[A-Z][\w ]{2,40}?,\s*(?:Art(?:icle)?\.?\s*)?[\dIVXL]+(?:[-–.]\d+)*(?:\([a-z\d]\))?"
    # … or by its articles, perhaps within a part: "The Constitution of India Art 25-28",
    # "Constitution of India-Part IV Article 44"
    r"|\bConstitution\s+of\s+(?:the\s+)?[A-Z]\w*(?:\s+[A-Z]\w*){0,3}\s*[-–]?\s*(?:Part\s+[IVXL\d]+\s+)?Art(?:icle)?s?\.?\s*\d"
    # a statute by its short title, a comma and its year: "The Constitution (Forty-Second Amendment) Act, 1976"
    r"|\b(?:\(?[A-Z][\w'’-]*\)?\s+){2,8}Act,\s+(?:1[6-9]|20)\d\d\b"
    # … or by a section of it and its title and year, the whole entry but for its retrieval date:
    # "Section 101(6), Commonwealth Electoral Act 1918", "Commonwealth Electoral Act 1918, s. 101"
    r"|^[\"“]?(?:Section|Sec\.|ss?\.)\s*\d+[A-Z]?(?:\(\w{1,4}\))*,\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,8}Act,?\s+(?:1[6-9]|20)\d\d[\s\"”.]*(?:(?:Retrieved|Accessed)\b.*)?$"
    r"|^[\"“]?(?:The\s+)?(?:[A-Z][\w'’-]*\s+){1,8}Act,?\s+(?:1[6-9]|20)\d\d,\s+(?:s|ss|sec|section)\.?\s*\d+[A-Za-z]?(?:\(\w{1,4}\))*[\s\"”.]*(?:(?:Retrieved|Accessed)\b.*)?$"
    # an amendment of a constitution by its place: "First Amendment to the United States Constitution"
    r"|\b(?:(?:Twenty-)?(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|Tenth|Eleventh|Twelfth"
    r"|(?:Thir|Four|Fif|Six|Seven|Eigh|Nine)teenth|Twentieth|\d{1,2}(?:st|nd|rd|th))"
    r"\s+Amendment\s+to\s+the\s+(?:[A-Z][\w.]*\s+){0,3}Constitution\b"
    # an Act by its regnal year and chapter: "(15 & 16 Vict. c. 84)", "1 & 2 Geo. 5. c. 12"
    r"|\b\d{1,2}\s*(?:&\s*\d{1,2}\s*)?(?:Vict|Geo|Will|Edw|Eliz|Car|Ann|Jac|Hen)\.?\s*(?:[IVX\d]+\.?\s*)?[cC](?:ap)?\.\s*\d"
)
# An address that holds a persistent identifier: "https://doi.org/10.1016/…",
# "https://arxiv.org/ftp/arxiv/papers/1204/1204.3859.pdf"; with a description beside it, it names one source.
_IDENTIFIER_ADDRESS = re.compile(r"\bdoi\.org/10\.\d{4,}/|\barxiv\.org/(?:abs/|pdf/|ftp/arxiv/papers/\d{4}/)\d{4}\.\d{4,5}", re.I)
# The general CS1/CS2 templates take title, work and date as parameters; other "cite …"
# templates ({{Cite Merriam-Webster}}, {{Cite EB1911}}) wrap one source and fill them in.
_GENERAL_CITES = frozenset({
    "web", "news", "book", "journal", "magazine", "encyclopedia", "report", "press release", "conference",
    "thesis", "av media", "episode", "map", "interview", "speech", "tweet", "arxiv", "podcast", "sign",
    "mailing list", "newsgroup", "serial", "techreport", "document", "court", "letter", "video game",
})
_CITE_TEMPLATE = re.compile(r"\{\{\s*(?:cite[\s_]|citation\b|internetquelle\b|literatur\b|cita\b|chú thích)", re.I)


@lru_cache(maxsize=4096)
def _plain(raw: str) -> str:
    """The entry's text outside templates (nested ones too: "{{cite web |title=A {{!}} B}}"), its
    characters decoded twice restored, so that "EncyclopÃ¦dia Britannica" still names a work."""
    text, count = _TEMPLATE.subn(" ", raw)
    while count and "{{" in text:
        text, count = _TEMPLATE.subn(" ", text)
    text = _WIKILINK.sub(r"\1", text)  # "[[#refOHBEv3|Porter]], p. 332." reads "Porter, p. 332."
    return undo_double_decoding(strip_backlinks(text.replace("&nbsp;", " ").replace("\u00a0", " ")))


def missing_parts(ref: Reference, strict: bool) -> list[str]:
    """What the entry lacks: "title", "work/publisher and date" ([] when complete enough).

    With ``strict`` (a wikitext citation template) the parameters decide. Free text and
    rendered copies are judged leniently, because their fields were read back from prose: a link label, italics or
    quotes count as a title, and any year outside "Retrieved …"/"Archived …" as a date.
    """
    title = ref.get("title").strip()
    work = ref.get("work").strip() or ref.get("publisher").strip() or ref.get("via").strip()
    dated = bool(ref.get("date").strip())
    if strict:
        if not work and _PART_PARAM.search(ref.raw):
            # {{Citation |contribution=Greek history |title=Encyclopædia Britannica}}: the title is the work.
            work = title
        title = title or ("param" if _TITLE_PARAM.search(ref.raw) else "")
        if not work and not dated:
            # Text written around the template: "Oppenheimer, Stephen (October 2006).{{cite web …}}",
            # "{{cite web …}}, photius.com". (Either a work or a date is enough.)
            beside = _ACCESS_PHRASE.sub(" ", _plain(ref.raw))
            dated = bool(_YEAR.search(beside))
            work = "beside" if _WORK_WORD.search(beside) else ""
    else:
        text = _plain(ref.raw)
        label = _LINK_LABEL.search(text)
        title = title or ("label" if label else "")
        outside = _ACCESS_PHRASE.sub(" ", _URL.sub(" ", text))
        if title and title != "label":
            outside = outside.replace(undo_double_decoding(title), " ")  # "World Economic Outlook, April 2015" dates nothing
        dated = dated or bool(_YEAR.search(outside))
        if not title and dated:
            return []  # an unquoted title with a date ("McLintock (2009). Surface Patterns. …")
        if (not title and not _CS1_NO_TITLE.search(text)
                and _titled_and_named(_ACCESS_PHRASE.sub(" ", _ARCHIVE_NOTE.sub(" ", _URL.sub(" ", text))))):
            return []  # an unquoted title and a publisher ("100 Metres All Time. IAAF.")
        rest = _LINK_LABEL.sub(" ", outside, count=1) if label else outside  # the title, not an italic work
        work = work or ("rest" if title and _WORK_WORD.search(rest) else "")
    if title and not (work and dated) and (venue := _VENUE_IN_TITLE.search(title)):
        work, dated = work or venue["venue"], True  # "…, published in ISIT 2015"
    if not (strict or work or (title and dated)) and (
            named := _names_its_site(ref.get("title") or _plain(ref.raw), ref.get("url"), bodies=not ref.get("title"))
            or _profile_site(_ACCESS_PHRASE.sub(" ", _plain(ref.raw)), ref.get("url"))):
        work, title = named, title or named  # "NCBI: CBLAST" at ncbi.nlm.nih.gov: site and page
    missing = []
    if not title:
        missing.append("title")
    if not work and not dated:
        missing.append("work/publisher and date")
    return missing


# What parts a site's name from a page's title: "NCBI: CBLAST", "Kidwelly History : Kidwelly
# Priory", "Page – Site", "Page | Site", "Site » Blog Archive » Page", "Page « Site", and as
# Chinese sites join them: "TVB台庆颁奖揭晓_影音娱乐_新浪网".
_TITLE_PARTS = re.compile(rf"\s*[:|»]\s+|\s+(?:{SITE_SEPARATOR}|«)\s+|(?<=[\u4e00-\u9fff])_(?=[\u4e00-\u9fff])")
# A part that names a reference work, whose entry the other part is: "Encyclopedia of Laser
# Physics and Technology - Q factor", "Global Compendium of Weeds: Vinca major".
_REFERENCE_WORK = re.compile(
    r"\s*(?:The\s+)?(?:[A-Z][\w.'’]*\s+){0,3}"
    r"(?:Encyclop(?:e|ae|æ)dia|Dictionary|Handbook|Glossary|Compendium|Gazetteer|Lexicon|Thesaurus)\b")
# A title's first part that is a body's initials names its publisher ("CEA: Industry Sales Data",
# "NJ MVC: Information about …"; not "NIGER: Slavery", nor a keyword such as "UTES" further on);
# a first or last part that is a domain or a site called so names the site ("Water use efficiency -
# agriwaterpedia.info", "Glass Online: The History of Glass", "Timeline - Official Federal Reserve
# Bank of Kansas City Website").
_PUBLISHER_INITIALS = re.compile(r"(?:[A-Z]{2,4}\s+){0,2}[A-Z]{2,4}")
# A brand opening a title before a colon, as a database names its entries: "DrugBank: Insulin
# Regular" (not "CityBridge – LinkNYC", a page's name and subtitle).
_BRAND_OPENING = re.compile(r"\s*(?P<name>[^\s:]+):\s")
# A part that is the name of a public body, its publisher: "The Clark County Prosecuting
# Attorney – Karla Faye Tucker", "S.D. Dept. of Game, Fish, and Parks - Lewis and Clark
# Recreation Area", "Projected population - Statistics Norway" (a statistics office by its
# country alone: not "AP Statistics Review"), "World Nuclear Association - Nuclear Power in Russia".
_BODY_NOUN = re.compile(r"\b(?:Attorney|Prosecutor|Dept\.|Department|Ministry|Agency|Bureau|Commission|Council"
                        r"|Authority|Administration|Office\s+(?:of|for)|^\s*Statistics\s+[A-Z][a-z]+\W*$)")
# … or an association, a committee or a federation by its name, the noun closing it after a name
# ("World Nuclear Association", "Northern League Management Committee"; not "The Association",
# "Russian Federation", "Association Football", "Football Association Fines Chelsea") or opening
# it before what it is of ("Federation of American Scientists").
_ORGANISATION_NAME = re.compile(
    r"\W*(?:(?:The\s+)?(?:[A-Z][\w'’.&-]*\s+(?:(?:of|and|for|the|&)\s+)?)*(?<!\bThe\s)(?<!\bRussian\s)"
    r"(?<=[\w'’.&-]\s)(?:Association|Committee|Federation)"
    r"|(?:The\s+)?(?:Association|Committee|Federation)\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)\W*")
# An entry's or a page's title is a few words; a long part is a definition or a quotation from it
# ("Encyclopædia Britannica – in philosophy and theology, the practice of selecting …").
_ENTRY_TITLE_WORDS = 12
_NAME_LINKING_WORDS = frozenset("of and for the on & de du".split())
_BODY_NAME_WORDS = 10


def _names_a_public_body(part: str) -> bool:
    """Whether a title's part is a body's name: capitalised words (and "of", "and" …) with a
    noun such as "Department", "Attorney" or "Council" among them; not "Projected population"."""
    name = part.strip(" .")
    words = name.split()
    return (0 < len(words) <= _BODY_NAME_WORDS
            and (_BODY_NOUN.search(name) is not None or _ORGANISATION_NAME.fullmatch(name) is not None)
            and all(word[0].isupper() or word in _NAME_LINKING_WORDS for word in words))


# The name of a project, an archive, a society, a museum, a library, an institute or a foundation
# opening a two-part title, as the site names its pages: "The Georgetown Basketball History
# Project: 1940s Seasons" (not "History of the Library: …").
_BODY_NAME = (r"(?:[A-Z][\w'’&.-]*\s+){1,6}(?:Project|Archives?|Society|Museum|Library|Institute|Foundation"
              r"|Hall\s+of\s+Fame)")
_NAMED_BODY = re.compile(rf"(?:The\s+)?{_BODY_NAME}")
# … or said to be where a page of its is, after words that say what the page is: "Biography at the
# International Motorsports Hall of Fame", "Papers from the Wisconsin Historical Society".
_AT_NAMED_BODY = re.compile(rf"\S\s+(?:at|from)\s+(?:the\s+)?{_BODY_NAME}\b")
# A site's name: a domain, a name that says it is a site, or a Chinese one ending 网 ("web"): "新浪网".
_SITE_ENDING = re.compile(r"(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|info|int|[a-z]{2})|.*\b(?:web\s?site|online)"
                          r"|[\u4e00-\u9fff]{1,8}[网網]", re.I)
_NOT_ALNUM = re.compile(r"[\W_]+")
_SITE_NAME_CHARS = 4  # "NCBI"
_NAME_IN_ADDRESS_CHARS = 8  # "bardneyvillagehistory", the folder a site is kept in


def _named_in_host(name: str, url: str) -> bool:
    """Whether a long word of ``name`` is in the host name of ``url``: "Basketball" of "The
    Georgetown Basketball History Project" in www.hoyabasketball.com (not "The Blair Witch
    Project" at www.rogerebert.com, a review of the film)."""
    labels = _site_labels(_host_and_path(url)[0])
    return any(word.lower() in label for word in _LONG_WORD.findall(name) for label in labels)


_LONG_WORD = re.compile(r"[^\W\d_]{5,}")


def _profile_site(text: str, url: str) -> str:
    """The site an entry names as where its subject's profile is, where the address holds a word
    of the site's name ("Kristýna Plíšková at the International Tennis Federation" at
    www.itftennis.com; "Northern Mariana Islands at National Football Teams" at
    www.national-football-teams.com), else "": the subject and the site are the page's title
    and its publisher."""
    profile = _PROFILE_AT_SITE.fullmatch(text.strip())
    return profile["site"].strip() if profile is not None and _named_in_host(profile["site"], url) else ""


def _names_its_site(text: str, url: str, bodies: bool = False) -> str:
    """The part of a two-part title that names the site its address is on ("NCBI" of "NCBI:
    CBLAST" at www.ncbi.nlm.nih.gov, "Biology Workbench" at workbench.sdsc.edu, "Bardney
    Village History" at community.lincolnshire.gov.uk/bardneyvillagehistory/…, "IGN" at
    www.ign.com, initials that are the site's registered name; not "API" at api.example.com): the other part
    is then the page's title; a part that names a reference work ("Encyclopedia of Laser
    Physics and Technology - Q factor", "Polymer on Britannica") does so whatever the address, or
    without one; a page said to be on its owner's official site does where a word of the owner's
    name is in the address ("Profile at the official New Zealand Olympic Committee website" at
    www.olympic.org.nz; not "History at the official Town Council website" elsewhere), and so,
    with ``bodies``, does a public body's name in a link's words an editor wrote ("The Clark
    County Prosecuting Attorney – Karla Faye Tucker"); a quoted title is the page's own
    heading, which names no publisher ("Tickets - Nagoya Transportation Bureau"). A page's
    own name in the address is no site's ("Germany: Urban Areas" at …/germany/urbanareas/), and
    a long other part is a definition quoted from the work, not its entry's title.
    "" when no part does: "Coffee: A History" names no site."""
    site = _site_address_opening(text) or _site_address_after(text, url)
    if site:
        return site
    entry = _REFERENCE_WORK_ENTRY.fullmatch(text.strip().rstrip("."))
    if entry is not None:
        return entry["work"]  # "Polymer on Britannica": a headword and the work it is in
    owners = _ON_OWNERS_SITE.search(text)
    if owners is not None and _named_in_host(owners["owner"], url):
        return owners["owner"].strip()  # "… New Zealand Olympic Committee website" at olympic.org.nz
    parts = [part for part in _TITLE_PARTS.split(_URL.sub(" ", text)) if _WORD.search(part)]
    if len(parts) < 2:
        return (_initials_of_its_host(parts[0], url) or _spelled_name_of_its_host(parts[0], url)) if parts else ""
    work = next((part for part in parts if _REFERENCE_WORK.match(part) or bodies and _names_a_public_body(part)), None)
    if work is not None and all(len(_WORD.findall(part)) <= _ENTRY_TITLE_WORDS for part in parts if part is not work):
        return work.strip()
    opening, closing = parts[0].strip(), parts[-1].strip()
    brand = _BRAND_OPENING.match(text)
    if (_PUBLISHER_INITIALS.fullmatch(opening) or _SITE_ENDING.fullmatch(opening)
            or bodies and _NAMED_BODY.fullmatch(opening) and _named_in_host(opening, url)
            or brand and names_a_site(brand["name"]) and not brand["name"].isupper()):  # not "CHART: …"
        return opening
    if _SITE_ENDING.fullmatch(closing):
        return closing
    host, path = _host_and_path(url)
    if not host:
        return ""
    labels = _site_labels(host)
    site_folder = _NOT_ALNUM.sub("", path.lstrip("/").split("/", 1)[0])  # a site kept in a folder of a host
    for part in parts:
        name = _NOT_ALNUM.sub("", part.lower())
        if len(name) < _SITE_NAME_CHARS:
            if part.strip().isupper() and name == domain_of(url).partition(".")[0]:
                return part.strip()  # "… Revealed - IGN" at www.ign.com: initials the site's name spells out
            continue
        if (any(name in label or label in name or _abbreviates(part, label) for label in labels)
                or len(name) >= _NAME_IN_ADDRESS_CHARS and name == site_folder):
            return part.strip()
    return ""


_ABBREVIATED_TAIL_CHARS = 5  # "heritage" of "tbheritage"


def _abbreviates(name: str, label: str) -> bool:
    """Whether a host's label spells a name of two words or more with all but its last word cut
    short: "tbheritage" for "Thoroughbred Heritage", "nzherald" for "New Zealand Herald"."""
    words = _WORD.findall(name.lower())
    return (len(words) >= 2 and len(words[-1]) >= _ABBREVIATED_TAIL_CHARS and len(label) > len(words[-1])
            and label.endswith(words[-1]) and label.startswith(words[0][0]))


# The address of a site's home, written as a link, opening an entry before the page's title:
# "http://movies.msn.com: Catherine Deneuve Biography", "https://math.stackexchange.com How to
# reason about …"; not a headline about a site ("mozilla.org Announces …"), nor a remark on the
# link ("http://www.mackinmfg.com/ shows a picture …").
_SITE_HOME_OPENING = re.compile(r"\s*(?:https?://|www\.)(?:www\.)?(?P<site>(?:[a-z0-9-]+\.)+[a-z]{2,})/?:?\s+(?P<page>[A-Z].*)")
# A page "at" or "on" a site by its address, closing a title: "Andy Hebenton's profile at hockeydb.com".
_AT_ADDRESS = re.compile(r"\S\s+(?:at|on)\s+(?:www\.)?(?P<site>(?:[a-z0-9-]+\.)+[a-z]{2,})\.?\s*$", re.I)


def _site_address_opening(text: str) -> str:
    """The site whose home's address opens the entry, when a page's title of some words follows
    it ("http://www.smmusd.org/ SMMUSD. Retrieved …" gives only the site's name)."""
    opening = _SITE_HOME_OPENING.match(text)
    if opening is None or len(_WORD.findall(_ACCESS_PHRASE.sub(" ", opening["page"]))) < _PAGE_WORDS:
        return ""
    return opening["site"]


def _site_address_after(text: str, url: str) -> str:
    """The site a title says it is a page of ("… profile at hockeydb.com") when the link is on it."""
    at = _AT_ADDRESS.search(text)
    host = _host_and_path(url)[0]
    if at is None or not host:
        return ""
    site = at["site"].lower()
    return at["site"] if host == site or host.endswith("." + site) else ""


# Labels of a host name that name no site: "www", and the endings of domains.
_GENERIC_LABELS = frozenset("www com org net edu gov mil int info biz".split())
# Initials a title opens with, perhaps before a word: "IMDB Award List", "NY Post Interview with …".
_OPENING_INITIALS = re.compile(r"\s*(?P<initials>[A-Z]{2,5})(?:['’]s)?(?:\s+(?P<next>[A-Z][a-z]+))?")
_PAGE_WORDS = 2
_SITE_NOUN = re.compile(r"\b(?:Centre|Center|Portal|Online|Web\s?site|Home\s?page|Home)\W*$", re.I)


def _host_and_path(url: str) -> tuple[str, str]:
    """The host name and path of an address, lower-cased ("", "" when there is none)."""
    if not url:
        return "", ""
    try:
        address = urlsplit(url if "://" in url else "http://" + url)
        return (address.hostname or "").lower(), address.path.lower()
    except ValueError:
        return "", ""


def _site_labels(host: str) -> list[str]:
    """The labels of a host name that may name its site: "ncbi", "nlm" of www.ncbi.nlm.nih.gov."""
    return [label for label in host.split(".") if len(label) >= 3 and label not in _GENERIC_LABELS]


def _initials_of_its_host(title: str, url: str) -> str:
    """The initials a one-part title opens with when they, alone or with the next word, are its
    address's host name ("IMDB Award List" at www.imdb.com, "NY Post Interview with …" at
    www.nypost.com): the publisher, and the rest the page. A name spelled out ("Slackware Linux
    for the Alpha" at www.slackware.com) may be the page's subject; "NCBI" alone, or with the
    name of a part of the site ("BBC Weather Centre"), names no page."""
    opening = _OPENING_INITIALS.match(title)
    labels = _site_labels(_host_and_path(url)[0])
    if opening is None or not labels:
        return ""
    if _SITE_NOUN.search(title):
        return ""  # "BBC Weather Centre", "ESA Portal": the site's name, not a page of it
    initials = opening["initials"]
    spelled = ((initials, opening.end("initials")), (initials + (opening["next"] or ""), opening.end()))
    for name, end in spelled:
        if name.lower() in labels and len(_WORD.findall(title[end:])) >= _PAGE_WORDS:
            return title[:end].strip()
    return ""


# A newspaper's name opening a title: "Belfast Telegraph Ulster Rugby Bowl Final 2009 report".
_OPENING_PAPER = re.compile(
    r"\s*(?:The\s+)?(?P<name>(?:[A-Z][a-z]+\s+){1,2}(?:Times|Telegraph|Herald|Gazette|Post|Chronicle|Tribune"
    r"|Guardian|Observer|Courier|Echo|Examiner|Advertiser|Argus|Sentinel|Mercury|Independent))\s+\w")
# A publication named after the page's own title: "Jon Stewart Interviews Bruce Springsteen for Rolling Stone".
_CLOSING_PUBLICATION = re.compile(r"\s(?:for|in)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w'’]*\s+){0,3}[A-Z][\w'’]*)\W*$")


def _spelled_name_of_its_host(title: str, url: str) -> str:
    """A publication's name spelled out in a title on its own site: a newspaper's opening it
    ("Belfast Telegraph …" at belfasttelegraph.co.uk, "Carrick Times …" at carrickfergustimes.co.uk)
    or one the piece was written for closing it ("… for Rolling Stone" at rollingstone.com).
    "Ulster Rugby Bowl Final" at ulsterrugby.com names the page's subject, not its publisher."""
    labels = _site_labels(_host_and_path(url)[0])
    if not labels:
        return ""
    if (opening := _OPENING_PAPER.match(title)) is not None:
        words = opening["name"].lower().split()
        pattern = re.compile(".*".join(map(re.escape, words)))  # "Carrick Times": carrick…times
        if any(pattern.search(label) for label in labels):
            return opening["name"]
    if (closing := _CLOSING_PUBLICATION.search(title)) is not None:
        if _NOT_ALNUM.sub("", closing["name"]).lower() in labels:
            return closing["name"]
    return ""


class IncompleteReference(Rule):
    """A reference without a title, or without both a work/publisher and a date.

    Flags citation entries that a reader could not identify or date: bare URLs, entries
    that are a number, a site name or a phrase, and titled entries that name neither the
    work or publisher nor a publication date ("Retrieved …" is not a publication date).
    Wikitext citation templates are judged on their parameters and the text written beside
    them; free text and rendered copies leniently (a link label or a quoted or italic phrase
    counts as a title, words beside it as the work, any year outside the retrieval and
    archive phrases as a date; an unquoted title followed by a publisher's name, acronym or
    domain, a linked page's "Title - Site" or "Title at Site" (a brand such as ColourLex or
    eMedicine, an address, a named body such as the Chinese Text Project, any name after "… page"
    or "… profile": not "Murder at the Vicarage", nor a link text such as "Profile" that names no
    page), a linked page followed by its site's name ("Camera Sensor Ratings DxOMark", not an
    author "By …"), and a two-part title one part of which names the site its address is on
    ("NCBI: CBLAST" at www.ncbi.nlm.nih.gov, "Thoroughbred Heritage: Bend Or" at
    www.tbheritage.com, "Season 2 Review - IGN" at www.ign.com, by initials that are the site's
    registered name, not a subdomain's, "Site » Blog Archive » Page", "Page « Site"), a project's or archive's
    name ("The Georgetown Basketball History Project: 1940s Seasons") or a reference work
    ("Encyclopedia of Laser Physics and Technology - Q factor", "Global Compendium of Weeds:
    Vinca major") or, in a link's words, a public body ("The Clark County Prosecuting Attorney
    – Karla Faye Tucker", "Projected population - Statistics Norway", "World Nuclear Association -
    Nuclear Power in Russia"; not a quoted title, the
    page's own heading: "Tickets - Nagoya Transportation Bureau"), opens with its publisher's
    initials ("CEA: Industry Sales Data"), a brand before a colon ("DrugBank: Insulin Regular")
    or a site called so ("Glass Online: The History of Glass"), or ends with its site's domain or
    name ("Water use efficiency - agriwaterpedia.info", "Timeline - Official … Website"; a Chinese
    site's, ending 网, after an underscore: "TVB台庆颁奖揭晓_影音娱乐_新浪网"), and a
    linked title opening with the initials its address's host spells ("IMDB Award List" at
    www.imdb.com; not "BBC Weather Centre", a part of the site), a page's title after the linked
    address of its site's home ("http://movies.msn.com: Catherine Deneuve Biography") or ending
    "at" the address its link is on ("Andy Hebenton's profile at hockeydb.com"), a headword and
    the dictionary or encyclopedia it is in ("sinter in Encyclopædia Britannica", "βακτηρία in
    Liddell and Scott", "Polymer on Britannica", "Definition of Tank by Merriam-Webster", even
    decoded twice: "EncyclopÃ¦dia"), an article on a subject in the
    work named ("…, article on Common Infrared Optical Materials in the Photonics Handbook"), a
    dictionary or encyclopedia named alone ("Dorland's Medical Dictionary") and a title with its
    author or editor ("… Late Imperial Russia by Sarah Warren, p. 64", "Mechanism of
    Fertilization, edited by Brian Dale") or the body whose official site it is ("…, official
    site of Buenos Aires") or says it is "from the website of" a body, or at a hall of fame, museum,
    library, society or institute by its name ("Biography at the International Motorsports Hall of
    Fame"), a title in single quotes after its author ("George McKay, 'Spasticus Autisticus …'"), and a title ending with the
    venue and year it was published in ("…, published in ISIT 2015") are complete enough). Not
    reported: explanatory notes (note groups, prose footnotes in the reference list, on a page
    that shows its links a short unlinked sentence told in the past, "Nixon resigned on this date.", a
    note on a match's score, "After Extra Time", "Falkirk F.C. won on penalties", pointers
    to another article such as "See Treaty of Utrecht.", "See: Draft (boiler)" or "see
    Paraconsistent logic", a remark going on from the text ("according to De Morgan's laws",
    "In Unicode, the Antijoin symbol is …", or on a page that shows its links any unlinked words
    in lower case: "inclined planes"), a sentence
    sending the reader on to the source it links ("…, see M.A.P.A., in Spanish.", "The examples
    may be checked with the Finnish morphological analyser."), names in other
    languages or places ("From Dragon Quest VIII, known as Trode outside Japan"), how a figure was
    reckoned), empty entries (CC503), short citations pointing into a bibliography
    ("Smith 2010, p. 4", "Clifford & Wilson, p. 55", "Kittel, Eq. 42 p. 267", "World Bank, op. cit.", ``{{sfn}}``,
    an author's name alone, or with "et al.", a page or a short remark ("Smith, Renfrew"), when a
    fuller entry opens with it, in the list or in a bibliography listed without numbers; an
    unquoted author or title that opens a bibliography entry, "Merriam-Webster." or "Weatherings
    to Parapets."; names and a year a fuller entry holds together, '"Mechanics, D. Kleppner
    2010"'; a place in a work, authors and title, or a whole title that an unnumbered entry of
    the reference list or bibliography gives in full, "Section 8.3 in Concrete Mathematics"), free
    text that names its source by an ISBN, DOI, patent, standard (an OECD test guideline) or
    statute number or a court's judgment by its citation ("[2012] EWHC 1372 (Ch)", "447 U.S. 303
    (1980)") (EU legislation by its number, a constitution by article, "The Constitution
    of India Art 25-28", a statute by its short title and year, "… Amendment) Act, 1976", a US
    statute by its place in the Code or its public-law number, "10 USC 10502", "Pub.L. 110-181", "15 U.S. Code
    Chapter 8", a Federal Register volume and page, "83 FR 50490"), or describes a
    link whose address holds a DOI or arXiv id ("https://arxiv.org/…/1204.3859.pdf - Limits to
    Poisson's ratio …"), chapter-and-verse
    citations of scripture ("1 Samuel 4:13", "Exodus 7:4; Ezekiel 28:26"), and templates made
    for one source (``{{Cite Merriam-Webster}}``), and the PubMed searches a gene's infobox lists
    for its human and its mouse gene ("Human PubMed Reference:"). A rendered entry that is only a
    link's words has those words for its title, and the message says so.

    Why: an incomplete reference is hard to verify and impossible to recover once its URL
    dies; rules that compare dates or sources have nothing to work with.

    What to do: fill in title, work (or publisher) and date, e.g. with a citation template.
    """

    code = "CC505"
    name = "incomplete-reference"
    severity = Severity.INFO

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        # The words entries open with, counted on first need: only an entry that is a bare name reads them.
        # A bibliography listed without numbers counts too: "Brittain" points to "Brittain, J.E. (1990) …".
        leading_words = cache(lambda: Counter(word for text in (*(_plain(other.raw) for other in doc.references),
                                                                *doc.metadata.get("bibliography", ()))
                                              for word in _opening_words(text)))
        # The other entries' texts, read as _shortened_from reads them, on first need.
        entries = cache(lambda: [_comparable(_plain(other.raw)) for other in doc.references])
        bibliography = cache(lambda: [_comparable(line) for line in doc.metadata.get("bibliography", ())])
        for ref in doc.references:
            if ref.group:
                continue
            strict = doc.format == "wikitext" and bool(ref.template or _CITE_TEMPLATE.search(ref.raw))
            missing = missing_parts(ref, strict)
            if strict and not missing:
                continue  # a template is judged on its parameters: never a bare URL
            if is_empty(ref):
                continue  # CC503's
            text = _plain(ref.raw)
            bare = not strict and (_URL.fullmatch(text.strip(" .,;[]<>")) is not None
                                   or (_URL.search(text) is not None and not _WORD.search(_URL.sub(" ", text))))
            if not missing and not bare:
                continue
            # The costlier readings run only for the few entries that look incomplete.
            if _is_short_citation(ref) or _is_source_wrapper(ref.template):
                continue  # {{Cite Merriam-Webster|Merkel}} renders title and dictionary from its own data
            if _GENE_BOX_SEARCH.fullmatch(text):
                continue  # the infobox's own PubMed search, which no editor of the page writes
            if (_names_an_author(ref, leading_words) or _shortened_from(text, entries, bibliography)
                    or _held_by_bibliography(text, bibliography)):
                continue
            if not strict and (_IDENTIFIER.search(text) or cites_verses_only(text)
                               or not bare and _IDENTIFIER_ADDRESS.search(text)):
                continue  # an ISBN, DOI, standard number or verse identifies the source whatever the prose around it
            if not strict and (_is_explanation(text, linked=bool(ref.get("url")), links_shown=doc.format != "text")
                               or (not text and "{{" in ref.raw)):
                continue  # a note, or a template we cannot read ({{OEtymD|algeria}} renders a full citation)
            if bare:
                detail = "is a bare URL"
            elif len(missing) == 2 and _linked_words(ref, text):
                detail = "has no title apart from its link's words, and neither a work/publisher nor a publication date"
            elif missing == ["title"]:
                detail = "has no title"
            elif missing == ["work/publisher and date"]:
                detail = "has neither a work/publisher nor a publication date"
            else:
                detail = "has no title, and neither a work/publisher nor a publication date"
            yield self.finding(
                ctx,
                f"reference {entry_label(ref)} {detail}: readers cannot identify or date the source",
                ref.span,
                reference=ref,
                refs=[ref.key],
                evidence={"missing": missing},
            )


def _linked_words(ref: Reference, text: str) -> bool:
    """Whether a rendered entry's words are the label of its link, which stands as its title
    ("<a>Developers begin next construction phase …</a>"): it has a link, shows no address and
    its words are not a site's domain ("skyvuelasvegas.com")."""
    words = _ACCESS_PHRASE.sub(" ", _ARCHIVE_NOTE.sub(" ", text))
    beside_domains = " ".join(word for word in words.split() if not is_domain(word.strip(".,;:()")))
    return bool(ref.get("url")) and _URL.search(words) is None and _WORD.search(beside_domains) is not None


_PROSE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|be|been|means|refers|comes|came|follows|draws|uses|used|gives|gave|"
    r"shows|says|said|notes|states|stated|argues|includes|included|became|does|did|can|could|may|might|"
    r"would|should|will|must|not|see)\b|^See\b"  # "See Date and time notation in the United States."
)
_LONG_NOTE_WORDS = 16
# How a note opens that points to another article, glosses a name in other languages or a
# standard ("In Unicode, the … symbol is …"), gives a thing's other name ("Also known as the
# Torrington Canal"), says how a figure was worked out, or says it is one ("Note: first player
# to play for both national teams").
_NOTE_OPENING = re.compile(r"[Ss]ee(?:\s+also)?:?\s+[A-Z]|In\s+[A-Z][a-z]+[:,]\s|[A-Z][a-z]+ing\s+(?:the|a|an)\s+[a-z]|Note:\s"
                           r"|(?:Also|Formerly|Originally)\s+(?:known\s+as|called)\s+(?=[^:]*$)\S")
# A note that goes on from the sentence it is attached to, in lower case as no title or name
# opens: "according to De Morgan's laws", or at a note's length "the common case in many
# applications …" (not "article on infrared materials", a title written in lower case).
_GOING_ON_OPENING = re.compile(r"according\s+to\s+\S")
_LOWER_CASE_OPENING = re.compile(r"[a-z]{2,}\s")
# Words that say what kind of source an entry is, which a note on the text does not: "allmusic
# review", "personal communication with the author", "imdb page", "article on infrared materials"
# (a post, but not an envoy's: "Died at post.").
_NAMES_A_KIND_OF_SOURCE = re.compile(
    r"\b(?:reviews?|interviews?|communications?|articles?|pages?|web\s?sites?|sites?|reports?|catalogues?|catalogs?"
    r"|letters?|e-?mails?|books?|papers?|journals?|magazines?|newspapers?|database|archives?|profiles?|biography"
    r"|obituary|census|press\s+release|statements?|transcripts?|videos?|documentar(?:y|ies)|episodes?|broadcasts?"
    r"|liner\s+notes|manuals?|handbooks?|dictionary|encyclop(?:a|ae)?edia|blogs?|(?<!\bat\s)posts?|tweets?|lectures?|talks?"
    r"|thesis|dissertation|minutes|records?|data(?:set)?|sources?|official|\w+\.(?:com|org|net|gov|edu))\b", re.I)
# A note on what a name is elsewhere: "From Dragon Quest VIII, known as Trode outside Japan".
_NAME_GLOSS = re.compile(r",\s+(?:also\s+)?(?:known|called)\s+as\s+[A-Z]")
# A sentence that sends the reader on to a source named by its publisher: "For greater
# specificity on the Denominaciones de Origen, see M.A.P.A., in Spanish."
_SEE_SOURCE = re.compile(r"[,;(]\s*see\s+(?:also\s+)?(?:the\s+)?[A-Z]")
# A sentence telling the reader where the text may be checked or read further: "The examples may
# be checked with the Finnish morphological analyser." (a headline reports, it does not direct).
_CHECK_WITH = re.compile(r"\b(?:may|can|could)\s+be\s+(?:checked|verified|tried|tested|found|seen|consulted|read)"
                         r"\s+(?:with|at|on|in|using)\b")
# A sentence told in the past, as a note on the text says what happened: "Nixon resigned on this
# date.", "Died in office (not assassinated).", "Assassinated." (not "speed", "hundred").
_TOLD_IN_THE_PAST = re.compile(r"\b(?!hundred\b)[a-z]{2,}[^\We]ed\b|^[A-Z][a-z]{2,}ed\.$")
_SHORT_NOTE_WORDS = 8
# … also without its full stop where it opens with what was done: "Postponed due to waterlogged
# pitch", "Match postponed due to frozen pitch", "Played at Highbury", "Changed from at-large".
# Only plain words follow, a place's name at most: not "Postponed due to rain; see Wisden",
# "Appointed in the Court Circular", "Elected unopposed in Craig's results".
_OPENS_WITH_PARTICIPLE = re.compile(
    r"(?:(?:Match|Game|Race|Event)\s+)?(?i:postponed|played|abandoned|cancell?ed|replayed|awarded|moved|held|changed"
    r"|renamed|forfeited|suspended|rescheduled|relocated|elected|appointed|died|resigned|retired)"
    r"(?!.*(?:[,;:'’]|\b(?:see|according|per|citing)\b))(?!(?:.*\b[A-Z]){2})\s+[a-z].*")
# … but not a source described by who made or gave it: "Speech delivered to the council.",
# "Figures supplied by the club."
_DESCRIBES_A_SOURCE = re.compile(r"\b(?:delivered|supplied|provided|published|compiled|prepared|presented|issued"
                                 r"|released|written|recorded|given|printed|broadcast|sent|quoted|cited)\b|\bby\s+[A-Za-z]")
# A note on a match's score, as results tables footnote it: "After Extra Time", "a.e.t.", "Falkirk
# F.C. won on penalties", "Won 4–3 on penalties", "won on the away goals rule"; its subject a name
# of capitalised words, not a source's ("Daily Record p12 Falkirk won on penalties").
_MATCH_NOTE = re.compile(
    r"\s*(?:(?:Match\s+decided\s+|Score\s+)?after\s+extra\s+time(?:\s*\(a\.?e\.?t\.?\))?|a\.?e\.?t\.?"
    r"|(?-i:[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}\s)?(?:won|lost|advanced|progressed|went\s+through)"
    r"(?:\s+\d{1,2}\s?[–-]\s?\d{1,2})?\s+(?:on|after|in|via|by)\s+(?:penalties|pens|penalty\s+kicks"
    r"|(?:a\s+)?penalty\s+shoot-?out|(?:the\s+)?away\s+goals(?:\s+rule)?|extra\s+time|aggregate|a\s+coin\s+toss"
    r"|golden\s+goal|a\s+replay)(?:\s+after\s+extra\s+time)?)\s*\.?\s*", re.I)
_EQUATION = re.compile(r"[\w)]\s*=\s*\S")
_CALCULATION_WORDS = 3
_OPENING_QUOTES = ('"', "“", "«", "„", "'")


def _is_explanation(text: str, linked: bool = False, links_shown: bool = False) -> bool:
    """A footnote that explains rather than cites: a sentence and no link, a calculation, or a
    note on a match's score ("After Extra Time", "Falkirk F.C. won on penalties").

    A sentence has a verb, reads in lower case like prose ("For example, ruminants such as
    cows obtain …") or opens as a note does ("See …", "In French: …", "Using the …", "Also known
    as …", or in lower case, going on from the text: "according to De Morgan's laws", or long);
    where the page
    shows its links (not a plain-text copy, which keeps a link's words only: "review MAS in
    plant breeding"), any unlinked words in lower case going on from the text are a note too
    ("inclined planes", "an inclined plane was later used"; not "it:Medico di Potrone", nor
    words that name a kind of source: "allmusic review", "personal communication"), and so is an
    unlinked, undated short sentence told in the past ("Nixon resigned on this date.", "Died in
    office (not assassinated).", "Assassinated.", or without its full stop where it opens with
    what was done: "Postponed due to waterlogged pitch"; not "Gaal and Holt formed the band
    Perfect Enemy", which is no sentence closed by its full stop, nor a source described by who
    made it, "Figures supplied by the club."); its only
    years are in retrieval or archive phrases unless it is long ("American dead and wounded:
    Shy, pp. 249–50. The lower figure … comes from Chambers, p. 849."). A linked headline
    ("Asafa drops out, could run today") is a title, so an entry with a link must be long to
    count as prose, unless the sentence sends the reader on to a named source ("…, see
    M.A.P.A., in Spanish.") or says the text may be checked with it ("The examples may be checked
    with the Finnish morphological analyser."), whose link it is.
    """
    if text.startswith(_OPENING_QUOTES) or " | " in text:
        return False  # a quoted headline ("Nearly 5,000 dead …, Putin says") or "Page | Site" is a title
    linked = linked or _URL.search(text) is not None
    words = _WORD.findall(_URL.sub(" ", text))
    if _EQUATION.search(text) and len(words) <= _CALCULATION_WORDS and not linked:
        return True  # a calculation ("loge(0.001) / 2 = −3.45") explains a figure of the text
    if not linked and _MATCH_NOTE.fullmatch(text):
        return True  # a note on a score: "After Extra Time", "Falkirk F.C. won on penalties"
    lower = sum(word[0].islower() for word in words)
    told = text.endswith(".") and _TOLD_IN_THE_PAST.search(text) or _OPENS_WITH_PARTICIPLE.fullmatch(text)
    if (links_shown and not linked and told and len(words) <= _SHORT_NOTE_WORDS
            and not _DESCRIBES_A_SOURCE.search(text)
            and not _NAMES_A_KIND_OF_SOURCE.search(text) and not _YEAR.search(text)):
        return True  # a short note on a table's cell: "Assassinated.", "Nixon resigned on this date."
    reads_as_prose = len(words) >= 6 and lower >= 0.6 * len(words) and text.endswith(".")
    note = (_NOTE_OPENING.match(text) is not None or _NAME_GLOSS.search(text) is not None
            or _GOING_ON_OPENING.match(text) is not None
            or _LOWER_CASE_OPENING.match(text) is not None
            and (len(words) >= _LONG_NOTE_WORDS or links_shown and not _NAMES_A_KIND_OF_SOURCE.search(text)))
    if _PROSE_VERB.search(text) is None and not reads_as_prose and not note:
        return False
    dated = _YEAR.search(_ARCHIVE_NOTE.sub(" ", _ACCESS_PHRASE.sub(" ", text))) is not None
    if note and not linked and not dated:
        return True  # "See Treaty of Utrecht.", "In Fula: Fulɓe; …", "Using the thermochemical calorie."
    if reads_as_prose and (_SEE_SOURCE.search(text) or _CHECK_WITH.search(text)):
        return True  # a pointer to the linked source, named after "see" or as where to check the text
    if len(words) >= _LONG_NOTE_WORDS:
        return True  # "Among others, in her speech on the occasion of …, see http://…"
    return (len(words) >= 8 or reads_as_prose) and not dated and not linked


# A site's address among an entry's words: "microsoft.com", also as a copy cuts it from its "www"
# or gives it with its slash (", .a-kon.com", "shinbokucon.com/"); not a path ("site.com/about").
_SITE_NAME = re.compile(r"(?:(?<![\w./-])|(?<=\s\.))(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|info|int|[a-z]{2})"
                        r"(?:(?![\w/.-])|(?=\.\s*$)|(?=/(?:\s|$)))", re.I)
# An entry of a dictionary or an encyclopedia, as {{LSJ}} and its kin render it or a site titles
# it: "sinter in Encyclopædia Britannica", "βακτηρία in Liddell and Scott", "Polymer on
# Britannica", "Tank - Definition of Tank by Merriam-Webster".
_REFERENCE_WORK_ENTRY = re.compile(
    r"\S[^.,;:]{0,40}\s+(?:in|on|by)\s+(?P<work>[^,;:]{0,40}(?:Dictionar|Encyclop|Britannica|Lexicon|Glossary"
    r"|Thesaurus|Wiktionary|Liddell|Merriam-Webster)[^,;:]{0,40})")
# An author named after the title, first name and surname, perhaps with a page and the number a
# copy gives the link: "… by Sarah Warren, p. 64. [1]".
_BY_AUTHOR = re.compile(r"\s+by\s+(?:[A-Z][\w'’.-]*\s+){1,2}[A-Z][\w'’-]+(?:,?\s*pp?\.\s*[\d–-]+)?[.\s]*(?:\[\d+\]\s*)?$")
_TITLE_BEFORE_AUTHOR_WORDS = 3
_TITLE_WORD = re.compile(r"[^\W_]{2,}")  # "3D" is one of "MAKE: 3D Printing"'s words
# An editor named after the title: "Mechanism of Fertilization: Plants to Humans, edited by Brian Dale".
_EDITED_BY = re.compile(r"(?:edited|ed\.)\s+by\s+[A-Z]")
# The body whose site it is, named after the title: "…, official site of Buenos Aires".
_OFFICIAL_SITE_OF = re.compile(r"(?:the\s+)?official\s+(?:web\s?)?site\s+of\s+(?:the\s+)?[A-Z]", re.I)
# … or said to be where the page is: "U.S. President And Vice President from the website of the
# Missouri Secretary of State", or on the site its owner's initials name: "Best Mover of the Year
# on the FIFA website"; not common nouns ("the Club website", "The New Band Website") nor "Official".
_FROM_SITE_OF = re.compile(r"\s(?:from|on|at)\s+(?:the\s+)?(?:official\s+)?web\s?site\s+of\s+(?:the\s+)?[A-Z]"
                           r"|\s(?:from|on|at)\s+the\s+(?-i:(?!OFFICIAL\s)[A-Z][A-Z\d_&/.-]+\s+(?:official\s+)?)web\s?site\b",
                           re.I)
# A page on its owner's official site, the owner named in two capitalised words or more: "Profile
# at the official New Zealand Olympic Committee website".
_ON_OWNERS_SITE = re.compile(r"\S\s+(?:from|on|at)\s+the\s+official\s+(?P<owner>(?:[A-Z][\w'’&.-]*\s+){2,})web\s?site\b")
# A profile page named by its subject and the site it is at, as profile templates title their
# links: "Kristýna Plíšková at the International Tennis Federation", "Northern Mariana Islands at
# National Football Teams".
_PROFILE_AT_SITE = re.compile(r"\S[^.,;:]{0,60}?\s+at\s+(?:the\s+)?(?P<site>(?:[A-Z][\w'’&.-]*\s+){1,4}[A-Z][\w'’&-]*)[.\s]*")
# "Elections in Cyprus IFES", "Accident number by year (ACRO)", "… Developments by INB, p.73"
_TRAILING_ACRONYM = re.compile(r"(?:\s|\()[A-Z]{2,6}\)?(?:,?\s*(?:pp?|pages?)\.?\s*[\d–-]+)?[.\s]*$")
# A part of a larger work, named with the work it is in: "Tosi, Jeffrey L., article on Common
# Infrared Optical Materials in the Photonics Handbook".
_PART_IN_WORK = re.compile(r"\b(?:article|entry|chapter|essay)\s+(?:on|about|titled|entitled)\s+\S.{2,80}?\s+in\s+"
                           r"(?:the\s+)?[A-Z]")
_CS1_NO_TITLE = re.compile(r"Missing or empty \|title=")  # the rendered page says so itself
_LANGUAGE_NOTE = re.compile(r"\(in\s+[A-Z][a-z]+\)")  # "(in French)"
_PART_BREAK = re.compile(r"\.\s+|,\s+|;\s+")


def _titled_and_named(text: str) -> bool:
    """Free text in two or more parts: a phrase of two or more words, then a name that starts
    with a capital ("Canada's Food Guide. Health Canada", "The situation in the Partner
    Countries, NATO Science Programme") or says whose official site it is. A single phrase or
    a lone name is not enough."""
    text = _LANGUAGE_NOTE.sub(" ", text)
    if _REFERENCE_WORK_ENTRY.fullmatch(text.strip().rstrip(".")):
        return True  # "sinter in Encyclopædia Britannica": a headword and the work it is in
    if _REFERENCE_WORK.fullmatch(text.strip().rstrip(".")) and len(_WORD.findall(text)) >= 2:
        return True  # "Dorland's Medical Dictionary": a reference work, named alone
    by_author = _BY_AUTHOR.search(text)
    if by_author and len(_TITLE_WORD.findall(text[:by_author.start()])) >= _TITLE_BEFORE_AUTHOR_WORDS:
        return True  # "Mikhail Larionov and the Cultural Politics of Late Imperial Russia by Sarah Warren, p. 64"
    acronym = _TRAILING_ACRONYM.search(text)
    if acronym and len(_WORD.findall(text[:acronym.start()])) >= 2:
        return True  # "Elections in Cyprus IFES", "Accident number by year (ACRO)"
    if _PART_IN_WORK.search(text):
        return True  # "…, article on Common Infrared Optical Materials in the Photonics Handbook"
    site_of = _FROM_SITE_OF.search(text)
    if site_of and len(_WORD.findall(text[:site_of.start()])) >= 2:
        return True  # "U.S. President And Vice President from the website of the Missouri Secretary of State"
    if _AT_NAMED_BODY.search(text):
        return True  # "Biography at the International Motorsports Hall of Fame"
    site = _SITE_NAME.search(text)
    if site and len(_WORD.findall(text[:site.start()] + text[site.end():])) >= 2:
        return True  # "A history of Windows (at microsoft.com)"
    parts = [p.strip(" .()[]") for p in _PART_BREAK.split(text.strip())]
    parts = [p for p in parts if _WORD.search(p)]
    if len(parts) < 2:
        return False
    phrase = len(_WORD.findall(parts[0])) >= 2  # "EKG. Oxford Online Dictionaries": a longer name will do
    return any((p[:1].isupper() or _EDITED_BY.match(p) or _OFFICIAL_SITE_OF.match(p)) and not _YEAR.search(p)
               and (phrase or len(_WORD.findall(p)) >= 2) for p in parts[1:])


# The PubMed search a gene's infobox lists among the references for its human and its mouse gene,
# as a rendered page prints it: "Human PubMed Reference:", "Mouse PubMed Reference:".
_GENE_BOX_SEARCH = re.compile(r"\W*(?:Human|Mouse)\s+PubMed\s+Reference:?\W*")


def _is_source_wrapper(template: str) -> bool:
    """A "cite…" template made for one source, which supplies its own title and work
    ({{Cite Merriam-Webster}}), or one this rule cannot read ({{citekill}})."""
    key = template.strip().lower().replace("_", " ")
    if not key.startswith("cite") or key == "citation" or key.startswith("citation/"):
        return False
    return not key.startswith("cite ") or key[5:].strip() not in _GENERAL_CITES


# Authors' surnames and a short remark or title: "Smith, Renfrew", "Greenwood & Earnshaw,
# throughout the book".
_NAMES_AND_REMARK = re.compile(r"^(?P<names>[A-Z][\w'’-]+(?:\s*(?:&|and)\s*[A-Z][\w'’-]+)*(?:\s+et\s+al\.?)?),"
                               r"\s+(?P<remark>[^\d\"“”]+?)\.?$")
_REMARK_WORDS = 4
# An author's name alone, perhaps in the brackets of a bibliography's key ("[Podnieks]").
_NAME_ONLY = re.compile(r"^\[?(?:[A-ZÀ-Þ][\w'’.-]+\s+){0,3}(?P<surname>[A-ZÀ-Þ][\w'’-]+)(?:\s+et\s+al)?\.?\]?\.?$")


def _opening_words(text: str) -> set[str]:
    """The words an entry starts with, where an author's name stands: "Franciszek Proch, …"."""
    return {match.group() for _, match in zip(range(3), _WORD.finditer(text))}


def _names_an_author(ref: Reference, leading_words: Callable[[], Counter[str]]) -> bool:
    """A bare author name whose surname opens another entry of the list ("Franciszek Jozef Proch"
    beside "Franciszek Proch, Poland's Way of the Cross, New York 1987"), or authors' names and
    where in their work ("p19 Hill", "Needham, Volume 4, Part 2, 33, 110", "Miller, 186–187;
    Harris, T., 269–272") or a short remark ("Smith, Renfrew") when each opens another entry: a
    short citation."""
    text = _plain(ref.raw)
    name = _NAME_ONLY.match(text)
    if name is not None:
        surname = name.group("surname")
        return leading_words()[surname] - (surname in _opening_words(text)) > 0
    remarked = _NAMES_AND_REMARK.match(text.strip())
    if remarked is not None and len(remarked.group("remark").split()) <= _REMARK_WORDS:
        own, counts = _opening_words(text), leading_words()
        return all(counts[surname] - (surname in own) > 0
                   for surname in _NAME_TOKEN.findall(remarked.group("names")) if surname[0].isupper())
    return _located_names(text, leading_words)


# Words that say where in a work a short citation points: "p19", "Volume 4, Part 2", "pp. 5–7".
_LOCATOR_WORDS = frozenset(
    "p pp pg page pages vol vols volume volumes part parts ch chap chapter chapters no nos fig figure "
    "sec section ff f and see cf also in quoted cited passim".split()
)
_LOCATED_NAMES_WORDS = 12
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_PREFIXED_SURNAME = re.compile(r"(?:Mc|Mac)[A-Z][a-z]+$")  # "McGreevy", "MacDonald"


def _located_names(text: str, leading_words: Callable[[], Counter[str]]) -> bool:
    """Whether ``text`` is surnames (and initials) and locators only, with a page number, and
    every surname opens another entry of the list: "ACRO Presentation. Retrieved 12 May 2012"
    is a title, not a short citation."""
    if not any(ch.isdigit() for ch in text) or text[:1].isdigit() or any(q in text for q in _OPENING_QUOTES):
        return False  # "7.0 Release Notes", '"Hill" 4': a title with a number
    tokens = _NAME_TOKEN.findall(re.sub(r"\b(?:pp?|pg)(?=\d)", " ", text))
    if len(tokens) > _LOCATED_NAMES_WORDS:
        return False
    surnames = [token for token in tokens if token.lower() not in _LOCATOR_WORDS and len(token) > 1]
    if not surnames or not all(name[0].isupper() and (name[1:].islower() or _PREFIXED_SURNAME.match(name))
                               for name in surnames):
        return False  # "Event 25 Men 400 metre results", "Red Flag 4 server": a title's words
    own = _opening_words(text)
    counts = leading_words()
    return all(counts[name] - (name in own) > 0 for name in surnames)


_QUOTE_MARKS = re.compile(r"[\"“”„«»]")
_SHORT_FORM_WORDS = 8
# An author after the title, by initials and surname: "…, D. Kleppner", "…, J.R. Forshaw" (not "U.S. Presidential").
_AUTHOR_BY_INITIALS = re.compile(r",\s*(?:[A-Z]\.\s?)+[A-Z][a-z]{2,}")


def _comparable(text: str) -> str:
    """An entry's words as a short form and its full entry share them: a dump's underscores as
    spaces, no quotation marks, white space collapsed."""
    return " ".join(_QUOTE_MARKS.sub("", text.replace("_", " ")).split())


def _shortened_from(text: str, entries: Callable[[], list[str]], bibliography: Callable[[], list[str]]) -> bool:
    """Whether a few words are the short form of a fuller entry, as a list of short citations
    gives its sources: the unquoted opening of an entry of the bibliography, which lists a work
    by its author or, lacking one, its title ("Merriam-Webster." for "Merriam-Webster.
    "Definition of LEAD". www.merriam-webster.com", "Weatherings to Parapets." for "Weatherings
    to Parapets and Cornices"; a quoted title, '"United States"', is a page's own), or an
    author's initials and name, other names and a year that a fuller entry of the list or the
    bibliography holds together ('"Mechanics, D. Kleppner 2010"' for "An Introduction to
    Mechanics, D. Kleppner, R.J. Kolenkow, Cambridge University Press, 2010"). A lone name that
    opens another numbered entry ("BBC." beside "BBC. "Title". 2010.") may be any page of that
    source, so only the bibliography's openings count."""
    # A retrieval date dates no work, and an address's words name none: "[http://…/2010/…], CNN Money."
    short = _comparable(_URL.sub(" ", _ACCESS_PHRASE.sub(" ", text))).rstrip(" .,;:[]")
    words = short.split()
    if not 0 < len(words) <= _SHORT_FORM_WORDS or _WORK_WORD.search(short) is None:
        return False
    opening = short.casefold()
    if not _QUOTE_MARKS.search(text) and any(line.casefold().startswith(opening) and not line[len(short):len(short) + 1].isalnum()
           and len(line.split()) > len(words) for line in bibliography()):
        return True
    years = set(_YEAR.findall(short))
    names = {word for word in _WORK_WORD.findall(short) if word[0].isupper()}
    if not years or not names or _AUTHOR_BY_INITIALS.search(short) is None:
        return False  # a page's title with a year ("Hall of Fame, 2009") is no author's work
    return any(len(full.split()) > len(words) and years <= set(_YEAR.findall(full))
               and names <= set(_WORK_WORD.findall(full)) for full in (*entries(), *bibliography()))


# Where in a work a short citation points, then the work: "Section 8.3 in Concrete Mathematics",
# "Chapter 2 of The Art of Computer Programming".
_LOCATED_IN_WORK = re.compile(
    r"(?:(?:section|chapter|ch\.|§|pages?|pp?\.|table|figure|fig\.|example|exercise|theorem|lemma|eq\.)\s*"
    r"[\dIVXivx][\w.–-]*,?\s+)+(?:in|of)\s+(?P<work>(?-i:[A-Z]).{2,80}?)\.?", re.I)
_SHORTEST_WORK_NAME = 6  # "Ulysses", "Genesis"
_HELD_WORDS = 16  # a paper's full title: "A quantitative approach to the morphological typology of language"
_HELD_RUN_WORDS = 4


def _held_by_bibliography(text: str, bibliography: Callable[[], list[str]]) -> bool:
    """Whether an entry names a work the bibliography describes in full: a place in it and its
    title ("Section 8.3 in Concrete Mathematics"), its authors and title in the full entry's order
    ("Freedman, David; Pisani, Robert; Purves, Roger. Statistics." for "Freedman, David; Pisani,
    Robert; Purves, Roger (2007). Statistics (4th ed.). New York: Norton."), or a title of some
    words the full entry holds ("A quantitative approach to the morphological typology of
    language" for "Joseph H. Greenberg: A quantitative approach to …, 1960")."""
    short = _comparable(_URL.sub(" ", _ACCESS_PHRASE.sub(" ", text))).strip(" .,;:[]")
    if (located := _LOCATED_IN_WORK.fullmatch(short)) is not None:
        if len(located["work"]) < _SHORTEST_WORK_NAME:
            return False  # "Section 2 in The": no work's name
        work = re.compile(rf"(?<!\w){re.escape(located['work'].casefold())}(?!\w)")
        return any(work.search(line.casefold()) for line in bibliography())
    words = [word.casefold() for word in _TITLE_WORD.findall(short)]
    if not 3 <= len(words) <= _HELD_WORDS:
        return False
    # The whole title of the full entry, ended by its punctuation: not the opening of a longer
    # title, nor a series before its volumes ("Dokumentation der Vertreibung … Vol. 1-5").
    whole_title = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?=\s*[,.;:(]|\s*$)")
    for line in bibliography():
        full = [word.casefold() for word in _TITLE_WORD.findall(line)]
        if len(full) <= len(words) or full[:len(words)] == words:
            continue  # an entry's opening is a short form only within _shortened_from's bounds
        if len(words) >= _HELD_RUN_WORDS and whole_title.search(line.casefold()):
            return True
        remaining = iter(full)
        if full[0] == words[0] and all(word in remaining for word in words):
            return True
    return False


def _is_short_citation(ref: Reference) -> bool:
    """An entry that points into a full citation elsewhere: author (year), page."""
    if ref.template.strip().lower() in _SHORT_TEMPLATES or _SHORT_TEMPLATE_CALL.match(ref.raw):
        return True
    text = _ARCHIVE_NOTE.sub(" ", _plain(ref.raw)).strip(" ;")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()  # "(Kirby, pp. 102,103)"
    if _URL.search(text):
        return False
    leading = _LEADING_LOCATED_CITE.match(text)
    return bool(_SHORT_CITE.match(text) or _POINTER_CITE.search(text) or _SHORT_PAGE_CITE.match(text)
                or (len(text.split()) <= _SHORT_CITE_WORDS and _LOCATED_CITE.match(text))
                or (leading and len(leading.group("who").split()) <= _LEADING_CITE_WORDS))

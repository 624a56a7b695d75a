"""Reference text and citation templates -> the normalised fields every parser agrees on.

Rendered pages (plain text, HTML) only keep the CS1/CS2 *output* ("Author (date). "Title".
Work. Archived from the original on … Retrieved …"), so ``parse_reference_text`` reads
that output back into fields. Wikitext keeps the template *input*, whose parameters come
with many aliases and localised names; ``normalize_template_params`` folds them into the
same fields. Rules then read one vocabulary, whatever the input format was.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit

from citecheck.patterns import alternation
from citecheck.parsers.scripture import cites_verses_only

# The headings of sections that list the works short citations point to ("Brittain" for
# "Brittain, J.E. (1990) …"), in every reader.
BIBLIOGRAPHY_SECTIONS = frozenset({"bibliography", "sources", "works cited", "literature", "general references",
                                   "bibliographie", "literatur", "bibliografía", "литература"})
# The bodies that number their standards, a number after whose name is the standard's, not a
# figure or a year ("ISO 9000", "ASTM E 1820").
STANDARD_BODIES = "ASTM|ISO|IEC|DIN|EN|ANSI|SAE|JIS|IEEE"
# The year a listed work came out: what tells a reference list's unnumbered works, its
# bibliography, from its other lines.
DATED_WORK = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\b")

FIELDS = (
    "title", "work", "publisher", "url", "archive_url", "archive_date",
    "access_date", "date", "url_status", "language", "quote", "author", "via",
)

# --- rendered CS1 text -------------------------------------------------------------

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_SEASONS = "Spring|Summer|Autumn|Fall|Winter"
# A whole segment that is a publication date in one of the CS1 renderings.
_DATE_PART = re.compile(
    rf"""^(?:
        (?:\d{{1,2}}(?:[–-]\d{{1,2}})?\s+(?:{_MONTHS})\.?,?\s+\d{{4}})          # 1 October 2020
      | (?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:[–-]\d{{1,2}})?,?\s+\d{{4}})          # October 1, 2020
      | (?:(?:{_MONTHS}|{_SEASONS})(?:[–/-](?:{_MONTHS}))?\s+\d{{4}})           # October 2020
      | (?:\d{{4}}-\d{{2}}(?:-\d{{2}})?)                                         # 2020-10-01
      | (?:(?:0?[1-9]|[12]\d|3[01])(?P<sep>[-/])(?:0?[1-9]|[12]\d|3[01])(?P=sep)\d{{4}})   # 03-05-1967, 13-05-1967
      | (?:c\.\s*)?\d{{4}}(?:[–-]\d{{2,4}})?[a-z]?                               # 2020, 2019–20
      | n\.d\.
    )$""",
    re.X | re.I,
)
_ARCHIVED = re.compile(
    r"Archived(?:\s*\((?:PDF|\w+)\))?\s+from\s+the[ _]original(?:\s*\([^)]*\))?"
    r"(?:\s+on\s+(?P<date>[^.]{0,40}?\d{4}(?:-\d{1,2}-\d{1,2})?)|\s+on)?\s*(?:[.,]|$)",  # "," in CS2
    re.I,
)
# The entry MediaWiki prints in a reference list for a named reference used but never defined,
# after its backlink where a copy keeps it: "^ a b Cite error: The named reference fbn was invoked
# but never defined (see the help page)." It is no entry: its markers stay undefined (CC501).
CITE_ERROR = re.compile(r"\^?\s*(?:[a-z]{1,2}\s+)*Cite[ _]error\b", re.I)
# {{webarchive}} output: "Archived 2010-02-10 at the Wayback Machine", "Archived October 30, 2008,
# at the Wayback Machine" (a US date keeps its comma), "Archived 2013-01-12 at archive.today".
# The hosts of web archives, as an archive link names them ("https://web.archive.org/web/…").
ARCHIVE_HOST = re.compile(
    r"(?:web\.archive\.org|wayback\.archive\.org|archive\.(?:today|is|ph|li|fo|md|vn)/|webcitation\.org"
    r"|arquivo\.pt/wayback|archive\.wikiwix\.com|webarchive\.(?:loc\.gov|nationalarchives\.gov\.uk|org\.uk))",
    re.I,
)
WEBARCHIVE = re.compile(
    r"Archived\s+(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},\s+\d{4}),?\s+at\s+(?:the[ _])?"
    r"(?:Wayback[ _]Machine|archive\.(?:today|is|ph)|Archive-It|WebCite|Library[ _]of[ _]Congress[ _]Web[ _]Archives"
    r"|UK[ _]Government[ _]Web[ _]Archive|Portuguese[ _]Web[ _]Archive|Ghostarchive|Wikiwix)",
    re.I,
)
# Rendered archive phrases: "Archived from the original", CS2's "archived from the original",
# "Archived (PDF) from the original" for a document, {{webarchive}}'s "Archived … at the
# Wayback Machine" (whatever its date order).
ARCHIVED_PHRASE = re.compile(
    rf"Archived(?:[ _]\(\w+\))?[ _]from[ _]the[ _]original|retrieved\s+and\s+archived\b|{WEBARCHIVE.pattern}", re.I)
_RETRIEVED = re.compile(r"Retrieved\s+(?:on\s+)?(?P<date>[^.]{0,40}?\d{4}(?:-\d{1,2}-\d{1,2})?)(?=\s*(?:[.–—-]|$))", re.I)
# Other wikis' renderings of "Retrieved ..." and "Archived from the original on ...".
_RETRIEVED_LOCAL = re.compile(
    r"(?:abgerufen\s+am|consulté\s+le|consultado\s+el|consultato\s+il|проверено|truy\s+cập\s+ngày)"
    r"\s+(?P<date>[^;()\n]{0,30}?\d{4})",
    re.I,
)
_ARCHIVED_LOCAL = re.compile(
    r"(?:archiviert\s+vom\s+Original\s+am|archivé\s+de\s+l[’']original\s+le|"
    r"archivado\s+desde\s+el\s+original\s+el|archiviato\s+dall[’']url\s+originale\s+il)"
    r"\s+(?P<date>[^;()\n]{0,30}?\d{4})",
    re.I,
)
_VIA = re.compile(r"\s*[–—-]\s*via\s+(?P<via>.{1,80}?)\.?(?=\s+[A-Z\"“]|\s*$)", re.I)
_VIA_DOMAIN = re.compile(r"\s*[–—-]\s*via\s+(?P<via>(?:[\w-]+\.)+[a-z]{2,})\.?(?=\s|$)", re.I)
_LANGUAGE = re.compile(r"\(in\s+(?P<lang>[A-Z][\w-]+(?:(?:,\s*|\s+and\s+)[A-Z][\w-]+)*)\)")
_FORMAT_NOTE = re.compile(
    r"\s*\((?:Video|PDF|DOC|XLS|Audio|Podcast|Press release|Map|Report|Speech|Interview|"
    r"Television production|Radio broadcast|Tweet|Subscription required|Registration required|"
    r"Paid subscription required|Free|Online)\)",
    re.I,
)
# CS1 error and maintenance messages that leak into copied text.
_CS1_ERRORS = re.compile(
    r"\s*(?:\|[\w-]+=\s*(?:requires|has)[^.]*?\(help\)|\{\{[^}]*\}\}:[^.]*?\(help\)|"
    r"CS1 maint:[^.]*\.|Cite uses deprecated parameter[^.]*\.|\(help\))",
    re.I,
)
_DEAD_MARK = re.compile(r"\s*\[(?:permanent[ _])?dead[ _]link\]", re.I)
_DASH_VIA = re.compile(r"[–—-]\s*via", re.I)  # without it neither _VIA nor _VIA_DOMAIN matches


def _may_hold_cs1_message(lowered: str) -> bool:
    """Whether lower-cased text holds a word every _CS1_ERRORS match needs."""
    return "help" in lowered or "1 ma" in lowered or "deprecated" in lowered


def _may_hold_local_retrieval(lowered: str) -> bool:
    """Whether lower-cased text holds a word every _RETRIEVED_LOCAL match needs."""
    return "abgerufen" in lowered or "ult" in lowered or "пр" in lowered or "truy" in lowered


_CLOSE_QUOTE = {
    opening: re.compile(rf"""[{closing}](?=\s*(?:[.,;:\[(]|$))|(?<=[.!?…])[{closing}](?=\s)""")
    for opening, closing in (('"', '"”'), ("“", '"”'), ("«", "»"), ("„", "“”"))
}


def _find_title(body: str) -> tuple[int, int, str] | None:
    """The quoted title: from the first opening quote to the first quote that closes it
    (one followed by ". , ; : [ (" or the end, or one after closing punctuation).

    Inner quotes ("Barkhudarov: "We will fight"") stay inside. Linear in the text length.
    """
    opening = re.search(r"[\"“«„]", body)
    if opening is None:
        return None
    closing = _CLOSE_QUOTE[opening.group()].search(body, opening.end() + 1)
    if closing is None:
        return None
    return opening.start(), closing.end(), body[opening.end():closing.start()].strip()
_TRANS = re.compile(r"^\s*\[(?P<trans>[^\]]+)\]")
# The date in brackets names a year of record: "(52-3417)" is a product number, not a date.
_AUTHOR_DATE = re.compile(r"^(?P<author>.+?)\s*\((?P<date>[^()]*?(?:(?<!\d)(?:1\d|20)\d\d(?!\d)|n\.d\.)[^()]*)\)\.?\s*$")
_PART_END = re.compile(r"\.\s+|\.$")
_LAST_WORD = re.compile(r"([^\W_]+)$")  # of "Drucker,_Peter_F.", as a text dump joins words: "F"
_VOLUME = re.compile(r"^\d+\s*(?:\([^)]*\)?)?\s*(?::|$)")
_NO_SPLIT_AFTER = frozenset(
    "pp p vol no nos ed eds jr sr st inc co ltd corp dr mr mrs ms prof gen col lt vs v ch sec fig "
    "trans repr rev dept univ assn bros et al".split()
)
_SKIP_PART = re.compile(
    r"^(?:ISBN|ISSN|OCLC|doi|PMID|PMC|Bibcode|arXiv|JSTOR|S2CID|hdl|LCCN|ASIN|SSRN|OL|ZDB|"
    r"pp?\.|pages?\b|p\.|Vol\.|vol\.|No\.|Issue|ch\.|Chapter)\b",
    re.I,
)


def parse_reference_text(raw: str, linked_text: str = "") -> dict[str, str]:
    """Fields of one rendered reference entry (CS1/CS2 output read back).

    Understands the parts CS1 renders in a fixed order: authors with the date in
    parentheses, the quoted title with a translated title in brackets, work and publisher,
    "(in Russian)", the publication date, "Archived from the original on …", "Retrieved …",
    "– via …" and a trailing quotation. Free text that follows none of this yields few or
    no fields rather than guesses.
    """
    fields: dict[str, str] = {}
    # Each pattern runs only where the words it needs occur: most entries hold no archive
    # phrase, no "via", no CS1 message. The words looked for in lower case avoid the letters
    # whose case-insensitive matches lower() does not produce ("i": "ı", "s": "ſ", "в", "о").
    dead_mark = _DEAD_MARK.search(raw) if "[" in raw else None
    text = _DEAD_MARK.sub("", raw) if dead_mark else raw
    if _may_hold_cs1_message(text.lower()):
        text = _CS1_ERRORS.sub("", text)
    if "(" in text:
        text = _FORMAT_NOTE.sub("", text)
    text = " ".join(text.split())  # runs of white space as one space, trimmed
    if not text:
        return fields

    lang = _LANGUAGE.search(text) if "(in" in text else None
    if lang:
        fields["language"] = lang.group("lang")
        text = (text[: lang.start()].rstrip() + text[lang.end():]).strip()
        text = re.sub(r"\s+([.,])", r"\1", text)

    lowered = text.lower()
    webarchive = WEBARCHIVE.search(text) if "arch" in lowered else None
    link_label = ""  # {{webarchive}} follows a link: the text just before it is the link's label
    if webarchive:
        fields["archive_date"] = webarchive.group("date")
        before_archive = text[: webarchive.start()].rstrip(" .")
        link_label = (_split_parts(before_archive) or [""])[-1]
        text = (before_archive + ". " + text[webarchive.end():].lstrip(" .")).strip()
        lowered = text.lower()

    # Split off the archive / retrieval tail: everything before it is citation body.
    tail_start = len(text)
    archived = _ARCHIVED.search(text) if "arch" in lowered else None
    if archived:
        tail_start = min(tail_start, archived.start())
        if archived.group("date"):
            fields.setdefault("archive_date", archived.group("date").strip(" ,"))
        if "the_original" in archived.group():
            # Text dumps write link text with underscores: "the original" is a link only
            # when CS1 renders a dead original (the title then links to the archive).
            fields["url_status"] = "dead"
    if archived is None and "arch" in lowered:
        archived = _ARCHIVED_LOCAL.search(text)
        if archived:
            tail_start = min(tail_start, archived.start())
            fields.setdefault("archive_date", archived.group("date").strip(" ,."))
    after_archive = archived.end() if archived else 0
    retrieved = ((_RETRIEVED.search(text, after_archive) if "retr" in lowered else None)
                 or (_RETRIEVED_LOCAL.search(text, after_archive) if _may_hold_local_retrieval(lowered) else None))
    if retrieved:
        tail_start = min(tail_start, retrieved.start())
        fields["access_date"] = retrieved.group("date").strip(" ,")
    via = (_VIA_DOMAIN.search(text) or _VIA.search(text)) if _DASH_VIA.search(text) else None
    if via:
        fields["via"] = via.group("via").strip()
        tail_start = min(tail_start, via.start())
    if dead_mark:
        fields["url_status"] = "dead"

    body = text[:tail_start].strip()
    ends = [m.end() for m in (archived, retrieved, via) if m]
    quote = re.sub(r"^\s*\.(?!\.)", "", text[max(ends):]).strip() if ends else ""
    if quote:
        quote = re.sub(r"^\s*[–—-]\s*via\s+\S+\s*", "", quote).strip()

    issue = _ISSUE_PAGE.match(body)
    title = None if issue else _find_title(body)
    rest_parts: list[str]
    if issue:
        # A page of an issue and nothing else: "The London Gazette, 26 June 1917, p. 1238."
        fields["work"], fields["date"] = issue["work"].strip(), issue["date"]
        rest_parts = []
    elif title:
        title_start, title_end, title_text = title
        before = body[:title_start].strip()
        _author_and_date(before, fields)
        fields["title"] = title_text.strip().rstrip(",")
        after = body[title_end:].lstrip(".,; ")
        trans = _TRANS.match(after)
        if trans:
            fields["title"] += f" [{trans.group('trans').strip()}]"
            after = after[trans.end():].lstrip(".,; ")
        rest_parts = _split_parts(after)
    else:
        parts = _split_parts(body)
        if parts and _AUTHOR_DATE.match(parts[0] + "."):
            _author_and_date(parts[0] + ".", fields)
            parts = parts[1:]
            if parts:
                fields["title"] = parts[0]
                parts = parts[1:]
        else:
            parts = (_title_beside_link(parts, linked_text, fields)
                     or _unquoted_title(parts, link_label or _opening_link(parts, linked_text), fields))
        rest_parts = parts if "title" in fields or "date" in fields else []

    date_seen = False  # a date among the parts after the title
    names: list[str] = []
    trailing: list[str] = []
    for part in rest_parts:
        part = part.strip(" ,;").rstrip(".")
        if not part or _SKIP_PART.match(part) or _PRINTED_LINK.match(part):
            continue  # an identifier, a page, or the link printed after the names: no work or publisher
        if _DATE_PART.match(part) and not date_seen:
            fields.setdefault("date", part)
            date_seen = True
            continue
        if _VOLUME.match(part) or not _has_two_letters(part):
            continue  # "86 (52): 159–170", page ranges
        if date_seen:
            trailing.append(part)  # free text after the date: CS1 renders quotes there
            continue
        names.append(part)
    if names:
        fields["work"] = names[0]
        if len(names) > 1:
            publisher = names[1]
            if ":" in publisher:  # "Seattle, Washington: AIAA" -> place: publisher
                publisher = publisher.split(":", 1)[1].strip()
            fields["publisher"] = publisher
    elif title:
        # Nothing after the quoted title: it may name the site itself, as a page's title does.
        page = _page_and_site(fields["title"], quoted=True) or _entry_of_work(fields["title"])
        if page:
            fields["title"], fields["work"] = page
    if trailing and not quote:
        quote = ". ".join(trailing)
    if quote:
        fields["quote"] = quote
    return {k: v for k, v in fields.items() if v}


def _has_two_letters(text: str) -> bool:
    """Whether ``text`` holds two letters or more; stops at the second."""
    found = 0
    for ch in text:
        if ch.isalpha():
            found += 1
            if found == 2:
                return True
    return False


def _title_beside_link(parts: list[str], label: str, fields: dict[str, str]) -> list[str]:
    """The parts after the title when a link's label (``label``, where the copy keeps its links)
    opens a part and a name follows it there: in "<a>Camera Sensor Ratings</a> DxOMark" or
    "<a>Peter Allen</a> bluedesert.dk" the label is the page's title and the name its site, as a
    name after a quoted title is. [] when the label is a whole part (``_unquoted_title`` reads
    that), an address or an identifier ("10.1016/…"), runs into a dash ("<a>Title -</a> Site":
    a "Page - Site" text cut by its link), or what follows it is no name: a note such as
    "(Russian)", "Accessed 9 Aug 2012", words in lower case, an author ("By Stephan Thernstrom").
    A name before the label may be its author's ("Tadeusz Piotrowski <a>Poland …</a>")."""
    label = " ".join(label.split())
    if (not _has_two_letters(label) or label[:1].isdigit() or _DOMAIN.match(label) or _URL_START.match(label)
            or label[-1] in _LINK_SEPARATORS):
        return []
    for at, part in enumerate(parts):
        if part == label:
            return []
        if not part.startswith(label):
            continue
        name = part[len(label):].strip(_LINK_SEPARATORS).split(", ", 1)[0]  # "<a>…</a> YouTube, 01/21/11"
        if not (_reads_as_name(name) or _DOMAIN.match(name)) or name.lower().startswith("by "):
            return []
        fields["title"] = label
        return [name, *parts[at + 1:]]
    return []


# A link an entry prints in full after its names: "http://www.bbc.co.uk/news/…" (a site's address
# alone, "www.cdc.gov", is the work it names).
_PRINTED_LINK = re.compile(r"(?:https?:)?//", re.I)
_URL_START = re.compile(rf"{_PRINTED_LINK.pattern}|www\.", re.I)
_LINK_SEPARATORS = " ,;:|-–—"


def _opening_link(parts: list[str], label: str) -> str:
    """The words of the link an entry opens with, when they make its whole first part and more
    parts follow ("<a>Silva, German</a>. IAAF."): a linked page's title, as a quoted one is; not
    an address, nor a link numbered as a bare one is ("<a>[1]</a>. CNET.")."""
    label = " ".join(label.split())
    if (len(parts) < 2 or parts[0] != label or not _has_two_letters(label) or _DOMAIN.match(label)
            or _URL_START.match(label)):
        return ""
    return label


def _unquoted_title(parts: list[str], link_label: str, fields: dict[str, str]) -> list[str]:
    """The title of free text that does not quote it, where something marks it; the parts after it.

    A link label (the text {{webarchive}} follows: "Wool History Archived … at the Wayback
    Machine. Tricountyfarm.org.", or the link the entry opens with: "<a>Silva, German</a>. IAAF.")
    is the title; so is the part before a site named by its
    domain ("Metabolic syndrome. Ncbi.nlm.nih.gov. Retrieved …", "About us. Sea.org."), with a
    single part before that taken as the authors; so is a whole entry that names its source after
    it ("Page - Site", "Overview via Wikinvest", "θάλπος in A Greek–English Lexicon"). Anything
    else stays untitled.
    """
    if link_label in parts and not _DOMAIN.match(link_label):
        at = parts.index(link_label)
        fields["title"] = link_label
        return parts[at + 1:]
    page = (_page_and_site(parts[0]) or _title_and_source(parts[0]) or _label_and_name(parts[0])
            if len(parts) == 1 else None)
    if page:
        fields["title"] = page[0]
        return [page[1]]
    site = next((i for i, part in enumerate(parts) if i and _DOMAIN.match(part.rstrip("."))), 0)
    if not site:
        return parts
    fields["title"] = parts[site - 1]
    if site == 2:
        fields["author"] = parts[0]
    return parts[site:]


# The dashes and the bar that part a page from its site; a copy decoded with the wrong code page
# turns an en or em dash into "â\x80\x93" or "â\x80\x94".
SITE_SEPARATOR = r"(?:[-–—|]|â\x80[\x93\x94])"
# A linked page's title as browsers show it, "Page - Site": after a numbered link ("[1] Victor
# Horta - Encyclopaedia Britannica", "[20] List of buildings in Aarhus- Art Nouveau World"), or as a
# dump's link text ("Thistle_-_Art_Nouveau_World").
_PAGE_AND_SITE = re.compile(
    rf"^(?P<link>\[\d{{1,3}}\][\s_]*)?(?P<page>[^\W_].*?)[\s_]*(?P<separator>{SITE_SEPARATOR})[\s_]+"
    r"(?:(?:from|at|on|via)[\s_]+)?(?P<site>[^\W\d_].*)$"  # "Average — from Wolfram MathWorld"
)
_SEPARATOR = re.compile(rf"[\s_]{SITE_SEPARATOR}[\s_]")
_NAME_WORDS = 8
# The small words a name may hold in lower case: "Official website of Casa Milà", "Museums of EU".
_NAME_JOINERS = frozenset("of the and for in on at de du des la le van von der den y et di da do dos das".split())


# A dump's link text (words joined by underscores) followed by more words, a remark aside:
# "College_Board_Tests_>_AP:_Subjects_>_Statistics The College Board (relates to USA students)".
_LABEL_THEN_WORDS = re.compile(r"^(?P<label>[^\s_]+(?:_+[^\s_]+){2,})(?<![,;:.])\s+(?P<rest>[^\s_]+\s.*?)(?:\s*\([^()]*\))?$")


def _label_and_name(text: str) -> tuple[str, str] | None:
    """Title and publisher of free text that is a link followed by a name of two words or
    more ("…_>_Statistics The College Board"). A line break inside
    the link leaves one word of it without underscores, so a single word after it is no name."""
    match = _LABEL_THEN_WORDS.match(text)
    if match is None or not _reads_as_name(match.group("rest")):
        return None
    return match.group("label"), match.group("rest")


def _reads_as_name(text: str) -> bool:
    """A name: starts with a capital, holds no figure, eight words at most, and most of its
    words capitalised ("Official website of Casa Milà", "Museums of EU")."""
    words = [w for w in re.split(r"[\s_]+", text) if w.lower() not in _NAME_JOINERS]
    if not words or len(words) > _NAME_WORDS or not text[:1].isupper() or any(ch.isdigit() for ch in text):
        return False
    return 3 * sum(w[:1].isupper() for w in words) >= 2 * len(words)


def _page_and_site(text: str, quoted: bool = False) -> tuple[str, str] | None:
    """Page title and site of a link that is only "Page - Site" ("[1] Victor Horta -
    Encyclopaedia Britannica", "Spencer's_Average_—_from_Wolfram_MathWorld"), or of any entry
    "Page | Site".

    Unlinked, "Second Chance – The Success Story of Asafa Powell" is a book's subtitle, and
    "Emuge, Punch Tap - The new thread technology" a title with a dash in it; no book sets its
    subtitle off with a bar. In a ``quoted`` title, which the citation gives as the page's own,
    only a publisher's acronym after the separator is surely a site ("Definition & Facts for
    Kidney Stones | NIDDK"): "CityBridge – LinkNYC" may be a page's name and its subtitle, unless
    other titles of the list end with the same name (see ``name_shared_sites``).
    """
    match = _site_match(text)
    if match is None:
        return None
    linked = bool(match.group("link")) or "_" in text
    if not (linked or match.group("separator") == "|") or (quoted and not _ACRONYM.fullmatch(match.group("site"))):
        return None
    return match.group("page"), match.group("site")


def _site_match(text: str) -> re.Match[str] | None:
    """"Page - Site" with one separator, where the part after it reads as a name. An entry with
    more separators ("Page | Site - Slogan", "Alta - Space Propulsion - Field Emission") is left
    unread, since which part is the site is a guess."""
    match = _PAGE_AND_SITE.match(text)
    if match is None or len(_SEPARATOR.findall(text)) > 1 or not _reads_as_name(match.group("site")):
        return None
    return match


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_SHARED_SITE_TITLES = 2


def name_shared_sites(entries: list[dict[str, str]]) -> None:
    """Read the site's name off the titles of one page's references that end with the same name
    ("Ancient Philosophy – Exactly What Is Time?", "Modern Philosophy – Exactly What Is Time?"):
    a name that several pages share is their site's, not a subtitle. Only entries that name no
    work or publisher otherwise change; ``entries`` are their fields, updated in place."""
    pages: list[tuple[dict[str, str], str, str]] = []
    for fields in entries:
        title = fields.get("title")
        if title and not (fields.get("work") or fields.get("publisher")):
            match = _site_match(title)
            if match is not None:
                pages.append((fields, match.group("page"), match.group("site")))
    titles_per_site = Counter(site for _, _, site in pages)
    for fields, page, site in pages:
        if titles_per_site[site] >= _SHARED_SITE_TITLES:
            fields["title"], fields["work"] = page, site


# A title that opens with the work it is an entry of: "IUPAC_Gold_Book._Enthalpy,_H".
_WORK_THEN_ENTRY = re.compile(r"^(?P<work>[^.]+)\.[\s_]+(?P<entry>[^.]+)$")
_ENTRY_WORDS = 6


def _entry_of_work(title: str) -> tuple[str, str] | None:
    """Entry and work of a title "Work. Entry" whose first part names a kind of reference work
    or body ("IUPAC Gold Book. Enthalpy, H"); a title's own sentences ("Coffee. A history") name none."""
    match = _WORK_THEN_ENTRY.match(title)
    if (match is None or _SOURCE_KIND.search(match.group("work")) is None or not _reads_as_name(match.group("work"))
            or len(re.split(r"[\s_]+", match.group("entry"))) > _ENTRY_WORDS):
        return None
    return match.group("entry"), match.group("work")


# An entry naming its source after the title: "Overview_via_Wikinvest", "Enthalpy in A Greek–English
# Lexicon", "Smoothing at the National_Institute_of_Standards_and_Technology", "… on YouTube". The
# last such word counts ("Coffee, brewed from grounds, … in the USDA nutrient database").
_SOURCE_AFTER = re.compile(r"[\s_,]+(?P<word>via|in|at|on|from)[\s_]+(?:(?:the|an?)[\s_]+)?(?=\S)", re.I)
# A site's own name, as external-link templates print it after "at" or "on": a brand written in
# one word with a capital inside ("ColourLex", "YouTube", "IMDb", "AllMusic", "eMedicine") or an address
# ("glbtq.com"). Ordinary words after "at" name a place of the title ("Murder at the Vicarage").
_BRAND = re.compile(r"[A-Z][a-z]*[A-Z][A-Za-z]*|[A-Za-z]*[a-z][A-Z][A-Za-z]+")
# Link texts that say what kind of page it is but name none: "Quote at Wheregirlskissgirls.com",
# "Profile at Queertheory.com" and "Official Biography at CFRB.com" have no title.
_NO_TITLE = frozenset({
    "here", "link", "quote", "quotes", "source", "website", "web site", "official website", "official site",
    "homepage", "home page", "page", "article", "online", "profile", "biography", "official biography", "bio",
})
# A link text that says it is a page of something: "Dickie Noles page at Baseball Reference".
_PAGE_KIND_END = re.compile(r"\S\s+(?:page|profile|entry|biography|statistics|stats)$", re.I)
# An abbreviation the name ends with: "Medical Subject Headings (MeSH)".
_NAME_ABBREVIATION = re.compile(r"\s*\([A-Za-z]{2,8}\)$")
# The kinds of work and body a source is named by: a "… database", "… Institute" or "… Project" is one, where
# "Elections in Cyprus" or "History of coffee in the Ottoman Empire" names a subject.
_SOURCE_KIND = re.compile(
    r"(?<![^\W_])(?:e-)?(?:database|dictionary|lexicon|encyclop(?:a|ae|æ)?edia|handbook|glossary|thesaurus|almanac"
    r"|atlas|yearbook|gazetteer|factbook|book|catalog(?:ue)?|archives?|collection|library|museum|institute|university"
    r"|academy|society|agency|ministry|bureau|commission|survey|project)(?![^\W_])",
    re.I,
)


def _title_and_source(text: str) -> tuple[str, str] | None:
    """Title and source of an entry that names the source after the title: "via" a name, "in",
    "at", "on" or "from" a named kind of work or body ("in the USDA nutrient database"), "at" or
    "on" a site by its brand or address ("… at ColourLex", "… on YouTube") or, after a page of
    something, by any name ("Dickie Noles page at Baseball Reference"); a lone name after
    "in" is the title's subject ("Elections in Cyprus"), and a link text such as "Quote" no title."""
    matches = list(_SOURCE_AFTER.finditer(text))
    if not matches:
        return None
    word = matches[-1].group("word").lower()
    title, source = text[:matches[-1].start()], text[matches[-1].end():]
    if word == "via" or word in ("at", "on") and _PAGE_KIND_END.search(title):
        named = _reads_as_name(source)  # "Dickie Noles page at Baseball Reference": a page of a site
    else:
        named = _names_a_body(_NAME_ABBREVIATION.sub("", source)) or (word in ("at", "on") and names_a_site(source))
    return (title, source) if named and _LETTER.search(title) and title.strip().lower() not in _NO_TITLE else None


def names_a_site(text: str) -> bool:
    """A site named by its brand ("ColourLex", "YouTube") or its address ("glbtq.com")."""
    return _BRAND.fullmatch(text) is not None or _DOMAIN.match(text) is not None


def _names_a_body(text: str) -> bool:
    """A name of a kind of work or body: a capitalised word, a word such as "database" or
    "Institute", no figure, eight words at most ("USDA nutrient database")."""
    words = re.split(r"[\s_]+", text)
    return (_SOURCE_KIND.search(text) is not None and any(word[:1].isupper() for word in words)
            and len(words) <= _NAME_WORDS and not any(ch.isdigit() for ch in text))


_LETTER = re.compile(r"[^\W\d_]")


# A page of a periodical's issue given as its name, its day and its page, with no article's title:
# "The London Gazette, 26 June 1917, p. 1238.", "Supplement to the London Gazette, 24 August 1954,
# pp. 4883–4885."
_ISSUE_PAGE = re.compile(
    rf"(?P<work>[A-Z][^,.;:()\"“”]{{2,60}}?),\s+(?P<date>\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|(?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}}),"
    r"\s+pp?\.\s*\d")


def _author_and_date(before: str, fields: dict[str, str]) -> None:
    """Authors and date from the "Carley, Patricia (29 September 2020)." prefix, and the note a
    footnote gives before them ("Denver traded this selection … (176th overall). Smith, Michael
    (March 2, 2007).")."""
    if not before or len(before) > 1000:
        return
    note, before = _note_before_authors(before)
    if note:
        fields["note"] = note
    match = _AUTHOR_DATE.match(before)
    if match:
        fields["author"] = match.group("author").strip(" .")
        fields["date"] = match.group("date").strip()
    elif len(before) < 200:
        fields["author"] = before.strip(" .")


def _note_before_authors(before: str) -> tuple[str, str]:
    """The note that opens an entry before its authors and date, and the rest: prose ended by a
    full stop right before a capital, with ``_NOTE_WORDS`` words in lower case at least, which a
    list of names lacks ("Smith, John; Jones, Karen", "U.S. Department of Agriculture. Forest
    Service", "Marcot, Roy ; edited by James W. Bequette; foreword by …")."""
    ends = [match.end() for match in _NOTE_END.finditer(before)]
    for end in reversed(ends):
        if reads_as_note(before[:end]) and _AUTHOR_DATE.match(before[end:].strip()):
            return before[:end].strip(), before[end:].strip()
    return "", before


def reads_as_note(text: str) -> bool:
    """Whether the text a footnote gives beside its citation is a note of its own: prose, with
    ``_NOTE_WORDS`` words in lower case at least besides the little words a name holds, which
    a list of names lacks, and a body's name too ("Office for the Coordination of Humanitarian
    Affairs in the occupied Palestinian territory")."""
    return sum(1 for word in text.split() if word.islower() and word not in _NAMES_LIST_WORDS) >= _NOTE_WORDS


# A full stop after a word or a bracket, before the capital that opens the authors: "… (26th
# overall, used to select Anthony Spencer).Scouts, Inc."; not an initial's ("J. K. Rowling").
_NOTE_END = re.compile(r"(?<=[a-z0-9)\]])\.\s*(?=[A-Z])")
_NOTE_WORDS = 4
# The words in lower case of a list of names and the parts each had in the work.
_NAMES_LIST_WORDS = frozenset("and et al van von de der den da del della la le du di ed eds by edited foreword "
                        "introduction introductions chapter preface afterword translated compiled "
                        "illustrated illustrations book design photographs with "
                        "the of for in on at to a an or".split())


def _split_parts(text: str) -> list[str]:
    """Split rendered citation text at ". " boundaries, not after initials or abbreviations."""
    parts: list[str] = []
    start = 0
    for match in _PART_END.finditer(text):
        word = _LAST_WORD.search(text, max(start, match.start() - 40), match.start())
        token = word.group(1) if word else ""
        if len(token) == 1 and token.isupper():
            continue  # an initial or "U.S."
        if token.lower() in _NO_SPLIT_AFTER:
            continue
        parts.append(text[start:match.start()])
        start = match.end()
    if start < len(text):
        parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


# A persistent identifier of the cited item itself (an ISSN names a whole journal or paper), not
# a link's query ("solc_dtl?isbn=4091265383" is a shop's page).
_ITEM_IDENTIFIER_NAMES = "isbn|oclc|lccn|doi|pmid|pmc|arxiv|jstor|bibcode|hdl"
_ITEM_IDENTIFIER = re.compile(
    rf"(?<![?&/.#])\b(?:{_ITEM_IDENTIFIER_NAMES})(?:\s*[:=]\s*|\s+|(?<=PMC))[\dX]", re.I
)
_IDENTIFIER_NAMES = tuple(_ITEM_IDENTIFIER_NAMES.split("|"))  # the cheap test, on lower-cased text
# Where the first citation of an entry ends: its template closes, or CS1 renders its retrieval date.
_FIRST_CITATION_END = re.compile(r"\}\}|\bRetrieved\b", re.I)
# A DOI that no longer resolves: "doi:10.1515/IDGF.2006.015 (inactive 2018-05-22)", "|doi-broken-date=".
_DEAD_DOI = re.compile(r"\(inactive\b|\bdoi-(?:broken|inactive)-date\s*=\s*[^|}\s]", re.I)


def item_identifier(raw: str) -> str:
    """The DOI, ISBN, OCLC, PMID, arXiv … that an entry's first citation gives its work, or "".

    A work with one stays findable whatever happens to the link beside it (a DOI marked
    inactive does not count). Only the first citation counts: another work bundled into the
    entry after it may own the identifier ("… The New York Times. Retrieved March 6, 2013.
    Mankiw (2008). Macroeconomics. ISBN …").
    """
    lower = raw.lower()
    if not any(name in lower for name in _IDENTIFIER_NAMES):
        return ""  # the cheap test first: most entries name no identifier at all
    end = _FIRST_CITATION_END.search(raw)
    body = raw[:end.start()] if end else raw
    doi_dead: bool | None = None  # looked up at the first DOI only
    for match in _ITEM_IDENTIFIER.finditer(body):
        identifier = match.group()
        if identifier[:3].lower() != "doi":
            return identifier
        if doi_dead is None:
            doi_dead = _DEAD_DOI.search(body) is not None
        if not doi_dead:
            return identifier
    return ""


# A document published under a number of its own, which its title may give: a patent ("United
# States Patent 3137937", "Patent CN 1273423A", "US5593832.pdf"), EU legislation ("Council Directive 80/181/EEC"), a page of a law
# gazette ("Reichsgesetzblatt Teil I S. 849", "BGBl. I S. 1234") or an issue of one ("Mémorial A, 1988, No. 64",
# "London Gazette (supplement), No. 53154"), an RFC ("RFC 3190"), a debate
# in Parliament's printed record, in Hansard's form ("HC Deb 17 June 1925 vol 185 cc494-5"), an
# international standard cited as the work itself, its designation opening the entry or its title
# or following its body's name ("ISO 832:1994 Information and documentation", "International
# Organization for Standardization, Procedure 719"); not a page about one ("ANSI ISO 14000 Press
# Release", "ISO 9001 certification for …"); a numbered report of a government series, by its
# series code ("PSW RP-264", "PNW-GTR-123", "NASA/TM-2003-212345") or its series' name and
# number ("Research Paper RM-265", "Open-File Report 2011–1207"), which libraries shelve in print,
# and a regulation of the armed forces by its number ("Army Regulation 5-1").
# "Patent CN 1273423A" (the office's code), "US patent 5254836", and the first patents' short
# numbers after the office's country ("US Patent 9082").
PATENT_NUMBER = (r"\b(?:[Pp]atent\s+(?:[Nn]o\.?\s*)?(?:[A-Z]{2}\s?)?[\d,]{5,}"
                 r"|(?:U\.?S\.?|United\s+States)\s+[Pp]atent\s+(?:[Nn]o\.?\s*)?\d[\d,]*)")
# A court's judgment by its neutral citation, "[2012] EWHC 1372 (Ch)", "[2005] UKHL 57", or by a
# law report's volume and page and the year, "447 U.S. 303 (1980)", "410 F.3d 12 (9th Cir. 2005)".
_NEUTRAL_COURTS = ("UKSC", "UKHL", "UKPC", "UKUT", "EWCA", "EWHC", "EWCOP", "IESC", "IECA", "IEHC", "HCA",
                   "FCAFC", "NZSC", "NZCA", "ZACC", "ZASCA", "CSIH", "CSOH", "SCC", "SGCA")
_LAW_REPORTS = ("U.S.", "U. S.", "S.Ct.", "S. Ct.", "F.2d", "F. 2d", "F.3d", "F. 3d", "F.4th", "F. 4th", "F.Supp", "F. Supp")
COURT_CASE = (rf"\[(?:1[89]|20)\d\d\]\s+(?:{'|'.join(_NEUTRAL_COURTS)})(?:\s+(?:Civ|Crim))?\s+\d{{1,5}}\b"
              r"|\b\d{1,3}\s+(?:U\.\s?S\.|S\.\s?Ct\.|F\.\s?(?:2d|3d|4th)|F\.\s?Supp\.(?:\s?[23]d)?)\s+\d{1,4}(?:,\s*\d{1,4})?"
              r"\s*\((?:[^()]{0,30}\s)?(?:1[789]|20)\d\d\)")
# A US statute by its place in the United States Code or its number as a public law.
# Written "USC" without its stops, the section is followed by the section's title or by nothing, as
# a score's ("No. 1 USC 34, Notre Dame 10") or a count's ("3 USC 2010 recruits") number is not; a
# public law's number is its Congress's, two or three digits ("Arsenal P.L. 3-1 Chelsea" is a score).
US_LAW = (r"\b\d{1,2}\s+U\.\s?S\.\s?C\.(?:\s+§+)?\s*\d{1,6}\b"
          r"|\b\d{1,2}\s+USC(?:\s+§+)?\s*\d{1,6}[a-z]?(?:\(\w{1,4}\))*(?=\.?\s+[A-Z]|\.?\s*$|\.?\s*[\"”|]|:)"
          r"|\b(?:Pub(?:lic|\.)?\s?L(?:aw|\.)?|P\.\s?L\.)\s+(?:No\.\s*)?\d{2,3}[–-]\d{1,4}\b")
_STANDARD = r"ISO(?:/[A-Z]{2,4})*\s+"  # "ISO 719", "ISO/IEC 9899", "ISO/DIS 11238"
# Each kind, with the words one of which each of its designations holds. The patterns are tried
# only on a reference that holds one of all these words: one search for plain words skips to
# their letters, many times faster than patterns tried at every position, and few references
# hold one.
_NUMBERED_DOCUMENTS = tuple((words, re.compile(pattern)) for words, pattern in (
    (("Patent", "patent"), PATENT_NUMBER),
    (("US", "EP", "WO"), r"\b(?:US|EP|WO)\s?\d{7,}[A-Z]?\d?\b"),  # a patent by its publication number: "US5593832"
    (("Directive", "Regulation", "Decision"),
     r"\b(?:Directive|Regulation|Decision)\s+(?:\((?:EC|EU|EEC)\)\s+)?(?:No\.?\s*)?\d{1,4}/\d{1,4}/(?:EC|EU|EEC|EURATOM)\b"),
    (("gesetzblatt", "BGBl", "RGBl"), r"\b(?:\w*gesetzblatt|BGBl\.?|RGBl\.?)\s+(?:Teil\s+)?(?:\d{4}\s+)?[IV]{1,3}\s+S\.\s*\d+"),
    # an issue of an official journal by its year and number: "Mémorial A, 1988, No. 64" (Luxembourg's)
    (("morial", "Official Journal", "Journal officiel", "Government Gazette"),
     r"\b(?:M(?:é|Ã©)morial\s+[ABC]|Official\s+Journal|Journal\s+officiel|Government\s+Gazette)\b"
     r"[^.;\"”]{0,60}?\b(?:1[6-9]|20)\d\d\b[^.;\"”]{0,20}?\b(?:No\.?|n(?:°|Â°|o\.))\s*\d{1,5}\b"),
    # an issue of the United Kingdom's gazettes by its number, as the entry opens: "London Gazette
    # (supplement), No. 53154, 30 December 1992"; not a headline about one ("… Gazette issue 30000
    # marks milestone") nor a page that cites one further on
    (("Gazette",), r"^\W*(?:\{\{\s*)?(?:Supplement\s+to\s+)?(?:The\s+)?(?:London|Edinburgh|Belfast)\s+Gazette\b"
                   r"[^.;\"”]{0,40}?(?:\b[Ii]ssue\b\s*=?|\bNo\.?)\s*(?!(?:19|20)\d\d\b)\d{4,5}"
                   r"(?=\s*(?:[,.;:)|}\"”]|$))"),
    (("RP-", "GTR-", "RN-", "TM-", "TP-", "CR-"), r"\b[A-Z]{2,5}[ /-](?:RP|GTR|RN|TM|TP|CR)-\d{2,6}(?:-\d+)?\b"),
    (("Gen", "Research Paper", "Open-File Report", "Technical Memorandum"),
     r"\b(?:Gen(?:eral)?\.?\s*Tech(?:nical)?\.?\s*Rep(?:ort)?\.?|Research Paper|Open-File Report|Technical Memorandum)"
     r"\s+(?:No\.?\s*|#)?(?:[A-Z]{1,5}-)?\d+(?:[–-]\d+)?\b"),
    (("Regulation",), r"\b(?:Army|Air\s+Force|Navy|Marine\s+Corps)\s+Regulation\s+\d{1,3}(?:[–-]|â\x80\x93)\d{1,4}\b"),
    # a military doctrine publication by its number: "NTRP 1-02", "FM 3-24", "JP 1-02", "AFI 36-2903"
    (("NTRP", "NTTP", "NWP", "NDP", "MCDP", "MCWP", "AFDD", "AFI", "AFMAN", "JP", "FM", "ADP", "ATP"),
     r"\b(?:NTRP|NTTP|NWP|NDP|MCDP|MCWP|AFDD|AFI|AFMAN|JP|FM|ADP|ATP)\s+\d{1,3}-\d{1,4}(?:\.\d+)?\b"),
    (("RFC",), r"\bRFC\s?\d{2,4}\b"),  # an Internet standard, published for good under its number ("RFC 3190")
    (_NEUTRAL_COURTS + _LAW_REPORTS, COURT_CASE),
    # a debate of Parliament by its record's volume and columns (a written answer's "c123W"),
    # closing the entry's title, or its template's field, or followed by the record's name: '"…
    # HC Deb 17 June 1925 vol 185 cc494-5". Hansard', "|title=HC Deb … cc494-5 |", "HC Deb 3
    # February 1977, vol 925, col 973. UK Parliament"; not a page about one ('"My thoughts on the
    # HC Deb … cc494-5 railway debate"', "See also HC Deb …")
    (("Deb",), r"\bH[CL]\s+Deb,?\s+[^.]{0,30}?\bvol\.?\s*\d+,?\s+(?:cc?\.?|cols?\.?)\s*\d+(?:[–-]\d+)?(?:WH|WS|W)?"
               r"(?=\s*[\"”|]|\s*\}\}|\.?\s+(?:Hansard|UK\s+Parliament|Parliament)\b)"),
    # a statute by its short title and year ("The St Helena, Ascension and Tristan da Cunha
    # Constitution Order 2009", "Local Government (Gaelic Names) (Scotland) Act 1997"), a French
    # decree by its number ("Décret n° 80-313"), the US Code of Federal Regulations by its title
    # ("Code of Federal Regulations Title 21", "21 CFR 131")
    (("Act ", "Order ", "Regulations "),
     r"\b(?:\(?[A-Z][\w'’,]*\)?\s+(?:(?:and|da|of|the|de)\s+)?){2,8}(?:Act|Order|Regulations)\s+(?:1[6-9]|20)\d\d\b"),
    # a section of the United States Code by title and section, "10 USC 525", "10 U.S.C. § 525",
    # and a US public law by its number, "Pub.L. 110-181", "Public Law 110-181", "P.L. 110-181"
    (("US", "U.S.C", "U. S. C", "Pub", "P.L.", "P. L."), US_LAW),  # "US" of "10 USC 525"
    (("cret", "Decree"), r"\b(?:D(?:é|Ã©|e)cret|Decree)\s+n(?:°|Â°|o\.?)\s*\d{1,4}[-/]\d{1,5}\b"),
    # a Russian legal act or a resolution by its kind, number and date, as the entry or its title
    # opens: "Федеральный конституционный закон №2-ФКЗ от 12 июля 2006 года", "Правительство
    # Российской Федерации. Постановление №725 от 31 августа 2011 г.", "Резолюция СБ ООН № 822 от
    # 30 апреля 1993 года"; not a headline's "№1" ("стана №1 в Литекс"), nor a news report of an
    # act ('"Путин подписал закон №149-ФЗ от 27 июля 2006 года …". РИА Новости')
    (("№",), r"(?:^|[.«\"“]\s*|=ru:)(?:Федеральный\s+(?:конституционный\s+)?закон|Закон|Постановление|Указ|Распоряжение"
             r"|Резолюция)(?:\s+[А-ЯA-Z][\w-]*){0,3}\s*№\s*\d{1,5}(?:-[А-Я]{1,4})?\s+(?:от\s+)?\d{1,2}\s+[а-я]+\s+\d{4}\b"),
    (("CFR", "Code of Federal Regulations"),
     r"\b(?:\d{1,2}\s+CFR\s+\d{1,4}|Code\s+of\s+Federal\s+Regulations,?\s+Title\s+\d{1,2})\b"),
    (("NZS",), r"\bAS[ /]NZS\s+\d{3,5}(?:\.\d+)?(?::\s?\d{4})?\b"),  # a joint Australian and New Zealand standard
    (("ISO", "Standardi"),
     rf"(?:(?:^|[\"“]|\|\s*title\s*=\s*){_STANDARD}|Standardi[sz]ation[,.]?\s+(?:{_STANDARD}|(?:Procedure|Standard)\s+))"
     r"\d{2,5}(?:-\d+)*(?::\d{4})?\b(?!\s*certif)"),
))


_NUMBERED_DOCUMENT_WORDS = re.compile(alternation(word for words, _ in _NUMBERED_DOCUMENTS for word in words))
# The patterns to try where a word of the gate is found: those of every word it holds ("Regulations "
# holds "Regulation").
_DOCUMENTS_BY_WORD = {
    found: tuple(pattern for words, pattern in _NUMBERED_DOCUMENTS if any(word in found for word in words))
    for found in {word for words, _ in _NUMBERED_DOCUMENTS for word in words}}


def numbered_document(raw: str) -> bool:
    """Whether ``raw`` names a document published under a number of its own (``_NUMBERED_DOCUMENTS``):
    a patent, a piece of legislation, an RFC, a standard, a government report. Each pattern is
    tried only where a word it needs occurs: most entries hold none."""
    found = {match.group() for match in _NUMBERED_DOCUMENT_WORDS.finditer(raw)}
    return any(pattern.search(raw) is not None for pattern in {p for word in found for p in _DOCUMENTS_BY_WORD[word]})


def findable_without_link(raw: str, title: str) -> bool:
    """Whether an entry's work stays findable whatever happens to its link: it has an identifier
    of its own (``item_identifier``) that is not merely its title, it is a numbered patent,
    piece of legislation, RFC, ISO standard, government report, military regulation or doctrine
    publication ("NTRP 1-02"), a court's judgment by its neutral or law report citation ("[2012]
    EWHC 1372 (Ch)", "447 U.S. 303 (1980)"), a page or an issue of a law gazette or the columns of a debate in Parliament's
    record in Hansard's form ("HC Deb 17 June 1925 vol 185 cc494-5", as the title or before the
    record's name), or
    it is chapter and verse of scripture ("Exodus 7:1–2.")."""
    identifier = item_identifier(raw)
    if identifier and identifier not in title:
        return True
    return numbered_document(raw) or cites_verses_only(_BRACKETED_LINK.sub(r"\1", raw))


# A wikitext link in brackets, whose label is what a reader sees: "[http://… Exodus 7:1–2]".
_BRACKETED_LINK = re.compile(r"\[(?:https?:)?//\S+\s*([^\]]*)\]")


# --- domains ---------------------------------------------------------------------------

_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$", re.I)
# Second-level labels under which country codes register names ("bbc.co.uk", "mfa.gov.ir").
_SECOND_LEVEL = frozenset("co com org net gov edu ac mil or ne go gob nic info biz int".split())
# An address whose host is plain letters, digits, dots and hyphens, with no user or port: its
# host is the one urlsplit gives, read without it (most links; urlsplit is most of domain_of).
_PLAIN_HOST_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9.-]+)(?=[/?#]|\Z)")


def is_domain(text: str) -> bool:
    """Whether ``text`` is a host name ("pubchem.ncbi.nlm.nih.gov"), as a copy prints a website."""
    return _DOMAIN.match(text) is not None


@lru_cache(maxsize=8192)
def domain_of(url_or_name: str) -> str:
    """The registrable-ish domain of a URL, a host, or a work name that is a domain.

    "https://www.bbc.com/news/x" -> "bbc.com"; "APA.az" -> "apa.az"; "mfa.gov.ir" ->
    "mfa.gov.ir"; "Reuters" -> "" (a name that is not a domain yields nothing).
    """
    value = (url_or_name or "").strip().strip(".,;")
    if not value:
        return ""
    if "://" in value or value.startswith("//"):
        url = value if "://" in value else "http:" + value
        plain = _PLAIN_HOST_URL.match(url)
        if plain is not None:
            host = plain.group(1)
        else:
            try:
                host = urlsplit(url).hostname or ""
            except ValueError:
                return ""
    else:
        host = value.split("/", 1)[0]
        if not _DOMAIN.match(host):
            return ""
    host = host.lower().rstrip(".")
    if not _DOMAIN.match(host):
        return ""
    labels = host.split(".")
    if labels[0] == "www" or re.fullmatch(r"www\d", labels[0]):
        labels = labels[1:]
    if len(labels) <= 2:
        return ".".join(labels)
    keep = 3 if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


# --- URL identity -----------------------------------------------------------------------

# Query parameters that only record how a reader arrived; any other parameter ("id=2",
# "src=bkmk", "ref=…") may name a different page, so it stays.
_TRACKING_PARAM = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_hsenc|_hsmi|ocid|cmpid|smid)$",
    re.I,
)
# Catalogue and identifier links that name a journal, a book as a whole, a search or a DOI
# registrant: the same link serves every article of a journal or chapter of a book.
_IDENTIFIER_LINK = re.compile(
    r"^(?:worldcat\.org/(?:issn|oclc|isbn|search)\b|portal\.issn\.org/|isbnsearch\.org/|openlibrary\.org/search\b"
    r"|[a-z-]+\.wikipedia\.org/wiki/special:booksources\b|(?:dx\.)?doi\.org/10\.\d{4,9}(?:/\(issn\)[^/]*)?$"
    r"|books\.google\.[a-z.]+/books\?(?:[^/]*&)?vid=(?:isbn|issn|lccn|oclc))",
    re.I,
)


@lru_cache(maxsize=8192)
def url_key(url: str) -> str:
    """A comparison key for a URL: scheme, "www."/"m.", fragment, tracking parameters, default
    pages ("index.html"), a trailing slash and the letter case of the host do not make two
    links different pages; any other query parameter does."""
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url if "://" in url else "http://" + url.lstrip("/"))
        host = (parts.hostname or "").lower()
    except ValueError:
        return url.lower()
    if host.startswith("www") and (host.startswith("www.") or _NUMBERED_WWW.match(host)):
        host = host.split(".", 1)[1]
    if host.startswith(("m.", "mobile.")):
        host = host.split(".", 1)[1]
    path = parts.path or "/"
    if "//" in path:
        path = _SLASHES.sub("/", path)
    path = _DEFAULT_PAGE.sub("/", path).rstrip("/")
    if not parts.query:
        return f"{host}{path}"
    # Bytes that are no UTF-8 ("?idmd=%CB", a letter in windows-1251) stay apart, not all "\ufffd".
    pairs = parse_qsl(parts.query, keep_blank_values=True, errors="surrogateescape")
    query = urlencode(sorted((k, v) for k, v in pairs if not _TRACKING_PARAM.match(k)), errors="surrogateescape")
    return f"{host}{path}" + (f"?{query}" if query else "")


_NUMBERED_WWW = re.compile(r"www\d\.")
_SLASHES = re.compile(r"/+")
_DEFAULT_PAGE = re.compile(r"/(?:index|default)\.(?:html?|php|aspx?)$", re.I)


# A site's front page, a document named so at its root or one folder down:
# "neighbourhood.statistics.gov.uk/dissemination/home.do", "example.org/main.jsp"; not one with a
# query, which picks a page ("home.do?area=12"), nor a page named so ("en.wikipedia.org/wiki/Home"),
# nor a section's deeper down ("…/elections/2009/home.html").
_FRONT_PAGE = re.compile(r"^[^/]+(?:/[^/?]+)?/(?:home|main|welcome)\.[a-z]{2,5}$", re.I)


# Query parameters on a site's root that pick no page of it: how the whole site shows
# ("example.org/?lang=en"), or a search of it ("blog.example.com/?s=ferry").
_SITE_WIDE_PARAMS = frozenset({"lang", "language", "hl", "locale", "sid", "sessionid", "phpsessid", "s", "q"})


def page_url_key(url: str) -> str:
    """``url_key`` of a link to one page, else "": a bare host (or with the site's own settings
    or a search of it only: "?lang=en", "?s=ferry") or a front page ("…/home.do") names a site,
    and a catalogue or
    identifier link (an ISSN, OCLC or ISBN record, a DOI prefix) a journal or a whole book. A
    fragment that picks what the page shows ("#d=1287", "#!/artist/12") stays: it tells two
    pages apart, where an anchor ("#History") does not."""
    key = url_key(url)
    if routed := _ROUTING_FRAGMENT.search(url):
        key = f"{key}#{routed.group(1)}"
    host, _, query = key.partition("?")
    if "/" not in host and all(name.lower() in _SITE_WIDE_PARAMS for name, _ in parse_qsl(query, keep_blank_values=True)):
        return ""  # a bare host, with a site's settings or search or not; "index.php?p=193" is a page
    if _IDENTIFIER_LINK.match(key) or _FRONT_PAGE.match(key):
        return ""
    return key


def source_url_key(url: str) -> str:
    """``page_url_key`` of a link that stands for one cited source, else "": a search page
    stands for whatever it finds."""
    key = page_url_key(url)
    return "" if _SEARCH_PAGE.search(key) else key


# A search page: a path segment ("/search?q=…", "/websearch/") or a query value
# ("index.cfm?PgNm=TCESearch&Params=A1") that names a search; two entries reaching different
# articles through one would otherwise share it. "/research/" and a parameter's name do not.
_SEARCH_PAGE = re.compile(r"/[^/?#]*(?<!re)search[^/?#]*(?:[/?#]|$)|=[^&#]*(?<!re)search", re.I)
_ROUTING_FRAGMENT = re.compile(r"#((?:[!/]|[^#\s]*=)[^#\s]*)\s*$")


# --- template parameters ------------------------------------------------------------------

# Parameter name (lower-case) -> field. English CS1/CS2 names with their aliases, plus the
# German (Internetquelle, Literatur), French (lien web, article) and Spanish (cita web)
# names, and the Vietnamese names ("chú thích web" accepts both English and Vietnamese ones).
_PARAM_FIELDS: dict[str, str] = {}
for _field, _names in {
    "title": "title titel titre título titulo tiêu_đề tựa_đề tên_bài",
    "trans_title": "trans-title trans_title transtitle trans-titel titre_traduit título-trad dịch_tiêu_đề",
    "script_title": "script-title",
    "work": "website work newspaper journal magazine periodical encyclopedia encyclopaedia "
            "dictionary werk sammelwerk site périodique journal-title obra publicación periódico",
    "publisher": "publisher hrsg verlag éditeur editeur editorial nhà_xuất_bản",
    "agency": "agency",
    "url": "url titel-url chapter-url chapterurl lien url-chapter địa_chỉ",
    "archive_url": "archive-url archiveurl archive_url archiv-url archivurl urlarchivo url-archivo "
                   "archive-url-fr url_lưu_trữ",
    "archive_date": "archive-date archivedate archive_date archiv-datum archivdatum fechaarchivo "
                    "fecha-archivo ngày_lưu_trữ",
    "access_date": "access-date accessdate access_date abruf consulté_le consulte_le "
                   "fechaacceso fecha-acceso ngày_truy_cập",
    "date": "date datum publication-date publicationdate fecha ngày_tháng ngày",
    "year": "year jahr année año năm",
    "url_status": "url-status urlstatus",
    "dead_url": "dead-url deadurl dead_url",
    "offline": "offline",
    "language": "language lang sprache langue idioma ngôn_ngữ",
    "quote": "quote quotation zitat citation cita",
    "via": "via",
}.items():
    for _name in _names.split():
        _PARAM_FIELDS[_name.replace("_", " ")] = _field  # "consulté_le" stands for "consulté le"

_AUTHOR_PARAM = re.compile(
    r"^(?:(?P<kind>author|authors|autor|auteur|autor(?:in)?|last|surname|nachname|nom|apellidos?|"
    r"first|given|vorname|prénom|prenom|nombre|vauthors|people)[-_]?(?P<n>\d*))$"
)
_YES = frozenset("yes y true 1 ja oui sí si".split())
_NO = frozenset("no n false 0 nein non".split())


@lru_cache(maxsize=1024)
def _param_reader(key: str) -> tuple[str | None, tuple[str, str] | None]:
    """What a template parameter's name feeds: a field, or an author's (number, part), part
    being "first", "last" or "full". Worked out once per name: an article's citations repeat
    the same few names."""
    pname = " ".join(key.lower().split())
    target = _PARAM_FIELDS.get(pname)
    if target is None and "_" in pname:
        target = _PARAM_FIELDS.get(pname.replace("_", "-"))
    if target is None and "-" in pname:
        target = _PARAM_FIELDS.get(pname.replace("-", ""))
    if target is not None:
        return target, None
    author = _AUTHOR_PARAM.match(pname)
    if author is None:
        return None, None
    kind = author.group("kind")
    part = ("first" if kind in ("first", "given", "vorname", "prénom", "prenom", "nombre")
            else "last" if kind in ("last", "surname", "nachname", "nom", "apellido", "apellidos")
            else "full")
    return None, (author.group("n") or "1", part)


# A day and month with no year ("March 25", "25 March"), which a template's year completes.
_YEARLESS_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\.?\s+[^\W\d_]+\.?|[^\W\d_]+\.?\s+\d{1,2}(?:st|nd|rd|th)?")
_PLAIN_YEAR = re.compile(r"\d{4}")


def _with_year(day: str, year: str) -> str:
    """A day and month completed by the template's year ("date=March 25 |year=2013"), where they
    make a date; else the day as given ("Issue 12")."""
    from citecheck.parsers.dates import parse_date  # dates reads this module's tables

    completed = f"{day} {year}"
    return completed if parse_date(completed) is not None else day


def normalize_template_params(name: str, params: dict[str, str]) -> dict[str, str]:
    """Fields of one citation template call, from its parameters and their aliases.

    ``name`` is the template name ("cite web", "Internetquelle", "chú thích web");
    ``params`` maps parameter names to their (wikitext) values. Dead-link flags in any of
    their forms become ``url_status`` "dead"/"live"; a missing ``date`` falls back to
    ``year``, and a day with no year takes it from ``year``; the translated title is kept
    beside the title as the page renders it.
    """
    fields: dict[str, str] = {}
    extra: dict[str, str] = {}
    authors: dict[str, dict[str, str]] = {}
    # English names first: where a localised alias repeats one, the canonical name wins.
    items = (params.items() if "".join(params).isascii()
             else sorted(params.items(), key=lambda item: not item[0].isascii()))
    for key, value in items:
        target, author = _param_reader(key)
        if target is None and author is None:
            continue  # a parameter no field reads ("pages", "isbn"): its value is not cleaned
        text = clean_value(value)
        if not text:
            continue
        if author is not None:
            number, part = author
            slot = authors.setdefault(number, {})
            if part == "full":
                slot.setdefault("full", text)
            else:
                slot[part] = text
            continue
        if target in FIELDS:
            fields.setdefault(target, text)
        else:
            extra.setdefault(target, text)

    if "title" not in fields and "script_title" in extra:
        fields["title"] = re.sub(r"^[a-z]{2,3}:", "", extra["script_title"])
    if "trans_title" in extra:
        fields["title"] = (f"{fields['title']} [{extra['trans_title']}]" if "title" in fields
                           else f"[{extra['trans_title']}]")
    if "date" not in fields and "year" in extra:
        fields["date"] = extra["year"]
    elif (_YEARLESS_DAY.fullmatch(day := fields.get("date", "").strip())
          and _PLAIN_YEAR.fullmatch(year := extra.get("year", "").strip())):
        fields["date"] = _with_year(day, year)
    if "publisher" not in fields and "agency" in extra:
        fields["publisher"] = extra["agency"]
    status = fields.get("url_status", "").lower()
    if status:
        fields["url_status"] = status
    elif "dead_url" in extra:
        flag = extra["dead_url"].lower()
        fields["url_status"] = "dead" if flag in _YES else "live" if flag in _NO else flag
    if "offline" in extra and extra["offline"].lower() not in _NO:
        fields["url_status"] = "dead"
    if authors:
        names = []
        for n in sorted(authors, key=lambda k: int(k) if k.isdigit() else 0):
            slot = authors[n]
            if "full" in slot:
                names.append(slot["full"])
            elif "last" in slot:
                names.append(f"{slot['last']}, {slot['first']}" if "first" in slot else slot["last"])
        if names:
            fields["author"] = "; ".join(names)
    return {k: v for k, v in fields.items() if v}


_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_EXT_LINK = re.compile(r"\[(?:https?:)?//\S+\s+([^\]]*)\]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAGS = re.compile(r"</?(?:span|small|i|b|em|strong|abbr|nowiki|bdi)\b[^<>]*>", re.I)


def clean_value(value: str) -> str:
    """Readable text of a template parameter value: links, comments and quotes markup removed."""
    text = str(value)
    if "<" in text:
        text = _TAGS.sub("", _COMMENT.sub("", text))
    if "[" in text:
        text = _EXT_LINK.sub(r"\1", _LINK.sub(r"\1", text))
    if "''" in text:
        text = text.replace("'''", "").replace("''", "")
    if "&" in text:
        text = text.replace("&nbsp;", " ").replace("&ndash;", "–").replace("&mdash;", "—")
    return " ".join(text.split())

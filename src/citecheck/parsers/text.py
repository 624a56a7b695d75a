"""Parser for plain-text copies of rendered encyclopedia pages.

Two layouts occur in practice and both are read here:

* a browser copy (select all, copy): one paragraph per line, blank lines between blocks,
  headings as bare short lines, list bullets "•", reference entries "  12. ^ a b Text";
* a text-mode dump (lynx/html2text style): lines hard-wrapped near 80 columns, headings
  framed by asterisks ("***** History[edit] *****"), link text with underscores for spaces,
  bullets "*", "o", "#" by depth, entries "   12. ^ a b"Text" with indented continuations.

Citation markers ``[12]``, note markers ``[a]`` and inline tags ``[citation needed]`` are
taken out of the statement text and become Citations and Tags with exact source spans.
"""

from __future__ import annotations

import itertools
import re
import string
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from citecheck.model import Citation, Diagnostic, Document, Reference, Span, Statement, Tag
from citecheck.parsers.citations import (BIBLIOGRAPHY_SECTIONS, CITE_ERROR, DATED_WORK, WEBARCHIVE,
                                         domain_of, name_shared_sites, parse_reference_text)
from citecheck.parsers.numbers import NUMBER_WORDS
from citecheck.parsers.statements import TABLE_SOURCE_LINE, Paragraph, statements_from_paragraph

# --- line classification -------------------------------------------------------------------

_CHROME = re.compile(
    r"""^\s*(?:
        Page[ _](?:extended|semi|fully|template|move|create|pending-changes)[ _-]?protected
      | \[?Page[ _]\w+[ _-]protected\]?
      | From[ _]Wikipedia,[ _]the[ _]free[ _]encyclopedia
      | Jump[ _]to[ _]navigation(?:[ _]Jump[ _]to[ _]search)?
      | Jump[ _]to[ _]search
      | Jump[ _]to[ _]content
      | (?:\[\s?\]\s*|\(BUTTON\)[ _])?Toggle[ _]the[ _]table[ _]of[ _]contents
      | (?:\(BUTTON\)[ _])?Toggle[ _].{1,80}?[ _]subsection
      | (?:\(BUTTON\)[ _])?move[ _]to[ _]sidebar[ _](?:\(BUTTON\)[ _])?(?:hide|show)
      | \(Top\)
      | \[\s?(?:hide|show)\s?\]
      | \[?This[ _]is[ _]a[ _](?:featured|good)[ _]article.*
      | \(?Redirected[ _]from[ _].*
      | Coordinates:.*
      | Listen[ _]to[ _]this[ _]article.*
      | Creative[ _]Commons[ _]Attribution.*
      | The[ _]following[ _]text[ _]has[ _]been[ _]accessed[ _]from.*
      | File:.*
      | \[[^\]\s]+\.(?:svg|png|jpe?g|gif|tiff?|webm|ogv|ogg)\].*
      | [^\s]+\.(?:svg|png|jpe?g|gif|tiff?|webm|ogv|ogg)
      | See[ _]\w+(?:[ _]\w+)?[ _]for[ _]details
      | Main[ _]articles?:.*
      | Further[ _]information:.*
      | See[ _]also:.*
      | Not[ _]to[ _]be[ _]confused[ _]with.*
      | This[ _]article[ _]is[ _]about.*
      | (?:For[ _]technical[ _]reasons,[ _])?"[^"]+"[ _](?:redirects|and[ _]"[^"]+"[ _]redirect)[ _]here.*
      | For[ _](?:other[ _]uses|the[ _]\w+.*),[ _]see.*
      | \^?[ _]?Jump[ _]up(?:[ _]to:?)?(?:[ _]+[a-z]{1,2})*[ _]*\^?
      | Retrieved[ _]from[ _]"https?://.*
      | \[\s?edit\s?\]
    )\s*$""",
    re.X | re.I,
)
# Maintenance boxes copied with the page ("This article needs additional citations ...").
# Matched against lower-cased text: several times faster than a case-blind search of a long paragraph.
_BOX_WORDS = re.compile(
    r"learn[ _]how[ _]and[ _]when[ _]to[ _]remove|please[ _]help[ _]improve|find[ _]sources:|"
    r"needs[ _]additional[ _]citations|may[ _]be[ _]challenged[ _]and[ _]removed"
)
# The line that closes a maintenance box: what it follows is the box's message, whatever the
# message says ("This article may be too long … The readable prose size is 76 kilobytes.").
_BOX_CLOSE = re.compile(r"\s*\(Learn[ _]how[ _]and[ _]when[ _]to[ _]remove", re.I)
_WRAPPED_HEADING = re.compile(r"^(\*{2,6}) (.*?)(?:\[edit\])? \*{2,6}\s*$")
_BULLET = re.compile(r"^(\s*)([•·▪◦‣∙]|[*o#+-](?=\s))\s*")
_ENTRY = re.compile(r"^(\s*)(\d{1,4})\.(?:\s+|(?=\^(?!\[))|$)")  # not a year before a marker: "1975.^[3]"
# A note of a lettered list, printed with its letter ("a. ^ Fructose is not …").
_LETTERED_ENTRY = re.compile(r"^(\s*)([a-z])\.(?= \^)")
_IMAGE_NAME = re.compile(r"^\S+\.(?:svg|png|jpe?g|gif|tiff?|webm|ogv|ogg)\S*$", re.I)
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)]*(?:\s*\[[^\]]{1,40}\])*\s*$""")
_MEDIA = re.compile(r"^(?:File|Image|Media):|\S+\.(?:svg|png|jpe?g|gif|tiff?|webm|ogv|ogg)\b", re.I)
_CELL_GAP = re.compile(r"\S {3,}\S")
# A table drawn with bars: "|Country  |HICP     |Budget   |", "|_________|_________|", and
# the rule over it.
_RULED_ROW = re.compile(r"\|.*\||_{10,}")
_ENDS_WITH_MARKER = re.compile(r"\[\d{1,4}\]\s*$")
_MARKERS = re.compile(r"\[\d{1,4}\]")
# A line that ends cited, maybe with a tag after the marker: "Anodic index[19][page needed]".
_CITED_LINE = re.compile(r"\[\d{1,4}\](?:\[[^\[\]\n]{1,40}\])*\s*$")
_FIGURE = re.compile(r"\d")
_HEADER_LINES = 3  # the most lines a dump's table header wraps over
# A hatnote line that goes on to the next: it ends inside its list of article names.
_LIST_GOES_ON = re.compile(r"(?:,|;|\band|\bor|&)\s*$")
_CITED_PROSE = re.compile(r"[a-z]{3}[.,;:]? ?\^?\[\d{1,4}\]")  # "^[4]": a text browser's superscript
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?] [A-Z]")
_CITED_ITEM = 100  # the fewest characters of a cited list item that reads as prose
# A work's author, surname first, opening a line of a bibliography, names or initials up to a
# bracket, a semicolon or a comma: "Hahn, Th. (2002)", "Plesken, Wilhelm;", "Conway,_John_Horton;";
# not prose's "However, The Times reported" nor "Springfield, Illinois and".
_AUTHOR_OPENING = re.compile(r"[A-Z][\w'’-]+,[ _]+[A-Z][\w'’.-]*(?:[ _]+[A-Z][\w'’.-]*)*[ _]*[(;,]")

# The notice of an article that copies a free text: "This article incorporates text from …".
_ATTRIBUTION = re.compile(r"This article incorporates\b")
# Section names whose content is not prose: reference lists and navigation.
_SEE_ALSO = {"see also", "siehe auch", "voir aussi", "véase también", "vedi anche"}
_END_SECTIONS = {
    "see also", "notes", "references", "footnotes", "citations", "sources", "bibliography",
    "further reading", "external links", "works cited", "notes and references",
    "explanatory notes", "reference notes", "general references", "navigation menu",
    "literature", "reference", "note", "references and notes", "notes and sources",
    # other wikis
    "einzelnachweise", "anmerkungen", "siehe auch", "weblinks", "literatur", "références",
    "notes et références", "voir aussi", "liens externes", "bibliographie", "referencias", "notas",
    "véase también", "enlaces externos", "bibliografía", "примечания", "литература", "ссылки",
    "см. также", "tham khảo", "chú thích", "xem thêm", "liên kết ngoài", "note e riferimenti",
    "voci correlate", "collegamenti esterni",
}
# A section of links by its name: "External link", "Links", "Official website", "Other websites",
# "Web resources".
_NAMES_LINKS = re.compile(r"\blinks?\b|\bweb\s?sites?\b|\bresources\b")
_REF_LISTS = {"references", "citations", "footnotes", "sources", "notes and references",
              "reference", "general references", "works cited", "notes", "explanatory notes",
              "reference notes", "note", "references and notes", "notes and sources", "einzelnachweise", "anmerkungen", "références",
              "notes et références", "referencias", "notas", "примечания", "tham khảo", "chú thích",
              "note e riferimenti"}
_NOTE_LISTS = {"notes", "explanatory notes", "note", "notes and explanations", "anmerkungen"}
# Lists that hold the notes when the text cites notes by number ("[note 1]"), and are often
# the citations otherwise.
_NOTE_LISTS_WHEN_CITED = {"footnotes", "remarks"}
# The sections after the reference list where a page prints the references cited there.
_TRAILING_LISTS = {"external links", "external link"}
_LIST_NAMES = _REF_LISTS | BIBLIOGRAPHY_SECTIONS | {"further reading"}
# A word that names a reference list in a heading of another name: "Citations and notes",
# "References and external articles".
_NAMES_A_LIST = re.compile(r"\b(?:references?|citations?|notes|footnotes?|sources|bibliography|works\s+cited)\b", re.I)


def _names_a_list(heading: str) -> bool:
    return _section_name(heading) in _LIST_NAMES or _NAMES_A_LIST.search(heading) is not None
# The words a numbered note's marker opens with: "[note 1]", "[Note_1]", "[nb 2]", "[notes_1]",
# "[remark_1]" (the group a page names its notes by), and the groups of lettered notes, which
# a page rendered by Parsoid prints by name where no style sheet letters them ("[lower-alpha 1]").
_NOTE_WORDS = ("notes|note|nb|n|remark|Notes|Note|NB|N|Remark"
               "|lower-alpha|upper-alpha|lower-roman|upper-roman|lower-greek")
# A dump may wrap the marker at its space ("[n" / "13]").
_NUMBERED_NOTE = re.compile(rf"\[(?:{_NOTE_WORDS})(?:[ _]|\r?\n[ \t]*)(\d{{1,3}})\]")
# A note marker a table cell wraps after its word ("[226][n" / "4]"), the cell it opens, and
# the number closing it on the line below.
_CELL_NOTE_OPEN = re.compile(rf"\[(?:{_NOTE_WORDS})[ _]?(?= {{2,}}| *\||\s*$)")
_CELL_START = re.compile(r"\| *| {2,}")
_CELL_NOTE_CLOSE = re.compile(r" *(\d{1,3})\](?= |\||$)")


def _fits_better(entries: list, lists: list[tuple[str, list]], notes: int) -> bool:
    """Whether a "Notes" list beside ``entries`` comes nearer than they do to holding ``notes``
    entries, the count of notes the text cites by number: it, not they, holds the notes."""
    return any(name in _NOTE_LISTS and abs(len(other) - notes) < abs(len(entries) - notes)
               for name, other in lists)

# Infobox row labels seen in rendered infoboxes (military conflict, country, storm, software,
# person, organisation). A label may be glued to its value in a copy ("Date27 September").
_INFOBOX_LABELS = [
    "Date", "Location", "Status", "Result", "Territorial changes", "Belligerents",
    "Commanders and leaders", "Units involved", "Strength", "Casualties and losses",
    "Casualties", "Participants", "Outcome", "Deaths", "Fatalities", "Injuries", "Missing",
    "Damage", "Areas affected", "Formed", "Dissipated", "Highest winds", "Lowest pressure",
    "Developer", "Written in", "OS family", "Initial release", "Latest release",
    "Latest preview", "Platforms", "License", "Website", "Official website", "Type",
    "Founded", "Founder", "Founders", "Headquarters", "Key people", "Products", "Revenue",
    "Number of employees", "Born", "Died", "Nationality", "Occupation", "Capital",
    "Largest city", "Official languages", "Population", "Area", "Government", "Currency",
    "Time zone", "Motto", "Anthem", "Political position", "Leader", "Area served",
    "Source model", "Marketing target", "Available in", "Update method", "Package manager",
    "Kernel type", "Default user interface", "Preceded by", "Succeeded by", "Also known as",
    "Cause", "Perpetrators", "Perpetrator", "Victims", "Weapons", "Target", "Attack type",
    "Non-fatal injuries", "Displaced", "Deaths and injuries", "Motive", "Accused",
]
_LABEL_SET = {label.casefold(): label for label in _INFOBOX_LABELS}
_GLUED_LABEL = re.compile(
    r"^(%s)(?=[0-9(])" % "|".join(sorted((re.escape(x) for x in _INFOBOX_LABELS), key=len, reverse=True))
)
_SPACED_LABEL = re.compile(
    r"^(%s)\s+(?=\S)" % "|".join(sorted((re.escape(x) for x in _INFOBOX_LABELS), key=len, reverse=True))
)
_LABEL_COLUMNS = re.compile(r"^(\S.{0,30}?)\s{2,}(?=\S)")  # text dumps: "Developer       Microsoft"
_VALUE_BULLET = re.compile(r"[*o#]\s+")
_SUBHEADER = re.compile(r"^\s*(?:Per [^:]{1,40}|Supported by|[A-Z][\w' -]{0,40}):\s*$")

# --- markers ---------------------------------------------------------------------------------

_TAG_WORDS = (
    r"(?:[^\W_]+(?:['’-][^\W_]+)*[ _]){0,4}(?:needed|required)"
    r"|(?:permanent[ _])?dead[ _]link"
    r"|[A-Za-z][\w'’ _-]{0,30}\?"
    r"|failed[ _]verification|not[ _]in[ _]citation[ _]given|not[ _]verified[ _]in[ _]body"
    r"|dubious(?:[ _][–—-][ _]discuss)?|disputed(?:[ _][–—-][ _]discuss)?|discuss"
    r"|update|needs[ _]update|vague|specify|quantify|unreliable[ _]source\??"
    r"|self-published[ _]source\??|irrelevant[ _]citation|unbalanced[ _]opinion\??"
    r"|improper[ _]synthesis\??|opinion|contradictory|peacock[ _]term|weasel[ _]words"
    r"|non-primary[ _]source[ _]needed|sic"
)
# A numbered note marker may lose its "]" where a table's column cuts its cell short and the
# next cell's word follows ("Temp. (°C)[note_1Density (kg/m3)").
_MARKER = re.compile(
    rf"\[(?:(?:(?P<num>\d{{1,4}})|(?P<note>[a-z]{{1,2}}|[A-Z])|(?P<tag>(?i:{_TAG_WORDS})))\]"
    rf"|(?:{_NOTE_WORDS})[ _](?P<nnum>\d{{1,3}})(?:\]|(?=[A-Z][a-z])))"
)
# What precedes bracketed text that is no citation: a formula's image text after its TeX
# source (also where the line wraps between them: "{\displaystyle 2}" then "[2]." on the next
# line), a TeX command's optional argument ("\sqrt[3]{u}", a root's index also where the line
# wraps before it; "{\displaystyle  [13]" is a marker after a garbled formula), and the edit link
# of a taxonomy box.
# Pages after a marker, as {{rp}} prints them: "[26]:745", "[8]:76–80", "[3]: 12, 14".
_PAGES = r"(?:p{1,2}\.\s?)?\d+(?:(?:[–-]|â\x80\x93)\d+)?(?:,\s?\d+(?:(?:[–-]|â\x80\x93)\d+)?)*"
_IN_SOURCE_PAGES = re.compile(r":\s?" + _PAGES)
_WRAPPED_PAGES = re.compile(_PAGES + r"(?=\s|$)")  # "306" opening the line after "[9]:"
# Page furniture before a bracket: a formula's closing brace, a taxobox heading, or a LaTeX command
# right before it or one space before ("\quad [4]\\": an equation's own tag).
_NOT_A_MARKER = re.compile(r"(?:\}\s{2,}|[Cc]lassification\s*|\\[A-Za-z]+\s?|\\sqrt\s*)$")
# A line of program code, whose array indices ("A[j][i] /= A[i][i];", "det = A[0][0];") are no
# markers: it assigns, steps or calls, and a keyword opens it or a statement's end or a block's
# brace closes it. A prose line a copy wraps may end in ";" too, so the index must also be glued
# to a name; and a formula's line ("coil[32][33]  L = … {\displaystyle L={\frac …}") is no code.
_CODE_KEYWORDS = ("for", "while", "if", "else", "return")
_CODE_LINE = re.compile(
    r"^(?!.*(?:\\displaystyle|&#x))(?:(?=.*(?:=|\+\+|--|\w\())\s*(?:(?:" + "|".join(_CODE_KEYWORDS) + r")\b|.*[;{}]\s*$)"
    r"|\s*[\w.$]+(?:\[[^\]]*\])*\s*<-)")  # R assigns with "<-" first: "tbl$Dy.dt[1] <- dy.dt(tbl$ti[1], y0)"
_TAG_KIND = {
    "citation needed": "citation-needed",
    "permanent dead link": "dead-link",
    "dead link": "dead-link",
    "clarification needed": "clarification-needed",
}


def _tag_kind(text: str) -> str:
    words = re.sub(r"[_\s]+", " ", text.strip()).lower()
    if words in _TAG_KIND:
        return _TAG_KIND[words]
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-") or "tag"


# A lettered note marker: "[a]".
_LETTER_MARKER = re.compile(r"\[[a-z]\]")
_LETTER_BRACKETS = re.compile(r"(?:\[[A-Za-z]{1,2}\])*")  # the rest of a cluster: "[S]" in "[S][S]"
# A bulleted note under a table, opening with its letter: "* D Effective photosphere ...".
_LETTERED_ITEM = re.compile(r"[ \t]*(?:[*•][ \t]+)?([A-Z])[ \t]+(?=\S)")
# A chemical formula in square brackets, a concentration: "[HA]", "[H2A]", "[OH]".
_CONCENTRATION = re.compile(r"\[(?:[A-Z][a-z]?\d*){2,}\]")
# A bracketed capital on either side of an equals sign, where no marker stands: "Ksp = [A][B]",
# "[B] = q/p[A]".
_EQUATED_BRACKET = re.compile(r"=\s*\[[A-Z][a-z]?\d*\]|\[[A-Z][a-z]?\d*\]\s*=")
# A legend line's key and the dash before what it stands for: "Po: [209] — mass number".
_LEGEND_KEY = re.compile(r"\s*[^\s:]{1,6}:?\s*")
_LEGEND_DASH = re.compile(r"\s+(?:[–—-]|â\x80[\x93\x94])\s")


def _legend_key(seg: str, match: re.Match[str]) -> bool:
    """Whether a bracketed number is the key a legend line explains ("Po: [209] — mass number")."""
    return bool(_LEGEND_KEY.fullmatch(seg, 0, match.start()) and _LEGEND_DASH.match(seg, match.end()))


# Link text in a text dump, words joined by underscores ("Human_herpesvirus_8").
_LINK_TEXT = re.compile(r"[^\s_\[\]]*(?:_+[^\s_\[\]]*)+")
# Link text that opens with a word and holds a number: the number belongs to the name.
_NAMED_NUMBER = re.compile(r"[^\W\d_].*\d")
# A power of ten whose superscript a copy lost: "5*1016", "2.5×1017" (5×10^16, 2.5×10^17).
_LOST_EXPONENT = re.compile(r"(?<![\w.])(?P<mantissa>\d{1,3}(?:\.\d+)?)(?P<times>[*×])10(?P<exponent>[1-9]\d?)(?![\w.])")


def _link_words(link: re.Match[str]) -> str:
    """A dump's link text with spaces for its underscores, unless a number is part of a
    linked name ("Human_herpesvirus_8", "Aloha_Airlines_Flight_243", "Windows_10"): that one
    keeps them, so that the name's number is not read as a figure of the text, and so does
    a title opening with a number word ("Six_Sigma"). A linked figure ("650_million_years_ago",
    "over_90%_market") is still a figure."""
    text = link.group()
    if _NAMED_NUMBER.match(text) and not re.search(r"[%$€£¥]", text) or _opens_with_number_word(text):
        return text
    return text.replace("_", " ")


def _opens_with_number_word(link: str) -> bool:
    """Whether a linked title opens with a capitalised number word and goes on capitalised
    ("Six_Sigma", "Seven_Years'_War", "Three_Mile_Island"): the number word is part of the
    name, not a count ("two_bodies" in a sentence stays a count)."""
    words = link.split("_")
    return (len(words) > 1 and words[0].istitle() and words[0].casefold() in NUMBER_WORDS
            and words[1][:1].isupper())


def _indexes_a_name(line: str, at: int) -> bool:
    """Whether the bracket at ``at`` indexes the name glued to it on a line of program code."""
    return (at > 0 and (line[at - 1].isalnum() or line[at - 1] in "_]") and _may_be_code(line)
            and _CODE_LINE.search(line) is not None)


def _may_be_code(line: str) -> bool:
    """What every line of program code has, cheap to test before the full pattern scans a long line:
    a statement's or block's end at the end, a keyword first, or an assignment of R ("x[1] <- y")."""
    return line.rstrip().endswith((";", "{", "}")) or line.lstrip().startswith(_CODE_KEYWORDS) or "<-" in line


# A dump joins the words of a link's text with underscores; a marker is a link of its own, so
# a bracket joined that way to a word or another bracket is part of a longer link's text. A
# table's ruling ("|_[41]__|") runs underscores up to a marker, but to no word.
_LINK_TEXT_AFTER = re.compile(r",?_(?=[^\W_]|\[)")
_LINK_TEXT_BEFORE = re.compile(r"(?:[^\W_],?|,)_$")


def _in_link_text(line: str, match: re.Match[str]) -> bool:
    """Whether the bracket ``match`` on ``line`` is joined by an underscore to the words of a link."""
    return (_LINK_TEXT_AFTER.match(line, match.end()) is not None
            or _LINK_TEXT_BEFORE.search(line, max(0, match.start() - 3), match.start()) is not None)


def _bracketed_year(number: int, last_entry: int) -> bool:
    """A year in brackets ("[1936]") where the reference list ends far below it: no list
    that short is cut off a thousand entries early, so the number is the text's own."""
    return 1000 <= number <= 2100 and 0 < last_entry and number > 2 * last_entry


_LETTERS = string.ascii_lowercase


def _note_key(index: int) -> str:
    """The lower-alpha label of the index-th note, as a list counts them (0 -> "a", 26 -> "aa",
    702 -> "aaa")."""
    label = ""
    index += 1
    while index:
        index, letter = divmod(index - 1, 26)
        label = _LETTERS[letter] + label
    return label


def _roman_key(index: int) -> str:
    """The lower-roman label of the index-th note (0 -> "i", 3 -> "iv"), as notes in roman
    numerals print their markers; a text copy numbers the list itself 1, 2, …"""
    number, label = index + 1, ""
    for value, numeral in ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, number = divmod(number, value)
        label += numeral * count
    return label


_ROMAN_KEYS = frozenset(_roman_key(index) for index in range(60))


# --- text building ---------------------------------------------------------------------------

@dataclass
class _Builder:
    """Readable text assembled from source segments, with a source offset per character."""

    source: str
    wrapped: bool
    notes: frozenset[str] = frozenset()
    underscores: bool = True  # text dumps write link text with underscores for spaces
    last_entry: int = 0  # the highest number of the reference list, 0 when there is none
    table: bool = False  # the segments are lines of a laid-out table (so is a line with a wide gap)
    tabulated: list[Citation] = field(default_factory=list)  # numbers in a table or legend, maybe its own
    text: list[str] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    markers: list[tuple[int, Citation]] = field(default_factory=list)
    tags: list[tuple[int, Tag]] = field(default_factory=list)
    pages_after: Citation | None = None  # a marker whose ":" ended a wrapped line: its pages open the next

    def add(self, start: int, end: int, *, scan: bool = True) -> None:
        if start >= end:
            return
        seg = self.source[start:end]
        nuclide = self._nuclide(seg)
        if self.text:
            last = self.text[-1]
            hyphen = last in "-/" and len(self.text) > 1 and self.text[-2].isalnum()
            if not (self.wrapped and (hyphen or self._subscript(seg))) and not nuclide and not last.isspace():
                self.text.append(" ")
                self.offsets.append(max(0, start - 1))
        pos = self._rejoin_wrapped_tag(seg, start) if scan and self.wrapped else 0
        if self.pages_after is not None:
            pos = self._wrapped_pages(seg, start, pos)
        if nuclide:
            self.text[-len(nuclide[0]):] = nuclide[0].translate(_SUPERSCRIPTS)
            self._extend(nuclide[1].translate(_SUBSCRIPTS), start)
            pos = len(nuclide[1])
        if scan:
            laid_out = self.table or _DIAGRAM_GAP.search(seg) is not None
            for match in _MARKER.finditer(seg, pos):
                item = self._marker(match, seg, start, laid_out)
                if item is None:
                    continue
                # "targets.^[2]": a text browser prints a superscript after a caret
                self._copy(seg, pos, match.start() - (seg[match.start() - 1:match.start()] == "^"), start)
                pos = match.end()
                if not isinstance(item, Tag):
                    pages = _IN_SOURCE_PAGES.match(seg, pos)
                    if pages:  # "[26]:745": the page of the source, no figure of the text
                        item.span = Span(item.span.start, start + pages.end())
                        pos = pages.end()
                    elif self.wrapped and seg[pos:].strip() == ":":
                        item.span = Span(item.span.start, end)
                        pos, self.pages_after = len(seg), item  # "…ethics.[9]:" / "306 On the one hand …"
                if self.text and self.text[-1] == " " and seg[pos:pos + 1] == " ":
                    pos += 1  # "curfew, [66] later": keep one space where the marker was
                if isinstance(item, Tag):
                    self.tags.append((len(self.text), item))
                else:
                    self.markers.append((len(self.text), item))
        self._copy(seg, pos, len(seg), start)

    def _rejoin_wrapped_tag(self, seg: str, start: int) -> int:
        """A tag or numbered note marker a dump wrapped across two lines ("…product.[citation"
        / "needed] Much …", "…members.[n" / "13] Early …"): taken out of the text whole, as on
        one line; returns how much of ``seg`` it used."""
        tail = "".join(self.text[-48:])
        broken = _broken_marker(tail, seg)
        if broken is None:
            return 0
        opened, closed, whole = broken
        words = f"{opened.group(1)} {closed.group(1)}"
        cut = len(tail) - opened.start()
        span = Span(self.offsets[-cut], start + closed.end())
        del self.text[-cut:], self.offsets[-cut:]
        if whole.group("nnum"):
            self.markers.append((len(self.text), Citation(key=whole.group("nnum"), span=span, group="note")))
        else:
            self.tags.append((len(self.text), Tag(kind=_tag_kind(words), span=span)))
        return closed.end() + (1 if seg[closed.end():closed.end() + 1] == " " and self.text[-1:] == [" "] else 0)

    def _wrapped_pages(self, seg: str, start: int, pos: int) -> int:
        """The pages of a marker that a dump wrapped after its ":" ("[9]:" / "306 On the one
        hand"), taken out of the text with the marker; returns how much of ``seg`` they used."""
        cited, self.pages_after = self.pages_after, None
        pages = _WRAPPED_PAGES.match(seg, pos)
        if cited is None or pages is None:
            return pos
        cited.span = Span(cited.span.start, start + pages.end())
        return pages.end() + (1 if seg[pages.end():pages.end() + 1] == " " and self.text[-1:] == [" "] else 0)

    def _nuclide(self, seg: str) -> tuple[str, str] | None:
        """A dump breaks nuclide notation across lines ("lithium-6 (6" / "3Li"): the mass number
        ending the text and the atomic number opening ``seg``, to be set as ⁶₃Li so that
        neither reads as a figure; or an isotope's mass number and its symbol ("24" / "Mg"),
        set as ²⁴Mg, with no atomic number."""
        head = _NUCLIDE_HEAD.match(seg) if self.wrapped else None
        if head is None and (not self.wrapped or _SYMBOL_OPENING.match(seg) is None):
            return None  # most lines open with neither, and the text before need not be read
        mass = _NUCLIDE_TAIL.search("".join(self.text[-8:]))
        if mass is None:
            return None
        if head is not None:
            return mass.group(), head.group(1)
        return (mass.group(), "") if _isotope_symbol(mass.group(), seg) else None

    def _subscript(self, seg: str) -> bool:
        """A dump sets a formula's subscript on a line of its own: "CO" then "2 released"."""
        tail = "".join(self.text[-6:])
        return bool(_SUBSCRIPT_DIGITS.match(seg) and _FORMULA_TAIL.search(tail))

    def _copy(self, seg: str, a: int, b: int, base: int) -> None:
        chunk = seg[a:b]
        if self.wrapped and self.underscores:
            chunk = _LINK_TEXT.sub(_link_words, chunk)
        if "px-" in chunk:  # a picture's file name is left out, as ``_FILLER``s are
            chunk = _THUMBNAIL.sub(lambda m: _FILLER * len(m.group()), chunk)
        pos = 0
        for power in _LOST_EXPONENT.finditer(chunk):
            # "5*1016": the copy lost the superscript of 5×10^16; written "5e16", so that no
            # figure "5" (or "1016") is read from it
            self._extend(chunk[pos:power.end("mantissa")], base + a + pos)
            self._extend("e", base + a + power.start("times"))
            self._extend(power.group("exponent"), base + a + power.start("exponent"))
            pos = power.end()
        self._extend(chunk[pos:], base + a + pos)

    def _extend(self, text: str, start: int) -> None:
        if _FILLER in text:  # the rest of a line break a dump wrapped at (``_unwrapped``)
            kept = [(char, start + k) for k, char in enumerate(text) if char != _FILLER]
            self.text.extend(char for char, _ in kept)
            self.offsets.extend(offset for _, offset in kept)
            return
        self.text.extend(text)
        self.offsets.extend(range(start, start + len(text)))

    def _marker(self, match: re.Match[str], seg: str, base: int, laid_out: bool) -> Citation | Tag | None:
        span = Span(base + match.start(), base + match.end())
        before = seg[max(0, match.start() - 40):match.start()]
        if not before.strip():  # a marker opening a wrapped line follows the line before, the break a gap
            before = "".join(self.text[-40:]).rstrip() + "  " + before
        if match.group("num") or match.group("note"):
            if _NOT_A_MARKER.search(before):
                return None  # "{\displaystyle 1}  [1]", "Scientific classification [e]": page furniture
            if _indexes_a_name(seg, match.start()):
                return None  # "x[i] -= A[i][k] * x[k];": array indices in a program
            if _in_link_text(seg, match):
                return None  # "[100],_[111],_and_[110]": crystal directions a link names
        if match.group("num"):
            number = int(match.group("num"))
            if _bracketed_year(number, self.last_entry):
                return None  # "the Eckart–Young theorem [1936]": a year, no marker
            if number == 0:
                return None  # "{\displaystyle x[0]=\lim X(z)}": an index; no list numbers from 0
            if seg[match.start() - 1:match.start()] in ("{", "\u2044"):
                # "y^{[3]}": TeX's notation for a derivative; a marker never opens a group. "1
                # ^1⁄[4]-mile": a fraction's denominator, printed as a subscript by a text browser
                return None
            citation = Citation(key=match.group("num"), span=span)
            if laid_out or _legend_key(seg, match):
                self.tabulated.append(citation)
            return citation
        if match.group("note"):
            if self._in_formula(seg, match, base):
                return None  # "\mathrm {[A][H]}", "[HA] = β1[A][H]": concentrations, no notes
            key = match.group("note").lower()  # upper-alpha notes ("[A]") are listed as 1, 2, ...
            cluster = (match.start() > 0 and seg[match.start() - 1] == "]") or seg.startswith("[", match.end())
            # A note marker sits on the word before it; two letters after a space name the
            # language of an article linked beside the word ("Stückofen [fr][19]").
            language = len(key) == 2 and seg[match.start() - 1:match.start()].isspace()
            if key not in self.notes and (not cluster or language):
                return None  # "support[s]": an editorial bracket, not a note marker
            return Citation(key=key, span=span, group="note")
        if match.group("nnum"):
            return Citation(key=match.group("nnum"), span=span, group="note")
        return Tag(kind=_tag_kind(match.group("tag")), span=span)

    def _in_formula(self, seg: str, match: re.Match[str], base: int) -> bool:
        r"""Whether a bracketed letter is part of a formula: inside the TeX source a copy prints
        ("{\displaystyle T_{A}=\mathrm {[A]+[HA]}}"), or in the TeX of the formula's image text
        after it, which a TeX group or command follows at once ("+[S][S]{\textbf {P}}": a
        matrix; a marker is followed by a space, punctuation or the next marker), or a capital
        on an equation's line that also brackets chemical formulas, which no marker is
        ("[HA] = β1[A][H], [OH] = …"), or that sets one beside its equals sign ("Ksp = [A]p[B]q"):
        square brackets for concentrations."""
        at = base + match.start()
        before = self.source[max(0, at - 400):at]  # a formula's lines may stand as blocks of their own
        tex = before.rfind("\\displaystyle")
        if tex >= 0 and before.count("{", tex) + 1 > before.count("}", tex):
            return True
        if seg.startswith(("{", "\\"), _LETTER_BRACKETS.match(seg, match.end()).end()):
            return True
        near = seg[max(0, match.start() - 80):match.end() + 80]
        return (match.group("note").isupper() and "=" in near
                and (_CONCENTRATION.search(near) is not None or _EQUATED_BRACKET.search(near) is not None))

    def result(self) -> str:
        return "".join(self.text)

    def paragraph(self, kind: str, section: tuple[str, ...], index: int) -> Paragraph:
        return Paragraph(text=self.result(), offsets=list(self.offsets), markers=list(self.markers),
                         tags=list(self.tags), kind=kind, section=section, index=index)


# --- blocks --------------------------------------------------------------------------------

@dataclass
class _Block:
    """A run of source lines that forms one unit: a heading, paragraph, item, entry, ..."""

    kind: str  # "heading" | "line" | "para" | "item" | "entry" | "chrome" | "caption"
    segs: list[tuple[int, int]]
    first_line: int
    last_line: int
    level: int = 0
    number: str = ""
    text: str = ""
    blank_before: bool = True
    blank_after: bool = True
    group: int = 1  # plain layout: how many non-blank lines the surrounding group has


def _split_lines(source: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the line break."""
    lines = []
    start = 0
    for match in re.finditer(r"\r?\n|\r", source):
        lines.append((start, match.start()))
        start = match.end()
    lines.append((start, len(source)))
    return lines


def _content(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start] in " \t\u00a0":
        start += 1
    while end > start and source[end - 1] in " \t\u00a0":
        end -= 1
    return start, end


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t\u00a0"))


def _is_wrapped(source: str, lines: list[tuple[int, int]]) -> bool:
    headings = sum(1 for s, e in lines[:5000] if _WRAPPED_HEADING.match(source[s:e]))
    return headings >= 1


def _plain_blocks(source: str, lines: list[tuple[int, int]]) -> list[_Block]:
    blocks: list[_Block] = []
    i = 0
    n = len(lines)
    while i < n:
        s, e = lines[i]
        raw = source[s:e]
        if not raw.strip():
            i += 1
            continue
        cs, ce = _content(source, s, e)
        text = source[cs:ce]
        entry = _ENTRY.match(raw)
        bullet = _BULLET.match(raw) if not entry else None
        if _CHROME.match(text):
            blocks.append(_Block("chrome", [(cs, ce)], i, i, text=text))
            i += 1
            continue
        caret = not entry and _opens_unnumbered_entry(text)  # some browsers copy no list numbers
        if caret or (entry and (entry.group(1) or _opens_with_backlink(raw, entry.end()))):
            content_at = s + entry.end() if entry else cs
            block = _Block("entry", [_content(source, content_at, e)], i, i,
                           number=entry.group(2) if entry else "", text=text)
            j = i + 1
            while j < n:
                ns, ne = lines[j]
                nraw = source[ns:ne]
                if (not nraw.strip() or _ENTRY.match(nraw) or _BULLET.match(nraw) or _indent(nraw) < 3
                        or _opens_unnumbered_entry(nraw)):
                    break
                block.segs.append(_content(source, ns, ne))
                block.last_line = j
                j += 1
            blocks.append(block)
            i = j
            continue
        if bullet and bullet.group(2) in "•·▪◦‣∙" or (bullet and bullet.group(1)):
            blocks.append(_Block("item", [_content(source, s + bullet.end(), e)], i, i,
                                 level=len(bullet.group(1)), text=text))
            i += 1
            continue
        blocks.append(_Block("line", [(cs, ce)], i, i, text=text))
        i += 1
    # Blank-line context: which blocks stand alone between blank lines.
    for k, block in enumerate(blocks):
        prev_line = blocks[k - 1].last_line if k else -2
        next_line = blocks[k + 1].first_line if k + 1 < len(blocks) else n + 1
        block.blank_before = not _adjacent(source, lines, prev_line, block.first_line)
        block.blank_after = not _adjacent(source, lines, block.last_line, next_line)
    blank_lines = sum(1 for s, e in lines if not source[s:e].strip())
    if blank_lines < 0.1 * len(blocks):
        # A copy with no blank lines between paragraphs: every line stands alone.
        for block in blocks:
            block.blank_before = block.blank_after = True
        return blocks
    group_start = 0
    for k in range(1, len(blocks) + 1):
        if k == len(blocks) or blocks[k].blank_before:
            for m in range(group_start, k):
                blocks[m].group = k - group_start
            group_start = k
    return blocks


def _joined(source: str, segs: list[tuple[int, int]]) -> str:
    joined = " ".join(source[a:b] for a, b in segs)
    return joined.replace(_FILLER, "") if _FILLER in joined else joined


def _last_column(row: str) -> int | None:
    """Where table row ``row`` has its last cell, if it has cells apart."""
    gap = list(_CELL_GAP.finditer(row))
    return gap[-1].end() - 1 if gap else None


def _wraps_first_cell(raw: str, row: str, following: str) -> bool:
    """Whether line ``raw`` is the wrapped end of a long first cell of table row ``row``: it
    stops short of the row's last column and the table's rows go on under it ("Copper, solid
    or plated; … silver solder;   −0.35" over "German silvery high copper-nickel alloys" over
    "Brass and bronzes   −0.40")."""
    column = _last_column(row)
    return column is not None and len(raw.rstrip()) < column and _CELL_GAP.search(following.strip()) is not None


def _ends_in_last_column(raw: str, row: str) -> bool:
    """Whether line ``raw`` ends in a figure set in the column where table row ``row`` has its
    last cell, a figure too: a row whose long first cell runs up to it, one space apart
    ("Aluminum, wrought alloys other than 2000 series aluminum, cast alloys −0.90" under
    "Iron, wrought, gray …   −0.85")."""
    column = _last_column(row)
    if column is None:
        return False
    last, cell = row[column:].rstrip(), raw[column:].rstrip()
    return (len(raw) > column and raw[column - 1] == " " and " " not in cell and " " not in last
            and bool(_FIGURE.search(cell)) and bool(_FIGURE.search(last)))


def _value_in_last_column(raw: str, row: str) -> bool:
    """Whether a table's short line has a cell where row ``row`` has its last one (give or take a
    column), after a first cell that runs up to it: a value, "Tensile failure stress, ultimate 25
    MPa (500-2500 PSI)" under "Hardness, Shore A     30–90", or any cell two spaces apart
    ("Elongation after fracture in %  ≥ 300%")."""
    column = _last_column(row)
    if column is None:
        return False
    return any(0 < at < len(raw) and raw[at - 1] == " " and raw[at] != " "
               and (raw[at - 2:at] == "  " or _VALUE_START.match(raw, at) is not None)
               for at in (column - 1, column, column + 1))


# A cell that gives a value: a figure, signed or bounded ("−50 °C", "≥ 300%", "~5").
_VALUE_START = re.compile(r"[−+±~<>≤≥-]?\s?\d")


def _adjacent(source: str, lines: list[tuple[int, int]], a: int, b: int) -> bool:
    """True when no blank line separates line ``a`` from line ``b``."""
    if a < 0 or b >= len(lines):
        return False
    return all(source[lines[k][0]:lines[k][1]].strip() for k in range(a + 1, b))


def _wrapped_blocks(source: str, lines: list[tuple[int, int]]) -> list[_Block]:
    # The wrap width: the commonest long-line length, widened to the longest length that
    # is still common (pasted URLs make a few much longer lines).
    # Table rows (cells apart by runs of spaces, or drawn with bars: "|_____|_____|") can be
    # wider than the wrap: they do not count.
    counts = Counter(e - s for s, e in lines
                     if 60 <= e - s <= 100 and source[s] not in " \t|" and not _CELL_GAP.search(source, s, e)
                     and source.count("|", s, e) < 2)
    width = 80
    if counts:
        mode = counts.most_common(1)[0][1]
        width = max(length for length, count in counts.items() if count >= 0.1 * mode)
    blocks: list[_Block] = []
    margin_items: dict[int, int] = {}  # the index of each item of a list numbered at the margin: its number
    in_table = after_scale = False
    last_row = ""  # the last line read as a table's
    i = 0
    n = len(lines)
    while i < n:
        s, e = lines[i]
        raw = source[s:e]
        if not raw.strip():
            in_table = after_scale = False
            i += 1
            continue
        cs, ce = _content(source, s, e)
        text = source[cs:ce]
        labels_scale, after_scale = after_scale and _is_data_line(text), bool(_SCALE_ROW.fullmatch(text))
        heading = _WRAPPED_HEADING.match(raw)
        if heading:
            name_start = s + raw.index(heading.group(2)) if heading.group(2) else cs
            hs, he = _content(source, name_start, name_start + len(heading.group(2)))
            blocks.append(_Block("heading", [(hs, he)], i, i, level=6 - len(heading.group(1)),
                                 text=source[hs:he].replace("_", " ")))
            i += 1
            continue
        lettered = _LETTERED_ENTRY.match(raw)
        entry = _ENTRY.match(raw) or lettered
        bullet = _BULLET.match(raw) if not entry else None
        if bullet and bullet.group(2) in "+-" and _MATH.search(raw):
            bullet = None  # "      + h , t )  ]  &#x2212; k [": a formula wrapped at its plus sign
        indent = _indent(raw)
        if (entry and (indent or lettered)) or (bullet and indent):
            match = entry or bullet
            assert match is not None
            kind = "entry" if entry else "item"
            block = _Block(kind, [_content(source, s + match.end(), e)], i, i, level=indent,
                           number=entry.group(2) if entry and not lettered else "", text=text)
            # Continuation lines are indented to the content column: one space past an entry's
            # number, whatever spaces its first line has there ("18.  The term …" prints an empty
            # backlink, and "      156." under it is a page number wrapped to that column).
            column = min(match.end(), entry.end(2) + 2) if entry else match.end()
            flush = lettered is not None and not indent  # "a. ^ Fructose …" and its lines at the margin
            note = source.startswith("^", s + match.end())
            j = i + 1
            while j < n:
                ns, ne = lines[j]
                nraw = source[ns:ne]
                nindent = _indent(nraw)
                # A list nested deeper: an item's ("    * 1751, Glasse" / "          o It will"), or a
                # numbered step's own steps ("   2. Check …" / "         1. Select …"); what a note
                # nests ("   9. ^ Note:" / "          o In 1751, …") is its own text.
                nested = nindent > column and (kind == "item" or not note and _ENTRY.match(nraw) is not None)
                if (not nraw.strip() or _WRAPPED_HEADING.match(nraw) or (nindent <= indent and not flush)
                        or ((nindent < column or nested) and (_ENTRY.match(nraw) or _BULLET.match(nraw)))
                        or _LETTERED_ENTRY.match(nraw)):
                    break
                block.segs.append(_content(source, ns, ne))
                block.last_line = j
                j += 1
            blocks.append(block)
            i = j
            continue
        if entry and not lettered and int(entry.group(2)) == _next_margin_item(blocks, margin_items):
            block = _Block("item", [_content(source, s + entry.end(), e)], i, i, text=text)
            j = i + 1
            while j < n and _goes_on_margin_item(source[lines[j][0]:lines[j][1]], lines[j - 1][1] - lines[j - 1][0],
                                                 width, j == i + 1):
                block.segs.append(_content(source, *lines[j]))
                block.last_line = j
                j += 1
            margin_items[len(blocks)] = int(entry.group(2))
            blocks.append(block)
            i = j
            continue
        # Table rows: cells separated by wide gaps; short or gapped lines continue the table.
        math = "\\displaystyle" in raw or "&#x" in raw  # formulas are spaced out too, but are prose
        diagram = _DIAGRAM_GAP.search(raw.strip()) is not None or indent >= 16  # cladograms, laid-out cells
        next_line = source[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < n else ""
        if not math and (diagram or after_scale or labels_scale or len(_CELL_GAP.findall(raw.strip())) >= 2
                         or _RULED_ROW.fullmatch(raw.strip())
                         or (in_table and (_CELL_GAP.search(raw.strip()) or len(raw.strip()) < 40
                                           or _ends_in_last_column(raw, last_row)
                                           or len(raw.rstrip()) < width - 8 and not raw.rstrip().endswith(".")
                                           and _value_in_last_column(raw, last_row)
                                           or _wraps_first_cell(raw, last_row, next_line)))):
            blocks.append(_Block("table", [(cs, ce)], i, i, level=indent, text=text))
            if not in_table or _last_column(raw) is not None:
                last_row = raw  # rows whose cells run together keep the table's columns
            in_table = True
            i += 1
            continue
        in_table = False
        # A paragraph: unindented (or box-indented) lines until a break the wrap explains not.
        block = _Block("para", [(cs, ce)], i, i, level=indent, text=text)
        hatnote = bool(_CHROME.match(text))
        j = i + 1
        prev_len = e - s
        while j < n:
            ns, ne = lines[j]
            nraw = source[ns:ne]
            nuclide = _splits_nuclide(source, block.segs[-1], ns, ne)
            if (not nraw.strip() or _WRAPPED_HEADING.match(nraw) or (_indent(nraw) != indent and not nuclide)
                    or _CHROME.match(nraw.strip()) or _SCALE_ROW.fullmatch(nraw.strip())):
                break
            if indent and (_ENTRY.match(nraw) or _BULLET.match(nraw)):
                break  # an indented box's own list; unindented, "2015. The court ..." is a wrapped year
            first_word = nraw.lstrip(" ").split(" ", 1)[0]  # a no-break space joins words
            # An indented paragraph (a block quotation) wraps narrower by its indent.
            if (prev_len + 1 + len(first_word) <= width - indent and not nuclide
                    and not _runs_on(source, block.segs[-1][1], ns, ne)):
                break  # the previous line ended early: a paragraph (or caption) ended there
            if (j == i + 1 and blocks and _ALT_TEXT.fullmatch(blocks[-1].text) and nraw[:1].isupper()
                    and _closes_caption(blocks[-1].text, text)):
                break  # the caption under an image repeats its alt text; the prose starts below
            if hatnote and not _LIST_GOES_ON.search(source, block.segs[-1][0], block.segs[-1][1]):
                break  # a hatnote names articles; the paragraph after it is prose
            if (_ALT_TEXT.fullmatch(source, *block.segs[-1]) or _ALT_TEXT.fullmatch(nraw.strip())
                    or len(nraw.strip()) >= width // 2 and _ALT_TEXT_OPENING.fullmatch(nraw.strip())
                    or source[block.segs[0][0]] == "[" and _ALT_TEXT.fullmatch(_joined(source, block.segs))) \
                    and not _MARKER.fullmatch(nraw.strip()):
                break  # an image's alt text stands on its own lines; a tag the wrap moved there does not
            block.segs.append(_content(source, ns, ne))
            block.last_line = j
            prev_len = ne - ns
            j += 1
        block.text = _joined(source, block.segs)
        if _CHROME.match(text) or (_ALT_TEXT.fullmatch(block.text) and not _MARKER.fullmatch(block.text)):
            block.kind = "chrome"  # a hatnote or notice, or an image's alt text in brackets
        elif indent and all(_is_data_line(source[a:b]) for a, b in block.segs):
            block.kind = "table"  # "  Dimethylterephthalate (DMT) CAS-No.: 120-61-6": property data
        blocks.append(block)
        i = j
    _mark_legends(blocks)
    return blocks


# A paragraph that ends by introducing what follows, maybe with its markers: "… amino acids:[58]".
_INTRODUCES_ITEMS = re.compile(r":(?:\s*\[[^\[\]\n]{1,20}\])*$")


def _next_margin_item(blocks: list[_Block], margin_items: dict[int, int]) -> int:
    """The number that a list numbered at the margin ("1. The binding of the correct tRNA")
    would give its next item here: 1 right after a paragraph that introduces it, one more than
    the item before; 0 elsewhere, where "2015. The court …" is a wrapped year, no item."""
    if not blocks:
        return 0
    if len(blocks) - 1 in margin_items:
        return margin_items[len(blocks) - 1] + 1
    return 1 if blocks[-1].kind == "para" and _INTRODUCES_ITEMS.search(blocks[-1].text) else 0


def _goes_on_margin_item(raw: str, prev_len: int, width: int, second_line: bool) -> bool:
    """Whether a line carries on an item numbered at the margin, whose wrap goes on at the
    margin: the line before was filled to the wrap. An item's first line that is followed by
    a capital ("3. Translocation … by three nucleotides" / "Translocation "kicks off" …") is a
    step named in a phrase, and the paragraph after the list opens there."""
    if not raw.strip() or _indent(raw) or _ENTRY.match(raw) or _WRAPPED_HEADING.match(raw):
        return False
    if second_line and raw[:1].isupper():
        return False
    return prev_len + 1 + len(raw.split(" ", 1)[0]) > width


# A line of a picture's legend: a short key, a dash, what it stands for ("5 – constant term").
_LEGEND_LINE = re.compile(r"[^\s:]{1,6}(?: [^\s:]{1,6}){0,2} (?:[–—-]|â\x80[\x93\x94]) [^\s.][^.]{0,40}")


def _mark_legends(blocks: list[_Block]) -> None:
    """A picture's legend set out as indented one-line blocks ("1 – power (exponent)",
    "2 – coefficient", "5 – constant term"), three or more in a row: a table, not prose."""
    runs: list[list[_Block]] = []
    previous: _Block | None = None
    for block in blocks:
        if block.kind == "para" and block.level and len(block.segs) == 1 and _LEGEND_LINE.fullmatch(block.text):
            if runs and runs[-1][-1] is previous and previous.level == block.level:
                runs[-1].append(block)
            else:
                runs.append([block])
        previous = block
    for run in runs:
        if len(run) >= 3:
            for member in run:
                member.kind = "table"


# The halves of a tag wrapped across lines: "[citation" at a line's end, "needed]" at the next start.
_OPEN_TAG_TAIL = re.compile(r"\[([A-Za-z][\w'’ -]{0,30}?) ?$")
_CLOSE_TAG_HEAD = re.compile(r"([\w'’ -]{1,30}?)\]")


def _broken_marker(before: str, after: str) -> tuple[re.Match[str], re.Match[str], re.Match[str]] | None:
    """The halves of a tag or numbered note marker broken at a line's end ("[citation" /
    "needed]", "[n" / "13]"), and the marker they make together."""
    opened = _OPEN_TAG_TAIL.search(before)
    closed = _CLOSE_TAG_HEAD.match(after) if opened else None
    if opened is None or closed is None:
        return None
    whole = _MARKER.fullmatch(f"[{opened.group(1)} {closed.group(1)}]")
    if whole is None or not (whole.group("tag") or whole.group("nnum")):
        return None
    return opened, closed, whole


_SUBSCRIPT_DIGITS = re.compile(r"\d{1,2}(?![\d,.]\d)(?=[\s,.;:)]|\[\d{1,3}\]|$)")  # "CO" / "2[2] and"
_FORMULA_TAIL = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]?\d*){1,4}$")
_PICTURE_WORDS = re.compile(
    r"\b(?:pictured|photo(?:graph|micrograph)?s?|micrographs?|shown here|image|illustration|diagram"
    r"|schematic|drawing|painting|map of)\b|\((?:left|right|top|bottom|center|centre)[^)]{0,12}\)", re.I)
# The scale of an index laid out as a row of numbers ("1 2 3 4 5 6 7 8 9 10 +"); the line
# right after it that labels its bands ("Risk: Low (1-3) Moderate (4-6) ...") is part of it.
_SCALE_ROW = re.compile(r"(?:\d{1,3} ){3,}\d{1,3}(?: ?\+)?")
# The hatnote that opens a section's prose ("Main article: Graph_theory").
_HATNOTE = re.compile(r"(?:Main[ _]articles?|Further[ _]information|See[ _]also):")
# A run of ten spaces inside a line: a diagram or a laid-out table, never wrapped prose.
_DIAGRAM_GAP = re.compile(r"\S {10,}\S")
# A picture a text browser prints by its thumbnail's file name, for want of alt text:
# "[250px-Aerial_view_of_a_TV_Tower_%282%29.jpg] The 140 m (460 ft) high television tower", whose
# escapes ("%282%29") would read as figures. No name of a page's text opens with a width in pixels.
_THUMBNAIL = re.compile(r"\[\d{2,4}px-[^\[\]\n]*\]")
# An image's alt text, printed in brackets with underscores: "[A_dozen_parallel_cables.]"; it may
# carry a marker of its caption ("….[178]_No_plant…]") and wrap over a few lines.
_ALT_WORD = r"(?:[^\[\]\s]|\[\d{1,4}\])"
_ALT_TEXT = re.compile(rf"\[{_ALT_WORD}*_{_ALT_WORD}*(?:\s{_ALT_WORD}+){{0,3}}\]")
# The first line of alt text the copy wrapped: a full line of words joined by underscores, unclosed.
_ALT_TEXT_OPENING = re.compile(rf"\[{_ALT_WORD}*_{_ALT_WORD}*")
# A numbered figure's legend: "Figure 3: The string at 6 consecutive epochs", "Fig. 2b. Tubes".
_FIGURE_LEGEND = re.compile(r"(?:Figure|Fig\.)\s?\d{1,3}[a-z]?[:.]\s")
# A line of a formula: its TeX source or the entities of its rendering.
_MATH = re.compile(r"\\displaystyle|&#x[0-9A-Fa-f]+;|\\[a-zA-Z]+\b")
# A "property: value" line of a data block ("Sum formula: C2H6O2 , mol. weight: 62.07").
_DATA_LINE = re.compile(r"[^\s:][^:]{0,60}:\s+\S.*")


def _is_data_line(line: str) -> bool:
    """A property and its value, with no sentence in it: data, not prose."""
    return bool(_DATA_LINE.fullmatch(line)) and not _SENTENCE_END.search(line) and not _SENTENCE_BREAK.search(line)


# Nuclide notation a dump sets over three lines: "lithium-6 (6" / "3Li" / ") and ...".
_NUCLIDE_TAIL = re.compile(r"(?<![\w.,])\d{1,3}$")  # the mass number ending a line
_NUCLIDE_HEAD = re.compile(r"(\d{1,3})[A-Z][a-z]?(?![\w-])")  # the atomic number, glued to the symbol
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _splits_nuclide(source: str, prev: tuple[int, int], start: int, end: int) -> bool:
    """Whether a line break falls inside nuclide notation: before the atomic number and
    symbol ("(6" / "3Li"), or after them, where the sentence resumes (maybe after a space); or
    between an isotope's mass number and its symbol ("isotopes: 24" / "Mg, 25" / "Mg and 26")."""
    prev_line = source[prev[0]:prev[1]]
    mass = _NUCLIDE_TAIL.search(prev_line)
    if mass and (_NUCLIDE_HEAD.fullmatch(source, start, end) or _isotope_symbol(mass.group(), source[start:end])):
        return True
    return bool(_NUCLIDE_HEAD.fullmatch(prev_line) and _NUCLIDE_TAIL.search(source, max(0, prev[0] - 8), prev[0] - 1))


# The elements in order of atomic number. An isotope's symbol is matched only where it has two
# letters and is neither a word nor a unit's symbol: "24" / "Mg" is magnesium-24, but "50" / "V"
# may be volts, and "12" / "He" a sentence going on.
_ELEMENTS = (
    "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr "
    "Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb "
    "Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr"
).split()
_AMBIGUOUS_SYMBOLS = frozenset("He Be In As At No Am Es Pa Tb Co".split())
_ATOMIC_NUMBERS = {symbol: z for z, symbol in enumerate(_ELEMENTS, 1)
                   if len(symbol) == 2 and symbol not in _AMBIGUOUS_SYMBOLS}
_SYMBOL_OPENING = re.compile(r"(?P<symbol>[A-Z][a-z])(?![^\W\d_])")


def _isotope_symbol(mass: str, line: str) -> bool:
    """Whether ``line`` opens with the symbol of an element that ``mass`` can be a mass number
    of (from its atomic number to a little over three times it): a copy printed the isotope's
    superscript mass number at the end of the line before ("24" / "Mg, 25")."""
    head = _SYMBOL_OPENING.match(line)
    z = _ATOMIC_NUMBERS.get(head["symbol"]) if head else None
    return z is not None and z <= int(mass) <= 3 * z + 6


def _runs_on(source: str, prev_end: int, start: int, end: int) -> bool:
    """Whether a line continues the one before although that one looks short: a range or
    word broken at a hyphen ("within 1-" / "2 generations") or a slash ("31/" / "2", "G2/"
    / "M"), a subscript set on its own line ("where CO" / "2 released"), or a tag or marker
    broken inside its brackets ("xk.[note" / "1] A few")."""
    before = source[max(0, prev_end - 40):prev_end]
    after = source[start:end].lstrip(" ")
    return bool(re.search(r"[\w)][-/]$", before) or (_FORMULA_TAIL.search(before) and _SUBSCRIPT_DIGITS.match(after))
                or _broken_marker(before, after) is not None)


def _closes_caption(alt_text: str, line: str) -> bool:
    """Whether a line under an image's alt text is its whole caption: the alt text repeats
    the caption's words ("[engraving_of_cork_cells_from_Hooke's_Micrographia,_1665]" over "An
    engraving of the cells of cork, from Robert_Hooke's Micrographia, 1665"), so a caption
    that ends with the alt text's last word and holds most of its words ends on that line."""
    alt_words = _caption_words(alt_text)
    line_words = _caption_words(line)
    if len(alt_words) < 3 or not line_words or line_words[-1] != alt_words[-1]:
        return False
    return sum(word in line_words for word in alt_words) >= 0.6 * len(alt_words)


def _caption_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("_", " ").casefold())


# An entry of a copied table of contents, with the bullet a text browser prints before it:
# "2.1 Timeline", "• 3 Subatomic particles", "□ 3.1 Quarks and leptons".
_TOC_BULLETS = "[•·▪◦‣∙□☆*o+-]"
_TOC_BULLET = re.compile(rf"^{_TOC_BULLETS}\s+")
_TOC_ENTRY = re.compile(rf"(?:{_TOC_BULLETS}\s*)?\d+(?:\.\d+)*\s+\S")


def _heading_like(text: str) -> bool:
    """A bare line that reads like a section heading: short, no closing punctuation."""
    if not text or len(text) > 80 or not (text[0].isupper() or text[0].isdigit()):
        return False
    if text[-1] in ".!?,;:" or re.search(r"\[\d+\]", text) or len(text.split()) > 10:
        return False
    return any(ch.isalpha() for ch in text)


# --- the parser ------------------------------------------------------------------------------

def parse(text: str, path: str = "<string>") -> Document:
    """Parse a plain-text copy of a rendered page into a Document (format "text")."""
    lines = _split_lines(text)
    wrapped = _is_wrapped(text, lines)
    # A text browser's dump is read as a browser's copy is, each paragraph on one line; the
    # document keeps the text as given, which the unwrapped one matches offset for offset.
    layout = text if wrapped else _unwrapped(text, lines)
    doc = Document(source=layout, format="text", path=path)
    if layout is not text:
        lines = _split_lines(layout)
    blocks = _wrapped_blocks(layout, lines) if wrapped else _plain_blocks(layout, lines)
    if not wrapped:
        _classify_plain(blocks)
    _Parser(doc, blocks, wrapped).run()
    doc.source = text
    _page_footer(doc)
    return doc


# The columns a dump may wrap at, and the share of its longer lines that end near that column.
_WRAP_COLUMNS = range(60, 141)
_FULL_LINES = 0.25
_PAST_COLUMN = 0.1  # the share of longer lines that may go past it: a table wider than the page
_FEWEST_LONG_LINES = 12  # fewer lines of over 40 characters tell no column
_GOING_ON = 0.6  # the share of lines ending near the column that go on on the next line, at least
_WRAP_SLACK = 12  # how far short of the column a full line may end: the next word did not fit
# What stands for the rest of a wrapped line break after the space that replaces it, so that the
# text keeps its length: a control character no page's text holds, which statements and entries
# leave out.
_FILLER = "\x1f"
# A marker a dump broke where its superscript starts or its number ends ("…city.^[" / "42] …").
_OPEN_MARKER_TAIL = re.compile(r"\^?\[\d{0,4}$")
_CLOSE_MARKER_HEAD = re.compile(r"\d{0,4}\]")


def _laid_out(line: str) -> bool:
    """Whether a line holds cells: tab-separated, as a browser copies a table, or set apart by
    runs of spaces, as a dump lays one out."""
    return "\t" in line or _CELL_GAP.search(line) is not None


def _goes_on(following: str) -> bool:
    """Whether a line may go on with the one before: it holds text, no cells, and opens no entry
    or item of its own."""
    head = following.lstrip()
    return (bool(head) and not _laid_out(following) and not _opens_unnumbered_entry(head)
            and not _ENTRY.match(following) and not _BULLET.match(following))


def _wrap_column(source: str, lines: list[tuple[int, int]]) -> int | None:
    """The column a text browser's dump (lynx, w3m, html2text) wraps its paragraphs at, or None
    for a copy that keeps each paragraph on one line: most of its longer lines end a few
    characters short of one column, few go past it (a table wider than the page), and most of
    those that end near it go on on the next line. In a copy that keeps a paragraph to a line,
    one that happens to end there is followed by a blank line, a table's row or the next entry."""
    texts = [source[s:e].rstrip() for s, e in lines]
    long = sorted(len(text) for text in texts if len(text) > 40 and not _laid_out(text))
    if len(long) < _FEWEST_LONG_LINES:
        return None
    best, best_full = None, 0
    for column in _WRAP_COLUMNS:
        if len(long) - bisect_right(long, column) > _PAST_COLUMN * len(long):
            continue
        full = bisect_right(long, column) - bisect_left(long, column - _WRAP_SLACK)
        if full > best_full:
            best, best_full = column, full
    if best is None or best_full < _FULL_LINES * len(long):
        return None
    full_lines = [k for k, text in enumerate(texts[:-1])
                  if best - _WRAP_SLACK <= len(text) <= best and not _laid_out(text)]
    going_on = sum(_goes_on(texts[k + 1]) for k in full_lines)
    return best if going_on >= _GOING_ON * len(full_lines) else None


def _unwrapped(source: str, lines: list[tuple[int, int]]) -> str:
    """``source`` with the line breaks a dump wrapped its paragraphs at turned into spaces, so that
    each paragraph, list item and reference entry is one line, as a browser copies it; the text
    keeps its length, so every offset stays valid for ``source``. A line was wrapped where the
    next line's first word would not have fitted on it, unless the next line opens a list's
    next entry or item (not indented past the line before; in a paragraph, "1975. The …" goes
    on with it) or an entry with its caret, or either line holds cells, or the line runs past
    the column. The break and the next line's indent become one space and ``_FILLER``s. A marker
    broken at the wrap ("…city.^[" / "42] …") is put back together before it."""
    column = _wrap_column(source, lines)
    if column is None:
        return source
    text = list(source)
    listed = False  # whether the lines since the last blank one are a list's
    for (start, end), (next_start, next_end) in zip(lines, lines[1:]):
        line, following = source[start:end].rstrip(), source[next_start:next_end]
        head = following.lstrip()
        if not line.strip():
            listed = bool(_ENTRY.match(following) or _BULLET.match(following))
            continue
        if (not head or len(line) > column or _laid_out(line) or _laid_out(following)
                or _opens_unnumbered_entry(head)):
            continue  # past the column a line is a table's, and a caret opens the next entry
        opens_own = _ENTRY.match(following) or _BULLET.match(following)
        if opens_own and listed and _indent(following) <= _indent(line):
            continue  # the list's next entry, not a paragraph's line that opens with "1975. The"
        if len(line) + 1 + len(head.split(" ", 1)[0]) <= column:
            listed = listed or bool(opens_own)
            continue  # the next word would have fitted: the line ends where its text does
        gap_start, gap_end = start + len(line), next_end - len(head)
        opened, closed = _OPEN_MARKER_TAIL.search(line), _CLOSE_MARKER_HEAD.match(head)
        gap = [" "] + [_FILLER] * (gap_end - gap_start - 1)
        if opened and closed and _MARKER.fullmatch(opened.group().lstrip("^") + closed.group()):
            text[gap_start:gap_end + closed.end()] = list(closed.group()) + gap
        else:
            text[gap_start:gap_end] = gap
    return "".join(text)


_LAST_EDITED = re.compile(
    r"(?:This[ _]page[ _]was[ _])?[Ll]ast[ _](?:edited|modified)[ _]on[ _]"
    r"(\d{1,2}[ _]\w+[ _]\d{4}|\w+[ _]\d{1,2},[ _]\d{4})(?:,?[ _]at[ _](\d{1,2}:\d{2}))?"
)
_OLDID = re.compile(r"[?&]oldid=(\d+)")


def _page_footer(doc: Document) -> None:
    """The revision a copy shows in its footer ("This page was last edited on 3 August 2019")."""
    tail = doc.source[-20000:]
    edited = _LAST_EDITED.search(tail)
    if edited:
        stamp = edited.group(1).replace("_", " ")
        doc.metadata["last_edited"] = stamp + (f" {edited.group(2)}" if edited.group(2) else "")
        for form in ("%d %B %Y", "%B %d, %Y"):  # "3 August 2019", "August 3, 2019"
            try:
                doc.revision_date = datetime.strptime(stamp, form).date()
            except ValueError:
                continue
            doc.revision_date_source = "metadata"
            break
    oldid = _OLDID.search(tail)
    if oldid:
        doc.metadata["revision_id"] = oldid.group(1)


def _classify_plain(blocks: list[_Block]) -> None:
    """Turn the plain layout's bare lines into headings, paragraphs and captions."""
    in_toc = False
    for block in blocks:
        # A copied table of contents: "Contents" then "1 Background", "2.1 Timeline", ...
        if re.fullmatch(r"Contents(?:\s*\[?(?:hide|show)\]?)?", block.text.strip(), re.I):
            block.kind, in_toc = "chrome", True
        elif in_toc and len(block.text) <= 100 and (
                _TOC_ENTRY.match(block.text.strip()) or _CHROME.match(_TOC_BULLET.sub("", block.text.strip()))):
            block.kind = "chrome"  # also the page's own lines inside it: "• (Top)", "Toggle History subsection"
        elif block.kind != "chrome":
            in_toc = False
    for k, block in enumerate(blocks):
        if block.kind != "line":
            continue
        alone = block.blank_before and block.blank_after
        # a heading whose edit link a dump printed on the line under it ("References" / "[ edit]")
        edited = k + 1 < len(blocks) and _EDIT_LINK.fullmatch(blocks[k + 1].text.strip()) is not None
        prev = blocks[k - 1] if k else None
        if prev is not None and prev.kind == "chrome" and _MEDIA.match(prev.text) and not block.blank_before:
            block.kind = "caption"  # "File:Clip.webmPlay media" then its caption
        elif "\t" in block.text:
            block.kind = "table"  # browsers copy table cells separated by tabs
        elif (alone or edited) and _heading_like(block.text):
            block.kind = "heading"
        elif 1 < block.group <= 3 and len(block.text) < 300 and not _heading_like(block.text):
            block.kind = "caption"  # several short lines in one group: an image gallery
        else:
            block.kind = "para"
    for k, block in enumerate(blocks):
        if block.kind != "para" or not (block.blank_before and block.blank_after):
            continue
        prev = blocks[k - 1] if k else None
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        after_media = prev is not None and prev.kind == "chrome" and bool(_MEDIA.match(prev.text))
        if after_media:
            block.kind = "caption"
            continue
        # An image caption sits between its heading and the first paragraph of the section.
        if (prev is not None and prev.kind == "heading" and nxt is not None and nxt.kind == "para"
                and len(block.text) <= 300 and not _ENDS_WITH_MARKER.search(block.text)
                and len(re.findall(r"[.!?](?:\s|$)", block.text)) <= 2):
            block.kind = "caption"
        elif (prev is not None and prev.kind == "heading" and nxt is not None and nxt.kind == "para"
              and len(block.text) <= 300 and ". " in block.text
              and len(block.text.split(". ")[0].split()) <= 6 and "[" not in block.text.split(". ")[0]):
            # "Ghazanchetsots Cathedral in Shusha. The cathedral ... was struck.[191]": a
            # caption names its picture in a few words before describing it.
            block.kind = "caption"


@dataclass
class _Row:
    """One infobox row being assembled: its label path and source segments."""

    section: tuple[str, ...]
    segs: list[tuple[int, int]]
    kind: str = "infobox"
    label: str = ""
    one_link: bool = False  # an item that only links an article (``_Parser._one_link``)


class _Parser:
    """Walks the blocks once: title, infobox, body sections, reference lists."""

    def __init__(self, doc: Document, blocks: list[_Block], wrapped: bool) -> None:
        self.doc = doc
        self.source = doc.source
        self.blocks = blocks
        self.wrapped = wrapped
        self.paragraph_index = 0
        self.notes: frozenset[str] = frozenset()
        self.last_entry = 0  # the reference list's highest number, once the list is read
        # The numbers of the notes the text cites by number ("[note 1]", "[Note_1]", "[nb 2]").
        self.numbered_notes = frozenset(_NUMBERED_NOTE.findall(doc.source))
        self.printed_keys: dict[int, str] = {}  # id(reference) -> the number the copy printed
        # Bracketed numbers in tables and legends, citations or the table's own notation.
        self.tabulated: list[Citation] = []
        # Notes lists under tables, in page order: (section start, list start, group, keys, the
        # starts of the sections before it since the previous such list, nearest first).
        self.table_notes: list[tuple[int, int, str, frozenset[str], tuple[int, ...]]] = []
        # Each entry of the reference list with its block, whose text may cite other entries;
        # read only where the backlinks are there to weigh its markers.
        self.entry_markers: list[tuple[Reference, _Block]] = []

    def builder(self) -> _Builder:
        return _Builder(self.source, self.wrapped, self.notes, last_entry=self.last_entry, tabulated=self.tabulated)

    def run(self) -> None:
        title_at = self._title()
        self._drop_repeated_copy(title_at)
        start = title_at + 1
        end = self._body_end(start)
        self._reference_lists(end)
        self.last_entry = max((int(r.key) for r in self.doc.references if not r.group and r.key.isdigit()), default=0)
        self._local_notes(start, end)
        lead = self._lead(start, end)
        if lead is not None and lead > start:
            self._infobox(start, lead)
            start = lead
        self._body(start, end)
        self._see_also_uses(end)
        self._link()
        for i, stmt in enumerate(self.doc.statements):
            stmt.index = i

    def _see_also_uses(self, end: int) -> None:
        """A "See also" entry may cite a source ("Paenibacillus, formerly included in
        Bacillus.[22][23]"), and so may the attribution of a free text the article copies
        ("This article incorporates CC-BY-3.0 text from the reference[111]"): their markers
        are uses of the references, though they state nothing the rules read. So may a short
        list that a section after "See also" holds, under a name no end section has ("Notable
        manufacturers", "Caterpillar, Inc.[13]"), until a section of the end matter ("References")
        or of links ("External links", "Official website", "Other websites"), whose bare links a
        page numbers "[1]" as markers are."""
        linked = False  # within "See also" or the sections after it that are no end matter
        for block in self.blocks[max(end, 0):]:
            if block.kind == "heading":
                name = _section_name(block.text)
                linked = name in _SEE_ALSO or (linked and name not in _END_SECTIONS and not _names_a_list(block.text)
                                               and _NAMES_LINKS.search(name) is None)
                continue
            if block.kind in ("item", "para", "line") and (linked or _ATTRIBUTION.match(block.text)):
                builder = self.builder()
                for s, e in block.segs:
                    builder.add(s, e)
                self.doc.citations.extend(citation for _, citation in builder.markers)

    # title, lead, body end -------------------------------------------------------------

    def _title(self) -> int:
        for k, block in enumerate(self.blocks):
            if block.kind == "chrome":
                continue
            if self.wrapped:
                if block.kind == "heading" and block.level == 0:
                    self.doc.title = block.text.strip()
                    return k
                if block.kind == "heading":
                    return -1
                continue
            if block.kind == "heading" and k + 1 < len(self.blocks):
                self.doc.title = block.text.strip()
                return k
            return -1
        return -1

    def _drop_repeated_copy(self, title_at: int) -> None:
        """Dumps sometimes hold the page twice (two fetches appended): keep the first copy."""
        if title_at < 0 or not self.wrapped:
            return
        for k in range(title_at + 1, len(self.blocks)):
            block = self.blocks[k]
            if block.kind == "heading" and block.level == 0 and block.text.strip() == self.doc.title:
                start = block.segs[0][0]
                line = self.source.count("\n", 0, start) + 1
                self.doc.diagnostics.append(Diagnostic(
                    kind="repeated-copy",
                    message=f"the page is copied twice; the second copy (from line {line}) is ignored",
                    span=Span(start, len(self.source)),
                ))
                del self.blocks[k:]
                return

    def _body_end(self, start: int) -> int:
        """The first end section ("References", "See also", ...) that really ends the body.

        A heading over a numbered list with backlinks ends it whatever its name. A
        sub-heading named like a list section inside a section ("**** Sources ****" under
        "History", followed by prose) is part of the body: a text dump's sub-heading ends the
        body only under a top-level end section, and any heading whose section holds cited
        prose is body whatever its name.
        """
        top = min((b.level for b in self.blocks if b.kind == "heading" and b.level > 0), default=1)
        parent_ends = False
        for k in range(max(start, 0), len(self.blocks)):
            block = self.blocks[k]
            if block.kind != "heading":
                continue
            ends = _section_name(block.text) in _END_SECTIONS or self._holds_reference_list(k)
            if self.wrapped and block.level > top:
                ends = ends and parent_ends
            else:
                parent_ends = ends
            if ends and not self._holds_prose(k) and not self._body_resumes(k) and not self._bulleted_notes(k):
                return k
        return len(self.blocks)

    def _bulleted_notes(self, heading: int) -> bool:
        """Whether a "Notes" heading holds a body section's bulleted notes rather than the notes
        list: items and no numbered entry, then sections of other names, one of them citing a
        source, before the end matter (a track listing's "Notes", "• [a] signifies a
        co-producer.", then "Personnel" and "Charts" with its cited rows, as w3m prints them, its
        sub-headings flush left like its headings; not end matter's notes before "Works cited" or
        an uncited "Honours")."""
        if _section_name(self.blocks[heading].text) not in _NOTE_LISTS:
            return False
        items = False
        for k in range(heading + 1, len(self.blocks)):
            block = self.blocks[k]
            if block.kind == "entry":
                return False
            if block.kind == "heading":
                return items and self._cited_before_end_matter(k)
            items = items or block.kind == "item"
        return False

    def _cited_before_end_matter(self, heading: int) -> bool:
        """Whether the sections from ``heading`` on, none of them named like a list of sources
        ("Primary sources", "Sources consulted"), cite a source before the end matter ("Notes",
        "References", a heading over the reference list)."""
        cited = False
        for k in range(heading, len(self.blocks)):
            block = self.blocks[k]
            if block.kind == "heading":
                if _section_name(block.text) in _END_SECTIONS or self._holds_reference_list(k):
                    return cited
                if _names_a_list(block.text):
                    return False
            elif _MARKERS.search(block.text):
                cited = True
        return False

    def _body_resumes(self, heading: int) -> bool:
        """Whether a section of cited prose follows an end-named section before any list of
        references does: a top-level "Sources" of sugar (a table of plant foods) comes before
        "Production", and the article's list is under "References" further on."""
        level = self.blocks[heading].level
        for k in range(heading + 1, len(self.blocks)):
            block = self.blocks[k]
            if block.kind != "heading" or block.level > level:
                continue
            if _section_name(block.text) in _END_SECTIONS or self._holds_reference_list(k):
                return False
            if self._holds_prose(k):
                return True
        return False

    def _holds_reference_list(self, heading: int) -> bool:
        """Whether a heading's section is a numbered list with backlinks, whatever its name: of
        two entries or more as the page had them, so a lone note under a picture whose style
        sheet a dump numbers after it ("1. ^ The interactive pathway map can be edited …",
        "2. .mw-parser-output …") is no list that ends the body. In a text dump the list may
        stand under a sub-heading that names it, when the section's own name names one too
        ("References and external articles" over "Citations and notes", perhaps after a
        "Bibliography"); a "Notes" sub-heading under a body section holds a table's notes."""
        level = self.blocks[heading].level
        nested = self.wrapped and _names_a_list(self.blocks[heading].text)
        entries = []
        for block in self.blocks[heading + 1:]:
            if block.kind == "heading":
                if entries or not nested or block.level <= level or not _names_a_list(block.text):
                    break
                continue
            if block.kind == "entry":
                entries.append(block)
        return len(_list_entries(self.source, entries)) >= 2 and _backlinked(self.source, entries)

    def _holds_prose(self, heading: int) -> bool:
        """Whether the section under a heading (its sub-sections included) reads as article
        prose: a paragraph of several sentences, or one with citation markers, or a bulleted
        item with them as long as a sentence of prose ("Notes" of a season: "• December 5, 2012 –
        Athletic Director Barry Alvarez announced … the 2013 Rose Bowl.[10]"; not a "See also"
        entry's "Paenibacillus and Virgibacillus, genera formerly included in Bacillus.[2][3]").
        Works listed a line each by their authors ("Hahn, Th. (2002), … Acta Crystallogr. A, 37
        (4): 517–525") are a bibliography, whatever their full stops, unless they carry citation
        markers."""
        level = self.blocks[heading].level
        for block in self.blocks[heading + 1:]:
            if block.kind == "heading" and (not self.wrapped or block.level <= level):
                return False
            if block.kind == "para" and len(block.text) >= 200 and (
                    _CITED_PROSE.search(block.text)
                    or len(_SENTENCE_BREAK.findall(block.text)) >= 2 and not self._lists_works(block)):
                return True
            if block.kind == "item" and len(block.text) >= _CITED_ITEM and _CITED_PROSE.search(block.text):
                return True
        return False

    def _lists_works(self, block: _Block) -> bool:
        """Whether two lines or more of a paragraph open with an author, surname first."""
        return sum(_AUTHOR_OPENING.match(self.source, start, end) is not None for start, end in block.segs) >= 2

    def _lead(self, start: int, end: int) -> int | None:
        """Index of the lead's first paragraph when an infobox-like block precedes it.

        The lead is the first sentence-like paragraph that names the article, or the first
        long one when the blocks before it carry infobox labels.
        """
        if not self.doc.title:
            return None
        title = re.sub(r"\s*\(.*\)$", "", self.doc.title).casefold()
        evidence = False
        for k in range(start, end):
            block = self.blocks[k]
            text = block.text.strip()
            if self.wrapped and block.kind == "heading":
                break
            if not evidence and (text.casefold() in _LABEL_SET or _GLUED_LABEL.match(text)
                                 or (self.wrapped and re.match(r"^\S.{0,30}?\s{3,}\S", text))):
                evidence = True
            if block.kind != "para" or block.level or len(text) < 60 or not _SENTENCE_END.search(text):
                continue
            if title and title in text.replace("_", " ").casefold()[:100]:
                return k
            if self.wrapped:
                continue  # dumps put captions and sidebars first: wait for the naming paragraph
            if len(text) >= 150 or not evidence:
                return k if evidence else None
        return None

    # infobox -------------------------------------------------------------------------------

    def _infobox(self, start: int, end: int) -> None:
        rows: list[_Row] = []
        label = ""
        sub = ""
        after_image = False
        title = self.doc.title.casefold()
        line_blocks = self.blocks[start:end]
        k = 0
        while k < len(line_blocks):
            block = line_blocks[k]
            k += 1
            text = block.text.strip()
            if block.kind == "chrome" or _BOX_WORDS.search(text.lower()) or self._closed_as_box(start + k - 1, end):
                after_image = bool(_IMAGE_NAME.match(text) or text.lower().startswith("file:")
                                   or text.startswith("["))
                if re.match(r"See[ _]\w+", text):
                    sub = ""  # "See Casualties for details" closes a column of the infobox
                continue
            if sub and block.blank_before and rows and rows[-1].section[-1:] == (sub,):
                # "Supported by:" heads the rows right under it in its column; after a blank
                # line the next column's values follow, which it does not head.
                sub = ""
            section = tuple(x for x in ("Infobox", label, sub) if x)
            if block.kind in ("item", "entry"):
                rows.append(_Row(section, list(block.segs), label=label, one_link=self._one_link(block)))
                after_image = False
                continue
            if self.wrapped:
                self._wrapped_infobox_block(block, rows, section)
                continue
            if text.casefold() == title:
                continue
            if text.casefold() in _LABEL_SET:
                label, sub = _LABEL_SET[text.casefold()], ""
                continue
            if k < len(line_blocks) and not line_blocks[k].blank_before:
                joined = f"{text} {line_blocks[k].text.strip()}".casefold()
                if joined in _LABEL_SET:
                    label, sub = _LABEL_SET[joined], ""
                    k += 1
                    continue
            if _SUBHEADER.match(text) and len(text) <= 40:
                sub = text
                continue
            s, e = block.segs[0]
            line = self.source[s:e]  # match on the source line so that offsets line up
            tabbed = re.match(r"([^\t]{1,40})\t+(?=\S)", line)
            if tabbed and len(tabbed.group(1).split()) <= 5:
                label, sub = tabbed.group(1).strip(), ""  # "Commander\tIlham Aliyev"
                value_at = s + tabbed.end()
                rows.append(_Row(("Infobox", label), [(value_at, e)], label=label))
                continue
            glued = _GLUED_LABEL.match(line) or _SPACED_LABEL.match(line)
            if glued:
                label, sub = glued.group(1), ""
                rows.append(_Row(("Infobox", label), [(s + glued.end(), e)], label=label))
                continue
            if (text.startswith("(") and rows and not block.blank_before and not after_image
                    and rows[-1].kind == "infobox"):
                rows[-1].segs.append((s, e))  # "(1 month and 3 days)" continues the value
                continue
            rows.append(_Row(section, [(s, e)], kind="caption" if after_image else "infobox", label=label))
            after_image = False
        self._emit_rows(rows)

    def _wrapped_infobox_block(self, block: _Block, rows: list[_Row], section: tuple[str, ...]) -> None:
        """Text-dump infobox: "Label      value" lines with indented continuations."""
        first = self.source[block.segs[0][0]:block.segs[0][1]]
        if (len(block.segs) == 1 and not block.level and rows and rows[-1].label
                and re.fullmatch(r"[a-z][\w-]*(?: [a-z][\w-]*)?", first)):
            # "Marketing       Personal computing" / "target": the label's second line.
            row = rows[-1]
            row.label = f"{row.label} {first}"
            row.section = row.section[:-1] + (row.label,)
            return
        if not (_LABEL_COLUMNS.match(first) or _SPACED_LABEL.match(first)) and not block.level:
            kind = "caption" if len(block.text) >= 40 else "infobox"
            rows.append(_Row(section, list(block.segs), kind=kind, label=section[-1] if len(section) > 1 else ""))
            return
        for s, e in block.segs:
            line = self.source[s:e]
            split = _LABEL_COLUMNS.match(line) or _SPACED_LABEL.match(line)
            if split and len(split.group(1).split()) <= 4:
                label = split.group(1).replace("_", " ").strip()
                vs = s + split.end()
                bullet = _VALUE_BULLET.match(self.source, vs, e)
                if bullet:
                    vs = bullet.end()  # "Source model    * Closed-source"
                rows.append(_Row(("Infobox", label), [(vs, e)], label=label))
            elif rows and rows[-1].segs:
                rows[-1].segs.append((s, e))
            else:
                rows.append(_Row(section, [(s, e)], label=section[-1] if len(section) > 1 else ""))

    def _emit_rows(self, rows: list[_Row]) -> None:
        values: dict[str, list[str]] = {}
        for row in rows:
            builder = self.builder()
            builder.underscores = not row.one_link
            for s, e in row.segs:
                builder.add(s, e)
            par = builder.paragraph(row.kind, row.section, self._next_paragraph())
            statements = statements_from_paragraph(par, split=False)
            self._keep(statements, par)
            for stmt in statements:
                if row.label:
                    values.setdefault(row.label, []).append(stmt.text)
        if values:
            self.doc.metadata["infobox"] = {label: "; ".join(v) for label, v in values.items()}

    def _keep(self, statements: list[Statement], par: Paragraph) -> None:
        """Add a paragraph's statements and citations; markers with no text around them
        (a line holding only "[12]") still count as uses of their references."""
        self.doc.statements.extend(statements)
        if statements:
            for stmt in statements:
                self.doc.citations.extend(stmt.citations)
        else:
            self.doc.citations.extend(citation for _, citation in par.markers)

    def _next_paragraph(self) -> int:
        index = self.paragraph_index
        self.paragraph_index += 1
        return index

    # body ----------------------------------------------------------------------------------

    def _body(self, start: int, end: int) -> None:
        stack: list[str] = []
        prev_heading = False
        skipping = False
        table_rows = 0
        sourced_rows = self._sourced_table_rows(start, end) if self.wrapped else {}
        row_builder = self.builder()
        for k in range(max(start, 0), end):
            block = self.blocks[k]
            if block.kind == "heading":
                name = _section_name(block.text)
                skipping = name == "contents"
                label = _EDIT_LINK.sub("", block.text.replace("_", " ")).strip()
                if self.wrapped:
                    depth = max(block.level, 1)
                    stack = stack[: depth - 1] + [label]
                elif prev_heading and stack:
                    # A heading right under another: the first is the parent. Levels are
                    # not in the copy, so paths keep at most a parent and a child.
                    stack = [stack[-1], label]
                elif stack and _names_part_of(label, stack[0]):
                    stack = [stack[0], label]  # "Armenia" under "Actions taken by Armenia and ..."
                else:
                    # After prose the level is unknown: a heading without a parent is
                    # better than one filed under the wrong section.
                    stack = [label]
                prev_heading = True
                continue
            prev_heading = False
            if block.kind == "chrome" and not skipping and _ALT_TEXT.fullmatch(block.text):
                self.doc.citations.extend(self._alt_text_uses(block, k, end))
            if skipping or block.kind == "chrome" or _BOX_WORDS.search(block.text.lower()) or self._closed_as_box(k, end):
                continue
            kind = {"para": "prose", "item": "list", "entry": "list", "caption": "caption",
                    "table": "table"}.get(block.kind, "prose")
            if kind == "prose" and self.wrapped and (_looks_like_caption(block.text) or self._opens_with_picture(k)):
                kind = "caption"
            elif kind == "list" and self.wrapped and block.kind == "item" and self._in_gallery(k):
                kind = "caption"
            row = sourced_rows.get(k)
            # The lines of one row (a header's) are read together, so that a marker on a
            # line of its own ("[23]" under the title) cites the row.
            builder = row_builder if row is not None and sourced_rows.get(k - 1) == row else self.builder()
            builder.table = kind == "table"
            if kind == "list" and self._one_link(block):
                builder.underscores = False
            for s, e in block.segs:
                builder.add(s, e)
            if _FIGURE_LEGEND.match(builder.result()):
                kind = "caption"  # "Fig. 2: Shell and tube heat exchanger", in a gallery's list or alone
            if row is not None:
                row_builder = builder
                if sourced_rows.get(k + 1) != row:
                    par = builder.paragraph("table", tuple(stack), self._next_paragraph())
                    self._keep(statements_from_paragraph(par, split=False), par)
                continue
            if kind == "table" and self.wrapped and not builder.tags:
                # A dump wraps table cells across lines, so a line is not a row: keep the
                # markers (they are uses of references) but claim no statement from it. A
                # line with a maintenance tag stays, so that the tag is still seen.
                self.doc.citations.extend(citation for _, citation in builder.markers)
                if k + 1 < end and self.blocks[k + 1].kind == "table":
                    self.doc.citations.extend(self._cell_notes(block, self.blocks[k + 1]))
                table_rows += 1
                continue
            par = builder.paragraph(kind, tuple(stack), self._next_paragraph())
            self._keep(statements_from_paragraph(par, split=kind != "table"), par)
        if table_rows:
            self.doc.diagnostics.append(Diagnostic(
                kind="tables-skipped",
                message=(f"{table_rows} table lines of this text dump were not read as statements: "
                         "their cells wrap across lines, so rows cannot be rebuilt"),
                count=table_rows,
            ))

    def _sourced_table_rows(self, start: int, end: int) -> dict[int, int]:
        """The lines of a dump's laid-out tables that are sourced as a whole: closed by a
        cited source line ("Source: FAOSTAT, United_Nations[60]") or cited in a line of the
        header ("Date of" over "Report[32]"). Their rows are read, a line a row, so that the
        table's source covers what prose reads off it; a wrapped row may read as two, which
        costs nothing where the source covers every row. Each line maps to the first line of
        its row: the header's lines (those with no figure) are one row. Tables without a
        source are not read (see ``_body``)."""
        rows: dict[int, int] = {}
        k = max(start, 0)
        while k < end:
            if self.blocks[k].kind != "table":
                k += 1
                continue
            run = list(itertools.takewhile(lambda j: self.blocks[j].kind == "table", range(k, end)))
            k = run[-1] + 1
            # The header: its first lines without a figure, up to the one cited ("Date of" over
            # "Report[32]"); a table cited only further down is not cited in its header.
            heads = list(itertools.takewhile(lambda j: not _FIGURE.search(_MARKERS.sub("", self.blocks[j].text)),
                                             run[:_HEADER_LINES]))
            cited = next((n for n, j in enumerate(heads) if _CITED_LINE.search(self.blocks[j].text)), None)
            header = run[:cited + 1] if cited is not None else run[:1]
            closing = self.blocks[run[-1]].text
            if cited is not None or TABLE_SOURCE_LINE.match(closing) and _CITED_LINE.search(closing):
                rows.update((j, run[0] if j in header else j) for j in run)
        return rows

    def _closed_as_box(self, k: int, end: int) -> bool:
        """Whether the block is a maintenance box's message: the box's closing line follows it."""
        return k + 1 < end and _BOX_CLOSE.match(self.blocks[k + 1].text) is not None

    def _alt_text_uses(self, block: _Block, k: int, end: int) -> list[Citation]:
        """The markers an image's alt text carries that its caption below does not: a copy may
        print the caption's only marker there ("…legs_in_scale_and_development.[9]]"), or both
        (then the caption's marker is the use)."""
        builder = self.builder()
        for s, e in block.segs:
            builder.add(s, e)
        caption = self.blocks[k + 1].text if k + 1 < end else ""
        return [citation for _, citation in builder.markers if f"[{citation.key}]" not in caption]

    def _cell_notes(self, line: _Block, below: _Block) -> list[Citation]:
        """Note markers a table cell wraps onto its next line ("Radium [226][n" over "4]",
        "|values[nb|" over "|   6]    |"): the number closes the marker when it opens the
        same cell of the line below, before the marker's own column."""
        line_start = self.source.rfind("\n", 0, line.segs[0][0]) + 1
        below_start = self.source.rfind("\n", 0, below.segs[0][0]) + 1
        text = self.source[line_start:line.segs[-1][1]]
        under = self.source[below_start:below.segs[-1][1]]
        found = []
        for opened in _CELL_NOTE_OPEN.finditer(text):
            gaps = [m.end() for m in _CELL_START.finditer(text, 0, opened.start())]
            closed = _CELL_NOTE_CLOSE.match(under, gaps[-1] if gaps else 0)
            if closed and closed.start(1) < opened.end():
                span = Span(line_start + opened.start(), below_start + closed.end())
                found.append(Citation(key=closed.group(1), span=span, group="note"))
        return found

    def _opens_with_picture(self, k: int) -> bool:
        """A dump prints a section's image caption right under its heading, before the prose:
        a short unreferenced block that speaks of a picture ("Photomicrograph of ...",
        "The weakest (left) shows ..."), or any short unreferenced block between the heading
        and the section's hatnote ("Five binary trees on three vertices." then "Main article:
        ..."), which the section's prose never comes before."""
        before = [j for j in range(max(0, k - 6), k) if self.blocks[j].kind != "chrome"][-1:]  # over the page's chrome
        after = self.blocks[k + 1] if k + 1 < len(self.blocks) else None
        text = self.blocks[k].text
        if not before or self.blocks[before[-1]].kind != "heading" or after is None or len(text) > 400 or "[" in text:
            return False
        if after.kind == "chrome":
            # Only the pictures' placeholders may come between the heading and their caption.
            pictures = self.blocks[before[-1] + 1:k]
            return (all(_ALT_TEXT.fullmatch(b.text) for b in pictures) and _HATNOTE.match(after.text) is not None
                    and len(text) <= 300)
        return after.kind == "para" and (_PICTURE_WORDS.search(text) is not None or _names_a_picture(text))

    def _one_link(self, block: _Block) -> bool:
        """Whether a dump's list item is a single link's text and nothing else, as the items of a
        navigation box or a "See also" list are: it names an article ("996_working_hour_system"),
        so its underscores stay and no number in it reads as a figure."""
        return (self.wrapped and block.kind == "item" and len(block.segs) == 1
                and _LINK_TEXT.fullmatch(self.source[slice(*block.segs[0])].strip()) is not None)

    def _in_gallery(self, k: int) -> bool:
        """A dump prints an image gallery as a bulleted list of its captions, at an edge of its
        section: under the heading before the prose, or after the prose before the next
        heading, where the prose above does not introduce it (no closing colon, cited or not:
        "… can be summarized as follows:[9]"). Each caption is short and carries no marker,
        unlike the items of a list the section sets out."""
        first = last = k
        while first > 0 and self.blocks[first - 1].kind == "item":
            first -= 1
        while last + 1 < len(self.blocks) and self.blocks[last + 1].kind == "item":
            last += 1
        captions = [_entry_text(self.source, b) for b in self.blocks[first:last + 1]]
        if len(captions) < 2 or any(len(text) > _GALLERY_CAPTION_CHARS or _MARKER.search(text) for text in captions):
            return False
        before = next((b for b in reversed(self.blocks[:first]) if b.kind != "chrome"), None)
        after = next((b for b in self.blocks[last + 1:] if b.kind != "chrome"), None)
        if before is None or after is None:
            return False
        if before.kind == "heading":
            return after.kind == "para"
        introduction = _MARKERS.sub("", before.text).rstrip()  # "… summarized as follows:[9]"
        return before.kind == "para" and not introduction.endswith(":") and after.kind == "heading"

    # reference lists -----------------------------------------------------------------------

    def _reference_lists(self, start: int) -> None:
        """Read every reference or notes list after the body.

        A list counts when its heading has a familiar name or when most of its entries carry
        backlinks ("^ a b"): the numbered list with backlinks is the reference list, whatever
        its heading says ("References and notes"). A list's heading may be printed as a line
        of the section ("  Footnotes", "  Bibliography"). Entries are then rebuilt as the page
        had them (see ``_list_entries``): a text dump numbers the stray pieces it splits off an
        entry as entries of their own, which shifts the printed numbers.
        """
        lists: list[tuple[str, list[_Block]]] = []
        current: list[_Block] | None = None
        bibliography: list[str] = []  # the works a bibliography lists without numbers
        name = ""
        for block in self.blocks[max(start, 0):]:
            if block.kind == "heading":
                current = []
                name = _section_name(block.text)
                lists.append((name, current))
                continue
            if current and block.kind in ("line", "para") and _section_name(block.text) in _LIST_NAMES:
                # the heading of a second list in the section, printed as a line ("  Footnotes" 1
                # then "  Notes" 1–13, "  Notes" 1–40 then "  Bibliography")
                current = []
                name = _section_name(block.text)
                lists.append((name, current))
                continue
            if current is not None and block.kind == "entry":
                current.append(block)
            elif block.kind in ("item", "para", "line") and (
                    name in BIBLIOGRAPHY_SECTIONS or name in _REF_LISTS and DATED_WORK.search(block.text)):
                # each line, as an entry may open on a line of a block the dump did not break; a
                # reference list's unnumbered works are its bibliography ("References" listing
                # "Graham; Knuth; Patashnik (1994) … Concrete Mathematics" after the numbered notes),
                # blocks that date a work, unlike the list's other lines (a cite error)
                bibliography.extend(line for start_, end_ in block.segs
                                    if (line := self.source[start_:end_].strip().lstrip("*• ")))
        if self.numbered_notes:
            lists = _split_restarted(lists, len(self.numbered_notes))
        with_carets = [(name, entries, _backlinked(self.source, entries)) for name, entries in lists if entries]
        lists = [(name, entries) for name, entries, carets in with_carets if carets or name in _REF_LISTS]
        # Note markers all in roman numerals ("[i]", "[ii]"), one of them past a single letter or
        # past the letters the notes would take ("[i]" for the one note of a list).
        marks = {note for m in _MARKER.finditer(self.source) if (note := m.group("note")) and note.islower()
                 and not _NOT_A_MARKER.search(self.source, max(0, m.start() - 40), m.start())}
        backlinked = [(name, entries) for name, entries, carets in with_carets if carets]
        # The list a page prints under its external links for the references cited there, after
        # the reference list ("External links" 1 for its one [1]), is read in a group of its
        # own: it does not make the reference list one of several ("Notes" 1–30 holds no notes).
        trailing = [(name, entries) for name, entries in backlinked if name in _TRAILING_LISTS]
        body = [(name, entries) for name, entries in backlinked if name not in _TRAILING_LISTS]
        after_body = bool(trailing and body) and body[-1][1][-1].last_line < trailing[0][1][0].first_line
        if not after_body:
            trailing, body = [], backlinked
        if len(lists) > 1 and not marks and not self.numbered_notes and len(body) == 1:
            # Nothing cites a note, so the one list with backlinks is the reference list whatever
            # its name ("Notes" 1–19 for [1]–[17]); a numbered list without them is a bibliography.
            bibliography.extend(_entry_text(self.source, entry) for name, entries in lists
                                if entries is not body[0][1] and name not in _TRAILING_LISTS for entry in entries)
            lists = body
        else:
            trailing = []
        if bibliography:
            self.doc.metadata["bibliography"] = bibliography
        several = len(lists) > 1
        # A lone "Notes" list holds notes when the text uses letter markers and no numbers.
        letters_only = bool(_LETTER_MARKER.search(self.source)) and not re.search(r"\[\d{1,4}\]", self.source)
        note_count = sum(len(entries) for name, entries in lists if name in _NOTE_LISTS)
        roman = marks <= _ROMAN_KEYS and any(len(key) > 1 or _LETTERS.index(key) >= note_count for key in marks)
        label = _roman_key if roman else _note_key
        # Notes cited by number in a "Remarks" or "Footnotes" list: a "Notes" list beside it holds
        # the short citations the plain markers point to ("Remarks" [nb 1]…, "Notes" [1] Crilly 1998).
        # Unless that list is the one whose length fits the plain markers and the "Notes" list the
        # one that fits the numbered notes ("Footnotes" 1–20 for [1]–[18], "Notes" 1 for [Note_1]).
        remarks_hold_notes = self.numbered_notes and any(
            name in _NOTE_LISTS_WHEN_CITED and not _fits_better(entries, lists, len(self.numbered_notes))
            for name, entries in lists)
        # A lone notes list holds notes too when the text cites only numbered notes ("Remarks"
        # 1 for [Note_1], the references printed as a bibliography without numbers; "[1994]" is
        # an original date, no marker).
        notes_only = bool(self.numbered_notes) and not re.search(r"\[\d{1,3}\]", self.source)

        def named_notes(name: str) -> bool:
            return name in _NOTE_LISTS_WHEN_CITED if remarks_hold_notes else name in _NOTE_LISTS

        # When the names tell no notes list, or leave too few entries for the numbers the text
        # cites, the one list with backlinks as long as the cited letters holds the notes
        # ("Footnotes" 1 for [a] beside "Notes" 1–13 for [1]–[13]).
        letter_notes = None
        if several and marks and not self.numbered_notes:
            numbered = len(set(re.findall(r"\[(\d{1,3})\]", self.source)))
            by_name = sum(len(entries) for name, entries in lists if not named_notes(name))
            with_backlinks = {id(entries) for _, entries in backlinked}
            fitting = [entries for _, entries in lists if len(entries) == len(marks) and id(entries) in with_backlinks]
            if len(fitting) == 1 and (not any(named_notes(name) for name, _ in lists) or by_name < numbered):
                letter_notes = fitting[0]
        previous = lists[-1][1][-1] if trailing else None  # the reference list's last entry, then each one's
        for name, blocks in lists + trailing:
            notes = blocks is letter_notes if letter_notes is not None else named_notes(name)
            group = "note" if (several or letters_only or notes_only) and notes else ""
            if any(blocks is listed for _, listed in trailing):
                group = name  # numbered from 1 again: "[external links 1]"
                self._cite_trailing(previous, blocks, group)
                previous = blocks[-1]
            lettered = group == "note" and not self.numbered_notes
            for entry, number in _list_entries(self.source, blocks):
                if CITE_ERROR.match(_entry_text(self.source, entry)):
                    continue  # a rendered "Cite error" is no entry: its markers stay undefined (CC501)
                printed = int(entry.number) if entry.number else number
                if lettered:
                    self._reference(entry, label(number - 1), group, label(printed - 1))
                else:
                    self._reference(entry, str(number), group, str(printed))
        name_shared_sites([ref.fields for ref in self.doc.references])
        self.notes = frozenset(ref.key for ref in self.doc.references if ref.group == "note")

    def _local_notes(self, start: int, end: int) -> None:
        """Footnotes printed right under a table ("1. ^ a b These materials are ..."), cited
        from its cells as [a], [b] or by number ([note 1], [note_2]): a small notes list of
        its own inside the body, in a group of its own ("table", "table 2", ...), since its
        keys start again at "a" or 1 whatever the article's notes use. The markers of its
        section before it are its uses, and those of earlier sections that cite only its keys
        (see ``_cite_table_notes``). Notes a table cites in capitals ([A], [B]) may be printed
        as a bulleted list under it, each opening with its letter ("* D Effective ...")."""
        caret_notes = bool(_LETTER_MARKER.search(self.source) or self.numbered_notes)
        if not caret_notes and "[A]" not in self.source:
            return
        run: list[_Block] = []
        notes: list[_Block] = []  # the run's entries as notes, a lettered item without its letter
        section_start = 0
        sections = [0]  # the section starts since the previous notes list
        previous = _Block("heading", [], 0, 0)
        for block in self.blocks[max(start, 0):end] + [_Block("heading", [], 0, 0)]:
            lettered = None
            if (previous.kind == "table" and not run) or (run and notes[-1] is not run[-1]):
                lettered = self._lettered_note(block, len(run), section_start)  # right under the table
            previous = block
            if caret_notes and block.kind == "entry" and _opens_with_backlink(_entry_text(self.source, block)):
                run.append(block)
                notes.append(block)
                continue
            if lettered is not None:
                run.append(block)
                notes.append(lettered)
                continue
            if run:
                group = "table" if not self.table_notes else f"table {len(self.table_notes) + 1}"
                cells = self.source[section_start:run[0].segs[0][0]]
                by_number = (any(m.group("nnum") for m in _MARKER.finditer(cells))
                             and not _LETTER_MARKER.search(cells) and notes[0] is run[0])
                keys = set()
                for entry, number in _list_entries(self.source, notes):
                    key = str(number) if by_number else _note_key(number - 1)
                    self._reference(entry, key, group, key)
                    keys.add(key)
                self.table_notes.append((section_start, run[0].segs[0][0], group, frozenset(keys),
                                         tuple(reversed(sections[:-1]))))
                for entry in run:
                    entry.kind = "chrome"  # read as notes, not as list items of the text
                run, notes, sections = [], [], []
            if block.kind == "heading" and block.segs:
                section_start = block.segs[-1][1]
                sections.append(section_start)
        self.notes = frozenset(ref.key for ref in self.doc.references if ref.group)

    def _lettered_note(self, block: _Block, index: int, section_start: int) -> _Block | None:
        """The note a bulleted item under a table holds when it opens with the capital letter
        next in line ("* A For Vienna Standard Mean Ocean Water ...") and the table cites the
        first one ([A]): the item without its letter, as a notes entry."""
        if block.kind != "item" or index >= len(string.ascii_uppercase):
            return None
        first_start, first_end = block.segs[0]
        opening = _LETTERED_ITEM.match(self.source, first_start, first_end)
        letter = string.ascii_uppercase[index]
        if opening is None or opening.group(1) != letter:
            return None
        if self.source.find("[A]", section_start, first_start) < 0:
            return None
        return _Block("entry", [(opening.end(), first_end)] + block.segs[1:], block.first_line, block.last_line)

    def _cite_table_notes(self) -> None:
        """A note marker of a section with a table's notes, before that list, cites them. So do
        the markers of the sections before it, back to the previous such list, while a section's
        note markers all name keys of the list that its own section leaves uncited: a notes list
        gathers every note of its kind above it, as a second table's list gathers the first
        table's notes ("[nb_1]" two sections up, "[nb_3]" in its own)."""
        notes = [c for c in self.doc.citations if c.group == "note"]
        for start, end, group, keys, earlier in self.table_notes:
            uncited = keys - {c.key for c in notes if start <= c.span.start < end}
            for section in earlier:
                above = {c.key for c in notes if section <= c.span.start < start}
                if above and not above <= uncited:
                    break
                if above:
                    start, uncited = section, uncited - above
            for citation in notes:
                if start <= citation.span.start < end and citation.key in keys:
                    citation.group = group

    def _underscored_opening_link(self, raw_text: str, block: _Block) -> str:
        """The text of the link an entry opens with, where the dump prints it with underscores
        for its spaces and something follows it on its line ("Agricultural_engineering Britannica
        Online."); at the line's end the link may go on, its next word wrapped onto the next line
        ("…_Carbon_Dioxide_on" / "Plants")."""
        link = _OPENING_LINK.match(raw_text)
        if link is None:
            return ""
        first_line = self.source[block.segs[0][0]:block.segs[0][1]]
        at = first_line.find(link.group(1))
        return link.group(1) if at >= 0 and first_line[at + len(link.group(1)):].strip(" .") else ""

    def _reference(self, block: _Block, key: str, group: str, printed: str) -> None:
        source = self.source
        first_line_start = block.segs[0][0]
        line_start = max(source.rfind("\n", 0, first_line_start), source.rfind("\r", 0, first_line_start)) + 1
        span = Span(line_start + _indent(source[line_start:first_line_start]), block.segs[-1][1])
        plain = _Builder(source, self.wrapped, underscores=False)
        for s, e in block.segs:
            plain.add(s, e, scan=False)
        joined = plain.result()
        joined_clean, removed = _strip_page_css(joined)
        content_at, backlinks = _backlinks(joined_clean)
        raw_text = joined_clean[content_at:].strip()
        if removed and not raw_text:
            self.doc.diagnostics.append(Diagnostic(
                kind="parser-fallback",
                message=f"reference {key}: only page style code survived in this copy; its text is lost",
                span=span,
            ))
        fields = parse_reference_text(raw_text, self._underscored_opening_link(raw_text, block) if self.wrapped else "")
        if self.wrapped:
            fields = {k: v.replace("_", " ") for k, v in fields.items()}
            raw_text = raw_text.replace("_", " ")
        ref = Reference(key=key, span=span, raw=raw_text, group=group, fields=fields, backlinks=backlinks)
        self.printed_keys[id(ref)] = printed
        ref.domain = domain_of(fields.get("url", "")) or domain_of(fields.get("via", "")) or domain_of(
            fields.get("work", "")) or domain_of(fields.get("publisher", ""))
        if re.search(r"\[(?:permanent[ _])?dead[ _]link\]", joined, re.I):
            ref.dead_link = True
        if WEBARCHIVE.search(joined):
            ref.has_webarchive = True
        self.doc.references.append(ref)
        if group == "note":
            # Notes cite references too ("Denied by Azerbaijan,[6][7] ..."): those are uses.
            self.doc.citations.extend(self._entry_markers(block))
        elif not group:
            # So does an explanatory entry of the reference list itself ("Allen's Astrophysical
            # Quantities[5] (2000, …)"), where "[1]" may also be a bare link's number: weighed
            # against the backlinks once the list is numbered (``_cite_between_entries``).
            self.entry_markers.append((ref, block))

    def _entry_markers(self, block: _Block) -> list[Citation]:
        """The markers of the reference list's keys in a list entry's text, each with its clause."""
        scanner = _Builder(self.source, self.wrapped, frozenset())
        for s, e in block.segs:
            scanner.add(s, e)
        text = scanner.result()
        citations = []
        for pos, citation in scanner.markers:
            if citation.group == "":
                citation.clause = text[max(0, pos - 80):pos].strip()
                citations.append(citation)
        return citations

    # linking -------------------------------------------------------------------------------

    def _link(self) -> None:
        doc = self.doc
        doc.citations.sort(key=lambda c: c.span.start)
        self._cite_table_notes()
        self._resolve()
        self._check_map()
        numbered = [int(r.key) for r in doc.references if not r.group and r.key.isdigit()]
        self._drop_tabulated(max(numbered, default=0))
        for stmt in doc.statements:
            for tag in stmt.tags:
                if tag.kind != "dead-link":
                    continue
                for citation in stmt.citations:
                    if citation.reference is not None and 0 <= tag.span.start - citation.span.end <= 1:
                        citation.reference.dead_link = True
        cited = [int(c.key) for c in doc.citations if not c.group and c.key.isdigit()]
        if numbered and cited and max(cited) > max(numbered):
            last, highest = max(numbered), max(cited)
            missing = len({n for n in cited if n > last})
            last_ref = next(r for r in doc.references if not r.group and r.key == str(last))
            doc.diagnostics.append(Diagnostic(
                kind="truncated-references",
                message=(f"the reference list ends at [{last}] but the text cites up to [{highest}]: "
                         f"the copy looks truncated ({missing} cited numbers have no entry)"),
                span=last_ref.span,
                examples=[str(last), str(highest)],
                count=missing,
            ))
            doc.metadata["references_last"] = last
            doc.metadata["references_highest_cited"] = highest

    def _drop_tabulated(self, last: int) -> None:
        """A bracketed number in a laid-out table or as a legend's key past the reference
        list's last entry is the table's own notation (a mass number "[209]" in the periodic
        table, a Coxeter group "[3]"), no citation. Below the last entry it cannot be told
        from one; past it a citation would mean a truncated list, which the prose's markers
        still show. Done once the list's numbering (whose last entry is ``last``) is settled, which
        these uses helped weigh."""
        own = {id(c) for c in self.tabulated if 0 < last < int(c.key)}
        if not own:
            return
        self.doc.citations = [c for c in self.doc.citations if id(c) not in own]
        for stmt in self.doc.statements:
            stmt.citations = [c for c in stmt.citations if id(c) not in own]

    def _resolve(self) -> None:
        table = {(ref.group, ref.key): ref for ref in self.doc.references}
        for citation in self.doc.citations:
            citation.reference = table.get((citation.group, citation.key))

    def _check_map(self) -> None:
        """Prove the marker-to-entry map with the backlinks the copy prints.

        An entry printed "^ a b" was cited twice, so exactly two markers must resolve to it.
        Entries are numbered without the pieces a dump split off them (see ``_list_entries``);
        when the numbers the copy printed explain the backlinks better, with and without the
        bracketed numbers of tables, they win; a cited number that finds no entry counts against
        a numbering. Fewer markers than backlinks is common (infobox cells and captions lose
        theirs in a copy); more markers than backlinks means a marker resolves to the wrong
        entry. When that happens too often to be chance, the map is reported unverified (CC903)
        and the findings that rest on it are withheld.
        """
        doc = self.doc
        evidenced = [ref for ref in doc.references if ref.backlinks]
        if not evidenced:
            return
        counts = Counter((c.group, c.key) for c in doc.citations)
        # A table's bracketed numbers that stand apart in their cells may be its own notation (a
        # Coxeter group "(22)  [2]+"): they may confirm the printed numbers, but not carry them
        # against the prose's markers. One glued to a cell's value ("12,345[3]") is a marker.
        untabulated = counts - Counter((c.group, c.key) for c in self.tabulated
                                       if self.source[c.span.start - 1:c.span.start].isspace())

        def score(key_of: dict[int, str], uses: Counter = counts) -> int:
            agree = over = 0
            for ref in evidenced:
                used = uses[(ref.group, key_of.get(id(ref), ref.key))]
                agree += used == ref.backlinks
                over += used > ref.backlinks
            listed = {(ref.group, key_of.get(id(ref), ref.key)) for ref in doc.references}
            unlisted = sum(1 for key in uses if key not in listed)
            return agree - 2 * over - unlisted

        positions = {id(ref): ref.key for ref in doc.references}
        if self.printed_keys != positions and score(self.printed_keys) > score(positions) \
                and score(self.printed_keys, untabulated) >= score(positions, untabulated):
            for ref in doc.references:
                ref.key = self.printed_keys[id(ref)]
            self._resolve()
            doc.metadata["reference_numbers"] = "printed"
        # A renumbering changes no marker's key: the counts stand.
        link_numbers = self._drop_link_numbers(evidenced, counts)
        self._cite_between_entries(counts)
        agreeing = sum(1 for ref in evidenced if counts[(ref.group, ref.key)] == ref.backlinks)
        over = [ref for ref in evidenced
                if counts[(ref.group, ref.key)] > ref.backlinks and (ref.group, ref.key) not in link_numbers]
        # Copies lose markers (infobox cells, captions) but keep most: when most entries of a
        # long list go uncited as often as they say, the markers are read against the wrong list.
        under = len(evidenced) >= 8 and 2 * agreeing < len(evidenced)
        verified = len(over) <= max(2, 0.05 * len(evidenced)) and not under
        doc.metadata["mapping_check"] = {
            "checked": len(evidenced), "agreeing": agreeing, "over_cited": len(over), "verified": verified,
        }
        if not verified:
            wrong = over or [ref for ref in evidenced if counts[(ref.group, ref.key)] != ref.backlinks]
            message = (f"{len(over)} of {len(evidenced)} reference entries are cited more often than their "
                       "backlinks allow" if over else
                       f"only {agreeing} of {len(evidenced)} reference entries are cited as often as their "
                       "backlinks say")
            doc.diagnostics.append(Diagnostic(
                kind="reference-map-unverified",
                message=message + ", so markers may resolve to the wrong entries",
                span=wrong[0].span,
                examples=[ref.key for ref in wrong[:10]],
                count=len(wrong),
            ))

    def _cite_trailing(self, last: _Block, entries: list[_Block], group: str) -> None:
        """The markers between the last entry of the list before and a list printed after the
        reference list cite that list ("* The Centre [1]" in the external links), as far as its
        numbers go."""
        start, end = last.segs[-1][1], entries[0].segs[0][0]
        for match in _MARKERS.finditer(self.source, start, end):
            key = match.group()[1:-1]
            if 1 <= int(key) <= len(entries):
                self.doc.citations.append(Citation(key=key, span=Span(*match.span()), group=group))

    def _cite_between_entries(self, counts: Counter) -> None:
        """A marker in the text of a reference-list entry that names another entry is a use of
        it where that entry's backlinks claim a use the other markers leave unaccounted for
        ("U.S. Standard Atmosphere, 1976[6]" in a note printed among the references, [6]
        printed "^" and cited nowhere else). Elsewhere it is a bare link's number ("Peter
        Ward:[1] Out of Thin Air", [1] cited as often as it says). ``counts`` is kept up to date."""
        table = {ref.key: ref for ref in self.doc.references if not ref.group}
        for entry, block in self.entry_markers:
            for citation in self._entry_markers(block):
                named = table.get(citation.key)
                if named is None or named is entry or counts[("", citation.key)] >= named.backlinks:
                    continue
                citation.reference = named
                counts[("", citation.key)] += 1
                self.doc.citations.append(citation)
        self.doc.citations.sort(key=lambda c: c.span.start)

    def _drop_link_numbers(self, evidenced: list[Reference], counts: Counter) -> set[tuple[str, str]]:
        """A bare external link renders as "[1]", "[2]", … after a space ("chapter 4 at [1]",
        "ISBN 0-7923-7270-0 [1]"), which a text copy prints like a citation; a note marker sits
        on the word before it (a marker at a line's start says nothing: copies wrap lines before
        markers too). Where an entry has more markers than its backlinks, the excess is taken
        from its markers after a space, last first: those are the link numbers; a run of them
        numbered from 1 is found by ``_link_run``. ``counts``, the uses of each key, is kept up
        to date. Returns the (group, key) of the entries whose excess such a run explains, which
        the map check then excuses."""
        text = self.doc.source
        run, links = self._link_run(evidenced, counts)
        dropped = {id(link) for link in links}
        for link in links:
            counts[("", link.key)] -= 1
        for ref in evidenced:
            extra = counts[(ref.group, ref.key)] - ref.backlinks
            if extra <= 0 or (ref.group, ref.key) in run:
                continue
            spaced = [c for c in self.doc.citations if c.reference is ref and _char_before(text, c) in (" ", "\t")]
            for citation in spaced[::-1][:extra]:
                dropped.add(id(citation))
                counts[(ref.group, ref.key)] -= 1
        if dropped:
            self.doc.citations = [c for c in self.doc.citations if id(c) not in dropped]
            for stmt in self.doc.statements:
                stmt.citations = [c for c in stmt.citations if id(c) not in dropped]
        return run

    def _link_run(self, evidenced: list[Reference], counts: Counter) -> tuple[set[tuple[str, str]], list[Citation]]:
        """Links are numbered in page order, so when the entries cited once too often are exactly
        1, 2, … m, each excess is a link's number even where no space tells which marker it
        is: the first marker after the previous link's that follows a space is the link, else
        the first at a line's start, if there is one. Where that finds no more than half of
        them, the markers sit on their words and there is no run. Returns the run's entries as
        (group, key) and the markers found to be links."""
        text = self.doc.source
        numbered = {ref.key: ref for ref in evidenced if not ref.group}
        excess = {key: counts[("", key)] - ref.backlinks for key, ref in numbered.items()}
        run = {key for key, extra in excess.items() if extra > 0}
        if not (run == {str(n) for n in range(1, len(run) + 1)} and all(excess[key] == 1 for key in run)):
            return set(), []
        previous, links = 0, []
        for key in sorted(run, key=int):
            later = [c for c in self.doc.citations if c.reference is numbered[key] and c.span.start > previous]
            spaced = ([c for c in later if _char_before(text, c) in (" ", "\t")]
                      or [c for c in later if _char_before(text, c) == "\n"])
            if spaced:
                links.append(spaced[0])
                previous = spaced[0].span.start
        if 2 * len(links) <= len(run):
            return set(), []  # markers glued to their words: citations, not links
        return {("", key) for key in run}, links


def _char_before(text: str, citation: Citation) -> str:
    """The character before a marker ("" at the text's start)."""
    return text[citation.span.start - 1:citation.span.start]

def _names_part_of(child: str, parent: str) -> bool:
    """Whether every word of heading ``child`` occurs in heading ``parent``."""
    words = re.findall(r"\w+", child.casefold())
    return bool(words) and set(words) <= set(re.findall(r"\w+", parent.casefold())) and child != parent


_EDIT_LINK = re.compile(r"\[\s*edit(?:[ _|]+edit[ _]source|[ _]source)?\s*\]", re.I)


def _section_name(text: str) -> str:
    name = _EDIT_LINK.sub("", text.replace("_", " "))
    name = re.sub(r"^\d+(?:\.\d+)*\s+", "", name)
    return re.sub(r"\s+", " ", name).strip().casefold()


def _names_a_picture(text: str) -> bool:
    """A short phrase with no verb, as a caption names what its picture shows ("Two Heathkit
    Grid Dip Meters with a set of tuning coils."); a section's prose opens with a sentence."""
    words = text.split()
    if len(words) > _PICTURE_NAME_WORDS or len(_SENTENCE_STOP.findall(text)) > 1:
        return False
    return not any(word.lower().strip(",;:()") in _VERBS or _PAST_FORM.fullmatch(word.strip(",;:()."))
                   for word in words)


_PICTURE_NAME_WORDS = 15
_GALLERY_CAPTION_CHARS = 250
_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")
# Words that make a sentence of a phrase: the forms of be, have and do, the modals, and the
# verbs a section's opening sentence most often turns on.
_VERBS = frozenset(
    "is are was were be been being am has have had do does did will would shall should can could may might must "
    "became becomes become began begins led leads made makes took takes gave gives came comes went goes "
    "holds held uses used includes consists contains refers means remains lies lay stands stood runs ran "
    "shows show describes allows provides requires".split()
)
_PAST_FORM = re.compile(r"[a-z]{3,}ed")


def _looks_like_caption(text: str) -> bool:
    """Text-dump captions: a short block that does not end like a sentence, nor introduce
    what follows ("The main raw materials are described as follows:" is prose)."""
    return (len(text) < 300 and not _SENTENCE_END.search(text) and not _ENDS_WITH_MARKER.search(text)
            and not text.rstrip().endswith(":"))


def _entry_text(source: str, block: _Block) -> str:
    return _joined(source, block.segs).strip()


def _backlinked(source: str, blocks: list[_Block]) -> bool:
    """Whether most entries of a list open with a backlink caret, as reference lists do."""
    return _mostly_carets([_entry_text(source, block) for block in blocks])


def _mostly_carets(texts: list[str]) -> bool:
    return sum(_opens_with_backlink(text) for text in texts) >= 0.5 * len(texts)


# What a text dump splits off an entry and numbers as an entry of its own: the access icons,
# maintenance tags and the citation style sheet printed inside a citation.
_STRAY = re.compile(
    r"(?:\[(?:open|closed|free|limited)[ _]access\]|\((?:subscription|registration)[ _]required\)"
    r"|\[[^\]]{0,40}(?:needed|dead[ _]link)\]|[.,;:\s])*",
    re.I,
)


def _is_stray(text: str) -> bool:
    return bool(_STRAY.fullmatch(_strip_page_css(text)[0]))


def _split_restarted(lists: list[tuple[str, list[_Block]]], notes: int) -> list[tuple[str, list[_Block]]]:
    """Split a list whose printed numbers start again at 1 into the two lists a section
    printed one after the other (the references, then the notes, under one "Notes" heading,
    or the notes first: "Notes and references" 1 for [lower-alpha 1], then 1–11): the second
    holds the notes when it comes nearer than the first to the ``notes`` notes the text cites by
    number, the first only when it holds as many as that and the second does not."""
    split: list[tuple[str, list[_Block]]] = []
    for name, entries in lists:
        restart = next((i for i in range(1, len(entries)) if entries[i].number == "1"
                        and entries[i - 1].number.isdigit()), None)
        first, second = (entries[:restart], entries[restart:]) if restart is not None else (entries, [])
        if second and abs(len(second) - notes) < abs(len(first) - notes):
            split.extend([("references", first), ("notes", second)])
        elif second and len(first) == notes != len(second):
            split.extend([("notes", first), ("references", second)])
        else:
            split.append((name, entries))
    return split


def _list_entries(source: str, blocks: list[_Block]) -> list[tuple[_Block, int]]:
    """A reference list's entries as the page had them, each with its number.

    Text dumps number every block they meet inside a list item: the text after an ISBN link
    ("58. ISBN 9971-69-259-7. p. 15."), a quotation, an access icon ("6. [closed_access]"),
    a "[dead link]" tag, the citation style sheet. In a list whose entries open with
    backlinks, an entry without one is such a piece and joins the entry before it; pieces
    with no words of their own join it in any list, and so do pieces that open with a comma
    or semicolon, which no citation does (a note's further citations after the style sheet:
    "1. ^ For example: "…" The New York Times.", "2. .mw-parser-output …", "3. ,"…" The New
    York Times."). An entry's number is the one printed
    less the pieces numbered before it (its position where the copy printed none); the
    printed number stays on the block, for ``_Parser._check_map`` to weigh.
    """
    # The style sheet and the access icons count neither way: "1. ^ Kanawaty …", "2. .mw-parser-output
    # …", "3. ISBN 978-92-2-107108-2", "4. ^ Meyers …" is a list of two entries with backlinks.
    texts = [_entry_text(source, block) for block in blocks]
    strays = [_is_stray(text) for text in texts]
    caret_style = _mostly_carets([text for text, stray in zip(texts, strays) if not stray])
    entries: list[tuple[_Block, int]] = []
    pieces = 0
    for block, text, stray in zip(blocks, texts, strays):
        piece = stray or (caret_style and not _opens_with_backlink(text)) or text.startswith((",", ";"))
        if piece and entries:
            head, number = entries[-1]
            merged = _Block(head.kind, head.segs + block.segs, head.first_line, block.last_line,
                            number=head.number, text=head.text)
            entries[-1] = (merged, number)
            pieces += 1
        elif stray:
            pieces += 1
        else:
            printed = int(block.number) if block.number else len(entries) + 1 + pieces
            entries.append((block, printed - pieces))
    return entries


# The text of a link an entry opens with, which a dump that wraps prints with underscores for
# its spaces: "Agricultural_engineering Britannica Online." (a title, then its site).
_OPENING_LINK = re.compile(r"([^\s_]+(?:_[^\s_]+)+?)(?=\s)")


# A dump that wraps the sheet may break a name at its hyphen: ".mw-" / "parser-output".
_PAGE_CSS = re.compile(r"(?:\.mw-\s?parser-\s?output[^{}]*\{[^{}]*\}\s*)+")


def _strip_page_css(text: str) -> tuple[str, bool]:
    """Remove TemplateStyles CSS that text dumps print in place of the first citation."""
    cleaned, count = _PAGE_CSS.subn("", text)
    return cleaned, bool(count)


# Backlink letters; text dumps glue the last one to the entry ("^ a bDorst, Neal").
_BACKLINK_LETTER = re.compile(r"\^?([a-z]{1,2})(?:\s+|(?=[A-Z\"“'‘\[(]))")
# A backlink letter glued to a name that opens in lower case ("^ a b cdela Torre R"), or to a
# word opening with the same letter, which no English word doubles but "ee" and "oo", and a few
# surnames "ff" and "ll" ("^ a b cconsultants Daniel Albert"; not "^ a b c d e ffrench, Richard").
_BACKLINK_GLUED = re.compile(r"([a-z])(?=(?:de|da|di|du|van|von|ten|ter|le|la|al|el|bin|ibn)[a-z]*\s|(?![eofl])\1[a-z])")


# An entry's backlink as copies print it: "^", with the label a screen reader hears where the copy
# keeps it ("^ Jump up to: a b", "Jump up ^", also after a page's stray quote); Parsoid's "↑", or
# its numbers where the entry is cited more than once ("13. 1 2 3 Servheen, C. …").
_BACKLINK_OPENING = re.compile(
    r"\s*(?:\^\s*(?:Jump[ _]up(?:[ _]to:)?\s*)?|'?Jump[ _]up\s*\^\s*|↑\s*|(?=1 2 ))")
_NUMBERED_BACKLINKS = re.compile(r"1(?: \d{1,3})+ ")
# A superscript a text browser prints with a caret at a line's start, where no number says an
# entry opens: a marker wrapped there ("^[4]^[5]"), an endnote's capital letter, number or sign
# ("^A Build with 1,500 MW …" under a table, "^1 Associate member." under a navbox, "^* Sales
# figures based on certification alone." under a certification table). After an entry's number
# it is the backlink ("38. ^[1], PragueBest").
_SUPERSCRIPT = re.compile(r"\s*\^(?:\[|[A-Z]\s|\d{1,2}\s|[*^†‡§¶#]{1,3}\s)")


def _opens_with_backlink(text: str, pos: int = 0) -> bool:
    """Whether ``text`` (from ``pos``) opens with an entry's backlink (``_BACKLINK_OPENING``)."""
    return _BACKLINK_OPENING.match(text, pos) is not None


def _opens_unnumbered_entry(text: str) -> bool:
    """Whether a line with no number before it opens an entry with its backlink: not a superscript,
    and numbered backlinks only before a citation's words ("1 2 3 4 Ward and Kynaston, p. 83", as
    lynx prints a Parsoid list's later entries), not before a score table's column heads, short
    capitalised words and numbers ("1 2 3 4 OT Total")."""
    if not _opens_with_backlink(text) or _SUPERSCRIPT.match(text) is not None:
        return False
    numbered = _NUMBERED_BACKLINKS.match(text.lstrip())
    if numbered is None:
        return True
    words = text.lstrip()[numbered.end():].split()
    return not all(len(word) <= 5 and (word.isdigit() or word.istitle() or word.isupper()) for word in words)


def _backlinks(text: str) -> tuple[int, int]:
    """Where the entry's content starts after "^ a b c" (or "^ Jump up to: a b c", "Jump up ^",
    Parsoid's "↑" and "1 2 3"), and how many uses it claims."""
    caret = _BACKLINK_OPENING.match(text)
    if caret is None:
        return 0, 0
    pos = caret.end()
    numbered = _NUMBERED_BACKLINKS.match(text, pos)
    if numbered is not None:
        uses = numbered.group().split()
        if uses == [str(n) for n in range(1, len(uses) + 1)]:
            return numbered.end(), len(uses)  # Parsoid's "1 2 3": cited three times
    letters = 0
    while True:
        match = _BACKLINK_LETTER.match(text, pos)
        if match is None or match.group(1) != _note_key(letters):
            break
        letters += 1
        pos = match.end()
    if letters == 1 and text.startswith("b", pos):
        letters, pos = 2, pos + 1  # a lone "a" means a "b" follows, glued to the text: "^ a beditor"
    elif letters >= 2:
        glued = _BACKLINK_GLUED.match(text, pos)
        if glued and glued.group(1) == _note_key(letters):
            letters += 1
            pos = glued.end()
    if letters >= 2:
        return pos, letters
    return caret.end(), 1

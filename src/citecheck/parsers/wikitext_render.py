"""Names and renderings of the wikitext templates the parser understands.

MediaWiki template names are case-insensitive in their first letter and treat "_" as a
space; everything here is keyed by ``template_key`` so that {{Cite_web}}, {{cite web}} and
{{ Cite web }} are one template. Templates not listed render nothing in prose (navboxes,
hatnotes, maintenance banners) but are kept verbatim in a reference's raw text.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SPACES = re.compile(r"[\s_]+")
COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)


def without_comments(text: str) -> str:
    """``text`` without its HTML comments, which the wiki does not render."""
    return COMMENT.sub("", text) if "<!--" in text else text


@lru_cache(maxsize=4096)  # an article repeats a few template names many times
def template_key(name: str) -> str:
    """Canonical lookup key of a template name: lowercased, "_" as space, no namespace, no
    comment ("aircraft specifications <!-- please answer … [[Wikipedia talk:…]] -->" is the
    template "aircraft specifications", as the wiki reads it)."""
    key = _SPACES.sub(" ", without_comments(name)).strip().lower()
    if key.startswith("template:"):
        key = key[9:].lstrip()
    elif key.startswith("vorlage:"):
        key = key[8:].lstrip()
    return key


CITATION_NEEDED = frozenset(
    """citation needed|cn|fact|citation-needed|cite needed|citeneeded|citationneeded|needcite|
    need citation|needs citation|ref needed|refneeded|reference needed|source needed|sourceneeded|
    citation required|citationrequired|cite missing|unsourced statement|uncited|proveit|
    citation needed (lead)|cn-span|citation needed span|cn span|fact span|citation needed inline|
    belege fehlen|quelle|quelle fehlt""".replace("\n", "").split("|")
)
CITATION_NEEDED = frozenset(k.strip() for k in CITATION_NEEDED)
SPAN_TAGS = frozenset({"citation needed span", "cn span", "cn-span", "fact span"})
DEAD_LINK = frozenset({"dead link", "deadlink", "dead-link", "dl", "dead", "404", "broken link",
                       "link broken", "dead url", "deadurl", "toter link", "lien mort", "liên kết hỏng",
                       "enlace roto", "collegamento interrotto", "dode link"})
WEBARCHIVE = frozenset({"webarchive", "web archive", "wayback", "webcite", "archive.is",
                        "webarchiv", "cite archive"})
# Short citations that link to a full source in the bibliography.
SHORT_CITES = frozenset({"sfn", "sfnp", "sfnm", "harvnb", "harv", "harvp", "harvtxt", "harvcoltxt",
                         "harvcolnb", "harvcol", "harvard citation no brackets", "harvard citation",
                         "harvard citation text", "sfn whole", "sfnmp"})
# Short citations that produce a footnote (the others render in the text itself).
FOOTNOTE_SHORT_CITES = frozenset({"sfn", "sfnp", "sfnm", "sfnmp", "sfn whole"})
NOTE_TEMPLATES = frozenset({"efn", "efn-ua", "efn-la", "efn-lr", "efn-ur", "efn-lg", "notetag",
                            "note tag", "refn", "ref note", "efn2", "cnote"})
NAMED_REUSE = frozenset({"r", "ref label", "rp?"})
REFLISTS = frozenset({"reflist", "references", "notelist", "notelist-ua", "notelist-la",
                      "notelist-lr", "notelist-ur", "notelist-lg", "refbegin", "reflist-talk"})
OTHER_TAGS = {
    "clarify": "clarify", "when": "when", "who": "who", "which": "which", "by whom": "who",
    "better source needed": "better-source-needed", "better source": "better-source-needed",
    "failed verification": "failed-verification", "verification needed": "verification-needed",
    "page needed": "page-needed", "year needed": "year-needed", "update inline": "update-needed",
    "dubious": "dubious", "disputed inline": "dubious", "according to whom": "who",
    "full citation needed": "full-citation-needed", "unreliable source?": "unreliable-source",
}
INFOBOX_PREFIXES = ("infobox", "geobox", "taxobox", "speciesbox", "automatic taxobox", "chembox",
                    "drugbox")
_CS1_OTHERS = frozenset({"citation", "cite", "vcite web", "vcite journal", "vcite book",
                         "internetquelle", "literatur", "cite web2", "harvard reference",
                         "cita web", "cita libro", "cita noticia", "cita publicación",
                         "lien web", "article", "ouvrage", "cytuj stronę", "cytuj książkę"})


def is_cite_template(key: str) -> bool:
    """Whether a template key names a full citation (CS1/CS2 or a localized equivalent)."""
    return (key.startswith("cite") or key in _CS1_OTHERS or key.startswith("chú thích")
            or key.startswith("citation/") or key.startswith("cita "))


def is_infobox(key: str) -> bool:
    return key.startswith(INFOBOX_PREFIXES) or key.endswith(" infobox")


# Constant renderings of small formatting templates.
CONSTANTS = {
    "snd": " – ", "spaced ndash": " – ", "spaced en dash": " – ", "ndash": "–", "en dash": "–",
    "mdash": "—", "em dash": "—", "nbsp": "\u00a0", "'": "'", "' \"": "' \"", "\" '": "\" '",
    "okina": "ʻ", "!": "|", "=": "=", "·": " · ", "dot": " · ", "middot": "·", "bull": " • ",
    "shy": "", "-": "", "nbhyph": "‑", "thin space": "\u2009", "thinsp": "\u2009",
    "spaces": " ", "clear": "", "break": " ", "-\"": "", "sp": " ",
}
# Templates whose visible text is their first positional parameter.
FIRST_PARAM = frozenset("""nowrap|nobr|nobreak|no break|small|smaller|big|larger|midsize|nowrap begin|
    ill|interlanguage link|interlanguage link multi|visible anchor|vanchor|abbr|abbrlink|sic|
    noitalic|nihongo|tooltip|hover title|keep together|bold|strong|em|mvar|var|math|
    color|colour|font color|underline|strikethrough|proper name|not a typo|as written|
    linktext|lang-rtl|lower|uppercase|lowercase|smallcaps|sc|small caps|cquote|quote|blockquote|
    quotation|bq|quote frame|pull quote|centered pull quote|rquote|poem quote|citation needed span|
    cn span|fact span|cn-span|text|plain text|lts|ts|centre|center|right|left|ubl|ublist|
    unbulleted list|plainlist|plain list|flatlist|hlist|bulleted list|endplainlist|
    startplainlist|flag|flagcountry|flagu|flag country|flagg|flaglink|country|army|navy|
    air force|plural|nowrap|bcd|nts|anchor text|quote box|quotebox|nobold""".replace("\n", "").split("|"))
FIRST_PARAM = frozenset(k.strip() for k in FIRST_PARAM)
# Templates listing several items, joined with "; ".
LISTS = frozenset({"ubl", "ublist", "unbulleted list", "hlist", "bulleted list", "flatlist",
                   "plainlist", "plain list", "collapsible list", "flat list", "indented plainlist",
                   "vunblist", "vertical unbulleted list", "ordered list", "unordered list",
                   "unbulleted list citebundle", "cslist", "csv list", "enum"})
# Sort templates, which print a name or a text and hide the key a table sorts it by:
# {{sortname|Tom|Watson}} prints "Tom Watson", {{sort|Watson, Tom|Tom Watson}} its second
# parameter (its first when it has none). {{hs}} and {{ntsh}} print only a hidden key, nothing.
SORT_NAME = frozenset({"sortname", "sort name", "sname", "sortkeyname"})
SORT = frozenset({"sort", "sorted"})
# Templates whose visible text is their second positional parameter.
SECOND_PARAM = frozenset({"lang", "langx", "script", "native name", "transl", "transliteration",
                          "resize", "audio", "coloured text", "tt"})
CURRENCIES = {"us$": "US$", "usd": "US$", "us dollar": "US$", "gbp": "£", "£": "£", "eur": "€",
              "€": "€", "euro": "€", "inr": "₹", "₹": "₹", "jpy": "¥", "¥": "¥", "cad": "CA$",
              "aud": "A$", "rub": "₽", "cny": "CN¥", "chf": "CHF "}
DATE_TEMPLATES = frozenset({"start date", "start date and age", "end date", "end date and age",
                            "birth date", "death date", "birth date and age", "death date and age",
                            "dts", "date", "start and end dates", "birth year and age",
                            "death year and age", "film date", "release date"})
CONVERT = frozenset({"convert", "cvt", "convert/2"})
AS_OF = frozenset({"as of", "asof", "as at"})
QUOTES_NAMED = ("quote", "text", "content")
RANGE_WORDS = frozenset({"to", "-", "–", "and", "or", "by", "x", "×", "+/-", "±", "to(-)",
                         "and(-)", "&", "+"})
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# Link prefixes that render no text (files become captions separately).
FILE_PREFIXES = ("file:", "image:", "datei:", "bild:", "media:", "fichier:", "archivo:", "tập tin:",
                 "hình:")
CATEGORY_PREFIXES = ("category:", "kategorie:", "catégorie:", "categoría:", "thể loại:")
IMAGE_OPTION = re.compile(
    r"^\s*(?:thumb|thumbnail|frame|framed|frameless|border|left|right|center|centre|none|"
    r"upright(?:\s*=?\s*[\d.]*)?|baseline|middle|sub|super|top|text-top|bottom|text-bottom|"
    r"miniatur|mini|links|rechts|zentriert|hochkant(?:=[\d.]*)?|rahmenlos|"
    r"\d*\s*x?\s*\d+\s*px|(?:alt|link|page|class|lang|upright|thumbtime|start|end|loop|muted)\s*=.*)\s*$",
    re.I | re.S,
)
INTERWIKI = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,})*:")
# Infobox parameters that hold pictures, layout or styling rather than claims.
INFOBOX_SKIP = re.compile(
    r"^(?:image|img|map|logo|flag|seal|coat|alt|signature|coordinates|coord|pushpin|relief|"
    r"mapsize|image_?size|imagesize|width|embed|module|style|bodystyle|color|colour|class|"
    r"align|label_?style|header_?style|child|onlysourced|name_?style|image_?map|map_?type|"
    r"image_?flag|image_?coat|image_?seal|image_?skyline|image_?shield|image_?logo|"
    r"latd|latm|lats|latns|longd|longm|longs|longew|mark|symbol|bild|karte|wappen|"
    r"breitengrad|längengrad|lagekarte)",
    re.I,
)
# Sections that list sources rather than make claims: their paragraphs are not statements.
SOURCE_SECTIONS = frozenset({
    "references", "notes", "footnotes", "citations", "sources", "bibliography",
    "further reading", "external links", "see also", "works cited", "notes and references",
    "references and notes", "literature", "general references", "specific references",
    "reference", "note", "cited sources", "sources cited", "works consulted",
    "einzelnachweise", "weblinks", "literatur", "anmerkungen", "siehe auch", "quellen",
    "tham khảo", "liên kết ngoài", "chú thích", "đọc thêm", "xem thêm",
})
_SOURCE_WORDS = re.compile(
    r"\b(?:references|bibliography|sources|further reading|external links|works cited|cited works|"
    r"notes|footnotes|citations|literature cited|see also)\b", re.I)


def is_source_section(title: str) -> bool:
    """Whether a top-level section lists sources ("Selected bibliography", "Notes and references")."""
    lowered = title.strip().lower()
    return lowered in SOURCE_SECTIONS or bool(_SOURCE_WORDS.search(lowered))


# Tags whose content never renders as prose.
SKIP_TAGS = frozenset({"math", "chem", "ce", "code", "pre", "syntaxhighlight", "source", "gallery",
                       "timeline", "imagemap", "mapframe", "maplink", "graph", "score",
                       "templatestyles", "hiero", "categorytree", "noinclude", "includeonly",
                       "inputbox", "templatedata", "charinsert", "section", "indicator",
                       "style", "script", "dynamicpagelist", "languages", "translate",
                       "tvar", "references"})


def month_name(value: str) -> str:
    """"10" or "October" -> "October"; anything else is returned unchanged."""
    value = value.strip()
    if value.isdigit() and 1 <= int(value) <= 12:
        return MONTHS[int(value) - 1]
    return value


def render_date(year: str, month: str = "", day: str = "", *, mdy: bool = False) -> str:
    """A date written the way the dmy/mdy date templates render it."""
    month = month_name(month) if month else ""
    day = day.strip().lstrip("0") if day else ""
    if month and day:
        return f"{month} {day}, {year}" if mdy else f"{day} {month} {year}"
    if month:
        return f"{month} {year}"
    return year

"""Numeric-claim detection: the figures a statement asserts, and their normalised values.

A numeric claim is a quantity stated as fact: "1,166 servicemen", "22.8%", "US$2 billion",
"six hundred", "a dozen", "700–1,000 militants". Dates, years, times, ordinals, model
designations (T-72, 9K33, COVID-19), list numbering, page and section numbers are not claims.
Neither is a small count in words (one to ten) of a generic thing, which describes a kind
rather than reports a statistic ("DNA is found in two cellular locations", "splits into two
peaks"): it is a claim when it counts people, casualties or events, comes with a unit, a time
or money, is an estimate ("at least four") or a range, or belongs to a dated or named report
("in 2018 … to close ten mines"); the names of the members it lists ("two subphyla -
Haploviricotina and Polyploviricotina") make no such report. Code ("two.sided"), numeral bases
("base 10"), the meanings of words ("meaning 50"), identifiers (CAS numbers, InChI strings,
locants, formula subscripts and charges), labels (school grades, a diagram's numbered key),
equations ("6.015 + 2.014 = 8.029 u"), sequences ("1, 2, 3, ..."), definitions of
terms and units, one unit stated in another ("1 mile = 5280 feet", "one g/cm3 is equal to one
thousand kg/m3"), and values quoted in passing (", say, 100 km", "(e.g. 50 Hz or 60 Hz)", the
speed of light) are not claims either. Whether a statement belongs to a worked example
(``names_worked_example``, ``opens_example``, ``continues_example``) is for the rules to ask,
paragraph by paragraph.
Every rule that requires or compares sources for figures goes through this module, so they
all agree on what a figure is. Detection is a handful of compiled regexes plus cheap checks
of the characters and words around each match: it runs on every statement.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator, Sequence

from citecheck.parsers import scripture
from citecheck.parsers.citations import STANDARD_BODIES
from citecheck.parsers.dates import MONTH_NAMES
from citecheck.patterns import alternation

if TYPE_CHECKING:
    from citecheck.data import Lexicon

__all__ = ["NumericClaim", "find_numeric_claims", "WrittenFigures", "significant_digits", "parse_number", "names_worked_example", "decodes_notation", "continues_example", "opens_example", "works_out", "speaks_in_mathematics", "reports_the_world", "KINDS", "NUMBER_WORDS"]

KINDS = ("count", "percent", "money", "vague")


@dataclass(frozen=True, slots=True)
class NumericClaim:
    """One figure found in a text.

    ``start``/``end`` index the text searched; ``value`` is the normalised figure (the lower
    bound of a range, whose upper bound is ``high``), None for vague quantities; ``noun`` is
    the word or two right after the figure ("servicemen", "Syrian fighters"), "" if none.
    """

    start: int
    end: int
    raw: str
    value: float | None
    kind: str  # "count" | "percent" | "money" | "vague"
    noun: str = ""
    high: float | None = None


# --- vocabulary -----------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "dozen": 12.0,
}
_ABBREVIATED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    "Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember"  # German, for "17. Juni 1953"
)
_DASH = "\u2013\u2014\u2212\u2010\u2011\u6bcf-"  # en/em dash, minus, hyphens; 每 is a mojibake dash
_DASH_SIGN = rf"(?:[{_DASH}]|â\x80\x93)"  # a dash, also an en dash decoded twice ("10 â\x80\x93 80 AD")
_CURRENCY = (
    r"(?:US\$|U\.S\.\s?\$|[A-Z]{1,3}\$|[$€£¥₹₽₺₼]|"
    r"(?:USD|EUR|GBP|RUB|AZN|AMD|TRY|JPY|CNY|INR|CHF|CAD|AUD)\s?)"
)
_MONEY_NOUNS = frozenset(
    "dollars dollar euros euro rubles roubles ruble rouble manat manats drams dram lira liras "
    "yen yuan rupees rupee francs franc pesos peso marks reais rand".split()
)
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries".split()
)
_RELATIVE_AFTER = frozenset("later earlier ago after before into prior apart afterwards on".split())
_RELATIVE_BEFORE = frozenset("first next last past following previous preceding for".split())
# Words before a number-word that make it refer back to a known set ("the two sides", "the
# latter two") or speak of any members of a set ("any two vectors", "if two species").
# Possessives are not among them: "his four terms" counts.
_DETERMINERS = frozenset(
    "the these those all both each every first last next other another latter former any if "
    "consider following whenever whether no".split()
)
# Capitalised words that may precede a figure mid-sentence without naming a model or series.
_CAPITAL_OK = frozenset(
    "About Over Nearly Approximately Around Some Almost Only All Roughly Per Of Estimated Total "
    "Approx Circa Up To At Least More Than Fewer Less Under Below Above Exactly Another "
    "The And Or But With Without In On By From Between After Before During Within Since Among "
    "For Only Just Another Nearly Almost Some Perhaps Possibly Reportedly Killing Including Mach".split()
)
_GLUED_UNITS = frozenset(
    "km kg mm cm m mi ft lb lbs kW MW GW kWh MWh GWh TWh Hz kHz MHz GHz GB MB KB TB kB Gb Mb "
    "kt mph kmh kph ha nm µm ms kn kbit Mbit Gbit kbps Mbps Gbps".split()
)
_COLLECTIVE_NOUNS = frozenset(
    "people men women children personnel staff police troops aircraft infantry cattle sheep "
    "livestock units".split()
)
# Verbs that follow a designation ("Windows 10 includes") and end like plural nouns.
_VERBS_IN_S = frozenset(
    "does has was goes uses runs allows includes remains seems becomes comes makes takes gives "
    "supports requires features contains provides offers adds introduces replaces brings marks "
    "needs lets gets shows uses sells ships lacks powers performs enables begins ends erupts occurs commences "
    "continues happens appears".split()
)
_NOUN_STOP = frozenset(
    "and or in on of at to the a an by from for with as was were is are be been had has have "
    "that which who than per while but when during into after before since until including "
    "among against vs versus between may can will must might should could would shall "
    # adverbs that end as plurals do: "from about 1960 onwards", "1980 onwards"
    "onwards afterwards towards backwards forwards upwards downwards always perhaps sometimes nowadays".split()
)
# German function words, which never end the noun a figure counts: "16 Bundesländer mit".
_GERMAN_STOP = frozenset(
    "mit und oder im von vom zu zum zur der das des dem den ein eine einer sind ist waren wurde "
    "wurden auf aus bei für nach über unter als wie sowie je gegen ohne um bis seit".split()
)
_NOUN_SKIP = frozenset("more other additional further".split())
_ADJECTIVE_NOUN_HEAD = frozenset(
    "private civilian military regular foreign new former "
    "armed total confirmed unidentified unnamed separate small large major".split()
)

# --- regexes --------------------------------------------------------------------------------

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d|\d)|\d+)(?:\.\d+)?"
_SCALE_WORD = r"(?i:thousand|million|billion|trillion)\b"
# A sign spaced off its number and glued to a word opens a program's comment: "x = 20 %The limit".
_PCT = r"(?:%|\s%(?![^\W\d_])|\s+(?:percent|per\s?cent)\b|\s+percentage\s+points?\b)"
# German writes 22.000 for 22,000 and 9,5 for 9.5.
_GERMAN_NUM = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
_GERMAN_SCALES = {"tausend": 1e3, "mio.": 1e6, "million": 1e6, "millionen": 1e6, "mrd.": 1e9,
                  "milliarde": 1e9, "milliarden": 1e9}
_GERMAN_SCALE_WORD = r"(?i:tausend|millionen|million|milliarden|milliarde)\b|(?i:mio|mrd)\."
_GERMAN_PCT = r"(?:\s?%|\s+Prozent\b)"


def _digit_claim_regex(number: str, scale_word: str, percent: str) -> re.Pattern[str]:
    return re.compile(
        rf"""
        (?=[\d$€£¥₹₽₺₼]|[A-Z]{{1,3}}\$|U\.S\.|[A-Z]{{3}}\s?\d)
        (?P<cur>{_CURRENCY})?
        (?P<num>{number})
        (?P<scale>\s*(?:{scale_word})|(?<=\d)(?:bn|mn|mln|tn|[mkb])\b(?![.'’]\w))?
        (?P<pct>{percent})?
        (?P<range>\s*(?P<conn>[{_DASH}]|\bto\b|\band\b|\bbis\b|\btot\b|\bà|â\u0080[\u0093\u0094])\s*
            (?P<cur2>{_CURRENCY})?(?P<num2>{number})
            (?P<scale2>\s*(?:{scale_word})|(?<=\d)(?:bn|mn|mln|tn|[mkb])\b(?![.'’]\w))?
            (?P<pct2>{percent})?)?
        """,
        re.X,
    )


_DIGIT_CLAIM = _digit_claim_regex(_NUM, _SCALE_WORD, _PCT)
_GERMAN_DIGIT_CLAIM = _digit_claim_regex(_GERMAN_NUM, _GERMAN_SCALE_WORD, _GERMAN_PCT)
# Function words frequent in German and rare in English: two of them mark a German text.
_GERMAN_WORDS = frozenset(
    "und der des dem den das ist sind wird werden wurde wurden mit auf eine einer einem nicht "
    "auch sich oder als im vom zum zur bei nach rund etwa jahr jahre die hat ein zu von über für "
    "während beträgt".split()
)
# A German ordinal: "am 20.", "im 19. und 20. Jahrhundert", "Rang: 14. als Land".
_GERMAN_ORDINAL = re.compile(
    r"(?:\b(?:am|im|vom|zum|beim|der|die|das|dem|den|des|bis|und|ab|seit)\s+\d{1,3}\.(?!\d)"
    r"|\b\d{1,3}\.(?=\s+[a-zäöüß]|\s*$|\s+(?:Jahrhundert|Jh)))"
)
# A German rank in a statement with too few words to tell its language by: "(Rang: 1. als Land,
# 3. als Gemeinde)", third as a municipality. English has no "als".
_RANK_AS = re.compile(r"\b\d{1,3}\.(?=\s+als\b)")
_WORD_TOKEN = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_WORD_CLAIM = re.compile(
    rf"""(?=[otfsenhmbdztaOTFSENHMBDZTA])\b(?:an?\s+(?=(?:{'|'.join(_SCALES)})\b))?(?:{_WORD_TOKEN})\b
        (?:[\s\-]+(?:{_WORD_TOKEN})\b|(?<=hundred)\s+and\s+(?:{_WORD_TOKEN})\b
           |(?<=thousand)\s+and\s+(?:{_WORD_TOKEN})\b)*""",
    re.X | re.I,
)
_VAGUE_CLAIM = re.compile(
    r"""(?=[shtdmbaSHTDMBA])\b(?:(?:several|a\s+few|many|some)\s+(?:hundred|thousand|dozen|million|billion)s?
         |(?:tens|hundreds)\s+of\s+(?:thousands|millions)
         |hundreds|thousands|dozens|millions|billions|scores\s+of
         |several(?!\s+times\b))\b""",
    re.X | re.I,
)

_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
# A fraction in words: "two-thirds", "a quarter", "half"; not "five-eighth", rugby league's name
# for a position (as a fraction it would be "five-eighths", or "five-eighth of" the whole).
_FRACTION_CLAIM = re.compile(
    rf"""(?=[aohtfsenAOHTFSEN])\b(?!five[\s\-]eighth\b(?!\s+of\b))(?:(?P<count>an?|{'|'.join(list(_UNITS)[1:11])})[\s\-]+
         (?P<part>{'|'.join(sorted(_DENOMINATORS, key=len, reverse=True))})|(?P<half>half))\b(?![\-\u2010\u2011])""",
    re.X | re.I,
)
# Words before a bare "half" that make it a share: "around half", "by half".
_HALF_QUANTIFIERS = frozenset(
    "around about nearly almost over than roughly approximately some just by under least only".split()
)
_MINUS_BEFORE = re.compile(r"\bminus\s+$", re.I)
_HALF_THRESHOLD = re.compile(r"\b(?:more|less|fewer)\s+than\s+$", re.I)
_CONDITION_OPENS = re.compile(r"\b(?:if|unless|so\s+long\s+as|as\s+long\s+as)\b[^,;.]*$", re.I)
# Words after a plural fraction that show it stands alone ("two-thirds of", "two-thirds were")
# rather than qualifying a noun ("a two-thirds majority").
_AFTER_STANDALONE = frozenset(
    "of were are was is have had will would could can may might must did do does voted".split()
)

_DAY = r"\d{1,2}(?:st|nd|rd|th|\.)?"
_DAY_OF_MONTH = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"  # a day a list of days before a month may open with
# A role on a team's staff or in its squad, after a member's name and a dash.
_STAFF_ROLE = (r"(?:Coach|Manager|Captain|Coordinator|Trainer|Physio|Director|Goalkeeper|Defender|Midfielder|Forward"
               r"|Pitcher|Catcher|Infielder|Outfielder|Guard|Centre|Center)")
# A record's format after its size: "vinyl", "single", "LP", "picture disc", "Picture Disc", "(7"
# picture)"; not a screen's "a 21" picture".
_RECORD_FORMAT = r"(?i:vinyl|singles?|records?|LPs?|EPs?|picture(?:\s+discs?|(?=\s*\))))"
# What a film gauge names: "35 mm film", "a 16 mm spring-wound Bolex camera", "35 mm lenses".
_FILM_WORDS = "films?|cameras?|lens(?:es)?|prints?|formats?|frames?|stock|gauge|projectors?|movies?|negatives?|reels?|cinema"
# Just after a volume in Roman numerals and its comma ("XVII, "): lookbehinds are of one width each.
_AFTER_ROMAN_VOLUME = "|".join(rf"(?<=\b[IVXL]{{{letters}}},\s)" for letters in range(1, 6))
# Just after a word for people of an age and its space ("Senior "): lookbehinds are of one width each.
_AFTER_AGE_CATEGORY = "|".join(rf"(?<=\b[{word[0].upper()}{word[0]}]{word[1:]}\s)"
                               for word in "senior seniors adult adults youth youths child children junior juniors".split())
# Spans that look numeric but are not claims; any candidate overlapping one is dropped. Each
# alternative, tried in this order at a position, comes with the group whose words or characters
# every match of it holds ("" for none): a text without them is searched without the group's
# alternatives, which can match nowhere in it, and so finds the same spans sooner.
# The two-letter codes of the states of the United States, by which their highways are numbered.
_STATE_CODES = ("AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC"
                "|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY")
# What joins scale degrees in a series: "♭3, ♭6 and ♭7", "7–6–♭6–5".
_DEGREE_LINK = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|to)\s+|\s*[–—-]\s*)"
# The speeds records turn at; one with its unit ("45 rpm", "33⅓ rpm", "78 r.p.m."); and two or
# more of them listed ("45 rpm, 78 rpm").
_RECORD_SPEED_VALUE = r"33(?:⅓|\s1/3)?|45|78"
_RECORD_SPEED = rf"(?<![\d.,])\b(?:{_RECORD_SPEED_VALUE})\s?(?:rpm\b|RPM\b|r\.p\.m\.)"
_RECORD_SPEED_LIST = rf"{_RECORD_SPEED}(?:\s*(?:,|and|or|/|&)\s*{_RECORD_SPEED})+"
_MASK_ALTERNATIVES = (
    ("", rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b"),  # ISO date
    ("", rf"\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"),  # 27/09/2020
    # a day, or days listed, before the month: "5 May", "8 and 9 October 2011", "8, 9, 26 and 27 October"
    ("", rf"\b(?:{_DAY_OF_MONTH}\s*,\s*)*{_DAY}(?:\s*(?:[{_DASH}]|and|to|or|&)\s*{_DAY})?\s+(?:of\s+)?(?:{_MONTHS})\b\.?"
         rf"(?:,?\s+\d{{4}}\b)?"),
    # chapter and verses with a spaced dash and no word after, wherever they stand, as a table of
    # passages gives them: "Adam to Noah 5:1 - 32", "11:10 - 26" (tried before a time; with the
    # dash unspaced, "5:1–32", it is read as a range already)
    ("", rf"\b\d{{1,3}}:\d{{1,3}}\s[{_DASH}]\s\d{{1,3}}(?![\d:.,]*\d)(?!\s*[^\W\d_])"),
    # a passage's book, chapter and verses in parentheses, numbers joined by bare commas: "Vishnu
    # Purana (2,1,31)", "Agni Purana ( 107,11-12)"; not figures grouped in thousands, "(10,000–15,000)"
    ("", rf"\(\s?(?=[\d,{_DASH}]*,(?!\d{{3}}(?!\d))\d)\d{{1,3}}(?:,\d{{1,3}}(?:[{_DASH}]\d{{1,3}})?)+\s?\)"),
    ("", rf"\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?"),  # 04:00, 3:15 pm
    ("units", rf"\b\d{{1,2}}(?:\.\d{{2}})?\s*[ap]\.m\."),  # 3 p.m.
    ("units", rf"\b\d{{1,2}}\s?(?:am|pm|AM|PM)\b"),  # 9 am-5 pm
    ("", rf"\b\d{{1,2}}\s+o['’]clock\b|\b12\s+(?:midnight|noon)\b(?!\s+[a-z]+s\b)"),  # "6 o'clock", "12 midnight"
    # a station by its frequency on the FM band and its call sign: "96.1 KYDO Campo", "100.1 KKLJ"
    ("", rf"\b(?:8[89]|9\d|10[0-7])\.\d\s+[KW][A-Z]{{2,3}}(?:-FM)?\b"),
    # a time on the 24-hour clock: after "@" or a year ("7 December 1917 @ 1130 hours", "13 December
    # 1917 ca. 1100 hours"), or after "at", "until" … where no round number of hours could be meant
    # ("at 0600 hrs", "at 1130 hours"; not "rated at 1000 hours", "from 1500 hours to 2000 hours")
    ("", rf"(?:(?<=@)|(?<=@\s)|(?<=\d{{4}}\sca\.\s)|(?<=\d{{4}}\sc\.\s))(?:[01]\d|2[0-3])[0-5]\d\s?(?:hours|hrs)\b"
        rf"|(?:(?<=\b[Aa]t\s)|(?<=\bca\.\s)|(?<=\bc\.\s)|(?<=\bcirca\s)|(?<=\buntil\s)|(?<=\bfrom\s))"
        rf"(?:0\d[0-5]\d|(?:1\d|2[0-3])(?:[0-5][1-9]|[1-5]0))\s?(?:hours|hrs)\b(?!\s+of\b)"),
    ("", rf"\b\d{{1,3}}(?:\+\d{{1,2}})?['′](?=\s*(?:\(|[A-Z]|,|$))"),  # "26' Mamadou Diallo", "90+1'": a goal's minute
    # … and written with a stop in brackets after the scorer: "L. Oláh (77.)", "Rudolf (38. - pen, 66.)",
    # "Böőr (90.+1)", "Pomper (56. - o.g.)"
    ("", rf"(?:(?<=[^\W\d]\s\()|(?<=\.,\s)|(?<=\bpen,\s))\d{{1,3}}\.(?:\+\d{{1,2}})?"
        rf"(?=\s*(?:-\s*(?:pen|o\.g)\b|,\s*\d{{1,3}}\.|\)))"),
    # a highway by its route number: "US 395 towards Alturas", "NV 140", "I-5"; not "US 5 million",
    # nor a count of things after a state's code ("ID 2 cards")
    ("", rf"(?:(?<=\bUS[ -])|(?<=\bI[ -])|(?<=\bSR[ -])|(?<=\bSH[ -])|(?<=\b(?:{_STATE_CODES})[ -]))\d{{1,4}}[A-Z]?\b"
        rf"(?![.,]\d)(?!\s*(?:%|percent|million|billion|thousand|dollars?)\b)(?!\s+(?!towards\b)[a-z]+s\b)"),
    # a finishing place named as a category of a career's record: "Top 10 finishes – 0"
    ("", rf"(?<=\bTop\s)\d{{1,3}}\b(?=\s+finishes\b)"),
    # a knockout stage, named by the players it has left, or capitalised as a stage's name ("R1 =
    # Round 1 (Round of 32)"); not a golfer's "a round of 64"
    ("", rf"(?:(?<=\b[Tt]he\s[Rr]ound\sof\s)|(?<=\bRound\sof\s))(?:16|32|64|128)\b"),
    # a record's format: 7" vinyl, a 12" single, "(7" picture)", "10" Picture Disc"
    ("media", rf"""\b\d{{1,2}}(?:["″”]|-inch)\s*\b(?={_RECORD_FORMAT}\b)"""),
    # a record's size as an item of a release's formats: "vinyl, 12", Promo", "CD, 7" and 12" single"
    ("media", r"""(?:(?<=\b[Vv]inyl,\s)|(?<=\b[Vv]inyl\s))(?:7|10|12)["″”]"""),
    ("media", rf"""(?<![\w.])(?:7|10|12)["″”](?=\s*(?:and|or|&|/)\s*(?:7|10|12)["″”]\s*{_RECORD_FORMAT}\b)"""),
    # a record's speed: "the first 33⅓ rpm picture disc", "a 78 rpm record"; speeds records turn
    # at, listed alone as a release's formats are in its box ("45 rpm, 78 rpm"; see also
    # ``_RECORD_SPEEDS``); not "The turbine spins at 78 rpm"
    ("media", rf"""\b(?:{_RECORD_SPEED_VALUE}|16(?:⅔)?)(?=\s?(?:rpm|RPM|r\.p\.m\.)\s+"""
              rf"""(?:{_RECORD_FORMAT}|(?i:discs?|shellac|albums?))\b)"""
              rf"""|^\s*{_RECORD_SPEED_LIST}\s*$"""),
    # scale degrees, as music theory writes them, with the series they stand in: "♭3, ♭6 and ♭7",
    # "7, 6, ♭6 and 5" (a descent a flat or a sharp marks as one of degrees)
    ("", rf"(?:(?<=[♭♯♮])|(?<![\w♭♯♮])\d{{1,2}}(?:{_DEGREE_LINK}[♭♯♮]?\d{{1,2}})*{_DEGREE_LINK}[♭♯♮])"
         rf"\d{{1,2}}\b(?:{_DEGREE_LINK}[♭♯♮]?\d{{1,2}}\b)*"),
    # a sound system's channels, a format's name: "5.1 surround sound", "7.1 surround"
    ("", rf"\b[2-9]\.[12](?=\s+surround\b)"),
    # an HTTP response's status code after the protocol's version: "HTTP/1.1 200 OK" (a code
    # before its capitalised reason, "HTTP 404 Not Found", is no figure already)
    ("", rf"(?<=\bHTTP/\d\.\d\s)[1-5]\d\d\b"),
    # a record's size and speed together, a format's name: "Vinyl record (7" 45 RPM)", "12" 33⅓ rpm"
    ("media", rf"""\b(?:7|10|12)["″”]\s*(?:33(?:⅓|\s1/3)?|45|78)\s?(?:rpm|RPM|r\.p\.m\.)"""),
    # a split or double single named by its size: "Megadeth/LTJ split 7″", "a double 7″"
    ("media", r"""(?:(?<=\bsplit\s)|(?<=\bdouble\s))(?:7|10|12)["″”](?=\s*(?:$|[(),;/]))"""),
    # a record's size before a maxi single ("CD maxi, 7" maxi, digital download"); not a garment's
    # length, "a 12" maxi dress"
    ("media", r"""(?<![\w.])(?:7|10|12)["″”](?=\s*maxi\b(?!\s+(?:length|dress|skirt|coat)))"""),
    ("media", rf"\(\d{{1,3}}\s+episodes?(?:,\s*[^()]{{1,30}})?\)"),  # "Tara Strong (1 episode)": a credit
    # 35 mm film: a gauge, also two words or a make and a model before what it names ("a 16 mm
    # spring-wound Bolex "H16" Reflex camera"; not "35 mm of rain on the film set")
    ("media", rf"""\b(?:8|9\.5|16|35|65|70)\s?mm(?=(?:[\s\-]+[\w\-]+){{0,2}}(?:\s+(?:["“][^"”\s]{{1,12}}["”]|[A-Z][\w\-]*)){{0,2}}"""
              rf"""[\s\-]+(?:{_FILM_WORDS})\b)"""),
    ("media", rf"\b(?:110|120|126|127|135|220|620|828)\s(?=(?:film|format)\b(?!s))"),  # 120 film, 126 format: a roll film's name
    # a railway's gauge: "1,600 mm (5 ft 3 in) broad gauge", "the 1,435 mm standard gauge"
    ("media", rf"\b\d[\d,.]*\s?mm(?:\s*\([^()]{{1,25}}\))?(?=[\s\-]+(?:(?:broad|standard|narrow|metre|meter|cape|irish|russian|iberian)[\s\-]+)?gauge\b)"),
    ("", rf"\b\d+(?:\.\d+){{2,}}\b"),  # section 3.2.1, versions
    # "nylon 6", "nylon 6,6": a polymer's name, as chemists number them; not "nylon 12,000 tonnes",
    # "nylon 12 million pounds", "nylon 30%"
    ("", r"(?:(?<=\b[Nn]ylon\s)|(?<=\b[Nn]ylon-))(?:6[,/-]?6|6[,/]1[02]|4[,/]?6|6|11|12|46|510|610|612)\b"
         r"(?![,.]?\d)(?!\s*(?:%|[a-z]*illion|thousand|kilo|mega|percent|per\s+cent|tonnes?|tons?|kg|lbs?|pounds?)\b)"),
    # a ring system's bridges: "spiro-[5.4]decane", "bicyclo[2.2.2]octane"
    ("", r"(?:(?<=spiro)|(?<=spiro-)|(?<=cyclo)|(?<=cyclo-))\[\d{1,2}(?:\.\d{1,2}){1,3}\]"),
    # a weight class, signed, in a title's name: "Benelux Muay Thai -70 kg Champion", "the +100 kg
    # title"; not a change ("refit: −120 kg.", "lighter (−45 kg) than"), nor a range's end ("90 -110 kg")
    ("", r"(?:(?<=\s[-−+])|(?<=^[-−+]))\d{2,3}(?:\.\d)?\s?kg\b"
         r"(?=\s+(?:[A-Z]|categor|class|division|title|event|weight))"),
    # a class of engines or ships named by its number, "Class" capitalised: "the 52 Class and 60
    # Class"; not a count of a class's members, "4 Class I railroads", "2 Class A shares", "12
    # Class-A buildings", "20 Class 37 locomotives", "2,000 Class 08 shunters"
    ("", r"(?<![\w,.])\d{1,4}\s+Class\b(?!\s*-?\s*(?:[IVX]{1,4}|[A-Z]|\d+)\b)"),
    # an IEEE 802 standard, named without its body: "CSMA/CA in 802.11", "802.3ab"; not a measure, "802.11 km"
    ("", rf"(?<![\d.,$€£¥])\b802\.(?:1\d|2[0-4]|[1-9])[a-z]{{0,3}}\b(?![.,]\d)(?!\s?(?:%|[^\W\d_]{{1,2}}\b(?<!in|is|to|or)"
        rf"|(?:miles?|metres?|meters?|tons?|tonnes?|acres?|hectares?|square|per|percent|points?|people|votes)\b))"),
    ("units", rf"""\d+(?:\.\d+)?°\s*(?:\d+(?:\.\d+)?[′']\s*(?:\d+(?:[.,]\d+)?[″"]\s*)?)?[NSEW]\b"""),  # coordinates
    ("units", rf"""\d+°\s*\d+[′']\s*(?:\d+(?:[.,]\d+)?[″"])?"""),  # 52° 31′ 7″
    ("", rf"\b\d{{1,2}}\s\d{{2}}\s[NS](?:,|\s+and)?\s+\d{{1,3}}\s\d{{2}}\s[EW]\b"),  # coordinates without signs: 8 00 N and 38 00 E
    # decimal coordinates a coordinates template prints after the compass points, in brackets or
    # after a slash: "88°0′W (42.2650,-88.0047)", "88°0′17″W / 42.2650; -88.0047."
    ("", rf"(?:(?<=[NSEW]\s\()|(?<=[NSEW]\()|(?<=[NSEW]\s/\s))-?\d{{1,2}}\.\d{{3,}}\s*[,;]\s*-?\d{{1,3}}\.\d{{3,}}(?!\d|\.\d)"),
    ("", rf"\[\d+\]"),  # a stray citation marker
    ("", rf"(?<![\w.,]\.)(?<=\.)\d{{2,3}}(?=\s+[A-Za-z])(?!\s+per\s?cent)"),  # a calibre: .44 percussion, .45 Colt
    ("units", rf"\d+(?:[{_DASH}]\d+)?\s?pp?\."),  # "103-36 pp.": pages
    ("", rf"\{{\d+\}}"),  # the set {0}
    ("", rf"\(\d{{1,3}}(?:,\s?\d{{1,3}})+\)"),  # "Tumblers (1, 12)": figure numbers
    ("", rf"^\s*\d{{1,2}},(?=\s+[a-z])"),  # "2, stabilizing selection": a label
    ("", rf"\(\d{{1,3}}\)(?!\s*[%$€£])"),  # "(2)": a volume or item label
    # a squad's or a staff's shirt number before a name and its role: "4 Dax Norris – Assistant Coach";
    # not a count and a remark, "5 Gold Medals - Athletics"
    ("", rf"^\d{{1,2}}(?=\s+[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+){{1,2}}\s+[{_DASH}]\s+(?:[A-Z][a-z]+\s+)?{_STAFF_ROLE}\b)"),
    # a racehorse's age class as a heading writes it: "2002 Season as a 2 Year Old"
    ("", rf"\b[2-9](?=\s+Year\s+Old\b)"),
    # the ages that name a fare's or a ticket's category: "Senior (65+)", "Youth (6–17)"
    ("", rf"(?:{_AFTER_AGE_CATEGORY})\(\d{{1,2}}(?:\+|\s?[{_DASH}]\s?\d{{1,2}})\)"),
    ("", rf"\(\d{{1,2}}\s+of\s+\d{{1,2}}\)\s*$"),  # a label that closes a row's name: "Kajima Corp. Ltd. (2 of 2)"
    ("", rf"\([IVXL]+,\s?\d{{1,3}}\)"),  # "(XI, 97)": a classical work's book and chapter
    ("records", rf"\d[\d,]*(?:\s*(?:{_DASH_SIGN}|and|to)\s*\d[\d,]*)?\s*(?:BCE|BC|CE|AD|B\.C\.(?:E\.)?|A\.D\.)(?![\w])"),  # 330 BCE
    ("records", rf"\d+(?:\s*[{_DASH}]\s*(?:حوالي\s*)?\d+)?\s*(?:قبل\sالميلاد|ق\.\s?م)"),  # حوالي 570 - حوالي 495 قبل الميلاد
    ("", rf"\d{{1,2}}:(?=\s+[A-Z])"),  # "1: Amniotic sac 2: Embryo"
    ("", rf"(?<![\d{_DASH}])\d{{1,2}}[{_DASH}]\d{{1,2}}:(?=\s+[A-Z])"),  # a season's row: "11–12: Denmark Series"; not "12-12-12: The Concert"
    ("", rf"\b\d{{1,2}}(?:\+\d{{1,2}})+:(?=\s+[^\W\d_])"),  # a key naming parts together: "(1+2+3: envelope)"
    # ratios 4.5:1, 2:1:1, scores 3:2; not a number before a coordinate ("AAF #4: 32°43′11″N")
    ("", rf"\d+(?:\.\d+)?(?:\s*:\s*\d+(?:\.\d+)?)+(?![\d°])"),
    ("addresses", rf"\d{{1,5}}\s+[NSEW]\.\s+[A-Z]"),  # 620 N. Michigan
    # 201 E. Ontario Street, 805 Bedford St., and a range of houses: 86-127 Mansfield Hollow Rd.
    # not a count of people or things a place names ("2,000 Red Crescent volunteers", "50 Savile
    # Row tailors")
    ("addresses", rf"(?<![\d,.])\d{{1,5}}(?:{_DASH_SIGN}\d{{1,4}})?\s+(?:[NSEW]\.?\s+)?"
        rf"(?:(?:[A-Z][\w'.\-]*|\d+(?:st|nd|rd|th))\s+){{1,3}}"
        rf"(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Place|Square|Way|Court|Parkway"
        rf"|Crescent|Terrace|Highway|Circle|Trail|Turnpike|Row)(?!\w)"
        rf"(?![ \t]+(?:[A-Z][\w'.\-]*\s+)?(?!(?:was|is|has|does|as|its|his|this|thus|plus|across)\b)[a-z]+s\b)"),
    # a house on Broadway: "222 Broadway, Winnipeg"; not "1,500 Broadway performances"
    ("addresses", rf"(?<![\d,.])\d{{1,5}}\s+Broadway\b(?!\s+[a-z]+s\b)"),
    # a numbered street, perhaps of a city's quadrant: "36 Street East", "17 Avenue SW", "8 Street
    # (Airdrie)", "1 Avenue"; and a rural road by its number: "Range Road 15 & 20"
    ("addresses", rf"\b\d{{1,3}}\s+(?:Street|Avenue)\b(?!\s+[a-z]+s\b)"),
    ("", rf"(?:(?<=\bRange\sRoad\s)|(?<=\bTownship\sRoad\s))\d{{1,4}}(?:\s*(?:&|and)\s*\d{{1,4}})?"),
    # a meridian or a parallel by its degree: "114° Longitude"
    # (or "32° north latitude"; not "At 45° latitude the sun sets early")
    ("units", rf"\b\d{{1,3}}°\s*(?:(?:[NSEW]\s+)?(?:Longitude|Latitude|[Mm]eridian|[Pp]arallel)"
              rf"|(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)\s+(?:[Ll]atitude|[Ll]ongitude))\b"),
    ("addresses", rf"\d{{1,5}}(?:{_DASH_SIGN}\d{{1,4}})?,?\s+(?:rue|avenue|boulevard|quai|place|via|viale|calle|piazza|plaza)"
        rf"\s+(?:(?:de|du|des|de\s+la|della|del|di)\s+|(?:de\s+)?[ld]['’])?[A-Z]"),  # 29 avenue Rapp, 22 rue de Provence, 4 rue de l'Eau
    ("addresses", rf"\d{{1,5}}(?:{_DASH_SIGN}\d{{1,4}})?,\s+(?:[A-Z][a-z]+,\s+)?[A-Z][a-z]+-(?:cho|machi|chome|ku|shi|gun)\b"),  # 300, Takatsuka-cho
    ("", rf"\b\d{{3}}·[A-Z]{{3}}\b"),  # a licence plate's serial, digits and letters joined by a dot: "101·AAA"
    # an engine's model by its cylinders and series: "16-645E", "20-645F", "16-710G3A"
    ("", rf"\b\d{{1,2}}-\d{{3}}[A-Z][0-9A-Z]{{0,3}}\b"),
    # … or by its displacement in litres and its layout, as "a 5.0-litre V8" names one: "the 5.0 V8",
    # "Porsche 753 1.5 F8", "2.0 I4"; not its displacement alone ("5.0 L", "5.0 litres"), nor the end
    # of a range of them ("bored out from 4.6 to 5.4 V8 spec")
    ("", rf"(?<!\bto\s)(?<![–\-])\b\d{{1,2}}\.\d\s?(?:[VWHF](?:4|6|8|10|12|16)|I[346])\b"),
    # a house's number after its street, then the postcode and the city: "General Mitre, 151 08022
    # Barcelona", "Avinguda Diagonal, 640, 08017 Barcelona"
    ("", rf"(?<=,\s)\d{{1,4}},?\s+\d{{5}}\s+[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?(?=\s*(?:[,;.)]|$))"),
    ("", rf"§\s*\d[\d.]*"),
    ("records", rf"(?<=(?:UTC|GMT)[+−\-–])\d{{1,2}}(?::\d{{2}})?"),  # a time zone: UTC+8, GMT−3:30
    ("", rf"(?<=[^\d\s:]):\d+(?:[{_DASH}]\d+)?(?::\d+)*(?![\d,.]\d)"),  # a page cite: "minutes.:16", "(1994):5"
    ("", rf"""["”]\s?:\s?\d+(?:[{_DASH}]\d+)?"""),  # "...in nature.": 612
    ("", rf"(?<![\w'’])['’]\d{{2}}\b(?![\w'’])"),  # Class of '94
    # a station's place on the dial, FM or AM: "WSUM (91.7 FM)", "KABC (790 AM)", or its name
    # between ("102.4 Wish FM"); no time of day
    ("", rf"\b(?:(?:8[7-9]|9\d|10[0-8])\.\d\s?(?:[A-Z][\w'’&]*\s){{0,3}}FM|(?:5[3-9]\d|[6-9]\d\d|1[0-6]\d\d|1700)\s?AM)\b"),
    # a subway's services named by their digits and letters: "(4 5 6 <6> N Q R trains)", and a few
    # in brackets or after "the": "(5 and 6 trains)"; not "runs 5 or 6 trains an hour", "the 2 or 3 trains"
    ("", rf"(?<![\w.,])\d(?:\s+(?:\d|<\d>|[A-Z])(?!\w)){{2,}}(?=\s+(?:trains?|services?)\b)"),
    ("", rf"(?:(?<=\()|(?<=\b[Tt]he\s))\d(?:\s+(?:and|&)\s+\d)+(?=\s+trains?\b)"),
    # a number in the possessive names something ("at 24's season 7 finale", an award's category
    # "20's Male Movie Star"); not a plural with an apostrophe ("highs in the 60's and 70's F",
    # "100's of people")
    ("", rf"(?<![\d.,])\d+['’]s(?=\s+(?!(?:and|or|to|through|of|in|on|at)\b)(?:[a-z]|[A-Z][a-z]))"),
    # a part of a decade: "the mid 60's", "the late 70's and early 80's"; not a temperature ("mid 60's °F")
    ("", r"(?:(?<=\b[Mm]id\s)|(?<=\b[Ll]ate\s)|(?<=\b[Ee]arly\s))\d0['’]s\b(?!\s*(?:°|F\b))"),
    ("records", rf"\d+\s+(?:U\.S\.C\.|C\.F\.R\.|Stat\.|U\.S\.(?=\s+\d)|S\.\s?Ct\.)"),  # 29 U.S.C. § 654, 410 U.S. 113
    ("records", rf"\b\d+[\s_]+(?:CFR|USC)[\s_]+(?:(?:Part|part|§)[\s_]*)?\d+(?:\.\d+)?\b"),  # a regulation: 21 CFR 820, 21 CFR Part 11
    ("", rf"\b\d+(?:\([a-z0-9]{{1,3}}\))+"),  # subsection 5(a), 12(b)(2)
    # a journal's volume and page after its abbreviated title: "Ann. Chem. Phys. 13, 145, (1908)"
    ("", rf"(?<=[A-Za-z]\.\s)\d{{1,4}},\s?\d{{1,5}}(?:[{_DASH}]\d{{1,5}})?,?\s?\((?:1[5-9]|20)\d\d\)"),
    # a volume in Roman numerals and its pages, then the year: "t. XVII, 449–458 (1843)"
    ("", rf"(?:{_AFTER_ROMAN_VOLUME})\d{{1,5}}(?:{_DASH_SIGN}\d{{1,5}})?(?=,?\s?\((?:1[5-9]|20)\d\d\))"),
    # locants, some of a fused ring's lettered: 1,3-butadiene, 2,4-D, "4,6,6a,7,8,9-hexahydro"
    ("", rf"\b\d{{1,2}}[a-z]?(?:,\d{{1,2}}[a-z]?)+['′]?-(?=[^\W\d_])"),
    # primed locants of a nucleotide's sugar, also where a copy breaks the line after the
    # hyphen: "3'-phosphate", "2',3'-cyclic", "5′- triphosphate"
    ("", rf"\b\d{{1,2}}['′](?:,\d{{1,2}}['′])*-(?=\s?[^\W\d_])"),
    # a ring's positions: "protonation at the 2 position", "substituents at the 3 and 4 positions";
    # a single number before "positions" may count them ("moved up the 3 positions")
    ("", rf"(?<=[Tt]he\s)\d{{1,2}}\s+position\b|(?<=[Tt]he\s)\d{{1,2}}(?:,\s?\d{{1,2}})*,?\s+(?:and|or)\s+\d{{1,2}}\s+positions\b"),
    ("", rf"\b\d{{1,2}}(?:,\d{{1,2}})+\s(?=[a-z]{{3,}}(?:ic|yl|ol|ene|ane|ine|ide|ate|one)\b)"),  # 1,4 benzenedicarboxylic acid
    # one locant before a bracketed substituent glued to the rest of the name: "6-(hydroxymethyl)oxane"
    ("", rf"\b\d{{1,2}}[a-z]?['′]?-(?=\([^()\s]{{3,40}}\)[a-z])"),
    ("", rf"\b\d{{2,7}}-\d{{2}}-\d\b"),  # a CAS registry number: 107-21-1
    # a structure's identifier: "InChI=1S/CH4N2O/c2-1(3)4/h(H4,2,3,4)", and the standard
    # temperature a thermochemical symbol carries: "ΔfH⦵298" (its copy's mojibake "Hâ¦µ298")
    ("", rf"(?<=InChI=)\S+|(?:(?<=⦵)|(?<=\u00b5))298\b"),
    ("", rf"\d[\d,.]*\s?[x×](?=\s?magnification\b)"),  # a micrograph's "110,510 x magnification"
    # the level that names an interval: "a 95 percent confidence interval", "the 99% CI"
    ("", rf"\b\d{{2}}(?:\.\d+)?\s?(?:%|percent|per\s?cent)(?=[\s_\-]+(?:(?:confidence|credible|prediction)[\s_\-]+"
        rf"(?:intervals?|levels?|limits?|bounds?|bands?|regions?)\b|CI\b))"),
    # a coordination complex's formula, its count and charge after the bracket: "[Co(NH3)6]3+",
    # "Pd[P(C6H5)3]4", "[FeIII(CN)6]3−"
    ("", rf"\[(?:[A-Z][a-z]?\d*|\((?:[A-Z][a-z]?\d*)+\)\d*|[IVX]+(?![a-z]))+\]\d*(?:[+−-]|â\x88\x92)*"),
    ("", rf"\[\d{{1,2}}(?:[,+]\d{{1,2}})+\](?=-?\s?[a-z]|-,?\s)"),  # a reaction's locants: [1,7]-hydride shift, [4+2] cycloaddition, "[4+2]-, [2+2]-, and"
    ("", rf"\d+(?:,\s?\d+)+,\s?(?:\.\.\.|…)"),  # a sequence: 1, 2, 3, ...
    # signed values in a row, such as an element's oxidation states: "−4, −2, −1, +1, +2, +3, +4"
    ("", rf"(?:(?<=(?<![\w.])[+−-])|(?<=â\x88\x92))\d{{1,2}}(?:,\s?(?:[+−-]|â\x88\x92)\d{{1,2}}){{2,}}(?![\d.])"),
    ("", rf"\b1,\s?2,\s?3(?:,\s?\d+)*(?:,?\s(?:and|or)\s\d+)?\b"),  # the cases 1, 2, 3 and 4
    ("", rf"\b1\s?(?:in|-in-)\s?\d+[\s\-]year\b"),  # a 1 in 100 year storm: a return period
    # the school grades a school takes: "grades 6-8", "(K-12)"
    ("", rf"(?:(?<=grade\s)|(?<=grades\s)|(?<=Grade\s)|(?<=Grades\s))\d{{1,2}}(?:\s*(?:[{_DASH}]|to|through)\s*\d{{1,2}})?\b"
        rf"|\(P?K\s?[{_DASH}]\s?\d{{1,2}}\)"),
    ("", rf"\(\s*\d+\s*$"),  # "lithium-6 (6": a notation the copy broke off
    ("units", rf"\d+\s?(?:cc|kg)\b(?=\s+(?:class|title|category|Grand\s+Prix|championship)\b)"),  # the 50 cc class: a name
    # a weight class named by its limit: "Middleweight <82 kg", "Heavyweight (+100 kg)"
    ("units", rf"(?:(?<=weight\s)|(?<=weight\s[<>≤≥+−\-])|(?<=weight\s\()|(?<=weight\s\([<>≤≥+−\-]))\d{{2,3}}(?:\.\d)?\s?kg\b"),
    ("", rf"(?:(?<=[:;]\s)|(?<=;\sand\s))\d{{1,2}}\.(?=\s|$)"),  # "from left to right: 1. Band-e Amir; 2. Salang"
    # a relay or a team event by its legs: "4×100 m relay", "4 × 200 metre freestyle", "Team sprint
    # large hill/2 × 7,5 km"; not an area, "3 × 12 km"
    ("units", rf"\b[2-9]\s*[x×]\s*(?:\d{{2,4}}\s?(?:m|metres?|meters?)\b|(?<=/[2-9]\s[x×]\s)\d,\d\s?km\b)"),
    ("units", rf"(?<=\b[CK]-[1-4]\s)\d{{3,5}}\s?(?:m|metres|meters)\b"),  # a canoe or kayak event: "C-1 1000 m", "K-4 500 m"
    # the 100 m final; an event's name, capitalised: "20km Race Walk", "400 m Hurdles"; "500 m time trial"
    ("units", rf"\d{{2,5}}[\s\-]?(?:m|metres?|meters?|km|yards?|miles?)\b(?=\s+(?:relay|hurdles|steeplechase|freestyle|backstroke"
        rf"|breaststroke|butterfly|medley|individual|dash|sprint|race|event|final|heats?|semi-?finals?"
        rf"|title|world|record|champion|gold|silver|bronze|run|walk|specialist"
        rf"|Relay|Hurdles|Steeplechase|Freestyle|Backstroke|Breaststroke|Butterfly|Medley|Race|Run|Walk"
        rf"|Track\s+Walk|Road\s+Walk|time\s+trial|Time\s+Trial)\b)"),
    # a diving event by its board's height: "women's 1 metre springboard", "10 m platform"
    ("units", rf"\b(?:1|3|5|7\.5|10)\s?(?:m|metres?|meters?)\b(?=\s+(?:synchroni[sz]ed\s+)?(?:springboard|platform)\b)"),
    # an event of a schedule or a records table by its distance and field ("500 metres men",
    # "5 km walk (road)"), or a meet by its distance ("Mexican 100 km Championships"); not "a
    # 2.5 km walk from the village"
    ("units", rf"(?<![\d.,])\d{{1,5}}\s?(?:m|metres?|meters?|km)\b"
        rf"(?=\s+(?:(?:wo)?men\b|[Cc]hampionships?\b|walk\s\((?:road|track)\)))"),
)
# What every match of a group's alternatives holds: a unit's or a clock's word or a degree sign;
# an era, a time zone or a law's abbreviation (or Arabic "before Christ"); a street's word; a
# record's or a programme's word.
_UNIT_MASK_WORDS = frozenset("m am pm p pp cc kg metre metres meter meters km yard yards mile miles".split())
_RECORD_MASK_MARKS = re.compile(r"BC|CE|AD|B\.C\.|A\.D\.|ق|UTC|GMT|U\.S\.|C\.F\.R\.|CFR|USC|Stat\.|Ct\.")
_ADDRESS_MASK_MARKS = re.compile(r"[NSEW]\.")
_ADDRESS_MASK_WORDS = frozenset(
    "street st avenue ave road rd boulevard blvd lane drive place square way court parkway crescent terrace "
    "highway circle trail turnpike row broadway "
    "rue quai via viale calle piazza plaza cho machi chome ku shi gun".split()
)
_MEDIA_MASK_WORDS = frozenset(
    "vinyl single singles split double maxi record records lp ep disc discs picture rpm episode episodes film films camera "
    "cameras lens lenses print prints "
    "format formats frame frames stock gauge projector projectors movie movies negative negatives reel reels cinema".split()
)
_MASK_GROUPS = ("units", "records", "addresses", "media")


@functools.cache  # compiled once for each set of groups
def _masks_for(groups: tuple[str, ...]) -> re.Pattern[str]:
    """The masks' search with the alternatives of no group and those of ``groups``, in order;
    the pattern opens with a cheap lookahead so the engine skips most positions at once."""
    alternatives = "\n| ".join(alternative for group, alternative in _MASK_ALTERNATIVES
                               if not group or group in groups)
    return re.compile(rf"""(?=[\d\[§(:"”'’{{])(?:{alternatives})""", re.X)


def _mask_groups(text: str, words: frozenset[str]) -> tuple[str, ...]:
    """The groups of ``_MASK_ALTERNATIVES`` that may match in ``text`` (whose words are ``words``)."""
    units = "°" in text or not words.isdisjoint(_UNIT_MASK_WORDS)
    records = _RECORD_MASK_MARKS.search(text) is not None
    addresses = not words.isdisjoint(_ADDRESS_MASK_WORDS) or _ADDRESS_MASK_MARKS.search(text) is not None
    media = not words.isdisjoint(_MEDIA_MASK_WORDS)
    return tuple(group for group, may in zip(_MASK_GROUPS, (units, records, addresses, media)) if may)


# A race named by its distance: "the 100 m", "The 60 metres was an Olympic event", "100 metres
# runners", "60 metres is a sprint event", "the indoor 5000 m", "her personal best time over 800
# m", "60 metres (indoor)", a list of
# races ("Event(s): 5000 metres, 10,000 metres"); and a yacht class, its unit capitalised ("a 12
# Metre").
_RACE = r"(?:50|60|100|110|200|400|800|1500|3000|5000|10,?000)\s?(?:m|metres|meters)\b"
_THE_RACE = r"\b[Tt]he\s+(?:men's\s+|women's\s+)?"  # "the 100 m", "the women's 800 m"
_EVENT_DISTANCE = re.compile(
    rf"{_THE_RACE}({_RACE})"
    rf"|\b(?:[Ii]ndoor|[Oo]utdoor)\s+({_RACE})"
    # a best or a record of a race: "her personal best time over 800 m", "records for 200 m over a
    # straight track"; not "grows best at 1500 m", "a depth record at 400 m", "the record for 800 m of track"
    rf"|\b(?:(?:personal|season|lifetime|world|national)\s+(?:bests?|records?)(?:\s+times?)?\s+(?:over|in|at|for)"
    rf"|records?\s+for)\s+({_RACE})(?!\s+(?:of|wide|deep|high|long|tall|above|below)\b)"
    rf"|\b({_RACE})(?=\s*\((?:[Ii]ndoor|[Oo]utdoor)\)\s*(?:$|[,;]))"  # a table's event: "60 metres (indoor)"
    rf"|\b({_RACE}(?:,\s*(?:and\s+)?{_RACE})+)"
    r"|\b((?:50|60|100|110|200|400|800|1500|3000|5000|10,?000)\s(?:metres|meters))"
    r"(?=\s+(?:is|was|event|events|race|races|runners?|sprint|sprinters?|hurdles|final|dash|record|champion|title)\b)"
    # an event by its field and distance: "Women's 500 metres", "Men's 15 kilometre classical"; not
    # "a mixed 12 km path", "a women's 40 km outreach service"
    r"|\b(?:Men's|Women's|Boys'|Girls'|Ladies'|Mixed)\s+"
    r"(\d{1,3}(?:,?\d{3})?\s?(?:m|metres|meters|km|kilometres?|kilometers?)\b)"
    rf"|\b(?:men's|women's)\s+({_RACE})"  # in prose, a race's own distance: "women's 800 m and men's 1500 m wheelchair races"
    r"|\b(\d{2,5}\s?(?:m|metres|meters|km|kilometres?|kilometers?))(?=\s+details\s*$)"  # a results table's event: "500 metres details"
    r"|\b(?:an?|the|legal)\s(\d{1,2}\s(?:Metre|Meter))\b(?!\s+\w+e[nrs]?\b)"  # not German "25 Meter hohe"
    r"|\b(\d{1,2}\s(?:Metre|Meter))(?=\s+(?:class|yachts?|boats?|rule)\b)"
)
_EVENT_DISTANCE_UNITS = frozenset(["m", "metres", "meters", "metre", "meter", "km", "kilometre", "kilometres",
                                   "kilometer", "kilometers"])
# Races after the first of a list where the text tells of athletics: "selected for both the 1500 m
# and 3000 m at the 1982 Commonwealth Games"; not "between the 1500 m and 3000 m contours".
_MORE_RACES = re.compile(rf"{_THE_RACE}{_RACE}((?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_RACE})+)")
_ATHLETICS_WORDS = frozenset("race races raced event events run ran runner runners athletics athlete athletes medal "
                             "medals games championships championship final finals heats sprint relay olympics".split())
_MONTH_WORDS = frozenset(_MONTHS.lower().split("|"))
_MONTH_MASKS = re.compile(
    rf"""(?=[JFMASOND])(?:
      \b(?:{_MONTHS})\b\.?\s+{_DAY}(?!\d)(?:\s*(?:[{_DASH}]|and|to)\s*{_DAY}(?!\d))?(?:,\s*\d{{4}}\b|\s+\d{{4}}\b)?
    | \b(?:{_MONTHS})\b\.?,?\s+\d{{4}}\b                            # September 2020
    )""",  # a year after the day's comma with no space, too: "August 5,2013"
    re.X,
)
# A day before a month named in any language the date reader knows, then the year, as articles of
# other wikis and copied references write dates: "15. august 2004", "28 Februarie 2010", "14
# juillet 1789", "15 януари 2010"; in lower case, as most languages write them, or capitalised as
# German and Afrikaans do, and with the year: a foreign month's name capitalised may be an English
# name ("7 Mars 2020 science instruments"), and English month words in lower case and their
# abbreviations may be other words ("may"). Looked for where the text has one of the names' ASCII
# words, or is not ASCII.
_MONTH_NAMES_ASCII = frozenset(name for name in MONTH_NAMES if name.isascii() and len(name) > 3)
# The names German and Afrikaans capitalise, and the English month words left out ("12 may 1000 be …").
_CAPITALISED_MONTHS = ("Januar Jänner Februar März Maerz April Mai Juni Juli August September Oktober November "
                       "Dezember Januarie Februarie Maart Mei Junie Julie Augustus Desember").split()
_ENGLISH_WORD_MONTHS = frozenset("may mar jan feb febr apr jun jul aug sep sept oct nov dec".split())
_DAY_MONTH_YEAR = re.compile(
    rf"\b{_DAY_OF_MONTH}\.?\s+(?:{alternation(sorted(MONTH_NAMES - _ENGLISH_WORD_MONTHS | set(_CAPITALISED_MONTHS)))})"
    rf"\.?\s+\d{{3,4}}\b")
# A chess move by its number, Black's after an ellipsis, in algebraic notation: "15...Nf4",
# "21…Qb7", "19...Rb8"; the number counts the game's moves, no quantity.
_BLACK_MOVE = re.compile(
    r"\b\d{1,3}\s?(?:\.\.\.|…)\s?(?:[KQRBN][a-h]?[1-8]?x?[a-h][1-8]|[a-h](?:x[a-h])?[1-8]|O-O(?:-O)?)")
# An endurance race named by its length and its place: "the 12 Hours of Sebring", and as often
# written, "the 24 hours of Le Mans"; not a spell of time ("24 hours of Olympic coverage").
_HOURS_OF_PLACE = re.compile(r"\b\d{1,2}\s+(?:Hours|hours(?=\s+of\s+Le\s+Mans\b))\s+of\s+[A-Z]")
# Numbers of a periodical's issues or a work's volumes, listed or as a span, in brackets or at
# the end of a clause: "(issues 152-155)", "Collects volumes 7, 8 & 9"; not a count after the
# verb ("issues 2 million coins") or a share ("volumes 15% below").
_ISSUE_NUMBERS = re.compile(
    r"\b(?:[Ii]ssues|[Vv]olumes)\s+(\d{1,4}(?:\s*[–-]\s*\d{1,4})?(?:\s*(?:,|&|and)\s*\d{1,4}(?:\s*[–-]\s*\d{1,4})?)*)"
    r"(?=\s*(?:[);,.]|$|only\b))")
# A word before the figure that makes it a page, section, series, opus or age: "p. 12", "Op. 68", "aged 18".
_KEYWORDS = r"""pp?|pg|pages?|vols?|volume|chap|ch|chapter|sect?|section|art|articles?|para|fig|figure|latitudes?|longitudes?
         |op|opus
         |table|part|episodes?|seasons?|issue|series|versions?|ver|category|level|class|grades?|type
         |phase|stage|steps?|tracks?|routes?|channels?|games?|side|highway|interstate|flight|resolution|isbn|issn|doi|oclc
         |atomic\s+numbers?|groups?
         |pmid|no|nos|nr|aged?|age\s+of|ages|(?:version|model|serial|build)\s+numbers?(?:\s+of)?
         |build|release|zone|columns?|rows?|criterion|status|code|error|round|assuming|patents?
         |the\s+numbers?"""
_KEYWORD_BEFORE = re.compile(
    rf"""\b(?:{_KEYWORDS})\b\.?,?\s*\#?\s*
         (?:over|under|between|an?)?\s*$
       | (?-i:\bbase)\s+$                                            # a numeral base (base 10), not Air Base, 50
       | (?-i:\belement)\s+$                                         # an atomic number: element 72, not "elements, 90"
       | (?-i:\bTurn|\b(?:at|into|on|through|of|after|before|behind|past|exiting|entering|approaching|the)\s+turn)\s+$  # a circuit's corner
       | (?-i:\b(?:{STANDARD_BODIES}|RFC))\s+$                         # a standard's number: "ISO 9000 standards", "RFC 3551 lists"
       | (?-i:\bRace)\s+$                                            # a meeting's race: "Race 2 starts with reverse grid"
       | (?-i:\bModels?)\s+$                                         # a product's model: "PS/2 Models 50 (IBM 8550) and 60"
       | \b(?:of|in|on|during|after|before|since|until)\s+week\s+$     # a season's week: "on Sunday night of week 3"
       | \bgrades\s+(?:\d{1,2}|[a-z]+)\s+through\s+$                  # a school's last grade: "grades six through twelve"
       | (?-i:\b(?:digits|numerals|glyphs))\s+$                        # the digits named: "the glyphs 0-9"
       | \b(?:sections|chapters)\s+$                                 # "sections 4 to 10", not "129 chapters, 40 of which"
       | \b(?:mol\.|molecular|molar)\s+(?:weight|mass)\s*:?\s*$          # computed from the formula
    """,
    re.X | re.I,
)
# The last word of any ``_KEYWORD_BEFORE`` match: a keyword (or the last word of one), a word
# that may follow one, or the word of a numeral base or a molecular weight.
_KEYWORD_BEFORE_LAST_WORD = re.compile(
    rf"(?:{_KEYWORDS}|of|numbers?|over|under|between|an?|base|weight|mass|element|turn|race|models?|week|through|digits|numerals|glyphs"
    rf"|sections|chapters"
    rf"|{STANDARD_BODIES}|RFC)", re.X | re.I
)
_KEYWORD_WINDOW = 30


def _keyword_before(text: str, start: int) -> bool:
    """Whether ``_KEYWORD_BEFORE`` matches in the ``_KEYWORD_WINDOW`` characters before ``start``,
    or the number there names a golf hole (``_golf_hole``).

    Every match ends with a word, then only spaces and ".,#:": a window whose last word is no
    word a match can end with is answered without the search, which tries some seventy
    keywords at each of its characters. A numero sign ("№ 247", "Nº 5") is a keyword of its own."""
    low = max(0, start - _KEYWORD_WINDOW)
    end = start
    while end > low and (text[end - 1].isspace() or text[end - 1] in ".,#:"):
        end -= 1
    word_start = end
    while word_start > low and text[word_start - 1].isalpha():
        word_start -= 1
    if (_KEYWORD_BEFORE_LAST_WORD.fullmatch(text, word_start, end) is not None
            and _KEYWORD_BEFORE.search(text, low, start) is not None):
        return True
    if end > low and text[end - 1] in "№º°" and _NUMERO.search(text, low, end) is not None:
        return True  # "Friendly № 247", "Nº 5", "loi n° 2004": the numero sign, which numbers a thing
    return _golf_hole(text, low, start)


# The numero sign, or its letter and a ring ("Nº", "n°"); a ring alone is a degree: "45º, 30 died".
_NUMERO = re.compile(r"(?:№|\b[Nn][º°])$")


# A golf hole named by its number, after a score made on it or a shot played on it: "birdie at
# 15", "birdies at 9, 10 and 11" (the series is read as any keyword's), "birdied 14, 15 and 16",
# "his double on 10", "a perfect drive on 18". Read only in a sentence about golf
# (``_GOLF_WORDS``), and only where no counted noun or unit follows (``_labelled`` is asked of the
# number alone): "par at 72 strokes", "drive at 100 mph" and "birdied 3 holes" stay figures.
_GOLF_HOLE_BEFORE = re.compile(
    r"\b(?:(?:(?:birdie|bogey|eagle|par|double(?:\s+bogey)?|albatross)s?|tee\s+shot|drive|putt)\s+(?:at|on)"
    r"|birdied|bogeyed|eagled|parred|double-bogeyed)\s+(?:the\s+)?$", re.I)
_GOLF_WORDS = ("birdie", "bogey", "eagle", "putt", "tee shot", "fairway", "par at", "par on")
# What may follow a hole's number: the sentence going on, not a noun or a unit.
_AFTER_HOLE = re.compile(r"\s*(?:[,.;:)]|$|(?:and|or|to|for|in|with|after|before|but|as|when|while|where|needing|"
                         r"which|that)\b|\d)", re.I)


def _golf_hole(text: str, low: int, start: int) -> bool:
    """Whether the number at ``start`` names a golf hole (``_GOLF_HOLE_BEFORE``)."""
    if not any(word in text for word in _GOLF_WORDS):
        return False
    if _GOLF_HOLE_BEFORE.search(text, low, start) is None:
        return False
    number = _NUMBER_AT.match(text, start)
    return number is not None and _AFTER_HOLE.match(text, number.end()) is not None


_NUMBER_AT = re.compile(r"\d+")


def _labelled(text: str, start: int, end: int, number_end: int) -> bool:
    """Whether a keyword makes the figure (``start``–``end``; its number ends at ``number_end``)
    a label ("p. 12", "game three"), alone or in a series, or the figure is what a code of a kind
    is ("the FIPS code is 37."); "N times" stays a count."""
    if _TIMES_AFTER.match(text, end):
        return False
    return (_keyword_before(text, start) or _labelled_in_series(text, start, number_end)
            or _route_number(text, start, end) or _code_stated(text, start, end)
            or _bus_service_number(text, start, end))


# A code given as what a code of a kind is: "North Carolina's FIPS code is 37, which …", "the
# zipcode is 27601." (not "the number of lines of code is 40,000", "the dress code was 14").
_CODE_IS_BEFORE = re.compile(
    r"\b(?:(?:FIPS|ZIP|postal|post|area|country|calling|dialling|dialing|telephone|ISO|IATA|ICAO|FAA|GNIS|INSEE"
    r"|county|state|district|station|airport|language|currency|error|status)\s+code|zipcode|postcode)s?"
    r"\s+(?:is|was|are|were)\s+$",
    re.I,
)
_CLAUSE_ENDS_AFTER = re.compile(r"\s*(?:[,.;:)]|$)")


def _code_stated(text: str, start: int, end: int) -> bool:
    """Whether the figure, a plain whole number with nothing counted after it, is the value a
    code of a kind is said to have."""
    return (text[start:end].isdigit() and _CLAUSE_ENDS_AFTER.match(text, end) is not None
            and _CODE_IS_BEFORE.search(text, max(0, start - 40), start) is not None)


# A bus or coach service named by its number: "Glasgow Shuttle bus service 500.", "McGill's Bus
# Services service 757 links the airport with …"; the number is what follows "service", and then
# the clause ends or says where the service goes (not "the bus service 24 hours a day", nor "bus
# services 40 times a day", nor a share: "on the bus service 12%.", nor "services" the verb: "the
# bus services 12 stops").
_BUS_SERVICE_BEFORE = re.compile(r"\b(?:bus|coach|shuttle|tram)\b(?:\s+[\w'’]+){0,3}?\s+service\s+$", re.I)
_AFTER_SERVICE_NUMBER = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:links|runs|connects|serves|goes|operates|travels|calls|stops\s+at|terminates|continues)\b")


def _bus_service_number(text: str, start: int, end: int) -> bool:
    """Whether the figure, a plain whole number, is the number a bus or coach service goes by."""
    return (text[start:end].isdigit() and _AFTER_SERVICE_NUMBER.match(text, end) is not None
            and _BUS_SERVICE_BEFORE.search(text, max(0, start - _KEYWORD_WINDOW), start) is not None)


# A transport service's name and a colon, then the routes listed before the figure: "Metro Local:
# 204, 206, 209", "Torrance Transit: 8", "Metro Local: 40 Owl, 120" (a timetable's connections).
_SERVICE_ROUTES_BEFORE = re.compile(
    r"\b[A-Z][\w.&'’\-]*\s+(?:Transit|Transport|Transportation|Authority|Express|Local|Rapid|Shuttle|Trolley|Bus"
    r"|Motorcoach|Line|Metro|Link|Connector)"
    r"\s*:\s*(?:\d{1,4}[A-Z]?(?:\s+[A-Z][a-z]+)?\s*(?:\([^()]*\))?\s*,\s*)*$"
)
_ROUTE_NUMBER = re.compile(r"\d{1,4}")
# What follows a route: another route, a note, the next service's name ("8 (Southbound)",
# "232 Torrance Transit", "625 LAX Shuttle"), or nothing; not a noun or a unit ("120 buses", "12 km").
_AFTER_ROUTE = re.compile(r"\s*(?:$|[,;()]|[A-Z][a-z]|[A-Z]{2,}\s+[A-Z])")
_ROUTE_WINDOW = 200


def _route_number(text: str, start: int, end: int) -> bool:
    """Whether a bare number of a few digits is one of the routes a service's name and colon
    list ("Metro Local: 204, 206, 209"): a route is named by its number, not counted by it;
    "Metro Transit: 120 buses" and "Metro Express: 1,200" stay figures."""
    low = max(0, start - _ROUTE_WINDOW)
    return (_ROUTE_NUMBER.fullmatch(text, start, end) is not None and text.find(":", low, start) != -1
            and _AFTER_ROUTE.match(text, end) is not None
            and _SERVICE_ROUTES_BEFORE.search(text, low, start) is not None)


# "N times" counts occurrences whatever word precedes it: "the games three times".
_TIMES_AFTER = re.compile(r"\s+times\b")


def _labelled_in_series(text: str, start: int, end: int) -> bool:
    """Whether the figure closes a series of numbers that a keyword labels ("Season two and
    three", "games 3 and 4", "episodes 5, 6 and 7"); not when a counted noun follows it ("game
    7 and 3 players")."""
    low = max(0, start - _KEYWORD_WINDOW)
    mark = _last_mark(text, low, start)
    earlier = _LAST_IN_SERIES.search(text, low, start) if mark in _SERIES_LINK_ENDS else None
    if earlier is None and mark == "," and _MORE_IN_SERIES.match(text, end):
        earlier = _IN_SERIES.search(text, low, start)  # "6" of "5, 6 and 7"
    if earlier is None or _counted_noun_follows(text, end):
        return False
    for _ in range(_SERIES_LENGTH):
        start = earlier.start()
        if _keyword_before(text, start):
            return True
        earlier = _IN_SERIES.search(text, max(0, start - _KEYWORD_WINDOW), start)
        if earlier is None:
            return False
    return False


_HAS_DIGIT = re.compile(r"\d")
_FOREIGN_DIGIT = re.compile(r"(?![0-9])\d")  # a decimal digit of another script: २, ٢, ２
# The number before a figure in a series of them: "two and " of "Season two and three", "5, " of
# "5, 6 and 7"; the last figure of a series follows "and", "or", "to" or a dash.
_SERIES_NUMBER = rf"(?<![\w.,])(?:\d+|{'|'.join(sorted([*_UNITS, *_TENS], key=len, reverse=True))})"
# A member's other designation in brackets may follow its number: "Models 90 (IBM 8590/9590) and
# 95"; not a year or a remark ("season 1 (2009) and 7 million in season 2").
_SERIES_ASIDE = r"(?:\s*\((?-i:[A-Z]{2,})[\s-]?\d[^()]{0,30}\))?"
_LAST_IN_SERIES = re.compile(rf"{_SERIES_NUMBER}\.?{_SERIES_ASIDE}(?:,?\s+(?:and|or|to)\s+|\s*[–&-]\s*)$", re.I)  # also "step 2. and 3."
_IN_SERIES = re.compile(rf"{_SERIES_NUMBER}{_SERIES_ASIDE}\s*,\s*$", re.I)
_MORE_IN_SERIES = re.compile(rf"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_SERIES_NUMBER}", re.I)
_SERIES_LENGTH = 4
# The last characters other than spaces that a match of ``_LAST_IN_SERIES`` can have: of "and",
# "or", "to" or a dash; a match of ``_IN_SERIES`` has a comma there.
_SERIES_LINK_ENDS = frozenset("dDrRoO–&-")


def _last_mark(text: str, low: int, end: int) -> str:
    """The last character of ``text[low:end]`` that is no space ("" if there is none): a search
    for a series before a figure needs one of few characters there, and most figures have none."""
    while end > low and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > low else ""


# Compounds that still count people or things: "a 5,000-strong community", "a 100,000-person march".
# So do terms and times served or won: "a six-term incumbent", "a five-time champion".
_COUNTING_COMPOUND = re.compile(r"(?:strong|person|people|man|member|seat|bed|vehicle|term|time)\b", re.I)
_OUT_OF_BEFORE = re.compile(r"\bout\s+of\s+$")
_ROUND_BASE = re.compile(r"10|100|1,?000|10,?000|100,?000")
_QUANTILE_BEFORE = re.compile(r"\b(?:top|bottom)\s+$", re.I)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_RATE_BEFORE = re.compile(r"(?:\bper\s+|(?<![\w)])\+)$", re.I)
# Cheap gates: the word regexes run only on texts holding one of these words.
_LETTERS = re.compile(r"[a-zäöüß]+")
NUMBER_WORDS = frozenset([*_UNITS, *_TENS, *_SCALES])  # also what a text copy's linked title may open with
_FRACTION_WORDS = frozenset(_DENOMINATORS)
_VAGUE_WORDS = frozenset(
    "several tens hundreds thousands dozens millions billions scores hundred thousand dozen million billion".split()
)
_CLAIM_WORDS = NUMBER_WORDS | _FRACTION_WORDS | _VAGUE_WORDS
# A figure continuing a list of designations: "Windows 8, 8.1 and RT", "Windows 95, 98 or 2000",
# also one a text copy keeps as its link's target ("Fokker_27 and 50").
_DESIGNATION_LIST = re.compile(
    r"\b(?!(?:About|Over|Nearly|Approximately|Around|Some|Almost|Only|All|Roughly|Per|Of|Between|"
    r"From|In|On|By|After|Before|During|Since|For|With|And|Or|The|At|To)\b)[A-Z][\w\-]*?(?:\s+|_)\d[\d.]*"
    r"(?:\s*,\s*\d[\d.]*)*(?:\s*,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|,\s+or\s+)$"
)
# A line's list or step number: "2. ", "3) ", and before a dash and a capital, as a figure's
# legend numbers its steps ("2 – The pupa is now spewing the thread"; also as decoded twice).
_LIST_NUMBER = re.compile(r"(?m)^[ \t]*\d{1,3}(?: ?[.):](?=\s)| (?:[–—-]|â\x80[\x93\x94])(?= [A-Z]))")
_NEXT_WORDS = re.compile(r"[\s)]*(?:of\s+)?([A-Za-z][\w'’\-]*)(?:\s+([A-Za-z][\w'’\-]*))?")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’.\-]*)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•*(\[\"“‘]|\n)\s*$")
# Words after which a bare 1000–2199 is a year whatever follows ("in 1994 troops left"; German
# "seit 1994").
_STRONG_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|during|until|till|through|before|after|early|late|mid|circa|c\.|year|the|"
    r"spring|summer|autumn|fall|winter|its|their|his|her|our|whose|by|from|pre|post|note,|seit)\s*$",
    re.I,
)
# The last of a series of years a word of time or "the" opens: "for the 1968 and 1969 seasons",
# "behind its 1987 and 1991 albums"; not before people, casualties or units ("resulted in 1200
# and 1500 deaths", "in 1999, 2000 and 2100 units were sold").
_YEAR_SERIES_BEFORE = re.compile(
    r"\b(?:in|during|the|its|their|his|her)\s+(?:(?:1\d|20|21)\d\d,\s*)*(?:1\d|20|21)\d\d,?\s+(?:and|or|&)\s+$", re.I)


# The first year of a span whose last year a noun follows: "from 1664 to 1683 ridings were used",
# "Between 1705 and 1801 sections … were ceded": two exact years, a century or two apart at most;
# a span of counts is mostly of round numbers ("from 1500 to 1900 spectators").
_SPAN_OF_YEARS_BEFORE = re.compile(r"\b(?:from|between)\s+(1\d{3})\s+(?:to|and|until|till)\s+$", re.I)
_LONGEST_SPAN_OF_YEARS = 200


def _counts_beings_after(text: str, end: int) -> bool:
    """Whether the noun after a number is one of people, casualties, units or a measure's."""
    noun = _NEXT_WORDS.match(text, end)
    word = noun.group(1).lower() if noun else ""
    return word in _counted_beings() or word in _COLLECTIVE_NOUNS or word in _MEASURE_NOUNS
# Plural nouns a year qualifies ("2001 statistics", "1937 borders", "2010 dollars").
_YEAR_NOUNS = frozenset(
    "statistics figures data estimates census borders boundaries frontiers elections polls "
    "levels prices dollars euros values rates standards rules regulations guidelines reforms "
    "amendments games olympics championships playoffs finals qualifiers seasons "
    "riots protests floods attacks "
    "talks accords agreements negotiations budgets rankings results scores revisions editions models "
    "protocols events celebrations champions winners finalists laureates inductees nominees medalists "
    "medallists".split()
)
# Before a bare three-digit number with no noun after it, a year: "divided in 843.".
_OLD_YEAR_BEFORE = re.compile(r"\b(?:in|since|until|till|circa|c\.|around|about|by|from|during|the\s+year)\s+$", re.I)
# The era before a year: "ca. a.d. 400", "AD 845".
_ERA_BEFORE = re.compile(r"\b(?:AD|A\.D\.|a\.d\.)\s*$")


def _masked_spans(text: str, words: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of ``text`` (whose words are ``words``) that hold no figure."""
    spans = [m.span() for m in _masks_for(_mask_groups(text, words)).finditer(text)]
    spans.extend(m.span() for m in _LIST_NUMBER.finditer(text))
    # The masks below are looked for only in texts with the words each of their matches has.
    for gate, pattern, group in _WORDED_MASKS:
        if not words.isdisjoint(gate):
            spans.extend(m.span(group) for m in pattern.finditer(text))
    if not words.isdisjoint(_EVENT_DISTANCE_UNITS):
        spans.extend(m.span(m.lastindex) for m in _EVENT_DISTANCE.finditer(text))
        if not words.isdisjoint(_ATHLETICS_WORDS):
            spans.extend(m.span(1) for m in _MORE_RACES.finditer(text))
    if _CALL_OPENS.search(text):
        spans.extend(m.span() for m in _CODE_CALL.finditer(text))
    if "oxidation" in words and _OXIDATION_STATE.search(text):
        spans.extend(m.span() for m in _SIGNED_STATE.finditer(text))
    if "(" in text and not words.isdisjoint(_ISSN_MEDIA):
        spans.extend(m.span() for m in _ISSN_WITH_MEDIUM.finditer(text) if _valid_issn(m.group()))
    if "..." in text or "…" in text:
        spans.extend(m.span() for m in _BLACK_MOVE.finditer(text))
    if not text.isascii() or not words.isdisjoint(_MONTH_NAMES_ASCII):
        spans.extend(m.span() for m in _DAY_MONTH_YEAR.finditer(text))
    if "mhz" in words or "fm" in words:
        frequencies = _BROADCAST_FREQUENCY if words.isdisjoint(_RADIO_WORDS) else _RADIO_FREQUENCY
        spans.extend(m.span(1) for m in frequencies.finditer(text))
    if not words.isdisjoint(scripture.BOOK_WORDS):
        spans.extend(scripture.verse_spans(text))  # "1 Samuel 3:14", "Exodus 10:1, 20, 27"
    return spans


# A flight by its airline's name, a dash and its number, the whole of a line or cell: "Air France —
# 193", "Trans World Airlines — 841"; not an air arm's losses, "US Air Force — 12", "Fleet Air Arm
# — 12", nor a figure with more after it, "Air — 21%, Rail — 30%", "American Airlines — 950, …".
_FLIGHT_NUMBER = re.compile(r"^\s*[A-Za-z .'’]{0,30}\b(?:Air(?!\s+(?:Force|Arm|Corps|Wing|Command|Division|Regiment|Squadron)\b)"
                            r"|Airlines|Airways|Airline)\b[A-Za-z .'’]{0,30}?\s[—–]\s(\d{1,4})\s*$")
_AIRLINE_WORDS = frozenset(("air", "airlines", "airways", "airline"))
# A gun named by its calibre: "the 4 in gun", "a single 4 inch gun QF Mark V", "20 mm Oerlikons",
# "40 mm Bofors", "0.5 in machine guns"; the calibre says which weapon, it counts nothing. The
# guns' number stays a figure ("four 4 in guns"), and so does a calibre alone ("a 120 mm bore").
# A calibre, with its conversion in brackets ("0.5-inch (13 mm)", ".50 in (12.7 mm)"), maybe
# the gun's maker between it and the gun ("twelve 0.5-inch (13 mm) Vickers machine guns").
_CALIBRE_SIZE = r"(?:\d{1,3}(?:\.\d{1,2})?|\.\d{2,3})"
_CALIBRE = re.compile(rf"(?<![\d.,])({_CALIBRE_SIZE}(?:\s*|-)(?:mm|cm|in|inch|″|\")"
                      rf"(?:\s*\(\s*{_CALIBRE_SIZE}\s?(?:mm|cm|in|inch)\s*\))?)(?:\s+(?:[A-Z]{{2,3}}|[A-Z][a-z]+))?"
                      r"\s+(?:(?:machine|naval|anti-aircraft|AA|dual-purpose|DP|deck|field|Mark\s+\w+)\s+)?"
                      r"(?:guns?\b|cannons?\b|howitzers?\b|mortars?\b|autocannons?\b|Oerlikons?\b|Bofors\b|pom-poms?\b)")
# … and before a firearm's maker and model, as an equipment list names it: "9mm IMI Uzi SMG",
# "5.56mm Colt M4 Carbine SAR", "18.5mm 12 gauge Remington Model-870P Shotgun" (with the gauge).
_CALIBRE_OF_MODEL = re.compile(
    r"(?<![\d.,])(\d{1,2}(?:\.\d{1,2})?\s?mm(?:\s+\d{1,2}\s+gauge)?)(?=(?:\s+[A-Z0-9][\w.\-/\\]*){1,5}?\s+"
    r"(?:SMG|SAR|AR|LMG|GPMG|HMG|MG|[Rr]ifles?|[Cc]arbines?|[Ss]hotguns?|[Pp]istols?|[Rr]evolvers?)\b)")
_WEAPON_WORDS = frozenset(("gun", "guns", "cannon", "cannons", "howitzer", "howitzers", "mortar", "mortars",
                           "autocannon", "autocannons", "oerlikon", "oerlikons", "bofors", "pom", "smg", "sar",
                           "ar", "lmg", "gpmg", "hmg", "mg", "rifle", "rifles", "carbine", "carbines", "shotgun",
                           "shotguns", "pistol", "pistols", "revolver", "revolvers"))
# … and as a gun's mark gives it in millimetres, in brackets, with its barrel's length in calibres:
# "BL 6 in Mk.XXIII (152 mm L/50) guns", "QF 0.5 in Mk.III Vickers (12.7 mm) machine guns".
_CALIBRE_OF_MARK = re.compile(r"\bM(?:k|ark)\.?\s?[IVXLC\d]+\*?(?:\s+[A-Z][a-z]+)?\s+"
                              r"\(\s*(\d{1,3}(?:\.\d{1,2})?\s?mm(?:\s+L/\d{2,3})?)\s*\)"
                              r"(?=\s+(?:(?:machine|anti-aircraft|AA|naval|dual-purpose|DP)\s+)?(?:guns?|cannons?|howitzers?)\b)")
# A cartridge named by its calibre: "380 ACP", "9mm Parabellum", "9 x 23 mm Largo", "9mm short",
# "5.56 mm NATO"; or a calibre said to be one ("caliber 6,35", "cal 7,65mm", "the 7.65mm caliber
# model", "6.35 mm (.25 ACP)"). The name says which round a weapon fires, it measures nothing. A
# word that also follows counts ("28 NATO members") names one only after millimetres, and a bare
# number only of the calibres cartridges are named by, and not before a plural ("79 ACP countries",
# "500 Luger pistols"); a bore given as a measure stays one ("a calibre of 890 mm").
_CALIBRE_NUMBER = r"\.?\d{1,3}(?:[.,]\d{1,2})?"
# The calibres in hundredths of an inch that cartridges are named by without their point ("380
# ACP", "45 ACP"; not "79 ACP countries", "500 Luger pistols").
_CARTRIDGE_INCHES = r"(?:22|25|30|32|38|44|45|357|380|454)"
_CARTRIDGE = re.compile(
    rf"(?<![\w.,])((?:\.\d{{2,3}}|\d{{1,2}}[.,]\d{{1,2}}(?:\s?mm)?|\d{{1,2}}\s?[x×]\s?\d{{2}}(?:\s?mm)?|\d{{1,2}}\s?mm"
    rf"|{_CARTRIDGE_INCHES}))"
    rf"\s?(?:ACP|Parabellum|Luger|Largo|corto|Kurz|Magnum|Makarov|Tokarev)\b(?!\s+[a-z]+s\b)"
    rf"|(?<![\w.,])(\d{{1,2}}(?:[.,]\d{{1,2}})?(?:\s?[x×]\s?\d{{2}})?\s?mm)\s(?:[Ss]hort|NATO|Browning|Mauser|Long)(?![\w-])"
    rf"|\b(?:[Cc]alib(?:er|re)\s+|[Cc]al\.?\s+(?=[.\d,]+\s?mm))({_CALIBRE_NUMBER}(?:\s?mm)?)"
    rf"|(?<![\w.,])(\d{{1,2}}(?:[.,]\d{{1,2}})?\s?mm)(?:\)?\s+calib(?:er|re)\b|\s?\(\.\d{{2,3}}\s(?:ACP|Auto)\))")
_CARTRIDGE_WORDS = frozenset("acp parabellum luger largo corto kurz magnum makarov tokarev short nato browning mauser long "
                             "caliber calibre calibers calibres cal".split())
# The tracks of a record a credit names by their numbers, listed: "Drums (Tracks 4-5, 8)", "(tracks
# 1-3, 5-6)".
_TRACK_NUMBERS = re.compile(r"(?<=\b[Tt]racks\s)\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:\s*(?:,|&|and)\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?)*")
# The width that defines a named track gauge, as the gauge template prints it before the name:
# "4 ft 8 1⁄2 in (1,435 mm) (standard gauge)", "1,000 mm (3 ft 3 3⁄8 in) metre gauge"; the name
# is the claim. A narrow gauge's width says which one it is, and stays a figure; so do lengths
# and counts before a gauge's name ("a 750 m standard gauge branch", "200 in standard gauge").
_GAUGE_WIDTH = (r"(?:1,?(?:435|000|520|524|600|668|676|067|372)\s*mm|1\s*m"
                r"|[3-5]\s*ft(?:\s*\d{1,2}(?:\s*\d{1,2}⁄\d{1,2}|[½¼¾⅛⅜⅝⅞])?\s*in)?)\b")
_NAMED_GAUGE = re.compile(
    rf"(?<![\d.,]){_GAUGE_WIDTH}(?:\s*\({_GAUGE_WIDTH}\))?(?=\s*\(?(?:(?:standard|metre|meter|Russian|Iberian|Irish"
    rf"|Cape|Indian|Scotch)(?:\s+broad)?)[\s-]gauge\b)", re.I)
# An oxidation state written with its sign, before or after: "ranging from −3 to +5", "less than
# 5+", in a text that speaks of oxidation states (``_OXIDATION_STATE``); a charge's label, not a
# count. Not in a text that speaks of oxidation only: "raised the temperature by +5 °C"; nor a
# signed figure with its unit, share or noun: "-9 kJ", "+8%", "4+ ligands".
_SIGNED_STATE = re.compile(r"(?:(?:(?<![\w.])[+−-]|â\x88\x92)\d(?![\d.,]?\d)|(?<![\w.,])\d[+−](?![\w+−]))"
                           r"(?!\s*(?:[%°]|[kKMmGμ]?[JVWgLlm]\b|[a-z]+s\b))")
_OXIDATION_STATE = re.compile(r"\boxidation\s+(?:states?|numbers?)\b", re.I)
# A scorer's goals and the penalties among them, in brackets after the name, as a result lists
# them ("Windass (2, 1 pen)", "Arteta (2, 1 pen.)", "Kane (3, 2 pens)"), a label as "(2)" alone is;
# not after a common noun ("scored goals (12, 5 pens) in the league").
_PENALTY_WORDS = frozenset(("pen", "pens"))
_SCORER_GOALS = re.compile(r"\b[A-Z][\w'’.\-]*\s\((\d{1,2},\s*\d{1,2}\s*pens?\.?)(?=\))")
# A serial's ISSN with the medium it numbers, "0078-6209 (print) 2333-3553 (web)", whose check digit
# tells it from a span of figures ("4000-5000 (print)").
_ISSN_MEDIA = frozenset(("print", "online", "web", "electronic", "paper"))
_ISSN_WITH_MEDIUM = re.compile(rf"\b\d{{4}}-\d{{3}}[\dXx]\b(?=\s*\((?:{alternation(sorted(_ISSN_MEDIA))})\))")


def _valid_issn(issn: str) -> bool:
    """Whether an ISSN's last digit checks its first seven (weights 8 to 2, modulo 11, 10 as X)."""
    digits = issn.replace("-", "")
    total = sum(int(d) * w for d, w in zip(digits[:7], range(8, 1, -1)))
    check = (11 - total % 11) % 11
    return digits[7].upper() == ("X" if check == 10 else str(check))


# The United States's fifty states, all of them: a fact of its constitution, not a count to source.
_ALL_FIFTY_STATES = re.compile(r"\ball\s+(?:the\s+)?(?:50|fifty)\s+(?:U\.?S\.?\s+|American\s+)?states\b", re.I)
# A limited-overs format of cricket by its number of overs, named beside another format or as a
# kind of match: "40 overs, Twenty20, Super 8", "40 over and Twenty20 matches", "a 50 over
# competition"; not an innings's length, "bowled out in 40 overs", "in 38 overs, T20 captain
# Smith …", "a 35 overs match".
_OVERS_FORMAT = re.compile(
    r"\b\d{2}[\s-]overs?\b(?=\s*(?:,|and|or)?\s*(?:Twenty20|T20)\b"
    r"(?=\s*(?:$|[,;.)]|\s+(?:matches|games?|cricket|formats?|competitions?)\b)))"
    r"|\b\d{2}[\s-]over\b(?=\s+(?:matches|match|games?|cricket|format|competitions?|tournaments?|series|cup)\b)")
_OVERS_WORDS = frozenset(("overs", "over", "twenty20", "t20"))
# A radio station's frequency on the FM band, to the tenth of a megahertz as dials show it, says
# which station it is, as a channel's number does: "96.9 FM", "105.1 MHz (South & West
# Yorkshire)", a frequency in megahertz where the text speaks of radio; not a round frequency or
# a band ("at 100 MHz", "88–108 MHz"), nor a clock's or a spectrometer's ("ran at 99.9 MHz").
_FM_DIAL = r"(?:8(?:7\.[5-9]|[89]\.\d)|9\d\.\d|10[0-7]\.\d|108\.0)"
_FM_FREQUENCY = rf"(?<![\d.,–-])({_FM_DIAL})\s?"
_BROADCAST_FREQUENCY = re.compile(rf"{_FM_FREQUENCY}(?:FM\b|MHz\b(?=\s*\([A-Z]))")
_RADIO_FREQUENCY = re.compile(rf"{_FM_FREQUENCY}MHz\b")
_RADIO_WORDS = frozenset(("radio", "station", "stations", "broadcast", "broadcasts", "broadcasting", "transmitter",
                          "transmitters", "fm"))
# A number that says which element or nuclide a thing is: "atomic number 27", "mass number 59".
_IDENTITY_NUMBER = re.compile(r"\b(?:atomic|mass|proton)\s+numbers?\s+(?:of\s+|is\s+|=\s*)?(\d{1,3})\b", re.I)
# An age grade of a sport, which names a side or its players: "the club's under 18 side", "FAI
# Under 21 International Player of the Year", "the Under-21s"; not an age ("21% under 18 years").
_AGE_GRADE = re.compile(
    r"\bunder[- ](?:1\d|2[0-3])(?:s\b|(?=\s+(?:side|team|squad|level|international|championship|cup|league"
    r"|player|football|national|rugby|basketball|hockey|world\s+cup)s?\b))"
    # a side named in capitals inside a sentence: "Falcons Under 21", "Queensland Under 19, New Zealand Under 15"
    r"|(?<=[\w,;] )(?-i:Under)[- ](?:1\d|2[0-3])\b(?![,.]\d)", re.I)
# A tournament of so many nations, by name: "4 Nations Cups", "the Six Nations", "a 3 nations
# tournament"; not "signed by 4 nations".
_NATIONS_TOURNAMENT = re.compile(
    r"\b(?:[2-9]|(?i:two|three|four|five|six|seven|eight))[- ]"
    r"(?:Nations\b|(?i:nations)(?=\s+(?i:cups?|tournaments?|championships?|trophy|series)\b))")
# A call in program code: binom.test(8, 10, alternative="two.sided"), t_test(x, 5).
_CODE_CALL = re.compile(r"\b[A-Za-z_]\w*(?:[._]\w+)+\([^()\n]*\)")
# What every call has and prose rarely: a bracket right after a word. Looked for from each
# bracket, which the engine finds at once, where the call's pattern is tried at every word.
_CALL_OPENS = re.compile(r"\((?<=\w\()")


# A place in a series, "N of M" after the series' noun, as an infobox heads a race or a story's
# part: "Race 7 of 18 in the 2008 Formula One season", "2006 UCI ProTour, race 17 of 27", "Part 2
# of 3"; the total says where the place falls and reports nothing. Not "won 7 of 18 races", "Game 4
# of the 2011 World Series drew 20 million viewers", nor a share of what the series is measured
# in: "led the race 187 of 200 laps", "won the heat 3 of 4 times", "part 1 of 12 contractors".
_PLACE_IN_SERIES = re.compile(r"(?<![Tt]he\s)\b(?:[Rr]ace|[Rr]ound|[Gg]ame|[Ll]eg|[Ss]tage|[Pp]art|[Ee]pisode|[Hh]eat)\s+\d{1,3}"
                              r"\s+of\s+\d{1,3}\b(?![.,]\d|\s*(?:%|per\b|hundred|thousand|million|billion))"
                              r"(?!\s+(?!is\b|was\b|has\b|as\b|this\b|(?:race|round|game|leg|stage|part|episode|heat)s\b)[a-z]+s\b)")
_SERIES_PLACE_WORDS = frozenset(("race", "round", "game", "leg", "stage", "part", "episode", "heat"))
# A class of vehicles named by its number, standing alone or as what is said of: "with a cab
# layout like the 82 Class.", "The 90 class are a class of diesel locomotives"; not a count of
# things of a class, "12 Class A shares", "20 Class 37 locomotives", "2,000 Class rings", nor of a
# class's pupils, "the 12 class members".
_CLASS_BY_NUMBER = re.compile(r"\b[Tt]he\s+(\d{1,4})\s+[Cc]lass\b"
                              r"(?=\s*(?:[.,;:)]|$)|\s+(?:are|were|is|was|locomotives?|engines?)\b)")
# A work's scoring, the instruments after "(for" or "scored for", each perhaps counted: "(for 2
# oboes)", "Sonate a tre (for 2 violins and basso continuo)", "(for 1 or 2 solo violins, 2 violins,
# viola and basso continuo)": what the piece is written for, not a count of the world's
# instruments ("raised money for 2 organs", "traded its Stradivari for 2 violins").
_INSTRUMENTS = ("violin", "viola", "violoncello", "cello", "flute", "oboe", "clarinet", "bassoon", "horn", "trumpet",
                "trombone", "harpsichord", "piano", "organ", "guitar", "lute", "recorder", "harp", "soprano", "alto", "tenor")
_INSTRUMENT = (rf"(?:(?:{'|'.join(_INSTRUMENTS)})s?|double\s+bass(?:es)?|timpani|strings|voices|(?:basso\s+)?continuo)")
_SCORING = re.compile(rf"(?:\(|\b(?:scored|written|arranged|composed)\s+)for\s+"
                      rf"((?:(?:[1-9](?:\s+or\s+[1-9])?\s+)?(?:solo\s+)?{_INSTRUMENT}\b(?:,\s*|\s+and\s+)?)+)")
_INSTRUMENT_WORDS = frozenset((*(f"{name}s" for name in _INSTRUMENTS), "voices"))  # a count of one is no plural
# The range of a scale that ratings or readings are given on, from nought or one, in digits:
# "rate any film on a scale of 1 to 10", "on a scale from 0 to 10"; a score given on it stays a
# figure ("an average of 7.5 on a scale of 1 to 10"), and so does a range from elsewhere ("a
# scale of 5 to 50 points").
_SCALE_RANGE = re.compile(r"\bscale\s+(?:of|from)\s+([01]\s*(?:to|[-–])\s*\d+)")
# Speeds records turn at, where the text speaks of records: listed together ("issued on 45 rpm
# and 78 rpm records"), or a recording's ("Like nearly all records of the day, the sides were
# recorded at 78 rpm"); not a machine's ("The engine idles at 45 rpm, 78 rpm at full load", "the
# maximum rotor speed recorded at 78 rpm").
_RECORD_NOUNS = frozenset(
    "record records single singles disc discs vinyl lp lps ep eps shellac album albums song songs jukebox format formats"
    .split())
_RECORD_SPEEDS = re.compile(rf"{_RECORD_SPEED_LIST}"
                            rf"|(?:(?<=\brecorded\sat\s)|(?<=\bpressed\sat\s)){_RECORD_SPEED}")


# The masks ``_masked_spans`` looks for in a text only when it has one of the words every match
# holds: the words, the pattern, and the group of a match that holds no figure.
_WORDED_MASKS: tuple[tuple[frozenset[str], re.Pattern[str], int], ...] = (
    (_MONTH_WORDS, _MONTH_MASKS, 0),
    (frozenset(("number", "numbers")), _IDENTITY_NUMBER, 1),
    (frozenset(("under",)), _AGE_GRADE, 0),
    (frozenset(("nations",)), _NATIONS_TOURNAMENT, 0),
    (_AIRLINE_WORDS, _FLIGHT_NUMBER, 1),
    (frozenset(("hours",)), _HOURS_OF_PLACE, 0),
    (frozenset(("issues", "volumes")), _ISSUE_NUMBERS, 1),
    (frozenset(("gauge",)), _NAMED_GAUGE, 0),
    (frozenset(("states",)), _ALL_FIFTY_STATES, 0),
    (_PENALTY_WORDS, _SCORER_GOALS, 1),
    (_OVERS_WORDS, _OVERS_FORMAT, 0),
    (_WEAPON_WORDS, _CALIBRE, 1),
    (_WEAPON_WORDS, _CALIBRE_OF_MODEL, 1),
    (_WEAPON_WORDS, _CALIBRE_OF_MARK, 1),
    (_CARTRIDGE_WORDS, _CARTRIDGE, 0),
    (frozenset(("tracks",)), _TRACK_NUMBERS, 0),
    (_SERIES_PLACE_WORDS, _PLACE_IN_SERIES, 0),
    (frozenset(("class",)), _CLASS_BY_NUMBER, 0),
    (_INSTRUMENT_WORDS, _SCORING, 1),
    (frozenset(("scale",)), _SCALE_RANGE, 1),
    (_RECORD_NOUNS, _RECORD_SPEEDS, 0),
)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# --- public API -----------------------------------------------------------------------------


def find_numeric_claims(text: str) -> list[NumericClaim]:
    """Every numeric claim in ``text``, in order, vague quantities included (kind "vague").

    Results are cached by text: several rules ask about the same statements.
    """
    return list(_cached_claims(text))


@functools.lru_cache(maxsize=8192)
def _cached_claims(text: str) -> tuple[NumericClaim, ...]:
    return tuple(_find(text))


class WrittenFigures:
    """What the figures of many texts may be, told without reading them: the digits each text is
    written with, run together ("2,100 fans and $2.1m" gives "210021"), and the values its figures
    in words may have (each run of number words and each fraction in words, read whether or not it
    is a claim). Where a figure's digits may be written otherwise (as fractions, in superscripts,
    in another script's digits, or with a number word beside them: "two to 3 million", "3
    dozen", "1 and a half"; not a power of ten, "2.5 million"), a text may hold any value. Every
    figure a text holds (``find_numeric_claims``) passes ``holding``: a test that tells, without
    reading the texts' figures, which of them hold no figure of a value. All the texts' digits
    are searched at once, in one string, and each text's words read once, when a value is first
    looked up."""

    __slots__ = ("_texts", "_digits", "_starts", "_any_value", "_by_word_value")

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        digits = [_digits_written(text) for text in texts]
        self._any_value = {i for i, written in enumerate(digits) if written is None}
        self._digits = "|".join(written or "" for written in digits)
        self._starts = list(itertools.accumulate((len(written or "") + 1 for written in digits), initial=0))
        self._by_word_value: dict[float, list[int]] | None = None

    def holding(self, value: float) -> list[int]:
        """The indices, in order, of the texts of which a figure may have ``value``: one written
        with digits has one of its ``significant_digits`` among the text's digits; one written in
        words has it among the words' values."""
        if self._by_word_value is None:
            self._read_words()
        found = self._any_value | set(self._by_word_value.get(value, ()))
        for written in significant_digits(value):
            if not written:
                return list(range(len(self._texts)))  # zero: its digits are in every text
            at = self._digits.find(written)
            while at != -1:
                i = bisect.bisect_right(self._starts, at) - 1
                found.add(i)
                at = self._digits.find(written, self._starts[i + 1])
        return sorted(found)

    def _read_words(self) -> None:
        self._by_word_value = {}
        for i, text in enumerate(self._texts):
            values = _word_values(text, self._starts[i + 1] - self._starts[i] > 1)
            if values is None:
                self._any_value.add(i)
            for value in values or ():
                self._by_word_value.setdefault(value, []).append(i)


def _digits_written(text: str) -> str | None:
    """The digits of ``text`` run together, or None where a fraction, a superscript or another
    script's digit may write a figure's digits otherwise."""
    if text.isascii():  # no vulgar fraction, superscript or other script's digit: only a slash changes them
        return None if "/" in text else text.encode().translate(None, _NOT_DIGIT_BYTES).decode()
    return None if _DIGITS_CHANGED.search(text) is not None else _NOT_ASCII_DIGIT.sub("", text)


def _word_values(text: str, has_digits: bool) -> frozenset[float] | None:
    """The values the number words and fractions in words of ``text`` may give its figures, or
    None where a number word stands beside a digit and may change the digits of its figure."""
    words = _words(text)
    if words.isdisjoint(_FIGURE_WORDS):
        return frozenset()
    if has_digits and not words.isdisjoint(_DIGIT_CHANGING_WORDS) and _WORD_BESIDE_DIGIT.search(text) is not None:
        return None
    values = set()
    if not words.isdisjoint(NUMBER_WORDS):
        values.update(_words_value(match.group()) for match in _WORD_CLAIM.finditer(text))
    if not words.isdisjoint(_FRACTION_WORDS):
        values.update(claim.value for match in _FRACTION_CLAIM.finditer(text)
                      if (claim := _fraction_claim(text, match)) is not None)
    values.discard(None)
    return frozenset(values)


@functools.lru_cache(maxsize=1024)
def significant_digits(value: float) -> tuple[str, ...]:
    """The significant digits of ``value`` as a text may write it: exactly, and rounded to twelve
    digits, as a value computed from its text can carry a float's error in its last places (8.2
    billion read as 8199999999.999999). Empty for zero."""
    return tuple({format(Decimal(written), "f").replace(".", "").strip("-0")
                  for written in (repr(abs(value)), f"{abs(value):.12g}")})


_NOT_ASCII_DIGIT = re.compile(r"[^0-9]+")
# A number word or a fraction in words (not a power of ten, which keeps a figure's digits: "2.5
# million") a few words from a digit, where one figure may be written with both.
_DIGIT_CHANGING_WORDS = (NUMBER_WORDS | _FRACTION_WORDS) - {"hundred", "thousand", "million", "billion", "trillion"}
_DIGIT_CHANGING_WORD = alternation(sorted(_DIGIT_CHANGING_WORDS))
# The words a figure in words is written with: a text whose words (as ``_words`` reads them,
# between any two non-letters: "5million") have none of them has no figure in words.
_FIGURE_WORDS = NUMBER_WORDS | _FRACTION_WORDS
_WORD_BESIDE_DIGIT = re.compile(
    rf"\d[^\w\n]{{0,3}}(?:[^\W\d]+[^\w\n]{{1,3}}){{0,2}}(?:{_DIGIT_CHANGING_WORD})\b"
    rf"|\b(?:{_DIGIT_CHANGING_WORD})(?:[^\w\n]{{1,3}}[^\W\d]+){{0,2}}[^\w\n]{{0,3}}\d", re.I)
_NOT_DIGIT_BYTES = bytes(byte for byte in range(256) if not ord("0") <= byte <= ord("9"))
# What makes a figure's value other than its digits in a row: a fraction's slash, a vulgar
# fraction, a superscript or a subscript, a digit of another script.
_DIGITS_CHANGED = re.compile(r"[/⁄\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u218b]|(?![0-9])\d")


@functools.lru_cache(maxsize=8192)
def _words(text: str) -> frozenset[str]:
    """The lower-cased words of ``text`` (as ``_LETTERS`` reads them): asked of a statement by
    the figures' search and by ``speaks_in_mathematics``, and read once. Most statements are
    ASCII, whose words are split out of their bytes with every other character made a space,
    in under half the time a search for them takes."""
    if text.isascii():
        return frozenset(text.lower().encode().translate(_ASCII_LETTERS_ONLY).decode().split())
    return frozenset(_LETTERS.findall(text.lower()))


# Each byte that is not a lower-case ASCII letter becomes a space.
_ASCII_LETTERS_ONLY = bytes(byte if ord("a") <= byte <= ord("z") else ord(" ") for byte in range(256))


def _find(text: str) -> list[NumericClaim]:
    first_digit = _HAS_DIGIT.search(text)
    words = _words(text)
    if first_digit is None and words.isdisjoint(_CLAIM_WORDS):
        return []  # most statements: no digit, and none of the words a figure in words has
    masks: list[tuple[int, int]] | None = None  # found when a figure first needs them: a text of years never does
    german = bool(first_digit) and len(words & _GERMAN_WORDS) >= 2
    digit_claim = _GERMAN_DIGIT_CLAIM if german else _DIGIT_CLAIM
    candidates: list[NumericClaim] = []
    pos = 0
    next_digit = first_digit
    # A figure's currency sits at most a few characters before its first digit, so each search
    # starts there: a plain search for the next digit passes over the words between figures
    # many times faster than the figures' pattern.
    while next_digit is not None:
        match = digit_claim.search(text, max(pos, next_digit.start() - 8))
        if match is None:
            break
        if _bare_year(text, match):
            claim = None
        else:
            if masks is None:
                masks = _masked_spans(text, words)
                if german:
                    masks.extend(m.span() for m in _GERMAN_ORDINAL.finditer(text))
                elif "als" in words:
                    masks.extend(m.span() for m in _RANK_AS.finditer(text))
            claim = _digit_claim(text, match, masks)
        if claim is not None:
            candidates.append(claim)
            pos = claim.end
        elif match.group("range") is not None and _keyword_before(text, match.start()):
            pos = match.end()  # "aged 40 to 59", "pages 12–15": the keyword names the whole range
        else:
            # Rejected ("S-300 and 25"): the second figure of a would-be range gets its own try.
            pos = match.end("num")
        next_digit = _HAS_DIGIT.search(text, pos)
    for match in (_WORD_CLAIM.finditer(text) if not words.isdisjoint(NUMBER_WORDS) else ()):
        claim = _word_claim(text, match)
        if claim is not None:
            candidates.append(claim)
    for match in (_FRACTION_CLAIM.finditer(text) if not words.isdisjoint(_FRACTION_WORDS) else ()):
        claim = _fraction_claim(text, match)
        if claim is not None:
            candidates.append(claim)
    for match in (_VAGUE_CLAIM.finditer(text) if not words.isdisjoint(_VAGUE_WORDS) else ()):
        if not _capitalised_mid_sentence(text, match.start()):
            candidates.append(NumericClaim(match.start(), match.end(), match.group(), None, "vague",
                                           _noun_after(text, match.end())))
    if not candidates:
        return candidates  # what follows only drops candidates
    if _HYPOTHESIS.match(text):
        return []  # "Suppose a 10,000 kg probe is sent": an example, not a report
    if not text.isascii():  # "(विष्णु पुराण, २,१,३२)": digits of another script belong to text quoted in it
        candidates = [c for c in candidates if not _FOREIGN_DIGIT.search(c.raw)]
    if _NUMBERED_KEY.match(text):
        return []  # "1 Nucleus 2 Nuclear pore 3 Rough ER": a diagram's key, its numbers labels
    if _sets_up_a_case(text):  # "If the reading is 0.10 mm, …": but people it counts are reported
        candidates = [c for c in candidates if _counts_people(c)]
    if candidates and _defines_a_term(text, words):
        return []  # "The term 1 in 10 year storm describes ...", "the unit of inductance is the henry": definitions
    if candidates and "=" in text and _CALCULATION.search(undo_double_decoding(text)):
        return []  # "6.015 + 2.014 = 8.029 u": arithmetic, whose figures are computed, not reported
    if candidates and (made_up := _MADE_UP_VALUES.search(text)):
        candidates = [c for c in candidates if c.start < made_up.start()]
    for gate, passing in _QUOTED_IN_PASSING:
        if candidates and not words.isdisjoint(gate):
            spans = [m.span() for m in passing.finditer(text)]
            candidates = [c for c in candidates if not _overlaps(spans, c.start, c.end)]
    if (candidates and (not words.isdisjoint(_CONVERSION_WORDS) or "=" in text or "≈" in text)
            and not _DATED.search(text)):  # "in 1860 … one "libbra" = 339.54 grams": a unit of its time
        spans = [m.span() for m in _UNIT_CONVERSION.finditer(text)]
        candidates = [c for c in candidates if not _overlaps(spans, c.start, c.end)]
    locomotive = not words.isdisjoint(_LOCOMOTIVE_WORDS)
    traction = not words.isdisjoint(_TRACTION_WORDS)
    if candidates and (locomotive or traction or "+" in text or _TANK_ENGINE.search(text)):
        spans = [m.span() for m in _WHEEL_ARRANGEMENT.finditer(text)
                 if "+" in m.group() or m.group("tank")
                 or locomotive and (not words.isdisjoint(_RAILWAY_WORDS) or _NAMES_A_LOCOMOTIVE.match(text, m.end()))
                 or traction and _TRACTION_AFTER.match(text, m.end())]
        candidates = [c for c in candidates if not _overlaps(spans, c.start, c.end)]
    if candidates and not words.isdisjoint(_WORK_NOUNS):
        candidates = [c for c in candidates if c.noun or not _WORK_BEFORE.search(text, max(0, c.start - 10), c.start)]
    if candidates and "deviation" in text and _DEVIATIONS_COUNTED.search(text):
        candidates = [c for c in candidates if not (c.kind == "percent" and c.value in _NORMAL_SHARES)]
    if candidates and "/" in text:
        spans = [m.span() for m in _SYMBOLIC_FRACTION_VALUE.finditer(text)]
        candidates = [c for c in candidates if not _overlaps(spans, c.start, c.end)]
    if any(c.kind == "money" for c in candidates):
        candidates = [c for c in candidates if not (_names_a_denomination(text, c) or _names_a_tier(text, c))]
    if any(c.kind == "percent" for c in candidates):
        figures = [(c.start, c.end) for c in candidates]
        candidates = [c for c in candidates if not _restates_a_proportion(text, c, figures)]
    if candidates:
        candidates = [c for c in candidates if not _bare_unit(c)]
    if candidates and ("°" in text or not words.isdisjoint(_ANGLE_WORDS)) and not _WARMTH.search(text):
        candidates = [c for c in candidates if not _part_of_a_turn(text, c)]
    condition = bool(candidates) and _CONDITION.match(text) is not None
    mathematics = bool(candidates) and _speaks_in_mathematics(text, words)
    if condition and mathematics:  # "If the string is approximated with 100 mass points": a model's setup
        candidates = [c for c in candidates if c.kind != "count"]
    elif condition or mathematics:
        candidates = [c for c in candidates if not _generic_count(c)]
    if candidates and _states_a_definition(text, words):
        candidates = [c for c in candidates if not (_generic_count(c) and (c.value or 0) <= 10)]
    if candidates and "defined" in words and (defined := _DEFINED_AS.search(text)) and not _RECORD_YEAR.search(text):
        candidates = [c for c in candidates if not _share_of_a_reference(text, c, defined.end())]
    if candidates and not words.isdisjoint(_SELECTING_WORDS):
        candidates = [c for c in candidates if not _SELECTION_AFTER.match(text, c.end)]
    if candidates and _EQUATION.search(text):
        candidates = [c for c in candidates if not _STOICHIOMETRY_AFTER.match(text, c.end)]
    if german:  # German capitalises nouns: "16 Bundesländer", not "16 Bundesländer besetzt"
        candidates = [dataclasses.replace(c, noun=c.noun.split(" ")[0]) for c in candidates]
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start)))
    claims: list[NumericClaim] = []
    for claim in candidates:
        if claims and claim.start < claims[-1].end:
            continue
        claims.append(claim)
    return claims


# The piece of money a sum names, perhaps with its series' year and its issuer: "a $20 bill", "one
# and two dollar bills", "the 5 euro note", "$10 1915 Kansas City District Federal Reserve Bank Note",
# a coin of a kind or an issue ("€2 commemorative Sede Vacante coins", "a €2 commemorative"), one
# of a series ("£5 and £10 notes"); not a bill to pay ("a £85,000 tax bill").
_DENOMINATION_AFTER = re.compile(
    r"(?:[\s\-]+(?:dollar|euro|pound|cent|yen|yuan|franc|peso|rupee|ruble|rouble|mark|rand|lira)s?)?"
    r"(?:\s*(?:,|and|or)\s*[$£€¥]\d{1,4})*"
    # an issuer's name before a note, not before a bill ("a $500 Medicare bill")
    r"(?:\s+(?:1[6-9]|20)\d\d)?(?:(?:\s+[A-Z][\w.&'’]*){0,6}[\s\-]+(?i:bank\s?)?(?i:notes?|banknotes?|certificates?)\b"
    r"|[\s\-]+(?i:bills?)\b"
    r"|(?:\s+(?i:commemorative|circulating|bimetallic|gold|silver|bronze|collector)|\s+[A-Z][\w'’]*){0,4}"
    r"[\s\-]+(?i:coins?\b|commemoratives?\b(?!\s+(?!of\b)[a-z])))"
)
_DENOMINATION_DIGITS = re.compile(r"[125]0{0,3}")


# A tournament named by its prize money and its place, alone in a cell: "$10,000 Wrexham, Great
# Britain", "$25,000 Mount Gambier, Australia" (a tennis circuit's tier and town); not a gift to a
# body, "$100,000 Ford Foundation, New York".
_PLACE_NAME = r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}"
_TIERED_EVENT = re.compile(rf"\s+(?!.*\b(?:University|College|Foundation|Institute|Museum|Trust|Fund|Company|Inc)\b)"
                           rf"{_PLACE_NAME},\s+{_PLACE_NAME}\s*")


def _names_a_tier(text: str, claim: NumericClaim) -> bool:
    """Whether a sum of money, in round thousands, opens a text that is only it and a place
    with its country: the prize money that names a tournament's tier."""
    return claim.start == 0 and claim.value in _TIERS and _TIERED_EVENT.fullmatch(text, claim.end) is not None


# The prize money the tennis circuits' tiers are named by.
_TIERS = frozenset((10_000.0, 15_000.0, 25_000.0, 50_000.0, 60_000.0, 75_000.0, 80_000.0, 100_000.0))


def _names_a_denomination(text: str, claim: NumericClaim) -> bool:
    """Whether a sum of money names a banknote or a coin, a kind of money, rather than an amount:
    its value is a denomination's (1, 2 or 5 times a power of ten, up to 1,000)."""
    value = claim.value
    return (value is not None and value <= 1000 and _DENOMINATION_DIGITS.fullmatch(f"{value:g}") is not None
            and _DENOMINATION_AFTER.match(text, claim.end) is not None)


# Mathematics: its terms, Greek letters (also as decoded twice, "Î»"), relations of variables.
_MATH_WORDS = frozenset(
    "eigenvalue eigenvalues eigenvector eigenvectors eigenfunction eigenfunctions eigenstate "
    "eigenstates matrix matrices polynomial polynomials integral integrals derivative derivatives "
    "vector vectors scalar scalars equation equations theorem theorems lemma lemmas multiplicity "
    "multiplicities integer integers modulo coefficient coefficients axiom axioms subset subsets "
    "dimensional integrable convolution transform transforms logarithm logarithms vertex vertices".split()
)
# Read with double-decoded characters restored ("Î»1" is "λ1", "Bá»¥t" has no lone "t").
# Greek letters name variables only beside a subscript or a relation ("λ1", "μ = 0"); alone
# they are prefixes and names ("10 μm", "α-helix"). A lone lowercase letter is a variable
# ("when s is greater than 1") unless it is the unit of a figure ("9.95 s", "100 m").
_MATH_SIGNS = re.compile(
    r"[∑∫√∈≤≥≠≈]|\{\s*-?\d[\d.]*\s*,|[α-ωΑ-Ω](?=\d|\s*[=<>]|−)|\b[a-zA-Z]{1,3}\s*[=<>]\s*[\w(−-]"
)
_MATH_SIGN_CHARS = re.compile(r"[∑∫√∈≤≥≠≈=<>α-ωΑ-Ω{]")
_LONE_LETTER = re.compile(r"(?<![\w'’.\-/])(?<!\d )(?<!\d\u00a0)[b-z](?![\w'’.\-/])")
# Lowercase letters that stand alone in prose without naming a variable: "Merkel's", "don't".
_LETTERS_OF_CONTRACTIONS = frozenset("s t d m".split())
# The one-letter words (as ``_LETTERS`` reads them) that may name a variable: not an article,
# "I" or the tail of a contraction.
_LONE_LETTER_WORDS = frozenset("abcdefghijklmnopqrstuvwxyzäöüß") - _LETTERS_OF_CONTRACTIONS - {"a", "i"}
# A made-up case ("Suppose a 10,000 kg probe", "If, for example, an estimate was $1,252,000",
# "Now, imagine the strong chain is broken"),
# and a condition ("If A were a triangle"), whose small counts are any case's.
_HYPOTHESIS = re.compile(
    r"\s*(?:Suppose|Consider|Let|Assume|Imagine|Now,?\s+(?:suppose|consider|assume|imagine)|If,?\s+(?:for\s+example|say)\b)\b"
    r"|\s*\(?(?:For\s+(?:example|instance),\s*)[\"“]If\b|[^.;]*,\s+(?:consider|suppose|assume|imagine)\s"
)
# The key of a labelled diagram, its parts numbered from 1: "1 Nucleus 2 Nuclear pore 3 Rough ER".
_NUMBERED_KEY = re.compile(r"\s*1\s+[A-Z][^\d.;]{1,40}\s2\s+[A-Z][^\d.;]{1,40}\s3\s+[A-Z]")
# An aside that only lists typical values of a kind: "the mains supply (e.g. 50 Hz or 60 Hz)";
# not one that reports a case: "(e.g. one in 1992 that killed 613 civilians)".
_TYPICAL_VALUE = r"\d[\d.,]*\s?[^\W\d_]{0,5}"
_ILLUSTRATION_ASIDE = re.compile(
    rf"\((?:e\.\s?g\.,?|for\s+(?:example|instance),|such\s+as)\s*{_TYPICAL_VALUE}"
    rf"(?:\s*(?:,|or|and|to|[{_DASH}])\s*{_TYPICAL_VALUE})*\s*\)",
    re.I,
)
# Values given as an instance of a kind in the run of a sentence: "estimates such as 2
# electricians for 8 hours", "Bioterrorism; e.g. 2001 Anthrax attacks".
_INSTANCE_VALUES = re.compile(r"\b(?:such\s+as|e\.\s?g\.,?)\s+(?=\d)(?:[^.;()]|\.\d)*", re.I)
_ILLUSTRATING_WORDS = frozenset("e g example instance such".split())
# A physical constant quoted in passing, with the rest of its clause: "at the speed of light,
# approximately 300 thousand kilometers (or 186 thousand miles) a second".
_CONSTANT_QUOTED = re.compile(
    r"\b(?:(?:speed|velocity)\s+of\s+(?:light|sound)|(?:visible\s+light|the\s+visible)(?=\s*\()|the\s+visible(?=\s+(?:spectrum|range|band)))\b"
    r"(?:[^.;]|\.\d){0,80}",
    re.I,
)
_CONSTANT_WORDS = frozenset(["light", "sound", "visible"])
# What no unit is: a scale word ("€900 million ≈ 1 billion") or a share.
_NOT_A_SCALE = r"(?!(?:thousand|million|billion|trillion|percent)\b)"
# One unit stated in another, a conversion factor: "1 mile = 5280 feet", "One g/cm3 is equal to
# one thousand kg/m3", "A "point" is equivalent to 0.001 inch", "(1 g/cm3 ≈ 1685.5549 lb/cu yd)",
# "A newton is thus equal to 100,000 dynes".
_UNIT_CONVERSION = re.compile(
    r"\b(?:1|one|an?)\s+(?:[\"“][^\"”]{1,20}[\"”]|[^\W\d_][\w/·.]*(?:\s(?:per\s)?[^\W\d_][\w/·]*)?)\s*"
    r"(?:\([^()]{1,12}\)\s*)?"
    r"(?:=|≈|≅|is\s+(?:thus\s+|therefore\s+|hence\s+)?(?:exactly\s+|about\s+|approximately\s+|roughly\s+)?(?:equal|equivalent)\s+to|equals)\s*"
    r"(?:exactly\s+|about\s+|approximately\s+|roughly\s+)?"
    r"(?:\d[\d.,]*(?:\s?[×x]\s?10\S*)?|(?:one|a)\s+(?:hundred|thousand|million|billion))"
    # the same again in a smaller unit: "1 acre = 4,840 square yards = 43,560 square feet"
    r"(?:\s*[^\W\d_][\w/·.]*(?:\s[^\W\d_][\w/·]*)?\s*=\s*\d[\d.,]*)*"
    # the factor of an instruction to convert: "(to convert kPa into mm Hg, multiply by 7.5)"
    r"|\bconvert\b[^.;()]{0,40}?,\s*(?:multiply|divide)\s+by\s+\d[\d.,]*"
    # the same the other way round, to one of the larger unit, closing its clause: "760 Torr = 1
    # atm."; not a rate ("110 yen = 1 US dollar at the end of the year"), nor a scale word
    # ("€900 million ≈ 1 billion dollars")
    rf"|\b\d[\d.,]*\s?{_NOT_A_SCALE}[^\W\d_][\w/·]{{0,7}}\s*(?:=|≈|≅)\s*"
    rf"(?:1|one)\s+{_NOT_A_SCALE}[^\W\d_][\w/·]{{0,7}}(?=\s*(?:[.;:)\]]|$))",
    re.I,
)
_CONVERSION_WORDS = frozenset("equal equivalent equals convert".split())
# A work named by a number, right after the kind of work, with no noun of its own after it: "the
# hit Fox show 24.", "the album 21 in 2011", "the film 300 with Butler"; "the show 24 times" counts.
_WORK_NOUNS = frozenset("album film movie song show series novel musical".split())
_WORK_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_WORK_NOUNS))})\s+$", re.I)
# A steam locomotive's wheel arrangement in Whyte notation, wheels counted per axle group and
# so always even: "six 2-6-0 locomotives", "a 0-6-0T tank engine", or named with the class it
# gives its name to, "the 4-8-4 K class", or closing a builder's row ("Yorkshire Engine Company
# "Janus" 0-6-0"). A season's record ("the class of 1988 finished 2-4-2")
# speaks of no locomotive, and stays a figure. An articulated engine's two groups joined by "+"
# ("30 French-built 4-6-2+2-6-4 Garratts") name nothing else, with or without such a word, nor
# does the arrangement in the plural, for the engines of it ("the four GE class 4-8-2+2-8-4s").
_AXLE_GROUPS = r"(?<![\w-])[02468][-–][02468](?:[-–][02468]){1,3}"
_TANK = r"(?:T|ST|PT|WT)"
_WHEEL_ARRANGEMENT = re.compile(rf"{_AXLE_GROUPS}(?:\+[02468](?:[-–][02468]){{2,4}})*(?P<tank>{_TANK})?s?(?![\w-])")
# A tank engine's arrangement, its kind of tank glued on ("0-4-0T (oil fired)", "0-4-0ST"): no
# record or score is written so. A diesel's or a petrol engine's, with its drive after it ("0-4-0
# Diesel Mechanical", "0-6-0 diesel-hydraulic"): no record is followed by an engine.
_TANK_ENGINE = re.compile(rf"{_AXLE_GROUPS}{_TANK}s?(?![\w-])")
_TRACTION_WORDS = frozenset(("diesel", "petrol", "electric", "battery"))
_TRACTION_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(_TRACTION_WORDS))})\b", re.I)
_RAILWAY_WORDS = frozenset("locomotive locomotives tender steam railway railways railroad railroads mallet mallets "
                           "garratt garratts".split())
_LOCOMOTIVE_WORDS = _RAILWAY_WORDS | {"class", "classes", "engine", "engines", "tank", "pacific", "pacifics"}
_NAMES_A_LOCOMOTIVE = re.compile(r"\s+(?:[A-Z]{1,3}\d?\s+)?(?:class(?:es)?|engines?|tank|Pacifics?)\b|\s*$")  # or ends a table's cell
# The shares of a normal distribution within one, two, three and four standard deviations of its
# mean (the 68–95–99.7 rule), which a statement counting the deviations gives as mathematics:
# "Three standard deviations account for 99.7% of the sample population".
_NORMAL_SHARES = frozenset([68.0, 68.27, 95.0, 95.45, 99.7, 99.73, 99.99, 99.994])
_DEVIATIONS_COUNTED = re.compile(r"\b(?:one|two|three|four|[1-4])\s+standard[\s_]+deviations?\b", re.I)
# The value of a fraction over a constant or a variable, glossed as a percentage: "1/e (about 37%)".
_SYMBOLIC_FRACTION_VALUE = re.compile(
    r"(?<![\w.])\d+\s?/\s?[A-Za-zπ√][\w√]*\s*\(\s*(?:about|approximately|roughly|around|≈|~)?\s*\d[\d.]*\s?%\s*\)"
)
# A proportion given as parts of a whole: "18 parts per 24", and a gold's karat, its parts of 24
# ("18 karat", "18-karat").
_PARTS_OF_A_WHOLE = re.compile(
    r"(?<![\d.,])(?:(\d{1,4})\s+parts?\s+(?:per|in|of|out\s+of)\s+(\d{1,4})|(\d{1,2})[\s-]?(?:karat|carat)s?\b)(?![\d.,]\d)", re.I)
# A number of three digits (perhaps with a tenth), which may give a share per thousand: "750", "999.5".
_PER_MILLE = re.compile(r"(?<![\d.,])\d{3}(?:\.\d)?(?![\d,]|\.\d)")


def _restates_a_proportion(text: str, claim: NumericClaim, figures: list[tuple[int, int]]) -> bool:
    """Whether a share only restates a proportion its statement gives in another notation: as
    parts of a whole ("75% (18 parts per 24)", ""18 karat" for an alloy with 75%"), or per
    thousand in a number that is no figure of its own (of ``figures``): a grade's name or a
    label ("an alloy containing 75% gold is denoted as "750"", "900: … or 90% silver"; not "900
    (90%) died")."""
    if claim.kind != "percent" or claim.value is None or claim.high is not None:
        return False
    share = claim.value
    if not _words(text).isdisjoint(_PARTS_WORDS):
        for parts in _PARTS_OF_A_WHOLE.finditer(text):
            part, whole = (parts[1], parts[2]) if parts[1] else (parts[3], "24")
            if int(whole) and abs(100 * int(part) / int(whole) - share) < 0.05:
                return True
    per_mille = round(10 * share, 1)
    if abs(per_mille - 10 * share) >= 1e-9 or format(per_mille, "g") not in text:
        return False  # no number of three digits and a tenth at most can give the share
    return any(abs(float(m.group()) - 10 * share) < 1e-9 for m in _PER_MILLE.finditer(text)
               if not _overlaps(figures, m.start(), m.end()))


_PARTS_WORDS = frozenset("part parts karat karats carat carats".split())


_DATED = re.compile(r"\b(?:in|of|since|from|by|until|before|after)\s+(?:1[0-9]|20)\d\d\b")
# Names a figure is part of, in words or digits: a race held indoors ("Two miles (indoors)"), an
# age group's event ("Legends Under 45 Doubles", "the Over 35 Singles") and a tie's format
# ("qualified … over two legs", "played in two legged matches"), a constituency's seats.
_INDOOR_RACE = re.compile(r"\b(?:\d[\d,]*|[Oo]ne|[Tt]wo|[Tt]hree)\s?(?:m|metres|meters|miles?)\s*\((?:in|out)doors?\)")
_AGE_GROUP = re.compile(
    r"\b(?:Under|Over)[\s-]\d{1,2}(?=\s+(?:Singles|Doubles|Mixed|Men's|Women's|Boys'?|Girls'?|Team|Cup|World|League|Championships?)\b)")
# A constituency's kind, by the members it elects, as its article opens: "It elected one Member of
# Parliament (MP) by the first past the post system"; not a party's result, "The Greens elected one
# Member of Parliament (MP), Caroline Lucas".
_SEATS_OF_CONSTITUENCY = re.compile(
    r"\b(?:[Ii]t|constituency|borough|seat|division|burgh)\s+(?:(?:has|had|then|now|also|always)\s+)?"
    r"(?:elects|elected|returns|returned)\s+(?:one|two)\s+Members?\s+of\s+Parliament\s*\(MPs?\b")
_TIE_FORMAT = re.compile(r"\bover\s+(?:two|2)\s+legs\b(?!\s+of\b)"
                         r"|\b(?:[Tt]wo|2)[\s-]legged\s+(?:ties?|matche?s?|games?|fixtures?|play-?offs?|finals?|semi-?finals?|rounds?|format)\b")
# A fraction of a unit in words glossed in digits: "(ten-thousandths of an inch, 0.0001")".
_FRACTION_OF_UNIT_GLOSS = re.compile(
    r"\b(?:(?:ten|hundred)-)?(?:tenths?|hundredths?|thousandths?|millionths?)\s+of\s+an?\s+[a-z]+\s*[,(]\s*0\.0*1(?!\d)")
_UNIT_FRACTION_WORDS = frozenset("tenth tenths hundredth hundredths thousandth thousandths millionth millionths".split())
# Values quoted in passing (a unit's gloss among them), and names with a figure in them, each with
# the words that must be present for it to be looked for.
_QUOTED_IN_PASSING = ((_ILLUSTRATING_WORDS, _ILLUSTRATION_ASIDE), (_ILLUSTRATING_WORDS, _INSTANCE_VALUES),
                      (_CONSTANT_WORDS, _CONSTANT_QUOTED), (frozenset(["indoors", "outdoors"]), _INDOOR_RACE),
                      (frozenset(["under", "over"]), _AGE_GROUP), (frozenset(["legs", "legged"]), _TIE_FORMAT),
                      (frozenset(["parliament"]), _SEATS_OF_CONSTITUENCY),
                      (_UNIT_FRACTION_WORDS, _FRACTION_OF_UNIT_GLOSS))
# Units that a statement may define by another: "A day is 24 hours or 86,400 seconds in length".
_DEFINED_UNITS = (
    "second|minute|hour|day|week|fortnight|year|metre|meter|kilometre|kilometer|mile|foot|inch|yard|"
    "gram|kilogram|pound|ounce|ton|tonne|litre|liter|gallon|byte|kilobyte|megabyte|calorie|joule|"
    "electronvolt|watt|volt|ampere|mole|atmosphere|bar|knot|light-year|parsec|hectare|acre"
)
# A unit that a defined unit is given in: its name, plural or prefixed ("grams", "kilometres"), or
# its symbol ("kg", "cm").
_UNIT_NAME = rf"(?:(?:kilo|centi|milli|micro|mega|giga)?(?:{_DEFINED_UNITS})(?:s|es)?|feet|[kcmµ]?[gm]|lbs?|oz|ft)\b"
_DEFINED_UNIT_WORDS = frozenset(_DEFINED_UNITS.split("|"))
# A statement of what a term or a unit means: "The term 1 in 100 year storm describes a rainfall
# event ...", "the unit of inductance is the henry (H), which is ... 1 volt", "Ice caps have an
# area less than 50,000 km2 by definition", "A minute (min) is 60 seconds", "SI defines the second as …".
# A threshold a kind is drawn at: "with at least 500 meters", "of more than 8 million".
_KIND_THRESHOLD = r"(?:with|of|having)\s+(?:at\s+least|more\s+than|over|less\s+than|under|fewer\s+than)\s+\d"
_DEFINES_A_TERM = re.compile(
    r"\s*(?:The\s+)?term\s+[^.;]{1,60}?\s+(?:describes|means|refers\s+to|denotes|stands\s+for)\b"
    r"|[^.;]*\bthe\s+(?:(?-i:[A-Z]{2,5})\s+)?unit\s+of\s+[a-z]+\s+is\s+the\s+[a-z]+\b"
    # a unit given its symbol and set equal to one of another: "The technical atmosphere (symbol:
    # at) is 1 kgf/cm2 (98.0665 kPa, or 14.223 psi)"
    r"|[^.;]*\(symbol:?\s[^()]{1,12}\)\s+(?:is|equals)\s+(?:exactly\s+)?(?:1|one)\s"
    r"|[^.;]*\bby\s+definition\b"
    rf"|\s*(?:An?|One)\s+(?:{_DEFINED_UNITS})\s+(?:\([^()]{{1,12}}\)\s+)?(?:is|equals)\s+(?:exactly\s+)?\d"
    # "The kilogram is 1000 grams (g)", "the tonne (t) (or "metric ton") is equal to 1000 kg.": a
    # unit set equal to a number of another and nothing more, not "The pound is 5% below its peak"
    rf"|\s*The\s+(?:{_DEFINED_UNITS})\s+(?:\([^()]{{1,20}}\)\s+){{0,2}}(?:is|equals)\s+(?:exactly\s+)?"
    rf"(?:(?:equal|equivalent)\s+to\s+)?\d[\d,.]*\s?{_UNIT_NAME}(?=\s*(?:[.,;(]|$))"
    rf"|[^.;]*\bthe\s+(?:SI\s+)?(?:{_DEFINED_UNITS})\s+(?:is|was)\s+(?:now\s+)?defined\s+as\b"
    rf"|[^.;]*\bdefines?\s+the\s+(?:{_DEFINED_UNITS})\s+as\b"
    r"|[^.;]*\bdata\s+are\s+given\s+for\s+materials\s+in\s+their\s+standard\s+state\b"  # a chemical infobox's note
    # a kind defined by a threshold: "defines a major summit as a summit with at least 500 meters",
    # "An ultra-prominent summit is a summit with at least 1500 meters"
    rf"|[^.;]*\bdefines?\s+(?:an?\s+)?(?:[\w\-]+\s+){{0,2}}?[\w\-]+\s+as\s+an?\s+[\w\-]+\s+{_KIND_THRESHOLD}"
    rf"|\s*An?\s+(?:[\w\-]+\s+){{0,2}}(?P<kind>[a-z]+)\s+is\s+an?\s+(?P=kind)\s+{_KIND_THRESHOLD}",
    re.I,
)
# A word that every ``_DEFINES_A_TERM`` match has, but one that opens with "a", "an" or "one", or
# with "the" and names a unit.
_DEFINING_TERMS = frozenset("term unit definition defined define defines standard symbol".split())
_UNIT_DEFINITION_OPENERS = ("a", "an", "one")
# Characters that match an ASCII letter case-insensitively ("ſ" an "s", "ı" an "i") and so may
# spell a word of a case-insensitive pattern that ``_LETTERS`` does not read as that word.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f]")


def _defines_a_term(text: str, words: frozenset[str]) -> bool:
    """Whether ``_DEFINES_A_TERM`` matches ``text`` (whose words are ``words``); searched only
    in a text that has a word every match needs, or opens with a word a unit's definition does."""
    opener = text.split(None, 1)[:1]
    opens_a_definition = bool(opener) and (opener[0].lower() in _UNIT_DEFINITION_OPENERS
                                          or opener[0].lower() == "the" and not words.isdisjoint(_DEFINED_UNIT_WORDS))
    if (words.isdisjoint(_DEFINING_TERMS) and not opens_a_definition
            and (text.isascii() or _FOLDS_TO_ASCII.search(text) is None)):
        return False
    return _DEFINES_A_TERM.match(text) is not None


# An equation on figures: arithmetic next to an equals sign ("(2 + 6)/2 = 4", "0.0238 × 931 MeV
# = 22.2 MeV", "+0.34 V − (−0.76 V) = 1.10 V"), a quantity set equal to a figure ("1 u c² =
# 931.49 MeV"), or a result carried over to a line of its own ("= 931.49 MeV,").
_CALCULATION = re.compile(
    r"\d\)?\s*[+×*/−]\s*\(?\d[^=;]{0,40}=|=\s*\(?\d[\d.]*\s*[+×*/−]\s*\(?\d"
    r"|\d\s?[^\W\d_]{1,3}\)?\s*(?:[+×*/−]|–(?=\s))\s*\(?−?\d[^=;]{0,40}=\s*[(−]?\d"  # an en dash for minus: "33.7 kPa – 6.3 kPa] = 5.8"
    r"|\d(?:\s*[^\W\d_]{1,2}[²³]?(?![^\W\d_]))*\s*=\s*[(−]?\d|^\s*=\s*[(−]?\d"
)
# ", say, 100 km", "(say 1–2 bases)", "a point value of say 650": the values that follow are made
# up for the illustration; not what someone says ("officials say 50 died"), nor "a great deal of
# say in the company", "a measure of say, 30% of the seats".
_MADE_UP_VALUES = re.compile(r",\s*say,\s|\(say,?\s|\bof\s+say\s+(?=[$€£]?\d)")
# A case set up to reason about, in its opening clause: "If the reading is 0.10 mm, …",
# "Optimization: Say lemonade is sold at $1", "When a metal complex has 18 valence electrons";
# not a time ("When the war began"), a name's case ("If the Hale-Bopp comet had hit") or what
# a count leaves out ("If hydrocarbons are excluded, growth has been estimated at 4.8%").
_CASE_OPENS = re.compile(
    r"\s*(?:[A-Z][a-z]+:\s+)?(?:If|Say|When\s+(?:(?:a|an|the|both|each|one)\s+)?(?:[\w\-]+\s+){0,3}?(?:is|are|has|have)\b)"
    r"(?![^,]*\b(?:excluded|included|excluding|including|counted|taken\s+into\s+account)\b)"
)


def _sets_up_a_case(text: str) -> bool:
    """Whether a sentence reasons about a made-up or general case, whose figures (but for
    counts of people) describe the case rather than report the world: it opens with a condition
    that names no one and sets up a case of its own, in a sentence with no year. "If successful,
    it would be the first return in over 40 years" conditions a real plan: no case is set up."""
    opened = _CASE_OPENS.match(text)
    if opened is None or _YEAR_IN_TEXT.search(text):
        return False
    condition_end = text.find(",", opened.end())
    condition = text[:condition_end if condition_end > 0 else len(text)]
    return len(condition.split()) >= _CASE_WORDS and _PROPER_NAME_INSIDE.search(condition) is None


_CASE_WORDS = 4  # "If the reading is 0.10 mm"; not "If successful", "If so", "If elected president"


_CONDITION = re.compile(r"\s*(?:(?:For\s+(?:example|instance),\s*)(?:if|when)|If|Given)\b")
_EQUATION = re.compile(r" \+ .*(?: \+ |→|=|â\u0086\u0092)")
# A coefficient of a chemical equation: "2 H2O + 2 NADP+ → ...".
_STOICHIOMETRY_AFTER = re.compile(r"\s+[A-Z][A-Za-z]*\d*[A-Za-z\d]*\+?(?=[\s,.;)]|$)")


# A worked example named as such ("In this example", "for this example column 4 is selected", "In
# the cash flow example below", not "In the most famous example, …", "As an example, we will
# calculate", "A simple example would be to select every 10th name", "Example 2: the opposition
# team is ranked 125th", "The following examples use these hypothetical teams"), or
# any example ("For example", "e.g.") in mathematics.
_WORKED_EXAMPLE = re.compile(
    r"\b(?:in|for)\s+(?:this|the|our)\s+example\b|\bthe\s+example\s+above\b|\bas\s+an\s+example\b"
    r"|\b(?:in|for)\s+the\s+(?-i:[a-z][\w-]*\s+){1,2}example\s+(?:below|above)\b"
    r"|\bexample\s*(?:\d{1,2}\s*)?:|\b(?:following\s+examples?|examples?\s+below)\s+uses?\s+(?:these\s+|the\s+following\s+|two\s+|some\s+)?hypothetical\b|\bwhat\s+happens\s+if\b|\ban?\s+(?:[a-z]+\s+)?example\b[^.]*?\b(?:might|would|could)\s+be\b"
    r"|\bcalculated\b[^.]*?\bas\s+follows\b|\ban\s+example\s+is\s+(?:given|shown)\b",
    re.I,
)
_ANY_EXAMPLE = re.compile(r"\s*(?:for\s+(?:example|instance)|e\.\s?g\.)", re.I)
# An example of any one of a kind that a figure or a table beside the text shows: "To the right is
# an example of a stock investment …", "Below is an example of a bond …"; not of a thing named ("an
# example of the tower, which stands 324 metres tall", "… of a Boeing 747-400 cabin"), nor in a
# year ("… of a 1936 ballot").
_SHOWN_EXAMPLE = re.compile(r"\b(?:(?:to|on)\s+the\s+(?:right|left)|below|above)\s+is\s+an?\s+(?:[a-z][\w-]*\s+)?example\s+of\s+an?\s+(?-i:[a-z])", re.I)


def names_worked_example(text: str) -> bool:
    """Whether a statement opens an illustration named as such, whose figures are made up or
    computed: "As an example, we will calculate the median of 1, 6, 2", "In this example", or a
    made-up case: "Consider the multiset { 1, 2, 2, 2, 3, 14 }", "If, say, 22% of the observations",
    "For example if the annual inflation rate for January is 5% and it is 4% in February, …" (of
    no one, in no year),
    "For instance, a recording of 843.6 m would imply a margin of 0.05 m", "Thus a pond that contained a
    single species might be said to contain 120 fish", "Thus, for a pin that must have a sliding fit …,
    the dimension may be spec'd as 12.00 +0 −0.01 mm", "Thus, a hypothetical current 50 km wide … would
    transport 50 Sv of water", "To the right is an example of a stock investment …" (in no year)."""
    return (("xample" in text or "appens" in text or "follows" in text) and _WORKED_EXAMPLE.search(text) is not None
            or _HYPOTHESIS.match(text) is not None or _illustrates_any_case(text) or _illustrates_a_usage(text)
            or _CONDITIONAL_EXAMPLE.match(text) is not None and _of_no_one_and_no_year(text, months=True)
            or (_ASSUMED_CASE.match(text) is not None
                or _HYPOTHETICAL_CASE.match(text) is not None and _ESTIMATED.search(text) is None
                or "xample" in text and _SHOWN_EXAMPLE.search(text) is not None) and _RECORD_YEAR.search(text) is None
            or _RULE_ON_ANY_CASE.match(text) is not None and _of_no_one_and_no_year(text))


# A specification worked out on any one of a kind: "Thus, for a pin that must have a sliding fit
# in its hole, the dimension may be spec'd as 12.00 +0 −0.01 mm"; not what a rule sets ("For a
# company with 50 employees, the law requires …") nor what may happen to one ("for a drug that
# lowers cholesterol, the risk may be reduced by 30%").
_RULE_ON_ANY_CASE = re.compile(
    r"\s*(?:(?:Thus|So|Hence|Therefore|For\s+(?:example|instance)),?\s+)?[Ff]or\s+an?\s+[a-z][\w\-]*\s+(?:that|which)\s"
    r"[^.;]*?,[^.;]*?\b(?:may|might|would|could)\s+be\s+(?:spec'?d|specified|toleranced|dimensioned)\b"
)
# A case worked out from values given before, which its assumption names without a figure of its
# own: "Assuming the standardized value for g and ignoring air resistance, … increases its velocity
# by 9.80665 m/s"; not a study's estimate ("Assuming a generation of 12 years, … diverged around
# 22,000 years ago") nor a dated projection ("… will reach 10 million by 2050").
_ASSUMED_CASE = re.compile(r"\s*Assuming\s[^\d,;.]+,")
# A hypothetical case worked out from what the text gave before: "Thus, a hypothetical current 50
# km wide …"; not a study's "A hypothetical manned mission to Mars would cost $100 billion" (nor
# with "Thus" and the study named, ``_ESTIMATED``), nor a poll's "Thus a hypothetical 2018 primary
# matchup showed …", which names a year.
_HYPOTHETICAL_CASE = re.compile(r"\s*(?:Thus|So|Hence),?\s+an?\s+hypothetical\s")
# What makes a hypothetical case a study's or a body's estimate: "… would kill 20 million people,
# according to the IPPNW study", "… would cost $100 billion, NASA estimated".
_ESTIMATED = re.compile(r"\b(?:according\s+to|estimat\w*|stud(?:y|ies)|found|reported|projected|predicted|says?|said"
                        r"|calculated|concluded|modell?ed|simulated|computed)\b", re.I)


# An example whose subject is any one of a kind: "For instance, a recording of 843.6 m …",
# "For example, with a bowl containing just 10 red marbles …"; not "a few", "a study", "a report";
# or that opens on a condition of its own: "For instance, if surveying households within a city, …".
_EXAMPLE_OF_ANY_CASE = re.compile(
    r"\s*(?:for\s+(?:example|instance)|(?:for\s+)?e\.\s?g\.),?\s+"
    r"(?:(?:with\s+)?(?:(?:the\s+)?(?:[a-z]+\s+){1,2}of\s+)?an?\s+"
    r"(?!(?:few|number\s+of|study|survey|report|census|poll|record)\b)|if\s+)",
    re.I,
)
# What makes the case supposed: "would imply", "might", "may be told to", "a number like 153,753",
# any one of a kind ("from a given country"), or a price given in no currency, which no report of
# the world gives ("Retail price of a cream is 25 and …").
_SUPPOSED = re.compile(
    r"\b(?:would|might|could)\b|\bmay\s+be\s+(?:told|asked|instructed)\s+to\b|\b(?:a|any)\s+given\s+[a-z]"
    r"|\blike\s+\d"
    r"|\b(?:price|cost)\b[^.;]{0,40}?\bis\s+\d+(?:\.\d+)?(?=\s+(?:and|but)\b|\s*[,.;]|\s*$)"
)
# A sentence end inside a statement that a copy left joined to the next ("… or something. for
# e.g. Retail price …"), after which an example may open.
_JOINED_SENTENCE_END = re.compile(r"[a-z]\.\s+(?=(?:for\s+|e\.))")
# What a dated report says and a made-up case does not: a verb in the past ("produced", "was");
# not a participle an article puts before its noun ("within the selected blocks").
_PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did)\b|\b(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?!hundred\b)\w{2,}[^\We]ed\b", re.I
)
# A supposition in the subjunctive, which tells of no past: "if it were made available nationwide".
_SUBJUNCTIVE = re.compile(r"\b(?:if|as\s+though)\s+(?:\w+\s+){1,3}?were\b", re.I)


def _illustrates_any_case(text: str) -> bool:
    """Whether a statement illustrates with a supposed case of a kind, its figures made up: it
    opens "For example, a …" or "For instance, if …", supposes ("would", "may be told to",
    "like 153,753"), names no one, no year, and tells of no past. "For example, a mine in the
    region produced 5,000 tonnes" reports a case, and "For instance, a 20% saline solution has viscosity over 1.5 times that of water" a fact."""
    opened = _example_opening(text)
    if opened is None:
        return False
    case = text[opened.start():]
    return (_SUPPOSED.search(case) is not None and _PAST_TENSE.search(_SUBJUNCTIVE.sub("", case)) is None
            and _of_no_one_and_no_year(text, opened.end() - 1))


def _example_opening(text: str) -> re.Match[str] | None:
    """The opening of an example of any case (``_EXAMPLE_OF_ANY_CASE``): at the statement's start,
    or after a sentence the copy joined to it whose words hold no figure ("Trade discount is the
    discount allowed on retail price. for e.g. Retail price of a cream is 25 …")."""
    opened = _EXAMPLE_OF_ANY_CASE.match(text)
    if opened is not None or ("e.g" not in text and "for " not in text):
        return opened
    for end in _JOINED_SENTENCE_END.finditer(text):
        opened = _EXAMPLE_OF_ANY_CASE.match(text, end.end())
        if opened is not None:
            return None if find_numeric_claims(text[:end.end()]) else opened
    return None


def _of_no_one_and_no_year(text: str, names_from: int = 0, months: bool = False) -> bool:
    """Whether a supposed case names no year, and no one from ``names_from`` on: a made-up case
    is of anyone, at any time. With ``months``, a month's name, of no year, names no one."""
    if _RECORD_YEAR.search(text) is not None:
        return False
    for name in _PROPER_NAME_INSIDE.finditer(text, names_from):
        if not (months and name.group().strip().lower() in _MONTH_WORDS):
            return False
    return True


# A supposed case set out as a condition that gives its figures in the present: "For example if the
# annual inflation rate for the month of January is 5% and …" (the sentences that carry it on, "Again
# if the current rate is 1% …", are its worked example's); not a rule ("Similarly, if a candidate's
# share is 15% or more, …"), nor a report told as a condition in the past ("For example, if the rate was 5% in 2008"), nor a
# condition on a practice whose outcome is the figure ("if two flanking markers are used … there is
# higher probability (99%)").
_CONDITIONAL_EXAMPLE = re.compile(
    r"\s*For\s+(?:example|instance),?\s+if\s+[^.;,]*?\b(?:is|are)\s+[-–−]?\d")


# A case of any one of a kind told to show how a word is used: "Thus a pond that contained a single
# species might be said to contain 120 fish".
_USAGE_OF_ANY_CASE = re.compile(
    r"\s*(?:(?:Thus|So|Hence|Therefore),?\s+)?an?\s+[a-z][^.;]*?\b(?:would|might|could)\s+be\s+(?:said|called|described|termed)\b"
)


def _illustrates_a_usage(text: str) -> bool:
    """Whether a statement shows how a word is used on a supposed case of a kind, its figures
    made up: it names no one and no year."""
    return "be " in text and _USAGE_OF_ANY_CASE.match(text) is not None and _of_no_one_and_no_year(text)


# A notation of numbers, and what it means: "2/10 net 30 - this means the buyer must pay within
# 30 days", "3/7 EOM - this means …", "for example 20/12/5 could indicate a 20% discount …".
_NOTATION_MEANING = re.compile(
    r"(?<![\w/.,])(?P<code>\d{1,3}(?:/\d{1,3})+(?:\s+(?:[A-Z]{2,5}|[a-z]{2,8}\s+\d{1,3}))*)"
    r"\s*(?:[-–—:,]\s*)?(?:(?:this|which|it)\s+)?(?:(?:could|would|might|may|can)\s+)?"
    r"(?:means?|indicates?|denotes?|stands?\s+for|represents?)\b"
)


def decodes_notation(text: str) -> bool:
    """Whether a statement explains what a notation of numbers means, and all its figures are the
    notation's numbers read out: "2/10 net 30 - this means the buyer must pay within 30 days …, but
    will receive a 2% discount if they pay within 10 days". Its figures follow from the notation,
    not from the world; a figure the notation does not hold ("a 4/5 rating means 80% of critics
    approved") is a report."""
    if "/" not in text:
        return False
    meaning = _NOTATION_MEANING.search(text)
    if meaning is None:
        return False
    numbers = {float(n) for n in re.findall(r"\d+", meaning.group("code"))}
    return all(meaning.start() <= claim.start and claim.end <= meaning.end("code")
               or claim.start >= meaning.end() and claim.value in numbers for claim in find_numeric_claims(text))


# A designation built on a template of numbers, letters then two numbers or more: "BM-8-16",
# "BM-30-4" (the rocket it fires, then how many rails).
_TEMPLATED_DESIGNATION = re.compile(r"\b[A-Z]{1,4}(?:-\d{1,3}){2,}\b")


def reads_out_designation(claim: NumericClaim, text: str) -> bool:
    """Whether a figure is a number of a templated designation that its sentence names before it
    and reads out: "BM-8-16 is a vehicle which fires M-8 missiles and has 16 rails" follows from
    the template, as a worked example of it."""
    return claim.kind == "count" and any(
        end <= claim.start and claim.raw in numbers for end, numbers in _designations(text))


@functools.lru_cache(maxsize=256)  # asked once for each figure of a statement
def _designations(text: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Where each templated designation of ``text`` ends, and its numbers."""
    return tuple((match.end(), tuple(match.group().split("-")[1:])) for match in _TEMPLATED_DESIGNATION.finditer(text))


def continues_example(text: str) -> bool:
    """Whether a statement carries on the illustration before it, as its next step or with its
    data: "Start by sorting the values: 1, 2, 5, 7, 8.", "In this case, the median is 5",
    "Therefore, the median is 4", "Using these data ..."."""
    return (_NEXT_STEP.match(text) is not None or _holds_data_set(text)
            or text.lstrip()[:1] in _BROKEN_LINE_STARTS or text.lstrip()[:1].islower())


_NEXT_STEP = re.compile(
    r"\s*(?:Start|Then|Therefore|Thus|Hence|So|Next|Finally|Now|In\s+this\s+case|Using\s+(?:these|this|the\s+above)"
    r"|Th(?:is|ese)\s+(?:list|set|data|sample|values|numbers|observations)|In\s+other\s+words|Expressed\s+differently)\b",
    re.I,
)
# How a line that carries on a sentence broken by a copy's layout starts: "u), the deuterium has 2.014 u".
_BROKEN_LINE_STARTS = frozenset(")]=,;")
# The data of an illustration: a set "{1, 3, 3, 6}" or a run of at least four small values "1, 2, 2, 6, 7".
_DATA_SET = re.compile(
    r"\{\s*-?\d[\d.]*(?:\s*,\s*-?\d[\d.]*){2,}\s*\}|(?<![\d,.])\d{1,3}(?:\.\d+)?(?:,\s\d{1,3}(?:\.\d+)?){3,}(?![\d,])"
)


# What works a statement's figures out from those before it: "This comes to 42 km/s", "Thus, 1
# CO2 molecule is produced for every 2 molecules of O2", "Since the mass of the earth is 5.972×10^24
# kg, this would imply 4360 million gigatonnes", "…, giving an upper limit of …"; not "So far", "So
# many", "So-called", nor "Consequently", which tells what an event led to ("Consequently, he
# missed more than five match weeks").
_WORKS_OUT = re.compile(
    r"\s*(?:(?:Thus|Hence|Therefore|So(?!\s+(?:far|many|much|long|called)\b)(?!-)),?\s"
    r"|This\s+(?:means|comes\s+to|yields|gives|implies|would\s+imply|leaves)\b)"
    r"|(?:[^.;]|\.(?=\d))*?,\s+(?:this\s+(?:would\s+imply|comes\s+to|yields)|giving\s+(?:an?|the)\s)", re.I)


# What a conclusion drawn from a finding opens with, not a calculation: "Thus, there were two
# photosystems, one absorbing up to 600 nm …".
_THERE_WERE = re.compile(r"\s*there\s+(?:is|are|was|were|must\s+be|must\s+have\s+been)\b", re.I)


def works_out(claim: NumericClaim, text: str, teaching: bool = False) -> bool:
    """Whether a figure is one its statement works out from the figures before it, a routine
    calculation whose starting figures are what a source must give: a measure in a unit after
    the words that draw it ("This comes to 63 MJ/kg"; not the 5.972×10^24 kg of "Since the mass of
    the earth is 5.972×10^24 kg, this would imply …"), or, in a text that teaches (``teaching``),
    a count or a share too ("Thus, 1 CO2 molecule is produced for every 2 molecules of O2").
    Money, spans of time, counts of people and any figure of a dated statement stay reports
    ("Thus the company lost $40 million", "So the firm closed 120 stores", "Thus, by 1993, this
    balance was cut to less than half"), and so does a conclusion drawn from a finding ("Thus,
    there were two photosystems, one absorbing up to 600 nm")."""
    cue_end = _working_cue_end(text)
    if cue_end is None or claim.start < cue_end:
        return False
    if claim.kind != "count" and not (teaching and claim.kind == "percent"):
        return False
    return not (_counts_people(claim) or measures_time(claim)) and (teaching or _in_units(claim))


@functools.lru_cache(maxsize=256)  # asked once for each figure of a statement
def _working_cue_end(text: str) -> int | None:
    """Where the words that draw a calculation end in an undated statement that opens with them."""
    cue = _WORKS_OUT.match(text)
    if cue is None or _names_a_year(text) or _THERE_WERE.match(text, cue.end()):
        return None
    return cue.end()


# Units a worked-out measure is given in, beside the symbols ("MJ", "pF") and the units glued to
# figures ("km", "ms").
_PHYSICAL_UNITS = frozenset(
    "bar bars ohm ohms megohm megohms joule joules newton newtons pascal pascals watt watts volt volts "
    "kelvin kelvins kcal calorie calories gigatonnes gigatons megatonnes tonnes tons kilograms grams met mets "
    "metres meters kilometres kilometers litres liters hertz amperes amps".split())


# A unit's symbol, perhaps after a prefix: "g", "Ms" (megasamples), "kPa", "µm", "MJ", "pF".
_UNIT_SYMBOL = re.compile(r"[YZEPTGMkhdcmµn]?(?:[gmsVAWKJNCFHTS]|Hz|Pa|eV|Wh|mol|bar)")


def _in_units(claim: NumericClaim) -> bool:
    """Whether a count is a measure in a unit: "63 MJ/kg", "3 bars", "110 pF", "1 ms", "1 g"; a
    symbol that a word follows is a name's letters ("12 TV stations"), a plural of capitals an
    acronym's ("300 ATMs", "40 MPs")."""
    words = claim.noun.split(" ", 1)
    unit = words[0].split("/", 1)[0]
    if unit in _GLUED_UNITS or unit.lower() in _PHYSICAL_UNITS:
        return True
    return len(words) == 1 and _UNIT_SYMBOL.fullmatch(unit) is not None


def opens_example(text: str) -> bool:
    """Whether a statement opens with "For example" or "e.g.": an illustration in mathematics,
    but often a real case elsewhere ("For example, in 2004 the mine produced 24.9 million tons")."""
    return text.lstrip()[:1] in "FfEe" and _ANY_EXAMPLE.match(text) is not None


# A year of modern record (1500-2049): what a dated report names; not the digits of a decimal
# ("32.1740 ft/s") or of a grouped number.
_RECORD_YEAR = re.compile(r"(?<![.,])\b(?:1[5-9]\d\d|20[0-4]\d)s?\b(?![.,]\d)")


def reports_the_world(claim: NumericClaim, paragraph: str) -> bool:
    """Whether a figure reads as a report about the world even in a text that teaches: a share
    or a sum of money, a count in the thousands, a count of people, or any figure of a paragraph
    that names a year ("In 2015 the Congo supplied 60%"). Other figures of such a text are its
    textbook material: conditions, typical values, examples ("at 25 °C and 1 bar", "50 ohms"),
    and shares that are all, half or none of something ("the time to lose one-half of its
    activity") unless they are of people."""
    if claim.kind == "percent" and (_degree_of_a_process(claim, paragraph) or _whole_half_or_none(claim, paragraph)):
        return _names_a_year(paragraph) or _share_of_people(claim, paragraph)
    if claim.kind in ("percent", "money") or (claim.value or 0) >= 1000:
        return True
    return (_counts_people(claim) or claim.noun.split(" ", 1)[0].lower() in _ROLE_NOUNS
            or _names_a_year(paragraph))


@functools.lru_cache(maxsize=256)  # asked for each figure of a paragraph
def _names_a_year(text: str) -> bool:
    return _RECORD_YEAR.search(text) is not None


def _share_of_people(claim: NumericClaim, paragraph: str) -> bool:
    """Whether a share is of people or casualties: "100% of the civilians were evacuated"."""
    of = re.search(rf"{re.escape(claim.raw)}\s+of\s+(?:the\s+|its\s+|their\s+)?([A-Za-z]+)", paragraph)
    return of is not None and of.group(1).lower() in _counted_beings()


# The name of a process, whose share is how far it has gone: "dissociation", "saturation".
_PROCESS_NOUN = re.compile(r"[a-z]{3,}(?:ation|ition|ution|sion|ysis)")


def _degree_of_a_process(claim: NumericClaim, paragraph: str) -> bool:
    """Whether a share is the point a process has reached, a condition that a text that teaches
    sets a value at: "the pD corresponding to 50% dissociation", "the pressure at 90% saturation";
    not a change ("a 20% reduction") nor a share of something ("40% of the population")."""
    noun = claim.noun.split(" ", 1)[0]
    if not _PROCESS_NOUN.fullmatch(noun):
        return False
    return re.search(rf"\b(?:at|for|until|upon|corresponding\s+to|up\s+to)\s+(?:about\s+|approximately\s+)?{re.escape(claim.raw)}\s+{noun}\b",
                     paragraph) is not None


# The shares a definition or a derivation states as the bounds and the middle of a whole: "to
# lose one-half of its activity", "100% of the kinetic energy is converted", "approach 0%".
_WHOLE_HALF_NONE = frozenset((0.0, 50.0, 100.0))
# What makes such a share a change or an estimate, which is measured: "rose by 100%", "a 50% cut",
# "fell to 0%", "more than half of the cosmic radiation", "approximately half the weight".
_MEASURED_SHARE_BEFORE = (r"\b(?:(?:by|an?)\s+(?:[a-z]+\s+)?|(?:more|less|fewer)\s+than\s+|at\s+(?:least|most)\s+"
                          r"|(?:fell|fallen|rose|risen|dropped|declined|increased|grew|grown|climbed)\s+to\s+"
                          r"|(?:over|under|about|around|nearly|almost|approximately|roughly|some|up\s+to)\s+)")


def _whole_half_or_none(claim: NumericClaim, paragraph: str) -> bool:
    """Whether a share is all, half or none of something, stated exactly: what a text that
    teaches derives or defines, not a measured share (a change, an estimate)."""
    if claim.value not in _WHOLE_HALF_NONE:
        return False
    return re.search(_MEASURED_SHARE_BEFORE + re.escape(claim.raw), paragraph, re.I) is None


def _counts_people(claim: NumericClaim) -> bool:
    """Whether the noun a figure counts is a person or a casualty ("50 civilians", "3 soldiers")."""
    return claim.noun.split(" ", 1)[0].lower() in _counted_beings()


def quoted_words(claim: NumericClaim, text: str) -> bool:
    """Whether a figure is inside a quotation of ``text``: someone's words, a title or a nickname
    ("Irwin Allen could have made three pictures out of it!", "the "10 billion yen actress""),
    whose source is the quotation's, not a figure the article states. A count of people is still
    a report, quoted or not ("the ministry said "at least 50 civilians were killed"")."""
    if '"' not in text and "“" not in text:
        return False
    if _counts_people(claim):
        return False
    return any(start <= claim.start and claim.end <= end for start, end in _quotations(text))


@functools.lru_cache(maxsize=256)  # asked once for each figure of a statement
def _quotations(text: str) -> tuple[tuple[int, int], ...]:
    if (whole := _WHOLE_QUOTATION.fullmatch(text)) is not None:
        return (whole.span(1),)  # a block quotation, however long: "When my father … I came to understand it."
    return tuple(match.span(1) for match in _QUOTATION.finditer(text))


_QUOTATION = re.compile(r"[\"“]([^\"“”\n]{3,400})[\"”]")
_WHOLE_QUOTATION = re.compile(r"\s*[\"“]([^\"“”\n]{3,})[\"”]\s*")


def speaks_in_mathematics(text: str) -> bool:
    """Whether ``text`` is a statement of mathematics (see ``_speaks_in_mathematics``)."""
    return ("=" in text or _speaks_in_mathematics(text, _words(text))
            or _holds_approximation(text) or _holds_data_set(text))


def _holds_approximation(text: str) -> bool:
    """Whether ``text`` read with double-decoded characters restored holds "≈": only "≈" itself
    or its double-decoded form restores to one, so a text with neither (an ASCII text has neither)
    needs no restoring."""
    return not text.isascii() and ("≈" in text or _APPROXIMATION_DECODED_TWICE in text) and "≈" in undo_double_decoding(text)


_APPROXIMATION_DECODED_TWICE = "≈".encode("utf-8").decode("latin-1")


def _holds_data_set(text: str) -> bool:
    """Whether ``text`` holds the data of an illustration (``_DATA_SET``); every match has a "{"
    or a comma, a space and a digit, which most texts lack and a plain search finds faster."""
    return ("{" in text or _COMMA_THEN_DIGIT.search(text) is not None) and _DATA_SET.search(text) is not None


_COMMA_THEN_DIGIT = re.compile(r",\s\d")


def _speaks_in_mathematics(text: str, words: frozenset[str]) -> bool:
    """A statement of mathematics, whose bare and small numbers describe any case ("its
    eigenvalue is 1", "the roots are 2, 1 and 11", "two vectors") rather than report one."""
    if not words.isdisjoint(_MATH_WORDS):
        return True
    readable = undo_double_decoding(text)
    if _MATH_SIGN_CHARS.search(readable) and _MATH_SIGNS.search(readable):
        return True
    return not words.isdisjoint(_LONE_LETTER_WORDS) and _LONE_LETTER.search(readable) is not None


# A statement about every member of a kind ("Every homogeneous system has at least one
# solution", "Any probability distribution has …"), a line between kinds ("a rooted tree may
# have more than two children") or what a kind is ("A field is a ring with …", "Other sources
# define thyristors as devices with at least four layers", "where "degree" refers to …", "Two
# rigid bodies are said to be different if …", "groups defined by 1 to 3 mirror planes"): its
# small counts and bare numbers up to ten describe the kind. Its measures stay figures ("a
# tropical savanna is a grassland biome … with rainfall between 750 and 1,270 mm"), and so do
# its larger bare numbers, thresholds of the definition ("is called bradycardia (<60 in adults)").
_DEFINITION = re.compile(
    r"\s*(?:Every|Any)\s+(?!(?:year|day|week|month|time|season|decade|night)\b)[a-z][^.;,]{0,60}?"
    r"\b(?:has|have|is|are|can|must|contains?)\b"
    r"|\s*(?:(?:In\s+contrast|Similarly|Conversely|Likewise),\s+)?[Aa]n?\s+[a-z\-]+(?:\s+[a-z\-]+){0,2}\s+"
    r"(?:is\s+an?\s+[a-z\-]+(?:\s+[a-z\-]+){0,2}\s+(?:with|that|which|whose|in\s+which)"
    r"|(?:may|can|must)\s+have\s+(?:more|fewer|less)\s+than)\b"
)
_DEFINING_VERB = re.compile(r"\b(?:defines?|defined)\s+[^.;]{0,40}?\bas\b|\brefers?\s+to\b|\bis\s+called\b"
                            r"|\bdefined\s+by\b|\b(?:is|are)\s+said\s+to\s+be\b")
_DEFINITION_OPENERS = frozenset("every any a an in similarly conversely likewise".split())
_DEFINING_WORDS = frozenset("define defines defined refers refer called said".split())


def _states_a_definition(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` defines a kind or speaks of every member of one (see ``_DEFINITION``)."""
    opener = text.lstrip()[:14].split(" ", 1)[0].rstrip(",").lower()
    return (opener in _DEFINITION_OPENERS and _DEFINITION.match(text) is not None
            or not words.isdisjoint(_DEFINING_WORDS) and _DEFINING_VERB.search(text) is not None)


# A quantity defined as the point where a variable reaches a share of a reference: "The thickness
# of the boundary layer is normally defined as the distance … at which the flow velocity is 99% of
# the freestream velocity".
_DEFINED_AS = re.compile(r"\b(?:is|are)\s+(?:[a-z]+\s+)?defined\s+as\b")
_POINT_REACHED = re.compile(r"\b(?:(?:at|after|by|in)\s+which|where|when)\b")
_OF_A_REFERENCE = re.compile(r"\s+of\s+(?:the|its|their)\b")


def _share_of_a_reference(text: str, claim: NumericClaim, definition_start: int) -> bool:
    """Whether a percentage in the clause "is defined as" opens is the share of a reference at
    which the defined quantity is read, the convention the definition sets rather than a measure
    of the world. A threshold set for people stays a figure ("poverty is defined as making less
    than 60% of the median income"), and so does a figure after a comma, which may be a clause
    of its own ("…, and 14% of the population were poor")."""
    between = text[definition_start:claim.start]
    return (claim.kind == "percent" and claim.start >= definition_start
            and "," not in between and ";" not in between and _POINT_REACHED.search(between) is not None
            and _OF_A_REFERENCE.match(text, claim.end) is not None)


def _generic_count(claim: NumericClaim) -> bool:
    if claim.kind != "count" or claim.value is None:
        return False
    return not claim.noun or (claim.high is None and claim.value <= 10
                              and claim.noun.split(" ")[0] not in _GLUED_UNITS)


def _bare_unit(claim: NumericClaim) -> bool:
    """A bare 0 or 1 counts nothing: "when the power factor is 1", "a reflectivity of 1", nor do
    the bounds of a scale from 0 to 1, whatever they qualify: "converted to values between 0 and
    1", "0–1 integer programming"."""
    if claim.kind != "count":
        return False
    if claim.high is not None:
        return (claim.value, claim.high) == (0, 1)
    return not claim.noun and claim.raw in ("0", "1", "1.0", "0.0")


# A quarter, a half, three quarters or the whole of a turn, in degrees or in grads (a copy may
# decode the degree sign twice, "90Â°"); not a temperature.
_TURN = re.compile(r"(?:(?:90|180|270|360)\s?(?:Â?°(?!\s?[CFK]\b)|degrees?\b(?!\s+(?:[CFK]\b|Fahrenheit|Celsius|centigrade)))"
                   r"|(?:100|200|300|400)\s?(?:grads?|gons?|gradians?)\b)")
_ANGLE_WORDS = frozenset("degree degrees grad grads gon gons gradian gradians".split())
# Words of a statement about warmth, where "90 degrees" is a temperature.
_WARMTH = re.compile(r"temperat|\bheat|\bhot(?:ter|test)?\b|\bwarm|\bcold|\bcool|fahrenheit|celsius|\bweather|\bsummer|\bwinter|\boven", re.I)


def _part_of_a_turn(text: str, claim: NumericClaim) -> bool:
    """Whether the figure is a right angle, a half or a full turn ("graduated through the full
    360 degrees", "less than 180 degrees of the input cycle", "should read 90° (100 grad)"):
    geometry fixes it, there is nothing to source."""
    return claim.kind == "count" and claim.high is None and _TURN.match(text, claim.start) is not None


# A number before a superlative picks members of a ranking: "the six largest cities".
_SELECTION_AFTER = re.compile(r"\s+(?:[a-z]+est|most|least|top)\b")
_SELECTING_WORDS = frozenset(
    "largest biggest smallest highest lowest longest shortest oldest newest busiest richest "
    "poorest tallest deepest most least top best worst".split()
)


_GROUPING = re.compile(r"[,\s\u00a0\u202f]")
_NUMBER_AND_SCALE = re.compile(rf"({_NUM})\s*({_SCALE_WORD}|bn|mn|mln|tn|[mkb]\b|dozen)?", re.I)


def parse_number(text: str) -> float | None:
    """The value of a figure as written: "1,166", "ninety-one", "5 thousand", "2.5 million",
    "22.8%", "US$2 billion", "a dozen". None when ``text`` holds no number."""
    text = text.strip()
    if not text:
        return None
    match = _NUMBER_AND_SCALE.search(text)
    if match:
        value = float(_GROUPING.sub("", match.group(1)))
        scale = (match.group(2) or "").lower()
        if scale:
            value *= _SCALES.get(scale) or _ABBREVIATED_SCALES.get(scale, 1.0)
        return value
    return _words_value(text)


# --- digits ---------------------------------------------------------------------------------


def _bare_year(text: str, match: re.Match[str]) -> bool:
    """Whether a match is a lone number with no currency, scale, share or range that
    ``_is_year`` takes for a year: ``_digit_claim`` would drop it whatever else it found, so it
    is dropped before the masks are looked for ("In 1995 he moved to Paris")."""
    if match.group("range") is not None or match.group("cur") or match.group("scale") or match.group("pct"):
        return False
    return _is_year(text, match.start("num"), match.end(), match.group("num"), None)


# A unified school district by its number and its town, the whole of a list item or a cell,
# perhaps with its link's remark: "USD 439, Sedgwick", "Cedar Vale USD 285", "Easton USD 449
# (Web site)"; not a price named so ("Adult Admission USD 250", "Guided Tour USD 250 (per group)").
_DISTRICT_TOWN = r"[A-Z][\w'’.]*(?:[\s-][A-Z][\w'’.]*)*"
_PRICE_WORDS = r"(?i:.*\b(?:price|cost|fees?|fares?|admission|tuition|rent|salary|wages?|pay|revenue|budget|total|value|prize|income)\b)"
_SCHOOL_DISTRICT = re.compile(
    rf"\s*(?:USD\s[1-9]\d{{2}},\s+(?!{_PRICE_WORDS}){_DISTRICT_TOWN}|(?!{_PRICE_WORDS}){_DISTRICT_TOWN}\s+USD\s[1-9]\d{{2}})(?:\s*\((?i:web\s?site|official\s+site|home\s?page)\))?\.?\s*")


def _digit_claim(text: str, match: re.Match[str], masks: list[tuple[int, int]]) -> NumericClaim | None:
    start, end = match.start(), match.end()
    num_start, num_end = match.span("num")
    if _overlaps(masks, num_start, num_end) or _labelled(text, start, end, num_end):
        return None
    if match.group("cur") and _currency_sign_is_mojibake(text, match.end("cur")):
        return None  # "Î£0": the Σ0 of a formula in a copy decoded twice, not £0
    if (match.group("cur") or "").strip() == "USD" and _SCHOOL_DISTRICT.fullmatch(text):
        return None  # "USD 439, Sedgwick", "Cedar Vale USD 285": a Kansas school district, no dollars
    if _RATE_BEFORE.search(text, max(0, start - 12), start) and not match.group("pct"):
        return None  # "per 1000 women", "+590": a rate's base or a calling code
    if _ROUND_BASE.fullmatch(match.group()) and _OUT_OF_BEFORE.search(text, max(0, start - 8), start):
        return None  # "abortions out of 100 known pregnancies": the base of a rate
    if match.group("pct") and _QUANTILE_BEFORE.search(text, max(0, start - 8), start):
        return None  # "the top 1%", "Bottom 20% of incomes": a group's name
    if match.group("range") is not None:
        conn = match.group("conn")
        if _ORDINAL_SUFFIX.match(text, match.end("num2")):
            return None  # "the 5–6th year"
        if (_overlaps(masks, *match.span("num2"))
                or (conn == "and" and not re.search(r"\bbetween\s+\S*$", text[max(0, start - 30):start], re.I))
                or _is_glued_after(text, match.end("num2"), match.group("scale2"), match.group("pct2"))
                or _year_then_figure(text, start, match)
                or conn in _FOREIGN_TO and not _ascends(match)):
            end = _first_part_end(match)
    ranged = match.group("range") is not None and end == match.end()
    cur, scale, pct = match.group("cur"), match.group("scale") or "", match.group("pct")
    if (ranged and not (cur or scale or pct) and undo_double_decoding(match.group("conn")) in _DASH
            and _is_score(text, start, end, match.group("num"), match.group("num2"))):
        return None  # "won 1–0", "a 1–2 record": a score or a record, not a range of values
    if scale and not scale[0].isspace() and not cur:
        return None  # "5m", "3k": a unit or a designation, not a scaled count
    if not cur and _is_glued_before(text, num_start):
        return None
    if not cur and not pct and (_in_formula(text, start, end) or _closes_list_label(text, match.end("num"))):
        return None
    if not ranged and _is_glued_after(text, end, scale, pct):
        return None
    digits = match.group("num")
    if digits[0] == "0" and digits[1:2].isdigit():
        return None  # "03", "007": a label, not a count
    if not cur and not pct and not scale:
        if digits.isdigit() and len(digits) >= 7:
            return None  # identifiers, timestamps, file names
        if _is_year(text, num_start, end, digits, match.group("num2") if ranged else None):
            return None
        if not _capital_ok(text, num_start, end) or _DESIGNATION_LIST.search(text, max(0, start - 60), start):
            return None
        if (_names_a_group(text, start, end) or _quoted_name(text, start, end)
                or _MEANING_BEFORE.search(text, max(0, start - 12), start)):
            return None  # also "Quinquagesima (meaning 50)": the meaning of a word
        if not ranged and _VERSION_NUMBER.fullmatch(digits) and (
                _RELEASE_NOUN_AFTER.match(text, end) or _version_stated(text, start, end)):
            return None  # "the Linux kernel 2.6 series", "The current versions of … are 5.0.": a release's number
        if digits.isdigit() and not ranged and _names_one_thing(text, start, end):
            return None
        if ranged and _school_grades(text, start, end):
            return None  # "Indio Christian Center (1-12)" beside "Grace Academy (K-8)": the grades a school teaches
        if digits.isdigit() and not ranged and _count_names_rather_than_counts(text, start, end, int(digits)):
            return None  # "110 Grant Apartments", "3 companies: Mimaki, Roland, and Mutoh", "2 types of ER"
        if text[end:end + 1] == ")" and _LOCATOR_BEFORE.search(text, max(0, start - 60), start):
            return None  # "(Atkins and de Paula, justification 6.1)": where in a work, not a figure
        if digits.isdigit() and len(digits) >= 4 and not ranged and not _counted_noun_follows(text, end):
            return None  # "the virtual 8086 mode": counts this large are written 8,086
    if not pct and text[end:end + 1].isspace() and _restates_designation(text, end, digits):
        return None  # "the 250 cc GSX-R250": the figure repeats the model's name
    return _finish(text, start, end, match, cur, pct, ranged)


# Words that make a pair of numbers a result: "won 35–31", "a 1–2 record", "4–1 on aggregate",
# a race's "1–2 finish" (its first two places, taken by one team).
_RESULT_BEFORE = re.compile(r"\b(?:won|lost|beat|beaten|defeated|drew|drawn|trailed|led|leading|trailing)\s+(?:by\s+)?$", re.I)
_RESULT_AFTER = re.compile(
    r"\s+(?:on\s+)?(?:record|loss|losses|win|wins|victory|victories|defeat|defeats|draw|aggregate|lead|deficit"
    r"|score|scoreline|final|finish|down|up|overall|conference|home|away|road)\b",
    re.I,
)
_DESCENDING_UNIT = re.compile(r"\s*(?:Ma|Ga|ka|kya|mya|Mya|BP|BC|BCE|B\.C\.|million|thousand|years?)\b")


def _is_score(text: str, start: int, end: int, low: str, high: str | None) -> bool:
    """Whether a pair of whole numbers joined by a dash is a score or a record: the first is
    larger or the two are equal ("1–0", "35–31", "0–0": a range never runs down), or a result's
    word stands beside it and no counted noun follows ("won 2–3", "a 1–2 record"; but "lost 3–4
    tanks")."""
    if not (low.isdigit() and high and high.isdigit()) or len(low) == 4 and len(high) < 4:
        return False  # "1892–3" shortens a year (see ``_is_year``)
    if int(high) < int(low):
        return _DESCENDING_UNIT.match(text, end) is None  # but "133–130 Ma", "8–7 kya": ages, counted down
    if _counted_noun_follows(text, end):
        return False  # "lost 3–4 tanks a day": a range of a count
    return (int(high) == int(low) or _RESULT_BEFORE.search(text, max(0, start - 24), start) is not None
            or _RESULT_AFTER.match(text, end) is not None or _in_run_of_scores(text, start, end))


# A run of pairs of small numbers, one after another: "14–12, 11–13, 14–12, 13–13".
_PAIR_RUN = re.compile(rf"\d{{1,3}}\s?[{_DASH}]\s?\d{{1,3}}(?:,\s*\d{{1,3}}\s?[{_DASH}]\s?\d{{1,3}})+(?!\d)")
_PAIR = re.compile(rf"(\d+)\s?[{_DASH}]\s?(\d+)")
_RUN_REACH = 60
_SCORES_NAMED = re.compile(r"\bscor(?:es?|ing)\b[^.;\d]{0,20}$", re.I)  # "Scoring by quarter: "


def _in_run_of_scores(text: str, start: int, end: int) -> bool:
    """Whether the pair at ``start``-``end`` stands in a run of pairs that are a match's scores:
    one of them runs down ("(2–2, 1–2)", "14–12, 11–13"), or the run is named as scores
    ("Scoring by quarter: 5–11, 6–14")."""
    for run in _PAIR_RUN.finditer(text, max(0, start - _RUN_REACH), min(len(text), end + _RUN_REACH)):
        if run.start() <= start and end <= run.end():
            return (_SCORES_NAMED.search(text, max(0, run.start() - 30), run.start()) is not None
                    or any(int(high) <= int(low) for low, high in _PAIR.findall(run.group())))
    return False


def _count_names_rather_than_counts(text: str, start: int, end: int, value: int) -> bool:
    """Whether a bare whole number belongs to a name or to what the sentence names: the title of
    a ranking, a building or a work ("the 100 Greatest Finns", "110 Grant Apartments", "101
    Dalmatians"), a small count
    whose members follow ("3 companies …: Mimaki, Roland, and Mutoh"; up to twenty things, not
    people nor in a text of casualties: "16 shops: Blinkhorn & Son …"), or a small count of kinds
    in an undated sentence ("There are 2 types of ER"; but "in 1952 it had 3 types")."""
    return (_in_a_title(text, end) or _title_case_follows(text, end)
            or _singular_name_after_figure(text, start, end) and _english(text)
            or _numbered_name_alone(text, start, end)
            or (value <= _LISTED_DIGIT_MEMBERS and _names_its_members(text, start, end, value)
                or value > _LISTED_DIGIT_MEMBERS and _names_listed_things(text, start, end, value))
            or value > 12 and _numbered_members(text, end) == value
            or _item_of_named_list(text, start, end)
            or value <= 10 and _classifying(_FOLLOWING_WORDS.match(text, end)) and not _YEAR_IN_TEXT.search(text))


# A number standing as one item of a list of names: "Sanger, 454, Solexa", "Illumina, SOLiD,
# Sanger, 454", "reads from Sanger, 454, Solexa" (a sequencing platform's name). The list runs
# between marks that end a phrase; its other items, two at least, are names of letters, the
# first perhaps after the words of the sentence that introduce the list; every word of a name is
# capitalised (not "Helen Chandler, 59, American actress, Dracula": an age). A number of one or two
# digits among names is an age or a count ("John Smith, 45, Mary Smith and Tom Brown"; "Kenya,
# 12, Ethiopia and Uganda").
_LIST_ITEM_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:and|or)\s+")
_LIST_ITEM_BEFORE = re.compile(r"(?:,|\s(?:and|or))\s*$")
_NAME_WORD = r"[A-Z][^\W\d_]*(?:-[^\W\d_]+)*"
_NAME_ITEM = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}")
_LAST_WORDS_A_NAME = re.compile(rf"(?:^|\s){_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}$")
_NAMED_NUMBER_DIGITS = 3
_LIST_BOUNDS = ".;:()[]"
_LIST_REACH = 200


def _item_of_named_list(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start``-``end`` is one item of a list whose other items are names."""
    number = text[start:end]
    if (len(number) < _NAMED_NUMBER_DIGITS
            or start > 0 and _LIST_ITEM_BEFORE.search(text, max(0, start - 5), start) is None
            or end < len(text) and _LIST_ITEM_SEPARATOR.match(text, end) is None):
        return False  # too short for a name, or no item of its own: a quick answer for most figures
    low = start
    while low > 0 and start - low < _LIST_REACH and text[low - 1] not in _LIST_BOUNDS:
        low -= 1
    high = end
    while high < len(text) and high - end < _LIST_REACH and text[high] not in _LIST_BOUNDS:
        high += 1
    items = [item for item in _LIST_ITEM_SEPARATOR.split(text[low:high].strip()) if item]
    others = [item for item in items if item != number]
    if len(others) != len(items) - 1 or len(others) < 2:
        return False
    first, rest = (None, others) if items[0] == number else (others[0], others[1:])
    return ((first is None or _LAST_WORDS_A_NAME.search(first) is not None)
            and all(_NAME_ITEM.fullmatch(item) for item in rest))


# One capitalised word in the singular after a figure, where a noun phrase ends: an English count
# names its kind in the plural, so the figure opens a name ("in 30 Rock as", "Hollie Steel, 2 Grand,
# Julian Smith"). Medals and people keep the singular when counted ("2 Gold", "40 Swiss"), and so
# do kinds in a run of counts ("20 Labour, 15 Conservative and 3 Green councillors", "53 Active, 11
# Inactive, 6 Practice squad players"); German capitalises every noun ("rund 45 Kilometer, in …"),
# and a side's name follows the figure of a score ("Kettering Town 0 – 7 Bashley").
_SINGULAR_NAME_AFTER = re.compile(
    r" (?P<word>[A-Z][a-z]+[a-rt-z])(?=\s*$|\s*[,.;:)]|\s+(?:as|is|was|has|had)\b)")
_COUNTED_IN_SINGULAR = frozenset("gold silver bronze".split())
_ENGLISH_WORDS = frozenset("the of and".split())
_SCORE_BEFORE = re.compile(rf"\d\s*[:{_DASH}]\s*$")
_FIGURE_LISTED_AFTER = re.compile(r"\s*(?:,|and)\s+\d")
_FIGURE_LISTED_BEFORE = re.compile(r"\d[^\d,;.]{0,40}(?:,|\band)\s*$")


def _singular_name_after_figure(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``start``-``end`` opens a name of one capitalised word in the singular
    ("30 Rock", "2 Grand", "Nine Network"), not a count of people, medals or kinds, a sum in a
    currency or a measure in a unit ("100 Yen", "300 Kelvin"), nor a score. Its callers make sure
    the text is English (``_english``): German capitalises every noun."""
    named = _SINGULAR_NAME_AFTER.match(text, end)
    if (named is None or _SCORE_BEFORE.search(text, max(0, start - 8), start)
            or _FIGURE_LISTED_AFTER.match(text, named.end())
            or _FIGURE_LISTED_BEFORE.search(text, max(0, start - 50), start)):
        return False
    return not _counted_in_singular(named.group("word"))


def _counted_in_singular(word: str) -> bool:
    """Whether a capitalised word after a figure may be what it counts, though in the singular:
    a medal, people ("40 Swiss"), a currency or a unit ("100 Yen", "24 Hour")."""
    word = word.lower()
    return (word in _COUNTED_IN_SINGULAR or word in _counted_beings() or word.endswith(("ese", "ss", "ish", "ch"))
            or word in _MONEY_NOUNS or re.fullmatch(_UNIT_NAME, word) is not None)


# A numbered entry alone in its cell or item: "14 Red Eagle", "15 Black Deer" (a locomotive's
# number and name), "97 Union Station" (a bus route's). A count names its kind in the plural, and
# a people's or a country's word makes the rest a currency or people ("14 Angolan Kwanza").
_NUMBERED_NAME = re.compile(r"(?:\s+(?![A-Z][a-z]*(?:an|ese|ish)\b)[A-Z][a-z][\w'’\-]*){0,2}"
                            r"\s+(?P<word>[A-Z][a-z]*[a-rt-z])\s*")


def _numbered_name_alone(text: str, start: int, end: int) -> bool:
    """Whether the text is only a number and the name it numbers (``_NUMBERED_NAME``), whose last
    word is none that a figure counts in the singular ("100 Yen", "24 Hour")."""
    named = _NUMBERED_NAME.fullmatch(text, end) if start == 0 else None
    return named is not None and not _counted_in_singular(named.group("word"))


def _english(text: str) -> bool:
    """Whether a text reads as English: it has some of its commonest words and no German ones."""
    words = _words(text)
    return not words.isdisjoint(_ENGLISH_WORDS) and words.isdisjoint(_GERMAN_WORDS)


_TITLE_RUN = re.compile(r"(?:\s[A-Z][\w'’\-]*){2,}")  # greedy: what follows is no capitalised word


def _title_case_follows(text: str, end: int) -> bool:
    """Whether the word after a number is a common noun set in title case ("Five Weeks in a
    Balloon", "101 Dalmatians", "Seven Years in Tibet"): the number opens a title. A name after
    a count keeps its capital in any case ("Five Canadian soldiers", "300 Royal Navy sailors"),
    and people counted in title case are still counted ("Two Soldiers Wounded")."""
    word = _CAPITALISED_WORD_AFTER.match(text, end)
    if word is None:
        return False
    if (work := _WORK_NAMED_AFTER.match(text, end)) is not None:
        last = work.group("last").lower()
        return not (last in _counted_beings() or last.endswith(("ans", "ese", "is")))  # "40 Palestinians (2014)"
    return word.group(1).lower() in _TITLE_NOUNS


# A work named with its year, the way a film or a book is mentioned ("17 Again (2009) was
# shot"), or a name in the plural that a verb in the singular takes ("Four Christmases was #1").
_WORK_NAMED_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’\-]*){0,3}\s+(?P<last>[A-Z][\w'’\-]*)(?:\s+\((?:1[89]|20)\d\d\)|\s+(?:is|was|has)\b)")


_CAPITALISED_WORD_AFTER = re.compile(r"\s+([A-Z][a-z]+)\b")
# Title-case words after a number word that end in a singular where a noun phrase ends (at the
# end, at a stop, or before a preposition or a verb, not before a common noun: "Three Royal Navy
# ships"): a count names its kind in the plural, so the number opens a name ("Three Rivers
# Stadium"). Not after figures, which a name follows in a score or a squad ("7 – 0 Kettering Town").
_NAME_OPENED_BY_NUMBER_WORD = re.compile(
    r"(?:\s+[A-Z][a-z][\w'’\-]*){1,3}?\s+[A-Z][a-z]*[a-rt-z]"
    r"(?=\s*$|\s*[,.;:()]|\s+(?:in|at|on|from|near|by|is|was|has|had)\b)"
)
# Common nouns a title or a company's name after a number often holds: "Five Weeks", "101
# Dalmatians", "Seven Samurai", "10 Million Miles", "222 Records", "20th Century Studios".
_TITLE_NOUNS = frozenset(
    "years days weeks months hours minutes seconds nights times ways steps lives faces rooms doors roads miles "
    "dalmatians samurai kingdoms brothers sisters sons daughters wives friends kings queens knights "
    "records recordings studios productions pictures films entertainment publishing".split()
)


def _in_a_title(text: str, end: int) -> bool:
    """Whether the figure opens a run of capitalised words that names a ranking or a
    building ("the 100 Greatest Finns poll", "110 Grant Apartments") rather than counts them;
    other runs are counted kinds ("300 Royal Navy sailors", "12 US Army Rangers", "7 Fortune
    Global 500 companies"), and so is a run a plural noun follows. A ranking's word alone names
    it too ("100 Prettiest - siblings", a magazine's list)."""
    run = _TITLE_RUN.match(text, end) or _TITLE_WORD.match(text, end)
    if run is None:
        return False
    words = run.group().lower().split()
    ranking = words[0] in _RANKING_WORDS or _SUPERLATIVE.fullmatch(words[0]) is not None
    if not (ranking or len(words) > 1 and words[-1] in _PLACE_NAME_ENDS):
        return False  # "13 World Wide Fund for Nature projects", "75 BM-21 Grad launchers": counts
    return not _counted_noun_follows(text, run.end())


# What makes a capitalised run after a number a name: a ranking ("the 100 Greatest Finns") or a
# building ("110 Grant Apartments", "the 225 South Sixth Tower").
_RANKING_WORDS = frozenset("greatest best top most worst".split())
_TITLE_WORD = re.compile(r"\s[A-Z][\w'’]*(?=\s*(?:$|[^\w\s]))")  # a word alone, before a mark or the end
_SUPERLATIVE = re.compile(r"[a-z]{3,}iest")  # "prettiest", "wealthiest"; not "priest"
_PLACE_NAME_ENDS = frozenset(
    "apartments tower towers building buildings plaza centre center place gardens heights suites lofts".split())


def _year_then_figure(text: str, start: int, match: re.Match[str]) -> bool:
    """ "from 8.9 in 1981 to 9.6": a year, then the next figure, not a range."""
    digits, upper = match.group("num"), match.group("num2")
    return (len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2199
            and not (upper.isdigit() and len(upper) in (2, 4))
            and _STRONG_YEAR_BEFORE.search(text, max(0, start - 12), start) is not None)


_GERMAN_FIGURE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2}")


def _value(number: str, scale: str | None, german: bool) -> float | None:
    """The value of a figure as the regex split it, in German notation when the German reader
    found it: "1.732" is 1732 in a German text and 1.732 in an English one."""
    scale = (scale or "").strip().lower()
    if german and (scale in _GERMAN_SCALES or _GERMAN_FIGURE.fullmatch(number)):
        return float(number.replace(".", "").replace(",", ".")) * _GERMAN_SCALES.get(scale, 1.0)
    return parse_number(f"{number} {scale}")


# Words for "to" that join a span in another language: Dutch and Afrikaans "tot", French "à". A
# span they join runs upwards ("927 tot 1649", "15 à 20 euros"); "3 à 1" is a score, and "en 1230 à
# 5 km" a year and then another figure.
_FOREIGN_TO = frozenset({"tot", "à"})


def _ascends(match: re.Match[str]) -> bool:
    """Whether a range's second value, its scale applied ("500 million à 2 billion"), is the greater."""
    german = match.re is _GERMAN_DIGIT_CLAIM
    first = _value(match.group("num"), match.group("scale"), german)
    second = _value(match.group("num2"), match.group("scale2"), german)
    return first is None or second is None or second > first


def _first_part_end(match: re.Match[str]) -> int:
    for group in ("pct", "scale", "num"):
        if match.group(group) is not None:
            return match.end(group)
    return match.end("num")


# Two hex digits after "%": a percent-encoded byte of an address ("%26"), not a figure after a share.
_ENCODED_BYTE = re.compile(r"[0-9A-Fa-f]{2}(?![0-9A-Fa-f])")


def _is_glued_before(text: str, pos: int) -> bool:
    """A digit run stuck to a letter or code punctuation is a designation: T-72, TB2, Mi-24,
    or a subscript or exponent: λ1, K−1."""
    if pos == 0:
        return False
    before, at = _char_before(text, pos)
    if before.isalpha() or before in "_/⁄#@=\\&":
        return True  # also a fraction's denominator: "8 1⁄2 in"
    if before == " " and at >= 1 and text[at - 1] == "#":
        return True  # "General Hospital # 25", "# 221 Lieutenant-General": a number sign set apart
    if before == "." and at >= 1 and (text[at - 1].isalnum()):
        return True  # "v.2", "3.1.4" tail
    if (before in "….") and _TITLE_WORD_AFTER.match(text, pos) and _ELLIPSIS_AFTER_WORD.search(text, max(0, at - 40), at + 1):
        return True  # "AFI's 100 Years…100 Movies": an ellipsis joins a title's parts, no words left out
    if before in _DASH and at >= 1 and (text[at - 1].isalnum() or text[at - 1] in "_/.:"):
        return True  # T-72, COVID-19, 2020-21 tail; "tendons).–84": a page range's tail
    if before in _DASH and _ELIDED_DESIGNATION_BEFORE.search(text, max(0, at - 60), at):
        return True  # "Lead-211, -212, and -214": the name left out of the later designations
    if before == "×" and at >= 1 and text[at - 1].isdigit() and not text.startswith("10", pos):
        return True  # "6×4 trucks", like "4x4": a wheel arrangement or a size, not a count (but "3×108 m/s")
    if before == "," and at >= 1 and text[at - 1].isalpha():
        return True  # "Sutra I.2.I,2": a verse
    if before == "," and _GLUED_DESIGNATION.search(text, max(0, at - 30), at) and not _GROUPED_THOUSANDS.match(text, pos):
        return True  # "nylon-6,6": the second number of a designation, after a bare comma (not "COVID-19,2,000")
    if before == ")" and at >= 1 and text[at - 1].isalnum():
        return True  # "C6H4(COOH)2": a subscript of a formula
    if before == "%" and at >= 1 and not text[at - 1].isspace() and _ENCODED_BYTE.match(text, pos):
        return True  # "thermal-growth%26#x20;": a byte of an address, percent-encoded
    if before == "+" and _DESIGNATION_BEFORE_SIGN.search(text, 0, at):
        return True  # "PSR B1913+16", "QSO J0439+1634": a catalogue's coordinates
    return False


# A designation glued to its name, then others listed with the name left out, up to the dash of
# the next: "Lead-211, " and "Lead-211, -212, and " before "-214", "737-700 and " before "-800".
_ELIDED_DESIGNATION_BEFORE = re.compile(
    rf"[^\W_][{_DASH}]\d+[a-z]?(?:,?\s+(?:and\s+|or\s+)?[{_DASH}]\d+[a-z]?)*,?\s+(?:and\s+|or\s+)?$"
)
# A designation glued to its name by a dash, at the end of the text before: "nylon-6".
_GLUED_DESIGNATION = re.compile(rf"[^\W\d_][{_DASH}]\d+$")
_GROUPED_THOUSANDS = re.compile(r"\d{1,3},\d{3}(?!\d)")
# A catalogue designation's first coordinate, letters then digits, before a "+": "B1913", "J0439".
_DESIGNATION_BEFORE_SIGN = re.compile(r"(?<![^\W_]|\.)[A-Z]{1,4}\d{2,}(?:\.\d+)?$")


# A character of a UTF-8 text that was decoded once more as Latin-1: "λ" reads "Î»", "–" "â\x80\x93".
_MOJIBAKE = re.compile(r"[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}")


# An ellipsis stuck between a word and the digits after it, as titles join their parts.
_ELLIPSIS_AFTER_WORD = re.compile(r"\b[A-Z][^\W\d_]*(?:…|\.\.\.)$")  # a capitalised word, as a title's
_TITLE_WORD_AFTER = re.compile(r"\d[\d,.]*\s+[A-Z]")  # the title goes on capitalised: "100 Movies"


def _char_before(text: str, pos: int) -> tuple[str, int]:
    """The character before ``pos`` as its writer typed it, and the index where it starts:
    in a copy decoded twice, the digit after "Î»" follows a "λ"."""
    before = text[pos - 1]
    if "\x80" <= before <= "\xbf":
        for width in (2, 3):
            if pos >= width and (m := _MOJIBAKE.fullmatch(text, pos - width, pos)):
                return _demojibake(m), pos - width
    return before, pos - 1


def _currency_sign_is_mojibake(text: str, end: int) -> bool:
    """Whether the currency sign ending at ``end`` is the tail of a letter decoded twice ("Î£" is Σ)."""
    typed, at = _char_before(text, end)
    return at < end - 1 and typed.isalpha()


def _demojibake(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("utf-8")
    except UnicodeError:
        return match.group()


def undo_double_decoding(window: str) -> str:
    """``window`` with characters decoded twice restored ("EncyclopÃ¦dia" reads "Encyclopædia"),
    for the checks that read words (a text all ASCII, as Python knows without reading it, has none)."""
    if window.isascii() or not _C1_OR_LATIN1.search(window):
        return window
    return _MOJIBAKE.sub(_demojibake, window)


_C1_OR_LATIN1 = re.compile(r"[\u0080-\u00bf]")
# An operand of a formula: "x = 0", "λ1 = 1", "t > 0", "(n − 1)", "f(x) = 0"; "1 − λ3".
_OPERATOR = r"(?:[=<>≤≥≠≡]|[−+×*/^](?!\d))"
_FORMULA_BEFORE = re.compile(rf"(?:(?<![\w.])[^\W\d_]{{1,2}}\d*[′']?|\))\s*{_OPERATOR}\s*$|\d\s*=\s*$")
# An en dash stands for minus only before a term that goes on: "(1 – N/K)".
_FORMULA_AFTER = re.compile(
    rf"\s*{_OPERATOR}\s*[^\W\d_]{{1,2}}(?![^\W\d_])|\s*–\s*[^\W\d_]{{1,2}}\d*[/)^=+*]"
)

# A program's variable given its value: "maxIterations = 20", "max_iter = 20" (camel or snake case).
# A symbol with a subscript ("pKaR = 8.14") is no such name.
_ASSIGNED_IN_CODE = re.compile(r"(?<![\w.])[a-z]{2,}\d*(?:[A-Z][a-z]{2,}|_[a-z])\w*\s*=\s*$")


def _in_formula(text: str, start: int, end: int) -> bool:
    return bool(_FORMULA_BEFORE.search(undo_double_decoding(text[max(0, start - 12):start]))
                or _ASSIGNED_IN_CODE.search(text, max(0, start - 40), start)
                or _FORMULA_AFTER.match(undo_double_decoding(text[end:end + 12])))


# A school's grades in brackets after its name, from kindergarten ("(K-8)", "(PK-12)", "(Pre-K–5)").
_KINDERGARTEN_GRADES = re.compile(r"\((?:P(?:re-?)?K|K)\s?[-–]\s?\d{1,2}\)")


def _school_grades(text: str, start: int, end: int) -> bool:
    """Whether a span of numbers gives a school's grades: in brackets, as the other schools of
    the statement have theirs from kindergarten ("Indio Christian Center (1-12)" beside "Grace
    Academy (K-8)"), or after a school's name and a dash or a colon, grades 1 to 12 ("West Oak
    Middle School - 5-8")."""
    if text[start - 1:start] == "(" and text[end:end + 1] == ")" and _KINDERGARTEN_GRADES.search(text) is not None:
        return True
    return (_SCHOOL_NAME_BEFORE.search(text, max(0, start - 30), start) is not None
            and all(1 <= int(grade) <= 12 for grade in re.findall(r"\d+", text[start:end]))
            and _GRADES_END.match(text, end) is not None)  # not "Lincoln High – 5–8% a year"


# What ends a school's grades: the item, or a clause of it ("5-8", "5-8;", "5-8 (public)").
_GRADES_END = re.compile(r"\s*(?:$|[.,;)]|\()")
# A school's name, then the dash or colon that gives its grades: "West Oak Middle School - ".
_SCHOOL_NAME_BEFORE = re.compile(r"\b(?:School|Academy|Elementary|Middle|High)\s*(?:[-–—:]|â\x80[\x93\x94])\s*$")


def _closes_list_label(text: str, end: int) -> bool:
    """ "1) root cause, 2) immediate antecedent": a number closing a parenthesis never opened."""
    if text[end:end + 1] != ")":
        return False
    line_start = max(text.rfind("\n", 0, end), text.rfind(")", 0, end - 1)) + 1
    return "(" not in text[line_start:end]


def _is_glued_after(text: str, pos: int, scale: str | None, pct: str | None) -> bool:
    """Letters or a compound hyphen right after the digits: 9K33, 4th, 1990s, 30-day, file.webm."""
    if pct or (scale and scale[0].isspace()):
        return False
    if pos >= len(text):
        return False
    after = text[pos]
    if after.isalpha():
        word = re.match(r"[^\W\d_]+", text[pos:])
        unit = word.group() if word else ""
        follow = text[pos + len(unit): pos + len(unit) + 1]
        return not (unit in _GLUED_UNITS and not (follow.isalnum() or follow == "_"))
    if after in _DASH and pos + 1 < len(text) and text[pos + 1].isalpha():
        compound = _COUNTING_COMPOUND.match(text, pos + 1)  # 30-day, 32-bit; but "5,000-strong"
        return compound is None or _ACRONYM_AFTER.match(text, compound.end()) is not None  # "3-term (PID)": a name
    if after in _DASH and _SUSPENDED_COMPOUND.match(text, pos + 1):
        return True  # "2- to 4-wire conversion": the first half of two compounds
    if after in "._/" and pos + 1 < len(text) and (text[pos + 1].isalpha() or text[pos + 1] == "_"):
        return True  # 202248937.webm, 12_abc
    if after == "/" and pos + 1 < len(text) and text[pos + 1].isdigit():
        return True  # 9/11, 24/7, 1/3: a date, a slogan or a fraction
    if after == "⁄" and _MIXED_NUMBER_WHOLE.search(text, max(0, pos - 8), pos):
        return True  # "8 1⁄2 in": the fraction of a mixed number, whose whole part is the figure
    if after in "′″'" and pos + 1 < len(text) and text[pos + 1].isdigit():
        return True
    if after in "′'" and _STRAND_END.match(text, pos + 1):
        return True  # the 5′ end of a DNA strand
    return False


_ACRONYM_AFTER = re.compile(r"\s+\([A-Z]{2,}\)")
_MIXED_NUMBER_WHOLE = re.compile(r"\d\s\d{1,2}$")
_SUSPENDED_COMPOUND = re.compile(rf"\s+(?:to|or|and)\s+\d+[{_DASH}][^\W\d_]")
_STRAND_END = re.compile(r"[\s\-](?:ends?|termin\w+|cap|blocker|overhang|untranslated|UTR|OH|phosphate|hydroxyl)\b")


def _is_year(text: str, start: int, end: int, digits: str, upper: str | None) -> bool:
    """A bare four-digit number 1000–2199 is a year (or a year range: 1988–1994, 2020–21,
    1892–3) unless a counted noun follows it ("1500 soldiers")."""
    if not digits.isdigit():
        return False
    if len(digits) == 3 and upper is not None and len(upper) == 4 and int(digits) < int(upper) <= 2199:
        return not _counted_noun_follows(text, end)  # the reign (980–1015)
    if len(digits) == 3 and upper is not None and len(upper) == 3 and upper.isdigit() and int(digits) < int(upper):
        return _NAME_THEN_BRACKET.search(text, max(0, start - 40), start) is not None and text[end:end + 1] == ")"
    if len(digits) == 3:
        if upper is not None or _counted_noun_follows(text, end):
            return False
        return (_ERA_BEFORE.search(text, max(0, start - 6), start) is not None
                or _OLD_YEAR_BEFORE.search(text, max(0, start - 12), start) is not None and not _noun_after(text, end))
    if len(digits) != 4 or not 1000 <= int(digits) <= 2199:
        return False
    if upper is not None and (len(upper) not in (1, 2, 4) or not upper.isdigit()
                              or len(upper) == 1 and upper <= digits[-1]):
        return False  # "1892–3" shortens the later year; "1893–1" is no range of years
    if upper is not None and len(upper) == 4 and 1000 <= int(upper) <= 2199:
        return True  # 1988–1994, 1900 to 2005: year ranges far outnumber such counts
    before = text[max(0, start - 12):start]
    if _UNTIL_BEFORE.search(before) and not _MEASURE_AFTER.match(text, end):
        return True  # German "bis 2006 als Nvu", but "bis 2000 m Höhe" measures
    if _STRONG_YEAR_BEFORE.search(before) or (_YEAR_SERIES_BEFORE.search(text, max(0, start - 60), start)
                                             and not _counts_beings_after(text, end)):
        return True
    if (span := _SPAN_OF_YEARS_BEFORE.search(text, max(0, start - 20), start)) is not None:
        first = int(span.group(1))
        if first % 10 and int(digits) % 10 and 0 < int(digits) - first < _LONGEST_SPAN_OF_YEARS:
            return True
    if before.rstrip().endswith(("(", "[")):
        return not _counted_noun_follows(text, end)  # "(1994)", but "(1500 soldiers)"
    noun = _NEXT_WORDS.match(text, end)
    if noun and noun.group(1).lower() in _YEAR_NOUNS or _EDITION_DETAILS.match(text, end):
        return True
    return not _counted_noun_follows(text, end)


# German "until", before a year or a range's end: "bis 2006", "1500 bis 2000 m".
_UNTIL_BEFORE = re.compile(r"\bbis\s*$")
_MEASURE_AFTER = re.compile(r"\s*(?:m|km|cm|mm|ha|t|kg|l|Meter|Metern|Kilometer|Kilometern|Tonnen|Liter)\b")
# An edition of an event named by its year and place, with the link to its page that medal and
# results tables print after it: "2014 Sochi details", "1998 Nagano details".
_EDITION_DETAILS = re.compile(r"\s+(?:[A-Z][\w.'’\-]*\s+){1,3}details\b")
# A name right before a bracketed range of years: "Al-Khalil (717–786)", "the Tang Dynasty (618–907)".
_NAME_THEN_BRACKET = re.compile(r"\b[A-Z][\w\-]*\s\($")


def _counted_noun_follows(text: str, end: int) -> bool:
    """A plural noun or a unit follows the figure: "1500 soldiers", "1300 Syrian militants",
    "15000 m/s"."""
    m = re.match(r"[\s\u00a0]+(?:more\s+|other\s+|[A-Z][a-z]+\s+(?=[a-z]))?([A-Za-z][a-z'\-]*)", text[end:end + 50])
    if not m:
        return False
    word = m.group(1)
    if word in _GLUED_UNITS or word in _COLLECTIVE_NOUNS:
        return True
    return (word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is"))
            and word not in _NOUN_STOP and word not in _VERBS_IN_S)


# A capitalised name that carries a number or a plus of its own ("OS/2", "HSPA+", "C++"): a
# number after it numbers a version or a tier of what it names.
_MARKED_NAME_BEFORE = re.compile(r"(?<![\w/+])[A-Z][A-Za-z]+(?:/\d+|\++)\s+$")


def _capital_ok(text: str, start: int, end: int) -> bool:
    """False when a capitalised word precedes the figure: Windows 10, Apollo 11, Category 5.

    The few capitalised words that introduce a count ("About 200", "Between 700") are
    listed; any other word opening a sentence does too when a counted noun follows the
    figure ("Later 40 soldiers were wounded", but not "Windows 10 was released").
    """
    if _MARKED_NAME_BEFORE.search(text, max(0, start - 20), start):
        return False  # "OS/2 1.2", "HSPA+ 42": a version or a tier of the name before it
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    if prev is None or prev.end() != start:
        return True
    word = prev.group(1)
    if not word[0].isupper() and (word[1:].islower() or len(word) < 3) or word.endswith(("'s", "’s", "s'")) \
            or word.rstrip(".") in _CAPITAL_OK:
        return True  # but a name with a capital inside ("macOS 10.13", "iPhone 4") is a name; "pH 2.2" is not
    if word in _NUMBERED_PARTS:
        return False  # "Pool 1 winners", "Heat 3 winners": the number names the pool
    opens_sentence = prev.start() == 0 or bool(_SENTENCE_START.search(text, max(0, prev.start() - 4), prev.start()))
    return opens_sentence and "." not in text[start:end] and _counted_noun_follows(text, end)


# The parts of a contest or a work that a number names, capitalised as a name, even opening a
# sentence before a plural: "Pool 1 winners", "Heat 3 winners", "Week 5 games were postponed".
_NUMBERED_PARTS = frozenset("Pool Group Heat Round Stage Leg Pot Zone Week Day Phase Season".split())


# A number after a noun names one of its kind ("in coil 2", "which side is medium 1", "day 1,
# Tuesday day 2", "receptors 9 and 7"); a count comes before its noun. The noun follows a
# preposition or a copula (not "to", whose verbs take counts: "to carry 20"), or the number is
# one of a pair, or the noun is numbered twice in the statement. A rank ("at number 6") is a figure.
_LABELLED_NOUN_BEFORE = re.compile(
    r"(?:\b(?P<lead>in|on|at|is|are|was|were|be|been|from|into|with|by|for)\s+)?"
    r"(?<![\w\-'’])(?P<noun>[a-z][a-z\-]{2,})\s+(?P<pair>(?:\d+\s*,\s*)*\d+(?:,?\s+(?:and|or)\s+|\s*,\s*))?$"
)
# The rest of a series of labels, a bare number last: " and 7", ", 4 and 6 (aortic arch …)".
_SERIES_REST = r"(?:\s*,\s*\d+)*(?:,?\s+(?:and|or)\s+\d+)"
_BARE_END = r"(?![\d.,]*\s*(?:[^\W\d_]|%))"
_PAIR_AFTER = re.compile(rf"{_SERIES_REST}{_BARE_END}")
_BARE_REST = re.compile(rf"(?:\s*,\s*\d+|,?\s+(?:and|or)\s+\d+)*+{_BARE_END}")  # the whole rest, or nothing
# Words that stand before a number without naming what it labels: "is about 5", "is still 5".
_NOT_LABELLED_NOUNS = frozenset(
    "about around over nearly approximately roughly some only just almost under below above exactly "
    "than least most up down now still also even already often usually sometimes always never then "
    "thus hence therefore worth total top average per plus minus times number either neither both between".split()
)


# The nouns a model's number stands before ("the 916 model family", "the 916 line"), also
# after a second number ("the 851 and 888 models").
def _names_a_model(text: str, start: int, end: int) -> bool:
    """Whether "the" and a model's noun frame a number as the model's name: "the 916 model
    family", "the 916 line", "the 851 and 888 models", or "all" and a line's models: "all 7
    series models"; "12 models" counts them."""
    if _MODELS_OF_A_LINE.match(text, end) is not None and _ALL_BEFORE.search(text, max(0, start - 5), start):
        return True  # "standard on all 7 series models": the models of the 7 series
    before = _THE_BEFORE.search(text, max(0, start - 40), start)
    if before is None or before.group("word") and not before.group("first") and not _PAIR_THEN_MODELS.match(text, end):
        return False  # "the original 3 series" counts a show's series; "the road-going 851 and 888 models" names two
    plural = _MODELS_AFTER if before.group("first") else _PAIR_THEN_MODELS  # "851 and 888 models"
    return _MODEL_NOUN_AFTER.match(text, end) is not None or plural.match(text, end) is not None


_VERSION_NUMBER = re.compile(r"\d{1,3}\.\d{1,3}")
_RELEASE_NOUN_AFTER = re.compile(r"\s+(?:series|branch|release|releases|line)\b")
# A version said to be a number, which then ends its clause: "The current versions of the
# Requirements and Measurements Handbooks are 5.0."
_VERSION_SUBJECT_BEFORE = re.compile(
    r"\bversions?\b(?:\s+of\b[^.;:=]{1,60}?)?\s+(?:is|are|was|were|became)\s+(?:now\s+)?$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[.;,)]|$)")


# Versions bounded by a number: "versions of Linux before 2.6", "versions since 3.1".
_VERSION_BOUND_BEFORE = re.compile(
    r"\bversions?\b(?:\s+of\b[^.;:=]{1,60}?)?\s+(?:before|after|since|prior\s+to|up\s+to|until|from)\s+$", re.I)


def _version_stated(text: str, start: int, end: int) -> bool:
    return bool(_VERSION_SUBJECT_BEFORE.search(text, max(0, start - 90), start) and _CLAUSE_END.match(text, end)
                or _VERSION_BOUND_BEFORE.search(text, max(0, start - 90), start))


_MODEL_NOUN_AFTER = re.compile(r"\s+(?:model|series|family|line|range|variant|version)\b(?!\s+of\b)")
_PLURAL_MODELS = r"\s+(?:models|series|families|lines|ranges|variants|versions|classes)\b(?!\s+of\b)"
_MODELS_AFTER = re.compile(rf"(?:\s+(?:and|or)\s+\d+)?{_PLURAL_MODELS}")
_PAIR_THEN_MODELS = re.compile(rf"\s+(?:and|or)\s+\d+{_PLURAL_MODELS}")
# "the" and perhaps a word that qualifies the models ("the road-going 851 and 888 models"); not
# one that picks some of a run ("the first 3 series" counts a show's series).
_THE_BEFORE = re.compile(
    r"\b[Tt]he\s+(?P<word>(?!(?:first|last|next|other|following|remaining|previous|final|initial|latest|only|same|top)\b)"
    r"[a-z][a-z\-]+\s+)?(?P<first>\d+\s+(?:and|or)\s+)?$")
# A line of models, then its models: "all 7 series models", "all 900 range cars".
_MODELS_OF_A_LINE = re.compile(r"\s+(?:series|line|range|family)\s+(?:models|cars|vehicles)\b")
_ALL_BEFORE = re.compile(r"\b[Aa]ll\s+$")


def _labels_a_thing(text: str, start: int, end: int) -> bool:
    """Whether a bare number right after a noun names a member of its kind rather than counts:
    "in coil 2", "which side is medium 2", "Toll-like receptors 9 and 7", "aortic arches 3, 4
    and 6"; not where the series ends in a noun or a unit ("grew 3, 4 and 6 percent")."""
    if start < 4 or not (text[start - 1] == " " and (text[start - 2].isalpha() or text[start - 2] == ",")):
        return False  # no word or series right before: the cheap test first, this runs for every bare number
    before = _LABELLED_NOUN_BEFORE.search(text, max(0, start - 40), start)
    if before is None or _counted_noun_follows(text, end) or _unit_follows(text, end):
        return False
    noun = before.group("noun")
    if (noun in _NOUN_STOP or noun in _DETERMINERS or noun in _NOT_LABELLED_NOUNS or noun in _VERBS_IN_S
            or noun.endswith(("ed", "ing", "ly")) or noun in _counted_beings()):
        return False
    if "," in (before.group("pair") or "") and not _BARE_REST.match(text, end):
        return False  # "clubs 3, 4 and 6 times": the series counts
    return bool(before.group("lead") or before.group("pair") or _PAIR_AFTER.match(text, end)
                or len(re.findall(rf"\b{re.escape(noun)}\s+\d", text)) >= 2)


# A parenthesised reference to a part of a work: its authors, a comma, the part's name.
_LOCATOR_BEFORE = re.compile(
    r"\([A-Z][^()]{0,40}?[A-Za-z],\s+"
    r"(?!(?:about|around|over|nearly|some|approximately|roughly|circa|up|at)\b|[a-z]+ed\b)"
    r"[a-z]{3,}\.?\s+$"
)
_WORD_AFTER = re.compile(r"[\s\u00a0]*([^\W\d_]+)")


def _unit_follows(text: str, end: int) -> bool:
    """A unit follows the figure: "2 mA", "1 H", "5 metres"."""
    word = _WORD_AFTER.match(text, end)
    return word is not None and (not word.group(1).islower() or word.group(1) in _MEASURE_NOUNS)


_ARTICLE_BEFORE = re.compile(r"\b(?:(?P<the>the)|an?)\s+$")
_ARTICLE_ENDS = ("e ", "a ", "n ")
_ONE_THING_AFTER = re.compile(r"\s([a-z]{3,})\s+(?:on|of|in|at|with|was|is|that|which)\b")
# After "a" the noun qualifies another, as in the hyphenated "a 2-component system".
_COMPOUND_AFTER = re.compile(r"\s([a-z]{3,})\s+([a-z]{3,})\b")
_UNIT_ENDINGS = ("meter", "metre", "gram", "watt", "volt", "byte", "hertz", "second", "liter", "litre", "power")
_SINGULAR_UNITS = frozenset(
    "acre hectare gallon barrel pound ounce carat calorie ampere amp ohm joule bit degree cent dollar euro knot "
    "mph rpm psi bar".split()
)


def _names_one_thing(text: str, start: int, end: int) -> bool:
    """Whether a whole number names one thing rather than counts: a model's number ("the 916
    model family", "the 851 and 888 models"), a label ("in coil 2", "is medium 1", "Toll-like
    receptors 9 and 7"), a number qualifying a noun after "the" ("one taps the 57 circle on the
    neck"), a diagram key's entry ("3 Target (substrate)."), the subject of a verb in the
    singular ("The 53 was introduced", "31 replaces the old 30"), or a route after "the" that
    counts nothing ("replacing the 90 & 94", "ran the 500 as the Glasgow Flyer")."""
    return (_names_a_model(text, start, end) or _labels_a_thing(text, start, end) or _names_one(text, start, end)
            or _keys_a_part(text, start, end) or _numbered_subject(text, start, end)
            or _named_by_the(text, start, end))


def _names_one(text: str, start: int, end: int) -> bool:
    """ "the 57 circle on", "the 620 building which": a singular noun between "the" and the end of
    its phrase, so the number names the one thing rather than counts; "a 2 component system":
    a compound modifier written without its hyphen, no figure either ("a 2-component system")."""
    if text[start - 2:start] not in _ARTICLE_ENDS:
        return False
    article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
    if article is None:
        return False
    if article.group("the"):
        after = _ONE_THING_AFTER.match(text, end)
    else:
        after = _COMPOUND_AFTER.match(text, end)
        if after is not None and after.group(2) in _NOUN_STOP:
            return False  # a function word next: the noun heads its phrase and qualifies none
    if after is None:
        return False
    noun = after.group(1)
    if noun.endswith(("s", "a", "i") + _UNIT_ENDINGS) or _COUNTING_COMPOUND.fullmatch(noun):
        return False  # a plural ("the 300 men"), a unit ("a 45 nanometer node"), "a 12 member council"
    return not any(noun in words for words in (_MEASURE_NOUNS, _SINGULAR_UNITS, _COLLECTIVE_NOUNS, _NOUN_STOP,
                                              _counted_beings()))


# The rest of a statement that is a diagram key's entry: a name in the singular and perhaps a
# gloss ("1 Flyer (cladding).", "5 Explosive powder.", "2 Resolidified zone (needs to be minimised)").
_KEY_ENTRY_BEFORE = re.compile(r"\s*(?:[A-Z][a-z]+(?:\s+[a-z]+)?\s+)?")  # "Explosion welding 1 Flyer"
_KEY_ENTRY_AFTER = re.compile(r"\s+(?P<name>[A-Z][a-z]+)(?:\s+(?P<head>[a-z]+))?(?:\s*\([^()]*\))?\s*\.?\s*")


def _keys_a_part(text: str, start: int, end: int) -> bool:
    """Whether a bare number labels the part a diagram's key names: the statement is the entry,
    perhaps after the caption's title, and ends with one name in the singular, which no count
    takes ("6 Plasma jet", but "5 Killed", "40 Men", "mit insgesamt 13 Bastionen ausgebaut")."""
    if not _KEY_ENTRY_BEFORE.fullmatch(text, 0, start):
        return False
    entry = _KEY_ENTRY_AFTER.fullmatch(text, end)
    if entry is None:
        return False
    head = (entry.group("head") or entry.group("name")).lower()
    return not (head.endswith(("s", "ed")) or any(
        head in words for words in (_MEASURE_NOUNS, _COLLECTIVE_NOUNS, _SINGULAR_UNITS, _TIME_UNITS, _counted_beings())))


# A number opening its statement, alone or after "The", as the subject of a verb in the
# singular: "The 53 was introduced", "31 replaces the old 30", "97 skips DC General".
_SUBJECT_OPENING = re.compile(r"\s*(?:[Tt]he\s+)?")
_SINGULAR_VERB_AFTER = re.compile(r"\s+(?P<verb>[a-z]{2,}s)\s+(?P<next>the|an?|its|through|to|from|via|between|[A-Z]\w*)\b")


def _numbered_subject(text: str, start: int, end: int) -> bool:
    """Whether a bare number is the subject of a verb in the singular, so that it names one
    thing (a bus route, a model, a version) rather than counts: a count takes the plural ("40
    soldiers were wounded"), and a plural noun is what the count counts ("12 civilians the next day")."""
    if not _SUBJECT_OPENING.fullmatch(text, 0, start):
        return False
    if re.match(r"\s+(?:is|was|has)\b", text[end:end + 5]):
        return True
    after = _SINGULAR_VERB_AFTER.match(text, end)
    if after is None:
        return False
    verb = after.group("verb")
    if verb in _VERBS_IN_S:
        return True
    noun = verb[:-1]
    return not (verb.endswith(("ss", "us", "is")) or any(
        word in words for word in (verb, noun)
        for words in (_MEASURE_NOUNS, _COLLECTIVE_NOUNS, _TIME_UNITS, _counted_beings(), _EVENT_NOUNS, _ROLE_NOUNS)))


# "the old 30", "the 90 & 94": a bare number with the definite article ...
_DEFINITE_BEFORE = re.compile(
    r"\b[Tt]he\s+(?:(?:old|former|new|original|current|present)\s+)?(?:\d+(?:,\s*\d+)*,?\s*(?:&|and|or)\s+)?$"
)
# ... that counts nothing after it: the clause ends, "&" names another, a possessive or a
# direction or "as" follows ("the 94 north of Anacostia", "ran the 500 as the Glasgow Flyer").
_NOTHING_COUNTED_AFTER = re.compile(
    r"\s*(?:$|[.,;:&/]|['’]s\b|\((?=[A-Za-z]))|\s+(?:north|south|east|west|as)\b"
)


def _named_by_the(text: str, start: int, end: int) -> bool:
    """Whether a bare number after "the" names one thing it was given as a number (a bus route,
    a line): "replace the old 30", "replacing the 90 & 94". A count after "the" says what it
    counts ("the 40 passengers"), or points back to one given before ("of the 40, 12 survived")."""
    return (_DEFINITE_BEFORE.search(text, max(0, start - 20), start) is not None
            and _NOTHING_COUNTED_AFTER.match(text, end) is not None)


_SHORT_UNIT = re.compile(r"\s?[^\W\d_]{1,3}\b")
_DESIGNATION_AFTER = re.compile(r"\s+[A-Z][\w\-]*?(\d+)\b")


def _restates_designation(text: str, end: int, digits: str) -> bool:
    """ "the 250 cc GSX-R250": a figure (with its unit) right before a name holding the same digits."""
    unit = _SHORT_UNIT.match(text, end)
    designation = _DESIGNATION_AFTER.match(text, unit.end() if unit else end)
    return designation is not None and designation.group(1) == digits


_GROUP_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+of\s+$")


def _quoted_name(text: str, start: int, end: int) -> bool:
    """ 'the "3 Rs"', the "Three Friends of Winter", Aristotle's "four cause" theory, meaning
    "three stars": a name or a term opening a quotation."""
    if start == 0 or text[start - 1] not in "\"“‘'":
        return False
    return (re.match(r"[\s\-]+[A-Z]", text[end:end + 3]) is not None
            or _SHORT_QUOTE_END.match(text, end) is not None)


_SHORT_QUOTE_END = re.compile(r"(?:[\s\-]+[^\W\d_]+){0,2}[\"”’']")


def _names_a_group(text: str, start: int, end: int) -> bool:
    """ "the Gang of 10", "the Group of 77": a name, unless a counted noun follows."""
    m = _GROUP_NAME_BEFORE.search(text, max(0, start - 30), start)
    if m is None or m.group(1) in _CAPITAL_OK or _counted_noun_follows(text, end):
        return False
    return not _SENTENCE_START.search(text, max(0, m.start() - 4), m.start())


def _capitalised_mid_sentence(text: str, start: int) -> bool:
    """A capitalised number word inside a sentence belongs to a name: the Big Three. So does one
    that opens brackets holding only capitalised words: "(Nine Inch Nails)", not "(Two died)"."""
    if not text[start].isupper() or start == 0:
        return False
    if not _SENTENCE_START.search(text, max(0, start - 4), start):
        return True
    return text[:start].rstrip().endswith("(") and _NAME_IN_BRACKETS.match(text, start) is not None


_NAME_IN_BRACKETS = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|the|and|&)){1,5}\)")


def _finish(text: str, start: int, end: int, match: re.Match[str], cur: str | None,
            pct: str | None, ranged: bool) -> NumericClaim | None:
    german = match.re is _GERMAN_DIGIT_CLAIM
    value = _value(match.group("num"), match.group("scale"), german)
    high = None
    if ranged:
        high = _value(match.group("num2"), match.group("scale2"), german)
        pct = pct or match.group("pct2")
        cur = cur or match.group("cur2")
    noun = _noun_after(text, end)
    if _is_relative_time(text, start, end, noun, value):
        return None
    if pct:
        kind = "percent"
    elif cur or noun.split(" ")[-1].lower() in _MONEY_NOUNS:
        kind = "money"
    else:
        kind = "count"
    return NumericClaim(start, end, text[start:end], value, kind, noun, high)


# --- number words ---------------------------------------------------------------------------


_OCLOCK = re.compile(r"\s+o['’]clock\b")
_STAR_GRADE = re.compile(r"\s+star\b", re.I)
# A fineness named by its nines, a grade: "three nines fine" (999), "one nine fine" (900).
_NINES_FINE = re.compile(r"\s+nines\s+fine\b")


_WHICH_OF_BEFORE = re.compile(r"\bwhich(?:ever)?\s+of\s+$", re.I)


def _word_claim(text: str, match: re.Match[str]) -> NumericClaim | None:
    start, end = match.span()
    raw = match.group()
    lowered = raw.lower()
    if _capitalised_mid_sentence(text, start) or lowered in _SCALES and not _APPROXIMATELY_BEFORE.search(
            text, max(0, start - 16), start):
        return None  # "the Big Three"; "(billion US$)": a unit in a table header; but "around hundred"
    if _VAGUE_RANGE_BEFORE.search(text, max(0, start - 60), start):
        # "anywhere from a couple of terms to a hundred terms": an order of magnitude
        return NumericClaim(start, end, raw, None, "vague", _noun_after(text, end))
    after = text[end:end + 2]
    if after[:1] in "._" and after[1:2].isalpha() or _MEANING_BEFORE.search(text, max(0, start - 12), start):
        return None  # alternative="two.sided": code; the nones (meaning "nine"): a word's meaning
    if _OCLOCK.match(text, end):
        return None  # "four o'clock": a time, or a plant's name
    if _STAR_GRADE.match(text, end):
        return None  # "a five star hotel", "Five Star Albums": a grade, not a count
    if _NINES_FINE.match(text, end) or lowered.endswith(" nine") and text.startswith(" fine", end):
        return None  # "three nines fine": a grade of purity
    if after[:1] in _DASH and after[1:2].isalpha() and (
            lowered == "one" or not _COUNTING_COMPOUND.match(text, end + 1)):
        return None  # two-day, one-sided, two-thirds: a compound adjective or a fraction
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    prev_word = prev.group(1).lower() if prev and prev.end() == start else ""
    if prev_word in _DETERMINERS or _labelled(text, start, end, end):
        return None  # "the two sides", "round two matches"; but "to host the games three times"
    if _quoted_name(text, start, end) or re.match(r"[\s\-]+[A-Z]", text[end:end + 3]) and (
            prev and prev.end() == start and prev.group(1)[0].isupper() and prev.group(1) not in _CAPITAL_OK):
        return None  # the "Three Friends of Winter", Joey ten Berge: a name
    if (_title_case_follows(text, end) or _NAME_OPENED_BY_NUMBER_WORD.match(text, end)
            or " " in raw and raw.split()[-1][:1].isupper()
            or raw[:1].isupper() and _singular_name_after_figure(text, start, end)):
        # "Five Weeks in a Balloon", "Three Rivers Stadium", "Sixty Nine", a cell's "Nine Network"
        # (an English number word, so an English name; not "The raid killed nine Taliban"): a title or a name
        return None
    if lowered in ("two", "three") and _GENERAL_RULE_AFTER.match(text, end):
        return None  # "two species cannot coexist": a rule for any two
    small = _value_small(lowered)
    if small and (re.match(r"\s+or\s+(?:more|fewer|less)\b", text[end:end + 14])
                  or (prev_word == "between" and not re.match(r"\s+and\b", text[end:end + 5]))
                  or (prev_word == "of" and _WHICH_OF_BEFORE.search(text, max(0, start - 20), start))):
        return None  # "two or more species", "between two points", "which of two bodies": any members of a kind
    if lowered == "one" and not _lone_one_is_count(text, end, prev_word, start):
        return None
    if lowered == "zero":
        return None  # "zero speed", "zero tolerance": almost never a count worth a source
    noun = _noun_after(text, end)
    following = _FOLLOWING_WORDS.match(text[end:end + 60])
    if small and _classifying(following):
        return None  # "two different types", "three components": a classification, not a count
    if small and _classifies(text, start):
        return None  # "divided into two groups", "to split the nucleus into two alpha particles"
    if small and _CONDITION_OPENS.search(text, max(0, start - 80), start) and not (
            _YEAR_IN_TEXT.search(text) or _PROPER_NAME_INSIDE.search(text)):
        return None  # "if a body A is in equilibrium with two bodies B and C": any case's count
    if small and not _small_count_is_claim(text, start, end, prev_word, following):
        return None  # "DNA is found in two cellular locations": a generic count, not a statistic
    if lowered == "one" and re.match(r"(?:\s+\w+){1,3}\s+(?:to|or|and|after)\s+another\b", text[end:end + 60]):
        return None  # "from one basin to another", "one treatise after another"
    if not noun and prev_word in ("or", "and"):
        return None  # "a day or two": an idiom, not a count
    if start >= 2 and text[start - 1] in _DASH and text[start - 2].isalpha():
        return None  # "all-in-one", "twenty-first" tails
    value = _words_value(raw)
    if not small and value is not None and value.is_integer() and _names_listed_things(text, start, end, int(value)):
        return None  # "twelve sovereign states – Argentina, …, and Venezuela –": the names are the count
    if value is None or _is_relative_time(text, start, end, noun, value):
        return None
    kind = "money" if noun.split(" ")[-1].lower() in _MONEY_NOUNS else "count"
    return NumericClaim(start, end, raw, value, kind, noun)


def _fraction_claim(text: str, match: re.Match[str]) -> NumericClaim | None:
    """A share in words, as a percentage: "three-quarters of" (75), "by two-thirds", "around
    half"; not "a third time", "a two-thirds majority" or "the first half"."""
    start, end = match.span()
    following = re.match(r"[\s,;:.)]*([^\W\d_]+)?", text[end:end + 20])
    next_word = (following.group(1) or "").lower() if following else ""
    if match.group("half"):
        prev = _PREV_WORD.search(text, max(0, start - 20), start)
        if not (prev and prev.end() == start and prev.group(1).lower() in _HALF_QUANTIFIERS):
            return None
        if _HALF_THRESHOLD.search(text, max(0, start - 12), start) and _CONDITION_OPENS.search(text, 0, start) and not (
                _YEAR_IN_TEXT.search(text) or _PROPER_NAME_INSIDE.search(text)):
            return None  # "if each group contains less than half the population": a condition, no share found
        share = 0.5
    else:
        count = match.group("count").lower()
        denominator = _DENOMINATORS[match.group("part").lower()]
        if count.startswith("a") or count == "one":
            if next_word != "of":
                return None  # "a third time", "a quarter century"
            share = 1 / denominator
        elif next_word and next_word not in _AFTER_STANDALONE and next_word not in _NOUN_STOP and not next_word.endswith("ed"):
            return None  # "a two-thirds majority"
        else:
            share = _UNITS[count] / denominator
        if _capitalised_mid_sentence(text, start):
            return None
    if _MINUS_BEFORE.search(text, max(0, start - 8), start):
        return None  # "equal to minus one third of Pauli's": a coefficient, no share is negative
    return NumericClaim(start, end, match.group(), round(share * 100, 2), "percent", _noun_after(text, end))


_GENERAL_RULE_AFTER = re.compile(r"(?:\s+[a-z]+){1,4}\s+(?:cannot|can't|can|may|must|always|never)\b(?!\s+have\b)")
# A range from a vague amount is vague as a whole: "anywhere from a couple of terms to a hundred terms".
_VAGUE_RANGE_BEFORE = re.compile(r"\bfrom\s+(?:a\s+couple|a\s+few|several)\b[^.;\d]{0,30}?\bto\s+$", re.I)
_APPROXIMATELY_BEFORE = re.compile(r"\b(?:around|about|over|nearly|some|almost|approximately)\s+$", re.I)
_FOLLOWING_WORDS = re.compile(r"\s+([^\W\d_]+)(?:[\s\-]+([^\W\d_]+))?(?:[\s\-]+([^\W\d_]+))?")


def _classifying(following: re.Match[str] | None) -> bool:
    """Whether the words after a small count sort things into kinds ("two different types"), or
    name a mechanism's degrees of freedom ("three degrees of rotational freedom")."""
    if following is None:
        return False
    words = [(w or "").lower() for w in following.groups()]
    return (any(w in _CLASSIFYING_NOUNS for w in words)
            or words[0] in ("degree", "degrees") and words[1] == "of" and words[2] in _FREEDOM_WORDS)


_FREEDOM_WORDS = frozenset("freedom rotational translational angular".split())


_CLASSIFYING_NOUNS = frozenset(
    "type types kind kinds sort sorts form forms part parts component components factor factors "
    "source sources way ways category categories class classes stage stages phase phases step "
    "steps method methods aspect aspects element elements dimension dimensions reason reasons "
    "option options mode modes level levels version versions edition editions variant variants "
    "different distinct separate main major basic primary principal key general broad common "
    "possible ways approaches axes".split()  # "three axes": a mechanism's
)


# A small count in words is a statistic an editor must source only when it counts people,
# casualties or events, measures something (a unit, a time, money), is estimated ("at least
# four") or belongs to a dated report ("in 2018 ... ten mines"). Otherwise it describes a kind
# ("DNA is found in two cellular locations", "splits into two peaks", "any two bodies").
_EVENT_NOUNS = frozenset(
    "attacks attack wars war battles battle elections election titles title medals medal "
    "championships championship wins victories defeats matches games races goals terms term "
    "seasons strikes strike earthquakes eruptions outbreaks epidemics pandemics visits trips "
    "expeditions missions flights launches albums films books novels awards prizes nominations "
    "times occasions incidents accidents crashes explosions fires floods storms hurricanes "
    "cyclones coups invasions raids offensives sieges campaigns tours editions records draws "
    "defeats losses debates meetings sessions".split()
)
# People a count of whom is reported, beyond the casualty lexicon's person nouns.
_ROLE_NOUNS = frozenset(
    "members players delegates candidates councillors councilors senators deputies ministers "
    "judges astronauts employees athletes authors leaders".split()
)
_MEASURE_NOUNS = frozenset(
    "litres liters litre liter gallons tons tonnes ton tonne kilograms grams pounds ounces metres "
    "meters metre meter kilometres kilometers miles mile feet foot inches inch hectares acres "
    "degrees percent cents calories watts volts amperes bytes bits".split()
) | _TIME_UNITS | _MONEY_NOUNS | _GLUED_UNITS
# "Around" after a verb it belongs to places, not estimates: "revolves around two concepts".
_ESTIMATE_BEFORE = re.compile(
    r"\b(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|over|about|nearly"
    r"|(?<!\brevolves\s)(?<!\brevolve\s)(?<!\brevolved\s)(?<!\bcentred\s)(?<!\bcentered\s)around"
    r"|almost|approximately|roughly|up\s+to|some|estimated|reportedly)\s+$",
    re.I,
)
# A comparison with one, two or three draws a line between kinds: "variables with more than two values".
_THRESHOLD = re.compile(r"(?:more|fewer|less)\b", re.I)
# "At least" and "at most" draw a line only in a timeless statement of what a kind has: "contain
# at least one phosphate group", "there are at least two computers", "in which at least one".
# The verb alone decides, so a count of one thing's parts reads so too ("The city has at least
# three hospitals"): on real pages the kinds far outnumber them ("The winding has at least three
# taps", "radium have at least one naturally occurring radioisotope").
_BOUND = re.compile(r"at\s+(?:least|most)\b", re.I)
_HAS_OF_A_KIND = frozenset("contain contains containing has have having with is are be which where require requires".split())
# Verbs that report what was done with a number of things ("sold two", "won three"); not
# "has" or "have", which describe a kind ("a triangle has three sides").
_REPORTED_ACTS = frozenset("lost won shot built took kept held got made sold bought hit fired owns operates".split())
_WORD_RANGE_AFTER = re.compile(rf"\s*(?:to|[{_DASH}])\s*(?:{_WORD_TOKEN})\b", re.I)
_WORD_RANGE_BEFORE = re.compile(rf"\b(?:{_WORD_TOKEN}|\d+)\s*(?:to|[{_DASH}])\s*$", re.I)
_YEAR_IN_TEXT = re.compile(r"\b(?:1[0-9]|20|21)\d\ds?\b")
_HALF_AFTER = re.compile(r"\s+and\s+a\s+half\s+[a-z]+")
_PROPER_NAME_INSIDE = re.compile(r"(?<![.!?:;\"“(\[\n])\s(?!(?:I|The|A|An)\b)[A-Z][a-z]{2,}")
_MEANING_BEFORE = re.compile(r"\bmeaning\s*[\"“‘'(]?\s*$", re.I)


def _casualty_lexicon() -> Lexicon:
    from citecheck.data import data_root, load_lexicon  # the data layer, loaded when a count first needs it

    return load_lexicon(data_root() / "lexicons" / "casualty-terms.toml")


@functools.cache
def _casualty_words() -> frozenset[str]:
    """The casualty lexicon's one-word terms ("killed", "wounded", "captured")."""
    return frozenset(term.lower() for category in _casualty_lexicon().categories for term in category.terms
                     if " " not in term)


# A count in digits names its members up to this many; up to ``_LISTED_MEMBERS_MOST`` where it counts things.
_LISTED_DIGIT_MEMBERS = 12


def _names_listed_things(text: str, start: int, end: int, count: int) -> bool:
    """Whether a count of up to ``_LISTED_MEMBERS_MOST`` things, in digits or in words, names its
    members after it (``_names_its_members``): "16 shops: Blinkhorn & Son …", "twelve sovereign
    states – Argentina, …, and Venezuela –"."""
    return count <= _LISTED_MEMBERS_MOST and _counts_things(text, end) and _names_its_members(text, start, end, count)


def _counts_things(text: str, end: int) -> bool:
    """Whether the count ending at ``end`` counts no people, in a text that tells of no casualties."""
    return _counted_word(text, end) not in _counted_beings() and not _tells_of_casualties(text)


@functools.cache
def _counted_beings() -> frozenset[str]:
    """Person nouns and casualty terms (one word each) from the casualty lexicon."""
    return _casualty_words() | _person_nouns()


@functools.cache
def _person_nouns() -> frozenset[str]:
    """The casualty lexicon's nouns for people ("soldiers", "civilians", "people")."""
    return frozenset(noun.lower() for noun in _casualty_lexicon().word_list("person_nouns"))


def _counts_casualties(text: str, end: int) -> bool:
    """Whether the count ending at ``end`` counts people in a sentence that tells of casualties
    ("The attack killed three soldiers, …"): such a count is a casualty figure whoever is named."""
    return _counted_word(text, end) in _counted_beings() and _tells_of_casualties(text)


def _tells_of_casualties(text: str) -> bool:
    """Whether ``text`` holds a word of the casualty lexicon ("killed", "died", "wounded")."""
    return not _casualty_words().isdisjoint(_words(text))


def estimate_before(text: str, start: int) -> re.Match[str] | None:
    """The words before a figure at ``start`` that make it an estimate or a bound: "at least
    four", "more than five", "about 20" (``_ESTIMATE_BEFORE``)."""
    return _ESTIMATE_BEFORE.search(text, max(0, start - 16), start)


def _small_count_is_claim(text: str, start: int, end: int, prev_word: str,
                          following: re.Match[str] | None) -> bool:
    """Whether a number word up to ten reports a statistic (see ``_EVENT_NOUNS``)."""
    beings = _counted_beings()
    estimate = estimate_before(text, start)
    bound = estimate is not None and not _sets_threshold(text, estimate, _UNITS[text[start:end].lower()])
    if prev_word in beings or bound and _counted_word(text, end) in beings:
        return True  # "killing three", "at least three soldiers (A, B and C)": a toll stays a report
    if _names_its_members(text, start, end, _UNITS[text[start:end].lower()]):
        return False  # "founded by three students, A, B and C", "at least three languages (A, B and C)"
    if bound:
        return True  # "at least four layers"
    if prev_word in _REPORTED_ACTS or prev_word.endswith("ed") and prev_word.isalpha():
        return True  # "destroyed one launcher", "sold two": a reported act
    if (_WORD_RANGE_AFTER.match(text, end) or _WORD_RANGE_BEFORE.search(text, max(0, start - 16), start)
            or text[end:end + 1] in _DASH):
        return True  # "six to seven hours", "one to eight cameras"; "a six-term incumbent"
    nouns = [(w or "").lower() for w in following.groups()] if following else []
    if any(w in beings or w in _ROLE_NOUNS or w in _EVENT_NOUNS or w in _MEASURE_NOUNS
           or w.endswith(("ists", "ians")) for w in nouns):
        return True  # "two civilians", "eight anarchists", "seven world titles", "three hours"
    if _HALF_AFTER.match(text, end):
        return True  # "three and a half hours"
    # A report about a particular place, body or time: "Radio France runs five stations", "in
    # 2018 ... to close ten mines"; a generic statement names none ("DNA is found in two"), and
    # the names of the members the count lists are not such a report ("divided into two
    # subphyla - Haploviricotina and Polyploviricotina").
    text = _without_listed_members(text, start, end)
    if (entry := _GLOSSARY_ENTRY.match(text)) is not None and entry.end() <= start:
        text = text[entry.end():]  # "TRIAC – Triode for Alternating Current – A device containing two ..."
    return _YEAR_IN_TEXT.search(text) is not None or _PROPER_NAME_INSIDE.search(text) is not None


_DASHES = r"(?:[–—]|â\x80[\x93\x94])"
# Dividing into parts makes the count a classification, and so do the members of a list that
# follows such a count: "divided into two groups", "splits into two populations", "separated
# into four groups: A, B, two kinases and their adaptors".
_CLASSIFICATION_BEFORE = re.compile(
    r"\b(?:divid|separat|split|classifi|subdivid|partition|categori[sz])\w*\s+(?:[^\s,;.:]+\s+){0,3}?into\s+"
    rf"(?:(?:{_WORD_TOKEN})\s+[^.;:]*:[^.;]*?)?$",
    re.I,
)
# A division told in the present, as a rule or a possibility: "divides", "is divided", "can be
# separated", "to split".
_TIMELESS_DIVISION = re.compile(
    r"\b(?:(?:is|are|be|been|being|to)\s+(?:[a-z]+ly\s+)?"
    r"(?:divid|separat|split|classifi|subdivid|partition|categori[sz])"
    r"|(?:divides|splits|separates|classifies|subdivides|partitions|categori[sz]es)\b)",
    re.I,
)
# A glossary entry: a term and its expansion before the definition ("BCT – Bidirectional Control
# Thyristor – A bidirectional switching device ..."); the expansion names the term, not a case.
_GLOSSARY_ENTRY = re.compile(rf"\s*[A-Z][A-Za-z0-9]{{1,7}}\s+{_DASHES}\s+[A-Z][^.;:–—â]{{2,60}}?\s+{_DASHES}\s+")
# What opens the list of a count's members: "two subphyla - A and B", "three formations, which
# are A, B and C", "four groups: A, B, C and D", "Two notable examples ... are A and B", "two
# styles, known as lining figures and text figures", "three products, namely wheat, olive oil and wine",
# "three volumes, covering physical oceanography, seawater and geology", "three new species,
# formally denoted Alpha, Beta and Gamma", "three sponsors of the event; those being Audi, Gant,
# and Hertz"; not a measure's scope ("two years, covering Alaska and Canada").
# A colon after "are" opens them instead ("Eight word classes are distinguished in English: nouns, …").
# A digit on the way is another figure, unless a letter holds it in a name ("the U20 squad") or it
# is an ordinal ("their two famous 16th century popes, Leo X and Clement VII"), or a decade right
# after the count ("two 1960s episodes"), or the year of an event ("five parties … in the 2011
# elections: …"; not "in 2011:", which may be a figure's own line, nor a number like a year before
# what it counts: "two of the 1800 passengers: …").
# The nouns a year names an event or a period by, one or many: "the 2011 elections", "the 1996 season".
_YEAR_EVENT_NOUNS = alternation(sorted(_YEAR_NOUNS | {noun[:-1] for noun in _YEAR_NOUNS if noun.endswith("s")}))
_OPENING_WORDS = (r"(?:[^.;:!?()\d]|(?<=[A-Za-z])\d+|\d+(?:st|nd|rd|th)\b"
                  rf"|(?<=\sthe\s)(?:1[5-9]|20)\d\d(?=\s(?:{_YEAR_EVENT_NOUNS})\b))")
_MEMBERS_OPEN = re.compile(
    rf"(?:\s(?:1[5-9]|20)\d0s\b)?{_OPENING_WORDS}{{0,90}}?(?P<colon>[:;]\s*(?:(?:those|these)\s+being\s+)?)?(?(colon)|(?:\s?{_DASHES}\s?|\s-\s"
    rf"|,\s+(?:which\s+are\s+|(?P<naming>(?:[a-z]+ly\s+)?(?:known\s+as|called|namely|denoted|covering)\s+))?"
    rf"|\s(?:are|were)\s+(?!{_OPENING_WORDS}*:)|\s\())(?=\S)"
)
_COPULA_INSIDE = re.compile(r"\s(?:are|were)\s")
_CLAUSE_COLON = re.compile(r":\s")  # a colon that opens a clause, not one of a time ("6:30")
# A full stop ends the members, but not one of a name's abbreviation ("St. Vital Centre"), and a
# dash does (also typed as two hyphens), but not one of a span of years ("the campaigns of
# 101–102 and 105–106").
# A relative clause ends them, also after a word on the last member (", a publicist who …"), and
# so does a clause that a conjunction opens (", as they adventure through …") or what comes with
# them (", along with an accompanying tour").
_MEMBERS_CLOSE = re.compile(rf"(?<!\bSt)(?<!\bMt)(?<!\bFt)(?<!\bDr)\.(?:\s|$)|\s?(?<!\d){_DASHES}|\s?(?<!\d)--|[;)]|\sbut\s|,\s+(?:(?:an?|the)\s+[a-z]+\s+)?(?:who|which|whose|where|that)\b"
                            r"|,\s+(?:as(?!\s+well\s+as)|while|whereas|when|because|although|though|until)\s+[a-z]"
                            r"|,\s+(?:along|together)\s+with\s|$")
# A relative clause with no comma before it, which may end the members sooner.
_RELATIVE_WITHOUT_COMMA = re.compile(r"\s(?:that|which|who)\s")
# What stands before the full stop of an initial or of a junior's or senior's abbreviation, and
# how many of them the members' names hold at most (a run of initials is no list of names).
_INITIAL_BEFORE = re.compile(r"(?:\b[A-Z]|\bSr|\bJr)$")
_INITIALS_MOST = 6
# How far after a count its members are looked for: farther, they would be no list of its members.
_MEMBERS_REACH = 1000


def _members_closes(text: str, start: int) -> Iterator[re.Match[str]]:
    """Where the members from ``start`` may end: at the first ``_MEMBERS_CLOSE``, and, while that
    is the full stop of an initial or of "Sr." or "Jr.", at the next one too: "Henry W. Baker
    House" and "Charles G. Curtiss Sr. House" go on, "the Boer War and World War I. He …" ends.
    Last, at a relative clause with no comma before it, where the members end sooner: "Empire
    and Eldorado on the city's southwestern end that hold …"; tried last, as a clause may belong
    to each member ("two sons: John who became a priest and James who joined the army")."""
    close = _MEMBERS_CLOSE.search(text, start)
    last = len(text)
    for _ in range(_INITIALS_MOST + 1):
        if close is None:
            break
        yield close
        last = close.start()
        if not (close.group().startswith(".") and _INITIAL_BEFORE.search(text, max(0, close.start() - 2), close.start())):
            break
        close = _MEMBERS_CLOSE.search(text, close.end())
    relative = _RELATIVE_WITHOUT_COMMA.search(text, start, last)
    if relative is not None:
        yield relative


_MEMBER_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|\s+(?:and|or|as\s+well\s+as)\s+")
# A name, also in quotes, or after a word that says what it is or its year: "the thriller Iron
# Cross", "the 2005 Cotton Bowl Classic"; a quoted one in lower case too ("'take-all' and
# Cephalosporium stripe").
_NAMED_MEMBER = re.compile(
    r"\s*(?:(?:and|or)\s+)?(?:(?:the|a|an)\s+(?:[a-z]+\s+|(?:1[89]|20)\d\d\s+)?)?"
    r"(?:[\"“‘]?[A-Z]|[\"“‘'][^\"”’'\s][^\"”’']*[\"”’'](?:\s|$))")
# The sentence going on after the members' names: ", and also played …", a verb in the past or a
# participle (", served by the city public transit system", ", decided to intervene"; not
# ", including …", which adds members), the verb of the count they stand beside (", have reportedly
# been revived"), or saying more of them: ", both of the immunoglobulin
# superfamily", ", the latter with minimal service", or adding others of their kind: "A, B, and C
# as well as several local newspapers", or going on without a comma: "Super Bowl V and Super Bowl VI
# and also was an assistant coach …".
_CLAUSE_GOES_ON = re.compile(r",\s+(?:(?:and|but)\s+[a-z]|(?:both|the\s+latter|the\s+former)\b"
                             r"|(?!including\b)[a-z]{3,}(?:ed|ing)\s+[a-z]"
                             r"|(?:have|has|had|are|were|is|was)\s+[a-z])|\s+as\s+well\s+as\s+[a-z]|\s+and\s+also\s+[a-z]")
# A relative clause about one member, between two of them: "Dark Honeymoon, which had been
# completed, and the thriller Iron Cross".
_INNER_RELATIVE = re.compile(r",\s+(?:which|who)\s+[^,;.]{1,120}(?=,\s+(?:and|or)\s)")
# A few words saying what one member is, between two of them: "Tahj Mowry, an actor, and Tavior
# Mowry"; blanked with its commas, so that "and" joins the names.
_INNER_APPOSITIVE = re.compile(r"(?<=[a-z]),\s+(?:an?|the)\s+[a-z][a-z\s\-]{0,30},(?=\s+(?:and|or)\s+[A-Z])")
_TRAILING_ADVERBIAL = re.compile(r"\s*(?:(?:in|on|at|from|during|after|before|until|since)\s|respectively\s*$)")
# "(cumulative, exponential, Gaussian)": any word, also a quoted title ('singles: "Dream Goes On", …'),
# or the year or span of years that tells apart two of a kind ("two French Open titles (1991 and
# 1992)", "two wars against the Dacians: the campaigns of 101-102, and 105-106").
_BRACKETED_MEMBER = re.compile(r"\s*(?:[\"“‘]?[^\W\d_]|(?:1[5-9]|20)\d\d\s*$|\d{2,4}\s?[-–]\s?\d{2,4}\s*$)")
# A name's other name in one word, in brackets, inside a member: "East Oakland (Seminary)"; after
# a common noun the name in brackets is the member ("one order (Totiviridae)").
_OTHER_NAME_ASIDE = re.compile(r"(?P<name>\b[A-Z][\w'’-]*)\s\([A-Z][a-z]+\)")
# What a bracket says of a name, at any length: "Lawrence and John (All-American tennis player at
# …)", "Marte (born 1996) and Erik (born 2000)".
_ASIDE_ON_NAME = re.compile(r"(?P<name>\b[A-Z][\w'’\-]*)\s\([^()]{1,200}\)")
# A member's year or month set off by commas: "two studio albums, Spirit, in 2007 and Echo, in
# 2009", "two singles; "Behave", in December, and "I Want You To Know", in February".
_MEMBER_YEAR_ASIDE = re.compile(
    r"(?<=[\w\"”’']),\s+in\s+(?:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)(?:\s+(?:1[5-9]|20)\d\d)?|(?:1[5-9]|20)\d\d)(?=\s+(?:and|or)\s|,|\.|$)")
# A member described at length, one to a clause between semicolons, by a definite noun phrase.
_DESCRIBED_MEMBER = re.compile(r"\s*(?:(?:and|or)\s+)?(?:the\s+\S|[A-Z])")
# … or an aim each, in parallel: "two missions: to prepare seniors …; and to prepare players …".
_PURPOSE_MEMBER = re.compile(r"\s*(?:(?:and|or)\s+)?to\s+[a-z]")
# The opening of members that a colon or a semicolon sets out, and what ends them.
_DESCRIBED_LIST_OPEN = re.compile(r"[^.;:!?()\d]{0,90}?[:;]\s*(?=\S)")
# … or that follow the counted noun in apposition: "two conformations, an open active site and a
# closed inactive site".
_APPOSED_LIST_OPEN = re.compile(r"(?:\s+[^\W\d_][\w\-]*){1,3},\s+(?=(?:an?|the)\s)")
_SENTENCE_CLOSE = re.compile(r"\.(?:\s|$)|$")
_ASIDE = re.compile(r"\s?\([^()]*\)")
# A member described by a noun phrase, definite or not: "the Leydig's organ within …", "a spiral valve".
_NOUN_PHRASE_MEMBER = re.compile(r"\s*(?:(?:and|or)\s+)?(?:the|an?)\s+\S")
_LONGEST_NOUN_PHRASE_MEMBER = 10  # "the Leydig's organ within the walls of their esophagus"


def _described_members(text: str, end: int, count: int) -> tuple[int, int] | None:
    """Where the members a count sets out after a colon or a semicolon, or in apposition to its
    noun ("two conformations, an open active site and a closed inactive site"), start and end,
    when the rest of the sentence is exactly ``count`` noun phrases, each described in a few words: "three
    specialized organs that are unique to Chondrichthyes; the epigonal organs (…) that surround the
    gonads, the Leydig's organ within …, and a spiral valve in their intestine". People counted
    stay a report; so do a clause after the colon ("three plants; the largest, in Ohio, makes cars")
    and members with figures of their own."""
    opened = _DESCRIBED_LIST_OPEN.match(text, end)
    if opened is None and (apposed := _APPOSED_LIST_OPEN.match(text, end)) is not None and not any(
            word.lower() in _MEASURE_NOUNS for word in _WORD_AFTER.findall(apposed.group())):
        opened = apposed  # not "lasted two (consecutive) years, the worst in a century …"
    if opened is None or _counted_word(text, end) in _counted_beings():
        return None
    close = _SENTENCE_CLOSE.search(text, opened.end())
    listed = _ASIDE.sub(lambda aside: " " * len(aside.group()), text[opened.end():close.start()])
    members = [m for m in _MEMBER_SEPARATOR.split(listed) if m.strip()]
    if len(members) != count or _HAS_DIGIT.search(listed) or not all(
            _NOUN_PHRASE_MEMBER.match(m) and len(m.split()) <= _LONGEST_NOUN_PHRASE_MEMBER for m in members):
        return None
    return opened.end(), close.start()


# A pair whose members each side picks: "two rivalling factions, each supporting either Sun He or Sun Ba".
_EITHER_OF_PAIR = re.compile(
    r"[^.;]{0,60}?,\s+each\s+[a-z]+\s+(?:[a-z]+\s+)?either\s+"
    r"(?P<names>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+or\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)"
)
_ONE_AND_THE_OTHER = re.compile(r"[^.;]{0,60}?,?\s+one\s+(?:at|in|for|with|of|on)\b[^.;]*?\b(?:the\s+other|another)\b[^.;]*")


def _classifies(text: str, start: int) -> bool:
    """Whether the count at ``start`` gives the parts a division makes ("can be separated into
    four groups", "a population splits into two", "to split the nucleus into two"); a division
    told in the past of a dated report is an event, whose count is reported ("Following Lee's
    death in 1987, Samsung was separated into five business groups")."""
    division = _CLASSIFICATION_BEFORE.search(text, max(0, start - 200), start)
    if division is None or _DONE_TO_SOMETHING.match(text, division.start()):
        return False  # "The victorious powers divided the city into four sectors": an act someone did
    return not _YEAR_IN_TEXT.search(text) or _TIMELESS_DIVISION.search(
        text, max(0, division.start() - 30), division.start() + 12) is not None


# A division someone made of a thing named after the verb, told in the past.
_DONE_TO_SOMETHING = re.compile(r"(?:divided|separated|partitioned|subdivided)\s+(?:the|its|their|his|her)\s", re.I)


def _without_listed_members(text: str, start: int, end: int) -> str:
    """``text`` without the counts that list their members by name, each from the count to its
    last member ("three Miocene formations, which are the Upper, the Middle and the Lower Coal
    Measures"): only the rest can show a report. A possessive names whose members they are, and
    stays ("Five of Canada's fourteen UNESCO sites lie in the province: Banff, …"). The count at
    ``start``-``end`` goes first; the others of its statement follow."""
    spans = []
    for count_start, count_end in [(start, end), *((m.start(), m.end()) for m in _WORD_CLAIM.finditer(text)
                                                   if m.start() != start)]:
        members = _listed_members(text, count_end, _UNITS.get(text[count_start:count_end].lower(), 0))
        if members is not None:
            owned = _POSSESSIVE.search(text, count_end, members[0]) is not None
            spans.append((members[0] if owned else count_start, members[1]))
        elif count_start == start:
            return text
    for span_start, span_end in spans:  # blanked out, so that the other spans keep their places
        text = text[:span_start] + " " * (span_end - span_start) + text[span_end:]
    return text


# The members named as the subject the count describes: "Lean management and Six Sigma are two
# concepts which share …".
_MEMBERS_BEFORE = re.compile(
    r"\s*(?P<names>[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}?(?:,\s+[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}?)*,?\s+and\s+"
    r"[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}?)(?:\s+(?:are|were)\s+(?:the\s+)?|,\s+)"  # or in apposition: "A and B, two …"
)
_POSSESSIVE = re.compile(r"\w['’]s?(?!\w)")  # "Canada's", "Jones'"; not "O'Hara"
# The lexicon lists people in the plural ("men"): the singular a count of one names them by.
_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "child": "children", "policeman": "policemen"}
# The sole member of a count of one, named in apposition after the counted noun (up to three
# words): a name whose words are capitalised (with "de", "of", "the" between), or a quoted title,
# then a comma, a full stop, the end, the place it is in, or the next count of one: "one son,
# Shanga Hankerson,", "one single, "Misty Blue".", "one professional baseball team, the Toronto
# Blue Jays,", "one public institution, the University of Wyoming in Laramie and one private
# college, …"; not "one goal, a header," nor "one year, 2004,".
_SOLE_MEMBER = re.compile(
    r"(?:\s+[a-z][\w\-]*){1,3},\s+(?:the\s+)?"
    r"(?:[\"“][^\"”]{1,80}[\"”]|[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|of|the)){0,4})"
    r"(?:[,.]|$|\s+in\s+[A-Z]|\s+and\s+one\s)")


def _names_its_members(text: str, start: int, end: int, count: int) -> bool:
    """Whether the words after a count name its members by name, or its subject does, so that
    the names, not the count, are what a reader would check ("founded by three students, A, B
    and C", "3 kinds of means (cumulative, exponential, Gaussian)", "A and B are two concepts").
    People counted stay a report there ("Smith and Jones were two soldiers killed"). Works
    counted, perhaps with words on them, are named by their quoted titles ("two instant hits in
    "A" and "B""), and members may be given by their numbers ("three locomotives (nos.
    86229/233/247)"). A possessive with the whole's count keeps the count a report ("Five of Canada's fourteen UNESCO
    sites lie in the province: Banff, …"), and so does a division
    someone made ("was separated into five groups – A, …") or a pair told apart by place ("two
    labs, one at A and the other at B"). A count of one names its sole member in apposition,
    by a name or a quoted title between commas ("had one son, Shanga Hankerson, and", "recorded
    one track, "Mr Pine", a Dunford composition"): "one" there says "a"; not where it counts
    people of the casualty lexicon, by the singular of its plural ("shot one soldier, Private
    Smith,", "one victim, Maria Lopez,", "one man, Ali Khan,", "one crew, Apollo Team,")."""
    if count < 1 or _CLASSIFICATION_BEFORE.search(text, max(0, start - 200), start):
        return False
    if count == 1:
        counted = _counted_word(text, end)
        plurals = (counted, f"{counted}s", _IRREGULAR_PLURALS.get(counted, ""))
        return _SOLE_MEMBER.match(text, end) is not None and _counted_beings().isdisjoint(plurals)
    if ((before := _MEMBERS_BEFORE.fullmatch(text, 0, start)) is not None
            and len(_MEMBER_SEPARATOR.split(before.group("names"))) == count
            and _counted_word(text, end) not in _counted_beings()):
        return True  # "Lean management and Six Sigma are two concepts …"
    if _counts_quoted_works(text, end) and _quoted_titles_after(text, end) == count:
        return True  # "performed two songs, a special arrangement of "Tura Lura Lural" … and "Caravan""
    if _numbered_members(text, end) == count:
        return True  # "three locomotives (nos. 86229/233/247)"
    members = _listed_members(text, end, count)
    if members is None or members[0] == end:
        return False  # "one at A and the other at B" places the pair; it names no members
    possessive = _POSSESSIVE.search(text, end, members[0])
    return possessive is None or _WHOLE_COUNTED.search(text, end, members[0]) is None


# Works a sentence names by their quoted titles: "two songs, … "Tura Lura Lural" … and "Caravan"".
_QUOTED_WORKS = frozenset("songs singles tracks poems stories episodes sketches hymns ballads duets numbers hits".split())


def _counts_quoted_works(text: str, end: int) -> bool:
    """Whether the count at ``end`` counts works, perhaps after words on them ("two songs", "two
    instant hits")."""
    following = _FOLLOWING_WORDS.match(text, end)
    return following is not None and any((word or "").lower() in _QUOTED_WORKS for word in following.groups())


# Members given by their numbers after the counted noun: "15 locomotives (nos. 86215/217/…,
# 86232/…)", "two operational locomotives, these being nos. 86235 "Crown Point" and 86246 …".
_NUMBERED_MEMBERS = re.compile(
    r"(?:\s+[^\W\d_][\w\-]*){1,3}?(?:\s*\(|,\s+(?:these\s+being\s+)?)(?:[Nn]os\.|[Nn]umbers)\s*"
    r"(?P<numbers>\d+(?:[-–]\d+)?(?:\s+[\"“][^\"“”]{1,60}[\"”])?"
    r"(?:\s*(?:/|,|&|\band\b)\s*\d+(?:[-–]\d+)?(?:\s+[\"“][^\"“”]{1,60}[\"”])?)*)"
)
_NUMBERED_MEMBER = re.compile(r"(\d+)(?:[-–](\d+))?")


def _numbered_members(text: str, end: int) -> int:
    """How many members the words after a count give by their numbers (``_NUMBERED_MEMBERS``),
    a range counting each number in it ("424-426", three); 0 when they give none."""
    listed = _NUMBERED_MEMBERS.match(text, end)
    if listed is None:
        return 0
    members = 0
    for first, last in _NUMBERED_MEMBER.findall(listed.group("numbers")):
        if last and len(last) < len(first):
            last = first[:len(first) - len(last)] + last  # "86424-6" ends at 86426
        members += int(last) - int(first) + 1 if last else 1
    return members


def _quoted_titles_after(text: str, end: int) -> int:
    """How many quoted titles, each opening with a capital, the rest of a sentence holds after
    position ``end`` ("dull" and "lifeless" are words, not titles)."""
    sentence_end = _SENTENCE_END.search(text, end)
    return sum(1 for start, _ in _quotations(text)
               if end <= start and (sentence_end is None or start < sentence_end.start()) and text[start:start + 1].isupper())


# The end of a sentence inside a statement's text; a full stop inside a quotation's closing mark
# ('"Caravan."') is followed by the mark, not by a space.
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


# The count of the whole a part is counted from, before or after a possessive: "Five of Canada's
# fourteen UNESCO sites lie in the province: Banff, …", "won two of the three … Women's College
# Hockey Alliance national championships, …" report a share of it; "two of the team's more
# experienced players, Rick Davis and Hugo Perez" names its two.
_WHOLE_COUNTED = re.compile(rf"\b(?:\d|(?:{_WORD_TOKEN})\b)", re.I)


@functools.lru_cache(maxsize=256)  # asked for each count of a statement, and again for the others'
def _listed_members(text: str, end: int, count: int) -> tuple[int, int] | None:
    """Where the names of the ``count`` members a count lists start and end, when the words
    after it name exactly that many: "two life domains, Archaea and Eukaryota", "two awards;
    Manager and Player of the Month", "two scientists Gorter and Grendel", "two goals: reducing
    costs and improving service", "two duets – "When A Child Is Born" … and "The Lord's
    Prayer"", "two movies: Dark Honeymoon, which had been completed, and the thriller Iron
    Cross", "two soap operas, Love of Life and The Secret Storm, and also played …", "two
    labs, one at … and the other at …", "two younger brothers named Tahj Mowry, an actor, and
    Tavior Mowry"; None when they do not."""
    # Members are read close to the count, whatever the length of the text: asides are blanked
    # (keeping every offset) only in a window around it.
    low = max(0, end - _MEMBERS_REACH)
    window = text[low:end + _MEMBERS_REACH]
    if "(" in window:
        window = _SHORT_ASIDE.sub(lambda aside: " " * len(aside.group()), window)
        window = _OTHER_NAME_ASIDE.sub(lambda named: named["name"] + " " * (named.end() - named.end("name")), window)
    if ", wh" in window:
        window = _INNER_RELATIVE.sub(lambda clause: " " * len(clause.group()), window)
    if ", in " in window:
        window = _MEMBER_YEAR_ASIDE.sub(lambda aside: " " * len(aside.group()), window)
    if ", a" in window or ", the " in window:
        window = _INNER_APPOSITIVE.sub(lambda phrase: " " * len(phrase.group()), window)
    text = text[:low] + window
    opened = _MEMBERS_OPEN.match(text, end)
    if opened is not None and "(" in text[opened.end():]:
        # a bracket on a member's name, past the opening (a bracket right after the count
        # holds the members themselves: "three Ghostbusters (Ray, Egon, and Peter)")
        text = text[:opened.end()] + _ASIDE_ON_NAME.sub(
            lambda named: named["name"] + " " * (named.end() - named.end("name")), text[opened.end():])
    if (opened is not None and opened.group("colon") and (
            _COPULA_INSIDE.search(opened.group()) and _counted_word(text, end) in _counted_beings()
            or _counted_word(text, end) in _person_nouns() and _tells_of_casualties(opened.group()))):
        # "Three soldiers were killed in the raid: Smith, …", "Two civilians died in the shelling:
        # Ahmed and Karim": people counted stay a report, where the words between the count and
        # the colon tell of casualties (not "He died in 1950 and was survived by three children:
        # …", nor "two children: Mia and Leo", nor "four toll roads in the state: …")
        opened = None
    if opened is not None and opened.group("naming") and _counted_word(text, end) in _MEASURE_NOUNS:
        opened = None  # "two years, covering Alaska and Canada": a measure's scope, not its members
    for close in _members_closes(text, opened.end()) if opened is not None else ():
        named_member = _NAMED_MEMBER
        named = _joined_names([m for m in _MEMBER_SEPARATOR.split(text[opened.end():close.start()]) if m.strip()])
        if (opened.group("colon") and ";" in text[opened.end():]
                and not (len(named) == count and all(_NAMED_MEMBER.match(m) for m in named))):
            # "calcium: the InsP3-receptor that …; and the ryanodine receptor …"; but "four
            # counties: Arad, Timiș, Hunedoara and Caraș-Severin; thus it …" names them before the ";"
            close = _SENTENCE_CLOSE.search(text, opened.end())
            named = [m for m in text[opened.end():close.start()].split(";") if m.strip()]
            named_member = (_PURPOSE_MEMBER if all(_PURPOSE_MEMBER.match(m) for m in named)
                            and _counted_word(text, end) not in _counted_beings()
                            else _DESCRIBED_MEMBER)  # "two missions: to prepare …; and to prepare …", not "three men: to …"
        while named and _TRAILING_ADVERBIAL.match(named[-1]) and (
                len(named) > count or not _after_conjunction(text[opened.end():close.start()], named[-1])):
            named.pop()  # "three students, A, B and C, in 1971": when, not a fourth member; nor ", respectively"
        if opened.group().endswith("("):
            if any(len(m.split()) > 3 for m in named):
                named = []  # "(Berat and Gjirokastër are listed together)": a remark, not the members' names
            elif _counted_word(text, end) in REPETITION_NOUNS:
                named = []  # "named player of the year on two occasions (2005, 2007)": when, not which
            named_member = _BRACKETED_MEMBER
        if len(named) == count and all(named_member.match(m) for m in named):
            return opened.end(), close.start()
        if (len(named) == count and _counted_word(text, end) in ("years", "seasons")
                and all(_YEAR_MEMBER.fullmatch(m) for m in named)):
            return opened.end(), close.start()  # "lasted only two years, 1989 and 1990": the years are the members
        if (len(named) > count and named_member is _NAMED_MEMBER and all(named_member.match(m) for m in named[:count])
                and not named_member.match(named[count]) and not _counts_casualties(text, end)):
            # "two CBS soap operas, Love of Life and The Secret Storm, and also played …", "two
            # girls, Selina and Hebe, fighting over a boy": the members' names, then the sentence
            # goes on; not "killed three soldiers, A, B and C, and wounded others", a casualty count
            last = named[count - 1].strip()  # not found when joined from pieces (``_joined_names``)
            stop = text.find(last, opened.end()) + len(last)
            if stop >= len(last) and _CLAUSE_GOES_ON.match(text, stop):
                return opened.end(), stop
        if (((opened.group("colon") or "").startswith(":") or opened.group("naming")) and len(named) == count
                and _counted_word(text, end) not in _counted_beings()
                and _CLAUSE_COLON.search(text, opened.end(), close.start()) is None
                and all(_BRACKETED_MEMBER.match(m) and len(m.split()) <= _LONGEST_DESCRIBED_MEMBER for m in named)):
            # "two goals: reducing costs … and improving client service", "known as …", "namely …";
            # not clauses a colon each ("at five shillings a pound: Of using neither clothes, nor …: Of …"),
            # but a time's colon is none ("the morning train at 6:30 and the evening train at 18:45")
            return opened.end(), close.start()
    if (described := _described_members(text, end, count)) is not None:
        return described
    if (direct := _NAMES_AFTER_NOUN.match(text, end)) is not None and _counted_word(text, end) not in _MEASURE_NOUNS:
        names = _NAME_SEPARATOR.split(direct.group("names"))
        if len(names) == count:
            return direct.start("names"), direct.end("names")
    if (count == 2 and (either := _EITHER_OF_PAIR.match(text, end)) is not None
            and _counted_word(text, end) not in _counted_beings()):
        return either.start("names"), either.end("names")
    if count == 2 and (pair := _ONE_AND_THE_OTHER.match(text, end)) is not None:
        return end, pair.end()
    if (won := _TITLES_WON.match(text, end)) is not None:
        names = won.group("places") or won.group("years")
        if len(_NAME_SEPARATOR.split(names)) == count:
            return won.start("places" if won.group("places") else "years"), won.end()
    return None


# The opening that the names of one kind share: "the Banat of Severin", "the Banat of Temeswar".
_KIND_OF_NAME = re.compile(r"\s*((?:the|an?)\s+[A-Z][\w\-]*\s+of)\s+[A-Z]")


def _after_conjunction(members: str, last: str) -> bool:
    """Whether ``last``, the last piece of ``members``, is joined to them by "and" or "or", as a
    member is ("… automated card payments or in advance via a toll tag"), not by a bare comma as
    a date or a "respectively" after the members is ("A, B and C, in 1971")."""
    before = members[:members.rfind(last.strip())].rstrip(" ,")
    return before.endswith((" and", " or"))


def _joined_names(members: list[str]) -> list[str]:
    """``members`` with a piece that lacks the opening all the others share joined to the one
    before it: the "and" inside a name ("the Banat of Severin, the Banat of Lugos and Karansebes
    and the Banat of Temeswar" names three banates, not four)."""
    openings = [m.group(1) if (m := _KIND_OF_NAME.match(member)) else None for member in members]
    shared = {opening for opening in openings if opening}
    if len(shared) != 1 or openings[0] is None or not 0 < openings.count(None) < len(members) / 2:
        return members
    joined: list[str] = []
    for member, opening in zip(members, openings):
        if opening is None:
            joined[-1] = f"{joined[-1]} and {member.strip()}"
        else:
            joined.append(member)
    return joined


def names_the_members(claim: NumericClaim, following: Sequence[str]) -> bool:
    """Whether ``following``, the statements after a count's in its paragraph, name the count's
    members: the next one nothing but their names, perhaps after an opening that ends ":" ("In
    2006, there were 3 support series events." then "The Champ Car Atlantic Championship series,
    the CASCAR series, and D-Sport Drifting Demo."), or all of them a catalogue of the members,
    one to a clause between semicolons, each a title with its year ("four serials …" then "Done
    to Death (1972), a mystery …; Death Can Be Fatal (1975), in which …; …"): the names, not the
    count, are what a reader would check; so is a pair told one by one ("two matches" then "One
    match was played against …, the other, against …"). People counted stay a report ("3
    soldiers were killed." then "Smith, Jones and Brown.")."""
    count = int(claim.value or 0)
    if (claim.kind != "count" or not following or not 2 <= count <= _LISTED_MEMBERS_MOST
            or _counts_people(claim)):
        return False
    if (names := _MEMBERS_STATEMENT.fullmatch(following[0])) is not None:
        members = [m for m in _MEMBER_SEPARATOR.split(names.group("names")) if m.strip()]
        if len(members) == count and all(_NAMED_MEMBER.match(m) and _is_a_name(m) for m in members):
            return True
    if count == 2 and _ONE_THEN_THE_OTHER.match(following[0]):
        return True  # "two matches" then "One match was played against …, the other, against …"
    if not _CATALOGUE_ENTRY.match(_opening(following)):
        return False  # read first, so that a long paragraph is joined only when it may be a catalogue
    entries = " ".join(following).split(";")
    return len(entries) == count and all(_CATALOGUE_ENTRY.match(entry) for entry in entries)


# How far into a paragraph a catalogue's first entry reaches at most: its title and year.
_ENTRY_REACH = 200


def _opening(texts: Sequence[str]) -> str:
    """The first statements of ``texts`` joined, up to ``_ENTRY_REACH`` characters or past."""
    parts: list[str] = []
    length = 0
    for text in texts:
        parts.append(text)
        length += len(text) + 1
        if length > _ENTRY_REACH:
            break
    return " ".join(parts)


# An entry of a catalogue: a title and its year, or its span of years, in brackets ("Done to
# Death (1972)", "and Band of Slaves (1981–82)").
_CATALOGUE_ENTRY = re.compile(rf"\s*(?:and\s+)?[\"“‘]?[A-Z][^;()]{{0,80}}?\s\((?:1[5-9]|20)\d\d(?:\s?{_DASHES}\s?\d{{2,4}})?\)")


def tallies_listed_seasons(claim: NumericClaim, text: str) -> bool:
    """Whether ``text`` is nothing but as many years or seasons as the count counts, one to a
    title it won: "English Champions titles: 6" then "1989/90*, 1996/97**, 2002/03, 2003/04,
    2004/05, 2007/08". The seasons, not the count, are what a reader would check."""
    return (claim.kind == "count" and _SEASONS_STATEMENT.fullmatch(text) is not None
            and len(_SEASON.findall(text)) == claim.value)


# A record's line: its label and a dash before the figure ("Most Appearances – 15*; …").
_RECORD_LABEL = re.compile(r"\s*[A-Z][^\d:;–—]{2,60}?\s[–—-]\s*$")
# A run of listed years: "1972, 1974, 1975", "1974, 1975 and 1976".
_LISTED_YEAR = r"\b(?:1[6-9]|20)\d\d\b"
_YEAR_RUN = re.compile(rf"{_LISTED_YEAR}(?:\s*,\s*(?:and\s+)?{_LISTED_YEAR}|\s+and\s+{_LISTED_YEAR})*")
_YEAR = re.compile(r"\d{4}")


def tallies_listed_years(claim: NumericClaim, text: str) -> bool:
    """Whether a record's count is the tally of the years its line lists after it, in each of
    its runs of years ("Most Appearances – 15*; Pittsburgh Steelers (1972, 1974, …, 2010)", a
    tie listing 3 years for each of two matchups): the years, not the count, are what a reader
    would check. A figure of another kind stays ("Largest margin – 48 points; January 20, 1991")."""
    count = int(claim.value or 0)
    if claim.kind != "count" or claim.noun or not 2 <= count <= _LISTED_MEMBERS_MOST:
        return False
    if _RECORD_LABEL.fullmatch(text, 0, claim.start) is None:
        return False
    runs = [len(_YEAR.findall(run.group())) for run in _YEAR_RUN.finditer(text, claim.end)]
    return bool(runs) and all(run == count for run in runs)


def _is_a_name(member: str) -> bool:
    """Whether a member is a name, capitalised but for a word of kind ("the CASCAR series"),
    rather than a clause ("There were two deaths Monday", "Smith fled")."""
    words = member.split()
    common = [w for w in words if not w[:1].isupper() and w.lower() not in _NAME_PARTICLES]
    if len(words) > _LONGEST_DESCRIBED_MEMBER or len(common) > 1:
        return False
    return not common or words[0].lower() in ("the", "a", "an") or len(words) - len(common) >= 2


_NAME_PARTICLES = frozenset("the a an of de du da la le von van der del and for".split())
# A statement of names only, after an opening that ends ":" or says "these are" ("These are the
# following: Algeria, …", "These are Seneca College, Humber College, …").
_MEMBERS_STATEMENT = re.compile(
    r"\s*(?:[^:.;]{0,40}:\s*|(?:These|They|Those)\s+(?:are|were)\s+)?(?P<names>[^:;()\d]+?)\.?\s*")
_LISTED_MEMBERS_MOST = 20
# A statement of years or seasons only, each perhaps marked with asterisks: the titles a count
# tallies ("1989/90*, 1996/97**, 2002/03").
_SEASON = re.compile(r"\b(?:1[5-9]|20)\d\d(?:\s?[/–-]\s?\d{2,4})?\b")
_SEASONS_STATEMENT = re.compile(rf"\s*{_SEASON.pattern}\**(?:\s*,\s*(?:and\s+)?{_SEASON.pattern}\**)*\.?\s*")
# The two of a pair told one by one: "One match was played against the Barbarian F.C., the other,
# against the Harlequins."
_ONE_THEN_THE_OTHER = re.compile(r"\s*One\b(?:[^.;]|\.(?=\S)){0,200}?,\s+the\s+other\b")  # "F.C." is no full stop


# Nouns that count how often something happened: the years after them date it, naming no members.
REPETITION_NOUNS = frozenset("times occasions".split())


def measures_time(claim: NumericClaim) -> bool:
    """Whether the figure is a span of time ("three years", "40 minutes"), which names no thing it
    counts: two such spans of an article are as often of different things as of the same."""
    return bool(claim.noun) and claim.noun.split(" ", 1)[0].lower() in _TIME_UNITS


def measures_amount(claim: NumericClaim) -> bool:
    """Whether the figure is an amount in a unit ("14,000 feet", "three years", "$5"), not a
    count of things: two amounts alike are as often of different things as of the same."""
    unit = claim.noun.split(" ", 1)[0]
    return bool(unit) and (unit in _MEASURE_NOUNS or unit.lower() in _MEASURE_NOUNS)  # "Hz", "Miles"


# A year named as a member of a count of years or seasons: "two years, 1989 and 1990".
_YEAR_MEMBER = re.compile(r"\s*(?:1[5-9]|20)\d\d\s*")


def _counted_word(text: str, end: int) -> str:
    """The first word after a count, lowercased: "three colleagues John …" counts colleagues."""
    word = _FOLLOWING_WORDS.match(text, end)
    return word.group(1).lower() if word else ""


# An aside inside a member that closes nothing: an abbreviation, a year or a life span ("(V)",
# "(1925)", "(1792–1857)"), a word or two in lower case ("the Daily Sentinel (daily)"), or
# a remark on a quoted title ('"When A Child Is Born" (previously a hit for Mathis) and …').
_SHORT_ASIDE = re.compile(rf"\s\((?:[A-Z][A-Za-z]{{0,4}}|\d{{4}}(?:\s?{_DASHES}\s?\d{{2,4}})?|[a-z]{{3,}}(?:\s[a-z]+)?)\)"
                          rf"|(?<=[\"”])\s\([^()]{{1,60}}\)")
# A member after a colon described in a few words, as a phrase, not a clause of its own.
_LONGEST_DESCRIBED_MEMBER = 8
_BETWEEN_NAMES = r",\s*(?:and\s+)?|\s+and\s+"
# Names straight after the counted noun: "two scientists Gorter and Grendel", "two Puccini operas
# Gianni Schicchi and Turandot", "his three colleagues John Minor Wisdom, John Brown, and Richard Rives",
# also after a word that names them and the opening their titles share ("two films labelled The
# Two Ronnies Present..., By the Sea and The Picnic").
_NAME = r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w'’.\-]*(?:\s+(?:(?:de|van|von|der|del|da|di|la|le|of|the)\s+)*[A-Z][\w'’.\-]*)*"
_NAMES_AFTER_NOUN = re.compile(
    rf"(?:\s+[A-Z][\w'’\-]*)?(?:\s+(?!(?:in|of|at|on|from|for|by|with|to|as|and|or|after|before|during)\b)[a-z][\w'’\-]*){{1,3}}?"
    rf"(?:\s+(?:labell?ed|called|named|entitled|titled))?(?:\s+{_NAME}(?:\.\.\.|…),)?"
    rf"\s+(?P<names>{_NAME}(?:(?:{_BETWEEN_NAMES}){_NAME})+)"
    r"(?=\s+[a-z(]|\s*[.,;:)]|\s*$)"
)
_NAME_SEPARATOR = re.compile(_BETWEEN_NAMES)
# Titles won, then where or when, one to each: "four titles at Grenoble, Southampton, Redbridge and
# Castellon", "three big ITF titles in Biberach, Torhout, and Mestre", "three World Championships,
# 1993, 1995, 1999"; the places or the years, not the count, are what a reader would check.
_YEAR_NAME = r"(?:1[89]|20)\d\d"
_TITLES_WON = re.compile(
    r"(?:\s+(?:[A-Z][\w'’\-]*|big|major|singles|doubles|national|international|consecutive|straight)){0,3}?"
    r"\s+(?i:titles|championships|tournaments|cups|trophies|crowns)"
    rf"(?:\s+(?:at|in)\s+(?P<places>{_NAME}(?:(?:{_BETWEEN_NAMES}){_NAME})+)"
    rf"|,\s+(?P<years>{_YEAR_NAME}(?:(?:{_BETWEEN_NAMES}){_YEAR_NAME})+))"
    r"(?=\s*(?:[.,;:)]|$))"
)


def _sets_threshold(text: str, estimate: re.Match[str], value: int) -> bool:
    """Whether "more than two" draws a line between kinds ("variables with more than two
    values", "each contains at least one phosphate group") rather than estimates what was done
    ("fired more than three rockets", "at least three bombs exploded")."""
    bound = _BOUND.match(estimate.group())
    if value > 3 or not (bound or _THRESHOLD.match(estimate.group())):
        return False
    before = _PREV_WORD.search(text, max(0, estimate.start() - 30), estimate.start())
    verb = before.group(1).lower() if before and before.end() == estimate.start() else ""
    if bound:
        return verb in _HAS_OF_A_KIND
    return not (verb in _REPORTED_ACTS or verb.endswith("ed"))


def _value_small(word: str) -> bool:
    """A number word up to ten: the range where "two types" classifies rather than counts."""
    return _UNITS.get(word, 99) <= 10


_ONE_PRONOUN_AFTER = re.compile(
    r"\s*(?:(?:after|on\s+top\s+of|above|below|behind|beside|in|inside|into|within|on|over|under|against|next\s+to)"
    r"\s+(?:the\s+)?(?:other|another)\b|"  # one after the other, embedded one in the other
    r"of\b|another\b|side\b|day\b|time\b|point\b|way\b|hand\b|thing\b|such\b|or\b|and\b|to\b|"
    # when, as "one day" tells it: "one evening late in 1958", "one night in Memphis"; not "one
    # night fighter", "one morning newspaper"
    r"(?:night|evening|morning|afternoon)(?=\s*(?:[,.;:!?)]|$)|\s+(?:in|at|on|of|when|while|after|before|during"
    r"|late|early|last|the|to|with|as|and|he|she|they|it|we)\b|\s+\d)|"
    r"half\b|third\b|quarter\b|"
    r"is\b|was\b|would\b|could\b|can\b|may\b|must\b|should\b|who\b|whom\b|whose\b|that\b|which\b|"
    r"by\b|as\b|between\b|'s|’s|"
    r"[,.;:!?)\"'”’]|$)",
    re.I,
)


# Words after which "one" reports a quantity: "destroyed one launcher", "at least one dog".
_ONE_COUNTED_AFTER = frozenset(
    "least about around approximately nearly roughly exactly by and has had have".split()
) | _REPORTED_ACTS
# Words after "one" that make it a pronoun or an adverb's subject: "one has", "one often sees".
_ONE_PRONOUN_VERBS = frozenset(
    "has had have does did do can cannot could might must should will would may need needs "
    "often also usually then only not still first never always sees finds gets obtains "
    "wants speaks uses says thinks knows looks puts writes represents concludes".split()
)


# A move of one step on a ladder of leagues: "all leagues below dropped one tier", "were elevated
# one level": the step follows from the change described, a figure of nothing.
_ONE_STEP = re.compile(r"\s+(?:tier|level)\b")
# A part of a whole that has one of it, picked out to say where: "pushed one corner of the road
# slab off its support", "moved to one side of the room".
_ONE_PART = re.compile(r"\s+(?:corner|end|side|edge|face|flank|bank|tip)\s+of\b")
# One of a pair placed apart from the other: "He located one at Feltman's Beer Garden …, and
# the other at Young's Pier": a pronoun for a thing the sentence before counted; but "scored one in
# the 12th minute and another in stoppage time" adds a second to the first, a reported act, and
# "killed one in the village and the other on the road" reports a casualty.
_ONE_OF_A_PAIR = re.compile(r"\s+(?:at|in|on|for|near|to)\s[^.;]*?\b(?:and|while|whereas)\s+the\s+other\b")


def _lone_one_is_count(text: str, end: int, prev_word: str, start: int) -> bool:
    """ "one" is a count only where a quantity is reported ("destroyed one launcher", "at
    least one dog"), not as a pronoun ("one of", "one has"), an article ("with one end
    sharpened", "one nucleotide at a time") or a sentence's opening ("One analyst")."""
    if start == 0 or prev_word not in _ONE_COUNTED_AFTER and not (prev_word.endswith("ed") and prev_word.islower()):
        return False
    if (_ONE_PRONOUN_AFTER.match(text, end) or _ONE_STEP.match(text, end) or _ONE_PART.match(text, end)
            or _ONE_OF_A_PAIR.match(text, end) and prev_word not in _counted_beings()):
        return False
    following = re.match(r"\s+([^\W\d_][\w\-]*)(\s+at\s+a\s+time\b)?", text[end:end + 40])
    return bool(following) and not following.group(2) and following.group(1).lower() not in _ONE_PRONOUN_VERBS


def _words_value(text: str) -> float | None:
    total = 0.0
    current = 0.0
    seen = False
    for token in re.split(r"[\s\-]+", text.lower()):
        if token in ("and", "a", "an", ""):
            continue
        if token in _UNITS or token in _TENS:
            current += _UNITS.get(token, 0) + _TENS.get(token, 0)
            seen = True
        elif token in ("hundred", "dozen"):
            current = (current or 1) * _SCALES[token]
            seen = True
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


# --- context --------------------------------------------------------------------------------


def _noun_after(text: str, end: int) -> str:
    """The word or two right after a figure: "servicemen", "Syrian fighters", "military vehicles"."""
    m = _NEXT_WORDS.match(text, end)
    while m and m.group(1).lower() in _NOUN_SKIP:
        m = _NEXT_WORDS.match(text, m.end(1))
    if not m:
        return ""
    first, second = m.group(1), m.group(2)
    if first.lower() in _NOUN_STOP or first in _GERMAN_STOP:
        return ""
    if second and second.lower() not in _NOUN_STOP and second not in _GERMAN_STOP and not second[0].isupper() and (
        first[0].isupper() or first.lower() in _ADJECTIVE_NOUN_HEAD
        or first.lower().endswith(("ian", "ese", "ish", "ani", "ist"))
    ):
        return f"{first} {second}"
    return first


def _is_relative_time(text: str, start: int, end: int, noun: str, value: float | None) -> bool:
    """ "Three days later", "the first five days", "for three decades", "(1 month and 3 days)";
    but "8 million years ago" dates an event."""
    if not noun or noun.split(" ")[0].lower() not in _TIME_UNITS or (value or 0) >= 1000:
        return False
    follow = re.match(r"\s*[A-Za-z]+\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?", text[end:end + 40])
    if follow and follow.group(1).lower() in _RELATIVE_AFTER:
        return True
    if follow and follow.group(1).lower() == "of" and (follow.group(2) or "").lower() == "age":
        return True  # "children above 4 years of age": an age criterion
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    if prev and prev.end() == start and prev.group(1).lower() in _RELATIVE_BEFORE:
        return True
    opened = text.rfind("(", max(0, start - 40), start)
    return opened != -1 and ")" not in text[opened:start]

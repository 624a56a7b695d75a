"""Wikipedia date formats: parsing citation date fields and finding dates in prose.

Citation dates are often partial ("October 2020", "2019", "Summer 2018") so every parsed
date is a PartialDate with earliest()/latest() bounds: two dates are only "in the wrong
order" when one's latest possible day is before the other's earliest, which keeps comparisons
fair at the precision both dates have. Formats covered: dmy, mdy, ISO, Month YYYY, YYYY,
seasons, ranges (with "present"), abbreviated months, German (27. September 2020,
27.09.2020) and Vietnamese (ngày 27 tháng 9 năm 2020) citation dates, and 14-digit Wayback
timestamps.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterable, Iterator

from citecheck.model import Document, Reference, Statement
from citecheck.parsers.citations import ARCHIVE_HOST, STANDARD_BODIES

MIN_YEAR = 100  # citation dates before this are typos ("1 October 1"), not history
MAX_YEAR = 2999

_MONTHS: dict[str, int] = {}
# English, German, French, Spanish, Italian, Portuguese, Dutch, Afrikaans, Norwegian and Danish,
# Swedish, Polish and Czech (genitive), Turkish, Bulgarian, Russian (both cases) and Ukrainian
# (genitive): the month names citation dates are written with on other wikis and in copied
# references.
for _number, _names in enumerate(
    (
        "january jan jänner januar januarie janvier enero gennaio janeiro januari stycznia ledna ocak"
        " януари январь января січня",
        "february feb febr februar februarie février fevrier febrero febbraio fevereiro februari lutego února"
        " şubat subat февруари февраль февраля лютого",
        "march mar märz maerz mars marzo março marco maart marca března mart март марта березня",
        "april apr avril abril aprile kwietnia dubna nisan април апрель апреля квітня",
        "may mai mayo maggio maio mei maj maja května mayıs mayis май мая травня",
        "june jun juni junie juin junio giugno junho czerwca června haziran юни июнь июня червня",
        "july jul juli julie juillet julio luglio julho lipca července temmuz юли июль июля липня",
        "august aug août aout agosto augustus augusti sierpnia srpna ağustos agustos август августа серпня",
        "september sep sept septembre septiembre settembre setembro września wrzesnia září eylül eylul"
        " септември сентябрь сентября вересня",
        "october oct oktober octobre octubre ottobre okt outubro października pazdziernika října ekim"
        " октомври октябрь октября жовтня",
        "november nov novembre noviembre novembro listopada listopadu kasım kasim ноември ноябрь ноября"
        " листопада",
        "december dec dezember desember décembre decembre diciembre dicembre dez dezembro grudnia prosince aralık"
        " aralik декември декабрь декабря грудня",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
MONTH_NAMES = frozenset(_MONTHS)  # lower-cased, in every language above

# Seasons and parts of a year as (first month, last month); winter runs into the next year.
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
    "early": (1, 4), "mid": (5, 8), "late": (9, 12),
}
_QUARTERS = {"q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)}

# A month's name in any language above, perhaps cut short with a full stop; read without case.
MONTH_PATTERN = (
    r"(?:" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")\.?"
)
_DASH = r"\s*(?:[-–—−‒]|&ndash;|&mdash;|\bto\b|\bbis\b|\buntil\b)\s*"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, month or day; ``end`` is the last part of a range or season."""

    year: int
    month: int | None = None
    day: int | None = None
    end: "PartialDate | None" = None
    present: bool = False  # an open range: "September 2020 – present"

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> date:
        """The first day this date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last day this date can mean (``date.max`` for an open range)."""
        if self.present:
            return date.max
        if self.end is not None:
            return self.end.latest()
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def is_range(self) -> bool:
        return self.end is not None or self.present

    def before(self, other: "PartialDate", *, tolerance_days: int = 0) -> bool:
        """True when this date is certainly earlier than ``other`` (by more than the tolerance)."""
        return (other.earliest() - self.latest()).days > tolerance_days

    def __str__(self) -> str:
        own = f"{self.year:04d}" + (f"-{self.month:02d}" if self.month else "") + (
            f"-{self.day:02d}" if self.day else "")
        if self.present:
            return own + "/present"
        return own + (f"/{self.end}" if self.end is not None else "")

    def human(self) -> str:
        """Readable form for messages: "11 October 2020", "October 2020", "2020"."""
        own = (f"{self.day} " if self.day else "") + (
            f"{calendar.month_name[self.month]} " if self.month else "") + str(self.year)
        if self.present:
            return own + " – present"
        return own + (f" – {self.end.human()}" if self.end is not None else "")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in prose: where it is, what it means, and whether its year was inferred."""

    start: int
    end: int
    date: PartialDate
    text: str
    yearless: bool = False


def _valid(year: int, month: int | None, day: int | None) -> bool:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return False
    if month is None:
        return day is None
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _make(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    return PartialDate(year, month, day) if _valid(year, month, day) else None


def _month(name: str) -> int | None:
    return _MONTHS.get(name.lower().rstrip("."))


# Whole-string forms. Each pattern's named groups feed _build.
# "2020a" (a second work that year); "2010 г." and "2010 r." (Bulgarian, Russian, Polish: "year").
_Y = r"(?P<y>\d{1,4})(?:\s*(?:г|r)\.?|[a-z])?"
_FORMS: list[re.Pattern[str]] = [
    re.compile(p, re.I)
    for p in (
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?",  # ISO
        # ISO typed with another dash or hyphen, the same twice: "2011‐5‐10", "2009–10–31"
        r"(?P<y>\d{4})(?P<dash>[‐‑‒–−])(?P<m>\d{1,2})(?P=dash)(?P<d>\d{1,2})",
        r"(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)(?:\d{6})?",  # 20201010 and Wayback 20201010123456
        r"(?P<y>\d{4})-(?P<m>\d{1,2})",  # 2020-09 (not CS1, but seen)
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(?P<mn>" + MONTH_PATTERN + r"),?\s+(?:de\s+)?" + _Y,  # dmy
        r"(?P<mn>" + MONTH_PATTERN + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _Y,  # mdy
        r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})",  # German numeric 27.09.2020
        r"(?:ngày\s+)?(?P<d>\d{1,2})\s+(?:tháng|thg)\s+(?P<m>\d{1,2}),?\s+(?:năm\s+)?(?P<y>\d{4})",  # vi
        r"tháng\s+(?P<m>\d{1,2})\s*(?:/|,|\s+năm)\s*(?P<y>\d{4})",  # vi month-year
        r"(?P<mn>" + MONTH_PATTERN + r"),?\s+" + _Y,  # Month YYYY
        r"(?P<m>\d{1,2})[-/](?P<y>\d{4})",  # 9-2019 month-year
        # numeric day and month whose order a day past 12 gives away: 01-16-2015, 16/01/2015
        r"(?P<m>0?[1-9]|1[0-2])(?P<sep>[-/])(?P<d>1[3-9]|2\d|3[01])(?P=sep)(?P<y>\d{4})",
        r"(?P<d>1[3-9]|2\d|3[01])(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<y>\d{4})",
        r"(?:c\.\s*|ca\.\s*|circa\s+)?" + _Y,  # YYYY, 2020a, c. 1900
    )
]
_SEASON_WORD = r"spring|summer|autumn|fall|winter|early|mid|late|q[1-4]"
_SEASON_FORM = re.compile(
    r"(?P<s>" + _SEASON_WORD + r")(?:\s*[-–/]\s*(?P<s2>" + _SEASON_WORD + r"))?[-\s]+(?P<y>\d{4})"
    r"(?:\s*[-–/]\s*(?P<y2>\d{2,4}))?", re.I)
_PRESENT = re.compile(r"(?:present|heute|now|ongoing|nay|hiện\s+tại)", re.I)

_CLEAN = re.compile(r"<!--.*?(?:-->|$)|<[^<>]*>|\{\{\s*(?:snd|sndash|spaced ndash|ndash)\s*\}\}|&nbsp;|\u200e|\u200f", re.S | re.I)


_WEEKDAY = re.compile(r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+", re.I)


def _clean(text: str) -> str:
    text = _CLEAN.sub(lambda m: "–" if "nd" in m.group().lower() and "{" in m.group() else " ", text)
    return _WEEKDAY.sub("", " ".join(text.replace("\u00a0", " ").split()).strip(" .,;–—-"))


def _build(match: re.Match[str]) -> tuple[int, int | None, int | None] | None:
    groups = match.groupdict()
    year = int(groups["y"])
    month: int | None = None
    if groups.get("mn"):
        month = _month(groups["mn"])
        if month is None:
            return None
    elif groups.get("m"):
        month = int(groups["m"])
    day = int(groups["d"]) if groups.get("d") else None
    return year, month, day


def _single(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a single date in one of the whole-string forms, unvalidated."""
    for form in _FORMS:
        match = form.fullmatch(text)
        if match:
            return _build(match)
    return None


def _season(text: str) -> PartialDate | None:
    match = _SEASON_FORM.fullmatch(text)
    if not match:
        return None
    name, year = match.group("s").lower(), int(match.group("y"))
    last_name = (match.group("s2") or name).lower()
    first = (_QUARTERS.get(name) or _SEASONS[name])[0]
    last = (_QUARTERS.get(last_name) or _SEASONS[last_name])[1]
    if name == "winter" and match.group("y2"):
        first = 12  # "Winter 2019–20": December to February
    elif name == "winter" or (first > last and last_name != "winter"):
        # "Winter 2004" may mean the start or the end of 2004: keep both readings possible;
        # likewise a backwards pair within one year. "Autumn–Winter 2019" runs into 2020.
        first = 1
    start = _make(year, first)
    if start is None:
        return None
    end_year = year + 1 if last_name == "winter" else year
    if match.group("y2"):
        y2 = match.group("y2")
        end_year = int(y2) if len(y2) == 4 else year // 100 * 100 + int(y2)
        if end_year < year:
            return None
    end = _make(end_year, last)
    return PartialDate(start.year, start.month, end=end) if end else None


_DMY_RANGE = re.compile(r"(?P<d1>\d{1,2})\.?" + _DASH + r"(?P<d2>\d{1,2})\.?\s+(?P<mn>" + MONTH_PATTERN + r"),?\s+" + _Y, re.I)
_MDY_RANGE = re.compile(r"(?P<mn>" + MONTH_PATTERN + r")\s+(?P<d1>\d{1,2})" + _DASH + r"(?P<d2>\d{1,2}),?\s+" + _Y, re.I)
_MONTHS_RANGE = re.compile(r"(?P<m1>" + MONTH_PATTERN + r")" + _DASH + r"(?P<m2>" + MONTH_PATTERN + r"),?\s+" + _Y, re.I)
_YEARS_RANGE = re.compile(r"(?P<y1>\d{4})" + _DASH + r"(?P<y2>\d{2}|\d{4})", re.I)
# Day and month in numbers, both 12 or less: which is which the date does not say.
_AMBIGUOUS_NUMERIC = re.compile(r"(?:0?[1-9]|1[0-2])([-/])(?:0?[1-9]|1[0-2])\1\d{4}")
_SPLIT_RANGE = re.compile(r",?" + _DASH)


def _range(text: str, default_year: int | None) -> PartialDate | None:
    """Ranges: "27–28 September 2020", "September 27–28, 2020", "September–October 2020",
    "2019–20", "27 September – 3 October 2020", "September 2020 – present"."""
    for pattern in (_DMY_RANGE, _MDY_RANGE):
        match = pattern.fullmatch(text)
        if match:
            month, year = _month(match.group("mn")), int(match.group("y"))
            d1, d2 = int(match.group("d1")), int(match.group("d2"))
            start, end = _make(year, month, d1), _make(year, month, d2)
            return PartialDate(year, month, d1, end=end) if start and end and d1 <= d2 else None
    match = _MONTHS_RANGE.fullmatch(text)
    if match:
        year, m1, m2 = int(match.group("y")), _month(match.group("m1")), _month(match.group("m2"))
        start = _make(year, m1)
        end = _make(year + (1 if m2 is not None and m1 is not None and m2 < m1 else 0), m2)
        return PartialDate(year, m1, end=end) if start and end else None
    match = _YEARS_RANGE.fullmatch(text)
    if match:
        y1, y2 = int(match.group("y1")), match.group("y2")
        end_year = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        if end_year < y1 or _make(y1) is None or _make(end_year) is None:
            return None
        return PartialDate(y1, end=PartialDate(end_year))
    parts = _SPLIT_RANGE.split(text, maxsplit=1)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return None
    left, right = parts[0].strip(), parts[1].strip()
    if _PRESENT.fullmatch(right):
        start = parse_date(left, default_year=default_year)
        if start is None or start.is_range():
            return None
        return PartialDate(start.year, start.month, start.day, present=True)
    end = parse_date(right, default_year=default_year)
    if end is None or end.is_range():
        return None
    # The left side may lack the year (and, in mdy, the month comes first): borrow from the end.
    start = parse_date(left, default_year=end.year)
    if start is None or start.is_range() or end.latest() < start.earliest():
        return None
    return PartialDate(start.year, start.month, start.day, end=end)


_YEARLESS_FORMS = (
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mn>" + MONTH_PATTERN + r")", re.I),
    re.compile(r"(?P<mn>" + MONTH_PATTERN + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?", re.I),
)


@lru_cache(maxsize=8192)  # reference lists repeat the same access and archive dates
def parse_date(text: str, *, default_year: int | None = None) -> PartialDate | None:
    """Parse a whole citation date string; None when it is not a valid date.

    ``default_year`` completes year-less dates ("9 October"); without it they are None.
    "n.d." and empty strings are None too (there is no date, which is not an error).
    """
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > 80:
        return None
    single = _single(cleaned)
    if single is not None and (default_year is None or single[0] >= MIN_YEAR):
        return _make(*single)
    season = _season(cleaned)
    if season is not None:
        return season
    if default_year is not None:
        for form in _YEARLESS_FORMS:
            match = form.fullmatch(cleaned)
            if match:
                month = _month(match.group("mn"))
                return _make(default_year, month, int(match.group("d"))) if month else None
    return _range(cleaned, default_year)


_NO_DATE = re.compile(r"(?:n\.?\s?d\.?|no date|undated|o\.\s?j\.|s\.\s?f\.|unknown|none|-+|–|\?+)", re.I)


def is_no_date(text: str) -> bool:
    """True for the placeholders editors write when a source has no date ("n.d.")."""
    return _is_no_date_cleaned(_clean(text))


def _is_no_date_cleaned(cleaned: str) -> bool:
    return not cleaned or bool(_NO_DATE.fullmatch(cleaned))


# Words a date may be made of besides month names. One pass over the words with a set lookup
# is much cheaper than trying every month name at every character.
_WORD = re.compile(r"[^\W\d_]+")
_DATE_WORD_SET = frozenset(
    "spring summer autumn fall winter early mid late q of c ca circa present ngày tháng thg năm".split())
_ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))
_DATE_SHAPED = re.compile(r"[\d\s.,/–—−‒-]*\d[\d\s.,/–—−‒-]*")


def _blank_date_word(match: re.Match[str]) -> str:
    word = match.group().lower()
    after_digit = match.start() > 0 and match.string[match.start() - 1].isdigit()
    if word in _MONTHS or word in _DATE_WORD_SET or (after_digit and word in _ORDINAL_SUFFIXES):
        return " "
    return match.group()


def looks_like_date(text: str) -> bool:
    """True when the text is made only of date material: numbers, month and season names,
    separators. "CRC Press, 2012" or "2003:175" are not dates that went wrong but text a
    reference parser mistook for a date."""
    cleaned = _clean(text)
    return bool(cleaned) and bool(_DATE_SHAPED.fullmatch(_WORD.sub(_blank_date_word, cleaned).strip() or "x"))


# A letter outside the Latin alphabets: a date written in a language whose words we do not
# know ("15 януари 2010 г."), which is no evidence of a mistake.
_FOREIGN_SCRIPT = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


@lru_cache(maxsize=4096)  # reference lists repeat the same access and archive dates
def date_problem(text: str) -> str | None:
    """Why a date-like string cannot be a real date, or None when it is fine (or is no date).

    Explains impossible days ("31 June"), non-leap 29 February, month 13, implausible years
    ("1 October 1") and strings in no recognised date format. A string in a non-Latin script
    that is not in a known form gets None: not understood is not wrong.
    """
    cleaned = _clean(text)
    if _is_no_date_cleaned(cleaned) or parse_date(cleaned) is not None:
        return None
    if any(form.fullmatch(cleaned) for form in _YEARLESS_FORMS):
        return f"{cleaned!r} has no year"
    if _AMBIGUOUS_NUMERIC.fullmatch(cleaned):
        # "07-10-2011": July 10 or 7 October, a real date either way, in a plausible year (split
        # at its dashes, it would read as the year 7).
        return _invalid_reason(int(cleaned[-4:]), None, None)
    if _DMY_RANGE.fullmatch(cleaned) or _MDY_RANGE.fullmatch(cleaned):
        # "5–3 October 2020": split at the dash, its left side would read as the year 5.
        return f"{cleaned!r} is a range whose days are out of order or out of the month"
    parts = _SPLIT_RANGE.split(cleaned, maxsplit=1)
    candidates = [cleaned] + ([p.strip() for p in parts] if len(parts) == 2 else [])
    for candidate in candidates:
        if _PRESENT.fullmatch(candidate):
            continue
        single = _single(candidate)
        if single is None:
            continue
        reason = _invalid_reason(*single)
        if reason:
            return reason
    if _FOREIGN_SCRIPT.search(cleaned):
        return None
    return f"{cleaned!r} is not a recognised date format"


def ambiguous_day_year(text: str) -> int | None:
    """The year of a numeric date whose day and month could be either ("03-05-1967"): a day of
    that year whichever it is; None for any other text."""
    cleaned = _clean(text)
    if not _AMBIGUOUS_NUMERIC.fullmatch(cleaned):
        return None
    year = int(cleaned[-4:])
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def impossible_date(text: str) -> bool:
    """True when the text is in a date format but names a day that cannot exist.

    "06-03-2011" can exist (6 March or 3 June): it is not split at its dashes into the year 6.
    """
    cleaned = _clean(text)
    if _AMBIGUOUS_NUMERIC.fullmatch(cleaned):
        return False
    parts = _SPLIT_RANGE.split(cleaned, maxsplit=1)
    for candidate in [cleaned] + ([p.strip() for p in parts] if len(parts) == 2 else []):
        single = _single(candidate)
        if single is not None and _invalid_reason(*single) is not None:
            return True
    return False


def _invalid_reason(year: int, month: int | None, day: int | None) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return f"year {year} is not a plausible year"
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month}"
    if month is not None and day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            name = calendar.month_name[month]
            if month == 2 and day == 29:
                return f"{year} is not a leap year, so it has no 29 February"
            return f"{name} has {last} days, so there is no {day} {name}"
    return None


# ---- dates in prose -------------------------------------------------------------------------

_P_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
            r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
# Every name _P_MONTH knows begins with one of these: prose with none of them (and no
# four-digit year) holds no date, and a search for them spares most statements the full pattern.
_MONTH_START = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_P_YEAR = r"(?P<y>\d{4})(?!\d)"
_P_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
# Every form below begins with a digit or a month's capital: the lookahead lets the matcher
# pass over other characters without trying each form there.
_DATE_START = r"(?=[\dJFMASOND])"
_PROSE = re.compile(
    _DATE_START + r"(?<![\w/.-])(?:"
    + r"(?P<iso>(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?![\d-])"
    + r"|(?P<dmy>(?:(?P<d0>[0-3]?\d)(?:\s*[-–]\s*|\s+(?:to|and)\s+))?"
    + _P_DAY + r"\s+(?P<mn>" + _P_MONTH + r")(?:,?\s+" + _P_YEAR + r")?)(?![\w])"
    + r"|(?P<mdy>(?P<mn2>" + _P_MONTH + r")\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
    + r"(?:\s*[-–]\s*(?P<d3>[0-3]?\d))?(?:,?\s+(?P<y2>\d{4})(?!\d))?)(?![\w])"
    + r"|(?P<my>(?P<mn3>" + _P_MONTH + r"),?\s+(?P<y3>\d{4})(?!\d))"
    # "2013–2023", "2019-20", "from 2013 to 2023", "between 2013 and 2023": one period.
    + r"|(?P<yrange>(?P<ry1>1[5-9]\d\d|20\d\d)(?:\s*[–-]\s*|\s+(?:to|through|until)\s+|(?<=\bbetween\s\d{4})\s+and\s+)"
    + r"(?P<ry2>1[5-9]\d\d|20\d\d|\d\d)(?![\d,.%]\d|[\w%-]))"
    # Not a frequency or a mobile radio band: "the 1900 MHz band", "the 1900 PCS band".
    + r"|(?P<yr>(?<![$€£¥#])(?P<y4>1[5-9]\d\d|20\d\d)(?![\d,.%]\d|\s*(?:%|per\s*cent|percent"
    + r"|[kMG]Hz\b|(?:PCS|AWS|GSM|DCS|UMTS|LTE|CDMA)\s+band\b)))"
    + r")",
)


def find_dates(text: str, *, default_year: int | None = None, years: bool = False) -> list[DateMatch]:
    """Dates in a piece of prose, in order.

    Year-less dates ("On 9 October") take the year of the nearest full date before them in
    ``text``, else ``default_year``; without either they are left out. Bare years are
    included only with ``years=True``. Impossible dates are left out (see prose_date_problems).
    """
    return list(_find_dates(text, default_year, years))


_DIGIT = re.compile(r"\d")
# Each test starts with what the regex engine scans for quickly (a digit; a month's first
# letter): an alternation that opens with a repeat, "\d{4}|Jan|...", is tried at every position.
_FOUR_DIGITS = re.compile(r"\d\d\d\d")  # a year or an ISO date
_MONTH_NAME = re.compile(_MONTH_START)


def _may_hold_date(text: str) -> bool:
    """Whether ``text`` holds a digit, and a year or a month name: every form of date has them."""
    return bool(_DIGIT.search(text) and (_FOUR_DIGITS.search(text) or _MONTH_NAME.search(text)))


@lru_cache(maxsize=8192)  # several rules ask about the same statements
def _find_dates(text: str, default_year: int | None, years: bool) -> tuple[DateMatch, ...]:
    if not _may_hold_date(text):
        return ()
    found: list[DateMatch] = []
    context_year = default_year
    for match in _PROSE.finditer(text):
        # The form that matched is the last group closed (each form is one named group round
        # its own); reading the few groups it needs beats building a dict of all of them.
        form, group, (start, end) = match.lastgroup, match.group, match.span()
        if form == "iso":
            parsed = _make(int(group("iy")), int(group("im")), int(group("id")))
            if parsed:
                found.append(DateMatch(start, end, parsed, group()))
                context_year = parsed.year
            continue
        if form == "yrange":
            first, last = int(group("ry1")), group("ry2")
            end_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
            if years and end_year > first:
                found.append(DateMatch(start, end, PartialDate(first, end=PartialDate(end_year)), group()))
            if _YEAR_ADVERBIAL.search(text, max(0, start - 24), start):
                context_year = first
            continue
        if form == "yr":
            if _STANDARD_BEFORE.search(text, max(0, start - 16), start):
                continue  # "ASTM standard E 1820", "EN 1990": a standard's number
            if years:
                found.append(DateMatch(start, end, PartialDate(int(group("y4"))), group()))
            if _YEAR_ADVERBIAL.search(text, max(0, start - 24), start):
                context_year = int(group("y4"))
            continue
        if form == "my":
            parsed = _make(int(group("y3")), _month(group("mn3")))
            if parsed:
                found.append(DateMatch(start, end, parsed, group()))
                context_year = parsed.year
            continue
        if form == "dmy":
            day, month_name, year_text, first = group("d"), group("mn"), group("y"), group("d0")
        else:
            day, month_name, year_text, first = group("d2"), group("mn2"), group("y2"), None
            if group("d3"):
                first, day = day, group("d3")
        month = _month(month_name)
        if month is None:
            continue
        if not year_text and month_name == "May" and form == "mdy":
            continue  # "May 5" without a year is too often the modal verb before a number
        yearless = not year_text
        year = int(year_text) if year_text else context_year
        if year is None:
            continue
        parsed = _make(year, month, int(day))
        if parsed is None:
            continue
        if first is not None:
            first_day = _make(year, month, int(first))
            if first_day is None or first_day.day is None or first_day.day > int(day):
                continue
            parsed = PartialDate(year, month, first_day.day, end=parsed)
        found.append(DateMatch(start, end, parsed, group(), yearless=yearless))
        if not yearless:
            context_year = year
    return tuple(found)


# A day is a space or two from its month (also a no-break or thin one, as an editor types them),
# or a line break, never a table's column gap of three or more: a dump's row "17   January 3,
# 1pm" is week 17, then January 3, its year on the next line.
_BAD_PROSE = re.compile(
    _DATE_START + r"(?<![\w/.-])(?<!\w[\"'’”″′])(?<!\w'')(?:(?P<d>[0-3]?\d)(?:[ \u00a0\u2009\u202f]{1,2}|\s*\n\s*)(?P<mn>" + _P_MONTH + r")(?:,?[ \u00a0](?P<y>\d{1,4}))?"
    r"|(?P<mn2>" + _P_MONTH + r")\s+(?P<d2>[0-3]?\d),?(?:[ \u00a0](?P<y2>\d{1,4}))?"
    r"|(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d))(?![\w-])"
)
_DIGIT_HYPHEN_DIGIT = re.compile(r"\d-\d")
# What may follow a truncated year such as "1 October 1" for it still to read as a date.
# A decimal ("November 30 12.1" in a table), a time ("Dec 27, 15:37", "August 24, 4:30AM")
# or a column gap is not that.
_AFTER_SHORT_YEAR = re.compile(r"(?![.,:]\d)(?:$|[,.;:)\]]|[ \u00a0](?:and|or|to)\b|[ \u00a0]?[–-](?!\d))")


# More days of the month after "February 3, 4": "and 5", ", 5 and 6" (a list of days, not a year).
_MORE_DAYS = re.compile(r"\s*(?:,|and|or|&)\s*\d{1,2}\b")
# A colon after "August 25, 26" opens what happened on those days (a schedule's "August 25, 26:
# Kansas City"), when the second number is a later day of that month.
_DAYS_LABEL = re.compile(r"\s*:(?!\d)")
_YEAR_BEFORE = re.compile(r"\b\d{4}[ \u00a0]$")
# A four-digit year after "15 August 12": the date is "August 12, 1983", the count before it
# another's (a table row's age); not where words introduce the day ("died on 15 August 12, 1983").
_FULL_YEAR_AFTER = re.compile(r",[ \u00a0](\d{4})(?!\d)")
_DAY_INTRODUCED = re.compile(r"\b(?:on|born|died|of|in|since|until|till|by|from|to|dated|released)\s+$", re.I)
# What ends a table's sort key hidden in front of a cell, as a text browser prints it: "1985-06-00 !June 1985".
_SORT_KEY_END = re.compile(r" !(?=\S)")
_MOST_DAYS = 31
# A capitalised word after a month, which makes the month a first name ("April Dawn", "June Carter").
_NAME_AFTER = re.compile(r"[ \u00a0][A-Z][a-z]")
# Where a line or a table's cell opens, right before a number: a row's number, not prose's.
_CELL_START = re.compile(r"(?:^|\n|\t|\||[ \u00a0]{3})[ \u00a0]*$")
# A stage named by a count right before a month and its day, as a bracket's heading runs them
# together: "Round of 16 July 3" is the round of 16 on July 3, not 16 July of the year 3.
_COUNT_OF_BEFORE = re.compile(r"\b(?:[Rr]ound|[Ll]ast|[Tt]op|[Bb]est)\s+of\s+$")


def _later_day(month: int, day: int, other: int) -> bool:
    """Whether ``other`` is a day of ``month`` after ``day`` (in a leap year)."""
    return day < other <= calendar.monthrange(2000, month)[1]


def prose_date_problems(text: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) for each date in prose that cannot exist.

    Flags 31 June, 29 February of non-leap years, ISO month 13, and a day-month followed
    by a one- or two-digit "year" ("on 1 October 1 and 5 October") when what follows
    cannot start a noun phrase (so "On 9 October 12 soldiers" is left alone), nor a four-digit
    year ("15 August 12, 1983" is a count before August 12, 1983; not "died on 15 August 12,
    1983", where words introduce the day). A "date" glued to a word by a
    quote or prime mark is part of a title or a code ("11'09"01 September 11"), an ISO date
    before " !" is a table's hidden sort key ("1985-06-00 !June 1985"), and a number a column's
    gap of three spaces or more parts from a month is another cell's ("17   January 3,   1pm"),
    and so is a number that is no day of any month, opening a line or a cell, before a month
    that opens a name ("32 April Dawn Buttram"; not "On 35 May Parliament voted").
    """
    problems: list[tuple[int, int, str]] = []
    if not _DIGIT.search(text) or not (_MONTH_NAME.search(text) or _DIGIT_HYPHEN_DIGIT.search(text)):
        return problems  # each form has a digit, and a month name or an ISO date's hyphens
    for match in _BAD_PROSE.finditer(text):
        groups = match.groupdict()
        if groups["iy"]:
            if _SORT_KEY_END.match(text, match.end()):
                continue  # "1985-06-00 !June 1985": a table's hidden sort key, which a text browser prints
            reason = _invalid_reason(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
            if reason:
                problems.append((match.start(), match.end(), reason))
            continue
        name = groups["mn"] or groups["mn2"]
        day = int(groups["d"] or groups["d2"])
        year_text = groups["y"] or groups["y2"]
        month = _month(name)
        if month is None or (name == "May" and groups["mn2"]):
            continue
        end = match.end()
        if year_text and len(year_text) <= 2:
            if (groups["mn"] and _COUNT_OF_BEFORE.search(text, max(0, match.start() - 12), match.start())
                    and _later_day(month, 0, int(year_text))):
                continue  # "Round of 16 July 3": the round of 16, on July 3
            if (groups["mn"] and (full_year := _FULL_YEAR_AFTER.match(text, end))
                    and not _DAY_INTRODUCED.search(text, max(0, match.start() - 12), match.start())):
                # "15 August 12, 1983": a count (a table row's age) before the month, its day and year
                reason = _invalid_reason(int(full_year.group(1)), month, int(year_text))
                if reason:
                    problems.append((match.start("mn"), full_year.end(), reason))
                continue
            if (not _AFTER_SHORT_YEAR.match(text, end) or year_text.startswith("0")
                    or groups["mn2"] and (_MORE_DAYS.match(text, end) or _DAYS_LABEL.match(text, end)
                                          and _later_day(month, day, int(year_text)))):
                # "On 9 October 12 soldiers ...": a count, not a year. Re-check without it.
                year_text = None
                end = match.start() + match.group().rstrip("0123456789").rstrip(", ").__len__()
            else:
                problems.append((match.start(), end, f"year {int(year_text)} is not a plausible year"))
                continue
        year = int(year_text) if year_text else 2000  # a leap year: year-less 29 February is fine
        if (day > _MOST_DAYS and not year_text and groups["mn"] and _NAME_AFTER.match(text, end)
                and _CELL_START.search(text, 0, match.start())):
            continue  # "32 April Dawn Buttram": no day of any month, but a row's number before a name
        if day == 0:
            if not _YEAR_BEFORE.search(text, max(0, match.start() - 6), match.start()):
                problems.append((match.start(), end, f"there is no day 0 of {calendar.month_name[month]}"))
            continue  # "1900 January 0": astronomers' notation for the last day of the year before
        if year < 1583:
            # History ("25 December 800") and Julian-calendar leap years: check the day only.
            year = 2000
        reason = _invalid_reason(year, month, day)
        if reason:
            problems.append((match.start(), end, reason))
    return problems


# ---- dates of references and statements ------------------------------------------------------

_WAYBACK = re.compile(
    r"(?:web\.archive\.org|wayback\.archive\.org|archive\.org/wayback|webarchive\.(?:loc\.gov|nationalarchives\.gov\.uk|org\.uk)"
    r"|archive\.(?:is|today|ph|li|fo|vn|md)|webcitation\.org|arquivo\.pt|archive-it\.org|wayback\.vefsafn\.is)"
    r"[^\s]*?/(?:web/)?(?P<ts>\d{4,14})(?:[a-z]{2}_|\*)?/",
    re.I,
)


@lru_cache(maxsize=4096)  # several rules ask for the archive date of each reference
def wayback_timestamp(url: str) -> str | None:
    """The raw Wayback-style timestamp digits in an archive URL ("20201010123456"), if any."""
    match = _WAYBACK.search(url or "")
    return match.group("ts") if match else None


def timestamp_date(stamp: str) -> PartialDate | None:
    """A (possibly short) Wayback timestamp as a date: "20201010123456", "202010", "2020"."""
    if not stamp.isdigit() or len(stamp) < 4:
        return None
    year = int(stamp[:4])
    month = int(stamp[4:6]) if len(stamp) >= 6 else None
    day = int(stamp[6:8]) if len(stamp) >= 8 else None
    return _make(year, month, day)


# The day a link's path files its page under, as news sites do, each part a segment of its own:
# "/2013/06/15/", "/2016/02/3/", "/2016/feb/03/", "/20130615/", "/2011-06-13/", "/20.11.2015/"
# (day first). Not a day followed by more of its segment ("/2016/02/24-legacy-fox-pilot/", a
# title's number under a month's folder), nor digits inside a number ("/2006092824250300.htm").
_LINK_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?:/(?P<m>0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(?P<d>0?[1-9]|[12]\d|3[01])"
    r"|(?P<m2>0[1-9]|1[0-2])(?P<d2>0[1-9]|[12]\d|3[01])|-(?P<m3>0[1-9]|1[0-2])-(?P<d3>0[1-9]|[12]\d|3[01]))(?=/)"
    r"|/(?P<d4>0?[1-9]|[12]\d|3[01])\.(?P<m4>0?[1-9]|1[0-2])\.(?P<y4>(?:19|20)\d\d)(?=/)",
    re.I,
)


# Paths that file a page under the day of what it is about, or of its upload or issue, not of its
# publication: a match's preview ("/football/preview/2013/06/14/…"), a game's or an event's page,
# a schedule, a listing, a meeting's agenda, an uploaded file, a magazine's issue.
_FILED_BY_EVENT = re.compile(
    r"\b(?:previews?|fixtures?|match(?:es)?|games?|events?|schedules?|listings?|calendars?|agendas?|meetings?"
    r"|uploads?|wp-content|magazines?|issues?|tickets?|results?)\b", re.I)


def link_date(url: str) -> PartialDate | None:
    """The day a link's path gives its page (``_LINK_DATE``), or None. An archive's link gives
    the day of its copy, a query ("?path=/2016/06/16/story") no path, and a path of an event's,
    an upload's or an issue's pages (``_FILED_BY_EVENT``) the day of that, so none counts; nor
    does a day first that could be a month first ("/04.05.2016/")."""
    if not url or _WAYBACK.search(url) or ARCHIVE_HOST.search(url):
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    if _FILED_BY_EVENT.search(path):
        return None
    found = _LINK_DATE.search(path)
    if found is None:
        return None
    if found.group("d4") and int(found.group("d4")) <= 12:
        return None
    year, month, day = (next(part for part in parts if part) for parts in (
        found.group("y", "y4"), found.group("m", "m2", "m3", "m4"), found.group("d", "d2", "d3", "d4")))
    return _make(int(year), int(month) if month.isdigit() else _month(month), int(day))


def reference_date(ref: Reference, field: str) -> PartialDate | None:
    """A reference's parsed date field ("date", "access_date", "archive_date")."""
    raw = ref.fields.get(field, "")
    return parse_date(raw) if raw else None


def archive_date(ref: Reference) -> tuple[PartialDate | None, str]:
    """When the reference's archive copy was made, and where that came from.

    The 14-digit timestamp of the archive URL is what the archive itself recorded, so it
    wins over the hand-typed archive-date field.
    """
    stamp = wayback_timestamp(ref.fields.get("archive_url", ""))
    if stamp and len(stamp) >= 8:
        parsed = timestamp_date(stamp)
        if parsed is not None:
            return parsed, "archive-url timestamp"
    parsed = reference_date(ref, "archive_date")
    return parsed, ("archive-date" if parsed else "")


def statement_dates(statements: Iterable[Statement],
                    default_year: int | None = None) -> Iterator[tuple[Statement, list[DateMatch]]]:
    """Each statement with the dates in its text, bare years included (``without_bare_years``
    sets them aside), year-less ones completed from context.

    The context year is the nearest year mentioned before the date: earlier in the same
    statement, in an earlier statement of the same section (a full date or a bare year:
    "In 2004 ... On 12 June"; not a year an event was planned for: "rescheduled for UFC 108 in early
    2010"), in the section's title ("2009 season"; not a span, "2011–2013"), else
    ``default_year`` (the article's period). Without any of these, year-less dates are
    left out rather than guessed.
    """
    context: dict[tuple[str, ...], int] = {}
    for stmt in statements:
        if not _may_hold_date(stmt.text):
            yield stmt, []  # most statements: no date, and no year for the ones after them
            continue
        year = context.get(stmt.section)
        if year is None:
            year = _section_year(stmt.section)
        if year is None:
            year = default_year
        matches = find_dates(stmt.text, default_year=year, years=True)
        last_year = _last_year_mentioned(stmt.text, matches) if matches else None
        if last_year is not None:
            context[stmt.section] = last_year
        yield stmt, matches


def statements_with_digits(doc: Document) -> list[Statement]:
    """The article's statements that hold a digit, picked once per document: every date has
    one, and the date rules would each scan the many others for nothing."""
    return doc.derived("statements with a digit", lambda: [stmt for stmt in doc.statements if _DIGIT.search(stmt.text)])


def without_bare_years(matches: list[DateMatch]) -> list[DateMatch]:
    """The dates that name a month ("June 2021", "5 May"), not a bare year or range of years."""
    return [m for m in matches if m.date.precision != "year" or m.date.month]


_ANY_YEAR = re.compile(r"(?<![\w$€£¥#.,-])(1[5-9]\d\d|20\d\d)(?![\w%]|[.,]\d)")
# What names a standard whose number looks like a year: its body, or the word, perhaps with its
# series' letter ("ASTM standard E 1820", "EN 1990"); not "a BS 1985" (a degree), nor the
# "Evening Standard 2016 Theatre Awards".
_STANDARD_BEFORE = re.compile(rf"\b(?:{STANDARD_BODIES}|standard)\s+(?:[A-Z]\s?)?$")
# A bare year sets the time frame only as an adverbial ("In 2004, ...", "during 2009"), not as
# an adjective ("the 2008 post-election unrest case").
_YEAR_ADVERBIAL = re.compile(r"\b(?:in|during|by|since|until|throughout|from)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
# A year something was set for or moved to ("rescheduled for UFC 108 in early 2010", "is
# expected to open in 2012") is the plan's, not the time the narrative has reached.
_PLANNED_FOR = re.compile(r"\b(?:(?:re)?scheduled|planned|postponed|delayed|slated|expected|due|set\s+to|will|would)\b"
                          r"[^.;:]{0,60}$", re.I)


def _last_year_mentioned(text: str, matches: list[DateMatch]) -> int | None:
    """The year of the last full date or adverbial year among the dates found in ``text``; not a
    bare year an event was planned for or moved to."""
    last: tuple[int, int] | None = None
    for match in matches:
        if match.yearless:
            continue
        if match.date.month is None and (not _YEAR_ADVERBIAL.search(text, max(0, match.start - 24), match.start)
                                         or _PLANNED_FOR.search(text, max(0, match.start - 80), match.start)):
            continue
        last = (match.start, match.date.year)
    return last[1] if last else None


# A span of years in a title: "Williams (2011–2013)", "2008–09", "1990 to 1995", "2015–present".
_YEAR_SPAN = re.compile(r"(?:1[5-9]|20)\d\d\s*(?:[-–—]|\bto\b)\s*(?:\d\d|present\b)", re.I)


@lru_cache(maxsize=1024)  # asked for each statement of a section until one names a year
def _section_year(section: tuple[str, ...]) -> int | None:
    """The year the innermost titled section is about. A title naming a span or several
    years ("Williams (2011–2013)") does not say which of them a day in it falls in, and an
    outer title is broader still: no year."""
    for title in reversed(section):
        years = set(_ANY_YEAR.findall(title))
        if len(years) > 1 or _YEAR_SPAN.search(title):
            return None
        if years:
            return int(years.pop())
    return None

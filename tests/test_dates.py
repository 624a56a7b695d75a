"""Date parsing: citation date fields, dates in prose, impossible dates, archive timestamps."""

from __future__ import annotations

from datetime import date

import pytest

from citecheck.model import Span, Statement
from citecheck.parsers.dates import (
    PartialDate,
    date_problem,
    find_dates,
    is_no_date,
    parse_date,
    prose_date_problems,
    statement_dates,
    timestamp_date,
    wayback_timestamp,
    without_bare_years,
)


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("27 September 2020", date(2020, 9, 27), date(2020, 9, 27)),
        ("September 27, 2020", date(2020, 9, 27), date(2020, 9, 27)),
        ("September 27 2020", date(2020, 9, 27), date(2020, 9, 27)),
        ("2020-09-27", date(2020, 9, 27), date(2020, 9, 27)),
        ("2020-09-27T10:00:00Z", date(2020, 9, 27), date(2020, 9, 27)),
        ("Sept. 27, 2020", date(2020, 9, 27), date(2020, 9, 27)),
        ("27 Sep 2020", date(2020, 9, 27), date(2020, 9, 27)),
        ("October 2020", date(2020, 10, 1), date(2020, 10, 31)),
        ("Feb 2020", date(2020, 2, 1), date(2020, 2, 29)),
        ("2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("2020a", date(2020, 1, 1), date(2020, 12, 31)),
        ("July 12, 2010b", date(2010, 7, 12), date(2010, 7, 12)),
        ("c. 1900", date(1900, 1, 1), date(1900, 12, 31)),
        ("Summer 2018", date(2018, 6, 1), date(2018, 8, 31)),
        ("Winter 2019–20", date(2019, 12, 1), date(2020, 2, 29)),
        ("Q3 2019", date(2019, 7, 1), date(2019, 9, 30)),
        ("27–28 September 2020", date(2020, 9, 27), date(2020, 9, 28)),
        ("September 27–28, 2020", date(2020, 9, 27), date(2020, 9, 28)),
        ("27 September – 3 October 2020", date(2020, 9, 27), date(2020, 10, 3)),
        ("September 27 – October 3, 2020", date(2020, 9, 27), date(2020, 10, 3)),
        ("27 December 2019 – 3 January 2020", date(2019, 12, 27), date(2020, 1, 3)),
        ("March–June 2009", date(2009, 3, 1), date(2009, 6, 30)),
        ("2019–2020", date(2019, 1, 1), date(2020, 12, 31)),
        ("2019–20", date(2019, 1, 1), date(2020, 12, 31)),
        ("September 2020 – present", date(2020, 9, 1), date.max),
        ("27. September 2020", date(2020, 9, 27), date(2020, 9, 27)),
        ("27. März 2020", date(2020, 3, 27), date(2020, 3, 27)),
        ("27.09.2020", date(2020, 9, 27), date(2020, 9, 27)),
        ("ngày 27 tháng 9 năm 2020", date(2020, 9, 27), date(2020, 9, 27)),
        ("Tháng 9/2020", date(2020, 9, 1), date(2020, 9, 30)),
        ("20201010123456", date(2020, 10, 10), date(2020, 10, 10)),
        ("12 May 2014 <!--DASHBot-->", date(2014, 5, 12), date(2014, 5, 12)),
        ("12&nbsp;May 2014", date(2014, 5, 12), date(2014, 5, 12)),
        ("Wed March 10, 2010", date(2010, 3, 10), date(2010, 3, 10)),
        ("Friday, 3 January 2014", date(2014, 1, 3), date(2014, 1, 3)),
    ],
)
def test_parse_date_bounds(text: str, earliest: date, latest: date) -> None:
    parsed = parse_date(text)
    assert parsed is not None, text
    assert (parsed.earliest(), parsed.latest()) == (earliest, latest)


def test_year_less_dates_need_a_default_year() -> None:
    assert parse_date("9 October") is None
    assert parse_date("9 October", default_year=2020) == PartialDate(2020, 10, 9)
    assert parse_date("October 9", default_year=2020) == PartialDate(2020, 10, 9)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31 June 2020", "June has 30 days"),
        ("29 February 2021", "not a leap year"),
        ("2020-13-01", "no month 13"),
        ("1 October 1", "year 1 is not a plausible year"),
        ("32 October 2020", "October has 31 days"),
        ("September 27", "has no year"),
        ("last Tuesday", "not a recognised date format"),
    ],
)
def test_date_problem_explains(text: str, reason: str) -> None:
    assert parse_date(text) is None
    problem = date_problem(text)
    assert problem is not None and reason in problem


@pytest.mark.parametrize("text", ["29 February 2020", "n.d.", "", "  ", "2020b", "Fall 2012", "27 September 2020",
                                  "07-10-2011", "02/06/2012"])
def test_date_problem_accepts_valid_and_missing_dates(text: str) -> None:
    assert date_problem(text) is None


def test_no_date_placeholders() -> None:
    assert is_no_date("n.d.") and is_no_date("") and is_no_date("nd")
    assert not is_no_date("2020")


def test_partial_dates_compare_at_shared_precision() -> None:
    month, day = parse_date("October 2020"), parse_date("10 October 2020")
    assert month is not None and day is not None
    assert not month.before(day) and not day.before(month)
    assert parse_date("10 October 2020").before(parse_date("11 October 2020"))  # type: ignore[union-attr]
    assert not parse_date("10 October 2020").before(parse_date("11 October 2020"), tolerance_days=1)  # type: ignore[union-attr]


def test_find_dates_in_prose_with_year_context() -> None:
    text = "Clashes began on 27 September 2020. On 9 October, a ceasefire was agreed, as of 22 October."
    found = find_dates(text)
    assert [(m.text, str(m.date), m.yearless) for m in found] == [
        ("27 September 2020", "2020-09-27", False),
        ("9 October", "2020-10-09", True),
        ("22 October", "2020-10-22", True),
    ]
    assert found[0].start == text.index("27 September")


def test_a_standards_number_is_no_year() -> None:
    assert find_dates("given in ASTM standard E 1820, which covers testing", years=True) == []
    assert find_dates("designed to EN 1990", years=True) == []
    assert [m.text for m in find_dates("The A 1990 survey and the E 1820 entry", years=True)] == ["1990", "1820"]
    # a degree, and a newspaper's name, are no standards bodies
    assert [m.text for m in find_dates("Smith (BS 1985, PhD 1990) joined.", years=True)] == ["1985", "1990"]
    assert [m.text for m in find_dates("the Evening Standard 2016 Theatre Awards", years=True)] == ["2016"]


def test_a_frequency_or_radio_band_is_no_year() -> None:
    assert find_dates("LTE in the 1900 PCS band and the 1800 MHz band, at 2100 kHz, near 2000 GHz", years=True) == []
    assert find_dates("the 1800 GSM band and the 2100 UMTS band", years=True) == []
    # a year before a band of musicians, before other words, and before a word that only begins like a band
    assert [m.text for m in find_dates("In 2004 UK band Muse released it; the 1966 band reunited.", years=True)] == [
        "2004", "1966"]
    assert [m.text for m in find_dates("the 1900 PCS rollout and the 1999 bandwagon", years=True)] == ["1900", "1999"]


def test_find_dates_without_context_skips_year_less_dates() -> None:
    assert find_dates("On 9 October, a ceasefire was agreed.") == []
    assert [str(m.date) for m in find_dates("On 9 October, a ceasefire.", default_year=2020)] == ["2020-10-09"]


def test_find_dates_forms() -> None:
    text = "It ran from 29 July to 10 August, in May 2020, on October 3, 2019, on 2019-05-04, 27–28 September 2020."
    found = [str(m.date) for m in find_dates(text, default_year=2020)]
    assert found == ["2020-07-29", "2020-08-10", "2020-05", "2019-10-03", "2019-05-04", "2020-09-27/2020-09-28"]


def test_find_dates_leaves_numbers_and_modal_may_alone() -> None:
    assert find_dates("It may 5 times exceed 1,166 and 22.8% of 2,050 people.", default_year=2020) == []
    assert [m.text for m in find_dates("The war ended in 1994.", years=True)] == ["1994"]
    assert find_dates("The war ended in 1994.") == []


def test_prose_date_problems() -> None:
    text = "as did the OSCE on 1 October 1 and 5 October. On 9 October 12 soldiers died. 31 June 2020."
    problems = prose_date_problems(text)
    assert [text[s:e] for s, e, _ in problems] == ["1 October 1", "31 June 2020"]
    assert "year 1" in problems[0][2]


def test_prose_date_problems_year_less_and_iso() -> None:
    assert [r for _, _, r in prose_date_problems("on 30 February the talks")] == [
        "February has 29 days, so there is no 30 February"]
    assert prose_date_problems("on 29 February the talks") == []
    assert "month 13" in prose_date_problems("released 2020-13-01 in")[0][2]


def test_prose_date_problems_day_and_month_apart() -> None:
    """A space or two (no-break and thin ones too) or a line break between a day and its month
    keep the date; a column's gap of three or more, or a tab, does not."""
    assert [r for _, _, r in prose_date_problems("began on 18\n  January 4, and failed")] == [
        "year 4 is not a plausible year"]
    assert prose_date_problems("17   January 3,   1pm EST") == []
    assert prose_date_problems("17\tJanuary 3, 1pm EST") == []
    for space in (" ", "  ", "\u00a0", "\u2009", "\u202f", " \u00a0"):
        assert [r for _, _, r in prose_date_problems(f"died on 31{space}June 2019")] == [
            "June has 30 days, so there is no 31 June"], repr(space)
    assert [(s, e) for s, e, _ in prose_date_problems("aged 15\n  February 30, 1983: no")] == [(10, 27)]


def test_a_number_that_is_no_day_before_a_month_opening_a_name_is_anothers() -> None:
    assert prose_date_problems("32 April Dawn Buttram 16 1983-08-18") == []
    assert [r for _, _, r in prose_date_problems("on 32 April the army")] == ["April has 30 days, so there is no 32 April"]
    assert [r for _, _, r in prose_date_problems("32 April 2010")] == ["April has 30 days, so there is no 32 April"]
    assert [r for _, _, r in prose_date_problems("on 32 April 2010 Parliament voted")] == [
        "April has 30 days, so there is no 32 April"]
    assert [r for _, _, r in prose_date_problems("On 35 May Parliament voted to dissolve.")] == [
        "May has 31 days, so there is no 35 May"]
    assert [r for _, _, r in prose_date_problems("The siege ended 32 August British troops entered.")] == [
        "August has 31 days, so there is no 32 August"]
    assert [r for _, _, r in prose_date_problems("The walls fell.  32 August British troops entered.")] == [
        "August has 31 days, so there is no 32 August"]
    for row in ("| 32 April Dawn Buttram ||", "31   32 April Dawn Buttram", "x\n32 April Dawn", "x\t32 April Dawn"):
        assert prose_date_problems(row) == [], row
    assert [r for _, _, r in prose_date_problems("31 June Carter sang")] == ["June has 30 days, so there is no 31 June"]
    assert [r for _, _, r in prose_date_problems("June 32 Parliament voted")] == [
        "June has 30 days, so there is no 32 June"]


def test_wayback_timestamps() -> None:
    url = "https://web.archive.org/web/20201010123456/https://example.com/a"
    assert wayback_timestamp(url) == "20201010123456"
    assert timestamp_date("20201010123456") == PartialDate(2020, 10, 10)
    assert timestamp_date("20201310123456") is None
    assert wayback_timestamp("https://example.com/2020/10/10/story") is None


def test_human_and_iso_rendering() -> None:
    parsed = parse_date("11 October 2020")
    assert parsed is not None and parsed.human() == "11 October 2020" and str(parsed) == "2020-10-11"


# ---- properties ---------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)))
def test_every_real_day_round_trips_in_each_format(day: date) -> None:
    name = _MONTH_NAMES[day.month - 1]
    for text in (f"{day.day} {name} {day.year}", f"{name} {day.day}, {day.year}", day.isoformat(),
                 f"{day.day}. {name} {day.year}", f"{day.day:02d}.{day.month:02d}.{day.year}"):
        parsed = parse_date(text)
        assert parsed is not None and parsed.earliest() == parsed.latest() == day, text
        assert date_problem(text) is None


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_parsers_never_raise_and_bounds_are_ordered(text: str) -> None:
    parsed = parse_date(text)
    if parsed is not None:
        assert parsed.earliest() <= parsed.latest()
    date_problem(text)
    for match in find_dates(text, default_year=2020, years=True):
        assert 0 <= match.start < match.end <= len(text)
        assert match.date.earliest() <= match.date.latest()
    for start, end, reason in prose_date_problems(text):
        assert 0 <= start < end <= len(text) and reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 януари 2010", date(2010, 1, 15)),  # Bulgarian
        ("21 септември 2010 г.", date(2010, 9, 21)),  # with the Bulgarian "year" abbreviation
        ("3 марта 2011", date(2011, 3, 3)),  # Russian genitive
        ("7 жовтня 2014", date(2014, 10, 7)),  # Ukrainian
        ("1 maja 2019 r.", date(2019, 5, 1)),  # Polish, with "r."
        ("12 de julho de 2010", date(2010, 7, 12)),  # Portuguese
        ("3 maart 2015", date(2015, 3, 3)),  # Dutch
        ("5. března 2010", date(2010, 3, 5)),  # Czech
        ("9 Ekim 2012", date(2012, 10, 9)),  # Turkish
    ],
)
def test_month_names_of_other_languages(text: str, expected: date) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.earliest() == parsed.latest() == expected
    assert date_problem(text) is None


def test_date_problem_in_an_unread_script_is_silent_but_an_impossible_day_is_not() -> None:
    assert date_problem("15 Ιανουαρίου 2010") is None  # Greek: not understood is not wrong
    assert date_problem("31 юни 2010") == "June has 30 days, so there is no 31 June"
    assert date_problem("15 Janury 2010") == "'15 Janury 2010' is not a recognised date format"


def test_prose_times_are_not_truncated_years() -> None:
    assert prose_date_problems("landfall at 2013, August 24, 4:30AM local time") == []
    assert prose_date_problems("Dec 27, 15:37 (6d02h46m): Reentry") == []
    assert prose_date_problems("as did the OSCE on 1 October 1 and 5 October") == [
        (19, 30, "year 1 is not a plausible year")]


def test_year_periods_in_prose() -> None:
    def periods(text: str) -> list[tuple[str, str]]:
        return [(m.text, str(m.date)) for m in find_dates(text, years=True)]

    assert periods("expected to rise between 2013 and 2023") == [("2013 and 2023", "2013/2023")]
    assert periods("from 2013 to 2023") == [("2013 to 2023", "2013/2023")]
    assert periods("the 2019–20 season") == [("2019–20", "2019/2020")]
    assert periods("in 2012 and 2014") == [("2012", "2012"), ("2014", "2014")]  # two years, no period
    assert periods("2015–2010") == []  # backwards: no period
    assert find_dates("the 2019–20 season") == []  # bare years only when asked for
    # An adverbial period gives year-less dates their year.
    assert [str(m.date) for m in find_dates("In 2013–14, on 3 May it rained")] == ["2013-05-03"]


def test_date_problem_in_ranges() -> None:
    assert date_problem("1 June 2020 – 31 June 2020") == "June has 30 days, so there is no 31 June"
    assert date_problem("31 June 2020 – 5 July 2020") == "June has 30 days, so there is no 31 June"
    assert date_problem("5–3 October 2020") == "'5–3 October 2020' is a range whose days are out of order or out of the month"
    assert date_problem("October 5–3, 2020") == "'October 5–3, 2020' is a range whose days are out of order or out of the month"


def test_cc406_findings_carry_their_evidence() -> None:
    from citecheck import lint_text

    text = ("The treaty was signed on 31 June 2019.<ref>{{cite web |url=http://example.com/a |title=A "
            "|access-date=2010-26-08}}</ref>\n\n==References==\n{{reflist}}\n")
    findings = lint_text(text, "wikitext", select=["CC406"]).findings
    by_kind = {("reference" if f.reference is not None else "prose"): f for f in findings}
    reference, prose = by_kind["reference"], by_kind["prose"]
    assert reference.refs == [reference.reference.key] and reference.statement is None
    assert reference.evidence == {"field": "access-date", "value": "2010-26-08", "fingerprint_key": "access-date"}
    assert prose.statement is not None and prose.refs == []
    assert prose.evidence == {"value": "31 June 2019", "fingerprint_key": "31 June 2019"}


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("November–February 2020", date(2020, 11, 1), date(2021, 2, 28)),  # runs into the next year
        ("Autumn–Winter 2019", date(2019, 9, 1), date(2020, 2, 29)),
        ("2019–2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("März 2019 – heute", date(2019, 3, 1), date.max),
        ("2019 – ongoing", date(2019, 1, 1), date.max),
        ("tháng 9 năm 2020 – nay", date(2020, 9, 1), date.max),
    ],
)
def test_range_forms(text: str, earliest: date, latest: date) -> None:
    parsed = parse_date(text)
    assert parsed is not None, text
    assert (parsed.earliest(), parsed.latest()) == (earliest, latest)


@pytest.mark.parametrize("text", ["Winter 2020–19", "3 October 2020 – 27 September 2020", "2020–2019", "28–27 September 2020"])
def test_backwards_ranges_are_no_dates(text: str) -> None:
    assert parse_date(text) is None


def test_cc401_and_cc402_findings_carry_their_evidence() -> None:
    from citecheck import lint_text

    text = ("The ceasefire was agreed.[1]\n\nReferences\n\n  1. ^ \"Ceasefire\". Reuters. 20 October 2020. "
            "Archived from the original on 12 October 2020. Retrieved 10 October 2020.\n")
    findings = {f.code: f for f in lint_text(text, "text", select=["CC401", "CC402"]).findings}
    for finding in findings.values():
        assert finding.refs == ["1"] and finding.reference is not None and finding.reference.key == "1"
    assert findings["CC401"].evidence == {"published": "2020-10-20", "archived": "2020-10-12",
                                          "archive_source": "archive-date"}
    assert findings["CC402"].evidence == {"published": "2020-10-20", "accessed": "2020-10-10"}


def _dated(texts_and_sections: list[tuple[str, tuple[str, ...]]], default_year: int | None) -> list[list[str]]:
    statements = [Statement(text, Span(0, len(text)), section=section) for text, section in texts_and_sections]
    return [[str(m.date) for m in matches] for _, matches in statement_dates(statements, default_year)]


def test_statement_dates_take_the_year_of_the_nearest_context() -> None:
    assert _dated([
        ("On 12 June the club won the cup.", ("2009 season",)),  # the section's title
        ("In 2004, the company moved.", ("History",)),  # an adverbial year ...
        ("On 12 June it opened a plant.", ("History",)),  # ... completes the next statement's date
        ("On 3 May it closed.", ("Later",)),  # another section: the article's period
    ], 1990) == [["2009-06-12"], ["2004"], ["2004-06-12"], ["1990-05-03"]]


def test_statement_dates_take_the_last_full_date_or_adverbial_year_of_a_statement() -> None:
    assert _dated([
        ("In 2003, it began.", ()),
        ("On 12 June it grew, and in 2005 it moved.", ()),  # after a year-less date
        ("On 1 May it closed.", ()),
        ("The 2008 budget passed, and in 2009 it grew.", ()),  # after an adjective year
        ("On 2 May it reopened.", ()),
    ], None) == [["2003"], ["2003-06-12", "2005"], ["2005-05-01"], ["2008", "2009"], ["2009-05-02"]]


def test_statement_dates_leave_out_a_year_less_date_without_context() -> None:
    # A year used as an adjective sets no time frame.
    assert _dated([("The 2008 post-election unrest case was heard.", ()), ("On 5 May it ended.", ())],
                  None) == [["2008"], []]


def test_without_bare_years_keeps_the_dates_that_name_a_month() -> None:
    matches = find_dates("In 2004, and again on 12 June 2005 and in 2006–2007", years=True)
    assert [str(m.date) for m in without_bare_years(matches)] == ["2005-06-12"]


def _problems(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], reason) for start, end, reason in prose_date_problems(text)]


def test_prose_date_problems_find_every_impossible_date_of_a_text() -> None:
    assert _problems("released 2021-02-30 in Oslo and 2020-13-01 in Bergen, then 0 October and 31 June") == [
        ("2021-02-30", "February has 28 days, so there is no 30 February"),
        ("2020-13-01", "there is no month 13"),
        ("0 October", "there is no day 0 of October"),
        ("31 June", "June has 30 days, so there is no 31 June"),
    ]


def test_prose_date_problems_read_a_number_after_a_date_as_a_count_or_a_truncated_year() -> None:
    assert _problems("On 31 June 12 soldiers died.") == [("31 June", "June has 30 days, so there is no 31 June")]
    assert _problems("On 31 June, 12 soldiers died.") == [("31 June", "June has 30 days, so there is no 31 June")]
    assert _problems("as did the OSCE on 1 October 12, and later") == [
        ("1 October 12", "year 12 is not a plausible year")]
    assert _problems("as did the OSCE on 1 October 05, and later") == []  # a leading zero: no year


def test_prose_date_problems_month_first() -> None:
    assert _problems("on June 31 the talks") == [("June 31", "June has 30 days, so there is no 31 June")]
    assert _problems("they May 32 times refuse") == []  # "May" before a number is the verb


def test_prose_date_problems_gregorian_leap_years() -> None:
    assert _problems("on 29 February 1583 the talks") == [
        ("29 February 1583", "1583 is not a leap year, so it has no 29 February")]
    assert _problems("on 29 February 1500 the talks") == []  # Julian calendar: a leap year


def test_a_count_before_a_month_day_and_year_is_left_out_of_the_date_it_checks() -> None:
    text = "Leblanc, 15 February 30, 1983, and Vorak, 13 October 31, 1982, were last seen then."
    assert prose_date_problems(text) == [
        (12, 29, "February has 28 days, so there is no 30 February")]
    assert text[12:29] == "February 30, 1983"

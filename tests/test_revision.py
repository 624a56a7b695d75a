"""Revision-date resolution: --as-of, parser metadata, infobox duration, latest reference date."""

from __future__ import annotations

from datetime import date

from citecheck.model import Document, Reference, Severity, Span
from citecheck.revision import (
    add_duration,
    context_year,
    describe_source,
    duration_end,
    infobox_revision_date,
    latest_reference_date,
    resolve_revision_date,
    revision_ceiling,
    revision_floor,
    shift,
    stated_revision_date,
)


def _ref(key: str, **fields: str) -> Reference:
    return Reference(key=key, span=Span(0, 1), raw="x", fields=dict(fields))


def test_seed_infobox_duration_gives_30_october_2020() -> None:
    # The seed's own bytes: its en dash was damaged into another character.
    value = "27 September 2020 (2020-09-27) \u6bcf present\n(1 month and 3 days)"
    assert duration_end(value) == date(2020, 10, 30)
    assert duration_end("Date27 September 2020 – present (1 month and 3 days)") == date(2020, 10, 30)


def test_duration_forms() -> None:
    assert duration_end("September 27, 2020 – present (2 years, 1 month and 3 days)") == date(2022, 10, 30)
    assert duration_end("15 March 2011 – present (9 years, 7 months, 2 weeks and 1 day)") == date(2020, 10, 30)
    assert duration_end("March 2011 – present (9 years)") is None  # no exact start day
    assert duration_end("1 January 2020 – 5 May 2020") is None  # not ongoing


def test_add_duration_clamps_month_ends() -> None:
    assert add_duration(date(2020, 1, 31), months=1) == date(2020, 2, 29)
    assert add_duration(date(2020, 12, 15), months=1, days=3) == date(2021, 1, 18)


def test_as_of_wins() -> None:
    doc = Document(source="", format="text", revision_date=date(2019, 1, 1), revision_date_source="dump")
    resolve_revision_date(doc, date(2021, 5, 6))
    assert (doc.revision_date, doc.revision_date_source) == (date(2021, 5, 6), "as-of")


def test_parser_metadata_is_kept() -> None:
    doc = Document(source="", format="wikitext", revision_date=date(2019, 1, 1), revision_date_source="dump")
    resolve_revision_date(doc)
    assert (doc.revision_date, doc.revision_date_source) == (date(2019, 1, 1), "dump")
    doc = Document(source="", format="html", revision_date=date(2019, 1, 1))
    resolve_revision_date(doc)
    assert doc.revision_date_source == "metadata"


def test_infobox_beats_reference_dates() -> None:
    doc = Document(source="", format="text",
                   metadata={"infobox": {"Date": "27 September 2020 – present (1 month and 3 days)"}},
                   references=[_ref("1", access_date="11 November 2020")])
    resolve_revision_date(doc)
    assert (doc.revision_date, doc.revision_date_source) == (date(2020, 10, 30), "infobox-duration")
    assert context_year(doc) == 2020


def test_latest_access_or_archive_date_and_future_typos_ignored() -> None:
    doc = Document(source="", format="text", references=[
        _ref("1", access_date="11 October 2020"),
        _ref("2", access_date="2 November 2020", archive_date="1 November 2020"),
        _ref("3", access_date="5 May 2102"),  # a typo: cannot be evidence of a later revision
        _ref("4", access_date="December 2020"),  # not exact
    ])
    resolve_revision_date(doc, today=date(2026, 1, 1))
    assert (doc.revision_date, doc.revision_date_source) == (date(2020, 11, 2), "latest-access-date")
    doc.references.append(_ref("5", archive_url="https://web.archive.org/web/20201203000000/http://x.org/"))
    doc.revision_date = None
    resolve_revision_date(doc, today=date(2026, 1, 1))
    assert (doc.revision_date, doc.revision_date_source) == (date(2020, 12, 3), "latest-archive-date")


def test_no_evidence_leaves_revision_unknown() -> None:
    doc = Document(source="", format="text", references=[_ref("1", date="2020")])
    resolve_revision_date(doc)
    assert doc.revision_date is None and doc.revision_date_source == ""
    assert infobox_revision_date(None) is None


def test_dated_tags_are_evidence_of_a_later_revision() -> None:
    from citecheck.model import Statement, Tag

    stmt = Statement(text="Claim.", span=Span(0, 6), tags=[Tag(kind="citation-needed", span=Span(6, 7), date="November 2014")])
    doc = Document(source="", format="wikitext", statements=[stmt],
                   references=[_ref("1", access_date="18 April 2014")])
    resolve_revision_date(doc, today=date(2026, 1, 1))
    assert (doc.revision_date, doc.revision_date_source) == (date(2014, 11, 1), "latest-tag-date")


def test_seed_revision_date_through_the_api() -> None:
    from pathlib import Path

    from citecheck import lint_path

    seed = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "2020-nagorno-karabakh-conflict.txt"
    result = lint_path(seed, select=["CC401"])
    assert (result.document.revision_date, result.document.revision_date_source) == (date(2020, 10, 30), "infobox-duration")
    assert result.findings == []  # published 11 October, archived 10 October: a day's time-zone slack
    strict = lint_path(seed, select=["CC401"], rule_options={"CC401": {"tolerance_days": 0}})
    assert [f.refs for f in strict.findings] == [["62"]]
    assert lint_path(seed, select=["CC401"], as_of=date(2020, 11, 5)).document.revision_date_source == "as-of"


def test_stated_sources_give_both_bounds() -> None:
    for source in ("as-of", "dump", "api", "metadata"):
        doc = Document(source="", format="text", revision_date=date(2019, 8, 7), revision_date_source=source)
        assert stated_revision_date(doc) == date(2019, 8, 7)
        assert revision_floor(doc) == revision_ceiling(doc) == (date(2019, 8, 7), source)


def test_inferred_dates_are_a_floor_at_most_and_never_a_ceiling() -> None:
    doc = Document(source="", format="text", references=[_ref("1", access_date="2 February 2014")])
    resolve_revision_date(doc, today=date(2026, 1, 1))
    assert doc.revision_date_source == "latest-access-date" and stated_revision_date(doc) is None
    assert revision_floor(doc, today=date(2026, 1, 1)) == (date(2014, 2, 2), "latest-access-date")
    assert revision_ceiling(doc, today=date(2026, 1, 1)) == (date(2026, 1, 1), "today")
    # A hand-typed infobox duration can be stale: neither a floor nor a ceiling.
    doc = Document(source="", format="text",
                   metadata={"infobox": {"Date": "27 September 2020 – present (1 month and 3 days)"}})
    resolve_revision_date(doc)
    assert doc.revision_date_source == "infobox-duration"
    assert revision_floor(doc) is None
    assert revision_ceiling(doc, today=date(2026, 1, 1)) == (date(2026, 1, 1), "today")


def test_source_descriptions() -> None:
    assert describe_source("metadata") == "the page's last-edited date"
    assert describe_source("latest-access-date") == "the latest access date among the references"
    assert describe_source("") == "an unknown source"


def test_year_9999_dates_do_not_overflow() -> None:
    assert shift(date(9999, 12, 31), 1) == date.max
    assert shift(date(1, 1, 1), -1) == date.min
    assert shift(date(2020, 10, 30), -1) == date(2020, 10, 29)
    assert add_duration(date(9999, 12, 1), months=1) == date.max
    assert add_duration(date(9999, 12, 30), days=5) == date.max
    assert duration_end("1 December 9999 – present (2 months)") is None  # year 9999 is no date we read


def test_year_9999_revision_dates_lint() -> None:
    from citecheck import lint_text

    text = "The election will be held on 5 October 2014.[1]\n\nReferences\n\n  1. ^ \"Date set\". Reuters. 1 September 2014. Retrieved 17 November 2014.\n"
    result = lint_text(text, "text", select=["CC4"], as_of=date(9999, 12, 31))
    assert [f.code for f in result.findings] == ["CC405"]

    def far_future(doc: Document) -> None:
        doc.revision_date, doc.revision_date_source = date(9999, 12, 31), "dump"

    result = lint_text(text, "text", select=["CC4"], before_rules=far_future)
    assert [f.code for f in result.findings] == ["CC405"]


def test_an_inferred_now_never_makes_an_error() -> None:
    from citecheck import lint_text
    from citecheck.config import Settings

    text = ("The election will be held on 5 October 2014.[1]\n\nReferences\n\n"
            "  1. ^ \"Date set\". Reuters. 1 September 2014. Retrieved 1 January 2016.\n")
    settings = Settings(select=["CC405"], severity={"CC405": Severity.ERROR})
    inferred = lint_text(text, "text", settings=settings).findings
    assert [(f.code, f.severity) for f in inferred] == [("CC405", Severity.WARNING)]
    settings.as_of = date(2016, 1, 1)
    stated = lint_text(text, "text", settings=settings).findings
    assert [(f.code, f.severity) for f in stated] == [("CC405", Severity.ERROR)]


def test_json_files_entry_says_where_the_revision_date_came_from() -> None:
    import io
    import json

    from citecheck import lint_text
    from citecheck.report import json as json_report

    footer = "Claim.[1]\n\nReferences\n\n  1. ^ \"T\". W. Retrieved 2 February 2014.\n\nThis page was last edited on 7 August 2019, at 10:00 (UTC).\n"
    no_footer = footer.split("\n\nThis page")[0] + "\n"
    sources = []
    for text in (footer, no_footer, "Claim.\n"):
        out = io.StringIO()
        json_report.render([lint_text(text, "text", select=["CC403"])], out)
        entry = json.loads(out.getvalue())["files"][0]
        sources.append((entry["revision_date"], entry["revision_date_source"]))
    assert sources == [("2019-08-07", "metadata"), ("2014-02-02", "latest-access-date"), (None, None)]


def test_cc403_finding_names_its_reference_and_revision_date_source() -> None:
    from citecheck import lint_text

    text = ("The ministry reported the figures.[1]\n\nReferences\n\n"
            "  1. ^ \"Figures released\". Armenpress. 17 October 2020. Retrieved 17 November 2020.\n")
    [finding] = lint_text(text, "text", select=["CC403"], as_of=date(2020, 10, 30)).findings
    assert finding.refs == ["1"] and finding.reference is not None and finding.reference.key == "1"
    assert finding.evidence == {"field": "access date", "date": "2020-11-17", "revision_date": "2020-10-30",
                                "revision_date_source": "as-of", "fingerprint_key": "access date"}
    assert finding.message == ("[1] access date 17 November 2020 is after the article's revision date "
                               "2020-10-30 (as-of), the date given with --as-of")


def test_cc405_and_cc404_findings_carry_their_evidence() -> None:
    from citecheck import lint_text

    refs = "\n\nReferences\n\n  1. ^ \"Dam\". The Guardian. 3 March 2030.\n  2. ^ \"Poll\". BBC News. 1 March 2030.\n"
    [stale] = lint_text("The election will be held on 5 October 2030.[2]" + refs, "text", select=["CC405"],
                        as_of=date(2031, 8, 1)).findings
    assert stale.statement is not None and stale.statement.text == "The election will be held on 5 October 2030."
    assert stale.evidence == {"phrase": "will be held", "date": "2030-10-05", "revision_date": "2031-08-01",
                              "revision_date_source": "as-of"}
    [predates] = lint_text("On 3 July 2031 the dam was opened to traffic.[2][1][2]" + refs, "text",
                           select=["CC404"]).findings
    assert predates.statement is not None and predates.refs == ["2", "1"]  # each reference once
    assert predates.evidence == {"claim_date": "2031-07-03", "newest_source": "2030-03-03", "yearless": False,
                                 "sources": ["[1]", "[2]"]}


def test_revision_floor_ignores_reference_dates_after_today() -> None:
    doc = Document(source="", format="text", references=[_ref("1", access_date="2 February 2014")])
    assert revision_floor(doc, today=date(2010, 1, 1)) is None
    assert revision_floor(doc, today=date(2014, 2, 2)) == (date(2014, 2, 2), "latest-access-date")


def test_latest_reference_date_ties_and_tags() -> None:
    from citecheck.model import Statement, Tag

    same_day = Document(source="", format="text", references=[
        _ref("1", access_date="2 February 2014", archive_date="2 February 2014")])
    assert latest_reference_date(same_day, today=date(2026, 1, 1)) == (date(2014, 2, 2), "latest-access-date")

    def tagged(when: str) -> Document:
        stmt = Statement(text="Claim.", span=Span(0, 6), tags=[Tag(kind="citation-needed", span=Span(6, 7), date=when)])
        return Document(source="", format="text", statements=[stmt])

    assert latest_reference_date(tagged("November 2014"), today=date(2014, 11, 1)) == (date(2014, 11, 1), "latest-tag-date")
    assert latest_reference_date(tagged("November 2030"), today=date(2026, 1, 1)) is None
    assert latest_reference_date(tagged(""), today=date(2026, 1, 1)) is None


def test_infobox_forms() -> None:
    row = "27 September 2020 – present (1 month and 3 days)"
    assert infobox_revision_date([("Date", row)]) == date(2020, 10, 30)
    assert infobox_revision_date([row]) == date(2020, 10, 30)
    assert infobox_revision_date(row) == date(2020, 10, 30)
    assert infobox_revision_date([("Date", "27 September 2020")]) is None


def test_add_duration_within_year_9999() -> None:
    assert add_duration(date(9999, 1, 31), months=1) == date(9999, 2, 28)


def test_cc404_sources_in_label_order_and_cc405_span_after_a_quotation() -> None:
    from citecheck import lint_text

    entries = "".join(f"  {n}. ^ \"Dam {n}\". The Guardian. {n} March 2030.\n" for n in range(1, 11))
    [predates] = lint_text("On 3 July 2031 the dam was opened to traffic.[10][10][2]\n\nReferences\n\n" + entries,
                           "text", select=["CC404"]).findings
    assert predates.refs == ["10", "2"] and predates.evidence["sources"] == ["[2]", "[10]"]
    statement = 'Under the motto "Forward", the bridge will open in 2012.'
    [stale] = lint_text(statement + "[1]\n\nReferences\n\n" + entries, "text", select=["CC405"],
                        as_of=date(2015, 1, 1)).findings
    assert stale.column == statement.index("will open") + 1 and stale.excerpt.startswith("Under the motto")


def test_resolution_passes_today_on_and_ties_go_to_references() -> None:
    from citecheck.model import Statement, Tag

    doc = Document(source="", format="text", references=[_ref("1", access_date="2 February 2014")])
    resolve_revision_date(doc, today=date(2010, 1, 1))
    assert doc.revision_date is None  # the only date is after "today": a typo, no evidence
    stmt = Statement(text="Claim.", span=Span(0, 6), tags=[Tag(kind="citation-needed", span=Span(6, 7), date="November 2014")])
    doc = Document(source="", format="text", statements=[stmt], references=[_ref("1", access_date="1 November 2014")])
    assert latest_reference_date(doc, today=date(2026, 1, 1)) == (date(2014, 11, 1), "latest-access-date")

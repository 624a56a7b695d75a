"""What CC101 and CC102 report about a figure: its description, evidence and the citation named."""

from __future__ import annotations

import pytest

from citecheck import lint_text
from citecheck.config import Settings
from citecheck.model import Citation, Finding, Span, Statement
from citecheck.rules.cc101_uncited_numeric_claim import _Layout, _prose_end_above_table, judgeable

REFERENCES = """

References

  3. ^ "Losses". Reuters. 1 October 2020.
"""
NAMED_REFERENCE = """The army lost 36 tanks. The ministry confirmed it.<ref name="{key}">{{{{cite news |title={title} |work={work} |date=1 October 2020}}}}</ref>

== References ==
{{{{reflist}}}}
"""


def findings(text: str, code: str, fmt: str = "text", **options: object) -> list[Finding]:
    settings = Settings(select=[code], rule_options={code: dict(options)} if options else {})
    return [f for f in lint_text(text, fmt, settings=settings).findings if f.code == code]


def test_figures_are_listed_with_their_nouns_up_to_three() -> None:
    (finding,) = findings("The army lost 36 tanks, 27 drones, 5 ships and 4 jets. It retreated.[3]" + REFERENCES, "CC102")
    assert finding.message.startswith("figures '36 tanks', '27 drones', '5 ships' and 1 more not cited directly")
    assert finding.evidence == {
        "figures": ["36", "27", "5", "4"], "values": [36.0, 27.0, 5.0, 4.0], "kinds": ["count"] * 4,
        "nouns": ["tanks", "drones", "ships", "jets"], "nearest": "3", "distance": 1,
    }
    assert finding.refs == ["3"]
    assert finding.statement is not None and finding.statement.text.startswith("The army lost 36 tanks")


@pytest.mark.parametrize(
    ("sentence", "described"),
    [
        ("The army lost 36 tanks and 27 drones.", "figures '36 tanks' and '27 drones'"),
        ("The army lost 36 tanks, 27 drones and 5 ships.", "figures '36 tanks', '27 drones' and '5 ships'"),
        ("Turnout was 22.8% of voters.", "figure '22.8%'"),
    ],
)
def test_how_figures_are_described(sentence: str, described: str) -> None:
    (finding,) = findings(sentence + "\n\nCited paragraph.[3]" + REFERENCES, "CC101")
    assert finding.message.startswith(f"uncited {described}: no citation follows")


def test_vague_quantities_keep_their_of() -> None:
    (finding,) = findings("Dozens of vehicles burned.\n\nCited paragraph.[3]" + REFERENCES, "CC101", vague=True)
    assert "'Dozens of vehicles'" in finding.message
    assert finding.evidence["kinds"] == ["vague"]


@pytest.mark.parametrize(
    ("key", "title", "work", "shown"),
    [
        ("ab", "Tank losses", "Reuters", "[ab] is"),  # a short key is the reader's marker
        ("losses", "T" * 50, "Reuters", "[losses] (“" + "T" * 50 + "”)"),
        ("losses", "T" * 51, "Reuters", "[losses] (“" + "T" * 47 + "…”)"),
        ("losses", "", "Reuters", "[losses] (“Reuters”)"),
        ("losses", "", "", "[losses] is"),
    ],
)
def test_a_named_citation_is_shown_with_its_source(key: str, title: str, work: str, shown: str) -> None:
    (finding,) = findings(NAMED_REFERENCE.format(key=key, title=title, work=work), "CC102", "wikitext")
    assert f"nearest citation {shown}" in finding.message
    assert finding.refs == [key]


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("The army lost 36 tanks.", True),
        ("The army lost   36 tanks.", True),  # one gap is a typing slip, not a layout
        (r"The area is \frac{1}{2} of 36 tanks.", False),
        ("Year | Tanks | Losses 36", False),
        ("^ Smith wrote of 36 tanks.", False),
        ("Smith, John. The Tank War. ISBN 978-0-00-000000-0", False),
        ("Armenia   2,000   3,000 tanks", False),
        ("Armenia      2,000 tanks", False),
        ("Tanks 36", False),
    ],
)
def test_prose_is_told_from_formulas_tables_entries_and_fragments(text: str, prose: bool) -> None:
    assert judgeable(text) is prose


QUOTED = """== Early years ==
He was born in Beaumont.<ref>{{cite book |title=Life |last=Ball |year=1908}}</ref> Pearson is scathing about the account and states:<ref>{{cite journal |title=Laplace |last=Pearson |year=1929}}</ref>
<blockquote>Indeed Caen was the most active of the towns. It was here he wrote his first paper, two years before he went at 22 to Paris. He studied there for five years.</blockquote>

== References ==
{{reflist}}
"""


def test_every_statement_of_a_block_quotation_is_covered_by_its_introduction() -> None:
    assert findings(QUOTED, "CC101", "wikitext") == []
    uncited = QUOTED.replace("states:<ref>{{cite journal |title=Laplace |last=Pearson |year=1929}}</ref>", "states:")
    assert findings(uncited, "CC101", "wikitext")


LISTED = """The county is growing.<ref>{{cite web |title=Growth |publisher=Census Bureau}}</ref>

The Census Bureau identifies {count} unincorporated areas:
* West Laurel
* North Laurel
* South Laurel

== References ==
{{reflist}}
"""


@pytest.mark.parametrize(("count", "flagged"), [("three", False), ("two", True), ("four", True)])
def test_a_count_under_a_colon_is_spelled_out_only_by_as_many_items(count: str, flagged: bool) -> None:
    assert bool(findings(LISTED.format(count=count), "CC101", "wikitext")) == flagged


def test_a_data_cell_under_a_wikitext_header_row_still_reports() -> None:
    text = """{| class="wikitable"
 ! Pump type !! 35 °C (heated screed floor)
|-
| Ground source || 1,200 homes heated
|}

The pump is efficient.<ref>{{cite web |title=Heat pumps |publisher=Energy Saving Trust}}</ref>

== References ==
{{reflist}}
"""
    assert [f.message.split("'")[1] for f in findings(text, "CC101", "wikitext")] == ["1,200 homes"]


def test_the_elements_around_a_position_are_walked_out_from_the_innermost() -> None:
    from citecheck.rules.cc101_uncited_numeric_claim import _Elements

    # a frame holding two tables, the second holding a row; a table after the frame
    elements = _Elements([(0, 100), (10, 40), (50, 90), (55, 70), (120, 150)])
    assert list(elements.around(60)) == [(55, 70), (50, 90), (0, 100)]
    assert list(elements.around(45)) == [(0, 100)]  # past the first table, inside the frame
    assert list(elements.around(110)) == []
    assert list(elements.around(130)) == [(120, 150)]
    assert list(_Elements([(0, 100), (0, 50)]).around(30)) == [(0, 50), (0, 100)]  # a row opening its table


def test_boxes_that_overlap_are_taken_together() -> None:
    from citecheck.rules.cc101_uncited_numeric_claim import _merged_spans

    assert _merged_spans([(50, 60), (0, 100), (120, 130), (125, 140)]) == [(0, 100), (120, 140)]
    assert _merged_spans([(0, 10), (10, 20)]) == [(0, 10), (10, 20)]


def test_each_game_s_report_link_makes_its_own_row_a_box() -> None:
    from citecheck.parsers import parse
    from citecheck.rules.cc101_uncited_numeric_claim import _report_boxes

    rows = "".join(f'<tr><td>Game {k}</td><td>Attendance: 1{k},000</td>'
                   f'<td><a class="external text" href="http://x.example.com/{k}">Report</a></td></tr>' for k in (1, 2))
    source = f"<html><body><p>Results: Reports: <a class=\"external text\" href=\"http://x.example.com/all\">all</a>," \
             f" <a class=\"external text\" href=\"http://x.example.com/all2\">more</a></p><table>{rows}</table></body></html>"
    assert sorted(source[start:end][:20] for start, end in _report_boxes(parse(source, "html"))) == [
        "<tr><td>Game 1</td><", "<tr><td>Game 2</td><"]
    # a game whose links follow the label "Report(s):", before games with a "Report" link each
    labelled = ('<table><tr><td>Game 0<br />Report(s): <a class="external text" href="http://x.example.com/0">result</a>'
                f'</td></tr></table><table>{rows}</table>')
    assert sorted(labelled[start:end][:20] for start, end in _report_boxes(parse(labelled, "html"))) == [
        "<table><tr><td>Game ", "<tr><td>Game 1</td><", "<tr><td>Game 2</td><"]


def _statements(*rows: tuple[str, str, tuple[str, ...], int, bool]) -> list[Statement]:
    """Statements from (text, kind, section, paragraph, cited) rows."""
    statements = []
    for index, (text, kind, section, paragraph, cited) in enumerate(rows):
        citations = [Citation(str(index), Span(0, 1))] if cited else []
        statements.append(Statement(text, Span(0, 1), kind=kind, section=section, paragraph=paragraph,
                                    citations=citations, index=index))
    return statements


def test_the_layout_bounds_paragraphs_and_finds_the_citations_around_a_statement() -> None:
    statements = _statements(
        ("Lead with 3 cats.", "prose", (), 0, False),
        ("Cited.", "prose", (), 0, True),
        ("Figure 5 dogs.", "prose", ("A",), 1, False),
        ("A cell 7", "table", ("A",), 1, True),  # another kind in the paragraph
        ("More 8 birds.", "prose", ("A",), 1, False),
        ("End.", "prose", ("A",), 1, True),
        ("7", "table", ("A",), 2, False),
        ("Next 9 fish.", "prose", ("B",), 3, False),
    )
    layout = _Layout(statements)
    assert layout.starts == [0, 0, 2, 2, 2, 2, 6, 7]
    assert layout.ends == [1, 1, 5, 5, 5, 5, 6, 7]
    assert layout.previous_cited == [None, None, None, None, 3, 3, None, None]
    assert layout.next_cited[0] == 1
    assert layout.next_cited[2] is None  # the cell between ends the prose's run, and its citation is the cell's
    assert layout.next_cited[4] == 5
    assert layout.next_cited[3] is None and layout.next_cited[5] is None
    assert layout.prose_ends[:3] == [1, 1, 2] and layout.prose_ends[4] == 5 and layout.prose_ends[6] == 6
    assert layout.prose_ends[5] == 5  # the next section's prose is not this one's
    assert layout.cells_by_text == {"A cell 7": [3], "7": [6]}  # tables' cells only
    assert layout.next_cited_any == [1, None, 3, 5, 5, None, None, None]  # of any kind, in the paragraph


def test_the_layout_knows_where_a_paragraph_goes_back_to_its_study() -> None:
    statements = _statements(
        ("Smith[1] analysed 53 samples.", "prose", (), 0, True),
        ("Twelve were malignant.", "prose", (), 0, False),
        ("The study concluded that they were rare.", "prose", (), 0, False),
        ("Another paragraph.", "prose", (), 1, False),
    )
    assert _Layout(statements).back_to_study == [True, True, True, False]


def test_the_prose_above_a_table_reaches_two_paragraphs_at_most() -> None:
    rows = [(f"Paragraph {n} has {n} cats.", "prose", (), n, False) for n in range(3)]
    statements = _statements(*rows, ("1", "table", (), 3, False))
    assert _prose_end_above_table(statements, 1) == 2
    assert _prose_end_above_table(statements, 2) == 2
    assert _prose_end_above_table(statements, 0) is None

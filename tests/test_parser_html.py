"""The HTML parser: desktop and Parsoid markup, exact spans, references, tags, metadata."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.api import lint_text
from citecheck.parsers import detect_format
from citecheck.parsers.html import build_tree, parse

DESKTOP = """<!DOCTYPE html>
<html><head><title>Sample war - Wikipedia</title>
<script>var x = "<p>not text</p>";</script><style>.a{}</style></head>
<body>
<div id="mw-navigation">Main page Contents</div>
<h1 id="firstHeading">Sample war</h1>
<div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
<div role="note" class="hatnote">For other uses, see Sample (disambiguation).</div>
<table class="infobox vevent"><tbody>
<tr><th colspan="2">Sample war</th></tr>
<tr><th scope="row">Date</th><td>27 September 2020</td></tr>
<tr><th colspan="2">Casualties and losses</th></tr>
<tr><td>2,425 killed<sup id="cite_ref-mod_1-0" class="reference"><a href="#cite_note-mod-1">[1]</a></sup></td><td>2,783 killed</td></tr>
</tbody></table>
<p>The war killed 5,000&nbsp;people.<sup id="cite_ref-mod_1-1" class="reference"><a href="#cite_note-mod-1">[1]</a></sup> It ended in November.<sup class="noprint Inline-Template Template-Fact">[<i><a href="/wiki/Wikipedia:Citation_needed"><span title="This claim needs references to reliable sources. (October 2020)">citation needed</span></a></i>]</sup>
<p>Both sides reported 300 deaths,<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[2]</a></sup> and more were missing.<sup id="cite_ref-n_4-0" class="reference"><a href="#cite_note-n-4">[n 1]</a></sup>
<h2><span class="mw-headline" id="Losses">Losses</span><span class="mw-editsection">[<a href="/w/index.php?action=edit">edit</a>]</span></h2>
<div class="thumb tright"><div class="thumbinner"><img src="x.jpg"/><div class="legend"><span class="legend-color">&#160;</span>&#160;More than 20%</div><div class="thumbcaption"><div class="magnify"><a href="/wiki/File:X.jpg">enlarge</a></div>A destroyed tank in 2020.<sup id="cite_ref-5" class="reference"><a href="#cite_note-5">[3]</a></sup></div></div></div>
<ul><li>First item with 12 tanks.<li>Second item.<sup id="cite_ref-9" class="reference"><a href="#cite_note-99">[9]</a></sup></ul>
<table class="wikitable"><caption>Losses by year</caption>
<tr><th>Year</th><th>Killed</th></tr>
<tr><td>2020</td><td>1,200<sup id="cite_ref-3b" class="reference"><a href="#cite_note-3">[2]</a></sup></td></tr>
</table>
<table class="navbox"><tr><td>Wars of 2020 navigation<sup id="cite_ref-7" class="reference"><a href="#cite_note-7">[4]</a></sup></td></tr></table>
<h2><span class="mw-headline" id="References">References</span></h2>
<div class="reflist"><ol class="references">
<li id="cite_note-mod-1"><span class="mw-cite-backlink">^ <a href="#cite_ref-mod_1-0"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-mod_1-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text"><cite class="citation web"><a rel="nofollow" class="external text" href="https://mod.example.am/news/1">"Losses update"</a>. <i>Ministry of Defence</i>. 30 October 2020. Retrieved <span class="nowrap">31 October</span> 2020.</cite></span></li>
<li id="cite_note-3"><span class="mw-cite-backlink"><b><a href="#cite_ref-3">^</a></b></span> <span class="reference-text"><cite class="citation news">"Report". <i>Example Times</i>. 1 October 2020. <a rel="nofollow" class="external text" href="https://web.archive.org/web/20201002000000/https://times.example.com/r">Archived</a> from <a rel="nofollow" class="external text" href="https://times.example.com/r">the original</a> on 2 October 2020.</cite></span></li>
<li id="cite_note-5"><span class="mw-cite-backlink"><b><a href="#cite_ref-5">^</a></b></span> <span class="reference-text"><a rel="nofollow" class="external text" href="http://old.example.org/page">Old page</a><sup class="noprint Inline-Template"><span>[<i><a href="/wiki/Wikipedia:Link_rot"><span title="since November 2011">dead link</span></a></i>]</span></sup></span></li>
<li id="cite_note-7"><span class="mw-cite-backlink"><b><a href="#cite_ref-7">^</a></b></span> <span class="reference-text">Navigation source.</span></li>
</ol></div>
<h2><span class="mw-headline" id="Notes">Notes</span></h2>
<div class="reflist"><ol class="references">
<li id="cite_note-n-4"><span class="mw-cite-backlink"><b><a href="#cite_ref-n_4-0">^</a></b></span> <span class="reference-text">Figures vary.</span></li>
</ol></div>
<table class="navbox"><tr><td>Navigation links</td></tr></table>
</div></div>
<div id="footer"><ul id="footer-info"><li id="footer-info-lastmod">This page was last edited on 30 October 2020, at 11:35.</li></ul></div>
</body></html>
"""

PARSOID = """<!DOCTYPE html>
<html prefix="dc: http://purl.org/dc/terms/" about="http://en.wikipedia.org/wiki/Special:Redirect/revision/845493773"><head><meta charset="utf-8"/><meta property="mw:pageId" content="4269567"/><meta property="dc:modified" content="2018-06-12T04:32:17.000Z"/><title>Dog</title></head>
<body class="mw-content-ltr mw-parser-output"><section data-mw-section-id="0"><p id="mwAQ">The dog is a domesticated canid.<sup about="#mwt1" class="mw-ref" id="cite_ref-w_1-0" typeof="mw:Extension/ref" data-mw='{"name":"ref","attrs":{"name":"w"},"body":{"html":"a > b"}}'><a href="./Dog#cite_note-w-1"><span class="mw-reflink-text">[1]</span></a></sup> Dogs number 900 million,<sup about="#mwt2" class="mw-ref" id="cite_ref-40" typeof="mw:Extension/ref"><a href="./Dog#cite_note-40" data-mw-group="lower-alpha"><span class="mw-reflink-text">[lower-alpha 1]</span></a></sup> by one estimate.</p></section>
<section data-mw-section-id="1"><h2 id="Notes">Notes</h2>
<div class="mw-references-wrap"><ol class="mw-references references" data-mw-group="lower-alpha"><li about="#cite_note-40" id="cite_note-40"><a href="./Dog#cite_ref-40" rel="mw:referencedBy"><span class="mw-linkback-text">↑ </span></a> <span id="mw-reference-text-cite_note-40" class="mw-reference-text">An estimate.</span></li></ol></div></section>
<section data-mw-section-id="2"><h2 id="References">References</h2>
<div class="mw-references-wrap"><ol class="mw-references references"><li about="#cite_note-w-1" id="cite_note-w-1"><span rel="mw:referencedBy"><a href="./Dog#cite_ref-w_1-0"><span class="mw-linkback-text">1 </span></a><a href="./Dog#cite_ref-w_1-1"><span class="mw-linkback-text">2 </span></a></span> <span id="mw-reference-text-cite_note-w-1" class="mw-reference-text"><cite class="citation book">Wozencraft, W.C. (2005). <a rel="mw:ExtLink" class="external text" href="http://www.departments.example.edu/msw3">"Order Carnivora"</a>. Johns Hopkins University Press.</cite></span></li></ol></div></section>
</body></html>
"""


def test_detected_as_html() -> None:
    assert detect_format("page.html", DESKTOP) == "html"
    assert detect_format("-", PARSOID) == "html"


def test_desktop_metadata() -> None:
    doc = parse(DESKTOP, path="war.html")
    assert doc.format == "html"
    assert doc.title == "Sample war"
    assert doc.revision_date == date(2020, 10, 30)
    assert doc.revision_date_source == "metadata"


def test_chrome_is_not_content() -> None:
    doc = parse(DESKTOP)
    text = " ".join(s.text for s in doc.statements)
    for chrome in ("Main page", "For other uses", "not text", "edit", "enlarge", "Navigation links",
                   "navigation", "last edited", "Figures vary", "Losses update", "More than 20%"):
        assert chrome not in text, chrome


def test_statements_and_their_citations() -> None:
    doc = parse(DESKTOP)
    by_text = {s.text: s for s in doc.statements}
    first = by_text["The war killed 5,000 people."]
    assert [c.label for c in first.citations] == ["[1]"]
    assert first.section == () and first.kind == "prose"
    second = by_text["It ended in November."]
    assert second.citations == []
    assert [(t.kind, t.date) for t in second.tags] == [("citation-needed", "October 2020")]
    # The implied </p> closes the first paragraph: the next one starts a new paragraph index.
    third = by_text["Both sides reported 300 deaths, and more were missing."]
    assert third.paragraph != first.paragraph
    assert [c.label for c in third.citations] == ["[2]", "[n 1]"]
    assert "300 deaths" in third.citations[0].clause


def test_spans_point_into_the_source() -> None:
    doc = parse(DESKTOP)
    for stmt in doc.statements:
        for i, ch in enumerate(stmt.text):
            source_char = DESKTOP[stmt.offsets[i]]
            assert ch == source_char or ch == " " or source_char == "&", (stmt.text, i)
    for citation in doc.citations:
        chunk = DESKTOP[citation.span.start : citation.span.end]
        assert chunk.startswith("<sup") and chunk.endswith("</sup>")
    stmt = next(s for s in doc.statements if s.text.startswith("The war killed"))
    assert DESKTOP[stmt.span.start : stmt.span.end].startswith("The war killed 5,000&nbsp;people.")
    line, column = doc.position(stmt.span.start)
    assert DESKTOP.splitlines()[line - 1][column - 1 :].startswith("The war killed")


def test_infobox_rows_and_group_labels() -> None:
    doc = parse(DESKTOP)
    infobox = [s for s in doc.statements if s.kind == "infobox"]
    assert [(s.section, s.text) for s in infobox] == [
        (("Date",), "27 September 2020"),
        (("Casualties and losses",), "2,425 killed"),
        (("Casualties and losses",), "2,783 killed"),
    ]
    assert [c.label for c in infobox[1].citations] == ["[1]"]
    assert doc.metadata["infobox"] == {"Date": "27 September 2020",
                                       "Casualties and losses": "2,425 killed; 2,783 killed"}


def test_a_bulleted_infobox_row_keeps_its_label_and_belongs_to_the_row_above_without_a_bullet() -> None:
    """ "• September 2019 estimate" under the header row "Population" is the population's
    estimate, and "• Total" under the row "GDP (PPP)" the GDP's; a row without a bullet, and a
    bulleted row above any other, belong to none."""
    doc = parse("""<table class="infobox">
<tr class="mergedrow"><th scope="row">• Total</th><td>268,021 km2</td></tr>
<tr class="mergedtoprow"><th colspan="2">Population</th></tr>
<tr class="mergedrow"><th scope="row">• September 2019 estimate</th><td>4,933,210</td></tr>
<tr class="mergedtoprow"><th scope="row">GDP (PPP)</th><td>2018 estimate</td></tr>
<tr class="mergedrow"><th scope="row">• Total</th><td>$199 billion</td></tr>
<tr class="mergedtoprow"><th scope="row">Currency</th><td>New Zealand dollar</td></tr>
</table><p>New Zealand is an island country.</p>""")
    infobox = [(s.index, s.section, s.text) for s in doc.statements if s.kind == "infobox"]
    assert [(section, text) for _, section, text in infobox] == [
        (("Total",), "268,021 km2"), (("September 2019 estimate",), "4,933,210"), (("GDP (PPP)",), "2018 estimate"),
        (("Total",), "$199 billion"), (("Currency",), "New Zealand dollar")]
    assert doc.metadata["infobox_groups"] == {infobox[1][0]: "Population", infobox[3][0]: "GDP (PPP)"}


def test_infobox_duration_gives_the_revision_date() -> None:
    """A render without metadata: "– present (1 month and 3 days)" dates the revision."""
    doc = parse('<table class="infobox"><tr><th>Date</th><td>27 September 2020 – present '
                '(1 month and 3 days)</td></tr></table><p>Fighting continues.</p>')
    result = lint_text(doc.source, format="html", select=["CC1"])
    assert result.document.revision_date == date(2020, 10, 30)
    assert result.document.revision_date_source == "infobox-duration"


def test_captions_lists_tables_and_sections() -> None:
    doc = parse(DESKTOP)
    kinds = {(s.kind, s.text) for s in doc.statements}
    assert ("caption", "A destroyed tank in 2020.") in kinds
    assert ("list", "First item with 12 tanks.") in kinds
    assert ("list", "Second item.") in kinds
    assert ("caption", "Losses by year") in kinds
    assert ("table", "1,200") in kinds
    caption = next(s for s in doc.statements if s.text == "A destroyed tank in 2020.")
    assert caption.section == ("Losses",)


def test_references_from_the_list() -> None:
    doc = parse(DESKTOP)
    refs = {r.label: r for r in doc.references}
    assert set(refs) == {"[1]", "[2]", "[3]", "[4]", "[n 1]"}
    mod = refs["[1]"]
    assert mod.backlinks == 2
    assert mod.get("url") == "https://mod.example.am/news/1"
    assert mod.get("title") == "Losses update"
    assert mod.get("access_date") == "31 October 2020"
    assert mod.domain == "example.am"
    assert DESKTOP[mod.span.start : mod.span.end].startswith('<li id="cite_note-mod-1">')
    archived = refs["[2]"]
    assert archived.get("url") == "https://times.example.com/r"
    assert archived.get("archive_url").startswith("https://web.archive.org/web/20201002000000/")
    assert archived.has_webarchive and not archived.dead_link
    dead = refs["[3]"]
    assert dead.dead_link and dead.get("url_status") == "dead" and not dead.has_webarchive
    assert "dead link" not in dead.raw
    note = refs["[n 1]"]
    assert note.group == "n" and note.raw == "Figures vary."


def test_citation_links_and_undefined_keys() -> None:
    doc = parse(DESKTOP)
    by_label = {}
    for c in doc.citations:
        by_label.setdefault(c.label, []).append(c)
    assert len(by_label["[1]"]) == 2 and all(c.reference is not None for c in by_label["[1]"])
    # [9] points at a list item that does not exist: a citation with no reference (CC501).
    assert by_label["[9]"][0].reference is None
    # The navbox citation is still a use of [4], even though navbox text is not a statement.
    assert by_label["[4]"][0].reference is not None
    assert all(c.span.start < d.span.start for c, d in zip(doc.citations, doc.citations[1:]))


def test_parsoid_document() -> None:
    doc = parse(PARSOID)
    assert doc.title == "Dog"
    assert doc.revision_date == date(2018, 6, 12)
    assert doc.metadata["revision_id"] == "845493773"
    assert doc.metadata["page_id"] == "4269567"
    texts = [s.text for s in doc.statements]
    assert texts == ["The dog is a domesticated canid.", "Dogs number 900 million, by one estimate."]
    assert [c.label for c in doc.statements[1].citations] == ["[note a]"]
    refs = {r.label: r for r in doc.references}
    assert refs["[1]"].backlinks == 2
    assert refs["[1]"].get("url") == "http://www.departments.example.edu/msw3"
    assert refs["[note a]"].raw == "An estimate."
    assert doc.statements[0].citations[0].reference is refs["[1]"]


def test_render_comment_gives_the_revision() -> None:
    doc = parse("<!-- http%3A//en.wikipedia.org/wiki%3Faction%3Drender%26curid%3D1%26oldid%3D586249396 "
                "2014-06-10-23-04-50 -->\n<p>Text.</p>")
    assert doc.metadata["revision_id"] == "586249396"
    assert doc.revision_date is None  # the save time is not the revision's date
    assert parse(DESKTOP).metadata.get("revision_id") is None


def test_fragment_without_body() -> None:
    """action=render output is a bare fragment: the whole document is content."""
    doc = parse('<p>Alpha beta 12 units.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>'
                '<ol class="references"><li id="cite_note-1"><span class="reference-text">Src.</span></li></ol>')
    assert [s.text for s in doc.statements] == ["Alpha beta 12 units."]
    assert doc.statements[0].citations[0].reference is doc.references[0]


def test_percent_encoded_note_target() -> None:
    doc = parse('<p>Text.<sup class="reference"><a href="#cite_note-Mead_183%E2%80%93186-1">[1]</a></sup></p>'
                '<ol class="references"><li id="cite_note-Mead_183–186-1"><span class="reference-text">Mead.</span></li></ol>')
    assert doc.citations[0].reference is doc.references[0]


def test_entities_and_attribute_angle_brackets() -> None:
    source = "<p data-mw='{\"a\":\"<b>\"}'>Fish &amp; chips cost &#163;5.</p>"
    doc = parse(source)
    [stmt] = doc.statements
    assert stmt.text == "Fish & chips cost £5."
    assert source[stmt.offsets[stmt.text.index("&")]] == "&"
    assert source[stmt.offsets[stmt.text.index("£")] :].startswith("&#163;")


def test_unclosed_and_stray_tags_do_not_lose_text() -> None:
    doc = parse("<div><p>One. <b>Two</i> three.</div></span><p>Four < five.")
    assert [s.text for s in doc.statements] == ["One.", "Two three.", "Four < five."]


def test_a_start_tag_with_a_quote_or_a_bracket_never_closed_ends_at_its_bracket_or_the_text() -> None:
    """A quote left open in a tag ends at the tag's ">"; a tag with no ">" at all takes the rest
    of the text, so the tags after it are not each read to the end again (40,000 "<table " took
    seconds)."""
    doc = parse('<p title="x>The raid killed 12 people.</p>')
    assert [s.text for s in doc.statements] == ["The raid killed 12 people."]
    root, _, _ = build_tree("<p>The raid killed 12 people.</p>" + "<table " * 3)
    body = [el.tag for el in root.iter()]
    assert body == ["#document", "p", "table"]


def test_suppression_comments() -> None:
    source = ('<p>The raid killed 40 people.</p><!-- citecheck: ignore=CC101 reason="in the infobox" -->'
              '<p>The siege killed 70 people.</p>'
              '<p>Nothing numeric here.</p><!-- citecheck: ignore=CC101 -->')
    doc = parse(source)
    [first, second] = doc.suppressions
    assert first.codes == ("CC101",) and first.reason == "in the infobox"
    assert source[first.applies_to.start :].startswith("The raid killed 40")
    result = lint_text(source, format="html", select=["CC101", "CC902"])
    flagged = {(f.code, f.excerpt) for f in result.findings}
    assert ("CC101", "The raid killed 40 people.") not in flagged
    assert ("CC101", "The siege killed 70 people.") in flagged
    assert any(code == "CC902" for code, _ in flagged)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"'&;#ab pli!-x1\n")), max_size=80))
def test_tree_text_points_into_source(source: str) -> None:
    root, _, _ = build_tree(source)
    for el in root.iter():
        assert 0 <= el.start <= len(source)
        for child in el.children:
            if not hasattr(child, "tag") and child.raw:
                assert source[child.start : child.start + len(child.text)] == child.text
    parse(source)  # never raises


def test_cli_reads_html_by_extension_content_and_flag(tmp_path) -> None:
    import json

    from click.testing import CliRunner

    from citecheck.cli import main

    saved = tmp_path / "saved-page.txt"  # an HTML save with the wrong extension
    saved.write_text(DESKTOP, encoding="utf-8")
    fragment = tmp_path / "fragment.txt"  # action=render output: starts with a comment and a table
    fragment.write_text("<!-- saved -->\n" + DESKTOP[DESKTOP.index('<table class="infobox'):], encoding="utf-8")
    forced = tmp_path / "forced.txt"
    forced.write_text("<b>Bold</b> text with 12 units.", encoding="utf-8")
    for path, extra in ((saved, []), (fragment, []), (forced, ["--input-format", "html"])):
        result = CliRunner().invoke(main, ["check", str(path), "--format", "json", *extra])
        assert result.exit_code in (0, 1), result.stderr
        assert json.loads(result.stdout)["files"][0]["format"] == "html"


@pytest.mark.parametrize("tags", ["div", "span", "li", "ul", "td", "sup", "a", "p", "blockquote",
                                  "table><tr><td", "ol><li", "dl><dd"])
def test_nesting_deeper_than_any_page_keeps_the_text(tags: str) -> None:
    """329 nested <div>s overflowed Python's stack in the recursive walks; elements past the
    depth limit are dropped and their text is kept by the deepest kept ancestor."""
    depth = 2000
    opener = f"<{tags}>"
    closer = "".join(f"</{tag}>" for tag in reversed(tags.split("><")))
    text = ('<html><body><div class="mw-parser-output"><p>Before.</p>' + opener * depth
            + "The raid killed 12 people." + closer * depth + "<p>After 3 days.</p></div></body></html>")
    doc = parse(text)
    statements = [s.text for s in doc.statements]
    assert any("After 3 days" in s for s in statements), statements
    if not tags.startswith("table"):  # text left directly in a <table> or <tr> is not read
        assert any("raid killed 12" in s for s in statements), statements
    for statement in doc.statements:
        assert text[statement.span.start:statement.span.end].count("<") < 2 * depth + 10


def test_end_tags_of_dropped_elements_close_nothing_else() -> None:
    """The end tags of elements dropped for depth are matched to them, not to outer elements."""
    depth = 400
    text = ("<html><body><section><p>Inside 1 section.</p>" + "<div>" * depth + "deep" + "</div>" * depth
            + "<p>Still inside 2 sections.</p></section><p>Outside.</p></body></html>")
    root, _, _ = build_tree(text)
    section = root.find(lambda el: el.tag == "section")
    assert section is not None and text[section.start:section.end].endswith("</section>")
    assert "Still inside" in section.text() and "Outside" not in section.text()


def test_the_cells_of_a_table_row_make_one_paragraph() -> None:
    doc = parse('<table class="wikitable"><tr><th>Model</th><th>Made<sup class="reference">'
                '<a href="#cite_note-1">[1]</a></sup></th></tr><tr><td>Army</td><td>1,900</td></tr>'
                '<tr><td>Navy <table><tr><td>inner</td></tr></table></td><td>2,000</td></tr></table>'
                '<p>After.</p><ol class="references"><li id="cite_note-1">Book.</li></ol>')
    cells = {s.text: s.paragraph for s in doc.statements}
    assert cells["Model"] == cells["Made"] != cells["Army"] == cells["1,900"]
    assert len({cells["Army"], cells["Navy"], cells["inner"], cells["After."]}) == 4
    assert cells["Navy"] == cells["2,000"]


def test_a_list_or_paragraph_inside_a_cell_stays_in_its_row() -> None:
    doc = parse('<table class="wikitable"><tr><td>Cemetery, Range 29<p>38°52′57″N</p></td>'
                '<td><ul><li>chose the motto</li><li>organized a curriculum</li></ul></td><td>Marble</td></tr>'
                '<tr><td>Next</td></tr></table><p>After.</p>')
    cells = {s.text: s.paragraph for s in doc.statements}
    row = {cells[text] for text in ("Cemetery, Range 29", "38°52′57″N", "chose the motto",
                                    "organized a curriculum", "Marble")}
    assert len(row) == 1 and cells["Next"] not in row and cells["After."] not in row | {cells["Next"]}


def test_a_page_locator_after_a_marker_is_no_text() -> None:
    doc = parse('<p>It differs in several dimensions:<sup class="reference"><a href="#cite_note-1">[1]</a></sup>'
                '<sup class="reference" style="white-space:nowrap;">:23–24</sup></p>'
                '<ol class="references"><li id="cite_note-1">Book.</li></ol>')
    assert [(s.text, len(s.citations)) for s in doc.statements] == [("It differs in several dimensions:", 1)]


def test_a_table_cited_in_its_header_row_covers_its_cells() -> None:
    page = ('<p>The models:</p><table class="wikitable"><tr><th>Model</th><th>Made{}</th></tr>'
            '<tr><td>Army</td><td>about 1,900 revolvers made</td></tr></table><p>Cited.{}</p>'
            '<ol class="references"><li id="cite_note-1">Book.</li></ol>')
    marker = '<sup class="reference"><a href="#cite_note-1">[1]</a></sup>'
    assert not lint_text(page.format(marker, ""), "html", select=["CC101"]).findings
    assert len(lint_text(page.format("", marker), "html", select=["CC101"]).findings) == 1


def test_a_footnotes_mark_opening_its_line_is_no_part_of_its_text() -> None:
    doc = parse("<html><body><dl><dd><i><sup>1</sup> Non-points paying, exhibition race</i></dd></dl>"
                "<p>Water boils at 100<sup>2</sup> degrees. <sup>2</sup>H is deuterium.</p></body></html>")
    texts = [s.text for s in doc.statements]
    assert texts[0] == "Non-points paying, exhibition race"
    assert texts[1:] == ["Water boils at 1002 degrees.", "2H is deuterium."]  # inside a line it stays


def test_a_footnotes_mark_after_a_line_break_is_no_part_of_its_text() -> None:
    doc = parse("<html><body><p><small>† First appointed to the seat<br />\n<sup>1</sup> Ralph Caputo served "
                "from 1968–1972<br /><sup>2</sup> Sean Kean served from 2002–2008. The area is 5 km<sup>2</sup>."
                " Held by <i>Smith</i><sup>3</sup> since 2001.</small></p></body></html>")
    assert " ".join(s.text for s in doc.statements) == (
        "† First appointed to the seat Ralph Caputo served from 1968–1972 Sean Kean served from 2002–2008. "
        "The area is 5 km2. Held by Smith3 since 2001.")  # a mark inside a line stays


def test_text_hidden_by_its_style_is_no_part_of_the_page() -> None:
    doc = parse('<html><body><table><tr><td>Final</td><td><span style="visibility: hidden; color:transparent;">0</span>'
                '<br />Dolan 2, Heydon</td></tr></table><p>It drew <span style="display:none">sortkey 9</span>'
                '1,200 people.<span style="color:transparent">7</span></p><p>The club <span style="visibility:hidden">'
                '<span style="visibility:visible">sold 12,000 tickets</span></span> in 2001.</p></body></html>')
    assert [s.text for s in doc.statements] == ["Final", "Dolan 2, Heydon", "It drew 1,200 people.7",
                                                "The club sold 12,000 tickets in 2001."]


def test_text_the_sites_style_sheet_hides_is_no_part_of_the_page() -> None:
    """{{sortname}} and {{dts}} print the key a table sorts by in a span the wiki's style sheet
    hides: "Watson, Tom" before "Tom Watson", "2013-06-01" before "1 June 2013". So are a
    citation's maintenance notes and hidden errors, the link it prints only on paper, and the
    coordinates' other notation."""
    doc = parse('<html><body><table><tr><th scope="row"><span class="sortkey">Watson, Tom</span>'
                '<span class="vcard"><a href="/wiki/Tom_Watson">Tom Watson</a></span></th>'
                '<td><span class="sortkey">2013-06-01</span>1 June 2013</td><td><span class="sortkeys">8</span></td>'
                '</tr></table><p>The crater, at <span class="geo-default">48°30′N 82°00′E</span>'
                '<span class="geo-nondefault">48.5°N 82°E</span>, is 8 km wide.<sup class="reference">'
                '<a href="#cite_note-1">[1]</a></sup></p><ol class="references"><li id="cite_note-1">'
                '<span class="reference-text">"Archived copy". Archived from the original on 8 February 2013.'
                '<span class="cs1-maint citation-comment">CS1 maint: archived copy as title (link)</span>'
                '<span class="cs1-hidden-error citation-comment">Check date values</span>'
                '<span class="printonly">. http://www.nap.edu/record</span></span></li></ol></body></html>')
    assert [s.text for s in doc.statements] == ["Tom Watson", "1 June 2013", "8",
                                                "The crater, at 48°30′N 82°00′E, is 8 km wide."]
    assert doc.references[0].raw == '"Archived copy". Archived from the original on 8 February 2013.'


def test_a_superscript_of_several_footnote_marks_is_no_part_of_its_text() -> None:
    doc = parse("<html><body><table><tr><td>AAA-100 to RHZ-999<sup>1, 2, 5</sup></td></tr></table>"
                "<p>The area is 10<sup>3</sup> km<sup>2</sup>.</p></body></html>")
    assert [s.text for s in doc.statements] == ["AAA-100 to RHZ-999", "The area is 103 km2."]


def test_markers_alone_under_a_heading_source_the_table_after_them() -> None:
    page = ('<html><body><h2>Coverage</h2><p>It is broadcast live.{}</p><h3>Viewing figures</h3>'
            '<p><sup class="reference"><a href="#cite_note-7">[7]</a></sup></p>'
            '<table><tr><th>Year</th><th>Viewers</th></tr><tr><td>2008</td><td>211.000 (compilation)</td></tr></table>'
            '<ol class="references"><li id="cite_note-7">Ratings.</li><li id="cite_note-6">Sky.</li></ol></body></html>')
    doc = parse(page.format('<sup class="reference"><a href="#cite_note-6">[6]</a></sup>'))
    assert [(s.text, len(s.citations)) for s in doc.statements][:3] == [
        ("It is broadcast live.", 1), ("Year", 1), ("Viewers", 0)]
    assert not lint_text(page.format(""), "html", select=["CC101"]).findings


def _mark(n: int) -> str:
    return f'<sup class="reference"><a href="#cite_note-{n}">[{n}]</a></sup>'


@pytest.mark.parametrize("after", ["", "<h2>C</h2><p>The bridge is 50 metres long.</p>"])
def test_markers_under_a_heading_that_nothing_in_their_section_follows_cite_the_statement_before(
        after: str) -> None:
    page = (f"<html><body><h2>A</h2><p>The tower is 40 metres tall.{_mark(2)}</p><h2>B</h2><p>{_mark(1)}</p>"
            f'{after}<ol class="references"><li id="cite_note-1">A.</li><li id="cite_note-2">B.</li></ol></body></html>')
    cited = {s.text: [c.key for c in s.citations] for s in parse(page).statements}
    assert cited["The tower is 40 metres tall."] == ["2", "1"]
    assert cited.get("The bridge is 50 metres long.", []) == []


def test_markers_under_a_box_past_an_empty_paragraph_cite_the_box_not_the_next_section() -> None:
    box = ('<table class="infobox"><tr><th>Attendance</th><td>{}</td></tr><tr><th colspan="2">Scoring summary</th></tr>'
           '<tr><td>{}</td><td>7</td></tr></table>')
    page = (f'<html><body><h3>Purdue</h3>{box.format("87,707", "Ohio St 46-0")}<p>{_mark(2)}</p><p><br /><br /></p>'
            f'<h3>Illinois</h3>{box.format("66,973", "Ohio St 35-0")}'
            '<ol class="references"><li id="cite_note-2">Report.</li></ol></body></html>')
    cited = {s.text: [c.key for c in s.citations] for s in parse(page).statements if s.citations}
    assert cited == {"7": ["2"]}  # the last cell of the Purdue box, not the Illinois box's first


def test_markers_under_a_box_before_more_text_of_its_section_cite_the_box() -> None:
    page = ('<html><body><h3>Week 3</h3><table class="infobox"><tr><th>Weather</th><td>60°F</td></tr>'
            '<tr><th colspan="2">Scoring summary</th></tr><tr><td>Buffalo 20-14</td><td>7</td></tr></table>'
            f'<p>{_mark(10)}</p><p>Buffalo won its first game.</p>'
            '<ol class="references"><li id="cite_note-10">Box score.</li></ol></body></html>')
    cited = {s.text: [c.key for c in s.citations] for s in parse(page).statements if s.citations}
    assert cited == {"7": ["10"]}  # the box's last cell, not the sentence after it


ARCHIVED_ENTRY = (
    '<html><body><p>She debuted in 2004.<sup class="reference"><a href="#cite_note-3">[1]</a></sup></p>'
    '<ol class="references"><li id="cite_note-3"><span class="mw-cite-backlink"><a href="#cite_ref-3">^</a></span> '
    '<span class="reference-text"><span class="citation web">'
    '<a rel="nofollow" class="external text" href="http://web.archive.org/web/20100118201715/'
    'http://homepage3.nifty.com/kurokami/years/years_2004.htm">"2004"</a> (in Japanese). '
    '<a rel="nofollow" class="external text" href="http://homepage3.nifty.com/kurokami/index.html">AV Research '
    'Laboratory</a>. Archived from <a rel="nofollow" class="external text" '
    'href="http://homepage3.nifty.com/kurokami/years/years_2004.htm">{label}</a> on 2010-01-18.</span></span></li></ol>'
    '</body></html>'
)


def test_an_archived_citations_url_is_the_page_it_calls_the_original() -> None:
    # The title links to the archive, the publisher to its home page, "the original" to the page.
    result = lint_text(ARCHIVED_ENTRY.format(label="the original"), "html")
    [ref] = result.document.references
    assert ref.get("url") == "http://homepage3.nifty.com/kurokami/years/years_2004.htm"
    assert not [f for f in result.findings if f.code == "CC302"]


def test_without_an_original_link_an_archived_citations_url_is_its_first_other_link() -> None:
    doc = parse(ARCHIVED_ENTRY.format(label="a copy"))
    assert doc.references[0].get("url") == "http://homepage3.nifty.com/kurokami/index.html"


def test_text_after_a_paragraph_of_an_infobox_cell_keeps_the_row_label() -> None:
    page = ('<table class="infobox"><tr><th colspan="2">Service record{}</th></tr>'
            '<tr><th>Victories:</th><td><p>one warship sunk</p>(1,060 GRT)<br />one ship damaged (5,917 GRT)</td></tr>'
            '</table><ol class="references"><li id="cite_note-1">Book.</li></ol>')
    marker = '<sup class="reference"><a href="#cite_note-1">[1]</a></sup>'
    doc = parse(page.format(marker))
    values = [(s.section, s.text) for s in doc.statements if s.kind == "infobox" and s.section]
    assert values == [(("Victories",), "one warship sunk"), (("Victories",), "(1,060 GRT) one ship damaged (5,917 GRT)")]
    assert not lint_text(page.format(marker), "html", select=["CC101"]).findings  # the cited header covers both
    assert len(lint_text(page.format(""), "html", select=["CC101"]).findings) == 1


def test_an_infobox_row_of_two_data_cells_is_labelled_by_a_first_cell_ending_in_a_colon_or_all_in_bold() -> None:
    page = ('<table class="infobox"><tr><th colspan="2">Biathlon</th></tr>'
            '<tr><td>Class:</td><td>Mammalia</td></tr>'
            '<tr><td> <b>Events</b>\n</td><td>12 (men: 6; women: 6)</td></tr>'
            '<tr><td><strong>Venues</strong></td><td>3</td></tr>'
            '<tr><td><b>Best</b> of all</td><td>12 teams</td></tr></table>')
    values = [(s.section, s.text) for s in parse(page).statements if s.kind == "infobox"]
    assert values == [(("Class",), "Mammalia"), (("Events",), "12 (men: 6; women: 6)"), (("Venues",), "3"),
                      (("Biathlon",), "Best of all"), (("Biathlon",), "12 teams")]  # bold and plain: no label
    sides = ('<table class="infobox"><tr><th colspan="2">Casualties and losses</th></tr>'
             '<tr><td><b>4,000 killed, 2,000 wounded</b></td><td>1,500 killed</td></tr>'
             '<tr><td><b>The commanders of both sides</b></td><td>Smith</td></tr></table>')
    assert [(s.section, s.text) for s in parse(sides).statements if s.kind == "infobox"] == [
        (("Casualties and losses",), "4,000 killed, 2,000 wounded"), (("Casualties and losses",), "1,500 killed"),
        (("Casualties and losses",), "The commanders of both sides"), (("Casualties and losses",), "Smith")]


def test_the_bibliography_holds_the_lists_of_its_sub_headings_until_the_next_section() -> None:
    page = """<html><body><div class="mw-parser-output"><p>Text.</p>
<h2>Bibliography</h2><h3>Books</h3><ul><li>Miller, John. James II (2000).</li></ul>
<h3>Articles</h3><ul><li>Smith, Ann. "The King". History Today (1999).</li></ul>
<h2>External links</h2><ul><li>Official site</li></ul></div></body></html>"""
    assert parse(page).metadata["bibliography"] == ["Miller, John. James II (2000).",
                                                    'Smith, Ann. "The King". History Today (1999).']


def test_a_navbox_after_the_bibliography_lends_it_nothing() -> None:
    page = """<html><body><div class="mw-parser-output"><p>Text.</p>
<h2>Sources</h2><ul><li>Supreme Council. Constitution of the Sakha Republic (1992).</li></ul>
<table class="navbox"><tr><td><ul><li>v</li><li>Aldan</li><li>Lensk</li></ul></td></tr></table></div></body></html>"""
    assert parse(page).metadata["bibliography"] == ["Supreme Council. Constitution of the Sakha Republic (1992)."]


def test_a_references_section_lends_the_bibliography_only_its_dated_works() -> None:
    page = """<html><body><div class="mw-parser-output"><p>Text.</p>
<h2>References</h2><ul><li>Podnieks, Andrew: Lord Stanley Cup, Fenn Publishing, 2004</li>
<li>Official site of the club</li></ul>
<table class="navbox"><tr><td><ul><li>1961: Rice</li></ul></td></tr></table></div></body></html>"""
    assert parse(page).metadata["bibliography"] == ["Podnieks, Andrew: Lord Stanley Cup, Fenn Publishing, 2004"]


def test_general_references_are_the_works_under_the_general_label_up_to_the_next_label() -> None:
    page = """<html><body><div class="mw-parser-output"><p>Text.</p>
<h2>References</h2><dl><dt>General</dt></dl>
<p><span class="citation web">"Team History". Baseball-Reference.</span></p>
<div class="refbegin"><ul><li>Bailey, Steve (1997). The Definitive Luton Town F.C.<ul><li>Reprinted 2001.</li></ul></li></ul></div>
<dl><dt>Specific</dt></dl><ul><li>Smith, John. A Book (2001).</li></ul></div></body></html>"""
    assert parse(page).metadata["general_references"] == ['"Team History". Baseball-Reference.',
                                                          "Bailey, Steve (1997). The Definitive Luton Town F.C.Reprinted 2001."]


def test_general_references_end_at_a_navbox_or_heading_and_a_page_without_them_has_none() -> None:
    page = """<html><body><div class="mw-parser-output"><p>Text.</p>
<h2>References</h2><dl><dt>General references</dt></dl><ul><li>"Roster". hockeyDB.com.</li></ul>
<table class="navbox"><tr><td><ul><li>1961: Rice</li></ul></td></tr></table><ul><li>Stray item</li></ul>
<h2>Other</h2><ul><li>Not a reference</li></ul></div></body></html>"""
    assert parse(page).metadata["general_references"] == ['"Roster". hockeyDB.com.']
    assert "general_references" not in parse(page.replace("<dt>General references</dt>", "<dt>Notes</dt>")).metadata
    assert parse(page.replace("<dl><dt>General references</dt></dl>", "<h3>General references</h3>")).metadata[
        "general_references"] == ['"Roster". hockeyDB.com.']
    assert "general_references" not in parse(page.replace("<dl><dt>General references</dt></dl>", "<h3>General</h3>")).metadata
    glossary = page.replace("<h2>References</h2>", "<h2>Equipment</h2>")  # a glossary's term in the body
    assert "general_references" not in parse(glossary).metadata


def test_a_general_label_in_bold_opens_the_general_references_up_to_the_next_bold_label() -> None:
    page = """<html><body><div class="mw-parser-output"><p>Text.</p>
<h2>References</h2><p><b>General</b></p><ul><li>"Masters Champions". Masters.</li></ul>
<p><b>Specific</b></p><ol class="references"><li>Harig, Bob (2008). "Tiger". ESPN.</li></ol></div></body></html>"""
    assert parse(page).metadata["general_references"] == ['"Masters Champions". Masters.']
    # A bold paragraph that says more than a label, or one in the body, opens no list of works.
    assert "general_references" not in parse(page.replace("<b>General</b>", "<b>General</b> works of 1999")).metadata
    assert "general_references" not in parse(page.replace("<h2>References</h2>", "<h2>Equipment</h2>")).metadata
    resources = page.replace("<h2>References</h2>", "<h2>Water resources</h2>")  # "resources" names no sources
    assert "general_references" not in parse(resources).metadata


def test_a_bibliographys_own_references_sub_heading_keeps_it_whole() -> None:
    page = """<html><body><div class="mw-parser-output"><p>Text.</p>
<h2>Bibliography</h2><h3>Books</h3><ul><li>Smith, John. A Book. Penguin.</li></ul>
<h3>References</h3><ul><li>Jones, Ann. Another Book. Penguin.</li></ul>
<h3>Articles</h3><ul><li>Brown, Bob. "An article". Journal.</li></ul></div></body></html>"""
    assert parse(page).metadata["bibliography"] == ["Smith, John. A Book. Penguin.", "Jones, Ann. Another Book. Penguin.",
                                                    'Brown, Bob. "An article". Journal.']


def test_a_refbegin_left_open_ends_at_the_next_section_and_its_reference_list_is_read() -> None:
    page = """<html><body><div class="mw-parser-output">
<p>It sold 350,000 copies.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<h2>Notes</h2><div class="refbegin"><ul><li>Smith, John. A Book (2001).</li></ul>
<h2>References</h2><div class="reflist"><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">"Sales". Billboard. 2013.</span></li>
</ol></div>
<ul><li>Podnieks, Andrew: Lord Stanley Cup, Fenn Publishing, 2004</li></ul>
<div class="refbegin"><ul><li>Jones, Ann. Another Book. Penguin.</li></ul></div>
<div class="mw-heading mw-heading2"><h2>Later</h2></div><p>The band toured for 20 weeks.</p>
</div></div></body></html>"""
    doc = parse(page)
    assert [ref.key for ref in doc.references] == ["1"]
    assert doc.citations[0].reference is doc.references[0]
    assert doc.metadata["bibliography"] == ["Smith, John. A Book (2001).",
                                            "Podnieks, Andrew: Lord Stanley Cup, Fenn Publishing, 2004",
                                            "Jones, Ann. Another Book. Penguin."]
    later = next(s for s in doc.statements if "20 weeks" in s.text)
    assert later.section == ("Later",)
    assert not any("Smith, John" in s.text or "Jones, Ann" in s.text for s in doc.statements)


def test_a_refbegin_left_open_in_the_lead_ends_at_the_first_section_in_a_new_style_heading_box() -> None:
    page = """<html><body><h1 id="firstHeading">Meek Mill discography</h1><div class="mw-parser-output"><p>It sold well.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<div class="refbegin"><ul><li>Smith, John. A Book (2001).</li></ul>
<div class="mw-heading mw-heading2"><h2>References</h2></div><ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">"Sales". Billboard. 2013.</span></li>
</ol></div></body></html>"""
    doc = parse(page)
    assert [ref.key for ref in doc.references] == ["1"]


def test_a_refbegin_keeps_its_own_sub_headings_and_stays_out_of_the_text() -> None:
    page = """<html><body><div class="mw-parser-output"><p>Text.</p>
<h2>Publications</h2><div class="refbegin"><h3>Books</h3><ul><li>Miller, John. The 450 ships of the fleet, 2000.</li></ul>
<h3>Articles</h3><ul><li>Smith, Ann. "The King". History Today (1999).</li></ul></div>
<h2>Further reading</h2><div class="refbegin"><ul><li>Smith, John. A Book with 300 pages (2001).</li></ul></div>
<h2>Later</h2><p>The band toured for 20 weeks.</p></div></body></html>"""
    doc = parse(page)
    assert doc.metadata["bibliography"] == ["Miller, John. The 450 ships of the fleet, 2000.",
                                            'Smith, Ann. "The King". History Today (1999).',
                                            "Smith, John. A Book with 300 pages (2001)."]
    assert not any("450 ships" in s.text or "300 pages" in s.text for s in doc.statements)
    assert any("20 weeks" in s.text for s in doc.statements)


def test_a_reference_text_that_broken_markup_nests_in_its_backlink_is_read_but_hidden_text_is_not() -> None:
    page = """<html><body><div class="mw-parser-output">
<p>Punctuation marks the pauses.<sup class="reference"><a href="#cite_note-1">[1]</a></sup>
Its rules vary.<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>
<ol class="references">
<li id="cite_note-1"><span class="mw-cite-backlink">'<i><a href="#cite_ref-1">^</a></i> <b><span class="reference-text"><b>Oxford English Dictionary</b>, definition 2a.</span></b></span></li>
<li id="cite_note-2"><span class="mw-cite-backlink"><b><a href="#cite_ref-2">^</a></b></span> <span class="reference-text">Truss, Lynne (2003). <i>Eats, Shoots &amp; Leaves</i>. Profile Books.<span style="display:none"><span class="reference-text">HIDDEN</span></span></span></li>
</ol></div></body></html>"""
    doc = parse(page)
    assert [ref.raw.strip() for ref in doc.references] == [
        "Oxford English Dictionary, definition 2a.", "Truss, Lynne (2003). Eats, Shoots & Leaves. Profile Books."]


OFFLINE = """<html><head><meta charset="UTF-8"><title>Song</title></head>
<body class="mw-body mw-body-content mediawiki"><div id="content" class="mw-body"><h1 id="titleHeading">Song</h1>
<div id="mw-content-text">
<p>The song sold 2,000 copies.<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup> It was recorded live.<sup id="mwRw">tracks 1-10 at Newport</sup><sup id="cite_ref-9">[9]</sup></p>
<p>The band recorded the song in London with a string section, and the single came out in the summer in a picture sleeve that showed the band at work in the studio, which the label later printed again for a reissue.</p>
<h2 id="References">References</h2>
<ol class="references"><li id="cite_note-1"><span><a href="#cite_ref-1">↑</a></span> <span id="mw-reference-text-cite_note-1" class="mw-reference-text"><span class="citation news">Stanley, Bob (20 September 2007). <a href="http://www.example.co.uk/pop" class="external">"Pop"</a>. <i>The Guardian</i>.</span></span></li></ol>
<div><div style="clear:both;">This article is issued from <a class="external text" href="http://en.wikipedia.org/wiki/Song?oldid=665015295">Wikipedia</a> - version of the Monday, June 01, 2015. The text is available under the <a href="http://creativecommons.org/licenses/by-sa/3.0/">Creative Commons Attribution/Share Alike</a>.</div></div>
</div></div></body></html>
"""


def test_an_offline_copy_keeps_markers_by_their_id_and_names_its_revision_in_a_closing_notice() -> None:
    doc = parse(OFFLINE)
    assert [(c.key, c.reference is not None) for c in doc.citations] == [("1", True)]
    assert doc.statements[0].text == "The song sold 2,000 copies."
    assert not any("issued from" in s.text for s in doc.statements)
    assert (doc.revision_date, doc.revision_date_source) == (date(2015, 6, 1), "metadata")
    assert doc.metadata["revision_id"] == "665015295"


def test_a_later_offline_copy_prints_markers_as_spans_and_dates_its_revision_in_the_notices_link() -> None:
    later = OFFLINE.replace('<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup>',
                            '<span class="mw-ref" id="cite_ref-1"><a href="#cite_note-1">'
                            '<span class="mw-reflink-text">[1]</span></a></span>')
    later = later.replace('This article is issued from <a class="external text" href="http://en.wikipedia.org/wiki/Song?'
                          'oldid=665015295">Wikipedia</a> - version of the Monday, June 01, 2015.',
                          '\n    This article is issued from\n    <a class="external text" title="last edited on 2018-02-10" '
                          'href="https://en.wikipedia.org/wiki/Song?oldid=824961458">Wikipedia</a>.')
    doc = parse(later)
    assert [(c.key, c.reference is not None) for c in doc.citations] == [("1", True)]
    assert doc.statements[0].text == "The song sold 2,000 copies."
    assert (doc.revision_date, doc.metadata["revision_id"]) == (date(2018, 2, 10), "824961458")
    assert not any("issued from" in s.text for s in doc.statements)
    assert parse(later.replace("2018-02-10", "2018-02-30")).revision_date_source != "metadata"


@pytest.mark.parametrize("notice, day", [
    ('This article is issued from <a href="http://en.wikipedia.org/wiki/Song?oldid=7">Wikipedia</a> - version of the '
     '11/28/2016.', date(2016, 11, 28)),
    ('This article is issued from <a href="https://en.wikipedia.org/wiki/Song?oldid=7">Wikipedia</a> - last edited on '
     '11/28/2017.', date(2017, 11, 28)),
    ('This article is issued from <a title="Last edited on 2019-02-10" href="https://en.wikipedia.org/wiki/Song?oldid=7">'
     'Wikipedia</a>.', date(2019, 2, 10)),
    ('This page is issued from <a title="last edited on 2024-05-01" href="https://en.wikipedia.org/wiki/Song?oldid=7">'
     'Wikipedia</a>.', date(2024, 5, 1)),
])
def test_every_form_of_an_offline_notice_names_its_revision(notice: str, day: date) -> None:
    start = OFFLINE.index("This article is issued from")
    end = OFFLINE.index("</div></div>", start)
    doc = parse(OFFLINE[:start] + notice + OFFLINE[end:])
    assert (doc.revision_date, doc.metadata["revision_id"]) == (day, "7")
    assert not any("issued from" in s.text for s in doc.statements)


def test_an_offline_notice_gives_way_to_the_pages_own_metadata() -> None:
    dated = OFFLINE.replace("<head>", '<head><meta property="dc:modified" content="2015-05-30T10:00:00Z"/>')
    assert parse(dated).revision_date == date(2015, 5, 30)


@pytest.mark.parametrize("change, revision_id", [
    (("?oldid=665015295", "?oldid="), None),  # a link to the page, not to its revision
    (("Monday, June 01, 2015", "28/11/2016"), "665015295"),  # a day in figures the notice's tool does not write
])
def test_an_offline_notice_dates_no_revision_without_its_link_and_day(change: tuple[str, str],
                                                                       revision_id: str | None) -> None:
    doc = parse(OFFLINE.replace(*change).replace(">This article is issued", ">\n  This article is issued"))
    assert doc.revision_date_source != "metadata" and doc.metadata.get("revision_id") == revision_id
    assert not any("issued from" in s.text for s in doc.statements)


def test_an_offline_notice_in_a_paragraph_of_its_own_is_chrome_too() -> None:
    doc = parse(OFFLINE.replace('<div><div style="clear:both;">', "<p>").replace(".</div></div>", ".</p>"))
    assert not any("issued from" in s.text for s in doc.statements)
    assert doc.revision_date == date(2015, 6, 1)


OFFLINE_COPIES = sorted((Path(__file__).resolve().parents[1] / "eval" / "articles" / "kiwix-holdout-84").glob("*.html"))
_NOTE_ITEM = re.compile(r'<li id="cite_note-[^"]*">(.*?)</li>', re.S)


@pytest.mark.parametrize("page", OFFLINE_COPIES, ids=lambda page: page.stem)
def test_every_backlink_of_an_offline_copys_list_is_one_of_its_citations(page: Path) -> None:
    source = page.read_text(encoding="utf-8")
    doc = parse(source)
    backlinks = sum(item.count('href="#cite_ref-') for item in _NOTE_ITEM.findall(source))
    assert backlinks == len(doc.citations) and all(c.reference is not None for c in doc.citations)
    assert doc.revision_date_source == "metadata"

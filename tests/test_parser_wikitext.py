"""The wikitext parser: statements, citations and references with exact spans, on small inline
articles, the fixture articles, the shared corpus (against independent regex counts) and
hostile input."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck import lint_path
from citecheck.model import Document
from citecheck.parsers.wikitext import _parser_safe, parse
from citecheck.parsers.wikitext_scan import WORK_LIMIT, prescan
from conftest import ARTICLES, corpus_or_skip

CITE = '{{cite web |url=http://example.org/%s |title=Title %s |work=Example |date=1 May 2020}}'


def ref(n: str) -> str:
    return f"<ref>{CITE % (n, n)}</ref>"


def stmt(doc: Document, needle: str):
    found = [s for s in doc.statements if needle in s.text]
    assert len(found) == 1, [s.text for s in doc.statements]
    return found[0]


def assert_spans_exact(doc: Document, *, closed: bool = True) -> None:
    """Every citation span is its <ref…>/{{…}} source; statement letters map to the source.

    ``closed=False`` for the fallback, where an unterminated <ref> ends where its text does.
    """
    src = doc.source
    for cit in doc.citations:
        piece = src[cit.span.start:cit.span.end]
        assert re.match(r"(?i)<ref\b|\{\{", piece), piece[:60]
        assert not closed or piece.endswith((">", "}}")), piece[-60:]
    for s in doc.statements:
        assert 0 <= s.span.start < s.span.end <= len(src)
        assert len(s.offsets) == len(s.text)
        assert s.offsets == sorted(s.offsets)
        mismatched = [i for i, ch in enumerate(s.text) if ch.isalpha() and src[s.offsets[i]] != ch
                      and src[s.offsets[i]] not in "{}&"]
        assert not mismatched, (s.text, [s.text[i] for i in mismatched[:5]])
    for r in doc.references:
        assert 0 <= r.span.start <= r.span.end <= len(src)


# ----- citations and references ------------------------------------------------------------

def test_named_definition_reuse_and_anonymous_refs() -> None:
    src = (f"Alpha rose by 12%.<ref name=\"a\">{CITE % ('a', 'a')}</ref> Beta fell.{ref('b')}\n\n"
           "Gamma held.<ref name=a /> Delta vanished.<ref name=\"nowhere\"/>\n")
    doc = parse(src)
    assert_spans_exact(doc)
    assert [c.key for c in stmt(doc, "Alpha").citations] == ["a"]
    assert [c.key for c in stmt(doc, "Beta").citations] == ["ref-2"]
    gamma = stmt(doc, "Gamma").citations[0]
    assert gamma.reference is doc.reference("a") and src[gamma.span.start:gamma.span.end] == "<ref name=a />"
    delta = stmt(doc, "Delta").citations[0]
    assert delta.key == "nowhere" and delta.reference is None
    assert [r.key for r in doc.references] == ["a", "ref-2"]
    a = doc.reference("a")
    assert a.template == "cite web" and a.get("title") == "Title a" and a.domain == "example.org"
    assert src[a.span.start:a.span.end].startswith('<ref name="a">') and a.defined_inline


def test_positions_are_line_and_column() -> None:
    src = "== Heading ==\nFirst line.\n\nThe count was 40.<ref>x</ref>\n"
    doc = parse(src)
    s = stmt(doc, "count")
    assert doc.position(s.span.start) == (4, 1)
    assert doc.position(s.citations[0].span.start) == (4, 18)
    assert s.section == ("Heading",)


def test_list_defined_references() -> None:
    src = ("Alpha.<ref name=x/> Beta.<ref name=y/>\n\n== References ==\n"
           "{{reflist|refs=\n<ref name=x>" + CITE % ("x", "x") + "</ref>\n<ref name=y>Plain text source.</ref>\n}}\n"
           "<references>\n<ref name=z>Never cited.</ref>\n</references>\n")
    doc = parse(src)
    assert stmt(doc, "Alpha").citations[0].reference is doc.reference("x")
    assert stmt(doc, "Beta").citations[0].reference is doc.reference("y")
    assert not doc.reference("x").defined_inline
    assert [r.key for r in doc.references] == ["x", "y", "z"]
    assert doc.reference("z").raw == "Never cited."
    assert not [s for s in doc.statements if s.section == ("References",)]


def test_notes_efn_and_group_refs() -> None:
    src = ("Alpha.{{efn|A note citing a source.<ref>" + CITE % ("n", "n") + "</ref>}} "
           "Beta.<ref group=note>Second note.</ref> Gamma.{{efn|name=n3|Third.}}\n")
    doc = parse(src)
    alpha = stmt(doc, "Alpha").citations[0]
    assert alpha.group == "note" and alpha.reference.raw.startswith("A note")
    assert stmt(doc, "Beta").citations[0].group == "note"
    assert stmt(doc, "Gamma").citations[0].key == "n3"
    nested = [c for c in doc.citations if c.group == "" and c.reference is not None]
    assert len(nested) == 1 and nested[0].reference.get("title") == "Title n"
    assert len(doc.notes()) == 3


def test_sfn_links_to_bibliography() -> None:
    src = ("Alpha.{{sfn|Smith|Jones|2001|p=5}} Beta.{{sfn|Smith|Jones|2001|p=5}} Gamma.{{sfnp|Doe|1999}}\n"
           "Delta.<ref>{{harvnb|Roe|2010|p=3}}</ref> Eps.{{sfn|Nobody|1900}} Zeta.{{sfn|Ray|1960–1961}}"
           " Eta.<ref name=doan>{{cite book|last=Doan|first=Alesha|date=May 2007|title=Opposition}}</ref>"
           " Theta.{{sfn|Doan|2007|p=57}}\n\n== Sources ==\n"
           "* {{cite book |last=Ray |year=1960–1961 |title=Ranges}}\n"
           "* {{cite book |last=Smith |last2=Jones |year=2001 |title=The Book |publisher=P |url=http://books.example.com/b}}\n"
           "* {{cite journal |author=Doe |date=March 1999 |title=Paper |journal=J}}\n"
           "* {{citation |last=Roe |first=R. |date=2010 |title=Roe's Study |ref={{sfnref|Roe|2010}}}}\n")
    doc = parse(src)
    alpha, beta = stmt(doc, "Alpha").citations[0], stmt(doc, "Beta").citations[0]
    assert alpha.reference is beta.reference  # identical short citations are one footnote
    assert alpha.reference.get("title") == "The Book" and alpha.reference.domain == "example.com"
    assert stmt(doc, "Gamma").citations[0].reference.get("title") == "Paper"
    assert stmt(doc, "Delta").citations[0].reference.get("title") == "Roe's Study"
    assert stmt(doc, "Delta").citations[0].reference.template == "harvnb"
    assert stmt(doc, "Zeta").citations[0].reference.get("title") == "Ranges"
    assert stmt(doc, "Theta").citations[0].reference.get("title") == "Opposition"
    unresolved = stmt(doc, "Eps").citations[0].reference
    assert unresolved is not None and not unresolved.get("title")
    assert not [s for s in doc.statements if s.section == ("Sources",)]


def test_r_template_reuses_named_refs() -> None:
    doc = parse("Alpha.<ref name=p>Source P.</ref> Beta.{{r|p|q}}\n")
    keys = [(c.key, c.reference is not None) for c in stmt(doc, "Beta").citations]
    assert keys == [("p", True), ("q", False)]


def test_maintenance_tags_dead_links_and_archives() -> None:
    src = ("Alpha is big.{{citation needed|date=October 2020}} Beta is bigger.{{cn}} Gamma.{{Fact|date=May 2019}}\n\n"
           "Delta.<ref>{{cite web|url=http://dead.example.org|title=D}} {{dead link|date=June 2021}}</ref> "
           "Eps.<ref>{{cite web|url=http://e.example.org|title=E}}</ref>{{dead link}} "
           "Eta.<ref>{{cite web|url=http://h.example.org|title=H}}</ref> more words.{{dead link}} "
           "Zeta.<ref>{{cite web|url=http://z.example.org|title=Z}} {{webarchive|url=https://web.archive.org/web/20200101000000/http://z.example.org|date=1 January 2020}}{{cbignore}}</ref>\n")
    doc = parse(src)
    tag = stmt(doc, "Alpha").tags[0]
    assert (tag.kind, tag.date) == ("citation-needed", "October 2020")
    assert src[tag.span.start:tag.span.end] == "{{citation needed|date=October 2020}}"
    assert stmt(doc, "Beta").tags[0].kind == "citation-needed"
    assert stmt(doc, "Gamma").tags[0].date == "May 2019"
    assert stmt(doc, "Delta").citations[0].reference.dead_link
    eps = stmt(doc, "Eps")
    assert eps.citations[0].reference.dead_link and eps.tags[0].kind == "dead-link"
    assert stmt(doc, "Eta").tags[0].kind == "dead-link"
    assert not stmt(doc, "Eta").citations[0].reference.dead_link  # the tag follows text, not the ref
    zeta = stmt(doc, "Zeta").citations[0].reference
    assert zeta.has_webarchive and not zeta.dead_link
    assert zeta.get("archive_url").startswith("https://web.archive.org/web/20200101")
    assert zeta.get("archive_date") == "1 January 2020"


def test_citation_needed_span_renders_its_text() -> None:
    doc = parse("The dam {{citation needed span|holds 3 million cubic metres|date=May 2021}}. "
                "It opened in 1990.{{efn-ua|An upper-alpha note.}}\n")
    held = stmt(doc, "holds")
    assert held.text == "The dam holds 3 million cubic metres."
    assert [(t.kind, t.date) for t in held.tags] == [("citation-needed", "May 2021")]
    assert stmt(doc, "opened").citations[0].group == "note"


def test_cs1_aliases_normalised() -> None:
    doc = parse("Alpha.<ref>{{Cite_news |accessdate=2 May 2020 |archiveurl=http://archive.example/x "
                "|deadurl=yes |newspaper=The Paper |title=T |url=http://x.example.com/a}}</ref>\n")
    r = doc.references[0]
    assert r.template == "cite news"
    assert (r.get("access_date"), r.get("archive_url"), r.get("url_status"), r.get("work")) == (
        "2 May 2020", "http://archive.example/x", "dead", "The Paper")


def test_free_text_bare_url_and_unknown_templates_kept() -> None:
    doc = parse("Alpha.<ref>http://bare.example.net/page</ref> Beta.<ref>{{Some unknown|x=1}} Smith, J. "
                "(2001). \"A Title\". Publisher.</ref>\n")
    bare, other = doc.references
    assert bare.get("url") == "http://bare.example.net/page" and bare.domain == "example.net"
    assert "{{Some unknown|x=1}}" in other.raw and other.template == ""


def test_german_templates() -> None:
    src = ("Berlin hat 3,7 Millionen Einwohner.<ref>{{Internetquelle |url=https://www.statistik-berlin.de/x "
           "|titel=Einwohner |werk=Amt für Statistik |datum=2021-03-01 |abruf=2021-09-01 |offline=1}} "
           "{{Webarchiv |url=https://www.statistik-berlin.de/x |wayback=20210301120000 |text=Archiv}}</ref>\n")
    r = parse(src).references[0]
    assert r.template == "internetquelle"
    assert (r.get("title"), r.get("date"), r.get("access_date")) == ("Einwohner", "2021-03-01", "2021-09-01")
    assert r.get("url_status") == "dead" and r.has_webarchive
    assert r.get("archive_url") == "https://web.archive.org/web/20210301120000/https://www.statistik-berlin.de/x"
    assert r.get("archive_date") == "2021-03-01"


def test_tag_ref_parser_function() -> None:
    doc = parse("Alpha.{{#tag:ref|A footnote.<ref>Inner.</ref>|group=note|name=fn}}\n")
    cit = stmt(doc, "Alpha").citations[0]
    assert (cit.key, cit.group) == ("fn", "note")


# ----- statements --------------------------------------------------------------------------

def test_infobox_rows_are_statements() -> None:
    src = ("{{Infobox military conflict\n| conflict = A war\n| date = 27 September 2020 – 10 November 2020\n"
           "| image = Map.png\n| casualties1 = 2,425 killed<ref>{{cite web|url=http://mod.example.am/x|title=L}}</ref><br>"
           "{{nowrap|11 captured}}\n| strength2 = {{plainlist|\n* 100 tanks\n* 50 guns}}\n}}\n"
           "The war was short.\n")
    doc = parse(src)
    rows = {s.section[-1]: s for s in doc.statements if s.kind == "infobox"}
    assert set(rows) == {"conflict", "date", "casualties1", "strength2"}
    assert rows["casualties1"].text == "2,425 killed 11 captured"
    assert rows["casualties1"].citations[0].reference.domain == "example.am"
    assert rows["strength2"].text.split() == ["100", "tanks", "50", "guns"]
    assert doc.metadata["infobox"]["date"] == "27 September 2020 – 10 November 2020"
    assert stmt(doc, "short").kind == "prose"
    assert_spans_exact(doc)


def test_lists_tables_captions_and_sections() -> None:
    src = ("Lead sentence one. Lead sentence two.\n\n== History ==\n=== Early ===\n"
           "* First item with 3 cats.<ref>x</ref>\n* Second item.\n"
           "[[File:Dam.jpg|thumb|left|upright=1.2|The [[dam]] in 1990.]]\n"
           "{| class=\"wikitable\"\n! Year !! Dead\n|-\n| 1990 || 1,200<ref>y</ref>\n|}\n"
           "[[Category:Dams]]\n")
    doc = parse(src)
    kinds = [(s.kind, s.text) for s in doc.statements]
    assert kinds[:2] == [("prose", "Lead sentence one."), ("prose", "Lead sentence two.")]
    assert ("list", "First item with 3 cats.") in kinds and ("list", "Second item.") in kinds
    assert ("caption", "The dam in 1990.") in kinds
    assert ("table", "1,200") in kinds and ("table", "Year") in kinds
    assert stmt(doc, "First item").section == ("History", "Early")
    assert stmt(doc, "1,200").citations[0].key == "ref-2"
    cells = {s.text: s.paragraph for s in doc.statements if s.kind == "table"}
    assert cells["1990"] == cells["1,200"] != cells["Year"]
    assert not any("Category" in s.text or "thumb" in s.text for s in doc.statements)
    assert_spans_exact(doc)


def test_rendered_templates_and_ignored_ones() -> None:
    src = ("{{Use dmy dates|date=May 2020}}{{Short description|A dam}}\n{{About|the dam|the town|Dam (town)}}\n"
           "The dam is {{convert|25|km}} long and {{convert|2|to|3|m|ft}} deep. "
           "It holds {{nowrap|3 million}} m³ of {{lang|fr|eau}}. {{As of|2020|10}}, it is full. "
           "It cost {{US$|2 billion}} in ''total''.\n{{Navbox|name=Dams|list1=[[A]] • [[B]] 5 dams}}\n")
    doc = parse(src)
    texts = [s.text for s in doc.statements]
    assert texts == ["The dam is 25 km long and 2 to 3 m deep.", "It holds 3 million m³ of eau.",
                     "As of October 2020, it is full.", "It cost US$2 billion in total."]
    assert_spans_exact(doc)


def test_sort_templates_print_their_text_and_hide_their_keys() -> None:
    """{{sortname|first|last}} prints the name whole, whatever its link and key; {{sort|key|text}}
    prints its text, or its key where it gives none; a citation inside still counts."""
    src = ("{| class=\"wikitable sortable\"\n! Golfer !! Total\n|-\n| {{sortname|Tom|Watson}} || 8\n|-\n"
           "| {{sortname|Gene|Sarazen|Gene Sarazen (golfer)|Sarazen, Gene}} || {{sort|007|7}}\n|-\n"
           "| {{sort|Palmer, Arnold|{{flag|Arnold Palmer}}}} || {{sort|Nobody}}<ref>A.</ref>\n|-\n"
           "| {{sortname|Ed|Day|nolink=1|dab=golfer<ref>B.</ref>}} || 3\n"
           "|-\n| {{hs|Zed}}Zed Lee || {{ntsh|12}}12\n|-\n| {{SortKeyName|José Antonio|Álvarez Jonte}} || {{nobold|none}}\n"
           "|-\n| {{sortname|2=Watson|1=Tom}} || Sung by {{sortname||Madonna}}\n"
           "|-\n| {{sort|Watson|}}x || {{sort name|Ed|Day}} and {{sname|Al|Cy}}\n|}\n")
    doc = parse(src)
    assert [s.text for s in doc.statements] == ["Golfer", "Total", "Tom Watson", "8", "Gene Sarazen", "7",
                                                "Arnold Palmer", "Nobody", "Ed Day", "3", "Zed Lee", "12",
                                                "José Antonio Álvarez Jonte", "none", "Tom Watson", "Sung by Madonna",
                                                "x", "Ed Day and Al Cy"]
    assert len(doc.citations) == 2
    assert_spans_exact(doc)


def test_formatnum_prints_its_number_and_never_its_arguments_source() -> None:
    """{{formatnum:}} prints its argument as it renders: a plain number as given (the wiki's
    language decides its separators: ungrouped, it reads alike in all of them), also with ``|R``
    or ``|NOSEP``; a template what the template does, not its source; a comment nothing; other
    parser functions ({{#expr:}}) nothing."""
    src = ("It has {{formatnum:1234567}} people and {{formatnum: 2019 }} cars, {{formatnum:12.5}} t each. "
           "It counted {{formatnum:-5000|R}} and {{formatnum:1234567|NOSEP}}.\n\n"
           "The population is {{formatnum:{{data United States | Poptoday}}}},<ref>C.</ref> "
           "or {{formatnum:{{nowrap|1234}}}} of {{formatnum:{{#expr: 14.3 * 2.589988110336 round 1}} }} per mile.\n\n"
           "It has {{formatnum:<!-- c -->765}} cats and {{formatnum:\'\'\'42\'\'\'}} dogs. "
           "Its area is {{formatnum: n/a}}.\n\n"
           "Berlin hat {{formatnum:3644826}} Einwohner.\n")
    doc = parse(src)
    assert [s.text for s in doc.statements] == [
        "It has 1234567 people and 2019 cars, 12.5 t each.", "It counted -5000 and 1234567.",
        "The population is , or 1234 of  per mile.", "It has 765 cats and 42 dogs.", "Its area is n/a.",
        "Berlin hat 3644826 Einwohner."]
    assert len(stmt_first(doc, "population").citations) == 1
    assert_spans_exact(doc)


def test_comments_and_markup_do_not_leak_into_text() -> None:
    doc = parse("Alpha <!-- hidden 99 --> has '''bold''' and <small>small</small> text&nbsp;here.<br/>\n")
    assert [s.text for s in doc.statements] == ["Alpha  has bold and small text here."]
    doc = parse("The [[Straße des 17.&nbsp;Juni|Straße]] by [[Rock&nbsp;Island]] is wide. {{As of|2011|alt=In [[Census 2011|2011]]}}, it was.\n")
    assert [s.text for s in doc.statements] == ["The Straße by Rock Island is wide.", "In 2011, it was."]


def test_blank_line_separates_paragraphs() -> None:
    doc = parse("One has 5.\nStill one.\n\nTwo.\n")
    assert [(s.text, s.paragraph) for s in doc.statements] == [("One has 5.", 0), ("Still one.", 0), ("Two.", 1)]


# ----- hostile input -----------------------------------------------------------------------

def test_unterminated_refs_500kb_fall_back_quickly() -> None:
    src = ("The raid killed 12 people. <ref>Smith 2001, p. 4. " + "\n\nAnother paragraph with 5 cats. ") * 6500
    assert len(src) > 500_000
    assert prescan(src).work > WORK_LIMIT
    start = time.perf_counter()
    doc = parse(src)
    assert time.perf_counter() - start < 3.0
    assert [d.kind for d in doc.diagnostics] == ["parser-fallback"]
    assert "6500 unterminated <ref>" in doc.diagnostics[0].message
    first = stmt_first(doc, "raid")
    assert first.citations and first.citations[0].reference.raw.startswith("Smith 2001")
    assert_spans_exact(doc, closed=False)


def stmt_first(doc: Document, needle: str):
    return next(s for s in doc.statements if needle in s.text)


def test_200kb_of_open_braces() -> None:
    start = time.perf_counter()
    doc = parse("{{" * 100_000)
    assert time.perf_counter() - start < 3.0
    assert doc.diagnostics and doc.diagnostics[0].kind == "parser-fallback"
    assert doc.statements == []


def test_unterminated_templates_fall_back() -> None:
    src = "Text with 4 items {{cite web|title=x " * 6000
    start = time.perf_counter()
    doc = parse(src)
    assert time.perf_counter() - start < 3.0
    assert doc.diagnostics[0].kind == "parser-fallback"


@pytest.mark.parametrize("unit", ["text <div> more ", "text <span style=x> more ", "\n{| class=x\n| cell ",
                                  "text [http://x.org more ", "text <nowiki> more ", "{{a|b=", "{{x|[[a ",
                                  "<!-- x <ref>y ", "<ref>=" + " " * 60, "<p>\n* ", "<references>\n* ",
                                  "[[File:x.jpg|thumb|\n* ", "*#"])
def test_other_unclosed_markup_falls_back(unit: str) -> None:
    """Unclosed HTML tags, tables, external links and raw tags are quadratic for the parser too."""
    src = unit * (80_000 // len(unit))
    start = time.perf_counter()
    doc = parse(src)
    assert time.perf_counter() - start < 2.0
    assert [d.kind for d in doc.diagnostics] == ["parser-fallback"]


def test_pathological_heading_lines_stay_linear() -> None:
    for line in ("=" + " " * 200_000 + "x", "=" + "=<!--" * 40_000, "== a ==" + "=" * 100_000):
        start = time.perf_counter()
        parse("Intro.\n" + line + "\nText.\n")
        assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("unit", ["<li>item, 12\n", "<td>cell 12\n", "<dd>term 12\n", "<tr>row 12\n"])
@pytest.mark.parametrize("container", ["<div>", "<ref>", "<span>"])
def test_unclosed_list_and_table_tags_inside_a_tag_fall_back(container: str, unit: str) -> None:
    """The parser looks for each unclosed <li> or <td>'s end tag through the rest of the tag it
    sits in: 20,000 of them took minutes. The pre-scan counts them and the fallback takes over."""
    closer = "</" + container[1:]
    src = "Intro.\n\n" + container + unit * 2000 + closer + "\n"
    assert prescan(src).hostile
    doc = parse(src)
    assert [d.kind for d in doc.diagnostics] == ["parser-fallback"]


@pytest.mark.parametrize("item", ["<li>", "<dd>", "<dt>", "<LI class=x>"])
def test_an_unclosed_item_in_a_template_leaves_it_a_template(item: str) -> None:
    """An unclosed <li>, <dd> or <dt> opening a line of a template made the parser read the
    whole template as prose; the item is read as the wiki's bullet, and an end tag inside a
    comment closes nothing."""
    src = ("The P-38 was a fighter.<ref name=a>Bodie 2001.</ref>\n\n{{aircraft specifications\n|more performance=\n"
           + item + "Lift-to-drag ratio: 13.5\n<!-- for more lines, end your line with </li> -->\n"
           "|armament=\n* 4 guns with 500 rounds<ref name=b>Manual.</ref>\n}}\n")
    doc = parse(src)
    assert [stmt.text for stmt in doc.statements] == ["The P-38 was a fighter."]
    assert sorted(citation.key for citation in doc.citations) == ["a", "b"]


def test_an_unclosed_definition_in_an_infobox_keeps_its_colons() -> None:
    """A <dt> stands in as a definition (":"), not a term (";"), which would split its text at a colon."""
    doc = parse("{{Infobox person\n| name = X\n| known_for =\n<dt>Ratio 3:2 aspect with 1,200 units\n}}\nX is a person.\n")
    assert "Ratio 3:2 aspect with 1,200 units" in [stmt.text for stmt in doc.statements]


def test_items_outside_templates_and_closed_items_keep_their_tags() -> None:
    """Outside templates the parser reads unclosed items itself (an item's text may go on to the
    next line); a closed item, on its line or a later one, stays a tag."""
    prose = "<ul>\n<li>The town had 5,000 residents\nin 2010.\n<li>two\n</ul>\n"
    assert _parser_safe(prose) == prose
    after_templates = "{{Infobox town|name=A}}{{Main|B}}\n" + prose
    assert _parser_safe(after_templates) == after_templates
    closed = "{{box\n|a=\n<li>one</li>\n<li>two\n</li>\n}}"
    assert _parser_safe(closed) == closed
    assert _parser_safe("{{box\n|a=\n<li>one\n<li>two</li>\n}}") == "{{box\n|a=\n*   one\n<li>two</li>\n}}"


@pytest.mark.parametrize("opener", ["if a<b then c.\n", "<span ", "<span a=b ", "<ref name=x "])
def test_tag_openers_that_never_reach_a_closing_bracket_fall_back(opener: str) -> None:
    """A tag's opener with no ">" before the next "<" makes the parser re-scan the rest of the
    text for it: 2,000 of "if a<b then c." took 13 s. The pre-scan counts them and the fallback
    takes over; one such opener in an article stays far below the limit."""
    src = "Intro.\n\n" + opener * 2000
    assert prescan(src).hostile
    doc = parse(src)
    assert [d.kind for d in doc.diagnostics] == ["parser-fallback"]
    single = prescan("Intro, where a<b holds.\n\n" + "Some text of the article. " * 2500)
    assert 0 < single.work < WORK_LIMIT // 10 and not single.hostile


def test_nested_tags_deeper_than_the_parser_goes_fall_back() -> None:
    """Past its own depth limit the parser backtracks at every level: nesting counts as hostile."""
    src = "Intro. " + "<ul><li>" * 3000 + "x 12 killed." + "</li></ul>" * 3000 + "\n"
    assert prescan(src).max_depth > 60
    doc = parse(src)
    assert [d.kind for d in doc.diagnostics] == ["parser-fallback"]
    assert any("12 killed" in s.text for s in doc.statements)


def test_a_few_unclosed_list_items_stay_with_the_parser() -> None:
    src = "Intro.\n\n<ul>\n<li>One, 1990.\n<li>Two, 1991.<ref>Source.</ref>\n</ul>\n\nMore text.\n"
    doc = parse(src)
    assert not doc.diagnostics
    assert [c.key for c in doc.citations] == ["ref-1"]


@pytest.mark.parametrize("reference", ["&#xD800;", "&#XDFFF;", "&#55296;", "&#x000dbff;", "&#0057343;"])
def test_surrogate_character_references_become_replacement_characters(reference: str) -> None:
    """A reference to a UTF-16 surrogate names no character: it reads as U+FFFD, offsets intact."""
    src = (f"The raid{reference} killed 12 people.<ref>{{{{cite web|title=A{reference}|url=http://a.org/"
           f"{reference}}}}}</ref> [[Page{reference}|link{reference}]]\n\n== H{reference} ==\nB.<ref>z</ref>\n")
    doc = parse(src)
    texts = [s.text for s in doc.statements] + [" ".join(s.section) for s in doc.statements]
    texts += [r.raw for r in doc.references] + [v for r in doc.references for v in r.fields.values()]
    " ".join(texts).encode("utf-8")  # a lone surrogate cannot be encoded
    assert "\ufffd" in stmt(doc, "raid").text
    assert src[doc.citations[1].span.start:doc.citations[1].span.end] == "<ref>z</ref>"
    assert_spans_exact(doc)


def test_character_references_near_surrogates_are_kept() -> None:
    doc = parse("Alpha &#xD7FF; beta &#xE000; gamma &#65; delta &#99999999999999999999; 12 cats.\n")
    assert "\ud7ff" in doc.statements[0].text and "\ue000" in doc.statements[0].text and " A " in doc.statements[0].text


def test_nul_bytes_keep_offsets() -> None:
    src = "Alpha\x00 has 3.<ref>x\x00y</ref>\n\n== H ==\nBeta has 4.<ref>z</ref>\n"
    doc = parse(src)
    assert [c.key for c in doc.citations] == ["ref-1", "ref-2"]
    assert src[doc.citations[1].span.start:doc.citations[1].span.end] == "<ref>z</ref>"
    assert stmt(doc, "Beta").section == ("H",)


def test_long_sections_are_cut_at_blank_lines() -> None:
    src = ("Paragraph with 3 facts.<ref>{{cite web|url=http://a.example.org|title=A}}</ref>\n\n" * 3000
           + "{{Infobox x\n|a=1\n\n|b=2}}\n\nEnd.\n")
    scan = prescan(src)
    assert len(scan.chunks) > 3 and all(b - a < 70_000 for a, b in scan.chunks)
    assert all(src[a - 1:a + 1] == "\n\n" for a, _ in scan.chunks[1:])
    doc = parse(src)
    assert len(doc.statements) == 3003 and len(doc.citations) == 3000  # + infobox rows a, b and "End."
    assert {s.paragraph for s in doc.statements[:3000]} == set(range(3000))


def test_cpu_budget_sends_the_rest_to_the_fallback() -> None:
    section = "== S{} ==\n" + ("Sentence with 7 words and a ref.<ref>Source.</ref> " * 60) + "\n\n"
    src = "".join(section.format(i) for i in range(20))
    full = parse(src)
    cut = parse(src, cpu_budget=0.0)
    assert not full.diagnostics
    assert [d.kind for d in cut.diagnostics] == ["parser-fallback"]
    assert "CPU budget" in cut.diagnostics[0].message
    assert len(cut.citations) == len(full.citations) == 1200
    assert [s.text for s in cut.statements] == [s.text for s in full.statements]


_TOKENS = list("ab1 .\n=*#|{}[]<>/'&;:!-") + ["<ref>", "</ref>", "<ref name=x/>", "{{cn}}", "{{", "}}",
                                              "{{cite web|url=http://a.b|title=t}}", "[[a|b]]", "<!--",
                                              "-->", "{|", "|}", "\x00", "== H ==\n", "{{Infobox x|a=1}}"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TOKENS), max_size=120).map("".join))
def test_never_raises_and_spans_stay_inside(src: str) -> None:
    doc = parse(src)
    for s in doc.statements:
        assert 0 <= s.span.start <= s.span.end <= len(src)
        assert all(0 <= o < len(src) for o in s.offsets)
    for c in doc.citations:
        assert 0 <= c.span.start <= c.span.end <= len(src)


# ----- fixture articles and the shared corpus ----------------------------------------------

FIXTURE_WIKI = sorted(ARTICLES.glob("*.wiki"))


@pytest.mark.parametrize("path", FIXTURE_WIKI, ids=lambda p: p.name)
def test_fixture_articles_lint(path: Path) -> None:
    result = lint_path(path)
    doc = result.document
    assert doc.format == "wikitext" and doc.statements and not doc.diagnostics
    assert_spans_exact(doc)


def test_darts_fixture_numbers() -> None:
    doc = lint_path(ARTICLES / "2012-bdo-world-darts-championship.wiki").document
    assert len(doc.citations) == 16 and len(doc.references) == 16
    archived = [r for r in doc.references if r.get("archive_url")]
    assert len(archived) == 7 and all(r.get("url_status") == "dead" for r in archived)
    assert all(r.get("access_date") for r in doc.references)


def test_earthquake_fixture_reuses_one_named_ref() -> None:
    doc = lint_path(ARTICLES / "list-of-earthquakes-in-canada.wiki").document
    uses = [c for c in doc.citations if c.reference is not None and c.reference.key == "NRC"]
    assert len(uses) >= 20 and len({id(c.reference) for c in uses}) == 1


def _corpus_wikitext() -> list[Path]:
    corpus = corpus_or_skip()
    files = sorted(list(corpus.rglob("*.wiki")) + list(corpus.rglob("*.wikitext"))
                   + list((corpus / "wtf_wikipedia").glob("*.txt")))
    assert files
    return files


_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_CITE = re.compile(r"(?i)\{\{\s*cite")
_DEAD = re.compile(r"(?i)url-status\s*=\s*(?:dead|unfit|usurped)|dead-?url\s*=\s*yes")


def test_corpus_counts_match_independent_counts() -> None:
    """Our counts against counts.json's regex counts, with each difference explained:

    - refs: counts.json counts every ``<ref`` opening, including those in comments, which
      render nothing; ours are <ref> citations plus list-defined definitions.
    - cite: counts.json's ``{{cite…``/``{{citation`` also matches {{citation needed}};
      ours counts only English-named CS1/CS2 templates here (localized ones such as
      {{Internetquelle}} are counted separately by the parser).
    - dead-link and webarchive templates: exact, in and out of references.
    - dead: references whose url-status is dead/unfit/usurped (deadurl=yes included); a
      bundle of several cite templates in one <ref> keeps the first template's fields.
    """
    counts = json.loads((corpus_or_skip() / "counts.json").read_text(encoding="utf-8"))
    report = []
    for path in _corpus_wikitext():
        rel = path.relative_to(corpus_or_skip()).as_posix()
        expected = counts[rel]
        src = path.read_text(encoding="utf-8")
        doc = parse(src, path=str(path))
        commented = "".join(_COMMENT.findall(src))
        ref_cites = sum(1 for c in doc.citations if src[c.span.start:c.span.start + 4].lower() == "<ref")
        ours_refs = ref_cites + sum(1 for r in doc.references if not r.defined_inline)
        regex_refs = expected["refs"] - len(re.findall(r"<ref", commented))
        tc = doc.metadata["template_counts"]
        ours_cite = sum(n for k, n in tc.items() if k.startswith(("cite", "citation")))
        regex_cite = expected["cite"] - len(re.findall(r"(?i)\{\{\s*(?:cite|citation)", commented))
        ours_deadlink = sum(n for k, n in tc.items() if k in ("dead link", "deadlink"))
        ours_webarchive = tc.get("webarchive", 0)
        ours_dead = sum(1 for r in doc.references if r.get("url_status") in ("dead", "unfit", "usurped"))
        report.append((rel, ours_refs, regex_refs, ours_cite, regex_cite))
        assert ours_refs == regex_refs, (rel, ours_refs, regex_refs)
        assert abs(ours_cite - regex_cite) <= max(2, regex_cite // 50), (rel, ours_cite, regex_cite)
        assert ours_deadlink == expected["deadlink_tpl"], (rel, ours_deadlink, expected["deadlink_tpl"])
        assert ours_webarchive == expected["webarchive_tpl"], (rel, ours_webarchive, expected["webarchive_tpl"])
        # A bundle (several cite templates in one <ref>) is one reference with the first
        # template's fields: dead flags of the later templates are not reference fields.
        bundled = sum(len(_DEAD.findall(r.raw[m.end():])) for r in doc.references
                      if (m := _CITE.search(r.raw)) and _CITE.search(r.raw, m.end()))
        if not rel.startswith("dbpedia-minidumps/extracted/de/"):  # German offline=1 also means dead
            assert abs(ours_dead - (expected["dead"] - bundled)) <= max(1, expected["dead"] // 10), (rel, ours_dead)
    assert len(report) >= 20


def test_corpus_parses_with_exact_spans_and_no_fallback() -> None:
    for path in _corpus_wikitext():
        src = path.read_text(encoding="utf-8")
        scan = prescan(src)
        # The real corpus sits far below the fallback threshold.
        assert scan.work < WORK_LIMIT // 10 and not scan.hostile, (path.name, scan)
        doc = parse(src, path=str(path))
        assert not [d for d in doc.diagnostics if d.kind == "parser-fallback"], path.name
        assert doc.statements and doc.references
        assert_spans_exact(doc)


def test_fallback_on_the_corpus_keeps_most_citations() -> None:
    """Forced onto real articles, the linear fallback stays linear and finds most citations."""
    for path in _corpus_wikitext():
        src = path.read_text(encoding="utf-8")
        start = time.process_time()  # CPU, not wall time: a guard against quadratic work, not a speed target
        fallback = parse(src, path=str(path), cpu_budget=-1)
        elapsed = time.process_time() - start
        full = parse(src, path=str(path))
        assert fallback.diagnostics[0].kind == "parser-fallback"
        assert elapsed < 3.0, (path.name, elapsed)
        assert len(fallback.citations) >= 0.85 * len(full.citations), (path.name, len(fallback.citations))
        assert_spans_exact(fallback, closed=False)


def test_table_closed_by_a_template_is_still_read_as_a_table() -> None:
    """{{Fb cs footer}} emits the closing |}, so the parser leaves the table as text."""
    src = ("== Results ==\n:{|class=\"wikitable\"\n|-\n! Player !! Sets\n|-\n|align=\"left\"| [[Ann Smith]]\n| 25<ref>r</ref>\n"
           "|-\n| Bo Lee || 23\n{{Fb cs footer|u=13 January 2011}}\n\n== Next ==\nProse follows.\n")
    doc = parse(src)
    cells = [(s.kind, s.text, s.paragraph) for s in doc.statements]
    assert [c[1] for c in cells] == ["Player", "Sets", "Ann Smith", "25", "Bo Lee", "23", "Prose follows."]
    assert {c[0] for c in cells[:-1]} == {"table"} and cells[-1][0] == "prose"
    assert cells[2][2] == cells[3][2] != cells[4][2]
    assert stmt(doc, "25").citations[0].key == "ref-1"
    assert_spans_exact(doc)


def test_wayback_template_names_the_original_and_a_timestamp() -> None:
    doc = parse('Mines.<ref>"[http://news.example/x China]". Daily Finance. 14 June 2010 '
                "{{Wayback|url=http://news.example/x|date =20131231001630}}</ref>\n")
    (ref,) = doc.references
    assert ref.fields["url"] == "http://news.example/x" and ref.has_webarchive
    assert ref.fields["archive_url"] == "https://web.archive.org/web/20131231001630/http://news.example/x"
    assert ref.fields["archive_date"] == "2013-12-31"

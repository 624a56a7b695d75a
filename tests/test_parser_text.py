"""The plain-text parser on the seed article, on text dumps of the corpus, and the shared
reference-text parser (citations.py) on rendered CS1 entries and template parameters."""

from __future__ import annotations

import re
import textwrap

import pytest

from citecheck.model import Document, Statement
from citecheck.parsers import detect_format
from citecheck.parsers.citations import (
    FIELDS,
    domain_of,
    normalize_template_params,
    parse_reference_text,
)
from citecheck.parsers.numbers import find_numeric_claims
from citecheck.parsers.text import _indexes_a_name, _names_a_picture, parse

from conftest import SEED, corpus_or_skip


@pytest.fixture(scope="module")
def seed() -> Document:
    return parse(SEED.read_text(encoding="utf-8"), path=str(SEED))


def statement_with(doc: Document, fragment: str) -> Statement:
    found = [s for s in doc.statements if fragment in s.text]
    assert len(found) == 1, f"{fragment!r} is in {len(found)} statements"
    return found[0]


def labels(stmt: Statement) -> list[str]:
    return [c.label for c in stmt.citations]


# --- the seed: page structure --------------------------------------------------------------


def test_title_and_chrome(seed: Document) -> None:
    assert seed.format == "text"
    assert seed.title == "2020 Nagorno-Karabakh conflict"
    texts = " ".join(s.text for s in seed.statements)
    for chrome in ("Page extended-protected", "From Wikipedia", "Jump to navigation", "QarabaghWarMap"):
        assert chrome not in texts


def test_infobox_rows_are_infobox_statements(seed: Document) -> None:
    killed = statement_with(seed, "1,166 servicemen killed")
    assert killed.kind == "infobox"
    assert killed.section == ("Infobox", "Casualties and losses", "Per Armenia:")
    assert labels(killed) == ["[42]"]
    sohr = statement_with(seed, "217 Syrian mercenaries killed (SOHR)")
    assert sohr.section[-1] == "Per other sources:"
    # "See Casualties for details" closes the column: the Russian figure is not "per Armenia".
    overall = statement_with(seed, "5,000 killed overall")
    assert overall.kind == "infobox" and "Per Armenia:" not in overall.section
    fighters = statement_with(seed, "2,050 Syrian fighters")
    assert fighters.section == ("Infobox", "Strength")
    assert labels(fighters) == ["[note a]", "[32]"]
    infobox = [s for s in seed.statements if s.kind == "infobox"]
    assert len(infobox) == 22
    assert all(s.section[0] == "Infobox" for s in infobox)
    # The infobox ends where the lead begins.
    lead = statement_with(seed, "is an ongoing armed conflict between Azerbaijan")
    assert lead.kind == "prose" and lead.section == ()
    assert labels(lead) == ["[note d]"]


def test_infobox_metadata(seed: Document) -> None:
    infobox = seed.metadata["infobox"]
    assert re.sub(r"\s", " ", infobox["Date"]) == "27 September 2020 (2020-09-27) 每 present (1 month and 3 days)"
    assert infobox["Status"] == "Ongoing"
    assert infobox["Territorial changes"].startswith("Azerbaijan states they have control of 4 cities")


def test_headings_give_section_paths(seed: Document) -> None:
    internet = statement_with(seed, "restricted internet access shortly after")
    # "Azerbaijan" names part of the heading before it, so it is taken as its subsection.
    assert internet.section == ("Non-military actions taken by Armenia and Azerbaijan", "Azerbaijan")
    # After prose the depth of a heading is unknown: it is not filed under the previous section.
    assert statement_with(seed, "Hackers from Armenia and Azerbaijan").section == ("Cyberwarfare",)
    civilians = statement_with(seed, "two civilians were killed by Azerbaijani shelling in Martuni")
    assert civilians.section == ("Casualties", "Civilians")
    equipment = statement_with(seed, "Azerbaijan reported to have destroyed about 250 tanks")
    assert equipment.section[-1] == "Equipment losses"


def test_captions(seed: Document) -> None:
    for caption in ("A map of the Azerbaijani SSR in 1928",
                    "Rescue teams in Ganja, second-largest city",
                    "Stepanakert, the capital city of the Republic of Artsakh, has been heavily damaged",
                    "Video of Azerbaijan's use of cluster munitions on Stepanakert",
                    "Armenian volunteers in Yerevan heading to Artsakh"):
        assert statement_with(seed, caption).kind == "caption", caption
    # A one-sentence paragraph between a heading and another heading is prose, not a caption.
    israel = statement_with(seed, "Israel, a major trading partner and weapons supplier")
    assert israel.kind == "prose"
    assert statement_with(seed, "As of 23 October, the Armenian authorities has stated").kind == "prose"


# --- the seed: sentences and citations --------------------------------------------------------


def test_obrien_sentence_is_one_statement(seed: Document) -> None:
    stmt = statement_with(seed, "Robert C. O'Brien")
    assert stmt.text.startswith("On 25 October, US National Security Advisor Robert C. O'Brien announced")
    assert stmt.text.endswith('"pushing them to do so".')
    assert labels(stmt) == ["[390]"]


def test_uncited_statement_before_a_cited_one(seed: Document) -> None:
    claim = statement_with(seed, "5,800 private properties destroyed")
    assert claim.citations == []
    following = seed.statements[claim.index + 1]
    assert following.text.startswith("As of 24 October, the Prosecutor General's Office")
    assert labels(following) == ["[49]"]
    assert following.paragraph == claim.paragraph


def test_markers_after_punctuation_and_spaces(seed: Document) -> None:
    stmt = statement_with(seed, "introduced martial law and total mobilization")
    assert labels(stmt) == ["[64]", "[65]", "[66]", "[67]"]
    clauses = {c.key: c.clause for c in stmt.citations}
    assert clauses["64"] == "Armenia and Artsakh introduced martial law and total mobilization"
    assert clauses["66"] == "while Azerbaijan introduced martial law and a curfew"
    assert "  " not in stmt.text  # " [66] " leaves a single space
    countries = statement_with(seed, "Representatives of countries, including Argentina,")
    assert labels(countries)[:3] == ["[413]", "[414]", "[415]"]
    assert countries.citations[0].clause == "Representatives of countries, including Argentina".split(", ")[-1]


def test_statement_text_maps_to_source(seed: Document) -> None:
    source = seed.source
    for stmt in seed.statements:
        assert 0 <= stmt.span.start <= stmt.span.end <= len(source)
        assert len(stmt.offsets) == len(stmt.text)
        for i, ch in enumerate(stmt.text):
            assert source[stmt.offsets[i]] == ch or (ch == " " and source[stmt.offsets[i]].isspace())
        for citation in stmt.citations:
            assert stmt.span.contains(citation.span)


def test_citation_spans_are_the_markers(seed: Document) -> None:
    assert len(seed.citations) == 577
    positions = [c.span.start for c in seed.citations]
    assert positions == sorted(positions)
    for citation in seed.citations:
        marker = seed.source[citation.span.start:citation.span.end]
        assert marker == f"[{citation.key}]"


# --- the seed: reference and note lists -------------------------------------------------------


def test_reference_list(seed: Document) -> None:
    refs = [r for r in seed.references if not r.group]
    assert [r.key for r in refs] == [str(n) for n in range(1, 63)]
    assert seed.reference("1").backlinks == 2
    assert seed.reference("2").backlinks == 1
    assert seed.reference("4").backlinks == 3
    assert seed.reference("4").get("author") == "Carley, Patricia"
    for ref in refs:
        assert ref.raw and not ref.raw.startswith(("^", "a b"))
        assert seed.source[ref.span.start:ref.span.end].lstrip().startswith(f"{ref.key}. ^")


def test_every_reference_has_its_dates(seed: Document) -> None:
    refs = [r for r in seed.references if not r.group]
    for ref in refs:
        retrieved = re.search(r"Retrieved (\d{1,2} \w+ \d{4})", ref.raw)
        archived = re.search(r"Archived from the original (?:\(\w+\) )?on (\d{1,2} \w+ \d{4})", ref.raw)
        assert ref.get("access_date") == (retrieved.group(1) if retrieved else ""), ref.key
        assert ref.get("archive_date") == (archived.group(1) if archived else ""), ref.key
    undated = sorted((r.key for r in refs if not r.get("date")), key=int)
    # These entries print no publication date at all.
    assert undated == ["2", "29", "37", "38", "41", "44"]
    assert seed.reference("4").get("date") == "29 September 2020"
    assert seed.reference("22").get("date") == "27 October 2020"


def test_reference_fields(seed: Document) -> None:
    bbc = seed.reference("3")
    assert bbc.get("via") == "www.bbc.com" and bbc.domain == "bbc.com"
    video = seed.reference("19")
    assert video.get("archive_date") == "30 September 2020"
    assert video.get("work") == "azernews.az" and video.get("publisher") == "AzerNews"
    assert video.domain == "azernews.az"
    assert seed.reference("16").domain == "apa.az"
    assert seed.reference("7").get("work") == "The Guardian" and seed.reference("7").domain == ""
    assert seed.reference("13").get("title").endswith("[By direct flight to Yerevan, ready to go to the front line]")
    assert seed.reference("13").get("language") == "Armenian"
    assert seed.reference("32").get("quote").startswith("Commander among 18 Turkish-backed")
    # A continuation line belongs to the entry above it.
    ref48 = seed.reference("48")
    assert ref48.raw.endswith("Azerbaijani targeting of civilians has claimed lives of 31 in Artsakh")
    assert ref48.get("quote") == "Azerbaijani targeting of civilians has claimed lives of 31 in Artsakh"
    assert seed.reference("49").raw.startswith('"')


def test_notes(seed: Document) -> None:
    notes = seed.notes()
    assert [(n.key, n.group) for n in notes] == [("a", "note"), ("b", "note"), ("c", "note"), ("d", "note")]
    assert seed.reference("d", "note").is_empty
    assert seed.reference("d", "note").raw == ""
    assert "Denied by Azerbaijan" in seed.reference("a", "note").raw
    # Citations inside notes are uses of the references they name.
    from_notes = [c for c in seed.citations if notes[0].span.contains(c.span)]
    assert [c.key for c in from_notes] == ["1", "2", "3", "4", "5", "6", "7", "8", "4"]
    assert all(c.reference is not None for c in from_notes)


def test_undefined_references_and_truncation(seed: Document) -> None:
    numbered = [c for c in seed.citations if not c.group]
    for citation in numbered:
        defined = int(citation.key) <= 62
        assert (citation.reference is not None) == defined, citation.key
    assert all(c.reference is not None for c in seed.citations if c.group == "note")
    undefined = {int(c.key) for c in numbered if c.reference is None}
    assert min(undefined) > 62 and max(undefined) == 526
    truncated = [d for d in seed.diagnostics if d.kind == "truncated-references"]
    assert len(truncated) == 1
    assert truncated[0].examples == ["62", "526"]
    assert "[62]" in truncated[0].message and "[526]" in truncated[0].message
    assert truncated[0].count == len(undefined)


# --- small inputs -------------------------------------------------------------------------------


def test_single_sentence_is_prose_not_title() -> None:
    doc = parse("The attack killed 12 people.")
    assert doc.title == ""
    assert [(s.kind, s.text) for s in doc.statements] == [("prose", "The attack killed 12 people.")]


def test_inline_tags() -> None:
    text = ("Title\n\nThe war killed 300 people.[citation needed] It ended in 1994.[1][dead link]\n\n"
            "References\n\n  1. ^ \"Title\". Work. 2020.")
    doc = parse(text)
    first, second = doc.statements
    assert first.text == "The war killed 300 people."
    assert [t.kind for t in first.tags] == ["citation-needed"]
    assert doc.source[first.tags[0].span.start:first.tags[0].span.end] == "[citation needed]"
    assert [t.kind for t in second.tags] == ["dead-link"]
    assert second.citations[0].reference is doc.reference("1")
    assert doc.reference("1").dead_link


def test_editorial_brackets_are_not_note_markers() -> None:
    doc = parse('He said they "support[s] the Republic" and left.[2]')
    (stmt,) = doc.statements
    assert "support[s]" in stmt.text
    assert labels(stmt) == ["[2]"]
    assert stmt.citations[0].reference is None


def test_a_link_to_another_languages_article_is_no_note_marker() -> None:
    doc = parse("Improved bloomeries are the Stückofen [fr][19] and the wolf-furnace.[ab][20]\n")
    (stmt,) = doc.statements
    assert labels(stmt) == ["[19]", "[note ab]", "[20]"]


def test_empty_and_bare_reference_entries() -> None:
    text = "Title\n\nA claim.[1][2]\n\nReferences\n\n  1. ^\n  2. ^ a b c Some text.\n"
    doc = parse(text)
    assert doc.reference("1").is_empty and doc.reference("1").backlinks == 1
    assert doc.reference("2").raw == "Some text." and doc.reference("2").backlinks == 3
    assert not doc.diagnostics


# --- text dumps (hard-wrapped, asterisk headings) ---------------------------------------------


def dump(name: str) -> Document:
    path = corpus_or_skip() / "fet-plaintext" / name / "wiki.md"
    return parse(path.read_bytes().decode("utf-8", "replace"), path=str(path))


def test_dump_windows() -> None:
    doc = dump("windows")
    assert doc.title == "Microsoft Windows"
    # 88 numbered entries, of which two are pieces of others: the page's style sheet
    # (printed as entry 2) and a "[permanent dead link]" tag (entry 33).
    assert [r.key for r in doc.references] == [str(n) for n in range(1, 87)]
    assert all(c.reference is not None for c in doc.citations)
    assert doc.metadata["mapping_check"] == {"checked": 86, "agreeing": 86, "over_cited": 0, "verified": True}
    infobox = doc.metadata["infobox"]
    assert infobox["Developer"] == "Microsoft"
    assert infobox["Marketing target"] == "Personal computing"  # a label wrapped onto two lines
    assert infobox["Available in"] == "138 languages"
    lead = statement_with(doc, "is a group of several graphical operating system families")
    assert lead.kind == "prose" and lead.text.startswith("Microsoft Windows is a group")
    # Link text keeps its words: underscores become spaces.
    assert "operating_system" not in lead.text
    ref9 = doc.reference("8")  # printed as "9. ^ a b": [8] is cited twice
    assert ref9.backlinks == 2
    assert ref9.get("title") == "The 25 Worst Tech Products of All Time"
    assert ref9.get("archive_date") == "February 15, 2012"
    assert ref9.get("access_date") == "February 10, 2012"
    # The style sheet joins the entry it was printed after, and is dropped from its text.
    assert doc.reference("1").raw.endswith("Retrieved April 5, 2014.")
    assert doc.reference("31").dead_link  # its "[permanent dead link]" was printed as entry 33
    assert [d.kind for d in doc.diagnostics] == ["tables-skipped"]
    # Cells of the release table wrap across lines: no statement claims a garbled row.
    assert not any(s.kind == "table" for s in doc.statements)
    assert "[53]" in [c.label for c in doc.citations]
    # The footer dates the copy.
    assert str(doc.revision_date) == "2019-08-03" and doc.revision_date_source == "metadata"
    assert doc.metadata["revision_id"] == "909103179"


def test_dump_rocket_propulsion() -> None:
    doc = dump("Rocket_propulsion")
    assert doc.title == "Spacecraft propulsion"
    # This dump holds the page twice; the second copy is reported and skipped.
    assert sorted(d.kind for d in doc.diagnostics) == ["repeated-copy", "tables-skipped"]
    assert len({(r.group, r.key) for r in doc.references}) == len(doc.references)
    tags = [t.kind for s in doc.statements for t in s.tags]
    # Five in the article's table of methods (the other five are in the second copy): table
    # lines are kept as statements only when they carry a tag.
    assert tags.count("citation-needed") == 5
    assert {s.kind for s in doc.statements if any(t.kind == "citation-needed" for t in s.tags)} == {"table"}
    assert "full-citation-needed" in tags and "original-research" in tags
    dead = [r.key for r in doc.references if r.dead_link]
    # Printed as entries 29, 38 and 31: the style sheet printed as entry 2 shifts the rest.
    assert dead == ["28", "37"] and all(doc.reference(k).get("url_status") == "dead" for k in dead)
    rd701 = doc.reference("30")
    assert rd701.has_webarchive and rd701.get("archive_date") == "2010-02-10"
    assert doc.notes() and doc.notes()[0].key == "a"
    ref1 = doc.reference("1")
    assert ref1.get("author") == "Hess, M.; Martin, K. K.; Rachul, L. J"
    assert ref1.get("date") == "February 7, 2002"
    assert ref1.get("archive_date") == "2007-12-06"
    sections = {s.section[0] for s in doc.statements if s.section and s.section[0] != "Infobox"}
    assert {"Requirements", "Effectiveness", "Methods"} <= sections
    assert not any("Navigation menu" in s.section for s in doc.statements)


def test_dump_tropical_cyclone() -> None:
    doc = dump("Tropical_meteorology")
    assert doc.title == "Tropical cyclone"
    lead = statement_with(doc, "is a rapidly rotating storm system")
    assert lead.kind == "prose" and lead.section == ()
    assert len(doc.references) > 200
    assert sum(1 for c in doc.citations if c.reference is None) == 0


def test_dump_paragraphs_are_reflowed() -> None:
    doc = dump("Rocket_propulsion")
    stmt = statement_with(doc, "Spacecraft propulsion is any method used to accelerate")
    assert stmt.text == "Spacecraft propulsion is any method used to accelerate spacecraft and artificial satellites."
    nxt = doc.statements[stmt.index + 1]
    assert nxt.paragraph == stmt.paragraph


# --- citations.py: rendered reference text ---------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"France accuses Turkey". Reuters. 1 October 2020. Archived from the original on 4 October 2020. '
         "Retrieved 1 October 2020. We now have information",
         {"title": "France accuses Turkey", "work": "Reuters", "date": "1 October 2020",
          "archive_date": "4 October 2020", "access_date": "1 October 2020", "quote": "We now have information"}),
        ('Carley, Patricia (29 September 2020). "Turkey recruiting Syrians". Middle East Eye. '
         "Archived from the original on 2 October 2020. Retrieved 11 October 2020.",
         {"author": "Carley, Patricia", "date": "29 September 2020", "title": "Turkey recruiting Syrians",
          "work": "Middle East Eye", "archive_date": "2 October 2020", "access_date": "11 October 2020"}),
        ('"Armenia conflict". 30 September 2020. Archived from the original on 1 October 2020. '
         "Retrieved 11 October 2020 – via www.bbc.com.",
         {"title": "Armenia conflict", "date": "30 September 2020", "archive_date": "1 October 2020",
          "access_date": "11 October 2020", "via": "www.bbc.com"}),
        ('"Военные" [Soldiers]. azatutyun.am (in Armenian). RFE/RL. Archived from the original on 6 October 2020.',
         {"title": "Военные [Soldiers]", "work": "azatutyun.am", "publisher": "RFE/RL", "language": "Armenian",
          "archive_date": "6 October 2020"}),
        ('"Military supplies" (Video). azernews.az. AzerNews. 30 September 2020. '
         "Archived from the original (Video) on 30 September 2020.",
         {"title": "Military supplies", "work": "azernews.az", "publisher": "AzerNews",
          "date": "30 September 2020", "archive_date": "30 September 2020"}),
        ('"Civilian death toll reaches 91". azernews.az. 28 October 2020. Ninety-one civilians have been killed.',
         {"title": "Civilian death toll reaches 91", "work": "azernews.az", "date": "28 October 2020",
          "quote": "Ninety-one civilians have been killed"}),
        ('"Son dakika... S?HA vurdu, bir drone..." Milliyet (in Turkish). 1 October 2020.',
         {"title": "Son dakika... S?HA vurdu, bir drone...", "work": "Milliyet", "language": "Turkish",
          "date": "1 October 2020"}),
        ('"Listing of language packs". Msdn.microsoft.com. Archived from the original on |archive-url= '
         "requires |archive-date= (help). Retrieved April 5, 2014.",
         {"title": "Listing of language packs", "work": "Msdn.microsoft.com", "access_date": "April 5, 2014"}),
        ('"The Apple vs. Microsoft GUI Lawsuit". 2006. Archived from the_original on March 4, 2008.',
         {"title": "The Apple vs. Microsoft GUI Lawsuit", "date": "2006", "archive_date": "March 4, 2008",
          "url_status": "dead"}),
        ('"Title". U.S. News. 2020. Retrieved 1 May 2020. [dead link]',
         {"title": "Title", "work": "U.S. News", "date": "2020", "access_date": "1 May 2020", "url_status": "dead"}),
        ("Dupont (3 mai 2020). « Titre ». Le Monde. Archivé de l'original le 4 mai 2020. Consulté le 5 mai 2020.",
         {"author": "Dupont", "date": "3 mai 2020", "title": "Titre", "work": "Le Monde",
          "archive_date": "4 mai 2020", "access_date": "5 mai 2020"}),
        ("„Einwohner“. berlin.de. Archiviert vom Original am 1. Februar 2021; abgerufen am 1. September 2021.",
         {"title": "Einwohner", "work": "berlin.de", "archive_date": "1. Februar 2021",
          "access_date": "1. September 2021"}),
        ("Turkish-backed mercenaries in Azerbaijan | Struggle to recruit fighters", {}),
        ("", {}),
    ],
)
def test_parse_reference_text(raw: str, expected: dict[str, str]) -> None:
    fields = parse_reference_text(raw)
    assert fields == expected
    assert set(fields) <= set(FIELDS)


@pytest.mark.parametrize(
    ("value", "domain"),
    [
        ("https://www.bbc.com/news/world-europe-54324772", "bbc.com"),
        ("www.bbc.com", "bbc.com"),
        ("APA.az", "apa.az"),
        ("azernews.az", "azernews.az"),
        ("mfa.gov.ir", "mfa.gov.ir"),
        ("http://news.bbc.co.uk/2/hi/europe.stm", "bbc.co.uk"),
        ("https://en.armradio.am/2020/10/22/x/", "armradio.am"),
        ("//web.archive.org/web/2020/http://x.am", "archive.org"),
        ("Msdn.microsoft.com", "microsoft.com"),
        ("Reuters", ""),
        ("Soft32.com News", ""),
        ("", ""),
        ("http://[::1", ""),
    ],
)
def test_domain_of(value: str, domain: str) -> None:
    assert domain_of(value) == domain


# --- citations.py: template parameters -----------------------------------------------------


def test_cs1_aliases() -> None:
    fields = normalize_template_params("cite web", {
        "url": "https://armenpress.am/eng/news/1031035.html", "title": "Title", "website": "[[Armenpress]]",
        "accessdate": "11 October 2020", "archiveurl": "https://web.archive.org/web/20201011/x",
        "archivedate": "11 October 2020", "deadurl": "yes", "date": "29 September 2020",
        "last1": "Ghazanchyan", "first1": "Siranush", "last2": "Doe", "first2": "J.", "lang": "hy",
        "quote": "a ''quoted'' line", "via": "Gale", "unknown-param": "x", "ref": "harv",
    })
    assert fields == {
        "url": "https://armenpress.am/eng/news/1031035.html", "title": "Title", "work": "Armenpress",
        "access_date": "11 October 2020", "archive_url": "https://web.archive.org/web/20201011/x",
        "archive_date": "11 October 2020", "url_status": "dead", "date": "29 September 2020",
        "author": "Ghazanchyan, Siranush; Doe, J.", "language": "hy", "quote": "a quoted line", "via": "Gale",
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"url-status": "live"}, {"url_status": "live"}),
        ({"url-status": "Dead"}, {"url_status": "dead"}),
        ({"dead-url": "no"}, {"url_status": "live"}),
        ({"deadurl": "unfit"}, {"url_status": "unfit"}),
        ({"newspaper": "The Guardian", "year": "2019"}, {"work": "The Guardian", "date": "2019"}),
        ({"journal": "Nature", "date": "2001", "year": "2000"}, {"work": "Nature", "date": "2001"}),
        ({"magazine": "Time"}, {"work": "Time"}),
        ({"periodical": "Izvestia", "agency": "TASS"}, {"work": "Izvestia", "publisher": "TASS"}),
        ({"title": "Военные", "trans-title": "Soldiers"}, {"title": "Военные [Soldiers]"}),
        ({"access-date": "1 May 2020", "archive-url": "https://a", "archive-date": "2 May 2020"},
         {"access_date": "1 May 2020", "archive_url": "https://a", "archive_date": "2 May 2020"}),
        ({"author": "Reuters Staff", "authors": "ignored"}, {"author": "Reuters Staff"}),
        ({"title": "<!-- hidden -->Shown", "publisher": "[[Reuters|Reuters UK]]"},
         {"title": "Shown", "publisher": "Reuters UK"}),
        ({"title": "", "url": "  "}, {}),
    ],
)
def test_template_param_variants(params: dict[str, str], expected: dict[str, str]) -> None:
    assert normalize_template_params("cite news", params) == expected


def test_internetquelle() -> None:
    fields = normalize_template_params("Internetquelle", {
        "url": "https://www.berlin.de/x", "titel": "Einwohner", "werk": "berlin.de", "hrsg": "Senat",
        "datum": "2021-01-05", "abruf": "2021-09-01", "archiv-url": "https://web.archive.org/web/2021/x",
        "archiv-datum": "2021-02-01", "sprache": "de", "offline": "1", "autor": "Amt für Statistik",
        "zitat": "Berlin hat 3,6 Millionen Einwohner",
    })
    assert fields == {
        "url": "https://www.berlin.de/x", "title": "Einwohner", "work": "berlin.de", "publisher": "Senat",
        "date": "2021-01-05", "access_date": "2021-09-01", "archive_url": "https://web.archive.org/web/2021/x",
        "archive_date": "2021-02-01", "language": "de", "url_status": "dead", "author": "Amt für Statistik",
        "quote": "Berlin hat 3,6 Millionen Einwohner",
    }
    assert "url_status" not in normalize_template_params("Internetquelle", {"url": "https://x.de", "offline": "nein"})


def test_localized_template_prefers_english_names() -> None:
    fields = normalize_template_params("chú thích web", {
        "url": "https://vnexpress.net/a", "tiêu đề": "ignored", "title": "Tin", "work": "VnExpress",
        "access-date": "1 tháng 8 năm 2023", "url-status": "dead", "archive-url": "https://web.archive.org/x",
        "archive-date": "2 tháng 8 năm 2023", "ngôn ngữ": "vi",
    })
    assert fields == {
        "url": "https://vnexpress.net/a", "title": "Tin", "work": "VnExpress",
        "access_date": "1 tháng 8 năm 2023", "url_status": "dead", "archive_url": "https://web.archive.org/x",
        "archive_date": "2 tháng 8 năm 2023", "language": "vi",
    }


def test_copied_table_of_contents_is_skipped() -> None:
    text = ("Some war\n\nSome war is a conflict that began in 2020 between two countries and is still going on now.[1]\n\n"
            "Contents\n\n1 Background\n2 Course\n2.1 Timeline\n\nBackground\n\nIt began in 2020.[1]\n\n"
            "References\n\n  1. ^ \"Title\". Work. 2020.\n")
    doc = parse(text)
    assert [s.text for s in doc.statements] == [
        "Some war is a conflict that began in 2020 between two countries and is still going on now.",
        "It began in 2020.",
    ]
    assert doc.statements[1].section == ("Background",)


def test_lone_notes_list_with_letter_markers() -> None:
    doc = parse("Title\n\nA claim.[a] Another.[b]\n\nNotes\n\n  1. ^ First note.\n  2. ^ Second note.\n")
    assert [(r.key, r.group) for r in doc.references] == [("a", "note"), ("b", "note")]
    assert all(c.reference is not None for c in doc.citations)


def test_a_notes_list_cited_by_number_beside_the_list_printed_at_the_page_end() -> None:
    # The page prints a second list at its end for the one reference of its external links,
    # numbered from 1 again: the "Notes" list is still the one the body cites, by number.
    text = ("Title\n\nTitle is a field of study that is described here in one sentence.[1]\n\n"
            "History\n\nIt began in 1990 with a survey.[2] Its first journal followed.[2]\n\n"
            "References\n\nNotes\n\n  1. ^ \"First\". W. 2020.\n  2. ^ a b \"Second\". W. 2020.\n\n"
            "External links\n\n  * The Centre [1]\n  * Its archive [2]\n\n"
            "  1. ^ Sanford, David (2017). \"Later\". LinkedIn.\n")
    doc = parse(text)
    assert "bibliography" not in doc.metadata  # the list at the end holds references, not works
    assert [(r.label, r.get("title")) for r in doc.references] == [
        ("[1]", "First"), ("[2]", "Second"), ("[external links 1]", "Later")]  # the last one is still read
    assert [c.reference.get("title") for c in doc.citations] == ["First", "Second", "Second", "Later"]
    assert doc.metadata["mapping_check"]["verified"]


def test_only_a_list_under_the_external_links_after_the_reference_list_is_read_apart() -> None:
    # A lettered note's list, then the references under a name of no familiar list: both lists
    # are the body's, and the references keep their plain keys.
    text = ("Title\n\nTitle is a field of study that is described here in one sentence.[1]\n\n"
            "History\n\nIt began in 1990 with a survey.[2] Its first journal followed.[2][A]\n\n"
            "Notes\n\n  1. ^ The survey was informal.\n\n"
            "Endnotes\n\n  1. ^ \"First\". W. 2020.\n  2. ^ a b \"Second\". W. 2020.\n")
    doc = parse(text)
    assert [r.label for r in doc.references] == ["[note a]", "[1]", "[2]"]
    assert [c.reference.raw[:7] for c in doc.citations] == ['"First"', '"Second', '"Second', "The sur"]


def test_each_list_after_the_reference_list_is_cited_by_the_markers_before_it() -> None:
    text = ("Title\n\nTitle is a field of study that is described here in one sentence.[1]\n\n"
            "Notes\n\n  1. ^ \"First\". W. 2020.\n\n"
            "External links\n\n  * The Centre [1]\n\n  1. ^ Sanford, David (2017). \"Later\". LinkedIn.\n\n"
            "External link\n\n  * The Prize [1]\n\n  1. ^ Prize Committee (2018). \"Prize\". Nobel.\n")
    doc = parse(text)
    assert [(c.label, c.reference.get("title"), text[:c.span.start].split()[-1]) for c in doc.citations] == [
        ("[1]", "First", "sentence."), ("[external links 1]", "Later", "Centre"), ("[external link 1]", "Prize", "Prize")]


def test_a_list_under_the_external_links_before_the_reference_list_is_no_list_of_the_page_end() -> None:
    text = ("Title\n\nTitle is a field of study that is described here in one sentence.[1]\n\n"
            "External links\n\n  * The Centre [1]\n\n  1. ^ Sanford, David (2017). \"Later\". LinkedIn.\n\n"
            "Notes\n\n  1. ^ \"First\". W. 2020.\n")
    doc = parse(text)
    assert all(ref.group != "external links" for ref in doc.references)


@pytest.mark.parametrize(("heading", "sub_headings"), [
    ("References and external articles", "**** Citations and notes[edit] ****\n"),
    ("Notes and citations", "**** Works cited[edit] ****\n"),
    ("References and external articles", "**** Bibliography[edit] ****\n    * Smith, J. (1990). Storms.\n"
                                         "**** Citation[edit] ****\n"),
])
def test_a_reference_list_under_a_sub_heading_that_names_it_ends_the_body(heading: str, sub_headings: str) -> None:
    text = ("****** Atmosphere ******\n"
            "Atmospheric electricity is the study of electrical charges in the atmosphere.[1]\n"
            "***** History[edit] *****\n"
            "The first measurements were made in 1752 with a kite.[2]\n"
            f"***** {heading}[edit] *****\n"
            + sub_headings +
            "   1. ^ Chalmers, J. Alan (1967). Atmospheric Electricity. Pergamon Press.\n"
            "   2. ^ Franklin, B. (1752). Letters. London.\n"
            "**** Other reading[edit] ****\n"
            "    * Smith, J. (1990). Storms. Oxford.\n")
    doc = parse(text)
    assert [r.get("title") or r.raw[:8] for r in doc.references] == ["Atmospheric Electricity", "Letters"]
    assert all(c.reference is not None for c in doc.citations)
    assert not any("Chalmers" in s.text for s in doc.statements)


@pytest.mark.parametrize("sub_heading", ["Densities", "Notes", "Sources"])
def test_a_body_section_whose_sub_section_holds_a_table_s_notes_goes_on(sub_heading: str) -> None:
    text = ("****** Alloys ******\n"
            "An alloy is a mixture of chemical elements of which at least one is a metal.[1]\n"
            "***** Data[edit] *****\n"
            f"**** {sub_heading}[edit] ****\n"
            "   1. ^ a b Measured at 20 degrees.\n"
            "   2. ^ Cast, not wrought.\n"
            "***** History[edit] *****\n"
            "Bronze was the first alloy made on purpose, some 5,000 years ago.[1]\n"
            "***** References[edit] *****\n"
            "   1. ^ a b Smith, J. (1990). Alloys. Oxford.\n")
    doc = parse(text)
    assert any(s.text.startswith("Bronze was the first alloy") for s in doc.statements)


def test_dump_entry_details() -> None:
    doc = dump("Tropical_meteorology")
    glued = [r for r in doc.references if re.match(r"^[a-z]{1,2}[A-Z]", r.raw)]
    assert glued == []  # "^ a bDorst, Neal": the last backlink letter is not part of the text
    journals = [r for r in doc.references if r.get("work") == "Journal of Geophysical Research"]
    assert journals and all(not r.get("publisher") for r in journals)


def test_french_and_spanish_templates() -> None:
    assert normalize_template_params("lien web", {
        "titre": "Titre", "titre traduit": "Title", "site": "Le Monde", "consulté le": "3 octobre 2020",
        "éditeur": "Groupe", "auteur1": "Dupont", "langue": "fr",
    }) == {"title": "Titre [Title]", "work": "Le Monde", "access_date": "3 octobre 2020", "publisher": "Groupe",
           "author": "Dupont", "language": "fr"}
    assert normalize_template_params("cita web", {
        "título": "T", "obra": "El País", "fechaacceso": "2 de mayo de 2020", "urlarchivo": "https://web.archive.org/x",
        "fechaarchivo": "1 de mayo de 2020", "apellido": "García", "nombre": "Ana",
    }) == {"title": "T", "work": "El País", "access_date": "2 de mayo de 2020",
           "archive_url": "https://web.archive.org/x", "archive_date": "1 de mayo de 2020", "author": "García, Ana"}
    # Underscored and spaced spellings of English names are the same parameter.
    assert normalize_template_params("cite web", {"access_date": "1 May 2020", "archive date": "2 May 2020"}) == {
        "access_date": "1 May 2020", "archive_date": "2 May 2020"}


def test_edit_links_leave_headings() -> None:
    doc = parse("Title\n\nThe lead names Title and says what it is about in one sentence.[1]\n\n"
                "History[edit]\n\nIt began in 1990.[1]\n\nReferences[edit]\n\n  1. ^ \"T\". W. 2020.\n")
    assert doc.statements[-1].section == ("History",)
    assert doc.reference("1") is not None


def test_short_prose_after_a_heading_is_not_a_caption() -> None:
    text = ("Title\n\nTitle is a conflict that began in 2020 between two countries and goes on.[1]\n\n"
            "Ceasefire\n\nOn 9 October, both sides agreed to a ceasefire. It broke down within hours.[1]\n\n"
            "Fighting resumed on 10 October along the whole line of contact.[1]\n\n"
            "References\n\n  1. ^ \"T\". W. 2020.\n")
    doc = parse(text)
    assert statement_with(doc, "both sides agreed to a ceasefire").kind == "prose"


def test_reference_list_copied_without_numbers() -> None:
    text = ("Title\n\nTitle began in 2020 and is described here in a single sentence.[1][2]\n\n"
            "References\n\n^ a b \"First\". Reuters. 1 October 2020.\n^ \"Second\". BBC. 2 October 2020.\n")
    doc = parse(text)
    assert [(r.key, r.backlinks, r.get("title")) for r in doc.references] == [("1", 2, "First"), ("2", 1, "Second")]
    assert all(c.reference is not None for c in doc.citations)


def test_tab_separated_copies() -> None:
    text = ("Battle of X\n\nBattle of X\nDate\t5 May 1990\nCommander\tJohn Smith[1]\n\n"
            "The Battle of X was fought in 1990 between two armies over a river crossing.[1]\n\n"
            "Losses\n\nYear\tKilled\tSource\n1990\t1,200\tArmy report[1]\n\n"
            "References\n\n  1. ^ \"T\". W. 2020.\n")
    doc = parse(text)
    assert doc.metadata["infobox"] == {"Date": "5 May 1990", "Commander": "John Smith"}
    row = statement_with(doc, "1,200")
    assert row.kind == "table" and row.section == ("Losses",) and labels(row) == ["[1]"]


def test_reference_list_under_a_localized_heading() -> None:
    doc = parse("Berlin\n\nBerlin ist die Hauptstadt Deutschlands und hat 3,6 Millionen Einwohner.[1]\n\n"
                "Einzelnachweise\n\n  1. ^ „Einwohner“. berlin.de. Abgerufen am 1. September 2021.\n")
    assert doc.reference("1").get("access_date") == "1. September 2021"
    assert doc.citations[0].reference is doc.reference("1")


def test_a_line_of_markers_still_cites() -> None:
    doc = parse("Title\n\nA claim about the subject of this article made in the lead.\n\n[1][2]\n\n"
                "References\n\n  1. ^ \"T\". W. 2020.\n  2. ^ \"U\". W. 2020.\n")
    assert [c.key for c in doc.citations] == ["1", "2"]
    assert all(c.reference is not None for c in doc.citations)


def test_vietnamese_parameter_names_map_to_fields() -> None:
    fields = normalize_template_params("chú thích web", {
        "url": "http://x.vn/a", "tiêu đề": "Tựa", "nhà xuất bản": "Báo", "ngày tháng": "2019-05-01",
        "ngày truy cập": "2020-02-01", "url lưu trữ": "https://web.archive.org/web/20200101/http://x.vn/a",
        "ngày lưu trữ": "2020-01-01", "ngôn ngữ": "vi",
    })
    assert fields == {
        "url": "http://x.vn/a", "title": "Tựa", "publisher": "Báo", "date": "2019-05-01",
        "access_date": "2020-02-01", "archive_url": "https://web.archive.org/web/20200101/http://x.vn/a",
        "archive_date": "2020-01-01", "language": "vi",
    }


def test_a_dump_keeps_the_paragraph_right_after_a_hatnote() -> None:
    text = """****** Heat ******
***** In nature *****
Further information: Counter-current_exchange_in_biological_systems
"Countercurrent" heat exchangers occur naturally in the circulation system of
fish, whales and other marine mammals.[1]
Main articles: Heat_transfer, Thermal_conduction, Convection_(heat_transfer) and
Radiation
Whales lose little heat in cold water.[1]
***** References *****
   1. ^ a b "Whales". Science. 1997.
"""
    doc = parse(text)
    assert [s.text for s in doc.statements] == [
        '"Countercurrent" heat exchangers occur naturally in the circulation system of fish, '
        "whales and other marine mammals.",
        "Whales lose little heat in cold water.",
    ]


DUMP_LAYOUT = """****** Plants ******
***** Carbon fixation *****
Photomicrograph of two leaf cells in a test pattern. Probe pads for two gates and
three stomata (left) are labeled.
Oxaloacetic acid or malate synthesized by this process is then translocated to
specialized bundle_sheath cells where the enzyme RuBisCO and other Calvin cycle
enzymes are located, and where CO
2 released by decarboxylation of the four-carbon acids is then fixed.[1] The
equilibrium proportions are reached within 1-
2 generations of random mating.[1]
[A_dozen_parallel_cables_are_individually_anchored_to_an_assembly.]
Post-tensioned tendon anchorage wedges are visible holding each strand.
950 mya                                                 Nematoda and allies
                             680 mya                    Rotifera and allies
The tendons are anchored by wedges.[1]:79â\x80\x9384
***** References *****
   1. ^ a b c "Carbon". Nature. 2001.
"""


def test_a_dump_joins_subscripts_and_broken_ranges_and_drops_alt_text_and_diagrams() -> None:
    doc = parse(DUMP_LAYOUT)
    texts = {s.text: s.kind for s in doc.statements}
    assert texts["Photomicrograph of two leaf cells in a test pattern."] == "caption"  # under its heading
    assert texts["Probe pads for two gates and three stomata (left) are labeled."] == "caption"
    assert any("where CO2 released by decarboxylation" in t for t in texts)
    assert "The equilibrium proportions are reached within 1-2 generations of random mating." in texts
    assert not any("A dozen parallel cables" in t or "mya" in t for t in texts)
    assert texts["Post-tensioned tendon anchorage wedges are visible holding each strand."] == "prose"
    assert "The tendons are anchored by wedges." in texts  # the cited pages "79–84" go with the marker


def test_a_subscript_on_its_own_line_keeps_the_marker_glued_to_it() -> None:
    text = ("****** Plants ******\n***** Cost *****\n"
            "Oxaloacetic acid or malate synthesized by this process is then translocated to\n"
            "specialized cells; while carbon cycling results in the formation of G3P in the\n"
            "end, around 25% of carbon fixed by photorespiration is re-released as CO\n"
            "2[1] and nitrogen, as ammonia. Ammonia must then be detoxified at a substantial\n"
            "cost to the cell.[1]\n***** References *****\n   1. ^ a b \"Carbon\". Nature. 2001.\n")
    doc = parse(text)
    stmt = statement_with(doc, "around 25% of carbon")
    assert stmt.text.endswith("re-released as CO2 and nitrogen, as ammonia.") and labels(stmt) == ["[1]"]


@pytest.mark.parametrize(("footer", "day"), [
    ("This page was last edited on 7 August 2019, at 18:59 (UTC).", "2019-08-07"),
    ("This page was last edited on August 7, 2019, at 18:59 (UTC).", "2019-08-07"),
    ("Last edited on 3 August 2019", "2019-08-03"),
])
def test_the_footer_dates_the_copy(footer: str, day: str) -> None:
    doc = parse(f"Title\n\nSome text of the page.\n\n{footer}\n")
    assert (str(doc.revision_date), doc.revision_date_source) == (day, "metadata")


def test_a_tag_wrapped_across_two_lines_of_a_dump_is_one_tag() -> None:
    doc = parse("""****** Windows ******
***** Security *****
The AOL National Cyber Security Alliance Online Safety Study of October 2004,
determined that 80% of Windows users were infected by at least one product.[citation
needed] Much documentation is available describing how to increase the security
of Microsoft Windows products, such as firewalls and updates of many kinds.[1]
***** References *****
   1. ^ a b "Security". Microsoft. 2019.
""")
    first, second = doc.statements[:2]
    assert first.text.endswith("at least one product.") and [t.kind for t in first.tags] == ["citation-needed"]
    assert second.text.startswith("Much documentation") and not second.tags


def test_pages_a_dump_wrapped_after_the_markers_colon_belong_to_the_marker() -> None:
    doc = parse("""****** Eclecticism ******
***** Middle Platonism *****
It considered the main theories of the post-Platonic schools of philosophy, such
as the Aristotelian logic and the Stoic ethics (theory of goods and emotions).[1]:
306 On the one hand the Middle Platonists were engaged like the later
Peripatetics in scholarly activities such as the exposition of Plato.[1]:306
***** References *****
   1. ^ a b "Eclecticism". Britannica. 1911.
""")
    first, second = doc.statements[:2]
    assert first.text.endswith("(theory of goods and emotions).") and [c.key for c in first.citations] == ["1"]
    assert second.text.startswith("On the one hand") and "306" not in second.text
    assert doc.source[first.citations[0].span.start:first.citations[0].span.end] == "[1]:\n306"


def test_a_wrapped_style_sheet_and_split_off_isbn_lines_join_the_entries_before_them() -> None:
    doc = parse("""****** Motion economy ******
The principles can be classified into four groups.[1][2]
***** References[edit] *****
   1. ^ Kanawaty, G. (1992). Introduction to work study, International Labour
      Office,
   2. .mw-parser-output cite.citation{font-style:inherit}.mw-parser-output
      .citation .cs1-lock-
      free a{background:url("//upload.wikimedia.org/lock.png")}.mw-
      parser-output .cs1-kern-right{padding-right:0.2em}
   3. ISBN 978-92-2-107108-2
   4. ^ Meyers, F. E. (2002). Motion and time study, Prentice Hall,
   5. ISBN 978-0-13-031670-7
""")
    assert [(r.key, r.raw.split(".")[0]) for r in doc.references] == [("1", "Kanawaty, G"), ("2", "Meyers, F")]
    assert "ISBN 978-92-2-107108-2" in doc.references[0].raw


def test_beside_a_remarks_list_of_numbered_notes_a_notes_list_holds_the_citations() -> None:
    doc = parse("""****** Theorem ******
The theorem holds for quaternionic matrices.[1][nb_1] It was proved in 1878.[2]
***** See also[edit] *****
    * Companion_matrix
***** Remarks[edit] *****
   1. ^ Care is needed with the determinant of quaternions.
***** Notes[edit] *****
   1. ^ Crilly_1998
   2. ^ Frobenius_1878
""")
    assert sorted((r.group, r.key) for r in doc.references) == [("", "1"), ("", "2"), ("note", "1")]
    assert all(c.reference is not None for c in doc.citations)


def test_notes_a_page_groups_as_remarks_are_cited_by_remark_markers() -> None:
    doc = parse("""****** Transform ******
The transform extends to vector-valued functions.[remark_1] It was introduced in
1822.[1] Its inverse was studied later.[2][2]
***** See also[edit] *****
    * Laplace_transform
***** Remarks[edit] *****
   1. ^ In quantum field theory, operator-valued transforms are in frequent use.
***** Notes[edit] *****
   1. ^ Fourier_1822, p. 525.
   2. ^ a b Fourier_1878, p. 408.
""")
    assert sorted((r.group, r.key) for r in doc.references) == [("", "1"), ("", "2"), ("note", "1")]
    assert [(c.group, c.key) for c in doc.citations] == [("note", "1"), ("", "1"), ("", "2"), ("", "2")]
    assert doc.metadata["mapping_check"]["verified"]


@pytest.mark.parametrize(("line", "marker", "indexes"), [
    ("            x[i] -= A[i][k] * x[k];", "[k]", True),
    ("    double det = A[0][0];", "[0]", True),
    ("[3] sets the value x = 1 for the loop;", "[3]", False),  # a marker opening a wrapped line
    ("the update x = x + 1 is shown.[3] For each k;", "[3]", False),  # after punctuation
    ("    if (x[1] == y)", "[1]", True),  # a keyword opens it
    ("      y = x[2] }", "[2]", True),  # a block's end closes it
    ("the value x = y is set by Smith[2] (see above)", "[2]", False),  # prose with an equals sign
    ("  tbl$Dy.dt[1] <- dy.dt(tbl$ti[1],y0) # derivative", "[1]", True),  # R assigns with "<-"
    ("the arrow x <- f(y) points back.[1]", "[1]", False),  # an arrow in prose, a marker after punctuation
    ("  x[1] <- y", "[1]", True),  # an R assignment needs no call or equals sign
    ("In R the form x <- mean(y) stores 40 values, as Venables[1] showed.", "[1]", False),  # prose about R
])
def test_only_an_index_glued_to_a_name_on_a_line_of_code_is_no_marker(line: str, marker: str, indexes: bool) -> None:
    assert _indexes_a_name(line, line.index(marker)) is indexes


def test_an_image_alt_text_wrapped_over_two_lines_with_its_captions_marker_is_dropped() -> None:
    doc = parse("""****** Botany ******
***** Anatomy[edit] *****
Uniquely, streptophyte cells divide by construction of a phragmoplast as a
template for building a cell_plate late in cell division.[1]
[A_diagram_of_a_"typical"_eudicot,_the_most_common_type_of_plant_(three-fifths
of_all_plant_species).[2]_No_plant_actually_looks_exactly_like_this_though.]
A diagram of a "typical" eudicot, the most common type of plant (three-fifths
of all plant species).[2] No plant actually looks exactly like this though.
***** References[edit] *****
   1. ^ Lewis, L. A. (2004). "Green algae and the origin of land plants". American Journal of Botany.
   2. ^ Campbell et al. 2008, pp. 630, 738.
""")
    assert [c.key for c in doc.citations] == ["1", "2"]
    assert not any("eudicot,_the" in s.text for s in doc.statements)
    assert doc.metadata["mapping_check"]["agreeing"] == 2


def test_a_marker_only_an_image_alt_text_carries_is_a_use() -> None:
    doc = parse("""****** Fish ******
***** Evolution *****
Main article: Evolution_of_fish
[Drawing_of_animal_with_large_mouth,_long_tail,_very_small_dorsal_fins,_and
pectoral_fins_that_attach_towards_the_bottom_of_the_body,_resembling_lizard
legs_in_scale_and_development.[1]]
Dunkleosteus was a gigantic, 10-metre (33 ft) long prehistoric_fish of class
Placodermi.
Fish do not represent a monophyletic group.[2]
***** References *****
   1. ^ "Monster fish crushed opposition with strongest bite ever". Smh.com.au. 30 November 2006.
   2. ^ Tree of Life Web Project (1995). "Chordata". Tree of Life.
""")
    assert sorted(c.key for c in doc.citations) == ["1", "2"]
    assert not any("lizard" in s.text for s in doc.statements)


def test_a_lone_note_under_a_picture_with_the_style_sheet_numbered_after_it_does_not_end_the_body() -> None:
    doc = parse("""****** Cycle ******
***** Overview[edit] *****
The cycle was discovered in 1937.[1]
***** Interactive pathway map[edit] *****
TCA Cycle edit
   1. ^ The interactive pathway map can be edited at WikiPathways:
      "TCACycle_WP78".
   2. .mw-parser-output cite.citation{font-style:inherit}.mw-parser-output
      .citation .cs1-lock-free a{background-position:right .1em center}
***** Evolution[edit] *****
The cycle itself may have evolved more than once.[2]
***** References[edit] *****
   1. ^Krebs HA (1937). "The role of citric acid". Enzymologia. 4: 148-156.
   2. ^Gest H (1987). "Evolutionary roots of the citric acid cycle". Biochem Soc Symp.
""")
    assert any("evolved more than once" in s.text for s in doc.statements)
    assert [(c.key, c.reference is not None) for c in doc.citations if not c.group] == [("1", True), ("2", True)]


def test_array_indices_on_lines_of_program_code_are_no_markers() -> None:
    doc = parse("""****** Decomposition ******
The algorithm runs in cubic time.[1]
    for (i = 0; i < N; i++) {
        if ((absA = fabs(A[k][i])) > maxA) {
            A[j][i] /= A[i][i];
    double det = A[0][0];
            x[i] -= A[i][k] * x[k];
A line a copy wraps, citing its source here,[1] may end in a semicolon;
the formula for a coil[2]    L =   r  2   {\\displaystyle L={\\frac {r^{2}}{8r}}
***** References *****
   1. ^ a b Press, W. H. (2007). Numerical Recipes. Cambridge University Press.
   2. ^ Wheeler, H. A. (1928). Simple Inductance Formulas. IRE.
""")
    assert [(c.group, c.key) for c in doc.citations] == [("", "1"), ("", "1"), ("", "2")]


def test_an_indented_block_quotation_wraps_narrower_and_is_one_paragraph() -> None:
    doc = parse("""****** Pierre-Simon Laplace ******
***** Early years *****
would seem that from a pupil he became an usher in the school at Beaumont; but,
having procured a letter of introduction to d'Alembert, he went to Paris to
advance his fortune. However, Karl_Pearson[1] is scathing about the
inaccuracies in Rouse Ball's account and states:
     Indeed Caen was probably in Laplace's day the most intellectually
     active of all the towns of Normandy. It was here that Laplace was
     educated and was provisionally a professor. It was here he wrote his
     first paper published in the MÃ©langes of the Royal Society of Turin,
     Tome iv. 1766â1769, at least two years before he went at 22 or 23
     to Paris in 1771. Thus before he was 20 he was in touch with Lagrange
     in Turin. He did not go to Paris a raw self-taught country lad with
     only a peasant background! In 1765 at the age of sixteen Laplace left
     the "School of the Duke of Orleans" in Beaumont and went to the
     University_of_Caen, where he appears to have studied for five years
     and was a member of the Sphinx. The 'Ãcole_Militaire' of Beaumont
     did not replace the old school until 1776.
***** References *****
   1. ^ Pearson, Karl (1929). "Laplace". Biometrika. 21: 202-216.
   2. ^ Gillispie, Charles (1997). Pierre-Simon Laplace. Princeton.
""")
    quoted = [s for s in doc.statements if "Caen" in s.text or "Turin" in s.text or "22 or 23" in s.text]
    assert {s.kind for s in quoted} == {"prose"}
    assert len({s.paragraph for s in quoted}) == 1
    assert any(s.text.endswith("went at 22 or 23 to Paris in 1771.") for s in quoted)


def test_a_table_drawn_wider_than_the_wrap_leaves_the_prose_its_width() -> None:
    # Euro convergence criteria: ruled rows of 91 columns outnumber the 80-column prose lines.
    row = "|_________|_________|(surplus)|_______|_________|__________________|________|_____________|"
    prose = """The fiscal criterion has two parts. If the budget deficit exceeds the 3% limit
but is "close" to this value (the European Commission has deemed 3.5% to be
close by in the past), then the criteria can still potentially be fulfilled if
either the deficits in the previous two years are significantly declining
towards the 3% limit, or if the excessive deficit is the result of exceptional
circumstances which are temporary in nature.[2] Additionally, if the debt-to-GDP
ratio exceeds 60% but is "sufficiently diminishing and approaching the reference
value at a satisfactory pace" it can be deemed to be in compliance.[3]
"""
    doc = parse("****** Euro convergence criteria ******\n***** Fulfillment *****\n"
                + "| Sweden |1.9%     |-1.3%    |40.6%  |No       |-1.8%             |0.7%    |No           |\n"
                + (row + "\n") * 12 + "\n" + prose
                + '***** References *****\n   1. ^ "One". ECB.\n   2. ^ "Two". ECB.\n   3. ^ "Three". ECB.\n')
    said = [s for s in doc.statements if s.kind == "prose"]
    assert [(s.text[:20], [c.key for c in s.citations]) for s in said] == [
        ("The fiscal criterion", []), ("If the budget defici", ["2"]), ("Additionally, if the", ["3"])]
    assert not any("|" in s.text for s in doc.statements)  # ruled rows are a table's, not prose


def test_a_formulas_image_text_wrapped_onto_a_line_of_its_own_is_no_marker() -> None:
    doc = parse(r"""****** Quotient group ******
***** Definition *****
G. Because we started with a group and normal subgroup, the final quotient
contains more information than just the number of cosets (which is what regular
division yields), but instead has a group structure itself.
***** Examples[edit] *****
**** Even and odd integers[edit] ****
Consider the group of integers Z (under addition) and the subgroup 2Z
consisting of all even integers. This is a normal subgroup, because Z is
abelian. There are only two cosets: the set of even integers and the set of odd
integers, and therefore the quotient group Z/2Z is the cyclic group with two
elements. This quotient group is isomorphic with the set {0,1} with addition
modulo 2; informally, it is sometimes said that Z/2Z equals the set {0,1} with
addition modulo 2.
Example further explained...
Let     &#x03B3; ( m ) =   {\displaystyle \gamma (m)=}  [{\displaystyle \gamma
(m)=}] remainders of     m &#x2208;  Z    {\displaystyle m\in \mathbb {Z} }  [
{\displaystyle m\in \mathbb {Z} }] when dividing by     2   {\displaystyle 2}
[2].
Then the quotient group is cyclic.[1]
***** References *****
   1. ^ Herstein, I. N. (1975). Topics in Algebra. Wiley.
""")
    assert [c.key for c in doc.citations] == ["1"]


def test_a_lone_remarks_list_holds_the_notes_when_the_text_cites_only_numbered_notes() -> None:
    doc = parse("""****** Bracket ******
In canonical coordinates,[Note_1] the bracket takes the form below.
***** See also[edit] *****
    * Lagrange_bracket
***** Remarks[edit] *****
   1. ^ f(p, q, t) means a function of the momenta, positions and time.
***** Notes[edit] *****

***** References[edit] *****
    * Arnold, Vladimir I. (1989). Mathematical Methods of Classical Mechanics.
    * Hazewinkel, Michiel, ed. (2001) [1994], "Poisson brackets", Encyclopedia of Mathematics
""")
    assert [(r.group, r.key) for r in doc.references] == [("note", "1")]
    assert [(c.group, c.key, c.reference is not None) for c in doc.citations] == [("note", "1", True)]


def test_a_tex_commands_optional_argument_is_no_marker() -> None:
    doc = parse(r"""****** Complex number ******
***** History *****
   1. Cardano's formula solves the depressed cubic.[1] Setting     u = q  /  2 +
      q/2 + \sqrt{(q/2)^2-(p/3)^3}] and     v = q  /  2 &#x2212;   ( q  /  2  )
      2   &#x2212; ( p  /  3  )  3       {\displaystyle v=q/2-{\sqrt {(q/2)^
      {2}-(p/3)^{3}}}}  [v = q/2 - \sqrt{(q/2)^2-(p/3)^3}], respectively.
      Therefore,     x =    q  /  2 +   ( q  /  2  )  2   &#x2212; ( p  /  3  )
      3       3    +    q  /  2 &#x2212;   ( q  /  2  )  2   &#x2212; ( p  /  3
      )  3       3      {\displaystyle x={\sqrt[{3}]{q/2+{\sqrt {(q/2)^{2}-(p/
      3)^{3}}}}}+{\sqrt[{3}]{q/2-{\sqrt {(q/2)^{2}-(p/3)^{3}}}}}}  [x = \sqrt
      [3]{q/2 + \sqrt{(q/2)^2-(p/3)^3}} + \sqrt[3]{q/2 - \sqrt{(q/2)^2-(p/
      3)^3}}]. When     ( q  /  2  )  2   &#x2212; ( p  /  3  )  3
      {\displaystyle (q/2)^{2}-(p/3)^{3}}  [(q/2)^2-(p/3)^3] is negative (casus
      irreducibilis), the second cube root should be regarded as the complex
      conjugate of the first one.
***** References[edit] *****
***** References *****
   1. ^ Cardano, Gerolamo (1545). Ars Magna.
""")
    assert [c.key for c in doc.citations] == ["1"]


# --- layouts of real text dumps, each on an excerpt of the page it was seen on -------------


def dump_section(body: str) -> Document:
    """A text dump of one section, with a reference list so that the body ends."""
    return parse(f"****** Page ******\n***** Section *****\n{body}***** References *****\n"
                 '   1. ^ a b "Source". Nature. 2001.\n')


def test_numbered_figure_legends_are_captions_in_a_gallery_list_or_alone() -> None:
    doc = dump_section("""Countercurrent (A) and parallel (B) flows
    * Fig. 1: Shell_and_tube_heat_exchanger, single pass (1-1 parallel flow)
    * Fig. 2: Shell and tube heat exchanger, 2-pass tube side (1-2 crossflow)
Figure 3: The string at 6 consecutive epochs
There are three primary classifications of heat exchangers according to their
flow arrangement.[1]
""")
    kinds = {s.text: s.kind for s in doc.statements}
    assert kinds["Fig. 1: Shell and tube heat exchanger, single pass (1-1 parallel flow)"] == "caption"
    assert kinds["Fig. 2: Shell and tube heat exchanger, 2-pass tube side (1-2 crossflow)"] == "caption"
    assert kinds["Figure 3: The string at 6 consecutive epochs"] == "caption"


def test_a_phrase_with_no_verb_under_a_heading_or_the_pages_chrome_is_a_caption() -> None:
    doc = parse("""****** Grid dip oscillator ******
From Wikipedia, the free encyclopedia
Jump_to_navigation Jump_to_search
For other uses, see Dip_meter_(disambiguation).
A pseudocolor image of two meters taken in infrared light.
A grid dip oscillator measures the resonant frequency of unmounted circuits.[1]
***** Operation[edit] *****
Two Heathkit Grid Dip Meters with a set of tuning coils.
The heart of the instrument is a tunable LC circuit whose exposed coil couples
to the measured circuit.[1]
***** History *****
Smith designed the first meter.
The heart of the instrument is a tunable LC circuit.[1]
***** References *****
   1. ^ a b c "Dip meters". ARRL. 1998.
""")
    kinds = {s.text: s.kind for s in doc.statements}
    assert kinds["A pseudocolor image of two meters taken in infrared light."] == "caption"
    assert kinds["Two Heathkit Grid Dip Meters with a set of tuning coils."] == "caption"
    assert kinds["Smith designed the first meter."] == "prose"


def test_a_formula_wrapped_at_its_plus_sign_is_no_list_item() -> None:
    doc = dump_section("""exerted on the mass m at the location x + h are:
              F   N e w t o n       = m &#x22C5; a ( t ) = m &#x22C5;
      =  F  x + 2 h   &#x2212;  F  x   = k  [  u ( x + 2 h , t ) &#x2212; u ( x
      + h , t )  ]  &#x2212; k [ u ( x + h , t ) &#x2212; u ( x , t ) ]
where:
    * f is the source function (driving force),
""")
    assert [s.text for s in doc.statements if s.kind == "list"] == ["f is the source function (driving force),"]


def test_property_value_lines_are_data_and_the_line_introducing_them_is_prose() -> None:
    doc = dump_section("""The main raw materials are described as follows:
  Purified terephthalic acid (PTA) CAS-No.: 100-21-0
      Synonym: 1,4 benzenedicarboxylic acid,
      Sum formula: C6H4(COOH)2, mol. weight: 166.13
To make a polymer of high molecular_weight a catalyst is needed. The most
common catalyst is antimony_trioxide (or antimony tri-acetate):
  Antimony trioxide (ATO) CAS-No.: 1309-64-4
      mol. weight: 291.51,
      Sum formula: Sb2O3
In 2008, about 10,000 tonnes Sb2O3 were used to produce around 49 million
tonnes polyethylene terephthalate.[1]
""")
    assert [(s.kind, s.text) for s in doc.statements] == [
        ("prose", "The main raw materials are described as follows:"),
        ("prose", "To make a polymer of high molecular weight a catalyst is needed."),
        ("prose", "The most common catalyst is antimony trioxide (or antimony tri-acetate):"),
        ("prose", "In 2008, about 10,000 tonnes Sb2O3 were used to produce around 49 million tonnes "
                  "polyethylene terephthalate."),
    ]


def test_a_fraction_wrapped_after_its_slash_is_one_token() -> None:
    doc = dump_section("""where |x| is the absolute value.
A similar relation holds between the median and the mode: they lie within 31/
2 = 1.732 standard deviations of each other:[1]
""")
    assert doc.statements[-1].text == ("A similar relation holds between the median and the mode: "
                                       "they lie within 31/2 = 1.732 standard deviations of each other:")


def test_a_power_of_ten_that_lost_its_superscript_gives_no_figure_of_its_digits() -> None:
    doc = dump_section("""damage. For example, yttrium ion implantation into sapphire at an ion beam
energy of 150 keV to a fluence of 5*1016 Y+/cm2 produces an amorphous glassy
layer approximately 110 nm in thickness, measured from the outer surface.[1]
""")
    stmt = statement_with(doc, "fluence")
    assert "a fluence of 5e16 Y+/cm2 produces" in stmt.text
    at = stmt.text.index("5e16")
    assert doc.source[stmt.source_offset(at):stmt.source_offset(at + 3) + 1] == "5*1016"
    assert [c.value for c in find_numeric_claims(stmt.text)] == [150, 110]


def test_a_number_in_a_linked_name_stays_in_the_name() -> None:
    doc = dump_section("""    * Bioterrorism; e.g. 2001_Anthrax_attacks
    * Human_herpesvirus_8
    * Lyme_borreliosis
The U.S. National_Institute_of_Allergy_and_Infectious_Diseases recognizing the
following emerging diseases as of 2004, over_90%_market of them.[1]
""")
    texts = [s.text for s in doc.statements]
    assert texts[1:3] == ["Human_herpesvirus_8", "Lyme borreliosis"]
    assert not find_numeric_claims(texts[1])
    assert "National Institute of Allergy and Infectious Diseases" in texts[3]
    assert "over 90% market" in texts[3]  # a linked figure is still a figure


def test_an_infobox_sub_header_heads_only_the_rows_right_under_it() -> None:
    doc = parse("""Border clashes

Part of the border conflict
Belligerents

Supported by:
 Turkey[1]

 Armenia
Strength
  • 2,050 fighters[1]

Border clashes are a conflict between two countries that began in 2020.[1] The fighting continues to this day.

References

  1. ^ a b c "Clashes". Reuters. 1 October 2020.
""")
    sections = {s.text: s.section for s in doc.statements if s.kind == "infobox"}
    assert sections["Turkey"] == ("Infobox", "Belligerents", "Supported by:")
    assert sections["Armenia"] == ("Infobox", "Belligerents")


def test_a_maintenance_boxs_lines_are_no_statements_whatever_their_case() -> None:
    doc = parse("""****** Town ******
***** History *****
Please help improve this section by adding citations to reliable sources.
Find sources: "Town" - news, newspapers, books (May 2019)
The town had 5,000 people in 1900.[1]
***** References *****
   1. ^ "Census". Office. 2001.
""")
    assert [s.text for s in doc.statements] == ["The town had 5,000 people in 1900."]


def test_a_maintenance_boxs_line_in_an_infobox_is_no_row() -> None:
    doc = parse("""Border clashes

Part of the border conflict
Please help improve this infobox by adding citations.
Belligerents

 Armenia

Border clashes are a conflict between two countries that began in 2020.[1]

References

  1. ^ "Clashes". Reuters. 1 October 2020.
""")
    assert [s.text for s in doc.statements if s.kind == "infobox"] == ["Part of the border conflict", "Armenia"]


def test_a_phrase_with_no_verb_under_the_first_line_heading_is_a_caption() -> None:
    doc = parse("""***** Operation *****
Two Heathkit Grid Dip Meters with a set of tuning coils.
The heart of the instrument is a tunable LC circuit whose exposed coil couples
to the measured circuit.[1]
***** References *****
   1. ^ a b c "Dip meters". ARRL. 1998.
""")
    kinds = {s.text: s.kind for s in doc.statements}
    assert kinds["Two Heathkit Grid Dip Meters with a set of tuning coils."] == "caption"


@pytest.mark.parametrize(
    ("text", "names_a_picture"),
    [
        ("Two Heathkit Grid Dip Meters with a set of tuning coils.", True),
        ("A view of the old harbour with its fishing boats and the church behind it", True),  # fifteen words
        ("A view of the old harbour with its fishing boats and the church behind it today", False),
        ("Tanks in the square. Soldiers nearby.", False),  # two sentences
        ("The bridge that was, at the time, the longest", False),  # a verb before a comma
        ("Houses destroyed, in the old town", False),  # a past form before a comma
    ],
)
def test_a_short_phrase_with_no_verb_names_a_picture(text: str, names_a_picture: bool) -> None:
    assert _names_a_picture(text) is names_a_picture


def test_a_markers_colon_ending_a_wrapped_line_with_no_pages_after_it() -> None:
    source = """****** Eclecticism ******
***** Middle Platonism *****
It considered the main theories of the post-Platonic schools of philosophy, such
as the Aristotelian logic and the Stoic ethics (theory of goods and emotions).[1]:
On the one hand the Middle Platonists were engaged like the later
Peripatetics in scholarly activities such as the exposition of Plato.[1]:306
***** References *****
   1. ^ a b "Eclecticism". Britannica. 1911.
"""
    doc = parse(source)
    first, second = doc.statements[:2]
    assert second.text.startswith("On the one hand")
    assert source[first.citations[0].span.start:first.citations[0].span.end] == "[1]:"


def test_a_notes_list_of_numbered_notes_beside_the_references_holds_the_notes() -> None:
    doc = parse("""****** Theorem ******
The theorem holds for quaternionic matrices.[1][nb_1] It was proved in 1878.[2]
***** Notes[edit] *****
   1. ^ Care is needed with the determinant of quaternions.
***** References[edit] *****
   1. ^ Crilly_1998
   2. ^ Frobenius_1878
""")
    assert sorted((r.group, r.key) for r in doc.references) == [("", "1"), ("", "2"), ("note", "1")]


def test_a_phrase_with_no_verb_after_a_sections_hatnote_is_a_caption() -> None:
    doc = parse("""****** Grid dip oscillator ******
A grid dip oscillator measures the resonant frequency of unmounted circuits.[1]
***** Operation *****
Further information: Dip_meter
Two Heathkit Grid Dip Meters with a set of tuning coils.
The heart of the instrument is a tunable LC circuit whose exposed coil couples
to the measured circuit.[1]
***** References *****
   1. ^ a b c "Dip meters". ARRL. 1998.
""")
    kinds = {s.text: s.kind for s in doc.statements}
    assert kinds["Two Heathkit Grid Dip Meters with a set of tuning coils."] == "caption"


def test_a_list_numbered_at_the_margin_under_its_introduction_is_a_list() -> None:
    doc = parse("""****** Translation ******
***** Elongation *****
Following initiation, the polypeptide chain is extended one amino acid at a
time. The following steps must occur to ensure the correct addition of amino
acids:[1]
1. The binding of the correct tRNA into the A site of the ribosome
2. The formation of a peptide_bond between the tRNA in the A site and the
polypeptide chain attached to the tRNA in the P site
3. Translocation or advancement of the tRNA-mRNA complex by three nucleotides
Translocation "kicks off" the tRNA at the E site and shifts the tRNA from the A
site into the P site.
The district court heard the case for many months and finally ruled in March
2015. The appeal was heard a year later.
***** References *****
   1. ^ "Translation". Nature. 2010.
""")
    kinds = {s.text: s.kind for s in doc.statements}
    assert kinds["The binding of the correct tRNA into the A site of the ribosome"] == "list"
    assert kinds["The formation of a peptide bond between the tRNA in the A site and the polypeptide chain "
                 "attached to the tRNA in the P site"] == "list"
    assert kinds["Translocation or advancement of the tRNA-mRNA complex by three nucleotides"] == "list"
    assert kinds['Translocation "kicks off" the tRNA at the E site and shifts the tRNA from the A site into the '
                 'P site.'] == "prose"
    assert kinds["The district court heard the case for many months and finally ruled in March 2015."] == "prose"


def test_a_dump_reads_a_fifth_level_heading_as_a_heading() -> None:
    doc = parse("""****** Discounts ******
***** Types[edit] *****
*** Prompt payment discount [edit] ***
Trade terms state when an invoice falls due.[1]
** Examples[edit] **
2/10 net 30 - this means the buyer must pay within 30 days.[1]
***** References *****
   1. ^ a b "Discounts". Investopedia. 2019.
""")
    example = next(s for s in doc.statements if s.text.startswith("2/10 net 30"))
    assert example.section == ("Types", "Prompt payment discount", "Examples")
    assert not any("Examples" in s.text for s in doc.statements)


def test_an_equations_own_tag_after_a_latex_command_is_no_marker() -> None:
    doc = parse("""****** Motion ******
***** Equations *****
The equations of uniformly accelerated motion were found by Galileo.[1]
      {\\displaystyle {\\begin{aligned}v&=u+at\\quad [1]\\\\v^{2}&=u^{2}+2as\\quad [4]\\\\\\end{aligned}}}
***** References *****
   1. ^ "Motion". Britannica. 2019.
""")
    assert [c.key for c in doc.citations] == ["1"]


def test_a_bracket_opening_a_tex_group_is_no_marker() -> None:
    # "y^{[3]}" is the third derivative in the printed TeX source; a marker never follows "{".
    doc = parse("""****** Recurrence relation ******
***** Solving *****
The equation   {\\displaystyle (x^{2}+3x-4)y^{[3]}-(3x+1)y^{[2]}+2y=0}  [
      (x^{2}+3x-4)y^{[3]}-(3x+1)y^{[2]}+2y=0] is linear.[1]
***** References *****
   1. ^ "Recurrence". MathWorld.
""")
    assert [c.key for c in doc.citations] == ["1"]


def test_a_bracketed_zero_is_no_marker() -> None:
    # A wrapped formula's TeX source holds "x[0]" on a line of its own; a marker [0] never
    # exists, a list numbers from 1. The citation after the formula stays one.
    doc = parse("""****** Z-transform ******
***** Properties *****
Initial value theorem: If x[n] is causal, then
         x [ 0 ] =  lim  z    X ( z ) .   {\\displaystyle x
      [0]=\\lim _{z\\to \\infty }X(z).}  [x[0]=\\lim X(z)] The theorem is standard.[1]
A sequence x[0] starts it.
***** References *****
   1. ^ "Z-transform". MathWorld.
""")
    assert [c.key for c in doc.citations] == ["1"]
    assert doc.source[doc.citations[0].span.start - 9:doc.citations[0].span.end] == "standard.[1]"


def test_a_dumps_sourced_table_is_read_a_line_a_row() -> None:
    # A table closed by its cited source line, or cited in its header (whose lines are one
    # row), is read so that its source can cover what prose reads off it; a table with no
    # source is still skipped.
    table = """Country                     (millions of tonnes)
          Russia                            51.4
           World                              277.2
"""
    refs = '***** References *****\n   1. ^ "Production". FAOSTAT.\n   2. ^ "Shale". EIA.\n'
    doc = parse("****** Sugar ******\n***** Production *****\n" + table
                + "                 Source: FAOSTAT, United_Nations[1]\n"
                + "***** Shale *****\n"
                + "                  Proven natural gas  Date of\n"
                + "   Country        reserves            Report[2]\n"
                + "1   China        124                 2013\n"
                + "***** Unsourced *****\n" + table + "The world grew more.\n" + refs)
    rows = [(s.text.split()[0], s.paragraph, [c.key for c in s.citations]) for s in doc.statements if s.kind == "table"]
    first = rows[0][1]
    assert rows == [("Country", first, []), ("Russia", first + 1, []), ("World", first + 2, []),
                    ("Source:", first + 3, ["1"]), ("Proven", first + 4, ["2"]), ("1", first + 5, [])]
    assert [d.kind for d in doc.diagnostics] == ["tables-skipped"]


def test_a_copy_that_prints_citation_errors_naming_their_templates_is_read_as_text() -> None:
    """A rendered page prints a citation's error with the template it is about ("{{cite web}}:
    CS1 maint: url-status"); its text copy is no wikitext, however many it prints. Templates
    written out are."""
    copy = ("Bengaluru\n\nThe city became a railway zone in 2003.[1]\n\nReferences\n\n"
            + "".join(f'{n}. ^ "Title {n}". The Hindu. {{{{cite web}}}}: CS1 maint: url-status (link)\n'
                      for n in range(1, 5)))
    assert detect_format("bengaluru.txt", copy) == "text"
    written = copy.replace("{{cite web}}:", "{{cite web |title=x}}:")
    assert detect_format("bengaluru.txt", written) == "wikitext"
    assert detect_format("bengaluru.txt", copy.replace("{{cite web}}:", "{{cite web}}")) == "wikitext"
    wrapped = copy.replace("{{cite web}}:", "{{cite\n   web}}:")  # a text browser wraps the message
    assert detect_format("bengaluru.txt", wrapped) == "text"
    tagged = "Exports include{{cn}}: coffee. Crops are{{citation needed}}: maize.\n{{Infobox country}}\n"
    assert detect_format("kenya.txt", tagged) == "wikitext"  # a tag before a colon is wikitext's own


def test_a_pictures_thumbnail_name_is_no_part_of_its_caption() -> None:
    """A text browser prints a picture without alt text by its thumbnail's file name, whose
    escapes would read as figures ("%282%29" as "282%"); the caption after it is read."""
    prose = textwrap.fill("The city's newspapers are many and read widely. " * 30 + "Local online news sites "
                          "like Explocity provide local news updates.^[1]", 96, initial_indent="   ", subsequent_indent="   ")
    copy = ("Bangalore\n\n" + prose + "\n"
            "   [250px-Aerial_view_of_a_TV_Tower_in_Bangalore_%282%29.jpg] The 140 m (460 ft) high\n"
            "   television tower, which was commissioned in 1985\n\n"
            "References\n\n   1. ^ \"Towers\". The Hindu. 2010.\n")
    texts = [s.text for s in parse(copy).statements]
    assert "The 140 m (460 ft) high television tower, which was commissioned in 1985" in texts
    assert not any("px-" in text for text in texts)
    assert [c.value for s in parse(copy).statements for c in find_numeric_claims(s.text)] == [140, 460]
    kept = copy.replace("[250px-", "[250 px-")  # a bracket that names no thumbnail stays text
    assert any("px-" in s.text for s in parse(kept).statements)

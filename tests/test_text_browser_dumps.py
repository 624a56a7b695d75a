"""Pages saved as text by a text browser (``lynx -dump``, ``w3m -dump``): paragraphs wrapped at
one column, superscripts after a caret ("^[12]"), the backlink labels a screen reader hears
("Jump up to: a b"), Parsoid's "↑" and numbered backlinks. Each case is an excerpt of a real
page's dump; the last test reads every dump of the ``textdump-holdout-*`` sets."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from citecheck.api import lint_text
from citecheck.parsers import html as html_parser
from citecheck.parsers.text import _backlinks, _note_key, parse

from conftest import load_bench

# The lead of w3m's dump of "Rust (programming language)" (cols 100): enough wrapped lines to tell
# the column a dump wraps at.
LEAD = """Rust is a general-purpose programming language. It is noted for its emphasis on performance, type
safety, concurrency, and memory safety.

Rust supports multiple programming paradigms. It was influenced by ideas from functional
programming, including immutability, higher-order functions, algebraic data types, and pattern
matching. It also supports object-oriented programming via structs, enums, traits, and methods.
Rust is noted for enforcing memory safety (i.e., that all references point to valid memory) without
a conventional garbage collector; instead, memory safety errors and data races are prevented by the
"borrow checker", which tracks the object lifetime of references at compile time.

Software developer Graydon Hoare created Rust in 2006 while working at Mozilla, which officially
sponsored the project in 2009. The first stable release, Rust 1.0, was published in May 2015.
Following a layoff of Mozilla employees in August 2020, four other companies joined Mozilla in
sponsoring Rust through the creation of the Rust Foundation in February 2021.

Rust has been adopted by many software projects, especially web services and system software. It
has been studied academically and has a growing community of developers.

"""


def dump(title: str, body: str) -> str:
    """A dump of a page whose lead is ``LEAD`` and whose other sections are ``body``."""
    return f"{title}\n\n{LEAD}{body}"

# An excerpt of w3m's dump of "Two-sided market" (cols 100), its reference list shortened.
TWO_SIDED = dump("Two-sided market", """Overview[edit]

A two-sided market, also called a two-sided network, is an intermediary economic platform having
two distinct user groups that provide each other with network benefits. The organization that
creates value primarily by enabling direct interactions between two (or more) distinct types of
affiliated customers is called a multi-sided platform.^[1] Two-sided markets were first formally
described by Jean-Charles Rochet and Jean Tirole in 2003, with 3,000 firms studied.^[2]

Competition[edit]

In the operating systems market for home computers, created in the early 1980s with the
introduction of the Macintosh and IBM PC, Microsoft decided to steeply discount the systems
developer toolkit (SDKs) for its operating system, relative to pricing of 40 firms in that era.^[
1] This resulted in a big increase in the number of applications being developed.

References[edit]

 1. ^ ^a ^b Hagiu, Andrei; Wright, Julian (2015). "Multi-sided platforms". International Journal
    of Industrial Organization. 43: 162–174.
 2. ^ Rochet, Jean-Charles; Tirole, Jean (2003). "Platform Competition in Two-Sided Markets".
    Journal of the European Economic Association. 1 (4): 990–1029.
""")


def in_section(doc, name: str) -> list:
    return [s for s in doc.statements if s.section[-1:] == (name,)]


def test_a_wrapped_paragraph_is_read_whole_and_its_superscript_markers_cite() -> None:
    doc = parse(TWO_SIDED)
    assert [s.text for s in in_section(doc, "Overview")] == [
        "A two-sided market, also called a two-sided network, is an intermediary economic platform "
        "having two distinct user groups that provide each other with network benefits.",
        "The organization that creates value primarily by enabling direct interactions between two "
        "(or more) distinct types of affiliated customers is called a multi-sided platform.",
        "Two-sided markets were first formally described by Jean-Charles Rochet and Jean Tirole in "
        "2003, with 3,000 firms studied.",
    ]
    assert [[c.key for c in s.citations] for s in in_section(doc, "Overview")] == [[], ["1"], ["2"]]
    assert Counter(c.reference.key for c in doc.citations) == {"1": 2, "2": 1}
    assert doc.metadata["mapping_check"]["verified"]
    assert any(s.text.startswith("Rust supports multiple programming paradigms.") for s in doc.statements)


def test_a_marker_the_dump_broke_at_its_wrap_is_whole_again() -> None:
    cited = in_section(parse(TWO_SIDED), "Competition")[0]
    assert cited.text.endswith("relative to pricing of 40 firms in that era.")
    assert [c.key for c in cited.citations] == ["1"]


def test_findings_keep_the_lines_of_the_text_as_given() -> None:
    text = TWO_SIDED.replace("^[2]", "")
    result = lint_text(text, "text", path="dump.txt")
    assert result.document.source == text
    found = next(f for f in result.findings if f.code == "CC101" and "3,000" in f.message)
    line = text.splitlines()[found.line - 1]
    assert line[found.column - 1:].startswith("3,000")  # on the line the dump printed it


def test_a_copy_with_a_paragraph_to_a_line_is_left_as_it_is() -> None:
    # Lines of 70 to 100 characters, one paragraph each, with no blank line between: no column.
    paragraphs = [paragraph.replace("\n", " ") for paragraph in LEAD.split("\n\n") if paragraph.strip()]
    lines = [sentence + "." for paragraph in paragraphs for sentence in paragraph.rstrip(".").split(". ")]
    lines = [line for line in lines if len(line) > 40] * 3
    doc = parse("Rust\n" + "\n".join(lines) + "\n")
    assert [s.text for s in doc.statements] == lines
    # … nor where many of its paragraphs end near one column but more than a few run past it
    near = [f"Rust {n} is noted for enforcing memory safety without a garbage collector, in all of its releases."
            for n in range(20)]
    mixed = near + [" ".join(paragraphs[:2])] * 8
    doc = parse("Rust\n" + "\n".join(mixed) + "\n")
    assert len({s.paragraph for s in doc.statements}) == len(mixed)


def test_a_browser_copy_whose_entries_end_near_one_column_is_left_as_it_is() -> None:
    # Each paragraph and each reference on a line of its own: the entries open with their carets.
    doc = parse(
        'Kowalewo, Masovian Voivodeship\n'
        '\n'
        'From Wikipedia, the free encyclopedia\n'
        '\n'
        'Kowalewo is a village in the administrative district of Gmina Nowe Miasto.[1]\n'
        'It lies approximately 5 kilometres north-east of Nowe Miasto and 60 km south of Warsaw.[2]\n'
        'The village has a population of 120 people as of the 2011 census by the office.[3]\n'
        'A wooden church was built in the village in 1856 and rebuilt after a fire in 1920.[4]\n'
        'The local school closed in 2005, and its pupils now attend a school in the town.[5]\n'
        'A railway station on the line from Warsaw to Radom served the village until 1973.[6]\n'
        '\n'
        'References\n'
        '\n'
        '^ "Central Statistical Office (GUS) - TERYT (National Register of Territorial Division)".\n'
        '^ Smith, John (2010). A Gazetteer of Masovian Villages and Towns. Warsaw: PWN. p. 214.\n'
        '^ "Ludność. Stan i struktura w przekroju terytorialnym". Główny Urząd Statystyczny. 2011.\n'
        '^ Kowalski, Jan (1999). Drewniane kościoły Mazowsza. Warszawa: Arkady. pp. 45–47. ISBN.\n'
        '^ "Szkoła w Kowalewie zamknięta". Tygodnik Radomski. 12 June 2005. Retrieved 3 May 2019.\n'
        '^ Nowak, Piotr (2003). Koleje Mazowsza: historia linii kolejowych. Radom: Libra. p. 88.\n'
    )
    assert [r.key for r in doc.references] == ["1", "2", "3", "4", "5", "6"]
    assert len(doc.statements) == 6


def test_a_browser_copy_with_a_table_copied_with_tabs_is_left_as_it_is() -> None:
    doc = parse(
        'List of tallest buildings in Leeds\n'
        '\n'
        'This list ranks the tallest buildings in Leeds, England, by height.[1]\n'
        '\n'
        'Rank\tName\tHeight\tFloors\tYear\tNotes\n'
        '1\tAltus House\t116 m\t37\t2021\tTallest building in Yorkshire since its completion.[2]\n'
        '2\tBridgewater Place\t112 m\t32\t2007\tKnown for wind problems at its base.[3]\n'
        '3\tSky Plaza\t106 m\t37\t2009\tStudent accommodation tower on the edge of the city.[4]\n'
        '4\tWest Point\t80 m\t24\t2006\tResidential tower near the railway station.[5]\n'
        '5\tCandle House\t70 m\t22\t2009\tCylindrical tower at Granary Wharf.[6]\n'
        '6\tCity House\t63 m\t14\t1962\tOffice block built over Leeds railway station.[7]\n'
        '7\tOpal Tower\t62 m\t21\t2004\tStudent housing block at Merrion Street.[8]\n'
        '8\tBroadcasting Tower\t60 m\t23\t2009\tAward-winning Feilden Clegg building.[9]\n'
        "9\tSt George's Hotel\t58 m\t18\t1960s\tFormer hotel, converted to flats.[10]\n"
        '10\tMerrion House\t55 m\t17\t1973\tCouncil office block, refurbished 2018.[11]\n'
        '11\tPlatform\t54 m\t13\t2019\tOffice building over the station concourse.[12]\n'
        '12\tQuarry House\t53 m\t10\t1993\tGovernment offices, known as the Kremlin.[13]\n'
        '\n'
        'References\n'
        '\n'
        '^ "Tallest buildings in Leeds". Emporis. Retrieved 3 May 2019.\n'
        '^ "Altus House tops out". Yorkshire Evening Post. 12 March 2021.\n'
        '^ Wainwright, Martin (2 April 2011). "Bridgewater Place: the Leeds skyscraper that blows people over". The Guardian. Retrieved 3 May 2019.\n'
        '^ "Sky Plaza". SkyscraperPage. Retrieved 3 May 2019.\n'
        '^ "West Point Leeds". Emporis. Retrieved 3 May 2019.\n'
        '^ "Candle House". Emporis. Retrieved 3 May 2019.\n'
        '^ "City House". Leeds Civic Trust. Retrieved 3 May 2019.\n'
        '^ "Opal Tower". Emporis. Retrieved 3 May 2019.\n'
        '^ "Broadcasting Tower wins RIBA award". BBC News. 20 June 2010.\n'
        '^ "St George\'s House". Emporis. Retrieved 3 May 2019.\n'
        '^ "Merrion House refurbishment". Leeds City Council. 2018.\n'
        '^ "Platform". Emporis. Retrieved 3 May 2019.\n'
        '^ "Quarry House". Emporis. Retrieved 3 May 2019.\n'
    )
    assert len(doc.references) == 13
    assert sum(s.kind == "table" for s in doc.statements) >= 12


def test_lines_laid_out_in_columns_and_a_lists_entries_stay_apart() -> None:
    doc = parse(dump("Rust (programming language)", """History

Stable release     1.94.1^[1] Edit this on Wikidata / March 26, 2026; 12 days ago (March 26, 2026)
Typing discipline  Affine, inferred, nominal, static, strong, and partly enforced by the compiler

The first stable release, Rust 1.0, was published on May 15, 2015, after several years of work in
1975. Its compiler was written in OCaml at first and later in Rust itself, which took 3 years.^[2]

References

 1. ^ "Announcing Rust 1.94.1". The Rust Programming Language Blog. 26 March 2026. Retrieved 28
    March 2026.
 2. ^ Klabnik, Steve; Nichols, Carol (2019). The Rust Programming Language. No Starch Press, San
    2019. ISBN 978-1-7185-0044-0.
"""))
    history = [s.text for s in in_section(doc, "History")]
    assert any(text.startswith("Stable release") and "Typing discipline" not in text for text in history)
    assert ("The first stable release, Rust 1.0, was published on May 15, 2015, after several years of "
            "work in 1975.") in history
    assert [r.key for r in doc.references] == ["1", "2"]
    assert doc.references[0].raw.strip().endswith("Retrieved 28 March 2026.")
    assert doc.references[1].raw.strip().endswith("San 2019. ISBN 978-1-7185-0044-0.")


def test_a_year_before_a_superscript_marker_opens_no_entry() -> None:
    doc = parse(dump("Utah State Route", """History

   Originally, the State Road Commission of Utah, created on 23 March 1909, was responsible
   for maintenance, but these duties were rolled into the new Department of Transportation in
   1975.^[1] UDOT also maintains the Utah Scenic Byways system, which includes National Scenic
   Byways that travel through Utah.

References

    1. ^ "Utah Code 72-4-102". Utah State Legislature. Retrieved 2008-04-07.
"""))
    statement = next(s for s in doc.statements if "Department of Transportation" in s.text)
    assert statement.text.endswith("Department of Transportation in 1975.")
    assert [c.key for c in statement.citations] == ["1"]
    assert [r.key for r in doc.references] == ["1"]


def test_the_backlink_labels_a_screen_reader_hears_are_backlinks() -> None:
    text = """Punctuation

Punctuation is the use of spacing and conventional signs.[1] The rules vary.[2] So do the signs.[1]

References[edit]

 1. ^ Jump up to: a  b Encyclopaedia Britannica: "Punctuation".
 2. Jump up ^ Truss, Lynne (2003). Eats, Shoots & Leaves. Profile Books. ISBN 1-86197-612-7.
"""
    doc = parse(text)
    assert [(r.key, r.backlinks) for r in doc.references] == [("1", 2), ("2", 1)]
    assert doc.references[0].raw.startswith("Encyclopaedia Britannica")
    assert doc.metadata["mapping_check"] == {"checked": 2, "agreeing": 2, "over_cited": 0, "verified": True}


def test_entries_without_numbers_and_with_jump_up_labels_keep_their_order() -> None:
    # A 2026 copy that prints no list numbers: dropping the "Jump up to" entries would shift every marker.
    text = """Monte Carlo tree search

MCTS was combined with neural networks in 2016 [1] and has been used in Chess, Shogi, [2] and Go. [3]
In January 2012, the Zen program won 3:1 in a Go match on a 19×19 board. [3] It beat 2 dan players. [1]
References
[ edit]
^ Jump up to: a  b Silver, David; Huang, Aja (28 January 2016). "Mastering the game of Go". Nature.
^ Silver, David (2017). "Mastering Chess and Shogi by Self-Play". arXiv: 1712.01815v1.
^ Jump up to: a  b "The Shodan Go Bet". Retrieved 2012-05-02.
"""
    doc = parse(text)
    assert [(r.key, r.backlinks) for r in doc.references] == [("1", 2), ("2", 1), ("3", 2)]
    assert doc.references[2].raw.startswith('"The Shodan Go Bet"')
    assert not any("edit" in s.text for s in doc.statements)
    assert doc.metadata["mapping_check"]["verified"]


def test_a_line_of_backlinks_alone_is_page_furniture() -> None:
    doc = parse("""Bees

Bees pollinate 75% of crops.[1]

References

 1. ^ "Pollinators". FAO. 2018.
^ Jump up to: a b
""")
    assert [r.key for r in doc.references] == ["1"]
    assert not any("Jump up" in s.text for s in doc.statements)


def test_a_fractions_subscript_denominator_is_no_marker() -> None:
    doc = parse("""Triple Crown

The Kentucky Derby is run over the 1 ^1⁄[4]-mile dirt track at Churchill Downs.^[1]

References

 1. ^ "Kentucky Derby". Churchill Downs. 2014.
""")
    assert [c.key for c in doc.citations] == ["1"]
    assert doc.statements[0].text.startswith("The Kentucky Derby is run over the 1 ^1⁄[4]-mile")


def test_a_stray_quote_before_the_backlink_label_still_opens_an_entry() -> None:
    doc = parse("""Punctuation

Punctuation is the use of spacing and conventional signs.[1] Its rules vary.[2]

References[edit]

 1. Jump up ^ Encyclopaedia Britannica: "Punctuation".
 2. 'Jump up ^ Oxford English Dictionary, definition 2a.
""")
    assert [(r.key, r.raw) for r in doc.references] == [
        ("1", 'Encyclopaedia Britannica: "Punctuation".'), ("2", "Oxford English Dictionary, definition 2a.")]


def test_parsoids_backlinks_an_arrow_or_the_uses_numbered() -> None:
    doc = parse("""Bear

Bears are carnivoran mammals.[1] Ursa Major is the "Great Bear".[2] The Great Bear is a constellation.[2]

Notes

^* Sales figures based on certification alone.

References

 1. ↑ Mallory, J. P.; Adams, Douglas Q. (2006). The Oxford Introduction to Proto Indo European.
 2. 1 2 "The Great Bear Constellation Ursa Major". Archived from the original on 30 November 2010.
""")
    assert [(r.key, r.backlinks) for r in doc.references] == [("1", 1), ("2", 2)]
    assert doc.references[1].raw.startswith('"The Great Bear')
    assert doc.metadata["mapping_check"]["verified"]


def test_parsoids_lettered_note_markers_by_their_groups_name_cite_the_notes() -> None:
    # lynx's dump of Parsoid's "Outlander (TV series)": {{efn}} notes print by their group's name.
    text = """Outlander

Cast

     * Tobias Menzies as Frank Randall (seasons 1–4)^[lower-alpha 1]
     * Grant O'Rourke as Rupert MacKenzie (seasons 1–3)^[lower-alpha 2]
     * Caitriona Balfe as Claire Randall, with 12 awards.^[1]

Notes

    1. ↑ Menzies only appears in one episode of season four, although credited as a main cast
       member.
    2. ↑ O'Rourke only appears in one episode of season three, although credited as a main
       cast member.

References

    1. ↑ Petski, Denise (June 1, 2021). "'Outlander': Starz Sets Shortened Season 6". Deadline Hollywood.
"""
    doc = parse(text)
    assert [(c.group, c.key) for c in doc.citations] == [("note", "1"), ("note", "2"), ("", "1")]
    assert all(c.reference is not None for c in doc.citations)
    assert doc.metadata["mapping_check"]["checked"] == doc.metadata["mapping_check"]["agreeing"] == 3
    assert not [f for f in lint_text(text, "text").findings if f.code == "CC101" and "season" in f.statement.text]


@pytest.mark.parametrize("group", ["upper-alpha", "lower-roman", "upper-roman", "lower-greek"])
def test_every_group_of_lettered_notes_cites_by_its_name(group: str) -> None:
    doc = parse(f"""Outlander

Outlander is a drama series.^[1] Tobias Menzies played Frank in four seasons.^[{group} 1]

Notes

    1. ↑ Menzies only appears in one episode of season four.

References

    1. ↑ Petski, Denise (June 1, 2021). "Starz Sets Season 6". Deadline Hollywood.
""")
    assert [(c.group, c.key, c.reference is not None) for c in doc.citations] == [("", "1", True), ("note", "1", True)]


def test_a_section_printing_its_notes_then_its_references_numbered_again_holds_both() -> None:
    # lynx's dump of Parsoid's "The Animatrix": one heading, the note list, then the references from 1 again.
    doc = parse("""The Animatrix

Directed by The Wachowskis^[lower-alpha 1] and others.^[1] It was rated 15.^[2]

Notes and references

    1. ↑ Credited as Larry and Andy Wachowski.

    1. ↑ "THE ANIMATRIX (15)". British Board of Film Classification. June 5, 2003.
    2. ↑ Lenburg, Jeff (2009). The Encyclopedia of Animated Cartoons. Checkmark Books. p. 256.
""")
    assert [(r.group, r.key, r.raw[:12]) for r in doc.references] == [
        ("note", "1", "Credited as "), ("", "1", '"THE ANIMATR'), ("", "2", "Lenburg, Jef")]
    assert all(c.reference is not None for c in doc.citations)


def test_a_restarted_list_splits_only_where_a_part_holds_as_many_notes_as_are_cited() -> None:
    # Four references, then five entries from 1 again, for one numbered note: neither part is
    # the one note, so the list stays one and the note stays undefined.
    doc = parse("""Topic

One.^[1] Two.^[2] Three.^[3] Four.^[4] A note.^[lower-alpha 1]

References

    1. ↑ "One". Reuters. 1 October 2020.
    2. ↑ "Two". Reuters. 2 October 2020.
    3. ↑ "Three". Reuters. 3 October 2020.
    4. ↑ "Four". Reuters. 4 October 2020.

    1. ↑ "Five". Reuters. 5 October 2020.
    2. ↑ "Six". Reuters. 6 October 2020.
    3. ↑ "Seven". Reuters. 7 October 2020.
    4. ↑ "Eight". Reuters. 8 October 2020.
    5. ↑ "Nine". Reuters. 9 October 2020.
""")
    assert not [r for r in doc.references if r.group]
    assert doc.reference("1").get("title") == "One"


def test_a_restarted_list_whose_parts_fit_the_notes_alike_splits_nothing() -> None:
    doc = parse("""Topic

One.^[1] A note.^[lower-alpha 1]

Notes and references

    1. ↑ Credited as Larry and Andy Wachowski.

    1. ↑ "One". Reuters. 1 October 2020.
""")
    assert not [r for r in doc.references if r.group]


def test_a_section_printing_its_references_then_its_notes_numbered_again_holds_both() -> None:
    doc = parse("""The Animatrix

Directed by The Wachowskis^[lower-alpha 1] and others.^[1] It was rated 15.^[2]

Notes and references

    1. ↑ "THE ANIMATRIX (15)". British Board of Film Classification. June 5, 2003.
    2. ↑ Lenburg, Jeff (2009). The Encyclopedia of Animated Cartoons. Checkmark Books. p. 256.

    1. ↑ Credited as Larry and Andy Wachowski.
""")
    assert [(r.group, r.key) for r in doc.references] == [("", "1"), ("", "2"), ("note", "1")]


VOLTA = """Volta (album)

Volta is the sixth studio album by Björk.^[1]

Track listing

10. "My Juvenile"              Björk               Björk             4:13

Notes

  • ^^[a] signifies a co-producer.
  • On some releases the outros to most of the songs are placed as the intros to others.

Personnel

Credits adapted from Volta album liner notes.

  • Björk – arrangement, bass (sine bass), brass arrangement, clavichord, editing, producer

Charts

     Australian Albums (ARIA)^[2]         20

References

    1. ↑ Pytlik, Mark (2003). Björk: Wow and Flutter. ECW Press. p. 12.
    2. ↑ "Australiancharts.com – Björk – Volta". Hung Medien. Retrieved 10 March 2021.
"""


def test_w3ms_bulleted_notes_of_a_body_section_do_not_end_the_body() -> None:
    # w3m's dump of Parsoid's "Volta (album)": the track listing's "Notes" is flush left, as a heading is.
    doc = parse(VOLTA)
    assert "Australian Albums (ARIA)" in doc.statements[-1].text
    assert [(c.key, c.reference is not None) for c in doc.citations] == [("1", True), ("2", True)]


def test_bulleted_notes_with_no_section_of_the_body_after_them_end_it() -> None:
    doc = parse(VOLTA.replace("Personnel", "See also").replace("Charts", "External links"))
    assert not [stmt for stmt in doc.statements if "co-producer" in stmt.text or "Björk –" in stmt.text]


@pytest.mark.parametrize("after", ["Primary sources", "Works cited"])
def test_end_matters_bulleted_notes_before_a_list_of_sources_end_the_body(after: str) -> None:
    doc = parse(VOLTA.replace("Personnel", after))
    assert not [stmt for stmt in doc.statements if "co-producer" in stmt.text or "Björk –" in stmt.text]


def test_end_matters_bulleted_notes_before_an_uncited_section_end_the_body() -> None:
    text = VOLTA.replace("Personnel", "Honours").replace("     Australian Albums (ARIA)^[2]         20", "")
    doc = parse(text.replace("Charts", "Further reading"))
    assert not [stmt for stmt in doc.statements if "co-producer" in stmt.text or "Björk –" in stmt.text]


def test_a_notes_paragraph_without_bullets_ends_the_body() -> None:
    doc = parse(VOLTA.replace("  • ^^[a] signifies a co-producer.\n  • On some", "  On some"))
    assert not [stmt for stmt in doc.statements if "Björk –" in stmt.text]


def test_bulleted_notes_before_a_cited_section_and_a_reference_list_of_another_name_do_not_end_the_body() -> None:
    doc = parse(VOLTA.replace("\nReferences\n", "\nAlbum sources used\n"))
    assert [stmt for stmt in doc.statements if "Australian Albums (ARIA)" in stmt.text]


def test_a_numbered_notes_list_ends_the_body_before_a_body_section() -> None:
    doc = parse(VOLTA.replace("  • ^^[a] signifies", "    1. ↑ Volta signifies").replace(
        "  • On some", "    2. ↑ On some"))
    assert not [stmt for stmt in doc.statements if "Credits adapted" in stmt.text]


def test_a_score_tables_header_opens_no_entry() -> None:
    doc = parse("""Wisconsin at Penn State

Wisconsin lost to Penn State in overtime.[1]

   1 2 3 4 OT Total
   Wisconsin 14 0 0 7 0 21

References

 1. ^ "Penn State 24, Wisconsin 21". ESPN. 24 November 2012.
""")
    assert [r.key for r in doc.references] == ["1"]
    assert [s.text for s in doc.statements][1:] == ["1 2 3 4 OT Total", "Wisconsin 14 0 0 7 0 21"]


def test_lynxs_unnumbered_parsoid_entries_keep_their_numbered_backlinks() -> None:
    # lynx leaves the numbers off a long Parsoid list's later entries.
    doc = parse("""Bear

Bears are large.[1] Polar bears are white.[2] They hunt seals.[2] Pandas eat bamboo.[3]

References

     ↑ Ward and Kynaston, p. 61

     1 2 Ratcliffe 2004

     ↑ Hemstock, Annie (1999). The Polar Bear. Manakato, MN: Capstone Press. p. 4.
""")
    assert [(r.key, r.backlinks) for r in doc.references] == [("1", 1), ("2", 2), ("3", 1)]
    assert doc.references[1].raw == "Ratcliffe 2004"


def test_numbers_that_do_not_run_on_from_one_are_no_backlinks() -> None:
    assert _backlinks("1 2 5 Trimethylbenzene isomers") == (0, 1)
    assert _backlinks("1 2 3 Servheen, C. (1999). Bears.") == (6, 3)


def test_superscript_backlink_letters_count_the_uses() -> None:
    doc = parse("""Go-to-market

A go-to-market strategy is a plan.^[1] It is used widely.^[1]

References[edit]

 1. ^ ^a ^b "What is go-to-market strategy?". SearchITChannel. Retrieved 2015-11-01.
""")
    assert [(r.key, r.backlinks) for r in doc.references] == [("1", 2)]
    assert doc.references[0].raw.startswith('"What is')


def test_a_caret_superscript_at_a_lines_start_opens_no_entry_but_after_a_number_it_is_a_backlink() -> None:
    doc = parse("""Bengaluru

   Chief Commissioner      Maheshwar Rao, IAS^[1]
                                   ^[2]^[3]
   ^A Build with 1,500 MW gross electric power, the RBMK-1500 were de-rated to 1,360 MW.
   ^1 Associate member.

References

    1. ^ "BBMP". The Hindu. 2025.
    2. ^ "Area". Deccan Herald. 2025.
    3. ^[1], PragueBest s.r.o. "History | GE Aviation". www.geaviation.cz. Retrieved 1 June 2016.
""")
    assert [r.key for r in doc.references] == ["1", "2", "3"]
    assert Counter(c.reference.key for c in doc.citations if c.reference) == {"1": 1, "2": 1, "3": 1}
    assert [s.text for s in doc.statements][1:] == [
        "^A Build with 1,500 MW gross electric power, the RBMK-1500 were de-rated to 1,360 MW.",
        "^1 Associate member."]


def test_a_superscript_marker_opening_an_entrys_next_line_goes_on_with_the_entry() -> None:
    doc = parse("""Bengaluru

The city has seven corporations.[1]

References

 1. ^ "Greater Bengaluru Governance Bill". The Hindu. 12 March 2025.
    ^[2] Retrieved 16 May 2025.
 2. ^ "BBMP Restructure". Deccan Herald. 9 July 2025.
""")
    assert [r.key for r in doc.references] == ["1", "2"]
    assert "Retrieved 16 May 2025" in doc.references[0].raw


def test_a_year_before_a_superscript_marker_at_a_lines_start_is_no_entry_number() -> None:
    doc = parse("""Utah

The department was formed in
1975.^[1] It maintains the Utah Scenic Byways.

References

 1. ^ "Utah Code 72-4-102". Utah State Legislature. Retrieved 2008-04-07.
""")
    assert [r.key for r in doc.references] == ["1"]
    assert any(s.text.startswith("1975.") for s in doc.statements)


def test_a_text_browsers_table_of_contents_is_page_furniture() -> None:
    doc = parse("""Particle physics

Jump to content

Contents

move to sidebar hide

  • (Top)
  • 1 History
  • 3 Subatomic particles
    Toggle Subatomic particles subsection
      □ 3.1 Quarks and leptons
      □ 3.3 Antiparticles and color charge
  • 10 External links

[ ] Toggle the table of contents

Particle physics studies the 17 particles of the Standard Model.[1]

References

 1. ^ "The Standard Model". CERN. 2020.
""")
    assert [s.text for s in doc.statements] == ["Particle physics studies the 17 particles of the Standard Model."]


def test_a_table_of_contents_with_its_hide_link_on_a_line_of_its_own_is_page_furniture() -> None:
    doc = parse("""Punctuation

Contents

 [hide]

  • 1 History
      □ 1.3 Later developments
  • 3 Other languages

Punctuation is the use of spacing and signs.[1]

References

 1. ^ "Punctuation". Britannica. 2020.
""")
    assert [s.text for s in doc.statements] == ["Punctuation is the use of spacing and signs."]


def test_lynxs_table_of_contents_with_its_buttons_is_page_furniture() -> None:
    doc = parse("""Particle physics

Contents

   (BUTTON) move to sidebar (BUTTON) hide
     * (Top)
     * 1 History
     * 3 Subatomic particles
       (BUTTON) Toggle Subatomic particles subsection
          + 3.1 Quarks and leptons
     * 6 Practical applications

Particle physics studies the 17 particles of the Standard Model.[1]

References

 1. ^ "The Standard Model". CERN. 2020.
""")
    assert [s.text for s in doc.statements] == ["Particle physics studies the 17 particles of the Standard Model."]


def test_a_sections_long_cited_items_are_body_whatever_its_name() -> None:
    doc = parse(dump("2012 Wisconsin Badgers football team", """Season

The team played 14 games in 2012.^[1]

Notes

  • December 5, 2012 – Athletic Director Barry Alvarez announced that he will be taking over the
    Head Coaching role for the 2013 Rose Bowl. ^[2]

Roster

The team had 85 scholarship players in 2012.^[3]

References

 1. ^ "Schedule". UW Badgers. 2012.
 2. ^ "Alvarez to coach Rose Bowl". ESPN. 5 December 2012.
 3. ^ "Roster". UW Badgers. 2012.
"""))
    assert Counter(c.reference.key for c in doc.citations if c.reference) == {"1": 1, "2": 1, "3": 1}
    assert any("85 scholarship players" in s.text for s in doc.statements)


def test_notes_past_zz_get_three_letters() -> None:
    assert [_note_key(i) for i in (0, 25, 26, 701, 702)] == ["a", "z", "aa", "zz", "aaa"]


def test_a_rendered_cite_error_is_no_entry_of_the_html_list() -> None:
    page = """<html><body><div class="mw-parser-output">
<p>Rasgulla is a syrupy dessert.<sup class="reference"><a href="#cite_note-1">[1]</a></sup>
It is made in Odisha.<sup class="reference"><a href="#cite_note-fbn-2">[2]</a></sup></p>
<h2>References</h2><ol class="references">
<li id="cite_note-1"><b><a href="#cite_ref-1">^</a></b> <span class="reference-text">"Rasgulla". The Hindu. 2010.</span></li>
<li id="cite_note-fbn-2"><b><a href="#cite_ref-fbn_2-0">^</a></b> <span class="reference-text"><span class="error mw-ext-cite-error">Cite error: The named reference <code>fbn</code> was invoked but never defined (see the help page).</span></span></li>
</ol></div></body></html>"""
    doc = html_parser.parse(page)
    assert [r.key for r in doc.references] == ["1"]
    result = lint_text(page, "html", path="page.html")
    assert [f.code for f in result.findings if f.code == "CC501"] == ["CC501"]


textdumps = load_bench("textdumps")


@pytest.mark.skipif(not textdumps.dump_sets(), reason="the text-browser dumps are not in this checkout")
@pytest.mark.parametrize("folder", textdumps.dump_sets(), ids=lambda folder: folder.name)
def test_real_dumps_are_read_as_their_html_originals(folder: Path) -> None:
    """lynx and w3m dumps of real pages, rendered and Parsoid's (SOURCES.json names each dump's
    original): the entries of the text and of the HTML are the same, in the same order, and each
    is cited as often as the original cites it, and so are its notes, nearly all. A dump may add a navbox's own notes after the
    list, numbered again from 1 ("1. ^1Claimed and controlled by Russia …" under Kharkiv's)."""
    total: Counter = Counter()
    for dump, _, _, row in textdumps.readings(folder):
        assert 0 <= row["text_entries"] - row["entries"] <= 2, dump
        total.update(row)
    assert total["read"] >= 0.99 * total["entries"]
    assert total["agreeing"] >= 0.95 * total["entries"]
    assert total["note agreeing"] >= 0.9 * total["note entries"]

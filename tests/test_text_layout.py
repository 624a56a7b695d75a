"""Layouts of text dumps that used to break a statement apart or glue two together, each on
an excerpt of the page it was seen on."""

from __future__ import annotations

from citecheck.model import Document
from citecheck.parsers.numbers import find_numeric_claims
from citecheck.parsers.text import _bracketed_year, _roman_key, parse


def section(body: str, entries: int = 1) -> Document:
    """A dump of one section, with a reference list of ``entries`` entries so that the body ends."""
    listed = "".join(f'   {n}. ^ "Source {n}". Nature. 2001.\n' for n in range(1, entries + 1))
    return parse(f"****** Page ******\n***** Section *****\n{body}***** References *****\n{listed}")


def texts(doc: Document) -> list[str]:
    return [s.text for s in doc.statements]


def test_a_year_opening_a_wrapped_line_continues_the_paragraph() -> None:
    doc = section("""Volkswagen held a 19.9% non-controlling shareholding in Suzuki between 2009 and
2015. An international arbitration court ordered Volkswagen to sell the stake
back to Suzuki.[1] Suzuki paid $3.8bn to complete the stock buy-back in September
2015.[1]
""")
    assert texts(doc) == [
        "Volkswagen held a 19.9% non-controlling shareholding in Suzuki between 2009 and 2015.",
        "An international arbitration court ordered Volkswagen to sell the stake back to Suzuki.",
        "Suzuki paid $3.8bn to complete the stock buy-back in September 2015.",
    ]
    assert len({s.paragraph for s in doc.statements}) == 1


def test_a_numbered_line_after_a_short_line_still_starts_a_block() -> None:
    doc = section("""Comparison of non-prestressed beam (top) and prestressed concrete beam (bottom)
under load:
1. Non-prestressed beam without load
2. Non-prestressed beam with load
Prestressed concrete is a form of concrete used in construction.[1]
""")
    paragraphs = [s.paragraph for s in doc.statements]
    assert len(set(paragraphs)) == len(paragraphs) == 4  # "1." and "2." each open a block of their own
    assert [s.kind for s in doc.statements][1:3] == ["list", "list"]  # the items of the list it introduces


def test_a_nested_list_item_is_an_item_of_its_own() -> None:
    doc = section("""Early quotations of the word:
    * 1751, Mrs. Hannah Glasse, Cookery Bk. 309
          o It will taste like foreign Catchup.
    * 1987: Aggregate car exports from Japan reach 2 million units. Annual
      global sales of automobiles reach 1 million units.[1]
          o Cultus/Swift production began in Colombia.[citation_needed]
          o Suzuki reaches an agreement with Mazda Motor Corp. for cooperation
            in production of micro-mini vehicles.[1]
""")
    lists = [s.text for s in doc.statements if s.kind == "list"]
    assert lists == [
        "1751, Mrs. Hannah Glasse, Cookery Bk.", "309",
        "It will taste like foreign Catchup.",
        "1987: Aggregate car exports from Japan reach 2 million units.",
        "Annual global sales of automobiles reach 1 million units.",
        "Cultus/Swift production began in Colombia.",
        "Suzuki reaches an agreement with Mazda Motor Corp. for cooperation in production of micro-mini vehicles.",
    ]
    tagged = [s for s in doc.statements if s.tags]
    assert [s.text for s in tagged] == ["Cultus/Swift production began in Colombia."]


def test_a_bracketed_year_far_past_the_reference_list_is_no_marker() -> None:
    doc = section("""The matrix of rank L closest to X in the Frobenius_norm, a result known as the
Eckart-Young theorem [1936]. It is used widely.[2]
""", entries=2)
    assert texts(doc)[0] == "The matrix of rank L closest to X in the Frobenius norm, a result known as the Eckart-Young theorem [1936]."
    assert [c.key for c in doc.citations] == ["2"]
    assert "references_highest_cited" not in doc.metadata


def test_a_truncated_list_still_has_its_markers() -> None:
    doc = section("The army advanced.[1] Villages fell.[75] Roads were cut.[1900]\n", entries=1000)
    assert [c.key for c in doc.citations] == ["1", "75", "1900"]


def test_nuclide_notation_broken_across_lines_is_one_symbol() -> None:
    doc = section("""In this symbolic representing of a nuclear reaction, lithium-6 (6
3Li
) and deuterium (2
1H
) react to form the highly excited intermediate nucleus 8
4Be
 which then decays immediately into two alpha_particles of helium-4 (4
2He
). Protons are symbolically represented by red spheres.[1]
""")
    first = texts(doc)[0]
    assert first.startswith("In this symbolic representing of a nuclear reaction, lithium-6 (⁶₃Li )")
    assert "nucleus ⁸₄Be which then decays" in first and "helium-4 (⁴₂He )." in first
    assert not find_numeric_claims(first)
    at = first.index("⁸₄Be")
    assert doc.source[doc.statements[0].source_offset(at)] == "8"
    assert doc.source[doc.statements[0].source_offset(at + 1)] == "4"


def test_an_index_scale_and_the_line_labelling_its_bands_are_a_table() -> None:
    doc = section("""The AQHI provides a number from 1 to 10+ to indicate the level of health risk.[1]
1 2 3 4 5 6 7 8 9 10 +
Risk: Low (1-3)Moderate (4-6)High (7-10)Very high (above 10)
As it is now known that even low levels of air pollution can trigger discomfort
for 12 million people, the index has been developed as a continuum.
""")
    assert not any("Risk" in text or "1 2 3" in text for text in texts(doc))
    assert any(text.startswith("As it is now known") for text in texts(doc))


def test_a_legend_of_indented_key_and_dash_lines_is_a_table() -> None:
    doc = section("""Algebraic expression notation:
  1 – power (exponent)
  2 – coefficient
  3 – term
  5 – constant term
  x y c – variables/constants
Elementary algebra is the most basic form of algebra.[1]
  2 – only two lines
  3 – are no legend
""")
    kinds = {s.text: s.kind for s in doc.statements}
    assert not any("constant term" in text or "coefficient" in text for text in kinds)
    assert kinds["Elementary algebra is the most basic form of algebra."] == "prose"
    assert "2 – only two lines" in kinds


def test_a_legend_is_three_indented_key_and_dash_lines_in_a_row() -> None:
    doc = section("""Unindented lines of that shape are prose:
1 – power (exponent)
2 – coefficient
3 – term
  An indented note before two lines of that shape.
  4 – operator
  5 – constant term
  A note between them.
  6 – variables
""")
    prose = [s.text for s in doc.statements if s.kind != "table"]
    assert prose[1:4] == ["1 – power (exponent)", "2 – coefficient", "3 – term"]
    assert "5 – constant term" in prose and "6 – variables" in prose
    three = section("  1 – power (exponent)\n  2 – coefficient\n  3 – term\nA sentence after them.\n")
    assert texts(three) == ["A sentence after them."]


def test_only_a_number_and_a_symbol_alone_on_the_next_line_are_nuclide_notation() -> None:
    doc = section("""The technique of additive manufacturing has been called printing since around
3D printers became cheap enough for homes in the decade after the year 1932
was over.
A new paragraph starts here, after the short line.
Printers of this kind are known as
3D
A paragraph after the lone symbol.
The count reached 10
A paragraph after a line that ended with a number.
""")
    assert "around 3D printers became" in doc.statements[0].text  # no nuclide: the word goes on
    assert [s.text for s in doc.statements[1:]] == [
        "A new paragraph starts here, after the short line.", "Printers of this kind are known as", "3D",
        "A paragraph after the lone symbol.", "The count reached 10",
        "A paragraph after a line that ended with a number.",
    ]


def test_a_bracketed_number_is_a_year_only_from_1000_to_2100_and_past_twice_the_list() -> None:
    assert [_bracketed_year(n, 10) for n in (999, 1000, 2100, 2101)] == [False, True, True, False]
    assert [_bracketed_year(1500, last) for last in (0, 1, 749, 750)] == [False, True, True, False]


def test_a_wrapped_line_at_an_items_column_goes_on_whatever_it_starts_with() -> None:
    doc = section("""Signals:
    * A transmitter produces an output signal in the form of a current signal
      - a standard range that most instruments share.
    * A box of text follows.
      Another line of the same item.
  An indented box of text that is no list at all, set well apart from its prose.
  * with an item under it.
Prose after the box, written out to the full width of the lines of the one dump.
  An indented quotation after the prose.
""")
    assert [(s.kind, s.text) for s in doc.statements] == [
        ("prose", "Signals:"),
        ("list", "A transmitter produces an output signal in the form of a current signal - a standard range "
                 "that most instruments share."),
        ("list", "A box of text follows."),
        ("list", "Another line of the same item."),
        ("prose", "An indented box of text that is no list at all, set well apart from its prose."),
        ("list", "with an item under it."),
        ("prose", "Prose after the box, written out to the full width of the lines of the one dump."),
        ("prose", "An indented quotation after the prose."),
    ]
    assert doc.statements[-1].paragraph != doc.statements[-2].paragraph


def test_the_line_after_an_index_scale_and_a_blank_line_is_prose_again() -> None:
    doc = section("""The index describes the level of health risk of the air of a city each hour.[1]
1 2 3 4 5 6 7 8 9 10 +

Risk: low up to 3, very high above 10
""")
    assert texts(doc)[-1] == "Risk: low up to 3, very high above 10"


def test_a_short_block_between_a_heading_and_the_sections_hatnote_is_a_caption() -> None:
    doc = parse("""****** Combinatorics ******
***** Enumerative combinatorics *****
Five binary_trees on three vertices, an example of Catalan_numbers.
Main article: Enumerative_combinatorics
Enumerative combinatorics is the most classical area of combinatorics.[1]
***** Graph theory *****
Graph theory studies graphs, which are made of vertices joined by edges.
Main article: Graph_theory
Graphs are basic objects in combinatorics.[1]
***** Partition theory *****
A plane_partition, as cited.[1]
Main article: Partition_theory
***** References *****
   1. ^ a b c "Source". Nature. 2001.
""")
    kinds = {s.text: s.kind for s in doc.statements}
    assert kinds["Five binary trees on three vertices, an example of Catalan numbers."] == "caption"
    assert kinds["Graph theory studies graphs, which are made of vertices joined by edges."] == "caption"
    assert kinds["A plane partition, as cited."] == "prose"  # a cited block is prose
    assert kinds["Enumerative combinatorics is the most classical area of combinatorics."] == "prose"


def test_a_tag_the_wrap_moved_onto_a_line_of_its_own_tags_the_statement_before_it() -> None:
    doc = section("""Some countries have a Ministry of Water, such as Jordan and Bolivia, others a
Ministry of Energy. Often several Ministries share responsibilities for water.
[citation_needed]
In the European Union, important policy functions have been entrusted to the
supranational level.[1]
""")
    tagged = [s for s in doc.statements if s.tags]
    assert [s.text for s in tagged] == ["Often several Ministries share responsibilities for water."]
    assert tagged[0].tags[0].kind == "citation-needed"
    assert texts(doc)[-1].startswith("In the European Union")


def test_notes_cited_in_roman_numerals_are_the_notes_list_in_order() -> None:
    doc = parse("""****** Rank ******
***** Properties *****
The rank of a product is at most the rank of either factor.[i] It obeys the Frobenius
inequality.[ii] Sylvester proved it in 1889.[1]
***** Notes *****
   1. ^ Proof: Apply the rank-nullity theorem to the inequality.
   2. ^ Proof: The map is well defined.
***** References *****
   1. ^ "Source". Nature. 2001.
""")
    notes = {(c.key, c.reference.raw[:12] if c.reference else None) for c in doc.citations if c.group == "note"}
    assert notes == {("i", "Proof: Apply"), ("ii", "Proof: The m")}
    assert doc.metadata["mapping_check"]["agreeing"] == doc.metadata["mapping_check"]["checked"]


def test_letter_notes_keep_their_letters_even_where_a_letter_reads_as_a_roman_numeral() -> None:
    doc = parse("""****** Page ******
***** History *****
The town was founded twice.[a] Its walls stand.[b] A gate remains.[c] It was rebuilt.[i] Cited.[1]
***** Notes *****
""" + "".join(f"   {n}. ^ Note number {n}.\n" for n in range(1, 10)) + """***** References *****
   1. ^ "Source". Nature. 2001.
""")
    assert {c.key: c.reference is not None for c in doc.citations if c.group == "note"} == {
        "a": True, "b": True, "c": True, "i": True}
    assert next(c for c in doc.citations if c.key == "i").reference.raw.startswith("Note number 9")


def test_roman_note_labels() -> None:
    assert [_roman_key(i) for i in (0, 1, 2, 3, 4, 5, 8, 9, 13, 38, 39, 48)] == [
        "i", "ii", "iii", "iv", "v", "vi", "ix", "x", "xiv", "xxxix", "xl", "xlix"]

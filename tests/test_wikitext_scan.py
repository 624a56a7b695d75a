"""The pre-scan finds each opener's closer as a search of the whole text would."""

from __future__ import annotations

from citecheck.parsers.wikitext_scan import _Closers, prescan


def test_a_closer_is_the_first_match_at_or_after_the_position_asked() -> None:
    text = "a --> b -->  c </MATH > d"
    closers = _Closers(text)
    assert closers.after("-->", 0) == (2, 5)
    assert closers.after("-->", 2) == (2, 5)
    assert closers.after("-->", 3) == (8, 11)  # from inside the first: the next one
    assert closers.after("-->", 5) == (8, 11)
    assert closers.after("-->", 9) is None
    assert closers.after("-->", 1) == (2, 5)  # asked again from further back
    assert closers.after(r"</math\s*>", 0) == (15, 23)  # either case


def test_markup_inside_a_closed_comment_or_verbatim_tag_is_skipped() -> None:
    scan = prescan("<!-- {{ [[ --> text <MATH>{{x</MATH> and <pre>[http://a.example</pre> more")
    assert (scan.unclosed_templates, scan.unclosed_links, scan.unclosed_tags) == (0, 0, 0)
    assert scan.work == 0
    unclosed = prescan("<!-- {{ text")
    assert unclosed.unclosed_templates == 1 and unclosed.unclosed_tags == 1


def test_a_long_run_of_list_markers_at_a_line_start_is_one_list_level_each() -> None:
    run = "*#" * 10
    assert prescan(run + " item").max_depth == 20  # at the start of the text
    assert prescan("text\n" + run + " item").max_depth == 20
    assert prescan("text\n\n" + run + "\n" + "#:" * 12).max_depth == 24  # after a blank line too
    assert prescan("text\n" + "*" * 15 + " item").max_depth == 0  # a shorter run is an ordinary list
    assert prescan("text " + run + " item; a: b").max_depth == 0  # not at a line start
    assert prescan(("\n" + "#" * 70) * 3).hostile


def test_a_long_section_is_cut_at_a_blank_line_only() -> None:
    long_paragraph = "word " * 15000  # 75,000 characters, longer than MAX_CHUNK
    text = long_paragraph + "\n" + long_paragraph + "\n\n" + "* item\n" + long_paragraph
    cut = 2 * len(long_paragraph) + 2  # the second newline of the blank line
    assert prescan(text).chunks == [(0, cut), (cut, len(text))]


def test_a_section_is_cut_at_a_heading_only_when_long_enough_and_outside_markup() -> None:
    words = "word " * 1000  # 5,000 characters, longer than MIN_CHUNK
    text = words + "\n== A ==\n" + "short\n== B ==\n" + words + "\n=not a heading\n" + words
    first, second = text.index("== A"), text.index("== B")
    assert second - first < 4096
    assert prescan(text).chunks == [(0, first), (first, len(text))]
    inside = "{{quote|" + words + "\n== C ==\n}}" + words
    assert prescan(inside).chunks == [(0, len(inside))]


def test_a_long_section_is_not_cut_at_a_blank_line_inside_a_ref_or_table() -> None:
    long_paragraph = "word " * 15000
    for opener, closer in (("<ref>", "</ref>"), ("\n{|\n", "\n|}\n")):
        text = long_paragraph + opener + "\n\n" + closer + long_paragraph + "\n\n" + "x\n\nx"
        cut = text.index("\n\nx") + 1
        assert prescan(text).chunks == [(0, cut), (cut, len(text))]

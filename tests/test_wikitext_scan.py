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

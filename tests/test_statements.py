"""Sentence segmentation and citation attachment (parsers/statements.py), shared by every parser."""

from __future__ import annotations

import re

import pytest

from citecheck.model import Citation, Span, Tag
from citecheck.parsers.statements import Paragraph, split_sentences, statements_from_paragraph

from conftest import SEED


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 25 October, US National Security Advisor Robert C. O'Brien announced a ceasefire. Later it held.",
         ["On 25 October, US National Security Advisor Robert C. O'Brien announced a ceasefire.", "Later it held."]),
        ("He urged the U.S. Secretary of State to act. Then he left.",
         ["He urged the U.S. Secretary of State to act.", "Then he left."]),
        ("Martin Luther King Jr. spoke. Gen. Smith listened.", ["Martin Luther King Jr. spoke.", "Gen. Smith listened."]),
        ("Its share rose to 22.8% in 2020. It fell later.", ["Its share rose to 22.8% in 2020.", "It fell later."]),
        ("Support ended with Windows 3.1. Support for Windows 95 ended.",
         ["Support ended with Windows 3.1.", "Support for Windows 95 ended."]),
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ('He called it "another Syria in the Caucasus". The next day he left.',
         ['He called it "another Syria in the Caucasus".', "The next day he left."]),
        ('"Where are you?" he asked. Nobody answered.', ['"Where are you?" he asked.', "Nobody answered."]),
        ("It was quiet... The end came.", ["It was quiet...", "The end came."]),
        ("The presence ... demonstrate[s] involvement.", ["The presence ... demonstrate[s] involvement."]),
        ("Wait… what? Nothing!", ["Wait… what?", "Nothing!"]),
        ("See e.g. the report. It says so.", ["See e.g. the report.", "It says so."]),
        ("Roe v. Wade was decided. Everyone knew.", ["Roe v. Wade was decided.", "Everyone knew."]),
        ("The answer was no. It reached No. 1 in the chart.", ["The answer was no.", "It reached No. 1 in the chart."]),
        ("It is on pp. 25–30 of the report.", ["It is on pp. 25–30 of the report."]),
        ("Implements were found in the tomb of Duke Jing of Qin (d. 537 BC), whose tomb is in Shaanxi.",
         ["Implements were found in the tomb of Duke Jing of Qin (d. 537 BC), whose tomb is in Shaanxi."]),
        ("The mill was built c. 1900 by Smith (b. 1850). It burned.",
         ["The mill was built c. 1900 by Smith (b. 1850).", "It burned."]),
        ("Its grade was c. He failed.", ["Its grade was c.", "He failed."]),
        ("The Nagorno-Karabakh War (1988–1994) ended. (See below.) It resumed.",
         ["The Nagorno-Karabakh War (1988–1994) ended.", "(See below.)", "It resumed."]),
        ("The ceasefire failed. 1,166 servicemen were killed.",
         ["The ceasefire failed.", "1,166 servicemen were killed."]),
        ("Fighting resumed in the early a.m. hours and was reported widely.",
         ["Fighting resumed in the early a.m. hours and was reported widely."]),
        ("Talks were held in Washington, D.C. on Friday.", ["Talks were held in Washington, D.C. on Friday."]),
        ("He lives in St. Petersburg. She does not.", ["He lives in St. Petersburg.", "She does not."]),
        ('Trump said; "We are talking. We have good relations. They are great people". Then he left.',
         ['Trump said; "We are talking. We have good relations. They are great people".', "Then he left."]),
        ("He stated, “We won. They lost.” Nobody agreed.", ["He stated, “We won. They lost.”", "Nobody agreed."]),
        ('A stray " quote. Then another sentence.', ['A stray " quote.', "Then another sentence."]),
        ("Он пришёл. Затем ушёл. и всё", ["Он пришёл.", "Затем ушёл. и всё"]),
        ("Il est venu. élu ensuite.", ["Il est venu. élu ensuite."]),
        ("Sie wurde am 1. September 2021 gewählt. Danach trat sie an.",
         ["Sie wurde am 1. September 2021 gewählt.", "Danach trat sie an."]),
        ("The count rose to 12. Then it fell.", ["The count rose to 12.", "Then it fell."]),
        # a capital letter's exclamation mark is a name's ("M! Countdown"); a word's ends a sentence
        ("She sang on M! Countdown. Then she left.", ["She sang on M! Countdown.", "Then she left."]),
        ("He said NO! Then he left.", ["He said NO!", "Then he left."]),
        ("E! News reported it.", ["E! News reported it."]),
        ("The couple split in May. E! News reported it first.", ["The couple split in May.", "E! News reported it first."]),
        ("She was a reporter for E! News until 2010.", ["She was a reporter for E! News until 2010."]),
        ("A sentence without an end", ["A sentence without an end"]),
        ("   padded.   ", ["padded."]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def paragraph(marked: str, kind: str = "prose") -> Paragraph:
    """A Paragraph from text with inline ``[n]`` markers, as a parser would build it."""
    text: list[str] = []
    offsets: list[int] = []
    markers: list[tuple[int, Citation]] = []
    tags: list[tuple[int, Tag]] = []
    pos = 0
    for match in re.finditer(r"\[(\d+|[a-z])\]|\[(citation needed)\]", marked):
        text.extend(marked[pos:match.start()])
        offsets.extend(range(pos, match.start()))
        span = Span(match.start(), match.end())
        if match.group(2):
            tags.append((len(text), Tag(kind="citation-needed", span=span)))
        else:
            key = match.group(1)
            markers.append((len(text), Citation(key=key, span=span, group="" if key.isdigit() else "note")))
        pos = match.end()
    text.extend(marked[pos:])
    offsets.extend(range(pos, len(marked)))
    return Paragraph(text="".join(text), offsets=offsets, markers=markers, tags=tags, kind=kind,
                     section=("History",), index=3)


def test_a_run_of_text_with_no_sentence_end_is_cut_at_spaces_into_pieces_of_a_long_sentence() -> None:
    text = "item text here, 12 " * 1000
    pieces = [text[a:b] for a, b in split_sentences(text)]
    assert len(pieces) == 7 and all(len(piece) <= 3000 for piece in pieces)
    assert " ".join(pieces) == text.strip()  # cut at spaces: every word kept whole
    assert len(split_sentences("A sentence. Then " + "word " * 500)) == 2  # a long real one stays whole


def test_citation_clusters_after_punctuation() -> None:
    source = "Clashes began on 27 September.[45][46] Azerbaijan declared a curfew,[413] later mobilizing. [66] Talks failed."
    stmts = statements_from_paragraph(paragraph(source))
    assert [s.text for s in stmts] == [
        "Clashes began on 27 September.",
        "Azerbaijan declared a curfew, later mobilizing.",
        "Talks failed.",
    ]
    assert [[c.key for c in s.citations] for s in stmts] == [["45", "46"], ["413", "66"], []]
    assert all(s.section == ("History",) and s.paragraph == 3 and s.kind == "prose" for s in stmts)
    # A statement's span covers the markers that belong to it.
    assert source[stmts[0].span.start:stmts[0].span.end] == "Clashes began on 27 September.[45][46]"
    assert source[stmts[1].span.start:stmts[1].span.end].endswith("later mobilizing. [66]")
    for stmt in stmts:
        for i, ch in enumerate(stmt.text):
            assert source[stmt.offsets[i]] == ch


def test_a_marker_after_an_initial_closes_the_sentence() -> None:
    stmts = statements_from_paragraph(paragraph(
        "It featured Verbal Jint and Simon D.[23] On October 18, she came back. Robert C. O'Brien agreed.[24]"))
    assert [s.text for s in stmts] == [
        "It featured Verbal Jint and Simon D.", "On October 18, she came back.", "Robert C. O'Brien agreed."]
    assert [[c.key for c in s.citations] for s in stmts] == [["23"], [], ["24"]]


def test_clause_of_a_mid_sentence_marker() -> None:
    source = ("In response, Armenia introduced martial law and total mobilization,[64][65] while Azerbaijan "
              "introduced a curfew,[66] later declaring partial mobilization.[67]")
    (stmt,) = statements_from_paragraph(paragraph(source))
    clauses = [(c.key, c.clause) for c in stmt.citations]
    assert clauses == [
        ("64", "Armenia introduced martial law and total mobilization"),
        ("65", "Armenia introduced martial law and total mobilization"),
        ("66", "while Azerbaijan introduced a curfew"),
        ("67", "later declaring partial mobilization"),
    ]


def test_note_markers_and_tags_attach_like_citations() -> None:
    source = "The conflict[a] is ongoing. It killed 300 people.[citation needed] It ended.[2]"
    stmts = statements_from_paragraph(paragraph(source))
    assert [[c.label for c in s.citations] for s in stmts] == [["[note a]"], [], ["[2]"]]
    assert [[t.kind for t in s.tags] for s in stmts] == [[], ["citation-needed"], []]
    assert source[stmts[1].span.start:stmts[1].span.end] == "It killed 300 people.[citation needed]"


def test_unsplit_paragraph_is_one_statement() -> None:
    source = "Per Armenia: 1,166 servicemen killed. 17 captured.[42]"
    stmts = statements_from_paragraph(paragraph(source, kind="infobox"), split=False)
    assert len(stmts) == 1
    assert stmts[0].kind == "infobox" and [c.key for c in stmts[0].citations] == ["42"]
    assert statements_from_paragraph(paragraph("   "), split=False) == []
    assert statements_from_paragraph(paragraph("[1]")) == []


def test_marker_before_any_text_goes_to_the_first_sentence() -> None:
    stmts = statements_from_paragraph(paragraph("[1] Denied by Azerbaijan. Turkey denied it.[8]"))
    assert [[c.key for c in s.citations] for s in stmts] == [["1"], ["8"]]

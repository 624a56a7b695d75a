"""Hostile articles: what once crashed a run or made it quadratic stays an ordinary input.

Inputs are sized to run well under a second each; the sizes that once took minutes are timed
by bench/bench_hostile.py, not here.
"""

from __future__ import annotations

import io
import json

import pytest

from citecheck.api import lint_text
from citecheck.model import EXCERPT_LIMIT, Document, Finding, Severity, Span, Statement, bounded_excerpt, fingerprint
from citecheck.report import FORMATS, render


def render_all(result: object) -> dict[str, str]:
    outputs = {}
    for fmt in FORMATS:
        out = io.StringIO()
        render(fmt, [result], out)
        outputs[fmt] = out.getvalue()
        outputs[fmt].encode("utf-8")  # a lone surrogate anywhere would fail here
    return outputs


# ----- CC503: one pass over the citations -------------------------------------------------

def test_empty_references_count_their_markers_without_rescanning_the_citations() -> None:
    """Each empty reference once counted its markers over every citation (50,000 refs: minutes)."""
    refs = 1500
    text = ("Title\n\n" + "".join(f"Fact {i}.[{i}] Again {i}.[{i}]\n\n" for i in range(1, refs + 1))
            + "References\n\n" + "".join(f"  {i}. ^ a b\n" for i in range(1, refs + 1)))
    result = lint_text(text, "text", select=["CC503"])
    assert len(result.findings) == refs
    assert {f.evidence["uses"] for f in result.findings} == {2}
    assert all("2 markers in the text point to it" in f.message for f in result.findings)


# ----- excerpts ----------------------------------------------------------------------------

def test_every_finding_of_a_long_statement_gets_a_window_of_it() -> None:
    """A 123 KB one-sentence article once gave 198 MB of JSON: the sentence copied per finding.
    It is read in pieces of a long sentence now, each finding's excerpt a window of its piece."""
    parts = [f"the raid on village {i} killed people in the valley{{{{citation needed|date=May 2020}}}} and"
             for i in range(400)]
    text = "Intro " + " ".join(parts) + " the end.\n"
    result = lint_text(text, "wikitext", select=["CC103"])
    assert len(result.findings) == 400
    statement = result.findings[0].statement
    assert statement is not None and 2_000 < len(statement.text) <= 3_000
    for index in (0, 199, 399):
        finding = result.findings[index]
        assert finding.statement is not None
        assert len(finding.excerpt) <= EXCERPT_LIMIT + 2  # the "…" on each side
        assert f"village {index} killed" in finding.excerpt
        # The identity is its statement's, not the window's.
        assert finding.fingerprint == fingerprint("CC103", finding.statement.text)
    report = io.StringIO()
    render("json", [result], report)
    assert len(report.getvalue()) < 400 * 4 * EXCERPT_LIMIT  # not 400 copies of the statement
    assert len(json.loads(report.getvalue())["findings"]) == 400


def test_bounded_excerpt_keeps_short_text_and_marks_cuts() -> None:
    assert bounded_excerpt("Short text.", 3) == "Short text."
    words = " ".join(f"w{i}" for i in range(1000))
    start = bounded_excerpt(words, 0)
    assert start.startswith("w0 w1") and start.endswith("…") and len(start) <= EXCERPT_LIMIT + 1
    middle = bounded_excerpt(words, words.index("w500"))
    assert middle.startswith("…") and middle.endswith("…") and "w500" in middle
    assert middle[1:].split(" ", 1)[0].startswith("w")  # cut at a word boundary
    end = bounded_excerpt(words, len(words))
    assert end.startswith("…") and end.endswith("w999")


def test_reference_and_source_excerpts_are_bounded_too() -> None:
    doc = Document(source="x" * 5000, format="text")
    statement = Statement(text="y" * 5000, span=Span(0, 5000))
    for finding in (Finding("CC101", "n", Severity.INFO, "m", Span(10, 4000)),
                    Finding("CC101", "n", Severity.INFO, "m", Span(4000, 4001), statement=statement)):
        finding.locate(doc)
        assert len(finding.excerpt) <= EXCERPT_LIMIT + 2


# ----- crashes -----------------------------------------------------------------------------

HOSTILE = [
    ("wikitext", "The raid&#xD800; killed 12.<ref>{{cite web|title=&#xDFFF;|url=http://a.org/&#55296;}}</ref>\n"),
    ("wikitext", "Text.<ref>{{cite web |url=http://[::1/ |archive-url=https://web.archive.org/web/"
                 "20200101000000/http://[zz::1]/ |title=T}}</ref>\n"),
    ("html", "<html><body>" + "<div>" * 329 + "<p>The raid killed 12 people.</p>" + "</div>" * 329
             + "</body></html>"),
    ("wikitext", "Intro.\n\n<div>" + "<li>item, 12\n" * 2000 + "</div>\n"),
    ("text", "Title\n\nThe \x1b[2J raid\x1b]8;;http://evil\x07 killed 12 \u202e people.\n"),
]


@pytest.mark.parametrize(("fmt", "text"), HOSTILE, ids=["surrogates", "ipv6", "deep-divs", "unclosed-li", "escapes"])
def test_hostile_inputs_lint_and_render_in_every_format(fmt: str, text: str) -> None:
    result = lint_text(text, fmt)
    outputs = render_all(result)
    json.loads(outputs["json"])
    json.loads(outputs["sarif"])


def test_a_lone_surrogate_in_text_given_to_the_api_is_replaced_in_place() -> None:
    import io

    from citecheck.api import lint_text
    from citecheck.report import render

    text = "The town had 5,000 people.\ud800 More text follows here."
    result = lint_text(text, "text")
    assert result.document.source == text.replace("\ud800", "\ufffd")
    for fmt in ("json", "sarif", "full"):
        out = io.StringIO()
        render(fmt, [result], out)
        out.getvalue().encode("utf-8")


def test_list_items_find_their_introduction_without_walking_back_per_item() -> None:
    from citecheck.api import lint_text
    from citecheck.rules.cc101_uncited_numeric_claim import _list_run_starts

    text = "Title\n\nLosses reported by the ministry:[1]\n\n" + "".join(
        f"  • {n} tanks destroyed\n" for n in range(2, 7)) + "\nReferences\n\n  1. ^ a Ministry. 2020.\n"
    doc = lint_text(text, "text").document
    starts = _list_run_starts(doc)
    items = [i for i, s in enumerate(doc.statements) if s.kind == "list"]
    assert len(items) == 5 and {starts[i] for i in items} == {items[0]}
    assert not [f for f in lint_text(text, "text").findings if f.code == "CC101"]


def test_a_long_paragraph_is_bounded_once_for_all_its_sentences() -> None:
    """Each sentence's paragraph was walked from it to its ends and its next citation: a paragraph
    of 20,000 sentences took minutes. Its bounds and next citations are worked out once now."""
    from citecheck.rules.cc101_uncited_numeric_claim import paragraph_end, paragraph_start

    counts = range(2, 1202)
    text = ("Title\n\n" + "".join(f"There were {n} cats in yard {n}. " for n in counts) + "The end.[1]\n\n"
            "Another paragraph with 5 dogs.\n\nReferences\n\n  1. ^ Zoo. 2020.\n")
    result = lint_text(text, "text", select=["CC101", "CC102"])
    statements = result.document.statements
    long_one = [i for i, s in enumerate(statements) if "cats" in s.text]
    assert len(long_one) == len(counts)
    assert {paragraph_start(statements, i) for i in long_one} == {long_one[0]}
    assert {paragraph_end(statements, i) for i in long_one} == {long_one[-1] + 1}
    later = [f for f in result.findings if f.code == "CC102"]
    assert len(later) == len(counts)
    assert "nearest citation [1] is 1200 sentences later" in later[0].message
    assert "nearest citation [1] is in the next sentence" in later[-1].message
    assert [f.message for f in result.findings if f.code == "CC101"] == [
        "uncited figure '5 dogs': no citation follows it in its paragraph"]


def test_copies_of_one_reference_are_each_compared_with_the_first_at_their_pages() -> None:
    """Each copy of a reference was compared with every earlier entry at its address (2,000
    copies: seconds); now with the first at its pages and those at its pages under its title."""
    copy = "<ref>{{cite web |url=http://a.org/x |title=Report |page=%s}}</ref>"
    text = "Intro." + "".join(f"Claim {i}." + copy % (i % 3) for i in range(600)) + "\n"
    result = lint_text(text, "wikitext", select=["CC504"])
    duplicated = [f.evidence["duplicate_of"] for f in result.findings]
    refs = result.document.references
    assert len(duplicated) == 597
    assert set(duplicated) == {refs[0].key, refs[1].key, refs[2].key}


def test_entries_under_one_title_are_compared_only_with_those_at_their_page() -> None:
    """Each entry under a title thousands share was compared with every earlier one (4,000: 23 s);
    now with those at its page, or at none."""
    entry = "<ref>{{cite web |url=http://%s.org/x |title=Report |work=Site |date=1 May 2010}}</ref>"
    hosts = [f"a{i}" for i in range(1500)] + ["a7"]
    text = "Intro." + "".join(f"Claim {i}." + entry % host for i, host in enumerate(hosts)) + "\n"
    result = lint_text(text, "wikitext", select=["CC504"])
    refs = result.document.references
    assert [(f.evidence["duplicate_of"], f.reference.key) for f in result.findings] == [(refs[7].key, refs[-1].key)]


def test_a_long_account_of_a_cited_study_is_read_in_linear_time() -> None:
    """Each statement of a paragraph that opens by citing a study looked through the rest of the
    paragraph for a citation and a return to the study: quadratic in a long paragraph."""
    text = ("Smith and Jones<ref>{{cite journal |title=Samples |journal=Nature |date=2001}}</ref> analysed 53 samples. "
            + "".join(f"There were {i % 90 + 2} cats in yard {i}. " for i in range(1500))
            + "The study concluded that cats are many.\n")
    assert not [f for f in lint_text(text, "wikitext").findings if f.code == "CC101"]
    uncited = text.replace("The study concluded that cats are many.", "Cats are many.")
    assert len([f for f in lint_text(uncited, "wikitext").findings if f.code == "CC101"]) == 1500

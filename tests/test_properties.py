"""Property tests for the plain-text parser and the sentence splitter: they never raise, and
every location they report lies inside the source it came from."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.model import Document
from citecheck.parsers.citations import domain_of, normalize_template_params, parse_reference_text
from citecheck.parsers.statements import split_sentences
from citecheck.parsers.text import parse

# Pieces of rendered pages, so that generated inputs reach the parser's structures
# (infobox labels, headings, bullets, reference entries, markers, tags, dump layout).
FRAGMENTS = [
    "Page extended-protected", "From Wikipedia, the free encyclopedia", "Jump to navigation Jump to search",
    "2020 Nagorno-Karabakh conflict", "Date27 September 2020", "(1 month and 3 days)", "Casualties and losses",
    "Per Armenia:", "  • 1,166 servicemen killed[42]", "See Casualties for details", "Territorial", "changes",
    "Background", "References", "Notes", "See also", "  1. ^ a b \"Title\". Reuters. 1 October 2020.",
    "  2. ^", "    continuation line", "  3. ^ [1][2] Denied by Azerbaijan.[4]", "The war killed 12 people.[1]",
    "Robert C. O'Brien said so.[390]", "It rose 22.8%.[a][b]", "[citation needed]", "[dead link]", "[d]",
    "****** Title ******", "***** History[edit] *****", "   1. ^\"Link_text\". Work.", "    * item_one",
    "      wrapped continuation", ".mw-parser-output cite{x:y}", "Developer       Microsoft",
    "This page was last edited on 3 August 2019, at 03:12 (UTC).", "File:Clip.webmPlay media", "", " ", "\t",
    "Archived from the original on 4 October 2020.", "Retrieved 1 October 2020 – via www.bbc.com.",
]

pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
documents = st.lists(pieces, max_size=30).map("\n".join)
separators = st.sampled_from(["\n", "\n\n", "\r\n", " ", ""])


def check_spans(doc: Document) -> None:
    size = len(doc.source)

    def inside(span) -> None:  # type: ignore[no-untyped-def]
        assert 0 <= span.start <= span.end <= size

    for stmt in doc.statements:
        inside(stmt.span)
        assert len(stmt.offsets) == len(stmt.text)
        assert all(0 <= o < size for o in stmt.offsets)
        for citation in stmt.citations:
            inside(citation.span)
        for tag in stmt.tags:
            inside(tag.span)
    for citation in doc.citations:
        inside(citation.span)
    for ref in doc.references:
        inside(ref.span)
    for diagnostic in doc.diagnostics:
        if diagnostic.span is not None:
            inside(diagnostic.span)
    for i, stmt in enumerate(doc.statements):
        assert stmt.index == i


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_parse_never_raises_on_arbitrary_text(text: str) -> None:
    check_spans(parse(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, max_size=30), separators)
def test_parse_page_like_text(parts: list[str], sep: str) -> None:
    doc = parse(sep.join(parts))
    check_spans(doc)
    refs = {id(r) for r in doc.references}
    for citation in doc.citations:
        assert citation.reference is None or id(citation.reference) in refs
        if citation.reference is not None:
            assert (citation.reference.group, citation.reference.key) == (citation.group, citation.key)


# The characters the parser treats specially, densely mixed.
special_text = st.text(alphabet=st.sampled_from(list(' \n.[]^ab1*"“”_\t:-•o#?!…')), max_size=200)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(special_text)
def test_parse_dense_special_characters(text: str) -> None:
    check_spans(parse(text))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), special_text))
def test_sentences_are_ordered_trimmed_and_inside(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_reference_fields_never_raise(raw: str) -> None:
    fields = parse_reference_text(raw)
    assert all(isinstance(v, str) and v for v in fields.values())
    domain_of(raw)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=15), st.text(max_size=30), max_size=8))
def test_template_params_never_raise(params: dict[str, str]) -> None:
    fields = normalize_template_params("cite web", params)
    assert all(isinstance(v, str) and v for v in fields.values())


def test_adversarial_inputs_stay_linear() -> None:
    """Inputs built to make regular expressions backtrack: each parses in well under a second."""
    import time

    entry = "T\n\nA.[1]\n\nReferences\n\n  1. ^ "
    cases = [
        "Title\n\n" + "a.[1] " * 20000,
        "Title\n\nText [" + "a_" * 20000 + "b] end.",
        entry + '"x' * 20000,
        entry + "Retrieved 1 " * 10000,
        entry + "Archived from the original on 1 " * 5000,
        entry + " – via x" * 10000,
        entry + "(in English, French, " * 5000,
        "****** T ******\n" + "a   b " * 20000,
        "Title\n\n" + "[" * 50000 + "]" * 50000,
    ]
    for text in cases:
        start = time.perf_counter()
        check_spans(parse(text))
        assert time.perf_counter() - start < 3.0, text[:60]

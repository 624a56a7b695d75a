"""Masked <ref>s and the strict template reader agree with mwparserfromhell wherever they answer."""

from __future__ import annotations

import mwparserfromhell
import pytest
from mwparserfromhell.nodes import Tag, Template

from conftest import CORPUS, corpus_or_skip
from citecheck.parsers import wikitext
from citecheck.parsers.wikitext_lite import (LIST_MARK, PLACEHOLDER, REF_START, MaskedRef, MaskedTemplate, mask,
                                             placeholder_index, read_reference_text, read_templates, unmark)
from citecheck.parsers.wikitext_refs import RefContent, template_params


def tree_templates(content: str) -> list[tuple[str, dict[str, str]]]:
    code = mwparserfromhell.parse(content, skip_style_tags=True)
    return [(str(node.name), template_params(node)) for node in code.nodes if isinstance(node, Template)]


def tree_ref(raw: str) -> tuple[str, str, str | None]:
    """(name, group, content) of a lone <ref> as mwparserfromhell reads it."""
    (tag,) = mwparserfromhell.parse(raw, skip_style_tags=True).nodes
    assert isinstance(tag, Tag)

    def attr(name: str) -> str:
        for attribute in tag.attributes:
            if str(attribute.name).strip().lower() == name:
                return str(attribute.value).strip() if attribute.value is not None else ""
        return ""
    content = None if tag.self_closing or tag.contents is None else str(tag.contents)
    return attr("name"), attr("group"), content


READABLE = [
    "{{cite web |url=http://a.example/x?a=b |title=T |date=1 May 2020}}",
    "{{cite news|title=A [[B|c]] d|work={{lang|fr|Le Monde}}|1=x|y|z}}",
    "{{cite web|url=[http://a.example/ a|b]|title=[http://b.example/?q=1 t]}}",
    "{{cite book| last = Smith | first = J | title = X = Y }}\n{{dead link|date=May 2020}}",
    "{{sfn|Smith|2001|p=5}}",
    "{{cite web|title=x}} Retrieved 2010. {{webarchive|url=https://web.archive.org/web/2010/x}}",
    "Plain text only, no markup at all.",
    "{{a|x [b=c] d}}",
    "{{cite web|title={{!}}|url=http://x.example/}}",
    "{{cite|a=b|a=c|2=q|r}}",
    "{{cite web|title=x<!-- | -->}}",
    "{{cite web|url=x<!-- }} -->|title=<!-- a=b -->t}}<!-- {{c}} -->",
    "[[Link]] text {{cite web|title=x}}",
    "[http://a.example/ T] {{cite web|title=x}}",
    "{{cite book|title=x}}[http://a.example/ excerpt]. [[a|b|c]] d = e | f {{sfn|g}}",
]
UNREADABLE = [
    "{{cite web|title=<span>x</span>}}",
    "{{cite web|title={{{1}}}}}",
    "{{cite web|title=x}",
    "{{cite web<!-- x -->|title=x}}",
    "[[a|{{b}}]] {{cite web|title=x}}",
    "[http://a.example/ {{b}}] {{cite web|title=x}}",
    "{{cite web|title=x}} [[a|b]",
    "{{cite web|title=[[x}}",
    "{{cite web\n x|title=x}}",
    "{{cite web|title=x}}}",
]


@pytest.mark.parametrize("content", READABLE)
def test_read_templates_agrees_with_the_parse_tree(content: str) -> None:
    assert read_templates(content) == tree_templates(content)


@pytest.mark.parametrize("content", UNREADABLE)
def test_read_templates_gives_up_where_it_could_differ(content: str) -> None:
    assert read_templates(content) is None


def test_positional_parameters_are_numbered_past_named_ones() -> None:
    assert read_templates("{{x|a|k=v|b}}") == [("x", {"1": "a", "k": "v", "2": "b"})]


def test_masking_keeps_length_and_skips_comments_and_verbatim_tags() -> None:
    text = ("A<ref name=\"a b\" group=note>x</ref> B<ref name=c/> <!-- <ref>no</ref> -->"
            " <nowiki><ref>no</ref></nowiki> <REF Name='q'>z</Ref >")
    masked, refs, _ = mask(text, base=100)
    assert len(masked) == len(text) and all(isinstance(ref, MaskedRef) for ref in refs)
    assert [(r.name, r.group, r.content) for r in refs] == [("a b", "note", "x"), ("c", "", None), ("q", "", "z")]
    assert "<!-- <ref>no</ref> -->" in masked and "<nowiki><ref>no</ref></nowiki>" in masked
    for match, ref in zip(PLACEHOLDER.finditer(masked), refs):
        assert refs[placeholder_index(match)] is ref
        assert (match.start() + 100, match.end() + 100) == ref.span
        assert tree_ref(text[ref.start - 100:ref.end - 100]) == (ref.name, ref.group, ref.content)


def test_text_already_holding_private_use_characters_is_not_masked() -> None:
    text = f"x{REF_START}<ref>a</ref>"
    assert mask(text) == (text, [], False)


def test_attributes_the_parser_reads_otherwise_stay_unmasked() -> None:
    assert mask('<ref name="a"b>c</ref>')[1] == []


def cited(text: str) -> list[tuple[str, int, int]]:
    doc = wikitext.parse(text, "t.wiki")
    return [(c.key, c.span.start, c.span.end) for c in doc.citations]


def test_placeholders_are_cited_wherever_the_ref_stood() -> None:
    text = ("Seen at http://a.example/<ref name=u>{{cite web|url=http://u.example/|title=U}}</ref> here.\n\n"
            "== Head<ref name=h>Heading note</ref> ==\n"
            "Note.{{efn|Explained<ref name=e>{{cite book|title=E}}</ref>}} "
            "Box {{multiple image|caption1=Cap<ref name=m>M</ref>}}.\n\n"
            "Uses <ref name=l/> and <nowiki><ref>not one</ref></nowiki>.\n\n"
            "== Notes ==\n{{reflist|refs=<ref name=l>{{cite web|title=L}}</ref>}}\n")
    doc = wikitext.parse(text, "t.wiki")
    spans = {c.key: text[c.span.start:c.span.end] for c in doc.citations}
    assert spans["u"].startswith("<ref name=u>") and spans["m"] == "<ref name=m>M</ref>"
    assert spans["l"] == "<ref name=l/>"
    assert doc.reference("l").get("title") == "L" and doc.reference("e").get("title") == "E"
    assert doc.reference("u").get("url") == "http://u.example/"
    assert any("http://a.example/" in s.text for s in doc.statements)
    assert all(REF_START not in s.text for s in doc.statements)
    assert [s.section for s in doc.statements if "Note." in s.text] == [("Head",)]
    assert "<ref>not one</ref>" in " ".join(s.text for s in doc.statements)
    assert "h" in spans and doc.reference("h").raw == "Heading note"


def corpus_ref_contents() -> list[str]:
    corpus = corpus_or_skip()
    contents = []
    for path in sorted(corpus.rglob("*.wiki")):
        _, refs, _ = mask(path.read_text(encoding="utf-8", errors="replace"))
        contents.extend(ref.content for ref in refs if isinstance(ref, MaskedRef) and ref.content and ref.content.strip())
    return contents


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is absent")
def test_reader_agrees_with_the_parse_tree_on_every_corpus_ref() -> None:
    contents = corpus_ref_contents()
    read = [(content, got) for content in contents if (got := read_templates(content)) is not None]
    assert len(contents) > 1000 and len(read) > 0.7 * len(contents)
    assert [content for content, got in read if got != tree_templates(content)] == []


def test_plain_links_are_masked_and_others_left_to_the_parser() -> None:
    text = ("[[Paris]] [[Lyon|the city]] [[ Nice ]] [[File:x.jpg|thumb|cap]] [[Category:C]] [[fr:Paris]]"
            " [[a|b &amp; c]] [[[a]]] {{lang|fr|[[Metz]]}} [[a|http://x.example/]] [[a|]]")
    masked, items, _ = mask(text)
    assert len(masked) == len(text)
    assert [(m.target, m.text) for m in items] == [("Paris", None), ("Lyon", "the city"), (" Nice ", None),
                                                 ("a", "")]
    for kept in ("[[File:x.jpg|thumb|cap]]", "[[Category:C]]", "[[fr:Paris]]", "[[a|b &amp; c]]", "[[[a]]]",
                 "{{lang|fr|[[Metz]]}}", "[[a|http://x.example/]]"):
        assert kept in masked


def test_masked_links_render_as_the_parser_would() -> None:
    text = ("== The [[Loire|river]] basin ==\nIt flows through [[Orléans]] and [[Tours|the city of Tours]]"
            " for [[ 1,000 ]] km.<ref>{{cite book|title=Rivers|publisher=[[Oxford University Press|OUP]]}}</ref>\n\n"
            "== Sources ==\n* {{cite book|last=Roe|year=2001|title=T|publisher=[[Penguin Books|Penguin]]|"
            "series={{lang|fr|x}}}}\n")
    doc = wikitext.parse(text, "t.wiki")
    (statement,) = doc.statements
    assert statement.text == "It flows through Orléans and the city of Tours for 1,000 km."
    assert statement.section == ("The river basin",)
    position = statement.text.index("Tours for")
    assert text[statement.source_offset(position):].startswith("Tours]]")
    assert doc.references[0].get("publisher") == "OUP"
    assert doc.metadata["template_counts"]["cite book"] == 2


def test_list_markers_at_line_starts_are_masked_one_mark_each() -> None:
    text = "* a\n** b\n#: c\n; term : d\n*; e\nx * f\n:g"
    masked, items, marked = mask(text)
    assert len(masked) == len(text) and unmark(masked) == text and items == [] and marked
    assert not mask("; term : d\nx * f\n*; e")[2]
    lines = masked.split("\n")
    assert [LIST_MARK.sub("M", line)[:3] for line in lines] == ["M a", "MM ", "MM ", "; t", "*; ", "x *", "Mg"]


def document(text: str) -> str:
    doc = wikitext.parse(text, "t.wiki")
    return repr((doc.statements, doc.references, doc.citations, doc.metadata))


MASKED_NODES = [
    "* One<ref>a</ref>\n** Two [[Link|text]]\n#: Three\n;Term: def\n\nPara.\n",
    "{{Infobox person|name=A|spouse=\n* B\n* C<ref>s</ref>}}\nText.\n",
    "== References ==\n* {{cite book|last=Roe|year=2001|title=T}}\n* {{Cite web|url=http://a.example|title=A}}\n"
    "\n== Text ==\nA claim.{{sfn|Roe|2001|p=3}}\n",
    "{|\n|-\n| Row {{cite web|url=http://b.example|title=B}}\n|}\nText {{cite news|title=N|date=2001}} more.\n",
    "{{Use dmy dates|date=May 2020}}\n{{main|Other}}\nText {{ipa|/a/}} here.[[File:x.jpg|thumb|A {{main|Y}} cap]]\n"
    "{{Authority control}}\n",
    "== Plain heading ==\nText.\n=== Sub heading ===\n* item\n==Notes==\n{{reflist}}\n== With [[link]] ==\nx\n",
    "See http://a.example/x{{main|Y}} now, [[{{cite web|title=x}}]] and <nowiki>{{cite web|title=y}}</nowiki>.\n",
    "{{efn|A note {{cite web|title=Z}} with x=y}} and {{lang|fr|{{cite book|title=Q}}}}.\n",
    "See [[//a.example/x]] and [[ //b.example]] here.<ref>[[//c.example/ C]] d</ref>\n",
]


@pytest.mark.parametrize("text", MASKED_NODES)
def test_masked_nodes_read_as_the_parser_reads_them(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    masked = document(text)
    monkeypatch.setattr(wikitext, "mask", lambda text, base=0, template_kind=None: (text, [], False))
    assert masked == document(text)


def test_citation_and_inert_templates_and_headings_are_masked_outside_templates_only() -> None:
    text = ("== Notes ==\n{{cite web|title=A}} {{main|B}} {{convert|1|km}} {{lang|fr|{{cite book|title=C}}}}\n"
            "== a = b ==\n=== Sub ===  \n")
    masked, items, _ = mask(text, 0, wikitext._template_kind)
    assert [(type(item).__name__, text[item.start:item.end]) for item in items] == [
        ("MaskedHeading", "== Notes =="), ("MaskedTemplate", "{{cite web|title=A}}"),
        ("MaskedTemplate", "{{main|B}}")]
    assert [item.cites for item in items[1:]] == [True, False]
    assert items[0].level == 2 and items[0].title == " Notes "


def tree_text_and_link(body: str) -> tuple[str, str]:
    code = mwparserfromhell.parse(body, skip_style_tags=True)
    links = code.filter_external_links(recursive=True)
    return code.strip_code(normalize=True, collapse=True), str(links[0].url) if links else ""


@pytest.mark.parametrize("body", [
    "Smith, J. (2001). ''Title''. Oxford: OUP, p. 5.", "Roe 2001, pp. 3-4", "See [[Link]] and [[a|the b]].",
    "[http://a.example/x?y=1 A ''title'']. Retrieved 2010.", "[https://a.example/] and [//b.example/ B]",
    "p.&nbsp;235 &ndash; &AElig;", "x [[ Nice ]] [[a|]]", "[http://a.example/ x] of a.example: y",
    "Smith & Roe, a &bogus; b &amp c &AMP; d &", "[http://a.example/?a=1&b=2&amp;c=3&#38;d Title]",
])
def test_reference_text_is_read_as_the_parse_tree_gives_it(body: str) -> None:
    assert read_reference_text(body) == tree_text_and_link(body)


@pytest.mark.parametrize("body", [
    "mailto:a@b.example", "Reuters news:x", "see http://a.example/", "* listed", "a &#65; b",
    "line\nbreak", "{{cite web|title=T}}", "a <br> b", "[[File:x.jpg]]", "[[//a.example/]]", "[mailto:a@b c]",
    "[http://a.example/'x' t]", "[http://a.example/ t [b]]", "[http://a.example/ a &amp; b]",
    "[http://a.example/ x] http://a.example/ again",
])
def test_reference_text_the_reader_might_read_otherwise_is_left_to_the_parser(body: str) -> None:
    assert read_reference_text(body) is None
    assert RefContent(body).text_and_link() == tree_text_and_link(body)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is absent")
def test_reference_text_reader_agrees_with_the_parse_tree_on_every_corpus_ref() -> None:
    read = [(body, got) for body in corpus_ref_contents() if (got := read_reference_text(body)) is not None]
    assert len(read) > 300
    assert [body for body, got in read if got != tree_text_and_link(body)] == []


@pytest.mark.parametrize(("text", "masked"), [
    ("{{main|x}}}", []), ("{{{cite web|title=x}}}", []), ("== {{cite web|title=H}} ==", []), ("{{main>b|x}}", []),
    ("{{main|a|{{cite web|title=x}}}}", []), ("{{a|{{b|{{c}}}} {{main|x}}}}", []),
    ("{{cite web|title=x}}", ["{{cite web|title=x}}"]), ("{{a|{{c}}}} {{main|x}}", ["{{main|x}}"]),
])
def test_templates_are_masked_only_where_the_parser_reads_them_as_template_nodes(text: str, masked: list[str]) -> None:
    items = mask(text + "\n* item", 0, wikitext._template_kind)[1]
    assert [text[item.start:item.end] for item in items if isinstance(item, MaskedTemplate)] == masked

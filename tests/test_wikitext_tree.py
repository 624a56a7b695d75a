"""The parse trees the wikitext parser walks are the ones mwparserfromhell builds on its own."""

from __future__ import annotations

from typing import Any

import mwparserfromhell
import pytest
from mwparserfromhell import utils
from mwparserfromhell.wikicode import Wikicode

from citecheck.parsers.mwparser import BUILDER_PATCHES, CHECKED_VERSIONS, NODE_MODULES, library_as_installed

SAMPLES = [
    "Plain text with no markup at all.",
    "{{Infobox war|name=X|date=1 May 2020<ref name=a>{{cite web|url=http://a.org|title=T}}</ref>}}",
    '{| class="wikitable" style="x"\n|+ Caption\n! H1 !! H2\n|-\n| a || b [[L|t]]\n|}',
    "== Head{{efn|n}} ==\n* item <ref group=note>x</ref>\n# [http://e.org title] &nbsp; {{{arg|def}}}",
    "<div align=center>[[File:A.jpg|thumb|Cap {{convert|2|km}}]]</div><!-- c --><br/>",
    "{{a|{{b|{{c|1=x}}|k=v}}}} <span title='q'>s</span> ''i'' '''b'''",
    "{{t|one|k=v|two|k=w|=e|3=x}} <ref name=\"a\" group=g/> <br> <p >x</p > <b>unclosed",
    "{| class=x\n|- style=\"y\"\n| s=1 | a\n! b !! c\n|}\n; term : def\n----\n:: deep",
]


def shape(node: Any) -> Any:
    """A node's class, its source, and its children's shapes, for comparing two trees."""
    if isinstance(node, Wikicode):
        return [shape(child) for child in node.nodes]
    children = [shape(child) for child in node.__children__()] if hasattr(node, "__children__") else []
    return type(node).__name__, str(node), children


def stored(value: Any) -> Any:
    """What a node stores (its attributes, its children's), for comparing how two trees were built."""
    if isinstance(value, Wikicode):
        nodes = value.nodes
        return type(nodes).__name__, [stored(child) for child in nodes], getattr(nodes, "_children", None)
    if isinstance(value, list):
        return [stored(item) for item in value]
    if hasattr(value, "__dict__"):
        return type(value).__name__, {name: stored(item) for name, item in sorted(vars(value).items())}
    return value


def test_node_modules_take_a_tree_as_it_is() -> None:
    assert {module.__name__.rsplit(".", 1)[1] for module in NODE_MODULES} >= {"tag", "template", "parameter"}
    code = mwparserfromhell.parse("x{{y}}")
    for module in NODE_MODULES:
        assert module.parse_anything is not utils.parse_anything
        assert module.parse_anything(code) is code
        assert str(module.parse_anything("a [[b]]")) == "a [[b]]"
        assert module.parse_anything(None).nodes == []


def test_builder_runs_the_faster_loops() -> None:
    assert bool(BUILDER_PATCHES) == mwparserfromhell.__version__.startswith(CHECKED_VERSIONS)
    for owner, name, library_version, ours in BUILDER_PATCHES:
        current = owner[name] if isinstance(owner, dict) else getattr(owner, name)
        assert current is ours and ours is not library_version


@pytest.mark.parametrize("text", SAMPLES)
def test_trees_are_the_library_own(text: str) -> None:
    ours = mwparserfromhell.parse(text, skip_style_tags=True)
    with library_as_installed():
        library = mwparserfromhell.parse(text, skip_style_tags=True)
    assert shape(ours) == shape(library)
    assert stored(ours) == stored(library)
    assert str(ours) == text


def test_the_library_as_installed_holds_only_for_the_block() -> None:
    def current(owner: object, name: object) -> object:
        return owner[name] if isinstance(owner, dict) else getattr(owner, name)

    with library_as_installed():
        assert all(current(owner, name) is original for owner, name, original, _ in BUILDER_PATCHES)
        assert all(module.parse_anything is utils.parse_anything for module in NODE_MODULES)
    assert all(current(owner, name) is ours for owner, name, _, ours in BUILDER_PATCHES)
    assert all(module.parse_anything is not utils.parse_anything for module in NODE_MODULES)

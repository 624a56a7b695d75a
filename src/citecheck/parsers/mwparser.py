"""mwparserfromhell, with a tree builder that makes the same trees for less.

Every node the library's tree builder makes passes each of its children (a tag's name and
contents, a parameter's name and value) through ``utils.parse_anything``, which runs four
``from … import`` statements before it returns a ``Wikicode`` unchanged: 40 % of building a tree.
On import this module gives the node modules a version that returns a ``Wikicode`` at once, as
the original does, and hands anything else to the original.

The builder's own loops cost most of the rest: for every token inside a tag, template or
parameter they test its class against each closing token with ``isinstance``, and every text
node and node list goes through constructors and property setters that only store their
argument. This module gives the builder loops that compare a token's class once, and makes text
nodes, node lists and the parameters it builds by storing what those setters would store. So
every tree is the one the library builds (tests/test_wikitext_tree.py compares them). Modules
of this package that build trees import the library from here.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Any, Iterator

import mwparserfromhell
from mwparserfromhell import utils
from mwparserfromhell.nodes import Tag, Template, Text
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.parser import builder, tokens
from mwparserfromhell.parser.errors import ParserError
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

__all__ = ["mwparserfromhell", "NODE_MODULES", "BUILDER_PATCHES", "CHECKED_VERSIONS", "library_as_installed"]

_original = utils.parse_anything


def _parse_anything(value: Any, context: int = 0, *, skip_style_tags: bool = False) -> Wikicode:
    if isinstance(value, Wikicode):
        return value
    return _original(value, context, skip_style_tags=skip_style_tags)


# The node modules that imported the library's parse_anything (tag, template, parameter, …).
NODE_MODULES = tuple(module for name, module in sorted(sys.modules.items())
                     if name.startswith("mwparserfromhell.nodes.") and getattr(module, "parse_anything", None)
                     in (_original, _parse_anything))
for _module in NODE_MODULES:
    _module.parse_anything = _parse_anything

_new = object.__new__
_new_list, _fill_list = list.__new__, list.__init__


def _text_node(value: str) -> Text:
    """Text(value): the setter stores the string it is given."""
    node = _new(Text)
    node._value = value
    return node


def _text(_builder: Any, token: Any) -> Text:
    return _text_node(token["text"])


def _node_list(nodes: list[Any]) -> Wikicode:
    """Wikicode(SmartList(nodes)): the constructor stores the list, and SmartList's own __new__
    only gives the list no slice children."""
    items = _new_list(SmartList)
    items._children = {}
    _fill_list(items, nodes)
    code = _new(Wikicode)
    code._nodes = items
    return code


def _pop(self: Any) -> Wikicode:
    return _node_list(self._stacks.pop())


def _parameter(name: Wikicode, value: Wikicode, showkey: bool) -> Parameter:
    """Parameter(name, value, showkey): the builder gives a hidden key only to a positional
    parameter, whose name is its number, which the showkey setter accepts."""
    param = _new(Parameter)
    param._name, param._value, param._showkey = name, value, showkey
    return param


def _template_node(name: Wikicode, params: list[Parameter]) -> Template:
    """Template(name, params): the name setter stores the node list it is given."""
    node = _new(Template)
    node._name, node._params = name, params
    return node


def _tag_node(tag: Wikicode, contents: Wikicode | None, attrs: list[Any], wiki_markup: str | None,
              self_closing: bool, invalid: bool, implicit: bool, padding: str, closing_tag: Wikicode | None,
              wiki_style_separator: str | None, closing_wiki_markup: str | None) -> Tag:
    """Tag(…) with the builder's arguments: the setters store node lists as given (no contents as
    an empty list), flags as bools, empty markup as None, and the closing tag and its markup the
    opening ones unless given (the tokenizer's padding is white space, which the setter accepts)."""
    node = _new(Tag)
    node._tag = tag
    node._closing_tag = tag if closing_tag is None else closing_tag
    node._contents = _node_list([]) if contents is None else contents
    node._attrs = attrs
    node._wiki_markup = wiki_markup or None
    node._closing_wiki_markup = node._wiki_markup if closing_wiki_markup is None else closing_wiki_markup or None
    node._self_closing, node._invalid, node._implicit = bool(self_closing), bool(invalid), bool(implicit)
    node._padding = padding or ""
    node._wiki_style_separator = wiki_style_separator or None
    return node


def _attribute(name: Wikicode, value: Wikicode | None, quotes: str | None, pad_first: str | None,
               pad_before_eq: str | None, pad_after_eq: str | None) -> Attribute:
    """Attribute(…) with the builder's arguments: the setters store the node lists as given, the
    quotes as given (an unquoted value is checked as the quotes setter checks it) and the
    tokenizer's paddings, white space, with "" for none."""
    if not quotes and value is not None and Attribute._value_needs_quotes(value):
        raise ValueError("attribute value requires quotes")
    attr = _new(Attribute)
    attr._name, attr._value, attr._quotes = name, value, quotes or None
    attr._pad_first, attr._pad_before_eq, attr._pad_after_eq = pad_first or "", pad_before_eq or "", pad_after_eq or ""
    return attr


def _marks(self: Any, kinds: frozenset[type]) -> Iterator[Any]:
    """The next tokens of ``kinds`` (the separators and closers the caller acts on); every other
    token is built into its node and added to the open node list, as the library's loops do."""
    stream = self._tokens
    while stream:
        token = stream.pop()
        if type(token) in kinds:
            yield token
        else:
            self._stacks[-1].append(self._handle_token(token))


_ATTRIBUTE_MARKS = frozenset({tokens.TagAttrEquals, tokens.TagAttrQuote, tokens.TagAttrStart, tokens.TagCloseOpen,
                              tokens.TagCloseSelfclose})
_PARAMETER_MARKS = frozenset({tokens.TemplateParamEquals, tokens.TemplateParamSeparator, tokens.TemplateClose})
_TEMPLATE_MARKS = frozenset({tokens.TemplateParamSeparator, tokens.TemplateClose})
_TAG_MARKS = frozenset({tokens.TagAttrStart, tokens.TagCloseOpen, tokens.TagOpenClose, tokens.TagCloseSelfclose,
                        tokens.TagCloseClose})


def _handle_parameter(self: Any, default: int) -> Parameter:
    key = None
    showkey = False
    self._push()
    for token in _marks(self, _PARAMETER_MARKS):
        if type(token) is tokens.TemplateParamEquals:
            key = self._pop()
            showkey = True
            self._push()
        else:
            self._tokens.append(token)
            value = self._pop()
            if key is None:
                key = _node_list([_text_node(str(default))])
            return _parameter(key, value, showkey)
    raise ParserError("_handle_parameter() missed a close token")


def _handle_template(self: Any, token: Any) -> Template:
    name = None
    params: list[Parameter] = []
    default = 1
    self._push()
    for token in _marks(self, _TEMPLATE_MARKS):
        if not params:
            name = self._pop()
        if type(token) is tokens.TemplateClose:
            return _template_node(name, params)
        param = self._handle_parameter(default)
        params.append(param)
        if not param.showkey:
            default += 1
    raise ParserError("_handle_template() missed a close token")


def _handle_attribute(self: Any, start: Any) -> Attribute:
    name = quotes = None
    self._push()
    for token in _marks(self, _ATTRIBUTE_MARKS):
        kind = type(token)
        if kind is tokens.TagAttrEquals:
            name = self._pop()
            self._push()
        elif kind is tokens.TagAttrQuote:
            quotes = token.get("char")
        else:
            self._tokens.append(token)
            if name:
                value = self._pop()
            else:
                name, value = self._pop(), None
            return _attribute(name, value, quotes, start.get("pad_first"), start.get("pad_before_eq"),
                              start.get("pad_after_eq"))
    raise ParserError("_handle_attribute() missed a close token")


def _handle_tag(self: Any, token: Any) -> Tag:
    tag = None
    padding = None
    implicit, attrs, contents, closing_tag = False, [], None, None
    wiki_markup, invalid = token.get("wiki_markup"), token.get("invalid") or False
    wiki_style_separator, closing_wiki_markup = None, wiki_markup
    self._push()
    for token in _marks(self, _TAG_MARKS):
        kind = type(token)
        if kind is tokens.TagAttrStart:
            attrs.append(self._handle_attribute(token))
        elif kind is tokens.TagCloseOpen:
            wiki_style_separator = token.get("wiki_markup")
            padding = token.get("padding") or ""
            tag = self._pop()
            self._push()
        elif kind is tokens.TagOpenClose:
            closing_wiki_markup = token.get("wiki_markup")
            contents = self._pop()
            self._push()
        else:
            if kind is tokens.TagCloseSelfclose:
                closing_wiki_markup = token.get("wiki_markup")
                tag = self._pop()
                self_closing = True
                padding = token.get("padding") or ""
                implicit = token.get("implicit") or False
            else:
                self_closing = False
                closing_tag = self._pop()
            assert tag is not None
            assert padding is not None
            return _tag_node(tag, contents, attrs, wiki_markup, self_closing, invalid, implicit, padding,
                             closing_tag, wiki_style_separator, closing_wiki_markup)
    raise ParserError("_handle_tag() missed a close token")


# The library versions whose builder internals these loops were checked against: under any
# other the library's own builder runs (the same trees, built more slowly).
CHECKED_VERSIONS = ("0.7.",)

# (owner, attribute name, the library's original, ours): what this module replaces in the builder.
BUILDER_PATCHES: tuple[tuple[Any, Any, Any, Any], ...] = (
    (builder._HANDLERS, tokens.Text, builder._HANDLERS[tokens.Text], _text),
    (builder._HANDLERS, tokens.TemplateOpen, builder._HANDLERS[tokens.TemplateOpen], _handle_template),
    (builder._HANDLERS, tokens.TagOpenOpen, builder._HANDLERS[tokens.TagOpenOpen], _handle_tag),
    (builder.Builder, "_pop", builder.Builder._pop, _pop),
    (builder.Builder, "_handle_parameter", builder.Builder._handle_parameter, _handle_parameter),
    (builder.Builder, "_handle_attribute", builder.Builder._handle_attribute, _handle_attribute),
) if mwparserfromhell.__version__.startswith(CHECKED_VERSIONS) else ()


def _install(patches: Iterator[tuple[Any, Any, Any]]) -> None:
    for owner, name, value in patches:
        if isinstance(owner, dict):
            owner[name] = value
        else:
            setattr(owner, name, value)


_install((owner, name, ours) for owner, name, _, ours in BUILDER_PATCHES)


@contextlib.contextmanager
def library_as_installed() -> Iterator[None]:
    """The library's own parse_anything and builder for the time of the block: what a bare
    ``mwparserfromhell.parse`` costs and builds without this module (benchmarks, tests)."""
    _install((module, "parse_anything", _original) for module in NODE_MODULES)
    _install((owner, name, original) for owner, name, original, _ in BUILDER_PATCHES)
    try:
        yield
    finally:
        _install((module, "parse_anything", _parse_anything) for module in NODE_MODULES)
        _install((owner, name, ours) for owner, name, _, ours in BUILDER_PATCHES)

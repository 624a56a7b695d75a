"""mwparserfromhell, with its node classes taking a finished child tree as it is.

Every node the library's tree builder makes passes each of its children (a tag's name and
contents, a parameter's name and value) through ``utils.parse_anything``, which runs four
``from … import`` statements before it returns a ``Wikicode`` unchanged: 40 % of building a tree.
On import this module gives the node modules a version that returns a ``Wikicode`` at once, as
the original does, and hands anything else to the original, so every tree is the one the library
builds. Modules of this package that build trees import the library from here.
"""

from __future__ import annotations

import sys
from typing import Any

import mwparserfromhell
from mwparserfromhell import utils
from mwparserfromhell.wikicode import Wikicode

__all__ = ["mwparserfromhell", "NODE_MODULES"]

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

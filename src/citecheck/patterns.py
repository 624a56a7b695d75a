"""Regular expressions built from data: many literal words or phrases as one alternation."""

from __future__ import annotations

import re
from typing import Any, Iterable


def alternation(phrases: Iterable[str]) -> str:
    """A pattern matching any of ``phrases`` (literal text), those that begin alike sharing one
    branch (a trie): a plain alternation is tried phrase by phrase at every position of the text,
    several times slower over many phrases. Empty when there are no phrases."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        if phrase:
            node = trie
            for char in phrase:
                node = node.setdefault(char, {})
            node[""] = {}  # a phrase ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
    return body + "?" if "" in node else body

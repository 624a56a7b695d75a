"""Lint a page's history without repeating work on texts seen before.

About a fifth of the revisions in a full-history dump are exact copies of an earlier
revision (reverts). A revision whose text was seen recently reuses that text's parsed
Document (kept pickled, so the rules of one revision cannot change another's), and one whose
text, title and revision date were all seen reuses the whole record: every rule, including
those that read the revision date (CC103, CC401–CC405), then sees the same input.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import OrderedDict
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from citecheck import parsers

if TYPE_CHECKING:
    from citecheck.model import Document

# Reverts go back a few revisions: this many recent texts cover nearly all of them.
RECENT_TEXTS = 32
RECENT_RECORDS = 256


class _Recent(OrderedDict):
    """A mapping that keeps the ``limit`` most recently used entries."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def get_recent(self, key: Any) -> Any:
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def keep(self, key: Any, value: Any) -> None:
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)


class RevisionCache:
    """Parsed Documents and record contents of the texts recently linted in one run."""

    def __init__(self, texts: int = RECENT_TEXTS, records: int = RECENT_RECORDS) -> None:
        self.documents = _Recent(texts)
        self.records = _Recent(records)
        self.hits = {"records": 0, "documents": 0}

    @staticmethod
    def digest(text: str) -> bytes:
        return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()

    def record(self, digest: bytes, title: str, when: date | None,
               make: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The record contents for this text, title and revision date, made once."""
        key = (digest, title, when)
        found = self.records.get_recent(key)
        if found is not None:
            self.hits["records"] += 1
            return found
        made = make()
        self.records.keep(key, made)
        return made

    def parser(self, digest: bytes) -> Callable[[str, str, str], "Document"]:
        """A ``parse(text, format, path)`` that reuses the Document of a text seen before."""

        def parse(text: str, fmt: str, path: str) -> "Document":
            key = (digest, fmt, path)
            pickled = self.documents.get_recent(key)
            if pickled is not None:
                self.hits["documents"] += 1
                return pickle.loads(pickled)
            doc = parsers.parse(text, fmt, path=path)
            self.documents.keep(key, pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
            return doc

        return parse

"""Is a value stated in a text? The same value in any form a source may write it.

A claim's figure is looked for in a source's text: "5,800" is also "5800", "5 800",
"5.800" (German grouping), "5.8 thousand" and, for small numbers, words ("two hundred");
a percentage with or without its sign ("22.8%", "22.8 per cent", "22.8"); and a range
that contains it ("between 5,000 and 6,000" holds 5,500). Only the same value counts:
a rounded neighbour ("nearly 6,000" for 5,800) is another figure, so the claim is not
verified by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.parsers.numbers import find_numeric_claims

# Digit runs find_numeric_claims leaves out, since in an article they would be years, list
# numbers or identifiers: a source's "погибли 1166 военнослужащих" still states 1166. Grouped
# runs first: 1,860,000; 1 860 000 (spaces, thin or no-break spaces); 1.860.000 (German).
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:(?P<sep>[,.\u00a0\u202f\u2009 ])\d{3})(?:(?P=sep)\d{3})*(?![\d,]|\.\d)")
_PLAIN = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?![\d,]|\.\d)")
# Where a sentence ends: a full stop, question or exclamation mark before a space and a
# capital, digit or quote; or a line break (extracted page text keeps one paragraph a line).
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
SENTENCE_LIMIT = 400  # characters of evidence kept from a very long sentence


@dataclass(frozen=True, slots=True)
class StatedFigure:
    """A number a text states: its place, its words, and the values it covers (low..high)."""

    start: int
    end: int
    raw: str
    low: float
    high: float
    percent: bool = False

    def holds(self, value: float) -> bool:
        """Whether this figure states ``value``: the same number, or a range containing it."""
        return _same(self.low, value) or _same(self.high, value) or self.low < value < self.high


def stated_figures(text: str) -> list[StatedFigure]:
    """Every number ``text`` states, in order, as values (ranges as their bounds)."""
    found: dict[tuple[int, int], StatedFigure] = {}
    for claim in find_numeric_claims(text):
        if claim.value is None:
            continue
        high = claim.high if claim.high is not None else claim.value
        found[(claim.start, claim.end)] = StatedFigure(claim.start, claim.end, claim.raw, claim.value, high,
                                                       claim.kind == "percent")
    for pattern in (_GROUPED, _PLAIN):
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end in found):
                continue
            digits = match.group()
            value = float(re.sub(r"\D", "", digits)) if pattern is _GROUPED else float(digits)
            found[(match.start(), match.end())] = StatedFigure(match.start(), match.end(), digits, value, value)
    return [found[key] for key in sorted(found)]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, cut to SENTENCE_LIMIT around it."""
    first = 0
    last = len(text)
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.end() <= start:
            first = boundary.end()
        elif boundary.start() >= end:
            last = boundary.start()
            break
    sentence = text[first:last].strip()
    if len(sentence) <= SENTENCE_LIMIT:
        return sentence
    focus = start - first
    window_start = max(0, min(focus - SENTENCE_LIMIT // 2, len(sentence) - SENTENCE_LIMIT))
    window = sentence[window_start:window_start + SENTENCE_LIMIT].strip()
    return ("…" if window_start > 0 else "") + window + ("…" if window_start + SENTENCE_LIMIT < len(sentence) else "")


def find_value(text: str, value: float) -> list[str]:
    """The sentences of ``text`` that state ``value`` in any form, first one first."""
    return list(dict.fromkeys(sentence_around(text, fig.start, fig.end)
                              for fig in stated_figures(text) if fig.holds(value)))


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))

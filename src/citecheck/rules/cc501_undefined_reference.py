"""CC501: citations to references the list does not define, grouped into ranges."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterator

from citecheck.model import Citation, Document, Finding, Reference, Severity
from citecheck.rules.base import Rule, RuleContext


def all_citations(doc: Document) -> list[Citation]:
    """Every citation of the document: ``doc.citations``, else those of the statements."""
    if doc.citations:
        return list(doc.citations)
    return [c for stmt in doc.statements for c in stmt.citations]


def entry_label(ref: Reference) -> str:
    """The entry as the article's markers show it: [12], [d], or [note 3] for numbered notes;
    a long generated key is shortened."""
    key = ref.key if len(ref.key) <= 40 else ref.key[:37] + "…"
    return _label(ref.group, key)


def _label_template(doc: Document, cit: Citation) -> bool:
    """An old-style ``{{ref label}}`` / ``{{ref}}`` footnote, paired with a ``{{note label}}``
    that the list of references does not hold: not a citation this rule can judge."""
    head = doc.source[cit.span.start:cit.span.start + 14].lower()
    return head.startswith(("{{ref label", "{{ref|", "{{ref |", "{{note label"))


def _fold_name(name: str) -> str:
    return " ".join(name.replace("_", " ").casefold().split())


def _near_name(key: str, refs: list[Reference]) -> str:
    """A defined name that differs only in case, spaces or underscores: "Sedgh_2007"."""
    folded = _fold_name(key)
    return next((ref.key for ref in refs if ref.key != key and _fold_name(ref.key) == folded), "")


def _ordinal(key: str, group: str = "") -> int | None:
    """Position of a key in its list: "12" -> 12, note "c" -> 3; None for names (and for
    letters outside a notes group, where "a" is just a short ref name)."""
    if key.isdigit():
        return int(key)
    if group and 1 <= len(key) <= 2 and key.isalpha() and key.islower() and key.isascii():
        value = 0
        for ch in key:  # bijective base 26, as the note lists count: a … z, aa, ab …
            value = value * 26 + ord(ch) - ord("a") + 1
        return value
    return None


@dataclass
class _Run:
    keys: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


class UndefinedReference(Rule):
    """A citation to a reference that the reference list does not define.

    Flags citation markers ([12], [a], ``<ref name="x"/>``) whose reference is missing
    from the list. Consecutive undefined numbers are grouped into one finding per range
    ("[63]–[526]: 464 numbers, 1,093 citations"), so a truncated copy gives one finding,
    not hundreds. The message says when the list looks truncated: the parser noticed it,
    or the undefined numbers continue contiguously from the last defined entry.

    Why: a claim whose citation points nowhere is effectively uncited, and every rule that
    checks sources (dates, dead links, party sources) is blind for it.

    What to do: in a copied page, copy the whole reference list; in wikitext, define the
    named reference (or fix the misspelt name), or restore the deleted ``<ref>`` body.
    """

    code = "CC501"
    name = "undefined-reference"
    severity = Severity.ERROR
    uses_reference_map = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        undefined: dict[tuple[str, str], list[Citation]] = {}
        for cit in all_citations(doc):
            if cit.reference is None and doc.reference(cit.key, cit.group) is None and not _label_template(doc, cit):
                undefined.setdefault((cit.group, cit.key), []).append(cit)
        if not undefined:
            return
        truncated = any(d.kind == "truncated-references" for d in doc.diagnostics)
        for group in sorted({g for g, _ in undefined}):
            in_group = [ref for ref in doc.references if ref.group == group]
            defined = sorted(o for ref in in_group if (o := _ordinal(ref.key, group)) is not None)
            keyed = {k: cits for (g, k), cits in undefined.items() if g == group}
            numbered = sorted((k for k in keyed if _ordinal(k, group) is not None),
                              key=lambda k: _ordinal(k, group) or 0)
            for run in _runs(numbered, keyed, defined, group):
                yield self._range_finding(ctx, group, run, defined, truncated, bool(in_group))
            for key in sorted(k for k in keyed if _ordinal(k, group) is None):
                cits = sorted(keyed[key], key=lambda c: c.span.start)
                label = cits[0].label
                near = _near_name(key, in_group)
                hint = f" (did you mean {near!r}?)" if near else ""
                yield self.finding(
                    ctx,
                    f"named reference {label} is used {_times(len(cits))} but never defined{hint}",
                    cits[0].span,
                    refs=[key],
                    evidence={"keys": [key], "citations": len(cits), "group": group},
                )

    def _range_finding(self, ctx: RuleContext, group: str, run: _Run, defined: list[int],
                       truncated: bool, has_list: bool) -> Finding:
        cits = sorted(run.citations, key=lambda c: c.span.start)
        first, last = run.keys[0], run.keys[-1]
        what = "note" if group else "reference"
        label_first, label_last = _label(group, first), _label(group, last)
        if first == last:
            message = f"{what} {label_first} is cited {_times(len(cits))} but the list does not define it"
        else:
            message = (f"{what}s {label_first}–{label_last} are cited but not defined: "
                       f"{len(run.keys):,} {what} {'letters' if first.isalpha() else 'numbers'}, {len(cits):,} citations")
        last_defined = defined[-1] if defined else 0
        start = _ordinal(first, group)
        # Numbers past the last entry continue it; a gap inside the list (a page's own "Cite error")
        # is no sign of a cut.
        continues = (bool(defined) and start is not None and last_defined < start <= last_defined + 3
                     and _dense(run, group))
        if not has_list:
            message += f"; this copy has no {what} list at all"
        elif continues or (truncated and defined):
            message += f"; the list ends at {_label(group, _key_of(group, last_defined, first))} and looks truncated"
        elif truncated:
            message += "; the list looks truncated"
        return self.finding(
            ctx,
            message,
            cits[0].span,
            refs=run.keys,
            evidence={"keys": run.keys, "first": first, "last": last, "citations": len(cits),
                      "group": group, "truncated": truncated or continues},
        )


def _runs(numbered: list[str], keyed: dict[str, list[Citation]], defined: list[int],
          group: str) -> list[_Run]:
    """Undefined keys split wherever a defined entry lies between two of them."""
    runs: list[_Run] = []
    previous: int | None = None
    for key in numbered:
        pos = _ordinal(key, group)
        assert pos is not None
        if previous is None or bisect.bisect_right(defined, previous) < bisect.bisect_left(defined, pos):
            runs.append(_Run())
        runs[-1].keys.append(key)
        runs[-1].citations.extend(keyed[key])
        previous = pos
    return runs


def _dense(run: _Run, group: str) -> bool:
    """Most numbers of the range are cited: a list cut short, not a few stray markers."""
    first, last = _ordinal(run.keys[0], group), _ordinal(run.keys[-1], group)
    assert first is not None and last is not None
    return len(run.keys) >= 0.5 * (last - first + 1)


def _key_of(group: str, ordinal: int, sample: str) -> str:
    """The key at ``ordinal`` in the style of ``sample`` (letters for lettered notes)."""
    if not (group and sample.isalpha()):
        return str(ordinal)
    letters = ""
    while ordinal > 0:
        ordinal, rem = divmod(ordinal - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


def _label(group: str, key: str) -> str:
    """How the marker reads in the article: [12], [a], or [note 3] for numbered notes."""
    return f"[{key}]" if not group or key.isalpha() else f"[{group} {key}]"


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n:,} times"

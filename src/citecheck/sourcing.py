"""Casualty figures, the parties of a conflict and their outlets: what CC201, CC202 and CC203 ask.

For one statement the analysis answers: which numbers are casualty figures (lexicon
``casualty-terms``), which citations support each figure (the first citation group after it,
so "92 Azerbaijani[45][46] and 40 Armenian civilians killed[47][48]" judges 92 by [45][46]
only), which party those sources belong to, and whether the text attributes the figure to
someone ("according to Armenian sources", "Per Armenia:").

The parties come from a conflict file (``rules/conflicts/``) when one matches the article or is
named with ``--conflict``; otherwise from the belligerents the article's own infobox names,
each mapped to a state or armed organisation of the outlet registry (``rules/outlets/``). An
outlet is a party's only when its owner is a belligerent of the article's conflict: TASS is
Russia's outlet in an article about the war in Ukraine and a third party's anywhere else.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from citecheck.data import Actor, Category, Conflict, Lexicon, Outlet, Party, Registry
from citecheck.model import Citation, Document, Reference, Statement

if TYPE_CHECKING:  # the rules package imports this module: no import back at run time
    from mwparserfromhell.wikicode import Wikicode

    from citecheck.rules.base import RuleContext

# Statement kinds in which the article speaks in its own voice.
OWN_VOICE_KINDS = ("prose", "infobox", "list", "table")

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")
# Where a figure's context stops: sentence and clause punctuation, brackets, dashes.
_HARD_BREAK = re.compile(r"[.;:!?()\[\]\n–—]|,")
_CONNECTORS = frozenset({"and", "or", "as", "well", "plus", "nor"})
_PREFIX_WORDS = 5
_SUFFIX_WORDS = 6
_HEAD_WORDS = 3


@dataclass
class Figure:
    """A casualty figure in a text: where it is, its value and what it counts."""

    start: int
    end: int
    raw: str
    value: float
    category: Category
    noun: str = ""
    # The casualty term that made it one ("killed" in "217 killed", "deaths" in "the deaths of 188").
    term_start: int = -1
    term_end: int = -1

    def phrase(self, text: str) -> str:
        """The figure with its casualty term, as the text words it: "claimed lives of 31"."""
        start = min(self.start, self.term_start) if self.term_start >= 0 else self.start
        return text[start : max(self.end, self.term_end)]


@dataclass
class Sourcing:
    """Who the citations of a figure belong to.

    ``status`` is "single" (every cited reference is an outlet of ``party``), "mixed"
    (independent sources, or both parties), "unknown" (an undefined or empty reference, or one
    that names no work, publisher, author or URL) or "none" (no citation follows the figure).
    """

    status: str
    party: Party | None
    citations: list[Citation]
    outlets: list[Outlet | None]

    def describe(self) -> str:
        parts = []
        for citation, outlet in zip(self.citations, self.outlets):
            parts.append(f"{citation.label} {outlet.name}" if outlet is not None else citation.label)
        return ", ".join(parts)


# ---------------------------------------------------------------------------------------------
# Casualty figures


def casualty_figures(text: str, lexicon: Lexicon, context: Category | None = None) -> list[Figure]:
    """The numbers of ``text`` that count people killed, wounded, captured, missing or displaced.

    ``context`` is the category a heading gives a bare count: the infobox row "3,000+" under
    "Casualties and losses", the table cell "2,425" in a "Casualties" section. Answers are
    kept on the lexicon: CC201, CC202 and CC203 each ask about the same statements.
    """
    key = (text, context)
    cached = lexicon.memo.get(key)
    if cached is None:
        if len(lexicon.memo) > 50_000:  # a dump run lints many articles with one lexicon
            lexicon.memo.clear()
        cached = lexicon.memo[key] = tuple(_casualty_figures(text, lexicon, context))
    return list(cached)


def _casualty_figures(text: str, lexicon: Lexicon, context: Category | None) -> list[Figure]:
    from citecheck.parsers.numbers import find_numeric_claims

    if context is None and lexicon.pattern.search(text) is None:
        return []  # no casualty term to give a figure its category: most statements, found fast
    claims = [c for c in find_numeric_claims(text)
              if c.kind == "count" and c.value is not None
              and not _is_rate(text, c.start, c.end, c.high if c.high is not None else c.value)]
    if not claims:
        return []
    persons = lexicon.word_list("person_nouns")
    objects = lexicon.word_list("non_casualty_nouns")
    categories: list[tuple[Category, int, int] | None] = []
    for i, claim in enumerate(claims):
        prev_end = claims[i - 1].end if i else 0
        next_start = claims[i + 1].start if i + 1 < len(claims) else len(text)
        categories.append(_category(text, claim.start, claim.end, prev_end, next_start, lexicon, persons, objects))
    _share_across_coordination(text, claims, categories, persons, objects)
    if context is not None:
        for i, claim in enumerate(claims):
            if categories[i] is None and _is_bare_count(text, claim.start, claim.end, lexicon, persons, objects):
                categories[i] = (context, -1, -1)
    return [
        Figure(c.start, c.end, c.raw, float(c.value), cat[0], c.noun, cat[1], cat[2])
        for c, cat in zip(claims, categories) if cat is not None
    ]


_RATE = re.compile(r"(?:\s+[^\W\d_][\w-]*){0,2}\s*(?:/|\bper\s+(?:\d|capita\b|cent\b|hundred\b|thousand\b|million\b))",
                   re.I)


def _is_bare_count(text: str, start: int, end: int, lexicon: Lexicon, persons: frozenset[str],
                   objects: frozenset[str]) -> bool:
    """A count with at most a person noun beside it: "3,000+", "2,425", "1,166 servicemen"."""
    head = _head(text, end, len(text))
    if _counted_noun(head, lexicon, persons, objects) == "object":
        return False
    rest = (text[:start] + " " + text[end:]).strip(" +~–—-()[],.:;\n")
    words = [w.group() for w in _words(rest)]
    return len(words) <= 2 and all(w.casefold() in persons or w[:1].isupper() for w in words)


def context_category(statement: Statement, lexicon: Lexicon) -> Category | None:
    """The casualty category an infobox label or a table's section gives its bare numbers."""
    if statement.kind not in ("infobox", "table"):
        return None
    for element in reversed(statement.section):
        label = re.sub(r"[_\d]+", " ", element)  # infobox parameters: "casualties2"
        hit = next(iter(lexicon.finditer(label)), None)
        if hit is not None:
            return hit[1]
    return None


def _is_rate(text: str, start: int, end: int, value: float) -> bool:
    """A rate is no head count: "15.2 deaths/1,000 population", "5 deaths per 100,000 people"."""
    if value != int(value) or _RATE.match(text, end) is not None:
        return True
    return re.search(r"(?:\bper|/)\s*$", text[max(0, start - 6) : start], re.I) is not None


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _head(text: str, end: int, stop: int) -> list[str]:
    """The first words after a figure, up to a break: "Syrian fighters", "servicemen killed"."""
    segment = text[end:stop]
    cut = _HARD_BREAK.search(segment)
    if cut is not None:
        segment = segment[: cut.start()]
    return [m.group() for m in _words(segment)][:_HEAD_WORDS]


def _category(text: str, start: int, end: int, prev_end: int, next_start: int, lexicon: Lexicon,
              persons: frozenset[str], objects: frozenset[str]) -> tuple[Category, int, int] | None:
    """The casualty category of the figure at ``text[start:end]`` and where its term is."""
    head = _head(text, end, next_start)
    counted = _counted_noun(head, lexicon, persons, objects)
    if counted == "object":
        return None
    is_person = counted in ("person", "term")
    # The figure's own noun is a casualty word: "1,166 deaths", "5,000 dead", "17 prisoners".
    if head:
        first = next(iter(lexicon.finditer(text, end, next_start)), None)
        if first is not None and text[end : first[0].start()].strip() == "" and first[0].group().split()[0] == head[0]:
            return first[1], first[0].start(), first[0].end()
    # A term just before it: "killing 26 civilians", "the deaths of 188 fighters".
    window_start = max(prev_end, _last_break(text, start))
    words_before = _words(text[window_start:start])
    before = words_before[-_PREFIX_WORDS:]
    if before:
        # Search from two words earlier so that a phrase ending in the window is read whole
        # ("death toll ... reaches 91", not "toll ... reaches 91").
        search_from = window_start + words_before[-_PREFIX_WORDS - 2 :][0].start()
        window = window_start + before[0].start()
        found = [hit for hit in lexicon.finditer(text, search_from, start) if hit[0].end() > window]
        if found:
            match, category = found[-1]
            if not category.needs_person or is_person:
                return category, match.start(), match.end()
    # A term after it, within the clause: "40 Armenian civilians killed", "17 servicemen captured".
    segment_end = next_start
    cut = _HARD_BREAK.search(text, end, next_start)
    if cut is not None:
        segment_end = cut.start()
    after = _words(text[end:segment_end])[:_SUFFIX_WORDS]
    if after:
        for match, category in lexicon.finditer(text, end, end + after[-1].end()):
            if _leads_next_figure(text, match, next_start):
                break  # "including one volunteer and injuring over 70": the term is 70's
            if not category.needs_person or is_person:
                return category, match.start(), match.end()
            break
    return None


def _leads_next_figure(text: str, term: re.Match[str], next_start: int) -> bool:
    """A verb right before the next figure ("... and injuring over 70") describes that figure;
    a participle after this one ("150 people were killed and over 1,000 injured") does not."""
    if next_start >= len(text) or not term.group().lower().endswith("ing"):
        return False
    between = text[term.end():next_start]
    return _HARD_BREAK.search(between) is None and len(_words(between)) <= 3


def _counted_noun(head: list[str], lexicon: Lexicon, persons: frozenset[str], objects: frozenset[str]) -> str:
    """What the figure counts, judged on its first words: "person", "object", "term" or ""."""
    for word in head:
        folded = word.casefold()
        if folded in objects:
            return "object"
        if folded in persons:
            return "person"
        if lexicon.category(word) is not None:
            return "term"
    return ""


def _last_break(text: str, pos: int) -> int:
    start = 0
    for match in _HARD_BREAK.finditer(text, 0, pos):
        start = match.end()
    return start


def _share_across_coordination(text: str, claims: list, categories: list[tuple[Category, int, int] | None],
                               persons: frozenset[str], objects: frozenset[str]) -> None:
    """Coordinated figures share their category: "92 Azerbaijani and 40 Armenian civilians killed",
    "2 Armenian, 1 Azerbaijani and 3 Russian journalists injured", "750,000 Azerbaijanis and 353,000 Armenians"."""
    changed = True
    while changed:
        changed = False
        for i in range(len(claims) - 1):
            if (categories[i] is None) == (categories[i + 1] is None):
                continue
            if not _is_coordination(text[claims[i].end : claims[i + 1].start], persons, objects):
                continue
            if categories[i] is None:
                categories[i] = categories[i + 1]
            else:
                categories[i + 1] = categories[i]
            changed = True


def _is_coordination(gap: str, persons: frozenset[str], objects: frozenset[str]) -> bool:
    """Only adjectives of origin, counted people and "and"/"or"/commas between two figures."""
    if re.search(r"[.;:()\[\]]", gap):
        return False
    words = [m.group() for m in _words(gap)]
    joined = "," in gap or any(w.casefold() in _CONNECTORS for w in words)
    if not words or len(words) > 4 or not joined:
        return False
    for word in words:
        folded = word.casefold()
        if folded in _CONNECTORS or folded in persons:
            continue
        if word[0].isupper() and folded not in objects:
            continue  # "Azerbaijani", "Armenian", "French"
        return False
    return True


# ---------------------------------------------------------------------------------------------
# Citations of a figure


def marker_positions(statement: Statement) -> list[tuple[int, Citation]]:
    """Each citation of a statement with the position in ``statement.text`` where its marker stood."""
    result = []
    offsets = statement.offsets
    removed = 0
    for citation in sorted(statement.citations, key=lambda c: c.span.start):
        if offsets:
            pos = bisect.bisect_left(offsets, citation.span.start)
        else:
            pos = citation.span.start - statement.span.start - removed
            removed += len(citation.span)
        result.append((max(0, min(pos, len(statement.text))), citation))
    return result


def citations_after(statement: Statement, end: int, positions: list[tuple[int, Citation]] | None = None) -> list[Citation]:
    """The citation group that first follows ``text[:end]``: the figure's own sources.

    Markers separated only by spaces or punctuation form one group ("[45][46]", ",[51]").
    """
    positions = marker_positions(statement) if positions is None else positions
    group: list[Citation] = []
    last = -1
    for pos, citation in positions:
        if pos < end:
            continue
        if group and statement.text[last:pos].strip(" ,;.:") != "":
            break
        group.append(citation)
        last = pos
    return group


def sourcing(citations: list[Citation], conflict: Conflict | None) -> Sourcing:
    """Which party the citations of a figure belong to (notes are explanations, not sources)."""
    sources = [c for c in citations if not c.group]
    if not sources:
        return Sourcing("none", None, [], [])
    outlets: list[Outlet | None] = []
    parties: set[str] = set()
    party: Party | None = None
    unknown = False
    for citation in sources:
        ref = citation.reference
        if ref is None or ref.is_empty:
            unknown = True
            outlets.append(None)
            continue
        hit = conflict.outlet_of(ref) if conflict is not None else None
        outlets.append(hit[1] if hit else None)
        if hit is None and not _names_its_source(ref):
            unknown = True  # "Title". 27 October 2020. -- whose it is cannot be told
        elif hit is None:
            parties.add("")
        else:
            parties.add(hit[0].key)
            party = hit[0]
    if unknown:
        return Sourcing("unknown", None, sources, outlets)
    if len(parties) == 1 and "" not in parties:
        return Sourcing("single", party, sources, outlets)
    return Sourcing("mixed", None, sources, outlets)


def _names_its_source(ref: Reference) -> bool:
    return bool(ref.domain) or any(ref.get(key) for key in ("url", "archive_url", "work", "publisher", "via", "author"))


# ---------------------------------------------------------------------------------------------
# Attribution in the text


@dataclass
class Attribution:
    """The text names a source for the figure; ``party`` is set when that source is a party.

    ``independent`` marks a label that claims independent sourcing ("Per other sources:"):
    it attributes the figure to nobody's side, so party-only sourcing under it is CC201.
    """

    cue: str
    party: Party | None
    independent: bool = False


_SECTION_CUE = re.compile(r"^\s*(?:per|according\s+to)\s+(.+?)\s*:?\s*$", re.I)
_SUBJECT_WORDS = 9
_SOURCE_WORDS = 5
_AFTER_WORDS = 12
# "Per other sources:", "according to independent estimates": a claim of independence, which a
# party-only citation contradicts; such a label does not excuse the figure from CC201.
_INDEPENDENT = re.compile(r"\b(?:other|independent|third[- ]part(?:y|ies)|neutral|international)\b", re.I)


def attribution(statement: Statement, figure_start: int, conflict: Conflict | None,
                cues: Lexicon | None) -> Attribution | None:
    """How the statement attributes the figure at ``figure_start``, if it does.

    An infobox block headed "Per Armenia:" attributes every row in it. In the text, the cue
    nearest before the figure counts, else the first after it ("... (per Armenia)").
    """
    for element in reversed(statement.section):
        match = _SECTION_CUE.match(element)
        if match:
            party = _party_named(match.group(1), conflict)
            independent = party is None and _INDEPENDENT.search(match.group(1)) is not None
            return Attribution(element.strip(), party, independent)
    if cues is None:
        return None
    text = statement.text
    found: list[tuple[int, Attribution]] = []
    for match, category in cues.finditer(text):
        if category.key == "preposition":
            source = _clause_after(text, match.end())
            if match.group().lower() == "per" and not source[:1].isupper() and not _INDEPENDENT.match(source):
                continue  # "per day", "per cent": not an attribution
            party = _party_named(source, conflict)
            cue = f"{match.group()} {source}".strip()
            if party is None and _INDEPENDENT.search(source):
                # "Per other sources:", "according to independent estimates": nobody's side.
                found.append((match.start(), Attribution(cue, None, True)))
                continue
        else:
            source = _clause_before(text, match.start())
            if not _names_a_source(text, match.start(), source, conflict, cues):
                continue  # "as a result of reported shelling": nobody is reporting
            party = _party_named(source, conflict, last=True)
            cue = f"{source} {match.group()}".strip()
        found.append((match.start(), Attribution(cue, party)))
    before = [a for pos, a in found if pos < figure_start]
    if before:
        return before[-1]
    # After the figure only within its clause: "... killed, Armenia said", "... (per Armenia)",
    # not "two captured Armenians were executed; Artsakh authorities identified one".
    after = [a for pos, a in found if pos >= figure_start
             and not re.search(r"[;:]", text[figure_start:pos]) and len(_words(text[figure_start:pos])) <= _AFTER_WORDS]
    return after[0] if after else None


def _clause_after(text: str, pos: int) -> str:
    segment = text[pos:]
    cut = re.search(r"[,;:.()]", segment)
    segment = segment[: cut.start()] if cut else segment
    return " ".join(m.group() for m in _words(segment)[:_SOURCE_WORDS]).strip()


def _clause_before(text: str, pos: int) -> str:
    segment = text[:pos]
    cut = max(segment.rfind(ch) for ch in ",;:.()")
    segment = segment[cut + 1 :] if cut >= 0 else segment
    return " ".join(m.group() for m in _words(segment)[-_SUBJECT_WORDS:])


def _names_a_source(text: str, cue_start: int, subject: str, conflict: Conflict | None, cues: Lexicon) -> bool:
    """Whether the words before a reporting verb name who reports: a party, a name, a source noun."""
    if _party_named(subject, conflict) is not None:
        return True
    nouns = cues.word_list("source_nouns")
    words = subject.split()
    sentence_initial = text[: cue_start].lstrip().startswith(subject) if subject else False
    for i, word in enumerate(words):
        if word.casefold() in nouns:
            return True
        if word[:1].isupper() and not (i == 0 and sentence_initial):
            return True
    return False


def _party_named(source: str, conflict: Conflict | None, *, last: bool = False) -> Party | None:
    """The party an alias in ``source`` names: the first one, or with ``last`` the one nearest
    the end (the reporting verb: "the Azerbaijani MoD denied an Armenian MoD report").

    An outlet's name names its party too: "according to the Gaza Health Ministry" is Hamas's word.
    """
    if conflict is None or not source:
        return None
    best: tuple[int, Party] | None = None
    for party in conflict.parties:
        for match in _naming_pattern(party).finditer(source):
            key = -match.start() if last else match.start()
            if best is None or key < best[0]:
                best = (key, party)
    return best[1] if best else None


@functools.lru_cache(maxsize=64)
def _naming_pattern(party: Party) -> re.Pattern[str]:
    """Where any alias or distinctive outlet name of the party starts, as a whole name: one
    pattern for them all (a zero-width match, so a name inside a longer one is found too)."""
    outlet_names = (name for outlet in party.outlets for name in outlet.names if _is_distinctive(name))
    names = "|".join(re.escape(name) for name in dict.fromkeys((*party.aliases, *outlet_names)))
    return re.compile(r"(?<![\w-])(?=(?:" + names + r")(?!\w))") if names else re.compile(r"(?!)")


def _is_distinctive(name: str) -> bool:
    """An outlet name that cannot be an ordinary word: several words ("Gaza Health Ministry") or
    an acronym ("TASS", "IRNA"); not a one-word brand ("Trend", "Kan")."""
    return " " in name.strip() or (len(name) >= 3 and name.isupper() and name.isalpha())


# ---------------------------------------------------------------------------------------------
# The shared walk


@dataclass
class FigureCase:
    """One casualty figure of one statement with everything the sourcing rules judge."""

    statement: Statement
    figure: Figure
    citations: list[Citation]


def figure_cases(doc: Document, ctx: RuleContext, kinds: tuple[str, ...] = OWN_VOICE_KINDS) -> Iterator[FigureCase]:
    """Every cited casualty figure of the document's statements of the given kinds."""
    lexicon = ctx.lexicons.get("casualty-terms")
    if lexicon is None:
        return
    for statement in doc.statements:
        if statement.kind not in kinds or not statement.citations:
            continue
        figures = casualty_figures(statement.text, lexicon, context_category(statement, lexicon))
        if not figures:
            continue
        positions = marker_positions(statement)
        for figure in figures:
            citations = citations_after(statement, figure.end, positions)
            if citations:
                yield FigureCase(statement, figure, citations)


def party_sourced_cases(doc: Document, ctx: RuleContext) -> Iterator[tuple[FigureCase, Sourcing, Attribution | None]]:
    """Figures whose cited sources all belong to one party, with the text's attribution."""
    if ctx.conflict is None:
        return
    cues = ctx.lexicons.get("attribution-cues")
    for case in figure_cases(doc, ctx):
        verdict = sourcing(case.citations, ctx.conflict)
        if verdict.status != "single":
            continue
        yield case, verdict, attribution(case.statement, case.figure.start, ctx.conflict, cues)


def figure_key(case: FigureCase) -> str:
    """Tells apart findings on one statement ("2 Armenian, ..., 2 French"), without positions."""
    figure = case.figure
    nth = case.statement.text.count(figure.raw, 0, figure.start)
    return f"{figure.raw}|{figure.category.key}|{nth}"


def figure_evidence(case: FigureCase, verdict: Sourcing | None = None,
                    conflict: Conflict | None = None) -> dict[str, object]:
    """Evidence for a finding on a figure; ``party`` is the label reports show beside the sources,
    ``parties_from`` the conflict file that named the parties, or "infobox"."""
    evidence: dict[str, object] = {
        "figure": case.figure.raw,
        "category": case.figure.category.key,
        "highlight": [case.figure.start, case.figure.end],
        "fingerprint_key": figure_key(case),
    }
    if verdict is not None and verdict.party is not None:
        evidence.update(party=verdict.party.label, party_key=verdict.party.key,
                        outlets=[o.name if o else "" for o in verdict.outlets])
        if conflict is not None:
            evidence["parties_from"] = Path(conflict.path).name if conflict.path else "infobox"
    return evidence


# ---------------------------------------------------------------------------------------------
# What a finding tells the editor


def outlet_evidence(verdict: Sourcing) -> str:
    """Why each cited outlet is the party's, as the data records it: "AzerNews (government-aligned): ..."."""
    described = []
    for outlet in dict.fromkeys(o for o in verdict.outlets if o is not None):
        if outlet.evidence:
            kind = f" ({outlet.kind})" if outlet.kind else ""
            described.append(f"{outlet.name}{kind}: {outlet.evidence.rstrip('.')}")
    return "; ".join(described)


def party_basis(conflict: Conflict, party: Party) -> str:
    """Where the party comes from: a conflict file, or the article's infobox."""
    if not conflict.path:
        return f"{party.label}: a side among the belligerents in the article's infobox"
    return f"{party.label}: a side of {conflict.name} ({Path(conflict.path).name})"


def why_single_party(conflict: Conflict, verdict: Sourcing) -> str:
    """The sentence a finding gives for calling its sources one party's: basis and evidence."""
    assert verdict.party is not None
    why = outlet_evidence(verdict)
    return party_basis(conflict, verdict.party) + (f"; {why}" if why else "")


# ---------------------------------------------------------------------------------------------
# Parties read from the article's infobox


@dataclass(frozen=True)
class Belligerent:
    """A name the infobox lists among the belligerents; ``column`` is its side (1, 2, 3) or 0
    when the copy does not tell the sides apart (plain text, a single ``belligerents`` field)."""

    name: str
    column: int


# combatant1, combatant2a, side1 (Infobox civil conflict), belligerents (one field for all sides).
_BELLIGERENT_PARAM = re.compile(r"^(?:combatant|side)\s*([1-3])[a-e]?$|^belligerents?$", re.I)
_BELLIGERENT_LABELS = ("belligerents", "combatants")
# A label after which a column lists supporters, not belligerents: "Supported by:", "Support:".
_SUPPORTERS = re.compile(
    r"\b(?:supported|backed|assisted|sponsored|armed|funded|aided)\s+by\b"
    r"|^\W*(?:(?:diplomatic|logistic(?:al)?|military|material|non-combat|limited)\s+)?(?:support|supporters?|sponsors?)\b",
    re.I)
_FLAG_TEMPLATES = frozenset({"flag", "flagcountry", "flagicon", "flagdeco", "flagu", "flag country",
                             "flagcc", "flagbig", "flag icon"})
# Flag templates that print the country's name beside the flag; the others print an icon only.
_FLAG_NAMES = frozenset({"flag", "flagcountry", "flagu", "flag country", "flagcc", "flagbig"})
# Markup that ends a line of the list, and markup whose content names nobody (notes, struck names).
_LINE_TAGS = frozenset({"br", "hr", "li", "dd", "dt", "p", "div"})
_SKIPPED_TAGS = frozenset({"ref", "references", "s", "del", "sup", "math"})
_LIST_TEMPLATES = frozenset({"plainlist", "plain list", "ubl", "unbulleted list", "ublist", "flatlist",
                             "hlist", "collapsible list", "bulleted list", "nowrap", "small", "tree list",
                             "vunblist", "endplainlist", "startplainlist"})


def article_conflict(doc: Document, registry: Registry) -> Conflict | None:
    """The sides of the article's conflict, read from the belligerents its infobox lists.

    Each column of belligerents is one party; several actors in one column form one party. A
    name that maps to no registry actor contributes nothing, an actor listed on two sides is
    left out, and supporters ("Supported by:") are not parties. None when no belligerent maps.
    """
    if not registry.actors:
        return None
    columns: dict[int, list[Actor]] = {}
    for belligerent in infobox_belligerents(doc):
        actor = registry.actor_named(belligerent.name)
        if actor is not None and actor not in columns.setdefault(belligerent.column, []):
            columns[belligerent.column].append(actor)
    sides: list[list[Actor]] = []
    for column, actors in sorted(columns.items()):
        # Without columns every actor stands alone: nothing says who fought beside whom.
        sides.extend([[actor] for actor in actors] if column == 0 else [actors] if actors else [])
    on_two_sides = {a.id for i, side in enumerate(sides) for a in side
                    if any(a in other for other in sides[i + 1:])}
    parties = []
    for side in sides:
        members = [actor for actor in side if actor.id not in on_two_sides]
        if members:
            parties.append(_party_of(members))
    if not parties:
        return None
    return Conflict(name=f"the belligerents of {doc.title or 'the article'}", path="", match=(),
                    parties=tuple(parties))


def _party_of(actors: list[Actor]) -> Party:
    aliases = tuple(dict.fromkeys(alias for actor in actors for alias in actor.names))
    outlets = tuple(dict.fromkeys(outlet for actor in actors for outlet in actor.outlets))
    return Party(key="+".join(a.id for a in actors), label=" / ".join(a.name for a in actors),
                 aliases=aliases, outlets=outlets, members=tuple(a.id for a in actors))


def infobox_belligerents(doc: Document) -> list[Belligerent]:
    """Every belligerent name of the article's infobox, in the order written, supporters left out."""
    if doc.format == "wikitext":
        return _wikitext_belligerents(doc)
    if doc.format == "html":
        return _html_belligerents(doc.source)
    return _text_belligerents(doc)


def _text_belligerents(doc: Document) -> list[Belligerent]:
    """Plain-text copies: one line per belligerent under "Belligerents", up to any sub-label or a
    line that starts the supporters ("Supported by: Belarus").

    A copy runs the columns together, so the side of each name is unknown (column 0).
    """
    found = []
    supporters_from: tuple[str, ...] | None = None  # the label whose remaining lines are supporters
    for statement in doc.statements:
        if statement.kind != "infobox" or not statement.section:
            continue
        if statement.section[-1].strip().casefold() not in _BELLIGERENT_LABELS or statement.section == supporters_from:
            continue
        if _SUPPORTERS.search(statement.text):
            supporters_from = statement.section
            continue
        found.extend(Belligerent(name, 0) for name in _names_in_line(statement.text))
    return found


def _names_in_line(line: str) -> list[str]:
    """The ways one belligerent line may name an actor: whole, and without its parenthesis."""
    line = re.sub(r"\[(?:\d+|[a-z]{1,2})\]", "", line).strip(" \t*•·,;:")
    if not line or _SUPPORTERS.search(line):
        return []
    bare = re.sub(r"\s*\([^)]*\)", "", line).strip()
    return list(dict.fromkeys(name for name in (line, bare) if name))


# Wikitext ---------------------------------------------------------------------------------------


def _wikitext_belligerents(doc: Document) -> list[Belligerent]:
    rows = doc.metadata.get("infobox") or {}
    params = [name for name in rows if _BELLIGERENT_PARAM.match(name.strip())]
    if not params:
        return []
    from citecheck.parsers.mwparser import mwparserfromhell  # only for articles whose infobox has belligerents

    found: list[Belligerent] = []
    for param in params:
        raw = _param_source(doc, param)
        if raw is None:
            continue
        match = _BELLIGERENT_PARAM.match(param.strip())
        column = int(match.group(1)) if match and match.group(1) else 0
        lines: list[list[str]] = [[]]
        _walk_wikicode(mwparserfromhell.parse(raw), lines)
        for names in lines:
            if names[:1] == [_STOP]:
                break
            # A flag icon beside a name is decoration ({{flagicon|Yemen}} [[Houthis]]); alone it names.
            named = [n for n in names if not n.startswith(_ICON)] or [n[len(_ICON):] for n in names]
            found.extend(Belligerent(name, column) for name in dict.fromkeys(named))
    return found


_STOP = "\x00supporters"  # a line that starts the supporters: every later line is left out
_ICON = "\x00icon:"  # marks a name known only from a flag icon


def _walk_wikicode(code: Wikicode, lines: list[list[str]]) -> None:
    """Collect names line by line: flag-template countries, link targets and labels, plain text."""
    from mwparserfromhell import nodes as N

    for node in code.nodes:
        if lines and lines[-1][:1] == [_STOP]:
            return
        if isinstance(node, N.Text):
            for i, piece in enumerate(re.split(r"\n+\s*[*#:]*", str(node))):
                if i:
                    lines.append([])
                _add_text(piece, lines)
        elif isinstance(node, N.Wikilink):
            target = str(node.title).split("#")[0].strip()
            if re.match(r"(?i)\s*(?:file|image|category)\s*:", target):
                continue
            label = node.text.strip_code().strip() if node.text is not None else ""
            if label and _SUPPORTERS.search(label):
                lines.append([_STOP])
                return
            lines[-1].extend(name for name in (target, label) if name)
        elif isinstance(node, N.Template):
            name = str(node.name).strip().casefold().replace("_", " ")
            if name in _FLAG_TEMPLATES and node.has(1):
                country = node.get(1).value.strip_code().strip()  # {{flag|Russia|1991}}: 2 is a variant
                lines[-1].append(country if name in _FLAG_NAMES else _ICON + country)
            elif name in _LIST_TEMPLATES:
                for param in node.params:
                    if str(param.name).strip() == "title" and _SUPPORTERS.search(str(param.value)):
                        lines.append([_STOP])
                        return
                    if not param.showkey:
                        lines.append([])
                        _walk_wikicode(param.value, lines)
                        if lines[-1][:1] == [_STOP]:
                            return
        elif isinstance(node, N.Tag):
            tag = str(node.tag).strip().casefold()
            if tag in _SKIPPED_TAGS:
                continue
            if tag in _LINE_TAGS:
                lines.append([])
            if node.contents is not None and not node.self_closing:
                _walk_wikicode(node.contents, lines)
                if tag in _LINE_TAGS:
                    lines.append([])


def _add_text(piece: str, lines: list[list[str]]) -> None:
    text = piece.strip()
    if not text:
        return
    if _SUPPORTERS.search(text):
        lines.append([_STOP])
        return
    lines[-1].extend(_names_in_line(text))


def _param_source(doc: Document, param: str) -> str | None:
    """The wikitext of an infobox parameter's value, found from its statement back to ``|param=``."""
    statement = next((s for s in doc.statements if s.kind == "infobox" and s.section
                      and s.section[-1] == param), None)
    if statement is None:
        return None
    source = doc.source
    opening = None
    for opening in re.compile(r"\|\s*" + re.escape(param) + r"\s*=").finditer(source, 0, statement.span.start):
        pass
    if opening is None:
        return None
    return source[opening.end() : _value_end(source, opening.end())]


def _value_end(source: str, start: int) -> int:
    """Where a template parameter's value ends: the next ``|`` or ``}}`` outside nested markup."""
    depth = 0
    i = start
    while i < len(source):
        pair = source[i : i + 2]
        if pair in ("{{", "[["):
            depth += 1
            i += 2
        elif pair in ("}}", "]]"):
            if depth == 0:
                return i
            depth -= 1
            i += 2
        elif source.startswith("<!--", i):
            close = source.find("-->", i)
            i = len(source) if close < 0 else close + 3
        elif source[i] == "|" and depth == 0:
            return i
        else:
            i += 1
    return i


# HTML ---------------------------------------------------------------------------------------------


def _html_belligerents(source: str) -> list[Belligerent]:
    """Rendered infoboxes: the cells of the rows under a "Belligerents" header, one column each."""
    match = re.search(r"<th\b[^>]*>\s*(?:<[^>]+>\s*)*(?:Belligerents|Combatants)\s*(?:<[^>]+>\s*)*</th>", source, re.I)
    if match is None or source.rfind("infobox", 0, match.start()) < 0:
        return []
    reader = _BelligerentRows()
    for start in range(match.end(), len(source), 4096):  # a few rows; the reader stops at the next header
        reader.feed(source[start : start + 4096])
        if reader.done:
            break
    found = []
    for cells in reader.rows:
        for column, lines in enumerate(cells, start=1):
            for names in lines:
                if names[:1] == [_STOP]:
                    break
                found.extend(Belligerent(name, column if len(cells) > 1 else 0) for name in dict.fromkeys(names))
    return found


class _BelligerentRows(HTMLParser):
    """Reads the table rows after the header up to the next header row: cells, lines, names."""

    _BREAKS = frozenset({"br", "li", "p", "div", "ul", "ol", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[list[list[str]]]] = []  # row -> cell -> line -> names
        self.depth = 0  # nested tables inside a cell
        self.cell: list[list[str]] | None = None
        self.skip = 0  # inside <sup> (reference markers), <style>, <script>
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "table":
            self.depth += 1
        if self.depth:
            return
        if tag == "th":
            self.done = bool(self.rows)  # the next header ("Commanders and leaders") ends the block
            self.cell = None
            return
        if tag == "tr":
            self.rows.append([])
        elif tag == "td" and self.rows:
            self.cell = [[]]
            self.rows[-1].append(self.cell)
        elif tag in ("sup", "style", "script"):
            self.skip += 1
        elif self.cell is not None and tag in self._BREAKS:
            self.cell.append([])
        elif self.cell is not None and tag == "a" and not self.skip:
            link = dict(attrs)
            if "File:" in (link.get("href") or "") or "image" in (link.get("class") or ""):
                return  # a flag picture's link names the flag, not the belligerent
            title = (link.get("title") or "").removesuffix(" (page does not exist)")
            if title and not self._stopped():
                self.cell[-1].append(title)

    def handle_endtag(self, tag: str) -> None:
        if self.done:
            return
        if tag == "table":
            if self.depth == 0:
                self.done = True  # the infobox itself ended
            self.depth -= 1
        elif self.depth == 0 and tag in ("sup", "style", "script") and self.skip:
            self.skip -= 1
        elif self.depth == 0 and tag == "td":
            self.cell = None
        elif self.depth == 0 and tag == "tr" and self.rows and not self.rows[-1]:
            self.rows.pop()

    def handle_data(self, data: str) -> None:
        if self.done or self.depth or self.skip or self.cell is None or self._stopped():
            return
        text = data.strip()
        if not text:
            return
        if _SUPPORTERS.search(text):
            self.cell.append([_STOP])
        else:
            self.cell[-1].extend(_names_in_line(text))

    def _stopped(self) -> bool:
        return self.cell is not None and any(line[:1] == [_STOP] for line in self.cell)

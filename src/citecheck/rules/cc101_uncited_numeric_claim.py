"""CC101: a figure with no citation anywhere after it in its paragraph.

Also home of ``numeric_coverage``, the paragraph walk shared with CC102: for every statement
with figures it finds which figures no citation follows, and the nearest later citation.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
import threading
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable, Iterator, Sequence

from citecheck.model import Citation, Document, Finding, Severity, Span, Statement
from citecheck.parsers.citations import numbered_document
from citecheck.parsers.dates import find_dates, looks_like_date
from citecheck.parsers.numbers import (
    REPETITION_NOUNS,
    NumericClaim,
    WrittenFigures,
    estimate_before,
    find_numeric_claims,
    parse_number,
    continues_example,
    measures_amount,
    measures_time,
    decodes_notation,
    names_the_members,
    names_worked_example,
    opens_example,
    quoted_words,
    reads_out_designation,
    reports_the_world,
    speaks_in_mathematics,
    tallies_listed_seasons,
    tallies_listed_years,
    works_out,
)
from citecheck.parsers.statements import TABLE_SOURCE_LINE
from citecheck.rules.base import Option, Rule, RuleContext
from citecheck.sourcing import marker_positions

# Sections whose lines are not claims of the article: reference lists, reading lists,
# navigation (English and German headings; matched anywhere in the heading).
SKIPPED_SECTIONS = re.compile(
    r"reference|bibliograph|further reading|external link|see also|literat|works cited|"
    r"footnote|citation|sources|notes|einzelnachweis|anmerkung|weblink|siehe auch",
    re.I,
)


VAGUE_OPTION = Option(
    "vague", False, "Also report statements whose only figures are vague (hundreds, dozens), at info severity."
)
TEXTBOOK_OPTION = Option(
    "textbook", True,
    "In an article that teaches mathematics or science, leave out figures that report nothing about the "
    "world (undated conditions, typical values, examples); set false to report them too.",
)


@dataclass
class Coverage:
    """A statement whose figures ``uncovered`` have no citation after them in the statement.

    ``nearest`` is the first citation of a later statement in the same paragraph and
    ``distance`` how many statements later it is; both None when the paragraph has none.
    ``earlier`` is a citation of the statement itself that precedes the figures.
    """

    statement: Statement
    uncovered: list[NumericClaim]
    vague_only: bool
    nearest: Citation | None = None
    distance: int = 0
    earlier: Citation | None = None


def numeric_coverage(doc: Document, *, vague: bool = False, textbook: bool = True) -> Iterator[Coverage]:
    """Statements with figures that no citation in the statement follows.

    Vague quantities ("hundreds") count only when ``vague`` is set, and then only for
    statements with no precise figure. With ``textbook``, an article that teaches (``_teaches``)
    keeps only its figures that report the world. Headings, reference-list sections, a retold
    plot (whose source is the work itself), sections under a cited heading and statements
    already tagged [citation needed] (CC103 reports those) are skipped; so are list items under
    a cited title line, and list items and a block quotation under a cited introduction ending with ":" (or one that names the
    quoted source by its day, ``_names_dated_source``), introductions whose
    list items are cited, the
    data block a cited census opens (``_census_blocks``), figures inside a quotation,
    figures of a summary (lead, infobox, caption) that the body cites, or for a caption or an
    infobox row the lead, for the lead, a caption or the body an infobox row (``_cited_elsewhere``,
    ``_gives_cited_box_figure``), all of a summary's figures together where one body sentence
    gives them (``_restated_together``; a small
    count where it names what it counts, ``_small_count_cited_elsewhere``), as ordinals (``_ranked_in_cited_body``) or
    edition by edition (``_editions_cited_in_body``), a row giving a performance the body cites
    (``_restates_cited_mark``), figures a table row cited in its name cell
    gives for the subject the statement names (``_given_in_cited_row``), figures a sentence
    beside it, or the next that cites, restates with its citation (``_restates_cited_figure``),
    and conversions in brackets of amounts so covered ("40 miles (64 km)", ``_converts_covered``).
    Worked out once per document: CC101 and CC102 both read it.
    """
    return iter(doc.derived(("numeric_coverage", vague, textbook),
                            lambda: tuple(_numeric_coverage(doc, vague, textbook))))


def _numeric_coverage(doc: Document, vague: bool, textbook: bool) -> Iterator[Coverage]:
    statements = doc.statements
    citation_starts: list[int] | None = None
    examples = _worked_examples(statements, doc.source)
    retold = frozenset(doc.metadata.get("retold", ()))  # an episode list's summaries, which the episodes source
    run_starts = _list_run_starts(doc)
    closed_lists: dict[int, bool] = {}  # list starts, and whether the list is cited once at its close
    teaching: bool | None = None if textbook else False  # worked out when a figure first needs it
    paragraph_texts: dict[int, str] = {}  # the paragraphs a figure of a teaching text was judged in
    census = _census_blocks(statements)
    works_page = any(_WORKS_PAGE_LEAD.match(stmt.text) for stmt in statements if stmt.kind == "prose" and not stmt.section)
    film_gauges: bool | None = None  # whether the text names a film by its gauge, once a gauge needs it
    headed_counts = _counts_set_out_under_headings(statements)
    defined_names = _defined_names(statements)
    for i, stmt in enumerate(statements):
        if i in census:
            continue  # "The median income for a household was $38,328": the census block goes on
        if stmt.kind == "heading" or _skipped_section(stmt.section) or i in examples or i in retold:
            continue
        if _describes_a_character(stmt):
            continue  # "Joon Park as Kakkoi Teppodama, … for a million dollars": the film is its source
        if _under_cited_heading(doc, stmt.section):
            continue  # "2013 True Market Study Results[3]": the heading names the section's source
        if stmt.kind == "table" and _header_cell(doc, stmt):
            continue  # a header cell names its column or row ("45 °C (e.g. …)")
        if stmt.kind in ("table", "list") and (_works_section(stmt.section) or works_page):
            continue  # a filmography's cells and items name its works: "3×3 Eyes (Pai)"
        if stmt.kind in ("list", "table") and _CREDIT.match(stmt.text) and any(_PERSONNEL.match(part) for part in stmt.section):
            continue  # a record's personnel, each player's tracks: "Zeena Parkins – harp arrangement (3-5, 8)",
            # also set out in a table's columns: "Seven Morris - Choir, Chorus"
        if works_page and _WORKS_PAGE_LEAD.match(stmt.text):
            continue  # the count of works in the lead is the page's tables' rows: "… consists of three studio albums"
        if stmt.kind in ("table", "list") and _in_roster(statements, i):
            continue  # a squad's shirt numbers: "10 Jerry Colquitt", "7 Brad Ebert (vc)"
        if _cited_at_end(stmt):
            continue  # every figure in it has a citation after it, whatever the figures are
        if stmt.kind == "table" and _ROSTER_FOOTER.fullmatch(stmt.text):
            continue  # a roster's closing line counts the entries above it
        if any(tag.kind == "citation-needed" for tag in stmt.tags) or not judgeable(stmt.text):
            continue
        if stmt.text.rstrip().endswith("?"):
            continue  # a question asserts nothing: "What is the probability of 7 in 10?"
        claims = find_numeric_claims(stmt.text)
        if not claims:
            continue
        if stmt.kind == "caption" and not _asserts(stmt.text):
            legend = _NUMBERED_LEGEND.match(stmt.text) is not None or _DRAWING.match(stmt.text) is not None
            claims = [c for c in claims if reports_the_world(c, stmt.text) and not _shows_the_picture(c, legend)]
        claims = [c for c in claims if not quoted_words(c, stmt.text) and not _gives_the_scale(c, stmt)
                  and not _titles_an_opus(c, stmt.text) and not _name_of_the_document(doc.source, stmt.text, c)
                  and not _in_italic_title(doc, stmt, c)
                  and not _title_alone(stmt, c) and not reads_out_designation(c, stmt.text)
                  and not _set_out_under_headings(stmt, c, headed_counts) and not _defines_by_its_parts(stmt, c)
                  and not _counts_own_parts(stmt.text, c) and not _drawn_from_range(stmt, c)
                  and not _in_defined_name(stmt.text, c, defined_names)]
        if claims and stmt.kind == "infobox":
            claims = [c for c in claims if not _POINTS_ONWARD.match(stmt.text, c.end)]
        if claims and stmt.kind == "table":
            ranges = _row_ranges(statements, i)
            claims = [c for c in claims if not _in_row_range(c, ranges)]
            if claims and _reckoned_from_row_dates(statements, i):
                continue  # an age or a term worked out from two dates of its row
        if claims and stmt.kind == "list" and (item_number := _ITEM_NUMBER.match(stmt.text)):
            numbered = doc.derived("numbered_lists", lambda: _numbered_lists(statements, run_starts))
            if run_starts[i] in numbered:
                claims = [c for c in claims if c.start != item_number.start(1)]
        if claims and film_gauges is not False and any(_is_film_gauge(c, stmt.text) for c in claims):
            if film_gauges is None:
                film_gauges = any(_FILM_NAMED_BY_GAUGE.search(s.text) for s in statements)
            if film_gauges:
                claims = [c for c in claims if not (_is_film_gauge(c, stmt.text) or _ROLL_FILM.fullmatch(c.raw))]
        if any(_BARE_NUMBER.fullmatch(c.raw) for c in claims):
            paragraph = paragraph_texts.get(stmt.paragraph)
            if paragraph is None:
                paragraph = paragraph_texts[stmt.paragraph] = _paragraph_text(statements, i)
            if _labels_by_letter(paragraph):
                claims = [c for c in claims if not _names_a_structure(c)]
        if (_DESCRIBES_ITS_LIST.match(stmt.text) or _LEGEND.match(stmt.text) or _explains_a_mark(stmt.text, claims)
                or stmt.kind in ("infobox", "table") and _DATA_SCOPE.match(stmt.text)):
            continue  # a list's own criteria and rows: "The following sortable table lists the 16 peaks with at least 4000 meters"
        if stmt.kind == "table" and (_NAMES_ONLY.fullmatch(stmt.text) or _titled_cell(stmt.text)):
            continue  # an empty line of a combined event's results names its events: "(60 m), (long jump)"
        if stmt.kind == "table" and _explains_a_code(statements, i):
            continue  # a key's meaning of a code: "NPM" "Not a Premier Mandatory or 5 event"
        hard = [c for c in claims if c.kind != "vague"]
        targets = hard or ([c for c in claims if c.kind == "vague"] if vague else [])
        if not targets:
            continue
        uncovered = [c for c in targets if not _cited_after(stmt, c) and not _sourced_in_brackets(stmt, c)]
        if uncovered and stmt.kind == "table":
            if citation_starts is None:
                citation_starts = sorted(c.span.start for c in doc.citations)
            row_end = _row_end(statements, i, len(doc.source))
            uncovered = [c for c in uncovered if not _cited_in_row(stmt, c, citation_starts, row_end)]
            if uncovered and (_cited_earlier_in_row(statements, i) or _details_of_cited_row(doc, statements, i)
                              or _row_names_its_document(doc, statements, i, run_starts)):
                continue
        if uncovered and stmt.kind in ("table", "list") and (
                _in_cited_box(doc, stmt) or _restates_cited_mark(statements, i)):
            continue
        uncovered = [c for c in uncovered if not _restates_cited_figure(statements, i, c)]
        if uncovered and stmt.kind == "table":
            uncovered = [c for c in uncovered if not _given_in_cited_prose(statements, i, c)]
        if uncovered and stmt.kind != "table":
            uncovered = [c for c in uncovered if not _given_in_cited_row(doc, stmt, c)]
        if uncovered and stmt.kind == "prose":
            uncovered = [c for c in uncovered if not (_read_off_sourced_table(doc, stmt, c, run_starts)
                                                      or _given_in_named_row(doc, stmt, c, run_starts)
                                                      or _given_in_season_row(doc, stmt, c, run_starts)
                                                      or _chart_place_in_cited_row(doc, stmt, c))]
            if uncovered and _rounds_shares_of_sourced_table(doc, stmt, uncovered, run_starts):
                continue
        if uncovered and _summarises(stmt):
            figures = doc.derived("cited_figures", lambda: _CitedFigures(doc, run_starts))
            uncovered = [c for c in uncovered if not (
                _distinctive(c) and _cited_elsewhere(figures, stmt, c)
                or (_TWO_DECIMALS.search(c.raw) is not None or stmt.kind == "caption")
                and _cited_elsewhere(figures, stmt, c, in_row=True)
                or _measured_to_decimal(c) and _cited_elsewhere(figures, stmt, c, named=True)
                or _small_count_cited_elsewhere(figures, stmt, c)
                or _dated_in_box(stmt, c) and _cited_elsewhere(figures, stmt, c, dated=True)
                or _ranked_in_cited_body(statements, stmt, c) or _editions_cited_in_body(statements, stmt, c)
                or _chart_peak_cited_in_body(statements, stmt, c)
                or _given_in_cited_column(statements, stmt, c, run_starts)
                or _tallies_headed_entries(doc, stmt, c)
                or stmt.kind == "infobox" and _counts_entrants_listed(doc, stmt, run_starts))]
        elif uncovered and stmt.kind == "prose":
            figures = doc.derived("cited_figures", lambda: _CitedFigures(doc, run_starts))
            uncovered = [c for c in uncovered if not _gives_cited_box_figure(figures, c)]
        elif uncovered and stmt.kind == "list":
            figures = doc.derived("cited_figures", lambda: _CitedFigures(doc, run_starts))
            uncovered = [c for c in uncovered if not _restates_sourced_cell(figures, stmt, c)]
        opener = i + 1 if uncovered and _points_to_the_list(statements, i) else i
        if uncovered and (opener > i or _introduces_list(stmt)):
            # Counted by statements, or by items where a copy breaks one into sentences
            # ("Zoomdos You Can Do!" "(2000, ISBN …)"): either way the items name the members.
            listed = statements[opener + 1:opener + 1 + _items_after(statements, opener)]
            items = ({len(listed), len({item.paragraph for item in listed})} if listed
                     else _table_rows_after(statements, opener) | {_numbered_heads_after(statements, opener)})
            uncovered = [c for c in uncovered if not (c.kind == "count" and c.value in items
                                                      or _counts_group_heads(statements, i, c))]
        if (uncovered and stmt.kind == "prose" and any(map(_counts_things, uncovered))
                and (prose_end := _prose_end_above_table(statements, i)) is not None):
            uncovered = [c for c in uncovered if not (
                _counts_rows_below(statements, i, prose_end, c) or _numbers_rows_below(statements, i, prose_end, c))]
        if uncovered and stmt.kind in ("prose", "table") and (tally := _tallies_rows_below(statements, i)) is not None:
            uncovered = [c for c in uncovered if c.start < tally]
        if uncovered and i + 1 < len(statements) and statements[i + 1].paragraph == stmt.paragraph:
            following = _Texts(statements, i + 1, paragraph_end(statements, i) + 1)
            uncovered = [c for c in uncovered if not names_the_members(c, following)]
        if (uncovered and stmt.kind == "prose" and any(works_out(c, stmt.text, teaching=True) for c in uncovered)
                and _figures_before(statements, i)):
            if teaching is None:
                teaching = _teaches(statements)
            uncovered = [c for c in uncovered if not works_out(c, stmt.text, teaching)]
        if uncovered and stmt.kind == "list":
            uncovered = [c for c in uncovered
                         if not (tallies_listed_years(c, stmt.text) or _streak_under_table(statements, i, c)
                                 or _seasons_listed_below(statements, i, c))]
        if uncovered and teaching is not False:
            paragraph = paragraph_texts.get(stmt.paragraph)
            if paragraph is None:
                paragraph = paragraph_texts[stmt.paragraph] = _paragraph_text(statements, i)
            textbook_only = [c for c in uncovered if not reports_the_world(c, paragraph)]
            if textbook_only and (teaching := _teaches(statements) if teaching is None else teaching):
                uncovered = [c for c in uncovered if c not in textbook_only]
        if uncovered and len(uncovered) < len(targets):
            uncovered = [c for c in uncovered if not _converts_covered(stmt, c, targets, uncovered)]
        if not uncovered:
            continue
        if _covered_by_list_context(doc, i, run_starts, closed_lists):
            continue
        if stmt.kind == "caption" and _under_cited_title(statements, i, doc.source):
            continue
        if stmt.kind == "prose" and _account_of_cited_study(statements, i):
            continue
        if stmt.kind == "prose" and (_noted_under_sourced_table(statements, i, run_starts)
                                     or _points_to_sourced_table(statements, i, run_starts)):
            continue
        if stmt.kind == "prose" and _reads_own_figure(statements, i, doc.derived("figure_legends", lambda: _figure_legends(statements))):
            continue
        if _summarises(stmt) and _restated_together(statements, stmt, hard):
            continue  # asked last, as it reads every sentence of the body
        earlier = stmt.citations[-1] if stmt.citations else None
        nearest, distance = _nearest_later(statements, i, doc.source)
        yield Coverage(stmt, uncovered, not hard, nearest, distance, earlier)


# A census named, and cited, as the source of what follows: "As of the census[8] of 2000, there
# were 1,392,931 people", "As of the census of 2010,[24] there were …", "As of the U.S. Census
# in 2000,[10] there were …", "The 2010 United States Census[4] reported that …", the opening
# of the data block a census fills, paragraph after paragraph, in the article of a place; also
# named by its year alone, "As of 2001 India census,[1] Narkhed had …".
_CENSUS_ATTRIBUTION = re.compile(
    r"\s*(?:(?:As\s+of|According\s+to|At|In)\s+)?(?:the\s+(?:\d{4}\s+)?|\d{4}\s+)(?-i:(?:[A-Z][\w.]*\s+){0,3})census"
    r"(?:\s+(?:of|in)\s+\d{4})?\s*,?\s*$", re.I
)


def _census_blocks(statements: Sequence[Statement]) -> frozenset[int]:
    """The statements whose figures a cited census gives: the one that names it (cited before
    the census by its own citations, after it by the census) and the prose and list statements
    of the data block it opens. The block ends with its section, or where a statement cites a
    source of its own; a citation inside a statement is for one figure ("(58.3% Non-Hispanic
    White),[81]")."""
    block: set[int] = set()
    section: tuple[str, ...] | None = None  # the section a cited census fills, while it does
    for i, stmt in enumerate(statements):
        if _census_source(stmt) is not None:
            section = stmt.section
            block.add(i)
        elif section is not None:
            if stmt.section != section or _cited_at_end(stmt):
                section = None
            elif stmt.kind in ("prose", "list"):
                block.add(i)
    return frozenset(block)


def _census_source(stmt: Statement) -> Citation | None:
    """The citation of the census a statement opens by naming as its source, if it does."""
    if stmt.kind != "prose" or not stmt.citations:
        return None
    return next((c for c in stmt.citations if _CENSUS_ATTRIBUTION.match(c.clause)), None)


# How much of an article must speak in mathematics for it to be a text that teaches.
_TEACHING_SHARE = 0.05
_TEACHING_MINIMUM = 3


def _teaches(statements: Sequence[Statement]) -> bool:
    """Whether the article is a text of mathematics or science that teaches: one prose or list
    statement in twenty (and three at least) speaks in mathematics. Its figures that do not
    report the world (``reports_the_world``) are textbook material, as editors of such
    articles cite them: once for a paragraph, not for every value."""
    prose = [s for s in statements if s.kind in ("prose", "list")]
    needed = max(_TEACHING_MINIMUM, _TEACHING_SHARE * len(prose))
    mathematical = 0
    for read, stmt in enumerate(prose):
        if mathematical + len(prose) - read < needed:
            return False  # the statements left could not reach the share
        if speaks_in_mathematics(stmt.text):
            mathematical += 1
            if mathematical >= needed:
                return True
    return False  # the loop returns as soon as the share is reached


def paragraph_start(statements: Sequence[Statement], i: int) -> int:
    """The index of the first statement of statement ``i``'s paragraph."""
    return _layout(statements).starts[i]


def paragraph_end(statements: Sequence[Statement], i: int) -> int:
    """The index of the last statement of statement ``i``'s paragraph."""
    return _layout(statements).ends[i]


class _Layout:
    """Where each statement's paragraph and runs begin and end, and where the citations near it
    are, worked out once for a document's statements: walked from each statement, a paragraph of
    thousands of sentences took quadratic time."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.statements = statements
        count = len(statements)
        self.starts = list(range(count))
        self.ends = list(range(count))
        self.previous_cited: list[int | None] = [None] * count  # the last cited statement before, in the paragraph
        self.next_cited: list[int | None] = [None] * count  # the first cited one after, in its paragraph, of its kind
        self.prose_ends = list(range(count))  # the last of the prose of its section that follows it
        for i in range(1, count):
            before, stmt = statements[i - 1], statements[i]
            if before.paragraph == stmt.paragraph:
                self.starts[i] = self.starts[i - 1]
                self.previous_cited[i] = i - 1 if before.citations else self.previous_cited[i - 1]
        for i in range(count - 2, -1, -1):
            stmt, after = statements[i], statements[i + 1]
            if after.paragraph == stmt.paragraph:
                self.ends[i] = self.ends[i + 1]
                if after.kind == stmt.kind:
                    self.next_cited[i] = i + 1 if after.citations else self.next_cited[i + 1]
            if after.kind == "prose" and after.section == stmt.section:
                self.prose_ends[i] = self.prose_ends[i + 1]

    @functools.cached_property
    def next_cited_any(self) -> list[int | None]:
        """The first cited statement after each, of any kind, in its paragraph."""
        found: list[int | None] = [None] * len(self.statements)
        for i in range(len(self.statements) - 2, -1, -1):
            if self.ends[i] > i:
                found[i] = i + 1 if self.statements[i + 1].citations else found[i + 1]
        return found

    @functools.cached_property
    def back_to_study(self) -> list[bool]:
        """Whether each statement, or one after it in its paragraph, goes back to a study
        (``_BACK_TO_THE_STUDY``)."""
        found = [False] * len(self.statements)
        for i in range(len(self.statements) - 1, -1, -1):
            found[i] = (_BACK_TO_THE_STUDY.match(self.statements[i].text) is not None
                        or self.ends[i] > i and found[i + 1])
        return found

    @functools.cached_property
    def cells_by_text(self) -> dict[str, list[int]]:
        """The table cells, by their text stripped."""
        cells: dict[str, list[int]] = {}
        for k, stmt in enumerate(self.statements):
            if stmt.kind == "table":
                cells.setdefault(stmt.text.strip(), []).append(k)
        return cells


class _Texts(Sequence[str]):
    """The texts of statements ``start`` to ``end`` (not included), read only as asked for."""

    def __init__(self, statements: Sequence[Statement], start: int, end: int) -> None:
        self._statements, self._start, self._end = statements, start, end

    def __len__(self) -> int:
        return self._end - self._start

    def __getitem__(self, k: int) -> str:  # type: ignore[override]  # no slices
        if not 0 <= k < len(self):
            raise IndexError(k)
        return self._statements[self._start + k].text


# The layout of the statements a thread last asked about (a dump's worker may lint in threads).
_last = threading.local()


def _layout(statements: Sequence[Statement]) -> _Layout:
    layout = getattr(_last, "layout", None)
    if layout is None or layout.statements is not statements or len(layout.starts) != len(statements):
        layout = _last.layout = _Layout(statements)
    return layout


def _figures_before(statements: Sequence[Statement], i: int) -> bool:
    """Whether an earlier statement of statement ``i``'s paragraph gives a figure: what a
    statement that works its figures out starts from."""
    return any(judgeable(other.text) and find_numeric_claims(other.text)
               for other in statements[paragraph_start(statements, i):i])


def _paragraph_text(statements: Sequence[Statement], i: int) -> str:
    """The text of statement ``i``'s paragraph."""
    return " ".join(s.text for s in statements[paragraph_start(statements, i):paragraph_end(statements, i) + 1])


def _restates_cited_figure(statements: Sequence[Statement], i: int, claim: NumericClaim) -> bool:
    """Whether another statement of the paragraph gives the same figure with a citation after it.

    A sum of money may be restated anywhere earlier in the paragraph: "Air pollution costs the
    world economy $5 trillion per year …[95]" makes "the actual costs are far higher than $5
    trillion" a figure already cited. A count must be restated of the same thing (the noun it
    counts, an amount's unit) in the sentence just before ("in only eight events" after "He
    played in eight events …[6]") or after ("146 yards in his debut" before "Royal's 146
    receiving yards were the most …[3]"), and a count of things (not an amount in a unit,
    "14,000 feet") may be restated in the next sentence of the paragraph that cites ("12
    correctional facilities" before "In total of 12 facilities designed for 4,391 people …[1]"):
    counts coincide too often to be matched by value further away. A measure given to a decimal
    place ("6.3 kPa") is as distinctive as a sum of money, and may be restated anywhere earlier
    in the paragraph too."""
    if claim.value is None:
        return False
    if claim.kind == "count" and claim.noun:
        if _DECIMAL.search(claim.raw) and _cited_earlier_in_paragraph(
                statements, i, lambda c, other: _same_measure(c, other, claim)):
            return True
        end = paragraph_end(statements, i)
        if measures_amount(claim):
            later = i + 1
        else:  # the nearest citation after the figure: the one to check
            later = next((j for j in range(i + 1, end + 1) if statements[j].citations), end + 1)
        return any(_cites_same_count(statements[j], claim, statements[i]) for j in (i - 1, later)
                   if 0 <= j <= end and statements[j].paragraph == statements[i].paragraph)
    if claim.kind != "money":
        return False
    return _cited_earlier_in_paragraph(statements, i, lambda c, _: c.kind == "money" and c.raw == claim.raw)


_DECIMAL = re.compile(r"\d\.\d")
_TWO_DECIMALS = re.compile(r"\d\.\d\d")


def _cited_earlier_in_paragraph(statements: Sequence[Statement], i: int,
                                same: Callable[[NumericClaim, Statement], bool]) -> bool:
    """Whether a statement before ``i`` in its paragraph cites a figure that is ``same``."""
    for j in range(i - 1, -1, -1):
        earlier = statements[j]
        if earlier.paragraph != statements[i].paragraph:
            return False
        if earlier.citations and any(same(c, earlier) and _cited_after(earlier, c)
                                     for c in find_numeric_claims(earlier.text)):
            return True
    return False


def _cites_same_count(other: Statement, claim: NumericClaim, stmt: Statement) -> bool:
    """Whether ``other`` states the count ``claim`` of ``stmt`` of the same thing and cites it:
    a count of things with the same noun and names ("12 Labour councillors" is not "Twelve
    Conservative councillors"), an amount with its unit among the three words after it, as
    written ("10 ha and"); not where the two tell of different years."""
    if not other.citations:
        return False
    years, other_years = frozenset(_YEAR.findall(stmt.text)), frozenset(_YEAR.findall(other.text))
    if years and other_years and years.isdisjoint(other_years):
        return False  # "12 seats at the 1998 election" and "12 seats again in 2002": two facts
    unit = claim.noun.split()[0].lower() if measures_amount(claim) else ""
    counted = ("", ()) if unit else _counted_head(stmt, claim)
    if not unit and not counted[0]:
        return False
    return any(
        c.kind == "count" and c.value == claim.value and _cited_after(other, c)
        and (unit in other.text[c.end:].lower().split()[:3] if unit else _same_counted(_counted_head(other, c), counted))
        for c in find_numeric_claims(other.text))


def _same_counted(one: tuple[str, tuple[str, ...]], other: tuple[str, tuple[str, ...]]) -> bool:
    """Whether two counts count the same noun, with the same names where both give names."""
    return one[0] == other[0] and (not one[1] or not other[1] or one[1] == other[1])


_OTHERS = frozenset("more other others additional further".split())


def _counted_head(stmt: Statement, claim: NumericClaim) -> tuple[str, tuple[str, ...]]:
    """The noun a count counts, singular: the first plural in lower case of the words after it
    ("12 correctional facilities held prisoners", "20 drone operators", "eight special Guards
    mortar regiments"), else the first word in lower case ("three Michelin star"), else the
    first word ("600 servicemen had"), with the names before it ("Labour" of "12 Labour
    councillors"); none for a count of others ("three more episodes")."""
    words = _COUNTED_PHRASE.match(stmt.text, claim.end).group().split()
    if not words or words[0].lower() in _OTHERS:
        return "", ()
    lower = [k for k, word in enumerate(words) if word.islower()]
    at = next((k for k in lower if words[k].endswith("s") and not words[k].endswith(("ss", "us", "is"))),
              lower[0] if lower else 0)
    return words[at].lower().removesuffix("s"), tuple(word for word in words[:at] if word[:1].isupper())


def _same_measure(figure: NumericClaim, other: Statement, claim: NumericClaim) -> bool:
    """Whether ``figure`` of ``other`` is the measure ``claim``, written alike and in its unit
    ("33.7 kPa, of which")."""
    unit = claim.noun.split()[0]
    return (figure.kind == "count" and figure.raw == claim.raw
            and other.text[figure.end:].split()[:1] in ([unit], [unit + ","], [unit + "."]))


def _summarises(stmt: Statement) -> bool:
    """Whether the statement sums up what the article says in full elsewhere: the lead (by
    the manual of style, cited in the body), an infobox row, a picture's caption."""
    return stmt.kind in ("infobox", "caption") or (not stmt.section and stmt.kind == "prose")


def _cited_elsewhere(figures: _CitedFigures, summary: Statement, claim: NumericClaim,
                     named: bool = False, dated: bool = False, in_row: bool = False) -> bool:
    """Whether a statement of the article's body states the same figure, written the same way
    (``_same_figure``), with a citation after it in its sentence or the next, in the sentence that
    names and cites a census (``_census_source``: the lead's "The population was 1,215 at the 2010
    census" and "The 2010 United States Census[4] reported that Dollar Point had a population of
    1,215"; not the rest of its data block, whose later words may not be the census's), or in a table cell
    sourced where it stands and tied to the summary by a word of its row (``_CitedFigure``): the infobox's "2,373 (January 25 vs.
    Chicago Mustangs)" restates the schedule's cited "2,373", a caption's "sold more than nine
    million copies" the body's, the lead's "the 2,200 seat Equine Arena" the body's "relocate
    from the 2,200-seat Equine Arena …", whose next sentence is cited.
    A caption or an infobox row may restate the lead's prose too, where a citation follows the
    figure in its sentence; two statements of the lead do not cover each other ("ranges higher
    than 14,000 feet"). The lead's prose and a caption may restate an infobox row whose own
    citation follows the figure ("Athletes participating: 4,302[1]" under the lead's "4,302
    athletes from 164 National Paralympic Committees").
    Where both name what they count, it must be the same thing: the lead's "600 smaller islands"
    is not the history's "over 600 battles", but its "50 molybdenum enzymes" are the body's "50
    molybdenum-containing enzymes" (the first word of what they count, or a part of it joined by a
    hyphen, in common; not "three gold medals" and "three silver medals"); with ``named`` (a small
    count), both must name it, and for the lead's small count the body's sentence must cite it itself: small counts of one
    noun coincide ("three races" of another series, whose next sentence is cited); with ``dated``
    (a small count), the other must name every year the summary names; with ``in_row`` (a figure
    to two decimal places or more, however small, or any figure of a caption), the other must be a
    table's cell, cited or sourced, whose row shares two words with the summary: the lead's "State
    Route 304 which is 0.086 miles (0.138 km) long, serving the Hyrum Lake State Park" and the route
    table's "0.086" in the row of "Hyrum Lake State Park", under "Length (mi)[4]"; a caption's
    "Alain Prost won the Drivers' title … on 76 points" and the standings' cited "76" in Alain
    Prost's row; not a caption's "9.72 win" and another race's cited "9.72".
    ``figures`` are the article's cited figures (``_CitedFigures``)."""
    places = []  # the few figures of the lead and the infobox before the body's many
    if summary.kind in ("infobox", "caption"):
        places.append("lead")
    if summary.kind != "infobox" and not named:
        places.append("infobox")
    places.append("body")
    cited_next_counts = not (named and summary.kind in ("prose", "caption"))
    years = frozenset(_YEAR.findall(summary.text)) if dated else frozenset()
    counted = _first_counted_parts(summary, claim)
    words = _summary_words(summary)
    return any(
        (figure.own or cited_next_counts) and years <= figure.years
        and (figure.row_words is None or not figure.row_words.isdisjoint(words))
        and (not in_row or figure.cell_row is not None and len(figure.cell_row & words) >= 2)
        and (_same_figure(figure.claim, claim) or _rounds_to(claim, figure.claim))
        and (_same_thing(figure.claim, claim) or figure.counted & counted or _same_decimal_share(figure, claim))
        and (figure.claim.noun or not named)
        for place in places for figure in figures.near(place, claim, summary))


def _rounds_to(summary: NumericClaim, other: NumericClaim) -> bool:
    """Whether the summary's figure, a sum of money or a count in millions or billions, is the
    other rounded, or cut, to its own last digit, kind for kind and currency for currency: the
    lead's "has grossed $141 million" and the box office's "$141.1 million", "earned $183
    million" and "US$183.9 million", "a population of 8.4 million" and "8,443,675"; not where the
    summary's figure has one significant digit ("$1 million"), as many figures round to it, nor
    a measure or a share ("12 miles" and another place's "12.5 miles"), nor "£141.3 million"."""
    unit = _roundable_place(summary)
    if (unit is None or other.value is None or summary.kind != other.kind or other.value == summary.value
            or _currency(summary) != _currency(other)):
        return False
    return summary.value - unit / 2 <= other.value < summary.value + unit and (_last_place(other) or unit) < unit


def _speaks_of_row(text: str, doc: Document, i: int) -> bool:
    """Whether a sentence speaks of what the infobox row ``i``'s label names: a word of the label
    (a template's parameter, "gross", "population_total", or a rendered label), of the
    sub-heading its group stands under ("Population (2011)" over "Metropolis 8,443,675") or of
    the row a rendered bulleted row belongs to ("Population" over "• September 2019 estimate"),
    or for a box office its gross ("has grossed $141 million" and "Box office: $141.1 million")."""
    statements = doc.statements
    label = " ".join(statements[i].section[-1:]).lower()
    j = _group_heading(statements, i)
    heading = " ".join(statements[k].text.lower() for k in (j - 1, j)  # a heading split in two: "Population" "(2011)"
                       if k >= 0 and statements[k].kind == "infobox" and not statements[k].section)
    group = doc.metadata.get("infobox_groups", {}).get(i, "").lower()
    words = set(_LABEL_WORD.findall(f"{label} {heading} {group}")) | set(_ROW_LABEL_WORDS.get(label.strip(" •"), ()))
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(word)}", lowered) for word in words)


_LABEL_WORD = re.compile(r"[^\W\d_]{4,}")  # "population_total" is "population" and "total"
# What a sentence says of a row whose label it does not repeat.
_GROSS_WORDS = ("gross", "earn", "box office", "takings")
_ROW_LABEL_WORDS = {"box office": _GROSS_WORDS, "gross": _GROSS_WORDS, "population": ("population", "inhabitants")}


def _roundable_place(summary: NumericClaim) -> float | None:
    """The place of the last digit of a summary's figure that may round another (``_rounds_to``)."""
    if summary.kind != "money" and not (summary.kind == "count" and _SCALE_WORD.search(summary.raw)):
        return None
    unit = _last_place(summary)
    return unit if unit is not None and summary.value is not None and summary.value >= 10 * unit else None


def _last_place(claim: NumericClaim) -> float | None:
    """The value of the last digit a figure is written with: a million for "$141 million", a
    hundred thousand for "8.4 million", one for "8,443,675"; None where no digits write it."""
    number = _WRITTEN_NUMBER.search(claim.raw)
    if number is None or not claim.value:
        return None
    written = float(number.group().replace(",", ""))
    return claim.value / written * 10.0 ** -len(number.group(1) or "") if written else None


def _currency(claim: NumericClaim) -> str:
    """The currency a sum is written in, its sign or code before the digits ("US$" as "$")."""
    number = _WRITTEN_NUMBER.search(claim.raw)
    return claim.raw[:number.start() if number else 0].replace("US", "").strip() if claim.kind == "money" else ""


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALE_WORD = re.compile(r"\b(?:million|billion|trillion)\b", re.I)


def _first_counted_parts(stmt: Statement, claim: NumericClaim) -> frozenset[str]:
    """The parts of the first word that says what a count counts, split at its hyphens:
    "molybdenum" of "50 molybdenum-containing enzymes"."""
    counted = _counted_words(stmt, claim)
    return frozenset(part for part in counted[0].split("-") if len(part) > 2) if counted else frozenset()


def _same_decimal_share(figure: _CitedFigure, claim: NumericClaim) -> bool:
    """Whether a share given to a decimal place that one of the two leaves unnamed ("up to 2.14% of
    its weight", "between 0.002% and 2.14% by weight") is the share a sentence cites itself: unlike
    a round share ("80%"), it is rarely another's. Cited only in the next sentence, it may not be
    what the citation is for."""
    return (figure.own and claim.kind == "percent" and not (figure.claim.noun and claim.noun)
            and _DECIMAL.search(claim.raw) is not None)


@dataclass(frozen=True)
class _CitedFigure:
    """A figure of the article that a citation follows: in its own sentence (``own``), or, in the
    body, in the next sentence of its paragraph; a figure of the sentence that names and cites a
    census (also ``own``); or a figure of the body's tables whose source
    stands where the table puts it (``_sourced_where_it_stands``, also ``own``), which a summary
    restates only where it shares a word with the figure's row or match box (``row_words``: the
    opponent of "9,427 (vs Barnsley, 3 March 1979)", the country of "over 100,000 units sold in
    France"), as a bare number in a table coincides with many. ``years`` are the years its
    statement names."""

    claim: NumericClaim
    own: bool
    years: frozenset[str]
    counted: frozenset[str]
    row_words: frozenset[str] | None = None
    cell_row: frozenset[str] | None = None  # a table cell's row words, cited or sourced


class _CitedFigures:
    """The article's cited figures by place ("body", "lead" for the lead's prose, or "infobox")
    and by value, for every summary that may restate one. A statement is read for its figures
    only when a value is looked up in its place that its figures may have (``WrittenFigures``):
    most summaries' figures are cited where they stand, or are of no kind that is looked up, and
    most of the body's many cited sentences hold none of the few values looked up."""

    def __init__(self, doc: Document, run_starts: list[int]) -> None:
        self._doc = doc
        self._run_starts = run_starts
        self._places: dict[str, tuple[list[int], WrittenFigures]] = {}
        self._read: dict[int, list[_CitedFigure]] = {}
        self._found: dict[tuple[str, float | None], list[_CitedFigure]] = {}

    def of(self, place: str, value: float | None) -> list[_CitedFigure]:
        """The cited figures of ``place`` whose value is ``value``."""
        found = self._found.get((place, value))
        if found is None:
            statements, written = self._statements_of(place)
            held = range(len(statements)) if value is None else written.holding(value)
            found = self._found[place, value] = [
                figure for k in held for figure in self._figures_at(statements[k]) if figure.claim.value == value]
        return found

    def near(self, place: str, summary: NumericClaim, stated: Statement) -> Iterator[_CitedFigure]:
        """The cited figures of ``place`` with the summary's value, then, looked up only when
        asked for, those of the infobox it may round (``_rounds_to``), in a row whose label the
        summary's sentence (``stated``) speaks of (``_speaks_of_row``)."""
        yield from self.of(place, summary.value)
        unit = _roundable_place(summary)
        if unit is None or place != "infobox":
            return
        statements, written = self._statements_of(place)
        held = sorted(set(written.holding(summary.value)) | set(written.holding(summary.value - unit)))
        for k in held:
            if _speaks_of_row(stated.text, self._doc, statements[k]):
                yield from (figure for figure in self._figures_at(statements[k]) if _rounds_to(summary, figure.claim))

    def _statements_of(self, place: str) -> tuple[list[int], WrittenFigures]:
        """The indices of the statements of ``place``, and their figures as written."""
        entries = self._places.get(place)
        if entries is None:
            statements = [j for j, stmt in enumerate(self._doc.statements) if _place(stmt) == place]
            written = WrittenFigures([self._doc.statements[j].text for j in statements])
            entries = self._places[place] = (statements, written)
        return entries

    def _figures_at(self, j: int) -> list[_CitedFigure]:
        figures = self._read.get(j)
        if figures is None:
            figures = self._read[j] = _cited_figures(self._doc, self._run_starts, j)
        return figures


def _place(stmt: Statement) -> str:
    """Where a statement stands: "body", or a summary's "lead" (the lead's prose), "infobox" or "caption"."""
    if not _summarises(stmt):
        return "body"
    return "lead" if stmt.kind == "prose" else stmt.kind


def _cited_figures(doc: Document, run_starts: list[int], j: int) -> list[_CitedFigure]:
    """The cited figures of statement ``j``, with the bounds of its ranges (a caption restates;
    nothing restates it); an infobox row under a cited sub-heading is cited ("Population
    (2011)[7]" over "Metropolis 8,443,675")."""
    statements = doc.statements
    stmt = statements[j]
    body = _place(stmt) == "body"
    cited_next = body and _cited_next(statements, j)
    sourced = (body and stmt.kind == "table" and not (stmt.citations or cited_next)
               and _DIGIT.search(stmt.text) is not None and _sourced_where_it_stands(doc, run_starts, j))
    census = body and _census_source(stmt) is not None
    grouped = stmt.kind == "infobox" and not stmt.citations and _group_cited(statements, j)
    if not (stmt.citations or cited_next or sourced or census or grouped):
        return []
    claims = find_numeric_claims(stmt.text)
    if not claims:
        return []
    row_words = _row_words(doc, run_starts, j) if sourced else None
    cell_row = row_words if sourced or stmt.kind != "table" else _row_words(doc, run_starts, j)
    years = frozenset(_YEAR.findall(stmt.text))
    figures = []
    for claim in claims:
        own = sourced or census or grouped or _cited_after(stmt, claim)
        if own or cited_next:
            counted = _first_counted_parts(stmt, claim)
            figures.extend(_CitedFigure(figure, own, years, counted, row_words, cell_row)
                           for figure in (claim, *_range_bounds(claim)))
    return figures


def _sourced_where_it_stands(doc: Document, run_starts: list[int], i: int) -> bool:
    """Whether an uncited table cell has its source where the table puts it: a row cited in its
    name cell, or only on its event's date ("France (SNEP)[45]" | "Silver" | "100,000*",
    ``_cited_earlier_in_row``), a table sourced as a whole (a "Source:[9]" line under the
    results, ``_in_sourced_table``), or a box that links to the game's report or opens with a
    cited title line ("Attendance: 12,300" beside "(Report)", ``_in_cited_box``)."""
    stmt = doc.statements[i]
    return (_cited_earlier_in_row(doc.statements, i) or _in_sourced_table(doc, run_starts, stmt)
            or _in_cited_box(doc, stmt))


_DIGIT = re.compile(r"\d")


def _row_words(doc: Document, run_starts: list[int], i: int) -> frozenset[str]:
    """The words of table cell ``i``'s row, or of its table's header row where the row has none
    ("Total | 27,906 | 23,045" under "Stand | Capacity | Seated"), and of the match box around it,
    less the words any sentence uses: what ties a summary to the cell (``_CitedFigure.row_words``)."""
    statements = doc.statements
    by_row: dict[int, frozenset[str]] = doc.derived("row_words", dict)  # a row's cells share its words
    words = by_row.get(statements[i].paragraph)
    if words is None:
        words = _words_of(statements[paragraph_start(statements, i):paragraph_end(statements, i) + 1])
        if not words:
            head = run_starts[i]
            words = _words_of(statements[head:paragraph_end(statements, head) + 1])
        by_row[statements[i].paragraph] = words
    box = _cited_box(doc, statements[i])
    return words | doc.derived("cited_box_words", lambda: _cited_box_words(doc)).get(box, frozenset())


def _words_of(statements: Sequence[Statement]) -> frozenset[str]:
    """The words of ``statements`` a sentence may share with a row (``_ROW_WORD``), less the common ones."""
    return frozenset(word for stmt in statements for word in _ROW_WORD.findall(stmt.text.lower())) - _COMMON_WORDS


_MATCH_BOX_STATEMENTS = 40  # a game's box holds a few lines; one around a whole season ties nothing


def _cited_box_words(doc: Document) -> dict[tuple[int, int], frozenset[str]]:
    """The words of each cited box (``_cited_box``) that is one game's, not a frame around many."""
    held: dict[tuple[int, int], list[Statement]] = {}
    for stmt in doc.statements:
        box = _cited_box(doc, stmt)
        if box is not None:
            held.setdefault(box, []).append(stmt)
    return {box: _words_of(stmts) for box, stmts in held.items() if len(stmts) <= _MATCH_BOX_STATEMENTS}


def _summary_words(summary: Statement) -> frozenset[str]:
    """The words of a summary, with its infobox row's label ("Capacity" of "27,906"), or of a list
    item, with the heading it stands under ("Week 1: at Rhein Fire"), to meet a table cell's
    (``_row_words``)."""
    label = summary.section[-1] if summary.kind in ("infobox", "list") and summary.section else ""
    return _labelled_words(summary.text, label)


@functools.lru_cache(maxsize=256)  # asked for each figure of a statement
def _labelled_words(text: str, label: str) -> frozenset[str]:
    return frozenset(_ROW_WORD.findall(f"{text} {label}".lower()))


_RANGE_CONNECTIVE = re.compile(r"\s*(?:[-‐‑–—]|\bto\b|\band\b|\bbis\b)\s*")


def _range_bounds(claim: NumericClaim) -> tuple[NumericClaim, ...]:
    """The bounds of a range, each as written ("between 0.002% and 2.14%" gives "0.002%" and
    "2.14%"): a summary restates one ("up to 2.14% of its weight")."""
    if claim.high is None:
        return ()
    connectives = list(_RANGE_CONNECTIVE.finditer(claim.raw))
    if not connectives:
        return ()
    split = connectives[-1]
    return (replace(claim, raw=claim.raw[:split.start()], high=None),
            replace(claim, raw=claim.raw[split.end():], value=claim.high, high=None))


def _same_figure(figure: NumericClaim, other: NumericClaim) -> bool:
    """Whether two figures are written the same way, or are counts of equal value, one in digits
    and one in words, that both name what they count ("2 children" and "two children") or are
    too large to coincide ("over a thousand types" and "more than 1,000 by Sandine")."""
    return figure.raw == other.raw or (figure.kind == other.kind == "count" and figure.value == other.value
                                       and (bool(figure.noun) and bool(other.noun) or _distinctive(figure)))


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _restated_together(statements: Sequence[Statement], summary: Statement, claims: Sequence[NumericClaim]) -> bool:
    """Whether one sentence of the body gives every figure of a summary, written alike, each
    naming what it counts in a word the summary or its infobox row's label uses, with a citation
    after them in its paragraph: the infobox's "Events: 24 in 4 sports (8 disciplines)" is the
    body's "Medals were awarded in 24 events contested in 4 sports (8 disciplines)." of a cited
    paragraph. Two or more figures restated together are the same facts, where one small count
    alone could be any of many; a legend's "2 – Point … 3 – Ventricle" is no "2 vs 3"."""
    if len(claims) < 2:
        return False
    label = summary.section[-1:] if summary.kind == "infobox" else ()
    named = {_singular(word) for word in _WORD.findall(" ".join((summary.text, *label)))}
    for j, other in enumerate(statements):
        if _summarises(other) or other.kind not in ("prose", "list"):
            continue
        found = find_numeric_claims(other.text)
        if len(found) < len(claims):
            continue
        matched: list[NumericClaim] = []
        for claim in claims:
            figure = next((f for f in found if f not in matched and f.noun and _singular(f.noun) in named
                           and _same_figure(f, claim) and _same_thing(f, claim)), None)
            if figure is None:
                break
            matched.append(figure)
        else:
            if _covered_in_paragraph(statements, j, max(f.end for f in matched)):
                return True
    return False


def _measured_to_decimal(claim: NumericClaim) -> bool:
    """Whether a figure is a measure given to a decimal place in its unit ("12.89 seconds", "6.3
    kPa"): as distinctive as a sum of money, however small, where the figure it restates names
    the same unit ("a 9.72 win" is not a table's bare "9.72" of another race)."""
    return claim.kind == "count" and bool(claim.noun) and _DECIMAL.search(claim.raw) is not None


def _gives_cited_box_figure(figures: _CitedFigures, claim: NumericClaim) -> bool:
    """Whether a body sentence's figure is written as an infobox row gives it with its citation:
    "The film grossed $29,202,884 worldwide" under the box's "Box office: $29,202,884[3]". The
    box sums up the body; where it carries the source, the body's figure has it too. Only an
    exact figure, of four significant digits or more: a round one ("30,000 men") is as often
    another of the box's many ("Strength: 30,000")."""
    return _exact_enough(claim.raw) and any(
        figure.claim.raw == claim.raw and _same_thing(figure.claim, claim)
        for figure in figures.of("infobox", claim.value))


def _restates_sourced_cell(figures: _CitedFigures, item: Statement, claim: NumericClaim) -> bool:
    """Whether a list item of the body gives an exact figure of four significant digits or more
    that the body cites where it states it, in its own sentence (of the same thing), or that a table
    cell states with its source where it stands, in a row that shares a word with the item or
    with the heading it stands under: "Game attendance: 30,355" under "Week 1: at Rhein Fire"
    restates the schedule's row "at Rhein Fire" | "30,355", sourced by the markers under the
    table. The item retells the row; a round figure ("Attendance: 30,000") is as often another
    row's."""
    written = _ROW_NUMBER.search(claim.raw)
    if written is None or not _exact_enough(written.group()):
        return False
    words = _summary_words(item)
    return any(not figure.cell_row.isdisjoint(words) if figure.cell_row is not None
               else figure.own and _same_thing(figure.claim, claim)
               for figure in figures.of("body", claim.value))


def _small_count_cited_elsewhere(figures: _CitedFigures, summary: Statement,
                                 claim: NumericClaim) -> bool:
    """Whether a small count of a summary that names what it counts, itself or by its infobox
    row's label, is stated of the same thing and cited elsewhere (``_cited_elsewhere``)."""
    counted = _named_by_compound(summary, _named_by_row_label(summary, claim))
    return _names_what_it_counts(summary, counted) and _cited_elsewhere(figures, summary, counted, named=True)


# The last word of an infobox row's label when it names a plural: "Stages", "Number of lines".
_PLURAL_LABEL = re.compile(r"(?:^|\s)(?P<noun>[A-Za-z]{2,}(?<![sui])s)\s*$")  # not "Status", "Genus", "Class"


def _named_by_row_label(summary: Statement, claim: NumericClaim) -> NumericClaim:
    """A bare count that opens an infobox row's value counts what the row's label names: "Stages:
    22 + prologue" counts stages, as the lead's "The total race distance was 22 stages …[1]" does.
    Any other figure is returned as it is."""
    if summary.kind != "infobox" or not summary.section or claim.kind != "count" or claim.noun \
            or summary.text[:claim.start].strip():
        return claim
    label = _PLURAL_LABEL.search(summary.section[-1])
    return replace(claim, noun=label.group("noun")) if label else claim


_COMPOUND_NOUN = re.compile(r"-(?P<noun>[^\W\d_]{3,})\b")


def _named_by_compound(summary: Statement, claim: NumericClaim) -> NumericClaim:
    """A bare count joined to its noun by a hyphen counts that noun: "The 18-member teams" counts
    members, as the body's "expanding the conference to 18 members" does."""
    compound = _COMPOUND_NOUN.match(summary.text, claim.end)
    if claim.kind != "count" or claim.noun or compound is None:
        return claim
    return replace(claim, noun=compound.group("noun"))


def _unit_symbol(noun: str) -> bool:
    """Whether a counted noun opens with a unit's symbol: "kHz", "GW", "hp", "MWe"; not an
    acronym of three capitals or more ("NFC champions")."""
    word = noun.partition(" ")[0]
    if len(word) > 4 or word.isupper() and len(word) >= 3:
        return False
    return len(word) <= 2 or any(ch.isupper() for ch in word[1:])


def _names_what_it_counts(summary: Statement, claim: NumericClaim) -> bool:
    """Whether a small count of a summary names what it counts, as one fact of the article's
    subject that a body sentence of the same count of the same thing states in full: an infobox
    row's ("Spouse(s): Simon Curtis (1992–present; 2 children)"), the lead's ("resulting in his
    sixteen Emmy Awards" over the body's "has won a total of sixteen Emmys …[8]"), or a caption's
    that asserts it ("Joe Gibbs was the head coach for four NFC champions"). A sentence in
    an infobox is a picture's caption ("View of the site, where four reactors have been built"),
    not a row's value; a span of time in the lead ("for three years") names nothing it counts,
    nor does a unit ("from 20 kHz up to several gigahertz" is a measure, as any "20 kHz" is; not
    an acronym a word follows, "four NFC champions")."""
    if claim.kind != "count" or not claim.noun or _unit_symbol(claim.noun):
        return False
    if summary.kind == "infobox":
        return bool(summary.section) and not _FINITE_VERB.search(summary.text)
    return summary.kind in ("prose", "caption") and not measures_time(claim) \
        and claim.noun.split(" ", 1)[0] not in REPETITION_NOUNS


def _dated_in_box(summary: Statement, claim: NumericClaim) -> bool:
    """Whether a small count of a caption or an infobox is pinned to a period by the years it
    names ("one of 10 to reach the milestone from 1999 to 2009"): a cited statement with the
    same count and the same years states the same fact ("10 players joined the club from 1999
    to 2009.[2]"), where a count alone could be any of many."""
    return (summary.kind in ("caption", "infobox") and claim.kind == "count"
            and len(set(_YEAR.findall(summary.text))) >= 2)


_ORDINAL_WORDS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
_ROW_LABEL = re.compile(r"(?:^|/)\s*(?P<label>[A-Za-z][A-Za-z ]{0,30}?):\s*$")


def _ordinal(value: float) -> re.Pattern[str]:
    """The ordinal of a whole number, in digits or, to twelve, in words: "42nd", "second"."""
    number = int(value)
    word = rf"|{_ORDINAL_WORDS[number - 1]}" if 1 <= number <= len(_ORDINAL_WORDS) else ""
    return re.compile(rf"\b(?:{number}(?:st|nd|rd|th){word})\b", re.I)


def _ranked_in_cited_body(statements: Sequence[Statement], summary: Statement, claim: NumericClaim) -> bool:
    """Whether the bare numbers of an infobox's labelled rows ("NFL Draft: 2008 / Round: 2 / Pick:
    42") are the ordinals a body sentence gives, with a citation after them in its paragraph:
    "drafted in the second round (42nd overall) …[2]". The sentence must give the ordinal of every
    such number of the rows, and one of them with its row's label after it ("second round"): an
    ordinal alone ("finished second") is as often another rank."""
    if summary.kind != "infobox" or claim.kind != "count" or claim.noun or claim.value is None:
        return False
    rows = [(label.group("label").split()[-1], c) for c in find_numeric_claims(summary.text)
            if c.kind == "count" and not c.noun and c.value is not None and c.value == int(c.value)
            and (label := _ROW_LABEL.search(summary.text, 0, c.start))]
    if not any(c.start == claim.start for _, c in rows):
        return False
    ordinals = [_ordinal(c.value) for _, c in rows]
    for j, other in enumerate(statements):
        if _summarises(other) or not other.text:
            continue
        ranks = [ordinal.search(other.text) for ordinal in ordinals]
        if all(ranks) and any(re.match(rf"[\s-]+{re.escape(label)}s?\b", other.text[rank.end():], re.I)
                              for (label, _), rank in zip(rows, ranks)) \
                and _covered_in_paragraph(statements, j, max(rank.end() for rank in ranks)):
            return True
    return False


# A chart position, "number 32" or "No. 17": the word before a summary's figure, and a position
# in a body sentence, in digits or in words ("Number 6", "number one").
_RANK_WORD = r"\b(?:number|no\.)\s*"
_RANK_BEFORE = re.compile(_RANK_WORD + "$", re.I)
_RANK = re.compile(_RANK_WORD + r"(?P<number>\d{1,3}|[a-z]+(?:-[a-z]+)?)\b", re.I)
# The chart a summary names after its position: "on the Mainstream Rock Chart", "in the UK Albums Chart".
_CHART_AFTER = re.compile(r"\s+(?:on|in)\s+the\s+(?P<chart>(?:[A-Z][\w&/.'’-]*\s+){1,4})[Cc]hart\b")
_QUOTED_NAME = re.compile(r"[\"“]([^\"”]{2,60})[\"”]")  # a song's title: "Bleeder"


def _chart_peak_cited_in_body(statements: Sequence[Statement], summary: Statement, claim: NumericClaim) -> bool:
    """Whether a summary's chart position ("reached number 32 on the Mainstream Rock Chart") is the
    one a body sentence gives for the same chart, as "number" or "No.", with no other position
    between the two ("number 32 on the Canadian Hot 100 and number 12 on the Modern Rock chart"
    gives 12 for it), and a citation after it in its paragraph, where that paragraph names the
    record the summary names before the position (a discography's other records reach the same
    places): "Bleeder" "peaked at number 32 on the Mainstream Rock chart.[5]"."""
    chart = _CHART_AFTER.match(summary.text, claim.end)
    if claim.value is None or chart is None or not _RANK_BEFORE.search(summary.text, max(0, claim.start - 8), claim.start):
        return False
    chart_words = [word.lower() for word in chart["chart"].split()
                   if "." not in word and not (word.isupper() and len(word) <= 3)]  # not "U.S.", "UK"
    if not chart_words:
        return False
    before = summary.text[:claim.start]
    names = {*_NAME_IN_TEXT.findall(before), *_QUOTED_NAME.findall(before)}
    for j, other in enumerate(statements):
        lowered = other.text.lower()
        if _summarises(other) or not all(word in lowered for word in chart_words):
            continue
        ranks = list(_RANK.finditer(other.text))
        named_at = lowered.find(chart_words[0])
        if any(parse_number(rank["number"]) == claim.value
               and not any(min(rank.start(), named_at) < r.start() < max(rank.start(), named_at) for r in ranks)
               and _covered_in_paragraph(statements, j, rank.end()) for rank in ranks):
            paragraph = _paragraph_text(statements, j)
            if any(name in paragraph for name in names):
                return True
    return False


def _covered_in_paragraph(statements: Sequence[Statement], j: int, end: int) -> bool:
    """Whether a citation follows the text of statement ``j`` before ``end`` in its paragraph: in the
    statement itself or in a later statement of its paragraph, as a figure of the body is cited."""
    other = statements[j]
    if any(c.span.start > other.source_offset(end - 1) for c in other.citations):
        return True
    return any(statements[k].citations for k in range(j + 1, paragraph_end(statements, j) + 1))


# A performance's mark, as a box of records gives it and the body tells it: a time to hundredths or
# in hours ("27:46.52", "2:08:56"), which two performances rarely share.
_MARK = re.compile(r"(?<![\d:.])(?:\d{1,2}:\d{2}\.\d{1,2}|\d:\d{2}:\d{2})(?![\d:])")


def _restates_cited_mark(statements: Sequence[Statement], i: int) -> bool:
    """Whether a list item or table row gives a performance whose mark the body states in a cited
    paragraph: "10,000 metres - 27:46.52 minutes (1992)" under personal bests, where the career
    tells of "a career best time of 27:46.52 minutes" with a citation after it in its paragraph.
    The row is the body's cited performance, not a figure of its own; a mark the body does not
    give ("5000 metres - 13:26.11 minutes") is still the row's alone."""
    marks = set(_MARK.findall(statements[i].text))
    if not marks:
        return False
    for mark in marks:
        if not any(other.kind == "prose" and not _summarises(other) and mark in other.text
                   and _covered_in_paragraph(statements, j, other.text.index(mark) + len(mark))
                   for j, other in enumerate(statements) if j != i):
            return False
    return True


# An event the lead says the subject took part in, by its name: "competed at the World
# Championships in Athletics on two occasions".
_EVENT_NAMED = re.compile(r"\bthe\s+(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:in|of|for|and|the)\s+)*[A-Z][\w'’-]*)*)")


def _editions_cited_in_body(statements: Sequence[Statement], summary: Statement, claim: NumericClaim) -> bool:
    """Whether the lead counts how often the subject took part in an event the body names edition
    by edition, each cited in its paragraph: "He also competed at the World Championships in
    Athletics on two occasions" over the body's "the 1993 World Championships in Athletics" and "the
    1995 World Championships in Athletics …[5]". The body must name as many editions (by year) as
    the lead counts, no more and no fewer."""
    if summary.kind != "prose" or summary.section or claim.kind != "count" or claim.value is None \
            or claim.noun.split(" ", 1)[0] not in REPETITION_NOUNS:
        return False
    for event in _EVENT_NAMED.finditer(summary.text, 0, claim.start):
        dated = re.compile(rf"\b((?:1[89]|20)\d\d)\s+{re.escape(event.group('name'))}\b")
        years: dict[str, bool] = {}
        for j, other in enumerate(statements):
            if other.kind != "prose" or _summarises(other):
                continue
            for edition in dated.finditer(other.text):
                cited = _covered_in_paragraph(statements, j, edition.end())
                years[edition.group(1)] = years.get(edition.group(1), False) or cited
        if len(years) == claim.value and all(years.values()):
            return True
    return False


def _cited_next(statements: Sequence[Statement], i: int) -> bool:
    """Whether the statement after statement ``i``, in its paragraph, carries a citation: the
    body's sentence and the next one are cited together. A citation further on is the source of
    something else as often as not; the lead's prose must cite its figure itself, as it sums
    up too."""
    return i + 1 < len(statements) and statements[i + 1].paragraph == statements[i].paragraph \
        and bool(statements[i + 1].citations)


def _same_thing(figure: NumericClaim, other: NumericClaim) -> bool:
    """Whether two equal figures may count the same thing: their nouns begin alike, or one names
    nothing; a share must name what it is of, as shares coincide often ("Cyprus (80%)")."""
    if not figure.noun or not other.noun:
        return figure.kind != "percent"
    return _singular(figure.noun) == _singular(other.noun)


def _tallies_headed_entries(doc: Document, summary: Statement, claim: NumericClaim) -> bool:
    """Whether a summary's count is the number of entries under a heading that names what it
    counts, each entry there to be checked: the lead's "Wilco has released eight studio albums"
    and the eight items under "Discography > Wilco studio albums", the lead's "129 collegiate
    chapters" and the 129 rows of "List of Chapters > Collegiate". A table's entries are its rows
    that name a year (an album's release, a chapter's founding), not its heads or its key; no
    section whose table gives a result cell of a nomination ("Grammy Awards" | "Nominated"). The
    section's own heading must name what is counted, all of it where that is one word ("six
    singles" under "Singles"; not "Two wins" under "European Championship wins")."""
    if claim.kind != "count" or claim.value is None or claim.high is not None:
        return False
    counted = {_singular(word) for word in _WORD.findall(_COUNTED_PHRASE.match(summary.text, claim.end).group())[:2]}
    if not counted:
        return False
    return any(entries == claim.value and counted <= headings and (own == counted if len(counted) == 1 else own & counted)
               for headings, own, entries in doc.derived("headed_entries", lambda: _entries_by_heading(doc.statements)))


# An infobox's count of an event's entrants and of their nations: "37 from 16 nations", in a row
# that says what it counts ("Competitors").
_ENTRANTS = re.compile(r"\s*(?P<count>\d+)\s+(?:(?:athletes|competitors|swimmers|skaters|teams)\s+)?"
                       r"from\s+(?P<nations>\d+)\s+(?:nations|countries|NOCs)\s*$")
_ENTRANTS_LABEL = re.compile(r"\s*(?:Competitors|Athletes|Entrants|Participants|Teams|Players)\s*", re.I)
_NATION_HEAD = re.compile(r"\s*(?:Nation|Nationality|Country|NOC|Team)\s*", re.I)
# A results row of an entrant who did not start: not among those who competed; and a row of totals.
_DID_NOT_START = re.compile(r"\s*(?:DNS|Did not start)\s*$")
_TOTAL_ROW = re.compile(r"\s*Totals?\s*", re.I)


def _counts_entrants_listed(doc: Document, stmt: Statement, run_starts: list[int]) -> bool:
    """Whether an infobox's count of an event's competitors ("Competitors: 37 from 16 nations",
    no more nations than competitors) is the number of rows of one of the page's tables of
    results, one row for each entrant with a column of their nations ("Country"), less its
    header, a row of totals and those of entrants who did not start ("DNS"): the count, and the
    nations of the same entrants, are read off the results, which are there to be checked."""
    entrants = _ENTRANTS.fullmatch(stmt.text)
    if entrants is None or not stmt.section or not _ENTRANTS_LABEL.fullmatch(stmt.section[-1]):
        return False
    count = int(entrants["count"])
    return int(entrants["nations"]) <= count and count in doc.derived(
        "entrant_rows", lambda: _entrant_rows(doc, run_starts))


def _entrant_rows(doc: Document, run_starts: list[int]) -> frozenset[int]:
    """For each table of the page with a column of its entrants' nations, its rows less its header
    rows and a row of totals, and less those again of entrants who did not start
    (``_counts_entrants_listed``)."""
    counts = set()
    for cells in _tables(doc, run_starts):
        rows = [list(row) for _, row in itertools.groupby(cells, lambda cell: cell.paragraph)]
        entries = [row for row in rows if not _header_cell(doc, row[0])]
        if not any(_NATION_HEAD.fullmatch(cell.text) for row in rows if row not in entries for cell in row):
            continue  # not a table of entrants by their nations
        entries = [row for row in entries if not _TOTAL_ROW.fullmatch(row[0].text)]
        counts.add(len(entries))
        counts.add(sum(1 for row in entries if not any(_DID_NOT_START.fullmatch(cell.text) for cell in row)))
    return frozenset(counts)


def _entries_by_heading(statements: Sequence[Statement]) -> list[tuple[set[str], set[str], int]]:
    """The number of entries of each section that lists them (``_tallies_headed_entries``), with
    the words of its headings and those of its own."""
    entries: dict[tuple[str, ...], set[int]] = {}
    nominations: set[tuple[str, ...]] = set()
    for stmt in statements:
        if stmt.section and (stmt.kind == "list" or stmt.kind == "table" and _YEAR.search(stmt.text)):
            entries.setdefault(stmt.section, set()).add(stmt.paragraph)
        if stmt.kind == "table" and _NOMINATION.fullmatch(stmt.text.strip()):
            nominations.add(stmt.section)
    return [({_singular(word) for part in section for word in _WORD.findall(part)},
             {_singular(word) for word in _WORD.findall(section[-1])}, len(paragraphs))
            for section, paragraphs in entries.items() if section not in nominations]


# A result cell that says a prize was only a nomination: its table's rows are not all wins.
_NOMINATION = re.compile(r"nominated|nominee|runners?[\s\-–]?up|shortlisted|finalist", re.I)


def _singular(noun: str) -> str:
    """The first word of a figure's noun, lowercased and without a plural's "s": "Emmys" and
    "Emmy Awards" name the same thing."""
    word = noun.split()[0].lower()
    return word if word.endswith(("ss", "us", "is", "ws")) else word.removesuffix("s")  # "class", "bus", "news"


def _worked_examples(statements: Sequence[Statement], source: str) -> set[int]:
    """The statements of worked examples: from a statement that opens one to the end of its
    paragraph ("As an example, we will calculate …", "Consider the multiset { 1, 2, 2 }"), whole
    sections of mathematics headed as examples ("Example of two-sided sign test"), a statement
    that reads out a notation's numbers (``decodes_notation``), and the
    paragraphs after an example that carry it on ("Start by sorting the values: 1, 2, 5, 7, 8.",
    "Therefore, the median is 4"), and the paragraphs after one that reuse its figures ("John
    Doe buys a house for $100,000" … "Subtracting the purchase price of the house ($100,000)")."""
    inside: set[int] = set()
    paragraphs: dict[int, list[int]] = {}
    sections: dict[tuple[str, ...], list[int]] = {}
    headed_as_example: dict[tuple[str, ...], bool] = {}
    for i, stmt in enumerate(statements):
        paragraphs.setdefault(stmt.paragraph, []).append(i)
        example = headed_as_example.get(stmt.section)
        if example is None:
            example = headed_as_example[stmt.section] = any(_EXAMPLE_HEADING.match(h) for h in stmt.section)
        if example:
            sections.setdefault(stmt.section, []).append(i)
    for members in paragraphs.values():
        for k, i in enumerate(members):
            text = statements[i].text
            if statements[i].kind != "heading" and (names_worked_example(text) or opens_example(text) and any(
                    speaks_in_mathematics(statements[j].text) for j in members)):
                inside.update(members[k:])
                break
    for members in sections.values():
        if any(speaks_in_mathematics(statements[i].text) for i in members):
            inside.update(members)
    inside.update(_read_out_under_title(statements, paragraphs))
    inside.update(_formula_legends(statements))
    # A copy that lays out each step on a line of its own splits an example into paragraphs:
    # a paragraph whose opening statement continues the example before it belongs to it, and
    # so does one without figures to judge ("3Li", a symbol the copy set apart; a table row).
    # So does each item that an introduction in the example's own paragraph sets out ("At low
    # speeds:" then "The piston engine will have constant 100% power", an indented line, and the
    # next); an introduction of a paragraph carried on may open a list of its own.
    opened = set(inside)
    listed_kind: str | None = None
    for members in paragraphs.values():
        first = members[0]
        previous = first - 1
        if (previous in inside and first not in inside and statements[first].kind != "heading"
                and statements[previous].section == statements[first].section):
            if (previous in opened and statements[previous].text.rstrip().endswith(":")
                    and statements[first].kind in ("list", "caption")):
                listed_kind = statements[first].kind
            if (statements[first].kind == listed_kind or continues_example(statements[first].text)
                    or not any(judgeable(statements[i].text) and find_numeric_claims(statements[i].text)
                               for i in members)):
                inside.update(members)
                continue
        listed_kind = None
    if inside:
        _reusing_figures(statements, list(paragraphs.values()), inside, source)
    # A notation explained by its numbers is an example of that statement alone ("2/10 net 30 - this
    # means …"): the next one may report the world.
    inside.update(i for i, stmt in enumerate(statements) if stmt.kind != "heading" and decodes_notation(stmt.text))
    return inside


def _reusing_figures(statements: Sequence[Statement], paragraphs: list[list[int]], inside: set[int], source: str) -> None:
    """Add to ``inside`` the later paragraphs of an example's section that reuse one of its
    distinctive figures or name one of its made-up actors ("John Doe buys a house for
    $100,000" … "At the time John Doe buys the house"). An example that announces what follows
    ("consider the following example.", "For example:") takes the paragraph with figures right
    after it as its data, or the list right after it ("… are calculated like this:" over "3 points
    for the win;", "multiplied by 0.50 …"): not one after a table that gives the data, read or left unread
    ("For example:" over a table of wool grades, then "Any wool finer than 25 microns …")."""
    figures: set[float] = set()
    names: set[str] = set()
    seen_names: set[str] = set()  # names used outside an example, before it, in sections that have one

    written_lower: dict[str, bool] = {}

    def names_in(text: str) -> set[str]:
        """Names inside a sentence, and one opening it as the subject of a verb that the page
        never writes in lower case: an example's made-up actor ("Amplistan is ranked 2nd",
        "Bestrudia gets no points", "Amplistan's 141 ranking points"), not "The" or "However"."""
        found = set(_NAME_IN_TEXT.findall(text))
        opening = _OPENING_ACTOR.match(text)
        if opening is not None:
            word = opening[1]
            if word not in written_lower:
                written_lower[word] = word.lower() in source
            if not written_lower[word]:
                found.add(word)
        return found

    running = awaiting_data = awaiting_item = False
    announcing: Statement | None = None  # the statement that announced the data
    section: tuple[str, ...] | None = None
    with_example = {statements[i].section for i in inside}
    for members in paragraphs:
        first = statements[members[0]]
        if first.section not in with_example:
            continue  # nothing to carry on, and no names to see before one
        if first.section != section:
            running, awaiting_data, awaiting_item, figures, names, section = False, False, False, set(), set(), first.section
        opened = [i for i in members if i in inside]  # an example opened in this paragraph: from there on
        own = opened or members
        seen_names |= {word for i in members[:members.index(own[0])] for word in _mentioned(statements[i].text)}
        texts = [statements[i].text for i in own]
        claims = [c for text in texts if judgeable(text) for c in find_numeric_claims(text)]
        values = {c.value for c in claims if _distinctive(c)}
        capitalised = {word for text in texts for word in names_in(text)}
        listed = first.kind == "list"
        data = (running and announcing is not None and _nothing_between(source, announcing, first) and (
            awaiting_data and first.kind == "prose" and bool(claims) or listed and (awaiting_data or awaiting_item)))
        if opened or data or running and (figures & values or names & capitalised):
            if opened or data:  # the actors are those of the example and of its data
                names |= capitalised - seen_names
            inside.update(own)
            announces = bool(_ANNOUNCES.search(texts[-1]))
            # A paragraph with figures is the data, unless it ends announcing how a result is
            # worked out ("… are calculated like this:"); the data's list goes on to its last item.
            awaiting_data = first.kind != "table" and (_ANNOUNCES_A_WORKING.search(texts[-1][-_WORKING_TAIL:]) is not None
                                                       or not claims and (awaiting_data and running or announces))
            awaiting_item = data and listed
            announcing = statements[own[-1]]
            running = True
            figures |= values
        else:
            seen_names |= {word for text in texts for word in _mentioned(text)}
            awaiting_data = False


_WORKING_TAIL = 80  # "… are calculated like this:" ends the statement
_ANNOUNCES = re.compile(r"\b(?:following|as\s+follows)\b|:\s*$", re.I)  # "consider the following example."
_ANNOUNCES_A_WORKING = re.compile(r"\b(?:calculated|computed|worked\s+out|derived|like\s+this|as\s+follows)\b[^:]{0,40}:\s*$", re.I)
_NAME_IN_TEXT = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{2,}\b")
_OPENING_WORD = re.compile(r"\s*([A-Z][a-z]{2,})\b")


def _mentioned(text: str) -> set[str]:
    """The capitalised words of a sentence outside an example, its opening word too ("Spain led the
    ranking"): a name seen there is no example's made-up actor."""
    opening = _OPENING_WORD.match(text)
    return set(_NAME_IN_TEXT.findall(text)) | ({opening[1]} if opening else set())


_OPENING_ACTOR = re.compile(
    r"\s*([A-Z][a-z]{2,})(?:['’]s\b|\s+(?:is|are|was|were|has|had|gets|got|wins|won|loses|lost|beats|beat|earns|earned"
    r"|plays|played|draws|drew|scores|scored)\b)")


def _distinctive(claim: NumericClaim) -> bool:
    """A figure whose reuse says "the same case": a sum of money, a share, or a number of 100 or
    more; never a small count ("three years") or a vague amount (years are no figures at all)."""
    if claim.value is None:
        return False
    return claim.kind in ("money", "percent") or claim.value >= 100


_EXAMPLE_HEADING = re.compile(r"\s*(?:worked\s+|numerical\s+)?examples?\b", re.I)
# The title of an example's table or figure, numbered as one of a series: "Example #2 Volatile Rates
# of Return", "Example 3"; not "Zimbabwe Hyperinflation Example", which may be a real case.
_EXAMPLE_TITLE = re.compile(r"\s*Example\s*(?:#|No\.?\s*)?\d{1,2}\b")


# A formula's legend: a lone "where" (or "Where:") and the statements after it that say what its
# symbols stand for, each a short symbol, "=" and words, one clause: "P = a hypothetical initial
# payment of $1,000", "T = average annual total return"; not "Attendance = about 80,000", nor "G =
# goals scored; a record 92 goals".
_LEGEND_OPENER = re.compile(r"\s*where\s*:?\s*", re.I)
_SYMBOL_GLOSS = re.compile(r"\s*[A-Za-z]\w{0,4}\s*=\s*[a-z][^;]*")
_LEGEND_OPENER_LENGTH = 8  # a cheap test before the pattern: "where:" and its spaces


def _formula_legends(statements: Sequence[Statement]) -> Iterator[int]:
    """The statements of formulas' legends (``_LEGEND_OPENER``, ``_SYMBOL_GLOSS``), whose values
    say what a symbol stands for, not what the world holds: "GP = games played, he played 82
    games" standing alone is no legend, and a gloss that names a year gives a statistic ("B =
    births, 4,112,052 births in 2004"), which ends the legend."""
    for i, stmt in enumerate(statements):
        if len(stmt.text) <= _LEGEND_OPENER_LENGTH and _LEGEND_OPENER.fullmatch(stmt.text):
            j = i + 1
            while (j < len(statements) and _SYMBOL_GLOSS.fullmatch(statements[j].text)
                   and _YEAR.search(statements[j].text) is None):
                yield j
                j += 1


def _read_out_under_title(statements: Sequence[Statement], paragraphs: dict[int, list[int]]) -> Iterator[int]:
    """The title of an example's table or figure (a caption, ``_EXAMPLE_TITLE``), the table's
    cells, and the paragraph right after them, which reads the example out ("Example #3 Highly
    Volatile Rates of Return" over "The geometric average return over the 4-year period was
    -42.74%."), where that paragraph or the statement after it speaks in mathematics (its
    formula in its section: "(1 − 0.4274)^4 − 1 = −89.25%"); elsewhere, or where the title or
    the paragraph names a year ("Example 1 – 2004 election in Ohio", "California received 53 seats
    in 2010"), a table titled as an example may be of a real case."""
    for i, stmt in enumerate(statements):
        if stmt.kind != "caption" or not _EXAMPLE_TITLE.match(stmt.text) or _YEAR.search(stmt.text):
            continue
        after = i + 1
        while after < len(statements) and statements[after].kind == "table":
            after += 1
        if after == len(statements):
            continue
        following = paragraphs[statements[after].paragraph]
        if any(_YEAR.search(statements[j].text) for j in following):
            continue
        if any(speaks_in_mathematics(statements[j].text) for j in (*following, following[-1] + 1)
               if j < len(statements) and statements[j].section == stmt.section):
            yield from range(i, following[-1] + 1)


_FORMULA = re.compile(r"\\[a-zA-Z]{3,}\b|&#x[0-9A-Fa-f]+;|[\^_]\{")
_LEAKED_ENTRY = re.compile(r"\s*(?:\^|\[[^\W\d_])")
_LAYOUT_GAP = re.compile(r"\S(?: {3,}|\t)\S")
_WIDE_GAP = re.compile(r"\S {5,}\S")
# The two spaces a dump sets between narrow columns: "1937 Ryland Milner    2  5  2".
_NARROW_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
# A row's last cell, a figure alone, three spaces or more after the rest: "Belgian Albums
# (Ultratop Flanders)    9", a chart's peak, where w3m centres the columns of a table; not
# after a bare word in lower case, which goes on a sentence ("the final was   45,000").
_LAST_CELL_FIGURE = re.compile(r"(?![a-z]+ )\S+ {3,}\d(?:[\d.,–-]*\d)?%?$")
# Two words of three letters or more: the first taken whole (from its first letter, so that a
# text with one such word is read once), then any later one.
_TWO_WORDS = re.compile(r"(?<![^\W\d_])[^\W\d_]{3,}+[\s\S]*?[^\W\d_]{3}")


def judgeable(text: str) -> bool:
    """Whether a statement reads as prose a figure can be judged in.

    Formulas (TeX that leaked into a copy), table rows laid out with runs of spaces or
    pipes in text-mode dumps (also one wide gap and narrow columns two spaces apart, "1937 Ryland
    Milner    2  5  2", or a last cell that is a figure alone three spaces or more after the rest,
    "Belgian Albums (Ultratop Flanders)    9", not after a bare word in lower case, "the final
    was   45,000"), list entries ("^ ...") and images' alt texts ("[six figures
    showing forces]") that leaked into prose and fragments of fewer than two words are not:
    their numbers are exponents, column values, descriptions of a picture or the tail of a
    broken line.
    """
    # Substring tests first: each pattern needs characters most statements lack ("\\", "&#x" or
    # "{" for a formula; three spaces or a tab for a gap), and a test costs a fraction of a search.
    if ("\\" in text or "&#x" in text or "{" in text) and _FORMULA.search(text) or text.count("|") >= 2 \
            or _LEAKED_ENTRY.match(text) or "ISBN" in text:
        return False  # a formula, a pipe table, a note, an alt text, a reference or book entry
    if ("   " in text or "\t" in text) and (_matches_at_least(_LAYOUT_GAP, text, 2) or _WIDE_GAP.search(text)
                                          or _matches_at_least(_NARROW_GAP, text, 3)
                                          or _LAST_CELL_FIGURE.search(text)):
        return False
    return _TWO_WORDS.search(text) is not None


def _matches_at_least(pattern: re.Pattern[str], text: str, times: int) -> bool:
    """Whether ``pattern`` matches ``times`` times in ``text``, without finding every match of a long text."""
    return len(list(itertools.islice(pattern.finditer(text), times))) == times


def describe_figures(claims: Sequence[NumericClaim], text: str = "", limit: int = 3) -> str:
    """ "'5,800 private properties', '520 private vehicles' and 1 more": the figures as found,
    with the noun they count ("dozens of vehicles" when ``text`` shows the "of")."""
    shown = []
    for c in claims[:limit]:
        if not c.noun or c.kind not in ("count", "vague"):
            shown.append(c.raw)
        elif text[c.end:c.end + 4].lstrip().startswith("of "):
            shown.append(f"{c.raw} of {c.noun}")
        else:
            shown.append(f"{c.raw} {c.noun}")
    quoted = [f"'{s}'" for s in shown]
    rest = len(claims) - limit
    if rest > 0:
        return ", ".join(quoted) + f" and {rest} more"
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def claims_span(stmt: Statement, claims: Sequence[NumericClaim]) -> Span:
    """Source span from the first to the last of ``claims`` in ``stmt``."""
    first = stmt.text_span(claims[0].start, claims[0].end)
    last = stmt.text_span(claims[-1].start, claims[-1].end)
    return Span(first.start, max(first.start, last.end))


def figure_evidence(claims: Sequence[NumericClaim]) -> dict[str, object]:
    return {
        "figures": [c.raw for c in claims],
        "values": [c.value for c in claims],
        "kinds": [c.kind for c in claims],
        "nouns": [c.noun for c in claims],
    }


# A caption that asserts something has a finite verb: "Schumacher has won seven titles".
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|won|became)\b")
# A caption's verb that only points at the picture: "Two Red Ensigns … can be seen upon the wall".
_SEEN_IN_THE_PICTURE = re.compile(
    r"\b(?:(?:can|could)\s+(?:also\s+)?be\s+seen|(?:is|are)\s+(?:also\s+)?(?:shown|visible|pictured|depicted|seen))\b")


def _asserts(caption: str) -> bool:
    """Whether a caption asserts something, with a finite verb other than one that points at the
    picture: what "can be seen" or "is shown" is what the picture shows."""
    return _FINITE_VERB.search(_SEEN_IN_THE_PICTURE.sub(" ", caption)) is not None


_TIME_NOUNS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years".split())


def _shows_the_picture(claim: NumericClaim, numbered_legend: bool) -> bool:
    """A caption without a verb names what its picture shows: "a dog nursing her four puppies",
    "Four of the most important silk moths", and the legend of a numbered figure does so with
    any count ("Figure 2: The string at 6 consecutive epochs"), as does a drawing's caption
    ("Diagram showing … an altitude of 10,180 feet"); a measure in another caption
    ("a tuning fork at eigenfrequency 440.09 Hz") and a time ("at eight weeks") are still claims."""
    return (claim.kind == "count" and (numbered_legend or not claim.raw[0].isdigit() and (claim.value or 0) <= 10)
            and claim.noun.split(" ")[0].lower() not in _TIME_NOUNS)


# A list item that names a thing and, after a dash, says what it is by what it has: "Tetrode
# point-contact transistor – Point-contact transistor having two emitters", "Tandem – a bicycle
# with two seats" (a dump may print the dash as mojibake).
_GLOSS_BY_PARTS = re.compile(
    r"[^\d.;:]{1,80}?\s(?:[–—-]|â\x80[\x93\x94])\s+(?!the\b)(?![^\d.;,]{0,60}?\b(?:only|first|last|most)\b)"
    r"[^\d.;,]{0,60}?\b(?:having|with|containing)\s+", re.I)  # not a record: "– the only team with five titles"
# What ends such a gloss: the parts' noun, then the sentence; not "with two ships sunk".
_GLOSS_END = re.compile(r"\s+[^\W\d_][\w\-]*\s*(?:[.;,)]|$)")


def _defines_by_its_parts(stmt: Statement, claim: NumericClaim) -> bool:
    """Whether a small count in words is what a list item's gloss, a phrase with no verb, defines
    its thing by ("… – Point-contact transistor having two emitters"): it says what the thing is,
    not what happened; "Battle of X – a battle in which two ships were sunk" tells of an event."""
    return (stmt.kind == "list" and claim.kind == "count" and not claim.raw[0].isdigit() and (claim.value or 0) <= 10
            and _GLOSS_BY_PARTS.fullmatch(stmt.text, 0, claim.start) is not None and _GLOSS_END.match(stmt.text, claim.end) is not None
            and _FINITE_VERB.search(stmt.text) is None)


_ORDINALS = _ORDINAL_WORDS[:10]  # "first" … "tenth"
# A heading that numbers one of a set by its rank: "First law", "Third movement".
_ORDINAL_HEADING = re.compile(rf"(?P<rank>{'|'.join(_ORDINALS)})\s+(?P<noun>[a-z]+)", re.I)


def _counts_set_out_under_headings(statements: Sequence[Statement]) -> dict[tuple[tuple[str, ...], str], int]:
    """For each thing that sibling headings number by rank from the first ("First law", "Second
    law"), under the section they divide, how many of them the article sets out."""
    ranks: dict[tuple[tuple[str, ...], str], set[int]] = {}
    for section in {stmt.section for stmt in statements}:
        heading = _ORDINAL_HEADING.fullmatch(section[-1].strip()) if section else None
        if heading is not None:
            ranks.setdefault((section[:-1], heading["noun"].lower()), set()).add(_ORDINALS.index(heading["rank"].lower()) + 1)
    return {key: len(numbered) for key, numbered in ranks.items()
            if numbered == set(range(1, len(numbered) + 1)) and len(numbered) > 1}


def _set_out_under_headings(stmt: Statement, claim: NumericClaim,
                            headed_counts: dict[tuple[tuple[str, ...], str], int]) -> bool:
    """Whether a count, in the section the headings divide or naming what its heading names, is
    of the things the article itself sets out one by one under headings that number them ("his
    two laws of electrochemistry", Faraday's, over the sections "Faraday's laws › First law" and
    "Second law"; not "Congress passed two laws" elsewhere): what the article lays out, it does
    not need a source to count."""
    if claim.kind != "count" or claim.value is None or not claim.noun or not headed_counts:
        return False
    noun = claim.noun.split(" ", 1)[0].lower()
    return any(count == claim.value and counted in (noun, noun.removesuffix("s"))
               and _within_or_naming(stmt, parent, counted) for (parent, counted), count in headed_counts.items())


def _within_or_naming(stmt: Statement, parent: tuple[str, ...], noun: str) -> bool:
    """Whether a statement stands in the section ``parent`` or uses a word of its heading other
    than ``noun`` ("Faraday" of "Faraday's laws")."""
    if stmt.section[:len(parent)] == parent:
        return True
    text = stmt.text.lower()
    return bool(parent) and any(word in text for word in _ROW_WORD.findall(parent[-1].lower())
                                if not word.startswith(noun))


# A number word and the capitalised word after it, as a name opening a statement: "Six Sigma".
_OPENING_NAME = re.compile(r"[A-Z][a-z]+\s+[A-Z][a-z]+")


# A name with a number and the short form the text gives it in brackets, with the same number:
# "Maryland Route 144 (MD 144)", "U.S. Route 40 (US 40)".
_DEFINED_NAME = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4}\s+(?P<number>\d{1,4}[A-Z]?)"
                           r"\s+\((?P<short>[A-Z]{1,5}[- ]?(?P=number))\)")


def _defined_names(statements: Sequence[Statement]) -> frozenset[str]:
    """The short forms with a number that the text defines for a name with that number."""
    return frozenset(match["short"] for stmt in statements if "(" in stmt.text
                     for match in _DEFINED_NAME.finditer(stmt.text))


def _in_defined_name(text: str, claim: NumericClaim, names: frozenset[str]) -> bool:
    """Whether a figure is the number of a name the text defines with its short form: "MD 144
    begins at …" after "Maryland Route 144 (MD 144) is a state highway"; the number names the
    road, it counts nothing."""
    return any(start <= claim.start and claim.end <= start + len(name)
               for name in names if claim.raw in name
               for start in (match.start() for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)))


def _name_of_the_document(source: str, text: str, claim: NumericClaim) -> bool:
    """Whether a capitalised number word opening a statement begins a name that the document
    writes capitalised inside its sentences too ("Six Sigma doctrine asserts:", where other
    sentences speak of "applying Six Sigma"): a count ("Two French ships sank") is written
    in lower case there."""
    name = _OPENING_NAME.match(text, claim.start)
    if claim.kind != "count" or name is None or claim.end != claim.start + len(name.group().split()[0]):
        return False
    if text[:claim.start].strip(" \t\"“'‘*•-") != "":
        return False
    return re.search(rf"(?<=[a-z,] ){re.escape(name.group())}\b", source) is not None


# A rendered page's italic text: the title of a work, a ship's or a film's name, often a link
# to its article ("<i><a href=…>8 Women</a></i>").
_ITALIC = re.compile(r"<i>(?:<a\s[^<>]*>)?(?P<text>[^<]{1,120})(?:</a>)?</i>")
# How far before a statement its italic title may open: a table cell's statement starts at the
# title's first letter, after "<i>" and the link's opening tag.
_ITALIC_OPENING_REACH = 400
# A title's words after its figure: "700 Sundays", "The 39 Steps"; not "at least 5 of them".
# A title's capitalised word after the figure, or after the series the figure opens or goes on
# with: "700 Sundays", "Madrigals to 3, 4, 5 and 6 Voices".
_TITLE_WORD_AFTER = re.compile(r"(?:\s*(?:,|,?\s+(?:and|or|&))\s*\d+)*\s+[A-Z]")
# A title's words before the figure that closes it, and what may follow the figure in the title:
# "What's the 411?", "Apollo 13"; not "at least 700".
_TITLE_BEFORE_FIGURE = re.compile(r"[A-Z][^\d<>]*\s")
_TITLE_CLOSE = re.compile(r"[?!]?")


def _in_italic_title(doc: Document, stmt: Statement, claim: NumericClaim) -> bool:
    """Whether a rendered page sets the figure in italics, inside a title with capitalised words
    after it or after the series of numbers it is one of ("performing <i>700 Sundays</i>",
    "<i>Madrigals to 3, 4, 5 and 6 Voices</i>") or one that opens with a capital and that the
    figure closes ("the <i>What's the 411?</i> singles"): the figure names a work, it counts nothing."""
    if doc.format != "html":
        return False
    number = claim.raw.split()[0]
    word_after = _TITLE_WORD_AFTER.match(stmt.text, claim.start + len(number)) is not None
    if not word_after and len(claim.raw.split()) > 1:
        return False
    at = stmt.source_offset(claim.start)
    opening = doc.source.rfind("<i>", max(0, stmt.span.start - _ITALIC_OPENING_REACH), at + 1)
    italic = _ITALIC.match(doc.source, opening) if opening >= 0 else None
    if italic is None or not italic.start("text") <= at < italic.end("text"):
        return False
    return word_after or (
        _TITLE_BEFORE_FIGURE.fullmatch(doc.source, italic.start("text"), at) is not None
        and doc.source.startswith(number, at)
        and _TITLE_CLOSE.fullmatch(doc.source, at + len(number), italic.end("text")) is not None)


# A name or a title that a number word opens, in title case: "Four Corners", "Six Characters in
# Search of an Author".
_TITLE_CASED = re.compile(r"[A-Z][a-z]+(?:\s+(?:[A-Z][\w'’\-]*|of|in|on|at|to|for|and|the|an?))*\s+[A-Z][\w'’\-]*")


def _title_alone(stmt: Statement, claim: NumericClaim) -> bool:
    """Whether a list item or a table cell is nothing but a name or a title that the figure, a
    number word, opens ("Four Corners" among a town's places, "Two Sundays" among a career's
    plays): a count stated as fact says what it counts in lower case or in digits."""
    return (stmt.kind in ("list", "table") and not claim.raw[0].isdigit() and not stmt.text[:claim.start].strip()
            and _TITLE_CASED.fullmatch(stmt.text.strip()) is not None)


# A picture's scale bar, and what it says: "Scale bars indicate 100 nm", "scale box at left is 0.25 mm",
# and the same length converted in brackets: "The scale bar is 500 μm (0.5 mm)".
_SCALE_MARK = re.compile(r"\bscale\s+(?:bar|box|marker|line)s?\b[^.;\d]{0,30}(?:\d[\d.,]*\s?\S{1,4}\s*\(\s*)?$", re.I)
# The spacing of the grid a thing is photographed on, perhaps converted: "on a 1 cm (0.39 in) grid".
_GRID_AFTER = re.compile(r"\s*(?:[^\W\d_]{1,3}\.?\s*)?(?:\([^()]{1,20}\)\s*|\)\s*)?grid\b", re.I)
_GRID_BEFORE = re.compile(r"\bon\s+an?\s+(?:\S+\s+){0,3}\(?$", re.I)


def _gives_the_scale(claim: NumericClaim, stmt: Statement) -> bool:
    """Whether the figure is the length of a picture's scale bar, or the spacing of the grid that
    a caption, a statement with no verb, shows its thing on: the picture itself shows it."""
    text = stmt.text
    if _SCALE_MARK.search(text, max(0, claim.start - 70), claim.start) is not None:
        return True
    return (_GRID_AFTER.match(text, claim.end) is not None and not _FINITE_VERB.search(text)
            and _GRID_BEFORE.search(text, max(0, claim.start - 40), claim.start) is not None)


# A film gauge ("35 mm", "16mm"), and a text that names a film by one ("8 mm film", "35mm movie"):
# there a gauge standing alone ("Movie film, 16 mm, daylight") names the format, like the roll
# films listed beside it ("35 mm, 120, 110, 126, 828 and large format", "35 mm and 828").
_FILM_GAUGE = re.compile(r"(?:8|9\.5|16|35|65|70)\s?mm\b")
_FILM_NAMED_BY_GAUGE = re.compile(r"\b(?:8|9\.5|16|35|65|70)\s?mm[\s\-]+(?:cine[\s\-]?|motion[\s\-]picture\s+)?(?:film|movie)s?\b", re.I)
_ROLL_FILM = re.compile(r"110|120|126|127|135|220|620|828")


def _is_film_gauge(claim: NumericClaim, text: str) -> bool:
    """Whether the figure, with the unit after it in ``text``, is one of the film gauges."""
    return _FILM_GAUGE.match(text, claim.start) is not None


# Structures a paragraph numbers, told apart by letters under one number: "Structures 2a to 2c",
# "3a and 3b"; a paragraph that does so names its compounds (or a figure's parts) by number.
_LETTERED_LABELS = re.compile(r"(?<![\w.,])(\d{1,2})([a-z])\s*(?:,|and|or|to|[–-])\s*\1(?!\2)[a-z](?![\w'’])")


@functools.lru_cache(maxsize=64)  # asked for each statement of a paragraph
def _labels_by_letter(paragraph: str) -> bool:
    """Whether a paragraph labels parts by a number and letters ("1a and 1b")."""
    return _LETTERED_LABELS.search(paragraph) is not None


# A number standing alone, or two as a step from one to the other: "carbanion 2", "4 to 5".
_BARE_NUMBER = re.compile(r"\d{1,2}(?:\s*(?:to|[–-])\s*\d{1,2})?")


def _names_a_structure(claim: NumericClaim) -> bool:
    """Whether a bare number in a paragraph that numbers its structures is one of those labels
    ("leads to carbanion 2 stabilized by …", "to form 4", "by the enolate 4 to 5"): no plural
    noun follows it to make it a count ("3 equivalents")."""
    return (_BARE_NUMBER.fullmatch(claim.raw) is not None and claim.kind == "count"
            and not claim.noun.split(" ")[0].endswith("s"))


# A work named with its opus number, the count part of its title or of its description:
# "2 Zigeunerpolkas, Op. 5", "Lieder und Gesänge, 9 songs, Op. 98a", "six 4-part men's choruses, Op. 42".
_OPUS_NUMBER = re.compile(r"(?P<between>[^.;:!?]{0,60}?),?\s+Op(?:us|\.)\s*(?:posth\.\s*)?\d", re.I)


def _titles_an_opus(claim: NumericClaim, text: str) -> bool:
    """Whether the figure belongs to the title of a work whose opus number follows in the same
    clause, with no verb between to make it a statement about the work."""
    opus = _OPUS_NUMBER.match(text, claim.end)
    return opus is not None and _FINITE_VERB.search(opus["between"]) is None


_NUMBERED_LEGEND = re.compile(r"\s*(?:Figure|Fig\.)\s*\d+[a-z]?\s*[:.]")
# The caption of a drawing, which like a numbered figure's legend says what is drawn: "Diagram
# showing the face of an altimeter displaying an altitude of 10,180 feet"; not a map or a chart,
# which plots the world's figures.
_DRAWING = re.compile(
    r"\s*(?:An?\s+|The\s+)?(?:diagram|schematic|cutaway)s?\s+(?:showing|of|illustrating|depicting)\b", re.I)


# Sections that retell a work (a film's or a book's plot, a comic's story arcs, a stage work's
# acts, a series' episodes as summed up: "Episode summaries"), whose source is the work itself.
RETOLD_SECTIONS = re.compile(
    r"\s*(?:plot|synopsis|plot\s+summary|plot\s+synopsis|storylines?|story(?:\s+arcs?)?|premise"
    r"|episode\s+(?:summar(?:y|ies)|synops[ie]s)"
    r"|act\s+(?:one|two|three|four|five|[1-5]|i{1,3}|iv|v))\s*$", re.I)
# Sections that list a work's cast or characters ("Cast", "Cast and characters", "Main
# characters"); not "Cast members" or "Casting", nor a script's "Characters".
_CAST_SECTION = re.compile(
    r"\s*(?:(?:(?:main|principal|supporting|recurring|guest|voice)\s+)?cast(?:\s+list)?|cast\s+(?:and|&)\s+characters"
    r"|(?:main|major|minor|other|recurring)\s+characters)\s*$", re.I)
# A heading under a cast's that tells of the world, not of a character: "Casting", "Reception".
_REAL_WORLD_HEADING = re.compile(
    r"\b(?:casting|production|development|reception|ratings?|legacy|awards?|accolades|impact|controvers\w*|history)\b", re.I)
# A cast list's credit of a role, an actor's name and then the part: "Joon Park as Kakkoi Teppodama, …".
_CREDITS_A_ROLE = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+as\s+(?:the\s+)?[A-Z\"“]")


def _describes_a_character(stmt: Statement) -> bool:
    """Whether a statement of a cast or characters section describes a character of the work,
    which the work itself sources: an item crediting an actor with a part ("Ralph Herforth as
    Jack Taylor, … 3 time Grand Prix winner"), or anything under a heading of its own below the
    section's, a character's ("Peter Venkman") or a group's ("Main cast"); not other prose of
    the section ("Over 2,000 actors auditioned"), nor a heading below it that tells of the
    world ("Casting", "Reception")."""
    at = _cast_section_at(stmt.section)
    if at is None:
        return False
    below = stmt.section[at + 1:]
    if below:
        return not any(_REAL_WORLD_HEADING.search(part) for part in below)
    return _CREDITS_A_ROLE.match(stmt.text) is not None


@functools.lru_cache(maxsize=1024)  # asked for every statement; an article has a few dozen sections
def _cast_section_at(section: tuple[str, ...]) -> int | None:
    """Where in a section's headings a cast or characters section's heading stands, if any."""
    return next((k for k, part in enumerate(section) if _CAST_SECTION.match(part)), None)


# The lead of a page that is itself a list of someone's works: "The discography of The Notorious
# B.I.G., an American rapper, consists of three studio albums …"; all its tables list works.
_WORKS_PAGE_LEAD = re.compile(r"\s*The\s+(?:discography|filmography|videography|bibliography)\s+of\b", re.I)
# Sections that list someone's works, whose tables hold titles, roles and episode credits the
# works themselves show ("7 Dwarves", "Little girl 2", "1 episode").
WORKS_SECTIONS = re.compile(
    r"\s*(?:(?:selected\s+)?(?:filmography|discography|videography|works)|guest\s+appearances|credits"
    r"|(?:selected\s+|voice\s+|dubbing\s+|film\s+|television\s+|stage\s+)?roles)\s*$", re.I)


# A record's personnel, and an item that credits a player with a part: "Zeena Parkins – harp
# arrangement (3-5, 8, 9, 12)", "Co-production: Ed Townsend (tracks: 1 to 4)"; not "1,200 sworn
# officers".
_PERSONNEL = re.compile(r"\s*(?:(?:credits\s+and\s+|album\s+)?personnel|credits\s+and\s+personnel)\s*$", re.I)
_CREDIT = re.compile(r"[^–—\-\d]{2,60}\s[–—-]\s|.*\(tracks?\b", re.I)


@functools.lru_cache(maxsize=1024)  # asked for every statement; an article has a few dozen sections
def _skipped_section(section: tuple[str, ...]) -> bool:
    return any(SKIPPED_SECTIONS.search(part) or RETOLD_SECTIONS.match(part) for part in section)


# A citation marker that closes a heading as a copy prints it: "2013 True Market Study
# Results[3]", "Properties[5]" (wikitext lists the sections whose heading holds a <ref> in the
# document's "cited_sections").
_HEADING_MARKER = re.compile(r"\[\d{1,3}\]\s*$")


def _under_cited_heading(doc: Document, section: tuple[str, ...]) -> bool:
    return (_marked_heading(section)
            or any(section[:len(cited)] == cited for cited in doc.metadata.get("cited_sections", ())))


@functools.lru_cache(maxsize=1024)  # asked for every statement of a section
def _marked_heading(section: tuple[str, ...]) -> bool:
    return any(_HEADING_MARKER.search(part) for part in section)


# A roster's entry: a number, the numbers a player wore in turn ("31,21 Ken Schrom"), or a dash
# where none is given yet, then a person's name (perhaps accented, "7 Dámaso García", or with
# initials, "58 D. J. Williams", "1 D.J. Hord"; a suffix after a comma, "20 Ronnie Wingo, Jr."), perhaps a
# position, one or two ("G/T", "MLB/OLB"), and a remark in brackets, a player's class after a dash
# ("7 Darrin Bragg - Sophomore", "- Redshirt Freshman") or both ("88 Garrett Uekman – Freshman (deceased)").
# Or the surname first, a comma, the given name (or a suffix) and a position, which
# may mark a returning starter, then perhaps a class ("13 Tereshinski III, Joe QB† Sr.", "32
# O'Keefe, Joseph ROV Sr.", "42 Verdun Wheeler, Danny SLB Sr.", "81 Mickey Shuler, Jr. TE");
# "3 Olympic Games, Gold" has no position after its comma. Two digits at most after a number's
# comma: "1,500 Marines" is a grouped count.
_ROSTER_NUMBER = r"\s*(?:\d{1,3}(?:,\d{1,2}(?!\d))*|-{1,2}|[–—])\s+"
# A player's class or a coach's season after the name: "– Junior", "–Junior", "- 7th Season".
_ROSTER_CLASS_AFTER = (r"(?:\s+[-–—]\s*(?:(?:Redshirt\s+)?(?:Freshman|Sophomore|Junior|Senior|Graduate(?:\s+Student)?)"
                       r"|\d{1,2}(?:st|nd|rd|th)\s+Season))")
_ROSTER_ENTRY = re.compile(
    rf"{_ROSTER_NUMBER}(?:[A-Z][^\W\dA-Z_][\w'’.\-]*|[A-Z]['’][A-Z][a-z][\w'’.\-]*|[A-Z]\.)"  # "87 D'Wayne Bates"
    r"(?:\s+(?:[A-Z][\w'’.\-]*(?:/[A-Z]+)?|van|von|de|da|der|di|du|le|la)){1,4}(?:,\s+(?:Jr\.|Sr\.|[IV]{1,3}))?"
    rf"(?:\s*\([^()]{{1,20}}\))?{_ROSTER_CLASS_AFTER}?(?:\s*\([^()]{{1,20}}\))?\s*"
    rf"|{_ROSTER_NUMBER}[A-Z]\.[A-Z]\.\s+[A-Z][a-z][\w'’\-]*{_ROSTER_CLASS_AFTER}?\s*"  # "1 D.J. Hord - Freshman"
    rf"|{_ROSTER_NUMBER}(?:[A-Z]['’]?[A-Z]?[a-z][\w'’\-]*|de[A-Z]\w+)(?:\s+[A-Z][a-z][\w'’\-]*)?(?:\s+(?:[IV]{{1,3}}|Jr\.|Sr\.))?,"
    r"\s+[A-Z][\w'’.\-]*(?:\s+[A-Z][a-z][\w'’.\-]*)?\s+'?[A-Z]{1,4}(?:/[A-Z]{1,4})?[†‡+*]?"
    r"(?:\s+R?(?:Fr|So|Jr|Sr)\.)?\s*"
)
_ROSTER_CLASS = re.compile(r"\s+[-–—]\s?")
_ROSTER_REACH = 2
# What a list of honours counts, which no player is called: "4 U.S. Titles", "5 Gold Medals – Junior".
_COUNTED_HONOURS = frozenset(
    "Medals Medal Titles Title Records Record Championships Awards Cups Trophies Crowns Wins Goals Caps Selections".split())
# A roster's group label between its entries: "Quarterbacks", "Offensive linemen", "Practice squad".
_ROSTER_GROUP = re.compile(r"\s*[A-Z][a-z]+(?:\s+[A-Za-z][a-z]+)?\s*")
# A roster's closing line, counting its entries by status, after the roster template's key, links
# and update date (no other figure): "Rookies in italics 53 Active, 11 Inactive, 6 Practice squad", "56 Total, 6 Drafted, 9
# Signed, 41 Unsigned", "Italics indicate Import player Roster updated 2009-10-08 Depth Chart •
# Transactions 45 Active, 13 Inactive, 9 PR" (practice roster).
_ROSTER_FOOTER = re.compile(
    r"(?:[^\d]|\d{4}-\d\d-\d\d)*?\d+\s+(?:Active|Total)(?:\s*,\s*\d+\s+(?:Inactive|Practice\s+(?:squad|roster)|PR|Reserves?|Injured\s+reserve"
    r"|IR|Suspended|Drafted|Undrafted|Signed|Unsigned))+\s*",
    re.I)


def _in_roster(statements: Sequence[Statement], i: int) -> bool:
    """Whether statement ``i`` is an entry of a roster, numbers and names one to a cell or item:
    two of its nearest neighbours of other names, past the labels of the roster's groups, are
    entries too ("14 Brad Bretz", "10 Jerry Colquitt", "16 Steve Pelluer"), and fewer of its own.
    Counts of one kind end alike ("12 Grammy Awards", "3 Brit Awards") and stay figures."""
    if _ROSTER_ENTRY.fullmatch(statements[i].text) is None:
        return False
    surname = _surname(statements[i].text)
    if surname in _COUNTED_HONOURS:
        return False
    kind = statements[i].kind
    others = alike = 0
    for step in (-1, 1):
        j, taken = i + step, 0
        while (0 <= j < len(statements) and taken < _ROSTER_REACH and statements[j].kind == kind
               and alike <= 2 * _ROSTER_REACH):  # past that many alike, the others can no longer outnumber them
            text = statements[j].text
            if _ROSTER_ENTRY.fullmatch(text) and _surname(text) == surname:
                alike += 1  # a brother in the squad ("76 Joe Long", "75 Kyle Long"), or awards of one kind
            elif not _ROSTER_GROUP.fullmatch(text):  # "4 Matt Blanchard" under "Quarterbacks"
                others += _ROSTER_ENTRY.fullmatch(text) is not None
                taken += 1
            j += step
    return others >= 2 and others > alike


def _surname(entry: str) -> str:
    """The last word of a roster entry's name, past a position ("66 Mike Kerr DE": "Kerr") or a
    class ("7 Darrin Bragg - Sophomore": "Bragg") and, when the surname comes first, past the given
    name ("13 Tereshinski III, Joe QB": "Tereshinski")."""
    name = _ROSTER_CLASS.split(entry.strip().partition(" ")[2])[0]
    words = [word for word in name.split("(")[0].split(",")[0].split() if not word.isupper()]
    return words[-1] if words else ""


@functools.lru_cache(maxsize=1024)  # asked for every table cell; a filmography has hundreds
def _works_section(section: tuple[str, ...]) -> bool:
    return any(WORKS_SECTIONS.match(part) for part in section)


def _last_char(stmt: Statement, claim: NumericClaim) -> int:
    """Where the figure's last character sits in the source: a citation that covers it starts later."""
    return stmt.source_offset(max(claim.start, claim.end - 1))


_CELL_OPENING = re.compile(r"<t[dh]\b", re.I)


def _header_cell(doc: Document, stmt: Statement) -> bool:
    """Whether a table cell is a header cell (<th>, a wikitext line opening with "!"); a text
    copy does not tell."""
    before = doc.source[max(0, stmt.span.start - 400):stmt.span.start]
    if doc.format == "html":
        openings = _CELL_OPENING.findall(before)
        return bool(openings) and openings[-1].lower() == "<th"
    if doc.format == "wikitext":
        return before.rpartition("\n")[2].lstrip().startswith("!")
    return False


def _cited_at_end(stmt: Statement) -> bool:
    """Whether a citation follows the statement's last character, and so every figure in it."""
    return bool(stmt.citations and stmt.text) and (
        max(c.span.start for c in stmt.citations) > stmt.source_offset(len(stmt.text) - 1))


def _sourced_in_brackets(stmt: Statement, claim: NumericClaim) -> bool:
    """Whether a source named in brackets follows the figure in its statement, as a citation
    would: "total population: 82.4 years (Source: OECD 2013 "Health at a glance" report)"."""
    return "ource" in stmt.text and _BRACKETED_SOURCE.search(stmt.text, claim.end) is not None


# A source named in brackets, in a few words at least: "(Source: OECD 2013 "Health at a glance" report)".
_BRACKETED_SOURCE = re.compile(r"\(\s*(?i:sources?)\s*:\s*[^()\s](?:[^()]|\([^()]*\)){5,}\)")


def _cited_after(stmt: Statement, claim: NumericClaim) -> bool:
    last_char = _last_char(stmt, claim)
    return any(c.span.start > last_char for c in stmt.citations) or _reported_by_cited_source(stmt, claim)


# A sentence that opens by naming, and citing, the source whose finding it then reports:
# "According to Trade Me legend,[7] …", "Likewise, in yeast, Kunz et al.[50] found that more
# than 60% …", "A 2010 study[3] showed …", "A major Harvard University study[101] in 2010 involving
# over one million people … found …", "It was shown[112] that …". The citation belongs to the
# whole report, not to the words before it. So does a study named as where the figure came
# from ("In some studies,[7] this has resulted in an RBE approaching 1,000"), a source only
# counted ("One source[13] says …") and authors named without "et al." ("Ghosh, Mason and
# Spriggs[8] analysed 53 samples").
_REPORTING_VERBS = (
    r"found|finds|showed|shows|shown|revealed|reveals|indicated|indicates|"
    r"reported|reports|estimated|estimates|concluded|concludes|observed|"
    r"states|stated|says|said|noted|notes|wrote|writes|claimed|claims|suggested|suggests|demonstrated|determined|"
    r"measured|calculated|recorded|counted|analy[sz]ed|identified|described|put|gave|gives|performed|conducted|"
    r"examined|tested|surveyed|followed|describes|specifies|specified|prescribes|prescribed"
)
# A standard named by its code, whose text is the source of what it prescribes: "The standard
# procedure ISO 719[14] describes a test …: 2 g of glass … is kept for 60 min".
_NAMED_STANDARD = (r"(?:(?:The|A)\s+)?(?:[A-Za-z-]+\s+){0,2}(?:standards?|norms?|procedures?|specifications?)"
                   r"\s+[A-Z]{2,6}(?:[\s/][A-Z]?\d[\w.:-]*)+")
_STUDY = r"(?:stud(?:y|ies)|surveys?|reports?|papers?|analys[ie]s|reviews?|polls?|trials?|experiments?)"
_ATTRIBUTED_OPENING = re.compile(
    r"\s*(?:[^,;.:()]{1,40},\s*){0,2}"  # "Likewise, in yeast, Kunz et al.[50] found …"
    r"(?:(?P<reports>According\s+to\s+[^,;.:()]{1,80}?,?|\(?(?:All|All\s+(?:figures|data|values))\s+from"
    r"|It\s+(?:was|has\s+been|had\s+been|is)\s+(?:shown|found|reported|estimated|demonstrated|observed|calculated)"
    rf"|In\s+(?:a|an|one|some|several|other|two|three|many|most|recent)\s+(?:[A-Za-z-]+\s+){{0,2}}{_STUDY},?)"
    r"|(?:[A-Z][\w'’-]+(?:\s*(?:,|&|and)\s*[A-Z][\w'’-]+){0,3}\s+et\s+al\.?"
    r"|[A-Z][\w'’-]+(?:\s*,\s*[A-Z][\w'’-]+){0,3}\s+(?:and|&)\s+[A-Z][\w'’-]+"
    r"|(?:A|An|One|The|Some|Several|Two|Three|Many|Other)\s+(?:\d{4}\s+)?(?:[A-Za-z-]+\s+){0,3}"
    rf"(?:{_STUDY}|sources?)"
    r"(?:\s+(?:by|of|from|in)\s+[^,;.:()]{1,60}?(?:\s+et\s+al\.?)?)?"  # "A recent MIT study by de Montjoye et al.[42]"
    rf"|{_NAMED_STANDARD}))\s*$"
)
# The report's verb, right after the citation or past a short account of the study in the same
# clause ("[101] in 2010 involving over one million people who ate meat found", "[42] by de
# Montjoye et al.[43] showed").
_REPORTING_VERB = re.compile(
    rf"(?:[^.;:!?]|(?<=\bet\sal)\.(?!\s+[A-Z])){{0,100}}?\b(?:also\s+)?(?:{_REPORTING_VERBS})\b")


def _reported_by_cited_source(stmt: Statement, claim: NumericClaim) -> bool:
    """Whether the statement opens by naming and citing the source that reports the figure."""
    return bool(stmt.citations) and min(c.span.start for c in stmt.citations) <= _last_char(stmt, claim) \
        and _opens_by_citing_source(stmt)


def _opens_by_citing_source(stmt: Statement) -> bool:
    """Whether the statement opens by naming and citing a source whose report it then gives."""
    if not stmt.citations:
        return False
    at, _ = marker_positions(stmt)[0]  # the text holds no markers: the words go on at ``at``
    opening = _ATTRIBUTED_OPENING.fullmatch(stmt.text, 0, at)
    if opening is None:
        return False
    return opening.group("reports") is not None or _REPORTING_VERB.match(stmt.text, at) is not None


# A statement that goes back to the study a paragraph opened with: "The study concluded that …",
# "It was concluded that …".
_BACK_TO_THE_STUDY = re.compile(
    rf"\s*(?:(?:The|This|That)\s+(?:{_STUDY}|authors|researchers)\b"
    r"|It\s+was\s+(?:concluded|found|shown)\b|(?:They|The\s+authors)\s+(?:concluded|found)\b)"
)


# The legend of one of the article's own numbered figures: "Figure 6. Three amplitude-splitting
# interferometers" (or "Figure 6." on a line of its own), "Figure 5.2 – Example centrifugal
# compressor performance map" (the dash also as a copy's mojibake); not a mention in the run of a sentence ("Figure 1.1 represents …").
_FIGURE_LEGEND = re.compile(
    r"\s*(?:Figure|Fig\.?)\s*(\d+(?:\.\d+)?[a-z]?)(?=\s*(?:[:.](?:\s|$)|[\u2013\u2014]|\u00e2\u0080[\u0093\u0094]|-\s))")
# A figure named by its number: "In Fig. 6,", "represented by Figure 5.2".
_FIGURE_MENTION = re.compile(r"\b(?:Figure|Fig\.?)\s*(\d+(?:\.\d+)?[a-z]?)\b")
# Looking at the figure in front of the reader: "In this figure we see", "it may be noticed".
_IN_THIS_FIGURE = re.compile(r"\b(?:in|on)\s+this\s+(?:figure|diagram|graph|chart|map|plot)\b", re.I)
_LOOKS_AT_IT = re.compile(r"\bwe\s+(?:can\s+)?see\b|\bit\s+(?:may|can)\s+be\s+(?:noticed|seen)\b|\bupon\s+inspection\b", re.I)


def _figure_legends(statements: Sequence[Statement]) -> frozenset[str]:
    """The numbers of the article's own figures, read from their legends."""
    return frozenset(legend.group(1) for stmt in statements if (legend := _FIGURE_LEGEND.match(stmt.text)))


def _names_own_figure(text: str, legends: frozenset[str]) -> bool:
    return any(mention.group(1) in legends for mention in _FIGURE_MENTION.finditer(text))


def _reads_own_figure(statements: Sequence[Statement], i: int, legends: frozenset[str]) -> bool:
    """Whether a statement describes one of the article's own numbered figures, its values read
    off the picture: it names the figure ("In Fig. 6, the low-finesse image corresponds to a
    reflectivity of 0.04", "In this figure we see 11 contours"), or, in a paragraph that names
    one, it looks at the picture ("In this case we see data points … at speeds of 50%, 71%") or
    takes an example from it ("For example, at 100% RPM …"). A statement beside them that states
    a practice ("Selecting a low efficiency (<60%) is the most common practice") still reports,
    and so do one that names a year and a legend, which a copy may have joined to the prose
    under it ("Figure 2.11: Trends of … Pastoralist population … constitutes about 10%")."""
    text = statements[i].text
    if not legends or _YEAR.search(text) or _FIGURE_LEGEND.match(text):
        return False
    if _names_own_figure(text, legends) or _IN_THIS_FIGURE.search(text):
        return True
    if not (_LOOKS_AT_IT.search(text) or opens_example(text)):
        return False
    paragraph = range(paragraph_start(statements, i), paragraph_end(statements, i) + 1)
    return any(_names_own_figure(statements[j].text, legends) for j in paragraph)


def _account_of_cited_study(statements: Sequence[Statement], i: int) -> bool:
    """Whether statement ``i`` belongs to the account of a study that its paragraph opens by
    naming and citing ("Ghosh, Mason and Spriggs[8] analysed 53 samples …") and goes back to
    later ("The study concluded that …"), with no other citation between: its figures are that
    study's ("Twelve of the forty-one cases … revealed malignant cells")."""
    layout = _layout(statements)
    opening = layout.previous_cited[i]
    if opening is None or statements[i].citations or not _opens_by_citing_source(statements[opening]):
        return False
    return layout.next_cited_any[i] is None and layout.back_to_study[i]


def _row_end(statements: Sequence[Statement], i: int, default: int) -> int:
    """Where the table row of cell ``i`` ends: at the first statement of another paragraph."""
    for other in statements[i + 1:]:
        if other.paragraph != statements[i].paragraph:
            return other.span.start
    return default


def _cited_in_row(stmt: Statement, claim: NumericClaim, citation_starts: list[int], row_end: int) -> bool:
    """A table cell's figure is cited by a citation later in its row, even one that sits
    alone in the last cell ("| Followed by a 6.4 earthquake || <ref name=NRC/>")."""
    k = bisect.bisect_right(citation_starts, _last_char(stmt, claim))
    return k < len(citation_starts) and citation_starts[k] < row_end


_ROW_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _cited_rows(doc: Document) -> tuple[tuple[re.Pattern[str], frozenset[float]], ...]:
    """The table rows cited in their name cell ("Singapore Flyer[25]" | "165 (541)" | "2008"),
    each as a search for its name and the numbers of its cells, conversions included (a place's
    coordinates left out)."""
    rows = []
    for _, row in itertools.groupby((s for s in doc.statements if s.kind == "table"), lambda s: (s.section, s.paragraph)):
        cells = list(row)
        names = [c.text.strip() for c in cells if c.cited and not _ROW_NUMBER.search(c.text)]
        if len(cells) < 2 or not names or len(names[0]) < 4 or not names[0][0].isupper():
            continue
        values = frozenset(float(n.replace(",", "")) for c in cells if "°" not in c.text  # not a place's coordinates
                           for n in _ROW_NUMBER.findall(c.text))
        rows.append((re.compile(rf"(?<!\w){re.escape(names[0])}(?!\w)"), values))
    return tuple(rows)


def _converts_covered(stmt: Statement, claim: NumericClaim, targets: Sequence[NumericClaim],
                      uncovered: Sequence[NumericClaim]) -> bool:
    """Whether ``claim`` converts, in brackets, the amount just before it, which is covered:
    "40 miles (64 km)" where the body cites the 40 miles; not "30 goals (12 penalties)"."""
    converted = _converted_figure(stmt, claim) if measures_amount(claim) else None
    return converted is not None and any(
        figure.raw == converted and figure not in uncovered and 0 <= claim.start - figure.end <= _CONVERSION_REACH
        and measures_amount(figure) for figure in targets)


_CONVERSION_REACH = 20  # "40 miles (" before "64 km)"; "4 ft 8 1⁄2 in (" before "1,435 mm)"
# The figure a conversion in brackets converts: "a 90-metre (" before "300 ft)", "111 °F (" before
# "43.9 °C)".
_CONVERTED = re.compile(r"(\d[\d,]*(?:\.\d+)?)[\s\-]?°?[^\W\d_]+\.?\s*\(\s*$")


def _converted_figure(stmt: Statement, claim: NumericClaim) -> str | None:
    """For a conversion in brackets, the figure it converts, as written; otherwise None (at once
    where no bracket opens just before the figure)."""
    if not stmt.text[:claim.start].rstrip().endswith("("):
        return None
    converted = _CONVERTED.search(stmt.text, 0, claim.start)
    return converted.group(1) if converted else None


def _given_in_cited_row(doc: Document, stmt: Statement, claim: NumericClaim) -> bool:
    """Whether a table row cited in its name cell gives the figure of a statement that names the
    row's subject: "Singapore Flyer: 165 m (541 ft) tall" restates the row "Singapore Flyer[25]" |
    "165 (541)" of the table of tallest wheels, whose citation is the figure's. A conversion in
    brackets is the figure it converts ("Eurowheel, a 90-metre (300 ft) tall wheel" and the row's
    "90 (295)", rounded otherwise)."""
    if claim.value is None:
        return False
    rows = doc.derived("cited_table_rows", lambda: _cited_rows(doc))
    converted = _converted_figure(stmt, claim)
    value = float(converted.replace(",", "")) if converted else claim.value
    return any(value in values and name.search(stmt.text) for name, values in rows)


def _in_sourced_table(doc: Document, run_starts: list[int], cell: Statement) -> bool:
    """Whether ``cell`` is a cell of a table sourced as a whole (``_sourced_tables``)."""
    cells = doc.derived("sourced_table_cells",
                        lambda: {c.index for table in _sourced_tables(doc, run_starts) for c in table})
    return cell.index in cells


def _tables(doc: Document, run_starts: list[int]) -> Iterator[list[Statement]]:
    """The cells of each table of the document, one section's part of it at a time."""
    statements = doc.statements
    for _, run in itertools.groupby(range(len(statements)), lambda k: (run_starts[k], statements[k].section)):
        cells = [statements[k] for k in run]
        if cells[0].kind == "table":
            yield cells


def _sourced_tables(doc: Document, run_starts: list[int]) -> list[list[Statement]]:
    """The cells of each table that is sourced as a whole (``_table_sourced``), one section's part
    of it at a time: found once for the document, for the figures read off them and the shares
    rounded from them."""
    def find() -> Iterator[list[Statement]]:
        statements = doc.statements
        for cells in _tables(doc, run_starts):
            if _table_sourced(statements, cells) or _cited_under_table(doc, cells) or _sourced_by_general_references(doc, cells):
                yield cells
    return doc.derived("sourced_tables", lambda: list(find()))


def _sourced_table_figures(tables: list[list[Statement]]) -> dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]]:
    """The figures of each section's ``tables`` (those sourced as a whole), as
    written in their cells, each with the words of its row ("Record high °F (°C)": "record",
    "high"), less the words any sentence uses ("from", "with")."""
    figures: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
    for cells in tables:
        section = cells[0].section
        for _, row in itertools.groupby(cells, lambda cell: cell.paragraph):
            row = list(row)
            words = tuple({word for cell in row for word in _ROW_WORD.findall(cell.text.lower())} - _COMMON_WORDS)
            figures.setdefault(section, []).extend(
                (number, words) for cell in row for number in _ROW_NUMBER.findall(cell.text))
    return figures


_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)


def _cited_under_table(doc: Document, cells: list[Statement]) -> bool:
    """Whether a table is cited by markers standing alone under it, past its closing tag (of a
    rendered page, or of a table written in HTML): the schedule's rows, then a paragraph holding
    only "[3] [4] … [13]", whatever a footnote inside the last cell cites. The reader gives the
    markers to the last cell; the editor put them under the table, for all of it."""
    last = cells[-1]
    return any(_TABLE_CLOSE.search(doc.source, last.span.start, citation.span.start) for citation in last.citations)


def _sourced_by_general_references(doc: Document, cells: list[Statement]) -> bool:
    """Whether a table is sourced by the page's general references ("General" over "Milwaukee
    Brewers Team History", beside the numbered notes): they source the article's data as a whole,
    whatever a cell cites for itself (an award's note in a season's row). Not a table with a
    column of sources (a header "Ref(s)" over citations): it sources row by row, and a row whose
    cell is empty has none; a river's "Source" column over no citation names where it rises."""
    return bool(doc.metadata.get("general_references")) and not (
        any(cell.citations for cell in cells)
        and any(_SOURCE_COLUMN.fullmatch(cell.text) and _header_cell(doc, cell) for cell in cells))


def _row_names_its_document(doc: Document, statements: Sequence[Statement], i: int, run_starts: list[int]) -> bool:
    """Whether table cell ``i`` is sourced by a document its row names, by its number, in the
    table's column of sources: "RFC 3551, previously RFC 1890" under "References" in a table of
    the payload types RFC 3551 defines. A numbered document (an RFC, a standard, a statute) is
    found by its number as a citation's link is. Only a row of as many cells as the head row is
    read: a row that leaves out an empty cell does not tell which of its cells is the source."""
    column = doc.derived("source_columns", lambda: _source_columns(doc, run_starts)).get(run_starts[i])
    if column is None:
        return False
    index, width = column
    first, last = paragraph_start(statements, i), paragraph_end(statements, i)
    if last - first + 1 != width:
        return False
    cell = statements[first + index].text
    return len(cell.split()) <= _DOCUMENT_CELL_WORDS and numbered_document(cell)


_DOCUMENT_CELL_WORDS = 8  # "RFC 3190 Section 4", "RFC 3551, previously RFC 1890"


def _source_columns(doc: Document, run_starts: list[int]) -> dict[int, tuple[int, int]]:
    """Where the tables start that have a column of sources (a header cell "References",
    "Ref(s)" …), with that column's place in the head row and the head row's width."""
    statements = doc.statements
    columns: dict[int, tuple[int, int]] = {}
    for k, stmt in enumerate(statements):
        if stmt.kind == "table" and _SOURCE_COLUMN.fullmatch(stmt.text) and _header_cell(doc, stmt):
            first = paragraph_start(statements, k)
            columns.setdefault(run_starts[k], (k - first, paragraph_end(statements, k) - first + 1))
    return columns


# The head of a table's column of sources: "Ref.", "Refs", "Ref(s)", "References", "Source";
# not "Notes", whose cells remark on their rows.
_SOURCE_COLUMN = re.compile(r"\s*(?:Refs?\.?|Ref\(s\)\.?|References?|Sources?|Citations?)\s*", re.I)


def _table_sourced(statements: Sequence[Statement], cells: list[Statement]) -> bool:
    """Whether the table of ``cells`` is sourced as a whole: cited as a whole (``_table_cited``),
    or by source lines closing it or right under it that name their source (``_names_its_source``:
    "Source #1: NOAA[29]" and "Source #2: The Weather Channel[30]" as the last rows of a climate
    table; "Sources:" over the full citations in the table's last row; "Updated to games played
    on 6 November 2010. Source: http://…" under a league table), or by a dated note under it
    (``_DATED_NOTE``)."""
    rows = [list(row) for _, row in itertools.groupby(cells, lambda cell: cell.paragraph)]
    closing = [line for row in itertools.takewhile(lambda row: TABLE_SOURCE_LINE.match(row[0].text), reversed(rows))
               for line in row]
    end = cells[-1].index + 1
    under = [stmt for stmt in statements[end:end + _SOURCE_LINE_REACH]
             if stmt.kind == "prose" and stmt.paragraph == statements[end].paragraph]
    if len(under) > 1 and find_numeric_claims(under[0].text) and not _UPDATED_LINE.match(under[0].text):
        under = under[:1]  # a sentence of figures is no dated line over the source: "Attendance rose to 14,000."
    return (any(line.cited for line in closing) or _table_cited(statements, cells[0].index)
            or _names_its_source(rows[-1]) or _names_its_source(under)
            or end < len(statements) and statements[end].section == cells[0].section
            and _dated_source_note(statements, end))


_SOURCE_LINE_REACH = 2  # "Updated to games played on …", then "Source: …"
_UPDATED_LINE = re.compile(r"\s*(?:(?:Last\s+)?updated|(?:Correct|Accurate)\s+as\s+of|As\s+of)\b", re.I)
# What shows a line names a source: an address, also a site's bare domain closing it ("Source:
# 1965-66 Season Colchester United Results - coludata.co.uk"; not "vol.iv" nor a domain in
# passing), or a full citation after "Sources:" ('"2010 Team Ranking". Rivals.com. Retrieved
# April 2, 2010.').
_ADDRESS = re.compile(r"https?://|www\.|(?:^|\s)[a-z0-9][a-z0-9-]{3,}(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|info|[a-z]{2})[.)]?\s*$")
_FULL_CITATION = re.compile(r"\b(?:Retrieved|Accessed)\s+(?:on\s+)?\w")


def _names_its_source(lines: list[Statement]) -> bool:
    """Whether a source line among ``lines`` (a table's last row, or the lines right under it)
    names its source: it is cited, gives the source's address, or a full citation follows it."""
    for k, line in enumerate(lines):
        if TABLE_SOURCE_LINE.match(line.text):
            return (line.cited or _ADDRESS.search(line.text) is not None
                    or any(_FULL_CITATION.search(after.text) for after in lines[k + 1:]))
    return False


# A dated note right under a table, in its section, whose citation is the table's source, as a
# career's statistics have one: "Statistics accurate as of match played 15 November 2013[52]",
# "… as of the end of the 2013–14 season"; nothing but the date after "as of" ("As of March
# 2024, 400 civilians had been killed" is a statement of its own). One above the table titles it
# (``_table_cited``).
_DATED_NOTE = re.compile(
    r"\s*(?:(?:statistics|stats|figures)\s+)?(?:(?:correct|accurate|updated)\s+)?as\s+of\s+"
    r"(?:(?:the\s+)?(?:match(?:es)?|games?)\s+played\s+(?:on\s+)?)?"
    r"(?:(?:\d{1,2}\s+)?(?:[A-Za-z]{3,9}\.?\s+)?(?:\d{1,2},?\s+)?\d{4}"
    r"|the\s+end\s+of\s+the\s+\d{4}(?:[–-]\d{2,4})?\s+season)\s*\.?\s*$", re.I)


def _dated_source_note(statements: Sequence[Statement], i: int) -> bool:
    """Whether statement ``i`` is a dated note that cites the source of the table beside it
    (``_DATED_NOTE``), or a note of when the table was last updated whose paragraph closes with
    its source, the rest of it saying what the table counts: "Last updated: Argentina vs France, 23
    June 2012. Statistics include officially capped matches only.[3]"."""
    stmt = statements[i]
    if stmt.kind != "prose":
        return False
    if stmt.cited:
        return _DATED_NOTE.match(stmt.text) is not None or _LAST_UPDATED_NOTE.match(stmt.text) is not None
    if _LAST_UPDATED_NOTE.match(stmt.text) is None:
        return False
    rest = list(itertools.takewhile(lambda after: after.paragraph == stmt.paragraph, statements[i + 1:]))
    return (0 < len(rest) <= _NOTE_SENTENCES and rest[-1].cited
            and not any(find_numeric_claims(after.text) for after in rest))


_NOTE_SENTENCES = 2  # "Statistics include officially capped matches only.[3]" after the date
# "Last updated: Argentina vs France, 23 June 2012.": the match or day a table was last brought up to date.
_LAST_UPDATED_NOTE = re.compile(r"\s*Last\s+updated\s*:?\s+[^.;]{0,80}?\b\d{4}\s*\.?\s*$", re.I)


_ROW_WORD = re.compile(r"[^\W\d_]{4,}")  # a word of a row that a sentence may use
_COMMON_WORDS = frozenset("from with that this these those were have been their which other also into "
                          "more than over under after before about total".split())
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")  # a cell written in words, however short a name ("USA[3]")


def _read_off_sourced_table(doc: Document, stmt: Statement, claim: NumericClaim, run_starts: list[int]) -> bool:
    """Whether a figure of prose is read off a table of its section that is sourced as a whole
    (``_sourced_table_figures``), in a row whose words the statement uses, maybe inflected: "The
    city's highest temperature was 111 °F (43.9 °C), recorded on …" and the climate table's "Record high °F
    (°C)" row with "111 (44)", sourced "Source #1: NOAA[29]"; "from Argentina (30.8%)" and the
    cited table's row "Argentina" with "30.86". The table's source is the figure's. Only a figure
    written to a decimal place (matched as the cell rounds or cuts it there), or of 100 or more
    (matched exactly), is told from the many small numbers of a table."""
    if claim.value is None or not stmt.section:
        return False
    figure = _ROW_NUMBER.search(_converted_figure(stmt, claim) or claim.raw)
    if figure is None:
        return False
    text = figure.group().replace(",", "")
    decimals = len(text.partition(".")[2])
    value = float(text)
    if not decimals and value < 100:
        return False
    tables = doc.derived("sourced_table_figures", lambda: _sourced_table_figures(_sourced_tables(doc, run_starts)))
    words = stmt.text.lower()
    for cell, row_words in tables.get(stmt.section, ()):
        number = cell.replace(",", "")
        if decimals:
            if len(number.partition(".")[2]) < decimals or not _rounds_or_cuts_to(float(number), value, decimals):
                continue
        elif number != text:
            continue
        if any(re.search(rf"(?<!\w){re.escape(word)}{_INFLECTION}(?!\w)", words) for word in row_words):
            return True
    return False


def _given_in_season_row(doc: Document, stmt: Statement, claim: NumericClaim, run_starts: list[int]) -> bool:
    """Whether a count of prose is a cell of a season's row in a table sourced as a whole, of a
    season its paragraph names, under a column head that the words saying what it counts name:
    "He scored 18 league goals" in a paragraph on "the 2008–09 season", and the career
    statistics' row "2008–09" | "42" | "18" with "18" under "Goals", sourced "As of 31 January
    2014[49][50]". Any section's table: a career's statistics close the article whose sections
    tell it club by club. A count under five is told from a row's many small numbers only with a
    larger count of its sentence in the same row ("four goals in 20 games"): "two goals" in one
    match is no season's. A rough count ("more than five match weeks") is no cell."""
    if claim.kind != "count" or claim.value is None or claim.high is not None \
            or estimate_before(stmt.text, claim.start):
        return False
    rows = doc.derived("sourced_season_rows", lambda: _season_rows(_sourced_tables(doc, run_starts)))
    counted = _counted_heads(stmt, claim)
    if not counted or not any(claim.value in columns_of for _, columns_of, _ in rows):
        return False
    named_by_paragraph = doc.derived("paragraph_seasons", dict)
    named = named_by_paragraph.get(stmt.paragraph)
    if named is None:
        named = named_by_paragraph[stmt.paragraph] = {
            year for match in _SEASON.finditer(_paragraph_text(doc.statements, stmt.index))
            for year in _season_years(match)}
    larger = [other for other in find_numeric_claims(stmt.text)
              if other.kind == "count" and other.value is not None and other.value >= 5 and other.high is None]
    return any(years & named and _under_column(columns_of, groups, claim.value, counted)
               and (claim.value >= 5 or any(_under_column(columns_of, groups, other.value, _counted_heads(stmt, other))
                                            for other in larger))
               for years, columns_of, groups in rows)


def _chart_place_in_cited_row(doc: Document, stmt: Statement, claim: NumericClaim) -> bool:
    """Whether a chart place the sentence gives, or a top it reached, is the place that a cited
    row of a charts table gives on the chart the sentence names nearest the place: "peaked at
    number 19 on the US Billboard 200" and the row "US Billboard 200[108]" | "19"; "the top 10 …
    peaking at number nine" and a "9" there. The row's chart names it, its country's code left
    out ("Billboard 200"), its publisher's brackets too ("UK Albums (OCC)"), or its country after
    "in" ("in the United Kingdom"); a list's rank is its publication's row ("Newsday" | "13")."""
    if claim.value is None or claim.high is not None:
        return False
    before = stmt.text[max(0, claim.start - 8):claim.start]
    top = _TOP_BEFORE.search(before) is not None
    if not (top or _PLACE_BEFORE.search(before)):
        return False
    rows = doc.derived("cited_chart_rows", lambda: _cited_chart_rows(doc.statements))
    named = [(min(abs(at - claim.start), abs(at - claim.end)), place) for chart, place in rows
             for at in (m.start() for m in chart.finditer(stmt.text))]
    if not named:
        return False
    nearest = min(distance for distance, _ in named)
    return any(distance == nearest and (place <= claim.value if top else place == claim.value)
               for distance, place in named)


# A place on a chart, and a top reached: "at number nine", "No. 19", "#3"; "the top 10".
_PLACE_BEFORE = re.compile(r"(?:\bnumber|\bNo\.|#)\s*$", re.I)
_TOP_BEFORE = re.compile(r"\btop\s*$", re.I)


def _cited_chart_rows(statements: Sequence[Statement]) -> list[tuple[re.Pattern[str], float]]:
    """The rows of tables that cite a source in the row, by the chart their first cell names
    (in words, five letters at least or three capitals, "NME", as written, without a bracketed
    publisher, and without a country's code where two words are left: "Billboard 200"; or,
    after "in", by the country a code or a people's name opens it with: "UK Albums (OCC)" is "in
    the United Kingdom"), with the place (1 to 200) its other cells give, where they give one: a
    song's row of a singles table gives one on each of many charts."""
    rows: list[tuple[re.Pattern[str], float]] = []
    tables = (stmt for stmt in statements if stmt.kind == "table")
    for _, row in itertools.groupby(tables, lambda cell: cell.paragraph):
        first, *rest = row
        places = [float(cell.text.strip()) for cell in rest if _CHART_PLACE.fullmatch(cell.text.strip())]
        if len(places) != 1 or not (first.citations or any(cell.citations for cell in rest)):
            continue  # a song's row of a singles table gives a place on each of many charts
        name = _BRACKETED.sub("", first.text).strip()
        forms = [name] if (len(name) >= 5 or len(name) >= 3 and name.isupper()) and _NAME_WORD.search(name) else []
        if (short := _COUNTRY_CODE.sub("", name)) != name and len(short.split()) >= 2:
            forms.append(short)
        patterns = [rf"(?<!\w){re.escape(form)}(?!\w)" for form in forms]
        patterns.extend(rf"\bin\s+(?:the\s+)?(?:{country})(?!\w)"
                        for opening, country in _CHART_COUNTRIES.items() if name.startswith(opening + " "))
        rows.extend((re.compile(pattern), places[0]) for pattern in patterns)
    return rows


# The countries charts are named after, by their code or their people's name, as a sentence
# names them: "UK Albums (OCC)", "Australian Albums (ARIA)" and "in the United Kingdom", "in Australia".
_CHART_COUNTRIES = {
    "UK": "United Kingdom|UK|U\\.K\\.", "US": "United States|US|U\\.S\\.", "Australian": "Australia",
    "Austrian": "Austria", "Belgian": "Belgium", "Canadian": "Canada", "Danish": "Denmark", "Dutch": "Netherlands",
    "Finnish": "Finland", "French": "France", "German": "Germany", "Irish": "Ireland", "Italian": "Italy",
    "Japanese": "Japan", "New Zealand": "New Zealand", "Norwegian": "Norway", "Scottish": "Scotland",
    "Spanish": "Spain", "Swedish": "Sweden", "Swiss": "Switzerland",
}
_CHART_PLACE = re.compile(r"[1-9]\d?|1\d\d|200")
_BRACKETED = re.compile(r"\s*\([^()]*\)")
_COUNTRY_CODE = re.compile(r"^[A-Z]{2,3}\s+")


def _under_column(columns_of: dict[float, list[_Column]], groups: frozenset[str], value: float | None,
                  counted: frozenset[str]) -> bool:
    """Whether ``value`` stands in a row (``_season_rows``) under a column that the words of a
    count name: its head ("goals" and "Goals"), and its group where the count names one of the
    table's groups ("18 cup goals" under "Cup", not "League")."""
    named_groups = counted & groups
    return any(head & counted and (not named_groups or named_groups & group)
               for head, group in columns_of.get(value, ()))


def _counted_heads(stmt: Statement, claim: NumericClaim) -> frozenset[str]:
    """The words that say what a count counts (``_counted_words``: "13 Premier League goals", "20
    games" of "20 games that season"), as a column head would write them (``_head_word``), with
    every shorter form a head may cut them to: "appearances" is "app", "goals" "goal"."""
    return frozenset(head[:n] for head in map(_head_word, _counted_words(stmt, claim))
                     for n in range(3, len(head) + 1))


# The words a player's appearances go by, in a table's head ("Apps", "Caps", "GP") or in prose
# ("20 games", "six appearances", "44 caps", "37 matches").
_APPEARANCES = frozenset({"app", "appearance", "cap", "game", "match", "matche", "gp"})


def _head_word(word: str) -> str:
    """A word of a column head or of what a count counts, less a plural's "s", and "app" for any
    of ``_APPEARANCES``."""
    word = word[:-1] if word.endswith("s") and len(word) > 3 else word
    return "app" if word in _APPEARANCES else word


# A season as a row of statistics opens it, or as prose names it: "2008–09", "2005-2006", "2014".
_SEASON = re.compile(r"(?<!\d)(?<!\d[,.])((?:1[89]|20)\d\d)(?:\s*[–-]\s*(\d\d(?:\d\d)?))?(?!\d|[,.]\d)")


def _season_years(match: re.Match[str]) -> set[str]:
    """The years of a season: "2008–09" is 2008 and 2009, "1999–00" 1999 and 2000."""
    first, last = match.group(1), match.group(2)
    if last is None:
        return {first}
    if len(last) == 2:
        later = int(first) // 100 * 100 + int(last)
        last = str(later if later > int(first) else later + 100)
    return {first, last}


# A column of figures: the words of its head, and of its group's head where it has one.
_Column = tuple[frozenset[str], frozenset[str]]


def _season_rows(tables: list[list[Statement]]) -> list[tuple[set[str], dict[float, list[_Column]], frozenset[str]]]:
    """The rows of ``tables`` that a season opens (a cell of its own, among the first two), each
    with its years, its numbers, each with its columns (``_columns``), and the words of its
    table's groups. A row whose cells do not fill the columns exactly (``_placed``) is left out:
    a cell the row above spans into, an empty cell or a remark across columns ("Did not enter")
    would shift them."""
    found = []
    for cells in tables:
        heads: list[list[str]] = []
        columns: list[_Column] | None = None
        width = 1
        heading = False
        for _, row_cells in itertools.groupby(cells, lambda cell: cell.paragraph):
            row = [cell.text.strip() for cell in row_cells]
            if not any(ch.isdigit() for text in row for ch in text):
                heads = heads + [row] if heading else [row]
                heading, columns = True, None
                continue
            heading = False
            if columns is None and heads:
                columns, width = _columns(heads)
            at = next((k for k, text in enumerate(row[:2]) if _SEASON.fullmatch(text)), None)
            if at is None or not columns:
                continue
            placed = _placed(row[at + 1:], columns, width)
            if placed is None:
                continue
            columns_of: dict[float, list[_Column]] = {}
            for text, column in placed:
                for number in _ROW_NUMBER.findall(text):
                    columns_of.setdefault(float(number.replace(",", "")), []).append(column)
            found.append((_season_years(_SEASON.fullmatch(row[at])), columns_of,
                          frozenset(word for _, group in columns for word in group)))
    return found


def _columns(heads: list[list[str]]) -> tuple[list[_Column], int]:
    """The figures' columns of a table, from its rows of heads (``_head_word``): the last row's
    heads after the season's own ("Year" | "Attacks"), or all of them under a first row that
    heads the club's and the season's columns; there, each with the group above it ("League"
    over "Apps" | "Goals"), where the groups split the columns evenly. Also how many columns a
    group spans."""
    def words(text: str) -> frozenset[str]:
        return frozenset(_head_word(word) for word in _NAME_WORD.findall(text.lower()))  # "GP" as "Apps"

    def after_season(row: list[frozenset[str]]) -> list[frozenset[str]] | None:
        season = next((k for k, head in enumerate(row) if head & {"season", "year"}), None)
        return None if season is None else row[season + 1:]

    last = [words(text) for text in heads[-1]]
    own = after_season(last)
    if own is not None or len(heads) < 2:
        return [(head, frozenset()) for head in (own if own is not None else last)], 1
    groups = after_season([words(text) for text in heads[-2]])
    if not groups or len(last) % len(groups):
        return [(head, frozenset()) for head in last], 1
    width = len(last) // len(groups)
    return [(head, groups[k // width]) for k, head in enumerate(last)], width


# A cell that stands for a whole group of columns: a competition a season had none of ("–", "—").
_SPANNING_CELL = re.compile(r"[-–—]|n/?a", re.I)


def _placed(cells: list[str], columns: list[_Column], width: int) -> list[tuple[str, _Column]] | None:
    """The cells after a row's season, each with its column, where they fill the columns
    exactly, each cell one column and a dash a whole group (``width`` columns); None otherwise."""
    placed = []
    column = 0
    for text in cells:
        span = width if _SPANNING_CELL.fullmatch(text) else 1
        if column + span > len(columns):
            return None
        placed.append((text, columns[column]))
        column += span
    return placed if column == len(columns) else None


def _given_in_named_row(doc: Document, stmt: Statement, claim: NumericClaim, run_starts: list[int]) -> bool:
    """Whether an exact figure of prose (``_exact_enough``) is written the same way in a row of a
    table sourced as a whole, in any section, whose first cell names what the sentence names:
    "Oriol Servià set the pace with a run of 227.168 mph" and the results' row "Oriol Servià" |
    "227.168". Not a year ("Kursk" | "5 July 1943" is no "1,943 men")."""
    figure = _ROW_NUMBER.search(_converted_figure(stmt, claim) or claim.raw)
    if claim.value is None or figure is None or not _exact_enough(figure.group()):
        return False
    rows = doc.derived("named_row_figures", lambda: _named_row_figures(_sourced_tables(doc, run_starts)))
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", stmt.text) for name in rows.get(figure.group(), ()))


def _named_row_figures(tables: list[list[Statement]]) -> dict[str, list[str]]:
    """The figures of ``tables`` as their cells write them, each with the names of the rows that
    hold it (a row's first cell, where it is written in words), less what may be a year ("5 July
    1943 (planned)" holds no "1943 men")."""
    figures: dict[str, list[str]] = {}
    for cells in tables:
        for _, row in itertools.groupby(cells, lambda cell: cell.paragraph):
            name, *rest = [cell.text.strip() for cell in row]
            if len(name) < 3 or not _NAME_WORD.search(name):
                continue
            for cell in rest:
                for number in _ROW_NUMBER.findall(cell):
                    if not _YEAR.fullmatch(number):
                        figures.setdefault(number, []).append(name)
    return figures


def _exact_enough(figure: str) -> bool:
    """Whether a figure as written is exact enough to be read off a table of any section:
    four significant digits or more ("227.168", "1,441,911"), where a round one ("300") is as
    often another of a table's many."""
    return len("".join(char for char in figure if char.isdigit()).strip("0")) >= 4


def _rounds_shares_of_sourced_table(doc: Document, stmt: Statement, claims: Sequence[NumericClaim],
                                    run_starts: list[int]) -> bool:
    """Whether a sentence's figures are all read off one table of its section that is sourced as
    a whole, two shares at least being the table's shares written to a decimal place, maybe
    rounded or cut: "holds about 90% of the population within 23% of the area" under a cited
    table with the shares "89.7%" and "22.7%" and the word "population". Two such shares of a
    table whose words the sentence uses are no chance; any other figure must be a count the
    table writes as it is."""
    if not stmt.section or sum(claim.kind == "percent" and claim.high is None for claim in claims) < 2:
        return False  # no two shares to have been rounded
    tables = _sourced_tables(doc, run_starts)
    sentence = stmt.text.lower()
    for cells in tables:
        if cells[0].section != stmt.section:
            continue
        words = {word for cell in cells for word in _ROW_WORD.findall(cell.text.lower())} - _COMMON_WORDS
        if not any(re.search(rf"(?<!\w){re.escape(word)}{_INFLECTION}(?!\w)", sentence) for word in words):
            continue  # shares of other things: "Unemployment rose to 45%" under a table of votes
        shares = [float(share.group(1)) for cell in cells for share in _FINE_SHARE.finditer(cell.text)]
        numbers = {number.replace(",", "") for cell in cells for number in _ROW_NUMBER.findall(cell.text)}
        rounded = 0
        for claim in claims:
            figure = _ROW_NUMBER.match(claim.raw)
            if claim.kind == "percent" and claim.high is None and figure is not None:
                decimals = len(figure.group().partition(".")[2])
                if not any(_rounds_or_cuts_to(share, float(figure.group()), decimals) for share in shares):
                    break
                rounded += 1
            elif not (claim.kind == "count" and (digits := _LEADING_DIGITS.match(claim.raw))
                      and digits.group().replace(",", "") in numbers):
                break
        else:
            if rounded >= 2:
                return True
    return False


# A share a table gives to a decimal place: "89.7%".
_FINE_SHARE = re.compile(r"(?<![\d.])(\d{1,3}\.\d+)\s?%")


def _rounds_or_cuts_to(cell: float, value: float, decimals: int) -> bool:
    """Whether a cell, rounded or cut to ``decimals`` places, is the value: "30.86" is "30.8" cut
    and "30.9" rounded, "30.71" neither."""
    scale = 10 ** decimals
    return math.isclose(round(cell, decimals), value) or math.isclose(math.trunc(cell * scale) / scale, value)


# The endings a row's word may take in the sentence that uses it: "record" in "recorded", "high" in
# "highest" (not "standard" in "non-standardized").
_INFLECTION = r"(?:s|es|ed|er|est|ing)?"


def _given_in_cited_column(statements: Sequence[Statement], summary: Statement, claim: NumericClaim,
                           run_starts: list[int]) -> bool:
    """Whether a summary's count is written the same way in a cell of a table cited as a whole,
    under a column head the summary names: the lead's "Voters chose 11 representatives, or
    electors to the Electoral College" and the cited results table's "11" under "Electoral
    votes"."""
    digits = _LEADING_DIGITS.match(claim.raw)
    if claim.kind != "count" or digits is None:
        return False
    for k in _layout(statements).cells_by_text.get(digits.group(), ()):
        cell = statements[k]
        row = [s for s in statements[run_starts[k]:] if s.kind == "table" and s.paragraph == cell.paragraph]
        table = list(itertools.takewhile(lambda s: s.kind == "table", statements[run_starts[k]:]))
        header = next((r for r in (list(g) for _, g in itertools.groupby(table, lambda s: s.paragraph))
                       if len(r) == len(row)), None)
        if header is None or header[0].paragraph == cell.paragraph:
            continue
        head = header[row.index(cell)].text
        if any(re.search(rf"\b{re.escape(word)}\b", summary.text, re.I) for word in _HEAD_WORD.findall(head)) \
                and _table_cited(statements, run_starts[k]):
            return True
    return False


_LEADING_DIGITS = re.compile(r"\d[\d,]*")
_HEAD_WORD = re.compile(r"[A-Za-z]{5,}")


def _given_in_cited_prose(statements: Sequence[Statement], i: int, claim: NumericClaim) -> bool:
    """Whether a table cell's count restates a count of the same thing in prose whose paragraph
    names the cell's row and is cited after it: "6 shot deficit" in the row of "PGA
    Championship" restates "In August 1989 … won … the PGA Championship. … Stewart was six
    shots behind the leader …[8]"."""
    if claim.kind != "count" or not claim.noun or claim.value is None:
        return False
    stem = claim.noun.split()[0].lower().rstrip("s")
    row = [s.text.strip() for s in statements[paragraph_start(statements, i):paragraph_end(statements, i) + 1]
           if s.kind == "table"]
    keys = [cell for cell in row if len(cell) >= 4 and not _ROW_NUMBER.search(cell)]
    if not keys:
        return False
    for j, other in enumerate(statements):
        if other.kind != "prose" or stem not in other.text.lower():
            continue
        if not any(c.kind == "count" and c.value == claim.value and c.noun
                   and c.noun.split()[0].lower().rstrip("s") == stem for c in find_numeric_claims(other.text)):
            continue
        end = paragraph_end(statements, j)
        if any(s.citations for s in statements[j:end + 1]) and any(
                key in _paragraph_text(statements, j) for key in keys):
            return True
    return False


def _cited_earlier_in_row(statements: Sequence[Statement], i: int) -> bool:
    """Whether an uncited table cell follows a cited cell of its row that is written in words: a
    row cited in its title or name cell ("The Moon & Antarctica (Remastered)[10]" before
    "Reissue … with 4 new added tracks") names there the source of the row. So does a row of
    events cited only on its date ("30 May 2010[21]" before "18 unnamed men"): the date is the
    event's. But where a figure of the row carries a citation of its own, citations are the
    cells', and a cited date or number ("November 3, 1947[1]", "63[1]") is cited for itself,
    not for the notes after it."""
    if statements[i].citations:
        return False
    row = statements[paragraph_start(statements, i):paragraph_end(statements, i) + 1]
    cited_before = [cell for cell in row if cell.cited and cell.index < i]
    if any(_NAME_WORD.search(cell.text) and not looks_like_date(cell.text) for cell in cited_before):
        return True
    return (any(looks_like_date(cell.text) for cell in cited_before)
            and not any(cell.cited and find_numeric_claims(cell.text) for cell in row))


# A list article's line about its own list, its criterion for inclusion, and the list it is
# compared with: "The following sortable table lists …", "This list ranks skyscrapers that stand at
# least 300 feet", "The list is limited to companies with annual revenues exceeding 100 billion
# USD", "To be safe, the list has been extended to include all >7,200 m peaks", "Note: Compare
# this list with the List of …", and the threshold its entries pass: "This list charts films that
# had openings in excess of $200 million", a table's caption "A list of films that grossed in
# excess of $100 million …" (not "A list of demands which included a 15% pay rise"), or in
# brackets after what it lists, with the measure it takes, the description going on with what
# else its entries are: "The list of large cities (population greater than 250,000) with …", "List
# of medium-sized cities (population between 100,000 and 250,000) …" (not "The list of demands
# (over 20 pages) was delivered", "The list of names (totalling more than 58,000) is engraved",
# nor "The list of tall buildings (height above 150 m) includes 45 towers": a sentence that goes
# on reports).
_THRESHOLD = r"in\s+excess\s+of|more\s+than|greater\s+than|over|at\s+least|above|exceeding|upwards\s+of"
_LIST_MEASURE = r"(?:population|height|elevation|area|length|capacity|size|prominence|gross|revenue|sales)"
_DESCRIBES_ITS_LIST = re.compile(
    r"\s*(?:Notes?:\s*)?(?:The\s+following\s+(?:[\w\-]+\s+){0,2}(?:table|list)\s+(?:lists|includes|ranks)"
    rf"|(?:This\s+list\s+(?:charts|shows|covers|contains|includes)|A\s+list\s+of)\s+[a-z][\w\-]*\s+(?:that|which|with|whose)"
    rf"\s+(?:[a-z][\w\-]*\s+){{0,3}}?(?:{_THRESHOLD})"
    rf"|(?:The\s+|A\s+)?[Ll]ist\s+of\s+(?:[\w\-]+\s+){{1,3}}\({_LIST_MEASURE}\s+(?:{_THRESHOLD}|between)\s+[\d$£€][^()]*\)"
    r"\s+(?:with|whose|that|which|in|of|by)"
    r"|(?:The|This)\s+(?:table|list)\s+(?:is\s+(?:limited|restricted|confined)\s+to|(?:includes|lists)\s+only)"
    r"|(?:[A-Z][^,.;:]{0,30},\s+)?(?i:the|this)\s+list\s+has\s+been\s+(?:extended|limited|restricted|confined)\s+to"
    r"|This\s+(?:(?:table|list)\s+)?(?:lists|ranks)"
    r"|Compare\s+this\s+list\s+with)\b"
)
# The count of an article's own parts: "This article comprises three sortable tables of …"; the
# figures after it ("… of the 250 tallest buildings, 40 of them in Toronto") still count.
_OWN_PARTS_BEFORE = re.compile(
    r"\bThis\s+(?:article|page|list)\s+(?:comprises|contains|consists\s+of|is\s+made\s+up\s+of)\s+$")
_OWN_PARTS_AFTER = re.compile(r"(?:\s+[\w\-]+)?\s+(?:tables|lists|sections)\b")


def _counts_own_parts(text: str, claim: NumericClaim) -> bool:
    """Whether the figure counts the article's own tables, lists or sections (``_OWN_PARTS_BEFORE``)."""
    return (_OWN_PARTS_BEFORE.search(text, max(0, claim.start - 40), claim.start) is not None
            and _OWN_PARTS_AFTER.match(text, claim.end) is not None)


def _drawn_from_range(stmt: Statement, claim: NumericClaim) -> bool:
    """Whether a figure is a numbered range of bodies that members are drawn from ("from
    associations 7–9": their places in a ranking, which name them), or, in a table or a list (an
    access list's rows), the count of the members drawn one from each, which the range's size
    gives: "3 domestic league third-placed teams from associations 7–9", "6 … from associations
    10–15"; not "3 goals in rounds 7–9", "4 teams from associations 7–9", nor "3 clubs from
    associations 7–9 have reached the group stage", a sentence's outcome."""
    text = stmt.text
    for drawn in _DRAWN_FROM_RANGE.finditer(text, max(0, claim.start - _RANGE_REACH)):
        if drawn.start(1) <= claim.start and claim.end <= drawn.end(2):
            return True
        if drawn.start() < claim.end:
            continue  # a range before the count, or around it
        return (stmt.kind in ("table", "list") and claim.kind == "count" and claim.value is not None
                and claim.high is None and _DRAWN_MEMBERS.fullmatch(text, claim.end, drawn.start()) is not None
                and int(drawn.group(2)) - int(drawn.group(1)) + 1 == claim.value)
    return False


# Members drawn from a range, named in words right after their count: " domestic league
# third-placed teams ", " domestic cup winners ".
_DRAWN_MEMBERS = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){0,5}?\s+(?:teams|clubs|sides|champions|winners|runners-up|entrants)\s+")
# Members drawn one from each of a numbered range of bodies or places: "from associations 7–9".
_DRAWN_FROM_RANGE = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:associations|nations|countries|leagues|places|positions|ranks|pots)\s+"
    r"(\d{1,4})\s*[–-]\s*(\d{1,4})\b", re.I)
_RANGE_REACH = 80  # characters before a figure where the "from" of a range holding it may stand


# An infobox value that sends the reader on to where the figure is spelled out and sourced: "87
# (List of episodes)", "About 100–250, see text".
_POINTS_ONWARD = re.compile(r"[\s,;:(\u2013\u2014-]*(?:see\s+(?:the\s+)?(?:text|below|list\b)|list\s+of\s+[^\W\d_])", re.I)
# A box's note on the scope of its data: "French Land Register data, which excludes lakes, ponds,
# glaciers > 1 km² (0.386 sq mi or 247 acres) and river estuaries."; in prose such words open a report.
_DATA_SCOPE = re.compile(r"\s*(?:[A-Z][\w\-]*\s+){1,4}data,?\s+which\s+(?:excludes|includes|covers)\b")
# A table's legend, which explains its marks: "Legend: Win (2 points) Loss (0 points) Tie (1 point)",
# "† - suspension covered at least one pre-season game", "Denotes player who has been selected for
# at least one All-Star Game" (beside the mark's image), "As of May 2009 players in bold have at least
# one cap"; not a sentence that goes on ("Indicates that 300 people died", "Four of the players in
# bold have scored 100 goals"), nor a list's bullet ("* - In 1990, 300 died", "♦ – In 1990 …"; a
# dagger marks no list, alone or beside other marks: "*† – scored at least 100 goals").
_LEGEND = re.compile(r"\s*(?:(?:Legend|Key)\s*:\s|[*#]*[†‡§][†‡§*#]*\s*[-–—=]\s|[*#¤♦]+\s*[-–—=]\s(?=[a-z])"
                     r"|(?:Denotes|Indicates)\s(?!that\b)"
                     r"|(?:As\s+of\s+[\w\s]{3,20}?,?\s+)?(?:players|teams|names|entries)\s+in\s+(?:bold|italics)"
                     r"\s+(?:have|are|denote|indicate)\b)")

# A mark's meaning in a few words, one clause with no large figure: "* - Indicates game required 11
# innings"; not "* – Indicates a record crowd of 107,501", nor one that goes on ("…, attendance 45,210").
_MARK_MEANING = re.compile(r"\s*[*#¤♦]+\s*[-–—=]\s(?:Denotes|Indicates)\s(?!that\b)[^,;:]*")
_MARK_MEANING_WORDS = 8
_LARGE_FIGURE = 100


def _explains_a_mark(text: str, claims: Sequence[NumericClaim]) -> bool:
    """Whether a line only says what a mark means (``_MARK_MEANING``)."""
    return (_MARK_MEANING.fullmatch(text) is not None and len(text.split()) <= _MARK_MEANING_WORDS + 2  # with mark and dash
            and all(claim.value is not None and claim.value < _LARGE_FIGURE for claim in claims))


def _explains_a_code(statements: Sequence[Statement], i: int) -> bool:
    """Whether a table cell spells out the code in the cell before it, in a key whose row pairs
    codes with their meanings twice at least ("SF" "semifinalist" "NPM" "Not a Premier Mandatory
    or 5 event") and whose codes other cells use (a timeline's "SF" and "NPM"): it says what a
    code stands for, it asserts nothing."""
    start = paragraph_start(statements, i)
    row = statements[start:paragraph_end(statements, i) + 1]
    if (i - start) % 2 == 0 or len(row) < 4 or len(row) % 2:
        return False
    codes = [cell.text.strip() for cell in row[::2]]
    if not all(_CODE.fullmatch(code) for code in codes) or not all(_MEANING.search(cell.text) for cell in row[1::2]):
        return False
    used = {cell.text.strip() for k, cell in enumerate(statements)
            if cell.kind == "table" and not start <= k < start + len(row)}
    return sum(code in used for code in codes) >= 2


# A key's code, and the words that spell it out: "NPM", "Q#", "2R"; "quarterfinalist".
_CODE = re.compile(r"[A-Z0-9#]{0,4}[A-Z][A-Z0-9#]{0,4}")
_MEANING = re.compile(r"[a-z]{3,}")


# A cell of nothing but bracketed names: "(60 m), (long jump), (shot put) / (1000 m)".
_NAMES_ONLY = re.compile(r"\s*\([^()]*\)(?:[\s,;/]*\([^()]*\))+[\s.,;]*")


def _titled_cell(text: str) -> bool:
    """Whether a table cell is the title of a list of works or of a book of them, as an accolades
    table names them: its words in title case, one of them a word such titles use ("90 Albums of
    the 90s", "1,000 Recordings to Hear Before You Die", "The 50 Coolest Records of All Time");
    with a title's little words or opening "The"; not a count of things capitalised ("3 Gold
    Medals", "12 Gold Records"), nor a score ("New York 45, Boston 12")."""
    words = _TITLE_WORD.findall(text)
    if not any(character.isdigit() for character in text) or _WORKS_LIST_WORDS.isdisjoint(words):
        return False
    return (all(word[0].isupper() or word in _TITLE_SMALL_WORDS for word in words)
            and (words[0] == "The" or any(word in _TITLE_SMALL_WORDS for word in words)))


_TITLE_WORD = re.compile(r"(?<![\w'’])[^\W\d_]{2,}[\w'’]*")
_TITLE_SMALL_WORDS = frozenset("of the from to for and in on at by with per a an".split())
_WORKS_LIST_WORDS = frozenset("Albums Records Recordings Songs Singles Tracks Films Movies Books Novels".split())
_CELL_TAG = re.compile(r"<t[dh]\b[^<>]*>", re.I)
_SPANS_COLUMNS = re.compile(r"\bcolspan\s*=\s*[\"']?\s*(?:[2-9]|\d\d)", re.I)
_SPANS_ROWS = re.compile(r"\browspan\s*=\s*[\"']?\s*(?:[2-9]|\d\d)", re.I)


def _details_of_cited_row(doc: Document, statements: Sequence[Statement], i: int) -> bool:
    """Whether table cell ``i`` of a rendered page is a line of details spanning the columns under
    a cited row whose first cell spans down into it: a combined event's splits ("12.01 (100 m),
    6.37 m (long jump), …") under its record row ("Decathlon | 5244 pts | … | [1]"). The row's
    citation is the source of its details, as of its other cells."""
    if doc.format != "html":
        return False
    start = paragraph_start(statements, i)
    if start == 0 or statements[start - 1].kind != "table":
        return False
    above = paragraph_start(statements, start - 1)
    if not any(cell.cited for cell in statements[above:start]):
        return False
    opening = list(_CELL_TAG.finditer(doc.source, max(0, statements[i].span.start - 400), statements[i].span.start))
    if not opening or not _SPANS_COLUMNS.search(opening[-1].group()):
        return False
    row_opening = doc.source.rfind("<tr", 0, statements[above].span.start)
    first_cell = _CELL_TAG.search(doc.source, max(0, row_opening), statements[above].span.start + 1)
    return first_cell is not None and _SPANS_ROWS.search(first_cell.group()) is not None


# A match box's link to the official report of the game: "Report", "(Report)", "Match report",
# "(Summary)", "Box score", an American football box's "Recap" and "Game book". Only a link out of
# the wiki is a source.
_REPORT_LINK = re.compile(
    r"<a\b(?P<attributes>[^>]*)>\s*\(?\s*(?P<name>(?:(?:match|game|official)\s+)?(?:report|summary)|box\s*score|scorecard"
    r"|recap|game\s*book)\s*\)?\s*</a>", re.I)
# … or links of any name after the label "Report(s):" that opens a line or a cell of the box:
# "Referee(s): …<br />Report(s): result statistics"; not "Rating by the Cook Political Report: …".
_REPORT_LABEL = re.compile(r"(?:^|<br\s*/?>|<t[dh]\b[^<>]*>)\s*(?P<label>Reports?(?:\(s\))?:)"
                           r"(?P<links>(?:\s*<a\b[^<>]*>[^<]*</a>)+)", re.M)
# … or, in a football box (an hCalendar "vevent" table of one game), the numbered external link
# alone in a cell ("<td align="center"><a class="external autonumber" href="…">[4]</a></td>").
_NUMBERED_LINK_CELL = re.compile(r"<td\b[^<>]*>\s*(?P<link><a\b[^<>]*\bautonumber\b[^<>]*>\[\d+\]</a>)\s*</td>")
_GAME_BOX = re.compile(r"<table\b[^<>]*\bvevent\b")
_LINK_ATTRIBUTES = re.compile(r"<a\b([^>]*)>")
# What stands between two links of one game's report: "Report<br />Report", "Report, Report".
_LINKS_APART = re.compile(r"(?:\s|<br\s*/?>|,|&#160;)*")
# The elements a match box is built of (a row, a table, a frame), and the headings it never holds.
_BOX_TAG = re.compile(r"<(?P<closing>/?)(?P<name>div|table|tr)\b[^<>]*>|<h[1-6]\b", re.I)


def _report_boxes(doc: Document) -> list[tuple[int, int]]:
    """Where in a rendered page's source its match boxes lie that link to their game's report.

    A box is the largest element (a frame, a table, a row) around a report link (or the links
    after a "Report(s):" label) that holds no heading and no other link of the same name, but
    those standing with it (two sites' "Report" links, one under the other, of one game): one
    game's frame, with its score, attendance and statistics tables ("Recap, Game book" under "Game
    attendance: 70,744"), and in a table of many games, each with its "Report", the link's own row;
    a football box's numbered link alone in its middle cell ("[4]") is a report link too. The
    report is the source of the box's figures, as a citation would be."""
    source = doc.source
    links: list[tuple[int, str]] = []
    together: dict[int, int] = {}  # each link's position, to the first of the links it stands with
    previous_end = -1
    for m in _REPORT_LINK.finditer(source):
        if _links_out(m["attributes"]):
            name = re.sub(r"\s+", "", m["name"]).lower()
            together[m.start()] = (together[links[-1][0]] if links and _LINKS_APART.fullmatch(source, previous_end, m.start())
                                   else m.start())
            links.append((m.start(), name))
            previous_end = m.end()
    links += [(m.start("label"), "report:") for m in _REPORT_LABEL.finditer(source)
              if any(_links_out(attributes) for attributes in _LINK_ATTRIBUTES.findall(m["links"]))]
    if "autonumber" in source:
        links += [(m.start("link"), "[n]") for m in _NUMBERED_LINK_CELL.finditer(source)]
    if not links:
        return []
    elements, headings = doc.derived("box_elements", lambda: _box_elements(source))
    links.sort()
    positions = [at for at, _ in links]
    boxes = []
    for at, name in links:
        box = _largest_box(elements, headings, at, lambda start, end: not any(
            together.get(other, other) != together.get(at, at) and other_name == name
            for other, other_name in links[bisect.bisect_right(positions, start):bisect.bisect_left(positions, end)]))
        if box is not None and (name != "[n]" or _GAME_BOX.match(source, box[0])):
            boxes.append(box)
    return boxes


def _links_out(attributes: str) -> bool:
    """Whether a link's attributes make it a link out of the wiki."""
    return "external" in attributes or 'href="http' in attributes


def _largest_box(elements: "_Elements", headings: list[int], at: int,
                 fits: Callable[[int, int], bool]) -> tuple[int, int] | None:
    """The largest of the elements around source position ``at``, tried from the smallest out,
    that holds no heading and that ``fits`` accepts, each larger one holding the one before."""
    box = None
    for start, end in elements.around(at):
        if bisect.bisect_left(headings, end) > bisect.bisect_right(headings, start) or not fits(start, end):
            break
        box = (start, end)
    return box


class _Elements:
    """A rendered page's frames, tables and rows, which nest (``_box_elements``), each with the
    one around it: the elements around a position are found by walking out from the innermost,
    not by trying every element of the page for each of a season's hundreds of boxes."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans, key=lambda span: (span[0], -span[1]))
        self.starts = [start for start, _ in self.spans]
        self.parents: list[int] = []
        open_: list[int] = []
        for k, (start, _) in enumerate(self.spans):
            while open_ and self.spans[open_[-1]][1] <= start:
                open_.pop()
            self.parents.append(open_[-1] if open_ else -1)
            open_.append(k)

    def around(self, at: int) -> Iterator[tuple[int, int]]:
        """The elements that hold position ``at`` strictly inside, the smallest first."""
        k = bisect.bisect_left(self.starts, at) - 1
        while k >= 0:
            start, end = self.spans[k]
            if end > at:
                yield start, end
            k = self.parents[k]


def _box_elements(source: str) -> tuple[_Elements, list[int]]:
    """The spans of a rendered page's frames, tables and rows, and where its headings open."""
    elements: list[tuple[int, int]] = []
    headings: list[int] = []
    open_tags: list[tuple[str, int]] = []
    for tag in _BOX_TAG.finditer(source):
        if tag["name"] is None:
            headings.append(tag.start())
        elif not tag["closing"]:
            open_tags.append((tag["name"].lower(), tag.start()))
        elif any(name == tag["name"].lower() for name, _ in open_tags):
            while open_tags:  # close what the page left open inside it
                name, start = open_tags.pop()
                if name == tag["name"].lower():
                    elements.append((start, tag.end()))
                    break
    return _Elements(elements), headings


def _titled_boxes(doc: Document) -> list[tuple[int, int]]:
    """Where in a rendered page's source its boxes lie that open with a cited title line: a
    game's frame under "Arizona Cardinals 20, Dallas Cowboys 7[4]", with its score table and
    "Game attendance: 62,969". A box is the largest element around the title that holds a
    table, no heading and no text before the title; the title's citation is the box's source,
    as a report link is (``_report_boxes``)."""
    statements = doc.statements
    elements, headings = doc.derived("box_elements", lambda: _box_elements(doc.source))
    boxes = []
    for i, title in enumerate(statements):
        if not (title.kind == "prose" and _cited_at_end(title) and len(title.text.split()) <= _SUBHEADING_WORDS
                and not _FINITE_VERB.search(title.text)):
            continue
        opens_after = statements[i - 1].span.end if i else 0  # the text before the title ends here
        box = _largest_box(elements, headings, title.span.start, lambda start, end: start >= opens_after)
        if box is not None and "<table" in doc.source[box[0]:box[1]]:
            boxes.append(box)
    return boxes


def _in_cited_box(doc: Document, stmt: Statement) -> bool:
    """Whether a table cell or list item of a rendered page stands in a match box that links to
    the game's report (``_report_boxes``) or in a box under a cited title line (``_titled_boxes``)."""
    return _cited_box(doc, stmt) is not None


def _cited_box(doc: Document, stmt: Statement) -> tuple[int, int] | None:
    """Where in the source the cited box around ``stmt`` lies (``_in_cited_box``), boxes that
    overlap taken together; found by bisection, as a season's page has hundreds."""
    if doc.format != "html":
        return None
    boxes = doc.derived("cited_boxes", lambda: _merged_spans([*doc.derived("report_boxes", lambda: _report_boxes(doc)),
                                                                *doc.derived("titled_boxes", lambda: _titled_boxes(doc))]))
    k = bisect.bisect_right(boxes, (stmt.span.start, math.inf)) - 1
    return boxes[k] if k >= 0 and stmt.span.start < boxes[k][1] else None


def _merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, those that overlap joined into one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _nearest_later(statements: Sequence[Statement], i: int, source: str) -> tuple[Citation | None, int]:
    """The first citation after statement ``i`` in its paragraph, and how many statements on.

    Captions and table rows that a copy split into one paragraph per line still belong
    together while no blank line separates them: a table cited on its last row
    ("Over 8 degrees of latitude  Very large[20]") covers its other rows.
    """
    stmt = statements[i]
    rows = stmt.kind in ("caption", "table")
    if not rows:
        j = _layout(statements).next_cited[i]
        return (None, 0) if j is None else (statements[j].citations[0], j - i)
    previous = stmt
    for j in range(i + 1, len(statements)):
        other = statements[j]
        if other.paragraph != stmt.paragraph or other.kind != stmt.kind:
            if not (rows and _adjacent(source, previous, other)):
                break
        if other.citations:
            return other.citations[0], j - i
        if other.paragraph != stmt.paragraph and other.kind not in ("caption", "table"):
            break
        previous = other
    return None, 0


def _adjacent(source: str, first: Statement, second: Statement) -> bool:
    gap = source[first.span.end:second.span.start]
    return gap.count("\n") <= 1 and not gap.strip()


def _row_cited(statements: Sequence[Statement], i: int) -> bool:
    """An infobox row split into several values ("By race:[6]", "76.5% White", "13.4% Black")
    is cited once for all of them: any cited value of the same row covers the others."""
    stmt = statements[i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(statements) and statements[j].kind == "infobox" and statements[j].section == stmt.section:
            if statements[j].citations:
                return True
            j += step
    return False


def _group_cited(statements: Sequence[Statement], i: int) -> bool:
    """An infobox's rows under a sub-heading row are cited by a citation on that heading
    ("Population (2014)[3]" over "Urban 4,530" and "Metro 363"), as a table by its header row."""
    j = _group_heading(statements, i)
    heading = statements[j] if j >= 0 else None
    return (heading is not None and heading.kind == "infobox" and heading.cited
            and len(heading.text.split()) <= _SUBHEADING_WORDS)


def _group_heading(statements: Sequence[Statement], i: int) -> int:
    """The index of the statement above infobox row ``i``'s group of labelled rows: its
    sub-heading, where it has one; -1 at the document's start."""
    j = i - 1
    while j >= 0 and statements[j].kind == "infobox" and statements[j].section:
        j -= 1
    return j


_SUBHEADING_WORDS = 8  # "Population (2014 (city, settlements))"; a picture's caption says more


def _table_cited(statements: Sequence[Statement], start: int) -> bool:
    """Whether the table whose first cell is ``start`` is cited as a whole: in a cell of its
    first row (the header: "Height[9]"), in its caption, or at the end of the statement that
    introduces it with ":", of its title line or of a statement that names what its header
    lists ("… has four editions: Foundation, Essentials, Standard and Datacenter.[47]" above
    the columns "Foundation", "Essentials", …)."""
    header = statements[start].paragraph
    heads = list(itertools.takewhile(lambda s: s.kind == "table" and s.paragraph == header, statements[start:]))
    if any(cell.cited for cell in heads):
        return True
    before = start - 1
    if before >= 0 and statements[before].kind == "caption":
        if statements[before].cited:
            return True
        before -= 1
    return before >= 0 and _cited_at_end(statements[before]) and (
        _introduces_list(statements[before]) or _titles_table(statements, before)
        or _names_the_heads(statements[before].text, [cell.text for cell in heads[1:]]))


def _names_the_heads(text: str, heads: list[str]) -> bool:
    """Whether ``text`` names every head of a table's columns (but the corner's), two at least:
    it speaks of what the table lists, so its citation is the table's."""
    return len(heads) >= 2 and all(
        head.strip() and re.search(rf"(?<!\w){re.escape(head.strip())}(?!\w)", text) for head in heads)


def _noted_under_sourced_table(statements: Sequence[Statement], i: int, run_starts: list[int]) -> bool:
    """Whether prose statement ``i`` is one of the notes right under a table that open with the
    table's source line ("Source: Southern Football League." over "* Kettering Town deducted 10
    points"), or that open as its notes ("Notes: …" over "Numbers in columns were derived from …
    10 trees") under a table sourced as a whole (``_table_sourced``): the source of the table is
    the source of its notes."""
    start = paragraph_start(statements, i)
    if start == 0 or statements[start - 1].kind != "table":
        return False
    if any(TABLE_SOURCE_LINE.match(stmt.text) for stmt in statements[start:i + 1]):
        return True
    if _NOTES_LINE.match(statements[start].text) is None:
        return False
    return _table_sourced(statements, _table_ending_at(statements, start - 1, run_starts))


def _table_ending_at(statements: Sequence[Statement], last: int, run_starts: list[int]) -> list[Statement]:
    """The cells of the table whose last cell is statement ``last``, within its section."""
    return [cell for cell in statements[run_starts[last]:last + 1] if cell.section == statements[last].section]


# The line that opens a table's notes: "Notes: Names of taxa …", "Note: …".
_NOTES_LINE = re.compile(r"\s*Notes?\s*:")


def _points_to_sourced_table(statements: Sequence[Statement], i: int, run_starts: list[int]) -> bool:
    """Whether prose statement ``i`` says its figures come from the table just above it, with
    at most one paragraph between, and that table is sourced as a whole (``_table_sourced``):
    "In 2016, global production of sugar beets was 277 million tonnes, led by Russia with 19% of
    the world total (table)." under the production table closed by "Source: FAOSTAT[60]". The
    figures are the table's, rounded or as shares, so its source is theirs."""
    text = statements[i].text
    if "table" not in text.lower() or not _POINTS_TO_TABLE.search(text):
        return False  # every pointer names the table
    above = next((k for k in range(i - 1, -1, -1) if statements[k].kind == "table"), None)
    if above is None or statements[i].paragraph - statements[above].paragraph > 2:
        return False
    return _table_sourced(statements, _table_ending_at(statements, above, run_starts))


# A sentence's pointer to a table: "(table)", "(see table)", "(table above)", "are listed in the
# accompanying table", "as shown in the table above".
_POINTS_TO_TABLE = re.compile(
    r"\((?:see\s+)?(?:the\s+)?table(?:\s+above)?\)"
    r"|\b(?:listed|shown|given|summari[sz]ed)\s+in\s+the\s+(?:(?:accompanying|adjacent|above)\s+table|table\s+above)\b", re.I)


def _under_cited_title(statements: Sequence[Statement], i: int, source: str) -> bool:
    """Whether caption ``i`` is a line of a chart's legend set right under the chart's cited
    title line ("Biomass of mammals on Earth[57]" over "Livestock, mostly cattle and pigs (60%)"
    and "Wild animals (4%)"): the title's citation is the chart's, and so its data's."""
    j = i
    while j > 0 and statements[j - 1].kind == "caption" and _adjacent(source, statements[j - 1], statements[j]):
        j -= 1
    if j == 0 or not _adjacent(source, statements[j - 1], statements[j]):
        return False
    return _cited_at_end(statements[j - 1]) and _titles_table(statements, j - 1)


_PAST_TENSE = re.compile(r"\b[a-z]{3,}ed\b")
_TITLE_WORDS = 20


def _titles_table(statements: Sequence[Statement], i: int) -> bool:
    """Whether statement ``i``, right above a table or a chart's legend, is its title line: a
    paragraph of its own that says nothing but names what the table holds ("The various pistols
    in this series with pertinent data.[9]", "Summary of Results of the Search Service
    Investigation[5]"), so its citation is the table's. A sentence that reports ("The team
    finished third.[3]") is not."""
    stmt = statements[i]
    return (stmt.kind == "prose" and _title_line(statements, i)
            and not _FINITE_VERB.search(stmt.text) and not _PAST_TENSE.search(stmt.text))


def _title_line(statements: Sequence[Statement], i: int) -> bool:
    """Whether statement ``i`` is a paragraph of its own, short enough to be a title."""
    return (paragraph_start(statements, i) == i == paragraph_end(statements, i)
            and len(statements[i].text.split()) <= _TITLE_WORDS)


# A statement that says the list after it is what it cites: "The largest communities are listed
# below (all figures are 2007 estimates by the IOM).[13]".
_LIST_BELOW = re.compile(r"\b(?:listed|shown|given|set\s+out|named|ranked)\s+below\b", re.I)


# A sentence that breaks off at its verb for the list below to finish it: "Major applications of
# zinc include (numbers are given for the US)", "The commonly used atmospheres are".
_BREAKING_VERBS = ("include", "includes", "including", "are", "were")
_BREAKS_OFF_AT_VERB = re.compile(rf"\b(?:{'|'.join(_BREAKING_VERBS)})(?:\s*\([^()]*\))?$")


def _introduces_list(stmt: Statement) -> bool:
    """Whether a statement introduces the list after it. Each pattern is searched for only in a text
    with what its matches hold ("below"; a verb or a bracket at the end), which most texts lack."""
    text = stmt.text.rstrip()
    return (text.endswith(":") or "below" in text.lower() and _LIST_BELOW.search(text) is not None
            or text.endswith((*_BREAKING_VERBS, ")")) and _BREAKS_OFF_AT_VERB.search(text) is not None)


def _points_to_the_list(statements: Sequence[Statement], i: int) -> bool:
    """Whether the next sentence of statement ``i``'s paragraph only opens the list after it for
    what ``i`` counts: "… was re-issued with five bonus tracks." "They are:" and the five titles."""
    following = statements[i + 1] if i + 1 < len(statements) else None
    return (following is not None and following.paragraph == statements[i].paragraph
            and _POINTER_TO_LIST.fullmatch(following.text.strip()) is not None)


# "They are:", "These were:", "They include:", "These are as follows:", or broken off at the verb
# for the list to finish, as an introduction may be ("They include" over the items).
_POINTER_TO_LIST = re.compile(r"(?:They|These|Those)\s+(?:are|were|include|included)(?:\s+as\s+follows)?\s*:?")


def _items_after(statements: Sequence[Statement], i: int) -> int:
    """How many list items follow statement ``i`` (an introduction ending ":"): a count of as
    many ("four adjacent unincorporated areas:" and four items) is spelled out by them."""
    j = i + 1
    while j < len(statements) and statements[j].kind == "list" and statements[j].section == statements[i].section:
        j += 1
    return j - i - 1


def _counts_group_heads(statements: Sequence[Statement], i: int, claim: NumericClaim) -> bool:
    """Whether a count is that of the groups whose heads follow statement ``i`` in its section,
    each a line of its own that names what is counted and ends ":", over the list of its items
    if any: "Four public school districts serve Mundelein residents:" over "Mundelein Elementary
    School District 75:" and its schools, "Diamond Lake School District 76:" and its schools, …;
    not "The ambush killed 2 soldiers:" over "Killed:" and "Wounded:"."""
    counted = _counted_words(statements[i], claim)
    if claim.kind != "count" or not counted:
        return False
    heads = 0
    for j in range(i + 1, len(statements)):
        stmt = statements[j]
        if stmt.section != statements[i].section:
            break
        if stmt.kind == "prose":
            if not (stmt.text.rstrip().endswith(":") and _title_line(statements, j) and not _FINITE_VERB.search(stmt.text)
                    and not set(counted).isdisjoint(_naming_words(stmt.text))):
                break  # "Additionally, the following parochial schools are located in Mundelein:" opens another list
            heads += 1
        elif stmt.kind != "list":
            break
    return heads == claim.value


# A numbered head set on a line of its own, the number alone where the reader splits it off
# ("1." over "Genuine dung-breeders") or with the head's few words ("2. Ease of handling").
_NUMBERED_HEAD = re.compile(r"\s*(?P<number>\d{1,2})[.)](?:\s+[^\W\d_][^.:;!?]{0,60})?\s*")


def _numbered_heads_after(statements: Sequence[Statement], i: int) -> int:
    """How many numbered heads, 1, 2, 3 … in order, follow statement ``i`` (an introduction ending
    ":") in its section, each over the text it heads: "8 selection criteria:" over "1. Genuine
    dung-breeders" and its paragraph, … "8. …", set as a definition list that the reader takes
    for prose. 0 where the statement right after is not head 1."""
    heads = 0
    for stmt in statements[i + 1:]:
        if stmt.section != statements[i].section or _introduces_list(stmt):
            break
        head = _NUMBERED_HEAD.fullmatch(stmt.text)
        if head is not None:
            if int(head["number"]) != heads + 1:
                break
            heads += 1
        elif not heads:
            break
    return heads


def _table_after(statements: Sequence[Statement], i: int) -> list[Statement]:
    """The cells of the table right after statement ``i``, in its section or under a heading of
    its own one level down (``_table_rows_after``)."""
    section = statements[i + 1].section if i + 1 < len(statements) else ()
    if section != statements[i].section and section[:-1] != statements[i].section:
        return []
    return list(itertools.takewhile(lambda stmt: stmt.kind == "table" and stmt.section == section, statements[i + 1:]))


def _table_rows_after(statements: Sequence[Statement], i: int) -> set[int]:
    """How many rows the table right after statement ``i`` may hold, with its heading row or
    without: "the following 14 stations:" over a table of a heading and 14 rows counts its
    rows. A row is a paragraph of two cells or more, not a list set inside one cell. The table
    may stand under a heading of its own right after the statement, one level down ("In total, 26
    such games were played:" over "Complete list of neutral-site games"; the lead's "There were
    only five number-one albums in 1984" over the first section's table of the five)."""
    cells: dict[int, int] = {}
    for stmt in _table_after(statements, i):
        cells[stmt.paragraph] = cells.get(stmt.paragraph, 0) + 1
    rows = sum(1 for count in cells.values() if count > 1)
    return {rows, rows - 1} if rows > 1 else set()


def _counts_rows_below(statements: Sequence[Statement], i: int, j: int, claim: NumericClaim) -> bool:
    """Whether a count of prose statement ``i`` is that of the rows of the table right under its
    paragraph, or under the next of its section (the prose ends with statement ``j``), and names
    what the rows are, as their first cells or the table's heads do, maybe inflected: "In
    addition, there are five neighboring public school districts …" over a table of the five,
    each named "… School District" in its first cell; "eight nominations" over eight rows under
    "Nominated work". Or it counts the rows that a cell names so: "three wins" and three rows
    whose result is "Won"; or it counts meetings ("played each other 51 times", "52 games")
    over a table of as many dated rows. The rows are what a reader would check. A count of other things that happens to match the rows ("two new
    libraries" over a table of two districts) does not name them, nor does a span of time
    ("scored after just fifteen seconds")."""
    if not _counts_things(claim):
        return False
    counted = _counted_words(statements[i], claim)
    if claim.value in _table_rows_after(statements, j):
        heads = _table_heads(statements, j + 1)
        if any(_same_stem(word, head) for head in heads for word in counted):
            return True
        if "date" in heads and (claim.noun.lower() in _OCCASIONS or claim.noun.lower() == "times"
                                and _MET_TIMES.search(statements[i].text, 0, claim.start)):
            return True  # "played each other 51 times" over the 51 games, each on its date
    named = _rows_naming(statements, j + 1, counted)
    return named > 0 and claim.value == named


# Counted meetings, which a table of dated rows lists one by one: "52 games", "met 53 times"; a
# count of times only after a verb of meeting ("Missouri won 3 times" counts wins, not the games).
_OCCASIONS = frozenset(("games", "matches", "meetings", "fixtures", "bouts"))
_MET_TIMES = re.compile(r"\b(?:met|meet|meeting|played|play|playing|faced|face|facing)\b(?:\s+(?:each\s+other|one\s+another))?"
                        r"(?:\s+\w+){0,2}\s+$", re.I)


def _same_stem(word: str, other: str) -> bool:
    """Whether two lower-case words share their stem, all but a few last letters of the shorter
    and ``_STEM_LETTERS`` at least: "nomination" and "nominated", not "nominee"; a past tense
    that changes its vowel ("win", "won") is its present's."""
    if _IRREGULAR_PAST.get(word) == other or _IRREGULAR_PAST.get(other) == word:
        return True
    shared = max(_STEM_LETTERS, min(len(word), len(other)) - _ENDING_LETTERS)
    return word[:shared] == other[:shared] if min(len(word), len(other)) >= shared else word == other


_CELL_WORD = re.compile(r"[^\W\d_]+")
_STEM_LETTERS = 6
_ENDING_LETTERS = 3  # "-ion" and "-ed", "-ing" and "-s"
_IRREGULAR_PAST = {"win": "won"}  # an awards table's results: "Won", "Nominated"


def _rows_naming(statements: Sequence[Statement], start: int, counted: list[str]) -> int:
    """How many rows of the table whose first cell is statement ``start`` hold a cell that is
    one of the ``counted`` words alone ("Won" in a results column), when any does."""
    rows: set[int] = set()
    for stmt in statements[start:]:
        if stmt.kind != "table" or stmt.section != statements[start].section:
            break
        cell = stmt.text.strip().lower()
        if _CELL_WORD.fullmatch(cell) and any(_same_stem(word, cell) for word in counted):
            rows.add(stmt.paragraph)
    return len(rows)


def _counts_things(claim: NumericClaim) -> bool:
    """Whether a figure is a count of things, not a span of time ("scored after just fifteen seconds")."""
    return claim.kind == "count" and bool(claim.noun) and claim.noun.split()[0].lower() not in _TIME_NOUNS


def _prose_end_above_table(statements: Sequence[Statement], i: int) -> int | None:
    """The last statement of the prose that statement ``i`` opens, when a table may follow it (at
    most ``_PARAGRAPHS_ABOVE_TABLE`` paragraphs on)."""
    layout = _layout(statements)
    end = layout.prose_ends[i]
    paragraph_end = layout.ends[i]
    for _ in range(_PARAGRAPHS_ABOVE_TABLE - 1):
        if end <= paragraph_end:
            break
        paragraph_end = layout.ends[paragraph_end + 1]
    return end if end <= paragraph_end else None


def _counted_words(stmt: Statement, claim: NumericClaim) -> list[str]:
    """The words that say what a count counts, lower-cased and without a plural's "s"; past an
    "or" or "and" where the words before it name nothing ("seven new or previously published
    creatures" counts creatures; "two dogs and three cats" counts dogs)."""
    phrase = _COUNTED_PHRASE.match(stmt.text, claim.end)
    counted = _naming_words(phrase.group())
    if not counted and (coordinated := _COORDINATED.match(stmt.text, phrase.end())):
        counted = _naming_words(_COUNTED_PHRASE.match(stmt.text, coordinated.end()).group())
    return counted


def _naming_words(phrase: str) -> list[str]:
    """The words of a counted phrase that may name what is counted, lower-cased and singular."""
    words = [word.lower().rstrip("s") for word in phrase.split()]
    return [word for word in words if len(word) > 2 and word not in _NOT_COUNTED_WORDS]


_COORDINATED = re.compile(r"\s+(?:or|and)\b")


def _numbers_rows_below(statements: Sequence[Statement], i: int, j: int, claim: NumericClaim) -> bool:
    """Whether a count of prose statement ``i`` is the last number of the rows of the table right
    under its paragraph (the prose ends with statement ``j``), numbered in turn from 1 in their
    first cells under no head but a mark of numbering ("Cluxton has played 52 senior
    inter-county league games" over a table whose rows run "1" to "52" under "#"), or labelled
    so by what it counts ("The court has had 29 seats" over rows "Seat 1" to "Seat 29"): the
    table lists each of them, as a reader would check.
    Rows numbered as something else ("Week" 1 to 4) do not count "four turnovers"."""
    if not _counts_things(claim) or claim.value is None or claim.value < _NUMBERED_ITEMS or claim.value != int(claim.value):
        return False
    rows = [[cell.text.strip() for cell in row] for _, row in itertools.groupby(
        itertools.takewhile(lambda s: s.kind == "table" and s.section == statements[i].section, statements[j + 1:]),
        lambda cell: cell.paragraph)]
    if claim.value > len(rows):
        return False
    labels = [(m["word"].lower().rstrip("s") if m["word"] else "", int(m["number"])) if m else ("", 0)
              for m in (_ROW_NUMBERING.fullmatch(row[0]) for row in rows)]
    expected = list(range(1, int(claim.value) + 1))
    counted = _counted_words(statements[i], claim)
    numbered = [k for k, label in enumerate(labels) if label[1]]
    if [labels[k] for k in numbered] == [("", number) for number in expected] and 2 * len(numbered) > len(rows):
        # The rows numbered in turn, but for the heads and a row spanning one (a match put off).
        head = rows[0][0]
        return head in _NUMBERING_HEADS or any(_same_stem(word, head.lower().rstrip("s")) for word in counted)
    return any([number for word, number in labels if word == counted_word] == expected for counted_word in counted)


# The head of a column that numbers the rows, and of nothing else.
_NUMBERING_HEADS = frozenset(("#", "No.", "No", "Nr.", "Number", ""))
# A row's label by its number, perhaps after a word for what the row is: "52", "Seat 29".
_ROW_NUMBERING = re.compile(r"(?:(?P<word>[A-Za-z]{3,})\s+)?(?P<number>\d{1,4})")
_PARAGRAPHS_ABOVE_TABLE = 2
# The words after a count, up to the first that ends its noun phrase: "neighboring public school
# districts" (that …); and words that say nothing of what is counted.
_COUNTED_PHRASE = re.compile(r"(?:\s+(?!(?:of|in|on|at|to|for|from|by|with|that|which|who|and|or|not|per|was|were|are|is)\b)[A-Za-z][\w\-]*){0,4}")
_NOT_COUNTED_WORDS = frozenset("the other more than new all share percent cent".split())


def _table_heads(statements: Sequence[Statement], start: int) -> set[str]:
    """The words of the heads of the table whose first cell is statement ``start``, lower-cased
    and without a plural's "s": of the cells of its first row and the first cell of every row."""
    heads: set[str] = set()
    rows: set[int] = set()
    for stmt in statements[start:]:
        if stmt.kind != "table" or stmt.section != statements[start].section:
            break
        if stmt.paragraph == statements[start].paragraph or stmt.paragraph not in rows:
            heads.update(word.rstrip("s") for word in re.findall(r"[a-z][\w\-]*", stmt.text.lower()))
        rows.add(stmt.paragraph)
    return heads


def _tallies_rows_below(statements: Sequence[Statement], i: int) -> int | None:
    """Where the record that statement ``i``, a table's title line (a paragraph, or a row of one
    cell over a table nested in the next), ends on (or is) starts, when it tallies the rows of
    the table below ("PGA Tour playoff record (3–6)" over nine playoffs,
    three won and six lost; a game log's "Record: 2-4; Home: 1-1; Road: 1–3" over six cited games,
    two of them won, or its month's "June: 14–14 (Home: 6–8; Away: 8–6)", ``_record_of_games_below``):
    the rows, not the tally, are what a reader would check."""
    stmt = statements[i]
    if (line := _RECORD_LINE.fullmatch(stmt.text)) is not None:
        return line.start() if _title_line(statements, i) and _record_of_games_below(statements, i, line) else None
    tally = _RECORD_TALLY.search(stmt.text)
    if tally is None or not _title_line(statements, i):
        return None
    total = sum(int(part) for part in tally.groups() if part)
    return tally.start() if total >= 2 and total in _table_rows_after(statements, i) else None


def _record_of_games_below(statements: Sequence[Statement], i: int, line: re.Match[str]) -> bool:
    """Whether a game log's record line gives the wins, losses and ties of the games listed
    under it, one to a row, a citation in their table sourcing them, and its split by where the
    games were played ("Home: 1-1; Road: 1–3") adds up to it. The games end where another record
    line opens the next month's. The rows tell each game's result by a cell written "W 110–104"
    or "L 99–102", or by a running record in their last cell of two numbers ("1–0", "1-1", "1–2",
    …), of which each game adds one to the wins or to the losses (the first game's, not told by
    the record before it, may be either that its record holds)."""
    record = [int(part or 0) for part in line.groups()]
    splits = _RECORD_SPLIT.findall(line.group())
    if splits and [sum(int(split[k] or 0) for split in splits) for k in range(3)] != record:
        return False
    results: dict[int, str] = {}
    running: dict[int, tuple[int, int]] = {}
    sourced = False
    for stmt in _table_after(statements, i):
        if _RECORD_LINE.fullmatch(stmt.text):
            break  # the next month's games, in a table of their own
        sourced = sourced or bool(stmt.citations)
        if stmt.paragraph not in results and (result := _GAME_RESULT.match(stmt.text)) is not None:
            results[stmt.paragraph] = result["result"]
        if (standing := _RUNNING_RECORD.fullmatch(stmt.text)) is not None:
            running[stmt.paragraph] = (int(standing[1]), int(standing[2]))  # the row's last such cell
    if not sourced:
        return False  # the games are no source of their tally where no citation sources them
    if results:
        return [sum(result == kind for result in results.values()) for kind in "WLT"] == record
    standings = list(running.values())
    if len(standings) < 2 or record[2] or any(
            later[0] + later[1] != earlier[0] + earlier[1] + 1 or later[0] < earlier[0] or later[1] < earlier[1]
            for earlier, later in zip(standings, standings[1:])):
        return False
    first, last = standings[0], standings[-1]
    wins, losses = last[0] - first[0], last[1] - first[1]
    return (first[0] >= 1 and record[:2] == [wins + 1, losses]) or (first[1] >= 1 and record[:2] == [wins, losses + 1])


# A record in brackets closing a title line: wins and losses, and ties: "(3–6)", "(12–4–1)"; or a
# game log's line of its month's record, split by where the games were played: "Record: 2-4; Home:
# 1-1; Road: 1–3", "June: 14–14 (Home: 6–8; Away: 8–6)".
_RECORD_TALLY = re.compile(r"\((\d+)\s?[–-]\s?(\d+)(?:\s?[–-]\s?(\d+))?\)\s*$")
_GAME_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_RECORD_LINE = re.compile(rf"\s*(?:Record|{_GAME_MONTH}(?:/{_GAME_MONTH})?)"
                          r":\s*(\d+)\s?[–-]\s?(\d+)(?:\s?[–-]\s?(\d+))?"
                          r"(?:\s*[;(]\s*(?:Home|Road|Away|Neutral):\s*\d+\s?[–-]\s?\d+(?:\s?[–-]\s?\d+)?)*\)?\s*")
_RECORD_SPLIT = re.compile(r"(?:Home|Road|Away|Neutral):\s*(\d+)\s?[–-]\s?(\d+)(?:\s?[–-]\s?(\d+))?")
# A game's result as a game log's cell gives it: "W 110–104", "L 99–102 (OT)"; and the record a
# game log's row has reached: "1–0", "12-9".
_GAME_RESULT = re.compile(r"\s*(?P<result>[WLT])\s+\d")
_RUNNING_RECORD = re.compile(r"\s*(\d{1,3})\s?[–-]\s?(\d{1,3})\s*")


def _row_ranges(statements: Sequence[Statement], i: int) -> list[tuple[int, int]]:
    """The ranges of numbers that other cells of the row of cell ``i`` hold alone: a bus fleet's
    series ("140-169"), a run of serials."""
    ranges = []
    for k in range(paragraph_start(statements, i), paragraph_end(statements, i) + 1):
        span = _NUMBER_RANGE.fullmatch(statements[k].text.strip()) if k != i else None
        low, high = (int(span["low"]), int(span["high"])) if span else (0, 0)
        if low < high and not (_YEARS[0] <= low and high <= _YEARS[1]):
            ranges.append((low, high))  # not a span of years ("1891–1919"), which numbers nothing
    return ranges


def _in_row_range(claim: NumericClaim, ranges: list[tuple[int, int]]) -> bool:
    """Whether a whole number in a cell is one of a range another cell of its row holds alone
    ("140-143 145-153 155-169 wrap for RT", "365 remains" beside the series "340-366"): the cell
    names members of the row's series by their numbers, it counts nothing."""
    if claim.kind != "count" or claim.value is None or claim.value != int(claim.value):
        return False
    return any(low <= claim.value <= high for low, high in ranges)


# A span of time in years and days, or in days: "69 years, 349 days", "5,615 days"; and a cell that is
# one, perhaps with the other in brackets ("34,088 days (93 years, 120 days)"), as lists of
# office-holders give ages and terms.
_SPAN = r"(?:(\d{1,3})\s+years?,?\s+(?:and\s+)?(\d{1,3})\s+days?|(\d{1,3}(?:,\d{3})+|\d{1,6})\s+days?)"
_SPAN_OF_TIME = re.compile(_SPAN)
_SPAN_CELL = re.compile(rf"\s*{_SPAN}(?:\s*\({_SPAN}\))?\s*")


def _reckoned_from_row_dates(statements: Sequence[Statement], i: int) -> bool:
    """Whether table cell ``i`` is a span of time ("69 years, 349 days", "5,615 days") that is
    exactly the time between two dates given in other cells of its row (a president's age at
    inauguration, from his birth and inauguration dates), or the time from a date of its row to a
    day that a span of another row reaches from a date of that row too (a living person's age,
    which the page works out to the day it is read: "30,709 days (84 years, 28 days)" beside "21
    May 1930", as "27,356 days (74 years, 327 days)" beside "26 July 1939"; not two rows with the
    same date and span): a routine calculation, which needs no source of its own. A span that no
    two dates give is a figure like any other."""
    text = statements[i].text
    if _SPAN_CELL.fullmatch(text) is None:
        return False
    dates = _row_days(statements, i)
    pairs = list(itertools.combinations(dates, 2))
    if all(any(_span_between(earlier, later) == (int(years), int(days)) if years
               else (later - earlier).days == int(total.replace(",", "")) for earlier, later in pairs)
           for years, days, total in _SPAN_OF_TIME.findall(text)):
        return True
    reached = _days_reached(text, dates)
    if not reached:
        return False
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(statements) and statements[k].kind == "table" and statements[k].section == statements[i].section:
            if statements[k].paragraph != statements[i].paragraph and _SPAN_CELL.fullmatch(statements[k].text):
                other = _days_reached(statements[k].text, _row_days(statements, k))
                if any(end == reached_end and start != other_start
                       for start, end in reached.items() for other_start, reached_end in other.items()):
                    return True  # one day reached from two dates: not two rows alike
            k += step
    return False


def _row_days(statements: Sequence[Statement], i: int) -> list[date]:
    """The days that the other cells of cell ``i``'s row give, in order."""
    return sorted({found.date.earliest() for k in range(paragraph_start(statements, i), paragraph_end(statements, i) + 1)
                   if k != i for found in find_dates(statements[k].text) if found.date.precision == "day"})


def _days_reached(text: str, dates: list[date]) -> dict[date, date]:
    """The day that every span of ``text`` reaches from each of ``dates`` that they agree on,
    by that date; a span longer than a lifetime is no age or term."""
    spans = _SPAN_OF_TIME.findall(text)
    if any(int(years or 0) > _LONGEST_SPAN_YEARS or int(total.replace(",", "") or 0) > _LONGEST_SPAN_YEARS * 366
           for years, _, total in spans):
        return {}
    reached = {}
    for start in dates:
        ends = {_anniversary(start, int(years)) + timedelta(days=int(days)) if years
                else start + timedelta(days=int(total.replace(",", ""))) for years, days, total in spans}
        if len(ends) == 1:
            reached[start] = ends.pop()
    return reached


_LONGEST_SPAN_YEARS = 150


def _span_between(earlier: date, later: date) -> tuple[int, int]:
    """Whole years and the days left over from ``earlier`` to ``later``, as an age is told."""
    years = later.year - earlier.year - ((later.month, later.day) < (earlier.month, earlier.day))
    return years, (later - _anniversary(earlier, years)).days


def _anniversary(start: date, years: int) -> date:
    """The day ``years`` whole years after ``start``; the birthday of one born on 29 February is
    taken as 1 March in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 3, 1)


_YEARS = (1000, 2100)
# A cell that holds a range of numbers alone: "140-169", "6302–6338".
_NUMBER_RANGE = re.compile(r"(?P<low>\d{2,6})\s?[-–]\s?(?P<high>\d{2,6})")


# The number a list item opens with: "1 Plates did not use the letters D, T, X, or Z …".
_ITEM_NUMBER = re.compile(r"\s*(\d{1,3})(?![\d.,:/–-])")
_NUMBERED_ITEMS = 3


def _numbered_lists(statements: Sequence[Statement], run_starts: list[int]) -> frozenset[int]:
    """Where the lists start whose items open with their numbers in turn, 1, 2, 3 … (a table's
    notes "1 Plates did not use …", "2 Plates did not use …" that its cells point to by number):
    there each opening number is the item's label, not a count."""
    openings: dict[int, list[int | None]] = {}
    for i, stmt in enumerate(statements):
        if stmt.kind != "list" or (i > run_starts[i] and statements[i - 1].paragraph == stmt.paragraph):
            continue  # one number per item, at its first statement
        number = _ITEM_NUMBER.match(stmt.text)
        openings.setdefault(run_starts[i], []).append(int(number.group(1)) if number else None)
    return frozenset(start for start, numbers in openings.items()
                     if len(numbers) >= _NUMBERED_ITEMS and numbers == list(range(1, len(numbers) + 1)))


def _list_run_starts(doc: Document) -> list[int]:
    """For each statement, where the run of list items or table cells it belongs to starts
    (itself when it is neither): found once, so a long list costs no walk back per item. Two
    tables set one right under the other are two runs: an outermost table ends between them
    (``_table_ends``); a table nested in a cell (a roster's columns) is part of its table."""
    statements = doc.statements
    starts: list[int] = []
    ends = _outermost_table_ends(doc) if any(stmt.kind == "table" for stmt in statements) else []
    for i, stmt in enumerate(statements):
        in_run = stmt.kind in ("list", "table") and i > 0 and statements[i - 1].kind == stmt.kind
        if in_run and stmt.kind == "table":
            after = bisect.bisect_right(ends, statements[i - 1].span.end)
            in_run = after == len(ends) or ends[after] >= stmt.span.start
        starts.append(starts[i - 1] if in_run else i)
    return starts


# A rendered table's start or end, or a heading; a wikitext table's opening or closing line
# ("{|", "|}"; not "|}}", a template closed at a line's start), or a heading line.
_HTML_TABLE_TAG = re.compile(r"<(?:(?P<end>/)table\s*>|(?P<start>table\b[^<>]*)>|(?P<heading>h[1-6])\b)", re.I)
# A line of wikitext that opens or closes a table or is a heading, searched for in the source after
# a line break, which starts every line, so that a match starts where its line does in the source.
_WIKI_TABLE_LINE = re.compile(r"\n[ \t]*(?:(?P<start>\{\|.*)|(?P<end>\|\})(?!\})|(?P<heading>=))")
# A table that only lays others out side by side ({{col-begin}}, a multi-column layout).
_LAYOUT_TABLE = re.compile(r"""role\s*=\s*["']?presentation|multicol""", re.I)


def _outermost_table_ends(doc: Document) -> list[int]:
    """``_table_ends`` of the document's source, found once for the runs and the boxes."""
    return doc.derived("table_ends", lambda: _table_ends(doc.source, doc.format))


def _table_ends(source: str, fmt: str) -> list[int]:
    """Where each outermost table of a rendered page or of wikitext ends, in order: the ends of
    tables nested in another's cells are left out, a layout table holds tables without being one,
    and a heading closes what a table closed by a template ("{{end}}") left open."""
    if fmt == "html":
        tags = _HTML_TABLE_TAG.finditer(source)
    elif fmt == "wikitext":
        tags = _WIKI_TABLE_LINE.finditer("\n" + source)
    else:
        return []
    ends: list[int] = []
    tables: list[bool] = []  # each open table: whether it is a table of data, not of layout
    data_tables = 0
    for tag in tags:
        if tag["heading"]:
            tables.clear()
            data_tables = 0
        elif tag["start"] is not None:
            data = _LAYOUT_TABLE.search(tag["start"]) is None
            tables.append(data)
            data_tables += data
        elif tables and tables.pop():
            data_tables -= 1
            if not data_tables:
                ends.append(tag.start())
    return ends


# A summary line that counts a streak of a table's entries, from the first to the last:
# "Most consecutive cuts made – 4 (2013 Masters - 2013 PGA, current)".
_STREAK_LINE = re.compile(
    r"\s*[A-Z](?:(?!\s[–—-]\s).){2,60}?\s[–—-]\s*(?P<count>\d{1,2})\s*\([^()–—-]+\s[–—-]\s[^()]+\)\s*")


def _seasons_listed_below(statements: Sequence[Statement], i: int, claim: NumericClaim) -> bool:
    """Whether the list item right after item ``i`` (in its section; a list nested under it
    reads as the next item) gives nothing but the seasons its count tallies ("English Champions
    titles: 6" over "1989/90*, 1996/97**, …")."""
    if i + 1 >= len(statements):
        return False
    below = statements[i + 1]
    return (below.kind == "list" and below.section == statements[i].section
            and tallies_listed_seasons(claim, below.text))


def _streak_under_table(statements: Sequence[Statement], i: int, claim: NumericClaim) -> bool:
    """Whether list item ``i`` is a summary line right under a table that counts a run of the
    table's entries, named by its first and last ("Longest streak of top-10s – 3 (2010 U.S.
    Open – 2010 PGA)" under a results timeline): it is read off the table, as the table's cells are."""
    line = _STREAK_LINE.fullmatch(statements[i].text)
    if line is None or claim.start != line.start("count") or claim.noun:
        return False
    j = i
    while j > 0 and statements[j - 1].kind == "list" and statements[j - 1].section == statements[i].section:
        j -= 1
    return j > 0 and statements[j - 1].kind == "table" and statements[j - 1].section == statements[i].section


def _covered_by_list_context(doc: Document, i: int, run_starts: list[int], closed_lists: dict[int, bool]) -> bool:
    """An introduction ending ":" is supported by its cited list items, a list item by its
    cited introduction ("Losses reported by the ministry:[4]" then "• 200 tanks") or cited title
    (``_cited_list_title``) or by the
    citation that closes its list (``_list_cited_at_close``), a cited source line that does
    (``_closed_by_source_line``) or markers standing alone under it (``_cited_under_list``), an
    infobox value by a citation elsewhere in the same infobox row or on the sub-heading row
    its group stands under, or by markers standing alone under its box (``_cited_under_box``),
    and a table cell by a
    citation of the table's header row, of its caption or of its introduction ending ":", or
    by a cited source row closing the table or a source line right under it ("Source:.[4]");
    and a paragraph right after a cited statement ending ":" (a block quotation) by its
    introduction's citation; list items and table cells, also by a cited sentence before them in
    their section that names the source of what follows, and any statement by the sentence
    opening its section that names the source of all the section's data (``_under_named_source``)."""
    statements, source = doc.statements, doc.source
    stmt = statements[i]
    if _under_named_source(doc, stmt):
        return True
    if stmt.kind == "infobox" and (stmt.section and (_row_cited(statements, i) or _group_cited(statements, i))
                                   or _cited_under_box(doc, i)):
        return True
    if stmt.kind == "table":
        return _table_cited(statements, run_starts[i]) or _in_sourced_table(doc, run_starts, stmt)
    if _introduces_list(stmt):
        return any(item.citations for item in statements[i + 1:i + 1 + _items_after(statements, i)])
    if stmt.kind == "prose":
        return (_quoted_after_cited_introduction(statements, i, source)
                or _quoted_before_cited_attribution(statements, i, source))
    if stmt.kind != "list":
        return False
    start = run_starts[i]
    if start not in closed_lists:  # judged once per list, not once per item
        closed_lists[start] = (_list_cited_at_close(statements, start) or _closed_by_source_line(statements, start)
                               or _cited_under_list(doc, start))
    if closed_lists[start] or _sentence_cited_at_close(statements, i):
        return True
    j = run_starts[i] - 1
    if j >= 0 and statements[j].kind == "table" and (k := run_starts[j] - 1) >= 0 and _LIST_BELOW.search(statements[k].text):
        j = k  # a table set beside the text between "… listed below.[13]" and its list
    return j >= 0 and (_introduces_list(statements[j]) and statements[j].cited or _cited_list_title(statements, j))


def _cited_list_title(statements: Sequence[Statement], i: int) -> bool:
    """Whether statement ``i``, right above a list of its section, is the list's title, cited: a
    paragraph of a few capitalised words and its markers ("League Leaders[5]" over "Steve Van Buren
    leads Rushing Touchdowns with 11"), whose source is the list's. A sentence is no title, nor is a
    line that names what it credits ("Source: Billboard[1]", "Photo Credit: Reuters[1]"), whose
    citation is for what stands above it."""
    words = statements[i].text.split()
    return (statements[i].kind == "prose" and _cited_at_end(statements[i]) and _title_line(statements, i)
            and statements[i + 1].section == statements[i].section and ":" not in statements[i].text
            and len(words) <= _LIST_TITLE_WORDS and all(word[:1].isupper() for word in words))


_LIST_TITLE_WORDS = 4


# A sentence naming the source of the records, figures or list that follow it: "The following
# records are taken from Queensland Rugby League's official website and are correct as of the
# end of the 2012 season.[8]", "The following list of records is compiled from …[2]"; not "The
# following players were taken from other clubs" (a draft), nor "items were obtained from the wreck".
_TAKEN = r"(?:taken|compiled|drawn|derived|obtained|extracted|sourced|adapted|reproduced)"  # … from a source
_SOURCE_OF_WHAT_FOLLOWS = re.compile(
    r"\s*The\s+following\s+(?:(?:list|table)\s+of\s+)?(?:[a-z]+\s+)?"
    r"(?:records|statistics|stats|figures|data|results|lists?|tables?|standings|rankings)\s+(?:is|are|was|were)\s+"
    rf"{_TAKEN}\s+from\b")


# A sentence giving the source of all its section's data, but for what says otherwise: "The
# following demographic statistics are from the CIA World Factbook, unless otherwise indicated.",
# "Land areas and population estimates are taken from The 2008 World Factbook …, unless otherwise
# noted", "Demographic statistics according to the CIA World Factbook, unless otherwise
# indicated"; the source named with a capital, and the data the sentence's subject (not "All
# values, unless otherwise stated, are in US dollars").
_SOURCE_OF_SECTION = re.compile(
    r"\s*(?:The\s+following\s+)?(?:[\w-]+\s+){0,4}?(?:statistics|data|figures|estimates)\s+"
    rf"(?:(?:is|are|was|were)\s+)?(?:{_TAKEN}\s+)?"
    r"(?:from|according\s+to)\s+(?:the\s+)?(?P<source>(?-i:[A-Z0-9])[^;]{0,120}?),?\s+"
    r"unless\s+otherwise\s+(?:noted|indicated|stated|specified|mentioned)\b",
    re.I)
# What the words after "from" are when they name no source: a time ("Data from 2010", "from
# January 2020", "from FY2019"; not "the 2010 census", "The 2008 World Factbook"), a season, a
# scope ("from England and Wales only"), or the start of a clause on units ("Figures from Germany
# and France are in euros").
_NO_SOURCE = re.compile(
    rf"\b(?:is|are|was|were|only|season)\b|^(?:{_GAME_MONTH}\b|FY|Q[1-4]\b"
    r"|\d{4}\b(?!\s+(?:census|survey|report|yearbook|edition|study)\b|(?-i:\s+[A-Z])))", re.I)


def _sources_its_section(statements: Sequence[Statement], stmt: Statement) -> bool:
    """Whether a statement opens its section and gives a named source for all the section's
    data but what says otherwise (``_SOURCE_OF_SECTION``, ``_NO_SOURCE``)."""
    found = _SOURCE_OF_SECTION.match(stmt.text)
    return (found is not None and _NO_SOURCE.search(found.group("source")) is None
            and (stmt.index == 0 or statements[stmt.index - 1].section != stmt.section))


def _under_named_source(doc: Document, stmt: Statement) -> bool:
    """Whether a list item or table cell stands after a cited sentence of its section that names
    the source of what follows ("The following records are taken from …[8]" over the lists of
    records, under their heads "Most games", "Most tries"), with nothing but such heads
    (``_group_head``), lists and tables between: a paragraph of prose ends what the sentence sources.
    Or whether any statement stands after the sentence opening its section (or a section it is
    under) that gives a named source for all the section's data but what says otherwise
    (``_sources_its_section``: "… are from the CIA World Factbook, unless otherwise indicated"),
    cited or not: the page names the source of every figure there."""
    def sourced_runs() -> list[tuple[int, int]]:
        runs = []
        statements = doc.statements
        for s in statements:
            if s.kind != "prose":
                continue
            if _sources_its_section(statements, s):
                depth = len(s.section)
                end = s.index + 1
                while end < len(statements) and statements[end].section[:depth] == s.section and (
                        depth or not statements[end].section):  # the lead's sentence sources the lead only
                    end += 1
                runs.append((s.index, end))
            elif s.citations and _SOURCE_OF_WHAT_FOLLOWS.match(s.text):
                end = s.index + 1
                while end < len(statements) and statements[end].section == s.section and (
                        statements[end].kind in ("list", "table") or _group_head(statements[end])):
                    end += 1
                runs.append((s.index, end))
        return runs
    return any(start < stmt.index < end for start, end in doc.derived("sources_of_what_follows", sourced_runs))


def _cited_under_box(doc: Document, i: int) -> bool:
    """Whether infobox statement ``i`` stands in a box (a game's summary) cited by markers standing
    alone under it, past its closing tag: "Game attendance: 66,973", the box's end, then a
    paragraph holding only "[3]". The reader gives the markers to the box's last statement."""
    statements = doc.statements
    ends = _outermost_table_ends(doc)
    after = bisect.bisect_right(ends, statements[i].span.start)
    if after == len(ends):
        return False
    end = ends[after]
    last = i
    while last + 1 < len(statements) and statements[last + 1].kind == "infobox" and statements[last + 1].span.start < end:
        last += 1
    return any(citation.span.start > end for citation in statements[last].citations)


def _list_cited_at_close(statements: Sequence[Statement], start: int) -> bool:
    """Whether the list starting at ``start``, short items of one statement each, is cited once
    at its close: only its last item carries a citation, at its end ("Each half of a flag depicts
    5 knots", "Each full flag depicts 10 knots", "Each pennant depicts 50 knots.[22]"). A list
    whose items cite their own sources leaves an uncited one uncited, and so does a list of
    dated events ("In 1988, … 20 tonnes", "In 1993, …[25]"): each event has a source of its own."""
    items = statements[start:_list_end(statements, start) + 1]
    return (len(items) >= 2 and _cited_at_end(items[-1])
            and not any(item.citations or _YEAR.search(item.text) for item in items[:-1])
            and len({item.paragraph for item in items}) == len(items))


def _sentence_cited_at_close(statements: Sequence[Statement], i: int) -> bool:
    """Whether list item ``i`` is part of one sentence run over its list's items, each ending
    ";", that the first item with a citation closes with it: "* Support for 767 microfinance
    organizations;" … "* Training for 43,124 members of staff;[6]". Not where the item ends a
    sentence of its own, nor over dated events, each with a source of its own."""
    for j in range(i, _list_end(statements, i) + 1):
        item = statements[j]
        if _YEAR.search(item.text):
            return False
        if item.citations:
            return j > i and _cited_at_end(item)
        if not item.text.rstrip().endswith(";"):
            return False
    return False


def _list_end(statements: Sequence[Statement], start: int) -> int:
    """The last item of the list starting at ``start``: list items of its section that follow on."""
    end = start
    while end + 1 < len(statements) and statements[end + 1].kind == "list" \
            and statements[end + 1].section == statements[start].section:
        end += 1
    return end


_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_LIST_CLOSE = re.compile(r"</[uo]l\s*>", re.I)


def _cited_under_list(doc: Document, start: int) -> bool:
    """Whether a rendered page's list starting at ``start`` is cited by markers standing alone
    under it, past the list's closing tag, where no item cites a source of its own: "Fastest
    player to reach 2,000 rushing yards- 18 GP" … and a paragraph holding only "[11]" after the
    list. The reader gives the markers to the last item; the editor put them under the list."""
    if doc.format != "html":
        return False
    statements = doc.statements
    end = _list_end(statements, start)
    last = statements[end]
    return (bool(last.citations) and not any(item.citations for item in statements[start:end])
            and all(_LIST_CLOSE.search(doc.source, last.span.start, citation.span.start) for citation in last.citations))


def _closed_by_source_line(statements: Sequence[Statement], start: int) -> bool:
    """Whether the list starting at ``start`` ends, under the short heads of its groups, with a
    cited source line as its last item: "Black Protestant - 2.0%" … "Other religions" … "Other
    Faiths - 2.0%", "Source:[8]". The line names the source of every item above it, as one under a
    table does, whatever the items cite of their own."""
    section = statements[start].section
    end = start
    for k in range(start, len(statements)):
        stmt = statements[k]
        if stmt.section != section:
            break
        if stmt.kind == "list":
            end = k
        elif not _group_head(stmt):
            break  # a sentence ends the list ("These older figures are disputed."); a head goes on
    return TABLE_SOURCE_LINE.match(statements[end].text) is not None and _cited_at_end(statements[end])


_GROUP_HEAD_CHARS = 40  # "Other religions": a head over a list's next group, no sentence


def _group_head(stmt: Statement) -> bool:
    """Whether a statement is a short head over a list's next group, no sentence: "Other
    religions", "Most points by a player in a season"."""
    return (stmt.kind == "prose" and len(stmt.text) <= _GROUP_HEAD_CHARS and not stmt.citations
            and not stmt.text.rstrip().endswith((".", "!", "?")) and not find_numeric_claims(stmt.text))


_MARKUP = re.compile(r"<[^<>]*>")


def _quoted_after_cited_introduction(statements: Sequence[Statement], i: int, source: str) -> bool:
    """Whether the paragraph of statement ``i`` follows right after a cited statement of its
    section that ends ":" ("Karl Pearson[4] … states:" and the block quotation under it): the
    citation introduces what follows as the source's, as it does a list. An introduction that
    names the quoted text's source by its day does as a citation would ("as the following
    quotation from the obituary from The Times of 24 January 1887 … shows:"). A table or
    anything else between them is what the introduction introduced."""
    first = paragraph_start(statements, i)
    if first == 0:
        return False
    before = statements[first - 1]
    if not (before.kind == "prose" and before.section == statements[i].section
            and before.text.rstrip().endswith(":") and (before.cited or _names_dated_source(before.text))):
        return False
    return _nothing_between(source, before, statements[first])


# What an introduction says of the text it quotes: "the following quotation from the obituary".
_QUOTES_A_SOURCE = re.compile(r"\b(?:quot(?:ation|ed|es?)|obituary|wrote|writes|editorial|reported|reports)\b", re.I)


def _names_dated_source(text: str) -> bool:
    """Whether an introduction says it quotes a source that it names and dates to the day: "the
    obituary from The Times of 24 January 1887"; not the day of the words ("On 14 July 1905, the
    owner was quoted as saying:", "It was reported on 9 August 1912 that:")."""
    return _QUOTES_A_SOURCE.search(text) is not None and any(
        date.date.day is not None and _DATED_NAME_BEFORE.search(text, max(0, date.start - 80), date.start)
        for date in find_dates(text))


# A publication's name, then the word that dates it: "The Times of ", "the Gazette dated ".
_DATED_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}\s+(?:of|dated)\s+$")


def _nothing_between(source: str, first: Statement, second: Statement) -> bool:
    """Whether only markup, and little of it, stands between two statements in the source."""
    between = source[first.span.end:second.span.start]
    return len(between) < 300 and not _MARKUP.sub("", between).strip()


# The line under a quotation that names whose words they are: "— Kurz et al.[88]" (the dash
# also as a copy's mojibake), or a quotation box's source on a line of its own ("WWF Living
# Planet Report[94]").
_ATTRIBUTION_DASH = re.compile("\\s*(?:[\u2014\u2013\u2015~-]|\u00e2\u0080[\u0093\u0094\u0095])")
_ATTRIBUTION_NAME = re.compile(r"(?:[A-Z][\w'’&.-]*|of|the|and|for|on|in|et|al\.)(?:\s+(?:[A-Z][\w'’&.-]*|of|the|and|for|on|in|et|al\.)){0,7}")


def _quoted_before_cited_attribution(statements: Sequence[Statement], i: int, source: str) -> bool:
    """Whether the paragraph of statement ``i``, with no citation of its own, stands right above
    a cited line that attributes it: a block quotation and its "— Kurz et al.[88]", a quotation
    box and its source's name. The citation on the attribution is the quotation's."""
    first, end = paragraph_start(statements, i), paragraph_end(statements, i)
    if end + 1 >= len(statements) or any(s.citations for s in statements[first:end + 1]):
        return False
    after = statements[end + 1]
    if not (after.kind == "prose" and after.section == statements[i].section and after.citations
            and _cited_at_end(after) and (end + 2 >= len(statements) or statements[end + 2].paragraph != after.paragraph)):
        return False
    text = after.text.strip()
    dashed = _ATTRIBUTION_DASH.match(text)
    named = text[dashed.end():].strip() if dashed else text
    # Without a dash, a name ends without a full stop: "Cited paragraph." is a sentence.
    name_only = _ATTRIBUTION_NAME.fullmatch(named) and not (named.endswith(".") and not named.endswith("al."))
    if not (dashed or name_only) or len(named.split()) > 8 or find_numeric_claims(named):
        return False
    return _nothing_between(source, statements[end], after)


class UncitedNumericClaim(Rule):
    """A figure with no citation anywhere after it in its paragraph.

    Flags a statement (prose sentence, list item, infobox row, table cell or caption; not a
    heading, nor a table's header cell, which names a column or a row) that states a quantity
    as fact — "1,166 servicemen", "22.8%", "US$2 billion", "six hundred", "a dozen" — when no
    citation marker follows the figure anywhere in its paragraph. Dates, years, times,
    ordinals ("4th Army Corps"), model designations (T-72, S-300, 9K33, COVID-19), page,
    section and list numbers, regulations ("21 CFR 829"), atomic numbers ("element 72"), a
    circuit's turns ("turn nine"), a right angle, a half or a full turn ("the full 360
    degrees"), the figure in a name ("the indoor 5000 m", "Legends Under 45
    Doubles", "Women's 500 metres", a tie played "over two legs", "Three Rivers Stadium", a pool or a heat by its
    number: "Pool 1 winners", the number of a name the text defines with a short form: "MD 144
    begins …" after "Maryland Route 144 (MD 144)"), a flight by its airline and number ("Air
    France — 193"), a bus service by its number ("Glasgow Shuttle bus service 500"; not "the
    bus service 24 hours a day"), and a count whose members its sentence names ("two songs, … "Tura Lura
    Lural" … and "Caravan"") are not figures (what is a figure is decided in
    ``citecheck.parsers.numbers``), nor are a roster's shirt numbers ("10 Jerry Colquitt" beside
    other numbered names), a list item or a table cell that is nothing but a title a number word
    opens ("Four Corners", "Six Characters in Search of an Author"), a table cell that is the
    title of a list of works in title case ("90 Albums of the 90s", "The 50 Coolest Records of
    All Time"), the length of a
    picture's scale bar ("Scale bars indicate 100 nm"), a count of the things the article sets
    out under headings that number them ("his two laws" over "First law" and "Second law") and
    a small count in words that a list item's verbless gloss defines its thing by ("… –
    Point-contact transistor having two emitters"), nor an infobox value that sends the
    reader on to the list or the text that gives it ("87 (List of episodes)", "About
    100–250, see text"), nor a list's line about its own criteria ("Notes: This list is
    restricted to shaking tables bigger than 2m by 2m"), an article's count of its own tables or
    lists ("This article comprises three sortable tables of …") or the scope of a box's data ("French
    Land Register data, which excludes lakes, ponds, glaciers > 1 km²"), nor a numbered range of
    bodies that members are drawn from, one from each, and the count its size gives ("3
    domestic league third-placed teams from associations 7–9"; not "3 goals in rounds 7–9").
    A caption without a verb describes its
    picture: only its figures that report the world count there (shares, money, counts in the
    thousands, counts of people, any figure of a caption that names a year: "Over 1 million
    visitors at the Taste of the Danforth", not "A hailstone about 6 centimetres in diameter"),
    and not a small count in words, which names what the picture shows ("a dog nursing her
    four puppies"), nor any count of a numbered figure's legend or of a drawing's caption
    ("Diagram showing … an altitude of 10,180 feet"); a caption that asserts ("Schumacher has won seven titles") is read as
    prose, but not one whose only verb points at the picture ("two flags can be seen"). Nor is a figure inside a quotation (someone's words, a title, a nickname) unless it
    counts people: the quotation's source is what it needs. A citation before a figure covers it
    only where the sentence opens by naming and citing the source it then reports ("According
    to company legend,[7] …", "Kunz et al.[50] found that more than 60% …", "A Harvard study[101] in
    2010 involving over one million people … found", "It was shown[112] that …", "One source[13] says",
    "Ghosh, Mason and Spriggs[8] analysed 53 samples", "In some studies,[7] this has resulted in …",
    "A report by Penny Edwards … in 2007[14] revealed that 23 species …", an infobox row's "(All
    from[1] Bobsleigh: 1,450 m …").
    The rest of a paragraph that opens so and goes back to that source ("The study concluded
    that …"), with no other citation, is the source's account and covered by it too ("Twelve of
    the forty-one cases revealed malignant cells"). A count that the sentence before or after
    restates, of the same thing, with a citation after it there, is covered ("in only eight
    events" beside "He played in eight events …[6]"). A figure whose only citation is in a later
    sentence of the paragraph is CC102 instead.

    Vague quantities ("hundreds", "dozens", "several") are not reported unless the option
    ``vague`` is set; they are then reported at info severity, and only for statements with
    no precise figure. Statements already tagged [citation needed] are left to CC103, and a
    plot, synopsis or episode summaries section, which the work it retells sources, is not read,
    nor a cast list's
    credit of a part ("Joon Park as Kakkoi Teppodama, … for a million dollars") or what stands
    under a character's heading below a cast or characters section (not one that tells of the
    world, "Casting"), which the work describes, nor an episode
    list's summary of an episode (a rendered page's summary cell), nor a section
    whose heading, or a heading above it, carries a citation ("2013 True Market Study
    Results[3]": the source of all it holds), nor is a table
    or list of someone's works (Filmography, Discography, Credits, Roles), whose titles, roles
    and episode credits the works show ("3×3 Eyes (Pai)"), nor an item of a record's Personnel,
    in a list or a table's columns, that credits a player with a part and its tracks ("Zeena
    Parkins – harp arrangement (3-5, 8, 9, 12)", "Seven Morris - Choir, Chorus"; not "1,200 sworn
    officers"); their prose is. A list
    item under a cited introduction ending with ":" or saying the list is "listed below", or under
    its cited title line ("League Leaders[5]"), counts as cited (also past a table set beside the
    text), and so do the lists and tables of a section
    after a cited sentence naming the source of what follows ("The following records are taken
    from …[8]"), and so does every statement of a section, its sub-sections' too, after a sentence
    giving a named source for all its data but what says otherwise ("The following demographic
    statistics are from the CIA World Factbook, unless otherwise indicated."; the lead's, for the
    lead only), and so does an item of a list of short
    undated items cited once, at its last item ("Each pennant depicts 50 knots.[22]"), or an
    undated item of one sentence run over items ending ";" that a cited item closes ("* Support
    for 767 microfinance organizations;" … "* Training for 43,124 members of staff;[6]"), or, on a
    rendered page, by markers standing alone under the list where no item cites its own, and the paragraph right under an
    introduction ending ":" (a block quotation: "Pearson[4] … states:"; or one naming the
    quoted source by its day: "… the obituary from The Times of 24 January 1887 … shows:") or
    right above a cited line that attributes it ("— Kurz et al.[88]", a quotation box's "WWF Living Planet
    Report[94]"), when it has no citation of its own; a count in an
    introduction ending ":" that as many list items under it spell out is checked by them
    ("four adjacent unincorporated areas:" and four items; also a count in the sentence before
    a "They are:", "… with five bonus tracks. They are:" and five titles), or as many numbered heads right
    under it ("8 selection criteria:" over "1. Genuine dung-breeders" … "8. …") or the rows
    of a table under a heading of its own right after it ("In total, 26 such games were
    played:"), and so is a count that the rows of
    a table right under its paragraph, or under the next, spell out, where the table's heads
    name what it counts ("five neighboring public school districts" over a table of five
    districts) or where it counts meetings over as many dated rows ("played each other 51
    times", not "won 3 times"); a table cell that is the span of time between two dates of its row (an age at
    inauguration beside the birth and inauguration dates, "69 years, 349 days"), or from a date
    of its row to the day that a span of another row reaches too (a living person's age, "84
    years, 28 days" beside "21 May 1930"; no longer than a lifetime), is a routine calculation; an
    introduction whose list items are cited, an infobox value whose row carries a
    citation on another of its values ("Ethnic groups: By race:[6] 76.5% White …") or whose box
    (a game's summary) has markers standing alone under it ("[3]" after the box), and a
    table cell whose row is cited in a later cell, in an earlier cell that names the row ("The
    Moon & Antarctica (Remastered)[10]") or, where no figure of the row carries a citation of
    its own, on its date ("30 May 2010[21]" before "18 unnamed men"), or in a rendered page's match box links the
    game's report ("Report", or a football box's numbered link alone in a cell, "[4]"), or whose table is cited as a whole (in its header row, its
    caption, the introduction ending ":" before it, a cited statement right above it that names
    its column heads, its title line: "The various pistols in this series with pertinent
    data.[9]", or a cited source row closing it or source line right under it: "Source:[21]", a
    dated note under it that cites its source ("Statistics accurate as of 15 November 2013[52]",
    "Last updated: Argentina vs France, 23 June 2012. Statistics include capped matches only.[3]"), or,
    on a rendered page, markers standing alone under it, or the page's general references, the
    works listed under "General" beside the numbered notes, where the table has no column of
    sources: "Ref(s)"), a cell's count that cited prose naming the cell's row gives of the same thing
    ("6 shot deficit" and "six shots behind …[8]"), a title line's record that tallies the rows
    below it ("playoff record (3–6)" over nine rows, a game log's "Record: 2-4; Home: 1-1; Road:
    1–3" or month line "June: 14–14 (Home: 6–8; Away: 8–6)" over the games, cited in their table,
    whose results or running record show as many won), and a line of a chart's legend under the chart's cited
    title ("Biomass of mammals on Earth[57]" over "Wild animals (4%)"), and a box of a rendered
    page under its cited title line (a game's score line over its weather and attendance). A
    record line counting the years it lists ("Most Appearances – 15" and fifteen years), a
    streak line right under its results table, and an infobox's count of an event's competitors
    that a table of results lists one to a row with their nations ("Competitors: 37 from 16
    nations" and 37 rows under "Country", less a row of totals and those who did not start), are
    read off the page. A census cited as the
    source a statement opens with ("As of the census[8] of 2000, there were …") covers the
    figures after it and the data block that follows in its section, up to a statement that
    cites a source of its own at its end (a citation inside one is for a figure of it).
    The lead, an infobox row and a caption sum up the body, which carries the citations: their
    sum of money, share or count of 100 or more is covered when a statement of the body gives
    it written the same way (a count that names what it counts, in digits or words), or
    more exactly in an infobox row whose label the summary speaks of, or the label of the row a
    rendered bulleted row belongs to ("Population" over "• September 2019 estimate"; a row under
    a cited sub-heading, "Population (2011)[7]" over "Metropolis 8,443,675", is cited), where the summary, a sum of
    money or a count in millions, rounds or cuts it to two significant digits or more in its
    currency ("has grossed $141 million" and "Box office: $141.1 million"; not "$2 million" and
    "$2.4 million", "£141.3 million", nor "12 miles" and "12.5 miles"), of the
    same thing, with a citation after it in its sentence or in the next sentence of its
    paragraph ("2,373" in the
    infobox and "2,373[75]" in the schedule; not "600 islands" against "600 battles", nor a
    share that names nothing it is of), or in a table cell whose source stands where the table
    puts it (a row cited in its name cell, a table sourced as a whole, a match box linking its
    report) in a row or box that shares a word with the summary ("9,427 (vs Barnsley, 3 March
    1979)" and the sourced results' row "3 March 1979 | Barnsley | 9,427"); so is an infobox row's smaller count that names what it
    counts ("2 children" and "the couple have two children.[10]"), or numbers by their ordinals
    ("Round: 2 / Pick: 42" and "in the second round (42nd overall)"); the lead's count of the
    times its subject took part in an event ("on two occasions") is covered by as many dated
    editions the body names and cites, and its chart position ("\"Bleeder\" peaking at number 32
    on the U.S. Mainstream Rock Chart") by the same position, "number" or "No.", in a body
    sentence that names the same chart, in a cited paragraph that names the record; a chart place
    or top of any prose sentence ("peaked at number 19 on the US Billboard 200", "the top 10") by
    the place a cited row of a charts table gives for the chart named nearest it ("US Billboard
    200[108]" | "19"), its country ("in the United Kingdom" and "UK Albums (OCC)") or the
    publication whose list ranks it ("Newsday" | "Best Albums of 2015" | "13[138]"); a caption or
    an infobox row is covered so by the lead's
    cited prose too, but two statements of the lead do not cover each other. The lead's count
    written the same way, alone in a cell of a table cited as a whole, under a column head the
    lead names ("11 representatives, or electors" and "11" under "Electoral votes"), is the
    table's. A figure of a
    statement that names the subject of a table row cited in its name cell, and that the row
    gives, is the row's ("Singapore Flyer: 165 m (541 ft) tall" and the row "Singapore
    Flyer[25]" | "165 (541)"); a conversion in brackets counts as the figure it converts. A list
    item of the body that gives an exact figure (four significant digits or more) that a cited
    or sourced table cell gives, in a row sharing a word with the item or the heading
    it stands under, retells the row ("Game attendance: 30,355" under "Week 1: at Rhein Fire" and
    the schedule's row "at Rhein Fire | 30,355"), and so does one whose exact figure a body
    sentence cites after it, of the same thing.

    An article that teaches mathematics or science (one prose statement in twenty speaks in
    formulas, variables or mathematical terms) cites its textbook material by paragraph, not
    by value: there only figures that report the world are flagged — shares, money, counts in
    the thousands, counts of people, and any figure of a paragraph that names a year ("In
    2015 the Congo supplied 60%"), not "at 25 °C and 1 bar" or "a common value is 50 ohms", nor
    a share stated exactly as all, half or none of something ("the time it takes to lose one-half
    of its activity"; but "more than half of the cosmic radiation", "rose by 100%").
    The option ``textbook = false`` flags all of them. In any article, a statement that reads out
    a notation with the notation's own numbers ("2/10 net 30 - this means …") is a worked example,
    as are a formula's legend after a lone "where" ("P = a hypothetical initial payment of $1,000")
    and the paragraph that reads out a table numbered as an example ("Example #3 …") before a
    formula; one that reads values off the article's own numbered figure ("In Fig. 6, the low-finesse
    image corresponds to a reflectivity of 0.04"; "In this case we see … speeds of 50%, 71%" in a
    paragraph about "the map shown in Figure 5.2") describes the picture. A statement that
    works a measure out from figures earlier in its paragraph ("This comes to 42 km/s", "…,
    this would imply 4360 million gigatonnes") is a routine calculation: the figures it starts
    from need the source, not its results; in an article that teaches, so does a count or a
    share it works out ("Thus, 1 CO2 molecule is produced for every 2 molecules of O2"). Money,
    spans of time, counts of people and the figures of a dated statement stay reports ("Thus
    the company lost $40 million", "Thus, by 1993, …").

    Why: figures are what readers quote and what propaganda inflates; an uncited figure
    cannot be checked against its source.

    What to do: cite the source of the figure right after the sentence (or the clause)
    that states it, or attribute and remove the figure.
    """

    code = "CC101"
    name = "uncited-numeric-claim"
    severity = Severity.ERROR
    options = (VAGUE_OPTION, TEXTBOOK_OPTION)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for cov in numeric_coverage(doc, vague=bool(ctx.options.get("vague", False)),
                                    textbook=bool(ctx.options.get("textbook", True))):
            if cov.nearest is not None:
                continue  # CC102
            figures = describe_figures(cov.uncovered, cov.statement.text)
            plural = "s" if len(cov.uncovered) > 1 else ""
            them = "them" if plural else "it"
            if cov.earlier is not None:
                where = (f"the statement's citation {cov.earlier.label} comes before {them} and nothing "
                         f"in the paragraph cites {them} after")
            else:
                where = f"no citation follows {them} in its paragraph"
            yield self.finding(
                ctx,
                f"uncited figure{plural} {figures}: {where}",
                claims_span(cov.statement, cov.uncovered),
                statement=cov.statement,
                evidence=figure_evidence(cov.uncovered),
                severity=Severity.INFO if cov.vague_only else None,
            )

"""The sourcing rules CC201-CC203: the seed's acceptance facts, the casualty-figure analysis, and
silence on real articles of conflicts no shipped definition covers."""

from __future__ import annotations

import pytest

from citecheck import lint_path, lint_text
from citecheck.config import Settings
from citecheck.data import find_conflict, load_lexicons
from citecheck.model import Span, Statement
from citecheck.sourcing import (
    attribution,
    casualty_figures,
    citations_after,
    sourcing,
)

from conftest import SEED, corpus_or_skip

LEXICONS = load_lexicons()
CASUALTY = LEXICONS["casualty-terms"]
CUES = LEXICONS["attribution-cues"]
NK = find_conflict("nagorno-karabakh-2020")


@pytest.fixture(scope="module")
def seed_findings():
    return lint_path(SEED, settings=Settings(select=["CC2"])).findings


def of(findings, code: str) -> list:
    return [f for f in findings if f.code == code]


def test_seed_civilian_toll_row_is_single_party(seed_findings) -> None:
    (finding,) = of(seed_findings, "CC201")  # the only figure stated as fact on one side's word
    assert finding.excerpt == "92 Azerbaijani and 40 Armenian civilians killed"
    assert finding.refs == ["45", "46"]
    assert finding.evidence["party_key"] == "azerbaijan" and finding.evidence["figure"] == "92"
    assert finding.evidence["party"] == "Azerbaijan"  # the label reports print beside the sources
    assert finding.evidence["parties_from"] == "nagorno-karabakh-2020.toml"
    assert finding.evidence["highlight"] == [0, 2]
    assert "Azerbaijan" in finding.message and "[45] AzerNews" in finding.message


def test_seed_figure_per_russia_is_not_flagged(seed_findings) -> None:
    assert not [f for f in seed_findings if f.code in ("CC201", "CC202") and "5,000" in f.excerpt]


def test_seed_attributed_figures_are_info(seed_findings) -> None:
    attributed = {(f.evidence["figure"], f.evidence["party_key"]) for f in of(seed_findings, "CC202")}
    assert ("40", "armenia") in attributed        # "Armenian authorities reported 40 ...[48]" (Armenpress)
    assert ("91", "azerbaijan") in attributed     # "the Prosecutor General's Office ... stated ... 91 ...[45]"
    assert all(str(f.severity) == "info" for f in of(seed_findings, "CC202"))


def test_seed_infobox_217_against_title_over_215(seed_findings) -> None:
    hits = [f for f in of(seed_findings, "CC203") if f.evidence["figure"] == "217"]
    assert len(hits) == 1 and "'over 215 killed'" in hits[0].message and hits[0].refs == ["41"]


def test_seed_figure_found_in_title_is_not_flagged(seed_findings) -> None:
    # "1,166 servicemen killed[42]": the BBC Russian title reads "... 1166 ...".
    assert not [f for f in of(seed_findings, "CC203") if f.evidence["figure"] == "1,166"]


@pytest.mark.parametrize(("text", "expected"), [
    ("92 Azerbaijani and 40 Armenian civilians killed", [("92", "killed"), ("40", "killed")]),
    ("2 Armenian, 1 Azerbaijani, 2 French and 3 Russian journalists injured",
     [("2", "wounded"), ("1", "wounded"), ("2", "wounded"), ("3", "wounded")]),
    ("The war resulted in the displacement of 750,000 Azerbaijanis and 353,000 Armenians.",
     [("750,000", "displaced"), ("353,000", "displaced")]),
    ("There were 4 separate attacks, killing 26 civilians and injuring 125.",
     [("26", "killed"), ("125", "wounded")]),
    ("The strike caused the deaths of 21 civilians, including one Red Cross volunteer and injuring over 70.",
     [("21", "killed"), ("70", "wounded")]),
    ("17 servicemen captured", [("17", "captured")]),
    ("Azerbaijan held 17 prisoners of war.", [("17", "captured")]),
    ("Artsakh reported 1,166 deaths.", [("1,166", "killed")]),
    ("Nearly 5,000 dead in conflict, Putin says", [("5,000", "killed")]),
    ("More than 2,300 Armenian servicemen were killed or wounded.", [("2,300", "casualties")]),
    ("approximately a dozen injured in Stepanakert", [("a dozen", "wounded")]),
    ("Azerbaijan announced the capture of 4 villages.", []),
    ("2,050 Syrian fighters", []),
    ("The average age of Armenian casualties is estimated to be approximately 20 years old.", []),
    ("The shells killed soldiers 5 kilometres from Shusha.", []),
    ("Both sides lost 36 tanks on the first day.", []),
    ("Three tanks went missing.", []),
    ("Hundreds were killed.", []),
    ("The death rate is 15.2 deaths/1,000 population.", []),
    ("Infant mortality dropped from 10.4 deaths to 8.3 per 1,000 children.", []),
    ("There were 5 deaths per 100,000 people.", []),
    ("It left over 1.5 million people dead.", [("1.5 million", "killed")]),
    ("The earthquakes, in which over 150 people were killed and over 1,000 injured.",
     [("150", "killed"), ("1,000", "wounded")]),
    ("The IPN puts total Jewish dead at 2.7 to 2.9 million.", [("2.7 to 2.9 million", "killed")]),
    ("The IPN put the war dead in 1944/45 at 183,000.", [("183,000", "killed")]),
])
def test_casualty_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.raw, f.category.key) for f in casualty_figures(text, CASUALTY)] == expected


ARTICLE = """Casualties

  • 92 Azerbaijani[1][2] and 40 Armenian civilians killed[3][4]
  • 2 Armenian,[5] 1 Azerbaijani[6] journalists injured

References

  1. ^ "Civilian death toll in Armenian attacks reaches 91". azernews.az. 28 October 2020.
  2. ^ "Another civilian killed in Armenian missile attack". azernews.az. 29 October 2020.
  3. ^ "Civilians killed". BBC News. 27 October 2020.
  4. ^ "8 civilians died in Artsakh following ceasefire agreement". Armenpress. 17 October 2020.
  5. ^ "Journalists injured". Armenpress. 1 October 2020.
  6. ^ "Journalist wounded". APA.az. 19 October 2020.
"""


def test_each_figure_takes_the_citation_group_after_it() -> None:
    doc = lint_text(ARTICLE, "text", settings=Settings(select=["CC201"], conflict="nagorno-karabakh-2020")).document
    rows = [s for s in doc.statements if s.citations]
    groups = []
    for statement in rows:
        for figure in casualty_figures(statement.text, CASUALTY):
            groups.append((figure.raw, [c.key for c in citations_after(statement, figure.end)]))
    assert groups == [("92", ["1", "2"]), ("40", ["3", "4"]), ("2", ["5"]), ("1", ["6"])]
    verdicts = [sourcing(citations_after(rows[0], f.end), NK) for f in casualty_figures(rows[0].text, CASUALTY)]
    assert [(v.status, v.party.key if v.party else None) for v in verdicts] == [("single", "azerbaijan"), ("mixed", None)]


def test_reference_naming_no_source_makes_sourcing_unknown() -> None:
    text = ('The shelling killed 13 civilians.[1][2]\n\nReferences\n\n'
            '  1. ^ "Ganja shelled". Trend News Agency. 11 October 2020.\n'
            '  2. ^ "Azerbaijan holds 17 Armenians as prisoners of war". 27 October 2020.\n')
    doc = lint_text(text, "text", settings=Settings(select=["CC201"])).document
    (statement,) = [s for s in doc.statements if s.citations]
    assert sourcing(statement.citations, NK).status == "unknown"


def test_undefined_reference_makes_sourcing_unknown() -> None:
    text = 'The shelling killed 13 civilians.[1][9]\n\nReferences\n\n  1. ^ "Ganja shelled". Trend News Agency. 11 October 2020.\n'
    doc = lint_text(text, "text", settings=Settings(select=["CC201"])).document
    (statement,) = [s for s in doc.statements if s.citations]
    assert sourcing(statement.citations, NK).status == "unknown"


def statement(text: str, section: tuple[str, ...] = ()) -> Statement:
    return Statement(text=text, span=Span(0, len(text)), section=section)


@pytest.mark.parametrize(("text", "section", "cue", "party"), [
    ("1,166 servicemen killed", ("Infobox", "Casualties and losses", "Per Armenia:"), "Per Armenia:", "armenia"),
    ("217 Syrian mercenaries killed (SOHR)", ("Infobox", "Per other sources:"), "Per other sources:", None),
    ("According to independent estimates, 300 soldiers died.", (), "According to independent estimates", None),
    ("Per Azerbaijan: 2,783 killed Per other sources: 3,000 killed", (), "Per other sources", None),
    ("According to other Armenian sources, 300 soldiers died.", (), "According to", "armenia"),
    ("90,000 people displaced in Artsakh (per Armenia)", (), "per", "armenia"),
    ("According to Azerbaijani sources, 91 civilians were killed.", (), "According to", "azerbaijan"),
    ("On 6 October, the Azerbaijani MoD denied an Armenian MoD reports of 200 deaths.", (), "reports", "armenia"),
    ("The Syrian Observatory for Human Rights documented the deaths of 188 fighters.", (), "documented", None),
    ("Up to 30 soldiers per day were killed.", (), None, None),
    ("A video showed two captured Armenians being executed; Artsakh authorities identified one.", (), None, None),
    ("Twelve soldiers were killed, the Armenian MoD said.", (), "said", "armenia"),
    ("As a result of reported shelling, 12 civilians were killed.", (), None, None),
    ("Azerbaijani shelling killed 12 civilians.", (), None, None),
    # a party's name only as a whole word: not inside "pro-Armenian" or "Bakunin's"; an outlet's
    # one-word brand ("Trend") is an ordinary word, its full name names the party
    ("According to pro-Armenian bloggers, 300 soldiers died.", (), "According to", None),
    ("According to Bakunin's followers, 300 soldiers died.", (), "According to", None),
    ("According to Trend analysts, 300 soldiers died.", (), "According to", None),
    ("According to the Trend News Agency, 300 soldiers died.", (), "According to", "azerbaijan"),
])
def test_attribution(text: str, section: tuple[str, ...], cue: str | None, party: str | None) -> None:
    stmt = statement(text, section)
    figure = casualty_figures(text, CASUALTY)[-1]
    found = attribution(stmt, figure.start, NK, CUES)
    if cue is None:
        assert found is None
    else:
        assert found is not None and cue in found.cue
        assert (found.party.key if found.party else None) == party


CONFLICT_ARTICLES = [
    "gensim/extracted/American_Revolutionary_War.wiki",
    "gensim/extracted/Afghanistan.wiki",
    "gensim/extracted/Algeria.wiki",
    "infoboxer/ukraine.wiki",
    "wikitablequestions/page/204-page/149.html",  # World War II casualties of Poland
]


@pytest.mark.parametrize("name", CONFLICT_ARTICLES)
def test_party_rules_are_silent_without_a_matching_conflict(name: str) -> None:
    path = corpus_or_skip() / name
    result = lint_path(path, settings=Settings(select=["CC201", "CC202"]))
    assert result.findings == []


def test_party_rules_need_party_outlets_even_with_a_conflict_forced() -> None:
    path = corpus_or_skip() / "wikitablequestions/page/204-page/149.html"
    result = lint_path(path, settings=Settings(select=["CC201", "CC202"], conflict="nagorno-karabakh-2020"))
    assert result.findings == []


def test_seed_reference_list_outlets() -> None:
    """Every party outlet of the seed's references 1-62 resolves, and nothing else does."""
    doc = lint_path(SEED, settings=Settings(select=["CC201"])).document
    parties = {ref.key: hit[0].key for ref in doc.references if not ref.group and (hit := NK.outlet_of(ref))}
    azerbaijan = {"16", "18", "19", "22", "23", "24", "25", "26", "45", "46", "61"}
    armenia = {"28", "30", "48", "50", "57", "58", "59", "60"}
    assert parties == {**{k: "azerbaijan" for k in azerbaijan}, **{k: "armenia" for k in armenia}}


SAMPLE_VALLEY = """
schema = "citecheck.conflict/1"
name = "Sample Valley conflict"
match = ["Sample Valley"]
[parties.north]
label = "North"
aliases = ["North", "Northern"]
outlets = [{ name = "Ministry of Defence of North", domains = ["mod.north.example"], kind = "ministry", evidence = "belligerent's ministry" }]
[parties.south]
label = "South"
aliases = ["South", "Southern"]
outlets = [{ name = "Ministry of Defence of South", domains = ["mod.south.example"], kind = "ministry", evidence = "belligerent's ministry" }]
"""


@pytest.mark.parametrize("name", ["sample-valley-conflict.wiki", "sample-valley-conflict.html"])
def test_formats_agree_with_a_conflict_from_conflict_paths(tmp_path, name: str) -> None:
    """Each side's own ministry alone for its losses is CC201 (infobox rows and the bare numbers of
    the casualty table); both ministries together, in the prose, are mixed."""
    (tmp_path / "sample-valley.toml").write_text(SAMPLE_VALLEY, encoding="utf-8")
    result = lint_path(SEED.parent / name, settings=Settings(select=["CC2"], conflict_paths=[str(tmp_path)]))
    found = sorted((f.code, f.evidence["figure"], f.statement.kind, f.evidence["party_key"]) for f in result.findings)
    assert found == [("CC201", "2,425", "infobox", "north"), ("CC201", "2,425", "table", "north"),
                     ("CC201", "2,783", "infobox", "south"), ("CC201", "2,783", "table", "south")]


def test_equal_figures_of_one_statement_have_distinct_fingerprints() -> None:
    text = """2 Armenian[1] and 2 Azerbaijani soldiers were killed.[2]

References

  1. ^ "Soldiers killed". Armenpress. 1 October 2020.
  2. ^ "Soldiers killed". APA.az. 1 October 2020.
"""
    result = lint_text(text, "text", settings=Settings(select=["CC201"], conflict="nagorno-karabakh-2020"))
    assert [f.evidence["party_key"] for f in result.findings] == ["armenia", "azerbaijan"]
    assert [f.evidence["highlight"] for f in result.findings] == [[0, 1], [15, 16]]
    assert len({f.fingerprint for f in result.findings}) == 2


@pytest.mark.parametrize(("kind", "section", "text", "expected"), [
    ("infobox", ("casualties2",), "3,000+", [("3,000", "casualties")]),
    ("infobox", ("Infobox", "Casualties and losses", "Per Armenia:"), "1,166 servicemen", [("1,166", "casualties")]),
    ("table", ("Casualties",), "2,425", [("2,425", "casualties")]),
    ("infobox", ("Infobox", "Casualties and losses"), "36 tanks destroyed", []),
    ("infobox", ("Infobox", "Strength"), "2,050 Syrian fighters", []),
    ("table", ("Results",), "2,425", []),
    ("prose", ("Casualties",), "There were 2,425 in all.", []),
])
def test_casualty_headings_give_bare_counts_their_category(kind, section, text, expected) -> None:
    from citecheck.sourcing import context_category

    stmt = Statement(text=text, span=Span(0, len(text)), kind=kind, section=section)
    figures = casualty_figures(text, CASUALTY, context_category(stmt, CASUALTY))
    assert [(f.raw, f.category.key) for f in figures] == expected

"""The rule data: the shipped files load, outlets resolve, and bad files fail naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.config import ConfigError, Settings
from citecheck.data import (
    available_conflicts,
    data_root,
    find_conflict,
    host_of,
    load_conflict,
    load_lexicon,
    load_lexicons,
    match_conflict,
    normalize_name,
    rule_data,
)
from citecheck.model import Document, Reference, Span, Statement

GOOD_CONFLICT = """
schema = "citecheck.conflict/1"
name = "Test war"
match = ["Test war"]
[parties.north]
label = "North"
aliases = ["North", "Northern"]
outlets = ["north-news.example", "North Radio"]
[parties.south]
label = "South"
aliases = ["South"]
outlets = [{ name = "South Agency", domains = ["agency.south.example"], kind = "state news agency", evidence = "state-owned" }]
"""


def ref(**fields: str) -> Reference:
    domain = fields.pop("domain", "")
    return Reference(key="1", span=Span(0, 1), raw="x", fields=fields, domain=domain)


def write(tmp_path: Path, text: str, name: str = "test-war.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def nk():
    return find_conflict("nagorno-karabakh-2020")


def test_shipped_data_is_found_and_valid() -> None:
    root = data_root()
    assert (root / "conflicts" / "nagorno-karabakh-2020.toml").is_file()
    assert {"casualty-terms", "attribution-cues"} <= set(load_lexicons())
    assert "2020 Nagorno-Karabakh war" in [c.name for c in available_conflicts()]


def test_every_shipped_outlet_carries_evidence() -> None:
    """A shipped outlet is an accusation of partiality: each states its kind and evidence."""
    for conflict in available_conflicts():
        for party in conflict.parties:
            for outlet in party.outlets:
                assert outlet.evidence and outlet.kind, f"{conflict.path}: {outlet.name}"


@pytest.mark.parametrize(("fields", "party"), [
    ({"work": "azernews.az"}, "azerbaijan"),                      # seed refs 45, 46
    ({"work": "APA.az"}, "azerbaijan"),
    ({"work": "Trend News Agency"}, "azerbaijan"),
    ({"work": "Azerbaijan State News Agency"}, "azerbaijan"),
    ({"work": "president.az", "publisher": "Official website of the President of Azerbaijan"}, "azerbaijan"),
    ({"url": "https://en.trend.az/azerbaijan/politics/3326342.html"}, "azerbaijan"),
    ({"work": "Armenpress"}, "armenia"),
    ({"work": "ArmenPress"}, "armenia"),
    ({"work": "www.armradio.am", "publisher": "Public Radio of Armenia"}, "armenia"),
    ({"work": "1lurer.am", "publisher": "Public TV of Armenia"}, "armenia"),
    ({"work": "Artsakh Press"}, "armenia"),
    ({"work": "[[Armenpress]]"}, "armenia"),
    ({"domain": "mil.am"}, "armenia"),
    ({"archive_url": "https://web.archive.org/web/20201011000000/https://armenpress.am/eng/news/1.html"}, "armenia"),
    ({"url": "http://archive.today/2020.10.11/https://www.azertag.az/en/xeber/1"}, "azerbaijan"),
])
def test_party_outlets_resolve(nk, fields: dict[str, str], party: str) -> None:
    hit = nk.outlet_of(ref(**fields))
    assert hit is not None and hit[0].key == party


@pytest.mark.parametrize("fields", [
    {"work": "Reuters"},
    {"work": "BBC Russian Service"},
    {"work": "RIA Novosti"},
    {"work": "Syrian Observatory for Human Rights"},
    {"work": "azatutyun.am", "publisher": "RFE/RL"},
    {"work": "Aysor"},                     # private Armenian outlet: deliberately no party's
    {"url": "https://www.bbc.com/news/world-europe-54324772"},
    {"url": "https://notarmenpress.am.example.org/x"},
    {"work": "Armenpress readers' letters"},  # names match exactly, not by substring
    {"archive_url": "https://web.archive.org/web/20201011000000/https://www.reuters.com/x"},
    {},
])
def test_independent_and_unknown_outlets_belong_to_no_party(nk, fields: dict[str, str]) -> None:
    assert nk.outlet_of(ref(**fields)) is None


def test_host_and_name_normalisation() -> None:
    assert host_of("https://www.Armradio.am:443/en/2020/10/09/x?y=1") == "armradio.am"
    assert host_of("APA.az") == "apa.az"
    assert host_of("Public Radio of Armenia") == ""
    assert normalize_name("The  Guardian.") == "guardian"


def test_conflict_selected_by_name_path_or_match(tmp_path: Path, nk) -> None:
    path = write(tmp_path, GOOD_CONFLICT)
    assert find_conflict(str(path)).name == "Test war"
    assert find_conflict("test-war", [str(tmp_path)]).name == "Test war"
    assert find_conflict("Test War", [str(tmp_path)]).name == "Test war"
    doc = Document(source="", format="text", title="2020 Nagorno-Karabakh conflict")
    assert match_conflict(doc) == nk
    lead = Document(source="", format="text", title="Some battle", statements=[
        Statement(text="The Test war was fought in 1900.", span=Span(0, 10))])
    assert match_conflict(lead, [str(tmp_path)]).name == "Test war"
    unrelated = Document(source="", format="text", title="Afghanistan", statements=[
        Statement(text="Afghanistan is a landlocked country.", span=Span(0, 10))])
    assert match_conflict(unrelated) is None


def test_rule_data_honours_settings(tmp_path: Path) -> None:
    doc = Document(source="", format="text", title="2020 Nagorno-Karabakh conflict")
    conflict, lexicons = rule_data(doc, Settings())
    assert conflict is not None and "casualty-terms" in lexicons
    assert rule_data(doc, Settings(conflict="none"))[0] is None
    path = write(tmp_path, GOOD_CONFLICT)
    assert rule_data(doc, Settings(conflict=str(path)))[0].name == "Test war"
    assert rule_data(doc, Settings(conflict="test-war", conflict_paths=[str(tmp_path)]))[0].name == "Test war"
    with pytest.raises(ConfigError, match="unknown conflict 'nope'.*nagorno-karabakh-2020"):
        rule_data(doc, Settings(conflict="nope"))
    with pytest.raises(ConfigError, match="conflict-paths"):
        rule_data(doc, Settings(conflict_paths=[str(tmp_path / "absent")]))


def test_a_run_reads_its_rule_data_once_and_the_next_run_sees_edits(tmp_path: Path) -> None:
    import os

    path = write(tmp_path, GOOD_CONFLICT)
    doc = Document(source="", format="text", title="Some battle", statements=[
        Statement(text="The Test war was fought in 1900.", span=Span(0, 10))])
    settings = Settings(conflict_paths=[str(tmp_path)])
    assert rule_data(doc, settings)[0].name == "Test war"
    loaded = settings.rule_data
    path.write_text(GOOD_CONFLICT.replace('name = "Test war"', 'name = "Renamed war"'), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert rule_data(doc, settings)[0].name == "Test war" and settings.rule_data is loaded
    assert rule_data(doc, Settings(conflict_paths=[str(tmp_path)]))[0].name == "Renamed war"
    settings.conflict = "none"  # settings changed within the run: their data is loaded anew
    assert rule_data(doc, settings)[0] is None


def test_the_phrase_pattern_matches_what_a_plain_alternation_does() -> None:
    import re

    from citecheck.data import phrases_pattern

    terms = [term for conflict in available_conflicts() for term in conflict.match]
    plain = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + r")(?!\w)", re.I)
    trie = phrases_pattern(terms)
    texts = [variant for term in terms for variant in (
        term, term.upper(), term.lower(), f"The {term}, fought", f"x{term}", f"{term}s", term[:-1], f"{term} (2023)")]
    assert [bool(trie.search(text)) for text in texts] == [bool(plain.search(text)) for text in texts]
    assert sum(bool(trie.search(text)) for text in texts) > len(terms) * 4
    assert phrases_pattern(["", ""]).search("anything") is None


def test_rule_data_stays_in_its_process() -> None:
    import pickle

    settings = Settings()
    rule_data(Document(source="", format="text"), settings)
    assert settings.rule_data is not None and pickle.loads(pickle.dumps(settings)).rule_data is None


@pytest.mark.parametrize(("change", "message"), [
    (('schema = "citecheck.conflict/1"', 'schema = "citecheck.conflict/9"'), "schema: expected 'citecheck.conflict/1'"),
    (('name = "Test war"\n', ""), "name: missing"),
    (('match = ["Test war"]', "match = []"), "match: must not be empty"),
    (('match = ["Test war"]', 'match = "Test war"'), "match: expected a list"),
    (('label = "North"', 'lable = "North"'), "parties.north.lable: unknown key"),
    (('aliases = ["South"]', "aliases = [1]"), "parties.south.aliases: expected a list"),
    (('kind = "state news agency"', 'kind = "friendly"'), r"parties.south.outlets\[0\].kind: unknown kind"),
    ((', evidence = "state-owned"', ""), r"parties.south.outlets\[0\].evidence: missing"),
    (('domains = ["agency.south.example"]', 'domains = ["not a domain"]'), r"outlets\[0\].domains"),
    (('outlets = ["north-news.example", "North Radio"]', 'outlets = ["South Agency"]'), "already an outlet of"),
    (("[parties.south]", "[parties.south]\ncolour = 'red'"), "parties.south.colour: unknown key"),
    (('match = ["Test war"]', 'match = ["Test war"'), "invalid TOML"),
])
def test_bad_conflict_file_names_file_and_key(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    old, new = change
    assert old in GOOD_CONFLICT
    path = write(tmp_path, GOOD_CONFLICT.replace(old, new, 1))
    with pytest.raises(ConfigError, match=message) as info:
        load_conflict(path)
    assert str(path) in str(info.value)


def test_conflict_needs_two_parties(tmp_path: Path) -> None:
    text = GOOD_CONFLICT.split("[parties.south]")[0]
    with pytest.raises(ConfigError, match="parties: a conflict needs at least two parties"):
        load_conflict(write(tmp_path, text))


def test_reloads_a_file_after_it_changes(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_CONFLICT)
    assert load_conflict(path).name == "Test war"
    import os

    path.write_text(GOOD_CONFLICT.replace('name = "Test war"', 'name = "Renamed war"'), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_conflict(path).name == "Renamed war"


GOOD_LEXICON = """
schema = "citecheck.lexicon/1"
name = "words"
[categories.killed]
terms = ["killed", "death toll"]
[categories.captured]
needs_person = true
terms = ["captured", "POWs"]
[lists]
person_nouns = ["soldiers"]
"""


def test_lexicon_matches_terms_and_phrases(tmp_path: Path) -> None:
    lexicon = load_lexicon(write(tmp_path, GOOD_LEXICON, "words.toml"))
    found = [(m.group(), c.key) for m, c in lexicon.finditer("The death  toll: 3 Killed, 2 POWs, pows, killedx")]
    assert found == [("death  toll", "killed"), ("Killed", "killed"), ("POWs", "captured")]
    assert lexicon.categories[1].needs_person and "soldiers" in lexicon.word_list("person_nouns")


@pytest.mark.parametrize(("change", "message"), [
    (('name = "words"', 'name = "other"'), "name: 'other' must match the file name 'words'"),
    (("needs_person = true", 'needs_person = "yes"'), "categories.captured.needs_person: expected true or false"),
    (('terms = ["killed", "death toll"]', "terms = []"), "categories.killed.terms: must not be empty"),
    (('person_nouns = ["soldiers"]', "person_nouns = 3"), "lists.person_nouns: expected a list"),
    (("[lists]", "[list]"), "list: unknown key"),
])
def test_bad_lexicon_file_names_file_and_key(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    old, new = change
    path = write(tmp_path, GOOD_LEXICON.replace(old, new, 1), "words.toml")
    with pytest.raises(ConfigError, match=message) as info:
        load_lexicon(path)
    assert str(path) in str(info.value)


def test_installed_package_data_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a wheel the data is the package citecheck.ruledata; its folder is found through the import system."""
    import importlib.machinery
    import importlib.util

    (tmp_path / "conflicts").mkdir()
    spec = importlib.machinery.ModuleSpec("citecheck.ruledata", None, is_package=True)
    spec.submodule_search_locations = [str(tmp_path)]
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: spec if name == "citecheck.ruledata" else real(name, *a))
    assert data_root() == tmp_path


def test_check_settings_fails_before_any_input(tmp_path: Path) -> None:
    from citecheck.data import check_settings

    check_settings(Settings())
    check_settings(Settings(conflict="none"))
    check_settings(Settings(conflict="nagorno-karabakh-2020"))
    with pytest.raises(ConfigError, match="unknown conflict 'nope'"):
        check_settings(Settings(conflict="nope"))
    write(tmp_path, GOOD_CONFLICT.replace('name = "Test war"\n', ""), "broken.toml")
    with pytest.raises(ConfigError, match="broken.toml: name: missing"):
        check_settings(Settings(conflict_paths=[str(tmp_path)]))

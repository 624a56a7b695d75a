"""The outlet registry (rules/outlets/): every shipped file validates, bad files fail naming file
and key, conflict files take parties from it through ``members``, and an article's infobox
belligerents map to its actors."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

import citecheck.data as data
from citecheck import lint_text
from citecheck.cli import main
from citecheck.config import ConfigError
from citecheck.data import (
    ACTOR_KINDS,
    OUTLET_KINDS,
    REGISTRY_SCHEMA,
    available_conflicts,
    data_root,
    host_of,
    load_conflict,
    load_registry,
    normalize_name,
)
from citecheck.model import Reference, Span
from citecheck.sourcing import article_conflict, infobox_belligerents

REGISTRY = data_root() / "outlets"
REGISTRY_FILES = sorted(REGISTRY.glob("*.toml"))
TEST_REGISTRY = Path(__file__).resolve().parents[1] / "fixtures" / "conflicts" / "outlets"

ACTOR = """
schema = "citecheck.outlets/1"
id = "northland"
name = "Northland"
kind = "state"
aliases = ["Northland", "Northern", "Northland Armed Forces"]

[[outlets]]
name = "North Agency"
aliases = ["NA News"]
domains = ["agency.north.example"]
kind = "state news agency"
evidence = "State-owned news agency of Northland."
"""


def write(folder: Path, text: str, name: str = "northland.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def ref(**fields: str) -> Reference:
    return Reference(key="1", span=Span(0, 1), raw="x", fields=fields)


# ---------------------------------------------------------------------------------------------
# Every shipped data file


def test_shipped_registry_loads() -> None:
    registry = load_registry()
    assert {actor.id for actor in registry.actors} == {path.stem for path in REGISTRY_FILES}


@pytest.mark.parametrize("path", REGISTRY_FILES, ids=[p.stem for p in REGISTRY_FILES])
def test_shipped_registry_file(path: Path) -> None:
    """Each file: schema, id equal to its stem, a known kind, outlets with evidence and known
    kinds, findable by a domain or an alias, no domain twice."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == REGISTRY_SCHEMA and data["id"] == path.stem
    assert data["kind"] in ACTOR_KINDS
    domains: list[str] = []
    for outlet in data.get("outlets", []):
        assert outlet.get("evidence", "").strip(), f"{outlet['name']}: no evidence"
        assert outlet.get("kind") in OUTLET_KINDS, f"{outlet['name']}: kind {outlet.get('kind')!r}"
        assert outlet.get("domains") or outlet.get("aliases"), f"{outlet['name']}: neither domains nor aliases"
        domains += [host_of(d) for d in outlet.get("domains", [])]
    assert len(domains) == len(set(domains)), f"a domain listed twice in {path.name}"


def test_shipped_domains_and_outlet_names_have_one_owner() -> None:
    owner: dict[str, str] = {}
    for actor in load_registry().actors:
        for outlet in actor.outlets:
            for key in (*outlet.domains, *(normalize_name(n) for n in outlet.names)):
                assert owner.setdefault(key, actor.id) == actor.id, f"{key}: {owner[key]} and {actor.id}"


def test_shipped_conflict_members_exist() -> None:
    ids = {actor.id for actor in load_registry().actors}
    for conflict in available_conflicts():
        for party in conflict.parties:
            assert set(party.members) <= ids, f"{conflict.path}: parties.{party.key}.members"


def test_no_intergovernmental_body_wire_agency_or_foreign_media_is_anyones_outlet() -> None:
    registry = load_registry()
    for domain in ("un.org", "ohchr.org", "unocha.org", "who.int", "icrc.org", "reuters.com", "apnews.com",
                   "afp.com", "bbc.co.uk", "bbc.com", "aljazeera.com", "nytimes.com"):
        assert registry.outlet_of(ref(url=f"https://www.{domain}/news/1")) is None, domain


# ---------------------------------------------------------------------------------------------
# Validation of bad files


def test_a_good_actor_file_loads(tmp_path: Path) -> None:
    write(tmp_path, ACTOR)
    registry = load_registry(tmp_path)
    (actor,) = registry.actors
    assert actor.name == "Northland" and actor.outlets[0].domains == ("agency.north.example",)
    assert registry.actor_named("[[Northland]]") is actor and registry.actor_named("northern") is actor
    assert registry.outlet_of(ref(url="https://news.agency.north.example/1"))[1].name == "North Agency"
    assert registry.outlet_of(ref(work="NA News"))[0] is actor
    assert registry.lookup("agency.north.example")[2] == "the domain agency.north.example is listed for North Agency"


@pytest.mark.parametrize(("change", "key", "problem"), [
    (('id = "northland"', 'id = "north"'), "id", "must equal the file name"),
    (('kind = "state"', 'kind = "country"'), "kind", "unknown kind 'country'"),
    (('kind = "state news agency"', 'kind = "newspaper"'), "outlets[0].kind", "unknown kind 'newspaper'"),
    (('evidence = "State-owned news agency of Northland."\n', ""), "outlets[0].evidence", "missing"),
    (('kind = "state news agency"', 'kind = "state news agency"\nowner = "x"'), "outlets[0].owner", "unknown key"),
    (('aliases = ["NA News"]\ndomains = ["agency.north.example"]\n', ""), "outlets[0]", "needs domains or aliases"),
    (('domains = ["agency.north.example"]', 'domains = ["not a domain"]'), "outlets[0].domains", "is not a domain"),
    (('schema = "citecheck.outlets/1"', 'schema = "citecheck.outlets/2"'), "schema", "expected"),
    (('name = "Northland"\n', ""), "name", "missing"),
])
def test_a_bad_actor_file_names_file_and_key(tmp_path: Path, change: tuple[str, str], key: str, problem: str) -> None:
    assert change[0] in ACTOR
    path = write(tmp_path, ACTOR.replace(*change, 1))
    with pytest.raises(ConfigError) as error:
        load_registry(tmp_path)
    assert str(error.value).startswith(f"{path}: {key}: ") and problem in str(error.value)


def test_a_bad_registry_file_stops_the_run_with_exit_code_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "outlets", ACTOR.replace('kind = "state"', 'kind = "country"', 1))
    monkeypatch.setattr(data, "registry_dir", lambda: tmp_path / "outlets")
    article = write(tmp_path, "The war killed 5 people.\n", "article.txt")
    result = CliRunner().invoke(main, [str(article)])
    assert result.exit_code == 2 and f"{path}: kind: unknown kind 'country'" in result.output


def test_a_domain_has_one_owner_across_the_registry(tmp_path: Path) -> None:
    write(tmp_path, ACTOR)
    other = ACTOR.replace('"northland"', '"southland"').replace('name = "Northland"', 'name = "Southland"')
    other = other.replace('"NA News"', '"SA News"').replace('"North Agency"', '"South Agency"')
    path = write(tmp_path, other, "southland.toml")
    with pytest.raises(ConfigError) as error:
        load_registry(tmp_path)
    assert str(error.value).startswith(f"{path}: outlets[0]: domain agency.north.example is already listed in ")


def test_a_name_two_actors_share_names_neither(tmp_path: Path) -> None:
    write(tmp_path, ACTOR)
    other = ACTOR.replace('"northland"', '"southland"').replace('name = "Northland"', 'name = "Southland"')
    other = other.replace('"Northland", "Northern"', '"Southland", "Northern"').replace("north", "south")
    other = other.replace('"NA News"', '"SA News"').replace('"North Agency"', '"South Agency"')
    write(tmp_path, other, "southland.toml")
    registry = load_registry(tmp_path)
    assert registry.actor_named("Northern") is None and registry.actor_named("Southland") is not None


# ---------------------------------------------------------------------------------------------
# Conflict files: members


MEMBERS_CONFLICT = """
schema = "citecheck.conflict/1"
name = "Test war"
match = ["Test war"]
[parties.north]
label = "North"
members = ["northland"]
[parties.south]
label = "South"
aliases = ["South"]
outlets = [{ name = "South Radio", domains = ["radio.south.example"], kind = "public broadcaster", evidence = "state radio" }]
"""


def test_members_bring_the_registry_actors_outlets_and_aliases(tmp_path: Path) -> None:
    write(tmp_path / "outlets", ACTOR)
    path = write(tmp_path, MEMBERS_CONFLICT, "test-war.toml")
    conflict = load_conflict(path, load_registry(tmp_path / "outlets"))
    north = conflict.party("north")
    assert north is not None and "Northern" in north.aliases and north.members == ("northland",)
    assert conflict.outlet_of(ref(url="https://agency.north.example/x"))[0].key == "north"
    assert conflict.outlet_of(ref(url="https://radio.south.example/x"))[0].key == "south"


def test_an_unknown_member_names_file_and_key(tmp_path: Path) -> None:
    write(tmp_path / "outlets", ACTOR)
    path = write(tmp_path, MEMBERS_CONFLICT.replace('["northland"]', '["westland"]'), "test-war.toml")
    with pytest.raises(ConfigError) as error:
        load_conflict(path, load_registry(tmp_path / "outlets"))
    assert str(error.value).startswith(f"{path}: parties.north.members: unknown registry id 'westland'")


def test_a_member_outlet_on_both_sides_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "outlets", ACTOR)
    text = MEMBERS_CONFLICT.replace('domains = ["radio.south.example"]', 'domains = ["agency.north.example"]')
    path = write(tmp_path, text, "test-war.toml")
    with pytest.raises(ConfigError, match="agency.north.example is already an outlet of"):
        load_conflict(path, load_registry(tmp_path / "outlets"))


# ---------------------------------------------------------------------------------------------
# Belligerents read from the article


def parties(text: str, fmt: str = "wikitext") -> list[tuple[str, ...]] | None:
    doc = lint_text(text, fmt, select=["CC201"]).document
    conflict = article_conflict(doc, load_registry(TEST_REGISTRY))
    return None if conflict is None else [party.members for party in conflict.parties]


def infobox(**params: str) -> str:
    rows = "\n".join(f"| {key} = {value}" for key, value in params.items())
    return f"{{{{Infobox military conflict\n| conflict = Test\n{rows}\n}}}}\nThe '''Test''' was a war.\n"


@pytest.mark.parametrize(("params", "expected"), [
    # flags and country links; one column is one party, whatever the number of actors in it
    ({"combatant1": "{{flag|Russia}}<br />[[Donetsk People's Republic|DPR]]", "combatant2": "{{flagicon|Ukraine}} [[Ukraine]]"},
     [("russia", "donetsk-peoples-republic"), ("ukraine",)]),
    # supporters are no party, nor anything after the label in that column
    ({"combatant1": "[[Hamas]]<br />'''Supported by:'''<br />{{flag|Iran}}", "combatant2": "{{flag|Israel}}"},
     [("hamas",), ("israel",)]),
    ({"combatant1": "{{plainlist|\n* [[Hamas]]\n* {{nowrap|Supported by:}}\n* {{flag|Iran}}}}", "combatant2": "{{flag|Israel}}"},
     [("hamas",), ("israel",)]),
    ({"combatant1": "{{flag|Israel}}", "combatant2": "[[Hamas]]{{collapsible list|title=Supported by|{{flag|Iran}}}}"},
     [("israel",), ("hamas",)]),
    # a flag icon beside a link is decoration: the Houthis fly Yemen's flag
    ({"combatant1": "{{flagicon|Israel}} [[Israel]]\n----\n{{Collapsible list |title = ''Supported by:'' |{{flag|Iran}}}}",
      "combatant2": "{{ubl|{{flagicon image|Flag of Hamas.svg}} [[Hamas]]|{{flagicon|Yemen}} [[Houthis|Ansar Allah]]}}"},
     [("israel",), ("hamas", "houthis")]),
    # an actor named on both sides belongs to neither; a name the registry lacks adds nothing
    ({"combatant1": "{{flag|Sudan}}<br />[[Wagner Group]]", "combatant2": "[[Rapid Support Forces]]<br />[[Wagner Group]]<br />{{flag|Sudan}}"},
     [("rapid-support-forces",)]),
    ({"side1": "[[Sudanese Armed Forces]]", "side2": "[[Rapid Support Forces]] (RSF)"},
     [("sudan",), ("rapid-support-forces",)]),
    ({"combatant1a": "{{flagcountry|India}}", "combatant2a": "[[Pakistan]]<ref>{{cite web |title=Russia}}</ref>"},
     [("india",), ("pakistan",)]),
    # no belligerents the registry knows: no parties at all
    ({"combatant1": "[[Kingdom of Great Britain]]", "combatant2": "[[Thirteen Colonies]]"}, None),
])
def test_wikitext_belligerents(params: dict[str, str], expected: list[tuple[str, ...]] | None) -> None:
    assert parties(infobox(**params)) == expected


def test_html_belligerent_columns_and_supporters() -> None:
    html = """<html><head><title>Test - Wikipedia</title></head><body><h1 id="firstHeading">Test</h1>
<div class="mw-parser-output"><table class="infobox"><tbody>
<tr><th colspan="2">Belligerents</th></tr>
<tr><td><a href="/wiki/Yemen" title="Yemen">Government of Yemen</a><br/><a href="/wiki/Saudi_Arabia" title="Saudi Arabia">Saudi Arabia</a><sup class="reference"><a href="#cite_note-1">[1]</a></sup></td>
<td><a href="/wiki/File:Flag_of_Yemen.svg" class="image" title="Yemen"><img alt="" src="f.svg"/></a>&#160;<a href="/wiki/Houthis" title="Houthis">Ansar Allah</a><br/><b>Supported by:</b><br/><a href="/wiki/Iran" title="Iran">Iran</a></td></tr>
<tr><th colspan="2">Commanders and leaders</th></tr>
<tr><td><a href="/wiki/China" title="China">China</a></td><td></td></tr>
</tbody></table><p>The Test was a war.</p></div></body></html>"""
    assert parties(html, "html") == [("yemen-government", "saudi-arabia"), ("houthis",)]


def test_plain_text_belligerents_stand_alone_and_stop_at_a_sub_label() -> None:
    doc = lint_text((TEST_REGISTRY.parent / "russian-invasion-of-ukraine.txt").read_text(encoding="utf-8"), "text").document
    # "Supported by:" heads Belarus only: Ukraine, after the blank line, is the next column.
    assert [(b.name, b.column) for b in infobox_belligerents(doc)] == [("Russia", 0), ("Donetsk PR", 0), ("Ukraine", 0)]


def test_plain_text_supporters_named_on_their_label_line_are_no_belligerents() -> None:
    text = (TEST_REGISTRY.parent / "russian-invasion-of-ukraine.txt").read_text(encoding="utf-8")
    text = text.replace("Supported by:\n Belarus", "Supported by: Belarus\n Iran")
    assert [b.name for b in infobox_belligerents(lint_text(text, "text").document)] == ["Russia", "Donetsk PR"]


def test_articles_without_belligerents_have_no_parties() -> None:
    assert parties("The '''Test''' is a town.<ref>{{cite web |url=https://tass.com/1 |title=x}}</ref>\n") is None
    assert parties(infobox(combatant1="{{flag|Russia}}"), "wikitext") == [("russia",)]


# ---------------------------------------------------------------------------------------------
# citecheck outlets DOMAIN|NAME


def test_outlets_command_explains_a_known_outlet() -> None:
    result = CliRunner().invoke(main, ["outlets", "https://www.tass.ru/politika/1"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.output.startswith("TASS: an outlet of Russia (state), russia.toml\n")
    assert "  matched: the domain tass.ru is listed for TASS\n" in result.output
    assert "  evidence: " in result.output and "  conflict files that list it:" in result.output


def test_outlets_command_names_the_conflict_files_that_list_an_outlet() -> None:
    result = CliRunner().invoke(main, ["outlets", "Armenpress"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "nagorno-karabakh-2020.toml: Armenia / Artsakh (2020 Nagorno-Karabakh war)" in result.output


def test_outlets_command_exits_1_on_an_unknown_outlet() -> None:
    result = CliRunner().invoke(main, ["outlets", "reuters.com"], catch_exceptions=False)
    assert result.exit_code == 1 and "citations of it count as independent" in result.output

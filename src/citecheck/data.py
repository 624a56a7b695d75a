"""Load and validate the rule data of the top-level ``rules/`` folder: conflicts, outlets, lexicons.

The data is TOML an editor can extend without Python (DESIGN.md §5). Loading is strict: a
wrong schema, a missing or mistyped key, or an unknown key is a ConfigError naming the file and
the key, so a typo never silently turns a rule off. The folder ships inside the wheel as the
package ``citecheck.ruledata``; in a source checkout it is read from ``rules/`` directly.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from citecheck.config import ConfigError, Settings
from citecheck.model import Document, Reference
from citecheck.patterns import alternation

CONFLICT_SCHEMA = "citecheck.conflict/1"
LEXICON_SCHEMA = "citecheck.lexicon/1"
REGISTRY_SCHEMA = "citecheck.outlets/1"
OUTLET_KINDS = (
    "state news agency", "public broadcaster", "state broadcaster", "state media", "ministry",
    "armed forces", "government", "head of state", "state body", "health ministry",
    "government-aligned", "party media", "armed group media",
)
ACTOR_KINDS = ("state", "de facto state", "armed organisation", "authority")
_ACTOR_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Settings.conflict value that turns automatic conflict matching off.
NO_CONFLICT = "none"


# ---------------------------------------------------------------------------------------------
# The data model


@dataclass(frozen=True)
class Outlet:
    """A source that speaks for a party: a state agency, ministry, broadcaster or aligned outlet."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    kind: str = ""
    evidence: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Party:
    """One side of a conflict, with the words that name it and the outlets that speak for it."""

    key: str
    label: str
    aliases: tuple[str, ...]
    outlets: tuple[Outlet, ...]
    # Registry ids (rules/outlets/) whose aliases and outlets this party takes on.
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conflict:
    """A conflict definition: its parties and when it applies to an article."""

    name: str
    path: str
    match: tuple[str, ...]
    parties: tuple[Party, ...]
    notes: str = ""
    _names: dict[str, tuple[Party, Outlet]] = field(default_factory=dict, repr=False, compare=False)
    _domains: dict[str, tuple[Party, Outlet]] = field(default_factory=dict, repr=False, compare=False)
    _match_pattern: list[re.Pattern[str]] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        # All match terms in one pattern: every article is tested against every conflict file.
        self._match_pattern.append(phrases_pattern(self.match))
        for party in self.parties:
            for outlet in party.outlets:
                for name in outlet.names:
                    self._names.setdefault(normalize_name(name), (party, outlet))
                for domain in outlet.domains:
                    self._domains.setdefault(domain, (party, outlet))

    def outlet_of(self, ref: Reference) -> tuple[Party, Outlet] | None:
        """The party and outlet a reference comes from, or None when it is no party's."""
        return _reference_owner(ref, self._domains, self._names)

    def party(self, key: str) -> Party | None:
        return next((p for p in self.parties if p.key == key), None)

    def lookup(self, query: str) -> tuple[Party, Outlet, str] | None:
        """The outlet a domain, URL or name denotes, its party, and how the query matched it."""
        return _lookup(query, self._domains, self._names)

    def matches(self, title: str, lead: str) -> int:
        """How strongly the article is about this conflict: 2 title match, 1 lead match, 0 none."""
        if title and self._match_pattern[0].search(title):
            return 2
        if lead and self._match_pattern[0].search(lead):
            return 1
        return 0


@dataclass(frozen=True)
class Actor:
    """A state or armed organisation of the outlet registry, with the outlets it speaks through."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    outlets: tuple[Outlet, ...]
    path: str
    notes: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, eq=False)
class Registry:
    """Every actor of ``rules/outlets/``: who owns which outlet, and how articles name each actor.

    An outlet is nobody's party by itself: it becomes a party's outlet only in a conflict its
    actor fights (a conflict file's ``members``, or the article's infobox belligerents).
    """

    actors: tuple[Actor, ...] = ()
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False)
    _by_name: dict[str, Actor | None] = field(default_factory=dict, repr=False)
    _domains: dict[str, tuple[Actor, Outlet]] = field(default_factory=dict, repr=False)
    _outlet_names: dict[str, tuple[Actor, Outlet]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for actor in self.actors:
            self._by_id[actor.id] = actor
            for name in actor.names:
                key = normalize_name(name)
                known = self._by_name.get(key, actor)
                # A name two actors share ("Palestinian") names neither: None marks it ambiguous.
                self._by_name[key] = actor if known is actor else None
            for outlet in actor.outlets:
                for domain in outlet.domains:
                    self._domains[domain] = (actor, outlet)
                for name in outlet.names:
                    self._outlet_names[normalize_name(name)] = (actor, outlet)

    def actor(self, actor_id: str) -> Actor | None:
        return self._by_id.get(actor_id)

    def actor_named(self, name: str) -> Actor | None:
        """The actor an article's name for it denotes ("Russian Federation", "[[Hamas]]"), if one."""
        return self._by_name.get(normalize_name(name)) if name.strip() else None

    def outlet_of(self, ref: Reference) -> tuple[Actor, Outlet] | None:
        """The actor and outlet a reference comes from, by its URL's domain or its work's name."""
        return _reference_owner(ref, self._domains, self._outlet_names)

    def lookup(self, query: str) -> tuple[Actor, Outlet, str] | None:
        """The outlet a domain, URL or name denotes, its owner, and how the query matched it."""
        return _lookup(query, self._domains, self._outlet_names)


@dataclass(frozen=True)
class Category:
    """A group of lexicon terms that name the same thing (e.g. killed: killed, dead, deaths)."""

    key: str
    label: str
    terms: tuple[str, ...]
    needs_person: bool = False


@dataclass(frozen=True)
class Lexicon:
    """A vocabulary: categories of terms plus named word lists, with a compiled term matcher."""

    name: str
    path: str
    categories: tuple[Category, ...]
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    description: str = ""
    _by_term: dict[str, Category] = field(default_factory=dict, repr=False, compare=False)
    _pattern: list[re.Pattern[str]] = field(default_factory=list, repr=False, compare=False)
    _folded_lists: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    # Answers that rules derive from this lexicon and share (keyed by what they depend on).
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        alternatives = []
        for category in self.categories:
            for term in category.terms:
                self._by_term.setdefault(_term_key(term), category)
                alternatives.append(term)
        alternatives.sort(key=len, reverse=True)  # longest first: "prisoners of war" before "prisoners"
        parts = [(f"(?-i:{re.escape(t)})" if _is_cased(t) else re.escape(t)).replace(r"\ ", r"\s+")
                 for t in alternatives]
        self._pattern.append(re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I))

    @property
    def pattern(self) -> re.Pattern[str]:
        """Matches any term of any category as a whole word or phrase."""
        return self._pattern[0]

    def category(self, term: str) -> Category | None:
        """The category of a term as found in text ("Killed" -> killed)."""
        return self._by_term.get(_term_key(term)) or self._by_term.get(_term_key(term.lower()))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterable[tuple[re.Match[str], Category]]:
        """Every term occurrence in ``text[start:end]`` with its category."""
        for match in self.pattern.finditer(text, start, len(text) if end is None else end):
            category = self.category(match.group())
            if category is not None:
                yield match, category

    def word_list(self, name: str) -> frozenset[str]:
        """A named list, case-folded, for membership tests (built once: rules ask per statement)."""
        folded = self._folded_lists.get(name)
        if folded is None:
            folded = self._folded_lists[name] = frozenset(w.casefold() for w in self.lists.get(name, ()))
        return folded


def _term_key(term: str) -> str:
    term = re.sub(r"\s+", " ", term.strip())
    return term if _is_cased(term) else term.casefold()


def _is_cased(term: str) -> bool:
    """Acronyms (POW, MIA, IDPs) match case-sensitively so "pow" or "mia" in prose do not."""
    return sum(ch.isupper() for ch in term) >= 2


def phrases_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Any of the phrases as a whole word or phrase, case-insensitively; nothing when there are none.

    Phrases that begin alike share one branch (a trie): a plain alternation is tried phrase by
    phrase at every position of the text, which made matching an article's lead against the
    conflict files a tenth of a short article's lint.
    """
    return _phrases_pattern(tuple(phrases))


@functools.lru_cache(maxsize=64)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """phrases_pattern, built once per list of phrases: the trie of every conflict's terms takes
    a millisecond to build, and every new Settings (a lint_text call without one) asks again."""
    body = alternation(phrases)
    if not body:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.I)


# ---------------------------------------------------------------------------------------------
# Names and domains


_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_NAME_NOISE = re.compile(r"[\s\"'’`.,;:()\[\]]+")


def normalize_name(name: str) -> str:
    """Outlet-name key: wiki links unwrapped, case and punctuation folded, leading "the" dropped."""
    name = _LINK.sub(r"\1", name).replace("’", "'").casefold()
    name = re.sub(r"^\s*the\s+", "", name)
    return _NAME_NOISE.sub(" ", name).strip()


_DOMAIN_LIKE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")


def host_of(value: str) -> str:
    """The host of a URL or of a domain-like name ("www.armradio.am" -> "armradio.am"), else ""."""
    value = _LINK.sub(r"\1", value).strip().lower()
    value = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value)
    value = re.split(r"[/?#\s]", value, maxsplit=1)[0]
    value = value.rsplit("@", 1)[-1].split(":", 1)[0].rstrip(".")
    if value.startswith("www."):
        value = value[4:]
    return value if _DOMAIN_LIKE.match(value) else ""


# An archive copy names its original inside its own URL: web.archive.org/web/2020.../https://armenpress.am/...
_ARCHIVED_ORIGINAL = re.compile(r"^https?://(?:web\.)?archive\.(?:org|today|ph|is|li|md)/\S*?(https?://\S+)", re.I)


def _domain_hit(host: str, domains: dict[str, Any]) -> Any:
    """The entry for a host or, failing that, for its nearest listed parent domain."""
    labels = host.split(".")
    for i in range(len(labels) - 1):  # the host itself, then each parent domain
        hit = domains.get(".".join(labels[i:]))
        if hit is not None:
            return hit
    return None


def _lookup(query: str, domains: dict[str, Any], names: dict[str, Any]) -> Any:
    """(owner, outlet, how it matched) for a domain, URL or outlet name typed by a user."""
    host = host_of(query) if " " not in query.strip() else ""
    hit = _domain_hit(host, domains) if host else None
    if hit is not None:
        return (*hit, f"the domain {host} is listed for {hit[1].name}")
    hit = names.get(normalize_name(query))
    if hit is not None:
        return (*hit, f"{query!r} is a name of {hit[1].name}")
    return None


def _reference_owner(ref: Reference, domains: dict[str, Any], names: dict[str, Any]) -> Any:
    """Whose outlet a reference is: by the domain of its URL, else by its work or publisher name."""
    for host in _reference_hosts(ref):
        hit = _domain_hit(host, domains)
        if hit is not None:
            return hit
    for key in ("work", "publisher", "via", "agency"):
        value = ref.get(key)
        if value:
            hit = names.get(normalize_name(value))
            if hit is not None:
                return hit
    return None


def _reference_hosts(ref: Reference) -> list[str]:
    hosts = [host_of(ref.domain)] if ref.domain else []
    for key in ("url", "archive_url", "work", "publisher", "via"):
        value = ref.get(key)
        if not value:
            continue
        original = _ARCHIVED_ORIGINAL.match(value.strip())
        hosts.append(host_of(original.group(1) if original else value))
    return [h for h in dict.fromkeys(hosts) if h]


# ---------------------------------------------------------------------------------------------
# Locating the data


def data_root() -> Path:
    """The rule-data folder: the installed ``citecheck.ruledata`` package, else the checkout's rules/."""
    return _data_root(importlib.util.find_spec)


@functools.lru_cache(maxsize=4)
def _data_root(find_spec: Any) -> Path:
    """data_root, looked up once per import system: every document's rules ask for it (an
    import-system search costs a short article's lint 9 %)."""
    try:
        spec = find_spec("citecheck.ruledata")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        candidate = Path(location)
        if (candidate / "conflicts").is_dir() or (candidate / "lexicons").is_dir():
            return candidate
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "rules").is_dir():
        return checkout / "rules"
    raise ConfigError("citecheck rule data not found: the package citecheck.ruledata is missing "
                      "(reinstall citecheck)")


def registry_dir() -> Path:
    """The outlet registry folder: one file per state or armed organisation."""
    return data_root() / "outlets"


def conflict_dirs(extra: Iterable[str] = ()) -> list[Path]:
    """Folders searched for conflict files: configured ones first, then the shipped one."""
    dirs = []
    for folder in extra:
        path = Path(folder)
        if not path.is_dir():
            raise ConfigError(f"conflict-paths: {folder}: not a folder")
        dirs.append(path)
    dirs.append(data_root() / "conflicts")
    return dirs


# ---------------------------------------------------------------------------------------------
# Loading and validation


class _Checker:
    """Typed access to a parsed TOML table that reports errors as "file: key: problem"."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path}: {key}: {problem}" if key else f"{self.path}: {problem}")

    def table(self, data: Any, key: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.error(key, f"expected a table, got {_type_name(data)}")
        return data

    def string(self, data: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
        if key not in data:
            if required:
                raise self.error(_join(where, key), "missing")
            return ""
        value = data[key]
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.error(_join(where, key), f"expected a non-empty string, got {_type_name(value)}")
        return value.strip()

    def strings(self, data: dict[str, Any], key: str, where: str, *, required: bool = False) -> tuple[str, ...]:
        if key not in data:
            if required:
                raise self.error(_join(where, key), "missing")
            return ()
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(_join(where, key), "expected a list of non-empty strings")
        if required and not value:
            raise self.error(_join(where, key), "must not be empty")
        return tuple(v.strip() for v in value)

    def boolean(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.error(_join(where, key), f"expected true or false, got {_type_name(value)}")
        return value

    def known_keys(self, data: dict[str, Any], allowed: Iterable[str], where: str) -> None:
        allowed = tuple(allowed)
        for key in data:
            if key not in allowed:
                raise self.error(_join(where, key), f"unknown key (known: {', '.join(allowed)})")

    def schema(self, data: dict[str, Any], expected: str) -> None:
        value = data.get("schema")
        if value != expected:
            raise self.error("schema", f"expected {expected!r}, got {value!r}")


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _type_name(value: Any) -> str:
    return {dict: "a table", list: "a list", str: "a string", bool: "a boolean",
            int: "an integer", float: "a number"}.get(type(value), type(value).__name__)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _mtime(path: str | Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _open(path: Path, schema: str, keys: tuple[str, ...]) -> tuple[_Checker, dict[str, Any]]:
    """Read a data file and check its schema line and top-level keys."""
    check = _Checker(path)
    data = check.table(_read_toml(path), "")
    check.schema(data, schema)
    check.known_keys(data, keys, "")
    return check, data


def _cached(loader: Any, path: str | Path) -> Any:
    """Call an lru-cached loader keyed on the resolved path and its mtime, so edits are seen.

    Resolved with os.path.realpath, as Path.resolve does but without building Path objects: the
    number parser asks for its lexicon once per document."""
    resolved = os.path.realpath(path)
    return loader(resolved, _mtime(resolved))


def load_conflict(path: str | Path, registry: Registry | None = None) -> Conflict:
    """Load and validate one conflict file (cached until the file changes).

    A party's ``members`` are resolved against the outlet registry (the shipped one unless
    ``registry`` is given): their aliases and outlets join the party's own.
    """
    conflict = _cached(_load_conflict, path)
    if not any(party.members for party in conflict.parties):
        return conflict
    registry = load_registry() if registry is None else registry
    key = (id(conflict), id(registry))
    cached = _RESOLVED.get(key)
    if cached is None or cached[0] is not conflict or cached[1] is not registry:
        if len(_RESOLVED) > 128:
            _RESOLVED.clear()
        cached = _RESOLVED[key] = (conflict, registry, _with_members(conflict, registry))
    return cached[2]


# (file-level conflict, registry) -> the conflict with its members' outlets; both kept alive.
_RESOLVED: dict[tuple[int, int], tuple[Conflict, Registry, Conflict]] = {}


def _with_members(conflict: Conflict, registry: Registry) -> Conflict:
    """The conflict with each party's registry members merged in; a member id must exist, and
    no domain may end up on two sides."""
    check = _Checker(Path(conflict.path))
    parties = []
    owner_of_domain: dict[str, str] = {}
    for party in conflict.parties:
        aliases = list(party.aliases)
        outlets = list(party.outlets)
        for member in party.members:
            actor = registry.actor(member)
            if actor is None:
                known = ", ".join(sorted(a.id for a in registry.actors)) or "none"
                raise check.error(f"parties.{party.key}.members",
                                  f"unknown registry id {member!r} (rules/outlets/ has: {known})")
            aliases.extend(actor.names)
            outlets.extend(actor.outlets)
        for outlet in outlets:
            for domain in outlet.domains:
                other = owner_of_domain.setdefault(domain, party.key)
                if other != party.key:
                    raise check.error(f"parties.{party.key}.members", f"{domain} is already an outlet of {other}")
        parties.append(replace(party, aliases=tuple(dict.fromkeys(aliases)), outlets=tuple(dict.fromkeys(outlets))))
    return replace(conflict, parties=tuple(parties), _names={}, _domains={}, _match_pattern=[])


@functools.lru_cache(maxsize=64)
def _load_conflict(path_str: str, _mtime_ns: int) -> Conflict:
    path = Path(path_str)
    check, data = _open(path, CONFLICT_SCHEMA, ("schema", "name", "match", "notes", "parties"))
    name = check.string(data, "name", "")
    match = check.strings(data, "match", "", required=True)
    notes = check.string(data, "notes", "", required=False)
    parties_table = check.table(data.get("parties"), "parties") if "parties" in data else None
    if not parties_table:
        raise check.error("parties", "missing: a conflict needs at least two parties")
    if len(parties_table) < 2:
        raise check.error("parties", "a conflict needs at least two parties")
    parties = []
    seen_domains: dict[str, str] = {}
    seen_names: dict[str, str] = {}
    for key, raw in parties_table.items():
        where = f"parties.{key}"
        table = check.table(raw, where)
        check.known_keys(table, ("label", "aliases", "outlets", "members", "notes"), where)
        label = check.string(table, "label", where)
        members = check.strings(table, "members", where)
        aliases = check.strings(table, "aliases", where, required=not members)
        check.string(table, "notes", where, required=False)
        if "outlets" not in table and not members:
            raise check.error(f"{where}.outlets", "missing (or name the registry's members)")
        if not isinstance(table.get("outlets", []), list):
            raise check.error(f"{where}.outlets", "expected a list of outlet names, domains or tables")
        outlets = []
        for i, entry in enumerate(table.get("outlets", [])):
            outlet = _outlet(check, entry, f"{where}.outlets[{i}]")
            for domain in outlet.domains:
                other = seen_domains.setdefault(domain, key)
                if other != key:
                    raise check.error(f"{where}.outlets[{i}].domains", f"{domain} is already an outlet of {other}")
            for outlet_name in outlet.names:
                other = seen_names.setdefault(normalize_name(outlet_name), key)
                if other != key:
                    raise check.error(f"{where}.outlets[{i}]", f"{outlet_name!r} is already an outlet of {other}")
            outlets.append(outlet)
        parties.append(Party(key=key, label=label, aliases=aliases, outlets=tuple(outlets), members=members))
    return Conflict(name=name, path=str(path), match=match, parties=tuple(parties), notes=notes)


def _outlet(check: _Checker, entry: Any, where: str, *, in_registry: bool = False) -> Outlet:
    """An outlet from a plain string (a domain or a name) or a table with its evidence.

    Registry outlets must say what they are (``kind``) and be findable (domains or aliases).
    """
    if isinstance(entry, str):
        if not entry.strip():
            raise check.error(where, "empty outlet")
        host = host_of(entry) if " " not in entry.strip() else ""
        return Outlet(name=entry.strip(), domains=(host,) if host else ())
    table = check.table(entry, where)
    check.known_keys(table, ("name", "aliases", "domains", "kind", "evidence"), where)
    name = check.string(table, "name", where)
    aliases = check.strings(table, "aliases", where)
    domains = []
    for domain in check.strings(table, "domains", where):
        host = host_of(domain)
        if not host:
            raise check.error(f"{where}.domains", f"{domain!r} is not a domain name")
        domains.append(host)
    kind = check.string(table, "kind", where, required=in_registry)
    if kind and kind not in OUTLET_KINDS:
        raise check.error(f"{where}.kind", f"unknown kind {kind!r} (known: {', '.join(OUTLET_KINDS)})")
    evidence = check.string(table, "evidence", where)
    if in_registry and not domains and not aliases:
        raise check.error(where, "needs domains or aliases: the name alone rarely matches a citation")
    return Outlet(name=name, aliases=aliases, domains=tuple(domains), kind=kind, evidence=evidence)


def load_registry(folder: str | Path | None = None) -> Registry:
    """Every actor file of the outlet registry (``rules/outlets/`` by default), validated together.

    Cached until a file is added, removed or changed. A missing folder is an empty registry.
    """
    folder = (Path(folder) if folder is not None else registry_dir()).resolve()
    paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return _load_registry(tuple((str(path), _mtime(path)) for path in paths))


@functools.lru_cache(maxsize=8)
def _load_registry(files: tuple[tuple[str, int], ...]) -> Registry:
    actors = [_load_actor(Path(path)) for path, _mtime_ns in files]
    owner_of: dict[str, Actor] = {}  # domain or folded outlet name -> its owner
    for actor in actors:
        check = _Checker(Path(actor.path))
        for i, outlet in enumerate(actor.outlets):
            keys = [(f"domain {d}", d) for d in outlet.domains]
            keys += [(f"outlet name {n!r}", normalize_name(n)) for n in outlet.names]
            for what, key in keys:
                other = owner_of.setdefault(key, actor)
                if other is not actor:
                    raise check.error(f"outlets[{i}]", f"{what} is already listed in {other.path} "
                                      f"(an outlet has one owner)")
    return Registry(actors=tuple(actors))


def _load_actor(path: Path) -> Actor:
    check, data = _open(path, REGISTRY_SCHEMA, ("schema", "id", "name", "kind", "aliases", "notes", "outlets"))
    actor_id = check.string(data, "id", "")
    if actor_id != path.stem:
        raise check.error("id", f"{actor_id!r} must equal the file name {path.stem!r}")
    if not _ACTOR_ID.match(actor_id):
        raise check.error("id", f"{actor_id!r}: use lower-case letters, digits and hyphens")
    name = check.string(data, "name", "")
    kind = check.string(data, "kind", "")
    if kind not in ACTOR_KINDS:
        raise check.error("kind", f"unknown kind {kind!r} (known: {', '.join(ACTOR_KINDS)})")
    aliases = check.strings(data, "aliases", "")
    notes = check.string(data, "notes", "", required=False)
    entries = data.get("outlets", [])
    if not isinstance(entries, list):
        raise check.error("outlets", "expected [[outlets]] tables")
    outlets = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries):
        where = f"outlets[{i}]"
        if not isinstance(entry, dict):
            raise check.error(where, f"expected an [[outlets]] table, got {_type_name(entry)}")
        outlet = _outlet(check, entry, where, in_registry=True)
        for domain in outlet.domains:
            first = seen.setdefault(domain, i)
            if first != i:
                raise check.error(f"{where}.domains", f"{domain} is already listed in outlets[{first}]")
        outlets.append(outlet)
    return Actor(id=actor_id, name=name, kind=kind, aliases=aliases, outlets=tuple(outlets),
                 path=str(path), notes=notes)


def load_lexicon(path: str | Path) -> Lexicon:
    """Load and validate one lexicon file (cached until the file changes)."""
    return _cached(_load_lexicon, path)


@functools.lru_cache(maxsize=64)
def _load_lexicon(path_str: str, _mtime_ns: int) -> Lexicon:
    path = Path(path_str)
    check, data = _open(path, LEXICON_SCHEMA, ("schema", "name", "description", "categories", "lists"))
    name = check.string(data, "name", "")
    if name != path.stem:
        raise check.error("name", f"{name!r} must match the file name {path.stem!r}")
    description = check.string(data, "description", "", required=False)
    categories_table = check.table(data.get("categories", {}), "categories")
    if not categories_table:
        raise check.error("categories", "missing: a lexicon needs at least one category")
    categories = []
    for key, raw in categories_table.items():
        where = f"categories.{key}"
        table = check.table(raw, where)
        check.known_keys(table, ("label", "terms", "needs_person"), where)
        categories.append(Category(
            key=key,
            label=check.string(table, "label", where, required=False) or key,
            terms=check.strings(table, "terms", where, required=True),
            needs_person=check.boolean(table, "needs_person", where),
        ))
    lists_table = check.table(data.get("lists", {}), "lists")
    lists = {key: check.strings(lists_table, key, "lists", required=True) for key in lists_table}
    return Lexicon(name=name, path=str(path), categories=tuple(categories), lists=lists,
                   description=description)


def load_lexicons(folder: str | Path | None = None) -> dict[str, Lexicon]:
    """Every lexicon of a folder (the shipped ``lexicons/`` by default), by name."""
    folder = Path(folder) if folder is not None else data_root() / "lexicons"
    return {path.stem: load_lexicon(path) for path in sorted(folder.glob("*.toml"))}


def available_conflicts(search_paths: Iterable[str] = (), registry: Registry | None = None) -> list[Conflict]:
    """Every conflict definition in the configured folders and the shipped one, their parties'
    members resolved against ``registry`` (the shipped one by default)."""
    conflicts: dict[str, Conflict] = {}
    registry = load_registry() if registry is None else registry  # once for every file's members
    for folder in conflict_dirs(search_paths):
        for path in sorted(folder.glob("*.toml")):
            conflicts.setdefault(path.stem, load_conflict(path, registry))
    return list(conflicts.values())


def find_conflict(name_or_path: str, search_paths: Iterable[str] = ()) -> Conflict:
    """The conflict named (file stem or ``name``, case-insensitive) or stored at a path."""
    candidate = Path(name_or_path)
    if name_or_path.endswith(".toml") or candidate.is_file():
        if not candidate.is_file():
            raise ConfigError(f"conflict: {name_or_path}: no such file")
        return load_conflict(candidate)
    wanted = name_or_path.strip().casefold()
    conflicts = available_conflicts(search_paths)
    for conflict in conflicts:
        if Path(conflict.path).stem.casefold() == wanted or conflict.name.casefold() == wanted:
            return conflict
    known = ", ".join(sorted(Path(c.path).stem for c in conflicts)) or "none"
    raise ConfigError(f"conflict: unknown conflict {name_or_path!r} (available: {known})")


def lead_text(doc: Document, limit: int = 1500) -> str:
    """The article's opening prose (before the first section), where its subject is named.

    Infobox rows are skipped: a country's infobox lists every war it fought, its lead does not.
    """
    parts: list[str] = []
    size = 0
    for statement in doc.statements:
        if statement.kind in ("infobox", "caption"):
            continue
        if statement.section:
            break
        if statement.kind == "prose":
            parts.append(statement.text)
            size += len(statement.text)
            if size >= limit:
                break
    return " ".join(parts)


def match_conflict(doc: Document, search_paths: Iterable[str] = ()) -> Conflict | None:
    """The conflict whose ``match`` terms name the article in its title, else in its lead."""
    conflicts = available_conflicts(search_paths)
    return _best_match(doc, conflicts, _any_match_term(conflicts))


def _any_match_term(conflicts: Iterable[Conflict]) -> re.Pattern[str]:
    """Every conflict's match terms in one pattern: most articles name none, and one search
    tells so."""
    return phrases_pattern(term for conflict in conflicts for term in conflict.match)


def _best_match(doc: Document, conflicts: Iterable[Conflict], any_term: re.Pattern[str]) -> Conflict | None:
    lead = lead_text(doc)
    if not any_term.search(doc.title) and not any_term.search(lead):
        return None
    best: tuple[int, Conflict] | None = None
    for conflict in conflicts:
        score = conflict.matches(doc.title, lead)
        if score and (best is None or score > best[0]):
            best = (score, conflict)
    return best[1] if best else None


def describe_outlet(query: str, search_paths: Iterable[str] = ()) -> list[str]:
    """What the data says about an outlet (a domain, URL or name) and why; no lines when unknown.

    The registry gives its owner, kind, domains, aliases and evidence; every conflict file that
    lists it (inline or through a party's ``members``) is named with the party it is counted for.
    """
    registry = load_registry()
    lines: list[str] = []
    hit = registry.lookup(query)
    if hit is not None:
        actor, outlet, how = hit
        lines += [
            f"{outlet.name}: an outlet of {actor.name} ({actor.kind}), {Path(actor.path).name}",
            f"  matched: {how}",
            f"  kind: {outlet.kind}",
            f"  domains: {', '.join(outlet.domains) or '-'}",
            f"  aliases: {', '.join(outlet.aliases) or '-'}",
            f"  evidence: {outlet.evidence}",
            f"  counts as a party's outlet only where {actor.name} is a belligerent: a conflict file with "
            f"{actor.id!r} in a party's members, or an article whose infobox lists {actor.name} as a belligerent",
        ]
    listed = []
    for conflict in available_conflicts(search_paths):
        found = conflict.lookup(query)
        if found is not None:
            party, outlet, how = found
            listed.append(f"    {Path(conflict.path).name}: {party.label} ({conflict.name}); {how}")
            if hit is None and not lines:
                lines += [f"{outlet.name}: not in the outlet registry (rules/outlets/)",
                          f"  kind: {outlet.kind or '-'}", f"  evidence: {outlet.evidence or '-'}"]
    if lines:
        lines.append("  conflict files that list it:" + ("" if listed else " none"))
        lines += listed
    return lines


def check_settings(settings: Settings) -> None:
    """Fail early, before any input is read, on a named conflict that does not exist, a missing
    conflict folder, or a rule-data file that does not validate; the loaded data becomes the
    run's (``Settings.rule_data``), so no document reads it again."""
    load_registry()
    available_conflicts(settings.conflict_paths)  # loads, and so validates, every conflict file
    settings.rule_data = load_rule_data(settings)


@dataclass(frozen=True, eq=False)
class RuleData:
    """The rule data one run reads for every document, loaded and validated once.

    Listing the data folders and checking each file for changes costs a short article a
    quarter of its lint; a run does it once and every later run sees the edits.
    """

    # The run's conflict settings (``--conflict``, ``conflict-paths``) this data answers.
    key: tuple[str | None, tuple[str, ...]]
    lexicons: dict[str, Lexicon]
    # The conflict every document gets (``--conflict``; None for "none"), when the run names one.
    named: Conflict | None = None
    # Otherwise the conflict files matched on each article, and the registry for infobox parties.
    conflicts: tuple[Conflict, ...] = ()
    registry: Registry = field(default_factory=Registry)
    any_match_term: re.Pattern[str] = field(default_factory=lambda: phrases_pattern(()))

    @property
    def names_conflict(self) -> bool:
        return self.key[0] is not None


def _rule_data_key(settings: Settings) -> tuple[str | None, tuple[str, ...]]:
    return settings.conflict or None, tuple(settings.conflict_paths)


def load_rule_data(settings: Settings) -> RuleData:
    """Read (or take from the per-file caches) the lexicons and the conflict data ``settings`` ask for."""
    key = _rule_data_key(settings)
    lexicons = load_lexicons()
    if settings.conflict and settings.conflict.strip().casefold() == NO_CONFLICT:
        return RuleData(key, lexicons)
    if settings.conflict:
        return RuleData(key, lexicons, named=find_conflict(settings.conflict, settings.conflict_paths))
    registry = load_registry()
    conflicts = tuple(available_conflicts(settings.conflict_paths, registry))
    return RuleData(key, lexicons, conflicts=conflicts, registry=registry, any_match_term=_any_match_term(conflicts))


def run_rule_data(settings: Settings) -> RuleData:
    """The run's rule data: loaded on the first document linted with these settings, reloaded
    only when their conflict settings have changed since."""
    loaded = settings.rule_data
    if loaded is None or loaded.key != _rule_data_key(settings):
        loaded = settings.rule_data = load_rule_data(settings)
    return loaded


def rule_data(doc: Document, settings: Settings) -> tuple[Conflict | None, dict[str, Lexicon]]:
    """The conflict and lexicons for one document: ``--conflict``, else a conflict file matched
    on title and lead, else the parties the article's infobox names as belligerents."""
    loaded = run_rule_data(settings)
    if loaded.names_conflict:
        return loaded.named, loaded.lexicons
    conflict = _best_match(doc, loaded.conflicts, loaded.any_match_term)
    if conflict is None:
        from citecheck.sourcing import article_conflict  # sourcing reads documents; data does not

        conflict = article_conflict(doc, loaded.registry)
    return conflict, loaded.lexicons

"""Run settings: what the CLI flags, the API keywords and the config file all resolve to.

The config file is ``citecheck.toml`` (keys at top level) or ``pyproject.toml`` (keys under
``[tool.citecheck]``), found upward from the input. Validation is strict: an unknown key, a
wrong type or an unknown rule code is a ConfigError naming the file and the key, because a
silently ignored setting is a check that silently does not run.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from citecheck.io import DEFAULT_MAX_BYTES
from citecheck.model import Severity

CONFIG_NAMES = ("citecheck.toml", "pyproject.toml")
# The largest input size limit accepted: an article is never near it, and reading allocates
# up to the limit at once.
MAX_BYTES_CEILING = 1 << 30
FAIL_ON_CHOICES = ("error", "warning", "info", "never")
KNOWN_KEYS = ("select", "ignore", "fail-on", "conflict", "conflict-paths", "network", "cache",
              "input-format", "max-bytes", "as-of", "include", "exclude", "rules")


class ConfigError(Exception):
    """A setting is invalid; the message names the file and key (exit code 2)."""


@dataclass
class Settings:
    """Everything that shapes one run. Defaults are what a bare ``citecheck FILE`` does."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)  # code -> override
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> options
    fail_on: Severity | None = Severity.ERROR  # None means never fail
    conflict: str | None = None  # name or path of a conflict definition
    conflict_paths: list[str] = field(default_factory=list)  # extra folders of conflict files
    as_of: date | None = None
    online: bool = False
    cache: str | None = None
    no_cache: bool = False  # --no-cache: keep link-check results for this run only
    refresh: bool = False  # --refresh: re-check links even when the cache has a fresh answer
    # The shared link checker (citecheck.net.linkcheck.LinkChecker); built on first use when
    # online, or given by a caller (tests point it at recorded responses).
    link_checker: Any = None
    input_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    # The accepted findings of a baseline (citecheck.baseline.Baseline), None without one.
    baseline: Any = None
    include: list[str] = field(default_factory=list)  # file patterns searched for in folders
    exclude: list[str] = field(default_factory=list)  # file and folder patterns never linted
    config_path: str | None = None  # the config file these settings came from, if any
    # The rule data (citecheck.data.RuleData) every document of the run reads: loaded with the
    # first document (or by check_settings), so the data files are read once per run.
    rule_data: Any = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        # A worker process loads its own rule data rather than receive a copy with every task.
        return {**self.__dict__, "rule_data": None}


def parse_fail_on(value: str) -> Severity | None:
    if value == "never":
        return None
    if value not in FAIL_ON_CHOICES:
        raise ValueError(f"expected one of {', '.join(FAIL_ON_CHOICES)}, got {value!r}")
    return Severity.parse(value)


def find_config(start: str | Path) -> Path | None:
    """The nearest citecheck.toml, or pyproject.toml with a [tool.citecheck] table, upward from ``start``."""
    try:
        here = Path(start).resolve()
    except (OSError, RuntimeError):  # a symlink loop: its own folder is where to look
        here = Path(start).absolute()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "citecheck.toml" or _pyproject_table(candidate) is not None:
                return candidate
    return None


def load_config(path: str | Path, settings: Settings | None = None) -> Settings:
    """Apply the config file at ``path`` to ``settings`` (a fresh Settings by default)."""
    path = Path(path)
    if path.name == "pyproject.toml":
        table, prefix = _pyproject_table(path) or {}, "tool.citecheck."
    else:
        table, prefix = _read_toml(path), ""
    settings = settings or Settings()
    apply_table(settings, table, path, prefix)
    settings.config_path = str(path)
    return settings


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    """The [tool.citecheck] table of a pyproject.toml, None when it has none."""
    tool = _table(_read_toml(path).get("tool", {}), f"{path}: tool")
    return _table(tool["citecheck"], f"{path}: tool.citecheck") if "citecheck" in tool else None


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table, got {type(value).__name__}")
    return value


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def _expect(value: Any, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise ConfigError(f"{where}: expected {names}, got {type(value).__name__}")
    return value


def _string_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    _expect(value, list, where)
    return [_expect(item, str, where) for item in value]


def apply_table(settings: Settings, table: dict[str, Any], path: Path, prefix: str = "") -> None:
    """Validate one config table and copy it into ``settings``; relative paths are file-relative."""
    from citecheck.rules import by_code, resolve

    base = path.parent

    def where(key: str) -> str:
        return f"{path}: {prefix}{key}"

    for key, value in table.items():
        if key in ("select", "ignore"):
            codes = _string_list(value, where(key))
            for code in codes:
                try:
                    resolve(code)
                except ValueError as exc:
                    raise ConfigError(f"{where(key)}: {exc}") from None
            setattr(settings, key, codes)
        elif key == "fail-on":
            try:
                settings.fail_on = parse_fail_on(_expect(value, str, where(key)))
            except ValueError as exc:
                raise ConfigError(f"{where(key)}: {exc}") from None
        elif key == "conflict":
            name = _expect(value, str, where(key))
            settings.conflict = str(base / name) if name.endswith(".toml") else name
        elif key == "conflict-paths":
            settings.conflict_paths = [str(base / p) for p in _string_list(value, where(key))]
            for folder in settings.conflict_paths:
                if not Path(folder).is_dir():
                    raise ConfigError(f"{where(key)}: {folder}: not a folder")
        elif key in ("include", "exclude"):
            patterns = _string_list(value, where(key))
            if any(not pattern.strip() for pattern in patterns):
                raise ConfigError(f"{where(key)}: empty pattern")
            setattr(settings, key, patterns)
        elif key == "network":
            settings.online = _expect(value, bool, where(key))
        elif key == "cache":
            settings.cache = str(base / _expect(value, str, where(key)))
        elif key == "input-format":
            fmt = _expect(value, str, where(key))
            if fmt not in ("text", "wikitext", "html"):
                raise ConfigError(f"{where(key)}: expected text, wikitext or html, got {fmt!r}")
            settings.input_format = fmt
        elif key == "max-bytes":
            settings.max_bytes = _expect(value, int, where(key))
            if not 1 <= settings.max_bytes <= MAX_BYTES_CEILING:
                raise ConfigError(f"{where(key)}: expected 1 to {MAX_BYTES_CEILING} bytes, got {value}")
        elif key == "as-of":
            settings.as_of = _as_date(value, where(key))
        elif key == "rules":
            for code, options in _expect(value, dict, where(key)).items():
                rule = by_code(code)
                if rule is None:
                    raise ConfigError(f"{where(key)}.{code}: no such rule (see 'citecheck rules')")
                _apply_rule_table(settings, rule, _expect(options, dict, where(f"rules.{code}")),
                                  where(f"rules.{code}"))
        else:
            raise ConfigError(f"{where(key)}: unknown key (known: {', '.join(KNOWN_KEYS)})")


def _as_date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(_expect(value, str, where))
    except ValueError:
        raise ConfigError(f"{where}: expected a date like 2020-10-30, got {value!r}") from None


def _apply_rule_table(settings: Settings, rule: Any, table: dict[str, Any], where: str) -> None:
    known = {opt.name: opt for opt in rule.options}
    for key, value in table.items():
        if key == "severity":
            try:
                settings.severity[rule.code] = Severity.parse(_expect(value, str, f"{where}.severity"))
            except ValueError as exc:
                raise ConfigError(f"{where}.severity: {exc}") from None
        elif key in known:
            try:
                settings.rule_options.setdefault(rule.code, {})[key] = known[key].coerce(value)
            except ValueError as exc:
                raise ConfigError(f"{where}.{key}: {exc}") from None
        else:
            names = ", ".join(["severity", *known]) or "severity"
            raise ConfigError(f"{where}.{key}: unknown option for {rule.code} (known: {names})")


def describe_settings(settings: Settings) -> list[str]:
    """``--show-settings``: where the settings came from and what the run will do."""
    from citecheck.inputs import DEFAULT_INCLUDE
    from citecheck.rules import select_rules

    fail_on = "never" if settings.fail_on is None else str(settings.fail_on)
    lines = [
        f"config file: {settings.config_path or 'none (defaults and flags only)'}",
        f"fail-on: {fail_on}",
        f"include: {', '.join(settings.include or DEFAULT_INCLUDE)}{'' if settings.include else ' (default)'}",
        f"exclude: {', '.join(settings.exclude) or 'nothing'}",
        f"conflict: {settings.conflict or 'matched on each article'}",
        f"conflict-paths: {', '.join(settings.conflict_paths) or 'none'}",
        f"network: {'on' if settings.online else 'off'}",
        f"as-of: {settings.as_of.isoformat() if settings.as_of else 'from each article'}",
        f"input-format: {settings.input_format or 'detected per file'}",
        f"max-bytes: {settings.max_bytes}",
        "rules:",
    ]
    for rule in select_rules(settings.select, settings.ignore, online=settings.online):
        severity = settings.severity.get(rule.code, rule.severity)
        changed = " (set in config)" if rule.code in settings.severity else ""
        options = {**rule.option_defaults(), **settings.rule_options.get(rule.code, {})}
        shown = "; ".join(f"{name}={value!r}" for name, value in options.items())
        line = f"  {rule.code} {rule.name:<34} {str(severity):<7}{changed}{'  ' + shown if shown else ''}"
        lines.append(line.rstrip())
    return lines

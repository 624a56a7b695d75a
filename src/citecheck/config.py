"""Run settings: what the CLI flags, the API keywords and the config file all resolve to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from citecheck.io import DEFAULT_MAX_BYTES
from citecheck.model import Severity


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
    input_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    baseline: set[str] = field(default_factory=set)  # fingerprints to leave out

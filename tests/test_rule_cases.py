"""Runs every pass/fail case in fixtures/rules/CCnnn.toml, and checks every rule has both kinds.

A case file names its rule and lists cases:

    rule = "CC101"
    [[cases]]
    name = "figure with no citation"
    fail_str = "The attack killed 12 people."
    violations = 1              # optional: exact number of findings of this rule
    message_contains = "12"     # optional
    format = "text"             # optional: text (default), wikitext or html
    configs = { as_of = "2020-10-30", options = { threshold = 2 }, conflict = "nagorno-karabakh-2020" }

    [[cases]]
    name = "a year is not a numeric claim"
    pass_str = "The war ended in 1994.[1]\n\nReferences\n\n  1. ^ \"Title\". Work. 2020."

Network rules run online against recorded answers, never the network: ``configs =
{ http_fixture = "fixtures/http/dead.json" }`` (a path from the repository root; format in
citecheck/net/replay.py) turns ``online`` on and hands the rule a link checker that replays it.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from citecheck import lint_text
from citecheck.config import Settings
from citecheck.rules import RULES

CASES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "rules"


def load_case_files() -> dict[str, dict[str, Any]]:
    return {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES_DIR.glob("CC*.toml"))}


CASE_FILES = load_case_files()


def all_cases() -> list[Any]:
    params = []
    for stem, data in CASE_FILES.items():
        for i, case in enumerate(data.get("cases", [])):
            params.append(pytest.param(data.get("rule", stem), case, id=f"{stem}-{i}-{case.get('name', '')}"))
    return params


def settings_for(code: str, configs: dict[str, Any]) -> Settings:
    settings = Settings(select=[code])
    if "as_of" in configs:
        settings.as_of = date.fromisoformat(configs["as_of"])
    if "options" in configs:
        settings.rule_options = {code: dict(configs["options"])}
    if "conflict" in configs:
        settings.conflict = configs["conflict"]
    if "http_fixture" in configs:
        from citecheck.net.linkcheck import LinkChecker

        settings.online = True
        settings.link_checker = LinkChecker.from_fixture(str(CASES_DIR.parents[1] / configs["http_fixture"]))
    return settings


@pytest.mark.parametrize(("code", "case"), all_cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    is_fail = "fail_str" in case
    assert is_fail != ("pass_str" in case), "a case has exactly one of pass_str / fail_str"
    text = case["fail_str"] if is_fail else case["pass_str"]
    result = lint_text(text, case.get("format", "text"), settings=settings_for(code, case.get("configs", {})))
    found = [f for f in result.findings if f.code == code]
    shown = "\n".join(f"  {f.line}:{f.column} {f.message}" for f in found)
    if not is_fail:
        assert not found, f"expected no {code} findings, got:\n{shown}"
        return
    if "violations" in case:
        assert len(found) == case["violations"], f"expected {case['violations']} {code} findings, got:\n{shown}"
    else:
        assert found, f"expected a {code} finding, got none"
    if "message_contains" in case:
        assert any(case["message_contains"] in f.message for f in found), shown
    if "severity" in case:
        assert {str(f.severity) for f in found} == {case["severity"]}, shown


def test_every_rule_has_pass_and_fail_cases() -> None:
    for rule in RULES:
        data = CASE_FILES.get(rule.code)
        assert data is not None, f"{rule.code} has no fixtures/rules/{rule.code}.toml"
        kinds = {("fail" if "fail_str" in c else "pass") for c in data.get("cases", [])}
        assert kinds == {"pass", "fail"}, f"{rule.code} needs both pass and fail cases, has {kinds}"


def test_every_case_file_names_a_real_rule() -> None:
    codes = {rule.code for rule in RULES}
    for stem, data in CASE_FILES.items():
        assert data.get("rule", stem) == stem, f"{stem}.toml names rule {data.get('rule')}"
        assert stem in codes, f"fixtures/rules/{stem}.toml names no existing rule"

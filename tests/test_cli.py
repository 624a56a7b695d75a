"""The command line as users meet it: exit codes, formats, and clear messages for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main

from conftest import SEED

ARTICLE = """Test article

From Wikipedia, the free encyclopedia

Test article

The attack killed 12 people in the village.[1] The town was founded in 1994.[1]

References

  1. ^ "Attack kills 12". Example News. 1 October 2020. Retrieved 2 October 2020.
"""
UNCITED = ARTICLE.replace("village.[1]", "village.").replace("1994.[1]", "1994.")


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_help_lists_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "check" in out and "rule" in out


def test_clean_article_exits_zero(article: Path) -> None:
    code, out, _ = run("--select", "CC101", str(article))
    assert code == 0, out


def test_findings_at_fail_on_exit_one(tmp_path: Path) -> None:
    path = tmp_path / "uncited.txt"
    path.write_text(UNCITED, encoding="utf-8")
    code, out, _ = run("--select", "CC101", "--format", "concise", str(path))
    assert code == 1 and "CC101" in out
    assert run("--select", "CC101", "--fail-on", "never", str(path))[0] == 0


def test_check_subcommand_and_stdin_agree(article: Path) -> None:
    direct = run("--format", "json", str(article))
    piped = run("check", "--format", "json", "-", input=ARTICLE)
    assert json.loads(direct[1])["summary"] == json.loads(piped[1])["summary"]


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
])
def test_unusable_input_exits_two_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(str(path))
    assert code == 2 and reason in err and "Traceback" not in err + out


def test_missing_file_exits_two(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in err


def test_unknown_rule_selector_exits_two(article: Path) -> None:
    code, _, err = run("--select", "CC999", str(article))
    assert code == 2 and "CC999" in err


def test_bad_as_of_exits_two(article: Path) -> None:
    code, _, err = run("--as-of", "soon", str(article))
    assert code == 2 and "--as-of" in err


def test_damaged_encoding_is_linted_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("caf\xe9 \xff\xfe 12 killed.\n".encode("latin-1"))
    code, out, err = run("--format", "concise", str(path))
    assert code in (0, 1) and "Traceback" not in err


def test_rules_and_rule_explain() -> None:
    code, out, _ = run("rules")
    assert code == 0 and "CC101" in out and "uncited-numeric-claim" in out
    code, out, _ = run("rule", "CC102")
    assert code == 0 and "CC102 indirectly-cited-numeric-claim" in out and len(out.splitlines()) > 3
    code, _, err = run("rule", "CC999")
    assert code == 2 and "CC999" in err


def test_config_error_exits_two(tmp_path: Path, article: Path) -> None:
    (tmp_path / "citecheck.toml").write_text("bogus = 1\n")
    code, _, err = run(str(article))
    assert code == 2 and "bogus" in err


def test_baseline_round_trip_and_new_finding(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(UNCITED, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run("--select", "CC101", "--write-baseline", str(baseline), str(path))[0] == 0
    assert run("--select", "CC101", "--baseline", str(baseline), str(path))[0] == 0
    grown = UNCITED.replace("founded in 1994.", "founded in 1994. Later 40 soldiers were wounded there.")
    path.write_text(grown, encoding="utf-8")
    code, out, _ = run("--select", "CC101", "--format", "concise", "--baseline", str(baseline), str(path))
    assert code == 1 and out.count("CC101") == 1 and "40 soldiers" in json.dumps(
        json.loads(run("--select", "CC101", "--format", "json", "--baseline", str(baseline), str(path))[1]))


def test_diff_reports_introduced_and_resolved(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(UNCITED, encoding="utf-8")
    new.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run("diff", "--select", "CC101", str(old), str(new))
    assert code == 0 and "Resolved" in out
    code, out, _ = run("diff", "--select", "CC101", "--format", "json", str(new), str(old))
    data = json.loads(out)
    assert code == 1 and data["findings"] and data["findings"][0]["code"] == "CC101" and data["resolved"] == []


def test_help_is_fast_and_imports_nothing_heavy() -> None:
    code = ("import sys, citecheck.cli; "
            "heavy = [m for m in ('requests', 'bs4', 'lxml', 'mwparserfromhell') if m in sys.modules]; "
            "print(heavy)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_seed_runs_end_to_end_as_a_process() -> None:
    proc = subprocess.run([sys.executable, "-m", "citecheck", "--format", "json", str(SEED)],
                          capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    assert json.loads(proc.stdout)["files"][0]["format"] == "text"


def test_readme_rule_table_is_current() -> None:
    from citecheck.rules import markdown_table

    readme = (SEED.parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert table == markdown_table(), "regenerate it with: citecheck rules --markdown"


def test_diff_in_ci_formats_reports_only_introduced_findings(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(ARTICLE, encoding="utf-8")
    new.write_text(UNCITED, encoding="utf-8")
    code, out, _ = run("diff", "--select", "CC101", "--format", "github", str(old), str(new))
    assert code == 1 and out.count("::error ") == 1 and "CC101" in out
    code, out, _ = run("diff", "--select", "CC101", "--format", "sarif", str(new), str(old))
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []

"""The command line as users meet it: exit codes, formats, and clear messages for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from citecheck.cli import main

from conftest import ARTICLES, SEED

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
    assert code == 2 and reason in out and "Traceback" not in err + out


def test_missing_file_exits_two(tmp_path: Path) -> None:
    code, out, _ = run(str(tmp_path / "nope.txt"))
    assert code == 2 and "no such file" in out


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


# ----- exit codes for what goes wrong ------------------------------------------------------

def raiser(exc: BaseException) -> Any:
    def raise_it(*args: Any, **kwargs: Any) -> Any:
        raise exc
    return raise_it


# (arguments, the function each command calls that is made to fail)
COMMANDS = [
    (["check", "{article}"], "citecheck.api.lint_path"),
    (["{article}"], "citecheck.api.lint_path"),
    (["diff", "{article}", "{article}"], "citecheck.baseline.compare"),
    (["dump", "{article}"], "citecheck.dump.write_jsonl"),
    (["fetch", "https://en.wikipedia.org/wiki/Example"], "citecheck.fetch.page_url"),
    (["rules", "--markdown"], "citecheck.rules.markdown_table"),
    (["rule", "CC101"], "citecheck.rules.by_code"),
]
COMMAND_IDS = ["check", "default", "diff", "dump", "fetch", "rules", "rule"]


def command_args(args: list[str], article: Path) -> list[str]:
    return [arg.format(article=article) for arg in args]


@pytest.mark.parametrize(("args", "target"), COMMANDS, ids=COMMAND_IDS)
def test_a_bug_exits_three_with_one_line(monkeypatch: pytest.MonkeyPatch, article: Path,
                                         args: list[str], target: str) -> None:
    """A crash must not look like "findings found" (1) to CI: 3, one line, no traceback."""
    monkeypatch.delenv("CITECHECK_DEBUG", raising=False)
    monkeypatch.setattr(target, raiser(ZeroDivisionError("division by zero")))
    code, out, err = run(*command_args(args, article))
    assert code == 3
    assert err.count("\n") == 1 and "internal error: ZeroDivisionError: division by zero" in err
    assert "report" in err and "CITECHECK_DEBUG" in err and "Traceback" not in err + out


def test_debug_variable_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, article: Path) -> None:
    monkeypatch.setenv("CITECHECK_DEBUG", "1")
    monkeypatch.setattr("citecheck.api.lint_path", raiser(RecursionError("maximum recursion depth exceeded")))
    code, _, err = run(str(article))
    assert code == 3 and "Traceback" in err and "internal error: RecursionError" in err


@pytest.mark.parametrize(("args", "target"), COMMANDS, ids=COMMAND_IDS)
def test_ctrl_c_exits_130_with_a_short_line(monkeypatch: pytest.MonkeyPatch, article: Path,
                                            args: list[str], target: str) -> None:
    monkeypatch.setattr(target, raiser(KeyboardInterrupt()))
    code, out, err = run(*command_args(args, article))
    # dump adds where it stopped: ``citecheck: interrupted: stopped before the first record, ...``
    assert code == 130 and err.strip().partition(":  ")[0].startswith("citecheck: interrupted")
    assert len(err.strip().splitlines()) == 1 and "Aborted" not in out + err


def test_sigint_in_a_real_process_exits_130(article: Path) -> None:
    # The signal may arrive a little after kill() returns (under load): the run waits for it.
    # A shell starts a background job with SIGINT ignored, and Python keeps that: the process
    # gets the handler a terminal's run has, whoever started the tests.
    script = ("import os, signal, sys, time\n"
              "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
              "import citecheck.api\n"
              "citecheck.api.lint_path = lambda *a, **k: (os.kill(os.getpid(), signal.SIGINT), time.sleep(30))\n"
              "from citecheck.cli import main\n"
              "sys.argv = ['citecheck', sys.argv[1]]\n"
              "main()\n")
    proc = subprocess.run([sys.executable, "-c", script, str(article)], capture_output=True, text=True)
    assert proc.returncode == 130 and proc.stderr.strip() == "citecheck: interrupted"


def test_a_reader_closing_the_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    """``citecheck a.txt | head -1``: no traceback, and no internal-error exit code."""
    path = tmp_path / "uncited.txt"
    path.write_text(UNCITED, encoding="utf-8")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "citecheck", str(path)], stdout=write_end,
                              stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write_end)
    assert proc.returncode == 141 and proc.stderr == ""


@pytest.mark.parametrize("value", ["-5", "0", "9223372036854775807", "99999999999999999999999"])
def test_max_bytes_out_of_range_is_a_usage_error(article: Path, value: str) -> None:
    code, _, err = run(f"--max-bytes={value}", str(article))
    assert code == 2 and "--max-bytes" in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["-5", "0", "9223372036854775807"])
def test_max_bytes_out_of_range_in_config_is_a_config_error(tmp_path: Path, article: Path, value: str) -> None:
    (tmp_path / "citecheck.toml").write_text(f"max-bytes = {value}\n")
    code, _, err = run(str(article))
    assert code == 2 and "citecheck.toml: max-bytes: expected 1 to" in err


def test_symlink_loop_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    code, out, err = run(str(tmp_path / "a.txt"))
    assert code == 2 and "a.txt: error: cannot read" in out and "Traceback" not in out + err


# ----- writing files -----------------------------------------------------------------------

def test_baseline_into_a_missing_folder_is_refused(tmp_path: Path, article: Path) -> None:
    """The folder is not created: a mistyped path should not grow a directory tree."""
    target = tmp_path / "missing" / "baseline.json"
    code, _, err = run("--write-baseline", str(target), str(article))
    assert code == 2 and "cannot write the baseline" in err and "missing" in err
    assert not target.parent.exists()


def test_rewriting_the_baseline_in_use_keeps_what_it_accepted(tmp_path: Path) -> None:
    """``--baseline b.json --write-baseline b.json`` once kept only the new findings."""
    path = tmp_path / "a.txt"
    path.write_text(UNCITED, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run("--select", "CC101", "--write-baseline", str(baseline), str(path))[0] == 0
    accepted = json.loads(baseline.read_text())["findings"]
    assert accepted
    grown = UNCITED.replace("founded in 1994.", "founded in 1994. Later 40 soldiers were wounded there.")
    path.write_text(grown, encoding="utf-8")
    code, _, err = run("--select", "CC101", "--baseline", str(baseline), "--write-baseline", str(baseline), str(path))
    assert code == 0 and f"recorded {len(accepted) + 1} finding(s)" in err
    merged = json.loads(baseline.read_text())["findings"]
    assert all(entry in merged for entry in accepted) and len(merged) == len(accepted) + 1
    assert run("--select", "CC101", "--baseline", str(baseline), str(path))[0] == 0
    # Reverting the article fails on nothing: the accepted findings are still accepted.
    path.write_text(UNCITED, encoding="utf-8")
    assert run("--select", "CC101", "--baseline", str(baseline), str(path))[0] == 0


def test_baseline_write_that_fails_midway_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(UNCITED, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run("--select", "CC101", "--write-baseline", str(baseline), str(path))[0] == 0
    before = baseline.read_bytes()

    def half_then_fail(document: Any, out: Any, **kwargs: Any) -> None:
        out.write(json.dumps(document)[:20])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("citecheck.baseline.json.dump", half_then_fail)
    code, _, err = run("--write-baseline", str(baseline), str(path))
    assert code == 2 and "No space left on device" in err
    assert baseline.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "baseline.json"]  # no temporary left


def test_dump_output_is_replaced_only_when_the_dump_is_through(monkeypatch: pytest.MonkeyPatch,
                                                               tmp_path: Path) -> None:
    from citecheck.dump import DumpError

    output = tmp_path / "out.jsonl"
    output.write_text("previous run\n")

    def half_then_fail(path: Any, settings: Any, out: Any, **kwargs: Any) -> None:
        out.write('{"title": "A"}\n')
        raise DumpError("the dump is not valid XML")

    monkeypatch.setattr("citecheck.dump.write_jsonl", half_then_fail)
    code, _, err = run("dump", str(ARTICLES / "pear-export-0.3.xml"), "-o", str(output))
    assert code == 2 and "not valid XML" in err
    assert output.read_text() == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]

"""What the command line prints: colour by the conventions, statistics, --show, folding,
--show-settings, --quiet, rule help as plain text, and the diff summary."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main

from conftest import SEED

ESC = "\x1b["


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


def on_a_terminal(*args: str, **env: str) -> str:
    """What citecheck prints with its stdout on a pseudo-terminal, as a person sees it."""
    leader, follower = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    environment.update(env)
    proc = subprocess.Popen([sys.executable, "-m", "citecheck", *args], stdout=follower,
                            stderr=subprocess.DEVNULL, env=environment)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_unless_no_color_or_a_dumb_terminal() -> None:
    args = ("--select", "CC101,CC5", str(SEED))
    assert ESC in on_a_terminal(*args, TERM="xterm")
    assert ESC not in on_a_terminal(*args, TERM="xterm", NO_COLOR="1")
    assert ESC not in on_a_terminal(*args, TERM="dumb")


@pytest.mark.parametrize(("env", "coloured"), [
    ({}, False),                                   # not a terminal
    ({"FORCE_COLOR": "1"}, True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
    ({"FORCE_COLOR": "1", "NO_COLOR": ""}, True),    # an empty NO_COLOR does not count
    ({"NO_COLOR": "yes"}, False),
])
def test_colour_follows_no_color_and_force_color(env: dict[str, str], coloured: bool) -> None:
    base = {"NO_COLOR": None, "FORCE_COLOR": None, "TERM": "xterm"}
    _, out, _ = run("--format", "full", "--select", "CC101,CC5", str(SEED), env={**base, **env})
    assert (ESC in out) is coloured


def test_no_color_leaves_no_escape_codes_in_any_format() -> None:
    for fmt in ("full", "concise", "github", "markdown"):
        _, out, _ = run("--format", fmt, str(SEED), env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
        assert ESC not in out and "\x1b" not in out, fmt


def test_the_colour_flag_overrides_the_environment() -> None:
    assert ESC in run("--color", "--format", "concise", str(SEED), env={"NO_COLOR": "1"})[1]


def test_statistics_match_the_json_counts() -> None:
    code, out, _ = run("--statistics", str(SEED))
    by_code = json.loads(run("--format", "json", str(SEED))[1])["summary"]["by_code"]
    printed = {line.split()[1]: int(line.split()[0]) for line in out.splitlines() if line.split()[1:2]
               and line.split()[1].startswith("CC")}
    assert code == 1 and printed == by_code
    counts = [int(line.split()[0]) for line in out.splitlines() if line.split()[1].startswith("CC")]
    assert counts == sorted(counts, reverse=True)  # most frequent first, as ruff prints them
    rows = json.loads(run("--statistics", "--format", "json", str(SEED))[1])
    assert {row["code"]: row["count"] for row in rows} == by_code


def test_show_limits_what_is_printed_not_the_exit_code() -> None:
    full_code, everything, _ = run("--format", "concise", str(SEED))
    code, errors_only, _ = run("--format", "concise", "--show", "error", str(SEED))
    assert code == full_code == 1
    lines = [line for line in errors_only.splitlines() if ": CC" in line]
    assert lines and all("[error]" in line for line in lines)
    assert "not shown (--show)" in errors_only
    assert run("--show", "loud", str(SEED))[0] == 2


def test_info_findings_of_one_rule_fold_into_one_line_unless_no_fold() -> None:
    _, folded, _ = run("--format", "concise", "--select", "CC303", str(SEED))
    _, unfolded, _ = run("--format", "concise", "--select", "CC303", "--no-fold", str(SEED))
    total = json.loads(run("--format", "json", "--select", "CC303", str(SEED))[1])["summary"]["info"]
    assert total > 1
    assert folded.count(" CC303 ") == 1 and f"and {total - 1} more like it" in folded
    assert unfolded.count(" CC303 ") == total and "more like it" not in unfolded
    _, full, _ = run("--format", "full", "--select", "CC303", str(SEED))
    assert full.count(" CC303 ") == 1
    # Warnings and errors are never folded.
    _, warnings, _ = run("--format", "concise", "--select", "CC102", str(SEED))
    assert warnings.count(" CC102 ") > 1


def test_show_settings_names_the_config_and_what_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "citecheck.toml").write_text(
        'select = ["CC1", "CC3"]\nfail-on = "warning"\nexclude = ["drafts"]\n'
        '[rules.CC102]\nseverity = "info"\n')
    code, out, _ = run("--show-settings")
    assert code == 0
    assert f"config file: {tmp_path / 'citecheck.toml'}" in out
    assert "fail-on: warning" in out and "exclude: drafts" in out and "include: *.txt" in out
    rules = [line.split() for line in out.splitlines() if line.startswith("  CC")]
    assert [r[0] for r in rules] == ["CC101", "CC102", "CC103", "CC301", "CC302", "CC303"]
    assert rules[1][2] == "info" and "(set in config)" in out


def test_quiet_keeps_the_report_and_drops_the_summary(tmp_path: Path) -> None:
    code, out, _ = run("-q", "--format", "json", str(SEED))
    assert code == 1 and json.loads(out)["findings"]
    _, concise, _ = run("-q", "--format", "concise", str(SEED))
    assert ": CC" in concise and "Found" not in concise
    baseline = tmp_path / "b.json"
    assert run("-q", "--write-baseline", str(baseline), str(SEED)) == (0, "", "")


def test_rule_help_is_plain_text_and_the_table_stays_markdown() -> None:
    _, explained, _ = run("rule", "CC902")
    _, listed, _ = run("rules")
    assert "``" not in explained and "``" not in listed and "<!-- citecheck: ignore=… -->" in explained
    assert "``<!-- citecheck" in run("rules", "--markdown")[1]


def test_diff_prints_only_sections_with_findings_and_one_summary(tmp_path: Path) -> None:
    old, new = tmp_path / "old.wiki", tmp_path / "new.wiki"
    old.write_text("The dam opened in 1990.<ref>{{cite web |title=Dam |url=https://e.org/d |date=2 March 1990}}</ref>\n"
                   "\n== References ==\n{{reflist}}\n")
    new.write_text("In 1991, about 12 workers died there.\n\n" + old.read_text())
    code, out, _ = run("diff", "--select", "CC101,CC102", str(old), str(old))
    assert code == 0 and out == f"No finding introduced or resolved between {old} and {old}.\n"
    code, out, _ = run("diff", "--select", "CC101,CC102", str(old), str(new))
    assert "Introduced in" in out and "Resolved since" not in out and "No findings in" not in out
    assert out.rstrip().endswith(f"introduced, 0 resolved between {old} and {new}.")


def test_diff_offers_no_options_that_make_no_sense_for_it() -> None:
    _, helptext, _ = run("diff", "--help")
    for option in ("--write-baseline", "--baseline", "--include", "--statistics", "--show-settings"):
        assert option not in helptext
    assert run("diff", "--write-baseline", "b.json", str(SEED), str(SEED))[0] == 2


def test_a_conflict_the_config_names_is_the_config_files_error(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "citecheck.toml").write_text('conflict = "no-such-war"\n')
    (tmp_path / "a.wiki").write_text("The dam opened in 1990.\n")
    code, _, err = run("a.wiki")
    assert code == 2 and f"{tmp_path / 'citecheck.toml'}: conflict: unknown conflict 'no-such-war'" in err
    code, _, err = run("--conflict", "nope", "a.wiki")  # a flag's mistake is not the file's
    assert code == 2 and "citecheck.toml" not in err and "'nope'" in err


def test_a_baseline_for_one_article_hides_nothing_in_another(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = "In 2019, 40 people were hurt there.\n\nLater 12 left.\n"
    Path("art.wiki").write_text(text)
    Path("other.wiki").write_text(text)
    assert run("--select", "CC101", "--write-baseline", "b.json", "art.wiki")[0] == 0
    code, out, _ = run("--select", "CC101", "--format", "json", "--baseline", "b.json", "art.wiki", "other.wiki")
    paths = {f["path"] for f in json.loads(out)["findings"]}
    assert code == 1 and paths == {"other.wiki"}
    Path("art.wiki").rename("renamed.wiki")  # a rename keeps what was accepted
    assert run("--select", "CC101", "--baseline", "b.json", "renamed.wiki")[0] == 0

"""GitHub workflow commands: one annotation per finding, on the right line, values escaped."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from test_report_common import sample_result

from citecheck.model import Finding, Severity, Span
from citecheck.report import render
from citecheck.report.github import annotation, escape_data, escape_property, ordered

COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    props = dict(item.split("=", 1) for item in match["props"].split(","))
    return match[1], props, match["message"]


def test_one_annotation_per_finding_on_its_line() -> None:
    result = sample_result()
    out = io.StringIO()
    render("github", [result], out)
    lines = out.getvalue().splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(result.findings)
    assert [c.split(" ", 1)[0] for c in commands] == ["::error"] * 2 + ["::warning"] * 2 + ["::notice"]
    for line, finding in zip(commands, ordered([result])):
        level, props, message = parse(line)
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[str(finding.severity)]
        assert props["file"] == "fixtures/sample.txt"
        assert (int(props["line"]), int(props["col"]), int(props["endLine"])) == (
            finding.line, finding.column, finding.end_line)
        assert props["title"] == f"{finding.code} {finding.name}"
        assert message.startswith(escape_data(finding.message))
    assert lines[-1].startswith("Found 5 findings")


def test_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    f = Finding("CC101", "uncited-numeric-claim", Severity.INFO, "50% of 2,000\nkilled",
                Span(0, 4), path="dir/we,ird:name.txt", line=7, column=3, end_line=8, end_column=2)
    level, props, message = parse(annotation(f))
    assert level == "notice"
    assert props["file"] == "dir/we%2Cird%3Aname.txt"
    assert "endColumn" not in props, "endColumn only applies to one-line annotations"
    assert message == "50%25 of 2,000%0Akilled"


# --------------------------------------------------------------- the GitHub Action and pre-commit

ROOT = Path(__file__).resolve().parents[1]
FAKE_CITECHECK = """#!/usr/bin/env bash
printf '%s\\n' "$@" > "$CITECHECK_ARGS_FILE"
"""


def action() -> dict[str, Any]:
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed")
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "HOME": str(repo), "PATH": os.environ["PATH"]}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str]:
    """A repository whose second commit changes a.wiki, adds b.txt and 'dir/c d.html', removes gone.txt."""
    if shutil.which("git") is None or shutil.which("bash") is None:
        pytest.skip("git and bash are needed to run the action's script")
    work = tmp_path / "repo"
    work.mkdir()
    git(work, "init", "-q")
    (work / "a.wiki").write_text("old\n")
    (work / "old.wiki").write_text("unchanged\n")
    (work / "gone.txt").write_text("x\n")
    (work / "notes.md").write_text("n\n")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "one")
    base = git(work, "rev-parse", "HEAD")
    (work / "a.wiki").write_text("new\n")
    (work / "b.txt").write_text("b\n")
    (work / "dir").mkdir()
    (work / "dir" / "c d.html").write_text("<p>c</p>\n")
    (work / "notes.md").write_text("changed\n")
    (work / "gone.txt").unlink()
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "two")
    return work, base


def run_action(work: Path, base: str, **inputs: str) -> tuple[subprocess.CompletedProcess[str], list[str] | None]:
    spec = action()
    step = next(s for s in spec["runs"]["steps"] if s.get("name") == "Lint articles")
    defaults = {name: str(value.get("default", "")) for name, value in spec["inputs"].items()}
    defaults.update(inputs)
    bindir = work.parent / "bin"
    bindir.mkdir(exist_ok=True)
    fake = bindir / "citecheck"
    fake.write_text(FAKE_CITECHECK)
    fake.chmod(0o755)
    args_file = work.parent / "args.txt"
    args_file.unlink(missing_ok=True)
    env = {
        "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}", "HOME": str(work.parent),
        "CITECHECK_ARGS_FILE": str(args_file), "BASE_SHA": base,
        "INPUT_PATHS": defaults["paths"], "INPUT_BASELINE": defaults["baseline"],
        "INPUT_FAIL_ON": defaults["fail-on"], "INPUT_FORMAT": defaults["format"],
        "INPUT_CHANGED_ONLY": defaults["changed-only"], "INPUT_ARGS": defaults["args"],
    }
    done = subprocess.run(["bash", "-c", step["run"]], cwd=work, env=env, capture_output=True, text=True)
    return done, args_file.read_text().splitlines() if args_file.exists() else None


def test_action_declares_its_inputs_and_is_composite() -> None:
    spec = action()
    assert spec["runs"]["using"] == "composite"
    assert {"paths", "baseline", "fail-on", "format"} <= set(spec["inputs"])
    assert spec["inputs"]["format"]["default"] == "github"
    for step in spec["runs"]["steps"]:
        assert "${{ inputs" not in step.get("run", ""), "inputs reach scripts only through env"


def test_action_lints_only_changed_matching_files(repo: tuple[Path, str]) -> None:
    done, args = run_action(*repo)
    assert done.returncode == 0, done.stderr
    assert args is not None
    assert args[:5] == ["check", "--format", "github", "--fail-on", "error"]
    assert args[args.index("--") + 1:] == ["a.wiki"]  # wikitext by default: no requirements.txt
    done, args = run_action(*repo, paths="*.wiki *.txt *.html")  # plain text and HTML opted in
    assert args is not None and args[args.index("--") + 1:] == ["a.wiki", "b.txt", "dir/c d.html"]


def test_action_passes_baseline_and_extra_args_without_running_them(repo: tuple[Path, str]) -> None:
    work, base = repo
    done, args = run_action(work, base, baseline="ci/baseline.json", args="--as-of 2020-10-30 ;touch pwned")
    assert done.returncode == 0, done.stderr
    assert args is not None
    assert args[args.index("--baseline") + 1] == "ci/baseline.json"
    assert ";touch" in args and not (work / "pwned").exists()


def test_action_all_files_and_no_match(repo: tuple[Path, str]) -> None:
    work, base = repo
    done, args = run_action(work, base, **{"changed-only": "false", "paths": "*.wiki"})
    assert args is not None and args[args.index("--") + 1:] == ["a.wiki", "old.wiki"]
    done, args = run_action(work, base, paths="*.rst")
    assert done.returncode == 0 and args is None
    assert "no changed article files match" in done.stdout


def test_pre_commit_hook() -> None:
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "citecheck")
    assert hook["entry"].split()[0] == "citecheck" and hook["language"] == "python"
    files = re.compile(hook["files"])
    assert all(files.search(p) for p in ("a.wiki", "dir/b.wikitext", "c.mediawiki"))
    # Plain text and HTML are opted in by the user's files: pattern, never by default.
    assert not any(files.search(p) for p in ("notes.md", "x.wiki.bak", "page.json", "requirements.txt",
                                             "c.html", "d.htm"))


def test_seed_annotations_point_at_each_finding() -> None:
    import importlib.util

    from conftest import SEED

    from citecheck.api import lint_path

    if importlib.util.find_spec("citecheck.parsers.text") is None:
        pytest.skip("the plain-text parser is not installed yet")
    result = lint_path(SEED)
    out = io.StringIO()
    render("github", [result], out)
    commands = [line for line in out.getvalue().splitlines() if line.startswith("::")]
    assert len(commands) == len(result.findings) > 0
    lines = result.document.source.split("\n")
    for command, finding in zip(commands, ordered([result])):
        _, props, _ = parse(command)
        line, col = int(props["line"]), int(props["col"])
        assert lines[line - 1][col - 1] == result.document.source[finding.span.start], command

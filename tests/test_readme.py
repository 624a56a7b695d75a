"""Every example in README.md runs: each ``citecheck`` line of a ```sh block (exit 0 or 1), each
```toml block through the config validator, each ```wikitext block's suppressions.

A line may be left out only by saying so in the README itself, with "(not run by the tests:
REASON)" in its comment; the count of lines run keeps the test from passing on nothing.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main

from conftest import ARTICLES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)
NOT_RUN = re.compile(r"\(not run by the tests: [^)]+\)")
# Lines that set up a machine (a virtual environment, pip) are run by .ci/run, not here.
SETUP = ("python3 -m venv",)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README) if lang == language]


def command_lines() -> list[str]:
    """Every line of a ```sh block that runs citecheck (pipes into it included)."""
    lines = []
    for body in blocks("sh"):
        for line in body.splitlines():
            if line.strip() and not line.startswith(SETUP):
                lines.append(line)
    return lines


def runnable() -> list[str]:
    return [line for line in command_lines() if not NOT_RUN.search(line)]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project as the README assumes: the bundled fixtures, and articles/ with a sub-folder."""
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures", target_is_directory=True)
    articles = tmp_path / "articles"
    (articles / "drafts").mkdir(parents=True)
    for name in ("antique-band.wiki", "sample-valley-conflict.wiki", "2020-nagorno-karabakh-conflict.txt"):
        shutil.copy(ARTICLES / name, articles / name)
    shutil.copy(ARTICLES / "britt-morgan.wiki", articles / "drafts" / "britt-morgan.wiki")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_line(line: str) -> int:
    """Run one README line: ``[CMD |] citecheck ARGS [> FILE]``, as a shell would."""
    words = shlex.split(line, comments=True)
    feed = None
    if "|" in words:
        bar = words.index("|")
        feed = subprocess.run(words[:bar], capture_output=True, check=True).stdout
        words = words[bar + 1:]
    target = None
    if ">" in words:
        target = words[words.index(">") + 1]
        words = words[:words.index(">")]
    assert words[0] == "citecheck", line
    result = CliRunner().invoke(main, words[1:], input=feed, catch_exceptions=False)
    if target:
        Path(target).write_text(result.stdout, encoding="utf-8")
    return result.exit_code


def test_the_readme_has_many_runnable_examples_and_marks_the_others() -> None:
    lines = command_lines()
    assert len(runnable()) >= 30, "the README's examples are no longer found"
    for line in lines:
        assert "citecheck" in line, f"not a citecheck example: {line}"
    left_out = [line for line in lines if NOT_RUN.search(line)]
    # Only what needs the network (which no test may touch) is left out.
    assert all("(not run by the tests: needs the network)" in line for line in left_out)
    assert len(left_out) <= 8


@pytest.mark.parametrize("line", runnable())
def test_every_readme_command_runs(workdir: Path, line: str) -> None:
    if line.split("|")[0].split()[0] == "bzip2" and shutil.which("bzip2") is None:
        pytest.skip("bzip2 is not installed")
    if "--baseline baseline.json" in line:  # the line before it in the README wrote it
        run_line("citecheck --write-baseline baseline.json fixtures/articles/antique-band.wiki")
    if "--resume" in line:
        run_line(line.replace(" --resume", ""))
    assert run_line(line) in (0, 1), line


def test_the_readme_sarif_recipe_writes_a_complete_report(workdir: Path) -> None:
    import json

    line = next(line for line in runnable() if "--format sarif --fail-on never articles/*" in line)
    assert run_line(line) == 0
    artifacts = json.loads((workdir / "citecheck.sarif").read_text())["runs"][0]["artifacts"]
    assert {a["location"]["uri"] for a in artifacts} == {
        "articles/antique-band.wiki", "articles/sample-valley-conflict.wiki",
        "articles/2020-nagorno-karabakh-conflict.txt", "articles/drafts/britt-morgan.wiki"}


@pytest.mark.parametrize("config", blocks("toml"))
def test_every_readme_config_loads_as_pasted(tmp_path: Path, config: str) -> None:
    from citecheck.config import load_config
    from citecheck.data import check_settings

    name = "pyproject.toml" if "[tool.citecheck]" in config else "citecheck.toml"
    (tmp_path / name).write_text(config, encoding="utf-8")
    settings = load_config(tmp_path / name)
    check_settings(settings)
    assert settings.config_path == str(tmp_path / name)


def test_the_readme_has_a_config_example() -> None:
    assert len(blocks("toml")) >= 1


@pytest.mark.parametrize("source", blocks("wikitext"))
def test_every_readme_suppression_example_silences_what_it_says(source: str) -> None:
    from citecheck.api import lint_text

    unsuppressed = lint_text(re.sub(r"<!-- citecheck:.*?-->", "", source), "wikitext")
    findings = lint_text(source, "wikitext").findings
    silenced = {f.code for f in unsuppressed.findings} - {f.code for f in findings}
    assert {"CC101", "CC303"} <= silenced, "the example shows ignore=CC101 and disable=CC3 at work"
    assert not [f for f in findings if f.code == "CC902"], "no suppression in the example is unused"

"""Inputs as CI passes them: files, folders and globs, and bad inputs reported inside the report.

One input that cannot be linted (a missing, empty, whitespace-only or binary file, a pattern
matching nothing) must not cost the report of every other input: each format names it, the
others are linted and reported, and the run exits 2 after writing the whole report.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.inputs import InputFailure, expand, matches

from conftest import ARTICLES

SCHEMAS = Path(__file__).parent / "schemas"
VALID = ["2020-nagorno-karabakh-conflict.txt", "antique-band.wiki", "sample-valley-conflict.html"]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """articles/ with valid files, a drafts/ sub-folder, an empty, a blank and a binary file."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    (folder / "drafts").mkdir(parents=True)
    for name in VALID:
        (folder / name).write_bytes((ARTICLES / name).read_bytes())
    (folder / "drafts" / "draft.wiki").write_bytes((ARTICLES / "britt-morgan.wiki").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.wiki").write_bytes(b"  \n\t\n")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return folder


def shell_glob(folder: Path) -> list[str]:
    """``articles/*`` as a shell expands it: every entry, the sub-folder included, sorted."""
    return sorted(f"articles/{p.name}" for p in folder.iterdir())


BAD = {"articles/empty.txt": "empty", "articles/blank.wiki": "empty", "articles/image.html": "binary",
       "articles/missing.txt": "no such file"}


def test_the_readme_sarif_recipe_survives_bad_inputs(articles: Path) -> None:
    code, out, err = run("--format", "sarif", "--fail-on", "never", *shell_glob(articles), "articles/missing.txt")
    assert code == 2
    log = json.loads(out)
    jsonschema.Draft4Validator(json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text())).validate(log)
    run_ = log["runs"][0]
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notified = {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: n["message"]["text"]
                for n in invocation["toolExecutionNotifications"]}
    assert set(notified) == set(BAD)
    for path, reason in BAD.items():
        assert reason in notified[path] and path in err
    linted = {a["location"]["uri"] for a in run_["artifacts"]}
    assert linted == {f"articles/{name}" for name in VALID} | {"articles/drafts/draft.wiki"}
    assert run_["results"], "the valid files' findings are reported"


def test_json_names_each_bad_input_and_validates(articles: Path) -> None:
    code, out, _ = run("--format", "json", *shell_glob(articles), "articles/missing.txt")
    assert code == 2
    report = json.loads(out)
    jsonschema.Draft202012Validator(json.loads((SCHEMAS / "citecheck-report-1.json").read_text())).validate(report)
    errors = {e["path"]: e["message"] for e in report["errors"]}
    assert set(errors) == set(BAD) and all(reason in errors[p] for p, reason in BAD.items())
    assert len(report["files"]) == len(VALID) + 1 and report["findings"]


@pytest.mark.parametrize(("fmt", "marker"), [
    ("concise", "articles/image.html: error: binary"), ("full", "articles/image.html: error: binary"),
    ("github", "::error file=articles/image.html,title=citecheck could not lint this file::binary"),
    ("markdown", "## Inputs that could not be linted"), ("html", "Inputs that could not be linted"),
])
def test_every_format_reports_the_bad_inputs_and_the_rest(articles: Path, fmt: str, marker: str) -> None:
    code, out, _ = run("--format", fmt, "--fail-on", "never", "articles")
    assert code == 2 and marker in out and "empty.txt" in out
    assert "antique-band.wiki" in out or "Antique" in out  # a valid file's findings are still there


def test_a_good_run_exits_by_its_findings_and_says_it_succeeded(articles: Path) -> None:
    code, out, _ = run("--format", "sarif", "--fail-on", "never", "articles/antique-band.wiki")
    assert code == 0 and json.loads(out)["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert json.loads(run("--format", "json", "articles/antique-band.wiki")[1])["errors"] == []


def test_folders_are_searched_for_article_extensions_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.wiki", "b.txt", "c.html", "d.htm", "e.wikitext", "f.mediawiki", "notes.md", "x.py",
                 ".hidden/g.wiki", "sub/h.WIKI"):
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text("x")
    found, failures = expand(["in"])
    assert failures == []
    assert [Path(p).name for p in found] == ["a.wiki", "b.txt", "c.html", "d.htm", "e.wikitext",
                                              "f.mediawiki", "h.WIKI"]


def test_include_exclude_and_globs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("a.wiki", "b.txt", "drafts/c.wiki", "requirements.txt"):
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text("x")
    assert expand(["in"], include=["*.wiki"])[0] == ["in/a.wiki", "in/drafts/c.wiki"]
    assert expand(["in"], exclude=["drafts", "requirements.txt"])[0] == ["in/a.wiki", "in/b.txt"]
    assert expand(["in/**/*.wiki"])[0] == ["in/a.wiki", "in/drafts/c.wiki"]
    assert expand(["in/*.nothing"])[1] == [InputFailure("in/*.nothing", "no file matches this pattern")]
    assert expand(["in/a.wiki", "in"])[0][0] == "in/a.wiki"  # each file once, in argument order
    assert matches("in/drafts/c.wiki", ["in/drafts/*"]) and not matches("in/a.wiki", ["drafts"])


def test_include_and_exclude_from_the_command_line_and_the_config(articles: Path) -> None:
    code, out, _ = run("--format", "json", "--exclude", "empty.txt,blank.wiki,image.html", "articles")
    assert code in (0, 1) and json.loads(out)["errors"] == []
    (articles.parent / "citecheck.toml").write_text('include = ["*.wiki"]\nexclude = ["drafts"]\n')
    paths = {f["path"] for f in json.loads(run("--format", "json", "articles")[1])["files"]}
    assert paths == {"articles/antique-band.wiki"}  # blank.wiki is refused, not linted


@pytest.mark.parametrize("content", ['include = "*.wiki"\nexclude = [1]\n', 'include = [""]\n'])
def test_bad_patterns_in_the_config_are_config_errors(articles: Path, content: str) -> None:
    (articles.parent / "citecheck.toml").write_text(content)
    code, _, err = run("articles")
    assert code == 2 and "citecheck.toml" in err and "clude" in err


def test_statistics_name_the_bad_inputs_once_on_stderr(articles: Path) -> None:
    code, out, err = run("--statistics", "--format", "sarif", "articles")
    assert code == 2 and "CC" in out
    assert err.count("articles/image.html") == 1 and err.count("articles/empty.txt") == 1


def test_a_folder_without_articles_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text("x")
    code, out, err = run("docs")
    assert code == 0 and "no article files found in docs" in err and "No findings in 0 files." in out


def test_bad_inputs_are_named_in_the_order_given_and_each_file_is_linted_once(articles: Path) -> None:
    code, out, _ = run("--format", "json", "articles/missing.txt", "articles/image.html", "articles",
                       "articles/antique-band.wiki")
    report = json.loads(out)
    assert [e["path"] for e in report["errors"]] == [
        "articles/missing.txt", "articles/image.html", "articles/blank.wiki", "articles/empty.txt"]
    paths = [f["path"] for f in report["files"]]
    assert len(paths) == len(set(paths)) == len(VALID) + 1

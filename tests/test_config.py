"""Config files: discovery upward from the input, strict validation with the file and key named."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from citecheck.config import ConfigError, find_config, load_config
from citecheck.model import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_citecheck_toml_is_found_upward(tmp_path: Path) -> None:
    config = write(tmp_path / "citecheck.toml", 'select = ["CC5"]\n')
    article = write(tmp_path / "a" / "b" / "article.txt", "x")
    assert find_config(article) == config


def test_pyproject_counts_only_with_a_citecheck_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.other]\nx = 1\n")
    assert find_config(tmp_path) is None
    write(tmp_path / "pyproject.toml", '[tool.citecheck]\nfail-on = "warning"\n')
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


def test_nearest_config_wins(tmp_path: Path) -> None:
    write(tmp_path / "citecheck.toml", 'fail-on = "info"\n')
    inner = write(tmp_path / "sub" / "pyproject.toml", '[tool.citecheck]\nfail-on = "never"\n')
    assert find_config(tmp_path / "sub" / "x.wiki") == inner


def test_all_keys_are_applied(tmp_path: Path) -> None:
    (tmp_path / "more").mkdir()
    config = write(tmp_path / "citecheck.toml", """
select = ["CC1", "CC5"]
ignore = "CC505"
fail-on = "warning"
conflict = "conflicts/mine.toml"
conflict-paths = ["more"]
network = true
cache = "cache.sqlite"
input-format = "wikitext"
max-bytes = 1000
as-of = 2020-10-30
include = ["*.wiki", "*.txt"]
exclude = "drafts, *.tmp.txt"
""")
    settings = load_config(config)
    assert settings.include == ["*.wiki", "*.txt"] and settings.exclude == ["drafts", "*.tmp.txt"]
    assert settings.config_path == str(config)
    assert settings.select == ["CC1", "CC5"] and settings.ignore == ["CC505"]
    assert settings.fail_on is Severity.WARNING
    assert settings.conflict == str(tmp_path / "conflicts/mine.toml")
    assert settings.conflict_paths == [str(tmp_path / "more")]
    assert settings.online and settings.cache == str(tmp_path / "cache.sqlite")
    assert settings.input_format == "wikitext" and settings.max_bytes == 1000
    assert settings.as_of == date(2020, 10, 30)


def test_fail_on_never(tmp_path: Path) -> None:
    assert load_config(write(tmp_path / "citecheck.toml", 'fail-on = "never"\n')).fail_on is None


@pytest.mark.parametrize(("text", "message"), [
    ("colour = true\n", "colour: unknown key"),
    ('fail-on = "fatal"\n', "fail-on: expected one of"),
    ("network = 1\n", "network: expected bool"),
    ('select = ["CC999"]\n', "select: no rule matches"),
    ("max-bytes = true\n", "max-bytes: expected int"),
    ('input-format = "pdf"\n', "input-format: expected text, wikitext or html"),
    ('as-of = "yesterday"\n', "as-of: expected a date"),
    ("[rules.CC999]\nseverity = 'info'\n", "rules.CC999: no such rule"),
    ("select = [\n", "invalid TOML"),
    ("max-bytes = -5\n", "max-bytes: expected 1 to 1073741824 bytes, got -5"),
    ("max-bytes = 9223372036854775807\n", "max-bytes: expected 1 to"),
    ("select = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ("x = " + "{a = " * 2000 + "1" + "}" * 2000 + "\n", "nested too deeply"),
])
def test_bad_config_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    config = write(tmp_path / "citecheck.toml", text)
    with pytest.raises(ConfigError) as err:
        load_config(config)
    assert str(config) in str(err.value) and message in str(err.value)


def test_pyproject_keys_are_reported_with_their_table(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", "[tool.citecheck]\nbogus = 1\n")
    with pytest.raises(ConfigError, match=r"tool\.citecheck\.bogus: unknown key"):
        load_config(config)


@pytest.mark.parametrize("text", ["tool = 5\n", 'tool = "citecheck"\n', "[tool]\ncitecheck = 5\n",
                                  "[[tool.citecheck]]\nselect = []\n"])
def test_pyproject_whose_tool_or_table_is_not_a_table_names_the_file(tmp_path: Path, text: str) -> None:
    config = write(tmp_path / "pyproject.toml", text)
    with pytest.raises(ConfigError, match=r"pyproject\.toml: tool(\.citecheck)?: expected a table"):
        find_config(tmp_path / "article.txt")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: tool(\.citecheck)?: expected a table"):
        load_config(config)


def test_config_is_found_beside_a_symlink_loop(tmp_path: Path) -> None:
    config = write(tmp_path / "citecheck.toml", 'fail-on = "info"\n')
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert find_config(tmp_path / "loop") == config


def test_a_missing_conflict_folder_names_the_config_file_and_key(tmp_path: Path) -> None:
    config = write(tmp_path / "pyproject.toml", '[tool.citecheck]\nconflict-paths = ["conflicts"]\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool.citecheck.conflict-paths: .*conflicts: not a folder"):
        load_config(config)

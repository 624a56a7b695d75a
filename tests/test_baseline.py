"""Baselines count fingerprints, ignore positions, and reject files that are not baselines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from citecheck.baseline import compare, load_baseline, new_findings, read_baseline, write_baseline
from citecheck.config import ConfigError
from citecheck.model import Finding, Severity, Span, fingerprint


def finding(code: str, text: str, start: int = 0) -> Finding:
    return Finding(code=code, name="x", severity=Severity.ERROR, message="m", span=Span(start, start + 1),
                   excerpt=text, fingerprint=fingerprint(code, text))


def test_fingerprint_ignores_position_case_spacing_and_markers() -> None:
    assert fingerprint("CC101", "It killed 12  people.[4]") == fingerprint("CC101", "it killed 12 people.")
    assert fingerprint("CC101", "It killed 12 people.") != fingerprint("CC102", "It killed 12 people.")
    assert fingerprint("CC101", "It killed 12 people.") != fingerprint("CC101", "It killed 13 people.")


def test_round_trip_and_counting(tmp_path: Path) -> None:
    old = [finding("CC101", "It killed 12 people.", 10), finding("CC501", "[63]", 90)]
    path = tmp_path / "baseline.json"
    assert write_baseline(old, path) == 2
    baseline = load_baseline(path)
    moved = [finding("CC101", "It killed 12 people.", 500), finding("CC501", "[63]", 7)]
    assert new_findings(moved, baseline) == []
    duplicate = finding("CC101", "It killed 12 people.", 900)
    assert new_findings([*moved, duplicate], baseline) == [duplicate]


def test_compare_reports_introduced_and_resolved() -> None:
    kept = finding("CC101", "A: 5 dead.")
    gone = finding("CC501", "[99]")
    added = finding("CC102", "B: 7 dead.")
    introduced, resolved = compare([kept, gone], [finding("CC101", "A: 5 dead.", 40), added])
    assert introduced == [added] and resolved == [gone]


@pytest.mark.parametrize("content", ["not json", "[]", '{"tool": "other", "findings": []}',
                                     '{"tool": "citecheck", "schema": 9, "findings": []}',
                                     '{"tool": "citecheck", "schema": 1, "findings": [3]}'])
def test_bad_baseline_is_a_config_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(content)
    with pytest.raises(ConfigError):
        load_baseline(path)


def test_missing_baseline_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--write-baseline"):
        load_baseline(tmp_path / "absent.json")


def test_baseline_file_is_readable_json(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    write_baseline([finding("CC101", "x 12 killed")], path)
    data = json.loads(path.read_text())
    assert data["tool"] == "citecheck" and data["findings"][0]["code"] == "CC101"


def test_writing_keeps_the_accepted_entries_and_adds_the_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    write_baseline([finding("CC101", "It killed 12 people."), finding("CC501", "[63]")], path)
    accepted = read_baseline(path)
    assert write_baseline([finding("CC101", "It killed 12 people.")], path, accepted) == 3
    assert load_baseline(path).fingerprints == {fingerprint("CC101", "It killed 12 people."): 2,
                                   fingerprint("CC501", "[63]"): 1}


def test_a_write_that_fails_midway_leaves_the_old_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    write_baseline([finding("CC101", "It killed 12 people.")], path)
    path.chmod(0o640)
    before = path.read_bytes()

    def half_then_interrupted(document: object, out: Any, **kwargs: Any) -> None:
        out.write('{"tool": "citecheck", "findings": [')
        raise KeyboardInterrupt

    monkeypatch.setattr("citecheck.baseline.json.dump", half_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_baseline([finding("CC501", "[63]")], path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]
    monkeypatch.undo()
    write_baseline([finding("CC501", "[63]")], path)
    assert path.stat().st_mode & 0o777 == 0o640, "a rewrite keeps the file's permissions"


def test_writing_into_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such directory"):
        write_baseline([], tmp_path / "missing" / "b.json")
    assert not (tmp_path / "missing").exists()


def at(path: str, code: str, text: str) -> Finding:
    found = finding(code, text)
    found.path = path
    return found


def test_a_baseline_hides_findings_only_in_the_file_it_was_written_for(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "art.wiki").write_text("x")
    (tmp_path / "other.wiki").write_text("x")
    write_baseline([at("art.wiki", "CC101", "It killed 12 people.")], "b.json")
    baseline = load_baseline("b.json")
    assert new_findings([at("./art.wiki", "CC101", "It killed 12 people.")], baseline) == []
    assert new_findings([at(str(tmp_path / "art.wiki"), "CC101", "It killed 12 people.")], baseline) == []
    other = at("other.wiki", "CC101", "It killed 12 people.")
    assert new_findings([other], baseline) == [other]


def test_a_renamed_file_keeps_its_accepted_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    texts = ["It killed 12 people.", "It wounded 40.", "Then 3 more."]
    write_baseline([at("old-name.wiki", "CC101", text) for text in texts], "b.json")
    (tmp_path / "new-name.wiki").write_text("x")  # old-name.wiki is gone: renamed
    added = at("new-name.wiki", "CC101", "A new uncited 99.")
    renamed = [at("new-name.wiki", "CC101", text) for text in texts[:2]] + [added]
    assert new_findings(renamed, load_baseline("b.json")) == [added]


def test_a_file_sharing_few_findings_with_a_gone_one_is_not_a_rename(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    texts = ["It killed 12 people.", "It wounded 40.", "Then 3 more."]
    write_baseline([at("gone.wiki", "CC101", text) for text in texts], "b.json")
    unrelated = [at("fresh.wiki", "CC101", texts[0]), at("fresh.wiki", "CC101", "Other 7.")]
    assert new_findings(unrelated, load_baseline("b.json")) == unrelated


def test_a_baseline_from_before_paths_mattered_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"tool": "citecheck", "version": "0.1.0", "schema": 1, "findings": [
        {"fingerprint": fingerprint("CC101", "It killed 12 people."), "code": "CC101", "excerpt": "x"},
        {"fingerprint": fingerprint("CC501", "[63]"), "code": "CC501", "path": "a.txt", "excerpt": "y"},
    ]}))
    baseline = load_baseline(path)
    anywhere = at("z.txt", "CC101", "It killed 12 people.")
    assert new_findings([anywhere], baseline) == []  # an entry without a path applies everywhere
    assert new_findings([at("a.txt", "CC501", "[63]")], baseline) == []


def test_fingerprint_counts_given_through_the_api_apply_everywhere() -> None:
    from citecheck.api import lint_text

    text = "In 2019, 40 people were hurt there.\n"
    found = lint_text(text, "wikitext", select=["CC101"]).findings
    assert found
    counts = {f.fingerprint: 1 for f in found}
    assert lint_text(text, "wikitext", select=["CC101"], baseline=counts).findings == []


def test_a_baseline_behind_a_symlink_is_written_through_it(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    write_baseline([], real)
    link = tmp_path / "b.json"
    link.symlink_to(real)
    write_baseline([finding("CC101", "It killed 12 people.")], link)
    assert link.is_symlink() and len(read_baseline(real)) == 1

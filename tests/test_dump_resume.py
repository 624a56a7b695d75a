"""Long dump runs: Ctrl-C keeps what is done, --resume finishes it as one run would have,
a progress bar by bytes, a closing summary, and dumps piped in on standard input."""

from __future__ import annotations

import bz2
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from citecheck.cli import main

PAGE = """  <page><title>Page {n}</title><id>{n}</id>
    <revision><id>{n}0</id><timestamp>2020-10-0{day}T00:00:00Z</timestamp><text>In 2019, {n}2 people were hurt.&lt;ref&gt;{{{{cite web |url=https://e.example/{n} |title=Report {n}}}}}&lt;/ref&gt; Later 7{n} left.

== References ==
{{{{reflist}}}}</text></revision>
    <revision><id>{n}1</id><timestamp>2020-10-0{later}T00:00:00Z</timestamp><text>Now {n}4 people were hurt. Then 1{n} more.</text></revision>
  </page>
"""


def make_dump(folder: Path, pages: int = 6) -> Path:
    body = "".join(PAGE.format(n=n, day=1, later=2) for n in range(1, pages + 1))
    path = folder / "pages.xml"
    path.write_text(f'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">\n{body}</mediawiki>\n',
                    encoding="utf-8")
    return path


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def interrupt_after(monkeypatch: pytest.MonkeyPatch, records: int) -> None:
    """Ctrl-C while the page after the first ``records`` is being linted."""
    import citecheck.dump

    real = citecheck.dump.lint_revision
    calls = {"n": 0}

    def lint_then_stop(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > records:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(citecheck.dump, "lint_revision", lint_then_stop)


@pytest.mark.parametrize("options", [[], ["--all-revisions"], ["--limit", "5", "--all-revisions"]])
def test_interrupted_then_resumed_equals_one_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 options: list[str]) -> None:
    dump = make_dump(tmp_path)
    whole, resumed = tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    assert run("dump", str(dump), "-o", str(whole), "--fail-on", "never", *options)[0] == 0
    with monkeypatch.context() as patch:
        interrupt_after(patch, 3)
        code, _, err = run("dump", str(dump), "-o", str(resumed), "--fail-on", "never", *options)
    assert code == 130
    assert "stopped after Page " in err and "3 " in err and "--resume" in err
    assert len(resumed.read_text(encoding="utf-8").splitlines()) == 3  # the records done are kept
    code, _, err = run("dump", str(dump), "-o", str(resumed), "--resume", "--fail-on", "never", *options)
    assert code == 0, err
    assert "3 kept from the interrupted run" in err
    assert resumed.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


def test_a_record_cut_short_is_written_again(tmp_path: Path) -> None:
    dump = make_dump(tmp_path)
    whole, resumed = tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    run("dump", str(dump), "-o", str(whole), "--fail-on", "never")
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    resumed.write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")  # killed mid-write
    assert run("dump", str(dump), "-o", str(resumed), "--resume", "--fail-on", "never")[0] == 0
    assert resumed.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


def test_resume_refuses_the_output_of_another_dump(tmp_path: Path) -> None:
    dump = make_dump(tmp_path)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"title": "Elsewhere", "revision_id": "99"}) + "\n", encoding="utf-8")
    code, _, err = run("dump", str(dump), "-o", str(other), "--resume")
    assert code == 2 and "cannot be resumed" in err
    other.write_text("not json\n", encoding="utf-8")
    assert run("dump", str(dump), "-o", str(other), "--resume")[0] == 2
    assert run("dump", str(dump), "--resume")[0] == 2  # nothing to resume on stdout


def test_resume_without_an_earlier_output_starts_afresh(tmp_path: Path) -> None:
    dump = make_dump(tmp_path)
    fresh = tmp_path / "fresh.jsonl"
    assert run("dump", str(dump), "-o", str(fresh), "--resume", "--fail-on", "never")[0] == 0
    assert len(fresh.read_text(encoding="utf-8").splitlines()) == 6


def test_ctrl_c_on_stdout_names_the_last_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    interrupt_after(monkeypatch, 2)
    code, out, err = run("dump", str(make_dump(tmp_path)), "--all-revisions")
    assert code == 130 and len(out.splitlines()) == 2
    assert "stopped after Page 1 (revision 11), 2 revisions written" in err


def test_the_closing_summary_counts_pages_revisions_findings_and_time(tmp_path: Path) -> None:
    code, out, err = run("dump", str(make_dump(tmp_path)), "--fail-on", "never")
    counts = {"error": 0, "warning": 0, "info": 0}
    for line in out.splitlines():
        for name, n in json.loads(line)["counts"].items():
            counts[name] += n
    summary = err.strip().splitlines()[-1]
    assert summary.startswith("citecheck: 6 pages linted of 6 pages read (12 revisions); findings: ")
    assert f"{counts['error']} error, {counts['warning']} warning, {counts['info']} info" in summary
    assert "0 could not be linted" in summary and summary.endswith(" s")


@pytest.mark.parametrize(("options", "unit"), [([], "pages"), (["--all-revisions"], "revisions")])
def test_the_progress_bar_counts_bytes_and_names_its_unit(tmp_path: Path, options: list[str], unit: str) -> None:
    dump = make_dump(tmp_path)
    code, _, err = run("dump", str(dump), "--progress", "--fail-on", "never", *options)
    assert code == 0
    size = dump.stat().st_size
    bar = err.rsplit("\r", 1)[-1].splitlines()[0]  # the bar's last state
    assert bar.startswith("pages.xml: 100%") and f"{size / 1024:.2f}k/{size / 1024:.2f}k" in bar
    assert "B/s" in bar and bar.endswith(f", {6 if unit == 'pages' else 12} {unit}]")


def test_a_dump_on_standard_input(tmp_path: Path) -> None:
    dump = make_dump(tmp_path)
    from_file = run("dump", str(dump), "--fail-on", "never")[1]
    assert run("dump", "-", "--fail-on", "never", input=dump.read_bytes())[1] == from_file
    assert run("dump", "-", "--fail-on", "never", input=bz2.compress(dump.read_bytes()))[1] == from_file


def test_a_real_ctrl_c_then_resume_equals_one_run(tmp_path: Path) -> None:
    """SIGINT to a running process, as a terminal sends it, then --resume."""
    import os
    import signal
    import subprocess
    import sys
    import time

    dump = make_dump(tmp_path, pages=9)
    dump.write_text(dump.read_text(encoding="utf-8").replace("</mediawiki>", "") + "".join(
        PAGE.format(n=n, day=1, later=2) for n in range(10, 400)) + "</mediawiki>\n", encoding="utf-8")
    whole, resumed = tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    command = [sys.executable, "-m", "citecheck", "dump", str(dump), "--fail-on", "never", "-o"]
    subprocess.run([*command, str(whole)], check=True, capture_output=True, timeout=300)
    proc = subprocess.Popen([*command, str(resumed)], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some records are written
        partial = [p for p in tmp_path.glob(".resumed.jsonl.*.tmp") if p.stat().st_size > 0]
        if partial:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run ended before the interrupt arrived")
    assert proc.returncode == 130 and "stopped after Page " in err, err
    kept = resumed.read_text(encoding="utf-8")
    assert kept and whole.read_text(encoding="utf-8").startswith(kept)
    subprocess.run([*command, str(resumed), "--resume"], check=True, capture_output=True, timeout=300)
    assert resumed.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")

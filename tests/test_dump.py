"""MediaWiki XML dumps: streaming every export schema, compression, UTF-16, truncation, the CLI."""

from __future__ import annotations

import bz2
import gc
import gzip
import io
import json
import lzma
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck import dump as dump_module
from citecheck.api import lint_path, lint_text
from citecheck.cli import main
from citecheck.config import Settings
from citecheck.dump import (DUMP_GC_THRESHOLD, DumpStats, collector_for_dumps, dump_hint, iter_revisions, lint_dump,
                            open_dump, write_jsonl)
from citecheck.io import InputError
from citecheck.parsers import detect_format

from conftest import ARTICLES

PEAR_03 = ARTICLES / "pear-export-0.3.xml"  # 4 revisions of 2002, no <ns>
PEAR_010 = ARTICLES / "pear-export-0.10.xml"  # 1 revision of 2014-12-17, 33 <ref>s
BGWIKI = ARTICLES / "bgwiki-utf16-shortened.xml.bz2"  # UTF-16LE with BOM, 3 pages
VIWIKI_TRUNCATED = ARTICLES / "viwiki-truncated-3-pages.xml"  # redirect, 2 articles, then cut

SMALL_DUMP = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.4/" version="0.4">
  <siteinfo><namespaces><namespace key="0" /><namespace key="1">Talk</namespace></namespaces></siteinfo>
  <page><title>Alpha</title><id>1</id>
    <revision><id>10</id><timestamp>2020-10-01T00:00:00Z</timestamp><text>Alpha killed 12 people.</text></revision>
    <revision><id>11</id><timestamp>2020-10-30T12:00:00Z</timestamp><text>Alpha killed 14 people.&lt;ref&gt;{{cite web |url=https://a.example/x |title=X}}&lt;/ref&gt;

== References ==
{{reflist}}</text></revision>
  </page>
  <page><title>Beta</title><id>2</id><redirect />
    <revision><id>20</id><timestamp>2020-10-02T00:00:00Z</timestamp><text>#REDIRECT [[Alpha]]</text></revision>
  </page>
  <page><title>Talk:Alpha</title><id>3</id>
    <revision><id>30</id><timestamp>2020-10-03T00:00:00Z</timestamp><text>Discussion.</text></revision>
  </page>
  <page><title>Gamma</title><id>4</id>
    <revision><id>40</id><timestamp>2020-10-04T00:00:00Z</timestamp><text>#WEITERLEITUNG [[Alpha]]</text></revision>
  </page>
</mediawiki>
"""


def read(path: Path, **options: object) -> tuple[list, DumpStats]:
    stats = DumpStats()
    stream, raw = open_dump(path)
    with raw, stream:
        revisions = list(iter_revisions(stream, stats=stats, **options))  # type: ignore[arg-type]
    return revisions, stats


@pytest.fixture
def small_dump(tmp_path: Path) -> Path:
    path = tmp_path / "small.xml"
    path.write_text(SMALL_DUMP, encoding="utf-8")
    return path


def test_latest_revision_per_article_page(small_dump: Path) -> None:
    revisions, stats = read(small_dump)
    assert [(r.title, r.revision_id, r.timestamp) for r in revisions] == [
        ("Alpha", "11", "2020-10-30T12:00:00Z")]
    assert stats.pages == 4 and stats.revisions == 5
    assert stats.skipped_redirects == 2  # <redirect /> and a localized #WEITERLEITUNG text
    assert stats.skipped_namespaces == 1  # Talk:, known from <siteinfo> as there is no <ns>
    assert not stats.truncated
    assert revisions[0].namespace == 0 and revisions[0].page_id == "1"
    assert "<ref>" in revisions[0].text  # XML entities decoded


def test_all_revisions_namespaces_and_redirects(small_dump: Path) -> None:
    every, _ = read(small_dump, all_revisions=True, namespaces=None, include_redirects=True)
    assert [r.revision_id for r in every] == ["10", "11", "20", "30", "40"]
    assert [r.redirect for r in every] == [False, False, True, False, True]
    assert [r.namespace for r in every] == [0, 0, 0, 1, 0]
    talk, _ = read(small_dump, namespaces=frozenset({1}))
    assert [r.title for r in talk] == ["Talk:Alpha"]


@pytest.mark.parametrize("opener,suffix", [(gzip.open, ".xml.gz"), (bz2.open, ".xml.bz2"),
                                           (lzma.open, ".xml.xz"), (lzma.open, ".lzma")])
def test_compression_is_sniffed(tmp_path: Path, opener, suffix: str) -> None:
    path = tmp_path / f"dump{suffix}"
    kwargs = {"format": lzma.FORMAT_ALONE} if suffix == ".lzma" else {}
    with opener(path, "wb", **kwargs) as handle:
        handle.write(SMALL_DUMP.encode("utf-8"))
    revisions, _ = read(path)
    assert [r.revision_id for r in revisions] == ["11"]


def test_export_03_history_file() -> None:
    latest, stats = read(PEAR_03)
    assert [(r.title, r.timestamp) for r in latest] == [("Pear", "2002-08-31T05:53:10Z")]
    assert stats.revisions == 4
    every, _ = read(PEAR_03, all_revisions=True)
    assert [r.timestamp for r in every] == sorted(r.timestamp for r in every) and len(every) == 4


def test_utf16_dump() -> None:
    revisions, stats = read(BGWIKI)
    assert stats.pages == 3 and not stats.truncated
    assert [r.title for r in revisions] == ["Григориански календар"]
    assert stats.skipped_namespaces == 2


def test_truncated_dump_keeps_complete_pages() -> None:
    revisions, stats = read(VIWIKI_TRUNCATED)
    assert [r.title for r in revisions] == ["Trang Chính", "Internet Society"]
    assert stats.pages == 3 and stats.skipped_redirects == 1
    assert stats.truncated


def test_not_a_dump(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("this is not XML at all", encoding="utf-8")
    revisions, stats = read(path)
    assert revisions == [] and stats.revisions == 0 and stats.truncated


def test_dump_hint_and_format_detection(tmp_path: Path) -> None:
    assert "citecheck dump" in dump_hint(BGWIKI)
    assert "citecheck dump" in dump_hint(PEAR_010)
    assert dump_hint(ARTICLES / "floods-in-saint-petersburg.html") == ""
    assert dump_hint(tmp_path / "missing.xml") == ""
    with pytest.raises(InputError, match="citecheck dump"):
        detect_format("export.xml", PEAR_010.read_text(encoding="utf-8"))


def test_lint_dump_uses_the_revision_timestamp(small_dump: Path) -> None:
    stats = DumpStats()
    [(rev, result)] = list(lint_dump(small_dump, Settings(), stats=stats))
    assert result is not None and not stats.errors
    doc = result.document
    assert doc.format == "wikitext" and doc.title == "Alpha"
    assert doc.revision_date.isoformat() == "2020-10-30"
    assert doc.revision_date_source == "dump"
    assert len(doc.references) == 1


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_writes_one_record_per_page() -> None:
    code, out, err = run("dump", str(PEAR_010), "--fail-on", "never")
    assert code == 0, err
    [line] = out.splitlines()
    record = json.loads(line)
    assert record["title"] == "Pear" and record["namespace"] == 0
    assert record["revision_id"] and record["page_id"]
    assert record["timestamp"] == "2014-12-17T21:09:18Z"
    assert record["revision_date"] == "2014-12-17" and record["revision_date_source"] == "dump"
    assert record["references"] >= 20
    assert set(record["counts"]) == {"error", "warning", "info"}
    assert sum(record["counts"].values()) == len(record["findings"])
    for finding in record["findings"]:
        assert {"code", "severity", "line", "column", "excerpt", "fingerprint"} <= set(finding)


def test_cli_all_revisions_output_file_and_limit(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run("dump", str(PEAR_03), "--all-revisions", "-o", str(target), "--fail-on", "never")
    assert code == 0 and out == ""
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 4 and len({r["revision_id"] for r in records}) == 4
    code, out, _ = run("dump", str(PEAR_03), "--all-revisions", "--limit", "2", "--fail-on", "never")
    assert len(out.splitlines()) == 2


def test_cli_truncated_dump_warns_but_lints(small_dump: Path) -> None:
    code, out, err = run("dump", str(VIWIKI_TRUNCATED), "--fail-on", "never")
    assert code == 0
    assert [json.loads(line)["title"] for line in out.splitlines()] == ["Trang Chính", "Internet Society"]
    assert "ends early" in err


def test_cli_exit_codes(tmp_path: Path, small_dump: Path) -> None:
    garbage = tmp_path / "garbage.xml"
    garbage.write_text("not a dump", encoding="utf-8")
    code, _, err = run("dump", str(garbage))
    assert code == 2 and "no MediaWiki page" in err
    code, _, err = run("dump", str(tmp_path / "missing.xml.bz2"))
    assert code == 2 and "missing.xml.bz2" in err
    code, _, err = run("dump", str(small_dump), "--namespace", "x")
    assert code == 2
    code, out, _ = run("dump", str(small_dump), "--fail-on", "info")
    assert code in (0, 1)
    assert json.loads(out)["title"] == "Alpha"


def test_check_refuses_dumps_with_a_pointer() -> None:
    for path in (PEAR_010, BGWIKI):
        code, out, _ = run("check", str(path))
        assert code == 2
        assert "citecheck dump" in out


def test_cli_parallel_output_matches_sequential(tmp_path: Path) -> None:
    _, sequential, _ = run("dump", str(PEAR_03), "--all-revisions", "--fail-on", "never")
    code, parallel, err = run("dump", str(PEAR_03), "--all-revisions", "--fail-on", "never", "--jobs", "2")
    assert code == 0, err
    assert parallel == sequential and len(parallel.splitlines()) == 4


def big_revision_dump(path: Path, text_bytes: int) -> Path:
    """A dump whose first page has one revision of ``text_bytes`` of text, then a normal page."""
    line = b"The dam killed 12 people in 2019 and the river flooded the valley below it.\n"
    with path.open("wb") as out:
        out.write(b'<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n'
                  b"<page><title>Huge</title><ns>0</ns><id>1</id><revision><id>10</id>"
                  b"<timestamp>2020-10-01T00:00:00Z</timestamp><text>")
        for _ in range(text_bytes // len(line) + 1):
            out.write(line)
        out.write(b"</text></revision></page>\n<page><title>Small</title><ns>0</ns><id>2</id><revision>"
                  b"<id>20</id><timestamp>2020-10-02T00:00:00Z</timestamp><text>Small text.</text>"
                  b"</revision></page>\n</mediawiki>\n")
    return path


def test_a_revision_over_the_limit_is_skipped_with_its_error(tmp_path: Path) -> None:
    path = big_revision_dump(tmp_path / "huge.xml", 12 * 1024 * 1024)
    out = tmp_path / "out.jsonl"
    run = CliRunner().invoke(main, ["dump", str(path), "--output", str(out), "--fail-on", "never",
                                    "--max-bytes", "1000000"])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in records] == ["Huge", "Small"]
    assert "over the limit of 1,000,000" in records[0]["error"] and "findings" not in records[0]
    assert "error" not in records[1], "the pages after it are linted"
    assert run.exit_code == 2 and "Huge (revision 10)" in run.output, "the run says a page was not linted"


def test_the_revision_limit_defaults_to_the_input_limit(tmp_path: Path) -> None:
    path = big_revision_dump(tmp_path / "huge.xml", 6 * 1024 * 1024)
    stats = DumpStats()
    pairs = list(lint_dump(path, Settings(), stats=stats))
    assert [(rev.title, result is None) for rev, result in pairs] == [("Huge", True), ("Small", False)]
    assert pairs[0][0].too_large > 6_000_000 and pairs[0][0].text == "", "the text is dropped once measured"
    assert "5,000,000" in stats.errors[0]
    revisions, _ = read(path, max_revision_bytes=7 * 1024 * 1024)
    assert [rev.too_large for rev in revisions] == [0, 0]


def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "dump.xml"
    os.mkfifo(fifo)
    run = CliRunner().invoke(main, ["dump", str(fifo)])
    assert run.exit_code == 2 and "not a regular file" in run.output
    assert dump_hint(fifo) == ""


def test_the_revision_limit_counts_utf8_bytes_as_the_text_streams(tmp_path: Path) -> None:
    path = tmp_path / "accents.xml"
    path.write_text(SMALL_DUMP.replace("Alpha killed 12 people.", "é" * 300_000 + " &amp; " + "é" * 10), encoding="utf-8")
    revisions, _ = read(path, all_revisions=True, max_revision_bytes=500_000)
    assert revisions[0].too_large == 600_023 and revisions[0].text == ""
    assert revisions[1].too_large == 0 and "Alpha killed 14" in revisions[1].text
    revisions, _ = read(path, all_revisions=True, max_revision_bytes=600_023)
    assert revisions[0].too_large == 0 and len(revisions[0].text) == 300_013


def test_damage_mid_file_keeps_the_pages_read_before_it(tmp_path: Path) -> None:
    path = tmp_path / "damaged.xml"
    path.write_text(SMALL_DUMP.replace("<page><title>Talk:Alpha", "<page><<title>Talk:Alpha"), encoding="utf-8")
    revisions, stats = read(path, include_redirects=True)
    assert [rev.title for rev in revisions] == ["Alpha", "Beta"] and stats.truncated


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_line_breaks_survive_any_piece_size(encoding: str) -> None:
    import io

    whole = bz2.open(BGWIKI).read().decode("utf-16").encode(encoding)
    lengths = {chunk: [len(rev.text) for rev in iter_revisions(io.BytesIO(whole), chunk=chunk, all_revisions=True,
                                                                namespaces=None, include_redirects=True)]
               for chunk in (1 << 16, 4096, 7)}
    assert lengths[7] == lengths[4096] == lengths[1 << 16] == [13790, 5362, 212723]


def test_json_lines_escape_the_controls_a_terminal_would_obey() -> None:
    from citecheck.report import json_line

    line = json_line({"title": "a\u0085b\u202ec\x7f"})
    assert "\u0085" not in line and "\u202e" not in line and "\x7f" not in line
    assert json.loads(line) == {"title": "a\u0085b\u202ec\x7f"}


def test_a_dump_run_lints_under_the_raised_collector_threshold_and_restores_the_callers(
        small_dump: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    lint = dump_module.lint_revision

    def recording(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold()[0])
        return lint(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dump_module, "lint_revision", recording)
    before = gc.get_threshold()
    write_jsonl(small_dump, Settings(), io.StringIO(), stats=DumpStats())
    assert seen and set(seen) == {DUMP_GC_THRESHOLD}
    assert gc.get_threshold() == before


def test_the_collector_threshold_is_restored_when_linting_raises() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), collector_for_dumps():
        raise RuntimeError("stop")
    assert gc.get_threshold() == before


def test_the_library_api_leaves_the_callers_collector_alone(tmp_path: Path) -> None:
    article = tmp_path / "article.wiki"
    article.write_text("Alpha killed 14 people.<ref>{{cite web |url=https://a.example/x |title=X}}</ref>",
                       encoding="utf-8")
    before = gc.get_threshold()
    lint_text(article.read_text(encoding="utf-8"), "wikitext")
    lint_path(article)
    assert gc.get_threshold() == before

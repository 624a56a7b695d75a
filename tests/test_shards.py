"""Sharded dump runs: byte ranges of a multistream dump, page batches, the dask engine, reruns."""

from __future__ import annotations

import bz2
import gc
import io
import json
import re
from pathlib import Path

import pytest

from citecheck import dump, shards
from citecheck.config import Settings
from citecheck.dump import DUMP_GC_THRESHOLD, DumpStats, Revision, write_jsonl
from citecheck.shards import plan, read_index, run, scan_streams

CORPUS_DUMP = Path("/work/shared/corpus/dbpedia-minidumps/en/wiki.xml.bz2")
FIXTURE_DUMP = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "pear-export-0.10.xml"
PAGE = re.compile(rb"<page>.*?</page>", re.S)


def source_xml() -> bytes:
    return bz2.decompress(CORPUS_DUMP.read_bytes()) if CORPUS_DUMP.exists() else FIXTURE_DUMP.read_bytes()


def build_multistream(folder: Path, pages: int = 5, per_stream: int = 1, xml: bytes | None = None,
                      name: str = "testwiki") -> Path:
    """A multistream dump as Wikimedia publishes it: a header stream, page streams, a closing stream, an index."""
    xml = xml if xml is not None else source_xml()
    found = list(PAGE.finditer(xml))[:pages]
    header, footer = xml[:found[0].start()], b"</mediawiki>\n"
    path = folder / f"{name}-multistream.xml.bz2"
    index_lines = []
    with open(path, "wb") as out:
        out.write(bz2.compress(header))
        for first in range(0, len(found), per_stream):
            offset = out.tell()
            group = found[first:first + per_stream]
            for page in group:
                title = re.search(rb"<title>(.*?)</title>", page.group()).group(1).decode()
                page_id = re.search(rb"<id>(\d+)</id>", page.group()).group(1).decode()
                index_lines.append(f"{offset}:{page_id}:{title}\n")
            out.write(bz2.compress(b"\n".join(p.group() for p in group) + b"\n"))
        out.write(bz2.compress(footer))
    (folder / f"{name}-multistream-index.txt.bz2").write_bytes(bz2.compress("".join(index_lines).encode()))
    return path


def plain_records(path: Path) -> list[dict]:
    out = io.StringIO()
    write_jsonl(path, Settings(), out, stats=DumpStats())
    return [json.loads(line) for line in out.getvalue().splitlines()]


def shard_records(folder: Path) -> list[dict]:
    return [json.loads(line) for shard in sorted(folder.glob("shard-*.jsonl"))
            for line in shard.read_text(encoding="utf-8").splitlines()]


def key(record: dict) -> str:
    return json.dumps(record, sort_keys=True)


def test_index_and_scan_find_the_same_page_streams(tmp_path: Path) -> None:
    path = build_multistream(tmp_path)
    indexed = read_index(tmp_path / "testwiki-multistream-index.txt.bz2")
    scanned = scan_streams(path)
    assert scanned[0] == 0 and scanned[1:-1] == indexed  # plus the header and closing streams
    tasks = plan(path, streams_per_task=2)
    assert [t.start for t in tasks] == indexed[::2] and tasks[-1].end == scanned[-1]


def test_byte_ranges_give_the_records_of_one_run_and_a_rerun_skips_shards(tmp_path: Path) -> None:
    path = build_multistream(tmp_path)
    out = tmp_path / "out"
    manifest = run(path, Settings(), out, jobs=2, streams_per_task=2)
    expected = plain_records(path)
    assert manifest["split"] == "byte-ranges" and manifest["records"] == len(expected)
    assert sorted(map(key, shard_records(out))) == sorted(map(key, expected))
    first = out / manifest["shards"][0]["shard"]
    written = first.stat().st_mtime_ns
    run(path, Settings(), out, jobs=1, streams_per_task=2)
    assert first.stat().st_mtime_ns == written


def test_a_file_without_streams_goes_in_page_batches(tmp_path: Path) -> None:
    path = tmp_path / "plain.xml"
    path.write_bytes(FIXTURE_DUMP.read_bytes())
    manifest = run(path, Settings(), tmp_path / "out", jobs=1)
    assert manifest["split"] == "page-batches"
    assert sorted(map(key, shard_records(tmp_path / "out"))) == sorted(map(key, plain_records(path)))


def test_dask_engine_gives_the_records_of_one_run(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    path = build_multistream(tmp_path, pages=3)
    out = tmp_path / "out"
    run(path, Settings(), out, engine="dask", jobs=2, streams_per_task=1)
    assert sorted(map(key, shard_records(out))) == sorted(map(key, plain_records(path)))


def test_a_shard_task_lints_under_the_raised_collector_threshold_and_restores_the_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    record_line = dump._record_line

    def recording(*args: object) -> tuple:
        seen.append(gc.get_threshold()[0])
        return record_line(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(dump, "_record_line", recording)
    page = Revision(title="Alpha", page_id="1", namespace=0, revision_id="10", timestamp="2020-10-01T00:00:00Z",
                    text="Alpha killed 12 people.")
    before = gc.get_threshold()
    shards.lint_batch("test.xml", 0, [page], Settings(), str(tmp_path), history=False)
    assert seen == [DUMP_GC_THRESHOLD]
    assert gc.get_threshold() == before


def test_the_largest_ranges_go_first_and_the_manifest_keeps_task_order(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = build_multistream(tmp_path, pages=6)
    tasks = plan(path, streams_per_task=1)
    submitted: list[shards.Task] = []

    class Done:
        def __init__(self, value: object) -> None:
            self.value = value

        def result(self) -> object:
            return self.value

    def submit(func, *args):  # type: ignore[no-untyped-def]
        submitted.append(args[1])
        return Done(func(*args))

    monkeypatch.setattr(shards, "_engine", lambda *args: (submit, lambda: None))
    manifest = run(path, Settings(), tmp_path / "out", streams_per_task=1)
    size = path.stat().st_size
    sizes = [(task.end or size) - task.start for task in submitted]
    assert sorted(submitted, key=lambda t: t.number) == tasks and sizes == sorted(sizes, reverse=True)
    assert sizes != [(task.end or size) - task.start for task in tasks]  # the pages differ in size
    assert [entry["shard"] for entry in manifest["shards"]] == [task.shard for task in tasks]

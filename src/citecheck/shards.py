"""Lint a dump as independent tasks, each writing one shard of JSON Lines, on one machine or a cluster.

A ``*-multistream.xml.bz2`` dump is a series of bzip2 streams of about 100 pages each, and its
``*-multistream-index.txt.bz2`` gives every page's stream offset (``offset:page_id:title``).
A task is a byte range of whole streams: it opens the file itself, seeks, decompresses its
range and lints its pages, so no single process reads every page and the main process only
hands out ranges. A bzip2 file without an index is split at its stream headers found by
scanning the bytes; a file of one stream (plain .bz2, .xz, history dumps) falls back to
batches of pages read by the main process.

Each task writes its shard atomically, so a rerun skips the shards already written; the
manifest, written last, names the shards and sums their counts. The records are those of
``write_jsonl``, whatever the engine: a local process pool or ``dask.distributed``.
"""

from __future__ import annotations

import bz2
import hashlib
import itertools
import io
import json
import os
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from citecheck.atomic import atomic_write
from citecheck.dump import PAGES_PER_TASK, DumpStats, Revision, iter_revisions, open_dump, records, worst_found

if TYPE_CHECKING:
    from citecheck.config import Settings

# A bzip2 stream starts with "BZh", the block size digit, and the first block's magic number
# (byte-aligned only there); ten fixed bytes are practically never found by chance.
_STREAM_HEADER = re.compile(rb"BZh[1-9]\x31\x41\x59\x26\x53\x59")
_MEDIAWIKI_OPEN = re.compile(rb"<mediawiki\b[^>]*>")
_SITEINFO = re.compile(rb"<siteinfo>.*?</siteinfo>", re.S)
_BASE = re.compile(rb"<base>([^<]*)</base>")
STREAMS_PER_TASK = 10  # about 1,000 pages: a few MB decompressed per task
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Task:
    """One unit of work: a byte range of whole bzip2 streams (``end`` None: to the end of file)."""

    number: int
    start: int
    end: int | None

    @property
    def shard(self) -> str:
        return f"shard-{self.number:05d}.jsonl"


def index_path(path: str | Path) -> Path | None:
    """The multistream index published beside ``path``, if there is one."""
    name = Path(path).name
    if "-multistream.xml" not in name:
        return None
    candidate = Path(path).with_name(name.split("-multistream.xml")[0] + "-multistream-index.txt.bz2")
    return candidate if candidate.exists() else None


def read_index(path: str | Path) -> list[int]:
    """The distinct stream offsets of a multistream index (``offset:page_id:title`` lines)."""
    opener: Callable[..., Any] = bz2.open if str(path).endswith(".bz2") else open
    offsets: set[int] = set()
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            head = line.split(":", 1)[0]
            if head.isdigit():
                offsets.add(int(head))
    return sorted(offsets)


def scan_streams(path: str | Path, chunk: int = 1 << 24) -> list[int]:
    """Offsets of the bzip2 stream headers in ``path``, found without decompressing it."""
    offsets: list[int] = []
    overlap = 9  # a header split across two reads is found in the next one
    with open(path, "rb") as raw:
        base, tail = 0, b""
        while data := raw.read(chunk):
            window = tail + data
            start = base - len(tail)
            offsets.extend(start + m.start() for m in _STREAM_HEADER.finditer(window)
                           if start + m.start() not in offsets[-1:])
            tail = window[-overlap:]
            base += len(data)
    return offsets


def plan(path: str | Path, streams_per_task: int = STREAMS_PER_TASK) -> list[Task]:
    """Byte-range tasks of ``streams_per_task`` streams; [] when the file cannot be split."""
    with open(path, "rb") as raw:
        if raw.read(3) != b"BZh":
            return []
    index = index_path(path)
    offsets = read_index(index) if index else scan_streams(path)
    if len(offsets) < 2:
        return []
    starts = offsets[::streams_per_task]
    ends: list[int | None] = [*starts[1:], None]
    if index:
        # Pages end where the next stream after the last indexed one (the closing tag) begins.
        last = [o for o in scan_streams(path) if o > offsets[-1]]
        ends[-1] = last[0] if last else None
    return [Task(number, start, end) for number, (start, end) in enumerate(zip(starts, ends))]


def siteinfo_base(path: str | Path) -> str:
    """The wiki's page URL base (``<siteinfo><base>``) from the first stream, "" if absent."""
    with open(path, "rb") as raw:
        if raw.read(3) != b"BZh":
            return ""
        raw.seek(0)
        decompressor = bz2.BZ2Decompressor()
        head = b""
        while not decompressor.eof and len(head) < 1 << 20 and (data := raw.read(1 << 16)):
            head += decompressor.decompress(data)
            if b"</siteinfo>" in head or b"<page>" in head:
                break
    match = _BASE.search(head)
    return match.group(1).decode("utf-8", "replace") if match else ""


def _range_xml(path: str | Path, task: Task) -> bytes:
    """The pages of a task's streams, wrapped in one <mediawiki> element."""
    with open(path, "rb") as raw:
        raw.seek(task.start)
        data = raw.read() if task.end is None else raw.read(task.end - task.start)
    pieces = []
    while data:
        decompressor = bz2.BZ2Decompressor()
        pieces.append(decompressor.decompress(data))
        data = decompressor.unused_data
    body = b"".join(pieces)
    body = _SITEINFO.sub(b"", _MEDIAWIKI_OPEN.sub(b"", body, count=1), count=1)
    return b"<mediawiki>" + body.replace(b"</mediawiki>", b"") + b"</mediawiki>"


def lint_range(path: str, task: Task, settings: "Settings", out_dir: str, options: dict[str, Any]) -> dict[str, Any]:
    """Lint the pages of one byte-range task into its shard (skipped if already written)."""
    target = Path(out_dir) / task.shard
    if not target.exists():
        stats = DumpStats()
        revisions = iter_revisions(io.BytesIO(_range_xml(path, task)), stats=stats,
                                   max_revision_bytes=settings.max_bytes, **options)
        _write_shard(target, revisions, settings, path, bool(options.get("all_revisions")))
    return shard_entry(target)


def lint_batch(path: str, number: int, revisions: list[Revision], settings: "Settings", out_dir: str,
               history: bool) -> dict[str, Any]:
    """Lint a batch of pages the main process read into shard ``number``."""
    target = Path(out_dir) / Task(number, 0, None).shard
    if not target.exists():
        _write_shard(target, revisions, settings, path, history)
    return shard_entry(target)


def _write_shard(target: Path, revisions: Iterable[Revision], settings: "Settings", source: str,
                 history: bool) -> None:
    with atomic_write(target) as out:
        for line, *_ in records(revisions, settings, source, history):
            out.write(line + "\n")


def shard_entry(target: Path) -> dict[str, Any]:
    """A shard's manifest entry: its name, record count, findings per severity, errors."""
    errors = 0
    counts: list[dict[str, int]] = []
    with open(target, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            errors += bool(record.get("error"))
            counts.append(record.get("counts", {}))
    return {"shard": target.name, "records": len(counts), "errors": errors, "counts": _summed(counts)}


def _batches(path: str | Path, settings: "Settings", options: dict[str, Any]) -> Iterator[list[Revision]]:
    stream, raw = open_dump(path)
    with raw, stream:
        revisions = iter_revisions(stream, max_revision_bytes=settings.max_bytes, **options)
        while batch := list(itertools.islice(revisions, PAGES_PER_TASK)):
            yield batch


def run(path: str | Path, settings: "Settings", out_dir: str | Path, *, engine: str = "local", jobs: int = 2,
        scheduler: str | None = None, streams_per_task: int = STREAMS_PER_TASK,
        **options: Any) -> dict[str, Any]:
    """Lint ``path`` into shards under ``out_dir`` and write the manifest; returns the manifest.

    ``options`` are iter_revisions' keywords (all_revisions, namespaces, include_redirects).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    source, folder = str(path), str(out)
    tasks = plan(path, streams_per_task)
    submit, close = _engine(engine, jobs, scheduler)
    if tasks:
        # Largest ranges first: the tasks left at the end are small ones, so no worker idles long
        # while another finishes (entries are put back in task order below).
        size = os.path.getsize(path)
        largest_first = sorted(tasks, key=lambda task: (task.end or size) - task.start, reverse=True)
        calls: Iterable[tuple[Any, ...]] = ((lint_range, source, task, settings, folder, options)
                                            for task in largest_first)
    else:
        calls = ((lint_batch, source, number, batch, settings, folder, bool(options.get("all_revisions")))
                 for number, batch in enumerate(_batches(path, settings, options)))
    try:
        entries = sorted(_completed(submit, calls, window=4 * max(1, jobs)), key=lambda entry: entry["shard"])
    finally:
        close()
    manifest = {
        "dump": source, "dump_sha1_prefix": _head_digest(path), "site_base": siteinfo_base(path),
        "split": "byte-ranges" if tasks else "page-batches", "shards": entries,
        "records": sum(e["records"] for e in entries), "errors": sum(e["errors"] for e in entries),
        "counts": _summed(e["counts"] for e in entries),
    }
    with atomic_write(out / MANIFEST) as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return manifest


def _completed(submit: Callable[..., Any], calls: Iterable[tuple[Any, ...]], window: int) -> list[dict[str, Any]]:
    """Results of the calls in order, with at most ``window`` submitted and not yet done
    (page batches are held in memory until a worker takes them)."""
    pending: deque[Any] = deque()
    entries = []
    for call in calls:
        pending.append(submit(*call))
        if len(pending) >= window:
            entries.append(pending.popleft().result())
    entries.extend(future.result() for future in pending)
    return entries


def _summed(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for one in counts:
        for name, count in one.items():
            total[name] = total.get(name, 0) + count
    return total


def _head_digest(path: str | Path) -> str:
    """A cheap identity of the dump (its first MB), so shards of another file are noticed."""
    with open(path, "rb") as raw:
        return hashlib.sha1(raw.read(1 << 20)).hexdigest()


def _engine(name: str, jobs: int, scheduler: str | None) -> tuple[Callable[..., Any], Callable[[], None]]:
    """submit and close for a local process pool or a dask.distributed client."""
    if name == "dask":
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise RuntimeError("--engine dask needs the dask extra: pip install 'citecheck[dask]'") from exc
        if scheduler:
            client = Client(scheduler)
            cluster = None
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)

        def close_dask() -> None:
            client.close()
            if cluster is not None:
                cluster.close()

        return (lambda func, *args: client.submit(func, *args, pure=False)), close_dask
    if name != "local":
        raise ValueError(f"unknown engine {name!r} (local, dask)")
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=max(1, jobs))
    return pool.submit, pool.shutdown


def worst_severity(manifest: dict[str, Any]) -> str | None:
    """The most severe finding level of a run ("error", "warning", "info"), None if none."""
    return worst_found(manifest["counts"])

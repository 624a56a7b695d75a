"""Lint a MediaWiki XML export (pages-articles or full history) one page at a time.

The reader streams the XML through an lxml parser target that builds no tree, so a
gigabyte history dump needs the memory of one revision, not of the file. It accepts
every export schema version (0.3 has no ``<ns>`` and marks redirects only in the text;
0.10 has ``<ns>`` and ``<redirect title=…/>``), bzip2/gzip/xz/lzma compression detected from
the file's magic bytes, UTF-16 files (libxml2 reads the byte-order mark), and truncated
files: the complete pages are linted and the truncation is reported.

A revision whose text is larger than the input limit (``--max-bytes``, as for a file) is
not linted: its record carries the error, and its text is dropped while it streams in, so
even a compressed file that inflates to one gigabyte-long revision costs only the limit.
(lxml's iterparse reads about twice as fast, but holds every text node whole, up to 1 GB.)

mwxml was considered: it reads the same files but adds mwtypes, jsonschema and para as
dependencies for what is, here, one small parser target.
"""

from __future__ import annotations

import bz2
import codecs
import contextlib
import gc
import gzip
import io
import json
import lzma
import math
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable, Iterable, Iterator

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.config import Settings
    from citecheck.history import RevisionCache
    from citecheck.model import Document, Severity

ARTICLE_NAMESPACE = 0
# A page whose text starts like this is a redirect in any language ("#REDIRECT", "#WEITERLEITUNG").
_REDIRECT_TEXT = re.compile(r"\A\s*#[^\s\[\]]+\s*:?\s*\[\[", re.U)


class DumpError(Exception):
    """The file is not a readable MediaWiki XML export (exit code 2)."""


@dataclass
class Revision:
    """One revision of one page, with what the page says about itself."""

    title: str
    page_id: str
    namespace: int
    revision_id: str
    timestamp: str
    text: str
    redirect: bool = False
    too_large: int = 0  # the text's size in bytes when it is over the limit (the text is then dropped)

    @property
    def revision_date(self) -> date | None:
        try:
            return datetime.fromisoformat(self.timestamp.replace("Z", "+00:00")).date()
        except ValueError:
            return None


@dataclass
class DumpStats:
    """What the reader saw: pages read and skipped, and whether the file ended early."""

    pages: int = 0
    revisions: int = 0
    linted: int = 0
    skipped_redirects: int = 0
    skipped_namespaces: int = 0
    truncated: str = ""  # the parser's message when the file ends before </mediawiki>
    namespaces: dict[str, int] = field(default_factory=dict)  # prefix -> key, from <siteinfo>
    errors: list[str] = field(default_factory=list)  # pages that could not be linted, too large ones included
    findings: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    written: int = 0  # records written, those kept by --resume included
    last: str = ""  # the page (and revision) of the last record written
    resumed: int = 0  # records kept from an earlier, interrupted run


class _CountingReader(io.RawIOBase):
    """Standard input counting the bytes read, as a pipe cannot tell() where a progress bar is."""

    def __init__(self, source: IO[bytes]) -> None:
        super().__init__()
        self.source = source
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = getattr(self.source, "read1", self.source.read)(len(buffer))
        buffer[:len(data)] = data
        self.count += len(data)
        return len(data)

    def tell(self) -> int:
        return self.count


def open_dump(path: str | Path) -> tuple[IO[bytes], IO[bytes]]:
    """(decompressed stream, raw file) for a dump; compression is sniffed from magic bytes.

    The raw file is returned so a progress bar can follow ``raw.tell()``. ``-`` is standard
    input, compressed or not.
    """
    from citecheck.io import open_regular

    if str(path) == "-":
        counter = _CountingReader(sys.stdin.buffer)
        stdin = io.BufferedReader(counter)
        return _decompressed(stdin, stdin.peek(6)[:6]), counter
    try:
        raw = open_regular(path)  # a named pipe is refused, not waited on
    except OSError as exc:
        raise DumpError(f"{path}: cannot read ({exc.strerror or exc})") from None
    magic = raw.read(6)
    raw.seek(0)
    return _decompressed(raw, magic), raw


def _decompressed(raw: IO[bytes], magic: bytes) -> IO[bytes]:
    if magic.startswith(b"BZh"):
        return bz2.open(raw)
    if magic.startswith(b"\x1f\x8b"):
        return gzip.open(raw)
    if magic.startswith(b"\xfd7zXZ") or magic[:3] == b"\x5d\x00\x00":
        return lzma.open(raw)
    return raw


def dump_hint(path: str | Path) -> str:
    """A message pointing to ``citecheck dump`` when ``path`` is a (compressed) XML dump, else ""."""
    if str(path) == "-":
        return ""
    try:
        stream, raw = open_dump(path)
        with raw, stream:
            head = stream.read(4096)
    except (DumpError, OSError, EOFError, lzma.LZMAError):
        return ""
    if b"<mediawiki" in head or "<mediawiki".encode("utf-16-le") in head:
        return f"{path}: a MediaWiki XML dump, not an article; lint it with 'citecheck dump {path}'"
    return ""


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


FIELD_CAP = 65536  # characters kept of a title, id or timestamp (MediaWiki titles are at most 255 bytes)
_FIELDS = {("page", "title"), ("page", "ns"), ("page", "id"), ("revision", "id"), ("revision", "timestamp"),
           ("revision", "text"), ("namespaces", "namespace")}


class _DumpReader:
    """An lxml parser target that assembles revisions from parse events, as they stream by.

    No tree is built and no text is kept beyond its limit: once a revision's text could be
    over ``max_text`` it is measured in UTF-8 bytes, and over the limit only its first
    characters are kept (to tell a redirect). So a revision of any size costs the memory of
    the limit. ``data`` runs for every piece of text between two entities: it stays short.
    """

    def __init__(self, stats: DumpStats, max_text: int | None) -> None:
        self.stats = stats
        self.max_text = max_text
        self.done: list[Revision] = []  # revisions completed since the caller last looked
        self._path: list[str] = []
        self._page: dict[str, Any] = {}
        self._revision: dict[str, Any] = {}
        self._field: tuple[str, str] | None = None
        self._pieces: list[str] | None = None  # the text of the field being read, if any
        self._size = 0  # characters of it, or UTF-8 bytes once _check_at is -1
        self._check_at = 0.0  # the size past which data() calls _grown()
        self._head = ""  # the start of a text over the limit
        self._too_large = False
        self._namespace_key = ""

    def start(self, tag: Any, attrib: Any) -> None:
        name, parent = _local(tag), (self._path[-1] if self._path else "")
        self._path.append(name)
        if name == "page":
            self._page = {"redirect": False}
        elif name == "revision" and parent == "page":
            self._revision = {}
        elif name == "redirect" and parent == "page":
            self._page["redirect"] = True
        if (parent, name) in _FIELDS:
            self._field, self._pieces, self._size, self._too_large = (parent, name), [], 0, False
            if name != "text":
                self._check_at = FIELD_CAP
            else:
                self._check_at = math.inf if self.max_text is None else self.max_text / 4
            self._namespace_key = str(attrib.get("key", "0")) if name == "namespace" else ""

    def data(self, piece: str) -> None:
        pieces = self._pieces
        if pieces is None:
            return
        pieces.append(piece)
        self._size += len(piece)
        if self._size > self._check_at:
            self._grown(piece)

    def _grown(self, piece: str) -> None:
        """A field got long: cap a title or id; measure a text in bytes against the limit."""
        pieces = self._pieces or []
        if self._field != ("revision", "text"):
            pieces.pop()
            return
        if self._check_at >= 0:  # the text could be over the limit as bytes: count bytes from now on
            self._check_at = -1
            self._size = _utf8_len("".join(pieces))
        else:
            self._size += _utf8_len(piece) - len(piece)
        if not self._too_large and self._size > self.max_text:  # type: ignore[operator]
            self._too_large, self._head = True, "".join(pieces)[:256]
        if self._too_large:
            pieces.clear()

    def end(self, tag: Any) -> None:
        name = self._path.pop()
        parent = self._path[-1] if self._path else ""
        if self._field == (parent, name) and self._pieces is not None:
            value = self._head if self._too_large else "".join(self._pieces)
            if parent == "page":
                self._page[name] = value
            elif parent == "revision":
                self._revision[name] = value
                if name == "text":
                    self._revision["too_large"] = self._size if self._too_large else 0
            elif self._namespace_key.lstrip("-").isdigit():
                self.stats.namespaces[value.strip()] = int(self._namespace_key)
            self._field, self._pieces = None, None
        elif name == "revision" and parent == "page":
            self.done.append(self._make_revision())
        elif name == "page":
            self.done.append(_PAGE_END)

    def close(self) -> None:
        return None

    def _make_revision(self) -> Revision:
        page, rev = self._page, self._revision
        title = page.get("title", "")
        ns_text = page.get("ns", "")
        if ns_text.strip().lstrip("-").isdigit():
            namespace = int(ns_text)
        else:
            prefix = title.split(":", 1)[0] if ":" in title else ""
            namespace = self.stats.namespaces.get(prefix, ARTICLE_NAMESPACE) if prefix else ARTICLE_NAMESPACE
        text = rev.get("text", "")
        too_large = rev.get("too_large", 0)
        return Revision(
            title=title, page_id=page.get("id", ""), namespace=namespace, revision_id=rev.get("id", ""),
            timestamp=rev.get("timestamp", ""), text="" if too_large else text,
            redirect=page["redirect"] or bool(_REDIRECT_TEXT.match(text)), too_large=too_large,
        )


def _utf8_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


_PAGE_END = Revision(title="", page_id="", namespace=-1, revision_id="", timestamp="", text="")  # marker


def _reader(stream: IO[bytes], chunk: int) -> tuple[Callable[[], bytes], str | None]:
    """(a function returning the next piece of ``stream``, b"" at the end; the encoding
    the parser must assume, None to read the file's own declaration).

    A UTF-16 file is decoded here and handed on as UTF-8: libxml2's push parser turns a
    line break split between two pieces of UTF-16 input into two line breaks.
    """
    head = stream.read(max(chunk, 2))
    encoding = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16", b"<\x00": "utf-16-le",
                b"\x00<": "utf-16-be"}.get(head[:2])
    pending = [head]

    def next_piece() -> bytes:
        return pending.pop() if pending else stream.read(chunk)

    if encoding is None:
        return next_piece, None
    decoder = codecs.getincrementaldecoder(encoding)()

    def utf8_piece() -> bytes:
        while True:
            data = next_piece()
            text = decoder.decode(data, final=not data)
            if text or not data:
                return text.encode("utf-8", "surrogatepass")

    return utf8_piece, "utf-8"


def iter_revisions(stream: IO[bytes], *, all_revisions: bool = False,
                   namespaces: frozenset[int] | None = frozenset({ARTICLE_NAMESPACE}),
                   include_redirects: bool = False, max_revision_bytes: int | None = None,
                   stats: DumpStats | None = None, chunk: int = 1 << 16) -> Iterator[Revision]:
    """Revisions to lint: each page's latest one (or all), in file order.

    ``namespaces=None`` keeps every namespace. Malformed or truncated XML ends the
    iteration and is recorded in ``stats.truncated``; pages completed before it are yielded.
    A revision over ``max_revision_bytes`` comes without its text and with ``too_large`` set.
    """
    from lxml import etree

    stats = stats if stats is not None else DumpStats()
    reader = _DumpReader(stats, max_revision_bytes)
    # huge_tree lifts libxml2's 10 MB text-node limit: the reader applies its own, per revision.
    read, encoding = _reader(stream, chunk)
    parser = etree.XMLParser(target=reader, huge_tree=True, resolve_entities=False, no_network=True,
                             load_dtd=False, encoding=encoding)
    latest: Revision | None = None

    def completed() -> Iterator[Revision]:
        """The wanted revisions among those the reader completed since the last call."""
        nonlocal latest
        for rev in reader.done:
            if rev is _PAGE_END:
                stats.pages += 1
                if latest is not None and _wanted(latest, namespaces, include_redirects, stats):
                    yield latest
                latest = None
                continue
            stats.revisions += 1
            if all_revisions:
                if _wanted(rev, namespaces, include_redirects, stats):
                    yield rev
            elif latest is None or rev.timestamp >= latest.timestamp:
                latest = rev
        reader.done.clear()

    try:
        while True:
            data = read()
            if data:
                parser.feed(data)
            else:
                parser.close()
            yield from completed()
            if not data:
                return
    except etree.XMLSyntaxError as exc:
        stats.truncated = str(exc)
    except (EOFError, OSError, lzma.LZMAError) as exc:
        stats.truncated = f"compressed stream ends early ({exc})"
    except UnicodeDecodeError as exc:
        stats.truncated = f"invalid UTF-16 ({exc})"
    yield from completed()  # the pages completed before the damage


def _wanted(rev: Revision, namespaces: frozenset[int] | None, include_redirects: bool,
            stats: DumpStats) -> bool:
    if namespaces is not None and rev.namespace not in namespaces:
        stats.skipped_namespaces += 1
        return False
    if rev.redirect and not include_redirects:
        stats.skipped_redirects += 1
        return False
    return True


class RevisionTooLarge(Exception):
    """The revision's text is over the input limit; it is reported, not linted."""


def lint_revision(rev: Revision, settings: "Settings", source: str = "",
                  parse: Callable[[str, str, str], "Document"] | None = None) -> "Result":
    """Lint one revision as wikitext, its timestamp being the article's revision date
    (``parse`` as for ``lint_text``)."""
    from citecheck.api import lint_text

    if rev.too_large:
        raise RevisionTooLarge(f"{rev.too_large:,} bytes of text, over the limit of {settings.max_bytes:,} "
                               "(raise it with --max-bytes); not linted")

    def from_dump(doc: "Document") -> None:
        if not doc.title:
            doc.title = rev.title
        doc.metadata.update(page_id=rev.page_id, revision_id=rev.revision_id, dump=source)
        when = rev.revision_date
        if when is not None:
            doc.revision_date, doc.revision_date_source = when, "dump"

    return lint_text(rev.text, "wikitext", path=rev.title, settings=settings, before_rules=from_dump,
                     parse=parse)


def page_record(rev: Revision, result: "Result | None", error: str = "") -> dict[str, Any]:
    """One JSON Lines record: the page, its revision, counts, and findings as in the JSON report."""
    page = page_fields(rev)
    if result is None:
        return {**page, "error": error or "could not be linted"}
    return {**page, **result_fields(result)}


def page_fields(rev: Revision) -> dict[str, Any]:
    """The part of a page record that names the page and its revision."""
    return {"title": rev.title, "page_id": rev.page_id, "namespace": rev.namespace,
            "revision_id": rev.revision_id, "timestamp": rev.timestamp}


def result_fields(result: "Result") -> dict[str, Any]:
    """The part of a page record that comes from linting its text."""
    from citecheck.report import json as json_report
    from citecheck.report import summary_counts

    file_info = json_report.file_record(result)
    return {
        "statements": file_info["statements"], "references": file_info["references"],
        "citations": file_info["citations"], "revision_date": file_info["revision_date"],
        "revision_date_source": file_info["revision_date_source"],
        "counts": summary_counts([result]),
        "findings": [json_report.finding_record(f) for f in result.findings],
    }


def _wanted_revisions(path: str | Path, settings: "Settings", stats: DumpStats,
                      progress: Callable[[int], None] | None, limit: int | None,
                      **options: Any) -> Iterator[Revision]:
    """The revisions to lint (too large ones without their text), reporting file progress
    and stopping after ``limit``."""
    stream, raw = open_dump(path)
    done = 0
    try:
        for rev in iter_revisions(stream, stats=stats, max_revision_bytes=settings.max_bytes, **options):
            stats.linted += 1
            if progress is not None:
                position = raw.tell()
                progress(position - done)
                done = position
            yield rev
            if limit is not None and stats.linted >= limit:
                break
    finally:
        stream.close()
        raw.close()


def lint_dump(path: str | Path, settings: "Settings", *, all_revisions: bool = False,
              namespaces: frozenset[int] | None = frozenset({ARTICLE_NAMESPACE}),
              include_redirects: bool = False, limit: int | None = None,
              stats: DumpStats | None = None,
              progress: Callable[[int], None] | None = None) -> Iterator[tuple[Revision, "Result | None"]]:
    """Lint every wanted revision of a dump; ``progress`` gets the file bytes read since its last call.

    A page whose linting raises is yielded with ``None`` and its error kept in
    ``stats.errors``, so one bad page does not end a run over millions.
    """
    stats = stats if stats is not None else DumpStats()
    for rev in _wanted_revisions(path, settings, stats, progress, limit, all_revisions=all_revisions,
                                 namespaces=namespaces, include_redirects=include_redirects):
        try:
            result = lint_revision(rev, settings, source=str(path))
        except Exception as exc:  # noqa: BLE001 - one bad page must not end a long run
            stats.errors.append(_error(rev, exc))
            yield rev, None
            continue
        yield rev, result


def _error(rev: Revision, exc: Exception) -> str:
    return f"{_label(rev)}: {type(exc).__name__}: {exc}"


class ResumeError(DumpError):
    """The output to resume is not this dump's output with these options."""


def read_resume(path: str | Path) -> list[str]:
    """The complete records of an interrupted JSON Lines output, [] when there is none yet.

    A last line cut short (the run was killed mid-write) is dropped: it is written again.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise ResumeError(f"{path}: cannot resume from it ({exc})") from None
    lines = text.split("\n")
    complete = lines[:-1]  # what follows the last newline is incomplete (or empty)
    for number, line in enumerate(complete, 1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            record = None
        if not isinstance(record, dict) or "title" not in record or "revision_id" not in record:
            raise ResumeError(f"{path}: line {number} is not a citecheck dump record; cannot resume from it")
    return complete


Record = tuple[str, dict[str, int], str, str]  # JSON line, findings per severity, error, page label

# Allocations between two young-generation collections while dump pages are linted (Python's default: 700).
DUMP_GC_THRESHOLD = 10_000


@contextlib.contextmanager
def collector_for_dumps() -> Iterator[None]:
    """Collect the young generation every DUMP_GC_THRESHOLD allocations instead of 700, then restore.

    Linting a page allocates many short-lived containers that reference counting frees; at
    the default threshold the collector runs every few hundred of them and finds no cycles,
    which took 5 % of a dump run's CPU time (0.5 % raised). Cyclic garbage still
    waits for at most that many allocations, and the older generations are collected as
    before, so memory stays bounded. gc.freeze() of the loaded rule data gained nothing
    measurable, so nothing is frozen. Only a dump run and each worker task set this, for their
    duration: the library API and a shared dask worker keep their own settings.
    """
    saved = gc.get_threshold()
    gc.set_threshold(DUMP_GC_THRESHOLD, *saved[1:])
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def _label(rev: Revision) -> str:
    return f"{rev.title} (revision {rev.revision_id})"


def _record_line(rev: Revision, settings: "Settings", source: str, cache: "RevisionCache | None" = None) -> Record:
    """The JSON line, findings per severity and error of one revision; runs in workers.

    With a ``cache`` (full histories), a text seen before is not parsed or linted again.
    """
    from citecheck.report import json_line

    def lint() -> dict[str, Any]:
        if cache is None or rev.too_large:
            return result_fields(lint_revision(rev, settings, source=source))
        return cache.fields(rev, settings, source)

    try:
        fields = lint()
    except Exception as exc:  # noqa: BLE001 - reported in the record and on stderr
        error = _error(rev, exc)
        return json_line(page_record(rev, None, error)), {}, error, _label(rev)
    line = json_line({**page_fields(rev), **fields})
    return line, fields["counts"], "", _label(rev)


# Pages handed to a worker at once: sending them one by one costs the main process about as
# much as a worker's linting once there are a few workers.
PAGES_PER_TASK = 32


def records(revisions: Iterable[Revision], settings: "Settings", source: str, history: bool) -> Iterator[Record]:
    """The records of ``revisions``, in order, linted under the collector settings of a dump run
    and, for a full history, with a cache of the texts seen."""
    cache = revision_cache(history)
    with collector_for_dumps():
        for rev in revisions:
            yield _record_line(rev, settings, source, cache)


def _record_lines(revisions: list[Revision], settings: "Settings", source: str, history: bool) -> list[Record]:
    """The records of a batch of revisions, in order; runs in workers."""
    return list(records(revisions, settings, source, history))


def revision_cache(history: bool) -> "RevisionCache | None":
    """A cache of texts seen, for full histories (where reverts repeat texts), else None."""
    from citecheck.history import RevisionCache

    return RevisionCache() if history else None


def _resumed(revisions: Iterator[Revision], done: list[str], source: str) -> Iterator[Record]:
    """The records of an earlier run, each checked against the revision it stands for."""
    matched = 0
    for line, rev in zip(done, revisions):
        matched += 1
        record = json.loads(line)
        if record["title"] != rev.title or str(record["revision_id"]) != rev.revision_id:
            raise ResumeError(f"the output's record for {record['title']!r} (revision {record['revision_id']}) "
                              f"is {_label(rev)!r} in {source}: it was written from another dump or with "
                              "other options, so it cannot be resumed")
        yield line, record.get("counts", {}), record.get("error", ""), _label(rev)
    if matched < len(done):
        raise ResumeError(f"the output has {len(done)} records but {source} has only {matched} to lint "
                          "with these options: it was written from another dump, so it cannot be resumed")


def write_jsonl(path: str | Path, settings: "Settings", out: IO[str], *, stats: DumpStats,
                progress: Callable[[int], None] | None = None, jobs: int = 1,
                limit: int | None = None, resume: list[str] | None = None, **options: Any) -> "Severity | None":
    """Lint a dump into JSON Lines on ``out``; the most severe finding seen (for the exit code).

    ``options`` are iter_revisions' keywords (all_revisions, namespaces, include_redirects).
    With ``jobs`` > 1, pages are linted in that many worker processes, in batches of
    PAGES_PER_TASK; the output keeps the file's order and at most two batches per worker are
    in flight, so memory stays bounded.
    ``resume`` are the records an interrupted run wrote: they are written again unchanged, for
    the same revisions, and linting goes on after them, so the output is that of one run.
    """
    import itertools

    from citecheck.model import Severity

    revisions = _wanted_revisions(path, settings, stats, progress, limit, **options)
    source = str(path)
    done = resume or []
    earlier = _resumed(itertools.islice(revisions, len(done)), done, source)
    stats.resumed = len(done)
    history = bool(options.get("all_revisions"))
    if jobs <= 1:
        return _write(itertools.chain(earlier, records(revisions, settings, source, history)), out, stats, Severity)
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    def parallel() -> Iterator[Record]:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            window: deque[Any] = deque()
            while batch := list(itertools.islice(revisions, PAGES_PER_TASK)):
                window.append(pool.submit(_record_lines, batch, settings, source, history))
                if len(window) >= 2 * jobs:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()

    return _write(itertools.chain(earlier, parallel()), out, stats, Severity)


def _write(records: Iterator[Record], out: IO[str], stats: DumpStats,
           severity: type["Severity"]) -> "Severity | None":
    for line, counts, error, label in records:
        out.write(line + "\n")
        stats.written += 1
        stats.last = label
        for name, count in counts.items():
            stats.findings[name] = stats.findings.get(name, 0) + count
        if error:
            stats.errors.append(error)
    worst = worst_found(stats.findings)
    return severity.parse(worst) if worst else None


def worst_found(counts: dict[str, int]) -> str | None:
    """The most severe level with findings in ``counts`` ("error", "warning", "info"), None if none."""
    return next((name for name in ("error", "warning", "info") if counts.get(name)), None)

"""Full histories: a text seen before reuses its parse and record, and the records do not change."""

from __future__ import annotations

import io
import re
from pathlib import Path

from citecheck.config import Settings
from citecheck.dump import DumpStats, _record_line, iter_revisions, open_dump, write_jsonl
from citecheck.history import RevisionCache

HISTORY = Path("/work/shared/corpus/wikiwho/derived/Anarchism-history-revisions-15172-15179.xml")
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "pear-export-0.10.xml"
REVISION = re.compile(r"<revision>.*?</revision>", re.S)
TIMESTAMP = re.compile(r"<timestamp>[^<]*</timestamp>")


def history_with_reverts(folder: Path) -> Path:
    """Two texts, reverted to and fro on the same day, a later day and years later."""
    source = (HISTORY if HISTORY.exists() else FIXTURE).read_text(encoding="utf-8")
    first, second = REVISION.findall(source)[-2:] if HISTORY.exists() else REVISION.findall(source)[:1] * 2
    stamps = ["2009-06-01T10:00:00Z", "2009-06-01T11:00:00Z", "2009-06-01T12:00:00Z",
              "2009-06-01T13:00:00Z", "2011-01-05T00:00:00Z", "2030-01-01T00:00:00Z"]
    revisions = [first, second, first, second, first, second]
    body = "".join(TIMESTAMP.sub(f"<timestamp>{stamp}</timestamp>", rev.replace("<id>", f"<id>{n}", 1))
                   for n, (rev, stamp) in enumerate(zip(revisions, stamps)))
    start = source.index("<page>")
    page_head = source[start:source.index("<revision>", start)]
    path = folder / "history.xml"
    path.write_text(source[:start] + page_head + body + "</page></mediawiki>", encoding="utf-8")
    return path


def test_cached_history_gives_the_records_of_linting_every_revision(tmp_path: Path) -> None:
    path = history_with_reverts(tmp_path)
    stream, raw = open_dump(path)
    with raw, stream:
        revisions = list(iter_revisions(stream, all_revisions=True))
    assert len(revisions) == 6
    settings = Settings()
    plain = [_record_line(rev, settings, str(path))[0] for rev in revisions]
    cache = RevisionCache()
    cached = [_record_line(rev, settings, str(path), cache)[0] for rev in revisions]
    assert cached == plain
    assert cache.hits == {"records": 2, "documents": 2}
    out = io.StringIO()
    write_jsonl(path, settings, out, stats=DumpStats(), all_revisions=True)
    assert out.getvalue().splitlines() == plain

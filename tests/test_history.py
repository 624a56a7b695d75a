"""Full histories: a text seen before reuses its parse, its record or the findings of the rules
that do not read the revision date, and the records are those of linting every revision."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from citecheck import parsers
from citecheck.api import run_rules
from citecheck.config import Settings
from citecheck.dump import DumpStats, _record_line, iter_revisions, open_dump, write_jsonl
from citecheck.history import RevisionCache, _Recent
from citecheck.model import Document
from citecheck.report.json import finding_record
from citecheck.rules import RULES

PARSE = parsers.parse
HISTORY = Path("/work/shared/corpus/wikiwho/derived/Anarchism-history-revisions-15172-15179.xml")
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "pear-export-0.10.xml"
REVISION = re.compile(r"<revision>.*?</revision>", re.S)
TIMESTAMP = re.compile(r"<timestamp>[^<]*</timestamp>")
# Read differently on each day below: a tag's age (CC103), a date after the revision (CC403)
# and a future tense gone stale (CC405).
DATED = ("The next congress will be held on 5 October 2010.{{citation needed|date=May 2009}}"
         " A report appeared in 2010.&lt;ref&gt;{{cite web |url=http://example.org/r |title=Report"
         " |date=3 March 2010 |access-date=4 March 2010}}&lt;/ref&gt;\n\n")
STAMPS = ["2009-06-01T10:00:00Z", "2009-06-01T11:00:00Z", "2009-06-01T12:00:00Z",
          "2009-06-01T13:00:00Z", "2011-01-05T00:00:00Z", "2030-01-01T00:00:00Z"]


def history_with_reverts(folder: Path, extra: str = DATED) -> Path:
    """Two texts, reverted to and fro on the same day, a later day and years later; ``extra``
    (XML-escaped) starts the first one."""
    source = (HISTORY if HISTORY.exists() else FIXTURE).read_text(encoding="utf-8")
    first, second = REVISION.findall(source)[-2:] if HISTORY.exists() else REVISION.findall(source)[:1] * 2
    first = re.sub(r"(<text[^>]*>)", lambda opening: opening.group(1) + extra, first, count=1)
    revisions = [first, second, first, second, first, second]
    body = "".join(TIMESTAMP.sub(f"<timestamp>{stamp}</timestamp>", rev.replace("<id>", f"<id>{n}", 1))
                   for n, (rev, stamp) in enumerate(zip(revisions, STAMPS)))
    start = source.index("<page>")
    page_head = source[start:source.index("<revision>", start)]
    path = folder / "history.xml"
    path.write_text(source[:start] + page_head + body + "</page></mediawiki>", encoding="utf-8")
    return path


def records(path: Path, settings: Settings, cache: RevisionCache | None) -> list[str]:
    stream, raw = open_dump(path)
    with raw, stream:
        return [_record_line(rev, settings, str(path), cache)[0] for rev in iter_revisions(stream, all_revisions=True)]


def test_cached_history_gives_the_records_of_linting_every_revision(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = history_with_reverts(tmp_path)
    settings = Settings()
    plain = records(path, settings, None)
    assert len(plain) == 6
    cache = RevisionCache()
    parsed = []

    def counted_parse(text: str, fmt: str, path: str = "<string>") -> Document:
        parsed.append(text)
        return PARSE(text, fmt, path=path)

    monkeypatch.setattr(parsers, "parse", counted_parse)
    assert records(path, settings, cache) == plain
    assert len(parsed) == 2  # each text once
    # Same day: the whole record again; another day: only the dated rules run again.
    assert cache.hits == {"records": 2, "findings": 2, "documents": 0}
    out = io.StringIO()
    write_jsonl(path, settings, out, stats=DumpStats(), all_revisions=True)
    assert out.getvalue().splitlines() == plain


def test_the_dated_rules_read_each_revision_date(tmp_path: Path) -> None:
    """The history above is a real check: the same text has other dated findings on other days."""
    plain = records(history_with_reverts(tmp_path), Settings(), None)

    def dated(line: str) -> list[tuple[str, str]]:
        return [(f["code"], f["message"]) for f in json.loads(line)["findings"]
                if f["code"] in ("CC103", "CC403", "CC405")]

    first_day, later_day = dated(plain[0]), dated(plain[4])
    assert {code for code, _ in first_day} == {"CC103", "CC403"}
    assert {code for code, _ in later_day} == {"CC103", "CC405"}
    assert dated(plain[2]) == first_day


@pytest.mark.parametrize("settings", [Settings(select=["CC5", "CC9"]), Settings(ignore=["CC4"]),
                                      Settings(select=["CC103"])], ids=["no-dated-rule", "CC103-only-dated", "only-dated"])
def test_a_selection_gives_the_records_of_linting_every_revision(tmp_path: Path, settings: Settings) -> None:
    path = history_with_reverts(tmp_path)
    cache = RevisionCache()
    assert records(path, settings, cache) == records(path, settings, None)
    assert cache.hits["findings"] == 2


def test_a_text_with_suppressions_runs_every_rule_again(tmp_path: Path) -> None:
    """CC902 reads every rule's findings before they are silenced: none are reused on such a text."""
    path = history_with_reverts(tmp_path, DATED + "&lt;!-- citecheck: ignore=CC403 --&gt;\n"
                                "&lt;!-- citecheck: ignore=CC101 --&gt;\n")
    settings = Settings()
    plain = records(path, settings, None)
    assert any(f["code"] == "CC902" for f in json.loads(plain[0])["findings"])
    cache = RevisionCache()
    assert records(path, settings, cache) == plain
    # The second text, without suppressions, still reuses its findings.
    assert cache.hits == {"records": 2, "findings": 1, "documents": 1}


def test_only_the_rules_that_say_so_read_the_revision_date(tmp_path: Path) -> None:
    """Every other rule finds the same on one text whatever its revision date, or its reuse
    would change a history's records."""
    stream, raw = open_dump(history_with_reverts(tmp_path))
    with raw, stream:
        text = next(iter_revisions(stream, all_revisions=True)).text
    parsed = parsers.parse(text, "wikitext", path="Anarchism")
    for rule in RULES:
        if rule.uses_revision_date or rule.network:
            continue
        settings = Settings(select=[rule.code])
        found = []
        for day in (date(2009, 6, 1), date(2030, 1, 1), None):
            doc = replace(parsed, revision_date=day, revision_date_source="dump" if day else "",
                          metadata=dict(parsed.metadata), diagnostics=list(parsed.diagnostics))
            found.append([finding_record(f) for f in run_rules(doc, settings)])
        assert found[0] == found[1] == found[2], rule.code


def test_a_cache_linting_with_other_settings_starts_afresh(tmp_path: Path) -> None:
    path = history_with_reverts(tmp_path)
    cache = RevisionCache()
    records(path, Settings(), cache)
    only_dated = Settings(select=["CC4"])
    assert records(path, only_dated, cache) == records(path, only_dated, None)


def test_recent_entries_keep_the_latest_used() -> None:
    recent = _Recent(2)
    recent.keep("a", 1)
    recent.keep("b", 2)
    assert recent.get_recent("a") == 1  # "b" is now the least recently used
    recent.keep("c", 3)
    assert list(recent) == ["a", "c"]


def test_a_text_with_a_lone_surrogate_has_a_digest() -> None:
    assert RevisionCache.digest("caf\udce9") != RevisionCache.digest("caf\u00e9")

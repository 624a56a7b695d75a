"""Every real article and dump in the shared corpus lints without error, through the CLI.

The corpus sits beside the checkout (../shared/corpus); where it is absent (a fork's CI)
these tests skip, and the copies in fixtures/articles keep the same paths exercised.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main

from conftest import ARTICLES, CORPUS, corpus_or_skip

DUMP_SUFFIXES = (".xml", ".bz2", ".lzma", ".gz", ".xz")
# The 1 GB full history of "Anarchism" (15,180 revisions): its first revisions only.
LARGE_HISTORY = "wikiwho/large.xml.lzma"


def corpus_files() -> list[str]:
    if not CORPUS.is_dir():
        return ["<absent>"]
    return sorted(str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file())


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def is_dump(name: str) -> bool:
    return name.endswith(DUMP_SUFFIXES)


@pytest.mark.parametrize("name", corpus_files())
def test_corpus_file_lints(name: str) -> None:
    corpus = corpus_or_skip()
    path = corpus / name
    if is_dump(name):
        check_dump(path, name)
    else:
        check_article(path)


def check_article(path: Path) -> None:
    code, out, err = run("check", str(path), "--format", "json")
    assert code in (0, 1), err
    report = json.loads(out)
    [info] = report["files"]
    expected = {".wiki": "wikitext", ".wikitext": "wikitext", ".html": "html"}.get(path.suffix)
    if path.parent.name == "wtf_wikipedia":
        expected = "wikitext"  # raw wikitext saved as .txt: detected from the content
    elif path.parent.parent.name == "fet-plaintext":
        expected = "text"  # copies of rendered pages
    if expected:
        assert info["format"] == expected
    if path.suffix in (".wiki", ".wikitext", ".html") or path.parent.name == "wtf_wikipedia":
        assert info["statements"] > 0 and info["references"] > 0, info
    for finding in report["findings"]:
        assert finding["line"] >= 1 and finding["column"] >= 1


def check_dump(path: Path, name: str) -> None:
    args = ["dump", str(path)]
    if name == LARGE_HISTORY:
        args += ["--all-revisions", "--limit", "3"]
    code, out, err = run(*args)
    assert code in (0, 1), err
    records = [json.loads(line) for line in out.splitlines()]
    assert records, err
    for record in records:
        assert "error" not in record, record
        assert record["revision_date"] == record["timestamp"][:10]
    if name == "wikiextractor-pr322/test.xml":
        assert "ends early" in err  # the file lacks its closing </mediawiki>


# Independent counts for rendered HTML: list items and inline markers, by regex on the source.
_LIST_ITEM = re.compile(r'<li[^>]*\bid="cite_note-')
_MARKER = re.compile(r'<sup[^>]*\bid="cite_ref-')


def html_files() -> list[str]:
    if not CORPUS.is_dir():
        return [str(p) for p in sorted(ARTICLES.glob("*.html"))]
    return [str(p) for p in sorted(CORPUS.rglob("*.html"))] + [str(p) for p in sorted(ARTICLES.glob("*.html"))]


@pytest.mark.parametrize("path", html_files(), ids=lambda p: Path(p).name)
def test_html_counts_match_the_source(path: str) -> None:
    """Every reference-list item is a Reference and every marker a Citation linked to it."""
    from citecheck.parsers.html import parse

    source = Path(path).read_text(encoding="utf-8")
    doc = parse(source, path=path)
    assert len(doc.references) == len(_LIST_ITEM.findall(source))
    assert len(doc.citations) == len(_MARKER.findall(source))
    assert all(c.reference is not None for c in doc.citations)
    for stmt in doc.statements:
        assert 0 <= stmt.span.start < stmt.span.end <= len(source)
    # Every rendered [citation needed] is a tag, and every [dead link] a tag or a dead reference.
    tags = [(t.kind, t.span) for stmt in doc.statements for t in stmt.tags]
    dead_refs = [r.span for r in doc.references if r.dead_link]
    for match in re.finditer(">citation needed<", source):
        assert any(kind == "citation-needed" and span.start <= match.start() < span.end for kind, span in tags)
    for match in re.finditer(">dead link<", source):
        assert any(kind == "dead-link" and span.start <= match.start() < span.end for kind, span in tags) \
            or any(span.start <= match.start() < span.end for span in dead_refs)

"""Article text in a report shows on the terminal as text: it never clears the screen, writes the
clipboard, hides a link or reorders a line, and a file name cannot break out of Markdown."""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import re

import pytest

from citecheck.api import Result, lint_text
from citecheck.report import FORMATS, printable, render

ESCAPES = {
    "clear screen": "\x1b[2J",
    "OSC 8 link": "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07",
    "OSC 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "C1 CSI": "\x9b31m",
    "bell and backspace": "\x07\x08\x08",
    "carriage return": "\rFAKE: no findings",
    "bidi override": "\u202eevil\u202c",
    "bidi isolate": "\u2066x\u2069",
    "DEL": "\x7f",
}
# Characters no text report may pass through raw (JSON escapes what it must by itself).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@functools.cache
def hostile_result(payload: str) -> Result:
    """Findings whose messages, excerpts and file name all carry ``payload`` (shared: do not change)."""
    text = (f"The attack{payload} killed 12 people in 2020.\n\nThe siege{payload} ended.<ref>{{{{cite web "
            f"|url=http://one.example.org/a{payload}/1 |title=T{payload} |archive-url=https://web.archive.org/"
            f"web/20200101000000/http://two.example.net/b/2 |archive-date=1 January 2020}}}}</ref>\n")
    result = lint_text(text, "wikitext", path=f"dir/art{payload}.txt", select=["CC101", "CC302"])
    assert {f.code for f in result.findings} == {"CC101", "CC302"}
    return result


@pytest.mark.parametrize("payload", ESCAPES.values(), ids=ESCAPES.keys())
@pytest.mark.parametrize("fmt", ["full", "concise", "github", "markdown", "html"])
def test_text_reports_show_control_characters_as_escapes(fmt: str, payload: str) -> None:
    out = io.StringIO()
    render(fmt, [hostile_result(payload)], out, color=fmt in ("full", "concise"))
    # The reporters' own colours are the only escape sequences left.
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())
    assert not RAW_CONTROL.search(shown), repr(RAW_CONTROL.search(shown))
    if fmt in ("full", "concise"):
        assert all(line.count("\r") == 0 for line in shown.splitlines())


@pytest.mark.parametrize("payload", ESCAPES.values(), ids=ESCAPES.keys())
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_reports_escape_control_characters_and_keep_the_data(fmt: str, payload: str) -> None:
    result = hostile_result(payload)
    out = io.StringIO()
    render(fmt, [result], out)
    assert not RAW_CONTROL.search(out.getvalue())
    data = json.loads(out.getvalue())
    path = data["files"][0]["path"] if fmt == "json" else data["runs"][0]["artifacts"][0]["location"]["uri"]
    assert "art" in path
    if fmt == "json":
        assert data["files"][0]["path"] == result.path  # the same string, only escaped


def test_concise_output_keeps_one_line_per_finding() -> None:
    """A newline in article text cannot forge a finding line of its own."""
    result = hostile_result("\nfake.txt:1:1: CC101 [error] forged")
    out = io.StringIO()
    render("concise", [result], out)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(result.findings) + 1
    assert not any(line.startswith("fake.txt") for line in lines)


def test_printable_shows_what_was_there() -> None:
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("a\u202eb") == "a\\u202eb"
    assert printable("tab\there\nnewline") == "tab here newline"
    assert printable("a\nb\rc", keep_newlines=True) == "a\nb c"
    assert printable("Ani \u200fאני\u200e ok") == "Ani \u200fאני\u200e ok"  # direction marks are text


@pytest.mark.parametrize("name", ["a`b.txt", "a``b`.txt", "`start.txt", "line\nbreak.txt", "two\n\n# Heading.txt",
                                  "pipe|and*star_.txt"])
def test_markdown_file_names_stay_inside_their_code_span(name: str) -> None:
    result = dataclasses.replace(hostile_result(""), path=name)
    out = io.StringIO()
    render("markdown", [result], out)
    facts = next(line for line in out.getvalue().splitlines() if line.startswith("File: "))
    span = facts[len("File: "):].split(" · ")[0]
    fence = re.match(r"`+", span).group()
    body = span[len(fence):-len(fence)]
    padded = body.startswith(" ") and body.endswith(" ")
    assert span.endswith(fence) and fence not in body
    assert (body[1:-1] if padded else body) == printable(name)
    assert padded == ("`" in name[:1] + name[-1:])
    assert not any(line.startswith("# Heading") for line in out.getvalue().splitlines())


def test_every_format_is_checked() -> None:
    assert set(FORMATS) == {"full", "concise", "github", "markdown", "html", "json", "sarif"}

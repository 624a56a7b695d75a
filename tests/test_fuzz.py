"""Fuzzing: any text, read as plain text, wikitext or HTML, lints and renders in every format.

Inputs mix markup fragments that have broken citecheck before (surrogate references, IPv6
archive hosts, unclosed and deeply nested tags, terminal escapes, suppression comments) with
arbitrary text. The only exception allowed is InputError, the documented refusal of input that
is not an article (exit code 2). Bounded so the file runs in well under 30 seconds; raise
CITECHECK_FUZZ_EXAMPLES for a longer hunt.
"""

from __future__ import annotations

import io
import json
import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citecheck.api import lint_text
from citecheck.io import InputError
from citecheck.report import FORMATS, render

EXAMPLES = int(os.environ.get("CITECHECK_FUZZ_EXAMPLES", "60"))

FRAGMENTS = [
    # plain-text copies
    "Title\n\nFrom Wikipedia, the free encyclopedia\n\n", "The attack killed 12 people.", "[1]", "[a]", "[12]",
    "\n\nReferences\n\n", "  1. ^ ", "^ a b ", "\"Report\". Example News. 1 October 2020. Retrieved 2 October 2020.",
    "Archived from the original on 5 May 2010.", " 40 civilians", " 1,166 servicemen", " in 2020", "[citation needed]",
    # wikitext
    "<ref>", "</ref>", "<ref name=a>", "<ref name=a/>", "<ref></ref>", "{{cite web |url=", "http://example.com/a",
    " |archive-url=https://web.archive.org/web/20200101000000/", "http://[::1/", "http://[zz::1]/", " |title=",
    " |archive-date=1 January 2020", "}}", "{{", "{{sfn|Smith|2001|p=4}}", "{{citation needed|date=May 2020}}",
    "[[", "]]", "[[File:x.jpg|thumb|", "== H ==\n", "\n{|\n| cell ", "\n|}\n", "* ", "# ", "''", "'''",
    "<references/>", "{{reflist}}", "&#xD800;", "&#55296;", "&#x1b;", "&nbsp;", "<nowiki>", "</nowiki>",
    "<!-- citecheck: ignore=CC101 -->", "<!--", "-->",
    # HTML
    "<html><body>", "</body></html>", '<div class="mw-parser-output">', "<div>", "</div>", "<p>", "</p>",
    "<li>", "<ul>", "</ul>", "<table>", "<tr><td>", "</td></tr>", '<table class="infobox"><tr><th>Date</th><td>',
    '<sup class="reference"><a href="#cite_note-1">[1]</a></sup>', '<ol class="references">',
    '<li id="cite_note-1"><span class="reference-text">', "</span></li>", "</ol>", "<script>", "</script>",
    '<a rel="nofollow" class="external text" href="https://web.archive.org/web/2020/http://[::1/">Archived</a>',
    # terminal controls and odd characters
    "\x1b[2J", "\x1b]8;;http://evil\x07", "\x1b]52;c;aGk=\x07", "\x9b", "\u202e", "\u2066", "\r", "\t", "\x00",
    "\ufeff", "\u00a0", "é", "Ã©",
]

article = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join)


@given(text=article)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_lints_and_renders_in_every_format(text: str) -> None:
    for input_format in ("text", "wikitext", "html"):
        try:
            result = lint_text(text, input_format, path="fuzz\x1b.txt", as_of=date(2020, 10, 30))
        except InputError:
            continue  # refused as not an article: a message and exit code 2, not a crash
        for output_format in FORMATS:
            out = io.StringIO()
            render(output_format, [result], out)
            report = out.getvalue()
            report.encode("utf-8")
            if output_format in ("json", "sarif"):
                json.loads(report)

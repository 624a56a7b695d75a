"""Inline suppression comments: parsing, what they attach to, applying them, and CC902."""

from __future__ import annotations

from citecheck import lint_text
from citecheck.config import Settings
from citecheck.model import Span
from citecheck.parsers.wikitext import parse
from citecheck.suppress import parse_directive, scan_comments


def codes(text: str, *select: str) -> list[tuple[str, int]]:
    result = lint_text(text, "wikitext", settings=Settings(select=list(select)))
    return [(f.code, f.line) for f in result.findings]


def test_scan_comments_is_linear_and_handles_unterminated() -> None:
    src = "a <!-- one --> b <!--two--> c <!-- open"
    found = list(scan_comments(src))
    assert [body for _, body in found] == [" one ", "two", " open"]
    assert found[0][0] == Span(2, 14) and found[-1][0].end == len(src)
    assert len(list(scan_comments("<!--" * 50_000))) == 1


def test_parse_directive_forms() -> None:
    d = parse_directive(' citecheck: ignore=CC101, cc102 reason="figure is in the infobox" ', Span(0, 1))
    assert (d.action, d.codes, d.reason) == ("ignore", ("CC101", "CC102"), "figure is in the infobox")
    d = parse_directive("citecheck: disable=CC3", Span(0, 1))
    assert (d.action, d.codes, d.reason) == ("disable", ("CC3",), "")
    assert parse_directive("citecheck: enable=uncited-numeric-claim", Span(0, 1)).codes == ("uncited-numeric-claim",)
    assert parse_directive(" a note for editors ", Span(0, 1)) is None
    assert parse_directive("citecheck: ignore=", Span(0, 1)) is None
    assert parse_directive("citecheck: silence=CC101", Span(0, 1)) is None


def test_ignore_attaches_to_the_statement_it_follows() -> None:
    src = ("Alpha killed 40 people. <!-- citecheck: ignore=CC101 reason=\"in infobox\" --> Beta killed 50.\n\n"
           "Gamma.<ref>{{cite web|url=http://x.example.org|title=X <!-- citecheck: ignore=CC505 -->}}</ref>\n")
    doc = parse(src)
    alpha, beta, gamma = doc.statements
    first, second = doc.suppressions
    assert first.applies_to == alpha.span and first.reason == "in infobox"
    assert not (first.applies_to.start <= beta.span.start < first.applies_to.end)
    assert second.applies_to == doc.references[0].span


def test_disable_enable_ranges() -> None:
    src = ("One.\n<!-- citecheck: disable=CC1,CC3 -->\nTwo.\n<!-- citecheck: enable=CC1 -->\nThree.\n"
           "<!-- citecheck: disable=CC2 -->\nFour.\n")
    doc = parse(src)
    by_codes = {s.codes: s for s in doc.suppressions}
    two = doc.statements[1].span
    assert by_codes[("CC1",)].applies_to.start < two.start < by_codes[("CC1",)].applies_to.end
    assert by_codes[("CC1",)].applies_to.end < doc.statements[2].span.start
    assert by_codes[("CC3",)].applies_to.end == len(src)  # never re-enabled
    assert by_codes[("CC2",)].applies_to.end == len(src)


def test_suppressed_finding_is_dropped_and_the_comment_is_used() -> None:
    plain = "The attack killed 40 people.\n"
    assert codes(plain, "CC101", "CC902") == [("CC101", 1)]
    silenced = "The attack killed 40 people. <!-- citecheck: ignore=CC101 reason=\"given in the infobox\" -->\n"
    assert codes(silenced, "CC101", "CC902") == []
    by_name = "The attack killed 40 people. <!-- citecheck: ignore=uncited-numeric-claim -->\n"
    assert codes(by_name, "CC101", "CC902") == []
    by_prefix = "<!-- citecheck: disable=CC1 -->\nThe attack killed 40 people.\n<!-- citecheck: enable=CC1 -->\n"
    assert codes(by_prefix, "CC101", "CC902") == []


def test_suppression_covers_only_its_statement() -> None:
    src = ("The attack killed 40 people. <!-- citecheck: ignore=CC101 -->\n"
           "Another raid killed 50 people.\n")
    assert codes(src, "CC101", "CC902") == [("CC101", 2)]


def test_unused_suppression_is_cc902_when_its_rule_ran() -> None:
    src = "The dam opened in 1990. <!-- citecheck: ignore=CC101 -->\n"
    result = lint_text(src, "wikitext", settings=Settings(select=["CC101", "CC902"]))
    [finding] = result.findings
    assert finding.code == "CC902" and "suppression of CC101 suppressed nothing" in finding.message
    assert (finding.line, finding.column) == (1, 25)
    # Not reported when the suppressed rule did not run (--select / --ignore).
    assert codes(src, "CC902") == []
    assert lint_text(src, "wikitext", settings=Settings(ignore=["CC101"])).findings == []


def test_prefix_suppression_needs_every_covered_rule_to_run() -> None:
    src = "<!-- citecheck: disable=CC10 -->\nThe dam opened in 1990.\n"
    assert codes(src, "CC101", "CC902") == []  # CC102, CC103 did not run: maybe still needed
    assert [c for c, _ in codes(src, "CC10", "CC902")] == ["CC902"]


def test_suppressions_from_html_style_sources() -> None:
    """scan_comments works on any source; the directive grammar is the same."""
    html = '<p>Text.</p><!-- citecheck: ignore=CC503 reason="empty on purpose" --><p>More</p>'
    [(span, body)] = list(scan_comments(html))
    directive = parse_directive(body, span)
    assert directive.codes == ("CC503",) and html[span.start:span.end].startswith("<!--")


def test_many_directives_stay_fast_and_are_bounded() -> None:
    import time

    src = "".join(f"Raid {i} killed 40 people. <!-- citecheck: ignore=CC101 -->\n\n" for i in range(6000))
    start = time.perf_counter()
    result = lint_text(src, "wikitext", settings=Settings(select=["CC101", "CC902"]))
    assert time.perf_counter() - start < 20
    doc = result.document
    assert len(doc.suppressions) == 5000
    assert [d.kind for d in doc.diagnostics] == ["suppressions-truncated"]
    assert sorted({f.line for f in result.findings}) == [2 * i + 1 for i in range(5000, 6000)]

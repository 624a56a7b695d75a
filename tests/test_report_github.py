"""GitHub workflow commands: one annotation per finding, on the right line, values escaped."""

from __future__ import annotations

import io
import re

from test_report_common import sample_result

from citecheck.model import Finding, Severity, Span
from citecheck.report import render
from citecheck.report.github import annotation, escape_data, escape_property

COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match, line
    props = dict(item.split("=", 1) for item in match["props"].split(","))
    return match[1], props, match["message"]


def test_one_annotation_per_finding_on_its_line() -> None:
    result = sample_result()
    out = io.StringIO()
    render("github", [result], out)
    lines = out.getvalue().splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == len(result.findings)
    for line, finding in zip(commands, result.findings):
        level, props, message = parse(line)
        assert level == {"error": "error", "warning": "warning", "info": "notice"}[str(finding.severity)]
        assert props["file"] == "fixtures/sample.txt"
        assert (int(props["line"]), int(props["col"]), int(props["endLine"])) == (
            finding.line, finding.column, finding.end_line)
        assert props["title"] == f"{finding.code} {finding.name}"
        assert message.startswith(escape_data(finding.message))
    assert lines[-1].startswith("Found 5 findings")


def test_escaping_follows_the_workflow_command_rules() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    f = Finding("CC101", "uncited-numeric-claim", Severity.INFO, "50% of 2,000\nkilled",
                Span(0, 4), path="dir/we,ird:name.txt", line=7, column=3, end_line=8, end_column=2)
    level, props, message = parse(annotation(f))
    assert level == "notice"
    assert props["file"] == "dir/we%2Cird%3Aname.txt"
    assert "endColumn" not in props, "endColumn only applies to one-line annotations"
    assert message == "50%25 of 2,000%0Akilled"

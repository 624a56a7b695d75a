"""One reporter per output format; each renders Results and knows nothing else."""

from __future__ import annotations

import importlib
import json as jsonlib  # "json" would be shadowed by the citecheck.report.json module
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Sequence, TextIO

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.inputs import InputFailure
    from citecheck.model import Severity

FORMATS = ("full", "concise", "json", "sarif", "github", "markdown", "html")


@dataclass(frozen=True)
class View:
    """What the terminal formats (full, concise) print; the other formats carry everything.

    None of it changes the exit code, which always follows every finding.
    """

    show: "frozenset[Severity] | None" = None  # the severities printed; None prints all
    fold: bool = False  # info findings of one rule in one file printed as one line
    summary: bool = True  # the closing "Found N findings" line (github too)


def render(fmt: str, results: Sequence["Result"], out: TextIO, *, color: bool = False,
           errors: Sequence["InputFailure"] = (), view: View = View()) -> None:
    """Write ``results`` to ``out`` in format ``fmt``; reporter modules load on demand.

    ``errors`` are the inputs that could not be linted: every format reports them with the
    findings of the others.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} (choose {', '.join(FORMATS)})")
    module = importlib.import_module(f"citecheck.report.{fmt}")
    module.render(results, out, color=color, errors=errors, view=view)


_LITERAL = re.compile(r"``(.+?)``", re.S)


def plain_text(doc: str) -> str:
    """A rule docstring (reStructuredText) for a terminal: ````code```` shows as code."""
    return _LITERAL.sub(r"\1", doc)


def summary_counts(results: Sequence["Result"]) -> dict[str, int]:
    """Findings per severity name, every severity present (zeros included)."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for finding in result.findings:
            counts[str(finding.severity)] += 1
    return counts


# Characters that act on a terminal instead of showing: C0 and C1 controls (ESC starts the
# sequences that clear the screen, set the clipboard or hide links) and the bidirectional
# embeddings, overrides and isolates that reorder what a line shows. Marks that only set the
# direction of neutral characters (U+200E, U+200F, U+061C) are ordinary in right-to-left text.
_RAW_IN_JSON = "\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029"  # json escapes the C0 controls
CONTROL_CHARACTERS = re.compile(f"[\x00-\x1f{_RAW_IN_JSON}]")
_CONTROLS_BUT_NEWLINES = re.compile(f"[\x00-\x08\x0b-\x1f{_RAW_IN_JSON}]")  # tab and LF kept
_JSON_CONTROLS = re.compile(f"[{_RAW_IN_JSON}]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\t\n\r":
        return " "
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """Article-derived ``text`` safe to print: tabs, carriage returns and newlines become spaces
    (tabs and newlines stay where they are inert, as in HTML), other control characters their
    escapes (``\\x1b``), so the text shows instead of acting."""
    return (_CONTROLS_BUT_NEWLINES if keep_newlines else CONTROL_CHARACTERS).sub(_visible, text)


def json_line(data: Any) -> str:
    """``data`` as one line of JSON, controls escaped as ``write_json`` does (JSON Lines)."""
    encoded = jsonlib.dumps(data, ensure_ascii=False, default=str)
    return _JSON_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def write_json(data: Any, out: TextIO) -> None:
    """``data`` as indented JSON, with the controls ``json`` leaves raw (C1, DEL, bidirectional)
    escaped as ``\\uXXXX``: the parsed document is the same, and a report printed on a terminal
    cannot drive it."""
    encoded = jsonlib.dumps(data, ensure_ascii=False, indent=2, default=str)
    out.write(_JSON_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded) + "\n")

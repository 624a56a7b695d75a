"""The flagged-claims report in Markdown: each doubtful claim next to its sources and the reason.

This module also builds the report's view (claims grouped by section, reference findings keyed
by reference, the summary table) that the HTML report renders too, so both say the same thing.

Rule authors can point the report at the exact figure or date a finding is about with
``evidence["highlight"]``: a ``[start, end]`` pair, or a list of such pairs, of character offsets
into ``Statement.text``. Without it the report highlights the first whole-word occurrence in the
statement of each string in ``evidence["figure"]``, ``["figures"]``, ``["phrase"]``,
``["date"]`` or ``["value"]`` (a string or a list of strings). A party label
for the cited sources comes from ``evidence["party"]``: one label for all of the finding's
references, or a mapping from reference key to label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence, TextIO
from urllib.parse import quote, urlsplit

from citecheck.model import Finding, Reference, Severity, Statement
from citecheck.report import CONTROL_CHARACTERS, View, printable

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.inputs import InputFailure

LEAD_SECTION = "Lead"
# Evidence keys whose values are pieces of the statement text, tried when there is no "highlight".
TEXT_EVIDENCE_KEYS = ("figure", "figures", "phrase", "date", "value")
SECTION_SEPARATOR = " › "
# Reference fields shown for a cited source, in reading order, with their labels.
REFERENCE_FIELDS = (
    ("work", "Work"), ("publisher", "Publisher"), ("date", "Published"),
    ("access_date", "Accessed"), ("archive_date", "Archived"), ("url_status", "URL status"),
)


# ----------------------------------------------------------------------------- the view


@dataclass
class CitedSource:
    """A reference as cited by a claim: the entry (None when undefined), how it is cited, its party."""

    label: str
    reference: Reference | None
    nearby: bool = False  # named by the finding but cited by another statement of the paragraph
    party: str = ""


@dataclass
class Claim:
    """One flagged statement with its findings and the sources it cites."""

    statement: Statement
    findings: list[Finding]
    sources: list[CitedSource]
    highlights: list[tuple[int, int]]


@dataclass
class ReferenceEntry:
    """One reference with the findings about the reference itself (rot, dates, integrity)."""

    reference: Reference
    findings: list[Finding]


@dataclass
class FileView:
    """Everything the claims report says about one linted input."""

    path: str
    title: str
    revision_date: str
    revision_date_source: str
    sections: list[tuple[str, list[Claim]]] = field(default_factory=list)
    references: list[ReferenceEntry] = field(default_factory=list)
    other: list[Finding] = field(default_factory=list)
    count: int = 0
    notes: list[str] = field(default_factory=list)  # what the parser said about the input itself


@dataclass(frozen=True)
class SummaryRow:
    code: str
    name: str
    severity: str
    count: int


def summary_rows(results: Sequence["Result"]) -> list[SummaryRow]:
    """Findings counted by rule and severity, most severe first, then by code."""
    counts: dict[tuple[str, str, Severity], int] = {}
    for result in results:
        for f in result.findings:
            key = (f.code, f.name, f.severity)
            counts[key] = counts.get(key, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[0][2], item[0][0]))
    return [SummaryRow(code, name, str(sev), n) for (code, name, sev), n in ordered]


def section_label(section: tuple[str, ...]) -> str:
    return SECTION_SEPARATOR.join(s for s in section if s) or LEAD_SECTION


def build_view(result: "Result") -> FileView:
    """Group a result's findings into claims by section, reference entries, and the rest."""
    doc = result.document
    view = FileView(
        path=result.path, title=doc.title,
        revision_date=doc.revision_date.isoformat() if doc.revision_date else "",
        revision_date_source=doc.revision_date_source, count=len(result.findings),
        notes=[d.message for d in doc.diagnostics if d.message],
    )
    by_statement: dict[int, list[Finding]] = {}
    statements: dict[int, Statement] = {}
    by_reference: dict[int, list[Finding]] = {}
    references: dict[int, Reference] = {}
    for f in result.findings:
        if f.statement is not None:
            by_statement.setdefault(id(f.statement), []).append(f)
            statements[id(f.statement)] = f.statement
        elif f.reference is not None:
            by_reference.setdefault(id(f.reference), []).append(f)
            references[id(f.reference)] = f.reference
        else:
            view.other.append(f)
    sections: dict[str, list[Claim]] = {}
    for key in sorted(statements, key=lambda k: (statements[k].span.start, statements[k].index)):
        statement, findings = statements[key], by_statement[key]
        claim = Claim(statement, findings, cited_sources(statement, findings, doc.references),
                      highlights(statement, findings))
        sections.setdefault(section_label(statement.section), []).append(claim)
    view.sections = list(sections.items())
    view.references = [
        ReferenceEntry(references[key], by_reference[key])
        for key in sorted(references, key=lambda k: references[k].span.start)
    ]
    return view


def cited_sources(statement: Statement, findings: Sequence[Finding],
                  references: Sequence[Reference]) -> list[CitedSource]:
    """The statement's citations in order, then references the findings name that it does not cite."""
    sources: list[CitedSource] = []
    seen: set[tuple[str, str]] = set()
    for citation in statement.citations:
        key = (citation.group, citation.key)
        if key not in seen:
            seen.add(key)
            sources.append(CitedSource(citation.label, citation.reference))
    by_key = {ref.key: ref for ref in references if not ref.group}
    for f in findings:
        for key in f.refs:
            if ("", key) not in seen and key in by_key:
                seen.add(("", key))
                sources.append(CitedSource(by_key[key].label, by_key[key], nearby=True))
    for source in sources:
        source.party = _party(source, findings)
    return sources


def _party(source: CitedSource, findings: Iterable[Finding]) -> str:
    key = source.reference.key if source.reference is not None else source.label.strip("[]")
    for f in findings:
        party = f.evidence.get("party")
        if isinstance(party, str) and party and (not f.refs or key in f.refs):
            return party
        if isinstance(party, dict) and party.get(key):
            return str(party[key])
    return ""


def highlights(statement: Statement, findings: Iterable[Finding]) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` ranges of ``statement.text`` that the findings point at."""
    text = statement.text
    ranges: list[tuple[int, int]] = []
    for f in findings:
        explicit = _pairs(f.evidence.get("highlight"))
        if explicit:
            ranges.extend((s, e) for s, e in explicit if 0 <= s < e <= len(text))
            continue
        for key in TEXT_EVIDENCE_KEYS:
            for needle in _strings(f.evidence.get(key)):
                found = _find_whole(text, needle)
                if found is not None:
                    ranges.append(found)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _find_whole(text: str, needle: str) -> tuple[int, int] | None:
    """First occurrence of ``needle`` not inside a longer word or number ("92" is not in "1992")."""
    match = re.search(rf"(?<![\w.,]){re.escape(needle)}(?![\w]|[.,]\d)", text)
    if match is None:
        return None
    return match.start(), match.end()


def _pairs(value: Any) -> list[tuple[int, int]]:
    if (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        return [(value[0], value[1])]
    if isinstance(value, (list, tuple)):
        return [pair for item in value for pair in _pairs(item)]
    return []


def _strings(value: Any) -> list[str]:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
        return [str(value)]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _strings(item)]
    return []


def split_highlights(text: str, ranges: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, highlighted) runs."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in ranges:
        if start > pos:
            pieces.append((text[pos:start], False))
        pieces.append((text[start:end], True))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def rule_doc(code: str) -> tuple[str, str]:
    """(summary, explanation) from the rule's docstring; empty when the rule is not installed."""
    from citecheck.rules import by_code

    rule = by_code(code)
    if rule is None:
        return "", ""
    doc = rule.doc()
    summary, _, body = doc.partition("\n")
    return summary.strip(), body.strip()


def safe_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL, else "": article text must not inject links."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    return CONTROL_CHARACTERS.sub(lambda match: quote(match.group()), url)


def reference_title(ref: Reference | None) -> str:
    if ref is None:
        return ""
    title = ref.get("title")
    if title:
        return title
    text = " ".join(ref.raw.split())
    return text if len(text) <= 200 else text[:199] + "…"


def reference_details(ref: Reference) -> list[tuple[str, str]]:
    """Labelled fields of a reference worth showing, in reading order."""
    details = [(label, ref.get(name)) for name, label in REFERENCE_FIELDS if ref.get(name)]
    if ref.dead_link:
        details.append(("Flag", "marked as a dead link"))
    return details


@dataclass(frozen=True)
class Markup:
    """How one output format writes the pieces of a cited source (each function escapes)."""

    strong: Callable[[str], str]
    link: Callable[[str, str], str]  # (text, url); plain text when the URL is not http(s)
    field: Callable[[str, str], str]  # (label, value)
    party: Callable[[str], str]
    note: Callable[[str], str]


def source_parts(source: CitedSource, m: Markup) -> list[str]:
    """The pieces describing a cited source, in reading order, written with ``m``."""
    ref = source.reference
    if ref is None:
        return [m.strong(source.label), m.note("not defined in the reference list")]
    parts = [m.strong(ref.label)]
    title = reference_title(ref)
    if title:
        parts.append(m.link(f"“{title}”", ref.get("url")))
    parts.extend(m.field(label, value) for label, value in reference_details(ref))
    if ref.get("archive_url"):
        parts.append(m.link("archived copy", ref.get("archive_url")))
    if source.party:
        parts.append(m.party(f"party: {source.party}"))
    if source.nearby:
        parts.append(m.note("cited by a nearby statement"))
    return parts


# ----------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")
_MD_LINE_START = re.compile(r"^(\s*\d*)([-=.])")
_WS = re.compile(r"\s+")


def md_escape(text: str) -> str:
    """Article text made inert in Markdown: specials backslashed, HTML characters as entities."""
    text = printable(_WS.sub(" ", text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A leading "-", "=" or "12." would start a list or a heading underline.
    return _MD_LINE_START.sub(r"\1\\\2", text)


def md_code(text: str) -> str:
    """``text`` as an inline code span, whatever it holds (a file name with backticks or a newline).

    The fence is one backtick longer than the longest run inside, so no backtick of ``text`` can
    end the span early; a space pads each side when ``text`` starts or ends with a backtick or
    with spaces (CommonMark removes one from each side), and newlines become spaces.
    """
    text = printable(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text[:1] in ("`", " ") or text[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_link(text: str, url: str) -> str:
    url = safe_url(url)
    if not url:
        return md_escape(text)
    target = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{md_escape(text)}]({target})"


def md_anchor(code: str) -> str:
    return f"rule-{code.lower()}"


MARKDOWN = Markup(
    strong=lambda t: f"**{md_escape(t)}**", link=md_link,
    field=lambda label, value: f"{label}: {md_escape(value)}",
    party=lambda t: f"**{md_escape(t)}**", note=lambda t: f"_{md_escape(t)}_",
)


def _md_source(source: CitedSource) -> str:
    return "- " + " · ".join(source_parts(source, MARKDOWN))


def _md_finding(f: Finding) -> str:
    summary, _ = rule_doc(f.code)
    line = (f"- **{f.severity}** [{f.code} {f.name}](#{md_anchor(f.code)}) "
            f"(line {f.line}): {md_escape(f.message)}")
    if summary:
        line += f"  \n  _{md_escape(summary)}_"
    return line


def _md_statement(claim: Claim) -> str:
    pieces = split_highlights(claim.statement.text, claim.highlights)
    body = "".join(f"**{md_escape(p)}**" if hot and p.strip() else md_escape(p) for p, hot in pieces)
    kind = "" if claim.statement.kind == "prose" else f" _\\({claim.statement.kind}\\)_"
    return f"> {body}{kind}"


def render_file(view: FileView, out: TextIO) -> None:
    heading = view.title or view.path
    out.write(f"## {md_escape(heading)}\n\n")
    facts = [f"File: {md_code(view.path)}", f"{view.count} finding{'s' * (view.count != 1)}"]
    if view.revision_date:
        facts.append(f"revision date {view.revision_date} ({view.revision_date_source or 'unknown source'})")
    out.write(" · ".join(facts) + "\n\n")
    if view.notes:
        out.write("Input notes:\n\n" + "".join(f"- {md_escape(note)}\n" for note in view.notes) + "\n")
    if view.sections:
        out.write("### Flagged claims\n\n")
    for label, claims in view.sections:
        out.write(f"#### {md_escape(label)}\n\n")
        for claim in claims:
            out.write(_md_statement(claim) + "\n\n")
            if claim.sources:
                out.write("Sources:\n\n" + "\n".join(_md_source(s) for s in claim.sources) + "\n\n")
            else:
                out.write("Sources: none cited.\n\n")
            out.write("Findings:\n\n" + "\n".join(_md_finding(f) for f in claim.findings) + "\n\n")
    if view.references:
        out.write("### Reference findings\n\n")
        for entry in view.references:
            out.write(_md_source(CitedSource(entry.reference.label, entry.reference)) + "\n\n")
            out.write("\n".join("  " + _md_finding(f) for f in entry.findings) + "\n\n")
    if view.other:
        out.write("### Other findings\n\n")
        out.write("\n".join(_md_finding(f) for f in view.other) + "\n\n")


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False,
           errors: Sequence["InputFailure"] = (), view: View = View()) -> None:
    """Write the claims report; ``color`` is ignored (Markdown has its own emphasis)."""
    rows = summary_rows(results)
    out.write("# citecheck: flagged claims\n\n")
    total = sum(row.count for row in rows)
    out.write(f"{total} finding{'s' * (total != 1)} in {len(results)} file{'s' * (len(results) != 1)}.\n\n")
    if errors:
        out.write("## Inputs that could not be linted\n\n")
        out.write("".join(f"- {md_code(failure.path)}: {md_escape(failure.message)}\n" for failure in errors))
        out.write("\n")
    if rows:
        out.write("| Rule | Name | Severity | Findings |\n|---|---|---|---:|\n")
        for row in rows:
            out.write(f"| [{row.code}](#{md_anchor(row.code)}) | {row.name} | {row.severity} | {row.count} |\n")
        out.write("\n")
    for result in results:
        render_file(build_view(result), out)
    codes = sorted({row.code for row in rows})
    if codes:
        out.write("## Rules\n\n")
    for code in codes:
        name = next(row.name for row in rows if row.code == code)
        summary, body = rule_doc(code)
        out.write(f'<a id="{md_anchor(code)}"></a>\n\n### {code} {name}\n\n')
        out.write(f"{summary}\n\n{body}\n\n" if summary else "No documentation: the rule is not installed.\n\n")

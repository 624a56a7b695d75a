"""``citecheck --fix`` and ``--diff``: the certain fixes, applied to wikitext in place.

Only what an editor would accept without looking is changed, and nothing else: each fix is
a few replacements inside one reference, the rest of the file stays byte for byte.

- CC302: ``archive-date`` rewritten from the ``archive-url`` timestamp, in the date format the
  template (else the article's ``{{Use dmy dates}}``/``{{Use mdy dates}}``) already uses.
- CC311, CC313 and CC301 (with ``--online``): a dead link with a Wayback snapshot gets
  ``archive-url``, ``archive-date`` and ``url-status=dead`` in its citation template, or a
  ``{{webarchive}}`` after a bare link, as InternetArchiveBot does. Dead means marked dead by
  the article or confirmed dead by CC311 (several checks over days): one failed check is not
  enough. The snapshot is CC313's: the closest capture with status 200 before the access date.
- CC504: a reference defined twice with the same text becomes one named reference and its
  reuse (``<ref name="..." />``), named by its existing name or a stable one from its title.
- CC406: an ISO date with month and day swapped, where only the swapped reading is a date.

Plain text and HTML are read-only copies of an article: there is nothing to write back to.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from citecheck.model import Document, Finding, Reference

if TYPE_CHECKING:
    from citecheck.api import Result

READ_ONLY = "plain text and HTML are read-only copies of an article: --fix and --diff change wikitext only"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_CITATION = re.compile(r"\{\{\s*(?:cite[ _][^|{}]+?|citation)\s*\|", re.I)
_DEAD_LINK = re.compile(r"\s*\{\{\s*dead[ _]link\s*(?:\|[^{}]*)?\}\}", re.I)
_BARE_LINK = re.compile(r"\[https?://[^\s\]]+[^\]]*\]")
_REF_OPEN = re.compile(r"<ref(?P<attrs>[^>]*?)(?P<self>/?)>", re.I)
_NAME_ATTR = re.compile(r"""\bname\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s/>"']+))""", re.I)
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
_DMY = re.compile(r"^\d{1,2} (?P<month>[A-Z][a-z]+) \d{4}$")
_MDY = re.compile(r"^(?P<month>[A-Z][a-z]+\.?) \d{1,2}, \d{4}$")
_USE_STYLE = re.compile(r"\{\{\s*use (?P<style>dmy|mdy) dates\b", re.I)
_DATE_PARAMS = {"archive-date": ("archive-date", "archivedate"), "access-date": ("access-date", "accessdate"),
                "date": ("date",)}


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``source[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


@dataclass
class Fix:
    """The edits that resolve one finding."""

    finding: Finding
    description: str
    edits: list[Edit] = field(default_factory=list)


# -- reading a citation template in the source -------------------------------------------------

@dataclass(frozen=True)
class Param:
    name: str
    separator: str  # what precedes the name: " |", "|", "\n| "
    equals: str  # the name's "=" with its spaces
    value_start: int
    value_end: int


def template_span(source: str, start: int, end: int) -> tuple[int, int] | None:
    """The first citation template between ``start`` and ``end``: its ``{{`` and past its ``}}``."""
    match = _CITATION.search(source, start, end)
    if match is None:
        return None
    depth, pos = 0, match.start()
    while pos < end:
        pair = source[pos:pos + 2]
        if pair == "{{":
            depth, pos = depth + 1, pos + 2
        elif pair == "}}":
            depth, pos = depth - 1, pos + 2
            if depth == 0:
                return match.start(), pos
        else:
            pos += 1
    return None


def template_params(source: str, span: tuple[int, int]) -> list[Param]:
    """The top-level parameters of the template at ``span`` (nested templates and links skipped)."""
    start, end = span
    body_end = end - 2
    cuts: list[int] = []
    depth, pos = 0, start + 2
    while pos < body_end:
        pair = source[pos:pos + 2]
        if pair in ("{{", "[["):
            depth, pos = depth + 1, pos + 2
        elif pair in ("}}", "]]"):
            depth, pos = depth - 1, pos + 2
        else:
            if source[pos] == "|" and depth == 0:
                cuts.append(pos)
            pos += 1
    params = []
    for i, cut in enumerate(cuts):
        part_end = cuts[i + 1] if i + 1 < len(cuts) else body_end
        part = source[cut + 1:part_end]
        name, equals, _ = part.partition("=")
        if not equals:
            continue
        before = len(part) - len(part.lstrip())
        value_start = cut + 1 + len(name) + 1
        value = source[value_start:part_end]
        value_start += len(value) - len(value.lstrip())
        value_end = max(value_start, value_start + len(value.strip()))
        previous_end = _value_end(source, cuts[i - 1] + 1, cut) if i else cut
        separator = source[previous_end:cut + 1 + before]
        after_name = name.rstrip()
        equals_text = source[cut + 1 + before + len(name.strip()):value_start]
        params.append(Param(after_name.strip().lower(), separator, equals_text, value_start, value_end))
    return params


def _value_end(source: str, start: int, end: int) -> int:
    """Where the text between ``start`` and ``end`` stops before trailing whitespace."""
    return start + len(source[start:end].rstrip())


def _param(params: list[Param], names: tuple[str, ...]) -> Param | None:
    return next((p for p in params if p.name in names), None)


# -- dates in the article's format ------------------------------------------------------------

def date_style(values: list[str], source: str) -> str:
    """ "dmy", "mdy" or "iso": the first of ``values`` in a known form, else the article's
    ``{{Use dmy dates}}``/``{{Use mdy dates}}``, else ISO."""
    for value in values:
        value = value.strip()
        if _ISO.match(value):
            return "iso"
        if _DMY.match(value) and _DMY.match(value).group("month") in _MONTHS:  # type: ignore[union-attr]
            return "dmy"
        if _MDY.match(value) and _MDY.match(value).group("month") in _MONTHS:  # type: ignore[union-attr]
            return "mdy"
    declared = _USE_STYLE.search(source)
    return declared.group("style").lower() if declared else "iso"


def format_date(day: date, style: str) -> str:
    if style == "dmy":
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    if style == "mdy":
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return day.isoformat()


def _timestamp_day(stamp: str) -> date | None:
    try:
        return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
    except ValueError:
        return None


# -- the fixes --------------------------------------------------------------------------------

def plan(doc: Document, findings: list[Finding]) -> list[Fix]:
    """The certain fixes for ``findings`` of a wikitext document; none for other formats."""
    if doc.format != "wikitext":
        return []
    fixes: list[Fix] = []
    snapshots = {f.reference.key: f.evidence for f in findings
                 if f.code == "CC313" and f.reference is not None and f.evidence.get("archive_url")}
    confirmed = {f.reference.key for f in findings
                 if f.code == "CC311" and f.reference is not None and f.evidence.get("confirmed")}
    for finding in findings:
        ref = finding.reference
        if ref is None or ref.group:
            continue
        planned: Fix | None = None
        if finding.code == "CC302" and finding.evidence.get("problem") == "date":
            planned = _archive_date(doc, finding, ref)
        elif finding.code in ("CC301", "CC311", "CC313") and ref.key in snapshots and \
                (_marked_dead(ref) or ref.key in confirmed):
            planned = _add_archive(doc, finding, ref, snapshots[ref.key])
        elif finding.code == "CC504":
            planned = _merge_duplicate(doc, finding, ref)
        elif finding.code == "CC406":
            planned = _swapped_iso_date(doc, finding, ref)
        if planned is not None and planned.edits:
            fixes.append(planned)
    return fixes


def _marked_dead(ref: Reference) -> bool:
    from citecheck.net.linkcheck import marked_dead

    return marked_dead(ref)


def _archive_date(doc: Document, finding: Finding, ref: Reference) -> Fix | None:
    span = template_span(doc.source, ref.span.start, ref.span.end)
    day = _timestamp_day(str(finding.evidence.get("timestamp", "")))
    if span is None or day is None:
        return None
    params = template_params(doc.source, span)
    param = _param(params, _DATE_PARAMS["archive-date"])
    if param is None:
        return None
    current = doc.source[param.value_start:param.value_end]
    others = [doc.source[p.value_start:p.value_end] for p in params if p.name in ("access-date", "accessdate", "date")]
    new = format_date(day, date_style([current, *others], doc.source))
    return Fix(finding, f"archive-date={new} (the archive-url timestamp)",
               [Edit(param.value_start, param.value_end, new)])


def _add_archive(doc: Document, finding: Finding, ref: Reference, snapshot: dict[str, Any]) -> Fix | None:
    day = _timestamp_day(str(snapshot.get("archive_timestamp", "")))
    if day is None:
        return None
    source = doc.source
    span = template_span(source, ref.span.start, ref.span.end)
    edits: list[Edit] = []
    if span is not None:
        params = template_params(source, span)
        if _param(params, ("archive-url", "archiveurl")) is not None or not params:
            return None
        dates = [source[p.value_start:p.value_end] for p in params if p.name in ("access-date", "accessdate", "date")]
        when = format_date(day, date_style(dates, source))
        last = params[-1]
        sep, eq = last.separator or " |", last.equals or "="
        added = f"{sep}archive-url{eq}{snapshot['archive_url']}{sep}archive-date{eq}{when}"
        status = _param(params, ("url-status",))
        dead_url = _param(params, ("dead-url", "deadurl"))
        marker, wanted = (status, "dead") if status is not None else (dead_url, "yes")
        if marker is None:
            added += f"{sep}url-status{eq}dead"
        elif source[marker.value_start:marker.value_end].lower() != wanted:
            edits.append(Edit(marker.value_start, marker.value_end, wanted))
        edits.append(Edit(last.value_end, last.value_end, added))
        tail_start = span[1]
        description = f"archive-url={snapshot['archive_url']} archive-date={when} url-status=dead"
    else:
        links = list(_BARE_LINK.finditer(source, ref.span.start, ref.span.end))
        if len(links) != 1:
            return None  # several links: which one is dead is not certain
        link = links[0]
        when = format_date(day, date_style([ref.get("access_date"), ref.get("date")], source))
        archive = f"{{{{webarchive |url={snapshot['archive_url']} |date={when}}}}}"
        edits.append(Edit(link.end(), link.end(), " " + archive))
        tail_start = link.end()
        description = f"{archive} after the link"
    dead_tag = _DEAD_LINK.search(source, tail_start, ref.span.end)
    if dead_tag is not None:
        edits.append(Edit(dead_tag.start(), dead_tag.end(), ""))  # the archive copy answers the tag
    return Fix(finding, description, sorted(edits))


def ref_name(source: str, ref: Reference) -> str:
    """The name the ``<ref>`` tag of ``ref`` gives itself, "" when it has none."""
    tag = _REF_OPEN.match(source, ref.span.start)
    if tag is None:
        return ""
    name = _NAME_ATTR.search(tag.group("attrs"))
    return (name.group("dq") or name.group("sq") or name.group("bare") or "") if name else ""


def _merge_duplicate(doc: Document, finding: Finding, ref: Reference) -> Fix | None:
    original = doc.reference(str(finding.evidence.get("duplicate_of", "")))
    source = doc.source
    if original is None or not (ref.defined_inline and original.defined_inline) or original.group:
        return None
    if ref.raw.strip() != original.raw.strip() or ref_name(source, ref):
        return None  # not the same text, or a named definition others may reuse by its name
    tag = _REF_OPEN.match(source, original.span.start)
    if tag is None or tag.group("self"):
        return None
    edits: list[Edit] = []
    name = ref_name(source, original)
    if not name:
        name = _stable_name(original, _names(doc))
        if _NAME_ATTR.search(tag.group("attrs")) or tag.group("attrs").strip():
            return None  # a group or another attribute: leave the tag as the editor wrote it
        edits.append(Edit(tag.start(), tag.end(), f'<ref name="{name}">'))
    edits.append(Edit(ref.span.start, ref.span.end, f'<ref name="{name}" />'))
    return Fix(finding, f'reuse <ref name="{name}" /> for the second copy of the same reference', edits)


def _names(doc: Document) -> set[str]:
    return {ref_name(doc.source, ref) for ref in doc.references} - {""}


def _stable_name(ref: Reference, taken: set[str]) -> str:
    """A name from the reference's title (else its site), the same on every run."""
    words = re.findall(r"[^\W_]+", (ref.get("title") or ref.get("work") or ref.domain or "ref").lower())
    base = "-".join(words[:4])[:40] or "ref"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def _swapped_iso_date(doc: Document, finding: Finding, ref: Reference) -> Fix | None:
    label = str(finding.evidence.get("field", ""))
    value = str(finding.evidence.get("value", "")).strip()
    match = _ISO.match(value)
    span = template_span(doc.source, ref.span.start, ref.span.end)
    if match is None or label not in _DATE_PARAMS or span is None:
        return None
    year, month, day = (int(match.group(k)) for k in ("year", "month", "day"))
    if 1 <= month <= 12:
        return None  # the month is a month: the typo is elsewhere, and which one is not certain
    try:
        swapped = date(year, day, month)
    except ValueError:
        return None
    param = _param(template_params(doc.source, span), _DATE_PARAMS[label])
    if param is None or doc.source[param.value_start:param.value_end] != value:
        return None
    return Fix(finding, f"{label}={swapped.isoformat()} (month and day swapped)",
               [Edit(param.value_start, param.value_end, swapped.isoformat())])


# -- applying -------------------------------------------------------------------------------

def accepted(fixes: list[Fix]) -> tuple[list[Fix], list[Fix]]:
    """(fixes to apply, fixes left for another run): a fix whose edits overlap an accepted
    fix's other edits waits; the same edit planned for two findings is made once."""
    taken: list[Edit] = []
    applied, left = [], []
    for fix in fixes:
        new = [edit for edit in fix.edits if edit not in taken]
        if any(_overlap(edit, other) for edit in new for other in taken):
            left.append(fix)
            continue
        taken.extend(new)
        applied.append(fix)
    return applied, left


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one place: their order would be a guess
    return a.start < b.end and b.start < a.end


def apply_edits(source: str, fixes: list[Fix]) -> str:
    edits = sorted({edit for fix in fixes for edit in fix.edits})
    out, pos = [], 0
    for edit in edits:
        out.append(source[pos:edit.start])
        out.append(edit.text)
        pos = edit.end
    out.append(source[pos:])
    return "".join(out)


def attach(doc: Document, fixes: list[Fix]) -> None:
    """Record each fix on its finding (``evidence["fix"]``): reports show it (JSON ``fix``,
    SARIF ``fixes``, a suggestion in GitHub annotations)."""
    for fix in fixes:
        replacements = []
        for edit in fix.edits:
            line, column = doc.position(edit.start)
            end_line, end_column = doc.position(edit.end)
            replacements.append({"start": edit.start, "end": edit.end, "line": line, "column": column,
                                 "end_line": end_line, "end_column": end_column, "text": edit.text})
        fix.finding.evidence["fix"] = {"description": fix.description, "replacements": replacements}


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path.lstrip('/')}", tofile=f"b/{path.lstrip('/')}"))


def fix_results(results: list["Result"], *, write: bool, out: TextIO, err: TextIO) -> int:
    """Plan, attach and apply (``write``) or print as a diff the fixes of every result.

    Returns how many findings were fixed (or would be). Files that cannot be written back
    as they were read (a page URL, standard input, another encoding, plain text or HTML)
    are left alone, with a note on ``err``.
    """
    total = 0
    for result in results:
        doc = result.document
        if doc.format != "wikitext":
            print(f"citecheck: {result.path}: not fixed: {READ_ONLY}", file=err)
            continue
        applied, left = accepted(plan(doc, result.findings))
        if not applied:
            continue
        why_not = _cannot_write(result) if write else ""
        if why_not:
            print(f"citecheck: {result.path}: not fixed: {why_not}; use --diff", file=err)
            continue
        fixed = apply_edits(doc.source, applied)
        if write:
            from citecheck.atomic import atomic_write

            try:
                with atomic_write(result.path) as handle:
                    handle.write(fixed)
            except OSError as exc:
                print(f"citecheck: {result.path}: not fixed: cannot write it ({exc.strerror or exc})", file=err)
                continue
        else:
            out.write(unified_diff(result.path, doc.source, fixed))
        attach(doc, applied)
        total += len(applied)
        later = f" ({len(left)} more on the next run: their edits overlap)" if left else ""
        verb = "fixed" if write else "would fix"
        print(f"citecheck: {result.path}: {verb} {len(applied)} finding{'s' if len(applied) != 1 else ''}{later}",
              file=err)
    return total


def _cannot_write(result: "Result") -> str:
    path = Path(result.path)
    if result.path in ("-", "<string>") or not path.is_file():
        return "not a file (standard input or a page URL)"
    if result.encoding.lower().replace("_", "-") not in ("utf-8", "ascii"):
        return f"the file is {result.encoding}, and is written back as UTF-8 only"
    if path.read_bytes().decode("utf-8", "replace") != result.document.source:
        return "its text was changed when read (a byte-order mark, line endings or damaged bytes)"
    return ""


@dataclass
class Unfixed:
    """A result's findings that no fix resolved: what the exit code of ``--fix`` counts."""

    findings: list[Finding]


def unfixed(results: list["Result"]) -> list[Unfixed]:
    return [Unfixed([f for f in result.findings if "fix" not in f.evidence]) for result in results]

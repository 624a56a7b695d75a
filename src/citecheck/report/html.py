"""The flagged-claims report as one self-contained HTML page: filters, search, print-friendly.

The page loads nothing: styles and the filtering script are inline and a Content-Security-Policy
forbids every other source, so it can be mailed or archived as one file. Article text is
untrusted input and is always escaped; links are emitted only for http(s) URLs.

Each rule is explained once, in the page's last section, and every finding links there; each
row of the summary table links to the first finding it counts. A long report starts with its
sections folded (a search or a filter unfolds those with matches), and prints compactly with
every section unfolded and the severity colours kept.
"""

from __future__ import annotations

import itertools
import re
from html import escape
from typing import TYPE_CHECKING, Iterator, Sequence, TextIO

from citecheck import __version__
from citecheck.model import Finding
from citecheck.report import View, printable
from citecheck.report.markdown import (
    CitedSource, Claim, FileView, Markup, build_view, rule_doc, safe_url, source_parts,
    split_highlights, summary_rows,
)

if TYPE_CHECKING:
    from citecheck.api import Result
    from citecheck.inputs import InputFailure

SEVERITIES = ("error", "warning", "info")
# A report with more findings than this opens with its sections folded.
FOLD_ABOVE = 30

CSS = """
:root { --error: #b3261e; --warning: #8a5a00; --info: #1d5c96; --muted: #5f6368; --line: #dadce0; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #202124; }
header.top, main { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 1rem 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; color: var(--muted); margin: 0; display: inline; }
table.summary { border-collapse: collapse; margin: .5rem 0 1rem; }
table.summary th, table.summary td { border: 1px solid var(--line); padding: .2rem .6rem; text-align: left; }
table.summary td.count { text-align: right; }
table.summary a { color: inherit; }
.controls { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line);
  padding: .5rem 1rem; display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; z-index: 1; }
.controls input[type=search] { flex: 1 1 14rem; padding: .3rem .5rem; font: inherit; }
.controls select { font: inherit; padding: .2rem; }
.claim, .refentry, .other { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem;
  margin: .6rem 0; break-inside: avoid; }
blockquote.statement { margin: .2rem 0 .5rem; padding-left: .7rem; border-left: 3px solid var(--line); }
mark { background: #ffe08a; padding: 0 .1em; }
mark.hit { background: #9fd3ff; outline: 1px solid #3d8fd1; }
ul.sources, ul.findings { margin: .2rem 0; padding-left: 1.2rem; }
ul.sources li { color: #3c4043; }
.label { font-weight: 600; }
.sev { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase;
  padding: 0 .35rem; border-radius: 3px; color: #fff; }
.sev-error { background: var(--error); } .sev-warning { background: var(--warning); }
.sev-info { background: var(--info); }
.code { font-family: ui-monospace, monospace; font-weight: 600; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
.why { font-size: .85rem; }
.party { font-weight: 600; color: #6a1b9a; }
.toc ul { columns: 2; margin: .3rem 0; } .toc li { break-inside: avoid; }
details.group { margin: .8rem 0; scroll-margin-top: 4.5rem; }
details.group > summary { cursor: pointer; padding: .15rem 0; }
details.group > summary h3 { display: inline; }
.finding:target, .rule:target { outline: 2px solid #3d8fd1; outline-offset: 2px; }
.finding, .rule { scroll-margin-top: 4.5rem; } .rule p { margin: .3rem 0; }
.errors { border: 1px solid var(--error); border-radius: 6px; padding: 0 .9rem; margin: 1rem 0; }
.hidden { display: none !important; }
#empty { color: var(--muted); font-style: italic; }
@media print {
  @page { margin: 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  html { font-size: 8.5pt; }
  body { font-size: 1rem; line-height: 1.25; }
  p { margin: 1pt 0; }
  .meta, .muted { font-size: 1em; }
  header.top, main { max-width: none; padding: 0; }
  h1 { font-size: 13pt; margin: 0 0 2pt; }
  h2 { font-size: 11.5pt; margin: 8pt 0 3pt; }
  h3 { font-size: 10.5pt; margin: 6pt 0 2pt; }
  .controls, .toc, .why, #empty { display: none; }
  table.summary { margin: 2pt 0 4pt; } table.summary th, table.summary td { padding: 0 4pt; }
  .claim, .refentry, .other { border-color: #999; border-radius: 0; padding: 2pt 5pt; margin: 3pt 0; }
  blockquote.statement { margin: 0 0 1pt; padding-left: 4pt; }
  ul.sources, ul.findings { margin: 0; padding-left: 10pt; }
  details.group { margin: 3pt 0; }
  details.group > summary { list-style: none; } details.group > summary::-webkit-details-marker { display: none; }
  .rule { break-inside: avoid; } .rule p { margin: 1pt 0; }
  a { color: inherit; text-decoration: none; }
  mark.hit { background: none; outline: none; }
}
"""

# Filters by severity and rule and a text search; a card shows while any of its findings does.
SCRIPT = """
(function () {
  var search = document.getElementById('search');
  var rule = document.getElementById('rule');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-severity]'));
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var cards = Array.prototype.slice.call(document.querySelectorAll('.card'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('.group'));
  var shown = document.getElementById('shown');
  var empty = document.getElementById('empty');
  var foldedAtStart = groups.filter(function (g) { return !g.open; });
  function ownText(node) {
    if (node.nodeType === 3) { return node.nodeValue; }
    var text = '';
    for (var child = node.firstChild; child; child = child.nextSibling) { text += ownText(child) + ' '; }
    return text;
  }
  var texts = cards.map(function (card) { return ownText(card).toLowerCase(); });
  // Search hits are wrapped in <mark class="hit">; the previous ones are unwrapped first.
  function clearHits() {
    Array.prototype.forEach.call(document.querySelectorAll('mark.hit'), function (hit) {
      var parent = hit.parentNode;
      parent.replaceChild(document.createTextNode(hit.textContent), hit);
      parent.normalize();
    });
  }
  function markHits(node, terms) {
    if (node.nodeType === 3) {
      var lower = node.nodeValue.toLowerCase();
      var best = -1, length = 0;
      terms.forEach(function (t) {
        var at = lower.indexOf(t);
        if (at >= 0 && (best < 0 || at < best)) { best = at; length = t.length; }
      });
      if (best < 0) { return; }
      var hit = node.splitText(best);
      var rest = hit.splitText(length);
      var mark = document.createElement('mark');
      mark.className = 'hit';
      hit.parentNode.replaceChild(mark, hit);
      mark.appendChild(hit);
      markHits(rest, terms);
      return;
    }
    if (node.nodeName === 'MARK' && node.className === 'hit') { return; }
    Array.prototype.slice.call(node.childNodes).forEach(function (child) { markHits(child, terms); });
  }
  function apply() {
    var wanted = {};
    boxes.forEach(function (box) { wanted[box.getAttribute('data-severity')] = box.checked; });
    var code = rule.value;
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var count = 0;
    clearHits();
    cards.forEach(function (card, i) {
      var text = texts[i];
      var textOk = terms.every(function (t) { return text.indexOf(t) >= 0; });
      var any = false;
      card.querySelectorAll('.finding').forEach(function (f) {
        var ok = textOk && wanted[f.getAttribute('data-severity')] &&
          (!code || f.getAttribute('data-code') === code);
        f.classList.toggle('hidden', !ok);
        if (ok) { any = true; count += 1; }
      });
      card.classList.toggle('hidden', !any);
      if (any && terms.length) { markHits(card, terms); }
    });
    var narrowed = terms.length > 0 || code !== '' || boxes.some(function (b) { return !b.checked; });
    groups.forEach(function (group) {
      var visible = !!group.querySelector('.card:not(.hidden)');
      group.classList.toggle('hidden', !visible);
      if (foldedAtStart.indexOf(group) >= 0) { group.open = narrowed && visible; }
    });
    shown.textContent = count + ' of ' + findings.length + ' findings shown';
    empty.classList.toggle('hidden', count > 0);
  }
  // Following a link into a folded section unfolds it.
  function reveal(id) {
    var target = id && document.getElementById(id);
    for (var node = target; node; node = node.parentNode) {
      if (node.nodeName === 'DETAILS') { node.open = true; }
    }
    if (target) { target.scrollIntoView(); }
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link) { return; }
    if (link.hasAttribute('data-rule')) {
      rule.value = link.getAttribute('data-rule');
      boxes.forEach(function (box) { box.checked = true; });
      search.value = '';
      apply();
    }
    reveal(link.getAttribute('href').slice(1));
  });
  window.addEventListener('hashchange', function () { reveal(location.hash.slice(1)); });
  // A printed report shows every section; the screen keeps long ones folded.
  var folded = [];
  window.addEventListener('beforeprint', function () {
    folded = groups.filter(function (d) { return !d.open; });
    folded.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { folded.forEach(function (d) { d.open = false; }); });
  search.addEventListener('input', apply);
  rule.addEventListener('change', apply);
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  apply();
  if (location.hash) { reveal(location.hash.slice(1)); }
}());
"""

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")
_LITERAL = re.compile(r"``(.+?)``", re.S)


def e(text: object) -> str:
    return escape(printable(str(text), keep_newlines=True), quote=True)


def link(text: str, url: str) -> str:
    target = safe_url(url)
    if not target:
        return e(text)
    return f'<a href="{e(target)}" rel="noopener noreferrer nofollow">{e(text)}</a>'


def doc_html(text: str) -> str:
    """Rule documentation (reStructuredText literals) as escaped HTML with <code>."""
    return _LITERAL.sub(r"<code>\1</code>", e(text))


HTML = Markup(
    strong=lambda t: f'<span class="label">{e(t)}</span>', link=link,
    field=lambda label, value: f'<span class="muted">{e(label)}:</span> {e(value)}',
    party=lambda t: f'<span class="party">{e(t)}</span>', note=lambda t: f'<em class="muted">{e(t)}</em>',
)


class _Anchors:
    """Ids for findings, and the first finding of each rule and severity (the summary links there)."""

    def __init__(self) -> None:
        self.numbers: Iterator[int] = itertools.count(1)
        self.first: dict[tuple[str, str], str] = {}

    def next(self, f: Finding) -> str:
        anchor = f"n{next(self.numbers)}"
        self.first.setdefault((f.code, str(f.severity)), anchor)
        return anchor


def _source(source: CitedSource) -> str:
    return "<li>" + " · ".join(source_parts(source, HTML)) + "</li>"


def _finding(f: Finding, anchors: _Anchors) -> str:
    sev = str(f.severity)
    return (f'<li class="finding" id="{anchors.next(f)}" data-code="{e(f.code)}" data-severity="{e(sev)}">'
            f'<span class="sev sev-{e(sev)}">{e(sev)}</span> <span class="code">{e(f.code)}</span> '
            f'{e(f.name)} <span class="muted">line {f.line}</span> '
            f'<a class="why" href="#rule-{e(f.code)}">why?</a><br>{e(f.message)}</li>')


def _findings(findings: Sequence[Finding], anchors: _Anchors) -> str:
    return '<ul class="findings">' + "".join(_finding(f, anchors) for f in findings) + "</ul>"


def _claim(claim: Claim, anchors: _Anchors) -> str:
    text = "".join(f"<mark>{e(p)}</mark>" if hot else e(p)
                   for p, hot in split_highlights(claim.statement.text, claim.highlights))
    sources = ('<ul class="sources">' + "".join(_source(s) for s in claim.sources) + "</ul>"
               if claim.sources else '<p class="muted">No source cited.</p>')
    kind = "" if claim.statement.kind == "prose" else f' <span class="muted">({e(claim.statement.kind)})</span>'
    return (f'<article class="card claim"><blockquote class="statement">{text}{kind}</blockquote>'
            f"{sources}{_findings(claim.findings, anchors)}</article>")


def _contents(view: FileView, prefix: str) -> str:
    """Links to the file's section groups, with their finding counts, for long articles."""
    items = [(f"{prefix}-s{i}", label, sum(len(c.findings) for c in claims))
             for i, (label, claims) in enumerate(view.sections)]
    if view.references:
        items.append((f"{prefix}-refs", "Reference findings", sum(len(r.findings) for r in view.references)))
    if view.other:
        items.append((f"{prefix}-other", "Other findings", len(view.other)))
    links = "".join(f'<li><a href="#{anchor}">{e(label)}</a> <span class="muted">({n})</span></li>'
                    for anchor, label, n in items)
    return f'<details class="toc"><summary>Contents</summary><ul>{links}</ul></details>' if items else ""


def _group(anchor: str, heading: str, count: int, body: str, folded: bool) -> str:
    """One section of findings, folded in a long report."""
    return (f'<details class="group" id="{anchor}"{"" if folded else " open"}><summary>{heading} '
            f'<span class="muted">({count})</span></summary>{body}</details>')


def _file(view: FileView, prefix: str, anchors: _Anchors, folded: bool) -> str:
    out = [f"<section class=\"file\"><h2>{e(view.title or view.path)}</h2>"]
    facts = [f"File: <code>{e(view.path)}</code>", f"{view.count} finding{'s' * (view.count != 1)}"]
    if view.revision_date:
        facts.append(f"revision date {e(view.revision_date)} ({e(view.revision_date_source or 'unknown source')})")
    out.append(f'<p class="meta">{" · ".join(facts)}</p>')
    if view.notes:
        out.append('<ul class="notes meta">' + "".join(f"<li>{e(note)}</li>" for note in view.notes) + "</ul>")
    out.append(_contents(view, prefix))
    if view.sections:
        out.append("<h3>Flagged claims</h3>")
    for i, (label, claims) in enumerate(view.sections):
        body = "".join(_claim(c, anchors) for c in claims)
        out.append(_group(f"{prefix}-s{i}", f"<h4>{e(label)}</h4>", sum(len(c.findings) for c in claims),
                          body, folded))
    if view.references:
        body = "".join(f'<article class="card refentry"><ul class="sources">'
                       f"{_source(CitedSource(entry.reference.label, entry.reference))}</ul>"
                       f"{_findings(entry.findings, anchors)}</article>" for entry in view.references)
        out.append(_group(f"{prefix}-refs", "<h3>Reference findings</h3>",
                          sum(len(entry.findings) for entry in view.references), body, folded))
    if view.other:
        body = f'<article class="card other">{_findings(view.other, anchors)}</article>'
        out.append(_group(f"{prefix}-other", "<h3>Other findings</h3>", len(view.other), body, folded))
    out.append("</section>")
    return "".join(out)


def _rules(codes: Sequence[tuple[str, str]]) -> str:
    """Each reported rule explained once; findings link here."""
    out = ['<section class="rules"><h2>Rules</h2>']
    for code, name in codes:
        summary, body = rule_doc(code)
        # Docstring paragraphs are reflowed: their line breaks are the source's, not the page's.
        paragraphs = "".join(f"<p>{doc_html(' '.join(p.split()))}</p>" for p in body.split("\n\n") if p.strip())
        out.append(f'<div class="rule" id="rule-{e(code)}"><h3><span class="code">{e(code)}</span> {e(name)}</h3>'
                   f"<p><strong>{doc_html(summary) or 'No documentation: the rule is not installed.'}</strong></p>"
                   f"{paragraphs}</div>")
    out.append("</section>")
    return "".join(out)


def _errors(errors: Sequence["InputFailure"]) -> str:
    """The inputs that could not be linted, above the findings of the others."""
    if not errors:
        return ""
    items = "".join(f"<li><code>{e(failure.path)}</code>: {e(failure.message)}</li>" for failure in errors)
    return f'<section class="errors"><h2>Inputs that could not be linted</h2><ul>{items}</ul></section>\n'


def render(results: Sequence["Result"], out: TextIO, *, color: bool = False,
           errors: Sequence["InputFailure"] = (), view: View = View()) -> None:
    """Write the report page; ``color`` is ignored (the page has its own colours)."""
    rows = summary_rows(results)
    total = sum(row.count for row in rows)
    anchors = _Anchors()
    files = [_file(build_view(result), f"f{index}", anchors, folded=total > FOLD_ABOVE)
             for index, result in enumerate(results)]
    titles = ", ".join(r.document.title or r.path for r in results)
    out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
    out.write(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n')
    out.write('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    out.write(f"<title>citecheck: {e(titles or 'report')}</title>\n<style>{CSS}</style></head><body>\n")
    out.write(f'<header class="top"><h1>citecheck: flagged claims</h1><p class="meta">{total} '
              f"finding{'s' * (total != 1)} in {len(results)} file{'s' * (len(results) != 1)} · "
              f"citecheck {e(__version__)}</p>\n")
    if rows:
        out.write('<table class="summary"><thead><tr><th>Rule</th><th>Name</th><th>Severity</th>'
                  "<th>Findings</th></tr></thead><tbody>")
        for row in rows:
            target = f'href="#{anchors.first[(row.code, row.severity)]}" data-rule="{e(row.code)}"'
            out.write(f'<tr><td class="code"><a {target}>{e(row.code)}</a></td><td>{e(row.name)}</td>'
                      f'<td><span class="sev sev-{e(row.severity)}">{e(row.severity)}</span></td>'
                      f'<td class="count"><a {target}>{row.count}</a></td></tr>')
        out.write("</tbody></table>\n")
    out.write("</header>\n")
    out.write('<div class="controls" role="search"><input type="search" id="search" '
              'placeholder="Search claims, sources, messages" aria-label="Search">')
    for sev in SEVERITIES:
        out.write(f'<label><input type="checkbox" data-severity="{sev}" checked> {sev}</label>')
    out.write('<label>Rule <select id="rule"><option value="">all rules</option>')
    codes = sorted({(row.code, row.name) for row in rows})
    for code, name in codes:
        out.write(f'<option value="{e(code)}">{e(code)} {e(name)}</option>')
    out.write('</select></label><span id="shown" class="muted" aria-live="polite"></span></div>\n<main>\n')
    out.write(_errors(errors))
    out.write('<p id="empty" class="hidden">No finding matches the filters.</p>\n')
    for html in files:
        out.write(html + "\n")
    if codes:
        out.write(_rules(codes) + "\n")
    out.write(f"</main>\n<script>{SCRIPT}</script>\n</body></html>\n")

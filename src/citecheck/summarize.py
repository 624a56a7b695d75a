"""A wiki-wide worklist from a dump run's JSON Lines: what editors fix first, what researchers count.

It reads the records of ``citecheck dump`` (one file, shards, or a ``--shards`` folder with its
manifest) in one pass, keeping counters and the top entries only, so a run over millions of
pages summarises in constant memory. Every article it names links to the wiki: the page URL
comes from the dump's ``<siteinfo><base>`` (kept in the manifest), or the title alone is shown.
"""

from __future__ import annotations

import html
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from citecheck.parsers.citations import domain_of
from citecheck.report import write_json

TOP = 50  # entries per ranked list
CASUALTY_RULE = "CC201"
DEAD_LINK_RULE = "CC301"
DATE_ERROR_RULE = "CC406"


def run_files(paths: Iterable[str | Path]) -> tuple[list[Path], str]:
    """The JSON Lines files of a run and the wiki's page URL base (from a manifest, if any)."""
    files: list[Path] = []
    base = ""
    for given in map(Path, paths):
        if given.is_dir():
            manifest = given / "manifest.json"
            if manifest.exists():
                data = json.loads(manifest.read_text(encoding="utf-8"))
                base = base or data.get("site_base", "")
                files.extend(given / entry["shard"] for entry in data["shards"])
            else:
                files.extend(sorted(given.glob("*.jsonl")))
        elif given.name == "manifest.json":
            files.extend(run_files([given.parent])[0])
            base = base or json.loads(given.read_text(encoding="utf-8")).get("site_base", "")
        else:
            files.append(given)
    return files, base


def records(files: Iterable[Path]) -> Iterator[dict[str, Any]]:
    for path in files:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)


def article_url(base: str, title: str) -> str:
    """The page URL of ``title`` on the wiki whose ``<base>`` (its main page URL) is ``base``."""
    if not base or "/" not in base:
        return ""
    return base.rsplit("/", 1)[0] + "/" + quote(title.replace(" ", "_"), safe="/:(),'!*")


def summarize(rows: Iterable[dict[str, Any]], base: str = "", top: int = TOP) -> dict[str, Any]:
    """Counts per rule and severity, ranked articles, dead-link domains, sole sources of
    casualty figures and CS1 date errors."""
    by_rule: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    errors_by_article: Counter[str] = Counter()
    findings_by_article: Counter[str] = Counter()
    dead_domains: Counter[str] = Counter()
    sole_outlets: Counter[str] = Counter()
    outlet_articles: dict[str, set[str]] = {}
    date_errors: list[dict[str, str]] = []
    pages = failed = 0
    for row in rows:
        pages += 1
        title = row.get("title", "")
        if row.get("error"):
            failed += 1
            continue
        for finding in row.get("findings", []):
            code, severity = finding["code"], finding["severity"]
            by_rule[code] += 1
            by_severity[severity] += 1
            findings_by_article[title] += 1
            if severity == "error":
                errors_by_article[title] += 1
            evidence = finding.get("evidence") or {}
            if code == DEAD_LINK_RULE and (domain := domain_of(evidence.get("url") or "")):
                dead_domains[domain] += 1
            elif code == CASUALTY_RULE:
                for outlet in dict.fromkeys(o for o in evidence.get("outlets", []) if o):
                    sole_outlets[outlet] += 1
                    outlet_articles.setdefault(outlet, set()).add(title)
            elif code == DATE_ERROR_RULE and len(date_errors) < top:
                date_errors.append({"title": title, "url": article_url(base, title),
                                    "value": str(evidence.get("value", "")), "field": str(evidence.get("field", "")),
                                    "line": finding.get("line")})
    ranked = sorted(findings_by_article, key=lambda t: (-errors_by_article[t], -findings_by_article[t], t))[:top]
    return {
        "pages": pages, "not_linted": failed, "site_base": base,
        "by_severity": dict(by_severity.most_common()), "by_rule": dict(sorted(by_rule.items())),
        "articles": [{"title": t, "url": article_url(base, t), "errors": errors_by_article[t],
                      "findings": findings_by_article[t]} for t in ranked],
        "dead_link_domains": [{"domain": d, "findings": n} for d, n in dead_domains.most_common(top)],
        "sole_casualty_sources": [{"outlet": o, "findings": n, "articles": len(outlet_articles[o])}
                                  for o, n in sole_outlets.most_common(top)],
        "date_errors": date_errors,
    }


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: a "|" would end the cell, a line break the row."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _code_cell(text: str) -> str:
    """A code span in a table cell, fenced with more backticks than the value holds."""
    value = _cell(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)
    return f"{fence} {value} {fence}" if fence != "`" else f"`{value}`"


def _link_md(title: str, url: str) -> str:
    label = _cell(title).replace("[", "\\[").replace("]", "\\]") or "(untitled)"
    return f"[{label}]({url})" if url else label


def render_markdown(summary: dict[str, Any]) -> str:
    lines = [f"# citecheck worklist: {summary['pages']:,} pages", ""]
    if summary["not_linted"]:
        lines += [f"{summary['not_linted']:,} pages could not be linted.", ""]
    lines += ["## Findings per rule", "", "| Rule | Findings |", "|---|---:|"]
    lines += [f"| {_cell(code)} | {count:,} |" for code, count in summary["by_rule"].items()]
    lines += ["", "## Articles with the most errors", "", "| Article | Errors | Findings |", "|---|---:|---:|"]
    lines += [f"| {_link_md(a['title'], a['url'])} | {a['errors']:,} | {a['findings']:,} |" for a in summary["articles"]]
    lines += ["", "## Most cited dead-link domains", "", "| Domain | Dead links |", "|---|---:|"]
    lines += [f"| {_cell(d['domain'])} | {d['findings']:,} |" for d in summary["dead_link_domains"]]
    lines += ["", f"## Outlets most often sole source of casualty figures ({CASUALTY_RULE})", "",
              "| Outlet | Figures | Articles |", "|---|---:|---:|"]
    lines += [f"| {_cell(o['outlet'])} | {o['findings']:,} | {o['articles']:,} |" for o in summary["sole_casualty_sources"]]
    lines += ["", f"## CS1 date errors ({DATE_ERROR_RULE})", "", "| Article | Line | Field | Value |", "|---|---:|---|---|"]
    lines += [f"| {_link_md(e['title'], e['url'])} | {e['line'] or ''} | {_cell(e['field'])} | {_code_cell(e['value'])} |"
              for e in summary["date_errors"]]
    return "\n".join(lines) + "\n"


def render_html(summary: dict[str, Any]) -> str:
    def link(title: str, url: str) -> str:
        text = html.escape(title or "(untitled)")
        return f'<a href="{html.escape(url)}">{text}</a>' if url else text

    def table(caption: str, head: list[str], body: list[list[str]]) -> str:
        rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in body)
        return (f"<h2>{html.escape(caption)}</h2><table><thead><tr>"
                + "".join(f"<th>{html.escape(h)}</th>" for h in head) + f"</tr></thead><tbody>{rows}</tbody></table>")

    esc = html.escape
    parts = [
        table("Findings per rule", ["Rule", "Findings"], [[esc(c), f"{n:,}"] for c, n in summary["by_rule"].items()]),
        table("Articles with the most errors", ["Article", "Errors", "Findings"],
              [[link(a["title"], a["url"]), f"{a['errors']:,}", f"{a['findings']:,}"] for a in summary["articles"]]),
        table("Most cited dead-link domains", ["Domain", "Dead links"],
              [[esc(d["domain"]), f"{d['findings']:,}"] for d in summary["dead_link_domains"]]),
        table(f"Outlets most often sole source of casualty figures ({CASUALTY_RULE})", ["Outlet", "Figures", "Articles"],
              [[esc(o["outlet"]), f"{o['findings']:,}", f"{o['articles']:,}"] for o in summary["sole_casualty_sources"]]),
        table(f"CS1 date errors ({DATE_ERROR_RULE})", ["Article", "Line", "Field", "Value"],
              [[link(e["title"], e["url"]), str(e["line"] or ""), esc(e["field"]), f"<code>{esc(e['value'])}</code>"]
               for e in summary["date_errors"]]),
    ]
    title = f"citecheck worklist: {summary['pages']:,} pages"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title></head>'
            f"<body><h1>{esc(title)}</h1>{''.join(parts)}</body></html>\n")


def render(summary: dict[str, Any], fmt: str) -> str:
    """The summary as "markdown", "html" or "json"."""
    if fmt == "json":
        out = io.StringIO()
        write_json(summary, out)
        return out.getvalue()
    return render_html(summary) if fmt == "html" else render_markdown(summary)

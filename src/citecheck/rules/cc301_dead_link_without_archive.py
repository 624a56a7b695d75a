"""CC301: a link marked dead with no archive copy to fall back on (offline check)."""

from __future__ import annotations

import re
from typing import Iterator

from citecheck.model import Citation, Document, Finding, Reference, Severity, Span, Statement
from citecheck.parsers.citations import ARCHIVE_HOST, ARCHIVED_PHRASE, findable_without_link, url_key
from citecheck.parsers.printed import journal_article, printed_publication
from citecheck.rules.base import Rule, RuleContext

DEAD_STATUSES = frozenset({"dead", "unfit", "usurped", "deviated"})


def dead_reason(ref: Reference) -> str:
    """Why the reference's link counts as dead ("url-status=dead", "{{dead link}}"), or ""."""
    status = ref.get("url_status").strip().lower()
    if status in DEAD_STATUSES:
        return f"url-status={status}"
    if ref.dead_link:
        return "marked [dead link]"
    return ""



# A Wayback-style address that names the page it copies: ".../web/20190407183217/https://x/y".
_ARCHIVED_LINK = re.compile(r"(?:web\.archive\.org|webarchive\.[\w.]+)/(?:web/)?\d{4,14}\w*/(?P<original>[^\s|\]}<]+)", re.I)

_CITATION_TEMPLATE = re.compile(r"\{\{\s*(?!dead[ _]link|webarchive|cbignore|!)[^|{}]+\|", re.I)


def has_archive(ref: Reference) -> bool:
    """True when the reference records an archive copy (archive URL, archive date or {{webarchive}})."""
    if ref.get("archive_url").strip() or ref.get("archive_date").strip() or ref.has_webarchive:
        return True
    lowered = ref.raw.lower()
    # Every archive phrase and archive host the patterns below know names an "archiv…" or WebCite.
    if "archiv" not in lowered and "webcitation" not in lowered and "arquivo" not in lowered:
        return False
    # A rendered copy may say so even when the archive date is missing (a CS1 error).
    if "rchived" in lowered and ARCHIVED_PHRASE.search(ref.raw):
        return True
    # An archive link anywhere (localised templates, "url lưu trữ=", whose parameters were not
    # mapped to archive_url still carry one). In a bundle of several citations the archive may
    # belong to another one, unless it is a copy of this reference's own URL.
    return bool(len(_CITATION_TEMPLATE.findall(ref.raw)) <= 1 and ARCHIVE_HOST.search(ref.raw)) or _archives_own_url(ref)


def _archives_own_url(ref: Reference) -> bool:
    """An archive link in the entry whose address embeds the reference's URL ("…/web/2019…/https://x/y")."""
    originals = [link.group("original") for link in _ARCHIVED_LINK.finditer(ref.raw)]
    if not originals or not ref.get("url"):
        return False
    own = url_key(ref.get("url"))
    return any(url_key(original) == own for original in originals)


class DeadLinkWithoutArchive(Rule):
    """A cited link marked dead, with no archive copy recorded.

    Flags references whose ``url-status`` is dead, unfit, usurped or deviated (or the old
    ``deadurl=yes``), or which carry a ``{{dead link}}`` tag ("[dead link]" in rendered
    copies), when the reference has no ``archive-url``, no archive date and no
    ``{{webarchive}}``. A dead-link tag placed in the prose right after a citation counts
    for that citation's reference; one on a link of its own counts too, except in an
    infobox (an official website), a section of links to read further (External links,
    Further reading, See also) or a list entry that is a bare name (a list of journals, each
    linked), where no claim rests on the link. A reference whose work
    has an identifier of its own (an article's DOI, a book's ISBN, a PMID), a numbered patent,
    piece of EU legislation, RFC or ISO standard ("RFC 3190", "ISO 832:1994"), a statute by its
    short title and year ("Data Protection Act 1998") or, in the US, by its place in the Code or its
    public-law number ("10 USC 525", "Pub.L. 110-181"), a decree by its number, a numbered
    military publication ("Army Regulation 5-1", "NTRP 1-02"), a court's judgment by its citation
    ("[2012] EWHC 1372 (Ch)", "447 U.S. 303 (1980)"), a page of a law
    gazette ("Reichsgesetzblatt Teil I S. 849") or an issue of one ("Mémorial A, 1988, No. 64"), the columns of a debate in Parliament's record
    in Hansard's form ("HC Deb 17 June 1925 vol 185 cc494-5"), chapter and verse of scripture, or a
    printed publication as CC303 reads one (an article of a newspaper's issue dated before the
    web, by its title, paper and day: '"Dam opened". The Guardian. 3 March 1990.'; a book from a
    publishing house or by its numbered edition, "… Fourth Edition. 2000"; an encyclopedia printed
    before the web; a work first published before the web, "(April 2009) [1966]"; a paper of a
    meeting's proceedings; the notes of a released recording), or an
    article of a learned journal with its year, by the journal's name or its volume and pages
    ("Acta Baltico-Slavica, 2006", "The Lancet, September 24, 2004", "49, 1601-1622"), stays
    checkable without its link and is not reported. Works offline: it trusts what the article says.

    Why: a dead link with no archive means nobody can check the claim any more.

    What to do: find a snapshot (web.archive.org, archive.today) and add ``archive-url`` and
    ``archive-date``, or replace the source; ``citecheck --online`` (CC313) can look one up.
    """

    code = "CC301"
    name = "dead-link-without-archive"
    severity = Severity.ERROR

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        tagged = tagged_in_prose(doc)
        for ref in doc.references:
            reason = dead_reason(ref) or ("marked [dead link]" if id(ref) in tagged else "")
            if not reason or has_archive(ref):
                continue
            if findable_without_link(ref.raw, ref.get("title")) or printed_publication(ref) or journal_article(ref):
                continue  # an article with a DOI, a book with an ISBN, a printed issue: still findable without the link
            yield self.finding(
                ctx,
                f"{ref.label} links to a dead page ({reason}) and no archive copy is recorded: "
                "add archive-url/archive-date or replace the source",
                ref.span,
                reference=ref,
                refs=[ref.key],
                evidence={"reason": reason, "url": ref.get("url")},
            )
        for stmt, span in _orphan_tags(doc):
            yield self.finding(
                ctx,
                "a link in the text is marked [dead link] and no archive copy is recorded: "
                "archive or replace it",
                span,
                statement=stmt,
                evidence={"reason": "marked [dead link]"},
            )


def tagged_in_prose(doc: Document) -> frozenset[int]:
    """The ids of references whose citation is directly followed by a dead-link tag in the prose."""
    return doc.derived("tagged_dead_in_prose", lambda: frozenset(_tagged_in_prose(doc)))


def _tagged_in_prose(doc: Document) -> Iterator[int]:
    for stmt in doc.statements:
        for tag in stmt.tags:
            if tag.kind != "dead-link":
                continue
            before = _citation_before(stmt, tag.span)
            if before is not None and before.reference is not None:
                yield id(before.reference)


# Sections that list links to read further, which support no claim of the article.
_LINK_SECTIONS = frozenset({"external links", "further reading", "see also", "links", "external link"})


# A list entry that is a bare name ("Water Resources Research", "Environmetrics"): a link
# offered to follow, as in External links, with no claim of its own.
_BARE_NAME = re.compile(r"[^\W\d][^\d.:;!?]*")
_BARE_NAME_WORDS = 6


def _link_list_entry(stmt: Statement) -> bool:
    text = stmt.text.strip()
    return (stmt.kind == "list" and not stmt.citations and _BARE_NAME.fullmatch(text) is not None
            and len(text.split()) <= _BARE_NAME_WORDS)


def _orphan_tags(doc: Document) -> Iterator[tuple[Statement, Span]]:
    for stmt in doc.statements:
        if (stmt.kind == "infobox" or (stmt.section and stmt.section[-1].strip().lower() in _LINK_SECTIONS)
                or _link_list_entry(stmt)):
            continue  # an official website, an external link: a new address fixes it, not an archive
        for tag in stmt.tags:
            if tag.kind == "dead-link" and _citation_before(stmt, tag.span) is None:
                yield stmt, tag.span


def _citation_before(stmt: Statement, span: Span) -> Citation | None:
    """The statement's citation that ends closest before ``span`` (within a few characters)."""
    best: Citation | None = None
    for citation in stmt.citations:
        gap = span.start - citation.span.end
        if 0 <= gap <= 40 and (best is None or citation.span.end > best.span.end):
            best = citation
    return best

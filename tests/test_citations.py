"""citations.py: free-text references read back into fields, archive phrases, URL identity."""

from __future__ import annotations

import pytest

from citecheck.parsers.citations import parse_reference_text, source_url_key, url_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # {{webarchive}} with a US date keeps the comma after the year.
        ("NASA GTX Archived November 22, 2008, at the Wayback Machine",
         {"title": "NASA GTX", "archive_date": "November 22, 2008"}),
        ("Windows 8.1 now available! Archived October 19, 2013, at the Wayback Machine. Blogs.windows.com. "
         "Retrieved on October 31, 2013.",
         {"title": "Windows 8.1 now available!", "work": "Blogs.windows.com", "archive_date": "October 19, 2013",
          "access_date": "October 31, 2013"}),
        ("Energy savings Archived 2013-01-12 at archive.today", {"title": "Energy savings", "archive_date": "2013-01-12"}),
        # CS2 separates with commas and writes "archived" in lower case.
        ("ATX Power Supply Units Roundup, xBit labs, archived from the original on 2008-11-20, The power factor is low",
         {"archive_date": "2008-11-20", "quote": "The power factor is low"}),
        # A site named by its domain after an unquoted title (Reflinks style).
        ("Metabolic syndrome – PubMed Health. Ncbi.nlm.nih.gov. Retrieved on 2011-10-17.",
         {"title": "Metabolic syndrome – PubMed Health", "work": "Ncbi.nlm.nih.gov", "access_date": "2011-10-17"}),
        ("Volunteer Ministers. Sea.org. Retrieved 2011-10-17.",
         {"title": "Volunteer Ministers", "work": "Sea.org", "access_date": "2011-10-17"}),
        ("Smith, John. About us. Sea.org. 2011.",
         {"author": "Smith, John", "title": "About us", "work": "Sea.org", "date": "2011"}),
        # A link label that is itself a domain names the site, not a title.
        ("appert-aina.com Archived 7 February 2009 at the Wayback Machine", {"archive_date": "7 February 2009"}),
        # Nothing marks a title: no guess.
        ("Wilson and Loomis, Botany, Holt, Rinehart and Winston", {}),
    ],
)
def test_free_text_fields(raw: str, expected: dict[str, str]) -> None:
    assert parse_reference_text(raw) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://www.example.org/a/?utm_source=x&utm_medium=y", "http://example.org/a", True),
        ("https://example.org/a?id=7&fbclid=IwAR0", "https://m.example.org/a?id=7#top", True),
        ("https://example.org/index.html", "https://EXAMPLE.org/", True),
        ("https://example.org/story?id=1", "https://example.org/story?id=2", False),
        ("https://www.nytimes.com/a.html?src=CF", "https://www.nytimes.com/a.html?src=bkmk", False),
        ("https://example.org/p?ref=home", "https://example.org/p?ref=archive", False),
    ],
)
def test_url_key(a: str, b: str, same: bool) -> None:
    assert (url_key(a) == url_key(b)) is same


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.worldcat.org/issn/0303-6286", ""),
        ("https://www.worldcat.org/oclc/33163088", ""),
        ("https://en.wikipedia.org/wiki/Special:BookSources/0-19-554647-4", ""),
        ("https://books.google.com/books?vid=ISBN0521002540", ""),
        ("https://doi.org/10.1126", ""),
        ("https://doi.org/10.1002/(ISSN)1097-0258", ""),
        ("https://www.bbc.com", ""),
        ("https://doi.org/10.1126/science.1071059", "doi.org/10.1126/science.1071059"),
        ("https://books.google.com/books?id=oo3F2X8IDeEC", "books.google.com/books?id=oo3F2X8IDeEC"),
        ("https://www.bbc.com/news/world-54324772", "bbc.com/news/world-54324772"),
    ],
)
def test_source_url_key(url: str, key: str) -> None:
    assert source_url_key(url) == key

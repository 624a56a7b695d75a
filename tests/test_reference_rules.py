"""What the reference-quality rules hand to reports: the entries involved and why."""

from __future__ import annotations

import pytest

from citecheck import lint_text
from citecheck.config import Settings
from citecheck.model import Reference, Span
from citecheck.rules.cc504_duplicate_reference import _name_different_items
from citecheck.rules.cc505_incomplete_reference import _names_its_site

DUPLICATES = """Fighting began.[1] Troops advanced.[2]

References

  1. ^ "Azerbaijan denies sending fighters". Reuters. 28 September 2020.
  2. ^ "Azerbaijan denies sending fighters". Reuters. 28 September 2020.
"""


def test_duplicate_reference_names_both_entries() -> None:
    result = lint_text(DUPLICATES, "text", settings=Settings(select=["CC504"]))
    [finding] = [f for f in result.findings if f.code == "CC504"]
    second = result.document.references[1]
    assert finding.reference is second
    assert finding.refs == ["1", "2"]
    assert finding.evidence == {"duplicate_of": "1", "matched": "title"}


def test_dead_link_finding_carries_its_reason_and_url() -> None:
    text = """The dam opened in 1990.<ref>{{cite web |url=http://example.com/dam |title=Dam |url-status=dead}}</ref>

==References==
{{reflist}}
"""
    result = lint_text(text, "wikitext", settings=Settings(select=["CC301"]))
    [finding] = result.findings
    assert finding.reference is result.document.references[0]
    assert finding.refs == ["ref-1"]
    assert finding.evidence == {"reason": "url-status=dead", "url": "http://example.com/dam"}


def test_dead_link_in_the_text_points_at_its_statement() -> None:
    text = "The council published [http://example.com/minutes its minutes]{{dead link|date=May 2015}}.\n"
    result = lint_text(text, "wikitext", settings=Settings(select=["CC301"]))
    [finding] = result.findings
    assert finding.statement is not None and "its minutes" in finding.statement.text
    assert finding.evidence == {"reason": "marked [dead link]"}


@pytest.mark.parametrize(
    ("title", "url", "site"),
    [
        ("NCBI: CBLAST", "https://www.ncbi.nlm.nih.gov/BLAST/", "NCBI"),  # a four-letter name is enough
        ("NCBI: CBLAST", "www.ncbi.nlm.nih.gov/BLAST/", "NCBI"),  # an address without its scheme
        ("BBC News: Talks collapse", "https://www.bbc.co.uk/news/1", "BBC News"),  # a three-letter label
        ("Map | Kidwelly History", "http://www.kidwellyhistory.co.uk/map.htm", "Kidwelly History"),
        ("Bardney Village History: The church", "https://community.lincolnshire.gov.uk/bardney-village-history/places/church.htm",
         "Bardney Village History"),  # a site kept in a folder of its host
        ("Heritage: The mill", "https://www.council.gov.uk/heritage/mill.htm", "Heritage"),  # eight letters name a folder
        ("Coffee: A Complete History", "https://www.example.com/coffee", ""),  # "com" is no site's name
        ("Info: Opening hours", "http://www.example.info/hours", ""),  # nor is a domain's ending
        ("NCBI", "https://www.ncbi.nlm.nih.gov/", ""),  # one part: the title is the page's
        ("NCBI | https://www.ncbi.nlm.nih.gov/blast", "https://www.ncbi.nlm.nih.gov/blast", ""),  # an address is no part
        ("Germany: Urban Areas", "https://web.archive.org/web/2010/http://www.germany.de/", ""),  # the archive's host
        ("Germany: Urban Areas", "", ""),
        # a body's initials opening the title name its publisher whatever the address
        ("NCBI: CBLAST", "https://web.archive.org/web/2010/http://www.ncbi.nlm.nih.gov/", "NCBI"),
        ("CEA: Industry Sales Data", "", "CEA"),
        ("NIGER: Slavery - an unbroken chain", "", ""),  # five capitals: a name in capitals
        ("Heat storage | UTES | Solar recharge", "", ""),  # a keyword further on
        ("Water use efficiency - agriwaterpedia.info", "", "agriwaterpedia.info"),  # a domain ends it
        ("IMDB Award List", "http://www.imdb.com/name/nm1/awards", "IMDB"),  # the host's initials open it
        ("BBC Weather Centre", "http://www.bbc.co.uk/weather/", ""),  # a part of the site names no page
    ],
)
def test_a_two_part_title_names_the_site_its_address_is_on(title: str, url: str, site: str) -> None:
    assert _names_its_site(title, url) == site


@pytest.mark.parametrize(
    ("first", "second", "duplicate"),
    [
        # different days and titles: two works behind one link
        ("|title=BSkyB wins the rights |date=19 May 1992", "|title=Clubs ask Parry to resolve a dispute |date=18 September 1992", False),
        # one day, or one date missing: one page described twice
        ("|title=BSkyB wins the rights |date=19 May 1992", "|title=Clubs ask Parry to resolve a dispute |date=19 May 1992", True),
        ("|title=BSkyB wins the rights", "|title=Clubs ask Parry to resolve a dispute |date=18 September 1992", True),
        ("|title=BSkyB wins the rights |date=19 May 1992", "|title=Clubs ask Parry to resolve a dispute", True),
        ("|date=19 May 1992", "|title=Clubs ask Parry to resolve a dispute |date=18 September 1992", True),
        # a title within the other's title and work or publisher, either way round
        ("|title=CIA World Factbook |date=1 May 2010", "|title=Saint Helena |work=CIA World Factbook |date=2 May 2010", True),
        ("|title=Saint Helena |work=CIA World Factbook |date=2 May 2010", "|title=CIA World Factbook |date=1 May 2010", True),
        ("|title=Times Online |date=1 May 2010", "|title=Clubs dispute |publisher=Times Online |date=2 May 2010", True),
        ("|title=Clubs dispute |publisher=Times Online |date=2 May 2010", "|title=Times Online |date=1 May 2010", True),
        # half the words in common or fewer: different titles; more: the same one reworded
        ("|title=Alpha Beta Gamma |date=1 May 2010", "|title=Alpha Beta Delta |date=2 May 2010", False),
        ("|title=Alpha Beta Gamma |date=1 May 2010", "|title=Alpha Beta Delta Epsilon |date=2 May 2010", False),
        ("|title=Alpha Beta Gamma Delta |date=1 May 2010", "|title=Epsilon Alpha Beta Gamma |date=2 May 2010", True),
    ],
)
def test_entries_sharing_a_link_are_one_source_unless_they_are_different_works(first: str, second: str, duplicate: bool) -> None:
    text = (f"It began.<ref>{{{{cite news |url=http://example.com/a {first}}}}}</ref> "
            f"It went on.<ref>{{{{cite news |url=http://example.com/a {second}}}}}</ref>\n\n== References ==\n{{{{reflist}}}}\n")
    result = lint_text(text, "wikitext", settings=Settings(select=["CC504"]))
    assert bool([f for f in result.findings if f.code == "CC504"]) == duplicate


def test_a_number_missing_inside_the_list_is_no_sign_of_a_cut() -> None:
    text = """Title

The elements were named.[1] Alchemists searched for it.[2] They wrote books.[3]

References

  1. ^ "Elements". Nature. 2001.
  2. ^ Cite error: The named reference meyerhoff was invoked but never defined (see the help page).
  3. ^ "Books". Science. 2002.
"""
    [finding] = [f for f in lint_text(text, "text", settings=Settings(select=["CC501"])).findings]
    assert finding.message == "reference [2] is cited once but the list does not define it"
    assert finding.evidence["truncated"] is False


def _cite(url: str, title: str, **fields: str) -> Reference:
    return Reference(key=title, span=Span(0, 0), raw=title, fields={"url": url, "title": title, **fields})


@pytest.mark.parametrize(
    ("first", "second", "items"),
    [
        # a series' name, then an item each: two sources behind one address
        ('Weekly Soundtrack – "The Test"', 'Weekly Soundtrack – "The Showdown"', True),
        ("Luge World Cup Whistler men's singles results.", "Luge World Cup Whistler women's singles results.", True),
        ("Luge World Cup Whistler women's singles results.", "Luge World Cup Whistler men's doubles results.", True),
        ("Alpha Beta Gamma Delta", "Alpha Beta Gamma Epsilon", True),
        # one name, or one word of a name
        ("Adlershof in Brief", "Adlershof in Numbers", False),
        ("Adlershof Facts – Brief", "Adlershof Facts – Numbers", True),  # two words: read as a series
        ("NFL Draft – Bears", "NFL Draft – Packers", True),
        # a title that adds to the other, or opens otherwise
        ("Outdoor Archery World Championships Individual Medallists", "Outdoor Medallists", False),
        ("The Oscars Did You Know?", "Fast Facts – Did You Know?", False),
        # one spelling and another
        ("National Geographic – Colour chart", "National Geographic – Color chart", False),
        ("History of the Regiment Part 3", "History of the Regiment Part Three", False),
        ("GAIS Fotboll - Lagfacta - FC Gute", "GAIS Fotboll - Lagfakta - FC Gute", False),
        # other letters, other numbers, other words that share letters: other items
        ("History of the Regiment Part 3", "History of the Regiment Part 4", True),
        ("World Cup 2014 – Group C", "World Cup 2014 – Group D", True),
        ("Ontario Highway Termini – Highway 7", "Ontario Highway Termini – Highway 7A", True),
        ("Port of Tacoma Statistics – Art", "Port of Tacoma Statistics – Airport", True),
        # a title naming days is left to the dates
        ("NJPW news – (December 25, 2005 – January 20, 2006)", "NJPW news – archive", False),
    ],
)
def test_titles_that_name_different_items_of_one_series(first: str, second: str, items: bool) -> None:
    url = "http://example.com/a"
    assert _name_different_items(_cite(url, first), _cite(url, second)) == items


def test_an_entry_repeating_a_series_item_is_its_duplicate() -> None:
    entries = "".join(f"Song {n}.<ref>{{{{cite web |url=http://www.fox.com/oc/motw_s1.htm |title=Weekly Soundtrack – {title}}}}}</ref> "
                      for n, title in enumerate(("The Model Home", "The Gamble", "The Gamble")))
    result = lint_text(entries + "\n\n== References ==\n{{reflist}}\n", "wikitext", settings=Settings(select=["CC504"]))
    assert [f.message.split(" (")[0] for f in result.findings] == ["reference [ref-3] duplicates [ref-2]"]

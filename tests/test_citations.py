"""citations.py: free-text references read back into fields, archive phrases, URL identity."""

from __future__ import annotations

import pytest

from citecheck.parsers.citations import (
    domain_of,
    item_identifier,
    name_shared_sites,
    normalize_template_params,
    parse_reference_text,
    source_url_key,
    url_key,
)


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
        # A linked page's title as browsers show it, "Page - Site".
        ("[1] Victor Horta - Encyclopaedia Britannica", {"title": "Victor Horta", "work": "Encyclopaedia Britannica"}),
        ("Thistle_-_Art_Nouveau_World", {"title": "Thistle", "work": "Art_Nouveau_World"}),
        ("[12] Chronology - Official website of Casa Milà", {"title": "Chronology", "work": "Official website of Casa Milà"}),
        ("[7] Subotica Synagogue - Culture Monuments of Serbia (in Serbian)",
         {"title": "Subotica Synagogue", "work": "Culture Monuments of Serbia", "language": "Serbian"}),
        # Unlinked, or no name after the dash, or several separators: a title with a dash in it.
        ("Second Chance – The Success Story of Asafa Powell", {}),
        ("[3] ESA Portal - ESA and ANU make space propulsion breakthrough", {}),
        ("[10] The Gödöllő Artists’ Colony - article by David A. Hill", {}),
        ("[4] Chapman & Cowling, pp. 235 - 237", {}),
        ("NASA's_Nanosail-D_Orbits_the Earth_|_Inhabitat_-_Green_Design_Will_Save_the_World", {}),
        ("equation 19-1 Rocket propulsion elements 7th edition- Sutton", {}),
        # What reads as a name: eight words at most, no figure, a capital first, two thirds capitalised.
        ("[5] Report - Alpha Beta Gamma Delta Epsilon Zeta Eta Theta",
         {"title": "Report", "work": "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta"}),
        ("[5] Report - Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota", {}),
        ("[6] Report - Bar Baz 2", {}),
        ("[7] Memoirs - de Gaulle Foundation", {}),
        ("[8] Page - The", {}),
        ("[9] Page - Official website Britannica", {"title": "Page", "work": "Official website Britannica"}),
        ("[10] Page - Museum website", {}),
        # A dump's link text, then its publisher; a single word after it is the link's own, wrapped.
        ("College_Board_Tests_>_AP:_Subjects_>_Statistics The College Board (relates to USA students)",
         {"title": "College_Board_Tests_>_AP:_Subjects_>_Statistics", "work": "The College Board"}),
        ("Mathematics_of_a_Lady_Tasting Tea", {}),
        ("Minimum_Courses_in_Engineering_Mathematics, S. Epsteen.", {}),
        # A dash glued to the title after a numbered link; a bar sets off a site, linked or not.
        ("[20] List of buildings in Aarhus- Art Nouveau World",
         {"title": "List of buildings in Aarhus", "work": "Art Nouveau World"}),
        ("Shaping a Smart Shanghai | Arup Foresight", {"title": "Shaping a Smart Shanghai", "work": "Arup Foresight"}),
        ("Turkish-backed mercenaries in Azerbaijan | Struggle to recruit fighters", {}),
        # The site after a dash and "from", the dash garbled by a wrong code page.
        ("Spencer's_15-Point_Moving_Average_\u00e2\u0080\u0094_from_Wolfram_MathWorld",
         {"title": "Spencer's_15-Point_Moving_Average", "work": "Wolfram_MathWorld"}),
        # The source named after the title: via a name; in, at, from a named kind of work or body.
        ("NYMEX_Coffee_Futures_Contract_Overview_via_Wikinvest",
         {"title": "NYMEX_Coffee_Futures_Contract_Overview", "work": "Wikinvest"}),
        ("Coffee,_brewed_from grounds,_prepared_with_tap_water, in the USDA nutrient database",
         {"title": "Coffee,_brewed_from grounds,_prepared_with_tap_water", "work": "USDA nutrient database"}),
        ("θάλπος in A_Greek–English_Lexicon.", {"title": "θάλπος", "work": "Greek–English_Lexicon"}),
        ("Definition at National Cancer Institute", {"title": "Definition", "work": "National Cancer Institute"}),
        ("History_of_coffee_in_the_Ottoman_Empire", {}),
        ("Elections_in_Cyprus", {}),
        ("Coffee_exports_via_the port", {}),
        ("Tea in the National Institute of 1900", {}),
        ("Tea at the Royal Botanic Gardens Kew Economic Botany Library Archives",
         {"title": "Tea", "work": "Royal Botanic Gardens Kew Economic Botany Library Archives"}),
        ("Tea at the Royal Botanic Gardens Kew Economic Botany Library Archives Annex", {}),
        # A quoted title names its site only by a publisher's acronym, or a reference work before the entry.
        ('"Definition_&_Facts_for_Kidney_Stones_|_NIDDK".', {"title": "Definition_&_Facts_for_Kidney_Stones", "work": "NIDDK"}),
        ('"CityBridge_–_LinkNYC".', {"title": "CityBridge_–_LinkNYC"}),
        ('"Apollo – NASA".', {"title": "Apollo – NASA"}),
        ('"IUPAC_Gold_Book._Enthalpy,_H". Retrieved 2018-02-19.',
         {"title": "Enthalpy,_H", "work": "IUPAC_Gold_Book", "access_date": "2018-02-19"}),
        ('"IUPAC_Gold_Book._Standard_enthalpy_of_formation_of_water".',
         {"title": "Standard_enthalpy_of_formation_of_water", "work": "IUPAC_Gold_Book"}),
        ('"Coffee._A_history_of_the_bean".', {"title": "Coffee._A_history_of_the_bean"}),
        ('"Gold Book. The history of the gold standard in seven chapters".',
         {"title": "Gold Book. The history of the gold standard in seven chapters"}),
    ],
)
def test_free_text_fields(raw: str, expected: dict[str, str]) -> None:
    assert parse_reference_text(raw) == expected


def test_name_shared_sites() -> None:
    """A name that ends several titles of the list is their site's; one that ends a single title,
    or a title whose entry names its work, stays in the title."""
    entries = [
        {"title": "Philosophy of Time – Exactly What Is Time?"},
        {"title": "Ancient Philosophy – Exactly What Is Time?", "access_date": "28 March 2019"},
        {"title": "CityBridge – LinkNYC"},
        {"title": "Alpha – Beta Gamma", "work": "Delta"},
        {"title": "Zeta – Beta Gamma", "publisher": "Eta"},
        {"title": "Epsilon – Beta Gamma"},
        {"author": "Theta"},
    ]
    name_shared_sites(entries)
    assert entries == [
        {"title": "Philosophy of Time", "work": "Exactly What Is Time?"},
        {"title": "Ancient Philosophy", "work": "Exactly What Is Time?", "access_date": "28 March 2019"},
        {"title": "CityBridge – LinkNYC"},
        {"title": "Alpha – Beta Gamma", "work": "Delta"},
        {"title": "Zeta – Beta Gamma", "publisher": "Eta"},
        {"title": "Epsilon – Beta Gamma"},
        {"author": "Theta"},
    ]


@pytest.mark.parametrize(
    ("raw", "identifier"),
    [
        ("Martin Harwit (1998). Astrophysical concepts. Springer. ISBN 978-0-387-94943-7. Retrieved 24 November 2011.",
         "ISBN 9"),
        ('Stolz, Michael (2002), "The History", Synthese, 133 (1): 43–57, doi:10.1023/A:1020823608217, retrieved 2009',
         "doi:1"),
        ("Usher, A. P. (1929). A History of Mechanical Inventions. OCLC 514178.", "OCLC 5"),
        ("ISBN 978-0-415-96690-0. Retrieved 2012-11-25.", "ISBN 9"),
        # A DOI marked inactive no longer finds the work; another identifier still may.
        ('Gąsiorowski (2006). "Docga" (PDF). 111: 275–284. doi:10.1515/IDGF.2006.015 (inactive 2018-05-22). '
         "Retrieved 18 June 2017.", ""),
        ("{{cite journal |title=Docga |doi=10.1515/IDGF.2006.015 |doi-broken-date=2018-05-22 |pmid=123}}", "pmid=1"),
        ("Hall (2004). Physiol. 287 (5): R1009. PMID 15475497.", "PMID 1"),
        ("Smith (2010). Title. Journal. PMC3159421.", "PMC3"),
        ("{{cite book |title=Balance of Power |year=2005 |isbn=0791464016 |url=https://www.google.com/books?id=9j}}",
         "isbn=0"),
        # A journal's ISSN names no article; a link's query names a shop's page.
        ('"Hafen". Die Tageszeitung. ISSN 0931-9085. Retrieved 2019.', ""),
        ("{{cite web |url=http://skygarden.shogakukan.co.jp/owa/solc_dtl?isbn=4091265383 |title=Ranma}}", ""),
        ("{{cite web |url=https://doi.org/x |title=Page}}", ""),
        # Only the first citation of a bundle counts.
        ('Dale (2000). "Did Clinton Do It". The New York Times. Retrieved March 6, 2013. Mankiw (2008). '
         "Macroeconomics. ISBN 978-0-618-97866-6.", ""),
        ("{{cite web |url=http://a.example/x |title=A}} {{cite book |title=B |isbn=0791464016}}", ""),
        # An inactive DOI before another identifier leaves that one; a live DOI before it wins.
        ("Ames (2001). Title. doi:10.1/x (inactive 2019-01-01). ISBN 978-0-1. Retrieved 2 May 2019.", "ISBN 9"),
        ("Ames (2001). Title. doi:10.1/x. ISBN 978-0-1.", "doi:1"),
    ],
)
def test_item_identifier(raw: str, identifier: str) -> None:
    assert item_identifier(raw) == identifier


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("https://www.example.org/a/?utm_source=x&utm_medium=y", "http://example.org/a", True),
        ("https://example.org/a?id=7&fbclid=IwAR0", "https://m.example.org/a?id=7#top", True),
        ("https://example.org/index.html", "https://EXAMPLE.org/", True),
        ("https://example.org/story?id=1", "https://example.org/story?id=2", False),
        ("https://www.nytimes.com/a.html?src=CF", "https://www.nytimes.com/a.html?src=bkmk", False),
        ("https://example.org/p?ref=home", "https://example.org/p?ref=archive", False),
        # A register's pages by letter, each letter a windows-1251 byte that is no UTF-8.
        ("http://old.favt.ru/airl/index.php?idmd=%CB", "http://old.favt.ru/airl/index.php?idmd=%C1", False),
        ("https://example.org/a?q=%C3%A9", "https://example.org/a?q=é", True),
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
        # a front page names its site; a query picks one page, at the root too
        ("http://www.neighbourhood.statistics.gov.uk/dissemination/home.do", ""),
        ("https://example.org/main.jsp", ""),
        ("https://example.org/index.html", ""),
        ("https://example.org/?utm_source=feed", ""),
        ("http://www.club.example.si/?lang=en", ""),  # the site's settings
        ("http://blog.example.com/?s=ferry", ""),  # a search
        ("http://www.nkolimpija.com/?page=club&id=3", "nkolimpija.com?id=3&page=club"),
        ("https://en.wikipedia.org/wiki/Home", "en.wikipedia.org/wiki/Home"),
        ("http://www.elections.example.gov/2009/index.shtml", "elections.example.gov/2009/index.shtml"),
        ("http://x.org/a/b/home.html", "x.org/a/b/home.html"),
        ("http://www.stats.example.gov.uk/dissemination/home.do?area=12", "stats.example.gov.uk/dissemination/home.do?area=12"),
        ("http://ngonngu.net/index.php?p=193", "ngonngu.net?p=193"),
        ("https://example.org/news/homeland.html", "example.org/news/homeland.html"),
    ],
)
def test_source_url_key(url: str, key: str) -> None:
    assert source_url_key(url) == key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # The phrases are found in any letter case, and with a dotless "ı" where "i" stands.
        ('Kim, J. "A title". NEWS DAILY. RETRIEVED 3 MAY 2020.',
         {"access_date": "3 MAY 2020", "author": "Kim, J", "title": "A title", "work": "NEWS DAILY"}),
        ("Tıtle page. Site.com. Archıved from the original on 2 May 2020. Retrıeved 3 May 2020.",
         {"archive_date": "2 May 2020", "access_date": "3 May 2020", "title": "Tıtle page", "work": "Site.com"}),
        ('"Title" (in German). Site — VIA ProQuest.',
         {"language": "German", "via": "ProQuest", "title": "Title", "work": "Site"}),
        # Other wikis' retrieval phrases, a CS1 message and a dead-link mark.
        ("Seite. Verlag. Abgerufen am 3. Mai 2020", {"access_date": "3. Mai 2020"}),
        ('"Title". Work. Проверено 3 мая 2020', {"access_date": "3 мая 2020", "title": "Title", "work": "Work"}),
        ('"Title". Work. |access-date= requires |url= (help)', {"title": "Title", "work": "Work"}),
        ("Title. Work. Retrieved 3 May 2020.[dead link]", {"access_date": "3 May 2020", "url_status": "dead"}),
        # An ISO-like date whose month or day has one digit is one date, not a year and a quote.
        ("Title. Work. Retrieved 2009-11-6", {"access_date": "2009-11-6"}),
    ],
)
def test_tail_phrases(raw: str, expected: dict[str, str]) -> None:
    assert parse_reference_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A link printed after the names is neither the work nor, split at its colon, a publisher.
        ('Smith, John (2001). "Title here". BBC News. http://www.bbc.co.uk/news/x. Retrieved 3 May 2010.',
         {"access_date": "3 May 2010", "author": "Smith, John", "date": "2001", "title": "Title here", "work": "BBC News"}),
        ('"Title". https://example.org/x. Retrieved 2010.', {"access_date": "2010", "title": "Title"}),
        ('"Title". //example.org/x. Retrieved 2010.', {"access_date": "2010", "title": "Title"}),
        # A site's address alone is the work it names, as CS1 prints a website.
        ('"Title". www.example.org. Retrieved 2010.', {"access_date": "2010", "title": "Title", "work": "www.example.org"}),
        # A place and a publisher are still read as the publisher.
        ('"Title". Work. Seattle, Washington: AIAA. 2001.', {"date": "2001", "title": "Title", "work": "Work",
                                                             "publisher": "AIAA"}),
    ],
)
def test_printed_link_is_no_name(raw: str, expected: dict[str, str]) -> None:
    assert parse_reference_text(raw) == expected


def test_template_parameters_no_field_reads_are_ignored() -> None:
    params = {"title": "T", "pages": "<b>1</b>", "isbn": "978", "last": "Kim", "first": " ", "werk": "W"}
    assert normalize_template_params("cite web", params) == {"title": "T", "work": "W", "author": "Kim"}


@pytest.mark.parametrize(
    ("address", "domain"),
    [
        ("https://www.bbc.com/news?x#y", "bbc.com"),
        ("//news.bbc.co.uk/x", "bbc.co.uk"),
        ("HTTP://www.Example.COM:8080/x", "example.com"),
        # Hosts only urlsplit reads: after a user, with a tab it drops, in brackets.
        ("http://user@host.com/", "host.com"),
        ("http://a:b@c.com/x", "c.com"),
        ("http://ex\tample.com/", "example.com"),
        ("http://[::1]/", ""),
        ("web.archive.org/web/2020/http://x.com", ""),
    ],
)
def test_domain_of_an_address_is_its_hosts_registrable_part(address: str, domain: str) -> None:
    assert domain_of(address) == domain


@pytest.mark.parametrize(
    ("raw", "label", "expected"),
    [
        # A link's label opening its part, and the name of its site after it.
        ("Camera Sensor Ratings DxOMark", "Camera Sensor Ratings", {"title": "Camera Sensor Ratings", "work": "DxOMark"}),
        ("Peter Allen bluedesert.dk. Retrieved December 2, 2008.", "Peter Allen",
         {"access_date": "December 2, 2008", "title": "Peter Allen", "work": "bluedesert.dk"}),
        ("Saigon Talks Prodigy YouTube, 01/21/11.", "Saigon Talks Prodigy", {"title": "Saigon Talks Prodigy", "work": "YouTube"}),
        # No name after the label: a note, an access date, an author; a label that is the whole part,
        # ends in a dash, or is an identifier or an address; a name before the label.
        ("Dam official site (Russian)", "Dam official site", {}),
        ("County datasheet Accessed 9 Aug 2012", "County datasheet", {}),
        ("Harvard encyclopedia By Stephan Thernstrom", "Harvard encyclopedia", {}),
        ("Communique de presse - European Parliament", "Communique de presse -", {}),
        ("Constitution of Venezuela http://www.example.com/c.pdf", "http://www.example.com/c.pdf", {}),
        ("Tadeusz Piotrowski Poland World War II casualties", "Poland World War II casualties", {}),
    ],
)
def test_linked_label_beside_a_name(raw: str, label: str, expected: dict[str, str]) -> None:
    assert parse_reference_text(raw, label) == expected


@pytest.mark.parametrize(
    ("raw", "note", "author"),
    [
        ("Denver traded this selection along with running back Tatum Bell to Detroit for cornerback Dré Bly "
         "(176th overall). Smith, Michael (March 2, 2007). \"Lions trade Bly to Broncos\". ESPN.",
         "Denver traded this selection along with running back Tatum Bell to Detroit for cornerback Dré Bly "
         "(176th overall).", "Smith, Michael"),
        ("Dallas traded a second-round selection to Philadelphia for its first-round selection.Scouts, Inc. "
         "(April 28, 2007). \"NFL draft trade tracker 2007\". ESPN.",
         "Dallas traded a second-round selection to Philadelphia for its first-round selection.", "Scouts, Inc"),
        # A list of names and the parts they had is no note, nor is prose before what is not authors and date.
        ("Marcot, Roy ; edited by James W. Bequette; foreword by Arthur W. Wheaton ; chapter introductions by "
         "Richard F. Dietz ; book design by Robert L. (1998). Remington : \"America's oldest gunmaker\". Primedia.",
         None, None),
        ("The club traded this pick to the Lions for two players (2007). Remington : \"America's oldest gunmaker\". "
         "Primedia.", None, None),
        ("U.S. Department of Agriculture. Forest Service (2010). \"Trees\". USDA.", None,
         "U.S. Department of Agriculture. Forest Service"),
        ("Office for the Coordination of Humanitarian Affairs in the occupied Palestinian territory. Gaza Office "
         "(2005). \"Report\". OCHA.", None,
         "Office for the Coordination of Humanitarian Affairs in the occupied Palestinian territory. Gaza Office"),
        ("Rowling, J. K. (2001). \"Harry\". Bloomsbury.", None, "Rowling, J. K"),
    ],
)
def test_a_footnote_s_note_before_the_authors_is_told_from_them(raw: str, note: str | None, author: str | None) -> None:
    fields = parse_reference_text(raw)
    assert fields.get("note") == note
    if author is not None:
        assert fields["author"] == author


@pytest.mark.parametrize(
    ("raw", "work", "date"),
    [
        ("The Edinburgh Gazette, 26 June 1917, p. 1238. http://www.edinburgh-gazette.co.uk/issues/13107/pages/1238/page.pdf "
         "Retrieved 15 December 2011.", "The Edinburgh Gazette", "26 June 1917"),
        ("Supplement to the London Gazette, 24 August 1954, pp. 4883–4885.", "Supplement to the London Gazette", "24 August 1954"),
        ("Sports Illustrated, February 23, 1976, p. 12.", "Sports Illustrated", "February 23, 1976"),
    ],
)
def test_a_page_of_an_issue_given_by_its_name_day_and_page_is_read(raw: str, work: str, date: str) -> None:
    fields = parse_reference_text(raw)
    assert (fields["work"], fields["date"], fields.get("title")) == (work, date, None)

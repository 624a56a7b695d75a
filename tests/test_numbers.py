"""Numeric-claim detection: what is a figure, what is not, and how figures are normalised."""

from __future__ import annotations


import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from citecheck.parsers.numbers import (
    WrittenFigures,
    continues_example,
    find_numeric_claims,
    names_the_members,
    names_worked_example,
    opens_example,
    parse_number,
    quoted_words,
    significant_digits,
)


def raws(text: str, *, vague: bool = False) -> list[str]:
    return [c.raw for c in find_numeric_claims(text) if vague or c.kind != "vague"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("noted 5,800 private properties destroyed and 520 private vehicles", ["5,800", "520"]),
        ("the deaths of 1,166 servicemen", ["1,166"]),
        ("which then constituted around 22.8%: 99.8% voted in favor", ["22.8%", "99.8%"]),
        ("a desertion rate as high as 20 percent", ["20 percent"]),
        ("the Armenian losses were at US$2 billion.", ["US$2 billion"]),
        ("donating $1 million to the Armenia Fund", ["$1 million"]),
        ("a fund of €25 million", ["€25 million"]),
        ("Six hundred servicemen had stayed on", ["Six hundred"]),
        ("approximately a dozen injured in Stepanakert", ["a dozen"]),
        ("Ninety-one civilians have been killed", ["Ninety-one"]),
        ("one hundred and fifty people", ["one hundred and fifty"]),
        ("reported 700每1,000 militants had been sent", ["700每1,000"]),
        ("between 700 and 1,000 militants", ["700 and 1,000"]),
        ("1.5 million Armenians were killed", ["1.5 million"]),
        ("destroyed one Tochka-U missile launcher", ["one"]),
        ("including 4 S-300 and 25 9K33 Osas", ["4", "25"]),
        ("1500 soldiers crossed the river", ["1500"]),
        ("Seven journalists have been injured.", ["Seven"]),
        ("the average age is approximately 20 years old", ["20"]),
        ("Windows runs on 1.5 billion devices", ["1.5 billion"]),
        ("Later 40 soldiers were wounded there.", ["40"]),
        ("Sales saw a rise of +5% in 2010.", ["5%"]),
        ("Manufacturing sales totaled $79.4 Billion.", ["$79.4 Billion"]),
        ("up to 1300 Syrian militants and a 5,000-strong community", ["1300", "5,000"]),
        ("the storm had winds of 185 km/h and was 5km wide", ["185", "5"]),
        # shares in words
        ("about three-quarters of the population and two-fifths of the votes", ["three-quarters", "two-fifths"]),
        ("a third of the votes; around half were killed; cut by two-thirds.", ["a third", "half", "two-thirds"]),
        ("five-eighths of the land and five eighths of the sea", ["five-eighths", "five eighths"]),
        # a count of a series' members, not a place in it
        ("He led the race 187 of 200 laps and won the heat 3 of 4 times", ["187", "200", "3", "4"]),
        ("He led the race 150 of 200 as the leader; Smith led Race 87 of 90 laps", ["150", "200", "90"]),
        ("He won 7 of 18 races; Game 4 of the season drew 20 million viewers; part 1 of 2 million copies",
         ["7", "18", "20 million", "2 million"]),
        ("20 Class 37 locomotives, 12 Class A shares, the 12 class members, 30 classes", ["20", "12", "12", "30"]),
        ("The school bought 30 violins for 2 orchestras; he owned 3 cellos and 2 violins", ["30", "2", "3", "2"]),
        # terms served, possessives, units, dated spans
        ("He is a six-term incumbent who served during his four terms.", ["six", "four"]),
        ("It flew at Mach 0.75 and emitted 316.9 Mt of CO2, 100–180 Mt per year.", ["0.75", "316.9", "100–180"]),
        ("The lineages split around 8 million years ago.", ["8 million"]),
        ("at least one dog, and destroyed one launcher", ["one", "one"]),
        ("Two soldiers were killed and two civilians may have died.", ["Two", "two"]),
        ("the 980 ships and 1,200 men", ["980", "1,200"]),
        ("more than 105 000 lonely people and 8\u00a0000 adults", ["105 000", "8\u00a0000"]),
        # units, Greek prefixes and conditions do not make a statement mathematics
        ("Powell won the 100 m in 9.84 seconds, then 9.95 s.", ["9.84", "9.95"]),
        ("Below pH 2.2 the α-amino group is charged; cracks start at 10 μm.", ["2.2", "10"]),
        ("If hydrocarbons are excluded, growth has been estimated at 4.8%.", ["4.8%"]),
        ("a range doubled every 2\u00e2\u0080\u00933 years", ["2\u00e2\u0080\u00933"]),
        ("which have around hundred national monuments", ["hundred"]),
        ("B\u00e1\u00bb\u00a5t gave to him forty magic words", ["forty"]),
        # a year is not the first figure of a range; bare 0 and 1 count nothing; in mathematics
        # only counts of more than ten with their noun are figures
        ("from 8.9 per 1,000 inhabitants in 1981 to 9.6 per 1,000 in 2003.", ["8.9", "9.6"]),
        ("The rate was 1.0 and the score was 0.0 but 1.5 liters.", ["1.5"]),
        ("Each matrix here has 10 rows and another has 11 rows; its eigenvalue is 12.", ["11"]),
        ("Two ganglia at the head end were removed from 40 specimens.", ["40"]),
        # a small count in words is a figure for people, casualties, events, measures,
        # estimates, ranges and dated or named reports
        ("The attack killed two civilians and wounded three.", ["two", "three"]),
        ("Schumacher won seven world titles.", ["seven"]),
        ("The wall has at least four layers; the trip takes three hours.", ["four", "three"]),
        ("A processor detects traffic from one to eight cameras.", ["eight"]),
        ("In 2018 the government agreed to close ten coal mines.", ["ten"]),
        ("The attack killed two civilians, a man and a woman.", ["two"]),
        ("Rebels fired more than three rockets.", ["three"]),
        ("There were at least two attempts on his life, and at least three bombs exploded.", ["two", "three"]),
        ("Temperatures reached 90 degrees in July; the ship turned 45 degrees to port.", ["90", "45"]),
        ("As a consequence, more than half the population is now living in the cities.", ["half"]),
        ("Albedos in visible light range from up to 0.9 for fresh snow to about 0.04 for charcoal.", ["0.9", "0.04"]),
        ("BCT – Bidirectional Control Thyristor – In 2004 it killed two soldiers.", ["two"]),
        ("Two of the largest producers in North America are located in central and north-central Alberta.", ["Two"]),
        ("Five of Canada's fourteen UNESCO sites lie in the province: Banff, Jasper, Yoho, Kootenay and Waterton.",
         ["Five"]),
        # a year before "vs" dates a match ("Goal of the Year: 2010 vs. Andorra"); a count stays one
        ("FAI International Goal of the Year: 2010 vs. Andorra", []),
        ("Turnout was 2100 voters vs 1900 the year before.", ["2100"]),
        # a station by its frequency and its name; a share of listeners stays a figure
        ("102.4 Wish FM will carry commentaries of Wigan matches.", []),
        ("102.4 Wish FM reached 12.5 per cent of listeners.", ["12.5 per cent"]),
        # a tournament of so many nations, by name; a count of nations stays a figure
        ("4 Nations Cups", []),
        ("The 2011 3 nations tournament was held in Perth.", []),
        ("England won the Six Nations in 2003.", []),
        ("The treaty was signed by 4 nations in 1990.", ["4"]),
        # an age grade names a side, an award or its players; an age stays a figure
        ("Doyle initially played for the club's under 18 side but made his debut in 2001.", []),
        ("FAI Under 21 International Player of the Year: 2005", []),
        ("He captained the Under-21s in 2004.", []),
        ("Nick Evans played for Falcons Under 21 in 2003.", []),
        ("He represented Queensland Under 19, New Zealand Under 15 and Under 16.", []),
        ("Under 20 people attended the first meeting.", ["20"]),
        ("The fund raised Under 19.5 million in 2010.", ["19.5 million"]),
        ("In 2000, 21.4% of residents were under 18 years of age.", ["21.4%"]),
        ("In 2000, 21.4% were under 18, and 9.1% were 65 or older.", ["21.4%", "18", "9.1%", "65"]),
        ("Three more episodes, already in production, were released directly to DVD in 2006.", ["Three"]),
        ("Several massacres (e.g. one in 1992 that killed 613 civilians) occurred.", ["613"]),
        ("Radio France runs five national radio stations.", ["five"]),
        # a bare 0 or 1 is no figure, but a 1 with a noun counts; a line drawn in a dated condition
        ("The shelling killed 1 civilian.", ["1"]),
        ("In 2019, if less than half the members attended, the vote failed.", ["half"]),
        # a small count of people named by their occupation, or with a half
        ("The club has two violinists.", ["two"]),
        ("The band has two comedians.", ["two"]),
        ("The recipe needs three and a half cups of flour.", ["three"]),
        ("Two-thirds approved the plan.", ["Two-thirds"]),  # a verb after a share shows it stands alone
        # a number after a verb or a rank; a count of people; a class named apart from the model;
        # a definition's measures and larger thresholds; a division in the past of a dated report
        ("Vehicles certified to carry 20 passengers; it went on to reach 800 career wins.", ["20", "800"]),
        ("It peaked at number 6; the army lost 12 tanks and the police 5.", ["6", "12", "5"]),
        ("Of the 300 men of Sparta, the 500 people in the town and the 6 states shown.", ["300", "500", "6"]),
        ("He moved to a 40 acre ranch with a 300 horsepower engine and a 12 member crew.", ["40", "300", "12"]),
        ("Cho wanted a 30 share of the firm.", ["30"]),
        # after a preposition or a copula: a verb, an adverb, a counted noun or a unit that follows
        ("Casualties were reported 200; the toll is nearing 300 and is reportedly 310.", ["200", "300", "310"]),
        ("A sample from which 30 were drawn; among them, the 300 died later.", ["30", "300"]),
        ("Of the 40 tanks in the town, the 20 bacteria in the sample and the 30 nuclei in the cell.",
         ["40", "20", "30"]),
        ("Five of the country's fourteen sites lie in the province: Banff, Jasper, Yoho, Kootenay and Waterton.",
         ["fourteen"]),
        ("In sector 40 soldiers died. The current in coil 5 mA rose. The wall at site 20 foot high fell.",
         ["40", "5", "20"]),
        ("In 1945 the Allies divided the city into four sectors, and a wall now divides it.", ["four"]),
        ("The GSX-R250 was made as a road legal 250 cc racing bike.", ["250"]),
        ("A tropical savanna is a grassland biome with rainfall between 750 and 1,270 mm a year.", ["750 and 1,270"]),
        ("A heart rate less than normal is called bradycardia (<60 in adults).", ["60"]),
        ("Every year, 5 climbers die; an aardwolf pair may have up to ten dens.", ["5", "ten"]),
        ("Following Lee's death in 1987, Samsung was separated into five business groups.", ["five"]),
        ("The victorious powers divided the city into four sectors, like the zones Germany was divided into.", ["four"]),
        ("Albania is home to two World Heritage Sites (Berat and Gjirokastër are listed together).", ["two"]),
        # an address's street word after a figure that is no house number
        ("He finished 22 places ahead; the town has 300 streets and a 40 km avenue of trees.", ["22", "300", "40"]),
        # "either", "both" and "between" before a pair of numbers label nothing
        ("Lunar calendars appeared, with years of either 12 or 13 lunar months (either 354 or 384 days).",
         ["12", "13", "354"]),
        # distances, counts and legs beside what names races, age groups and ties
        ("The lake lies 800 m and the pass 1500 m above the valley; it spreads over 2000 m.", ["800", "1500", "2000"]),
        ("Over 35 people died; under 45 Doubles players entered; the dog lost two legs.", ["35", "45", "two"]),
        # a ratio of three terms, also broken after a colon, is one ratio
        ("The synthesis uses a 2:1:1 mixture of keto acid, aldehyde and ammonia, or a 2: 1:1 one.", []),
        # chapter and verses with a spaced dash, as a table of passages gives them; a word after
        # the dash's number makes it a figure of its own
        ("Adam to Noah 5:1 - 32", []),
        ("Shem to Terah 11:10 - 26", []),
        ("The vote was 5:1 - 32 members stayed away.", ["32"]),
        # "around" where the verb places the count, not where it estimates it
        ("The basic premise for concurrent engineering revolves around two concepts.", []),
        ("In 1990 the firm had around two plants; it sold around two million copies.", ["two", "two million"]),
        # a size in inches is a figure outside a release's formats
        ('The vinyl sleeve shows a 12" screen, and 7" of rain fell.', ["12", "7"]),
        # a size after "split" or "double" is a record's only as the title's last word
        ('The board is a double 12″ wide, with a split 7″ long.', ["12", "7"]),
        # a number among names is a figure where another item is a figure too, or the list has
        # one other name, or the number's item holds more words
        ("France, 12, Germany, 8", ["12", "8"]),
        ("Sanger, 454 (,Solexa ?)", ["454"]),
        ("In Britain, 454 died, Germany, Italy", ["454"]),
        ("Sanger, 454, 454, Solexa", ["454", "454"]),
        ("April 30 - Helen Chandler, 59, American actress, Dracula, The Last Flight", ["59"]),
        ("The dead were named as John Smith, 45, Mary Smith and Tom Brown.", ["45"]),
        ("Medals went to Kenya, 12, Ethiopia and Uganda.", ["12"]),
        ("Scores: Team A1, 120, Team B2 and Team C3.", ["120"]),
        ("Helen Chandler, 59", ["59"]),
        # a temperature, a number after "the mid" that is no decade's, a count after "the late"
        ("Highs in the mid 60's °F and the late 70's F", ["60", "70"]),
        ("Temperatures were in the mid 30.", ["30"]),
        ("The late 5 minutes were played.", ["5"]),
        # a number word before a people's name, a brand or a thing in the singular, in a sentence
        ("The raid killed nine Taliban.", ["nine"]),
        ("Egypt ordered twenty-four Rafale.", ["twenty-four"]),
        ("nine Rafale", ["nine"]),
        ("Nine Networks", ["Nine"]),
        # a plural, a currency after a people's word, more words after the name, or words before the number
        ("14 Red Eagles", ["14"]),
        ("14 Angolan Kwanza", ["14"]),
        ("14 Red Eagle hauled it", ["14"]),
        ("It had 14 Red Eagle", ["14"]),
        ("3 Swiss", ["3"]),
        ("100 Yen", ["100"]),
        ("24 Hour", ["24"]),
        # a distance with another bracket after it is a measure
        ("a 60 metres (indoor track) hall", ["60"]),
        ("The complex has a 200 m (indoor) track and a 400 m (outdoor) track.", ["200", "400"]),
        ("Two Soldiers", ["Two"]),
        # German capitalises every noun: a figure before one stays a figure
        ("rund 45 Kilometer", ["45"]),
        ("Tickets went to the winners, 454, Solexa and SOLiD", ["454"]),
        ("The assembler reads Ion torrent, 454, Solexa", ["454"]),
        ("454, most Solexa, SOLiD", ["454"]),
        # a weight, a range of weights and a count before a polymer
        ("Fighters weigh 60-70 kg; it holds 6 nylon ropes.", ["60-70", "6"]),
        # a measure in feet, a polymer's tonnage or share, a signed change of weight, a range's end
        ("Mature plants grow 3' to 5' tall.", ["3", "5"]),
        ("Output was cotton 4,000 tonnes and nylon 12,000 tonnes, nylon 30% of it.", ["4,000", "12,000", "30%"]),
        ("Weight change after the 2015 refit: −120 kg.", ["120"]),
        ('A polyvinyl 12" sheet, and a polyvinyl, 10″ one.', ["12", "10"]),
        ("Output was nylon 12 million tonnes, and the rope is nylon 20lbs heavier.", ["12 million", "20"]),
        ("The new chassis is lighter (−45 kg) than its predecessor.", ["45"]),
        # German notation
        # distances walked or run; a plural with an apostrophe
        ("He ran 5 km to the station.", ["5"]),
        ("The nearest school is a 2.5 km walk from the village.", ["2.5"]),
        ("The station is a 3 km walk away; he went on a 3 mile run.", ["3", "3"]),
        ("Results: 2.5 km men 14 min.", ["2.5", "14"]),  # a decimal's tail is no race's distance
        ("Highs were in the 60's and 70's F.", ["70"]),
        ("Die Stadt hat 22.000 Einwohner und 1,9 Millionen Besucher.", ["22.000", "1,9 Millionen"]),
        ("Die Temperatur beträgt 9,5 °C und 13,9 % sind evangelisch.", ["9,5", "13,9 %"]),
    ],
)
def test_figures_are_found(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # dates and times
        "On 27 September, Azerbaijani authorities restricted internet access.",
        "Clashes began on the morning of 27 September 2020 along the Line of Contact.",
        "It happened on September 27, 2020 and again on 2020-09-27.",
        "filmed some time between October 9每15.",
        "captured between 9 and 15 October and later executed.",
        "on 28th October 2020 they marched.",
        "Just before 04:00 (00:00 GMT) the ceasefire began; at 3 p.m. it ended.",
        "In a 27 September interview, he spoke.",
        # years
        "The war ended with a ceasefire in 1994.",
        "the Nagorno-Karabakh War (1988每1994).",
        "the 2020每21 UEFA Nations League C home matches",
        "Ethnic violence began in the late 1980s, in the 21st century.",
        "the 2016 Nagorno-Karabakh clashes; the 2016 clashes; in 1994 troops left",
        "Hurricane Isabel (2003) as seen from orbit",
        # ordinals and designations
        "in the 4th Army Corps and the 1st Brigade",
        "T-72 tanks, an S-300, Mi-24 attack helicopters, Su-25s and F-16s",
        "increased cases of COVID-19 in Nagorno-Karabakh",
        "the Bayraktar TB2 and the 9K33 Osa",
        "a BM-27 Uragan and a KS-19 gun",
        "Windows 10 was released, then Windows 8.1",
        "during Expedition 7 of the International Space Station",
        "a Category 5 hurricane",
        # page, section and list numbers
        "see p. 12 and pp. 3–5, section 3.2.1, chapter 4",
        "1. The first item of a list",
        "File:InShot 20201020 202248937.webmPlay media",
        # pronoun one, determiners, compounds, relative time
        "owing to one of the defendants",
        "No one was hurt; One analyst predicted it.",
        "the two sides agreed; both of the two countries",
        "a 30-day truce and a two-thirds majority, a one-sided fight",
        "Three days later, the NSS stated it.",
        "during the first five days of the clashes",
        "For three decades, violations occurred; in the last 25 years too.",
        "Date27 September 2020 (2020-09-27) 每 present (1 month and 3 days)",
        "banned men aged over 18 from leaving",
        # eras, ratios, addresses, labels, versions
        "Alexander arrived in 330 BCE; the Normans in AD 1066.",
        "This gave Britain a 4.5:1 manpower advantage.",
        "The club moved to 201 E. Ontario Street.",
        "Police Headquarters, located at 805 Bedford St. in Downtown Stamford",
        "Bing opened a new gallery at 22 rue de Provence; the house at 29 avenue Rapp followed.",
        "The party's seat is at 4 rue de l'Eau, and its office at 22 rue d'Alsace.",
        "The shop is at 9 rue d’Alsace.",
        "Doorway at 24 place Etienne Pernet, Paris",
        "300, Takatsuka-cho, Minami-ku, Hamamatsu City",
        "1–2, Utari, Shiratori-cho, Toyokawa-shi, Aichi.",
        "Zlatich, Marko. General Washington's Army (2)",
        "a version number of 3.11 was released; all editions of Windows 8, 8.1 and RT",
        "the seasons of 1900 to 2005 were studied",
        "the virtual 8086 mode of the processor",
        "it consists of two school types and three components",
        "Greek colonies (750-550 BC); abortions per 1000 women; Guadeloupe +590",
        "A vacuum aspiration. 1: Amniotic sac 2: Embryo",
        "In the aftermath of the 9/11 attacks, open 24/7.",
        "die geographische Lage: 52° 31′ 7″ nördliche Breite; Die A 111 führt nach Hamburg",
        "It spread between 15,000 and 10,000 BC; from 1980 through 2008 males voted.",
        "compulsory for any child above 4 years of age; two commonly used methods",
        "Aussicht auf die Straße des 17. Juni, abgerufen am 2. August 2013",
        "Powell was formerly the 100 m world record holder and ran the 4 x 100 m relay.",
        "He won silver in the 4×100 m and bronze in the 200 m final.",
        # years and identifiers
        "Note, 2001 statistics do not include the north.",
        "Germany within its 1937 borders; in 2010 dollars",
        "He was in the Class of '94 at the school.",
        # a decade after "the" and the part of it
        "a tender built starting from the mid 60's.",
        "from the mid-60's on, and in the early 80's",
        "during the late 70’s and early 80's",
        # a capitalised number word opening a name of one singular word, alone in a cell
        "Nine Network",
        # a number and the name it numbers, alone in a cell
        "14 Red Eagle",
        "97 Union Station",
        "82 Mount Rainier Terminal",
        "Exposure to 1,3-butadiene and 2,4-D is regulated.",
        "Employers must comply with 29 U.S.C. § 654, 5(a) and 410 U.S. 113.",
        "The Gang of 10 met in Paris.",
        "The empire was divided in 843. Vladimir the Great (980–1015) ruled.",
        "Air France flight 447 crashed; HTTP status 404 came back.",
        # page cites and list labels glued to prose
        "The crew landed after the storm.:16",
        "Noss & Carpenter (1994):5; the post-tensioning.:26:10",
        '"in the system properties.": 612',
        "It has the: 1) root cause, 2) immediate antecedent, 3) object support",
        "From left to right: 1. Band-e Amir; 2. Salang Pass; and 4. Kajaki Dam",
        "Bamboo seeds bunch 03",
        # names
        'the "Three Friends of Winter" and "Four Gentlemen"; Joey ten Berge',
        # definitions and mathematics
        "the formula n = 3 and x2 + y2, where t > 0 and (n − 1)-dimensional",
        "Its characteristic polynomial is 1 − λ3, whose roots are λ1 = 1.",
        "The numbers Î»1, Î»2 are the eigenvalues.",
        "its eigenvalue is 1 and the eigenvectors are n by 1 matrices",
        "If A were a triangle, then A would have three sides.",
        "2 H2O + 2 NADP+ + 3 ADP + 3 Pi + light → 2 NADPH + 2 H+ + 3 ATP + O2",
        "labelling at the 5' end and the 3′ blocker",
        # pronoun one, generic counts, the latter two
        "one cannot say; if one wants it, one often sees it",
        "the chains grow one nucleotide at a time; a staff with one end sharpened",
        "two or more species; the distance between two points; any two leads",
        "Consider the following two statements; the latter two were",
        "The principle states that two species cannot coexist indefinitely.",
        "heat exchangers can be destroyed by just one freeze",
        "reduce the intensity of the gamma rays by one half (the half value layer)",
        # headers, fractions that qualify a noun
        "Total GDP (nominal) (billion US$)",
        "a third time, a two-thirds majority, the first half of the century, a half-brother",
        "He played at five-eighth; the Five-eighth kicked the goal",
        "Race 7 of 18 in the 2008 Formula One season; 2006 UCI ProTour, race 17 of 27; Part 2 of 3",
        "The 90 class are a class of diesel locomotives, like the 82 class; the 5000 metres Track Walk",
        "No. 12 in D major (for 2 oboes); Concerto (for 1 or 2 solo violins, 2 violins, viola and basso continuo)",
        "Part 2 of 3 is set in Rome; the suite is scored for 3 flutes, 2 oboes and 2 clarinets",
        "Suppose a 10,000 kg space probe is sent to Mars.",
        "If, for example, a project estimate was $1,252,000 for a scope.",
        "For example, if the power factor were as low as 0.7, the power would be 1.4 times more.",
        "For instance, when two applications share data, errors result; even assuming 100% efficiency",
        "ESPN broadcast round two matches; the following release, 4.0, shared code.",
        'Aristotle\'s "four cause" theory; the word means "three stars"',
        "The roots of the characteristic polynomial are 2, 1, and 11.",
        "a distribution with compact support (the support being {0})",
        "The values of z are 10/1 = 10 and 15/3 = 5 respectively.",
        # figure numbers, page ranges, verses, selections
        "Tumblers (1, 12), Fantails (13), and Pouters (14) by selective breeding.",
        "2, stabilizing selection: intermediate favoured over extremes.",
        "Studia Demograficzne, No. 1/87, 1987. 103-36 pp. Warsaw; nr 1-2, s.",
        "the causation theory from Sutra I.2.I,2 in the Vaisheshika philosophy",
        "for bar tendons).\u201384 A T-shaped section",
        "New Zealand's six largest cities and the 500 largest companies",
        "As another example, consider a distribution which returns exactly the value 3.5.",
        "Bottom 20% of incomes; the top 1% of earners",
        "Abortion percentage: number of abortions out of 100 known pregnancies",
        "فيثاغورس (حوالي 570 - حوالي 495 قبل الميلاد)",
        "4 . War Emigration; the owner of 620 N. Michigan; no two electrons may share a state",
        'The waste hierarchy refers to the "3 Rs": reduce, reuse and recycle.',
        "Selection can overcome drift when s is greater than 1; take all r so that arc > 0.",
        # German ordinals
        "Sie wurde am 20. gegründet, im 19. und 20. Jahrhundert.",
        "km² (Rang: 14. als Land, 1. als Gemeinde) und die Stadt",
        "It lies between latitudes 44° and 53° N (articles 154–159), the 5–6th year.",
        # generic small counts in words, code, numeral bases, meanings of words
        "In human cells, DNA is found in two cellular locations.",
        "A triangle has three sides; the peak splits into two peaks.",
        "A rooted bifurcating tree has exactly two descendants at each node.",
        'It is run as binom.test(8, 10, alternative="two.sided"), a two sided test.',
        "Tallying is base 1 counting; normal counting is done in base 10.",
        'The nones (meaning "nine") and Quinquagesima (meaning 50).',
        # identifiers and data of chemistry: registry numbers, locants, subscripts, molecular weights
        "Mono-ethylene glycol (MEG) CAS No.: 107-21-1",
        "Synonym: 1,2 ethanediol, sum formula: C6H4(COOH)2, mol. weight: 166.13",
        # values quoted in passing: made up, typical of a kind, a physical constant
        "Cells of, say, 100 km of width and 100 m of height.",
        "Above the domestic AC mains supply (e.g. 50 Hz or 60 Hz), faster thyristors are needed.",
        "Fields propagate at the speed of light, approximately 300 thousand kilometers (or 186 thousand miles) a second.",
        # a keyword covers its whole range; the years of a life or a dynasty
        "All subjects were male postal truck drivers aged 40 to 59.",
        "Al-Khalil (717–786) wrote it during the Tang Dynasty (618–907).",
        # a small count that lists its members, a threshold between kinds
        "This phylum has been divided into two subphyla - Haploviricotina and Polyploviricotina.",
        "The deposits occur in three formations, which are the Upper, the Middle and the Lower Coal Measures.",
        "Two notable examples of salt lakes are the Aral Sea and the Great Salt Lake.",
        "Visitors like it. The park is divided into three zones: the North Shore; the Central Valley; "
        "and the East Ridge.",
        "The phylum (as revised) has two subphyla, Haploviricotina and Polyploviricotina.",
        "The phylum has two subphyla, Haploviricotina and Polyploviricotina; both infect plants.",
        "After a long and careful search lasting many years and many trials, the society set up two labs, "
        "one at Oxford and the other at Cambridge.",
        "For ordinal variables with more than two values, there are the ordered logit and probit models.",
        # arithmetic and equations
        "the sum of the rest mass of the individual nuclei = 6.015 + 2.014 = 8.029 u;",
        "so 1 u c² = 931.49 MeV.",
        "= 931.49 MeV,",
        # the bounds of a scale from 0 to 1; the cases 1, 2, 3 and 4
        "The transfer is loss-free when the power factor is 1; the other side then reads 0.",
        "Measurements are converted to values between 0 and 1 by seeing where they fall on a triangle.",
        "An approximation of a square wave by taking the first 1, 2, 3 and 4 terms of its Fourier series.",
        # a glossary entry's definition; a notation broken off by a copy's layout
        "MCT – MOSFET Controlled Thyristor – It contains two additional FET structures for on/off control.",
        "In this symbolic representing of a nuclear reaction, lithium-6 (6",
        # a number after a noun names one of its kind; a figure repeating a model's name; a
        # book's section; the first half of a suspended compound
        "N2 is the number of turns in coil 2, induced by the current in coil 1.",
        "No side is preferred as medium 1 and no side as medium 2.",
        "These ligands include Toll-like receptors 9 and 7 (which can bind DNA).",
        "Monday will be day 1, Tuesday day 2.",
        "A couple of years later the 250 cc GSX-R250 was released.",
        "The basis for the rule (Atkins and de Paula, justification 6.1) is an equilibrium.",
        "Matching enables the hybrid coil (2- to 4-wire conversion) to operate.",
        # statements about every member of a kind, definitions, mathematics
        "Every homogeneous system has at least one solution.",
        "Any probability distribution on R has at least one median.",
        "A field is a ring with the property that all the elements excluding 0 form a group.",
        "Other sources define thyristors as devices that incorporate at least four layers.",
        "Because they contain at least one phosphate group, the compounds marked are all nucleotides.",
        "CIM implies that there are at least two computers exchanging information.",
        "It is liquid-state sintering in which at least one but not all elements are in a liquid state.",
        # a right angle, a half or a full turn, in degrees or in grads
        "It features a vertical circle which is graduated through the full 360 degrees.",
        "The angles should read 90° (100 grad) when horizontal, or 270° (300 grad) when transited.",
        "In contrast, a rooted multifurcating tree may have more than two children at some nodes.",
        "Similarly, a rooted tree may have more than two children.",
        "  Every homogeneous system has at least one solution.",
        "The root is a node of degree 2 (where \"degree\" refers to the number of edges).",
        "The median of an exponential distribution with rate parameter λ is the logarithm of 2 divided by it: λ−1 ln 2.",
        "They lie within 31/2 ≈ 1.732 standard deviations of each other.",
        "0–1 integer programming is the case of integer programming with binary variables.",
        "Landau diamagnetic susceptibility is equal to minus one third of Pauli's.",
        # the parts a division makes, counts that name their members, conditions, instances
        "Cytokines have been divided into two groups: Helper T-cells type 1 or type 2.",
        "Checkpoint Proteins can be separated into four groups: PI3K, PCNA, two serine kinases and adaptors.",
        "During allopatric speciation, a population splits into two geographically isolated populations.",
        "In 1932 they used protons against lithium-7, to split the nucleus into two alpha particles.",
        "The dsRNA viruses belong to one additional order (Totiviridae).",
        "The coal lies in three Miocene formations, which are the Upper, the Middle and the Lower; so the survey's count.",
        "The coal lies in two Miocene formations, the Upper and Lyell's Lower.",
        "Two proteins control the transport of calcium: the InsP3-receptor that binds it; and the ryanodine receptor.",
        'They deduce "If a body A is in equilibrium with two bodies B and C, then B and C are in equilibrium".',
        "These work orders have estimates such as 2 electricians for 8 hours.",
        "Bioterrorism; e.g. 2001 Anthrax attacks",
        # a made-up case, a condition in mathematics, set notation, a term abbreviated, a vague range
        '(For instance, "If you sell x tickets, then your profit will be 3x − 10 dollars".)',
        "If the string is approximated with 100 discrete mass points one gets 100 coupled differential equations.",
        "There are 4 possible pairs: {0,0}, {0,1}, {1,0}, and {1,1}.",
        "The 1930s saw the introduction of automatic 3-term (PID) controllers.",
        "You will know anywhere from a couple of terms to a hundred terms.",
        # a number naming one thing
        "With a Heinz ketchup glass bottle, one taps the 57 circle on the neck.",
        "The club was located behind the 620 building which was home to art dealers.",
        "The OH group is reacted with an isocyanate in a 2 component system producing coatings.",
        # races, an age group's event and a tie's format named with a figure
        "He broke the world records for the indoor 5000 m, outdoor 5000 m and outdoor 10,000 m.",
        "60 metres (indoor)",
        "400 m (Outdoor), 200 m (indoor); 800 m (indoor)",
        "5000 metres, 10,000 metres",
        "Two miles (indoors)",
        "She won the Legends Under 45 Doubles and the Over 35 Singles.",
        "Hull qualified from their semi-final against Watford over two legs.",
        # a regulation, an atomic number, a circuit's corner, the digits named, a bibliographic
        # volume and pages: identifiers, not figures
        "a quality system in place as specified under 21 CFR 829 regulation.",
        "Georges Urbain claimed to have found element 72 in rare-earth residues.",
        "In 1952, element 100 (fermium) was found in the debris.",
        "He spun and hit the wall after the chicane at turn nine.",
        "Massa overtook both through the hairpin at turn ten as his rivals struggled.",
        "Turn 3 is the slowest corner of the circuit.",
        "The Arabic numeral glyphs 0-9 are encoded in ASCII.",
        "Mémoire sur l'emploi CR Acad. Sci. Paris, t. XVII, 449–458 (1843) credited as originating",
        # an opus number; designations listed with their name left out; a wheel arrangement
        "Dominant sevenths in Chopin's Mazurka in F Minor (1849), op. 68, no. 4.",
        "Lead-211, -212, and -214 are present in the decay chains of uranium.",
        "The launchers were installed on ZiS-6 6×4 trucks.",
        # idioms: one after another, any two of a kind
        "He published one important mathematical treatise after another.",
        # a ranking's name, its superlative alone before a mark
        "100 Prettiest - siblings (with Alex Gonzaga)",
        "All thermometers must agree as to which of two bodies is the hotter.",
        # a ring system's bridges
        "It forms spiro-[5.4]decane and bicyclo[2.2.2]octane.",
        # a polymer's name; a weight class
        "Nylon 6 and nylon 6,6 are common.",
        "He became Benelux Muay Thai -70 kg Champion and won the +100 kg title.",
        # a record's size among a release's formats
        'vinyl, 12", Promo',
        'CD, 7" and 12" single',
        # a split or double single named by its size
        "Megadeth/LTJ split 7″",
        "split 7″, double 12″; split 10″",
        "AAA/LTJ split 7″ (Europe)",
        "Crash Course in Being an Asshole double 7″",
        # a step's number in a series, each number with its full stop
        "repeat step 2. and 3. until only one fragment is left",
        # a number as one item of a list of names
        "Sanger, 454, Solexa",
        "Illumina, SOLiD, Sanger, 454",
        "454, Solexa, SOLiD",
        "platforms such as Illumina, SOLiD and 454",
        "platforms such as Illumina, SOLiD or 454",
        "Platforms (Sanger, 454, Solexa) were used.",
        'CD single, CD maxi, 7" maxi, digital download',
        # a class named by its number; a knockout stage's name
        "All were built by Beyer-Peacock, the 52 Class and 60 Class.",
        "R1 = Round 1 (Round of 32)",
        # races by distance and field, a meet by its distance
        "Opening ceremony 500 metres women 3000 metres women",
        "5 km walk (road)",
        "Mexican 100 km Championships",
        # a number in the possessive before a name: an award's category
        "20's Male Movie Star",
    ],
)
def test_non_claims_are_skipped(text: str) -> None:
    assert raws(text) == []


def test_kinds_values_and_nouns() -> None:
    claims = find_numeric_claims(
        "92 Azerbaijani and 40 Armenian civilians killed, 22.8% of voters, US$2 billion, "
        "700–1,000 militants, hundreds of Syrian fighters"
    )
    assert [(c.raw, c.kind) for c in claims] == [
        ("92", "count"), ("40", "count"), ("22.8%", "percent"), ("US$2 billion", "money"),
        ("700–1,000", "count"), ("hundreds", "vague"),
    ]
    assert claims[1].noun == "Armenian civilians"
    assert claims[4].value == 700 and claims[4].high == 1000
    assert claims[5].value is None and claims[5].noun == "Syrian fighters"


def test_shares_are_percentages_and_german_figures_are_normalised() -> None:
    claims = find_numeric_claims("about three-quarters of the votes and a third of the seats")
    assert [(c.kind, c.value) for c in claims] == [("percent", 75.0), ("percent", pytest.approx(33.33))]
    (half,) = find_numeric_claims("Around half of the voters stayed home.")
    assert (half.kind, half.value) == ("percent", 50.0)
    german = find_numeric_claims("Die Stadt hat 22.000 Einwohner und 1,9 Millionen Besucher.")
    assert [c.value for c in german] == [22000, 1.9e6]
    assert [c.value for c in find_numeric_claims("more than 105 000 lonely people")] == [105000]
    assert german[0].noun == "Einwohner"


def test_a_decimal_point_is_read_as_such_outside_german_texts() -> None:
    assert [c.value for c in find_numeric_claims("They lie within 1.732 standard deviations.")] == [1.732]
    assert [c.value for c in find_numeric_claims("The efficiency is 0.637 and costs rose to 2.400 million.")] == [
        0.637, 2.4e6]
    assert [c.value for c in find_numeric_claims("Die Stadt hat 1.732 Einwohner.")] == [1732]


def test_german_nouns_stop_at_function_words() -> None:
    (claim,) = find_numeric_claims("Es gibt 16 Bundesländer mit eigener Verfassung.")
    assert claim.noun == "Bundesländer"
    (claim,) = find_numeric_claims("Der Stab ist mit rund 3.700 Mitarbeitern besetzt und zuständig.")
    assert claim.noun == "Mitarbeitern"


def test_spans_index_the_text() -> None:
    text = "Reports said 5,800 homes and six hundred cars were destroyed."
    for claim in find_numeric_claims(text):
        assert text[claim.start:claim.end] == claim.raw


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,166", 1166), ("1166", 1166), ("ninety-one", 91), ("5 thousand", 5000),
        ("2.5 million", 2.5e6), ("22.8%", 22.8), ("US$2 billion", 2e9), ("a dozen", 12),
        ("one hundred and fifty", 150), ("two dozen", 24), ("$5bn", 5e9), ("Six hundred", 600),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_parse_number_without_a_number() -> None:
    assert parse_number("no figure here") is None
    assert parse_number("") is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_inside(text: str) -> None:
    for claim in find_numeric_claims(text):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start:claim.end] == claim.raw


@pytest.mark.parametrize(
    ("text", "named", "opens"),
    [
        ("As an example, we will calculate the median of 1, 6, 2.", True, False),
        ("In the example above we assumed 50% power.", True, False),
        ("An example for a definitive estimate might be a 90% confidence.", True, False),
        ("For example, with 14 values the index is 7.5.", False, True),
        ("Models now run at 1 km (e.g. at the DWD).", False, False),
        ("Consider the multiset { 1, 2, 2, 2, 3, 14 }.", True, False),
        ("If, say, 22% of the observations are of value 2 or below, the median is 3.", True, False),
        ("This can be calculated by reference to a table of masses, as follows:", True, False),
        ("Thus, for a pin that must have a sliding fit in its hole, the dimension may be spec'd as 12.00 mm.", True, False),
        ("Thus, for a town that had 12,000 residents in 1990, the levy would be collected monthly.", False, False),
        ("For a company that employs 50 people, the law requires a safety officer.", False, False),
        ("For example if the annual inflation rate for the month of January is 5% and it is 4% in the month "
         "of February, the prices disinflated by 1%.", True, True),
        ("Similarly, if a candidate's share of the vote is 15% or more, the deposit is returned.", False, False),
        ("For example, if the rate was 5% in 2008, prices rose.", False, True),  # a report told as a condition
        ("For example, if the rate was 5% last January, prices rose.", False, True),  # … in the past
        ("For example, if Smith is 5 points ahead in Ohio, he wins.", False, True),  # a case of someone
        ("For example if the rate is 5% in January 2008, it rose.", False, True),  # in a year
        ("For example, if two flanking markers are used at an interval of approximately 20cM, there is "
         "higher probability (99%) for recovery.", False, True),  # the figure is the outcome of a practice
    ],
)
def test_worked_example_openings(text: str, named: bool, opens: bool) -> None:
    assert (names_worked_example(text), opens_example(text)) == (named, opens)


@pytest.mark.parametrize(
    ("text", "continues"),
    [
        ("Start by sorting the values: 1, 2, 5, 7, 8.", True),
        ("In this case, the median is 5 since it is the middle observation.", True),
        ("Therefore, the median is 4.", True),
        ("Expressed differently: the mass is reduced by 0.3%.", True),
        ("Comparison of common averages of values { 1, 2, 2, 3, 4, 7, 9 }", True),
        ("u), the deuterium has 2.014 u, and the helium-4 nucleus has 4.0026 u.", True),
        ("The median household income was $41,000 in 2010.", False),
        ("In 2004 the mine produced 24.9 million tons.", False),
    ],
)
def test_statements_that_carry_an_example_on(text: str, continues: bool) -> None:
    assert continues_example(text) is continues


def test_a_decimal_before_million_keeps_its_point() -> None:
    [claim] = find_numeric_claims("About 2.4 million people were displaced by the floods.")
    assert claim.value == 2_400_000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name with a capital inside is a name, whatever its length; a short lowercase unit is not
        ("The iPhone 4 was released in June.", []),
        ("The iOS 14 update was released in June.", []),
        # a possessive before a figure: straight, curly and plural
        ("He visited Canada's 14 UNESCO sites.", ["14"]),
        ("He visited Canada’s 14 UNESCO sites.", ["14"]),
        ("He sold the Smiths' 3 cars.", ["3"]),
        # a word that introduces a count, with its abbreviating point
        ("Approx. 200 were killed.", ["200"]),
        # a capitalised word opens a sentence after a full stop or a bracket, not in its middle
        ("The war ended. Later 40 soldiers were wounded there.", ["40"]),
        ("(Later 40 soldiers were wounded.)", ["40"]),
        ("He bought Windows 10 licenses for the office.", []),
        ("Windows 8.1 devices were sold.", []),
        # a contest's part named by its number, opening a sentence before a plural
        ("Pool 1 winners", []),
        ("Heat 3 winners advance to the final.", []),
        ("The pool had 12 winners.", ["12"]),
        ("Pools 12 winners", ["12"]),
    ],
)
def test_a_capitalised_word_before_a_figure(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range that runs down to a three-digit number is no range of years: ages before an age unit
        ("The rocks formed 1200–800 Ma ago.", ["1200–800"]),
        # a range of years up to 2199 stays years even before a plural noun
        ("Many 1914–1918 veterans joined the party.", []),
        ("Many 2100–2199 veterans joined the party.", []),
        ("Many 2100–2200 veterans joined the party.", ["2100–2200"]),
        # a bracketed range of three-digit years needs a name before it and the bracket closed after
        ("Attendance ranged widely (450–600).", ["450–600"]),
        ("Tang (618–907) ruled China.", []),
        ("Charlemagne (742–814) was crowned emperor.", []),
        ("In 843 the empire was divided.", []),
        # the years run from 1000 to 2199
        ("In 1000 pilgrims travelled to Rome.", []),
        ("Its 2200 soldiers surrendered.", ["2200"]),
        # a noun that dates its data makes the number before it a year
        ("Official 2011 statistics show a rise.", []),
        ("Not only were the official 1956 scores withheld.", []),
        # an edition of an event by its year and place, and the link to its page
        ("2014 Sochi details", []),
        ("1998 Nagano details", []),
        ("1300 Syrian militants crossed the border.", ["1300"]),
        # the last of a series of years that a word of time opens
        ("Pines were put on display for the 1968 and 1969 seasons.", []),
        ("It was held in 2004, 2005 and 2006 editions.", []),
        ("Between 1500 and 1600 soldiers were killed.", ["1600"]),
        ("The two earthquakes resulted in 1200 and 1500 deaths, respectively.", ["1500"]),
        ("In 1999, 2000 and 2100 units were sold.", ["2100"]),
        ("The band toured behind its 1987 and 1991 albums.", []),
    ],
)
def test_what_reads_as_a_year(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words after a count name its members, before an adverbial of time or place
        *((f"The firm was founded by three college students, Jerry Baldwin, Gordon Bowker, and Zev Siegl, {word} 1971.",
           []) for word in "in on at from during after before until since".split()),
        ("The firm was founded by three college students, Jerry Baldwin, Gordon Bowker, and Zev Siegl, inside Seattle.",
         ["three"]),
        # members in brackets may be common nouns, but not figures, nor remarks of more than three words
        ("The company operates 3 plants (cement, steel and glass).", []),
        ("The company operates 3 plants (cement, steel, or glass).", []),
        ("The company operates 3 plants (cement, steel, 2nd glass).", ["3"]),
        ("The company operates 2 plants (Leeds and North East Lincolnshire).", []),
        # a member's other name in one word, in brackets, is part of the member
        ("Buses operate out of three operating divisions: Emeryville, East Oakland (Seminary), and Hayward.", []),
        # "those being" after a semicolon opens the members; not a remark on them, nor people counted
        ("Officials announced three associate sponsors of the event; those being Audi, Gant, and Hertz.", []),
        ("Officials announced three sponsors; those being the best they could find.", ["three"]),
        ("Three soldiers were killed; those being Smith, Jones and Brown.", ["Three"]),
        # the years that a count of years or seasons names are its members; not another count's
        ("This time the Timbers lasted only two years, 1989 and 1990, before folding.", []),
        ("The club played two seasons, 1989 and 1990.", []),
        ("The club played two friendlies, 1989 and 1990.", ["two"]),
        ("The club lasted two years, 1989, 1990 and 1991.", ["two"]),
        # a possessive counts only between the count and its members, and only with the whole's count
        ("For the 1990 World Cup, two of the team's more experienced players, Rick Davis and Hugo Perez, were "
         "injured.", []),
        ("For the 1990 World Cup, two of the team's 22 players, Rick Davis and Hugo Perez, were injured.",
         ["two", "22"]),
        ("ECAC teams won two of the three American Women's College Hockey Alliance championships, New Hampshire "
         "and Harvard.", ["two"]),
        ("The firm was founded by 3 college students, Jerry Baldwin, Gordon Bowker and Zev Siegl, in the city's market.",
         []),
        ("The band recorded 2 albums there, Revolver and Sgt Pepper's Lonely Hearts Club Band.", []),
        # members one to a clause after a colon, in a statement with an abbreviation before the count
        ("In St. Louis the lab studies 3 pathways: the InsP3 receptor that releases calcium; the ryanodine receptor "
         "in muscle; and the NAADP channel.", []),
        # a digit held in a name by a letter does not stop the opening; a figure of its own does
        ("Three Bamberg players are in the U20 squad: Johannes Thiemann, Alexander Engel and Alina Hartmann.", []),
        ("And five Bamberg U16 players compete at international level: Daniel Keppeler, Noah Kamdem, Leon "
         "Kratzer, Saskia Beringer and Anne-Katrin Landwehr.", []),
        ("Three Bamberg players are in the 20-man squad: Johannes Thiemann, Alexander Engel and Alina Hartmann.",
         ["Three", "20"]),
        ("He took three wickets in 20 overs: Smith, Jones and Brown.", ["three", "20"]),
        ("Three soldiers of the B52 crew were killed in the raid: Smith, Jones and Brown.", ["Three"]),
        # a bracket on a member's name, at any length, is the member's; the count's own bracket is not
        ("Roddick has two older brothers, Lawrence and John (All-American tennis player at the University of "
         "Georgia and head coach at Central Florida).", []),
        ("They had two children together: Marte (born 1996) and Erik (born 2000).", []),
        ("The Sea (in four volumes, covering physical oceanography, seawater and geology) was published.", ["four"]),
        ("The Grey Lady is the first ghost met by the original three Ghostbusters (Ray, Egon, and Peter).", []),
        # one of a pair placed apart from "the other" is a pronoun; "another" adds a second
        ("He located one at Feltman's Beer Garden, and the other at Young's Pier.", []),
        ("Messi scored one in the 12th minute and another in stoppage time.", ["one"]),
        # a clause that a conjunction opens ends the members; "as well as" joins them
        ("The games follow two young boys, Jack and Ryu, as they adventure through Chinaland.", []),
        ("The games follow three young boys, Jack and Ryu, as they adventure through Chinaland.", ["three"]),
        # noun phrases in apposition to the counted noun, to the sentence's end, are its members
        ("Monitoring the lysozyme showed two conformations, an open active site and a closed inactive site.", []),
        ("Monitoring the lysozyme showed three conformations, an open active site and a closed inactive site.",
         ["three"]),
        ("The attack killed two people, a woman and a child.", ["two"]),
        ("The drought in Kenya lasted two years, the worst in a century and the longest since records began.",
         ["two"]),
        ("The drought lasted two consecutive years, the worst in a century and the longest on record.", ["two"]),
        # works counted with a word on them, and named by their quoted titles
        ('The album gave fans two instant hits in "Look What Happened" (which got airplay) and their hometown '
         'anthem, "Gainesville Rock City".', []),
        ('The album gave fans three instant hits in "Look What Happened" and "Gainesville Rock City".', ["three"]),
        # members given by their numbers, a range counting each of its numbers, a name after a number
        ("A fleet of 15 locomotives (nos. 86215/217/218/220/221/223/230, 86232/235/237/238/246/250/252/257) "
         "was inherited.", []),
        ("EWS inherited 15 locomotives (nos. 86208/210/239/241/243/254/261, 86401/416/417/419/424-426/430).", []),
        ("EWS inherited 10 locomotives (nos. 86401-6, 86430/431/432/433).", []),
        ("EWS inherited 4 locomotives (Nos. 86401–86403 & 86430).", []),
        ("EWS inherited 4 locomotives (numbers 86401/402/403/430).", []),
        ("The fleet stood at two operational locomotives, these being nos. 86235 \"Crown Point\" and 86246 "
         "\"Royal Anglian Regiment\".", []),
        ("Network Rail acquired three locomotives (nos. 86210/253/424) in 2004.", []),
        ("Two locomotives, nos. 86426/430, were reinstated.", []),
        ("A fleet of 16 locomotives (nos. 86215/217/218) was inherited.", ["16"]),
        ("Network Rail acquired four locomotives (nos. 86210/253/424) in 2004.", ["four"]),
        ("EWS inherited 60 locomotives (nos. 86001-86060).", []),
        ("EWS inherited 60 locomotives (nos. 86060-86001).", ["60"]),
        ("The album gave fans two very early songs in \"Look What Happened\" and \"Gainesville Rock City\".", []),
        # an ordinal on the way to the members is no figure of its own
        ("The Medici ruled Italy through their two famous 16th century popes, Leo X and Clement VII, who were rulers.",
         []),
    ],
)
def test_a_count_that_names_its_members(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit defined by another: "a(n)/one <unit> (<symbol>) is/equals (exactly) <figure>"
        ("A minute (min) is 60 seconds in length.", []),
        ("An hour is 60 minutes.", []),
        ("One mile equals 1,609 metres.", []),
        ("A foot equals exactly 0.3048 metres.", []),
        ("A week is 7 days, and a fortnight is 14 days.", []),
        ("A light-year is 9,460,730,472,580.8 km.", []),
        ("A kilobyte is 1,024 bytes.", []),
        # "the (SI) <unit> is/was (now) defined as", "defines the <unit> as"
        ("The second is defined as the duration of 9,192,631,770 periods.", []),
        ("The SI metre was defined as 1,650,763.73 wavelengths in 1960.", []),
        ("The kilogram is now defined as 1,000 grams of something.", []),
        ("SI defines the second as 9,192,631,770 cycles.", []),
        ("The acre is defined as 4,840 square yards.", []),
        # a length of one particular day, and a unit that is no subject, still measure
        ("The day is 12 hours long in March.", ["12"]),
        ("A day trip is 40 km long.", ["40"]),
    ],
)
def test_a_unit_defined_by_another(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # members after a colon straight after the count, and a year or an abbreviation inside a member
        ("The course taught two: reading and writing.", []),
        ("He wrote two novels, Alpha (1925) and Beta (1931).", []),
        ("The town has two parks, Alpha (V) and Beta.", []),
        # members described after a colon: a phrase of up to eight words, each opening with a word
        ("The plan set two goals: reducing the running costs of the whole firm and improving service.", []),
        ("The plan set two goals: 5 mills and improving service.", ["two", "5"]),
        # a score: equal numbers, a result's word before it (also opening the text); a count of things
        ("The unit lost 4–4 tanks.", ["4–4"]),
        ("Armenia lost 1–2 to Spain.", []),
        ("won 1–2", []),
        # a race's first two places taken by one team
        ("It was the team's only win and 1-2 finish.", []),
        ("Mercedes took a 1–2 finish at Monza.", []),
        # a model's number after "the", also opening the text, also after a word qualifying the
        # models; not after a word picking some of a run, which counts
        ("The 916 model family sold well.", []),
        ("It grew out of the road-going 851 and 888 models.", []),
        ("All were 4-8-2+2-8-4, except the 57 and 58 classes.", []),  # a pair of classes by number
        ("The school ran the 57 classes this term.", ["57"]),  # one number: a count
        ("The network aired the original 3 series between 2001 and 2005.", ["3"]),  # a word, but no pair
        ("The first 3 series were broadcast on the BBC.", ["3"]),
        # labels in a series after their noun, with no noun or unit after the last; a series that
        # ends in one counts
        ("The arterial system arises from aortic arches 3, 4 and 6 (aortic arch 5 regresses).", ["5"]),
        ("The plants grew 3, 4 and 6 inches.", ["3", "4", "6"]),
        # an ellipsis joining the parts of a title, not one leaving words out
        ("AFI's 100 Years…100 Movies - #70", []),
        ("AFI's 100 Years...100 Thrills - #8", []),
        ("He waited... 100 people died.", ["100"]),
        ("Costs rose...500 workers were laid off.", ["500"]),  # no title's capitalised words around it
        # a legend's step number before a dash and a capital (also as decoded twice); a range stays
        ("2 – The pupa is now spewing the thread to form cocoon", []),
        ("3 \u00e2\u0080\u0093 The cocoon is fully formed", []),
        ("5 - 10 people attended.", ["5 - 10"]),
        # a version that bounds the versions spoken of
        ("Under versions of Linux before 2.6, all driver execution was co-operative.", []),
        ("The town grew before 2.6 million people lived there.", ["2.6 million"]),
        # a sum that names a banknote or a coin; a bill to pay stays a figure; a four-digit
        # group after a sum is no thousands group ("$10 1915": the note's series year)
        ("He paid with a $20 bill and two 5 euro notes.", []),
        ("$10 1915 Kansas City District Federal Reserve Bank Note.", []),
        ("He faced a £85,000 tax bill and a $300 bill.", ["£85,000", "$300"]),
        ("He was billed a $500 Medicare bill in 2019.", ["$500"]),  # an issuer names a note, not a bill
        ("It fell from $10 1915 to nothing.", ["$10"]),
        # an identity number after "numbers", of three digits or opening the text; a month's day range;
        # a time zone after GMT
        ("The isotopes with mass numbers of 59 are stable.", []),
        ("The talks ran from May 5 to 7 in Geneva.", []),
        ("Its most common isotope has mass number 238.", []),
        ("Atomic number 27 makes it cobalt.", []),
        ("The city keeps GMT+2 in summer.", []),
        # designations listed with their name left out are names; numbers after a minus with no
        # designation before them, and a count after the designations, stay figures
        ("The Boeing 737-700 and -800 carry 150 passengers.", ["150"]),
        ("The readings were 3, -5 and -10 degrees.", ["3", "5", "10"]),
        # a case set up in a condition of four words; a name after its first comma is no part of it
        ("If it costs $5, a buyer of two pays $10.", []),
        ("If the reading is 0.10 mm, the Smith gauge reads 5 mm, and so on.", []),
        # an event's distance only closing a cell before "details"; a time on the 24-hour clock,
        # not hours of running; a house number after a comma before a postcode and a city's
        # name, not before an abbreviation nor without the comma; "cal" only before millimetres
        ("Women's 500 metres; 500 metres details", []),
        ("500 metres details the route", ["500"]),
        ("The attack began at 0600 hours.", []),
        ("The engine is overhauled at 1500 hours of running.", ["1500"]),
        ("The fund paid, 151 12000 EUR in grants.", ["151"]),
        ("Of the fleet 12 40000 Series cars remain.", ["12", "40000"]),
        ("Star 1914 cal 7,65mm", []),
        # the numero sign numbers a thing; a count in digits names its members up to twenty
        ("September 30, 1945 Friendly № 247", []),
        ("The 15 founders of FIDE: Abonyi (Hungary), Grau (Argentina), Gudju (Romania), Marusi (Italy), Nicolet"
         " (Switzerland), Ovadija (Yugoslavia), Penalver (Spain), Rawlins (Great Britain), Rueb (Netherlands), Skalicka"
         " (Czechoslovakia), Smith (Canada), Towbin (Poland), Tschepurnoff (Finland), Vincent (France), Weltjens"
         " (Belgium).", []),
        ("The 21 founders of FIDE: A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T and U.", ["21"]),
        # … but not people, over twelve: the count stays a report
        ("The 13 officers were: Abe, Bo, Cy, Di, Ed, Fa, Gus, Hal, Ian, Jo, Kay, Lu and Mo.", ["13"]),
        ("The bar has cal 200 per serving.", ["200"]),
    ],
)
def test_lists_scores_model_names_masks_and_set_up_cases(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # signed values in a row (an element's oxidation states), also with a copy's mojibake minus
        ("\u22124, \u22122, \u22121, +1, +2, +3, +4 (an amphoteric oxide)", []),
        ("\u00e2\u0088\u00924, \u00e2\u0088\u00922, \u00e2\u0088\u00921, +1, +2 (an oxide)", []),
        # a pair running down, its dash a copy's mojibake, as the dash itself: no range
        ("Crack in 90\u00e2\u0080\u009310 Cu\u00e2\u0080\u0093Ni metal plate", []),
        ("Ranges of 70\u00e2\u0080\u009371% N2 are used.", ["70\u00e2\u0080\u009371%"]),
        # a fineness named by its nines is a grade; nine fine things are counted
        ("Silver of three nines fine is used in bullion bars.", []),
        ("He bought nine fine wines.", ["nine"]),
        # a share restating its statement's parts of a whole or a per-mille grade; not a figure's share
        ('For example, an alloy containing 75% gold is denoted as "750".', []),
        ("An alloy with 75% (18 parts per 24) pure gold by mass.", ["18"]),
        ("Of 1000 soldiers, 900 (90%) died.", ["1000", "900", "90%"]),
        # a unit set equal to another, "thus" between; a fraction of a unit glossed in digits
        ("A newton is thus equal to 100,000 dynes.", []),
        ('It worked in "tenths" (ten-thousandths of an inch, 0.0001") every day.', []),
        ("It was cut to tenths of a millimetre, 0.5 mm apart.", ["0.5"]),
    ],
)
def test_notations_that_restate_or_label(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said the price was "over $5 million".', True),  # a figure with no noun, ending the quotation
        ("The deal was worth \u201cover $5 million\u201d to him.", True),  # curly quotation marks
        ("The deal was worth over $5 million to him.", False),
    ],
)
def test_a_figure_inside_a_quotation(text: str, quoted: bool) -> None:
    [claim] = find_numeric_claims(text)
    assert quoted_words(claim, text) is quoted


def _mask_spans(text: str, groups: tuple[str, ...]) -> list[tuple[int, int]]:
    from citecheck.parsers import numbers

    return [match.span() for match in numbers._masks_for(groups).finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "It began at 3 p.m. and ended at 9 pm on the 50 cc class day.",  # a clock, an engine class
        "The summit, 52° 31′ 7″ N, is cited at 103-36 pp. of the survey.",  # coordinates, pages
        "the 4×100 m relay and the 100 m final",  # distances that name races
        "Greco-Roman — Middleweight <82 kg, Heavyweight (+100 kg)",  # weight classes
        "Founded in 330 BCE, under 29 U.S.C. § 654, at UTC+8.",  # an era, a law, a time zone
        "at 620 N. Michigan and 201 E. Ontario Street, 22 rue de Provence, 300, Takatsuka-cho",  # addresses
    ],
)
def test_the_masks_of_a_text_are_found_with_the_groups_its_words_allow(text: str) -> None:
    from citecheck.parsers import numbers

    groups = numbers._mask_groups(text, numbers._words(text))
    assert groups and _mask_spans(text, groups) == _mask_spans(text, numbers._MASK_GROUPS)
    assert _mask_spans(text, ()) != _mask_spans(text, numbers._MASK_GROUPS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 .,:-–°′″'\"NSEWBCADUTGMpmkcxa×StreuvKgrdlhoy", max_size=40))
@example('A polyvinyl 12" sheet')  # "vinyl" only inside a word: no media word
@example("a 12-inchvinyl press")  # a format's word glued to the size: no media word either
def test_a_text_s_mask_groups_leave_out_only_alternatives_that_cannot_match_in_it(text: str) -> None:
    from citecheck.parsers import numbers

    groups = numbers._mask_groups(text, numbers._words(text))
    assert _mask_spans(text, groups) == _mask_spans(text, numbers._MASK_GROUPS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count beside a regulation's, an element's, a turn's or a volume's words stays a figure
        ("Some 21 CFR firms were inspected.", ["21"]),
        ("Of these elements, 90 occur naturally.", ["90"]),
        ("In turn, 40 soldiers were killed.", ["40"]),
        ("He will turn 18 next year.", ["18"]),
        ("In Band XII, 30 people (1901) signed it.", ["30"]),
        ("He won 2 Best Actor awards and 2 Best in Show awards.", ["2", "2"]),
        ("It owned 12 Class A office buildings and sold 300 Class B shares.", ["12", "300"]),
        ("The depot had 20 Class 37 locomotives, 12 Class-A sheds and 2,000 Class 08 shunters.", ["20", "12", "2,000"]),
        ("Over 2,000 Class rings were sold.", ["2,000"]),
        ("They taught 20 class sessions a week.", ["20"]),
        ('The skirt measures 36" maxi length; the 12" maxi length fits.', ['36', '12']),
    ],
)
def test_names_beside_counts_leave_the_counts(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ('Yorkshire Engine Company "Janus" 0-6-0', []),  # a builder's row, the arrangement closing it
    ("In 1932 the 4-8-4 K class was introduced.", []),
    ("It was a 0-6-0T tank engine.", []),
    ("The railway bought six 2-6-0 locomotives.", ["six"]),
    ("The class of 1988 finished 2-4-2 in the league.", ["2-4"]),  # a school class's record
    ("The engine produced 2-4-6 horsepower.", ["2-4"]),
    ("Algeria bought 30 4-6-2+2-6-4 Garratts.", ["30"]),  # an articulated engine's two groups
    ("All were of the 4-8-2+2-8-4 type.", []),
    ("The 14 GE class 4-8-2+2-8-4s were diverted to Assam.", ["14"]),  # the engines of an arrangement
    ("The 2-8-0 Garratts and the 0-6-0T were sold.", []),
    ("The team went 2-4-2 + 3 wins in the cup.", ["2-4", "3"]),  # "+" spaced: no articulated engine
    ("With a goal difference of +3, they finished 2-4-2", ["2-4"]),  # a record closing the text
    ("0-4-0T (oil fired)", []),  # a tank engine's arrangement, its tank glued on
    ("0-4-0 Diesel Mechanical", []),  # a diesel's, its drive after it
    ("The railway bought two 0-6-0 diesel-hydraulic shunters and a 0-6-0PT.", ["two"]),
    ("The team went 4-6-2 with an electric offense.", ["4-6"]),  # a record, the word further on
])
def test_a_wheel_arrangement_is_read_only_of_locomotives(text: str, expected: list[str]) -> None:
    assert [claim.raw for claim in find_numeric_claims(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He played Dmitri on the sixth season of the hit Fox show 24.", []),
    ("Adele released the album 21 in 2011.", []),
    ("She starred in the film 300 with Butler.", []),
    ("He appeared in the show 24 times.", ["24"]),  # a count of what follows
    ("The series ran for 5 seasons.", ["5"]),
])
def test_a_work_named_by_a_number_is_no_figure(text: str, expected: list[str]) -> None:
    assert [claim.raw for claim in find_numeric_claims(text)] == expected


@pytest.mark.parametrize(
    ("text", "works", "teaching"),
    [
        ("This comes to 63 MJ/kg (15 kcal/g).", True, False),
        ("So people at the bottom of a hill will get about 3 bars more.", True, False),
        ("Thus, to make 1 g of glucose requires the CO2 of a room.", True, False),
        ("So a DSO would have a 500 Ms/s sample rate.", True, False),
        # the capitals of an acronym, a name's letters before a word, and "us" are no units
        ("So the firm shipped 300 ATMs.", False, False),
        ("So it reached 12 TV stations.", False, False),
        # a conclusion drawn from a finding is no calculation
        ("Thus, there were two photosystems, one absorbing up to 600 nm wavelengths.", False, True),
        ("This means 3 of us were left.", False, False),
        ("Since the mass of the earth is 5.972 kg, this would imply 4360 million gigatonnes of carbon.", True, False),
        ("The equator moves at 0.5 km/s, giving an upper limit of 73.4 km/s.", True, False),
        # a count or a share only in a text that teaches
        ("Thus, 1 CO2 molecule is produced for every 2 molecules of O2.", True, True),
        ("Thus, 1 CO2 molecule is produced for every 2 molecules of O2.", False, False),
        ("So the frequency correction is 1% for a tube.", True, True),
        ("So the frequency correction is 1% for a tube.", False, False),
        ("So the firm closed 120 stores and sold 40 more.", False, False),
        # money, spans of time, dated statements and other openings stay reports
        ("Thus the company lost $40 million that quarter.", False, True),
        ("Thus the siege lasted 40 days.", False, True),
        ("So far 300 tonnes were shipped.", False, False),
        ("Consequently, he missed more than 5 match weeks.", False, True),
        ("So-called 300 tonnes were shipped.", False, False),
        ("Thus, by 1993, this balance was cut to 9 tonnes.", False, False),
        ("The mill makes 300 tonnes a day.", False, False),
    ],
)
def test_a_statement_that_works_out_its_figures(text: str, works: bool, teaching: bool) -> None:
    from citecheck.parsers.numbers import works_out

    claim = find_numeric_claims(text)[-1]
    assert works_out(claim, text, teaching) is works


def test_the_figures_a_statement_starts_from_are_not_worked_out() -> None:
    from citecheck.parsers.numbers import works_out

    text = "Since the mass of the earth is 5.972 kg, this would imply 4360 million gigatonnes of carbon."
    assert not works_out(find_numeric_claims(text)[0], text, teaching=True)


def test_a_worked_out_count_of_people_stays_a_report() -> None:
    from citecheck.parsers.numbers import works_out

    text = "Thus 40 civilians were trapped in the town."
    assert not works_out(find_numeric_claims(text)[0], text, teaching=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the grades a school teaches, after its name and a dash, or in brackets beside another's from K
        ("West Oak Middle School - 5-8", []),
        ("Mundelein High School - 9-12", []),
        ("Grace Academy (K-8) and Indio Christian Center (1-12)", []),
        # not a count of pupils, nor numbers past the twelfth grade
        ("Lincoln School - 3-5 pupils", ["3-5"]),
        ("Pass rates rose at Lincoln High – 5–8% a year.", ["5–8%"]),
        ("Enrollment grew at Lincoln Academy: 3–5 a year.", ["3–5"]),
        ("The school - 300-500 pupils", ["300-500"]),
    ],
)
def test_a_schools_grades(text: str, expected: list[str]) -> None:
    assert raws(text) == expected


def test_a_count_after_a_phrase_of_time_or_place_stays_a_count() -> None:
    assert raws("Officials said that after independence 300 were executed.") == ["300"]
    assert raws("He won after 16 laps.") == ["16"]


def test_decimal_coordinates_of_a_coordinates_template_are_no_figures() -> None:
    assert raws("Mundelein is located at 42°16′N 88°0′W (42.2650,-88.0047).") == []
    assert raws("The village lies at 42°15′54″N 88°0′17″W / 42.2650; -88.0047.") == []
    assert raws("The pKa values are 2.148, 7.198 and 12.319.") == ["2.148", "7.198", "12.319"]
    assert raws("In the trial the estimates were (12.345, 67.891) for the two groups.") == ["12.345", "67.891"]



def test_a_catalogue_s_first_entry_may_run_on_into_the_next_statement() -> None:
    claim = find_numeric_claims("There were 2 serials.")[0]
    assert names_the_members(claim, ("Done to", "Death (1972), a mystery; Death Can Be Fatal (1975), a chase"))
    assert not names_the_members(claim, ("Done to", "Death (1972), a mystery; and more"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2,100 fans and a cost of $2.1m", 2100.0),
        ("2,100 fans and a cost of $2.1m", 2_100_000.0),
        ("Die größten Produzenten sind Hersteller von chemischen Erzeugnissen (8,2 Mrd.), Ernährungsindustrie (2,3 Mrd.)",
         8_199_999_999.999999),
        ("a route of 0.086 miles", 0.086),
        ("between 10 and 12 km", 12.0),
    ],
)
def test_a_figure_s_value_is_among_the_digits_of_its_text(text: str, value: float) -> None:
    assert any(figure.value == value or figure.high == value for figure in find_numeric_claims(text))
    assert WrittenFigures([text]).holding(value) == [0]


@pytest.mark.parametrize(
    "text",
    ["8 1⁄2 in", "1½ miles", "3/4 of the vote", "10⁶ cells", "٢٠٠ men", "two to 3 million", "3 dozen eggs",
     "2dozen eggs", "1 and a half miles", "Two-thirds, 40 of them", "5million or 3 dozen", "ONE to 5"],
)
def test_figures_whose_digits_are_written_otherwise_may_hold_any_value(text: str) -> None:
    assert WrittenFigures([text]).holding(885_000.0) == [0]


@pytest.mark.parametrize(
    ("text", "value", "other"),
    [("two thousand fans", 2000.0, 3000.0), ("a third of the seats", 33.33, 25.0),
     ("some twenty-five men arrived with their 2.5 million dollars", 25.0, 35.0),
     ("a dozen eggs were bought in 1990", 12.0, 1990.5), ("It had 242,500 members", 242_500.0, 885_000.0),
     ("It had 2.5million members", 2_500_000.0, 3_000_000.0),
     # a number word beside a digit that does not change its digits: a power of ten, or a word
     # far from any digit
     ("2 million fans came; later, many more", 2_000_000.0, 885_000.0),
     ("It had 242,500 members and later some twenty more joined", 20.0, 885_000.0)],
)
def test_figures_in_words_or_digits_are_told_by_their_values(text: str, value: float, other: float) -> None:
    written = WrittenFigures([text])
    assert written.holding(value) == [0] and written.holding(other) == []


def test_a_text_s_digits_and_words_rule_out_a_value_they_do_not_write() -> None:
    written = WrittenFigures(["It had 242,500 members in 1990; over the next decade two hundred more joined, and the "
                              "fund held 2.5 million."])
    assert written.holding(885_000.0) == [] and written.holding(2_500_000.0) == written.holding(200.0) == [0]
    assert significant_digits(0.0) == ("",)


def test_the_texts_that_may_hold_a_value_are_found_among_many() -> None:
    texts = ["It had 242,500 members.", "In 1885 it had 80 members.", "Some 885,000 came.", "Nothing counted here.",
             "eight hundred and eighty-five thousand people", "3/4 of them", "In 0.885 million homes",
             "two to 3 million"]
    written = WrittenFigures(texts)
    # The digits "885" of 1885 and of 0.885 million are only candidates: the figures are read after.
    assert written.holding(885_000.0) == [1, 2, 4, 5, 6, 7]
    assert written.holding(242_500.0) == [0, 5, 7]
    assert written.holding(0.0) == list(range(len(texts)))
    assert WrittenFigures([]).holding(1.0) == []


def test_the_texts_that_may_hold_a_value_come_in_their_order() -> None:
    texts = ["Nothing counted."] * 34
    texts[1], texts[33] = "It had 885 members.", "3/4 of them"  # the second may hold any value
    assert WrittenFigures(texts).holding(885.0) == [1, 33]


@given(st.integers(min_value=1, max_value=10**12), st.integers(min_value=0, max_value=3),
       st.sampled_from(["{}", "${}", "{} km", "{}%", "{}m tonnes", "€{}bn"]), st.booleans())
@settings(max_examples=300, deadline=None)
@example(82, 1, "€{}bn", False)
def test_every_figure_in_digits_keeps_its_value_s_digits(number: int, places: int, form: str, grouped: bool) -> None:
    written = f"{number / 10 ** places:{',' if grouped else ''}.{places}f}"
    text = f"The club had {form.format(written)} of them."
    written = WrittenFigures([text])
    for figure in find_numeric_claims(text):
        for value in (figure.value, figure.high):
            if value is not None:
                assert written.holding(value) == [0], (text, value)


def test_every_figure_of_the_fixture_articles_keeps_its_value_s_digits() -> None:
    """Checked on every statement of real articles, in every format: a statement whose digits
    rule out a value holds no figure of it."""
    from pathlib import Path

    from citecheck.parsers import parse

    formats = {".wiki": "wikitext", ".txt": "text", ".html": "html"}
    folder = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
    checked = 0
    for path in sorted(folder.iterdir()):
        if path.suffix not in formats:
            continue
        doc = parse(path.read_text(encoding="utf-8", errors="replace"), formats[path.suffix], path=str(path))
        written = WrittenFigures([stmt.text for stmt in doc.statements])
        for i, stmt in enumerate(doc.statements):
            for figure in find_numeric_claims(stmt.text):
                for value in (figure.value, figure.high):
                    if value is not None:
                        checked += 1
                        assert i in written.holding(value), (stmt.text, value)
    assert checked > 1000

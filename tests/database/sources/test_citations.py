"""Reading the sources a footnote cites: kinds, people, organisations, dates, places, locators,
and a fingerprint that recognises one source cited in several footnotes.

The seed's notes are read from the shared folder; every other footnote here is written for the
test in the styles the reports used over the years (no published text is copied)."""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path

import pytest

from landmine_monitor.database.sources.citations import (
    KINDS,
    Citation,
    fingerprint,
    ibid_locator,
    is_ibid,
    parse_footnote,
)

SEED = Path(__file__).resolve().parents[4] / "shared" / "seed" / "000_309f5905dcc51e13.txt"
D = datetime.date


@pytest.fixture(scope="module")
def notes() -> dict[int, list[Citation]]:
    """The seed's footnotes, parsed, by number."""
    if not SEED.is_file():
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"the seed report is not at {SEED}")
    found = {}
    for line in SEED.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\[(\d+)\s*\]\s*(.*)$", line)
        if match:
            found[int(match.group(1))] = parse_footnote(match.group(2))
    assert sorted(found) == list(range(1, 16))
    return found


def one(citations: list[Citation]) -> Citation:
    assert len(citations) == 1, citations
    return citations[0]


# --------------------------------------------------------------------------------------------
# The seed


def test_seed_1_is_a_press_item_from_geneva(notes):
    c = one(notes[1])
    assert c.kind == "press"
    assert c.organisation.startswith("Jiji Press")
    assert c.place == "Geneva"
    assert c.date == D(1997, 9, 15) and c.date_text == ""


def test_seed_2_is_a_telephone_interview_with_a_named_diplomat_and_his_mission(notes):
    c = one(notes[2])
    assert c.kind == "telephone-interview"
    assert c.person == "Kim Sam Jong"
    assert c.organisation.replace("’", "'") == (
        "Permanent Mission of the Democratic People's Republic of Korea to the UN in New York"
    )
    assert c.date == D(1999, 2, 24)
    assert c.place == "Tokyo"  # "Landmine Monitor/Tokyo"


def test_seed_3_and_4_are_ibid(notes):
    assert notes[3] == [] and notes[4] == []


def test_seed_5_is_a_telephone_interview_without_a_space_after_mr(notes):
    c = one(notes[5])
    assert c.kind == "telephone-interview"
    assert c.person == "Ri Thae Gun"
    assert c.organisation == "Permanent Mission of the DPRK to the UN in Geneva"
    assert c.date == D(1999, 3, 1)


def test_seed_6_is_a_database_with_its_url(notes):
    c = one(notes[6])
    assert c.kind == "database"
    assert c.title == "Mine Web" and c.organisation == "U.S. Department of State"
    assert c.url == "http://www.mineweb.org/mfacts"


def test_seed_7_is_a_database_kept_by_a_named_sergeant(notes):
    c = one(notes[7])
    assert c.kind == "database"
    assert c.title == "CFSME Mine Database 96"
    assert c.person == "R.A. MacDougall"


def test_seed_8_is_a_book_with_a_page(notes):
    c = one(notes[8])
    assert c.kind == "book"
    assert c.organisation == "Human Rights Watch"
    assert c.title == "Landmines: A Deadly Legacy"
    assert c.locator == "p. 470"


def test_seed_9_cites_the_sources_of_7_and_6_again(notes):
    first, second = notes[9]
    assert fingerprint(first) == fingerprint(one(notes[7]))
    assert fingerprint(second) == fingerprint(one(notes[6]))
    assert second.url == ""  # the URL is not part of the identity when title and organisation match


def test_seed_10_is_a_report_dated_by_month(notes):
    c = one(notes[10])
    assert c.kind == "report"
    assert c.title.startswith("In Its Own Words: The U.S. Army")
    assert c.organisation == "Human Rights Watch and Vietnam Veterans of America Foundation"
    assert c.date is None and c.date_text == "July 1997"


def test_seed_11_is_a_newspaper_article_by_its_author(notes):
    c = one(notes[11])
    assert c.kind == "press"
    assert c.title == "Deadly Zone"
    assert c.person == "Susan Feeney"
    assert c.organisation == "Dallas Morning News"
    assert c.date is None and c.date_text == "1997"


def test_seed_12_is_a_telephone_interview_with_an_unnamed_official(notes):
    c = one(notes[12])
    assert c.kind == "telephone-interview"
    assert c.date == D(1999, 2, 26)
    assert "Official" in c.person


def test_seed_13_drops_the_remark_and_keeps_the_interviews_and_their_range(notes):
    citations = notes[13]
    assert len(citations) >= 2
    assert {c.kind for c in citations} <= {"interview", "telephone-interview"}
    seoul, tokyo = citations[0], citations[-1]
    assert seoul.date == D(1999, 1, 22) and seoul.place == "Seoul"
    assert tokyo.kind == "telephone-interview"
    assert tokyo.date_text == "from 19 to 24 February 1999"
    assert tokyo.date in (None, D(1999, 2, 19))
    assert "Ministry of Unification" in tokyo.organisation


def test_seed_14_is_a_personal_interview_in_tokyo(notes):
    c = one(notes[14])
    assert c.kind == "interview"
    assert c.person == "Pom Nyung"
    assert c.organisation == "Korean Buddhist Sharing Movement"
    assert c.place == "Tokyo" and c.date == D(1999, 2, 21)


def test_seed_15_repeats_the_interview_of_14_and_adds_telephone_interviews(notes):
    interview, *others = notes[15]
    assert interview.kind == "interview" and interview.person == "Pom Nyung"
    assert fingerprint(interview) == fingerprint(one(notes[14]))
    assert others and all(c.kind == "telephone-interview" for c in others)
    assert "Kyodo News Agency" in others[0].organisation


def test_every_seed_citation_keeps_the_text_it_came_from(notes):
    text = SEED.read_text(encoding="utf-8")
    for citations in notes.values():
        for c in citations:
            assert c.kind in KINDS
            assert c.raw and c.raw.split(",")[0] in text


def test_different_seed_sources_have_different_fingerprints(notes):
    prints = {fingerprint(one(notes[n])) for n in (1, 2, 5, 6, 7, 8, 10, 11, 12, 14)}
    assert len(prints) == 10


# --------------------------------------------------------------------------------------------
# Other years' styles (written for the test)

STYLES = [
    (
        "Article 7 Report, Form B, 30 April 2003.",
        {
            "kind": "article-7-report",
            "title": "Article 7 Report",
            "locator": "Form B",
            "date": D(2003, 4, 30),
        },
    ),
    (
        "Examplestan, Article 7 Report, Forms D and E, submitted 28 April 2005.",
        {"kind": "article-7-report", "organisation": "Examplestan", "locator": "Forms D and E"},
    ),
    (
        "Mozambique Article 7 Report, Form F, 1 May 2002.",
        {"kind": "article-7-report", "organisation": "Mozambique", "title": "Article 7 Report"},
    ),
    (
        "Article 7 Report (for the period 1 May 2002 to 30 April 2003), Form D.",
        {
            "kind": "article-7-report",
            "title": "Article 7 Report",
            "date": D(2002, 5, 1),
            "date_text": "for the period 1 May 2002 to 30 April 2003",
            "locator": "Form D",
        },
    ),
    (
        "UN General Assembly Resolution A/RES/53/77 N, 4 December 1998.",
        {
            "kind": "un-document",
            "organisation": "UN General Assembly",
            "title": "Resolution A/RES/53/77 N",
            "date": D(1998, 12, 4),
        },
    ),
    (
        "Final Document of the Second Review Conference, CCW/CONF.II/2, Geneva, 21 December 2001.",
        {"kind": "un-document", "place": "Geneva", "date": D(2001, 12, 21)},
    ),
    ("UN Security Council, S/2001/1234, 20 December 2001.", {"kind": "un-document", "title": "S/2001/1234"}),
    (
        "Response to Landmine Monitor questionnaire by Lt. Col. Jan Novak, Ministry of Defence, "
        "12 March 2004.",
        {
            "kind": "letter",
            "person": "Jan Novak",
            "organisation": "Ministry of Defence",
            "date": D(2004, 3, 12),
        },
    ),
    (
        "Letter to Landmine Monitor (HRW) from Ambassador Maria Lopez, Counsellor, Embassy of Examplestan, "
        "Washington, 3 May 2001.",
        {
            "kind": "letter",
            "person": "Maria Lopez",
            "organisation": "Embassy of Examplestan",
            "place": "Washington",
        },
    ),
    (
        "Response to Landmine Monitor request for information, Ministry of Foreign Affairs, October 2005.",
        {
            "kind": "letter",
            "organisation": "Ministry of Foreign Affairs",
            "date": None,
            "date_text": "October 2005",
        },
    ),
    (
        "Email from Sok Thy, Deputy Director, Example Mine Action Centre, 3 March 2005.",
        {"kind": "letter", "person": "Sok Thy", "organisation": "Example Mine Action Centre"},
    ),
    (
        "Note verbale from the Permanent Mission of Examplestan to the United Nations in Geneva, "
        "2 April 2004.",
        {
            "kind": "letter",
            "organisation": "Permanent Mission of Examplestan to the United Nations in Geneva",
            "date": D(2004, 4, 2),
        },
    ),
    (
        "Reuters, Maputo, 3 May 2001.",
        {"kind": "press", "organisation": "Reuters", "place": "Maputo", "date": D(2001, 5, 3)},
    ),
    (
        "“Three children hurt by a mine near Huambo,” Agence France-Presse (Luanda), 14 June 2002.",
        {
            "kind": "press",
            "title": "Three children hurt by a mine near Huambo",
            "organisation": "Agence France-Presse",
            "place": "Luanda",
        },
    ),
    (
        "BBC Monitoring Service, source: Radio Nacional de Angola, Luanda, in Portuguese, 5 August 2000.",
        {"kind": "press", "place": "Luanda", "date": D(2000, 8, 5)},
    ),
    ("Xinhua, Beijing, February 1, 2002.", {"kind": "press", "place": "Beijing", "date": D(2002, 2, 1)}),
    (
        "“Landmine casualties rise,” *The Guardian*, 3 March 2000.",
        {"kind": "press", "title": "Landmine casualties rise", "organisation": "Guardian"},
    ),
    (
        "See www.example-demining.org/reports.",
        {"kind": "website", "url": "http://www.example-demining.org/reports"},
    ),
    (
        "Available at http://www.example.org/ap-mines.pdf, accessed 3 June 2005.",
        {"kind": "website", "url": "http://www.example.org/ap-mines.pdf", "date": None},
    ),
    (
        "Jane Doe, *Clearing the Fields: Mine Action in Practice* (London: Example Books, 2004), pp. 45–47.",
        {
            "kind": "book",
            "person": "Jane Doe",
            "title": "Clearing the Fields: Mine Action in Practice",
            "place": "London",
            "date_text": "2004",
            "locator": "pp. 45–47",
        },
    ),
    (
        "Landmine Monitor Report 2000 (Washington DC: Human Rights Watch, August 2000), p. 128.",
        {"kind": "book", "title": "Landmine Monitor Report 2000", "organisation": "Human Rights Watch"},
    ),
    (
        "Human Rights Watch, “Landmine Use in Examplestan,” Briefing Paper, 15 March 2002, p. 3.",
        {"kind": "report", "title": "Landmine Use in Examplestan", "person": "", "locator": "p. 3"},
    ),
    (
        "Survey Action Center, “Landmine Impact Survey of Examplestan,” 2004, pp. 12-15.",
        {
            "kind": "report",
            "organisation": "Survey Action Center",
            "date_text": "2004",
            "locator": "pp. 12-15",
        },
    ),
    (
        "Statement by H.E. Ambassador John Smith, Standing Committee on the General Status and Operation of "
        "the Convention, Geneva, 12 May 2003.",
        {"kind": "government-document", "person": "John Smith", "place": "Geneva", "date": D(2003, 5, 12)},
    ),
    (
        "Law No. 12/2001 on the Prohibition of Antipersonnel Mines, Official Gazette, 3 April 2001.",
        {"kind": "government-document", "date": D(2001, 4, 3)},
    ),
    (
        "Landmine Monitor interview with Jean Dupont, Programme Manager, Handicap International, Phnom Penh, "
        "7 March 2001.",
        {
            "kind": "interview",
            "person": "Jean Dupont",
            "organisation": "Handicap International",
            "place": "Phnom Penh",
        },
    ),
    (
        "Landmine Monitor meeting with Gen. Lim, Chief of Staff, Example Army, Example City, 5 May 2000.",
        {"kind": "interview", "person": "Lim", "organisation": "Example Army", "place": "Example City"},
    ),
    (
        "Interviews with deminers, Example Province, 14–16 May 2002.",
        {
            "kind": "interview",
            "date": D(2002, 5, 14),
            "date_text": "14–16 May 2002",
            "place": "Example Province",
        },
    ),
    (
        "Telephone interview with Dr. Anna Berg, Example Red Cross, 12 May 2000.",
        {"kind": "telephone-interview", "person": "Anna Berg", "organisation": "Example Red Cross"},
    ),
    (
        "IMSMA database, Example Mine Action Centre, as of 31 December 2004.",
        {"kind": "database", "organisation": "Example Mine Action Centre", "date": D(2004, 12, 31)},
    ),
    (
        "Examplestan Mine Action Centre, data provided to Landmine Monitor, 10 April 2007.",
        {"kind": "letter", "organisation": "Examplestan Mine Action Centre"},
    ),
    (
        "Examplestan Ministry of Foreign Affairs, press release, 3 March 1999.",
        {"kind": "press", "organisation": "Examplestan Ministry of Foreign Affairs", "date": D(1999, 3, 3)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), STYLES, ids=[s[0][:50] for s in STYLES])
def test_other_years_styles(text, expected):
    c = one(parse_footnote(text))
    got = {name: getattr(c, name) for name in expected}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Landmine Monitor telephone interview with Col. Ahmed Khan, Army Engineers, 2 June 2003; "
            "and email from the same, 5 June 2003.",
            ["telephone-interview", "letter"],
        ),
        (
            "Associated Press, “Minister promises ban,” 4 June 1998, and Reuters, 5 June 1998.",
            ["press", "press"],
        ),
        (
            "The figure includes mines destroyed in 2002. Article 7 Report, Form G, 15 May 2003.",
            ["article-7-report"],
        ),
        (
            "Landmine Monitor interviews in Example Camp, 10–14 March 2000. The refugees interviewed "
            "had left the area earlier.",
            ["interview"],
        ),
        ("Email to Landmine Monitor from John Smith, UNDP, 4 May 2007; and Ibid., p. 2.", ["letter"]),
    ],
)
def test_a_footnote_citing_several_sources_or_adding_remarks(text, kinds):
    assert [c.kind for c in parse_footnote(text)] == kinds


def test_a_range_keeps_the_first_day_and_the_text():
    c = one(
        parse_footnote(
            "Landmine Monitor interview with officials, Example City, 30 January to 2 February 2001."
        )
    )
    assert c.date == D(2001, 1, 30) and c.date_text == "30 January to 2 February 2001"
    c = one(parse_footnote("Example Times, 1998–1999."))
    assert c.date is None and c.date_text == "1998–1999"


@pytest.mark.parametrize(
    ("text", "locator"),
    [("Ibid.", ""), ("Ibid., p. 12.", "p. 12"), ("*Ibid.*, pp. 3–4", "pp. 3–4"), ("ibid", "")],
)
def test_ibid_cites_nothing_itself_and_may_add_a_locator(text, locator):
    assert parse_footnote(text) == []
    assert is_ibid(text)
    assert ibid_locator(text) == locator


def test_a_remark_alone_cites_nothing():
    assert parse_footnote("No information is available on this point.") == []
    assert parse_footnote("") == []
    assert not is_ibid("Reuters, 3 May 2001.")


# --------------------------------------------------------------------------------------------
# Fingerprints


def test_the_same_source_written_differently_has_one_fingerprint():
    texts = [
        "Landmine Monitor interview with Mr. Jean Dupont, Example City, 7 March 2001.",
        "Landmine Monitor/Example City interview with Jean Dupont, Programme Manager, "
        "Handicap International, Example City, 7 March 2001.",
        "Interview with JEAN DUPONT, Example City, 7 Mar. 2001, p. 2.",
    ]
    citations = [one(parse_footnote(text)) for text in texts]
    assert {c.kind for c in citations} == {"interview"}
    assert len({fingerprint(c) for c in citations}) == 1


def test_fingerprints_ignore_locators_case_accents_and_typography():
    a = Citation(
        kind="book", organisation="Human Rights Watch", title="Landmines: A Deadly Legacy", locator="p. 4"
    )
    b = Citation(
        kind="book", organisation="human rights watch", title="Landmines — A Deadly Legacy", locator="p. 9"
    )
    assert fingerprint(a) == fingerprint(b)
    c = Citation(kind="interview", person="José Pérez", date=D(2001, 1, 2))
    d = Citation(kind="interview", person="Jose Perez", date=D(2001, 1, 2))
    assert fingerprint(c) == fingerprint(d)
    e = Citation(kind="report", organisation="People’s Aid", title="A")
    f = Citation(kind="report", organisation="People's Aid", title="A")
    assert fingerprint(e) == fingerprint(f)


def test_fingerprints_tell_apart_what_differs():
    maputo = one(parse_footnote("Reuters, Maputo, 3 May 2001."))
    luanda = one(parse_footnote("Reuters, Luanda, 3 May 2001."))
    later = one(parse_footnote("Reuters, Maputo, 4 May 2001."))
    assert len({fingerprint(maputo), fingerprint(luanda), fingerprint(later)}) == 3
    phone = Citation(kind="telephone-interview", person="Pom Nyung", date=D(1999, 2, 21))
    visit = Citation(kind="interview", person="Pom Nyung", date=D(1999, 2, 21))
    assert fingerprint(phone) != fingerprint(visit)


def test_a_bare_website_is_known_by_its_url():
    a = one(parse_footnote("www.example.org/mines/"))
    b = one(parse_footnote("See https://www.example.org/mines."))
    assert a.kind == b.kind == "website"
    assert fingerprint(a) == fingerprint(b)
    assert fingerprint(a) != fingerprint(one(parse_footnote("www.example.org/other")))


def test_a_long_fingerprint_fits_the_field():
    c = Citation(kind="report", organisation="Organisation " * 40, title="Title " * 80)
    assert len(fingerprint(c)) <= 300
    assert fingerprint(c) != fingerprint(
        Citation(kind="report", organisation="Organisation " * 40, title="T")
    )


# --------------------------------------------------------------------------------------------
# Robustness


def test_kinds_are_the_source_kinds():
    from landmine_monitor.database.sources.models import SourceKind

    assert set(KINDS) == set(SourceKind.values)


def test_any_text_parses_without_error():
    samples = [
        "",
        ".",
        "; ; and ,",
        "“unclosed quote, 3 May 2001",
        "*unclosed emphasis",
        "(((",
        "31 February 1999, interview",
        "Reuters and AFP and AP, 1 2 3",
        "p. 4, pp. 5, para. 6, Annex II, Table 3",
        "http://",
        "A/RES/",
        "with with with, from from, by by",
        "Mr. Mr. Mr.",
        "x" * 5000,
        "Landmine Monitor/ interview with , , , 1999",
    ]
    if SEED.is_file():
        samples += SEED.read_text(encoding="utf-8").splitlines()
    for text in samples:
        for c in parse_footnote(text):
            assert c.kind in KINDS
            assert len(fingerprint(c)) <= 300

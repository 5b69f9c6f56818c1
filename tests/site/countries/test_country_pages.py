"""Country pages: every country and area has one, report or no report, with its treaty status on
any date, its UN votes, its facts and its reports, each statement with its source."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from html import unescape

import pytest

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.countries.selectors import resolve_country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.facts.models import Fact, Indicator
from landmine_monitor.database.facts.services import Reference, record_fact
from landmine_monitor.database.sources.models import Source, SourceKind
from landmine_monitor.database.treaties.selectors import get_treaty

pytestmark = pytest.mark.django_db

MAX_QUERIES = 25


def text_of(response) -> str:
    """The page's text with tags dropped and white space collapsed, for reading like a reader."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def section(response, heading_id: str) -> str:
    """The HTML of the page's <section> labelled by `heading_id`."""
    html = response.content.decode()
    start = html.index(f'aria-labelledby="{heading_id}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else len(html)]


def vote_row(response, symbol: str) -> str:
    votes = section(response, "votes-heading")
    match = re.search(rf'<tr>\s*<th scope="row">{re.escape(symbol)}</th>(.*?)</tr>', votes, re.S)
    assert match, f"no row for {symbol}"
    return match.group(1)


# The country page ---------------------------------------------------------------------------


def test_north_korea_is_a_non_signatory_on_the_authority_of_the_depositary_record(client):
    response = client.get("/countries/north-korea/")
    assert response.status_code == 200
    text = text_of(response)
    assert "North Korea" in text and "DPRK" in text and "PRK" in text and "KP" in text
    assert "Asia-Pacific" in text and "UN member state since 17 September 1991" in text

    mbt = section(response, "treaty-mbt")
    record = get_treaty("mbt").record_source
    assert "Non-signatory" in mbt
    assert "Not signed or joined, according to" in mbt
    assert f'href="/api/v1/sources/{record.pk}"' in mbt
    assert record.citation.removesuffix(f", {record.url}") in unescape(mbt)
    assert record.citation in unescape(section(response, "sources-heading"))  # in full, with its address
    # The Mine Ban Treaty comes first.
    html = response.content.decode()
    assert html.index('id="treaty-mbt"') < html.index('id="treaty-ccw"')


def test_north_korea_abstained_on_51_45_s_and_was_absent_on_52_38_a(client):
    response = client.get("/countries/north-korea/")
    assert "Abstain" in vote_row(response, "51/45 S")
    assert "Absent" in vote_row(response, "52/38 A")
    votes = section(response, "votes-heading")
    assert "<caption" in votes and 'scope="col"' in votes
    assert 'class="table-scroll"' in votes
    # The vote data set is cited, with its record in the API.
    voeten = Source.objects.get(key="unga-voeten")
    assert f'href="/api/v1/sources/{voeten.pk}"' in response.content.decode()
    assert voeten.title in text_of(response)


def test_north_korea_links_to_its_1999_report_marked_sample(client):
    response = client.get("/countries/north-korea/")
    reports = section(response, "reports-heading")
    assert 'href="/reports/1999/north-korea/"' in reports
    assert "sample" in reports


def test_a_country_without_a_report_or_facts_says_so(client):
    response = client.get("/countries/belgium/")
    assert response.status_code == 200
    assert "No report on Belgium has been published yet" in text_of(response)
    assert "No facts recorded yet" in text_of(response)


def test_belgiums_51_45_s_vote_is_marked_as_added_from_the_official_record(client):
    response = client.get("/countries/belgium/")
    row = vote_row(response, "51/45 S")
    assert "Yes" in row
    note = re.search(r'href="#vote-note-(\d+)"', row)
    assert note, row
    votes = section(response, "votes-heading")
    note_text = re.search(rf'id="vote-note-{note.group(1)}"[^>]*>(.*?)</li>', votes, re.S).group(1)
    assert "added from the official record" in note_text
    # Its source is the official record, not the vote data set.
    record = Source.objects.get(key="unga-51-45-s-record")
    assert f'href="/api/v1/sources/{record.pk}"' in response.content.decode()


def test_albania_on_1_march_2000_had_ratified_but_was_not_yet_bound(client):
    response = client.get("/countries/albania/?on=2000-03-01")
    assert response.status_code == 200
    assert "Treaty status on 1 March 2000" in text_of(response)
    mbt = text_of_html(section(response, "treaty-mbt"))
    assert "Ratified, not yet in force" in mbt
    assert "8 September 1998" in mbt  # signed
    assert "29 February 2000" in mbt and "Ratification" in mbt  # consented
    assert "1 August 2000" in mbt  # in force for it: the first day of the sixth month after
    timeline = re.search(r'<ol class="timeline".*?</ol>', section(response, "treaty-mbt"), re.S).group(0)
    dates = re.findall(r'datetime="([\d-]+)"', timeline)
    assert dates == ["1998-09-08", "2000-02-29", "2000-08-01"]


def test_albania_today_is_a_state_party(client):
    mbt = text_of_html(section(client.get("/countries/albania/"), "treaty-mbt"))
    assert "State Party" in mbt and "Entered into force for Albania" in mbt


def test_kosovo_is_an_other_area_with_a_page_and_no_votes(client):
    response = client.get("/countries/kosovo/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Other area" in text
    votes = section(response, "votes-heading")
    assert "<table" not in votes
    assert "does not vote in the General Assembly" in text_of_html(votes)
    assert "cannot sign or join" in text


def test_a_fact_is_shown_with_its_value_qualifiers_date_edition_and_source(client):
    source = Source.objects.create(
        kind=SourceKind.TELEPHONE_INTERVIEW,
        person="An official",
        place="Tokyo",
        date=datetime.date(1999, 2, 24),
    )
    record_fact(
        Fact(
            country=resolve_country("PRK"),
            indicator=Indicator.objects.get(slug="mines-emplaced"),
            quantity=Decimal("1000000"),
            is_estimate=True,
            point_in_time=datetime.date(1999, 3, 1),
            edition=Edition.objects.get(year=1999),
        ),
        [Reference(source, locator="notes", footnote_number=11)],
    )
    response = client.get("/countries/north-korea/")
    facts = text_of_html(section(response, "facts-heading"))
    assert "1,000,000 mines" in facts and "estimate" in facts
    assert "1 March 1999" in facts and "1999" in facts and "note 11" in facts
    assert f'href="/api/v1/sources/{source.pk}"' in response.content.decode()
    assert "Tokyo" in text_of(response)


def test_a_country_page_does_not_query_per_row(client, django_assert_max_num_queries):
    # Facts with references too, so that a query per fact or per reference would show.
    source = Source.objects.create(kind=SourceKind.PRESS, title="A newspaper")
    for slug in ("mines-emplaced", "stockpile-size"):
        record_fact(
            Fact(
                country=resolve_country("PRK"),
                indicator=Indicator.objects.get(slug=slug),
                quantity=Decimal(10),
                edition=Edition.objects.get(year=1999),
            ),
            [Reference(source), Reference(source, locator="p. 2")],
        )
    for url in ("/countries/north-korea/", "/countries/belgium/", "/countries/albania/?on=2000-03-01"):
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url).status_code == 200


def test_the_status_form_asks_for_a_date_and_a_bad_date_is_a_400_saying_so(client):
    page = client.get("/countries/albania/").content.decode()
    assert re.search(r'<form method="get"[^>]*>', page)
    assert 'name="on"' in page
    for bad in ("2000-13-01", "yesterday", "1.3.2000"):
        response = client.get(f"/countries/albania/?on={bad}")
        assert response.status_code == 400, bad
        assert "is not a date" in text_of(response) and "YYYY-MM-DD" in text_of(response)


def test_an_iso_code_or_another_name_redirects_permanently_to_the_slug(client):
    for code in ("PRK", "prk", "KP", "DPRK"):
        response = client.get(f"/countries/{code}/")
        assert response.status_code == 301, code
        assert response["Location"] == "/countries/north-korea/"
    response = client.get("/countries/PRK/?on=1999-03-01")
    assert response["Location"] == "/countries/north-korea/?on=1999-03-01"


def test_an_unknown_country_is_a_404_naming_it(client):
    response = client.get("/countries/atlantis/")
    assert response.status_code == 404
    assert "atlantis" in text_of(response)


def test_a_name_that_fits_several_countries_is_a_404_listing_them(client):
    response = client.get("/countries/Yugoslavia/")
    assert response.status_code == 404
    assert 'href="/countries/yugoslavia-sfr/"' in response.content.decode()


def test_a_former_state_is_shown_as_it_stood_on_its_last_day(client):
    response = client.get("/countries/czechoslovakia/")
    assert response.status_code == 200
    assert "Treaty status on 31 December 1992" in text_of(response)


def test_every_country_and_area_has_a_page(client):
    slugs = list(Country.objects.values_list("slug", flat=True))
    assert len(slugs) > 200
    for slug in slugs:
        response = client.get(f"/countries/{slug}/")
        assert response.status_code == 200, slug


# The list -----------------------------------------------------------------------------------


def test_the_list_has_every_country_a_to_z_with_region_and_mine_ban_treaty_status(client):
    response = client.get("/countries/")
    assert response.status_code == 200
    html = response.content.decode()
    for country in Country.objects.all():
        assert f'href="/countries/{country.slug}/"' in html, country
    assert 'href="#letter-A"' in html and 'id="letter-Z"' in html
    letters = re.findall(r'<h2 id="letter-(\w)">', html)
    assert letters == sorted(set(letters)), letters  # each letter once, in order
    assert html.index('href="/countries/cote-divoire/"') < html.index('href="/countries/croatia/"')
    assert '<form method="get"' in html and 'name="q"' in html
    entry = re.search(r'href="/countries/albania/".*?</li>', html, re.S).group(0)
    assert "Europe/Central Asia" in entry and "State Party" in entry
    entry = re.search(r'href="/countries/north-korea/".*?</li>', html, re.S).group(0)
    assert "Non-signatory" in entry
    entry = re.search(r'href="/countries/kosovo/".*?</li>', html, re.S).group(0)
    assert "Other area" in entry


def test_the_list_filters_by_region(client):
    html = client.get("/countries/?region=asia-pacific").content.decode()
    assert 'href="/countries/north-korea/"' in html
    assert 'href="/countries/albania/"' not in html
    assert 'href="?region=asia-pacific"' in client.get("/countries/").content.decode()


def test_an_unknown_region_is_a_400(client):
    response = client.get("/countries/?region=atlantis")
    assert response.status_code == 400
    assert "atlantis" in text_of(response)


def test_the_text_filter_finds_a_country_by_another_name(client):
    html = client.get("/countries/?q=Burma").content.decode()
    myanmar = resolve_country("Myanmar")
    assert f'href="/countries/{myanmar.slug}/"' in html
    assert "Myanmar" in html
    html = client.get("/countries/?q=North+Korea").content.decode()
    assert 'href="/countries/north-korea/"' in html
    assert 'href="/countries/south-korea/"' not in html


def test_the_text_filter_says_when_nothing_matches(client):
    response = client.get("/countries/?q=Atlantis")
    assert response.status_code == 200
    assert "No country or area goes by “Atlantis”" in text_of(response)


def test_the_list_does_not_query_per_country(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get("/countries/").status_code == 200


def text_of_html(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()

"""The Country Reports index and an edition's table of contents, in the book's order."""

import pytest

pytestmark = pytest.mark.django_db


def section_of(html: str, heading: str) -> str:
    start = html.index(heading)
    return html[start : html.find("<h2", start + 1) if "<h2" in html[start + 1 :] else len(html)]


def test_the_table_of_contents_groups_reports_by_region_then_status(client):
    html = client.get("/reports/1999/").content.decode()
    asia = section_of(html, "Asia-Pacific</h2>")
    assert "Non-signatories" in asia
    assert 'href="/reports/1999/north-korea/"' in asia
    assert "Africa</h2>" not in html  # no African report is published in the sample data


def test_the_index_lists_every_country_by_region_and_status_on_the_reporting_date(client):
    html = client.get("/reports/").content.decode()
    europe = section_of(html, "Europe/Central Asia</h2>")
    parties = europe[europe.index("States Parties") : europe.index("Signatories")]
    assert ">Austria<" in parties  # a State Party on 31 March 1999
    signatories = europe[europe.index("Signatories") : europe.index("Non-signatories")]
    assert ">Albania<" in signatories  # signed in 1998, ratified in 2000
    assert 'href="/countries/albania/"' in signatories  # no 1999 report: its country page
    asia = section_of(html, "Asia-Pacific</h2>")
    assert 'href="/reports/1999/north-korea/"' in asia
    assert "South Sudan" not in html  # did not exist in 1999


def test_the_filter_box_finds_a_country_by_any_name_and_the_az_view(client):
    html = client.get("/reports/?q=DPRK").content.decode()
    assert "North Korea" in html and "Austria" not in html
    az = client.get("/reports/?view=az").content.decode()
    assert az.index(">Afghanistan<") < az.index(">Zimbabwe<")


def test_the_menu_table_of_contents_stays_on_the_latest_edition_with_a_published_report(client):
    from landmine_monitor.database.countries.models import Country
    from landmine_monitor.reports.importers.markdown import parse_markdown
    from landmine_monitor.reports.services import ensure_edition, save_report

    doc = parse_markdown("# Albania\n\n## Mine Ban Policy\n\nA draft paragraph.\n")[0]
    save_report(doc, country=Country.objects.get(iso3="ALB"), edition=ensure_edition(2001))
    html = client.get("/").content.decode()
    assert 'href="/reports/1999/">Table of Contents<' in html
    assert "/reports/2001/" not in html

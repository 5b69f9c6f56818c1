"""The progress board and its CSV, the research calendar, the workspace and the dashboard panel."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from landmine_monitor.network.workroom.views.board import CSV_HEADER

pytestmark = pytest.mark.django_db


def board_rows(html: str) -> dict[str, str]:
    """country code → state, from the board's table."""
    import re

    return dict(re.findall(r'data-country="([A-Z]{3})" data-state="([a-z-]+)"', html))


def test_editors_see_every_country_with_a_report_or_an_assignment(network, login):
    client = login(network.user("editor"))
    response = client.get(reverse("workroom:board"))
    assert response.status_code == 200
    html = response.content.decode()
    assert board_rows(html) == {"AGO": "not-started", "MNG": "drafting", "PRK": "drafting"}
    # Angola has missed the first drafts (5 days ago) and has no report: highlighted.
    assert 'class="workroom-row--overdue" data-country="AGO"' in html
    assert "First drafts due" in html and "5 days overdue" in html
    assert "Angola-Researcher" in html  # the researcher's name


def test_once_the_edition_is_published_nothing_is_overdue_any_more(network, login):
    from landmine_monitor.database.editions.models import EditionState

    network.edition.state = EditionState.PUBLISHED
    network.edition.save()
    client = login(network.user("editor"))
    html = client.get(reverse("workroom:board"), {"edition": network.edition.year}).content.decode()
    assert board_rows(html) == {"AGO": "not-started", "MNG": "drafting", "PRK": "drafting"}
    assert "workroom-row--overdue" not in html and "overdue" not in html.split("<table", 1)[1]
    # The calendar still lists the milestones, as past.
    calendar = client.get(reverse("workroom:calendar"), {"edition": network.edition.year}).content.decode()
    assert "First drafts due" in calendar and "5 days ago" in calendar


def test_a_coordinator_sees_only_their_region_and_filters_apply(network, login, workflow_steps):
    submit, _ = workflow_steps
    submit(network.report("PRK"), network.user("researcher"))
    client = login(network.user("coordinator"))
    html = client.get(reverse("workroom:board")).content.decode()
    assert board_rows(html) == {"MNG": "drafting", "PRK": "submitted"}
    assert board_rows(client.get(reverse("workroom:board"), {"state": "submitted"}).content.decode()) == {
        "PRK": "submitted"
    }
    assert board_rows(client.get(reverse("workroom:board"), {"region": "africa"}).content.decode()) == {}
    client = login(network.user("africa-coordinator"))
    assert board_rows(client.get(reverse("workroom:board")).content.decode()) == {"AGO": "not-started"}


def test_bad_filters_are_named(network, login):
    client = login(network.user("editor"))
    response = client.get(reverse("workroom:board"), {"state": "lost", "edition": "1899"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice. lost is not one of the available choices." in html
    assert "1899 is not one of the available choices" in html
    csv_response = client.get(reverse("workroom:board_csv"), {"region": "atlantis"})
    assert csv_response.status_code == 400
    assert b"region: Select a valid choice" in b"".join(csv_response.streaming_content)


def test_researchers_and_readers_do_not_open_the_board(network, login, refused):
    client = login(network.user("researcher"))
    assert refused(client.get(reverse("workroom:board")))
    assert refused(client.get(reverse("workroom:board_csv")))
    client = login(network.user("reader"))  # no access to the admin at all
    assert client.get(reverse("workroom:board_csv"))["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_csv_export_streams_the_same_rows_with_a_header(network, login):
    client = login(network.user("coordinator"))
    response = client.get(reverse("workroom:board_csv"), {"region": "asia-pacific"})
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="progress-1999-asia-pacific.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == CSV_HEADER
    by_country = {row[1]: dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:]}
    assert sorted(by_country) == ["MNG", "PRK"]
    korea = by_country["PRK"]
    assert korea["country"] == "North Korea" and korea["region"] == "Asia-Pacific"
    assert korea["researchers"] == "Researcher"
    assert korea["state"] == "Drafting"
    assert (korea["next milestone"], korea["days left"], korea["overdue"]) == (
        "First drafts due",
        "-5",
        "yes",
    )
    assert korea["report"].endswith(f"/admin/pages/{network.reports['PRK'].pk}/edit/")
    assert by_country["MNG"]["researchers"] == ""


def test_the_calendar_lists_the_milestones_in_order_with_days(network, login):
    client = login(network.user("researcher"))
    html = client.get(reverse("workroom:calendar")).content.decode()
    order = ["Assignments", "First drafts due", "Researchers' meeting", "Final drafts due", "Release"]
    positions = [html.index(f'<th scope="row">{name.replace(chr(39), "&#x27;")}</th>') for name in order]
    assert positions == sorted(positions)
    assert "5 days ago" in html and "in 7 days" in html and "in 20 days" in html
    assert "Embargoed until" in html
    assert "Add a milestone" not in html  # researchers read the calendar; editors change it
    editor_html = login(network.user("editor")).get(reverse("workroom:calendar")).content.decode()
    assert "Add a milestone" in editor_html and "/admin/snippets/network/milestone/edit/" in editor_html


def test_the_workspace_shows_my_countries_and_my_research_log(network, login):
    client = login(network.user("researcher"))
    response = client.get(reverse("workroom:workspace"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-country="PRK" data-state="drafting"' in html
    assert "Angola" not in html and "Mongolia" not in html
    assert f"/admin/pages/{network.reports['PRK'].pk}/edit/" in html
    assert "Upload and replace my draft" in html
    edition, country = network.edition.pk, network.countries["PRK"].pk
    assert f"/admin/snippets/network/interview/?edition={edition}&amp;country={country}" in html
    assert f"/admin/snippets/network/requestforinformation/?edition={edition}&amp;country={country}" in html


def test_the_dashboard_opens_on_the_researchers_work(network, login):
    html = login(network.user("researcher")).get(reverse("wagtailadmin_home")).content.decode()
    panel = html.split('id="workroom-panel"')[1].split("</section>")[0]
    assert "My work in Landmine Monitor Report 1999" in panel
    assert 'data-country="PRK"' in panel and "Drafting" in panel and "5 days overdue" in panel
    assert reverse("workroom:workspace") in panel
    assert "Progress board" not in panel  # for coordinators and editors
    coordinator_panel = login(network.user("coordinator")).get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("workroom:board") in coordinator_panel.split('id="workroom-panel"')[1]


def test_the_board_costs_the_same_queries_whatever_the_number_of_reports(network, workflow_steps, make_draft):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from landmine_monitor.database.countries.models import Country
    from landmine_monitor.network.workroom.selectors import progress_board

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            rows = progress_board(network.edition, user=network.user("editor"))
        return len(captured), len(rows)

    submit, _ = workflow_steps
    submit(network.report("PRK"), network.user("researcher"))
    few, count = queries()
    for country in Country.objects.filter(region="asia-pacific").exclude(iso3__in=["PRK", "MNG"])[:6]:
        make_draft(country, network.edition, f"A draft on {country.name}.")
    many, more = queries()
    assert more == count + 6
    assert many == few

"""The permission matrix: each role × view / edit / submit / approve / publish × the researcher's
own country (PRK), another country of the same region (MNG) and a country of another region
(AGO), through the `permissions` module, the Wagtail admin and the API."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from landmine_monitor.database.countries.models import Country
from landmine_monitor.network import permissions
from landmine_monitor.network.tokens import create_token
from landmine_monitor.reports.services import ensure_edition

pytestmark = pytest.mark.django_db

ACTIONS = ("view", "edit", "submit", "approve", "publish")
CHECKS = {
    "view": permissions.can_view_report,
    "edit": permissions.can_edit,
    "submit": permissions.can_submit,
    "approve": permissions.can_approve,
    "publish": permissions.can_publish,
}
ALL, NONE = set(ACTIONS), set()
# role → country → what the role may do with that country's 1999 report (drafts included).
MATRIX = {
    "researcher": {"PRK": {"view", "edit", "submit"}, "MNG": NONE, "AGO": NONE},
    "coordinator": {
        "PRK": {"view", "edit", "submit", "approve"},
        "MNG": {"view", "edit", "submit", "approve"},
        "AGO": NONE,
    },
    "theme-coordinator": {"PRK": {"view", "edit"}, "MNG": {"view", "edit"}, "AGO": {"view", "edit"}},
    "editor": {"PRK": ALL, "MNG": ALL, "AGO": ALL},
    "administrator": {"PRK": ALL, "MNG": ALL, "AGO": ALL},
    # Signed in without a role, or anonymous: the published report only, nothing else.
    "reader": {"PRK": {"view"}, "MNG": NONE, "AGO": NONE},
    "anonymous": {"PRK": {"view"}, "MNG": NONE, "AGO": NONE},
}
ROLES = list(MATRIX)


def user_of(network, role):
    return AnonymousUser() if role == "anonymous" else network.user(role)


@pytest.mark.parametrize("role", ROLES)
def test_the_rules(network, role):
    user = user_of(network, role)
    for code, allowed in MATRIX[role].items():
        report = network.reports[code]
        granted = {action for action in ACTIONS if CHECKS[action](user, report)}
        assert granted == allowed, (role, code)


@pytest.mark.parametrize("role", ROLES)
def test_visible_reports_hold_exactly_the_viewable_ones(network, role):
    user = user_of(network, role)
    visible = set(
        permissions.visible_reports(user)
        .filter(edition=network.edition)
        .values_list("country__iso3", flat=True)
    )
    expected = {code for code, allowed in MATRIX[role].items() if "view" in allowed}
    assert visible & set(MATRIX[role]) == expected
    drafts = {
        code for code in MATRIX[role] if permissions.readable_version(user, network.reports[code].specific)[1]
    }
    assert drafts == {code for code, allowed in MATRIX[role].items() if "edit" in allowed}


@pytest.mark.parametrize("role", ROLES)
def test_one_coverage_policy_for_a_report_a_queryset_and_the_people_to_tell(network, role):
    """Per report, per queryset and as recipients, the rules say the same of every report."""
    from django.contrib.auth import get_user_model

    user = user_of(network, role)
    editable = set(permissions.editable_reports(user).values_list("pk", flat=True))
    approvable = set(permissions.approvable_reports(user).values_list("pk", flat=True))
    for code, allowed in MATRIX[role].items():
        report = network.reports[code]
        assert (report.pk in editable) == ("edit" in allowed), (role, code)
        assert (report.pk in approvable) == ("approve" in allowed), (role, code)
        assert permissions.works_on(user, network.edition.pk) == (role not in ("reader", "anonymous"))
        if role != "anonymous":
            covering = get_user_model().objects.filter(
                permissions.users_covering(report.edition_id, report.country), pk=user.pk
            )
            assert covering.exists() == ("edit" in allowed), (role, code)
    prk = network.reports["PRK"]
    assert list(permissions.people_covering(prk, permissions.RESEARCH)) == [network.users["researcher"]]
    assert list(permissions.people_covering(prk, permissions.REGION)) == [network.users["coordinator"]]
    assert list(permissions.people_covering(prk, permissions.THEME)) == [network.users["theme-coordinator"]]
    network.users["researcher"].is_active = False
    network.users["researcher"].save()
    assert not permissions.people_covering(prk, permissions.RESEARCH).exists()  # only active people


def test_the_countries_offered_in_the_research_log_are_those_covered(network):
    codes = {
        role: permissions.countries_covered(network.user(role))
        for role in ("researcher", "coordinator", "theme-coordinator", "editor", "reader")
    }
    assert list(codes["researcher"].values_list("iso3", flat=True)) == ["PRK"]
    assert {"PRK", "MNG"} <= set(codes["coordinator"].values_list("iso3", flat=True))
    assert "AGO" not in set(codes["coordinator"].values_list("iso3", flat=True))
    assert codes["theme-coordinator"] is None and codes["editor"] is None  # every country
    assert not codes["reader"].exists()


def test_a_researcher_covers_a_country_only_in_the_edition_assigned(network, make_draft):
    prk = Country.objects.get(iso3="PRK")
    report_2000 = make_draft(prk, ensure_edition(2000), "The 2000 draft.")
    researcher = network.user("researcher")
    assert permissions.can_edit(researcher, network.reports["PRK"])
    assert not permissions.can_view_report(researcher, report_2000)
    assert not permissions.visible_reports(researcher).filter(pk=report_2000.pk).exists()


def test_leaving_the_group_ends_access_though_the_assignment_stays(network):
    network.users["researcher"].groups.remove(Group.objects.get(name="Researchers"))
    assert not permissions.can_edit(network.user("researcher"), network.reports["PRK"])
    assert permissions.can_view_report(network.user("researcher"), network.reports["PRK"])  # published


# The Wagtail admin --------------------------------------------------------------------------


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ("reader", "anonymous")])
def test_the_admin_opens_a_report_only_for_those_who_may_edit_it(client, network, role, refused):
    client.force_login(network.users[role])
    for code, allowed in MATRIX[role].items():
        page = network.reports[code]
        views = [
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_pages:history", args=[page.pk]),
            reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
            reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.latest_revision_id]),
            reverse("wagtailadmin_pages:usage", args=[page.pk]),
        ]
        for url in views:
            response = client.get(url)
            if "edit" in allowed:
                assert response.status_code == 200, (role, code, url, response.status_code)
            else:
                assert refused(response), (role, code, url, response.status_code)
        if "edit" in allowed:
            html = client.get(views[0]).content.decode()
            assert ('name="action-publish"' in html) == ("publish" in allowed), (role, code)


def test_the_admin_refuses_deleting_moving_copying_and_previewing_others_reports(client, network, refused):
    client.force_login(network.users["researcher"])
    mongolia = network.reports["MNG"]
    for name in ("delete", "move", "copy", "preview_on_edit", "lock"):
        response = client.get(reverse(f"wagtailadmin_pages:{name}", args=[mongolia.pk]))
        assert refused(response), name
    assert refused(client.post(reverse("wagtailadmin_pages:delete", args=[mongolia.pk])))
    assert type(mongolia).objects.filter(pk=mongolia.pk).exists()


def test_the_explorer_and_the_page_search_list_only_covered_reports(client, network):
    edition_page = network.reports["PRK"].get_parent()
    explore = reverse("wagtailadmin_explore", args=[edition_page.pk])
    mongolia_link = f"/admin/pages/{network.reports['MNG'].pk}/edit/"
    client.force_login(network.users["researcher"])
    listing = client.get(explore).content.decode()
    assert "North Korea" in listing and "Mongolia" not in listing and "Angola" not in listing
    found = client.get(reverse("wagtailadmin_pages:search"), {"q": "Mongolia"}).content.decode()
    assert mongolia_link not in found
    client.force_login(network.users["coordinator"])
    listing = client.get(explore).content.decode()
    assert "Mongolia" in listing and "Angola" not in listing
    found = client.get(reverse("wagtailadmin_pages:search"), {"q": "Mongolia"}).content.decode()
    assert mongolia_link in found


def test_researchers_create_only_their_countrys_report_and_no_other_page(client, network, refused):
    client.force_login(network.users["researcher"])
    edition_page = network.reports["PRK"].get_parent()
    add = reverse("wagtailadmin_pages:add", args=["reports", "countryreportpage", edition_page.pk])
    assert client.get(add).status_code == 200
    japan = Country.objects.get(iso3="JPN")
    assert refused(client.post(add, {"title": "Japan", "slug": "japan", "country": japan.pk}))
    assert not japan.reports.exists()
    # No edition page, no reports index, no other page.
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[edition_page.pk])))
    index = edition_page.get_parent()
    add_edition = reverse("wagtailadmin_pages:add", args=["reports", "editionpage", index.pk])
    assert refused(client.get(add_edition))


# The API, with tokens -----------------------------------------------------------------------


def _headers(network, role):
    if role == "anonymous":
        return {}
    _, token = create_token(network.users[role], name="matrix")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.mark.parametrize("role", ROLES)
def test_the_api_lists_exactly_the_drafts_the_token_may_see(client, network, role):
    headers = _headers(network, role)
    listed = client.get("/api/v1/reports", {"edition": 1999}, **headers).json()["results"]
    by_code = {r["country"]["iso3"]: r for r in listed}
    for code, allowed in MATRIX[role].items():
        if "view" not in allowed:
            assert code not in by_code, (role, code)
            response = client.get(f"/api/v1/reports/1999/{code}", **headers)
            assert response.status_code == 404, (role, code)
            continue
        draft = "edit" in allowed
        assert by_code[code]["draft"] is draft, (role, code)
        answer = client.get(f"/api/v1/reports/1999/{code}", **headers).json()
        assert answer["draft"] is draft
        texts = [p["text"] for s in answer["sections"] for p in s["paragraphs"]]
        assert (network.draft_text[code] in texts) is draft, (role, code)


def test_a_researcher_asking_for_another_countrys_draft_gets_404_like_a_missing_report(client, network):
    headers = _headers(network, "researcher")
    other = client.get("/api/v1/reports/1999/MNG", **headers)
    missing = client.get("/api/v1/reports/1999/ISL", **headers)
    assert other.status_code == missing.status_code == 404
    assert other.json()["detail"] == "No published 1999 report for Mongolia"

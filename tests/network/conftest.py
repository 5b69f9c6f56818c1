"""A small reporting network for the 1999 edition: one user per role, and three reports whose
drafts only some of them may see.

- North Korea (PRK, Asia-Pacific): the published sample report, plus a new draft revision; the
  researcher's country.
- Mongolia (MNG, Asia-Pacific): a draft, never published; in the coordinator's region.
- Angola (AGO, Africa): a draft, never published; another region.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from landmine_monitor.database.countries.models import Country, Region
from landmine_monitor.reports.document import Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import ensure_edition, save_report

PASSWORD = "a-long-test-password-1999"
DRAFT_TEXT = {
    "PRK": "A revised paragraph on North Korea, not yet published.",
    "MNG": "A first paragraph on Mongolia, a draft.",
    "AGO": "A first paragraph on Angola, a draft.",
}


def draft_of(country: Country, edition, text: str) -> CountryReportPage:
    """Save a new unpublished revision of the (country, edition) report."""
    document = ReportDocument(
        title=country.name,
        country_name=country.name,
        sections=[Section("Mine Ban Policy", [SectionKind.MINE_BAN_POLICY], [Paragraph(text)])],
    )
    return save_report(document, country=country, edition=edition).page


@dataclass
class Network:
    edition: object
    users: dict[str, object]
    reports: dict[str, CountryReportPage]
    draft_text: dict[str, str]

    def user(self, name: str):
        """The user as a new request loads it (nothing worked out for it yet)."""
        return get_user_model().objects.get(pk=self.users[name].pk)


@pytest.fixture
def make_draft():
    return draft_of


def _refused(response) -> bool:
    """The admin's refusal: 403, or (Wagtail's way in its admin views) a redirect to the
    dashboard saying "you do not have permission"; never to the login page, for the user is
    signed in."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def refused():
    return _refused


@pytest.fixture
def network(db) -> Network:
    from landmine_monitor.network.roles import Role, ensure_roles
    from landmine_monitor.network.services import assign_coordinator, assign_researcher

    ensure_roles()
    edition = ensure_edition(1999)
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=["PRK", "MNG", "AGO"])}
    reports = {code: draft_of(countries[code], edition, DRAFT_TEXT[code]) for code in ("PRK", "MNG", "AGO")}
    assert reports["PRK"].live and not reports["MNG"].live

    users = {}
    User = get_user_model()
    for name, role in [
        ("researcher", Role.RESEARCHER),
        ("coordinator", Role.COORDINATOR),
        ("theme-coordinator", Role.COORDINATOR),
        ("editor", Role.EDITOR),
        ("administrator", Role.ADMINISTRATOR),
        ("reader", None),
    ]:
        user = User.objects.create_user(name, password=PASSWORD)
        if role is not None:
            user.groups.add(Group.objects.get(name=role.value))
        users[name] = user
    assign_researcher(users["researcher"], countries["PRK"], edition)
    assign_coordinator(users["coordinator"], edition, region=Region.ASIA_PACIFIC)
    assign_coordinator(users["theme-coordinator"], edition, theme="ban-policy")
    return Network(edition, users, reports, DRAFT_TEXT)

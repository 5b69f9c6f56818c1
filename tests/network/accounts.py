"""The reporting network of the tests: its accounts, their roles and assignments, and the reports
they work on, built in one place for every fixture that needs them (`conftest.py` here and in
`workroom/`). Accounts are created as the admin does, assignments through `network.services`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from landmine_monitor.database.countries.models import Country, Region
from landmine_monitor.network.roles import Role, ensure_roles
from landmine_monitor.network.services import assign_coordinator, assign_researcher
from landmine_monitor.reports.document import Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import ensure_edition, save_report

PASSWORD = "a-long-test-password-1999"
YEAR = 1999
# Every account a test network may hold: its role, and its assignment in the 1999 edition (a
# researcher's country, a coordinator's region or theme).
ACCOUNTS: dict[str, tuple[Role | None, dict]] = {
    "researcher": (Role.RESEARCHER, {"country": "PRK"}),
    "angola-researcher": (Role.RESEARCHER, {"country": "AGO"}),
    "coordinator": (Role.COORDINATOR, {"region": Region.ASIA_PACIFIC}),
    "africa-coordinator": (Role.COORDINATOR, {"region": Region.AFRICA}),
    "theme-coordinator": (Role.COORDINATOR, {"theme": "ban-policy"}),
    "editor": (Role.EDITOR, {}),
    "administrator": (Role.ADMINISTRATOR, {}),
    "reader": (None, {}),
}


def draft_of(country: Country, edition, text: str, user=None) -> CountryReportPage:
    """Save a new unpublished revision of the (country, edition) report."""
    document = ReportDocument(
        title=country.name,
        country_name=country.name,
        sections=[Section("Mine Ban Policy", [SectionKind.MINE_BAN_POLICY], [Paragraph(text)])],
    )
    return save_report(document, country=country, edition=edition, user=user).page


def account(name: str, role: Role | None, *, email: bool = False):
    """A user named `name` in the role's group (none for a reader), signing in with PASSWORD;
    with `email`, an address at example.org and a first name, for the e-mails they are sent."""
    details = {"email": f"{name}@example.org", "first_name": name.title()} if email else {}
    user = get_user_model().objects.create_user(name, password=PASSWORD, **details)
    if role is not None:
        user.groups.add(Group.objects.get(name=role.value))
    return user


@dataclass
class Network:
    edition: object
    users: dict
    countries: dict
    reports: dict
    draft_text: dict = field(default_factory=dict)
    release_at: datetime.datetime | None = None
    workflow: object = None

    def user(self, name: str):
        """The user as a new request loads it (nothing worked out for it yet)."""
        return get_user_model().objects.get(pk=self.users[name].pk)

    def report(self, code: str) -> CountryReportPage:
        return CountryReportPage.objects.select_related("country", "edition").get(pk=self.reports[code].pk)


def build_network(names: list[str], *, drafts: dict[str, str], email: bool = False) -> Network:
    """The 1999 edition's network: a draft of each country in `drafts` (ISO3 code → its text),
    then the accounts named (see ACCOUNTS), each with its assignment."""
    ensure_roles()
    edition = ensure_edition(YEAR)
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=["PRK", "MNG", "AGO"])}
    reports = {code: draft_of(countries[code], edition, text) for code, text in drafts.items()}
    users = {}
    for name in names:
        role, assignment = ACCOUNTS[name]
        users[name] = user = account(name, role, email=email)
        if "country" in assignment:
            assign_researcher(user, countries[assignment["country"]], edition)
        elif assignment:
            assign_coordinator(user, edition, **assignment)
    return Network(edition, users, countries, reports, dict(drafts))

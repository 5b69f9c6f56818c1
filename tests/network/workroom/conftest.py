"""A reporting network for the 1999 edition with the review workflow, its calendar and its
embargo, and helpers to move a report through the workflow as the admin does.

- North Korea (PRK, Asia-Pacific): the published sample report, plus a new draft revision; the
  researcher's country.
- Mongolia (MNG, Asia-Pacific): a draft nobody is assigned; in the coordinator's region.
- Angola (AGO, Africa): assigned to another researcher; the other coordinator's region.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from landmine_monitor.database.countries.models import Country, Region
from landmine_monitor.database.editions.models import EditionState
from landmine_monitor.reports.document import Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import ensure_edition, save_report

PASSWORD = "a-long-test-password-1999"
NEW_TEXT = "A revised paragraph on North Korea, written for the 1999 review."


def draft_of(country: Country, edition, text: str, user=None) -> CountryReportPage:
    """Save a new unpublished revision of the (country, edition) report."""
    document = ReportDocument(
        title=country.name,
        country_name=country.name,
        sections=[Section("Mine Ban Policy", [SectionKind.MINE_BAN_POLICY], [Paragraph(text)])],
    )
    return save_report(document, country=country, edition=edition, user=user).page


@dataclass
class Network:
    edition: object
    users: dict
    countries: dict
    reports: dict
    release_at: datetime.datetime
    workflow: object
    new_text: str = NEW_TEXT

    def user(self, name: str):
        """The user as a new request loads it (nothing worked out for it yet)."""
        return get_user_model().objects.get(pk=self.users[name].pk)

    def report(self, code: str) -> CountryReportPage:
        return CountryReportPage.objects.select_related("country", "edition").get(pk=self.reports[code].pk)


@pytest.fixture
def make_draft():
    return draft_of


@pytest.fixture
def network(db, settings) -> Network:
    from landmine_monitor.network.models import MilestoneKind
    from landmine_monitor.network.roles import Role, ensure_roles
    from landmine_monitor.network.services import assign_coordinator, assign_researcher, set_milestone
    from landmine_monitor.network.workroom.workflow import ensure_review_workflow

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ensure_roles()
    workflow = ensure_review_workflow().workflow
    edition = ensure_edition(1999)
    release_at = (timezone.now() + datetime.timedelta(days=30)).replace(microsecond=0)
    edition.release_at = release_at
    edition.state = EditionState.RESEARCH  # the year's work under way
    edition.save()
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=["PRK", "MNG", "AGO"])}
    reports = {
        "PRK": draft_of(countries["PRK"], edition, NEW_TEXT),
        "MNG": draft_of(countries["MNG"], edition, "A first paragraph on Mongolia, a draft."),
    }
    users = {}
    for name, role in [
        ("researcher", Role.RESEARCHER),
        ("angola-researcher", Role.RESEARCHER),
        ("coordinator", Role.COORDINATOR),
        ("africa-coordinator", Role.COORDINATOR),
        ("theme-coordinator", Role.COORDINATOR),
        ("editor", Role.EDITOR),
        ("reader", None),
    ]:
        user = get_user_model().objects.create_user(
            name, email=f"{name}@example.org", password=PASSWORD, first_name=name.title()
        )
        if role is not None:
            user.groups.add(Group.objects.get(name=role.value))
        users[name] = user
    assign_researcher(users["researcher"], countries["PRK"], edition)
    assign_researcher(users["angola-researcher"], countries["AGO"], edition)
    assign_coordinator(users["coordinator"], edition, region=Region.ASIA_PACIFIC)
    assign_coordinator(users["africa-coordinator"], edition, region=Region.AFRICA)
    assign_coordinator(users["theme-coordinator"], edition, theme="ban-policy")
    today = timezone.localdate()
    for kind, days in [
        (MilestoneKind.ASSIGNMENTS, -60),
        (MilestoneKind.FIRST_DRAFTS_DUE, -5),
        (MilestoneKind.RESEARCHERS_MEETING, 7),
        (MilestoneKind.FINAL_DRAFTS_DUE, 20),
        (MilestoneKind.RELEASE, 30),
    ]:
        set_milestone(edition, kind, today + datetime.timedelta(days=days))
    return Network(edition, users, countries, reports, release_at, workflow)


def _latest_page(report: CountryReportPage):
    return CountryReportPage.objects.get(pk=report.pk)


def submit(report: CountryReportPage, user):
    """What "Submit to Report review" (or "Resubmit") in the edit view does."""
    page = _latest_page(report)
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)


def act(report: CountryReportPage, user, action: str, comment: str = ""):
    """A reviewer's action on the task the report waits at, as the workflow action view does."""
    page = _latest_page(report)
    task = page.current_workflow_task
    names = [name for name, _, _ in task.get_actions(page, user)]
    if action not in names:
        raise PermissionError(f"{user} may not {action} at {task}")
    task.on_action(page.current_workflow_task_state, user, action, comment=comment)


@pytest.fixture
def workflow_steps():
    return submit, act


@pytest.fixture
def refused():
    """The admin's refusal: 403, or (Wagtail's way in its admin views) a redirect to the
    dashboard saying "you do not have permission"."""

    def check(response) -> bool:
        if response.status_code == 403:
            return True
        return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")

    return check


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user

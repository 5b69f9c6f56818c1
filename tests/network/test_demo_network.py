"""`landmine-monitor demo-network` and the roles `setup` creates."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission

from landmine_monitor.network.models import Milestone, MilestoneKind, ResearcherAssignment
from landmine_monitor.network.permissions import can_edit
from landmine_monitor.network.roles import Role, ensure_roles
from landmine_monitor.reports.models import CountryReportPage, ReportsIndexPage

pytestmark = pytest.mark.django_db

PASSWORD = "demo-password-for-tests-1999"


def test_without_the_password_variable_it_fails_and_creates_nothing(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("LM_DEMO_PASSWORD", "DATABASE_URL")}
    env["LM_DATA_DIR"] = str(tmp_path)  # an empty installation: nothing to touch
    done = subprocess.run(
        [sys.executable, "-m", "landmine_monitor.cli", "demo-network"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "LM_DEMO_PASSWORD is not set" in done.stderr


def test_it_creates_one_account_per_role_with_the_password(client, monkeypatch):
    monkeypatch.setenv("LM_DEMO_PASSWORD", PASSWORD)
    out = StringIO()
    call_command("demo_network", stdout=out)
    assert "demo-researcher" in out.getvalue()
    for username, role in [
        ("demo-researcher", Role.RESEARCHER),
        ("demo-coordinator", Role.COORDINATOR),
        ("demo-editor", Role.EDITOR),
        ("demo-admin", Role.ADMINISTRATOR),
    ]:
        assert client.login(username=username, password=PASSWORD), username
        assert Group.objects.get(name=role.value).user_set.filter(username=username).exists()
        assert client.get("/admin/").status_code == 200, username
        client.logout()

    researcher = ResearcherAssignment.objects.get(researcher__username="demo-researcher")
    assert (researcher.country.iso3, researcher.edition.year) == ("PRK", 1999)

    draft = CountryReportPage.objects.get(edition__year=1999, country__iso3="MNG")
    assert not draft.live and draft.is_sample
    assert not ResearcherAssignment.objects.filter(country=draft.country).exists()
    users = {u.username: u for u in Group.objects.get(name=Role.RESEARCHER.value).user_set.all()}
    coordinator = Group.objects.get(name=Role.COORDINATOR.value).user_set.get(username="demo-coordinator")
    assert not can_edit(users["demo-researcher"], draft) and can_edit(coordinator, draft)

    # The researcher's log: an interview linked to the source the sample report's note 2 cites,
    # and the request sent through an intermediary, unanswered.
    from landmine_monitor.network.models import Interview, RequestForInformation, RequestState
    from landmine_monitor.reports.models import FootnoteCitation

    interview = Interview.objects.get(researcher__username="demo-researcher")
    note = FootnoteCitation.objects.get(footnote__report__country__iso3="PRK", footnote__number=2)
    assert interview.source == note.source
    request = RequestForInformation.objects.get(researcher__username="demo-researcher")
    assert request.state == RequestState.NO_ANSWER and request.source is not None

    calendar = {m.kind: m.due_on for m in Milestone.objects.filter(edition__year=1999)}
    assert set(calendar) == set(MilestoneKind)
    assert sorted(calendar, key=calendar.get) == list(MilestoneKind)  # in the calendar's order
    assert max(calendar.values()) == calendar[MilestoneKind.RELEASE]

    # Drafts go through the review workflow, on the whole reports tree.
    from wagtail.models import Workflow

    from landmine_monitor.network.workroom.workflow import WORKFLOW_NAME

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert draft.get_workflow() == workflow and workflow.active

    # Again: nothing new, and the password is still the one given.
    def counts():
        return (
            Milestone.objects.count(),
            ResearcherAssignment.objects.count(),
            CountryReportPage.objects.count(),
            Interview.objects.count(),
            RequestForInformation.objects.count(),
        )

    before = counts()
    call_command("demo_network", stdout=StringIO())
    assert counts() == before
    assert client.login(username="demo-editor", password=PASSWORD)


def test_ensure_roles_gives_each_group_its_page_permissions_once():
    assert ensure_roles() >= 0
    again = ensure_roles()
    assert again == 0
    index = ReportsIndexPage.objects.get()

    def actions(role):
        rows = GroupPagePermission.objects.filter(group__name=role.value)
        return {(p.page_id, p.permission.codename.removesuffix("_page")) for p in rows}

    assert actions(Role.RESEARCHER) == {(index.pk, "add"), (index.pk, "change")}
    assert (index.pk, "publish") in actions(Role.EDITOR)
    assert not any(action == "publish" for _, action in actions(Role.COORDINATOR))
    researchers = Group.objects.get(name=Role.RESEARCHER.value)
    assert researchers.permissions.filter(codename="access_admin").exists()
    assert researchers.permissions.filter(codename="add_requestforinformation").exists()
    assert not researchers.permissions.filter(codename="change_researcherassignment").exists()

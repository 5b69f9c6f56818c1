"""A reporting network for the 1999 edition with the review workflow, its calendar and its
embargo, and helpers to move a report through the workflow as the admin does.

- North Korea (PRK, Asia-Pacific): the published sample report, plus a new draft revision; the
  researcher's country.
- Mongolia (MNG, Asia-Pacific): a draft nobody is assigned; in the coordinator's region.
- Angola (AGO, Africa): assigned to another researcher; the other coordinator's region.
"""

from __future__ import annotations

import datetime

import pytest
from accounts import Network, build_network
from django.utils import timezone

from landmine_monitor.database.editions.models import EditionState
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import ensure_edition

NEW_TEXT = "A revised paragraph on North Korea, written for the 1999 review."


@pytest.fixture
def network(db, settings) -> Network:
    from landmine_monitor.network.models import MilestoneKind
    from landmine_monitor.network.roles import ensure_roles
    from landmine_monitor.network.services import set_milestone
    from landmine_monitor.network.workroom.workflow import ensure_review_workflow

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ensure_roles()
    workflow = ensure_review_workflow().workflow
    edition = ensure_edition(1999)
    release_at = (timezone.now() + datetime.timedelta(days=30)).replace(microsecond=0)
    edition.release_at = release_at
    edition.state = EditionState.RESEARCH  # the year's work under way
    edition.save()
    network = build_network(
        [
            "researcher",
            "angola-researcher",
            "coordinator",
            "africa-coordinator",
            "theme-coordinator",
            "editor",
            "reader",
        ],
        drafts={"PRK": NEW_TEXT, "MNG": "A first paragraph on Mongolia, a draft."},
        email=True,
    )
    network.release_at, network.workflow = release_at, workflow
    today = timezone.localdate()
    for kind, days in [
        (MilestoneKind.ASSIGNMENTS, -60),
        (MilestoneKind.FIRST_DRAFTS_DUE, -5),
        (MilestoneKind.RESEARCHERS_MEETING, 7),
        (MilestoneKind.FINAL_DRAFTS_DUE, 20),
        (MilestoneKind.RELEASE, 30),
    ]:
        set_milestone(edition, kind, today + datetime.timedelta(days=days))
    return network


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

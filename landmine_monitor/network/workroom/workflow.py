"""The review workflow of country reports, as a Wagtail workflow on the Country Reports tree.

"Report review" has two tasks: **Coordinator review** (`models.CoordinatorReviewTask`: the
coordinators of the report's region in its edition, and editors) and **Editor approval**
(Wagtail's `GroupApprovalTask` for Editors and Administrators). A researcher submits the draft;
a reviewer approves it or requests changes with a comment; the researcher revises and resubmits;
when the editors approve it, `release.publish_at_release` publishes it, at the edition's release
time when that is still to come. Wagtail logs every step in the report's history.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from landmine_monitor.network.roles import Role, ensure_roles
from landmine_monitor.reports.services import ensure_reports_index

from .models import CoordinatorReviewTask

WORKFLOW_NAME = "Report review"
COORDINATOR_TASK = "Coordinator review"
EDITOR_TASK = "Editor approval"
EDITOR_GROUPS = (Role.EDITOR, Role.ADMINISTRATOR)


@dataclass
class ReviewWorkflow:
    workflow: Workflow
    created: list[str]  # what was missing and is now there


def _named(model, name: str, what: str, created: list[str]):
    """The active task or workflow of that name, created (and logged) or reactivated if need be."""
    found = model.objects.filter(name=name).first()
    if found is None:
        found = model.objects.create(name=name)
        log(found, "wagtail.create")
        created.append(f"{what} {name!r}")
    elif not found.active:
        found.active = True
        found.save(update_fields=["active"])
        created.append(f"{what} {name!r} reactivated")
    return found


@transaction.atomic
def ensure_review_workflow() -> ReviewWorkflow:
    """Create what is missing of the review workflow and assign it to the Country Reports tree;
    safe to run again. A different workflow an administrator has put on the tree is left alone."""
    ensure_roles()
    created: list[str] = []
    coordinator_task = _named(CoordinatorReviewTask, COORDINATOR_TASK, "task", created)
    editor_task = _named(GroupApprovalTask, EDITOR_TASK, "task", created)
    groups = Group.objects.filter(name__in=[role.value for role in EDITOR_GROUPS])
    missing_groups = groups.exclude(pk__in=editor_task.groups.values("pk"))
    if missing_groups.exists():
        editor_task.groups.add(*missing_groups)
        created.append(f"groups of {EDITOR_TASK!r}")
    workflow = _named(Workflow, WORKFLOW_NAME, "workflow", created)
    for position, task in enumerate((coordinator_task, editor_task)):
        _, made = WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": position}
        )
        if made:
            created.append(f"step {position + 1}: {task.name!r}")
    _, made = WorkflowPage.objects.get_or_create(page=ensure_reports_index(), defaults={"workflow": workflow})
    if made:
        created.append("assigned to Country Reports")
    return ReviewWorkflow(workflow, created)

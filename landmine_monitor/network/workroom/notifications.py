"""E-mail notifications of the reporting network.

- **Assignment**: a researcher assigned a country (a new `ResearcherAssignment`) is told, once the
  assignment is committed.
- **Review requested**: each time a report reaches a task of the review workflow (submitted,
  resubmitted, passed on to the editors), the reviewers of that task: the coordinators of the
  report's region for Coordinator review (the editors when the region has none), the members of
  the task's groups for Editor approval.
- **Changes requested**: the report's researchers (whoever submitted it and whoever is assigned
  it), with the reviewer's comment.
- **Approval**: the report's researchers and its region's coordinators, with when it goes public.

The workflow notifications replace Wagtail's own (connected under the same `dispatch_uid`s, so
nobody gets both) and honour the preferences in each user's Wagtail account settings
("submitted", "rejected", "approved" notifications). Whoever triggered an event is not told of
it. Every e-mail sent is written to Wagtail's audit log as `workroom.notify`, on the report (or
the assignment) it is about, naming its recipients. Reminders are sent by `reminders.py`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected
from wagtail.users.models import UserProfile

from landmine_monitor.foundation.mail import deliver, message
from landmine_monitor.network.models import CoordinatorAssignment, ResearcherAssignment
from landmine_monitor.network.roles import Role
from landmine_monitor.reports.models import CountryReportPage

NOTIFY_ACTION = "workroom.notify"
# Wagtail's receivers of these signals (wagtail.admin.signal_handlers); ours take their place.
REVIEW_REQUESTED_UID = "group_approval_task_submitted_email_notification"
CHANGES_REQUESTED_UID = "workflow_state_rejected_email_notification"
APPROVED_UID = "workflow_state_approved_email_notification"


def admin_url(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def _members(*roles: Role):
    return get_user_model().objects.filter(groups__name__in=[r.value for r in roles], is_active=True)


def researchers_of(report: CountryReportPage) -> list:
    """Who is assigned the report's country in its edition (and still a researcher)."""
    assigned = ResearcherAssignment.objects.filter(edition_id=report.edition_id, country_id=report.country_id)
    return list(_members(Role.RESEARCHER).filter(pk__in=assigned.values("researcher")).distinct())


def coordinators_of(report: CountryReportPage) -> list:
    """The coordinators of the report's region in its edition (still coordinators)."""
    assigned = CoordinatorAssignment.objects.filter(
        edition_id=report.edition_id, region=report.country.region
    )
    return list(_members(Role.COORDINATOR).filter(pk__in=assigned.values("coordinator")).distinct())


def editors() -> list:
    return list(_members(Role.EDITOR).distinct())


def send(kind: str, subject: str, template: str, context: dict, users: Iterable, *, about, by=None) -> list:
    """E-mail each user with an address (once), and log it on `about`; returns who was sent it."""
    recipients = []
    for user in users:
        if user is not None and user.is_active and user.email and user not in recipients:
            recipients.append(user)
    if not recipients:
        return []
    messages = [
        message(
            subject,
            render_to_string(f"workroom/notifications/{template}.txt", {**context, "user": user}),
            [user.email],
        )
        for user in recipients
    ]
    if not deliver(messages):
        # A mail server that is down must not undo the work being notified; the log says so.
        return []
    log(
        instance=about,
        action=NOTIFY_ACTION,
        user=by,
        data={"notification": kind, "subject": subject, "to": [u.get_username() for u in recipients]},
    )
    return recipients


def _wanting(users: Iterable, preference: str, *, but=None) -> list:
    """The users, less `but`, who keep Wagtail's `<preference>_notifications` on."""
    return [
        user
        for user in users
        if user != but and getattr(UserProfile.get_for_user(user), f"{preference}_notifications")
    ]


def _report_of(workflow_state: WorkflowState) -> CountryReportPage | None:
    return (
        CountryReportPage.objects.select_related("country", "edition")
        .filter(pk=workflow_state.object_id)
        .first()
    )


def _report_context(report: CountryReportPage) -> dict:
    return {
        "report": report,
        "country": report.country.name,
        "year": report.edition.year,
        "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[report.pk])),
        "history_url": admin_url(reverse("wagtailadmin_pages:history", args=[report.pk])),
        "workspace_url": admin_url(reverse("workroom:workspace")),
    }


def reviewers_of(task_state: TaskState) -> list:
    """Who acts on the task of the workflow the report has reached."""
    from .models import CoordinatorReviewTask

    task = task_state.task.specific
    report = _report_of(task_state.workflow_state)
    if isinstance(task, CoordinatorReviewTask):
        return (coordinators_of(report) if report is not None else []) or editors()
    if isinstance(task, AbstractGroupApprovalTask):
        return list(get_user_model().objects.filter(groups__in=task.groups.all(), is_active=True).distinct())
    return []


def _tell(report: CountryReportPage, kind: str, subject: str, preference: str, people, user, **extra) -> list:
    """E-mail `people` about the report (less `user`, who did it, and those who turned this kind
    of notification off), with the template named after `kind`."""
    recipients = _wanting([p for p in people if p is not None], preference, but=user)
    context = {**_report_context(report), **extra}
    return send(kind, subject, kind.replace(" ", "_"), context, recipients, about=report, by=user)


def review_requested(sender=None, instance: TaskState | None = None, user=None, **kwargs) -> list:
    task_state = instance
    report = _report_of(task_state.workflow_state)
    if report is None:
        return []
    task = task_state.task
    return _tell(
        report,
        "review requested",
        f"To review: {report.country.name} ({report.edition.year}), {task.name}",
        "submitted",
        reviewers_of(task_state),
        user,
        task=task.name,
        by=task_state.workflow_state.requested_by,
        compare_url=admin_url(reverse("workroom:previous_edition", args=[report.pk])),
    )


def changes_requested(sender=None, instance: WorkflowState | None = None, user=None, **kwargs) -> list:
    workflow_state = instance
    report = _report_of(workflow_state)
    if report is None:
        return []
    task_state = workflow_state.current_task_state
    return _tell(
        report,
        "changes requested",
        f"Changes requested: {report.country.name} ({report.edition.year})",
        "rejected",
        [workflow_state.requested_by, *researchers_of(report)],
        user,
        task=task_state.task.name,
        reviewer=user,
        comment=task_state.comment,
    )


def approved(sender=None, instance: WorkflowState | None = None, user=None, **kwargs) -> list:
    workflow_state = instance
    report = _report_of(workflow_state)
    if report is None:
        return []
    scheduled = report.scheduled_revision
    return _tell(
        report,
        "approved",
        f"Approved: {report.country.name} ({report.edition.year})",
        "approved",
        [workflow_state.requested_by, *researchers_of(report), *coordinators_of(report)],
        user,
        approver=user,
        go_live_at=scheduled.approved_go_live_at if scheduled else None,
        public_url=report.get_full_url() if report.live else "",
    )


def assigned(assignment: ResearcherAssignment) -> list:
    from landmine_monitor.network.selectors import calendar_of

    context = {
        "assignment": assignment,
        "calendar": list(calendar_of(assignment.edition)),
        "workspace_url": admin_url(reverse("workroom:workspace")),
    }
    subject = f"Your assignment: {assignment.country.name} in {assignment.edition.title}"
    return send("assignment", subject, "assigned", context, [assignment.researcher], about=assignment)


def _on_assignment_saved(sender, instance: ResearcherAssignment, created: bool, raw: bool = False, **kwargs):
    if created and not raw:
        pk = instance.pk

        def notify():
            assignment = (
                ResearcherAssignment.objects.select_related("edition", "country", "researcher")
                .filter(pk=pk)
                .first()
            )
            if assignment is not None:
                assigned(assignment)

        transaction.on_commit(notify)


def connect_notifications() -> None:
    """Connect the receivers; Wagtail's own for the same events are taken out (whichever of the
    two apps became ready first)."""
    for signal, sender, receiver, uid in (
        (task_submitted, TaskState, review_requested, REVIEW_REQUESTED_UID),
        (workflow_rejected, WorkflowState, changes_requested, CHANGES_REQUESTED_UID),
        (workflow_approved, WorkflowState, approved, APPROVED_UID),
    ):
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(receiver, sender=sender, dispatch_uid=uid, weak=False)
    post_save.connect(
        _on_assignment_saved,
        sender=ResearcherAssignment,
        dispatch_uid="workroom_assignment_email",
        weak=False,
    )

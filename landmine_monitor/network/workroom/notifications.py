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

The workflow notifications are Wagtail's own notifiers (`wagtail.admin.mail`), subclassed to tell
the Monitor's people about country reports: each chooses its recipients by the network's rules
(`permissions.people_covering`), renders the templates under `workroom/notifications/` and sends
through `foundation.mail`. Wagtail connects its notifiers to the workflow's signals under fixed
`dispatch_uid`s; ours are connected under the same ones, in their place, so nobody gets both.
As Wagtail's do, they honour the preferences in each user's Wagtail account settings
("submitted", "rejected", "approved" notifications) and do not tell whoever triggered an event.
Every e-mail sent is written to Wagtail's audit log as `workroom.notify`, on the report (or the
assignment) it is about, naming its recipients. Reminders are sent by `reminders.py`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

from landmine_monitor.foundation.mail import deliver, message
from landmine_monitor.network.models import ResearcherAssignment
from landmine_monitor.network.permissions import REGION, RESEARCH, people_covering
from landmine_monitor.network.roles import Role
from landmine_monitor.reports.models import CountryReportPage

NOTIFY_ACTION = "workroom.notify"
TEMPLATES = "workroom/notifications/"
# The dispatch_uids under which Wagtail connects its notifiers (wagtail.admin.signal_handlers).
REVIEW_REQUESTED_UID = "group_approval_task_submitted_email_notification"
CHANGES_REQUESTED_UID = "workflow_state_rejected_email_notification"
APPROVED_UID = "workflow_state_approved_email_notification"


def admin_url(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def editors() -> list:
    return list(get_user_model().objects.filter(groups__name=Role.EDITOR.value, is_active=True).distinct())


def send(kind: str, subject: str, template: str, context: dict, users: Iterable, *, about, by=None) -> list:
    """E-mail each user with an address (once), and log it on `about`; returns who was sent it.
    `template` names the body's template under workroom/notifications/."""
    recipients = []
    for user in users:
        if user is not None and user.is_active and user.email and user not in recipients:
            recipients.append(user)
    if not recipients:
        return []
    messages = [
        message(
            subject, render_to_string(f"{TEMPLATES}{template}.txt", {**context, "user": user}), [user.email]
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


def _report_of(workflow_state: WorkflowState) -> CountryReportPage | None:
    return (
        CountryReportPage.objects.select_related("country", "edition")
        .filter(pk=workflow_state.object_id)
        .first()
    )


class ReportNotifier:
    """What the Monitor's workflow mails change in a Wagtail notifier: only country reports are
    its concern; its recipients keep the order they are named in (whoever triggered the event
    left out); its subject and text come from the templates named after `kind`; it sends through
    `send` (`foundation.mail`, and the audit log)."""

    kind = ""

    def workflow_state_of(self, instance) -> WorkflowState:
        return instance.workflow_state if isinstance(instance, TaskState) else instance

    def can_handle(self, instance, **kwargs) -> bool:
        return isinstance(instance, self.valid_classes) and self.report(instance) is not None

    def report(self, instance) -> CountryReportPage | None:
        return _report_of(self.workflow_state_of(instance))

    def people(self, instance, report: CountryReportPage) -> list:
        raise NotImplementedError

    def get_recipient_users(self, instance, **kwargs) -> list:
        triggering = kwargs.get("user")
        named = self.people(instance, self.report(instance))
        return [user for user in dict.fromkeys(named) if user is not None and user != triggering]

    def get_valid_recipients(self, instance, **kwargs) -> list:
        # Wagtail's filter (active, with an address, the preference on), in the order named.
        valid = super().get_valid_recipients(instance, **kwargs)
        return [user for user in self.get_recipient_users(instance, **kwargs) if user in valid]

    def get_template_set(self, instance, **kwargs) -> dict:
        name = TEMPLATES + self.kind.replace(" ", "_")
        return {"subject": f"{name}_subject.txt", "text": f"{name}.txt"}

    def get_context(self, instance, **kwargs) -> dict:
        context = super().get_context(instance, **kwargs)
        report = self.report(instance)
        return {
            **context,
            "report": report,
            "country": report.country.name,
            "year": report.edition.year,
            "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[report.pk])),
            "history_url": admin_url(reverse("wagtailadmin_pages:history", args=[report.pk])),
            "workspace_url": admin_url(reverse("workroom:workspace")),
        }

    def send_emails(self, template_set, context, recipients, **kwargs) -> bool:
        subject = render_to_string(template_set["subject"], context).strip()
        template = template_set["text"].removeprefix(TEMPLATES).removesuffix(".txt")
        sent = send(
            self.kind, subject, template, context, recipients, about=context["report"], by=kwargs.get("user")
        )
        return len(sent) == len(recipients)


class ReviewRequestedNotifier(ReportNotifier, GroupApprovalTaskStateSubmissionEmailNotifier):
    """A report reached a task of the review: its reviewers are told (Wagtail's own notifier
    tells the groups of a group approval task; this one also the coordinators of the report's
    region at Coordinator review)."""

    kind = "review requested"

    def people(self, task_state: TaskState, report: CountryReportPage) -> list:
        from .models import CoordinatorReviewTask

        task = task_state.task.specific
        if isinstance(task, CoordinatorReviewTask):
            return list(people_covering(report, REGION)) or editors()
        if isinstance(task, AbstractGroupApprovalTask):  # Wagtail's reviewers: the task's groups
            return list(GroupApprovalTaskStateSubmissionEmailNotifier.get_recipient_users(self, task_state))
        return []

    def get_context(self, task_state: TaskState, **kwargs) -> dict:
        context = super().get_context(task_state, **kwargs)
        return {
            **context,
            "task": task_state.task.name,
            "by": task_state.workflow_state.requested_by,
            "compare_url": admin_url(reverse("workroom:previous_edition", args=[context["report"].pk])),
        }


class ChangesRequestedNotifier(ReportNotifier, WorkflowStateRejectionEmailNotifier):
    """A reviewer asked for changes: whoever submitted the report and its researchers are told,
    with the reviewer's comment."""

    kind = "changes requested"

    def people(self, workflow_state: WorkflowState, report: CountryReportPage) -> list:
        return [workflow_state.requested_by, *people_covering(report, RESEARCH)]

    def get_context(self, workflow_state: WorkflowState, **kwargs) -> dict:
        context = super().get_context(workflow_state, **kwargs)
        return {**context, "task": context["task"].name, "reviewer": kwargs.get("user")}


class ApprovedNotifier(ReportNotifier, WorkflowStateApprovalEmailNotifier):
    """The review is over: whoever submitted the report, its researchers and its region's
    coordinators are told when it goes public."""

    kind = "approved"

    def people(self, workflow_state: WorkflowState, report: CountryReportPage) -> list:
        return [
            workflow_state.requested_by,
            *people_covering(report, RESEARCH),
            *people_covering(report, REGION),
        ]

    def get_context(self, workflow_state: WorkflowState, **kwargs) -> dict:
        context = super().get_context(workflow_state, **kwargs)
        report = context["report"]
        scheduled = report.scheduled_revision
        return {
            **context,
            "approver": kwargs.get("user"),
            "go_live_at": scheduled.approved_go_live_at if scheduled else None,
            "public_url": report.get_full_url() if report.live else "",
        }


review_requested = ReviewRequestedNotifier()
changes_requested = ChangesRequestedNotifier()
approved = ApprovedNotifier()


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
    """Connect the notifiers in place of Wagtail's own for the same events (whichever of the two
    apps became ready first), and the assignment mail."""
    for signal, sender, notifier, uid in (
        (task_submitted, TaskState, review_requested, REVIEW_REQUESTED_UID),
        (workflow_rejected, WorkflowState, changes_requested, CHANGES_REQUESTED_UID),
        (workflow_approved, WorkflowState, approved, APPROVED_UID),
    ):
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(notifier, sender=sender, dispatch_uid=uid, weak=False)
    post_save.connect(
        _on_assignment_saved,
        sender=ResearcherAssignment,
        dispatch_uid="workroom_assignment_email",
        weak=False,
    )

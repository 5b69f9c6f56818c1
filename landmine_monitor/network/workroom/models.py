"""The review workflow's coordinator step, and the record of reminders sent.

The workflow itself ("Report review": Coordinator review, then Editor approval) is Wagtail's;
`workflow.ensure_review_workflow()` creates it. Its first task is `CoordinatorReviewTask`, whose
reviewers are worked out per report by the network's rules; the second is Wagtail's own
`GroupApprovalTask` for the Editors and Administrators groups.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from wagtail.models import Page, Task, TaskState

from landmine_monitor.network.permissions import approvable_reports, can_approve, has_full_access


class CoordinatorReviewTask(Task):
    """A report's review by the research coordinators of its country's region in its edition
    (`network.permissions.can_approve`); editors and administrators may act on it too. Pages of
    the reports tree that are not country reports are reviewed by editors and administrators."""

    def user_can_review(self, obj, user) -> bool:
        if user is None or not user.is_authenticated:
            return False
        from landmine_monitor.network.page_access import as_report  # the page admin's; loaded late

        report = as_report(obj) if isinstance(obj, Page) else None
        if report is None:
            return has_full_access(user)
        return can_approve(user, report)

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        # While a report is in review, only its reviewers change it.
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def get_actions(self, obj, user):
        if not self.user_can_review(obj, user):
            return []
        return [
            ("reject", "Request changes", True),
            ("approve", "Approve", False),
            ("approve", "Approve with comment", True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if has_full_access(user):
            return states
        reports = [str(pk) for pk in approvable_reports(user).values_list("pk", flat=True)]
        return states.filter(workflow_state__object_id__in=reports)

    @classmethod
    def get_description(cls):
        return "The research coordinators of the report's region in its edition (and editors) review it"

    class Meta:
        verbose_name = "coordinator review task"
        verbose_name_plural = "coordinator review tasks"


class ReminderKind(models.TextChoices):
    MILESTONE = "milestone", "Milestone coming"
    OVERDUE_DRAFT = "overdue-draft", "Draft overdue"
    OVERDUE_REQUEST = "overdue-request", "Request for information unanswered"


class SentReminder(models.Model):
    """A reminder e-mailed by `send-reminders`, kept so that running it again sends nothing twice."""

    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    key = models.CharField(max_length=200, help_text="What the reminder is about, e.g. milestone:12:PRK:7.")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField(help_text="The day the reminders were sent for.")
    sent_at = models.DateTimeField(auto_now_add=True)
    subject = models.CharField(max_length=300)

    class Meta:
        ordering = ["-sent_on", "kind", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key", "recipient", "sent_on"], name="one_reminder_a_day_per_subject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sent_on}: {self.subject} → {self.recipient}"

"""Reminders e-mailed by `landmine-monitor send-reminders`, meant to run once a day.

- **Milestones coming**: each researcher of an edition not yet published is reminded of the
  research calendar's milestones (first drafts, researchers' meeting, final drafts, embargo,
  release) a week before (from 7 days to 2 days ahead, once) and the day before (1 day ahead or
  on the day, once); a draft milestone their report has met is not reminded of.
- **Overdue drafts**: a researcher whose report has missed a draft milestone, once a week while
  it stays missed.
- **Overdue requests for information**: whoever sent a request whose answer is overdue
  (`network.selectors.overdue_requests`), once a week while it stays unanswered.

Every reminder sent is kept as a `SentReminder`; the same reminder is never sent twice on a day,
so running the command again (or twice a day) sends nothing new. Each e-mail is also in
Wagtail's audit log (`workroom.notify`), on the assignment or request it is about.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Model
from django.urls import reverse

from landmine_monitor.database.editions.models import EditionState
from landmine_monitor.foundation.dates import long_date
from landmine_monitor.network.models import MilestoneKind, ResearcherAssignment
from landmine_monitor.network.permissions import roles_of
from landmine_monitor.network.roles import Role
from landmine_monitor.network.selectors import overdue_requests
from landmine_monitor.reports.models import CountryReportPage

from .models import ReminderKind, SentReminder
from .notifications import admin_url, send
from .selectors import (
    DRAFT_MILESTONES,
    Deadline,
    ReportState,
    delivered,
    milestones_by_kind,
    next_deadline,
    progress_of_reports,
)

REMINDED_MILESTONES = (
    MilestoneKind.FIRST_DRAFTS_DUE,
    MilestoneKind.RESEARCHERS_MEETING,
    MilestoneKind.FINAL_DRAFTS_DUE,
    MilestoneKind.EMBARGO,
    MilestoneKind.RELEASE,
)
WEEK_AHEAD, DAY_AHEAD = 7, 1
REPEAT_OVERDUE_DAYS = 7


@dataclass
class Reminder:
    kind: ReminderKind
    key: str
    recipient: object
    subject: str
    message: str
    link_text: str
    link: str
    about: Model
    repeat_days: int | None = None  # None: once; n: again after n days while it holds

    def already_sent(self, on: datetime.date) -> bool:
        sent = SentReminder.objects.filter(kind=self.kind, key=self.key, recipient=self.recipient)
        if self.repeat_days is not None:
            sent = sent.filter(sent_on__gt=on - datetime.timedelta(days=self.repeat_days))
        return sent.exists()


def _when(days: int) -> str:
    if days == 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days} days"


def _to_researcher(
    assignment: ResearcherAssignment, kind, key, subject, message, repeat_days=None
) -> Reminder:
    return Reminder(
        kind=kind,
        key=key,
        recipient=assignment.researcher,
        subject=subject,
        message=message,
        link_text="Your workspace",
        link=admin_url(reverse("workroom:workspace")),
        about=assignment,
        repeat_days=repeat_days,
    )


def _coming(assignment: ResearcherAssignment, milestone, on: datetime.date) -> Reminder | None:
    """The reminder of a milestone a week or a day ahead, or None."""
    days = Deadline(milestone, on).days_left
    if not 0 <= days <= WEEK_AHEAD:
        return None
    edition, country = assignment.edition, assignment.country
    is_draft = milestone.kind in DRAFT_MILESTONES
    tier = "day" if days <= DAY_AHEAD else "week"
    about = f"the {country.name} report" if is_draft else edition.title
    name = milestone.get_kind_display()
    return _to_researcher(
        assignment,
        ReminderKind.MILESTONE,
        f"milestone:{milestone.pk}:{country.iso3 if is_draft else 'all'}:{tier}",
        f"{name} {_when(days)}: {about}",
        f"{name} of {edition.title}: {long_date(milestone.due_on)}, {_when(days)}."
        + (f" Your country: {country.name}." if is_draft else ""),
    )


def _overdue(assignment: ResearcherAssignment, missed: Deadline) -> Reminder:
    milestone, country = missed.milestone, assignment.country
    name = milestone.get_kind_display()
    return _to_researcher(
        assignment,
        ReminderKind.OVERDUE_DRAFT,
        f"overdue:{milestone.pk}:{country.iso3}",
        f"Overdue: the {country.name} report ({name})",
        f"The {assignment.edition.year} report on {country.name} was due on {long_date(milestone.due_on)} "
        f"({name.lower()}) and is {missed.days_ago} days overdue.",
        repeat_days=REPEAT_OVERDUE_DAYS,
    )


def _assignments_by_edition() -> dict[int, list[ResearcherAssignment]]:
    """The assignments of editions not yet published, held by active researchers."""
    assignments = (
        ResearcherAssignment.objects.exclude(edition__state=EditionState.PUBLISHED)
        .select_related("edition", "country", "researcher")
        .order_by("edition__year", "country__name")
    )
    by_edition: dict[int, list[ResearcherAssignment]] = {}
    for assignment in assignments:
        researcher = assignment.researcher
        if researcher.is_active and Role.RESEARCHER in roles_of(researcher):
            by_edition.setdefault(assignment.edition_id, []).append(assignment)
    return by_edition


def _milestone_reminders(on: datetime.date) -> list[Reminder]:
    reminders = []
    for mine in _assignments_by_edition().values():
        edition = mine[0].edition
        milestones = milestones_by_kind(edition)
        countries = [a.country for a in mine]
        reports = list(CountryReportPage.objects.filter(edition=edition, country__in=countries))
        progress = {p.report.country_id: p for p in progress_of_reports(reports).values()}
        for assignment in mine:
            found = progress.get(assignment.country_id)
            state = found.state if found else ReportState.NOT_STARTED
            submitted = found.ever_submitted if found else False
            for kind in REMINDED_MILESTONES:
                milestone = milestones.get(kind)
                if milestone is None or (kind in DRAFT_MILESTONES and delivered(kind, state, submitted)):
                    continue
                coming = _coming(assignment, milestone, on)
                if coming is not None:
                    reminders.append(coming)
            missed = next_deadline(state, submitted, milestones, on)
            if missed is not None and missed.overdue:
                reminders.append(_overdue(assignment, missed))
    # One reminder of a calendar milestone per researcher, whatever number of countries.
    unique: dict[tuple[str, int], Reminder] = {}
    for reminder in reminders:
        unique.setdefault((reminder.key, reminder.recipient.pk), reminder)
    return list(unique.values())


def _request_reminders(on: datetime.date) -> list[Reminder]:
    reminders = []
    for request in overdue_requests(on).exclude(edition__state=EditionState.PUBLISHED):
        if request.researcher is None or not request.researcher.is_active:
            continue
        days = (on - request.response_due).days
        reminders.append(
            Reminder(
                kind=ReminderKind.OVERDUE_REQUEST,
                key=f"request:{request.pk}",
                recipient=request.researcher,
                subject=f"No answer yet: your request for information to {request.addressee_organisation}",
                message=(
                    f"Your request for information to {request.addressee} ({request.country.name}), sent "
                    f"{request.sent_on_display}, was to be answered by {long_date(request.response_due)}: "
                    f"{days} days ago. Record a reminder you send, or the answer when it comes."
                ),
                link_text="The request",
                link=admin_url(
                    reverse("wagtailsnippets_network_requestforinformation:edit", args=[request.pk])
                ),
                about=request,
                repeat_days=REPEAT_OVERDUE_DAYS,
            )
        )
    return reminders


def due_reminders(on: datetime.date) -> list[Reminder]:
    """Every reminder due on `on` that has not been sent yet."""
    due = _milestone_reminders(on) + _request_reminders(on)
    return [r for r in due if not r.already_sent(on)]


@dataclass
class ReminderRun:
    sent: list[Reminder]
    unsent: list[tuple[Reminder, str]]  # and why


def send_reminders(on: datetime.date, *, dry_run: bool = False) -> ReminderRun:
    """Send what `due_reminders(on)` finds (with `dry_run`, only say what it would send)."""
    run = ReminderRun([], [])
    for reminder in due_reminders(on):
        if not reminder.recipient.email:
            run.unsent.append((reminder, f"{reminder.recipient.get_username()} has no e-mail address"))
            continue
        if dry_run:
            run.sent.append(reminder)
            continue
        try:
            with transaction.atomic():
                SentReminder.objects.create(
                    kind=reminder.kind,
                    key=reminder.key,
                    recipient=reminder.recipient,
                    sent_on=on,
                    subject=reminder.subject[:300],
                )
                context = {
                    "message": reminder.message,
                    "link_text": reminder.link_text,
                    "link": reminder.link,
                }
                if not send(
                    f"reminder: {reminder.kind}",
                    reminder.subject,
                    "reminder",
                    context,
                    [reminder.recipient],
                    about=reminder.about,
                ):
                    raise ConnectionError("the mail server refused it")
        except IntegrityError:
            continue  # another run sent it meanwhile
        except ConnectionError as error:
            run.unsent.append((reminder, str(error)))
            continue
        run.sent.append(reminder)
    return run

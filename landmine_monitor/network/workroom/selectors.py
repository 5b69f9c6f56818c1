"""Reading the year's work: each report's state in the review workflow, the deadlines it has to
meet, the progress board's rows.

A report's state is derived, never stored: from the page (live, unpublished changes, a revision
scheduled to go live) and its Wagtail workflow states:

| state | when |
|---|---|
| not started | a researcher is assigned the country and there is no report yet |
| drafting | a report exists and is none of the below (not submitted, withdrawn, changed since published) |
| submitted | in the review workflow, at its first task (Coordinator review) |
| in review | in the review workflow, at a later task (Editor approval) |
| changes requested | a reviewer sent it back; the researcher revises and resubmits it |
| approved | approved, and scheduled to go public at the edition's release |
| published | live, with nothing newer than what is published |

Deadlines are the edition's "first drafts due" and "final drafts due" milestones: a first draft
is delivered once the report has been submitted, a final draft once the coordinator has passed
it to the editors.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState, WorkflowTask

from landmine_monitor.database.countries.models import Country, Region
from landmine_monitor.database.editions.models import Edition, EditionState
from landmine_monitor.foundation.dates import long_date
from landmine_monitor.network.models import Milestone, MilestoneKind, ResearcherAssignment
from landmine_monitor.network.permissions import coverage, has_full_access
from landmine_monitor.network.selectors import calendar_of
from landmine_monitor.reports.models import CountryReportPage


class ReportState(models.TextChoices):
    NOT_STARTED = "not-started", "Not started"
    DRAFTING = "drafting", "Drafting"
    SUBMITTED = "submitted", "Submitted"
    IN_REVIEW = "in-review", "In review"
    CHANGES_REQUESTED = "changes-requested", "Changes requested"
    APPROVED = "approved", "Approved"
    PUBLISHED = "published", "Published"


FIRST_DRAFT_DELIVERED = frozenset(
    {
        ReportState.SUBMITTED,
        ReportState.IN_REVIEW,
        ReportState.CHANGES_REQUESTED,
        ReportState.APPROVED,
        ReportState.PUBLISHED,
    }
)
FINAL_DRAFT_DELIVERED = frozenset({ReportState.IN_REVIEW, ReportState.APPROVED, ReportState.PUBLISHED})
DRAFT_MILESTONES = (MilestoneKind.FIRST_DRAFTS_DUE, MilestoneKind.FINAL_DRAFTS_DUE)
REGION_ORDER = {value: position for position, value in enumerate(Region.values)}


@dataclass(frozen=True)
class ReviewFacts:
    """What a report's state is derived from."""

    has_report: bool
    live: bool = False
    unpublished_changes: bool = False
    workflow_status: str | None = None  # of its active workflow state (in progress, needs changes)
    task_position: int | None = None  # where that workflow stands: 0 for its first task
    scheduled: bool = False  # a revision approved to go live later
    ever_submitted: bool = False


def derive_state(facts: ReviewFacts) -> ReportState:
    if not facts.has_report:
        return ReportState.NOT_STARTED
    if facts.workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return ReportState.CHANGES_REQUESTED
    if facts.workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return ReportState.SUBMITTED if not facts.task_position else ReportState.IN_REVIEW
    if facts.scheduled:
        return ReportState.APPROVED
    if facts.live and not facts.unpublished_changes:
        return ReportState.PUBLISHED
    return ReportState.DRAFTING


@dataclass(frozen=True)
class Deadline:
    milestone: Milestone
    on: datetime.date

    @property
    def days_left(self) -> int:
        """Days until the milestone; negative when it has passed."""
        return (self.milestone.due_on - self.on).days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_ago(self) -> int:
        return -self.days_left

    def __str__(self) -> str:
        days = self.days_left
        if days < 0:
            when = f"{-days} day{'s' if days != -1 else ''} overdue"
        elif days == 0:
            when = "due today"
        else:
            when = f"in {days} day{'s' if days != 1 else ''}"
        return f"{self.milestone.get_kind_display()}, {long_date(self.milestone.due_on)} ({when})"


def milestones_by_kind(edition: Edition) -> dict[str, Milestone]:
    """The milestones a report of the edition is held to; none once the edition is published:
    it went out, and a report not delivered by then is not late for it (it is not in it)."""
    if edition.state == EditionState.PUBLISHED:
        return {}
    return {m.kind: m for m in calendar_of(edition)}


def delivered(kind: str, state: ReportState, ever_submitted: bool) -> bool:
    """Whether a report in `state` has met the draft milestone of that kind."""
    if kind == MilestoneKind.FIRST_DRAFTS_DUE:
        return ever_submitted or state in FIRST_DRAFT_DELIVERED
    return state in FINAL_DRAFT_DELIVERED


def next_deadline(
    state: ReportState, ever_submitted: bool, milestones: dict[str, Milestone], on: datetime.date
) -> Deadline | None:
    """The first of the edition's draft milestones the report has not met yet, or None."""
    for kind in DRAFT_MILESTONES:
        milestone = milestones.get(kind)
        if milestone is not None and not delivered(kind, state, ever_submitted):
            return Deadline(milestone, on)
    return None


def current_edition() -> Edition | None:
    """The newest edition not yet published; the newest of all when every one is."""
    editions = Edition.objects.order_by("-year")
    return editions.exclude(state=EditionState.PUBLISHED).first() or editions.first()


def edition_named(year: str | int | None) -> Edition | None:
    """The edition of that year, or the current one when no year is given."""
    if year in (None, ""):
        return current_edition()
    try:
        return Edition.objects.filter(year=int(year)).first()
    except (TypeError, ValueError):
        return None


@dataclass
class ReportProgress:
    """Where one report stands."""

    report: CountryReportPage | None
    state: ReportState
    ever_submitted: bool = False
    task: str = ""  # the workflow task it waits at
    go_live_at: datetime.datetime | None = None  # when an approved version goes public


def _page_content_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def progress_of_reports(reports: list[CountryReportPage]) -> dict[int, ReportProgress]:
    """Each report's progress, by page id, in a fixed number of queries."""
    ids = [str(r.pk) for r in reports]
    page_type = _page_content_type()
    states = (
        WorkflowState.objects.filter(base_content_type=page_type, object_id__in=ids)
        .select_related("current_task_state__task")
        .order_by("created_at", "pk")
    )
    tasks: dict[int, list[int]] = defaultdict(list)  # each workflow's tasks, in order
    for workflow_id, task_id in WorkflowTask.objects.order_by("sort_order").values_list(
        "workflow_id", "task_id"
    ):
        tasks[workflow_id].append(task_id)
    active: dict[str, WorkflowState] = {}
    submitted: set[str] = set()
    for state in states:
        submitted.add(state.object_id)
        if state.status in (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES):
            active[state.object_id] = state
    scheduled = dict(
        Revision.objects.filter(
            base_content_type=page_type, object_id__in=ids, approved_go_live_at__isnull=False
        ).values_list("object_id", "approved_go_live_at")
    )
    found = {}
    for report in reports:
        key = str(report.pk)
        state = active.get(key)
        task_state = state.current_task_state if state is not None else None
        position = None
        if task_state is not None and task_state.task_id in tasks[state.workflow_id]:
            position = tasks[state.workflow_id].index(task_state.task_id)
        facts = ReviewFacts(
            has_report=True,
            live=report.live,
            unpublished_changes=report.has_unpublished_changes,
            workflow_status=state.status if state is not None else None,
            task_position=position,
            scheduled=key in scheduled,
            ever_submitted=key in submitted,
        )
        found[report.pk] = ReportProgress(
            report=report,
            state=derive_state(facts),
            ever_submitted=facts.ever_submitted,
            task=task_state.task.name if task_state is not None else "",
            go_live_at=scheduled.get(key),
        )
    return found


def progress_of(report: CountryReportPage) -> ReportProgress:
    return progress_of_reports([report])[report.pk]


@dataclass
class ProgressRow:
    """One line of the progress board: a country of the edition."""

    country: Country
    researchers: list = field(default_factory=list)
    progress: ReportProgress = None
    deadline: Deadline | None = None

    @property
    def state(self) -> ReportState:
        return self.progress.state

    @property
    def report(self) -> CountryReportPage | None:
        return self.progress.report


def progress_board(
    edition: Edition, *, user=None, region: str = "", state: str = "", on: datetime.date | None = None
) -> list[ProgressRow]:
    """Every country of the edition with a report or an assignment, by region then name; with
    `user`, only the countries that user covers (a coordinator's region); filtered by region
    and state when given."""
    on = on or timezone.localdate()
    reports = list(CountryReportPage.objects.filter(edition=edition).select_related("country"))
    progress = progress_of_reports(reports)
    rows: dict[int, ProgressRow] = {}
    for report in reports:
        rows[report.country_id] = ProgressRow(report.country, progress=progress[report.pk])
    assignments = ResearcherAssignment.objects.filter(edition=edition).select_related("country", "researcher")
    for assignment in assignments.order_by("researcher__last_name", "researcher__username"):
        row = rows.get(assignment.country_id)
        if row is None:
            row = rows[assignment.country_id] = ProgressRow(
                assignment.country, progress=ReportProgress(report=None, state=ReportState.NOT_STARTED)
            )
        row.researchers.append(assignment.researcher)
    milestones = milestones_by_kind(edition)
    selected = []
    for row in rows.values():
        if user is not None and not has_full_access(user) and coverage(user, edition.pk, row.country) is None:
            continue
        if region and row.country.region != region:
            continue
        if state and row.state != state:
            continue
        row.deadline = next_deadline(row.state, row.progress.ever_submitted, milestones, on)
        selected.append(row)
    selected.sort(key=lambda r: (REGION_ORDER.get(r.country.region, len(REGION_ORDER)), r.country.name))
    return selected


@dataclass
class CitedSource:
    source: object
    citing: list[str]  # "North Korea 1999, note 3"


def cited_sources(reports: list[CountryReportPage]) -> list[CitedSource]:
    """The sources the latest revisions of the reports cite, in the order first cited."""
    from landmine_monitor.database.sources.models import Source

    citing: dict[int, list[str]] = {}
    for report in reports:
        latest = report.get_latest_revision_as_object() if report.latest_revision_id else report
        for note in latest.footnotes.all():
            for citation in note.citations.all():
                where = f"{report.country.name} {report.edition.year}, note {note.number}"
                places = citing.setdefault(citation.source_id, [])
                if where not in places:
                    places.append(where)
    sources = Source.objects.in_bulk(list(citing))
    return [CitedSource(sources[pk], places) for pk, places in citing.items() if pk in sources]

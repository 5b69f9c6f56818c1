"""Writing the reporting network: assignments, the calendar, the research log and its citations.

Every write is one transaction, checked with `full_clean()`, and written to Wagtail's audit log
(`ModelLogEntry`) with the user who made it, as the admin does for its own edits.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models, transaction
from wagtail.log_actions import log

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.sources.models import Source, SourceKind
from landmine_monitor.database.sources.services import source_with_fingerprint
from landmine_monitor.foundation.dates import long_date

from .citing import fingerprint_of, has_reply
from .models import (
    CoordinatorAssignment,
    DatePrecision,
    Interview,
    InterviewMode,
    Milestone,
    RequestForInformation,
    RequestReminder,
    ResearcherAssignment,
)
from .permissions import forget
from .roles import Role


def _save(instance: models.Model, action: str, by=None, **data) -> None:
    instance.full_clean()
    instance.save()
    log(instance, action, user=by, data=data or None)


def _join(user, role: Role) -> None:
    user.groups.add(Group.objects.get(name=role.value))
    forget(user)


@transaction.atomic
def assign_researcher(researcher, country: Country, edition: Edition, *, by=None, note: str = ""):
    """Assign the country in the edition to the researcher (who joins the Researchers group);
    returns the assignment and whether it is new."""
    _join(researcher, Role.RESEARCHER)
    found = ResearcherAssignment.objects.filter(researcher=researcher, country=country, edition=edition)
    found = found.first()
    if found is not None:
        return found, False
    assignment = ResearcherAssignment(researcher=researcher, country=country, edition=edition, note=note)
    _save(assignment, "wagtail.create", by)
    return assignment, True


@transaction.atomic
def assign_coordinator(coordinator, edition: Edition, *, region: str = "", theme: str = "", by=None, note=""):
    """Make the user coordinator of a region or a theme in the edition (they join the Research
    coordinators group); returns the assignment and whether it is new."""
    _join(coordinator, Role.COORDINATOR)
    found = CoordinatorAssignment.objects.filter(
        coordinator=coordinator, edition=edition, region=region, theme=theme
    ).first()
    if found is not None:
        return found, False
    assignment = CoordinatorAssignment(
        coordinator=coordinator, edition=edition, region=region, theme=theme, note=note
    )
    _save(assignment, "wagtail.create", by)
    return assignment, True


@transaction.atomic
def end_assignment(assignment: ResearcherAssignment | CoordinatorAssignment, *, by=None) -> None:
    """Remove an assignment; the audit log keeps that it existed."""
    holder = assignment.researcher if isinstance(assignment, ResearcherAssignment) else assignment.coordinator
    log(assignment, "wagtail.delete", user=by)
    assignment.delete()
    forget(holder)


@transaction.atomic
def set_milestone(edition: Edition, kind: str, due_on: datetime.date, *, notes: str = "", by=None):
    """Set the date of one milestone of the edition's calendar (created, or moved)."""
    milestone = Milestone.objects.filter(edition=edition, kind=kind).first()
    if milestone is None:
        milestone = Milestone(edition=edition, kind=kind, due_on=due_on, notes=notes)
        _save(milestone, "wagtail.create", by)
    elif (milestone.due_on, milestone.notes) != (due_on, notes):
        milestone.due_on, milestone.notes = due_on, notes
        _save(milestone, "wagtail.edit", by)
    return milestone


@transaction.atomic
def record_request(*, by=None, reminders: list[datetime.date] = (), **fields) -> RequestForInformation:
    """Record a request for information; `fields` are the model's (country, edition, researcher,
    addressee_*, subject, channel, intermediary, sent_on, sent_on_precision, response_due,
    state, state_as_of, response_*). The researcher defaults to `by`."""
    fields.setdefault("researcher", by)
    request = RequestForInformation(**fields)
    request.full_clean()
    children = [RequestReminder(request=request, sent_on=day) for day in reminders]
    for reminder in children:
        reminder.full_clean(exclude=["request"])
    request.reminders = children
    request.save()
    log(request, "wagtail.create", user=by)
    return request


@transaction.atomic
def update_request(request: RequestForInformation, *, by=None, **changes) -> RequestForInformation:
    """Change fields of a request (its state and response, typically)."""
    for name, value in changes.items():
        setattr(request, name, value)
    _save(request, "wagtail.edit", by, changed=sorted(changes))
    return request


@transaction.atomic
def add_reminder(
    request: RequestForInformation, sent_on: datetime.date, *, channel: str = "", note: str = "", by=None
) -> RequestReminder:
    reminder = RequestReminder(request=request, sent_on=sent_on, channel=channel, note=note)
    reminder.full_clean()
    reminder.save()
    log(request, "wagtail.edit", user=by, data={"reminder": sent_on.isoformat()})
    return reminder


@transaction.atomic
def record_interview(*, by=None, **fields) -> Interview:
    """Record an interview; `fields` are the model's. The researcher defaults to `by`."""
    fields.setdefault("researcher", by)
    interview = Interview(**fields)
    _save(interview, "wagtail.create", by)
    return interview


def _with_role(person: str, role: str) -> str:
    return ", ".join(p for p in (person, role) if p)


def _link_source(record, field: str, key: str, by, **fields) -> Source:
    """Link the record's `field` to the Source with fingerprint `key`: the one footnotes citing
    the record already point to, or a new one made from `fields` (a source linked before its
    fingerprint was known takes it on)."""
    current = getattr(record, field)
    source = source_with_fingerprint(key)
    if source is not None and source == current:
        return current
    if source is None and current is not None and not current.fingerprint:
        current.fingerprint = key
        _save(current, "wagtail.edit", by, fingerprint=key)
        return current
    if source is None:
        source = Source(fingerprint=key, **fields)
        _save(source, "wagtail.create", by)
    setattr(record, field, source)
    record.save(update_fields=[field, "updated_at"])
    log(record, "wagtail.edit", user=by, data={"cited_as": source.pk, "field": field})
    return source


@transaction.atomic
def cite_request(request: RequestForInformation, *, reply: bool = False, by=None) -> Source:
    """The `Source` that footnotes citing the request (or, with `reply`, the government's reply)
    are linked to: the footnote `citing.footnote_text` gives, or any citing it the same way.
    Created the first time, the same one after; one that an imported footnote made already is
    reused."""
    given, request = request, RequestForInformation.objects.select_for_update().get(pk=request.pk)
    if reply:
        if not has_reply(request):
            raise ValidationError(
                {"state": f"The request is {request.get_state_display().lower()}: there is no reply to cite."}
            )
        source = _link_source(
            request,
            "reply_source",
            fingerprint_of(request, reply=True),
            by,
            kind=SourceKind.LETTER,
            title="Reply to a Landmine Monitor request for information",
            person=_with_role(request.addressee_person, request.addressee_title),
            organisation=request.addressee_organisation,
            date=request.response_on,
            note=f"Request for information {request.pk}. {request.response_summary}".strip(),
        )
    else:
        by_whom = f" through {request.intermediary}" if request.intermediary else ""
        exact = request.sent_on_precision == DatePrecision.DAY
        source = _link_source(
            request,
            "source",
            fingerprint_of(request),
            by,
            kind=SourceKind.LETTER,
            title=f"Landmine Monitor request for information, sent{by_whom}",
            person=_with_role(request.addressee_person, request.addressee_title),
            organisation=request.addressee_organisation,
            date=request.sent_on if exact else None,
            date_text="" if exact else request.sent_on_display,
            note=f"Request for information {request.pk}: {_state_sentence(request)}",
        )
    given.source, given.reply_source = request.source, request.reply_source
    return source


def _state_sentence(request: RequestForInformation) -> str:
    as_of = f" as of {long_date(request.state_as_of)}" if request.state_as_of else ""
    return f"{request.get_state_display()}{as_of}."


@transaction.atomic
def cite_interview(interview: Interview, *, by=None) -> Source:
    """The `Source` that footnotes citing the interview are linked to (as `cite_request`)."""
    given, interview = interview, Interview.objects.select_for_update().get(pk=interview.pk)
    telephone = interview.mode == InterviewMode.TELEPHONE
    source = _link_source(
        interview,
        "source",
        fingerprint_of(interview),
        by,
        kind=SourceKind.TELEPHONE_INTERVIEW if telephone else SourceKind.INTERVIEW,
        title="Landmine Monitor telephone interview" if telephone else "Landmine Monitor interview",
        person=_with_role(interview.person, interview.role),
        organisation=interview.organisation,
        date=interview.held_on,
        place=interview.place,
        note=f"Interview {interview.pk}.",
    )
    given.source = source
    return source

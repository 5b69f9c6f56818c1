"""Reading the reporting network: the research log, overdue requests, assignments, tokens."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import APIToken

from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.sources.models import Source
from landmine_monitor.database.sources.selectors import is_public, public_sources
from landmine_monitor.reports.models import FootnoteCitation

from .models import (
    Interview,
    Milestone,
    RequestForInformation,
    RequestState,
    ResearcherAssignment,
)
from .permissions import covered, editable_reports, has_full_access


def overdue_condition(on: datetime.date) -> Q:
    """Requests still pending whose answer was due before `on`."""
    return Q(state=RequestState.PENDING, response_due__lt=on)


def requests_for(user) -> QuerySet[RequestForInformation]:
    """The requests for information of the countries the user covers."""
    return covered(user, RequestForInformation.objects.select_related("country", "edition", "researcher"))


def overdue_requests(on: datetime.date | None = None, *, user=None) -> QuerySet[RequestForInformation]:
    """Pending requests past their due date on `on` (default today), the longest overdue first;
    with `user`, only those of the countries that user covers."""
    requests = (
        requests_for(user)
        if user is not None
        else RequestForInformation.objects.select_related("country", "edition", "researcher")
    )
    return requests.filter(overdue_condition(on or timezone.localdate())).order_by("response_due", "pk")


def interviews_for(user) -> QuerySet[Interview]:
    return covered(user, Interview.objects.select_related("country", "edition", "researcher"))


def researchers_of(edition: Edition) -> QuerySet[ResearcherAssignment]:
    """Who researches which country in the edition."""
    return ResearcherAssignment.objects.filter(edition=edition).select_related("country", "researcher")


def calendar_of(edition: Edition) -> QuerySet[Milestone]:
    return Milestone.objects.filter(edition=edition).order_by("due_on")


def tokens_of(user=None) -> QuerySet[APIToken]:
    """API tokens, revoked ones included, of one user or of everyone, the oldest first."""
    tokens = APIToken.objects.select_related("user").order_by("created", "pk")
    return tokens.filter(user=user) if user is not None else tokens


def sources_seen_by(user) -> QuerySet[Source]:
    """The sources the user may see: every one for editors and administrators; for researchers
    and coordinators, the public ones (`sources.selectors`) and those of the reports and the
    research log they cover — never the sources only another country's draft or log cites."""
    if has_full_access(user):
        return Source.objects.all()
    cited = FootnoteCitation.objects.filter(footnote__report__in=editable_reports(user))
    requests = covered(user, RequestForInformation.objects.all())
    interviews = covered(user, Interview.objects.all())
    own = (
        Q(pk__in=public_sources().values("pk"))
        | Q(pk__in=cited.values("source"))
        | Q(pk__in=requests.values("source"))
        | Q(pk__in=requests.values("reply_source"))
        | Q(pk__in=interviews.values("source"))
    )
    return Source.objects.filter(own)


def source_seen_by(user, source: Source) -> bool:
    """Whether the user may see the source (anyone may see a public one)."""
    if is_public(source):
        return True
    return user.is_active and sources_seen_by(user).filter(pk=source.pk).exists()


def replies_hidden_from(user) -> QuerySet | None:
    """The ids of the documents attached as replies to requests for information of countries
    the user does not cover (and to none they cover); None when nothing is hidden from them
    (editors, administrators)."""
    if has_full_access(user):
        return None
    replies = RequestForInformation.objects.exclude(response_document=None)
    seen = covered(user, replies).values("response_document") if user.is_authenticated else []
    return replies.exclude(response_document__in=seen).values("response_document")

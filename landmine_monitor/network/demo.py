"""The demonstration network: one account per role, the 1999 edition's assignments and research
calendar, the researcher's log (an interview, a request for information), and a draft 1999
report that nobody is assigned, for trying the permissions, citing the log and the review
workflow. `landmine-monitor demo-network` runs it; running it again changes nothing but
the accounts' password (always the one given)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from landmine_monitor.database.countries.models import Region
from landmine_monitor.database.countries.selectors import resolve_country
from landmine_monitor.network.workroom.workflow import ensure_review_workflow
from landmine_monitor.reports.importers import read_reports
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import ensure_edition, save_report

from .models import (
    Channel,
    DatePrecision,
    Interview,
    InterviewMode,
    MilestoneKind,
    RequestForInformation,
    RequestState,
)
from .permissions import forget
from .roles import Role, ensure_roles
from .services import (
    assign_coordinator,
    assign_researcher,
    cite_interview,
    cite_request,
    record_interview,
    record_request,
    set_milestone,
)

YEAR = 1999
# (username, role, first name, last name)
ACCOUNTS = [
    ("demo-researcher", Role.RESEARCHER, "Demo", "Researcher"),
    ("demo-coordinator", Role.COORDINATOR, "Demo", "Coordinator"),
    ("demo-editor", Role.EDITOR, "Demo", "Editor"),
    ("demo-admin", Role.ADMINISTRATOR, "Demo", "Administrator"),
]
RESEARCHED_COUNTRY = "PRK"
DPRK = "Democratic People's Republic of Korea"
# A second Asia-Pacific country: its draft is seen by the region's coordinator and by editors,
# not by the researcher.
UNASSIGNED_SAMPLE = Path(__file__).resolve().parent / "sample" / "mongolia-1999.md"
SAMPLE_NOTE = "Sample calendar of the demonstration network."
# A plausible calendar for an edition released in early May 1999.
CALENDAR = [
    (MilestoneKind.ASSIGNMENTS, datetime.date(1998, 10, 15)),
    (MilestoneKind.FIRST_DRAFTS_DUE, datetime.date(1999, 1, 31)),
    (MilestoneKind.RESEARCHERS_MEETING, datetime.date(1999, 2, 15)),
    (MilestoneKind.FINAL_DRAFTS_DUE, datetime.date(1999, 3, 31)),
    (MilestoneKind.EDITING, datetime.date(1999, 4, 1)),
    (MilestoneKind.EMBARGO, datetime.date(1999, 4, 26)),
    (MilestoneKind.RELEASE, datetime.date(1999, 5, 3)),
]


@dataclass
class DemoNetwork:
    usernames: list[str]
    assignments_created: int
    milestones: int
    draft: CountryReportPage
    draft_created: bool
    log_entries: int  # interviews and requests for information in the researcher's log


def _research_log(researcher, country, edition) -> int:
    """Put two entries in the researcher's log, from the facts of the 1999 report: the telephone
    interview its note 2 cites, and the request for information sent through an intermediary in
    January 1999, unanswered on 1 March 1999. Each is linked to its Source (the one the sample
    report's notes cite, when it is loaded), for "Cite in a footnote" to show. Returns the number
    of entries in the researcher's log of the edition."""
    interview = Interview.objects.filter(country=country, edition=edition, person="Kim Sam Jong").first()
    if interview is None:
        interview = record_interview(
            by=researcher,
            country=country,
            edition=edition,
            person="Kim Sam Jong",
            role="Counselor",
            organisation=f"Permanent Mission of the {DPRK} to the UN in New York",
            held_on=datetime.date(1999, 2, 24),
            place="Tokyo",
            mode=InterviewMode.TELEPHONE,
            notes="The position stated to the General Assembly on 4 December 1998 stands.",
        )
    cite_interview(interview)
    request = RequestForInformation.objects.filter(country=country, edition=edition).first()
    if request is None:
        request = record_request(
            by=researcher,
            country=country,
            edition=edition,
            addressee_organisation=f"Government of the {DPRK}, P'yongyang",
            subject="Landmine policy, production, transfer, stockpiles and mined areas.",
            channel=Channel.INTERMEDIARY,
            intermediary="Central Headquarters of the General Association of Korean Residents in Japan",
            sent_on=datetime.date(1999, 1, 1),
            sent_on_precision=DatePrecision.MONTH,
            state=RequestState.NO_ANSWER,
            state_as_of=datetime.date(1999, 3, 1),
        )
    cite_request(request)
    mine = {"researcher": researcher, "edition": edition}
    return Interview.objects.filter(**mine).count() + RequestForInformation.objects.filter(**mine).count()


@transaction.atomic
def ensure_demo_network(password: str) -> DemoNetwork:
    """Create (or bring back) the demonstration network; raises ValidationError for a password
    that the installation's password rules refuse."""
    validate_password(password)
    ensure_roles()
    ensure_review_workflow()
    edition = ensure_edition(YEAR)
    users = {}
    for username, role, first_name, last_name in ACCOUNTS:
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name}
        )
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=role.value))
        forget(user)
        users[role] = user
    created = 0
    _, made = assign_researcher(users[Role.RESEARCHER], resolve_country(RESEARCHED_COUNTRY), edition)
    created += made
    _, made = assign_coordinator(users[Role.COORDINATOR], edition, region=Region.ASIA_PACIFIC)
    created += made
    for kind, day in CALENDAR:
        set_milestone(edition, kind, day, notes=SAMPLE_NOTE)
    [document] = read_reports(UNASSIGNED_SAMPLE)
    country = resolve_country(document.country_name)
    draft = CountryReportPage.objects.filter(country=country, edition=edition).first()
    draft_created = draft is None
    if draft_created:
        draft = save_report(document, country=country, edition=edition, is_sample=True).page
    logged = _research_log(users[Role.RESEARCHER], resolve_country(RESEARCHED_COUNTRY), edition)
    return DemoNetwork([a[0] for a in ACCOUNTS], created, len(CALENDAR), draft, draft_created, logged)

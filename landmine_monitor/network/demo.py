"""The demonstration network: one account per role, the 1999 edition's assignments and research
calendar, and a draft 1999 report that nobody is assigned, for trying the permissions and the
review workflow. `landmine-monitor demo-network` runs it; running it again changes nothing but
the accounts' password (always the one given)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from landmine_monitor.countries.models import Region
from landmine_monitor.countries.selectors import resolve_country
from landmine_monitor.reports.importers import read_reports
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import ensure_edition, save_report
from landmine_monitor.workroom.workflow import ensure_review_workflow

from .models import MilestoneKind
from .permissions import forget
from .roles import Role, ensure_roles
from .services import assign_coordinator, assign_researcher, set_milestone

YEAR = 1999
# (username, role, first name, last name)
ACCOUNTS = [
    ("demo-researcher", Role.RESEARCHER, "Demo", "Researcher"),
    ("demo-coordinator", Role.COORDINATOR, "Demo", "Coordinator"),
    ("demo-editor", Role.EDITOR, "Demo", "Editor"),
    ("demo-admin", Role.ADMINISTRATOR, "Demo", "Administrator"),
]
RESEARCHED_COUNTRY = "PRK"
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
    return DemoNetwork([a[0] for a in ACCOUNTS], created, len(CALENDAR), draft, draft_created)

"""Rules of the review workflow that Wagtail's page permissions cannot say, checked when a
report's edit form is posted (the `before_edit_page` hook):

- a report is submitted to review (or a review restarted) only by those who may submit it
  (`network.permissions.can_submit`: its researchers, its region's coordinators, editors), not
  by a theme coordinator who may only read and edit it;
- an editor publishing a report directly, outside the workflow, cannot break its edition's
  embargo: before the release time, the go-live time must be the release time or later; and
  the explorer's bulk "Publish" refuses reports whose release is still to come (the
  `before_bulk_action` hook).

And the final approval says what it does: "Approve and publish at the release", not Wagtail's
"Approve and Publish", while the release is still to come.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from landmine_monitor.foundation.dates import long_datetime
from landmine_monitor.network.page_access import as_report
from landmine_monitor.network.permissions import can_submit

SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


def refuse_submission(request, page) -> None:
    if request.method != "POST" or not any(request.POST.get(name) for name in SUBMIT_ACTIONS):
        return
    report = as_report(page)
    if report is not None and not can_submit(request.user, report):
        raise PermissionDenied(
            f"The {report.edition.year} report on {report.country.name} is submitted for review by its "
            "researchers, its region's coordinators or the editors."
        )


def _posted_go_live(request):
    value = parse_datetime(request.POST.get("go_live_at", "").strip())
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def release_of(page):
    """The release time of the report's edition when it is still to come, else None."""
    report = as_report(page)
    return report.edition.release_at if report is not None and report.edition.release_pending() else None


def embargo_breach(request, page) -> str:
    """Why publishing the posted form now would break the report's embargo ("" when it would not)."""
    if request.method != "POST" or not request.POST.get("action-publish"):
        return ""
    release = release_of(page)
    if release is None:
        return ""
    go_live = _posted_go_live(request)
    if go_live is not None and go_live >= release:
        return ""
    until = long_datetime(release)
    return (
        f"{as_report(page).edition.title} is embargoed until {until}: "
        "set the go-live time to then or later (Schedule in the status panel), or approve the report "
        "through its review, which schedules it by itself. Nothing was published."
    )


def embargoed_in_bulk(pages) -> str:
    """Why a bulk publication of `pages` would break an embargo ("" when none is under one)."""
    held = [as_report(page) for page in pages if release_of(page) is not None]
    if not held:
        return ""
    names = ", ".join(f"{r.country.name} {r.edition.year}" for r in held[:5])
    more = f" and {len(held) - 5} more" if len(held) > 5 else ""
    return (
        f"Not published: the reports on {names}{more} are under their edition's embargo. Approve them "
        "through their review, or schedule them for the release time in their edit form."
    )


def name_the_release(menu_items, request, context) -> None:
    """Relabel the final approval of a report whose release is still to come."""
    page = context.get("page")
    release = release_of(page) if page is not None and page.pk else None
    if release is None:
        return
    when = long_datetime(release, zone=False)
    for item in menu_items:
        if getattr(item, "name", "") == "approve" and str(item.label).endswith("and Publish"):
            item.label = f"{str(item.label).removesuffix(' and Publish')} and publish at the release ({when})"

"""A report against the same country's report in the previous edition, as the user may read each
(`permissions.readable_version`), compared by `reports.compare`: Wagtail's own comparison of two
versions of a report, its sections matched by heading or kinds across the editions.
"""

from __future__ import annotations

from dataclasses import dataclass

from landmine_monitor.network.permissions import can_view_draft, readable_version
from landmine_monitor.reports.compare import ReportComparison, compare_documents
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import document_of


@dataclass
class Version:
    """One side of the comparison: which report, which version of it."""

    report: CountryReportPage
    page: CountryReportPage  # the version compared: the live page or a revision's
    draft: bool  # its latest revision rather than what is published

    @property
    def label(self) -> str:
        state = "latest draft" if self.draft else "as published"
        return f"{self.report.edition.year} ({state})"


def previous_report(report: CountryReportPage, user) -> CountryReportPage | None:
    """The same country's report in the latest earlier edition the user may read."""
    earlier = (
        CountryReportPage.objects.filter(country_id=report.country_id, edition__year__lt=report.edition.year)
        .select_related("country", "edition")
        .order_by("-edition__year")
    )
    for candidate in earlier:
        if candidate.live or can_view_draft(user, candidate):
            return candidate
    return None


@dataclass
class EditionComparison:
    old: Version | None
    new: Version
    comparison: ReportComparison | None


def compare_with_previous_edition(report: CountryReportPage, user) -> EditionComparison:
    """The report as the user reads it against the previous edition's: as published when it
    was, its latest draft otherwise."""
    new = Version(report, *readable_version(user, report))
    previous = previous_report(report, user)
    if previous is None:
        return EditionComparison(None, new, None)
    if previous.live:
        old = Version(previous, previous, draft=False)
    else:
        old = Version(previous, previous.get_latest_revision_as_object(), draft=True)
    return EditionComparison(old, new, compare_documents(document_of(old.page), document_of(new.page)))

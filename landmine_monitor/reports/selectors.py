"""Reading reports: only published ones are public."""

from __future__ import annotations

from django.db.models import QuerySet

from landmine_monitor.sources.models import Source

from .models import CountryReportPage, FootnoteCitation


def public_reports() -> QuerySet[CountryReportPage]:
    return CountryReportPage.objects.live().public().select_related("country", "edition")


def citations_of(source: Source) -> QuerySet[FootnoteCitation]:
    """Every citation of the source in a published report, in edition and country order."""
    public = public_reports().values("pk")
    return (
        FootnoteCitation.objects.filter(source=source, footnote__report__in=public)
        .select_related("footnote__report__country", "footnote__report__edition")
        .order_by("footnote__report__edition__year", "footnote__report__country__name", "footnote__number")
    )

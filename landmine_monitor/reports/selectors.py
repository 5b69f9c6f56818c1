"""Reading reports: only published ones are public."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet

from landmine_monitor.database.countries.models import Country, CountryKind, Region
from landmine_monitor.database.countries.selectors import search_countries
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.sources.models import Source
from landmine_monitor.database.treaties.rules import Status
from landmine_monitor.database.treaties.selectors import get_treaty, treaty_parties

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


@dataclass
class BookEntry:
    country: Country
    status: Status
    report: CountryReportPage | None


@dataclass
class StatusGroup:
    label: str
    entries: list[BookEntry] = field(default_factory=list)


@dataclass
class RegionGroup:
    region: str
    label: str
    groups: list[StatusGroup]

    @property
    def count(self) -> int:
        return sum(len(g.entries) for g in self.groups)


# The annual report's order: region, then treaty status on the reporting date, then name. A state
# that has ratified but is not yet bound stands with the States Parties, as the book printed it.
GROUP_OF_STATUS = {
    Status.STATE_PARTY: "States Parties",
    Status.RATIFIED: "States Parties",
    Status.SIGNATORY: "Signatories",
    Status.NON_SIGNATORY: "Non-signatories",
    Status.WITHDRAWN: "Non-signatories",
}
GROUP_ORDER = ["States Parties", "Signatories", "Non-signatories", "Other areas"]


def book_order(edition: Edition, *, only_reports: bool, q: str = "") -> list[RegionGroup]:
    """Countries in the book's order for `edition`: by region, then by Mine Ban Treaty status on
    the edition's reporting date (the end of its reporting period, else 31 December of its year).

    `only_reports` keeps the countries with a published report in the edition (the table of
    contents); otherwise every country and area is listed, with its report where there is one.
    """
    on = edition.reporting_period_end or datetime.date(edition.year, 12, 31)
    reports = {p.country_id: p for p in public_reports().filter(edition=edition)}
    countries = search_countries(q) if q else Country.objects.all()
    if only_reports:
        countries = [c for c in countries if c.pk in reports]
    standings = dict(treaty_parties(get_treaty("mbt"), on, among=reports if only_reports else None).standings)
    regions = []
    for region, label in Region.choices:
        groups = {name: StatusGroup(name) for name in GROUP_ORDER}
        for country in sorted((c for c in countries if c.region == region), key=lambda c: c.name):
            report = reports.get(country.pk)
            if only_reports and report is None:
                continue
            standing = standings.get(country)
            if standing is None:  # other areas, and states not yet in existence on that date
                if country.kind != CountryKind.OTHER_AREA and report is None:
                    continue
                groups["Other areas"].entries.append(BookEntry(country, Status.NON_SIGNATORY, report))
                continue
            groups[GROUP_OF_STATUS[standing.status]].entries.append(
                BookEntry(country, standing.status, report)
            )
        kept = [g for g in groups.values() if g.entries]
        if kept:
            regions.append(RegionGroup(region, label, kept))
    return regions

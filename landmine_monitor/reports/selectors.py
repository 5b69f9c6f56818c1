"""Reading reports: only published ones are public."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet

from landmine_monitor.database.countries.models import Country, CountryKind, Region
from landmine_monitor.database.countries.selectors import search_countries
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.sources.models import Source
from landmine_monitor.database.treaties.selectors import get_treaty, treaty_parties
from landmine_monitor.database.treaties.vocabulary import BookGroup, Status

from .models import CountryReportPage, EditionPage, FootnoteCitation


def public_reports() -> QuerySet[CountryReportPage]:
    return CountryReportPage.objects.live().public().select_related("country", "edition")


def latest_edition_page() -> EditionPage | None:
    """The latest edition with a published report (an edition still in research has only drafts)."""
    published = CountryReportPage.objects.live().values("edition")
    return EditionPage.objects.live().filter(edition__in=published).order_by("-edition__year").first()


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
    group: BookGroup  # its value is the group's slug
    entries: list[BookEntry] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.group.label


@dataclass
class RegionGroup:
    region: str
    label: str
    groups: list[StatusGroup]

    @property
    def count(self) -> int:
        return sum(len(g.entries) for g in self.groups)




def book_order(edition: Edition, *, only_reports: bool, q: str = "") -> list[RegionGroup]:
    """Countries in the book's order for `edition`: by region, then by the group of their Mine Ban
    Treaty status (`Status.book_group`) on the edition's reporting date (the end of its reporting
    period, else 31 December of its year), then by name.

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
        groups = {group: StatusGroup(group) for group in BookGroup}
        for country in sorted((c for c in countries if c.region == region), key=lambda c: c.name):
            report = reports.get(country.pk)
            if only_reports and report is None:
                continue
            standing = standings.get(country)
            if standing is None:  # other areas, and states not yet in existence on that date
                if country.kind != CountryKind.OTHER_AREA and report is None:
                    continue
                groups[BookGroup.OTHER_AREAS].entries.append(BookEntry(country, Status.NON_SIGNATORY, report))
                continue
            groups[standing.status.book_group].entries.append(BookEntry(country, standing.status, report))
        kept = [g for g in groups.values() if g.entries]
        if kept:
            regions.append(RegionGroup(region, label, kept))
    return regions

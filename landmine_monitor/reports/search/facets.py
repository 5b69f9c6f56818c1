"""The search's facets: edition, region, treaty status and section kind, one class each.

Every facet answers the same questions (`SearchFacet`):

- its `name` (the query parameter, and its key in the API's answer) and `label`;
- how it filters the matching passages and how it counts them (below);
- how it shows its choices: `form_field()` on the search page's form, `api_type` and
  `api_constraints` for the API's typed parameter, and `shown()`, its values with their counts
  after a search.

Each facet's counts apply every other facet chosen but not its own, so a reader sees what choosing
another value would give. A search's `selectors.Matching` holds what it matched, for the facets to
filter and count. Two families share the work out differently:

- a `ReportFacet` (edition, region, treaty status) has a value per report, which every passage of
  the report shares. The matching passages are counted once per report (the backend's
  `facet("page_id")`); each report facet reads its value for those reports in one go
  (`values_of`); filtering and counting are then comparisons and sums over the reports.
- a `PassageFacet` (section kind) has its values on the passage itself (one of `Passage`'s filter
  fields): it filters passages in the database and is counted by the search backend.

The search (`selectors.search`), the search page's form and view and the API take their facets
from `FACETS`: a facet is added by writing its class and listing it there.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.db.models import QuerySet

from landmine_monitor.database.countries.models import Region
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.treaties.vocabulary import BOOK_GROUP_LABELS
from landmine_monitor.reports.document import SectionKind
from landmine_monitor.reports.models import KIND_CHOICES
from landmine_monitor.reports.selectors import book_order

from .models import KIND_SEPARATOR, Passage, decode_kinds
from .versioned import per_content_version

if TYPE_CHECKING:
    from .selectors import Matching

STATUS_LABELS = BOOK_GROUP_LABELS  # the treaty-status vocabulary's: "states-parties": "States Parties"
KIND_LABELS = dict(KIND_CHOICES)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """A facet as a search shows it: its values with their counts."""

    name: str
    label: str
    values: list[FacetValue]
    note: str = ""


@dataclass(frozen=True)
class MatchedReport:
    """A report with matching passages, with what its report facets read."""

    page_id: int
    edition: Edition
    country_id: int
    region: str


class SearchFacet(ABC):
    """A facet of the search: what it is called, how it filters and counts the matching passages
    (its family's methods), how it shows its choices."""

    name: ClassVar[str]
    label: ClassVar[str]
    noun: ClassVar[str]  # how a message names it: "There is no region …"
    description: ClassVar[str | None] = None  # the API parameter's
    note: ClassVar[str] = ""  # said under its values on the search page
    api_type: ClassVar[type]  # the API parameter's: an enumeration of the choices, or a plain type
    api_constraints: ClassVar[dict[str, Any]] = {}  # and its bounds ("ge", "le")

    def choices(self) -> dict[str, str]:
        """The values one may choose, with their labels, in the order shown; empty when any value
        of the parameter's type may be chosen."""
        return {}

    def form_field(self) -> forms.Field:
        """The search page form's field: a choice among `choices()`."""
        choices = self.choices()
        return forms.ChoiceField(
            label=self.label,
            required=False,
            choices=[("", "Any"), *choices.items()],
            error_messages={
                "invalid_choice": f"There is no {self.noun} “%(value)s”. Choose one of: {', '.join(choices)}."
            },
        )

    def order(self, counts: Counter) -> list[str]:
        """The values to show, in order."""
        return list(self.choices())

    def shown(self, counts: Counter, selected: str | None) -> Facet:
        """The values found, with their counts, and the value chosen even when nothing has it (so
        that it can be removed)."""
        ordered = self.order(counts)
        if selected is not None and selected not in ordered:
            ordered.append(selected)
        labels = self.choices()
        values = [
            FacetValue(value, labels.get(value, value), counts.get(value, 0), value == selected)
            for value in ordered
            if counts.get(value, 0) or value == selected
        ]
        return Facet(self.name, self.label, values, self.note)

    @abstractmethod
    def count(self, matching: Matching) -> Counter:
        """Matching passages per value, with every other facet chosen applied."""


class ReportFacet(SearchFacet):
    """A facet whose value belongs to the report, and so to each of its passages."""

    @abstractmethod
    def values_of(self, reports: Sequence[MatchedReport]) -> dict[int, str]:
        """Each report's value (page id → value)."""

    def accepts(self, value: str, chosen: str) -> bool:
        """Whether a report with this value is kept when `chosen` is chosen."""
        return value == chosen

    def count(self, matching: Matching) -> Counter:
        values = matching.values[self.name]
        counts: Counter = Counter()
        for page_id in matching.reports(ignoring=self.name):
            counts[values[page_id]] += matching.per_report[page_id]
        return counts


class PassageFacet(SearchFacet):
    """A facet whose values belong to the passage: `field`, one of `Passage`'s filter fields."""

    field: ClassVar[str]

    @abstractmethod
    def narrow(self, passages: QuerySet[Passage], chosen: str) -> QuerySet[Passage]:
        """The passages kept when `chosen` is chosen."""

    def values_in(self, stored: str | None) -> list[str]:
        """The values a passage's field holds."""
        return [stored] if stored else []

    def count(self, matching: Matching) -> Counter:
        counts: Counter = Counter()
        if matching.kept:
            for stored, n in matching.count_field(self.field, matching.passages(ignoring=self.name)).items():
                for value in self.values_in(stored):
                    counts[value] += n
        return counts


# -- the facets ------------------------------------------------------------------------------------


class EditionFacet(ReportFacet):
    name, label, noun = "edition", "Edition", "edition"
    description = "The edition's year."
    api_type = int
    api_constraints = {"ge": 1999, "le": 2999}

    def form_field(self) -> forms.Field:
        return forms.IntegerField(
            label=self.label,
            required=False,
            min_value=self.api_constraints["ge"],
            max_value=self.api_constraints["le"],
            error_messages={"invalid": "The edition is a year, such as 1999."},
        )

    def order(self, counts: Counter) -> list[str]:
        return sorted(counts, reverse=True)  # the latest first

    def values_of(self, reports: Sequence[MatchedReport]) -> dict[int, str]:
        return {report.page_id: str(report.edition.year) for report in reports}


class RegionFacet(ReportFacet):
    name, label, noun = "region", "Region", "region"
    api_type = Region

    def choices(self) -> dict[str, str]:
        return dict(Region.choices)

    def values_of(self, reports: Sequence[MatchedReport]) -> dict[int, str]:
        return {report.page_id: report.region for report in reports}


def status_groups(edition: Edition) -> dict[int, str]:
    """Country id → the slug of its status group in the edition's book order, for the countries
    with a published report in it."""

    def build() -> dict[int, str]:
        return {
            entry.country.pk: group.group.value
            for region in book_order(edition, only_reports=True)
            for group in region.groups
            for entry in group.entries
        }

    return per_content_version(
        f"status-groups:{edition.pk}:{edition.year}:{edition.reporting_period_end}", build
    )


# "states-parties", "signatories", "non-signatories", "other-areas": the groups of the book's order.
StatusGroupChoice = StrEnum("StatusGroup", [(slug.replace("-", "_"), slug) for slug in STATUS_LABELS])


class StatusFacet(ReportFacet):
    """The country's Mine Ban Treaty status group on the edition's reporting date, as the Country
    Reports index and the table of contents print it (`reports.selectors.book_order`)."""

    name, label, noun = "status", "Treaty status", "treaty status"
    description = "The country's Mine Ban Treaty status group on the edition's reporting date."
    note = (
        "The country’s Mine Ban Treaty status on the edition’s reporting date, as the table of "
        "contents groups it, computed from the treaty actions recorded in the database."
    )
    api_type = StatusGroupChoice

    def choices(self) -> dict[str, str]:
        return STATUS_LABELS

    def values_of(self, reports: Sequence[MatchedReport]) -> dict[int, str]:
        editions = {report.edition.pk: report.edition for report in reports}
        groups = {pk: status_groups(edition) for pk, edition in editions.items()}
        return {report.page_id: groups[report.edition.pk].get(report.country_id, "") for report in reports}


class KindFacet(PassageFacet):
    """The kinds of the section a passage is in (a footnote has those of the sections citing it);
    a section of two kinds counts for both."""

    name, label, noun = "kind", "Section", "section kind"
    description = "The kind of section the passage is in."
    field = "kinds"
    api_type = SectionKind

    def choices(self) -> dict[str, str]:
        return KIND_LABELS

    def narrow(self, passages: QuerySet[Passage], chosen: str) -> QuerySet[Passage]:
        return passages.filter(kinds__contains=f"{KIND_SEPARATOR}{chosen}{KIND_SEPARATOR}")

    def values_in(self, stored: str | None) -> list[str]:
        return decode_kinds(stored or "")


FACETS: list[SearchFacet] = [EditionFacet(), RegionFacet(), StatusFacet(), KindFacet()]
REPORT_FACETS = [facet for facet in FACETS if isinstance(facet, ReportFacet)]
PASSAGE_FACETS = [facet for facet in FACETS if isinstance(facet, PassageFacet)]

"""Searching the published reports: matching passages, one page of them, and the facets.

The words are matched by Wagtail's search backend over `Passage.body`. A query that names a
country (`query.parse_query`) is answered in two parts: first the passages of that country's own
reports (those with the other words, or all of them when the query is only the name, newest
edition first, in reading order), then the passages of other reports that use one of its names
(with the other words), by relevance.

Facets count the matching passages by edition, region, Mine Ban Treaty status group and section
kind. Each facet's counts apply every other facet chosen but not its own, so a reader sees what
choosing another value would give. Edition, region and status belong to a report, so they are
worked out from one count of matching passages per report (the backend's `facet("page_id")`);
the status group is the one the Country Reports index and the table of contents print, from
`reports.selectors.book_order` for the edition's reporting date. Kinds belong to passages and are
counted by the backend (`facet("kinds")`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils.safestring import SafeString
from django.utils.text import slugify
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText, SearchQuery

from landmine_monitor.database.countries.models import Region
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.reports.document import SectionKind
from landmine_monitor.reports.models import KIND_CHOICES, CountryReportPage
from landmine_monitor.reports.selectors import GROUP_ORDER, book_order

from . import ranking
from .highlight import Terms, find_marks, snippet
from .models import KIND_SEPARATOR, Passage, decode_kinds
from .query import ParsedQuery, parse_query
from .versioned import per_content_version

PER_PAGE = 20

REGION_LABELS = dict(Region.choices)
STATUS_LABELS = {slugify(label): label for label in GROUP_ORDER}  # "states-parties": "States Parties"
KIND_LABELS = dict(KIND_CHOICES)
FACET_LABELS = {"edition": "Edition", "region": "Region", "status": "Treaty status", "kind": "Section"}
PAGE_FACETS = ("edition", "region", "status")


@dataclass(frozen=True)
class Filters:
    edition: int | None = None
    region: str | None = None
    status: str | None = None
    kind: str | None = None

    def chosen(self) -> dict[str, str]:
        return {name: str(value) for name, value in self.__dict__.items() if value not in (None, "")}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class Hit:
    passage: Passage
    report: CountryReportPage
    marks: list[tuple[int, int]]
    snippet: SafeString

    @property
    def kinds(self) -> list[str]:
        return decode_kinds(self.passage.kinds)

    @property
    def kind_labels(self) -> list[str]:
        return [KIND_LABELS.get(kind, kind) for kind in self.kinds]

    @property
    def where(self) -> str:
        """Where in the report: "Note 6", the section's heading, or its kinds when the heading was
        lost."""
        if self.passage.is_footnote:
            return f"Note {self.passage.footnote}"
        return self.passage.heading or ", ".join(self.kind_labels) or "Text"

    def url(self, request=None) -> str:
        """The report page, at the passage's paragraph or note when it has an id there."""
        base = self.report.get_url(request)
        return f"{base}#{self.passage.anchor}" if self.passage.anchor else base


@dataclass
class Outcome:
    query: ParsedQuery
    filters: Filters
    page: int
    per_page: int = PER_PAGE
    total: int = 0
    reports: int = 0  # reports with a matching passage
    hits: list[Hit] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return math.ceil(self.total / self.per_page) if self.total else 0

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1


# -- status groups ---------------------------------------------------------------------------------


def status_groups(edition: Edition) -> dict[int, str]:
    """Country id → the slug of its status group in the edition's book order, for the countries
    with a published report in it."""

    def build() -> dict[int, str]:
        return {
            entry.country.pk: slugify(group.label)
            for region in book_order(edition, only_reports=True)
            for group in region.groups
            for entry in group.entries
        }

    return per_content_version(
        f"status-groups:{edition.pk}:{edition.year}:{edition.reporting_period_end}", build
    )


# -- the two parts of a search ---------------------------------------------------------------------


class _Part:
    """Passages of `queryset` matching `query` (all of them when `query` is None, in reading
    order)."""

    def __init__(self, query: SearchQuery | None, queryset: QuerySet[Passage]) -> None:
        self.query = query
        self.queryset = queryset

    def _search(self, queryset: QuerySet[Passage], *, ranked: bool):
        return get_search_backend().search(self.query, queryset, order_by_relevance=ranked)

    def facet(self, field_name: str, queryset: QuerySet[Passage]) -> Counter:
        queryset = self.queryset & queryset
        if self.query is None:
            rows = queryset.order_by().values(field_name).annotate(n=Count("pk")).values_list(field_name, "n")
            return Counter(dict(rows))
        return Counter(dict(self._search(queryset, ranked=False).facet(field_name)))

    def slice(self, queryset: QuerySet[Passage], start: int, stop: int) -> list[Passage]:
        queryset = self.queryset & queryset
        if self.query is None:
            return list(queryset.order_by("-edition__year", "page_id", "position")[start:stop])
        if ranking.one_pass_available():
            ids = ranking.ranked_ids(self.query, queryset, start, stop)
            found = Passage.objects.in_bulk(ids)
            return [found[pk] for pk in ids if pk in found]
        return list(self._search(queryset, ranked=True)[start:stop])


def _words_query(parsed: ParsedQuery) -> list[SearchQuery]:
    parts: list[SearchQuery] = []
    if parsed.words:
        parts.append(PlainText(" ".join(parsed.words), operator="and"))
    parts.extend(Phrase(" ".join(p)) for p in parsed.phrases)
    return parts


def _all_of(parts: list[SearchQuery]) -> SearchQuery | None:
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def _parts(parsed: ParsedQuery) -> list[_Part]:
    words = _words_query(parsed)
    if not parsed.countries:
        return [_Part(_all_of(words), Passage.objects.all())]
    named = [c.pk for c in parsed.countries]
    parts = [_Part(_all_of(words), Passage.objects.filter(country__in=named))]
    if parsed.country_phrases:
        names = Or([Phrase(" ".join(p)) for p in parsed.country_phrases])
        parts.append(_Part(_all_of([*words, names]), Passage.objects.exclude(country__in=named)))
    return parts


# -- the search ------------------------------------------------------------------------------------


def _reports(page_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """Report (page id) → its edition, region and status group, the facets a report has."""
    rows = list(
        CountryReportPage.objects.filter(pk__in=list(page_ids)).values_list(
            "pk", "edition_id", "edition__year", "country_id", "country__region"
        )
    )
    editions = {e.pk: e for e in Edition.objects.filter(pk__in={row[1] for row in rows})}
    groups = {pk: status_groups(edition) for pk, edition in editions.items()}
    return {
        pk: {"edition": str(year), "region": region, "status": groups[edition_id].get(country_id, "")}
        for pk, edition_id, year, country_id, region in rows
    }


def _passes(report: dict[str, str], chosen: dict[str, str], *, ignoring: str | None = None) -> bool:
    return all(report[name] == value for name, value in chosen.items() if name != ignoring)


def _facet(name: str, counts: Counter, labels: dict[str, str], chosen: dict[str, str]) -> Facet:
    selected = chosen.get(name)
    ordered = list(labels) if name != "edition" else sorted(counts, reverse=True)
    if selected is not None and selected not in ordered:
        ordered.append(selected)
    values = [
        FacetValue(value, labels.get(value, value), counts.get(value, 0), value == selected)
        for value in ordered
        if counts.get(value, 0) or value == selected
    ]
    return Facet(name, FACET_LABELS[name], values)


def search(text: str, filters: Filters = Filters(), page: int = 1, per_page: int = PER_PAGE) -> Outcome:
    """One page of the passages matching `text` with `filters`, and the facets."""
    parsed = parse_query(text)
    outcome = Outcome(query=parsed, filters=filters, page=page, per_page=per_page)
    if parsed.is_empty:
        return outcome
    parts = _parts(parsed)
    chosen = filters.chosen()
    page_chosen = {name: value for name, value in chosen.items() if name in PAGE_FACETS}
    by_kind = (
        Passage.objects.filter(kinds__contains=f"{KIND_SEPARATOR}{filters.kind}{KIND_SEPARATOR}")
        if filters.kind
        else Passage.objects.all()
    )

    # Matching passages per report (the kind chosen applied), then per edition, region, status.
    per_part = [part.facet("page_id", by_kind) for part in parts]
    per_report = sum(per_part, Counter())
    reports = _reports(per_report)  # a report deleted meanwhile is left out
    page_counts = {name: Counter() for name in PAGE_FACETS}
    for page_id, report in reports.items():
        for name in PAGE_FACETS:
            if _passes(report, page_chosen, ignoring=name):
                page_counts[name][report[name]] += per_report[page_id]
    allowed = [page_id for page_id, report in reports.items() if _passes(report, page_chosen)]

    in_reports = Passage.objects.filter(page_id__in=allowed) if page_chosen else Passage.objects.all()
    kind_counts: Counter = Counter()
    if allowed:
        for part in parts:
            for kinds, count in part.facet("kinds", in_reports).items():
                for kind in decode_kinds(kinds or ""):
                    kind_counts[kind] += count

    outcome.facets = [
        _facet("edition", page_counts["edition"], {}, chosen),
        _facet("region", page_counts["region"], REGION_LABELS, chosen),
        _facet("status", page_counts["status"], STATUS_LABELS, chosen),
        _facet("kind", kind_counts, {k.value: KIND_LABELS[k.value] for k in SectionKind}, chosen),
    ]
    kept = set(allowed)
    sizes = [sum(n for page_id, n in counts.items() if page_id in kept) for counts in per_part]
    outcome.total = sum(sizes)
    outcome.reports = len(kept)
    outcome.hits = _hits(parsed, parts, sizes, in_reports & by_kind, outcome.first - 1, per_page)
    return outcome


def _hits(
    parsed: ParsedQuery,
    parts: list[_Part],
    sizes: list[int],
    queryset: QuerySet[Passage],
    offset: int,
    limit: int,
) -> list[Hit]:
    """`limit` passages from `offset` of the parts taken one after the other."""
    found: list[Passage] = []
    for part, size in zip(parts, sizes, strict=True):
        if offset >= size:
            offset -= size
            continue
        take = min(limit - len(found), size - offset)
        found.extend(part.slice(queryset, offset, offset + take))
        offset = 0
        if len(found) >= limit:
            break
    pages = CountryReportPage.objects.select_related("country", "edition").in_bulk({p.page_id for p in found})
    terms = Terms.of(parsed.words, [*parsed.phrases, *parsed.country_phrases])
    hits = []
    for passage in found:
        if passage.page_id in pages:  # not deleted meanwhile
            marks = find_marks(passage.body, terms)
            hits.append(Hit(passage, pages[passage.page_id], marks, snippet(passage.body, marks)))
    return hits

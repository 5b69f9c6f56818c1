"""Searching the published reports: matching passages, one page of them, and the facets.

The words are matched by Wagtail's search backend over `Passage.body`. A query that names a
country (`query.parse_query`) is answered in two parts: first the passages of that country's own
reports (those with the other words, or all of them when the query is only the name, newest
edition first, in reading order), then the passages of other reports that use one of its names
(with the other words), by relevance.

Facets count the matching passages by edition, region, Mine Ban Treaty status group and section
kind, each facet's counts applying every other facet chosen but not its own: the facets are the
classes of `facets.FACETS`, and `Matching` is what a search matched, as they filter and count it.
Ranking by relevance is the search backend's (`backend.py`).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils.safestring import SafeString
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText, SearchQuery

from landmine_monitor.database.editions.models import Edition
from landmine_monitor.reports.models import CountryReportPage

from .facets import FACETS, KIND_LABELS, PASSAGE_FACETS, REPORT_FACETS, Facet, MatchedReport
from .highlight import Terms, find_marks, snippet
from .models import Passage, decode_kinds
from .query import ParsedQuery, parse_query

PER_PAGE = 20


class Filters:
    """The facet values chosen, by facet name (`Filters(edition=1999, kind="production")`); a value
    of None or "" chooses nothing."""

    def __init__(self, **values) -> None:
        names = [facet.name for facet in FACETS]
        unknown = set(values) - set(names)
        if unknown:
            raise TypeError(f"no search facet named {', '.join(sorted(unknown))}")
        self._chosen = {
            name: str(getattr(value, "value", value))  # an enumeration's member: its value
            for name in names
            if (value := values.get(name)) not in (None, "")
        }

    def chosen(self) -> dict[str, str]:
        """Facet name → the value chosen, in the facets' order."""
        return dict(self._chosen)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Filters) and self._chosen == other._chosen

    def __hash__(self) -> int:
        return hash(tuple(self._chosen.items()))

    def __repr__(self) -> str:
        return f"Filters({', '.join(f'{k}={v!r}' for k, v in self._chosen.items())})"


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


# -- what a search matched, as the facets see it --------------------------------------------------


def matched_reports(page_ids: Iterable[int]) -> list[MatchedReport]:
    """The reports of these page ids (a report deleted meanwhile is left out)."""
    rows = list(
        CountryReportPage.objects.filter(pk__in=list(page_ids)).values_list(
            "pk", "edition_id", "country_id", "country__region"
        )
    )
    editions = Edition.objects.in_bulk({row[1] for row in rows})
    return [MatchedReport(pk, editions[edition], country, region) for pk, edition, country, region in rows]


class Matching:
    """The passages a search's parts match, with the facets `chosen`: counted once per report
    (the passage facets chosen applied), each report's report facet values, and the reports the
    report facets chosen keep."""

    def __init__(self, parts: list[_Part], chosen: dict[str, str]) -> None:
        self.parts = parts
        self.chosen = chosen
        self.report_chosen = {f.name: chosen[f.name] for f in REPORT_FACETS if f.name in chosen}
        self.per_part = [part.facet("page_id", self.narrowed(Passage.objects.all())) for part in parts]
        per_report = sum(self.per_part, Counter())
        reports = matched_reports(per_report)
        self.per_report = {report.page_id: per_report[report.page_id] for report in reports}
        self.values = {facet.name: facet.values_of(reports) for facet in REPORT_FACETS}
        self.kept = self.reports()

    def reports(self, *, ignoring: str | None = None) -> list[int]:
        """The reports (page ids) the report facets chosen keep, but the one named `ignoring`."""
        applied = [f for f in REPORT_FACETS if f.name in self.report_chosen and f.name != ignoring]
        return [
            page_id
            for page_id in self.per_report
            if all(f.accepts(self.values[f.name][page_id], self.chosen[f.name]) for f in applied)
        ]

    def narrowed(self, passages: QuerySet[Passage], *, ignoring: str | None = None) -> QuerySet[Passage]:
        """`passages` narrowed by the passage facets chosen, but the one named `ignoring`."""
        for facet in PASSAGE_FACETS:
            if facet.name in self.chosen and facet.name != ignoring:
                passages = facet.narrow(passages, self.chosen[facet.name])
        return passages

    def passages(self, *, ignoring: str | None = None) -> QuerySet[Passage]:
        """The passages in the reports kept, narrowed by the passage facets chosen but the one
        named `ignoring`."""
        passages = Passage.objects.all()
        if self.report_chosen:
            passages = passages.filter(page_id__in=self.kept)
        return self.narrowed(passages, ignoring=ignoring)

    def count_field(self, field_name: str, passages: QuerySet[Passage]) -> Counter:
        """The matching passages among `passages` by the values of one of `Passage`'s filter fields."""
        return sum((part.facet(field_name, passages) for part in self.parts), Counter())

    def sizes(self) -> list[int]:
        """Matching passages per part, every facet chosen applied."""
        kept = set(self.kept)
        return [sum(n for page_id, n in counts.items() if page_id in kept) for counts in self.per_part]


# -- the search ------------------------------------------------------------------------------------


def search(text: str, filters: Filters | None = None, page: int = 1, per_page: int = PER_PAGE) -> Outcome:
    """One page of the passages matching `text` with `filters` (none by default), and the facets."""
    filters = Filters() if filters is None else filters
    parsed = parse_query(text)
    outcome = Outcome(query=parsed, filters=filters, page=page, per_page=per_page)
    if parsed.is_empty:
        return outcome
    parts = _parts(parsed)
    chosen = filters.chosen()
    matching = Matching(parts, chosen)
    outcome.facets = [facet.shown(facet.count(matching), chosen.get(facet.name)) for facet in FACETS]
    sizes = matching.sizes()
    outcome.total = sum(sizes)
    outcome.reports = len(matching.kept)
    outcome.hits = _hits(parsed, parts, sizes, matching.passages(), outcome.first - 1, per_page)
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

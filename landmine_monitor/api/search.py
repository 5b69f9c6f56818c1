"""`GET /api/v1/search`: the search page's answer as JSON (a django-ninja router, added to the
project's API in `landmine_monitor/api/api.py`)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import ValidationError as NinjaValidationError

from landmine_monitor.api.payloads import country_ref
from landmine_monitor.reports.search.facets import FACETS
from landmine_monitor.reports.search.selectors import Filters, Hit, Outcome, search

from .search_schemas import SearchOut, SearchParams

router = Router(tags=["search"])


def _hit(hit: Hit, request: HttpRequest) -> dict:
    passage = hit.passage
    return {
        "country": country_ref(hit.report.country),
        "edition": hit.report.edition.year,
        "edition_title": hit.report.edition.title,
        "sample": hit.report.is_sample,
        "report_url": request.build_absolute_uri(hit.report.get_url(request)),
        "url": request.build_absolute_uri(hit.url(request)),
        "anchor": passage.anchor or None,
        "passage": "footnote" if passage.is_footnote else "text",
        "footnote": passage.footnote,
        "section_heading": passage.heading or None,
        "section_kinds": hit.kinds,
        "text": passage.body,
        "highlights": hit.marks,
        "snippet_html": str(hit.snippet),
    }


def _facets(outcome: Outcome) -> dict:
    return {
        facet.name: [
            {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
            for v in facet.values
        ]
        for facet in outcome.facets
    }


@router.get("/search", response=SearchOut)
def search_reports(request: HttpRequest, params: Query[SearchParams]):
    """Passages of the published country reports (text and footnotes) matching `q`, with counts by
    edition, region, treaty status and section kind. Each facet's counts apply the other facets
    chosen but not its own. A query that names a country ("North Korea", "DPRK") lists that
    country's own passages first, then other reports' passages that use any of its names."""
    filters = Filters(**{facet.name: getattr(params, facet.name) for facet in FACETS})
    outcome = search(params.q, filters, page=params.page)
    if outcome.query.is_empty:
        raise NinjaValidationError(
            [{"loc": ["query", "q"], "msg": "give at least one word to search for", "type": "missing"}]
        )
    parsed = outcome.query
    return {
        "query": {
            "q": parsed.text,
            "words": [*parsed.words, *(" ".join(p) for p in parsed.phrases)],
            "countries": [country_ref(c) for c in parsed.countries],
            "filters": filters.chosen(),
        },
        "total": outcome.total,
        "reports": outcome.reports,
        "page": outcome.page,
        "pages": outcome.pages,
        "per_page": outcome.per_page,
        "results": [_hit(hit, request) for hit in outcome.hits],
        "facets": _facets(outcome),
    }

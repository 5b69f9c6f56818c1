"""The search page, /search/: a plain GET form and links, so it works without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from landmine_monitor.reports.search.query import MAX_QUERY_LENGTH
from landmine_monitor.reports.search.selectors import Filters, Outcome, search

from .forms import SearchForm

EXAMPLES = ["POMZ", "North Korea", "request for information", "stockpile destruction"]


@dataclass
class FacetLink:
    label: str
    count: int
    url: str
    selected: bool


@dataclass
class FacetView:
    name: str
    label: str
    links: list[FacetLink]
    note: str = ""


@dataclass
class PageLink:
    number: int | None  # None: a gap in the numbers
    url: str
    current: bool


PAGES_AROUND = 2  # page links shown either side of the current one, besides the first and last


def _url(q: str, chosen: dict[str, str], page: int | None = None) -> str:
    params = {"q": q, **chosen}
    if page and page > 1:
        params["page"] = str(page)
    return f"?{urlencode(params)}"


def _facet_views(outcome: Outcome) -> list[FacetView]:
    chosen = outcome.filters.chosen()
    views = []
    for facet in outcome.facets:
        links = []
        for value in facet.values:
            toggled = {k: v for k, v in chosen.items() if k != facet.name}
            if not value.selected:
                toggled[facet.name] = value.value
            links.append(
                FacetLink(value.label, value.count, _url(outcome.query.text, toggled), value.selected)
            )
        views.append(FacetView(facet.name, facet.label, links, facet.note))
    return views


def _removals(outcome: Outcome) -> list[FacetLink]:
    """A link per facet chosen that searches again without it."""
    chosen = outcome.filters.chosen()
    labels = {f.name: (f.label, {v.value: v.label for v in f.values}) for f in outcome.facets}
    links = []
    for name, value in chosen.items():
        facet_label, value_labels = labels.get(name, (name, {}))
        rest = {k: v for k, v in chosen.items() if k != name}
        links.append(
            FacetLink(
                f"{facet_label}: {value_labels.get(value, value)}", 0, _url(outcome.query.text, rest), True
            )
        )
    return links


def _page_links(outcome: Outcome) -> list[PageLink]:
    """The first and last pages, and those around the current one, with gaps between."""
    chosen = outcome.filters.chosen()
    around = range(outcome.page - PAGES_AROUND, outcome.page + PAGES_AROUND + 1)
    numbers = sorted({1, outcome.pages, *(n for n in around if 1 <= n <= outcome.pages)} - {0})
    links: list[PageLink] = []
    for n in numbers:
        if links and links[-1].number is not None and n > links[-1].number + 1:
            links.append(PageLink(None, "", False))
        links.append(PageLink(n, _url(outcome.query.text, chosen, n), n == outcome.page))
    return links if len(links) > 1 else []


def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context: dict = {"form": form, "examples": [(e, _url(e, {})) for e in EXAMPLES]}
    if not form.is_valid():
        context["problems"] = form.problems()
        context["q"] = q = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        context["retry_url"] = _url(q, {})
        return render(request, "search/search.html", context, status=400)
    q = form.cleaned_data["q"].strip()
    filters: Filters = form.filters()
    outcome = search(q, filters, page=form.cleaned_data.get("page") or 1)
    context.update(
        q=q,
        outcome=outcome,
        chosen=filters.chosen(),
        facets=_facet_views(outcome),
        removals=_removals(outcome),
        page_links=_page_links(outcome),
        hits=[(hit, hit.url(request)) for hit in outcome.hits],
        previous_url=_url(q, filters.chosen(), outcome.page - 1) if outcome.page > 1 else "",
        next_url=_url(q, filters.chosen(), outcome.page + 1) if outcome.page < outcome.pages else "",
        first_url=_url(q, filters.chosen()),
    )
    return render(request, "search/search.html", context)

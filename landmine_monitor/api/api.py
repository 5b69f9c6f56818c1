"""The read API, version 1. OpenAPI at /api/v1/openapi.json, interactive docs at /api/v1/docs.

Handlers stay thin: they find what was asked for through the selectors and shape it with
`payloads`, the same functions the CLI's `--json` uses.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import NinjaAPI, Query, Schema
from ninja.errors import ValidationError as NinjaValidationError

from landmine_monitor.database.countries.models import Region
from landmine_monitor.database.countries.selectors import (
    AmbiguousCountry,
    UnknownCountry,
    countries_in,
    resolve_country,
    search_countries,
)
from landmine_monitor.database.facts.selectors import facts_about
from landmine_monitor.database.sources.models import Source
from landmine_monitor.database.treaties.models import Treaty
from landmine_monitor.database.treaties.selectors import (
    UnknownTreaty,
    countries_with_status,
    get_treaty,
    treaty_parties,
)
from landmine_monitor.database.treaties.vocabulary import Status
from landmine_monitor.database.unga.models import Resolution
from landmine_monitor.database.unga.selectors import UnknownResolution, get_resolution
from landmine_monitor.network.api_auth import api_auth, api_user
from landmine_monitor.network.permissions import readable_version, visible_reports
from landmine_monitor.network.selectors import source_seen_by
from landmine_monitor.reports.selectors import citations_of

from . import payloads, schemas

api = NinjaAPI(
    title="Landmine Monitor API",
    version="1",
    description=(
        "Countries and other areas, their standing towards the Mine Ban Treaty and related "
        "treaties on any date, and their votes on UN General Assembly landmine resolutions. "
        "Every treaty action and vote carries its source. "
        "An API token (`landmine-monitor token create USERNAME`) sent as "
        "`Authorization: Bearer <token>` adds the draft reports its user may see, marked `draft`."
    ),
    urls_namespace="api-v1",
    auth=api_auth,
)


class UnknownReport(LookupError):
    """A report or source that is not there, or not public."""


@api.exception_handler(UnknownReport)
@api.exception_handler(UnknownCountry)
@api.exception_handler(UnknownTreaty)
@api.exception_handler(UnknownResolution)
def not_found(request: HttpRequest, exc: LookupError):
    return api.create_response(request, {"detail": str(exc)}, status=404)


@api.exception_handler(AmbiguousCountry)
def ambiguous(request: HttpRequest, exc: AmbiguousCountry):
    return api.create_response(
        request,
        {"detail": str(exc), "candidates": [payloads.country_ref(c) for c in exc.candidates]},
        status=400,
    )


@api.exception_handler(NinjaValidationError)
def invalid(request: HttpRequest, exc: NinjaValidationError):
    """422, with a sentence that names each parameter at fault."""
    problems = []
    for error in exc.errors:
        where = [str(part) for part in error.get("loc", ())]
        if where and where[0] in ("query", "path") and len(where) > 1:
            place = f"{where[0]} parameter '{where[-1]}'"
        else:
            place = ".".join(where) or "request"
        hint = " (expected a date YYYY-MM-DD)" if "date" in error.get("type", "") else ""
        problems.append(f"Invalid {place}: {error.get('msg', 'invalid value')}{hint}")
    return api.create_response(request, {"detail": "; ".join(problems), "errors": exc.errors}, status=422)


def _today() -> datetime.date:
    return datetime.date.today()


class CountryFilters(Schema):
    q: str | None = None
    region: Region | None = None
    treaty: str | None = None
    status: Status | None = None
    on: datetime.date | None = None


@api.get("/countries", response=schemas.CountryListOut, tags=["countries"])
def list_countries(request: HttpRequest, filters: Query[CountryFilters]):
    """Countries and other areas. `q` finds a country by any of its names ("North Korea");
    `treaty`, `status` and `on` keep those with that status towards the treaty on that date."""
    on = filters.on or _today()
    applied: dict[str, str] = {}
    if filters.q:
        countries = list(search_countries(filters.q))
        applied["q"] = filters.q
    else:
        countries = list(countries_in())
    if filters.region:
        countries = [c for c in countries if c.region == filters.region]
        applied["region"] = filters.region.value
    if filters.status and not filters.treaty:
        raise NinjaValidationError(
            [{"loc": ["query", "treaty"], "msg": "status needs a treaty", "type": "missing"}]
        )
    if filters.treaty:
        treaty = get_treaty(filters.treaty)
        applied.update(treaty=treaty.slug, on=on.isoformat())
        if filters.status:
            wanted = {c.pk for c in countries_with_status(treaty, filters.status.value, on)}
            countries = [c for c in countries if c.pk in wanted]
            applied["status"] = filters.status.value
    return payloads.country_list(countries, applied)


@api.get("/countries/{code}", response=schemas.CountryDetailOut, tags=["countries"])
def country_detail(request: HttpRequest, code: str):
    """One country or area by ISO alpha-3, alpha-2, slug or name."""
    return payloads.country_detail(resolve_country(code))


@api.get("/countries/{code}/treaties", response=schemas.CountryTreatiesOut, tags=["treaties"])
def country_treaties(request: HttpRequest, code: str, on: datetime.date | None = None):
    """The country's standing towards each treaty on `on` (default today), with its sources."""
    return payloads.country_treaties(resolve_country(code), on or _today())


@api.get("/countries/{code}/votes", response=schemas.CountryVotesOut, tags=["unga"])
def country_votes(request: HttpRequest, code: str):
    """The country's vote on every landmine resolution; `absent` where it was a member with no vote."""
    return payloads.votes_of_country(resolve_country(code))


@api.get("/countries/{code}/facts", response=schemas.CountryFactsOut, tags=["facts"])
def country_facts(request: HttpRequest, code: str, indicator: str | None = None):
    """The sourced facts held for the country (deprecated ranks left out), each with its references."""
    found = resolve_country(code)
    return payloads.facts_of_country(found, facts_about(found, indicator))


@api.get("/treaties", response=list[schemas.TreatyOut], tags=["treaties"])
def list_treaties(request: HttpRequest):
    return [payloads.treaty(t) for t in Treaty.objects.select_related("parent")]


@api.get("/treaties/{slug}/parties", response=schemas.PartiesOut, tags=["treaties"])
def parties(request: HttpRequest, slug: str, on: datetime.date | None = None):
    """Every state's status towards the treaty on `on` (default today), with counts per status."""
    return payloads.parties(treaty_parties(get_treaty(slug), on or _today()))


@api.get("/reports", response=schemas.ReportListOut, tags=["reports"])
def list_reports(request: HttpRequest, edition: int | None = None, country: str | None = None):
    """Published country reports, filtered by edition year and country; with a token, also the
    drafts its user may see, each marked `draft`."""
    user = api_user(request)
    pages = visible_reports(user).order_by("edition__year", "country__name")
    if edition:
        pages = pages.filter(edition__year=edition)
    if country:
        pages = pages.filter(country=resolve_country(country))
    return payloads.report_list(readable_version(user, page) for page in pages)


@api.get("/reports/{int:edition}/{country}", response=schemas.ReportOut, tags=["reports"])
def report(request: HttpRequest, edition: int, country: str):
    """A published country report: sections, paragraphs with their footnotes, footnotes with
    their sources, and the warnings the import raised. With a token whose user may see the
    report's draft, its latest revision, marked `draft`; a draft the user may not see is a 404,
    as if it did not exist."""
    user = api_user(request)
    found = resolve_country(country)
    page = visible_reports(user).filter(edition__year=edition, country=found).first()
    if page is None:
        raise UnknownReport(f"No published {edition} report for {found.name}")
    return payloads.report(*readable_version(user, page))


@api.get("/sources/{int:source_id}", response=schemas.SourceDetailOut, tags=["sources"])
def source_detail(request: HttpRequest, source_id: int):
    """A source, with every footnote of a published report that cites it. A source that nothing
    public cites yet (only drafts or the research log) is a 404, as if it did not exist, unless
    the token's user covers a draft or a record that cites it."""
    found = Source.objects.filter(pk=source_id).first()
    if found is None or not source_seen_by(api_user(request), found):
        raise UnknownReport(f"No source {source_id}")
    return payloads.source_detail(found, citations_of(found))


@api.get("/unga/resolutions", response=list[schemas.ResolutionOut], tags=["unga"])
def list_resolutions(request: HttpRequest):
    """Landmine resolutions with their official dates and totals, and any gap in the vote data."""
    return payloads.resolutions(
        Resolution.objects.select_related("votes_source", "recorded_source", "adopted_on_source")
    )


@api.get("/unga/resolutions/{path:symbol}/votes", response=schemas.ResolutionVotesOut, tags=["unga"])
def resolution_votes(request: HttpRequest, symbol: str):
    """Each state's vote. `symbol` as written ("51/45 S") or as a slug ("51-45-s")."""
    return payloads.resolution_with_votes(get_resolution(symbol))


api.add_router("", "landmine_monitor.api.search.router")  # GET /search

"""Country pages: every country and other area has one, with or without a report.

The views stay thin: they read through the selectors (`countries`, `treaties`, `unga`, `facts`,
`reports`) and arrange the answers for the templates, which hold no rules of their own. Every
dated statement on a page points to its source: sources are numbered in the order the page shows
them and listed at its foot, each linked to `/api/v1/sources/<id>`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from landmine_monitor.database.countries.models import Country, CountryKind, Region
from landmine_monitor.database.countries.names import fold_name
from landmine_monitor.database.countries.selectors import (
    AmbiguousCountry,
    UnknownCountry,
    countries_in,
    resolve_country,
    search_countries,
)
from landmine_monitor.database.facts.selectors import facts_about
from landmine_monitor.database.sources.models import Source
from landmine_monitor.database.treaties.models import CONSENT_KINDS, ActionKind, Treaty
from landmine_monitor.database.treaties.rules import Standing, consent_takes_effect, withdrawal_takes_effect
from landmine_monitor.database.treaties.selectors import country_standings, get_treaty, treaty_parties
from landmine_monitor.database.unga.models import VoteChoice
from landmine_monitor.database.unga.selectors import ABSENT, CastVote, country_votes
from landmine_monitor.foundation.dates import long_date
from landmine_monitor.reports.selectors import public_reports

MINE_BAN_TREATY = "mbt"
REGION_NAMES = dict(Region.choices)
VOTE_LABELS = {**dict(VoteChoice.choices), ABSENT: "Absent"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# The list: /countries/ ----------------------------------------------------------------------


@dataclass
class Entry:
    country: Country
    region: str
    status: str
    status_slug: str
    has_standing: bool


def _treaty_status_text(country: Country, standing: Standing | None) -> tuple[str, str]:
    """What the list says about a country towards the Mine Ban Treaty today, and a CSS slug."""
    if standing is not None:
        return standing.status_label, standing.status.value
    if country.kind == CountryKind.OTHER_AREA:
        return "Other area, not a state", "other-area"
    if country.kind == CountryKind.FORMER_STATE and country.un_member_until:
        return f"Former state (until {country.un_member_until.year})", "former-state"
    return "Not a state on this date", "none"


def country_list(request: HttpRequest) -> HttpResponse:
    """Every country and area, A–Z, filtered by region and by any of its names."""
    q = request.GET.get("q", "").strip()
    region = request.GET.get("region", "").strip()
    today = timezone.localdate()
    context = {"q": q, "region": region, "regions": _region_links(q, region), "today": today}
    if region and region not in REGION_NAMES:
        context["error"] = (
            f"There is no region “{region}”. The regions are: {', '.join(REGION_NAMES.values())}."
        )
        return render(request, "countries/country_list.html", context, status=400)

    countries = search_countries(q) if q else countries_in()
    if region:
        countries = countries.filter(region=region)
    mbt = get_treaty(MINE_BAN_TREATY)
    standings = {c.pk: s for c, s in treaty_parties(mbt, today).standings}
    entries = []
    # Sorted by the folded name, so that "Côte d'Ivoire" files under C whatever the database's collation.
    for country in sorted(countries, key=lambda c: (fold_name(c.name), c.name)):
        standing = standings.get(country.pk)
        status, slug = _treaty_status_text(country, standing)
        entries.append(Entry(country, REGION_NAMES[country.region], status, slug, standing is not None))
    groups = [
        {"letter": letter, "entries": list(items)}
        for letter, items in groupby(entries, key=lambda e: fold_name(e.country.name)[:1].upper())
    ]
    context.update(treaty=mbt, groups=groups, count=len(entries), region_name=REGION_NAMES.get(region, ""))
    return render(request, "countries/country_list.html", context)


def _region_links(q: str, current: str) -> list[dict]:
    """Links to each region (keeping the text filter), "All regions" first."""
    links = []
    for slug, name in [("", "All regions"), *Region.choices]:
        params = {k: v for k, v in (("region", slug), ("q", q)) if v}
        links.append(
            {"name": name, "url": "?" + urlencode(params) if params else "?", "current": slug == current}
        )
    return links


# One country: /countries/<slug>/ --------------------------------------------------------------


class SourceIndex:
    """Numbers sources in the order the page cites them, for the list at its foot."""

    def __init__(self) -> None:
        self.numbers: dict[int, int] = {}
        self.sources: list[tuple[int, Source]] = []

    def cite(self, source: Source | None) -> dict | None:
        if source is None:
            return None
        if source.pk not in self.numbers:
            self.numbers[source.pk] = len(self.numbers) + 1
            self.sources.append((self.numbers[source.pk], source))
        # In running text the citation goes without its web address: the source list has it.
        text = source.citation.removesuffix(f", {source.url}") if source.url else source.citation
        return {"number": self.numbers[source.pk], "source": source, "text": text}


@dataclass
class Dated:
    """One dated line: a row of the status summary or an event of the timeline."""

    label: str
    date: datetime.date | None
    detail: str = ""
    cited: dict | None = None
    pending: bool = False  # a date after the one asked about (an entry into force still to come)


@dataclass
class TreatySection:
    treaty: Treaty
    standing: Standing
    rows: list[Dated] = field(default_factory=list)
    timeline: list[Dated] = field(default_factory=list)
    record: dict | None = None  # the depositary record an absence rests on
    not_adopted: bool = False


def _treaty_section(country: Country, standing: Standing, on: datetime.date, index: SourceIndex):
    treaty = standing.treaty
    section = TreatySection(treaty=treaty, standing=standing)
    section.not_adopted = bool(treaty.adopted_on and on < treaty.adopted_on)
    if not standing.actions:
        section.record = index.cite(treaty.record_source) or {"number": None, "source": None}
        return section

    if standing.signature:
        section.rows.append(
            Dated("Signed", standing.signature.date, cited=index.cite(standing.signature.source))
        )
    if standing.consent:
        consent = standing.consent
        kind = "" if consent.kind == ActionKind.CONSENT else consent.get_kind_display()
        section.rows.append(Dated("Consent to be bound", consent.date, kind, index.cite(consent.source)))
        section.rows.append(
            Dated(
                f"Entry into force for {country.name}",
                standing.in_force,
                _in_force_detail(treaty, consent, standing.in_force),
                index.cite(consent.source),
                pending=bool(standing.in_force and standing.in_force > on),
            )
        )
    if standing.withdrawal:
        withdrawal = standing.withdrawal
        section.rows.append(
            Dated("Withdrawal notified", withdrawal.date, cited=index.cite(withdrawal.source))
        )
        section.rows.append(
            Dated(
                "Withdrawal effective",
                standing.withdrawal_effective,
                withdrawal.note if withdrawal.effective_on else "",
                index.cite(withdrawal.source),
                pending=bool(standing.withdrawal_effective and standing.withdrawal_effective > on),
            )
        )
    section.timeline = _timeline(country, standing, on, index)
    return section


def _in_force_detail(treaty: Treaty, consent, in_force: datetime.date | None) -> str:
    if consent.effective_on:
        return consent.note or "as the depositary records it"
    if in_force is None:
        return "the treaty itself is not yet in force"
    if in_force == treaty.entry_into_force_on and consent.date < in_force:
        return "the day the treaty itself entered into force"
    return f"by the treaty's rule: {treaty.get_entry_into_force_rule_display().lower()}"


def _timeline(country: Country, standing: Standing, on: datetime.date, index: SourceIndex) -> list[Dated]:
    """Every recorded action known on `on`, with the dates the treaty's rules give them effect."""
    treaty, events = standing.treaty, []
    for action in standing.actions:
        cited = index.cite(action.source)
        if action.kind == ActionKind.SIGNATURE:
            events.append(Dated("Signed", action.date, action.note, cited))
        elif action.kind in CONSENT_KINDS:
            what = "Instrument of consent" if action.kind == ActionKind.CONSENT else action.get_kind_display()
            events.append(Dated(f"{what} deposited", action.date, action.note, cited))
            in_force = consent_takes_effect(treaty, action)
            if in_force:
                future = in_force > on
                label = f"{'Enters' if future else 'Entered'} into force for {country.name}"
                events.append(Dated(label, in_force, "", cited, pending=future))
        elif action.kind == ActionKind.WITHDRAWAL:
            events.append(Dated("Withdrawal notified", action.date, action.note, cited))
            effective = withdrawal_takes_effect(treaty, action)
            future = effective > on
            events.append(
                Dated(
                    f"Withdrawal {'takes' if future else 'took'} effect", effective, "", cited, pending=future
                )
            )
    return sorted(events, key=lambda e: e.date)


@dataclass
class VoteRow:
    vote: CastVote
    label: str
    cited: dict | None
    notes: list[int]


def _vote_rows(rows: list[CastVote], index: SourceIndex) -> tuple[list[VoteRow], list[dict]]:
    """Table rows, and the numbered notes on gaps in the data they point to."""
    table, notes, numbered = [], [], {}

    def note(key: str, text: str) -> int:
        if key not in numbered:
            numbered[key] = len(notes) + 1
            notes.append({"number": numbered[key], "text": text})
        return numbered[key]

    for row in rows:
        resolution = row.resolution
        marks = []
        correction = row.record is not None and not row.record.in_dataset
        if correction:
            # The correction's own note says what the resolution's gap note says, for this state.
            text = f"{resolution.symbol}: {row.country.name}'s vote is added from the official record, "
            text += f"not the vote data. {row.record.note}"
            marks.append(note(f"vote-{row.record.pk}", text.strip()))
        elif row.record is not None and row.record.note:
            marks.append(note(f"vote-{row.record.pk}", f"{resolution.symbol}: {row.record.note}"))
        if resolution.note and not correction:
            marks.append(note(f"resolution-{resolution.pk}", f"{resolution.symbol}: {resolution.note}"))
        if not resolution.adopted_on:
            marks.append(
                note(
                    "dataset-dates",
                    "The date shown is the one the vote data gives; the official adoption date is not "
                    "recorded in the database yet, and for several years the two differ.",
                )
            )
        source = row.record.source if row.record is not None else resolution.votes_source
        table.append(VoteRow(row, VOTE_LABELS[row.vote], index.cite(source), marks))
    return table, notes


def _kind_text(country: Country) -> str:
    match country.kind:
        case CountryKind.MEMBER if country.un_member_from:
            return f"UN member state since {long_date(country.un_member_from)}"
        case CountryKind.FORMER_STATE if country.un_member_until:
            start = f" from {long_date(country.un_member_from)}" if country.un_member_from else ""
            return f"Former state: UN member{start} until {long_date(country.un_member_until)}"
        case CountryKind.OTHER_AREA:
            return "Other area: not recognised as a state, covered by the Monitor all the same"
    return country.get_kind_display()


def _no_votes_text(country: Country) -> str:
    if country.kind == CountryKind.OTHER_AREA:
        return (
            f"{country.name} is an other area, not a member of the United Nations: it does not vote "
            "in the General Assembly."
        )
    if country.un_member_from is None:
        return (
            f"{country.name} is not a member of the United Nations ({country.get_kind_display().lower()}): "
            "it does not vote in the General Assembly."
        )
    return f"No vote of {country.name} on a landmine resolution is recorded."


def _parse_on(raw: str) -> datetime.date | None:
    if not ISO_DATE.match(raw):
        raise ValueError(raw)
    return datetime.date.fromisoformat(raw)


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    """A country's page; a code, a name or an alias redirects to it, an unknown name is a 404."""
    country = Country.objects.filter(slug=code).prefetch_related("names").first()
    if country is None:
        return _find_country(request, code)

    today = timezone.localdate()
    # A former state is shown as it stood on its last day, unless another date is asked for.
    default_on = today
    if (
        country.kind == CountryKind.FORMER_STATE
        and country.un_member_until
        and country.un_member_until < today
    ):
        default_on = country.un_member_until
    raw_on = request.GET.get("on", "").strip()
    on = default_on
    if raw_on:
        try:
            on = _parse_on(raw_on)
        except ValueError:
            context = {"country": country, "raw_on": raw_on, "on": default_on}
            return render(request, "countries/bad_date.html", context, status=400)

    index = SourceIndex()
    treaty_sections = []
    if country.is_state:
        treaty_sections = [_treaty_section(country, s, on, index) for s in country_standings(country, on)]
    vote_rows, vote_notes = _vote_rows(country_votes(country), index)
    facts = []
    for fact in facts_about(country):
        references = [{"reference": r, "cited": index.cite(r.source)} for r in fact.references.all()]
        facts.append({"fact": fact, "references": references})
    reports = [
        {"page": page, "url": page.get_url(request)}
        for page in public_reports().filter(country=country).order_by("-edition__year")
    ]
    context = {
        "country": country,
        "names": [n for n in country.names.all() if n.name != country.name],
        "region_name": REGION_NAMES[country.region],
        "kind_text": _kind_text(country),
        "on": on,
        "today": today,
        "is_today": on == today,
        "asked_on": raw_on,
        "treaty_sections": treaty_sections,
        "votes": vote_rows,
        "vote_notes": vote_notes,
        "no_votes_text": "" if vote_rows else _no_votes_text(country),
        "facts": facts,
        "reports": reports,
        "sources": index.sources,
    }
    return render(request, "countries/country_detail.html", context)


def _find_country(request: HttpRequest, code: str) -> HttpResponse:
    """Not a slug: a code, a name or an alias redirects permanently to the slug URL."""
    try:
        found = resolve_country(code)
    except AmbiguousCountry as error:
        context = {"code": code, "candidates": sorted(error.candidates, key=lambda c: c.name)}
        return render(request, "countries/not_found.html", context, status=404)
    except UnknownCountry:
        return render(request, "countries/not_found.html", {"code": code}, status=404)
    url = reverse("countries:detail", args=[found.slug])
    if request.GET:
        url += "?" + request.GET.urlencode()
    return redirect(url, permanent=True)

"""What the world map shows on a date: every shape's status and title, the legend's counts, the
table's rows. One `treaty_parties` call answers every state's status; one query finds the shapes'
other countries (other areas, states not yet independent on the date).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from landmine_monitor.database.countries.models import Country, CountryKind
from landmine_monitor.database.treaties.models import Treaty
from landmine_monitor.database.treaties.rules import Standing
from landmine_monitor.database.treaties.selectors import get_treaty, treaty_parties
from landmine_monitor.database.treaties.vocabulary import SHOWN_ORDER, Status
from landmine_monitor.foundation.dates import long_date, short_date

from .shapes import Shape, World, world

TREATY = "mbt"
FIRST_DAY = datetime.date(1997, 12, 3)  # the Mine Ban Treaty opened for signature
MAP_DATA_CREDIT = "Map data: Natural Earth via world-atlas"

OTHER_AREA = "other-area"
NONE = "none"  # a shape no state's record covers: Antarctica, dependent territories

# Features world-atlas has without an ISO numeric code that are the Monitor's other areas.
OTHER_AREA_KEYS = {"x-kosovo": "kosovo", "x-somaliland": "somaliland"}

# A shape drawn apart by Natural Earth that the treaty record counts as part of a state: the
# depositary record knows the Republic of Cyprus only, for the whole island.
PART_OF = {"x-n-cyprus": "196"}

# Before its independence a state's territory was part of another state, whose status it shows:
# South Sudan of Sudan (until 9 July 2011), Montenegro of Serbia and Montenegro (until 3 June 2006).
# Timor-Leste (20 May 2002) is not listed: under UN administration before, it is drawn neutral.
PART_OF_BEFORE_INDEPENDENCE = {"728": "729", "499": "688"}


def standing_detail(standing: Standing) -> str:
    """The status in words, with the date that makes it: 'State Party (in force 1 August 2000)'."""
    label = standing.status_label
    if standing.status == Status.STATE_PARTY and standing.in_force:
        return f"{label} (in force {long_date(standing.in_force)})"
    if standing.status == Status.RATIFIED and standing.consent:
        when = f"; in force {long_date(standing.in_force)}" if standing.in_force else ""
        return f"{label} (instrument deposited {long_date(standing.consent.date)}{when})"
    if standing.status == Status.SIGNATORY and standing.signature:
        return f"{label} (signed {long_date(standing.signature.date)})"
    if standing.status == Status.WITHDRAWN and standing.withdrawal_effective:
        return f"{label} (effective {long_date(standing.withdrawal_effective)})"
    return label


@dataclass
class MapShape:
    """One shape as drawn on the date."""

    shape: Shape
    name: str
    status: str  # a treaty Status value, "other-area" or "none"
    title: str
    iso3: str = ""
    slug: str = ""
    part_of: str = ""  # the alpha-3 of the state whose record it shows, when not its own

    @property
    def has_status(self) -> bool:
        return self.status not in (OTHER_AREA, NONE)

    @property
    def marker(self) -> bool:
        """Small shapes of states and other areas get a marker; neutral territories do not."""
        return self.shape.small and self.status != NONE and not self.part_of


@dataclass
class LegendItem:
    status: str
    count: int | None  # None for the neutral kinds, which count no states
    label: str


@dataclass
class TableRow:
    """A row of the table, its cells already written (the template only places them)."""

    country: Country
    standing: Standing
    drawn: str  # "shape", "marker" or "" (no shape at this scale)

    def __post_init__(self) -> None:
        standing = self.standing
        self.name = self.country.name
        self.region = self.country.get_region_display()
        self.status = standing.status_label
        if standing.withdrawal_effective and standing.status == Status.WITHDRAWN:
            self.status += f", effective {short_date(standing.withdrawal_effective)}"
        self.signed = short_date(standing.signature.date if standing.signature else None)
        self.consent = (
            f"{short_date(standing.consent.date)} ({standing.consent.get_kind_display().lower()})"
            if standing.consent
            else "—"
        )
        self.in_force = short_date(standing.in_force)


@dataclass
class WorldMap:
    """Everything the map page (and the book) draws for a date."""

    on: datetime.date
    treaty: Treaty
    world: World
    shapes: list[MapShape]
    counts: dict[str, int]
    rows: list[TableRow]
    other_areas: list[Country] = field(default_factory=list)

    @property
    def markers(self) -> list[MapShape]:
        return [s for s in self.shapes if s.marker]

    @property
    def legend(self) -> list[LegendItem]:
        items = [
            LegendItem(status.value, count, status.counted(count))
            for status, count in ((status, self.counts.get(status.value, 0)) for status in SHOWN_ORDER)
        ]
        items.append(LegendItem(OTHER_AREA, None, "Other area (not a state; cannot join)"))
        items.append(LegendItem(NONE, None, "Territory or area without a status of its own"))
        return items

    @property
    def not_drawn(self) -> list[TableRow]:
        return [row for row in self.rows if not row.drawn]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def source_citation(self) -> str:
        source = self.treaty.record_source
        return source.citation if source else ""


def world_map(on: datetime.date, treaty: Treaty | None = None) -> WorldMap:
    treaty = treaty or get_treaty(TREATY)
    shapes_data = world()
    parties = treaty_parties(treaty, on)
    states = {country.pk for country, _ in parties.standings}
    by_numeric = {country.numeric: (country, standing) for country, standing in parties.standings}

    # The countries a shape may be that are not among the states on the date (other areas, states
    # not yet independent), and the other areas for the note: one query for the ~200 rows.
    shape_key_of_slug = {slug: key for key, slug in OTHER_AREA_KEYS.items()}
    others: dict[str, Country] = {}
    other_areas = []
    for country in Country.objects.all():
        if country.kind == CountryKind.OTHER_AREA:
            other_areas.append(country)
        if country.pk in states:
            continue
        key = country.numeric or shape_key_of_slug.get(country.slug)
        if key in shapes_data.by_key:
            others[key] = country

    shapes = [_map_shape(shape, on, by_numeric, others) for shape in shapes_data.shapes]
    drawn = {}
    for item in shapes:
        if item.has_status and not item.part_of:
            drawn[item.shape.key] = "marker" if item.marker else "shape"
    rows = [
        TableRow(country, standing, drawn.get(country.numeric, "")) for country, standing in parties.standings
    ]
    return WorldMap(
        on=on,
        treaty=treaty,
        world=shapes_data,
        shapes=shapes,
        counts=parties.counts,
        rows=rows,
        other_areas=sorted(other_areas, key=lambda c: c.name),
    )


def _map_shape(
    shape: Shape,
    on: datetime.date,
    by_numeric: dict[str, tuple[Country, Standing]],
    others: dict[str, Country],
) -> MapShape:
    if shape.key in by_numeric:
        country, standing = by_numeric[shape.key]
        return MapShape(
            shape,
            name=country.name,
            status=standing.status.value,
            title=f"{country.name}: {standing_detail(standing)}",
            iso3=country.iso3,
            slug=country.slug,
        )
    country = others.get(shape.key)
    parent_key = PART_OF.get(shape.key)
    if parent_key is None and country is not None and country.is_state:
        parent_key = PART_OF_BEFORE_INDEPENDENCE.get(shape.key)
    if parent_key in by_numeric:
        parent, standing = by_numeric[parent_key]
        name = country.name if country else shape.name
        until = (
            f" until {long_date(country.independent_from)}" if country and country.independent_from else ""
        )
        return MapShape(
            shape,
            name=name,
            status=standing.status.value,
            title=f"{name} (part of {parent.name}{until}): {standing_detail(standing)}",
            iso3=(country.iso3 if country else shape.iso3),
            slug=country.slug if country else "",
            part_of=parent.iso3,
        )
    if country is not None and country.kind == CountryKind.OTHER_AREA:
        return MapShape(
            shape,
            name=country.name,
            status=OTHER_AREA,
            title=f"{country.name}: other area, not a state (cannot join the treaty)",
            iso3=country.iso3,
            slug=country.slug,
        )
    if country is not None:  # a state, not yet independent on the date
        return MapShape(
            shape,
            name=country.name,
            status=NONE,
            title=f"{country.name}: not yet an independent state on {long_date(on)}",
            iso3=country.iso3,
            slug=country.slug,
        )
    return MapShape(
        shape,
        name=shape.name,
        status=NONE,
        title=f"{shape.name}: no treaty status of its own (not a state)",
        iso3=shape.iso3,
    )

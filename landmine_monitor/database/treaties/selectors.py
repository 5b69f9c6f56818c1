"""Reading treaty standings: one country's on a date, or every state's towards one treaty."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from landmine_monitor.database.countries.models import STATE_KINDS, Country
from landmine_monitor.database.sources.models import Source

from .models import Treaty, TreatyAction
from .rules import Standing, standing_on
from .vocabulary import SHOWN_ORDER, Status


class UnknownTreaty(LookupError):
    def __init__(self, slug: str) -> None:
        known = ", ".join(Treaty.objects.values_list("slug", flat=True))
        super().__init__(f"Unknown treaty: {slug!r} (known: {known})")
        self.slug = slug


def get_treaty(slug: str) -> Treaty:
    try:
        return Treaty.objects.select_related("record_source", "parent").get(slug=slug.strip().lower())
    except Treaty.DoesNotExist:
        raise UnknownTreaty(slug) from None


def country_standings(country: Country, on: datetime.date) -> list[Standing]:
    """The country's standing towards every treaty, in the treaties' order."""
    actions = defaultdict(list)
    for action in TreatyAction.objects.filter(country=country).select_related("source"):
        actions[action.treaty_id].append(action)
    return [standing_on(t, actions[t.pk], on) for t in Treaty.objects.select_related("record_source")]


@dataclass
class Parties:
    treaty: Treaty
    on: datetime.date
    standings: list[tuple[Country, Standing]]

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(s.status.value for _, s in self.standings)
        return {status.value: counted.get(status.value, 0) for status in Status}

    @property
    def shown_counts(self) -> list[tuple[Status, int]]:
        """The counts in the order statuses are shown side by side (a table's columns)."""
        counts = self.counts
        return [(status, counts[status.value]) for status in SHOWN_ORDER]

    @property
    def instruments_deposited(self) -> int:
        """States whose instrument of consent had been deposited by the date, in force or not."""
        return sum(1 for _, s in self.standings if s.consent is not None)


def states_on(on: datetime.date):
    """The states that existed on `on`: those not yet independent and former states already gone
    are left out, and so are other areas, which cannot act on treaties."""
    return (
        Country.objects.filter(kind__in=STATE_KINDS)
        .exclude(un_member_until__lt=on)
        .exclude(independent_from__gt=on)
        .order_by("name")
    )


def treaty_parties(treaty: Treaty, on: datetime.date, among: Collection[int] | None = None) -> Parties:
    """Every state's standing towards `treaty` on `on`; only those of the countries whose ids are
    in `among`, when given (a table of contents needs a few dozen, not every state)."""
    actions = TreatyAction.objects.filter(treaty=treaty, date__lte=on).select_related("source")
    states = states_on(on)
    if among is not None:
        actions = actions.filter(country_id__in=among)
        states = states.filter(pk__in=among)
    by_country = defaultdict(list)
    for action in actions:
        by_country[action.country_id].append(action)
    standings = [(c, standing_on(treaty, by_country[c.pk], on)) for c in states]
    return Parties(treaty=treaty, on=on, standings=standings)


def countries_with_status(treaty: Treaty, status: str, on: datetime.date) -> list[Country]:
    return [c for c, s in treaty_parties(treaty, on).standings if s.status.value == status]


@dataclass
class WhereStatesStand:
    """How many states stand where towards each treaty on a date: the home page's table and the
    content pages' "treaty figures" block."""

    on: datetime.date
    treaties: list[Parties]
    statuses: tuple[Status, ...] = SHOWN_ORDER  # the columns, in the order of `shown_counts`

    @property
    def record(self) -> Source | None:
        """The depositary record the figures rest on (the first treaty's, the Mine Ban Treaty)."""
        return self.treaties[0].treaty.record_source if self.treaties else None


def where_states_stand(on: datetime.date) -> WhereStatesStand:
    """Every treaty's counts of states by status on `on`, computed from the recorded actions."""
    treaties = Treaty.objects.select_related("record_source")
    return WhereStatesStand(on=on, treaties=[treaty_parties(treaty, on) for treaty in treaties])

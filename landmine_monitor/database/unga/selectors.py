"""Reading the vote record, with "absent" worked out from UN membership on the vote's date."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from landmine_monitor.database.countries.models import Country

from .models import Resolution, Vote
from .symbols import normalise_symbol

ABSENT = "absent"


class UnknownResolution(LookupError):
    def __init__(self, symbol: str) -> None:
        super().__init__(f"Unknown resolution: {symbol!r}")
        self.symbol = symbol


def get_resolution(symbol: str) -> Resolution:
    wanted = normalise_symbol(symbol)
    try:
        return Resolution.objects.select_related("votes_source", "recorded_source", "adopted_on_source").get(
            symbol=wanted
        )
    except Resolution.DoesNotExist:
        raise UnknownResolution(symbol) from None


@dataclass
class CastVote:
    """How one state stood on one resolution: its recorded vote, or absent (then no Vote)."""

    resolution: Resolution
    country: Country
    vote: str
    record: Vote | None


def resolution_votes(resolution: Resolution) -> list[CastVote]:
    """Every state that was a member on the vote's date or has a recorded vote, by name."""
    recorded = {v.country_id: v for v in resolution.votes.select_related("country", "source")}
    members = Country.objects.filter(un_member_from__lte=resolution.vote_date).exclude(
        un_member_until__lt=resolution.vote_date
    )
    countries = {c.pk: c for c in members}
    countries.update({v.country_id: v.country for v in recorded.values()})
    rows = [
        CastVote(resolution, c, recorded[c.pk].vote if c.pk in recorded else ABSENT, recorded.get(c.pk))
        for c in countries.values()
    ]
    return sorted(rows, key=lambda row: row.country.name)


def tally(rows: list[CastVote], *, dataset_only: bool = False) -> dict[str, int]:
    """Counts of yes / no / abstain / absent; `dataset_only` counts the data set as it came."""
    counted = Counter(
        r.vote
        for r in rows
        if not (dataset_only and r.record is not None and not r.record.in_dataset)
        and not (dataset_only and r.record is None)
    )
    keys = ("yes", "no", "abstain") if dataset_only else ("yes", "no", "abstain", ABSENT)
    return {k: counted.get(k, 0) for k in keys}


def country_votes(country: Country) -> list[CastVote]:
    """The country's vote on every resolution taken while it was a member or on which it voted."""
    recorded = {v.resolution_id: v for v in country.unga_votes.select_related("source")}
    rows = []
    for resolution in Resolution.objects.select_related("votes_source"):
        vote = recorded.get(resolution.pk)
        if vote is not None:
            rows.append(CastVote(resolution, country, vote.vote, vote))
        elif country.is_un_member_on(resolution.vote_date):
            rows.append(CastVote(resolution, country, ABSENT, None))
    return sorted(rows, key=lambda row: row.resolution.vote_date)

"""Load the bundled reference data into the database.

Loading adds what is missing and never overwrites: a row an editor corrected in the admin stays
as the editor left it, and running `setup` again changes nothing. The whole load is one
transaction; a bad row stops it with the file and line named, and nothing is written.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from wagtail.search.backends import get_search_backends

from landmine_monitor.database.countries.models import Country, CountryKind, CountryName, Region
from landmine_monitor.database.countries.names import fold_name
from landmine_monitor.database.editions.models import Edition, EditionState
from landmine_monitor.database.facts.models import Indicator, ValueType
from landmine_monitor.database.sources.models import Source, SourceKind
from landmine_monitor.database.treaties.models import ActionKind, EntryIntoForceRule, Treaty, TreatyAction
from landmine_monitor.database.unga.models import Resolution, Vote, VoteChoice
from landmine_monitor.foundation.content_version import content_changed

from .bundle import DATA_DIR, ReferenceDataError, country_aliases, read_datasets, read_rows

Progress = Callable[[str], None]


def _date(value: str, where: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ReferenceDataError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _choice(value: str, choices, where: str, field: str) -> str:
    if value not in choices.values:
        allowed = ", ".join(choices.values)
        raise ReferenceDataError(f"{where}: {field} {value!r} is not one of: {allowed}")
    return value


def _int(value: str, where: str) -> int | None:
    if value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise ReferenceDataError(f"{where}: {value!r} is not a whole number") from None


class Loader:
    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.data_dir = data_dir
        self.created: dict[str, int] = dict.fromkeys(
            (
                "sources",
                "countries",
                "country names",
                "treaties",
                "treaty actions",
                "resolutions",
                "votes",
                "indicators",
                "editions",
            ),
            0,
        )
        self.sources: dict[str, Source] = {}

    def _count(self, what: str, n: int) -> None:
        self.created[what] += n

    def source(self, key: str, **fields) -> Source:
        if key not in self.sources:
            source, made = Source.objects.get_or_create(key=key, defaults=fields)
            self._count("sources", int(made))
            self.sources[key] = source
        return self.sources[key]

    def load_sources(self) -> None:
        for entry in read_datasets(self.data_dir):
            where = f"datasets.json, source {entry['key']!r}"
            self.source(
                entry["key"],
                kind=_choice(entry["kind"], SourceKind, where, "kind"),
                title=entry["title"],
                person=entry.get("person", ""),
                organisation=entry.get("organisation", ""),
                date=_date(entry.get("date") or "", where),
                date_text=entry.get("date_text", ""),
                url=entry.get("url", ""),
                note=entry.get("note", ""),
            )

    def load_countries(self) -> None:
        path = self.data_dir / "countries.csv"
        existing = {c.slug: c for c in Country.objects.all()}
        new, rows = [], []
        for line, row in read_rows(path):
            where = f"{path.name}, line {line}"
            rows.append((where, row))
            if row["slug"] in existing:
                continue
            country = Country(
                slug=row["slug"],
                name=row["name"],
                folded_name=fold_name(row["name"]),
                kind=_choice(row["kind"], CountryKind, where, "kind"),
                region=_choice(row["region"], Region, where, "region"),
                iso2=row["iso2"],
                iso3=row["iso3"],
                numeric=row["numeric"],
                independent_from=_date(row["independent_from"], where),
                un_member_from=_date(row["un_member_from"], where),
                un_member_until=_date(row["un_member_until"], where),
            )
            new.append(country)
        Country.objects.bulk_create(new)
        self._count("countries", len(new))
        by_slug = {c.slug: c for c in Country.objects.all()}
        known = set(CountryName.objects.values_list("country_id", "folded", "valid_from"))
        names = []
        for where, row in rows:
            country = by_slug[row["slug"]]
            try:
                aliases = country_aliases(row)
            except ValueError as error:
                raise ReferenceDataError(f"{where}: aliases: {error}") from None
            for name, start, end in aliases:
                key = (country.pk, fold_name(name), start)
                if key not in known:
                    known.add(key)
                    names.append(
                        CountryName(
                            country=country, name=name, folded=key[1], valid_from=start, valid_until=end
                        )
                    )
        CountryName.objects.bulk_create(names)
        self._count("country names", len(names))
        self.countries = by_slug
        # bulk_create skips the signals that keep Wagtail's search index current: index the
        # countries that are new or have new names, so the admin's search and choosers find them.
        touched = {c.pk for c in new} | {n.country_id for n in names}
        if touched:
            for backend in get_search_backends():
                backend.add_bulk(Country, list(Country.objects.filter(pk__in=touched)))

    def country(self, slug: str, where: str) -> Country:
        try:
            return self.countries[slug]
        except KeyError:
            raise ReferenceDataError(f"{where}: no country with slug {slug!r} in countries.csv") from None

    def load_treaties(self) -> None:
        path = self.data_dir / "treaties.csv"
        existing = {t.slug: t for t in Treaty.objects.all()}
        for line, row in read_rows(path):
            where = f"{path.name}, line {line}"
            if row["slug"] in existing:
                continue
            treaty = Treaty.objects.create(
                slug=row["slug"],
                position=_int(row["position"], where) or 0,
                short_name=row["short_name"],
                name=row["name"],
                adopted_on=_date(row["adopted_on"], where),
                opened_for_signature_on=_date(row["opened_for_signature_on"], where),
                signature_open=row["signature_open"] == "yes",
                signature_closes_on=_date(row["signature_closes_on"], where),
                entry_into_force_rule=_choice(
                    row["entry_into_force_rule"], EntryIntoForceRule, where, "entry_into_force_rule"
                ),
                entry_into_force_threshold=_int(row["entry_into_force_threshold"], where),
                entry_into_force_on=_date(row["entry_into_force_on"], where),
                withdrawal_delay_months=_int(row["withdrawal_delay_months"], where),
                parent=existing.get(row["parent"]) if row["parent"] else None,
                depositary_url=row["depositary_url"],
                record_source=self.sources["untc-2014"],
            )
            existing[treaty.slug] = treaty
            self._count("treaties", 1)
        self.treaties = existing

    def load_treaty_actions(self) -> None:
        path = self.data_dir / "treaty_actions.csv"
        source = self.sources["untc-2014"]
        known = set(TreatyAction.objects.values_list("treaty_id", "country_id", "kind", "date"))
        new = []
        for line, row in read_rows(path):
            where = f"{path.name}, line {line}"
            treaty = self.treaties.get(row["treaty"])
            if treaty is None:
                raise ReferenceDataError(f"{where}: no treaty {row['treaty']!r} in treaties.csv")
            action = TreatyAction(
                treaty=treaty,
                country=self.country(row["country"], where),
                kind=_choice(row["kind"], ActionKind, where, "kind"),
                date=_date(row["date"], where),
                source=source,
                locator=row["locator"],
            )
            key = (treaty.pk, action.country.pk, action.kind, action.date)
            if key not in known:
                known.add(key)
                new.append(action)
        TreatyAction.objects.bulk_create(new)
        self._count("treaty actions", len(new))

    def load_resolutions(self) -> None:
        votes_source = self.sources["unga-voeten"]
        official = {}
        path = self.data_dir / "unga_official.csv"
        for line, row in read_rows(path):
            official[row["symbol"]] = (f"{path.name}, line {line}", row)
        existing = {r.symbol: r for r in Resolution.objects.all()}
        path = self.data_dir / "unga_resolutions.csv"
        for line, row in read_rows(path):
            where = f"{path.name}, line {line}"
            if row["symbol"] in existing:
                continue
            resolution = Resolution(
                symbol=row["symbol"],
                session=_int(row["session"], where),
                title=row["title"],
                dataset_date=_date(row["dataset_date"], where),
                votes_source=votes_source,
                votes_locator=f"roll call {row['rcid']}",
            )
            if row["symbol"] in official:
                self._apply_official(resolution, *official[row["symbol"]])
            resolution.save()
            existing[resolution.symbol] = resolution
            self._count("resolutions", 1)
        self.resolutions = existing

    def _apply_official(self, resolution: Resolution, where: str, row: dict[str, str]) -> None:
        resolution.title = row["title"] or resolution.title
        resolution.adopted_on = _date(row["adopted_on"], where)
        resolution.note = row["note"]
        slug = resolution.slug
        if row["document"]:
            resolution.adopted_on_source = self.source(
                f"unga-{slug}",
                kind=SourceKind.UN_DOCUMENT,
                title=f"General Assembly resolution {row['document']}: {resolution.title}",
                organisation="United Nations General Assembly",
                date=resolution.adopted_on,
            )
        if row["recorded_yes"]:
            resolution.recorded_yes = _int(row["recorded_yes"], where)
            resolution.recorded_no = _int(row["recorded_no"], where)
            resolution.recorded_abstain = _int(row["recorded_abstain"], where)
            resolution.recorded_source = self.source(
                f"unga-{slug}-record",
                kind=SourceKind.UN_DOCUMENT,
                title=row["record"],
                organisation="United Nations General Assembly",
                date=resolution.adopted_on,
            )

    def load_votes(self) -> None:
        source = self.sources["unga-voeten"]
        known = set(Vote.objects.values_list("resolution_id", "country_id"))
        new = []

        def add(where: str, row: dict[str, str], **extra) -> None:
            resolution = self.resolutions.get(row["symbol"])
            if resolution is None:
                raise ReferenceDataError(f"{where}: no resolution {row['symbol']!r}")
            country = self.country(row["country"], where)
            if (resolution.pk, country.pk) in known:
                return
            known.add((resolution.pk, country.pk))
            vote = _choice(row["vote"], VoteChoice, where, "vote")
            new.append(Vote(resolution=resolution, country=country, vote=vote, **extra))

        for line, row in read_rows(self.data_dir / "unga_votes.csv"):
            add(f"unga_votes.csv, line {line}", row, source=source)
        for line, row in read_rows(self.data_dir / "unga_corrections.csv"):
            where = f"unga_corrections.csv, line {line}"
            resolution = self.resolutions.get(row["symbol"])
            if resolution is None or resolution.recorded_source is None:
                raise ReferenceDataError(f"{where}: a correction needs the resolution's official record")
            add(where, row, source=resolution.recorded_source, in_dataset=False, note=row["note"])
        Vote.objects.bulk_create(new)
        self._count("votes", len(new))

    def load_indicators(self) -> None:
        path = self.data_dir / "indicators.csv"
        known = set(Indicator.objects.values_list("slug", flat=True))
        new = []
        for line, row in read_rows(path):
            where = f"{path.name}, line {line}"
            if row["slug"] in known:
                continue
            new.append(
                Indicator(
                    slug=row["slug"],
                    name=row["name"],
                    value_type=_choice(row["value_type"], ValueType, where, "value_type"),
                    unit=row["unit"],
                    theme=row["theme"],
                    description=row["description"],
                )
            )
        Indicator.objects.bulk_create(new)
        self._count("indicators", len(new))

    def load_editions(self) -> None:
        path = self.data_dir / "editions.csv"
        known = set(Edition.objects.values_list("year", flat=True))
        new = []
        for line, row in read_rows(path):
            where = f"{path.name}, line {line}"
            year = _int(row["year"], where)
            if year not in known:
                new.append(
                    Edition(
                        year=year,
                        title=row["title"],
                        reporting_period_end=_date(row["reporting_period_end"], where),
                        state=EditionState.PUBLISHED,
                    )
                )
        Edition.objects.bulk_create(new)
        self._count("editions", len(new))


STEPS = [
    ("sources", Loader.load_sources),
    ("countries and areas", Loader.load_countries),
    ("treaties", Loader.load_treaties),
    ("treaty actions", Loader.load_treaty_actions),
    ("UN resolutions", Loader.load_resolutions),
    ("UN votes", Loader.load_votes),
    ("indicators", Loader.load_indicators),
    ("editions", Loader.load_editions),
]


@transaction.atomic
def load_reference(data_dir: Path = DATA_DIR, progress: Progress | None = None) -> dict[str, int]:
    """Load every bundled file; return how many rows of each kind were added."""
    loader = Loader(data_dir)
    for label, step in STEPS:
        if progress:
            progress(label)
        step(loader)
    content_changed()  # loaded in bulk, without the save signals: cached pages are stale now
    return loader.created

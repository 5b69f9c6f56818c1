"""`landmine-monitor record-action COUNTRY --treaty T --kind K --date D --source-title …`

Records a treaty action that came after the bundled data (a later accession, a withdrawal),
with its source, after checking it against the treaty's rules.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from landmine_monitor.database.cli import find_country, parse_date
from landmine_monitor.database.sources.models import Source, SourceKind
from landmine_monitor.database.treaties.models import ActionKind
from landmine_monitor.database.treaties.rules import standing_on
from landmine_monitor.database.treaties.selectors import UnknownTreaty, get_treaty
from landmine_monitor.database.treaties.services import record_treaty_action
from landmine_monitor.foundation.dates import short_date


class Command(BaseCommand):
    help = "Record a treaty action (signature, consent, withdrawal) with its source."

    def add_arguments(self, parser):
        parser.add_argument("country", nargs="+", help="Name, alias, ISO code or slug.")
        parser.add_argument("--treaty", required=True, help="mbt, ccw, ccw-apii, ccw-pv or ccm.")
        parser.add_argument("--kind", required=True, choices=ActionKind.values)
        parser.add_argument("--date", required=True, help="Deposit or notification date, YYYY-MM-DD.")
        parser.add_argument(
            "--effective-on", help="Only when the law sets a date other than the treaty's rule."
        )
        source = parser.add_argument_group("source (an existing one by id, or a new one)")
        source.add_argument("--source-id", type=int)
        source.add_argument("--source-title")
        source.add_argument("--source-kind", choices=SourceKind.values, default=SourceKind.UN_DOCUMENT)
        source.add_argument("--source-organisation", default="")
        source.add_argument("--source-date", help="YYYY-MM-DD")
        source.add_argument("--source-url", default="")
        parser.add_argument(
            "--locator", default="", help="Where in the source, e.g. the notification number."
        )
        parser.add_argument("--note", default="")

    def handle(self, *args, **options):
        date = parse_date(options["date"], "--date")
        country = find_country(options["country"], date)
        try:
            treaty = get_treaty(options["treaty"])
        except UnknownTreaty as error:
            raise CommandError(str(error)) from None
        source = self._source(options)
        effective_on = (
            parse_date(options["effective_on"], "--effective-on") if options["effective_on"] else None
        )
        try:
            action = record_treaty_action(
                country=country,
                treaty=treaty,
                kind=options["kind"],
                date=date,
                source=source,
                locator=options["locator"],
                note=options["note"],
                effective_on=effective_on,
            )
        except ValidationError as error:
            problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
            raise CommandError(f"Not recorded. {problems}") from None
        standing = standing_on(treaty, treaty.actions.filter(country=country), action.date)
        self.stdout.write(f"Recorded: {action} (source {action.source_id}: {action.source.citation}).")
        if standing.withdrawal_effective:
            self.stdout.write(
                f"{country.name} remains bound until the withdrawal takes effect on "
                f"{short_date(standing.withdrawal_effective)}."
            )
        elif standing.in_force:
            self.stdout.write(
                f"{treaty.short_name} is in force for {country.name} from {short_date(standing.in_force)}."
            )

    def _source(self, options) -> Source:
        if options["source_id"]:
            try:
                return Source.objects.get(pk=options["source_id"])
            except Source.DoesNotExist:
                raise CommandError(f"--source-id: no source {options['source_id']}") from None
        if not options["source_title"]:
            raise CommandError("Every action needs its source: give --source-id or --source-title.")
        return Source(
            kind=options["source_kind"],
            title=options["source_title"],
            organisation=options["source_organisation"],
            date=parse_date(options["source_date"], "--source-date") if options["source_date"] else None,
            url=options["source_url"],
        )

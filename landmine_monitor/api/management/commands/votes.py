"""`landmine-monitor votes COUNTRY [--json]` or `votes --resolution "51/45 S"`: the vote record."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from landmine_monitor.api import payloads
from landmine_monitor.api.payloads import dump_json
from landmine_monitor.database.cli import find_country
from landmine_monitor.database.unga.selectors import UnknownResolution, get_resolution
from landmine_monitor.foundation.dates import short_date


class Command(BaseCommand):
    help = "A country's votes on UN landmine resolutions, or every state's vote on one resolution."

    def add_arguments(self, parser):
        parser.add_argument("country", nargs="*", help="Name, alias, ISO code or slug.")
        parser.add_argument("--resolution", help='A resolution instead, e.g. "51/45 S".')
        parser.add_argument("--json", action="store_true", help="Print the API's JSON.")

    def handle(self, *args, **options):
        console = Console(file=self.stdout, highlight=False, width=120)
        if options["resolution"]:
            try:
                resolution = get_resolution(options["resolution"])
            except UnknownResolution as error:
                raise CommandError(str(error)) from None
            answer = payloads.resolution_with_votes(resolution)
            if options["json"]:
                self.stdout.write(dump_json(answer))
                return
            r = answer.resolution
            console.print(f"[bold]{r.symbol}[/] {r.title} — {short_date(r.vote_date)}")
            console.print(", ".join(f"{n} {k}" for k, n in answer.counts.items()))
            if r.gap:
                console.print(f"[yellow]{r.gap}[/] {r.note}")
            table = Table(show_header=True, header_style="bold")
            table.add_column("state")
            table.add_column("vote")
            for v in answer.votes:
                table.add_row(v.country.name, v.vote + ("" if v.in_dataset in (True, None) else " *"))
            console.print(table)
        else:
            if not options["country"]:
                raise CommandError("Name a country, or give --resolution.")
            answer = payloads.votes_of_country(find_country(options["country"]))
            if options["json"]:
                self.stdout.write(dump_json(answer))
                return
            console.print(f"[bold]{answer.country.name}[/] on UN General Assembly landmine resolutions")
            table = Table(show_header=True, header_style="bold")
            for column in ("resolution", "date", "vote"):
                table.add_column(column)
            for v in answer.votes:
                table.add_row(v.resolution.symbol, short_date(v.resolution.vote_date), v.vote)
            console.print(table)
        for s in answer.sources:
            console.print(f"Source {s.id}: {s.citation}")

"""`landmine-monitor status COUNTRY [--on DATE] [--json]`: where a state stood on a date."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from rich.console import Console
from rich.table import Table

from landmine_monitor.api import payloads
from landmine_monitor.api.payloads import dump_json
from landmine_monitor.database.cli import find_country, parse_date
from landmine_monitor.database.unga.selectors import country_votes
from landmine_monitor.foundation.dates import short_date


class Command(BaseCommand):
    help = "A country's status towards each treaty on a date, and its UN votes up to that date."

    def add_arguments(self, parser):
        parser.add_argument("country", nargs="+", help="Name, alias, ISO code or slug.")
        parser.add_argument("--on", help="Date YYYY-MM-DD (default today).")
        parser.add_argument("--json", action="store_true", help="Print the API's JSON.")

    def handle(self, *args, **options):
        on = parse_date(options["on"])
        country = find_country(options["country"], on)
        answer = payloads.country_treaties(country, on)
        if options["json"]:
            self.stdout.write(dump_json(answer))
            return
        console = Console(file=self.stdout, highlight=False, width=120)
        console.print(f"[bold]{country.name}[/] ({country.iso3 or country.slug}) on {short_date(on)}")
        table = Table(show_header=True, header_style="bold")
        for column in ("treaty", "status", "signed", "consented", "in force", "withdrawn"):
            table.add_column(column)
        for s in answer.treaties:
            table.add_row(
                s.treaty.short_name,
                s.status,
                short_date(s.signed),
                f"{short_date(s.consented.date)} ({s.consented.kind})" if s.consented else "—",
                short_date(s.in_force),
                f"{short_date(s.withdrawn.notified)}, effective {short_date(s.withdrawn.effective)}"
                if s.withdrawn
                else "—",
            )
        console.print(table)
        votes = [v for v in country_votes(country) if v.resolution.vote_date <= on]
        if votes:
            table = Table(
                title="UN General Assembly landmine resolutions", show_header=True, header_style="bold"
            )
            for column in ("resolution", "date", "vote"):
                table.add_column(column)
            for v in votes:
                table.add_row(v.resolution.symbol, short_date(v.resolution.vote_date), v.vote)
            console.print(table)
        sources = {src.id: src.citation for s in answer.treaties for src in s.sources}
        for source_id, citation in sorted(sources.items()):
            console.print(f"Source {source_id}: {citation}")

"""`landmine-monitor parties TREATY [--on DATE] [--json]`: every state's status on a date."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from landmine_monitor.api import payloads
from landmine_monitor.api.payloads import dump_json
from landmine_monitor.database.cli import parse_date
from landmine_monitor.database.treaties.selectors import UnknownTreaty, get_treaty, treaty_parties
from landmine_monitor.database.treaties.vocabulary import Status
from landmine_monitor.foundation.dates import short_date


class Command(BaseCommand):
    help = "Each state's status towards a treaty (mbt, ccw, ccw-apii, ccw-pv, ccm) on a date."

    def add_arguments(self, parser):
        parser.add_argument("treaty", help="Treaty slug: mbt, ccw, ccw-apii, ccw-pv or ccm.")
        parser.add_argument("--on", help="Date YYYY-MM-DD (default today).")
        parser.add_argument("--status", choices=[s.value for s in Status], help="Only this status.")
        parser.add_argument("--json", action="store_true", help="Print the API's JSON.")

    def handle(self, *args, **options):
        on = parse_date(options["on"])
        try:
            treaty = get_treaty(options["treaty"])
        except UnknownTreaty as error:
            raise CommandError(str(error)) from None
        answer = payloads.parties(treaty_parties(treaty, on))
        if options["json"]:
            self.stdout.write(dump_json(answer))
            return
        console = Console(file=self.stdout, highlight=False, width=120)
        console.print(f"[bold]{treaty.short_name}[/] on {short_date(on)}")
        counts = ", ".join(f"{n} {status}" for status, n in answer.counts.items())
        console.print(f"{counts}; {answer.instruments_deposited} instruments of consent deposited.")
        table = Table(show_header=True, header_style="bold")
        for column in ("state", "status", "signed", "consented", "in force"):
            table.add_column(column)
        for p in answer.states:
            if options["status"] and p.status != options["status"]:
                continue
            if not options["status"] and p.status == Status.NON_SIGNATORY:
                continue
            table.add_row(
                p.country.name,
                p.status,
                short_date(p.signed),
                f"{short_date(p.consented.date)} ({p.consented.kind})" if p.consented else "—",
                short_date(p.in_force),
            )
        console.print(table)
        if not options["status"]:
            console.print(
                f"({answer.counts['non-signatory']} non-signatories not listed; "
                "--status non-signatory lists them.)"
            )
        for s in answer.sources:
            console.print(f"Source {s.id}: {s.citation}")

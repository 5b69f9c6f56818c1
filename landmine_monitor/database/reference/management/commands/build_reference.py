"""`landmine-monitor build-reference RAW_DIR`: regenerate the bundled treaty and vote files."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from landmine_monitor.database.reference.build import build
from landmine_monitor.database.reference.bundle import DATA_DIR, ReferenceDataError


class Command(BaseCommand):
    help = (
        "Rebuild treaty_actions.csv, unga_resolutions.csv and unga_votes.csv from a folder of raw "
        "public data holding untc/ and unga/."
    )

    def add_arguments(self, parser):
        parser.add_argument("raw", type=Path, help="Folder with untc/ and unga/.")
        parser.add_argument("--out", type=Path, help="Where to write (default: the bundled data folder).")

    def handle(self, *args, **options):
        try:
            counts = build(options["raw"], DATA_DIR, options["out"])
        except ReferenceDataError as error:
            raise CommandError(str(error)) from None
        for what, n in counts.items():
            self.stdout.write(f"{n:6d} {what}")

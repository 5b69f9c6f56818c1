"""`landmine-monitor export EDITION COUNTRY --format md|docx [--output PATH]`"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from landmine_monitor.database.cli import find_country
from landmine_monitor.reports.exporters import to_docx, to_markdown
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import document_of


class Command(BaseCommand):
    help = "Export a country report to Markdown or Word (its latest revision, draft or not)."

    def add_arguments(self, parser):
        parser.add_argument("edition", type=int)
        parser.add_argument("country", nargs="+")
        parser.add_argument("--format", choices=["md", "docx"], default="md")
        parser.add_argument(
            "--output", type=Path, help="File to write (Markdown goes to the terminal without it)."
        )

    def handle(self, *args, **options):
        country = find_country(options["country"])
        page = CountryReportPage.objects.filter(country=country, edition__year=options["edition"]).first()
        if page is None:
            raise CommandError(f"No {options['edition']} report for {country.name}")
        doc = document_of(page.get_latest_revision_as_object())
        if options["format"] == "md":
            text = to_markdown(doc)
            if options["output"]:
                options["output"].write_text(text, encoding="utf-8")
            else:
                self.stdout.write(text, ending="")
            return
        output = options["output"] or Path(f"{country.slug}-{options['edition']}.docx")
        to_docx(doc, output)
        self.stdout.write(f"Wrote {output}")

"""`landmine-monitor merge-sources KEEP DUPLICATE`: one source recorded twice becomes one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from landmine_monitor.database.sources.models import Source
from landmine_monitor.database.sources.services import merge_sources


class Command(BaseCommand):
    help = "Merge DUPLICATE into KEEP: every citation, action, vote and fact moves to KEEP."

    def add_arguments(self, parser):
        parser.add_argument("keep", type=int, help="Id of the source to keep.")
        parser.add_argument("duplicate", type=int, help="Id of the source to merge into it and delete.")

    def handle(self, *args, **options):
        try:
            keep = Source.objects.get(pk=options["keep"])
            duplicate = Source.objects.get(pk=options["duplicate"])
        except Source.DoesNotExist:
            raise CommandError("No source with that id (see /api/v1/sources/ID or the admin).") from None
        try:
            merged = merge_sources(keep, duplicate)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Merged source {options['duplicate']} into {merged.pk}: {merged.citation}")

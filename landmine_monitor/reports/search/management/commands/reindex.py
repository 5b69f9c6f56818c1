"""`landmine-monitor reindex`: rebuild the report search from every published report.

Publishing, unpublishing and deleting keep the search up to date on their own; this is for an
installation whose index was lost or predates the search, or after changing the search backend.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from landmine_monitor.reports.search.services import reindex


class Command(BaseCommand):
    help = "Rebuild the search over report text and footnotes from every published report."

    def handle(self, *args, **options):
        console = Console(highlight=False)
        started = time.perf_counter()
        with Progress(
            TextColumn("Indexing reports"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("reindex", total=None)

            def advance(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total)

            result = reindex(progress=advance)
        elapsed = time.perf_counter() - started
        console.print(
            f"Search index rebuilt: {result.passages} passages from {result.reports} published "
            f"report{'s' if result.reports != 1 else ''} in {elapsed:.1f} s"
            + (
                f"; {result.removed} passages of reports no longer published removed."
                if result.removed
                else "."
            )
        )

"""`landmine-monitor import PATH... --edition YEAR [--country CODE] [--publish] [--dry-run]`

Reads report files (plain text, HTML, Word .docx, Markdown) or whole folders of them. Each file
is one transaction: a file that fails is reported with the reason and the others still load
(`--fail-fast` stops at the first). Imported reports are drafts unless `--publish` is given.
What the import writes reaches the search index in batches of files, and at the end.
"""

from __future__ import annotations

import gc
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from landmine_monitor.database.cli import find_country
from landmine_monitor.database.sources.search import deferred_search_index
from landmine_monitor.reports.importers import ImportFailed, read_reports
from landmine_monitor.reports.services import diff_documents, document_of, ensure_edition, save_report

# What the import wrote is added to the search index after every this many files (and at the
# end): each batch costs a pass over the whole index on SQLite. `--index-every` changes it.
SEARCH_INDEX_EVERY = 100


@contextmanager
def start_up_objects_frozen():
    """Keep the garbage collector's full passes off the objects that were there before the import
    (Django's, Wagtail's, the project's: they live as long as the process anyway). Every full
    pass reads them all, and the many records an import makes trigger one every few dozen
    reports: frozen, the import takes about 7% less time."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class DryRun(Exception):
    """Raised inside a file's transaction so that a dry run writes nothing."""


def report_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith(".") for part in p.parts)
            )
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"{path}: no such file or folder")
    return files


class Command(BaseCommand):
    help = "Import country reports from text, HTML, Word or Markdown files, or folders of them."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--edition", type=int, required=True, help="Edition year, e.g. 1999.")
        parser.add_argument("--country", help="The country, when the file does not name it.")
        parser.add_argument("--publish", action="store_true", help="Publish at once (past editions).")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; write nothing.")
        parser.add_argument("--fail-fast", action="store_true", help="Stop at the first file that fails.")
        parser.add_argument(
            "--index-every",
            type=int,
            default=SEARCH_INDEX_EVERY,
            metavar="N",
            help=f"Add what was imported to the search index every N files (default {SEARCH_INDEX_EVERY}).",
        )

    def handle(self, *args, **options):
        console = Console(file=self.stdout, highlight=False, width=120)
        files = report_files(options["paths"])
        totals: Counter = Counter()
        failures: list[tuple[Path, str]] = []
        # What the import writes (reports, sources, and what other apps derive from a published
        # report) goes into the search index in batches, not one save at a time.
        with (
            start_up_objects_frozen(),
            Progress(console=console, transient=True) as progress,
            deferred_search_index() as search_batch,
        ):
            task = progress.add_task("Importing", total=len(files))
            for done, path in enumerate(files, start=1):
                progress.update(task, description=f"Importing {path.name}")
                try:
                    lines = self._import_file(path, options, totals)
                except (ImportFailed, CommandError, ValueError) as error:
                    failures.append((path, str(error)))
                    console.print(f"[red]failed[/] {path}: {error}")
                    if options["fail_fast"]:
                        break
                else:
                    for line in lines:
                        console.print(line)
                if done % options["index_every"] == 0:
                    search_batch.flush()
                progress.advance(task)
        table = Table(title="Import" + (" (dry run: nothing written)" if options["dry_run"] else ""))
        table.add_column("what")
        table.add_column("count", justify="right")
        for label in ("files", "reports", "sections", "footnotes", "sources", "warnings"):
            table.add_row(label, str(totals[label]))
        table.add_row("failed files", str(len(failures)))
        console.print(table)
        if failures:
            listed = "; ".join(f"{path}: {reason}" for path, reason in failures)
            raise CommandError(f"{len(failures)} of {len(files)} files failed: {listed}")

    def _import_file(self, path: Path, options, totals: Counter) -> list[str]:
        docs = read_reports(path)
        if options["country"] and len(docs) > 1:
            raise CommandError(f"{path}: holds {len(docs)} reports; --country names only one")
        lines: list[str] = []
        counted: Counter = Counter()
        try:
            with transaction.atomic():
                edition = ensure_edition(options["edition"])
                for doc in docs:
                    name = options["country"] or doc.country_name
                    if not name:
                        raise CommandError(f"{path}: the file does not name its country; give --country")
                    country = find_country(name)
                    if options["dry_run"]:
                        page = country.reports.filter(edition=edition).first()
                        changes = (
                            diff_documents(document_of(page.get_latest_revision_as_object()), doc)
                            if page
                            else ["new report"]
                        )
                        sources = 0
                    else:
                        result = save_report(
                            doc, country=country, edition=edition, publish=options["publish"]
                        )
                        changes, sources = result.changes, result.sources_created
                    counted.update(
                        reports=1,
                        sections=len(doc.sections),
                        footnotes=len(doc.footnotes),
                        sources=sources,
                        warnings=len(doc.warnings),
                    )
                    state = "published" if options["publish"] else "draft"
                    lines.append(
                        f"{path.name}: {country.name} {edition.year} ({state}): {'; '.join(changes)}"
                    )
                    lines.extend(f"  warning: {w}" for w in doc.warnings)
                if options["dry_run"]:
                    raise DryRun
        except DryRun:
            pass
        totals.update(counted)
        totals["files"] += 1
        return lines

"""Keeping the search index in step with the published reports.

`index_report(page)` replaces a report's passages with those of its live revision, in one batch:
the old passages are deleted (their index entries with them, through the generic relation Wagtail
gives every indexed model), the new ones inserted with one statement (`_insert`) and added to the
search backend with one bulk call. A report that is not public (unpublished, or behind a view
restriction) keeps no passage. Signals call it on publication and unpublication (`signals.py`);
deleting a page deletes its passages by cascade.

`reindex()` rebuilds everything from the published reports, in batches of pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import connection, transaction

from landmine_monitor.database.sources.search import search_index_add
from landmine_monitor.foundation.bulk import insert_rows
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.selectors import public_reports

from .models import Passage
from .passages import passages_of

REINDEX_BATCH = 50  # pages written, and added to the search backend, at a time


def remove_report(page_id: int) -> int:
    """Take a report out of the search; returns the number of passages removed."""
    return _delete(Passage.objects.filter(page_id=page_id))


def _delete(passages) -> int:
    """Delete passages with their index entries; returns the number of passages. (A report
    published for the first time has none: a lookup then spares the collecting of related rows
    that a delete starts with.)"""
    if not passages.exists():
        return 0
    _, deleted = passages.delete()
    return deleted.get(Passage._meta.label, 0)


def _replace(pages: Sequence[CountryReportPage]) -> int:
    _delete(Passage.objects.filter(page_id__in=[p.pk for p in pages]))
    passages = [passage for page in pages for passage in passages_of(page)]
    _insert(passages)
    search_index_add(Passage, passages)  # with the SQLite planner's statistics kept up to date
    return len(passages)


def _insert(passages: list[Passage]) -> None:
    """Insert new passages and give them their primary keys, as `bulk_create` would, in one
    `executemany` and one query for the keys. A report has dozens of passages, each with ten
    columns, and `bulk_create` spends more time compiling their values one by one than the
    database spends writing them; the values here are all plain strings, integers and None, as
    `passages_of` builds them, so they go to the database as they are."""
    if not passages:
        return
    fields = [f for f in Passage._meta.concrete_fields if not f.primary_key]
    insert_rows(Passage, fields, ([getattr(p, f.attname) for f in fields] for p in passages))
    by_place = {(p.page_id, p.position): p for p in passages}
    keys = Passage.objects.filter(page_id__in={p.page_id for p in passages}).values_list(
        "pk", "page_id", "position"
    )
    for pk, page_id, position in keys:
        passage = by_place[(page_id, position)]
        passage.pk = pk
        passage._state.adding = False
        passage._state.db = connection.alias


@transaction.atomic
def index_report(page: CountryReportPage) -> int:
    """Make the search show the report as `page` has it, if it is public; returns the number of
    passages it has in the search now."""
    if not public_reports().filter(pk=page.pk).exists():
        remove_report(page.pk)
        return 0
    return _replace([page])


@dataclass
class ReindexResult:
    reports: int
    passages: int
    removed: int  # passages of reports no longer public


def reindex(progress: Callable[[int, int], None] | None = None) -> ReindexResult:
    """Rebuild the search from every published report. `progress(done, total)` is called after
    each batch of reports. Each batch is one transaction, so searches go on meanwhile."""
    public = public_reports()
    with transaction.atomic():
        removed = _delete(Passage.objects.exclude(page__in=public.values("pk")))
    ids = list(public.order_by("pk").values_list("pk", flat=True))
    passages = 0
    if progress:
        progress(0, len(ids))
    for start in range(0, len(ids), REINDEX_BATCH):
        chunk = ids[start : start + REINDEX_BATCH]
        with transaction.atomic():
            pages = list(public.filter(pk__in=chunk).prefetch_related("footnotes").order_by("pk"))
            passages += _replace(pages)
        if progress:
            progress(min(start + REINDEX_BATCH, len(ids)), len(ids))
    return ReindexResult(reports=len(ids), passages=passages, removed=removed)

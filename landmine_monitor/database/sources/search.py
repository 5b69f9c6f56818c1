"""Adding records to the search index in bulk.

Wagtail's search updates its index on every save, one object at a time, and the SQLite backend
then recomputes a norm over the whole index (reading every entry): importing a thousand reports
that way reads the index thousands of times. Two tools avoid it:

- `search_index_add(model, objects)` adds records written in bulk (`bulk_create` sends no
  signal) in one batch per backend;
- `deferred_search_index(*models)`, for a command that writes many records, holds back the
  index updates of those models' saves (of every indexed model's, by default) and makes them in
  batches (`flush()`, and on leaving).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.db import connection, models
from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.search.backends import get_search_backends_with_name
from wagtail.search.index import class_is_indexed, get_indexed_models

logger = logging.getLogger(__name__)

READ_CHUNK = 500  # records read back per query when a deferred batch is indexed


def search_index_add(model: type[models.Model], objects: Sequence[models.Model]) -> None:
    """Add or update `objects`, saved instances of exactly `model`, in the search index as they
    are now: at once in every backend that updates on save, or, inside
    `deferred_search_index(model)`, with the next batch."""
    if not objects or not class_is_indexed(model):
        return
    if _deferred is not None and model in _deferred.saved:
        _deferred.added[model].update((obj.pk, obj) for obj in objects)
        return
    _add_bulk(model, list(objects))


class DeferredSearchIndex:
    """What a batch left for the search index: records saved (read back when indexed) and records
    given to `search_index_add`; `flush()` indexes them."""

    def __init__(self, models_: Sequence[type[models.Model]]):
        indexed = [m for m in models_ if class_is_indexed(m)]
        self.saved: dict[type[models.Model], set] = {m: set() for m in indexed}
        self.added: dict[type[models.Model], dict] = {m: {} for m in indexed}

    def record(self, sender, instance, raw=False, **kwargs) -> None:
        if not raw:
            self.saved[sender].add(instance.pk)

    def flush(self) -> None:
        """Index what the batch holds. A record saved is indexed as the database holds it now; a
        record added is indexed as it was given, unless it was saved again since (then it is read
        back like the others). A record gone meanwhile (its transaction rolled back) is skipped."""
        for model, saved in self.saved.items():
            added = self.added[model]
            given = {pk: obj for pk, obj in added.items() if pk not in saved}
            read = sorted(saved)
            saved.clear()
            added.clear()
            objects = []
            for chunk in _chunks(sorted(given)):
                objects.extend(
                    given[pk] for pk in model._base_manager.filter(pk__in=chunk).values_list("pk", flat=True)
                )
            for chunk in _chunks(read):
                objects.extend(model.get_indexed_objects().filter(pk__in=chunk))
            _add_bulk(model, objects)


def _chunks(pks: list) -> list[list]:
    return [pks[start : start + READ_CHUNK] for start in range(0, len(pks), READ_CHUNK)]


_deferred: DeferredSearchIndex | None = None


@contextmanager
def deferred_search_index(*models_: type[models.Model]) -> Iterator[DeferredSearchIndex]:
    """Inside, saving an instance of one of `models_` (every indexed model if none is named), or
    adding it with `search_index_add`, does not update the search index at once: the record is
    noted, and indexed in bulk by the batch's `flush()` and on leaving the block, even on an
    error.

    It changes the signal handlers of the whole process: it is for commands, which run alone in
    their process (one thread), never for code serving requests. Not re-entrant. A process
    killed inside leaves the records saved since the last flush out of the index until
    `landmine-monitor update_index` is run.
    """
    global _deferred
    if _deferred is not None:
        raise RuntimeError("deferred_search_index() is already active")
    batch = DeferredSearchIndex(models_ or get_indexed_models())
    # Wagtail's handler is connected only for the models that update the index on save.
    recorded = [m for m in batch.saved if post_save.disconnect(post_save_signal_handler, sender=m)]
    for model in recorded:
        post_save.connect(batch.record, sender=model, weak=False, dispatch_uid=_uid(model))
    _deferred = batch
    try:
        yield batch
    finally:
        _deferred = None
        for model in recorded:
            post_save.disconnect(sender=model, dispatch_uid=_uid(model))
            post_save.connect(post_save_signal_handler, sender=model)
        batch.flush()


def _uid(model: type[models.Model]) -> str:
    return f"deferred-search-index-{model._meta.label_lower}"


def _add_bulk(model: type[models.Model], objects: list[models.Model]) -> None:
    """Wagtail's `insert_or_update_object` for many objects at once, with its error handling
    (a backend that catches indexing errors logs them; the database backends raise)."""
    if not objects:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, objects)
        except Exception:
            logger.exception("Could not add %d %s to the '%s' search backend", len(objects), model, name)
            if not backend.catch_indexing_errors:
                raise
    _keep_planner_statistics()


def _keep_planner_statistics() -> None:
    """SQLite plans a full-text search well only when it has statistics on the index's tables:
    without them it runs the match once per index entry (a second instead of milliseconds on a
    few hundred reports). `PRAGMA optimize` gathers them when they are missing or stale, and does
    next to nothing otherwise; it runs after each bulk addition (so once per model in a deferred
    batch, not once per record saved). PostgreSQL keeps its own (autovacuum)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA optimize")

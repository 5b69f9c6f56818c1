"""The content version: one counter that moves on whenever anything a reader sees changes.

It moves (once per committed transaction) when a page is published, unpublished or deleted, when
any of the Monitor's own records is saved or deleted, and when reference data is loaded. Every
process reads it from the database at most once per `LM_PAGE_CACHE_CHECK_SECONDS` (default 1 s),
so values kept per content version — cached pages, the site menu, search facets — are seen stale
by every process within that time of a change made anywhere (the admin, the CLI, the scheduled
publishing of an embargoed release).
"""

from __future__ import annotations

import threading
import time

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F


class _Version:
    """The counter as this process last read it, re-read at most every PAGE_CACHE_CHECK_SECONDS."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: int | None = None
        self._read_at = 0.0

    def current(self) -> int:
        now = time.monotonic()
        every = settings.PAGE_CACHE_CHECK_SECONDS
        if self._value is None or now - self._read_at >= every:
            with self._lock:
                if self._value is None or now - self._read_at >= every:
                    self._value = _read_version()
                    self._read_at = now
        return self._value

    def forget(self) -> None:
        with self._lock:
            self._value = None


version = _Version()


def _read_version() -> int:
    from .models import ContentVersion

    value = ContentVersion.objects.filter(pk=1).values_list("value", flat=True).first()
    return value or 0


PENDING = "_landmine_monitor_content_bump_pending"


def _bump() -> None:
    from .models import ContentVersion

    setattr(transaction.get_connection(), PENDING, False)
    try:
        with transaction.atomic():
            if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
                ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})
    except DatabaseError:
        # Not migrated yet (a save made by an earlier migration): there is no cached page either.
        pass
    version.forget()


def content_changed(**_kwargs) -> None:
    """Make every cached page stale once the current transaction commits (at once outside one).

    Many changes in one transaction (an import of hundreds of reports) move the counter once: a
    second change finds the first one's callback still waiting. A rolled-back transaction drops
    its callbacks, which the check below notices.
    """
    connection = transaction.get_connection()
    if getattr(connection, PENDING, False) and any(entry[1] is _bump for entry in connection.run_on_commit):
        return
    if connection.in_atomic_block:
        setattr(connection, PENDING, True)
    transaction.on_commit(_bump)

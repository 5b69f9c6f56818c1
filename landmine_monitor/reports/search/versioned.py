"""Values computed from the database and kept per process until its content changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

from landmine_monitor.foundation.content_version import version

T = TypeVar("T")

TIMEOUT = 3600  # seconds; the content version makes an entry stale before that when data change


def per_content_version(key: str, build: Callable[[], T]) -> T:
    """`build()`, kept in the process's cache under `key` until the content version moves on (any
    committed change to the Monitor's records or pages, see `foundation.content_version`)."""
    full_key = f"site-search:{key}:{version.current()}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, TIMEOUT)
    return value

"""Shared test setup: a real database (SQLite or PostgreSQL, from DATABASE_URL) holding the
bundled reference data, loaded once per test session exactly as `setup` loads it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from landmine_monitor.database.reference.load import load_reference
    from landmine_monitor.installation.services import build_site

    with django_db_blocker.unblock():
        load_reference()
        build_site()


@pytest.fixture(autouse=True)
def _page_cache_off(settings):
    """The public page cache is made stale when a transaction commits; most tests change data in
    a transaction that never commits, so the cache is off unless a test asks for `page_cache`.

    Values kept per content version (`foundation.content_version.version`) start afresh too: between tests the
    database is rolled back or flushed, and the counter with it, so a value computed in one test
    could otherwise be taken for current in the next."""
    from django.core.cache import caches

    from landmine_monitor.foundation.content_version import version

    settings.PAGE_CACHE_SECONDS = 0
    caches["default"].clear()
    version.forget()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Passwords hashed with a fast hasher: the production one (PBKDF2) costs a quarter of a
    second per account on purpose, and fixtures create accounts by the dozen. (What is tested of
    passwords — who may sign in, with which — does not depend on the hasher.)"""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def page_cache(settings):
    """The page cache on, as it is in production, and empty."""
    from django.core.cache import caches

    from landmine_monitor.foundation.content_version import version

    settings.PAGE_CACHE_SECONDS = 3600
    caches["pages"].clear()
    version.forget()
    yield caches["pages"]
    caches["pages"].clear()
    version.forget()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared reference folder (raw public data, the seed report)."""
    if not SHARED.is_dir():
        # CI always has the shared folder beside the clone; elsewhere it may be missing.
        (pytest.fail if os.environ.get("CI") else pytest.skip)(
            f"the shared folder is not beside the repository ({SHARED})"
        )
    return SHARED

"""The project's search backend, named in `settings.WAGTAILSEARCH_BACKENDS`.

Wagtail's database backend (`wagtail.search.backends.database`) with one change on SQLite with
FTS5: results ordered by relevance are ranked in one pass (`sqlite_backend`). On any other
database it is Wagtail's own backend for that database; PostgreSQL's ranks in one pass already.
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):
    """The backend for the default database (Wagtail looks for this name in a backend's module)."""
    backend = database_backend(params)
    if connection.vendor != "sqlite":
        return backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    if type(backend) is not SQLiteSearchBackend:  # SQLite without FTS5: Wagtail's fallback
        return backend
    from .sqlite_backend import OnePassSQLiteSearchBackend

    return OnePassSQLiteSearchBackend(params)

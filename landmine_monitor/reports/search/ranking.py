"""Ranking by relevance on SQLite in one pass.

Wagtail's SQLite backend orders results by a score computed in a correlated subquery, which runs
the full-text match once per matching row: a common word ("mines", thousands of passages) takes
seconds. `ranked_ids` asks the same backend for the same match and the same score (FTS5's bm25,
as Wagtail weighs it), but in one query over the full-text index joined to the rows wanted, and
returns one page of primary keys in order. Everything else (matching, filters, facets, counts)
goes through the backend unchanged, and PostgreSQL's backend ranks in one pass already.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend
from wagtail.search.query import SearchQuery


def one_pass_available() -> bool:
    if connection.vendor != "sqlite":
        return False
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return isinstance(get_search_backend(), SQLiteSearchBackend)


def ranked_ids(query: SearchQuery, queryset: QuerySet, start: int, stop: int) -> list[int]:
    """Primary keys of the rows of `queryset` matching `query`, best first, from `start` to
    `stop`. Only for the SQLite backend (`one_pass_available()`)."""
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry, SQLiteSearchQueryCompiler
    from modelsearch.utils import get_descendants_content_types_pks

    compiler = SQLiteSearchQueryCompiler(queryset, query)
    compiler.check()
    config = compiler.get_config(get_search_backend())
    built = compiler.build_search_query(normalize(compiler.query), config=config)
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, built)
    score = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    wanted = queryset.order_by().annotate(object_key=Cast("pk", TextField())).values("object_key")
    rows = (
        SQLiteFTSIndexEntry.objects.filter(match)
        .filter(
            index_entry__content_type__in=get_descendants_content_types_pks(queryset.model),
            index_entry__object_id__in=wanted,
        )
        .annotate(score=score)
        .order_by("score", "index_entry_id")  # bm25: lower is better
        .values_list("index_entry__object_id", flat=True)[start:stop]
    )
    return [int(key) for key in rows]

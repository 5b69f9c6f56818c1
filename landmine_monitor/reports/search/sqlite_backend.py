"""Wagtail's SQLite FTS5 search backend, ranking by relevance in one pass.

The stock backend orders results by a score computed in a correlated subquery, which runs the
full-text match once per matching row: a common word ("mines", thousands of passages) takes
seconds. `OnePassSQLiteSearchBackend` keeps everything of the stock backend (indexing, matching,
filters, facets, counts, autocompletion) and changes only how a search ordered by relevance
fetches its results: one query over the full-text index, joined to the rows wanted, with the same
match and the same score (FTS5's bm25, as the stock compiler weighs it through `build_tsrank`
and `get_search_vectors`), ordered best first and sliced in the database. Rows of equal score come
in the order they were indexed. The primary keys found are then read in one query.

It is what `backend.SearchBackend` returns on SQLite; the module imports the SQLite backend, so
it is only imported when the database is SQLite.
"""

from __future__ import annotations

from django.db.models import TextField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class OnePassSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def ranks_in_one_pass(self) -> bool:
        """Ordered by relevance, for a query that matches words (not everything, not a negation)."""
        query = normalize(self.query)
        return self.order_by_relevance and not isinstance(query, (MatchAll, Not))

    def rank_expression(self, config):
        """The score of a match, as the stock compiler ranks: each vector's bm25, weighed."""
        ranks = [
            self.build_tsrank(vector, self.query, config=config) * boost
            for vector, boost in self.get_search_vectors()
        ]
        total = ranks[0]
        for rank in ranks[1:]:
            total += rank
        return total

    def ranked_keys(self, config, start: int, stop: int | None) -> list:
        """The primary keys of the rows matching, best first (bm25: lower is better), from `start`
        to `stop`, in one query over the full-text index."""
        built = self.build_search_query(normalize(self.query), config=config)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, built)
        wanted = self.queryset.order_by().annotate(object_key=Cast("pk", TextField())).values("object_key")
        keys = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
                index_entry__object_id__in=wanted,
            )
            .annotate(score=self.rank_expression(config))
            .order_by("score", "index_entry_id")
            .values_list("index_entry__object_id", flat=True)[start:stop]
        )
        to_python = self.queryset.model._meta.pk.to_python
        return [to_python(key) for key in keys]


class OnePassSQLiteSearchResults(SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        one_pass = isinstance(compiler, OnePassSQLiteSearchQueryCompiler) and compiler.ranks_in_one_pass()
        if not one_pass or self._score_field is not None:  # autocompletion, or scores asked for
            return super()._do_search()
        keys = compiler.ranked_keys(compiler.get_config(self.backend), self.start, self.stop)
        found = compiler.queryset.order_by().in_bulk(keys)
        return [found[key] for key in keys if key in found]


class OnePassSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = OnePassSQLiteSearchQueryCompiler
    results_class = OnePassSQLiteSearchResults

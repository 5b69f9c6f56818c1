"""Inserting many rows in one `executemany`.

For a few dozen rows of a dozen columns, `bulk_create` spends more time compiling each value into
its statement than the database spends writing them. `insert_rows` sends one parametrised
statement with every row's values as given: the caller prepares them (as they are when they are
plain strings, integers and None, or through each field's `get_db_prep_save`). It sends no
signal, sets no primary key and runs no `pre_save`, like a raw insert.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models


def insert_rows(model: type[models.Model], fields: Sequence[models.Field], rows: Iterable[Sequence]) -> None:
    """Insert `rows`, each the values of `fields` in that order, into `model`'s table."""
    quote = connection.ops.quote_name
    statement = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(statement, list(rows))

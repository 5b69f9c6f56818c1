"""On PostgreSQL, an index for the expression Wagtail's database search backend matches against,
`title || body` of its index entries: without it every search reads every entry (a third of a
second for a country's names over a few hundred reports, growing with the archive). SQLite's FTS5
table is its own index; other databases need nothing here."""

from django.db import migrations

INDEX = "site_search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]

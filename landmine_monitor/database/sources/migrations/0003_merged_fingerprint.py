"""Merged sources' fingerprints move from the kept source's note into a table of their own,
so that an import finds them by an indexed lookup rather than by reading every note."""

import re

import django.db.models.deletion
from django.db import migrations, models

# What merge_sources wrote in the kept source's note: "… [fingerprint: <fingerprint>]" at the end
# of a line (the fingerprint itself may hold "]", never a line break).
MERGED = re.compile(r"\[fingerprint: ([^\n]+?)\](?=\n|$)")


def fingerprints_from_notes(apps, schema_editor):
    Source = apps.get_model("sources", "Source")
    MergedFingerprint = apps.get_model("sources", "MergedFingerprint")
    rows = [
        MergedFingerprint(source_id=pk, fingerprint=found)
        for pk, note in Source.objects.filter(note__contains="[fingerprint: ")
        .order_by("pk")
        .values_list("pk", "note")
        .iterator()
        for found in dict.fromkeys(MERGED.findall(note))
    ]
    MergedFingerprint.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0002_source_fingerprint"),
    ]

    operations = [
        migrations.CreateModel(
            name="MergedFingerprint",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("fingerprint", models.CharField(db_index=True, max_length=300)),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="merged_fingerprints",
                        to="sources.source",
                    ),
                ),
            ],
            options={
                "ordering": ["source_id", "pk"],
            },
        ),
        migrations.RunPython(fingerprints_from_notes, migrations.RunPython.noop),
    ]

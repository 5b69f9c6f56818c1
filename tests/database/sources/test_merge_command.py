"""Editors merge a source recorded twice, at the terminal."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from landmine_monitor.database.sources.models import Source
from landmine_monitor.reports.models import FootnoteCitation

pytestmark = pytest.mark.django_db


def test_merging_moves_every_citation_and_deletes_the_duplicate(client):
    notes = {f["number"]: f for f in client.get("/api/v1/reports/1999/PRK").json()["footnotes"]}
    keep, duplicate = notes[6]["sources"][0]["id"], notes[7]["sources"][0]["id"]
    out = StringIO()
    call_command("merge_sources", str(keep), str(duplicate), stdout=out)
    assert f"Merged source {duplicate} into {keep}" in out.getvalue()
    assert not Source.objects.filter(pk=duplicate).exists()
    assert FootnoteCitation.objects.filter(source_id=keep).count() >= 3
    cited = client.get(f"/api/v1/sources/{keep}").json()
    assert sorted(f["number"] for f in cited["footnotes"]) == [6, 7, 9, 9]


def test_merging_a_source_with_itself_or_a_missing_one_is_refused():
    source = Source.objects.first()
    with pytest.raises(CommandError):
        call_command("merge_sources", str(source.pk), str(source.pk), stdout=StringIO())
    with pytest.raises(CommandError, match="No source"):
        call_command("merge_sources", str(source.pk), "999999", stdout=StringIO())

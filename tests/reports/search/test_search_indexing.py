"""The search follows publishing: what is published is found, drafts and unpublished or deleted
reports are not, and each report is written to the index in one batch."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.models import IndexEntry

from landmine_monitor.reports.models import CountryReportPage, EditionPage
from landmine_monitor.reports.search.models import Passage
from landmine_monitor.reports.search.selectors import search
from landmine_monitor.reports.search.services import index_report
from landmine_monitor.reports.search.signals import fill_empty_index

pytestmark = pytest.mark.django_db


def found(q: str) -> list[tuple[str, str]]:
    """(country slug, anchor) of every hit on the first page."""
    return [(h.report.country.slug, h.passage.anchor) for h in search(q).hits]


def index_entries() -> int:
    return IndexEntry.objects.filter(content_type=ContentType.objects.get_for_model(Passage)).count()


def test_the_sample_report_is_searchable_and_every_passage_points_at_an_id_on_its_page(client):
    page = CountryReportPage.objects.get(country__slug="north-korea", edition__year=1999)
    passages = list(Passage.objects.filter(page=page))
    paragraphs = sum(len(block.value["paragraphs"]) for block in page.sections)
    assert len(passages) == paragraphs + page.footnotes.count() == 27
    assert index_entries() >= len(passages)

    html = client.get(page.url).content.decode()
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    assert {p.anchor for p in passages} <= ids
    note_6 = next(p for p in passages if p.footnote == 6)
    assert note_6.anchor == "fn-6" and note_6.kinds == "|production|"  # cited in the Production section
    assert "[^" not in "".join(p.body for p in passages)  # markers are not part of the text searched


def test_publishing_adds_a_report_and_a_new_revision_replaces_its_text(report):
    assert found("Gjirokaster") == []
    report("ALB", 1999, [("Landmine Problem", ["landmine-problem"], ["Fields near Gjirokaster are marked."])])
    assert found("Gjirokaster") == [("albania", "p-1-1")]

    report("ALB", 1999, [("Landmine Problem", ["landmine-problem"], ["Fields near Kukes are fenced."])])
    assert found("Gjirokaster") == []
    assert found("Kukes") == [("albania", "p-1-1")]
    assert Passage.objects.filter(page__country__slug="albania").count() == 1


def test_drafts_are_never_searched(report):
    report("ALB", 1999, [("Use", ["use"], ["A draft about Tropoje."])], publish=False)
    assert found("Tropoje") == []

    report("ALB", 1999, [("Use", ["use"], ["Published text about Tropoje."])])
    report("ALB", 1999, [("Use", ["use"], ["A later draft about Kruje."])], publish=False)
    assert found("Tropoje") == [("albania", "p-1-1")]  # the live revision is what is searched
    assert found("Kruje") == []


def test_unpublishing_removes_a_report_with_its_index_entries(report):
    page = report("ALB", 1999, [("Use", ["use"], ["Shkoder has a marked field."])], ["A note on Shkoder."])
    before = index_entries()
    assert len(found("Shkoder")) == 2

    CountryReportPage.objects.get(pk=page.pk).unpublish()
    assert found("Shkoder") == []
    assert not Passage.objects.filter(page_id=page.pk).exists()
    assert index_entries() == before - 2


def test_deleting_a_report_or_its_whole_edition_removes_it(report):
    page = report("ALB", 1999, [("Use", ["use"], ["Durres harbour was cleared."])])
    before = index_entries()
    CountryReportPage.objects.get(pk=page.pk).delete()
    assert found("Durres") == []
    assert index_entries() == before - 1

    report("ALB", 2001, [("Use", ["use"], ["Vlore harbour was cleared."])])
    EditionPage.objects.get(edition__year=2001).delete()
    assert found("Vlore") == []
    assert not Passage.objects.filter(edition__year=2001).exists()


def test_a_report_is_indexed_in_the_same_few_statements_however_long_it_is(report):
    """Deleting the old passages, inserting the new ones and adding them to the index are bulk
    statements: their number does not grow with the report (up to SQLite's 999 parameters a
    statement, about 90 passages; a longer report takes one more insert per 90)."""
    short = report("ALB", 1999, [("Use", ["use"], ["One paragraph."])], ["One note."])
    long = report(
        "AUT",
        1999,
        [(f"Section {s}", ["other"], [f"Paragraph {s}.{n}." for n in range(10)]) for s in range(6)],
        [f"Note {n}." for n in range(30)],
    )
    counts = []
    for page in (short, long):
        page = CountryReportPage.objects.get(pk=page.pk)
        index_report(page)  # the passages exist already: the old ones are replaced too
        with CaptureQueriesContext(connection) as queries:
            index_report(page)
        counts.append(len(queries))
    assert Passage.objects.filter(page=long).count() == 90
    assert counts[0] == counts[1]


def test_reindex_rebuilds_everything_and_drops_what_is_no_longer_published(report, capsys):
    page = report("ALB", 1999, [("Use", ["use"], ["Lezhe is mentioned here."])])
    expected = Passage.objects.count()
    Passage.objects.all().delete()
    assert found("Lezhe") == [] and index_entries() == 0

    call_command("reindex")
    assert Passage.objects.count() == expected
    assert found("Lezhe") == [("albania", "p-1-1")]
    assert f"{expected} passages from 2 published reports" in " ".join(capsys.readouterr().out.split())

    # A report unpublished while its signal was not heard (a raw database change) is dropped.
    CountryReportPage.objects.filter(pk=page.pk).update(live=False)
    call_command("reindex")
    assert found("Lezhe") == []


def test_an_installation_migrated_before_the_search_existed_gets_its_reports_indexed(django_db_blocker):
    from django.apps import apps

    Passage.objects.all().delete()
    fill_empty_index(sender=apps.get_app_config("site_search"))
    assert found("POMZ") == [("north-korea", "p-2-1")]

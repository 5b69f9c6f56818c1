"""A new report published as it is saved goes through Wagtail's publish action, as a new revision
of an existing report does: the same signals and checks, without writing its footnotes twice."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.signals import published

from landmine_monitor.database.countries.selectors import resolve_country
from landmine_monitor.reports.document import Footnote, Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import ensure_edition, save_report

pytestmark = pytest.mark.django_db


def a_report(country: str) -> ReportDocument:
    return ReportDocument(
        title=f"{country}: a test report",
        country_name=country,
        sections=[Section("Mine Ban Policy", [SectionKind.MINE_BAN_POLICY], [Paragraph("It wrote.[^1]")])],
        footnotes=[Footnote(1, f"Letter to Landmine Monitor from {country} Official, 2 May 2032.")],
    )


def test_a_new_report_published_sends_wagtails_published_signal_once():
    sent = []

    def receiver(sender, instance, revision, **kwargs):
        sent.append((sender, instance.pk, revision.pk, instance.live))

    published.connect(receiver, weak=False, dispatch_uid="test-new-report-published")
    try:
        result = save_report(
            a_report("Chile"), country=resolve_country("Chile"), edition=ensure_edition(2032), publish=True
        )
    finally:
        published.disconnect(dispatch_uid="test-new-report-published")
    page = result.page
    assert page.live and sent == [(CountryReportPage, page.pk, page.live_revision_id, True)]
    assert [f.number for f in page.footnotes.all()] == [1]


def test_publishing_a_new_report_is_refused_to_a_user_who_may_not_publish():
    clerk = get_user_model().objects.create_user("clerk", password="not-a-publisher")
    edition = ensure_edition(2032)
    with pytest.raises(PublishPagePermissionError):
        save_report(
            a_report("Peru"), country=resolve_country("Peru"), edition=edition, publish=True, user=clerk
        )
    assert not CountryReportPage.objects.filter(edition=edition, country__iso3="PER").exists()


def test_a_new_report_published_is_returned_as_the_database_holds_it_with_its_notes_written_once():
    result = save_report(
        a_report("Bolivia"), country=resolve_country("Bolivia"), edition=ensure_edition(2032), publish=True
    )
    page = result.page
    stored = CountryReportPage.objects.get(pk=page.pk)
    for name in ("live", "has_unpublished_changes", "live_revision_id", "latest_revision_id", "url_path"):
        assert getattr(page, name) == getattr(stored, name), name
    assert page.first_published_at == stored.first_published_at == stored.last_published_at
    assert stored.live and stored.live_revision_id == stored.latest_revision_id
    assert page.country.iso3 == "BOL" and page.edition.year == 2032
    [note] = stored.footnotes.all()
    assert [c.source_id for c in note.citations.all()] == [
        c["source"] for c in stored.live_revision.content["footnotes"][0]["citations"]
    ]
    assert note.pk == stored.live_revision.content["footnotes"][0]["pk"]

"""A report against the same country's report in the previous edition, section by section and
paragraph by paragraph, as Wagtail compares two versions of a page."""

from __future__ import annotations

import copy
import html

import pytest
from django.urls import reverse

from landmine_monitor.reports.compare import compare_documents
from landmine_monitor.reports.document import Paragraph, Section, SectionKind
from landmine_monitor.reports.services import document_of, ensure_edition, save_report

pytestmark = pytest.mark.django_db

CHANGED = "In 2000 the DPRK again stayed away from the treaty's first meeting of States Parties."
NEW_SECTION = "No mine risk education programme is known in the country."


@pytest.fixture
def report_2000(network):
    """A 2000 draft on North Korea made from the published 1999 report: its first paragraph
    rewritten, the production section dropped, the problem section renamed, a section added."""
    published = document_of(network.report("PRK"))  # the live page: what was published in 1999
    document = copy.deepcopy(published)
    document.sections[0].paragraphs[0] = Paragraph(CHANGED)
    document.sections = [s for s in document.sections if s.kinds != [SectionKind.PRODUCTION]]
    problem = next(s for s in document.sections if s.heading == "Landmine Problem")
    problem.heading = "Landmine/ERW Problem"
    document.sections.append(
        Section("Mine Risk Education", [SectionKind.MINE_AWARENESS], [Paragraph(NEW_SECTION)])
    )
    report = save_report(document, country=network.countries["PRK"], edition=ensure_edition(2000)).page
    return published, document, report


def test_sections_are_matched_and_paragraphs_diffed(report_2000):
    old, new, _ = report_2000
    comparison = compare_documents(old, new)
    sections = {s.heading: s for s in comparison.sections}
    policy = sections["Mine Ban Policy"]
    assert policy.status == "changed"
    assert (policy.added, policy.removed, policy.kept) == (1, 1, len(old.sections[0].paragraphs) - 1)
    # The rewritten paragraph, where it stood: the new text added, the old one removed, the rest kept.
    first, second, *rest = policy.paragraph_changes
    assert (first.is_new(), first.val_b) == (True, CHANGED)
    assert (second.is_deleted(), second.val_a) == (True, old.sections[0].paragraphs[0].text)
    assert all(p.exists_a and p.exists_b and not p.has_changed() for p in rest)
    assert sections["(production)"].status == "dropped"
    renamed = sections["Landmine/ERW Problem"]
    assert (renamed.old_heading, renamed.status) == ("Landmine Problem", "unchanged")
    assert sections["Mine Risk Education"].status == "new"
    assert sections["Mine Action"].status == "unchanged"
    assert not comparison.field("footnotes").has_changed()  # the notes are unchanged
    order = [s.heading for s in comparison.sections]
    assert order.index("(production)") < order.index("(transfer)")  # a dropped section where it stood


def test_an_edited_paragraph_shows_the_words_changed(report_2000):
    old, _, _ = report_2000
    new = copy.deepcopy(old)
    text = old.sections[0].paragraphs[1].text
    new.sections[0].paragraphs[1] = Paragraph(text + " It said so again in 2000.")
    new.footnotes[0].text += " (updated)"
    comparison = compare_documents(old, new)
    policy = comparison.sections[0]
    assert (policy.status, policy.changed, policy.added, policy.removed) == ("changed", 1, 0, 0)
    assert '<span class="addition"> It said so again in 2000.</span>' in policy.htmldiff()
    assert comparison.summary() == [
        f"paragraphs: {len(old.paragraphs)} → {len(old.paragraphs)}, 1 changed",
        f"footnotes changed: {old.footnotes[0].number}",
    ]
    assert compare_documents(old, copy.deepcopy(old)).summary() == ["no change"]


def test_the_admin_view_shows_the_changes_since_the_previous_edition(network, report_2000, login):
    _, _, report = report_2000
    client = login(network.user("editor"))
    response = client.get(reverse("workroom:previous_edition", args=[report.pk]))
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "North Korea 2000: changes since the previous edition" in page
    assert "From the 1999 (as published) report to the 2000 (latest draft) one" in page
    assert f'<div class="comparison__child-object addition">{CHANGED}</div>' in page
    assert (
        '<div class="comparison__child-object deletion">North Korea (the Democratic People\'s Republic of '
        "Korea, DPRK) has not signed"
    ) in page
    assert "was “Landmine Problem”" in page
    assert "new in 2000" in page and "not in 2000" in page
    # The edit view links to it.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[report.pk])).content.decode()
    assert reverse("workroom:previous_edition", args=[report.pk]) in edit


def test_someone_who_does_not_cover_the_draft_is_refused(network, report_2000, login, refused):
    _, _, report = report_2000
    client = login(network.user("africa-coordinator"))
    assert refused(client.get(reverse("workroom:previous_edition", args=[report.pk])))
    client = login(network.user("editor"))
    first = network.report("PRK")
    response = client.get(reverse("workroom:previous_edition", args=[first.pk]))
    assert "There is no earlier report on North Korea to compare with." in response.content.decode()

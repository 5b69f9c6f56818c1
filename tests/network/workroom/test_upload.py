"""A researcher's upload: a Word or Markdown file replaces their draft as a new revision,
through the importers, with the importer's warnings shown; a file about another country, or
of another type, is refused with a message and nothing changes."""

from __future__ import annotations

import html
import tempfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import PageLogEntry

from landmine_monitor.reports.exporters import to_docx
from landmine_monitor.reports.services import document_of

pytestmark = pytest.mark.django_db

DRAFT = """# North Korea
<!-- country: North Korea -->

## Mine Ban Policy

In its first draft for the review, the researcher notes that the government gave no new
statement on the ban in early 1999.[^1] A second sentence points to a note that is missing.[^2]

[^1]: Landmine Monitor telephone interview with a diplomat, 2 February 1999.
"""

ANGOLA = """# Angola
<!-- country: Angola -->

## Mine Ban Policy

A paragraph on Angola.
"""


def upload(client, name: str, content: bytes, year: int = 1999):
    file = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(reverse("workroom:upload"), {"edition": str(year), "file": file})


def test_a_markdown_upload_replaces_the_draft_and_shows_the_warnings(network, login):
    report = network.report("PRK")
    revisions = report.revisions.count()
    client = login(network.user("researcher"))
    response = upload(client, "north-korea-1999.md", DRAFT.encode())
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "north-korea-1999.md is now a new revision of the draft of North Korea (1999), not published" in page
    )
    assert "1 warning" in page
    assert "<strong>paragraph 1</strong>: marker [2] has no footnote" in page  # the warning, and where

    report = network.report("PRK")
    assert report.revisions.count() == revisions + 1
    assert report.live and report.has_unpublished_changes  # the published version is untouched
    latest = document_of(report.get_latest_revision_as_object())
    assert latest.sections[0].paragraphs[0].text.startswith("In its first draft for the review")
    assert latest.source_file == "north-korea-1999.md"
    assert report.latest_revision.user == network.user("researcher")
    entry = PageLogEntry.objects.get(page=report, action="workroom.upload")
    assert entry.user == network.user("researcher") and entry.data["file"] == "north-korea-1999.md"
    assert len(entry.data["warnings"]) == 1
    history = client.get(reverse("wagtailadmin_pages:history", args=[report.pk])).content.decode()
    assert "Draft replaced by north-korea-1999.md (1 import warning)" in history
    assert b"In its first draft" not in client.get(report.url).content


def test_a_word_upload_is_read_by_the_word_importer(network, login, tmp_path):
    from landmine_monitor.reports.importers import read_reports

    source = tmp_path / "draft.md"
    source.write_text(DRAFT)
    [document] = read_reports(source)
    word = tmp_path / "draft.docx"
    to_docx(document, word)
    client = login(network.user("researcher"))
    response = upload(client, "North Korea draft.docx", word.read_bytes())
    assert response.status_code == 200, response.content.decode()[:2000]
    latest = document_of(network.report("PRK").get_latest_revision_as_object())
    assert latest.source_file == "North Korea draft.docx"
    assert [n.number for n in latest.footnotes] == [1]


def test_a_file_about_another_country_is_refused(network, login):
    before = network.report("PRK").revisions.count()
    client = login(network.user("researcher"))
    response = upload(client, "angola.md", ANGOLA.encode())
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "angola.md is the report on Angola, which is not among your assignments in the 1999 edition" in page
    )
    assert "Nothing was saved" in page
    from landmine_monitor.reports.models import CountryReportPage

    assert not CountryReportPage.objects.filter(country__iso3="AGO").exists()
    assert network.report("PRK").revisions.count() == before
    assert not PageLogEntry.objects.filter(action="workroom.upload").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("draft.pdf", b"%PDF-1.4", "draft.pdf: upload a Word document (.docx) or a Markdown file (.md)."),
        ("draft.md", b"no title line here\n", "draft.md: line 1"),
        ("draft.docx", b"not a zip file", "draft.docx: not a readable Word document"),
        ("both.md", (DRAFT + "\n" + ANGOLA).encode(), "both.md: the file holds 2 reports"),
    ],
)
def test_unreadable_files_are_refused_naming_the_file(network, login, name, content, message):
    client = login(network.user("researcher"))
    response = upload(client, name, content)
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert message in page
    assert tempfile.gettempdir() not in page and "lm-upload-" not in page  # the file's own name only


def test_a_report_in_review_is_not_replaced_until_changes_are_requested(network, login, workflow_steps):
    submit, act = workflow_steps
    submit(network.report("PRK"), network.user("researcher"))
    client = login(network.user("researcher"))
    response = upload(client, "north-korea-1999.md", DRAFT.encode())
    assert response.status_code == 400
    assert 'is in review at "Coordinator review"' in html.unescape(response.content.decode())
    act(network.report("PRK"), network.user("coordinator"), "reject", comment="Add the interview.")
    response = upload(client, "north-korea-1999.md", DRAFT.encode())
    assert response.status_code == 200
    assert network.report("PRK").current_workflow_state.status == "needs_changes"


def test_an_upload_for_a_country_with_no_report_yet_creates_the_draft(network, login):
    from landmine_monitor.reports.models import CountryReportPage

    client = login(network.user("angola-researcher"))
    response = upload(client, "angola.md", ANGOLA.encode())
    assert response.status_code == 200
    report = CountryReportPage.objects.get(country__iso3="AGO", edition=network.edition)
    assert not report.live
    assert "is now a new report of Angola (1999)" in response.content.decode()

"""The review workflow end to end in a real browser, on the demonstration network: the
researcher uploads a Markdown draft of the 1999 North Korea report and submits it; the Asia-
Pacific coordinator requests changes with a comment; the researcher uploads a revision and
resubmits; the coordinator approves; the editor approves, which schedules the new version for
the edition's release. Until then the public site and the API show only what was published;
once `publish_scheduled` runs after the release time, the new version is public."""

from __future__ import annotations

import datetime
import json
import re
from unittest import mock

import pytest
from admin_steps import edit_report, footer_action, sign_in
from django.core.management import call_command
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

FIRST_DRAFT = """# North Korea
<!-- country: North Korea -->

## Mine Ban Policy

Early in 1999 the government of North Korea said nothing new in public about the ban, and its
diplomats repeated that the treaty does not fit the security of the peninsula.[^1] A second
point awaits its note.[^2]

[^1]: Landmine Monitor telephone interview with a diplomat of the country, 2 February 1999.
"""
REVISED_DRAFT = FIRST_DRAFT.replace(
    "A second\npoint awaits its note.[^2]",
    "Its mission in New York confirmed\nthat position in writing.[^2]",
).replace(
    "2 February 1999.\n",
    "2 February 1999.\n[^2]: Letter from the country's mission to the United Nations, 22 February 1999.\n",
)
NEW_SENTENCE = "Its mission in New York confirmed that position in writing."
COMMENT = "Note 2 is missing: cite the mission's letter, or take the sentence out."


def upload(page: Page, name: str, text: str) -> None:
    page.goto("/admin/workroom/")
    page.get_by_label("Word (.docx) or Markdown (.md) file").set_input_files(
        {"name": name, "mimeType": "text/markdown", "buffer": text.encode()}
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Upload and replace my draft").click()
    expect(page.locator(".messages .success")).to_contain_text(f"{name} is now a new revision")


def public(page: Page, report) -> tuple[int, str, str]:
    response = page.request.get(report.url)
    api = page.request.get(f"/api/v1/reports?edition={report.edition.year}&country=PRK")
    return response.status, response.text(), json.dumps(json.loads(api.text()))


def test_a_report_goes_from_upload_to_embargoed_release(page, demo, site_url, screenshot):
    from landmine_monitor.network.workroom.selectors import ReportState, progress_of
    from landmine_monitor.reports.models import CountryReportPage

    report = CountryReportPage.objects.get(country__iso3="PRK", edition=demo)

    # The researcher: the workspace first, then the upload, with the importer's warning shown.
    sign_in(page, "demo-researcher")
    expect(page.locator("#workroom-panel")).to_contain_text("North Korea")
    upload(page, "north-korea-1999.md", FIRST_DRAFT)
    expect(page.locator("#upload-result")).to_contain_text("paragraph 1: marker [2] has no footnote")
    expect(page.locator('#my-countries tr[data-country="PRK"]')).to_contain_text("Drafting")
    screenshot("workroom-workspace")
    edit_report(page, report)
    footer_action(page, "Submit to Report review")
    expect(page.locator(".messages")).to_contain_text("has been submitted for moderation")
    assert progress_of(report).state == ReportState.SUBMITTED

    # The coordinator requests changes, with a comment.
    sign_in(page, "demo-coordinator")
    edit_report(page, report)
    footer_action(page, "Request changes")
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill(COMMENT)
    with page.expect_navigation():
        dialog.get_by_role("button", name="Request changes").click()
    assert progress_of(report).state == ReportState.CHANGES_REQUESTED

    # The researcher reads the comment, uploads the revision and resubmits.
    sign_in(page, "demo-researcher")
    expect(page.locator("#workroom-panel")).to_contain_text("Changes requested")
    upload(page, "north-korea-1999.md", REVISED_DRAFT)
    expect(page.locator("#upload-result")).to_contain_text("The importer found nothing to check.")
    edit_report(page, report)
    expect(page.locator(".workflow-timeline")).to_contain_text(f'with comment: "{COMMENT}"')
    footer_action(page, "Resubmit to Coordinator review")
    assert progress_of(report).state == ReportState.SUBMITTED

    # The coordinator approves; the board shows the report waiting for the editors.
    sign_in(page, "demo-coordinator")
    edit_report(page, report)
    footer_action(page, re.compile(r"^\s*Approve\s*$"))
    page.goto("/admin/workroom/board/")
    row = page.locator('#progress-board tr[data-country="PRK"]')
    expect(row).to_contain_text("In review")
    expect(row).to_contain_text("Editor approval")
    screenshot("workroom-progress-board")

    # The editor approves: scheduled for the release, not published.
    sign_in(page, "demo-editor")
    edit_report(page, report)
    footer_action(page, re.compile(r"Approve and publish at the release"))
    assert progress_of(report).state == ReportState.APPROVED
    status, html, api = public(page, report)
    assert status == 200 and NEW_SENTENCE not in html and NEW_SENTENCE not in api
    assert "has not signed the 1997 Mine Ban Treaty" in html  # the published version stands

    # After the release time, the minutely publish_scheduled makes it public.
    with mock.patch(
        "django.utils.timezone.now", return_value=demo.release_at + datetime.timedelta(minutes=1)
    ):
        call_command("publish_scheduled")
    status, html, api = public(page, report)
    assert status == 200 and NEW_SENTENCE in html
    assert progress_of(report).state == ReportState.PUBLISHED

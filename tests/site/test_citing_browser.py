"""Citing the research log, in a real browser, on the demonstration network: the researcher opens
"Cite in a footnote" from an interview's row and sees the note of the sample report that already
cites it; from the request for information, copies the suggested footnote, adds it as a new note
of the North Korea draft in the page editor and saves a draft; the request's page then lists
that note, which cites the request's source."""

from __future__ import annotations

import re

import pytest
from admin_steps import footer_action, sign_in
from page_checks import BLOCKING, describe, violations
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def open_cite(page: Page, listing: str, row_text: str) -> None:
    """From a research log listing, a row's "More options" menu, then "Cite in a footnote"."""
    page.goto(listing)
    row = page.locator("tbody tr", has_text=row_text)
    row.get_by_role("button", name=re.compile("More options")).click()
    row.get_by_role("link", name="Cite in a footnote").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cite in a footnote")


def test_a_researcher_cites_a_request_for_information_from_a_new_footnote(page, demo, screenshot):
    from landmine_monitor.network.models import RequestForInformation
    from landmine_monitor.reports.models import CountryReportPage

    report = CountryReportPage.objects.get(country__iso3="PRK", edition=demo)
    notes = report.footnotes.count()
    sign_in(page, "demo-researcher")

    # The interview: the sample report's note 2 cites it already, and notes 3 and 4 ("Ibid.").
    open_cite(page, "/admin/snippets/network/interview/", "Kim Sam Jong")
    expect(page.locator("textarea.cite-footnote")).to_have_value(
        re.compile(r"^Landmine Monitor telephone interview with Kim Sam Jong, .*, 24 February 1999\.$")
    )
    expect(page.get_by_text("Linked to the source")).to_be_visible()
    cited_in = page.locator("ul.cited-in")
    for number in (2, 3, 4):
        expect(cited_in).to_contain_text(f"North Korea (1999), note {number}")

    # The request: copied into a new footnote of the draft.
    open_cite(page, "/admin/snippets/network/requestforinformation/", "North Korea")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy the footnote").click()
    footnote = page.evaluate("navigator.clipboard.readText()")
    assert footnote == page.locator("textarea.cite-footnote").input_value()
    assert footnote.startswith("Request for information from Landmine Monitor to the Government of")
    assert footnote.endswith(
        ", sent through the Central Headquarters of the General Association of "
        "Korean Residents in Japan, January 1999."
    )
    cite_url = page.url

    page.goto(f"/admin/pages/{report.pk}/edit/")
    page.get_by_role("button", name="Add footnote").click()
    page.locator(f"#id_footnotes-{notes}-number").fill(str(notes + 1))
    page.locator(f"#id_footnotes-{notes}-text").fill(footnote)
    footer_action(page, "Save draft")
    expect(page.locator(".messages")).to_contain_text("has been updated")

    page.goto(cite_url)
    expect(page.locator("ul.cited-in")).to_contain_text(f"North Korea (1999), note {notes + 1}")
    screenshot("cite-in-a-footnote")
    blocking = [v for v in violations(page) if v["impact"] in BLOCKING]
    assert not blocking, describe(cite_url, blocking)

    request = RequestForInformation.objects.get(researcher__username="demo-researcher")
    revision = CountryReportPage.objects.get(pk=report.pk).get_latest_revision()
    [new_note] = [n for n in revision.content["footnotes"] if n["number"] == notes + 1]
    assert [c["source"] for c in new_note["citations"]] == [request.source_id]
    assert CountryReportPage.objects.get(pk=report.pk).has_unpublished_changes  # a draft, not published

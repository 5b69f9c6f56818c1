"""A country report in a real browser, as a reader follows a footnote to its note and back."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_reader_follows_footnote_6_to_its_note_and_back(page, screenshot):
    page.goto("/reports/1999/north-korea/")
    expect(page.get_by_role("heading", level=1)).to_have_text("North Korea")
    expect(page.get_by_role("note")).to_contain_text("Sample content")
    screenshot("report-north-korea-1999")

    page.locator("sup.fn-ref a", has_text=re.compile(r"^6$")).click()
    expect(page).to_have_url(re.compile(r"#fn-6$"))
    note = page.locator("#fn-6")
    expect(note).to_contain_text("Mine Web")
    expect(note).to_be_in_viewport()
    expect(note.locator("a", has_text="database")).to_have_attribute(
        "href", re.compile(r"^/api/v1/sources/\d+$")
    )

    note.get_by_role("link", name="Back to the text of note 6").click()
    expect(page).to_have_url(re.compile(r"#fnref-6$"))
    expect(page.locator("#fnref-6")).to_be_in_viewport()


def test_a_source_link_answers_with_every_footnote_citing_it(page):
    page.goto("/reports/1999/north-korea/")
    href = page.locator("#fn-7 .cited a").first.get_attribute("href")
    body = page.request.get(href).json()
    assert sorted(f["number"] for f in body["footnotes"]) == [7, 9]

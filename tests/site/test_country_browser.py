"""The country pages in a real browser: a reader finds North Korea by name in the A–Z list, opens
its page and reads its treaty status and its votes, on a desktop and on a phone."""

from __future__ import annotations

import re

import pytest
from page_checks import PHONE_WIDTH, assert_no_sideways_scroll
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_reader_finds_north_korea_by_name_and_reads_its_status_and_votes(page, screenshot):
    page.goto("/countries/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Countries and areas")
    expect(page.locator(".country-list li")).not_to_have_count(0)

    page.get_by_label("Name, other name or code").fill("North Korea")
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/countries/\?q=North\+Korea$"))
    results = page.locator(".country-list li")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Non-signatory")

    results.first.get_by_role("link", name="North Korea").click()
    expect(page).to_have_url(re.compile(r"/countries/north-korea/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("North Korea")

    mbt = page.locator("section.treaty").first
    expect(mbt.get_by_role("heading", level=3)).to_have_text("Mine Ban Treaty")
    expect(mbt.locator(".status-line")).to_have_text("Status: Non-signatory")
    expect(mbt).to_contain_text("Not signed or joined, according to United Nations Treaty Collection")

    table = page.get_by_role("table", name=re.compile("Votes of North Korea"))
    expect(table).to_be_visible()
    row = table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name="51/45 S", exact=True))
    expect(row.locator(".vote")).to_have_text("Abstain")
    row = table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name="52/38 A", exact=True))
    expect(row.locator(".vote")).to_have_text("Absent")

    # A source marker leads to the numbered source, whose record the API serves.
    page.locator("section.treaty").first.locator(".cite a").first.click()
    expect(page).to_have_url(re.compile(r"#source-1$"))
    source = page.locator("#source-1")
    expect(source).to_be_in_viewport()
    href = source.get_by_role("link").get_attribute("href")
    assert re.fullmatch(r"/api/v1/sources/\d+", href)
    assert page.request.get(href).ok

    expect(page.get_by_role("link", name=re.compile("1999: North Korea"))).to_have_attribute(
        "href", "/reports/1999/north-korea/"
    )
    screenshot("country-north-korea")


def test_status_on_a_date_through_the_form(page):
    page.goto("/countries/albania/")
    page.get_by_label(re.compile("Status on a date")).fill("2000-03-01")
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"/countries/albania/\?on=2000-03-01$"))
    expect(page.locator("section.treaty").first.locator(".status-line")).to_have_text(
        "Status: Ratified, not yet in force"
    )


def test_country_pages_fit_a_phone_screen(page, screenshot):
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 780})
    page.goto("/countries/north-korea/")
    expect(page.get_by_role("table", name=re.compile("Votes of North Korea"))).to_be_attached()
    screenshot("country-north-korea-360px")
    assert_no_sideways_scroll(page)
    # The vote table scrolls inside its own box, which a keyboard can reach.
    wrapper = page.locator(".table-scroll").first
    expect(wrapper).to_have_attribute("tabindex", "0")

    page.goto("/countries/")
    screenshot("countries-360px")
    assert_no_sideways_scroll(page)

"""Searching the reports in a real browser: from the search box on every page to the paragraph
found, by a country's other name, narrowed by a facet; on a phone too, without JavaScript's help
and without accessibility faults."""

from __future__ import annotations

import re

import pytest
from page_checks import BLOCKING, PHONE_WIDTH, assert_no_sideways_scroll, describe, violations
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

QUERY_LABEL = "Words, or a country’s name in any spelling"


def test_pomz_typed_in_the_masthead_leads_to_the_dprk_1999_report(page, screenshot):
    page.goto("/about-us/")
    page.get_by_label("Search the reports").fill("POMZ")
    page.get_by_label("Search the reports").press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=POMZ$"))
    expect(page.get_by_role("status")).to_contain_text("1 passage in 1 report match “POMZ”")
    first = page.locator(".hit").first
    expect(first.locator("mark").first).to_have_text("POMZ")
    expect(first).to_contain_text("Text")
    screenshot("search-pomz")

    first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/reports/1999/north-korea/#p-2-1$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("North Korea")
    paragraph = page.locator("#p-2-1")
    expect(paragraph).to_contain_text("POMZ-2M fragmentation stake mines")
    expect(paragraph).to_be_in_viewport()
    assert page.js_errors == []


def test_north_korea_finds_the_dprk_report_and_a_facet_narrows_it(page, screenshot):
    page.goto("/search/")
    expect(page.get_by_role("heading", name="What you can search")).to_be_visible()
    page.get_by_label(QUERY_LABEL).fill("North Korea")
    page.get_by_role("main").get_by_role("button", name="Search").click()

    expect(page.get_by_role("status")).to_contain_text("27 passages in 1 report match “North Korea”")
    expect(page.locator(".search-named")).to_contain_text("names North Korea")
    expect(page.locator(".hit h3 a").first).to_have_text(re.compile(r"^North Korea, 1999"))
    expect(page.locator(".hit mark").first).to_have_text("North Korea")
    screenshot("search-north-korea")

    facets = page.get_by_role("navigation", name="Narrow the results")
    facets.get_by_role("link", name=re.compile(r"^Production 4 passages")).click()
    expect(page).to_have_url(re.compile(r"[?&]kind=production"))
    expect(page.get_by_role("status")).to_contain_text(
        "4 passages in 1 report match “North Korea” with the filters"
    )
    chosen = facets.get_by_role("link", name=re.compile(r"^Production 4 passages ?, chosen"))
    expect(chosen).to_have_attribute("aria-current", "true")
    expect(page.locator(".hit .tag")).to_have_text(["Text", "Footnote 6", "Footnote 7", "Footnote 8"])
    screenshot("search-north-korea-production")

    # A new query keeps the facet, which can be removed from the form.
    page.get_by_label(QUERY_LABEL).fill("North Korea Mine Web")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page.locator(".hit")).to_have_count(1)
    expect(page.locator(".hit .tag")).to_have_text("Footnote 6")
    page.get_by_role("link", name="Section: Production (remove)").click()
    expect(page).not_to_have_url(re.compile("kind="))
    expect(page.locator(".hit")).to_have_count(2)
    assert sorted(page.locator(".hit .tag").all_inner_texts()) == ["Footnote 6", "Footnote 9"]
    assert page.js_errors == []


def test_search_on_a_phone_fits_and_has_no_serious_accessibility_fault(page, screenshot):
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 800})
    problems = []
    for url in ("/search/", "/search/?q=North+Korea&kind=production", "/search/?q=POMZ&region=africa"):
        page.goto(url)
        assert_no_sideways_scroll(page)
        blocking = [v for v in violations(page) if v["impact"] in BLOCKING]
        if blocking:
            problems.append(describe(url, blocking))
    assert not problems, "\n".join(problems)
    expect(page.get_by_role("link", name="Search without Region: Africa")).to_be_visible()
    screenshot("search-no-results-phone")

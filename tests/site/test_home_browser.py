"""The public home page in a real browser: today's treaty figures, their source, a narrow
screen, the way to the API."""

from __future__ import annotations

import datetime
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE_WIDTH = 360
OVERFLOW_TOLERANCE = 2  # px: rounding of sub-pixel layouts


def _mbt_row(page):
    return page.locator("table.figures tbody tr").filter(
        has=page.get_by_role("rowheader", name="Mine Ban Treaty", exact=True)
    )


def test_home_shows_todays_treaty_figures_and_their_source(page, screenshot):
    from landmine_monitor.database.treaties.selectors import get_treaty, treaty_parties

    parties = treaty_parties(get_treaty("mbt"), datetime.date.today())
    states_parties = parties.counts["state-party"]
    source = parties.treaty.record_source

    response = page.goto("/")
    assert response is not None and response.ok

    expect(page.get_by_role("heading", level=1)).to_have_text("Landmine Monitor")
    expect(page).to_have_title(re.compile("Landmine Monitor"))
    table = page.locator("table.figures")
    expect(table).to_be_visible()
    headers = table.locator("thead th").all_inner_texts()
    assert headers[:2] == ["Treaty", "States Parties"]
    expect(_mbt_row(page)).to_have_count(1)
    expect(_mbt_row(page).locator("td").first).to_have_text(str(states_parties))
    # Every treaty in the database has its row.
    from landmine_monitor.database.treaties.models import Treaty

    expect(table.locator("tbody tr")).to_have_count(Treaty.objects.count())

    citation = page.locator("p.source")
    expect(citation).to_be_visible()
    expect(citation).to_contain_text("Source:")
    assert source is not None, "the Mine Ban Treaty has no record source in the reference data"
    expect(citation).to_contain_text(source.title)

    screenshot("home")


def test_home_stylesheet_and_links_are_served(page):
    """The page's own stylesheet arrives (an unstyled page is what a missing static file gives)."""
    page.goto("/")
    sheets = page.locator("link[rel=stylesheet]")
    expect(sheets).not_to_have_count(0)
    for href in sheets.evaluate_all("links => links.map(l => l.href)"):
        response = page.request.get(href)
        assert response.ok, f"{href}: HTTP {response.status}"
    assert page.evaluate("getComputedStyle(document.body).marginTop") == "0px"  # site.css applied


def test_home_table_is_readable_on_a_phone(page, screenshot):
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 780})
    page.goto("/")
    expect(page.locator("table.figures")).to_be_visible()
    screenshot("home-360px")

    # The treaty and its States Parties figure are on screen, not pushed off its edge…
    row = _mbt_row(page)
    for cell in (row.get_by_role("rowheader"), row.locator("td").first):
        expect(cell).to_be_visible()
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0, box
        assert box["x"] + box["width"] <= PHONE_WIDTH + OVERFLOW_TOLERANCE, box
    # …and nothing on the page makes the reader scroll sideways (a table that scrolls inside
    # its own box would be fine).
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    too_wide = page.evaluate(
        """(limit) => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > limit)
            .map(e => e.tagName.toLowerCase() + ' ' + (e.textContent || '').trim().slice(0, 40))""",
        PHONE_WIDTH + OVERFLOW_TOLERANCE,
    )
    assert scroll_width <= PHONE_WIDTH + OVERFLOW_TOLERANCE, (
        f"the page is {scroll_width}px wide on a {PHONE_WIDTH}px screen; too wide: {too_wide[:8]}"
    )


def test_api_docs_link_leads_to_the_docs(page):
    page.goto("/")
    link = page.get_by_role("link", name="Landmine Monitor API")
    expect(link).to_have_attribute("href", "/api/v1/docs")
    with page.expect_navigation() as navigation:
        link.click()
    response = navigation.value
    assert response is not None and response.ok
    assert page.url.endswith("/api/v1/docs")
    expect(page).to_have_title("Landmine Monitor API")
    # The schema the docs page renders is served, and documents the calls the home page shows.
    schema = page.request.get(page.url.replace("/docs", "/openapi.json"))
    assert schema.ok
    assert "/api/v1/countries/{code}/treaties" in schema.json()["paths"]


def test_api_docs_render_without_internet_access(page, screenshot):
    blocked: list[str] = []

    def offline(route):
        blocked.append(route.request.url)
        route.abort()

    # Whatever is not on the site itself fails, as it does on a machine without Internet access.
    page.route(re.compile(r"^https?://(?!localhost[:/]|127\.0\.0\.1[:/]).*"), offline)
    page.goto("/api/v1/docs")
    try:
        expect(page.locator(".swagger-ui .info .title")).to_contain_text(
            "Landmine Monitor API", timeout=2_000
        )
        expect(
            page.locator(".opblock-summary-path", has_text="/api/v1/countries/{code}/treaties").first
        ).to_be_visible()
    finally:
        screenshot("api-docs")
    assert page.js_errors == [], (page.js_errors, blocked)

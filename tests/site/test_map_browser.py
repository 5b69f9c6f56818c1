"""The world map in a real browser: the date form moves the map from 1999 to 2010 without any
script, Albania's shape changes colour, the map fits a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE_WIDTH = 360
OVERFLOW_TOLERANCE = 2  # px


def _show(page, day: str) -> None:
    page.get_by_label("Show the map on").fill(day)
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    assert re.search(rf"[?&]on={day}$", page.url), page.url
    expect(page.get_by_role("heading", level=1)).to_contain_text(day[:4])


def _fill(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e).fill")


def test_the_date_form_recolours_albania_between_1999_and_2010(page, screenshot):
    response = page.goto("/map/")
    assert response is not None and response.ok
    albania = "svg.lm-map path[data-iso3=ALB]"

    _show(page, "1999-06-01")
    expect(page.locator(albania)).to_have_attribute("data-status", "signatory")
    fill_1999 = _fill(page, albania)
    assert fill_1999 == _fill(page, ".legend-signatory .lm-swatch rect")  # the legend's key
    expect(page.locator(".map-legend")).to_contain_text("Signatories")
    screenshot("map-1999")

    _show(page, "2010-01-01")
    expect(page.locator(albania)).to_have_attribute("data-status", "state-party")
    fill_2010 = _fill(page, albania)
    assert fill_2010 == _fill(page, ".legend-state-party .lm-swatch rect")
    assert fill_2010 != fill_1999
    # North Korea stays grey.
    grey = _fill(page, ".legend-non-signatory .lm-swatch rect")
    assert _fill(page, "svg.lm-map path[data-iso3=PRK]") == grey
    screenshot("map-2010")
    assert page.js_errors == []


def test_a_shape_says_what_it_is_on_hover(page):
    page.goto("/map/?on=2010-01-01")
    title = page.locator("svg.lm-map path[data-iso3=ALB] > title")
    expect(title).to_have_text(re.compile(r"^Albania: State Party \(in force 1 August 2000\)$"))
    page.locator("svg.lm-map path[data-iso3=ALB]").hover()  # the map answers the pointer
    assert _fill(page, "svg.lm-map path[data-iso3=ALB]") != "none"


def test_the_map_and_its_legend_fit_a_phone(page, screenshot):
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 780})
    page.goto("/map/?on=1999-03-01")
    svg = page.locator("svg.lm-map").first
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH + OVERFLOW_TOLERANCE
    assert box["width"] > PHONE_WIDTH * 0.8  # the map takes the column's width
    expect(page.locator(".map-legend")).to_contain_text("45 States Parties")
    page.locator("details.map-table summary").click()
    expect(page.locator("table.map-states")).to_be_visible()
    screenshot("map-360px")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE_WIDTH + OVERFLOW_TOLERANCE, scroll_width


def test_a_bad_date_says_which_parameter(page):
    response = page.goto("/map/?on=1999-02-30")
    assert response is not None and response.status == 400
    expect(page.get_by_role("alert")).to_contain_text("on")
    expect(page.get_by_role("alert")).to_contain_text("YYYY-MM-DD")

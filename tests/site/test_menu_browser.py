"""A reader walks every section of the site's menu, as the Monitor's site has always had it."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MENU = [
    "About Us",
    "The Issues",
    "Our Research Products",
    "Order Publications",
    "Press Room",
    "Resources for Monitor Researchers",
    "Table of Contents",
    "Country Reports",
]


def test_every_menu_section_opens_from_the_menu(page, screenshot):
    page.goto("/")
    menu = page.get_by_role("navigation", name="Main")
    expect(menu.get_by_role("link")).to_have_text(MENU)
    for label in MENU:
        page.goto("/")
        with page.expect_navigation() as navigation:
            page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True).click()
        assert navigation.value is not None and navigation.value.ok, label
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        current = page.get_by_role("navigation", name="Main").locator('[aria-current="page"]')
        expect(current).to_have_text(label)
        screenshot(f"menu-{label.lower().replace(' ', '-')}")

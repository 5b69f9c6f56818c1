"""Steps in the Wagtail admin that several browser tests take, on the demonstration network
(the `demo` fixture signs its accounts in with `PASSWORD`)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

PASSWORD = "demo-network-password-1999"


def sign_in(page: Page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def footer_action(page: Page, label: str | re.Pattern) -> None:
    """Click an action of the edit form's footer menu (opening its drop-down first)."""
    footer = page.locator("footer")
    button = footer.get_by_role("button", name=label)
    if not button.is_visible():
        footer.get_by_role("button", name="More actions").click()
    button.click()


def edit_report(page: Page, report) -> None:
    page.goto(f"/admin/pages/{report.pk}/edit/")
    expect(page.locator("footer")).to_be_visible()

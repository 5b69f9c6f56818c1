"""The Wagtail admin in a real browser, as an editor uses it: record a treaty action and see
the API answer change, be told why the treaty's rules refuse an action, find a country, find
the reference data in the menu."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

NOTIFICATION_TITLE = "Depositary notification C.N.XXX.2025.TREATIES-XXVI.5"


def _open_from_menu(page: Page, group: str, item: str) -> None:
    """Open a listing the way an editor does: the sidebar group, then the item in it."""
    page.get_by_role("button", name=group, exact=True).click()
    with page.expect_navigation():
        page.locator("#wagtail-sidebar").get_by_role("link", name=item, exact=True).click()


def _choose(page: Page, field: str, what: str, search: str | None = None) -> None:
    """Pick a related object through a Wagtail chooser: open its modal, optionally search,
    click the result, and check the choice shows in the form."""
    wrapper = page.locator(f"[data-field-wrapper]:has(#id_{field})")
    _close_date_pickers(page)
    wrapper.locator("button[data-chooser-action-choose]:visible").click()
    modal = page.get_by_role("dialog")
    expect(modal).to_be_visible()
    if search is not None:
        modal.get_by_label("Search term").fill(search)
    modal.locator("a[data-chooser-modal-choice]").filter(
        has_text=re.compile(rf"^\s*{re.escape(what)}\s*$")
    ).click()
    expect(modal).to_be_hidden()
    expect(wrapper.locator("[data-chooser-title]")).to_have_text(what)
    assert page.locator(f"#id_{field}").input_value() != ""


def _fill_date(page: Page, field: str, value: str) -> None:
    """Set a date field's value without focusing it: focus opens Wagtail's date picker, which
    can then sit over the next control and swallow its click (it did, under load, in CI)."""
    page.locator(f"#id_{field}").evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('change', { bubbles: true })) }",
        value,
    )


def _close_date_pickers(page: Page) -> None:
    """Escape does not always close Wagtail's date picker, and an open one swallows clicks."""
    page.evaluate("document.querySelectorAll('.xdsoft_datetimepicker').forEach(p => p.style.display='none')")
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)


def _save(page: Page) -> None:
    _close_date_pickers(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()


def _mbt_status(page: Page, base_url: str, iso3: str, on: str) -> str:
    response = page.request.get(f"{base_url}/api/v1/countries/{iso3}/treaties?on={on}")
    assert response.ok, response.text()
    treaties = json.loads(response.text())["treaties"]
    (mbt,) = [t for t in treaties if t["treaty"]["slug"] == "mbt"]
    return mbt["status"]


def test_editor_records_a_withdrawal_and_the_api_follows(logged_in, site_url, screenshot):
    from landmine_monitor.database.sources.models import Source
    from landmine_monitor.database.treaties.models import ActionKind, TreatyAction

    page = logged_in
    assert _mbt_status(page, site_url, "LTU", "2025-12-27") == "state-party"

    # The depositary notification, entered as a source through the admin's Source form.
    _open_from_menu(page, "Facts and sources", "Sources")
    page.get_by_role("link", name="Add source").first.click()
    page.get_by_role("combobox", name=re.compile(r"^Kind")).select_option(label="UN document")
    page.get_by_role("textbox", name=re.compile(r"^Title")).fill(NOTIFICATION_TITLE)
    _fill_date(page, "date", "2025-06-27")
    _save(page)
    expect(page.locator(".messages .success")).to_contain_text("created")
    source = Source.objects.get(title=NOTIFICATION_TITLE)
    assert source.kind == "un-document"

    # The withdrawal, through the Treaty actions form reached from the menu.
    page.goto("/admin/")
    _open_from_menu(page, "Reference data", "Treaty actions")
    assert page.url.endswith(reverse("wagtailsnippets_treaties_treatyaction:list"))
    page.get_by_role("link", name="Add treaty action").first.click()
    add_url = reverse("wagtailsnippets_treaties_treatyaction:add")
    expect(page).to_have_url(re.compile(re.escape(add_url) + "$"))
    _choose(page, "country", "Lithuania", search="Lithuania")
    _choose(page, "treaty", "Mine Ban Treaty")
    page.get_by_role("combobox", name=re.compile(r"^Kind")).select_option(value=ActionKind.WITHDRAWAL)
    _fill_date(page, "date", "2025-06-27")
    _choose(page, "source", source.citation, search="Depositary notification")
    page.get_by_role("textbox", name=re.compile(r"^Locator")).fill("C.N.XXX.2025.TREATIES-XXVI.5")
    screenshot("admin-treaty-action-form")
    _save(page)

    expect(page.locator(".messages .success")).to_contain_text("created")
    expect(page.locator(".messages .success")).to_contain_text("Lithuania")
    screenshot("admin-treaty-actions-after-save")
    action = TreatyAction.objects.get(country__iso3="LTU", treaty__slug="mbt", kind="withdrawal")
    assert action.date == datetime.date(2025, 6, 27)
    assert action.source == source

    # Six months after the notification (Article 20) Lithuania is out; the day before, it is in.
    assert _mbt_status(page, site_url, "LTU", "2025-12-26") == "state-party"
    assert _mbt_status(page, site_url, "LTU", "2025-12-27") == "withdrawn"


def test_admin_refuses_an_action_the_treaty_forbids_and_says_why(logged_in, site_url, screenshot):
    from landmine_monitor.database.sources.models import Source
    from landmine_monitor.database.treaties.models import ActionKind, TreatyAction

    page = logged_in
    source = Source.objects.create(kind="un-document", title=NOTIFICATION_TITLE)
    before = TreatyAction.objects.count()

    page.goto(reverse("wagtailsnippets_treaties_treatyaction:add"))
    _choose(page, "country", "North Korea", search="North Korea")
    _choose(page, "treaty", "Mine Ban Treaty")
    page.get_by_role("combobox", name=re.compile(r"^Kind")).select_option(value=ActionKind.SIGNATURE)
    _fill_date(page, "date", "2005-01-01")
    _choose(page, "source", source.citation, search="Depositary notification")
    _save(page)

    kind_field = page.locator("[data-field-wrapper]:has(#id_kind)")
    expect(kind_field.locator("[data-field-errors]")).to_contain_text("closed for signature")
    expect(kind_field.locator("[data-field-errors]")).to_contain_text("1 March 1999")
    expect(page.locator(".messages")).to_contain_text(re.compile("could not be created", re.I))
    screenshot("admin-treaty-action-refused")
    # What the editor typed is still there to correct…
    expect(page.locator("#id_date")).to_have_value("2005-01-01")
    # …and nothing was recorded.
    assert TreatyAction.objects.count() == before
    assert not TreatyAction.objects.filter(country__iso3="PRK", treaty__slug="mbt").exists()


def test_country_chooser_finds_countries_by_name(logged_in, site_url):
    """In the treaty action form, on the database as `setup` leaves it, an editor finds a country
    by (part of) its name, including the older name the Monitor's name carries ("Burma (Myanmar)")."""
    page = logged_in
    page.goto(reverse("wagtailsnippets_treaties_treatyaction:add"))
    page.locator("[data-field-wrapper]:has(#id_country) button[data-chooser-action-choose]").click()
    modal = page.get_by_role("dialog")
    results = modal.locator("a[data-chooser-modal-choice]")
    for query, expected in [
        ("Burma", "Burma (Myanmar)"),
        ("Myanm", "Burma (Myanmar)"),
        ("lithuania", "Lithuania"),
    ]:
        modal.get_by_label("Search term").fill(query)
        expect(results.filter(has_text=expected)).to_have_count(1)


def test_countries_listing_search_by_old_name_and_iso_code(logged_in, site_url):
    page = logged_in
    listing = reverse("wagtailsnippets_countries_country:list")
    for query, expected in [
        ("Burma", "Burma (Myanmar)"),
        ("MMR", "Burma (Myanmar)"),
        ("Republic of the Union of Myanmar", "Burma (Myanmar)"),
        ("LTU", "Lithuania"),
    ]:
        response = page.goto(f"{listing}?q={query}")
        assert response is not None and response.ok, f"searching {query!r}: HTTP {response.status}"
        expect(page.locator("main table tbody a", has_text=expected).first).to_be_visible(timeout=2_000)


def test_dashboard_and_reference_data_menu(logged_in, screenshot):
    page = logged_in
    expect(page).to_have_title(re.compile("Dashboard"))
    expect(page.locator("main")).to_be_visible()
    screenshot("admin-dashboard")

    page.get_by_role("button", name="Reference data", exact=True).click()
    sidebar = page.locator("#wagtail-sidebar")
    expected = ["Countries and areas", "Treaties", "Treaty actions", "UN resolutions", "UN votes"]
    for label in expected:
        expect(sidebar.get_by_role("link", name=label, exact=True)).to_be_visible()
    screenshot("admin-reference-data-menu")
    # Each item opens its listing.
    with page.expect_navigation():
        sidebar.get_by_role("link", name="UN votes", exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(reverse("wagtailsnippets_unga_vote:list")) + "$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Votes")
    expect(page.locator("main table tbody tr").first).to_be_visible()

"""The Press Room and Order Publications in a real browser: a reader orders the 1999 report, and
a press release scheduled for later appears only once Wagtail's `publish_scheduled` has run."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"LM-\d{4}-\d{6}")
PRINT_1999 = re.compile(r"Toward a Mine-Free World \(Print\)")
PDF_1999 = re.compile(r"Toward a Mine-Free World \(PDF\)")


@pytest.fixture
def publishing(site_url):
    """`site_url` loads the site but not these pages: create them as `setup` does."""
    from landmine_monitor.publishing.services import ensure_publishing_pages
    from landmine_monitor.site.pages.services import ensure_site

    return ensure_publishing_pages(ensure_site())


def test_a_reader_orders_the_1999_report_and_gets_a_reference(page, publishing, screenshot):
    from landmine_monitor.publishing.models import PublicationOrder

    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Order Publications").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Order Publications")
    expect(
        page.get_by_role("heading", name="Landmine Monitor Report 1999: Toward a Mine-Free World")
    ).to_have_count(2)

    # First attempt: no e-mail and no copies. The server says what is wrong and keeps the rest.
    page.get_by_label("Your name").fill("Ana Example")
    page.get_by_label("Postal address").fill("1 Example Street\n1200 Geneva")
    page.get_by_label("Country").select_option(label="Switzerland")
    page.get_by_role("button", name="Send the order").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("E-mail: This field is required.")
    expect(summary).to_contain_text("Choose at least one publication")
    expect(page.get_by_label("Your name")).to_have_value("Ana Example")
    expect(page.get_by_label("Country")).to_have_value(re.compile(r"\d+"))
    expect(page.get_by_label("E-mail")).to_have_attribute("aria-invalid", "true")
    screenshot("order-errors")
    assert PublicationOrder.objects.count() == 0

    page.get_by_label("E-mail").fill("ana@example.org")
    page.get_by_label(PRINT_1999).fill("2")
    page.get_by_label(PDF_1999).fill("1")
    page.get_by_role("button", name="Send the order").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Order received")
    reference = page.locator(".order-reference strong").inner_text()
    assert REFERENCE.fullmatch(reference)
    expect(page.get_by_role("listitem").filter(has_text="2 × Landmine Monitor Report 1999")).to_be_visible()
    screenshot("order-confirmation")

    order = PublicationOrder.objects.get(reference=reference)
    assert (order.email, order.country.name) == ("ana@example.org", "Switzerland")
    assert sorted((line.format, line.quantity) for line in order.lines.all()) == [("pdf", 1), ("print", 2)]

    # Reloading the confirmation does not place the order again (the form redirected).
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Order received")
    assert PublicationOrder.objects.count() == 1


def test_a_scheduled_press_release_appears_after_publish_scheduled(page, publishing, screenshot):
    from django.core.management import call_command
    from django.utils import timezone

    from landmine_monitor.publishing.models import PressReleasePage

    title = "Landmine Monitor Report released today"
    go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    release = PressReleasePage(
        title=title,
        slug="report-released-today",
        summary="The annual report is out, under embargo until now.",
        body="<p>The report can be read on the site.</p>",
        embargo_note="Embargoed until the release time.",
        go_live_at=go_live_at,
        live=False,
    )
    publishing.press_room.add_child(instance=release)
    release.save_revision().publish()  # scheduled: Wagtail keeps it back until its go-live time

    assert page.goto(release.url).status == 404
    page.goto("/press-room/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Press Room")
    expect(page.get_by_role("link", name=title)).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("goes online with sample data"))).to_be_visible()
    screenshot("press-room-before-release")
    assert title not in page.request.get("/press-room/feed/").text()

    time.sleep(max(0.0, (go_live_at - timezone.now()).total_seconds()) + 0.2)
    call_command("publish_scheduled")  # what cron runs every minute in production

    page.reload()
    releases = page.locator(".release-list > li")
    expect(releases.first.get_by_role("link")).to_have_text(title)  # the newest first
    expect(page.get_by_role("link", name=re.compile("goes online with sample data"))).to_be_visible()
    expect(page.get_by_role("heading", name="Media contacts")).to_be_visible()
    screenshot("press-room")
    feed = page.request.get("/press-room/feed/")
    assert feed.headers["content-type"].startswith("application/atom+xml") and title in feed.text()

    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text("Embargoed until the release time.")).to_be_visible()

"""Browser fixtures: Debian's Chromium driven by Playwright (sync API) against pytest-django's
live server.

The live server needs a transactional database, and transactional tests end with a flush of
every table. So each browser test loads the bundled reference data and the site itself at its
start (`site_url`), after putting back the rows Wagtail's migrations create and the flush
removed (default locale, root page, root collection), which `ensure_site` and the admin need.
pytest-django runs transactional tests after the others, so the flush never leaves an ordinary
test without its data.

Screenshots of the main pages go to <repo>/test-artifacts/screenshots/, which CI keeps.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TIMEOUT_MS = 10_000
EDITOR = ("editor", "mine-free-2025-editor")


@pytest.fixture(scope="session")
def playwright_session() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop in this thread, and Django refuses ORM calls
    # from a thread with a running loop. The tests call the ORM between browser steps (never
    # concurrently with it), so the check is lifted for as long as Playwright runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def chromium(playwright_session):
    browser = playwright_session.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


def _restore_wagtail_base() -> None:
    """What Wagtail's data migrations create, when a flush took it away."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.objects.exists():
        Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                content_type=ContentType.objects.get_for_model(Page),
                url_path="/",
            )
        )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


@pytest.fixture
def site_url(live_server, transactional_db) -> str:
    """The live server's address, with the reference data and the home page in its database."""
    from landmine_monitor.database.reference.load import load_reference
    from landmine_monitor.installation.services import build_site

    _restore_wagtail_base()
    load_reference()
    build_site()
    return live_server.url


@pytest.fixture
def browser_context(chromium, site_url):
    context = chromium.new_context(base_url=site_url, viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors  # for tests that want to check the page's scripts ran cleanly
    yield page
    page.close()


@pytest.fixture
def screenshot(page) -> Callable[[str], Path]:
    """Save a full-page PNG of what the page shows now as <name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
        page.evaluate("window.scrollTo(0, 0)")  # messages and headings are at the top
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def editor(site_url):
    """A superuser, as the first account `setup` creates (its password hashed fast: see the
    autouse `_fast_passwords`; the live server runs in this process and sees it too)."""
    from django.contrib.auth import get_user_model

    username, password = EDITOR
    get_user_model().objects.create_superuser(username, email="", password=password)
    return username, password


@pytest.fixture
def logged_in(page, editor):
    """The page, signed in to the Wagtail admin as the editor, on the dashboard."""
    username, password = editor
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


# The main public pages, for the whole-page checks (accessibility, HTML validity).
MAIN_PAGES = [
    "/",
    "/about-us/",
    "/the-issues/",
    "/research-products/",
    "/order-publications/",
    "/press-room/",
    "/researchers/",
    "/reports/",
    "/reports/1999/",
    "/reports/1999/north-korea/",
    "/countries/",
    "/countries/north-korea/",
    "/map/?on=1999-12-31",
    "/search/?q=North+Korea",
]


@pytest.fixture
def main_pages() -> list[str]:
    return list(MAIN_PAGES)


@pytest.fixture
def demo(site_url, settings):
    """The demonstration network and the review workflow, with the 1999 edition's release an
    hour away."""
    from admin_steps import PASSWORD
    from django.utils import timezone

    from landmine_monitor.network.demo import ensure_demo_network
    from landmine_monitor.network.workroom.workflow import ensure_review_workflow

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    network = ensure_demo_network(PASSWORD)
    ensure_review_workflow()
    edition = network.draft.edition
    edition.release_at = (timezone.now() + datetime.timedelta(hours=1)).replace(second=0, microsecond=0)
    edition.save()
    return edition

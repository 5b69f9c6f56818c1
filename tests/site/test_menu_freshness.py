"""A scheduled publication shows in the menu of every web process within a second.

Two processes, as in production: the site served by `landmine-monitor serve`, and the cron job
`landmine-monitor publish_scheduled` that lifts an embargo. The web process has the home page and
its menu cached before the publication; after it, every request that starts
`LM_PAGE_CACHE_CHECK_SECONDS` (1 s) later shows the new section, from a freshly rendered page.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHECK_SECONDS = 1.0
SCHEDULE = """
import datetime
import django
django.setup()
from django.utils import timezone
from wagtail.models import Site
from landmine_monitor.site.pages.models import ContentPage

home = Site.objects.get(is_default_site=True).root_page
page = ContentPage(
    title="Researchers' Meetings", slug="meetings", intro="Where researchers meet.", show_in_menus=True,
    live=False, go_live_at=timezone.now() + datetime.timedelta(seconds=float({delay})),
)
home.add_child(instance=page)
page.save_revision().publish()  # scheduled: the page goes live when publish_scheduled runs after go_live_at
print(page.live)
"""


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env |= {
        "LM_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "landmine_monitor.settings",
        "LM_PAGE_CACHE_CHECK_SECONDS": str(CHECK_SECONDS),
    }
    return env


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "landmine_monitor.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode(), response.headers.get("X-Cache", "")


def _menu(html: str) -> str:
    start = html.index('aria-label="Main"')
    return html[start : html.index("</nav>", start)]


@pytest.fixture
def served(tmp_path):
    env = _env(tmp_path)
    _cli(env, "setup", "--no-account")
    delay = 6.0
    scheduled_at = time.monotonic()
    scheduled = _cli(env, "shell", "--no-imports", "-c", SCHEDULE.format(delay=delay))
    assert scheduled.stdout.split() == ["False"]
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "landmine_monitor.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(300):
            try:
                _get(url)
                break
            except OSError:
                time.sleep(0.1)
        yield env, url, scheduled_at + delay
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_scheduled_publication_is_in_every_process_menu_within_a_second(served):
    env, url, goes_live_at = served
    html, _ = _get(url)
    html, cached = _get(url)
    assert cached == "hit" and "About Us" in _menu(html)
    assert "Meetings" not in _menu(html)

    time.sleep(max(0.0, goes_live_at - time.monotonic()) + 0.5)
    _cli(env, "publish_scheduled")  # another process: the web server was told nothing
    published = time.monotonic()

    seen = None
    while time.monotonic() - published < 10 * CHECK_SECONDS:
        started = time.monotonic()
        html, cached = _get(url)
        if "Researchers&#x27; Meetings" in _menu(html) or "Researchers' Meetings" in _menu(html):
            seen = started - published
            break
        # Before the check interval has passed the old page may still be served; never after.
        assert started - published < CHECK_SECONDS, "the menu was still stale after the check interval"
        time.sleep(0.05)
    assert seen is not None
    assert cached == "miss"  # rendered afresh for the new content version, then cached again

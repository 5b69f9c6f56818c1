"""The Press Room and Order Publications pages, as `setup` creates them, for every test here."""

from __future__ import annotations

import pytest


@pytest.fixture
def publishing(db):
    from landmine_monitor.publishing.services import ensure_publishing_pages
    from landmine_monitor.site.pages.services import ensure_site

    return ensure_publishing_pages(ensure_site())

"""The Press Room and Order Publications pages, as `setup` creates them, for every test here."""

from __future__ import annotations

import pytest


@pytest.fixture
def publishing(db):
    from landmine_monitor.instance.services import ensure_site
    from landmine_monitor.publishing.services import ensure_publishing_pages

    return ensure_publishing_pages(ensure_site())

"""axe-core, the accessibility engine behind most audit tools, run in Chromium on every main page:
no serious or critical violation. The engine ships inside the `axe-playwright-python` package, so
the test needs no network."""

from __future__ import annotations

import pytest
from page_checks import BLOCKING, describe, violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_no_serious_or_critical_accessibility_violation_on_the_main_pages(page, main_pages, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for url in main_pages:
        response = page.goto(url)
        assert response is not None and response.ok, url
        blocking = [v for v in violations(page) if v["impact"] in BLOCKING]
        if blocking:
            problems.append(describe(url, blocking))
    assert not problems, "\n".join(problems)

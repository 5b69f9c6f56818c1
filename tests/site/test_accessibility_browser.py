"""axe-core, the accessibility engine behind most audit tools, run in Chromium on every main page:
no serious or critical violation. The engine ships inside the `axe-playwright-python` package, so
the test needs no network."""

from __future__ import annotations

from importlib import resources

import pytest

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def axe_source() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def violations(page) -> list[dict]:
    page.evaluate(axe_source())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
        })"""
    )
    return result["violations"]


def describe(url: str, found: list[dict]) -> str:
    lines = []
    for violation in found:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{url}: [{violation['impact']}] {violation['id']}: {violation['help']} — {targets}")
    return "\n".join(lines)


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

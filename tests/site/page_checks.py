"""Whole-page checks the browser tests share: axe-core's accessibility audit (the engine ships
inside the `axe-playwright-python` package, so no network is needed) and no sideways scrolling on
a phone."""

from __future__ import annotations

from importlib import resources

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


PHONE_WIDTH = 360
OVERFLOW_TOLERANCE = 2  # px: rounding of sub-pixel layouts


def assert_no_sideways_scroll(page) -> None:
    """Nothing on the page makes the reader scroll sideways; a table scrolling inside its own
    box is fine (its cells are clipped by the box, which stays inside the page)."""
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    too_wide = page.evaluate(
        """(limit) => [...document.querySelectorAll('body *')]
            .filter(e => !e.closest('.table-scroll') || e.classList.contains('table-scroll'))
            .filter(e => e.getBoundingClientRect().right > limit)
            .map(e => e.tagName.toLowerCase() + ' ' + (e.textContent || '').trim().slice(0, 40))""",
        PHONE_WIDTH + OVERFLOW_TOLERANCE,
    )
    assert scroll_width <= PHONE_WIDTH + OVERFLOW_TOLERANCE and not too_wide, (
        f"the page is {scroll_width}px wide on a {PHONE_WIDTH}px screen; too wide: {too_wide[:8]}"
    )

"""A country report in a real browser, as a reader uses it: footnotes and their previews, the
citation, the printed page, a phone and a wide screen."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DPRK = "/reports/1999/north-korea/"


def marker(page, number: int):
    return page.locator(f"#fnref-{number}")


def test_reader_follows_footnote_6_to_its_note_and_back(page, screenshot):
    page.goto(DPRK)
    expect(page.get_by_role("heading", level=1)).to_have_text("North Korea")
    expect(page.get_by_role("note")).to_contain_text("Sample content")
    screenshot("report-north-korea-1999")

    page.locator("sup.fn-ref a", has_text=re.compile(r"^6$")).click()
    expect(page).to_have_url(re.compile(r"#fn-6$"))
    note = page.locator("#fn-6")
    expect(note).to_contain_text("Mine Web")
    expect(note).to_be_in_viewport()
    source = note.get_by_role("link", name=re.compile("Mine Web"))
    expect(source).to_have_attribute("href", re.compile(r"^/api/v1/sources/\d+$"))
    expect(note.locator(".source-kind")).to_have_text("Database:")

    note.get_by_role("link", name="Back to the text of note 6").click()
    expect(page).to_have_url(re.compile(r"#fnref-6$"))
    expect(marker(page, 6)).to_be_in_viewport()
    expect(marker(page, 6)).to_have_text("6")
    assert page.js_errors == []


def test_a_source_link_answers_with_every_footnote_citing_it(page):
    page.goto(DPRK)
    href = page.locator("#fn-7 .note-sources a").first.get_attribute("href")
    body = page.request.get(href).json()
    assert sorted(f["number"] for f in body["footnotes"]) == [7, 9]


def test_hovering_a_marker_previews_its_note_and_escape_hides_it(page):
    page.goto(DPRK)
    preview = page.get_by_role("tooltip")
    expect(preview).to_be_hidden()

    marker(page, 6).hover()
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("6.")
    expect(preview).to_contain_text("Mine Web, U.S. Department of State")
    expect(marker(page, 6)).to_have_attribute("aria-describedby", "fn-preview")
    expect(preview).to_be_in_viewport()

    page.keyboard.press("Escape")
    expect(preview).to_be_hidden()
    expect(marker(page, 6)).to_have_attribute("aria-describedby", "fn-6-text")

    # The pointer can move onto the preview (to read or select it) without losing it.
    marker(page, 8).hover()
    expect(preview).to_contain_text("Landmines: A Deadly Legacy")
    preview.hover()
    expect(preview).to_be_visible()
    page.mouse.move(0, 0)
    expect(preview).to_be_hidden()
    assert page.js_errors == []


def test_keyboard_focus_on_a_marker_previews_its_note_until_escape_or_blur(page):
    page.goto(DPRK)
    preview = page.get_by_role("tooltip")
    marker(page, 5).focus()
    expect(preview).to_contain_text("Ri Thae Gun")
    page.keyboard.press("Tab")  # the next link in the text is note 6's marker
    expect(marker(page, 6)).to_be_focused()
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("Mine Web, U.S. Department of State")
    expect(preview).not_to_contain_text("Ri Thae Gun")

    page.keyboard.press("Escape")
    expect(preview).to_be_hidden()
    expect(marker(page, 6)).to_be_focused()

    page.keyboard.press("Shift+Tab")
    expect(preview).to_contain_text("Ri Thae Gun")
    marker(page, 5).blur()
    expect(preview).to_be_hidden()

    marker(page, 6).focus()
    page.keyboard.press("Enter")  # following the link goes to the note itself
    expect(page).to_have_url(re.compile(r"#fn-6$"))
    expect(preview).to_be_hidden()


def test_cite_this_shows_the_bibtex_and_offers_the_files(page, browser_context, site_url):
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(DPRK)
    bibtex = page.get_by_label("BibTeX", exact=True)
    expect(bibtex).to_be_hidden()
    page.get_by_text("Cite this report").click()
    expect(bibtex).to_be_visible()
    expect(bibtex).to_have_value(re.compile(r"^@incollection\{landmine-monitor-1999-north-korea,\n"))
    expect(bibtex).to_have_value(
        re.compile(r"booktitle = \{Landmine Monitor Report 1999: Toward a Mine-Free World\}")
    )
    expect(page.get_by_role("textbox", name="Plain text")).to_have_value(
        re.compile(r'"North Korea" \(International Campaign')
    )

    page.get_by_role("button", name="Copy BibTeX").click()
    expect(page.get_by_role("status").filter(has_text="Copied.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == bibtex.input_value()

    download = page.get_by_role("link", name="Download BibTeX (.bib)").get_attribute("href")
    response = page.request.get(download)
    assert response.headers["content-type"] == "application/x-bibtex; charset=utf-8"
    assert response.text().startswith("@incollection{landmine-monitor-1999-north-korea,")


def test_the_printed_page_is_the_report_without_the_sites_navigation(page, screenshot):
    page.goto(DPRK)
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.locator(".site-menu")).to_be_hidden()
    expect(page.locator(".cite-this")).to_be_hidden()
    expect(page.locator(".book-nav")).to_be_hidden()
    expect(page.get_by_role("heading", name="Mine Ban Policy")).to_be_visible()
    expect(page.locator("#fn-15")).to_be_visible()
    expect(page.locator(".print-citation")).to_contain_text("Cite as: Landmine Monitor Report 1999")
    heading_breaks = page.locator(".report-section h2").first.evaluate("h => getComputedStyle(h).breakAfter")
    assert heading_breaks == "avoid"
    screenshot("report-north-korea-1999-print")

    page.emulate_media(media="screen")
    expect(page.locator(".site-menu")).to_be_visible()
    expect(page.locator(".print-citation")).to_be_hidden()


@pytest.mark.parametrize("width", [360, 1440])
def test_the_report_reads_on_a_phone_and_a_wide_screen(page, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(DPRK)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    marker(page, 13).hover()
    preview = page.get_by_role("tooltip")
    expect(preview).to_be_in_viewport(ratio=1)
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    page.keyboard.press("Escape")
    page.get_by_text("Cite this report").click()
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    screenshot(f"report-north-korea-1999-{width}px")


@pytest.mark.parametrize("width", [1280, 360])
def test_no_serious_accessibility_problem_with_a_preview_shown_and_the_citation_open(page, width):
    from page_checks import BLOCKING, describe, violations

    page.set_viewport_size({"width": width, "height": 900})
    page.goto(DPRK)
    page.get_by_text("Cite this report").click()
    marker(page, 6).focus()
    expect(page.get_by_role("tooltip")).to_be_visible()
    found = violations(page)
    assert [v for v in found if v["impact"] in BLOCKING] == [], describe(DPRK, found)

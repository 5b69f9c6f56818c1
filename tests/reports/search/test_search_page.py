"""The search page, /search/, as the server sends it (the browser tests drive it in Chromium)."""

import re
from html import unescape

import pytest

from landmine_monitor.cli import main

pytestmark = pytest.mark.django_db


def page(client, query: str = "", status: int = 200) -> str:
    response = client.get(f"/search/?{query}")
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def links(html: str) -> dict[str, str]:
    """Link text (tags removed) → href."""
    return {
        " ".join(unescape(re.sub(r"<[^>]+>", "", text)).split()): unescape(href)
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)
    }


def test_every_page_has_a_labelled_search_box_that_sends_to_the_search(client):
    html = client.get("/").content.decode()
    form = re.search(
        r'<form class="masthead-search" method="get" action="/search/" role="search">.*?</form>', html, re.S
    )
    assert form and '<label for="masthead-q"' in form[0] and 'id="masthead-q" name="q"' in form[0]


def test_without_a_query_the_page_says_what_can_be_searched(client):
    html = page(client)
    assert "What you can search" in html and "Drafts are never searched" in html
    assert links(html)["POMZ"] == "?q=POMZ"
    assert 'role="search"' in html and '<label for="search-q">' in html


def test_results_link_to_the_paragraph_and_show_the_match(client):
    html = page(client, "q=POMZ")
    assert "1 passage in 1 report match “POMZ”" in " ".join(html.split())
    assert links(html)["North Korea, 1999: Production"] == "/reports/1999/north-korea/#p-2-1"
    assert "<mark>POMZ</mark>-2M" in html
    assert '<span class="tag tag-text">Text</span>' in html


def test_footnotes_say_so_with_their_number(client):
    html = page(client, "q=MacDougall")
    assert links(html)["North Korea, 1999: Note 7"] == "/reports/1999/north-korea/#fn-7"
    assert '<span class="tag tag-note">Footnote 7</span>' in html


def test_facet_links_combine_with_the_query_and_a_chosen_one_can_be_removed(client):
    html = page(client, "q=North+Korea")
    assert 'names <a href="/countries/north-korea/">North Korea</a>' in html
    facet_links = links(html)
    assert facet_links["Production 4 passages"] == "?q=North+Korea&kind=production"
    assert facet_links["Non-signatories 27 passages"] == "?q=North+Korea&status=non-signatories"

    chosen = page(client, "q=North+Korea&kind=production")
    assert "4 passages in 1 report match “North Korea” with the filters chosen." in " ".join(chosen.split())
    assert re.search(r'<a href="\?q=North\+Korea" aria-current="true" class="selected">Production', chosen)
    # The search form keeps the filter, and offers to drop it.
    assert '<input type="hidden" name="kind" value="production">' in chosen
    assert links(chosen)["Section: Production × (remove)"] == "?q=North+Korea"


def test_no_results_suggest_removing_a_filter(client):
    html = page(client, "q=POMZ&region=africa&kind=production")
    assert "No passage matches “POMZ” with the filters chosen." in " ".join(html.split())
    found = links(html)
    assert found["Search without Region: Africa"] == "?q=POMZ&kind=production"
    assert found["Search without Section: Production"] == "?q=POMZ&region=africa"

    plain = page(client, "q=zzzyzx")
    assert "Check the spelling, or use fewer words" in plain


def test_bad_parameters_are_named(client):
    html = page(client, "q=POMZ&region=atlantis&page=0", status=400)
    assert "Region: There is no region “atlantis”." in unescape(html)
    assert "Page: Ensure this value is greater than or equal to 1." in unescape(html)
    assert links(html)["Search again without the filters"] == "?q=POMZ"


def test_the_query_is_shown_escaped(client):
    html = page(client, "q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pages_of_results_are_linked(client, report):
    report(
        "AUT", 1999, [("Mine Action", ["mine-action"], [f"Marker post {n} stands here." for n in range(45)])]
    )
    html = page(client, "q=marker&page=2")
    nav = re.search(r'<nav class="pagination" aria-label="Pages of results">.*?</nav>', html, re.S)[0]
    assert re.search(r'<a href="\?q=marker&amp;page=2" aria-current="page">', nav)
    assert links(nav) == {
        "Previous page": "?q=marker",
        "Page 1": "?q=marker",
        "Page 2": "?q=marker&page=2",
        "Page 3": "?q=marker&page=3",
        "Next page": "?q=marker&page=3",
    }
    assert '<ol class="hits" start="21">' in html
    assert "There is no page 9" in page(client, "q=marker&page=9")


def test_the_reindex_command_runs_from_the_console_script(capsys):
    main(["landmine-monitor", "reindex"])
    assert "Search index rebuilt: 27 passages from 1 published report" in " ".join(
        capsys.readouterr().out.split()
    )

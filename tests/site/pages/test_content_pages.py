"""The site's content pages: About Us, The Issues, Our Research Products, Resources for Monitor
Researchers. Created once from the files in pages/content/, then the editors' own."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils.html import escape

from landmine_monitor.database.treaties.selectors import get_treaty, treaty_parties, where_states_stand
from landmine_monitor.database.treaties.vocabulary import SHOWN_ORDER
from landmine_monitor.site.pages.models import ContentPage
from landmine_monitor.site.pages.services import (
    CONTENT_DIR,
    CONTENT_PAGES,
    ContentFileError,
    ensure_content_pages,
    ensure_site,
    read_content,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    home = ensure_site()
    ensure_content_pages(home)
    return home


PAGES = {
    "/about-us/": (
        "About Us",
        [
            "not an inspection regime",
            "Country researchers",
            "Research coordinators",
            "Editorial team",
            "Steering group",
            "A global reporting network",
            "A central database",
            "An annual report",
            "requests for information",
            "embargo",
        ],
    ),
    "/the-issues/": (
        "The Issues",
        [
            "Mine Ban Treaty",
            "Article 7",
            "The harm antipersonnel mines do",
            "CCW Amended Protocol II",
            "CCW Protocol V",
            "The Convention on Cluster Munitions",
            "Survivor assistance",
            "Funding",
            "Words the Monitor uses",
            "Suspected hazardous area",
            "Non-state armed group",
        ],
    ),
    "/research-products/": (
        "Our Research Products",
        [
            "The annual report",
            "Country reports",
            'href="/api/v1/docs"',
            "/api/v1/countries/{code}/treaties",
            "/api/v1/unga/resolutions/{symbol}/votes",
            "Data downloads",
            "not yet offered here",
        ],
    ),
    "/researchers/": (
        "Resources for Monitor Researchers",
        [
            "Mine Ban Policy",
            "Stockpiling and Destruction",
            "Survivor Assistance",
            "Telephone interview",
            "Article 7 report",
            "UN document",
            "Ibid.",
            "landmine-monitor import",
            "Heading 1",
            "[^1]: ",
            "Requests for information",
            "no reply had been received",
        ],
    ),
}


@pytest.mark.parametrize("url", PAGES)
def test_each_page_answers_at_its_address_with_its_content(client, home, url):
    title, phrases = PAGES[url]
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert f"<title>{title} — Landmine Monitor</title>" in html
    for phrase in phrases:
        assert phrase.replace("<", "&lt;").replace(">", "&gt;") in html or phrase in html, phrase
    assert "lorem" not in html.lower()


def test_the_table_of_contents_links_to_each_heading(client, home):
    html = client.get("/the-issues/").content.decode()
    toc = html[html.index('class="page-toc"') : html.index("</nav>", html.index('class="page-toc"'))]
    anchors = re.findall(r'href="#([^"]+)"', toc)
    assert anchors[:2] == ["the-mine-ban-treaty", "the-harm-antipersonnel-mines-do"]
    for anchor in anchors:
        assert f'<h2 id="{anchor}">' in html


def test_the_issues_shows_treaty_figures_computed_from_the_database(client, home):
    html = client.get("/the-issues/").content.decode()
    mbt = get_treaty("mbt")
    parties = treaty_parties(mbt, datetime.date.today()).counts["state-party"]
    row = html[html.index('href="/api/v1/treaties/mbt/parties">') :]
    row = row[: row.index("</tr>")]
    assert re.findall(r"<td>(\d+)</td>", row)[0] == str(parties)
    assert "Where states stand on" in html


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "content-page" in (attrs.get("class") or ""):
            self.inside += 1
        elif self.inside and tag == "a" and attrs.get("href", "").startswith("/"):
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "article" and self.inside:
            self.inside -= 1


def test_every_link_on_the_pages_leads_somewhere(client, home):
    """The pages name only what exists: every address they link to answers."""
    hrefs = set()
    for url in PAGES:
        parser = _Links()
        parser.feed(client.get(url).content.decode())
        hrefs.update(parser.hrefs)
    assert {"/reports/", "/api/v1/docs", "/researchers/"} <= hrefs
    for href in sorted(hrefs):
        assert client.get(href).status_code == 200, href


def test_ensure_content_pages_is_idempotent(home):
    assert ContentPage.objects.filter(slug__in=[slug for slug, _ in CONTENT_PAGES]).count() == 4
    assert ensure_content_pages(home) == []
    assert ContentPage.objects.count() == 4
    for slug, _ in CONTENT_PAGES:
        page = ContentPage.objects.get(slug=slug)
        assert page.live and page.get_parent().pk == home.pk
        assert page.revisions.count() == 1  # created once, published once


def test_an_editors_change_is_kept(client, home):
    page = ContentPage.objects.get(slug="about-us")
    page.intro = "An introduction rewritten by an editor."
    page.save_revision().publish()
    assert ensure_content_pages(home) == []
    page.refresh_from_db()
    assert page.intro == "An introduction rewritten by an editor."
    assert "An introduction rewritten by an editor." in client.get("/about-us/").content.decode()


def test_a_deleted_page_is_created_again_but_a_slug_taken_by_another_page_is_left_alone(home):
    ContentPage.objects.get(slug="researchers").delete()
    other = ContentPage.objects.get(slug="the-issues")
    other.slug = "issues-old"
    other.save_revision().publish()
    home.add_child(instance=ContentPage(title="Our own issues page", slug="the-issues"))
    created = ensure_content_pages(home)
    assert [p.slug for p in created] == ["researchers"]
    assert ContentPage.objects.get(slug="the-issues").title == "Our own issues page"


@pytest.mark.parametrize("slug", [slug for slug, _ in CONTENT_PAGES])
def test_the_pages_are_editable_in_the_admin(admin_client, home, slug):
    page = ContentPage.objects.get(slug=slug)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_editors_can_add_a_content_page_under_the_home_page(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", home.pk])
    assert admin_client.get(url).status_code == 200


def test_the_pages_are_found_by_search(home):
    found = ContentPage.objects.live().search("inspection regime")
    assert "about-us" in {p.slug for p in found}
    found = ContentPage.objects.live().search("telephone interview")
    assert "researchers" in {p.slug for p in found}


# The content files --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [name for _, name in CONTENT_PAGES])
def test_every_content_file_reads(name):
    content = read_content(CONTENT_DIR / name)
    assert content.title and content.intro
    kinds = {block["type"] for block in content.body}
    assert {"heading", "paragraph"} & kinds
    assert sum(block["type"] == "heading" for block in content.body) >= 3


def test_the_content_format(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(
        "# A title\n\nThe intro,\ncontinued.\n\n## First\n\nSome *text* with [a link](/x/).\n\n"
        "- one\n- two\n  continued\n\n1. first\n2. second\n\n"
        "Term\n: meaning\n\nOther term\n: other meaning\n\n"
        "### Sub\n\n```\nkept   as\n\nwritten\n```\n\n[[treaty-figures]]\n",
        encoding="utf-8",
    )
    content = read_content(path)
    assert content.title == "A title"
    assert content.intro == "The intro, continued."
    assert [b["type"] for b in content.body] == [
        "heading",
        "paragraph",
        "list",
        "list",
        "definitions",
        "subheading",
        "example",
        "treaty_figures",
    ]
    assert content.body[1]["value"] == '<p>Some <em>text</em> with <a href="/x/">a link</a>.</p>'
    assert content.body[2]["value"] == {"ordered": False, "items": ["<p>one</p>", "<p>two continued</p>"]}
    assert content.body[3]["value"]["ordered"] is True
    assert [d["term"] for d in content.body[4]["value"]] == ["Term", "Other term"]
    assert content.body[6]["value"] == "kept   as\n\nwritten"


@pytest.mark.parametrize(
    "text, message",
    [
        ("no title\n", "page.md:1"),
        ("# T\n\n## H\n\n```\nnever closed\n", "page.md:5: an example is not closed"),
        ("# T\n\n## H\ntext\n", "page.md:3: a heading is one line"),
    ],
)
def test_a_bad_content_file_names_file_and_line(tmp_path, text, message):
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentFileError, match=message):
        read_content(path)


# Where states stand today: one table, computed once (`where_states_stand`), on the home page and
# in the content pages' "treaty figures" block alike.


def _table(html: str) -> str:
    return re.search(r'<table class="figures">.*?</table>', html, re.S).group(0)


def test_the_home_page_and_the_issues_show_the_same_table(client, home):
    on_home = _table(client.get("/").content.decode())
    on_the_issues = _table(client.get("/the-issues/").content.decode())
    assert on_home == on_the_issues


def test_the_table_has_a_column_per_status_and_a_row_per_treaty(client, home):
    html = client.get("/").content.decode()
    table = _table(html)
    headings = re.findall(r'<th scope="col">([^<]+)</th>', table)
    assert headings == ["Treaty", *(status.plural for status in SHOWN_ORDER)]
    assert headings[1:] == [
        "States Parties",
        "Ratified, not yet in force",
        "Signatories",
        "Non-signatories",
        "Withdrawn",
    ]
    figures = where_states_stand(datetime.date.today())
    for parties in figures.treaties:
        row = table[table.index(f'href="/api/v1/treaties/{parties.treaty.slug}/parties"') :]
        row = row[: row.index("</tr>")]
        assert re.findall(r"<td>(\d+)</td>", row) == [str(n) for _, n in parties.shown_counts]
    assert f"Source: {escape(figures.record.citation)}" in html
    assert f"Where states stand on {datetime.date.today().day} " in table

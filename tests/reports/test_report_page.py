"""The country report page as the server renders it: ids, notes and their sources, citations,
the country's other editions and the book's order, and the cost of a page in queries."""

import json
import re
from collections import Counter

import pytest
from csl_check import csl_problems
from django.db import connection
from django.test.utils import CaptureQueriesContext

from landmine_monitor.database.countries.selectors import resolve_country
from landmine_monitor.reports.document import Footnote, Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.services import ensure_edition, save_report

pytestmark = pytest.mark.django_db

DPRK = "/reports/1999/north-korea/"


def make_report(country: str, year: int = 1999, *, publish: bool = True, paragraphs=None, footnotes=None):
    """A report written for the test (one section), saved as the importers save one."""
    paragraphs = paragraphs or [f"{country} has not joined the treaty.[^1]"]
    footnotes = footnotes or [
        Footnote(1, f"Landmine Monitor interview with an official of {country}, Geneva, 3 May {year}.")
    ]
    doc = ReportDocument(
        title=country,
        country_name=country,
        sections=[
            Section("Mine Ban Policy", [SectionKind.MINE_BAN_POLICY], [Paragraph(p) for p in paragraphs])
        ],
        footnotes=footnotes,
    )
    return save_report(
        doc, country=resolve_country(country), edition=ensure_edition(year), publish=publish
    ).page


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def ids_in(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', html)


def fragment_links(html: str) -> set[str]:
    return set(re.findall(r'href="#([^"]+)"', html))


def note(html: str, number: int) -> str:
    start = html.index(f'<li id="fn-{number}"')
    end = html.find('<li id="fn-', start + 1)
    return html[start : end if end > 0 else html.index("</ol>", start)]


def test_every_id_on_the_page_is_unique_and_every_fragment_link_has_its_target(client):
    html = html_of(client, DPRK)
    counts = Counter(ids_in(html))
    assert [i for i, n in counts.items() if n > 1] == []
    assert fragment_links(html) <= set(counts)


def test_a_note_cited_twice_gets_a_marker_id_each_and_a_back_link_to_each(client):
    make_report(
        "Mongolia",
        paragraphs=[
            "Mongolia has not signed.[^1] Its army holds mines.[^2]",
            "The stockpile is secret,[^2] and so is its size.[^2]",
        ],
        footnotes=[
            Footnote(1, "Landmine Monitor interview with Ms. Oyun, Ulaanbaatar, 2 February 1999."),
            Footnote(2, "Letter from the Ministry of Defence of Mongolia, 9 March 1999."),
        ],
    )
    html = html_of(client, "/reports/1999/mongolia/")
    assert [i for i, n in Counter(ids_in(html)).items() if n > 1] == []
    markers = re.findall(r'<a href="#fn-2" id="([^"]+)"', html)
    assert markers == ["fnref-2", "fnref-2-2", "fnref-2-3"]
    second = note(html, 2)
    back = re.findall(r'<a href="#(fnref-2[^"]*)" aria-label="([^"]+)">(\w)</a>', second)
    assert back == [
        ("fnref-2", "Back to the text of note 2, citation 1 of 3", "a"),
        ("fnref-2-2", "Back to the text of note 2, citation 2 of 3", "b"),
        ("fnref-2-3", "Back to the text of note 2, citation 3 of 3", "c"),
    ]
    first = note(html, 1)
    assert '<a class="back" href="#fnref-1" aria-label="Back to the text of note 1">↩</a>' in first
    assert fragment_links(html) <= set(ids_in(html))


def test_markers_are_described_by_their_note_for_screen_readers(client):
    html = html_of(client, DPRK)
    assert '<a href="#fn-6" id="fnref-6" aria-describedby="fn-6-text" aria-label="Note 6">6</a>' in html
    assert re.search(r'<span class="note-text" id="fn-6-text">Mine Web, U\.S\. Department of State', html)


def test_paragraphs_have_ids_by_section_and_position_stable_across_requests(client):
    html = html_of(client, DPRK)
    paragraph_ids = re.findall(r'<p id="(p-[^"]+)"', html)
    assert paragraph_ids[:5] == ["p-1-1", "p-1-2", "p-1-3", "p-1-4", "p-2-1"]
    assert paragraph_ids[-2:] == ["p-7-1", "p-7-2"]
    assert re.search(r'<p id="p-2-1">According to a US government database', html)
    assert re.findall(r'<p id="(p-[^"]+)"', html_of(client, DPRK)) == paragraph_ids


def test_a_note_lists_its_sources_with_kind_and_what_was_read_linking_to_their_records(client):
    html = html_of(client, DPRK)
    eighth = note(html, 8)
    assert re.search(
        r'<span class="source-kind">Book:</span> <a class="source-link" href="/api/v1/sources/\d+">'
        r"Human Rights Watch, <cite>Landmines: A Deadly Legacy</cite></a>, p\. 470</li>",
        eighth,
    )
    second = note(html, 2)
    assert re.search(
        r'<span class="source-kind">Telephone interview:</span> '
        r'<a class="source-link" href="/api/v1/sources/\d+">Kim Sam Jong, Permanent Mission of the '
        r"Democratic People&#x27;s Republic of Korea to the UN in New York, Tokyo, 24 February 1999</a>",
        second,
    )
    # "Ibid." cites what the note it repeats cites.
    assert re.findall(r'href="(/api/v1/sources/\d+)"', note(html, 3)) == re.findall(
        r'href="(/api/v1/sources/\d+)"', second
    )


def test_a_source_address_not_in_the_note_is_listed_with_the_source():
    from landmine_monitor.database.sources.models import Source
    from landmine_monitor.reports.models import FootnoteCitation
    from landmine_monitor.reports.reading import _note_source

    source = Source(pk=7, kind="website", title="Mine Action Review", url="https://www.mineactionreview.org/")
    citation = FootnoteCitation(source=source, locator="")
    assert _note_source(citation, "Mine Action Review, 2024.").url == "https://www.mineactionreview.org/"
    assert _note_source(citation, "Mine Action Review, https://www.mineactionreview.org/.").url == ""


def test_the_citation_is_on_the_page_in_three_formats(client):
    html = html_of(client, DPRK)
    assert '<details class="cite-this">' in html
    text = re.search(r'<textarea id="cite-text"[^>]*>([^<]+)</textarea>', html)[1]
    assert text.startswith(
        "Landmine Monitor Report 1999: Toward a Mine-Free World, &quot;North Korea&quot; "
        "(International Campaign to Ban Landmines, 1999), "
        "http://testserver/reports/1999/north-korea/, accessed "
    )
    assert "Sample content written for the Landmine Monitor software" in text
    bib = re.search(r'<textarea id="cite-bibtex"[^>]*>([^<]+)</textarea>', html)[1]
    assert bib.startswith("@incollection{landmine-monitor-1999-north-korea,")
    csl = re.search(r'<textarea id="cite-csl-json"[^>]*>([^<]+)</textarea>', html)[1]
    assert csl_problems(json.loads(csl.replace("&quot;", '"'))) == []
    assert '<label for="cite-bibtex">BibTeX</label>' in html


def test_the_citation_files_download_with_their_media_types(client):
    bib = client.get(DPRK + "cite.bib")
    assert bib.status_code == 200
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == 'attachment; filename="landmine-monitor-1999-north-korea.bib"'
    body = bib.content.decode()
    assert body.startswith("@incollection{landmine-monitor-1999-north-korea,")
    assert "  url = {http://testserver/reports/1999/north-korea/},\n" in body

    csl = client.get(DPRK + "cite.json")
    assert csl.status_code == 200
    assert csl["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    data = json.loads(csl.content)
    assert csl_problems(data) == []
    assert data[0]["URL"] == "http://testserver/reports/1999/north-korea/"
    assert data[0]["container-title"] == "Landmine Monitor Report 1999: Toward a Mine-Free World"

    assert client.get(DPRK + "cite.pdf").status_code == 404
    assert client.get("/reports/1999/cite.bib").status_code == 404  # an edition has no citation file


def test_a_draft_has_no_public_page_and_no_citation_files(client):
    make_report("Pakistan", publish=False)
    assert client.get("/reports/1999/pakistan/").status_code == 404
    assert client.get("/reports/1999/pakistan/cite.bib").status_code == 404
    assert client.get("/reports/1999/pakistan/cite.json").status_code == 404


def test_the_countrys_other_editions_are_listed_newest_first_drafts_never(client):
    make_report("North Korea", 2000)
    make_report("North Korea", 2001, publish=False)
    html = html_of(client, DPRK)
    editions = html[
        html.index('<nav class="report-editions"') : html.index("</nav>", html.index("report-editions"))
    ]
    assert re.findall(r'<a href="(/reports/\d+/north-korea/)"', editions) == [
        "/reports/2000/north-korea/",
        "/reports/1999/north-korea/",
    ]
    assert re.search(r'href="/reports/1999/north-korea/"[^>]*aria-current="page">1999</a>', editions)
    assert "/reports/2001/north-korea/" not in html
    newer = html_of(client, "/reports/2000/north-korea/")
    assert re.search(r'href="/reports/2000/north-korea/"[^>]*aria-current="page">2000</a>', newer)


def test_previous_and_next_follow_the_books_order_and_skip_drafts(client):
    # 1999: Thailand is a State Party of Asia-Pacific, so it comes before the region's
    # non-signatories; Pakistan's report is a draft; Albania (Europe, a signatory) comes after Asia.
    for country in ("Thailand", "South Korea", "Albania"):
        make_report(country)
    make_report("Pakistan", publish=False)

    def prev_next(url):
        html = html_of(client, url)
        nav = html[html.index('<nav class="book-nav"') :]
        found = dict(re.findall(r'<a rel="(prev|next)" href="([^"]+)"', nav))
        head = dict(re.findall(r'<link rel="(prev|next)" href="([^"]+)"', html))
        assert head == found
        return found.get("prev"), found.get("next")

    assert prev_next(DPRK) == ("/reports/1999/thailand/", "/reports/1999/south-korea/")
    assert prev_next("/reports/1999/thailand/") == (None, DPRK)
    assert prev_next("/reports/1999/south-korea/") == (DPRK, "/reports/1999/albania/")
    assert prev_next("/reports/1999/albania/") == ("/reports/1999/south-korea/", None)
    assert "pakistan" not in html_of(client, DPRK).lower()


def test_inferred_sections_are_marked_for_staff_only(client, admin_client):
    assert "Section kind inferred" not in html_of(client, DPRK)
    assert "Section kind inferred from the content (production)" in html_of(admin_client, DPRK)


def queries_for(client, url: str) -> int:
    client.get(url)  # the site menu and Wagtail's site lookups are cached after a first visit
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_notes_and_their_sources(client):
    def report_with(country: str, notes: int):
        paragraphs = [" ".join(f"Fact {n}.[^{n}]" for n in range(1, notes + 1))]
        footnotes = [
            Footnote(
                n, f"Landmine Monitor interview with Mr. Official{n} of {country}, Geneva, {n} May 1999."
            )
            for n in range(1, notes + 1)
        ]
        return make_report(country, paragraphs=paragraphs, footnotes=footnotes)

    few = report_with("Nepal", 3)
    many = report_with("Sri Lanka", 30)
    assert many.footnotes.count() == 30
    assert queries_for(client, few.url) == queries_for(client, many.url) <= 30


def test_a_preview_of_a_draft_revision_shows_its_own_notes_and_the_live_page_its_own(client, rf, admin_user):
    from landmine_monitor.reports.importers import read_reports
    from landmine_monitor.reports.models import CountryReportPage
    from landmine_monitor.reports.services import SAMPLE_DIR

    (doc,) = read_reports(SAMPLE_DIR / "north-korea-1999.md")
    sixth = next(f for f in doc.footnotes if f.number == 6)
    sixth.text = "Mine Web, U.S. Department of State, at http://www.mineweb.org/mfacts, as read in May 1999."
    live = CountryReportPage.objects.get(url_path__endswith="/reports/1999/north-korea/")
    save_report(doc, country=live.country, edition=live.edition)  # a new draft revision

    request = rf.get(DPRK)
    request.user = admin_user
    draft = CountryReportPage.objects.get(pk=live.pk).get_latest_revision_as_object()
    preview = draft.serve_preview(request, "").render().content.decode()
    assert "as read in May 1999" in preview
    assert "as read in May 1999" not in html_of(client, DPRK)

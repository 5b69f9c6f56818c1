"""What a search finds, in what order, with which counts, and how the matches are marked."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.reports.search.highlight import Terms, find_marks, snippet
from landmine_monitor.reports.search.models import Passage
from landmine_monitor.reports.search.selectors import Filters, search
from landmine_monitor.reports.selectors import book_order

pytestmark = pytest.mark.django_db


def hits(q: str, **filters) -> list[tuple[str, int, str]]:
    """(country slug, edition, anchor) of the hits on the first page."""
    return [
        (h.report.country.slug, h.report.edition.year, h.passage.anchor)
        for h in search(q, Filters(**filters)).hits
    ]


def counts(outcome, name: str) -> dict[str, int]:
    facet = next(f for f in outcome.facets if f.name == name)
    return {v.value: v.count for v in facet.values}


def test_pomz_finds_the_production_paragraph_of_the_dprk_1999_report():
    outcome = search("POMZ")
    assert [(h.report.country.slug, h.report.edition.year) for h in outcome.hits] == [("north-korea", 1999)]
    hit = outcome.hits[0]
    assert hit.url() == "/reports/1999/north-korea/#p-2-1"
    assert hit.kinds == ["production"] and not hit.passage.is_footnote
    assert "<mark>POMZ</mark>-2 and <mark>POMZ</mark>-2M" in hit.snippet


@pytest.mark.parametrize(
    "q", ["North Korea", "DPRK", "dprk", "Korea, DPR", "democratic people's republic of korea"]
)
def test_any_name_of_a_country_finds_its_report_first(report, q):
    report(
        "KOR",
        1999,
        [("Mine Ban Policy", ["mine-ban-policy"], ["Seoul says the DPRK keeps mines along the border."])],
    )
    outcome = search(q)
    assert [c.slug for c in outcome.query.countries] == ["north-korea"]
    slugs = [h.report.country.slug for page in (1, 2) for h in search(q, page=page).hits]
    # Every passage of the country's report, then the other report, found through another of
    # the country's names.
    assert outcome.total == len(slugs) == 28
    assert slugs == ["north-korea"] * 27 + ["south-korea"]


def test_a_country_named_with_other_words_matches_its_passages_that_never_name_it():
    outcome = search("North Korea stake mines")
    assert outcome.query.words == ["stake", "mines"]
    anchors = [h.passage.anchor for h in outcome.hits]
    assert "p-2-1" in anchors  # "…POMZ-2M fragmentation stake mines": North Korea is not named there
    assert all(h.report.country.slug == "north-korea" for h in outcome.hits)
    first = next(h for h in outcome.hits if h.passage.anchor == "p-2-1")
    assert "<mark>stake</mark> <mark>mines</mark>" in first.snippet


def test_short_abbreviations_name_a_country_only_in_capitals():
    assert [c.slug for c in search("US").query.countries] == ["united-states"]
    lower = search("us")
    assert lower.query.countries == [] and lower.query.words == ["us"]
    assert [c.slug for c in search("car").query.countries] == []


def test_facets_count_by_edition_region_status_and_kind(report):
    # 31 March 1999, the 1999 edition's reporting date: Austria a State Party, Albania a signatory.
    report("AUT", 1999, [("Stockpiling", ["stockpiling"], ["Austria emptied its last mine warehouse."])])
    report(
        "ALB",
        1999,
        [
            ("Stockpiling", ["stockpiling"], ["Albania lists each warehouse holding mines."]),
            ("Production, Transfer", ["production", "transfer"], ["No mines left a warehouse for export."]),
        ],
        ["Warehouse figures given by the ministry."],
    )
    report("ALB", 2001, [("Stockpiling", ["stockpiling"], ["The last warehouse was emptied in 2002."])])

    outcome = search("warehouse")
    assert outcome.total == 5 and outcome.reports == 3
    assert counts(outcome, "edition") == {"2001": 1, "1999": 4}
    assert counts(outcome, "region") == {"europe-central-asia": 5}
    # In 2001 Albania was a State Party (ratified in 2000), as the table of contents groups it.
    assert counts(outcome, "status") == {"states-parties": 2, "signatories": 3}
    groups = {
        (entry.country.slug, group.label)
        for region in book_order(Edition.objects.get(year=1999), only_reports=True)
        for group in region.groups
        for entry in group.entries
    }
    assert groups >= {("austria", "States Parties"), ("albania", "Signatories")}
    # A section of two kinds counts for both; the note cited nowhere has no kind.
    assert counts(outcome, "kind") == {"stockpiling": 3, "production": 1, "transfer": 1}

    # Facets combine; each facet's counts ignore its own choice but apply the others.
    chosen = search("warehouse", Filters(edition=1999, status="signatories"))
    assert chosen.total == 3
    assert {h.report.country.slug for h in chosen.hits} == {"albania"}
    assert counts(chosen, "edition") == {"1999": 3}  # Albania was not a signatory in 2001
    assert counts(chosen, "status") == {"states-parties": 1, "signatories": 3}
    assert counts(chosen, "kind") == {"stockpiling": 1, "production": 1, "transfer": 1}

    by_kind = search("warehouse", Filters(kind="transfer"))
    assert hits("warehouse", kind="transfer") == [("albania", 1999, "p-2-1")]
    assert counts(by_kind, "kind")["stockpiling"] == 3  # the kind facet ignores the kind chosen
    assert counts(by_kind, "edition") == {"1999": 1}


def test_a_chosen_value_that_matches_nothing_stays_listed_so_it_can_be_removed():
    outcome = search("POMZ", Filters(region="africa"))
    assert outcome.total == 0 and outcome.hits == []
    region = next(f for f in outcome.facets if f.name == "region")
    assert {(v.value, v.count, v.selected) for v in region.values} == {
        ("africa", 0, True),
        ("asia-pacific", 1, False),
    }


def test_results_are_paged(report):
    paragraphs = [f"Marker post {n} stands at the edge of a field." for n in range(25)]
    report("AUT", 1999, [("Mine Action", ["mine-action"], paragraphs)])
    first, second, past = search("marker"), search("marker", page=2), search("marker", page=3)
    assert first.total == 25 and first.pages == 2 and len(first.hits) == 20
    assert len(second.hits) == 5 and second.first == 21
    assert {h.passage.pk for h in first.hits}.isdisjoint(h.passage.pk for h in second.hits)
    assert past.hits == [] and past.total == 25


def test_the_passage_is_escaped_and_only_the_matches_are_marked(report):
    report(
        "AUT",
        1999,
        [
            (
                "Use",
                ["use"],
                ['A leaflet said <script>alert("x")</script> & warned of *landmines* in the hills.'],
            )
        ],
    )
    hit = search("hills").hits[0]
    assert (
        hit.passage.body == 'A leaflet said <script>alert("x")</script> & warned of landmines in the hills.'
    )
    assert str(hit.snippet) == (
        "A leaflet said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; warned of "
        "landmines in the <mark>hills</mark>."
    )
    # A query that looks like markup or full-text syntax is only words.
    for q in ["<b>hills</b>", '"hills', "hills*", "hills OR (", "NEAR(hills)", "100%", "'", "hills:"]:
        assert search(q).total in (0, 1)


def test_a_long_passage_is_cut_around_its_first_match():
    text = "Opening words. " * 30 + "The marker stands here. " + "Closing words. " * 30
    marks = find_marks(text, Terms.of(["marker"], []))
    shown = str(snippet(text, marks))
    assert shown.startswith("…") and shown.endswith("…")
    assert "<mark>marker</mark>" in shown and len(shown) < len(text)


def test_forms_of_a_word_and_phrases_are_marked_as_the_index_matches_them():
    terms = Terms.of(["mine"], [("pomz", "2m"), ("north", "korea")])
    text = "Mines, a mine, mined land: POMZ-2M and POMZ-2 in North  Korea; minefield."
    marked = [text[a:b] for a, b in find_marks(text, terms)]
    assert marked == ["Mines", "mine", "mined", "POMZ-2M", "North  Korea"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the one-pass ranking is for SQLite's backend")
def test_the_one_pass_ranking_orders_as_wagtails_backend_does(report):
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from landmine_monitor.reports.search.sqlite_backend import OnePassSQLiteSearchBackend

    report(
        "AUT",
        1999,
        [
            (
                "Use",
                ["use"],
                [
                    "Fields and fields and more fields.",
                    "One of the fields, among many other words of a longer paragraph about something else.",
                    "Fields, more fields.",
                    "A field is not the word searched for.",
                ],
            )
        ],
        ["Survey of mined fields, 1998."],
    )
    report("ALB", 1999, [("Use", ["use"], ["Mined fields near the border, and more fields inland."])])
    stock = get_search_backend("wagtail.search.backends.database")  # Wagtail's, as it comes
    assert type(stock) is SQLiteSearchBackend
    backend = get_search_backend()  # the project's, from the settings
    assert isinstance(backend, OnePassSQLiteSearchBackend)
    austria = Passage.objects.filter(country=Country.objects.get(iso3="AUT"))
    for query, queryset in [
        (PlainText("fields", operator="and"), Passage.objects.all()),
        (PlainText("fields", operator="and"), austria),
        (And([PlainText("fields"), Phrase("more fields")]), Passage.objects.all()),
        (Or([PlainText("mined"), PlainText("more")]), Passage.objects.all()),
    ]:
        expected = [p.pk for p in stock.search(query, queryset)]
        scores = [p._score for p in stock.search(query, queryset).annotate_score("_score")]
        assert len(set(scores)) == len(scores) >= 2  # distinct scores: the order is the ranking's
        with CaptureQueriesContext(connection) as queries:
            ranked = [p.pk for p in backend.search(query, queryset)]
        assert ranked == expected
        # One full-text match, where Wagtail's backend matches again for every row to score it.
        assert sum(q["sql"].count(" MATCH ") for q in queries.captured_queries) == 1
        assert [p.pk for p in backend.search(query, queryset)[1:2]] == expected[1:2]
        assert backend.search(query, queryset).count() == len(expected)


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="on SQLite ties keep the index's order; PostgreSQL's backend orders ties its own way",
)
def test_passages_that_rank_the_same_come_in_reading_order(report):
    report("AUT", 1999, [("Mine Action", ["mine-action"], [f"Marker post {n} here." for n in range(1, 6)])])
    assert hits("marker") == [("austria", 1999, f"p-1-{n}") for n in range(1, 6)]

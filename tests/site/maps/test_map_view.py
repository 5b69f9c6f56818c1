"""The world map page, /map/?on=YYYY-MM-DD: shapes coloured by Mine Ban Treaty status on the date,
computed from the same treaty_parties answer as everything else, with its legend and table."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.sources.models import Source, SourceKind
from landmine_monitor.database.treaties.selectors import get_treaty, treaty_parties
from landmine_monitor.database.treaties.services import record_treaty_action
from landmine_monitor.site.maps.shapes import world
from landmine_monitor.site.maps.views import render_map_body

pytestmark = pytest.mark.django_db

D = datetime.date
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


class MapParser(HTMLParser):
    """The drawn items (paths and markers with data-status) and the table's rows."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, str]] = []
        self.rows: list[str] = []
        self._in_tbody = self._in_row_header = False
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if tag in ("path", "circle") and "data-status" in attributes:
            self.items.append({"tag": tag, **attributes})
        elif tag == "tbody":
            self._in_tbody = True
        elif tag == "th" and self._in_tbody:
            self._in_row_header, self._text = True, []
        elif tag == "span" and self._in_row_header:
            self._in_row_header = False  # "(not on the map at this scale)"
            self.rows.append("".join(self._text).strip())

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_tbody = False
        elif tag == "th" and self._in_row_header:
            self._in_row_header = False
            self.rows.append("".join(self._text).strip())

    def handle_data(self, data):
        if self._in_row_header:
            self._text.append(data)


def get_map(client, on: str | None):
    response = client.get("/map/", {"on": on} if on is not None else {})
    assert response.status_code == 200, response.content[:500]
    html = response.content.decode()
    parser = MapParser()
    parser.feed(html)
    return html, parser


def own_items(parser: MapParser, status: str | None = None) -> list[dict[str, str]]:
    """Shapes and markers showing their own state's status (not a predecessor's)."""
    return [
        item
        for item in parser.items
        if not item.get("data-part-of") and (status is None or item["data-status"] == status)
    ]


def status_of(parser: MapParser, iso3: str) -> set[str]:
    return {item["data-status"] for item in parser.items if item.get("data-iso3") == iso3}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def expected_drawn(on: D, status: str) -> set[str]:
    """The alpha-3 codes of the states with `status` on `on` that have a shape in the bundle."""
    parties = treaty_parties(get_treaty("mbt"), on)
    shapes = world().by_key
    return {c.iso3 for c, s in parties.standings if s.status.value == status and c.numeric in shapes}


def test_states_parties_on_entry_into_force_are_the_45_of_the_record(client):
    on = D(1999, 3, 1)
    html, parser = get_map(client, on.isoformat())
    parties = treaty_parties(get_treaty("mbt"), on)
    expected = expected_drawn(on, "state-party")
    drawn = {item["data-iso3"] for item in own_items(parser, "state-party")}
    assert drawn == expected
    assert len(expected) == 45  # every State Party of 1 March 1999 has a shape or a marker
    for status in ("signatory", "ratified", "non-signatory"):
        assert {item["data-iso3"] for item in own_items(parser, status)} == expected_drawn(on, status)
    assert "45 States Parties" in text_of(html)
    # Every status the legend counts is the record's.
    for status, count in parties.counts.items():
        assert re.search(rf'class="legend-{status}">.*?<strong>{count}</strong>', html, re.S), status


def test_albania_signatory_in_1999_then_state_party_and_north_korea_non_signatory(client):
    _, in_1999 = get_map(client, "1999-06-01")
    assert status_of(in_1999, "ALB") == {"signatory"}
    assert status_of(in_1999, "PRK") == {"non-signatory"}
    _, in_2010 = get_map(client, "2010-01-01")
    assert status_of(in_2010, "ALB") == {"state-party"}
    assert status_of(in_2010, "PRK") == {"non-signatory"}
    albania = next(i for i in in_2010.items if i.get("data-iso3") == "ALB")
    assert albania["tag"] == "path" and "status-state-party" in albania["class"]


def test_each_drawn_state_has_its_status_as_class_and_a_title(client):
    html, parser = get_map(client, "2010-01-01")
    for item in parser.items:
        assert f"status-{item['data-status']}" in item["class"].split()
    assert re.search(
        r'data-iso3="ALB"[^>]*><title>Albania: State Party \(in force 1 August 2000\)</title>', html
    )


def test_the_svg_is_well_formed_and_scales_with_its_viewbox(client):
    html, _ = get_map(client, "1999-12-31")
    svg = re.search(r'<svg class="lm-map" .*?</svg>', html, re.S).group(0)
    root = ET.fromstring(svg)  # well-formed XML: the book can embed it as it is
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 1000 486.7"
    assert root.get("width") is None  # width comes from CSS: 100% of the column
    assert root.find(f"{SVG_NS}title").text.startswith("States' status towards the")


def test_other_areas_and_territories_are_neutral(client):
    _, parser = get_map(client, "2010-01-01")
    by_key = {item["data-key"]: item for item in parser.items if item["tag"] == "path"}
    assert by_key["732"]["data-status"] == "other-area"  # Western Sahara
    assert by_key["158"]["data-status"] == "other-area"  # Taiwan
    assert by_key["x-kosovo"]["data-status"] == "other-area"
    assert by_key["x-somaliland"]["data-status"] == "other-area"
    assert by_key["010"]["data-status"] == "none"  # Antarctica
    assert by_key["304"]["data-status"] == "none"  # Greenland


def test_a_state_not_yet_independent_shows_the_state_it_was_part_of(client):
    _, before = get_map(client, "2010-01-01")
    south_sudan = next(i for i in before.items if i.get("data-iso3") == "SSD")
    assert south_sudan["data-part-of"] == "SDN"
    assert south_sudan["data-status"] == status_of(before, "SDN").pop()
    _, after = get_map(client, "2012-01-01")
    south_sudan = next(i for i in after.items if i.get("data-iso3") == "SSD")
    assert "data-part-of" not in south_sudan
    parties = treaty_parties(get_treaty("mbt"), D(2012, 1, 1))
    expected = next(s for c, s in parties.standings if c.iso3 == "SSD").status.value
    assert south_sudan["data-status"] == expected


def test_small_states_have_a_marker_and_states_without_a_shape_are_named(client):
    html, parser = get_map(client, "2010-01-01")
    markers = {item.get("data-iso3") for item in parser.items if item["tag"] == "circle"}
    assert {"AND", "LIE", "MLT", "VAT", "MCO", "NRU"} <= markers
    assert "ALB" not in markers and "USA" not in markers
    # Holy See is too small for a shape at this scale: its marker carries its status.
    assert status_of(parser, "VAT") == {"state-party"}
    # Tuvalu has no shape at 1:50m: said under the map and in the table.
    assert "Tuvalu" not in {item.get("data-iso3") for item in parser.items}
    assert re.search(r"Not drawn at this scale:[^.]*Tuvalu", text_of(html))


def test_the_table_lists_every_state_with_its_status(client):
    on = D(1999, 12, 31)
    html, parser = get_map(client, on.isoformat())
    parties = treaty_parties(get_treaty("mbt"), on)
    assert parser.rows == [country.name for country, _ in parties.standings]
    table = re.search(r'<table class="figures map-states">.*?</table>', html, re.S).group(0)
    assert f"Status of {len(parties.standings)} states" in table
    albania_row = re.search(r"<th scope=\"row\">Albania</th>(.*?)</tr>", table, re.S).group(1)
    assert "Signatory" in albania_row and "8 Sep 1998" in albania_row


def test_the_page_has_the_date_form_key_dates_and_sources(client):
    html, _ = get_map(client, "1999-03-01")
    today = timezone.localdate()
    assert '<form class="map-date" method="get"' in html
    assert re.search(
        rf'<input type="date" id="map-on" name="on" value="1999-03-01" min="1997-12-03" max="{today}"', html
    )
    for day in ("1999-03-01", "1999-12-31", "2010-12-31", today.isoformat()):
        assert f'href="?on={day}"' in html
    citation = get_treaty("mbt").record_source.citation
    assert citation in text_of(html).replace("&amp;", "&")
    assert "Map data: Natural Earth via world-atlas" in html


def test_without_a_date_the_map_is_today_s(client):
    html, parser = get_map(client, None)
    today = timezone.localdate()
    assert f"on {today.day} {today:%B %Y}" in text_of(html)
    drawn = {item["data-iso3"] for item in own_items(parser, "state-party")}
    assert drawn == expected_drawn(today, "state-party")


@pytest.mark.parametrize(
    "value",
    ["1999-02-30", "yesterday", "1999-3-1", "19990301", "1997-12-02", "1900-01-01", "9999-12-31", "tomorrow"],
)
def test_a_bad_date_is_a_400_naming_the_parameter(client, value):
    if value == "tomorrow":
        value = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.get("/map/", {"on": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<code>on</code>" in html and "YYYY-MM-DD" in html
    assert "<svg" not in html


def test_the_first_day_and_today_are_allowed(client):
    get_map(client, "1997-12-03")
    get_map(client, timezone.localdate().isoformat())


def test_the_map_is_computed_in_a_few_queries_then_kept(client, django_assert_max_num_queries):
    # The treaty, its actions, the states, every country (for other areas and states not yet
    # independent): one treaty_parties answer.
    with django_assert_max_num_queries(4):
        render_map_body(D(2005, 6, 1))
    get_map(client, "2005-06-01")
    # The second time the map comes from the cache: no treaty action is read again.
    with CaptureQueriesContext(connection) as queries:
        get_map(client, "2005-06-01")
    assert not [q["sql"] for q in queries if "treatyaction" in q["sql"]]


def test_a_new_treaty_action_shows_at_once(client, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    _, before = get_map(client, today.isoformat())
    assert status_of(before, "PRK") == {"non-signatory"}
    source = Source(kind=SourceKind.UN_DOCUMENT, title="Test depositary notification of accession")
    with django_capture_on_commit_callbacks(execute=True):  # committed, as a request's change is
        record_treaty_action(
            country=Country.objects.get(iso3="PRK"),
            treaty=get_treaty("mbt"),
            kind="accession",
            date=today - datetime.timedelta(days=400),
            source=source,
        )
    _, after = get_map(client, today.isoformat())
    assert status_of(after, "PRK") == {"state-party"}


def test_an_edited_country_name_shows_at_once(client, django_capture_on_commit_callbacks):
    html, _ = get_map(client, "2010-01-01")
    assert "<title>Albania: State Party" in html
    albania = Country.objects.get(iso3="ALB")
    albania.name = "Republic of Albania"
    with django_capture_on_commit_callbacks(execute=True):
        albania.save()
    html, _ = get_map(client, "2010-01-01")
    assert "<title>Republic of Albania: State Party" in html

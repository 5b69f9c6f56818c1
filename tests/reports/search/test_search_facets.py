"""The search's facets, one class each behind one interface: the search, the search page's form and
the API all take them from `FACETS`."""

import re

import pytest

from landmine_monitor.database.countries.models import Region
from landmine_monitor.reports.document import SectionKind
from landmine_monitor.reports.search.facets import FACETS, STATUS_LABELS, StatusFacet
from landmine_monitor.reports.search.selectors import Filters, search
from landmine_monitor.site.search.forms import SearchForm

pytestmark = pytest.mark.django_db

NAMES = ["edition", "region", "status", "kind"]


def test_every_facet_is_a_form_field_an_api_parameter_and_a_facet_of_the_answer(client):
    assert [facet.name for facet in FACETS] == NAMES
    assert list(SearchForm().fields) == ["q", *NAMES, "page"]
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/search"]["get"]
    assert [p["name"] for p in operation["parameters"]] == ["q", *NAMES, "page"]
    assert [facet.name for facet in search("POMZ").facets] == NAMES
    assert list(client.get("/api/v1/search?q=POMZ").json()["facets"]) == NAMES


def test_each_facet_checks_its_own_values_on_the_search_page():
    form = SearchForm({"q": "mines", "edition": "1999", "region": "africa", "status": "signatories"})
    assert form.is_valid(), form.errors
    assert form.filters().chosen() == {"edition": "1999", "region": "africa", "status": "signatories"}
    bad = SearchForm({"q": "mines", "edition": "1990", "status": "friends", "kind": "poetry"})
    assert not bad.is_valid()
    assert bad.problems() == [
        "Edition: Ensure this value is greater than or equal to 1999.",
        "Treaty status: There is no treaty status “friends”. Choose one of: "
        "states-parties, signatories, non-signatories, other-areas.",
        f"Section: There is no section kind “poetry”. Choose one of: {', '.join(SectionKind)}.",
    ]


def test_filters_know_only_the_facets_and_keep_their_order():
    chosen = Filters(kind="production", region=Region.AFRICA, edition=1999, status="")
    assert chosen.chosen() == {"edition": "1999", "region": "africa", "kind": "production"}
    assert list(chosen.chosen()) == ["edition", "region", "kind"]
    assert chosen == Filters(edition="1999", region="africa", kind="production")
    assert Filters().chosen() == {}
    with pytest.raises(TypeError, match="colour"):
        Filters(colour="red")


def test_the_status_facet_keeps_the_book_s_groups_and_says_what_it_counts(client):
    assert StatusFacet().choices() == STATUS_LABELS
    assert STATUS_LABELS["states-parties"] == "States Parties"
    html = client.get("/search/?q=POMZ").content.decode()
    sections = re.findall(r'<section class="facet" aria-labelledby="facet-(\w+)">(.*?)</section>', html, re.S)
    said = "Mine Ban Treaty status on the edition’s reporting date"
    notes = {name: said in body for name, body in sections}
    assert notes == {"edition": False, "region": False, "status": True, "kind": False}

"""GET /api/v1/search: the search page's answer as JSON, described in the OpenAPI document."""

import pytest

pytestmark = pytest.mark.django_db


def get(client, query: str, status: int = 200) -> dict:
    response = client.get(f"/api/v1/search?{query}")
    assert response.status_code == status, response.content
    return response.json()


def test_a_search_answers_with_results_facets_and_the_query_understood(client):
    body = get(client, "q=POMZ")
    assert body["query"] == {"q": "POMZ", "words": ["POMZ"], "countries": [], "filters": {}}
    assert (body["total"], body["reports"], body["page"], body["pages"], body["per_page"]) == (1, 1, 1, 1, 20)
    [hit] = body["results"]
    assert hit["country"] == {"slug": "north-korea", "name": "North Korea", "iso2": "KP", "iso3": "PRK"}
    assert (hit["edition"], hit["sample"], hit["passage"], hit["footnote"]) == (1999, True, "text", None)
    assert hit["report_url"] == "http://testserver/reports/1999/north-korea/"
    assert hit["url"] == "http://testserver/reports/1999/north-korea/#p-2-1"
    assert hit["section_kinds"] == ["production"]
    assert [hit["text"][a:b] for a, b in hit["highlights"]] == ["POMZ"] * 3  # POMZ-2, POMZ-2M twice
    assert "<mark>POMZ</mark>" in hit["snippet_html"]
    assert body["facets"]["edition"] == [{"value": "1999", "label": "1999", "count": 1, "selected": False}]
    assert body["facets"]["status"] == [
        {"value": "non-signatories", "label": "Non-signatories", "count": 1, "selected": False}
    ]
    assert set(body["facets"]) == {"edition", "region", "status", "kind"}


def test_footnotes_come_with_their_number_and_filters_with_the_facets(client):
    body = get(
        client, "q=North+Korea&kind=production&status=non-signatories&region=asia-pacific&edition=1999"
    )
    assert body["query"]["countries"][0]["slug"] == "north-korea"
    assert body["query"]["filters"] == {
        "edition": "1999",
        "region": "asia-pacific",
        "status": "non-signatories",
        "kind": "production",
    }
    notes = [h for h in body["results"] if h["passage"] == "footnote"]
    assert [n["footnote"] for n in notes] == [6, 7, 8]  # the notes cited in the Production section
    assert notes[0]["url"].endswith("/reports/1999/north-korea/#fn-6")
    kinds = {v["value"]: v for v in body["facets"]["kind"]}
    assert kinds["production"]["selected"] and kinds["production"]["count"] == 4


def test_bad_parameters_are_refused_naming_them(client):
    assert "parameter 'q'" in get(client, "q=", 422)["detail"]
    assert "parameter 'q'" in get(client, "q=%21%21", 422)["detail"]  # no word in it
    detail = get(client, "q=mines&region=atlantis&status=friends&kind=poetry&edition=recent&page=0", 422)[
        "detail"
    ]
    for name in ("region", "status", "kind", "edition", "page"):
        assert f"parameter '{name}'" in detail


def test_the_search_is_in_the_openapi_document(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/search"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {
        "q",
        "edition",
        "region",
        "status",
        "kind",
        "page",
    }
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/SearchOut"
    )
    components = schema["components"]["schemas"]
    assert set(components["SearchHitOut"]["properties"]) >= {
        "url",
        "anchor",
        "passage",
        "footnote",
        "highlights",
    }
    assert components["StatusGroup"]["enum"] == [
        "states-parties",
        "signatories",
        "non-signatories",
        "other-areas",
    ]

"""Where a state stood on a date, through the API, as a campaigner or diplomat would ask."""

import pytest

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def standing(body, treaty):
    return next(t for t in body["treaties"] if t["treaty"]["slug"] == treaty)


@pytest.mark.parametrize("code", ["PRK", "KP", "north-korea", "North%20Korea", "DPRK"])
def test_dprk_asked_any_way_is_a_non_signatory_on_31_march_1999(client, code):
    body = get(client, f"/api/v1/countries/{code}/treaties?on=1999-03-31")
    assert body["country"]["iso3"] == "PRK"
    assert body["on"] == "1999-03-31"
    mbt = standing(body, "mbt")
    assert mbt["status"] == "non-signatory"
    assert mbt["signed"] is None and mbt["consented"] is None
    assert standing(body, "ccw")["status"] == "non-signatory"
    # Even an absence rests on a source: the depositary record.
    assert any("Treaty Collection" in s["organisation"] for s in mbt["sources"])


def test_alias_search_finds_the_dprk(client):
    body = get(client, "/api/v1/countries?q=North%20Korea")
    assert [c["iso3"] for c in body["results"]] == ["PRK"]
    assert get(client, "/api/v1/countries?q=Burma")["results"][0]["iso3"] == "MMR"


def test_albania_ratified_then_state_party(client):
    ratified = standing(get(client, "/api/v1/countries/ALB/treaties?on=2000-03-01"), "mbt")
    assert ratified["status"] == "ratified"
    assert ratified["signed"] == "1998-09-08"
    assert ratified["consented"] == {"date": "2000-02-29", "kind": "ratification"}
    assert ratified["in_force"] == "2000-08-01"
    assert (
        standing(get(client, "/api/v1/countries/ALB/treaties?on=2000-08-01"), "mbt")["status"]
        == "state-party"
    )
    # Each action names its source, and the source is listed.
    ids = {s["id"] for s in ratified["sources"]}
    assert all(a["source_id"] in ids for a in ratified["actions"])


def test_45_states_parties_on_entry_into_force(client):
    body = get(client, "/api/v1/treaties/mbt/parties?on=1999-03-01")
    assert body["counts"]["state-party"] == 45
    assert sum(body["counts"].values()) == len(body["states"])
    listed = get(client, "/api/v1/countries?treaty=mbt&status=state-party&on=1999-03-01")
    assert listed["count"] == 45
    assert {c["iso3"] for c in listed["results"]} == {
        s["country"]["iso3"] for s in body["states"] if s["status"] == "state-party"
    }


def test_71_instruments_deposited_by_31_march_1999(client):
    assert get(client, "/api/v1/treaties/mbt/parties?on=1999-03-31")["instruments_deposited"] == 71


def test_region_filter(client):
    body = get(client, "/api/v1/countries?region=asia-pacific")
    assert body["count"] > 30
    assert {c["region"]["slug"] for c in body["results"]} == {"asia-pacific"}
    assert "PRK" in {c["iso3"] for c in body["results"]}


def test_country_detail_lists_its_names(client):
    body = get(client, "/api/v1/countries/MMR")
    names = {n["name"] for n in body["names"]}
    assert {"Burma", "Myanmar"} <= names | {body["name"]}


def test_unknown_country_is_404_naming_it(client):
    body = get(client, "/api/v1/countries/Narnia/treaties", status=404)
    assert "Narnia" in body["detail"]
    assert "Narnia" in get(client, "/api/v1/countries/Narnia", status=404)["detail"]


def test_malformed_date_is_422_naming_the_parameter(client):
    body = get(client, "/api/v1/countries/PRK/treaties?on=1999-31-03", status=422)
    assert "'on'" in body["detail"]
    body = get(client, "/api/v1/treaties/mbt/parties?on=yesterday", status=422)
    assert "'on'" in body["detail"]


def test_unknown_treaty_and_status_are_refused(client):
    assert "ottawa" in get(client, "/api/v1/treaties/ottawa/parties", status=404)["detail"]
    get(client, "/api/v1/countries?treaty=mbt&status=friendly", status=422)


def test_openapi_document_describes_the_endpoints(client):
    spec = get(client, "/api/v1/openapi.json")
    paths = spec["paths"]
    for path in (
        "/api/v1/countries",
        "/api/v1/countries/{code}",
        "/api/v1/countries/{code}/treaties",
        "/api/v1/countries/{code}/votes",
        "/api/v1/treaties/{slug}/parties",
        "/api/v1/unga/resolutions",
    ):
        assert path in paths, sorted(paths)

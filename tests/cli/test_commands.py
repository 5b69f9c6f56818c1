"""The terminal commands, answering from the same code as the API."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_status_json_is_the_api_answer(client):
    printed = json.loads(run("status", "North", "Korea", "--on", "1999-03-31", "--json"))
    api = client.get("/api/v1/countries/PRK/treaties?on=1999-03-31").json()
    assert printed == api
    assert printed["treaties"][0]["status"] == "non-signatory"


def test_status_for_people_shows_treaties_and_votes():
    text = run("status", "DPRK", "--on", "1999-03-31")
    assert "North Korea" in text and "non-signatory" in text
    lines = {line.split("│")[1].strip(): line for line in text.splitlines() if line.count("│") >= 3}
    assert "abstain" in lines["51/45 S"]
    assert "absent" in lines["52/38 A"] and "absent" in lines["53/77 N"]
    assert "Source" in text


def test_parties_json_is_the_api_answer(client):
    printed = json.loads(run("parties", "mbt", "--on", "1999-03-01", "--json"))
    assert printed == client.get("/api/v1/treaties/mbt/parties?on=1999-03-01").json()
    assert printed["counts"]["state-party"] == 45


def test_parties_for_people():
    text = run("parties", "mbt", "--on", "1999-03-31")
    assert "45 state-party" in text and "71 instruments" in text


def test_votes_json_is_the_api_answer(client):
    printed = json.loads(run("votes", "PRK", "--json"))
    assert printed == client.get("/api/v1/countries/PRK/votes").json()
    resolution = json.loads(run("votes", "--resolution", "51/45 S", "--json"))
    assert resolution["resolution"]["gap"]


def test_unknown_country_and_bad_date_are_clear_errors():
    with pytest.raises(CommandError, match="Narnia"):
        run("status", "Narnia")
    with pytest.raises(CommandError, match="--on"):
        run("status", "PRK", "--on", "31/03/1999")
    with pytest.raises(CommandError, match="ottawa"):
        run("parties", "ottawa")


def test_a_withdrawal_recorded_through_the_cli_takes_effect_six_months_later(client):
    out = run(
        "record_action",
        "Lithuania",
        "--treaty",
        "mbt",
        "--kind",
        "withdrawal",
        "--date",
        "2025-06-27",
        "--source-title",
        "Depositary notification of withdrawal, Lithuania",
        "--source-date",
        "2025-06-27",
        "--locator",
        "depositary notification",
    )
    assert "27 Dec 2025" in out

    def mbt_status(on):
        body = client.get(f"/api/v1/countries/LTU/treaties?on={on}").json()
        return next(t for t in body["treaties"] if t["treaty"]["slug"] == "mbt")

    assert mbt_status("2025-12-26")["status"] == "state-party"
    after = mbt_status("2025-12-27")
    assert after["status"] == "withdrawn"
    assert after["withdrawn"] == {"notified": "2025-06-27", "effective": "2025-12-27"}
    assert any(s["title"] == "Depositary notification of withdrawal, Lithuania" for s in after["sources"])
    parties = client.get("/api/v1/treaties/mbt/parties?on=2026-01-01").json()
    assert parties["counts"]["withdrawn"] == 1


def test_a_later_accession_is_recorded_with_its_source_and_counts(client):
    before = client.get("/api/v1/treaties/mbt/parties?on=2019-01-01").json()["counts"]["state-party"]
    run(
        "record_action",
        "Palestine",
        "--treaty",
        "mbt",
        "--kind",
        "accession",
        "--date",
        "2017-12-29",
        "--source-title",
        "Depositary notification, State of Palestine: accession",
    )
    after = client.get("/api/v1/treaties/mbt/parties?on=2019-01-01").json()["counts"]["state-party"]
    assert after == before + 1
    body = client.get("/api/v1/countries/PSE/treaties?on=2018-06-01").json()
    mbt = next(t for t in body["treaties"] if t["treaty"]["slug"] == "mbt")
    assert mbt["in_force"] == "2018-06-01" and mbt["status"] == "state-party"


@pytest.mark.parametrize(
    "args, message",
    [
        (["North Korea", "--kind", "signature", "--date", "2005-01-01"], "closed for signature"),
        (["North Korea", "--kind", "withdrawal", "--date", "2005-01-01"], "cannot withdraw"),
        (["Albania", "--kind", "ratification", "--date", "2005-01-01"], "already consented"),
        (["Kosovo", "--kind", "accession", "--date", "2005-01-01"], "not a state"),
        (["Albania", "--kind", "accession", "--date", "1990-01-01"], "adopted on"),
    ],
)
def test_actions_the_rules_forbid_are_refused_and_nothing_is_written(args, message):
    from landmine_monitor.database.sources.models import Source
    from landmine_monitor.database.treaties.models import TreatyAction

    counts = TreatyAction.objects.count(), Source.objects.count()
    with pytest.raises(CommandError, match=message):
        run("record_action", *args, "--treaty", "mbt", "--source-title", "A document")
    assert (TreatyAction.objects.count(), Source.objects.count()) == counts


def test_an_action_without_a_source_is_refused():
    with pytest.raises(CommandError, match="source"):
        run("record_action", "Palestine", "--treaty", "mbt", "--kind", "accession", "--date", "2017-12-29")


def test_an_action_recorded_at_the_terminal_is_in_the_audit_log():
    from wagtail.models import ModelLogEntry

    from landmine_monitor.database.treaties.models import TreatyAction

    run(
        "record_action",
        "Sri Lanka",
        "--treaty",
        "mbt",
        "--kind",
        "accession",
        "--date",
        "2017-12-13",
        "--source-title",
        "Depositary notification, Sri Lanka: accession",
    )
    action = TreatyAction.objects.get(country__slug="sri-lanka", treaty__slug="mbt", kind="accession")
    entry = ModelLogEntry.objects.get(object_id=str(action.pk), action="wagtail.create")
    assert entry.content_type.model == "treatyaction"

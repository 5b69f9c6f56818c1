"""What an editor saves in the admin goes through the same services as the command line: the
treaty's rules, the audit log, the treaty's entry into force kept in step, a fact's references."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from landmine_monitor.database.countries.selectors import resolve_country
from landmine_monitor.database.facts.models import Fact, Indicator
from landmine_monitor.database.sources.models import Source
from landmine_monitor.database.treaties.models import Treaty, TreatyAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    return Source.objects.create(kind="document", title="Depositary notification of an accession")


def _add_action(admin_client, treaty, country, source, when):
    url = reverse("wagtailsnippets_treaties_treatyaction:add")
    return admin_client.post(
        url,
        {
            "country": country.pk,
            "treaty": treaty.pk,
            "kind": "accession",
            "date": when.isoformat(),
            "effective_on": "",
            "source": source.pk,
            "locator": "C.N.1.2026",
            "note": "",
        },
    )


def test_an_accession_added_in_the_admin_is_checked_logged_and_moves_the_treaty_forward(admin_client, source):
    treaty = Treaty.objects.get(slug="mbt")
    recorded = treaty.entry_into_force_on
    treaty.entry_into_force_on = None  # as for a treaty whose own date is not recorded yet
    treaty.save(update_fields=["entry_into_force_on"])
    usa = resolve_country("USA")

    response = _add_action(admin_client, treaty, usa, source, datetime.date(2026, 1, 15))
    assert response.status_code == 302, response.content.decode()[:2000]
    action = TreatyAction.objects.get(country=usa, treaty=treaty)
    treaty.refresh_from_db()
    assert treaty.entry_into_force_on == recorded  # computed from the deposits, as the CLI does
    assert ModelLogEntry.objects.filter(object_id=str(action.pk), action="wagtail.create").count() == 1

    # A second accession by the same state breaks the treaty's rules: refused, nothing written.
    response = _add_action(admin_client, treaty, usa, source, datetime.date(2026, 2, 1))
    assert response.status_code == 200
    assert TreatyAction.objects.filter(country=usa, treaty=treaty).count() == 1


def test_deleting_a_consent_in_the_admin_keeps_the_treaty_in_step(admin_client, source):
    treaty = Treaty.objects.get(slug="mbt")
    treaty.entry_into_force_on = None
    treaty.save(update_fields=["entry_into_force_on"])
    usa = resolve_country("USA")
    _add_action(admin_client, treaty, usa, source, datetime.date(2026, 1, 15))
    action = TreatyAction.objects.get(country=usa, treaty=treaty)
    treaty.refresh_from_db()
    computed = treaty.entry_into_force_on

    url = reverse("wagtailsnippets_treaties_treatyaction:delete", args=[action.pk])
    assert admin_client.post(url).status_code == 302
    assert not TreatyAction.objects.filter(pk=action.pk).exists()
    treaty.refresh_from_db()
    assert treaty.entry_into_force_on == computed  # recomputed from the deposits left: the 40th is unchanged
    assert ModelLogEntry.objects.filter(object_id=str(action.pk), action="wagtail.delete").exists()


def test_a_fact_saved_in_the_admin_without_a_reference_is_refused(admin_client, source):
    url = reverse("wagtailsnippets_facts_fact:add")
    fields = {
        "country": resolve_country("PRK").pk,
        "indicator": Indicator.objects.get(slug="stockpile-size").pk,
        "value_status": "value",
        "quantity": "100",
        "rank": "normal",
        "references-TOTAL_FORMS": "0",
        "references-INITIAL_FORMS": "0",
        "references-MIN_NUM_FORMS": "1",
        "references-MAX_NUM_FORMS": "1000",
    }
    response = admin_client.post(url, fields)
    assert response.status_code == 200 and not Fact.objects.exists()

    fields |= {
        "references-TOTAL_FORMS": "1",
        "references-0-source": source.pk,
        "references-0-locator": "p. 4",
        "references-0-footnote_number": "",
        "references-0-quote": "",
        "references-0-ORDER": "1",
        "references-0-DELETE": "",
        "references-0-id": "",
    }
    response = admin_client.post(url, fields)
    assert response.status_code == 302, response.content.decode()[:3000]
    fact = Fact.objects.get()
    assert fact.references.get().source == source
    assert fact.revisions.count() == 1
    assert ModelLogEntry.objects.filter(object_id=str(fact.pk), action="wagtail.create").count() == 1

"""The words for a treaty status, in one place, and every place that shows a status using them:
the map's legend and table, the book's groups, the API."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils.text import slugify

from landmine_monitor.database.countries.models import CountryKind
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.treaties.selectors import get_treaty, treaty_parties, where_states_stand
from landmine_monitor.database.treaties.vocabulary import (
    BOOK_GROUP_LABELS,
    SHOWN_ORDER,
    STATUS_WORDS,
    BookGroup,
    Status,
)
from landmine_monitor.reports.selectors import book_order
from landmine_monitor.site.maps.world import world_map

pytestmark = pytest.mark.django_db

D = datetime.date


def test_every_status_has_its_words_and_a_book_group():
    assert set(STATUS_WORDS) == set(Status)
    for status in Status:
        assert status.label and status.plural, status
        assert status.book_group in BookGroup
        assert status.counted(1) == status.label
        assert status.counted(0) == status.counted(2) == status.plural
    assert sorted(SHOWN_ORDER) == sorted(Status) and len(SHOWN_ORDER) == len(Status)


def test_the_monitor_s_words():
    assert (Status.STATE_PARTY.label, Status.STATE_PARTY.plural) == ("State Party", "States Parties")
    assert (Status.SIGNATORY.label, Status.SIGNATORY.plural) == ("Signatory", "Signatories")
    assert (Status.NON_SIGNATORY.label, Status.NON_SIGNATORY.plural) == ("Non-signatory", "Non-signatories")
    # The book prints a state that has ratified among the States Parties, one that has withdrawn
    # among the non-signatories.
    assert Status.RATIFIED.book_group == Status.STATE_PARTY.book_group == BookGroup.STATES_PARTIES
    assert Status.WITHDRAWN.book_group == Status.NON_SIGNATORY.book_group == BookGroup.NON_SIGNATORIES


def test_the_book_groups_are_in_the_book_s_order_with_the_search_facet_s_slugs():
    book = ["States Parties", "Signatories", "Non-signatories", "Other areas"]
    assert list(BOOK_GROUP_LABELS.values()) == book
    assert list(BOOK_GROUP_LABELS) == [group.value for group in BookGroup]
    for slug, label in BOOK_GROUP_LABELS.items():
        assert slugify(label) == slug
    # A group of states is headed by the plural of its status.
    assert BookGroup.STATES_PARTIES.label == Status.STATE_PARTY.plural
    assert BookGroup.SIGNATORIES.label == Status.SIGNATORY.plural
    assert BookGroup.NON_SIGNATORIES.label == Status.NON_SIGNATORY.plural


def test_the_map_legend_and_table_use_the_words(client):
    on = D(2000, 3, 1)
    drawn = world_map(on)
    statuses = [item for item in drawn.legend if item.count is not None]
    assert [item.status for item in statuses] == [status.value for status in SHOWN_ORDER]
    for item in statuses:
        assert item.label == Status(item.status).counted(item.count)
    for row in drawn.rows:
        assert row.status.startswith(row.standing.status.label)

    html = client.get("/map/", {"on": on.isoformat()}).content.decode()
    for item in statuses:
        assert re.search(rf'class="legend-{item.status}">.*?{re.escape(item.label)}</li>', html, re.S), item


def test_the_book_groups_are_the_statuses_groups():
    edition = Edition.objects.get(year=1999)
    seen = set()
    for region in book_order(edition, only_reports=False):
        for group in region.groups:
            assert group.label == BOOK_GROUP_LABELS[group.group.value]
            for entry in group.entries:
                if entry.country.kind == CountryKind.OTHER_AREA:
                    assert group.label == BookGroup.OTHER_AREAS.label
                else:
                    assert group.label == entry.status.book_group.label, entry
                    seen.add(entry.status)
    # On 31 March 1999 some states had ratified but were not yet bound.
    assert {Status.STATE_PARTY, Status.RATIFIED, Status.SIGNATORY, Status.NON_SIGNATORY} <= seen


def test_the_api_labels_are_the_words(client):
    body = client.get("/api/v1/countries/ALB/treaties?on=2000-03-01").json()
    for standing in body["treaties"]:
        assert standing["status_label"] == Status(standing["status"]).label
    mbt = next(s for s in body["treaties"] if s["treaty"]["slug"] == "mbt")
    assert mbt["status_label"] == "Ratified, not yet in force"
    counts = client.get("/api/v1/treaties/mbt/parties?on=2000-03-01").json()["counts"]
    assert set(counts) == {status.value for status in Status}


def test_where_states_stand_counts_every_treaty_in_the_shown_order():
    on = D(2000, 3, 1)
    figures = where_states_stand(on)
    assert figures.statuses == SHOWN_ORDER
    assert [p.treaty.slug for p in figures.treaties][0] == "mbt"
    assert figures.record == get_treaty("mbt").record_source
    for parties in figures.treaties:
        expected = treaty_parties(parties.treaty, on).counts
        assert parties.shown_counts == [(status, expected[status.value]) for status in SHOWN_ORDER]

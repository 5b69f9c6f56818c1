"""Facts are sourced statements: a value (or an explicit unknown / none), when it holds,
qualifiers, an edition, a rank, and at least one reference."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from landmine_monitor.database.countries.selectors import resolve_country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.facts.models import Fact, Indicator, Rank, ValueStatus
from landmine_monitor.database.facts.services import Reference, record_fact
from landmine_monitor.database.sources.models import Source, SourceKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return Edition.objects.get(year=1999)


@pytest.fixture
def interview():
    return Source(
        kind=SourceKind.INTERVIEW,
        person="A refugee-assistance organisation's director",
        place="Tokyo",
        date=datetime.date(1999, 2, 21),
    )


def fact(indicator: str, **fields) -> Fact:
    return Fact(country=resolve_country("PRK"), indicator=Indicator.objects.get(slug=indicator), **fields)


def test_a_fact_with_its_source_is_served_by_the_api_with_that_source(client, edition, interview):
    record_fact(
        fact(
            "mines-emplaced",
            quantity=Decimal("1000000"),
            is_estimate=True,
            is_approximate=True,
            point_in_time=datetime.date(1999, 3, 1),
            edition=edition,
        ),
        [Reference(interview, locator="interview notes", footnote_number=11)],
    )
    body = client.get("/api/v1/countries/PRK/facts").json()
    [got] = body["facts"]
    assert got["indicator"]["slug"] == "mines-emplaced" and got["indicator"]["unit"] == "mines"
    assert got["value"] == 1000000 and got["display_value"] == "1,000,000 mines"
    assert got["qualifiers"] == ["estimate", "approximate"]
    assert got["edition"] == 1999
    assert got["references"][0]["source"]["place"] == "Tokyo"
    assert got["references"][0]["footnote_number"] == 11


def test_unknown_is_said_explicitly_and_carries_no_value(client, interview):
    record_fact(fact("stockpile-size", value_status=ValueStatus.UNKNOWN), [Reference(interview)])
    [got] = client.get("/api/v1/countries/PRK/facts?indicator=stockpile-size").json()["facts"]
    assert got["value_status"] == "unknown" and got["value"] is None
    with pytest.raises(ValidationError) as error:
        record_fact(
            fact("stockpile-size", value_status=ValueStatus.UNKNOWN, quantity=Decimal(5)),
            [Reference(interview)],
        )
    assert "quantity" in error.value.message_dict


def test_a_fact_without_a_reference_is_refused_and_nothing_is_written(interview):
    with pytest.raises(ValidationError, match="reference"):
        record_fact(fact("stockpile-size", quantity=Decimal(100)), [])
    assert not Fact.objects.exists()


def test_a_value_of_the_wrong_type_is_refused_naming_the_field(interview):
    with pytest.raises(ValidationError) as error:
        record_fact(fact("producer", text="yes"), [Reference(interview)])
    assert set(error.value.message_dict) == {"boolean", "text"}
    with pytest.raises(ValidationError) as error:
        record_fact(fact("stockpile-size"), [Reference(interview)])
    assert "quantity" in error.value.message_dict
    assert not Source.objects.filter(person=interview.person).exists()


def test_a_range_and_a_period(interview):
    recorded = record_fact(
        fact(
            "casualties-total",
            quantity=Decimal(10),
            quantity_upper=Decimal(20),
            period_start=datetime.date(1998, 1, 1),
            period_end=datetime.date(1998, 12, 31),
        ),
        [Reference(interview)],
    )
    assert recorded.display_value == "10–20 people"
    with pytest.raises(ValidationError, match="period"):
        record_fact(
            fact(
                "casualties-total",
                quantity=Decimal(1),
                point_in_time=datetime.date(1998, 1, 1),
                period_start=datetime.date(1998, 1, 1),
            ),
            [Reference(interview)],
        )


def test_a_revised_figure_keeps_its_history_by_rank(client, interview):
    first = record_fact(fact("casualties-total", quantity=Decimal(8605)), [Reference(interview)])
    record_fact(fact("casualties-total", quantity=Decimal(9437), rank=Rank.PREFERRED), [Reference(interview)])
    first.rank = Rank.DEPRECATED
    first.save()
    served = client.get("/api/v1/countries/PRK/facts").json()["facts"]
    assert [f["value"] for f in served] == [9437]
    assert Fact.objects.count() == 2
    assert first.revisions.count() == 1  # the first revision was kept when it was recorded

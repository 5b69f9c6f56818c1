"""Research log entries the network tests share."""

from __future__ import annotations

import datetime

from landmine_monitor.database.countries.models import Country
from landmine_monitor.network.models import Channel, DatePrecision, InterviewMode, RequestState
from landmine_monitor.network.services import record_interview, record_request

INTERMEDIARY = "Central Headquarters of the General Association of Korean Residents in Japan"


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def the_seed_case(network):
    """The seed report's request: sent to the government through an intermediary organisation
    in January 1999 (the day is not known), no answer as of 1 March 1999."""
    return record_request(
        by=network.users["researcher"],
        country=Country.objects.get(iso3="PRK"),
        edition=network.edition,
        addressee_organisation="Government of the Democratic People's Republic of Korea, P'yongyang",
        subject="Landmine policy, production, stockpiles and mined areas.",
        channel=Channel.INTERMEDIARY,
        intermediary=INTERMEDIARY,
        sent_on=day("1999-01-20"),
        sent_on_precision=DatePrecision.MONTH,
        state=RequestState.NO_ANSWER,
        state_as_of=day("1999-03-01"),
    )


def angola_request(network, **fields):
    """A request about a country of another region than the researcher's and the coordinator's."""
    return record_request(
        country=Country.objects.get(iso3="AGO"),
        edition=network.edition,
        addressee_organisation="Ministry of Defence",
        **{"subject": "Stockpiles", "channel": Channel.LETTER, "sent_on": day("1999-02-01"), **fields},
    )


def the_telephone_interview(network, **fields):
    """The seed report's telephone interview with a counsellor of the DPRK's mission in New York."""
    return record_interview(
        by=network.users["researcher"],
        country=Country.objects.get(iso3="PRK"),
        edition=network.edition,
        person="Kim Sam Jong",
        role="Counsellor",
        held_on=day("1999-02-24"),
        mode=InterviewMode.TELEPHONE,
        **{
            "organisation": "Permanent Mission of the DPRK to the United Nations in New York",
            "notes": "The statement of 4 December 1998 stands.",
            **fields,
        },
    )

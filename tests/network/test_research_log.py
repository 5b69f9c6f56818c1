"""Requests for information and interviews: recorded, checked, cited as sources, listed when
overdue, seen only by those who cover the country, and written to the audit log."""

from __future__ import annotations

import pytest
from accounts import account
from django.core.exceptions import ValidationError
from django.urls import reverse
from log_entries import INTERMEDIARY, angola_request, day, the_seed_case, the_telephone_interview
from wagtail.models import ModelLogEntry

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.sources.models import SourceKind
from landmine_monitor.network.models import (
    Channel,
    RequestForInformation,
    RequestState,
)
from landmine_monitor.network.selectors import overdue_requests, requests_for
from landmine_monitor.network.services import (
    add_reminder,
    cite_interview,
    cite_request,
    end_assignment,
    record_request,
    update_request,
)

pytestmark = pytest.mark.django_db


def test_the_seeds_request_is_recorded_and_cited_as_the_report_states_it(network):
    request = the_seed_case(network)
    request.refresh_from_db()
    assert request.sent_on == day("1999-01-01") and request.sent_on_display == "January 1999"
    assert request.researcher == network.users["researcher"]
    assert not request.is_overdue(day("1999-03-01"))  # it is recorded as unanswered, not pending

    source = cite_request(request)
    assert source.kind == SourceKind.LETTER
    assert source.date is None and source.date_text == "January 1999"
    assert INTERMEDIARY in source.title and "Korea" in source.organisation
    assert "No answer as of 1 March 1999." in source.note
    assert "January 1999" in source.citation
    assert cite_request(request) == source  # one source, however often it is cited
    with pytest.raises(ValidationError) as error:
        cite_request(request, reply=True)
    assert "state" in error.value.message_dict


def test_an_answered_request_cites_its_reply(network):
    request = record_request(
        country=Country.objects.get(iso3="MNG"),
        edition=network.edition,
        addressee_person="A. Official",
        addressee_title="Director",
        addressee_organisation="Ministry of Defence",
        subject="Stockpiles",
        channel=Channel.FAX,
        sent_on=day("1999-02-01"),
        response_due=day("1999-02-20"),
    )
    add_reminder(request, day("1999-02-25"), channel=Channel.TELEPHONE)
    update_request(
        request,
        state=RequestState.ANSWERED,
        response_on=day("1999-03-05"),
        response_summary="No stockpile is held.",
    )
    reply = cite_request(request, reply=True)
    assert reply.date == day("1999-03-05") and reply.person == "A. Official, Director"
    assert "No stockpile is held." in reply.note
    assert [r.sent_on for r in request.reminders.all()] == [day("1999-02-25")]


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"channel": Channel.INTERMEDIARY, "intermediary": ""}, "intermediary"),
        ({"response_due": day("1998-12-01")}, "response_due"),
        ({"state": RequestState.ANSWERED}, "response_on"),
        ({"state": RequestState.ANSWERED, "response_on": day("1999-02-01")}, "response_summary"),
        ({"response_on": day("1999-02-01")}, "state"),
    ],
)
def test_a_request_that_does_not_hold_together_is_refused_naming_the_field(network, changes, field):
    fields = {
        "country": Country.objects.get(iso3="PRK"),
        "edition": network.edition,
        "addressee_organisation": "Ministry of Foreign Affairs",
        "subject": "Mine ban policy",
        "channel": Channel.LETTER,
        "sent_on": day("1999-01-10"),
        **changes,
    }
    with pytest.raises(ValidationError) as error:
        record_request(**fields)
    assert field in error.value.message_dict
    assert not RequestForInformation.objects.exists()


def test_a_reminder_cannot_precede_its_request(network):
    request = the_seed_case(network)
    with pytest.raises(ValidationError) as error:
        add_reminder(request, day("1998-12-31"))
    assert "sent_on" in error.value.message_dict


def test_overdue_requests_are_the_pending_ones_past_their_due_date(network):
    prk, mng = Country.objects.get(iso3="PRK"), Country.objects.get(iso3="MNG")
    common = {"edition": network.edition, "subject": "Stockpiles", "channel": Channel.LETTER}

    def request(country, due, state=RequestState.PENDING, **more):
        return record_request(
            country=country,
            addressee_organisation=f"Ministry of Defence of {country.name}",
            sent_on=day("1999-01-05"),
            response_due=day(due),
            state=state,
            **common,
            **more,
        )

    late = request(prk, "1999-02-01")
    later = request(mng, "1999-02-15")
    request(prk, "1999-03-15")  # not yet due
    request(prk, "1999-02-01", RequestState.ANSWERED, response_on=day("1999-02-10"), response_summary="Yes.")
    request(prk, "1999-02-01", RequestState.DECLINED, response_on=day("1999-02-10"))
    on = day("1999-03-01")
    assert list(overdue_requests(on)) == [late, later]
    assert late.is_overdue(on) and not late.is_overdue(day("1999-01-31"))
    assert list(overdue_requests(on, user=network.user("researcher"))) == [late]
    assert list(overdue_requests(on, user=network.user("coordinator"))) == [late, later]
    assert list(overdue_requests(on, user=network.user("reader"))) == []


def test_an_interview_is_cited_as_a_telephone_interview(network):
    interview = the_telephone_interview(
        network, organisation="Permanent Mission of the DPRK to the United Nations, New York"
    )
    source = cite_interview(interview)
    assert source.kind == SourceKind.TELEPHONE_INTERVIEW
    assert source.citation.startswith("Kim Sam Jong, Counsellor, Permanent Mission")
    assert source.citation.endswith("24 February 1999")
    assert cite_interview(interview) == source


def test_every_write_is_in_the_audit_log_with_its_user(network):
    researcher = network.users["researcher"]
    request = the_seed_case(network)
    cite_request(request, by=researcher)
    actions = list(ModelLogEntry.objects.for_instance(request).values_list("action", "user"))
    assert ("wagtail.create", researcher.pk) in actions and ("wagtail.edit", researcher.pk) in actions
    assert ModelLogEntry.objects.for_instance(request.source).filter(action="wagtail.create").exists()

    assignment = researcher.research_assignments.get()
    assert ModelLogEntry.objects.for_instance(assignment).filter(action="wagtail.create").exists()
    editor, pk = network.users["editor"], assignment.pk
    end_assignment(assignment, by=editor)
    ended = ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(pk))
    assert ended.filter(user=editor, label__contains="North Korea").exists()


# In the admin -------------------------------------------------------------------------------


def _post_data(country, edition, **more):
    return {
        "country": country.pk,
        "edition": edition.pk,
        "researcher": "",
        "addressee_person": "",
        "addressee_title": "",
        "addressee_organisation": "Ministry of Foreign Affairs",
        "addressee_kind": "ministry",
        "subject": "Mine ban policy",
        "channel": "letter",
        "intermediary": "",
        "sent_on": "1999-01-12",
        "sent_on_precision": "day",
        "response_due": "1999-02-12",
        "state": "pending",
        "state_as_of": "",
        "response_on": "",
        "response_summary": "",
        "response_document": "",
        "reminders-TOTAL_FORMS": "0",
        "reminders-INITIAL_FORMS": "0",
        "reminders-MIN_NUM_FORMS": "0",
        "reminders-MAX_NUM_FORMS": "1000",
        **more,
    }


def test_a_researcher_records_requests_in_the_admin_only_for_their_countries(client, network):
    researcher = network.users["researcher"]
    client.force_login(researcher)
    add = reverse("wagtailsnippets_network_requestforinformation:add")
    mongolia = Country.objects.get(iso3="MNG")
    response = client.post(add, _post_data(mongolia, network.edition))
    assert response.status_code == 200 and "country" in response.context["form"].errors
    assert not RequestForInformation.objects.exists()
    # North Korea, but in an edition the researcher is not assigned to.
    from landmine_monitor.reports.services import ensure_edition

    other_edition = ensure_edition(2000)
    response = client.post(add, _post_data(Country.objects.get(iso3="PRK"), other_edition))
    assert "not among your assignments" in " ".join(response.context["form"].errors["country"])
    assert not RequestForInformation.objects.exists()

    response = client.post(add, _post_data(Country.objects.get(iso3="PRK"), network.edition))
    assert response.status_code == 302, response.content.decode()[:2000]
    request = RequestForInformation.objects.get()
    assert request.researcher == researcher  # by default, whoever records it
    entry = ModelLogEntry.objects.for_instance(request).get()
    assert (entry.action, entry.user) == ("wagtail.create", researcher)


def test_the_admin_lists_and_opens_only_the_requests_of_covered_countries(client, network, refused):
    own = the_seed_case(network)
    other = angola_request(network, subject="Clearance", channel=Channel.EMAIL, sent_on=day("1999-01-15"))
    listing = reverse("wagtailsnippets_network_requestforinformation:list")

    def edit(request):
        return reverse("wagtailsnippets_network_requestforinformation:edit", args=[request.pk])

    client.force_login(network.users["researcher"])
    listed = client.get(listing).content.decode()
    assert edit(own) in listed and edit(other) not in listed
    assert client.get(edit(own)).status_code == 200
    for view in ("edit", "delete", "history", "inspect"):
        url = reverse(f"wagtailsnippets_network_requestforinformation:{view}", args=[other.pk])
        assert refused(client.get(url)), view
    delete = reverse("wagtailsnippets_network_requestforinformation:delete", args=[other.pk])
    assert refused(client.post(delete))
    assert RequestForInformation.objects.filter(pk=other.pk).exists()
    assert set(requests_for(network.user("editor"))) == {own, other}

    client.force_login(network.users["editor"])
    assert edit(other) in client.get(listing).content.decode()
    update_request(own, state=RequestState.PENDING, response_due=day("1999-02-01"))
    overdue = client.get(listing, {"overdue": "true"}).content.decode()
    assert edit(own) in overdue and edit(other) not in overdue  # no due date: never overdue


def test_a_reply_document_is_seen_only_by_those_covering_the_request(client, network, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from landmine_monitor.network.roles import Role, ensure_network_collection
    from landmine_monitor.network.services import assign_researcher

    settings.MEDIA_ROOT = str(tmp_path)
    reply = get_document_model()(title="Reply of the mission", collection=ensure_network_collection())
    reply.file.save("reply.txt", ContentFile(b"No figures can be given."), save=True)
    request = the_seed_case(network)
    update_request(
        request,
        state=RequestState.ANSWERED,
        response_on=day("1999-03-03"),
        response_summary="No figures.",
        response_document=reply,
    )
    angola = account("angola-researcher", Role.RESEARCHER)
    assign_researcher(angola, Country.objects.get(iso3="AGO"), network.edition)

    url = reply.url
    assert client.get(url).status_code == 302  # signed out: to the sign-in page
    for name, status in [("researcher", 200), ("coordinator", 200), ("editor", 200)]:
        client.force_login(network.users[name])
        assert client.get(url).status_code == status, name
    client.force_login(angola)
    assert client.get(url).status_code == 403

    # Nor listed, found, chosen or opened in the admin by them; by those covering it, yes.
    listing, chooser = reverse("wagtaildocs:index"), reverse("wagtaildocs_chooser:choose")
    edit = reverse("wagtaildocs:edit", args=[reply.pk])
    assert "Reply of the mission" not in client.get(listing, {"q": "Reply"}).content.decode()
    assert "Reply of the mission" not in client.get(chooser).content.decode()
    assert client.get(edit).status_code in (302, 403)
    client.force_login(network.users["researcher"])
    assert "Reply of the mission" in client.get(listing, {"q": "Reply"}).content.decode()
    assert client.get(edit).status_code == 200

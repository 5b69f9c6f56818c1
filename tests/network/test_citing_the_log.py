"""Citing the research log in footnotes: the footnote a record suggests reads back as that
record's Source, in whichever order the footnote and the record come, in a report imported or
edited in the browser; the admin's "Cite in a footnote" view shows it and links the record."""

from __future__ import annotations

import pytest
from django.urls import reverse
from log_entries import INTERMEDIARY, angola_request, day, the_seed_case, the_telephone_interview
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.sources.models import Source, SourceKind
from landmine_monitor.network.citing import footnote_text
from landmine_monitor.network.models import Channel, RequestState
from landmine_monitor.network.services import (
    cite_interview,
    cite_request,
    record_request,
    update_request,
)
from landmine_monitor.reports.document import Footnote, Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.models import CountryReportPage
from landmine_monitor.reports.services import save_report

pytestmark = pytest.mark.django_db


def korea(network):
    return dict(country=Country.objects.get(iso3="PRK"), edition=network.edition)


def answered_request(network):
    request = record_request(
        **korea(network),
        addressee_person="Ri Thae Gun",
        addressee_title="Counsellor",
        addressee_organisation="Permanent Mission of the DPRK to the United Nations in Geneva",
        subject="Stockpiles",
        channel=Channel.FAX,
        sent_on=day("1999-02-01"),
    )
    return update_request(
        request,
        state=RequestState.ANSWERED,
        response_on=day("1999-03-03"),
        response_summary="No figures can be given.",
    )


def report_with_notes(network, notes: list[str]) -> CountryReportPage:
    country = Country.objects.get(iso3="PRK")
    markers = "".join(f"[^{n}]" for n in range(1, len(notes) + 1))
    document = ReportDocument(
        title=country.name,
        country_name=country.name,
        sections=[Section("Mine Ban Policy", [SectionKind.MINE_BAN_POLICY], [Paragraph(f"Text.{markers}")])],
        footnotes=[Footnote(n, text) for n, text in enumerate(notes, start=1)],
    )
    return save_report(document, country=country, edition=network.edition).page


def cited_sources(page: CountryReportPage) -> dict[int, list[Source]]:
    """Each note of the page's latest revision, with the sources its citations point to."""
    content = page.get_latest_revision().content
    ids = {c["source"] for note in content["footnotes"] for c in note["citations"]}
    sources = Source.objects.in_bulk(ids)
    return {
        note["number"]: [sources[c["source"]] for c in note["citations"]] for note in content["footnotes"]
    }


def test_the_suggested_footnotes_read_as_the_monitor_writes_them(network):
    assert footnote_text(the_seed_case(network)) == (
        "Request for information from Landmine Monitor to the Government of the Democratic People's "
        f"Republic of Korea, P'yongyang, sent through the {INTERMEDIARY}, January 1999."
    )
    assert footnote_text(the_telephone_interview(network)) == (
        "Landmine Monitor telephone interview with Kim Sam Jong, Counsellor, Permanent Mission of the DPRK "
        "to the United Nations in New York, 24 February 1999."
    )
    assert footnote_text(answered_request(network), reply=True) == (
        "Reply from Ri Thae Gun, Counsellor, Permanent Mission of the DPRK to the United Nations in Geneva, "
        "to a Landmine Monitor request for information, 3 March 1999."
    )


def test_a_report_citing_the_log_as_suggested_is_linked_to_the_records_sources(network):
    request, interview, answered = (
        the_seed_case(network),
        the_telephone_interview(network),
        answered_request(network),
    )
    sources = [cite_request(request), cite_interview(interview), cite_request(answered, reply=True)]
    before = Source.objects.count()
    page = report_with_notes(
        network,
        [
            footnote_text(interview),
            # With other sources in one note, and a locator.
            f"Kyodo News, Tokyo, 3 March 1999; {footnote_text(request)[:-1]}, p. 2.",
            "Ibid.",
            footnote_text(answered, reply=True),
        ],
    )
    notes = cited_sources(page)
    assert notes[1] == [sources[1]]
    assert notes[2][1] == sources[0] and notes[2][0].kind == SourceKind.PRESS
    assert notes[3] == notes[2]  # "Ibid." cites what the note before it cites
    assert notes[4] == [sources[2]]
    assert Source.objects.count() == before + 1  # only the press agency is new


def test_a_record_logged_after_the_report_is_linked_to_the_source_its_notes_made(network):
    interview = the_telephone_interview(network)
    page = report_with_notes(network, [footnote_text(interview)])
    [made] = cited_sources(page)[1]
    before = Source.objects.count()
    assert cite_interview(interview, by=network.users["researcher"]) == made
    assert Source.objects.count() == before
    interview.refresh_from_db()
    assert interview.source == made
    entry = ModelLogEntry.objects.for_instance(interview).filter(action="wagtail.edit").get()
    assert entry.data["cited_as"] == made.pk and entry.user == network.users["researcher"]


def test_a_record_corrected_after_citing_is_linked_anew_and_old_notes_keep_theirs(network):
    interview = the_telephone_interview(network)
    first = cite_interview(interview)
    interview.held_on = day("1999-02-25")
    interview.save()
    second = cite_interview(interview)
    assert second != first and second.date == day("1999-02-25")
    assert Source.objects.filter(pk=first.pk).exists()


def test_a_source_linked_before_fingerprints_takes_its_fingerprint(network):
    interview = the_telephone_interview(network)
    old = Source.objects.create(kind=SourceKind.TELEPHONE_INTERVIEW, person="Kim Sam Jong")
    interview.source = old
    interview.save()
    assert cite_interview(interview) == old
    old.refresh_from_db()
    page = report_with_notes(network, [footnote_text(interview)])
    assert cited_sources(page)[1] == [old]


def _edit_form_data(page: CountryReportPage, notes: list[dict]) -> dict:
    paragraphs = {
        "count": 1,
        "0": {"type": "item", "value": "A paragraph.[^1]", "deleted": "", "order": "0", "id": ""},
    }
    section = {
        "heading": "Mine Ban Policy",
        "kinds": [SectionKind.MINE_BAN_POLICY.value],
        "paragraphs": paragraphs,
        "inferred": "",
    }
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "country": page.country_id,
            "edition": page.edition_id,
            "key_developments": "",
            "summary_table": "[]",
            "sections": streamfield([("section", section)]),
            "footnotes": inline_formset(notes, initial=page.footnotes.count()),
            "comments": inline_formset([]),
        }
    )


def test_a_footnote_written_in_the_browser_editor_cites_the_logs_source(network, client):
    interview = the_telephone_interview(network)
    source = cite_interview(interview)
    page = network.reports["PRK"]
    client.force_login(network.users["researcher"])
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    notes = [{"number": 1, "ibid_of": "", "text": footnote_text(interview)}, {"number": 2, "text": "Ibid."}]

    # The live preview builds the page from the form as it is typed: it creates no source.
    before = Source.objects.count()
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    half_typed = [{"number": 1, "ibid_of": "", "text": "Kyodo News, Tokyo, 3 Ma"}]
    assert client.post(preview, _edit_form_data(page, half_typed)).json()["is_valid"]
    assert client.get(preview).status_code == 200
    assert Source.objects.count() == before

    response = client.post(edit, _edit_form_data(page, notes))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = CountryReportPage.objects.get(pk=page.pk)
    assert cited_sources(page) == {1: [source], 2: [source]}
    assert page.get_latest_revision().content["footnotes"][1]["ibid_of"] == 1


def test_the_cite_view_shows_the_footnote_and_links_the_record(network, client, refused):
    request = the_seed_case(network)
    report_with_notes(network, [footnote_text(request)])
    client.force_login(network.users["researcher"])
    cite = reverse("wagtailsnippets_network_requestforinformation:cite", args=[request.pk])
    listing = client.get(reverse("wagtailsnippets_network_requestforinformation:list")).content.decode()
    assert cite in listing
    edit = client.get(reverse("wagtailsnippets_network_requestforinformation:edit", args=[request.pk]))
    assert cite in edit.content.decode()

    html = client.get(cite).content.decode()
    assert "sent through the Central Headquarters" in html and "January 1999." in html
    assert "the record is not linked to it yet" in html
    assert "North Korea (1999)</a>, note 1" in html

    response = client.post(cite, {"reply": "0"}, follow=True)
    assert "Linked to the source" in response.content.decode()
    request.refresh_from_db()
    assert request.source is not None and request.source.fingerprint

    # A reply is offered only once there is one.
    assert "The reply" not in response.content.decode()
    answered = answered_request(network)
    cite_answered = reverse("wagtailsnippets_network_requestforinformation:cite", args=[answered.pk])
    html = client.get(cite_answered).content.decode()
    assert "The reply" in html and "to a Landmine Monitor request for information, 3 March 1999." in html
    client.post(cite_answered, {"reply": "1"})
    answered.refresh_from_db()
    assert answered.reply_source is not None and answered.source is None
    # Another researcher's record is refused.
    client.force_login(network.users["coordinator"])
    assert client.get(cite).status_code == 200  # the coordinator covers the region
    angola = angola_request(network)
    other = reverse("wagtailsnippets_network_requestforinformation:cite", args=[angola.pk])
    assert refused(client.get(other))
    assert refused(client.post(other, {"reply": "0"}))
    angola.refresh_from_db()
    assert angola.source is None


def test_the_log_and_drafts_sources_are_not_public_until_a_published_report_cites_them(network, client):
    from landmine_monitor.database.treaties.models import TreatyAction
    from landmine_monitor.network.tokens import create_token

    interview = the_telephone_interview(network)
    source = cite_interview(interview)
    url = f"/api/v1/sources/{source.pk}"
    assert client.get(url).status_code == 404  # as if it did not exist

    # A draft citing it changes nothing; the network sees it with a token.
    mongolia = Country.objects.get(iso3="MNG")
    draft = ReportDocument(
        title=mongolia.name,
        country_name=mongolia.name,
        sections=[Section("Use", [SectionKind.USE], [Paragraph("Text.[^1]")])],
        footnotes=[Footnote(1, footnote_text(interview))],
    )
    save_report(draft, country=mongolia, edition=network.edition)
    assert client.get(url).status_code == 404
    _, secret = create_token(network.users["researcher"])
    assert client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200

    # Published: public, with the note that cites it.
    save_report(draft, country=mongolia, edition=network.edition, publish=True)
    detail = client.get(url).json()
    assert detail["id"] == source.pk and [n["number"] for n in detail["footnotes"]] == [1]

    # Sources of the reference data are public, whatever cites them.
    action = TreatyAction.objects.select_related("source").first()
    assert client.get(f"/api/v1/sources/{action.source_id}").status_code == 200


def test_the_admin_and_the_api_show_a_researcher_only_the_sources_they_cover(network, client, refused):
    from landmine_monitor.network.tokens import create_token

    own = cite_interview(the_telephone_interview(network))
    angola = Country.objects.get(iso3="AGO")
    secret_note = (
        "Landmine Monitor interview with an Angolan officer who asked not to be named, Luanda, 3 March 1999."
    )
    draft = ReportDocument(
        title=angola.name,
        country_name=angola.name,
        sections=[Section("Use", [SectionKind.USE], [Paragraph("Text.[^1]")])],
        footnotes=[Footnote(1, secret_note)],
    )
    page = save_report(draft, country=angola, edition=network.edition).page
    [others] = cited_sources(page)[1]
    listing = reverse("wagtailsnippets_sources_source:list")

    def found(query: str) -> str:
        return client.get(listing, {"q": query}).content.decode()

    client.force_login(network.users["researcher"])
    assert f'id="snippet_{own.pk}_title"' in found("Kim Sam Jong")
    assert f'id="snippet_{others.pk}_title"' not in found("Angolan officer") + found("")
    client.force_login(network.users["coordinator"])  # Asia-Pacific: may change sources, not Angola's
    assert client.get(reverse("wagtailsnippets_sources_source:edit", args=[own.pk])).status_code == 200
    assert refused(client.get(reverse("wagtailsnippets_sources_source:edit", args=[others.pk])))
    _, secret = create_token(network.users["researcher"])
    assert (
        client.get(f"/api/v1/sources/{others.pk}", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 404
    )

    client.force_login(network.users["editor"])
    assert f'id="snippet_{others.pk}_title"' in found("Angolan officer")

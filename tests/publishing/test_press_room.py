"""The Press Room: live releases newest first, media contacts, an Atom feed, and the embargo of a
release scheduled with Wagtail's go-live date until `publish_scheduled` has run after it."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from landmine_monitor.publishing.models import PressReleasePage, PressRoomPage, PublicationsPage
from landmine_monitor.publishing.services import FIRST_RELEASE_TITLE, ensure_publishing_pages

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def atom_entries(client) -> tuple[ET.Element, list[ET.Element]]:
    response = client.get("/press-room/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    return feed, feed.findall(f"{ATOM}entry")


def schedule_release(press_room: PressRoomPage, go_live_at: datetime.datetime) -> PressReleasePage:
    """A release published by an editor with a go-live date: Wagtail schedules it."""
    release = PressReleasePage(
        title="Embargoed: Landmine Monitor Report released",
        slug="report-released",
        summary="The annual report is released today.",
        body="<p>The report is out.</p>",
        embargo_note="Embargoed until the go-live time.",
        go_live_at=go_live_at,
        live=False,
    )
    press_room.add_child(instance=release)
    revision = release.save_revision()
    revision.publish()
    release.refresh_from_db()
    revision.refresh_from_db()
    assert not release.live and revision.approved_go_live_at == go_live_at
    return release


def test_the_press_room_lists_the_live_release_and_the_media_desk(client, publishing):
    response = client.get("/press-room/")
    assert response.status_code == 200
    html = response.content.decode()
    assert FIRST_RELEASE_TITLE in html
    assert timezone.localdate().strftime("%-d %B %Y") in html
    release = PressReleasePage.objects.get()
    assert f'href="{release.url}"' in html
    assert escape(release.summary) in html
    assert "Media desk" in html and "mailto:media@example.org" in html
    assert 'href="/press-room/feed/"' in html

    page = client.get(release.url)
    assert page.status_code == 200
    assert b"Media desk" in page.content and b"The platform is the software" in page.content


def test_the_feed_is_valid_atom_with_the_live_release(client, publishing):
    feed, entries = atom_entries(client)
    for element in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{element}") is not None, element
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/press-room/feed/"
    assert len(entries) == 1
    entry = entries[0]
    release = PressReleasePage.objects.get()
    assert entry.findtext(f"{ATOM}title") == FIRST_RELEASE_TITLE
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{release.url}"
    assert entry.findtext(f"{ATOM}id") == f"urn:uuid:{release.translation_key}"
    assert entry.findtext(f"{ATOM}summary") == release.summary
    published = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
    assert published.date() == timezone.localdate()
    assert entry.findtext(f"{ATOM}updated")


def test_releases_are_listed_newest_first(client, publishing):
    older = PressReleasePage(
        title="An earlier statement",
        slug="earlier-statement",
        release_date=datetime.date(1999, 5, 3),
        summary="Entered after the fact, with its printed date.",
        body="<p>Text.</p>",
    )
    publishing.press_room.add_child(instance=older)
    older.save_revision().publish()
    html = client.get("/press-room/").content.decode()
    assert html.index(FIRST_RELEASE_TITLE) < html.index("An earlier statement")
    assert "3 May 1999" in html
    _, entries = atom_entries(client)
    assert [e.findtext(f"{ATOM}title") for e in entries] == [FIRST_RELEASE_TITLE, "An earlier statement"]
    assert entries[1].findtext(f"{ATOM}published").startswith("1999-05-03")


def test_a_scheduled_release_is_invisible_until_publish_scheduled_runs_after_its_time(client, publishing):
    go_live_at = (timezone.now() + datetime.timedelta(hours=1)).replace(microsecond=0)
    release = schedule_release(publishing.press_room, go_live_at)
    url = release.url

    def visible() -> tuple[int, bool, bool]:
        status = client.get(url).status_code
        listed = release.title in client.get("/press-room/").content.decode()
        _, entries = atom_entries(client)
        return status, listed, release.title in [e.findtext(f"{ATOM}title") for e in entries]

    assert visible() == (404, False, False)
    call_command("publish_scheduled")  # before its time: nothing happens
    assert visible() == (404, False, False)

    # An hour later, the minutely `publish_scheduled` makes it live.
    with mock.patch("django.utils.timezone.now", return_value=go_live_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")
    release.refresh_from_db()
    assert release.live and release.first_published_at > go_live_at
    assert visible() == (200, True, True)
    html = client.get("/press-room/").content.decode()
    assert html.index(release.title) < html.index(FIRST_RELEASE_TITLE)  # the newest comes first
    assert b"Embargoed until the go-live time." in client.get(url).content


def test_a_draft_release_is_not_public(client, publishing):
    draft = PressReleasePage(
        title="Draft statement", slug="draft", summary="Not yet.", body="<p>x</p>", live=False
    )
    publishing.press_room.add_child(instance=draft)
    draft.save_revision()
    assert client.get(draft.url).status_code == 404
    assert b"Draft statement" not in client.get("/press-room/").content
    assert b"Draft statement" not in client.get("/press-room/feed/").content


def test_the_feed_address_cannot_be_taken_by_a_release(publishing):
    release = PressReleasePage(title="Feed", slug="feed", summary="s", body="<p>b</p>")
    with pytest.raises(ValidationError):
        publishing.press_room.add_child(instance=release)


def test_the_pages_are_created_once_and_appear_in_the_menu(client, publishing):
    again = ensure_publishing_pages(publishing.press_room.get_parent())
    assert again.press_room.pk == publishing.press_room.pk
    assert again.publications.pk == publishing.publications.pk
    assert (
        PressRoomPage.objects.count()
        == PublicationsPage.objects.count()
        == PressReleasePage.objects.count()
        == 1
    )
    assert publishing.press_room.url == "/press-room/"
    assert publishing.publications.url == "/order-publications/"
    html = client.get("/").content.decode()
    assert '<a href="/press-room/">Press Room</a>' in html
    assert '<a href="/order-publications/">Order Publications</a>' in html

"""The public page cache: repeat visits are served from memory, editors always see pages fresh,
nothing that belongs to one visitor is shared, and publishing anything makes cached pages stale —
in this process and, through the database, in every other."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from landmine_monitor.foundation.content_version import version
from landmine_monitor.foundation.models import ContentVersion
from landmine_monitor.reports.models import CountryReportPage

pytestmark = pytest.mark.django_db

REPORT = "/reports/1999/north-korea/"
COUNTRY = "/countries/north-korea/"


def test_a_repeat_visit_is_served_from_the_cache_with_the_same_page(client, page_cache):
    for url in (REPORT, COUNTRY, "/reports/1999/", "/about-us/"):
        first = client.get(url)
        second = client.get(url)
        assert (first.status_code, second.status_code) == (200, 200), url
        assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit"), url
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        # Another query string is another page.
        assert client.get(url + "?x=1")["X-Cache"] == "miss"


def test_a_browser_revisiting_gets_304_without_a_body(client, page_cache):
    etag = client.get(REPORT)["ETag"]
    assert etag
    again = client.get(REPORT, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(REPORT, headers={"if-none-match": '"something-else"'}).status_code == 200


def test_signed_in_editors_are_never_served_or_given_cached_pages(client, page_cache, django_user_model):
    editor = django_user_model.objects.create_user("cache-editor", password="x", is_staff=True)
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200 and not response.has_header("X-Cache")
    assert len(page_cache._cache) == 0


def test_a_page_with_a_form_token_is_not_shared(client, page_cache):
    response = client.get("/order-publications/")
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("X-Cache")
    assert len(page_cache._cache) == 0


def test_the_admin_and_authorised_api_calls_are_not_cached(client, page_cache):
    client.get("/admin/login/")
    client.get("/api/v1/reports/1999/PRK", headers={"authorization": "Bearer not-a-token"})
    assert len(page_cache._cache) == 0
    assert client.get("/api/v1/reports/1999/PRK")["X-Cache"] == "miss"


def test_publishing_a_change_makes_the_cached_page_stale(
    client, page_cache, django_capture_on_commit_callbacks
):
    assert client.get(REPORT)["X-Cache"] == "miss"
    page = CountryReportPage.objects.get(url_path__endswith="/1999/north-korea/")
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "North Korea (revised)"
        page.save_revision().publish()
    response = client.get(REPORT)
    assert response["X-Cache"] == "miss"
    assert "North Korea (revised)" in response.content.decode()
    assert client.get(REPORT)["X-Cache"] == "hit"


def test_a_change_made_by_another_process_is_seen(client, page_cache, settings):
    """Another process (a second web worker, the CLI) moves the counter in the database."""
    settings.PAGE_CACHE_CHECK_SECONDS = 0
    client.get(COUNTRY)
    assert client.get(COUNTRY)["X-Cache"] == "hit"
    ContentVersion.objects.update_or_create(pk=1, defaults={"value": version.current() + 7})
    assert client.get(COUNTRY)["X-Cache"] == "miss"


def test_an_embargoed_release_appears_on_the_cached_press_room_when_its_time_comes(
    client, page_cache, settings, django_capture_on_commit_callbacks
):
    from landmine_monitor.publishing.models import PressReleasePage, PressRoomPage

    settings.PAGE_CACHE_CHECK_SECONDS = 0
    press_room = PressRoomPage.objects.get()
    go_live_at = (timezone.now() + datetime.timedelta(hours=1)).replace(microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        release = PressReleasePage(
            title="Release held until its embargo",
            slug="held-release",
            summary="Held.",
            body="<p>Held.</p>",
            go_live_at=go_live_at,
            live=False,
        )
        press_room.add_child(instance=release)
        release.save_revision().publish()
    assert "Release held until its embargo" not in client.get("/press-room/").content.decode()
    assert client.get("/press-room/")["X-Cache"] == "hit"

    later = go_live_at + datetime.timedelta(minutes=1)
    with (
        django_capture_on_commit_callbacks(execute=True),
        mock.patch("django.utils.timezone.now", return_value=later),
    ):
        call_command("publish_scheduled")
    response = client.get("/press-room/")
    assert response["X-Cache"] == "miss"
    assert "Release held until its embargo" in response.content.decode()


def test_one_transaction_of_many_changes_moves_the_counter_once(
    page_cache, django_capture_on_commit_callbacks
):
    from landmine_monitor.database.sources.models import Source, SourceKind

    before = ContentVersion.objects.filter(pk=1).values_list("value", flat=True).first() or 0
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for n in range(5):
            Source.objects.create(kind=SourceKind.WEBSITE, title=f"Cache test source {n}", key=f"cache-{n}")
    assert len(callbacks) >= 1
    assert ContentVersion.objects.get(pk=1).value == before + 1

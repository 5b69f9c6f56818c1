"""The Press Room's Atom feed, at `<press room>/feed/`: the live press releases, newest first.

Only what the Press Room lists is in it (`PressRoomPage.releases()`): a release scheduled for
later is not live, so it is absent until Wagtail's `publish_scheduled` has made it live.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from .models import FEED_ENTRIES, PressReleasePage, PressRoomPage


class PressReleaseFeed(Feed):
    feed_type = Atom1Feed
    author_name = "Landmine Monitor"

    def __init__(self, press_room: PressRoomPage):
        super().__init__()
        self.press_room = press_room

    def title(self) -> str:
        return f"Landmine Monitor — {self.press_room.title}"

    def subtitle(self) -> str:
        return "Press releases of the Landmine Monitor, newest first."

    def link(self) -> str:
        return self.press_room.url

    def feed_url(self) -> str:
        return self.press_room.url + self.press_room.reverse_subpage("feed")

    def items(self):
        return self.press_room.releases()[:FEED_ENTRIES]

    def item_title(self, item: PressReleasePage) -> str:
        return item.title

    def item_description(self, item: PressReleasePage) -> str:
        return item.summary

    def item_link(self, item: PressReleasePage) -> str:
        return item.url

    def item_guid(self, item: PressReleasePage) -> str:
        # Stable even when an editor changes the release's slug.
        return f"urn:uuid:{item.translation_key}"

    def item_pubdate(self, item: PressReleasePage):
        return item.published_at

    def item_updateddate(self, item: PressReleasePage):
        return item.last_published_at or item.published_at

"""The site's menu: Wagtail's "Show in menus" pages under the home page, in the order editors give
them in the page explorer.

A page type may stand for more than one entry through `menu_entries()`: the Country Reports index
puts the latest edition's Table of Contents before itself. The menu is kept per content version
(`foundation.content_version`), so a publication anywhere — the admin, the command line, the
scheduled publishing of an embargoed page — shows in every process's menu within
`LM_PAGE_CACHE_CHECK_SECONDS` (1 s).
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page, Revision, Site

from landmine_monitor.foundation.content_version import version

# The Monitor's sections, in the order its site has always had them (slugs of the home page's
# children); `arrange_menu` sets this order once, on an installation whose menu was never set.
MONITOR_SECTIONS = [
    "about-us",
    "the-issues",
    "research-products",
    "order-publications",
    "press-room",
    "researchers",
    "reports",
]
MENU_CACHE_KEY = "site-menu"
MENU_KEPT_SECONDS = 3600


def site_menu(request) -> dict:
    """The context processor: the menu's (label, address) entries for every page."""
    key = f"{MENU_CACHE_KEY}:{version.current()}"
    menu = cache.get(key)
    if menu is None:
        menu = build_menu()
        cache.set(key, menu, MENU_KEPT_SECONDS)
    return {"site_menu": menu}


def build_menu() -> list[tuple[str, str]]:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    entries: list[tuple[str, str]] = []
    for page in site.root_page.get_children().live().in_menu().specific():
        menu_entries = getattr(page, "menu_entries", None)
        entries.extend(menu_entries() if menu_entries else [(page.title, page.url)])
    return entries


@transaction.atomic
def arrange_menu(home: Page) -> int:
    """Put the Monitor's sections in the menu, in the Monitor's order, on an installation where no
    page under `home` is in the menu yet (a new one, or one made before the menu was editable).
    Afterwards the menu is the editors': this changes nothing. Returns the pages put in it.

    A page's drafts stay drafts: the flag is set on the live page and on its latest revision, so
    that neither publishing nor editing the page takes it out of the menu again."""
    children = home.get_children()
    if children.filter(show_in_menus=True).exists():
        return 0
    by_slug = {page.slug: page for page in children}
    sections = [by_slug[slug] for slug in MONITOR_SECTIONS if slug in by_slug]
    for page in sections:
        Page.objects.filter(pk=page.pk).update(show_in_menus=True)
        if page.latest_revision_id:
            revision = Revision.objects.get(pk=page.latest_revision_id)
            revision.content["show_in_menus"] = True
            revision.save(update_fields=["content"])
    for page in sections:  # each to the end in turn: the sections end up in the Monitor's order
        Page.objects.get(pk=page.pk).move(home, pos="last-child")
    return len(sections)

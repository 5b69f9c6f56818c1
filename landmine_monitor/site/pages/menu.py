"""The site's menu, as the Monitor's site has always had it, built from the pages that exist."""

from __future__ import annotations

from django.core.cache import cache
from wagtail.models import Page

# (label, slug of the page under the home page); "toc" is the latest edition's table of contents.
MENU = [
    ("About Us", "about-us"),
    ("The Issues", "the-issues"),
    ("Our Research Products", "research-products"),
    ("Order Publications", "order-publications"),
    ("Press Room", "press-room"),
    ("Resources for Monitor Researchers", "researchers"),
    ("Table of Contents", "toc"),
    ("Country Reports", "reports"),
]
MENU_CACHE_KEY = "site-menu"


def site_menu(request) -> dict:
    """Menu entries whose page is live; cached until a page is published or unpublished."""
    menu = cache.get(MENU_CACHE_KEY)
    if menu is None:
        menu = _build_menu()
        cache.set(MENU_CACHE_KEY, menu, 300)
    return {"site_menu": menu}


def _build_menu() -> list[tuple[str, str]]:
    from landmine_monitor.reports.models import CountryReportPage, EditionPage

    pages = {p.slug: p.url for p in Page.objects.live().filter(depth=3)}
    # The latest edition with a published report: an edition still in research has only drafts.
    published = CountryReportPage.objects.live().values("edition")
    latest = EditionPage.objects.live().filter(edition__in=published).order_by("-edition__year").first()
    if latest is not None:
        pages["toc"] = latest.url
    return [(label, pages[slug]) for label, slug in MENU if pages.get(slug)]

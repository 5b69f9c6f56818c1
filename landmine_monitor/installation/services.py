"""Setting up one installation of the Monitor: the site's pages and menu, the first account.

`setup` runs these after the migrations and the reference data; the tests build their site with
`build_site` too, so that what they see is what an installation has."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from landmine_monitor.publishing.services import ensure_publishing_pages
from landmine_monitor.reports.services import ensure_sample_reports
from landmine_monitor.site.pages.menu import arrange_menu
from landmine_monitor.site.pages.services import ensure_content_pages, ensure_site


def build_site() -> dict[str, int]:
    """The home page, the content pages, the sample reports, the Press Room and Order
    Publications, and the menu, each created once; returns how many of each were created."""
    home = ensure_site()
    created = {"content pages": len(ensure_content_pages(home)), "sample reports": ensure_sample_reports()}
    ensure_publishing_pages(home)
    created["menu sections"] = arrange_menu(home)
    return created


@dataclass
class FirstAccount:
    username: str
    password: str | None  # None when it was taken from the environment


def ensure_first_account() -> FirstAccount | None:
    """An administrator account when there is none yet, so the admin can be opened at once.

    The password is LM_ADMIN_PASSWORD when set; otherwise one is generated and returned, so
    that `setup` can show it once.
    """
    users = get_user_model()
    if users.objects.filter(is_superuser=True).exists():
        return None
    given = os.environ.get("LM_ADMIN_PASSWORD")
    password = given or secrets.token_urlsafe(12)
    users.objects.create_superuser("admin", email="", password=password)
    return FirstAccount("admin", None if given else password)

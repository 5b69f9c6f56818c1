"""Setting up one installation of the Monitor: database, reference data, site, first account."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page, Site

from landmine_monitor.pages.models import HomePage

HOME_INTRO = (
    "<p>Landmine Monitor is civil society's record of how every government stands towards the "
    "1997 Mine Ban Treaty and what it does about landmines: whether it has joined the treaty, how "
    "it voted at the United Nations, whether it produces, transfers, stockpiles or uses the "
    "weapon, how much of its land is contaminated, what is cleared, who is hurt and who is helped.</p>"
    "<p>It is not an inspection regime. Its strength is that every statement carries its source, "
    "and that the whole world is covered the same way, year after year.</p>"
)


@transaction.atomic
def ensure_site() -> HomePage:
    """The home page and the default Site pointing to it, created once."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's own migrations leave a generic "Welcome" page; it has no place in the Monitor.
    for page in root.get_children():
        if page.specific_class is Page and not page.get_children().exists():
            page.delete()
    home = root.add_child(instance=HomePage(title="Landmine Monitor", slug="home", intro=HOME_INTRO))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Landmine Monitor"},
    )
    return home


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

"""Setting up one installation of the Monitor: its first account (the rest is each element's `ensure_*`)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model


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

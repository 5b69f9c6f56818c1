"""Every listing of the admin's snippets (reference data, sources, facts, the research log,
publications) opens and answers a search, for an administrator and for a researcher."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from wagtail.snippets.models import get_snippet_models

pytestmark = pytest.mark.django_db


def listings() -> list[str]:
    urls = []
    for model in get_snippet_models():
        try:
            urls.append(reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list"))
        except NoReverseMatch:
            continue
    return urls


def test_every_listing_answers_a_search(admin_client, client):
    from landmine_monitor.network.roles import Role, ensure_roles

    urls = listings()
    assert len(urls) >= 10
    ensure_roles()
    researcher = get_user_model().objects.create_user("researcher", password="a-long-password-1")
    researcher.groups.add(Group.objects.get(name=Role.RESEARCHER.value))
    client.force_login(researcher)
    failures = []
    for url in urls:
        for who, browser in (("administrator", admin_client), ("researcher", client)):
            for query in ("", "korea"):
                status = browser.get(url, {"q": query} if query else {}).status_code
                allowed = (200,) if who == "administrator" else (200, 302, 403)
                if status not in allowed:
                    failures.append(f"{who} {url}?q={query}: {status}")
    assert not failures, "\n".join(failures)

"""A small reporting network for the 1999 edition: one user per role, and three reports whose
drafts only some of them may see (built by `accounts.build_network`, as every network fixture is).

- North Korea (PRK, Asia-Pacific): the published sample report, plus a new draft revision; the
  researcher's country.
- Mongolia (MNG, Asia-Pacific): a draft, never published; in the coordinator's region.
- Angola (AGO, Africa): a draft, never published; another region.
"""

from __future__ import annotations

import pytest
from accounts import Network, build_network, draft_of
from django.urls import reverse

DRAFT_TEXT = {
    "PRK": "A revised paragraph on North Korea, not yet published.",
    "MNG": "A first paragraph on Mongolia, a draft.",
    "AGO": "A first paragraph on Angola, a draft.",
}


@pytest.fixture
def make_draft():
    return draft_of


def _refused(response) -> bool:
    """The admin's refusal: 403, or (Wagtail's way in its admin views) a redirect to the
    dashboard saying "you do not have permission"; never to the login page, for the user is
    signed in."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def refused():
    return _refused


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


@pytest.fixture
def network(db) -> Network:
    network = build_network(
        ["researcher", "coordinator", "theme-coordinator", "editor", "administrator", "reader"],
        drafts=DRAFT_TEXT,
    )
    assert network.reports["PRK"].live and not network.reports["MNG"].live
    return network

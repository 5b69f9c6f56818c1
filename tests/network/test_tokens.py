"""API tokens from the command line, and what the API does with them."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import APIToken, ModelLogEntry

pytestmark = pytest.mark.django_db


def token(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_prints_the_token_once_and_keeps_only_its_digest(network):
    printed, note = token("create", "researcher", "--name", "weekly export")
    secret = printed.strip()
    assert "\n" not in secret and secret.startswith("wagtail_")  # stdout holds the token alone
    assert "shown only this once" in note
    record = APIToken.objects.get()
    assert record.name == "weekly export" and record.user == network.users["researcher"]
    assert secret not in {record.key_hash, record.prefix} and record.key_hash == APIToken.hash_token(secret)
    assert ModelLogEntry.objects.for_instance(record).filter(action="wagtail.apitoken.create").exists()

    listed, _ = token("list", "researcher")
    assert "weekly export" in listed and "researcher" in listed and secret not in listed


def test_the_api_answers_as_the_tokens_user_until_the_token_is_revoked(client, network):
    secret = token("create", "coordinator")[0].strip()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get("/api/v1/reports/1999/MNG", **headers).json()["draft"] is True
    assert APIToken.objects.get().last_used_at is not None

    record = APIToken.objects.get()
    printed, _ = token("revoke", str(record.pk))
    assert f"Token {record.pk}" in printed and "revoked" in printed
    response = client.get("/api/v1/reports/1999/MNG", **headers)
    assert response.status_code == 401
    assert response.json()["detail"].startswith("This API token was revoked on")
    assert ModelLogEntry.objects.for_instance(record).filter(action="wagtail.apitoken.revoke").exists()
    with pytest.raises(CommandError, match="already revoked"):
        token("revoke", str(record.pk))

    listed, _ = token("list")
    record.refresh_from_db()
    assert "coordinator" in listed and f"{record.revoked_at:%Y-%m-%d}" in listed


def test_an_unknown_token_is_401_and_no_token_is_anyone(client, network):
    for value in ("Bearer wagtail_not-a-real-token", "Bearer "):
        response = client.get("/api/v1/reports", HTTP_AUTHORIZATION=value)
        assert response.status_code == 401
        assert "Unknown API token" in response.json()["detail"]
    anyone = client.get("/api/v1/reports", {"edition": 1999}).json()
    assert [r["country"]["iso3"] for r in anyone["results"]] == ["PRK"]
    assert client.get("/api/v1/countries/PRK").status_code == 200


def test_a_disabled_accounts_token_is_refused(client, network):
    secret = token("create", "editor")[0].strip()
    network.users["editor"].is_active = False
    network.users["editor"].save()
    response = client.get("/api/v1/reports", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 401 and "disabled" in response.json()["detail"]


def test_a_session_does_not_count_on_the_api(client, network):
    client.force_login(network.users["editor"])
    assert client.get("/api/v1/reports/1999/MNG").status_code == 404


def test_bad_arguments_are_clear_errors(network):
    with pytest.raises(CommandError, match="No user 'nobody'"):
        token("create", "nobody")
    with pytest.raises(CommandError, match="No API token 999"):
        token("revoke", "999")

"""API tokens for scripts: Wagtail's own `APIToken`. A token is shown once, when it is created;
only its HMAC-SHA-256 digest (keyed with the installation's secret key) is stored, so a copy of
the database gives no one a usable token."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import APIToken


class InvalidToken(Exception):
    """A token that is unknown, revoked, or whose user can no longer sign in."""


@transaction.atomic
def create_token(user, *, name: str = "", by=None) -> tuple[APIToken, str]:
    """A new token for `user`: the record, and the token itself (kept nowhere)."""
    name = name.strip() or f"Created on {timezone.localdate():%Y-%m-%d}"
    record, token = APIToken.create_token(user=user, name=name)
    log(record, "wagtail.apitoken.create", user=by)
    return record, token


@transaction.atomic
def revoke_token(record: APIToken, *, by=None) -> APIToken:
    """Revoke the token for good; revoking it again changes nothing."""
    record = APIToken.objects.select_for_update().get(pk=record.pk)
    if record.revoked_at is None:
        record.revoke()
        log(record, "wagtail.apitoken.revoke", user=by)
    return record


def user_for_token(token: str):
    """The active user the token belongs to; InvalidToken otherwise."""
    token = token.strip()
    record = None
    if APIToken.validate_token_format(token):
        record = (
            APIToken.objects.select_related("user")
            .filter(key_hash__in=APIToken.candidate_key_hashes(token))
            .first()
        )
    if record is None:
        raise InvalidToken("Unknown API token.")
    if record.revoked_at is not None:
        raise InvalidToken(f"This API token was revoked on {record.revoked_at:%Y-%m-%d}.")
    if not record.user.is_active:
        raise InvalidToken("The account this API token belongs to is disabled.")
    return record

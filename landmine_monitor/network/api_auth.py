"""The API's authentication: `Authorization: Bearer <token>` is optional. Without it the API
answers as to anyone (published reports only); with a token, as the token's user; with a token
that is unknown or revoked, 401 saying so (never silently as to anyone)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.models import APIToken

from .tokens import InvalidToken, user_for_token


class BearerToken(BearerTokenAuth):
    """Wagtail's bearer-token authentication, except that a bad token is refused."""

    def authenticate(self, request: HttpRequest, token: str):
        try:
            record = user_for_token(token)
        except InvalidToken as exc:
            raise AuthenticationError(message=f"{exc} Send no token for public data only.") from None
        request.user = record.user
        self._touch_last_used(record)
        return record


# Tried in order: the token when one is sent, else anyone. Either way a session cookie does not
# count: the API answers as the token's user or as anonymous.
api_auth = [BearerToken(), AllowAnonymous()]


def api_user(request: HttpRequest):
    """The user the API answers as."""
    auth = getattr(request, "auth", None)
    return auth.user if isinstance(auth, APIToken) else AnonymousUser()

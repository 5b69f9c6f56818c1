"""The public pages' cache: a page is rendered once and served from memory until content changes.

`PageCacheMiddleware` keeps whole responses for visitors who are not signed in. A response is
stored only when nothing in it belongs to one visitor (no cookie set, no CSRF token rendered, no
"private" or "no-store"), and served only to requests that carry no cookie but the CSRF one and no
Authorization header: editors always see pages fresh.

Invalidation: the cache key holds the `ContentVersion` counter, which moves on (once per
committed transaction) when a page is published, unpublished or deleted, when any of the
Monitor's own records is saved or deleted, and when reference data is loaded. Every process reads
the counter from the database at most once per `LM_PAGE_CACHE_CHECK_SECONDS` (default 1 s), so a
change made anywhere — the admin, the CLI, the scheduled publishing of an embargoed release — is
seen by every web worker within that time. Stored entries also expire after
`LM_PAGE_CACHE_SECONDS` (default one hour); 0 turns the cache off. Both are read into settings.

Each stored response carries an ETag, so a browser's repeat visit gets a 304 with no body.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.http import quote_etag

from landmine_monitor.foundation.content_version import version

# Never cached: the admin, uploaded documents (their views check permissions).
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/django-admin/")
# Headers kept with a stored page; the rest (Vary on Cookie, session, CSRF) does not apply to it.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Link", "Last-Modified")
HIT, MISS = "hit", "miss"


def page_cache():
    return caches["pages"]


# -- the middleware -----------------------------------------------------------------------------


def _cacheable_request(request: HttpRequest) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method != "GET":
        return False
    if request.path.startswith(EXCLUDED_PREFIXES) or "HTTP_AUTHORIZATION" in request.META:
        return False
    return all(name == settings.CSRF_COOKIE_NAME for name in request.COOKIES)


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page holds a CSRF token, which belongs to one visitor
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _key(request: HttpRequest) -> str:
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"page:{version.current()}:{digest}"


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        stored = page_cache().get(key)
        if stored is not None:
            return _rebuild(stored, HIT)
        response = self.get_response(request)
        if _cacheable_response(request, response):
            stored = _store(response)
            page_cache().set(key, stored, settings.PAGE_CACHE_SECONDS)
            return _rebuild(stored, MISS)
        return response


def _store(response: HttpResponse) -> tuple[bytes, dict[str, str]]:
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    headers["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
    return response.content, headers


def _rebuild(stored: tuple[bytes, dict[str, str]], state: str) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    response["X-Cache"] = state
    # Public, but a browser asks again each time (a 304 when the ETag still matches).
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response

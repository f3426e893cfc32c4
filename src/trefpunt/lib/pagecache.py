"""A short-lived shared cache of the pages anonymous visitors read ("microcaching").

Most traffic on a public platform is anonymous reads of the same pages; rendering each one runs
a dozen queries and a template, while answering from the cache costs about what Django's own
"hello" view costs. A page is cached only when nothing in it can belong to one visitor:

- the request is a GET (served for HEAD too) without a session, a messages cookie or an
  ``Authorization`` header;
- the response is a plain 200 that sets no cookie, used no CSRF token, is not marked
  private/no-store/no-cache and is not streamed or larger than ``MAX_BYTES``;
- a view can opt out with :func:`skip` (the news article page counts its readers).

Freshness: every entry lives at most ``TREFPUNT_PAGE_CACHE_SECONDS`` and is keyed by a
*generation* that moves on every model save/delete/m2m change and after every unsafe request
(POST, PUT, PATCH, DELETE). The generation is shared by all processes of an installation: a
counter in the cache when the cache is shared (Redis), else the modification time of a stamp
file (``TREFPUNT_PAGE_CACHE_STAMP``). Writes that bypass signals (``QuerySet.update``, bulk
imports from the command line) are visible after at most the TTL. ``0`` seconds turns the cache
off (the default with ``DEBUG``, and in tests unless a test turns it on).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse

MAX_BYTES = 1_000_000
SAFE_METHODS = ("GET", "HEAD")
_GENERATION_KEY = "trefpunt:pagecache:generation"
_SKIP = "_trefpunt_page_cache_skip"


def seconds() -> int:
    return getattr(settings, "TREFPUNT_PAGE_CACHE_SECONDS", 0)


def skip(response: HttpResponse) -> HttpResponse:
    """Never cache this response (it has per-visitor side effects, e.g. a view count)."""
    setattr(response, _SKIP, True)
    return response


def _shared_cache() -> bool:
    return not isinstance(cache, LocMemCache) and not isinstance(
        getattr(cache, "_cache", None), LocMemCache
    )


def _stamp() -> Path:
    return Path(settings.TREFPUNT_PAGE_CACHE_STAMP)


def generation() -> str:
    if _shared_cache():
        return str(cache.get(_GENERATION_KEY, 0))
    try:
        return str(os.stat(_stamp()).st_mtime_ns)
    except FileNotFoundError:
        return "0"


def bump(**_kwargs) -> None:
    """Move the generation: every cached page is stale from now on."""
    if not seconds():
        return
    if _shared_cache():
        try:
            cache.incr(_GENERATION_KEY)
        except ValueError:
            cache.add(_GENERATION_KEY, 1, timeout=None)
        return
    stamp = _stamp()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.touch()
    # Two bumps within the file system's timestamp resolution must still differ.
    now = os.stat(stamp).st_mtime_ns
    os.utime(stamp, ns=(now, now + 1))


def connect_signals() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(bump, dispatch_uid=f"trefpunt.pagecache.{signal!r}")


def _cacheable_request(request) -> bool:
    if request.method not in SAFE_METHODS or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _key(request) -> str:
    meta = request.META
    parts = (
        generation(),
        request.get_host(),
        request.get_full_path(),
        meta.get("HTTP_ACCEPT_LANGUAGE", ""),
        request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""),
        meta.get("HTTP_ACCEPT", ""),
    )
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"trefpunt:page:{digest}"


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(response, _SKIP, False) or request.META.get("CSRF_COOKIE_USED"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    return len(response.content) <= MAX_BYTES


class PageCacheMiddleware:
    """Answers anonymous reads from the cache; stores what may be shared (see module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        ttl = seconds()
        if not ttl:
            return self.get_response(request)
        if not _cacheable_request(request):
            response = self.get_response(request)
            if request.method not in SAFE_METHODS:
                bump()
            return response
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and _storable(request, response):
            headers = [(name, value) for name, value in response.items()]
            cache.set(key, (response.status_code, headers, response.content), ttl)
            response["X-Page-Cache"] = "miss"
        return response

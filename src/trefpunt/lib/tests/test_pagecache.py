"""The anonymous page cache: shared pages are answered from the cache, personal ones never are,
and any write makes every cached page stale at once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from trefpunt.lib import pagecache

PAGE = "/api/v1/territories?limit=5"


@pytest.fixture
def page_cache(settings, tmp_path, db):
    settings.TREFPUNT_PAGE_CACHE_SECONDS = 30
    settings.TREFPUNT_PAGE_CACHE_STAMP = str(tmp_path / "stamp")
    cache.clear()
    yield
    cache.clear()


def get(client, path=PAGE, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    return response, len(queries)


def test_a_second_anonymous_read_is_answered_from_the_cache_without_a_query(client, page_cache):
    first, first_queries = get(client)
    second, second_queries = get(client)
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_off_by_default_in_development(client, db, settings):
    settings.TREFPUNT_PAGE_CACHE_SECONDS = 0
    cache.clear()
    get(client)
    response, queries = get(client)
    assert "X-Page-Cache" not in response
    assert queries > 0


def test_a_model_write_makes_cached_pages_stale(client, page_cache):
    get(client)
    get_user_model().objects.create(username="someone")
    response, queries = get(client)
    assert response["X-Page-Cache"] == "miss"
    assert queries > 0


def test_an_unsafe_request_makes_cached_pages_stale(client, page_cache):
    get(client)
    before = pagecache.generation()
    client.post("/api/v1/organisations", data={}, content_type="application/json")
    assert pagecache.generation() != before
    assert get(client)[0]["X-Page-Cache"] == "miss"


def test_signed_in_readers_and_token_holders_never_get_a_shared_page(client, page_cache):
    get(client)  # cached for anonymous readers
    user = get_user_model().objects.create_user("reader", password="x" * 12)
    get(client)  # the user's creation made the cache stale; cache again
    client.force_login(user)
    response, queries = get(client)
    assert "X-Page-Cache" not in response
    assert queries > 0
    client.logout()
    response, _ = get(client, HTTP_AUTHORIZATION="Bearer abc")
    assert "X-Page-Cache" not in response


def test_pages_with_a_csrf_token_or_a_cookie_are_not_stored(client, page_cache):
    response, _ = get(client, "/en/accounts/login/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    again = client.get("/en/accounts/login/")
    assert "X-Page-Cache" not in again


def test_the_key_tells_languages_and_queries_apart(client, page_cache):
    get(client, PAGE, HTTP_ACCEPT_LANGUAGE="fr")
    assert get(client, PAGE, HTTP_ACCEPT_LANGUAGE="nl")[0]["X-Page-Cache"] == "miss"
    assert get(client, PAGE + "&offset=1")[0]["X-Page-Cache"] == "miss"
    assert get(client, PAGE, HTTP_ACCEPT_LANGUAGE="fr")[0]["X-Page-Cache"] == "hit"


def test_errors_are_not_stored(client, page_cache):
    get(client, "/api/v1/territories/XX-NOPE")
    response, queries = get(client, "/api/v1/territories/XX-NOPE")
    assert response.status_code == 404
    assert queries > 0


def test_two_bumps_in_a_row_give_two_generations(page_cache):
    pagecache.bump()
    first = pagecache.generation()
    pagecache.bump()
    assert pagecache.generation() != first

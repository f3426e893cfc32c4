"""GET/POST/DELETE /api/v1/subscriptions with a token."""

import pytest

from trefpunt.subscriptions.models import Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna_api(reader, api_client_with_token, demo_directory):
    anna = reader("anna", "nl")
    return anna, api_client_with_token(anna)


def test_follow_list_and_stop(anna_api):
    anna, client = anna_api

    response = client.post(
        "/api/v1/subscriptions",
        {"kind": "theme", "target": "mobility-transport", "frequency": "weekly"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["kind"], created["target"], created["frequency"]) == (
        "theme",
        "mobility-transport",
        "weekly",
    )
    again = client.post(
        "/api/v1/subscriptions",
        {"kind": "theme", "target": "mobility-transport", "frequency": "daily"},
        content_type="application/json",
    )
    assert again.status_code == 200
    assert again.json()["frequency"] == "daily"

    listed = client.get("/api/v1/subscriptions").json()
    assert listed["count"] == 1
    assert [item["id"] for item in listed["items"]] == [created["id"]]

    assert client.delete(f"/api/v1/subscriptions/{created['id']}").status_code == 204
    assert Subscription.objects.filter(user=anna).count() == 0


def test_unknown_targets_are_field_errors(anna_api):
    _anna, client = anna_api

    response = client.post(
        "/api/v1/subscriptions",
        {"kind": "territory", "target": "XX-NOWHERE"},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json() == {
        "detail": "Some fields are not valid.",
        "errors": {"target": ["Nothing of this kind has the identifier “XX-NOWHERE”."]},
    }
    response = client.post(
        "/api/v1/subscriptions", {"kind": "planet", "target": "x"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["kind"]
    assert Subscription.objects.count() == 0


def test_another_users_subscription_is_not_found(anna_api, reader, mobility):
    _anna, client = anna_api
    other = reader("other", "en")
    theirs = Subscription.objects.create(user=other, kind="theme", theme=mobility)

    assert client.delete(f"/api/v1/subscriptions/{theirs.pk}").status_code == 404
    assert client.get("/api/v1/subscriptions").json() == {"count": 0, "items": []}
    assert Subscription.objects.filter(pk=theirs.pk).exists()


def test_without_token_401(client, db):
    assert client.get("/api/v1/subscriptions").status_code == 401
    response = client.post(
        "/api/v1/subscriptions", {"kind": "theme", "target": "x"}, content_type="application/json"
    )
    assert response.status_code == 401

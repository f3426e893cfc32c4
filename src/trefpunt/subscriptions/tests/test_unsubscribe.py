"""One-click unsubscribe: GET asks, POST removes; forged or stale links change nothing."""

import pytest
from django.core import signing

from trefpunt.organisations.models import Organisation
from trefpunt.subscriptions import operations
from trefpunt.subscriptions.models import Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def followed(reader, mobility, demo_directory):
    anna = reader("anna", "nl")
    subscription, _created = operations.subscribe(
        user=anna, kind="theme", target=mobility, frequency="daily"
    )
    return subscription


def _path(token):
    return f"/en/subscriptions/unsubscribe/{token}/"


def test_get_asks_and_post_removes(client, followed):
    path = _path(operations.subscription_token(followed))

    response = client.get(path)
    assert response.status_code == 200
    assert "Mobility" in response.content.decode()
    assert Subscription.objects.filter(pk=followed.pk).exists()

    # RFC 8058: the mail client posts without a session or CSRF token.
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=followed.pk).exists()


def test_the_digest_link_stops_every_subscription_of_that_frequency(
    client, followed, reader, demo_directory
):
    weekly, _ = operations.subscribe(
        user=followed.user,
        kind="organisation",
        target=Organisation.objects.get(slug="menen"),
        frequency="weekly",
    )
    client.post(_path(operations.digest_token(followed.user, "daily")))

    assert list(Subscription.objects.filter(user=followed.user)) == [weekly]


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.dumps({"s": 1, "u": 1}, salt="another.salt"),
    ],
    ids=["not-signed", "signed-for-something-else"],  # a signature holds a timestamp: xdist
)
def test_forged_links_show_a_clear_page_and_change_nothing(client, followed, token):
    for method in (client.get, client.post):
        response = method(_path(token))
        assert response.status_code == 400
        assert "Nothing was changed" in response.content.decode()
    assert Subscription.objects.count() == 1


def test_a_stale_link_changes_nothing(client, followed):
    token = operations.subscription_token(followed)
    followed.delete()
    again, _ = operations.subscribe(
        user=followed.user, kind="theme", target=followed.theme, frequency="weekly"
    )

    response = client.post(_path(token))

    assert response.status_code == 400
    assert Subscription.objects.get().pk == again.pk


def test_an_expired_link_changes_nothing(client, followed, monkeypatch):
    token = operations.subscription_token(followed)
    monkeypatch.setattr("trefpunt.accounts.mailing.MAX_AGE", -1)

    response = client.post(_path(token))

    assert response.status_code == 400
    assert Subscription.objects.filter(pk=followed.pk).exists()

"""My subscriptions page and the Follow button."""

import pytest

from trefpunt.subscriptions.models import Subscription

pytestmark = pytest.mark.django_db


def test_follow_change_and_remove_from_the_pages(client, reader, demo_directory):
    anna = reader("anna", "nl")
    client.force_login(anna)

    response = client.post(
        "/en/subscriptions/follow/",
        {"kind": "organisation", "target": "menen", "frequency": "weekly", "next": "/en/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    subscription = Subscription.objects.get(user=anna)
    assert (subscription.kind, subscription.organisation.slug, subscription.frequency) == (
        "organisation",
        "menen",
        "weekly",
    )

    page = client.get("/en/subscriptions/").content.decode()
    assert "Menen" in page

    client.post(f"/en/subscriptions/{subscription.pk}/frequency/", {"frequency": "immediate"})
    subscription.refresh_from_db()
    assert subscription.frequency == "immediate"

    client.post(f"/en/subscriptions/{subscription.pk}/remove/")
    assert not Subscription.objects.filter(user=anna).exists()


def test_bad_follow_requests_change_nothing(client, reader, demo_directory):
    anna = reader("anna", "nl")
    client.force_login(anna)

    for data in (
        {"kind": "organisation", "target": "no-such-organisation", "frequency": "daily"},
        {"kind": "organisation", "target": "menen", "frequency": "hourly"},
        {"kind": "obstacle", "target": "abc", "frequency": "daily"},
    ):
        assert client.post("/en/subscriptions/follow/", data).status_code == 400
    assert Subscription.objects.count() == 0


def test_someone_elses_subscription_is_not_found(client, reader, mobility):
    anna, other = reader("anna", "nl"), reader("other", "en")
    theirs = Subscription.objects.create(user=other, kind="theme", theme=mobility)
    client.force_login(anna)

    assert client.post(f"/en/subscriptions/{theirs.pk}/remove/").status_code == 404
    assert Subscription.objects.filter(pk=theirs.pk).exists()


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get("/en/subscriptions/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize(
    ("path", "kind", "target"),
    [
        ("/en/organisations/menen/", "organisation", "menen"),
        ("/en/places/BE-NIS:34027/", "territory", "BE-NIS:34027"),
        ("/en/practices/?theme=mobility-transport", "theme", "mobility-transport"),
    ],
)
def test_pages_carry_a_follow_button_for_signed_in_users(
    client, reader, demo_directory, path, kind, target
):
    anonymous = client.get(path).content.decode()
    assert 'action="/en/subscriptions/follow/"' not in anonymous

    client.force_login(reader("anna", "nl"))
    page = client.get(path).content.decode()

    assert 'action="/en/subscriptions/follow/"' in page
    assert f'name="kind" value="{kind}"' in page
    assert f'name="target" value="{target}"' in page

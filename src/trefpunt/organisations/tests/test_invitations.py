"""Organisation administrators invite colleagues; the link works once, until it expires."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from trefpunt.organisations import operations
from trefpunt.organisations.models import Invitation, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_of_menen(menen, make_user):
    user = make_user("admin.menen")
    operations.add_member(by=None, user=user, organisation=menen, role="admin")
    return user


def _invite(client, admin, menen, mailoutbox, **data):
    client.force_login(admin)
    values = {"email": "colleague@menen.example", "role": "editor", "language": "nl", **data}
    response = client.post(f"/en/organisations/{menen.slug}/invite/", values)
    client.logout()
    return response


def _path(mail) -> str:
    return re.search(r"https?://\S+", mail.body).group(0).split("127.0.0.1:8000", 1)[-1]


def test_an_invited_colleague_creates_an_account_and_becomes_member(
    client, admin_of_menen, menen, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, admin_of_menen, menen, mailoutbox)
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["colleague@menen.example"]
    assert mail.subject.startswith("Uitnodiging")
    path = _path(mail)
    assert path.startswith("/nl/invitations/")
    assert Invitation.objects.get().token_digest not in path  # only the hash is stored

    assert client.get(path).status_code == 200
    response = client.post(
        path,
        {
            "username": "colleague",
            "password1": "a long new password 7",
            "password2": "a long new password 7",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(username="colleague")
    assert user.email == "colleague@menen.example"
    assert Membership.objects.get(user=user, organisation=menen).role == "editor"

    # Used: a second visit changes nothing.
    client.logout()
    response = client.post(path, {"username": "again", "password1": "x", "password2": "x"})
    assert response.status_code == 400
    assert not get_user_model().objects.filter(username="again").exists()


def test_an_existing_user_joins_with_the_link(
    client, admin_of_menen, menen, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, admin_of_menen, menen, mailoutbox, role="viewer")
    client.force_login(outsider)

    assert client.post(_path(mailoutbox[0])).status_code == 302

    assert Membership.objects.get(user=outsider, organisation=menen).role == "viewer"


def test_forged_and_expired_links_change_nothing(
    client, admin_of_menen, menen, outsider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, admin_of_menen, menen, mailoutbox)
    path = _path(mailoutbox[0])
    client.force_login(outsider)

    response = client.post("/en/invitations/forged-token/")
    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.post(path).status_code == 400
    assert not Membership.objects.filter(user=outsider).exists()


def test_only_administrators_of_the_organisation_invite(client, editor_of_menen, menen, mailoutbox):
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/organisations/{menen.slug}/invite/",
        {"email": "x@example.org", "role": "admin", "language": "en"},
    )

    assert response.status_code == 403
    assert Invitation.objects.count() == 0


def test_a_bad_address_is_a_field_error(client, admin_of_menen, menen, mailoutbox):
    response = _invite(client, admin_of_menen, menen, mailoutbox, email="not an address")

    assert response.status_code == 200
    assert Invitation.objects.count() == 0

"""Password reset through Django's views; e-mail change confirmed from the new address."""

import re

import pytest

from trefpunt.accounts import operations

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(make_user):
    user = make_user("anna")
    user.email = "anna@old.example"
    user.save(update_fields=["email"])
    return user


def _link(body: str) -> str:
    return re.search(r"https?://\S+", body).group(0)


def test_password_reset_mails_a_link_that_sets_a_new_password(client, anna, mailoutbox):
    response = client.post("/fr/accounts/password-reset/", {"email": "anna@old.example"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/password-reset/sent/"
    [mail] = mailoutbox
    assert mail.to == ["anna@old.example"]
    assert mail.subject == "Choisir un nouveau mot de passe Trefpunt"
    path = _link(mail.body).split("testserver", 1)[1]
    assert path.startswith("/fr/accounts/reset/")

    form = client.get(path, follow=True)
    assert form.status_code == 200
    set_password = form.redirect_chain[-1][0]
    response = client.post(
        set_password,
        {"new_password1": "a brand new secret 42", "new_password2": "a brand new secret 42"},
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.check_password("a brand new secret 42")

    again = client.get(path)  # used: the link no longer works
    assert "plus valide" in again.content.decode()


def test_unknown_addresses_get_no_mail_and_the_same_answer(client, db, mailoutbox):
    response = client.post("/en/accounts/password-reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mailoutbox == []


def test_email_change_is_confirmed_from_the_new_address(
    client, anna, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(anna)
    response = client.post(
        "/en/accounts/settings/", {"form": "email", "email-email": "anna@new.example"}
    )
    assert response.status_code == 302
    [confirmation] = mailoutbox
    assert confirmation.to == ["anna@new.example"]
    anna.refresh_from_db()
    assert anna.email == "anna@old.example"  # nothing changes before the link is followed
    path = _link(confirmation.body).split("127.0.0.1:8000", 1)[-1]

    assert client.get(path).status_code == 200
    anna.refresh_from_db()
    assert anna.email == "anna@old.example"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path).status_code == 302
    anna.refresh_from_db()
    assert anna.email == "anna@new.example"
    assert [mail.to for mail in mailoutbox] == [["anna@new.example"], ["anna@old.example"]]

    # Used once: the link names the old address, which is no longer the account's.
    response = client.post(path)
    assert response.status_code == 400
    anna.refresh_from_db()
    assert anna.email == "anna@new.example"


def test_forged_and_expired_email_change_links_change_nothing(client, anna, settings, monkeypatch):
    token = operations.email_change_token(anna, "anna@new.example")
    for bad in ("forged", token[:-2] + "xx"):
        assert client.post(f"/en/accounts/email/confirm/{bad}/").status_code == 400
    monkeypatch.setattr(operations, "EMAIL_CHANGE_MAX_AGE", -1)
    response = client.post(f"/en/accounts/email/confirm/{token}/")
    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()
    anna.refresh_from_db()
    assert anna.email == "anna@old.example"


def test_an_address_of_another_account_is_refused(client, anna, make_user, mailoutbox):
    other = make_user("other")
    other.email = "other@example.org"
    other.save(update_fields=["email"])
    client.force_login(anna)

    response = client.post(
        "/en/accounts/settings/", {"form": "email", "email-email": "OTHER@example.org"}
    )

    assert response.status_code == 200
    assert "Another account uses this address." in response.content.decode()
    assert mailoutbox == []


def test_the_mail_language_is_saved(client, anna):
    client.force_login(anna)

    client.post("/en/accounts/settings/", {"form": "language", "language-language": "de"})

    assert anna.profile.language == "de"

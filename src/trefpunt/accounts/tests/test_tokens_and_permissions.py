"""API tokens (hashed, shown once, revocable), platform roles and login rate limiting."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from trefpunt.accounts import operations
from trefpunt.accounts.models import ApiToken

# Tokens


def test_a_token_is_stored_as_its_sha256_only(outsider):
    token, raw = operations.issue_token(user=outsider, label="  reporting script  ")

    stored = ApiToken.objects.get(pk=token.pk)
    assert raw.startswith("tp_")
    assert len(raw) == 3 + 43
    assert stored.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert stored.prefix == raw[3:11]
    assert stored.label == "reporting script"
    assert raw not in {stored.digest, stored.prefix, stored.label}
    assert not ApiToken.objects.filter(digest=raw).exists()


def test_a_token_needs_a_label(outsider):
    with pytest.raises(ValidationError):
        operations.issue_token(user=outsider, label="   ")

    assert not ApiToken.objects.exists()


def test_a_token_authenticates_its_user_until_revoked(outsider):
    token, raw = operations.issue_token(user=outsider, label="script")

    assert operations.authenticate_token(raw) == outsider
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None
    assert operations.authenticate_token(raw + "x") is None

    operations.revoke_token(token, by=outsider)

    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert operations.authenticate_token(raw) is None


def test_a_token_of_a_deactivated_user_does_not_authenticate(outsider):
    _token, raw = operations.issue_token(user=outsider, label="script")
    outsider.is_active = False
    outsider.save(update_fields=["is_active"])

    assert operations.authenticate_token(raw) is None


def test_nobody_revokes_someone_elses_token(outsider, make_user):
    token, _raw = operations.issue_token(user=outsider, label="script")
    other = make_user("other")

    with pytest.raises(PermissionDenied):
        operations.revoke_token(token, by=other)

    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_the_account_page_shows_a_new_secret_once_and_then_only_its_prefix(client, outsider):
    client.force_login(outsider)

    created = client.post("/en/accounts/tokens/", {"label": "reporting script"})

    token = ApiToken.objects.get(user=outsider)
    raw = created.context["new_secret"]
    assert hashlib.sha256(raw.encode()).hexdigest() == token.digest
    assert f'<code class="secret">{raw}</code>' in created.content.decode()
    later = client.get("/en/accounts/tokens/").content.decode()
    assert raw not in later
    assert f"<code>{token.prefix}…</code>" in later
    assert "reporting script" in later


def test_the_account_page_revokes_a_token(client, outsider):
    token, raw = operations.issue_token(user=outsider, label="script")
    client.force_login(outsider)

    response = client.post(f"/en/accounts/tokens/{token.pk}/revoke/", follow=True)

    assert response.redirect_chain == [("/en/accounts/tokens/", 302)]
    assert "The token “script” is revoked." in response.content.decode()
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert operations.authenticate_token(raw) is None


def test_the_account_page_does_not_reveal_other_peoples_tokens(client, outsider, make_user):
    token, _raw = operations.issue_token(user=outsider, label="script")
    client.force_login(make_user("other"))

    response = client.post(f"/en/accounts/tokens/{token.pk}/revoke/")

    assert response.status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_revoking_needs_a_post(client, outsider):
    token, _raw = operations.issue_token(user=outsider, label="script")
    client.force_login(outsider)

    response = client.get(f"/en/accounts/tokens/{token.pk}/revoke/")

    assert response.status_code == 405
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_the_account_page_needs_a_login(client):
    response = client.get("/en/accounts/tokens/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/accounts/tokens/"


# Platform roles


def test_only_superusers_grant_platform_roles(outsider, make_user):
    other = make_user("other")

    with pytest.raises(PermissionDenied):
        operations.grant_role(by=outsider, user=other, role="curator")

    assert not other.grants.exists()


# Login rate limiting (django-axes)


def test_five_failed_logins_lock_the_account_for_that_address(client, outsider, settings):
    assert settings.AXES_ENABLED is True
    assert settings.AXES_FAILURE_LIMIT == 5
    statuses = [
        client.post(
            "/en/accounts/login/", {"username": "outsider", "password": "wrong"}
        ).status_code
        for _attempt in range(5)
    ]

    locked = client.post(
        "/en/accounts/login/", {"username": "outsider", "password": "a long test password"}
    )

    assert statuses == [200, 200, 200, 200, 429]
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_correct_password_logs_in_before_the_limit(client, outsider):
    for _attempt in range(4):
        client.post("/en/accounts/login/", {"username": "outsider", "password": "wrong"})

    response = client.post(
        "/en/accounts/login/", {"username": "outsider", "password": "a long test password"}
    )

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == outsider.pk

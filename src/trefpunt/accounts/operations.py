"""Writes on identity: platform roles, API tokens, the mail language, e-mail changes and
mail opt-outs."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    ApiToken,
    MailCategory,
    MailOptOut,
    PlatformGrant,
    PlatformRole,
    Profile,
    hash_token,
)


@transaction.atomic
def grant_role(*, by, user, role: str) -> PlatformGrant:
    if role not in PlatformRole.values:
        raise ValidationError({"role": _("Unknown role.")})
    if by is not None and not by.is_superuser:
        raise PermissionDenied(_("Only administrators can grant platform roles."))
    grant, _created = PlatformGrant.objects.get_or_create(user=user, role=role)
    return grant


@transaction.atomic
def issue_token(*, user, label: str) -> tuple[ApiToken, str]:
    """Create a token; returns it with the raw secret, which is never stored or shown again."""
    label = label.strip()
    if not label:
        raise ValidationError({"label": _("Give the token a label.")})
    raw = ApiToken.generate()
    token = ApiToken.objects.create(
        user=user, label=label[:100], prefix=raw[3:11], digest=hash_token(raw)
    )
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, *, by) -> ApiToken:
    if by.pk != token.user_id and not by.is_superuser:
        raise PermissionDenied(_("You can only revoke your own tokens."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def authenticate_token(raw: str):
    """The active user behind a bearer token, or None."""
    token = (
        ApiToken.objects.active()
        .select_related("user")
        .filter(digest=hash_token(raw), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def set_mail_language(user, language: str) -> Profile:
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose one of the site's languages.")})
    profile, _created = Profile.objects.update_or_create(user=user, defaults={"language": language})
    return profile


def is_opted_out(email: str, category: str) -> bool:
    return MailOptOut.objects.filter(email=email.strip().lower(), category=category).exists()


@transaction.atomic
def opt_out(email: str, category: str) -> MailOptOut:
    if category not in MailCategory.values:
        raise ValidationError({"category": _("Unknown kind of mail.")})
    row, _created = MailOptOut.objects.get_or_create(email=email.strip().lower(), category=category)
    return row


# E-mail change: a signed link to the NEW address; it names the address it replaces, so it
# works once (afterwards the old address no longer matches) and for two days.
EMAIL_CHANGE_SALT = "trefpunt.email-change"
EMAIL_CHANGE_MAX_AGE = 60 * 60 * 48


def _clean_new_email(user, new_email: str) -> str:
    new_email = (new_email or "").strip()
    try:
        validate_email(new_email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid email address.")}) from None
    if new_email.lower() == (user.email or "").lower():
        raise ValidationError({"email": _("This is already your address.")})
    taken = get_user_model().objects.filter(email__iexact=new_email).exclude(pk=user.pk)
    if taken.exists():
        raise ValidationError({"email": _("Another account uses this address.")})
    return new_email


def email_change_token(user, new_email: str) -> str:
    new_email = _clean_new_email(user, new_email)
    return signing.dumps(
        {"u": user.pk, "old": user.email or "", "new": new_email}, salt=EMAIL_CHANGE_SALT
    )


def read_email_change(token: str):
    """(user, new address) of a valid, unused, unexpired link; raises ValidationError."""
    invalid = ValidationError(
        {"token": _("This link is not valid any more. Ask for a new one from your account page.")}
    )
    try:
        data = signing.loads(token or "", salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.BadSignature:
        raise invalid from None
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or (user.email or "") != data.get("old"):
        raise invalid
    return user, data["new"]


@transaction.atomic
def confirm_email_change(token: str, *, notify=None):
    """Apply the change a link asks for. ``notify(old_address, user)`` runs after commit."""
    user, new_email = read_email_change(token)
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    old_email = user.email
    new_email = _clean_new_email(user, new_email)
    user.email = new_email
    user.save(update_fields=["email"])
    if old_email and notify is not None:
        transaction.on_commit(lambda: notify(old_email, user))
    return user


def send_plain_mail(subject: str, body: str, to: str) -> None:
    send_mail(" ".join(subject.split()), body, None, [to])


@transaction.atomic
def create_account(*, username: str, email: str, password: str):
    """A new active user (the password already validated by the form)."""
    user_model = get_user_model()
    if user_model.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This user name is taken.")})
    return user_model.objects.create_user(username=username, email=email, password=password)

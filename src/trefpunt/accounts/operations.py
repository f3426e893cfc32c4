"""Writes on identity: platform roles and API tokens."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken, PlatformGrant, PlatformRole, hash_token


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

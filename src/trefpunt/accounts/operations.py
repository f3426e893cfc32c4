"""Writes on accounts: memberships, platform roles, API tokens."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken, Membership, MembershipRole, PlatformGrant, PlatformRole, hash_token
from .permissions import can_edit_organisation


@transaction.atomic
def add_member(*, by, user, organisation, role: str) -> Membership:
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Unknown role.")})
    if by is not None and not (by.is_superuser or _is_org_admin(by, organisation)):
        raise PermissionDenied(_("Only administrators of this organisation can add members."))
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    for cached in ("_trefpunt_editable", "_trefpunt_editable_tree", "_trefpunt_member_of"):
        user.__dict__.pop(cached, None)
    return membership


def _is_org_admin(user, organisation) -> bool:
    return Membership.objects.filter(
        user=user, organisation=organisation, role=MembershipRole.ADMIN
    ).exists() or (can_edit_organisation(user, organisation) and user.is_superuser)


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

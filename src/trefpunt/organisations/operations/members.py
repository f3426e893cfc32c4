"""Members of an organisation: adding them, and inviting colleagues by mail.

An administrator of the organisation (``access.can_manage_members``) invites an address with a
role. The mail carries a link with a random token that works once and for
``INVITATION_DAYS`` days; only its SHA-256 is stored (as meeting registration links). Whoever
follows it signs in (or creates an account) and becomes a member. A forged, used, withdrawn
or expired link changes nothing.
"""

import hashlib
import logging
import secrets
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import access
from ..models import Invitation, Membership, MembershipRole, Organisation

logger = logging.getLogger(__name__)
INVITATION_DAYS = 14
UI_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


class InvitationError(ValidationError):
    """The link is forged, used, withdrawn or expired."""


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def add_member(*, by, user, organisation: Organisation, role: str) -> Membership:
    """Give ``user`` a ``role`` in ``organisation`` (``by=None``: the system)."""
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Unknown role.")})
    if by is not None and not access.can_manage_members(by, organisation):
        raise PermissionDenied(_("Only administrators of this organisation can add members."))
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    access.forget(user)
    return membership


def invitation_url(raw: str, language: str) -> str:
    with translation.override(language):
        path = reverse("organisations:invitation", args=[raw])
    return settings.TREFPUNT_SITE_URL.rstrip("/") + path


def _mail_invitation(invitation: Invitation, raw: str) -> bool:
    language = invitation.language
    with translation.override(language):
        context = {
            "organisation": invitation.organisation.name_in(language),
            "role": invitation.get_role_display(),
            "inviter": (
                invitation.invited_by.get_full_name() or invitation.invited_by.get_username()
            )
            if invitation.invited_by
            else "Trefpunt",
            "link": invitation_url(raw, language),
            "expires": timezone.localtime(invitation.expires_at),
        }
        subject = _("Invitation to join %(organisation)s on Trefpunt") % context
        body = render_to_string("organisations/email/invitation.txt", context)
    try:
        send_mail(subject, body, None, [invitation.email])
    except (OSError, smtplib.SMTPException):  # the invitation stands; it can be sent again
        logger.exception("Invitation mail %s failed", invitation.pk)
        return False
    return True


@transaction.atomic
def invite_member(
    *, by, organisation: Organisation, email: str, role: str, language: str = "en"
) -> Invitation:
    """Invite ``email`` to ``organisation`` with ``role``; the mail leaves after commit."""
    if not access.can_manage_members(by, organisation):
        raise PermissionDenied(_("Only administrators of this organisation can invite members."))
    errors: dict[str, list[str]] = {}
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = [_("Enter a valid email address.")]
    if role not in MembershipRole.values:
        errors["role"] = [_("Unknown role.")]
    if errors:
        raise ValidationError(errors)
    raw = secrets.token_urlsafe(24)
    now = timezone.now()
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        language=language if language in UI_LANGUAGES else "en",
        token_digest=_digest(raw),
        invited_by=by if getattr(by, "is_authenticated", False) else None,
        created_at=now,
        expires_at=now + timedelta(days=INVITATION_DAYS),
    )
    transaction.on_commit(lambda: _mail_invitation(invitation, raw))
    return invitation


def find_invitation(raw: str, *, for_update: bool = False) -> Invitation:
    """The open invitation behind a link, or InvitationError."""
    queryset = Invitation.objects.open().select_related("organisation")
    if for_update:
        queryset = queryset.select_for_update(of=("self",))
    invitation = queryset.filter(token_digest=_digest(raw or "")).first()
    if invitation is None:
        raise InvitationError(
            {"token": [_("This invitation link is not valid: it was used, withdrawn or expired.")]}
        )
    return invitation


@transaction.atomic
def accept_invitation(raw: str, *, user) -> Membership:
    """``user`` joins with the invitation's role (a higher role they already hold stays)."""
    invitation = find_invitation(raw, for_update=True)
    current = Membership.objects.filter(user=user, organisation=invitation.organisation).first()
    rank = {role: position for position, role in enumerate(MembershipRole.values)}
    role = invitation.role
    if current is not None and rank[current.role] > rank[role]:
        role = current.role
    membership = add_member(by=None, user=user, organisation=invitation.organisation, role=role)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def withdraw_invitation(invitation: Invitation, *, by) -> Invitation:
    if not access.can_manage_members(by, invitation.organisation):
        raise PermissionDenied(_("Only administrators of this organisation can invite members."))
    if invitation.revoked_at is None and invitation.accepted_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation

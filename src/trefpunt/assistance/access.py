"""Who may see the mutual-assistance map: the one home of these rules, and the audit.

- Crisis staff (platform role ``crisis_staff``; superusers too) read and write everything in
  this app. Nobody else, not curators nor organisation editors: every assistance URL answers
  404 to them, so the map's existence is not revealed.
- Crisis-centre admins are crisis staff who are administrators of an organisation of kind
  ``crisis_centre``: they also read the audit trail.
- Every read (each page or API call) and every write (each operation) of crisis staff adds one
  ``AuditEntry`` (who, what, when, which object).
"""

from functools import wraps

from django.http import Http404
from django.utils.translation import gettext as _

from trefpunt.accounts.permissions import is_crisis_staff
from trefpunt.organisations.models import Membership, MembershipRole, OrganisationKind

from .models import AuditAction, AuditEntry


def can_use(user) -> bool:
    return is_crisis_staff(user)


def is_crisis_centre_admin(user) -> bool:
    if not can_use(user):
        return False
    if user.is_superuser:
        return True
    return Membership.objects.filter(
        user=user, role=MembershipRole.ADMIN, organisation__kind=OrganisationKind.CRISIS_CENTRE
    ).exists()


def not_found() -> Http404:
    return Http404(_("Not found."))


def require(user) -> None:
    """404 unless ``user`` is crisis staff (existence is not revealed)."""
    if not can_use(user):
        raise not_found()


def require_admin(user) -> None:
    if not is_crisis_centre_admin(user):
        raise not_found()


def audit(user, action: str, what: str, obj=None, *, path: str = "") -> AuditEntry:
    """Record one read or write. ``user=None`` is the system (CLI, demo loader)."""
    return AuditEntry.objects.create(
        user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or "system",
        action=action,
        what=what[:100],
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        path=path[:500],
    )


def audit_read(request, what: str, obj=None, user=None) -> None:
    audit(user or request.user, AuditAction.READ, what, obj, path=request.get_full_path())


def crisis_page(what: str, *, admin: bool = False):
    """Decorate a view: 404 for everyone but crisis staff (or crisis-centre admins), and one
    audit row per read (GET/HEAD). Writes are audited by the operations they call."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            (require_admin if admin else require)(request.user)
            response = view(request, *args, **kwargs)
            if request.method in ("GET", "HEAD"):
                audit_read(request, what, getattr(response, "audited_object", None))
            return response

        return wrapped

    return decorate

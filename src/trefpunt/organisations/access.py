"""Who acts for which organisation: the one rule every app asks, for reading and writing.

A user *acts for* the organisations where they are an editor or administrator, and for every
sub-unit of those at any depth (a municipality's editor acts for its departments). A *member*
is anyone with a membership, viewers included. Curators act for every organisation.
Results are read once per user object (a request sees one state of the memberships); call
``forget(user)`` after changing a user's memberships.
"""

from trefpunt.accounts.models import PlatformRole
from trefpunt.accounts.permissions import has_platform_role, is_curator

from .models import ContactVisibility, Membership, MembershipRole, Organisation, Post

_CACHES = ("_trefpunt_edits", "_trefpunt_acts_for", "_trefpunt_member_of")
# Deeper trees than this are a data error; the walk stops rather than loop on a cycle.
MAX_DEPTH = 10


def _is_user(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def _edits(user) -> frozenset[int]:
    """Ids of the organisations where ``user`` is an editor or administrator."""
    if not _is_user(user):
        return frozenset()
    cached = getattr(user, "_trefpunt_edits", None)
    if cached is None:
        cached = frozenset(
            Membership.objects.filter(
                user=user, role__in=(MembershipRole.EDITOR, MembershipRole.ADMIN)
            ).values_list("organisation_id", flat=True)
        )
        user._trefpunt_edits = cached
    return cached


def acts_for(user) -> frozenset[int]:
    """Ids of the organisations ``user`` edits (editor/admin) and all their sub-units."""
    if not _is_user(user):
        return frozenset()
    cached = getattr(user, "_trefpunt_acts_for", None)
    if cached is None:
        ids = set(_edits(user))
        frontier = set(ids)
        for _depth in range(MAX_DEPTH):
            if not frontier:
                break
            frontier = (
                set(Organisation.objects.filter(parent__in=frontier).values_list("pk", flat=True))
                - ids
            )
            ids |= frontier
        cached = frozenset(ids)
        user._trefpunt_acts_for = cached
    return cached


def member_of(user) -> frozenset[int]:
    """Ids of the organisations ``user`` belongs to directly, in any role."""
    if not _is_user(user):
        return frozenset()
    cached = getattr(user, "_trefpunt_member_of", None)
    if cached is None:
        cached = frozenset(
            Membership.objects.filter(user=user).values_list("organisation_id", flat=True)
        )
        user._trefpunt_member_of = cached
    return cached


def can_act_for(user, organisation: Organisation | None) -> bool:
    """Curators act for everything; editors for their organisations and their sub-units.

    Walks up from ``organisation`` (rather than reading ``acts_for``), so a sub-unit created
    during the request is already covered."""
    if is_curator(user):
        return True
    edits = _edits(user)
    node, depth = organisation, 0
    while node is not None and depth <= MAX_DEPTH:
        if node.pk in edits:
            return True
        node, depth = node.parent, depth + 1
    return False


def can_manage_members(user, organisation: Organisation) -> bool:
    """Superusers, and administrators of ``organisation`` itself, add its members."""
    if not _is_user(user):
        return False
    if user.is_superuser:
        return True
    # Administrators are among the (cached) organisations the user edits: no query for others.
    if organisation.pk not in _edits(user):
        return False
    return Membership.objects.filter(
        user=user, organisation=organisation, role=MembershipRole.ADMIN
    ).exists()


def forget(user) -> None:
    """Drop what was read of ``user``'s memberships (after they changed)."""
    for name in _CACHES:
        user.__dict__.pop(name, None)


def may_see_contact(user, visibility: str, organisation_id: int | None) -> bool:
    """Whether ``user`` may see a work contact shown to ``visibility``.

    Public: everyone. Members: anyone with a membership in an organisation of the network.
    Crisis staff: users with that platform role. Curators, and whoever acts for the
    organisation of the post (they keep the data), see every level.
    """
    if visibility == ContactVisibility.PUBLIC:
        return True
    if not _is_user(user):
        return False
    if is_curator(user) or (organisation_id is not None and organisation_id in acts_for(user)):
        return True
    if visibility == ContactVisibility.MEMBERS:
        return bool(member_of(user)) or has_platform_role(user, PlatformRole.CRISIS_STAFF)
    if visibility == ContactVisibility.CRISIS_STAFF:
        return has_platform_role(user, PlatformRole.CRISIS_STAFF)
    return False


def visible_contact(user, post: Post) -> dict[str, str]:
    """The work e-mail and phone of ``post`` that ``user`` may see (empty values left out)."""
    if not may_see_contact(user, post.contact_visibility, post.organisation_id):
        return {}
    return {
        key: value
        for key, value in (("email", post.work_email), ("phone", post.work_phone))
        if value
    }


def public_contact(post: Post) -> dict[str, str]:
    """What exports, feeds, search and the public API may show: public contacts only."""
    return visible_contact(None, post)


def can_curate_relations(user) -> bool:
    """Relations between institutions are the directory's structure: curators write them
    through the API (editors still relate their own organisation, see ``operations.relate``)."""
    return is_curator(user)


def can_record_presidencies(user) -> bool:
    """The Benelux presidencies are reference data: curators record and correct them."""
    return is_curator(user)

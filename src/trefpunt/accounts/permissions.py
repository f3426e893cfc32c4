"""Who may do what. Views, API, admin actions and operations all ask here."""

from .models import MembershipRole, PlatformRole


def _is_user(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def has_platform_role(user, role: str) -> bool:
    if not _is_user(user):
        return False
    if user.is_superuser:
        return True
    cache = getattr(user, "_trefpunt_roles", None)
    if cache is None:
        cache = set(user.grants.values_list("role", flat=True))
        user._trefpunt_roles = cache
    return role in cache


def is_curator(user) -> bool:
    return has_platform_role(user, PlatformRole.CURATOR)


def is_crisis_staff(user) -> bool:
    return has_platform_role(user, PlatformRole.CRISIS_STAFF)


def editable_organisation_ids(user) -> set[int]:
    """Organisations ``user`` edits as editor or admin (read once per user object, like the
    platform roles: a request sees one state of the memberships)."""
    if not _is_user(user):
        return set()
    cache = getattr(user, "_trefpunt_editable", None)
    if cache is None:
        cache = set(
            user.memberships.filter(
                role__in=(MembershipRole.EDITOR, MembershipRole.ADMIN)
            ).values_list("organisation_id", flat=True)
        )
        user._trefpunt_editable = cache
    return set(cache)


def editable_organisation_tree_ids(user) -> set[int]:
    """The organisations ``user`` edits and all their sub-units, at any depth (what
    ``can_edit_organisation`` allows, as a set for filtering lists)."""
    if not _is_user(user):
        return set()
    cache = getattr(user, "_trefpunt_editable_tree", None)
    if cache is None:
        from trefpunt.organisations.models import Organisation

        cache = editable_organisation_ids(user)
        frontier = set(cache)
        for _depth in range(10):
            if not frontier:
                break
            frontier = (
                set(Organisation.objects.filter(parent__in=frontier).values_list("pk", flat=True))
                - cache
            )
            cache |= frontier
        user._trefpunt_editable_tree = cache
    return set(cache)


def can_edit_organisation(user, organisation) -> bool:
    """Curators edit everything; editors edit their organisation and its sub-units."""
    if is_curator(user):
        return True
    allowed = editable_organisation_ids(user)
    node = organisation
    depth = 0
    while node is not None and depth < 10:
        if node.pk in allowed:
            return True
        node = node.parent
        depth += 1
    return False

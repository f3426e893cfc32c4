"""Platform roles of a user (curator). Which organisations a user acts for is the
directory's rule: ``trefpunt.organisations.access``."""

from .models import PlatformRole


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

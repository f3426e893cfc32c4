"""Who may follow what, and whose subscriptions are whose."""

from trefpunt.obstacles import access as obstacles_access
from trefpunt.obstacles.models import Obstacle

from .models import Kind, Subscription


def _is_user(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def can_subscribe(user, kind: str, target) -> bool:
    """Signed-in users follow any series, theme, territory and organisation, and the
    obstacles they may read."""
    if not _is_user(user) or target is None:
        return False
    if kind == Kind.OBSTACLE:
        return obstacles_access.visible(Obstacle.objects.filter(pk=target.pk), user).exists()
    return True


def can_manage(user, subscription: Subscription) -> bool:
    return _is_user(user) and subscription.user_id == user.pk


def own(user):
    """The subscriptions of ``user`` (none for anonymous visitors)."""
    if not _is_user(user):
        return Subscription.objects.none()
    return Subscription.objects.filter(user=user)

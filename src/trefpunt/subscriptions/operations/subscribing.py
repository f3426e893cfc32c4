"""Follow, change, stop following; the one-click unsubscribe links."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trefpunt.accounts import mailing
from trefpunt.meetings.models import Series
from trefpunt.obstacles.models import Obstacle
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.practices.models import Theme

from .. import access
from ..models import TARGET_FIELDS, Frequency, Kind, Subscription

# How each kind of record is named in forms, links and the API.
_LOOKUPS = {
    Kind.SERIES: (Series, "slug"),
    Kind.THEME: (Theme, "slug"),
    Kind.TERRITORY: (Territory, "code"),
    Kind.ORGANISATION: (Organisation, "slug"),
    Kind.OBSTACLE: (Obstacle, "pk"),
}


def target_key(subscription: Subscription) -> str:
    _model, field = _LOOKUPS[subscription.kind]
    return str(getattr(subscription.target, field))


def find_target(kind: str, key):
    """The record ``key`` names for ``kind``; ValidationError when there is none."""
    if kind not in Kind.values:
        raise ValidationError({"kind": [_("Choose what to follow.")]})
    model, field = _LOOKUPS[Kind(kind)]
    key = str(key or "").strip()
    if field == "pk" and not key.isdigit():
        found = None
    else:
        found = model.objects.filter(**{field: key}).first() if key else None
    if found is None:
        raise ValidationError(
            {"target": [_("Nothing of this kind has the identifier “%(key)s”.") % {"key": key}]}
        )
    return found


def _check_frequency(frequency: str) -> None:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": [_("Choose immediately, daily or weekly.")]})


@transaction.atomic
def subscribe(
    *, user, kind: str, target, frequency: str = Frequency.DAILY
) -> tuple[Subscription, bool]:
    """Follow ``target``; following it again changes the frequency. Returns (row, created)."""
    _check_frequency(frequency)
    if kind not in Kind.values:
        raise ValidationError({"kind": [_("Choose what to follow.")]})
    if not access.can_subscribe(user, kind, target):
        raise PermissionDenied(_("You may not follow this."))
    field = TARGET_FIELDS[Kind(kind)]
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        user=user, kind=kind, **{field: target}, defaults={"frequency": frequency}
    )
    if not created and subscription.frequency != frequency:
        subscription.frequency = frequency
        subscription.save(update_fields=["frequency"])
    return subscription, created


@transaction.atomic
def change_frequency(subscription: Subscription, *, user, frequency: str) -> Subscription:
    if not access.can_manage(user, subscription):
        raise PermissionDenied(_("This is not your subscription."))
    _check_frequency(frequency)
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])
    return subscription


@transaction.atomic
def unsubscribe(subscription: Subscription, *, user) -> None:
    if not access.can_manage(user, subscription):
        raise PermissionDenied(_("This is not your subscription."))
    subscription.delete()


# One-click unsubscribe: a signed token names one subscription ({"s": id, "u": user}) or all
# of a user's subscriptions of one frequency ({"f": frequency, "u": user}: the whole digest).


def subscription_token(subscription: Subscription) -> str:
    return mailing.make_token({"s": subscription.pk, "u": subscription.user_id})


def digest_token(user, frequency: str) -> str:
    return mailing.make_token({"f": frequency, "u": user.pk})


def unsubscribe_url(token: str, language: str) -> str:
    return mailing.absolute_url("subscriptions:unsubscribe", language, token=token)


def read_unsubscribe(token: str):
    """What a link stops: a queryset of existing subscriptions, or None when the link is
    forged, too old, or what it names no longer exists."""
    payload = mailing.read_token(token)
    if not payload or not isinstance(payload.get("u"), int):
        return None
    if isinstance(payload.get("s"), int):
        found = Subscription.objects.filter(pk=payload["s"], user_id=payload["u"])
    elif payload.get("f") in Frequency.values:
        found = Subscription.objects.filter(user_id=payload["u"], frequency=payload["f"])
    else:
        return None
    return found if found.exists() else None


@transaction.atomic
def unsubscribe_by_token(token: str) -> int:
    """Remove what the link names; the number removed (0: nothing changed)."""
    found = read_unsubscribe(token)
    if found is None:
        return 0
    count, _detail = found.delete()
    return count

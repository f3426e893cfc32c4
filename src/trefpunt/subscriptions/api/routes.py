"""GET/POST/DELETE /subscriptions: the token's user's own subscriptions."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, language_of

from .. import access, operations
from ..models import Subscription
from .router import router
from .schemas import SubscriptionIn, SubscriptionList, SubscriptionOut, SubscriptionQuery


def subscription_out(subscription: Subscription, language: str) -> dict:
    return {
        "id": subscription.pk,
        "kind": subscription.kind,
        "target": operations.target_key(subscription),
        "label": subscription.target_label(language),
        "frequency": subscription.frequency,
        "created_at": subscription.created_at,
        "last_sent_at": subscription.last_sent_at,
    }


def _mine(user):
    return access.own(user).with_targets().prefetch_related("obstacle__translations")


@router.get(
    "/subscriptions",
    auth=token_auth,
    response={200: SubscriptionList, 401: ErrorOut, 422: ErrorOut},
    summary="My subscriptions",
    url_name="subscription_list",
)
def list_subscriptions(request, page: Query[SubscriptionQuery]):
    """What the token's user follows, oldest first."""
    language = language_of(request, page)
    qs = _mine(request.auth).order_by("created_at", "pk")
    items = qs[page.offset : page.offset + page.limit]
    return {"count": qs.count(), "items": [subscription_out(s, language) for s in items]}


@router.post(
    "/subscriptions",
    auth=token_auth,
    response={
        200: SubscriptionOut,
        201: SubscriptionOut,
        401: ErrorOut,
        403: ErrorOut,
        422: ErrorOut,
    },
    summary="Follow a series, theme, territory, organisation or obstacle",
    url_name="subscription_create",
)
def create_subscription(request, payload: SubscriptionIn):
    """201 with the new subscription; 200 when it existed (its frequency is updated)."""
    target = operations.find_target(payload.kind, payload.target)
    subscription, created = operations.subscribe(
        user=request.auth, kind=payload.kind, target=target, frequency=payload.frequency
    )
    body = subscription_out(_mine(request.auth).get(pk=subscription.pk), language_of(request))
    return Status(201 if created else 200, body)


@router.delete(
    "/subscriptions/{int:id}",
    auth=token_auth,
    response={204: None, 401: ErrorOut, 404: ErrorOut},
    summary="Stop following",
    url_name="subscription_delete",
)
def delete_subscription(request, id: int):
    subscription = access.own(request.auth).filter(pk=id).first()
    if subscription is None:
        return Status(404, {"detail": _("You have no subscription with this number.")})
    operations.unsubscribe(subscription, user=request.auth)
    return HttpResponse(status=204)

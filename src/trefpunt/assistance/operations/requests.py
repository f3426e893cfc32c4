"""Requests → offers → accept → mobilised → demobilised, with partial coverage and a log of
every step (``RequestEvent``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trefpunt.lib.content import with_history_user

from .. import reach
from ..models import COUNTING, AssistanceRequest, Offer, OfferStatus, RequestEvent, RequestStatus
from .base import Errors, allowed, written

# offer status → the statuses it may move to
NEXT = {
    OfferStatus.OFFERED: (OfferStatus.ACCEPTED, OfferStatus.DECLINED),
    OfferStatus.ACCEPTED: (OfferStatus.MOBILISED, OfferStatus.DECLINED),
    OfferStatus.MOBILISED: (OfferStatus.DEMOBILISED,),
    OfferStatus.DEMOBILISED: (),
    OfferStatus.DECLINED: (),
}


def _log(request, step: str, user, *, offer=None, quantity=None, note: str = "") -> None:
    RequestEvent.objects.create(
        request=request,
        offer=offer,
        step=step,
        quantity=quantity,
        note=note,
        actor=user if getattr(user, "pk", None) else None,
    )


def _positive(errors: Errors, name: str, value) -> None:
    if value is None or value <= 0:
        errors.add(name, _("Must be more than zero."))


def open_request(
    *,
    user,
    kind,
    quantity: int,
    latitude: float,
    longitude: float,
    requester=None,
    country: str = "",
    place: str = "",
    needed_within_minutes: int | None = None,
    priority: str = "high",
    description: str = "",
) -> AssistanceRequest:
    allowed(user)
    errors = Errors()
    _positive(errors, "quantity", quantity)
    if needed_within_minutes is not None and needed_within_minutes < 0:
        errors.add("needed_within_minutes", _("Must be zero or more."))
    errors.raise_any()
    if not reach.in_area(latitude, longitude):
        raise ValidationError({"latitude": [_("The point is outside the area of the map.")]})
    with transaction.atomic():
        request = AssistanceRequest(
            kind=kind,
            quantity=quantity,
            latitude=latitude,
            longitude=longitude,
            requester=requester,
            country=country,
            place=place,
            needed_within_minutes=needed_within_minutes,
            priority=priority,
            description=description,
            created_by=user if getattr(user, "pk", None) else None,
        )
        request.full_clean()
        with_history_user(request, user)
        request.save()
        _log(request, "opened", user, quantity=quantity)
        written(user, "open request", request)
    return request


def make_offer(
    request: AssistanceRequest,
    *,
    user,
    quantity: int,
    capability=None,
    provider=None,
    legal_basis=None,
    note: str = "",
) -> Offer:
    allowed(user)
    errors = Errors()
    _positive(errors, "quantity", quantity)
    if capability is not None and capability.kind_id != request.kind_id:
        errors.add("capability", _("The capability is not of the requested kind."))
    errors.raise_any()
    with transaction.atomic():
        offer = Offer(
            request=request,
            capability=capability,
            quantity=quantity,
            provider=provider or (capability.owner if capability else None),
            legal_basis=legal_basis or (capability.legal_basis if capability else None),
            note=note,
        )
        with_history_user(offer, user)
        offer.save()
        _log(request, "offered", user, offer=offer, quantity=quantity, note=note)
        written(user, "make offer", offer)
    return offer


def _coverage(request: AssistanceRequest) -> int:
    return sum(request.offers.filter(status__in=COUNTING).values_list("quantity", flat=True))


def _refresh_status(request: AssistanceRequest, user) -> None:
    covered = _coverage(request)
    status = (
        RequestStatus.COVERED
        if covered >= request.quantity
        else RequestStatus.PARTIAL
        if covered
        else RequestStatus.OPEN
    )
    if request.status != RequestStatus.CLOSED and status != request.status:
        request.status = status
        request.version += 1
        with_history_user(request, user)
        request.save(update_fields=["status", "version"])
        _log(request, str(status), user, quantity=covered)


def move_offer(offer: Offer, *, user, to_status: str, note: str = "") -> Offer:
    """Accept, mobilise, demobilise or decline an offer. Accepting more than the request still
    needs is refused with a field error (422 in the API): "exceeds the need"."""
    allowed(user)
    with transaction.atomic():
        request = AssistanceRequest.objects.select_for_update().get(pk=offer.request_id)
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
        if to_status not in NEXT.get(offer.status, ()):
            raise ValidationError(
                {
                    "status": [
                        _("An offer that is %(status)s cannot become %(to)s.")
                        % {"status": offer.get_status_display(), "to": to_status}
                    ]
                }
            )
        if to_status == OfferStatus.ACCEPTED:
            still_needed = request.quantity - _coverage(request)
            if offer.quantity > still_needed:
                raise ValidationError(
                    {
                        "quantity": [
                            _("Accepting %(offered)d exceeds the need: %(needed)d still needed.")
                            % {"offered": offer.quantity, "needed": max(still_needed, 0)}
                        ]
                    }
                )
        offer.status = to_status
        with_history_user(offer, user)
        offer.save(update_fields=["status"])
        _log(request, to_status, user, offer=offer, quantity=offer.quantity, note=note)
        _refresh_status(request, user)
        written(user, f"offer {to_status}", offer)
    return offer


def close_request(request: AssistanceRequest, *, user, note: str = "") -> AssistanceRequest:
    allowed(user)
    with transaction.atomic():
        request.status = RequestStatus.CLOSED
        request.version += 1
        with_history_user(request, user)
        request.save(update_fields=["status", "version"])
        _log(request, "closed", user, note=note)
        written(user, "close request", request)
    return request

"""The routes: crisis staff only, 404 for everyone else, every call audited."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Status

from trefpunt.legal.models import LegalAct
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory

from .. import access, operations, queries, reach
from ..models import AuditAction, Capability, CapabilityKind, Offer
from ..nearest import get_index
from .output import (
    capability_out,
    contact_out,
    event_out,
    hit_out,
    offer_out,
    request_out,
)
from .router import router
from .schemas import CapabilityIn, NearestQuery, OfferIn, OfferMove, RequestIn


def _staff(request, what: str, *, admin: bool = False, write: bool = False):
    """The crisis-staff user behind the call (bearer token or session), or 404. Reads are
    audited here; writes by the operation they call."""
    user = request.auth
    if admin:
        access.require_admin(user)
    if not write:
        _read(request, user, what)
    return user


def _read(request, user, what: str, obj=None) -> None:
    access.audit(user, AuditAction.READ, what, obj, path=request.get_full_path())


def _by(model, field: str, value, errors: dict, **lookup):
    if value in (None, ""):
        return None
    found = model.objects.filter(**lookup).first()
    if found is None:
        errors.setdefault(field, []).append(_("Unknown: %(value)s.") % {"value": value})
    return found


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


@router.get("/assistance/nearest", summary="Nearest help across borders")
def nearest(request, filters: NearestQuery = Query(...)):  # noqa: B008
    _staff(request, "nearest help")
    errors: dict = {}
    lat, lon = filters.lat, filters.lon
    if filters.territory:
        place = _by(Territory, "territory", filters.territory, errors, code=filters.territory)
        if place is not None and place.latitude is not None:
            lat, lon = place.latitude, place.longitude
    elif lat is None or lon is None:
        errors["lat"] = [_("Give lat and lon, or a territory.")]
    if not CapabilityKind.objects.filter(slug=filters.kind).exists():
        errors["kind"] = [_("Unknown kind: %(value)s.") % {"value": filters.kind}]
    if filters.quantity is not None and filters.quantity < 0:
        errors["quantity"] = [_("Must be zero or more.")]
    _raise(errors)
    if not reach.in_area(lat, lon):
        raise ValidationError({"lat": [_("The point is outside the area of the map.")]})
    index = get_index()
    hits = index.nearest(
        lat,
        lon,
        filters.kind,
        quantity=filters.quantity,
        within_minutes=filters.within,
        limit=filters.limit,
        country=(filters.country or "").upper(),
    )
    return {
        "point": {"lat": lat, "lon": lon, "country": filters.country or index.country_at(lat, lon)},
        "model": {"detour_factor": reach.DETOUR_FACTOR, "speed_kmh": reach.SPEED_KMH},
        "results": [hit_out(h) for h in hits],
    }


@router.get("/assistance/kinds", summary="Capability kinds")
def kinds(request):
    _staff(request, "capability kinds")
    return [
        {
            "slug": k.slug,
            "group": k.group,
            "unit": k.unit,
            "names": {n.language: n.name for n in k.names.all()},
        }
        for k in queries.kinds()
    ]


@router.get("/assistance/capabilities", summary="Capabilities")
def capabilities(
    request, kind: str | None = None, country: str | None = None, limit: int = 100, offset: int = 0
):
    _staff(request, "capabilities")
    found = queries.capabilities(kind, country)
    limit = max(1, min(limit, 1000))
    return {
        "count": found.count(),
        "items": [capability_out(c) for c in found[offset : offset + limit]],
    }


@router.get("/assistance/capabilities/{capability_id}", summary="One capability")
def capability(request, capability_id: int):
    user = _staff(request, "capability", write=True)
    found = queries.one(queries.capabilities(), pk=capability_id)
    _read(request, user, "capability", found)
    return capability_out(found)


@router.post("/assistance/capabilities", summary="Record a capability", response={201: dict})
def record_capability(request, payload: CapabilityIn):
    user = _staff(request, "record capability", write=True)
    errors: dict = {}
    values = payload.dict()
    values["kind"] = _by(CapabilityKind, "kind", payload.kind, errors, slug=payload.kind)
    values["owner"] = _by(Organisation, "owner", payload.owner, errors, slug=payload.owner)
    values["legal_basis"] = _by(
        LegalAct, "legal_basis", payload.legal_basis, errors, bwb_id=payload.legal_basis
    )
    if values["kind"] is None and "kind" not in errors:
        errors["kind"] = [_("This field is required.")]
    _raise(errors)
    created = operations.record_capability(user=user, **values)
    return Status(201, capability_out(created))


@router.get("/assistance/contacts", summary="24/7 contact points")
def contacts(request, stale: bool = False):
    _staff(request, "contact points")
    found = queries.contacts()
    if stale:
        found = found.stale()
    return [contact_out(p) for p in found]


@router.get("/assistance/requests", summary="Assistance requests")
def requests(request):
    _staff(request, "requests")
    return [request_out(r) for r in queries.requests()[:200]]


@router.get("/assistance/requests/{request_id}", summary="One request and its log")
def one_request(request, request_id: int):
    user = _staff(request, "request", write=True)
    found = queries.one(queries.requests(), pk=request_id)
    _read(request, user, "request", found)
    return request_out(found)


@router.post("/assistance/requests", summary="Open a request", response={201: dict})
def open_request(request, payload: RequestIn):
    user = _staff(request, "open request", write=True)
    errors: dict = {}
    values = payload.dict()
    values["kind"] = _by(CapabilityKind, "kind", payload.kind, errors, slug=payload.kind)
    values["requester"] = _by(
        Organisation, "requester", payload.requester, errors, slug=payload.requester
    )
    _raise(errors)
    created = operations.open_request(user=user, **values)
    return Status(201, request_out(queries.one(queries.requests(), pk=created.pk)))


@router.post("/assistance/requests/{request_id}/offers", summary="Offer help", response={201: dict})
def make_offer(request, request_id: int, payload: OfferIn):
    user = _staff(request, "make offer", write=True)
    target = queries.one(queries.requests(), pk=request_id)
    errors: dict = {}
    capability = _by(Capability, "capability", payload.capability, errors, pk=payload.capability)
    provider = _by(Organisation, "provider", payload.provider, errors, slug=payload.provider)
    basis = _by(LegalAct, "legal_basis", payload.legal_basis, errors, bwb_id=payload.legal_basis)
    _raise(errors)
    offer = operations.make_offer(
        target,
        user=user,
        quantity=payload.quantity,
        capability=capability,
        provider=provider,
        legal_basis=basis,
        note=payload.note,
    )
    return Status(201, offer_out(offer))


@router.post("/assistance/offers/{offer_id}/status", summary="Accept, mobilise…")
def move_offer(request, offer_id: int, payload: OfferMove):
    user = _staff(request, "move offer", write=True)
    offer = queries.one(Offer.objects.all(), pk=offer_id)
    operations.move_offer(offer, user=user, to_status=payload.status, note=payload.note)
    return request_out(queries.one(queries.requests(), pk=offer.request_id))


@router.get("/assistance/events", summary="Major events")
def events(request):
    _staff(request, "major events")
    return [event_out(e) for e in queries.events()]


@router.get("/assistance/events/{slug}", summary="One major event")
def event(request, slug: str):
    user = _staff(request, "major event", write=True)
    found = queries.one(queries.events(), slug=slug)
    _read(request, user, "major event", found)
    return event_out(found, full=True)


@router.get("/assistance/report", summary="The mapping: kind × country × region")
def report(request):
    _staff(request, "mapping report")
    return queries.mapping_table()


@router.get("/assistance/audit", summary="The audit trail (crisis-centre admins)")
def audit(request, limit: int = 200):
    _staff(request, "audit", admin=True)
    return [
        {
            "at": a.at,
            "user": a.username,
            "action": a.action,
            "what": a.what,
            "object_type": a.object_type,
            "object_id": a.object_id,
            "path": a.path,
        }
        for a in queries.audit()[: max(1, min(limit, 1000))]
    ]


@router.get("/assistance/requests/{request_id}/offers", summary="A request's offers")
def offers(request, request_id: int):
    user = _staff(request, "offers", write=True)
    found = queries.one(queries.requests(), pk=request_id)
    _read(request, user, "offers", found)
    return [offer_out(o) for o in found.offers.all()]


@router.get("/assistance/offers/{offer_id}/status", summary="An offer's status")
def offer_status(request, offer_id: int):
    user = _staff(request, "offer", write=True)
    found = queries.one(Offer.objects.select_related("provider", "legal_basis"), pk=offer_id)
    _read(request, user, "offer", found)
    return offer_out(found)

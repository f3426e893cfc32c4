"""Dicts the routes return."""

from ..models import AssistanceRequest, Capability, ContactPoint, MajorEvent, Offer


def capability_out(c: Capability) -> dict:
    return {
        "id": c.pk,
        "kind": c.kind.slug,
        "name": c.name,
        "owner": c.owner.slug if c.owner_id else None,
        "owner_name": c.owner_label,
        "owner_type": c.owner_type,
        "country": c.country,
        "region": c.region,
        "latitude": c.latitude,
        "longitude": c.longitude,
        "quantity": c.quantity,
        "activation_minutes": c.activation_minutes,
        "self_sufficiency_hours": c.self_sufficiency_hours,
        "availability": c.availability,
        "last_verified": c.last_verified,
        "legal_basis": c.legal_basis.bwb_id if c.legal_basis_id else None,
        "details": c.details,
        "flags": c.flags,
        "version": c.version,
    }


def hit_out(hit) -> dict:
    item = hit.item
    return {
        "id": item.id,
        "kind": item.kind,
        "name": item.name,
        "owner": item.owner,
        "owner_type": item.owner_type,
        "country": item.country,
        "region": item.region,
        "latitude": item.latitude,
        "longitude": item.longitude,
        "quantity": item.quantity,
        "activation_minutes": item.activation_minutes,
        "distance_km": round(hit.great_circle_km, 1),
        "road_km": round(hit.road_km, 1),
        "arrival_minutes": round(hit.arrival_minutes, 1),
        "cross_border": hit.cross_border,
        "basis": "agreement" if hit.agreement else ("none" if hit.cross_border else "domestic"),
        "agreement": hit.agreement,
        "warning": hit.warning,
        "contact": hit.contact,
        "why": hit.why,
        "flags": list(item.flags),
    }


def contact_out(p: ContactPoint) -> dict:
    return {
        "id": p.pk,
        "organisation": p.organisation.slug if p.organisation_id else None,
        "country": p.country,
        "region": p.region,
        "label": p.label,
        "channel": p.channel,
        "value": p.value,
        "hours": p.hours,
        "last_verified": p.last_verified,
        "stale": p.is_stale(),
    }


def offer_out(o: Offer) -> dict:
    return {
        "id": o.pk,
        "request": o.request_id,
        "capability": o.capability_id,
        "provider": o.provider.slug if o.provider_id else None,
        "quantity": o.quantity,
        "legal_basis": o.legal_basis.bwb_id if o.legal_basis_id else None,
        "status": o.status,
        "note": o.note,
    }


def request_out(r: AssistanceRequest) -> dict:
    offers = list(r.offers.all())
    return {
        "id": r.pk,
        "kind": r.kind.slug,
        "quantity": r.quantity,
        "covered": r.covered_quantity(),
        "status": r.status,
        "priority": r.priority,
        "latitude": r.latitude,
        "longitude": r.longitude,
        "country": r.country,
        "place": r.place,
        "needed_within_minutes": r.needed_within_minutes,
        "requester": r.requester.slug if r.requester_id else None,
        "description": r.description,
        "created_at": r.created_at,
        "offers": [offer_out(o) for o in offers],
        "log": [
            {
                "step": e.step,
                "quantity": e.quantity,
                "offer": e.offer_id,
                "at": e.at,
                "actor": e.actor.username if e.actor_id else None,
                "note": e.note,
            }
            for e in r.events.all()
        ],
    }


def event_out(e: MajorEvent, full: bool = False) -> dict:
    data = {
        "slug": e.slug,
        "name": e.name,
        "venue": e.venue,
        "country": e.country,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "starts_on": e.starts_on,
        "ends_on": e.ends_on,
    }
    if full:
        data.update(
            description=e.description,
            pre_positioned=[
                {"capability": p.capability_id, "name": p.capability.name, "quantity": p.quantity}
                for p in e.pre_positioned.all()
            ],
            checklist=[{"text": i.text, "done": i.done} for i in e.checklist.all()],
            lessons=[{"text": x.text, "at": x.at} for x in e.lessons.all()],
        )
    return data

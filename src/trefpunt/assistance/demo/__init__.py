"""Demo data of the mutual-assistance map, written by us (``is_demo``) and loaded from the
JSON files beside this module through the app's operations: the capability kinds (four
languages), agreements linked to the legal acts of the library (by ``bwb_id``; missing acts are
skipped), capabilities of organisations in the demo directory, 24/7 contact points with
fictional numbers (marked as such) and a major event. Idempotent."""

import json
from datetime import date, timedelta
from pathlib import Path

from django.utils import timezone

from trefpunt.legal.models import LegalAct
from trefpunt.organisations.models import Organisation

from .. import operations
from ..models import Capability, CapabilityKind, MajorEvent

HERE = Path(__file__).parent


def _data(name: str):
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def load_kinds() -> int:
    created = 0
    for position, kind in enumerate(_data("kinds.json")):
        _kind, new = operations.save_kind(
            user=None,
            slug=kind["slug"],
            group=kind["group"],
            unit=kind["unit"],
            names=kind["names"],
            position=position,
        )
        created += int(new)
    return created


def _agreements() -> int:
    created = 0
    acts = {a.bwb_id: a for a in LegalAct.objects.all()}
    for item in _data("agreements.json"):
        act = acts.get(item["act"])
        if act is None:
            continue
        for position, (party_a, party_b) in enumerate(item["pairs"]):
            _agreement, new = operations.link_agreement(
                user=None,
                act=act,
                party_a=party_a,
                party_b=party_b,
                scope=item["scope"],
                position=position,
            )
            created += int(new)
    return created


def _capabilities(organisations: dict, kinds: dict) -> int:
    created = 0
    today = timezone.localdate()
    for item in _data("capabilities.json"):
        owner = organisations.get(item["owner"])
        if owner is None or Capability.objects.filter(name=item["name"], owner=owner).exists():
            continue
        values = {k: v for k, v in item.items() if k not in ("kind", "owner")}
        operations.record_capability(
            user=None,
            kind=kinds[item["kind"]],
            owner=owner,
            is_demo=True,
            last_verified=today - timedelta(days=30),
            source="demo",
            **values,
        )
        created += 1
    return created


def _contacts(organisations: dict) -> int:
    created = 0
    today = timezone.localdate()
    for item in _data("contacts.json"):
        slug = item["organisation"]
        if slug and slug not in organisations:
            continue
        _point, new = operations.save_contact(
            user=None,
            organisation=organisations.get(slug) if slug else None,
            country=item["country"],
            region=item.get("region", ""),
            label=item["label"],
            channel=item["channel"],
            value=item["value"],
            last_verified=today - timedelta(days=item["verified_days_ago"]),
            is_demo=True,
        )
        created += int(new)
    return created


def _events() -> int:
    created = 0
    for item in _data("events.json"):
        if MajorEvent.objects.filter(slug=item["slug"]).exists():
            continue
        event, _new = operations.save_event(
            user=None,
            slug=item["slug"],
            name=item["name"],
            venue=item["venue"],
            country=item["country"],
            latitude=item["latitude"],
            longitude=item["longitude"],
            starts_on=date.fromisoformat(item["starts_on"]),
            ends_on=date.fromisoformat(item["ends_on"]),
            description=item["description"],
            is_demo=True,
        )
        for name, quantity in item["pre_positioned"]:
            capability = Capability.objects.filter(name=name).first()
            if capability is not None:
                operations.pre_position(event, user=None, capability=capability, quantity=quantity)
        for text in item["checklist"]:
            operations.add_checklist_item(event, user=None, text=text)
        for text in item["lessons"]:
            operations.add_lesson(event, user=None, text=text)
        created += 1
    return created


def load(stdout=None) -> int:
    created = load_kinds()
    kinds = {k.slug: k for k in CapabilityKind.objects.all()}
    organisations = {o.slug: o for o in Organisation.objects.all()}
    created += _agreements()
    created += _capabilities(organisations, kinds)
    created += _contacts(organisations)
    created += _events()
    return created

"""Writes to the capability map: kinds, capabilities, agreements and the hospital import."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from trefpunt.lib.content import check_version, with_history_user

from .. import hospitals, reach
from ..models import Agreement, Capability, CapabilityKind, CapabilityKindName, OwnerType
from .base import Errors, allowed, written

EDITABLE = (
    "kind",
    "name",
    "owner",
    "owner_name",
    "owner_type",
    "country",
    "region",
    "latitude",
    "longitude",
    "quantity",
    "activation_minutes",
    "self_sufficiency_hours",
    "availability",
    "last_verified",
    "legal_basis",
)


def save_kind(
    *, user, slug: str, group: str, names: dict[str, str], unit: str = "", position: int = 0
) -> tuple[CapabilityKind, bool]:
    allowed(user)
    with transaction.atomic():
        kind, created = CapabilityKind.objects.update_or_create(
            slug=slug, defaults={"group": group, "unit": unit, "position": position}
        )
        for language, name in names.items():
            CapabilityKindName.objects.update_or_create(
                kind=kind, language=language, defaults={"name": name}
            )
        written(user, "save kind", kind)
    return kind, created


def _check(values: dict) -> None:
    errors = Errors()
    for name in ("quantity", "activation_minutes", "self_sufficiency_hours"):
        value = values.get(name)
        if value is not None and value < 0:
            errors.add(name, _("Must be zero or more."))
    lat, lon = values.get("latitude"), values.get("longitude")
    if lat is not None and lon is not None and not reach.in_area(lat, lon):
        errors.add("latitude", _("The point is outside the area of the map."))
    if "owner_type" in values and values["owner_type"] not in OwnerType.values:
        errors.add("owner_type", _("Unknown type of owner."))
    errors.raise_any()


def record_capability(*, user, **values) -> Capability:
    allowed(user)
    _check(values)
    with transaction.atomic():
        capability = Capability(**values)
        capability.full_clean()
        with_history_user(capability, user)
        capability.save()
        written(user, "record capability", capability)
    return capability


def update_capability(capability: Capability, *, user, version: int, **values) -> Capability:
    allowed(user)
    _check(values)
    with transaction.atomic():
        capability = Capability.objects.select_for_update().get(pk=capability.pk)
        check_version(capability, version)
        for name, value in values.items():
            if name not in EDITABLE:
                raise ValidationError({name: [_("This field cannot be changed.")]})
            setattr(capability, name, value)
        capability.version += 1
        capability.full_clean()
        with_history_user(capability, user)
        capability.save()
        written(user, "update capability", capability)
    return capability


def archive_capability(capability: Capability, *, user) -> Capability:
    allowed(user)
    with transaction.atomic():
        capability.archived_at = timezone.now()
        capability.version += 1
        with_history_user(capability, user)
        capability.save(update_fields=["archived_at", "version", "updated_at"])
        written(user, "archive capability", capability)
    return capability


def link_agreement(
    *, user, act, party_a: str, party_b: str, scope: str = "", position: int = 0
) -> tuple[Agreement, bool]:
    allowed(user)
    with transaction.atomic():
        agreement, created = Agreement.objects.get_or_create(
            act=act,
            party_a=party_a,
            party_b=party_b,
            defaults={"scope": scope, "position": position, "created_by": user},
        )
        written(user, "link agreement", agreement)
    return agreement, created


def _hospital_values(row: hospitals.HospitalRow, kind: CapabilityKind, quantity) -> dict:
    return {
        "kind": kind,
        "name": row.name,
        "owner_name": row.name,
        "owner_type": OwnerType.HOSPITAL,
        "country": row.country,
        "region": row.region,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "quantity": quantity,
        "availability": "24/7" if kind.slug == "hospital-emergency" else "",
        "details": row.details,
        "flags": row.flags,
        "source": hospitals.SOURCE,
    }


def import_hospitals(paths: list[Path], *, user=None) -> dict:
    """Import the files all-or-nothing: one broken line in any file and nothing is written.
    A second run with the same files changes nothing. Returns counts per country and totals."""
    allowed(user)
    read: list[hospitals.HospitalRow] = []
    errors: list[str] = []
    for path in paths:
        rows, problems = hospitals.read(Path(path))
        read.extend(rows)
        errors.extend(f"{Path(path).name}: {p}" for p in problems)
    if errors:
        raise ValidationError({"file": errors})
    kinds = {
        k.slug: k
        for k in CapabilityKind.objects.filter(slug__in=("hospital", "hospital-emergency"))
    }
    if len(kinds) < 2:
        raise ValidationError({"kind": [_("Load the capability kinds first (load-demo).")]})
    wanted: dict[str, dict] = {}
    summary = {"countries": {}, "created": 0, "updated": 0, "unchanged": 0}
    for row in read:
        wanted[row.key] = _hospital_values(row, kinds["hospital"], row.beds)
        if row.emergency:
            wanted[row.key + ":ed"] = _hospital_values(row, kinds["hospital-emergency"], 1)
        counts = summary["countries"].setdefault(row.country, {"hospitals": 0, "emergency": 0})
        counts["hospitals"] += 1
        counts["emergency"] += int(row.emergency)
    with transaction.atomic():
        existing = {
            c.source_key: c
            for c in Capability.objects.filter(source=hospitals.SOURCE, source_key__in=wanted)
        }
        new, changed = [], []
        for key, values in wanted.items():
            current = existing.get(key)
            if current is None:
                new.append(Capability(source_key=key, **values))
                continue
            fields = [n for n, v in values.items() if getattr(current, n) != v]
            if fields:
                for name in fields:
                    setattr(current, name, values[name])
                current.version += 1
                current.updated_at = timezone.now()
                changed.append(current)
        bulk_create_with_history(new, Capability, batch_size=500, default_user=user)
        if changed:
            bulk_update_with_history(
                changed, Capability, _FIELDS, batch_size=500, default_user=user
            )
        summary.update(
            created=len(new), updated=len(changed), unchanged=len(wanted) - len(new) - len(changed)
        )
        written(user, "import hospitals", None)
    return summary


_FIELDS = [
    "kind",
    "name",
    "owner_name",
    "owner_type",
    "country",
    "region",
    "latitude",
    "longitude",
    "quantity",
    "availability",
    "details",
    "flags",
    "source",
    "version",
    "updated_at",
]

"""Nearest help: capabilities of a kind ranked across borders by estimated arrival.

An in-memory index per process, like ``matching.engine``: per kind, numpy arrays of the
capabilities' coordinates (radians, and the cosine of the latitude), activation minutes and
quantities (−1 when the source does not say). A query computes the arrival time to every
capability of the kind in one vectorised pass (``reach.great_circle_km_many``), masks those
with too small a quantity or beyond the time limit, and takes the top k with
``np.argpartition`` then a stable sort on (arrival, id): the same order as a brute-force loop.

Each hit carries why it ranks there, the agreement that covers the pair of countries/regions
(or a warning when none does) and the 24/7 contact to call. The point's country is that of
the nearest municipality of the gazetteer unless the caller names it.

The index is rebuilt when capabilities, agreements, contact points or territories change: the
version is the latest history row of each (every write through the operations adds one).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from trefpunt.legal.models import LegalAct
from trefpunt.organisations.models import Organisation, OrganisationKind
from trefpunt.places.models import Territory

from . import reach
from .models import Agreement, Capability, ContactPoint


@dataclass(frozen=True)
class Item:
    """What a hit needs to say about its capability, without touching the database."""

    id: int
    kind: str
    name: str
    owner: str
    owner_id: int | None
    owner_type: str
    country: str
    region: str
    latitude: float
    longitude: float
    quantity: int | None
    activation_minutes: int
    legal_basis_id: int | None = None
    flags: tuple = ()


@dataclass
class KindArrays:
    ids: np.ndarray
    lats: np.ndarray  # radians
    lons: np.ndarray  # radians
    cos_lats: np.ndarray
    activation: np.ndarray
    quantity: np.ndarray  # -1 = unknown

    @classmethod
    def of(cls, items: list[Item]) -> KindArrays:
        lat = np.radians(np.array([i.latitude for i in items], dtype=np.float64))
        return cls(
            ids=np.array([i.id for i in items], dtype=np.int64),
            lats=lat,
            lons=np.radians(np.array([i.longitude for i in items], dtype=np.float64)),
            cos_lats=np.cos(lat),
            activation=np.array([i.activation_minutes for i in items], dtype=np.float64),
            quantity=np.array(
                [-1 if i.quantity is None else i.quantity for i in items], dtype=np.int64
            ),
        )


@dataclass(frozen=True)
class Hit:
    item: Item
    great_circle_km: float
    road_km: float
    arrival_minutes: float
    cross_border: bool
    agreement: dict | None
    warning: str | None
    contact: dict | None
    why: str


@dataclass
class NearestIndex:
    items: dict[int, Item]
    kinds: dict[str, KindArrays]
    agreements: list[tuple[str, str, dict]] = field(default_factory=list)
    contacts: dict[tuple, dict] = field(default_factory=dict)
    acts: dict[int, dict] = field(default_factory=dict)
    places: tuple[np.ndarray, np.ndarray, np.ndarray, list[str]] | None = None
    version: object = None

    @classmethod
    def build(cls, items: list[Item], **extra) -> NearestIndex:
        by_kind: dict[str, list[Item]] = {}
        for item in items:
            by_kind.setdefault(item.kind, []).append(item)
        return cls(
            items={i.id: i for i in items},
            kinds={k: KindArrays.of(v) for k, v in by_kind.items()},
            **extra,
        )

    def country_at(self, latitude: float, longitude: float) -> str:
        if self.places is None or not len(self.places[3]):
            return ""
        lats, lons, cos_lats, countries = self.places
        distances = reach.great_circle_km_many(latitude, longitude, lats, lons, cos_lats)
        return countries[int(np.argmin(distances))]

    def ranked(
        self,
        latitude: float,
        longitude: float,
        kind: str,
        *,
        quantity: int | None = None,
        within_minutes: float | None = None,
        limit: int = 10,
    ) -> list[tuple[int, float, float]]:
        """(capability id, great-circle km, arrival minutes) of the best ``limit``."""
        arrays = self.kinds.get(kind)
        if arrays is None or limit <= 0:
            return []
        km = reach.great_circle_km_many(
            latitude, longitude, arrays.lats, arrays.lons, arrays.cos_lats
        )
        arrival = arrays.activation + km * (reach.DETOUR_FACTOR / reach.SPEED_KMH * 60.0)
        keep = np.ones(len(arrays.ids), dtype=bool)
        if quantity:
            keep &= (arrays.quantity >= quantity) | (arrays.quantity < 0)
        if within_minutes is not None:
            keep &= arrival <= within_minutes
        candidates = np.flatnonzero(keep)
        if len(candidates) > limit:
            # Take every row tied with the k-th so the stable sort below breaks ties by id.
            kth = np.partition(arrival[candidates], limit - 1)[limit - 1]
            candidates = candidates[arrival[candidates] <= kth]
        order = np.lexsort((arrays.ids[candidates], arrival[candidates]))[:limit]
        chosen = candidates[order]
        return [(int(arrays.ids[i]), float(km[i]), float(arrival[i])) for i in chosen]

    def nearest(
        self,
        latitude: float,
        longitude: float,
        kind: str,
        *,
        quantity: int | None = None,
        within_minutes: float | None = None,
        limit: int = 10,
        country: str = "",
    ) -> list[Hit]:
        country = country or self.country_at(latitude, longitude)
        hits = []
        for capability_id, km, arrival in self.ranked(
            latitude,
            longitude,
            kind,
            quantity=quantity,
            within_minutes=within_minutes,
            limit=limit,
        ):
            hits.append(self._hit(self.items[capability_id], km, arrival, country, quantity))
        return hits

    def agreement_for(self, item: Item, country: str) -> dict | None:
        if item.legal_basis_id is not None and item.legal_basis_id in self.acts:
            return self.acts[item.legal_basis_id]
        theirs = {item.country, item.region} - {""}
        for party_a, party_b, act in self.agreements:
            if (party_a in theirs and party_b == country) or (
                party_b in theirs and party_a == country
            ):
                return act
        return None

    def contact_for(self, item: Item) -> dict | None:
        return (
            self.contacts.get(("organisation", item.owner_id))
            or self.contacts.get(("region", item.country, item.region))
            or self.contacts.get(("country", item.country))
        )

    def _hit(self, item: Item, km: float, arrival: float, country: str, quantity) -> Hit:
        cross_border = bool(country) and item.country != country
        agreement = self.agreement_for(item, country) if cross_border else None
        warning = None
        if not country:
            warning = _("The country of the point is unknown: check the legal basis.")
        elif cross_border and agreement is None:
            warning = _(
                "No assistance agreement between %(theirs)s and %(ours)s is recorded: "
                "agree on the legal basis before sending."
            ) % {"theirs": item.country, "ours": country}
        road = reach.road_km(km)
        why = _(
            "%(road).1f km by road (%(km).1f km straight × %(detour)s) at %(speed)d km/h "
            "= %(drive).0f min, plus %(activation)d min activation."
        ) % {
            "road": road,
            "km": km,
            "detour": reach.DETOUR_FACTOR,
            "speed": reach.SPEED_KMH,
            "drive": reach.driving_minutes(road),
            "activation": item.activation_minutes,
        }
        if quantity and item.quantity is None:
            why += " " + _("The source does not state a quantity.")
        elif item.quantity is not None:
            why += " " + _("Quantity: %(quantity)d.") % {"quantity": item.quantity}
        if cross_border:
            why += " " + _("Across the border (%(theirs)s → %(ours)s).") % {
                "theirs": item.country,
                "ours": country,
            }
        return Hit(
            item=item,
            great_circle_km=km,
            road_km=road,
            arrival_minutes=arrival,
            cross_border=cross_border,
            agreement=agreement,
            warning=warning,
            contact=self.contact_for(item),
            why=why,
        )


def _latest(model) -> int | None:
    return model.history.order_by("-history_id").values_list("history_id", flat=True).first()


def current_version() -> tuple:
    return tuple(_latest(m) for m in (Capability, Agreement, ContactPoint, Territory))


def _act(act: LegalAct) -> dict:
    return {"bwb_id": act.bwb_id, "title": act.title, "url": act.get_absolute_url()}


def _contact(point: ContactPoint) -> dict:
    return {
        "label": point.label,
        "channel": point.channel,
        "value": point.value,
        "hours": point.hours,
        "last_verified": point.last_verified,
        "stale": point.is_stale(),
    }


def _contacts() -> dict[tuple, dict]:
    found: dict[tuple, dict] = {}
    centres = dict(
        Organisation.objects.filter(kind=OrganisationKind.CRISIS_CENTRE).values_list(
            "pk", "country"
        )
    )
    for point in ContactPoint.objects.order_by("pk"):
        if point.organisation_id is not None:
            found.setdefault(("organisation", point.organisation_id), _contact(point))
            if point.organisation_id in centres:
                found.setdefault(("country", centres[point.organisation_id]), _contact(point))
        elif point.region:
            found.setdefault(("region", point.country, point.region), _contact(point))
        else:
            found.setdefault(("country", point.country), _contact(point))
    return found


def _places():
    rows = list(
        Territory.objects.filter(
            level__in=("municipality", "place"), latitude__isnull=False
        ).values_list("latitude", "longitude", "country")
    )
    lats = np.radians(np.array([r[0] for r in rows], dtype=np.float64))
    lons = np.radians(np.array([r[1] for r in rows], dtype=np.float64))
    return lats, lons, np.cos(lats), [r[2] for r in rows]


def build_index(version=None) -> NearestIndex:
    rows = Capability.objects.active().values_list(
        "pk",
        "kind__slug",
        "name",
        "owner_name",
        "owner_id",
        "owner_type",
        "country",
        "region",
        "latitude",
        "longitude",
        "quantity",
        "activation_minutes",
        "legal_basis_id",
        "flags",
    )
    owners = {
        o.pk: o.name_in()
        for o in Organisation.objects.filter(capabilities__isnull=False).distinct()
    }
    items = [
        Item(
            id=pk,
            kind=kind,
            name=name,
            owner=owners.get(owner_id, owner_name) if owner_id else owner_name,
            owner_id=owner_id,
            owner_type=owner_type,
            country=country,
            region=region,
            latitude=lat,
            longitude=lon,
            quantity=quantity,
            activation_minutes=activation,
            legal_basis_id=basis,
            flags=tuple(flags or ()),
        )
        for (
            pk,
            kind,
            name,
            owner_name,
            owner_id,
            owner_type,
            country,
            region,
            lat,
            lon,
            quantity,
            activation,
            basis,
            flags,
        ) in rows
    ]
    agreements = [
        (a.party_a, a.party_b, _act(a.act)) for a in Agreement.objects.select_related("act")
    ]
    basis_ids = {i.legal_basis_id for i in items if i.legal_basis_id}
    acts = {act.pk: _act(act) for act in LegalAct.objects.filter(pk__in=basis_ids)}
    return NearestIndex.build(
        items,
        agreements=agreements,
        contacts=_contacts(),
        acts=acts,
        places=_places(),
        version=version,
    )


_lock = threading.Lock()
_index: NearestIndex | None = None


def get_index() -> NearestIndex:
    global _index
    version = current_version()
    with _lock:
        if _index is None or _index.version != version:
            _index = build_index(version)
        return _index


def forget_index() -> None:
    global _index
    with _lock:
        _index = None

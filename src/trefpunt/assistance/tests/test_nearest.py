import random

import pytest

from trefpunt.assistance import operations, reach
from trefpunt.assistance.nearest import Item, NearestIndex, get_index

from .conftest import MENEN

pytestmark = pytest.mark.django_db


def _brute_force(items, lat, lon, quantity, limit):
    scored = []
    for item in items:
        if quantity and item.quantity is not None and item.quantity < quantity:
            continue
        scored.append(
            (
                reach.arrival_minutes(
                    item.activation_minutes, lat, lon, item.latitude, item.longitude
                ),
                item.id,
            )
        )
    return [pk for _arrival, pk in sorted(scored)[:limit]]


def test_the_top_10_equals_brute_force_on_random_data():
    rng = random.Random(12)
    items = [
        Item(
            id=i,
            kind="ambulance",
            name=str(i),
            owner="",
            owner_id=None,
            owner_type="other",
            country=rng.choice("BE NL LU DE FR".split()),
            region="",
            latitude=rng.uniform(48, 53.5),
            longitude=rng.uniform(2, 9.5),
            quantity=rng.choice([None, 1, 2, 5, 10]),
            activation_minutes=rng.choice([0, 5, 10, 30, 60]),
        )
        for i in range(1, 2001)
    ]
    index = NearestIndex.build(items)
    for _round in range(25):
        lat, lon = rng.uniform(49, 53), rng.uniform(3, 8)
        quantity = rng.choice([None, 2, 6])
        got = [pk for pk, _km, _m in index.ranked(lat, lon, "ambulance", quantity=quantity)]
        assert got == _brute_force(items, lat, lon, quantity, 10)


def test_ties_are_broken_by_id_like_brute_force():
    items = [
        Item(
            id=i,
            kind="k",
            name="",
            owner="",
            owner_id=None,
            owner_type="other",
            country="BE",
            region="",
            latitude=50.0,
            longitude=4.0,
            quantity=1,
            activation_minutes=0,
        )
        for i in (7, 3, 5, 1)
    ]
    index = NearestIndex.build(items)
    assert [pk for pk, _k, _m in index.ranked(50.1, 4.0, "k", limit=2)] == [1, 3]


def test_results_rank_by_arrival_and_say_why(capability):
    near = capability(lat=50.80, lon=3.13, activation_minutes=30)
    far = capability(lat=50.90, lon=3.20, activation_minutes=0)
    hits = get_index().nearest(*MENEN, "ambulance", country="BE")
    assert [h.item.id for h in hits] == [far.pk, near.pk]
    assert round(hits[0].arrival_minutes, 1) == 14.1
    assert hits[0].arrival_minutes == pytest.approx(reach.arrival_minutes(0, *MENEN, 50.9, 3.2))
    assert hits[0].why == (
        "16.5 km by road (12.7 km straight × 1.3) at 70 km/h = 14 min, plus 0 min activation. "
        "Quantity: 5."
    )
    assert hits[0].agreement is None and hits[0].warning is None


def test_a_cross_border_pair_with_an_agreement_names_it(capability, be_nl_act):
    operations.link_agreement(user=None, act=be_nl_act, party_a="BE", party_b="NL")
    capability(lat=51.44, lon=5.47, country="NL")
    capability(lat=50.63, lon=3.06, country="FR")
    hits = {h.item.country: h for h in get_index().nearest(*MENEN, "ambulance", country="BE")}
    assert hits["NL"].agreement["bwb_id"] == "BWBV0002224"
    assert hits["NL"].warning is None
    assert hits["FR"].agreement is None
    assert hits["FR"].warning == (
        "No assistance agreement between FR and BE is recorded: agree on the legal basis "
        "before sending."
    )


def test_a_quantity_filters_out_smaller_capabilities_and_within_limits_time(capability):
    small = capability(quantity=2)
    big = capability(lat=51.5, lon=5.0, quantity=20)
    index = get_index()
    assert [h.item.id for h in index.nearest(*MENEN, "ambulance", quantity=3)] == [big.pk]
    assert [h.item.id for h in index.nearest(*MENEN, "ambulance", within_minutes=60)] == [small.pk]


def test_the_index_is_rebuilt_when_a_capability_is_added(capability):
    capability()
    first = get_index()
    capability(lat=50.9)
    assert get_index() is not first
    assert len(get_index().items) == 2

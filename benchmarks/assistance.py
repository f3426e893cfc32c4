"""How fast is one nearest-help query, and is its top 10 the brute-force top 10?

    .venv/bin/python benchmarks/assistance.py --capabilities 50000

No database: synthetic capabilities spread over the area of the map (random positions, kinds,
quantities, activation times; fixed seed) go into ``NearestIndex.build``; 500 random queries
(one kind, a quantity half the time) are timed, and each top 10 is compared with a plain
Python brute force over every capability of the kind.

Goal: p95 <= 20 ms at 50,000 capabilities.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")

import django  # noqa: E402

django.setup()

from trefpunt.assistance import reach  # noqa: E402
from trefpunt.assistance.nearest import Item, NearestIndex  # noqa: E402

KINDS = ["ambulance", "fire-engine", "hospital", "shelter", "high-capacity-pumping"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--capabilities", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(2024)
    (lat_min, lat_max), (lon_min, lon_max) = reach.AREA["lat"], reach.AREA["lon"]
    items = [
        Item(id=i, kind=KINDS[0] if i % 2 else rng.choice(KINDS), name="", owner="",
             owner_id=None, owner_type="other", country="BE", region="",
             latitude=rng.uniform(lat_min, lat_max), longitude=rng.uniform(lon_min, lon_max),
             quantity=rng.choice([None, 1, 2, 5, 10, 50]),
             activation_minutes=rng.choice([0, 5, 15, 60, 240]))
        for i in range(1, args.capabilities + 1)
    ]
    start = time.perf_counter()
    index = NearestIndex.build(items)
    built = time.perf_counter() - start
    by_kind: dict[str, list[Item]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    samples, mismatches = [], 0
    for _n in range(args.queries):
        lat, lon = rng.uniform(49, 52.5), rng.uniform(2.5, 8.5)
        quantity = rng.choice([None, 3])
        start = time.perf_counter()
        got = index.ranked(lat, lon, KINDS[0], quantity=quantity, limit=10)
        samples.append(time.perf_counter() - start)
        brute = sorted(
            (reach.arrival_minutes(i.activation_minutes, lat, lon, i.latitude, i.longitude), i.id)
            for i in by_kind[KINDS[0]]
            if not quantity or i.quantity is None or i.quantity >= quantity
        )[:10]
        mismatches += [pk for pk, _k, _m in got] != [pk for _a, pk in brute]
    p50, p95 = np.percentile(np.array(samples) * 1000, [50, 95])
    print(f"capabilities: {args.capabilities:,} ({len(by_kind[KINDS[0]]):,} of the queried kind)")
    print(f"index built in {built:.2f} s")
    print(f"nearest help over {args.queries} queries: p50 {p50:.2f} ms, p95 {p95:.2f} ms")
    print(f"top 10 equal to brute force: {args.queries - mismatches}/{args.queries}")


if __name__ == "__main__":
    main()

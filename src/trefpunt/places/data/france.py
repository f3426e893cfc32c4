"""France: Hauts-de-France and Grand Est (COG 2026)."""

import gzip
import json
from collections import defaultdict
from pathlib import Path

from . import geometry
from .common import euronym_points, fold, lau_degurba, read_csv, record, shape_facts

FR_REGIONS = {"32": "FR-HDF", "44": "FR-GES"}
FR_ALSACE = {"67", "68"}  # one ISO 3166-2 unit since 2021: the European Collectivity of Alsace


def france(shared: Path, lau: dict) -> tuple[list[dict], dict[str, list]]:
    folder = shared / "fr-communes"
    with gzip.open(
        folder / "decoupage-administratif_communes.json.gz", "rt", encoding="utf-8"
    ) as f:
        communes = [
            c
            for c in json.load(f)
            if c.get("region") in FR_REGIONS and c["type"] == "commune-actuelle"
        ]
    centroids = {r["insee_code"]: r for r in read_csv(folder / "fr_communes_7dep.csv")}
    shapes: dict[str, list] = {}
    for path in sorted((folder / "geojson").glob("communes-*.geojson")):
        with open(path, encoding="utf-8") as handle:
            for feature in json.load(handle)["features"]:
                shapes[feature["properties"]["code"]] = geometry.polygons_of(feature["geometry"])
    labels = euronym_points(shared, "FR")
    # Label points near the two regions only; a name with several labels there is left out.
    labels = {
        key: [(x, y) for x, y in pts if 1.3 < x < 8.4 and 47.3 < y < 51.2]
        for key, pts in labels.items()
    }
    records, boundaries = [], {}
    ambiguous: list[tuple[int, list]] = []
    for commune in sorted(communes, key=lambda c: c["code"]):
        code = commune["code"]
        parts = [c for c in [code, *commune.get("anciensCodes", [])] if c in shapes]
        polygons = [p for part in parts for p in shapes[part]]
        facts = shape_facts(polygons) if polygons else {}
        source = "INSEE COG 2026 (etalab decoupage-administratif 6.0.0)"
        lat, lon = facts.get("latitude"), facts.get("longitude")
        if code in centroids:
            lat = float(centroids[code]["centroid_lat"])
            lon = float(centroids[code]["centroid_lon"])
        if polygons:
            source += "; boundaries IGN Admin Express 2018 (france-geojson)"
        elif lat is None:
            candidates = labels.get(fold(commune["nom"]), [])
            if len(candidates) == 1:
                lon, lat = candidates[0]
                source += "; point: Euronym place-name label (approximate)"
            elif candidates:
                ambiguous.append((len(records), candidates))
        department = commune["departement"]
        parent = "FR-6AE" if department in FR_ALSACE else f"FR-{department}"
        records.append(
            record(
                f"FR-INSEE:{code}",
                "municipality",
                "FR",
                f"ISO:{parent}",
                commune["nom"],
                "fr",
                [],
                population=commune.get("population"),
                area_km2=facts.get("area"),
                latitude=lat,
                longitude=lon,
                degurba=lau_degurba(lau.get(("FR", code))),
                languages="fr",
                source=source + "; Eurostat LAU 2019",
                region=FR_REGIONS[commune["region"]],
            )
        )
        if polygons:
            boundaries[f"FR-INSEE:{code}"] = polygons
    # A name with several labels: the one nearest the centre of the communes of its department
    # placed so far, when it is within 60 km of it and the others are not.
    placed = defaultdict(list)
    for item in records:
        if item.get("latitude"):
            placed[item["parent_code"]].append((item["longitude"], item["latitude"]))
    for index, candidates in ambiguous:
        item = records[index]
        pts = placed[item["parent_code"]]
        if not pts:
            continue
        cx, cy = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        near = [(x, y) for x, y in candidates if abs(x - cx) < 0.8 and abs(y - cy) < 0.55]
        if len(near) == 1:
            item["longitude"], item["latitude"] = near[0]
            item["source"] += "; point: Euronym place-name label (approximate)"
    return records, boundaries


def department_outlines(shared: Path) -> dict[str, list]:
    outlines = {}
    for path in sorted((shared / "fr-communes" / "geojson").glob("departement-*.geojson")):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        features = data["features"] if data.get("type") == "FeatureCollection" else [data]
        outlines[f"ISO:FR-{path.name.split('-')[1]}"] = [
            p for f in features for p in geometry.polygons_of(f["geometry"])
        ]
    return outlines

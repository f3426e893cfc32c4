"""The Netherlands: the 345 municipalities of CBS 2022 and the ones merged away since LAU 2019."""

import json
from pathlib import Path

from . import geometry
from .common import lau_degurba, number, read_csv, record, shape_facts

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
NL_MERGER_DATES = {"GM1979": "2021-01-01", "GM1980": "2022-01-01", "GM1982": "2022-01-01"}
NL_MERGER_DATES["GM1991"] = "2022-01-01"


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

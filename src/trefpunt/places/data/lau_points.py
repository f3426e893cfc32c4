"""Luxembourg and North Rhine-Westphalia: LAU 2019, points from Euronym labels."""

from pathlib import Path

from .common import euronym_points, fold, lau_degurba, number, read_csv, record

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

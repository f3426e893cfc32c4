"""Readers and the record shape shared by the per-country parts of the gazetteer build."""

import csv
import gzip
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from . import geometry


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

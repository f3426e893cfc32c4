"""INSEE / etalab (France): communes with their department and population.

Two layouts, told apart by content (a JSON array or a CSV header), gzip or not:

- etalab ``communes.json`` (npm ``@etalab/decoupage-administratif``; ``code, nom, type,
  departement, region, population, …``): only ``type == "commune-actuelle"`` — the communes
  déléguées/associées and the municipal arrondissements of Paris, Lyon and Marseille are parts
  of a commune, not communes. Problems name the array item (``item 12``, counting from 1).
- ``fr_communes_7dep.csv`` (``insee_code, name, departement, region, arrondissement, population,
  postal_codes, siren, centroid_lat, centroid_lon``), the same communes with a centroid.

``population`` is INSEE's *population municipale* (populations légales). The 6.0.0 package
(COG 2026) carries the populations légales **millésime 2023** (census reference date 1 January
2023, in force since 1 January 2026), so ``population_year`` is 2023 unless told otherwise.

``departements``: import only the communes of these departments (``{"59", "62"}``). Codes are
``FR-INSEE:<code>``, the parent is the department ``ISO:FR-<departement>``, the language ``fr``.
"""

import re
from pathlib import Path

from django.utils.translation import gettext as _

from .base import (
    ImportProblem,
    TerritoryRecord,
    open_text,
    parse_float,
    parse_int,
    read_csv,
    read_json,
)

POPULATION_YEAR = 2023
SOURCE = "INSEE COG (etalab decoupage-administratif)"
CSV_REQUIRED = {"insee_code", "name", "departement", "population", "centroid_lat", "centroid_lon"}
COMMUNE = "commune-actuelle"
TYPES = {"commune-actuelle", "commune-deleguee", "commune-associee", "arrondissement-municipal"}
_CODE = re.compile(r"\d[\dAB]\d{3}")  # 2A/2B: Corsica
_DEPARTEMENT = re.compile(r"\d[\dAB]|9[78]\d")  # overseas: 971…989


def records(
    path: str | Path,
    departements: set[str] | None = None,
    population_year: int = POPULATION_YEAR,
) -> list[TerritoryRecord]:
    if _is_json(path):
        return _json_records(path, departements, population_year)
    return _csv_records(path, departements, population_year)


def _is_json(path: str | Path) -> bool:
    with open_text(path) as handle:
        try:
            start = handle.read(64).lstrip()
        except (UnicodeDecodeError, EOFError, OSError) as exc:
            raise ImportProblem(str(exc), path=str(path)) from None
    return start[:1] in ("[", "{")


def _record(code, name, departement, population, year, fail, line, latitude=None, longitude=None):
    if not _CODE.fullmatch(code):
        raise fail(_("not an INSEE commune code: %(value)r") % {"value": code})
    if not name:
        raise fail(_("the name is empty"))
    if not _DEPARTEMENT.fullmatch(departement) or not code.startswith(departement):
        raise fail(
            _("departement %(departement)r does not match the code %(code)s")
            % {"departement": departement, "code": code}
        )
    return TerritoryRecord(
        code=f"FR-INSEE:{code}",
        level="municipality",
        country="FR",
        name=name,
        name_language="fr",
        parent_code=f"ISO:FR-{departement}",
        names=[("fr", name, "official")],
        population=population,
        population_year=year if population is not None else None,
        latitude=latitude,
        longitude=longitude,
        languages="fr",
        source=SOURCE,
        line=line,
    )


def _json_records(path, departements, year) -> list[TerritoryRecord]:
    data = read_json(path)
    if not isinstance(data, list):
        raise ImportProblem(
            _("expected a JSON array of communes, found %(type)s") % {"type": type(data).__name__},
            path=str(path),
        )
    result = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data, start=1):
        code = str(item.get("code", "")) if isinstance(item, dict) else ""

        def fail(reason: str, index=index, code=code) -> ImportProblem:
            if code:
                message = _("item %(index)s (code %(code)s): %(reason)s") % {
                    "index": index,
                    "code": code,
                    "reason": reason,
                }
            else:
                message = _("item %(index)s: %(reason)s") % {"index": index, "reason": reason}
            return ImportProblem(message, path=str(path))

        if not isinstance(item, dict):
            raise fail(_("not a JSON object"))
        missing = sorted({"code", "nom", "type", "departement"} - set(item))
        if missing:
            raise fail(_("missing field(s) %(fields)s") % {"fields": ", ".join(missing)})
        if item["type"] not in TYPES:
            raise fail(_("unknown type %(value)r") % {"value": item["type"]})
        if item["type"] != COMMUNE:
            continue
        departement = str(item["departement"])
        if departements and departement not in departements:
            continue
        if code in seen:
            raise fail(_("the code appears twice (first item %(first)s)") % {"first": seen[code]})
        seen[code] = index
        population = item.get("population")
        if population is not None and (
            isinstance(population, bool) or not isinstance(population, int) or population < 0
        ):
            raise fail(_("population is not a whole number: %(value)r") % {"value": population})
        name = item["nom"].strip() if isinstance(item["nom"], str) else ""
        result.append(_record(code, name, departement, population, year, fail, index))
    return result


def _csv_records(path, departements, year) -> list[TerritoryRecord]:
    result = []
    seen: dict[str, int] = {}
    for line, row in read_csv(path, CSV_REQUIRED):
        departement = row["departement"]
        if departements and departement not in departements:
            continue

        def fail(reason: str, line=line) -> ImportProblem:
            return ImportProblem(reason, path=str(path), line=line)

        code = row["insee_code"]
        if code in seen:
            raise fail(
                _("insee_code %(code)s appears twice (first on line %(first)s)")
                % {"code": code, "first": seen[code]}
            )
        seen[code] = line
        try:
            population = parse_int(row["population"], "population", line)
            # Metropolitan France and the overseas departments.
            latitude = parse_float(
                row["centroid_lat"], "centroid_lat", line, minimum=-22, maximum=52
            )
            longitude = parse_float(
                row["centroid_lon"], "centroid_lon", line, minimum=-62, maximum=56
            )
        except ImportProblem as problem:
            raise fail(problem.reason) from None
        if (latitude is None) != (longitude is None):
            raise fail(_("centroid_lat and centroid_lon must both be given or both be blank"))
        result.append(
            _record(
                code, row["name"], departement, population, year, fail, line, latitude, longitude
            )
        )
    return result

"""CBS (the Netherlands): municipalities from a table with one row per ``GMxxxx`` code.

Columns (the ``nl_gemeenten_merged.csv`` layout): ``cbs_code, name, province, population_2021,
land_area_km2, water_area_km2, nuts3_2016, centroid_lat, centroid_lon``.

- ``population_YYYY``: the population on 1 January of YYYY (CBS key figures); the year comes
  from the column name. Blank is allowed: municipalities created after that year (Dijk en Waard,
  Land van Cuijk, Maashorst in 2022) have no figures, and keep any stored population.
- ``area_km2`` is the **land** area (``land_area_km2``), as CBS uses for density; water (large in
  coastal and IJsselmeer municipalities) is not counted.
- The parent is the ISO 3166-2 province (``ISO:NL-LI``), from the Dutch province name (Friesland
  and Fryslân both accepted). A blank province (the municipalities formed in 2021–2022, which the
  2021 key figures do not know) is taken from ``NEW_MUNICIPALITY_PROVINCES``; any other blank
  province leaves the territory under the country.
"""

import re
from pathlib import Path

from django.utils.translation import gettext as _

from .base import ImportProblem, TerritoryRecord, csv_header, parse_float, parse_int, read_csv

REQUIRED = {
    "cbs_code",
    "name",
    "province",
    "land_area_km2",
    "water_area_km2",
    "nuts3_2016",
    "centroid_lat",
    "centroid_lon",
}
SOURCE = "CBS"
PROVINCES = {
    "drenthe": "NL-DR",
    "flevoland": "NL-FL",
    "friesland": "NL-FR",
    "fryslân": "NL-FR",
    "fryslan": "NL-FR",
    "gelderland": "NL-GE",
    "groningen": "NL-GR",
    "limburg": "NL-LI",
    "noord-brabant": "NL-NB",
    "noord-holland": "NL-NH",
    "overijssel": "NL-OV",
    "utrecht": "NL-UT",
    "zeeland": "NL-ZE",
    "zuid-holland": "NL-ZH",
}
# Municipalities formed on 1 January 2021/2022 (CBS "Gemeentelijke indeling"), blank in tables
# of earlier years.
NEW_MUNICIPALITY_PROVINCES = {
    "GM1979": "NL-GR",  # Eemsdelta (2021)
    "GM1980": "NL-NH",  # Dijk en Waard (2022)
    "GM1982": "NL-NB",  # Land van Cuijk (2022)
    "GM1991": "NL-NB",  # Maashorst (2022)
}
_CODE = re.compile(r"GM\d{4}")
_NUTS3 = re.compile(r"NL[0-9A-Z]{3}")
_POPULATION = re.compile(r"population_((?:19|20)\d\d)")


def _population_column(path: str | Path) -> tuple[str, int]:
    header = csv_header(path)
    for column in sorted(header):
        match = _POPULATION.fullmatch(column)
        if match:
            return column, int(match.group(1))
    raise ImportProblem(
        _("missing column population_YYYY (the population and its year); found %(found)s")
        % {"found": ", ".join(sorted(header))},
        path=str(path),
        line=1,
    )


def records(path: str | Path) -> list[TerritoryRecord]:
    population_column, year = _population_column(path)
    result = []
    seen: dict[str, int] = {}
    for line, row in read_csv(path, REQUIRED | {population_column}):
        code = row["cbs_code"].upper()
        if not _CODE.fullmatch(code):
            raise ImportProblem(
                _("cbs_code is not a CBS municipality code (GM and four digits): %(value)r")
                % {"value": row["cbs_code"]},
                path=str(path),
                line=line,
            )
        if code in seen:
            raise ImportProblem(
                _("cbs_code %(code)s appears twice (first on line %(first)s)")
                % {"code": code, "first": seen[code]},
                path=str(path),
                line=line,
            )
        seen[code] = line
        name = row["name"]
        if not name:
            raise ImportProblem(_("name is empty"), path=str(path), line=line)
        province_name = row["province"]
        if province_name:
            province = PROVINCES.get(province_name.lower())
            if province is None:
                raise ImportProblem(
                    _("unknown province %(value)r") % {"value": province_name},
                    path=str(path),
                    line=line,
                )
        else:
            province = NEW_MUNICIPALITY_PROVINCES.get(code)
        nuts3 = row["nuts3_2016"].upper()
        if nuts3 and not _NUTS3.fullmatch(nuts3):
            raise ImportProblem(
                _("nuts3_2016 is not a Dutch NUTS 3 code: %(value)r") % {"value": nuts3},
                path=str(path),
                line=line,
            )
        try:
            population = parse_int(row[population_column], population_column, line)
            land = parse_float(row["land_area_km2"], "land_area_km2", line, minimum=0)
            parse_float(row["water_area_km2"], "water_area_km2", line, minimum=0)  # checked only
            # The European Netherlands lie within 50.7–53.6° N, 3.3–7.3° E.
            latitude = parse_float(
                row["centroid_lat"], "centroid_lat", line, minimum=50, maximum=54
            )
            longitude = parse_float(row["centroid_lon"], "centroid_lon", line, minimum=3, maximum=8)
        except ImportProblem as problem:
            raise ImportProblem(problem.reason, path=str(path), line=line) from None
        if (latitude is None) != (longitude is None):
            raise ImportProblem(
                _("centroid_lat and centroid_lon must both be given or both be blank"),
                path=str(path),
                line=line,
            )
        result.append(
            TerritoryRecord(
                code=f"NL-CBS:{code}",
                level="municipality",
                country="NL",
                name=name,
                name_language="nl",
                parent_code=f"ISO:{province}" if province else "ISO:NL",
                names=[("nl", name, "official")],
                population=population,
                population_year=year if population is not None else None,
                area_km2=land,
                latitude=latitude,
                longitude=longitude,
                nuts3=nuts3,
                languages="nl",
                source=SOURCE,
                line=line,
            )
        )
    return result

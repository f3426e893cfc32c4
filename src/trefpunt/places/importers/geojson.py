"""Boundaries from a GeoJSON FeatureCollection (WGS84 longitude/latitude).

Each feature's code is ``code_prefix + properties[code_field]`` (``BE-NIS:`` + ``nis``,
``NL-CBS:`` + ``statcode``, ``FR-INSEE:`` + ``code``). Records are *update-only*: a territory
that exists gets the geometry as its boundary and the centroid of its largest polygon as its
latitude/longitude; a code that is not in the gazetteer is counted as skipped, never created.

The centroid is the area-weighted centroid (shoelace formula) of the outer ring of the polygon
with the largest area, computed on plain longitude/latitude — good enough to place a marker.
Problems name the feature (``feature 12``, counting from 1) and the reason.
"""

import math
from pathlib import Path

from django.utils.translation import gettext as _

from .base import ImportProblem, TerritoryRecord, read_json

SCHEME_COUNTRIES = {
    "BE-NIS": "BE",
    "NL-CBS": "NL",
    "FR-INSEE": "FR",
    "DE-AGS": "DE",
    "LU-LAU": "LU",
}
GEOMETRY_TYPES = ("Polygon", "MultiPolygon")


class _Invalid(Exception):
    pass


def records(
    path: str | Path, *, code_field: str, code_prefix: str = "", source: str = ""
) -> list[TerritoryRecord]:
    data = read_json(path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise ImportProblem(_("not a GeoJSON FeatureCollection"), path=str(path))
    features = data.get("features")
    if not isinstance(features, list):
        raise ImportProblem(_("the FeatureCollection has no list of features"), path=str(path))
    source = source or f"GeoJSON {Path(path).name}"
    result = []
    seen: dict[str, int] = {}
    for index, feature in enumerate(features, start=1):

        def fail(reason: str, index=index) -> ImportProblem:
            return ImportProblem(
                _("feature %(index)s: %(reason)s") % {"index": index, "reason": reason},
                path=str(path),
            )

        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise fail(_("not a GeoJSON Feature"))
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            raise fail(_("the feature has no properties"))
        value = properties.get(code_field)
        if value is None or isinstance(value, bool) or str(value).strip() == "":
            raise fail(_("the property %(field)r (the code) is missing") % {"field": code_field})
        code = f"{code_prefix}{str(value).strip()}"
        if code in seen:
            raise fail(
                _("code %(code)s appears twice (first in feature %(first)s)")
                % {"code": code, "first": seen[code]}
            )
        seen[code] = index
        geometry = feature.get("geometry")
        try:
            latitude, longitude = centroid(geometry)
        except _Invalid as exc:
            raise fail(str(exc)) from None
        country, level = _country_and_level(code)
        result.append(
            TerritoryRecord(
                code=code,
                level=level,
                country=country,
                latitude=round(latitude, 5),
                longitude=round(longitude, 5),
                boundary=geometry,
                source=source,
                update_only=True,
                line=index,
            )
        )
    return result


def _country_and_level(code: str) -> tuple[str, str]:
    """Placeholders for update-only records (the stored level and country are kept)."""
    scheme, _sep, rest = code.partition(":")
    if scheme == "ISO":
        return rest[:2].upper(), "province" if "-" in rest else "country"
    return SCHEME_COUNTRIES.get(scheme, ""), "municipality"


def _polygons(geometry) -> list:
    if not isinstance(geometry, dict):
        raise _Invalid(_("the feature has no geometry"))
    kind = geometry.get("type")
    if kind not in GEOMETRY_TYPES:
        raise _Invalid(_("geometry type %(type)r is not Polygon or MultiPolygon") % {"type": kind})
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        raise _Invalid(_("the geometry has no coordinates"))
    return polygons


def _ring(ring, polygon: int, number: int) -> list[tuple[float, float]]:
    where = {"polygon": polygon, "ring": number}
    if not isinstance(ring, list) or len(ring) < 4:
        raise _Invalid(
            _("polygon %(polygon)s, ring %(ring)s: a ring needs at least four positions") % where
        )
    points = []
    for position in ring:
        if (
            not isinstance(position, list | tuple)
            or len(position) < 2
            or not all(
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                for v in position[:2]
            )
        ):
            raise _Invalid(
                _("polygon %(polygon)s, ring %(ring)s: bad position %(position)r")
                % {**where, "position": position}
            )
        lon, lat = position[0], position[1]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise _Invalid(
                _(
                    "polygon %(polygon)s, ring %(ring)s: coordinate %(position)r is out of range "
                    "(longitude −180…180, latitude −90…90)"
                )
                % {**where, "position": position}
            )
        points.append((float(lon), float(lat)))
    return points


def _area_and_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Signed-area magnitude and centroid (lon, lat) of a ring, by the shoelace formula."""
    x0, y0 = points[0]  # shift to the first point for precision
    twice_area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        x1, y1, x2, y2 = x1 - x0, y1 - y0, x2 - x0, y2 - y0
        cross = x1 * y2 - x2 * y1
        twice_area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if twice_area == 0:  # degenerate ring: the mean of its vertices
        count = len(points)
        return 0.0, sum(p[0] for p in points) / count, sum(p[1] for p in points) / count
    return abs(twice_area) / 2, x0 + cx / (3 * twice_area), y0 + cy / (3 * twice_area)


def centroid(geometry) -> tuple[float, float]:
    """(latitude, longitude) of the largest polygon's outer ring; checks every coordinate."""
    best = None
    for number, polygon in enumerate(_polygons(geometry), start=1):
        if not isinstance(polygon, list) or not polygon:
            raise _Invalid(_("polygon %(polygon)s has no rings") % {"polygon": number})
        rings = [_ring(ring, number, ring_number) for ring_number, ring in enumerate(polygon, 1)]
        area, lon, lat = _area_and_centroid(rings[0])
        if best is None or area > best[0]:
            best = (area, lat, lon)
    return best[1], best[2]

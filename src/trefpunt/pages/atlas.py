"""The cooperation atlas: municipalities coloured by what the platform knows about them.

Read-only counts over published content only (public practices, published obstacles,
non-restricted meetings, current relations between organisations), one aggregate query per
layer; polygons come from the packaged simplified boundaries, a point where there is none.
"""

from collections import Counter
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from trefpunt.matching.engine import comparable
from trefpunt.meetings.models import Meeting, Visibility
from trefpunt.obstacles.models import Obstacle
from trefpunt.organisations.models import Relation
from trefpunt.places.models import Level, Territory, TerritoryBoundary
from trefpunt.practices.models import Practice

LAYERS = {
    "relations": _("Relations between organisations"),
    "practices": _("Good practices"),
    "meetings": _("Meetings"),
    "obstacles": _("Obstacles"),
    "similarity": _("Similarity to a chosen place"),
}
COUNTRIES = ("BE", "NL", "LU", "DE", "FR")
# Outlines drawn under the layer when no tiles are configured.
OUTLINES = ("ISO:BE", "ISO:NL", "ISO:LU", "ISO:DE-NW", "ISO:FR-HDF", "ISO:FR-GES")
SIMILAR = 50


def _counts(rows) -> dict[int, float]:
    return {pk: count for pk, count in rows if pk is not None}


def layer_values(layer: str, place: Territory | None = None) -> dict[int, float]:
    """{territory id: value} of a layer (counts; similarity scores 0..1)."""
    if layer == "practices":
        rows = (
            Practice.objects.published()
            .values_list("territories")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        return _counts(rows)
    if layer == "obstacles":
        rows = (
            Obstacle.objects.published()
            .values_list("territories")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        return _counts(rows)
    if layer == "meetings":
        rows = (
            Meeting.objects.exclude(visibility=Visibility.RESTRICTED)
            .values_list("territory")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return _counts(rows)
    if layer == "relations":
        current = Relation.objects.filter(Q(until__isnull=True) | Q(until__gte=date.today()))
        counter: Counter = Counter()
        for source, target in current.values_list("source__territory", "target__territory"):
            for pk in {source, target} - {None}:
                counter[pk] += 1
        return dict(counter)
    if layer == "similarity" and place is not None:
        return {m.territory.pk: m.score for m in comparable(place, limit=SIMILAR)}
    return {}


def features(
    layer: str, *, country: str | None, language: str, place: Territory | None = None
) -> dict:
    """A GeoJSON FeatureCollection of municipalities with the layer's ``value``.

    With a country: all its municipalities (value 0 where nothing is known). Without: only
    those with a value, so the whole region stays a light download.
    """
    values = layer_values(layer, place)
    municipalities = Territory.objects.current().filter(level=Level.MUNICIPALITY)
    if country:
        municipalities = municipalities.filter(country=country)
    else:
        municipalities = municipalities.filter(pk__in=list(values))
    municipalities = municipalities.prefetch_related("names").order_by("code")
    shapes = dict(
        TerritoryBoundary.objects.filter(territory__in=municipalities).values_list(
            "territory_id", "geojson"
        )
    )
    result = []
    for territory in municipalities:
        geometry = shapes.get(territory.pk)
        if geometry is None and territory.latitude is not None:
            geometry = {"type": "Point", "coordinates": [territory.longitude, territory.latitude]}
        result.append(
            {
                "type": "Feature",
                "id": territory.code,
                "geometry": geometry,
                "properties": {
                    "code": territory.code,
                    "name": territory.name_in(language),
                    "country": territory.country,
                    "value": values.get(territory.pk, 0),
                    "url": territory.get_absolute_url(),
                },
            }
        )
    return {"type": "FeatureCollection", "layer": layer, "features": result}


def outlines(language: str) -> dict:
    rows = (
        Territory.objects.filter(code__in=OUTLINES, boundary__isnull=False)
        .select_related("boundary")
        .prefetch_related("names")
    )
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": t.code,
                "geometry": t.boundary.geojson,
                "properties": {"code": t.code, "name": t.name_in(language)},
            }
            for t in rows
        ],
    }

"""The atlas as open data: ``GET /api/v1/atlas.geojson?layer=&country=&place=&lang=``."""

from typing import Literal

from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from trefpunt.lib.api import language_of, may_answer_not_found
from trefpunt.places.models import Territory

from . import atlas

router = Router(tags=["atlas"])


class AtlasQuery(Schema):
    layer: Literal["relations", "practices", "meetings", "obstacles", "similarity"] = "practices"
    country: str | None = Field(None, pattern="^[A-Za-z]{2}$", description="ISO country code.")
    place: str | None = Field(
        None, max_length=40, description="Territory code (the similarity layer's reference)."
    )
    lang: str | None = Field(None, pattern="^(nl|fr|de|en)$")


def atlas_collection(query: AtlasQuery, language: str) -> dict:
    """The layer's feature collection; 404 for an unknown country or place."""
    country = query.country.upper() if query.country else None
    if country and country not in atlas.COUNTRIES:
        raise Http404(_("The atlas has no country %(code)s.") % {"code": country})
    place = None
    if query.place:
        place = Territory.objects.filter(code=query.place).first()
        if place is None:
            raise Http404(_("No territory has the code %(code)s.") % {"code": query.place})
    return atlas.features(query.layer, country=country, language=language, place=place)


@router.get(
    "/atlas.geojson",
    summary="Municipalities coloured by a layer (GeoJSON)",
    openapi_extra=may_answer_not_found("The atlas has no such country, or no such place."),
)
def atlas_geojson(request, query: Query[AtlasQuery]):
    language = language_of(request, query)
    with translation.override(language):
        collection = atlas_collection(query, language)
    return JsonResponse(collection, content_type="application/geo+json")

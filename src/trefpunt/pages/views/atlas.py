"""The cooperation atlas page: a choropleth of municipalities, drawn without network."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from pydantic import ValidationError

from trefpunt.lib.languages import current_language

from .. import atlas
from ..atlas_api import AtlasQuery


def atlas_page(request):
    params = {k: v for k, v in request.GET.items() if k in ("layer", "country", "place") and v}
    try:
        query = AtlasQuery(**params)
        status = 200
    except ValidationError:
        query, status = AtlasQuery(), 422
    context = {
        "query": query,
        "layers": atlas.LAYERS.items(),
        "countries": atlas.COUNTRIES,
        "invalid": status == 422,
        "error": _("This layer or country does not exist.") if status == 422 else "",
    }
    return render(request, "pages/atlas.html", context, status=status)


@cache_control(max_age=3600, public=True)
def atlas_outlines(request):
    """Country and region outlines: the base layer of every map when no tiles are set."""
    return JsonResponse(atlas.outlines(current_language()), content_type="application/geo+json")

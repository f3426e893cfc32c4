import json

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from trefpunt.lib import csv
from trefpunt.lib.languages import current_language

from . import fields
from .api import TerritoryFilters, filtered_territories
from .forms import TerritoryFilterForm
from .models import Territory

EXPORT_LIMIT = 20000


def _filters(form: TerritoryFilterForm) -> TerritoryFilters:
    data = form.cleaned_data if form.is_valid() else {}
    return TerritoryFilters(**{k: v for k, v in data.items() if v not in (None, "")})


def territory_list(request):
    form = TerritoryFilterForm(request.GET or None)
    territories = (
        filtered_territories(_filters(form), current_language())
        if not form.errors
        else Territory.objects.none()
    )
    page = Paginator(territories, settings.TREFPUNT_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "places/territory_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "language": current_language(),
        },
    )


def territory_boundary(request, code: str):
    territory = Territory.objects.select_related("boundary").filter(code=code).first()
    if territory is None or not hasattr(territory, "boundary"):
        raise Http404(_("No boundary is known for %(code)s.") % {"code": code})
    feature = {
        "type": "Feature",
        "properties": {"code": territory.code, "name": territory.name},
        "geometry": territory.boundary.geojson,
    }
    return JsonResponse(feature, content_type="application/geo+json")


def territory_export(request, fmt: str):
    if fmt not in ("csv", "geojson"):
        raise Http404(_("Exports are available as CSV and GeoJSON."))
    form = TerritoryFilterForm(request.GET or None)
    if form.errors:
        return HttpResponse(json.dumps(form.errors), status=400, content_type="application/json")
    language = current_language()
    rows = filtered_territories(_filters(form), language)[:EXPORT_LIMIT]
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="territories.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                "code",
                "name",
                "country",
                "level",
                "parent",
                "population",
                "population_year",
                "area_km2",
                "latitude",
                "longitude",
                "source",
            ]
        )
        for t in rows:
            writer.writerow(
                [
                    t.code,
                    t.name_in(language),
                    t.country,
                    t.level,
                    t.parent.code if t.parent_id else "",
                    t.population,
                    t.population_year,
                    t.area_km2,
                    t.latitude,
                    t.longitude,
                    t.source,
                ]
            )
        return response
    features = [
        {
            "type": "Feature",
            "id": t.code,
            "geometry": {"type": "Point", "coordinates": [t.longitude, t.latitude]}
            if t.latitude is not None
            else None,
            "properties": {
                "code": t.code,
                "name": t.name_in(language),
                "names": t.names_by_language(),
                "country": t.country,
                "level": t.level,
                "population": t.population,
            },
        }
        for t in rows
    ]
    response = JsonResponse(
        {"type": "FeatureCollection", "features": features}, content_type="application/geo+json"
    )
    response["Content-Disposition"] = 'attachment; filename="territories.geojson"'
    return response


def territory_suggest(request):
    """Places named like ``q`` (any language) for the territories field, as JSON options."""
    query = request.GET.get("q", "").strip()[:100]
    found = fields.suggestions(query) if len(query) >= 2 else []
    return JsonResponse({"results": [{"value": fields.label(t), "code": t.code} for t in found]})

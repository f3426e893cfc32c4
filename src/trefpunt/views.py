"""Project-level pages that span apps: the home page and the quick search."""

from django.shortcuts import render

from trefpunt.lib.languages import current_language
from trefpunt.organisations.models import Organisation
from trefpunt.places.lookup import find_territory_ids
from trefpunt.places.models import Territory


def home(request):
    featured = (
        Territory.objects.filter(organisations__isnull=False, latitude__isnull=False)
        .prefetch_related("names")
        .distinct()[:50]
    )
    language = current_language()
    markers = [
        {
            "name": t.name_in(language),
            "lat": t.latitude,
            "lon": t.longitude,
            "url": t.get_absolute_url(),
        }
        for t in featured
    ]
    return render(
        request,
        "home.html",
        {
            "markers": markers,
            "counts": {
                "territories": Territory.objects.count(),
                "organisations": Organisation.objects.active().count(),
            },
        },
    )


def search(request):
    query = request.GET.get("q", "").strip()[:100]
    territories, organisations = [], []
    if query:
        ids = find_territory_ids(query, limit=20)
        by_id = Territory.objects.select_related("parent").prefetch_related("names").in_bulk(ids)
        territories = [by_id[pk] for pk in ids if pk in by_id]
        organisations = list(
            Organisation.objects.active()
            .search(query)
            .prefetch_related("names")
            .order_by("name")[:20]
        )
    return render(
        request,
        "search.html",
        {
            "query": query,
            "territories": territories,
            "organisations": organisations,
        },
    )

"""Project-level pages that span apps: the home page."""

from django.shortcuts import render

from trefpunt.lib.languages import current_language
from trefpunt.organisations.models import Organisation
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

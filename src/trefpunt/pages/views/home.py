"""The home page: the map of places with organisations, the next meetings, the latest news."""

from django.shortcuts import render

from trefpunt.lib.languages import current_language
from trefpunt.meetings.models import Meeting
from trefpunt.news.views.reading import listed_articles, prepare_items
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory

HOME_ITEMS = 3


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
    meetings = (
        Meeting.objects.visible_to(request.user)
        .scheduled()
        .upcoming()
        .select_related("organiser")
        .prefetch_related("translations", "organiser__names")[:HOME_ITEMS]
    )
    for meeting in meetings:  # the title in the reader's language, and which language it is
        translation = meeting.translation_in(language)
        meeting.reading_title = translation.title if translation else meeting.title
        meeting.reading_language = translation.language if translation else meeting.language
    return render(
        request,
        "pages/home.html",
        {
            "markers": markers,
            "meetings": meetings,
            "articles": prepare_items(listed_articles(request.user)[:HOME_ITEMS], language),
            "language": language,
            "counts": {
                "territories": Territory.objects.count(),
                "organisations": Organisation.objects.active().count(),
            },
        },
    )

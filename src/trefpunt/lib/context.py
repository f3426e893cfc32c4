from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


def site(request):
    return {"MAP_TILES": settings.TREFPUNT_MAP_TILES}


def language_links(request):
    """The current page in every interface language: the switch's links and ``hreflang``.

    ``translate_url`` resolves the path and reverses it under each language prefix; a path
    that does not resolve (a 404) stays as it is. The query string (a search, a filter) goes
    along, so the reader lands on the same page.
    """
    current = get_language()
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(request.path, code) + suffix,
                "current": code == current,
            }
        )
    return {"language_links": links}

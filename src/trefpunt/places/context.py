"""What the territory page shows, gathered in a fixed number of queries."""

from django.db.models import Prefetch

from trefpunt.lib.history import recent_history
from trefpunt.lib.languages import current_language


def territory_page_context(request, territory) -> dict:
    from trefpunt.organisations.models import Post

    language = current_language()
    organisations = [o for o in territory.organisations.all() if o.archived_at is None]
    posts = list(
        Post.objects.current()
        .filter(organisation__in=organisations)
        .select_related("person", "organisation")
        .prefetch_related(Prefetch("organisation__names"))
    )
    order = ("nl", "fr", "de", "en", "lb")
    names = sorted(
        territory.names_by_language().items(),
        key=lambda item: order.index(item[0]) if item[0] in order else len(order),
    )
    history = recent_history(territory, limit=5)
    return {
        "territory": territory,
        "display_name": territory.name_in(language),
        "names": names,
        "ancestors": territory.ancestors(),
        "organisations": organisations,
        "posts": posts,
        "comparable": comparable_for(territory, language),
        "history": history,
        "has_boundary": territory.has_boundary,
    }


def comparable_for(territory, language):
    # Matching is a domain app above places; the page asks it lazily (DESIGN.md §2).
    from trefpunt.matching.engine import comparable

    return comparable(territory, across_border=True, limit=8, language=language)

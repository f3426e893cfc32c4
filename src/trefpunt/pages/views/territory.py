"""The territory page: the gazetteer's facts with the directory's organisations and people in
office and the comparable places across the border, in a fixed number of queries."""

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from trefpunt.lib.history import recent_history
from trefpunt.lib.languages import current_language
from trefpunt.matching.engine import comparable
from trefpunt.meetings.models import Meeting, Visibility
from trefpunt.obstacles.models import Obstacle
from trefpunt.organisations.models import Post, Relation
from trefpunt.places.models import Territory
from trefpunt.practices.models import Practice

LIMIT = 10


def territory_page_context(request, territory) -> dict:
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
    ids = [o.pk for o in organisations]
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
        # What the platform records here: public content only, one query each.
        "practices": list(Practice.objects.published().filter(territories=territory)[:LIMIT]),
        "meetings": list(
            Meeting.objects.exclude(visibility=Visibility.RESTRICTED)
            .filter(territory=territory)
            .order_by("-start")[:LIMIT]
        ),
        "obstacles": list(Obstacle.objects.published().filter(territories=territory)[:LIMIT]),
        "relations": list(
            Relation.objects.filter(Q(source__in=ids) | Q(target__in=ids))
            .select_related("source", "target")
            .order_by("-since")[:LIMIT]
        )
        if ids
        else [],
    }


def comparable_for(territory, language):
    return comparable(territory, across_border=True, limit=8, language=language)


def territory_detail(request, code: str):
    territory = (
        Territory.objects.select_related("parent__parent__parent")
        .prefetch_related(
            "names",
            "organisations__names",
            "parent__names",
            "parent__parent__names",
            "parent__parent__parent__names",
        )
        .filter(code=code)
        .first()
    )
    if territory is None:
        raise Http404(_("No territory has the code %(code)s.") % {"code": code})
    return render(request, "pages/territory.html", territory_page_context(request, territory))

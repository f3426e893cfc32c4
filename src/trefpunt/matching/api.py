from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from trefpunt.lib.api import ErrorOut, Page, language_of
from trefpunt.places.api import TerritoryOut, territory_out
from trefpunt.places.models import Territory

from .engine import comparable

router = Router(tags=["matching"])


class ComparableFilters(Schema):
    across_border: bool = Field(False, description="Only territories of other countries.")
    limit: int = Field(10, ge=1, le=50)
    lang: str | None = Field(None, pattern="^(nl|fr|de|en)$")


class MatchOut(Schema):
    territory: TerritoryOut
    score: float
    reasons: list[str]


class MatchList(Schema):
    count: int
    items: list[MatchOut]


@router.get(
    "/territories/{code}/comparable",
    response={200: MatchList, 404: ErrorOut},
    summary="Comparable territories, with the reasons why",
)
def comparable_territories(request, code: str, filters: Query[ComparableFilters]):
    territory = Territory.objects.filter(code=code).first()
    if territory is None:
        raise Http404(_("No territory has the code %(code)s.") % {"code": code})
    language = language_of(request, Page(lang=filters.lang))

    with translation.override(language):
        matches = comparable(
            territory, across_border=filters.across_border, limit=filters.limit, language=language
        )
        items = [
            {
                "territory": territory_out(request, m.territory, language),
                "score": m.score,
                "reasons": [str(r) for r in m.reasons],
            }
            for m in matches
        ]
    return {"count": len(items), "items": items}

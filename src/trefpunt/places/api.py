from django.db.models import Case, IntegerField, When
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from trefpunt.lib.api import ErrorOut, Page, absolute, language_of, localized_url
from trefpunt.lib.languages import current_language

from .lookup import find_territory_ids
from .models import Level, Territory

router = Router(tags=["territories"])


class TerritoryFilters(Page):
    country: str | None = Field(None, pattern="^[A-Za-z]{2}$", description="ISO country code.")
    level: Level | None = None
    q: str | None = Field(
        None, max_length=100, description="Name in any language; typos tolerated."
    )
    min_population: int | None = Field(None, ge=0)
    max_population: int | None = Field(None, ge=0)


class TerritoryOut(Schema):
    code: str
    name: str
    names: dict[str, str]
    country: str
    level: str
    parent: str | None
    population: int | None
    population_year: int | None
    area_km2: float | None
    latitude: float | None
    longitude: float | None
    url: str


class TerritoryList(Schema):
    count: int
    items: list[TerritoryOut]


class TerritoryDetail(TerritoryOut):
    degurba: int | None
    nuts3: str
    languages: list[str]
    ancestors: list[str]
    source: str
    valid_from: str | None
    valid_to: str | None
    has_boundary: bool


def territory_out(request, territory: Territory, language: str) -> dict:
    return {
        "code": territory.code,
        "name": territory.name_in(language),
        "names": territory.names_by_language(),
        "country": territory.country,
        "level": territory.level,
        "parent": territory.parent.code if territory.parent_id else None,
        "population": territory.population,
        "population_year": territory.population_year,
        "area_km2": territory.area_km2,
        "latitude": territory.latitude,
        "longitude": territory.longitude,
        "url": absolute(request, localized_url(territory, language)),
    }


def filtered_territories(filters: TerritoryFilters, language: str | None = None):
    """The territory list for API, UI and exports alike: filters, then name relevance or the
    name in the reader's ``language``."""
    qs = (
        Territory.objects.current()
        .select_related("parent")
        .prefetch_related("names", "parent__names")
    )
    if filters.country:
        qs = qs.in_country(filters.country)
    if filters.level:
        qs = qs.at_level(filters.level)
    qs = qs.population_between(filters.min_population, filters.max_population)
    if filters.q and filters.q.strip():
        ids = find_territory_ids(filters.q, limit=500)
        order = Case(
            *[When(pk=pk, then=rank) for rank, pk in enumerate(ids)], output_field=IntegerField()
        )
        return qs.filter(pk__in=ids).annotate(relevance=order).order_by("relevance")
    return qs.ordered_by_name(language or current_language(), "country")


@router.get("/territories", response=TerritoryList, summary="List and search territories")
def list_territories(request, filters: Query[TerritoryFilters]):
    language = language_of(request, filters)
    qs = filtered_territories(filters, language)
    items = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "items": [territory_out(request, t, language) for t in items]}


@router.get(
    "/territories/{code}",
    response={200: TerritoryDetail, 404: ErrorOut},
    summary="One territory",
)
def get_territory(request, code: str, lang: str | None = None):
    language = language_of(request, Page(lang=lang) if lang in ("nl", "fr", "de", "en") else None)
    territory = (
        Territory.objects.select_related("parent")
        .prefetch_related("names")
        .filter(code=code)
        .first()
    )
    if territory is None:
        raise Http404(_("No territory has the code %(code)s.") % {"code": code})
    data = territory_out(request, territory, language)
    data.update(
        degurba=territory.degurba,
        nuts3=territory.nuts3,
        languages=[x for x in territory.languages.split(",") if x],
        ancestors=[t.code for t in territory.ancestors()],
        source=territory.source,
        valid_from=territory.valid_from.isoformat() if territory.valid_from else None,
        valid_to=territory.valid_to.isoformat() if territory.valid_to else None,
        has_boundary=territory.has_boundary,
    )
    return data

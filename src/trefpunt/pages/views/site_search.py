"""The site's search page: places and organisations by name, then every registered record type
with the facets their apps registered."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode

from trefpunt.lib.languages import LANGUAGE_LABELS, current_language
from trefpunt.organisations.models import Organisation
from trefpunt.places.lookup import find_territory_ids
from trefpunt.places.models import Territory
from trefpunt.search import query as engine
from trefpunt.search import registry
from trefpunt.search.documents import FACET_KEYS
from trefpunt.search.presentation import present_hits

PAGE_SIZE = 10
MAX_PAGE = 10_000  # further, the offset overflows database integers; nobody reads that far
# The engine's arguments for these facets are named in the plural.
ARGUMENTS = {"type": "types", "language": "languages"}


def _facets() -> list[registry.Facet]:
    """The facets the apps registered that the engine filters on, in the page's order. Each
    accepts several values (any of them matches)."""
    return sorted(
        (facet for facet in registry.FACETS.values() if facet.name in FACET_KEYS),
        key=lambda facet: (facet.position, facet.name),
    )


def _quick_results(query: str):
    ids = find_territory_ids(query, limit=20)
    by_id = Territory.objects.select_related("parent").prefetch_related("names").in_bulk(ids)
    territories = [by_id[pk] for pk in ids if pk in by_id]
    organisations = list(
        Organisation.objects.active().search(query).prefetch_related("names").order_by("name")[:20]
    )
    return territories, organisations


def _selected(params) -> dict[str, list[str]]:
    selected = {}
    for key in (facet.name for facet in _facets()):
        values = [v.strip()[:60] for v in params.getlist(key) if v.strip()]
        if key == "year":
            values = [v for v in values if v.isdigit() and len(v) == 4]
        if values:
            selected[key] = list(dict.fromkeys(values))[:20]
    return selected


def _filters(selected: dict[str, list[str]]) -> dict:
    return {ARGUMENTS.get(key, key): values for key, values in selected.items()}


def _facet_groups(facets: dict, selected: dict[str, list[str]]) -> list[dict]:
    """Each facet with its values (count, label, whether chosen), chosen values kept even
    when the current results hold none of them, so they can be unchosen."""
    shown = _facets()
    counts = {f.name: {str(v): n for v, n in (facets.get(f.name) or {}).items()} for f in shown}
    for key, values in selected.items():
        for value in values:
            counts[key].setdefault(value, 0)
    groups = []
    for facet in shown:
        key = facet.name
        if not counts[key]:
            continue
        labels = facet.labels(list(counts[key])) if facet.labels else {}
        order = sorted(counts[key].items(), key=lambda item: (-item[1], item[0]))
        if key == "year":
            order = sorted(counts[key].items(), reverse=True)
        groups.append(
            {
                "key": key,
                "title": facet.title,
                "values": [
                    {
                        "value": value,
                        "label": labels.get(value, value),
                        "count": count,
                        "selected": value in selected.get(key, ()),
                    }
                    for value, count in order
                ],
            }
        )
    return groups


MAX_PAGE = (
    10_000  # past it, the offset would overflow the database's integers; no one reads that far
)


def search(request):
    query = request.GET.get("q", "").strip()[:100]
    context = {"query": query, "territories": [], "organisations": [], "response": None}
    if not query:
        return render(request, "pages/search.html", context)
    context["territories"], context["organisations"] = _quick_results(query)
    reader = current_language()
    selected = _selected(request.GET)
    number = min(max(_int(request.GET.get("page")) or 1, 1), MAX_PAGE)
    response = _knowledge(request, query, selected, reader, number)
    page = Paginator(range(response.count), PAGE_SIZE).get_page(number)
    if page.number != number and response.count:  # past the last page: show the last one
        response = _knowledge(request, query, selected, reader, page.number)
    params = {"q": query, **{key: values for key, values in selected.items()}}
    context.update(
        response=response,
        hits=present_hits(response.results, reader),
        page=page,
        facets=_facet_groups(response.facets, selected),
        selected=selected,
        pagination_query=urlencode(params, doseq=True),
        clear_url=f"?{urlencode({'q': query})}",
        detected=LANGUAGE_LABELS.get(response.detected_language or "", ""),
    )
    return render(request, "pages/search.html", context)


def _knowledge(request, query, selected, reader, number):
    return engine.search(
        query,
        **_filters(selected),
        limit=PAGE_SIZE,
        offset=(number - 1) * PAGE_SIZE,
        user=request.user,
        reader_language=reader,
    )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None

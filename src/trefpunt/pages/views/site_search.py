"""The site's search page: the place or organisation the query names (an answer card), places
and organisations by name, then every registered record type with the facets their apps
registered. From the home page's box (``from=home``), a query naming one place or
organisation and nothing else opens its page directly."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import urlencode

from trefpunt.lib.languages import LANGUAGE_LABELS, current_language
from trefpunt.lib.text import fold, variants
from trefpunt.organisations.models import Organisation
from trefpunt.places.lookup import find_territory_ids
from trefpunt.places.models import Territory
from trefpunt.search import query as engine
from trefpunt.search import registry
from trefpunt.search.documents import FACET_KEYS
from trefpunt.search.presentation import present_hits

PAGE_SIZE = 10
ANSWER_LANGUAGES = ("nl", "fr", "de", "en")
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


@dataclass
class Answer:
    """The place or organisation the query names, shown first with its names."""

    kind: str  # "territory" or "organisation"
    record: object
    names: list[tuple[str, str, str]]  # (language, its label, the name in it)
    unambiguous: bool  # the only place or organisation of that name


def _answer(query: str, territories, organisations) -> Answer | None:
    """A place, else an organisation, that the query names exactly (any language, accents and
    case ignored), e.g. "Luik", "Lüttich" or "liege" for Liège."""
    keys = variants(query)
    places = [t for t in territories if {fold(t.name), *(n.folded for n in t.names.all())} & keys]
    bodies = [
        o
        for o in organisations
        if {fold(o.name), fold(o.acronym or ""), *(n.folded for n in o.names.all())} & keys
    ]
    found = places or bodies
    if not found:
        return None
    record = found[0]
    names = record.names_by_language()
    return Answer(
        kind="territory" if places else "organisation",
        record=record,
        names=[
            (code, LANGUAGE_LABELS.get(code, code), names.get(code) or record.name)
            for code in ANSWER_LANGUAGES
        ],
        unambiguous=len(places) + len(bodies) == 1,
    )


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
    answer = _answer(query, context["territories"], context["organisations"])
    if answer and answer.unambiguous and request.GET.get("from") == "home":
        return redirect(answer.record.get_absolute_url())
    context["answer"] = answer
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

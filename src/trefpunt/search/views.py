"""The search page: places and organisations by name, then the knowledge base with facets."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import get_script_prefix
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import LANGUAGE_LABELS, current_language
from trefpunt.organisations.models import Organisation
from trefpunt.places.forms import COUNTRY_CHOICES
from trefpunt.places.lookup import find_territory_ids
from trefpunt.places.models import Territory
from trefpunt.practices.models import Stage, Theme

from . import query as engine

PAGE_SIZE = 10
# Facets in the order the page shows them. Each accepts several values (any of them matches);
# the engine's arguments for the first two are named in the plural.
FACETS = ("type", "language", "theme", "country", "stage", "year")
ARGUMENTS = {"type": "types", "language": "languages"}
FACET_TITLES = {
    "type": _("Type"),
    "language": _("Language"),
    "theme": _("Theme"),
    "country": _("Country"),
    "stage": _("Stage"),
    "year": _("Year"),
}
TYPE_LABELS = {
    "practice": _("Practice"),
    "collection": _("Collection"),
    "organisation": _("Organisation"),
    "territory": _("Place"),
    "meeting": _("Meeting"),
    "article": _("News"),
}


@dataclass
class PresentedHit:
    """A search hit with the addresses the page links to."""

    hit: object
    url: str  # the record in the language the hit was found in
    reader_url: str  # the same record in the reader's language, when a translation exists
    type_label: str
    language_label: str
    snippet: str

    def __getattr__(self, name):
        return getattr(self.hit, name)


def present_hits(hits, reader: str) -> list[PresentedHit]:
    """Links for each hit: to the text it was found in and, when the record has one, to the
    translation in the reader's language (``?lang=`` picks the text on the practice page)."""
    prefix = f"{get_script_prefix()}{reader}"
    presented = []
    for hit in hits:
        base = f"{prefix}{hit.path}"
        languages = list(hit.languages or [hit.language])
        several = len(languages) > 1
        presented.append(
            PresentedHit(
                hit=hit,
                url=f"{base}?lang={hit.language}" if several and hit.language else base,
                reader_url=f"{base}?lang={reader}"
                if reader != hit.language and reader in languages
                else "",
                type_label=TYPE_LABELS.get(hit.type, hit.type),
                language_label=LANGUAGE_LABELS.get(hit.language, hit.language),
                # The engine escapes the indexed text and adds only <mark> (query._snippet).
                snippet=engine.safe_snippet(hit.snippet),
            )
        )
    return presented


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
    for key in FACETS:
        values = [v.strip()[:60] for v in params.getlist(key) if v.strip()]
        if key == "year":
            values = [v for v in values if v.isdigit() and len(v) == 4]
        if values:
            selected[key] = list(dict.fromkeys(values))[:20]
    return selected


def _filters(selected: dict[str, list[str]]) -> dict:
    return {ARGUMENTS.get(key, key): values for key, values in selected.items()}


def _facet_labels(facets: dict) -> dict[str, dict]:
    labels = {
        "type": TYPE_LABELS,
        "language": LANGUAGE_LABELS,
        "country": dict(COUNTRY_CHOICES),
        "stage": dict(Stage.choices),
    }
    if facets.get("theme"):
        themes = Theme.objects.filter(slug__in=list(facets["theme"])).prefetch_related("names")
        labels["theme"] = {theme.slug: theme.name_in() for theme in themes}
    return labels


def _facet_groups(facets: dict, selected: dict[str, list[str]]) -> list[dict]:
    """Each facet with its values (count, label, whether chosen), chosen values kept even
    when the current results hold none of them, so they can be unchosen."""
    counts = {key: {str(v): n for v, n in (facets.get(key) or {}).items()} for key in FACETS}
    for key, values in selected.items():
        for value in values:
            counts[key].setdefault(value, 0)
    labels = _facet_labels(counts)
    groups = []
    for key in FACETS:
        if not counts[key]:
            continue
        order = sorted(counts[key].items(), key=lambda item: (-item[1], item[0]))
        if key == "year":
            order = sorted(counts[key].items(), reverse=True)
        groups.append(
            {
                "key": key,
                "title": FACET_TITLES[key],
                "values": [
                    {
                        "value": value,
                        "label": labels.get(key, {}).get(value, value),
                        "count": count,
                        "selected": value in selected.get(key, ()),
                    }
                    for value, count in order
                ],
            }
        )
    return groups


def search(request):
    query = request.GET.get("q", "").strip()[:100]
    context = {"query": query, "territories": [], "organisations": [], "response": None}
    if not query:
        return render(request, "search/search.html", context)
    context["territories"], context["organisations"] = _quick_results(query)
    reader = current_language()
    selected = _selected(request.GET)
    number = max(_int(request.GET.get("page")) or 1, 1)
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
    return render(request, "search/search.html", context)


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

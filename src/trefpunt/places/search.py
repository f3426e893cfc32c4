"""What a territory puts in the search index: one document under all its names, so "Lüttich",
"Luik" and "Liège" each find the page of Liège."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from trefpunt.lib.text import variants
from trefpunt.search import registry
from trefpunt.search.documents import DocumentData

from .forms import COUNTRY_CHOICES
from .models import Territory

DOC_TYPE = "territory"


def territory_path(territory: Territory) -> str:
    """The page address without the language prefix, e.g. ``/places/BE-NIS:62063/``."""
    with override("en"):
        return reverse("places:territory", args=[territory.code]).removeprefix("/en")


def documents_for(territory: Territory) -> list[DocumentData]:
    """Reads ``names`` and ``parent`` through prefetches (see ``indexable``)."""
    names = list(dict.fromkeys([territory.name, *(item.name for item in territory.names.all())]))
    spellings = sorted(
        {key for name in names for key in variants(name)} - {n.lower() for n in names}
    )
    # The parent's name stays out: "Liège" must find Liège, not every town of its province.
    context = [territory.get_level_display(), territory.country]
    return [
        DocumentData(
            doc_type=DOC_TYPE,
            object_key=territory.code,
            language=territory.name_language,
            title=territory.name,
            text=" · ".join(names) + "\n" + " · ".join([*spellings, *map(str, context)]),
            path=territory_path(territory),
            external_id=territory.code,
            facets={"country": territory.country} if territory.country else {},
        )
    ]


def indexable():
    return Territory.objects.current().select_related("parent").prefetch_related("names")


registry.register(
    DOC_TYPE,
    records=lambda: indexable().order_by("pk"),
    documents=documents_for,
    key=lambda territory: territory.code,
    label=_("Place"),
    by_name=True,
)
registry.register_facet(
    "country", title=_("Country"), labels=lambda values: dict(COUNTRY_CHOICES), position=30
)

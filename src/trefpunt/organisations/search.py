"""What an organisation puts in the search index: one document per language it has a name
in, so "Secrétariat général" and "Secretariaat-generaal" both find the Benelux secretariat."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from trefpunt.search import registry
from trefpunt.search.documents import DocumentData

from .models import Organisation

DOC_TYPE = "organisation"


def organisation_path(organisation: Organisation) -> str:
    """The page address without the language prefix, e.g. ``/organisations/menen/``."""
    with override("en"):
        return reverse("organisations:organisation", args=[organisation.slug]).removeprefix("/en")


def documents_for(organisation: Organisation) -> list[DocumentData]:
    """Reads ``names`` through a prefetch (see ``indexable``); archived ones are left out."""
    if organisation.archived_at is not None:
        return []
    names = organisation.names_by_language()
    every_name = " · ".join(n for n in dict.fromkeys([*names.values(), organisation.acronym]) if n)
    facets = {"country": organisation.country} if organisation.country else {}
    return [
        DocumentData(
            doc_type=DOC_TYPE,
            object_key=organisation.slug,
            language=language,
            is_original=language == organisation.language,
            title=name,
            text="\n".join(part for part in (every_name, organisation.description) if part),
            path=organisation_path(organisation),
            external_id=organisation.slug,
            facets=facets,
        )
        for language, name in sorted(names.items())
    ]


def indexable():
    return Organisation.objects.active().prefetch_related("names")


registry.register(
    DOC_TYPE,
    records=lambda: indexable().order_by("pk"),
    documents=documents_for,
    key=lambda organisation: organisation.slug,
    label=_("Organisation"),
    by_name=True,
)

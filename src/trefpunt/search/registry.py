"""Which record types are searchable, and how the search page labels them.

Each app's ``search.py`` registers its own document types (with their label) and any facet it
adds (with its title and a function that labels its values); ``SearchConfig.ready`` finds every
``search.py`` with ``autodiscover_modules("search")``, as Django's admin finds ``admin.py``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import LANGUAGE_LABELS

from .documents import DocumentData


@dataclass(frozen=True)
class Source:
    doc_type: str
    records: Callable[[], Iterable]  # every record to index (a QuerySet, prefetched)
    documents: Callable[[object], list[DocumentData]]  # a record's documents
    key: Callable[[object], str]  # the record's object_key
    label: object = None  # what the search page calls this type (a lazy translation)
    # Found by its names only (places, organisations): the words must match, since the meaning
    # of a short name is close to that of many others ("pizza" is near "Meise" and "Essen").
    by_name: bool = False
    # ``locate(object_key, language, passage)``: the address of the part of the record that
    # holds this passage (e.g. a treaty's article, ``/legal/BWBV0002224/#art-3``), or None.
    locate: Callable[[str, str, str], str | None] | None = None


@dataclass(frozen=True)
class Facet:
    name: str
    title: object  # the facet's heading (a lazy translation)
    labels: Callable[[Iterable[str]], dict[str, str]] | None = None  # value → label
    position: int = 100  # order on the page, lower first


SOURCES: dict[str, Source] = {}
FACETS: dict[str, Facet] = {}


def register(
    doc_type: str,
    *,
    records,
    documents,
    key=lambda obj: str(obj.pk),
    label=None,
    by_name: bool = False,
    locate=None,
) -> None:
    SOURCES[doc_type] = Source(doc_type, records, documents, key, label, by_name, locate)


def name_types() -> frozenset[str]:
    """Record types found by their names only (``register(..., by_name=True)``)."""
    return frozenset(doc_type for doc_type, source in SOURCES.items() if source.by_name)


def register_facet(name: str, *, title, labels=None, position: int = 100) -> None:
    FACETS[name] = Facet(name, title, labels, position)


def type_labels() -> dict[str, object]:
    return {doc_type: source.label or doc_type for doc_type, source in SOURCES.items()}


# The engine's own facets; the apps add theirs (country, theme, stage, …) in their search.py.
register_facet("type", title=_("Type"), labels=lambda values: type_labels(), position=0)
register_facet("language", title=_("Language"), labels=lambda values: LANGUAGE_LABELS, position=10)
register_facet("year", title=_("Year"), position=90)

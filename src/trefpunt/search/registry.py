"""Which record types are searchable. Each app's ``search.py`` registers its own at start-up."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .documents import DocumentData


@dataclass(frozen=True)
class Source:
    doc_type: str
    records: Callable[[], Iterable]  # every record to index (a QuerySet, prefetched)
    documents: Callable[[object], list[DocumentData]]  # a record's documents
    key: Callable[[object], str]  # the record's object_key


SOURCES: dict[str, Source] = {}


def register(doc_type: str, *, records, documents, key=lambda obj: str(obj.pk)) -> None:
    SOURCES[doc_type] = Source(doc_type, records, documents, key)

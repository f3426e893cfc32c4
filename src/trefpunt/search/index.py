"""Writing the index: the functions the apps' operations call.

``index_record`` replaces everything one record has in the index (its documents, facet rows,
chunks with vectors, lexical rows) and belongs inside the caller's ``transaction.atomic``.
``bulk_index`` does the same for many records at once: passages of a whole batch are embedded
together (on every core) and rows are written with bulk inserts, while the next batch is being
embedded. ``reindex_all`` rebuilds the index from ``registry.SOURCES``.
"""

import logging
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice

import numpy as np
from django.db import connection, transaction
from django.db.models import Q, QuerySet

from . import chunking, registry
from .documents import DocumentData
from .embedders import Embedder, get_embedder
from .filters import ROW_FACETS, facet_values
from .lexical import get_backend
from .lexical_tantivy import Row
from .models import SearchChunk, SearchDocument, SearchFacet

logger = logging.getLogger(__name__)

Item = tuple[str, str, list[DocumentData]]
BATCH_RECORDS = 256
TITLE_LENGTH = SearchDocument._meta.get_field("title").max_length


@dataclass
class Prepared:
    """A batch with its passages cut and embedded, ready to be written."""

    items: list[Item]
    plain: list[list[str]]  # per item, per document: plain text
    passages: list[list[list[str]]]  # per item, per document: title, then passages
    vectors: np.ndarray | None  # one row per passage, in order


@dataclass
class IndexSummary:
    records: int = 0
    documents: int = 0
    chunks: int = 0
    seconds: float = 0.0


def index_record(doc_type: str, object_key: str, documents: list[DocumentData]) -> None:
    """Replace what the record ``(doc_type, object_key)`` has in the index by ``documents``."""
    embedder = get_embedder()
    _write(_prepare([(doc_type, object_key, documents)], embedder), embedder)


def remove_record(doc_type: str, object_key: str) -> None:
    _delete([(doc_type, object_key)])
    touch()


def index_or_remove(doc_type: str, object_key: str, documents: list[DocumentData]) -> None:
    """Index the record's ``documents``, or take the record out of the index when it has none
    (a draft, an archived record): what every write ends with."""
    if documents:
        index_record(doc_type, object_key, documents)
    else:
        remove_record(doc_type, object_key)


def bulk_index(items: Iterable[Item], progress: Callable[[int], object] | None = None) -> int:
    """Index many records; returns the number of documents written.

    Each batch is written in its own transaction (inside the caller's, if there is one).
    Embedding batch n+1 in a worker thread overlaps with writing batch n.
    """
    embedder = get_embedder()
    written = 0
    with get_backend().bulk(), ThreadPoolExecutor(max_workers=1) as executor:
        pending: Future | None = None
        for batch in _batches(iter(items), BATCH_RECORDS):
            following = executor.submit(_prepare, batch, embedder)
            if pending is not None:
                written += _write_and_report(pending.result(), embedder, progress)
            pending = following
        if pending is not None:
            written += _write_and_report(pending.result(), embedder, progress)
    return written


def reindex_all(progress: Callable[[int], object] | None = None) -> IndexSummary:
    """Empty the index and index every record of every registered source."""
    started = time.perf_counter()
    summary = IndexSummary()
    with transaction.atomic():
        get_backend().clear()
        SearchChunk.objects.all().delete()
        SearchFacet.objects.all().delete()
        SearchDocument.objects.all().delete()
        touch()
    for source in registry.SOURCES.values():

        def items(source=source) -> Iterator[Item]:
            for obj in source.records():
                yield source.doc_type, source.key(obj), source.documents(obj)
                summary.records += 1

        summary.documents += bulk_index(items(), progress)
    summary.chunks = SearchChunk.objects.count()
    summary.seconds = time.perf_counter() - started
    return summary


def count_records() -> int:
    total = 0
    for source in registry.SOURCES.values():
        records = source.records()
        total += records.count() if isinstance(records, QuerySet) else len(list(records))
    return total


def touch() -> None:
    """Tell every process that the index changed (see ``memory.current_version``)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE search_indexstate SET version = %s WHERE id = 1", [secrets.randbits(62)]
        )


# --- internals ------------------------------------------------------------------------------


def _batches(items: Iterator[Item], size: int) -> Iterator[list[Item]]:
    while batch := list(islice(items, size)):
        yield batch


def _prepare(items: list[Item], embedder: Embedder) -> Prepared:
    """Plain text and chunks of every document: the title alone (position 0), then the
    passages, each embedded with the title in front (see ``chunking``)."""
    plain, chunks, texts = [], [], []
    by_name = registry.name_types()  # found by their names only: no vectors to compute
    for doc_type, _key, documents in items:
        item_plain, item_chunks = [], []
        for document in documents:
            text = chunking.plain_text(document.text or "")
            title = chunking.plain_text(document.title)
            parts = chunking.passages(text)
            item_plain.append(text)
            item_chunks.append([title, *parts])
            if doc_type not in by_name:
                texts.append(title)
                texts.extend(chunking.embedding_text(title, part) for part in parts)
        plain.append(item_plain)
        chunks.append(item_chunks)
    vectors = embedder.passages(texts) if embedder.enabled and texts else None
    return Prepared(items, plain, chunks, vectors)


def _write_and_report(prepared: Prepared, embedder: Embedder, progress) -> int:
    written = _write(prepared, embedder)
    if progress is not None:
        progress(len(prepared.items))
    return written


def _delete(keys: list[tuple[str, str]]) -> None:
    if not keys:
        return
    condition = Q()
    by_type: dict[str, list[str]] = {}
    for doc_type, object_key in keys:
        by_type.setdefault(doc_type, []).append(object_key)
    for doc_type, object_keys in by_type.items():
        condition |= Q(doc_type=doc_type, object_key__in=object_keys)
    ids = list(SearchDocument.objects.filter(condition).values_list("id", flat=True))
    if ids:
        get_backend().delete(ids)
        SearchChunk.objects.filter(document_id__in=ids).delete()
        SearchFacet.objects.filter(document_id__in=ids).delete()
        SearchDocument.objects.filter(id__in=ids).delete()


def _write(prepared: Prepared, embedder: Embedder) -> int:
    by_name = registry.name_types()
    with transaction.atomic():
        _delete([(doc_type, key) for doc_type, key, _documents in prepared.items])
        documents: list[SearchDocument] = []
        flat: list[tuple[DocumentData, str, list[str]]] = []
        for (_doc_type, _key, items), plain, passages in zip(
            prepared.items, prepared.plain, prepared.passages, strict=True
        ):
            for data, text, parts in zip(items, plain, passages, strict=True):
                documents.append(
                    SearchDocument(
                        doc_type=data.doc_type,
                        object_key=data.object_key,
                        language=data.language,
                        is_original=data.is_original,
                        external_id=data.external_id,
                        title=data.title[:TITLE_LENGTH],
                        text=text,
                        path=data.path,
                        facets=data.facets,
                        visibility=data.visibility,
                    )
                )
                flat.append((data, text, parts))
        SearchDocument.objects.bulk_create(documents, batch_size=500)
        facets, chunks, lexical = [], [], []
        vector_index = 0
        for document, (data, text, parts) in zip(documents, flat, strict=True):
            for key in ROW_FACETS:
                for value in facet_values(data.facets.get(key)):
                    facets.append(SearchFacet(document=document, key=key, value=value[:120]))
            embedded = data.doc_type not in by_name
            for position, part in enumerate(parts):
                vector = None
                if prepared.vectors is not None and embedded:
                    vector = prepared.vectors[vector_index].astype("<f2").tobytes()
                    vector_index += 1
                chunks.append(
                    SearchChunk(
                        document=document,
                        position=position,
                        text=part,
                        vector=vector,
                        model=embedder.name if vector is not None else "",
                        dimension=embedder.dimension if vector is not None else 0,
                    )
                )
            lexical.append(
                Row(
                    document.pk,
                    data.language,
                    data.title,
                    text,
                    data.doc_type,
                    data.visibility,
                    data.facets,
                )
            )
        SearchFacet.objects.bulk_create(facets, batch_size=1000)
        SearchChunk.objects.bulk_create(chunks, batch_size=500)
        get_backend().insert(lexical)
        touch()
    return len(documents)

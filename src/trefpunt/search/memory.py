"""The per-process, in-memory side of the index: every document's filter data, and the chunk
vectors.

Below ``vectorstore.MIN_CHUNKS`` chunks, every vector is held here in one float32 matrix and
searched by brute force (one matrix-vector product: 200,000 chunks x 512 dimensions in ~18 ms on the
2-core machine). From there on, the chunks of a build of the shared on-disk index
(``vectorstore``: usearch HNSW, memory-mapped, one copy for all processes) are searched
approximately, and only the documents written since that build ("delta") are held here and
scanned exactly; both lists are merged by similarity.

Freshness: every write to the index stores a new random token in ``search_indexstate``; a
query reads that one row and, when the token changed, applies the difference (documents
added, replaced or removed) instead of reloading everything.
"""

import json
import logging
import threading
from dataclasses import dataclass, field
from itertools import islice

import numpy as np
from django.db.models import TextField
from django.db.models.functions import Cast

from . import vectorstore
from .embedders import Embedder
from .filters import Filters, facet_pairs
from .models import SearchChunk, SearchDocument, Visibility
from .nearest import Snapshot

logger = logging.getLogger(__name__)

FULL_RELOAD_SHARE = 0.25  # above this share of changed or dead documents, reload everything
# Documents (and their chunks) read per query when the index loads: SQLite accepts 32,766
# parameters, and a small demo with its gazetteer loads in one go.
LOAD_BATCH = 20_000
# From this many chunks on, a first pass scores every chunk in REDUCED dimensions (PCA of the
# stored vectors) and only the best candidates are scored exactly (``nearest.py``).
TWO_STAGE_MIN_CHUNKS = 50_000
REDUCED = 128


class IndexMismatch(Exception):
    """Stored vectors were made by another model than the configured embedder."""


current_version = vectorstore.current_version


class _Growable:
    """An array that grows by doubling, so appending a few rows does not copy them all."""

    def __init__(self, dtype, width: int = 0):
        self.width = width
        self.size = 0
        shape = (16, width) if width else (16,)
        self.data = np.zeros(shape, dtype=dtype)

    def extend(self, rows: np.ndarray) -> None:
        needed = self.size + len(rows)
        if needed > len(self.data):
            capacity = max(needed, 2 * len(self.data))
            grown = np.zeros((capacity, *self.data.shape[1:]), dtype=self.data.dtype)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size : needed] = rows
        self.size = needed

    @property
    def view(self) -> np.ndarray:
        return self.data[: self.size]


@dataclass
class Record:
    doc_type: str
    object_key: str
    rows: list[int] = field(default_factory=list)  # document rows of this record


class MemoryIndex:
    """Documents are rows (``row`` = position), records group the rows of one record."""

    def __init__(self, embedder: Embedder):
        self.embedder = embedder
        self.version: int | None = None
        self.lock = threading.Lock()
        self._clear()

    def _clear(self) -> None:
        self.row_of: dict[int, int] = {}  # document id -> row
        self.doc_ids: list[int] = []
        self.doc_updated: list = []
        self.doc_language: list[str] = []
        self.doc_facets: list[tuple[tuple[str, str], ...]] = []
        self.doc_record = _Growable(np.int32)
        self.doc_alive = _Growable(np.bool_)
        self.doc_public = _Growable(np.bool_)
        self.records: list[Record] = []
        self.record_of: dict[tuple[str, str], int] = {}
        self.postings: dict[tuple[str, str], list[int]] = {}
        self.chunk_doc = _Growable(np.int32)
        self.chunk_position = _Growable(np.int32)
        self.vectors = _Growable(np.float32, self.embedder.dimension)
        self.reduced: _Growable | None = None
        self.projection: np.ndarray | None = None
        self.dead = 0
        self.mismatch: str | None = None
        self._masks: dict = {}
        self._all_public: tuple = (None, False)
        # Chunks 0 .. base-1 are those of the shared build (their vectors stay on disk); the
        # vectors held here are those of the chunks from ``base`` on.
        self.store: vectorstore.VectorStore | None = None
        self.base = 0

    # --- freshness ---------------------------------------------------------------------------

    def refresh(self) -> None:
        version = current_version()
        if version == self.version:
            return
        with self.lock:
            if version == self.version:
                return
            if self.version is None and self._load_build(version):
                return
            stored = dict(SearchDocument.objects.values_list("id", "updated_at"))
            changed = [pk for pk, updated in stored.items() if self._stale(pk, updated)]
            gone = [pk for pk in self.row_of if pk not in stored]
            churn = len(changed) + len(gone) + self.dead
            fresh: set[int] = set()
            everything = False
            if self.version is None or churn > FULL_RELOAD_SHARE * max(len(self.doc_ids), 1):
                self._clear()
                changed, gone = list(stored), []
                fresh = self._attach_store(stored)
                everything = not fresh
            for pk in gone + [pk for pk in changed if pk in self.row_of]:
                self._kill(self.row_of.pop(pk))
            self._load(changed, fresh, everything)
            if fresh:
                self._map_store_chunks(fresh)
            if (
                self.store is None
                and self.projection is None
                and self.vectors.size >= TWO_STAGE_MIN_CHUNKS
            ):
                self._fit_projection()
            self.mismatch = vectorstore.model_mismatch(self.embedder)
            self._masks = {}
            self.version = version

    def _load_build(self, version: int) -> bool:
        """Start from the shared build alone when nothing was written since it was made (the
        token is the same): no question to the database per document or chunk."""
        if not self.embedder.enabled:
            return False
        store = vectorstore.open_store(self.embedder)
        if store is None or store.size < vectorstore.MIN_CHUNKS or store.version != version:
            return False
        self._clear()
        self.store = store
        documents = store.documents()
        self._add_documents(documents)
        self._map_store_chunks({row[0] for row in documents})
        self.mismatch = store.mismatch  # the database is as it was when the build was made
        self.version = version
        return True

    def _attach_store(self, stored: dict) -> set[int]:
        """Open the shared build; returns the ids of documents whose chunks it holds as they
        are now (their vectors are not loaded from the database)."""
        if not self.embedder.enabled:
            return set()
        store = vectorstore.open_store(self.embedder)
        if store is None or store.size < vectorstore.MIN_CHUNKS:
            return set()
        fresh = store.fresh_documents(stored)
        if fresh:
            self.store = store
        return fresh

    def _map_store_chunks(self, fresh: set[int]) -> None:
        """The build's chunks become chunks 0 .. base-1; those of documents that changed or
        left since the build point at row -1 (never allowed, see ``document_mask``)."""
        store = self.store
        owners = store.chunk_document
        rows = np.full(len(owners), -1, dtype=np.int32)
        ids = np.fromiter(fresh, dtype=np.int64, count=len(fresh))
        known = np.isin(owners, ids)
        rows[known] = [self.row_of[pk] for pk in owners[known].tolist()]
        delta_doc, delta_position = self.chunk_doc.view.copy(), self.chunk_position.view.copy()
        self.chunk_doc = _Growable(np.int32)
        self.chunk_position = _Growable(np.int32)
        for part_doc, part_position in ((rows, store.chunk_position), (delta_doc, delta_position)):
            self.chunk_doc.extend(part_doc)
            self.chunk_position.extend(part_position)
        self.base = store.size

    def _stale(self, pk: int, updated) -> bool:
        row = self.row_of.get(pk)
        return row is None or self.doc_updated[row] != vectorstore.stamp(updated)

    def _kill(self, row: int) -> None:
        self.doc_alive.data[row] = False
        self.dead += 1

    def _load(self, ids: list[int], fresh: set[int] = frozenset(), everything=False) -> None:
        """Load documents; their vectors too, except for those ``fresh`` in the shared build
        (their filter data comes from the build as well). ``everything``: ``ids`` are all the
        documents (a full load without a build), read in one pass instead of by id."""
        if fresh:
            self._add_documents(row for row in self.store.documents() if row[0] in fresh)
        chunks = SearchChunk.objects.filter(
            model=self.embedder.name, dimension=self.embedder.dimension
        ).exclude(vector=None)
        if everything:
            self._add_documents(_document_rows(SearchDocument.objects.order_by("id")))
            if self.embedder.enabled:
                rows = chunks.order_by("document_id", "position").values_list(
                    "document_id", "position", "vector"
                )
                for part in _batches(rows.iterator(chunk_size=LOAD_BATCH), LOAD_BATCH):
                    self._add_chunks(part)
            return
        ids = sorted(pk for pk in ids if pk not in fresh)
        for start in range(0, len(ids), LOAD_BATCH):
            part = ids[start : start + LOAD_BATCH]
            self._add_documents(_document_rows(SearchDocument.objects.filter(id__in=part)))
            if self.embedder.enabled:
                self._add_chunks(
                    chunks.filter(document_id__in=part).values_list(
                        "document_id", "position", "vector"
                    )
                )

    def _add_documents(self, documents) -> None:
        """Append documents as rows. Written for speed: it runs for every document of the
        shared build when a worker starts (100,000 rows in ~0.5 s), so the loop holds its
        lookups in locals and shares one tuple per distinct facet pair and facets dict."""
        start = row = len(self.doc_ids)
        records, record_of, postings = self.records, self.record_of, self.postings
        record_rows, public, languages, facets_of = [], [], [], []
        pairs_of: dict[tuple, tuple] = {}  # (type, language, facets as text) -> pairs
        add_pair = postings.setdefault
        stamp = vectorstore.stamp
        for pk, doc_type, object_key, language, visibility, facets, updated in documents:
            key = (doc_type, object_key)
            index = record_of.get(key)
            if index is None:
                index = record_of[key] = len(records)
                records.append(Record(doc_type, object_key, [row]))
            else:
                records[index].rows.append(row)
            shared = (doc_type, language, facets)  # facets as JSON text (build and database)
            pairs = pairs_of.get(shared)
            if pairs is None:
                pairs = pairs_of[shared] = (
                    ("type", doc_type),
                    ("language", language),
                    *facet_pairs(json.loads(facets)),
                )
            for pair in pairs:
                add_pair(pair, []).append(row)
            self.row_of[pk] = row
            self.doc_ids.append(pk)
            self.doc_updated.append(updated if isinstance(updated, int) else stamp(updated))
            languages.append(language)
            facets_of.append(pairs)
            record_rows.append(index)
            public.append(visibility == Visibility.PUBLIC)
            row += 1
        self.doc_language.extend(languages)
        self.doc_facets.extend(facets_of)
        self.doc_record.extend(np.array(record_rows, dtype=np.int32))
        self.doc_alive.extend(np.ones(row - start, dtype=np.bool_))
        self.doc_public.extend(np.array(public, dtype=np.bool_))

    def _add_chunks(self, chunks) -> None:
        rows, positions, blobs = [], [], []
        row_of = self.row_of
        for document_id, position, vector in chunks:
            if document_id not in row_of:  # written after its documents were read: next time
                continue
            rows.append(row_of[document_id])
            positions.append(position)
            blobs.append(bytes(vector))
        if not rows:
            return
        matrix = np.frombuffer(b"".join(blobs), dtype="<f2").reshape(len(rows), -1)
        vectors = matrix.astype(np.float32)
        self.chunk_doc.extend(np.array(rows, dtype=np.int32))
        self.chunk_position.extend(np.array(positions, dtype=np.int32))
        self.vectors.extend(vectors)
        if self.reduced is not None:
            self.reduced.extend(vectors @ self.projection)

    def _fit_projection(self) -> None:
        """The REDUCED main directions of the stored vectors (uncentred, so that dot products
        are kept), from a sample; new chunks are projected with the same matrix."""
        vectors = self.vectors.view
        sample = vectors[
            np.random.default_rng(0).choice(len(vectors), min(20_000, len(vectors)), replace=False)
        ]
        _values, directions = np.linalg.eigh(sample.T @ sample)
        self.projection = np.ascontiguousarray(directions[:, -REDUCED:], dtype=np.float32)
        self.reduced = _Growable(np.float32, REDUCED)
        for start in range(0, len(vectors), 50_000):
            self.reduced.extend(vectors[start : start + 50_000] @ self.projection)

    # --- filtering ---------------------------------------------------------------------------

    def document_mask(self, filters: Filters) -> np.ndarray:
        """Rows that are alive, visible and pass the filters, and one more, always False: the
        row -1 of chunks whose document changed since the shared build."""
        cached = self._masks.get(filters)
        if cached is not None:
            return cached
        mask = np.append(self.doc_alive.view, False)
        if not filters.include_restricted:
            mask[:-1] &= self.doc_public.view
        for key, values in (("type", filters.types), ("language", filters.languages)):
            if values:
                mask[:-1] &= self._any_of(key, values)
        for key, values in filters.facets:
            mask[:-1] &= self._any_of(key, values)
        if len(self._masks) > 64:
            self._masks.clear()
        self._masks[filters] = mask
        return mask

    def _any_of(self, key: str, values) -> np.ndarray:
        hit = np.zeros(len(self.doc_ids), dtype=np.bool_)
        for value in values:
            rows = self.postings.get((key, str(value)))
            if rows:
                hit[rows] = True
        return hit

    # --- semantic search ---------------------------------------------------------------------

    @property
    def documents(self) -> int:
        return len(self.doc_ids) - self.dead

    @property
    def all_public(self) -> bool:
        """No restricted document alive (computed once per version of the index)."""
        with self.lock:
            key = (self.version, self.doc_alive.size, self.dead)
            if self._all_public[0] != key:
                self._all_public = (key, bool(self.doc_public.view[self.doc_alive.view].all()))
            return self._all_public[1]

    def snapshot(self, filters: Filters) -> Snapshot:
        """A consistent view for one query (a refresh in another thread may follow)."""
        with self.lock:
            return Snapshot(
                self.vectors.view,
                self.chunk_doc.view,
                self.chunk_position.view,
                self.document_mask(filters),
                self.reduced.view if self.reduced is not None else None,
                self.projection,
                self.store,
            )

    def record_vectors(self, doc_type: str, object_key: str) -> np.ndarray:
        with self.lock:
            index = self.record_of.get((doc_type, object_key))
            if index is None:
                return np.zeros((0, self.embedder.dimension), dtype=np.float32)
            rows = [row for row in self.records[index].rows if self.doc_alive.data[row]]
            chunks = np.flatnonzero(np.isin(self.chunk_doc.view, rows))
            own = chunks[chunks >= self.base] - self.base
            if self.store is None:
                return self.vectors.view[own]
            shared = self.store.vectors[chunks[chunks < self.base]].astype(np.float32)
            return np.concatenate([shared, self.vectors.view[own]])


def _batches(rows, size: int):
    """Lists of ``size`` rows (itertools.batched from Python 3.12 on)."""
    rows = iter(rows)
    while part := list(islice(rows, size)):
        yield part


def _document_rows(documents):
    """What ``_add_documents`` reads of each document; the facets as JSON text, which the many
    documents with the same facets share (one parse each)."""
    return documents.annotate(facets_text=Cast("facets", TextField())).values_list(
        "id", "doc_type", "object_key", "language", "visibility", "facets_text", "updated_at"
    )


_indexes: dict[str, MemoryIndex] = {}
_indexes_lock = threading.Lock()


def get_index(embedder: Embedder) -> MemoryIndex:
    """The refreshed in-memory index of this process for ``embedder``."""
    with _indexes_lock:
        index = _indexes.get(embedder.key)
        if index is None:
            index = _indexes[embedder.key] = MemoryIndex(embedder)
    index.refresh()
    return index


def forget() -> None:
    """Drop the in-memory indexes (tests; a reindex in this process)."""
    with _indexes_lock:
        _indexes.clear()

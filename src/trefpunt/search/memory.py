"""The per-process, in-memory side of the index: every document's filter data and every chunk's
vector in one float32 matrix, searched by brute force (one matrix-vector product).

Measured on this project's 2-core machine: 200,000 chunks x 512 dimensions score in ~18 ms
(p95 ~23 ms); that stays inside the 50 ms budget up to roughly 200k chunks. Past that an
approximate index (usearch HNSW) or pgvector is the next step (docs/scaling.md).

Freshness: every write to the index stores a new random token in ``search_indexstate``; a
query reads that one row and, when the token changed, applies the difference (documents
added, replaced or removed) instead of reloading everything.
"""

import logging
import threading
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from .embedders import Embedder
from .filters import Filters, facet_pairs
from .models import SearchChunk, SearchDocument, Visibility

logger = logging.getLogger(__name__)

FULL_RELOAD_SHARE = 0.25  # above this share of changed or dead documents, reload everything
# From this many chunks on, a first pass scores every chunk in REDUCED dimensions (PCA of the
# stored vectors) and only the best CANDIDATES are scored exactly: 4x less memory read.
TWO_STAGE_MIN_CHUNKS = 50_000
REDUCED = 128
CANDIDATES = 3000


class IndexMismatch(Exception):
    """Stored vectors were made by another model than the configured embedder."""


def current_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM search_indexstate WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


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

    # --- freshness ---------------------------------------------------------------------------

    def refresh(self) -> None:
        version = current_version()
        if version == self.version:
            return
        with self.lock:
            if version == self.version:
                return
            stored = dict(SearchDocument.objects.values_list("id", "updated_at"))
            changed = [pk for pk, updated in stored.items() if self._stale(pk, updated)]
            gone = [pk for pk in self.row_of if pk not in stored]
            churn = len(changed) + len(gone) + self.dead
            if self.version is None or churn > FULL_RELOAD_SHARE * max(len(self.doc_ids), 1):
                self._clear()
                changed, gone = list(stored), []
            for pk in gone + [pk for pk in changed if pk in self.row_of]:
                self._kill(self.row_of.pop(pk))
            self._load(changed)
            if self.projection is None and self.vectors.size >= TWO_STAGE_MIN_CHUNKS:
                self._fit_projection()
            self._check_models()
            self._masks = {}
            self.version = version

    def _stale(self, pk: int, updated) -> bool:
        row = self.row_of.get(pk)
        return row is None or self.doc_updated[row] != updated

    def _kill(self, row: int) -> None:
        self.doc_alive.data[row] = False
        self.dead += 1

    def _load(self, ids: list[int]) -> None:
        ids = sorted(ids)
        for start in range(0, len(ids), 5000):
            part = ids[start : start + 5000]
            documents = SearchDocument.objects.filter(id__in=part).values_list(
                "id", "doc_type", "object_key", "language", "visibility", "facets", "updated_at"
            )
            self._add_documents(documents)
            if self.embedder.enabled:
                chunks = (
                    SearchChunk.objects.filter(
                        document_id__in=part,
                        model=self.embedder.name,
                        dimension=self.embedder.dimension,
                    )
                    .exclude(vector=None)
                    .values_list("document_id", "position", "vector")
                )
                self._add_chunks(chunks)

    def _add_documents(self, documents) -> None:
        records, alive, public = [], [], []
        for pk, doc_type, object_key, language, visibility, facets, updated in documents:
            row = len(self.doc_ids)
            key = (doc_type, object_key)
            index = self.record_of.get(key)
            if index is None:
                index = self.record_of[key] = len(self.records)
                self.records.append(Record(doc_type, object_key))
            self.records[index].rows.append(row)
            pairs = (("type", doc_type), ("language", language), *facet_pairs(facets))
            for pair in pairs:
                self.postings.setdefault(pair, []).append(row)
            self.row_of[pk] = row
            self.doc_ids.append(pk)
            self.doc_updated.append(updated)
            self.doc_language.append(language)
            self.doc_facets.append(pairs)
            records.append(index)
            alive.append(True)
            public.append(visibility == Visibility.PUBLIC)
        self.doc_record.extend(np.array(records, dtype=np.int32))
        self.doc_alive.extend(np.array(alive, dtype=np.bool_))
        self.doc_public.extend(np.array(public, dtype=np.bool_))

    def _add_chunks(self, chunks) -> None:
        rows, positions, blobs = [], [], []
        for document_id, position, vector in chunks:
            rows.append(self.row_of[document_id])
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

    def _check_models(self) -> None:
        """Vectors of another model (or none at all) mean the index must be rebuilt."""
        self.mismatch = None
        if not self.embedder.enabled:
            return
        chunks = SearchChunk.objects.order_by()
        other = chunks.exclude(model=self.embedder.name).values_list("model", flat=True)[:1]
        found = list(other)
        if not found and (
            chunks.filter(model=self.embedder.name)
            .exclude(dimension=self.embedder.dimension)
            .exists()
        ):
            found = [f"{self.embedder.name} of another dimension"]
        if found:
            made_by = f"vectors of {found[0]}" if found[0] else "no vectors"
            self.mismatch = (
                f"The search index holds {made_by}, but the configured embedder is "
                f"{self.embedder.key} ({self.embedder.name}): run `trefpunt reindex`."
            )

    # --- filtering ---------------------------------------------------------------------------

    def document_mask(self, filters: Filters) -> np.ndarray:
        """Rows that are alive, visible and pass the filters."""
        cached = self._masks.get(filters)
        if cached is not None:
            return cached
        mask = self.doc_alive.view.copy()
        if not filters.include_restricted:
            mask &= self.doc_public.view
        for key, values in (("type", filters.types), ("language", filters.languages)):
            if values:
                mask &= self._any_of(key, values)
        for key, values in filters.facets:
            mask &= self._any_of(key, values)
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
        with self.lock:
            return bool(self.doc_public.view[self.doc_alive.view].all())

    def snapshot(self, filters: Filters) -> "Snapshot":
        """A consistent view for one query (a refresh in another thread may follow)."""
        with self.lock:
            return Snapshot(
                self.vectors.view,
                self.chunk_doc.view,
                self.chunk_position.view,
                self.document_mask(filters),
                self.reduced.view if self.reduced is not None else None,
                self.projection,
            )

    def record_vectors(self, doc_type: str, object_key: str) -> np.ndarray:
        with self.lock:
            index = self.record_of.get((doc_type, object_key))
            if index is None:
                return np.zeros((0, self.embedder.dimension), dtype=np.float32)
            rows = [row for row in self.records[index].rows if self.doc_alive.data[row]]
            chunks = np.isin(self.chunk_doc.view, rows)
            return self.vectors.view[chunks]


@dataclass
class Snapshot:
    vectors: np.ndarray
    chunk_doc: np.ndarray
    chunk_position: np.ndarray
    mask: np.ndarray  # allowed document rows
    reduced: np.ndarray | None = None
    projection: np.ndarray | None = None

    def nearest_chunks(self, vector: np.ndarray, k: int):
        """``(chunk indexes, similarities)`` of the ``k`` best chunks among allowed rows."""
        nothing = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if len(self.vectors) == 0:
            return nothing
        allowed = self.mask[self.chunk_doc]
        everything = bool(allowed.all())
        k = min(k, len(allowed) if everything else int(allowed.sum()))
        if k <= 0:
            return nothing
        if self.reduced is not None and len(self.reduced) == len(self.vectors):
            rough = self.reduced @ (vector @ self.projection)
            if not everything:
                rough[~allowed] = -np.inf
            wanted = min(max(CANDIDATES, 4 * k), len(rough))
            candidates = np.argpartition(-rough, wanted - 1)[:wanted]
            if not everything:
                candidates = candidates[allowed[candidates]]
            scores = self.vectors[candidates] @ vector
            best = np.argsort(-scores, kind="stable")[:k]
            return candidates[best], scores[best]
        scores = self.vectors @ vector
        if not everything:
            scores[~allowed] = -np.inf
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return top, scores[top]


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

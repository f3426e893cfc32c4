"""The shared on-disk vector index: every stored chunk vector of one embedder in a usearch HNSW
graph (int8: it only finds candidates), beside the same vectors as a float16 matrix that
scores them, both memory-mapped so that every process on the machine reads one copy from the
page cache instead of holding its own.

It is derived data, rebuilt from the database (``trefpunt reindex``, or ``trefpunt reindex
--vectors-only`` which only rereads the stored vectors) under ``settings.TREFPUNT_INDEX_DIR``:

    vectors-<embedder>/CURRENT          name of the live build (replaced atomically)
    vectors-<embedder>/<build>/         manifest.json, documents.npy, documents.json
                                        (filter data), chunks.npy, vectors.npy (float16),
                                        hnsw.usearch

Consistency (docs/decisions.md): a build records the index version token
(``search_indexstate``), then the ``updated_at`` of every document, then the chunks, in that
order. A process starting while the token is unchanged loads everything from the build
without asking the database about each document. Otherwise ``memory.MemoryIndex`` uses a
built chunk only while its document still exists with the same ``updated_at``; every other
document's vectors come from the database and are scanned exactly. A write therefore never
makes a result wrong, only a little slower until the next build; a build of another model or
dimension is ignored.
"""

import json
import logging
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection, transaction

from . import registry
from .embedders import Embedder
from .models import SearchChunk, SearchDocument

logger = logging.getLogger(__name__)

FORMAT = 4
# From this many chunks on, a build is made and searched approximately; below, the exact scan
# of every vector in memory is fast enough (~5 ms at 50,000 chunks x 512 dimensions).
MIN_CHUNKS = 50_000
CONNECTIVITY = 16  # HNSW edges per node
EXPANSION_ADD = 128
EXPANSION_SEARCH = 64  # raised to the number of results asked for


def stamp(updated) -> int:
    """A document's ``updated_at`` as an integer (microseconds since the epoch)."""
    return int(updated.timestamp() * 1_000_000)


def current_version() -> int:
    """The index version token, changed by every write (``index.touch``)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM search_indexstate WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


def model_mismatch(embedder: Embedder) -> str | None:
    """Why the index cannot be searched with ``embedder``'s vectors (chunks made by another
    model or of another dimension, or none at all: run ``trefpunt reindex``), or None."""
    if not embedder.enabled:
        return None
    # Record types found by name only carry no vectors by design (``index._prepare``).
    chunks = SearchChunk.objects.order_by().exclude(document__doc_type__in=registry.name_types())
    found = list(chunks.exclude(model=embedder.name).values_list("model", flat=True)[:1])
    if not found and (
        chunks.filter(model=embedder.name).exclude(dimension=embedder.dimension).exists()
    ):
        found = [f"{embedder.name} of another dimension"]
    if not found:
        return None
    made_by = f"vectors of {found[0]}" if found[0] else "no vectors"
    return (
        f"The search index holds {made_by}, but the configured embedder is "
        f"{embedder.key} ({embedder.name}): run `trefpunt reindex`."
    )


def folder(embedder: Embedder) -> Path:
    return Path(settings.TREFPUNT_INDEX_DIR) / f"vectors-{embedder.key}"


@dataclass
class VectorStore:
    model: str
    dimension: int
    document_ids: np.ndarray  # int64, sorted
    document_stamps: np.ndarray  # int64, same order
    chunk_document: np.ndarray  # int64 document id per chunk (= key in the graph)
    chunk_position: np.ndarray  # int32
    vectors: np.ndarray  # float16 (chunks, dimension), memory-mapped
    graph: object  # usearch Index, a view of the file
    version: int  # the index version token when the build started
    path: Path
    mismatch: str | None  # ``model_mismatch`` when the build was made

    def documents(self) -> list[list]:
        """``[id, doc_type, object_key, language, visibility, facets (JSON text), stamp]`` of
        every document in the build, as ``memory.MemoryIndex`` loads them."""
        with open(self.path / "documents.json", encoding="utf-8") as f:
            return json.load(f)

    @property
    def size(self) -> int:
        return len(self.chunk_document)

    def fresh_documents(self, stored: dict) -> set[int]:
        """Ids of ``stored`` ({id: updated_at}) whose chunks this build holds as they are now."""
        if not stored:
            return set()
        ids = np.fromiter(stored.keys(), dtype=np.int64, count=len(stored))
        stamps = np.fromiter(map(stamp, stored.values()), dtype=np.int64, count=len(stored))
        at = np.searchsorted(self.document_ids, ids)
        at[at >= len(self.document_ids)] = 0
        same = (self.document_ids[at] == ids) & (self.document_stamps[at] == stamps)
        return set(ids[same].tolist())

    def search(self, vector: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
        """``(chunk indexes, similarities)`` of about the ``count`` nearest chunks: candidates
        from the int8 graph, scored from the float16 matrix."""
        count = min(count, self.size)
        if count <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        self.graph.expansion_search = max(EXPANSION_SEARCH, count)
        keys = np.asarray(self.graph.search(vector, count).keys, dtype=np.int64)
        return keys, self.exact(keys, vector)

    def exact(self, chunks: np.ndarray, vector: np.ndarray) -> np.ndarray:
        """Similarities of the given chunks, computed from the matrix."""
        scores = np.empty(len(chunks), dtype=np.float32)
        for start in range(0, len(chunks), 20_000):
            part = chunks[start : start + 20_000]
            scores[start : start + len(part)] = self.vectors[part].astype(np.float32) @ vector
        return scores


def open_store(embedder: Embedder) -> VectorStore | None:
    """The live build for ``embedder``, memory-mapped; None if there is none or it was made by
    another model or dimension (then everything is scanned exactly)."""
    base = folder(embedder)
    try:
        current = base / (base / "CURRENT").read_text().strip()
        manifest = json.loads((current / "manifest.json").read_text())
    except (OSError, ValueError):
        return None
    if (
        manifest.get("format") != FORMAT
        or manifest.get("model") != embedder.name
        or manifest.get("dimension") != embedder.dimension
    ):
        logger.warning("Ignoring the vector index in %s: made for another model.", current)
        return None
    from usearch.index import Index  # noqa: PLC0415 (heavy, loaded on first use)

    documents = np.load(current / "documents.npy")
    chunks = np.load(current / "chunks.npy")
    graph = Index.restore(str(current / "hnsw.usearch"), view=True)
    if graph is None or len(graph) != chunks.shape[1]:
        logger.warning("Ignoring the vector index in %s: incomplete.", current)
        return None
    return VectorStore(
        model=manifest["model"],
        dimension=manifest["dimension"],
        document_ids=documents[0],
        document_stamps=documents[1],
        chunk_document=chunks[0],
        chunk_position=chunks[1].astype(np.int32),
        vectors=np.load(current / "vectors.npy", mmap_mode="r"),
        graph=graph,
        version=manifest["version"],
        path=current,
        mismatch=manifest.get("mismatch"),
    )


def build(embedder: Embedder, threads: int = 0) -> int:
    """Write a new build of every stored vector of ``embedder`` and make it the live one;
    returns the number of chunks. Older builds are removed (processes that mapped them keep
    reading their files until they reopen)."""
    from usearch.index import Index  # noqa: PLC0415 (heavy, loaded on first use)

    base = folder(embedder)
    name = f"build-{secrets.token_hex(6)}"
    target = base / name
    target.mkdir(parents=True)
    with transaction.atomic():  # one read snapshot where the database gives one
        # Token, then documents, then chunks: a document written after the documents were
        # read shows as changed, never as fresh.
        version = current_version()
        mismatch = model_mismatch(embedder)
        documents = [  # facets as text: the many documents with the same facets share them
            [*row[:5], json.dumps(row[5], sort_keys=True), stamp(row[6])]
            for row in SearchDocument.objects.order_by("id").values_list(
                "id", "doc_type", "object_key", "language", "visibility", "facets", "updated_at"
            )
        ]
        chunks = (
            SearchChunk.objects.filter(model=embedder.name, dimension=embedder.dimension)
            .exclude(vector=None)
            .order_by("document_id", "position")
            .values_list("document_id", "position", "vector")
        )
        owners, positions, blobs = [], [], []
        for document_id, position, vector in chunks.iterator(chunk_size=5000):
            owners.append(document_id)
            positions.append(position)
            blobs.append(bytes(vector))
    width = embedder.dimension
    vectors = np.frombuffer(b"".join(blobs), dtype="<f2").reshape(len(blobs), width)
    del blobs
    np.save(
        target / "documents.npy",
        np.array(
            [[row[0] for row in documents], [row[-1] for row in documents]], dtype=np.int64
        ).reshape(2, len(documents)),
    )
    with open(target / "documents.json", "w", encoding="utf-8") as f:
        json.dump(documents, f, ensure_ascii=False, separators=(",", ":"))
    np.save(target / "chunks.npy", np.array([owners, positions], dtype=np.int64).reshape(2, -1))
    np.save(target / "vectors.npy", vectors.astype(np.float16))
    graph = Index(
        ndim=width,
        metric="ip",
        dtype="i8",  # measured on 10k random unit vectors: better recall than f16, 1.6x faster
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )
    for start in range(0, len(vectors), 50_000):
        part = vectors[start : start + 50_000].astype(np.float32)
        graph.add(np.arange(start, start + len(part), dtype=np.uint64), part, threads=threads)
    graph.save(str(target / "hnsw.usearch"))
    (target / "manifest.json").write_text(
        json.dumps(
            {
                "format": FORMAT,
                "model": embedder.name,
                "dimension": width,
                "version": version,
                "mismatch": mismatch,
                "documents": len(documents),
                "chunks": len(vectors),
            }
        )
    )
    pointer = base / f"CURRENT.{name}"
    pointer.write_text(name)
    os.replace(pointer, base / "CURRENT")
    for old in base.iterdir():
        if old.is_dir() and old.name != name:
            shutil.rmtree(old, ignore_errors=True)
    return len(vectors)


def rebuild(embedder: Embedder) -> int:
    """A new build when the index holds MIN_CHUNKS vectors of ``embedder`` or more, else no
    build at all; returns the chunks in the build (0: none)."""
    stored = SearchChunk.objects.filter(model=embedder.name).exclude(vector=None).count()
    if not embedder.enabled or stored < MIN_CHUNKS:
        remove(embedder)
        return 0
    return build(embedder)


def remove(embedder: Embedder) -> None:
    """Drop every build for ``embedder`` (too few chunks to need one)."""
    shutil.rmtree(folder(embedder), ignore_errors=True)

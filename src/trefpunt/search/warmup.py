"""Warm-up at start-up: a web process loads the embedder's model and the search index before
its first query, in a background thread (``wsgi.py``/``asgi.py``), so the first user does not
wait for them. ``TREFPUNT_SEARCH_WARMUP=false`` turns it off.
"""

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection

from . import languages
from .embedders import get_embedder
from .lexical import get_backend
from .memory import get_index

logger = logging.getLogger(__name__)


def warm_up() -> float:
    """Load the model (one query encoded) and the indexes, side by side; returns the seconds.
    The lexical engine's warm-up also checks a derived index against the database and repairs
    drift (``lexical_tantivy.check_and_repair``)."""
    started = time.perf_counter()
    embedder = get_embedder()
    with ThreadPoolExecutor(max_workers=1) as executor:
        model = executor.submit(embedder.query, "warm-up") if embedder.enabled else None
        languages.detect("warm-up")  # loads the language identifier (~0.5 s)
        get_index(embedder)
        get_backend().warm_up()
        if model is not None:
            model.result()
    return time.perf_counter() - started


def _run() -> None:
    try:
        seconds = warm_up()
        logger.info("search warmed up in %.1f s", seconds)
    except Exception:  # a failed warm-up only means the first query loads instead
        logger.exception("search warm-up failed")
    finally:
        connection.close()


def start_in_background() -> threading.Thread | None:
    if not settings.TREFPUNT_SEARCH_WARMUP:
        return None
    thread = threading.Thread(target=_run, name="search-warmup", daemon=True)
    thread.start()
    return thread

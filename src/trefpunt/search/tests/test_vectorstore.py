"""The shared on-disk vector index: approximate results equal exact ones on small data, and
documents written after a build are found from the database instead."""

import json

import numpy as np
import pytest
from django.core.management import call_command

from trefpunt.search import index, memory, nearest, vectorstore
from trefpunt.search.embedders import get_embedder
from trefpunt.search.filters import Filters
from trefpunt.search.models import SearchChunk, SearchDocument
from trefpunt.search.query import more_like_this, search
from trefpunt.search.warmup import start_in_background, warm_up

from .conftest import document

ALL = Filters()
QUERIES = ["green roofs against heat", "Buslinie über die Grenze", "inondations de la Meuse"]


@pytest.fixture
def shared_index(settings, tmp_path, monkeypatch, corpus):
    """The corpus with a build of the shared index (the threshold lowered to its size)."""
    settings.TREFPUNT_INDEX_DIR = str(tmp_path)
    monkeypatch.setattr(vectorstore, "MIN_CHUNKS", 1)
    vectorstore.rebuild(get_embedder())
    memory.forget()
    return corpus


def nearest_keys(k: int, filters: Filters = ALL) -> list[list[tuple[str, int]]]:
    embedder = get_embedder()
    idx = memory.get_index(embedder)
    snapshot = idx.snapshot(filters)
    found = []
    for text in QUERIES:
        chunks, _scores = snapshot.nearest_chunks(embedder.query(text), k)
        found.append(
            [
                (
                    idx.records[idx.doc_record.data[snapshot.chunk_doc[c]]].object_key,
                    int(snapshot.chunk_position[c]),
                )
                for c in chunks
            ]
        )
    return found


def exact_keys(k: int, monkeypatch, filters: Filters = ALL) -> list:
    with monkeypatch.context() as patch:
        patch.setattr(vectorstore, "MIN_CHUNKS", 10**9)
        memory.forget()
        found = nearest_keys(k, filters)
    memory.forget()
    return found


def test_the_build_holds_every_vector_memory_mapped(shared_index):
    store = vectorstore.open_store(get_embedder())
    assert store.size == SearchChunk.objects.count()
    assert isinstance(store.vectors, np.memmap)
    assert store.vectors.dtype == np.float16
    idx = memory.get_index(get_embedder())
    assert idx.base == store.size
    assert idx.vectors.size == 0  # nothing loaded from the database


def test_approximate_top_k_equals_exact_top_k(shared_index, monkeypatch):
    approximate = nearest_keys(6)
    assert approximate == exact_keys(6, monkeypatch)
    assert all(len(found) == 6 for found in approximate)


def test_a_narrow_filter_scans_the_build_exactly_with_the_same_result(shared_index, monkeypatch):
    monkeypatch.setattr(nearest, "ANN_MIN_SHARE", 1.1)  # every filter counts as narrow
    only_dutch = Filters(languages=("nl",))
    found = nearest_keys(4, only_dutch)
    assert found == exact_keys(4, monkeypatch, only_dutch)
    assert {key for keys in found for key, _position in keys} == {
        "genk-insulation",
        "maastricht-bikes",
    }


def test_a_record_written_after_the_build_is_scanned_exactly(shared_index):
    embedder = get_embedder()
    idx = memory.get_index(embedder)
    assert search("toits verts Charleroi").results[0].id == "charleroi-roofs"
    index.index_record(
        "practice",
        "charleroi-roofs",
        [document("charleroi-roofs", "fr", "Panneaux solaires à Mons", "Des panneaux solaires.")],
    )
    # This process applies the difference; a new process finds the document stale.
    for fresh_process in (False, True):
        if fresh_process:
            memory.forget()
            idx = memory.get_index(embedder)
        result = search("panneaux solaires Mons")
        assert idx.store is not None
        assert idx.vectors.size == 2  # the new title and passage, from the database
        assert result.results[0].id == "charleroi-roofs"
        assert result.results[0].title == "Panneaux solaires à Mons"
        assert "charleroi" not in [hit.id for hit in search("toits verts Charleroi").results[:1]]


def test_a_removed_record_is_never_found_through_the_build(shared_index):
    index.remove_record("practice", "venlo-floods")
    memory.forget()
    found = nearest_keys(50)
    assert all(key != "venlo-floods" for keys in found for key, _position in keys)


def test_more_like_this_reads_vectors_from_the_build(shared_index):
    assert [hit.id for hit in more_like_this("practice", "aachen-bus", limit=1)] == [
        "maastricht-bikes"
    ]


def test_a_build_of_another_model_is_ignored(shared_index):
    embedder = get_embedder()
    live = vectorstore.folder(embedder) / (vectorstore.folder(embedder) / "CURRENT").read_text()
    manifest = json.loads((live / "manifest.json").read_text())
    (live / "manifest.json").write_text(json.dumps({**manifest, "model": "another-model"}))
    assert vectorstore.open_store(embedder) is None
    idx = memory.get_index(embedder)
    assert idx.store is None
    assert idx.vectors.size == SearchChunk.objects.count()


def test_below_the_threshold_the_build_is_removed(shared_index, monkeypatch):
    monkeypatch.setattr(vectorstore, "MIN_CHUNKS", 10**6)
    assert vectorstore.rebuild(get_embedder()) == 0
    assert not vectorstore.folder(get_embedder()).exists()


def test_reindex_vectors_only_rebuilds_the_build(shared_index, capsys):
    call_command("reindex", vectors_only=True)
    chunks = SearchChunk.objects.count()
    assert f"Shared vector index: {chunks} chunks" in capsys.readouterr().out
    assert SearchDocument.objects.count() == 8


def test_warm_up_loads_the_index_and_the_model(corpus):
    assert warm_up() > 0
    assert get_embedder().key in memory._indexes


def test_warm_up_in_the_background_can_be_turned_off(settings):
    settings.TREFPUNT_SEARCH_WARMUP = False
    assert start_in_background() is None


def test_with_nothing_written_since_the_build_a_process_starts_from_the_build_alone(
    shared_index, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):  # the version token
        idx = memory.get_index(get_embedder())
    assert idx.documents == 8
    assert idx.base == SearchChunk.objects.count()
    assert search("Deelfietsen Maastricht").results[0].id == "maastricht-bikes"


def test_a_build_made_beside_vectors_of_another_model_keeps_the_warning(shared_index):
    """Starting from the build alone asks the database nothing about its chunks: the build
    carries the model check made with it."""
    SearchChunk.objects.filter(pk=SearchChunk.objects.first().pk).update(model="another-model")
    embedder = get_embedder()
    vectorstore.rebuild(embedder)
    memory.forget()
    assert "vectors of another-model" in vectorstore.open_store(embedder).mismatch
    assert "run `trefpunt reindex`" in memory.get_index(embedder).mismatch

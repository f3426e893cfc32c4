"""Writes to practices, translations, attachments, links and collections."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.practices import operations
from trefpunt.practices.models import (
    Attachment,
    Collection,
    CollectionItem,
    Link,
    Practice,
    PracticeTranslation,
    Theme,
)
from trefpunt.search.models import SearchDocument

pytestmark = pytest.mark.usefixtures("lexical_only")


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def practice(menen):
    return operations.create_practice(
        user=None,
        owner=menen,
        language="nl",
        title="Renovatiecoach voor rijwoningen",
        summary="Een coach helpt eigenaars.",
        body="<p>Eerste versie.</p>",
        themes=[Theme.objects.get(slug="energy-efficiency-housing")],
        territories=[Territory.objects.get(code="BE-NIS:34027")],
    )


def _documents(practice):
    return list(
        SearchDocument.objects.filter(doc_type="practice", object_key=str(practice.pk))
        .order_by("language")
        .values_list("language", "is_original", "title", "visibility")
    )


def _state(practice):
    fresh = Practice.objects.get(pk=practice.pk)
    return (
        fresh.version,
        fresh.title,
        fresh.body,
        fresh.status,
        fresh.owner_id,
        sorted(fresh.themes.values_list("slug", flat=True)),
        fresh.history.count(),
        fresh.translations.count(),
        fresh.attachments.count(),
        fresh.links.count(),
        _documents(fresh),
    )


# Creating and changing practices


def test_an_editor_creates_a_practice_with_history_and_search_documents(editor_of_menen, menen):
    practice = operations.create_practice(
        user=editor_of_menen,
        owner=menen,
        language="nl",
        title="  Groene speelplaatsen  ",
        summary="Minder tegels, meer schaduw.",
        stage="pilot",
        themes=[Theme.objects.get(slug="climate-adaptation")],
        territories=[Territory.objects.get(code="BE-NIS:34027")],
        organisations=[Organisation.objects.get(slug="wervik")],
    )

    assert practice.title == "Groene speelplaatsen"
    assert practice.version == 1
    history = list(practice.history.all())
    assert [(h.history_type, h.history_user) for h in history] == [("+", editor_of_menen)]
    assert list(history[0].themes.values_list("theme__slug", flat=True)) == ["climate-adaptation"]
    document = SearchDocument.objects.get(doc_type="practice", object_key=str(practice.pk))
    assert (document.language, document.title, document.path, document.visibility) == (
        "nl",
        "Groene speelplaatsen",
        f"/practices/{practice.pk}/",
        "public",
    )
    assert document.facets == {
        "type": "practice",
        "language": "nl",
        "country": ["BE"],
        "theme": ["climate-adaptation"],
        "stage": "pilot",
        "organisation": ["menen", "wervik"],
        "year": practice.created_at.year,
    }


def test_it_removes_unsafe_markup_from_rich_text(practice):
    updated = operations.update_practice(
        practice,
        user=None,
        summary='<p onclick="steal()">Kort</p><script>alert(1)</script>',
        body=(
            '<h1>Titel</h1><p>Zie <a href="javascript:alert(1)">dit</a> en '
            '<a href="https://example.org" target="_blank">dat</a>.</p>'
            "<style>p{}</style><img src=x onerror=alert(1)><ul><li>een</li></ul>"
        ),
    )

    assert updated.summary == "<p>Kort</p>"
    assert updated.body == (
        'Titel<p>Zie <a rel="noopener noreferrer">dit</a> en '
        '<a href="https://example.org" rel="noopener noreferrer">dat</a>.</p><ul><li>een</li></ul>'
    )
    assert "<script" not in SearchDocument.objects.get(object_key=str(practice.pk)).text


def test_plain_text_is_stored_as_typed(practice):
    updated = operations.update_practice(practice, user=None, body="Fish & chips\n\nTwo lines")

    assert updated.body == "Fish & chips\n\nTwo lines"


def test_an_update_bumps_the_version_and_replaces_relations(practice, editor_of_menen):
    updated = operations.update_practice(
        practice,
        user=editor_of_menen,
        version=1,
        title="Renovatiecoach voor oude rijwoningen",
        themes=[Theme.objects.get(slug="health")],
    )

    assert updated.version == 2
    assert list(updated.themes.values_list("slug", flat=True)) == ["health"]
    latest = updated.history.first()
    assert (latest.history_type, latest.history_user, latest.title) == (
        "~",
        editor_of_menen,
        "Renovatiecoach voor oude rijwoningen",
    )
    assert list(latest.themes.values_list("theme__slug", flat=True)) == ["health"]
    assert updated.history.count() == 2
    assert _documents(updated) == [("nl", True, "Renovatiecoach voor oude rijwoningen", "public")]


def test_an_update_that_changes_nothing_writes_nothing(practice):
    before = _state(practice)

    operations.update_practice(practice, user=None, title=practice.title, body=practice.body)

    assert _state(practice) == before


def test_a_stale_version_is_refused_and_nothing_changes(practice, editor_of_menen):
    operations.update_practice(practice, user=editor_of_menen, version=1, title="Tweede versie")
    before = _state(practice)

    with pytest.raises(operations.EditConflict):
        operations.update_practice(practice, user=editor_of_menen, version=1, title="Botsing")

    assert _state(practice) == before


def test_it_rejects_outsiders_and_changes_nothing(practice, outsider, menen):
    before = _state(practice)
    count = Practice.objects.count()

    with pytest.raises(PermissionDenied):
        operations.update_practice(practice, user=outsider, title="Gekaapt")
    with pytest.raises(PermissionDenied):
        operations.create_practice(user=outsider, owner=menen, language="nl", title="Nieuw")
    with pytest.raises(PermissionDenied):
        operations.archive_practice(practice, user=outsider)
    with pytest.raises(PermissionDenied):
        operations.save_translation(practice, user=outsider, language="fr", title="Volé")

    assert _state(practice) == before
    assert Practice.objects.count() == count


def test_an_editor_writes_only_for_their_own_organisation(
    practice, editor_of_menen, kortrijk, menen
):
    theirs = operations.create_practice(
        user=None, owner=kortrijk, language="nl", title="Van Kortrijk"
    )
    before = _state(theirs), _state(practice)

    with pytest.raises(PermissionDenied):
        operations.update_practice(theirs, user=editor_of_menen, title="Van Menen")
    with pytest.raises(PermissionDenied):
        operations.update_practice(practice, user=editor_of_menen, owner=kortrijk)
    with pytest.raises(PermissionDenied):
        operations.create_practice(user=editor_of_menen, owner=None, language="nl", title="Zwevend")

    assert (_state(theirs), _state(practice)) == before


def test_a_curator_edits_any_practice(practice, curator, kortrijk):
    updated = operations.update_practice(practice, user=curator, owner=kortrijk)

    assert updated.owner == kortrijk
    assert updated.history.first().history_user == curator


def test_invalid_values_are_refused_with_the_field_named(practice):
    before = _state(practice)

    with pytest.raises(ValidationError) as error:
        operations.update_practice(practice, user=None, stage="finished")
    assert set(error.value.message_dict) == {"stage"}
    with pytest.raises(ValidationError) as error:
        operations.update_practice(practice, user=None, version_number=3)
    assert set(error.value.message_dict) == {"version_number"}

    assert _state(practice) == before


# Status


def test_a_draft_is_indexed_as_restricted_and_publishing_makes_it_public(editor_of_menen, menen):
    draft = operations.create_practice(
        user=editor_of_menen, owner=menen, language="fr", title="Brouillon", status="draft"
    )
    assert _documents(draft) == [("fr", True, "Brouillon", "restricted")]

    published = operations.publish_practice(draft, user=editor_of_menen)

    assert (published.status, published.version) == ("published", 2)
    assert _documents(published) == [("fr", True, "Brouillon", "public")]


def test_archiving_keeps_the_practice_but_takes_it_out_of_search(practice, editor_of_menen):
    archived = operations.archive_practice(practice, user=editor_of_menen)

    assert Practice.objects.get(pk=practice.pk).status == "archived"
    assert _documents(archived) == []
    assert archived.history.first().history_change_reason == "archive"


# Translations


def test_translations_are_indexed_with_their_origin(practice, editor_of_menen):
    operations.save_translation(
        practice,
        user=editor_of_menen,
        language="fr",
        title="Accompagnateur de rénovation",
        body="<p>Un coach aide les propriétaires.</p><script>x()</script>",
        reviewed_by=editor_of_menen,
    )
    operations.save_translation(
        practice, user=editor_of_menen, language="de", title="Sanierungscoach", origin="machine"
    )

    translations = {
        t.language: (t.title, t.body, t.origin, t.reviewed_by)
        for t in PracticeTranslation.objects.filter(practice=practice)
    }
    assert translations == {
        "fr": (
            "Accompagnateur de rénovation",
            "<p>Un coach aide les propriétaires.</p>",
            "human",
            editor_of_menen,
        ),
        "de": ("Sanierungscoach", "", "machine", None),
    }
    assert _documents(practice) == [
        ("de", False, "Sanierungscoach", "public"),
        ("fr", False, "Accompagnateur de rénovation", "public"),
        ("nl", True, "Renovatiecoach voor rijwoningen", "public"),
    ]
    assert PracticeTranslation.objects.get(language="fr").history.first().history_user == (
        editor_of_menen
    )


def test_saving_a_translation_again_replaces_it(practice):
    operations.save_translation(practice, user=None, language="en", title="First")
    operations.save_translation(practice, user=None, language="en", title="Second")

    assert list(practice.translations.values_list("language", "title")) == [("en", "Second")]


def test_a_translation_into_the_original_language_is_refused(practice):
    with pytest.raises(ValidationError) as error:
        operations.save_translation(practice, user=None, language="nl", title="Dubbel")

    assert "original language" in error.value.message_dict["language"][0]
    assert practice.translations.count() == 0


# Attachments and links

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def test_an_editor_attaches_a_pdf_and_a_docx(practice, editor_of_menen):
    pdf = operations.add_attachment(
        practice,
        user=editor_of_menen,
        file=SimpleUploadedFile("verslag.pdf", PDF),
        title="Eindverslag",
    )
    docx = operations.add_attachment(
        practice, user=editor_of_menen, file=SimpleUploadedFile("Plan.DOCX", _docx())
    )

    assert (pdf.title, pdf.content_type, pdf.size) == ("Eindverslag", "application/pdf", len(PDF))
    assert pdf.file.read() == PDF
    assert (docx.title, docx.content_type) == (
        "Plan.DOCX",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "groot.pdf",
            PDF + b"0" * (10 * 1024 * 1024),
            "The file is 10.0 MB; attachments are at most 10 MB.",
        ),
        (
            "setup.exe",
            b"MZ\x90\x00",
            "Files of the type “exe” are not accepted; upload one of "
            "PDF, DOCX, XLSX, PPTX, ODT, PNG, JPG.",
        ),
        (
            "foto.pdf",
            PNG,
            "The file is named “foto.pdf” but its content is not a PDF file.",
        ),
        (
            "tabel.xlsx",
            _docx(),
            "The file is named “tabel.xlsx” but its content is not a XLSX file.",
        ),
        (
            "leeg",
            PDF,
            "Files of the type “(none)” are not accepted; upload one of "
            "PDF, DOCX, XLSX, PPTX, ODT, PNG, JPG.",
        ),
    ],
)
def test_unacceptable_attachments_are_refused_with_a_message(practice, name, content, message):
    with pytest.raises(ValidationError) as error:
        operations.add_attachment(practice, user=None, file=SimpleUploadedFile(name, content))

    assert error.value.message_dict == {"file": [message]}
    assert Attachment.objects.count() == 0


def test_outsiders_cannot_attach_or_link(practice, outsider):
    with pytest.raises(PermissionDenied):
        operations.add_attachment(practice, user=outsider, file=SimpleUploadedFile("a.pdf", PDF))
    with pytest.raises(PermissionDenied):
        operations.add_link(practice, user=outsider, url="https://example.org")

    assert (Attachment.objects.count(), Link.objects.count()) == (0, 0)


def test_links_must_be_web_addresses(practice):
    link = operations.add_link(practice, user=None, url=" https://example.org/plan ")

    assert (link.url, link.title) == ("https://example.org/plan", "https://example.org/plan")
    with pytest.raises(ValidationError) as error:
        operations.add_link(practice, user=None, url="javascript:alert(1)", title="x")
    assert error.value.message_dict == {
        "url": ["Enter a web address that starts with http:// or https://."]
    }
    assert Link.objects.count() == 1


# Collections


@pytest.fixture
def three_practices(menen):
    return [
        operations.create_practice(user=None, owner=menen, language="nl", title=f"Praktijk {n}")
        for n in (1, 2, 3)
    ]


def test_a_curator_compiles_an_ordered_translated_collection(curator, three_practices):
    first, second, third = three_practices
    collection = operations.create_collection(
        user=curator,
        slug="groene-steden",
        language="nl",
        title="Groene steden",
        introduction="<p>Inleiding</p><script>x()</script>",
    )
    operations.set_collection_items(
        collection, user=curator, practices=[third, first.pk, second], notes={first.pk: "Lees dit"}
    )
    operations.save_collection_translation(
        collection, user=curator, language="fr", title="Villes vertes", introduction="<p>Intro</p>"
    )

    assert collection.introduction == "<p>Inleiding</p>"
    assert list(
        CollectionItem.objects.filter(collection=collection).values_list(
            "position", "practice__title", "note"
        )
    ) == [(1, "Praktijk 3", ""), (2, "Praktijk 1", "Lees dit"), (3, "Praktijk 2", "")]
    assert list(collection.translations.values_list("language", "title", "introduction")) == [
        ("fr", "Villes vertes", "<p>Intro</p>")
    ]
    assert collection.history.first().history_user == curator

    operations.set_collection_items(collection, user=curator, practices=[second])

    assert list(collection.items.values_list("position", "practice__title")) == [(1, "Praktijk 2")]


def test_a_collection_refuses_duplicates_and_archived_practices(curator, three_practices):
    first, second, _third = three_practices
    collection = operations.create_collection(user=curator, slug="c", language="en", title="C")
    operations.set_collection_items(collection, user=curator, practices=[first])
    operations.archive_practice(second, user=curator)

    with pytest.raises(ValidationError):
        operations.set_collection_items(collection, user=curator, practices=[first, first])
    with pytest.raises(ValidationError):
        operations.set_collection_items(collection, user=curator, practices=[second])

    assert list(collection.items.values_list("practice_id", flat=True)) == [first.pk]


def test_only_curators_and_the_owners_editors_write_collections(editor_of_menen, menen, kortrijk):
    own = operations.create_collection(
        user=editor_of_menen, slug="menen-kit", language="nl", title="Kit", owner=menen
    )

    with pytest.raises(PermissionDenied):
        operations.create_collection(
            user=editor_of_menen, slug="kortrijk-kit", language="nl", title="K", owner=kortrijk
        )
    with pytest.raises(PermissionDenied):
        operations.create_collection(
            user=editor_of_menen, slug="platform-kit", language="nl", title="P"
        )
    with pytest.raises(PermissionDenied):
        operations.update_collection(own, user=editor_of_menen, owner=kortrijk)

    assert list(Collection.objects.values_list("slug", "owner__slug")) == [("menen-kit", "menen")]

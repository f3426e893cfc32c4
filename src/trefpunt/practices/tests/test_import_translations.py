"""The import format carries translations, status, the demo mark and collections."""

import pytest

from trefpunt.practices import importer, operations
from trefpunt.practices.models import Collection, Practice
from trefpunt.search.models import SearchDocument

LINE = {
    "external_id": "x-1",
    "language": "nl",
    "title": "Renovatiecoach",
    "status": "draft",
    "is_demo": True,
    "translations": [
        {
            "language": "fr",
            "title": " Coach rénovation ",
            "body": "<p>Un <script>x</script>coach</p>",
        },
        {"language": "de", "title": "Sanierungscoach", "origin": "machine"},
    ],
}


pytestmark = pytest.mark.usefixtures("lexical_only")


def test_a_practice_is_imported_with_its_translations_status_and_demo_mark(db):
    summary = operations.import_practices([importer.parse_record(LINE, 1)])

    practice = Practice.objects.prefetch_related("translations").get(external_id="x-1")
    assert (summary.created, summary.translations) == (1, 2)
    assert (practice.status, practice.is_demo) == ("draft", True)
    assert {t.language: (t.title, t.body, t.origin) for t in practice.translations.all()} == {
        "fr": ("Coach rénovation", "<p>Un coach</p>", "human"),
        "de": ("Sanierungscoach", "", "machine"),
    }
    assert SearchDocument.objects.filter(object_key=str(practice.pk)).count() == 3


def test_a_second_import_changes_only_the_translation_that_differs(db):
    operations.import_practices([importer.parse_record(LINE, 1)])
    changed = {**LINE, "translations": [{"language": "de", "title": "Coach für Sanierungen"}]}

    summary = operations.import_practices([importer.parse_record(changed, 1)])

    practice = Practice.objects.prefetch_related("translations").get(external_id="x-1")
    assert (summary.unchanged, summary.translations) == (1, 1)
    assert sorted((t.language, t.title) for t in practice.translations.all()) == [
        ("de", "Coach für Sanierungen"),
        ("fr", "Coach rénovation"),
    ]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"translations": [{"language": "nl", "title": "T"}]}, "unknown translation language"),
        ({"translations": [{"language": "fr"}]}, "the translation into fr has no title"),
        ({"translations": "fr"}, "“translations” must be a list of objects"),
        ({"status": "archived"}, "unknown status 'archived'"),
        ({"is_demo": "yes"}, "“is_demo” must be true or false"),
    ],
)
def test_bad_translations_and_statuses_are_refused_with_their_line(change, problem):
    with pytest.raises(importer.ImportProblem) as error:
        importer.parse_record({**LINE, **change}, 7)

    assert problem in str(error.value)
    assert "7" in str(error.value)


def test_a_collection_is_imported_with_its_practices_in_order(db):
    operations.import_practices(
        [importer.parse_record({**LINE, "external_id": f"x-{n}"}, n) for n in (1, 2)]
    )
    record = importer.parse_collection(
        {
            "slug": "coaches",
            "language": "en",
            "title": "Coaches",
            "items": ["x-2", "x-1"],
            "translations": [{"language": "nl", "title": "Coaches (nl)"}],
        },
        1,
    )

    written = operations.import_collections([record])

    collection = Collection.objects.get(slug="coaches")
    assert written == 2
    assert [i.practice.external_id for i in collection.items.order_by("position")] == [
        "x-2",
        "x-1",
    ]
    assert collection.translation_in("nl").title == "Coaches (nl)"


def test_a_collection_naming_an_unknown_practice_is_refused(db):
    record = importer.parse_collection(
        {"slug": "c", "language": "en", "title": "C", "items": ["nowhere"]}, 3
    )

    with pytest.raises(importer.ImportFailed) as failure:
        operations.import_collections([record])

    assert "unknown practice 'nowhere'" in str(failure.value)
    assert not Collection.objects.exists()

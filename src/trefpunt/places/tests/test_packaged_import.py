from trefpunt.places import operations
from trefpunt.places.importers import packaged
from trefpunt.places.lookup import find_territory_ids
from trefpunt.places.models import Territory


def test_it_loads_all_565_belgian_municipalities_of_2025(packaged_gazetteer):
    assert Territory.objects.filter(country="BE", level="municipality").count() == 565
    assert packaged_gazetteer.created[("BE", "municipality")] == 565


def test_a_second_import_changes_nothing(packaged_gazetteer):

    again = operations.import_territories(packaged.records())
    assert sum(again.created.values()) == 0
    assert sum(again.updated.values()) == 0
    assert again.names_added == 0


def test_liege_has_its_names_in_four_languages(packaged_gazetteer):
    liege = Territory.objects.get(code="BE-NIS:62063")
    assert liege.names_by_language() == {
        "fr": "Liège",
        "nl": "Luik",
        "de": "Lüttich",
        "en": "Liège",
    }
    assert [t.code for t in liege.ancestors()] == ["ISO:BE", "BE-NIS:03000", "BE-NIS:60000"]


def test_places_outside_belgium_are_places_not_municipalities(packaged_gazetteer):
    aachen = Territory.objects.get(code="GN:3247449")
    assert aachen.level == "place"
    assert aachen.parent.code == "ISO:DE-NW"
    assert not Territory.objects.filter(
        country__in=["NL", "DE", "FR", "LU"], level="municipality"
    ).exists()


def _first(query):
    ids = find_territory_ids(query)
    return Territory.objects.get(pk=ids[0]).code if ids else None


def test_name_lookup_ignores_accents_case_language_and_typos(packaged_gazetteer):
    for query in ["Luik", "Lüttich", "liege", "Liege", "LUETTICH", "Lieege"]:
        assert _first(query) == "BE-NIS:62063", query
    assert _first("Aken") == "GN:3247449"
    assert _first("Aix-la-Chapelle") == "GN:3247449"
    assert _first("Rijsel") == "GN:2998324"  # Lille (FR), not the Belgian municipality Lille
    assert _first("Qwxzv") is None

from trefpunt.places import operations
from trefpunt.places.importers import packaged
from trefpunt.places.lookup import find_territory_ids
from trefpunt.places.models import Territory, TerritoryBoundary


def test_it_loads_all_565_belgian_municipalities_of_2025(packaged_gazetteer):
    assert Territory.objects.current().filter(country="BE", level="municipality").count() == 565
    # 565 of 2025 and the 29 merged away then, kept ended
    assert packaged_gazetteer.created[("BE", "municipality")] == 594


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


def test_geonames_places_stay_places_beside_the_municipalities(packaged_gazetteer):
    aachen = Territory.objects.get(code="GN:3247449")
    assert aachen.level == "place"
    assert aachen.parent.code == "ISO:DE-NW"
    assert Territory.objects.get(code="DE-AGS:05334002").name == "Aachen"
    glanerbrug = Territory.objects.get(name="Glanerbrug")
    assert glanerbrug.level == "place"


def test_every_municipality_of_the_border_regions_is_packaged(packaged_gazetteer):
    current = Territory.objects.current().filter(level="municipality")
    assert current.filter(country="BE").count() == 565  # 2025
    assert current.filter(country="NL").count() == 345  # CBS 2022
    assert current.filter(country="LU").count() == 102  # LAU 2019
    assert current.filter(country="DE").count() == 396  # NRW, LAU 2019
    # The municipalities merged away are kept, ended (BE 2025; NL 2021-2022).
    ended = Territory.objects.filter(level="municipality", valid_to__isnull=False)
    assert ended.filter(country="BE").count() == 29
    assert ended.filter(country="NL").count() == 12
    france = current.filter(country="FR")
    assert france.filter(parent__parent__code="ISO:FR-HDF").count() == 3782
    assert france.filter(parent__parent__code="ISO:FR-GES").count() == 5115


def test_border_towns_have_population_area_and_coordinates(packaged_gazetteer):
    towns = {
        "NL-CBS:GM0744": ("Baarle-Nassau", 6899),
        "NL-CBS:GM0981": ("Vaals", 10084),
        "NL-CBS:GM1714": ("Sluis", 23166),
        "LU-LAU:1206": ("Schengen", 4833),
        "FR-INSEE:08190": ("Givet", 6364),
        "DE-AGS:05334020": ("Monschau", 11726),
    }
    for code, (name, population) in towns.items():
        town = Territory.objects.get(code=code)
        assert (town.name, town.population, town.level) == (name, population, "municipality")
        assert town.area_km2 is not None and town.latitude is not None, code


def test_belgian_municipalities_have_boundaries_and_provinces_outlines(packaged_gazetteer):
    assert (
        TerritoryBoundary.objects.filter(
            territory__country="BE", territory__level="municipality"
        ).count()
        == 565
    )
    west_flanders = TerritoryBoundary.objects.get(territory__code="BE-NIS:30000")
    assert west_flanders.geojson["type"] in ("Polygon", "MultiPolygon")


def _first(query):
    ids = find_territory_ids(query)
    return Territory.objects.get(pk=ids[0]).code if ids else None


def test_name_lookup_ignores_accents_case_language_and_typos(packaged_gazetteer):
    for query in ["Luik", "Lüttich", "liege", "Liege", "LUETTICH", "Lieege"]:
        assert _first(query) == "BE-NIS:62063", query
    assert _first("Aken") == "DE-AGS:05334002"
    assert _first("Aix-la-Chapelle") == "DE-AGS:05334002"
    assert _first("Rijsel") == "FR-INSEE:59350"  # Lille (FR), not the Belgian municipality Lille
    assert _first("Baarle-Nassau") == "NL-CBS:GM0744"
    assert _first("Vaals") == "NL-CBS:GM0981"
    assert _first("Qwxzv") is None

from importlib import import_module

import pytest
from django.utils import translation

from trefpunt.pages import atlas
from trefpunt.places.models import Territory
from trefpunt.practices.models import Practice


@pytest.fixture(scope="module")
def _demo_content(_demo_directory_once, django_db_blocker):
    """The demo practices, meetings and obstacles, inside the module's demo transaction."""
    with django_db_blocker.unblock():
        for app in ("legal", "practices", "meetings", "obstacles"):
            import_module(f"trefpunt.{app}.demo").load()
    yield


pytestmark = pytest.mark.usefixtures("_demo_content", "demo_directory")


def _practices_per_territory():
    counts = {}
    for practice in Practice.objects.published().prefetch_related("territories"):
        for territory in practice.territories.all():
            counts[territory.code] = counts.get(territory.code, 0) + 1
    return counts


def test_the_atlas_page_renders_a_choropleth_without_network(client, settings):
    settings.TREFPUNT_MAP_TILES = ""

    response = client.get("/fr/atlas/", {"layer": "practices"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-geojson="/api/v1/atlas.geojson?layer=practices&amp;lang=fr"' in html
    assert '<meta name="map-tiles" content="">' in html
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert "https://" not in html


def test_the_geojson_has_polygons_for_the_565_belgian_municipalities(client):
    body = client.get("/api/v1/atlas.geojson", {"layer": "practices", "country": "BE"}).json()

    assert body["type"] == "FeatureCollection"
    assert len(body["features"]) == 565
    kinds = {f["geometry"]["type"] for f in body["features"]}
    assert kinds <= {"Polygon", "MultiPolygon"}


def test_without_a_country_the_layer_has_the_municipalities_with_a_value(client):
    body = client.get("/api/v1/atlas.geojson", {"layer": "practices"}).json()

    values = {f["id"]: f["properties"]["value"] for f in body["features"]}
    expected = {
        code: n
        for code, n in _practices_per_territory().items()
        if Territory.objects.get(code=code).level == "municipality"
    }
    assert values == expected
    assert len(values) >= 1


def test_names_in_the_geojson_follow_the_language(client):
    body = client.get(
        "/api/v1/atlas.geojson", {"layer": "meetings", "country": "BE", "lang": "de"}
    ).json()

    names = {f["id"]: f["properties"]["name"] for f in body["features"]}
    assert names["BE-NIS:62063"] == "Lüttich"


@pytest.mark.parametrize("layer", ["relations", "practices", "meetings", "obstacles"])
def test_each_layer_counts_something_in_the_demo_data(layer):
    with translation.override("en"):
        values = atlas.layer_values(layer)

    assert values and all(value >= 1 for value in values.values())


def test_the_similarity_layer_scores_places_like_the_chosen_one(client):
    body = client.get(
        "/api/v1/atlas.geojson", {"layer": "similarity", "place": "BE-NIS:34027"}
    ).json()

    assert len(body["features"]) == atlas.SIMILAR
    assert all(0 < f["properties"]["value"] <= 1 for f in body["features"])


def test_an_unknown_layer_is_a_422_and_an_unknown_place_or_country_a_404(client):
    assert client.get("/api/v1/atlas.geojson", {"layer": "weather"}).status_code == 422
    assert client.get("/api/v1/atlas.geojson", {"country": "XX"}).status_code == 404
    response = client.get("/api/v1/atlas.geojson", {"layer": "similarity", "place": "XX:1"})
    assert response.status_code == 404
    assert client.get("/en/atlas/", {"layer": "weather"}).status_code == 422


def test_the_outlines_are_the_countries_and_regions(client):
    body = client.get("/en/atlas/outlines.geojson").json()

    assert sorted(f["id"] for f in body["features"]) == sorted(atlas.OUTLINES)

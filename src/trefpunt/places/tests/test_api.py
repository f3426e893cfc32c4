"""The territories API at /api/v1/territories: filters, languages, errors and the schema."""

import pytest

TERRITORY_KEYS = {
    "code",
    "name",
    "names",
    "country",
    "level",
    "parent",
    "population",
    "population_year",
    "area_km2",
    "latitude",
    "longitude",
    "url",
}


@pytest.fixture(autouse=True)
def _data(demo_directory):
    pass


def test_it_lists_the_565_belgian_municipalities(client):
    response = client.get("/api/v1/territories", {"country": "BE", "level": "municipality"})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 565
    assert len(body["items"]) == 20
    assert {item["country"] for item in body["items"]} == {"BE"}
    assert {item["level"] for item in body["items"]} == {"municipality"}


def test_each_item_has_exactly_the_documented_fields(client):
    body = client.get("/api/v1/territories", {"q": "Luik", "limit": 1}).json()

    assert set(body["items"][0]) == TERRITORY_KEYS
    assert body["items"][0] == {
        "code": "BE-NIS:62063",
        "name": "Liège",
        "names": {"nl": "Luik", "fr": "Liège", "de": "Lüttich", "en": "Liège"},
        "country": "BE",
        "level": "municipality",
        "parent": "BE-NIS:60000",
        "population": 197217,
        "population_year": 2020,
        "area_km2": 69.39,
        "latitude": 50.63027,
        "longitude": 5.59472,
        "url": "http://testserver/en/places/BE-NIS:62063/",
    }


def test_a_search_by_another_languages_name_finds_liege_first(client):
    body = client.get("/api/v1/territories", {"q": "Luik"}).json()

    assert [item["code"] for item in body["items"]] == ["BE-NIS:62063", "BE-NIS:60000"]


def test_the_lang_parameter_chooses_the_language_of_names(client):
    body = client.get("/api/v1/territories", {"q": "Liège", "lang": "nl", "limit": 1}).json()

    assert body["items"][0]["name"] == "Luik"


def test_accept_language_chooses_the_language_when_lang_is_absent(client):
    body = client.get(
        "/api/v1/territories", {"q": "Liège", "limit": 1}, headers={"Accept-Language": "de"}
    ).json()

    assert body["items"][0]["name"] == "Lüttich"


def test_the_lang_parameter_wins_over_accept_language(client):
    body = client.get(
        "/api/v1/territories",
        {"q": "Liège", "lang": "nl", "limit": 1},
        headers={"Accept-Language": "de"},
    ).json()

    assert body["items"][0]["name"] == "Luik"


def test_limit_and_offset_page_through_the_list(client):
    query = {"country": "BE", "level": "municipality"}
    first = client.get("/api/v1/territories", {**query, "limit": 3}).json()
    second = client.get("/api/v1/territories", {**query, "limit": 2, "offset": 2}).json()

    assert second["count"] == 565
    assert second["items"][0]["code"] == first["items"][2]["code"]
    assert len(second["items"]) == 2


def test_population_filters_bound_the_list(client):
    body = client.get(
        "/api/v1/territories",
        {"country": "BE", "min_population": 190000, "max_population": 200000},
    ).json()

    assert body["count"] == 1
    assert [(item["name"], item["population"]) for item in body["items"]] == [("Liège", 197217)]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"limit": 0}, "limit", "Input should be greater than or equal to 1"),
        ({"limit": 101}, "limit", "Input should be less than or equal to 100"),
        ({"offset": -1}, "offset", "Input should be greater than or equal to 0"),
        ({"country": "XYZ"}, "country", "String should match pattern '^[A-Za-z]{2}$'"),
        ({"lang": "es"}, "lang", "String should match pattern '^(nl|fr|de|en)$'"),
        ({"min_population": "many"}, "min_population", None),
    ],
)
def test_invalid_parameters_get_422_with_the_field_and_its_message(client, query, field, message):
    response = client.get("/api/v1/territories", query)

    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Some fields are not valid."
    assert list(body["errors"]) == [field]
    if message is not None:
        assert body["errors"][field] == [message]


def test_an_unknown_level_lists_the_allowed_ones(client):
    response = client.get("/api/v1/territories", {"level": "town"})

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "level": ["Input should be 'country', 'region', 'province', 'municipality' or 'place'"]
    }


def test_one_territory_has_its_ancestors_and_languages(client):
    response = client.get("/api/v1/territories/BE-NIS:62063", {"lang": "de"})

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Lüttich"
    assert body["ancestors"] == ["ISO:BE", "BE-NIS:03000", "BE-NIS:60000"]
    assert body["languages"] == ["fr"]
    assert body["has_boundary"] is True
    assert set(body) == TERRITORY_KEYS | {
        "degurba",
        "nuts3",
        "languages",
        "ancestors",
        "source",
        "valid_from",
        "valid_to",
        "has_boundary",
    }


def test_an_unknown_code_is_a_json_404(client):
    response = client.get("/api/v1/territories/XX:1")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "No territory has the code XX:1."}


def test_the_openapi_schema_lists_every_path(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Trefpunt API"
    assert set(schema["paths"]) >= {
        "/api/v1/territories",
        "/api/v1/territories/{code}",
        "/api/v1/territories/{code}/comparable",
        "/api/v1/organisations",
        "/api/v1/organisations/{slug}",
        "/api/v1/organisations/{slug}/posts",
        "/api/v1/people",
        "/api/v1/people/{slug}",
    }
    assert set(schema["paths"]["/api/v1/organisations/{slug}"]) == {"get", "patch"}

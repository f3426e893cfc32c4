import pytest

from trefpunt.lib.text import fold

pytestmark = pytest.mark.usefixtures("demo_directory")


def test_the_breadcrumb_names_the_province_in_english(client):
    response = client.get("/en/places/BE-NIS:34027/")

    assert response.status_code == 200
    assert "Province of West Flanders" in response.content.decode()
    assert "Provincie West-Vlaanderen" not in response.content.decode()


def test_the_french_list_is_sorted_by_french_names(client):
    body = client.get(
        "/api/v1/territories",
        {"country": "BE", "level": "municipality", "lang": "fr", "limit": 100},
    ).json()

    names = [item["name"] for item in body["items"]]
    assert names == sorted(names, key=fold)
    assert "Anvers" in names and "Antwerpen" not in names


def test_the_api_names_the_region_in_the_requested_language(client):
    body = client.get("/api/v1/territories/BE-NIS:02000", {"lang": "fr"}).json()

    assert body["name"] == "Région flamande"

"""The web pages of places: home, search, the territory list and page, and the exports."""

import csv
import io
import json
import re

import pytest

LANGUAGES = ["nl", "fr", "de", "en"]
LIEGE = {"nl": "Luik", "fr": "Liège", "de": "Lüttich", "en": "Liège"}


@pytest.fixture(autouse=True)
def _data(demo_directory):
    pass


def _html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)">', response.content.decode()).group(1)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "path",
    [
        "",
        "search/?q=Luik",
        "places/",
        "places/?country=BE&level=municipality&page=2",
        "places/BE-NIS:62063/",
        "organisations/",
        "organisations/menen/",
        "people/elise-martens/",
        "accounts/login/",
    ],
)
def test_every_main_page_answers_in_each_language(client, language, path):
    response = client.get(f"/{language}/{path}")

    assert response.status_code == 200
    assert _html_lang(response) == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_searching_luik_finds_liege_first_named_in_the_page_language(client, language):
    response = client.get(f"/{language}/search/", {"q": "Luik"})

    results = [(t.code, t.name_in(language)) for t in response.context["territories"]]
    assert results[0] == ("BE-NIS:62063", LIEGE[language])
    link = f'<a href="/{language}/places/BE-NIS:62063/">{LIEGE[language]}</a>'
    assert link in response.content.decode()


def test_a_search_finds_organisations_by_any_of_their_names(client):
    response = client.get("/en/search/", {"q": "Menin"})

    assert [o.slug for o in response.context["organisations"]] == ["menen"]
    assert '<a href="/en/organisations/menen/">Stad Menen</a>' in response.content.decode()


def test_the_list_filters_belgian_municipalities(client, django_assert_max_num_queries):
    # Measured: 3 queries (count, page, names of the page's territories).
    with django_assert_max_num_queries(4):
        response = client.get("/en/places/", {"country": "BE", "level": "municipality"})

    page = response.context["page"]
    assert page.paginator.count == 565
    assert len(page.object_list) == 25
    assert {(t.country, t.level) for t in page.object_list} == {("BE", "municipality")}
    assert '<p class="summary">565 territories' in response.content.decode()


def test_the_list_has_a_second_page(client):
    query = {"country": "BE", "level": "municipality"}
    first = client.get("/en/places/", query).context["page"]
    second = client.get("/en/places/", {**query, "page": 2})

    page = second.context["page"]
    assert (page.number, page.paginator.num_pages) == (2, 23)
    assert not {t.pk for t in page.object_list} & {t.pk for t in first.object_list}
    html = second.content.decode()
    assert "Page 2 of 23" in html
    assert 'href="?country=BE&amp;level=municipality&amp;page=3"' in html


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"min_population": "abc"}, "min_population", "Enter a whole number."),
        (
            {"min_population": "-5"},
            "min_population",
            "Ensure this value is greater than or equal to 0.",
        ),
        (
            {"min_population": "5000", "max_population": "100"},
            "max_population",
            "The upper bound is below the lower bound.",
        ),
        (
            {"country": "XX"},
            "country",
            "Select a valid choice. XX is not one of the available choices.",
        ),
    ],
)
def test_an_invalid_filter_shows_a_field_error_not_a_crash(client, query, field, message):
    response = client.get("/en/places/", query)

    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    assert response.context["page"].paginator.count == 0
    html = response.content.decode()
    assert f'<p class="error" id="id_{field}_error">' in html
    assert '<p class="empty">No territory matches these filters.</p>' in html


def test_a_field_error_is_announced_with_its_field(client):
    html = client.get("/en/places/", {"min_population": "abc"}).content.decode()

    described_by = re.search(r'name="min_population"[^>]*aria-describedby="([^"]+)"', html)
    assert described_by
    assert f'id="{described_by.group(1)}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_territory_page_shows_liege_in_four_languages(
    client, language, django_assert_max_num_queries
):
    client.get(f"/{language}/places/BE-NIS:62063/")  # warm the matching index
    # Measured: 11 queries once the matching index is warm (12 on the first request).
    # + practices, meetings, obstacles, relations and the ancestors' names
    with django_assert_max_num_queries(15):
        response = client.get(f"/{language}/places/BE-NIS:62063/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{LIEGE[language]}</h1>" in html
    assert response.context["names"] == [
        ("nl", "Luik"),
        ("fr", "Liège"),
        ("de", "Lüttich"),
        ("en", "Liège"),
    ]
    assert '<dd lang="nl">Luik</dd>' in html
    assert '<dd lang="de">Lüttich</dd>' in html
    assert [a.code for a in response.context["ancestors"]] == [
        "ISO:BE",
        "BE-NIS:03000",
        "BE-NIS:60000",
    ]


def test_the_territory_page_lists_comparable_places_across_the_border(client):
    response = client.get("/en/places/BE-NIS:62063/")

    comparable = response.context["comparable"]
    assert len(comparable) == 8
    assert {match.territory.country for match in comparable} <= {"FR", "NL", "DE", "LU"}
    assert [m.score for m in comparable] == sorted((m.score for m in comparable), reverse=True)
    first = comparable[0].territory
    assert f'<a href="/en/places/{first.code}/">{first.name_in("en")}</a>' in (
        response.content.decode()
    )


def test_the_territory_page_lists_organisations_and_people_in_office(
    client, django_assert_max_num_queries
):
    client.get("/en/places/BE-NIS:34027/")  # warm the matching index
    # Measured: 14 queries (one more per ancestor whose name needs translating).
    with django_assert_max_num_queries(20):
        response = client.get("/en/places/BE-NIS:34027/")

    assert [o.slug for o in response.context["organisations"]] == ["menen"]
    assert {(p.person.slug, p.role) for p in response.context["posts"]} == {
        ("anneleen-vercruysse", "mayor"),
        ("pieter-declercq", "alderman"),
    }
    assert '<a href="/en/organisations/menen/">Stad Menen</a>' in response.content.decode()


def test_an_unknown_territory_is_a_404(client):
    response = client.get("/en/places/XX:1/")

    assert response.status_code == 404


def test_the_csv_export_has_a_header_and_565_rows(client):
    response = client.get("/en/places/export.csv", {"country": "BE", "level": "municipality"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="territories.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 566
    assert rows[0] == [
        "code",
        "name",
        "country",
        "level",
        "parent",
        "population",
        "population_year",
        "area_km2",
        "latitude",
        "longitude",
        "source",
    ]
    liege = next(row for row in rows if row[0] == "BE-NIS:62063")
    assert liege[1:6] == ["Liège", "BE", "municipality", "BE-NIS:60000", "197217"]


def test_the_csv_export_names_places_in_the_page_language(client):
    response = client.get("/nl/places/export.csv", {"q": "Liège"})

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][:2] == ["BE-NIS:62063", "Luik"]


def test_the_geojson_export_is_a_feature_collection(client):
    response = client.get("/en/places/export.geojson", {"country": "BE", "level": "municipality"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 565
    liege = next(f for f in data["features"] if f["id"] == "BE-NIS:62063")
    assert liege["geometry"] == {"type": "Point", "coordinates": [5.59472, 50.63027]}
    assert liege["properties"]["names"] == LIEGE


def test_an_unknown_export_format_is_a_404(client):
    assert client.get("/en/places/export.xml").status_code == 404


def test_an_export_with_invalid_filters_is_a_400_with_the_errors(client):
    response = client.get("/en/places/export.csv", {"min_population": "abc"})

    assert response.status_code == 400
    assert response.json() == {"min_population": ["Enter a whole number."]}

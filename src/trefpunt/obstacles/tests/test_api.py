import pytest

from trefpunt.obstacles import operations
from trefpunt.obstacles.models import Obstacle, Provision, Signal

from .conftest import move

pytestmark = pytest.mark.django_db

NEW = {
    "reporter": "menen",
    "language": "nl",
    "title": "Ambulances mogen de grens niet over",
    "description": "Een Belgische ambulance mag een patiënt niet naar het dichtstbijzijnde "
    "Franse ziekenhuis brengen.",
    "border": "BE-FR",
    "domain": "health",
    "interaction": "public_services",
    "territories": ["BE-NIS:34027"],
    "authorities": [{"country": "BE", "organisation": "menen"}],
}


def test_an_editor_reports_an_obstacle_and_gets_201_submitted(
    editor_of_menen, api_client_with_token
):
    response = api_client_with_token(editor_of_menen).post(
        "/api/v1/obstacles", NEW, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "submitted"
    assert body["reporter"] == "menen"
    assert body["territories"] == ["BE-NIS:34027"]
    assert body["possible_duplicates"] == []
    assert Obstacle.objects.get(pk=body["id"]).events.get().actor == editor_of_menen


def test_an_outsider_may_not_report_and_nothing_is_created(
    outsider, demo_directory, api_client_with_token
):
    response = api_client_with_token(outsider).post(
        "/api/v1/obstacles", NEW, content_type="application/json"
    )
    assert response.status_code == 403
    assert Obstacle.objects.count() == 0


def test_bad_fields_are_422_with_field_errors(editor_of_menen, api_client_with_token):
    payload = {**NEW, "border": "BE-XX", "territories": ["NOPE"], "title": " "}
    response = api_client_with_token(editor_of_menen).post(
        "/api/v1/obstacles", payload, content_type="application/json"
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["territories"]
    payload = {**NEW, "border": "BE-XX", "title": " "}
    response = api_client_with_token(editor_of_menen).post(
        "/api/v1/obstacles", payload, content_type="application/json"
    )
    assert sorted(response.json()["errors"]) == ["border", "title"]
    assert Obstacle.objects.count() == 0


def test_an_unpublished_obstacle_is_404_for_the_public(
    report, client, outsider, api_client_with_token
):
    obstacle = report()
    assert client.get(f"/api/v1/obstacles/{obstacle.pk}").status_code == 404
    assert client.get(f"/api/v1/obstacles/{obstacle.pk}/events").status_code == 404
    assert (
        api_client_with_token(outsider).get(f"/api/v1/obstacles/{obstacle.pk}").status_code == 404
    )
    assert client.get(f"/en/obstacles/{obstacle.pk}/").status_code == 404
    assert client.get("/api/v1/obstacles").json()["count"] == 0


def test_the_reporting_organisation_and_curators_read_an_unpublished_obstacle(
    report, editor_of_menen, curator, api_client_with_token
):
    obstacle = report()
    for user in (editor_of_menen, curator):
        response = api_client_with_token(user).get(f"/api/v1/obstacles/{obstacle.pk}")
        assert response.status_code == 200
        assert response.json()["allowed"] == [
            "under_assessment",
            "closed_incomplete",
            "not_an_obstacle",
        ]


def test_a_recognised_obstacle_is_public_and_filtered(report, client):
    published = move(report(), "under_assessment", "recognised")
    report(title="Ander obstakel", border="NL-DE")
    assert client.get(f"/api/v1/obstacles/{published.pk}").status_code == 200
    body = client.get("/api/v1/obstacles", {"border": "BE-FR", "country": "FR"}).json()
    assert [item["id"] for item in body["items"]] == [published.pk]
    assert client.get("/api/v1/obstacles", {"border": "NL-DE"}).json()["count"] == 0
    assert client.get("/api/v1/obstacles", {"status": "nonsense"}).status_code == 422


def test_citing_an_unknown_act_or_article_is_a_field_error(
    report, legal_act, curator, api_client_with_token
):
    obstacle = report()
    client = api_client_with_token(curator)
    url = f"/api/v1/obstacles/{obstacle.pk}/provisions"
    response = client.post(
        url, {"country": "BE", "act": "BWBV9999999"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["act"]
    response = client.post(
        url,
        {"country": "BE", "act": "BWBV0002224", "article": "99"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["article"]
    response = client.post(
        url, {"country": "NL", "citation": "Art. 5"}, content_type="application/json"
    )
    assert list(response.json()["errors"]) == ["country"]
    assert Provision.objects.count() == 0
    response = client.post(
        url,
        {"country": "BE", "act": "BWBV0002224", "article": "3"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["url"] == "/en/legal/BWBV0002224/#art-3"
    response = client.post(
        url,
        {"country": "FR", "citation": "Code général des impôts, art. 4 B"},
        content_type="application/json",
    )
    assert response.status_code == 201


def test_signals_are_counted_for_an_organisation_one_acts_for(
    report, editor_of_menen, outsider, api_client_with_token
):
    obstacle = move(report(), "under_assessment", "recognised")
    url = f"/api/v1/obstacles/{obstacle.pk}/signals"
    response = api_client_with_token(editor_of_menen).post(
        url, {"date": "2026-02-01", "count": 12, "source": "menen"}, content_type="application/json"
    )
    assert response.status_code == 201
    response = api_client_with_token(editor_of_menen).post(
        url, {"date": "2026-02-01", "count": 1, "source": "lille"}, content_type="application/json"
    )
    assert list(response.json()["errors"]) == ["source"]
    response = api_client_with_token(outsider).post(
        url, {"date": "2026-02-01", "count": 3}, content_type="application/json"
    )
    assert response.status_code == 403
    assert list(Signal.objects.values_list("count", flat=True)) == [12]
    assert (
        api_client_with_token(outsider).get("/api/v1/obstacles").json()["items"][0]["cases"] == 12
    )


def test_the_legal_act_page_lists_the_published_obstacles_citing_it(
    report, legal_act, curator, client
):

    hidden = report(title="Nog niet gepubliceerd")
    operations.add_provision(hidden, user=curator, country="BE", act=legal_act)
    shown = move(report(), "under_assessment", "recognised")
    operations.add_provision(shown, user=curator, country="BE", act=legal_act)
    page = client.get("/en/legal/BWBV0002224/").content.decode()
    assert shown.title in page
    assert "Nog niet gepubliceerd" not in page
    assert f'href="/en/obstacles/{shown.pk}/"' in page

from trefpunt.organisations.models import Organisation
from trefpunt.practices import operations
from trefpunt.practices.models import Collection, Theme


def _practice(title, language, theme, status="published"):
    return operations.create_practice(
        user=None,
        owner=Organisation.objects.get(slug="menen"),
        language=language,
        title=title,
        status=status,
        themes=[Theme.objects.get(slug=theme)],
    )


def test_practices_are_listed_by_theme_and_language(client, demo_directory):
    dutch = _practice("Energiecoach", "nl", "climate-adaptation")
    _practice("Coach énergie", "fr", "climate-adaptation")
    _practice("Grenzpendler", "nl", "energy-efficiency-housing")
    _practice("Ontwerp", "nl", "climate-adaptation", status="draft")

    response = client.get("/api/v1/practices", {"theme": "climate-adaptation", "language": "nl"})

    assert response.status_code == 200
    assert response.json()["count"] == 1
    (item,) = response.json()["items"]
    assert (item["id"], item["title"], item["themes"]) == (
        dutch.pk,
        "Energiecoach",
        ["climate-adaptation"],
    )
    detail = client.get(f"/api/v1/practices/{dutch.pk}").json()
    assert (detail["version"], detail["status"]) == (1, "published")
    assert client.get("/api/v1/practices/999999").status_code == 404


def test_an_editor_creates_a_collection_of_practices_in_order(
    api_client_with_token, editor_of_menen
):
    first = _practice("Eerste", "nl", "climate-adaptation")
    second = _practice("Tweede", "nl", "climate-adaptation")
    api = api_client_with_token(editor_of_menen)

    created = api.post(
        "/api/v1/collections",
        {
            "slug": "grensgids",
            "language": "nl",
            "title": "Grensgids",
            "owner": "menen",
            "practices": [second.pk, first.pk],
        },
        content_type="application/json",
    )

    assert created.status_code == 201
    assert created.json()["practices"] == [second.pk, first.pk]
    assert Collection.objects.get(slug="grensgids").owner.slug == "menen"
    again = api.post(
        "/api/v1/collections",
        {"slug": "grensgids", "language": "nl", "title": "Opnieuw", "owner": "menen"},
        content_type="application/json",
    )
    assert again.status_code == 422


def test_a_collection_needs_a_token_and_the_owners_rights(
    client, api_client_with_token, editor_of_menen
):
    payload = {"slug": "gids", "language": "nl", "title": "Gids", "owner": "tournai"}

    assert (
        client.post("/api/v1/collections", payload, content_type="application/json").status_code
        == 401
    )
    forbidden = api_client_with_token(editor_of_menen).post(
        "/api/v1/collections", payload, content_type="application/json"
    )
    assert forbidden.status_code == 403
    assert not Collection.objects.filter(slug="gids").exists()

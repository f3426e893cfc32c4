"""The news API: lists and articles in the reader's language, token-authenticated writes."""

import pytest

from trefpunt.news import counting
from trefpunt.news.models import Article


def test_the_list_gives_each_article_in_the_asked_language_with_its_views(client, news):
    crisis = news["crisis_centres"]
    counting.BUFFER.add((crisis.pk, "fr", counting.timezone.localdate()), 2)
    counting.BUFFER.add((crisis.pk, "nl", counting.timezone.localdate()), 1)

    data = client.get("/api/v1/news", {"lang": "fr", "limit": 2}).json()

    assert data["count"] == 3
    assert [(i["id"], i["title"], i["language"]) for i in data["items"]] == [
        (news["bus"].pk, "Grensbus naar Halluin", "nl"),
        (crisis.pk, "Les centres de crise se concertent", "fr"),
    ]
    item = data["items"][1]
    assert item == {
        "id": crisis.pk,
        "title": "Les centres de crise se concertent",
        "language": "fr",
        "original_language": "nl",
        "languages": ["nl", "de", "fr"],
        "outdated": False,
        "published_at": "2024-06-24T16:00:00Z",
        "author": "benelux-secretariat-general",
        "author_name": "Secrétariat général de l'Union Benelux",
        "views": 3,
        "views_by_language": {"fr": 2, "nl": 1},
        "summary": "Les directeurs se sont réunis.",
        "url": f"http://testserver/fr/news/{crisis.pk}/?lang=fr",
    }


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({"year": 2021}, ["Le Conseil Benelux prépare le Comité de Ministres"]),
        ({"theme": "crisis-management"}, ["Crisiscentra overleggen"]),
        ({"organisation": "menen"}, ["Grensbus naar Halluin"]),
        ({"offset": 2}, ["Le Conseil Benelux prépare le Comité de Ministres"]),
    ],
)
def test_the_list_filters(client, news, query, titles):
    data = client.get("/api/v1/news", {"lang": "nl", **query}).json()

    assert [item["title"] for item in data["items"]] == titles


def test_one_article_with_its_relations(client, news):
    crisis = news["crisis_centres"]

    data = client.get(f"/api/v1/news/{crisis.pk}", {"lang": "de"}).json()

    assert (data["title"], data["language"], data["body"]) == (
        "Krisenzentren beraten sich",
        "de",
        "",
    )
    assert (data["themes"], data["territories"], data["organisations"]) == (
        ["crisis-management"],
        ["BE-NIS:21004"],
        ["nccn-be"],
    )
    assert (data["status"], data["version"], data["image"], data["meetings"]) == (
        "published",
        1,
        None,
        [],
    )


def test_unpublished_and_unknown_articles_are_404(client, news):
    for pk in (news["draft"].pk, news["scheduled"].pk, 987654):
        response = client.get(f"/api/v1/news/{pk}")
        assert response.status_code == 404
        assert response.json() == {"detail": f"No article has the number {pk}."}


def test_writing_needs_a_token(client, news):
    response = client.post("/api/v1/news", {}, content_type="application/json")

    assert response.status_code == 401
    assert set(response.json()) == {"detail"}


def test_an_editor_creates_and_patches_an_article(api_client_with_token, editor_of_menen, news):
    api = api_client_with_token(editor_of_menen)

    created = api.post(
        "/api/v1/news",
        {
            "author": "menen",
            "language": "nl",
            "title": "Via de API",
            "summary": "Kort.",
            "status": "published",
            "themes": ["mobility-transport"],
            "territories": ["BE-NIS:34027"],
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    assert (created.json()["themes"], created.json()["territories"]) == (
        ["mobility-transport"],
        ["BE-NIS:34027"],
    )

    patched = api.patch(
        f"/api/v1/news/{pk}",
        {"version": 1, "title": "Via de API, gewijzigd"},
        content_type="application/json",
    )
    stale = api.patch(
        f"/api/v1/news/{pk}", {"version": 1, "title": "Oud"}, content_type="application/json"
    )

    assert (patched.status_code, patched.json()["title"], patched.json()["version"]) == (
        200,
        "Via de API, gewijzigd",
        2,
    )
    assert stale.status_code == 422
    assert stale.json()["errors"] == {
        "__all__": ["Someone else changed this article meanwhile; reload it and try again."]
    }
    assert Article.objects.get(pk=pk).title == "Via de API, gewijzigd"


def test_an_editor_may_not_write_for_another_organisation(
    api_client_with_token, editor_of_menen, news
):
    api = api_client_with_token(editor_of_menen)
    crisis = news["crisis_centres"]
    count = Article.objects.count()

    created = api.post(
        "/api/v1/news",
        {"author": "benelux-secretariat-general", "language": "nl", "title": "Namens"},
        content_type="application/json",
    )
    patched = api.patch(
        f"/api/v1/news/{crisis.pk}", {"version": 1, "title": "X"}, content_type="application/json"
    )

    assert (created.status_code, patched.status_code) == (403, 403)
    assert Article.objects.count() == count
    assert Article.objects.get(pk=crisis.pk).title == "Crisiscentra overleggen"


def test_invalid_payloads_are_422_with_field_errors(api_client_with_token, curator, news):
    api = api_client_with_token(curator)

    unknown = api.post(
        "/api/v1/news",
        {"author": "nobody", "language": "nl", "title": "T", "themes": ["x"]},
        content_type="application/json",
    )
    bad_language = api.post(
        "/api/v1/news",
        {"author": "menen", "language": "xx", "title": "T"},
        content_type="application/json",
    )

    assert unknown.status_code == 422
    assert unknown.json()["errors"] == {"author": ["Unknown identifier(s): nobody."]}
    assert bad_language.status_code == 422
    assert list(bad_language.json()["errors"]) == ["language"]


def test_a_translation_is_saved_through_the_api(api_client_with_token, curator, news):
    api = api_client_with_token(curator)
    bus = news["bus"]

    response = api.put(
        f"/api/v1/news/{bus.pk}/translations/fr",
        {"title": "Bus frontalier vers Halluin", "summary": "Une nouvelle ligne."},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert (response.json()["title"], response.json()["language"]) == (
        "Bus frontalier vers Halluin",
        "fr",
    )

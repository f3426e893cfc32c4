"""An editor acts for their organisation's sub-units at any depth, for reading as for writing:
a draft article they create for a sub-unit is theirs to read and edit, and nobody else's."""

import pytest

from trefpunt.news import operations
from trefpunt.news.models import Article


@pytest.mark.parametrize("depth", [1, 3])
def test_an_editor_of_the_parent_writes_a_draft_for_a_sub_unit_reads_and_edits_it(
    client, editor_of_menen, sub_units, depth
):
    unit = sub_units[depth]
    client.force_login(editor_of_menen)
    form = client.get("/en/news/new/").context["form"]
    assert {o.slug for o in form.fields["author"].queryset} == {
        "menen",
        "menen-housing",
        "menen-housing-renovation",
        "menen-coaches",
    }

    created = client.post(
        "/en/news/new/",
        {"author": unit.pk, "language": "nl", "title": "Renovatiecoach", "status": "draft"},
    )

    article = Article.objects.get(title="Renovatiecoach")
    assert (article.status, article.author) == ("draft", unit)
    assert (created.status_code, created["Location"]) == (302, f"/en/news/{article.pk}/")
    assert client.get(f"/en/news/{article.pk}/").status_code == 200
    assert client.get(f"/en/news/{article.pk}/edit/").status_code == 200
    form = client.get(f"/en/news/{article.pk}/edit/").context["form"]
    edited = client.post(
        f"/en/news/{article.pk}/edit/",
        {
            "version": 1,
            "author": unit.pk,
            "language": "nl",
            "title": "Renovatiecoach voor de cités",
        },
    )
    assert form.initial["author"] == unit
    assert edited.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Renovatiecoach voor de cités"


def test_an_editor_of_the_parent_writes_a_draft_for_a_sub_unit_through_the_api(
    api_client_with_token, editor_of_menen, sub_units
):
    api = api_client_with_token(editor_of_menen)

    created = api.post(
        "/api/v1/news",
        {"author": "menen-housing", "language": "nl", "title": "Via de API", "status": "draft"},
        content_type="application/json",
    )

    assert created.status_code == 201
    pk = created.json()["id"]
    assert (created.json()["author"], created.json()["status"]) == ("menen-housing", "draft")
    patched = api.patch(
        f"/api/v1/news/{pk}", {"version": 1, "title": "Gewijzigd"}, content_type="application/json"
    )
    assert (patched.status_code, patched.json()["title"], patched.json()["version"]) == (
        200,
        "Gewijzigd",
        2,
    )


def test_an_editor_of_an_unrelated_organisation_does_not_find_the_draft(
    client, api_client_with_token, sub_units, editor_of_kortrijk
):
    draft = operations.create_article(
        user=None, author=sub_units[1], language="nl", title="Ontwerp"
    )
    client.force_login(editor_of_kortrijk)
    api = api_client_with_token(editor_of_kortrijk)

    patched = api.patch(
        f"/api/v1/news/{draft.pk}", {"version": 1, "title": "X"}, content_type="application/json"
    )

    assert client.get(f"/en/news/{draft.pk}/").status_code == 404
    assert client.get(f"/en/news/{draft.pk}/edit/").status_code == 404
    assert (patched.status_code, patched.json()) == (
        404,
        {"detail": f"No article has the number {draft.pk}."},
    )
    assert Article.objects.get(pk=draft.pk).title == "Ontwerp"

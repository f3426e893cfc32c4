"""Collections from draft to publication: review, items, translations, in the UI and the API."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from trefpunt.organisations.models import Organisation
from trefpunt.practices import operations
from trefpunt.practices.models import Collection, Theme

JSON = "application/json"


def _practice(title, status="published"):
    return operations.create_practice(
        user=None,
        owner=Organisation.objects.get(slug="menen"),
        language="nl",
        title=title,
        status=status,
        themes=[Theme.objects.get(slug="climate-adaptation")],
    )


@pytest.fixture
def toolkit(demo_directory):
    practices = [_practice(title) for title in ("Een", "Twee", "Drie")]
    collection = operations.create_collection(
        user=None,
        slug="gids",
        language="nl",
        title="Gids",
        owner=Organisation.objects.get(slug="menen"),
    )
    operations.set_collection_items(collection, user=None, practices=practices[:2])
    return collection, practices


def test_a_new_collection_is_a_draft_only_its_editors_see(client, toolkit, editor_of_menen):
    collection, _practices = toolkit

    assert (collection.review, collection.status) == ("draft", "draft")
    assert client.get("/en/practices/collections/gids/").status_code == 404
    assert client.get("/api/v1/collections/gids").status_code == 404
    assert client.get("/en/practices/collections/gids/fr.pdf").status_code == 404
    client.force_login(editor_of_menen)
    assert client.get("/en/practices/collections/gids/").status_code == 200


def test_review_goes_draft_expert_review_final_then_publish(toolkit, editor_of_menen, curator):
    collection, _practices = toolkit

    with pytest.raises(ValidationError) as refused:
        operations.publish_collection(collection, user=editor_of_menen)
    assert refused.value.message_dict == {
        "review": ["Only a collection whose review is final can be published."]
    }
    with pytest.raises(ValidationError):
        operations.move_review(collection, user=editor_of_menen, review="final")
    collection = operations.move_review(collection, user=editor_of_menen, review="expert_review")
    with pytest.raises(PermissionDenied):
        operations.move_review(collection, user=editor_of_menen, review="final")
    collection = operations.move_review(collection, user=curator, review="final")
    collection = operations.publish_collection(collection, user=editor_of_menen)

    collection.refresh_from_db()
    assert (collection.review, collection.status, collection.version) == ("final", "published", 5)
    collection = operations.archive_collection(collection, user=editor_of_menen)
    assert Collection.objects.visible_to(editor_of_menen).filter(pk=collection.pk).count() == 0
    assert Collection.objects.visible_to(curator).filter(pk=collection.pk).count() == 1


def test_items_are_added_removed_and_reordered(toolkit, editor_of_menen, editor_of_kortrijk):
    collection, (one, two, three) = toolkit

    operations.add_collection_item(collection, user=editor_of_menen, practice=three, position=1)
    assert list(collection.items.values_list("practice_id", flat=True)) == [
        three.pk,
        one.pk,
        two.pk,
    ]
    operations.remove_collection_item(collection, user=editor_of_menen, practice=one)
    operations.order_collection_items(collection, user=editor_of_menen, practices=[two, three])
    assert list(collection.items.values_list("practice_id", flat=True)) == [two.pk, three.pk]

    with pytest.raises(ValidationError) as twice:
        operations.add_collection_item(collection, user=editor_of_menen, practice=two)
    assert twice.value.message_dict == {"practice": ["This practice is already in the collection."]}
    with pytest.raises(ValidationError):
        operations.order_collection_items(collection, user=editor_of_menen, practices=[two])
    with pytest.raises(PermissionDenied):
        operations.remove_collection_item(collection, user=editor_of_kortrijk, practice=two)
    assert list(collection.items.values_list("practice_id", flat=True)) == [two.pk, three.pk]


def test_the_ui_steps_and_translation(client, toolkit, editor_of_menen):
    collection, _practices = toolkit
    client.force_login(editor_of_menen)

    page = client.get("/en/practices/collections/gids/").content.decode()
    assert 'value="expert_review">Send to expert review</button>' in page
    assert 'value="final"' not in page
    sent = client.post("/en/practices/collections/gids/step/", {"step": "expert_review"})
    assert sent.status_code == 302
    refused = client.post("/en/practices/collections/gids/step/", {"step": "publish"}, follow=True)
    assert "Only a collection whose review is final can be published." in refused.content.decode()
    collection.refresh_from_db()
    assert (collection.review, collection.status) == ("expert_review", "draft")

    bad = client.post("/en/practices/collections/gids/translate/fr/", {"origin": "human"})
    assert bad.status_code == 200
    assert collection.translations.count() == 0
    saved = client.post(
        "/en/practices/collections/gids/translate/fr/",
        {"title": "Guide", "introduction": "<p>Bonjour</p>", "origin": "human"},
    )
    assert saved.status_code == 302
    assert collection.translations.get().source == {"title": "Gids", "introduction": ""}


def test_a_changed_original_marks_the_translation_outdated(client, toolkit, editor_of_menen):
    collection, _practices = toolkit
    operations.save_collection_translation(
        collection, user=None, language="fr", title="Guide", introduction="Bonjour"
    )
    translation = collection.translations.get()
    assert not translation.is_outdated(collection)

    collection = operations.update_collection(
        collection, user=None, introduction="Hallo <script>x</script>iedereen"
    )
    translation.refresh_from_db()

    assert translation.is_outdated(collection)
    (change,) = translation.original_changes(collection)
    assert (change["name"], str(change["diff"])) == ("introduction", "<ins>Hallo iedereen</ins>")
    client.force_login(editor_of_menen)
    screen = client.get("/en/practices/collections/gids/translate/fr/").content.decode()
    assert "The original changed since this translation" in screen
    assert "<ins>Hallo iedereen</ins>" in screen


def test_the_api_takes_a_collection_through_its_life(
    api_client_with_token, toolkit, editor_of_menen, curator
):
    collection, (one, two, three) = toolkit
    api = api_client_with_token(editor_of_menen)

    added = api.post("/api/v1/collections/gids/items", {"practice": three.pk}, content_type=JSON)
    assert (added.status_code, added.json()["practices"]) == (201, [one.pk, two.pk, three.pk])
    ordered = api.put(
        "/api/v1/collections/gids/items",
        {"practices": [three.pk, one.pk, two.pk]},
        content_type=JSON,
    )
    assert ordered.json()["practices"] == [three.pk, one.pk, two.pk]
    removed = api.delete(f"/api/v1/collections/gids/items/{one.pk}")
    assert removed.json()["practices"] == [three.pk, two.pk]
    assert api.delete(f"/api/v1/collections/gids/items/{one.pk}").status_code == 404

    version = removed.json()["version"]
    stale = api.patch("/api/v1/collections/gids", {"version": 1, "title": "X"}, content_type=JSON)
    assert stale.status_code == 409
    patched = api.patch(
        "/api/v1/collections/gids", {"version": version, "title": "Grensgids"}, content_type=JSON
    )
    assert (patched.status_code, patched.json()["title"]) == (200, "Grensgids")
    empty = api.patch(
        "/api/v1/collections/gids", {"version": version + 1, "title": None}, content_type=JSON
    )
    assert empty.status_code == 422

    translated = api.put(
        "/api/v1/collections/gids/translations/fr", {"title": "Guide"}, content_type=JSON
    )
    assert (translated.json()["title"], translated.json()["outdated"]) == ("Guide", False)
    assert api.put(
        "/api/v1/collections/gids/translations/nl", {"title": "Gids"}, content_type=JSON
    ).json()["errors"] == {"language": ["Translate into another language than the original."]}

    step = api.post("/api/v1/collections/gids/steps", {"step": "expert_review"}, content_type=JSON)
    assert step.json()["review"] == "expert_review"
    assert (
        api.post("/api/v1/collections/gids/steps", {"step": "final"}, content_type=JSON).status_code
        == 403
    )
    assert (
        api.post("/api/v1/collections/gids/steps", {"step": "fly"}, content_type=JSON).status_code
        == 422
    )
    expert = api_client_with_token(curator)
    expert.post("/api/v1/collections/gids/steps", {"step": "final"}, content_type=JSON)
    published = api.post("/api/v1/collections/gids/steps", {"step": "publish"}, content_type=JSON)
    assert (published.json()["review"], published.json()["status"]) == ("final", "published")


def test_the_api_writes_practices_with_versions(api_client_with_token, editor_of_menen):
    api = api_client_with_token(editor_of_menen)

    created = api.post(
        "/api/v1/practices",
        {
            "language": "fr",
            "title": "Guichet unique",
            "owner": "menen",
            "themes": ["climate-adaptation"],
            "territories": ["BE-NIS:34027"],
            "status": "draft",
        },
        content_type=JSON,
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["title"], body["status"], body["version"], body["territories"]) == (
        "Guichet unique",
        "draft",
        1,
        ["BE-NIS:34027"],
    )
    pk = body["id"]
    unknown = api.post(
        "/api/v1/practices",
        {"language": "fr", "title": "X", "owner": "menen", "themes": ["nope"]},
        content_type=JSON,
    )
    assert (unknown.status_code, unknown.json()["errors"]) == (
        422,
        {"themes": ["Unknown identifier(s): nope."]},
    )
    changed = api.patch(
        f"/api/v1/practices/{pk}", {"version": 1, "stage": "pilot"}, content_type=JSON
    )
    assert (changed.status_code, changed.json()["stage"], changed.json()["version"]) == (
        200,
        "pilot",
        2,
    )
    conflict = api.patch(f"/api/v1/practices/{pk}", {"version": 1, "title": "Y"}, content_type=JSON)
    assert conflict.status_code == 409
    assert (
        api.patch("/api/v1/practices/999999", {"version": 1}, content_type=JSON).status_code == 404
    )


def test_readers_are_told_a_practice_translation_may_be_outdated(client, demo_directory):
    practice = _practice("Warmtenet")
    operations.save_translation(practice, user=None, language="fr", title="Réseau de chaleur")
    page = f"/fr/practices/{practice.pk}/?lang=fr"
    assert "may be outdated" not in client.get("/en" + page[3:]).content.decode()

    operations.update_practice(practice, user=None, title="Warmtenet Menen")

    html = client.get(f"/en/practices/{practice.pk}/?lang=fr").content.decode()
    assert "This translation may be outdated" in html
    assert client.get(f"/api/v1/practices/{practice.pk}?lang=fr").json()["outdated"] is True

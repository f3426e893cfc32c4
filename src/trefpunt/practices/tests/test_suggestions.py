"""Organisations and practices typed by name with suggestions, in practice and collection forms."""

from trefpunt.organisations.models import Organisation
from trefpunt.practices import operations
from trefpunt.practices.models import Collection, Theme


def _practice(title, status="published"):
    return operations.create_practice(
        user=None,
        owner=Organisation.objects.get(slug="menen"),
        language="nl",
        title=title,
        status=status,
        themes=[Theme.objects.get(slug="climate-adaptation")],
    )


def test_suggestions_answer_names_and_respect_drafts(client, demo_directory, editor_of_kortrijk):
    public = _practice("Groene daken")
    _practice("Groene gevels", status="draft")

    found = client.get("/en/practices/suggest/", {"q": "groene"}).json()
    assert found == {"results": [{"value": f"Groene daken (#{public.pk})"}]}
    assert client.get("/en/practices/suggest/", {"q": "g"}).json() == {"results": []}
    organisations = client.get("/en/organisations/suggest/", {"q": "Menen"}).json()["results"]
    assert organisations == [{"value": "Stad Menen (menen)"}]


def test_a_collection_is_made_with_practices_typed_by_title(
    client, demo_directory, editor_of_menen
):
    one, two = _practice("Groene daken"), _practice("Warmtenet")
    client.force_login(editor_of_menen)
    form = {
        "slug": "gids",
        "kind": "toolkit",
        "language": "nl",
        "title": "Gids",
        "owner": "Stad Menen",
        "practices": f"warmtenet, Groene daken (#{one.pk})",
    }

    unknown = client.post("/en/practices/collections/new/", {**form, "practices": "Zonnepark"})
    assert unknown.status_code == 200
    assert "No practice you may choose is called “Zonnepark”." in unknown.content.decode()
    assert not Collection.objects.filter(slug="gids").exists()
    stranger = client.post("/en/practices/collections/new/", {**form, "owner": "Kortrijk"})
    assert "No organisation you may choose is called “Kortrijk”." in stranger.content.decode()
    assert not Collection.objects.filter(slug="gids").exists()

    made = client.post("/en/practices/collections/new/", form)
    assert made.status_code == 302
    collection = Collection.objects.get(slug="gids")
    assert list(collection.items.values_list("practice_id", flat=True)) == [two.pk, one.pk]
    assert collection.owner.slug == "menen"

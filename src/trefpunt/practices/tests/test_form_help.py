"""The practice form helps editors: places by name, the editor's language, a confirmation."""

from trefpunt.organisations.models import Organisation
from trefpunt.practices.models import Collection, Practice


def test_a_french_editor_adds_a_practice_naming_its_places_and_is_told_it_is_saved(
    client, editor_of_menen
):
    menen = Organisation.objects.get(slug="menen")
    client.force_login(editor_of_menen)
    form = client.get("/fr/practices/new/").context["form"]
    assert form["language"].value() == "fr"

    response = client.post(
        "/fr/practices/new/",
        {
            "owner": menen.pk,
            "language": "fr",
            "title": "Coach énergie transfrontalier",
            "stage": "pilot",
            "status": "published",
            "territories": "Menin, Halluin",
        },
        follow=True,
    )

    practice = Practice.objects.get(title="Coach énergie transfrontalier")
    assert sorted(practice.territories.values_list("name", flat=True)) == ["Halluin", "Menen"]
    assert [str(m) for m in response.context["messages"]] == ["La pratique est enregistrée."]


def test_an_unknown_place_is_answered_with_suggestions_and_nothing_is_saved(
    client, editor_of_menen
):
    client.force_login(editor_of_menen)

    response = client.post(
        "/en/practices/new/",
        {
            "owner": Organisation.objects.get(slug="menen").pk,
            "language": "en",
            "title": "Energy coach",
            "stage": "pilot",
            "status": "published",
            "territories": "Menenn",
        },
    )

    (error,) = response.context["form"].errors["territories"]
    assert error.startswith("No place is called “Menenn”. Did you mean: Menen (BE-NIS:34027)")
    assert not Practice.objects.filter(title="Energy coach").exists()


def test_the_news_form_starts_in_the_editors_language(client, editor_of_menen):
    client.force_login(editor_of_menen)

    form = client.get("/de/news/new/").context["form"]

    assert form["language"].value() == "de"


def test_an_editor_makes_a_collection_of_three_practices_and_edits_its_order(
    client, editor_of_menen
):
    from trefpunt.practices import operations  # noqa: PLC0415 (test-local helper)

    menen = Organisation.objects.get(slug="menen")
    numbers = [
        operations.create_practice(user=None, owner=menen, language="fr", title=f"P{n}").pk
        for n in range(3)
    ]
    client.force_login(editor_of_menen)

    created = client.post(
        "/fr/practices/collections/new/",
        {
            "slug": "boite-a-outils",
            "kind": "toolkit",
            "language": "fr",
            "title": "Boîte à outils",
            "owner": menen.pk,
            "practices": ", ".join(map(str, numbers)),
        },
        follow=True,
    )

    assert [str(m) for m in created.context["messages"]] == ["La collection est enregistrée."]
    assert created.redirect_chain == [("/fr/practices/collections/boite-a-outils/", 302)]
    edited = client.post(
        "/fr/practices/collections/boite-a-outils/edit/",
        {
            "kind": "toolkit",
            "language": "fr",
            "title": "Boîte à outils",
            "owner": menen.pk,
            "practices": f"{numbers[2]}, {numbers[0]}",
        },
    )
    assert edited.status_code == 302
    collection = Collection.objects.get(slug="boite-a-outils")
    assert [i.practice_id for i in collection.items.all()] == [numbers[2], numbers[0]]
    pdf = client.get("/fr/practices/collections/boite-a-outils/fr.pdf")
    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")

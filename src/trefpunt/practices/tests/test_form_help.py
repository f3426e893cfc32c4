"""The practice form helps editors: places by name, the editor's language, a confirmation."""

from trefpunt.organisations.models import Organisation
from trefpunt.practices.models import Practice


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

"""People typed by name: the suggest endpoint offers only the people the directory shows."""

from django.utils import timezone

from trefpunt.organisations.fields import PeopleField, directory_people
from trefpunt.organisations.models import Person


def test_people_are_suggested_by_given_or_family_name(client, demo_directory):
    body = client.get("/en/people/suggest/", {"q": "vandam"}).json()
    both = client.get("/en/people/suggest/", {"q": "sofie vandamme"}).json()

    assert body == {"results": [{"value": "Sofie Vandamme (sofie-vandamme)"}]}
    assert both == body


def test_archived_people_and_people_without_a_post_are_not_suggested(client, demo_directory):
    Person.objects.filter(slug="sofie-vandamme").update(archived_at=timezone.now())
    Person.objects.create(slug="zelda-postless", given_name="Zelda", family_name="Postless")

    assert client.get("/en/people/suggest/", {"q": "vandamme"}).json() == {"results": []}
    assert client.get("/en/people/suggest/", {"q": "zelda"}).json() == {"results": []}


def test_a_single_letter_suggests_nothing(client, demo_directory):
    assert client.get("/en/people/suggest/", {"q": "v"}).json() == {"results": []}


def test_the_field_reads_labels_and_full_names(demo_directory):
    field = PeopleField(queryset=directory_people(), many=True, required=False)

    chosen = field.clean("Sofie Vandamme (sofie-vandamme); sofie vandamme")

    assert [p.slug for p in chosen] == ["sofie-vandamme"]


def test_an_unknown_name_is_a_field_error_with_the_closest_people(demo_directory):
    field = PeopleField(queryset=directory_people(), many=False, required=False)

    try:
        field.clean("Vandamme Sofia")
    except Exception as error:  # noqa: BLE001 - the message is what is checked
        messages = error.messages
    else:
        messages = []

    assert messages == [
        "No person you may choose is called “Vandamme Sofia”. "
        "Did you mean: Sofie Vandamme (sofie-vandamme)?"
    ]


def test_the_people_list_filters_by_an_organisation_typed_by_name_or_slug(client, demo_directory):
    by_label = client.get("/en/people/", {"organisation": "Ville de Halluin (halluin)"})
    by_slug = client.get("/en/people/", {"organisation": "halluin"})
    unknown = client.get("/en/people/", {"organisation": "Gotham City"})

    people = {post.person.family_name for post in by_label.context["page"].object_list}
    assert "Duhamel" in people and all(
        post.organisation.slug == "halluin" for post in by_label.context["page"].object_list
    )
    assert [p.pk for p in by_slug.context["page"].object_list] == [
        p.pk for p in by_label.context["page"].object_list
    ]
    assert list(unknown.context["page"].object_list) == []
    assert "No organisation you may choose is called “Gotham City”." in unknown.content.decode()
    assert 'data-suggest="/en/organisations/suggest/"' in unknown.content.decode()

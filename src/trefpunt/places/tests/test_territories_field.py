import pytest
from django.core.exceptions import ValidationError

from trefpunt.places.fields import TerritoriesField


def codes(territories):
    return [t.code for t in territories]


def test_places_are_chosen_by_name_in_any_language(packaged_gazetteer):
    field = TerritoriesField(required=False)

    assert codes(field.clean("Menin; halluin")) == codes(field.clean("Menen, Halluin"))
    assert codes(field.clean("Menen, BE-NIS:34027")) == ["BE-NIS:34027"]


def test_a_value_written_back_by_the_field_reads_the_same(packaged_gazetteer):
    field = TerritoriesField(required=False)
    chosen = field.clean("Menen, Halluin")

    assert codes(field.clean(field.prepare_value(chosen))) == codes(chosen)


def test_a_misspelt_place_is_refused_with_suggestions(packaged_gazetteer):
    field = TerritoriesField(required=False)

    with pytest.raises(ValidationError) as error:
        field.clean("Menen, Halluinn")

    (message,) = error.value.messages
    assert message.startswith("No place is called “Halluinn”. Did you mean: Halluin (")


def test_suggestions_answer_names_in_the_readers_language(client, packaged_gazetteer):
    response = client.get("/fr/places/suggest/", {"q": "Menen"})

    assert response.status_code == 200
    assert response.json()["results"][0] == {
        "value": "Menin (BE-NIS:34027)",
        "code": "BE-NIS:34027",
    }
    assert client.get("/fr/places/suggest/", {"q": "M"}).json() == {"results": []}

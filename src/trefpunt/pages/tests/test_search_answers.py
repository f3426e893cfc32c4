"""Knowing when nothing matches, and places and organisations first when the query names one."""

import pytest

from trefpunt.organisations import operations as organisation_operations
from trefpunt.organisations.models import Organisation
from trefpunt.places import operations as place_operations
from trefpunt.places.models import Territory
from trefpunt.search.query import search

LIEGE = "BE-NIS:62063"


def test_gibberish_finds_nothing_and_the_page_shows_the_empty_state(client, demo_directory):
    response = client.get("/fr/search/", {"q": "xyzzy qwerty"})

    assert response.context["response"].count == 0
    assert response.context["response"].detected_language is None
    html = response.content.decode()
    assert "Aucun résultat pour «\xa0xyzzy qwerty\xa0»." in html
    assert "Posez la même question en néerlandais" in html
    assert 'class="empty-state"' in html
    assert "question lue comme" not in html


def test_gibberish_through_the_api_has_count_zero_and_no_language(client, demo_directory):
    body = client.get("/api/v1/search", {"q": "xyzzy qwerty"}).json()

    assert (body["count"], body["results"], body["detected_language"]) == (0, [], None)


@pytest.mark.parametrize("query", ["Luik", "Lüttich", "liege", "LIÈGE"])
def test_a_place_name_in_any_language_shows_its_answer_card_first(client, demo_directory, query):
    response = client.get("/fr/search/", {"q": query})

    answer = response.context["answer"]
    assert (answer.kind, answer.record.code) == ("territory", LIEGE)
    assert [name for _code, _label, name in answer.names] == ["Luik", "Liège", "Lüttich", "Liège"]
    html = response.content.decode()
    card = html[html.index('class="answer-card"') :]
    assert card.index('href="/fr/places/BE-NIS:62063/"') < card.index('id="knowledge-title"')
    assert '<dd lang="de">Lüttich</dd>' in card
    assert "Ouvrir la page de ce lieu" in card


def test_the_home_box_opens_the_page_of_the_one_place_it_names(client, demo_directory):
    response = client.get("/en/search/", {"q": "Lüttich", "from": "home"})

    assert response.status_code == 302
    assert response["Location"] == "/en/places/BE-NIS:62063/"
    assert client.get("/en/search/", {"q": "Lüttich"}).status_code == 200
    assert client.get("/en/search/", {"q": "zzz qqq", "from": "home"}).status_code == 200


def test_demo_organisations_are_searchable_without_a_reindex(client, demo_directory):
    body = client.get("/api/v1/search", {"q": "Eurometropool", "type": "organisation"}).json()

    assert body["results"][0]["id"] == "eurometropolis"


def test_organisations_enter_and_leave_the_index_on_write(demo_directory):
    agency = organisation_operations.create_organisation(
        user=None,
        slug="grenspunt",
        kind=Organisation.objects.first().kind,
        name="Grenspunt Zwalmvallei",
        language="nl",
        names={"fr": "Point frontière Vallée de la Zwalm"},
    )
    assert [hit.id for hit in search("Zwalmvallei", types=["organisation"]).results] == [
        "grenspunt"
    ]

    organisation_operations.archive_organisation(agency, user=None)

    assert search("Zwalmvallei", types=["organisation"]).results == []


def test_territories_are_indexed_by_the_import_and_on_correction(demo_directory, curator):
    assert search("Lüttich", types=["territory"]).results[0].id == LIEGE

    liege = Territory.objects.get(code=LIEGE)
    place_operations.update_territory(liege, user=curator, name="Liège-Ville")

    assert search("Liège-Ville", types=["territory"]).results[0].title == "Liège-Ville"

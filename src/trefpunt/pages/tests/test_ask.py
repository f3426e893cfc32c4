"""Ask Trefpunt: one question, one answer in sections, every item with its reasons; bad input
gets 422 or 404. The knowledge base is the demo content, indexed with the default embedder
(the question is French, the practice on ambulances English: the semantic side finds it)."""

import pytest
from django.db import transaction

from trefpunt.legal import demo as legal_demo
from trefpunt.meetings import demo as meetings_demo
from trefpunt.obstacles import demo as obstacles_demo
from trefpunt.practices import demo as practices_demo
from trefpunt.search import memory

QUESTION = "transport d'urgence transfrontalier"
MENEN = "BE-NIS:34027"


@pytest.fixture(scope="module")
def _knowledge_once(_demo_directory_once, django_db_blocker):
    memory.forget()
    with django_db_blocker.unblock(), transaction.atomic():
        practices_demo.load()
        legal_demo.load()
        obstacles_demo.load()
        meetings_demo.load()
        yield
        transaction.set_rollback(True)
    memory.forget()


@pytest.fixture
def knowledge(_knowledge_once, db):
    """The demo directory, practices, treaties, obstacles and meetings, indexed."""


def _ask(client, **params):
    return client.get("/api/v1/ask", params)


def test_the_answer_has_every_section_with_reasons(client, knowledge):
    response = _ask(client, q=QUESTION, territory=MENEN, lang="fr")

    assert response.status_code == 200
    body = response.json()
    assert (body["language"], body["territory"]) == ("fr", MENEN)
    assert list(body["sections"]) == [
        "counterparts",
        "practices",
        "obstacles",
        "legal_bases",
        "places",
        "meetings",
    ]
    assert {key: bool(items) for key, items in body["sections"].items()} == dict.fromkeys(
        body["sections"], True
    )
    assert all(item["why"] for items in body["sections"].values() for item in items)


def test_counterparts_across_the_border_come_first(client, knowledge):
    body = _ask(client, q=QUESTION, territory=MENEN, lang="fr").json()
    counterparts = body["sections"]["counterparts"]
    countries = [item["country"] for item in counterparts]

    assert counterparts[0]["title"] == "Julie Caron"  # her competence says it word for word
    assert countries == ["FR", "NL", "DE", "BE", "BE"]
    assert [item["title"] for item in counterparts[1:3]] == ["Sanne Peeters", "Jonas Weber"]


def test_the_answer_cites_the_legal_bases_of_the_ambulance_obstacle(client, knowledge):
    body = _ask(client, q=QUESTION, territory=MENEN, lang="fr").json()
    obstacle = body["sections"]["obstacles"][0]["title"]
    legal = body["sections"]["legal_bases"]

    assert obstacle.startswith("Les ambulances ne peuvent pas")
    assert (
        legal[0]["title"]
        == "Wet van 8 juli 1964 betreffende de dringende geneeskundige hulpverlening"
    )
    assert (legal[0]["country"], legal[0]["url"]) == ("BE", "")  # a citation, not in the library
    assert len(legal[0]["why"]) == 1
    assert obstacle in legal[0]["why"][0]


def test_the_public_api_shows_only_public_contacts(client, knowledge):
    body = _ask(client, q=QUESTION, territory=MENEN, lang="fr").json()
    contacts = {item["title"]: item["contact"] for item in body["sections"]["counterparts"]}

    assert contacts["Julie Caron"] == {
        "email": "j.caron@halluin.example",
        "phone": "+33 3 00 00 00 01",
    }
    assert contacts["Sanne Peeters"] == {}  # members only


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"q": ""}, 422),
        ({"q": "   "}, 422),
        ({"q": "x" * 301}, 422),
        ({}, 422),
        ({"q": "ambulance", "lang": "es"}, 422),
        ({"q": "ambulance", "territory": "XX:0"}, 404),
    ],
)
def test_bad_questions_are_refused(client, db, params, status):
    response = _ask(client, **params)

    assert response.status_code == status
    assert response.json()["detail"]


def test_the_page_answers_in_the_readers_language(client, knowledge):
    response = client.get("/fr/ask/", {"q": QUESTION, "territory": MENEN})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="ask-counterparts">' in html
    assert "Julie Caron" in html


def test_the_page_refuses_an_empty_question_with_a_field_error(client, db):
    response = client.get("/en/ask/", {"q": ""})

    assert response.status_code == 422
    assert response.context["form"].errors["q"] == ["This field is required."]

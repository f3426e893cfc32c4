"""GET /api/v1/search and `trefpunt search`."""

import json

import pytest
from django.core.management import CommandError, call_command

from trefpunt.search import index

from .conftest import document


def test_the_api_answers_with_results_facets_and_reader_urls(client, corpus):
    response = client.get(
        "/api/v1/search", {"q": "isolation maisons ouvrières anciennes", "lang": "fr"}
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["query"], body["detected_language"], body["warning"]) == (
        "isolation maisons ouvrières anciennes",
        "fr",
        None,
    )
    first = body["results"][0]
    assert {key: first[key] for key in ("type", "id", "external_id", "language", "url")} == {
        "type": "practice",
        "id": "genk-insulation",
        "external_id": "ext-genk-insulation",
        "language": "nl",
        "url": "http://testserver/fr/practices/genk-insulation/",
    }
    assert body["count"] == sum(body["facets"]["type"].values())
    assert len(body["results"]) == min(10, body["count"])


def test_the_reader_language_comes_from_accept_language(client, corpus):
    response = client.get("/api/v1/search", {"q": "Deelfietsen"}, HTTP_ACCEPT_LANGUAGE="de")

    assert (
        response.json()["results"][0]["url"] == "http://testserver/de/practices/maastricht-bikes/"
    )


def test_filters_and_paging_pass_through(client, corpus):
    body = client.get(
        "/api/v1/search",
        {
            "q": "buses and bikes across the border",
            "type": "practice",
            "theme": "mobility",
            "country": ["NL"],
            "limit": 1,
        },
    ).json()

    assert body["count"] == 2
    assert [r["id"] for r in body["results"]] in (["aachen-bus"], ["maastricht-bikes"])
    assert set(body["facets"]["theme"]) == {"mobility"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({}, "q"),
        ({"q": "fiets", "limit": 0}, "limit"),
        ({"q": "fiets", "limit": 101}, "limit"),
        ({"q": "fiets", "offset": -1}, "offset"),
        ({"q": "fiets", "lang": "xx"}, "lang"),
        ({"q": "fiets", "year": "recent"}, "year"),
    ],
)
def test_bad_parameters_are_422_with_the_field(client, db, params, field):
    response = client.get("/api/v1/search", params)

    assert response.status_code == 422
    assert any(field in key.split(".") for key in response.json()["errors"])


def test_anonymous_readers_see_public_documents_only(client, db, curator, api_client_with_token):
    index.index_record(
        "practice",
        "draft",
        [document("draft", "nl", "Geheim", "Woningen.", visibility="restricted")],
    )

    assert client.get("/api/v1/search", {"q": "woningen"}).json()["count"] == 0
    as_curator = api_client_with_token(curator).get("/api/v1/search", {"q": "woningen"})
    assert [r["id"] for r in as_curator.json()["results"]] == ["draft"]


def test_the_cli_prints_the_apis_json(corpus, capsys):
    call_command("search", "Deelfietsen Maastricht", "--type", "practice", "--lang", "nl", "--json")

    data = json.loads(capsys.readouterr().out)
    assert data["results"][0]["id"] == "maastricht-bikes"
    assert data["results"][0]["url"] == "/nl/practices/maastricht-bikes/"
    assert set(data) == {"query", "detected_language", "count", "results", "facets", "warning"}


def test_the_cli_prints_a_table(corpus, capsys):
    call_command("search", "Deelfietsen Maastricht", "--limit", "1")

    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        "  1. [practice nl] Deelfietsen tussen Maastricht en Luik  /en/practices/maastricht-bikes/"
    )


def test_the_cli_refuses_an_empty_query(db):
    with pytest.raises(CommandError):
        call_command("search", " ")

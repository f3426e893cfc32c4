"""The organisations and people API: reads for everyone, writes with a bearer token."""

import json

import pytest
from django.test import Client

from trefpunt.accounts import operations as account_operations
from trefpunt.organisations.models import Organisation, OrganisationName


@pytest.fixture(autouse=True)
def _data(demo_directory):
    pass


def _patch(client, slug, payload):
    return client.patch(
        f"/api/v1/organisations/{slug}", json.dumps(payload), content_type="application/json"
    )


def _post(client, path, payload):
    return client.post(f"/api/v1/{path}", json.dumps(payload), content_type="application/json")


def _menen_state():
    menen = Organisation.objects.get(slug="menen")
    return (
        menen.version,
        menen.website,
        menen.name,
        menen.history.count(),
        sorted(menen.names.values_list("language", "name")),
    )


# Reads


def test_it_lists_active_organisations_by_kind(client):
    body = client.get("/api/v1/organisations", {"kind": "team", "lang": "en"}).json()

    assert body["count"] == 3
    assert [item["slug"] for item in body["items"]] == [
        "sg-team-economy",
        "sg-team-cross-border",
        "sg-team-security",
    ]
    assert {item["parent"] for item in body["items"]} == {"benelux-secretariat-general"}


def test_it_finds_an_organisation_by_a_name_in_another_language(client):
    body = client.get("/api/v1/organisations", {"q": "Menin"}).json()

    assert [item["slug"] for item in body["items"]] == ["menen"]
    assert body["items"][0]["territory"] == "BE-NIS:34027"


def test_an_organisation_has_current_and_past_posts(client):
    body = client.get("/api/v1/organisations/menen", {"lang": "fr"}).json()

    assert body["name"] == "Ville de Menin"
    assert body["version"] == 1
    posts = {(post["person"], post["role"], post["current"]) for post in body["posts"]}
    assert posts == {
        ("anneleen-vercruysse", "mayor", True),
        ("pieter-declercq", "alderman", True),
        ("geert-callewaert", "mayor", False),
    }
    predecessor = next(post for post in body["posts"] if not post["current"])
    assert (predecessor["start"], predecessor["end"]) == ("2013-01-01", "2018-12-31")


@pytest.mark.parametrize(
    ("slug", "others"),
    [
        ("brussels", {("luxembourg-city", "out"), ("amsterdam", "out")}),
        ("luxembourg-city", {("brussels", "in"), ("amsterdam", "out")}),
        ("amsterdam", {("brussels", "in"), ("luxembourg-city", "in")}),
    ],
)
def test_the_benelux_capitals_are_twinned_since_1956(client, slug, others):
    body = client.get(f"/api/v1/organisations/{slug}").json()

    twinnings = [r for r in body["relations"] if r["kind"] == "twinned_with"]
    assert {(r["other"]["slug"], r["direction"]) for r in twinnings} == others
    assert {(r["since"], r["until"], r["description"]) for r in twinnings} == {
        ("1956-01-01", None, "")
    }


def test_the_secretariat_lists_its_college_and_teams(client):
    body = client.get("/api/v1/organisations/benelux-secretariat-general").json()

    assert [child["slug"] for child in body["children"]] == [
        "benelux-college-secretaries-general",
        "sg-team-economy",
        "sg-team-cross-border",
        "sg-team-security",
    ]


def test_an_unknown_organisation_is_a_json_404(client):
    response = client.get("/api/v1/organisations/atlantis")

    assert response.status_code == 404
    assert response.json() == {"detail": "No organisation has the identifier atlantis."}


def test_people_can_be_filtered_to_those_in_office(client):
    everyone = client.get("/api/v1/people", {"organisation": "menen"}).json()
    current = client.get("/api/v1/people", {"organisation": "menen", "current": "true"}).json()

    assert [p["slug"] for p in everyone["items"]] == [
        "geert-callewaert",
        "pieter-declercq",
        "anneleen-vercruysse",
    ]
    assert [p["slug"] for p in current["items"]] == ["pieter-declercq", "anneleen-vercruysse"]


def test_a_person_has_their_posts(client):
    body = client.get("/api/v1/people/elise-martens", headers={"Accept-Language": "fr"}).json()

    assert body["name"] == "Elise Martens"
    assert body["languages"] == ["nl", "fr", "de", "en"]
    assert [(p["organisation"], p["role"], p["organisation_name"]) for p in body["posts"]] == [
        (
            "benelux-secretariat-general",
            "secretary_general",
            "Secrétariat général de l'Union Benelux",
        )
    ]


# Writes


def test_writes_need_a_token(client):
    before = _menen_state()

    response = _patch(client, "menen", {"version": 1, "website": "https://www.menen.be"})

    assert response.status_code == 401
    assert response.json() == {"detail": "A valid API token is required (Authorization: Bearer …)."}
    assert _menen_state() == before


def test_an_unknown_token_is_refused(client):
    response = client.patch(
        "/api/v1/organisations/menen",
        json.dumps({"version": 1, "website": "https://www.menen.be"}),
        content_type="application/json",
        headers={"Authorization": "Bearer tp_not-a-real-token"},
    )

    assert response.status_code == 401


def test_an_outsider_cannot_edit_menen_and_nothing_changes(outsider, api_client_with_token):
    before = _menen_state()

    response = _patch(
        api_client_with_token(outsider),
        "menen",
        {"version": 1, "website": "https://evil.example", "names": {"en": "Evil"}},
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "You may only edit your own organisation's records."}
    assert _menen_state() == before


def test_the_editor_of_menen_cannot_edit_wervik(editor_of_menen, api_client_with_token):
    response = _patch(
        api_client_with_token(editor_of_menen), "wervik", {"version": 1, "website": "https://x.be"}
    )

    assert response.status_code == 403
    assert Organisation.objects.get(slug="wervik").website == ""


def test_the_editor_of_menen_saves_and_the_history_names_them(
    editor_of_menen, api_client_with_token
):
    response = _patch(
        api_client_with_token(editor_of_menen),
        "menen",
        {"version": 1, "website": "https://www.menen.be", "names": {"en": "City of Menen"}},
    )

    assert response.status_code == 200
    body = response.json()
    assert body["version"] == 2
    assert body["website"] == "https://www.menen.be"
    assert body["names"] == {"nl": "Stad Menen", "fr": "Ville de Menin", "en": "City of Menen"}
    menen = Organisation.objects.get(slug="menen")
    assert (menen.version, menen.website) == (2, "https://www.menen.be")
    latest = menen.history.order_by("-history_id").first()
    assert latest.history_type == "~"
    assert latest.history_user == editor_of_menen
    assert latest.website == "https://www.menen.be"
    assert menen.history.count() == 2


def test_a_stale_version_is_refused_and_nothing_changes(editor_of_menen, api_client_with_token):
    client = api_client_with_token(editor_of_menen)
    assert _patch(client, "menen", {"version": 1, "acronym": "MEN"}).status_code == 200
    before = _menen_state()

    response = _patch(client, "menen", {"version": 1, "website": "https://late.example"})

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "__all__": ["Someone else changed this organisation meanwhile; reload and try again."]
    }
    assert _menen_state() == before


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        ({"version": 1, "website": "not a url"}, {"website": ["Enter a valid URL."]}),
        ({"version": 1, "name": ""}, {"name": ["String should have at least 1 character"]}),
        ({"website": "https://x.be"}, {"version": ["Field required"]}),
        (
            {"version": 1, "parent": "atlantis"},
            {"parent": ["No organisation has the identifier atlantis."]},
        ),
    ],
)
def test_an_invalid_patch_gets_field_errors_and_nothing_changes(
    editor_of_menen, api_client_with_token, payload, errors
):
    before = _menen_state()

    response = _patch(api_client_with_token(editor_of_menen), "menen", payload)

    assert response.status_code == 422
    assert response.json() == {"detail": "Some fields are not valid.", "errors": errors}
    assert _menen_state() == before


def test_names_in_an_unknown_language_are_refused(editor_of_menen, api_client_with_token):
    before = _menen_state()

    response = _patch(
        api_client_with_token(editor_of_menen), "menen", {"version": 1, "names": {"english": "X"}}
    )

    assert response.status_code == 422
    assert _menen_state() == before


def test_a_revoked_token_is_refused(editor_of_menen):

    token, raw = account_operations.issue_token(user=editor_of_menen, label="script")
    account_operations.revoke_token(token, by=editor_of_menen)
    client = Client(headers={"Authorization": f"Bearer {raw}"})

    response = _patch(client, "menen", {"version": 1, "website": "https://www.menen.be"})

    assert response.status_code == 401
    assert Organisation.objects.get(slug="menen").version == 1


def test_an_editor_adds_a_team_under_their_organisation(editor_of_menen, api_client_with_token):
    response = _post(
        api_client_with_token(editor_of_menen),
        "organisations",
        {
            "slug": "menen-international",
            "kind": "team",
            "name": "Dienst Internationale Samenwerking",
            "language": "nl",
            "names": {"fr": "Service de coopération internationale"},
            "parent": "menen",
        },
    )

    assert response.status_code == 201
    team = Organisation.objects.get(slug="menen-international")
    assert (team.parent.slug, team.kind, team.version) == ("menen", "team", 1)
    names = OrganisationName.objects.filter(organisation=team).values_list("language", "name")
    assert sorted(names) == [
        ("fr", "Service de coopération internationale"),
        ("nl", "Dienst Internationale Samenwerking"),
    ]
    assert team.history.get().history_user == editor_of_menen


def test_only_curators_add_top_level_organisations(editor_of_menen, curator, api_client_with_token):
    payload = {"slug": "new-agency", "kind": "agency", "name": "New agency", "language": "en"}

    refused = _post(api_client_with_token(editor_of_menen), "organisations", payload)
    assert refused.status_code == 403
    assert not Organisation.objects.filter(slug="new-agency").exists()

    accepted = _post(api_client_with_token(curator), "organisations", payload)
    assert accepted.status_code == 201
    assert accepted.json()["slug"] == "new-agency"


def test_an_invalid_new_organisation_gets_every_field_error(curator, api_client_with_token):
    count = Organisation.objects.count()

    response = _post(
        api_client_with_token(curator),
        "organisations",
        {"slug": "Bad Slug", "kind": "castle", "name": "", "language": "xx"},
    )

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"slug", "kind", "name", "language"}
    assert Organisation.objects.count() == count


def test_a_taken_slug_is_refused(curator, api_client_with_token):
    response = _post(
        api_client_with_token(curator),
        "organisations",
        {"slug": "menen", "kind": "municipality", "name": "Menen", "language": "nl"},
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"slug": ["This identifier is already taken."]}


def test_a_post_cannot_end_before_it_starts(editor_of_menen, api_client_with_token):
    posts = Organisation.objects.get(slug="menen").posts.count()

    response = _post(
        api_client_with_token(editor_of_menen),
        "organisations/menen/posts",
        {"person": "pieter-declercq", "role": "mayor", "start": "2030-01-01", "end": "2029-01-01"},
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"end": ["The end date is before the start date."]}
    assert Organisation.objects.get(slug="menen").posts.count() == posts

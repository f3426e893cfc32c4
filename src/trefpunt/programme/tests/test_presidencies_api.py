from trefpunt.organisations.models import Presidency, Relation


def test_one_relation_is_read_by_its_id(client, demo_directory):
    relation = Relation.objects.get(
        kind="hosts_secretariat", source__slug="benelux-secretariat-general", target__slug="penta"
    )

    body = client.get(f"/api/v1/relations/{relation.pk}").json()

    assert (body["id"], body["kind"], body["source"], body["target"]) == (
        relation.pk,
        "hosts_secretariat",
        "benelux-secretariat-general",
        "penta",
    )


def test_an_unknown_relation_is_a_404(client, db):
    response = client.get("/api/v1/relations/999999")

    assert response.status_code == 404
    assert response.json()["detail"] == "No such relation."


def test_presidencies_are_listed_newest_first_with_paging(client, db):
    Presidency.objects.all().delete()  # the migrations record the known presidencies
    for year, country in [(2124, "NL"), (2125, "LU"), (2126, "BE")]:
        Presidency.objects.create(year=year, country=country)

    body = client.get("/api/v1/presidencies?limit=2").json()
    second_page = client.get("/api/v1/presidencies?limit=2&offset=2").json()
    luxembourg = client.get("/api/v1/presidencies?country=lu").json()

    assert body == {
        "count": 3,
        "items": [
            {"year": 2126, "country": "BE", "note": "", "annual_plan": None, "priorities": ""},
            {"year": 2125, "country": "LU", "note": "", "annual_plan": None, "priorities": ""},
        ],
    }
    assert second_page["items"] == [
        {"year": 2124, "country": "NL", "note": "", "annual_plan": None, "priorities": ""}
    ]
    assert luxembourg["count"] == 1


def test_one_presidency_is_read_by_its_year(client, db):
    Presidency.objects.create(year=2127, country="NL", note="Dutch presidency")

    assert client.get("/api/v1/presidencies/2127").json() == {
        "year": 2127,
        "country": "NL",
        "note": "Dutch presidency",
        "annual_plan": None,
        "priorities": "",
    }
    assert client.get("/api/v1/presidencies/2130").status_code == 404


def test_curators_record_and_correct_a_presidency(api_client_with_token, curator):
    api = api_client_with_token(curator)

    created = api.post(
        "/api/v1/presidencies",
        {"year": 2128, "country": "lu"},
        content_type="application/json",
    )
    corrected = api.patch(
        "/api/v1/presidencies/2128", {"note": "Luxembourg"}, content_type="application/json"
    )

    assert created.status_code == 201
    assert created.json() == {
        "year": 2128,
        "country": "LU",
        "note": "",
        "annual_plan": None,
        "priorities": "",
    }
    assert corrected.status_code == 200
    assert corrected.json() == {
        "year": 2128,
        "country": "LU",
        "note": "Luxembourg",
        "annual_plan": None,
        "priorities": "",
    }
    assert Presidency.objects.get(year=2128).note == "Luxembourg"


def test_a_second_presidency_for_a_year_is_a_field_error(api_client_with_token, curator):
    Presidency.objects.create(year=2129, country="BE")

    response = api_client_with_token(curator).post(
        "/api/v1/presidencies", {"year": 2129, "country": "NL"}, content_type="application/json"
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["year"]
    assert Presidency.objects.get(year=2129).country == "BE"


def test_a_country_outside_the_benelux_is_refused(api_client_with_token, curator):
    response = api_client_with_token(curator).post(
        "/api/v1/presidencies", {"year": 2131, "country": "DE"}, content_type="application/json"
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["country"]
    assert not Presidency.objects.filter(year=2131).exists()


def test_editors_and_anonymous_callers_cannot_write_presidencies(
    client, api_client_with_token, editor_of_menen
):
    Presidency.objects.create(year=2132, country="BE")

    forbidden = api_client_with_token(editor_of_menen).patch(
        "/api/v1/presidencies/2132", {"country": "NL"}, content_type="application/json"
    )
    anonymous = client.post(
        "/api/v1/presidencies", {"year": 2133, "country": "NL"}, content_type="application/json"
    )

    assert forbidden.status_code == 403
    assert anonymous.status_code == 401
    assert Presidency.objects.get(year=2132).country == "BE"
    assert not Presidency.objects.filter(year=2133).exists()


def test_the_openapi_schema_documents_every_presidency_status(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert set(paths["/api/v1/presidencies"]["post"]["responses"]) >= {
        "201",
        "400",
        "401",
        "403",
        "422",
    }
    assert set(paths["/api/v1/presidencies/{year}"]["patch"]["responses"]) >= {
        "200",
        "401",
        "403",
        "404",
        "422",
    }
    assert set(paths["/api/v1/relations/{relation_id}"]["get"]["responses"]) >= {"200", "404"}

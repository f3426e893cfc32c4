from trefpunt.organisations.models import Presidency


def test_the_presidency_of_2025_is_luxembourg(client, demo_directory):
    body = client.get("/api/v1/presidencies?year=2025").json()

    assert body["count"] == 1
    assert (body["items"][0]["year"], body["items"][0]["country"]) == (2025, "LU")


def test_the_presidency_links_its_annual_plan_and_priorities(client, annual_2025):
    annual_2025.presidency_priorities = "Crisis management first."
    annual_2025.save()

    item = client.get("/api/v1/presidencies?year=2025").json()["items"][0]
    html = client.get("/en/programme/presidencies/").content.decode()

    assert (item["annual_plan"], item["priorities"]) == ("2025", "Crisis management first.")
    assert '<a href="/en/programme/2025/">Annual plan 2025</a>' in html


def test_a_second_presidency_for_a_year_is_refused(api_client_with_token, curator, demo_directory):
    api = api_client_with_token(curator)

    again = api.post(
        "/api/v1/presidencies", {"year": 2025, "country": "NL"}, content_type="application/json"
    )
    new = api.post(
        "/api/v1/presidencies", {"year": 2027, "country": "BE"}, content_type="application/json"
    )

    assert again.status_code == 422
    assert list(again.json()["errors"]) == ["year"]
    assert Presidency.objects.get(year=2025).country == "LU"
    assert new.status_code == 201
    assert Presidency.objects.get(year=2027).country == "BE"


def test_only_benelux_countries_preside(api_client_with_token, curator, demo_directory):
    response = api_client_with_token(curator).post(
        "/api/v1/presidencies", {"year": 2027, "country": "DE"}, content_type="application/json"
    )

    assert response.status_code == 422
    assert not Presidency.objects.filter(year=2027).exists()

"""The people and organisations indexes: filters, pagination, exports of public fields only,
in a fixed number of queries."""

import csv
import io

import pytest


@pytest.fixture(autouse=True)
def _data(demo_directory):
    pass


def _people(response) -> list[tuple[str, str]]:
    return [(p.person.slug, p.role) for p in response.context["page"].object_list]


def test_the_people_index_lists_current_posts_by_family_name(client, django_assert_max_num_queries):
    # Measured: 6 queries (count, page, organisation names, competences, their territories,
    # the organisations of the filter).
    with django_assert_max_num_queries(6):
        response = client.get("/fr/people/")
    assert response.status_code == 200
    people = _people(response)
    assert ("geert-callewaert", "mayor") not in people  # past post
    assert people[:4] == [
        ("nadia-benali", "head"),
        ("katharina-brandt", "mayor"),
        ("julie-caron", "officer"),
        ("pieter-declercq", "alderman"),
    ]
    assert "j.caron@halluin.example" in response.content.decode()
    assert "v.lambert@nccn.example" not in response.content.decode()


def test_the_people_index_filters_by_theme_and_country(client):
    response = client.get("/en/people/", {"theme": "health", "country": "FR"})
    assert _people(response) == [("julie-caron", "officer")]


def test_the_people_index_shows_past_posts_on_request(client):
    response = client.get("/en/people/", {"organisation": "menen", "posts": "all"})
    assert _people(response) == [
        ("geert-callewaert", "mayor"),
        ("pieter-declercq", "alderman"),
        ("anneleen-vercruysse", "mayor"),
    ]


def test_the_people_csv_exports_public_contacts_only(client):
    response = client.get("/en/people/", {"format": "csv", "theme": "health"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["person"], r["work_email"]) for r in rows] == [
        ("julie-caron", "j.caron@halluin.example"),
        ("sanne-peeters", ""),
        ("jonas-weber", "j.weber@aachen.example"),
    ]


def test_the_people_json_export_has_no_restricted_contact(client):
    rows = client.get("/en/people/", {"format": "json"}).json()
    by_person = {r["person"]: r for r in rows}
    assert by_person["veronique-lambert"]["work_email"] == ""
    assert by_person["veronique-lambert"]["competences"] == ["crisis-management"]
    assert "phone" not in by_person["veronique-lambert"]  # no personal field


def test_the_organisations_index_filters_by_theme_and_contact_point(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        response = client.get("/en/organisations/", {"theme": "health", "contact_point": "on"})
    slugs = sorted(o.slug for o in response.context["page"].object_list)
    assert slugs == ["aachen", "eurometropolis", "halluin", "maastricht"]


def test_the_organisation_page_shows_contact_details_and_its_contact_point(client):
    html = client.get("/fr/organisations/halluin/").content.decode()
    assert "+33 3 00 00 00 00" in html
    assert "mailto:mairie@halluin.example" in html
    assert "Julie Caron" in html
    assert "/api/v1/organisations/halluin/meetings.ics" in html

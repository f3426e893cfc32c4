import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from trefpunt.obstacles import demo, operations
from trefpunt.obstacles.models import Obstacle

from .conftest import move

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def register(demo_directory):
    demo.load()
    return Obstacle.objects.all()


def test_the_list_shows_published_obstacles_in_a_fixed_number_of_queries(register, client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/obstacles/")
    assert response.status_code == 200
    assert len(queries) == 4  # count, page, translations, reporters' names
    page = response.content.decode()
    assert "Les ambulances ne peuvent pas conduire" in page
    assert "Hulpdiensten kunnen over de grens" not in page  # under assessment: not published
    assert response.context["page"].paginator.count == 4


def test_filters_with_nothing_found_show_the_empty_state(register, client):
    response = client.get("/en/obstacles/", {"border": "LU-DE"})
    assert response.status_code == 200
    assert "No obstacle matches these filters." in response.content.decode()


def test_an_obstacle_page_shows_ladder_timeline_and_signals(register, client):
    obstacle = Obstacle.objects.get(title__startswith="Ambulances")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/nl/obstacles/{obstacle.pk}/")
    assert response.status_code == 200
    assert len(queries) == 15  # session-free page: obstacle + its prefetched relations
    page = response.content.decode()
    assert 'aria-current="step"' in page
    assert "Benelux-werkgroep" in page or "Benelux working group" in page
    assert "23" in page  # 14 + 9 cases


def test_the_dashboard_counts_in_a_fixed_number_of_queries(register, client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/obstacles/dashboard/")
    assert response.status_code == 200
    assert len(queries) == 5
    figures = response.context["figures"]
    assert figures["total"] == 6
    assert {bar.key: bar.value for bar in figures["border"]} == {
        "BE-NL": 2,
        "BE-FR": 2,
        "BE-LU": 1,
        "NL-DE": 1,
    }
    assert {bar.key: bar.value for bar in figures["resolved"]} == {"2025": 1}


def test_the_csv_has_as_many_rows_as_the_api_counts(register, client):
    rows = list(csv.reader(io.StringIO(client.get("/en/obstacles/obstacles.csv").content.decode())))
    assert rows[0][0] == "id"
    assert len(rows) - 1 == client.get("/api/v1/obstacles").json()["count"] == 4
    filtered = client.get("/en/obstacles/obstacles.csv", {"border": "BE-FR"}).content.decode()
    api = client.get("/api/v1/obstacles", {"border": "BE-FR"}).json()["count"]
    assert len(list(csv.reader(io.StringIO(filtered)))) - 1 == api == 1


def test_csv_cells_cannot_start_a_formula(report, client):
    move(report(title='=HYPERLINK("http://evil")'), "under_assessment", "recognised")
    rows = list(csv.reader(io.StringIO(client.get("/en/obstacles/obstacles.csv").content.decode())))
    assert rows[1][1] == '\'=HYPERLINK("http://evil")'


def test_the_json_export_lists_the_same_obstacles(register, client):
    body = client.get("/en/obstacles/obstacles.json").json()
    assert body["count"] == len(body["items"]) == 4
    assert body["figures"]["total"] == 6


def test_the_atom_feed_parses_and_lists_status_changes(register, client):
    response = client.get("/en/obstacles/feed.atom")
    assert response["Content-Type"] == "application/atom+xml"
    root = ET.fromstring(response.content)
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    assert any("Resolved by legislation" in title for title in titles)
    assert not any("Hulpdiensten" in title for title in titles)


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_annual_report_is_a_pdf(register, client, language):
    response = client.get(f"/{language}/obstacles/report/2025.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_public_form_keeps_the_report_private(demo_directory, client):
    response = client.post(
        "/en/obstacles/tell-us/",
        {
            "language": "fr",
            "title": "Impossible d'ouvrir un compte bancaire",
            "description": "Les banques refusent les frontaliers.",
            "border": "BE-FR",
            "domain": "economy",
            "interaction": "persons",
            "contact_name": "Jeanne Martin",
            "contact_email": "jeanne@example.org",
        },
    )
    assert response.status_code == 302
    obstacle = Obstacle.objects.get()
    assert (obstacle.source, obstacle.status, obstacle.reporter) == (
        "public_form",
        "submitted",
        None,
    )
    assert obstacle.contact_email == "jeanne@example.org"
    assert client.get(f"/en/obstacles/{obstacle.pk}/").status_code == 404
    assert client.get("/api/v1/obstacles").json()["count"] == 0


def test_the_curator_moderates_a_public_report_and_sees_its_contact(
    demo_directory, client, curator
):

    obstacle = operations.report_publicly(
        language="fr",
        title="Titre",
        description="Texte",
        border="BE-FR",
        domain="economy",
        interaction="persons",
        contact_name="Jeanne",
        contact_email="jeanne@example.org",
    )
    client.force_login(curator)
    assert "jeanne@example.org" in client.get(f"/en/obstacles/{obstacle.pk}/").content.decode()
    response = client.post(
        f"/en/obstacles/{obstacle.pk}/status/",
        {"to_status": "under_assessment", "version": obstacle.version},
    )
    assert response.status_code == 302
    obstacle.refresh_from_db()
    assert obstacle.status == "under_assessment"


def test_an_outsider_cannot_post_a_transition_and_nothing_changes(report, client, outsider):
    obstacle = move(report(), "under_assessment", "recognised")
    client.force_login(outsider)
    response = client.post(
        f"/en/obstacles/{obstacle.pk}/status/",
        {"to_status": "solution_proposed", "version": obstacle.version},
    )
    assert response.status_code == 403
    obstacle.refresh_from_db()
    assert (obstacle.status, obstacle.version) == ("recognised", obstacle.version)
    assert obstacle.events.count() == 3


def test_the_report_form_creates_a_submitted_obstacle(editor_of_menen, client):
    client.force_login(editor_of_menen)
    assert client.get("/en/obstacles/report/").status_code == 200
    response = client.post(
        "/en/obstacles/report/",
        {
            "reporter": "menen",
            "language": "nl",
            "title": "Parkeerkaart",
            "description": "De Belgische parkeerkaart geldt niet in Frankrijk.",
            "border": "BE-FR",
            "domain": "transport",
            "interaction": "persons",
        },
    )
    obstacle = Obstacle.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/obstacles/{obstacle.pk}/"
    assert obstacle.reporter.slug == "menen"


def test_demo_loading_is_idempotent(register):
    assert register.count() == 6
    assert demo.load() == 0
    assert Obstacle.objects.filter(is_demo=True).count() == 6
    assert Obstacle.objects.get(title__startswith="Télétravail").status == "resolved_by_legislation"

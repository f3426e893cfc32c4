"""Bad input is refused before any work starts: a 4xx with a JSON body on the API, a 400 page
on the site, and nothing written (issue 9)."""

import json
import time
from datetime import datetime

import pytest

from trefpunt.lib import errors
from trefpunt.meetings import operations
from trefpunt.meetings.models import AgendaItem, Meeting
from trefpunt.organisations.models import Organisation

pytestmark = pytest.mark.django_db

NUL = "A NUL byte (\\0) or a lone surrogate is not valid text."


@pytest.fixture
def meeting(demo_directory):
    return operations.schedule_meeting(
        user=None,
        organiser=Organisation.objects.get(slug="menen"),
        kind="local_consultation",
        language="fr",
        title="Concertation locale Menin–Halluin",
        description="",
        start=datetime(2026, 3, 26, 14, 0),
        end=datetime(2026, 3, 26, 16, 0),
        timezone="Europe/Brussels",
        address="Grote Markt 1, Menen",
        sides=[],
        chairs=[],
    )


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/people?q=%00", "q"),
        ("/api/v1/meetings?organisation=%00", "organisation"),
    ],
)
def test_a_nul_byte_in_an_api_query_is_a_field_error(client, url, field):
    response = client.get(url)

    assert response.status_code == 422
    assert response.json() == {"detail": "Some fields are not valid.", "errors": {field: [NUL]}}


def test_a_nul_byte_in_an_api_path_is_a_json_400(client):
    response = client.get("/api/v1/territories/%00")

    assert response.status_code == 400
    assert response.json() == {"detail": NUL}


def test_a_nul_byte_in_a_site_search_is_a_400_page(client):
    response = client.get("/en/search/?q=x%00")

    assert response.status_code == 400
    assert NUL in response.content.decode()


@pytest.mark.parametrize("bad", ["Mobilit\u00e9\u0000", "\ud800"])
def test_a_write_with_a_nul_byte_or_a_lone_surrogate_changes_nothing(
    meeting, editor_of_menen, api_client_with_token, bad
):
    response = api_client_with_token(editor_of_menen).post(
        f"/api/v1/meetings/{meeting.pk}/agenda",
        {"title": "Mobilité", "description": bad},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json() == {
        "detail": "Some fields are not valid.",
        "errors": {"description": [NUL]},
    }
    assert AgendaItem.objects.count() == 0


def test_a_very_long_text_is_refused_at_once(meeting, editor_of_menen, api_client_with_token):
    client = api_client_with_token(editor_of_menen)
    started = time.perf_counter()

    response = client.post(
        f"/api/v1/meetings/{meeting.pk}/agenda",
        {"title": "Mobilité", "description": "a" * 300_000},
        content_type="application/json",
    )

    assert time.perf_counter() - started < 2
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "description": ["Ensure this value has at most 100000 characters (it has 300000)."]
    }
    assert AgendaItem.objects.count() == 0


def test_a_body_over_the_upload_limit_is_a_json_413(
    meeting, editor_of_menen, api_client_with_token
):
    response = api_client_with_token(editor_of_menen).post(
        f"/api/v1/meetings/{meeting.pk}/agenda",
        '{"title": "' + "a" * 10_000_000 + '"}',
        content_type="application/json",
    )

    assert response.status_code == 413
    assert response.json() == {"detail": "The request is too large."}
    assert AgendaItem.objects.count() == 0


def test_too_many_query_parameters_is_a_json_400(client):
    query = "&".join(f"p{n}=1" for n in range(1_500))

    response = client.get(f"/api/v1/people?{query}")

    assert response.status_code == 400
    assert response.json() == {"detail": "The request has too many fields."}


def test_a_body_that_is_not_json_is_a_json_400(meeting, editor_of_menen, api_client_with_token):
    response = api_client_with_token(editor_of_menen).post(
        f"/api/v1/meetings/{meeting.pk}/agenda", "[" * 100_000, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "The request body is not valid JSON."}
    assert Meeting.objects.count() == 1


def test_a_nul_byte_deep_in_a_json_body_is_named_by_its_path(
    meeting, editor_of_menen, api_client_with_token
):
    response = api_client_with_token(editor_of_menen).post(
        f"/api/v1/meetings/{meeting.pk}/agenda",
        {"title": "Mobilité", "practices": [1, {"x": "\u0000"}]},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"] == {"practices.1.x": [NUL]}
    assert AgendaItem.objects.count() == 0


def test_a_site_form_with_a_nul_byte_is_a_400_page(client, editor_of_menen, meeting):
    client.force_login(editor_of_menen)

    response = client.post("/en/search/", {"q": "bus\u0000"})

    assert response.status_code == 400
    assert NUL in response.content.decode()


def test_an_unknown_api_address_is_a_json_404(client):
    response = client.get("/api/v1/no-such-thing")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_server_error_on_the_api_is_a_json_500(rf):
    response = errors.server_error(rf.get("/api/v1/people"))

    assert response.status_code == 500
    assert json.loads(response.content) == {"detail": "Server error."}


def test_a_server_error_on_the_site_is_a_page(rf):
    response = errors.server_error(rf.get("/en/"))

    assert response.status_code == 500
    assert response["Content-Type"] == "text/html; charset=utf-8"

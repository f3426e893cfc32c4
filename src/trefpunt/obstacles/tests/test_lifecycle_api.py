import pytest

from trefpunt.obstacles.models import Obstacle, ObstacleEvent

from .conftest import move

pytestmark = pytest.mark.django_db

FULL_PATH = [
    ("under_assessment", ""),
    ("recognised", ""),
    ("shared_with_neighbour", ""),
    ("solution_proposed", ""),
    ("resolved_by_legislation", "The treaty article was amended."),
    ("monitored", ""),
]


def test_the_full_path_is_200_at_each_step_and_the_events_are_listed_in_order(
    report, curator, api_client_with_token
):
    obstacle = report()
    client = api_client_with_token(curator)
    version = obstacle.version
    for status, reason in FULL_PATH:
        response = client.patch(
            f"/api/v1/obstacles/{obstacle.pk}",
            {"status": status, "reason": reason, "version": version},
            content_type="application/json",
        )
        assert response.status_code == 200, response.json()
        assert response.json()["status"] == status
        version = response.json()["version"]
    events = client.get(f"/api/v1/obstacles/{obstacle.pk}/events").json()
    assert [(e["from_status"], e["to_status"]) for e in events] == [
        ("", "submitted"),
        ("submitted", "under_assessment"),
        ("under_assessment", "recognised"),
        ("recognised", "shared_with_neighbour"),
        ("shared_with_neighbour", "solution_proposed"),
        ("solution_proposed", "resolved_by_legislation"),
        ("resolved_by_legislation", "monitored"),
    ]
    assert [e["actor"] for e in events] == [""] + ["curator"] * 6
    assert events[5]["reason"] == "The treaty article was amended."


def test_an_illegal_transition_is_422_with_the_allowed_states(
    report, curator, api_client_with_token
):
    obstacle = report()
    response = api_client_with_token(curator).patch(
        f"/api/v1/obstacles/{obstacle.pk}",
        {"status": "resolved_administratively", "reason": "x"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["allowed"] == [
        "under_assessment",
        "closed_incomplete",
        "not_an_obstacle",
    ]
    assert "status" in response.json()["errors"]
    obstacle.refresh_from_db()
    assert obstacle.status == "submitted"
    assert ObstacleEvent.objects.filter(obstacle=obstacle).count() == 1


def test_closing_without_a_reason_is_422_and_changes_nothing(
    report, curator, api_client_with_token
):
    obstacle = report()
    response = api_client_with_token(curator).patch(
        f"/api/v1/obstacles/{obstacle.pk}",
        {"status": "not_an_obstacle"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["reason"]
    obstacle.refresh_from_db()
    assert (obstacle.status, obstacle.version) == ("submitted", 1)


def test_an_outdated_version_is_refused(report, curator, api_client_with_token):
    obstacle = report()
    move(obstacle, "under_assessment")
    response = api_client_with_token(curator).patch(
        f"/api/v1/obstacles/{obstacle.pk}",
        {"status": "recognised", "version": 1},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert Obstacle.objects.get(pk=obstacle.pk).status == "under_assessment"


def test_the_reporting_editor_may_not_assess_and_nothing_changes(
    report, editor_of_menen, api_client_with_token
):
    obstacle = report()
    response = api_client_with_token(editor_of_menen).patch(
        f"/api/v1/obstacles/{obstacle.pk}",
        {"status": "under_assessment"},
        content_type="application/json",
    )
    assert response.status_code == 403
    obstacle.refresh_from_db()
    assert (obstacle.status, obstacle.version) == ("submitted", 1)
    assert ObstacleEvent.objects.filter(obstacle=obstacle).count() == 1


def test_an_editor_of_a_competent_authority_moves_a_recognised_obstacle_on(
    report, menen, editor_of_menen, api_client_with_token
):
    obstacle = report(authorities=[("BE", menen)])
    move(obstacle, "under_assessment", "recognised")
    response = api_client_with_token(editor_of_menen).patch(
        f"/api/v1/obstacles/{obstacle.pk}",
        {"status": "shared_with_neighbour"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "shared_with_neighbour"


def test_escalation_climbs_the_ladder_and_never_down(report, curator, api_client_with_token):
    obstacle = report()
    move(obstacle, "under_assessment", "recognised")
    client = api_client_with_token(curator)
    url = f"/api/v1/obstacles/{obstacle.pk}/escalations"
    response = client.post(
        url, {"level": "committee_of_ministers"}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["level"] == "committee_of_ministers"
    response = client.post(url, {"level": "local_consultation"}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["allowed"] == ["national_coordination_point", "european_commission"]
    detail = client.get(f"/api/v1/obstacles/{obstacle.pk}").json()
    assert detail["level"] == "committee_of_ministers"
    assert detail["level_since"] is not None


def test_recognition_starts_the_solution_clock(report):
    obstacle = report()
    assert str(obstacle.assessment_due) == "2026-03-05"
    obstacle = move(obstacle, "under_assessment", "recognised")
    assert obstacle.redress_due is not None
    assert (obstacle.redress_due - obstacle.recognised_at.date()).days in (365, 366)


def test_an_empty_patch_by_someone_who_may_not_edit_is_403(
    report, curator, editor_of_kortrijk, api_client_with_token
):
    """Found by the permission matrix: an empty PATCH answered 200 to any token holder."""
    obstacle = report()
    path = f"/api/v1/obstacles/{obstacle.pk}"
    for status, _reason in FULL_PATH[:2]:  # recognised: public
        obstacle.refresh_from_db()
        api_client_with_token(curator).patch(
            path, {"status": status, "version": obstacle.version}, content_type="application/json"
        )
    response = api_client_with_token(editor_of_kortrijk).patch(
        path, {}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "You may not change this obstacle."}
    assert (
        api_client_with_token(curator).patch(path, {}, content_type="application/json").status_code
        == 200
    )

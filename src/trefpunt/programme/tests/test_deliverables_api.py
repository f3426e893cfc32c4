from datetime import date

from trefpunt.organisations import operations as directory
from trefpunt.organisations.models import Organisation
from trefpunt.programme.models import Deliverable


def test_the_project_api_reports_75_percent(client, three_to_one):
    body = client.get("/api/v1/projects/crisis-mapping").json()

    assert body["progress"] == 75.0
    assert [(d["title"], d["weight"], d["progress"]) for d in body["deliverables"]] == [
        ("Risk map", "3.00", 100),
        ("Risk map update", "1.00", 0),
    ]
    assert body["partners"] == [
        {
            "organisation": {
                "slug": "sg-team-security",
                "name": "Security and Crisis Management team",
            },
            "role": "lead",
        }
    ]


def test_overdue_deliverables_are_listed(client, three_to_one, settings):
    body = client.get("/api/v1/deliverables?overdue=true").json()

    # Today is after 31 October 2025: the unstarted update is overdue, the done map is not.
    assert [(d["title"], d["due_date"], d["overdue"]) for d in body["items"]] == [
        ("Risk map update", "2025-10-31", True)
    ]
    assert body["count"] == 1


def test_the_follow_up_dashboard_shows_overdue_deliverables(client, three_to_one):
    html = client.get("/en/meetings/follow-up/").content.decode()

    section = html[html.index("Overdue deliverables of the work programme") :]
    assert "Risk map update" in section
    assert "Crisis mapping" in section
    assert ">Risk map<" not in section


def _patch(api, deliverable, **fields):
    return api.patch(
        f"/api/v1/deliverables/{deliverable.pk}",
        {"version": deliverable.version, **fields},
        content_type="application/json",
    )


def test_progress_above_100_and_negative_weights_are_field_errors(
    api_client_with_token, curator, three_to_one
):
    api = api_client_with_token(curator)
    update = Deliverable.objects.get(title="Risk map update")

    over = _patch(api, update, progress=150)
    negative = _patch(api, update, weight="-1")

    assert (over.status_code, list(over.json()["errors"])) == (422, ["progress"])
    assert (negative.status_code, list(negative.json()["errors"])) == (422, ["weight"])
    update.refresh_from_db()
    assert (update.progress, update.weight, update.version) == (0, 1, 1)


def test_the_lead_team_updates_its_deliverables_and_others_may_not(
    api_client_with_token, make_user, editor_of_menen, three_to_one
):
    update = Deliverable.objects.get(title="Risk map update")
    refused = _patch(api_client_with_token(editor_of_menen), update, progress=50)
    lead = make_user("security.lead")
    directory.add_member(
        by=None,
        user=lead,
        organisation=Organisation.objects.get(slug="sg-team-security"),
        role="editor",
    )

    accepted = _patch(api_client_with_token(lead), update, progress=100)

    assert refused.status_code == 403
    assert accepted.status_code == 200
    assert (accepted.json()["progress"], accepted.json()["status"]) == (100, "done")
    update.refresh_from_db()
    assert (update.progress, update.status, update.version) == (100, "done", 2)


def test_a_stale_version_is_refused(api_client_with_token, curator, three_to_one):
    update = Deliverable.objects.get(title="Risk map update")
    api = api_client_with_token(curator)
    assert _patch(api, update, progress=10).status_code == 200

    stale = _patch(api, update, progress=20)  # still version 1

    assert stale.status_code == 422
    update.refresh_from_db()
    assert update.progress == 10


def test_a_curator_adds_a_deliverable(api_client_with_token, curator, project):
    response = api_client_with_token(curator).post(
        "/api/v1/deliverables",
        {"project": "crisis-mapping", "title": "Exercise", "due_date": "2027-05-01", "weight": 2},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert project.deliverables.get().due_date == date(2027, 5, 1)

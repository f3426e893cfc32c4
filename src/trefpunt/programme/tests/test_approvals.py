from datetime import date

import pytest
from django.core.exceptions import ValidationError

from trefpunt.programme import operations
from trefpunt.programme.models import Approval, PlanVersion


def _approve(client, version, body="benelux-committee-of-ministers", **extra):
    payload = {
        "version": version.pk,
        "body": body,
        "reference": "M (2024) 12",
        "date": "2024-12-10",
        **extra,
    }
    return client.post("/api/v1/approvals", payload, content_type="application/json")


def test_the_committee_of_ministers_approves_a_version(api_client_with_token, curator, draft):
    response = _approve(api_client_with_token(curator), draft)

    assert response.status_code == 201
    body = response.json()
    assert (body["reference"], body["date"], body["plan"], body["version_number"]) == (
        "M (2024) 12",
        "2024-12-10",
        "2025-2028",
        1,
    )
    assert body["body"]["slug"] == "benelux-committee-of-ministers"
    draft.refresh_from_db()
    assert draft.status == "approved"


def test_an_approval_by_the_parliament_is_refused(api_client_with_token, curator, draft):
    response = _approve(api_client_with_token(curator), draft, body="benelux-parliament")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["body"]
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert Approval.objects.count() == 0


def test_an_approval_dated_before_the_version_is_refused(api_client_with_token, curator, draft):
    response = _approve(api_client_with_token(curator), draft, date="2024-09-01")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["date"]
    assert Approval.objects.count() == 0


def test_only_curators_approve(api_client_with_token, outsider, draft):
    response = _approve(api_client_with_token(outsider), draft)

    assert response.status_code == 403
    assert Approval.objects.count() == 0


def test_editing_an_approved_version_makes_a_new_draft_and_a_diff(
    api_client_with_token, curator, draft, client
):
    api = api_client_with_token(curator)
    assert _approve(api, draft).status_code == 201

    response = api.patch(
        f"/api/v1/plan-versions/{draft.pk}",
        {"title": "Work programme", "text": "Line one.\nLine two, revised.", "language": "en"},
        content_type="application/json",
    )

    assert response.status_code == 201
    new = response.json()
    assert (new["number"], new["status"], new["based_on"]) == (2, "draft", draft.pk)
    draft.refresh_from_db()
    assert (draft.status, draft.text) == ("approved", "Line one.\nLine two.")
    html = client.get(f"/en/programme/versions/{new['id']}/diff/").content.decode()
    assert "− Line two.</del>" in html
    assert "+ Line two, revised.</ins>" in html
    assert "2 lines changed." in html


def test_only_the_latest_version_can_be_approved(plan, draft, organisations):
    operations.write_plan_text(plan, user=None, title="v2", text="New.", language="en")

    with pytest.raises(ValidationError) as error:
        operations.approve_version(
            draft,
            user=None,
            body=organisations["benelux-committee-of-ministers"],
            reference="M (2024) 12",
            decided_on=date(2024, 12, 10),
        )

    assert list(error.value.message_dict) == ["version"]
    assert PlanVersion.objects.filter(status="approved").count() == 0


def test_approval_closes_the_consultation(organisations, draft):
    draft = operations.open_consultation(
        draft, user=None, opens=date(2024, 9, 16), closes=date(2024, 12, 31)
    )
    operations.approve_version(
        draft,
        user=None,
        body=organisations["benelux-committee-of-ministers"],
        reference="M (2024) 12",
        decided_on=date(2024, 12, 10),
    )

    draft.refresh_from_db()
    assert (draft.status, draft.consultation_closes) == ("approved", date(2024, 12, 10))
    assert not draft.consultation_is_open(date(2024, 12, 20))

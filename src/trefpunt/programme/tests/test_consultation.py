from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from trefpunt.meetings import operations as meetings
from trefpunt.programme import operations
from trefpunt.programme.models import ConsultationComment, MeetingPreparation


@pytest.fixture
def open_draft(draft):
    today = timezone.localdate()
    return operations.open_consultation(
        draft, user=None, opens=today - timedelta(days=1), closes=today + timedelta(days=30)
    )


def test_a_member_organisation_comments_on_the_version_it_read(
    client, editor_of_menen, organisations, open_draft
):
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/programme/versions/{open_draft.pk}/",
        {"organisation": organisations["menen"].pk, "text": "Name the border cities."},
    )

    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert (comment.version_id, comment.organisation.slug, comment.text) == (
        open_draft.pk,
        "menen",
        "Name the border cities.",
    )


def test_nobody_comments_for_an_organisation_they_do_not_belong_to(
    editor_of_menen, organisations, open_draft
):
    with pytest.raises(PermissionDenied):
        operations.comment_on_version(
            open_draft, user=editor_of_menen, organisation=organisations["kortrijk"], text="Hi."
        )

    assert ConsultationComment.objects.count() == 0


def test_comments_are_refused_outside_the_window(organisations, draft):
    with pytest.raises(ValidationError) as error:
        operations.comment_on_version(
            draft, user=None, organisation=organisations["menen"], text="Too early."
        )

    assert list(error.value.message_dict) == ["version"]


def _meeting(organiser, day):
    start = datetime(2025, 5, day, 9, 0, tzinfo=UTC)
    return meetings.schedule_meeting(
        user=None,
        organiser=organiser,
        kind="strategic",
        language="en",
        title=f"{organiser.name} {day} May",
        start=start,
        end=start + timedelta(hours=3),
        online_url="https://meet.example.org/benelux",
    )


def test_a_council_meeting_prepares_a_committee_of_ministers_meeting(organisations):
    council = _meeting(organisations["benelux-council"], 12)
    ministers = _meeting(organisations["benelux-committee-of-ministers"], 26)

    preparation = operations.mark_preparation(council, ministers, user=None)

    assert MeetingPreparation.objects.get() == preparation
    assert (preparation.preparing, preparation.prepared) == (council, ministers)


def test_the_parliament_does_not_prepare_ministers_meetings(organisations):
    parliament = _meeting(organisations["benelux-parliament"], 12)
    ministers = _meeting(organisations["benelux-committee-of-ministers"], 26)

    with pytest.raises(ValidationError) as error:
        operations.mark_preparation(parliament, ministers, user=None)

    assert list(error.value.message_dict) == ["prepared"]
    assert MeetingPreparation.objects.count() == 0


def test_an_approval_names_the_ministers_meeting(organisations, draft):
    ministers = _meeting(organisations["benelux-committee-of-ministers"], 26)

    approval = operations.approve_version(
        draft,
        user=None,
        body=organisations["benelux-committee-of-ministers"],
        reference="M (2025) 3",
        decided_on=date(2025, 5, 26),
        meeting=ministers,
    )

    assert approval.meeting == ministers

"""The online link of a meeting: on its page and in the CSV export, given only to those who may
read the meeting's content (everybody for a public meeting; registered participants and
organisers for a participants-only one)."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.usefixtures("lexical_only")

LINK = "https://meet.example.org/menen-halluin"


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, datetime.min.time()).replace(hour=hour)


@pytest.fixture
def online(schedule):
    """``online(visibility)``: a meeting next month with an online link."""

    def make(visibility="participants", days=30):
        return schedule(
            visibility=visibility,
            online_url=LINK,
            start=_at(days, 14),
            end=_at(days, 16),
        )

    return make


def _export(client) -> dict[str, str]:
    response = client.get("/en/meetings/export.csv")
    assert response.status_code == 200
    rows = csv.DictReader(io.StringIO(response.content.decode()))
    return {row["id"]: row["online_url"] for row in rows}


def test_the_public_does_not_see_the_link_of_a_participants_meeting(client, online):
    meeting = online("participants")

    html = client.get(f"/en/meetings/{meeting.pk}/").content.decode()

    assert LINK not in html
    assert "<dt>Online</dt><dd>A link is given to registered participants.</dd>" in html


def test_participants_and_organisers_see_the_link(
    client, online, participant_user, editor_of_menen
):
    meeting = online("participants")
    link = f'<a href="{LINK}" rel="external noopener">{LINK}</a>'

    client.force_login(participant_user(meeting))
    assert link in client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    client.force_login(editor_of_menen)
    assert link in client.get(f"/en/meetings/{meeting.pk}/").content.decode()


def test_everybody_sees_the_link_of_a_public_meeting(client, online):
    meeting = online("public")

    html = client.get(f"/en/meetings/{meeting.pk}/").content.decode()

    assert f'<a href="{LINK}" rel="external noopener">{LINK}</a>' in html


def test_the_export_gives_the_link_only_to_those_who_may_read_the_content(
    client, online, participant_user, outsider
):
    closed, public = online("participants"), online("public", days=31)

    assert _export(client) == {str(closed.pk): "", str(public.pk): LINK}
    client.force_login(outsider)
    assert _export(client) == {str(closed.pk): "", str(public.pk): LINK}
    client.force_login(participant_user(closed))
    assert _export(client) == {str(closed.pk): LINK, str(public.pk): LINK}


def test_the_export_gives_organisers_the_links_of_their_meetings(client, online, editor_of_menen):
    closed = online("participants")
    client.force_login(editor_of_menen)

    assert _export(client) == {str(closed.pk): LINK}


def test_the_export_costs_the_same_queries_for_more_closed_meetings(
    client, online, participant_user, django_assert_num_queries
):
    first = online("participants")
    client.force_login(participant_user(first))
    # The filter form's choices (3), session and user (2), the user's roles and memberships
    # (3), the meetings they take part in (1), the meetings with their prefetches (4), then
    # which closed ones they take part in (1; they organise none, so no query for that).
    with django_assert_num_queries(14):
        _export(client)
    online("participants", days=31)
    online("public", days=32)
    with django_assert_num_queries(14):
        rows = _export(client)
    assert sorted(rows.values()) == ["", LINK, LINK]

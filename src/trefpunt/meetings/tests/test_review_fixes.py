"""What the meeting pages reveal to whom: the online link of a participants-only meeting, and
draft practices on an agenda."""

import csv
import io
import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from trefpunt.meetings import operations
from trefpunt.meetings.models import AgendaItem
from trefpunt.organisations.models import Organisation
from trefpunt.practices import operations as practices

LINK = "https://meet.example.org/menen-halluin"


@pytest.fixture(autouse=True)
def _lexical_search(settings):
    settings.TREFPUNT_EMBEDDER = "none"


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


# The online link


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


# Practices on the agenda


@pytest.fixture
def practice(demo_directory):
    """``practice(owner_slug, status)``: a practice of that organisation."""

    def make(owner: str, status: str, title: str):
        return practices.create_practice(
            user=None,
            owner=Organisation.objects.get(slug=owner),
            language="nl",
            title=title,
            status=status,
        )

    return make


def test_a_draft_of_another_organisation_is_refused_on_the_agenda(
    client, schedule, practice, editor_of_menen
):
    meeting = schedule()
    draft = practice("kortrijk", "draft", "Ontwerp van Kortrijk")
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/meetings/{meeting.pk}/agenda/", {"title": "Wonen", "practices": str(draft.pk)}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "practices": [f"No practice has the number(s) {draft.pk}."]
    }
    assert 'id="id_practices_error"' in response.content.decode()
    assert AgendaItem.objects.filter(meeting=meeting).count() == 0


def test_published_practices_and_own_drafts_are_accepted(
    client, schedule, practice, editor_of_menen
):
    meeting = schedule()
    published = practice("kortrijk", "published", "Renovatiecoach")
    own_draft = practice("menen", "draft", "Ontwerp van Menen")
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/meetings/{meeting.pk}/agenda/",
        {"title": "Wonen", "practices": f"{published.pk}, {own_draft.pk}"},
    )

    assert response.status_code == 302
    item = AgendaItem.objects.get(meeting=meeting)
    assert set(item.practices.values_list("pk", flat=True)) == {published.pk, own_draft.pk}


def test_an_item_keeps_a_practice_linked_before_even_if_the_editor_cannot_link_it(
    client, schedule, practice, editor_of_menen
):
    meeting = schedule()
    draft = practice("kortrijk", "draft", "Ontwerp van Kortrijk")
    item = operations.add_agenda_item(meeting, user=None, title="Wonen", practices=[draft])
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/meetings/{meeting.pk}/agenda/{item.pk}/",
        {"title": "Wonen en energie", "practices": str(draft.pk)},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Wonen en energie"
    assert list(item.practices.values_list("pk", flat=True)) == [draft.pk]


def test_a_linked_draft_does_not_show_on_the_public_agenda(
    client, schedule, practice, editor_of_menen
):
    meeting = schedule()
    published = practice("kortrijk", "published", "Renovatiecoach")
    draft = practice("menen", "draft", "Ontwerp van Menen")
    operations.add_agenda_item(meeting, user=None, title="Wonen", practices=[published, draft])

    html = client.get(f"/en/meetings/{meeting.pk}/").content.decode()

    agenda = re.search(r'<ol class="agenda">.*?</ol>', html, re.S).group(0)
    assert "Renovatiecoach" in agenda
    assert "Ontwerp van Menen" not in html
    assert f"/practices/{draft.pk}/" not in html
    client.force_login(editor_of_menen)
    html = client.get(f"/en/meetings/{meeting.pk}/").content.decode()
    assert re.search(r'>Ontwerp van Menen</a> <span class="badge draft">Draft</span>', html), (
        "the organisation's own editors see their draft, marked"
    )

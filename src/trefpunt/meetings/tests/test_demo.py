from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from trefpunt.meetings import access, demo
from trefpunt.meetings.demo.loader import months_before
from trefpunt.meetings.models import (
    Action,
    Decision,
    Meeting,
    Minutes,
    Participant,
    Series,
)
from trefpunt.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_next_first_thursday_is_at_least_thirty_days_ahead():
    assert demo.next_first_thursday(date(2026, 11, 23)) == date(2027, 1, 7)
    assert demo.next_first_thursday(date(2026, 12, 1)) == date(2027, 1, 7)
    assert demo.next_first_thursday(date(2026, 12, 9)) == date(2027, 2, 4)
    assert demo.next_first_thursday(date(2026, 1, 2)) == date(2026, 2, 5)


def test_the_demo_loads_once(demo_meetings):
    assert demo_meetings > 0
    assert demo.load() == 0
    assert Meeting.objects.count() == 6
    assert Meeting.objects.filter(is_demo=True).count() == 6
    assert Series.objects.get().is_demo is True
    assert sorted(
        (m.local_start.date(), m.kind, m.visibility)
        for m in Meeting.objects.exclude(series__isnull=False)
    ) == [
        (date(2021, 11, 16), "bilateral", "public"),
        (date(2021, 11, 25), "strategic", "participants"),
        (date(2024, 6, 24), "strategic", "restricted"),
    ]
    titles = {m.language: m.title for m in Meeting.objects.all()}
    assert set(titles) == {"nl", "fr"}
    assert all(
        {t.language for t in m.translations.all()} == ({"nl", "fr"} - {m.language})
        for m in Meeting.objects.prefetch_related("translations")
    )


def test_the_crisis_centres_meeting_is_restricted_with_participants_only_minutes(
    demo_meetings, client
):
    meeting = Meeting.objects.get(start__date=date(2024, 6, 24))

    assert meeting.organiser.slug == "nccn-be"
    assert [d.number for d in meeting.decisions.all()] == [1, 2]
    assert "vóór het einde van het jaar" in meeting.decisions.get(number=1).text
    assert sorted(meeting.minutes.values_list("language", "status", "visibility")) == [
        ("fr", "approved", "participants"),
        ("nl", "approved", "participants"),
    ]
    assert client.get(f"/api/v1/meetings/{meeting.pk}").status_code == 404
    listed = [item["id"] for item in client.get("/api/v1/meetings?limit=100").json()["items"]]
    assert meeting.pk not in listed


def test_the_eurometropolis_series_carries_its_open_actions_to_the_next_meeting(
    demo_meetings, client
):
    series = Series.objects.get(slug="eurometropolis-local-consultation")
    meetings = list(series.meetings.order_by("start"))

    upcoming_day = demo.next_first_thursday(timezone.localdate())
    assert [m.local_start.date() for m in meetings] == [
        months_before(upcoming_day, 10),
        months_before(upcoming_day, 7),
        upcoming_day,
    ]
    upcoming = meetings[2]
    local = upcoming.local_start
    assert (upcoming.timezone, local.time(), local.weekday(), local.day <= 7) == (
        "Europe/Paris",
        time(14, 0),
        3,
        True,
    )
    assert (local.date() - timezone.localdate()).days >= 30
    assert [(m.sides, m.organiser.slug) for m in meetings] == [("FR,BE", "eurometropolis")] * 3
    assert [
        (c.country, c.person.slug, c.post.role, c.post.organisation.slug)
        for c in upcoming.chairs.select_related("person", "post__organisation")
    ] == [
        ("FR", "marc-duhamel", "mayor", "halluin"),
        ("BE", "anneleen-vercruysse", "mayor", "menen"),
    ]
    assert sorted(
        Action.objects.filter(meeting__series=series).values_list("status", flat=True)
    ) == [
        "done",
        "in_progress",
        "open",
    ]
    carried = list(access.carried_actions(upcoming).order_by("due_date"))
    assert [(a.status, a.owner_name) for a in carried] == [
        ("open", "Pieter Declercq"),
        ("in_progress", "Stad Menen"),
    ]
    for past in meetings[:2]:
        assert sorted(past.minutes.values_list("language", "status")) == [
            ("fr", "approved"),
            ("nl", "approved"),
        ]
    assert Minutes.objects.filter(meeting=upcoming).count() == 0
    assert Decision.objects.filter(meeting__series=series).count() == 3
    statuses = set(
        Participant.objects.filter(meeting__series=series).values_list("status", flat=True)
    )
    assert statuses == {"invited", "registered", "attended", "excused", "declined"}
    delegations = set(
        Participant.objects.filter(meeting=upcoming).values_list(
            "delegation_country", "delegation_level"
        )
    )
    assert delegations == {("FR", "municipal"), ("BE", "municipal"), ("", "regional")}

    data = client.get(f"/api/v1/meetings/{upcoming.pk}?lang=nl").json()
    assert (
        data["title"] == "Frans-Belgisch lokaal overleg: opvolging van de acties en jaarprogramma"
    )
    assert [a["title"] for a in data["carried_actions"]] == [a.title for a in carried]


def test_meetings_of_missing_organisations_are_skipped(demo_directory):

    Organisation.objects.filter(slug="eurometropolis").update(slug="elsewhere")

    demo.load()

    assert Series.objects.count() == 0
    assert Meeting.objects.count() == 3


def test_months_before_is_the_first_thursday_of_an_earlier_month():
    assert months_before(date(2027, 1, 7), 10) == date(2026, 3, 5)
    assert months_before(date(2027, 1, 7), 7) == date(2026, 6, 4)
    assert months_before(date(2027, 1, 7), 0) == date(2027, 1, 7)
    assert months_before(date(2026, 2, 5), 2) == date(2025, 12, 4)


def test_the_demo_series_moves_with_the_day_of_loading(demo_meetings):
    """Actions fall due relative to their meeting and minutes are approved three weeks after
    it, never on the day the demo happens to be installed."""
    meetings = list(
        Series.objects.get(slug="eurometropolis-local-consultation").meetings.order_by("start")
    )
    first, second = meetings[0], meetings[1]
    assert sorted((a.due_date - first.local_start.date()).days for a in first.actions.all()) == [
        85,
        209,
    ]
    assert [(a.due_date - second.local_start.date()).days for a in second.actions.all()] == [267]
    for past in (first, second):
        assert {m.approved_at - past.end for m in past.minutes.all()} == {timedelta(days=21)}


def test_the_english_meeting_list_writes_the_upcoming_date_out(demo_meetings, client):
    day = demo.next_first_thursday(timezone.localdate())
    expected = f"{day.day} {day:%B} {day.year}"  # "7 January 2027" when loaded on 4 Dec 2026
    html = client.get("/en/meetings/").content.decode()
    assert f"{day:%A} {expected}, 14:00</time>" in html

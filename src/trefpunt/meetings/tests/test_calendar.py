from datetime import UTC, datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from trefpunt.meetings import operations
from trefpunt.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def _ics(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def _series(code="menin-halluin"):
    return operations.create_series(
        user=None,
        organiser=Organisation.objects.get(slug="menen"),
        slug=code,
        name="Concertation Menin–Halluin",
        language="fr",
        kind="local_consultation",
        names={"nl": "Overleg Menen–Halluin"},
    )


def test_a_meeting_round_trips_through_icalendar(schedule, client, settings):
    settings.TREFPUNT_SITE_URL = "https://trefpunt.example/"
    meeting = schedule()

    response, calendar = _ics(client, f"/api/v1/meetings/{meeting.pk}.ics?lang=en")

    assert response["Content-Disposition"] == f'attachment; filename="meeting-{meeting.pk}.ics"'
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Trefpunt//Meetings//EN"
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == "Concertation locale Menin–Halluin"
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Brussels"]
    [event] = calendar.events
    assert event["UID"] == f"{meeting.uid}@trefpunt"
    assert event["SEQUENCE"] == 0
    assert event["STATUS"] == "CONFIRMED"
    assert event["SUMMARY"] == "Concertation locale Menin–Halluin"
    assert event["LOCATION"] == "Grote Markt 1, Menen"
    assert event["CATEGORIES"].cats == ["Local consultation"]
    assert event["URL"] == f"https://trefpunt.example/en/meetings/{meeting.pk}/"
    assert event["DESCRIPTION"] == (
        f"Les maires parlent mobilité.\n\nDetails: https://trefpunt.example/en/meetings/{meeting.pk}/"
    )
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    # 14:00 in Brussels on 26 March 2026 is winter time (CET): 13:00 UTC.
    assert event.start.astimezone(UTC) == datetime(2026, 3, 26, 13, 0, tzinfo=UTC)
    assert event.start.astimezone(UTC) == meeting.start
    assert event.end.astimezone(UTC) == meeting.end
    assert event.DTSTAMP == meeting.updated_at.replace(microsecond=0)
    assert event["LAST-MODIFIED"].dt == meeting.updated_at.replace(microsecond=0)
    assert event["ORGANIZER"] == "mailto:trefpunt@localhost"  # the platform, never a person


def test_summer_time_keeps_the_local_hour(schedule, client):
    meeting = schedule(start=datetime(2026, 4, 2, 14, 0), end=datetime(2026, 4, 2, 16, 0))

    _response, calendar = _ics(client, reverse("api:meeting_ics", kwargs={"id": meeting.pk}))

    [event] = calendar.events
    assert event["DTSTART"].to_ical() == b"20260402T140000"
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    # After the switch to summer time (CEST) 14:00 is 12:00 UTC.
    assert event.start.astimezone(UTC) == datetime(2026, 4, 2, 12, 0, tzinfo=UTC)


def test_updates_bump_the_sequence_and_cancelling_cancels_the_event(schedule, client):
    meeting = schedule()
    url = reverse("api:meeting_ics", kwargs={"id": meeting.pk})
    operations.update_meeting(meeting, user=None, version=1, title="Concertation déplacée")

    [event] = _ics(client, url + "?lang=fr")[1].events
    assert (event["SEQUENCE"], event["STATUS"], event["SUMMARY"]) == (
        1,
        "CONFIRMED",
        "Concertation déplacée",
    )

    operations.cancel_meeting(meeting, user=None)
    [event] = _ics(client, url + "?lang=en")[1].events
    assert (event["SEQUENCE"], event["STATUS"], event["SUMMARY"]) == (
        2,
        "CANCELLED",
        "Cancelled: Concertation déplacée",
    )
    assert event["UID"] == f"{meeting.uid}@trefpunt"


def test_the_summary_follows_the_requested_language(schedule, client):
    meeting = schedule()
    operations.save_meeting_translation(
        meeting, user=None, language="nl", title="Lokaal overleg Menen–Halluin"
    )
    url = f"/api/v1/meetings/{meeting.pk}.ics"

    assert _ics(client, url + "?lang=nl")[1].events[0]["SUMMARY"] == "Lokaal overleg Menen–Halluin"
    by_header = _ics(client, url, HTTP_ACCEPT_LANGUAGE="nl-BE,nl;q=0.9")[1]
    assert by_header.events[0]["SUMMARY"] == "Lokaal overleg Menen–Halluin"
    assert _ics(client, url + "?lang=de")[1].events[0]["SUMMARY"] == (
        "Concertation locale Menin–Halluin"
    )


def test_the_organizer_never_publishes_a_persons_address(schedule, client, settings):
    settings.DEFAULT_FROM_EMAIL = "noreply@trefpunt.example"
    meeting = schedule()
    chair = meeting.chairs.order_by("position").first().person
    chair.email = "maire@halluin.example"
    chair.save(update_fields=["email"])

    body, calendar = _ics(client, f"/api/v1/meetings/{meeting.pk}.ics?lang=fr")
    [event] = calendar.events

    assert event["ORGANIZER"] == "mailto:noreply@trefpunt.example"
    assert event["ORGANIZER"].params["CN"] == "Ville de Menin"
    assert b"maire@halluin.example" not in body.content


def test_feeds_leave_out_restricted_meetings_and_hidden_agendas(schedule, client):
    series = _series()
    public = schedule(series=series, title="Publique", online_url="https://meet.example/a")
    operations.add_agenda_item(public, user=None, title="Bus transfrontalier")
    members = schedule(
        series=series,
        title="Entre participants",
        visibility="participants",
        online_url="https://meet.example/b",
        start=datetime(2026, 5, 7, 14, 0),
        end=datetime(2026, 5, 7, 16, 0),
    )
    operations.add_agenda_item(members, user=None, title="Point confidentiel")
    schedule(
        series=series,
        title="Restreinte",
        visibility="restricted",
        start=datetime(2026, 6, 4, 14, 0),
        end=datetime(2026, 6, 4, 16, 0),
    )
    schedule(title="Hors série", start=datetime(2026, 7, 2, 14, 0), end=datetime(2026, 7, 2, 16))

    url = reverse("api:series_ics", kwargs={"slug": series.slug})
    response, calendar = _ics(client, url + "?lang=nl")

    assert response["Content-Disposition"] == 'inline; filename="menin-halluin.ics"'
    assert calendar["X-WR-CALNAME"] == "Overleg Menen–Halluin"
    summaries = [event["SUMMARY"] for event in calendar.events]
    assert summaries == ["Publique", "Entre participants"]
    first, second = calendar.events
    assert "Bus transfrontalier" in first["DESCRIPTION"]
    assert "https://meet.example/a" in first["DESCRIPTION"]
    assert "Point confidentiel" not in second["DESCRIPTION"]
    assert "https://meet.example/b" not in second.to_ical().decode()


def test_the_organisation_feed_has_organised_and_supported_meetings(schedule, client):
    kortrijk = Organisation.objects.get(slug="kortrijk")
    schedule(title="Organisée par Menin")
    schedule(
        title="Soutenue par Menin",
        organiser=kortrijk,
        supporting=[Organisation.objects.get(slug="menen")],
        start=datetime(2026, 5, 7, 14, 0),
        end=datetime(2026, 5, 7, 16, 0),
    )
    schedule(
        title="Sans Menin",
        organiser=kortrijk,
        start=datetime(2026, 6, 4, 14, 0),
        end=datetime(2026, 6, 4, 16, 0),
    )
    schedule(
        title="Restreinte",
        visibility="restricted",
        start=datetime(2026, 6, 5, 14, 0),
        end=datetime(2026, 6, 5, 16, 0),
    )

    url = reverse("api:organisation_ics", kwargs={"slug": "menen"})
    response, calendar = _ics(client, url + "?lang=nl")

    assert url == "/api/v1/organisations/menen/meetings.ics"
    assert response["Content-Disposition"] == 'inline; filename="menen-meetings.ics"'
    assert [event["SUMMARY"] for event in calendar.events] == [
        "Organisée par Menin",
        "Soutenue par Menin",
    ]
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Brussels"]


def test_a_restricted_meeting_is_not_found_for_outsiders_but_served_to_participants(
    schedule, client, participant_user
):
    meeting = schedule(visibility="restricted")
    url = f"/api/v1/meetings/{meeting.pk}.ics"
    assert client.get(url).status_code == 404

    client.force_login(participant_user(meeting))
    _response, calendar = _ics(client, url)
    assert [event["UID"] for event in calendar.events] == [f"{meeting.uid}@trefpunt"]


def test_ics_routes_and_json_routes_do_not_shadow_each_other(schedule, client):
    meeting = schedule()

    assert reverse("api:meeting_ics", kwargs={"id": meeting.pk}) == (
        f"/api/v1/meetings/{meeting.pk}.ics"
    )
    assert reverse("api:series_ics", kwargs={"slug": "x"}) == "/api/v1/meetings/series/x.ics"
    assert client.get(f"/api/v1/meetings/{meeting.pk}").json()["id"] == meeting.pk
    assert client.get(f"/api/v1/meetings/{meeting.pk}.ics")["Content-Type"].startswith(
        "text/calendar"
    )
    assert client.get("/api/v1/meetings/series/nothing.ics").status_code == 404
    assert client.get("/api/v1/organisations/nothing/meetings.ics").status_code == 404
    assert client.get("/api/v1/meetings/999999.ics").status_code == 404

from datetime import UTC as utc
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from trefpunt.meetings import access, operations
from trefpunt.meetings.models import (
    Action,
    ActionStatus,
    Chair,
    Meeting,
    ParticipantStatus,
    Reminder,
    Visibility,
)
from trefpunt.organisations import operations as accounts
from trefpunt.organisations.models import Organisation, Person, Post
from trefpunt.practices import operations as practices
from trefpunt.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def _mayor(slug: str) -> Post:
    return Post.objects.current().get(organisation__slug=slug, role="mayor")


def _chairs():
    halluin, menen = _mayor("halluin"), _mayor("menen")
    return [
        {"person": halluin.person, "post": halluin, "country": None},
        {"person": menen.person, "post": menen, "country": None},
    ]


def _schedule(user, **overrides):
    values = {
        "user": user,
        "organiser": Organisation.objects.get(slug="menen"),
        "kind": "local_consultation",
        "language": "fr",
        "title": "Concertation locale Menin–Halluin",
        "start": datetime(2026, 3, 26, 14, 0),
        "end": datetime(2026, 3, 26, 16, 0),
        "timezone": "Europe/Brussels",
        "address": "Grote Markt 1, Menen",
        "sides": ["FR", "BE"],
        "chairs": _chairs(),
    }
    values.update(overrides)
    return operations.schedule_meeting(**values)


def test_a_binational_meeting_has_a_chair_from_each_side(editor_of_menen):
    meeting = _schedule(editor_of_menen)

    chairs = list(meeting.chairs.order_by("position").values_list("country", "organisation__slug"))
    assert chairs == [("FR", "halluin"), ("BE", "menen")]
    assert meeting.side_countries == ["FR", "BE"]
    # 14:00 in Brussels in March (CET) is 13:00 UTC; stored in UTC, shown in the meeting's zone.
    assert meeting.start == datetime(2026, 3, 26, 13, 0, tzinfo=utc)
    assert meeting.local_start.hour == 14
    assert meeting.history.count() == 1


def test_summer_time_is_applied_in_the_meeting_time_zone(editor_of_menen):
    meeting = _schedule(
        editor_of_menen, start=datetime(2026, 4, 2, 14, 0), end=datetime(2026, 4, 2, 16, 0)
    )
    assert meeting.start == datetime(2026, 4, 2, 12, 0, tzinfo=utc)


def test_a_missing_side_chair_is_named_and_nothing_is_created(editor_of_menen):
    before = (Meeting.objects.count(), Chair.objects.count())
    with pytest.raises(ValidationError) as error:
        _schedule(editor_of_menen, chairs=_chairs()[1:])

    messages = error.value.message_dict["chairs"]
    assert messages == [
        "This bi-national meeting needs a chair from each side: none is given for France (FR)."
    ]
    assert (Meeting.objects.count(), Chair.objects.count()) == before


def test_bad_times_and_zones_get_field_errors(editor_of_menen):
    with pytest.raises(ValidationError) as error:
        _schedule(editor_of_menen, end=datetime(2026, 3, 26, 13, 0))
    assert error.value.message_dict == {"end": ["The end must be after the start."]}

    with pytest.raises(ValidationError) as error:
        _schedule(editor_of_menen, timezone="Europe/Atlantis")
    assert error.value.message_dict == {
        "timezone": ["“Europe/Atlantis” is not a known time zone (e.g. Europe/Brussels)."]
    }

    with pytest.raises(ValidationError) as error:
        _schedule(editor_of_menen, address="", online_url="")
    assert error.value.message_dict == {"online_url": ["Give a place, an online link, or both."]}
    assert Meeting.objects.count() == 0


def test_editors_of_another_organisation_cannot_schedule_or_edit(editor_of_menen, outsider):
    with pytest.raises(PermissionDenied):
        _schedule(outsider)
    meeting = _schedule(editor_of_menen)
    with pytest.raises(PermissionDenied):
        operations.update_meeting(meeting, user=outsider, version=1, title="Hijacked")
    meeting.refresh_from_db()
    assert (meeting.title, meeting.version, meeting.sequence) == (
        "Concertation locale Menin–Halluin",
        1,
        0,
    )


def test_updates_bump_version_and_sequence_and_refuse_stale_versions(editor_of_menen):
    meeting = _schedule(editor_of_menen)
    operations.update_meeting(
        meeting,
        user=editor_of_menen,
        version=1,
        start=datetime(2026, 3, 26, 15, 0),
        end=datetime(2026, 3, 26, 17, 0),
    )
    meeting.refresh_from_db()
    assert (meeting.version, meeting.sequence) == (2, 1)
    assert meeting.start == datetime(2026, 3, 26, 14, 0, tzinfo=utc)

    with pytest.raises(operations.EditConflict):
        operations.update_meeting(meeting, user=editor_of_menen, version=1, title="Old")
    meeting.refresh_from_db()
    assert meeting.title == "Concertation locale Menin–Halluin"

    operations.cancel_meeting(meeting, user=editor_of_menen)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == ("cancelled", 2)


def test_open_actions_carry_over_to_the_next_meeting_of_the_series(editor_of_menen):
    first = _schedule(editor_of_menen)
    decision = operations.record_decision(first, user=editor_of_menen, text="Map the crossings.")
    second_decision = operations.record_decision(first, user=editor_of_menen, text="Report.")
    assert (decision.number, second_decision.number) == (1, 2)
    menen = Organisation.objects.get(slug="menen")
    open_action = operations.assign_action(
        first,
        user=editor_of_menen,
        title="Count cross-border commuters",
        owner_organisation=menen,
        due_date=date(2026, 5, 1),
        decision=decision,
    )
    done_action = operations.assign_action(
        first, user=editor_of_menen, title="Send the map", owner_person=_mayor("halluin").person
    )
    operations.update_action(done_action, user=editor_of_menen, version=1, status="done")

    second = operations.schedule_next_meeting(
        first,
        user=editor_of_menen,
        start=timezone.now() + timedelta(days=30),
        end=timezone.now() + timedelta(days=30, hours=2),
    )

    assert second.series_id == first.series_id is not None
    assert list(second.chairs.values_list("country", flat=True)) == ["FR", "BE"]
    assert list(access.carried_actions(second)) == [open_action]
    assert list(access.carried_actions(first)) == []

    operations.update_action(open_action, user=editor_of_menen, version=1, status="in_progress")
    assert list(access.carried_actions(second)) == [open_action]


def test_an_action_closed_after_a_meeting_started_still_shows_on_its_agenda(editor_of_menen):
    first = _schedule(editor_of_menen)
    action = operations.assign_action(
        first,
        user=editor_of_menen,
        title="Draft the agreement",
        owner_person=_mayor("menen").person,
    )
    second = operations.schedule_next_meeting(
        first,
        user=editor_of_menen,
        start=timezone.now() - timedelta(days=2),
        end=timezone.now() - timedelta(days=2) + timedelta(hours=2),
    )
    operations.update_action(action, user=editor_of_menen, version=1, status="done")
    third = operations.schedule_next_meeting(
        second,
        user=editor_of_menen,
        start=timezone.now() + timedelta(days=30),
        end=timezone.now() + timedelta(days=30, hours=2),
    )
    assert list(access.carried_actions(second)) == [action]
    assert list(access.carried_actions(third)) == []


def test_the_owner_may_update_an_action_but_an_outsider_may_not(
    editor_of_menen, outsider, make_user
):
    meeting = _schedule(editor_of_menen)
    person = _mayor("halluin").person
    owner_user = make_user("marc.duhamel")
    Person.objects.filter(pk=person.pk).update(user=owner_user)
    action = operations.assign_action(
        meeting, user=editor_of_menen, title="Publish the timetable", owner_person=person
    )
    with pytest.raises(PermissionDenied):
        operations.update_action(action, user=outsider, version=1, status="done")
    action.refresh_from_db()
    assert (action.status, action.version, action.closed_at) == (ActionStatus.OPEN, 1, None)

    action.owner_person.refresh_from_db()
    updated = operations.update_action(
        action, user=owner_user, version=1, status="done", notes="Online since May."
    )
    assert updated.status == "done" and updated.closed_at is not None
    assert Action.objects.open().count() == 0


def test_an_action_needs_an_owner(editor_of_menen):
    meeting = _schedule(editor_of_menen)
    with pytest.raises(ValidationError) as error:
        operations.assign_action(meeting, user=editor_of_menen, title="Nobody's job")
    assert error.value.message_dict == {
        "owner": ["Give the action an owner: a person or an organisation."]
    }
    assert Action.objects.count() == 0


def test_invitations_register_fill_the_capacity_then_the_waiting_list(
    editor_of_menen, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = _schedule(
        editor_of_menen,
        start=timezone.now() + timedelta(days=20),
        end=timezone.now() + timedelta(days=20, hours=2),
        capacity=1,
    )
    anneleen, marc = _mayor("menen").person, _mayor("halluin").person
    Person.objects.filter(pk__in=[anneleen.pk, marc.pk]).update(email="mayor@example.org")
    anneleen.refresh_from_db()
    marc.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):  # mailed once stored
        first = operations.invite(meeting, user=editor_of_menen, person=anneleen)
        second = operations.invite(meeting, user=editor_of_menen, person=marc)

    assert (first.language, first.delegation_country, first.delegation_level) == (
        "nl",
        "BE",
        "municipal",
    )
    assert second.language == "fr" and second.delegation_country == "FR"
    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject.startswith("Invitation")  # the test runs with English catalogues
    link = next(line for line in mailoutbox[0].body.splitlines() if "/register/" in line)
    token_one = link.rsplit("/register/", 1)[1].strip("/")
    token_two = (
        next(line for line in mailoutbox[1].body.splitlines() if "/register/" in line)
        .rsplit("/register/", 1)[1]
        .strip("/")
    )
    assert link.startswith("http://127.0.0.1:8000/nl/meetings/register/")

    assert operations.respond(token_one, answer="register").status == ParticipantStatus.REGISTERED
    assert operations.respond(token_two, answer="register").status == ParticipantStatus.WAITING
    operations.respond(token_one, answer="decline")
    second.refresh_from_db()
    assert second.status == ParticipantStatus.REGISTERED

    with pytest.raises(ValidationError):
        operations.respond("not-a-token", answer="register")


def test_minutes_follow_their_visibility(editor_of_menen, outsider, make_user):
    meeting = _schedule(editor_of_menen, visibility=Visibility.PARTICIPANTS)
    minutes = operations.save_minutes(
        meeting,
        user=editor_of_menen,
        language="fr",
        body="<p>Accord sur la carte.</p><script>alert(1)</script>",
    )
    assert minutes.body == "<p>Accord sur la carte.</p>"
    participant_user = make_user("participant")
    person = _mayor("halluin").person
    Person.objects.filter(pk=person.pk).update(user=participant_user)
    operations.invite(meeting, user=editor_of_menen, person=person)

    assert access.readable_minutes(participant_user, meeting) == []  # still a draft
    assert access.readable_minutes(editor_of_menen, meeting) == [minutes]
    operations.approve_minutes(minutes, user=editor_of_menen)
    assert access.readable_minutes(participant_user, meeting) == [minutes]
    assert access.readable_minutes(outsider, meeting) == []
    assert access.readable_minutes(None, meeting) == []
    assert access.can_see_content(participant_user, meeting)
    assert not access.can_see_content(outsider, meeting)

    public = _schedule(editor_of_menen, title="Public", visibility=Visibility.PUBLIC)
    public_minutes = operations.save_minutes(
        public, user=editor_of_menen, language="fr", body="Ouvert.", visibility="public"
    )
    operations.approve_minutes(public_minutes, user=editor_of_menen)
    assert access.readable_minutes(None, public) == [public_minutes]


def test_restricted_meetings_are_hidden_and_not_indexed(editor_of_menen, outsider):
    restricted = _schedule(editor_of_menen, visibility=Visibility.RESTRICTED)
    public = _schedule(editor_of_menen, title="Ouverte")

    assert list(Meeting.objects.visible_to(outsider)) == [public]
    assert set(Meeting.objects.visible_to(editor_of_menen)) == {public, restricted}
    indexed = set(
        SearchDocument.objects.filter(doc_type="meeting").values_list("object_key", flat=True)
    )
    assert indexed == {str(public.pk)}


def test_reminder_rows_are_unique_per_recipient(editor_of_menen):
    meeting = _schedule(editor_of_menen)
    Reminder.objects.create(kind="upcoming_meeting", meeting=meeting, recipient="a@example.org")

    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(kind="upcoming_meeting", meeting=meeting, recipient="a@example.org")


# Who may join a series, what an invitation opens, what a next agenda reveals


def test_a_meeting_joins_only_a_series_of_the_own_organisation(editor_of_menen, editor_of_kortrijk):
    first = _schedule(editor_of_menen)
    second = operations.schedule_next_meeting(
        first,
        user=editor_of_menen,
        start=timezone.now() + timedelta(days=30),
        end=timezone.now() + timedelta(days=30, hours=2),
    )
    with pytest.raises(ValidationError) as error:
        _schedule(
            editor_of_kortrijk,
            organiser=Organisation.objects.get(slug="kortrijk"),
            series=second.series,
            chairs=[],
            sides=[],
        )
    assert error.value.message_dict == {
        "series": ["You may only add meetings to a series your organisation runs."]
    }
    assert Meeting.objects.filter(series=second.series).count() == 2


def test_a_public_agenda_does_not_reveal_actions_of_a_restricted_meeting(editor_of_menen):
    restricted = _schedule(editor_of_menen, visibility=Visibility.RESTRICTED)
    secret = operations.assign_action(
        restricted,
        user=editor_of_menen,
        title="Secret preparation",
        owner_organisation=Organisation.objects.get(slug="menen"),
    )
    public = operations.schedule_next_meeting(
        restricted,
        user=editor_of_menen,
        start=timezone.now() + timedelta(days=30),
        end=timezone.now() + timedelta(days=30, hours=2),
    )
    operations.update_meeting(
        public, user=editor_of_menen, version=public.version, visibility=Visibility.PUBLIC
    )
    public.refresh_from_db()

    assert list(access.carried_actions(public)) == []  # anonymous reader
    assert list(access.carried_actions(public, editor_of_menen)) == [secret]


def test_inviting_a_person_does_not_open_the_meeting_to_their_colleagues(
    editor_of_menen, make_user
):

    meeting = _schedule(editor_of_menen, visibility=Visibility.RESTRICTED)
    colleague = make_user("viewer.halluin")
    halluin = Organisation.objects.get(slug="halluin")
    accounts.add_member(by=None, user=colleague, organisation=halluin, role="viewer")
    operations.invite(meeting, user=editor_of_menen, person=_mayor("halluin").person)

    assert not access.can_see_meeting(colleague, meeting)
    operations.invite(meeting, user=editor_of_menen, organisation=halluin)
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert access.can_see_meeting(colleague, meeting)


def test_editors_of_a_parent_organisation_see_their_sub_units_meetings(curator, make_user):

    team = Organisation.objects.get(slug="sg-team-cross-border")
    meeting = operations.schedule_meeting(
        user=None,
        organiser=team,
        kind="expert",
        language="en",
        title="Team meeting",
        start=datetime(2026, 5, 4, 10, 0),
        end=datetime(2026, 5, 4, 11, 0),
        online_url="https://meet.example.org/team",
        visibility=Visibility.RESTRICTED,
    )
    editor = make_user("editor.secretariat")
    accounts.add_member(
        by=None,
        user=editor,
        organisation=Organisation.objects.get(slug="benelux-secretariat-general"),
        role="editor",
    )
    assert access.can_organise(editor, meeting)
    assert list(Meeting.objects.visible_to(editor)) == [meeting]


def test_agenda_changes_bump_the_calendar_sequence(editor_of_menen):
    meeting = _schedule(editor_of_menen)
    item = operations.add_agenda_item(meeting, user=editor_of_menen, title="Welcome")
    operations.move_agenda_item(item, user=editor_of_menen, position=0)
    operations.remove_agenda_item(item, user=editor_of_menen)
    meeting.refresh_from_db()
    assert meeting.sequence == 3


def test_dates_outside_any_sensible_year_are_field_errors(editor_of_menen, client):
    with pytest.raises(ValidationError) as error:
        _schedule(editor_of_menen, start=datetime(1, 1, 1, 10, 0))
    assert error.value.message_dict["start"] == ["Enter a year between 1900 and 2200."]

    response = client.get("/api/v1/meetings?from=0001-01-01")
    assert response.status_code == 422
    assert response.json()["errors"] == {"from": ["Enter a year between 1900 and 2200."]}


def test_an_agenda_links_only_practices_the_organiser_may_read(editor_of_menen):

    meeting = _schedule(editor_of_menen)
    draft = practices.create_practice(
        user=None,
        language="fr",
        title="Brouillon de Courtrai",
        status="draft",
        owner=Organisation.objects.get(slug="kortrijk"),
    )
    with pytest.raises(ValidationError) as error:
        operations.add_agenda_item(meeting, user=editor_of_menen, title="Ideas", practices=[draft])
    assert error.value.message_dict == {"practices": [f"No practice has the number(s) {draft.pk}."]}
    assert meeting.agenda.count() == 0


def test_an_outsider_learns_nothing_from_updating_a_hidden_action(
    editor_of_menen, outsider, client
):
    restricted = _schedule(editor_of_menen, visibility=Visibility.RESTRICTED)
    action = operations.assign_action(
        restricted,
        user=editor_of_menen,
        title="Hidden",
        owner_organisation=Organisation.objects.get(slug="menen"),
    )
    client.force_login(outsider)
    response = client.post(f"/en/meetings/actions/{action.pk}/update/", {})
    assert response.status_code == 404
    action.refresh_from_db()
    assert (action.status, action.version) == ("open", 1)


def test_absurd_offsets_and_positions_are_refused_not_errors(editor_of_menen, client):
    assert client.get("/api/v1/meetings?offset=99999999999999999999999").status_code == 422
    meeting = _schedule(editor_of_menen)
    item = operations.add_agenda_item(meeting, user=editor_of_menen, title="Welcome")
    client.force_login(editor_of_menen)
    for position in ("²", "9" * 5000):
        response = client.post(
            f"/en/meetings/{meeting.pk}/agenda/{item.pk}/move/", {"position": position}
        )
        assert response.status_code == 400


def test_overlong_titles_and_bad_addresses_are_field_errors(editor_of_menen):
    meeting = _schedule(editor_of_menen)
    with pytest.raises(ValidationError) as error:
        operations.add_agenda_item(meeting, user=editor_of_menen, title="x" * 301)
    assert error.value.message_dict == {"title": ["The title is longer than 300 characters."]}
    with pytest.raises(ValidationError) as error:
        operations.save_meeting_translation(
            meeting, user=editor_of_menen, language="nl", title="x" * 301
        )
    assert error.value.message_dict == {"title": ["The title is longer than 300 characters."]}
    with pytest.raises(ValidationError) as error:
        operations.invite(
            meeting, user=editor_of_menen, person=_mayor("halluin").person, email="not-an-address"
        )
    assert error.value.message_dict == {"email": ["Enter a valid email address."]}
    assert (meeting.agenda.count(), meeting.translations.count(), meeting.participants.count()) == (
        0,
        0,
        0,
    )

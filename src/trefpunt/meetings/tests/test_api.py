from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from trefpunt.meetings import operations
from trefpunt.meetings.models import Action, Decision, Meeting
from trefpunt.organisations.models import Organisation, Person

pytestmark = pytest.mark.django_db


def _series(slug="menin-halluin"):
    return operations.create_series(
        user=None,
        organiser=Organisation.objects.get(slug="menen"),
        slug=slug,
        name="Concertation Menin–Halluin",
        language="fr",
        kind="local_consultation",
    )


def _invite(meeting, slug, status):
    participant = operations.invite(meeting, user=None, person=Person.objects.get(slug=slug))
    if status != "invited":
        operations.set_participant_status(participant, user=None, status=status)
    return participant


def _action(meeting, title, *, person=None, organisation=None, due=None, status="open"):
    action = operations.assign_action(
        meeting,
        user=None,
        title=title,
        owner_person=Person.objects.get(slug=person) if person else None,
        owner_organisation=Organisation.objects.get(slug=organisation) if organisation else None,
        due_date=due,
    )
    if status != "open":
        action = operations.update_action(action, user=None, version=1, status=status)
    return action


# --- List ---------------------------------------------------------------------------------


def test_the_list_has_the_documented_shape(schedule, client):
    series = _series()
    meeting = schedule(series=series)
    _invite(meeting, "sofie-vandamme", "registered")
    _invite(meeting, "hanne-demeulenaere", "invited")
    _invite(meeting, "pieter-declercq", "attended")
    operations.save_meeting_translation(
        meeting, user=None, language="nl", title="Lokaal overleg Menen–Halluin"
    )

    response = client.get("/api/v1/meetings?lang=nl")

    assert response.status_code == 200
    assert response.json() == {
        "count": 1,
        "items": [
            {
                "id": meeting.pk,
                "title": "Lokaal overleg Menen–Halluin",
                "kind": "local_consultation",
                "status": "scheduled",
                "start": "2026-03-26T13:00:00+00:00",
                "end": "2026-03-26T15:00:00+00:00",
                "timezone": "Europe/Brussels",
                "series": "menin-halluin",
                "visibility": "public",
                "chairs": [
                    {"name": "Marc Duhamel", "country": "FR", "organisation": "Stad Halewijn"},
                    {"name": "Anneleen Vercruysse", "country": "BE", "organisation": "Stad Menen"},
                ],
                "participants_count": 2,
                "url": f"http://testserver/nl/meetings/{meeting.pk}/",
                "ics": f"http://testserver/api/v1/meetings/{meeting.pk}.ics",
            }
        ],
    }


def test_the_list_filters_by_series_kind_period_and_organisation(schedule, client):
    series = _series()
    kortrijk = Organisation.objects.get(slug="kortrijk")
    march = schedule(series=series, title="Mars")
    april = schedule(
        title="Avril",
        kind="workshop",
        start=datetime(2026, 4, 2, 9, 0),
        end=datetime(2026, 4, 2, 12, 0),
    )
    may = schedule(
        title="Mai",
        organiser=kortrijk,
        supporting=[Organisation.objects.get(slug="wervik")],
        start=datetime(2026, 5, 7, 14, 0),
        end=datetime(2026, 5, 7, 16, 0),
    )

    def ids(query):
        response = client.get(f"/api/v1/meetings?{query}")
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]]

    assert ids("") == [march.pk, april.pk, may.pk]
    assert ids("series=menin-halluin") == [march.pk]
    assert ids("kind=workshop") == [april.pk]
    assert ids("from=2026-04-01") == [april.pk, may.pk]
    assert ids("to=2026-04-02") == [march.pk, april.pk]
    assert ids("from=2026-04-02&to=2026-04-02") == [april.pk]
    assert ids("from=2026-04-02T11:00:00%2B02:00") == [april.pk, may.pk]
    assert ids("from=2026-04-02T12:30:00") == [may.pk]
    assert ids("organisation=wervik") == [may.pk]
    assert ids("organisation=kortrijk") == [may.pk]
    assert ids("organisation=menen") == [march.pk, april.pk]
    assert ids("limit=1&offset=1") == [april.pk]
    assert client.get("/api/v1/meetings?limit=1").json()["count"] == 3


def test_bad_filters_get_field_errors(schedule, client):
    schedule()

    response = client.get("/api/v1/meetings?from=next-week")
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Some fields are not valid.",
        "errors": {
            "from": ["Enter a date (2026-03-26) or a date and time (2026-03-26T14:00:00+01:00)."]
        },
    }
    response = client.get("/api/v1/meetings?from=2026-05-01&to=2026-04-01")
    assert response.status_code == 422
    assert response.json()["errors"] == {"to": ["The end of the period is before its start."]}
    response = client.get("/api/v1/meetings?series=nothing&organisation=nobody")
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "series": ["No series has the identifier nothing."],
        "organisation": ["No organisation has the identifier nobody."],
    }
    response = client.get("/api/v1/meetings?kind=party")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["kind"]


def test_restricted_meetings_are_listed_only_for_those_who_may_see_them(
    schedule, client, participant_user, api_client_with_token
):
    public = schedule(title="Publique")
    restricted = schedule(
        title="Restreinte",
        visibility="restricted",
        start=datetime(2026, 4, 2, 14, 0),
        end=datetime(2026, 4, 2, 16, 0),
    )
    user = participant_user(restricted)

    anonymous = client.get("/api/v1/meetings").json()
    assert [item["id"] for item in anonymous["items"]] == [public.pk]
    with_token = api_client_with_token(user).get("/api/v1/meetings").json()
    assert [item["id"] for item in with_token["items"]] == [public.pk, restricted.pk]
    bad_token = client.get("/api/v1/meetings", HTTP_AUTHORIZATION="Bearer nonsense")
    assert bad_token.status_code == 401


def test_the_list_costs_the_same_queries_for_one_or_many_meetings(
    schedule, client, django_assert_max_num_queries
):
    def measure():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/meetings?lang=nl")
        assert response.status_code == 200
        return len(queries), response.json()["count"]

    first = schedule()
    _invite(first, "sofie-vandamme", "registered")
    one = measure()
    for day in (2, 9, 16, 23):
        meeting = schedule(start=datetime(2026, 4, day, 14), end=datetime(2026, 4, day, 16))
        operations.save_meeting_translation(meeting, user=None, language="nl", title="Overleg")
        _invite(meeting, "sofie-vandamme", "registered")
    many = measure()

    assert (one[1], many[1]) == (1, 5)
    assert one[0] == many[0]
    with django_assert_max_num_queries(5):
        client.get("/api/v1/meetings?lang=nl&series=")


# --- Detail -------------------------------------------------------------------------------


def _meeting_with_records(schedule, **overrides):
    meeting = schedule(**overrides)
    item = operations.add_agenda_item(
        meeting,
        user=None,
        title="Bus transfrontalier",
        presenter=Person.objects.get(slug="pieter-declercq"),
        duration_minutes=30,
    )
    decision = operations.record_decision(
        meeting, user=None, text="Étudier une ligne de bus.", agenda_item=item
    )
    operations.assign_action(
        meeting,
        user=None,
        title="Rédiger la note",
        owner_organisation=Organisation.objects.get(slug="menen"),
        due_date=date(2027, 1, 29),
        decision=decision,
    )
    for language, visibility in (("fr", "public"), ("nl", "participants")):
        minutes = operations.save_minutes(
            meeting,
            user=None,
            language=language,
            body="<p>Compte rendu.</p>",
            visibility=visibility,
        )
        operations.approve_minutes(minutes, user=None)
    return meeting, item


def test_the_detail_shows_the_content_of_a_public_meeting(schedule, client):
    meeting, item = _meeting_with_records(schedule)
    action = Action.objects.get()

    data = client.get(f"/api/v1/meetings/{meeting.pk}?lang=fr").json()

    assert data["content_visible"] is True
    assert data["agenda"] == [
        {
            "id": item.pk,
            "position": 0,
            "title": "Bus transfrontalier",
            "description": "",
            "presenter": {"slug": "pieter-declercq", "name": "Pieter Declercq"},
            "duration_minutes": 30,
            "document_url": "",
            "practices": [],
        }
    ]
    assert data["decisions"] == [
        {"number": 1, "language": "fr", "text": "Étudier une ligne de bus.", "agenda_item": item.pk}
    ]
    assert data["actions"] == [
        {
            "id": action.pk,
            "title": "Rédiger la note",
            "status": "open",
            "due_date": "2027-01-29",
            "overdue": False,
            "owner": {"type": "organisation", "slug": "menen", "name": "Ville de Menin"},
            "meeting": {
                "id": meeting.pk,
                "title": "Concertation locale Menin–Halluin",
                "url": f"http://testserver/fr/meetings/{meeting.pk}/",
            },
            "decision": 1,
            "notes": "",
            "version": 1,
        }
    ]
    # The participants-only minutes stay hidden from the public.
    assert [(m["language"], m["visibility"]) for m in data["minutes"]] == [("fr", "public")]
    assert (data["organiser"], data["sides"], data["version"]) == (
        {"slug": "menen", "name": "Ville de Menin"},
        ["FR", "BE"],
        1,
    )


def test_participants_read_the_minutes_meant_for_them(
    schedule, participant_user, api_client_with_token, client
):
    meeting, _item = _meeting_with_records(schedule)
    user = participant_user(meeting)

    data = api_client_with_token(user).get(f"/api/v1/meetings/{meeting.pk}").json()
    assert [(m["language"], m["visibility"]) for m in data["minutes"]] == [
        ("fr", "public"),
        ("nl", "participants"),
    ]
    client.force_login(user)
    data = client.get(f"/api/v1/meetings/{meeting.pk}").json()
    assert [m["language"] for m in data["minutes"]] == ["fr", "nl"]


def test_the_content_of_a_participants_only_meeting_is_hidden_from_others(
    schedule, client, participant_user, api_client_with_token
):
    meeting, _item = _meeting_with_records(
        schedule, visibility="participants", online_url="https://meet.example/x"
    )

    data = client.get(f"/api/v1/meetings/{meeting.pk}").json()
    assert data["title"] == "Concertation locale Menin–Halluin"
    assert data["content_visible"] is False
    assert (
        data["agenda"],
        data["decisions"],
        data["actions"],
        data["carried_actions"],
        data["minutes"],
        data["online_url"],
    ) == ([], [], [], [], [], "")

    data = (
        api_client_with_token(participant_user(meeting))
        .get(f"/api/v1/meetings/{meeting.pk}")
        .json()
    )
    assert data["content_visible"] is True
    assert [item["title"] for item in data["agenda"]] == ["Bus transfrontalier"]
    assert data["online_url"] == "https://meet.example/x"
    assert [m["language"] for m in data["minutes"]] == ["fr", "nl"]


def test_a_restricted_meeting_is_not_found_for_others(schedule, client, participant_user):
    meeting = schedule(visibility="restricted")

    response = client.get(f"/api/v1/meetings/{meeting.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": f"No meeting has the number {meeting.pk}."}
    client.force_login(participant_user(meeting))
    assert client.get(f"/api/v1/meetings/{meeting.pk}").status_code == 200


def test_open_actions_of_the_series_are_carried_to_the_next_meeting(schedule, client):
    series = _series()
    first = schedule(series=series)
    open_ = _action(first, "Encore ouverte", person="pieter-declercq", due=date(2026, 4, 1))
    _action(first, "Terminée", organisation="menen", status="done")
    # The done action was closed today, before the next meeting: it does not carry over.
    second = schedule(series=series, start=datetime(2027, 1, 7, 14), end=datetime(2027, 1, 7, 16))

    data = client.get(f"/api/v1/meetings/{second.pk}").json()

    assert [(a["id"], a["overdue"]) for a in data["carried_actions"]] == [(open_.pk, True)]
    assert data["actions"] == []


# --- Actions ------------------------------------------------------------------------------


def test_the_action_list_filters_and_hides_what_the_caller_cannot_read(
    schedule, client, participant_user, api_client_with_token
):
    series = _series()
    public = schedule(series=series)
    overdue = _action(public, "En retard", person="pieter-declercq", due=date(2026, 1, 15))
    going = _action(
        public, "En cours", organisation="menen", due=date(2027, 12, 31), status="in_progress"
    )
    _action(public, "Faite", organisation="menen", status="done")
    members = schedule(
        title="Entre participants",
        visibility="participants",
        start=datetime(2026, 4, 2, 14),
        end=datetime(2026, 4, 2, 16),
    )
    hidden = _action(members, "Cachée", organisation="menen", due=date(2026, 2, 1))
    wervik = _action(public, "Wervik", organisation="wervik", due=date(2027, 6, 30))

    def ids(query, reader=client):
        response = reader.get(f"/api/v1/actions?{query}")
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["items"]]

    assert ids("status=open") == [overdue.pk, wervik.pk, going.pk]
    assert ids("status=in_progress") == [going.pk]
    assert ids("overdue=true") == [overdue.pk]
    assert ids("owner=pieter-declercq") == [overdue.pk]
    assert ids("owner=menen&status=open") == [going.pk]
    assert ids("owner=wervik") == [wervik.pk]
    assert ids("series=menin-halluin&status=open") == [overdue.pk, wervik.pk, going.pk]
    assert ids("overdue=false&status=open") == [wervik.pk, going.pk]
    token = api_client_with_token(participant_user(members))
    assert ids("status=open", token) == [overdue.pk, hidden.pk, wervik.pk, going.pk]

    item = client.get("/api/v1/actions?overdue=true&lang=nl").json()["items"][0]
    assert item == {
        "id": overdue.pk,
        "title": "En retard",
        "status": "open",
        "due_date": "2026-01-15",
        "overdue": True,
        "owner": {"type": "person", "slug": "pieter-declercq", "name": "Pieter Declercq"},
        "meeting": {
            "id": public.pk,
            "title": "Concertation locale Menin–Halluin",
            "url": f"http://testserver/nl/meetings/{public.pk}/",
        },
        "decision": None,
        "notes": "",
        "version": 1,
    }
    response = client.get("/api/v1/actions?owner=nobody")
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "owner": ["No person or organisation has the identifier nobody."]
    }


# --- Writes -------------------------------------------------------------------------------


def _payload(**overrides):
    payload = {
        "organiser": "menen",
        "kind": "local_consultation",
        "language": "fr",
        "title": "Concertation par l'API",
        "start": "2026-03-26T14:00:00",
        "end": "2026-03-26T16:00:00",
        "timezone": "Europe/Brussels",
        "territory": "BE-NIS:34027",
        "sides": ["FR", "BE"],
        "supporting": ["eurometropolis"],
        "chairs": [
            {"person": "marc-duhamel", "post": None, "country": "FR"},
            {"person": "anneleen-vercruysse", "post": None, "country": "BE"},
        ],
    }
    payload.update(overrides)
    return payload


def test_writes_need_a_token(demo_directory, client):
    response = client.post("/api/v1/meetings", _payload(), content_type="application/json")

    assert response.status_code == 401
    assert Meeting.objects.count() == 0


def test_an_editor_of_another_organisation_is_refused_and_nothing_changes(
    editor_of_kortrijk, api_client_with_token
):
    client = api_client_with_token(editor_of_kortrijk)

    response = client.post("/api/v1/meetings", _payload(), content_type="application/json")

    assert response.status_code == 403
    assert response.json() == {
        "detail": "You may only organise meetings for your own organisation."
    }
    assert Meeting.objects.count() == 0


def test_the_organiser_schedules_a_meeting_through_the_api(editor_of_menen, api_client_with_token):
    client = api_client_with_token(editor_of_menen)

    response = client.post("/api/v1/meetings?lang=fr", _payload(), content_type="application/json")

    assert response.status_code == 201, response.content
    meeting = Meeting.objects.get()
    data = response.json()
    assert (data["id"], data["start"], data["end"], data["timezone"]) == (
        meeting.pk,
        "2026-03-26T13:00:00+00:00",
        "2026-03-26T15:00:00+00:00",
        "Europe/Brussels",
    )
    assert meeting.start == datetime(2026, 3, 26, 13, 0, tzinfo=UTC)
    assert [(c["name"], c["country"]) for c in data["chairs"]] == [
        ("Marc Duhamel", "FR"),
        ("Anneleen Vercruysse", "BE"),
    ]
    assert data["supporting"] == [
        {"slug": "eurometropolis", "name": "Agence de l'Eurométropole Lille-Kortrijk-Tournai"}
    ]
    assert data["territory"]["code"] == "BE-NIS:34027"
    assert data["content_visible"] is True


def test_unknown_identifiers_are_field_errors(editor_of_menen, api_client_with_token):
    client = api_client_with_token(editor_of_menen)
    payload = _payload(
        organiser="nobody",
        territory="XX:0",
        series="nothing",
        supporting=["ghost"],
        chairs=[{"person": "no-one", "post": 999999}],
    )

    response = client.post("/api/v1/meetings", payload, content_type="application/json")

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "organiser": ["No organisation has the identifier nobody."],
        "series": ["No series has the identifier nothing."],
        "territory": ["No territory has the code XX:0."],
        "supporting": ["No organisation has the identifier ghost."],
        "chairs": ["No person has the identifier no-one.", "No post has the number 999999."],
    }
    assert Meeting.objects.count() == 0
    response = client.post(
        "/api/v1/meetings",
        _payload(end="2026-03-26T13:00:00+01:00"),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {"end": ["The end must be after the start."]}


def test_changing_a_meeting_needs_the_current_version_and_the_right(
    schedule, editor_of_menen, editor_of_kortrijk, api_client_with_token
):
    meeting = schedule()
    url = f"/api/v1/meetings/{meeting.pk}"
    organiser = api_client_with_token(editor_of_menen)

    response = organiser.patch(url, {"title": "Sans version"}, content_type="application/json")
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["version"]

    other = api_client_with_token(editor_of_kortrijk)
    response = other.patch(url, {"version": 1, "title": "Pris"}, content_type="application/json")
    assert response.status_code == 403

    response = organiser.patch(
        url,
        {
            "version": 1,
            "title": "Déplacée",
            "start": "2026-04-02T14:00:00+02:00",
            "end": "2026-04-02T16:00:00+02:00",
        },
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert (response.json()["title"], response.json()["version"]) == ("Déplacée", 2)
    meeting.refresh_from_db()
    assert (meeting.start, meeting.sequence) == (datetime(2026, 4, 2, 12, tzinfo=UTC), 1)

    response = organiser.patch(
        url, {"version": 1, "title": "Vieux"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["__all__"]
    meeting.refresh_from_db()
    assert (meeting.title, meeting.version) == ("Déplacée", 2)


def test_decisions_and_actions_are_recorded_by_the_organiser(
    schedule, editor_of_menen, editor_of_kortrijk, api_client_with_token
):
    meeting = schedule()
    organiser = api_client_with_token(editor_of_menen)
    other = api_client_with_token(editor_of_kortrijk)
    decisions = f"/api/v1/meetings/{meeting.pk}/decisions"
    actions = f"/api/v1/meetings/{meeting.pk}/actions"

    refused = other.post(decisions, {"text": "Non."}, content_type="application/json")
    assert refused.status_code == 403
    assert Decision.objects.count() == 0

    response = organiser.post(
        decisions, {"text": "Étudier le bus."}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json() == {
        "number": 1,
        "language": "fr",
        "text": "Étudier le bus.",
        "agenda_item": None,
    }

    bad = organiser.post(
        actions,
        {"title": "Note", "owner_person": "nobody", "decision": 7},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert bad.json()["errors"] == {
        "owner_person": ["No person has the identifier nobody."],
        "decision": ["This meeting has no decision 7."],
    }
    response = organiser.post(
        actions,
        {"title": "Note", "owner_organisation": "menen", "decision": 1, "due_date": "2027-01-29"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["title"], data["owner"]["slug"], data["decision"], data["due_date"]) == (
        "Note",
        "menen",
        1,
        "2027-01-29",
    )
    assert Action.objects.count() == 1


def test_an_action_is_updated_by_its_owner_with_its_version(
    schedule, participant_user, outsider, api_client_with_token
):
    meeting = schedule()
    user = participant_user(meeting)
    action = _action(meeting, "Permanence", person="sofie-vandamme", due=date(2027, 1, 29))
    url = f"/api/v1/actions/{action.pk}"

    refused = api_client_with_token(outsider).patch(
        url, {"version": 1, "status": "done"}, content_type="application/json"
    )
    assert refused.status_code == 403
    action.refresh_from_db()
    assert (action.status, action.version) == ("open", 1)

    owner = api_client_with_token(user)
    response = owner.patch(
        url,
        {"version": 1, "status": "in_progress", "notes": "Salle réservée."},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["notes"], response.json()["version"]) == (
        "in_progress",
        "Salle réservée.",
        2,
    )
    stale = owner.patch(url, {"version": 1, "status": "done"}, content_type="application/json")
    assert stale.status_code == 422
    assert owner.patch(url, {"status": "done"}, content_type="application/json").status_code == 422
    action.refresh_from_db()
    assert (action.status, action.version) == ("in_progress", 2)
    assert (
        owner.patch(
            "/api/v1/actions/999999", {"version": 1}, content_type="application/json"
        ).status_code
        == 404
    )

"""The token writes of agenda items, invitations, attendance, minutes and translations."""

import pytest

from trefpunt.meetings import operations
from trefpunt.meetings.models import AgendaItem, MeetingTranslation, Minutes, Participant
from trefpunt.organisations.models import Organisation, Person
from trefpunt.practices import operations as practices

pytestmark = pytest.mark.django_db

NO_RIGHT = "Only curators and editors of the organising organisation may change this meeting."
BAD_LANGUAGE = "String should match pattern '^(nl|fr|de|en|lb)$'"


def _practice(title, *, status="published", owner="menen"):

    return practices.create_practice(
        user=None,
        language="fr",
        title=title,
        status=status,
        owner=Organisation.objects.get(slug=owner),
    )


def _post(client, url, payload):
    return client.post(url, payload, content_type="application/json")


def _put(client, url, payload):
    return client.put(url, payload, content_type="application/json")


def _patch(client, url, payload):
    return client.patch(url, payload, content_type="application/json")


# --- Agenda ---------------------------------------------------------------------------------


def test_the_organiser_adds_an_agenda_item(schedule, editor_of_menen, api_client_with_token):
    meeting = schedule()
    practice = _practice("Bus transfrontalier Menin–Halluin")
    payload = {
        "title": "  Mobilité  ",
        "description": "<p>Le bus <script>alert(1)</script>42</p>",
        "presenter": "marc-duhamel",
        "duration_minutes": 30,
        "practices": [practice.pk],
        "document_url": "https://example.org/plan.pdf",
    }

    response = _post(
        api_client_with_token(editor_of_menen), f"/api/v1/meetings/{meeting.pk}/agenda", payload
    )

    assert response.status_code == 201, response.content
    item = AgendaItem.objects.get()
    assert response.json() == {
        "id": item.pk,
        "position": 0,
        "title": "Mobilité",
        "description": "<p>Le bus 42</p>",
        "presenter": {"slug": "marc-duhamel", "name": "Marc Duhamel"},
        "duration_minutes": 30,
        "document_url": "https://example.org/plan.pdf",
        "practices": [{"id": practice.pk, "title": "Bus transfrontalier Menin–Halluin"}],
    }
    assert (item.meeting_id, item.presenter.slug, list(item.practices.all())) == (
        meeting.pk,
        "marc-duhamel",
        [practice],
    )
    meeting.refresh_from_db()
    assert meeting.sequence == 1  # calendars take the new agenda

    second = _post(
        api_client_with_token(editor_of_menen),
        f"/api/v1/meetings/{meeting.pk}/agenda",
        {"title": "Divers"},
    )
    assert second.status_code == 201
    assert (second.json()["position"], second.json()["presenter"]) == (1, None)


def test_adding_an_agenda_item_needs_a_token_and_the_right(
    schedule, editor_of_kortrijk, api_client_with_token, client
):
    meeting = schedule()
    url = f"/api/v1/meetings/{meeting.pk}/agenda"

    assert _post(client, url, {"title": "Mobilité"}).status_code == 401
    refused = _post(api_client_with_token(editor_of_kortrijk), url, {"title": "Mobilité"})

    assert refused.status_code == 403
    assert refused.json() == {"detail": NO_RIGHT}
    assert AgendaItem.objects.count() == 0
    meeting.refresh_from_db()
    assert meeting.sequence == 0


def test_bad_agenda_items_are_field_errors_and_change_nothing(
    schedule, editor_of_menen, api_client_with_token
):
    meeting = schedule()
    draft = _practice("Brouillon de Courtrai", status="draft", owner="kortrijk")
    client = api_client_with_token(editor_of_menen)
    url = f"/api/v1/meetings/{meeting.pk}/agenda"

    response = _post(
        client, url, {"title": "Mobilité", "presenter": "nobody", "practices": [draft.pk, 999999]}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "presenter": ["No person has the identifier nobody."],
        "practices": [f"No practice has the number(s) {draft.pk}, 999999."],
    }

    response = _post(client, url, {"title": "  ", "duration_minutes": 0, "document_url": "ftp://x"})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "title": ["Give the agenda item a title."],
        "duration_minutes": ["A duration is between 1 and 1,440 minutes."],
        "document_url": ["Enter a web address starting with https://."],
    }
    assert AgendaItem.objects.count() == 0
    response = _post(client, "/api/v1/meetings/999999/agenda", {"title": "Mobilité"})
    assert response.status_code == 404
    assert response.json() == {"detail": "No meeting has the number 999999."}


# --- Invitations and attendance -------------------------------------------------------------


def test_the_organiser_invites_a_person_who_is_mailed(
    schedule,
    editor_of_menen,
    api_client_with_token,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    meeting = schedule()
    client = api_client_with_token(editor_of_menen)

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client,
            f"/api/v1/meetings/{meeting.pk}/participants",
            {"person": "marc-duhamel", "email": "maire@halluin.example"},
        )

    assert response.status_code == 201, response.content
    participant = Participant.objects.get()
    assert response.json() == {
        "id": participant.pk,
        "name": "Marc Duhamel",
        "status": "invited",
        "delegation_country": "FR",
        "delegation_level": "municipal",
        "mailed": True,
    }
    assert (participant.meeting_id, participant.person.slug, participant.language) == (
        meeting.pk,
        "marc-duhamel",
        "fr",
    )
    assert [mail.to for mail in mailoutbox] == [["maire@halluin.example"]]
    assert "/fr/meetings/register/" in mailoutbox[0].body


def test_an_organisation_without_an_address_is_invited_without_a_mail(
    schedule,
    editor_of_menen,
    api_client_with_token,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    meeting = schedule()

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            api_client_with_token(editor_of_menen),
            f"/api/v1/meetings/{meeting.pk}/participants?lang=nl",
            {"organisation": "halluin", "delegation_level": "regional"},
        )

    assert response.status_code == 201, response.content
    participant = Participant.objects.get()
    assert response.json() == {
        "id": participant.pk,
        "name": Organisation.objects.get(slug="halluin").name_in("nl"),
        "status": "invited",
        "delegation_country": "FR",
        "delegation_level": "regional",
        "mailed": False,
    }
    assert (participant.person, participant.organisation.slug) == (None, "halluin")
    assert mailoutbox == []


def test_inviting_needs_a_token_and_the_right(
    schedule, editor_of_kortrijk, api_client_with_token, client, mailoutbox
):
    meeting = schedule()
    url = f"/api/v1/meetings/{meeting.pk}/participants"

    assert _post(client, url, {"person": "marc-duhamel"}).status_code == 401
    refused = _post(api_client_with_token(editor_of_kortrijk), url, {"person": "marc-duhamel"})

    assert refused.status_code == 403
    assert refused.json() == {"detail": NO_RIGHT}
    assert Participant.objects.count() == 0
    assert mailoutbox == []


def test_bad_invitations_are_field_errors_and_change_nothing(
    schedule, editor_of_menen, api_client_with_token
):
    meeting = schedule()
    client = api_client_with_token(editor_of_menen)
    url = f"/api/v1/meetings/{meeting.pk}/participants"

    response = _post(
        client, url, {"person": "nobody", "organisation": "ghost", "email": "not an address"}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "person": ["No person has the identifier nobody."],
        "organisation": ["No organisation has the identifier ghost."],
        "email": ["Enter a valid email address."],
    }
    response = _post(client, url, {"person": "marc-duhamel", "organisation": "halluin"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"person": ["Invite either a person or an organisation."]}
    response = _post(client, url, {"person": "marc-duhamel", "delegation_level": "global"})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["delegation_level"]
    assert Participant.objects.count() == 0


def test_the_organiser_sets_a_participants_status(
    schedule, editor_of_menen, editor_of_kortrijk, api_client_with_token, client
):
    meeting = schedule()
    participant = operations.invite(
        meeting, user=None, person=Person.objects.get(slug="marc-duhamel")
    )
    url = f"/api/v1/participants/{participant.pk}"

    assert _patch(client, url, {"status": "registered"}).status_code == 401
    refused = _patch(api_client_with_token(editor_of_kortrijk), url, {"status": "registered"})
    assert refused.status_code == 403
    assert refused.json() == {"detail": NO_RIGHT}
    organiser = api_client_with_token(editor_of_menen)
    bad = _patch(organiser, url, {"status": "maybe"})
    assert bad.status_code == 422
    assert list(bad.json()["errors"]) == ["status"]
    participant.refresh_from_db()
    assert participant.status == "invited"

    response = _patch(organiser, url, {"status": "registered"})

    assert response.status_code == 200, response.content
    assert response.json() == {
        "id": participant.pk,
        "name": "Marc Duhamel",
        "status": "registered",
        "delegation_country": "FR",
        "delegation_level": "municipal",
        "mailed": False,
    }
    participant.refresh_from_db()
    assert participant.status == "registered"


def test_participants_of_hidden_meetings_are_not_found(
    schedule, editor_of_kortrijk, api_client_with_token
):
    meeting = schedule(visibility="restricted")
    participant = operations.invite(
        meeting, user=None, person=Person.objects.get(slug="marc-duhamel")
    )
    client = api_client_with_token(editor_of_kortrijk)

    response = _patch(client, f"/api/v1/participants/{participant.pk}", {"status": "attended"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    response = _post(client, f"/api/v1/meetings/{meeting.pk}/participants", {"person": "x"})
    assert response.status_code == 404
    assert response.json() == {"detail": f"No meeting has the number {meeting.pk}."}
    assert _patch(client, "/api/v1/participants/999999", {"status": "attended"}).status_code == 404
    participant.refresh_from_db()
    assert participant.status == "invited"


# --- Minutes --------------------------------------------------------------------------------


def test_the_organiser_writes_minutes_with_their_version(
    schedule, editor_of_menen, api_client_with_token
):
    meeting = schedule()
    client = api_client_with_token(editor_of_menen)
    url = f"/api/v1/meetings/{meeting.pk}/minutes/lb"

    response = _put(client, url, {"body": "<p>D'Buergermeeschteren <em>schwätzen</em>.</p>"})

    assert response.status_code == 200, response.content
    assert response.json() == {
        "language": "lb",
        "status": "draft",
        "visibility": "participants",
        "version": 1,
        "body": "<p>D'Buergermeeschteren <em>schwätzen</em>.</p>",
    }
    response = _put(client, url, {"body": "Nei.", "visibility": "public", "version": 1})
    assert response.status_code == 200
    assert (response.json()["body"], response.json()["visibility"]) == ("Nei.", "public")
    assert response.json()["version"] == 2
    stale = _put(client, url, {"body": "Al.", "version": 1})
    assert stale.status_code == 422
    assert list(stale.json()["errors"]) == ["__all__"]
    minutes = Minutes.objects.get()
    assert (minutes.meeting_id, minutes.language, minutes.body, minutes.version) == (
        meeting.pk,
        "lb",
        "Nei.",
        2,
    )


def test_writing_minutes_needs_a_token_the_right_and_a_language(
    schedule, editor_of_menen, editor_of_kortrijk, api_client_with_token, client
):
    meeting = schedule()
    url = f"/api/v1/meetings/{meeting.pk}/minutes"
    organiser = api_client_with_token(editor_of_menen)

    assert _put(client, f"{url}/fr", {"body": "Notes."}).status_code == 401
    refused = _put(api_client_with_token(editor_of_kortrijk), f"{url}/fr", {"body": "Notes."})
    assert refused.status_code == 403
    assert refused.json() == {"detail": NO_RIGHT}
    bad = _put(organiser, f"{url}/es", {"body": "Notas."})
    assert bad.status_code == 422
    assert bad.json()["errors"] == {"lang": [BAD_LANGUAGE]}
    bad = _put(organiser, f"{url}/fr", {"body": "<p> </p>", "visibility": "everyone"})
    assert bad.status_code == 422
    assert list(bad.json()["errors"]) == ["visibility"]
    empty = _put(organiser, f"{url}/fr", {"body": "<script>x</script>"})
    assert empty.status_code == 422
    assert empty.json()["errors"] == {"body": ["The minutes are empty."]}
    assert Minutes.objects.count() == 0


def test_approved_minutes_for_participants_are_read_by_participants_only(
    schedule,
    editor_of_menen,
    editor_of_kortrijk,
    participant_user,
    api_client_with_token,
    client,
):
    meeting = schedule()
    operations.save_minutes(meeting, user=None, language="fr", body="Accord sur le bus.")
    organiser = api_client_with_token(editor_of_menen)
    url = f"/api/v1/meetings/{meeting.pk}/minutes"

    assert client.post(f"{url}/fr/approve").status_code == 401
    refused = api_client_with_token(editor_of_kortrijk).post(f"{url}/fr/approve")
    assert refused.status_code == 403
    assert Minutes.objects.get().status == "draft"
    missing = organiser.post(f"{url}/de/approve")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Not found."}
    assert organiser.post(f"{url}/xx/approve").json()["errors"] == {"lang": [BAD_LANGUAGE]}

    response = organiser.post(f"{url}/fr/approve")

    assert response.status_code == 200, response.content
    assert response.json() == {
        "language": "fr",
        "status": "approved",
        "visibility": "participants",
        "version": 2,
        "body": "Accord sur le bus.",
    }
    minutes = Minutes.objects.get()
    assert (minutes.status, minutes.approved_by) == ("approved", editor_of_menen)
    detail = f"/api/v1/meetings/{meeting.pk}"
    assert client.get(detail).json()["minutes"] == []
    participant = api_client_with_token(participant_user(meeting))
    assert [
        (m["language"], m["status"], m["body"]) for m in participant.get(detail).json()["minutes"]
    ] == [("fr", "approved", "Accord sur le bus.")]


# --- Translations ---------------------------------------------------------------------------


def test_the_organiser_translates_a_meeting(schedule, editor_of_menen, api_client_with_token):
    meeting = schedule()

    response = _put(
        api_client_with_token(editor_of_menen),
        f"/api/v1/meetings/{meeting.pk}/translations/nl",
        {
            "title": " Lokaal overleg Menen–Halluin ",
            "description": "<p>Over <strong>mobiliteit</strong>.</p>",
        },
    )

    assert response.status_code == 200, response.content
    assert response.json() == {
        "language": "nl",
        "title": "Lokaal overleg Menen–Halluin",
        "description": "<p>Over <strong>mobiliteit</strong>.</p>",
        "origin": "human",
    }
    translation = MeetingTranslation.objects.get()
    assert (translation.meeting_id, translation.language, translation.reviewed_by) == (
        meeting.pk,
        "nl",
        editor_of_menen,
    )
    meeting.refresh_from_db()
    assert meeting.sequence == 1


def test_translating_needs_a_token_the_right_and_good_input(
    schedule, editor_of_menen, editor_of_kortrijk, api_client_with_token, client
):
    meeting = schedule()
    url = f"/api/v1/meetings/{meeting.pk}/translations"
    organiser = api_client_with_token(editor_of_menen)
    payload = {"title": "Lokaal overleg"}

    assert _put(client, f"{url}/nl", payload).status_code == 401
    refused = _put(api_client_with_token(editor_of_kortrijk), f"{url}/nl", payload)
    assert refused.status_code == 403
    assert refused.json() == {"detail": NO_RIGHT}
    bad = _put(organiser, f"{url}/es", payload)
    assert bad.status_code == 422
    assert bad.json()["errors"] == {"lang": [BAD_LANGUAGE]}
    bad = _put(organiser, f"{url}/fr", {"title": " ", "origin": "robot"})
    assert bad.status_code == 422
    assert bad.json()["errors"] == {
        "language": ["Choose a language other than the original."],
        "title": ["Give the translated title."],
        "origin": ["Choose human or machine translation."],
    }
    assert MeetingTranslation.objects.count() == 0
    meeting.refresh_from_db()
    assert meeting.sequence == 0


def test_a_draft_practice_of_another_organisation_stays_off_the_agenda_in_the_api(
    schedule, editor_of_menen, api_client_with_token
):
    meeting = schedule()
    published = _practice("Bus transfrontalier Menin–Halluin")
    draft = _practice("Brouillon de Courtrai", status="draft", owner="kortrijk")
    own_draft = _practice("Brouillon de Menin", status="draft", owner="menen")
    operations.add_agenda_item(
        meeting, user=None, title="Mobilité", practices=[published, draft, own_draft]
    )

    data = api_client_with_token(editor_of_menen).get(f"/api/v1/meetings/{meeting.pk}").json()

    assert sorted(data["agenda"][0]["practices"], key=lambda p: p["id"]) == [
        {"id": published.pk, "title": "Bus transfrontalier Menin–Halluin"},
        {"id": own_draft.pk, "title": "Brouillon de Menin"},
    ]


@pytest.mark.parametrize("body", ['"hello world"', "42", "[]", "null"])
def test_a_body_that_is_not_an_object_is_refused(
    schedule, editor_of_menen, api_client_with_token, body
):
    meeting = schedule()

    response = api_client_with_token(editor_of_menen).post(
        f"/api/v1/meetings/{meeting.pk}/agenda", body, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "The request body must be a JSON object."}
    assert AgendaItem.objects.count() == 0

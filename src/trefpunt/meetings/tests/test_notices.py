"""A meeting that moves or is cancelled mails each registered participant once."""

from datetime import datetime

import pytest

from trefpunt.accounts import operations as accounts
from trefpunt.meetings import operations
from trefpunt.meetings.models import Meeting
from trefpunt.organisations.models import Organisation, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(schedule, settings, mailoutbox):
    """Two registered participants (Dutch and French), one only invited, one declined."""
    settings.TREFPUNT_SITE_URL = "https://trefpunt.example"
    meeting = schedule()
    Person.objects.filter(slug="sofie-vandamme").update(email="sofie@wervik.example")
    Person.objects.filter(slug="isabelle-lemaire").update(email="isabelle@example.org")
    for slug, status in (("sofie-vandamme", "registered"), ("isabelle-lemaire", "invited")):
        participant = operations.invite(meeting, user=None, person=Person.objects.get(slug=slug))
        if status != "invited":
            operations.set_participant_status(participant, user=None, status=status)
    agency = operations.invite(
        meeting,
        user=None,
        organisation=Organisation.objects.get(slug="eurometropolis"),
        email="secretariat@eurometropolis.example",
        language="fr",
    )
    operations.set_participant_status(agency, user=None, status="registered")
    mailoutbox.clear()  # the invitations
    return Meeting.objects.get(pk=meeting.pk)


def test_moving_the_start_mails_each_registered_participant_once(
    meeting, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        operations.update_meeting(
            meeting,
            user=None,
            version=meeting.version,
            start=datetime(2026, 3, 27, 10, 0),
            end=datetime(2026, 3, 27, 12, 0),
        )

    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "secretariat@eurometropolis.example",
        "sofie@wervik.example",
    ]
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    dutch = by_address["sofie@wervik.example"]
    assert dutch.subject == "Gewijzigd: Concertation locale Menin–Halluin, nu op 27 maart 2026"
    assert "van 10:00 tot 12:00 (Europe/Brussels)" in dutch.body
    assert f"https://trefpunt.example/nl/meetings/{meeting.pk}/" in dutch.body
    french = by_address["secretariat@eurometropolis.example"]
    assert french.subject.startswith("Modifiée : Concertation locale Menin–Halluin")
    assert dutch.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = dutch.extra_headers["List-Unsubscribe"].strip("<>")
    assert link.startswith("https://trefpunt.example/nl/accounts/unsubscribe/")
    assert link in dutch.body


def test_editing_the_title_mails_nobody(meeting, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        operations.update_meeting(
            meeting, user=None, version=meeting.version, title="Nouveau titre"
        )

    assert mailoutbox == []


def test_cancelling_mails_each_registered_participant_once(
    meeting, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        operations.cancel_meeting(meeting, user=None)
        operations.cancel_meeting(meeting, user=None)  # already cancelled: nothing more

    assert sorted(mail.subject for mail in mailoutbox) == [
        "Annulée : Concertation locale Menin–Halluin le 26 mars 2026",
        "Geannuleerd: Concertation locale Menin–Halluin op 26 maart 2026",
    ]


def test_an_address_that_opted_out_gets_no_notice(
    meeting, mailoutbox, django_capture_on_commit_callbacks, client
):
    with django_capture_on_commit_callbacks(execute=True):
        operations.cancel_meeting(meeting, user=None)
    link = (
        next(m for m in mailoutbox if m.to == ["sofie@wervik.example"])
        .extra_headers["List-Unsubscribe"]
        .strip("<>")
    )
    path = link.removeprefix("https://trefpunt.example")

    assert client.get(path).status_code == 200
    assert accounts.is_opted_out("sofie@wervik.example", "meeting_notices") is False
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert accounts.is_opted_out("sofie@wervik.example", "meeting_notices") is True

    mailoutbox.clear()
    other = Meeting.objects.get(pk=meeting.pk)
    other.status = "scheduled"
    other.save(update_fields=["status"])
    with django_capture_on_commit_callbacks(execute=True):
        operations.update_meeting(
            other, user=None, version=other.version, address="Stadhuis, Wervik"
        )
    assert [mail.to for mail in mailoutbox] == [["secretariat@eurometropolis.example"]]


def test_a_forged_opt_out_link_changes_nothing(client, db):
    response = client.get("/en/accounts/unsubscribe/forged-token/")
    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()
    response = client.post("/en/accounts/unsubscribe/forged-token/")
    assert response.status_code == 400

from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from trefpunt.accounts.operations import opt_out
from trefpunt.meetings import operations
from trefpunt.meetings.models import Reminder
from trefpunt.meetings.operations import ReminderSummary, send_reminders
from trefpunt.organisations import operations as directory
from trefpunt.organisations.models import Organisation, Person

pytestmark = pytest.mark.django_db

# "Now" for these tests: Monday 23 March 2026, 08:00 UTC; the meeting is on Thursday 26th.
NOW = datetime(2026, 3, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def situation(schedule, settings, mailoutbox):
    """A meeting in three days with four participants, and three overdue actions."""
    settings.TREFPUNT_SITE_URL = "https://trefpunt.example"
    meeting = schedule()
    Person.objects.filter(slug="sofie-vandamme").update(email="sofie@wervik.example")
    Person.objects.filter(slug="marc-duhamel").update(email="marc@halluin.example")
    for slug, status in (
        ("sofie-vandamme", "registered"),  # nl first: reminded in Dutch
        ("marc-duhamel", "attended"),  # seated, French
        ("hanne-demeulenaere", "registered"),  # no address: skipped
        ("isabelle-lemaire", "invited"),  # not registered: nothing
    ):
        participant = operations.invite(meeting, user=None, person=Person.objects.get(slug=slug))
        if status != "invited":
            operations.set_participant_status(participant, user=None, status=status)
    # An organisation invited with its own address.
    agency = operations.invite(
        meeting,
        user=None,
        organisation=Organisation.objects.get(slug="eurometropolis"),
        email="secretariat@eurometropolis.example",
        language="fr",
    )
    operations.set_participant_status(agency, user=None, status="registered")

    earlier = schedule(
        title="Concertation précédente",
        start=datetime(2026, 1, 8, 14, 0),
        end=datetime(2026, 1, 8, 16, 0),
    )
    # An organisation owner reached through the person holding its contact post.
    contact = directory.create_person(
        user=None,
        slug="jan-contact",
        given_name="Jan",
        family_name="Contact",
        email="jan@menen.example",
        languages="nl",
    )
    directory.appoint(
        user=None,
        person=contact,
        organisation=Organisation.objects.get(slug="menen"),
        role="contact",
        start=date(2025, 1, 1),
    )
    for title, owner in (
        ("Note sur le bus", {"owner_person": Person.objects.get(slug="marc-duhamel")}),
        ("Calendrier commun", {"owner_organisation": Organisation.objects.get(slug="menen")}),
        ("Permanence", {"owner_organisation": Organisation.objects.get(slug="wervik")}),
        ("Pas en retard", {"owner_person": Person.objects.get(slug="marc-duhamel")}),
    ):
        operations.assign_action(
            earlier,
            user=None,
            title=title,
            due_date=date(2027, 1, 1) if title == "Pas en retard" else date(2026, 2, 27),
            **owner,
        )
    mailoutbox.clear()  # the invitations
    return meeting


def test_reminders_go_once_to_everyone_with_an_address(situation, mailoutbox):
    summary = send_reminders(now=NOW)

    assert summary == ReminderSummary(
        meeting_reminders=3, action_reminders=2, skipped_no_email=2, already_sent=0
    )
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "jan@menen.example",
        "marc@halluin.example",
        "marc@halluin.example",
        "secretariat@eurometropolis.example",
        "sofie@wervik.example",
    ]
    assert Reminder.objects.count() == 5

    again = send_reminders(now=NOW)
    assert again == ReminderSummary(
        meeting_reminders=0, action_reminders=0, skipped_no_email=2, already_sent=5
    )
    assert len(mailoutbox) == 5
    assert Reminder.objects.count() == 5


def test_reminders_are_written_in_the_recipients_language(situation, mailoutbox):
    send_reminders(now=NOW)
    mails = {(mail.to[0], mail.subject.split(" ")[0]): mail for mail in mailoutbox}

    # Dates in the reader's language, times in the meeting's own time zone.
    sofie = mails["sofie@wervik.example", "Herinnering:"]
    assert sofie.subject == "Herinnering: Concertation locale Menin–Halluin op 26 maart 2026"
    assert sofie.body.startswith("Beste Sofie Vandamme,")
    assert "op 26 maart 2026 van 14:00 tot 16:00 (Europe/Brussels)" in sofie.body
    assert f"https://trefpunt.example/nl/meetings/{situation.pk}/\n" in sofie.body
    assert f"https://trefpunt.example/api/v1/meetings/{situation.pk}.ics\n" in sofie.body
    assert "Plaats: Grote Markt 1, Menen" in sofie.body
    marc = mails["marc@halluin.example", "Rappel"]
    assert marc.subject == "Rappel : Concertation locale Menin–Halluin le 26 mars 2026"
    assert f"https://trefpunt.example/fr/meetings/{situation.pk}/\n" in marc.body
    agency = mails["secretariat@eurometropolis.example", "Rappel"]
    assert agency.body.startswith("Bonjour Agence de l'Eurométropole Lille-Kortrijk-Tournai,")
    action = mails["jan@menen.example", "Achterstallig"]
    assert action.subject == "Achterstallig actiepunt: Calendrier commun"
    assert action.body.startswith("Beste Jan Contact,")
    assert (
        "“Calendrier commun”, tijdens “Concertation précédente” toegewezen aan Stad Menen, "
        "moest uiterlijk op 27 februari 2026 klaar zijn." in action.body
    )
    assert "De termijn is 24 dagen overschreden." in action.body
    assert "&" not in action.body and "&#x27;" not in agency.body


def test_a_dry_run_sends_and_writes_nothing(situation, mailoutbox):
    summary = send_reminders(now=NOW, dry_run=True)

    assert summary == ReminderSummary(
        meeting_reminders=3, action_reminders=2, skipped_no_email=2, already_sent=0, dry_run=True
    )
    assert mailoutbox == []
    assert Reminder.objects.count() == 0


def test_meetings_further_away_or_cancelled_are_not_reminded(situation, mailoutbox):
    assert send_reminders(now=NOW, days_ahead=2).meeting_reminders == 0
    operations.cancel_meeting(situation, user=None)
    assert send_reminders(now=NOW).meeting_reminders == 0
    assert sorted(mail.subject for mail in mailoutbox) == [
        "Achterstallig actiepunt: Calendrier commun",  # in Dutch for Menen's contact
        "Action en retard : Note sur le bus",  # in French for the mayor of Halluin
    ]


def test_the_command_prints_one_summary_line(situation, mailoutbox, settings):
    # The command's "now" is the real one: put the meeting two days ahead of it.
    start = timezone.now().replace(microsecond=0) + timedelta(days=2)
    operations.update_meeting(
        situation, user=None, version=situation.version, start=start, end=start + timedelta(hours=2)
    )
    out = StringIO()

    call_command("send-reminders", "--dry-run", stdout=out)
    assert out.getvalue().strip() == (
        "Dry run, nothing sent or written: would send 3 meeting reminders and "
        "2 overdue-action reminders (2 without email address, 0 already sent)."
    )
    assert (len(mailoutbox), Reminder.objects.count()) == (0, 0)

    out = StringIO()
    call_command("send-reminders", "--days-ahead", "3", stdout=out)
    assert out.getvalue().strip() == (
        "Sent 3 meeting reminders and 2 overdue-action reminders "
        "(2 without email address, 0 already sent)."
    )
    out = StringIO()
    call_command("send-reminders", stdout=out)
    assert out.getvalue().strip() == (
        "Sent 0 meeting reminders and 0 overdue-action reminders "
        "(2 without email address, 5 already sent)."
    )
    out = StringIO()
    call_command("send-reminders", "--days-ahead", "1", stdout=out)
    assert out.getvalue().strip() == (
        "Sent 0 meeting reminders and 0 overdue-action reminders "
        "(1 without email address, 2 already sent)."
    )


def test_reminders_carry_a_one_click_opt_out_that_is_honoured(situation, mailoutbox):
    opt_out("sofie@wervik.example", "meeting_notices")

    summary = send_reminders(now=NOW)

    assert summary == ReminderSummary(
        meeting_reminders=2, action_reminders=2, skipped_no_email=2, already_sent=0, opted_out=1
    )
    assert "sofie@wervik.example" not in [mail.to[0] for mail in mailoutbox]
    for mail in mailoutbox:
        assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        link = mail.extra_headers["List-Unsubscribe"].strip("<>")
        assert link.startswith("https://trefpunt.example/")
        assert "/accounts/unsubscribe/" in link
        assert link in mail.body

"""Reminder mails: upcoming meetings to those registered, overdue actions to their owners.

Each mail goes once: a ``Reminder`` row (unique per kind, meeting or action, and address) is
written in the same transaction as the mail is handed to the mail backend, so running the
command again, or twice at once, sends nothing new. Mails are written in the recipient's
language from ``templates/meetings/email/``.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from trefpunt.accounts.mailing import category_link, unsubscribe_headers
from trefpunt.accounts.models import MailCategory, MailOptOut
from trefpunt.organisations.models import Post, Role

from ..models import Action, Meeting, Participant, Reminder, ReminderKind
from ..models.participation import SEATED

UI_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
# Who receives the reminders of an organisation (organisations have no address of their own),
# in this order of preference.
ORGANISATION_CONTACT_ROLES = (Role.CONTACT, Role.DIRECTOR, Role.HEAD)


@dataclass
class ReminderSummary:
    meeting_reminders: int = 0
    action_reminders: int = 0
    skipped_no_email: int = 0
    already_sent: int = 0
    opted_out: int = 0
    dry_run: bool = False


@dataclass
class _Mail:
    kind: str
    recipient: str
    language: str
    template: str
    context: dict
    meeting: Meeting | None = None
    action: Action | None = None

    @property
    def key(self) -> tuple:
        target = self.action.pk if self.action is not None else self.meeting.pk
        return (self.kind, target, self.recipient.lower())


def _language(*candidates) -> str:
    for code in candidates:
        code = (code or "").strip()
        if code in UI_LANGUAGES:
            return code
    return "en"


def _first_language(person) -> str:
    if person is None:
        return ""
    return next((code.strip() for code in person.languages.split(",") if code.strip()), "")


def _site_url(path: str) -> str:
    return settings.TREFPUNT_SITE_URL.rstrip("/") + path


def _meeting_links(meeting: Meeting, language: str) -> dict:
    with translation.override(language):
        page = meeting.get_absolute_url()
    return {
        "url": _site_url(page),
        "ics_url": _site_url(reverse("api:meeting_ics", kwargs={"id": meeting.pk})),
    }


def _meeting_mails(now, days_ahead: int, summary: ReminderSummary) -> list[_Mail]:
    meetings = Meeting.objects.scheduled().filter(
        start__gt=now, start__lte=now + timedelta(days=days_ahead)
    )
    participants = (
        Participant.objects.filter(meeting__in=meetings, status__in=SEATED)
        .select_related("person", "organisation", "meeting__organiser", "meeting__territory")
        .prefetch_related(
            "meeting__translations", "meeting__organiser__names", "meeting__territory__names"
        )
        .order_by("meeting__start", "pk")
    )
    mails = []
    for participant in participants:
        person = participant.person
        recipient = (participant.email or (person.email if person else "")).strip()
        if not recipient:
            summary.skipped_no_email += 1
            continue
        language = _language(participant.language, _first_language(person))
        meeting = participant.meeting
        mails.append(
            _Mail(
                kind=ReminderKind.UPCOMING_MEETING,
                recipient=recipient,
                language=language,
                template="upcoming_meeting",
                meeting=meeting,
                context={
                    "name": str(person) if person else participant.organisation.name_in(language),
                    "meeting": meeting,
                    "title": meeting.title_in(language),
                    "organiser": meeting.organiser.name_in(language),
                    "start": meeting.local_start,
                    "end": meeting.local_end,
                    "place": ", ".join(
                        part
                        for part in (
                            meeting.address,
                            meeting.territory.name_in(language) if meeting.territory_id else "",
                        )
                        if part
                    ),
                    **_meeting_links(meeting, language),
                },
            )
        )
    return mails


def _organisation_contacts(organisations, today) -> dict:
    """For each organisation, the person holding a contact, director or head post now who
    has an email address (the earliest role of ``ORGANISATION_CONTACT_ROLES`` wins)."""
    rank = {role: position for position, role in enumerate(ORGANISATION_CONTACT_ROLES)}
    posts = (
        Post.objects.current(today)
        .filter(organisation__in=organisations, role__in=ORGANISATION_CONTACT_ROLES)
        .exclude(person__email="")
        .select_related("person")
        .order_by("pk")
    )
    contacts: dict = {}
    for post in sorted(posts, key=lambda p: rank[p.role]):
        contacts.setdefault(post.organisation_id, post.person)
    return contacts


def _action_mails(today, summary: ReminderSummary) -> list[_Mail]:
    actions = list(Action.objects.overdue(today).with_relations().order_by("due_date", "pk"))
    contacts = _organisation_contacts(
        {a.owner_organisation_id for a in actions if a.owner_organisation_id}, today
    )
    mails = []
    for action in actions:
        if action.owner_person_id:
            person = action.owner_person
        else:
            person = contacts.get(action.owner_organisation_id)
        recipient = (person.email if person is not None else "").strip()
        if not recipient:
            summary.skipped_no_email += 1
            continue
        language = _language(_first_language(person))
        meeting = action.meeting
        mails.append(
            _Mail(
                kind=ReminderKind.OVERDUE_ACTION,
                recipient=recipient,
                language=language,
                template="overdue_action",
                action=action,
                meeting=meeting,
                context={
                    "name": str(person),
                    "action": action,
                    "owner": action.owner_organisation.name_in(language)
                    if action.owner_organisation_id and not action.owner_person_id
                    else str(person),
                    "for_organisation": not action.owner_person_id,
                    "meeting": meeting,
                    "title": meeting.title_in(language),
                    "days_overdue": (today - action.due_date).days,
                    **_meeting_links(meeting, language),
                },
            )
        )
    return mails


def _already_sent(mails: list[_Mail]) -> set[tuple]:
    meeting_ids = {m.meeting.pk for m in mails if m.kind == ReminderKind.UPCOMING_MEETING}
    action_ids = {m.action.pk for m in mails if m.kind == ReminderKind.OVERDUE_ACTION}
    sent = set()
    rows = Reminder.objects.filter(
        kind=ReminderKind.UPCOMING_MEETING, meeting__in=meeting_ids, action__isnull=True
    ).values_list("meeting_id", "recipient")
    sent |= {(ReminderKind.UPCOMING_MEETING, pk, address.lower()) for pk, address in rows}
    rows = Reminder.objects.filter(
        kind=ReminderKind.OVERDUE_ACTION, action__in=action_ids
    ).values_list("action_id", "recipient")
    sent |= {(ReminderKind.OVERDUE_ACTION, pk, address.lower()) for pk, address in rows}
    return sent


def _message(mail: _Mail, connection) -> EmailMessage:
    unsubscribe = category_link(mail.recipient, MailCategory.MEETING_NOTICES, mail.language)
    context = {**mail.context, "unsubscribe_url": unsubscribe}
    with translation.override(mail.language):
        subject = render_to_string(f"meetings/email/{mail.template}_subject.txt", context)
        body = render_to_string(f"meetings/email/{mail.template}.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[mail.recipient],
        connection=connection,
        headers=unsubscribe_headers(unsubscribe),
    )


def _record_and_send(mail: _Mail, connection) -> bool:
    """Write the reminder's row and send it, or neither (a concurrent run that got there
    first wins the unique constraint)."""
    with transaction.atomic():
        _row, created = Reminder.objects.get_or_create(
            kind=mail.kind,
            meeting=mail.meeting if mail.kind == ReminderKind.UPCOMING_MEETING else None,
            action=mail.action,
            recipient=mail.recipient,
        )
        if not created:
            return False
        # A failing mail server raises here and takes the row back with it.
        _message(mail, connection).send()
    return True


def send_reminders(*, now=None, days_ahead=7, dry_run=False) -> ReminderSummary:
    """Mail the reminders that are due and not sent yet. ``dry_run`` counts them and
    neither sends nor writes anything."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    summary = ReminderSummary(dry_run=dry_run)
    mails = _meeting_mails(now, days_ahead, summary) + _action_mails(today, summary)
    seen = _already_sent(mails)
    opted_out = set(
        MailOptOut.objects.filter(category=MailCategory.MEETING_NOTICES).values_list(
            "email", flat=True
        )
    )
    due = []
    for mail in mails:
        if mail.recipient.lower() in opted_out:
            summary.opted_out += 1
            continue
        if mail.key in seen:
            summary.already_sent += 1
            continue
        seen.add(mail.key)
        due.append(mail)
    connection = None if dry_run or not due else get_connection()
    if connection is not None:
        connection.open()
    try:
        for mail in due:
            if not dry_run and not _record_and_send(mail, connection):
                summary.already_sent += 1
                continue
            if mail.kind == ReminderKind.UPCOMING_MEETING:
                summary.meeting_reminders += 1
            else:
                summary.action_reminders += 1
    finally:
        if connection is not None:
            connection.close()
    return summary

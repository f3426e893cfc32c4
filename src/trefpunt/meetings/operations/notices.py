"""A meeting moved or was cancelled: one mail to each registered participant.

``update_meeting`` and ``cancel_meeting`` call ``notify_after_commit``; the mails leave once the
change is committed, each in the participant's language with the new time and place, with a
one-click unsubscribe (``accounts.mailing``). Addresses that opted out of meeting notices get
nothing; an address registered twice gets one mail.
"""

import logging
import smtplib

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from trefpunt.accounts.mailing import category_link, unsubscribe_headers
from trefpunt.accounts.models import MailCategory, MailOptOut

from ..models import Meeting, Participant
from ..models.participation import SEATED
from .reminders import _first_language, _language, _meeting_links

logger = logging.getLogger(__name__)

# The fields whose change moves a meeting (a new title or description is no notice).
MOVING_FIELDS = ("start", "end", "timezone", "territory_id", "address", "online_url")


def moved(before: dict, meeting: Meeting) -> bool:
    return any(before[name] != getattr(meeting, name) for name in MOVING_FIELDS)


def snapshot(meeting: Meeting) -> dict:
    return {name: getattr(meeting, name) for name in MOVING_FIELDS}


def recipients(meeting: Meeting) -> list[tuple[Participant, str, str]]:
    """(participant, address, language) of each registered participant with an address who
    did not opt out, one per address."""
    participants = (
        Participant.objects.filter(meeting=meeting, status__in=SEATED)
        .select_related("person", "organisation")
        .order_by("pk")
    )
    opted_out = set(
        MailOptOut.objects.filter(category=MailCategory.MEETING_NOTICES).values_list(
            "email", flat=True
        )
    )
    seen, found = set(), []
    for participant in participants:
        person = participant.person
        address = (participant.email or (person.email if person else "")).strip()
        if not address or address.lower() in seen or address.lower() in opted_out:
            continue
        seen.add(address.lower())
        found.append(
            (participant, address, _language(participant.language, _first_language(person)))
        )
    return found


def _message(meeting: Meeting, participant, address: str, language: str, kind: str):
    unsubscribe = category_link(address, MailCategory.MEETING_NOTICES, language)
    with translation.override(language):
        context = {
            "name": participant.name,
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
            "unsubscribe_url": unsubscribe,
            **_meeting_links(meeting, language),
        }
        subject = render_to_string(f"meetings/email/meeting_{kind}_subject.txt", context)
        body = render_to_string(f"meetings/email/meeting_{kind}.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[address],
        headers=unsubscribe_headers(unsubscribe),
    )


def send_notices(meeting_id: int, kind: str) -> int:
    """Mail ``kind`` ("moved" or "cancelled") to the registered participants; the count sent."""
    meeting = (
        Meeting.objects.select_related("organiser", "territory")
        .prefetch_related("translations", "organiser__names", "territory__names")
        .get(pk=meeting_id)
    )
    messages = [
        _message(meeting, participant, address, language, kind)
        for participant, address, language in recipients(meeting)
    ]
    if not messages:
        return 0
    try:
        with get_connection() as connection:
            return connection.send_messages(messages) or 0
    except (OSError, smtplib.SMTPException):  # the change stands; the notice is lost
        logger.exception("Notices of meeting %s failed", meeting_id)
        return 0


def notify_after_commit(meeting: Meeting, kind: str) -> None:
    transaction.on_commit(lambda: send_notices(meeting.pk, kind))

"""Invitations, registration from the link, attendance, capacity and the waiting list."""

import logging
import secrets
import smtplib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from trefpunt.organisations.models import OrganisationKind, Post

from ..access import token_digest
from ..models import DelegationLevel, Meeting, MeetingStatus, Participant, ParticipantStatus
from ..models.participation import SEATED
from .base import require_organiser, with_history_user

logger = logging.getLogger(__name__)
UI_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
LEVEL_BY_KIND = {
    OrganisationKind.MUNICIPALITY: DelegationLevel.MUNICIPAL,
    OrganisationKind.REGION: DelegationLevel.REGIONAL,
    OrganisationKind.NATIONAL_AUTHORITY: DelegationLevel.NATIONAL,
    OrganisationKind.CRISIS_CENTRE: DelegationLevel.NATIONAL,
    OrganisationKind.BENELUX_INSTITUTION: DelegationLevel.BENELUX,
}


def _language_for(person, organisation, explicit) -> str:
    if explicit in UI_LANGUAGES:
        return explicit
    for code in person.languages.split(",") if person is not None else []:
        if code.strip() in UI_LANGUAGES:
            return code.strip()
    if organisation is not None and organisation.language in UI_LANGUAGES:
        return organisation.language
    return settings.LANGUAGE_CODE


def _home_organisation(person):
    post = Post.objects.current().filter(person=person).select_related("organisation").first()
    return post.organisation if post else None


def registration_url(raw_token: str, language: str) -> str:
    with override(language):
        path = reverse("meetings:register", args=[raw_token])
    return settings.TREFPUNT_SITE_URL.rstrip("/") + path


def _mail_invitation(participant: Participant, raw_token: str) -> bool:
    if not participant.email:
        return False
    meeting = participant.meeting
    with override(participant.language):
        local = meeting.local_start
        subject = _("Invitation: %(title)s on %(date)s") % {
            "title": meeting.title_in(participant.language),
            "date": date_format(local, "DATE_FORMAT"),
        }
        body = _(
            "Dear %(name)s,\n\n"
            "You are invited to “%(title)s”, organised by %(organiser)s, on %(date)s at %(time)s "
            "(%(zone)s).\n\n"
            "Register or decline here:\n%(link)s\n\n"
            "This link is personal; please do not forward it.\n\n— Trefpunt"
        ) % {
            "name": participant.name,
            "title": meeting.title_in(participant.language),
            "organiser": meeting.organiser.name_in(participant.language),
            "date": date_format(local, "DATE_FORMAT"),
            "time": date_format(local, "TIME_FORMAT"),
            "zone": meeting.timezone,
            "link": registration_url(raw_token, participant.language),
        }
    try:
        send_mail(subject, body, None, [participant.email])
    except (OSError, smtplib.SMTPException):  # the invitation stands; it can be sent again
        logger.exception("Invitation mail to participant %s failed", participant.pk)
        return False
    return True


@transaction.atomic
def invite(
    meeting: Meeting,
    *,
    user,
    person=None,
    organisation=None,
    email="",
    language=None,
    delegation_country="",
    delegation_level="",
) -> Participant:
    """Invite a person or a whole organisation; mails a personal registration link."""
    require_organiser(user, meeting)
    errors = {}
    if (person is None) == (organisation is None):
        errors["person"] = [_("Invite either a person or an organisation.")]
    elif person is not None and meeting.participants.filter(person=person).exists():
        errors["person"] = [_("%(name)s is already invited.") % {"name": person}]
    elif (
        organisation is not None
        and meeting.participants.filter(organisation=organisation, person__isnull=True).exists()
    ):
        errors["organisation"] = [_("%(name)s is already invited.") % {"name": organisation}]
    if email:
        try:
            validate_email(email.strip())
        except ValidationError:
            errors["email"] = [_("Enter a valid email address.")]
    if delegation_level and delegation_level not in DelegationLevel.values:
        errors["delegation_level"] = [_("Choose a delegation level.")]
    if meeting.is_cancelled:
        errors["__all__"] = [_("The meeting is cancelled.")]
    if errors:
        raise ValidationError(errors)
    home = organisation if organisation is not None else _home_organisation(person)
    raw = secrets.token_urlsafe(24)
    participant = Participant(
        meeting=meeting,
        person=person,
        organisation=organisation if person is None else home,
        email=(email or (person.email if person is not None else "")).strip(),
        language=_language_for(person, home, language),
        delegation_country=(delegation_country or (home.country if home else "")).upper(),
        delegation_level=delegation_level or (LEVEL_BY_KIND.get(home.kind, "") if home else ""),
        token_digest=token_digest(raw),
    )
    with_history_user(participant, user).save()
    # Mailed once the invitation is stored: a link never points to a row that was rolled back.
    participant.mailed = bool(participant.email)
    transaction.on_commit(lambda: _mail_invitation(participant, raw))
    return participant


def _seats_taken(meeting: Meeting) -> int:
    return meeting.participants.seated().count()


def _promote_waiting(meeting: Meeting) -> Participant | None:
    if meeting.capacity is not None and _seats_taken(meeting) >= meeting.capacity:
        return None
    first = meeting.participants.waiting().first()
    if first is not None:
        first.status = ParticipantStatus.REGISTERED
        first.save(update_fields=["status"])
    return first


@transaction.atomic
def respond(token: str, *, answer: str) -> Participant:
    """The invitee registers or declines from their link; a full meeting puts them on the
    waiting list and a declined seat goes to the first one waiting."""
    participant = (
        Participant.objects.select_for_update()
        .select_related("meeting")
        .filter(token_digest=token_digest(token or ""))
        .first()
    )
    if participant is None:
        raise ValidationError({"token": [_("This registration link is not valid.")]})
    meeting = Meeting.objects.select_for_update().get(pk=participant.meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError({"token": [_("The meeting is cancelled.")]})
    if meeting.end < timezone.now():
        raise ValidationError({"token": [_("The meeting has already taken place.")]})
    if answer not in ("register", "decline"):
        raise ValidationError({"answer": [_("Answer register or decline.")]})
    was_seated = participant.status in SEATED
    if answer == "decline":
        participant.status = ParticipantStatus.DECLINED
    elif not was_seated:
        full = meeting.capacity is not None and _seats_taken(meeting) >= meeting.capacity
        participant.status = ParticipantStatus.WAITING if full else ParticipantStatus.REGISTERED
    participant.responded_at = timezone.now()
    participant.save(update_fields=["status", "responded_at"])
    if was_seated and answer == "decline":
        _promote_waiting(meeting)
    return participant


@transaction.atomic
def set_participant_status(participant: Participant, *, user, status: str) -> Participant:
    meeting = Meeting.objects.select_for_update().get(pk=participant.meeting_id)
    require_organiser(user, meeting)
    if status not in ParticipantStatus.values:
        raise ValidationError({"status": [_("Choose a status.")]})
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    was_seated = locked.status in SEATED
    if (
        status == ParticipantStatus.REGISTERED
        and not was_seated
        and meeting.capacity is not None
        and _seats_taken(meeting) >= meeting.capacity
    ):
        raise ValidationError(
            {
                "status": [
                    _("The meeting is full (%(capacity)s seats): put them on the waiting list.")
                    % {"capacity": meeting.capacity}
                ]
            }
        )
    locked.status = status
    with_history_user(locked, user).save(update_fields=["status"])
    if was_seated and status not in SEATED and meeting.start > timezone.now():
        _promote_waiting(meeting)
    return locked

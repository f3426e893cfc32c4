"""Translations of a meeting's title and description."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trefpunt.lib.content import original_texts

from ..models import Meeting, MeetingTranslation
from .base import reindex, require_organiser, sanitise, touch_event, with_history_user
from .meetings import LANGUAGES

# The original's texts a translation renders (a change to one marks the translation outdated).
TRANSLATED_FIELDS = ("title", "description")


@transaction.atomic
def save_meeting_translation(
    meeting: Meeting, *, user, language, title, description="", origin="human"
) -> MeetingTranslation:
    require_organiser(user, meeting)
    errors = {}
    if language not in LANGUAGES or language == meeting.language:
        errors["language"] = [_("Choose a language other than the original.")]
    if not (title or "").strip():
        errors["title"] = [_("Give the translated title.")]
    elif len(title.strip()) > 300:
        errors["title"] = [_("The title is longer than 300 characters.")]
    if origin not in ("human", "machine"):
        errors["origin"] = [_("Choose human or machine translation.")]
    if errors:
        raise ValidationError(errors)
    translation = meeting.translations.filter(language=language).first() or MeetingTranslation(
        meeting=meeting, language=language
    )
    translation.title = title.strip()
    translation.description = sanitise(description)
    translation.origin = origin
    translation.source = original_texts(meeting, TRANSLATED_FIELDS)
    translation.reviewed_by = user if origin == "human" and user is not None else None
    with_history_user(translation, user).save()
    touch_event(meeting)  # a changed title or description is a change of the calendar event
    reindex(meeting)
    return translation

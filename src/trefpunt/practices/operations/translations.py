"""Translations of a practice, written beside the original."""

from django.db import transaction
from django.utils.translation import gettext as _

from trefpunt.lib.content import check_translation, write_translation
from trefpunt.lib.richtext import sanitise

from ..access import require_writer
from ..models import Origin, Practice, PracticeTranslation
from .practices import LANGUAGES, index_practice

# The original's texts a translation renders (a change to one marks the translation outdated).
TRANSLATED_FIELDS = ("title", "summary", "body", "results", "transferability")


@transaction.atomic
def save_translation(
    practice: Practice,
    *,
    user,
    language: str,
    title: str,
    summary: str = "",
    body: str = "",
    results: str = "",
    transferability: str = "",
    origin: str = Origin.HUMAN,
    reviewed_by=None,
) -> PracticeTranslation:
    """Create or replace the practice's translation into ``language``."""
    require_writer(user, practice.owner)
    check_translation(
        practice,
        language,
        origin,
        languages=LANGUAGES,
        origins=Origin.values,
        original_message=_("This is the practice's original language; edit the practice."),
    )
    translation = write_translation(
        practice,
        language,
        user=user,
        values={
            "title": (title or "").strip(),
            "summary": sanitise(summary),
            "body": sanitise(body),
            "results": (results or "").strip(),
            "transferability": (transferability or "").strip(),
            "origin": origin,
            "reviewed_by": reviewed_by,
        },
        source_fields=TRANSLATED_FIELDS,
    )
    index_practice(practice)
    return translation

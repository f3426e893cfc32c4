"""What every meetings operation shares: permission checks, rich text, history, the index."""

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.content import (  # noqa: F401 (re-exported to the operations)
    EditConflict,
    check_version,
    with_history_user,
)
from trefpunt.lib.richtext import sanitise  # noqa: F401 (re-exported to the operations)
from trefpunt.search import index as search_index

from ..access import can_organise
from ..search import DOC_TYPE, documents_for, indexable


def require_organiser(user, meeting) -> None:
    if not can_organise(user, meeting):
        raise PermissionDenied(
            _("Only curators and editors of the organising organisation may change this meeting.")
        )


def reindex(meeting) -> None:
    """Put the meeting's current documents in the search index (or take it out)."""

    fresh = indexable().filter(pk=meeting.pk).first()
    if fresh is None:
        search_index.remove_record(DOC_TYPE, str(meeting.pk))
        return
    search_index.index_record(DOC_TYPE, str(meeting.pk), documents_for(fresh))


def touch_event(meeting) -> None:
    """The meeting's calendar event changed (agenda, translation): bump its SEQUENCE and its
    modification time, so subscribed calendars take the new version."""

    type(meeting).objects.filter(pk=meeting.pk).update(
        sequence=F("sequence") + 1, updated_at=timezone.now()
    )

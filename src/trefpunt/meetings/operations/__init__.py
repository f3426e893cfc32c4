"""Every write to meetings and what they record.

Views, the API, admin actions, the demo loader and the CLI all call these functions. Each runs
in one transaction, checks who may write (curators, or editors of the organising organisation;
``user=None`` is the system itself: CLI and demo loader), cleans rich text, writes one history
row with the acting user and updates the search index before the transaction commits. Bad
input raises ``ValidationError`` naming the fields; a refused write raises ``PermissionDenied``;
neither changes anything.
"""

from .base import EditConflict, sanitise
from .meetings import cancel_meeting, country_name, schedule_meeting, update_meeting
from .people import invite, respond, set_participant_status
from .records import (
    add_agenda_item,
    approve_minutes,
    assign_action,
    can_update_action,
    move_agenda_item,
    record_decision,
    remove_agenda_item,
    save_minutes,
    update_action,
    update_agenda_item,
)
from .reminders import ReminderSummary, send_reminders  # noqa: F401
from .series import create_series, schedule_next_meeting
from .translations import save_meeting_translation

__all__ = [
    "EditConflict",
    "add_agenda_item",
    "approve_minutes",
    "assign_action",
    "can_update_action",
    "cancel_meeting",
    "country_name",
    "create_series",
    "invite",
    "move_agenda_item",
    "record_decision",
    "remove_agenda_item",
    "respond",
    "sanitise",
    "save_meeting_translation",
    "save_minutes",
    "schedule_meeting",
    "schedule_next_meeting",
    "set_participant_status",
    "update_action",
    "update_agenda_item",
    "update_meeting",
]

"""The pages of the meetings: reading (list, calendar, a meeting, a series), organising
(scheduling, agenda, participants, minutes, decisions, actions) and the follow-up dashboard."""

from .agenda import agenda, agenda_item_edit, agenda_item_move, agenda_item_remove
from .editing import (
    meeting_cancel,
    meeting_create,
    meeting_edit,
    meeting_translate,
    schedule_next,
)
from .followup import followup, followup_export
from .meeting import meeting_detail
from .people import participant_status, participants, register
from .reading import meeting_calendar, meeting_export, meeting_list, series_detail
from .records import action_update, actions, decisions, minutes_approve, minutes_edit

__all__ = [
    "action_update",
    "actions",
    "agenda",
    "agenda_item_edit",
    "agenda_item_move",
    "agenda_item_remove",
    "decisions",
    "followup",
    "followup_export",
    "meeting_calendar",
    "meeting_cancel",
    "meeting_create",
    "meeting_detail",
    "meeting_edit",
    "meeting_export",
    "meeting_list",
    "meeting_translate",
    "minutes_approve",
    "minutes_edit",
    "participant_status",
    "participants",
    "register",
    "schedule_next",
    "series_detail",
]

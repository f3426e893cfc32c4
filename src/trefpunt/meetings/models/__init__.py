"""Meetings of the cooperation: series, meetings, chairs, participants, agenda, minutes,
decisions, actions and the reminders sent about them.

Meetings may link agenda items to good practices (``practices.Practice``): the one sideways
dependency between domain apps, one way only (practices know nothing of meetings); see
``docs/decisions.md``.
"""

from .action import Action, ActionQuerySet, ActionStatus, Decision, Reminder, ReminderKind
from .meeting import (
    CONTENT_LANGUAGES,
    Chair,
    Meeting,
    MeetingKind,
    MeetingQuerySet,
    MeetingStatus,
    MeetingTranslation,
    Series,
    SeriesName,
    Visibility,
)
from .participation import (
    AgendaItem,
    DelegationLevel,
    Minutes,
    MinutesStatus,
    Participant,
    ParticipantStatus,
)

__all__ = [
    "CONTENT_LANGUAGES",
    "Action",
    "ActionQuerySet",
    "ActionStatus",
    "AgendaItem",
    "Chair",
    "Decision",
    "DelegationLevel",
    "Meeting",
    "MeetingKind",
    "MeetingQuerySet",
    "MeetingStatus",
    "MeetingTranslation",
    "Minutes",
    "MinutesStatus",
    "Participant",
    "ParticipantStatus",
    "Reminder",
    "ReminderKind",
    "Series",
    "SeriesName",
    "Visibility",
]

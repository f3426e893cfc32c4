"""The forms of the meetings pages. They shape input for the operations, which hold the rules
(an end after the start, a chair for each side, a known time zone…); the operations' errors are
shown beside the fields they name (``add_operation_errors``)."""

from .fields import COMMON_TIMEZONES, add_operation_errors
from .meeting import ChairForm, ChairFormSet, MeetingFilterForm, MeetingForm, NextMeetingForm
from .records import (
    ActionForm,
    ActionUpdateForm,
    AgendaItemForm,
    DecisionForm,
    FollowUpFilterForm,
    InviteForm,
    MinutesForm,
)
from .translation import MeetingTranslationForm

__all__ = [
    "COMMON_TIMEZONES",
    "ActionForm",
    "ActionUpdateForm",
    "AgendaItemForm",
    "ChairForm",
    "ChairFormSet",
    "DecisionForm",
    "FollowUpFilterForm",
    "InviteForm",
    "MeetingFilterForm",
    "MeetingForm",
    "MeetingTranslationForm",
    "MinutesForm",
    "NextMeetingForm",
    "add_operation_errors",
]

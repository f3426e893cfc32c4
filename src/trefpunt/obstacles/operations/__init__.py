"""Every write to the obstacles register.

Views, the API, the demo loader and the CLI call these functions. Each runs in one
transaction, checks who may write (``access``; ``user=None`` is the system itself), writes
history with the acting user and keeps the search index to the published obstacles. Bad input
raises ``ValidationError`` naming the fields (``NotAllowed`` adds the allowed next steps); a
refused write raises ``PermissionDenied``; neither changes anything.
"""

from .lifecycle import NotAllowed, escalate_obstacle, transition_obstacle
from .records import add_provision, add_signal
from .reminders import ObstacleReminderSummary, send_obstacle_reminders
from .reporting import report_obstacle, report_publicly, save_translation, update_obstacle

__all__ = [
    "NotAllowed",
    "ObstacleReminderSummary",
    "add_provision",
    "add_signal",
    "escalate_obstacle",
    "report_obstacle",
    "report_publicly",
    "save_translation",
    "send_obstacle_reminders",
    "transition_obstacle",
    "update_obstacle",
]

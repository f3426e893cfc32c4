"""The cross-border obstacles register.

An obstacle links down to practices and meetings (floors below); nothing below knows of it.
Legal provisions cite ``legal.LegalAct``/``legal.Article`` (``models/provision.py``).
"""

from ..lifecycle import Level, Status
from .obstacle import (
    CONTENT_LANGUAGES,
    DOMAIN_THEMES,
    Authority,
    Border,
    Domain,
    Interaction,
    Obstacle,
    ObstacleQuerySet,
    ObstacleTranslation,
    Origin,
    Source,
    border_countries,
)
from .provision import Provision
from .records import EventKind, ObstacleEvent, ObstacleReminder, ReminderKind, Signal

__all__ = [
    "CONTENT_LANGUAGES",
    "DOMAIN_THEMES",
    "Authority",
    "Border",
    "Domain",
    "EventKind",
    "Interaction",
    "Level",
    "Obstacle",
    "ObstacleEvent",
    "ObstacleQuerySet",
    "ObstacleReminder",
    "ObstacleTranslation",
    "Origin",
    "Provision",
    "ReminderKind",
    "Signal",
    "Source",
    "Status",
    "border_countries",
]

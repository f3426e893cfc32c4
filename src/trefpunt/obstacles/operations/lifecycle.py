"""Moving an obstacle through its lifecycle and up the escalation ladder: each step one
``ObstacleEvent`` (who, when, from, to, why, which document)."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.content import check_version, with_history_user

from .. import access
from ..lifecycle import (
    CLOSING,
    RECOGNISED_STATES,
    Level,
    Status,
    allowed_next,
    higher_levels,
    redress_due,
)
from ..models import EventKind, Obstacle, ObstacleEvent
from .base import Errors, bump, locked, refuse, reindex


class NotAllowed(ValidationError):
    """A step the lifecycle table (or the ladder) does not allow; ``allowed`` lists those that
    are."""

    def __init__(self, field: str, message: str, allowed: list[str]):
        super().__init__({field: [message]})
        self.allowed = allowed


def _document(value: str, errors: Errors) -> str:
    value = (value or "").strip()
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            errors.add("document_url", _("Enter a web address (https://…)."))
    return value


def transition_obstacle(
    obstacle: Obstacle,
    *,
    user,
    to_status: str,
    reason: str = "",
    document_url: str = "",
    version=None,
    at=None,
) -> ObstacleEvent:
    """Move ``obstacle`` to ``to_status`` if the table allows it; closing states need a
    reason."""
    refuse(
        access.can_transition(user, obstacle),
        _("Only curators (and, after the assessment, the competent authorities) may do this."),
    )
    with transaction.atomic():
        obstacle = locked(obstacle)
        check_version(obstacle, version)
        allowed = allowed_next(obstacle.status)
        if to_status not in allowed:
            raise NotAllowed(
                "status",
                _("An obstacle that is “%(current)s” cannot become “%(wanted)s”.")
                % {"current": Status(obstacle.status).label, "wanted": to_status},
                allowed,
            )
        errors = Errors()
        reason = (reason or "").strip()
        if to_status in CLOSING and not reason:
            errors.add("reason", _("Give the reason for this outcome."))
        document_url = _document(document_url, errors)
        errors.raise_any()
        at = at or timezone.now()
        event = ObstacleEvent.objects.create(
            obstacle=obstacle,
            kind=EventKind.TRANSITION,
            actor=user if getattr(user, "is_authenticated", False) else None,
            at=at,
            from_status=obstacle.status,
            to_status=to_status,
            reason=reason,
            document_url=document_url,
        )
        obstacle.status = to_status
        obstacle.status_since = at
        fields = ["status", "status_since"]
        if to_status == Status.RECOGNISED and obstacle.recognised_at is None:
            obstacle.recognised_at = at
            obstacle.redress_due = redress_due(timezone.localdate(at))
            fields += ["recognised_at", "redress_due"]
        with_history_user(obstacle, user)
        bump(obstacle, fields)
        if to_status in RECOGNISED_STATES or event.from_status in RECOGNISED_STATES:
            reindex(obstacle)
    return event


def escalate_obstacle(
    obstacle: Obstacle,
    *,
    user,
    level: str,
    reason: str = "",
    document_url: str = "",
    version=None,
    at=None,
) -> ObstacleEvent:
    """Take ``obstacle`` one or more rungs up the ladder (never down)."""
    refuse(access.can_transition(user, obstacle))
    with transaction.atomic():
        obstacle = locked(obstacle)
        check_version(obstacle, version)
        allowed = higher_levels(obstacle.level) if access.can_escalate(user, obstacle) else []
        if level not in allowed:
            raise NotAllowed(
                "level",
                _("This obstacle cannot be escalated to “%(level)s” now.") % {"level": level},
                allowed,
            )
        errors = Errors()
        document_url = _document(document_url, errors)
        errors.raise_any()
        at = at or timezone.now()
        event = ObstacleEvent.objects.create(
            obstacle=obstacle,
            kind=EventKind.ESCALATION,
            actor=user if getattr(user, "is_authenticated", False) else None,
            at=at,
            from_status=obstacle.status,
            to_status=obstacle.status,
            level=level,
            reason=(reason or "").strip(),
            document_url=document_url,
        )
        obstacle.level = Level(level)
        obstacle.level_since = at
        with_history_user(obstacle, user)
        bump(obstacle, ["level", "level_since"])
    return event

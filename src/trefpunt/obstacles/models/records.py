"""What is recorded about an obstacle: its events, signals and the reminders sent."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..lifecycle import Level, Status
from .obstacle import Obstacle


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    TRANSITION = "transition", _("Status change")
    ESCALATION = "escalation", _("Escalation")


class ObstacleEvent(models.Model):
    """One step in an obstacle's life: its submission, a status change or an escalation."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("date"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=30, choices=Status.choices, blank=True)
    level = models.CharField(_("level"), max_length=30, choices=Level.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    document_url = models.URLField(_("document"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("obstacle event")
        verbose_name_plural = _("obstacle events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.obstacle_id}: {self.from_status} → {self.to_status or self.level}"


class Signal(models.Model):
    """Individual cases counted against an obstacle (how often it bites, and where)."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="signals")
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("number of cases"), default=1)
    source = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("source organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="obstacle_signals",
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(count__gte=1), name="signal_count_positive")
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.count}"


class ReminderKind(models.TextChoices):
    ASSESSMENT_OVERDUE = "assessment_overdue", _("Assessment overdue")
    REDRESS_OVERDUE = "redress_overdue", _("Solution overdue")


class ObstacleReminder(models.Model):
    """One reminder mailed about one overdue clock: its row makes the command idempotent."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    due = models.DateField()
    recipient = models.EmailField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("obstacle reminder")
        verbose_name_plural = _("obstacle reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["obstacle", "kind", "due", "recipient"], name="obstacle_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient}"

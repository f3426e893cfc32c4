"""What a meeting decides, the actions that follow, and the reminders sent about them."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .meeting import CONTENT_LANGUAGES, Meeting


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("number"))
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    text = models.TextField(_("decision"))
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        verbose_name=_("agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="decision_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def carried_to(self, meeting):
        """Actions decided at earlier meetings of ``meeting``'s series that were still open
        when it started (open now, or closed only after its start)."""
        if meeting.series_id is None:
            return self.none()
        return self.filter(
            meeting__series_id=meeting.series_id, meeting__start__lt=meeting.start
        ).filter(Q(status__in=OPEN_STATUSES) | Q(closed_at__gt=meeting.start))

    def with_relations(self):
        return self.select_related(
            "meeting", "meeting__series", "decision", "owner_person", "owner_organisation"
        ).prefetch_related("owner_organisation__names", "meeting__translations")


class Action(models.Model):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("decided at"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    title = models.CharField(_("action"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)
    owner_person = models.ForeignKey(
        "organisations.Person",
        verbose_name=_("owner (person)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_actions",
    )
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owner (organisation)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_actions",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_person__isnull=False) | Q(owner_organisation__isnull=False),
                name="action_has_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None) -> bool:
        return (
            self.is_open
            and self.due_date is not None
            and self.due_date < (today or timezone.localdate())
        )

    @property
    def owner_name(self) -> str:
        if self.owner_person_id:
            return str(self.owner_person)
        return self.owner_organisation.name_in()


class ReminderKind(models.TextChoices):
    UPCOMING_MEETING = "upcoming_meeting", _("Upcoming meeting")
    OVERDUE_ACTION = "overdue_action", _("Overdue action")


class Reminder(models.Model):
    """One reminder mailed to one address: its row makes ``send-reminders`` idempotent."""

    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    recipient = models.EmailField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "meeting", "recipient"],
                condition=Q(action__isnull=True),
                name="reminder_once_per_meeting",
            ),
            models.UniqueConstraint(
                fields=["kind", "action", "recipient"],
                condition=Q(action__isnull=False),
                name="reminder_once_per_action",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient}"

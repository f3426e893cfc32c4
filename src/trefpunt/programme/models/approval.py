"""Consultation comments on a draft version, formal approvals, and Council meetings that
prepare a Committee of Ministers meeting."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from trefpunt.meetings.models import Meeting
from trefpunt.organisations.models import Organisation

from .plan import PlanVersion


class ConsultationComment(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="comments")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} on {self.version}"


class Approval(models.Model):
    """A formal decision approving one plan version, e.g. "M (2024) 12"."""

    version = models.OneToOneField(PlanVersion, on_delete=models.PROTECT, related_name="approval")
    body = models.ForeignKey(
        Organisation, verbose_name=_("deciding body"), on_delete=models.PROTECT, related_name="+"
    )
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    date = models.DateField(_("date"))
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["-date"]

    def __str__(self) -> str:
        return self.reference


class MeetingPreparation(models.Model):
    """A Council meeting that prepares a Committee of Ministers meeting (kept here, so the
    meetings app needs no knowledge of the programme)."""

    preparing = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="prepares_meeting"
    )
    prepared = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="prepared_by_meetings"
    )

    class Meta:
        verbose_name = _("meeting preparation")
        verbose_name_plural = _("meeting preparations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(preparing=models.F("prepared")), name="preparation_not_self"
            )
        ]

    def __str__(self) -> str:
        return f"{self.preparing} → {self.prepared}"

"""Requests for assistance, the offers that answer them, and the log of every step."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.legal.models import LegalAct
from trefpunt.organisations.models import Organisation

from .capability import Capability, CapabilityKind


class Priority(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediate")
    HIGH = "high", _("High")
    NORMAL = "normal", _("Normal")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    PARTIAL = "partial", _("Partly covered")
    COVERED = "covered", _("Covered")
    CLOSED = "closed", _("Closed")


class OfferStatus(models.TextChoices):
    OFFERED = "offered", _("Offered")
    ACCEPTED = "accepted", _("Accepted")
    MOBILISED = "mobilised", _("Mobilised")
    DEMOBILISED = "demobilised", _("Demobilised")
    DECLINED = "declined", _("Declined")


# Offers whose quantity counts towards the need.
COUNTING = (OfferStatus.ACCEPTED, OfferStatus.MOBILISED, OfferStatus.DEMOBILISED)


class AssistanceRequest(models.Model):
    requester = models.ForeignKey(
        Organisation,
        verbose_name=_("requesting organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.ForeignKey(
        CapabilityKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    country = models.CharField(_("country"), max_length=2, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    needed_within_minutes = models.PositiveIntegerField(
        _("needed within (minutes)"), null=True, blank=True
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.HIGH
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assistance request")
        verbose_name_plural = _("assistance requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.quantity} × {self.kind.slug}"

    def covered_quantity(self) -> int:
        return sum(o.quantity for o in self.offers.all() if o.status in COUNTING)


class Offer(models.Model):
    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="offers")
    capability = models.ForeignKey(
        Capability,
        verbose_name=_("capability"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
    )
    provider = models.ForeignKey(
        Organisation,
        verbose_name=_("offering organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    legal_basis = models.ForeignKey(
        LegalAct,
        verbose_name=_("legal basis"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=OfferStatus.choices, default=OfferStatus.OFFERED
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.quantity} for request #{self.request_id}"


class RequestEvent(models.Model):
    """One step of a request: created, offered, accepted, mobilised, demobilised, declined,
    closed."""

    request = models.ForeignKey(AssistanceRequest, on_delete=models.CASCADE, related_name="events")
    offer = models.ForeignKey(
        Offer, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    step = models.CharField(_("step"), max_length=12)
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("request step")
        verbose_name_plural = _("request steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"#{self.request_id} {self.step}"

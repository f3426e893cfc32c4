"""24/7 contact points of crisis centres, regions and organisations."""

from datetime import date, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.organisations.models import Organisation

STALE_AFTER = timedelta(days=90)


class Channel(models.TextChoices):
    PHONE = "phone", _("Telephone")
    EMAIL = "email", _("E-mail")
    RADIO = "radio", _("Radio")
    FAX = "fax", _("Fax")
    OTHER = "other", _("Other")


class ContactPointQuerySet(models.QuerySet):
    def stale(self, today: date | None = None):
        """Never verified, or last verified more than 90 days ago."""
        limit = (today or timezone.localdate()) - STALE_AFTER
        return self.filter(models.Q(last_verified__isnull=True) | models.Q(last_verified__lt=limit))


class ContactPoint(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contact_points",
    )
    country = models.CharField(_("country"), max_length=2)
    region = models.CharField(_("region"), max_length=12, blank=True)
    label = models.CharField(_("label"), max_length=200)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    value = models.CharField(_("number or address"), max_length=200)
    hours = models.CharField(_("hours"), max_length=60, default="24/7")
    last_verified = models.DateField(_("last verified"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    objects = ContactPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("24/7 contact point")
        verbose_name_plural = _("24/7 contact points")
        ordering = ["country", "region", "label", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "region", "organisation", "channel", "value"],
                name="contact_point_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"

    def is_stale(self, today: date | None = None) -> bool:
        if self.last_verified is None:
            return True
        return self.last_verified < (today or timezone.localdate()) - STALE_AFTER

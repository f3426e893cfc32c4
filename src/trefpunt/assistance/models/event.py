"""Major events prepared together: venue, dates, pre-positioned capabilities, a checklist and
the lessons learned."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .capability import Capability


class MajorEvent(models.Model):
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    venue = models.CharField(_("venue"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    description = models.TextField(_("description"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("major event")
        verbose_name_plural = _("major events")
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return self.name


class PrePositioned(models.Model):
    event = models.ForeignKey(MajorEvent, on_delete=models.CASCADE, related_name="pre_positioned")
    capability = models.ForeignKey(Capability, on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(_("quantity"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pre-positioned capability")
        verbose_name_plural = _("pre-positioned capabilities")
        constraints = [
            models.UniqueConstraint(fields=["event", "capability"], name="pre_positioned_unique")
        ]

    def __str__(self) -> str:
        return f"{self.event}: {self.capability}"


class ChecklistItem(models.Model):
    event = models.ForeignKey(MajorEvent, on_delete=models.CASCADE, related_name="checklist")
    text = models.CharField(_("item"), max_length=300)
    done = models.BooleanField(_("done"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Lesson(models.Model):
    event = models.ForeignKey(MajorEvent, on_delete=models.CASCADE, related_name="lessons")
    text = models.TextField(_("lesson learned"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

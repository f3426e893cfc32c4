"""Plans: the multi-annual plan with its objectives, the annual plans, and their texts as
immutable versions (an edit makes a new draft; an approved version never changes)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.organisations.models import Presidency

CONTENT_LANGUAGES = [("nl", "Nederlands"), ("fr", "Français"), ("de", "Deutsch"), ("en", "English")]


class Theme(models.TextChoices):
    """The three themes of the Benelux treaty of 2008."""

    INTERNAL_MARKET = "internal_market", _("Internal market and economic union")
    SUSTAINABLE_DEVELOPMENT = "sustainable_development", _("Sustainable development")
    JUSTICE_HOME_AFFAIRS = "justice_home_affairs", _("Justice and home affairs")


class MultiAnnualPlan(models.Model):
    slug = models.SlugField(_("period"), max_length=20, unique=True, help_text="2025-2028")
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("original language"), max_length=2, choices=CONTENT_LANGUAGES)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("multi-annual plan")
        verbose_name_plural = _("multi-annual plans")
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")), name="plan_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start_year}–{self.end_year})"

    def get_absolute_url(self) -> str:
        return reverse("programme:plan", args=[self.slug])

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"


class Objective(models.Model):
    plan = models.ForeignKey(MultiAnnualPlan, on_delete=models.CASCADE, related_name="objectives")
    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)
    code = models.CharField(_("code"), max_length=10)
    title = models.CharField(_("title"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="objective_code_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class AnnualPlan(models.Model):
    plan = models.ForeignKey(
        MultiAnnualPlan,
        verbose_name=_("multi-annual plan"),
        on_delete=models.PROTECT,
        related_name="annual_plans",
    )
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("original language"), max_length=2, choices=CONTENT_LANGUAGES)
    presidency = models.ForeignKey(
        Presidency,
        verbose_name=_("presidency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="annual_plans",
    )
    presidency_priorities = models.TextField(_("priorities of the presidency"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("annual plan")
        verbose_name_plural = _("annual plans")
        ordering = ["year"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programme:annual_plan", args=[self.year])


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    APPROVED = "approved", _("Approved")


class PlanVersionQuerySet(models.QuerySet):
    def of(self, plan):
        if isinstance(plan, MultiAnnualPlan):
            return self.filter(multi_annual=plan)
        return self.filter(annual=plan)


class PlanVersion(models.Model):
    """One text of a plan. Rows are never edited: an edit creates the next number; only the
    status and the consultation window move (draft → consultation → approved)."""

    multi_annual = models.ForeignKey(
        MultiAnnualPlan, null=True, blank=True, on_delete=models.CASCADE, related_name="versions"
    )
    annual = models.ForeignKey(
        AnnualPlan, null=True, blank=True, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    status = models.CharField(
        _("status"), max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    consultation_opens = models.DateField(_("consultation opens"), null=True, blank=True)
    consultation_closes = models.DateField(_("consultation closes"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(multi_annual__isnull=True, annual__isnull=False)
                | Q(multi_annual__isnull=False, annual__isnull=True),
                name="plan_version_of_one_plan",
            ),
            models.UniqueConstraint(
                fields=["multi_annual", "number"], name="plan_version_number_multi_annual"
            ),
            models.UniqueConstraint(fields=["annual", "number"], name="plan_version_number_annual"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("programme:version", args=[self.pk])

    @property
    def plan(self):
        return self.multi_annual or self.annual

    def consultation_is_open(self, today) -> bool:
        return (
            self.status == VersionStatus.CONSULTATION
            and self.consultation_opens is not None
            and self.consultation_opens <= today
            and (self.consultation_closes is None or today <= self.consultation_closes)
        )

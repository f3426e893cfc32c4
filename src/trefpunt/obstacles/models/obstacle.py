"""The obstacle, its translations and the competent authorities on each side."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.lib.content import CONTENT_LANGUAGES, Origin, TranslatableMixin

from ..lifecycle import ASSESSMENT_CLOCK, PUBLISHED, REDRESS_CLOCK, Level, Status


class Border(models.TextChoices):
    BE_NL = "BE-NL", _("Belgium – Netherlands")
    BE_FR = "BE-FR", _("Belgium – France")
    BE_DE = "BE-DE", _("Belgium – Germany")
    BE_LU = "BE-LU", _("Belgium – Luxembourg")
    NL_DE = "NL-DE", _("Netherlands – Germany")
    LU_FR = "LU-FR", _("Luxembourg – France")
    LU_DE = "LU-DE", _("Luxembourg – Germany")
    FR_DE = "FR-DE", _("France – Germany")


def border_countries(border: str) -> tuple[str, str]:
    first, _sep, second = border.partition("-")
    return first, second


class Domain(models.TextChoices):
    """The thematic areas of b-solutions."""

    EMPLOYMENT = "employment", _("Employment")
    SOCIAL_SECURITY = "social_security", _("Social security and taxation")
    HEALTH = "health", _("Health care")
    TRANSPORT = "transport", _("Transport and mobility")
    EDUCATION = "education", _("Education and training")
    PUBLIC_SERVICES = "public_services", _("Public services")
    ENVIRONMENT = "environment", _("Environment")
    ECONOMY = "economy", _("Economy and business")
    SAFETY = "safety", _("Safety and emergency services")
    OTHER = "other", _("Other")


# The shared taxonomy (practices.Theme slugs) a domain belongs to, for search facets.
DOMAIN_THEMES = {
    Domain.EMPLOYMENT: "labour-market",
    Domain.SOCIAL_SECURITY: "labour-market",
    Domain.HEALTH: "health",
    Domain.TRANSPORT: "mobility-transport",
    Domain.EDUCATION: "education",
    Domain.ENVIRONMENT: "climate-adaptation",
    Domain.SAFETY: "crisis-management",
}


class Interaction(models.TextChoices):
    PERSONS = "persons", _("Persons")
    BUSINESSES = "businesses", _("Businesses")
    PUBLIC_SERVICES = "public_services", _("Public services")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")


class Source(models.TextChoices):
    ORGANISATION = "organisation", _("An organisation")
    PUBLIC_FORM = "public_form", _("The public form")


class ObstacleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status__in=PUBLISHED)

    def with_relations(self):
        return self.select_related("reporter").prefetch_related("translations")

    def assessment_overdue(self, today):
        return self.filter(status__in=ASSESSMENT_CLOCK, assessment_due__lt=today)

    def redress_overdue(self, today):
        return self.filter(status__in=REDRESS_CLOCK, redress_due__lt=today)


class Obstacle(TranslatableMixin, models.Model):
    language = models.CharField(_("original language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    border = models.CharField(_("border"), max_length=5, choices=Border.choices)
    territories = models.ManyToManyField(
        "places.Territory",
        verbose_name=_("territories"),
        blank=True,
        related_name="obstacles",
        help_text=_("The places affected, on either side (the side is the territory's country)."),
    )
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    interaction = models.CharField(
        _("kind of interaction"), max_length=20, choices=Interaction.choices
    )
    source = models.CharField(
        _("reported through"), max_length=12, choices=Source.choices, default=Source.ORGANISATION
    )
    reporter = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("reporting organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reported_obstacles",
    )
    # Public form only: kept for the curators, never published nor exported.
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.SUBMITTED
    )
    status_since = models.DateTimeField(_("status since"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    recognised_at = models.DateTimeField(_("recognised"), null=True, blank=True)
    assessment_due = models.DateField(_("assessment due"), null=True, blank=True)
    redress_due = models.DateField(_("solution due"), null=True, blank=True)
    level = models.CharField(
        _("escalation level"), max_length=30, choices=Level.choices, blank=True
    )
    level_since = models.DateTimeField(_("at this level since"), null=True, blank=True)
    practices = models.ManyToManyField(
        "practices.Practice", verbose_name=_("practices"), blank=True, related_name="obstacles"
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", verbose_name=_("meetings"), blank=True, related_name="obstacles"
    )
    decisions = models.ManyToManyField(
        "meetings.Decision", verbose_name=_("decisions"), blank=True, related_name="obstacles"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(
        m2m_fields=[territories, practices, meetings, decisions], excluded_fields=["updated_at"]
    )

    objects = ObstacleQuerySet.as_manager()

    class Meta:
        verbose_name = _("obstacle")
        verbose_name_plural = _("obstacles")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(source="public_form") | Q(reporter__isnull=False),
                name="obstacle_reporter_or_public_form",
            )
        ]
        indexes = [models.Index(fields=["status", "border"], name="obstacle_status_border")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("obstacles:obstacle", args=[self.pk])

    @property
    def countries(self) -> tuple[str, str]:
        return border_countries(self.border)

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED

    def is_assessment_overdue(self, today) -> bool:
        return bool(
            self.status in ASSESSMENT_CLOCK and self.assessment_due and self.assessment_due < today
        )

    def is_redress_overdue(self, today) -> bool:
        return bool(self.status in REDRESS_CLOCK and self.redress_due and self.redress_due < today)


class ObstacleTranslation(models.Model):
    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    origin = models.CharField(
        _("origin"), max_length=8, choices=Origin.choices, default=Origin.HUMAN
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("obstacle translation")
        verbose_name_plural = _("obstacle translations")
        constraints = [
            models.UniqueConstraint(
                fields=["obstacle", "language"], name="obstacle_translation_unique_language"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Authority(models.Model):
    """The organisation competent for the obstacle on one side of the border."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="authorities")
    country = models.CharField(_("side"), max_length=2)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="obstacle_competences",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("competent authority")
        verbose_name_plural = _("competent authorities")
        ordering = ["country", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["obstacle", "country", "organisation"], name="obstacle_authority_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country}: {self.organisation}"

"""Competences: who handles cross-border questions on what, where.

A competence belongs to an organisation or to one of its posts. Its theme comes from a small
taxonomy of this app (``CompetenceTheme``): the organisations floor sits below practices and
cannot read ``practices.Theme``, so the values are the slugs of the shared theme taxonomy
seeded by practices (a test keeps them equal) and a page on the top floor maps one onto the
other without a table in between. The free text ("handles cross-border questions on …") says
the detail in the content language.

Defined here (string references, no import of ``models``) and registered with the app's models
by ``models.py``.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ContactVisibility(models.TextChoices):
    """Who may see a post's work e-mail and phone."""

    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members of the network")
    CRISIS_STAFF = "crisis_staff", _("Crisis-centre staff")


class CompetenceTheme(models.TextChoices):
    """The slugs of the shared theme taxonomy (``practices`` seeds the same list)."""

    ENERGY_EFFICIENCY_HOUSING = (
        "energy-efficiency-housing",
        _("Energy efficiency of existing housing"),
    )
    CEE_WORKERS = "cee-workers", _("Inflow of workers from Central and Eastern Europe")
    CLIMATE_ADAPTATION = "climate-adaptation", _("Climate adaptation")
    SUSTAINABLE_DEVELOPMENT = "sustainable-development", _("Sustainable development")
    MOBILITY_TRANSPORT = "mobility-transport", _("Mobility and transport")
    LABOUR_MARKET = "labour-market", _("Labour market")
    POLICE_JUSTICE = "police-justice", _("Police and justice")
    CRISIS_MANAGEMENT = "crisis-management", _("Crisis management and resilience")
    SPATIAL_PLANNING = "spatial-planning", _("Spatial planning")
    HEALTH = "health", _("Health")
    ENERGY_MARKETS = "energy-markets", _("Energy markets")
    EDUCATION = "education", _("Education")


class CompetenceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def of_current_posts(self, on=None):
        """Competences of posts held now by people not archived."""
        on = on or timezone.localdate()
        return self.filter(
            Q(post__start__isnull=True) | Q(post__start__lte=on),
            Q(post__end__isnull=True) | Q(post__end__gte=on),
            post__isnull=False,
            post__person__archived_at__isnull=True,
        )


class Competence(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="competences",
    )
    post = models.ForeignKey(
        "organisations.Post",
        verbose_name=_("post"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="competences",
    )
    theme = models.CharField(_("theme"), max_length=40, choices=CompetenceTheme.choices)
    territory = models.ForeignKey(
        "places.Territory",
        verbose_name=_("territory covered"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="competences",
    )
    language = models.CharField(_("language of the text"), max_length=2)
    description = models.CharField(
        _("handles cross-border questions on"),
        max_length=300,
        help_text=_("E.g. “urgent patient transport across the border”."),
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    history = HistoricalRecords()

    objects = CompetenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["theme", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(post__isnull=True))
                | (Q(organisation__isnull=True) & Q(post__isnull=False)),
                name="competence_of_organisation_or_post",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_theme_display()}: {self.description}"

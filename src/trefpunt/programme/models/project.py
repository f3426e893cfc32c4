"""Projects of an annual plan, their partners, phases, deliverables and progress reports."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory

from .plan import CONTENT_LANGUAGES, AnnualPlan, Objective


class Project(models.Model):
    annual_plan = models.ForeignKey(
        AnnualPlan,
        verbose_name=_("annual plan"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    objective = models.ForeignKey(
        Objective,
        verbose_name=_("objective"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("original language"), max_length=2, choices=CONTENT_LANGUAGES)
    summary = models.TextField(_("summary"), blank=True)
    lead_team = models.ForeignKey(
        Organisation,
        verbose_name=_("lead team"),
        on_delete=models.PROTECT,
        related_name="led_projects",
    )
    themes = models.JSONField(_("themes"), default=list, blank=True)
    territories = models.ManyToManyField(
        Territory, verbose_name=_("territories"), blank=True, related_name="programme_projects"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["annual_plan__year", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programme:project", args=[self.slug])


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    RESEARCH_TEAM = "research_team", _("Research team")
    FUNDER = "funder", _("Funder")
    PROCESS_SUPPORT = "process_support", _("Process support")
    PARTICIPATING_CITY = "participating_city", _("Participating city")
    STEERING_COMMITTEE = "steering_committee", _("Steering committee")


class ProjectPartner(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=24, choices=PartnerRole.choices)

    class Meta:
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        ordering = ["role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="project_partner_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Phase(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="phases")
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["project", "position"], name="phase_position_unique")
        ]

    def __str__(self) -> str:
        return self.name


class DeliverableKind(models.TextChoices):
    DELIVERABLE = "deliverable", _("Deliverable")
    MILESTONE = "milestone", _("Milestone")


class DeliverableStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


CLOSED = (DeliverableStatus.DONE, DeliverableStatus.CANCELLED)


class DeliverableQuerySet(models.QuerySet):
    def counted(self):
        """The deliverables that weigh in the progress (cancelled ones do not)."""
        return self.exclude(status=DeliverableStatus.CANCELLED)

    def overdue(self, today):
        return self.filter(due_date__lt=today, progress__lt=100).exclude(status__in=CLOSED)


class Deliverable(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="deliverables")
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliverables",
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=DeliverableKind.choices, default="deliverable"
    )
    title = models.CharField(_("title"), max_length=300)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0)],
        help_text=_("Share in the project's progress, relative to the other deliverables."),
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DeliverableStatus.choices, default="planned"
    )
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    objects = DeliverableQuerySet.as_manager()

    class Meta:
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=0), name="deliverable_weight_positive"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="deliverable_progress_max"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.project.get_absolute_url() + f"#deliverable-{self.pk}"

    def is_overdue(self, today) -> bool:
        return (
            self.due_date is not None
            and self.due_date < today
            and self.progress < 100
            and self.status not in CLOSED
        )


class ProgressReport(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reports")
    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    text = models.TextField(_("text"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.project} {self.date}"

"""Who takes part (participants), what is discussed (agenda) and what was said (minutes)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .meeting import CONTENT_LANGUAGES, Meeting, Visibility


class ParticipantStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    DECLINED = "declined", _("Declined")
    ATTENDED = "attended", _("Attended")
    EXCUSED = "excused", _("Excused")


# Statuses that hold a seat (count against the capacity).
SEATED = (ParticipantStatus.REGISTERED, ParticipantStatus.ATTENDED)


class DelegationLevel(models.TextChoices):
    MUNICIPAL = "municipal", _("Municipal")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")
    BENELUX = "benelux", _("Benelux")


class ParticipantQuerySet(models.QuerySet):
    def seated(self):
        return self.filter(status__in=SEATED)

    def waiting(self):
        return self.filter(status=ParticipantStatus.WAITING).order_by("responded_at", "pk")


class Participant(models.Model):
    """An invited person or a whole invited organisation, with its answer and attendance."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "organisations.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(
        _("language of the invitation"), max_length=2, choices=CONTENT_LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ParticipantStatus.choices,
        default=ParticipantStatus.INVITED,
    )
    delegation_country = models.CharField(_("delegation (country)"), max_length=2, blank=True)
    delegation_level = models.CharField(
        _("delegation level"), max_length=10, choices=DelegationLevel.choices, blank=True
    )
    # NULL = no registration link issued; unique among the issued ones.
    token_digest = models.CharField(max_length=64, unique=True, null=True, editable=False)  # noqa: DJ001
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["token_digest"])

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["delegation_country", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organisation__isnull=False),
                name="participant_person_or_organisation",
            ),
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(person__isnull=False),
                name="participant_unique_person",
            ),
            models.UniqueConstraint(
                fields=["meeting", "organisation"],
                condition=Q(person__isnull=True),
                name="participant_unique_organisation",
            ),
        ]

    def __str__(self) -> str:
        return str(self.person or self.organisation)

    @property
    def name(self) -> str:
        if self.person_id:
            return str(self.person)
        return self.organisation.name_in()


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    presenter = models.ForeignKey(
        "organisations.Person",
        verbose_name=_("presenter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True
    )
    practices = models.ManyToManyField(
        "practices.Practice", verbose_name=_("good practices"), blank=True, related_name="+"
    )
    document_url = models.URLField(_("document"), max_length=500, blank=True)
    history = HistoricalRecords(m2m_fields=[practices])

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class Minutes(models.Model):
    """The minutes of a meeting in one language; approved minutes are read by those the
    visibility allows (never more than the meeting's own visibility)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    body = models.TextField(_("minutes"), help_text=_("Rich text; unsafe markup is removed."))
    status = models.CharField(
        _("status"), max_length=10, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT
    )
    visibility = models.CharField(
        _("who may read them"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.PARTICIPANTS,
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "language"], name="minutes_unique_language")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} ({self.language})"

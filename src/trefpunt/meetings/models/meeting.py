"""Series, meetings (with their translations) and chairs."""

import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.accounts.permissions import is_curator
from trefpunt.lib.content import (
    CONTENT_LANGUAGES,
    Origin,
    TranslatableMixin,
    TranslationSource,
)
from trefpunt.lib.languages import current_language
from trefpunt.organisations.access import acts_for, member_of

DEFAULT_TIMEZONE = "Europe/Brussels"


class MeetingKind(models.TextChoices):
    LOCAL_CONSULTATION = "local_consultation", _("Local consultation")
    STRATEGIC = "strategic", _("Strategic meeting")
    EXPERT = "expert", _("Expert meeting")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    BILATERAL = "bilateral", _("Bilateral meeting")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTICIPANTS = "participants", _("Participants only")
    RESTRICTED = "restricted", _("Restricted")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class Series(models.Model):
    """The same meeting over the years, e.g. the Eurometropolis local consultation."""

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    language = models.CharField(_("original language"), max_length=2, choices=CONTENT_LANGUAGES)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.EXPERT
    )
    organiser = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="meeting_series",
    )
    description = models.TextField(_("description"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name_in()

    def get_absolute_url(self) -> str:
        return reverse("meetings:series", args=[self.slug])

    def name_in(self, language: str | None = None) -> str:
        language = language or current_language()
        if language == self.language:
            return self.name
        for item in self.names.all():
            if item.language == language:
                return item.name
        return self.name


class SeriesName(models.Model):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("series name")
        verbose_name_plural = _("series names")
        constraints = [
            models.UniqueConstraint(fields=["series", "language"], name="series_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start")

    def scheduled(self):
        return self.filter(status=MeetingStatus.SCHEDULED)

    def participated_by(self, user):
        """Meetings ``user`` takes part in: as an invited person, through an invited
        organisation they belong to, or as a chair."""
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            Q(participants__person__user=user)
            | Q(  # a whole organisation invited (not one of its people)
                participants__person__isnull=True,
                participants__organisation__in=member_of(user),
            )
            | Q(chairs__person__user=user)
        )

    def organised_by_user(self, user):
        if is_curator(user):
            return self.all()
        return self.filter(organiser__in=acts_for(user))

    def visible_to(self, user):
        """Public and participants-only meetings are listed for everyone (their content is
        not); restricted meetings only for their organisers, chairs and participants."""
        if is_curator(user):
            return self.all()
        open_ = self.exclude(visibility=Visibility.RESTRICTED)
        if user is None or not getattr(user, "is_authenticated", False):
            return open_
        ids = set(self.participated_by(user).values_list("pk", flat=True))
        ids |= set(self.organised_by_user(user).values_list("pk", flat=True))
        return self.filter(Q(pk__in=ids) | ~Q(visibility=Visibility.RESTRICTED))


class Meeting(TranslatableMixin, models.Model):
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    language = models.CharField(_("original language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(
        _("description"), blank=True, help_text=_("Rich text; unsafe markup is removed.")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    timezone = models.CharField(_("time zone"), max_length=64, default=DEFAULT_TIMEZONE)
    territory = models.ForeignKey(
        "places.Territory",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    organiser = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="organised_meetings",
    )
    supporting = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("supporting organisations"),
        blank=True,
        related_name="supported_meetings",
    )
    sides = models.CharField(
        _("sides"),
        max_length=20,
        blank=True,
        help_text=_(
            "For a bi-national meeting, the countries of its sides (e.g. BE,FR); "
            "each side needs a chair."
        ),
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty for no limit.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    sequence = models.PositiveIntegerField(
        default=0, editable=False, help_text="iCalendar SEQUENCE: bumped on every change."
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="meeting_end_after_start"
            )
        ]
        indexes = [models.Index(fields=["start"], name="meeting_start_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting", args=[self.pk])

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def local_start(self):
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.end, self.zone)

    @property
    def side_countries(self) -> list[str]:
        return [code for code in self.sides.split(",") if code]

    @property
    def is_cancelled(self) -> bool:
        return self.status == MeetingStatus.CANCELLED

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def is_physical(self) -> bool:
        return bool(self.territory_id or self.address)

    def title_in(self, language: str | None = None) -> str:
        language = language or current_language()
        if language != self.language:
            translation = self.translation_in(language)
            if translation is not None:
                return translation.title
        return self.title


class MeetingTranslation(TranslationSource):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    origin = models.CharField(
        _("origin"),
        max_length=8,
        choices=Origin.choices,
        default=Origin.HUMAN,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting translation")
        verbose_name_plural = _("meeting translations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "language"], name="meeting_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Chair(models.Model):
    """A person chairing a meeting for one side; the organisation and country come from the
    post they hold (a mayor chairs for their municipality and its country)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="chairs")
    person = models.ForeignKey(
        "organisations.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+"
    )
    post = models.ForeignKey(
        "organisations.Post",
        verbose_name=_("post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    country = models.CharField(_("side (country)"), max_length=2)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chair")
        verbose_name_plural = _("chairs")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="chair_unique_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.country})"

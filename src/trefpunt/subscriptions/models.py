"""What a user follows (a meeting series, a theme, a territory, an organisation, an obstacle),
how often they want to hear of it, and which items were already mailed to them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import current_language


class Kind(models.TextChoices):
    SERIES = "series", _("Meeting series")
    THEME = "theme", _("Theme")
    TERRITORY = "territory", _("Territory")
    ORGANISATION = "organisation", _("Organisation")
    OBSTACLE = "obstacle", _("Obstacle")


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class ItemType(models.TextChoices):
    NEWS = "news", _("News")
    PRACTICE = "practice", _("Good practice")
    MEETING = "meeting", _("Meeting")
    OBSTACLE = "obstacle", _("Obstacle")


# The field that holds the followed record, per kind.
TARGET_FIELDS = {
    Kind.SERIES: "series",
    Kind.THEME: "theme",
    Kind.TERRITORY: "territory",
    Kind.ORGANISATION: "organisation",
    Kind.OBSTACLE: "obstacle",
}


class SubscriptionQuerySet(models.QuerySet):
    def with_targets(self):
        return self.select_related(*TARGET_FIELDS.values()).prefetch_related(
            "series__names", "theme__names", "territory__names", "organisation__names"
        )


class Subscription(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    kind = models.CharField(_("what"), max_length=12, choices=Kind.choices)
    series = models.ForeignKey(
        "meetings.Series", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    theme = models.ForeignKey(
        "practices.Theme", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    territory = models.ForeignKey(
        "places.Territory", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    obstacle = models.ForeignKey(
        "obstacles.Obstacle", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now)
    last_sent_at = models.DateTimeField(_("last mail"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["kind", "pk"]
        constraints = [
            *(
                models.UniqueConstraint(
                    fields=["user", field],
                    condition=Q(**{f"{field}__isnull": False}),
                    name=f"subscription_unique_{field}",
                )
                for field in TARGET_FIELDS.values()
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="series", series__isnull=False)
                    | Q(kind="theme", theme__isnull=False)
                    | Q(kind="territory", territory__isnull=False)
                    | Q(kind="organisation", organisation__isnull=False)
                    | Q(kind="obstacle", obstacle__isnull=False)
                ),
                name="subscription_target_of_its_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()} {self.target_label()}"

    @property
    def target(self):
        return getattr(self, TARGET_FIELDS[self.kind])

    def target_label(self, language: str | None = None) -> str:
        target = self.target
        if target is None:
            return ""
        language = language or current_language()
        if self.kind == Kind.OBSTACLE:
            return target.reading_in(language).title
        return target.name_in(language)


class SentItem(models.Model):
    """An item mailed to a user: a digest never mails it to them again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    item_type = models.CharField(max_length=10, choices=ItemType.choices)
    item_id = models.PositiveIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("item mailed")
        verbose_name_plural = _("items mailed")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "item_type", "item_id"], name="sent_item_once_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.item_type} {self.item_id}"

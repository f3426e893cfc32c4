"""Good practices, their translations, themes and curated collections."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.lib.content import CONTENT_LANGUAGES, Origin, TranslatableMixin, TranslationSource
from trefpunt.lib.languages import current_language

from . import access


class Theme(models.Model):
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name_in()

    def name_in(self, language: str | None = None) -> str:
        language = language or current_language()
        names = {n.language: n.name for n in self.names.all()}
        return names.get(language) or names.get("en") or self.slug


class ThemeName(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="names")
    language = models.CharField(_("language"), max_length=2)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("theme name")
        verbose_name_plural = _("theme names")
        constraints = [
            models.UniqueConstraint(fields=["theme", "language"], name="theme_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOT = "pilot", _("Pilot")
    IMPLEMENTED = "implemented", _("Implemented")
    EVALUATED = "evaluated", _("Evaluated")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def in_language(self, language: str):
        return self.filter(Q(language=language) | Q(translations__language=language)).distinct()

    def drafts(self):
        return self.filter(status=Status.DRAFT)

    def not_archived(self):
        return self.exclude(status=Status.ARCHIVED)

    def visible_to(self, user):
        """The practices ``user`` may read (the rule is in ``access.readable``)."""
        return access.readable(self, user)


class Practice(TranslatableMixin, models.Model):
    external_id = models.CharField(
        _("external identifier"), max_length=120, unique=True, null=True, blank=True
    )
    language = models.CharField(_("original language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=1000)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("description"), blank=True, help_text=_("Rich text; unsafe markup is removed.")
    )
    results = models.TextField(_("results"), blank=True)
    costs = models.TextField(_("costs"), blank=True)
    transferability = models.TextField(
        _("transferability"), blank=True, help_text=_("What another city needs to copy it.")
    )
    contacts = models.TextField(_("contacts"), blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    stage = models.CharField(
        _("stage"), max_length=12, choices=Stage.choices, default=Stage.IMPLEMENTED
    )
    period_start = models.DateField(_("start"), null=True, blank=True)
    period_end = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owning organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_practices",
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="practices"
    )
    territories = models.ManyToManyField(
        "places.Territory", verbose_name=_("territories"), blank=True, related_name="practices"
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="practices",
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(
        m2m_fields=[themes, territories, organisations], excluded_fields=["updated_at"]
    )

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="practice_period_order",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:practice", args=[self.pk])


class PracticeTranslation(TranslationSource):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=1000)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("description"), blank=True)
    results = models.TextField(_("results"), blank=True)
    transferability = models.TextField(_("transferability"), blank=True)
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
        verbose_name = _("practice translation")
        verbose_name_plural = _("practice translations")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "language"], name="practice_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


def attachment_path(instance, filename: str) -> str:
    return f"practices/{instance.practice_id}/{filename}"


class Attachment(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    title = models.CharField(_("title"), max_length=200)
    content_type = models.CharField(max_length=100, editable=False)
    size = models.PositiveIntegerField(editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


class Link(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.title


class CollectionKind(models.TextChoices):
    TOOLKIT = "toolkit", _("Toolkit")
    REPORT = "report", _("Report")
    COLLECTION = "collection", _("Collection")


class Review(models.TextChoices):
    """A collection's editorial review, as in the Urbiscoop toolkit."""

    DRAFT = "draft", _("Draft")
    EXPERT_REVIEW = "expert_review", _("Expert review")
    FINAL = "final", _("Final")


class CollectionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """The collections ``user`` may read (the rule is in ``access.readable_collections``)."""
        return access.readable_collections(self, user)


class Collection(TranslatableMixin, models.Model):
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=CollectionKind.choices, default=CollectionKind.TOOLKIT
    )
    language = models.CharField(_("original language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=1000)
    introduction = models.TextField(_("introduction"), blank=True)
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("editor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="collections",
    )
    practices = models.ManyToManyField(
        Practice, through="CollectionItem", related_name="collections"
    )
    review = models.CharField(
        _("review"), max_length=14, choices=Review.choices, default=Review.DRAFT
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = CollectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:collection", args=[self.slug])


class CollectionTranslation(TranslationSource):
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=1000)
    introduction = models.TextField(_("introduction"), blank=True)
    origin = models.CharField(
        _("origin"), max_length=8, choices=Origin.choices, default=Origin.HUMAN
    )

    class Meta:
        verbose_name = _("collection translation")
        verbose_name_plural = _("collection translations")
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "language"], name="collection_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    practice = models.ForeignKey(
        Practice, on_delete=models.PROTECT, related_name="collection_items"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    note = models.TextField(_("editorial note"), blank=True)

    class Meta:
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "practice"], name="collection_item_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.collection} #{self.position}"

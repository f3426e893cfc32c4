"""News articles, their translations and their daily view counts per language."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from trefpunt.lib.content import (
    CONTENT_LANGUAGES,
    Origin,
    TranslatableMixin,
    TranslationSource,
)

from . import access

MAX_IMAGE_BYTES = 5 * 1024 * 1024


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Public articles: published, and their publication time has come."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def in_language(self, language: str):
        """Articles written in ``language`` or translated into it."""
        return self.filter(
            Q(language=language)
            | Q(pk__in=ArticleTranslation.objects.filter(language=language).values("article_id"))
        )

    def visible_to(self, user):
        """The articles ``user`` may read (the rule is in ``access.readable``)."""
        return access.readable(self, user)

    def with_views(self):
        """Annotated with ``stored_views``: the views written to the database so far."""
        totals = (
            ArticleView.objects.filter(article=OuterRef("pk"))
            .values("article")
            .annotate(total=Sum("count"))
            .values("total")
        )
        return self.annotate(stored_views=Coalesce(Subquery(totals), 0))

    def newest_first(self):
        return self.order_by(models.F("published_at").desc(nulls_first=True), "-pk")


def image_path(instance, filename: str) -> str:
    """A fresh name under ``news/``; the extension follows the checked content, not the upload."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "img"
    return f"news/{timezone.now():%Y}/{uuid.uuid4().hex}.{extension}"


class Article(TranslatableMixin, models.Model):
    """A news item of the secretariat or a partner organisation.

    Themes point to ``practices.Theme``: the theme taxonomy is shared by the whole platform
    (search facets, filters), so news reuses it instead of keeping a second copy.
    """

    external_id = models.CharField(
        _("external identifier"), max_length=120, unique=True, null=True, blank=True
    )
    language = models.CharField(_("original language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("lead"), blank=True)
    body = models.TextField(
        _("text"), blank=True, help_text=_("Rich text; unsafe markup is removed.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    author = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("author organisation"),
        on_delete=models.PROTECT,
        related_name="news_articles",
    )
    themes = models.ManyToManyField(
        "practices.Theme", verbose_name=_("themes"), blank=True, related_name="news_articles"
    )
    territories = models.ManyToManyField(
        "places.Territory",
        verbose_name=_("territories"),
        blank=True,
        related_name="news_articles",
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="news_mentions",
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", verbose_name=_("meetings"), blank=True, related_name="news_articles"
    )
    image = models.ImageField(_("image"), upload_to=image_path, blank=True, max_length=200)
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:article", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class ArticleTranslation(TranslationSource):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("lead"), blank=True)
    body = models.TextField(_("text"), blank=True)
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
        verbose_name = _("article translation")
        verbose_name_plural = _("article translations")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="article_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class ArticleView(models.Model):
    """How many distinct visitors read an article in a language on a day (see ``counting``)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="view_counts")
    language = models.CharField(_("language"), max_length=2, choices=CONTENT_LANGUAGES)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("article views")
        verbose_name_plural = _("article views")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language", "day"], name="article_view_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article_id} {self.language} {self.day}: {self.count}"

"""The search index: one document per record and language, chunks with their vectors.

Lexical indexes (SQLite FTS5 or PostgreSQL tsvector) live beside these tables and are created
by this app's migrations for the database in use; vectors are stored as float16 bytes with
the name and dimension of the model that made them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    RESTRICTED = "restricted", _("Restricted")


class SearchDocument(models.Model):
    doc_type = models.CharField(_("type"), max_length=30)
    object_key = models.CharField(
        _("record"), max_length=120, help_text=_("Primary key, code or slug.")
    )
    language = models.CharField(_("language"), max_length=3, blank=True)
    is_original = models.BooleanField(_("original"), default=True)
    external_id = models.CharField(_("external identifier"), max_length=120, blank=True)
    title = models.CharField(_("title"), max_length=1000)
    text = models.TextField(_("text"), blank=True)
    path = models.CharField(
        _("path"), max_length=300, help_text=_("Page address without the language prefix.")
    )
    facets = models.JSONField(_("facets"), default=dict)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["doc_type", "object_key", "language"], name="search_document_unique"
            )
        ]
        indexes = [models.Index(fields=["doc_type", "object_key"], name="search_document_record")]

    def __str__(self) -> str:
        return f"{self.doc_type}:{self.object_key} ({self.language})"


class SearchFacet(models.Model):
    """One (key, value) per document and facet, for filtering inside SQL."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facet_rows"
    )
    key = models.CharField(max_length=20)
    value = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["key", "value"], name="search_facet_key_value")]

    def __str__(self) -> str:
        return f"{self.key}={self.value}"


class SearchChunk(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="chunks")
    position = models.PositiveIntegerField()
    text = models.TextField()
    vector = models.BinaryField(null=True)
    model = models.CharField(max_length=60, blank=True)
    dimension = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["document_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="search_chunk_unique")
        ]

    def __str__(self) -> str:
        return f"{self.document_id}#{self.position}"

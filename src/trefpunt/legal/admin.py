"""Legal acts come from imports: the admin shows them and lets a curator correct a few facts
(dates, kind, themes, ELI URI) the rules could not read; text and articles are read-only."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ActLink, Article, LegalAct


class ArticleInline(admin.TabularInline):
    model = Article
    fields = ("number", "anchor", "language", "heading")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LegalAct)
class LegalActAdmin(SimpleHistoryAdmin):
    list_display = ("bwb_id", "title", "kind", "signed_on", "crisis_related")
    list_filter = ("kind", "crisis_related", "language")
    search_fields = ("bwb_id", "title")
    readonly_fields = (
        "bwb_id",
        "title",
        "text",
        "language",
        "languages",
        "parties",
        "source",
        "source_commit",
        "created_at",
        "updated_at",
    )
    inlines = [ArticleInline]

    def has_add_permission(self, request):
        return False


@admin.register(ActLink)
class ActLinkAdmin(admin.ModelAdmin):
    list_display = ("from_act", "kind", "to_act")
    list_filter = ("kind",)
    raw_id_fields = ("from_act", "to_act")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

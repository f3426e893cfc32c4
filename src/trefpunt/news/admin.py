from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import operations
from .models import Article, ArticleTranslation


class TranslationInline(admin.StackedInline):
    model = ArticleTranslation
    extra = 0
    fields = ("language", "title", "summary", "origin", "reviewed_by")
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False  # translations are written beside the original, on the article's page


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    """Saves go through ``operations`` (permissions, clean text, history, search index)."""

    list_display = ("title", "language", "author", "status", "published_at", "is_demo")
    list_filter = ("status", "language", "is_demo")
    search_fields = ("title", "summary")
    date_hierarchy = "published_at"
    autocomplete_fields = ("author", "territories", "organisations")
    filter_horizontal = ("themes", "meetings")
    readonly_fields = ("status", "version")
    list_select_related = ("author",)
    inlines = [TranslationInline]
    actions = ["publish", "archive"]

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        names = [n for n in (*operations.ARTICLE_FIELDS, *operations.RELATED) if n in data]
        if change:
            changed = {name: data[name] for name in form.changed_data if name in names}
            operations.update_article(Article.objects.get(pk=obj.pk), user=request.user, **changed)
        else:
            created = operations.create_article(
                user=request.user, **{name: data[name] for name in names}
            )
            obj.pk = created.pk

    def save_related(self, request, form, formsets, change):
        # Relations were written by the operation in save_model; the read-only translation
        # inline has nothing to save but keeps the admin's change message working.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def has_delete_permission(self, request, obj=None):
        return False  # archive instead (nothing is hard-deleted by users)

    @admin.action(description=_("Publish the selected articles"))
    def publish(self, request, queryset):
        for article in queryset.select_related("author"):
            operations.publish_article(article, user=request.user)

    @admin.action(description=_("Archive the selected articles"))
    def archive(self, request, queryset):
        for article in queryset.select_related("author"):
            operations.archive_article(article, user=request.user)

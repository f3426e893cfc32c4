from django.contrib import admin

from .models import SentItem, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "frequency", "created_at", "last_sent_at")
    list_filter = ("kind", "frequency")
    readonly_fields = ("user", "kind", "series", "theme", "territory", "organisation", "obstacle")
    fields = (*readonly_fields, "frequency", "created_at", "last_sent_at")

    def has_add_permission(self, request):
        return False  # users follow records themselves (page button, API)


@admin.register(SentItem)
class SentItemAdmin(admin.ModelAdmin):
    list_display = ("user", "item_type", "item_id", "sent_at")
    list_filter = ("item_type",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

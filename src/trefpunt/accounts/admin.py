from django.contrib import admin

from .models import ApiToken, PlatformGrant


@admin.register(PlatformGrant)
class PlatformGrantAdmin(admin.ModelAdmin):
    list_display = ("user", "role")
    list_filter = ("role",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "label", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("user", "label", "prefix", "created_at", "last_used_at")
    fields = ("user", "label", "prefix", "created_at", "last_used_at", "revoked_at")

    def has_add_permission(self, request):
        return False  # tokens are created by their owner, who alone sees the secret once

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import operations
from .models import Territory, TerritoryName


class TerritoryNameInline(admin.TabularInline):
    model = TerritoryName
    fields = ("language", "name", "kind")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Territory)
class TerritoryAdmin(SimpleHistoryAdmin):
    list_display = ("name", "code", "level", "country", "population", "source")
    list_filter = ("country", "level", "degurba")
    search_fields = ("code", "name", "names__folded")
    readonly_fields = ("code", "level", "country", "nuts3", "updated_at")
    autocomplete_fields = ("parent",)
    inlines = [TerritoryNameInline]
    list_select_related = ("parent",)

    def save_model(self, request, obj, form, change):
        # Only changes reach here: territories come from importers (no add permission).
        fields = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in operations.EDITABLE_BY_CURATORS
        }
        operations.update_territory(Territory.objects.get(pk=obj.pk), user=request.user, **fields)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import operations
from .models import Invitation, Membership, Organisation, Person, Post, Presidency, Relation


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "acronym", "kind", "country", "territory", "is_demo", "archived_at")
    list_filter = ("kind", "country", "is_demo")
    search_fields = ("name", "acronym", "slug", "names__folded")
    autocomplete_fields = ("territory", "parent")
    readonly_fields = ("version", "names_in_languages")
    fields = (
        "slug",
        "kind",
        "name",
        "language",
        "names_in_languages",
        "acronym",
        "country",
        "territory",
        "parent",
        "website",
        "description",
        "is_demo",
        "version",
    )

    @admin.display(description="names")
    def names_in_languages(self, obj):
        return ", ".join(
            f"{lang}: {name}" for lang, name in sorted(obj.names_by_language().items())
        )

    def save_model(self, request, obj, form, change):
        data = {
            name: form.cleaned_data[name]
            for name in operations.ORGANISATION_FIELDS
            if name in form.cleaned_data
        }
        if change:
            changed = {name: data[name] for name in form.changed_data if name in data}
            operations.update_organisation(
                Organisation.objects.get(pk=obj.pk), user=request.user, **changed
            )
        else:
            created = operations.create_organisation(user=request.user, slug=obj.slug, **data)
            obj.pk = created.pk

    def has_delete_permission(self, request, obj=None):
        return False  # archive instead (nothing is hard-deleted by users)


class DirectoryAdmin(SimpleHistoryAdmin):
    def save_model(self, request, obj, form, change):
        operations.save_directory_record(obj, user=request.user)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(DirectoryAdmin):
    list_display = ("family_name", "given_name", "languages", "is_demo")
    search_fields = ("family_name", "given_name", "slug")


@admin.register(Post)
class PostAdmin(DirectoryAdmin):
    list_display = ("person", "role", "organisation", "start", "end")
    list_filter = ("role",)
    autocomplete_fields = ("person", "organisation")
    list_select_related = ("person", "organisation")


@admin.register(Relation)
class RelationAdmin(DirectoryAdmin):
    list_display = ("source", "kind", "target", "since", "until")
    list_filter = ("kind",)
    autocomplete_fields = ("source", "target")
    list_select_related = ("source", "target")


@admin.register(Presidency)
class PresidencyAdmin(admin.ModelAdmin):
    list_display = ("year", "country", "note")

    def save_model(self, request, obj, form, change):
        operations.set_presidency(
            user=request.user, year=obj.year, country=obj.country, note=obj.note
        )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "created_at")
    list_filter = ("role",)
    autocomplete_fields = ("organisation",)
    search_fields = ("user__username", "organisation__name")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read only: administrators invite on the organisation's page (the raw link is mailed
    once and never stored)."""

    list_display = ("email", "organisation", "role", "created_at", "expires_at", "accepted_at")
    list_filter = ("role",)
    search_fields = ("email", "organisation__name")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

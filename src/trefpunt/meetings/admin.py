"""Curators' overview of meetings and actions.

Meetings are edited on the site's organiser screens (chairs per side, agenda, minutes need
their own checks); the admin lists, shows history and offers the bulk actions below, each
through the operations.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from . import operations
from .models import Action, ActionStatus, Meeting, Series


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Series)
class SeriesAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "organiser", "is_demo")
    list_filter = ("kind", "is_demo")
    search_fields = ("name", "slug")


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "start", "timezone", "organiser", "visibility", "status")
    list_filter = ("kind", "visibility", "status", "is_demo")
    search_fields = ("title", "translations__title")
    date_hierarchy = "start"
    list_select_related = ("organiser",)
    actions = ["cancel"]

    @admin.action(description=_("Cancel the selected meetings"))
    def cancel(self, request, queryset):
        done = 0
        for meeting in queryset.select_related("organiser"):
            try:
                operations.cancel_meeting(meeting, user=request.user)
                done += 1
            except PermissionDenied as error:
                self.message_user(
                    request,
                    _("%(record)s: %(error)s") % {"record": meeting, "error": error},
                    messages.ERROR,
                )
        self.message_user(
            request,
            ngettext("%(count)s meeting cancelled.", "%(count)s meetings cancelled.", done)
            % {"count": done},
        )


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin):
    list_display = ("title", "meeting", "owner_person", "owner_organisation", "due_date", "status")
    list_filter = ("status",)
    search_fields = ("title",)
    list_select_related = ("meeting", "owner_person", "owner_organisation")
    actions = ["mark_done"]

    @admin.action(description=_("Mark the selected actions as done"))
    def mark_done(self, request, queryset):
        done = 0
        for action in queryset.select_related("meeting__organiser"):
            try:
                operations.update_action(
                    action, user=request.user, version=action.version, status=ActionStatus.DONE
                )
                done += 1
            except PermissionDenied as error:
                self.message_user(
                    request,
                    _("%(record)s: %(error)s") % {"record": action, "error": error},
                    messages.ERROR,
                )
            except ValidationError as error:
                self.message_user(
                    request,
                    _("%(record)s: %(error)s")
                    % {"record": action, "error": " ".join(error.messages)},
                    messages.ERROR,
                )
        self.message_user(
            request,
            ngettext("%(count)s action marked as done.", "%(count)s actions marked as done.", done)
            % {"count": done},
        )

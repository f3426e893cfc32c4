from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("export.csv", views.meeting_export, name="export"),
    path("calendar/", views.meeting_calendar, name="calendar"),
    path("follow-up/", views.followup, name="followup"),
    path("follow-up/actions.csv", views.followup_export, name="followup_export"),
    path("new/", views.meeting_create, name="create"),
    path("series/<slug:slug>/", views.series_detail, name="series"),
    path("register/<str:token>/", views.register, name="register"),
    path("<int:pk>/", views.meeting_detail, name="meeting"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/translate/<slug:lang>/", views.meeting_translate, name="translate"),
    path("<int:pk>/next/", views.schedule_next, name="schedule_next"),
    path("<int:pk>/cancel/", views.meeting_cancel, name="cancel"),
    path("<int:pk>/agenda/", views.agenda, name="agenda"),
    path("<int:pk>/agenda/<int:item_pk>/", views.agenda_item_edit, name="agenda_item"),
    path(
        "<int:pk>/agenda/<int:item_pk>/remove/",
        views.agenda_item_remove,
        name="agenda_item_remove",
    ),
    path("<int:pk>/agenda/<int:item_pk>/move/", views.agenda_item_move, name="agenda_item_move"),
    path("<int:pk>/participants/", views.participants, name="participants"),
    path(
        "<int:pk>/participants/<int:participant_pk>/status/",
        views.participant_status,
        name="participant_status",
    ),
    path("<int:pk>/minutes/<slug:lang>/", views.minutes_edit, name="minutes"),
    path("<int:pk>/minutes/<slug:lang>/approve/", views.minutes_approve, name="minutes_approve"),
    path("<int:pk>/decisions/", views.decisions, name="decisions"),
    path("<int:pk>/actions/", views.actions, name="actions"),
    path("actions/<int:action_pk>/update/", views.action_update, name="action_update"),
]

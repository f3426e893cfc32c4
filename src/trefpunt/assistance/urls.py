from django.urls import path

from . import views

app_name = "assistance"
urlpatterns = [
    path("", views.index, name="index"),
    path("nearest/", views.nearest, name="nearest"),
    path("map/", views.map_page, name="map"),
    path("capabilities/", views.capability_list, name="capabilities"),
    path("capabilities/<int:pk>/", views.capability_detail, name="capability"),
    path("contacts/", views.contacts, name="contacts"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("report/", views.report_page, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
    path("audit/", views.audit, name="audit"),
]

from django.urls import path

from . import views

app_name = "obstacles"
urlpatterns = [
    path("", views.obstacle_list, name="list"),
    path("report/", views.report, name="report"),
    path("tell-us/", views.report_public, name="report_public"),
    path("tell-us/thanks/", views.report_public_done, name="report_public_done"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("obstacles.csv", views.export_csv, name="csv"),
    path("obstacles.json", views.export_json, name="json"),
    path("feed.atom", views.feed, name="feed"),
    path("report/<int:year>.pdf", views.annual_report, name="annual_report"),
    path("<int:pk>/", views.obstacle_detail, name="obstacle"),
    path("<int:pk>/edit/", views.edit_obstacle, name="edit"),
    path("<int:pk>/status/", views.transition, name="transition"),
    path("<int:pk>/escalate/", views.escalate, name="escalate"),
    path("<int:pk>/signals/", views.add_signal, name="signal"),
    path("<int:pk>/provisions/", views.add_provision, name="provision"),
]

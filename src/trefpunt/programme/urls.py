from django.urls import path

from . import views

app_name = "programme"
urlpatterns = [
    path("", views.index, name="index"),
    path("presidencies/", views.presidencies, name="presidencies"),
    path("plans/<slug:slug>/", views.plan, name="plan"),
    path("projects/<slug:slug>/", views.project, name="project"),
    path("versions/<int:pk>/", views.version, name="version"),
    path("versions/<int:pk>/diff/", views.version_diff, name="version_diff"),
    path("<int:year>/", views.annual_plan, name="annual_plan"),
    path("<int:year>/report.pdf", views.annual_report, name="annual_report"),
]

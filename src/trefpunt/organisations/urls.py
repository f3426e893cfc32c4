from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("organisations/", views.organisation_list, name="list"),
    path("relations/", views.relation_list, name="relations"),
    path("relations/export.<str:fmt>", views.relation_export, name="relations_export"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="edit"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
]

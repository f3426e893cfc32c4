from django.urls import path

from . import views

app_name = "legal"
urlpatterns = [
    path("", views.act_list, name="list"),
    path("<str:bwb_id>/", views.act_detail, name="act"),
]

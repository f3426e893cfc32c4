from django.urls import path

from . import views

app_name = "places"
urlpatterns = [
    path("", views.territory_list, name="list"),
    path("suggest/", views.territory_suggest, name="suggest"),
    path("export.<str:fmt>", views.territory_export, name="export"),
    path("<str:code>/boundary.geojson", views.territory_boundary, name="boundary"),
]

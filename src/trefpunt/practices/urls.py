from django.urls import path

from . import views

app_name = "practices"
urlpatterns = [
    path("", views.practice_list, name="list"),
    path("export.<slug:fmt>", views.practice_export, name="export"),
    path("new/", views.practice_create, name="create"),
    path("suggest/", views.practice_suggest, name="suggest"),
    path("<int:pk>/", views.practice_detail, name="practice"),
    path("<int:pk>/edit/", views.practice_edit, name="edit"),
    path("<int:pk>/translate/<slug:lang>/", views.practice_translate, name="translate"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/",
        views.practice_attachment,
        name="attachment",
    ),
    path("<int:pk>/versions/", views.practice_versions, name="versions"),
    path("collections/", views.collection_list, name="collections"),
    path("collections/new/", views.collection_create, name="collection_create"),
    path("collections/<slug:slug>/edit/", views.collection_edit, name="collection_edit"),
    path("collections/<slug:slug>/step/", views.collection_step, name="collection_step"),
    path(
        "collections/<slug:slug>/translate/<slug:lang>/",
        views.collection_translate,
        name="collection_translate",
    ),
    path("collections/<slug:slug>/", views.collection_detail, name="collection"),
    path("collections/<slug:slug>/<slug:lang>.pdf", views.collection_pdf, name="collection_pdf"),
]

from django.urls import path

from . import views

app_name = "news"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("archive/", views.article_archive, name="archive"),
    path("export.<slug:fmt>", views.article_export, name="export"),
    path("feed.atom", views.article_feed, name="feed"),
    path("new/", views.article_create, name="create"),
    path("<int:pk>/", views.article_detail, name="article"),
    path("<int:pk>/edit/", views.article_edit, name="edit"),
    path("<int:pk>/translate/<slug:lang>/", views.article_translate, name="translate"),
    path("<int:pk>/publish/", views.article_publish, name="publish"),
    path("<int:pk>/archive/", views.article_archive_action, name="archive_article"),
]

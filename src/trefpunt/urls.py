from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views
from .api import api
from .search import views as search_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", search_views.search, name="search"),
    path("places/", include("trefpunt.places.urls")),
    path("legal/", include("trefpunt.legal.urls")),
    path("practices/", include("trefpunt.practices.urls")),
    path("meetings/", include("trefpunt.meetings.urls")),
    path("news/", include("trefpunt.news.urls")),
    path("obstacles/", include("trefpunt.obstacles.urls")),
    path("", include("trefpunt.organisations.urls")),
    path("accounts/", include("trefpunt.accounts.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

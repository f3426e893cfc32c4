from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from trefpunt.lib.icons import favicon
from trefpunt.lib.media import public_media
from trefpunt.opendata import urls as opendata_urls
from trefpunt.organisations import urls as organisations_urls
from trefpunt.pages import views as pages
from trefpunt.places import urls as places_urls

from .api import api

# The territory page combines the gazetteer with the directory and matching: it is a page of
# ``pages`` published under the gazetteer's address and URL names (``places:territory``).
places_patterns = [
    *places_urls.urlpatterns,
    path("<str:code>/", pages.territory_detail, name="territory"),
]

# The organisation page lists its meetings, practices and news: a page of ``pages`` too.
organisations_patterns = [
    *organisations_urls.urlpatterns,
    path("organisations/<slug:slug>/", pages.organisation_detail, name="organisation"),
]

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("media/<path:path>", public_media, name="media"),
    *opendata_urls.urlpatterns,
    path("favicon.ico", favicon, name="favicon"),
]
urlpatterns += i18n_patterns(
    path("", pages.home, name="home"),
    path("search/", pages.search, name="search"),
    path("atlas/", pages.atlas_page, name="atlas"),
    path("atlas/outlines.geojson", pages.atlas_outlines, name="atlas-outlines"),
    path("places/", include((places_patterns, places_urls.app_name))),
    path("legal/", include("trefpunt.legal.urls")),
    path("practices/", include("trefpunt.practices.urls")),
    path("meetings/", include("trefpunt.meetings.urls")),
    path("news/", include("trefpunt.news.urls")),
    path("obstacles/", include("trefpunt.obstacles.urls")),
    path("assistance/", include("trefpunt.assistance.urls")),
    path("programme/", include("trefpunt.programme.urls")),
    path("ask/", pages.ask, name="ask"),
    *opendata_urls.page_patterns,
    path("", include((organisations_patterns, organisations_urls.app_name))),
    path("accounts/", include("trefpunt.accounts.urls")),
    path("subscriptions/", include("trefpunt.subscriptions.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "trefpunt.lib.errors.not_found"
handler500 = "trefpunt.lib.errors.server_error"

"""Addresses outside the language prefix (machine-readable) and the open-data page."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from . import views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("catalog.ttl", views.catalog, {"fmt": "ttl"}, name="catalog_ttl"),
    path("catalog.jsonld", views.catalog, {"fmt": "jsonld"}, name="catalog_jsonld"),
    path("open-data/popolo.json", views.popolo, name="popolo"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]

page_patterns = [path("open-data/", views.index, name="open_data")]

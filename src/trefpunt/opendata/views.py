"""The open-data pages: the DCAT-AP catalogue, the Popolo export, robots.txt and the page
that lists every dataset (from the same registry as the catalogue)."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from trefpunt.lib.languages import CODES

from . import catalogue
from .datasets import listing
from .popolo import popolo as popolo_export

CATALOG_TYPES = {"ttl": "text/turtle; charset=utf-8", "jsonld": "application/ld+json"}

# Paths crawlers have no business in: sign-in and tokens, the admin, the crisis pages, forms
# that write (new, edit, translate, register) and the language switch.
ROBOTS_DISALLOW = (
    "/accounts/",
    "/admin/",
    "/assistance/",
    "/meetings/register/",
    "/obstacles/report/",
    "/obstacles/tell-us/",
)
ROBOTS_DISALLOW_ANYWHERE = ("/new/", "/edit/", "/translate/")


def _base(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_GET
def catalog(request, fmt: str):
    body = catalogue.serialise(_base(request), fmt)
    response = HttpResponse(body, content_type=CATALOG_TYPES[fmt])
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def popolo(request):
    body = json.dumps(popolo_export(_base(request)), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def robots_txt(request):
    lines = ["User-agent: *"]
    for code in CODES:
        lines += [f"Disallow: /{code}{path}" for path in ROBOTS_DISALLOW]
    lines += [f"Disallow: /*{path}" for path in ROBOTS_DISALLOW_ANYWHERE]
    lines += ["Disallow: /i18n/", "Allow: /", "", f"Sitemap: {_base(request)}{reverse('sitemap')}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def index(request):
    """Every dataset of the catalogue with its formats, licence and latest change."""
    return render(
        request,
        "opendata/index.html",
        {"rows": listing(), "publisher_name": settings.TREFPUNT_PUBLISHER_NAME},
    )

"""The production WSGI application plus a Django "hello" view at /__hello__/, for
``benchmarks/load.py`` only: the denominator of its throughput ratio (the full Django stack,
middleware included, doing no work). Never part of the platform's own URLs."""

import os

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402 (after django.setup)
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

from trefpunt import urls as trefpunt_urls  # noqa: E402


def hello(request):
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("__hello__/", hello), *trefpunt_urls.urlpatterns]
settings.ROOT_URLCONF = __name__
application = get_wsgi_application()

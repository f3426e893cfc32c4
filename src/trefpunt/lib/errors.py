"""Error pages: JSON under /api/ (``{"detail": …}``, like the API's own handlers), the site's
templates elsewhere. Named in ``urls.py`` as ``handler404`` and ``handler500``."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def _api(request) -> bool:
    return request.path_info.startswith("/api/")


def not_found(request, exception):
    if _api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _api(request):
        return JsonResponse({"detail": _("Server error.")}, status=500)
    return defaults.server_error(request)

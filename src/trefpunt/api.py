"""The REST API at /api/v1/: one NinjaAPI, one router per app, uniform errors.

Errors always carry ``detail``; validation errors add ``errors`` = {field: [messages]} with 422.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from trefpunt.assistance.api import router as assistance_router
from trefpunt.legal.api import router as legal_router
from trefpunt.lib.api import DocumentedNinjaAPI
from trefpunt.matching.api import router as matching_router
from trefpunt.meetings.api import router as meetings_router
from trefpunt.news.api import router as news_router
from trefpunt.obstacles.api import router as obstacles_router
from trefpunt.organisations.api import router as organisations_router
from trefpunt.organisations.people_api import router as people_router
from trefpunt.pages.api import router as pages_router
from trefpunt.places.api import router as places_router
from trefpunt.practices.api import router as practices_router
from trefpunt.programme.api import router as programme_router
from trefpunt.search.api import router as search_router
from trefpunt.subscriptions.api import router as subscriptions_router

api = DocumentedNinjaAPI(
    title="Trefpunt API",
    version="1",
    description="Open data of the Trefpunt cross-border cooperation platform. Reads are public; "
    "writes need `Authorization: Bearer <token>`.",
    urls_namespace="api",
)
api.add_router("/", places_router)
api.add_router("/", organisations_router)
api.add_router("/", people_router)
api.add_router("/", matching_router)
api.add_router("/", search_router)
api.add_router("/", meetings_router)
api.add_router("/", news_router)
api.add_router("/", practices_router)
api.add_router("/", legal_router)
api.add_router("/", obstacles_router)
api.add_router("/", assistance_router)
api.add_router("/", programme_router)
api.add_router("/", subscriptions_router)
api.add_router("/", pages_router)


def _field(loc) -> str:
    parts = [str(p) for p in loc if p not in ("query", "body", "path", "payload", "form")]
    return ".".join(parts) or "__all__"


@api.exception_handler(NinjaValidationError)
def on_validation_error(request, exc):
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        errors.setdefault(_field(error.get("loc", ())), []).append(error.get("msg", ""))
    return api.create_response(
        request, {"detail": _("Some fields are not valid."), "errors": errors}, status=422
    )


@api.exception_handler(ValidationError)
def on_django_validation_error(request, exc):
    if hasattr(exc, "error_dict"):
        errors = {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
    else:
        errors = {"__all__": [str(m) for m in exc.messages]}
    return api.create_response(
        request, {"detail": _("Some fields are not valid."), "errors": errors}, status=422
    )


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or _("Not allowed.")}, status=403)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return api.create_response(
        request,
        {"detail": _("A valid API token is required (Authorization: Bearer …).")},
        status=401,
    )


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, {"detail": str(exc) or _("Not found.")}, status=404)

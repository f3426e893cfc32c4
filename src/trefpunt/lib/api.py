"""Shared pieces of the app routers: pagination parameters, the error body, languages and
addresses. Token authentication is identity's: ``trefpunt.accounts.auth``."""

from django.utils import translation
from ninja import Field, Schema

from trefpunt.lib.languages import negotiate


class Page(Schema):
    limit: int = Field(20, ge=1, le=100, description="Items per page (1–100).")
    offset: int = Field(0, ge=0, le=1_000_000_000, description="Items to skip.")
    lang: str | None = Field(None, pattern="^(nl|fr|de|en)$", description="Language of names.")


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


def language_of(request, page: Page | None = None) -> str:
    return negotiate(page.lang if page else None, request.headers.get("Accept-Language"))


def localized_url(obj, language: str) -> str:
    """The object's page in ``language`` (the UI prefix follows the requested language)."""
    with translation.override(language):
        return obj.get_absolute_url()


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)

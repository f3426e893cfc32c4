"""``GET /api/v1/search``: the knowledge base across languages, with facets."""

from typing import Literal

from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from pydantic import field_validator

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, Page, absolute, language_of

from . import query as engine

router = Router(tags=["search"])


class SearchParams(Page):
    q: str = Field(..., max_length=500, description="What to look for, in any language.")
    limit: int = Field(10, ge=1, le=100, description="Results per page (1–100).")
    offset: int = Field(0, ge=0, le=10000, description="Results to skip.")
    type: list[str] | None = Field(None, description="Record types, e.g. practice.")
    language: list[str] | None = Field(
        None, description="Only texts in these languages (nl, fr, de, en, lb)."
    )
    country: list[str] | None = Field(None, description="ISO country codes.")
    theme: list[str] | None = None
    stage: list[str] | None = None
    organisation: list[str] | None = Field(None, description="Organisation identifiers.")
    year: list[int] | None = None
    mode: Literal["hybrid", "semantic", "lexical"] = Field(
        "hybrid",
        description="hybrid (default): meaning and words; semantic: meaning only; "
        "lexical: words only (for comparing the signals).",
    )

    @field_validator("q")
    @classmethod
    def _has_words(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError(str(_("Type something to search for.")))
        return value


class SearchResultOut(Schema):
    type: str
    id: str
    external_id: str
    title: str
    language: str
    languages: list[str]
    url: str
    score: float
    snippet: str = Field(description="HTML: escaped text, matched words in <mark>.")


class SearchOut(Schema):
    query: str
    detected_language: str | None
    count: int
    results: list[SearchResultOut]
    facets: dict[str, dict[str, int]]
    warning: str | None = Field(
        None, description="Set when the answer is degraded, e.g. lexical only."
    )


@router.get(
    "/search",
    response={200: SearchOut, 422: ErrorOut},
    summary="Search practices and other records across languages",
)
def search(request, params: Query[SearchParams]):
    reader = language_of(request, params)
    response = engine.search(
        params.q,
        types=params.type,
        languages=params.language,
        country=params.country,
        theme=params.theme,
        stage=params.stage,
        organisation=params.organisation,
        year=params.year,
        limit=params.limit,
        offset=params.offset,
        user=_user(request),
        reader_language=reader,
        mode=params.mode,
    )
    return payload(response, lambda hit: absolute(request, f"/{reader}{hit.path}"))


def _user(request):
    """Public endpoint: a valid bearer token (or a session) may show restricted texts."""
    if "Authorization" in request.headers:
        user = token_auth(request)
        if user is not None:
            return user
    return getattr(request, "user", None)


def payload(response: engine.SearchResponse, url) -> dict:
    """The API's answer for a ``SearchResponse`` (the CLI prints the same); ``url(hit)``."""
    return {
        "query": response.query,
        "detected_language": response.detected_language,
        "count": response.count,
        "results": [
            {
                "type": hit.type,
                "id": hit.id,
                "external_id": hit.external_id,
                "title": hit.title,
                "language": hit.language,
                "languages": hit.languages,
                "url": url(hit),
                "score": hit.score,
                "snippet": str(hit.snippet),
            }
            for hit in response.results
        ],
        "facets": response.facets,
        "warning": response.warning,
    }

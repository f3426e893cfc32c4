"""News in the API: public reads in the reader's language, token-authenticated writes."""

import uuid
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, Page, absolute, language_of, localized_url
from trefpunt.lib.richtext import rich_text
from trefpunt.meetings.models import Meeting
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.practices.models import Theme

from . import counting, operations
from .models import Article

router = Router(tags=["news"])
LANGUAGE_PATTERN = "^(nl|fr|de|en|lb)$"


class NewsFilters(Page):
    theme: str | None = Field(None, description="Theme identifier, e.g. crisis-management.")
    organisation: str | None = Field(None, description="Author organisation identifier.")
    year: int | None = Field(None, ge=1900, le=2200, description="Year of publication.")


class ArticleOut(Schema):
    id: int
    title: str
    language: str = Field(..., description="The language of the title and summary returned.")
    original_language: str
    languages: list[str]
    outdated: bool = Field(..., description="The translation returned predates the original.")
    published_at: datetime | None
    author: str
    author_name: str
    views: int = Field(..., description="Views over every language.")
    views_by_language: dict[str, int]
    summary: str
    url: str


class ArticleList(Schema):
    count: int
    items: list[ArticleOut]


class ArticleDetail(ArticleOut):
    body: str
    status: str
    version: int
    themes: list[str]
    territories: list[str]
    organisations: list[str]
    meetings: list[str]
    image: str | None
    image_alt: str


class ArticleIn(Schema):
    author: str = Field(..., description="Author organisation identifier.")
    language: str = Field(..., pattern=LANGUAGE_PATTERN)
    title: str = Field(..., min_length=1, max_length=300)
    summary: str = ""
    body: str = ""
    status: str = Field("draft", pattern="^(draft|published)$")
    published_at: datetime | None = None
    themes: list[str] = []
    territories: list[str] = []
    organisations: list[str] = []
    meetings: list[str] = Field([], description="Meeting identifiers (uid).")


class ArticlePatch(Schema):
    version: int = Field(..., description="The version you read; a stale one gets 422.")
    author: str | None = None
    language: str | None = Field(None, pattern=LANGUAGE_PATTERN)
    title: str | None = Field(None, min_length=1, max_length=300)
    summary: str | None = None
    body: str | None = None
    published_at: datetime | None = None
    themes: list[str] | None = None
    territories: list[str] | None = None
    organisations: list[str] | None = None
    meetings: list[str] | None = None


def _articles(user):
    return (
        Article.objects.visible_to(user)
        .select_related("author")
        .prefetch_related("author__names", "translations")
    )


def article_out(request, article: Article, language: str, views: dict[str, int]) -> dict:
    text = article.reading_in(language)
    return {
        "id": article.pk,
        "title": text.title,
        "language": text.language,
        "original_language": article.language,
        "languages": article.available_languages(),
        "outdated": text is not article and text.is_outdated(article),
        "published_at": article.published_at,
        "author": article.author.slug,
        "author_name": article.author.name_in(language),
        "views": sum(views.values()),
        "views_by_language": views,
        "summary": text.summary,
        "url": absolute(request, localized_url(article, language))
        + (f"?lang={text.language}" if text is not article else ""),
    }


@router.get("/news", response=ArticleList, summary="List news articles, newest first")
def list_news(request, filters: Query[NewsFilters]):
    language = language_of(request, filters)
    articles = _articles(request.user).published().order_by("-published_at", "-pk")
    if filters.theme:
        articles = articles.filter(themes__slug=filters.theme)
    if filters.organisation:
        articles = articles.filter(author__slug=filters.organisation)
    if filters.year:
        articles = articles.filter(published_at__year=filters.year)
    items = list(articles[filters.offset : filters.offset + filters.limit])
    views = counting.views_by_language(article.pk for article in items)
    return {
        "count": articles.count(),
        "items": [article_out(request, a, language, views[a.pk]) for a in items],
    }


def _article(user, pk: int) -> Article:
    article = (
        _articles(user)
        .prefetch_related(
            "themes",
            "territories",
            "organisations",
            Prefetch("meetings", queryset=Meeting.objects.visible_to(user)),
        )
        .filter(pk=pk)
        .first()
    )
    if article is None:
        raise Http404(_("No article has the number %(pk)s.") % {"pk": pk})
    return article


@router.get("/news/{int:pk}", response={200: ArticleDetail, 404: ErrorOut})
def get_news_article(request, pk: int, lang: str | None = None):
    language = language_of(request, Page(lang=lang) if lang in ("nl", "fr", "de", "en") else None)
    article = _article(request.user, pk)
    data = article_out(request, article, language, counting.views_by_language([pk])[pk])
    text = article.reading_in(language)
    data.update(
        body=str(rich_text(text.body)),
        status=article.status,
        version=article.version,
        themes=[theme.slug for theme in article.themes.all()],
        territories=[territory.code for territory in article.territories.all()],
        organisations=[organisation.slug for organisation in article.organisations.all()],
        meetings=[str(meeting.uid) for meeting in article.meetings.all()],
        image=absolute(request, article.image.url) if article.image else None,
        image_alt=article.image_alt,
    )
    return data


def _lookup(model, field: str, name: str, values: list[str] | None) -> list | None:
    if values is None:
        return None
    found = {str(k): v for k, v in model.objects.in_bulk(values, field_name=field).items()}
    unknown = [value for value in values if value not in found]
    if unknown:
        raise ValidationError(
            {name: _("Unknown identifier(s): %(values)s.") % {"values": ", ".join(unknown)}}
        )
    return [found[value] for value in values]


def _meetings(values: list[str] | None) -> list | None:
    if values is None:
        return None
    try:
        uids = [str(uuid.UUID(value)) for value in values]
    except ValueError as error:
        raise ValidationError({"meetings": _("Meetings are given by their uid.")}) from error
    return _lookup(Meeting, "uid", "meetings", uids)


def _fields(payload, names: set[str]) -> dict:
    """The operation's arguments from the payload fields in ``names``."""
    data = payload.dict()
    fields = {
        name: data[name]
        for name in ("language", "title", "summary", "body", "published_at")
        if name in names
    }
    if "author" in names:
        if not data["author"]:
            raise ValidationError({"author": _("An article needs an author organisation.")})
        fields["author"] = _lookup(Organisation, "slug", "author", [data["author"]])[0]
    if "themes" in names:
        fields["themes"] = _lookup(Theme, "slug", "themes", data["themes"])
    if "territories" in names:
        fields["territories"] = _lookup(Territory, "code", "territories", data["territories"])
    if "organisations" in names:
        fields["organisations"] = _lookup(
            Organisation, "slug", "organisations", data["organisations"]
        )
    if "meetings" in names:
        fields["meetings"] = _meetings(data["meetings"])
    return fields


@router.post(
    "/news",
    auth=token_auth,
    response={201: ArticleDetail, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
)
def create_news_article(request, payload: ArticleIn):
    fields = _fields(payload, set(ArticleIn.model_fields) - {"status"})
    article = operations.create_article(user=request.auth, status=payload.status, **fields)
    return Status(201, get_news_article(request, article.pk))


@router.patch(
    "/news/{int:pk}",
    auth=token_auth,
    response={200: ArticleDetail, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def update_news_article(request, pk: int, payload: ArticlePatch):
    article = _article(request.auth, pk)
    fields = _fields(payload, payload.model_fields_set - {"version"})
    operations.update_article(article, user=request.auth, version=payload.version, **fields)
    return get_news_article(request, pk)


class TranslationIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    summary: str = ""
    body: str = ""
    origin: str = Field("human", pattern="^(human|machine)$")


@router.put(
    "/news/{int:pk}/translations/{lang}",
    auth=token_auth,
    response={200: ArticleDetail, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def save_news_translation(request, pk: int, lang: str, payload: TranslationIn):
    article = _article(request.auth, pk)
    operations.save_article_translation(article, user=request.auth, language=lang, **payload.dict())
    return get_news_article(request, pk, lang=lang if lang != "lb" else None)

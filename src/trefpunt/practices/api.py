"""Practices and collections in the API: public reads in the reader's language, token writes."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, Page, absolute, language_of, localized_url
from trefpunt.lib.richtext import rich_text
from trefpunt.organisations.models import Organisation

from . import operations
from .models import Collection, CollectionKind, Practice

router = Router(tags=["practices"])
LANGUAGE_PATTERN = "^(nl|fr|de|en|lb)$"


class PracticeFilters(Page):
    theme: str | None = Field(None, description="Theme identifier, e.g. climate-adaptation.")
    stage: str | None = Field(None, pattern="^(idea|pilot|implemented|evaluated)$")
    country: str | None = Field(None, pattern="^[A-Z]{2}$", description="Country of a place.")
    language: str | None = Field(
        None, pattern=LANGUAGE_PATTERN, description="Written in, or translated into."
    )
    owner: str | None = Field(None, description="Owning organisation identifier.")


class PracticeOut(Schema):
    id: int
    title: str
    language: str = Field(..., description="The language of the title and summary returned.")
    original_language: str
    languages: list[str]
    stage: str
    owner: str | None
    themes: list[str]
    territories: list[str]
    summary: str
    updated_at: datetime
    url: str


class PracticeList(Schema):
    count: int
    items: list[PracticeOut]


class PracticeDetail(PracticeOut):
    body: str
    results: str
    transferability: str
    status: str
    version: int
    organisations: list[str]


def _practices(user):
    return (
        Practice.objects.visible_to(user)
        .select_related("owner")
        .prefetch_related("translations", "themes", "territories")
    )


def practice_out(request, practice: Practice, language: str) -> dict:
    text = practice.reading_in(language)
    return {
        "id": practice.pk,
        "title": text.title,
        "language": text.language,
        "original_language": practice.language,
        "languages": practice.available_languages(),
        "stage": practice.stage,
        "owner": practice.owner.slug if practice.owner else None,
        "themes": [theme.slug for theme in practice.themes.all()],
        "territories": [territory.code for territory in practice.territories.all()],
        "summary": text.summary,
        "updated_at": practice.updated_at,
        "url": absolute(request, localized_url(practice, language))
        + (f"?lang={text.language}" if text is not practice else ""),
    }


@router.get("/practices", response=PracticeList, summary="List practices, latest changed first")
def list_practices(request, filters: Query[PracticeFilters]):
    language = language_of(request, filters)
    practices = _practices(request.user).published()
    if filters.theme:
        practices = practices.filter(themes__slug=filters.theme)
    if filters.stage:
        practices = practices.filter(stage=filters.stage)
    if filters.country:
        practices = practices.filter(territories__country=filters.country)
    if filters.language:
        practices = practices.in_language(filters.language)
    if filters.owner:
        practices = practices.filter(owner__slug=filters.owner)
    practices = practices.distinct().order_by("-updated_at", "-pk")
    items = list(practices[filters.offset : filters.offset + filters.limit])
    return {
        "count": practices.count(),
        "items": [practice_out(request, p, language) for p in items],
    }


@router.get("/practices/{int:pk}", response={200: PracticeDetail, 404: ErrorOut})
def get_practice(request, pk: int, lang: str | None = None):
    language = language_of(request, Page(lang=lang) if lang in ("nl", "fr", "de", "en") else None)
    practice = _practices(request.user).prefetch_related("organisations").filter(pk=pk).first()
    if practice is None:
        raise Http404(_("No practice has the number %(pk)s.") % {"pk": pk})
    text = practice.reading_in(language)
    data = practice_out(request, practice, language)
    data.update(
        body=str(rich_text(text.body)),
        results=text.results,
        transferability=text.transferability,
        status=practice.status,
        version=practice.version,
        organisations=[o.slug for o in practice.organisations.all()],
    )
    return data


class CollectionOut(Schema):
    slug: str
    kind: str
    title: str
    language: str
    original_language: str
    owner: str | None
    introduction: str
    practices: list[int] = Field(..., description="Practice numbers, in the collection's order.")
    url: str


class CollectionList(Schema):
    count: int
    items: list[CollectionOut]


class CollectionIn(Schema):
    slug: str = Field(..., pattern="^[-a-z0-9]{1,80}$")
    kind: str = Field(CollectionKind.TOOLKIT, pattern="^(toolkit|report|collection)$")
    language: str = Field(..., pattern=LANGUAGE_PATTERN)
    title: str = Field(..., min_length=1, max_length=1000)
    introduction: str = ""
    owner: str | None = Field(None, description="Owning organisation identifier.")
    practices: list[int] = Field([], description="Practice numbers, in order.")


def collection_out(request, collection: Collection, language: str, visible: set[int]) -> dict:
    text = collection.translation_in(language) or collection
    return {
        "slug": collection.slug,
        "kind": collection.kind,
        "title": text.title,
        "language": getattr(text, "language", collection.language),
        "original_language": collection.language,
        "owner": collection.owner.slug if collection.owner else None,
        "introduction": str(rich_text(text.introduction)),
        "practices": [
            item.practice_id for item in collection.items.all() if item.practice_id in visible
        ],
        "url": absolute(request, localized_url(collection, language)),
    }


def _collections():
    return Collection.objects.select_related("owner").prefetch_related("translations", "items")


def _visible_ids(user) -> set[int]:
    return set(Practice.objects.visible_to(user).values_list("pk", flat=True))


@router.get("/collections", response=CollectionList, summary="List collections (toolkits)")
def list_collections(request, page: Query[Page]):
    language = language_of(request, page)
    collections = _collections().order_by("title")
    items = list(collections[page.offset : page.offset + page.limit])
    visible = _visible_ids(request.user)
    return {
        "count": collections.count(),
        "items": [collection_out(request, c, language, visible) for c in items],
    }


@router.get("/collections/{slug}", response={200: CollectionOut, 404: ErrorOut})
def get_collection(request, slug: str, lang: str | None = None):
    language = language_of(request, Page(lang=lang) if lang in ("nl", "fr", "de", "en") else None)
    collection = _collections().filter(slug=slug).first()
    if collection is None:
        raise Http404(_("No collection has the identifier %(slug)s.") % {"slug": slug})
    return collection_out(request, collection, language, _visible_ids(request.user))


@router.post(
    "/collections",
    auth=token_auth,
    response={201: CollectionOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
)
def create_collection(request, payload: CollectionIn):
    owner = None
    if payload.owner:
        owner = Organisation.objects.filter(slug=payload.owner).first()
        if owner is None:
            raise ValidationError(
                {"owner": _("Unknown identifier(s): %(values)s.") % {"values": payload.owner}}
            )
    with transaction.atomic():
        collection = operations.create_collection(
            user=request.auth,
            slug=payload.slug,
            kind=payload.kind,
            language=payload.language,
            title=payload.title,
            introduction=payload.introduction,
            owner=owner,
        )
        operations.set_collection_items(collection, user=request.auth, practices=payload.practices)
    return Status(201, get_collection(request, collection.slug, lang=payload.language))

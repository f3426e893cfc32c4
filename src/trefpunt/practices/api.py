"""Practices and collections in the API: public reads in the reader's language, token writes."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, Page, absolute, language_of, localized_url
from trefpunt.lib.content import EditConflict
from trefpunt.lib.richtext import rich_text
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory

from . import operations
from .models import Collection, CollectionKind, Practice, Theme

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
    outdated: bool = Field(..., description="The translation returned predates the original.")


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
    return _practice_detail(request, request.user, pk, lang)


def _practice_detail(request, user, pk: int, lang: str | None = None) -> dict:
    language = language_of(request, Page(lang=lang) if lang in ("nl", "fr", "de", "en") else None)
    practice = _practices(user).prefetch_related("organisations").filter(pk=pk).first()
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
        outdated=text is not practice and text.is_outdated(practice),
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
    review: str = Field(..., description="draft, expert_review or final.")
    status: str = Field(..., description="draft, published or archived.")
    version: int
    outdated: bool = Field(..., description="The translation returned predates the original.")
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
        "review": collection.review,
        "status": collection.status,
        "version": collection.version,
        "outdated": text is not collection and text.is_outdated(collection),
        "url": absolute(request, localized_url(collection, language)),
    }


def _collections(user):
    return (
        Collection.objects.visible_to(user)
        .select_related("owner")
        .prefetch_related("translations", "items")
    )


def _visible_ids(user) -> set[int]:
    return set(Practice.objects.visible_to(user).values_list("pk", flat=True))


@router.get("/collections", response=CollectionList, summary="List collections (toolkits)")
def list_collections(request, page: Query[Page]):
    language = language_of(request, page)
    collections = _collections(request.user).order_by("title")
    items = list(collections[page.offset : page.offset + page.limit])
    visible = _visible_ids(request.user)
    return {
        "count": collections.count(),
        "items": [collection_out(request, c, language, visible) for c in items],
    }


@router.get("/collections/{slug}", response={200: CollectionOut, 404: ErrorOut})
def get_collection(request, slug: str, lang: str | None = None):
    language = language_of(request, Page(lang=lang) if lang in ("nl", "fr", "de", "en") else None)
    collection = _collection(request, slug)
    return collection_out(request, collection, language, _visible_ids(request.user))


def _collection(request, slug: str) -> Collection:
    user = getattr(request, "auth", None) or request.user
    collection = _collections(user).filter(slug=slug).first()
    if collection is None:
        raise Http404(_("No collection has the identifier %(slug)s.") % {"slug": slug})
    return collection


@router.post(
    "/collections",
    auth=token_auth,
    response={201: CollectionOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
)
def create_collection(request, payload: CollectionIn):
    owner = _owner(payload.owner)
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
    return Status(201, _collection_answer(request, collection.slug, payload.language))


def _owner(slug: str | None) -> Organisation | None:
    if not slug:
        return None
    owner = Organisation.objects.filter(slug=slug).first()
    if owner is None:
        raise ValidationError({"owner": _("Unknown identifier(s): %(values)s.") % {"values": slug}})
    return owner


def _collection_answer(request, slug: str, language: str | None = None) -> dict:
    """The collection as its writer (the token's user) now sees it."""
    collection = _collection(request, slug)
    visible = _visible_ids(request.auth)
    return collection_out(request, collection, language or collection.language, visible)


def _conflict(error: EditConflict):
    return Status(409, {"detail": " ".join(error.messages)})


WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class CollectionPatch(Schema):
    version: int = Field(..., description="The version you read; 409 if it changed since.")
    kind: str | None = Field(None, pattern="^(toolkit|report|collection)$")
    language: str | None = Field(None, pattern=LANGUAGE_PATTERN)
    title: str | None = Field(None, min_length=1, max_length=1000)
    introduction: str | None = None
    owner: str | None = Field(None, description="Owning organisation identifier.")


@router.patch(
    "/collections/{slug}",
    auth=token_auth,
    response={200: CollectionOut, 409: ErrorOut, **WRITE_ERRORS},
    summary="Change a collection's text, kind or owner",
)
def update_collection(request, slug: str, payload: CollectionPatch):
    collection = _collection(request, slug)
    fields = payload.dict(exclude_unset=True, exclude={"version", "owner"})
    fields = {key: "" if value is None else value for key, value in fields.items()}
    for required in ("title", "language", "kind"):
        if fields.get(required) == "":
            raise ValidationError({required: _("This field cannot be empty.")})
    if "owner" in payload.model_fields_set:
        fields["owner"] = _owner(payload.owner)
    try:
        operations.update_collection(
            collection, user=request.auth, version=payload.version, **fields
        )
    except EditConflict as error:
        return _conflict(error)
    return _collection_answer(request, slug)


class CollectionTranslationIn(Schema):
    title: str = Field(..., min_length=1, max_length=1000)
    introduction: str = ""
    origin: str = Field("human", pattern="^(human|machine)$")


@router.put(
    "/collections/{slug}/translations/{lang}",
    auth=token_auth,
    response={200: CollectionOut, **WRITE_ERRORS},
    summary="Write the collection's title and introduction in another language",
)
def translate_collection(request, slug: str, lang: str, payload: CollectionTranslationIn):
    collection = _collection(request, slug)
    operations.save_collection_translation(
        collection,
        user=request.auth,
        language=lang,
        title=payload.title,
        introduction=payload.introduction,
        origin=payload.origin,
    )
    return _collection_answer(request, slug, lang)


class ItemIn(Schema):
    practice: int = Field(..., ge=1, description="The practice's number.")
    position: int | None = Field(None, ge=1, le=10_000, description="1 is first; none: last.")


class ItemsOrder(Schema):
    practices: list[int] = Field(..., description="All the collection's practices, in order.")


@router.post(
    "/collections/{slug}/items",
    auth=token_auth,
    response={201: CollectionOut, **WRITE_ERRORS},
    summary="Add a practice to a collection",
)
def add_item(request, slug: str, payload: ItemIn):
    collection = _collection(request, slug)
    operations.add_collection_item(
        collection, user=request.auth, practice=payload.practice, position=payload.position
    )
    return Status(201, _collection_answer(request, slug))


@router.delete(
    "/collections/{slug}/items/{int:practice}",
    auth=token_auth,
    response={200: CollectionOut, **WRITE_ERRORS},
    summary="Take a practice out of a collection",
)
def remove_item(request, slug: str, practice: int):
    collection = _collection(request, slug)
    if not collection.items.filter(practice_id=practice).exists():
        raise Http404(_("This practice is not in the collection."))
    operations.remove_collection_item(collection, user=request.auth, practice=practice)
    return _collection_answer(request, slug)


@router.put(
    "/collections/{slug}/items",
    auth=token_auth,
    response={200: CollectionOut, **WRITE_ERRORS},
    summary="Put a collection's practices in a new order",
)
def order_items(request, slug: str, payload: ItemsOrder):
    collection = _collection(request, slug)
    operations.order_collection_items(collection, user=request.auth, practices=payload.practices)
    return _collection_answer(request, slug)


class StepIn(Schema):
    step: str = Field(
        ...,
        pattern="^(draft|expert_review|final|publish|archive)$",
        description="A review state (draft, expert_review, final; final is a curator's), "
        "publish (once final) or archive.",
    )


@router.post(
    "/collections/{slug}/steps",
    auth=token_auth,
    response={200: CollectionOut, **WRITE_ERRORS},
    summary="Move a collection through review, publish or archive it",
)
def collection_step(request, slug: str, payload: StepIn):
    collection = _collection(request, slug)
    if payload.step == "publish":
        operations.publish_collection(collection, user=request.auth)
    elif payload.step == "archive":
        operations.archive_collection(collection, user=request.auth)
    else:
        operations.move_review(collection, user=request.auth, review=payload.step)
    return _collection_answer(request, slug)


# Practice writes ----------------------------------------------------------------------------


class PracticeIn(Schema):
    language: str = Field(..., pattern=LANGUAGE_PATTERN)
    title: str = Field(..., min_length=1, max_length=1000)
    summary: str = ""
    body: str = Field("", description="Rich text; unsafe markup is removed.")
    results: str = ""
    costs: str = ""
    transferability: str = ""
    contacts: str = ""
    url: str = Field("", max_length=500)
    stage: str = Field("implemented", pattern="^(idea|pilot|implemented|evaluated)$")
    period_start: date | None = None
    period_end: date | None = None
    owner: str | None = Field(None, description="Owning organisation identifier.")
    status: str = Field("published", pattern="^(draft|published)$")
    themes: list[str] = Field([], description="Theme identifiers.")
    territories: list[str] = Field([], description="Territory codes, e.g. BE-NIS:34027.")
    organisations: list[str] = Field([], description="Organisation identifiers.")


class PracticePatch(Schema):
    version: int = Field(..., description="The version you read; 409 if it changed since.")
    language: str | None = Field(None, pattern=LANGUAGE_PATTERN)
    title: str | None = Field(None, min_length=1, max_length=1000)
    summary: str | None = None
    body: str | None = None
    results: str | None = None
    costs: str | None = None
    transferability: str | None = None
    contacts: str | None = None
    url: str | None = Field(None, max_length=500)
    stage: str | None = Field(None, pattern="^(idea|pilot|implemented|evaluated)$")
    period_start: date | None = None
    period_end: date | None = None
    owner: str | None = None
    themes: list[str] | None = None
    territories: list[str] | None = None
    organisations: list[str] | None = None


def _related(field: str, model, key: str, values: list[str]) -> list:
    found = {getattr(item, key): item for item in model.objects.filter(**{f"{key}__in": values})}
    unknown = [value for value in values if value not in found]
    if unknown:
        raise ValidationError(
            {field: _("Unknown identifier(s): %(values)s.") % {"values": ", ".join(unknown)}}
        )
    return [found[value] for value in dict.fromkeys(values)]


RELATED_KEYS = {
    "themes": (Theme, "slug"),
    "territories": (Territory, "code"),
    "organisations": (Organisation, "slug"),
}


def _practice_fields(payload: Schema, names) -> dict:
    fields = {}
    for name in names:
        value = getattr(payload, name)
        if name in RELATED_KEYS:
            model, key = RELATED_KEYS[name]
            fields[name] = _related(name, model, key, value or [])
        elif name == "owner":
            fields[name] = _owner(value)
        elif name in ("period_start", "period_end"):
            fields[name] = value
        elif value is None:
            if name in ("title", "language", "stage"):
                raise ValidationError({name: _("This field cannot be empty.")})
            fields[name] = ""
        else:
            fields[name] = value
    return fields


def _practice_answer(request, pk: int) -> dict:
    """The practice as its writer (the token's user, who may read their drafts) sees it."""
    return _practice_detail(request, request.auth, pk)


@router.post(
    "/practices",
    auth=token_auth,
    response={201: PracticeDetail, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    summary="Add a practice",
)
def create_practice(request, payload: PracticeIn):
    fields = _practice_fields(payload, [n for n in PracticeIn.model_fields if n != "status"])
    practice = operations.create_practice(user=request.auth, status=payload.status, **fields)
    return Status(201, _practice_answer(request, practice.pk))


@router.patch(
    "/practices/{int:pk}",
    auth=token_auth,
    response={200: PracticeDetail, 409: ErrorOut, **WRITE_ERRORS},
    summary="Change a practice (give the version you read)",
)
def update_practice(request, pk: int, payload: PracticePatch):
    practice = Practice.objects.visible_to(request.auth).filter(pk=pk).first()
    if practice is None:
        raise Http404(_("No practice has the number %(pk)s.") % {"pk": pk})
    names = [n for n in payload.model_fields_set if n != "version"]
    fields = _practice_fields(payload, names)
    try:
        operations.update_practice(practice, user=request.auth, version=payload.version, **fields)
    except EditConflict as error:
        return _conflict(error)
    return _practice_answer(request, pk)

from datetime import date

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, Page, absolute, language_of, localized_url
from trefpunt.places.models import Territory

from . import operations
from .access import public_contact
from .api_relations import router as relations_router
from .models import Organisation, OrganisationKind, Person, Post, Relation, Role

router = Router(tags=["organisations"])
router.add_router("", relations_router)


class OrganisationFilters(Page):
    kind: OrganisationKind | None = None
    country: str | None = Field(None, pattern="^[A-Za-z]{2}$")
    territory: str | None = Field(None, description="Territory code, e.g. BE-NIS:34027.")
    q: str | None = Field(None, max_length=100)


class OrganisationRef(Schema):
    slug: str
    name: str
    url: str


class CompetenceOut(Schema):
    id: int
    theme: str
    theme_label: str
    description: str
    language: str
    territory: str | None


class ContactPointOut(Schema):
    person: str
    person_name: str
    role: str
    work_email: str = Field("", description="Only when the post shows it to everyone.")
    work_phone: str = ""


class OrganisationOut(Schema):
    slug: str
    name: str
    names: dict[str, str]
    acronym: str
    kind: str
    country: str
    territory: str | None
    parent: str | None
    website: str
    address: str
    phone: str
    email: str
    contact_point: ContactPointOut | None
    competences: list[CompetenceOut]
    is_demo: bool
    url: str


class OrganisationList(Schema):
    count: int
    items: list[OrganisationOut]


class PostOut(Schema):
    person: str
    person_name: str
    organisation: str
    organisation_name: str
    role: str
    role_label: str
    title: str
    start: date | None
    end: date | None
    current: bool
    work_email: str = Field("", description="Only when the post shows it to everyone.")
    work_phone: str = ""
    competences: list[CompetenceOut] = []


class RelationOut(Schema):
    kind: str
    other: OrganisationRef
    direction: str
    since: date | None
    until: date | None
    description: str


class OrganisationDetail(OrganisationOut):
    description: str
    children: list[OrganisationRef]
    posts: list[PostOut]
    relations: list[RelationOut]
    version: int


class OrganisationIn(Schema):
    slug: str = Field(..., pattern=r"^[a-z0-9-]+$", max_length=80)
    kind: OrganisationKind
    name: str = Field(..., min_length=1, max_length=200)
    language: str = Field(..., pattern="^(nl|fr|de|en|lb)$")
    names: dict[str, str] = {}
    acronym: str = Field("", max_length=30)
    country: str = Field("", pattern="^([A-Z]{2})?$")
    territory: str | None = None
    parent: str | None = None
    website: str = ""
    description: str = ""


class OrganisationPatch(Schema):
    version: int = Field(..., description="The version you read; a stale one gets 422.")
    # Fields left out stay as they are; ``null`` is refused where the value cannot be empty
    # (a default is not validated, an explicit ``null`` is).
    name: str = Field(None, min_length=1, max_length=200)
    names: dict[str, str] | None = None
    acronym: str = Field(None, max_length=30)
    website: str = Field(None)
    address: str = Field(None)
    phone: str = Field(None, max_length=40)
    email: str = Field(None)
    contact_post: int | None = Field(None, description="Id of a post of this organisation.")
    description: str = Field(None)
    parent: str | None = None


class PostIn(Schema):
    person: str
    role: Role
    title: str = Field("", max_length=200)
    start: date | None = None
    end: date | None = None


def _ref(request, organisation, language) -> dict:
    return {
        "slug": organisation.slug,
        "name": organisation.name_in(language),
        "url": absolute(request, localized_url(organisation, language)),
    }


def competence_out(competence) -> dict:
    return {
        "id": competence.pk,
        "theme": competence.theme,
        "theme_label": str(competence.get_theme_display()),
        "description": competence.description,
        "language": competence.language,
        "territory": competence.territory.code if competence.territory_id else None,
    }


def _active(competences) -> list[dict]:
    return [competence_out(c) for c in competences.all() if c.archived_at is None]


def _contact_point(post: Post | None) -> dict | None:
    if post is None or not post.is_current():
        return None
    contact = public_contact(post)
    return {
        "person": post.person.slug,
        "person_name": str(post.person),
        "role": post.role,
        "work_email": contact.get("email", ""),
        "work_phone": contact.get("phone", ""),
    }


def organisation_out(request, organisation: Organisation, language: str) -> dict:
    return {
        "slug": organisation.slug,
        "name": organisation.name_in(language),
        "names": organisation.names_by_language(),
        "acronym": organisation.acronym,
        "kind": organisation.kind,
        "country": organisation.country,
        "territory": organisation.territory.code if organisation.territory_id else None,
        "parent": organisation.parent.slug if organisation.parent_id else None,
        "website": organisation.website,
        "address": organisation.address,
        "phone": organisation.phone,
        "email": organisation.email,
        "contact_point": _contact_point(organisation.contact_post),
        "competences": _active(organisation.competences),
        "is_demo": organisation.is_demo,
        "url": absolute(request, localized_url(organisation, language)),
    }


def post_out(post: Post, language: str) -> dict:
    return {
        "person": post.person.slug,
        "person_name": str(post.person),
        "organisation": post.organisation.slug,
        "organisation_name": post.organisation.name_in(language),
        "role": post.role,
        "role_label": post.get_role_display(),
        "title": post.title,
        "start": post.start,
        "end": post.end,
        "current": post.is_current(),
        "work_email": public_contact(post).get("email", ""),
        "work_phone": public_contact(post).get("phone", ""),
        "competences": _active(post.competences),
    }


def _organisation(slug: str) -> Organisation:
    organisation = (
        Organisation.objects.select_related("territory", "parent", "contact_post__person")
        .prefetch_related("names", "competences__territory")
        .filter(slug=slug)
        .first()
    )
    if organisation is None:
        raise Http404(_("No organisation has the identifier %(slug)s.") % {"slug": slug})
    return organisation


def _territory(code: str | None) -> Territory | None:
    if not code:
        return None
    territory = Territory.objects.filter(code=code).first()
    if territory is None:
        raise ValidationError(
            {"territory": _("No territory has the code %(code)s.") % {"code": code}}
        )
    return territory


def _contact_post(organisation: Organisation, pk: int | None) -> Post | None:
    if pk is None:
        return None
    post = Post.objects.filter(pk=pk, organisation=organisation).first()
    if post is None:
        raise ValidationError(
            {"contact_post": _("The contact point must be a post of this organisation.")}
        )
    return post


def _parent(slug: str | None) -> Organisation | None:
    if not slug:
        return None
    parent = Organisation.objects.filter(slug=slug).first()
    if parent is None:
        raise ValidationError(
            {"parent": _("No organisation has the identifier %(slug)s.") % {"slug": slug}}
        )
    return parent


@router.get("/organisations", response=OrganisationList, summary="List organisations")
def list_organisations(request, filters: Query[OrganisationFilters]):
    language = language_of(request, filters)
    qs = (
        Organisation.objects.active()
        .select_related("territory", "parent", "contact_post__person")
        .prefetch_related("names", "competences__territory")
        .order_by("name", "slug")
    )
    if filters.kind:
        qs = qs.of_kind(filters.kind)
    if filters.country:
        qs = qs.in_country(filters.country)
    if filters.territory:
        qs = qs.filter(territory__code=filters.territory)
    if filters.q:
        qs = qs.search(filters.q)
    items = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "items": [organisation_out(request, o, language) for o in items]}


@router.get("/organisations/{slug}", response={200: OrganisationDetail, 404: ErrorOut})
def get_organisation(request, slug: str, lang: str | None = None):
    language = language_of(request, Page(lang=lang) if lang in ("nl", "fr", "de", "en") else None)
    organisation = _organisation(slug)
    posts = (
        Post.objects.filter(organisation=organisation)
        .select_related("person", "organisation")
        .prefetch_related("competences__territory")
    )
    relations = (
        Relation.objects.involving(organisation)
        .select_related("source", "target")
        .prefetch_related("source__names", "target__names")
    )
    data = organisation_out(request, organisation, language)
    data.update(
        description=organisation.description,
        version=organisation.version,
        children=[
            _ref(request, child, language)
            for child in organisation.children.active().prefetch_related("names")
        ],
        posts=[post_out(post, language) for post in posts],
        relations=[
            {
                "kind": r.kind,
                "other": _ref(
                    request, r.target if r.source_id == organisation.pk else r.source, language
                ),
                "direction": "out" if r.source_id == organisation.pk else "in",
                "since": r.since,
                "until": r.until,
                "description": r.description,
            }
            for r in relations
        ],
    )
    return data


@router.post(
    "/organisations",
    auth=token_auth,
    response={201: OrganisationDetail, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
)
def create_organisation(request, payload: OrganisationIn):
    organisation = operations.create_organisation(
        user=request.auth,
        slug=payload.slug,
        names=payload.names,
        kind=payload.kind,
        name=payload.name,
        language=payload.language,
        acronym=payload.acronym,
        country=payload.country,
        territory=_territory(payload.territory),
        parent=_parent(payload.parent),
        website=payload.website,
        description=payload.description,
    )
    return Status(201, get_organisation(request, organisation.slug))


@router.patch(
    "/organisations/{slug}",
    auth=token_auth,
    response={200: OrganisationDetail, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def update_organisation(request, slug: str, payload: OrganisationPatch):
    organisation = _organisation(slug)
    fields = payload.dict(
        exclude_unset=True, exclude={"version", "names", "parent", "contact_post"}
    )
    # null clears a text field (stored as ""); the name cannot be cleared, so null keeps it.
    fields = {
        key: "" if value is None else value
        for key, value in fields.items()
        if not (key == "name" and value is None)
    }
    if "parent" in payload.model_fields_set:
        fields["parent"] = _parent(payload.parent)
    if "contact_post" in payload.model_fields_set:
        fields["contact_post"] = _contact_post(organisation, payload.contact_post)
    operations.update_organisation(
        organisation, user=request.auth, version=payload.version, names=payload.names, **fields
    )
    return get_organisation(request, slug)


@router.post(
    "/organisations/{slug}/posts",
    auth=token_auth,
    response={201: PostOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def create_post(request, slug: str, payload: PostIn):
    organisation = _organisation(slug)
    person = Person.objects.filter(slug=payload.person).first()
    if person is None:
        raise ValidationError(
            {"person": _("No person has the identifier %(slug)s.") % {"slug": payload.person}}
        )
    post = operations.appoint(
        user=request.auth,
        person=person,
        organisation=organisation,
        role=payload.role,
        start=payload.start,
        end=payload.end,
        title=payload.title,
    )
    return Status(201, post_out(post, language_of(request)))

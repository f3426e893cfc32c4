"""People in the API: the people index and a person's posts, work contacts and competences
(public contacts only), and the writes on work contacts and competences."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, Page, absolute, language_of

from . import operations
from .api import CompetenceOut, PostOut, _organisation, _territory, competence_out, post_out
from .models import Competence, CompetenceTheme, ContactVisibility, Person, Post

router = Router(tags=["organisations"])


class PersonOut(Schema):
    slug: str
    name: str
    languages: list[str]
    posts: list[PostOut]
    url: str


class PersonList(Schema):
    count: int
    items: list[PersonOut]


class PeopleFilters(Page):
    q: str | None = Field(None, max_length=100)
    organisation: str | None = None
    current: bool = Field(False, description="Only people holding a post now.")


def person_out(request, person: Person, language: str) -> dict:
    return {
        "slug": person.slug,
        "name": str(person),
        "languages": [x for x in person.languages.split(",") if x],
        "posts": [post_out(post, language) for post in person.posts.all()],
        "url": absolute(request, person.get_absolute_url()),
    }


@router.get("/people", response=PersonList, summary="People and their posts")
def list_people(request, filters: Query[PeopleFilters]):
    language = language_of(request, filters)
    posts = Post.objects.select_related("organisation", "person").prefetch_related(
        "organisation__names", "competences__territory"
    )
    qs = Person.objects.filter(archived_at__isnull=True).prefetch_related(
        Prefetch("posts", queryset=posts)
    )
    if filters.q:
        for word in filters.q.split():
            qs = qs.filter(given_name__icontains=word) | qs.filter(family_name__icontains=word)
    if filters.organisation:
        qs = qs.filter(posts__organisation__slug=filters.organisation)
    if filters.current:
        qs = qs.filter(posts__in=Post.objects.current())
    qs = qs.distinct().order_by("family_name", "given_name")
    items = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "items": [person_out(request, p, language) for p in items]}


@router.get("/people/{slug}", response={200: PersonOut, 404: ErrorOut})
def get_person(request, slug: str):
    posts = Post.objects.select_related("organisation", "person").prefetch_related(
        "organisation__names", "competences__territory"
    )
    person = (
        Person.objects.prefetch_related(Prefetch("posts", queryset=posts)).filter(slug=slug).first()
    )
    if person is None:
        raise Http404(_("No person has the identifier %(slug)s.") % {"slug": slug})
    return person_out(request, person, language_of(request))


class WorkContactIn(Schema):
    work_email: str = Field("", max_length=254)
    work_phone: str = Field("", max_length=40)
    contact_visibility: ContactVisibility


class CompetenceIn(Schema):
    theme: CompetenceTheme
    description: str = Field(..., min_length=1, max_length=300)
    language: str = Field(..., pattern="^(nl|fr|de|en|lb)$")
    post: int | None = Field(None, description="Id of a post; none: the organisation itself.")
    territory: str | None = Field(None, description="Territory code covered, e.g. FR-INSEE:59279.")


def _post(pk: int) -> Post:
    post = Post.objects.select_related("person", "organisation").filter(pk=pk).first()
    if post is None:
        raise Http404(_("No post has the id %(id)s.") % {"id": pk})
    return post


@router.put(
    "/posts/{int:pk}/contact",
    auth=token_auth,
    response={200: PostOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Set a post's work e-mail and phone and who may see them",
)
def set_work_contact(request, pk: int, payload: WorkContactIn):
    post = operations.set_work_contact(_post(pk), user=request.auth, **payload.dict())
    return post_out(post, language_of(request))


@router.post(
    "/organisations/{slug}/competences",
    auth=token_auth,
    response={201: CompetenceOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Record a competence of an organisation or of one of its posts",
)
def add_competence(request, slug: str, payload: CompetenceIn):
    organisation = _organisation(slug)
    post = None
    if payload.post is not None:
        post = (
            Post.objects.select_related("organisation")
            .filter(pk=payload.post, organisation=organisation)
            .first()
        )
        if post is None:
            raise ValidationError({"post": _("The post must be a post of this organisation.")})
    competence = operations.add_competence(
        user=request.auth,
        organisation=None if post else organisation,
        post=post,
        theme=payload.theme,
        description=payload.description,
        language=payload.language,
        territory=_territory(payload.territory),
    )
    return Status(201, competence_out(competence))


@router.delete(
    "/competences/{int:pk}",
    auth=token_auth,
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="Archive a competence (kept in the history)",
)
def archive_competence(request, pk: int):
    competence = (
        Competence.objects.active()
        .select_related("organisation", "post__organisation")
        .filter(pk=pk)
        .first()
    )
    if competence is None:
        raise Http404(_("No competence has the id %(id)s.") % {"id": pk})
    operations.archive_competence(competence, user=request.auth)
    return Status(204, None)

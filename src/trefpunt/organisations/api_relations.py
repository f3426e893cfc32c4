"""Relations between organisations and Benelux presidencies in the REST API: public lists and
details, and curators' writes (add, change or end a relation, never delete; record or correct a
presidency)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, Page, language_of

from . import access, operations
from .exports import relation_row
from .models import Organisation, Relation, RelationKind

router = Router(tags=["organisations"])


class RelationFilters(Page):
    kind: RelationKind | None = None
    organisation: str | None = Field(None, description="Slug: relations from or to it.")
    current: bool = Field(False, description="Only relations that have not ended.")


class RelationItem(Schema):
    id: int
    kind: str
    source: str
    source_name: str
    target: str
    target_name: str
    since: date | None
    until: date | None
    description: str
    source_reference: str


class RelationList(Schema):
    count: int
    items: list[RelationItem]


class RelationIn(Schema):
    kind: RelationKind
    source: str
    target: str
    since: date | None = None
    until: date | None = None
    description: str = Field("", max_length=300)
    source_reference: str = Field("", max_length=300)


class RelationPatch(Schema):
    since: date | None = None
    until: date | None = None
    description: str | None = Field(None, max_length=300)
    source_reference: str | None = Field(None, max_length=300)


def _end(slug: str, field: str, errors: dict) -> Organisation | None:
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        errors[field] = [_("No organisation has the identifier %(slug)s.") % {"slug": slug}]
    return organisation


@router.get("/relations", response=RelationList, summary="Relations between organisations")
def list_relations(request, filters: Query[RelationFilters]):
    language = language_of(request, filters)
    qs = Relation.objects.for_listing()
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.organisation:
        qs = qs.filter(source__slug=filters.organisation) | qs.filter(
            target__slug=filters.organisation
        )
    if filters.current:
        qs = qs.current()
    items = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "items": [relation_row(r, language) for r in items]}


@router.get(
    "/relations/{relation_id}",
    response={200: RelationItem, 404: ErrorOut},
    summary="One relation between organisations",
)
def get_relation(request, relation_id: int):
    relation = Relation.objects.for_listing().filter(pk=relation_id).first()
    if relation is None:
        raise Http404(_("No such relation."))
    return relation_row(relation, language_of(request))


@router.post(
    "/relations",
    auth=token_auth,
    response={201: RelationItem, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    summary="Add a relation (curators)",
)
def create_relation(request, payload: RelationIn):
    if not access.can_curate_relations(request.auth):
        raise PermissionDenied(_("Only curators can change relations."))
    errors: dict = {}
    source = _end(payload.source, "source", errors)
    target = _end(payload.target, "target", errors)
    if errors:
        raise ValidationError(errors)
    if Relation.objects.filter(kind=payload.kind, source=source, target=target).exists():
        raise ValidationError({"kind": [_("This relation is already recorded.")]})
    relation = operations.relate(
        user=request.auth,
        kind=payload.kind,
        source=source,
        target=target,
        since=payload.since,
        until=payload.until,
        description=payload.description,
        source_reference=payload.source_reference,
    )
    return Status(201, relation_row(relation, language_of(request)))


@router.patch(
    "/relations/{relation_id}",
    auth=token_auth,
    response={200: RelationItem, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Change or end a relation (curators)",
)
def update_relation(request, relation_id: int, payload: RelationPatch):
    relation = Relation.objects.filter(pk=relation_id).first()
    if relation is None:
        raise Http404(_("No such relation."))
    relation = operations.update_relation(
        relation, user=request.auth, **payload.dict(exclude_unset=True)
    )
    relation = Relation.objects.for_listing().get(pk=relation.pk)
    return relation_row(relation, language_of(request))

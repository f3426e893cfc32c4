"""Routes for plans, their versions, consultation, approvals and presidencies."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, Page, absolute, language_of, localized_url
from trefpunt.meetings.models import Meeting
from trefpunt.organisations import access as directory_access
from trefpunt.organisations import operations as directory
from trefpunt.organisations.models import Organisation, Presidency

from .. import operations, queries, rollup
from ..models import Approval, PlanVersion
from .router import router
from .schemas import (
    ApprovalIn,
    ApprovalOut,
    CommentIn,
    CommentOut,
    ConsultationIn,
    PlanList,
    PresidencyFilters,
    PresidencyIn,
    PresidencyList,
    PresidencyOut,
    PresidencyPatch,
    VersionCreated,
    VersionIn,
    VersionOut,
)

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _organisation(slug: str, field: str) -> Organisation:
    found = Organisation.objects.prefetch_related("names").filter(slug=slug).first()
    if found is None:
        raise ValidationError(
            {field: [_("No organisation has the identifier %(slug)s.") % {"slug": slug}]}
        )
    return found


def _plan_key(version: PlanVersion) -> str:
    return version.multi_annual.slug if version.multi_annual_id else str(version.annual.year)


def approval_out(approval: Approval) -> dict:
    version = approval.version
    return {
        "id": approval.pk,
        "version": version.pk,
        "plan": _plan_key(version),
        "version_number": version.number,
        "body": {"slug": approval.body.slug, "name": approval.body.name_in()},
        "reference": approval.reference,
        "date": approval.date,
        "meeting": approval.meeting_id,
    }


def version_out(request, version: PlanVersion) -> dict:
    approval = getattr(version, "approval", None) if version.status == "approved" else None
    return {
        "id": version.pk,
        "plan": _plan_key(version),
        "number": version.number,
        "title": version.title,
        "text": version.text,
        "language": version.language,
        "status": version.status,
        "consultation_opens": version.consultation_opens,
        "consultation_closes": version.consultation_closes,
        "created_at": version.created_at,
        "approval": approval_out(approval) if approval else None,
        "url": absolute(request, version.get_absolute_url()),
    }


def presidency_out(presidency: Presidency) -> dict:
    annual = next(iter(presidency.annual_plans.all()), None)
    return {
        "year": presidency.year,
        "country": presidency.country,
        "note": presidency.note,
        "annual_plan": str(annual.year) if annual else None,
        "priorities": annual.presidency_priorities if annual else "",
    }


@router.get("/presidencies", response=PresidencyList, summary="Benelux presidencies, newest first")
def list_presidencies(request, filters: Query[PresidencyFilters]):
    qs = Presidency.objects.prefetch_related("annual_plans").order_by("-year")
    if filters.year:
        qs = qs.filter(year=filters.year)
    if filters.country:
        qs = qs.filter(country=filters.country.upper())
    items = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "items": [presidency_out(p) for p in items]}


def _presidency(year: int) -> Presidency:
    presidency = Presidency.objects.prefetch_related("annual_plans").filter(year=year).first()
    if presidency is None:
        raise Http404(_("No presidency is recorded for this year."))
    return presidency


@router.get(
    "/presidencies/{year}",
    response={200: PresidencyOut, 404: ErrorOut},
    summary="The presidency of one year",
)
def get_presidency(request, year: int):
    return presidency_out(_presidency(year))


@router.post(
    "/presidencies",
    auth=token_auth,
    response={201: PresidencyOut, **WRITE_ERRORS},
    summary="Record a presidency (curators)",
)
def create_presidency(request, payload: PresidencyIn):
    presidency = directory.record_presidency(
        user=request.auth, year=payload.year, country=payload.country.upper(), note=payload.note
    )
    return Status(201, presidency_out(_presidency(presidency.year)))


@router.patch(
    "/presidencies/{year}",
    auth=token_auth,
    response={200: PresidencyOut, **WRITE_ERRORS},
    summary="Correct a presidency (curators)",
)
def update_presidency(request, year: int, payload: PresidencyPatch):
    if not directory_access.can_record_presidencies(request.auth):
        raise PermissionDenied(_("Only curators can record presidencies."))
    presidency = _presidency(year)
    changes = payload.dict(exclude_unset=True)
    directory.set_presidency(
        user=request.auth,
        year=presidency.year,
        country=(changes.get("country") or presidency.country).upper(),
        note=presidency.note if changes.get("note") is None else changes["note"],
    )
    return presidency_out(_presidency(year))


def plan_out(request, plan, language: str) -> dict:
    progress = rollup.by_objective(plan)
    return {
        "slug": plan.slug,
        "title": plan.title,
        "start_year": plan.start_year,
        "end_year": plan.end_year,
        "is_demo": plan.is_demo,
        "objectives": [
            {"code": o.code, "theme": o.theme, "title": o.title, "progress": progress.get(o.pk)}
            for o in plan.objectives.all()
        ],
        "annual_plans": [
            {
                "year": a.year,
                "title": a.title,
                "presidency": a.presidency.country if a.presidency_id else None,
                "priorities": a.presidency_priorities,
                "progress": rollup.of_annual_plan(a),
                "url": absolute(request, localized_url(a, language)),
            }
            for a in plan.annual_plans.all()
        ],
        "url": absolute(request, localized_url(plan, language)),
    }


@router.get("/plans", response=PlanList, summary="Multi-annual plans and their annual plans")
def list_plans(request, page: Query[Page]):
    language = language_of(request, page)
    items = list(queries.plans()[page.offset : page.offset + page.limit])
    return {"count": len(items), "items": [plan_out(request, p, language) for p in items]}


@router.get("/plans/{key}/versions", response={200: list[VersionOut], 404: ErrorOut})
def list_versions(request, key: str):
    plan = queries.plan_by_key(key)
    return [version_out(request, v) for v in queries.versions_of(plan)]


@router.post("/plans/{key}/versions", auth=token_auth, response={201: VersionOut, **WRITE_ERRORS})
def write_version(request, key: str, payload: VersionIn):
    plan = queries.plan_by_key(key)
    version = operations.write_plan_text(plan, user=request.auth, **payload.dict())
    return Status(201, version_out(request, version))


@router.get("/plan-versions/{version_id}", response={200: VersionOut, 404: ErrorOut})
def get_version(request, version_id: int):
    return version_out(request, queries.version(version_id))


@router.patch(
    "/plan-versions/{version_id}",
    auth=token_auth,
    response={201: VersionCreated, **WRITE_ERRORS},
    summary="Edit a version: always creates the next draft (a version never changes)",
)
def edit_version(request, version_id: int, payload: VersionIn):
    base = queries.version(version_id)
    version = operations.write_plan_text(base.plan, user=request.auth, **payload.dict())
    return Status(201, {**version_out(request, version), "based_on": base.pk})


@router.post(
    "/plan-versions/{version_id}/consultation",
    auth=token_auth,
    response={200: VersionOut, **WRITE_ERRORS},
)
def open_consultation(request, version_id: int, payload: ConsultationIn):
    version = operations.open_consultation(
        queries.version(version_id), user=request.auth, opens=payload.opens, closes=payload.closes
    )
    return version_out(request, queries.version(version.pk))


def comment_out(comment) -> dict:
    return {
        "id": comment.pk,
        "version": comment.version_id,
        "organisation": {
            "slug": comment.organisation.slug,
            "name": comment.organisation.name_in(),
        },
        "text": comment.text,
        "created_at": comment.created_at,
    }


@router.get("/plan-versions/{version_id}/comments", response={200: list[CommentOut], 404: ErrorOut})
def list_comments(request, version_id: int):
    version = queries.version(version_id)
    comments = version.comments.select_related("organisation").prefetch_related(
        "organisation__names"
    )
    return [comment_out(c) for c in comments]


@router.post(
    "/plan-versions/{version_id}/comments",
    auth=token_auth,
    response={201: CommentOut, **WRITE_ERRORS},
)
def add_comment(request, version_id: int, payload: CommentIn):
    comment = operations.comment_on_version(
        queries.version(version_id),
        user=request.auth,
        organisation=_organisation(payload.organisation, "organisation"),
        text=payload.text,
    )
    return Status(201, comment_out(comment))


@router.get("/approvals", response=list[ApprovalOut], summary="Approvals of plan versions")
def list_approvals(request):
    approvals = Approval.objects.select_related(
        "version__multi_annual", "version__annual", "body"
    ).prefetch_related("body__names")
    return [approval_out(a) for a in approvals]


@router.post("/approvals", auth=token_auth, response={201: ApprovalOut, **WRITE_ERRORS})
def approve(request, payload: ApprovalIn):
    version = PlanVersion.objects.select_related("multi_annual", "annual").filter(
        pk=payload.version
    )
    version = version.first()
    if version is None:
        raise ValidationError({"version": [_("No such plan version.")]})
    meeting = None
    if payload.meeting is not None:
        meeting = Meeting.objects.filter(pk=payload.meeting).first()
        if meeting is None:
            raise ValidationError({"meeting": [_("No such meeting.")]})
    approval = operations.approve_version(
        version,
        user=request.auth,
        body=_organisation(payload.body, "body"),
        reference=payload.reference,
        decided_on=payload.date,
        meeting=meeting,
    )
    return Status(201, approval_out(approval))

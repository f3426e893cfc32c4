"""Routes for projects and deliverables, with the weighted progress."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, absolute, language_of, localized_url

from .. import operations, queries, rollup
from ..models import Project
from .router import router
from .schemas import (
    DeliverableFilters,
    DeliverableIn,
    DeliverableList,
    DeliverableOut,
    DeliverablePatch,
    ProjectDetail,
    ProjectFilters,
    ProjectList,
)

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def deliverable_out(deliverable, today, project_slug: str) -> dict:
    return {
        "id": deliverable.pk,
        "project": project_slug,
        "title": deliverable.title,
        "kind": deliverable.kind,
        "phase": deliverable.phase.name if deliverable.phase_id else None,
        "due_date": deliverable.due_date,
        "weight": deliverable.weight,
        "progress": deliverable.progress,
        "status": deliverable.status,
        "evidence_url": deliverable.evidence_url,
        "overdue": deliverable.is_overdue(today),
        "version": deliverable.version,
    }


def project_out(request, project, language: str) -> dict:
    return {
        "slug": project.slug,
        "title": project.title,
        "year": project.annual_plan.year,
        "objective": project.objective.code if project.objective_id else None,
        "themes": project.themes,
        "lead_team": {"slug": project.lead_team.slug, "name": project.lead_team.name_in(language)},
        "partners": [
            {
                "organisation": {
                    "slug": p.organisation.slug,
                    "name": p.organisation.name_in(language),
                },
                "role": p.role,
            }
            for p in project.partners.all()
        ],
        "progress": rollup.weighted(project.deliverables.all()),
        "is_demo": project.is_demo,
        "url": absolute(request, localized_url(project, language)),
    }


@router.get("/projects", response=ProjectList, summary="Projects with their weighted progress")
def list_projects(request, filters: Query[ProjectFilters]):
    language = language_of(request, filters)
    qs = queries.projects().order_by("annual_plan__year", "title", "pk")
    if filters.year:
        qs = qs.filter(annual_plan__year=filters.year)
    items = list(qs)
    if filters.theme:
        items = [p for p in items if filters.theme in p.themes]
    page = items[filters.offset : filters.offset + filters.limit]
    return {"count": len(items), "items": [project_out(request, p, language) for p in page]}


@router.get("/projects/{slug}", response={200: ProjectDetail, 404: ErrorOut})
def get_project(request, slug: str, lang: str | None = None):
    language = language_of(request)
    project = queries.project_detail(slug)
    today = timezone.localdate()
    return {
        **project_out(request, project, language),
        "summary": project.summary,
        "phases": [phase.name for phase in project.phases.all()],
        "territories": [t.code for t in project.territories.all()],
        "deliverables": [deliverable_out(d, today, slug) for d in project.deliverables.all()],
    }


@router.get("/deliverables", response=DeliverableList, summary="Deliverables and milestones")
def list_deliverables(request, filters: Query[DeliverableFilters]):
    today = timezone.localdate()
    qs = queries.deliverables().order_by("due_date", "pk")
    if filters.overdue:
        qs = qs.overdue(today)
    if filters.project:
        qs = qs.filter(project__slug=filters.project)
    if filters.year:
        qs = qs.filter(project__annual_plan__year=filters.year)
    items = qs[filters.offset : filters.offset + filters.limit]
    return {
        "count": qs.count(),
        "items": [deliverable_out(d, today, d.project.slug) for d in items],
    }


@router.post("/deliverables", auth=token_auth, response={201: DeliverableOut, **WRITE_ERRORS})
def create_deliverable(request, payload: DeliverableIn):
    project = Project.objects.filter(slug=payload.project).first()
    if project is None:
        raise ValidationError(
            {"project": [_("No project has the identifier %(slug)s.") % {"slug": payload.project}]}
        )
    deliverable = operations.add_deliverable(
        project, user=request.auth, **payload.dict(exclude={"project"})
    )
    return Status(201, deliverable_out(deliverable, timezone.localdate(), project.slug))


@router.patch(
    "/deliverables/{deliverable_id}",
    auth=token_auth,
    response={200: DeliverableOut, **WRITE_ERRORS},
)
def update_deliverable(request, deliverable_id: int, payload: DeliverablePatch):
    deliverable = queries.deliverables().filter(pk=deliverable_id).first()
    if deliverable is None:
        raise Http404(_("No such deliverable."))
    deliverable = operations.update_deliverable(
        deliverable,
        user=request.auth,
        version=payload.version,
        **payload.dict(exclude_unset=True, exclude={"version"}),
    )
    return deliverable_out(deliverable, timezone.localdate(), deliverable.project.slug)

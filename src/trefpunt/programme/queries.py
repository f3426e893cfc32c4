"""Reads of the work programme, with what each page or endpoint needs loaded at once."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _

from .models import (
    AnnualPlan,
    Deliverable,
    MultiAnnualPlan,
    PlanVersion,
    Project,
    ProjectPartner,
)


def projects(queryset=None):
    queryset = Project.objects.all() if queryset is None else queryset
    return queryset.select_related("annual_plan", "objective", "lead_team").prefetch_related(
        "lead_team__names",
        "deliverables",
        Prefetch(
            "partners",
            queryset=ProjectPartner.objects.select_related("organisation").prefetch_related(
                "organisation__names"
            ),
        ),
    )


def project_detail(slug: str) -> Project:
    project = (
        projects()
        .prefetch_related("phases", "territories", "reports", "deliverables__phase")
        .filter(slug=slug)
        .first()
    )
    if project is None:
        raise Http404(_("No project has the identifier %(slug)s.") % {"slug": slug})
    return project


def plans():
    return MultiAnnualPlan.objects.prefetch_related(
        "objectives",
        Prefetch("annual_plans", queryset=AnnualPlan.objects.select_related("presidency")),
    )


def plan(slug: str) -> MultiAnnualPlan:
    found = plans().filter(slug=slug).first()
    if found is None:
        raise Http404(_("No multi-annual plan covers %(period)s.") % {"period": slug})
    return found


def annual_plan(year: int) -> AnnualPlan:
    found = AnnualPlan.objects.select_related("plan", "presidency").filter(year=year).first()
    if found is None:
        raise Http404(_("There is no annual plan for %(year)s.") % {"year": year})
    return found


def plan_by_key(key: str):
    """``2025-2028`` is a multi-annual plan, ``2025`` an annual plan."""
    if key.isdigit():
        return annual_plan(int(key))
    return plan(key)


def versions_of(plan_obj):
    return (
        PlanVersion.objects.of(plan_obj)
        .select_related("approval__body", "multi_annual", "annual")
        .order_by("number")
    )


def version(pk: int) -> PlanVersion:
    found = (
        PlanVersion.objects.select_related(
            "multi_annual", "annual", "approval__body", "approval__meeting"
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404(_("No such plan version."))
    return found


def deliverables():
    return Deliverable.objects.select_related(
        "project__lead_team", "project__annual_plan", "phase"
    ).prefetch_related("project__lead_team__names")


def current_version(plan_obj) -> PlanVersion | None:
    """The approved version in force (the latest approved), else the latest draft."""
    versions = list(PlanVersion.objects.of(plan_obj).order_by("-number"))
    approved = [v for v in versions if v.status == "approved"]
    return approved[0] if approved else (versions[0] if versions else None)

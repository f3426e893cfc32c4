"""Writing projects: partners, phases, deliverables (weight, progress, status) and reports."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trefpunt.lib.content import check_version, with_history_user

from .. import access
from ..models import (
    AnnualPlan,
    Deliverable,
    PartnerRole,
    Phase,
    ProgressReport,
    Project,
    ProjectPartner,
    Theme,
)
from .base import Errors, refuse

DELIVERABLE_FIELDS = (
    "phase",
    "kind",
    "title",
    "due_date",
    "weight",
    "progress",
    "status",
    "evidence_url",
)


def _full_clean(instance) -> None:
    """``full_clean`` with the field errors only (weights < 0, progress > 100 …)."""
    try:
        instance.full_clean(validate_constraints=False)
    except ValidationError as error:
        raise ValidationError(error.message_dict) from None


@transaction.atomic
def create_project(
    annual_plan: AnnualPlan,
    *,
    user,
    slug: str,
    title: str,
    language: str,
    lead_team,
    objective=None,
    summary: str = "",
    themes: list[str] | None = None,
    territories=(),
    is_demo=False,
) -> Project:
    refuse(access.can_plan(user))
    errors = Errors()
    unknown = sorted(set(themes or []) - set(Theme.values))
    if unknown:
        errors.add("themes", _("Unknown theme(s): %(themes)s.") % {"themes": ", ".join(unknown)})
    if objective is not None and objective.plan_id != annual_plan.plan_id:
        errors.add("objective", _("The objective belongs to another multi-annual plan."))
    if Project.objects.filter(slug=slug).exists():
        errors.add("slug", _("This identifier is already taken."))
    errors.raise_any()
    project = Project(
        annual_plan=annual_plan,
        objective=objective,
        slug=slug,
        title=title,
        language=language,
        summary=summary,
        lead_team=lead_team,
        themes=list(themes or ([objective.theme] if objective else [])),
        is_demo=is_demo,
    )
    _full_clean(project)
    with_history_user(project, user).save()
    project.territories.set(territories)
    ProjectPartner.objects.create(project=project, organisation=lead_team, role=PartnerRole.LEAD)
    return project


@transaction.atomic
def add_partner(project: Project, *, user, organisation, role: str) -> ProjectPartner:
    refuse(access.can_plan(user))
    if role not in PartnerRole.values:
        Errors({"role": [_("Unknown role.")]}).raise_any()
    partner, _created = ProjectPartner.objects.get_or_create(
        project=project, organisation=organisation, role=role
    )
    return partner


@transaction.atomic
def add_phase(
    project: Project, *, user, name: str, start: date | None = None, end: date | None = None
) -> Phase:
    refuse(access.can_plan(user))
    if start and end and end < start:
        Errors({"end": [_("The end date is before the start date.")]}).raise_any()
    phase = Phase(
        project=project, position=project.phases.count() + 1, name=name, start=start, end=end
    )
    _full_clean(phase)
    phase.save()
    return phase


def _check_phase(project: Project, phase, errors: Errors) -> None:
    if phase is not None and phase.project_id != project.pk:
        errors.add("phase", _("The phase belongs to another project."))


@transaction.atomic
def add_deliverable(project: Project, *, user, title: str, **fields) -> Deliverable:
    refuse(access.can_follow_up(user, project))
    errors = Errors()
    unknown = sorted(set(fields) - set(DELIVERABLE_FIELDS))
    for name in unknown:
        errors.add(name, _("This field cannot be set."))
    _check_phase(project, fields.get("phase"), errors)
    errors.raise_any()
    deliverable = Deliverable(project=project, title=title, **fields)
    _full_clean(deliverable)
    with_history_user(deliverable, user).save()
    return deliverable


@transaction.atomic
def update_deliverable(
    deliverable: Deliverable, *, user, version: int | None = None, **fields
) -> Deliverable:
    refuse(access.can_follow_up(user, deliverable.project))
    locked = Deliverable.objects.select_for_update().get(pk=deliverable.pk)
    check_version(locked, version)
    errors = Errors()
    for name in fields:
        if name not in DELIVERABLE_FIELDS:
            errors.add(name, _("This field cannot be changed."))
    _check_phase(locked.project, fields.get("phase"), errors)
    errors.raise_any()
    changed = [name for name, value in fields.items() if getattr(locked, name) != value]
    for name in changed:
        setattr(locked, name, fields[name])
    if locked.progress == 100 and "status" not in fields and locked.status != "cancelled":
        locked.status = "done"
        changed.append("status")
    _full_clean(locked)
    if changed:
        locked.version += 1
        with_history_user(locked, user).save(update_fields=[*set(changed), "version", "updated_at"])
    return locked


@transaction.atomic
def report_progress(
    project: Project, *, user, on: date, text: str, language: str
) -> ProgressReport:
    refuse(access.can_follow_up(user, project))
    if not (text or "").strip():
        Errors({"text": [_("The report is empty.")]}).raise_any()
    report = ProgressReport(
        project=project,
        date=on,
        text=text.strip(),
        language=language,
        author=user if getattr(user, "is_authenticated", False) else None,
    )
    _full_clean(report)
    report.save()
    return report

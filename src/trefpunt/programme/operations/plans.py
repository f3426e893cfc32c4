"""Writing plans: the plans themselves, their texts as versions, consultation and approval."""

from datetime import date, datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.content import with_history_user
from trefpunt.organisations.models import Organisation, Presidency, RelationKind

from .. import access
from ..models import (
    AnnualPlan,
    Approval,
    ConsultationComment,
    MeetingPreparation,
    MultiAnnualPlan,
    Objective,
    PlanVersion,
    Theme,
    VersionStatus,
)
from .base import Errors, refuse


@transaction.atomic
def create_multi_annual_plan(
    *, user, start_year: int, end_year: int, title: str, language: str, is_demo=False
) -> MultiAnnualPlan:
    refuse(access.can_plan(user))
    errors = Errors()
    if end_year < start_year:
        errors.add("end_year", _("The last year is before the first year."))
    slug = f"{start_year}-{end_year}"
    if MultiAnnualPlan.objects.filter(slug=slug).exists():
        errors.add("start_year", _("A plan for this period already exists."))
    errors.raise_any()
    plan = MultiAnnualPlan(
        slug=slug,
        start_year=start_year,
        end_year=end_year,
        title=title,
        language=language,
        is_demo=is_demo,
    )
    plan.full_clean()
    with_history_user(plan, user).save()
    return plan


@transaction.atomic
def add_objective(
    plan: MultiAnnualPlan, *, user, theme: str, code: str, title: str, position: int = 0
) -> Objective:
    refuse(access.can_plan(user))
    if theme not in Theme.values:
        Errors({"theme": [_("Unknown theme.")]}).raise_any()
    objective = Objective(plan=plan, theme=theme, code=code, title=title, position=position)
    objective.full_clean()
    objective.save()
    return objective


@transaction.atomic
def create_annual_plan(
    plan: MultiAnnualPlan,
    *,
    user,
    year: int,
    title: str,
    language: str,
    presidency_priorities: str = "",
    is_demo=False,
) -> AnnualPlan:
    refuse(access.can_plan(user))
    errors = Errors()
    if not plan.start_year <= year <= plan.end_year:
        errors.add("year", _("The year lies outside the multi-annual plan's period."))
    if AnnualPlan.objects.filter(year=year).exists():
        errors.add("year", _("There is already an annual plan for this year."))
    errors.raise_any()
    annual = AnnualPlan(
        plan=plan,
        year=year,
        title=title,
        language=language,
        presidency=Presidency.objects.filter(year=year).first(),
        presidency_priorities=presidency_priorities,
        is_demo=is_demo,
    )
    annual.full_clean()
    with_history_user(annual, user).save()
    return annual


@transaction.atomic
def write_plan_text(
    plan, *, user, title: str, text: str, language: str, at: datetime | None = None
) -> PlanVersion:
    """The plan's next version, as a draft. Versions are never changed: editing an approved
    (or any) version writes a new one, so what was approved stays as it was approved."""
    refuse(access.can_plan(user))
    errors = Errors()
    if not (text or "").strip():
        errors.add("text", _("The text of a plan cannot be empty."))
    if not (title or "").strip():
        errors.add("title", _("Give the plan version a title."))
    errors.raise_any()
    type(plan).objects.select_for_update().get(pk=plan.pk)  # numbers are taken in turn
    last = PlanVersion.objects.of(plan).aggregate(n=Max("number"))["n"] or 0
    version = PlanVersion(
        multi_annual=plan if isinstance(plan, MultiAnnualPlan) else None,
        annual=plan if isinstance(plan, AnnualPlan) else None,
        number=last + 1,
        title=title.strip(),
        text=text,
        language=language,
        created_at=at or timezone.now(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    version.full_clean()
    with_history_user(version, user).save()
    return version


def _locked(version: PlanVersion) -> PlanVersion:
    return PlanVersion.objects.select_for_update().get(pk=version.pk)


@transaction.atomic
def open_consultation(version: PlanVersion, *, user, opens: date, closes: date) -> PlanVersion:
    """Member organisations may comment on this draft from ``opens`` to ``closes``."""
    refuse(access.can_plan(user))
    locked = _locked(version)
    errors = Errors()
    if locked.status != VersionStatus.DRAFT:
        errors.add("status", _("Only a draft can be put to consultation."))
    if closes < opens:
        errors.add("closes", _("The consultation closes before it opens."))
    errors.raise_any()
    locked.status = VersionStatus.CONSULTATION
    locked.consultation_opens, locked.consultation_closes = opens, closes
    with_history_user(locked, user).save(
        update_fields=["status", "consultation_opens", "consultation_closes"]
    )
    return locked


@transaction.atomic
def comment_on_version(
    version: PlanVersion, *, user, organisation: Organisation, text: str, at=None
) -> ConsultationComment:
    """A member organisation's comment, anchored to the version it read."""
    refuse(
        access.can_comment_for(user, organisation),
        _("You may only comment for an organisation you belong to."),
    )
    at = at or timezone.now()
    errors = Errors()
    if not version.consultation_is_open(timezone.localdate(at)):
        errors.add("version", _("This version is not open for consultation."))
    if not (text or "").strip():
        errors.add("text", _("The comment is empty."))
    errors.raise_any()
    comment = ConsultationComment(
        version=version,
        organisation=organisation,
        author=user if getattr(user, "is_authenticated", False) else None,
        text=text.strip(),
        created_at=at,
    )
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def approve_version(
    version: PlanVersion,
    *,
    user,
    body: Organisation,
    reference: str,
    decided_on: date,
    meeting=None,
) -> Approval:
    """Record the formal decision approving ``version`` (its consultation closes with it)."""
    refuse(access.can_approve(user), _("Only curators record approvals."))
    locked = _locked(version)
    errors = Errors()
    if body.slug not in access.DECIDING_BODIES:
        errors.add(
            "body",
            _("%(body)s does not decide on the work programme; the Committee of Ministers does.")
            % {"body": body.name_in()},
        )
    if decided_on < timezone.localdate(locked.created_at):
        errors.add("date", _("The decision is dated before this version existed."))
    if locked.status == VersionStatus.APPROVED:
        errors.add("version", _("This version is already approved."))
    latest = PlanVersion.objects.of(locked.plan).aggregate(n=Max("number"))["n"]
    if locked.number != latest:
        errors.add("version", _("Only the latest version of a plan can be approved."))
    reference = (reference or "").strip()
    if not reference:
        errors.add("reference", _("Give the decision's reference, e.g. M (2024) 12."))
    elif Approval.objects.filter(reference=reference).exists():
        errors.add("reference", _("Another decision has this reference."))
    if meeting is not None and meeting.organiser_id != body.pk:
        errors.add("meeting", _("The meeting is not one of the deciding body."))
    errors.raise_any()
    approval = Approval(
        version=locked,
        body=body,
        reference=reference,
        date=decided_on,
        meeting=meeting,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    approval.full_clean()
    approval.save()
    fields = ["status"]
    locked.status = VersionStatus.APPROVED
    if locked.consultation_opens and (
        locked.consultation_closes is None or locked.consultation_closes > decided_on
    ):
        locked.consultation_closes = decided_on
        fields.append("consultation_closes")
    locked._change_reason = reference
    with_history_user(locked, user).save(update_fields=fields)
    return approval


@transaction.atomic
def mark_preparation(preparing, prepared, *, user) -> MeetingPreparation:
    """Mark a meeting (the Council's) as preparing another (the Committee of Ministers'): the
    first organiser must prepare the second's (a ``prepares`` relation in the directory)."""
    refuse(access.can_plan(user))
    errors = Errors()
    if preparing.pk == prepared.pk:
        errors.add("prepared", _("A meeting cannot prepare itself."))
    elif not preparing.organiser.relations_out.filter(
        kind=RelationKind.PREPARES, target_id=prepared.organiser_id
    ).exists():
        errors.add(
            "prepared",
            _("%(body)s does not prepare the meetings of %(other)s.")
            % {"body": preparing.organiser.name_in(), "other": prepared.organiser.name_in()},
        )
    if prepared.start < preparing.start:
        errors.add("prepared", _("The prepared meeting takes place before this one."))
    errors.raise_any()
    preparation, _created = MeetingPreparation.objects.update_or_create(
        preparing=preparing, defaults={"prepared": prepared}
    )
    return preparation

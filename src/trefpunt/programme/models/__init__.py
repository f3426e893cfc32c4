"""The Benelux work programme: multi-annual plan → annual plans → projects → deliverables,
plan texts as versions with consultation and formal approval."""

from .approval import Approval, ConsultationComment, MeetingPreparation
from .plan import (
    CONTENT_LANGUAGES,
    AnnualPlan,
    MultiAnnualPlan,
    Objective,
    PlanVersion,
    Theme,
    VersionStatus,
)
from .project import (
    CLOSED,
    Deliverable,
    DeliverableKind,
    DeliverableStatus,
    PartnerRole,
    Phase,
    ProgressReport,
    Project,
    ProjectPartner,
)

__all__ = [
    "CLOSED",
    "CONTENT_LANGUAGES",
    "AnnualPlan",
    "Approval",
    "ConsultationComment",
    "Deliverable",
    "DeliverableKind",
    "DeliverableStatus",
    "MeetingPreparation",
    "MultiAnnualPlan",
    "Objective",
    "PartnerRole",
    "Phase",
    "PlanVersion",
    "ProgressReport",
    "Project",
    "ProjectPartner",
    "Theme",
    "VersionStatus",
]

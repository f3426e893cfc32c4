from datetime import date, datetime
from decimal import Decimal

from ninja import Field, Schema

from trefpunt.lib.api import Page

from ..models import DeliverableKind, DeliverableStatus, Theme


class Ref(Schema):
    slug: str
    name: str


class PresidencyOut(Schema):
    year: int
    country: str
    note: str
    annual_plan: str | None
    priorities: str


class PresidencyList(Schema):
    count: int
    items: list[PresidencyOut]


class PresidencyFilters(Page):
    year: int | None = Field(None, ge=1944, le=2200)
    country: str | None = Field(None, pattern="^[A-Za-z]{2}$")


class PresidencyIn(Schema):
    year: int = Field(..., ge=1944, le=2200)
    country: str = Field(..., pattern="^(BE|NL|LU|be|nl|lu)$")
    note: str = Field("", max_length=300)


class PresidencyPatch(Schema):
    country: str | None = Field(None, pattern="^(BE|NL|LU|be|nl|lu)$")
    note: str | None = Field(None, max_length=300)


class ApprovalOut(Schema):
    id: int
    version: int
    plan: str
    version_number: int
    body: Ref
    reference: str
    date: date
    meeting: int | None


class VersionOut(Schema):
    id: int
    plan: str
    number: int
    title: str
    text: str
    language: str
    status: str
    consultation_opens: date | None
    consultation_closes: date | None
    created_at: datetime
    approval: ApprovalOut | None
    url: str


class VersionIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    text: str = Field(..., min_length=1)
    language: str = Field(..., pattern="^(nl|fr|de|en)$")


class VersionCreated(VersionOut):
    based_on: int | None = None


class ConsultationIn(Schema):
    opens: date
    closes: date


class CommentIn(Schema):
    organisation: str
    text: str = Field(..., min_length=1, max_length=10000)


class CommentOut(Schema):
    id: int
    version: int
    organisation: Ref
    text: str
    created_at: datetime


class ApprovalIn(Schema):
    version: int
    body: str = Field(..., description="Slug of the deciding body.")
    reference: str = Field(..., min_length=1, max_length=40)
    date: date
    meeting: int | None = None


class ObjectiveOut(Schema):
    code: str
    theme: Theme
    title: str
    progress: float | None


class AnnualPlanOut(Schema):
    year: int
    title: str
    presidency: str | None
    priorities: str
    progress: float | None
    url: str


class PlanOut(Schema):
    slug: str
    title: str
    start_year: int
    end_year: int
    is_demo: bool
    objectives: list[ObjectiveOut]
    annual_plans: list[AnnualPlanOut]
    url: str


class PlanList(Schema):
    count: int
    items: list[PlanOut]


class DeliverableOut(Schema):
    id: int
    project: str
    title: str
    kind: str
    phase: str | None
    due_date: date | None
    weight: Decimal
    progress: int
    status: str
    evidence_url: str
    overdue: bool
    version: int


class DeliverableList(Schema):
    count: int
    items: list[DeliverableOut]


class DeliverableFilters(Page):
    overdue: bool = False
    project: str | None = None
    year: int | None = None


class DeliverableIn(Schema):
    project: str
    title: str = Field(..., min_length=1, max_length=300)
    kind: DeliverableKind = DeliverableKind.DELIVERABLE
    due_date: date | None = None
    weight: Decimal = Field(Decimal(1), max_digits=6, decimal_places=2)
    progress: int = 0
    status: DeliverableStatus = DeliverableStatus.PLANNED
    evidence_url: str = Field("", max_length=500)


class DeliverablePatch(Schema):
    version: int = Field(..., description="The version you read; a stale one gets 422.")
    title: str | None = Field(None, min_length=1, max_length=300)
    due_date: date | None = None
    weight: Decimal | None = Field(None, max_digits=6, decimal_places=2)
    progress: int | None = None
    status: DeliverableStatus | None = None
    evidence_url: str | None = Field(None, max_length=500)


class PartnerOut(Schema):
    organisation: Ref
    role: str


class ProjectOut(Schema):
    slug: str
    title: str
    year: int
    objective: str | None
    themes: list[str]
    lead_team: Ref
    partners: list[PartnerOut]
    progress: float | None
    is_demo: bool
    url: str


class ProjectDetail(ProjectOut):
    summary: str
    phases: list[str]
    territories: list[str]
    deliverables: list[DeliverableOut]


class ProjectList(Schema):
    count: int
    items: list[ProjectOut]


class ProjectFilters(Page):
    year: int | None = None
    theme: Theme | None = None

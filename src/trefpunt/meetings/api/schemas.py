"""The shapes of the meetings API: what it returns, the filters of its lists and what the
token writes accept."""

from datetime import date, datetime

from ninja import Field, Schema

from trefpunt.lib.api import Page

from ..models import ActionStatus, MeetingKind, Visibility

LANGUAGE_PATTERN = "^(nl|fr|de|en|lb)$"


# --- Shapes ---------------------------------------------------------------------------------


class ChairOut(Schema):
    name: str
    country: str
    organisation: str | None


class MeetingOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    start: str = Field(..., description="ISO 8601, UTC, with its offset.")
    end: str
    timezone: str = Field(..., description="The meeting's IANA time zone (local times).")
    series: str | None
    visibility: str
    chairs: list[ChairOut]
    participants_count: int = Field(..., description="Registered and attended.")
    url: str
    ics: str


class MeetingList(Schema):
    count: int
    items: list[MeetingOut]


class Ref(Schema):
    slug: str
    name: str


class PracticeRef(Schema):
    id: int
    title: str


class AgendaItemOut(Schema):
    id: int
    position: int
    title: str
    description: str
    presenter: Ref | None
    duration_minutes: int | None
    document_url: str
    practices: list[PracticeRef]


class OwnerOut(Schema):
    type: str = Field(..., description="person or organisation")
    slug: str
    name: str


class MeetingRef(Schema):
    id: int
    title: str
    url: str


class ActionOut(Schema):
    id: int
    title: str
    status: str
    due_date: date | None
    overdue: bool
    owner: OwnerOut
    meeting: MeetingRef
    decision: int | None = Field(..., description="Number of the decision it follows from.")
    notes: str
    version: int


class ActionList(Schema):
    count: int
    items: list[ActionOut]


class DecisionOut(Schema):
    number: int
    language: str
    text: str
    agenda_item: int | None


class MinutesOut(Schema):
    language: str
    status: str
    visibility: str
    body: str
    approved_at: str | None = Field(..., description="ISO 8601, UTC, with its offset.")


class PlaceOut(Schema):
    code: str
    name: str


class MeetingDetail(MeetingOut):
    language: str
    languages: list[str]
    description: str
    outdated: bool = Field(..., description="The translation returned predates the original.")
    organiser: Ref
    supporting: list[Ref]
    sides: list[str]
    territory: PlaceOut | None
    address: str
    online_url: str
    capacity: int | None
    version: int
    content_visible: bool
    agenda: list[AgendaItemOut]
    carried_actions: list[ActionOut]
    decisions: list[DecisionOut]
    actions: list[ActionOut]
    minutes: list[MinutesOut]


# --- Filters -------------------------------------------------------------------------------


class MeetingFilters(Page):
    series: str | None = Field(None, description="Series identifier.")
    kind: MeetingKind | None = None
    from_: str | None = Field(
        None,
        alias="from",
        description="Meetings ending on or after this date or date-time (ISO 8601).",
    )
    to: str | None = Field(
        None, description="Meetings starting on or before this date or date-time (ISO 8601)."
    )
    organisation: str | None = Field(None, description="Organiser or supporting organisation.")


class ActionFilters(Page):
    status: ActionStatus | None = Field(
        None,
        description="open: not finished (open or in progress); the other statuses exactly.",
    )
    owner: str | None = Field(None, description="Identifier of the owning person or organisation.")
    series: str | None = Field(None, description="Series identifier.")
    overdue: bool | None = Field(None, description="Only overdue actions (true) or none (false).")


class LanguageQuery(Schema):
    lang: str | None = Field(None, pattern="^(nl|fr|de|en)$", description="Language of titles.")


# --- Writes --------------------------------------------------------------------------------


class ChairIn(Schema):
    person: str = Field(..., description="Identifier of the person.")
    post: int | None = Field(None, description="Id of the post they chair in.")
    country: str | None = Field(None, pattern="^[A-Za-z]{2}$", description="Their side.")


class MeetingIn(Schema):
    organiser: str = Field(..., description="Identifier of the organising organisation.")
    kind: MeetingKind
    language: str = Field(..., pattern=LANGUAGE_PATTERN)
    title: str = Field(..., min_length=1, max_length=300)
    start: datetime = Field(..., description="ISO 8601; without an offset, read in `timezone`.")
    end: datetime
    timezone: str = "Europe/Brussels"
    description: str = ""
    series: str | None = None
    territory: str | None = Field(None, description="Territory code, e.g. BE-NIS:34027.")
    address: str = Field("", max_length=300)
    online_url: str = Field("", max_length=500)
    supporting: list[str] = Field([], description="Identifiers of supporting organisations.")
    sides: list[str] = Field([], description="Countries of a bi-national meeting, e.g. FR, BE.")
    visibility: Visibility = Visibility.PUBLIC
    capacity: int | None = Field(None, ge=1)
    chairs: list[ChairIn] = []


class MeetingPatch(Schema):
    version: int = Field(..., description="The version you read; a stale one gets 422.")
    organiser: str | None = None
    kind: MeetingKind | None = None
    language: str | None = Field(None, pattern=LANGUAGE_PATTERN)
    title: str | None = Field(None, min_length=1, max_length=300)
    start: datetime | None = None
    end: datetime | None = None
    timezone: str | None = None
    description: str | None = None
    series: str | None = None
    territory: str | None = None
    address: str | None = Field(None, max_length=300)
    online_url: str | None = Field(None, max_length=500)
    supporting: list[str] | None = None
    sides: list[str] | None = None
    visibility: Visibility | None = None
    capacity: int | None = Field(None, ge=1)
    chairs: list[ChairIn] | None = None


class DecisionIn(Schema):
    text: str = Field(..., min_length=1)
    language: str | None = Field(None, pattern=LANGUAGE_PATTERN)
    agenda_item: int | None = Field(None, description="Id of the agenda item it concludes.")


class ActionIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    owner_person: str | None = Field(None, description="Identifier of the owning person.")
    owner_organisation: str | None = Field(None, description="Or of the owning organisation.")
    due_date: date | None = None
    decision: int | None = Field(None, description="Number of the decision it follows from.")
    notes: str = ""


class ActionPatch(Schema):
    version: int = Field(..., description="The version you read; a stale one gets 422.")
    status: ActionStatus | None = None
    notes: str | None = None
    due_date: date | None = None
    title: str | None = Field(None, min_length=1, max_length=300)

"""The shapes of the obstacles API."""

from datetime import date, datetime

from ninja import Field, Schema

from trefpunt.lib.api import Page

LANGUAGE_PATTERN = "^(nl|fr|de|en|lb)$"


class ObstacleOut(Schema):
    id: int
    title: str
    language: str = Field(..., description="The language of title and description shown.")
    original_language: str
    status: str
    status_label: str
    status_since: datetime
    border: str
    domain: str
    interaction: str
    reporter: str | None = Field(None, description="Slug of the reporting organisation.")
    level: str
    submitted_at: datetime
    cases: int = Field(..., description="Individual cases counted in signals.")
    version: int
    url: str


class ObstacleList(Schema):
    count: int
    items: list[ObstacleOut]


class AuthorityOut(Schema):
    country: str
    organisation: str
    name: str


class ProvisionOut(Schema):
    id: int
    country: str
    act: str | None = Field(None, description="bwb_id of the cited act.")
    article: str | None = Field(None, description="The article's number.")
    citation: str
    note: str
    url: str


class SignalOut(Schema):
    id: int
    date: date
    count: int
    source: str | None
    note: str


class EventOut(Schema):
    id: int
    kind: str
    at: datetime
    actor: str
    from_status: str
    to_status: str
    level: str
    reason: str
    document_url: str


class ObstacleDetail(ObstacleOut):
    description: str
    available_languages: list[str]
    countries: list[str]
    territories: list[str]
    authorities: list[AuthorityOut]
    provisions: list[ProvisionOut]
    signals: list[SignalOut]
    level_since: datetime | None
    assessment_due: date | None
    redress_due: date | None
    allowed: list[str] = Field(..., description="The states this obstacle may move to next.")
    practices: list[int]
    meetings: list[int]
    decisions: list[int]


class ObstacleFilters(Page):
    status: str | None = None
    border: str | None = None
    domain: str | None = None
    country: str | None = Field(None, pattern="^(BE|NL|LU|FR|DE)$")
    year: int | None = None


class AuthorityIn(Schema):
    country: str
    organisation: str = Field(..., description="Slug of the organisation.")


class ObstacleIn(Schema):
    reporter: str = Field(..., description="Slug of the organisation you report for.")
    language: str = Field(..., pattern=LANGUAGE_PATTERN)
    title: str
    description: str
    border: str
    domain: str
    interaction: str
    territories: list[str] = Field(default_factory=list, description="Territory codes.")
    authorities: list[AuthorityIn] = Field(default_factory=list)


class ObstacleCreated(ObstacleDetail):
    possible_duplicates: list[int] = Field(
        default_factory=list, description="Published obstacles that look like this one."
    )


class ObstaclePatch(Schema):
    version: int | None = None
    status: str | None = None
    reason: str = ""
    document_url: str = ""
    title: str | None = None
    description: str | None = None
    domain: str | None = None
    interaction: str | None = None


class EscalationIn(Schema):
    level: str
    reason: str = ""
    document_url: str = ""
    version: int | None = None


class SignalIn(Schema):
    date: date
    count: int = 1
    source: str | None = Field(None, description="Slug of the source organisation.")
    note: str = ""


class ProvisionIn(Schema):
    country: str
    act: str | None = Field(None, description="bwb_id of a legal act in the library.")
    article: str | None = Field(None, description="Number (3) or anchor (art-3) of an article.")
    citation: str = ""
    note: str = ""


class NotAllowedOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None
    allowed: list[str]

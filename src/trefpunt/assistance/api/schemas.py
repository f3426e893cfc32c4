from datetime import date

from ninja import Field, Schema


class NearestQuery(Schema):
    lat: float | None = Field(None, description="Latitude of the point (WGS84).")
    lon: float | None = Field(None, description="Longitude of the point (WGS84).")
    territory: str | None = Field(None, description="Or a territory code, e.g. BE-NIS:34027.")
    kind: str = Field(..., description="Capability kind, e.g. hospital-emergency.")
    quantity: int | None = Field(None, description="How many are needed.")
    within: float | None = Field(None, description="Only what arrives within these minutes.")
    country: str | None = Field(None, description="Country of the point, if not derived.")
    limit: int = Field(10, ge=1, le=100)


class CapabilityIn(Schema):
    kind: str
    name: str
    owner: str | None = Field(None, description="Organisation identifier (slug).")
    owner_name: str = ""
    owner_type: str
    country: str
    region: str = ""
    latitude: float
    longitude: float
    quantity: int | None = None
    activation_minutes: int = 0
    self_sufficiency_hours: int | None = None
    availability: str = ""
    last_verified: date | None = None
    legal_basis: str | None = Field(None, description="bwb_id of a legal act.")


class RequestIn(Schema):
    kind: str
    quantity: int
    latitude: float
    longitude: float
    requester: str | None = None
    country: str = ""
    place: str = ""
    needed_within_minutes: int | None = None
    priority: str = "high"
    description: str = ""


class OfferIn(Schema):
    quantity: int
    capability: int | None = None
    provider: str | None = None
    legal_basis: str | None = None
    note: str = ""


class OfferMove(Schema):
    status: str
    note: str = ""

from datetime import datetime

from ninja import Field, Schema

from trefpunt.lib.api import Page

from ..models import Frequency, Kind


class SubscriptionIn(Schema):
    kind: Kind = Field(
        description="What to follow: series, theme, territory, organisation, obstacle."
    )
    target: str = Field(
        min_length=1,
        max_length=120,
        description="Its identifier: the series', theme's or organisation's slug, the "
        "territory's code, the obstacle's number.",
    )
    frequency: Frequency = Field(Frequency.DAILY, description="immediate, daily or weekly.")


class SubscriptionOut(Schema):
    id: int
    kind: str
    target: str
    label: str
    frequency: str
    created_at: datetime
    last_sent_at: datetime | None


class SubscriptionList(Schema):
    count: int
    items: list[SubscriptionOut]


class SubscriptionQuery(Page):
    pass

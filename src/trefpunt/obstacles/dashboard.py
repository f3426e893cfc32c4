"""The register in figures: counts by status, domain, border and year, the median time spent
in each status and the obstacles resolved per year. Aggregates only (no obstacle's content),
so every obstacle counts, published or not; a fixed number of queries whatever the size."""

from collections import defaultdict
from dataclasses import dataclass
from statistics import median

from django.db.models import Count
from django.db.models.functions import ExtractYear

from .lifecycle import RESOLVED, Status
from .models import Border, Domain, EventKind, Obstacle, ObstacleEvent


@dataclass
class Bar:
    key: str
    label: str
    value: float
    percent: int  # of the largest bar, for the chart


def _bars(counts: dict, labels: dict) -> list[Bar]:
    top = max(counts.values(), default=0) or 1
    return [
        Bar(str(key), str(labels.get(key, key)), value, round(100 * value / top))
        for key, value in counts.items()
    ]


def _counts(field) -> dict:
    rows = Obstacle.objects.order_by().values(field).annotate(n=Count("pk")).values_list(field, "n")
    return dict(rows)


def _stays(events) -> tuple[dict[str, list[float]], dict[int, int]]:
    """Days spent in each status (finished stays only) and obstacles resolved per year."""
    days: dict[str, list[float]] = defaultdict(list)
    resolved: dict[int, int] = defaultdict(int)
    previous: dict[int, tuple] = {}
    for obstacle_id, at, to_status in events:
        entered = previous.get(obstacle_id)
        if entered is not None:
            days[entered[0]].append((at - entered[1]).total_seconds() / 86400)
        previous[obstacle_id] = (to_status, at)
        if to_status in RESOLVED:
            resolved[at.year] += 1
    return days, resolved


def figures() -> dict:
    by_status = _counts("status")
    by_domain = _counts("domain")
    by_border = _counts("border")
    by_year = dict(
        Obstacle.objects.order_by()
        .annotate(year=ExtractYear("submitted_at"))
        .values("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    events = (
        ObstacleEvent.objects.filter(kind__in=(EventKind.SUBMITTED, EventKind.TRANSITION))
        .order_by("obstacle_id", "at", "pk")
        .values_list("obstacle_id", "at", "to_status")
    )
    days, resolved = _stays(events.iterator())
    status_labels = dict(Status.choices)
    medians = {
        status: round(median(days[status]), 1) for status in Status.values if days.get(status)
    }
    return {
        "total": sum(by_status.values()),
        "status": _bars({s: by_status[s] for s in Status.values if s in by_status}, status_labels),
        "domain": _bars(
            {d: by_domain[d] for d in Domain.values if d in by_domain}, dict(Domain.choices)
        ),
        "border": _bars(
            {b: by_border[b] for b in Border.values if b in by_border}, dict(Border.choices)
        ),
        "year": _bars(dict(sorted(by_year.items())), {}),
        "median_days": _bars(medians, status_labels),
        "resolved": _bars(dict(sorted(resolved.items())), {}),
    }


def as_json(data: dict) -> dict:
    return {
        name: ({bar.key: bar.value for bar in value} if isinstance(value, list) else value)
        for name, value in data.items()
    }

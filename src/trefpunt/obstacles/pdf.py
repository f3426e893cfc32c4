"""The annual report: the year of the register compiled into a PDF in the reader's language."""

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from trefpunt.lib.pdf import html_to_pdf

from .lifecycle import PUBLISHED, RESOLVED, Level, Status
from .models import Border, Domain, EventKind, Obstacle, ObstacleEvent
from .queries import with_everything

TEMPLATE = "obstacles/report_pdf.html"


def report_context(year: int, language: str) -> dict:
    events = list(
        ObstacleEvent.objects.filter(at__year=year, obstacle__status__in=PUBLISHED)
        .exclude(kind=EventKind.SUBMITTED)
        .order_by("at", "pk")
        .values_list("obstacle_id", "to_status", "kind")
    )
    active = {obstacle_id for obstacle_id, _to, _kind in events}
    obstacles = list(
        with_everything(
            Obstacle.objects.filter(status__in=PUBLISHED).filter(
                Q(pk__in=active) | Q(submitted_at__year=year)
            )
        ).order_by("border", "pk")
    )
    sections = []
    for obstacle in obstacles:
        text = obstacle.reading_in(language)
        sections.append(
            {
                "obstacle": obstacle,
                "title": text.title,
                "description": text.description,
                "language": text.language,
                "status": Status(obstacle.status).label,
                "border": Border(obstacle.border).label,
                "domain": Domain(obstacle.domain).label,
                "level": Level(obstacle.level).label if obstacle.level else "",
                "events": [e for e in obstacle.events.all() if e.at.year == year],
            }
        )
    return {
        "year": year,
        "language": language,
        "sections": sections,
        "recognised": sum(1 for _id, to, _k in events if to == Status.RECOGNISED),
        "resolved": sum(
            1 for _id, to, kind in events if to in RESOLVED and kind == EventKind.TRANSITION
        ),
        "escalations": sum(1 for _id, _to, kind in events if kind == EventKind.ESCALATION),
        "generated": timezone.now(),
    }


def render_report_html(year: int, language: str) -> str:
    with override(language):
        return render_to_string(TEMPLATE, report_context(year, language))


def render_report_pdf(year: int, language: str) -> bytes:
    return html_to_pdf(render_report_html(year, language))

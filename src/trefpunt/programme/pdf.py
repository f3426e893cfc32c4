"""The annual report (jaarverslag): an annual plan's projects, their deliverables and their
weighted progress, compiled from the records into a PDF in the reader's language."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from trefpunt.lib.pdf import html_to_pdf

from . import queries, rollup

TEMPLATE = "programme/report_pdf.html"


def report_context(annual_plan, language: str) -> dict:
    projects = list(queries.projects(annual_plan.projects.all()).order_by("title", "pk"))
    today = timezone.localdate()
    return {
        "annual_plan": annual_plan,
        "language": language,
        "approved": queries.current_version(annual_plan),
        "projects": [
            {
                "project": project,
                "lead": project.lead_team.name_in(language),
                "progress": rollup.weighted(project.deliverables.all()),
                "deliverables": list(project.deliverables.all()),
                "overdue": sum(d.is_overdue(today) for d in project.deliverables.all()),
            }
            for project in projects
        ],
        "progress": rollup.of_annual_plan(annual_plan),
        "generated": timezone.now(),
    }


def render_report_html(annual_plan, language: str) -> str:
    with override(language):
        return render_to_string(TEMPLATE, report_context(annual_plan, language))


def render_report_pdf(annual_plan, language: str) -> bytes:
    return html_to_pdf(render_report_html(annual_plan, language))

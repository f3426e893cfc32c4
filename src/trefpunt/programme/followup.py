"""Overdue deliverables on the follow-up dashboard of ``meetings`` (through its registry:
meetings never imports the programme). The programme is public, so everyone sees them."""

from django.utils.translation import gettext_lazy as _

from trefpunt.meetings import followup_sources

from . import queries


def overdue_deliverables(user, today):
    for deliverable in queries.deliverables().overdue(today).order_by("due_date", "pk"):
        project = deliverable.project
        yield followup_sources.FollowUpItem(
            title=deliverable.title,
            url=deliverable.get_absolute_url(),
            due_date=deliverable.due_date,
            owner=project.lead_team.name_in(),
            status=f"{deliverable.get_status_display()} · {deliverable.progress} %",
            context=project.title,
        )


followup_sources.register(
    "programme", label=_("Overdue deliverables of the work programme"), items=overdue_deliverables
)

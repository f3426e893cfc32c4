"""The life of an obstacle as data: its states, the one table of allowed transitions, the
escalation ladder and the clocks. Operations, forms, the API and the pages all read here.

Published (readable by everyone) = recognised or any state after it. Submitted, under
assessment, closed as incomplete and "not an obstacle" stay with the reporter's organisation
and the curators.

Clocks (see docs/decisions.md):
- assessment: due ``ASSESSMENT_MONTHS`` (2) months after submission, while submitted or under
  assessment;
- redress: once recognised (the assessment's outcome), the competent authorities have
  ``REDRESS_MONTHS`` (12) months to propose a solution; overdue while recognised or shared with
  the neighbour after that date.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils.translation import gettext_lazy as _

ASSESSMENT_MONTHS = 2
REDRESS_MONTHS = 12


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    UNDER_ASSESSMENT = "under_assessment", _("Under assessment")
    CLOSED_INCOMPLETE = "closed_incomplete", _("Closed: incomplete")
    NOT_AN_OBSTACLE = "not_an_obstacle", _("Not an obstacle")
    RECOGNISED = "recognised", _("Recognised")
    SHARED_WITH_NEIGHBOUR = "shared_with_neighbour", _("Shared with the neighbour")
    SOLUTION_PROPOSED = "solution_proposed", _("Solution proposed")
    RESOLVED_ADMINISTRATIVELY = "resolved_administratively", _("Resolved administratively")
    RESOLVED_BY_LEGISLATION = "resolved_by_legislation", _("Resolved by legislation")
    WILL_NOT_BE_RESOLVED = "will_not_be_resolved", _("Will not be resolved")
    MONITORED = "monitored", _("Monitored")


S = Status
# The one table of allowed transitions: from → the states it may go to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.SUBMITTED: (S.UNDER_ASSESSMENT, S.CLOSED_INCOMPLETE, S.NOT_AN_OBSTACLE),
    S.UNDER_ASSESSMENT: (S.CLOSED_INCOMPLETE, S.NOT_AN_OBSTACLE, S.RECOGNISED),
    S.CLOSED_INCOMPLETE: (S.UNDER_ASSESSMENT,),  # reopened when the missing facts arrive
    S.NOT_AN_OBSTACLE: (),
    S.RECOGNISED: (S.SHARED_WITH_NEIGHBOUR, S.SOLUTION_PROPOSED, S.WILL_NOT_BE_RESOLVED),
    S.SHARED_WITH_NEIGHBOUR: (S.SOLUTION_PROPOSED, S.WILL_NOT_BE_RESOLVED),
    S.SOLUTION_PROPOSED: (
        S.RESOLVED_ADMINISTRATIVELY,
        S.RESOLVED_BY_LEGISLATION,
        S.WILL_NOT_BE_RESOLVED,
    ),
    S.RESOLVED_ADMINISTRATIVELY: (S.MONITORED,),
    S.RESOLVED_BY_LEGISLATION: (S.MONITORED,),
    S.WILL_NOT_BE_RESOLVED: (S.MONITORED,),
    S.MONITORED: (),
}
# Entering these needs a reason (the outcome is explained to the reporter and the public).
CLOSING = frozenset(
    {
        S.CLOSED_INCOMPLETE,
        S.NOT_AN_OBSTACLE,
        S.RESOLVED_ADMINISTRATIVELY,
        S.RESOLVED_BY_LEGISLATION,
        S.WILL_NOT_BE_RESOLVED,
    }
)
PUBLISHED = frozenset(
    {
        S.RECOGNISED,
        S.SHARED_WITH_NEIGHBOUR,
        S.SOLUTION_PROPOSED,
        S.RESOLVED_ADMINISTRATIVELY,
        S.RESOLVED_BY_LEGISLATION,
        S.WILL_NOT_BE_RESOLVED,
        S.MONITORED,
    }
)
# Whether a step changes what the public sees (and the search index holds).
RECOGNISED_STATES = PUBLISHED
RESOLVED = frozenset({S.RESOLVED_ADMINISTRATIVELY, S.RESOLVED_BY_LEGISLATION})
# The assessment (the first two steps) is the Secretariat-General's: curators only.
ASSESSMENT = frozenset({S.SUBMITTED, S.UNDER_ASSESSMENT, S.CLOSED_INCOMPLETE})
ASSESSMENT_CLOCK = frozenset({S.SUBMITTED, S.UNDER_ASSESSMENT})
REDRESS_CLOCK = frozenset({S.RECOGNISED, S.SHARED_WITH_NEIGHBOUR})
ESCALATABLE = frozenset(
    {S.RECOGNISED, S.SHARED_WITH_NEIGHBOUR, S.SOLUTION_PROPOSED, S.WILL_NOT_BE_RESOLVED}
)


class Level(models.TextChoices):
    """The escalation ladder, lowest first."""

    LOCAL_CONSULTATION = "local_consultation", _("Local consultation")
    BENELUX_WORKING_GROUP = (
        "benelux_working_group",
        _("Benelux working group / Secretariat-General"),
    )
    COMMITTEE_OF_MINISTERS = "committee_of_ministers", _("Committee of Ministers")
    NATIONAL_COORDINATION_POINT = (
        "national_coordination_point",
        _("National cross-border coordination point"),
    )
    EUROPEAN_COMMISSION = "european_commission", _("European Commission")


LADDER: tuple[str, ...] = tuple(Level.values)


def allowed_next(status: str) -> list[str]:
    return list(TRANSITIONS.get(status, ()))


def higher_levels(level: str) -> list[str]:
    """The rungs above ``level`` (all of them when not escalated yet)."""
    if not level:
        return list(LADDER)
    return list(LADDER[LADDER.index(level) + 1 :])


def assessment_due(submitted: date) -> date:
    return submitted + relativedelta(months=ASSESSMENT_MONTHS)


def redress_due(recognised: date) -> date:
    return recognised + relativedelta(months=REDRESS_MONTHS)

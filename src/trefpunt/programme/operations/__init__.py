"""Every write to the work programme.

Views, the API and the demo loader call these functions; each runs in one transaction, checks
who may write (``access``; ``user=None`` is the system itself) and writes history with the
acting user. Bad input raises ``ValidationError`` naming the fields; a refused write raises
``PermissionDenied``; neither changes anything.
"""

from .plans import (
    add_objective,
    approve_version,
    comment_on_version,
    create_annual_plan,
    create_multi_annual_plan,
    mark_preparation,
    open_consultation,
    write_plan_text,
)
from .projects import (
    add_deliverable,
    add_partner,
    add_phase,
    create_project,
    report_progress,
    update_deliverable,
)

__all__ = [
    "add_deliverable",
    "add_objective",
    "add_partner",
    "add_phase",
    "approve_version",
    "comment_on_version",
    "create_annual_plan",
    "create_multi_annual_plan",
    "create_project",
    "mark_preparation",
    "open_consultation",
    "report_progress",
    "update_deliverable",
    "write_plan_text",
]

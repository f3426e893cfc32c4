"""Who may read and write the work programme: the one home of these rules.

Reading: everything is public (plans, versions, comments, approvals, projects, progress).

Writing
- Plans, their texts (new versions), objectives, projects, partners and phases, consultation
  windows: curators (the Secretariat-General's experts).
- Approvals: curators record the decision of the body that takes it (see ``DECIDING_BODIES``).
- Deliverables and progress reports: curators and whoever acts for the project's lead team.
- Consultation comments: anyone who belongs to (or acts for) the organisation they comment
  for, while the version's consultation window is open.
"""

from trefpunt.accounts.permissions import is_curator
from trefpunt.organisations.access import acts_for, member_of

# The treaty of 2008: the Committee of Ministers is the political decision body; the Council
# prepares its meetings. Only these bodies' decisions approve a plan.
DECIDING_BODIES = frozenset({"benelux-committee-of-ministers"})


def _is_user(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def can_plan(user) -> bool:
    return user is None or (_is_user(user) and is_curator(user))


def can_approve(user) -> bool:
    return can_plan(user)


def can_follow_up(user, project) -> bool:
    """Update deliverables and report progress on ``project``."""
    if user is None:
        return True
    return _is_user(user) and (is_curator(user) or project.lead_team_id in acts_for(user))


def can_comment_for(user, organisation) -> bool:
    if user is None:
        return True
    return _is_user(user) and (
        is_curator(user) or organisation.pk in (acts_for(user) | member_of(user))
    )

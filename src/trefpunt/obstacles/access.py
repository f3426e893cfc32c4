"""Who may read and write obstacles: the one home of these rules.

Reading
- Everyone reads *published* obstacles (recognised or any later state, see ``lifecycle``).
- Unpublished ones (submitted, under assessment, closed as incomplete, not an obstacle) are read
  by the curators (the Secretariat-General) and by the members of the reporting organisation
  (and of its parents: whoever acts for it). Reports from the public form have no reporting
  organisation: only curators read them until they are recognised. Their contact name and
  address are read by curators alone.

Writing
- Reporting: anyone acting for an organisation (editors, administrators, curators), for that
  organisation; anyone at all through the moderated public form.
- Editing the text, territories, authorities and links: curators, and whoever acts for the
  reporting organisation.
- Assessing (every transition out of submitted / under assessment / closed as incomplete):
  curators only. Later transitions and escalation: curators and whoever acts for a competent
  authority of the obstacle (they propose and carry out the solution).
- Signals: anyone acting for an organisation, on an obstacle they may read, with one of their
  organisations as source (curators with any).
- Provisions: those who may edit, and whoever acts for a competent authority.
"""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from trefpunt.accounts.permissions import is_curator
from trefpunt.organisations.access import acts_for, can_act_for, member_of

from .lifecycle import ASSESSMENT, ESCALATABLE, PUBLISHED
from .models import Obstacle


def _is_user(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def _own(user) -> frozenset[int]:
    return acts_for(user) | member_of(user)


def visible(queryset, user):
    """``queryset`` narrowed to what ``user`` may read."""
    if is_curator(user):
        return queryset
    own = _own(user)
    if not own:
        return queryset.filter(status__in=PUBLISHED)
    return queryset.filter(Q(status__in=PUBLISHED) | Q(reporter_id__in=own))


def can_read(user, obstacle: Obstacle) -> bool:
    if obstacle.status in PUBLISHED or is_curator(user):
        return True
    return obstacle.reporter_id is not None and obstacle.reporter_id in _own(user)


def get_obstacle_for_user(user, obstacle_id, queryset=None) -> Obstacle:
    """The obstacle if ``user`` may read it; 404 otherwise (unpublished ones do not exist for
    others)."""
    queryset = Obstacle.objects.all() if queryset is None else queryset
    obstacle = visible(queryset, user).filter(pk=obstacle_id).first()
    if obstacle is None:
        raise Http404(_("No such obstacle."))
    return obstacle


def can_see_contact(user) -> bool:
    return is_curator(user)


def can_report(user) -> bool:
    return _is_user(user) and (is_curator(user) or bool(acts_for(user)))


def can_report_for(user, organisation) -> bool:
    return _is_user(user) and can_act_for(user, organisation)


def can_edit(user, obstacle: Obstacle) -> bool:
    if user is None:  # the system: CLI, demo loader
        return True
    return _is_user(user) and (
        is_curator(user)
        or (obstacle.reporter_id is not None and obstacle.reporter_id in acts_for(user))
    )


def _acts_for_authority(user, obstacle: Obstacle) -> bool:
    own = acts_for(user)
    return bool(own) and any(a.organisation_id in own for a in obstacle.authorities.all())


def can_transition(user, obstacle: Obstacle) -> bool:
    """May ``user`` move ``obstacle`` on from its present status (to any allowed state)?"""
    if user is None:
        return True
    if not _is_user(user):
        return False
    if is_curator(user):
        return True
    return obstacle.status not in ASSESSMENT and _acts_for_authority(user, obstacle)


def can_escalate(user, obstacle: Obstacle) -> bool:
    if obstacle.status not in ESCALATABLE:
        return False
    return can_transition(user, obstacle)


def can_add_signal(user, obstacle: Obstacle) -> bool:
    if user is None:
        return True
    return can_report(user) and can_read(user, obstacle)


def can_add_provision(user, obstacle: Obstacle) -> bool:
    if user is None:
        return True
    return can_edit(user, obstacle) or (_is_user(user) and _acts_for_authority(user, obstacle))


def reporter_choices(user, queryset):
    """The organisations ``user`` may report (or count signals) for."""
    if is_curator(user):
        return queryset
    return queryset.filter(pk__in=acts_for(user))

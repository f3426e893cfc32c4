"""Who may see and organise meetings, and the reads that apply it.

Three visibilities: *public* meetings and their content are open to everyone; the title and
date of *participants-only* meetings are public but their agenda, participants, decisions,
actions and minutes are read by participants and organisers; *restricted* meetings exist only
for their participants, organisers and curators. Minutes carry their own visibility, never wider
than the meeting's.
"""

import hashlib

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _

from trefpunt.accounts.permissions import is_curator
from trefpunt.organisations.access import acts_for, can_act_for
from trefpunt.organisations.models import Organisation
from trefpunt.practices.models import Practice

from .models import Action, Chair, Meeting, Minutes, MinutesStatus, Participant, Visibility

_ORDER = {Visibility.PUBLIC: 0, Visibility.PARTICIPANTS: 1, Visibility.RESTRICTED: 2}


def _is_user(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def can_organise(user, meeting: Meeting) -> bool:
    """Curators, and editors of the organiser (or of a parent organisation)."""
    if user is None:  # the system: CLI, demo loader
        return True
    return _is_user(user) and can_act_for(user, meeting.organiser)


def organiser_choices(user):
    """The organisations ``user`` may organise meetings for."""
    qs = Organisation.objects.active().prefetch_related("names").order_by("name")
    if is_curator(user):
        return qs
    return qs.filter(pk__in=acts_for(user))


def can_create_meetings(user) -> bool:
    return _is_user(user) and (is_curator(user) or bool(acts_for(user)))


def is_participant(user, meeting: Meeting) -> bool:
    """Invited in person, through an organisation the user belongs to, or chairing."""
    if not _is_user(user):
        return False
    cache = getattr(meeting, "_participant_users", None)
    if cache is None:
        cache = {}
        meeting._participant_users = cache
    if user.pk not in cache:
        cache[user.pk] = Meeting.objects.filter(pk=meeting.pk).participated_by(user).exists()
    return cache[user.pk]


def _reads_as_organiser(user, meeting: Meeting) -> bool:
    """For reads, ``None`` is an anonymous visitor (for writes it is the system)."""
    return user is not None and can_organise(user, meeting)


def can_see_meeting(user, meeting: Meeting) -> bool:
    if meeting.visibility != Visibility.RESTRICTED:
        return True
    return _reads_as_organiser(user, meeting) or is_participant(user, meeting)


def can_see_content(user, meeting: Meeting) -> bool:
    if meeting.visibility == Visibility.PUBLIC:
        return True
    return _reads_as_organiser(user, meeting) or is_participant(user, meeting)


def _reader_level(user, meeting: Meeting) -> int:
    """The widest visibility level ``user`` may read for this meeting."""
    if _reads_as_organiser(user, meeting) or is_participant(user, meeting):
        return _ORDER[Visibility.RESTRICTED]
    return _ORDER[Visibility.PUBLIC]


def minutes_visibility(minutes: Minutes, meeting: Meeting) -> str:
    """The stricter of the minutes' and the meeting's visibility."""
    return max(minutes.visibility, meeting.visibility, key=lambda v: _ORDER[v])


def readable_minutes(user, meeting: Meeting) -> list[Minutes]:
    """Approved minutes the user may read; organisers also get the drafts."""
    organiser = _reads_as_organiser(user, meeting)
    level = _reader_level(user, meeting)
    items = meeting.minutes.all() if hasattr(meeting, "_prefetched_objects_cache") else None
    items = list(items if items is not None else Minutes.objects.filter(meeting=meeting))
    return [
        item
        for item in items
        if (organiser or item.status == MinutesStatus.APPROVED)
        and _ORDER[minutes_visibility(item, meeting)] <= level
    ]


def meeting_queryset():
    """A meeting with everything its page shows, in a fixed number of queries."""
    return Meeting.objects.select_related(
        "series", "organiser", "territory", "territory__parent"
    ).prefetch_related(
        "territory__names",
        "organiser__names",
        "series__names",
        "translations",
        "supporting__names",
        Prefetch(
            "chairs",
            queryset=Chair.objects.select_related(
                "person", "organisation", "post"
            ).prefetch_related("organisation__names"),
        ),
        "minutes",
    )


def get_meeting_for_user(user, pk) -> Meeting:
    meeting = meeting_queryset().filter(pk=pk).first()
    if meeting is None or not can_see_meeting(user, meeting):
        raise Http404(_("No meeting has the number %(id)s.") % {"id": pk})
    return meeting


def content_visible_q(user) -> Q:
    """Filter for records of meetings (actions, decisions: ``meeting__…``) whose content
    ``user`` may read."""
    if is_curator(user):
        return Q()
    visible = Q(meeting__visibility=Visibility.PUBLIC)
    if _is_user(user):
        visible |= Q(meeting__in=Meeting.objects.participated_by(user).values("pk"))
        visible |= Q(meeting__in=Meeting.objects.organised_by_user(user).values("pk"))
    return visible


def content_readable_ids(user, meetings: list[Meeting]) -> set[int]:
    """Ids of ``meetings`` whose content (the online link too) ``user`` may read: the rule of
    ``can_see_content`` for a whole list, in at most two queries."""
    readable = {meeting.pk for meeting in meetings if meeting.visibility == Visibility.PUBLIC}
    closed = [meeting.pk for meeting in meetings if meeting.pk not in readable]
    if closed and getattr(user, "is_authenticated", False) and user.is_active:
        candidates = Meeting.objects.filter(pk__in=closed)
        readable.update(candidates.participated_by(user).values_list("pk", flat=True))
        readable.update(candidates.organised_by_user(user).values_list("pk", flat=True))
    return readable


def can_update_action(user, action: Action) -> bool:
    """Organisers of the meeting, and the action's owner (the person, or editors of the
    owning organisation)."""
    if can_organise(user, action.meeting):
        return True
    if not _is_user(user):
        return False
    if action.owner_person_id and action.owner_person.user_id == user.pk:
        return True
    return action.owner_organisation_id is not None and can_act_for(user, action.owner_organisation)


def updatable_action_ids(user, actions) -> set[int]:
    """Ids of the ``actions`` ``user`` may update (``can_update_action`` for a whole list,
    with no query per action). ``actions`` need ``meeting__organiser``, ``owner_person``."""
    if not _is_user(user):
        return set()
    if is_curator(user):
        return {action.pk for action in actions}
    tree = acts_for(user)
    return {
        action.pk
        for action in actions
        if action.meeting.organiser_id in tree
        or (action.owner_person_id and action.owner_person.user_id == user.pk)
        or action.owner_organisation_id in tree
    }


def get_action_for_user(user, pk) -> Action:
    """An action the user may read (its meeting's content) or update (it is theirs); anything
    else is as unknown as a missing number."""
    action = Action.objects.filter(pk=pk).with_relations().first()
    if action is None or not (
        can_see_content(user, action.meeting) or can_update_action(user, action)
    ):
        raise Http404(_("No action has the number %(id)s.") % {"id": pk})
    return action


def visible_actions(user):
    """Actions of meetings whose content ``user`` may read, with what lists show of them."""
    return (
        Action.objects.filter(content_visible_q(user))
        .select_related(
            "meeting",
            "meeting__series",
            "meeting__organiser",
            "decision",
            "owner_person",
            "owner_organisation",
        )
        .prefetch_related(
            "owner_organisation__names",
            "meeting__translations",
            "meeting__series__names",
            "meeting__organiser__names",
        )
    )


def token_digest(raw: str) -> str:
    """What is stored of a registration link's token."""
    return hashlib.sha256((raw or "").encode()).hexdigest()


def get_participant_for_token(token: str) -> Participant | None:
    """The invitee a registration link belongs to (only the link's hash is stored)."""
    return (
        Participant.objects.select_related("meeting")
        .filter(token_digest=token_digest(token))
        .first()
    )


def linkable_practices(user, ids, item=None) -> tuple[list, list[int]]:
    """The practices ``user`` may link to an agenda item, in the order asked (those they may
    read, plus the item's current links; ``None`` is the system: any), and the ids not among
    them — a draft of another organisation is as unknown as a missing number."""

    ids = list(dict.fromkeys(ids))
    allowed = Practice.objects.all() if user is None else Practice.objects.visible_to(user)
    if item is not None:
        allowed = allowed | Practice.objects.filter(pk__in=item.practices.values("pk"))
    found = allowed.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found], [pk for pk in ids if pk not in found]


def unknown_practices_message(missing) -> str:
    return _("No practice has the number(s) %(numbers)s.") % {
        "numbers": ", ".join(str(pk) for pk in missing)
    }


def carried_actions(meeting: Meeting, user=None):
    """Open actions of earlier meetings of the series: the next agenda shows them itself.

    Only those of meetings whose content ``user`` may read (``None``: an anonymous reader):
    a public meeting does not reveal the actions of a restricted one of its series."""
    return Action.objects.carried_to(meeting).filter(content_visible_q(user)).with_relations()

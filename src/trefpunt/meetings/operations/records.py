"""What a meeting records: its agenda, minutes, numbered decisions and follow-up actions."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..access import (  # noqa: F401 (can_update_action is re-exported)
    can_update_action,
    linkable_practices,
    unknown_practices_message,
)
from ..models import (
    Action,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    Minutes,
    MinutesStatus,
    Visibility,
)
from ..models.action import OPEN_STATUSES
from .base import (
    check_version,
    reindex,
    require_organiser,
    sanitise,
    touch_event,
    with_history_user,
)
from .meetings import LANGUAGES

AGENDA_FIELDS = ("title", "description", "presenter", "duration_minutes", "document_url")


def _clean_agenda(values: dict) -> dict:
    errors = {}
    data = dict(values)
    if "title" in data:
        data["title"] = (data["title"] or "").strip()
        if not data["title"]:
            errors["title"] = [_("Give the agenda item a title.")]
        elif len(data["title"]) > 300:
            errors["title"] = [_("The title is longer than 300 characters.")]
    if "description" in data:
        data["description"] = sanitise(data["description"])
    duration = data.get("duration_minutes")
    if duration not in (None, "") and not 1 <= int(duration) <= 1440:
        errors["duration_minutes"] = [_("A duration is between 1 and 1,440 minutes.")]
    if "duration_minutes" in data:
        data["duration_minutes"] = int(duration) if duration not in (None, "") else None
    url = (data.get("document_url") or "").strip()
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors["document_url"] = [_("Enter a web address starting with https://.")]
    if "document_url" in data:
        data["document_url"] = url
    if errors:
        raise ValidationError(errors)
    return data


def _check_practices(user, practices, item=None) -> None:
    """Only practices the user may read can be linked; links already on the item stay."""
    if user is None or not practices:
        return
    _found, missing = linkable_practices(user, [p.pk for p in practices], item)
    if missing:
        raise ValidationError({"practices": [unknown_practices_message(missing)]})


@transaction.atomic
def add_agenda_item(
    meeting: Meeting,
    *,
    user,
    title,
    description="",
    presenter=None,
    duration_minutes=None,
    practices=(),
    document_url="",
) -> AgendaItem:
    require_organiser(user, meeting)
    _check_practices(user, practices)
    data = _clean_agenda(
        {
            "title": title,
            "description": description,
            "presenter": presenter,
            "duration_minutes": duration_minutes,
            "document_url": document_url,
        }
    )
    last = meeting.agenda.aggregate(last=Max("position"))["last"]
    item = with_history_user(
        AgendaItem(meeting=meeting, position=0 if last is None else last + 1, **data), user
    )
    item.save()
    item.practices.set(practices or ())
    touch_event(meeting)
    reindex(meeting)
    return item


@transaction.atomic
def update_agenda_item(item: AgendaItem, *, user, practices=None, **fields) -> AgendaItem:
    require_organiser(user, item.meeting)
    unknown = set(fields) - set(AGENDA_FIELDS)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed here.")] for name in unknown})
    data = _clean_agenda(fields)
    _check_practices(user, practices, item)
    for name, value in data.items():
        setattr(item, name, value)
    with_history_user(item, user).save()
    if practices is not None:
        item.practices.set(practices)
    touch_event(item.meeting)
    reindex(item.meeting)
    return item


@transaction.atomic
def remove_agenda_item(item: AgendaItem, *, user) -> None:
    require_organiser(user, item.meeting)
    meeting = item.meeting
    item.delete()
    touch_event(meeting)
    reindex(meeting)


@transaction.atomic
def move_agenda_item(item: AgendaItem, *, user, position: int) -> AgendaItem:
    """Put the item at ``position`` (0-based) and renumber the others."""
    require_organiser(user, item.meeting)
    items = [
        other for other in item.meeting.agenda.order_by("position", "pk") if other.pk != item.pk
    ]
    position = max(0, min(int(position), len(items)))
    items.insert(position, item)
    for index, other in enumerate(items):
        other.position = index
    AgendaItem.objects.bulk_update(items, ["position"])
    touch_event(item.meeting)
    item.position = position
    return item


@transaction.atomic
def save_minutes(
    meeting: Meeting,
    *,
    user,
    language,
    body,
    visibility=Visibility.PARTICIPANTS,
    version=None,
) -> Minutes:
    """Write the minutes in one language; changing approved minutes makes them a draft again."""
    require_organiser(user, meeting)
    errors = {}
    if language not in LANGUAGES:
        errors["language"] = [_("Choose the language of the minutes.")]
    body = sanitise(body)
    if not body:
        errors["body"] = [_("The minutes are empty.")]
    if visibility not in Visibility.values:
        errors["visibility"] = [_("Choose who may read the minutes.")]
    if errors:
        raise ValidationError(errors)
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting, language=language).first()
    if minutes is None:
        minutes = Minutes(meeting=meeting, language=language)
    else:
        check_version(minutes, version)
        if minutes.body == body and minutes.visibility == visibility:
            return minutes
        minutes.version += 1
        minutes.status = MinutesStatus.DRAFT
        minutes.approved_by = None
        minutes.approved_at = None
    minutes.body = body
    minutes.visibility = visibility
    with_history_user(minutes, user).save()
    reindex(meeting)
    return minutes


@transaction.atomic
def approve_minutes(minutes: Minutes, *, user, at=None) -> Minutes:
    """Approve ``minutes``, now or, for records brought in afterwards (the demo), ``at``."""
    require_organiser(user, minutes.meeting)
    if minutes.status == MinutesStatus.APPROVED:
        return minutes
    minutes.status = MinutesStatus.APPROVED
    minutes.approved_by = user if getattr(user, "is_authenticated", False) else None
    minutes.approved_at = min(at, timezone.now()) if at else timezone.now()
    minutes.version += 1
    with_history_user(minutes, user).save()
    reindex(minutes.meeting)
    return minutes


@transaction.atomic
def record_decision(meeting: Meeting, *, user, text, language=None, agenda_item=None) -> Decision:
    """A decision, numbered 1, 2, 3 … within its meeting."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    require_organiser(user, locked)
    text = (text or "").strip()
    errors = {}
    if not text:
        errors["text"] = [_("Write down what was decided.")]
    language = language or locked.language
    if language not in LANGUAGES:
        errors["language"] = [_("Choose the language of the decision.")]
    if agenda_item is not None and agenda_item.meeting_id != locked.pk:
        errors["agenda_item"] = [_("That agenda item belongs to another meeting.")]
    if errors:
        raise ValidationError(errors)
    last = locked.decisions.aggregate(last=Max("number"))["last"] or 0
    decision = with_history_user(
        Decision(
            meeting=locked, number=last + 1, text=text, language=language, agenda_item=agenda_item
        ),
        user,
    )
    decision.save()
    reindex(locked)
    return decision


def _clean_action(values: dict, meeting: Meeting) -> dict:
    errors = {}
    data = dict(values)
    if "title" in data:
        data["title"] = (data["title"] or "").strip()
        if not data["title"]:
            errors["title"] = [_("Say what has to be done.")]
        elif len(data["title"]) > 300:
            errors["title"] = [_("The action is longer than 300 characters.")]
    if "owner_person" in data or "owner_organisation" in data:
        if data.get("owner_person") is None and data.get("owner_organisation") is None:
            errors["owner"] = [_("Give the action an owner: a person or an organisation.")]
    decision = data.get("decision")
    if decision is not None and decision.meeting_id != meeting.pk:
        errors["decision"] = [_("That decision belongs to another meeting.")]
    if "status" in data and data["status"] not in ActionStatus.values:
        errors["status"] = [_("Choose a status.")]
    if "notes" in data:
        data["notes"] = (data["notes"] or "").strip()
    if errors:
        raise ValidationError(errors)
    return data


@transaction.atomic
def assign_action(
    meeting: Meeting,
    *,
    user,
    title,
    owner_person=None,
    owner_organisation=None,
    due_date=None,
    decision=None,
    notes="",
) -> Action:
    require_organiser(user, meeting)
    data = _clean_action(
        {
            "title": title,
            "owner_person": owner_person,
            "owner_organisation": owner_organisation,
            "decision": decision,
            "notes": notes,
            "due_date": due_date,
        },
        meeting,
    )
    action = with_history_user(Action(meeting=meeting, **data), user)
    action.save()
    return action


_UNSET = object()


@transaction.atomic
def update_action(
    action: Action,
    *,
    user,
    version,
    status=None,
    notes=None,
    due_date=_UNSET,
    title=None,
) -> Action:
    locked = Action.objects.select_for_update().select_related("meeting").get(pk=action.pk)
    if not can_update_action(user, locked):
        raise PermissionDenied(
            _("Only the meeting's organisers and the action's owner may update it.")
        )
    check_version(locked, version)
    values = {}
    if status is not None:
        values["status"] = status
    if notes is not None:
        values["notes"] = notes
    if title is not None:
        values["title"] = title
    if due_date is not _UNSET:
        values["due_date"] = due_date
    data = _clean_action(values, locked.meeting)
    if "status" in data and data["status"] != locked.status:
        closing = data["status"] not in OPEN_STATUSES
        locked.closed_at = timezone.now() if closing else None
    for name, value in data.items():
        setattr(locked, name, value)
    locked.version += 1
    with_history_user(locked, user).save()
    return locked

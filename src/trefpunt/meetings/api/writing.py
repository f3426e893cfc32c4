"""The token writes: schedule and change a meeting, record a decision, assign and update an
action. Each calls one function of ``meetings.operations``."""

from django.utils.translation import gettext as _
from ninja import Query, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, language_of
from trefpunt.organisations.models import Post

from .. import access, operations
from ..models import Action, AgendaItem, Decision, Meeting
from .lookups import (
    _annotated,
    _lookup,
    _meeting,
    _organisation,
    _person,
    _raise,
    _series,
    _territory,
)
from .router import router
from .schemas import (
    ActionIn,
    ActionOut,
    ActionPatch,
    ChairIn,
    DecisionIn,
    DecisionOut,
    LanguageQuery,
    MeetingDetail,
    MeetingIn,
    MeetingPatch,
)
from .serialisers import action_out, meeting_detail


def _resolve(payload, names) -> dict:
    """Turn identifiers into records; every unknown one is reported at once."""
    errors: dict[str, list[str]] = {}
    fields = {}
    for name in names:
        value = getattr(payload, name)
        if name == "organiser":
            fields[name] = _organisation(value, name, errors) if value else None
        elif name == "series":
            fields[name] = _series(value, name, errors) if value else None
        elif name == "territory":
            fields[name] = _territory(value, name, errors) if value else None
        elif name == "supporting":
            fields[name] = [_organisation(slug, name, errors) for slug in value or ()]
        elif name == "chairs":
            fields[name] = [_chair(chair, errors) for chair in value or ()]
        elif name in ("kind", "visibility"):
            fields[name] = str(value) if value is not None else None
        else:
            fields[name] = value
    _raise(errors)
    return fields


def _chair(chair: ChairIn, errors: dict) -> dict:
    person = _person(chair.person, "chairs", errors)
    post = None
    if chair.post is not None:
        post = _lookup(
            Post.objects.select_related("organisation"),
            "chairs",
            errors,
            _("No post has the number %(id)s.") % {"id": chair.post},
            pk=chair.post,
        )
    return {"person": person, "post": post, "country": (chair.country or "").upper() or None}


def _write_response(request, meeting: Meeting, user, language: str) -> dict:
    fresh = _annotated(_meeting(user, meeting.pk))
    return meeting_detail(request, fresh, user, language)


@router.post(
    "/meetings",
    auth=token_auth,
    response={201: MeetingDetail, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    summary="Schedule a meeting",
    url_name="meeting_create",
    operation_id="trefpunt_meetings_api_create_meeting",
)
def create_meeting(request, payload: MeetingIn, query: Query[LanguageQuery]):
    fields = _resolve(payload, MeetingIn.model_fields)
    meeting = operations.schedule_meeting(user=request.auth, **fields)
    return Status(201, _write_response(request, meeting, request.auth, language_of(request, query)))


@router.patch(
    "/meetings/{int:id}",
    auth=token_auth,
    response={200: MeetingDetail, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Change a meeting",
    url_name="meeting_update",
    operation_id="trefpunt_meetings_api_update_meeting",
)
def update_meeting(request, id: int, payload: MeetingPatch, query: Query[LanguageQuery]):
    meeting = _meeting(request.auth, id)
    names = [name for name in payload.model_fields_set if name != "version"]
    fields = _resolve(payload, names)
    operations.update_meeting(meeting, user=request.auth, version=payload.version, **fields)
    return _write_response(request, meeting, request.auth, language_of(request, query))


@router.post(
    "/meetings/{int:id}/decisions",
    auth=token_auth,
    response={201: DecisionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Record a decision",
    url_name="decision_create",
    operation_id="trefpunt_meetings_api_create_decision",
)
def create_decision(request, id: int, payload: DecisionIn):
    meeting = _meeting(request.auth, id)
    errors: dict[str, list[str]] = {}
    item = None
    if payload.agenda_item is not None:
        item = _lookup(
            AgendaItem,
            "agenda_item",
            errors,
            _("This meeting has no agenda item %(id)s.") % {"id": payload.agenda_item},
            pk=payload.agenda_item,
            meeting=meeting,
        )
    _raise(errors)
    decision = operations.record_decision(
        meeting, user=request.auth, text=payload.text, language=payload.language, agenda_item=item
    )
    return Status(
        201,
        {
            "number": decision.number,
            "language": decision.language,
            "text": decision.text,
            "agenda_item": decision.agenda_item_id,
        },
    )


def _action(user, pk) -> Action:
    return access.get_action_for_user(user, pk)


@router.post(
    "/meetings/{int:id}/actions",
    auth=token_auth,
    response={201: ActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Assign an action",
    url_name="action_create",
    operation_id="trefpunt_meetings_api_create_action",
)
def create_action(request, id: int, payload: ActionIn, query: Query[LanguageQuery]):
    meeting = _meeting(request.auth, id)
    errors: dict[str, list[str]] = {}
    person = _person(payload.owner_person, "owner_person", errors) if payload.owner_person else None
    organisation = (
        _organisation(payload.owner_organisation, "owner_organisation", errors)
        if payload.owner_organisation
        else None
    )
    decision = None
    if payload.decision is not None:
        decision = _lookup(
            Decision,
            "decision",
            errors,
            _("This meeting has no decision %(number)s.") % {"number": payload.decision},
            meeting=meeting,
            number=payload.decision,
        )
    _raise(errors)
    action = operations.assign_action(
        meeting,
        user=request.auth,
        title=payload.title,
        owner_person=person,
        owner_organisation=organisation,
        due_date=payload.due_date,
        decision=decision,
        notes=payload.notes,
    )
    return Status(
        201, action_out(request, _action(request.auth, action.pk), language_of(request, query))
    )


@router.patch(
    "/actions/{int:id}",
    auth=token_auth,
    response={200: ActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Update an action (its status, notes, due date or title)",
    url_name="action_update",
    operation_id="trefpunt_meetings_api_update_action",
)
def update_action(request, id: int, payload: ActionPatch, query: Query[LanguageQuery]):
    action = _action(request.auth, id)
    fields = payload.dict(exclude_unset=True, exclude={"version"})
    if "status" in fields and fields["status"] is not None:
        fields["status"] = str(fields["status"])
    operations.update_action(action, user=request.auth, version=payload.version, **fields)
    return action_out(request, _action(request.auth, id), language_of(request, query))

"""Meetings in the REST API: lists and details, actions, iCalendar feeds, token writes.

Reads follow ``trefpunt.meetings.access``: restricted meetings exist only for those who may
see them (404 for others), and the content of a meeting (agenda, decisions, actions, minutes)
is left out, with ``content_visible: false``, for those who may not read it. Reads are public
but accept the same bearer token as writes, so a participant's script sees what they see.
Calendar feeds are anonymous by design: a feed URL pasted into a calendar is the same for
everyone, so it lists public and participants-only meetings, with the agenda of public ones.
"""

from datetime import UTC, date, datetime, time

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Prefetch, Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import AuthenticationError

from trefpunt.lib.api import ErrorOut, Page, absolute, language_of, localized_url, token_auth
from trefpunt.organisations.models import Organisation, Person, Post
from trefpunt.places.models import Territory
from trefpunt.practices.models import Practice

from . import access, operations
from .calendar import calendar_for
from .models import (
    Action,
    ActionStatus,
    AgendaItem,
    Chair,
    Decision,
    Meeting,
    MeetingKind,
    Series,
    Visibility,
)
from .models.action import OPEN_STATUSES
from .models.participation import SEATED

router = Router(tags=["meetings"])

LANGUAGE_PATTERN = "^(nl|fr|de|en|lb)$"
ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
# Soonest due first, actions without a due date last (on every database).
ACTION_ORDER = (F("due_date").asc(nulls_last=True), "pk")


# --- Who is asking ------------------------------------------------------------------------


def _reader(request):
    """The user behind a read: the bearer token when one is sent, else the session."""
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        from trefpunt.accounts.operations import authenticate_token

        user = authenticate_token(header[7:].strip())
        if user is None:
            raise AuthenticationError()
        return user
    return request.user


# --- Looking things up by slug (a wrong one is a 422 on the field that named it) -----------


def _lookup(model, field: str, errors: dict, message: str, **lookup):
    """``model`` is a model or a queryset."""
    qs = model.objects.all() if hasattr(model, "objects") else model
    found = qs.filter(**lookup).first()
    if found is None:
        errors.setdefault(field, []).append(message)
    return found


def _organisation(slug, field, errors):
    return _lookup(
        Organisation,
        field,
        errors,
        _("No organisation has the identifier %(slug)s.") % {"slug": slug},
        slug=slug,
    )


def _series(slug, field, errors):
    return _lookup(
        Series,
        field,
        errors,
        _("No series has the identifier %(slug)s.") % {"slug": slug},
        slug=slug,
    )


def _person(slug, field, errors):
    return _lookup(
        Person,
        field,
        errors,
        _("No person has the identifier %(slug)s.") % {"slug": slug},
        slug=slug,
    )


def _territory(code, field, errors):
    return _lookup(
        Territory,
        field,
        errors,
        _("No territory has the code %(code)s.") % {"code": code},
        code=code,
    )


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


# --- Shapes ---------------------------------------------------------------------------------


class ChairOut(Schema):
    name: str
    country: str
    organisation: str | None


class MeetingOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    start: str = Field(..., description="ISO 8601, UTC, with its offset.")
    end: str
    timezone: str = Field(..., description="The meeting's IANA time zone (local times).")
    series: str | None
    visibility: str
    chairs: list[ChairOut]
    participants_count: int = Field(..., description="Registered and attended.")
    url: str
    ics: str


class MeetingList(Schema):
    count: int
    items: list[MeetingOut]


class Ref(Schema):
    slug: str
    name: str


class PracticeRef(Schema):
    id: int
    title: str


class AgendaItemOut(Schema):
    id: int
    position: int
    title: str
    description: str
    presenter: Ref | None
    duration_minutes: int | None
    document_url: str
    practices: list[PracticeRef]


class OwnerOut(Schema):
    type: str = Field(..., description="person or organisation")
    slug: str
    name: str


class MeetingRef(Schema):
    id: int
    title: str
    url: str


class ActionOut(Schema):
    id: int
    title: str
    status: str
    due_date: date | None
    overdue: bool
    owner: OwnerOut
    meeting: MeetingRef
    decision: int | None = Field(..., description="Number of the decision it follows from.")
    notes: str
    version: int


class ActionList(Schema):
    count: int
    items: list[ActionOut]


class DecisionOut(Schema):
    number: int
    language: str
    text: str
    agenda_item: int | None


class MinutesOut(Schema):
    language: str
    status: str
    visibility: str
    body: str
    approved_at: str | None = Field(..., description="ISO 8601, UTC, with its offset.")


class PlaceOut(Schema):
    code: str
    name: str


class MeetingDetail(MeetingOut):
    language: str
    languages: list[str]
    description: str
    organiser: Ref
    supporting: list[Ref]
    sides: list[str]
    territory: PlaceOut | None
    address: str
    online_url: str
    capacity: int | None
    version: int
    content_visible: bool
    agenda: list[AgendaItemOut]
    carried_actions: list[ActionOut]
    decisions: list[DecisionOut]
    actions: list[ActionOut]
    minutes: list[MinutesOut]


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _url(request, meeting, language) -> str:
    return absolute(request, localized_url(meeting, language))


def meeting_out(request, meeting: Meeting, language: str) -> dict:
    return {
        "id": meeting.pk,
        "title": meeting.title_in(language),
        "kind": meeting.kind,
        "status": meeting.status,
        "start": _iso(meeting.start),
        "end": _iso(meeting.end),
        "timezone": meeting.timezone,
        "series": meeting.series.slug if meeting.series_id else None,
        "visibility": meeting.visibility,
        "chairs": [
            {
                "name": str(chair.person),
                "country": chair.country,
                "organisation": chair.organisation.name_in(language)
                if chair.organisation_id
                else None,
            }
            for chair in meeting.chairs.all()
        ],
        "participants_count": meeting.participants_count,
        "url": _url(request, meeting, language),
        "ics": absolute(request, reverse("api:meeting_ics", kwargs={"id": meeting.pk})),
    }


def action_out(request, action: Action, language: str, today: date | None = None) -> dict:
    if action.owner_person_id:
        person = action.owner_person
        owner = {"type": "person", "slug": person.slug, "name": str(person)}
    else:
        organisation = action.owner_organisation
        owner = {
            "type": "organisation",
            "slug": organisation.slug,
            "name": organisation.name_in(language),
        }
    return {
        "id": action.pk,
        "title": action.title,
        "status": action.status,
        "due_date": action.due_date,
        "overdue": action.is_overdue(today),
        "owner": owner,
        "meeting": {
            "id": action.meeting_id,
            "title": action.meeting.title_in(language),
            "url": _url(request, action.meeting, language),
        },
        "decision": action.decision.number if action.decision_id else None,
        "notes": action.notes,
        "version": action.version,
    }


def _chairs_prefetch() -> Prefetch:
    return Prefetch(
        "chairs",
        queryset=Chair.objects.select_related("person", "organisation").prefetch_related(
            "organisation__names"
        ),
    )


def _with_participants_count(qs):
    return qs.annotate(
        participants_count=Count("participants", filter=Q(participants__status__in=SEATED))
    )


# --- Lists ----------------------------------------------------------------------------------


class MeetingFilters(Page):
    series: str | None = Field(None, description="Series identifier.")
    kind: MeetingKind | None = None
    from_: str | None = Field(
        None,
        alias="from",
        description="Meetings ending on or after this date or date-time (ISO 8601).",
    )
    to: str | None = Field(
        None, description="Meetings starting on or before this date or date-time (ISO 8601)."
    )
    organisation: str | None = Field(None, description="Organiser or supporting organisation.")


def _moment(value: str, field: str, errors: dict, *, end_of_day: bool) -> datetime | None:
    """An ISO date or date-time; naive ones are read in the platform's time zone. A date
    that ends the period includes its whole day."""
    value = value.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            moment = datetime.combine(day, time.max if end_of_day else time.min)
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        errors.setdefault(field, []).append(
            _("Enter a date (2026-03-26) or a date and time (2026-03-26T14:00:00+01:00).")
        )
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


@router.get(
    "/meetings",
    response={200: MeetingList, 401: ErrorOut, 422: ErrorOut},
    summary="List meetings",
    url_name="meeting_list",
)
def list_meetings(request, filters: Query[MeetingFilters]):
    """Meetings in chronological order. Restricted meetings appear only for those who may
    see them; ``from``/``to`` select the meetings that overlap the period."""
    user = _reader(request)
    language = language_of(request, filters)
    errors: dict[str, list[str]] = {}
    qs = Meeting.objects.visible_to(user)
    if filters.series:
        qs = qs.filter(series=_series(filters.series, "series", errors))
    if filters.organisation:
        organisation = _organisation(filters.organisation, "organisation", errors)
        qs = qs.filter(
            Q(organiser=organisation)
            | Q(
                pk__in=Meeting.supporting.through.objects.filter(organisation=organisation).values(
                    "meeting_id"
                )
            )
        )
    start = end = None
    if filters.from_:
        start = _moment(filters.from_, "from", errors, end_of_day=False)
    if filters.to:
        end = _moment(filters.to, "to", errors, end_of_day=True)
    if start and end and start > end:
        errors.setdefault("to", []).append(_("The end of the period is before its start."))
    _raise(errors)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if start:
        qs = qs.filter(end__gte=start)
    if end:
        qs = qs.filter(start__lte=end)
    count = qs.count()
    items = (
        _with_participants_count(qs)
        .select_related("series")
        .prefetch_related("translations", _chairs_prefetch())
        .order_by("start", "pk")[filters.offset : filters.offset + filters.limit]
    )
    return {"count": count, "items": [meeting_out(request, m, language) for m in items]}


class ActionFilters(Page):
    status: ActionStatus | None = Field(
        None,
        description="open: not finished (open or in progress); the other statuses exactly.",
    )
    owner: str | None = Field(None, description="Identifier of the owning person or organisation.")
    series: str | None = Field(None, description="Series identifier.")
    overdue: bool | None = Field(None, description="Only overdue actions (true) or none (false).")


@router.get(
    "/actions",
    response={200: ActionList, 401: ErrorOut, 422: ErrorOut},
    summary="List actions decided at meetings",
    url_name="action_list",
)
def list_actions(request, filters: Query[ActionFilters]):
    user = _reader(request)
    language = language_of(request, filters)
    errors: dict[str, list[str]] = {}
    qs = Action.objects.filter(access.content_visible_q(user))
    if filters.owner:
        person = Person.objects.filter(slug=filters.owner).first()
        organisation = Organisation.objects.filter(slug=filters.owner).first()
        if person is None and organisation is None:
            errors["owner"] = [
                _("No person or organisation has the identifier %(slug)s.")
                % {"slug": filters.owner}
            ]
        owned = Q(pk__in=[])
        if person is not None:
            owned |= Q(owner_person=person)
        if organisation is not None:
            owned |= Q(owner_organisation=organisation)
        qs = qs.filter(owned)
    if filters.series:
        qs = qs.filter(meeting__series=_series(filters.series, "series", errors))
    _raise(errors)
    if filters.status == ActionStatus.OPEN:
        qs = qs.filter(status__in=OPEN_STATUSES)
    elif filters.status:
        qs = qs.filter(status=filters.status)
    today = timezone.localdate()
    if filters.overdue is True:
        qs = qs.overdue(today)
    elif filters.overdue is False:
        qs = qs.exclude(pk__in=Action.objects.overdue(today).values("pk"))
    qs = qs.order_by(*ACTION_ORDER)
    count = qs.count()
    items = qs.with_relations()[filters.offset : filters.offset + filters.limit]
    return {"count": count, "items": [action_out(request, a, language, today) for a in items]}


# --- iCalendar (registered before /meetings/{id}: the int converter keeps them apart too) ---


class LanguageQuery(Schema):
    lang: str | None = Field(None, pattern="^(nl|fr|de|en)$", description="Language of titles.")


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _ics_response(body: bytes, filename: str, disposition: str = "attachment") -> HttpResponse:
    response = HttpResponse(body, content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _feed_meetings(qs):
    anonymous = AnonymousUser()
    return (
        qs.filter(pk__in=Meeting.objects.visible_to(anonymous).values("pk"))
        .select_related("organiser", "territory")
        .prefetch_related(
            "translations",
            "organiser__names",
            "territory__names",
            Prefetch("agenda", queryset=AgendaItem.objects.order_by("position", "pk")),
            _chairs_prefetch(),
        )
        .order_by("start", "pk")
    )


ICS_OPENAPI = {"responses": {200: {"content": {"text/calendar": {}}}}}


@router.get(
    "/meetings/{int:id}.ics",
    response={404: ErrorOut},
    summary="One meeting as iCalendar",
    url_name="meeting_ics",
    openapi_extra=ICS_OPENAPI,
)
def meeting_ics(request, id: int, query: Query[LanguageQuery]):
    user = _reader(request)
    language = language_of(request, query)
    meeting = access.get_meeting_for_user(user, id)
    visible = access.can_see_content(user, meeting)
    body = calendar_for(
        [meeting],
        meeting.title_in(language),
        language,
        _base_url(request),
        content_visible=lambda _meeting: visible,
    )
    return _ics_response(body, f"meeting-{meeting.pk}.ics")


@router.get(
    "/meetings/series/{slug:slug}.ics",
    response={404: ErrorOut},
    summary="The meetings of a series as an iCalendar feed",
    url_name="series_ics",
    openapi_extra=ICS_OPENAPI,
)
def series_ics(request, slug: str, query: Query[LanguageQuery]):
    language = language_of(request, query)
    series = Series.objects.prefetch_related("names").filter(slug=slug).first()
    if series is None:
        raise Http404(_("No series has the identifier %(slug)s.") % {"slug": slug})
    meetings = _feed_meetings(Meeting.objects.filter(series=series))
    body = calendar_for(meetings, series.name_in(language), language, _base_url(request))
    return _ics_response(body, f"{series.slug}.ics", "inline")


@router.get(
    "/organisations/{slug:slug}/meetings.ics",
    response={404: ErrorOut},
    summary="The meetings an organisation organises or supports, as an iCalendar feed",
    url_name="organisation_ics",
    openapi_extra=ICS_OPENAPI,
)
def organisation_ics(request, slug: str, query: Query[LanguageQuery]):
    language = language_of(request, query)
    organisation = Organisation.objects.prefetch_related("names").filter(slug=slug).first()
    if organisation is None:
        raise Http404(_("No organisation has the identifier %(slug)s.") % {"slug": slug})
    meetings = _feed_meetings(
        Meeting.objects.filter(
            Q(organiser=organisation)
            | Q(
                pk__in=Meeting.supporting.through.objects.filter(organisation=organisation).values(
                    "meeting_id"
                )
            )
        )
    )
    with translation.override(language):
        name = _("Meetings of %(organisation)s") % {"organisation": organisation.name_in(language)}
    body = calendar_for(meetings, name, language, _base_url(request))
    return _ics_response(body, f"{organisation.slug}-meetings.ics", "inline")


# --- Detail -------------------------------------------------------------------------------


def _practice_title(practice: Practice, language: str) -> str:
    translated = practice.translation_in(language) if language != practice.language else None
    return translated.title if translated is not None else practice.title


def meeting_detail(request, meeting: Meeting, user, language: str) -> dict:
    visible = access.can_see_content(user, meeting)
    data = meeting_out(request, meeting, language)
    translated = meeting.translation_in(language) if language != meeting.language else None
    data.update(
        language=meeting.language,
        languages=meeting.available_languages(),
        description=translated.description
        if translated is not None and translated.description
        else meeting.description,
        organiser={
            "slug": meeting.organiser.slug,
            "name": meeting.organiser.name_in(language),
        },
        supporting=[
            {"slug": o.slug, "name": o.name_in(language)} for o in meeting.supporting.all()
        ],
        sides=meeting.side_countries,
        territory={"code": meeting.territory.code, "name": meeting.territory.name_in(language)}
        if meeting.territory_id
        else None,
        address=meeting.address,
        online_url=meeting.online_url if visible else "",
        capacity=meeting.capacity,
        version=meeting.version,
        content_visible=visible,
        agenda=[],
        carried_actions=[],
        decisions=[],
        actions=[],
        minutes=[
            {
                "language": m.language,
                "status": m.status,
                "visibility": access.minutes_visibility(m, meeting),
                "body": m.body,
                "approved_at": _iso(m.approved_at) if m.approved_at else None,
            }
            for m in access.readable_minutes(user, meeting)
        ],
    )
    if not visible:
        return data
    today = timezone.localdate()
    agenda = (
        meeting.agenda.select_related("presenter")
        .prefetch_related(
            Prefetch("practices", queryset=Practice.objects.prefetch_related("translations"))
        )
        .order_by("position", "pk")
    )
    data["agenda"] = [
        {
            "id": item.pk,
            "position": item.position,
            "title": item.title,
            "description": item.description,
            "presenter": {"slug": item.presenter.slug, "name": str(item.presenter)}
            if item.presenter_id
            else None,
            "duration_minutes": item.duration_minutes,
            "document_url": item.document_url,
            "practices": [
                {"id": p.pk, "title": _practice_title(p, language)} for p in item.practices.all()
            ],
        }
        for item in agenda
    ]
    data["carried_actions"] = [
        action_out(request, a, language, today)
        for a in access.carried_actions(meeting).order_by(*ACTION_ORDER)
    ]
    data["decisions"] = [
        {
            "number": d.number,
            "language": d.language,
            "text": d.text,
            "agenda_item": d.agenda_item_id,
        }
        for d in meeting.decisions.order_by("number")
    ]
    data["actions"] = [
        action_out(request, a, language, today)
        for a in Action.objects.filter(meeting=meeting).with_relations().order_by(*ACTION_ORDER)
    ]
    return data


def _meeting(user, pk) -> Meeting:
    return access.get_meeting_for_user(user, pk)


def _annotated(meeting: Meeting) -> Meeting:
    meeting.participants_count = meeting.participants.filter(status__in=SEATED).count()
    return meeting


@router.get(
    "/meetings/{int:id}",
    response={200: MeetingDetail, 401: ErrorOut, 404: ErrorOut},
    summary="One meeting with its agenda, decisions, actions and minutes",
    url_name="meeting_detail",
)
def get_meeting(request, id: int, query: Query[LanguageQuery]):
    user = _reader(request)
    language = language_of(request, query)
    meeting = _annotated(_meeting(user, id))
    return meeting_detail(request, meeting, user, language)


# --- Writes ---------------------------------------------------------------------------------


class ChairIn(Schema):
    person: str = Field(..., description="Identifier of the person.")
    post: int | None = Field(None, description="Id of the post they chair in.")
    country: str | None = Field(None, pattern="^[A-Za-z]{2}$", description="Their side.")


class MeetingIn(Schema):
    organiser: str = Field(..., description="Identifier of the organising organisation.")
    kind: MeetingKind
    language: str = Field(..., pattern=LANGUAGE_PATTERN)
    title: str = Field(..., min_length=1, max_length=300)
    start: datetime = Field(..., description="ISO 8601; without an offset, read in `timezone`.")
    end: datetime
    timezone: str = "Europe/Brussels"
    description: str = ""
    series: str | None = None
    territory: str | None = Field(None, description="Territory code, e.g. BE-NIS:34027.")
    address: str = Field("", max_length=300)
    online_url: str = Field("", max_length=500)
    supporting: list[str] = Field([], description="Identifiers of supporting organisations.")
    sides: list[str] = Field([], description="Countries of a bi-national meeting, e.g. FR, BE.")
    visibility: Visibility = Visibility.PUBLIC
    capacity: int | None = Field(None, ge=1)
    chairs: list[ChairIn] = []


class MeetingPatch(Schema):
    version: int = Field(..., description="The version you read; a stale one gets 422.")
    organiser: str | None = None
    kind: MeetingKind | None = None
    language: str | None = Field(None, pattern=LANGUAGE_PATTERN)
    title: str | None = Field(None, min_length=1, max_length=300)
    start: datetime | None = None
    end: datetime | None = None
    timezone: str | None = None
    description: str | None = None
    series: str | None = None
    territory: str | None = None
    address: str | None = Field(None, max_length=300)
    online_url: str | None = Field(None, max_length=500)
    supporting: list[str] | None = None
    sides: list[str] | None = None
    visibility: Visibility | None = None
    capacity: int | None = Field(None, ge=1)
    chairs: list[ChairIn] | None = None


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
)
def update_meeting(request, id: int, payload: MeetingPatch, query: Query[LanguageQuery]):
    meeting = _meeting(request.auth, id)
    names = [name for name in payload.model_fields_set if name != "version"]
    fields = _resolve(payload, names)
    operations.update_meeting(meeting, user=request.auth, version=payload.version, **fields)
    return _write_response(request, meeting, request.auth, language_of(request, query))


class DecisionIn(Schema):
    text: str = Field(..., min_length=1)
    language: str | None = Field(None, pattern=LANGUAGE_PATTERN)
    agenda_item: int | None = Field(None, description="Id of the agenda item it concludes.")


@router.post(
    "/meetings/{int:id}/decisions",
    auth=token_auth,
    response={201: DecisionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Record a decision",
    url_name="decision_create",
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


class ActionIn(Schema):
    title: str = Field(..., min_length=1, max_length=300)
    owner_person: str | None = Field(None, description="Identifier of the owning person.")
    owner_organisation: str | None = Field(None, description="Or of the owning organisation.")
    due_date: date | None = None
    decision: int | None = Field(None, description="Number of the decision it follows from.")
    notes: str = ""


class ActionPatch(Schema):
    version: int = Field(..., description="The version you read; a stale one gets 422.")
    status: ActionStatus | None = None
    notes: str | None = None
    due_date: date | None = None
    title: str | None = Field(None, min_length=1, max_length=300)


def _action(user, pk) -> Action:
    """An action the user may read: its meeting's content, or because it is theirs."""
    action = Action.objects.filter(pk=pk).with_relations().first()
    if action is None or not (
        access.can_see_content(user, action.meeting) or operations.can_update_action(user, action)
    ):
        raise Http404(_("No action has the number %(id)s.") % {"id": pk})
    return action


@router.post(
    "/meetings/{int:id}/actions",
    auth=token_auth,
    response={201: ActionOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Assign an action",
    url_name="action_create",
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
)
def update_action(request, id: int, payload: ActionPatch, query: Query[LanguageQuery]):
    action = _action(request.auth, id)
    fields = payload.dict(exclude_unset=True, exclude={"version"})
    if "status" in fields and fields["status"] is not None:
        fields["status"] = str(fields["status"])
    operations.update_action(action, user=request.auth, version=payload.version, **fields)
    return action_out(request, _action(request.auth, id), language_of(request, query))

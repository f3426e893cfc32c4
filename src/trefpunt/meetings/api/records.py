"""The token writes of what a meeting records and who takes part: agenda items, invitations
and attendance, minutes and their approval, translations. Each calls one function of
``meetings.operations``; the shapes they accept and return sit beside them."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import Http404
from ninja import Field, P, PathEx, Query, Schema, Status

from trefpunt.accounts.auth import token_auth
from trefpunt.lib.api import ErrorOut, language_of

from .. import access, operations
from ..models import AgendaItem, DelegationLevel, Participant, ParticipantStatus, Visibility
from .lookups import _meeting, _organisation, _person, _raise
from .router import router
from .schemas import LANGUAGE_PATTERN, AgendaItemOut, LanguageQuery
from .serialisers import agenda_item_out, linked_practices

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


ContentLanguage = PathEx[str, P(pattern=LANGUAGE_PATTERN, description="nl, fr, de, en or lb.")]


class AgendaItemIn(Schema):
    title: str = Field(..., max_length=300)
    description: str = Field("", description="Rich text; unsafe markup is removed.")
    presenter: str | None = Field(None, description="Identifier of the presenting person.")
    duration_minutes: int | None = Field(None, description="1 to 1,440.")
    practices: list[int] = Field([], description="Ids of the practices it discusses.")
    document_url: str = Field("", max_length=500)


class ParticipantIn(Schema):
    person: str | None = Field(None, description="Identifier of the invited person.")
    organisation: str | None = Field(None, description="Or of the invited organisation.")
    email: str = Field("", max_length=254, description="Else the person's own address.")
    language: str | None = Field(
        None, pattern="^(nl|fr|de|en)$", description="Of the invitation; else theirs."
    )
    delegation_country: str = Field("", pattern="^([A-Za-z]{2})?$")
    delegation_level: DelegationLevel | None = None


class ParticipantPatch(Schema):
    status: ParticipantStatus


class ParticipantOut(Schema):
    id: int
    name: str
    status: str
    delegation_country: str
    delegation_level: str
    mailed: bool = Field(..., description="An invitation mail goes out (when invited).")


class MinutesIn(Schema):
    body: str = Field(..., description="Rich text; unsafe markup is removed.")
    visibility: Visibility = Visibility.PARTICIPANTS
    version: int | None = Field(None, description="The version you read; a stale one gets 422.")


class MinutesWritten(Schema):  # what the write stored (reads show the effective visibility)
    language: str
    status: str
    visibility: str
    version: int
    body: str


class TranslationIn(Schema):
    title: str = Field(..., max_length=300)
    description: str = ""
    origin: str = Field("human", description="human or machine.")


class TranslationOut(Schema):
    language: str
    title: str
    description: str
    origin: str


@router.post(
    "/meetings/{int:id}/agenda",
    auth=token_auth,
    response={201: AgendaItemOut, **WRITE_ERRORS},
    summary="Add an item to the agenda",
    url_name="agenda_item_create",
    operation_id="trefpunt_meetings_api_create_agenda_item",
)
def create_agenda_item(request, id: int, payload: AgendaItemIn, query: Query[LanguageQuery]):
    meeting = _meeting(request.auth, id)
    errors: dict[str, list[str]] = {}
    presenter = _person(payload.presenter, "presenter", errors) if payload.presenter else None
    practices, missing = access.linkable_practices(request.auth, payload.practices)
    if missing:
        errors["practices"] = [access.unknown_practices_message(missing)]
    _raise(errors)
    fields = payload.dict(exclude={"presenter", "practices"})
    item = operations.add_agenda_item(
        meeting, user=request.auth, presenter=presenter, practices=practices, **fields
    )
    return Status(201, _agenda_item_out(request.auth, item.pk, language_of(request, query)))


def _agenda_item_out(user, pk: int, language: str) -> dict:
    """The item as the meeting detail shows it to ``user`` (who just wrote it)."""
    item = (
        AgendaItem.objects.select_related("presenter")
        .prefetch_related(linked_practices(user))
        .get(pk=pk)
    )
    return agenda_item_out(item, language)


def _participant_out(participant: Participant, language: str) -> dict:
    return {
        "id": participant.pk,
        "name": str(participant.person)
        if participant.person_id
        else participant.organisation.name_in(language),
        "status": participant.status,
        "delegation_country": participant.delegation_country,
        "delegation_level": participant.delegation_level,
        "mailed": getattr(participant, "mailed", False),
    }


def _participant(user, pk) -> Participant:
    """A participant of a meeting whose participants the user may read (its content); any
    other is as unknown as a missing number."""
    participant = (
        Participant.objects.select_related("meeting__organiser", "person", "organisation")
        .prefetch_related("organisation__names")
        .filter(pk=pk)
        .first()
    )
    if participant is None or not access.can_see_content(user, participant.meeting):
        raise Http404()
    return participant


@router.post(
    "/meetings/{int:id}/participants",
    auth=token_auth,
    response={201: ParticipantOut, **WRITE_ERRORS},
    summary="Invite a person or an organisation (mails them a personal registration link)",
    url_name="participant_create",
    operation_id="trefpunt_meetings_api_invite_participant",
)
def invite_participant(request, id: int, payload: ParticipantIn, query: Query[LanguageQuery]):
    meeting = _meeting(request.auth, id)
    errors: dict[str, list[str]] = {}
    person = _person(payload.person, "person", errors) if payload.person else None
    organisation = (
        _organisation(payload.organisation, "organisation", errors)
        if payload.organisation
        else None
    )
    if payload.email:
        try:
            validate_email(payload.email)
        except ValidationError as error:
            errors["email"] = list(error.messages)
    _raise(errors)
    fields = payload.dict(include={"email", "language", "delegation_country"})
    level = str(payload.delegation_level or "")
    participant = operations.invite(
        meeting,
        user=request.auth,
        person=person,
        organisation=organisation,
        delegation_level=level,
        **fields,
    )
    return Status(201, _participant_out(participant, language_of(request, query)))


@router.patch(
    "/participants/{int:id}",
    auth=token_auth,
    response={200: ParticipantOut, **WRITE_ERRORS},
    summary="Set a participant's status (registered, attended, excused …)",
    url_name="participant_update",
    operation_id="trefpunt_meetings_api_update_participant",
)
def update_participant(request, id: int, payload: ParticipantPatch, query: Query[LanguageQuery]):
    participant = _participant(request.auth, id)
    operations.set_participant_status(participant, user=request.auth, status=str(payload.status))
    return _participant_out(_participant(request.auth, id), language_of(request, query))


@router.put(
    "/meetings/{int:id}/minutes/{lang}",
    auth=token_auth,
    response={200: MinutesWritten, **WRITE_ERRORS},
    summary="Write the minutes in one language (changed approved minutes become a draft)",
    url_name="minutes_save",
    operation_id="trefpunt_meetings_api_save_minutes",
)
def save_minutes(request, id: int, payload: MinutesIn, lang: ContentLanguage):
    meeting = _meeting(request.auth, id)
    fields = payload.dict(include={"body", "version"})
    visibility = str(payload.visibility)
    return operations.save_minutes(
        meeting, user=request.auth, language=lang, visibility=visibility, **fields
    )


@router.post(
    "/meetings/{int:id}/minutes/{lang}/approve",
    auth=token_auth,
    response={200: MinutesWritten, **WRITE_ERRORS},
    summary="Approve the minutes in one language",
    url_name="minutes_approve",
    operation_id="trefpunt_meetings_api_approve_minutes",
)
def approve_minutes(request, id: int, lang: ContentLanguage):
    meeting = _meeting(request.auth, id)
    minutes = meeting.minutes.filter(language=lang).first()
    if minutes is None:
        raise Http404()
    minutes.meeting = meeting
    return operations.approve_minutes(minutes, user=request.auth)


@router.put(
    "/meetings/{int:id}/translations/{lang}",
    auth=token_auth,
    response={200: TranslationOut, **WRITE_ERRORS},
    summary="Translate a meeting's title and description",
    url_name="meeting_translation_save",
    operation_id="trefpunt_meetings_api_save_meeting_translation",
)
def save_meeting_translation(request, id: int, payload: TranslationIn, lang: ContentLanguage):
    meeting = _meeting(request.auth, id)
    return operations.save_meeting_translation(
        meeting, user=request.auth, language=lang, **payload.dict()
    )

"""The lists: meetings (by series, kind, period, organisation) and the actions decided at
them (by status, owner, series, overdue or not)."""

from datetime import date, datetime, time

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query

from trefpunt.lib.api import ErrorOut, language_of
from trefpunt.organisations.models import Organisation, Person

from .. import access
from ..models import Action, ActionStatus, Meeting
from ..models.action import OPEN_STATUSES
from ..models.participation import SEATED
from .lookups import _organisation, _raise, _reader, _series
from .router import router
from .schemas import ActionFilters, ActionList, MeetingFilters, MeetingList
from .serialisers import ACTION_ORDER, _chairs_prefetch, action_out, meeting_out


def _with_participants_count(qs):
    return qs.annotate(
        participants_count=Count("participants", filter=Q(participants__status__in=SEATED))
    )


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
    if not 1900 <= moment.year <= 2200:
        errors.setdefault(field, []).append(_("Enter a year between 1900 and 2200."))
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


@router.get(
    "/meetings",
    response={200: MeetingList, 401: ErrorOut, 422: ErrorOut},
    summary="List meetings",
    url_name="meeting_list",
    operation_id="trefpunt_meetings_api_list_meetings",
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


@router.get(
    "/actions",
    response={200: ActionList, 401: ErrorOut, 422: ErrorOut},
    summary="List actions decided at meetings",
    url_name="action_list",
    operation_id="trefpunt_meetings_api_list_actions",
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

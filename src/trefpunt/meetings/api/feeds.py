"""The iCalendar feeds: one meeting, a series, an organisation's meetings.

They are registered before ``/meetings/{id}`` (the int converter keeps them apart too). The
series and organisation feeds are anonymous by design, see the package docstring."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query

from trefpunt.lib.api import ErrorOut, language_of
from trefpunt.organisations.models import Organisation

from .. import access
from ..calendar import calendar_for
from ..models import AgendaItem, Meeting, Series
from .lookups import _reader
from .router import router
from .schemas import LanguageQuery
from .serialisers import _chairs_prefetch

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _base_url(request) -> str:
    """The site's public address (``TREFPUNT_SITE_URL``): events link back to the meeting page
    there, whichever host the calendar was fetched through."""
    return settings.TREFPUNT_SITE_URL.rstrip("/")


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
    operation_id="trefpunt_meetings_api_meeting_ics",
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
    operation_id="trefpunt_meetings_api_series_ics",
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
    operation_id="trefpunt_meetings_api_organisation_ics",
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

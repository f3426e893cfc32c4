"""Reading meetings: the list (upcoming and past) and its export, the month calendar, a series."""

import calendar
import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from trefpunt.lib import csv
from trefpunt.lib.languages import current_language

from .. import access
from ..forms import MeetingFilterForm
from ..models import ActionStatus, Chair, Meeting, Series
from .common import chair_sentence, prepare_actions, query_without

EXPORT_LIMIT = 5000


def listed_meetings(user):
    """Meetings ``user`` may see, with what a list shows of them."""
    return (
        Meeting.objects.visible_to(user)
        .defer("description")
        .select_related("series", "organiser", "territory")
        .prefetch_related(
            "translations",
            "series__names",
            "organiser__names",
            "territory__names",
            Prefetch("chairs", queryset=Chair.objects.select_related("person")),
        )
    )


def prepare(meeting: Meeting, reader: str) -> Meeting:
    """What a list shows: the title in the reader's language and its language."""
    translation = meeting.translation_in(reader) if reader != meeting.language else None
    meeting.reading_title = translation.title if translation else meeting.title
    meeting.reading_language = translation.language if translation else meeting.language
    meeting.chair_sentence = chair_sentence(meeting.chairs.all())
    return meeting


def _filtered(request):
    form = MeetingFilterForm(request.GET or None)
    meetings = form.filter(listed_meetings(request.user))
    meetings = meetings.past() if form.past() else meetings.upcoming()
    return form, meetings


def meeting_list(request):
    form, meetings = _filtered(request)
    page = Paginator(meetings, settings.TREFPUNT_PAGE_SIZE).get_page(request.GET.get("page"))
    reader = current_language()
    for meeting in page.object_list:
        prepare(meeting, reader)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "form": form,
            "page": page,
            "past": form.past(),
            "query": query_without(request, "page"),
            "filters": query_without(request, "page", "when"),
            "can_create": access.can_create_meetings(request.user),
        },
    )


EXPORT_COLUMNS = (
    "id",
    "uid",
    "url",
    "title",
    "language",
    "kind",
    "status",
    "start_utc",
    "end_utc",
    "timezone",
    "local_start",
    "local_end",
    "series",
    "organiser",
    "place_code",
    "place",
    "country",
    "address",
    "online_url",
    "sides",
    "chairs",
    "visibility",
    "capacity",
)


def meeting_export(request):
    form, meetings = _filtered(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meetings.csv"'
    writer = csv.writer(response)
    writer.writerow(EXPORT_COLUMNS)
    meetings = list(meetings[:EXPORT_LIMIT])
    readable = access.content_readable_ids(request.user, meetings)
    for meeting in meetings:
        writer.writerow(_export_row(request, meeting, with_link=meeting.pk in readable))
    return response


def _export_row(request, meeting: Meeting, *, with_link: bool) -> list:
    territory = meeting.territory
    return [
        meeting.pk,
        str(meeting.uid),
        request.build_absolute_uri(meeting.get_absolute_url()),
        meeting.title,
        meeting.language,
        meeting.kind,
        meeting.status,
        meeting.start.isoformat(),
        meeting.end.isoformat(),
        meeting.timezone,
        meeting.local_start.isoformat(),
        meeting.local_end.isoformat(),
        meeting.series.slug if meeting.series else "",
        meeting.organiser.slug,
        territory.code if territory else "",
        territory.name if territory else "",
        territory.country if territory else "",
        meeting.address,
        meeting.online_url if with_link else "",
        meeting.sides,
        "|".join(f"{chair.person} ({chair.country})" for chair in meeting.chairs.all()),
        meeting.visibility,
        meeting.capacity if meeting.capacity is not None else "",
    ]


def _month(value: str | None) -> datetime.date:
    today = timezone.localdate()
    if not value:
        return today.replace(day=1)
    try:
        month = datetime.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise Http404(_("Give the month as YYYY-MM, e.g. 2025-03.")) from None
    if not 1900 <= month.year <= 2200:
        raise Http404(_("Give the month as YYYY-MM, e.g. 2025-03."))
    return month


def meeting_calendar(request):
    month = _month(request.GET.get("month"))
    return render(request, "meetings/calendar.html", month_grid(request.user, month))


def month_grid(user, month: datetime.date) -> dict:
    """The weeks of ``month`` (Monday first), each day with the meetings that start on it in
    their own time zone."""
    days = list(calendar.Calendar(firstweekday=0).itermonthdates(month.year, month.month))
    # A day either side: a meeting's local date may differ from its UTC date.
    first = datetime.datetime.combine(days[0], datetime.time(), datetime.UTC)
    last = datetime.datetime.combine(days[-1], datetime.time(), datetime.UTC)
    meetings = listed_meetings(user).filter(
        start__gte=first - datetime.timedelta(days=1), start__lt=last + datetime.timedelta(days=2)
    )
    reader = current_language()
    by_day: dict[datetime.date, list] = {}
    for meeting in meetings.order_by("start"):
        by_day.setdefault(meeting.local_start.date(), []).append(prepare(meeting, reader))
    today = timezone.localdate()
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == month.month,
                "is_today": day == today,
                "meetings": by_day.get(day, []),
            }
            for day in days[index : index + 7]
        ]
        for index in range(0, len(days), 7)
    ]
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    return {
        "month": month,
        "weeks": weeks,
        "weekdays": [(WEEKDAYS[index], WEEKDAYS_ABBR[index]) for index in range(7)],
        "previous": previous.strftime("%Y-%m"),
        "next": following.strftime("%Y-%m"),
        "this_month": today.strftime("%Y-%m"),
        "count": sum(len(day["meetings"]) for week in weeks for day in week if day["in_month"]),
    }


def series_detail(request, slug: str):
    series = Series.objects.select_related("organiser").prefetch_related("names").filter(slug=slug)
    series = series.first()
    if series is None:
        raise Http404(_("No meeting series has the identifier %(slug)s.") % {"slug": slug})
    meetings = listed_meetings(request.user).filter(series=series)
    reader = current_language()
    upcoming = [prepare(m, reader) for m in meetings.upcoming()]
    past = [prepare(m, reader) for m in meetings.past()]
    actions = prepare_actions(list(series_actions(request.user, series)), reader)
    return render(
        request,
        "meetings/series_detail.html",
        {
            "series": series,
            "upcoming": upcoming,
            "past": past,
            "actions": actions,
            "updatable": access.updatable_action_ids(request.user, actions),
            "action_statuses": ActionStatus.choices,
            "next_url": reverse("meetings:series", args=[series.slug]),
        },
    )


def series_actions(user, series: Series):
    """Open actions of the series' meetings whose content ``user`` may read."""
    return access.visible_actions(user).open().filter(meeting__series=series)

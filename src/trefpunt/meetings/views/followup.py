"""The follow-up dashboard: open and overdue actions grouped per organiser, series or owner,
and their export."""

import csv
from collections import Counter

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from trefpunt.lib.languages import current_language

from .. import access, followup_sources
from ..forms import FollowUpFilterForm
from ..models import ActionStatus
from .common import prepare_actions, query_without

EXPORT_LIMIT = 5000


def _dashboard_actions(request):
    form = FollowUpFilterForm(request.GET or None)
    actions = form.filter(access.visible_actions(request.user).open())
    return form, actions.order_by("due_date", "meeting__start", "pk")


GROUP_KEYS = {
    "organisation": lambda action: (
        action.meeting.organiser.name_in(),
        action.meeting.organiser.get_absolute_url(),
    ),
    "series": lambda action: (
        action.meeting.series.name_in() if action.meeting.series else "",
        action.meeting.series.get_absolute_url() if action.meeting.series else "",
    ),
    "owner": lambda action: (
        action.owner_name,
        (action.owner_person or action.owner_organisation).get_absolute_url(),
    ),
}


def followup(request):
    form, actions = _dashboard_actions(request)
    actions = prepare_actions(list(actions), current_language())
    groups: dict[tuple, list] = {}
    key = GROUP_KEYS[form.group_by()]
    for action in actions:
        groups.setdefault(key(action), []).append(action)
    return render(
        request,
        "meetings/followup.html",
        {
            "form": form,
            "group_by": form.group_by(),
            "groups": [_group(name, url, items) for (name, url), items in sorted(groups.items())],
            "total": len(actions),
            "overdue": sum(action.overdue for action in actions),
            "updatable": access.updatable_action_ids(request.user, actions),
            "action_statuses": ActionStatus.choices,
            "query": query_without(request),
            "next_url": request.get_full_path(),
            "other_sections": followup_sources.sections(request.user, timezone.localdate()),
        },
    )


def _group(name: str, url: str, items: list) -> dict:
    statuses = Counter(action.status for action in items)
    return {
        "name": name,
        "url": url,
        "actions": items,
        "count": len(items),
        "overdue": sum(action.overdue for action in items),
        "in_progress": statuses["in_progress"],
    }


EXPORT_COLUMNS = (
    "id",
    "action",
    "status",
    "due_date",
    "overdue",
    "owner",
    "owner_kind",
    "meeting_id",
    "meeting",
    "meeting_date",
    "meeting_url",
    "series",
    "organiser",
    "decision",
    "notes",
)


def followup_export(request):
    _form, actions = _dashboard_actions(request)
    today = timezone.localdate()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="actions.csv"'
    writer = csv.writer(response)
    writer.writerow(EXPORT_COLUMNS)
    for action in actions[:EXPORT_LIMIT]:
        meeting = action.meeting
        writer.writerow(
            [
                action.pk,
                action.title,
                action.status,
                action.due_date.isoformat() if action.due_date else "",
                "yes" if action.is_overdue(today) else "no",
                action.owner_name,
                "person" if action.owner_person_id else "organisation",
                meeting.pk,
                meeting.title,
                meeting.local_start.date().isoformat(),
                request.build_absolute_uri(reverse("meetings:meeting", args=[meeting.pk])),
                meeting.series.slug if meeting.series else "",
                meeting.organiser.slug,
                action.decision.number if action.decision else "",
                action.notes,
            ]
        )
    return response

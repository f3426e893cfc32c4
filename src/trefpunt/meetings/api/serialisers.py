"""Meetings and actions as the API returns them (the shapes are in ``schemas``)."""

from datetime import UTC, date, datetime

from django.db.models import F, Prefetch
from django.urls import reverse
from django.utils import timezone

from trefpunt.lib.api import absolute, localized_url
from trefpunt.practices.models import Practice

from .. import access
from ..models import Action, Chair, Meeting

# Soonest due first, actions without a due date last (on every database).
ACTION_ORDER = (F("due_date").asc(nulls_last=True), "pk")


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


def _practice_title(practice: Practice, language: str) -> str:
    translated = practice.translation_in(language) if language != practice.language else None
    return translated.title if translated is not None else practice.title


def linked_practices(user) -> Prefetch:
    """An agenda item's practices as ``user`` may read them (the practices' own rule: a draft
    only for its owner's editors and curators, whoever organises the meeting)."""
    return Prefetch(
        "practices", queryset=Practice.objects.visible_to(user).prefetch_related("translations")
    )


def agenda_item_out(item, language: str) -> dict:
    """One agenda item; its practices prefetched with ``linked_practices``."""
    return {
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
        outdated=translated is not None and translated.is_outdated(meeting),
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
        .prefetch_related(linked_practices(user))
        .order_by("position", "pk")
    )
    data["agenda"] = [agenda_item_out(item, language) for item in agenda]
    data["carried_actions"] = [
        action_out(request, a, language, today)
        for a in access.carried_actions(meeting, user).order_by(*ACTION_ORDER)
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

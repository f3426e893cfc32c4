"""One meeting's page: when and where in its own time zone, who chairs for which side, who
takes part, the agenda with the open actions carried over, decisions, actions and minutes."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.shortcuts import render
from django.utils import timezone

from trefpunt.lib.languages import CODES, LANGUAGE_LABELS, current_language
from trefpunt.lib.richtext import rich_text
from trefpunt.practices.models import Practice, PracticeTranslation

from .. import access
from ..models import (
    CONTENT_LANGUAGES,
    ActionStatus,
    AgendaItem,
    Meeting,
    Participant,
    ParticipantStatus,
)
from ..models.participation import SEATED
from .common import chair_sentence, prepare_actions, query_without

# Long lists on the meeting page (participants, carried-over actions, decisions, actions) are
# shown this many rows at a time, each with its own page parameter.
LIST_PAGE_SIZE = 25
LIST_PAGES = ("participants", "carried", "decisions", "actions")


def meeting_detail(request, pk: int):
    meeting = access.get_meeting_for_user(request.user, pk)
    return render(request, "meetings/meeting_detail.html", meeting_page(request, meeting))


def meeting_page(request, meeting: Meeting) -> dict:
    user, reader = request.user, current_language()
    organiser = access.can_organise(user, meeting)
    content = organiser or access.can_see_content(user, meeting)
    translation = meeting.translation_in(reader) if reader != meeting.language else None
    shown = translation or meeting
    chairs = list(meeting.chairs.all())
    context = {
        "meeting": meeting,
        "title": shown.title,
        "shown_language": shown.language,
        "translation": translation,
        "outdated": translation is not None and translation.is_outdated(meeting),
        "reader": reader,
        "description": rich_text(shown.description or meeting.description),
        "description_language": shown.language if shown.description else meeting.language,
        "chairs": chairs,
        "chair_sentence": chair_sentence(chairs),
        "reader_zone": _reader_zone(meeting),
        "can_organise": organiser,
        "can_see_content": content,
        "minutes": _with_html(access.readable_minutes(user, meeting), "body"),
        "minutes_languages": _minutes_languages(meeting) if organiser else [],
        "translate_languages": _translate_languages(meeting) if organiser else [],
        "next_url": meeting.get_absolute_url(),
    }
    if content:
        context.update(_content(request, meeting, reader))
    return context


def _page(request, queryset, name: str) -> dict:
    """One page of a long list: ``{"page", "param", "query", "anchor"}`` for the template."""
    param = f"{name}_page"
    return {
        "page": Paginator(queryset, LIST_PAGE_SIZE).get_page(request.GET.get(param)),
        "param": param,
        "query": query_without(request, param),
        "anchor": f"{name}-title",
    }


def _reader_zone(meeting: Meeting) -> dict | None:
    """The start in the site's (reader's) time zone, when it is not the meeting's."""
    zone = timezone.get_current_timezone()
    if str(zone) == meeting.timezone:
        return None
    start = timezone.localtime(meeting.start, zone)
    if start.utcoffset() == meeting.local_start.utcoffset():
        return None
    return {"name": str(zone), "start": start}


def _with_html(items: list, field: str) -> list:
    for item in items:
        item.html = rich_text(getattr(item, field))
    return items


def _minutes_languages(meeting: Meeting) -> list[dict]:
    existing = {minutes.language: minutes for minutes in meeting.minutes.all()}
    return [
        {"code": code, "label": label, "minutes": existing.get(code)}
        for code, label in CONTENT_LANGUAGES
    ]


def _translate_languages(meeting: Meeting) -> list[dict]:
    """The site's languages other than the original, each with its translation if any."""
    existing = {translation.language for translation in meeting.translations.all()}
    return [
        {"code": code, "label": LANGUAGE_LABELS[code], "exists": code in existing}
        for code in CODES
        if code != meeting.language
    ]


def _content(request, meeting: Meeting, reader: str) -> dict:
    user = request.user
    # Linked practices the reader may see: a draft stays off the agenda of a public meeting.
    practices = (
        Practice.objects.visible_to(user)
        .only("id", "language", "title", "status")
        .prefetch_related(
            Prefetch(
                "translations",
                queryset=PracticeTranslation.objects.only("id", "practice_id", "language", "title"),
            )
        )
    )
    agenda = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("presenter")
        .prefetch_related(Prefetch("practices", queryset=practices))
    )
    for item in _with_html(agenda, "description"):
        for practice in item.practices.all():
            practice.reading = practice.translation_in(reader) or practice
    actions_page = _page(
        request,
        meeting.actions.select_related(
            "owner_person", "owner_organisation", "decision"
        ).prefetch_related("owner_organisation__names"),
        "actions",
    )
    actions = list(actions_page["page"].object_list)
    for action in actions:
        action.meeting = meeting  # loaded already, with its translations
    carried_page = _page(
        request,
        access.carried_actions(meeting, user).select_related("meeting__organiser"),
        "carried",
    )
    carried = list(carried_page["page"].object_list)
    prepare_actions(actions + carried, reader)
    decisions_page = _page(request, meeting.decisions.select_related("agenda_item"), "decisions")
    return {
        "agenda": agenda,
        "carried": carried,
        "carried_pages": carried_page,
        "decisions": list(decisions_page["page"].object_list),
        "decisions_pages": decisions_page,
        "actions": actions,
        "actions_pages": actions_page,
        "updatable": access.updatable_action_ids(user, actions + carried),
        "action_statuses": ActionStatus.choices,
        **participation_summary(meeting, request=request),
    }


def participation_summary(meeting: Meeting, request=None) -> dict:
    """Who takes part, by delegation, with the counts per status. With ``request`` (the
    meeting page) one page of participants; without (the organisers' list) all of them."""
    queryset = (
        Participant.objects.filter(meeting=meeting)
        .select_related("person", "organisation")
        .prefetch_related("organisation__names")
        .order_by("delegation_country", "delegation_level", "pk")
    )
    pages = _page(request, queryset, "participants") if request is not None else None
    participants = list(pages["page"].object_list if pages else queryset)
    groups: dict[tuple, list] = {}
    for participant in participants:
        key = (participant.delegation_country, participant.get_delegation_level_display())
        groups.setdefault(key, []).append(participant)
    statuses = dict(
        Participant.objects.filter(meeting=meeting)
        .order_by()
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    seated = sum(statuses.get(status, 0) for status in SEATED)
    return {
        "participants_pages": pages,
        "participants": participants,
        "delegations": [
            {"country": country, "level": level, "participants": items}
            for (country, level), items in groups.items()
        ],
        "status_counts": [
            {"status": status, "label": label, "count": statuses[status]}
            for status, label in ParticipantStatus.choices
            if statuses.get(status)
        ],
        "seated": seated,
        "waiting": statuses.get(ParticipantStatus.WAITING, 0),
        "seats_left": max(meeting.capacity - seated, 0) if meeting.capacity else None,
        "language_labels": LANGUAGE_LABELS,
    }

"""Meetings as iCalendar (RFC 5545) for Outlook, Google Calendar and Apple Calendar.

A feed is published (``METHOD:PUBLISH``), not an invitation: clients subscribe to it and
update their copy by ``UID`` and ``SEQUENCE``. Times keep the meeting's own time zone
(``DTSTART;TZID=Europe/Brussels``) with a generated ``VTIMEZONE``, so a 14:00 meeting stays at
14:00 local time whatever the reader's time zone. What a reader may not see (the agenda and
the online link of a participants-only meeting) is left out of the event.
"""

import uuid
from collections.abc import Iterable
from datetime import UTC, date, timedelta

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vDuration, vUri

from trefpunt.lib.api import localized_url
from trefpunt.search.chunking import plain_text

from .models import Meeting, Visibility

PRODID = "-//Trefpunt//Meetings//EN"
# Subscribed calendars are re-read about every hour (Outlook, Apple; Google decides itself).
REFRESH = timedelta(hours=1)


def _description_in(meeting: Meeting, language: str) -> str:
    if language != meeting.language:
        translation_ = meeting.translation_in(language)
        if translation_ is not None and translation_.description:
            return translation_.description
    return meeting.description


def _location(meeting: Meeting, language: str) -> str:
    """The address, followed by the place's name unless the address already says it."""
    address = meeting.address.strip()
    name = meeting.territory.name_in(language) if meeting.territory_id else ""
    if name and name.casefold() not in address.casefold():
        return f"{address}, {name}" if address else name
    return address


def _organiser(meeting: Meeting, language: str) -> vCalAddress:
    """The organising organisation by name, at the platform's own address: feeds are public,
    so no person's address is ever published (organisations have none of their own)."""
    address = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    address.params["CN"] = meeting.organiser.name_in(language)
    return address


def meeting_event(
    meeting: Meeting, language: str, base_url: str, *, content_visible: bool | None = None
) -> Event:
    """One VEVENT. ``content_visible`` defaults to what anyone may see (public meetings
    only); pass ``access.can_see_content(user, meeting)`` for a reader known by name."""
    if content_visible is None:
        content_visible = meeting.visibility == Visibility.PUBLIC
    page = base_url + localized_url(meeting, language)
    with translation.override(language):
        title = meeting.title_in(language)
        summary = title
        if meeting.is_cancelled:
            summary = _("Cancelled: %(title)s") % {"title": title}
        kind = str(meeting.get_kind_display())
        lines = []
        description = plain_text(_description_in(meeting, language))
        if description:
            lines += [description, ""]
        if content_visible:
            agenda = list(meeting.agenda.all())
            if agenda:
                lines.append(_("Agenda:"))
                lines += [f"{number}. {item.title}" for number, item in enumerate(agenda, 1)]
                lines.append("")
            if meeting.online_url:
                lines.append(_("Online: %(url)s") % {"url": meeting.online_url})
        lines.append(_("Details: %(url)s") % {"url": page})
    event = Event()
    event.add("uid", f"{meeting.uid}@trefpunt")
    event.add("dtstamp", meeting.updated_at.astimezone(UTC))
    event.add("created", meeting.created_at.astimezone(UTC))
    event.add("last-modified", meeting.updated_at.astimezone(UTC))
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.local_start)
    event.add("dtend", meeting.local_end)
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    location = _location(meeting, language)
    if not location and content_visible and meeting.online_url:
        location = meeting.online_url
    if location:
        event.add("location", location)
    if content_visible and meeting.online_url:
        # RFC 7986: clients that know it show a "join" button.
        event.add("conference", vUri(meeting.online_url), parameters={"VALUE": "URI"})
    event.add("organizer", _organiser(meeting, language))
    event.add("categories", [kind])
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("class", "PUBLIC")
    event.add("url", vUri(page))
    return event


def calendar_for(
    meetings: Iterable[Meeting],
    name: str,
    language: str,
    base_url: str,
    *,
    content_visible=None,
) -> bytes:
    """A whole VCALENDAR. ``content_visible`` is an optional ``meeting -> bool``."""
    base_url = base_url.rstrip("/")
    calendar = Calendar.new(
        prodid=PRODID,
        name=name,
        method="PUBLISH",
        calscale="GREGORIAN",
        # Stable across requests, so a subscribed calendar stays the same calendar.
        uid=uuid.uuid5(uuid.NAMESPACE_URL, f"{base_url}#{name}"),
    )
    calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    first, last = None, None
    for meeting in meetings:
        visible = content_visible(meeting) if content_visible else None
        calendar.add_component(meeting_event(meeting, language, base_url, content_visible=visible))
        start, end = meeting.local_start.date(), meeting.local_end.date()
        first = start if first is None or start < first else first
        last = end if last is None or end > last else last
    if first is not None:
        # The zones' rules for the span of the feed only: small, and exact for its events.
        calendar.add_missing_timezones(
            first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 2, 1, 1)
        )
    return calendar.to_ical()

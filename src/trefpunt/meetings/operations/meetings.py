"""Scheduling meetings: the checks of a meeting's fields, then create, change and cancel."""

import zoneinfo
from datetime import datetime
from functools import lru_cache

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone as dj_timezone
from django.utils.translation import gettext as _

from trefpunt.organisations.access import can_act_for
from trefpunt.places.forms import COUNTRY_CHOICES

from ..models import (
    CONTENT_LANGUAGES,
    Chair,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Visibility,
)
from . import notices
from .base import (
    check_version,
    reindex,
    require_organiser,
    sanitise,
    with_history_user,
)

LANGUAGES = tuple(code for code, _label in CONTENT_LANGUAGES)
COUNTRY_NAMES = {code: label for code, label in COUNTRY_CHOICES if code}
MEETING_FIELDS = (
    "kind",
    "language",
    "title",
    "description",
    "start",
    "end",
    "timezone",
    "series",
    "territory",
    "address",
    "online_url",
    "organiser",
    "sides",
    "visibility",
    "capacity",
)


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones()) | {"UTC"}


def country_name(code: str) -> str:
    return str(COUNTRY_NAMES.get(code, code))


def _clean_sides(sides, errors) -> str:
    if isinstance(sides, str):
        sides = sides.split(",")
    codes = []
    for code in sides or ():
        code = (code or "").strip().upper()
        if not code:
            continue
        if len(code) != 2 or not code.isalpha():
            errors.setdefault("sides", []).append(
                _("“%(code)s” is not a two-letter country code.") % {"code": code}
            )
        elif code not in codes:
            codes.append(code)
    if len(codes) == 1:
        errors.setdefault("sides", []).append(
            _("A bi-national meeting has at least two sides; leave it empty otherwise.")
        )
    return ",".join(codes)


def _clean_chairs(chairs, sides: str, errors) -> list[dict]:
    cleaned = []
    seen = set()
    for spec in chairs or ():
        person, post = spec.get("person"), spec.get("post")
        if person is None:
            continue
        if post is not None and post.person_id != person.pk:
            errors.setdefault("chairs", []).append(
                _("%(person)s does not hold the post “%(post)s”.")
                % {"person": person, "post": post}
            )
            continue
        country = (spec.get("country") or "").strip().upper()
        organisation = post.organisation if post is not None else spec.get("organisation")
        if not country and organisation is not None:
            country = organisation.country
        if not country:
            errors.setdefault("chairs", []).append(
                _("Say which side (country) %(person)s chairs for.") % {"person": person}
            )
            continue
        if person.pk in seen:
            errors.setdefault("chairs", []).append(
                _("%(person)s is listed twice as chair.") % {"person": person}
            )
            continue
        seen.add(person.pk)
        cleaned.append(
            {"person": person, "post": post, "organisation": organisation, "country": country}
        )
    side_codes = [code for code in sides.split(",") if code]
    if side_codes:
        chaired = {item["country"] for item in cleaned}
        for item in cleaned:
            if item["country"] not in side_codes:
                errors.setdefault("chairs", []).append(
                    _("%(person)s chairs for %(country)s, which is not a side of this meeting.")
                    % {"person": item["person"], "country": country_name(item["country"])}
                )
        for code in side_codes:
            if code not in chaired:
                errors.setdefault("chairs", []).append(
                    _(
                        "This bi-national meeting needs a chair from each side: none is given "
                        "for %(country)s (%(code)s)."
                    )
                    % {"country": country_name(code), "code": code}
                )
    return cleaned


def _aware(value, zone_name: str, field: str, errors):
    if value is None:
        errors.setdefault(field, []).append(_("This field is required."))
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            errors.setdefault(field, []).append(_("Enter a valid date and time."))
            return None
    if not 1900 <= value.year <= 2200:
        errors.setdefault(field, []).append(_("Enter a year between 1900 and 2200."))
        return None
    if dj_timezone.is_naive(value):
        if zone_name not in _zones():
            return None  # reported on the time zone field
        value = dj_timezone.make_aware(value, zoneinfo.ZoneInfo(zone_name))
    return value.astimezone(zoneinfo.ZoneInfo("UTC"))


def _clean(values: dict) -> tuple[dict, list[dict] | None]:
    """Validated meeting fields (and chairs, when given); raises one ValidationError naming
    every field that is wrong."""
    errors: dict[str, list[str]] = {}
    data = dict(values)
    chairs = data.pop("chairs", None)
    if data.get("kind") not in MeetingKind.values:
        errors["kind"] = [_("Choose a kind of meeting.")]
    if data.get("language") not in LANGUAGES:
        errors["language"] = [_("Choose the language the meeting is described in.")]
    data["title"] = (data.get("title") or "").strip()
    if not data["title"]:
        errors["title"] = [_("Give the meeting a title.")]
    elif len(data["title"]) > 300:
        errors["title"] = [_("The title is longer than 300 characters.")]
    zone = (data.get("timezone") or "").strip()
    if zone not in _zones():
        errors["timezone"] = [
            _("“%(zone)s” is not a known time zone (e.g. Europe/Brussels).") % {"zone": zone}
        ]
    data["timezone"] = zone
    data["start"] = _aware(data.get("start"), zone, "start", errors)
    data["end"] = _aware(data.get("end"), zone, "end", errors)
    if data["start"] and data["end"] and data["end"] <= data["start"]:
        errors.setdefault("end", []).append(_("The end must be after the start."))
    if data.get("visibility") not in Visibility.values:
        errors["visibility"] = [_("Choose who may see the meeting.")]
    capacity = data.get("capacity")
    if capacity is not None and capacity != "" and int(capacity) < 1:
        errors["capacity"] = [_("The capacity is at least 1 (leave it empty for no limit).")]
    data["capacity"] = int(capacity) if capacity not in (None, "") else None
    data["address"] = (data.get("address") or "").strip()
    data["online_url"] = (data.get("online_url") or "").strip()
    if data["online_url"]:
        try:
            URLValidator(schemes=["http", "https"])(data["online_url"])
        except ValidationError:
            errors["online_url"] = [_("Enter a web address starting with https://.")]
    if not (data["online_url"] or data["address"] or data.get("territory")):
        errors.setdefault("online_url", []).append(_("Give a place, an online link, or both."))
    if data.get("organiser") is None:
        errors["organiser"] = [_("Choose the organising organisation.")]
    data["description"] = sanitise(data.get("description"))
    data["sides"] = _clean_sides(data.get("sides"), errors)
    cleaned_chairs = None
    if chairs is not None:
        cleaned_chairs = _clean_chairs(chairs, data["sides"], errors)
    if errors:
        raise ValidationError(errors)
    return data, cleaned_chairs


def require_can_organise_for(user, organiser) -> None:
    if user is not None and not can_act_for(user, organiser):
        raise PermissionDenied(_("You may only organise meetings for your own organisation."))


def _require_own_series(user, series) -> None:
    """A meeting joins only a series its organiser's editors run: the next agenda of a series
    shows the open actions of all its meetings."""
    if series is None or user is None:
        return
    if not can_act_for(user, series.organiser):
        raise ValidationError(
            {"series": [_("You may only add meetings to a series your organisation runs.")]}
        )


def _set_chairs(meeting: Meeting, chairs: list[dict]) -> None:
    meeting.chairs.all().delete()
    Chair.objects.bulk_create(
        Chair(meeting=meeting, position=position, **spec) for position, spec in enumerate(chairs)
    )


@transaction.atomic
def schedule_meeting(
    *,
    user,
    organiser,
    kind,
    language,
    title,
    start,
    end,
    timezone="Europe/Brussels",
    description="",
    series=None,
    territory=None,
    address="",
    online_url="",
    supporting=(),
    sides=(),
    visibility=Visibility.PUBLIC,
    capacity=None,
    chairs=(),
    is_demo=False,
) -> Meeting:
    """A new meeting with its chairs; a bi-national one needs a chair from each side."""
    values = {
        "organiser": organiser,
        "kind": kind,
        "language": language,
        "title": title,
        "start": start,
        "end": end,
        "timezone": timezone,
        "description": description,
        "series": series,
        "territory": territory,
        "address": address,
        "online_url": online_url,
        "sides": sides,
        "visibility": visibility,
        "capacity": capacity,
        "chairs": chairs,
    }
    if organiser is not None:
        require_can_organise_for(user, organiser)
    _require_own_series(user, series)
    data, cleaned_chairs = _clean(values)
    meeting = with_history_user(Meeting(is_demo=is_demo, **data), user)
    meeting.save()
    meeting.supporting.set(supporting or ())
    _set_chairs(meeting, cleaned_chairs or [])
    reindex(meeting)
    return meeting


@transaction.atomic
def update_meeting(meeting: Meeting, *, user, version, **fields) -> Meeting:
    """Change a meeting; every change bumps its version and its iCalendar SEQUENCE."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    require_organiser(user, locked)
    check_version(locked, version)
    unknown = set(fields) - set(MEETING_FIELDS) - {"chairs", "supporting"}
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed here.")] for name in unknown})
    if "organiser" in fields and fields["organiser"] != locked.organiser:
        require_can_organise_for(user, fields["organiser"])
    if "series" in fields and fields["series"] != locked.series:
        _require_own_series(user, fields["series"])
    supporting = fields.pop("supporting", None)
    values = {name: getattr(locked, name) for name in MEETING_FIELDS}
    values.update(fields)
    if "chairs" not in fields and "sides" in fields:
        values["chairs"] = [
            {
                "person": c.person,
                "post": c.post,
                "organisation": c.organisation,
                "country": c.country,
            }
            for c in locked.chairs.select_related("person", "post", "organisation")
        ]
    data, cleaned_chairs = _clean(values)
    before = notices.snapshot(locked)
    for name, value in data.items():
        setattr(locked, name, value)
    if locked.status != MeetingStatus.CANCELLED and notices.moved(before, locked):
        notices.notify_after_commit(locked, "moved")
    locked.version += 1
    locked.sequence += 1
    with_history_user(locked, user).save()
    if supporting is not None:
        locked.supporting.set(supporting)
    if cleaned_chairs is not None:
        _set_chairs(locked, cleaned_chairs)
    reindex(locked)
    return locked


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, user) -> Meeting:
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    require_organiser(user, locked)
    if locked.status == MeetingStatus.CANCELLED:
        return locked
    locked.status = MeetingStatus.CANCELLED
    locked.version += 1
    locked.sequence += 1
    with_history_user(locked, user).save(
        update_fields=["status", "version", "sequence", "updated_at"]
    )
    notices.notify_after_commit(locked, "cancelled")
    reindex(locked)
    return locked

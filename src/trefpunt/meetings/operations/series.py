"""Series of meetings: creating one, and scheduling the next meeting of a series."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Meeting, MeetingKind, Series
from .base import require_organiser, with_history_user
from .meetings import LANGUAGES, require_can_organise_for, schedule_meeting


@transaction.atomic
def create_series(
    *, user, organiser, slug, name, language, kind, description="", names=None, is_demo=False
) -> Series:
    require_can_organise_for(user, organiser)
    errors = {}
    if Series.objects.filter(slug=slug).exists():
        errors["slug"] = [_("A series with the identifier %(slug)s exists.") % {"slug": slug}]
    if not (name or "").strip():
        errors["name"] = [_("Give the series a name.")]
    if language not in LANGUAGES:
        errors["language"] = [_("Choose the language of the name.")]
    if kind not in MeetingKind.values:
        errors["kind"] = [_("Choose a kind of meeting.")]
    if errors:
        raise ValidationError(errors)
    series = with_history_user(
        Series(
            organiser=organiser,
            slug=slug,
            name=name.strip(),
            language=language,
            kind=kind,
            description=description,
            is_demo=is_demo,
        ),
        user,
    )
    series.save()
    for code, value in (names or {}).items():
        if code in LANGUAGES and code != language and value.strip():
            series.names.create(language=code, name=value.strip())
    return series


@transaction.atomic
def schedule_next_meeting(
    meeting: Meeting, *, user, start, end, title=None, timezone=None
) -> Meeting:
    """The next meeting of the series: same organiser, kind, place, chairs, sides and
    visibility. Open actions carry over by themselves (they are read, not copied)."""
    require_organiser(user, meeting)
    if meeting.series_id is None:
        slug = f"meeting-{meeting.pk}-series"
        series = Series.objects.filter(slug=slug).first() or create_series(
            user=user,
            organiser=meeting.organiser,
            slug=slug,
            name=meeting.title,
            language=meeting.language,
            kind=meeting.kind,
            is_demo=meeting.is_demo,
        )
        Meeting.objects.filter(pk=meeting.pk).update(series=series)
        meeting.series = series
    chairs = [
        {"person": c.person, "post": c.post, "organisation": c.organisation, "country": c.country}
        for c in meeting.chairs.select_related("person", "post", "organisation")
    ]
    return schedule_meeting(
        user=user,
        organiser=meeting.organiser,
        kind=meeting.kind,
        language=meeting.language,
        title=title or meeting.title,
        start=start,
        end=end,
        timezone=timezone or meeting.timezone,
        series=meeting.series,
        territory=meeting.territory,
        address=meeting.address,
        online_url=meeting.online_url,
        supporting=list(meeting.supporting.all()),
        sides=meeting.sides,
        visibility=meeting.visibility,
        capacity=meeting.capacity,
        chairs=chairs,
        is_demo=meeting.is_demo,
    )

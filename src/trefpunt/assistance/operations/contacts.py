"""24/7 contact points and major events."""

from django.db import transaction
from django.utils import timezone

from trefpunt.lib.content import with_history_user

from ..models import ChecklistItem, ContactPoint, Lesson, MajorEvent, PrePositioned
from .base import allowed, written


def save_contact(
    *,
    user,
    country: str,
    label: str,
    channel: str,
    value: str,
    organisation=None,
    region: str = "",
    hours: str = "24/7",
    last_verified=None,
    is_demo: bool = False,
) -> tuple[ContactPoint, bool]:
    allowed(user)
    with transaction.atomic():
        point = ContactPoint.objects.filter(
            country=country,
            region=region,
            organisation=organisation,
            channel=channel,
            value=value,
        ).first()
        created = point is None
        point = point or ContactPoint(
            country=country,
            region=region,
            organisation=organisation,
            channel=channel,
            value=value,
        )
        point.label, point.hours, point.is_demo = label, hours, is_demo
        point.last_verified = last_verified
        point.full_clean()
        with_history_user(point, user)
        point.save()
        written(user, "save contact point", point)
    return point, created


def verify_contact(point: ContactPoint, *, user, on=None) -> ContactPoint:
    allowed(user)
    with transaction.atomic():
        point.last_verified = on or timezone.localdate()
        point.version += 1
        with_history_user(point, user)
        point.save(update_fields=["last_verified", "version"])
        written(user, "verify contact point", point)
    return point


def save_event(*, user, slug: str, **values) -> tuple[MajorEvent, bool]:
    allowed(user)
    with transaction.atomic():
        event, created = MajorEvent.objects.update_or_create(slug=slug, defaults=values)
        written(user, "save major event", event)
    return event, created


def pre_position(event: MajorEvent, *, user, capability, quantity: int, note: str = ""):
    allowed(user)
    with transaction.atomic():
        placed, _created = PrePositioned.objects.update_or_create(
            event=event, capability=capability, defaults={"quantity": quantity, "note": note}
        )
        written(user, "pre-position capability", placed)
    return placed


def add_checklist_item(event: MajorEvent, *, user, text: str, done: bool = False):
    allowed(user)
    with transaction.atomic():
        item, _created = ChecklistItem.objects.get_or_create(
            event=event,
            text=text,
            defaults={"done": done, "position": event.checklist.count()},
        )
        written(user, "add checklist item", item)
    return item


def add_lesson(event: MajorEvent, *, user, text: str) -> Lesson:
    allowed(user)
    with transaction.atomic():
        lesson, _created = Lesson.objects.get_or_create(
            event=event,
            text=text,
            defaults={"author": user if getattr(user, "pk", None) else None},
        )
        written(user, "add lesson learned", lesson)
    return lesson

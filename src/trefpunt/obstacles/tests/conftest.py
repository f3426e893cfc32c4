from datetime import UTC, datetime

import pytest

from trefpunt.legal.models import Article, LegalAct
from trefpunt.obstacles import operations

SUBMITTED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _lexical_search(lexical_only):
    """Fast tests: no embedder unless a test asks for one (test_duplicates does)."""


@pytest.fixture
def report(menen):
    """``report(**overrides)``: an obstacle reported by Menen on the BE–FR border."""

    def make(**overrides):
        fields = {
            "user": None,
            "reporter": menen,
            "language": "nl",
            "title": "Grensarbeiders betalen dubbel voor thuiswerk",
            "description": "Franse grensarbeiders die in Menen werken en thuis werken, "
            "worden in beide landen belast.",
            "border": "BE-FR",
            "domain": "social_security",
            "interaction": "persons",
            "at": SUBMITTED,
        }
        fields.update(overrides)
        return operations.report_obstacle(**fields)

    return make


@pytest.fixture
def legal_act(db):
    act = LegalAct.objects.create(
        bwb_id="BWBV0002224", title="Benelux-Verdrag inzake grensoverschrijdende samenwerking"
    )
    Article.objects.create(act=act, number="3", anchor="art-3", position=3)
    return act


def move(obstacle, *steps, user=None):
    """Take ``obstacle`` through ``steps`` (statuses) as ``user``, with a reason each."""
    for status in steps:
        operations.transition_obstacle(obstacle, user=user, to_status=status, reason="Because.")
    obstacle.refresh_from_db()
    return obstacle

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from trefpunt.programme import operations, rollup
from trefpunt.programme.models import Deliverable


def test_a_project_of_weights_three_done_and_one_not_started_stands_at_75(three_to_one):
    assert rollup.weighted(three_to_one.deliverables.all()) == 75.0
    assert rollup.of_queryset(Deliverable.objects.filter(project=three_to_one)) == 75.0


def test_progress_rolls_up_to_the_annual_plan_and_the_objective(three_to_one, annual_2025):
    other = operations.create_project(
        annual_2025,
        user=None,
        slug="other",
        title="Other",
        language="en",
        lead_team=three_to_one.lead_team,
    )
    operations.add_deliverable(other, user=None, title="Half", weight=Decimal(4), progress=50)

    # (3×100 + 1×0 + 4×50) / 8 = 62.5; the objective holds only the first project.
    assert rollup.of_annual_plan(annual_2025) == 62.5
    assert rollup.by_objective(annual_2025.plan) == {three_to_one.objective_id: 75.0}


def test_cancelled_deliverables_do_not_count(three_to_one):
    late = three_to_one.deliverables.get(title="Risk map update")
    operations.update_deliverable(late, user=None, status="cancelled")

    assert rollup.weighted(three_to_one.deliverables.all()) == 100.0


def test_a_project_without_weight_has_no_progress(project):
    operations.add_deliverable(project, user=None, title="Free", weight=Decimal(0), progress=80)

    assert rollup.weighted(project.deliverables.all()) is None
    assert rollup.of_queryset(Deliverable.objects.filter(project=project)) is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"weight": Decimal(-1)}, "weight"), ({"progress": 101}, "progress")],
)
def test_bad_weights_and_progress_are_field_errors(project, fields, field):
    with pytest.raises(ValidationError) as error:
        operations.add_deliverable(project, user=None, title="Bad", **fields)

    assert list(error.value.message_dict) == [field]
    assert project.deliverables.count() == 0

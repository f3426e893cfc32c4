from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from trefpunt.organisations.models import Organisation
from trefpunt.programme import operations

WRITTEN = datetime(2024, 9, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def organisations(demo_directory):
    return {o.slug: o for o in Organisation.objects.all()}


@pytest.fixture
def plan(organisations):
    plan = operations.create_multi_annual_plan(
        user=None, start_year=2025, end_year=2028, title="Work programme 2025-2028", language="en"
    )
    operations.add_objective(
        plan, user=None, theme="justice_home_affairs", code="3", title="Crisis management"
    )
    return plan


@pytest.fixture
def annual_2025(plan):
    return operations.create_annual_plan(
        plan, user=None, year=2025, title="Annual plan 2025", language="en"
    )


@pytest.fixture
def project(annual_2025, organisations):
    return operations.create_project(
        annual_2025,
        user=None,
        slug="crisis-mapping",
        title="Crisis mapping",
        language="en",
        lead_team=organisations["sg-team-security"],
        objective=annual_2025.plan.objectives.get(code="3"),
    )


@pytest.fixture
def three_to_one(project):
    """Weight 3 at 100 % and weight 1 at 0 %: 75.0 %."""
    operations.add_deliverable(
        project,
        user=None,
        title="Risk map",
        weight=Decimal(3),
        progress=100,
        status="done",
        due_date=date(2025, 3, 31),
    )
    operations.add_deliverable(
        project,
        user=None,
        title="Risk map update",
        weight=Decimal(1),
        progress=0,
        due_date=date(2025, 10, 31),
    )
    return project


@pytest.fixture
def draft(plan):
    return operations.write_plan_text(
        plan,
        user=None,
        title="Work programme",
        text="Line one.\nLine two.",
        language="en",
        at=WRITTEN,
    )

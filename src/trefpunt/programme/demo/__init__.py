"""Demo work programme, written by us (``is_demo``), loaded from ``programme.json`` through the
app's operations: the plan 2025-2028 with its versions, consultation and approval, the annual
plans 2025 (LU) and 2026 (NL), projects with phases, partners and deliverables. Idempotent: a
plan whose period is already recorded is left alone."""

import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory

from .. import operations
from ..models import MultiAnnualPlan

DATA = Path(__file__).with_name("programme.json")


def _day(value: str) -> date:
    return date.fromisoformat(value)


def _moment(value: str) -> datetime:
    return timezone.make_aware(datetime.combine(_day(value), time(10, 0)))


def _versions(plan, items: list, organisations: dict) -> int:
    count = 0
    for item in items:
        version = operations.write_plan_text(
            plan,
            user=None,
            title=item["title"],
            text=item["text"],
            language=plan.language,
            at=_moment(item["at"]),
        )
        count += 1
        if "consultation" in item:
            opens, closes = item["consultation"]
            version = operations.open_consultation(
                version, user=None, opens=_day(opens), closes=_day(closes)
            )
        for comment in item.get("comments", []):
            operations.comment_on_version(
                version,
                user=None,
                organisation=organisations[comment["organisation"]],
                text=comment["text"],
                at=_moment(comment["at"]),
            )
            count += 1
        if "approval" in item:
            approval = item["approval"]
            operations.approve_version(
                version,
                user=None,
                body=organisations[approval["body"]],
                reference=approval["reference"],
                decided_on=_day(approval["date"]),
            )
            count += 1
    return count


def _project(item: dict, annual_plans: dict, objectives: dict, organisations: dict) -> int:
    project = operations.create_project(
        annual_plans[item["year"]],
        user=None,
        slug=item["slug"],
        title=item["title"],
        language=item["language"],
        summary=item["summary"],
        lead_team=organisations[item["lead_team"]],
        objective=objectives.get(item["objective"]),
        themes=item["themes"],
        territories=list(Territory.objects.filter(code__in=item["territories"])),
        is_demo=True,
    )
    for slug, role in item["partners"]:
        if slug in organisations:
            operations.add_partner(project, user=None, organisation=organisations[slug], role=role)
    phases = [
        operations.add_phase(project, user=None, name=name, start=_day(start), end=_day(end))
        for name, start, end in item["phases"]
    ]
    for deliverable in item["deliverables"]:
        fields = dict(deliverable)
        position = fields.pop("phase", None)
        operations.add_deliverable(
            project,
            user=None,
            phase=phases[position - 1] if position else None,
            title=fields.pop("title"),
            due_date=_day(fields.pop("due_date")),
            weight=Decimal(str(fields.pop("weight"))),
            **fields,
        )
    for report in item["reports"]:
        operations.report_progress(
            project, user=None, on=_day(report["date"]), text=report["text"], language="en"
        )
    return 1 + len(item["deliverables"]) + len(phases) + len(item["reports"])


def load(stdout=None) -> int:
    """Create the demo programme when its plan is missing; returns how many records."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    spec = data["plan"]
    if MultiAnnualPlan.objects.filter(slug=f"{spec['start_year']}-{spec['end_year']}").exists():
        return 0
    organisations = {o.slug: o for o in Organisation.objects.all()}
    plan = operations.create_multi_annual_plan(
        user=None,
        start_year=spec["start_year"],
        end_year=spec["end_year"],
        title=spec["title"],
        language=spec["language"],
        is_demo=True,
    )
    count = 1
    objectives = {}
    for position, item in enumerate(spec["objectives"]):
        objectives[item["code"]] = operations.add_objective(
            plan, user=None, position=position, **item
        )
        count += 1
    count += _versions(plan, spec["versions"], organisations)
    annual_plans = {}
    for item in data["annual_plans"]:
        annual = operations.create_annual_plan(
            plan,
            user=None,
            year=item["year"],
            title=item["title"],
            language=item["language"],
            presidency_priorities=item["presidency_priorities"],
            is_demo=True,
        )
        annual_plans[item["year"]] = annual
        count += 1 + _versions(annual, item["versions"], organisations)
    for item in data["projects"]:
        count += _project(item, annual_plans, objectives, organisations)
    return count


__all__ = ["load"]

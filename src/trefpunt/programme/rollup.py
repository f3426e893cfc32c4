"""Weighted progress, rolled up deliverable → project → annual plan → objective.

Each level's progress is Σ(weight × progress) / Σ(weight) over the deliverables beneath it
(OpenProject's roll-up by estimated work, where Decidim's accountability takes an unweighted
mean of results): a project with weight 3 at 100 % and weight 1 at 0 % stands at 75.0 %.
Cancelled deliverables do not count; no weight at all gives no figure (``None``)."""

from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, Sum

from .models import Deliverable, DeliverableStatus


def weighted(deliverables) -> float | None:
    """Progress of already loaded deliverables (e.g. a prefetched project's)."""
    counted = [d for d in deliverables if d.status != DeliverableStatus.CANCELLED]
    total = sum((Decimal(d.weight) for d in counted), Decimal(0))
    if not total:
        return None
    done = sum((Decimal(d.weight) * d.progress for d in counted), Decimal(0))
    return round(float(done / total), 1)


def of_queryset(deliverables) -> float | None:
    """Progress of a deliverables QuerySet, in one query."""
    product = ExpressionWrapper(
        F("weight") * F("progress"), output_field=DecimalField(max_digits=12, decimal_places=2)
    )
    sums = deliverables.counted().aggregate(done=Sum(product), total=Sum("weight"))
    if not sums["total"]:
        return None
    return round(float(Decimal(sums["done"]) / Decimal(sums["total"])), 1)


def of_annual_plan(annual_plan) -> float | None:
    return of_queryset(Deliverable.objects.filter(project__annual_plan=annual_plan))


def of_objective(objective) -> float | None:
    return of_queryset(Deliverable.objects.filter(project__objective=objective))


def by_objective(plan) -> dict[int, float | None]:
    """Progress of every objective of a multi-annual plan, in one query."""
    rows = (
        Deliverable.objects.counted()
        .filter(project__objective__plan=plan)
        .values("project__objective")
        .annotate(
            done=Sum(
                ExpressionWrapper(
                    F("weight") * F("progress"),
                    output_field=DecimalField(max_digits=12, decimal_places=2),
                )
            ),
            total=Sum("weight"),
        )
    )
    return {
        row["project__objective"]: (
            round(float(Decimal(row["done"]) / Decimal(row["total"])), 1) if row["total"] else None
        )
        for row in rows
    }

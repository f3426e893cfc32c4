"""Reads of the map, with their related rows fetched once. Who may read is ``access``."""

from django.db.models import Count, Prefetch, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from .models import (
    AssistanceRequest,
    AuditEntry,
    Capability,
    CapabilityKind,
    ContactPoint,
    MajorEvent,
    RequestEvent,
)


def kinds():
    return CapabilityKind.objects.prefetch_related("names")


def capabilities(kind: str | None = None, country: str | None = None):
    found = Capability.objects.active().with_related()
    if kind:
        found = found.of_kind(kind)
    if country:
        found = found.filter(country=country.upper())
    return found


def contacts():
    return ContactPoint.objects.select_related("organisation")


def requests():
    return AssistanceRequest.objects.select_related("kind", "requester").prefetch_related(
        "offers__provider",
        "offers__legal_basis",
        Prefetch("events", queryset=RequestEvent.objects.select_related("actor")),
    )


def events():
    return MajorEvent.objects.prefetch_related("pre_positioned__capability", "checklist", "lessons")


def audit():
    return AuditEntry.objects.all()


def one(queryset, **lookup):
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404(_("Not found."))
    return found


def mapping_table():
    """Capabilities by kind × country × region: number of capabilities and their quantity."""
    return list(
        Capability.objects.active()
        .values("kind__slug", "country", "region")
        .annotate(count=Count("pk"), quantity=Sum("quantity"))
        .order_by("kind__slug", "country", "region")
    )

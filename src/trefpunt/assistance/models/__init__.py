"""The crisis mutual-assistance map (restricted to crisis staff, see ``access``).

Nothing here is ever indexed for search, listed in feeds or sitemaps or exported publicly.
"""

from .audit import AuditAction, AuditEntry
from .capability import (
    Agreement,
    Capability,
    CapabilityKind,
    CapabilityKindName,
    CapabilityQuerySet,
    KindGroup,
    OwnerType,
)
from .contact import STALE_AFTER, Channel, ContactPoint
from .event import ChecklistItem, Lesson, MajorEvent, PrePositioned
from .request import (
    COUNTING,
    AssistanceRequest,
    Offer,
    OfferStatus,
    Priority,
    RequestEvent,
    RequestStatus,
)

__all__ = [
    "COUNTING",
    "STALE_AFTER",
    "Agreement",
    "AssistanceRequest",
    "AuditAction",
    "AuditEntry",
    "Capability",
    "CapabilityKind",
    "CapabilityKindName",
    "CapabilityQuerySet",
    "Channel",
    "ChecklistItem",
    "ContactPoint",
    "KindGroup",
    "Lesson",
    "MajorEvent",
    "Offer",
    "OfferStatus",
    "OwnerType",
    "PrePositioned",
    "Priority",
    "RequestEvent",
    "RequestStatus",
]

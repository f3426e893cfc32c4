"""Readable change history from django-simple-history: who, when, and which fields changed."""

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class HistoryEntry:
    date: datetime
    user: object
    kind: str  # "+" created, "~" changed, "-" deleted
    reason: str
    changes: list[str] = field(default_factory=list)


def recent_history(instance, limit: int = 10) -> list[HistoryEntry]:
    """The last ``limit`` changes of ``instance`` in two queries, newest first.

    Field differences are computed in memory between consecutive history rows (one extra row is
    fetched so the oldest shown entry can be compared too).
    """
    rows = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    entries = []
    for index, row in enumerate(rows[:limit]):
        older = rows[index + 1] if index + 1 < len(rows) else None
        changes = []
        if row.history_type == "~" and older is not None:
            # Plain fields only: comparing many-to-many fields would cost queries per entry.
            labels = {
                f.name: str(f.verbose_name)
                for f in instance._meta.fields
                if f.editable and f.name not in ("updated_at", "version")
            }
            delta = row.diff_against(older, included_fields=list(labels))
            changes = [labels.get(change.field, change.field) for change in delta.changes]
        entries.append(
            HistoryEntry(
                date=row.history_date,
                user=row.history_user,
                kind=row.history_type,
                reason=row.history_change_reason or "",
                changes=changes,
            )
        )
    return entries

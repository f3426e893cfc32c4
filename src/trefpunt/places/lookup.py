"""Name lookup: accent-, case- and language-insensitive, tolerant of typos.

Exact and prefix matches come from the database (``TerritoryName.folded`` is indexed); when they
find nothing, a fuzzy pass (RapidFuzz) runs over the distinct folded names, which are kept in
memory per process and refreshed when the set of names changes.
"""

import threading

from django.db.models import Case, Count, IntegerField, Max, Value, When
from rapidfuzz import fuzz, process

from trefpunt.lib.text import fold, variants

from .models import Level, Territory, TerritoryName

_LEVEL_RANK = Case(
    When(level=Level.MUNICIPALITY, then=Value(0)),
    When(level=Level.PLACE, then=Value(1)),
    When(level=Level.PROVINCE, then=Value(2)),
    When(level=Level.REGION, then=Value(3)),
    default=Value(4),
    output_field=IntegerField(),
)
_cache_lock = threading.Lock()
_cache: dict = {"version": None, "names": []}


def _folded_names() -> list[str]:
    version = tuple(TerritoryName.objects.aggregate(n=Count("id"), last=Max("id")).values())
    with _cache_lock:
        if _cache["version"] != version:
            _cache["names"] = list(
                TerritoryName.objects.order_by().values_list("folded", flat=True).distinct()
            )
            _cache["version"] = version
        return _cache["names"]


def ranked(queryset):
    """Municipalities before places before provinces; then by population, largest first."""
    return queryset.annotate(level_rank=_LEVEL_RANK).order_by("level_rank", "-population", "name")


def find_territory_ids(query: str, *, limit: int = 50, fuzzy_cutoff: float = 84) -> list[int]:
    """Ids of territories named like ``query``, best first (exact, then prefix, then fuzzy)."""
    keys = variants(query)
    if not keys:
        return []
    exact = TerritoryName.objects.filter(folded__in=keys)
    ids = list(
        ranked(Territory.objects.filter(names__in=exact).distinct()).values_list("pk", flat=True)[
            :limit
        ]
    )
    if len(ids) < limit:
        key = fold(query)
        prefix = Territory.objects.matching_name(key).exclude(pk__in=ids)
        ids += list(ranked(prefix).values_list("pk", flat=True)[: limit - len(ids)])
    if not ids and len(fold(query)) >= 4:
        key = fold(query)
        hits = process.extract(
            key, _folded_names(), scorer=fuzz.ratio, limit=10, score_cutoff=fuzzy_cutoff
        )
        close = [name for name, _score, _index in hits]
        if close:
            order = {name: rank for rank, name in enumerate(close)}
            rows = list(
                TerritoryName.objects.filter(folded__in=close).values_list(
                    "territory_id", "folded", "territory__population"
                )
            )
            rows.sort(key=lambda r: (order[r[1]], -(r[2] or 0)))
            for territory_id, _folded, _population in rows:
                if territory_id not in ids:
                    ids.append(territory_id)
    return ids[:limit]

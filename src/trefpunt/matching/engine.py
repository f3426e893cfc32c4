"""Comparable territories: the in-memory index and the query.

The index keeps, per feature, three float32 rows over all units — known (0/1), value (0 where
unknown) and value² — and one known row plus one 0/1 row per language for the language area.
For a query unit ``q`` the NaN-aware weighted distance of :mod:`~trefpunt.matching.features`
to every unit ``x`` expands to sums of those rows::

    Σ w·known_x·(q − x)² = Σ w·q²·known_x − 2·Σ w·q·x + Σ w·x²   (features known for q)

so a query is ~20 scaled row additions for the numerator and the renormalising weight, then
``np.argpartition`` for the top k: linear in the number of units, single-threaded on purpose
(a BLAS matrix product spreads over threads, and on a busy server its slowest percentile is
several times worse), about a millisecond for 100,000 units.

The score is ``exp(−d²)`` rounded to 3 decimals: 1.0 for units alike on every feature known
for both, 0.368 for units one standard deviation apart on every feature.

The index is cached per process and rebuilt when the territory table changes. The version is
the latest row of the territory history (django-simple-history): every write through
:mod:`trefpunt.places.operations`, ``save()`` and ``delete()`` adds one, including bulk updates
that leave ``updated_at`` untouched. Writes that bypass the history (``QuerySet.update()``,
raw SQL) must call :func:`forget_index`.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from contextlib import nullcontext
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Q
from django.utils import translation

from trefpunt.organisations.models import Relation, RelationKind
from trefpunt.places.models import Territory

from .features import LANGUAGES, NUMERIC, WEIGHTS, FeatureTable, Units, build_features
from .reasons import Facts, explain

Version = tuple[int | None, object]


@dataclass(frozen=True)
class Match:
    territory: Territory
    score: float  # 0..1, higher is more similar, rounded to 3 decimals
    reasons: list[str] = field(default_factory=list)


class MatchIndex:
    """Precomputed arrays for fast queries; immutable once built.

    ``rows`` is float32, one row per term of the expanded distance (see the module docstring)
    and one column per unit, so each term is a contiguous pass over memory.
    """

    def __init__(self, table: FeatureTable, version: Version | None = None) -> None:
        self.table = table
        self.version = version
        self.ids = table.ids
        self.codes = table.codes
        self.countries = table.countries
        self.rows = self._rows(table.values)
        self.row_of: dict[int, int] = {int(pk): row for row, pk in enumerate(self.ids)}
        # Rows are sorted by country: one slice per country.
        self.country_slices: dict[str, slice] = {}
        if len(self.countries):
            countries = self.countries.astype(str)
            starts = np.flatnonzero(np.r_[True, countries[1:] != countries[:-1]])
            ends = np.r_[starts[1:], len(countries)]
            for start, end in zip(starts, ends, strict=True):
                self.country_slices[countries[start]] = slice(int(start), int(end))

    @staticmethod
    def _rows(values: np.ndarray) -> np.ndarray:
        """Known, value and value² per numeric feature; known and one row per language."""
        known = np.isfinite(values)
        filled = np.where(known, values, 0.0)
        rows = []
        for column in range(len(NUMERIC)):
            rows += [known[:, column], filled[:, column], filled[:, column] ** 2]
        rows.append(known[:, len(NUMERIC)])  # the language columns are known together
        rows += [filled[:, len(NUMERIC) + i] for i in range(len(LANGUAGES))]
        return np.ascontiguousarray(np.array(rows, dtype=np.float32))

    @classmethod
    def from_units(
        cls, units: Units, version: Version | None = None, *, require_population: bool = True
    ) -> MatchIndex:
        return cls(build_features(units, require_population=require_population), version)

    def __len__(self) -> int:
        return len(self.ids)

    def facts(self, row: int) -> Facts:
        table = self.table
        return Facts.from_values(
            population=table.population[row],
            density=table.density[row],
            degurba=table.degurba[row],
            border_km=table.border_km[row],
            centre_role=table.centre_role[row],
            languages=table.languages[row],
        )

    def coefficients(self, row: int) -> tuple[np.ndarray, np.ndarray]:
        """How much of each index row the query's numerator and weight take."""
        query = self.table.values[row]
        numerator = np.zeros(len(self.rows))
        weight = np.zeros(len(self.rows))
        for column, name in enumerate(NUMERIC):
            value = query[column]
            if np.isfinite(value):
                w = WEIGHTS[name]
                at = 3 * column
                numerator[at : at + 3] = (w * value * value, -2.0 * w * value, w)
                weight[at] = w
        languages = query[len(NUMERIC) :]
        if np.isfinite(languages).all():
            # 0/1 values: (q − x)² = q + x·(1 − 2q), half the weight per language column.
            w = WEIGHTS["language"] / 2
            at = 3 * len(NUMERIC)
            numerator[at] = w * languages.sum()
            numerator[at + 1 :] = w * (1.0 - 2.0 * languages)
            weight[at] = WEIGHTS["language"]
        return numerator, weight

    def distances(self, row: int) -> np.ndarray:
        """Weighted mean squared difference to every unit; inf where nothing is comparable."""
        numerator_coefficients, weight_coefficients = self.coefficients(row)
        size = len(self)
        numerator = np.zeros(size, dtype=np.float32)
        weight = np.zeros(size, dtype=np.float32)
        scratch = np.empty(size, dtype=np.float32)
        for total, coefficients in (
            (numerator, numerator_coefficients),
            (weight, weight_coefficients),
        ):
            for at in np.flatnonzero(coefficients):
                np.multiply(self.rows[at], np.float32(coefficients[at]), out=scratch)
                total += scratch
        with np.errstate(divide="ignore", invalid="ignore"):
            distances = np.divide(numerator, weight, out=numerator)
        np.maximum(distances, 0.0, out=distances)  # float32 rounding can dip just below zero
        distances[~(weight > 0)] = np.inf
        return distances


def nearest_rows(
    index: MatchIndex,
    row: int,
    *,
    across_border: bool = False,
    limit: int = 10,
    exclude_rows: Collection[int] = (),
) -> tuple[np.ndarray, np.ndarray]:
    """Rows of the ``limit`` most similar units and their scores, best first.

    Never the query row itself; with ``across_border`` never a unit of the query's country.
    """
    if limit <= 0 or len(index) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0)
    distances = index.distances(row)
    distances[row] = np.inf
    if across_border:
        distances[index.country_slices[str(index.countries[row])]] = np.inf
    if exclude_rows:
        distances[np.fromiter(exclude_rows, dtype=np.int64)] = np.inf
    k = min(limit, len(distances))
    candidates = np.argpartition(distances, k - 1)[:k]
    candidates = candidates[np.isfinite(distances[candidates])]
    # Best first; equal distances in index order (country, code) so results are stable.
    candidates = candidates[np.lexsort((candidates, distances[candidates]))]
    return candidates, np.exp(-distances[candidates].astype(np.float64))


def comparable_codes(
    index: MatchIndex,
    row: int,
    *,
    across_border: bool = False,
    limit: int = 10,
    exclude_rows: Collection[int] = (),
) -> list[tuple[str, float]]:
    """``(code, score)`` of the most similar units, best first; pure numpy, no database."""
    rows, scores = nearest_rows(
        index, row, across_border=across_border, limit=limit, exclude_rows=exclude_rows
    )
    return [(str(index.codes[r]), round(float(s), 3)) for r, s in zip(rows, scores, strict=True)]


_lock = threading.Lock()
_cached: MatchIndex | None = None


def index_version() -> Version:
    """The latest row of the territory history, by primary key: one indexed lookup.

    Its date is part of the version because SQLite reuses the ids of rolled-back rows.
    """
    latest = (
        Territory.history.order_by("-history_id").values_list("history_id", "history_date").first()
    )
    return latest or (None, None)


def get_index() -> MatchIndex:
    """The process-wide index, rebuilt first when the territory table has changed."""
    global _cached
    version = index_version()
    index = _cached
    if index is not None and index.version == version:
        return index
    with _lock:
        if _cached is None or _cached.version != version:
            _cached = MatchIndex.from_units(Units.from_database(), version)
        return _cached


def forget_index() -> None:
    """Drop the cached index; the next query rebuilds it."""
    global _cached
    with _lock:
        _cached = None


def twinned_territory_ids(territory: Territory) -> set[int]:
    """Territories of organisations currently twinned with an organisation of ``territory``."""
    pairs = (
        Relation.objects.current()
        .filter(kind=RelationKind.TWINNED_WITH)
        .filter(Q(source__territory=territory) | Q(target__territory=territory))
        .values_list("source__territory_id", "target__territory_id")
    )
    found = {pk for pair in pairs for pk in pair if pk is not None}
    found.discard(territory.pk)
    return found


def comparable(
    territory: Territory,
    *,
    across_border: bool = False,
    limit: int = 10,
    language: str | None = None,
) -> list[Match]:
    """The territories most like ``territory``, best first, each with a score and reasons.

    ``across_border`` keeps other countries only. Territories already twinned with it are left
    out. Reasons are in ``language`` (default: the active language). Returns ``[]`` for a
    territory that is not a comparable unit or has no population: not enough data.

    Four queries once the index is warm: version, twinnings, territories, their names.
    """
    index = get_index()
    row = index.row_of.get(territory.pk)
    if row is None:
        return []
    exclude = {index.row_of[pk] for pk in twinned_territory_ids(territory) if pk in index.row_of}
    rows, scores = nearest_rows(
        index, row, across_border=across_border, limit=limit, exclude_rows=exclude
    )
    if not len(rows):
        return []
    found = (
        Territory.objects.filter(pk__in=index.ids[rows].tolist())
        .select_related("parent")
        .prefetch_related("names")
    )
    territories = {t.pk: t for t in found}
    mine = index.facts(row)
    with translation.override(language) if language else nullcontext():
        return [
            Match(
                territory=territories[pk],
                score=round(float(score), 3),
                reasons=explain(mine, index.facts(int(r))),
            )
            for r, score in zip(rows, scores, strict=True)
            if (pk := int(index.ids[r])) in territories
        ]

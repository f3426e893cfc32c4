"""The feature vector that says how alike two territories are.

Only *comparable units* take part: current municipalities and places (never countries, regions
or provinces), and only those with a known population, the one feature every comparison needs.

Features, in order of weight (the weight is the share of the distance a feature can carry):

============  ======  ===============================================================
feature       weight  value
============  ======  ===============================================================
population    3.0     log10(population)
border        2.0     proximity to a border, exp(−km / 25): 1 on the border, 0.37 at 25 km
                      (a border town), 0.02 at 100 km; see :func:`nearest_foreign_km`
degurba       1.5     Eurostat degree of urbanisation, ordinal: 1 city, 2 town, 3 rural
centre        1.0     population / largest population among units of the same parent
                      (or the same NUTS 3 region when the parent is unknown); 1.0 for the
                      largest; unknown for a unit alone in its group
language      1.0     language area: multi-hot over nl, fr, de, lb (the ``languages`` field)
density       1.0     log10(population / area in km²), when the area is known
============  ======  ===============================================================

Numeric features are standardised (z-score over the indexed units), so a weight compares like
with like. The language columns stay 0/1 and carry their weight as a block: two units with no
language in common differ by the full language weight, "fr,nl" against "fr" by half of it.

**Missing values** are NaN. The distance between two units uses only the features known for
both, renormalised by the weight of those features::

    d²(a, b) = Σ_f w_f · δ_f(a, b)² / Σ_f w_f        over f known for a and for b

so a unit without an area is compared on everything else, not pushed away by a guess.
Population is known for both by construction, so the denominator is never zero.

Themes shared by two territories' practices are a later feature (they need the practices app).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from trefpunt.places.models import Level, Territory

# Municipalities only: GeoNames places (districts such as Glanerbrug, part of Enschede) are
# points inside municipalities, never units to compare with one.
COMPARABLE_LEVELS: tuple[str, ...] = (Level.MUNICIPALITY.value,)
LANGUAGES: tuple[str, ...] = ("nl", "fr", "de", "lb")
WEIGHTS: dict[str, float] = {
    "population": 3.0,
    "border": 2.0,
    "degurba": 1.5,
    "centre": 1.0,
    "language": 1.0,
    "density": 1.0,
}
NUMERIC: tuple[str, ...] = ("population", "border", "degurba", "centre", "density")
# Matrix columns: the standardised numeric features, then one column per language.
COLUMNS: tuple[str, ...] = (*NUMERIC, *(f"language:{code}" for code in LANGUAGES))
BORDER_TOWN_KM = 25.0
EARTH_RADIUS_KM = 6371.0088
# Rows × points compared at once by nearest_foreign_km (~32 MB of float64).
_CHUNK_CELLS = 4_000_000


@dataclass
class Units:
    """Raw facts about units, one entry per unit, as equal-length numpy arrays.

    Missing numbers are NaN; a missing group or language area is the empty string.
    """

    ids: np.ndarray  # int64: territory primary key (or row number for a file)
    codes: np.ndarray  # str: territory code
    countries: np.ndarray  # str: ISO 3166 alpha-2
    population: np.ndarray  # float64
    area_km2: np.ndarray  # float64
    latitude: np.ndarray  # float64
    longitude: np.ndarray  # float64
    degurba: np.ndarray  # float64 (1, 2, 3 or NaN)
    groups: np.ndarray  # str: who a unit is a regional centre among ("" = unknown)
    languages: np.ndarray  # str: "fr,nl"

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence]) -> Units:
        """From ``(id, code, country, population, area_km2, latitude, longitude, degurba,
        group, languages)`` tuples, with ``None`` for what is not known."""
        columns = list(zip(*rows, strict=True)) or [()] * 10

        def numbers(values: Sequence) -> np.ndarray:
            return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

        def texts(values: Sequence) -> np.ndarray:
            return np.array([v or "" for v in values], dtype=object)

        return cls(
            ids=np.array(columns[0], dtype=np.int64),
            codes=texts(columns[1]),
            countries=texts(columns[2]),
            population=numbers(columns[3]),
            area_km2=numbers(columns[4]),
            latitude=numbers(columns[5]),
            longitude=numbers(columns[6]),
            degurba=numbers(columns[7]),
            groups=texts(columns[8]),
            languages=texts(columns[9]),
        )

    @classmethod
    def from_database(cls) -> Units:
        """Every current comparable unit, in one query.

        Units without a population are read too: their coordinates still mark where a border
        is. The regional-centre group is the parent, else the NUTS 3 region.
        """
        rows = (
            Territory.objects.current()
            .filter(level__in=COMPARABLE_LEVELS)
            .order_by()
            .values_list(
                "id",
                "code",
                "country",
                "population",
                "area_km2",
                "latitude",
                "longitude",
                "degurba",
                "parent_id",
                "nuts3",
                "languages",
            )
        )
        return cls.from_rows(
            (
                *row[:8],
                f"parent:{row[8]}" if row[8] is not None else (f"nuts3:{row[9]}" if row[9] else ""),
                row[10],
            )
            for row in rows
        )


@dataclass
class FeatureTable:
    """The comparable units with a population, sorted by country then code.

    ``values`` holds the standardised features (NaN = unknown); the other arrays keep the raw
    facts that reasons are stated from.
    """

    ids: np.ndarray
    codes: np.ndarray
    countries: np.ndarray
    values: np.ndarray  # float64, len(ids) × len(COLUMNS)
    population: np.ndarray
    density: np.ndarray
    degurba: np.ndarray
    border_km: np.ndarray
    centre_role: np.ndarray
    languages: np.ndarray  # str, as stored

    def __len__(self) -> int:
        return len(self.ids)


def column_weights() -> tuple[np.ndarray, np.ndarray]:
    """Per-column weights of the squared differences (numerator) and of presence (denominator).

    A language column carries half the language weight in the numerator, because a mismatch
    of one language is a difference in two columns, and a quarter in the denominator, because
    the four columns are known or unknown together.
    """
    numerator = [WEIGHTS[name] for name in NUMERIC]
    denominator = list(numerator)
    numerator += [WEIGHTS["language"] / 2] * len(LANGUAGES)
    denominator += [WEIGHTS["language"] / len(LANGUAGES)] * len(LANGUAGES)
    return np.array(numerator), np.array(denominator)


def build_features(units: Units, *, require_population: bool = True) -> FeatureTable:
    """Compute, standardise and sort the feature matrix.

    ``require_population=False`` keeps units without a population (only for measuring how the
    search scales; results would then rest on DEGURBA and language alone).
    """
    population = np.where(units.population > 0, units.population, np.nan)
    border_km = nearest_foreign_km(units.latitude, units.longitude, units.countries)
    centre_role = centre_roles(population, units.groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        density = np.where(units.area_km2 > 0, population / units.area_km2, np.nan)

    keep = np.isfinite(population) if require_population else np.ones(len(units), dtype=bool)
    kept = np.flatnonzero(keep)
    # Country then code: each country is one contiguous slice, and ties break the same way.
    kept = kept[np.lexsort((units.codes[kept].astype(str), units.countries[kept].astype(str)))]

    with np.errstate(divide="ignore", invalid="ignore"):
        numeric = np.column_stack(
            [
                np.log10(population[kept]),
                border_proximity(border_km[kept]),
                units.degurba[kept],
                centre_role[kept],
                np.log10(density[kept]),
            ]
        )
    means, scales = _moments(numeric)
    standardised = (numeric - means) / scales
    values = np.hstack([standardised, language_matrix(units.languages[kept])])

    return FeatureTable(
        ids=units.ids[kept],
        codes=units.codes[kept],
        countries=units.countries[kept],
        values=values,
        population=population[kept],
        density=density[kept],
        degurba=units.degurba[kept],
        border_km=border_km[kept],
        centre_role=centre_role[kept],
        languages=units.languages[kept],
    )


def border_proximity(km: np.ndarray) -> np.ndarray:
    """exp(−km / BORDER_TOWN_KM): differences inside the border zone and far inland count
    little, crossing the 25 km that make a border town counts most."""
    return np.exp(-km / BORDER_TOWN_KM)


def _moments(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard deviation per column over known values; 0 and 1 when undefined."""
    known = np.isfinite(matrix)
    counts = known.sum(axis=0)
    filled = np.where(known, matrix, 0.0)
    means = np.divide(filled.sum(axis=0), counts, out=np.zeros(matrix.shape[1]), where=counts > 0)
    squares = np.where(known, (matrix - means) ** 2, 0.0).sum(axis=0)
    variances = np.divide(squares, counts, out=np.zeros(matrix.shape[1]), where=counts > 0)
    scales = np.sqrt(variances)
    return means, np.where(scales > 0, scales, 1.0)


def language_matrix(languages: np.ndarray) -> np.ndarray:
    """Multi-hot over LANGUAGES; a row of NaN where the language area is not known."""
    matrix = np.full((len(languages), len(LANGUAGES)), np.nan)
    for value in np.unique(languages):
        if not value:
            continue
        codes = {part.strip() for part in value.split(",")}
        matrix[languages == value] = [1.0 if code in codes else 0.0 for code in LANGUAGES]
    return matrix


def centre_roles(population: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """population / the largest population of the unit's group; NaN when not meaningful.

    Unknown for a unit without a group, without a population, or alone in its group (a unit
    is not a regional centre of nothing).
    """
    roles = np.full(len(population), np.nan)
    counted = np.isfinite(population) & (groups != "")
    if not counted.any():
        return roles
    keys, inverse = np.unique(groups[counted].astype(str), return_inverse=True)
    largest = np.zeros(len(keys))
    np.maximum.at(largest, inverse, population[counted])
    sizes = np.bincount(inverse, minlength=len(keys))
    members = np.flatnonzero(counted)
    shared = sizes[inverse] >= 2
    roles[members[shared]] = population[members[shared]] / largest[inverse[shared]]
    return roles


def unit_vectors(latitude: np.ndarray, longitude: np.ndarray) -> np.ndarray:
    lat = np.radians(latitude)
    lon = np.radians(longitude)
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def nearest_foreign_km(
    latitude: np.ndarray, longitude: np.ndarray, countries: np.ndarray
) -> np.ndarray:
    """Great-circle km from each unit to the nearest unit of another country.

    An approximation of the distance to the border from the points that are loaded: it is
    only as good as their density on the other side (a unit whose foreign neighbours are not
    loaded looks further from the border than it is). NaN without coordinates or without any
    foreign unit with coordinates.

    Exact brute force on unit vectors: the nearest point has the largest dot product. It is
    O(n · m) but chunked so memory stays bounded; ~10,000 points take well under a second.
    """
    distances = np.full(len(latitude), np.nan)
    located = np.isfinite(latitude) & np.isfinite(longitude)
    if not located.any():
        return distances
    vectors = unit_vectors(latitude[located], longitude[located])
    where = np.flatnonzero(located)
    located_countries = countries[located].astype(str)
    for country in np.unique(located_countries):
        mine = located_countries == country
        foreign = vectors[~mine]
        if not len(foreign):
            continue
        rows = np.flatnonzero(mine)
        step = max(1, _CHUNK_CELLS // len(foreign))
        for start in range(0, len(rows), step):
            chunk = rows[start : start + step]
            closest = (vectors[chunk] @ foreign.T).max(axis=1)
            distances[where[chunk]] = np.arccos(np.clip(closest, -1.0, 1.0)) * EARTH_RADIUS_KM
    return distances

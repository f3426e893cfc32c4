import math

import numpy as np
import pytest

from trefpunt.matching.engine import MatchIndex, nearest_rows
from trefpunt.matching.features import (
    COLUMNS,
    EARTH_RADIUS_KM,
    Units,
    build_features,
    centre_roles,
    column_weights,
    language_matrix,
    nearest_foreign_km,
)

NAN = math.nan
ONE_DEGREE_KM = EARTH_RADIUS_KM * math.pi / 180


def _units(*rows):
    """(code, country, population, area, lat, lon, degurba, group, languages) per unit."""
    return Units.from_rows(
        (number, code, country, population, area, lat, lon, degurba, group, languages)
        for number, (code, country, population, area, lat, lon, degurba, group, languages) in (
            enumerate(rows, start=1)
        )
    )


def test_the_border_distance_is_to_the_nearest_unit_of_another_country():
    km = nearest_foreign_km(
        np.array([50.0, 51.0, 50.0, NAN, 52.0]),
        np.array([4.0, 4.0, 4.5, 4.0, 4.0]),
        np.array(["BE", "NL", "BE", "BE", "NL"], dtype=object),
    )

    assert km[0] == pytest.approx(ONE_DEGREE_KM, rel=1e-9)
    assert km[1] == pytest.approx(ONE_DEGREE_KM, rel=1e-9)  # to (50, 4), not to (50, 4.5)
    assert km[4] == pytest.approx(2 * ONE_DEGREE_KM, rel=1e-9)
    assert km[2] > km[0]
    assert math.isnan(km[3])  # no coordinates


def test_without_a_foreign_unit_the_border_distance_is_unknown():
    km = nearest_foreign_km(np.array([50.0, 51.0]), np.array([4.0, 5.0]), np.array(["BE", "BE"]))

    assert np.isnan(km).all()


def test_the_largest_unit_of_its_group_is_its_centre():
    roles = centre_roles(
        np.array([100.0, 50.0, 80.0, 70.0, NAN, 10.0]),
        np.array(["a", "a", "b", "", "a", "c"], dtype=object),
    )

    assert roles[:2].tolist() == [1.0, 0.5]
    # Alone in its group, without a group, without a population: not known.
    assert np.isnan(roles[2:]).all()


def test_the_language_area_is_multi_hot_and_unknown_when_empty():
    matrix = language_matrix(np.array(["fr,nl", "lb,fr,de", "nl", ""], dtype=object))

    assert matrix[:3].tolist() == [[1, 1, 0, 0], [0, 1, 1, 1], [1, 0, 0, 0]]
    assert np.isnan(matrix[3]).all()


def test_only_units_with_a_population_are_kept_sorted_by_country_and_code():
    table = build_features(
        _units(
            ("NL:2", "NL", 2_000, 10.0, None, None, 3, "g", "nl"),
            ("BE:9", "BE", 40_000, 20.0, None, None, 1, "g", "nl"),
            ("BE:1", "BE", None, 20.0, None, None, 2, "g", "nl"),
            ("BE:3", "BE", 9_000, None, None, None, 2, "g", "fr"),
        )
    )

    assert table.codes.tolist() == ["BE:3", "BE:9", "NL:2"]
    assert table.population.tolist() == [9_000, 40_000, 2_000]
    population = table.values[:, COLUMNS.index("population")]
    assert population.mean() == pytest.approx(0.0, abs=1e-12)
    assert population.std() == pytest.approx(1.0)
    assert math.isnan(table.density[0])
    assert table.density[1] == 2_000


def test_the_index_distance_is_the_documented_formula():
    rng = np.random.default_rng(7)
    size = 400
    population = rng.integers(500, 500_000, size).astype(float)
    area = np.where(rng.random(size) < 0.2, np.nan, rng.uniform(5, 300, size))
    degurba = np.where(rng.random(size) < 0.1, np.nan, rng.integers(1, 4, size))
    languages = rng.choice(["nl", "fr", "de", "fr,nl", "lb,fr,de", ""], size)
    units = Units(
        ids=np.arange(size),
        codes=np.array([f"X:{i:04}" for i in range(size)], dtype=object),
        countries=rng.choice(["BE", "NL", "FR", "DE", "LU"], size).astype(object),
        population=population,
        area_km2=area,
        latitude=np.where(rng.random(size) < 0.3, np.nan, rng.uniform(49, 52, size)),
        longitude=rng.uniform(2, 7, size),
        degurba=degurba,
        groups=rng.choice(["a", "b", "c", ""], size).astype(object),
        languages=languages.astype(object),
    )
    index = MatchIndex.from_units(units)
    values = index.table.values
    numerator_weights, denominator_weights = column_weights()

    for row in range(0, size, 37):
        both = np.isfinite(values) & np.isfinite(values[row])
        squares = np.where(both, (values - values[row]) ** 2, 0.0)
        expected = (squares @ numerator_weights) / (both @ denominator_weights)
        np.testing.assert_allclose(index.distances(row), expected, rtol=1e-4, atol=1e-5)

        rows, scores = nearest_rows(index, row, limit=5)
        expected[row] = np.inf
        np.testing.assert_allclose(scores, np.exp(-np.sort(expected)[:5]), rtol=1e-4)


def test_a_language_mismatch_costs_the_full_language_weight():
    units = _units(
        ("A", "BE", 10_000, None, None, None, None, "", "nl"),
        ("B", "FR", 10_000, None, None, None, None, "", "fr"),
        ("C", "BE", 10_000, None, None, None, None, "", "fr,nl"),
    )
    index = MatchIndex.from_units(units)

    # Population (weight 3) equal, language (weight 1) all or half different.
    assert index.codes.tolist() == ["A", "C", "B"]
    assert index.distances(0).tolist() == pytest.approx([0.0, 0.125, 0.25])

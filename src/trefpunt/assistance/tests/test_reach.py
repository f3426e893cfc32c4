import math

import numpy as np
import pytest

from trefpunt.assistance import reach


def test_one_degree_of_latitude_is_111_19_km_straight():
    assert reach.great_circle_km(50.0, 4.0, 51.0, 4.0) == pytest.approx(111.1951, abs=1e-4)


def test_arrival_adds_activation_to_the_detoured_drive_at_70_kmh():
    # 111.1951 km × 1.3 = 144.5536 km; / 70 km/h × 60 = 123.9031 min; + 15 min activation.
    assert reach.arrival_minutes(15, 50.0, 4.0, 51.0, 4.0) == pytest.approx(138.9031, abs=1e-4)


def test_menen_to_kortrijk_is_about_12_minutes_without_activation():
    km = reach.great_circle_km(50.797, 3.122, 50.8279, 3.2649)
    assert round(km, 2) == 10.61
    assert round(reach.arrival_minutes(0, 50.797, 3.122, 50.8279, 3.2649), 1) == 11.8


def test_the_vectorised_distance_equals_the_scalar_one():
    lats, lons = np.array([51.0, 49.6]), np.array([4.0, 6.13])
    rad = np.radians(lats)
    many = reach.great_circle_km_many(50.0, 4.0, rad, np.radians(lons), np.cos(rad))
    assert many[0] == pytest.approx(reach.great_circle_km(50.0, 4.0, 51.0, 4.0), rel=1e-12)
    assert many[1] == pytest.approx(reach.great_circle_km(50.0, 4.0, 49.6, 6.13), rel=1e-12)


def test_the_area_covers_the_benelux_and_neighbours_only():
    assert reach.in_area(50.797, 3.122)
    assert not reach.in_area(40.4, -3.7)  # Madrid
    assert not math.isnan(reach.DETOUR_FACTOR)

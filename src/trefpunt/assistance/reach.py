"""The arrival-time model: how long until a capability reaches a point.

    road_km         = great-circle distance (haversine, R = 6371.0088 km) × DETOUR_FACTOR
    arrival_minutes = activation_minutes + road_km / SPEED_KMH × 60

``DETOUR_FACTOR`` = 1.3: road networks in north-western Europe are typically 1.2–1.4 times the
straight line between two points; 1.3 is the usual middle value for such estimates.
``SPEED_KMH`` = 70: an average over motorway and secondary roads for emergency convoys and
heavy vehicles, not a blue-light car's top speed. The estimate ignores ferries, closures and
border checks; it ranks, it does not promise. Both constants are module-level so a deployment
can measure and adjust them.

The area where points are accepted (``AREA``): the Benelux and its neighbours — latitude 47–54,
longitude 1–10.5 (covers Hauts-de-France, Grand Est, North Rhine-Westphalia).
"""

import math

import numpy as np

EARTH_RADIUS_KM = 6371.0088
DETOUR_FACTOR = 1.3
SPEED_KMH = 70.0
AREA = {"lat": (47.0, 54.0), "lon": (1.0, 10.5)}


def in_area(latitude: float, longitude: float) -> bool:
    (lat_min, lat_max), (lon_min, lon_max) = AREA["lat"], AREA["lon"]
    return lat_min <= latitude <= lat_max and lon_min <= longitude <= lon_max


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def road_km(great_circle: float) -> float:
    return great_circle * DETOUR_FACTOR


def driving_minutes(road: float) -> float:
    return road / SPEED_KMH * 60.0


def arrival_minutes(activation_minutes: float, lat1, lon1, lat2, lon2) -> float:
    return activation_minutes + driving_minutes(road_km(great_circle_km(lat1, lon1, lat2, lon2)))


def great_circle_km_many(lat: float, lon: float, lats_rad, lons_rad, cos_lats) -> np.ndarray:
    """Vectorised haversine from one point (degrees) to arrays of points (radians)."""
    p = math.radians(lat)
    h = (
        np.sin((lats_rad - p) / 2) ** 2
        + math.cos(p) * cos_lats * np.sin((lons_rad - math.radians(lon)) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0)))

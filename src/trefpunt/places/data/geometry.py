"""Small planar geometry on WGS84 coordinates, for building the packaged gazetteer.

Pure Python on purpose (no GEOS at build or run time): Douglas-Peucker simplification, ring
area and centroid on an equirectangular projection (good to a few per mille at these
latitudes), point in polygon, convex hull, and the union of polygons that share edges
exactly (as those from one topology do) by cancelling every edge used twice.
"""

import math
from collections import defaultdict

EARTH_KM_PER_DEGREE = 111.32


def _perpendicular(point, start, end) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def simplify_line(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iterative (rings of thousands of points stay within the stack)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, distance = 0, 0.0
        for i in range(first + 1, last):
            d = _perpendicular(points[i], points[first], points[last])
            if d > distance:
                index, distance = i, d
        if distance > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_ring(ring: list, tolerance: float, digits: int) -> list | None:
    """A closed ring simplified and rounded; None when it collapses below a triangle."""
    if len(ring) > 4:
        # Split the ring in two so the closing point is not the only fixed vertex.
        half = len(ring) // 2
        points = simplify_line(ring[: half + 1], tolerance)[:-1] + simplify_line(
            ring[half:], tolerance
        )
    else:
        points = list(ring)
    rounded = []
    for x, y in points:
        point = [round(x, digits), round(y, digits)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded if len(rounded) >= 4 else None


def polygons_of(geometry: dict) -> list[list]:
    """The polygons (lists of rings) of a Polygon or MultiPolygon geometry."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    return []


def simplify(polygons: list[list], tolerance: float, digits: int) -> dict | None:
    result = []
    for polygon in polygons:
        outer = simplify_ring(polygon[0], tolerance, digits)
        if outer is None:
            continue
        holes = [r for r in (simplify_ring(h, tolerance, digits) for h in polygon[1:]) if r]
        result.append([outer, *holes])
    if not result:
        return None
    if len(result) == 1:
        return {"type": "Polygon", "coordinates": result[0]}
    return {"type": "MultiPolygon", "coordinates": result}


def _ring_area_centroid(ring: list) -> tuple[float, float, float]:
    """Signed area (km²) and centroid (lon, lat) of a ring."""
    lat0 = sum(p[1] for p in ring) / len(ring)
    kx = EARTH_KM_PER_DEGREE * math.cos(math.radians(lat0))
    ky = EARTH_KM_PER_DEGREE
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return area / 2 * kx * ky, cx / (3 * area), cy / (3 * area)


def area_and_centroid(polygons: list[list]) -> tuple[float, float, float]:
    """Area in km² and area-weighted centroid (lat, lon) of polygons with holes."""
    total = sx = sy = 0.0
    for polygon in polygons:
        for index, ring in enumerate(polygon):
            area, x, y = _ring_area_centroid(ring)
            area = abs(area) if index == 0 else -abs(area)
            total += area
            sx += x * area
            sy += y * area
    if total <= 0:
        first = polygons[0][0][0]
        return 0.0, first[1], first[0]
    return total, sy / total, sx / total


def contains(polygons: list[list], lon: float, lat: float) -> bool:
    inside = False
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
                if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
                    inside = not inside
    return inside


def convex_hull(points: list[tuple[float, float]]) -> dict:
    """Monotone chain; a Polygon geometry (lon, lat)."""
    pts = sorted(set(points))

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    ring = [list(p) for p in lower[:-1] + upper[:-1]]
    ring.append(ring[0])
    return {"type": "Polygon", "coordinates": [ring]}


def dissolve(polygons: list[list], digits: int = 5) -> list[list]:
    """Union of polygons that share exact edges: edges used twice cancel, the rest are chained.

    Returns rings (outer and holes alike) as polygons of one ring each, largest first: enough
    for an outline drawn without fill rules. Small gaps from unmatched vertices stay as
    slivers; rings that cannot be closed are dropped.
    """
    count: dict[tuple, int] = defaultdict(int)
    directed: list[tuple] = []
    for polygon in polygons:
        for ring in polygon:
            pts = [(round(x, digits), round(y, digits)) for x, y in ring]
            for a, b in zip(pts, pts[1:], strict=False):
                if a == b:
                    continue
                count[frozenset((a, b))] += 1
                directed.append((a, b))
    nexts: dict[tuple, list] = defaultdict(list)
    for a, b in directed:
        if count[frozenset((a, b))] == 1:
            nexts[a].append(b)
    rings = []
    while nexts:
        start = next(iter(nexts))
        ring = [start]
        current = start
        while True:
            options = nexts.get(current)
            if not options:
                break
            following = options.pop()
            if not options:
                del nexts[current]
            ring.append(following)
            current = following
            if current == start:
                break
        if len(ring) >= 4 and ring[0] == ring[-1]:
            rings.append([list(p) for p in ring])
    rings.sort(key=lambda r: -abs(_ring_area_centroid(r)[0]))
    return [[ring] for ring in rings]

"""Build the bundled world map from world-atlas's `countries-50m.json` (TopoJSON, Natural Earth 1:50m).

    python -m landmine_monitor.site.maps.build PATH/TO/countries-50m.json [--output PATH]

Get the input with `npm pack world-atlas@2` (then `tar xzf world-atlas-*.tgz`): the file is
`package/countries-50m.json`, and `package/package.json` beside it gives the version recorded in the
output. The raw package is never committed; only the output, `data/world-50m.json`, is.

What it does, with no dependency beyond the project's own:

1. decodes the TopoJSON arcs (quantized, delta-encoded, with the topology's transform);
2. simplifies each arc once (Douglas–Peucker in projected pixels), so that a border two states share
   stays one line;
3. assembles each state's rings and cuts those that cross the antimeridian (Russia's Chukotka,
   Fiji) into pieces closed along the ±180° meridian, and closes Antarctica through the pole;
4. projects with the Equal Earth projection (Šavrič, Patterson & Jenny 2018) onto a viewBox
   1000 px wide, north up;
5. writes each state's SVG path (0.1 px precision, relative coordinates, duplicate points dropped),
   its projected area and the centroid of its largest part (for the markers of small states).

The output is deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

WIDTH = 1000  # viewBox width in px
PRECISION = 10  # path coordinates are integers in tenths of a px
TOLERANCE = 0.1  # px: Douglas–Peucker tolerance, below what a reader can see at full width
MERIDIAN_STEP = 1.0  # degrees of latitude between the points of a ring closed along ±180°
POLE_LATITUDE = 89.9  # a ring entirely beyond this is the pole itself, a TopoJSON artefact

OUTPUT = Path(__file__).resolve().parent / "data" / "world-50m.json"

# Equal Earth (Šavrič, Patterson & Jenny, "The Equal Earth map projection", IJGIS 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2

LonLat = tuple[float, float]
Ring = list[LonLat]


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth in the unit sphere's units: x east, y north; degrees in."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX = equal_earth(180, 0)[0]
Y_MAX = equal_earth(0, 90)[1]
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = round(2 * Y_MAX * SCALE, 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    """To viewBox pixels: origin top left, y down (north up on screen)."""
    x, y = equal_earth(lon, lat)
    return (x + X_MAX) * SCALE, (Y_MAX - y) * SCALE


# -- TopoJSON ---------------------------------------------------------------------------------


def decode_arcs(topology: dict) -> list[list[LonLat]]:
    """The arcs in longitude/latitude: quantized positions are delta-encoded, then scaled."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for position in arc:
            x += position[0]
            y += position[1]
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def ring_of(indexes: list[int], arcs: list[list]) -> list:
    """A ring from arc indexes: ~i is arc i reversed; each arc starts where the last ended."""
    ring: list = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


# -- simplification ---------------------------------------------------------------------------


def _jumps(a: LonLat, b: LonLat) -> bool:
    """Whether a segment crosses the antimeridian (it cannot be drawn as a straight line)."""
    return abs(b[0] - a[0]) > 180


def _douglas_peucker(points: list[tuple[float, float]], tolerance: float) -> list[int]:
    """Indexes of the points kept, first and last always."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        farthest, distance = -1, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / length
            if d > distance:
                farthest, distance = i, d
        if farthest >= 0:
            keep.add(farthest)
            stack.extend([(first, farthest), (farthest, last)])
    return sorted(keep)


def simplify_arc(arc: list[LonLat], tolerance: float | None = None) -> list[LonLat]:
    """The arc with the points a reader could not see dropped; both ends of a segment crossing the
    antimeridian are kept, so that the cut happens where the data has it."""
    tolerance = TOLERANCE if tolerance is None else tolerance
    runs, start = [], 0
    for i in range(1, len(arc)):
        if _jumps(arc[i - 1], arc[i]):
            runs.append((start, i - 1))
            start = i
    runs.append((start, len(arc) - 1))
    kept: list[LonLat] = []
    for first, last in runs:
        run = arc[first : last + 1]
        kept.extend(run[i] for i in _douglas_peucker([project(*p) for p in run], tolerance))
    return kept


# -- the antimeridian -------------------------------------------------------------------------


def _crossing_latitude(a: LonLat, b: LonLat) -> float:
    """Where the segment a→b, going the short way round, meets the ±180° meridian."""
    side = 180.0 if a[0] > 0 else -180.0
    b_lon = b[0] + 360 if side > 0 else b[0] - 360
    if b_lon == a[0]:
        return a[1]
    t = (side - a[0]) / (b_lon - a[0])
    return a[1] + t * (b[1] - a[1])


def _meridian(side: float, from_lat: float, to_lat: float) -> Ring:
    """Points along the meridian `side` strictly between two latitudes."""
    steps = int(abs(to_lat - from_lat) / MERIDIAN_STEP)
    return [(side, from_lat + (to_lat - from_lat) * k / (steps + 1)) for k in range(1, steps + 1)]


def cut_ring(ring: Ring) -> list[Ring]:
    """The ring as one or more rings that do not cross the antimeridian.

    An even number of crossings: each piece between two crossings lies on one side and is closed
    along that side's meridian. An odd number: the ring goes round a pole, and its one open piece
    is closed by going along the meridian to the pole, along the pole line and back up.
    """
    if ring and ring[0] == ring[-1]:
        ring = ring[:-1]
    if len(ring) < 3 or all(abs(lat) > POLE_LATITUDE for _, lat in ring):
        return []
    n = len(ring)
    crossings = [i for i in range(n) if _jumps(ring[i], ring[(i + 1) % n])]
    if not crossings:
        return [ring]
    # Start just after a crossing, so that every piece begins and ends on the meridian.
    start = (crossings[0] + 1) % n
    ordered = ring[start:] + ring[:start]
    first_lat = _crossing_latitude(ring[crossings[0]], ring[(crossings[0] + 1) % n])
    first_side = 180.0 if ordered[0][0] > 0 else -180.0
    pieces: list[Ring] = []
    piece: Ring = [(first_side, first_lat)]
    for i, point in enumerate(ordered):
        piece.append(point)
        following = ordered[(i + 1) % n]
        if _jumps(point, following):
            lat = _crossing_latitude(point, following)
            side = 180.0 if point[0] > 0 else -180.0
            piece.append((side, lat))
            pieces.append(piece)
            piece = [(-side, lat)]
    if len(crossings) % 2 == 0:
        closed = []
        for piece in pieces:
            side = piece[-1][0]
            closed.append(piece + _meridian(side, piece[-1][1], piece[0][1]))
        return closed
    # Round a pole: one piece, starting on one meridian and ending on the other.
    (piece,) = pieces
    pole = 90.0 if sum(lat for _, lat in piece) > 0 else -90.0
    end_side, start_side = piece[-1][0], piece[0][0]
    return [
        piece
        + _meridian(end_side, piece[-1][1], pole)
        + [(end_side, pole), (start_side, pole)]
        + _meridian(start_side, pole, piece[0][1])
    ]


# -- geometry in the plane --------------------------------------------------------------------


def signed_area(points: list[tuple[float, float]]) -> float:
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True)) / 2
    )


def centroid(points: list[tuple[float, float]]) -> tuple[float, float]:
    area = signed_area(points)
    if area == 0:
        xs, ys = zip(*points, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


def _number(tenths: int) -> str:
    """A coordinate in tenths of a px, as short as SVG allows: 12 → 1.2, -5 → -.5, 30 → 3."""
    sign = "-" if tenths < 0 else ""
    whole, tenth = divmod(abs(tenths), PRECISION)
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{tenth}"


def path_data(rings: list[list[tuple[float, float]]]) -> str:
    """SVG path data: per ring an absolute move, relative lines, a close; 0.1 px precision,
    repeated points dropped, rings that shrink below a triangle left out."""
    parts = []
    for ring in rings:
        grid: list[tuple[int, int]] = []
        for x, y in ring:
            point = (round(x * PRECISION), round(y * PRECISION))
            if not grid or grid[-1] != point:
                grid.append(point)
        while len(grid) > 1 and grid[-1] == grid[0]:
            grid.pop()
        if len(set(grid)) < 3:
            continue
        (x0, y0), out = grid[0], []
        out.append(f"M{_number(x0)} {_number(y0)}l")
        previous, numbers = grid[0], []
        for point in grid[1:]:
            for delta in (point[0] - previous[0], point[1] - previous[1]):
                text = _number(delta)
                numbers.append(text if not numbers or text.startswith("-") else " " + text)
            previous = point
        out.append("".join(numbers))
        out.append("z")
        parts.append("".join(out))
    return "".join(parts)


# -- the build --------------------------------------------------------------------------------


@dataclass
class Feature:
    key: str
    name: str
    polygons: list[list[list[int]]]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def features_of(topology: dict) -> list[Feature]:
    """One feature per ISO numeric code (parts filed apart, like Australia's Ashmore and Cartier
    Islands, are merged); features without a code are keyed `x-<name>` ("x-kosovo")."""
    merged: dict[str, Feature] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "")
        key = geometry.get("id") or f"x-{_slug(name)}"
        if key in merged:
            merged[key].polygons.extend(polygons_of(geometry))
        else:
            merged[key] = Feature(key=key, name=name, polygons=list(polygons_of(geometry)))
    return [merged[key] for key in sorted(merged)]


def _alpha3(key: str) -> str:
    if key.startswith("x-"):
        return ""
    import pycountry

    country = pycountry.countries.get(numeric=key)
    return country.alpha_3 if country else ""


def shape_of(feature: Feature, arcs: list[list[LonLat]], simplified: list[list[LonLat]]) -> dict:
    """Path data from the simplified arcs; area and centroid from the full ones."""
    area, largest, largest_area, rings_out = 0.0, None, -1.0, []
    for polygon in feature.polygons:
        # Per ring of the polygon, its pieces once cut: the largest ring is the outside, the others
        # holes (the first ring would be, but Antarctica's first is the pole, which is dropped).
        rings = []
        for indexes in polygon:
            pieces = [[project(*p) for p in piece] for piece in cut_ring(ring_of(indexes, arcs))]
            rings.append((sum(abs(signed_area(piece)) for piece in pieces), pieces))
            rings_out.extend([project(*p) for p in piece] for piece in cut_ring(ring_of(indexes, simplified)))
        if not rings:
            continue
        outside_area, outside = max(rings, key=lambda ring: ring[0])
        area += outside_area - sum(ring_area for ring_area, _ in rings) + outside_area
        for piece in outside:
            if abs(signed_area(piece)) > largest_area:
                largest, largest_area = piece, abs(signed_area(piece))
    cx, cy = centroid(largest) if largest else (0.0, 0.0)
    return {
        "name": feature.name,
        "iso3": _alpha3(feature.key),
        "d": path_data(rings_out),
        "area": round(area, 2),
        "centroid": [round(cx, 1), round(cy, 1)],
    }


def outline() -> str:
    """The edge of the world in the projection (the sea behind the states): both ±180° meridians
    and the two pole lines."""
    west = [(-180.0, lat) for lat in range(-90, 91)]
    east = [(180.0, lat) for lat in range(90, -91, -1)]
    return path_data([[project(*p) for p in west + east]])


def build(topology: dict, package: dict | None = None) -> dict:
    arcs = decode_arcs(topology)
    simplified = [simplify_arc(arc) for arc in arcs]
    version = f"world-atlas {package['version']}" if package else "world-atlas (version not recorded)"
    return {
        "source": f"{version} (npm, https://github.com/topojson/world-atlas, ISC licence, Mike Bostock), "
        "countries-50m.json: Natural Earth 1:50m Admin 0 countries, version 4.1.0, public domain "
        "(https://www.naturalearthdata.com/)",
        "as_of": "Natural Earth 4.1.0 (2018), as packaged in " + version,
        "licence": "Natural Earth data: public domain. world-atlas packaging: ISC licence.",
        "projection": f"Equal Earth, north up, {WIDTH} px wide, simplified to {TOLERANCE} px, "
        "0.1 px precision",
        "built_by": "python -m landmine_monitor.site.maps.build countries-50m.json",
        "viewBox": [0, 0, WIDTH, HEIGHT],
        "outline": outline(),
        "countries": {f.key: shape_of(f, arcs, simplified) for f in features_of(topology)},
    }


def write(data: dict, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # One state per line: a diff of a rebuild shows which states changed.
    text = text.replace(',"countries":{', ',\n"countries":{\n').replace('},"', '},\n"')
    output.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="world-atlas's countries-50m.json")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    package_json = args.topojson.parent / "package.json"
    package = json.loads(package_json.read_text(encoding="utf-8")) if package_json.exists() else None
    data = build(topology, package)
    write(data, args.output)
    size = args.output.stat().st_size
    print(f"{args.output}: {len(data['countries'])} shapes, {size / 1024:.0f} KiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The map's build script (TopoJSON → projected SVG paths) and the bundled file it wrote."""

from __future__ import annotations

import json
import math
import re

from landmine_monitor.site.maps import build
from landmine_monitor.site.maps.shapes import DATA, read_world

PATH_TOKEN = re.compile(r"[MlzZ]|-?(?:\d+\.?\d*|\.\d+)")


def ring_points(d: str) -> list[list[tuple[float, float]]]:
    """The absolute points of each ring of path data written by `build.path_data` (M, l, z)."""
    rings, ring, command, numbers = [], [], "", []
    for token in PATH_TOKEN.findall(d):
        if token in "MlzZ":
            command = token
            if token in "zZ":
                rings.append(ring)
                ring = []
            continue
        numbers.append(float(token))
        if len(numbers) == 2:
            x, y = numbers
            numbers = []
            if command == "M":
                ring = [(x, y)]
                command = "l"
            else:
                px, py = ring[-1]
                ring.append((px + x, py + y))
    return rings


# -- the projection ---------------------------------------------------------------------------


def test_equal_earth_is_centred_symmetric_and_north_up():
    assert build.equal_earth(0, 0) == (0.0, 0.0)
    x, y = build.equal_earth(30, 40)
    assert build.equal_earth(-30, -40) == (-x, -y)
    # The equator's half-length is π / (M·A1), from the formula's own constants.
    assert math.isclose(build.X_MAX, math.pi / (build.M * build.A1))
    # In the viewBox: x from 0 to the width, north at the top.
    assert math.isclose(build.project(-180, 0)[0], 0, abs_tol=1e-9)
    assert math.isclose(build.project(180, 0)[0], build.WIDTH)
    assert build.project(0, 60)[1] < build.project(0, 0)[1] < build.project(0, -60)[1]
    assert math.isclose(build.project(0, 90)[1], 0, abs_tol=1e-9)
    assert math.isclose(build.project(0, -90)[1], 2 * build.Y_MAX * build.SCALE)


def _projected_cell_area(lon0: float, lat0: float, size: float) -> float:
    steps = 50
    edge = (
        [(lon0 + size * k / steps, lat0) for k in range(steps)]
        + [(lon0 + size, lat0 + size * k / steps) for k in range(steps)]
        + [(lon0 + size - size * k / steps, lat0 + size) for k in range(steps)]
        + [(lon0, lat0 + size - size * k / steps) for k in range(steps)]
    )
    return abs(build.signed_area([build.project(*p) for p in edge]))


def test_equal_earth_keeps_areas_in_proportion():
    """The reason for the projection: a state's area on the map compares with another's."""
    equator = _projected_cell_area(0, 0, 10)
    north = _projected_cell_area(100, 60, 10)
    spherical_ratio = (math.sin(math.radians(70)) - math.sin(math.radians(60))) / math.sin(math.radians(10))
    assert math.isclose(north / equator, spherical_ratio, rel_tol=1e-3)


# -- TopoJSON ---------------------------------------------------------------------------------


def test_arcs_are_delta_decoded_then_scaled_and_translated():
    topology = {
        "transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
        "arcs": [[[0, 0], [1, 2], [3, -1]]],
    }
    assert build.decode_arcs(topology) == [[(10.0, 20.0), (10.5, 20.5), (12.0, 20.25)]]


def test_rings_join_arcs_and_reverse_the_negative_ones():
    arcs = [[(0, 0), (1, 0), (1, 1)], [(0, 0), (0, 1), (1, 1)]]
    # Arc 0 forward, then arc 1 backwards (~1 = -2): back to the start.
    assert build.ring_of([0, ~1], arcs) == [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]


# -- the antimeridian -------------------------------------------------------------------------


def _crosses(ring) -> bool:
    """Whether a segment jumps across the antimeridian; the pole line (a line in the projection)
    does not count."""
    return any(
        abs(b[0] - a[0]) > 180 and not abs(a[1]) == abs(b[1]) == 90
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def test_a_ring_across_the_antimeridian_is_cut_into_one_ring_per_side():
    ring = [(170, 10), (-170, 10), (-170, 20), (170, 20), (170, 10)]
    pieces = build.cut_ring(ring)
    assert len(pieces) == 2
    assert not any(_crosses(piece) for piece in pieces)
    east, west = sorted(pieces, key=lambda piece: -piece[0][0])
    assert all(lon >= 170 for lon, _ in east) and any(lon == 180 for lon, _ in east)
    assert all(lon <= -170 for lon, _ in west) and any(lon == -180 for lon, _ in west)
    # Each side is closed along its meridian between the two crossings (latitudes 10 and 20).
    assert {lat for lon, lat in east if lon == 180} >= {10, 20}


def test_a_ring_round_the_pole_is_closed_through_the_pole():
    ring = [(-180, -70), (-90, -72), (0, -70), (90, -72), (179, -70), (-180, -70)]
    (piece,) = build.cut_ring(ring)
    assert not _crosses(piece)
    assert (180.0, -90.0) in piece and (-180.0, -90.0) in piece


def test_a_ring_at_the_pole_itself_is_dropped():
    assert build.cut_ring([(-180, -89.999), (0, -89.999), (179, -89.999), (-180, -89.999)]) == []


# -- path data --------------------------------------------------------------------------------


def test_numbers_are_tenths_written_short():
    assert [build._number(n) for n in (12, -5, 30, 0, -130, 7)] == ["1.2", "-.5", "3", "0", "-13", ".7"]


def test_path_data_is_relative_drops_repeats_and_rings_too_small():
    d = build.path_data([[(0, 0), (1, 0), (1, 0), (1, 1), (0, 0)], [(5, 5), (5.01, 5), (5, 5.01)]])
    assert d == "M0 0l1 0 0 1z"
    assert ring_points(d) == [[(0, 0), (1, 0), (1, 1)]]


def _toy_topology() -> dict:
    return {
        "type": "Topology",
        "transform": {"scale": [0.01, 0.01], "translate": [0, 0]},
        "arcs": [
            [[0, 0], [1000, 0], [0, 1000]],  # the shared border runs (10,0) → (10,10)
            [[1000, 1000], [-1000, 0], [0, -1000]],
            [[1000, 0], [1000, 0], [0, 1000], [-1000, 0]],
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "008", "properties": {"name": "Albania"}},
                    {"type": "Polygon", "arcs": [[2, ~0]], "properties": {"name": "Kosovo"}},
                ],
            }
        },
    }


def test_the_build_keys_states_by_iso_numeric_and_is_deterministic(tmp_path):
    data = build.build(_toy_topology(), {"version": "2.0.2"})
    assert set(data["countries"]) == {"008", "x-kosovo"}
    albania = data["countries"]["008"]
    assert albania["iso3"] == "ALB" and albania["name"] == "Albania"
    assert albania["area"] > 0 and albania["d"].startswith("M")
    assert data["countries"]["x-kosovo"]["iso3"] == ""
    assert "world-atlas 2.0.2" in data["source"] and "Natural Earth" in data["source"]
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    build.write(data, first)
    build.write(build.build(_toy_topology(), {"version": "2.0.2"}), second)
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text()) == data


def test_the_command_reads_the_package_version_beside_the_input(tmp_path):
    (tmp_path / "countries-50m.json").write_text(json.dumps(_toy_topology()))
    (tmp_path / "package.json").write_text(json.dumps({"name": "world-atlas", "version": "2.0.2"}))
    output = tmp_path / "out" / "world.json"
    assert build.main([str(tmp_path / "countries-50m.json"), "--output", str(output)]) == 0
    assert json.loads(output.read_text())["as_of"].endswith("world-atlas 2.0.2")


# -- the bundled file -------------------------------------------------------------------------


def test_the_bundled_map_is_small_and_records_its_source_and_licence():
    assert DATA.stat().st_size < 1_500_000
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for word in ("world-atlas", "Natural Earth", "1:50m", "ISC", "public domain"):
        assert word in data["source"], word
    assert data["as_of"] and data["licence"]
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    for words in ("world-atlas", "public domain", "python -m landmine_monitor.site.maps.build"):
        assert words in readme, words


def test_the_bundled_map_has_the_states_expected():
    world = read_world()
    shapes = world.by_key
    assert len(shapes) > 200
    assert (shapes["008"].name, shapes["008"].iso3) == ("Albania", "ALB")
    assert shapes["408"].iso3 == "PRK"
    assert shapes["840"].iso3 == "USA"
    # Russia, the United States, Albania, Liechtenstein.
    assert shapes["643"].area > shapes["840"].area > shapes["008"].area > shapes["438"].area
    assert "x-kosovo" in shapes and "x-somaliland" in shapes
    # Every shape's marker point lies on the map.
    _, _, width, height = world.view_box
    for shape in world.shapes:
        x, y = shape.centroid
        assert 0 <= x <= width and 0 <= y <= height, shape


def test_no_bundled_path_jumps_across_the_map():
    """A segment longer than half the map's width is a ring crossing the antimeridian drawn as a
    straight line: the giant polygons across the map that cutting rings prevents."""
    world = read_world()
    for shape in world.shapes:
        for ring in ring_points(shape.d):
            for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
                on_pole_line = math.isclose(y0, y1, abs_tol=0.05) and (
                    math.isclose(y0, 0, abs_tol=0.05) or math.isclose(y0, world.height, abs_tol=0.05)
                )
                if not on_pole_line:  # Antarctica's edge is the south pole, a line in Equal Earth
                    assert abs(x1 - x0) < world.width / 2, (shape.name, (x0, y0), (x1, y1))
            assert all(-0.1 <= x <= world.width + 0.1 for x, _ in ring), shape.name


def test_russia_and_fiji_have_pieces_on_both_sides_of_the_map_none_spanning_it():
    world = read_world()
    for key in ("643", "242"):  # Russia (Chukotka east of 180°), Fiji
        rings = ring_points(world.by_key[key].d)
        spans = [max(x for x, _ in r) - min(x for x, _ in r) for r in rings]
        assert max(spans) < world.width / 2
        assert any(max(x for x, _ in r) < world.width / 4 for r in rings), key  # west of the map
        assert any(min(x for x, _ in r) > world.width * 3 / 4 for r in rings), key  # east

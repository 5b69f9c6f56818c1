"""The bundled, already projected world shapes (`data/world-50m.json`, made by `build.py`),
read once per process."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "world-50m.json"

# Below this projected area (px² at 1000 px wide, about 13,000 km² on this equal-area map: Lebanon,
# Jamaica, Qatar and smaller) a shape is a few pixels at most, so the map adds a marker.
SMALL_AREA = 10.0


@dataclass(frozen=True)
class Shape:
    key: str  # ISO 3166 numeric, or "x-<name>" for a feature without one ("x-kosovo")
    name: str  # as world-atlas writes it
    iso3: str  # pycountry's alpha-3 for the numeric code; "" for the x- keys
    d: str  # SVG path data; "" when too small to draw at this scale
    area: float  # px²
    centroid: tuple[float, float]

    @property
    def small(self) -> bool:
        return self.area < SMALL_AREA


@dataclass(frozen=True)
class World:
    source: str
    as_of: str
    licence: str
    view_box: tuple[float, float, float, float]
    outline: str
    shapes: tuple[Shape, ...]

    @functools.cached_property
    def by_key(self) -> dict[str, Shape]:
        return {shape.key: shape for shape in self.shapes}

    @property
    def width(self) -> float:
        return self.view_box[2]

    @property
    def height(self) -> float:
        return self.view_box[3]


def read_world(path: Path = DATA) -> World:
    data = json.loads(path.read_text(encoding="utf-8"))
    shapes = tuple(
        Shape(
            key=key,
            name=item["name"],
            iso3=item.get("iso3", ""),
            d=item["d"],
            area=float(item["area"]),
            centroid=(float(item["centroid"][0]), float(item["centroid"][1])),
        )
        for key, item in sorted(data["countries"].items())
    )
    return World(
        source=data["source"],
        as_of=data["as_of"],
        licence=data.get("licence", ""),
        view_box=tuple(float(v) for v in data["viewBox"]),
        outline=data.get("outline", ""),
        shapes=shapes,
    )


@functools.cache
def world() -> World:
    """The bundled shapes, loaded on first use and kept for the life of the process."""
    return read_world()

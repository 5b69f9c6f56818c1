"""The world map as inline SVG markup: drawn on the server, readable without JavaScript, and
self-contained (its colours and patterns travel inside it) so that the book can reuse it.

Colours are told apart in greyscale and by colour-blind readers: lightness steps from dark blue
(State Party) through orange (signatory) to light grey (non-signatory), and the statuses that
would share a lightness carry a texture (stripes for "ratified", a grid for "withdrawn", hatching
for other areas).
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from landmine_monitor.foundation.dates import long_date

from .world import NONE, OTHER_AREA, WorldMap

MARKER_RADIUS = 2.4

STYLE = """
.lm-map:not(.lm-swatch){display:block;width:100%;height:auto}
.lm-map .lm-sea{fill:#eaf1f7;stroke:#9aaab8;stroke-width:.4}
.lm-map .lm-shape{stroke:#fff;stroke-width:.3;fill-rule:evenodd;stroke-linejoin:round}
.lm-map .lm-marker{stroke:#1b1b1b;stroke-width:.5}
.lm-map .status-state-party{fill:#1b4f8a}
.lm-map .status-ratified{fill:url(#lm-p-ratified)}
.lm-map .status-signatory{fill:#e08e0b}
.lm-map .status-non-signatory{fill:#d4d4d4}
.lm-map .status-withdrawn{fill:url(#lm-p-withdrawn)}
.lm-map .status-other-area{fill:url(#lm-p-other-area)}
.lm-map .status-none{fill:#f7f7f7}
.lm-map .lm-shape.status-none{stroke:#b8b8b8;stroke-width:.2}
.lm-map .lm-shape.status-other-area{stroke:#6e6e6e;stroke-width:.3;stroke-dasharray:1 .6}
.lm-map .lm-shape:hover,.lm-map .lm-marker:hover{stroke:#000;stroke-width:.8}
"""

PATTERNS = (
    # Ratified, not yet in force: light blue with dark blue stripes, on the way to dark blue.
    '<pattern id="lm-p-ratified" width="3" height="3" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="3" height="3" fill="#9cc8ec"/>'
    '<rect width="1" height="3" fill="#1b4f8a"/></pattern>'
    # Withdrawn: red-brown with a light grid, so it never reads as State Party in greyscale.
    '<pattern id="lm-p-withdrawn" width="3" height="3" patternUnits="userSpaceOnUse">'
    '<rect width="3" height="3" fill="#8b3a1a"/>'
    '<path d="M0 .5h3M.5 0v3" stroke="#f3d2c1" stroke-width=".5"/></pattern>'
    # Other area: grey hatching on white.
    '<pattern id="lm-p-other-area" width="2.5" height="2.5" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(-45)"><rect width="2.5" height="2.5" fill="#fafafa"/>'
    '<rect width=".9" height="2.5" fill="#8c8c8c"/></pattern>'
)


def _attrs(item) -> str:
    attrs = [f'data-key="{escape(item.shape.key)}"', f'data-status="{item.status}"']
    if item.iso3:
        attrs.append(f'data-iso3="{escape(item.iso3)}"')
    if item.slug:
        attrs.append(f'data-slug="{escape(item.slug)}"')
    if item.part_of:
        attrs.append(f'data-part-of="{escape(item.part_of)}"')
    return " ".join(attrs)


def world_map_svg(world_map: WorldMap) -> SafeString:
    """The map's `<svg>` element. Every shape is a `<path>` with its status as a class and as
    `data-status`, its state's alpha-3 as `data-iso3` and a `<title>`; small states add a marker."""
    world = world_map.world
    x, y, width, height = world.view_box
    heading = f"States' status towards the {world_map.treaty.short_name} on {long_date(world_map.on)}"
    out = [
        f'<svg class="lm-map" xmlns="http://www.w3.org/2000/svg" viewBox="{x:g} {y:g} {width:g} {height:g}" '
        f'role="group" aria-labelledby="lm-map-title">',
        f'<title id="lm-map-title">{escape(heading)}</title>',
        f"<style>{STYLE}</style>",
        f"<defs>{PATTERNS}</defs>",
        f'<path class="lm-sea" d="{world.outline}"/>',
        '<g class="lm-shapes">',
    ]
    # Neutral shapes first, so that the states' borders are drawn over them.
    ordered = sorted(world_map.shapes, key=lambda s: (s.status != NONE, s.status != OTHER_AREA, s.shape.key))
    for item in ordered:
        if not item.shape.d:
            continue
        out.append(
            f'<path class="lm-shape status-{item.status}" {_attrs(item)} d="{item.shape.d}">'
            f"<title>{escape(item.title)}</title></path>"
        )
    out.append('</g><g class="lm-markers">')
    for item in world_map.markers:
        cx, cy = item.shape.centroid
        out.append(
            f'<circle class="lm-marker status-{item.status}" {_attrs(item)} '
            f'cx="{cx:g}" cy="{cy:g}" r="{MARKER_RADIUS:g}"><title>{escape(item.title)}</title></circle>'
        )
    out.append("</g></svg>")
    return mark_safe("".join(out))


def swatch_svg(status: str) -> SafeString:
    """A legend key in the map's colours (the patterns are the map's, in the same document)."""
    return mark_safe(
        '<svg class="lm-map lm-swatch" viewBox="0 0 18 12" width="27" height="18" aria-hidden="true" '
        'focusable="false">'
        f'<rect class="lm-shape status-{escape(status)}" x=".5" y=".5" width="17" height="11" '
        'style="stroke:#555;stroke-width:.6"/></svg>'
    )

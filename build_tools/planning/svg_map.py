"""Choropleth maps as inline SVG, drawn from the polygons themselves (no tiles, no script).

Every district carries a ``<title>`` with its figures; zero districts are hatched, not only
coloured. The table beside the map is the real content; the map is a picture of it.
"""

from __future__ import annotations

from html import escape

from .analysis import PlanningResult
from .choropleth import OUTLINE, POINT, ZERO_HATCH, Frame, rings, shades

WIDTH = 560
MAX_HEIGHT = 560


def _path(geom, frame: Frame) -> str:
    parts = []
    for ring in rings(geom):
        coords = [frame.xy(x, y, y_down=True) for x, y in ring]
        parts.append(
            "M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in coords) + " Z"
        )
    return " ".join(parts)


def category_map(result: PlanningResult, category_id: str, label: str) -> str:
    """One category's choropleth as an ``<svg>`` element (string, every text escaped)."""
    geoms = [d.geometry for d in result.districts]
    frame = Frame.fit(geoms, WIDTH, MAX_HEIGHT)
    shaded, legend = shades(result, category_id)
    key = escape(category_id)
    title_id, desc_id, zero_id = f"map-{key}-title", f"map-{key}-desc", f"zero-{key}"
    legend_h = 18 * len(legend) + 8
    height = frame.height + legend_h + 8
    points = [p for p in result.map_points.get(category_id, []) if frame.contains(p.x, p.y)]
    out = [
        f'<svg class="atlas-choropleth" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {frame.width:.0f} {height:.0f}" width="{frame.width:.0f}" '
        f'height="{height:.0f}" aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">Karte: {escape(label)} je Sozialraum</title>',
        f'<desc id="{desc_id}">Farbstufen nach Angeboten'
        f'{" je 10.000 Einwohner" if result.has_population else ""}; schraffiert: kein '
        f"Angebot im Sozialraum; Punkte: öffentliche Standorte ({len(points)}). Die Tabelle "
        "enthält dieselben Zahlen.</desc>",
        f'<defs><pattern id="{zero_id}" patternUnits="userSpaceOnUse" width="6" height="6" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{ZERO_HATCH}" stroke-width="2"/>'
        "</pattern></defs>",
    ]
    by_id = {d.id: d for d in result.districts}
    for shade in shaded:
        fill = f"url(#{zero_id})" if shade.zero else shade.fill
        out.append(
            f'<path d="{_path(by_id[shade.district_id].geometry, frame)}" fill="{fill}" '
            f'fill-rule="evenodd" stroke="{OUTLINE}" stroke-width="0.8">'
            f"<title>{escape(shade.label)}</title></path>"
        )
    for point in points:
        x, y = frame.xy(point.x, point.y, y_down=True)
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{POINT}" stroke="#ffffff" '
            f'stroke-width="1"><title>{escape(point.title)}</title></circle>'
        )
    y = frame.height + 12
    for fill, text in legend:
        swatch = f"url(#{zero_id})" if fill == "#ffffff" else fill
        out.append(
            f'<rect x="2" y="{y:.0f}" width="14" height="12" fill="{swatch}" '
            f'stroke="{OUTLINE}" stroke-width="0.6"/>'
            f'<text x="22" y="{y + 10:.0f}" font-size="12">{escape(text)}</text>'
        )
        y += 18
    out.append("</svg>")
    return "".join(out)

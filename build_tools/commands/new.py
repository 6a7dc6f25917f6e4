"""``atlas new <id>``: write a commented template for a new offer (never overwrites)."""

from __future__ import annotations

import argparse
import sys

from ..clock import build_date
from ..content import display_path
from ..offer_template import offer_template
from ..schema import _ID_RE
from .common import add_project_arguments, project

HELP = "Neues Angebot aus einer kommentierten Vorlage anlegen"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``atlas new``."""
    parser.add_argument("id", help="id des Angebots, z. B. tafel-nord (wird der Dateiname)")
    parser.add_argument("--category", default=None, help="Kategorie-id (Standard: die erste)")
    add_project_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Write content/offers/<id>.yml unless it exists."""
    if not _ID_RE.match(args.id):
        print(f"atlas: {args.id!r} ist keine gültige id (a–z, 0–9, Bindestrich)", file=sys.stderr)
        return 2
    config, content = project(args)
    category = args.category or _first_category(content)
    target = content / "offers" / f"{args.id}.yml"
    if target.exists():
        print(f"atlas: {display_path(target)} gibt es schon — nichts überschrieben", file=sys.stderr)
        return 1
    lat, lon = _starting_point(config, content)
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:
        handle.write(offer_template(args.id, category, build_date(), lat=lat, lon=lon))
    print(f"{display_path(target)} angelegt. Felder ausfüllen, dann: atlas check")
    return 0


def _starting_point(config, content) -> tuple[float, float]:
    """Coordinates for the template that lie inside the atlas (the editor replaces them)."""
    from ..geo import load_districts

    districts, _ = load_districts(content / "districts.geojson", "districts.geojson")
    if config.map.center:
        lat, lon = config.map.center
        if not districts or any(_contains(d.geometry, lat, lon) for d in districts.values()):
            return lat, lon
    if districts:
        point = next(iter(districts.values())).geometry.representative_point()
        return round(point.y, 5), round(point.x, 5)
    region = config.region
    return round((region.south + region.north) / 2, 5), round((region.west + region.east) / 2, 5)


def _contains(geometry, lat: float, lon: float) -> bool:
    from shapely.geometry import Point

    return geometry.contains(Point(lon, lat))


def _first_category(content) -> str:
    import yaml

    try:
        data = yaml.safe_load((content / "categories.yml").read_text(encoding="utf-8"))
        return str(data[0]["id"])
    except Exception:  # any unreadable file: the template still needs some value
        return "beratung"

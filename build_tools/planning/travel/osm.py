"""Reading an OSM extract with osmium: the ways people walk on, the main streets, the stations.

Only what the analysis needs leaves the file: for every way with a ``highway`` tag its kind,
name and node positions; railway stations as landmarks. Walkability follows how OSM maps
German streets: footways, paths, steps, pedestrian zones, residential and service streets,
tracks, cycleways (shared with pedestrians unless ``foot=no``) and roads up to ``primary``
(sidewalks are usually part of the road); never motorways, and trunk roads only when they say
``foot=yes``. ``access=private``/``no`` closes a way unless ``foot`` opens it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

WALKABLE = frozenset({
    "footway", "path", "pedestrian", "steps", "living_street", "residential", "service",
    "track", "unclassified", "road", "cycleway", "bridleway", "platform", "corridor",
    "tertiary", "tertiary_link", "secondary", "secondary_link", "primary", "primary_link",
})
"""``highway`` values people walk on."""
ONLY_WITH_FOOT = frozenset({"trunk", "trunk_link"})
"""Walkable only with ``foot=yes``/``designated``/``permissive`` (often Kraftfahrstraßen)."""
MAIN = frozenset({"motorway", "trunk", "primary", "secondary", "tertiary"})
"""Street kinds the printed town map draws (motorways too: they are landmarks, not walks)."""
FOOT_YES = frozenset({"yes", "designated", "permissive"})
FOOT_NO = frozenset({"no", "private", "use_sidepath"})
CLOSED_ACCESS = frozenset({"no", "private"})
STATIONS = frozenset({"station", "halt"})


@dataclass
class OsmWays:
    """What an extract holds for the network: ways as node-id lists with kind and name."""

    node_ids: list[list[int]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    walkable: list[bool] = field(default_factory=list)
    positions: dict[int, tuple[float, float]] = field(default_factory=dict)
    """Node id → (lon, lat) of every node on a kept way."""
    stations: list[tuple[str, float, float]] = field(default_factory=list)
    """Named railway stations and halts: (name, lon, lat)."""
    broken_ways: int = 0
    """Ways with nodes missing from the extract (cut at its edge): their pieces are kept."""


class OsmReadError(Exception):
    """The extract cannot be read (message in German)."""


def is_walkable(tags) -> bool:
    """True for a way people may walk on (``tags``: a mapping of OSM tags)."""
    kind = tags.get("highway")
    foot = tags.get("foot")
    if foot in FOOT_NO:
        return False
    if kind in ONLY_WITH_FOOT:
        return foot in FOOT_YES
    if kind not in WALKABLE:
        return False
    if tags.get("access") in CLOSED_ACCESS and foot not in FOOT_YES:
        return False
    return tags.get("area") != "yes" or kind == "pedestrian"


def read_ways(path: Path) -> OsmWays:
    """Every walkable or main-street way of the extract at ``path``, and its stations.

    Raises :class:`OsmReadError` when osmium cannot read the file.
    """
    import osmium

    found = OsmWays()
    try:
        processor = (
            osmium.FileProcessor(str(path), osmium.osm.NODE | osmium.osm.WAY)
            .with_locations()
            .with_filter(osmium.filter.KeyFilter("highway", "railway"))
        )
        for obj in processor:
            if obj.is_node():
                _station(obj, found)
            elif obj.is_way():
                _way(obj, found)
    except (RuntimeError, ValueError, OSError) as exc:
        raise OsmReadError(_german(exc)) from None
    return found


def _station(node, found: OsmWays) -> None:
    tags = node.tags
    if tags.get("railway") in STATIONS and tags.get("name") and node.location.valid():
        found.stations.append((tags.get("name"), node.location.lon, node.location.lat))


def _way(way, found: OsmWays) -> None:
    tags = way.tags
    kind = tags.get("highway")
    if kind is None:
        return
    walkable = is_walkable(tags)
    if not walkable and kind not in MAIN:
        return
    name = tags.get("name", "")
    run: list[int] = []
    cut = False
    for ref in way.nodes:
        location = ref.location
        if location.valid():
            run.append(ref.ref)
            found.positions[ref.ref] = (location.lon, location.lat)
            continue
        cut = True  # a node outside the extract: keep the pieces on either side
        _keep(found, run, kind, name, walkable)
        run = []
    _keep(found, run, kind, name, walkable)
    found.broken_ways += cut


def _keep(found: OsmWays, ids: list[int], kind: str, name: str, walkable: bool) -> None:
    if len(ids) < 2:
        return
    found.node_ids.append(ids)
    found.kinds.append(kind)
    found.names.append(name)
    found.walkable.append(walkable)


_XML_ERROR = re.compile(r"XML parsing error at line (\d+), column (\d+): (.*)")


def _german(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    found = _XML_ERROR.search(text)
    if found:  # expat counts columns from 0; editors from 1
        return (f"XML-Fehler in Zeile {found[1]}, Spalte {int(found[2]) + 1}: {found[3]} (die "
                "Datei ist kein vollständiges OSM-XML)")
    return f"osmium kann die Datei nicht lesen ({text})"

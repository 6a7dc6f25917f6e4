"""The planning's part of the load phase: street network, timetable and committed scenario.

Called by :func:`build_tools.build.inspect`, so ``atlas check`` reports exactly what a build
would refuse. Each file is found in the content folder — named by a setting or, for the street
network, the one ``.osm.pbf``/``.osm`` file there, for the timetable ``gtfs.zip`` — and read
once per change (``mkdocs serve`` remembers it by size and modification time). A file that
cannot be used is an error naming it; the analysis never sees half a network.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalog import Catalog
from ..content import display_path
from ..memo import FORGETFUL, Memory
from ..problems import Problem
from ..project import Project, atlas_block, read_settings_file

if TYPE_CHECKING:  # the readers import numpy, scipy and osmium: only when a file is there
    from .scenario import Scenario
    from .travel.gtfs import TransitFeed
    from .travel.network import StreetNetwork

DEFAULT_FEED = "gtfs.zip"
NETWORK_SUFFIXES = (".osm.pbf", ".osm")


def is_network_file(path: Path) -> bool:
    """True for a file name an OSM extract may have (``.osm.pbf`` or ``.osm``)."""
    return path.name.lower().endswith(NETWORK_SUFFIXES)


@dataclass(frozen=True)
class TravelInputs:
    """What the planning reads besides the catalog (each None when not given)."""

    network: StreetNetwork | None = None
    transit: TransitFeed | None = None
    scenario: Scenario | None = None


def load_travel(project: Project, catalog: Catalog, memory: Memory = FORGETFUL
                ) -> tuple[TravelInputs, list[Problem]]:
    """Network, feed and scenario of a project, and every problem with them."""
    settings = project.settings.planning
    if not settings.enabled:
        return TravelInputs(), []
    problems: list[Problem] = []
    content = project.content_dir
    network = transit = scenario = None
    path, trouble = _network_file(project)
    problems += trouble
    if path is not None:
        from .travel.network import load_street_network

        network, trouble = _remembered(memory, "street-network", path, settings.crs,
                                       lambda: load_street_network(path, settings.crs,
                                                                   display_path(path)))
        problems += trouble
        if network is not None:
            problems += coverage_warnings(network, catalog)
    path, trouble = _feed_file(project)
    problems += trouble
    if path is not None:
        from .travel.gtfs import load_feed

        transit, trouble = _remembered(memory, "transit-feed", path, "",
                                       lambda: load_feed(path, display_path(path)))
        problems += trouble
        if transit is not None:
            problems += _date_problems(project, transit)
    if settings.scenario:
        path = content / settings.scenario
        if not path.is_file():
            problems.append(_setting_problem(project, "scenario",
                                             f"Szenario-Datei fehlt: {display_path(path)}"))
        else:
            from .scenario import load_scenario

            scenario, trouble = load_scenario(path, catalog, committed=True)
            problems += trouble
    return TravelInputs(network, transit, scenario), problems


def _remembered(memory: Memory, table: str, path: Path, extra: str, make):
    stat = path.stat()
    return memory.recall(table, (str(path.resolve()), stat.st_size, stat.st_mtime_ns, extra), make)


def _network_file(project: Project) -> tuple[Path | None, list[Problem]]:
    setting = project.settings.planning.street_network
    content = project.content_dir
    if setting is False:
        return None, []
    if isinstance(setting, str):
        path = content / setting
        if not path.is_file():
            return None, [_setting_problem(project, "street_network",
                                           f"OSM-Auszug fehlt: {display_path(path)}")]
        if not is_network_file(path):
            return None, [_setting_problem(project, "street_network",
                                           "ein OSM-Auszug endet auf .osm.pbf oder .osm")]
        return path, []
    found = sorted(p for p in content.glob("*") if p.is_file() and is_network_file(p))
    if len(found) > 1:
        names = ", ".join(p.name for p in found)
        return None, [Problem(display_path(content), 1, 1, "", f"mehrere OSM-Auszüge ({names}): "
                              "in mkdocs.yml planning: {street_network: …} einen nennen")]
    return (found[0] if found else None), []


def _feed_file(project: Project) -> tuple[Path | None, list[Problem]]:
    setting = project.settings.planning.transit_feed
    if setting is False:
        return None, []
    path = project.content_dir / (setting if isinstance(setting, str) else DEFAULT_FEED)
    if path.is_file():
        return path, []
    if isinstance(setting, str):
        return None, [_setting_problem(project, "transit_feed",
                                       f"GTFS-Fahrplan fehlt: {display_path(path)}")]
    return None, []


def _date_problems(project: Project, feed: TransitFeed) -> list[Problem]:
    day = project.settings.planning.transit_date
    span = feed.period()
    if span is None:
        return [Problem(feed.source, 1, 1, "calendar.txt", "der Fahrplan nennt keinen Tag, an "
                        "dem Fahrten verkehren")]
    if day is not None and not span[0] <= day <= span[1]:
        return [_setting_problem(project, "transit_date", f"{day:%d.%m.%Y} liegt nicht im "
                                 f"Fahrplanzeitraum {span[0]:%d.%m.%Y}–{span[1]:%d.%m.%Y}")]
    return []


def coverage_warnings(network: StreetNetwork, catalog: Catalog) -> list[Problem]:
    """A warning for every district whose centre lies outside the extract's area."""
    west, south, east, north = network.bounds()
    out = []
    for district in catalog.districts.values():
        centre = district.geometry.representative_point()
        if not (west <= centre.x <= east and south <= centre.y <= north):
            out.append(Problem(network.source, 1, 1, "", f"der OSM-Auszug deckt den Sozialraum "
                               f"{district.name} nicht ab: dort zählen Wege quer über das Land",
                               "warning"))
    return out


def _setting_problem(project: Project, name: str, message: str) -> Problem:
    """A problem at ``atlas.planning.<name>`` in mkdocs.yml (line and column where known)."""
    where = display_path(project.config_file) if project.config_file else "mkdocs.yml"
    line = col = 1
    if project.config_file is not None:
        parsed, _ = read_settings_file(project.config_file, where)
        if parsed is not None:
            _, prefix = atlas_block(parsed.data)
            line, col = parsed.marks.of_value((*prefix, "planning", name))
    return Problem(where, line, col, f"atlas.planning.{name}", message)

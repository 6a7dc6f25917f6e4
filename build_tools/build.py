"""The build, in two phases you can read top to bottom::

    inputs  = load(project)            # everything a build reads, typed and validated: all problems at once
    outputs = render(inputs, tools)    # FAMILIES in order; each a pure function inputs → pages + files
    (adapters write outputs: the MkDocs plugin as virtual files, ``atlas build`` atomically)

``atlas check`` is :func:`load` without the rendering, so it finds exactly the problems a build
would refuse. Parallel work and caches are the driver's business, handed in as :class:`Tools`:
the flyer PDFs are made through the PDF cache on every core, and the families that pages do
not depend on run in a forked process while the pages render here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .catalog import Catalog
from .clock import build_date
from .content import display_path, load_catalog
from .desk.site import render as desk_family
from .exports.site import render as exports_family
from .flyers.cache import PdfCache
from .flyers.definitions import Collection, load_definitions
from .flyers.page import PrintOptions
from .flyers.plan import FlyerPlan, plan_flyers
from .flyers.site import render as flyers_family
from .history import NO_HISTORY, History, offer_history
from .indicators import IndicatorSet, load_indicators
from .ledger.check import check_ledger
from .ledger.short import short_link_problems
from .ledger.site import render as ledger_family
from .ledger.store import LedgerEntry, read_ledger
from .maps.site import render as maps_family
from .memo import FORGETFUL, Memory, StoredMemory, code_version
from .news.site import render as news_family
from .opening_hours import holiday_horizon
from .outputs import Contribution, GeneratedFile
from .pages.handwritten import translation_problems
from .pages.site import render as pages_family
from .pages.site import render_offers as offer_pages_family
from .parallel import EVERY, Alongside, Meeting, Share, can_fork, map_calls
from .planning.inputs import load_travel
from .planning.population import PopulationGrid, load_population_grid
from .planning.site import render as planning_family
from .problems import ContentError, Problem
from .project import Project
from .resources import fonts_dir
from .templating import Templates, templates_for
from .urls import MissingSiteUrl

if TYPE_CHECKING:  # numpy arrays and scipy graphs: only loaded when the town gives the files
    from .planning.scenario import Scenario
    from .planning.travel.gtfs import TransitFeed
    from .planning.travel.network import StreetNetwork, TownStreets


@dataclass(frozen=True)
class Inputs:
    """What the load phase found: every value a renderer may read, validated."""

    project: Project
    catalog: Catalog
    collections: tuple[Collection, ...] = ()
    """Wegweiser definitions from ``flyers/*.yml``, resolved against the catalog."""
    flyers: FlyerPlan | None = None
    """Every flyer to make (None: flyers are off, or no site_url to point QR codes at)."""
    ledger: tuple[LedgerEntry, ...] = ()
    population: PopulationGrid | None = None
    indicators: IndicatorSet | None = None
    """Indicators per district from ``indicators.yml`` + ``indicators.csv`` (None: none kept)."""
    network: StreetNetwork | None = None
    """The walkable street network from the town's OSM extract (planning; the town map's
    main streets: :func:`build_tools.planning.travel.network.main_streets`)."""
    transit: TransitFeed | None = None
    """The GTFS timetable (``gtfs.zip``) for door-to-door times by bus and train."""
    scenario: Scenario | None = None
    """The committed scenario the planning pages show (``planning.scenario``)."""
    holidays: tuple[date, ...] = ()
    """Public holidays of the build year and the next two (one horizon for pages and data)."""
    warnings: tuple[Problem, ...] = ()
    """What ``atlas check`` reports besides errors (the editors' desk lists them)."""
    history: History = NO_HISTORY
    """The offer files' changes from Git (desk, „Neu und geändert“, feed); commit dates only."""

    @property
    def settings(self):
        """The atlas settings (``project.settings``)."""
        return self.project.settings


@dataclass
class Tools:
    """What the driver hands the render phase besides the inputs."""

    templates: Templates
    pdf_cache: PdfCache | None = None
    memory: Memory = FORGETFUL
    """What an adapter that rebuilds in one process remembers between builds."""
    fork: bool = True
    """Run the families pages do not depend on in a second process."""
    processes: int | None = None
    """Flyer workers (None: every core)."""
    offers: Share = EVERY
    """The offers whose pages to render (the driver shares them out between two processes)."""
    flyer_stats: dict[str, int] = field(default_factory=dict)

    @classmethod
    def for_project(cls, project: Project, *, cache: bool = True, fork: bool = True,
                    memory: Memory = FORGETFUL) -> Tools:
        """The usual tools: the project's templates, its PDF cache, both cores."""
        return cls(
            templates=templates_for(str(project.custom_dir) if project.custom_dir else None,
                                    str(project.cache_dir / "jinja") if cache else None),
            pdf_cache=PdfCache(project.cache_dir / "flyers") if cache else None,
            memory=memory,
            fork=fork,
        )


# --- load -------------------------------------------------------------------------------------


KEPT_BETWEEN_BUILDS = ("yaml", "markdown", "holidays", "maps", "typst", "glyphs", "hyphenation")
"""Memory tables a build keeps in the project's cache: pure results keyed by their whole input
(a file's YAML text, a description's Markdown, a state and year's holidays, a map's plan, the
planning report's content with its template and fonts, a flyer text's characters the fonts lack,
the home page's need words' syllables).
1,000 offers: parsing and rendering them is about a second of a warm build, importing the
libraries that make them (holidays, folium) half a second more."""


def stored_memory(project: Project) -> StoredMemory:
    """The memory a build keeps in the project's cache (``.cache/memo``), valid for this code."""
    return StoredMemory(project.cache_dir / "memo", KEPT_BETWEEN_BUILDS,
                        code_version(Path(__file__).parent,
                                     ("PyYAML", "Markdown", "nh3", "holidays", "folium", "typst", "reportlab", "pyphen"),
                                     (fonts_dir(),)))


def load(project: Project, today: date | None = None, memory: Memory = FORGETFUL) -> Inputs:
    """Read and validate everything a build needs; :class:`ContentError` lists every problem."""
    inputs, problems = inspect(project, today, memory)
    errors = [p for p in problems if p.severity == "error"]
    if inputs is None or errors:
        raise ContentError(errors)
    return inputs


def inspect(project: Project, today: date | None = None, memory: Memory = FORGETFUL
            ) -> tuple[Inputs | None, list[Problem]]:
    """The load phase without raising: the inputs (None when the content is unusable) and every
    problem found — errors and warnings, content, definitions, ledger, settings and flyers alike.
    This is what ``atlas check`` reports."""
    today = today or build_date()
    result = load_catalog(project.content_dir, project.settings, today, memory)
    problems = list(result.problems)
    # With errors in some offer files the checks that span files still run, on the offers that
    # validated: a typo in one file must not hide a printed URL another file breaks.
    catalog = result.catalog or result.partial
    if catalog is None:
        return None, sorted(set(problems))
    unusable = result.unusable_ids
    found: list[Problem] = []
    collections, trouble = load_definitions(project.flyers_dir, catalog, unusable)
    found += trouble
    entries, trouble = read_ledger(project.ledger_file, display_path(project.ledger_file))
    found += trouble
    found += check_ledger(catalog, entries, display_path(project.ledger_file), unusable)
    found += short_link_problems(catalog)
    found += settings_problems(project, catalog)
    population, trouble = _population(project)
    found += trouble
    indicators, trouble = load_indicators(project.content_dir, catalog.districts,
                                          list(catalog.categories))
    found += trouble
    travel, trouble = load_travel(project, catalog, memory)
    found += trouble
    plan = None
    if project.settings.flyers.enabled:
        plan = _flyer_plan(project, catalog, collections, memory,
                           town_map_streets(travel.network, catalog))
        if plan is not None:
            found += plan.problems
    problems = sorted(set(problems + found))
    if result.catalog is None:  # never rendered from half-valid content
        return None, problems
    inputs = Inputs(
        project=project,
        catalog=catalog,
        collections=tuple(collections),
        flyers=plan,
        ledger=tuple(entries),
        population=population,
        indicators=indicators,
        network=travel.network,
        transit=travel.transit,
        scenario=travel.scenario,
        holidays=memory.recall("holidays", (project.settings.holidays_state, today.year),
                               lambda: tuple(holiday_horizon(project.settings.holidays_state, today))),
        warnings=tuple(p for p in problems if p.severity != "error"),
        history=offer_history(project.content_dir),
    )
    return inputs, problems


def town_map_streets(network: StreetNetwork | None, catalog: Catalog) -> TownStreets | None:
    """The Wegweiser map's streets: the extract's main and minor streets and stations over the
    districts (a margin of 5 % around them), or None without an extract."""
    if network is None or not catalog.districts:
        return None
    from .planning.travel.network import town_streets

    bounds = [d.geometry.bounds for d in catalog.districts.values()]
    west, south = min(b[0] for b in bounds), min(b[1] for b in bounds)
    east, north = max(b[2] for b in bounds), max(b[3] for b in bounds)
    pad_x, pad_y = (east - west) * 0.05, (north - south) * 0.05
    return town_streets(network, (west - pad_x, south - pad_y, east + pad_x, north + pad_y))


def _flyer_plan(project: Project, catalog: Catalog, collections: list[Collection],
                memory: Memory, streets: TownStreets | None = None) -> FlyerPlan | None:
    settings = project.settings
    if not settings.site_url:
        return None
    options = PrintOptions(
        site_url=settings.site_url,
        lang="de",
        error_correction=settings.flyers.qr_error_correction,
        atlas_name=settings.name,
    )
    try:
        return plan_flyers(catalog, collections, options, memory=memory, streets=streets)
    except MissingSiteUrl:
        return None


def settings_problems(project: Project, catalog: Catalog) -> list[Problem]:
    """Settings that name content which does not exist (a category threshold, say)."""
    where = display_path(project.config_file) if project.config_file else "mkdocs.yml"
    unknown = sorted(set(project.settings.planning.thresholds_m) - set(catalog.categories))
    return [
        Problem(where, 1, 1, "atlas.planning.thresholds_m",
                f"unbekannte Kategorie {name!r}; bekannt: {', '.join(catalog.categories)}")
        for name in unknown
    ] + _capacity_problems(project, catalog, where) + translation_problems(
        project.docs_dir, list(project.settings.languages))


def _capacity_problems(project: Project, catalog: Catalog, where: str) -> list[Problem]:
    """``capacity.offers``/``categories`` naming no offer or category: a typo would quietly
    show no free places at all (line and column of the wrong entry)."""
    from .project import atlas_block, read_settings_file

    settings = project.settings.capacity
    wrong = [("offers", i, name, "kein Angebot mit der id", [o.id for o in catalog.offers])
             for i, name in enumerate(settings.offers) if not catalog.has_offer(name)]
    wrong += [("categories", i, name, "unbekannte Kategorie", list(catalog.categories))
              for i, name in enumerate(settings.categories) if name not in catalog.categories]
    missing = settings.url is not None and _missing_site_file(project, settings.url)
    out = _missing_offer_files(project, catalog)
    if not wrong and not missing:
        return out
    parsed = read_settings_file(project.config_file, where)[0] if project.config_file else None
    prefix = atlas_block(parsed.data)[1] if parsed is not None else ()

    def at(*keys: object) -> tuple[int, int]:
        return parsed.marks.of_value((*prefix, "capacity", *keys)) if parsed else (1, 1)

    for option, index, name, says, known in wrong:
        shown = ", ".join(known[:20]) + (" …" if len(known) > 20 else "")
        out.append(Problem(where, *at(option, index), f"atlas.capacity.{option}",
                           f"{says} {name!r}; bekannt: {shown}"))
    if missing:
        out.append(Problem(where, *at("url"), "atlas.capacity.url", missing, "warning"))
    return out


def _missing_site_file(project: Project, url: str) -> str | None:
    """A warning when ``url`` names a file of the site (``/plaetze/…``) that docs_dir lacks:
    the page would only ever say „bitte anrufen“."""
    from .capacity import site_file

    path = site_file(url)
    if path is None or project.docs_dir is None or (project.docs_dir / path).is_file():
        return None
    shown = display_path(project.docs_dir / path)
    return (f"die Datei {shown} fehlt: die Seite zeigt dann immer „bitte anrufen“; anlegen mit "
            f"atlas capacity set ID ZAHL --file {shown}")


def _missing_offer_files(project: Project, catalog: Catalog) -> list[Problem]:
    """:func:`_missing_site_file` for offers' own ``capacity_url``, at the offer's line."""
    from .validation.report import problem_at
    from .yamlio import YamlProblem, load_yaml_file

    out = []
    for offer in catalog.offers:
        message = offer.capacity_url and _missing_site_file(project, offer.capacity_url)
        source = catalog.sources.get(offer.id)
        if not message or not source:
            continue
        try:
            loaded = load_yaml_file(Path(source), source)
        except (OSError, YamlProblem):
            continue
        out.append(problem_at(loaded, ("capacity_url",), message, "warning"))
    return out


def _population(project: Project) -> tuple[PopulationGrid | None, list[Problem]]:
    grid = project.settings.planning.population_grid
    if not grid or not project.settings.planning.enabled:
        return None, []
    path = project.content_dir / grid
    return load_population_grid(path, project.settings.planning.crs, display_path(path))


# --- render -----------------------------------------------------------------------------------

FAMILIES = (pages_family, offer_pages_family, maps_family, flyers_family,
            exports_family, planning_family, ledger_family, news_family, desk_family)
"""Every renderer family, in output order: ``(inputs, tools) -> Contribution``."""
FAMILIES_ALONGSIDE = (exports_family, planning_family, ledger_family, desk_family)
"""Families nothing else depends on: they render in a forked process while this one renders
the other pages; then both render offer pages, meeting in the middle (:class:`Meeting`)."""


def render(inputs: Inputs, tools: Tools) -> Contribution:
    """Every family's pages and files, deferred files made (flyer PDFs), in :data:`FAMILIES` order."""
    meeting = Meeting(len(inputs.catalog.offers)) if tools.fork and can_fork() else None
    here = replace(tools, offers=meeting.front) if meeting else tools
    there = replace(tools, offers=meeting.back) if meeting else tools

    def beside() -> list[Contribution]:
        if meeting is None:  # no second process: this one renders every offer below
            return [Contribution(), *(f(inputs, tools) for f in FAMILIES_ALONGSIDE)]
        there.memory.share("alongside")
        done = [f(inputs, there) for f in FAMILIES_ALONGSIDE]
        offers = offer_pages_family(inputs, there)
        there.memory.save()
        return [offers, *done]

    alongside = Alongside(beside, fork=meeting is not None)
    try:
        # the offer pages last: what is left of them is shared with the other process
        mine = [f for f in FAMILIES if f not in (*FAMILIES_ALONGSIDE, offer_pages_family)]
        done = {family: family(inputs, here) for family in mine}
        done[flyers_family].files = make_files(done[flyers_family].files, tools)
        done[offer_pages_family] = offer_pages_family(inputs, here)
    except BaseException:
        alongside.cancel()
        raise
    more_offers, *others = alongside.result()
    done[offer_pages_family].extend(more_offers)  # the front's offers, then the back's: catalog order
    done.update(zip(FAMILIES_ALONGSIDE, others, strict=True))
    tools.memory.save()
    total = Contribution()
    for family in FAMILIES:
        total.extend(done[family])
    check_output_paths(total)
    return total


def make_files(files: list[GeneratedFile], tools: Tools) -> list[GeneratedFile]:
    """Deferred files made: from the PDF cache where it has them, the rest on every core."""
    cache = tools.pdf_cache
    done: list[GeneratedFile] = []
    misses: list[GeneratedFile] = []
    for item in files:
        if not item.deferred:
            done.append(item)
            continue
        cached = cache.path_of(item.key) if cache and item.key else None
        if cached is not None:
            done.append(GeneratedFile(item.path, source=str(cached)))
        else:
            misses.append(item)
    made = map_calls([item.make for item in misses], tools.processes)  # type: ignore[misc]
    for item, data in zip(misses, made, strict=True):
        stored = cache.put(item.key, data) if cache and item.key else None
        done.append(GeneratedFile(item.path, source=str(stored)) if stored else GeneratedFile(item.path, data))
    tools.flyer_stats = {"rendered": len(misses), "cached": len(done) - len(misses)}
    order = {item.path: index for index, item in enumerate(files)}
    return sorted(done, key=lambda f: order[f.path])


def check_output_paths(contribution: Contribution) -> None:
    """Every generated path is a safe, portable relative path, and no two differ only in case.

    Raises :class:`~build_tools.security.paths.UnsafePath`. Ids are validated long before this;
    this is the last gate before anything is written, whoever produced the path.
    """
    from .security.paths import UnsafePath, case_collisions, check_relative
    from .urls import src_for_path

    paths = [src_for_path(p.path) for p in contribution.pages] + [f.path for f in contribution.files]
    for path in paths:
        check_relative(path)
    collisions = case_collisions(paths)
    if collisions:
        raise UnsafePath(f"Pfade unterscheiden sich nur in Groß-/Kleinschreibung: {collisions[0]}")


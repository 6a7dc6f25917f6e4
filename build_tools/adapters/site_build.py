"""Core of a site build, free of MkDocs: load the catalog, collect every contribution.

The MkDocs plugin is a thin shell around :func:`collect`; another writer (plain files,
ProperDocs, Zensical) can call the same function.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..catalog import Catalog
from ..config import AtlasConfig
from ..content import load_catalog
from ..outputs import SITE_CONTRIBUTORS, BuildContext, Contribution
from ..parallel import Alongside
from ..problems import ContentError, Problem

PAGES_MODULE = "build_tools.pages.site"


@dataclass
class SiteContent:
    """The loaded catalog, its warnings, and everything to publish."""

    catalog: Catalog
    warnings: list[Problem]
    contribution: Contribution


def load(content_dir: Path, config: AtlasConfig, today: date) -> tuple[Catalog, list[Problem]]:
    """Load and validate; raise :class:`ContentError` (every problem) when there are errors."""
    result = load_catalog(content_dir, config, today)
    if result.catalog is None:
        raise ContentError([p for p in result.problems if p.severity == "error"])
    return result.catalog, result.problems


def contributor_modules() -> list[tuple[str, object]]:
    """The renderer families, in :data:`SITE_CONTRIBUTORS` order."""
    return [(name, importlib.import_module(name)) for name in SITE_CONTRIBUTORS]


# Families whose files pages link (flyer PDFs; the map's data file): they run before the pages.
LINKED_FAMILIES = ("build_tools.maps.site", "build_tools.flyers.site")


def collect(catalog: Catalog, ctx: BuildContext, *, parallel: bool = True) -> Contribution:
    """Ask every renderer family for its pages and files.

    The linked families go first, so offer pages can link exactly the files (flyers) that
    exist. Then the pages are rendered here while the remaining families (exports, planning,
    alias pages) run in a forked process (:mod:`build_tools.parallel`): two cores, same output.
    """
    modules = dict(contributor_modules())
    total = Contribution()
    for name in LINKED_FAMILIES:
        total.extend(modules[name].contribute(catalog, ctx))  # type: ignore[attr-defined]
    ctx.extra["available_files"] = frozenset(f.path for f in total.files)
    rest = [modules[name] for name in SITE_CONTRIBUTORS
            if name not in LINKED_FAMILIES and name != PAGES_MODULE]
    others = Alongside(lambda: [m.contribute(catalog, ctx) for m in rest],  # type: ignore[attr-defined]
                       fork=parallel)
    try:
        own = modules[PAGES_MODULE].contribute(catalog, ctx)  # type: ignore[attr-defined]
    except BaseException:
        others.cancel()
        raise
    for contribution in others.result():
        total.extend(contribution)
    total.pages[:0] = own.pages
    total.files[:0] = own.files
    check_output_paths(total)
    return total


def check_output_paths(contribution: Contribution) -> None:
    """Every generated path is a safe, portable relative path, and no two differ only in case.

    Raises :class:`~build_tools.security.paths.UnsafePath`. Ids are validated long before this;
    this is the last gate before anything is written, whoever produced the path.
    """
    from ..security.paths import UnsafePath, case_collisions, check_relative
    from ..urls import src_for_path

    paths = [src_for_path(p.path) for p in contribution.pages] + [f.path for f in contribution.files]
    for path in paths:
        check_relative(path)
    collisions = case_collisions(paths)
    if collisions:
        raise UnsafePath(f"Pfade unterscheiden sich nur in Groß-/Kleinschreibung: {collisions[0]}")
